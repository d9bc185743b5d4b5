//! Extractors: what a posting asks (or a résumé shows) beyond technologies — the requirement level of each
//! sentence, years of experience, seniority, education. Each reads the normalised text and
//! works sentence by sentence; regexes run only on sentences a cheap prefilter picked.

pub(crate) mod alternatives;
pub(crate) mod contacts;
pub(crate) mod education;
pub(crate) mod experience;
pub(crate) mod facets;
pub(crate) mod kind;
pub(crate) mod languages;
pub(crate) mod location;
pub(crate) mod positions;
pub(crate) mod requirement;
pub(crate) mod salary;
pub(crate) mod seniority;
pub(crate) mod title;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every cue list and pattern builder a posting needs, the costliest first (instructions,
/// measured with callgrind: salary ~14 M, experience ~13 M, facets ~8 M, headings ~4 M,
/// contacts ~3 M, the rest 2 M or less each), so that threads taking them in turn finish close
/// together.
const WARM_UPS: &[fn()] = &[
    salary::warm_up,
    experience::warm_up,
    facets::warm_up,
    crate::sections::warm_up,
    contacts::warm_up,
    seniority::warm_up,
    crate::disambiguate::warm_up,
    languages::warm_up,
    requirement::warm_up,
    education::warm_up,
    location::warm_up,
    title::warm_up,
    kind::warm_up,
    alternatives::warm_up,
];

/// The builders only a résumé needs: the work-history date patterns (~26 M instructions,
/// as much as salary and experience together). A posting never waits for them;
/// see [`warm_up_late`].
const LATE_WARM_UPS: &[fn()] = &[positions::warm_up];

/// Builds every extractor's cue lists and patterns (each is otherwise built on first use), so
/// a caller can do it on another thread while the lexicon compiles.
pub(crate) fn warm_up() {
    warm_up_shared(&AtomicUsize::new(0));
    LATE_WARM_UPS.iter().for_each(|f| f());
}

/// Builds the cue lists of [`WARM_UPS`] not yet taken from `next`, one module at a time:
/// several threads calling this with the same counter share the work.
pub(crate) fn warm_up_shared(next: &AtomicUsize) {
    while let Some(f) = WARM_UPS.get(next.fetch_add(1, Ordering::Relaxed)) {
        f();
    }
}

/// Builds the résumé-only patterns ([`LATE_WARM_UPS`]) on a thread of their own that nobody
/// waits for: a process tagging one posting prints it without them, and a résumé tagged
/// meanwhile waits only for what is left of their build (each is a `LazyLock`). Without a
/// thread to spare they are built on first use.
pub(crate) fn warm_up_late() {
    let _ = std::thread::Builder::new()
        .name("jdtag-warm-up".into())
        .spawn(|| LATE_WARM_UPS.iter().for_each(|f| f()));
}

/// How far either side of a point its line is read. Résumé and posting lines are far shorter;
/// a flattened document is one huge line, and reading it whole for every item on it was
/// quadratic.
pub(crate) const LINE_REACH: usize = 512;

/// The line holding byte `at` (or the range `at..end`), without its line break, cut to
/// `LINE_REACH` bytes before `at` and after `end`. Whether it is the whole line:
/// [`is_whole_line`].
pub(crate) fn line_within(text: &str, at: usize, end: usize) -> Range<usize> {
    let from = crate::input::floor_char_boundary(text, at.saturating_sub(LINE_REACH));
    let to = crate::input::floor_char_boundary(text, (end + LINE_REACH).min(text.len()));
    let lo = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    let hi = text[end..to].find('\n').map_or(to, |i| end + i);
    lo..hi
}

/// The last `n` bytes of `s` or a little fewer (from a character boundary): how far back a
/// per-match read goes, so that a huge sentence or line is not read whole for every match.
pub(crate) fn last_bytes(s: &str, n: usize) -> &str {
    &s[crate::input::floor_char_boundary(s, s.len().saturating_sub(n))..]
}

/// Whether `s` starts with `phrase` as whole words (no letter or digit right after it).
pub(crate) fn starts_with_words(s: &str, phrase: &str) -> bool {
    s.strip_prefix(phrase)
        .is_some_and(|end| !end.starts_with(char::is_alphanumeric))
}

/// Whether `s` ends with `phrase` as whole words (no letter or digit right before it).
pub(crate) fn ends_with_words(s: &str, phrase: &str) -> bool {
    s.strip_suffix(phrase)
        .is_some_and(|head| !head.ends_with(char::is_alphanumeric))
}

/// The first `n` bytes of `s` or a little fewer (to a character boundary); see [`last_bytes`].
pub(crate) fn first_bytes(s: &str, n: usize) -> &str {
    &s[..crate::input::floor_char_boundary(s, n)]
}

/// Whether `line` starts and ends at line boundaries (not cut by [`line_within`]).
pub(crate) fn is_whole_line(text: &str, line: &Range<usize>) -> bool {
    starts_line(text, line.start) && (line.end == text.len() || text.as_bytes()[line.end] == b'\n')
}

/// Whether a line starts at byte `at`.
pub(crate) fn starts_line(text: &str, at: usize) -> bool {
    at == 0 || text.as_bytes()[at - 1] == b'\n'
}

/// A set of spans that answers "does one of them cover this range?" in logarithmic time: a
/// scan of every span for every mention was quadratic (a résumé header can hold thousands of
/// contacts, a one-line posting thousands of labels).
pub(crate) struct Covering {
    /// Spans by start.
    spans: Vec<Range<usize>>,
    /// `reach[i]`: the furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Covering {
    pub(crate) fn new(spans: impl IntoIterator<Item = Range<usize>>) -> Covering {
        let mut spans: Vec<Range<usize>> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |far, s| {
                *far = (*far).max(s.end);
                Some(*far)
            })
            .collect();
        Covering { spans, reach }
    }

    /// Whether some span starts at or before `r.start` and ends at or after `r.end`.
    pub(crate) fn covers(&self, r: Range<usize>) -> bool {
        let n = self.spans.partition_point(|s| s.start <= r.start);
        n > 0 && self.reach[n - 1] >= r.end
    }
}

