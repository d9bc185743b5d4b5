//! Spoken languages and their levels ("English (C1)", "Fluent in Spanish", "German – native"),
//! from `lexicons/cues/languages.toml`.
//!
//! A language name counts only when written capitalised and when its list item states a level,
//! when the words next to it say it is spoken ("German is a plus", "knowledge of Polish"), or
//! when it stands in a `languages` section or after a "Languages:" label: "English Literature",
//! "French Riviera" and "German law" are not languages someone speaks.

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    labels: Vec<String>,
    said_after: Vec<String>,
    said_before: Vec<String>,
    compound_suffixes: Vec<String>,
    language: Vec<Language>,
    level: Vec<Level>,
    cefr: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    name: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    level: String,
    phrases: Vec<String>,
}

struct Lex {
    /// `said_after` and `said_before`, in lower case.
    said_after: Vec<String>,
    said_before: Vec<String>,
    data: File,
    names: PhraseSet,
    levels: PhraseSet,
    labels: PhraseSet,
}

static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let data: File = cue_file!("cues/languages").expect("languages.toml is checked by the test suite");
    // Each form alone, and (its payload marked by COMPOUND) glued to each compound suffix
    // ("Deutschkenntnisse"): a form of letters of one word only.
    let mut compounds: Vec<(String, u32)> = Vec::new();
    for (i, l) in data.language.iter().enumerate() {
        let glued = l
            .forms
            .iter()
            .filter(|f| f.chars().all(char::is_alphabetic) && f.chars().any(|c| c.is_ascii_alphabetic()));
        for f in glued {
            for x in &data.compound_suffixes {
                compounds.push((format!("{f}{x}"), i as u32 | COMPOUND));
            }
        }
    }
    let names = PhraseSet::new(
        data.language
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.forms.iter().map(move |f| (f.as_str(), i as u32)))
            .chain(compounds.iter().map(|(f, i)| (f.as_str(), *i))),
    );
    let levels = PhraseSet::new(
        data.level
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.phrases.iter().map(move |p| (p.as_str(), i as u32))),
    );
    let labels = PhraseSet::new(data.labels.iter().map(|l| (l.as_str(), 0)));
    Lex {
        said_after: data.said_after.iter().map(|p| p.to_lowercase()).collect(),
        said_before: data.said_before.iter().map(|p| p.to_lowercase()).collect(),
        data,
        names,
        levels,
        labels,
    }
});

/// The payload bit of a name glued to a compound suffix ("Englischkenntnisse").
const COMPOUND: u32 = 1 << 31;

/// One spoken language (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) name: &'static str,
    /// native, fluent, advanced, intermediate or basic.
    pub(crate) level: Option<&'static str>,
    /// The CEFR code when written (A1 … C2).
    pub(crate) cefr: Option<&'static str>,
    /// The language's list item.
    pub(crate) span: Range<usize>,
}

/// The list item around `at` on its line: bounded by commas, semicolons, bullets, pipes and
/// slashes.
fn item(text: &str, at: Range<usize>) -> Range<usize> {
    let is_sep = |c: char| matches!(c, ',' | ';' | '|' | '•' | '·' | '/' | '\n' | '\t');
    let line = super::line_within(text, at.start, at.end);
    let (line_start, line_end) = (line.start, line.end);
    let lo = text[line_start..at.start].rfind(is_sep).map_or(line_start, |i| {
        line_start + i + text[line_start + i..].chars().next().map_or(1, char::len_utf8)
    });
    let hi = text[at.end..line_end]
        .find(is_sep)
        .map_or(line_end, |i| at.end + i);
    // A sentence ends the item too ("… required. English Literature …").
    let lo = text[lo..at.start].rfind(". ").map_or(lo, |i| lo + i + 2);
    let hi = text[at.end..hi].find(". ").map_or(hi, |i| at.end + i + 1);
    // "Languages: English (C1)": the label is not part of the item, nor is one in a column of
    // its own ("Altre lingue    inglese, francese", Europass).
    let head = &text[lo..at.start];
    let cut = head.find(':').map(|i| i + 1).or_else(|| {
        let body = head.trim_start();
        let lead = head.len() - body.len();
        body.find("  ").map(|i| lead + i)
    });
    let lo = match cut {
        Some(i) if after_label(text, at.start) => lo + i,
        _ => lo,
    };
    let trimmed = text[lo..hi].trim_start();
    let lo = hi - trimmed.len();
    lo..lo + trimmed.trim_end().len()
}

