//! Sections: headings classified into kinds (requirements, preferred, benefits, …) from the
//! phrasings in `lexicons/sections/headings.toml`.

use crate::disambiguate::contains_word;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kind: Vec<KindPhrases>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindPhrases {
    kind: String,
    phrases: Vec<String>,
}

/// `(normalised phrase, kind)`, longest phrase first.
static PHRASES: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../lexicons/sections/headings.toml"))
        .expect("headings.toml is checked by the test suite");
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for k in file.kind {
        let kind: &'static str = Box::leak(k.kind.into_boxed_str());
        out.extend(k.phrases.iter().map(|p| (normalise(p), kind)));
    }
    out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    out
});

/// Lower case, with every run of non-alphanumeric characters (apostrophes dropped) as one space.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| c != '\'' && c != '’') {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// The kind of section a heading announces, or `other`.
///
/// ```
/// assert_eq!(jdtag::section_kind("Preferred Qualifications"), "preferred");
/// assert_eq!(jdtag::section_kind("What You'll Bring"), "requirements");
/// assert_eq!(jdtag::section_kind("Our Amazing Office Dog"), "other");
/// ```
pub fn section_kind(heading: &str) -> &'static str {
    let h = normalise(heading);
    PHRASES
        .iter()
        .find(|(p, _)| contains_word(&h, p))
        .map_or("other", |(_, k)| k)
}
