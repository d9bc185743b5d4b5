//! Lexicon matching: one Aho-Corasick automaton (leftmost-longest, ASCII case-insensitive) over
//! every surface form, then boundary and case checks on each match.
//!
//! Aho-Corasick knows nothing of words, so each match is checked here: no letter, digit or
//! underscore may touch it (`go` never matches in "good"), it may not be one part of a dotted
//! name (`Vue` does not match in "Vue.jsx"), and a cased form must match its capitalisation.
//! A match that fails is not the end: the search resumes at the next word start inside it, so a
//! shorter form there still gets its chance.

use crate::input::OffsetMap;
use crate::lexicon::Lexicon;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, Match, MatchKind, StartKind};
use std::collections::HashMap;
use std::ops::Range;

/// One entry that owns a pattern, through one of its forms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Owner {
    pub(crate) entry: u32,
    pub(crate) form: u32,
    pub(crate) cased: bool,
    pub(crate) ruled: bool,
}

/// A match that passed the boundary checks, before context rules.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: u32,
    /// A version written after the name ("Python 3", "Java17", "Angular 2+").
    pub(crate) version: Option<Range<usize>>,
}

pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// `owners[spans[p].clone()]` are the owners of pattern `p`.
    spans: Vec<Range<u32>>,
    owners: Vec<Owner>,
    /// Whether any form has a space in it.
    multi_word: bool,
}

impl Matcher {
    pub(crate) fn new(lexicon: &Lexicon) -> Matcher {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<Owner>> = Vec::new();
        for (ei, e) in lexicon.entries().enumerate() {
            for (fi, f) in e.forms.iter().enumerate() {
                let key = f.text.to_ascii_lowercase();
                let p = *ids.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    by_pattern.push(Vec::new());
                    patterns.len() - 1
                });
                by_pattern[p].push(Owner {
                    entry: ei as u32,
                    form: fi as u32,
                    cased: f.cased,
                    ruled: f.ruled,
                });
            }
        }
        let mut spans = Vec::with_capacity(by_pattern.len());
        let mut owners = Vec::new();
        for list in by_pattern {
            let start = owners.len() as u32;
            owners.extend(list);
            spans.push(start..owners.len() as u32);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .expect("lexicon size is bounded by MAX_ENTRIES");
        let multi_word = patterns.iter().any(|p| p.contains(' '));
        Matcher {
            automaton,
            spans,
            owners,
            multi_word,
        }
    }

    pub(crate) fn owners(&self, pattern: u32) -> &[Owner] {
        let r = &self.spans[pattern as usize];
        &self.owners[r.start as usize..r.end as usize]
    }

    /// When the longest form at a position fails its boundary check ("OpenAPI Specifications"
    /// against the form "OpenAPI Specification"), the longest shorter form there that passes.
    fn shorter_at(&self, text: &str, failed: Match) -> Option<(Match, Option<Range<usize>>)> {
        let mut limit = failed.end();
        loop {
            limit = text[..limit].char_indices().next_back()?.0;
            if limit <= failed.start() {
                return None;
            }
            let input = Input::new(text)
                .span(failed.start()..limit)
                .anchored(Anchored::Yes);
            let m = self.automaton.find(input)?;
            if let Some(version) = check_boundaries(text, m.start(), m.end()) {
                return Some((m, version));
            }
            limit = m.end();
        }
    }

    /// Every boundary-checked match in `text`, left to right, not overlapping. Inside a
    /// multi-word name, any run of spaces, tabs and one line break reads as one space ("Power
    /// Point", "Azure⏎Blob Storage"): the automaton runs over a copy with such runs collapsed,
    /// and the matches are mapped back to `text`.
    pub(crate) fn candidates(&self, text: &str) -> Vec<Candidate> {
        match self.multi_word.then(|| flatten(text)).flatten() {
            None => self.scan(text),
            Some((flat, map)) => {
                let mut out = self.scan(&flat);
                for c in &mut out {
                    c.start = map.start(c.start);
                    c.end = map.end(c.end);
                    if let Some(v) = &mut c.version {
                        *v = map.start(v.start)..map.end(v.end);
                    }
                }
                out
            }
        }
    }

    fn scan(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut pos = 0;
        let bytes = text.as_bytes();
        while pos < text.len() {
            let Some(m) = self.automaton.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            let found = match check_boundaries(text, m.start(), m.end()) {
                Some(version) => Some((m, version)),
                None => self.shorter_at(text, m),
            };
            match found {
                Some((m, version)) => {
                    out.push(Candidate {
                        start: m.start(),
                        end: m.end(),
                        pattern: m.pattern().as_u32(),
                        version,
                    });
                    pos = m.end();
                }
                None => pos = next_word_start(bytes, text, m.start()),
            }
        }
        out
    }
}