/// Whether `s` holds an ASCII digit. The bytes are read in blocks without an early exit inside
/// one, which the compiler vectorises: most sentences and lines have no digit and are read
/// whole.
pub(crate) fn has_ascii_digit(s: &str) -> bool {
    s.as_bytes()
        .chunks(64)
        .any(|block| block.iter().fold(false, |seen, b| seen | b.is_ascii_digit()))
}

/// Whether `span` overlaps one of `sorted`: spans in text order that do not overlap each other.
pub(crate) fn overlaps_any(sorted: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).is_some_and(|s| s.start < span.end)
}

/// Every whole-word occurrence of `needle` in `hay` (non-overlapping, left to right), with a
/// finder built once for needles searched in every document; an empty needle is in nothing.
pub(crate) fn word_occurrences<'a>(
    hay: &'a str,
    needle: &'a memchr::memmem::Finder<'_>,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let n = needle.needle().len();
    // A valid UTF-8 needle found in valid UTF-8 starts and ends on character boundaries.
    needle.find_iter(hay.as_bytes()).filter_map(move |i| {
        if n == 0 {
            return None;
        }
        let before = hay[..i].chars().next_back();
        let after = hay[i + n..].chars().next();
        let inner = &hay[i..i + n];
        // Scripts without spaces glue nothing on either side ("高级Java开发工程师").
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !crate::phrases::spaceless(c));
        let glued = |a: Option<char>, b: Option<char>| word(a) && word(b);
        (!glued(before, inner.chars().next()) && !glued(inner.chars().next_back(), after)).then_some(i..i + n)
    })
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "sr", "jr", "dr", "mr", "mrs", "ms", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "min", "max",
    "yrs", "yr", "no", "nr", "incl", "esp", "dept", "st", "ave", "prof",
];

