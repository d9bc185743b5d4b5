//! The requirement level of a sentence: cue phrases from `lexicons/cues/requirement.toml`,
//! then the section it is in (the order is documented in that file).

use crate::phrases::PhraseSet;
use crate::tags::Requirement;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    preferred: Vec<String>,
    required: Vec<String>,
    strong_required: Vec<String>,
    weak_required: Vec<String>,
    heading_small_words: Vec<String>,
    essential_marks: Vec<String>,
    desirable_marks: Vec<String>,
}

static DATA: LazyLock<Cues> =
    LazyLock::new(|| cue_file!("cues/requirement").expect("requirement.toml is checked by the test suite"));

const PREFERRED: u32 = 0;
const REQUIRED: u32 = 1;
const STRONG: u32 = 2;
const WEAK: u32 = 3;

/// Every cue, with its tier.
static CUES: LazyLock<PhraseSet> = LazyLock::new(|| {
    let cues = &*DATA;
    let tier = |list: &[String], t: u32| list.iter().map(move |p| (p.clone(), t)).collect::<Vec<_>>();
    let all: Vec<(String, u32)> = [
        tier(&cues.preferred, PREFERRED),
        tier(&cues.required, REQUIRED),
        tier(&cues.strong_required, STRONG),
        tier(&cues.weak_required, WEAK),
    ]
    .concat();
    PhraseSet::new(all.iter().map(|(p, t)| (p.as_str(), *t)))
});

/// The level of a sentence in a section of kind `section`.
pub(crate) fn level(sentence: &str, section: Option<&str>) -> Requirement {
    if let Some(r) = person_spec_mark(sentence) {
        return r;
    }
    // An asking label that opens the sentence is its heading ("Essential criteria: Python,
    // SQL", "Primary skills: Apex"), but not under a heading of what the employer offers.
    let section = match section {
        Some(k) if crate::sections::is_offered(k) => section,
        _ => label_kind(sentence).or(section),
    };
    let mut tiers = [false; 4];
    for t in CUES.payloads_in(sentence) {
        tiers[t as usize] = true;
    }
    if tiers[PREFERRED as usize] {
        return Requirement::Preferred;
    }
    if tiers[REQUIRED as usize] {
        return Requirement::Required;
    }
    if tiers[STRONG as usize] && section != Some("preferred") {
        return Requirement::Required;
    }
    match section {
        // A posting's education section lists what it asks ("Education & Experience").
        Some("requirements" | "education") => Requirement::Required,
        Some("preferred") => Requirement::Preferred,
        Some(k) if k == "responsibilities" || crate::sections::is_offered(k) => Requirement::Mentioned,
        _ if tiers[WEAK as usize] => Requirement::Required,
        _ => Requirement::Mentioned,
    }
}

/// The level of the mention at byte `at` of a sentence: a preferred cue counts only for its own
/// part of the sentence, so "Solid experience with Ruby, Sidekiq is a plus" asks for Ruby and
/// prefers Sidekiq. The parts are the pieces between `,` `;` `(` `)` and inline bullets (`•`), and a sentence adverb cue
/// ("preferably", "ideally") starts a new piece. A cue that opens the sentence ("Nice to have:
/// Prometheus, Grafana", "Ideally you know Go and Rust", "Also nice: …") covers all of it; a cue alone in its piece
/// ("Rust (a plus)") covers the piece before; a cue after words ("Django is a plus") covers its
/// piece and the bare list items before it ("Kafka, Flink or Spark would be a plus"), up to one
/// holding a cue of its own ("experience with"); a cue at a piece's start ("…, preferably
/// Angular, React or Vue") covers its piece and the bare list items after it. Outside every
/// preferred piece the rest of the sentence is read as by [`level`].
#[cfg(test)]
pub(crate) fn level_at(sentence: &str, at: usize, section: Option<&str>) -> Requirement {
    scope(sentence, section).at(at)
}

