//! Employment type (full_time, part_time, contract, internship, temporary, freelance) and
//! workplace (remote, hybrid, onsite), with evidence. The phrases, the phrases in which they say
//! something else, the negations and the labels are all in `lexicons/cues/facets.toml`.

use super::sentence_at;
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A facet value and the text that says so (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) value: &'static str,
    pub(crate) span: Range<usize>,
}

/// The employment types, in the order of the data file's sections.
pub(crate) const EMPLOYMENT_TYPES: &[&str] = &[
    "full_time",
    "part_time",
    "contract",
    "internship",
    "temporary",
    "freelance",
];

/// The workplace arrangements.
pub(crate) const WORKPLACES: &[&str] = &["remote", "hybrid", "onsite"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    negations: Vec<String>,
    negation_window: usize,
    leading_placeholders: Vec<String>,
    placeholders: BTreeMap<String, Vec<String>>,
    place_gap: PlaceGap,
    field_language: FieldLanguage,
    employment_type: FacetData,
    workplace: FacetData,
}

/// The words that tell a text written in Spanish or Portuguese, where a value's
/// `language_field_values` say it ("CDMX | Home office": remote work; in English "Home Office"
/// is the UK's interior ministry).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldLanguage {
    words: Vec<String>,
    /// How many of `words`, each counted once, the text must hold.
    min: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FacetData {
    labels: Vec<String>,
    never: Vec<String>,
    /// Phrases that say `terms_value` when the facet names none of `terms_unless` ("Duration: 12
    /// months": a contract, unless it is an internship's term).
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    terms_value: String,
    #[serde(default)]
    terms_unless: Vec<String>,
    /// Phrases of full_time that say only that a job is permanent: dropped beside part_time.
    #[serde(default)]
    permanence: Vec<String>,
    /// Phrases of onsite that only deny remote work ("Remote job: No"): beside a hybrid value
    /// (USAJobs' "Telework eligible: Yes") they say nothing of office days.
    #[serde(default)]
    remote_denials: Vec<String>,
    value: Vec<ValueData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValueData {
    value: String,
    phrases: Vec<String>,
    label_values: Vec<String>,
    /// Words that say the value when they fill a field of a header line alone, or a line alone
    /// ("Remoto (Brasil) | PJ", "Healthcare Support Worker - Bank", "Casual").
    #[serde(default)]
    field_values: Vec<String>,
    /// Field values read only in a text of `[field_language]`.
    #[serde(default)]
    language_field_values: Vec<String>,
}

/// A place's name read past between a word such as "our" and an office word ("our Chicago
/// office"): see `[place_gap]` in the data file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceGap {
    before: Vec<String>,
    after: Vec<String>,
    descriptors: Vec<String>,
    not_names: Vec<String>,
    max_words: usize,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/facets").expect("facets.toml is checked by the test suite"));

/// One facet's phrase sets; payloads index `values` (`tails`: `tail_of`).
struct Facet {
    values: &'static [&'static str],
    phrases: PhraseSet,
    /// The rest of each phrase that opens with a placeholder of `leading_placeholders` ("{office}
    /// {some_days} days a week"), matched alone; the placeholder's fills are then looked for
    /// right before.
    tails: PhraseSet,
    /// Per tail: its value and the fills of the leading placeholders it follows, longest first.
    tail_of: Vec<(u32, Vec<&'static str>)>,
    never: PhraseSet,
    labels: PhraseSet,
    label_values: PhraseSet,
    field_values: PhraseSet,
}

/// `phrase` with every `{name}` replaced by each entry of `placeholders[name]`, in turn.
fn expand(phrase: &str, placeholders: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let Some(open) = phrase.find('{') else {
        return vec![phrase.to_string()];
    };
    let close = open + phrase[open..].find('}').expect("a placeholder is closed");
    let name = &phrase[open + 1..close];
    let fills = placeholders
        .get(name)
        .unwrap_or_else(|| panic!("facets.toml: no placeholder {name:?}"));
    fills
        .iter()
        .flat_map(|f| {
            expand(
                &format!("{}{f}{}", &phrase[..open], &phrase[close + 1..]),
                placeholders,
            )
        })
        .collect()
}

fn build(data: &FacetData, values: &'static [&'static str]) -> Facet {
    let index = |v: &str| {
        values
            .iter()
            .position(|x| *x == v)
            .unwrap_or_else(|| panic!("facets.toml: unknown value {v:?}")) as u32
    };
    let mut phrases = Vec::new();
    let mut tails: Vec<(String, u32)> = Vec::new();
    let mut tail_of: Vec<(u32, Vec<&'static str>)> = Vec::new();
    let mut label_values = Vec::new();
    let mut field_values = Vec::new();
    for v in &data.value {
        let i = index(&v.value);
        for p in &v.phrases {
            let leading = DATA.leading_placeholders.iter().find_map(|name| {
                let rest = p
                    .strip_prefix('{')?
                    .strip_prefix(name.as_str())?
                    .strip_prefix("} ")?;
                let fills = DATA.placeholders.get(name).map_or(&[][..], Vec::as_slice);
                Some((fills, rest))
            });
            match leading {
                // A tail that follows several placeholders ("{office} 3 days a week",
                // "{commute} 3 days a week") is one pattern with all their fills.
                Some((fills, rest)) => {
                    for tail in expand(rest, &DATA.placeholders) {
                        let k = match tails
                            .iter()
                            .position(|(t, k)| *t == tail && tail_of[*k as usize].0 == i)
                        {
                            Some(at) => tails[at].1 as usize,
                            None => {
                                tails.push((tail, tail_of.len() as u32));
                                tail_of.push((i, Vec::new()));
                                tail_of.len() - 1
                            }
                        };
                        tail_of[k].1.extend(fills.iter().map(String::as_str));
                    }
                }
                None => phrases.extend(expand(p, &DATA.placeholders).into_iter().map(|p| (p, i))),
            }
        }
        label_values.extend(v.label_values.iter().map(|p| (p.clone(), i)));
        field_values.extend(v.field_values.iter().map(|p| (p.clone(), i)));
        field_values.extend(
            v.language_field_values
                .iter()
                .map(|p| (p.clone(), i | IN_LANGUAGE)),
        );
    }
    for (_, fills) in &mut tail_of {
        fills.sort_by_key(|f| std::cmp::Reverse(f.len()));
        fills.dedup();
    }
    let set = |pairs: &[(String, u32)]| PhraseSet::new(pairs.iter().map(|(p, i)| (p.as_str(), *i)));
    let plain = |list: &[String]| PhraseSet::new(list.iter().map(|p| (p.as_str(), 0)));
    Facet {
        values,
        phrases: set(&phrases),
        tails: set(&tails),
        tail_of,
        never: plain(&data.never),
        labels: plain(&data.labels),
        label_values: set(&label_values),
        field_values: set(&field_values),
    }
}

/// The payload bit of a field value read only in a text of `[field_language]`.
const IN_LANGUAGE: u32 = 1 << 16;

/// The words of `[field_language]`.
static LANGUAGE_WORDS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        DATA.field_language
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i as u32)),
    )
});

