//! Sections: headings classified into kinds (requirements, preferred, benefits, …) from the
//! phrasings in `lexicons/sections/headings.toml`.

use crate::fasthash::FastMap;
use crate::input::Heading;
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::cell::RefCell;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kind: Vec<KindPhrases>,
    resume_kind: Vec<KindPhrases>,
    preferred_leads: Vec<String>,
    stack: Vec<String>,
    open_endings: Vec<String>,
    obligations: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindPhrases {
    kind: String,
    phrases: Vec<String>,
}

/// `(normalised phrase, kind)`, longest phrase first.
type Phrases = Vec<(String, &'static str)>;

/// The posting phrases, the résumé phrases, the preferred lead words, the stack headings, the
/// open endings and the obligations.
type Lists = (
    Phrases,
    Phrases,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
);

static PHRASES: LazyLock<Lists> = LazyLock::new(|| {
    let file: File = cue_file!("sections/headings").expect("headings.toml is checked by the test suite");
    let list = |kinds: Vec<KindPhrases>| {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for k in kinds {
            let kind: &'static str = Box::leak(k.kind.into_boxed_str());
            out.extend(k.phrases.iter().map(|p| (normalise(p), kind)));
        }
        out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        out
    };
    let leads = file.preferred_leads.iter().map(|l| normalise(l)).collect();
    let mut stack: Vec<String> = file.stack.iter().map(|l| normalise(l)).collect();
    stack.sort_unstable();
    (
        list(file.kind),
        list(file.resume_kind),
        leads,
        stack,
        file.open_endings,
        file.obligations.iter().map(|o| normalise(o)).collect(),
    )
});

/// Lower case, with every run of non-alphanumeric characters (apostrophes dropped) as one space.
fn normalise(s: &str) -> String {
    // A heading in spaced letters, as PDF copies write it ("E D U C A T I O N", "W O R K
    // E X P E R I E N C E"), reads as its words.
    match unspaced(s) {
        Some(joined) => normalise_plain(&joined),
        None => normalise_plain(s),
    }
}

/// [`crate::extract::positions::unspaced`] of a line that opens with a letter: a heading does
/// (a list item's "- " never is one).
fn unspaced(line: &str) -> Option<String> {
    if !line.trim_start().starts_with(char::is_alphabetic) {
        return None;
    }
    crate::extract::positions::unspaced(line)
}

/// [`normalise`] of a line as written.
fn normalise_plain(s: &str) -> String {
    normalise_within(s, usize::MAX).unwrap_or_default()
}

/// [`normalise_plain`] of `s` when it is at most `limit` bytes long, else `None` (found without
/// reading past the limit: a long line costs no more than a short one).
fn normalise_within(s: &str, limit: usize) -> Option<String> {
    // The output grows by at most one byte per step, and only a trailing space leaves it at
    // the end: past one byte more than the limit, the result is too long.
    let over = limit.saturating_add(1);
    let mut out = String::with_capacity(s.len().min(over.saturating_add(4)));
    if s.is_ascii() {
        // Bytes are characters: the same steps as below, without decoding.
        for &b in s.as_bytes() {
            if b == b'\'' {
                continue;
            }
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if out.len() > over {
                return None;
            }
        }
    } else {
        for c in s.chars().filter(|&c| c != '\'' && c != '’') {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !c.is_ascii() && c.is_alphanumeric() {
                push_lower(c, &mut out);
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if out.len() > over {
                return None;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    (out.len() <= limit).then_some(out)
}

/// Pushes the lower case of a letter beyond ASCII. Turkish "İ" and "ı" read as "i" ("İŞ
/// DENEYİMİ", "YABANCI DİLLER" are "iş deneyimi", "yabanci diller", as is the data's
/// "yabancı diller"): Unicode lower-cases "İ" to "i" and a combining dot, and an ASCII "I"
/// in capitals stands for either.
fn push_lower(c: char, out: &mut String) {
    match c {
        'İ' | 'ı' => out.push('i'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The kind of section a heading announces, or `other`.
///
/// ```
/// assert_eq!(jdtag::section_kind("Preferred Qualifications"), "preferred");
/// assert_eq!(jdtag::section_kind("What You'll Bring"), "requirements");
/// assert_eq!(jdtag::section_kind("Our Amazing Office Dog"), "other");
/// ```
pub fn section_kind(heading: &str) -> &'static str {
    // Headings repeat from posting to posting ("Requirements", "About us"): each thread keeps
    // the kinds of the short ones it has read, a bounded number of them.
    const CACHED_LEN: usize = 96;
    const CACHED: usize = 4096;
    thread_local! {
        static SEEN: RefCell<FastMap<Box<str>, &'static str>> = RefCell::new(FastMap::default());
    }
    if heading.len() > CACHED_LEN {
        return kind_of(heading);
    }
    if let Some(kind) = SEEN.with(|seen| seen.borrow().get(heading).copied()) {
        return kind;
    }
    let kind = kind_of(heading);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= CACHED {
            seen.clear();
        }
        seen.insert(heading.into(), kind);
    });
    kind
}

/// [`section_kind`], read afresh.
fn kind_of(heading: &str) -> &'static str {
    let h = normalise(heading);
    // The longest phrase wins ("preferred qualifications" over "qualifications").
    let found = longest_match(&KIND_SET, &PHRASES.0, &h);
    let kind = found.map_or("other", |(_, k)| k);
    // What a heading asks for, led or closed by a preferred word, is preferred ("Desired Skills
    // and Abilities", "Technical Skills (Preferred)"), unless a phrase of its kind is the whole
    // heading (Naukri's "Desired Candidate Profile" is what it asks for).
    let whole = found.is_some_and(|(len, _)| len == h.len());
    if matches!(kind, "requirements" | "education" | "languages") && !whole && has_preferred_edge(&h) {
        return "preferred";
    }
    kind
}

/// Whether a normalised heading opens or ends with a preferred word ("Desired Skills",
/// "Technical Skills (Preferred)"; `preferred_leads` in headings.toml).
fn has_preferred_edge(h: &str) -> bool {
    PHRASES.2.iter().any(|l| {
        h.strip_prefix(l.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            || h.strip_suffix(l.as_str()).is_some_and(|rest| rest.ends_with(' '))
    })
}

/// The kind of section a heading announces in a résumé: the longest phrase of the résumé kinds
/// and the posting kinds, the résumé kind on a tie.
///
/// ```
/// assert_eq!(jdtag::resume_section_kind("Technical Skills"), "skills");
/// assert_eq!(jdtag::section_kind("Technical Skills"), "requirements");
/// assert_eq!(jdtag::resume_section_kind("Work Experience"), "experience");
/// assert_eq!(jdtag::resume_section_kind("Education and Experience"), "education");
/// ```
pub fn resume_section_kind(heading: &str) -> &'static str {
    let h = normalise(heading);
    let resume = longest_match(&RESUME_SET, &PHRASES.1, &h);
    let posting = longest_match(&KIND_SET, &PHRASES.0, &h);
    match (resume, posting) {
        (Some((r, k)), Some((p, _))) if r >= p => k,
        (_, Some((_, k))) | (Some((_, k)), None) => k,
        (None, None) => "other",
    }
}

/// The longest phrase of `set` in `h`: its length and kind.
fn longest_match(
    set: &PhraseSet,
    phrases: &[(String, &'static str)],
    h: &str,
) -> Option<(usize, &'static str)> {
    set.find_iter(h)
        .max_by_key(|(r, _)| r.len())
        .map(|(r, i)| (r.len(), phrases[i as usize].1))
}

/// The phrases as one set (payload: index in `PHRASES`). Overlapping phrases: each heading is
/// scanned once per start position, so "nice to have" and "have" cannot hide each other.
static KIND_SET: LazyLock<PhraseSet> = LazyLock::new(|| phrase_set(&PHRASES.0));

/// The résumé phrases as one set.
static RESUME_SET: LazyLock<PhraseSet> = LazyLock::new(|| phrase_set(&PHRASES.1));

fn phrase_set(phrases: &[(String, &'static str)]) -> PhraseSet {
    PhraseSet::new(
        phrases
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (p.as_str(), i as u32)),
    )
}

/// The kind of a line that is nothing but a heading phrase ("Requirements", "What you'll do:",
/// "NICE TO HAVE"), or `None`.
pub(crate) fn heading_kind_exact(line: &str) -> Option<&'static str> {
    let joined = unspaced(line);
    let key = normalise_within(joined.as_deref().unwrap_or(line), EXACT.1)?;
    EXACT.0.get(key.as_str()).copied()
}

/// Whether a section kind is what the employer offers or says of itself (benefits, the company,
/// equal opportunity, how to apply): a label under it ("Bonus: 10% of base salary") asks nothing.
pub(crate) fn is_offered(kind: &str) -> bool {
    matches!(
        kind,
        "benefits" | "about-company" | "equal-opportunity" | "how-to-apply"
    )
}

/// Whether a heading or label names the team's technologies rather than asks for them ("Tech
/// Stack", "Our stack"; `stack` in headings.toml).
pub(crate) fn is_stack_heading(heading: &str) -> bool {
    let h = normalise(heading);
    PHRASES.3.binary_search(&h).is_ok()
}

/// The asking kind (`requirements` or `preferred`) of a label written inline, that covers
/// the rest of the line holding byte `at`: "Preferred qualifications: Experience with Kubernetes.
/// Experience with BigQuery." Of several labels in one paragraph ("Minimum qualifications: …
/// Preferred qualifications: …"), the nearest before `at` counts; a label opens the line or
/// follows the end of a sentence (see [`asking_label_kind`]).
pub(crate) fn line_label_kind(text: &str, at: usize) -> Option<&'static str> {
    let line = crate::extract::line_within(text, at, at);
    if !crate::extract::starts_line(text, line.start) {
        return None;
    }
    let head = &text[line.start..at];
    head.match_indices(':').rev().find_map(|(colon, _)| {
        let opening = head[..colon].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
        asking_label_kind(&head[opening..colon])
    })
}

/// The asking kind (`requirements`, `preferred` or `education`) of the text before a label's
/// colon: a heading phrase of up to six words, perhaps after a bullet ("Essential criteria", "•
/// Nice to have", a header's "Degree: Bachelor's" or "Éducation : Bac +5", where a posting
/// states the degree it asks); `stack` for a label of the team's technologies ("Our stack"), which asks only when
/// nothing else in the posting does (see [`is_stack_heading`]).
pub(crate) fn asking_label_kind(label: &str) -> Option<&'static str> {
    let label = label.trim_start().trim_start_matches(BULLETS).trim();
    if label.is_empty() || label.len() > 60 || crate::words::spaced_count(label, 7) > 6 {
        return None;
    }
    if is_stack_heading(label) {
        return Some("stack");
    }
    heading_kind_exact(label)
        .map(|_| section_kind(label))
        .filter(|k| matches!(*k, "requirements" | "preferred" | "education"))
}

/// Every heading phrase of postings and résumés, to find headings glued into flattened text.
static GLUED_SET: LazyLock<PhraseSet> =
    LazyLock::new(|| phrase_set(&[PHRASES.0.clone(), PHRASES.1.clone()].concat()));

/// Where line breaks go around the headings of a text whose lines were run together ("…Go and
/// PostgreSQLRequirements:5+ years of Go…", "About the jobSenior Backend Engineer"): a heading
/// phrase written with a capital, glued to the word before it (or after a sentence's end) and
/// followed by a colon or glued to a capitalised word after it. The offsets are where to break:
/// before the heading when it is glued, and after it (after its colon) when text follows.
pub(crate) fn glued_heading_breaks(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut breaks = Vec::new();
    for r in GLUED_SET.find_iter_anywhere(text) {
        if !b[r.start].is_ascii_uppercase() {
            continue;
        }
        let before = text[..r.start].chars().next_back();
        let glued_before = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ')' | '!' | '?'));
        let after_sentence = text[..r.start]
            .strip_suffix(' ')
            .is_some_and(|t| t.ends_with(['.', '!', '?']));
        let colon = b.get(r.end) == Some(&b':');
        let glued_after =
            b[r.end - 1].is_ascii_lowercase() && b.get(r.end).is_some_and(u8::is_ascii_uppercase);
        let opens = before.is_none() || before == Some('\n');
        if !(colon || glued_after) || !(glued_before || opens || after_sentence && colon) {
            continue;
        }
        if glued_before || after_sentence {
            breaks.push(r.start);
        }
        let end = if colon { r.end + 1 } else { r.end };
        if text[end..].starts_with(|c: char| !c.is_whitespace()) {
            breaks.push(end);
        }
    }
    breaks.sort_unstable();
    breaks.dedup();
    breaks
}

/// Each heading phrase and its kind (the first listing wins), for exact look-ups, and the
/// longest phrase's length in bytes.
static EXACT: LazyLock<(FastMap<&'static str, &'static str>, usize)> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for (p, k) in PHRASES.0.iter().chain(&PHRASES.1) {
        map.entry(p.as_str()).or_insert(*k);
    }
    let longest = map.keys().map(|p| p.len()).max().unwrap_or(0);
    (map, longest)
});

