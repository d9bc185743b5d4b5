//! Phrase sets: many lower-case cue phrases found in one pass, as whole words, in any ASCII
//! case. Every extractor's cue list is one of these, so a document is scanned once per list,
//! not once per phrase; in bulk, once for all lists (see [`fuse`]).
//!
//! A set on its own indexes its phrases by their first two bytes and, at each position of the
//! text where some phrase could start, compares the phrases under the two bytes there. That
//! costs a hash map to build, where an Aho-Corasick automaton of the same phrases cost ten
//! times as much, and building the sets was a quarter of a process's start-up. The shared scan
//! of bulk runs is one automaton over every set's phrases and an ASCII-lower-cased copy of the
//! text (same length, same offsets): built once, it is the faster one to search.

use crate::fasthash::FastMap;
use crate::input::OffsetMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

/// A set of phrases, each with a payload (the index of what it stands for).
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    index: Index,
    payloads: Vec<u32>,
    /// This set's number in the registry of sets (see [`fuse`]).
    id: u32,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// Every set built before [`fuse`]: its number and its phrases.
static REGISTRY: Mutex<Vec<(u32, Vec<String>)>> = Mutex::new(Vec::new());

/// One automaton over the phrases of every registered set, reporting all matches
/// (overlapping), from which each set's own leftmost-longest matches are picked.
struct Fused {
    automaton: AhoCorasick,
    /// Fused pattern → (slot of its set, its index in the set).
    owners: Vec<(u32, u32)>,
    /// Set number → slot (`u32::MAX`: not fused).
    slots: Vec<u32>,
    sets: usize,
}

static FUSED: OnceLock<Fused> = OnceLock::new();

/// Builds the fused automaton from the sets built so far (called once every extractor's sets
/// exist). Sets built later search on their own.
pub(crate) fn fuse() {
    FUSED.get_or_init(|| {
        let registry = REGISTRY.lock().map(|r| r.clone()).unwrap_or_default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        let mut slots = vec![u32::MAX; NEXT_ID.load(Ordering::SeqCst) as usize];
        for (slot, (id, phrases)) in registry.iter().enumerate() {
            if let Some(s) = slots.get_mut(*id as usize) {
                *s = slot as u32;
            }
            for (i, p) in phrases.iter().enumerate() {
                // A one-byte phrase ("R", the rand) would be reported at every such byte of
                // every document ("r" is one letter in sixteen): each set looks for its own
                // in the text it is asked about (`Index::singles_in`).
                if p.len() > 1 {
                    patterns.push(p);
                    owners.push((slot as u32, i as u32));
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("cue lists are small");
        Fused {
            automaton,
            owners,
            slots,
            sets: registry.len(),
        }
    });
}

/// The matches of every fused set in one document's text (see [`scan`]).
pub(crate) struct DocMatches {
    at: usize,
    len: usize,
    /// Per slot: (start, end, index in the set), by start, then longest first.
    by_slot: Vec<Vec<(u32, u32, u32)>>,
}

thread_local! {
    static DOC: RefCell<Option<DocMatches>> = const { RefCell::new(None) };
}

/// Scans `text` once for every fused set: `None` when the sets are not fused yet, or when
/// offsets in `text` do not fit in 32 bits.
///
/// The matches belong to `text` where it lies in memory; [`DocScope::install`] them while
/// that text is alive and unmoved. Scanning several documents one after the other, before
/// tagging them, keeps the automaton in the processor's caches: a scan between the other
/// stages of a document runs several times slower.
pub(crate) fn scan(text: &str) -> Option<DocMatches> {
    let f = FUSED.get()?;
    u32::try_from(text.len()).ok()?;
    let mut by_slot: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); f.sets];
    let collapsed = collapse_spaces(text);
    let lower = match &collapsed {
        Some((flat, _)) => flat.to_ascii_lowercase(),
        None => text.to_ascii_lowercase(),
    };
    let back = |s: usize, e: usize| {
        collapsed
            .as_ref()
            .map_or((s, e), |(_, map)| (map.start(s), map.end(e)))
    };
    for m in f.automaton.find_overlapping_iter(&lower) {
        let (slot, i) = f.owners[m.pattern().as_usize()];
        let (s, e) = back(m.start(), m.end());
        by_slot[slot as usize].push((s as u32, e as u32, i));
    }
    for list in &mut by_slot {
        list.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
    }
    Some(DocMatches {
        at: text.as_ptr() as usize,
        len: text.len(),
        by_slot,
    })
}

/// While alive, phrase-set searches over the document's text, or any slice of it, read one
/// shared scan instead of scanning again.
pub(crate) struct DocScope(Option<DocMatches>);

impl DocScope {
    /// Scans `text` once for every fused set (nothing when the sets are not fused yet).
    pub(crate) fn enter(text: &str) -> DocScope {
        DocScope::install(scan(text))
    }

    /// Makes `matches`, the [`scan`] of a text that is still alive where it was scanned, the
    /// shared scan of this thread until the scope ends; `None` makes searches scan for
    /// themselves.
    pub(crate) fn install(matches: Option<DocMatches>) -> DocScope {
        DocScope(DOC.with(|d| std::mem::replace(&mut *d.borrow_mut(), matches)))
    }
}

impl Drop for DocScope {
    fn drop(&mut self) {
        let previous = self.0.take();
        DOC.with(|d| *d.borrow_mut() = previous);
    }
}

/// The leftmost-longest matches inside `a..b` among `all` (every match, overlapping, in order
/// of start, then longest first, then pattern), as offsets from `a`: the leftmost match, the
/// longest of those starting there, then the same again after its end. This is what a
/// leftmost-longest automaton reports, picked from a standard one's matches.
fn leftmost_longest(
    all: impl Iterator<Item = (usize, usize, u32)>,
    a: usize,
    b: usize,
) -> Vec<(usize, usize, u32)> {
    let mut cur = a;
    let mut out = Vec::new();
    for (s, e, i) in all {
        if s >= b {
            break;
        }
        if s < cur || e > b {
            continue;
        }
        out.push((s - a, e - a, i));
        cur = e;
    }
    out
}

/// Whether `hay[start..end]` stands as whole words: no letter or digit glued to a first or
/// last character that is one ("(k)" may follow "401"). Chinese, Japanese and Korean write
/// no spaces between words (or glue particles to them: "任职要求：", "5年以上", "우대사항은"),
/// so a character of those scripts on either side of the edge glues nothing.
fn is_whole_word(hay: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !spaceless(c));
    let (Some(head), Some(inner), Some(tail)) = (hay.get(..start), hay.get(start..end), hay.get(end..))
    else {
        return false;
    };
    let glued = |a: Option<char>, b: Option<char>| word(a) && word(b);
    !(glued(inner.chars().next(), head.chars().next_back())
        || glued(inner.chars().next_back(), tail.chars().next()))
}

