//! Stated locations ("Location: Austin, TX", "Remote - US only"), as written; no geocoding.
//! The labels, markers, cue phrases and word lists are in `lexicons/cues/location.toml`, whose
//! header says how a location is found.
//!
//! What counts: a place, or a remote/hybrid statement qualified by a region ("Remote - US
//! only", "Remote (EU time zones)"). What does not: a value that names no place ("Location:
//! Remote", "Work location: In person", "Location: TBD") — the workplace facet says how one
//! works; this field says where.

use super::sentence_at;
use super::title::{is_role_noun, line_ranges};
use crate::fasthash::{FastSet, WordSet};
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    labels: Vec<String>,
    markers: Vec<String>,
    leads: Vec<String>,
    lead_qualifiers: Vec<String>,
    cues: Vec<String>,
    cue_after: Vec<String>,
    cue_subjects: Vec<String>,
    skip: Vec<String>,
    connectives: Vec<String>,
    place_tails: Vec<String>,
    arrangement: Vec<String>,
    perks: Vec<String>,
    no_place: Vec<String>,
    header_lines: usize,
    city_lines: usize,
    regions: Vec<String>,
    header_regions: Vec<String>,
    spaced_regions: Vec<String>,
    cities: Vec<String>,
    not_towns: Vec<String>,
    /// Words of an office's address written after its city ("Алматы, Медеуский район").
    address_words: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/location").expect("location.toml is checked by the test suite"));

fn set(list: &[String]) -> PhraseSet {
    PhraseSet::new(list.iter().map(|p| (p.as_str(), 0)))
}

static LABELS: LazyLock<PhraseSet> = LazyLock::new(|| set(&DATA.labels));
static LEADS: LazyLock<PhraseSet> = LazyLock::new(|| set(&DATA.leads));
static CUES: LazyLock<PhraseSet> = LazyLock::new(|| set(&DATA.cues));
static LABEL_FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| first_bytes(&DATA.labels));
static LEAD_FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| first_bytes(&DATA.leads));
static MARKER_FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| first_bytes(&DATA.markers));

/// The longest region name, in bytes (checked by the tests).
const MAX_REGION: usize = 64;

/// The regions (see [`is_region`]).
struct Regions {
    /// Codes and abbreviations (three letters at most, or a dot), matched as written.
    exact: FastSet<&'static [u8]>,
    /// The other names in ASCII lower case, matched in any ASCII case.
    folded: FastSet<Vec<u8>>,
}

static REGIONS: LazyLock<Regions> = LazyLock::new(|| {
    let (exact, folded): (Vec<&String>, Vec<&String>) =
        DATA.regions.iter().partition(|r| r.len() <= 3 || r.contains('.'));
    Regions {
        exact: exact.into_iter().map(|r| r.as_bytes()).collect(),
        folded: folded
            .into_iter()
            .map(|r| r.to_ascii_lowercase().into_bytes())
            .collect(),
    }
});

/// The regions read only on a posting's header line (see [`header_place`]), lower case.
static HEADER_REGIONS: LazyLock<FastSet<String>> =
    LazyLock::new(|| DATA.header_regions.iter().map(|c| c.to_lowercase()).collect());

/// Whether a segment ends a posting's header line as a region: one of `regions`, or of
/// `header_regions` (any case).
fn header_region(segment: &str) -> bool {
    is_region(segment) || (segment.len() <= MAX_REGION && HEADER_REGIONS.contains(&segment.to_lowercase()))
}

/// The cities (see [`city_prefix`]), lower case.
static CITIES: LazyLock<FastSet<String>> =
    LazyLock::new(|| DATA.cities.iter().map(|c| c.to_lowercase()).collect());

/// The most words a city's name has.
const MAX_CITY_WORDS: usize = 4;

/// Markup and bullets before a label or a value.
const MARKUP: &[char] = &[
    ' ', '\t', '*', '_', '#', '>', '+', '-', '•', '·', '–', '—', '▪', '◦', '●', '‣', '○', '■',
];

/// Separators between the parts of a line ("Acme · Berlin, Germany · Full-time"): "·", "|",
/// "•" and " / " (see [`separator_at`]).
const BULLET: &[u8] = "•".as_bytes();

/// Finds [`BULLET`] (built once: building a finder per line cost more than the search).
static BULLET_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(BULLET));

/// Separators between a lead and its qualifier ("Remote - US only").
const LEAD_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " (", ", ", ": ", " ", "-", "("];

/// The word lists of [`File`] that are looked up one word (or value) at a time, in any ASCII
/// case.
struct Words {
    arrangement: WordSet,
    perks: WordSet,
    no_place: WordSet,
    skip: WordSet,
    lead_qualifiers: WordSet,
    connectives: WordSet,
    cue_subjects: WordSet,
    cue_after: WordSet,
    place_tails: WordSet,
    not_towns: WordSet,
    address_words: WordSet,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    arrangement: WordSet::new(&DATA.arrangement),
    perks: WordSet::new(&DATA.perks),
    no_place: WordSet::new(&DATA.no_place),
    skip: WordSet::new(&DATA.skip),
    lead_qualifiers: WordSet::new(&DATA.lead_qualifiers),
    connectives: WordSet::new(&DATA.connectives),
    cue_subjects: WordSet::new(&DATA.cue_subjects),
    cue_after: WordSet::new(&DATA.cue_after),
    place_tails: WordSet::new(&DATA.place_tails),
    not_towns: WordSet::new(&DATA.not_towns),
    address_words: WordSet::new(&DATA.address_words),
});

/// The part separator that byte `c` of `hay` belongs to, found from `c` (a "|", "/" or "·"'s
/// first byte, or a "•"), as its range, if there is one and it starts at or after `from`.
fn separator_at(hay: &[u8], c: usize, from: usize) -> Option<Range<usize>> {
    match hay[c] {
        b'|' => Some(c..c + 1),
        b'/' if c > from && hay[c - 1] == b' ' && hay.get(c + 1) == Some(&b' ') => Some(c - 1..c + 2),
        0xC2 if hay.get(c + 1) == Some(&0xB7) => Some(c..c + 2),
        _ if hay[c..].starts_with(BULLET) => Some(c..c + BULLET.len()),
        _ => None,
    }
}

