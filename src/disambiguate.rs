//! Context rules: deciding whether an ambiguous surface form ("Go", "R", "Swift", "Chef") names
//! the technology here. One mechanism applies every entry's rules (see `lexicons/README.md`):
//! a match inside a `never` phrase is dropped; a match that needs confirmation keeps only when a
//! technology without rules, a cue word, or a version number stands nearby. A cased-only name
//! written in lower case ("word", "excel") counts only as an item of a list of technologies in a
//! skill context (see `lexicons/cues/context.toml`).

use crate::input::floor_char_boundary;
use crate::lexicon::{Category, Lexicon, Rules};
use crate::matcher::{Candidate, Matcher, Owner};
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// A match resolved to one entry.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entry: u32,
    pub(crate) version: Option<std::ops::Range<usize>>,
    /// Why the match counts (the mention's `rule` in the output).
    pub(crate) rule: Admit,
}

/// Why a match counts: the rule that admitted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Admit {
    /// A case-insensitive alias with no rules.
    Alias,
    /// A cased form with no rules.
    Cased,
    /// A ruled form whose rules only exclude phrases, and none of them is here.
    NoExcludedPhrase,
    /// A version number right after it.
    Version,
    /// Another technology nearby.
    NearbyTechnology,
    /// Right after a phrase that introduces a skill ("experience with").
    SkillIntro,
    /// Beside another ambiguous name in a list ("Go or Rust").
    List,
    /// A cue word nearby.
    Cue(String),
    /// Written the same way, in mid-sentence, as a mention of it that a rule admitted elsewhere
    /// in the document.
    Elsewhere,
}

impl Admit {
    /// Whether a context rule admitted it (not a plain alias).
    fn is_contextual(&self) -> bool {
        !matches!(self, Admit::Alias | Admit::Cased)
    }

    /// The name used in the output (`alias`, `cased`, `version`, `nearby-technology`, `cue:WORD`, …).
    pub(crate) fn describe(&self) -> String {
        match self {
            Admit::Alias => "alias".into(),
            Admit::Cased => "cased".into(),
            Admit::NoExcludedPhrase => "no-excluded-phrase".into(),
            Admit::Version => "version".into(),
            Admit::NearbyTechnology => "nearby-technology".into(),
            Admit::SkillIntro => "skill-intro".into(),
            Admit::List => "list".into(),
            Admit::Cue(c) => format!("cue:{c}"),
            Admit::Elsewhere => "confirmed-elsewhere".into(),
        }
    }
}

/// Bytes scanned either side of a match for its word window (a window of 50 long words fits).
const SCAN_BYTES: usize = 1024;

