//! Phrase sets: many lower-case cue phrases found in one pass (an ASCII-case-insensitive
//! Aho-Corasick automaton), as whole words. Every extractor's cue list is one of these, so a
//! document is scanned once per list, not once per phrase.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// A set of phrases, each with a payload (the index of what it stands for).
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    automaton: AhoCorasick,
    payloads: Vec<u32>,
}

impl PhraseSet {
    /// Builds the set from `(phrase, payload)` pairs; phrases match ASCII-case-insensitively.
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, u32)>) -> PhraseSet {
        let (patterns, payloads): (Vec<&str>, Vec<u32>) = phrases.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A DFA searches several times faster than an NFA; it is worth its build time and
            // memory for cue lists of a few hundred phrases (a long place list stays an NFA).
            .kind(Some(if patterns.len() <= 500 {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            }))
            .build(&patterns)
            .expect("cue lists are small");
        PhraseSet { automaton, payloads }
    }

    /// Every whole-word match in `hay`, left to right, not overlapping.
    pub(crate) fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (Range<usize>, u32)> + 'h {
        self.automaton.find_iter(hay).filter_map(move |m| {
            let before = hay[..m.start()].chars().next_back();
            let after = hay[m.end()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let first_is_word = hay[m.start()..].chars().next().is_some_and(char::is_alphanumeric);
            let last_is_word = hay[..m.end()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let ok = !(first_is_word && word(before) || last_is_word && word(after));
            ok.then(|| (m.range(), self.payloads[m.pattern().as_usize()]))
        })
    }

    /// Every match in `hay`, whole words or not (for prefilters: "3yrs" holds "yrs").
    pub(crate) fn find_iter_anywhere<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Range<usize>> + 'h {
        self.automaton.find_iter(hay).map(|m| m.range())
    }

    /// The payloads found in `hay`.
    pub(crate) fn payloads_in<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = u32> + 'h {
        self.find_iter(hay).map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_any_case() {
        let set = PhraseSet::new([("must", 0), ("nice to have", 1), ("(k)", 2)]);
        let hits: Vec<u32> = set
            .payloads_in("You MUST; Nice to have; mustard; 401(k)")
            .collect();
        assert_eq!(hits, [0, 1, 2]);
    }
}