/// The parts of a line, trimmed.
fn parts(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let hay = &text.as_bytes()[line.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    // Candidates: "|", the "/" of " / " and the first byte of "·" in one scan, "•" in another.
    // Separators are ASCII or whole UTF-8 sequences, so they are found at char boundaries.
    let mut bullets = BULLET_FINDER.find_iter(hay).peekable();
    loop {
        while bullets.next_if(|&k| k < at).is_some() {}
        let c = match (memchr::memchr3(b'|', b'/', 0xC2, &hay[at..]), bullets.peek()) {
            (Some(k), Some(&bullet)) => (at + k).min(bullet),
            (Some(k), None) => at + k,
            (None, Some(&bullet)) => bullet,
            (None, None) => break,
        };
        match separator_at(hay, c, at) {
            Some(sep) => {
                out.extend(trim(text, line.start + start..line.start + sep.start));
                (start, at) = (sep.end, sep.end);
            }
            None => at = c + 1,
        }
    }
    out.extend(trim(text, line.start + start..line.end));
    out
}

/// The pieces of `part` between its semicolons ("; "), trimmed.
fn semicolon_pieces(text: &str, part: &Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut from = part.start;
    for (i, _) in text[part.clone()].match_indices("; ") {
        pieces.extend(trim(text, from..part.start + i));
        from = part.start + i + 2;
    }
    pieces.extend(trim(text, from..part.end));
    pieces
}

/// The first bytes, in either ASCII case, that a phrase of `list` may start a text with: a
/// text starting with none of them starts with none of the phrases.
fn first_bytes(list: &[String]) -> [bool; 256] {
    let mut set = [false; 256];
    for p in list {
        if let Some(&b) = p.as_bytes().first() {
            set[usize::from(b.to_ascii_lowercase())] = true;
            set[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    set
}

/// Whether `s` may start with a phrase whose first bytes are `set` (see [`first_bytes`]).
fn may_start(set: &[bool; 256], s: &str) -> bool {
    s.as_bytes().first().is_some_and(|&b| set[usize::from(b)])
}

/// `r` without surrounding whitespace, markup and trailing punctuation; `None` when empty.
fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    // A colon too: a label broken from its colon by a line end ("Location\n: Leeds").
    let head = s.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || MARKUP.contains(&c));
    let start = r.end - head.len();
    let body =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.' | ',' | ';' | ':'));
    // An abbreviation keeps its last dot: a last word that holds a dot already ("Washington,
    // D.C.", "Monterrey, N.L."), or a state shortened to a capital and one or two lower-case
    // letters after a comma or another abbreviation ("Guadalajara, Jal.", "Ottawa, Ont.",
    // "Toluca, Edo. Méx.").
    // Read only when a dot was trimmed off (most values end in none).
    let dotted = head[body.len()..].starts_with('.') && {
        let last_word = body.rsplit([' ', ',']).next().unwrap_or("");
        let before = &body[..body.len() - last_word.len()];
        let mut chars = last_word.chars();
        let short_state = (before.ends_with(", ") || before.ends_with(". "))
            && (2..=3).contains(&last_word.chars().count())
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase);
        last_word.len() > 1 && (last_word.contains('.') || short_state)
    };
    let len = body.len() + usize::from(dotted);
    (!body.is_empty()).then(|| start..start + len)
}

/// The words of `s` (letters, digits and `%`), as written.
fn raw_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !c.is_alphanumeric() && c != '%')
        .filter(|w| !w.is_empty())
}

/// Whether `s` says only how one works ("Remote", "In person", "Hybrid, 3 days in office"),
/// perhaps with what the job offers besides ("Remote Visa sponsor Paid relocation").
fn arrangement_only(s: &str) -> bool {
    raw_words(s).all(arrangement_word)
}

/// Whether the word `w` is a number, one of `arrangement` or one of `perks`.
fn arrangement_word(w: &str) -> bool {
    let known = |w: &str| WORDS.arrangement.contains(w) || WORDS.perks.contains(w);
    // An ASCII word compares as it is; lower-casing another may change more than ASCII.
    if w.is_ascii() {
        w.bytes().all(|b| b.is_ascii_digit()) || known(w)
    } else {
        let w = w.to_lowercase();
        w.chars().all(|c| c.is_ascii_digit()) || known(&w)
    }
}

/// Where a trailing run of arrangement words holding a perk starts in `s` ("Berlin Remote
/// Visa sponsor Paid relocation" → before "Remote"), if `s` has one after other words.
fn perks_tail(s: &str) -> Option<usize> {
    let mut start = None;
    let mut perk = false;
    // Words from the last one back, each with where it starts; the first word always stays.
    let mut end = s.len();
    for w in s.rsplit(' ') {
        let at = end - w.len();
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || at == 0 || !arrangement_word(bare) {
            break;
        }
        perk |= WORDS.perks.contains(bare);
        start = Some(at);
        end = at.saturating_sub(1);
    }
    start.filter(|_| perk)
}