/// Resolves `candidates`; `skill_areas` are the sections that list skills (see
/// [`is_skill_heading`]), by position.
pub(crate) fn resolve(
    text: &str,
    mut candidates: Vec<Candidate>,
    matcher: &Matcher,
    lexicon: &Lexicon,
    skill_areas: &[Range<usize>],
) -> Vec<Resolved> {
    let fits = |o: &Owner, slice: &str| {
        !o.cased || lexicon.entry(o.entry as usize).forms[o.form as usize].text == slice
    };
    candidates.retain(|c| !is_money(text, c.start, c.end));
    // Pass 1: case filter; matches with an owner that needs no rules are settled at once.
    let mut settled: Vec<Option<&Owner>> = Vec::with_capacity(candidates.len());
    let mut pending = false;
    for c in &candidates {
        let slice = &text[c.start..c.end];
        let owners = matcher.owners(c.pattern);
        let free = owners.iter().find(|o| !o.ruled && fits(o, slice));
        pending |= free.is_none() && owners.iter().any(|o| fits(o, slice));
        settled.push(free);
    }
    // Pass 2: ruled matches, judged against the settled ones. Soft skills are not
    // technologies: they confirm nothing.
    let anchors: Vec<usize> = if pending {
        candidates
            .iter()
            .zip(&settled)
            .filter(|(_, s)| {
                s.is_some_and(|o| lexicon.entry(o.entry as usize).category != Category::SoftSkill)
            })
            .map(|(c, _)| c.start)
            .collect()
    } else {
        Vec::new()
    };
    // Each candidate: settled, admitted by its rules, waiting for a partner in a list, or out.
    let mut verdicts: Vec<Option<(u32, Admit)>> = Vec::with_capacity(candidates.len());
    let mut waiting: Vec<Option<u32>> = vec![None; candidates.len()];
    let mut excluded = vec![false; candidates.len()];
    for (i, (c, s)) in candidates.iter().zip(&settled).enumerate() {
        let slice = &text[c.start..c.end];
        let found = match s {
            Some(o) => Some((o.entry, if o.cased { Admit::Cased } else { Admit::Alias })),
            None => {
                let mut found = None;
                let owners = matcher.owners(c.pattern);
                let shared = owners.iter().filter(|o| fits(o, slice)).nth(1).is_some();
                for o in owners.iter().filter(|o| fits(o, slice)) {
                    let Some(rules) = lexicon.entry(o.entry as usize).rules.as_ref() else {
                        continue;
                    };
                    // Entries that share a form: one whose own cues are here beats one that
                    // only has a technology nearby, a version or a phrase that introduces
                    // skills ("Java plugin development in Eclipse": the IDE's cues, not the
                    // first entry listed). (A nearby technology is looked at after the cues.)
                    let verdict = match admit(text, c, rules, &anchors) {
                        Verdict::Admit(why @ (Admit::Version | Admit::SkillIntro)) if shared => {
                            Verdict::Admit(cue_admit(text, c, rules).unwrap_or(why))
                        }
                        v => v,
                    };
                    match verdict {
                        Verdict::Admit(why @ Admit::Cue(_)) => {
                            found = Some((o.entry, why));
                            break;
                        }
                        Verdict::Admit(why) => {
                            found.get_or_insert((o.entry, why));
                        }
                        Verdict::Unconfirmed if o.cased => {
                            waiting[i].get_or_insert(o.entry);
                        }
                        Verdict::Excluded => excluded[i] = true,
                        Verdict::Unconfirmed => {}
                    }
                }
                found
            }
        };
        verdicts.push(found);
    }
    // Two ambiguous names side by side in a list confirm each other ("Go or Rust", "R/Julia").
    for i in 0..candidates.len() {
        let Some(entry) = waiting[i].filter(|_| verdicts[i].is_none()) else {
            continue;
        };
        let partner = |j: usize| {
            let (a, b) = if j < i {
                (&candidates[j], &candidates[i])
            } else {
                (&candidates[i], &candidates[j])
            };
            (waiting[j].is_some() || verdicts[j].as_ref().is_some_and(|(_, w)| w.is_contextual()))
                && is_list_separator(&text[a.end..b.start])
        };
        if (i > 0 && partner(i - 1)) || (i + 1 < candidates.len() && partner(i + 1)) {
            verdicts[i] = Some((entry, Admit::List));
        }
    }
    admit_elsewhere(text, &candidates, &mut verdicts, &excluded, matcher, lexicon);
    admit_lowered(text, &candidates, &mut verdicts, matcher, lexicon, skill_areas);
    let mut out = Vec::with_capacity(candidates.len());
    for (c, v) in candidates.into_iter().zip(verdicts) {
        if let Some((entry, rule)) = v {
            out.push(Resolved {
                start: c.start,
                end: c.end,
                entry,
                version: c.version,
                rule,
            });
        }
    }
    out
}

/// The shortest name that one confirmed mention vouches for elsewhere: shorter ones ("C", "R",
/// "Go") are too often something else even in mid-sentence ("grade C", "Pokémon Go").
const ELSEWHERE_MIN_LEN: usize = 3;