/// The levels of a sentence's parts ([`scope`]): read once per sentence and asked for each
/// mention in it (reading the whole sentence again for each mention was quadratic on a huge
/// one).
pub(crate) enum Scope {
    /// One level for the whole sentence.
    Whole(Requirement),
    /// The preferred parts, and the level of the rest.
    Parts {
        preferred: Vec<std::ops::Range<usize>>,
        rest: Requirement,
    },
}

impl Scope {
    /// The level of a mention at byte `at` of the sentence.
    pub(crate) fn at(&self, at: usize) -> Requirement {
        match self {
            Scope::Whole(r) => *r,
            Scope::Parts { preferred, rest } => {
                let i = preferred.partition_point(|p| p.end <= at);
                if preferred.get(i).is_some_and(|p| p.start <= at) {
                    Requirement::Preferred
                } else {
                    *rest
                }
            }
        }
    }
}

/// The level of every byte of `sentence` at once: the level of a mention at `at` is
/// `scope(sentence, section).at(at)`.
pub(crate) fn scope(sentence: &str, section: Option<&str>) -> Scope {
    if let Some(r) = person_spec_mark(sentence) {
        return Scope::Whole(r);
    }
    // A cue's words, without the brackets or colon it may hold ("(bonus)", "plus:").
    let cues: Vec<(std::ops::Range<usize>, u32)> = CUES
        .find_iter(sentence)
        .map(|(r, t)| {
            let cue = &sentence[r.clone()];
            let start = r.start + (cue.len() - cue.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
            let end = r.start + cue.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
            (if start < end { start..end } else { r }, t)
        })
        .collect();
    if !cues.iter().any(|(_, t)| *t == PREFERRED) {
        return Scope::Whole(level(sentence, section));
    }
    // Piece boundaries: separators, and the start of an adverb cue inside a piece.
    let mut cuts: Vec<usize> = sentence
        .char_indices()
        .filter(|(_, c)| is_separator(*c))
        .map(|(i, _)| i)
        .collect();
    // An adverb cue, or a heading in title case inside a line flattened from a page ("…
    // Proficiency in SQL Preferred Qualifications Experience with Spark"): each bears on what
    // follows it.
    let opens =
        |r: &std::ops::Range<usize>| is_adverb(&sentence[r.clone()]) || inline_heading(sentence, r.start);
    cuts.extend(
        cues.iter()
            .filter(|(r, t)| *t == PREFERRED && opens(r))
            .map(|(r, _)| r.start),
    );
    cuts.sort_unstable();
    cuts.dedup();
    // Each piece, and whether a list comma (or an adverb cue) parts it from the piece before:
    // a cue reaches across those only, not out of brackets ("(preferably in pharma) and SQL").
    let mut pieces: Vec<std::ops::Range<usize>> = Vec::new();
    let mut joined: Vec<bool> = Vec::new();
    // Whether a piece opens a bracket: "(optional but valued)" is a note on what comes before.
    let mut bracketed: Vec<bool> = Vec::new();
    // Whether a piece is an item of an inline list (an inline bullet opens it).
    let mut item: Vec<bool> = Vec::new();
    let mut from = 0;
    let mut join = false;
    let mut open = false;
    let mut bullet = false;
    for &c in &cuts {
        // Separators with nothing between them join only if each does: "(ideally 3.10),
        // Terraform" is out of the bracket.
        let fresh = from < c;
        if fresh {
            pieces.push(from..c);
            joined.push(join);
            bracketed.push(open);
            item.push(bullet);
        }
        // A separator is not part of the next piece; an adverb cue is.
        let sep = sentence[c..].chars().next().filter(|ch| is_separator(*ch));
        let this = sep.is_none_or(|ch| ch == ',');
        join = if fresh { this } else { join && this };
        open = sep == Some('(') || !fresh && open;
        bullet = sep.is_some_and(|ch| INLINE_BULLETS.contains(&ch)) || !fresh && bullet;
        from = c + sep.map_or(0, char::len_utf8);
    }
    if from < sentence.len() {
        pieces.push(from..sentence.len());
        joined.push(join);
        bracketed.push(open);
        item.push(bullet);
    }
    // The words of a range, or (`but_fillers`) those that are not fillers: "(a big plus)",
    // ", also a bonus" are a cue alone in their piece. Counted up to two, all that is asked
    // (none, one, more): counting a huge sentence's words for every cue in it was quadratic.
    let count_words = |r: std::ops::Range<usize>, but_fillers: bool| {
        sentence[r]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !(w.is_empty() || but_fillers && FILLERS.iter().any(|f| w.eq_ignore_ascii_case(f))))
            .take(2)
            .count()
    };
    let words = |r: std::ops::Range<usize>| count_words(r, false);
    let lead_words = |r: std::ops::Range<usize>| count_words(r, true);
    let has_cue = |p: &std::ops::Range<usize>| cues.iter().any(|(r, _)| r.start >= p.start && r.end <= p.end);
    let mut preferred = vec![false; pieces.len()];
    for (r, t) in &cues {
        if *t != PREFERRED {
            continue;
        }
        let Some(i) = pieces.iter().position(|p| p.start <= r.start && r.start < p.end) else {
            continue;
        };
        let p = pieces[i].clone();
        let before = words(0..r.start);
        let adverb = opens(r);
        // The lead-in of an inline list ("Candidates who have the following will be preferred:
        // •… •…", "It is an advantage if you have •… •…") covers its items.
        let lead_in = !item[i] && item.get(i + 1).is_some_and(|b| *b);
        if before == 0 || before == 1 && !adverb || lead_in {
            preferred.iter_mut().for_each(|x| *x = true);
        } else if !adverb
            && lead_words(p.start..r.start) == 0
            && (words(r.end.min(p.end)..p.end) == 0 || bracketed[i])
        {
            preferred[i] = true;
            if i > 0 {
                preferred[i - 1] = true;
                // A bracket right before the cue restates what precedes it ("Bachelor of
                // Science in Nursing (BSN) preferred"): the cue bears on both.
                if bracketed[i - 1] && !bracketed[i] && i > 1 && !has_cue(&pieces[i - 2]) {
                    preferred[i - 2] = true;
                }
            }
        } else if lead_words(p.start..r.start) > 0 {
            preferred[i] = true;
            for j in (0..i).rev() {
                if !joined[j + 1] {
                    break;
                }
                // A condition is what the cue bears on, cue or not ("If you have worked
                // with Celery, that is a bonus").
                if is_condition(&sentence[pieces[j].clone()]) {
                    preferred[j] = true;
                    break;
                }
                // A piece with a verdict of its own ("Terraform essential, Python nice to
                // have"): the cue bears on its own piece only.
                if has_cue(&pieces[j]) || ends_essential(&sentence[pieces[j].clone()]) {
                    break;
                }
                preferred[j] = true;
            }
        } else {
            preferred[i] = true;
            for j in i + 1..pieces.len() {
                // A bracket opened right after details what the cue bears on ("ideally Azure
                // (AKS, Functions)"), as a list comma goes on with it.
                if !(joined[j] || bracketed[j]) || has_cue(&pieces[j]) {
                    break;
                }
                preferred[j] = true;
            }
        }
    }
    let rest: String = pieces
        .iter()
        .zip(&preferred)
        .filter(|(_, pref)| !**pref)
        .map(|(p, _)| &sentence[p.clone()])
        .collect::<Vec<_>>()
        .join(", ");
    Scope::Parts {
        // The pieces are in order and apart.
        preferred: pieces
            .into_iter()
            .zip(preferred)
            .filter_map(|(p, pref)| pref.then_some(p))
            .collect(),
        rest: level(&rest, section),
    }
}

