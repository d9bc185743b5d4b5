//! Technologies a posting names as alternatives, of which it asks for one: "Snowflake or
//! Redshift", "Java, Kotlin or Scala", "Jenkins, GitLab CI or similar". The words are in
//! `lexicons/cues/alternatives.toml`, whose header says what makes a group.
//!
//! Read from the technologies already found and the few bytes between them: no pass over the
//! text of its own.

use std::ops::Range;
use std::sync::LazyLock;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    or_words: Vec<String>,
    tails: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/alternatives").expect("alternatives.toml is checked by the test suite"));

/// The most bytes between two names of one run ("  and/or  ", ", or even ").
const MAX_GAP: usize = 16;

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
    listed(&DATA.or_words, &word).then_some(Join::Or)
}

/// Whether the text right after a run's last name is an "or" word and a tail word ("or
/// similar", ", or equivalent", "or other message brokers").
fn or_tail(after: &str) -> bool {
    let head = &after[..crate::input::floor_char_boundary(after, after.len().min(40))];
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
            .is_some_and(|r| {
                DATA.tails.iter().any(|t| {
                    r.strip_prefix(t.as_str())
                        .is_some_and(|end| !end.starts_with(char::is_alphanumeric))
                })
            })
    })
}

/// The groups of alternatives among `names`: ranges of `text` (by start) with the entries they
/// name. Each group names at least two different entries.
pub(crate) fn find(text: &str, names: &[(Range<usize>, u32)]) -> Vec<Group> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut has_or = false;
    let mut close = |run: &mut Vec<usize>, has_or: bool| {
        // A name on its own (most are) is no group.
        if let (Some(&first), Some(&last)) = (run.first(), run.last())
            && run.len() > 1
            && (has_or || or_tail(&text[names[last].0.end..]))
        {
            let mut distinct: Vec<u32> = run.iter().map(|&i| names[i].1).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() > 1 {
                out.push(Group {
                    span: names[first].0.start..names[last].0.end,
                    members: run.clone(),
                });
            }
        }
        run.clear();
    };
    for i in 0..names.len() {
        let joined = i
            .checked_sub(1)
            .filter(|&p| names[p].0.end <= names[i].0.start)
            .and_then(|p| text.get(names[p].0.end..names[i].0.start))
            .and_then(join);
        match joined {
            Some(j) if !run.is_empty() => {
                has_or |= j == Join::Or;
                run.push(i);
            }
            _ => {
                close(&mut run, has_or);
                has_or = false;
                run.push(i);
            }
        }
    }
    close(&mut run, has_or);
    out
}

/// Builds this module's word lists now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&DATA);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_loads_in_lower_case() {
        for w in DATA.or_words.iter().chain(&DATA.tails) {
            assert_eq!(*w, w.to_lowercase(), "{w:?} is not lower case");
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
        assert_eq!(join(" and "), None);
        assert_eq!(join("/"), None);
        assert_eq!(join(" or\n"), None);
        assert_eq!(join(" (or "), None);
        assert!(or_tail(" or similar"));
        assert!(or_tail(", or equivalent."));
        assert!(or_tail(" or other brokers"));
        assert!(!or_tail(" or similarly"));
        assert!(!or_tail(" and similar"));
        assert!(!or_tail("or similar"));
    }
}
