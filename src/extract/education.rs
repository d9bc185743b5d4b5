//! Education requirements: the degree level a sentence names (from
//! `lexicons/cues/education.toml`), the fields of study after it, and "or equivalent".

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    level: Vec<Level>,
    equivalent: Phrases,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    level: String,
    phrases: Vec<String>,
    #[serde(default)]
    cased: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    phrases: Vec<String>,
}

static DATA: LazyLock<File> = LazyLock::new(|| {
    toml::from_str(include_str!("../../lexicons/cues/education.toml"))
        .expect("education.toml is checked by the test suite")
});

/// What a sentence says about education.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) level: String,
    pub(crate) fields: Vec<String>,
    pub(crate) or_equivalent: bool,
}

/// Level phrases (payload: level index) and cased forms (payload: level index | `CASED`, with
/// the form's index in the list above bit 16).
static LEVELS: LazyLock<(PhraseSet, Vec<String>)> = LazyLock::new(|| {
    let mut all: Vec<(String, u32)> = Vec::new();
    let mut cased_forms = Vec::new();
    for (i, l) in DATA.level.iter().enumerate() {
        all.extend(l.phrases.iter().map(|p| (p.clone(), i as u32)));
        for c in &l.cased {
            all.push((c.clone(), i as u32 | CASED | (cased_forms.len() as u32) << 16));
            cased_forms.push(c.clone());
        }
    }
    (
        PhraseSet::new(all.iter().map(|(p, v)| (p.as_str(), *v))),
        cased_forms,
    )
});

static EQUIVALENT: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(DATA.equivalent.phrases.iter().map(|p| (p.as_str(), 0))));

const CASED: u32 = 1 << 8;

/// Whether an abbreviation at `range` reads as a degree: followed by "in", "or", "degree", a
/// slash, a comma or the end — not "MS Teams" or "BA Airways" —, and not a US state after a
/// city ("Boston, MA"; a list of degrees "BS, MS" is fine).
fn reads_as_degree(text: &str, range: &Range<usize>, cased_forms: &[String]) -> bool {
    let next = text[range.end..].trim_start_matches([' ', '\t']);
    let followed = next.is_empty()
        || next.starts_with(['/', ',', '(', '.', ';', ')', '\n'])
        || ["in ", "or ", "degree", "and ", "from "]
            .iter()
            .any(|w| next.starts_with(w));
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    let state = before.strip_suffix(',').is_some_and(|b| {
        let word = b
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        !cased_forms.iter().any(|f| f == word) && !word.eq_ignore_ascii_case("phd")
    });
    followed && !state
}

/// The education each sentence asks for: for every sentence that names a level, the level
/// named first, its fields and "or equivalent". Returns `(sentence index, found)` pairs.
pub(crate) fn find_all(text: &str, sentences: &[Range<usize>]) -> Vec<(usize, Found)> {
    let (set, cased_forms) = &*LEVELS;
    let mut out: Vec<(usize, Found)> = Vec::new();
    for (r, payload) in set.find_iter(text) {
        if payload & CASED != 0 {
            let form = &cased_forms[(payload >> 16) as usize];
            if text[r.clone()] != **form || !reads_as_degree(text, &r, cased_forms) {
                continue;
            }
        }
        let Some(si) = super::sentence_at(sentences, r.start) else {
            continue;
        };
        if out.last().is_some_and(|(last, _)| *last == si) {
            continue;
        }
        let sentence = &text[sentences[si].clone()];
        let after = &text[r.end..sentences[si].end.max(r.end)];
        let phrase = text[r.clone()].to_ascii_lowercase();
        // "degree in" and "masters in" end where the fields begin: step back over the "in".
        let fields = match phrase.rsplit_once(' ') {
            Some((_, last @ ("in" | "from"))) => self::fields(&format!("{last} {after}")),
            _ => self::fields(after),
        };
        // "or equivalent" may stand in the next sentence of the same line ("…; in lieu of a degree, …").
        let next_on_line = sentences
            .get(si + 1)
            .filter(|n| !text[sentences[si].end..n.start].contains('\n'));
        let or_equivalent = EQUIVALENT.find_iter(sentence).next().is_some()
            || next_on_line.is_some_and(|n| EQUIVALENT.find_iter(&text[n.clone()]).next().is_some());
        out.push((
            si,
            Found {
                level: DATA.level[(payload & 0xff) as usize].level.clone(),
                fields,
                or_equivalent,
            },
        ));
    }
    out
}