/// Whether a line of plain text reads as a heading: a known heading phrase on its own, a short
/// line ending in a colon (up to eight words when it holds a heading phrase and a list item
/// follows), a short line in capitals, or a short Title Case line holding a heading phrase
/// right before a bullet.
pub(crate) fn is_text_heading(line: &str, next_line: Option<&str>) -> bool {
    let line = unframed(undressed(line.trim()));
    // Spaced letters count as the words they spell ("P R O F E S S I O N A L   S U M M A R Y").
    let joined = unspaced(line);
    let line = joined.as_deref().unwrap_or(line);
    if line.len() > 80 || is_bullet(line) {
        return false;
    }
    // Counting stops at eleven: a longer line is no heading.
    let words = crate::words::spaced_count(line, 11);
    // A colon line that introduces a list may run to ten words ("To be successful in this role
    // you will have:"); any other heading to eight.
    let colon_list = line.ends_with(':') && next_line.is_some_and(is_bullet);
    if words == 0 || words > if colon_list { 10 } else { 8 } {
        return false;
    }
    if heading_kind_exact(line).is_some() {
        return true;
    }
    let body = line.trim_end_matches(':');
    // A sentence's end inside ("…quality of service (QoS). It provides these benefits:") or a
    // lower-case start on a longer line: the tail of a paragraph that introduces a list.
    let tail = body.contains(". ") || words > 6 && line.starts_with(|c: char| c.is_lowercase());
    if line.ends_with(':')
        && !body.contains(':')
        && !tail
        && (words <= 6 || section_kind(body) != "other" && colon_list && !obliges(body))
    {
        // Longer colon lines ("It would be great if you have:") when they name a known kind
        // and a list follows.
        return true;
    }
    if words > 8 {
        return false;
    }
    if line.ends_with(['.', ',', ';', '!', '?']) {
        return false;
    }
    let mut letters = line.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() >= 4
        && letters.all(char::is_uppercase)
        && (words >= 2 || section_kind(line) != "other")
    {
        return true;
    }
    // Title Case outside brackets: "Requirements (must have)".
    let mut in_brackets = false;
    let title_case = line.split_whitespace().all(|w| {
        let bracketed = in_brackets || w.starts_with('(');
        in_brackets = bracketed && !w.ends_with(')');
        bracketed
            || w.len() <= 3
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    // A table row ("Python for test scripts⇥Preferred⇥1+ years") is no heading.
    if line.contains('\t') {
        return false;
    }
    // A sentence-case line that opens a preferred list and breaks off where the list begins
    // ("Bonus points if you have", "Ideally you'd bring", "You will stand out with"), with a
    // line after it: the list of bare lines it introduces, as flattened postings write it.
    if next_line.is_some_and(|n| !n.trim().is_empty()) && ends_open(line) && section_kind(line) == "preferred"
    {
        return true;
    }
    if !next_line.is_some_and(is_bullet) {
        return false;
    }
    // A short line naming a kind, right before a list: in Title Case (up to six words), any
    // kind; in sentence case (up to eight), a preferred one ("Bonus points if you have", "It
    // would be great if you also had") — a missed preferred heading turns its list into
    // requirements, while a sentence-case line such as "Our tech stack includes" is better
    // left as text.
    // A question in sentence case ("What you should have", "Who are you?") reads as a heading
    // too.
    match section_kind(line) {
        "other" => false,
        "preferred" => true,
        // A sentence-case line that breaks off where its list begins ("You might be a fit if
        // you have", "In this role you will work with") heads it, as a preferred one does.
        _ => (title_case || is_question(line)) && words <= 6 || ends_open(line) && !obliges(line),
    }
}

/// Whether a line ends in a word that leaves its clause open (`open_endings` in headings.toml:
/// "… if you have", "… you'd bring", "… stand out with"); not an item with its cue ("Jenkins
/// nice to have", "GraphQL (nice to have)"): "to have" and a closing bracket end it.
fn ends_open(line: &str) -> bool {
    if line.trim_end_matches(':').trim_end().ends_with(')') {
        return false;
    }
    let norm = normalise(line);
    let mut words = norm.rsplit(' ');
    let last = words.next().unwrap_or("");
    words.next() != Some("to") && PHRASES.4.iter().any(|w| w == last)
}

/// Whether a line says what one must do rather than what one has: an obligation of
/// `obligations` in headings.toml ("have to", "need to") before a word that is not an open
/// ending ("You will have to be creative and meet many challenges:", but not "You will need to
/// have the following:").
fn obliges(line: &str) -> bool {
    let norm = normalise(line);
    PHRASES.5.iter().any(|o| {
        norm.match_indices(o.as_str()).any(|(i, _)| {
            let before_ok = i == 0 || norm.as_bytes()[i - 1] == b' ';
            let rest = &norm[i + o.len()..];
            let next = rest.strip_prefix(' ').and_then(|r| r.split(' ').next());
            before_ok && next.is_some_and(|w| !PHRASES.4.iter().any(|e| e == w))
        })
    })
}

/// Whether a line opens with a question word ("What we need from you", "Who you are").
fn is_question(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| {
            ["what", "who", "how", "why"]
                .iter()
                .any(|q| w.eq_ignore_ascii_case(q))
        })
}

/// Characters that plain text draws around a heading ("-- Requirements --", "== Skills ==",
/// "**Benefits**").
const FRAME: [char; 6] = ['-', '=', '*', '#', '~', '_'];

/// `line` without the pictographs that dress it ("💻 What you will need", "✨ Nice to have").
fn undressed(line: &str) -> &str {
    line.trim_start_matches(|c: char| crate::input::is_pictograph(c) || c == '\u{fe0f}')
        .trim_start()
}

/// A line without the frame of at least two decoration characters on each side that plain
/// text draws around a heading; the line itself when it has none (a single "-" opens a list
/// item, not a heading).
fn unframed(line: &str) -> &str {
    let lead = line.chars().take_while(|c| FRAME.contains(c)).count();
    let trail = line.chars().rev().take_while(|c| FRAME.contains(c)).count();
    let inner = line.trim_matches(|c: char| FRAME.contains(&c) || c == ' ');
    if lead >= 2 && trail >= 2 && !inner.is_empty() {
        inner
    } else {
        line
    }
}

/// The headings of plain text, line by line (see [`is_text_heading`]), in normalised offsets.
/// Lines already known as headings (`known`, by start) are skipped.
pub(crate) fn text_headings(text: &str, known: &[Heading]) -> Vec<Heading> {
    let lines: Vec<std::ops::Range<usize>> = crate::extract::title::line_ranges(text).collect();
    let mut known: Vec<usize> = known.iter().map(|h| h.start).collect();
    known.sort_unstable();
    let mut out = Vec::new();
    for (i, r) in lines.iter().enumerate() {
        let line = &text[r.clone()];
        if known.binary_search(&r.start).is_ok() {
            continue;
        }
        let next = lines.get(i + 1).map(|n| &text[n.clone()]);
        if is_text_heading(line, next) {
            out.push(Heading {
                text: unframed(line.trim()).trim_end_matches(':').trim().to_string(),
                start: r.start,
            });
        }
    }
    out
}

/// Whether a line is a list item: a bullet character ("•", "-", "*", "·" …), or a number or
/// letter with a dot or parenthesis ("1.", "2)", "a)", "(b)").
pub(crate) fn is_bullet(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(BULLETS) {
        return true;
    }
    let rest = line.strip_prefix('(').unwrap_or(line);
    let marker_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker_len = if marker_len == 0 && rest.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) {
        1
    } else {
        marker_len
    };
    (1..=2).contains(&marker_len)
        && rest[marker_len..].starts_with(['.', ')'])
        && rest[marker_len + 1..].starts_with(' ')
}