/// Inline list bullets: a line flattened from a list ("Qualifications •A degree •Experience with
/// Python •Experience with Ansible is an advantage") holds one item between two of them, and a
/// cue reaches no further than its item.
const INLINE_BULLETS: &[char] = &['•', '◦', '▪', '●', '■', '►', '‣'];

/// Whether `c` parts the pieces of a sentence: `,` `;` `(` `)` and the inline bullets (only a
/// comma joins list items across a part).
fn is_separator(c: char) -> bool {
    matches!(c, ',' | ';' | '(' | ')') || INLINE_BULLETS.contains(&c)
}

/// Words that may stand before a cue in a piece of its own ("(a big plus)", ", also a bonus").
const FILLERS: &[&str] = &[
    "a",
    "an",
    "the",
    "also",
    "is",
    "are",
    "would",
    "will",
    "be",
    "very",
    "really",
    "definitely",
    "considered",
];

/// The asking kind (`requirements`, `preferred` or `education`) of a label that opens a sentence, before its
/// first colon (see [`crate::sections::asking_label_kind`]).
/// A stack label ("Our stack: Go, Kubernetes") is left to the section the caller passes, which
/// knows whether the posting asks elsewhere.
fn label_kind(sentence: &str) -> Option<&'static str> {
    crate::sections::asking_label_kind(&sentence[..sentence.find(':')?]).filter(|k| *k != "stack")
}