/// Whether `text` holds `[field_language]`'s `min` words, each counted once.
fn in_field_language(text: &str) -> bool {
    let mut seen: Vec<u32> = Vec::new();
    for (_, w) in LANGUAGE_WORDS.find_iter(text) {
        if !seen.contains(&w) {
            seen.push(w);
            if seen.len() >= DATA.field_language.min {
                return true;
            }
        }
    }
    false
}

/// The office words of `[place_gap]`.
static GAP_AFTER: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(DATA.place_gap.after.iter().map(|p| (p.as_str(), 0))));

/// The place names between a `before` word and an office word ("our Chicago office", "the
/// downtown Toronto office"): each range runs from the name's first word to the office word, so
/// taking it out leaves "our office".
fn place_gaps(text: &str) -> Vec<Range<usize>> {
    let gap = &DATA.place_gap;
    let listed = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let mut out = Vec::new();
    for (office, _) in GAP_AFTER.find_iter(text) {
        // The words before the office word, nearest first, with their starts; a name stays
        // within its line.
        // Bounded: a name is a few words, and one huge line of office words was quadratic.
        let line_start = super::line_within(text, office.start, office.start).start;
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut end = office.start;
        for w in text[line_start..office.start].split(' ').rev() {
            end -= w.len();
            if !w.is_empty() {
                words.push((end, w));
            }
            if words.len() > gap.max_words {
                break;
            }
            end = end.saturating_sub(1);
        }
        // One to `max_words` name words (capitalised, or descriptors), then a `before` word.
        let is_name = |w: &str| {
            (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphanumeric() || "'.-&".contains(c))
                || listed(&gap.descriptors, w))
                && !listed(&gap.not_names, w)
        };
        let names = words.iter().take_while(|(_, w)| is_name(w)).count();
        if names == 0 || names > gap.max_words {
            continue;
        }
        // Apart from the name before (two office words in a row share no name).
        let start = words[names - 1].0;
        if words.get(names).is_some_and(|(_, w)| listed(&gap.before, w))
            && out.last().is_none_or(|last: &Range<usize>| last.end <= start)
        {
            out.push(start..office.start);
        }
    }
    out
}

