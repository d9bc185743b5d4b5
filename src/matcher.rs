//! Lexicon matching: every surface form, found at word starts, longest first, then boundary
//! and case checks on each match.
//!
//! Forms are indexed by their first segment — the run of letters, of digits, or of non-ASCII
//! bytes they open with, or their first punctuation byte ("aws" for "AWS Lambda", "c" for
//! "C++", "node" for "Node.js"). The text is lower-cased once (ASCII only, so offsets stay),
//! and at each position where no letter, digit or underscore stands before, its first segment
//! is looked up and the forms under it are tried longest first. A form that matches is checked
//! here: no letter, digit or underscore may touch its end (`go` never matches in "good"), it may
//! not be one part of a dotted name (`Vue` does not match in "Vue.jsx"), and a cased form must
//! match its capitalisation. When the longest form fails a check ("OpenAPI Specifications"
//! against the form "OpenAPI Specification"), the next shorter one at the same start gets its
//! chance. This finds exactly what a leftmost-longest scan followed by those checks finds, at a
//! fraction of the cost to build: one hash table instead of an automaton of every form — and
//! for the built-in lexicon not even that, as `build.rs` embeds its index
//! ([`crate::matcher_index`]).

use crate::input::OffsetMap;
use crate::lexicon::Lexicon;
pub(crate) use crate::matcher_index::Owner;
use crate::matcher_index::{Index, owner, segment_end_within, unspaced_script, word_at};
use std::ops::Range;

/// A match that passed the boundary checks, before context rules.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: u32,
    /// A version written after the name ("Python 3", "Java17", "Angular 2+").
    pub(crate) version: Option<Range<usize>>,
}

impl Candidate {
    /// Maps the spans found in a rewritten copy of a text (see [`flatten`], [`dehyphenate`])
    /// back to `text`. A version read across a line break is none: "Puppet⏎3. Run the tests"
    /// is a name ending a numbered list's item and the next item's number.
    fn map_back(&mut self, map: &OffsetMap, text: &str) {
        self.start = map.start(self.start);
        self.end = map.end(self.end);
        if let Some(v) = self.version.take() {
            let v = map.start(v.start)..map.end(v.end);
            let gap = text.get(self.end..v.start).unwrap_or_default();
            self.version = (!gap.contains('\n')).then_some(v);
        }
    }
}

/// The lexicon's forms, indexed for the scan (see [`crate::matcher_index`]).
pub(crate) struct Matcher {
    index: Index,
}