/// Whether `c` is of a script written without spaces between words (Chinese, Japanese, Korean,
/// Thai): the matcher's definition, shared.
pub(crate) fn spaceless(c: char) -> bool {
    crate::matcher_index::unspaced_script(c)
}

/// A set's phrases by their first two (lower-case) bytes, for searching without an automaton.
#[derive(Debug, Clone)]
struct Index {
    /// Per byte: 1 when a one-byte phrase is that byte, 2 when a longer phrase opens with it.
    opens: [u8; 256],
    /// First two bytes → range of `order` holding the phrases that open with them.
    pairs: FastMap<u16, Range<u32>>,
    /// Pattern numbers grouped by first two bytes; the one-byte phrases at the end.
    order: Vec<u32>,
    /// Where the one-byte phrases start in `order`.
    singles: usize,
    /// Each phrase's lower-case bytes.
    patterns: Vec<Box<[u8]>>,
}

impl Index {
    fn new(patterns: &[String]) -> Index {
        let mut opens = [0u8; 256];
        let mut keyed: Vec<(u16, u32)> = Vec::new();
        let mut singles = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match *p.as_bytes() {
                [] => {}
                [b] => {
                    opens[usize::from(b)] |= 1;
                    singles.push(i as u32);
                }
                [b0, b1, ..] => {
                    opens[usize::from(b0)] |= 2;
                    keyed.push((u16::from_le_bytes([b0, b1]), i as u32));
                }
            }
        }
        keyed.sort_unstable();
        let mut pairs = FastMap::default();
        let mut order: Vec<u32> = Vec::with_capacity(keyed.len() + singles.len());
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            let from = order.len() as u32;
            order.extend(group.iter().map(|&(_, i)| i));
            pairs.insert(group[0].0, from..order.len() as u32);
        }
        let singles_at = order.len();
        order.extend(singles);
        Index {
            opens,
            pairs,
            order,
            singles: singles_at,
            patterns: patterns.iter().map(|p| p.as_bytes().into()).collect(),
        }
    }

    /// Whether some phrase is one byte long.
    fn has_singles(&self) -> bool {
        self.singles < self.order.len()
    }

    /// Every occurrence of the one-byte phrases in `hay`, in any ASCII case, as
    /// `(start, end, pattern)`, by phrase; with `whole`, not right after a letter or digit
    /// when the byte is one.
    fn singles_in<'h>(&'h self, hay: &'h str, whole: bool) -> impl Iterator<Item = (usize, usize, u32)> + 'h {
        self.order[self.singles..].iter().flat_map(move |&i| {
            let b = self.patterns[i as usize][0];
            memchr::memchr2_iter(b, b.to_ascii_uppercase(), hay.as_bytes())
                .filter(move |&s| {
                    !(whole && b.is_ascii_alphanumeric() && s > 0 && alphanumeric_before(hay, s))
                })
                .map(move |s| (s, s + 1, i))
        })
    }

    /// Every occurrence of every phrase in `hay`, in any ASCII case, overlapping, as
    /// `(start, end, pattern)`: what a standard Aho-Corasick automaton reports, in another
    /// order. With `whole`, a phrase opening with a letter or digit is not looked for right
    /// after another (its match would not be a whole word).
    fn find_all(&self, hay: &str, whole: bool) -> Vec<(usize, usize, u32)> {
        match collapse_spaces(hay) {
            None => self.find_all_in(hay, whole),
            Some((flat, map)) => {
                let mut out = self.find_all_in(&flat, whole);
                for m in &mut out {
                    (m.0, m.1) = (map.start(m.0), map.end(m.1));
                }
                out
            }
        }
    }

    /// [`find_all`](Self::find_all) in a text with no run of spaces.
    fn find_all_in(&self, hay: &str, whole: bool) -> Vec<(usize, usize, u32)> {
        let b = hay.as_bytes();
        let mut out = Vec::new();
        for s in 0..b.len() {
            let b0 = b[s].to_ascii_lowercase();
            let opens = self.opens[usize::from(b0)];
            if opens == 0 || whole && b0.is_ascii_alphanumeric() && s > 0 && alphanumeric_before(hay, s) {
                continue;
            }
            if opens & 1 != 0 {
                for &i in &self.order[self.singles..] {
                    if self.patterns[i as usize][0] == b0 {
                        out.push((s, s + 1, i));
                    }
                }
            }
            if opens & 2 == 0 || s + 1 >= b.len() {
                continue;
            }
            let key = u16::from_le_bytes([b0, b[s + 1].to_ascii_lowercase()]);
            let Some(group) = self.pairs.get(&key) else {
                continue;
            };
            for &i in &self.order[group.start as usize..group.end as usize] {
                let p = &self.patterns[i as usize];
                if b.get(s..s + p.len()).is_some_and(|t| t.eq_ignore_ascii_case(p)) {
                    out.push((s, s + p.len(), i));
                }
            }
        }
        out
    }
}