/// The phrases of `facet` that a place name splits ("Work from our Chicago office 3 days a
/// week"), read in the text with the names taken out, with their spans in `text`.
///
/// Only the lines holding a name are read: a phrase never runs past a line break, and the
/// longest-first choice among phrases on one line does not depend on the other lines, so the
/// text read line by line finds what the whole text would.
fn across_gaps(facet: &Facet, text: &str) -> Vec<(Range<usize>, u32)> {
    let gaps = place_gaps(text);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < gaps.len() {
        let first = &gaps[k];
        let line_start = memchr::memrchr(b'\n', &bytes[..first.start]).map_or(0, |i| i + 1);
        let line_end = memchr::memchr(b'\n', &bytes[first.end..]).map_or(text.len(), |i| first.end + i);
        let on_line = gaps[k..].iter().take_while(|g| g.start < line_end).count();
        out.extend(across_gaps_in(
            facet,
            text,
            line_start..line_end,
            &gaps[k..k + on_line],
        ));
        k += on_line;
    }
    out
}

/// [`across_gaps`] on one line of `text` and the names on it, in text order.
fn across_gaps_in(
    facet: &Facet,
    text: &str,
    line: Range<usize>,
    gaps: &[Range<usize>],
) -> Vec<(Range<usize>, u32)> {
    // The line without the names, and where each of its pieces starts in both texts.
    let mut shadow = String::with_capacity(line.len());
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut from = line.start;
    for g in gaps.iter().chain(std::iter::once(&(line.end..line.end))) {
        pieces.push((shadow.len(), from));
        shadow.push_str(&text[from..g.start]);
        from = g.end;
    }
    let at = |s: usize, is_end: bool| {
        let i = pieces.partition_point(|p| if is_end { p.0 < s } else { p.0 <= s }) - 1;
        pieces[i].1 + (s - pieces[i].0)
    };
    phrase_hits(facet, &shadow)
        .into_iter()
        .map(|(r, i)| (at(r.start, false)..at(r.end, true), i))
        // Only the phrases that span a name: the others are found in the text itself.
        .filter(|(r, _)| gaps.iter().any(|g| r.start < g.start && g.end <= r.end))
        .collect()
}

/// The phrases of `facet` in `text`, whole words, in text order: those of the phrase set, and
/// each tail with its leading placeholder's fill right before it ("work from our office" +
/// " 3 days a week"), which is read over the phrases it overlaps, as the longer phrase.
fn phrase_hits(facet: &Facet, text: &str) -> Vec<(Range<usize>, u32)> {
    let mut hits: Vec<(Range<usize>, u32)> = facet.phrases.find_iter(text).collect();
    let bytes = text.as_bytes();
    let mut joined = Vec::new();
    for (tail, k) in facet.tails.find_iter(text) {
        let (value, fills) = &facet.tail_of[k as usize];
        let Some(before) = tail.start.checked_sub(1).filter(|&b| bytes[b] == b' ') else {
            continue;
        };
        let fill = fills.iter().find(|f| {
            let start = before.wrapping_sub(f.len());
            before >= f.len()
                && bytes[start..before].eq_ignore_ascii_case(f.as_bytes())
                && !text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        if let Some(f) = fill {
            joined.push((before - f.len()..tail.end, *value));
        }
    }
    if joined.is_empty() {
        return hits;
    }
    // The joined phrases end in text order (their tails do): a phrase overlaps one of them
    // when, among those ending after it starts, the earliest start is before its end (looked
    // up, not scanned: a scan per phrase was quadratic in a text full of both).
    let mut first_start = vec![usize::MAX; joined.len() + 1];
    for (k, (j, _)) in joined.iter().enumerate().rev() {
        first_start[k] = first_start[k + 1].min(j.start);
    }
    hits.retain(|(r, _)| first_start[joined.partition_point(|(j, _)| j.end <= r.start)] >= r.end);
    hits.extend(joined);
    hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    hits
}

static EMPLOYMENT: LazyLock<Facet> = LazyLock::new(|| build(&DATA.employment_type, EMPLOYMENT_TYPES));
static WORKPLACE: LazyLock<Facet> = LazyLock::new(|| build(&DATA.workplace, WORKPLACES));

/// Characters that end a clause for the negation window.
const CLAUSE_ENDS: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '|', '·', '•', '–', '—', '!', '?', '"',
];

/// How far before a value its negation is looked for, in bytes (the window is a few words).
const NEGATION_REACH: usize = 120;

/// Whether a negation word stands within the window before `at`, in the same clause of the
/// sentence that starts at `from`.
fn negated(text: &str, from: usize, at: usize) -> bool {
    // The window is a few words: a long sentence is not read back to its start for every value.
    let from = from.max(crate::input::floor_char_boundary(
        text,
        at.saturating_sub(NEGATION_REACH),
    ));
    let before = &text[from..at];
    let clause = before.rfind(CLAUSE_ENDS).map_or(before, |i| {
        let c = before[i..].chars().next().map_or(1, char::len_utf8);
        &before[i + c..]
    });
    clause
        .split_whitespace()
        .rev()
        .take(DATA.negation_window)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_ascii_lowercase();
            DATA.negations.contains(&w)
        })
}