/// `s` with its placeholders ("<LOCATION>", as anonymised texts write a place) blanked.
fn without_placeholders(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The separators a trailing arrangement or label is cut off at.
const CUTS: [&str; 4] = [" - ", " – ", " — ", ", "];

/// The last separator of [`CUTS`] in `s`, as (start, length): one backward pass over the bytes
/// (no two separators start at one byte: the spaced dashes differ in their second).
fn last_cut(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    (0..b.len()).rev().find_map(|i| {
        if !matches!(b[i], b' ' | b',') {
            return None;
        }
        CUTS.iter()
            .find(|sep| b[i..].starts_with(sep.as_bytes()))
            .map(|sep| (i, sep.len()))
    })
}

/// A value cleaned as the data file's header says, or `None` when it names no place.
fn clean(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let mut r = trim(text, r)?;
    // A value this long is no location (see `too_long` below): stop before reading it, so a
    // huge line costs nothing.
    if r.len() > 400 {
        return None;
    }
    loop {
        let s = &text[r.clone()];
        // A label restated inside the value ("Location: 1 vacancy in the following location:
        // Denver, CO", USAJobs): the place follows its colon.
        if let Some(colon) = s.rfind(": ")
            && ends_with_label(&s[..colon])
        {
            r = trim(text, r.start + colon + 2..r.end)?;
            continue;
        }
        // A trailing "(Hybrid, 3 days in office)".
        if s.ends_with(')')
            && let Some(open) = s.rfind('(')
            && open > 0
            && arrangement_only(&s[open..])
        {
            r = trim(text, r.start..r.start + open)?;
            continue;
        }
        // A trailing " - Hybrid" or ", Remote".
        let cut = last_cut(s);
        // A trailing dash part holding a label ("Austin, TX - Remote job: No; Telework
        // eligible: Yes", USAJobs): a place has no colon.
        let labelled_tail = cut.is_some_and(|(i, len)| len > 2 && s[i + len..].contains(':'));
        if let Some((i, len)) = cut
            && i > 0
            && (labelled_tail || (arrangement_only(&s[i + len..]) && !is_region(s[i + len..].trim())))
            && !arrangement_only(&s[..i])
        {
            r = trim(text, r.start..r.start + i)?;
            continue;
        }
        // A place or an arrangement: "New York, NY or Remote (US)" (the workplace facet tells
        // the remote work; this field the place).
        if let Some(i) = s.rfind(" or ")
            && i > 0
            && s[i + 4..]
                .split(" (")
                .next()
                .is_some_and(|w| !w.trim().is_empty() && arrangement_only(w))
            && !arrangement_only(&s[..i])
            && s[..i].matches(['(', '[']).count() == s[..i].matches([')', ']']).count()
        {
            r = trim(text, r.start..r.start + i)?;
            continue;
        }
        // A leading street address: "100 Main St, Springfield".
        if s.starts_with(|c: char| c.is_ascii_digit())
            && let Some(i) = s.find(", ")
        {
            r = trim(text, r.start + i + 2..r.end)?;
            continue;
        }
        break;
    }
    // A run of what the job offers after the place ("Berlin Remote Visa sponsor Paid
    // relocation").
    if let Some(at) = perks_tail(&text[r.clone()]) {
        r = trim(text, r.start..r.start + at)?;
    }
    let s = &text[r.clone()];
    // Placeholders are no place ("<LOCATION> or <LOCATION> or Remote").
    if s.contains('<') && arrangement_only(&without_placeholders(s)) {
        return None;
    }
    let too_long = s.len() > 90 || crate::words::spaced_count(s, 13) > 12;
    (!too_long && !arrangement_only(s) && !WORDS.no_place.contains(s.to_lowercase().trim())).then_some(r)
}

/// Whether `s` ends with one of the labels, as a whole word ("1 vacancy in the following
/// location").
fn ends_with_label(s: &str) -> bool {
    let s = s.trim_end();
    // A label is a few words: only the tail of a long value is read.
    let from = s.len().saturating_sub(40);
    let from = (from..=s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    LABELS
        .find_iter(&s[from..])
        .any(|(m, _)| from + m.end == s.len() && !s[..from + m.start].ends_with(char::is_alphanumeric))
}

/// Form 1: "Location: Austin, TX", or "Location:" with the value on the next line.
fn labelled(text: &str, part: &Range<usize>, next_line: Option<&Range<usize>>) -> Option<Range<usize>> {
    let s = &text[part.clone()];
    if !may_start(&LABEL_FIRST, s) {
        return None;
    }
    let (m, _) = LABELS.find_iter(s).next()?;
    if m.start != 0 {
        return None;
    }
    let rest = s[m.end..].trim_start_matches(['*', '_', ' ', '\t']);
    // A label alone on its line ("Locations" then "Minneapolis, MN", as in a <dt>/<dd> list).
    let ends_line = text[part.end..line_end(text, part.end)]
        .trim_matches(|c: char| ":*_ \t".contains(c))
        .is_empty();
    let alone = rest.is_empty() && ends_line;
    // A full-width colon in Chinese, Japanese and Korean ("工作地點：台北市").
    let rest = if alone {
        rest
    } else {
        rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?
    };
    let value_start = part.end - rest.len();
    if !rest.trim_matches(['*', '_', ' ', '\t']).is_empty() {
        return clean(text, value_start..part.end);
    }
    // The label ends its part: the value is the next line, when the part ends the line.
    let next = next_line?;
    if !text[part.end..next.start].contains('\n')
        || crate::sections::heading_kind_exact(&text[next.clone()]).is_some()
    {
        return None;
    }
    let first = parts(text, next.clone()).into_iter().next()?;
    if alone && text[first.clone()].ends_with(['.', '!', '?', ':']) {
        return None;
    }
    clean(text, first)
}

/// The end of the line holding `at` (at most a line's reach away: see
/// [`super::line_within`]).
fn line_end(text: &str, at: usize) -> usize {
    super::line_within(text, at, at).end
}

/// Form 2: "📍 Lisbon".
fn marked(text: &str, part: &Range<usize>) -> Option<Range<usize>> {
    let s = &text[part.clone()];
    if !may_start(&MARKER_FIRST, s) {
        return None;
    }
    let m = DATA.markers.iter().find(|m| s.starts_with(m.as_str()))?;
    let rest = s[m.len()..].trim_start_matches(['\u{fe0f}', ' ', ':', '\t']);
    clean(text, part.end - rest.len()..part.end)
}

/// Form 3: "Remote - US only", "Remote (EU time zones)", "Hybrid - London, UK".
fn led(text: &str, part: &Range<usize>) -> Option<Range<usize>> {
    let s = &text[part.clone()];
    if !may_start(&LEAD_FIRST, s) {
        return None;
    }
    let (m, _) = LEADS.find_iter(s).next()?;
    if m.start != 0 || s.ends_with(['.', '!', '?']) {
        return None;
    }
    let after = &s[m.end..];
    let sep = LEAD_SEPARATORS.iter().find(|p| after.starts_with(**p))?;
    let mut rest = after[sep.len()..].trim_start();
    if crate::words::spaced_count(rest, 9) > 8 {
        return None;
    }
    // Past "the", "our".
    while let Some(w) = rest.split_whitespace().next()
        && WORDS.skip.contains(w)
        && !WORDS.lead_qualifiers.contains(w)
    {
        rest = rest[w.len()..].trim_start();
    }
    let first = rest.split_whitespace().next()?;
    let first_word = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let opens =
        first_word.starts_with(|c: char| c.is_uppercase()) || WORDS.lead_qualifiers.contains(first_word);
    (opens && !arrangement_only(rest)).then(|| clean(text, part.clone()))?
}

/// Whether a comma segment reads as (part of) a place name: one to four capitalised words, no
/// role noun ("Data Engineer, London, UK" → "London, UK").
fn place_like(segment: &str) -> bool {
    let ws: Vec<&str> = segment.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 4
        && ws[0].starts_with(|c: char| c.is_uppercase())
        && ws.iter().all(|w| {
            (w.starts_with(|c: char| c.is_uppercase()) || WORDS.connectives.contains(w))
                && !is_role_noun(&w.to_lowercase())
                && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
        })
}

/// Whether a segment is a region ("IL", "Germany"), perhaps with a postcode ("TX 78701"):
/// its words without digits, joined by single spaces, are a region's name, in the region's
/// case when it is a code or abbreviation (three letters at most, or a dot), else in any ASCII
/// case. `positions` asks it of résumé header lines ("INTERSWITCH — Lagos, Nigeria": the
/// place, not the company's name).
pub(crate) fn is_region(segment: &str) -> bool {
    let mut name = [0u8; MAX_REGION];
    let mut len = 0;
    for w in segment
        .split_whitespace()
        .filter(|w| !w.bytes().any(|b| b.is_ascii_digit()))
    {
        let from = len + usize::from(len > 0);
        if from + w.len() > MAX_REGION {
            // Longer than every region.
            return false;
        }
        if len > 0 {
            name[len] = b' ';
        }
        name[from..from + w.len()].copy_from_slice(w.as_bytes());
        len = from + w.len();
    }
    let name = &mut name[..len];
    if REGIONS.exact.contains(&*name) {
        return true;
    }
    name.make_ascii_lowercase();
    REGIONS.folded.contains(&*name)
}

/// Form 4: a part ending in "City, Region" near the top ("Chicago, IL (Hybrid, 3 days in
/// office)"): the place-like comma segments before the region, and the region.
fn header_place(text: &str, part: &Range<usize>) -> Option<Range<usize>> {
    // A city and a region take a comma; the cleaned value lies inside the part.
    if !text[part.clone()].contains(", ") {
        return spaced_place(text, part);
    }
    let r = clean(text, part.clone())?;
    let s = &text[r.clone()];
    // After a dash: "Backend Engineer – Berlin, Germany".
    let from = [" - ", " – ", " — ", ": "]
        .iter()
        .filter_map(|d| s.rfind(d).map(|i| i + d.len()))
        .max()
        .unwrap_or(0);
    let s = &s[from..];
    // "Milwaukee, WI (On-site, 12-hour shifts)": the place ends before a parenthesis.
    let s = s.find(" (").map_or(s, |i| &s[..i]);
    let segments: Vec<&str> = s.split(", ").collect();
    // Back from the end: regions ("Austin, Texas, USA"), then one place-like segment.
    let regions = segments
        .iter()
        .rev()
        .take_while(|seg| header_region(seg.trim()))
        .count();
    // Regions only: a place only as a region named in full and its code or country ("Washington,
    // D.C.", "Texas, USA"), not "TX, US".
    let regions = if regions == segments.len() && regions >= 2 && segments[0].trim().len() > 3 {
        regions - 1
    } else {
        regions
    };
    // A region that is a city too, before a further region, is the city ("Kestrel Travel,
    // Valencia, Spain" → "Valencia, Spain"; "Alcobendas, Madrid" keeps its town).
    let regions =
        if regions >= 2 && CITIES.contains(&segments[segments.len() - regions].trim().to_lowercase()) {
            regions - 1
        } else {
            regions
        };
    if regions == 0 || regions == segments.len() {
        return None;
    }
    let city = segments[segments.len() - regions - 1].trim();
    if !place_like(city) {
        return None;
    }
    let kept: usize = segments[segments.len() - regions - 1..]
        .iter()
        .map(|seg| seg.len() + 2)
        .sum::<usize>()
        - 2;
    let start = r.start + from + s.len() - kept;
    trim(text, start..r.start + from + s.len())
}

/// Form 4 without a comma: a town and one of `spaced_regions`, perhaps with a postcode
/// ("Penrith NSW", "Geelong VIC 3220"), as a whole part.
fn spaced_place(text: &str, part: &Range<usize>) -> Option<Range<usize>> {
    // A town of a few words, a code and a postcode: a short part (a long line costs nothing).
    if part.len() > 60 {
        return None;
    }
    // Cleaning cuts a value only where no letter or digit is: a code in the cleaned value is
    // a word of the part (and most parts hold none).
    if !raw_words(&text[part.clone()]).any(|w| DATA.spaced_regions.iter().any(|c| c == w)) {
        return None;
    }
    let r = clean(text, part.clone())?;
    let s = &text[r.clone()];
    let mut words: Vec<&str> = s.split(' ').collect();
    if words
        .last()
        .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        words.pop();
    }
    let (code, town) = words.split_last()?;
    (!town.is_empty() && DATA.spaced_regions.iter().any(|c| c == code) && place_like(&town.join(" ")))
        .then_some(r)
}

/// The length of the city that `s` starts with, if any: the longest run of its first
/// [`MAX_CITY_WORDS`] words (ended by a space, a comma, a bracket or the end) that is a city,
/// capitalised.
fn city_prefix(s: &str) -> Option<usize> {
    // Chinese, Japanese and Korean write a city with its district and no space ("新竹市東區",
    // "深圳-南山区"): the longest city the part opens with.
    if s.starts_with(crate::phrases::spaceless) {
        return s
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([s.len()])
            .take(8)
            .filter(|&e| CITIES.contains(&s[..e]))
            .last();
    }
    if !s.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut ends = Vec::new();
    let mut stopped = false;
    let mut after_sep = false;
    for (i, c) in s.char_indices() {
        let sep = c == ' ' || c == ',' || c == '(';
        if sep && !after_sep && i > 0 {
            ends.push(i);
        }
        after_sep = sep;
        // A comma or a bracket ends the city; so does its last possible word.
        if sep && (c != ' ' || ends.len() >= MAX_CITY_WORDS) {
            stopped = true;
            break;
        }
    }
    if !stopped && !after_sep {
        ends.push(s.len());
    }
    ends.into_iter()
        .rev()
        .find(|&e| CITIES.contains(&s[..e].to_lowercase()))
}

/// Whether `s` is a region ("VIC", "España") or a code of two to four capitals ("SP", "CDMX",
/// "D.C").
fn code_or_region(s: &str) -> bool {
    let code = (2..=4).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && s.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
    code || postcode_district(s) || is_region(s)
}

/// A UK postcode's district ("LS9", "RG1", "SW1A", "M1"): one or two capitals, a digit, then at
/// most one more digit or capital.
fn postcode_district(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=2).contains(&letters)
        && b.get(letters).is_some_and(u8::is_ascii_digit)
        && b.len() <= letters + 2
        && b[letters + 1..]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
}