/// Admits a ruled name that nothing around it confirms when a rule admitted the same entry,
/// written the same way, elsewhere in the document — one sense per document ("SKILLS: …,
/// Airflow, Docker" vouches for "moved batch jobs from cron to Airflow"). Only a capitalised
/// name in mid-sentence counts: one that opens a line, an item or a sentence is as likely an
/// ordinary word ("Access skilled candidates"), and a lower-case one is one ("spark interest").
fn admit_elsewhere(
    text: &str,
    candidates: &[Candidate],
    verdicts: &mut [Option<(u32, Admit)>],
    excluded: &[bool],
    matcher: &Matcher,
    lexicon: &Lexicon,
) {
    let vouched: Vec<(u32, &str)> = candidates
        .iter()
        .zip(verdicts.iter())
        .filter_map(|(c, v)| match v {
            Some((e, why)) if why.is_contextual() => Some((*e, &text[c.start..c.end])),
            _ => None,
        })
        .collect();
    if vouched.is_empty() {
        return;
    }
    for (i, c) in candidates.iter().enumerate() {
        if verdicts[i].is_some() || excluded[i] {
            continue;
        }
        let slice = &text[c.start..c.end];
        if slice.len() < ELSEWHERE_MIN_LEN
            || !slice.starts_with(char::is_uppercase)
            || slice.chars().all(|ch| !ch.is_lowercase())
            || !mid_sentence(text, c.start)
            || !beside_lower_case(text, c.start, c.end)
        {
            continue;
        }
        let entry = matcher.owners(c.pattern).iter().find_map(|o| {
            let rules = lexicon.entry(o.entry as usize).rules.as_ref()?;
            (vouched.contains(&(o.entry, slice)) && !in_never_phrase(text, c.start, c.end, rules))
                .then_some(o.entry)
        });
        if let Some(entry) = entry {
            verdicts[i] = Some((entry, Admit::Elsewhere));
        }
    }
}

/// Whether a word at `start` stands inside a sentence: not at the start of its line (past a
/// bullet or a list number), nor after a sentence's end, a label's colon or an opening quote.
fn mid_sentence(text: &str, start: usize) -> bool {
    let (line, _) = line_before(text, start);
    let before = line.trim_end();
    !before.is_empty()
        && !before.ends_with(['.', '!', '?', ':', ')', '"', '“', '\'', '‘'])
        && !before.ends_with(crate::sections::BULLETS)
}

/// Whether the word before `start` or the one after `end`, on the same line, starts in lower
/// case: "from cron to Airflow", "Built Stan models" are prose, "Chronometer Assembler" and
/// "Finished Metal Repairer" are Title Case, where every word is capitalised.
fn beside_lower_case(text: &str, start: usize, end: usize) -> bool {
    let lower_initial = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_lowercase));
    let (line, _) = line_before(text, start);
    let before = line.trim_end().rsplit([' ', '\t']).next();
    let after = text[end..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start()
        .split([' ', '\t'])
        .next();
    lower_initial(before) || lower_initial(after)
}

