//! Education requirements: the degree level a sentence names (from
//! `lexicons/cues/education.toml`), the fields of study after it, and "or equivalent".

use crate::disambiguate::contains_word;
use serde::Deserialize;
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

/// Where `needle` (an abbreviation such as "MS") occurs in `hay` exactly, with no letter or
/// digit touching it, and read as a degree: followed by "in", "or", "degree", a slash, a comma or
/// the end — not "MS Teams" or "BA Airways".
fn find_cased(hay: &str, needle: &str) -> Option<usize> {
    hay.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let rest = &hay[i + needle.len()..];
        let after = rest.chars().next();
        let next = rest.trim_start();
        let reads_as_degree = next.is_empty()
            || next.starts_with(['/', ',', '(', '.', ';', ')'])
            || ["in ", "or ", "degree", "and ", "from "]
                .iter()
                .any(|w| next.starts_with(w));
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && reads_as_degree
    })
}

/// The education a sentence asks for, if any: the first level it names (levels in file
/// order), where the earliest mention in the sentence wins.
pub(crate) fn find(sentence: &str) -> Option<Found> {
    let lower = sentence.to_lowercase();
    let mut best: Option<(usize, &Level, usize)> = None; // (position, level, phrase length)
    for level in &DATA.level {
        let lower_hits = level
            .phrases
            .iter()
            .filter(|p| contains_word(&lower, p))
            .map(|p| (lower.find(p.as_str()), p.len()));
        let cased_hits = level.cased.iter().map(|p| (find_cased(sentence, p), p.len()));
        for (pos, len) in lower_hits.chain(cased_hits) {
            let Some(pos) = pos else { continue };
            if best.is_none_or(|(b, _, _)| pos < b) {
                best = Some((pos, level, len));
            }
        }
    }
    let (pos, level, len) = best?;
    let or_equivalent = DATA.equivalent.phrases.iter().any(|p| contains_word(&lower, p));
    // "degree in" and "masters in" end where the fields begin: step back over the "in".
    let after = &lower[(pos + len).min(lower.len())..];
    let phrase = &lower[pos..(pos + len).min(lower.len())];
    let fields = match phrase.rsplit_once(' ') {
        Some((_, last @ ("in" | "from"))) => self::fields(&format!("{last} {after}")),
        _ => self::fields(after),
    };
    Some(Found {
        level: level.level.clone(),
        fields,
        or_equivalent,
    })
}

/// Fields of study after the level: "in Computer Science, Engineering or a related field".
fn fields(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("degree").unwrap_or(rest).trim_start();
    // "BS or MS in CS", "MSc/PhD in Physics": step over the other levels to the fields.
    let rest = match rest.find(" in ") {
        Some(i)
            if (rest.starts_with("or ") || rest.starts_with('/'))
                && rest[..i].split_whitespace().count() <= 3 =>
        {
            &rest[i + 1..]
        }
        _ => rest,
    };
    let Some(rest) = ["in ", "of ", "on ", "with a major in "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return Vec::new();
    };
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
        if let Some(i) = rest[..end].find(s) {
            end = end.min(i);
        }
    }
    rest[..end]
        .split([',', '/'])
        .flat_map(|part| part.split(" or "))
        .flat_map(|part| part.split(" and "))
        .map(|f| {
            f.trim()
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("or ")
                .trim()
        })
        .filter(|f| !f.is_empty() && f.split_whitespace().count() <= 5)
        .map(str::to_string)
        .take(8)
        .collect()
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
            let got = find(s);
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