impl Matcher {
    pub(crate) fn new(lexicon: &Lexicon) -> Matcher {
        let forms: Vec<(&str, Owner)> = lexicon
            .entries()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.forms.iter().enumerate().map(move |(fi, f)| {
                    let flags = u8::from(f.cased) | u8::from(f.ruled) << 1;
                    (&*f.text, owner(ei as u32, fi as u32, flags))
                })
            })
            .collect();
        Matcher {
            index: Index::build(&forms),
        }
    }

    /// The matcher of the built-in lexicon, from the index `build.rs` embedded (`None` when the
    /// built-in files had a problem at build time).
    pub(crate) fn builtin() -> Option<Matcher> {
        crate::lexicon::builtin_index().map(|index| Matcher { index })
    }

    pub(crate) fn owners(&self, pattern: u32) -> &[Owner] {
        self.index.owners_of(pattern)
    }

    /// Every boundary-checked match in `text`, left to right, not overlapping. Inside a
    /// multi-word name, any run of spaces, tabs and one line break reads as one space ("Power
    /// Point", "Azure⏎Blob Storage"): the scan runs over a copy with such runs collapsed, and
    /// the matches are mapped back to `text`.
    pub(crate) fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut out = self.candidates_in_lines(text);
        // A name hyphenated across a line end, as text copied from a justified PDF has it
        // ("Kuber-⏎netes"): found in a copy with such words joined, and kept when it spans a
        // join. A compound broken at its own hyphen ("scikit-⏎learn") is still found as
        // written, the line break read as a space.
        if let Some((joined, map, joins)) = dehyphenate(text) {
            let spans_join = |c: &Candidate| {
                let i = joins.partition_point(|&j| j <= c.start);
                joins.get(i).is_some_and(|&j| j < c.end)
            };
            let extra: Vec<Candidate> = self
                .candidates_in_lines(&joined)
                .into_iter()
                .filter(spans_join)
                .map(|mut c| {
                    c.map_back(&map, text);
                    c
                })
                .collect();
            if !extra.is_empty() {
                out.retain(|c| !extra.iter().any(|x| x.start < c.end && c.start < x.end));
                out.extend(extra);
                out.sort_by_key(|c| c.start);
            }
        }
        out
    }

    /// [`candidates`](Self::candidates) without the hyphenated words.
    fn candidates_in_lines(&self, text: &str) -> Vec<Candidate> {
        match self.index.multi_word.then(|| flatten(text)).flatten() {
            None => self.scan(text),
            Some((flat, map)) => {
                let mut out = self.scan(&flat);
                for c in &mut out {
                    c.map_back(&map, text);
                }
                out
            }
        }
    }

    /// The longest pattern at `p` that passes the boundary checks; in a run of letters with
    /// words glued together ("PythonExperience"), else the longest that ends where a glued
    /// word begins.
    fn at(&self, text: &str, lower: &[u8], p: usize) -> Option<Candidate> {
        // A segment longer than any pattern's first one opens none; it is read no further
        // (reading a huge run of letters to its end from each word in it was quadratic).
        let seg = segment_end_within(lower, p, p + self.index.longest_segment + 1);
        self.at_segment(text, lower, p, seg).or_else(|| {
            // A glued name's first segment is no longer than the longest: a huge run of glued
            // words ("ConsulConsul…") is read that far from each word in it, not to its end
            // (which was cubic).
            let seg = seg.min(p + self.index.longest_segment + 1);
            // No capital after the first letter, no glue (most words: one comparison).
            if lower[p + 1..seg] == text.as_bytes()[p + 1..seg] {
                return None;
            }
            // Longest first: "ManageEngineCloud" is ManageEngine.
            (p + 2..seg)
                .rev()
                .filter(|&i| camel_start(text, i))
                .find_map(|glued| self.at_segment(text, lower, p, glued))
        })
    }

    /// The longest pattern at `p` whose first segment is `lower[p..seg]`. A name read out of
    /// glued words must not need context ("GoDaddy" is no Go): a longer one that does gives
    /// way to a shorter one at `p` ("CRSP US Stock DatabaseNorthfield" is CRSP).
    fn at_segment(&self, text: &str, lower: &[u8], p: usize, seg: usize) -> Option<Candidate> {
        if seg - p > self.index.longest_segment {
            return None;
        }
        let group = self.index.group(&lower[p..seg])?;
        // The segment matched the group's; the eight bytes after it decide most patterns.
        let here = word_at(lower, seg);
        for slot in group {
            let end = p + slot.len as usize;
            if here & slot.mask != slot.head || end > lower.len() {
                continue;
            }
            let checked = seg + 8 - p;
            if end - p > checked
                && lower[p + checked..end] != self.index.pattern(slot.pattern as usize)[checked..]
            {
                continue;
            }
            let id = slot.pattern;
            let glued = || camel_start(text, p) || camel_start(text, end);
            if let Some(version) = check_boundaries(text, p, end)
                && (self.owners(id).iter().any(|o| !o.ruled) || !glued())
            {
                return Some(Candidate {
                    start: p,
                    end,
                    pattern: id,
                    version,
                });
            }
        }
        None
    }

    /// "SAP MM/SD", "Microsoft Word/Excel": after a name of several words that ends at
    /// `start..end`, each "/X" where the name's leading words followed by X make another name
    /// is that name (its span is X's). Returns where the scan goes on, when any was found.
    fn shared_prefix(
        &self,
        text: &str,
        lower: &[u8],
        start: usize,
        end: usize,
        out: &mut Vec<Candidate>,
    ) -> Option<usize> {
        if lower.get(end) != Some(&b'/') {
            return None;
        }
        let prefix = &lower[start..=start + lower[start..end].iter().rposition(|&b| b == b' ')?];
        let mut at = end;
        while lower.get(at) == Some(&b'/') {
            let x = at + 1;
            let x_end = x + lower[x..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            // The piece alone may name something longer ("SAP MM/SD-WAN"): the scan reads it.
            if x_end == x || self.at(text, lower, x).is_some_and(|c| c.end > x_end) {
                break;
            }
            let key = [prefix, &lower[x..x_end]].concat();
            let key = String::from_utf8(key).ok()?;
            let whole = self.at(&key, key.as_bytes(), 0).filter(|c| c.end == key.len());
            let (Some(name), Some(_)) = (whole, check_boundaries(text, x, x_end)) else {
                break;
            };
            out.push(Candidate {
                start: x,
                end: x_end,
                pattern: name.pattern,
                version: None,
            });
            at = x_end;
        }
        (at > end).then_some(at)
    }

    fn scan(&self, text: &str) -> Vec<Candidate> {
        let lower = text.as_bytes().to_ascii_lowercase();
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut after_word = false;
        while i < bytes.len() {
            if self.index.first[lower[i] as usize]
                && (!after_word || camel_start(text, i))
                && let Some(m) = self.at(text, &lower, i)
            {
                i = m.end;
                after_word = char_before(text, i).is_some_and(is_word_char);
                let (start, end) = (m.start, m.end);
                out.push(m);
                i = self
                    .shared_prefix(text, &lower, start, end, &mut out)
                    .unwrap_or(i);
                continue;
            }
            // ASCII bytes need no decoding.
            let b = bytes[i];
            if b < 0x80 {
                after_word = b.is_ascii_alphanumeric() || b == b'_';
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                after_word = is_word_char(c);
                i += c.len_utf8();
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

/// `text` with each word hyphenated across a line end joined ("Kuber-⏎netes" as
/// "Kubernetes", "Type-⏎Script" as "TypeScript"): a hyphen after two letters, then spaces
/// holding one line break, then a letter. Returns the joined text, the map back to `text`,
/// and where each join is in the joined text (in order); `None` when there is no such word.
fn dehyphenate(text: &str) -> Option<(String, OffsetMap, Vec<usize>)> {
    let b = text.as_bytes();
    let mut out: Option<(String, crate::input::OffsetMapBuilder, Vec<usize>)> = None;
    let mut copied = 0;
    for nl in memchr::memchr_iter(b'\n', b) {
        let mut h = nl;
        while h > 0 && matches!(b[h - 1], b' ' | b'\t' | b'\r') {
            h -= 1;
        }
        let Some(hyphen) = h.checked_sub(1).filter(|&i| b[i] == b'-' && i >= copied) else {
            continue;
        };
        let two_letters = text[..hyphen]
            .chars()
            .rev()
            .take(2)
            .filter(|c| c.is_alphabetic())
            .count()
            == 2;
        let mut next = nl + 1;
        while next < b.len() && matches!(b[next], b' ' | b'\t') {
            next += 1;
        }
        if !two_letters || !text[next..].chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let (joined, map, joins) = out.get_or_insert_with(|| {
            (
                String::with_capacity(text.len()),
                OffsetMap::builder(),
                Vec::new(),
            )
        });
        map.linear(joined.len(), copied, hyphen - copied);
        joined.push_str(&text[copied..hyphen]);
        map.lump(joined.len(), 0, hyphen, next - hyphen);
        joins.push(joined.len());
        copied = next;
    }
    let (mut joined, mut map, joins) = out?;
    map.linear(joined.len(), copied, text.len() - copied);
    joined.push_str(&text[copied..]);
    Some((joined, map.finish(), joins))
}

/// A letter, digit or underscore that a name may not touch. Letters of scripts written without
/// spaces between words (Chinese, Japanese, Korean particles, Thai) do not count: there a
/// name runs straight into the next word ("PythonとAWSの経験", "Java개발자", "熟悉Kubernetes").
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !unspaced_script(c)
}

/// The script of `c` among those written without spaces between words, as far as a word
/// boundary goes: a name in one of them may not run on into a letter of its own script ("ワード"
/// is no name inside "キーワード", "奉行" none inside "勘定奉行"), but it may into another
/// ("弥生会計の", "マネーフォワードで"). The katakana middle dot ("・") and prolonged-sound mark
/// stand between words and inside them: the dot is punctuation, the mark a katakana letter.
fn unspaced_class(c: char) -> Option<u8> {
    if !unspaced_script(c) || c == '・' || c == '･' {
        return None;
    }
    Some(match u32::from(c) {
        0x0E00..=0x0EFF => 0,
        0x1100..=0x11FF | 0xA960..=0xA97F | 0xAC00..=0xD7FF => 1,
        0x3040..=0x309F => 2,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => 3,
        _ => 4,
    })
}

/// Hangul: words are spaced, particles glued after them ("자바스크립트를").
const HANGUL: u8 = 1;

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Whether a capitalised word starts at `i` right after a lower-case letter or after an
/// acronym of three or more capitals: two words glued together when markup was stripped
/// ("Spring BootExperience with Kafka", "toolsDocker", "SQLStrong communication"). The word
/// must go on in lower case, so "MySQL", "iOS" and "DBeaver" are no such place. Two capitals
/// open a name more often than they end a glued acronym ("UIKit", "ARKit", "JSDoc"): read as
/// glue, "Swift UIKit" was SwiftUI ("Swift UI" + "Kit") and JSDoc was JavaScript.
fn camel_start(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let capital = |j: usize| b[j].is_ascii_uppercase();
    b.get(i).is_some_and(u8::is_ascii_uppercase)
        && i > 0
        && (b[i - 1].is_ascii_lowercase() || (i > 2 && capital(i - 1) && capital(i - 2) && capital(i - 3)))
        && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
}

/// Checks a raw match `start..end`; `Some(version)` when it stands on its own.
fn check_boundaries(text: &str, start: usize, end: usize) -> Option<Option<Range<usize>>> {
    let first = char_at(text, start)?;
    let last = char_before(text, end)?;
    if let Some(p) = char_before(text, start) {
        if is_word_char(p) && !camel_start(text, start) {
            return None;
        }
        if unspaced_class(first).is_some_and(|k| unspaced_class(p) == Some(k)) {
            return None;
        }
        // "config.yaml", "foo.Java": one part of a dotted name.
        if p == '.'
            && is_word_char(first)
            && char_before(text, start - 1).is_some_and(is_word_char)
            && !crate::words::glued_full_stop(text, start - 1)
        {
            return None;
        }
    }
    let Some(n) = char_at(text, end) else {
        return Some(None);
    };
    if unspaced_class(last).is_some_and(|k| k != HANGUL && unspaced_class(n) == Some(k)) {
        return None;
    }
    if n.is_ascii_digit() {
        // "Python3", "Java17", "C++17": a version glued to a name of three or more
        // letters, or to a name that ends in punctuation.
        let glued_ok = !is_word_char(last) || (last.is_alphabetic() && end - start >= 3);
        if !glued_ok {
            return None;
        }
        if amount_at(text, end) {
            // "PHP45,000": an amount, no version (whether the name is money is decided later).
            return Some(None);
        }
        let v_end = version_end(text, end)?;
        return Some(Some(end..v_end));
    }
    if is_word_char(n) && (is_word_char(last) || n.is_alphabetic()) && !camel_start(text, end) {
        return None;
    }
    if n == '.'
        && is_word_char(last)
        && char_at(text, end + 1).is_some_and(is_word_char)
        && !crate::words::glued_full_stop(text, end)
    {
        return None;
    }
    // "Python 3", "Angular 2+", "Java 17", but not "Python 3 years" or "Deadline 15 March".
    if n == ' '
        && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit())
        && let Some(v_end) = version_end(text, end + 1)
        && !number_is_no_version(&text[end + 1..v_end], &text[v_end..])
        && !amount_at(text, end + 1)
    {
        return Some(Some(end + 1..v_end));
    }
    Some(None)
}

/// Whether a number after a name, followed by `rest`, is something other than the name's
/// version: a duration ("3 years", "6 months"), an ordinal ("10 th", as tokenised text writes
/// it), a date ("15 March", "12 May 2024"; a month word closing the phrase or followed by a
/// year) or a code of five digits or more (a ZIP code, an ID: "AL 35203").
fn number_is_no_version(number: &str, rest: &str) -> bool {
    const ORDINALS: [&str; 4] = ["st", "nd", "rd", "th"];
    const MIN_CODE_DIGITS: usize = 5;
    if number.len() >= MIN_CODE_DIGITS && number.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let rest = rest.trim_start_matches(' ');
    let word_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = rest[..word_len].to_ascii_lowercase();
    let after = &rest[word_len..];
    if word.starts_with('y') || word.starts_with("month") || ORDINALS.contains(&word.as_str()) {
        return true;
    }
    // A month word, then the end of the phrase or a year: "may" in "Ruby 3 may be used" is no
    // month.
    let closes = after.is_empty()
        || after.starts_with(|c: char| c != ' ' && !c.is_alphanumeric())
        || after
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit());
    word_len > 0 && closes && crate::extract::positions::is_month_word(&word)
}

/// Whether an amount, not a version, starts at `i`: digits grouped in thousands ("45,000",
/// "25 000", "10'000", "25.000", "1.500.000" — a dot groups only after two or more digits or
/// twice, so "1.100" stays a version), or a number with a thousands or millions suffix ("25k",
/// "1.5M").
pub(crate) fn amount_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let digits = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let lead = digits(i);
    if lead == 0 || lead > 3 {
        return false;
    }
    let end = i + lead;
    // A separator at `j` followed by exactly three digits: the separator's length.
    let group = |j: usize| -> Option<usize> {
        let rest = text.get(j..)?;
        let sep = [",", ".", "'", " ", "\u{a0}", "\u{202f}", "\u{2019}"]
            .into_iter()
            .find(|s| rest.starts_with(s))?
            .len();
        (digits(j + sep) == 3).then_some(sep + 3)
    };
    if let Some(g) = group(end) {
        let dot = b[end] == b'.';
        // "25,000", "25 000"; "25.000" and "1.500.000", but not "1.100".
        let twice = group(end + g).is_some();
        return !dot || lead >= 2 || twice;
    }
    let mut j = end;
    if b.get(j) == Some(&b'.') && digits(j + 1) > 0 {
        j += 1 + digits(j + 1);
    }
    matches!(b.get(j), Some(b'k' | b'K' | b'm' | b'M'))
        && !b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric())
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
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

    #[test]
    fn embedded_index_is_the_one_built_at_run_time() {
        // `build.rs` builds the built-in lexicon's index with the same code; a process with the
        // built-in lexicon uses that copy. It must be exactly what a run-time build gives.
        let embedded = Matcher::builtin().expect("the built-in files have no problem");
        let built = Matcher::new(Lexicon::builtin());
        assert!(embedded.index.len() > 10_000);
        assert!(matches!(embedded.index.slots, std::borrow::Cow::Borrowed(_)));
        assert!(
            embedded.index == built.index,
            "the embedded index differs from a fresh build"
        );
        // And the one a tagger with the built-in lexicon uses finds the same.
        let text = "Senior Go/Rust engineer: k8s, Postgres, AWS Lambda, Node.js, C++ and .NET.";
        let ids = |m: &Matcher| -> Vec<(usize, usize, u32)> {
            m.candidates(text)
                .iter()
                .map(|c| (c.start, c.end, c.pattern))
                .collect()
        };
        assert_eq!(ids(&embedded), ids(&built));
        assert!(ids(&embedded).len() >= 8);
    }

    /// The reference: one leftmost-longest Aho-Corasick automaton over every form, boundary
    /// checks on each match, the longest shorter form at a failed start, and after a failure a
    /// restart past the word.
    fn reference(
        m: &Matcher,
        ac: &AhoCorasick,
        text: &str,
    ) -> Vec<(usize, usize, u32, Option<Range<usize>>)> {
        // A name read out of glued words must not need context (see `Matcher::at`).
        let free = |f: &aho_corasick::Match| {
            let glued = camel_start(text, f.start()) || camel_start(text, f.end());
            !glued || m.owners(f.pattern().as_u32()).iter().any(|o| !o.ruled)
        };
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(found) = ac.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            let mut hit = check_boundaries(text, found.start(), found.end())
                .filter(|_| free(&found))
                .map(|v| (found, v));
            let mut limit = found.end();
            while hit.is_none() {
                let Some((l, _)) = text[..limit].char_indices().next_back() else {
                    break;
                };
                if l <= found.start() {
                    break;
                }
                let input = Input::new(text).span(found.start()..l).anchored(Anchored::Yes);
                let Some(shorter) = ac.find(input) else { break };
                hit = check_boundaries(text, shorter.start(), shorter.end())
                    .filter(|_| free(&shorter))
                    .map(|v| (shorter, v));
                limit = shorter.end();
            }
            match hit {
                Some((f, v)) => {
                    out.push((f.start(), f.end(), f.pattern().as_u32(), v));
                    pos = f.end();
                    // "SAP MM/SD": names that share the leading words over a slash.
                    let lower = text.as_bytes().to_ascii_lowercase();
                    let mut shared = Vec::new();
                    if let Some(next) = m.shared_prefix(text, &lower, f.start(), f.end(), &mut shared) {
                        out.extend(shared.into_iter().map(|c| (c.start, c.end, c.pattern, c.version)));
                        pos = next;
                    }
                }
                None => {
                    let first = char_at(text, found.start()).unwrap_or(' ');
                    let mut i = found.start() + first.len_utf8();
                    if is_word_char(first) {
                        // Past the word, or to the next glued word in it ("toolsDocker").
                        while let Some(c) = char_at(text, i).filter(|c| is_word_char(*c)) {
                            if camel_start(text, i) {
                                break;
                            }
                            i += c.len_utf8();
                        }
                    }
                    pos = i;
                }
            }
        }
        out
    }

    #[test]
    fn amounts_are_not_versions() {
        let rows = [
            ("45,000", true),
            ("25 000 per month", true),
            ("25\u{a0}000", true),
            ("10'000", true),
            ("25.000", true),
            ("1.500.000", true),
            ("25k", true),
            ("1.5M", true),
            ("600K per annum", true),
            ("1.100", false),
            ("3.11", false),
            ("8", false),
            ("2016", false),
            ("17 and", false),
            ("2,3", false),
            ("8, 11", false),
            ("3 years", false),
            ("2k8s", false),
            ("", false),
        ];
        for (text, amount) in rows {
            assert_eq!(amount_at(text, 0), amount, "{text:?}");
        }
    }

    /// What the scan finds in `text`, in the reference's terms.
    fn scanned(m: &Matcher, text: &str) -> Vec<(usize, usize, u32, Option<Range<usize>>)> {
        m.scan(text)
            .into_iter()
            .map(|c| (c.start, c.end, c.pattern, c.version))
            .collect()
    }

    /// One leftmost-longest automaton over every pattern of `m`, for [`reference`].
    fn leftmost_longest_automaton(m: &Matcher) -> AhoCorasick {
        let texts: Vec<&[u8]> = (0..m.index.len()).map(|p| m.index.pattern(p)).collect();
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(&texts)
            .unwrap()
    }

    #[test]
    fn finds_what_a_leftmost_longest_automaton_finds() {
        let lexicon = Lexicon::builtin();
        let m = Matcher::new(lexicon);
        let ac = leftmost_longest_automaton(&m);
        let forms: Vec<String> = lexicon
            .entries()
            .flat_map(|e| e.aliases().map(str::to_string))
            .collect();
        let glue = [
            " ", ", ", "/", ".", "-", "", "_", " 3 ", "3", "+", " and ", "é", "(", ") ", "\n", "  ", ".js",
            "x",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..1 + next(8) {
                let f = &forms[next(forms.len())];
                // Cut some forms short or change their case, so near misses are tried too.
                let f = match next(4) {
                    0 => f
                        .char_indices()
                        .nth(f.chars().count() / 2)
                        .map_or(f.as_str(), |(i, _)| &f[..i])
                        .to_string(),
                    1 => f.to_uppercase(),
                    _ => f.clone(),
                };
                text.push_str(&f);
                text.push_str(glue[next(glue.len())]);
            }
            let got = scanned(&m, &text);
            assert_eq!(got, reference(&m, &ac, &text), "{text:?}");
        }
    }

    #[test]
    fn glued_texts_agree_with_the_automaton() {
        let lexicon = Lexicon::builtin();
        let m = Matcher::new(lexicon);
        let ac = leftmost_longest_automaton(&m);
        for text in [
            "CRSP US Stock DatabaseNorthfield(Lean Six Sigma M.jsSurvey123é",
            "CRSP US Stock DatabaseNorthfield",
            "CRSP US Stock Database Northfield",
        ] {
            let got = scanned(&m, text);
            let want = reference(&m, &ac, text);
            let show = |v: &[(usize, usize, u32, Option<Range<usize>>)]| -> Vec<String> {
                v.iter().map(|(s, e, _, _)| text[*s..*e].to_string()).collect()
            };
            assert_eq!(got, want, "{text:?}: {:?} vs {:?}", show(&got), show(&want));
        }
    }

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
        // Scripts without spaces: a name may not run on into a letter of its own script, but
        // into another, into punctuation, or (Hangul) into a particle.
        let at = |text: &str, name: &str| {
            let s = text.find(name).unwrap();
            check_boundaries(text, s, s + name.len())
        };
        assert_eq!(at("キーワード分析", "ワード"), None);
        assert_eq!(at("ワードパッド", "ワード"), None);
        assert_eq!(at("エクセル・ワード", "ワード"), Some(None));
        assert_eq!(at("ワードで作成", "ワード"), Some(None));
        assert_eq!(at("経理：弥生会計の使用経験", "弥生会計"), Some(None));
        assert_eq!(at("商奉行の運用", "奉行"), None);
        assert_eq!(at("자바스크립트", "바스크립트"), None);
        assert_eq!(at("자바스크립트를 사용", "자바스크립트"), Some(None));
        assert_eq!(at("ใช้Pythonได้", "Python"), Some(None));
    }

    #[test]
    fn unspaced_scripts_agree_with_the_automaton() {
        // Every built-in form in a script written without spaces, with every glue before and
        // after it: the scan finds what the automaton with the boundary checks finds.
        let lexicon = Lexicon::builtin();
        let m = Matcher::new(lexicon);
        let ac = leftmost_longest_automaton(&m);
        let forms: Vec<&str> = lexicon
            .entries()
            .flat_map(|e| e.aliases())
            .filter(|f| f.chars().any(unspaced_script))
            .collect();
        assert!(forms.len() >= 10, "{forms:?}");
        let glue = ["", " ", "の", "経理", "キー", "・", "ー", "를", "Excel", "、"];
        let mut found = 0;
        for f in &forms {
            for before in glue {
                for after in glue {
                    let text = format!("{before}{f}{after}");
                    let got = scanned(&m, &text);
                    assert_eq!(got, reference(&m, &ac, &text), "{text:?}");
                    found += got.len();
                }
            }
        }
        assert!(found > forms.len() * 20, "{found}");
    }
}
