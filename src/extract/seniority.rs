//! Seniority: the level a posting asks for, from title words, body phrases and the years
//! asked (all in `lexicons/cues/seniority.toml`), with every piece of evidence.

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    default: String,
    not_levels: Vec<String>,
    negating_prefixes: Vec<String>,
    others_before: Vec<String>,
    skip_before: Vec<String>,
    report_before: Vec<String>,
    trailing_level_nouns: Vec<String>,
    trailing_level_breaks: Vec<String>,
    years: Vec<YearsLevel>,
    grade_prefixes: Vec<String>,
    grades: Vec<YearsLevel>,
    level: Vec<Level>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsLevel {
    min: f64,
    level: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    level: String,
    title: Vec<String>,
    #[serde(default)]
    cased_title: Vec<String>,
    body: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/seniority").expect("seniority.toml is checked by the test suite"));

/// The levels, lowest first.
pub(crate) const LEVELS: &[&str] = &[
    "intern",
    "junior",
    "mid",
    "senior",
    "lead",
    "principal",
    "executive",
];

fn rank(level: &str) -> usize {
    LEVELS.iter().position(|l| *l == level).unwrap_or(0)
}

/// A level and the text that points to it (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Evidence {
    pub(crate) level: &'static str,
    pub(crate) span: Range<usize>,
    /// Where it came from: a title, the body, or the years asked.
    pub(crate) source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Title,
    Body,
    Years,
}

fn static_level(level: &str) -> &'static str {
    LEVELS.iter().find(|l| **l == level).copied().unwrap_or("mid")
}

/// Each level's title words (lower case) and cased title words, with finders built once.
type TitleFinders = Vec<(
    &'static str,
    Vec<memchr::memmem::Finder<'static>>,
    Vec<memchr::memmem::Finder<'static>>,
)>;

static TITLE_WORDS: LazyLock<TitleFinders> = LazyLock::new(|| {
    let finders = |list: &[String]| {
        list.iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    };
    DATA.level
        .iter()
        .map(|l| (static_level(&l.level), finders(&l.title), finders(&l.cased_title)))
        .collect()
});

static NOT_LEVELS: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(DATA.not_levels.iter().map(|p| (p.as_str(), 0))));

/// Ranges of `text` where a level word names no level ("Lead Generation"), and the words
/// negated by a prefix of `negating_prefixes` ("3+ years of non-internship experience").
fn not_levels(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = NOT_LEVELS.find_iter(text).map(|(r, _)| r).collect();
    let bytes = text.as_bytes();
    // One pass over the text per first letter: the prefixes mostly share theirs ("non-", "non ").
    let mut firsts: Vec<u8> = DATA
        .negating_prefixes
        .iter()
        .filter_map(|p| p.as_bytes().first().map(u8::to_ascii_lowercase))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    for first in firsts {
        for i in memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes) {
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            for prefix in &DATA.negating_prefixes {
                let p = prefix.as_bytes();
                if !bytes[i..]
                    .get(..p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p))
                {
                    continue;
                }
                let from = i + p.len();
                let word_end = text[from..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .map_or(text.len(), |e| from + e);
                out.push(i..word_end);
            }
        }
    }
    out
}

/// Title words in `title` (a slice of the text at `offset`).
pub(crate) fn title_evidence(title: &str, offset: usize) -> Vec<Evidence> {
    let outs = not_levels(title);
    // ASCII lower case keeps every byte offset (Unicode lower case may not: "İ").
    let lower = title.to_ascii_lowercase();
    let mut out = Vec::new();
    for (level, words, cased) in TITLE_WORDS.iter() {
        let found = words
            .iter()
            .flat_map(|w| super::word_occurrences(&lower, w))
            .chain(cased.iter().flat_map(|w| super::word_occurrences(title, w)));
        for r in found {
            out.push(Evidence {
                level,
                span: offset + r.start..offset + r.end,
                source: Source::Title,
            });
        }
    }
    let outs = super::Covering::new(outs);
    out.retain(|e| !outs.covers(e.span.start - offset..e.span.end - offset));
    // A longer phrase ("tech lead") covers the words inside it ("lead").
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    out.dedup_by(|b, a| b.span.start >= a.span.start && b.span.end <= a.span.end);
    out
}