/// The most bytes a never-phrase reaches before or after a value phrase inside it.
const NEVER_REACH: usize = 80;

/// Whether a never-phrase holds the value phrase at `r` ("remote sensing", "full-time
/// equivalent"): only the text around it is read, not the whole document.
fn in_never(facet: &Facet, text: &str, r: &Range<usize>) -> bool {
    let lo = crate::input::floor_char_boundary(text, r.start.saturating_sub(NEVER_REACH));
    let hi = crate::input::floor_char_boundary(text, (r.end + NEVER_REACH).min(text.len()));
    let window = &text[lo..hi];
    facet.never.find_iter(window).any(|(n, _)| {
        let n = lo + n.start..lo + n.end;
        // A window edge is no word boundary in the text.
        let clipped = (n.start == lo && lo > 0) || (n.end == hi && hi < text.len());
        !clipped && n.start <= r.start && r.end <= n.end
    })
}

/// Each labelled line's label and value ("Job type: Full-time", "Location:\nRemote"): the value
/// runs from after the colon to the end of the line or a `·`/`|` separator; it is the next
/// non-empty line when the label ends its line.
fn label_regions(text: &str, labels: &PhraseSet) -> Vec<(Range<usize>, Range<usize>)> {
    const MARKUP: &[char] = &[' ', '\t', '*', '_', '#', '-', '>', '+'];
    const SEPARATORS: &[char] = &['\n', '·', '|', '•'];
    let mut out = Vec::new();
    for (r, _) in labels.find_iter(text) {
        // At a line start or after a separator.
        let before = text[..r.start].trim_end_matches(MARKUP);
        if !(before.is_empty() || before.ends_with(SEPARATORS)) {
            continue;
        }
        // Then a colon, perhaps on the next line.
        let mut after = text[r.end..].trim_start_matches(['*', '_', ' ', '\t']);
        if let Some(rest) = after.strip_prefix('\n') {
            after = rest.trim_start_matches([' ', '\t']);
        }
        let Some(rest) = after.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start_matches(['*', '_', ' ', '\t']);
        let mut start = text.len() - rest.len();
        let line_end = |s: usize| text[s..].find(SEPARATORS).map_or(text.len(), |i| s + i);
        let mut end = line_end(start);
        if text[start..end].trim().is_empty() && text[start..].starts_with('\n') {
            let next = text[start..].trim_start();
            start = text.len() - next.len();
            end = line_end(start);
        }
        if start < end {
            out.push((r, start..end));
        }
    }
    out
}

