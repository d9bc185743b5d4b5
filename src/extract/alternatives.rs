//! Technologies a posting names as alternatives, of which it asks for one: "Snowflake or
//! Redshift", "Java, Kotlin or Scala", "Jenkins, GitLab CI or similar", "AWS/GCP/Azure". The words are in
//! `lexicons/cues/alternatives.toml`, whose header says what makes a group.
//!
//! Read from the technologies already found and the few bytes between them: no pass over the
//! text of its own.

use super::{ends_with_words, first_bytes, last_bytes, starts_with_words};
use crate::lexicon::Category;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    or_words: Vec<String>,
    and_words: Vec<String>,
    tails: Vec<String>,
    leads: Vec<String>,
    slash_categories: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/alternatives").expect("alternatives.toml is checked by the test suite"));

/// The last words of the leads ("of" of "one of").
static LEAD_ENDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut ends: Vec<&'static str> = DATA.leads.iter().filter_map(|l| l.rsplit(' ').next()).collect();
    ends.sort_unstable();
    ends.dedup();
    ends
});

/// The categories whose members, joined by slashes, are a choice ("AWS/GCP/Azure").
static SLASH_CATEGORIES: LazyLock<Vec<Category>> = LazyLock::new(|| {
    DATA.slash_categories
        .iter()
        .filter_map(|c| Category::parse(c))
        .collect()
});

/// The most bytes between two names of one run ("  and/or  ", ", or even ").
const MAX_GAP: usize = 16;

/// The most bytes before a run read for a lead ("at least one of the following: ").
const LEAD_REACH: usize = 48;

/// A group: the range of text from its first name to its last, and the indices (into the
/// names given to [`find`]) of its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) span: Range<usize>,
    pub(crate) members: Vec<usize>,
}

/// How two neighbouring names are joined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Join {
    Comma,
    Or,
    And,
    /// A slash between peers of one kind ("AWS/GCP").
    Slash,
}