/// Body phrases, and title words (for role phrases), with their level's index; title words
/// carry `TITLE_WORD` on top, body phrases that name a role (`ROLE_PHRASE`) `ROLE_PHRASE`.
static BODY: LazyLock<PhraseSet> = LazyLock::new(|| {
    let mut all: Vec<(&str, u32)> = Vec::new();
    for l in &DATA.level {
        let i = rank(&l.level) as u32;
        all.extend(
            l.body
                .iter()
                .map(|p| (p.as_str(), if is_role_phrase(p) { i | ROLE_PHRASE } else { i })),
        );
        all.extend(l.title.iter().map(|p| (p.as_str(), i | TITLE_WORD)));
    }
    PhraseSet::new(all)
});

const TITLE_WORD: u32 = 1 << 8;
const ROLE_PHRASE: u32 = 1 << 9;

/// Whether a body phrase names a role ("lead engineer", "engineering manager", "as a lead"): it
/// holds a title word and ends in a role noun. Such a phrase is someone else's after "report to"
/// or "work with", as a title word before a role noun is; "mentor engineers" is not a role.
fn is_role_phrase(phrase: &str) -> bool {
    let last = phrase.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    super::title::is_role_noun(last) && !title_evidence(phrase, 0).is_empty()
}

/// Evidence in the body: its phrases ("new grads welcome", "you will mentor"), and role
/// phrases — a title word right before a role noun ("Senior DevOps engineers") — unless the
/// role is someone else's ("report to the Head of Engineering").
pub(crate) fn body_evidence(text: &str) -> Vec<Evidence> {
    let mut out = Vec::new();
    let outs = super::Covering::new(not_levels(text));
    for (r, payload) in BODY.find_iter(text) {
        if outs.covers(r.clone()) {
            continue;
        }
        let level = LEVELS[(payload & !(TITLE_WORD | ROLE_PHRASE)) as usize];
        if payload & ROLE_PHRASE != 0 && is_someone_elses(&text[..r.start]) {
            continue;
        }
        if payload & TITLE_WORD != 0 {
            // The role noun must stand in the same sentence: "… and a product manager. You
            // will lead …" names no manager's role ("lead" opens the next sentence).
            // Three words ahead are far nearer than `LINE_REACH` bytes: the search for the
            // sentence's end stops there, so a huge sentence is not read again for every level
            // word.
            let ahead = super::first_bytes(&text[r.end..], super::LINE_REACH);
            let after = &ahead[..sentence_end(ahead)];
            // Nor past a semicolon: "… in one person's head; a good engineer writes it down".
            let after = after.split(';').next().unwrap_or_default();
            let after = after
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(3);
            let someone_else = is_someone_elses(&text[..r.start]);
            let role = after
                .map(str::to_ascii_lowercase)
                .any(|w| super::title::is_role_noun(&w))
                || trails_role_noun(&text[..r.start]);
            if someone_else || !role {
                continue;
            }
        }
        out.push(Evidence {
            level,
            span: r,
            source: Source::Body,
        });
    }
    out.extend(grade_evidence(text));
    out
}

/// Whether a noun of `trailing_level_nouns` stands among the four words before a level word,
/// in its sentence and with no word of `trailing_level_breaks` between ("desenvolvedor com pleno
/// domínio" is full command, no level): languages that put the level after the role ("Desenvolvedora Front-end
/// Pleno", "Engenheira de Dados Sênior", "Desarrollador Semi Senior").
fn trails_role_noun(before: &str) -> bool {
    // Four words back are far nearer than this: the look-back for the sentence's start stops
    // here, so a huge sentence is not scanned again for every level word in it.
    let before = super::last_bytes(before, super::LINE_REACH);
    let sentence = before
        .rfind(['\n', '!', '?', ';'])
        .map_or(before, |i| &before[i + 1..]);
    let sentence = sentence.rfind(". ").map_or(sentence, |i| &sentence[i + 1..]);
    for w in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
    {
        let w = w.to_lowercase();
        if DATA.trailing_level_nouns.contains(&w) {
            return true;
        }
        if DATA.trailing_level_breaks.contains(&w) {
            return false;
        }
    }
    false
}

/// Where the sentence that `s` continues ends: at a full stop, "!" or "?" followed by white
/// space or the end ("Sr. Engineer" keeps its dot: the title word "sr." ends past it). A bare
/// line break ends none: flattened postings break sentences inside ("looking for a\nSenior\n
/// Fullstack Engineer").
fn sentence_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    s.match_indices(['.', '!', '?'])
        .find(|&(i, _)| bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        .map_or(s.len(), |(i, _)| i)
}

