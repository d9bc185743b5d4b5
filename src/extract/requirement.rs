//! The requirement level of a sentence: cue phrases from `lexicons/cues/requirement.toml`,
//! then the section it is in.

use crate::disambiguate::contains_word;
use crate::tags::Requirement;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    preferred: Vec<String>,
    required: Vec<String>,
    weak_required: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    toml::from_str(include_str!("../../lexicons/cues/requirement.toml"))
        .expect("requirement.toml is checked by the test suite")
});

/// The level of a sentence (given lower-cased) in a section of kind `section`.
pub(crate) fn level(sentence_lower: &str, section: Option<&str>) -> Requirement {
    let has = |list: &[String]| list.iter().any(|c| contains_word(sentence_lower, c));
    if has(&CUES.preferred) {
        return Requirement::Preferred;
    }
    if has(&CUES.required) {
        return Requirement::Required;
    }
    match section {
        Some("requirements") => Requirement::Required,
        Some("preferred") => Requirement::Preferred,
        Some("responsibilities" | "benefits" | "about-company" | "equal-opportunity" | "how-to-apply") => {
            Requirement::Mentioned
        }
        _ if has(&CUES.weak_required) => Requirement::Required,
        _ => Requirement::Mentioned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(sentence, section, level)`.
    const CASES: &[(&str, Option<&str>, Requirement)] = &[
        (
            "kubernetes is a plus",
            Some("requirements"),
            Requirement::Preferred,
        ),
        (
            "you must know go",
            Some("responsibilities"),
            Requirement::Required,
        ),
        ("python", Some("requirements"), Requirement::Required),
        ("kafka", Some("preferred"), Requirement::Preferred),
        ("experience with kafka", Some("preferred"), Requirement::Preferred),
        ("experience with kafka", None, Requirement::Required),
        (
            "build services in go",
            Some("responsibilities"),
            Requirement::Mentioned,
        ),
        ("we use go", None, Requirement::Mentioned),
        (
            "docker is not required",
            Some("requirements"),
            Requirement::Preferred,
        ),
        ("familiarity with terraform is nice", None, Requirement::Preferred),
        ("familiarity with terraform", Some("requirements"), Requirement::Required),
    ];

    #[test]
    fn levels() {
        for (s, sec, want) in CASES {
            assert_eq!(level(s, *sec), *want, "{s:?} in {sec:?}");
        }
    }
}