/// How much of what follows a city belongs to the place ("" after "Lyon" in "Lyon (69)", " VIC"
/// after "Melbourne", ", CDMX" after "Ciudad de México"): `None` when something else follows
/// ("London Stock Exchange").
fn city_tail(rest: &str) -> Option<usize> {
    if rest.is_empty() || rest.starts_with(" (") {
        return Some(0);
    }
    // What a board writes after the city to find the office, not a further place: a metro
    // station, a street or a district, behind an abbreviation or named by one of
    // `address_words` ("Москва, м. Парк культуры", "Київ, вул. Хрещатик", "Budapest, XI.
    // kerület", "Алматы, Медеуский район"), or a street number or postcode ("Berlin, 10115").
    // The Philippines' "City" after a city's name ("Taguig City", "Cebu City, Cebu").
    if let Some(after) = rest.strip_prefix(" City")
        && (after.is_empty() || after.starts_with(", ") || after.starts_with(" ("))
    {
        return city_tail(after).map(|n| n + " City".len());
    }
    if let Some(after) = rest.strip_prefix(", ")
        && (after.starts_with(|c: char| c.is_ascii_digit())
            || raw_words(after.split(", ").next().unwrap_or(after)).any(|w| {
                let lower = w.to_lowercase();
                WORDS.address_words.contains(&lower)
            })
            || after
                .split(' ')
                .next()
                .is_some_and(|w| w.len() > 1 && w.ends_with('.') && w.chars().count() <= 5)
                && !code_or_region(after.split(", ").next().unwrap_or(after).trim()))
    {
        return Some(0);
    }
    // Districts in a script without spaces ("上海 浦东新区 张江", "新竹市東區", "深圳-南山区"),
    // each of a few characters: a longer run is a name that opens with its city ("深圳市腾讯
    // 计算机系统有限公司").
    let district = rest.trim_start_matches([' ', '-', '·']);
    if district.starts_with(crate::phrases::spaceless)
        && district
            .chars()
            .all(|c| crate::phrases::spaceless(c) || c == ' ' || c == '-' || c == '·')
        && district
            .split([' ', '-', '·'])
            .all(|piece| piece.chars().count() <= MAX_DISTRICT_CHARS)
    {
        return Some(rest.len());
    }
    // A postal district's number after the city ("Dublin 15", "Lyon 03"), or a French
    // arrondissement ("Lyon 3e", "Paris 1er").
    let number = rest.strip_prefix(' ').map_or(0, |r| {
        r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len()
    });
    let ordinal = ["er", "e"]
        .into_iter()
        .find(|o| number > 0 && rest[1 + number..].starts_with(o))
        .map_or(0, str::len);
    let digits = number + ordinal;
    if rest.starts_with(' ')
        && (1..=2).contains(&number)
        && rest[1 + digits..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    {
        // The city or region again after the district ("Dublin 2, Dublin", "Dublin 15, Co.
        // Dublin", "Dublin 2, Ireland") belongs to the place.
        let after = &rest[1 + digits..];
        if !after.starts_with(", ") {
            return Some(1 + digits);
        }
        let region = after.strip_prefix(", ").is_some_and(|r| {
            let r = r.find(" (").map_or(r, |i| &r[..i]).trim_end();
            is_region(r)
                || city_prefix(r) == Some(r.len())
                || r.strip_prefix("Co. ")
                    .is_some_and(|c| city_prefix(c) == Some(c.len()))
        });
        if region {
            return Some(1 + digits + after.find(" (").unwrap_or(after.len()));
        }
    }
    let body = rest.find(" (").map_or(rest, |i| &rest[..i]);
    let mut pieces = body.split(", ");
    let first = pieces.next()?;
    let rest: Vec<&str> = pieces.collect();
    // A district after the city ("Wellington Central, Wellington", "Auckland CBD, Auckland")
    // only before a comma and a city or a region: "London Stock Exchange Group" is a name.
    let district = first.starts_with(' ')
        && place_like(first.trim())
        && rest.last().is_some_and(|last| {
            let last = last.trim();
            is_region(last) || city_prefix(last) == Some(last.len())
        });
    if !(first.is_empty() || district || (first.starts_with(' ') && code_or_region(first.trim()))) {
        return None;
    }
    for (k, piece) in rest.iter().enumerate() {
        let piece = piece.trim();
        let city = city_prefix(piece) == Some(piece.len());
        // "Santiago, Región Metropolitana", "Curitiba, Paraná, Brasil": at most two
        // place-like parts (a region, a district) after the city.
        if !(code_or_region(piece) || city || (k < 2 && place_like(piece))) {
            return None;
        }
    }
    Some(body.len())
}

/// The most characters of a district after a city in a script without spaces ("浦东新区").
const MAX_DISTRICT_CHARS: usize = 5;

/// Form 5: a known city near the top, alone or with its region ("Bengaluru", "Melbourne VIC",
/// "São Paulo - SP", "Boots UK - Leeds" → "Leeds").
fn city_place(text: &str, part: &Range<usize>) -> Option<Range<usize>> {
    let r = clean(text, part.clone())?;
    let s = &text[r.clone()];
    let mut segments = Vec::new();
    let mut from = 0;
    while let Some((i, len)) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| s[from..].find(d).map(|i| (from + i, d.len())))
        .min()
    {
        segments.push(from..i);
        from = i + len;
    }
    segments.push(from..s.len());
    for (k, seg) in segments.iter().enumerate() {
        let body = &s[seg.clone()];
        // "Fitzroy, Melbourne VIC" (Seek): a suburb before its city, when the city and the
        // state's code right after it end the segment; a city and its regions or nothing
        // after it end it without what comes before ("Kestrel Travel, Valencia, Spain" →
        // "Valencia, Spain").
        let (lead, city) = match city_prefix(body) {
            Some(city) => (0, city),
            None => {
                let Some(comma) = body.find(", ") else {
                    continue;
                };
                let Some(city) = place_like(&body[..comma])
                    .then(|| city_prefix(&body[comma + 2..]))
                    .flatten()
                else {
                    continue;
                };
                (comma + 2, city)
            }
        };
        let Some(tail) = city_tail(&body[lead + city..]) else {
            continue;
        };
        if lead > 0 && lead + city + tail < body.len() {
            continue;
        }
        // "Capital Federal, Buenos Aires", "Acme Corp, London": the city that ends the segment,
        // without what comes before it (a district, or an employer's name).
        // A region before a country is kept with it ("Maharashtra, India").
        // A city that is a region too is left to form 4 ("North Shore, Auckland",
        // "Alcobendas, Madrid" stay whole).
        let bare = lead > 0 && !body[lead + city..].starts_with(' ');
        if bare && header_region(&body[lead..lead + city]) {
            continue;
        }
        let from = if bare && !is_region(&body[..lead - 2]) {
            lead
        } else {
            0
        };
        let city = lead + city;
        let mut end = seg.start + city + tail;
        // "São Paulo - SP": the state's code as the next dash part.
        if end == seg.end
            && let Some(next) = segments.get(k + 1)
            && code_or_region(&s[next.clone()])
        {
            end = next.end;
        }
        return trim(text, r.start + seg.start + from..r.start + end);
    }
    None
}