/// Splits text into sentences: at line breaks, at `;`, at ", but", at `.`, `!`, `?`
/// followed by a space, and at the full-width "。", "！", "；", "？". Each range is trimmed;
/// empty ones are dropped.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        // A list item's bullet and the spaces after it are no part of its sentence ("• 5+ years
        // of Go" is "5+ years of Go").
        let lead = lead + bullet_len(&piece[lead..]);
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(s + lead..e - trail);
        }
    };
    let mut i = 0;
    let mut caps_until = 0;
    while i < b.len() {
        let c = b[i];
        if !OPENS_OR_ENDS[usize::from(c)] {
            i += 1;
            continue;
        }
        let cut = match c {
            b'\n' | b';' => Some(i + 1),
            // Chinese and Japanese end sentences and clauses with full-width marks, no space
            // after them: "5年以上Java开发经验。熟悉Spring Cloud；了解Kafka".
            0xE3 | 0xEF => text[i..].starts_with(['。', '！', '；', '？']).then_some(i + 3),
            // "Java is a plus, but Python is a must": two clauses.
            b',' if text[i + 1..].starts_with(" but ") || text[i + 1..].starts_with(" whereas ") => {
                Some(i + 1)
            }
            b'.' | b'!' | b'?'
                if b.get(i + 1).is_none_or(|n| *n == b' ') || crate::words::glued_full_stop(text, i) =>
            {
                // Not after an abbreviation ("e.g.", "B.Sc.", "Sr."), nor before a lower-case word.
                let token = last_run(&text[..i], |c| !c.is_whitespace());
                let word = last_run(token, char::is_alphanumeric);
                let abbreviation = c == b'.'
                    && (token.contains('.')
                        || word.len() == 1
                        || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()));
                let next_lower = text[i + 1..].trim_start().starts_with(|c: char| c.is_lowercase());
                (!abbreviation && !next_lower).then_some(i + 1)
            }
            // "… with SQL PREFERRED QUALIFICATIONS - Experience with …": a capitalised heading
            // inside a line flattened from a page opens a sentence.
            // The heading's own words open no other ("WHAT YOU BRING", not "YOU BRING").
            b'A'..=b'Z' if i > start && i >= caps_until && b[i - 1] == b' ' => inline_caps_heading(text, i)
                .map(|end| {
                    caps_until = end;
                    i
                }),
            _ => None,
        };
        if let Some(end) = cut {
            push(start, end, &mut out);
            start = end;
        }
        i += 1;
    }
    push(start, b.len(), &mut out);
    out
}

/// The length of a bullet opening `s` with the spaces after it ("• ", "- ", "▪ "): a bullet is
/// followed by a space, so a sign before a number ("-5 °C") is none.
fn bullet_len(s: &str) -> usize {
    let Some(c) = s.chars().next().filter(|c| crate::sections::BULLETS.contains(c)) else {
        return 0;
    };
    let rest = &s[c.len_utf8()..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
    if spaces == 0 || spaces == rest.len() {
        return 0;
    }
    c.len_utf8() + spaces
}

/// The bytes that [`sentences`] looks at: the ends of sentences and clauses, and the
/// capitals that may open a heading. A table lookup passes over the rest.
static OPENS_OR_ENDS: [bool; 256] = {
    let mut t = [false; 256];
    let ends = b"\n;,.!?";
    let mut i = 0;
    while i < ends.len() {
        t[ends[i] as usize] = true;
        i += 1;
    }
    // The lead bytes of "。" (E3 80 82) and of the full-width "！", "；", "？" (EF BC ..).
    t[0xE3] = true;
    t[0xEF] = true;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = true;
        c += 1;
    }
    t
};

/// Separators of the fields of a header line ("Java Developer | 4-7 yrs | Pune", "Sydney ·
/// $140k - $160k · Full time").
pub(crate) const FIELD_SEPARATORS: &[char] = &['|', '\u{b7}', '\u{2022}', '\t'];