/// The longest run of spaces that still parts two words of one phrase: a longer one parts
/// columns of a page copied from a PDF.
const MAX_WORD_GAP: usize = 3;

/// `text` with each run of two or three spaces written as one space — text copied from a PDF
/// often spaces its words so ("Master  of  Business  Administration"), and a phrase's space
/// stands for such a run —, and the map back to `text` (a shortened run's space stands on the
/// whole run). `None` when there is no such run. Tabs, line breaks and longer runs are not word
/// spaces here: a phrase does not run across a table cell, a line or a column.
fn collapse_spaces(text: &str) -> Option<(String, OffsetMap)> {
    let b = text.as_bytes();
    let mut flat = String::new();
    let mut map = OffsetMap::builder();
    let (mut copied, mut from) = (0, 0);
    while let Some(k) = memchr::memmem::find(&b[from..], b"  ") {
        let at = from + k;
        let end = at + b[at..].iter().take_while(|&&c| c == b' ').count();
        from = end;
        if end - at > MAX_WORD_GAP {
            continue;
        }
        map.linear(flat.len(), copied, at - copied);
        flat.push_str(&text[copied..at]);
        map.lump(flat.len(), 1, at, end - at);
        flat.push(' ');
        copied = end;
    }
    if copied == 0 {
        return None;
    }
    map.linear(flat.len(), copied, text.len() - copied);
    flat.push_str(&text[copied..]);
    Some((flat, map.finish()))
}