/// Admits cased-only names written in lower case ("Knowledge in using word and excel."): each
/// must be an item of a list ("X and Y", "X, Y", "X/Y") of two or more technologies or such
/// names, the list must stand in a skill context (a skills section, a "Computer skills:" line, a
/// skill-introducing phrase right before it), and a lower-case name that opens or closes the
/// list must stand as a whole item there (not "in a word, …", "Python and make things happen").
fn admit_lowered(
    text: &str,
    candidates: &[Candidate],
    verdicts: &mut [Option<(u32, Admit)>],
    matcher: &Matcher,
    lexicon: &Lexicon,
    skill_areas: &[Range<usize>],
) {
    let is_tech = |e: u32| lexicon.entry(e as usize).category != Category::SoftSkill;
    let lowered: Vec<Option<u32>> = candidates
        .iter()
        .zip(verdicts.iter())
        .map(|(c, v)| {
            let slice = &text[c.start..c.end];
            if v.is_some() || slice.chars().any(char::is_uppercase) {
                return None;
            }
            matcher
                .owners(c.pattern)
                .iter()
                .find(|o| {
                    let e = lexicon.entry(o.entry as usize);
                    o.cased
                        && is_tech(o.entry)
                        && e.forms[o.form as usize].text.eq_ignore_ascii_case(slice)
                        && !(o.ruled
                            && e.rules
                                .as_ref()
                                .is_some_and(|r| in_never_phrase(text, c.start, c.end, r)))
                })
                .map(|o| o.entry)
        })
        .collect();
    if lowered.iter().all(Option::is_none) {
        return;
    }
    let members: Vec<bool> = lowered
        .iter()
        .zip(verdicts.iter())
        .map(|(l, v)| l.is_some() || v.as_ref().is_some_and(|(e, _)| is_tech(*e)))
        .collect();
    let member = |i: usize| members[i];
    let mut i = 0;
    while i < candidates.len() {
        if !member(i) {
            i += 1;
            continue;
        }
        // The list: members joined by list separators.
        let mut j = i;
        while j + 1 < candidates.len()
            && member(j + 1)
            && is_list_separator(&text[candidates[j].end..candidates[j + 1].start])
        {
            j += 1;
        }
        let (first, last) = (&candidates[i], &candidates[j]);
        let ok = j > i
            && lowered[i..=j].iter().any(Option::is_some)
            && (lowered[i].is_none() || opens_item(text, first.start))
            && (lowered[j].is_none() || closes_item(text, last.end))
            && (skill_areas.iter().any(|a| a.contains(&first.start))
                || after_skill_label(text, first.start)
                || introduces_list(text, first.start));
        if ok {
            for k in i..=j {
                if let Some(entry) = lowered[k] {
                    verdicts[k] = Some((entry, Admit::List));
                }
            }
        }
        i = j + 1;
    }
}

/// Whether `text[start..end]` is a currency's code or sign written next to an amount ("PHP
/// 45,000", "R25 000", "CAD 85k", "150,000 PHP"): money, not the technology of that name.
fn is_money(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let space = |i: usize| matches!(b.get(i), Some(b' '));
    let after = if space(end) { end + 1 } else { end };
    let amount_after = b.get(after).is_some_and(u8::is_ascii_digit) && crate::matcher::amount_at(text, after);
    let amount_before = || {
        // The number that ends right before the name (past one space), read back over digits
        // and the separators an amount groups with.
        let stop = if start > 0 && space(start - 1) {
            start - 1
        } else {
            start
        };
        if stop == 0 || !b[stop - 1].is_ascii_digit() {
            return false;
        }
        let mut from = stop;
        while from > 0
            && stop - from < 24
            && (b[from - 1].is_ascii_digit() || matches!(b[from - 1], b',' | b'.' | b'\''))
        {
            from -= 1;
        }
        while from < stop && !b[from].is_ascii_digit() {
            from += 1;
        }
        // The amount must be the whole number: "150,000 PHP", not "v1.2 PHP".
        (from == 0 || !b[from - 1].is_ascii_alphanumeric()) && crate::matcher::amount_at(text, from)
    };
    (amount_after || amount_before()) && crate::extract::salary::is_currency_sign(&text[start..end])
}

/// The text of `start`'s line before `start`, and whether that is the whole of it (on a huge
/// line, only the part [`crate::extract::line_within`] reads).
fn line_before(text: &str, start: usize) -> (&str, bool) {
    let line = crate::extract::line_within(text, start, start);
    (
        &text[line.start..start],
        crate::extract::starts_line(text, line.start),
    )
}

/// Whether a list item may start at `start`: at the start of its line (past a bullet), or after
/// a separator, a label's ":", an opening bracket or a skill-introducing phrase.
fn opens_item(text: &str, start: usize) -> bool {
    let (line, _) = line_before(text, start);
    let before = line.trim_end();
    before.is_empty()
        || before.ends_with([',', ';', '|', '/', ':', '(', '[', '&'])
        || before.ends_with(crate::sections::BULLETS)
        || introduces_list(text, start)
}

