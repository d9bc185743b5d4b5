//! The built-in lexicon, embedded at compile time by `build.rs`: the TOML files as text, and
//! their entries already parsed and checked, as static data.

use super::Category;

/// One built-in entry as `build.rs` writes it; [`super::Lexicon::builtin`] turns these into
/// [`super::Entry`] values.
pub(crate) struct StaticEntry {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) category: Category,
    /// `(text, cased, ruled, line)`.
    pub(crate) forms: &'static [(&'static str, bool, bool, usize)],
    pub(crate) refs: &'static [(&'static str, &'static str)],
    pub(crate) vendor: Option<&'static str>,
    pub(crate) rules: Option<StaticRules>,
    pub(crate) examples: &'static [(&'static str, usize)],
    pub(crate) counter_examples: &'static [(&'static str, usize)],
    pub(crate) file: &'static str,
    pub(crate) line: usize,
}

/// The context rules of a [`StaticEntry`].
pub(crate) struct StaticRules {
    pub(crate) never: &'static [&'static str],
    pub(crate) cues: &'static [&'static str],
    pub(crate) confirm: bool,
    pub(crate) nearby: bool,
    pub(crate) window: usize,
}

include!(concat!(env!("OUT_DIR"), "/builtin_lexicons.rs"));