/// The level a person specification's mark gives a criterion (`essential_marks` and
/// `desirable_marks` in requirement.toml, as written): the last cell of a table row
/// ("Experience of SQL Server | E |", "Knowledge of Angular⇥⇥D") or a bracket closing the line
/// ("Knowledge of SQL (E)").
fn person_spec_mark(sentence: &str) -> Option<Requirement> {
    let line = sentence.trim_end();
    let mark = if let Some(open) = line.strip_suffix(')').and_then(|l| l.rfind('(')) {
        &line[open + 1..line.len() - 1]
    } else if line.contains(['|', '\t']) {
        let mut cells = line.split(['|', '\t']).map(str::trim).filter(|c| !c.is_empty());
        let last = cells.next_back()?;
        cells.next()?;
        last
    } else {
        return None;
    };
    if DATA.essential_marks.iter().any(|m| m == mark) {
        Some(Requirement::Required)
    } else if DATA.desirable_marks.iter().any(|m| m == mark) {
        Some(Requirement::Preferred)
    } else {
        None
    }
}

/// Whether a piece of a sentence ends in a word of `essential_marks` ("Terraform essential"),
/// a single letter ("E") only in a person specification's own places.
fn ends_essential(piece: &str) -> bool {
    piece
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.len() > 1 && DATA.essential_marks.iter().any(|m| m == w))
}

/// Whether a piece of a sentence is a condition ("if you know Go", "- If you have used Kafka").
fn is_condition(piece: &str) -> bool {
    piece
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| w.eq_ignore_ascii_case("if"))
}

/// Whether a preferred heading in title case starts at `at`, inside a sentence, with a capital
/// word right after it ("… Python Preferred Qualifications Experience with Spark", "… Nice to
/// have Kafka"): two to four words that name a preferred section.
fn inline_heading(sentence: &str, at: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if at == 0 || !capital(&sentence[at..]) {
        return false;
    }
    let words: Vec<&str> = sentence[at..].split_whitespace().take(5).collect();
    (2..words.len()).any(|n| {
        words[1..n]
            .iter()
            .all(|w| capital(w) || DATA.heading_small_words.iter().any(|s| s.eq_ignore_ascii_case(w)))
            && capital(words[n])
            && crate::sections::section_kind(&words[..n].join(" ")) == "preferred"
    })
}