/// The field of a header line around a match, given the text `before` and `after` it: the
/// end of `before` from the last of `separators` and the start of `after` up to the first.
/// Each is read at most `LINE_REACH` bytes from the match (a field is far shorter, and reading
/// a huge sentence to its ends for every match in it was quadratic).
pub(crate) fn field_around<'a>(before: &'a str, after: &'a str, separators: &[char]) -> (&'a str, &'a str) {
    let before = last_bytes(before, LINE_REACH);
    let after = first_bytes(after, LINE_REACH);
    let start = before
        .rfind(separators)
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let end = after.find(separators).unwrap_or(after.len());
    (&before[start..], &after[..end])
}

/// The longest end of `s` whose characters all satisfy `keep`.
fn last_run(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let from = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| keep(c))
        .last()
        .map_or(s.len(), |(at, _)| at);
    &s[from..]
}

/// Whether a heading in capitals starts at `i` inside a line: two to six words of capital
/// letters that name a known section ("PREFERRED QUALIFICATIONS", "BASIC QUALIFICATIONS"),
/// then a dash, a colon or the end of the line. Returns where its words end.
fn inline_caps_heading(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Most capitals open a word in lower case: one comparison rules them out.
    if !b.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut end = i;
    let mut words = 0;
    while words < 6 {
        let word = b[end..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        if word < 2 {
            break;
        }
        words += 1;
        end += word;
        if b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
            end += 1;
        } else {
            break;
        }
    }
    let after = text[end..].trim_start_matches(' ');
    (words >= 2
        && (after.is_empty() || after.starts_with(['-', '–', '—', ':', '\n', '\r']))
        && crate::sections::heading_kind_exact(&text[i..end]).is_some())
    .then_some(end)
}

/// The index of the sentence holding byte `at`, if any.
pub(crate) fn sentence_at(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|r| r.end <= at);
    sentences.get(i).filter(|r| r.start <= at).map(|_| i)
}

