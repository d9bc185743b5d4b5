//! Large cue patterns built without a literal prefilter.
//!
//! `regex::Regex` looks for literals to scan for before it runs the pattern: on a pattern with
//! long word alternations under `(?i)` (every month name in five languages) that look-up is
//! a third of the build, and a process builds these patterns at start-up.
//! The patterns that run only on lines already picked by a cheap test (a line with a digit)
//! gain nothing from a prefilter, so they are built here without one. Matching is the same:
//! leftmost-first, the same syntax, the same limits as `regex::Regex`.

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use std::ops::Range;

/// A pattern built without a literal prefilter; matches as `regex::Regex` would.
#[derive(Debug, Clone)]
pub(crate) struct LeanRegex(meta::Regex);

/// One match with its groups, in the text it was found in.
#[derive(Debug)]
pub(crate) struct Found<'h> {
    hay: &'h str,
    caps: Captures,
}

/// One group of a [`Found`] match.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl LeanRegex {
    /// Builds `pattern` with `regex::Regex`'s settings but no prefilter.
    pub(crate) fn new(pattern: &str) -> Result<LeanRegex, Box<meta::BuildError>> {
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .auto_prefilter(false);
        meta::Regex::builder()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map(LeanRegex)
            .map_err(Box::new)
    }

    /// The first match in `hay`, with its groups.
    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Found<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(hay, &mut caps);
        caps.is_match().then_some(Found { hay, caps })
    }

    /// Every non-overlapping match in `hay`, left to right, with its groups.
    pub(crate) fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Found<'h>> + 'r
    where
        'h: 'r,
    {
        self.0.captures_iter(hay).map(move |caps| Found { hay, caps })
    }
}

impl<'h> Found<'h> {
    /// The whole match.
    pub(crate) fn all(&self) -> Group<'h> {
        self.get(0).expect("a match has group 0")
    }

    /// Group `index`, when it took part in the match.
    pub(crate) fn get(&self, index: usize) -> Option<Group<'h>> {
        self.caps.get_group(index).map(|s| Group {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }

    /// The text of the group called `name` (empty when it took no part in the match).
    pub(crate) fn text(&self, name: &str) -> &'h str {
        self.name(name).map_or("", |g| g.as_str())
    }

    /// The group called `name`, when it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Group<'h>> {
        self.caps.get_group_by_name(name).map(|s| Group {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }
}

impl<'h> Group<'h> {
    /// The text matched.
    pub(crate) fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }

    /// Where it starts in the text searched.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where it ends in the text searched.
    pub(crate) fn end(&self) -> usize {
        self.end
    }

    /// Its range in the text searched.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lean pattern finds what `regex::Regex` finds, groups included, on a pattern with
    /// alternations, optional groups, case folding and non-ASCII text.
    #[test]
    fn matches_like_regex() {
        let pattern = r"(?i)(?P<mon>jan|janv|février|march)\.?\s*(?P<year>(?:19|20)[0-9]{2})(?:\s*[-–]\s*(?P<end>present|(?:19|20)[0-9]{2}))?";
        let lean = LeanRegex::new(pattern).unwrap();
        let full = regex::Regex::new(pattern).unwrap();
        for hay in [
            "Jan 2019 – Present, then FÉVRIER 2020-2021",
            "janv. 2018 and march2017 - 2019",
            "nothing here 2019",
            "",
            "Éte 2019 — März 2020",
        ] {
            let a: Vec<_> = lean
                .captures_iter(hay)
                .map(|c| {
                    let g = |n| c.name(n).map(|g| (g.range(), g.as_str().to_string()));
                    (c.all().range(), g("mon"), g("year"), g("end"))
                })
                .collect();
            let b: Vec<_> = full
                .captures_iter(hay)
                .map(|c| {
                    let g = |n| c.name(n).map(|g| (g.range(), g.as_str().to_string()));
                    (c.get(0).unwrap().range(), g("mon"), g("year"), g("end"))
                })
                .collect();
            assert_eq!(a, b, "{hay}");
            assert_eq!(
                lean.captures(hay).map(|c| c.all().range()),
                full.find(hay).map(|m| m.range()),
                "{hay}"
            );
        }
        assert!(lean.captures_iter("Jan 2019").next().is_some());
        assert!(lean.captures("no date").is_none());
    }
}