/// Whether a list item may end at `end`: at the end of its line or sentence, or before a
/// separator or a closing bracket.
fn closes_item(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start_matches([' ', '\t']);
    after.is_empty()
        || after.starts_with(['\n', '\r', '.', ',', ';', ':', ')', ']', '|', '/', '&'])
        || after.starts_with(crate::sections::BULLETS)
}

/// Whether the line of `start` begins with a label that opens a list of skills, before
/// `start` ("Computer skills: word, excel").
fn after_skill_label(text: &str, start: usize) -> bool {
    let (line, whole) = line_before(text, start);
    whole
        && line.find(':').is_some_and(|colon| {
            let label = &line[..colon];
            label.len() <= 48 && is_skill_heading(label)
        })
}

/// Whether a heading (or a line label) opens a list of skills: it holds a `skill_lists` phrase
/// of `lexicons/cues/context.toml` as whole words.
pub(crate) fn is_skill_heading(heading: &str) -> bool {
    if heading.is_ascii() {
        // The phrases are lower-case ASCII: no lower-cased copy needed.
        let b = heading.as_bytes();
        let word_at = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_alphanumeric);
        return CONTEXT
            .lists_ascii
            .find_overlapping_iter(heading)
            .any(|m| !word_at(m.start().checked_sub(1)) && !word_at(Some(m.end())));
    }
    let h = heading.to_lowercase();
    CONTEXT
        .lists
        .iter()
        .any(|f| crate::extract::word_occurrences(&h, f).next().is_some())
}

/// Whether a skill-introducing phrase stands right before `start`, perhaps with a filler
/// between ("knowledge in using word").
fn introduces_list(text: &str, start: usize) -> bool {
    if after_skill_intro(text, start) {
        return true;
    }
    let lo = floor_char_boundary(text, start.saturating_sub(24));
    let before = text[lo..start].trim_end().to_ascii_lowercase();
    CONTEXT.fillers.iter().any(|f| {
        before.ends_with(f.as_str()) && {
            let at = before.len() - f.len();
            !before[..at].ends_with(|c: char| c.is_alphanumeric()) && after_skill_intro(text, lo + at)
        }
    })
}

/// Whether a version reads as a year ("Spring 2024"): no confirmation for an ambiguous name.
fn is_year(v: &str) -> bool {
    v.len() == 4 && (v.starts_with("19") || v.starts_with("20")) && v.bytes().all(|b| b.is_ascii_digit())
}

/// What the rules say of a ruled match.
enum Verdict {
    /// It counts, for this reason.
    Admit(Admit),
    /// Nothing confirms it (yet: a list partner may).
    Unconfirmed,
    /// A `never` phrase holds: it does not count.
    Excluded,
}

/// Whether the text between two names only separates items of a list.
fn is_list_separator(between: &str) -> bool {
    let t = between.trim();
    t.len() <= 5
        && matches!(
            t.to_ascii_lowercase().as_str(),
            "," | "/" | "&" | "or" | "and" | "|" | ", or" | ", and" | "and/or" | "+"
        )
}

/// The verdict of a match's rules.
fn admit(text: &str, c: &Candidate, rules: &Rules, anchors: &[usize]) -> Verdict {
    if in_never_phrase(text, c.start, c.end, rules) || hyphenated_letter(text, c) || after_given_name(text, c)
    {
        return Verdict::Excluded;
    }
    match admit_why(text, c, rules, anchors) {
        Some(why) => Verdict::Admit(why),
        None => Verdict::Unconfirmed,
    }
}

/// The rule that admits a ruled match outside its `never` phrases, or `None`.
fn admit_why(text: &str, c: &Candidate, rules: &Rules, anchors: &[usize]) -> Option<Admit> {
    if !rules.confirm {
        return Some(Admit::NoExcludedPhrase);
    }
    if c.version.as_ref().is_some_and(|v| !is_year(&text[v.clone()])) {
        return Some(Admit::Version);
    }
    if after_skill_intro(text, c.start) {
        return Some(Admit::SkillIntro);
    }
    // Cues before nearby technologies: where entries share a form, their cues tell them apart.
    if let Some(cue) = cue_admit(text, c, rules) {
        return Some(cue);
    }
    if !rules.nearby {
        return None;
    }
    let (lo, hi) = window(text, c.start, c.end, rules.window);
    let i = anchors.partition_point(|&a| a < lo);
    anchors[i..]
        .iter()
        .take_while(|&&a| a < hi)
        .any(|&a| a != c.start)
        .then_some(Admit::NearbyTechnology)
}