/// Form 6, read only when no other form found a place: a bare town on its own line under the
/// title and the employer ("Sygeplejerske\nHerlev Hospital\nHerlev", "Elektriker\nElektro Huber
/// GmbH\n4020 Linz", "Transport Planner\nWincanton\nDaventry, Northamptonshire"): the third or
/// fourth line of the header (`header_lines`), one part, after a line that is no sentence; one
/// to three comma segments, each a place-like name of at most three words (the first perhaps
/// after a postcode of four or five digits), none holding a word of `not_towns` (an
/// employer's, a department's or a job's word: "Veterans Health Administration",
/// "Engineering") nor a word in capitals (a résumé's name).
fn bare_town(text: &str, lines: &[Range<usize>], i: usize) -> Option<Range<usize>> {
    let line = lines.get(i)?;
    let prev = &text[lines.get(i.checked_sub(1)?)?.clone()];
    // (An employer's line may end in a dot: "Škoda Auto a.s.", "Acme Inc.".)
    let sentence = prev.trim_end().ends_with(['!', '?', ':'])
        || prev.trim_end().ends_with('.') && prev.split_whitespace().nth(4).is_some();
    if line.len() > 60 || prev.len() > 80 || sentence || crate::sections::heading_kind_exact(prev).is_some() {
        return None;
    }
    let [part] = &parts(text, line.clone())[..] else {
        return None;
    };
    let r = clean(text, part.clone())?;
    let s = &text[r.clone()];
    // A postcode before the town ("4020 Linz", "83115 Neubeuern").
    let body = match s.split_once(' ') {
        Some((code, rest)) if (4..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) => {
            rest
        }
        _ => s,
    };
    let segments: Vec<&str> = body.split(", ").collect();
    // A code alone is no town ("CDI", a French contract, on the line under the employer).
    if !segments[0]
        .split_whitespace()
        .next()?
        .contains(char::is_lowercase)
    {
        return None;
    }
    let town = |seg: &str| {
        let words: Vec<&str> = seg.split_whitespace().collect();
        words.len() <= 3
            && place_like(seg)
            && words.iter().all(|w| {
                let lower = w.to_lowercase();
                !WORDS.not_towns.contains(&lower)
                    && (w.chars().count() <= 3 || w.chars().any(char::is_lowercase))
                    && !is_role_noun(&lower)
            })
    };
    (segments.len() <= 3 && segments.iter().all(|seg| town(seg.trim()))).then_some(r)
}