/// The level stated in `item`, if any: a level phrase or a CEFR code.
fn level_in(item: &str) -> (Option<&'static str>, Option<&'static str>) {
    let lex = &*LEX;
    for w in item.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some((code, level)) = lex.data.cefr.get_key_value(w) {
            let level = lex
                .data
                .level
                .iter()
                .find(|l| l.level == *level)
                .map(|l| l.level.as_str());
            return (level, Some(code.as_str()));
        }
    }
    let level = lex
        .levels
        .payloads_in(item)
        .next()
        .map(|i| lex.data.level[i as usize].level.as_str());
    (level, None)
}

/// Whether the line holding `at` starts with a "Languages:" label.
fn after_label(text: &str, at: usize) -> bool {
    let line = super::line_within(text, at, at);
    if !super::starts_line(text, line.start) {
        // The label would stand more than a line's reach before: not this item's.
        return false;
    }
    let head = &text[line.start..at];
    // Europass copied from a PDF keeps its label in a column of its own, with no colon
    // ("Lengua materna      español").
    let gap = || {
        let body = head.trim_start();
        let lead = head.len() - body.len();
        body.find("  ").or_else(|| body.find('\t')).map(|i| lead + i)
    };
    let Some(colon) = head.find(':').or_else(gap) else {
        return false;
    };
    // Europass writes its labels with optional plurals ("Langue(s) maternelle(s)", "Autre(s)
    // langue(s)"): read without them.
    let label = head[..colon].replace("(s)", "");
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    LEX.labels
        .find_iter(label)
        .next()
        .is_some_and(|(r, _)| r == (0..label.len()))
}

/// The label on the line above the one holding `at`, when the text before `at` on its line holds
/// no label of its own (no colon): see [`label_above`].
fn under_label(text: &str, at: usize) -> Option<&str> {
    let line = super::line_within(text, at, at);
    if !super::starts_line(text, line.start) || text[line.start..at].contains(':') {
        return None;
    }
    label_above(text, line.start)
}

/// The label standing alone on the line above the one holding `at` ("Lengua materna",
/// "Other language(s):"), if that line is one.
fn label_above(text: &str, at: usize) -> Option<&str> {
    let line = super::line_within(text, at, at);
    let before = text[..line.start].strip_suffix('\n')?;
    let before = before.strip_suffix('\r').unwrap_or(before);
    // Only a short line can be the label: at most 64 bytes are read back.
    let tail = super::last_bytes(before, 64);
    let above = match tail.rfind('\n') {
        Some(i) => &tail[i + 1..],
        None if tail.len() == before.len() => tail,
        None => return None,
    };
    // A label a PDF copied in spaced letters ("L A N G U A G E S") is read with them joined.
    let joined = super::positions::unspaced(above);
    let label = joined
        .as_deref()
        .unwrap_or(above)
        .trim()
        .trim_end_matches(':')
        .replace("(s)", "");
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    LEX.labels
        .find_iter(label)
        .next()
        .is_some_and(|(r, _)| r == (0..label.len()))
        .then_some(above)
}

/// Whether the words around the language name at `name` say it is a language spoken: one of
/// `said_after` right after it ("German is a plus", "English language skills"), or one of
/// `said_before` right before it when it ends its item ("knowledge of Polish").
fn said(text: &str, name: &Range<usize>, item: &Range<usize>) -> bool {
    let lex = &*LEX;
    let after = text[name.end..item.end].strip_prefix(' ').unwrap_or("");
    let after = super::first_bytes(after, 40).to_lowercase();
    if lex.said_after.iter().any(|p| super::starts_with_words(&after, p)) {
        return true;
    }
    let ends_item = text[name.end..item.end]
        .trim_end_matches(['.', '!', ')'])
        .is_empty();
    let before = text[item.start..name.start].strip_suffix(' ').unwrap_or("");
    let before = super::last_bytes(before, 40).to_lowercase();
    ends_item && lex.said_before.iter().any(|p| super::ends_with_words(&before, p))
}

/// Whether a capitalised word right after a language name makes it part of another name
/// ("Latin America", "English Literature", "French Riviera") — unless that word is a level, or
/// opens one ("English Native", "Polish Mother tongue"), a CEFR code or another language ("Spanish Italian"), or the name is
/// written in capitals and the word is not (Europass's grid: "ENGLISH Listening C1 Reading C1").
fn names_something_else(text: &str, name: &Range<usize>) -> bool {
    let Some(rest) = text[name.end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let capitals =
        |s: &str| s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase);
    if capitals(&text[name.clone()]) && !capitals(word) {
        return false;
    }
    let lex = &*LEX;
    !(lex.data.cefr.contains_key(word)
        || lex.levels.find_iter(word).next().is_some()
        // A level of several words ("Polish Mother tongue", moderncv).
        || lex
            .levels
            .find_iter(super::first_bytes(rest, 40))
            .next()
            .is_some_and(|(r, _)| r.start == 0)
        || lex.names.find_iter(word).next().is_some())
}

