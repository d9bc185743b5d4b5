//! Résumé or job posting: cue phrases from `lexicons/cues/kind.toml`, dated positions and
//! contacts near the top. Each cue phrase counts once however often it recurs: a résumé's
//! project tables repeat "Responsibilities" and its page headers repeat "Resume", and that
//! repetition is layout, not more evidence.

use super::positions::{Found, YearMonth};
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    resume: Vec<String>,
    posting: Vec<String>,
    hiring_mailboxes: Vec<String>,
}

/// Every cue phrase, its payload the phrase's number: the résumé phrases come first.
struct Cues {
    set: PhraseSet,
    /// How many phrases are résumé cues (payloads below this).
    resume: usize,
    /// How many phrases in all.
    len: usize,
    /// Lower-case local parts of an employer's hiring addresses.
    hiring_mailboxes: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let f: File = cue_file!("cues/kind").expect("kind.toml is checked by the test suite");
    let phrases = f.resume.iter().chain(&f.posting);
    let set = PhraseSet::new(phrases.enumerate().map(|(i, p)| (p.as_str(), i as u32)));
    Cues {
        set,
        resume: f.resume.len(),
        len: f.resume.len() + f.posting.len(),
        hiring_mailboxes: f.hiring_mailboxes,
    }
});

/// Whether an e-mail address is an employer's hiring mailbox ("jobs@acme.example",
/// "talent-acquisition@…", "Careers.DE@…"): its local part, or that part's first word, is one
/// of `hiring_mailboxes` in any ASCII case. A posting gives such an address; a résumé gives
/// its owner's.
pub(crate) fn is_hiring_mailbox(address: &str) -> bool {
    let Some((local, _)) = address.split_once('@') else {
        return false;
    };
    let first = local.split(['.', '-', '_', '+']).next().unwrap_or(local);
    CUES.hiring_mailboxes
        .iter()
        .any(|m| m.eq_ignore_ascii_case(local) || m.eq_ignore_ascii_case(first))
}

/// How many dated positions count towards a résumé, at most: a posting may name a few past
/// dates too ("founded in 2009", "2019 – 2021 award"), so more of them add nothing.
const POSITIONS_COUNTED: usize = 3;

/// A text's cue phrases, each counted once: how many are a résumé's and how many a posting's.
pub(crate) struct Tally {
    resume: usize,
    posting: usize,
}