/// `text` with each run of whitespace that holds more than a single space but at most one line
/// break collapsed to one space, and the map back; `None` when there is no such run.
fn flatten(text: &str) -> Option<(String, OffsetMap)> {
    let b = text.as_bytes();
    let needs = b
        .windows(2)
        .any(|w| w[0].is_ascii_whitespace() && (w[0] != b' ' || w[1].is_ascii_whitespace()));
    if !needs {
        return None;
    }
    let mut flat = String::with_capacity(text.len());
    let mut map = OffsetMap::builder();
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if !b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let run = &text[run_start..i];
        let newlines = run.bytes().filter(|&c| c == b'\n').count();
        if run == " " || newlines > 1 {
            continue;
        }
        map.linear(flat.len(), copied, run_start - copied);
        flat.push_str(&text[copied..run_start]);
        map.lump(flat.len(), 1, run_start, i - run_start);
        flat.push(' ');
        copied = i;
    }
    map.linear(flat.len(), copied, text.len() - copied);
    flat.push_str(&text[copied..]);
    Some((flat, map.finish()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Where a match that failed at `start` may next begin: past the word `start` is in.
fn next_word_start(bytes: &[u8], text: &str, start: usize) -> usize {
    let first = char_at(text, start).unwrap_or(' ');
    let mut i = start + first.len_utf8();
    if is_word_char(first) {
        while let Some(c) = char_at(text, i) {
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i.min(bytes.len())
}

/// Checks a raw match `start..end`; `Some(version)` when it stands on its own.
fn check_boundaries(text: &str, start: usize, end: usize) -> Option<Option<Range<usize>>> {
    let first = char_at(text, start)?;
    let last = char_before(text, end)?;
    if let Some(p) = char_before(text, start) {
        if is_word_char(p) {
            return None;
        }
        // "config.yaml", "foo.Java": one part of a dotted name.
        if p == '.' && is_word_char(first) && char_before(text, start - 1).is_some_and(is_word_char) {
            return None;
        }
    }
    let Some(n) = char_at(text, end) else {
        return Some(None);
    };
    if n.is_ascii_digit() {
        // "Python3", "Java17", "C++17": a version glued to a name of three or more
        // letters, or to a name that ends in punctuation.
        let glued_ok = !is_word_char(last) || (last.is_alphabetic() && end - start >= 3);
        if !glued_ok {
            return None;
        }
        let v_end = version_end(text, end)?;
        return Some(Some(end..v_end));
    }
    if is_word_char(n) && (is_word_char(last) || n.is_alphabetic()) {
        return None;
    }
    if n == '.' && is_word_char(last) && char_at(text, end + 1).is_some_and(is_word_char) {
        return None;
    }
    // "Python 3", "Angular 2+", "Java 17", but not "Python 3 years".
    if n == ' '
        && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit())
        && let Some(v_end) = version_end(text, end + 1)
    {
        let rest = text[v_end..].trim_start();
        let head: Vec<u8> = rest.bytes().take(5).map(|b| b.to_ascii_lowercase()).collect();
        if !(head.starts_with(b"y") || head.starts_with(b"month")) {
            return Some(Some(end + 1..v_end));
        }
    }
    Some(None)
}

/// The end of a version number starting at `i` ("3", "3.11", "2+", "8.x"), when it ends at a
/// boundary.
fn version_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    while j + 1 < b.len() && b[j] == b'.' && (b[j + 1].is_ascii_digit() || b[j + 1] == b'x') {
        j += 2;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    if j < b.len() && b[j] == b'+' {
        j += 1;
    }
    match char_at(text, j) {
        Some(c) if is_word_char(c) => None,
        _ => Some(j),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(check_boundaries("good", 0, 2), None);
        assert_eq!(check_boundaries("a go b", 2, 4), Some(None));
        assert_eq!(check_boundaries("Vue.jsx", 0, 3), None);
        assert_eq!(check_boundaries("Java.", 0, 4), Some(None));
        assert_eq!(check_boundaries("Python3 x", 0, 6), Some(Some(6..7)));
        assert_eq!(check_boundaries("C++17", 0, 3), Some(Some(3..5)));
        assert_eq!(check_boundaries("Angular 2+ app", 0, 7), Some(Some(8..10)));
        assert_eq!(check_boundaries("Python 3 years", 0, 6), Some(None));
        assert_eq!(check_boundaries("Go2", 0, 2), None);
        assert_eq!(check_boundaries("x.yaml", 2, 6), None);
    }
}