/// Every spoken language with its level. `in_languages_section(at)` says whether byte `at`
/// lies in a `languages` section.
pub(crate) fn find_all(text: &str, in_languages_section: &dyn Fn(usize) -> bool) -> Vec<Found> {
    let lex = &*LEX;
    let mut out: Vec<Found> = Vec::new();
    // For each of `out`: listed under a label line, without a level of its own; or said to be
    // spoken ("German is a plus", "knowledge of Polish").
    let mut under_label_line: Vec<bool> = Vec::new();
    for (r, i) in lex.names.find_iter(text) {
        // A name glued to "kenntnisse" says the language is known ("Gute Englischkenntnisse");
        // so does its first half cut at a hyphen before one ("Deutsch- und Englischkenntnisse").
        let compound = i & COMPOUND != 0;
        let i = i & !COMPOUND;
        // Capitalised, or with its capital after a prefix ("isiZulu", "isiXhosa"), or written in
        // a script without case ("영어", "英語"), where no capital can tell a name apart.
        let name = &text[r.clone()];
        let capitalised = name.starts_with(|c: char| c.is_uppercase())
            || name.chars().skip(1).any(char::is_uppercase)
            || !name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
        if names_something_else(text, &r) {
            continue;
        }
        // "Fluent in English and Spanish": both names share the item and its level.
        let span = item(text, r.clone());
        let (mut level, mut cefr) = level_in(&text[span.clone()]);
        // "Langue(s) maternelle(s): français": the label states the level.
        // (Or before its column gap: "Lengua materna   español", Europass.)
        if level.is_none() && after_label(text, span.start) {
            let line = super::line_within(text, span.start, span.start);
            let head = &text[line.start..span.start];
            let gap = || {
                let body = head.trim_start();
                let lead = head.len() - body.len();
                body.find("  ").or_else(|| body.find('\t')).map(|i| lead + i)
            };
            if let Some(end) = head.find(':').or_else(gap) {
                (level, cefr) = level_in(&head[..end].replace("(s)", ""));
            }
        }
        // Europass writes a label on a line of its own, the names on the next ("Lengua materna",
        // then "español"): the label's level is theirs.
        let label_line = under_label(text, span.start);
        if level.is_none()
            && let Some(label) = label_line
        {
            (level, cefr) = level_in(&label.replace("(s)", ""));
        }
        // French, Spanish and Portuguese write language names in lower case ("anglais B2",
        // "inglés (C1)"): such a name counts with a level in a languages section, after a
        // "Langues :" label ("Lingua madre: italiano"), or with a CEFR code ("anglais    B1"
        // in a Europass grid).
        let listed = after_label(text, span.start)
            || after_label(text, r.start)
            || cefr.is_some()
            || (level.is_some() && (in_languages_section(span.start) || label_line.is_some()));
        if !(capitalised || listed) {
            continue;
        }
        // A capitalised name under a label line counts as listed ("L A N G U A G E S", then
        // "English, Scottish Gaelic").
        let cut = || {
            text[r.end..].starts_with("- ")
                && lex
                    .names
                    .find_iter(&text[r.end..span.end])
                    .any(|(_, j)| j & COMPOUND != 0)
        };
        under_label_line.push(
            level.is_none()
                && (label_line.is_some() || (capitalised && (compound || cut() || said(text, &r, &span)))),
        );
        out.push(Found {
            name: lex.data.language[i as usize].name.as_str(),
            level,
            cefr,
            span,
        });
    }
    // Keep the names that are stated or listed; a later statement of the same language adds a
    // level the first lacked.
    let mut kept: Vec<Found> = Vec::new();
    for (f, listed) in out.into_iter().zip(under_label_line) {
        let stated = f.level.is_some()
            || listed
            || in_languages_section(f.span.start)
            || after_label(text, f.span.start);
        if !stated {
            continue;
        }
        match kept.iter_mut().find(|k| k.name == f.name) {
            Some(k) if k.level.is_none() => {
                k.level = f.level;
                k.cefr = f.cefr;
            }
            Some(_) => {}
            None => kept.push(f),
        }
    }
    kept
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEX);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_file_levels_are_known() {
        let known = ["native", "fluent", "advanced", "intermediate", "basic"];
        for l in &LEX.data.level {
            assert!(known.contains(&l.level.as_str()), "{}", l.level);
        }
        for level in LEX.data.cefr.values() {
            assert!(known.contains(&level.as_str()), "{level}");
        }
    }
}