/// Whether a cue is a sentence adverb ("preferably", "ideally"), which bears on what follows it.
fn is_adverb(cue: &str) -> bool {
    !cue.contains(' ') && cue.to_ascii_lowercase().ends_with("ly")
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&DATA);
    LazyLock::force(&CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_small_words_load_in_lower_case() {
        assert!(DATA.heading_small_words.iter().all(|w| *w == w.to_lowercase()));
        assert!(inline_heading("Python Nice to have Kafka", 7));
        assert!(!inline_heading("Python nice to have Kafka", 7));
    }

    /// `(sentence, section, level)`.
    const CASES: &[(&str, Option<&str>, Requirement)] = &[
        // A person specification's marks, as written; a mark among other words is none.
        (
            "Experience of Azure DevOps | | D",
            Some("requirements"),
            Requirement::Preferred,
        ),
        ("Experience of SQL Server | E |", None, Requirement::Required),
        ("Knowledge of Angular\t\tD", None, Requirement::Preferred),
        ("Knowledge of SQL (E)", Some("preferred"), Requirement::Required),
        (
            "Knowledge of SQL (d)",
            Some("requirements"),
            Requirement::Required,
        ),
        (
            "Experience with D | Go",
            Some("preferred"),
            Requirement::Preferred,
        ),
        (
            "kubernetes is a plus",
            Some("requirements"),
            Requirement::Preferred,
        ),
        (
            "you must know go",
            Some("responsibilities"),
            Requirement::Required,
        ),
        ("python", Some("requirements"), Requirement::Required),
        // A posting's education section lists what it asks.
        ("python", Some("education"), Requirement::Required),
        ("python", Some("benefits"), Requirement::Mentioned),
        ("kafka", Some("preferred"), Requirement::Preferred),
        ("experience with kafka", Some("preferred"), Requirement::Preferred),
        ("experience with kafka", None, Requirement::Required),
        (
            "build services in go",
            Some("responsibilities"),
            Requirement::Mentioned,
        ),
        ("we use go", None, Requirement::Mentioned),
        (
            "docker is not required",
            Some("requirements"),
            Requirement::Preferred,
        ),
        ("familiarity with terraform is nice", None, Requirement::Preferred),
        (
            "familiarity with terraform",
            Some("requirements"),
            Requirement::Required,
        ),
        // How much, not whether: the preferred section decides; elsewhere it asks.
        (
            "proficiency in typescript",
            Some("preferred"),
            Requirement::Preferred,
        ),
        (
            "at least 2 years of go",
            Some("preferred"),
            Requirement::Preferred,
        ),
        (
            "proficiency in typescript",
            Some("responsibilities"),
            Requirement::Required,
        ),
        ("strong experience with kafka", None, Requirement::Required),
        (
            "proficiency in typescript is required",
            Some("preferred"),
            Requirement::Required,
        ),
    ];

    /// `(sentence, the mention, its level)`: a preferred cue counts for its part of the sentence.
    const AT: &[(&str, &str, Requirement)] = &[
        // A bracket between the item and its cue restates the item: the cue bears on both.
        (
            "Bachelor of Science in Nursing (BSN) preferred.",
            "Bachelor",
            Requirement::Preferred,
        ),
        (
            "Python, SQL (advanced) preferred",
            "Python",
            Requirement::Required,
        ),
        (
            "Associate degree (required), BSN preferred",
            "Associate",
            Requirement::Required,
        ),
        (
            "solid experience with ruby, sidekiq is a plus",
            "ruby",
            Requirement::Required,
        ),
        (
            "solid experience with ruby, sidekiq is a plus",
            "sidekiq",
            Requirement::Preferred,
        ),
        (
            "experience with javascript and frameworks preferably angular or react",
            "javascript",
            Requirement::Required,
        ),
        (
            "experience with javascript and frameworks preferably angular or react",
            "react",
            Requirement::Preferred,
        ),
        (
            "experience with javascript, preferably angular, react or vue",
            "vue",
            Requirement::Preferred,
        ),
        (
            "experience with python (django preferred)",
            "python",
            Requirement::Required,
        ),
        (
            "experience with python (django preferred)",
            "django",
            Requirement::Preferred,
        ),
        ("python, go, rust (a plus)", "go", Requirement::Required),
        ("python, go, rust (a plus)", "rust", Requirement::Preferred),
        (
            "nice to have: prometheus, grafana",
            "grafana",
            Requirement::Preferred,
        ),
        (
            "ideally you know terraform, helm and docker",
            "docker",
            Requirement::Preferred,
        ),
        (
            "kafka, flink or spark would be a plus",
            "kafka",
            Requirement::Preferred,
        ),
        (
            "if you also know swiftui, that's a bonus",
            "swiftui",
            Requirement::Preferred,
        ),
        ("python is a must, go is a plus", "python", Requirement::Required),
        ("python is a must, go is a plus", "go", Requirement::Preferred),
        ("familiarity with aws preferred", "aws", Requirement::Preferred),
        ("docker, kubernetes", "docker", Requirement::Required),
        (
            "knowledge of methods (preferably in pharma) and sql",
            "sql",
            Requirement::Required,
        ),
        (
            "python (preferably 3.10 or later)",
            "python",
            Requirement::Required,
        ),
        ("go,, ideally, rust", "rust", Requirement::Preferred),
        (
            "if you have worked with celery, that is a bonus",
            "celery",
            Requirement::Preferred,
        ),
        (
            "experience with python, and if you know celery, that is a bonus",
            "python",
            Requirement::Required,
        ),
        // A bracket that opens with a cue is a note on what comes before it.
        (
            "experience with terraform (optional but highly valued)",
            "terraform",
            Requirement::Preferred,
        ),
        (
            "python, terraform (nice to have, not required)",
            "python",
            Requirement::Required,
        ),
        (
            "python, terraform (nice to have, not required)",
            "terraform",
            Requirement::Preferred,
        ),
        (
            "python (ideally 3.10 or later), terraform",
            "terraform",
            Requirement::Required,
        ),
        // A cue in brackets is the same cue alone in its piece.
        ("python, snowflake (bonus)", "snowflake", Requirement::Preferred),
        ("python, snowflake (bonus)", "python", Requirement::Required),
        ("python, dbt (plus), airflow", "airflow", Requirement::Required),
        // Fillers before a cue alone in its piece.
        (
            "experience with rust (a big plus)",
            "rust",
            Requirement::Preferred,
        ),
        (
            "experience with rust, also a bonus",
            "rust",
            Requirement::Preferred,
        ),
        ("python, go (would be a plus)", "go", Requirement::Preferred),
        ("python, go (would be a plus)", "python", Requirement::Required),
        (
            "experience with rust (go is a big plus)",
            "rust",
            Requirement::Required,
        ),
        // Inline bullets part the items of a flattened list.
        (
            "qualifications •experience with python •experience with ansible is an advantage",
            "python",
            Requirement::Required,
        ),
        (
            "qualifications •experience with python •experience with ansible is an advantage",
            "ansible",
            Requirement::Preferred,
        ),
        ("•nice to have: kafka •docker", "docker", Requirement::Preferred),
        (
            "it is an advantage if you have •experience with angular •knowledge of jenkins",
            "jenkins",
            Requirement::Preferred,
        ),
    ];

    #[test]
    fn levels_at() {
        for (s, word, want) in AT {
            let at = s.find(word).expect("the mention is in the sentence");
            assert_eq!(level_at(s, at, Some("requirements")), *want, "{word:?} in {s:?}");
            // Without a preferred cue, the sentence's level.
            assert_eq!(
                level_at("docker, kubernetes", 0, None),
                level("docker, kubernetes", None)
            );
        }
    }

    #[test]
    fn level_at_any_offset() {
        for s in [
            "Kafka – idéalement, Flink (ideally)",
            "(preferably),,; ideally",
            "ideally",
            "Ü, a plus (nice to have) ",
            "•a plus ••ideally• ‣",
        ] {
            for at in 0..=s.len() {
                level_at(s, at, None);
            }
        }
    }

    #[test]
    fn levels() {
        for (s, sec, want) in CASES {
            assert_eq!(level(s, *sec), *want, "{s:?} in {sec:?}");
        }
    }
}
