//! Extractors: what a posting asks (or a résumé shows) beyond technologies — the requirement level of each
//! sentence, years of experience, seniority, education. Each reads the normalised text and
//! works sentence by sentence; regexes run only on sentences a cheap prefilter picked.

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

/// Every cue list and pattern builder, the costliest first (facets ~7 ms, salary ~3.5 ms,
/// work history ~2.4 ms, headings ~1.6 ms, experience ~1.4 ms, the rest under 1 ms each), so
/// that threads taking them in turn finish close together.
const WARM_UPS: &[fn()] = &[
    facets::warm_up,
    salary::warm_up,
    positions::warm_up,
    crate::sections::warm_up,
    experience::warm_up,
    contacts::warm_up,
    languages::warm_up,
    seniority::warm_up,
    education::warm_up,
    requirement::warm_up,
    location::warm_up,
    title::warm_up,
    kind::warm_up,
    crate::disambiguate::warm_up,
];

/// Builds every extractor's cue lists and patterns (each is otherwise built on first use), so
/// a caller can do it on another thread while the lexicon compiles.
pub(crate) fn warm_up() {
    warm_up_shared(&AtomicUsize::new(0));
}

/// Builds the cue lists not yet taken from `next`, one module at a time: several threads
/// calling this with the same counter share the work.
pub(crate) fn warm_up_shared(next: &AtomicUsize) {
    while let Some(f) = WARM_UPS.get(next.fetch_add(1, Ordering::Relaxed)) {
        f();
    }
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "sr", "jr", "dr", "mr", "mrs", "ms", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "min", "max",
    "yrs", "yr", "no", "nr", "incl", "esp", "dept", "st", "ave", "prof",
];

/// Splits text into sentences: at line breaks, at `;`, at ", but", and at `.`, `!`, `?`
/// followed by a space. Each range is trimmed; empty ones are dropped.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(s + lead..e - trail);
        }
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let cut = match c {
            b'\n' | b';' => Some(i + 1),
            // "Java is a plus, but Python is a must": two clauses.
            b',' if text[i + 1..].starts_with(" but ") || text[i + 1..].starts_with(" whereas ") => {
                Some(i + 1)
            }
            b'.' | b'!' | b'?' if b.get(i + 1).is_none_or(|n| *n == b' ') => {
                // Not after an abbreviation ("e.g.", "B.Sc.", "Sr."), nor before a lower-case word.
                let token = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                let word = token.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let abbreviation = c == b'.'
                    && (token.contains('.')
                        || word.len() == 1
                        || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()));
                let next_lower = text[i + 1..].trim_start().starts_with(|c: char| c.is_lowercase());
                (!abbreviation && !next_lower).then_some(i + 1)
            }
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

/// The index of the sentence holding byte `at`, if any.
pub(crate) fn sentence_at(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|r| r.end <= at);
    sentences.get(i).filter(|r| r.start <= at).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

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
                "- e.g. Java",
                "Done"
            ]
        );
    }
}