fn find(facet: &Facet, text: &str, sentences: &[Range<usize>], fields: &[Range<usize>]) -> Vec<Found> {
    let labelled = label_regions(text, &facet.labels);
    // A label names no value ("Contract type: Casual").
    let labels = super::Covering::new(labelled.iter().map(|(label, _)| label.clone()));
    let spanning = across_gaps(facet, text);
    let mut out: Vec<Found> = phrase_hits(facet, text)
        .into_iter()
        // A phrase across a place name is read over those it overlaps.
        .filter(|(r, _)| !spanning.iter().any(|(s, _)| s.start < r.end && r.start < s.end))
        .chain(spanning.iter().cloned())
        .filter(|(r, _)| !labels.covers(r.clone()) && !in_never(facet, text, r))
        .filter(|(r, _)| {
            let from = sentence_at(sentences, r.start).map_or(0, |i| sentences[i].start);
            !negated(text, from.min(r.start), r.start)
        })
        .map(|(span, i)| Found {
            value: facet.values[i as usize],
            span,
        })
        .collect();
    out.sort_by_key(|f| f.span.start);
    // The phrases found are in text order and apart; so are the label values added (their
    // regions are in text order): overlaps are looked up, not scanned for.
    let phrases: Vec<Range<usize>> = out.iter().map(|f| f.span.clone()).collect();
    let mut added: Vec<Range<usize>> = Vec::new();
    for (_, region) in &labelled {
        for (r, i) in facet.label_values.find_iter(&text[region.clone()]) {
            let span = region.start + r.start..region.start + r.end;
            let overlaps = super::overlaps_any(&phrases, &span) || super::overlaps_any(&added, &span);
            if !overlaps && !labels.covers(span.clone()) && !in_never(facet, text, &span) {
                added.push(span.clone());
                out.push(Found {
                    value: facet.values[i as usize],
                    span,
                });
            }
        }
    }
    // A field value alone in its field ("Remoto (Brasil) | PJ") or on its line ("Casual").
    // Fields are apart, so one field's value never overlaps another's: only the phrases and the
    // label values (kept in text order for the lookup) are checked.
    let mut in_language: Option<bool> = None;
    for field in fields.iter().cloned() {
        let Some((r, i)) = facet.field_values.find_iter(&text[field.clone()]).next() else {
            continue;
        };
        let span = field.start + r.start..field.start + r.end;
        let whole = span == field;
        let overlaps = super::overlaps_any(&phrases, &span) || super::overlaps_any(&added, &span);
        if whole
            && !overlaps
            && !labels.covers(span.clone())
            && !in_never(facet, text, &span)
            && (i & IN_LANGUAGE == 0 || *in_language.get_or_insert_with(|| in_field_language(text)))
        {
            out.push(Found {
                value: facet.values[(i & !IN_LANGUAGE) as usize],
                span,
            });
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// The fields of `text`'s lines, trimmed: a line split at `|`, `·`, `•` and a spaced dash
/// ("Remoto (Brasil) | PJ", "Développeur H/F - CDI"), or a whole line.
fn fields(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let mut from = 0;
        loop {
            let next = separator_from(body.as_bytes(), from);
            let end = next.map_or(body.len(), |(i, _)| i);
            let field = &body[from..end];
            let lead = field.len() - field.trim_start().len();
            let trimmed = field.trim();
            if !trimmed.is_empty() {
                out.push(at + from + lead..at + from + lead + trimmed.len());
            }
            match next {
                Some((i, len)) => from = i + len,
                None => break,
            }
        }
        at += line.len();
    }
    out
}

/// The first field separator of `line` at or after `from`, as (start, length): `|`, `·`, `•`,
/// " - " or " – ". One pass over the bytes, looking up the bytes that stand out: a bar, the
/// first byte of the other signs, and the dashes, whose spaces are checked around them (a
/// space is too common a byte to stop at). No separator starts inside another, so the first
/// one found is the first one starting.
fn separator_from(line: &[u8], from: usize) -> Option<(usize, usize)> {
    // The bytes a separator's sign starts with: `|`, `-`, and 0xC2 (`·`) and 0xE2 (`•`, `–`).
    const LEADS: [bool; 256] = {
        let mut leads = [false; 256];
        leads[b'|' as usize] = true;
        leads[b'-' as usize] = true;
        leads[0xc2] = true;
        leads[0xe2] = true;
        leads
    };
    let spaced = |i: usize, len: usize| i > from && line[i - 1] == b' ' && line.get(i + len) == Some(&b' ');
    let mut i = from;
    while let Some(k) = line.get(i..)?.iter().position(|&b| LEADS[b as usize]) {
        i += k;
        let rest = &line[i..];
        if let Some(sign) = ["|", "·", "•"].iter().find(|s| rest.starts_with(s.as_bytes())) {
            return Some((i, sign.len()));
        }
        if rest[0] == b'-' && spaced(i, 1) {
            return Some((i - 1, 3));
        }
        if rest.starts_with("–".as_bytes()) && spaced(i, 3) {
            return Some((i - 1, 5));
        }
        i += 1;
    }
    None
}

/// The employment types and the workplaces stated in `text`, each in order (the fields of
/// its lines found once for both).
pub(crate) fn both(text: &str, sentences: &[Range<usize>]) -> (Vec<Found>, Vec<Found>) {
    let fields = fields(text);
    (
        employment_types_in(text, sentences, &fields),
        workplaces_in(text, sentences, &fields),
    )
}

/// [`employment_types_in`], the fields found here.
#[cfg(test)]
pub(crate) fn employment_types(text: &str, sentences: &[Range<usize>]) -> Vec<Found> {
    employment_types_in(text, sentences, &fields(text))
}

/// Employment types stated in `text` (its line fields are `fields`), in order.
fn employment_types_in(text: &str, sentences: &[Range<usize>], fields: &[Range<usize>]) -> Vec<Found> {
    let mut found = find(&EMPLOYMENT, text, sentences, fields);
    let data = &DATA.employment_type;
    // "Job type: Part-time, Permanent", "Pensum 60–80%" with "Festanstellung" lines below it:
    // where part-time hours are named, a word of permanence says nothing of the hours. A
    // heading in capitals ("PERMANENT EMPLOYMENT" over a résumé's salaried jobs) names a kind
    // of job of its own.
    if found.iter().any(|f| f.value == "part_time") {
        found.retain(|f| {
            f.value != "full_time"
                || !data
                    .permanence
                    .iter()
                    .any(|p| text[f.span.clone()].eq_ignore_ascii_case(p))
                || capitals_heading(&text[super::line_within(text, f.span.start, f.span.end)])
        });
    }
    // "Duration: 12 months" with no internship or temporary job named: a contract's term.
    let value = EMPLOYMENT_TYPES.iter().find(|v| **v == data.terms_value);
    if let Some(value) = value
        && !found
            .iter()
            .any(|f| f.value == *value || data.terms_unless.iter().any(|u| u == f.value))
        && let Some((r, _)) = TERMS.find_iter(text).next()
    {
        found.push(Found { value, span: r });
        found.sort_by_key(|f| f.span.start);
    }
    found
}

/// Whether a line is a heading written in capitals: two words or more, every letter upper
/// case, no sentence or field punctuation.
fn capitals_heading(line: &str) -> bool {
    let line = line.trim();
    crate::words::spaced_count(line, 2) == 2
        && line.chars().any(char::is_alphabetic)
        && line.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !line.contains([':', '|', ',', '.'])
}

/// The phrases of `terms` (see [`FacetData`]), placeholders expanded.
static TERMS: LazyLock<PhraseSet> = LazyLock::new(|| {
    let terms: Vec<String> = DATA
        .employment_type
        .terms
        .iter()
        .flat_map(|p| expand(p, &DATA.placeholders))
        .collect();
    PhraseSet::new(terms.iter().map(|p| (p.as_str(), 0)))
});

/// [`workplaces_in`], the fields found here.
#[cfg(test)]
pub(crate) fn workplaces(text: &str, sentences: &[Range<usize>]) -> Vec<Found> {
    workplaces_in(text, sentences, &fields(text))
}

/// Workplace arrangements stated in `text` (its line fields are `fields`), in order. An office
/// or home day that details a hybrid schedule, in a bracket or after a colon right after it
/// ("Hybrid (Tue–Thu in office)", "Hybrid: on-site Mondays"), is part of the hybrid statement,
/// not an arrangement of its own.
fn workplaces_in(text: &str, sentences: &[Range<usize>], fields: &[Range<usize>]) -> Vec<Found> {
    let mut found = find(&WORKPLACE, text, sentences, fields);
    if found.iter().any(|f| f.value == "hybrid") {
        let denials = &DATA.workplace.remote_denials;
        found.retain(|f| {
            f.value != "onsite"
                || !denials
                    .iter()
                    .any(|d| text[f.span.clone()].eq_ignore_ascii_case(d))
        });
    }
    // An office in the sentence of a hybrid statement is where the hybrid role sits, not an
    // arrangement of its own ("Hybrid role based in our London office", "Based in our Leeds
    // office with hybrid working"), unless "or" offers both ("Hybrid or on-site").
    let hybrids: Vec<Range<usize>> = found
        .iter()
        .filter(|f| f.value == "hybrid")
        .map(|f| f.span.clone())
        .collect();
    found.retain(|f| {
        f.value != "onsite"
            || !hybrids.iter().any(|h| {
                let (lo, hi) = if h.start < f.span.start {
                    (h.end, f.span.start)
                } else {
                    (f.span.end, h.start)
                };
                let between = text.get(lo.min(hi)..hi).unwrap_or("");
                sentence_at(sentences, h.start).is_some()
                    && sentence_at(sentences, h.start) == sentence_at(sentences, f.span.start)
                    && !between.contains('\n')
                    && !between
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case("or"))
            })
    });
    // A detail is dropped whatever its value: office days named by weekday are a hybrid
    // statement of their own ("Tue–Thu in office"), but in "Hybrid (Tue–Thu in office)" they
    // detail the first.
    let mut hybrid_end: Option<usize> = None;
    found.retain(|f| {
        let detail = hybrid_end.is_some_and(|end| details_hybrid(text.get(end..f.span.start).unwrap_or("")));
        if f.value == "hybrid" && !detail {
            hybrid_end = Some(f.span.end);
        }
        !detail
    });
    found
}

/// Whether `between` (the text from a hybrid statement to another value) opens a detail of it:
/// "(" or ":" first, then at most `DETAIL_WORDS` words, on one line, with no bracket closed.
fn details_hybrid(between: &str) -> bool {
    const DETAIL_WORDS: usize = 6;
    let rest = between.trim_start();
    let Some(rest) = rest.strip_prefix('(').or_else(|| rest.strip_prefix(':')) else {
        return false;
    };
    !rest.contains(['\n', ')', '(']) && rest.split_whitespace().count() <= DETAIL_WORDS
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&TERMS);
    LazyLock::force(&EMPLOYMENT);
    LazyLock::force(&WORKPLACE);
    LazyLock::force(&GAP_AFTER);
    LazyLock::force(&LANGUAGE_WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_split_into_fields() {
        let of = |t: &str| -> Vec<String> { fields(t).into_iter().map(|r| t[r].to_string()).collect() };
        for (text, want) in [
            ("Remoto (Brasil) | PJ", &["Remoto (Brasil)", "PJ"][..]),
            (
                "a | b · c • d - e – f\ng|h",
                &["a", "b", "c", "d", "e", "f", "g", "h"],
            ),
            ("x - y|z - w", &["x", "y", "z", "w"]),
            ("Front-end | Full-time", &["Front-end", "Full-time"]),
            ("||  | a", &["a"]),
            ("a -b - c", &["a -b", "c"]),
            ("1 –– 2 – 3", &["1 –– 2", "3"]),
            ("x·y", &["x", "y"]),
            ("é · ü", &["é", "ü"]),
            ("Casual", &["Casual"]),
            ("", &[]),
        ] {
            assert_eq!(of(text), want, "{text:?}");
        }
    }

    #[test]
    fn separator_scan_agrees_with_a_search_for_each_separator() {
        // Every string of up to four pieces: the one-pass scan finds what the earliest of the
        // five searches finds.
        const PIECES: [&str; 10] = ["|", "·", "•", " - ", " – ", "-", "–", " ", "a", "é"];
        let texts = crate::extract::joined_pieces(&PIECES, 4);
        for text in &texts {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let searched = ["|", "·", "•", " - ", " – "]
                    .iter()
                    .filter_map(|sep| text[from..].find(sep).map(|i| (from + i, sep.len())))
                    .min();
                assert_eq!(separator_from(text.as_bytes(), from), searched, "{text:?} {from}");
            }
        }
    }

    #[test]
    fn never_phrases_fit_the_window_read_around_a_value() {
        for facet in [&DATA.employment_type, &DATA.workplace] {
            for n in &facet.never {
                assert!(n.len() < NEVER_REACH, "{n:?} is longer than NEVER_REACH");
            }
        }
    }
    use crate::extract::sentences;

    fn values(f: fn(&str, &[Range<usize>]) -> Vec<Found>, text: &str) -> Vec<&'static str> {
        f(text, &sentences(text)).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn data_loads_and_names_known_values() {
        for (data, known) in [
            (&DATA.employment_type, EMPLOYMENT_TYPES),
            (&DATA.workplace, WORKPLACES),
        ] {
            let names: Vec<&str> = data.value.iter().map(|v| v.value.as_str()).collect();
            assert_eq!(names, known);
            for p in data
                .value
                .iter()
                .flat_map(|v| v.phrases.iter().chain(&v.label_values))
            {
                assert_eq!(*p, p.to_lowercase(), "{p:?} is not lower case");
            }
        }
        LazyLock::force(&EMPLOYMENT);
        LazyLock::force(&WORKPLACE);
    }

    #[test]
    fn expands_placeholders() {
        let got = expand("{all_days} days in office", &DATA.placeholders);
        assert_eq!(got, ["5 days in office", "five days in office"]);
    }

    #[test]
    fn never_phrases_and_negations() {
        assert_eq!(
            values(workplaces, "Remote sensing and hybrid cloud work."),
            Vec::<&str>::new()
        );
        assert_eq!(
            values(workplaces, "This is not a remote role; on-site in Austin."),
            ["onsite"]
        );
        assert_eq!(values(workplaces, "Non-remote position."), Vec::<&str>::new());
        assert_eq!(
            values(employment_types, "No C2C, contract on W2 only."),
            ["contract"]
        );
        assert_eq!(
            values(employment_types, "Non-exempt full-time position"),
            ["full_time"]
        );
    }

    #[test]
    fn weekly_hours_and_contract_terms() {
        for (text, want) in [
            ("Utrecht | Hybride | 36-40 uur", &["full_time"][..]),
            // from a four-day week up: no full-time post
            ("Utrecht | Hybride | 32-40 uur", &[]),
            ("München | 40 Stunden pro Woche", &["full_time"]),
            ("Werktijden: 20-40 uur per week", &[]),
            ("Teilzeit, 20 Stunden", &["part_time"]),
            ("Contract: 12 months\nRate: €550 per day", &["contract"]),
            ("Internship\nDuration: 6 months", &["internship"]),
            ("Contract: Permanent", &["full_time"]),
            // A term under "Duration": a contract's, unless an internship's or a temp job's.
            (
                "SAP Consultant\nDuration: 12 months\nRate: £550 per day",
                &["contract"],
            ),
            ("Temporary cover\nDuration: 6 months", &["temporary"]),
            ("Rate: £500 per day, Outside IR35", &["contract"]),
            // Permanence beside part-time hours says nothing of the hours.
            ("Job type: Part-time, Permanent", &["part_time"]),
            ("Hamburg | Teilzeit | unbefristet", &["part_time"]),
            ("Job type: Full-time, Permanent", &["full_time", "full_time"]),
            ("Job type: Permanent", &["full_time"]),
            (
                "Part-time retainer for two clients\nPERMANENT EMPLOYMENT",
                &["part_time", "full_time"],
            ),
            // On lines of their own too, but for a heading in capitals (above).
            ("Pensum 60–80%\nFestanstellung", &["part_time"]),
            ("Part-time retainer\nPermanent employment", &["part_time"]),
            ("PART-TIME, 20 HOURS\nPERMANENT", &["part_time"]),
        ] {
            assert_eq!(values(employment_types, text), want, "{text}");
        }
        assert_eq!(
            values(workplaces, "Rotterdam | Op kantoor | 36-40 uur"),
            ["onsite"]
        );
        assert!(values(workplaces, "Wij zitten in Rotterdam op kantoor aan de Maas.").is_empty());
    }

    #[test]
    fn labels_with_the_value_on_the_next_line() {
        let t = "Job type:\nPerm\nLocation\n: Leeds or Remote\nWorkplace: Office";
        assert_eq!(values(employment_types, t), ["full_time"]);
        assert_eq!(values(workplaces, t), ["remote", "onsite"]);
        let f = workplaces(t, &sentences(t));
        assert_eq!(&t[f[1].span.clone()], "Office");
    }

    #[test]
    fn days_in_the_office() {
        assert_eq!(
            values(workplaces, "Location: Leeds, UK (on-site 4 days a week)"),
            ["hybrid"]
        );
        assert_eq!(values(workplaces, "In the office five days a week."), ["onsite"]);
        assert_eq!(
            values(workplaces, "Hybrid, 3 days in office"),
            ["hybrid", "hybrid"]
        );
    }

    #[test]
    fn weekdays_in_the_office_or_at_home() {
        assert_eq!(
            values(workplaces, "In-office Mon–Wed in Denver, remote Thu–Fri"),
            ["hybrid", "hybrid"]
        );
        assert_eq!(values(workplaces, "In-office Monday to Friday."), ["onsite"]);
        assert!(values(workplaces, "Our support desk is staffed Mon–Wed.").is_empty());
    }

    #[test]
    fn on_site_for_an_occasion() {
        assert_eq!(
            values(workplaces, "Remote-first; on-site only for quarterly planning."),
            ["remote"]
        );
        assert_eq!(values(workplaces, "This role is on-site only."), ["onsite"]);
    }

    #[test]
    fn an_office_in_the_sentence_of_a_hybrid_statement() {
        assert_eq!(
            values(workplaces, "Hybrid role based in our London office."),
            ["hybrid"]
        );
        assert_eq!(
            values(workplaces, "Based in our Leeds office with hybrid working."),
            ["hybrid"]
        );
        assert_eq!(
            values(workplaces, "Hybrid or on-site in Austin."),
            ["hybrid", "onsite"]
        );
        assert_eq!(
            values(workplaces, "Hybrid for engineers. On-site for the lab team."),
            ["hybrid", "onsite"]
        );
    }

    #[test]
    fn office_days_detailing_a_hybrid_schedule() {
        assert_eq!(values(workplaces, "Hybrid (Tue–Thu in office)"), ["hybrid"]);
        assert_eq!(values(workplaces, "Hybrid: remote on Fridays"), ["hybrid"]);
        assert_eq!(values(workplaces, "Hybrid or remote"), ["hybrid", "remote"]);
        assert_eq!(
            values(workplaces, "Hybrid (flexible) or on-site"),
            ["hybrid", "onsite"]
        );
        assert_eq!(
            values(workplaces, "Hybrid:\nOn-site for the lab team"),
            ["hybrid", "onsite"]
        );
    }
}
