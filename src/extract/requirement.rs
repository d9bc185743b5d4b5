//! The requirement level of a sentence: cue phrases from `lexicons/cues/requirement.toml`,
//! then the section it is in (the order is documented in that file).

use crate::phrases::PhraseSet;
use crate::tags::Requirement;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    preferred: Vec<String>,
    required: Vec<String>,
    strong_required: Vec<String>,
    weak_required: Vec<String>,
}

const PREFERRED: u32 = 0;
const REQUIRED: u32 = 1;
const STRONG: u32 = 2;
const WEAK: u32 = 3;

/// Every cue, with its tier.
static CUES: LazyLock<PhraseSet> = LazyLock::new(|| {
    let cues: Cues = toml::from_str(include_str!("../../lexicons/cues/requirement.toml"))
        .expect("requirement.toml is checked by the test suite");
    let tier = |list: &[String], t: u32| list.iter().map(move |p| (p.clone(), t)).collect::<Vec<_>>();
    let all: Vec<(String, u32)> = [
        tier(&cues.preferred, PREFERRED),
        tier(&cues.required, REQUIRED),
        tier(&cues.strong_required, STRONG),
        tier(&cues.weak_required, WEAK),
    ]
    .concat();
    PhraseSet::new(all.iter().map(|(p, t)| (p.as_str(), *t)))
});

/// The level of a sentence in a section of kind `section`.
pub(crate) fn level(sentence: &str, section: Option<&str>) -> Requirement {
    let mut tiers = [false; 4];
    for t in CUES.payloads_in(sentence) {
        tiers[t as usize] = true;
    }
    if tiers[PREFERRED as usize] {
        return Requirement::Preferred;
    }
    if tiers[REQUIRED as usize] {
        return Requirement::Required;
    }
    if tiers[STRONG as usize] && section != Some("preferred") {
        return Requirement::Required;
    }
    match section {
        Some("requirements") => Requirement::Required,
        Some("preferred") => Requirement::Preferred,
        Some("responsibilities" | "benefits" | "about-company" | "equal-opportunity" | "how-to-apply") => {
            Requirement::Mentioned
        }
        _ if tiers[WEAK as usize] => Requirement::Required,
        _ => Requirement::Mentioned,
    }
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&CUES);
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
        (
            "familiarity with terraform",
            Some("requirements"),
            Requirement::Required,
        ),
        // How much, not whether: the preferred section decides; elsewhere it asks.
        (
            "proficiency in typescript",
            Some("preferred"),
            Requirement::Preferred,
        ),
        (
            "at least 2 years of go",
            Some("preferred"),
            Requirement::Preferred,
        ),
        (
            "proficiency in typescript",
            Some("responsibilities"),
            Requirement::Required,
        ),
        ("strong experience with kafka", None, Requirement::Required),
        (
            "proficiency in typescript is required",
            Some("preferred"),
            Requirement::Required,
        ),
    ];

    #[test]
    fn levels() {
        for (s, sec, want) in CASES {
            assert_eq!(level(s, *sec), *want, "{s:?} in {sec:?}");
        }
    }
}
