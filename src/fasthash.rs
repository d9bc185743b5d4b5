//! A fast hash for the lookup tables built from the lexicon and the cue files.
//!
//! The keys are short (words, phrases, ids) and the tables' contents are fixed by the data files,
//! so input text can only look keys up, never choose what collides: no need for the standard
//! library's DoS-resistant (and slower) SipHash. Tables whose keys come from the input keep it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the bytes written.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map hashed with [`Fnv`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A set hashed with [`Fnv`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Words looked up in any ASCII case: what a scan of a word list with `eq_ignore_ascii_case`
/// answers, in one hash lookup.
pub(crate) struct WordSet {
    words: FastSet<Vec<u8>>,
    /// The longest word, in bytes: a longer one is not looked up.
    longest: usize,
}

impl WordSet {
    /// The set of `words` (any case).
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> WordSet {
        let words: FastSet<Vec<u8>> = words
            .into_iter()
            .map(|w| w.as_bytes().to_ascii_lowercase())
            .collect();
        let longest = words.iter().map(Vec::len).max().unwrap_or(0);
        WordSet { words, longest }
    }

    /// Whether `word` equals one of the words, ignoring ASCII case.
    pub(crate) fn contains(&self, word: &str) -> bool {
        const STACK: usize = 32;
        let b = word.as_bytes();
        if b.len() > self.longest {
            return false;
        }
        if !b.iter().any(u8::is_ascii_uppercase) {
            return self.words.contains(b);
        }
        if b.len() <= STACK {
            let mut buf = [0u8; STACK];
            buf[..b.len()].copy_from_slice(b);
            buf[..b.len()].make_ascii_lowercase();
            return self.words.contains(&buf[..b.len()]);
        }
        self.words.contains(&b.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn a_word_set_answers_as_a_scan_ignoring_ascii_case() {
        let list: Vec<String> = [
            "remote",
            "In",
            "vor ort",
            "télétravail",
            "a-very-long-word-of-more-than-32-bytes",
        ]
        .map(String::from)
        .to_vec();
        let set = WordSet::new(&list);
        let probes = [
            "remote",
            "REMOTE",
            "Remote",
            "in",
            "IN",
            "vor Ort",
            "TéLéTRAVAIL",
            "Télétravail",
            "TÉLÉTRAVAIL",
            "remotely",
            "",
            "i",
            "A-VERY-LONG-WORD-OF-MORE-THAN-32-BYTES",
            "a-very-long-word-of-more-than-32-byte",
        ];
        for p in probes {
            let scan = list.iter().any(|w| w.eq_ignore_ascii_case(p));
            assert_eq!(set.contains(p), scan, "{p:?}");
        }
        assert!(set.contains("Remote") && !set.contains("TÉLÉTRAVAIL"));
    }

    #[test]
    fn fnv_1a_reference_values() {
        // The published FNV-1a 64-bit test vectors.
        let hash = |s: &str| BuildHasherDefault::<Fnv>::default().hash_one(s.as_bytes());
        let raw = |s: &[u8]| {
            let mut h = Fnv::default();
            h.write(s);
            h.finish()
        };
        assert_eq!(raw(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(raw(b"foobar"), 0x8594_4171_f739_67e8);
        assert_ne!(hash("java"), hash("javascript"));
        let map: FastMap<&str, u32> = [("go", 1), ("rust", 2)].into_iter().collect();
        assert_eq!(map.get("rust"), Some(&2));
        assert_eq!(map.get("ruby"), None);
    }
}