/// The first of the rules' cues in the match's window, as the rule that admits it. A cue that
/// lies within the match itself is the name, not a word around it.
fn cue_admit(text: &str, c: &Candidate, rules: &Rules) -> Option<Admit> {
    let (lo, hi) = window(text, c.start, c.end, rules.window);
    let outside = |r: &Range<usize>| !(lo + r.start >= c.start && lo + r.end <= c.end);
    let (_, i) = rules
        .cue_set()?
        .find_iter(&text[lo..hi])
        .find(|(r, _)| outside(r))?;
    Some(Admit::Cue(rules.cues[i as usize].to_string()))
}

/// Whether a capitalised name is a person's surname: right after a given name of
/// `given_names`, or a title of `honorifics` ("Mr.", "Dr"), and one space ("Daniel Jackson
/// about the Java role", "Mr. Vulcan's team", "Maria Spark, our
/// recruiter").
fn after_given_name(text: &str, c: &Candidate) -> bool {
    let b = text.as_bytes();
    if !b[c.start].is_ascii_uppercase() || c.start < 3 || b[c.start - 1] != b' ' {
        return false;
    }
    let before = &text[..c.start - 1];
    // A title instead of a given name: "Mr. Vulcan's team", "Dr Spark".
    let (before, dotted) = match before.strip_suffix('.') {
        Some(b) => (b, true),
        None => (before, false),
    };
    let word = before.rsplit(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
    word.starts_with(|ch: char| ch.is_uppercase())
        && ((!dotted && CONTEXT.given_names.contains(word)) || CONTEXT.honorifics.contains(word))
}

/// Whether a one-letter name is hyphenated onto the word before it, which then names something
/// else: "FAC-C", "Vitamin-C", "Type-C", "Plan-B". The compounds that do name the language are
/// aliases of their own ("ANSI-C", "Embedded-C"), found before the letter alone.
fn hyphenated_letter(text: &str, c: &Candidate) -> bool {
    let b = text.as_bytes();
    c.end - c.start == 1 && c.start >= 2 && b[c.start - 1] == b'-' && b[c.start - 2].is_ascii_alphabetic()
}

/// Whether one of the rules' `never` phrases occurs in `text` overlapping `start..end`.
fn in_never_phrase(text: &str, start: usize, end: usize, rules: &Rules) -> bool {
    let Some(set) = rules.never_set() else {
        return false;
    };
    let lo = floor_char_boundary(text, start.saturating_sub(rules.never_len));
    let hi = floor_char_boundary(text, end + rules.never_len);
    set.find_overlapping_iter(&text[lo..hi])
        .any(|m| lo + m.start() < end && lo + m.end() > start)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    skill_intro: Vec<String>,
    skill_intro_fillers: Vec<String>,
    skill_lists: Vec<String>,
    given_names: Vec<String>,
    honorifics: Vec<String>,
}

/// The skill-context cues of `lexicons/cues/context.toml`.
struct Context {
    /// Skill-introducing phrases, in lower case, for a suffix test.
    intro: Vec<String>,
    /// Words between such a phrase and its list.
    fillers: Vec<String>,
    /// Headings and labels that open a list of skills, each with its finder built once.
    lists: Vec<memchr::memmem::Finder<'static>>,
    /// The same phrases in one automaton, ASCII-case-insensitive, for an ASCII heading.
    lists_ascii: aho_corasick::AhoCorasick,
    /// People's given names: a capitalised ambiguous name right after one is a surname.
    given_names: crate::fasthash::WordSet,
    /// Titles before a surname ("Mr", "Dr"), with or without their full stop.
    honorifics: crate::fasthash::WordSet,
}

static CONTEXT: LazyLock<Context> = LazyLock::new(|| {
    let c: ContextFile = cue_file!("cues/context").expect("context.toml is checked by the test suite");
    Context {
        intro: c
            .skill_intro
            .into_iter()
            .map(|p| p.to_ascii_lowercase())
            .collect(),
        fillers: c.skill_intro_fillers,
        lists: c
            .skill_lists
            .iter()
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()).into_owned())
            .collect(),
        lists_ascii: aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&c.skill_lists)
            .expect("a few short phrases"),
        given_names: crate::fasthash::WordSet::new(&c.given_names),
        honorifics: crate::fasthash::WordSet::new(&c.honorifics),
    }
});