/// Fields of study after the level, from the original text: "in Computer Science,
/// Engineering or a related field". A field list ends at "or equivalent", "preferred", a full
/// stop, and at an "and" that goes on in lower case ("and state licensure").
fn fields(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let rest = strip_prefix_ci(rest, "degree").unwrap_or(rest).trim_start();
    // "BS or MS in CS", "MSc/PhD in Physics": step over the other levels to the fields.
    let lower = rest.to_ascii_lowercase();
    let rest = match lower.find(" in ") {
        Some(i)
            if (lower.starts_with("or ") || lower.starts_with('/'))
                && lower[..i].split_whitespace().count() <= 3 =>
        {
            &rest[i + 1..]
        }
        _ => rest,
    };
    let Some(rest) = ["in ", "of ", "on ", "with a major in "]
        .iter()
        .find_map(|p| strip_prefix_ci(rest, p))
    else {
        return Vec::new();
    };
    let lower = rest.to_ascii_lowercase();
    let stop = [
        " or equivalent",
        " or an equivalent",
        ", or equivalent",
        " preferred",
        " required",
        " is required",
        " from ",
        " with ",
        " and/or ",
        " plus ",
        " and equivalent",
        " and relevant",
        " and experience",
        " and at least",
        " and 2",
        " and 3",
        " and 4",
        " and 5",
    ];
    let mut end = rest.find(['.', ';', '(', ':', '\n', '!']).unwrap_or(rest.len());
    for s in stop {
        if let Some(i) = lower[..end].find(s) {
            end = end.min(i);
        }
    }
    for (i, _) in rest[..end].match_indices(" and ") {
        if rest[i + 5..].starts_with(|c: char| c.is_lowercase()) {
            end = end.min(i);
        }
    }
    rest[..end]
        .to_lowercase()
        .split([',', '/'])
        .flat_map(|part| part.split(" or ").map(str::to_string).collect::<Vec<_>>())
        .flat_map(|part| part.split(" and ").map(str::to_string).collect::<Vec<_>>())
        .map(|f| {
            f.trim()
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("or ")
                .trim()
                .to_string()
        })
        .filter(|f| !f.is_empty() && f.split_whitespace().count() <= 5)
        .take(8)
        .collect()
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(sentence, level, fields, or_equivalent)`; level `""` means nothing is found.
    const CASES: &[(&str, &str, &[&str], bool)] = &[
        (
            "Bachelor's degree in Computer Science, Engineering or a related field, or equivalent experience",
            "bachelor",
            &["computer science", "engineering", "related field"],
            true,
        ),
        (
            "BS/BA in CS or equivalent practical experience",
            "bachelor",
            &["cs"],
            true,
        ),
        ("B.Sc. in Mathematics", "bachelor", &["mathematics"], false),
        (
            "MSc or PhD in a quantitative field",
            "master",
            &["quantitative field"],
            false,
        ),
        (
            "PhD in Machine Learning preferred",
            "doctorate",
            &["machine learning"],
            false,
        ),
        ("M.S. in Statistics", "master", &["statistics"], false),
        ("4-year degree required", "bachelor", &[], false),
        ("A degree in CS", "bachelor", &["cs"], false),
        ("High school diploma or GED", "high_school", &[], false),
        ("Graduate of a coding bootcamp", "bootcamp", &[], false),
        ("Associate degree in IT", "associate", &["it"], false),
        ("We build AWS systems", "", &[], false),
        ("Manage MS Teams rooms", "", &[], false),
    ];

    #[test]
    fn education() {
        for (s, level, fields, eq) in CASES {
            let got = find_all(s, &crate::extract::sentences(s))
                .into_iter()
                .next()
                .map(|(_, f)| f);
            if level.is_empty() {
                assert!(got.is_none(), "{s:?}: {got:?}");
                continue;
            }
            let got = got.unwrap_or_else(|| panic!("{s:?}: nothing"));
            assert_eq!(got.level, *level, "{s:?}");
            assert_eq!(got.fields, *fields, "{s:?}");
            assert_eq!(got.or_equivalent, *eq, "{s:?}");
        }
    }
}