/// Characters that start a bullet line.
pub(crate) const BULLETS: &[char] = &[
    '•', '-', '*', '·', '–', '—', '▪', '◦', '●', '‣', '○', '■', '□', '➢', '✓', '✔',
];

/// Builds the cue lists of this module now (see `extract::warm_up`).
pub(crate) fn warm_up() {
    LazyLock::force(&PHRASES);
    LazyLock::force(&EXACT);
    LazyLock::force(&KIND_SET);
    LazyLock::force(&RESUME_SET);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`normalise_plain`] computes, one character at a time.
    fn normalised_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars().filter(|&c| c != '\'' && c != '’') {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if c == 'İ' || c == 'ı' {
                out.push('i');
            } else if !c.is_ascii() && c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    proptest! {
        #[test]
        fn a_bounded_normal_form_is_the_normal_form_when_it_fits(
            s in "([a-zA-Z0-9 .,:'&/-]|’|İ|ı|É|ß|日|\u{a0}){0,24}",
            limit in 0usize..30,
        ) {
            let full = normalised_by_chars(&s);
            prop_assert_eq!(normalise_plain(&s), full.clone());
            let fits = full.len() <= limit;
            prop_assert_eq!(normalise_within(&s, limit), fits.then_some(full));
        }
    }

    #[test]
    fn an_exact_heading_is_found_in_any_case_and_spacing_and_a_long_line_is_none() {
        assert_eq!(heading_kind_exact("REQUIREMENTS"), Some("requirements"));
        assert_eq!(heading_kind_exact("  Nice to have:  "), Some("preferred"));
        assert_eq!(
            heading_kind_exact("R E Q U I R E M E N T S"),
            Some("requirements")
        );
        assert_eq!(heading_kind_exact(&"Requirements ".repeat(20)), None);
        assert_eq!(heading_kind_exact("Requirements and a few other words"), None);
    }

    #[test]
    fn a_cached_kind_is_the_kind_read_afresh() {
        let long = "Requirements ".repeat(10);
        let headings = [
            "Requirements",
            "Preferred Qualifications",
            "What You'll Bring",
            "Nice to have",
            "Our Amazing Office Dog",
            "",
            long.as_str(),
        ];
        // Twice, so the second round reads the cache; then past its bound, so it is cleared.
        for round in 0..2 {
            for h in headings {
                assert_eq!(section_kind(h), kind_of(h), "{h:?} round {round}");
            }
        }
        for i in 0..5000 {
            let h = format!("Benefits {i}");
            assert_eq!(section_kind(&h), kind_of(&h), "{h:?}");
        }
        for h in headings {
            assert_eq!(section_kind(h), kind_of(h), "{h:?} after clearing");
        }
    }

    #[test]
    fn plain_text_headings() {
        let yes = [
            ("Requirements", None),
            ("What you'll do:", None),
            ("NICE TO HAVE", None),
            ("Benefits & Perks:", None),
            ("Required Skills and Experience", Some("• Java")),
            ("Core Skills", Some("1. Java")),
            ("Bonus Points", Some("a) Kafka")),
            ("Bonus points if you have", Some("- Kafka")),
            ("It would be great if you also had", Some("• Go")),
            ("Things that would be nice", Some("* Rust")),
            ("Requirements (must have)", Some("- Kafka")),
            ("To be successful in this role you will have:", Some("- Go")),
            ("What you should have", Some("- Go")),
            ("What we need from you", Some("- Go")),
            ("Who we're looking for", Some("• Go")),
            ("-- Requirements --", None),
            ("== Nice to have ==", Some("Kafka")),
            ("**Benefits:**", None),
            ("### Responsibilities ###", None),
            ("💻 What you will need", Some("- Go")),
            ("✨ Nice to have", Some("• Kafka")),
            ("✔\u{fe0f} Requirements:", None),
            // A preferred line that breaks off where its list of bare lines begins.
            ("Bonus points if you have", Some("Kafka")),
            ("Ideally you'd bring", Some("Envoy")),
            ("You will stand out with", Some("Rust")),
            // An obligation followed by an open ending still heads a list.
            ("You will need to have the following skills:", Some("- Go")),
            // A sentence-case line of an asking kind that breaks off where its list begins; a
            // heading phrase of another language written in sentence case.
            ("You might be a fit if you have", Some("- Go")),
            ("Requisitos e qualificações", Some("- Ensino superior completo")),
            // Spaced letters, as PDF copies write headings.
            ("R E Q U I R E M E N T S", None),
            ("N I C E   T O   H A V E", Some("- Kafka")),
        ];
        for (l, next) in yes {
            assert!(is_text_heading(l, next), "{l:?}");
        }
        let no = [
            ("Experience with AWS", Some("• Java")),
            ("Docker experience is a bonus", Some("Redis")),
            ("Bonus points if you have", None),
            ("Bonus points if you have", Some("")),
            ("Jenkins nice to have", Some("Redis")),
            ("GraphQL (nice to have)", Some("Docker (nice to have)")),
            ("- Requirements", None),
            ("- Requirements -", None),
            ("-- Experience with AWS and Python in production systems --", None),
            ("----", None),
            ("** Python **", None),
            ("1. Requirements", None),
            ("a) Requirements", None),
            (
                "We are hiring a senior engineer to join our team and build things.",
                None,
            ),
            ("Location: Leeds, UK", None),
            ("Python", None),
            ("Bonus points if you have", None),
            ("Our tech stack includes", Some("- Kafka")),
            ("You will have to work with", Some("- Kafka")),
            ("You might be a fit if you have", None),
            ("Python for test scripts\tPreferred\t1+ years", Some("- Kafka")),
            ("Git And Jenkins\tPreferred", Some("- Kafka")),
            ("Required skills and experience", Some("- Kafka")),
            ("To be successful in this role you will have:", None),
            ("Last year we shipped a lot of things such as:", Some("- Go")),
            // What one must do introduces duties, not requirements.
            (
                "You will have to be creative and meet many challenges:",
                Some("- Go"),
            ),
            ("Whatever you need to build great skills", Some("- Go")),
            ("Our team needs your skills", Some("- Go")),
            ("🚀 We ship every day and love it.", None),
            ("👉 Python", None),
            (
                "service (QoS). The product provides these benefits:",
                Some("• Speed"),
            ),
            ("and, to be successful in this role, you will have:", Some("- Go")),
            // Spaced letters that spell no heading, or words of one letter.
            ("P Y T H O N", None),
            ("A B Testing", None),
        ];
        for (l, next) in no {
            assert!(!is_text_heading(l, next), "{l:?}");
        }
    }
}