/// Whether the words right before `start` are a skill-introducing phrase.
fn after_skill_intro(text: &str, start: usize) -> bool {
    let lo = floor_char_boundary(text, start.saturating_sub(32));
    let before = text[lo..start].trim_end_matches(' ');
    CONTEXT.intro.iter().any(|p| {
        let p = p.as_bytes();
        before.len() >= p.len()
            && before.as_bytes()[before.len() - p.len()..].eq_ignore_ascii_case(p)
            // The phrase matched whole characters, so the cut is a character boundary.
            && !before[..before.len() - p.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether `needle` occurs in `hay` with no word character touching it.
pub(crate) fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The byte range of `n` words either side of `start..end`.
fn window(text: &str, start: usize, end: usize, n: usize) -> (usize, usize) {
    // Both directions stop after `n` words: the segmenter runs lazily from the match outwards.
    // The usual text is counted by `words`, which gives the segmenter's words faster.
    let lo_scan = floor_char_boundary(text, start.saturating_sub(SCAN_BYTES));
    let before = &text[lo_scan..start];
    let lo = crate::words::nth_word_start_back(before, n)
        .unwrap_or_else(|| {
            before
                .unicode_word_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map(|(i, _)| i)
        })
        .map_or(lo_scan, |i| lo_scan + i);
    let hi_scan = floor_char_boundary(text, end + SCAN_BYTES);
    let after = &text[end..hi_scan];
    let hi = crate::words::nth_word_end(after, n)
        .unwrap_or_else(|| {
            after
                .unicode_word_indices()
                .nth(n.saturating_sub(1))
                .map(|(i, w)| i + w.len())
        })
        .map_or(hi_scan, |i| end + i);
    (lo, hi)
}

/// Builds the cue lists of this module now (see `extract::warm_up`).
pub(crate) fn warm_up() {
    LazyLock::force(&CONTEXT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_headings() {
        for (heading, want) in [
            ("Technical Skills", true),
            ("SKILLS", true),
            ("Skills & Tools", true),
            ("Our tech stack", true),
            ("Computer skills", true),
            ("Skillset", true),
            ("Compétences / Skills", true),
            ("Fähigkeiten und TOOLS", true),
            ("Soft-skills", true),
            ("Toolset", false),
            ("Unskilled", false),
            ("Experience", false),
            ("Outils", false),
            ("", false),
        ] {
            assert_eq!(is_skill_heading(heading), want, "{heading}");
        }
        // The ASCII path compares case-insensitively, so the phrases must be lower case.
        for p in &CONTEXT.lists {
            let p = std::str::from_utf8(p.needle()).unwrap();
            assert_eq!(
                p,
                p.to_ascii_lowercase(),
                "skill_lists phrase {p:?} is not lower case"
            );
            assert!(p.is_ascii(), "skill_lists phrase {p:?} is not ASCII");
        }
    }

    #[test]
    fn word_window() {
        let t = "one two three GO four five six";
        let (lo, hi) = window(t, 14, 16, 2);
        assert_eq!(&t[lo..hi], "two three GO four five");
    }

    #[test]
    fn cue_words_stand_alone() {
        assert!(contains_word("we write go programs", "programs"));
        assert!(!contains_word("programming", "program"));
    }
}
