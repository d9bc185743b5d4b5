//! The built-in lexicon, embedded at compile time by `build.rs`: the TOML files as text, and
//! their entries already parsed and checked, as static data.
//!
//! The entries are tables of numbers: every string sits in one text and is named by its offset
//! and length ([`S`]), every list in one table per kind and is named the same way ([`L`]). A
//! table of `&'static str` would cost the loader of a position-independent executable one
//! relocation per string (about 120,000, on 3 MB of pages) before `main` even starts.

use super::Category;
#[allow(unused_imports)] // Used by the generated index, which is `None` when a file has a problem.
use crate::matcher_index::{Index, group, owner, slot};
#[allow(unused_imports)]
use std::borrow::Cow;

/// A string: `(offset, length)` in [`Tables::text`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct S(pub(crate) u32, pub(crate) u32);

/// A list: `(first row, rows)` in one of the [`Tables`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct L(pub(crate) u32, pub(crate) u32);

/// Every built-in entry, with the text and the lists its fields point into.
pub(crate) struct Tables {
    pub(crate) text: &'static str,
    pub(crate) forms: &'static [StaticForm],
    /// `(key, value)` cross-references.
    pub(crate) refs: &'static [(S, S)],
    /// Example and counter-example texts with their lines.
    pub(crate) lines: &'static [(S, usize)],
    /// Never phrases and cue words.
    pub(crate) words: &'static [S],
    pub(crate) entries: &'static [StaticEntry],
}

impl Tables {
    /// The string `s` names.
    pub(crate) fn str(&self, s: S) -> &'static str {
        let text: &'static str = self.text;
        &text[s.0 as usize..(s.0 + s.1) as usize]
    }
}

impl L {
    /// The rows of `table` this list names.
    pub(crate) fn of<T>(self, table: &[T]) -> &[T] {
        &table[self.0 as usize..(self.0 + self.1) as usize]
    }
}

/// A surface form of a [`StaticEntry`].
pub(crate) struct StaticForm {
    pub(crate) text: S,
    pub(crate) cased: bool,
    pub(crate) ruled: bool,
    pub(crate) line: usize,
}

/// One built-in entry as `build.rs` writes it; [`super::Lexicon::builtin`] turns these into
/// [`super::Entry`] values.
pub(crate) struct StaticEntry {
    pub(crate) id: S,
    pub(crate) name: S,
    pub(crate) category: Category,
    /// Rows of [`Tables::forms`].
    pub(crate) forms: L,
    /// Rows of [`Tables::refs`].
    pub(crate) refs: L,
    pub(crate) vendor: Option<S>,
    pub(crate) rules: Option<StaticRules>,
    /// Rows of [`Tables::lines`].
    pub(crate) examples: L,
    /// Rows of [`Tables::lines`].
    pub(crate) counter_examples: L,
    pub(crate) file: S,
    pub(crate) line: usize,
}

/// The context rules of a [`StaticEntry`]; both lists are rows of [`Tables::words`].
pub(crate) struct StaticRules {
    pub(crate) never: L,
    pub(crate) cues: L,
    pub(crate) confirm: bool,
    pub(crate) nearby: bool,
    pub(crate) window: usize,
}

include!(concat!(env!("OUT_DIR"), "/builtin_lexicons.rs"));