/// Every string of up to `n` of `pieces` written one after another (repeats allowed), for
/// tests that check a one-pass scan against a plain search.
#[cfg(test)]
pub(crate) fn joined_pieces(pieces: &[&str], n: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..n {
        last = last
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_glued_at_a_full_stop_are_split() {
        let split =
            |t: &'static str| -> Vec<&'static str> { sentences(t).into_iter().map(|r| &t[r]).collect() };
        let cases: &[(&str, &[&str])] = &[
            (
                "practical experience.3 years of experience with Go.",
                &["practical experience.", "3 years of experience with Go."],
            ),
            (
                "Experience with Go).Knowledge of SQL.",
                &["Experience with Go).", "Knowledge of SQL."],
            ),
            (
                "Node.js and Vue.Js and ASP.NET apps.",
                &["Node.js and Vue.Js and ASP.NET apps."],
            ),
            (
                "Version 2.5 ships.Then 3.10 years later",
                &["Version 2.5 ships.", "Then 3.10 years later"],
            ),
            ("See e.g.Python docs.", &["See e.g.Python docs."]),
            ("Use v1.3 today.", &["Use v1.3 today."]),
            ("A Sr.Engineer role.", &["A Sr.Engineer role."]),
            (
                "5年以上Java开发经验。熟悉Spring Cloud；了解Kafka！",
                &["5年以上Java开发经验。", "熟悉Spring Cloud；", "了解Kafka！"],
            ),
            (
                "熟悉Java、Python，有3年以上经验",
                &["熟悉Java、Python，有3年以上经验"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn capitalised_headings_inside_a_line_open_sentences() {
        let split =
            |t: &'static str| -> Vec<&'static str> { sentences(t).into_iter().map(|r| &t[r]).collect() };
        assert_eq!(
            split("BASIC QUALIFICATIONS - Java PREFERRED QUALIFICATIONS - Go"),
            ["BASIC QUALIFICATIONS - Java", "PREFERRED QUALIFICATIONS - Go"]
        );
        assert_eq!(
            split("Python NICE TO HAVE: Rust"),
            ["Python", "NICE TO HAVE: Rust"]
        );
        // Capitals that are no heading, or a heading not followed by a dash or colon.
        assert_eq!(
            split("We use AWS EC2 AND S3 daily"),
            ["We use AWS EC2 AND S3 daily"]
        );
        assert_eq!(
            split("Deep REQUIREMENTS ANALYSIS skills"),
            ["Deep REQUIREMENTS ANALYSIS skills"]
        );
        assert_eq!(
            split("Know Python PREFERRED QUALIFICATIONS matter"),
            ["Know Python PREFERRED QUALIFICATIONS matter"]
        );
        assert_eq!(split("Java WHAT YOU BRING"), ["Java", "WHAT YOU BRING"]);
    }

    #[test]
    fn splits_lines_and_sentences_not_abbreviations() {
        let t = "Python required. Go is a plus; Rust too\n- e.g. Java\nDone";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "Python required.",
                "Go is a plus;",
                "Rust too",
                "e.g. Java",
                "Done"
            ]
        );
    }

    #[test]
    fn a_list_items_bullet_is_no_part_of_its_sentence() {
        // (text, its sentences): a bullet and the spaces after it are left out; a sign glued
        // to a number, a bullet alone and a dash inside a line are kept.
        let rows: &[(&str, &[&str])] = &[
            ("• 5+ years of Go", &["5+ years of Go"]),
            ("  ▪  Python required\n- SQL", &["Python required", "SQL"]),
            ("* M.S. Computer Science, 2019", &["M.S. Computer Science, 2019"]),
            ("-5 °C outside", &["-5 °C outside"]),
            ("•", &["•"]),
            ("Go – a plus", &["Go – a plus"]),
        ];
        for (t, want) in rows {
            let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
            assert_eq!(&got, want, "{t:?}");
        }
    }
}

#[cfg(test)]
mod span_tests {
    use super::{Covering, overlaps_any, word_occurrences};

    #[test]
    fn ascii_digits_anywhere() {
        let long = "x".repeat(200);
        assert!(!super::has_ascii_digit(""));
        assert!(!super::has_ascii_digit(&long));
        assert!(!super::has_ascii_digit("٣ ① no digits"));
        assert!(super::has_ascii_digit(&format!("{long}7{long}")));
        assert!(super::has_ascii_digit("9"));
    }

    #[test]
    fn word_occurrences_are_whole_words() {
        let find = |hay: &str, needle: &str| -> Vec<std::ops::Range<usize>> {
            word_occurrences(hay, &memchr::memmem::Finder::new(needle.as_bytes())).collect()
        };
        assert_eq!(find("lead, tech lead; leader", "lead"), [0..4, 11..15]);
        assert_eq!(find("über lead", "lead").first(), Some(&(6..10)));
        assert!(find("mislead", "lead").is_empty());
        assert!(find("é lead", "").is_empty());
        // Letters of scripts without spaces glue to nothing; others still glue to a needle's
        // letter.
        assert_eq!(find("高级Java开发工程师", "高级").first(), Some(&(0..6)));
        assert_eq!(find("Java高级", "高级").first(), Some(&(4..10)));
        assert!(find("xlead", "lead").is_empty());
        assert_eq!(find("lead高级x", "高级").len(), 1);
    }

    #[test]
    fn covering_answers_like_a_scan_of_every_span() {
        let spans = [5..9, 0..3, 20..40, 22..25, 30..31, 50..50];
        let cover = Covering::new(spans.iter().cloned());
        for start in 0..60 {
            for end in start..62 {
                let want = spans.iter().any(|s| s.start <= start && end <= s.end);
                assert_eq!(cover.covers(start..end), want, "{start}..{end}");
            }
        }
        assert!(!Covering::new(std::iter::empty()).covers(0..0));
    }

    #[test]
    fn overlaps_any_answers_like_a_scan() {
        let sorted = [0..3, 5..9, 9..12, 20..40];
        for start in 0..45 {
            for end in start + 1..46 {
                let want = sorted.iter().any(|s| s.start < end && start < s.end);
                assert_eq!(overlaps_any(&sorted, &(start..end)), want, "{start}..{end}");
            }
        }
    }
}