impl Tally {
    /// Counts the cue phrases of `text`.
    pub(crate) fn of(text: &str) -> Tally {
        let mut seen = vec![false; CUES.len];
        let mut tally = Tally {
            resume: 0,
            posting: 0,
        };
        for (r, p) in CUES.set.find_iter(text) {
            // A cue hyphenated onto the next word is part of a compound, here often a name:
            // "Objective-C" is no résumé's objective.
            let b = text.as_bytes();
            if b.get(r.end) == Some(&b'-') && b.get(r.end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            let p = p as usize;
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            if p < CUES.resume {
                tally.resume += 1;
            } else {
                tally.posting += 1;
            }
        }
        tally
    }

    /// Counts one more cue of a posting's (an employer's hiring mailbox, say), once.
    pub(crate) fn add_posting_cue(&mut self) {
        self.posting += 1;
    }

    /// Whether the text reads as a résumé, given how many dated positions it has and whether
    /// a contact stands in its first lines.
    pub(crate) fn is_resume(&self, positions: usize, contact_at_top: bool) -> bool {
        self.resume + 2 * positions.min(POSITIONS_COUNTED) + 2 * usize::from(contact_at_top) > self.posting
    }

    /// Whether some number of dated positions would make the text read as a résumé. When not,
    /// it is a posting whatever its dates, and they need not be looked for: on a posting that
    /// saves reading its work history, the costliest extractor of all.
    pub(crate) fn could_be_resume(&self, contact_at_top: bool) -> bool {
        self.is_resume(POSITIONS_COUNTED, contact_at_top)
    }
}

/// How many of `found` count as a résumé's dated positions: not one that starts after `as_of`'s
/// year (a résumé tells work done; a posting's term is still to come: "Primary Teacher - Fixed
/// Term (Term 1-4, 2027)"), nor one starting in that year on the text's first line (a résumé
/// opens with its owner's name; a posting's title may carry the term it offers).
pub(crate) fn counted_positions(text: &str, found: &[Found], as_of: YearMonth) -> usize {
    let first_end = super::title::line_ranges(text).next().map_or(0, |r| r.end);
    found
        .iter()
        .filter(|p| {
            let Some(start) = p.start else {
                return true;
            };
            // A month after `as_of`'s in its year is to come too ("Closing date: 12/15/2026").
            let later_month = matches!((start.month, as_of.month), (Some(m), Some(now)) if m > now);
            start.year < as_of.year
                || (start.year == as_of.year && !later_month && p.dates.start >= first_end)
        })
        .count()
}

/// Whether `text` reads as a résumé, given how many dated positions it has and whether a
/// contact stands in its first lines.
#[cfg(test)]
fn is_resume(text: &str, positions: usize, contact_at_top: bool) -> bool {
    Tally::of(text).is_resume(positions, contact_at_top)
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_decide() {
        assert!(is_resume("Jane Doe\nWork Experience\nAcme, Engineer", 1, true));
        assert!(!is_resume(
            "We are looking for an engineer. Responsibilities: you will build.",
            0,
            false
        ));
        assert!(!is_resume("", 0, false));
    }

    #[test]
    fn positions_count_up_to_a_bound() {
        // Two posting cues against none: one dated position ties, two tip it.
        let tally = Tally {
            resume: 0,
            posting: 2,
        };
        assert!(!tally.is_resume(1, false));
        assert!(tally.is_resume(2, false));
        assert!(tally.could_be_resume(false));
        // Seven: three positions and a contact at the top make eight, any more count no more.
        let tally = Tally {
            resume: 0,
            posting: 7,
        };
        assert!(tally.could_be_resume(true));
        assert!(!tally.could_be_resume(false));
        assert!(!tally.is_resume(100, false));
        // Eight: no number of positions makes a résumé, and `could_be_resume` says so.
        let tally = Tally {
            resume: 0,
            posting: 8,
        };
        assert!(!tally.could_be_resume(true));
        assert!(!tally.is_resume(100, true));
    }

    #[test]
    fn positions_in_the_title_or_to_come_do_not_count() {
        let at = |dates: std::ops::Range<usize>, year: i32| Found {
            title: None,
            company: None,
            start: Some(YearMonth { year, month: None }),
            end: None,
            current: false,
            months: None,
            dates: dates.clone(),
            span: dates,
            internship: false,
        };
        let as_of = YearMonth {
            year: 2026,
            month: Some(11),
        };
        let text = "Primary Teacher - Fixed Term (Term 1-4, 2027)\nSchool\nTeacher 2019 - 2023\n";
        // To come, or starting this year on the first line: none counts.
        assert_eq!(counted_positions(text, &[at(40..44, 2027)], as_of), 0);
        assert_eq!(counted_positions(text, &[at(62..73, 2027)], as_of), 0);
        assert_eq!(counted_positions(text, &[at(40..44, 2026)], as_of), 0);
        // Past, or this year below the first line: it counts (a one-line résumé's "B.E, 2016").
        assert_eq!(counted_positions(text, &[at(40..44, 2019)], as_of), 1);
        assert_eq!(counted_positions(text, &[at(62..73, 2019)], as_of), 1);
        assert_eq!(counted_positions(text, &[at(62..73, 2026)], as_of), 1);
        // This year below the first line, but in a month still to come: it does not count
        // ("Closing date: 12/15/2026"); an earlier month does.
        let in_month = |month: u8| Found {
            start: Some(YearMonth {
                year: 2026,
                month: Some(month),
            }),
            ..at(62..73, 2026)
        };
        assert_eq!(counted_positions(text, &[in_month(12)], as_of), 0);
        assert_eq!(counted_positions(text, &[in_month(11)], as_of), 1);
        assert_eq!(counted_positions(text, &[in_month(3)], as_of), 1);
    }

    #[test]
    fn each_cue_counts_once() {
        let once = Tally::of("Responsibilities: build.");
        let twice = Tally::of("Responsibilities: build. Responsibilities: run.");
        assert_eq!((once.resume, once.posting), (twice.resume, twice.posting));
        assert!(once.posting >= 1);
        // "Objective-C" is no résumé's objective.
        assert_eq!(Tally::of("Objective-C").resume, 0);
        assert_eq!(Tally::of("Objective: to lead").resume, 1);
    }
}
