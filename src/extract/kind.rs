//! Résumé or job posting: cue phrases from `lexicons/cues/kind.toml`, dated positions and
//! contacts near the top. Each cue phrase counts once however often it recurs: a résumé's
//! project tables repeat "Responsibilities" and its page headers repeat "Resume", and that
//! repetition is layout, not more evidence.

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    resume: Vec<String>,
    posting: Vec<String>,
}

/// Every cue phrase, its payload the phrase's number: the résumé phrases come first.
struct Cues {
    set: PhraseSet,
    /// How many phrases are résumé cues (payloads below this).
    resume: usize,
    /// How many phrases in all.
    len: usize,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let f: File = toml::from_str(include_str!("../../lexicons/cues/kind.toml"))
        .expect("kind.toml is checked by the test suite");
    let phrases = f.resume.iter().chain(&f.posting);
    let set = PhraseSet::new(phrases.enumerate().map(|(i, p)| (p.as_str(), i as u32)));
    Cues {
        set,
        resume: f.resume.len(),
        len: f.resume.len() + f.posting.len(),
    }
});

/// Whether `text` reads as a résumé, given how many dated positions it has and whether a
/// contact stands in its first lines.
pub(crate) fn is_resume(text: &str, positions: usize, contact_at_top: bool) -> bool {
    let mut seen = vec![false; CUES.len];
    let (mut resume, mut posting) = (0usize, 0usize);
    for (r, p) in CUES.set.find_iter(text) {
        // A cue hyphenated onto the next word is part of a compound, here often a name:
        // "Objective-C" is no résumé's objective.
        let b = text.as_bytes();
        if b.get(r.end) == Some(&b'-') && b.get(r.end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let p = p as usize;
        if std::mem::replace(&mut seen[p], true) {
            continue;
        }
        if p < CUES.resume {
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