/// The highest pay grade a text names ("GS-12", "GS-2210-13", "GS 14"; the prefixes and the
/// grade → level table are `grade_prefixes` and `grades` in seniority.toml): a posting names its
/// own grade and the one below it that the experience must equal, so the highest is its own.
fn grade_evidence(text: &str) -> Option<Evidence> {
    let bytes = text.as_bytes();
    let mut best: Option<(u32, Range<usize>)> = None;
    for prefix in &DATA.grade_prefixes {
        for (i, _) in text.match_indices(prefix.as_str()) {
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let mut at = i + prefix.len();
            if matches!(bytes.get(at), Some(b'-' | b' ')) {
                at += 1;
            }
            let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
            let mut n = digits(at);
            // A four-digit occupational series before the grade: "GS-2210-12".
            if n == 4 && bytes.get(at + 4) == Some(&b'-') {
                at += 5;
                n = digits(at);
            }
            if n == 0 || n > 2 || bytes.get(at + n).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let grade: u32 = text[at..at + n].parse().unwrap_or(0);
            if (1..=15).contains(&grade) && best.as_ref().is_none_or(|b| grade > b.0) {
                best = Some((grade, i..at + n));
            }
        }
    }
    let (grade, span) = best?;
    let level = DATA
        .grades
        .iter()
        .rfind(|g| f64::from(grade) >= g.min)
        .map(|g| static_level(&g.level))?;
    Some(Evidence {
        level,
        span,
        source: Source::Body,
    })
}

/// Whether a role phrase right after `before` is someone else's: the words right before it
/// (articles skipped) are one of `others_before` ("work with senior engineers", "mentored by
/// senior developers", "escalate to the Team Lead"), or a word of `report_before` stands among
/// the four words before it ("reporting directly to the Lead Engineer"). "Looking to hire a
/// Senior Engineer" is the posting's own.
fn is_someone_elses(before: &str) -> bool {
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    let reports = words
        .iter()
        .take(4)
        .any(|w| DATA.report_before.iter().any(|r| w.starts_with(r.as_str())));
    let skipped = words
        .iter()
        .position(|w| !DATA.skip_before.contains(w))
        .unwrap_or(words.len());
    let prev = &words[skipped..];
    reports
        || DATA.others_before.iter().any(|phrase| {
            let n = phrase.split_whitespace().count();
            n <= prev.len()
                && phrase
                    .split_whitespace()
                    .rev()
                    .eq(prev[..n].iter().map(String::as_str))
        })
}

/// The level the years asked point to.
pub(crate) fn years_level(years: f64) -> &'static str {
    DATA.years
        .iter()
        .rfind(|y| years >= y.min)
        .map_or("junior", |y| static_level(&y.level))
}

/// The level for a posting with no evidence (`default` in seniority.toml).
pub(crate) fn default_level() -> &'static str {
    static_level(&DATA.default)
}

/// Decides the level and what decided it: a title word wins (the highest named); else the
/// body level named most often (on a tie, the one the years asked point to, else the higher);
/// else the years.
pub(crate) fn decide(evidence: &[Evidence]) -> Option<(&'static str, Source)> {
    let of = |source: Source| evidence.iter().filter(move |e| e.source == source);
    if let Some(e) = of(Source::Title).max_by_key(|e| rank(e.level)) {
        // "Graduate Intern", "Junior Intern": an internship, whatever junior word qualifies it.
        if let Some(intern) = of(Source::Title).find(|t| rank(t.level) == 0)
            && rank(e.level) == 1
        {
            return Some((intern.level, Source::Title));
        }
        return Some((e.level, Source::Title));
    }
    let mut counts = [0usize; 7];
    for e in of(Source::Body) {
        counts[rank(e.level)] += 1;
    }
    let years = of(Source::Years).next().map(|e| e.level);
    let most = counts.iter().copied().max().unwrap_or(0);
    if most > 0 {
        // Levels named equally often are alternatives ("mid-level or senior"): the years asked
        // pick among them when they point to one, else the higher wins.
        let tied = |level: &str| counts[rank(level)] == most;
        if let Some(level) = years.filter(|l| tied(l)) {
            return Some((level, Source::Body));
        }
        let i = (0..counts.len()).rfind(|&i| counts[i] == most).unwrap_or(0);
        return Some((LEVELS[i], Source::Body));
    }
    years.map(|level| (level, Source::Years))
}