/// Prose: "Based in Toronto", "This role is based in our Leeds office".
fn cued(text: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (m, _) in CUES.find_iter(text) {
        // The sentence before the cue, read back at most `LINE_REACH` bytes: its subject is
        // near, and reading a huge sentence back to its start for every cue was quadratic.
        let near = crate::input::floor_char_boundary(text, m.start.saturating_sub(super::LINE_REACH));
        let from = sentence_at(sentences, m.start).map_or(0, |i| sentences[i].start.min(m.start));
        let from = from.max(near);
        let before = text[from..m.start].trim_end_matches(|c: char| c.is_whitespace() || MARKUP.contains(&c));
        let opens = before.chars().all(|c| !c.is_alphanumeric());
        let prev = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .replace('’', "'");
        let subject = before.split_whitespace().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'");
            WORDS.cue_subjects.contains(&w)
        });
        if !(opens || WORDS.cue_after.contains(&prev) && subject) {
            continue;
        }
        if let Some(r) = place_after(text, m.end) {
            out.push(r);
        }
    }
    out
}

/// The run of capitalised words from `at`, past skipped words ("our", "the").
fn place_after(text: &str, at: usize) -> Option<Range<usize>> {
    let mut pos = at;
    let mut start = None;
    let mut end = None;
    let mut count = 0;
    loop {
        let rest = &text[pos..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let mut word_start = pos + gap;
        // A comma continues a place only before another capitalised word ("Austin, TX").
        if end.is_some() && text[pos..].starts_with(", ") {
            word_start = pos + 2;
        } else if gap == 0 && start.is_some() {
            break;
        }
        let word_len = text[word_start..]
            .find(|c: char| !(c.is_alphanumeric() || "-'’&".contains(c)))
            .unwrap_or(text.len() - word_start);
        if word_len == 0 {
            break;
        }
        let word = &text[word_start..word_start + word_len];
        let comma = text[pos..word_start].contains(',');
        if word.starts_with(|c: char| c.is_uppercase()) {
            if WORDS.place_tails.contains(word) {
                break;
            }
            start.get_or_insert(word_start);
            end = Some(word_start + word_len);
        } else {
            // Skipped before the place ("our"), or joining its words ("upon", "or").
            let skipped = start.is_none() && WORDS.skip.contains(word);
            let joins = start.is_some() && !comma && WORDS.connectives.contains(word);
            if !(skipped || joins) {
                break;
            }
        }
        pos = word_start + word_len;
        count += 1;
        if count > 10 {
            break;
        }
    }
    Some(start?..end?)
}

/// The location statements of `text` (normalised offsets of the location strings); `posting`:
/// the text is a posting, whose header may name a bare town (a résumé's lines under its title
/// hold the person's name).
pub(crate) fn find_all(text: &str, sentences: &[Range<usize>], posting: bool) -> Vec<Range<usize>> {
    let lines: Vec<Range<usize>> = line_ranges(text).collect();
    let mut out = Vec::new();
    // The header ends at the first section heading ("Experience", "Requirements"): a city on a
    // résumé's first job line is the job's, not where one lives.
    let mut header = true;
    // The line of a known city found alone as a whole header line (see below), if any.
    let mut lone_city: Option<(usize, Range<usize>)> = None;
    for (i, line) in lines.iter().enumerate() {
        header = header
            && i < DATA.city_lines
            && crate::sections::heading_kind_exact(&text[line.clone()]).is_none();
        for part in parts(text, line.clone()) {
            let mut city = false;
            let found = labelled(text, &part, lines.get(i + 1))
                .or_else(|| marked(text, &part))
                .or_else(|| led(text, &part))
                .or_else(|| {
                    let r = header.then(|| city_place(text, &part))??;
                    city = true;
                    Some(r)
                })
                .or_else(|| (i < DATA.header_lines).then(|| header_place(text, &part))?);
            let Some(found) = found else {
                // A list of places with their regions, split at semicolons ("New York, NY; San
                // Francisco, CA; Seattle, WA", the top line of a Greenhouse page).
                if text[part.clone()].contains("; ") {
                    out.extend(semicolon_pieces(text, &part).into_iter().filter_map(|piece| {
                        marked(text, &piece)
                            .or_else(|| led(text, &piece))
                            .or_else(|| header.then(|| city_place(text, &piece))?)
                            .or_else(|| (i < DATA.header_lines).then(|| header_place(text, &piece))?)
                    }));
                }
                continue;
            };
            // A known city alone on the line under the title, right above a line that names a
            // place, is the employer's name ("Auxiliar de Almacén⏎Liverpool⏎Zapopan, Jalisco":
            // the Mexican retailer).
            if let Some((at, r)) = &lone_city
                && *at + 1 == i
                && text[found.clone()] != text[r.clone()]
            {
                out.retain(|o| o != r);
            }
            lone_city = (city && i == 1 && found == *line).then(|| (i, found.clone()));
            out.push(found);
        }
    }
    out.extend(cued(text, sentences));
    if posting && out.is_empty() {
        let header = lines
            .iter()
            .take(DATA.header_lines)
            .take_while(|l| crate::sections::heading_kind_exact(&text[(*l).clone()]).is_none())
            .count();
        out.extend((2..header).find_map(|i| bare_town(text, &lines, i)));
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    // A place named again ("Doctolib · Paris" then "CDI · Paris · Télétravail") is one place.
    let mut named: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for r in out {
        if kept.last().is_none_or(|k| k.end <= r.start) && named.insert(&text[r.clone()]) {
            kept.push(r);
        }
    }
    // A place named again with its region ("English Teacher - Osaka" then "Location: Osaka,
    // Japan") or its district ("Lagermedarbeider – Oslo" then "Sted: Alnabru, Oslo") is one
    // place, the fuller one.
    let heads: std::collections::HashSet<&str> = kept
        .iter()
        .flat_map(|k| {
            let s = &text[k.clone()];
            let head = s[..s.find([',', '(']).unwrap_or(s.len())].trim_end();
            let tail = s.rfind(", ").map(|i| s[i + 2..].trim_end());
            [(head.len() < s.len()).then_some(head), tail]
        })
        .flatten()
        .collect();
    kept.retain(|r| !heads.contains(&text[r.clone()]));
    kept
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LABELS);
    LazyLock::force(&LEADS);
    LazyLock::force(&CUES);
    LazyLock::force(&LABEL_FIRST);
    LazyLock::force(&LEAD_FIRST);
    LazyLock::force(&MARKER_FIRST);
    LazyLock::force(&REGIONS);
    LazyLock::force(&CITIES);
    LazyLock::force(&HEADER_REGIONS);
    LazyLock::force(&BULLET_FINDER);
    LazyLock::force(&WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_cut_agrees_with_a_search_for_each_separator() {
        const PIECES: [&str; 8] = [" - ", " – ", " — ", ", ", " ", "-", ",", "é"];
        let texts = crate::extract::joined_pieces(&PIECES, 4);
        for text in &texts {
            let searched = CUTS
                .iter()
                .filter_map(|sep| text.rfind(sep).map(|i| (i, sep.len())))
                .max_by_key(|(i, _)| *i);
            assert_eq!(last_cut(text), searched, "{text:?}");
        }
    }
    use crate::extract::sentences;

    fn found(text: &str) -> Vec<&str> {
        find_all(text, &sentences(text), true)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn header_regions_are_no_regions_elsewhere() {
        // A résumé's "Chef — The Grounds Eatery, Auckland" keeps its employer: the regions read
        // only on a posting's header line are not `is_region`'s, which `positions` asks.
        for r in ["Auckland", "Nairobi", "Madrid", "Western Cape"] {
            assert!(!is_region(r), "{r}");
            assert!(header_region(r), "{r}");
        }
        assert!(header_region("Texas") && !header_region("Acme"));
    }

    #[test]
    fn data_loads() {
        LazyLock::force(&LABELS);
        LazyLock::force(&LEADS);
        LazyLock::force(&CUES);
        for list in [
            &DATA.labels,
            &DATA.leads,
            &DATA.cues,
            &DATA.arrangement,
            &DATA.no_place,
        ] {
            for p in list {
                assert_eq!(*p, p.to_lowercase(), "{p:?} is not lower case");
            }
        }
        assert!(DATA.header_lines > 0);
        assert!(DATA.city_lines >= DATA.header_lines);
        for c in &DATA.cities {
            assert!(
                c.split_whitespace().count() <= MAX_CITY_WORDS,
                "{c:?} has too many words"
            );
            assert_eq!(city_prefix(c), Some(c.len()), "{c:?} is not read as a city");
        }
        assert!(DATA.regions.iter().all(|r| r.len() <= MAX_REGION));
    }

    #[test]
    fn parts_cut_at_every_separator() {
        // A char-by-char reading of the separators, to compare the scan with.
        fn reference(text: &str) -> Vec<Range<usize>> {
            let mut out = Vec::new();
            let (mut start, mut i) = (0, 0);
            while i < text.len() {
                let rest = &text[i..];
                if let Some(sep) = ["·", "|", "•", " / "].iter().find(|s| rest.starts_with(**s)) {
                    out.push(start..i);
                    i += sep.len();
                    start = i;
                } else {
                    i += rest.chars().next().map_or(1, char::len_utf8);
                }
            }
            out.push(start..text.len());
            out.into_iter().filter_map(|r| trim(text, r)).collect()
        }
        for text in [
            "Acme · Berlin, Germany · Full-time",
            "a | b / c • d",
            " / / x/ y /z | / ",
            "|·•|",
            "é / ü · 2/3 — x • • ·· ||",
            "no separator here",
            "",
        ] {
            assert_eq!(parts(text, 0..text.len()), reference(text), "{text:?}");
        }
    }

    #[test]
    fn forms() {
        assert_eq!(found("Location: Austin, TX"), ["Austin, TX"]);
        assert_eq!(found("Location:\nBerlin, Germany"), ["Berlin, Germany"]);
        assert_eq!(found("📍 Lisbon"), ["Lisbon"]);
        assert_eq!(found("Remote - US only"), ["Remote - US only"]);
        assert_eq!(found("Office: 100 Main St, Springfield"), ["Springfield"]);
        assert_eq!(found("This role is based in our Leeds office."), ["Leeds"]);
        assert_eq!(
            found("Data Engineer\nChicago, IL (Hybrid, 3 days in office)"),
            ["Chicago, IL"]
        );
        assert_eq!(found("Work location: In person"), Vec::<&str>::new());
        assert_eq!(found("Location-based services"), Vec::<&str>::new());
    }

    #[test]
    fn known_cities_on_header_lines() {
        for (text, want) in [
            (
                "Analista de Dados\nSão Paulo - SP | Híbrido",
                &["São Paulo - SP"][..],
            ),
            ("Desarrollador\nMadrid, España · Híbrido", &["Madrid, España"]),
            ("Softwareentwickler (m/w/d)\nMünchen | Vollzeit", &["München"]),
            (
                "Ingénieur DevOps H/F\nLyon (69) - CDI - Télétravail partiel",
                &["Lyon"],
            ),
            ("Pharmacy Dispenser\nBoots UK - Leeds", &["Leeds"]),
            (
                "Graduate Engineer\nAcme Pty Ltd\nMelbourne VIC",
                &["Melbourne VIC"],
            ),
            ("Contador\nBuenos Aires | Presencial", &["Buenos Aires"]),
            (
                "Data Engineer\nInfotrends\n5-8 Yrs\n18-25 Lacs P.A.\nBengaluru",
                &["Bengaluru"],
            ),
            ("SRE\nAuckland CBD, Auckland", &["Auckland CBD, Auckland"]),
            (
                "Analista\nCuritiba, Paraná, Brasil (Presencial)",
                &["Curitiba, Paraná, Brasil"],
            ),
            (
                "Policy Advisor\nWellington Central, Wellington",
                &["Wellington Central, Wellington"],
            ),
            ("Analyst\nLondon Stock Exchange Group, 2024 intake", &[]),
            (
                "Ingeniero\nSantiago, Región Metropolitana | Híbrido",
                &["Santiago, Región Metropolitana"],
            ),
            ("Analyst\nParis, Acme Data Analytics Group, 2024 intake", &[]),
            (
                "Ingeniero\nCiudad de México, CDMX | Home office",
                &["Ciudad de México, CDMX"],
            ),
            (
                "Java Developer\nAcme · Pune, Maharashtra, India (On-site)",
                &["Pune, Maharashtra, India"],
            ),
            // Other words after a city: a name, not a place.
            ("Analyst\nLondon Stock Exchange Group", &[]),
            ("Analyst\nBerlin Brandenburg Airport Co", &[]),
            // A city in the body is not a header line's, nor one under a heading.
            ("Analyst\na\nb\nc\nd\ne\nf\nBerlin", &[]),
            (
                "RAFAEL MENDES\nEXPERIENCE\nFarfetch | Backend Engineer | Porto | 2021 – Present",
                &[],
            ),
            // Lower case: a word, not the city.
            ("Analyst\nporto", &[]),
            // A UK postcode's district after the city; a state or prefecture under a town.
            ("Support Worker\nMencap - Leeds LS9", &["Leeds LS9"]),
            ("Engineer\nLeeds A1 Motors", &[]),
            (
                "Barista\nStarbucks · Petaling Jaya, Selangor",
                &["Petaling Jaya, Selangor"],
            ),
            ("Designer\nWantedly, Inc. · Shibuya, Tokyo", &["Shibuya, Tokyo"]),
            // A travelling role names no place; a place named twice is one.
            ("Driver\nOmaha, NE\nWork Location: On the road", &["Omaha, NE"]),
            (
                "Recruiter\nDoctolib · Paris\nCDI · Paris · Télétravail",
                &["Paris"],
            ),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }
}