/// Whether `w` (lower case) is one of `list`.
fn listed(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// The join in `gap`, the bytes between two names, if they are of one run.
fn join(gap: &str) -> Option<Join> {
    if gap.len() > MAX_GAP || gap.contains('\n') {
        return None;
    }
    let g = gap.trim();
    if g == "," {
        return Some(Join::Comma);
    }
    // A word needs space around it: "Java/or" is no join.
    if !(gap.starts_with([' ', ',']) && gap.ends_with(' ')) {
        return None;
    }
    let word = g.strip_prefix(',').unwrap_or(g).trim().to_lowercase();
    if listed(&DATA.or_words, &word) {
        Some(Join::Or)
    } else {
        listed(&DATA.and_words, &word).then_some(Join::And)
    }
}

/// Whether `gap`, the bytes between two names, is a slash ("/", " / ").
fn is_slash(gap: &str) -> bool {
    gap.len() <= 3 && gap.trim_matches(' ') == "/"
}

/// Whether the text right after a run's last name is an "or" word and a tail word ("or
/// similar", ", or equivalent", "or other message brokers").
fn or_tail(after: &str) -> bool {
    let head = first_bytes(after, 40);
    let rest = head.strip_prefix(',').unwrap_or(head);
    if !rest.starts_with(' ') {
        return false;
    }
    let lower = rest.trim_start().to_lowercase();
    DATA.or_words.iter().any(|or| {
        lower
            .strip_prefix(or.as_str())
            .and_then(|r| r.strip_prefix(' '))
            .map(str::trim_start)
            .is_some_and(|r| DATA.tails.iter().any(|t| starts_with_words(r, t)))
    })
}

/// Whether the text right before a run's first name, on its line, ends with a lead ("one of",
/// "at least one of the following:", "either"), perhaps with one word after it.
fn led(before: &str) -> bool {
    let head = last_bytes(before, LEAD_REACH);
    let head = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    let head = head.trim_end().trim_end_matches([':', '(', '-', '–']).trim_end();
    // Most runs follow no lead: a look at the last two words turns them away before any
    // lower-casing.
    let mut words = head.rsplit(' ');
    let last = |w: Option<&str>| w.is_some_and(|w| LEAD_ENDS.iter().any(|e| e.eq_ignore_ascii_case(w)));
    if !(last(words.next()) || last(words.next())) {
        return false;
    }
    let lower = head.to_lowercase();
    // The lead, or the lead and one word naming what is listed ("one of the following
    // languages:", "einer der folgenden Sprachen:").
    let shorter = lower.rsplit_once(' ').map_or("", |(head, _)| head);
    DATA.leads
        .iter()
        .any(|l| ends_with_words(&lower, l) || ends_with_words(shorter, l))
}

/// The groups of alternatives among `names`: ranges of `text` (by start) with the entries they
/// name, whose categories `category` gives. Each group names at least two different entries.
///
/// A bracket after a name is passed over: its names are a run of their own, and the name
/// after it joins the name before it ("AWS (S3, Lambda) or GCP (BigQuery)" groups AWS and
/// GCP; "Python (3+ years) or Go" groups Python and Go); a bracket that opens with "or"
/// groups its names with the name before it ("AWS (or GCP)").
pub(crate) fn find(
    text: &str,
    names: &[(Range<usize>, u32)],
    category: impl Fn(u32) -> Category,
) -> Vec<Group> {
    let mut out = Vec::new();
    // The names outside brackets, each with the byte where the gap after it starts (past its
    // bracket), and the names of each bracket.
    let mut outer: Vec<(usize, usize)> = Vec::with_capacity(names.len());
    let mut brackets: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut i = 0;
    while i < names.len() {
        let end = names[i].0.end;
        let close = bracket_after(&text[end..]).map(|c| end + c);
        // The names inside the bracket (none: "Python (3+ years)").
        let inside = close.map_or(i + 1, |c| {
            i + 1 + names[i + 1..].iter().take_while(|n| n.0.start < c).count()
        });
        match close {
            Some(c)
                if names[i + 1..inside]
                    .iter()
                    .all(|n| n.0.start > end && n.0.end < c) =>
            {
                outer.push((i, c));
                if inside > i + 1 {
                    // "AWS (or GCP)": the bracket names alternatives to the name before it.
                    let lead = text[end..names[i + 1].0.start]
                        .trim()
                        .trim_start_matches('(')
                        .trim()
                        .to_lowercase();
                    let distinct = names[i..inside].iter().any(|n| n.1 != names[i].1);
                    if listed(&DATA.or_words, &lead) && distinct {
                        out.push(Group {
                            span: names[i].0.start..names[inside - 1].0.end,
                            members: (i..inside).collect(),
                        });
                    } else {
                        brackets.push((i + 1..inside).map(|k| (k, names[k].0.end)).collect());
                    }
                }
                i = inside;
            }
            _ => {
                outer.push((i, end));
                i += 1;
            }
        }
    }
    groups(text, names, &outer, &category, &mut out);
    if !brackets.is_empty() || out.len() > 1 {
        for b in &brackets {
            groups(text, names, b, &category, &mut out);
        }
        out.sort_by_key(|g| g.span.start);
    }
    out
}

/// The length of a bracket that opens `after` (the text right after a name), past a space,
/// up to its ")" on the same line and not far: "(S3, Lambda)", " (3+ years)".
fn bracket_after(after: &str) -> Option<usize> {
    let lead = usize::from(after.starts_with(' '));
    if !after[lead..].starts_with('(') {
        return None;
    }
    let inner = first_bytes(&after[lead + 1..], 120);
    let c = inner.find([')', '(', '\n'])?;
    (inner.as_bytes()[c] == b')').then_some(lead + 1 + c + 1)
}

/// Adds to `out` the groups among `seq`: names (indices into `names`) each with the byte where
/// the gap after it starts, the gap to the next being the bytes from there to that name.
fn groups(
    text: &str,
    names: &[(Range<usize>, u32)],
    seq: &[(usize, usize)],
    category: &impl Fn(u32) -> Category,
    out: &mut Vec<Group>,
) {
    // The bytes between the names at `seq` positions p - 1 and p.
    let gap = |p: usize| {
        p.checked_sub(1)
            .map(|q| seq[q].1)
            .filter(|&from| from <= names[seq[p].0].0.start)
            .and_then(|from| text.get(from..names[seq[p].0].0.start))
    };
    // The chain of slashes that the gap before position p is in, read when the first of them
    // is met: its last position, and whether its names are all of one of the slash categories.
    let mut chain: Option<(usize, bool)> = None;
    let mut slashed = |p: usize| -> bool {
        if let Some((_, peers)) = chain.filter(|&(last, _)| p <= last) {
            return peers;
        }
        let mut last = p;
        while last + 1 < seq.len() && gap(last + 1).is_some_and(is_slash) {
            last += 1;
        }
        let kind = category(names[seq[p - 1].0].1);
        let peers = SLASH_CATEGORIES.contains(&kind)
            && seq[p..=last].iter().all(|&(n, _)| category(names[n].1) == kind);
        chain = Some((last, peers));
        peers
    };
    let mut add = |members: &[usize]| {
        let mut distinct: Vec<u32> = members.iter().map(|&p| names[seq[p].0].1).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if let (Some(&first), Some(&last), true) = (members.first(), members.last(), distinct.len() > 1) {
            out.push(Group {
                span: names[seq[first].0].0.start..names[seq[last].0].0.end,
                members: members.iter().map(|&p| seq[p].0).collect(),
            });
        }
    };
    // A run: positions of names joined by commas and "and"/"or" words; `joins[k]` joins its
    // names k and k + 1.
    let mut run: Vec<usize> = Vec::new();
    let mut joins: Vec<Join> = Vec::new();
    let mut close = |run: &mut Vec<usize>, joins: &mut Vec<Join>| {
        // A name on its own (most are) is no group.
        if run.len() > 1 {
            if led(&text[..names[seq[run[0]].0].0.start]) {
                // "one of Java, Python and Go": all of them.
                add(run);
            } else {
                // Else each part between "and" words: "Python and Django or Flask" groups
                // Django and Flask; a list with commas only, when "or similar" follows it.
                let mut from = 0;
                for k in 0..=joins.len() {
                    if k < joins.len() && joins[k] != Join::And {
                        continue;
                    }
                    let part = &joins[from..k];
                    let last = k == joins.len();
                    if part.contains(&Join::Or)
                        || (last && !part.is_empty() && or_tail(&text[seq[run[k]].1..]))
                    {
                        add(&run[from..=k]);
                    } else {
                        // Else its chains of peers joined by slashes: "AWS/GCP, Docker".
                        let mut s = from;
                        for t in from..=k {
                            if t == k || joins[t] != Join::Slash {
                                if t > s {
                                    add(&run[s..=t]);
                                }
                                s = t + 1;
                            }
                        }
                    }
                    from = k + 1;
                }
            }
        }
        run.clear();
        joins.clear();
    };
    for p in 0..seq.len() {
        let joined = gap(p).and_then(|g| {
            if is_slash(g) {
                slashed(p).then_some(Join::Slash)
            } else {
                join(g)
            }
        });
        match joined {
            Some(j) if !run.is_empty() => {
                joins.push(j);
                run.push(p);
            }
            _ => {
                close(&mut run, &mut joins);
                run.push(p);
            }
        }
    }
    close(&mut run, &mut joins);
}

/// Builds this module's word lists now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&DATA);
    LazyLock::force(&LEAD_ENDS);
    LazyLock::force(&SLASH_CATEGORIES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_loads_in_lower_case() {
        for w in DATA
            .or_words
            .iter()
            .chain(&DATA.and_words)
            .chain(&DATA.tails)
            .chain(&DATA.leads)
        {
            assert_eq!(*w, w.to_lowercase(), "{w:?} is not lower case");
        }
        for c in &DATA.slash_categories {
            assert!(
                Category::parse(c).is_some(),
                "slash_categories: {c:?} is no category"
            );
        }
    }

    #[test]
    fn joins() {
        assert_eq!(join(", "), Some(Join::Comma));
        assert_eq!(join(","), Some(Join::Comma));
        assert_eq!(join(" or "), Some(Join::Or));
        assert_eq!(join(", or "), Some(Join::Or));
        assert_eq!(join(" and/or "), Some(Join::Or));
        assert_eq!(join(" OR "), Some(Join::Or));
        assert_eq!(join(" and "), Some(Join::And));
        assert_eq!(join(" with "), None);
        assert_eq!(join("/"), None);
        assert!(is_slash("/") && is_slash(" / ") && is_slash("/ "));
        assert!(!is_slash("//") && !is_slash(" or ") && !is_slash("  /  "));
        assert_eq!(join(" or\n"), None);
        assert_eq!(join(" (or "), None);
        assert!(or_tail(" or similar"));
        assert!(or_tail(", or equivalent."));
        assert!(or_tail(" or other brokers"));
        assert!(!or_tail(" or similarly"));
        assert!(!or_tail(" and similar"));
        assert!(!or_tail("or similar"));
        assert!(led("Proficiency in at least one of: "));
        assert!(led("Strong skills in one of the following languages ("));
        assert!(led("either "));
        assert!(!led("Experience with "));
        assert!(!led("someone of "));
        assert!(!led("one of our teams.
"));
        assert_eq!(bracket_after(" (S3, Lambda) or GCP"), Some(13));
        assert_eq!(bracket_after("(3+ years)"), Some(10));
        assert_eq!(bracket_after(" (a (b) c)"), None);
        assert_eq!(bracket_after(" (open\n) x"), None);
        assert_eq!(bracket_after("  (two spaces)"), None);
        assert_eq!(bracket_after(" or Go"), None);
    }
}