impl Source {
    /// The name used in the output's `basis`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Source::Title => "title",
            Source::Body => "body",
            Source::Years => "years",
        }
    }
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&NOT_LEVELS);
    LazyLock::force(&TITLE_WORDS);
    LazyLock::force(&BODY);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(title, level)`.
    const TITLES: &[(&str, Option<&str>)] = &[
        ("Senior Backend Engineer", Some("senior")),
        ("Sr. Data Engineer", Some("senior")),
        ("Jr Developer", Some("junior")),
        ("Software Engineer II", Some("mid")),
        ("Software Engineer III", Some("senior")),
        ("Staff Engineer", Some("lead")),
        ("Principal Architect", Some("principal")),
        ("Solutions Architect", Some("senior")),
        ("Lead Architect", Some("lead")),
        ("Head of Platform", Some("executive")),
        ("VP, Engineering", Some("executive")),
        ("Software Engineering Intern", Some("intern")),
        ("Entry-Level QA Analyst", Some("junior")),
        ("Mid-Level Java Developer", Some("mid")),
        ("Tech Lead, Payments", Some("lead")),
        ("Backend Engineer", None),
        ("Senior Engineering Manager", Some("lead")),
        ("Lead Generation Specialist", None),
        ("Executive Assistant", None),
        ("Executive Virtual Assistant", None),
        ("Executive Secretary to the CEO", None),
        ("Executive Director, Development", Some("executive")),
    ];

    #[test]
    fn title_levels() {
        for (t, want) in TITLES {
            assert_eq!(decide(&title_evidence(t, 0)).map(|d| d.0), *want, "{t:?}");
        }
    }

    #[test]
    fn body_and_years() {
        let body =
            body_evidence("new grads welcome! you will learn from senior engineers. entry level role.");
        assert_eq!(decide(&body), Some(("junior", Source::Body)));
        assert_eq!(years_level(0.5), "junior");
        assert_eq!(years_level(3.0), "mid");
        assert_eq!(years_level(7.0), "senior");
    }

    #[test]
    fn role_nouns_in_the_same_sentence() {
        let level = |t: &str| decide(&body_evidence(t)).map(|d| d.0);
        // A title word before a role noun of the next sentence names no level.
        assert_eq!(
            level("You will work with a product manager. You will lead the migration."),
            None
        );
        assert_eq!(
            level("We are looking for a\nSenior\nFullstack Engineer to join us."),
            Some("senior")
        );
        assert_eq!(level("Hiring a Sr. Site Reliability Engineer."), Some("senior"));
    }

    #[test]
    fn levels_after_the_role() {
        let level = |t: &str| decide(&body_evidence(t)).map(|d| d.0);
        assert_eq!(
            level("Buscamos uma pessoa Engenheira de Dados Sênior para o time."),
            Some("senior")
        );
        assert_eq!(level("Contratamos Desenvolvedora Front-end Pleno."), Some("mid"));
        assert_eq!(
            level("Buscamos Desarrollador Semi Senior para nuestro equipo."),
            Some("mid")
        );
        assert_eq!(
            level("Procuramos uma pessoa Desenvolvedora Júnior."),
            Some("junior")
        );
        // "pleno" after a break word is "full"; a level word after an English noun is no level.
        assert_eq!(level("Desenvolvedor com pleno domínio de Java."), None);
        assert_eq!(level("Empresa em pleno crescimento."), None);
        assert_eq!(level("Our developers senior and junior alike pair daily."), None);
    }

    #[test]
    fn pay_grades() {
        let level = |t: &str| grade_evidence(t).map(|e| e.level);
        assert_eq!(
            level("IT Specialist, GS-2210-12. One year equivalent to the GS-11 level."),
            Some("senior")
        );
        assert_eq!(level("one year equivalent to GS-9"), Some("mid"));
        assert_eq!(level("Clerk GS 4"), Some("junior"));
        assert_eq!(level("GS-14/15 program manager"), Some("lead"));
        assert_eq!(level("CGS-12 hull"), None);
        assert_eq!(level("GSA schedule 70"), None);
        assert_eq!(level("GS-12A"), None);
    }
}
