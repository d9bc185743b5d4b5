//! Lexicon entries as plain data, and the checks that span entries and files.
//!
//! `build.rs` compiles this file (with `file.rs` and `category.rs`) too: it parses the built-in
//! lexicon at build time, so a process starts from ready entries instead of TOML.

use super::category::Category;
use crate::error::Problem;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Text of an entry: borrowed from the built-in lexicon compiled into the binary, owned when
/// read from a user's file. A process starts without copying the built-in lexicon's strings.
pub(crate) type Text = Cow<'static, str>;

/// One technology of the lexicon.
#[derive(Debug, Clone)]
pub struct Entry {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) category: Category,
    pub(crate) forms: Vec<Form>,
    pub(crate) refs: BTreeMap<Text, Text>,
    pub(crate) vendor: Option<Text>,
    /// Boxed: only one entry in seven has rules, and they are large (their compiled sets).
    pub(crate) rules: Option<Box<Rules>>,
    pub(crate) examples: Vec<(Text, usize)>,
    pub(crate) counter_examples: Vec<(Text, usize)>,
    pub(crate) origin: Origin,
}

/// A surface form of an entry: its name or one of its aliases.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub(crate) text: Text,
    /// Matched only with exactly this capitalisation.
    pub(crate) cased: bool,
    /// The entry's context rules apply to this form.
    pub(crate) ruled: bool,
    pub(crate) line: usize,
}

impl Form {
    /// Whether two forms with the same lower-case key are one form: two cased forms that
    /// differ in case are not ("NX" and "Nx").
    pub(crate) fn same_as(&self, other: &Form) -> bool {
        !(self.cased && other.cased && self.text != other.text)
    }
}

/// Context rules of an ambiguous entry (see `lexicons/README.md`).
#[derive(Debug, Clone)]
pub struct Rules {
    /// Lower-case phrases inside which a match never counts.
    pub(crate) never: Vec<Text>,
    /// Lower-case cue words or phrases that confirm a match nearby.
    pub(crate) cues: Vec<Text>,
    /// Whether a match needs confirmation (a nearby technology, a cue or a version).
    pub(crate) confirm: bool,
    /// Whether a technology nearby confirms a match (else only a cue, a version or a
    /// skill-introducing phrase does).
    pub(crate) nearby: bool,
    /// Words either side that count as "nearby".
    pub(crate) window: usize,
    /// `never`, compiled when first needed: every occurrence, overlapping, any case.
    pub(crate) never_set: super::NeverCache,
    /// `cues`, compiled when first needed (payload: index in `cues`).
    pub(crate) cue_set: super::CueCache,
    /// The longest `never` phrase, in bytes.
    pub(crate) never_len: usize,
}

/// What lexicon files hold: entries, ids they switch off, and aliases they add to entries
/// defined elsewhere.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub(crate) entries: Vec<Entry>,
    pub(crate) disabled: Vec<(String, Origin)>,
    pub(crate) extensions: Vec<Extension>,
}

/// `[[extend]]`: forms and examples added to the entry with `id`.
#[derive(Debug, Clone)]
pub(crate) struct Extension {
    pub(crate) id: String,
    pub(crate) forms: Vec<Form>,
    pub(crate) examples: Vec<(Text, usize)>,
    pub(crate) counter_examples: Vec<(Text, usize)>,
    pub(crate) origin: Origin,
}

/// Where an entry was defined.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub(crate) file: Text,
    pub(crate) line: usize,
}

impl Origin {
    pub(crate) fn problem(&self, message: String) -> Problem {
        Problem {
            file: self.file.to_string(),
            line: self.line,
            message,
        }
    }
}

pub(crate) fn check_ids(entries: &[Entry], problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &Entry> = HashMap::new();
    for e in entries {
        if let Some(first) = seen.insert(&e.id, e) {
            problems.push(Problem {
                file: e.origin.file.to_string(),
                line: e.origin.line,
                message: format!(
                    "duplicate id {:?} (first at {}:{})",
                    e.id, first.origin.file, first.origin.line
                ),
            });
        }
    }
}

/// Two entries may share a surface form only when both carry cues to tell them apart; two
/// cased forms that differ in case are different forms.
pub(crate) fn check_aliases(entries: &[Entry], problems: &mut Vec<Problem>) {
    let mut owners: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (ei, e) in entries.iter().enumerate() {
        for (fi, f) in e.forms.iter().enumerate() {
            owners
                .entry(f.text.to_ascii_lowercase())
                .or_default()
                .push((ei, fi));
        }
    }
    let has_cues = |e: &Entry| e.rules.as_ref().is_some_and(|r| !r.cues.is_empty());
    let mut reported = Vec::new();
    for list in owners.values() {
        for (i, &(ea, fa)) in list.iter().enumerate() {
            for &(eb, fb) in &list[..i] {
                let (a, b) = (&entries[ea], &entries[eb]);
                let (x, y) = (&a.forms[fa], &b.forms[fb]);
                if ea == eb || a.id == b.id || !x.same_as(y) {
                    continue;
                }
                if x.ruled && y.ruled && has_cues(a) && has_cues(b) {
                    continue;
                }
                reported.push(Problem {
                    file: a.origin.file.to_string(),
                    line: x.line,
                    message: format!(
                        "alias {:?} of {:?} is also an alias of {:?} ({}:{}); give both entries rules with cues, or keep it in one",
                        x.text, a.id, b.id, b.origin.file, y.line
                    ),
                });
            }
        }
    }
    problems.extend(reported);
}
