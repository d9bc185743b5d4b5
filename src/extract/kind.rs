//! Résumé or job posting: cue phrases from `lexicons/cues/kind.toml`, dated positions and
//! contacts near the top.

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    resume: Vec<String>,
    posting: Vec<String>,
}

const RESUME: u32 = 0;
const POSTING: u32 = 1;

static CUES: LazyLock<PhraseSet> = LazyLock::new(|| {
    let f: File = toml::from_str(include_str!("../../lexicons/cues/kind.toml"))
        .expect("kind.toml is checked by the test suite");
    let mut all: Vec<(&str, u32)> = f.resume.iter().map(|p| (p.as_str(), RESUME)).collect();
    all.extend(f.posting.iter().map(|p| (p.as_str(), POSTING)));
    PhraseSet::new(all)
});

/// Whether `text` reads as a résumé, given how many dated positions it has and whether a
/// contact stands in its first lines.
pub(crate) fn is_resume(text: &str, positions: usize, contact_at_top: bool) -> bool {
    let (mut resume, mut posting) = (0usize, 0usize);
    for p in CUES.payloads_in(text) {
        if p == RESUME {
            resume += 1;
        } else {
            posting += 1;
        }
    }
    resume += 2 * positions.min(3) + 2 * usize::from(contact_at_top);
    resume > posting
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_decide() {
        assert!(is_resume("Jane Doe\nWork Experience\nAcme, Engineer", 1, true));
        assert!(!is_resume(
            "We are looking for an engineer. Responsibilities: you will build.",
            0,
            false
        ));
        assert!(!is_resume("", 0, false));
    }
}