/// Whether the character ending right before byte `at` is a letter or digit.
fn alphanumeric_before(hay: &str, at: usize) -> bool {
    match hay.as_bytes()[at - 1] {
        b if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => hay
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// The forms of a lower-case phrase that ASCII case-insensitivity does not cover: with a
/// letter beyond ASCII in upper case where a word starts ("Études", "Tốt nghiệp Đại học",
/// "Öffentlicher Dienst"), and all in upper case ("ÉTUDES", "MỨC LƯƠNG"): the first word's
/// capital, every word's, and every letter's, each when it differs from the phrase (ASCII
/// letters stay lower case: the search folds them).
fn cased_variants(phrase: &str) -> Vec<String> {
    if phrase.is_ascii() {
        return Vec::new();
    }
    // Turkish writes the capital of "i" with a dot ("İş yerinde", "YERİNDE"): a phrase with a
    // letter only Turkish has capitalises its "i" so.
    let turkish = phrase.contains(['ş', 'ğ', 'ı']);
    let upper_beyond_ascii = |c: char| -> String {
        if c == 'i' && turkish {
            "İ".to_string()
        } else if c.is_ascii() {
            c.to_string()
        } else {
            c.to_uppercase().collect()
        }
    };
    let capitalised = |every_word: bool| -> String {
        let mut out = String::with_capacity(phrase.len() + 4);
        let mut word_start = true;
        let mut first_word = true;
        for c in phrase.chars() {
            if word_start && c.is_alphanumeric() && (every_word || first_word) {
                out.push_str(&upper_beyond_ascii(c));
            } else {
                out.push(c);
            }
            if c.is_alphanumeric() {
                if word_start {
                    first_word = false;
                }
                word_start = false;
            } else {
                word_start = true;
            }
        }
        out
    };
    let all: String = phrase.chars().map(upper_beyond_ascii).collect();
    let mut out: Vec<String> = Vec::new();
    for v in [capitalised(false), capitalised(true), all] {
        if v != phrase && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

impl PhraseSet {
    /// Builds the set from `(phrase, payload)` pairs; phrases match ASCII-case-insensitively,
    /// and letters beyond ASCII in lower case, capitalised or all in upper case (see
    /// [`cased_variants`]).
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, u32)>) -> PhraseSet {
        Self::build(phrases, true)
    }

    /// A set searched only on its own, left out of the document's shared scan: for phrases
    /// that are read only inside a few short strings but are common words elsewhere ("OR",
    /// "ON", "US" as region codes), whose every occurrence the shared scan would record.
    pub(crate) fn unshared<'a>(phrases: impl IntoIterator<Item = (&'a str, u32)>) -> PhraseSet {
        Self::build(phrases, false)
    }

    fn build<'a>(phrases: impl IntoIterator<Item = (&'a str, u32)>, shared: bool) -> PhraseSet {
        let (mut patterns, mut payloads): (Vec<String>, Vec<u32>) = phrases
            .into_iter()
            .map(|(p, i)| (p.to_ascii_lowercase(), i))
            .unzip();
        // The capitalised forms after all the phrases, so a phrase's index stays its place.
        for k in 0..patterns.len() {
            for v in cased_variants(&patterns[k]) {
                patterns.push(v);
                payloads.push(payloads[k]);
            }
        }
        let index = Index::new(&patterns);
        let id = NEXT_ID.fetch_add(1, Ordering::SeqCst);
        if shared
            && FUSED.get().is_none()
            && let Ok(mut r) = REGISTRY.lock()
        {
            r.push((id, patterns));
        }
        PhraseSet { index, payloads, id }
    }

    /// The leftmost-longest matches in `hay`, among whole words only when `whole` (see
    /// [`is_whole_word`]): read from the document's shared scan when `hay` lies inside the
    /// document being tagged, else searched here. Words are checked before the longest is
    /// picked: a match inside a word ("is nice" in "Redis nice to have") would hide the whole
    /// word one it overlaps.
    fn matches(&self, hay: &str, whole: bool) -> Vec<(usize, usize, u32)> {
        let shared = FUSED.get().and_then(|f| {
            let slot = *f.slots.get(self.id as usize)?;
            (slot != u32::MAX).then_some(slot as usize)
        });
        if let Some(slot) = shared {
            let found = DOC.with(|d| {
                let d = d.borrow();
                let d = d.as_ref()?;
                let p = hay.as_ptr() as usize;
                if p < d.at || p + hay.len() > d.at + d.len {
                    return None;
                }
                let (a, b) = (p - d.at, p - d.at + hay.len());
                let list = &d.by_slot[slot];
                let from = list.partition_point(|m| (m.0 as usize) < a);
                let list = list[from..].iter().map(|&(s, e, i)| (s as usize, e as usize, i));
                let keep =
                    |&(s, e, _): &(usize, usize, u32)| !whole || e <= b && is_whole_word(hay, s - a, e - a);
                if !self.index.has_singles() {
                    return Some(leftmost_longest(list.filter(keep), a, b));
                }
                // The one-byte phrases are not in the shared scan (see `fuse`): looked for here.
                let mut all: Vec<(usize, usize, u32)> = list.take_while(|m| m.0 < b).collect();
                all.extend(
                    self.index
                        .singles_in(hay, whole)
                        .map(|(s, e, i)| (s + a, e + a, i)),
                );
                all.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
                Some(leftmost_longest(all.into_iter().filter(keep), a, b))
            });
            if let Some(found) = found {
                return found;
            }
        }
        let mut all = self.index.find_all(hay, whole);
        if whole {
            all.retain(|&(s, e, _)| is_whole_word(hay, s, e));
        }
        all.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
        leftmost_longest(all.into_iter(), 0, hay.len())
    }

    /// Every whole-word match in `hay`, left to right, not overlapping.
    pub(crate) fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (Range<usize>, u32)> + 'h {
        self.matches(hay, true)
            .into_iter()
            .map(move |(start, end, p)| (start..end, self.payloads[p as usize]))
    }

    /// Every match in `hay`, whole words or not (for prefilters: "3yrs" holds "yrs").
    pub(crate) fn find_iter_anywhere<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Range<usize>> + 'h {
        self.matches(hay, false).into_iter().map(|(s, e, _)| s..e)
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
    fn capitals_beyond_ascii_match() {
        // ASCII letters stay as they are: the search folds them.
        assert_eq!(
            cased_variants("tốt nghiệp đại học"),
            ["tốt nghiệp Đại học", "tỐt nghiỆp ĐẠi hỌc"]
        );
        assert_eq!(cased_variants("études"), ["Études"]);
        assert!(cased_variants("per annum").is_empty());
        assert_eq!(cased_variants("über uns"), ["Über uns"]);
        // Turkish capitals of "i" have a dot; only in a phrase with a letter only Turkish has.
        assert_eq!(cased_variants("iş yerinde"), ["İş yerinde", "İŞ yerİnde"]);
        assert!(cased_variants("élève ingénieur").iter().all(|v| !v.contains('İ')));
        let set = PhraseSet::unshared([("đại học", 0), ("études supérieures", 1), ("lønn", 2)]);
        let found = |t: &str| set.payloads_in(t).collect::<Vec<_>>();
        assert_eq!(found("Tốt nghiệp Đại học"), [0]);
        assert_eq!(found("ĐẠI HỌC chính quy"), [0]);
        assert_eq!(found("Études supérieures en informatique"), [1]);
        let turkish = PhraseSet::unshared([("iş yerinde", 0)]);
        for t in ["Çalışma şekli: İş yerinde", "İŞ YERİNDE", "iş yerinde"] {
            assert_eq!(turkish.payloads_in(t).collect::<Vec<_>>(), [0], "{t}");
        }
        assert_eq!(found("ÉTUDES SUPÉRIEURES"), [1]);
        assert_eq!(found("LØNN: 210 kr"), [2]);
        assert_eq!(found("đại học"), [0]);
        // Mixed forms other than these stay unmatched, and other words match nothing.
        assert_eq!(found("đại HỌC"), Vec::<u32>::new());
        assert_eq!(found("Đại hội"), Vec::<u32>::new());
    }

    #[test]
    fn one_byte_phrases_are_found_outside_the_shared_scan_and_the_same() {
        // The fused automaton is built once per process, from the sets built before it: the
        // check runs in a process of its own, where its sets are built first.
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "phrases::tests::one_byte_phrases_in_a_fresh_process",
            ])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && stdout.contains("1 passed"), "{stdout}");
    }

    #[test]
    #[ignore = "run by one_byte_phrases_are_found_outside_the_shared_scan_and_the_same"]
    fn one_byte_phrases_in_a_fresh_process() {
        // "r" is left out of the fused automaton (it would be reported at every r of every
        // document); the set finds it in what it is asked about, whole words or anywhere.
        let phrases = [("r", 0), ("rs", 1), ("$", 2), ("per annum", 3), ("k", 4)];
        let shared = PhraseSet::new(phrases);
        let unshared = PhraseSet::unshared(phrases);
        let text = "R 25 000 per annum, Rs 5k; engineer earns $5 or R5k; r&d, prk r  per  annum";
        fuse();
        let _scope = DocScope::enter(text);
        assert!(
            FUSED
                .get()
                .is_some_and(|f| f.slots.get(shared.id as usize).is_some_and(|&s| s != u32::MAX)),
            "the set is fused"
        );
        for hay in [text, &text[2..40], &text[29..], &text[35..36]] {
            let want: Vec<_> = unshared.find_iter(hay).collect();
            assert_eq!(shared.find_iter(hay).collect::<Vec<_>>(), want, "{hay:?}");
            let want: Vec<_> = unshared.find_iter_anywhere(hay).collect();
            assert_eq!(
                shared.find_iter_anywhere(hay).collect::<Vec<_>>(),
                want,
                "{hay:?}"
            );
        }
        let words: Vec<&str> = shared.find_iter(text).map(|(r, _)| &text[r]).collect();
        assert_eq!(words, ["R", "per annum", "Rs", "$", "r", "r", "per  annum"]);
        let anywhere = shared.find_iter_anywhere(text).count();
        assert!(
            anywhere > words.len() + 4,
            "{anywhere}: the r in 'engineer', 'earns', 'prk'…"
        );
    }

    #[test]
    fn an_unshared_set_stays_out_of_the_shared_scan_and_finds_the_same() {
        let phrases = [("or", 0), ("on", 1), ("us", 2), ("new south wales", 3)];
        let shared = PhraseSet::new(phrases);
        let unshared = PhraseSet::unshared(phrases);
        assert!(REGISTRY.lock().unwrap().iter().all(|(id, _)| *id != unshared.id));
        assert!(REGISTRY.lock().unwrap().iter().any(|(id, _)| *id == shared.id) || FUSED.get().is_some());
        let text = "Toronto, ON or Austin, US; on site in New South Wales (or remote)";
        fuse();
        let _scope = DocScope::enter(text);
        for hay in [text, &text[9..30]] {
            let want: Vec<_> = shared.find_iter(hay).collect();
            assert_eq!(unshared.find_iter(hay).collect::<Vec<_>>(), want, "{hay:?}");
            assert!(!want.is_empty());
        }
    }

    #[test]
    fn a_match_inside_a_word_hides_no_whole_word_match() {
        let set = PhraseSet::new([("is nice", 0), ("nice to have", 1), ("a plus", 2), ("sa", 3)]);
        let hits: Vec<u32> = set
            .payloads_in("Redis nice to have; Redis a plus; it is nice")
            .collect();
        assert_eq!(hits, [1, 2, 0]);
    }

    #[test]
    fn whole_words_any_case() {
        let set = PhraseSet::new([("must", 0), ("nice to have", 1), ("(k)", 2)]);
        let hits: Vec<u32> = set
            .payloads_in("You MUST; Nice to have; mustard; 401(k)")
            .collect();
        assert_eq!(hits, [0, 1, 2]);
    }

    #[test]
    fn words_of_spaceless_scripts_stand_glued_to_their_neighbours() {
        let set = PhraseSet::new([("优先", 0), ("우대", 1), ("plus", 2)]);
        let hits: Vec<u32> = set.payloads_in("有大数据经验者优先；우대사항").collect();
        assert_eq!(hits, [0, 1]);
        // Latin words still need their edges.
        assert_eq!(set.payloads_in("surplus 优先").collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn a_phrase_space_stands_for_a_run_of_spaces() {
        // PDF copies space words apart; a tab (a table cell) or a line break is no space here.
        let set = PhraseSet::unshared([("master of business administration", 0), ("nice to have", 1)]);
        let text =
            "MBA: Master  of  Business   Administration\nNice  to\thave; nice to\nhave; Nice   to have.";
        let found: Vec<&str> = set.find_iter(text).map(|(r, _)| &text[r]).collect();
        assert_eq!(found, ["Master  of  Business   Administration", "Nice   to have"]);
        let (flat, map) = collapse_spaces("a  b   c d").unwrap();
        assert_eq!(flat, "a b c d");
        // Each word's start and end in the copy map to the word in the text.
        let words: Vec<(usize, usize)> = [0, 2, 4, 6]
            .iter()
            .map(|&i| (map.start(i), map.end(i + 1)))
            .collect();
        assert_eq!(words, [(0, 1), (3, 4), (7, 8), (9, 10)]);
        assert!(collapse_spaces("a b\t\tc\n\nd").is_none());
        assert!(
            set.find_iter("Nice to    have").next().is_none(),
            "a column gap parts phrases"
        );
        let (flat, map) = collapse_spaces("a    b  c").unwrap();
        assert_eq!(
            (flat.as_str(), map.start(5), map.end(6), map.start(7)),
            ("a    b c", 5, 6, 8)
        );
    }

    /// The matches picked from the standard automaton are those a leftmost-longest automaton
    /// reports: the longest at the leftmost start, the first-listed phrase on a tie, nothing
    /// overlapping a match already taken.
    #[test]
    fn picks_as_leftmost_longest() {
        let lists: &[&[&str]] = &[
            &["nice to have", "have", "nice", "to"],
            &["a", "ab", "abc", "bcd", "cd"],
            &["remote", "remote first", "fully remote", "first"],
            &["x", "x", "xy"],
            &["days a week", "3 days", "a week"],
        ];
        let texts = [
            "nice to have: nice to haves, to have and have not",
            "abcd abcde bcd cdab",
            "fully remote first, remote-first, remote",
            "xx xy yx",
            "3 days a week, days a week, a weekday",
            "",
        ];
        for list in lists {
            let set = PhraseSet::new(list.iter().enumerate().map(|(i, p)| (*p, i as u32)));
            let reference = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(*list)
                .unwrap();
            for text in texts {
                let want: Vec<(usize, usize, u32)> = reference
                    .find_iter(text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
                    .collect();
                assert_eq!(set.matches(text, false), want, "{list:?} in {text:?}");
            }
        }
    }

    /// The index finds what a standard Aho-Corasick automaton finds over the lower-cased text,
    /// and whole-word searches keep the same matches: phrases of one, two and more bytes, some
    /// opening with punctuation or a non-ASCII letter, duplicates, in mixed case and among
    /// multi-byte characters.
    fn automaton_reference(phrases: &[&str], hay: &str, whole: bool) -> Vec<(usize, usize, u32)> {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(phrases)
            .unwrap();
        // A phrase's space stands for any run of spaces (see `collapse_spaces`).
        let (flat, map) = collapse_spaces(hay).unwrap_or_else(|| (hay.to_string(), OffsetMap::identity()));
        let mut all: Vec<(usize, usize, u32)> = automaton
            .find_overlapping_iter(&flat.to_ascii_lowercase())
            .map(|m| (map.start(m.start()), map.end(m.end()), m.pattern().as_u32()))
            .filter(|&(s, e, _)| !whole || is_whole_word(hay, s, e))
            .collect();
        all.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
        leftmost_longest(all.into_iter(), 0, hay.len())
    }

    const PHRASES: &[&str] = &[
        "a", "an", "ab", "abc", "b", "bc", "x y", "x", "x", "(k)", "é", "éa", "a é", "-", "--", "c++", "3",
        "3 a",
    ];

    proptest::proptest! {
        #[test]
        fn index_finds_what_an_automaton_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "A", "b", "B", "c", "x", "X", " ", "-", "(", "k", "K", ")", "é", "É", "3", "+", "\n", "ß",
                ]),
                0..40,
            ),
            whole in proptest::bool::ANY,
        ) {
            let hay: String = parts.concat();
            let set = PhraseSet::new(PHRASES.iter().enumerate().map(|(i, p)| (*p, i as u32)));
            // The set's patterns: the phrases, then their capitalised forms.
            let variants: Vec<String> = PHRASES.iter().flat_map(|p| cased_variants(p)).collect();
            let patterns: Vec<&str> = PHRASES.iter().copied().chain(variants.iter().map(String::as_str)).collect();
            proptest::prop_assert_eq!(set.matches(&hay, whole), automaton_reference(&patterns, &hay, whole));
        }
    }
}
