//! The lexicon: technologies with their aliases, categories and context rules.
//!
//! Entries live in TOML files (format in `lexicons/README.md`). The built-in files are compiled
//! into the crate, already parsed and checked by `build.rs` (which runs this module's own
//! parser), so [`Lexicon::builtin`] only copies them out. User files add entries or override
//! built-in ones by id. A lexicon is sound or refused as a whole: [`Lexicon::load`] reports every
//! problem with `file:line`.

mod builtin;
mod category;
mod entries;
mod file;

pub use category::Category;
pub use entries::{Entry, Rules};

use entries::{Extension, Form, Origin, Parsed, Text, check_aliases, check_ids};

/// `Rules::never`, compiled when first needed: every occurrence, overlapping, any case.
pub(crate) type NeverCache = OnceLock<Option<aho_corasick::AhoCorasick>>;
/// `Rules::cues`, compiled when first needed (payload: index in `cues`).
pub(crate) type CueCache = OnceLock<Option<crate::phrases::PhraseSet>>;

use crate::error::{Error, Problem};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

/// The English plural of a cue's last word ("front end" → "front ends", "front-end" →
/// "front-ends", "library" → "libraries"), or `None` where it has none to add: a word of fewer
/// than three letters, one that ends in a sibilant or is not a plain lower-case word.
fn plural(cue: &str) -> Option<String> {
    let last = cue.rsplit([' ', '-']).next()?;
    let b = last.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| last.ends_with(e)) {
        return None;
    }
    let before_y = b[b.len() - 2];
    Some(if last.ends_with('y') && !b"aeiou".contains(&before_y) {
        format!("{}ies", &cue[..cue.len() - 1])
    } else {
        format!("{cue}s")
    })
}

/// Most entries a lexicon may hold, built-in and user entries together.
pub const MAX_ENTRIES: usize = 200_000;

/// A set of technology entries, checked and ready to compile into a matcher.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Ids this lexicon switches off in the lexicon it is merged into.
    disabled: Vec<(String, Origin)>,
    /// Forms this lexicon adds to entries of the lexicon it is merged into.
    extensions: Vec<Extension>,
}

impl Rules {
    /// The compiled `never` phrases.
    pub(crate) fn never_set(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.never_set
            .get_or_init(|| {
                (!self.never.is_empty()).then(|| {
                    aho_corasick::AhoCorasickBuilder::new()
                        .ascii_case_insensitive(true)
                        .build(self.never.iter().map(|n| n.as_bytes()))
                        .expect("never phrases are bounded in number and length")
                })
            })
            .as_ref()
    }

    /// The compiled cues.
    pub(crate) fn cue_set(&self) -> Option<&crate::phrases::PhraseSet> {
        self.cue_set
            .get_or_init(|| {
                (!self.cues.is_empty()).then(|| {
                    // A cue stands for its plural too ("front end": "our React front ends").
                    let plurals: Vec<(String, u32)> = self
                        .cues
                        .iter()
                        .enumerate()
                        .filter_map(|(i, c)| Some((plural(c)?, i as u32)))
                        .filter(|(p, _)| !self.cues.iter().any(|c| c == p))
                        .collect();
                    crate::phrases::PhraseSet::new(
                        self.cues
                            .iter()
                            .enumerate()
                            .map(|(i, c)| (&**c, i as u32))
                            .chain(plurals.iter().map(|(p, i)| (p.as_str(), *i))),
                    )
                })
            })
            .as_ref()
    }

    /// Lower-case phrases inside which a match never counts.
    pub fn never(&self) -> &[Cow<'static, str>] {
        &self.never
    }
    /// Lower-case cue words or phrases that confirm a match nearby.
    pub fn cues(&self) -> &[Cow<'static, str>] {
        &self.cues
    }
    /// Whether a match needs confirmation.
    pub fn confirm(&self) -> bool {
        self.confirm
    }
    /// Whether a technology nearby confirms a match (`nearby = false`: only a cue, a version or
    /// a skill-introducing phrase does).
    pub fn nearby(&self) -> bool {
        self.nearby
    }
    /// Words either side that count as nearby.
    pub fn window(&self) -> usize {
        self.window
    }
}

impl Entry {
    /// The stable id, e.g. `kubernetes`.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The display name, e.g. `Kubernetes`.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The category.
    pub fn category(&self) -> Category {
        self.category
    }
    /// Every surface form matched: the name (unless only cased forms are) and the aliases.
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|f| &*f.text)
    }
    /// Cross-references to the sources (`onet`, `esco`, `stackoverflow`, `linguist`, …).
    pub fn refs(&self) -> &BTreeMap<Cow<'static, str>, Cow<'static, str>> {
        &self.refs
    }
    /// The vendor, for products and certifications that have one (e.g. `Amazon Web Services`).
    pub fn vendor(&self) -> Option<&str> {
        self.vendor.as_deref()
    }
    /// Every surface form with whether it is cased and whether the rules apply to it.
    pub fn forms(&self) -> impl Iterator<Item = (&str, bool, bool)> {
        self.forms.iter().map(|f| (&*f.text, f.cased, f.ruled))
    }
    /// The context rules, for ambiguous entries.
    pub fn rules(&self) -> Option<&Rules> {
        self.rules.as_deref()
    }
    /// Whether the entry carries context rules.
    pub fn is_ambiguous(&self) -> bool {
        self.rules.is_some()
    }
    /// Example texts that must tag this entry, with their lines.
    pub fn examples(&self) -> impl Iterator<Item = (&str, usize)> {
        self.examples.iter().map(|(s, l)| (&**s, *l))
    }
    /// Example texts that must not tag this entry, with their lines.
    pub fn counter_examples(&self) -> impl Iterator<Item = (&str, usize)> {
        self.counter_examples.iter().map(|(s, l)| (&**s, *l))
    }
    /// The file and line the entry comes from.
    pub fn origin(&self) -> (&str, usize) {
        (&self.origin.file, self.origin.line)
    }
}

/// The matcher's index of the built-in lexicon's forms, built by `build.rs` (`None` when a
/// built-in file had a problem at build time).
pub(crate) fn builtin_index() -> Option<crate::matcher_index::Index> {
    builtin::INDEX.clone()
}

static BUILTIN: LazyLock<Result<Lexicon, Error>> = LazyLock::new(|| match &builtin::ENTRIES {
    Some(tables) => Ok(Lexicon {
        entries: tables
            .entries
            .iter()
            .map(|e| Entry::from_static(tables, e))
            .collect(),
        disabled: Vec::new(),
        extensions: Vec::new(),
    }),
    None => Lexicon::builtin_from_text(),
});

impl Entry {
    /// An entry parsed and checked by `build.rs`, its strings borrowed from `t`.
    fn from_static(t: &builtin::Tables, e: &builtin::StaticEntry) -> Entry {
        let s = |s: builtin::S| -> Text { Cow::Borrowed(t.str(s)) };
        let lines =
            |l: builtin::L| -> Vec<(Text, usize)> { l.of(t.lines).iter().map(|&(x, n)| (s(x), n)).collect() };
        let words = |l: builtin::L| -> Vec<Text> { l.of(t.words).iter().map(|&w| s(w)).collect() };
        Entry {
            id: s(e.id),
            name: s(e.name),
            category: e.category,
            forms: e
                .forms
                .of(t.forms)
                .iter()
                .map(|f| Form {
                    text: s(f.text),
                    cased: f.cased,
                    ruled: f.ruled,
                    line: f.line,
                })
                .collect(),
            refs: e.refs.of(t.refs).iter().map(|&(k, v)| (s(k), s(v))).collect(),
            vendor: e.vendor.map(s),
            rules: e
                .rules
                .as_ref()
                .map(|r| Rules {
                    never: words(r.never),
                    cues: words(r.cues),
                    confirm: r.confirm,
                    nearby: r.nearby,
                    window: r.window,
                    never_set: Default::default(),
                    cue_set: Default::default(),
                    never_len: r
                        .never
                        .of(t.words)
                        .iter()
                        .map(|w| w.1 as usize)
                        .max()
                        .unwrap_or(0),
                })
                .map(Box::new),
            examples: lines(e.examples),
            counter_examples: lines(e.counter_examples),
            origin: Origin {
                file: s(e.file),
                line: e.line,
            },
        }
    }
}

impl Lexicon {
    /// The built-in lexicon, parsed once per process.
    ///
    /// # Panics
    /// Never in a released build: a test loads every built-in file (see [`Lexicon::try_builtin`]).
    pub fn builtin() -> &'static Lexicon {
        Lexicon::try_builtin().expect("the built-in lexicon is checked by the test suite")
    }

    /// The built-in lexicon, or the problems that keep it from loading (only possible while
    /// its files are being edited).
    pub fn try_builtin() -> Result<&'static Lexicon, &'static Error> {
        BUILTIN.as_ref()
    }

    /// The built-in lexicon parsed from its TOML text at run time, as a user file would be.
    /// [`Lexicon::builtin`] uses the entries `build.rs` parsed instead, and falls back to this
    /// only when a built-in file has a problem (so that it is reported with `file:line`).
    pub fn builtin_from_text() -> Result<Lexicon, Error> {
        Lexicon::from_sources(
            builtin::FILES
                .iter()
                .map(|(name, src)| (format!("<built-in>/{name}"), *src)),
        )
    }

    /// Parses and checks lexicon sources given as `(file name, TOML text)` pairs.
    ///
    /// ```
    /// let lex = jdtag::lexicon::Lexicon::from_sources([(
    ///     "mine.toml".to_string(),
    ///     "[[tech]]\nid = \"acme-db\"\nname = \"AcmeDB\"\ncategory = \"database\"\n",
    /// )])
    /// .unwrap();
    /// assert_eq!(lex.entries().next().unwrap().id(), "acme-db");
    ///
    /// let err = jdtag::lexicon::Lexicon::from_sources([(
    ///     "bad.toml".to_string(),
    ///     "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"gadget\"\n",
    /// )])
    /// .unwrap_err();
    /// assert!(err.to_string().starts_with("bad.toml:4: unknown category"));
    /// ```
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = (String, &'a str)>) -> Result<Lexicon, Error> {
        let mut parsed = Parsed::default();
        let mut problems = Vec::new();
        for (name, src) in sources {
            file::parse(&name, src, &mut parsed, &mut problems);
        }
        let Parsed {
            entries,
            disabled,
            extensions,
        } = parsed;
        check_ids(&entries, &mut problems);
        check_aliases(&entries, &mut problems);
        if entries.len() > MAX_ENTRIES {
            problems.push(Problem {
                file: "<lexicon>".into(),
                line: 1,
                message: format!("{} entries; the limit is {MAX_ENTRIES}", entries.len()),
            });
        }
        if problems.is_empty() {
            Ok(Lexicon {
                entries,
                disabled,
                extensions,
            })
        } else {
            Err(Error::lexicon(problems))
        }
    }

    /// A lexicon with no entries.
    pub fn empty() -> Lexicon {
        Lexicon {
            entries: Vec::new(),
            disabled: Vec::new(),
            extensions: Vec::new(),
        }
    }

    /// Loads a lexicon file, or every `*.toml` file of a folder (sorted by name, not recursive).
    pub fn load(path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let files = toml_files(path)?;
        let mut texts = Vec::new();
        for f in &files {
            let bytes = std::fs::read(f).map_err(|e| Error::io(f, &e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::lexicon(vec![Problem {
                    file: f.display().to_string(),
                    line: 1,
                    message: format!("not UTF-8 (bad byte at offset {})", e.utf8_error().valid_up_to()),
                }])
            })?;
            texts.push((f.display().to_string(), text));
        }
        Lexicon::from_sources(texts.iter().map(|(n, t)| (n.clone(), t.as_str())))
    }

    /// This lexicon with `user`'s entries added: an entry with a known id replaces the old
    /// one; an alias that an old entry also has moves to the user's entry; `disabled = true`
    /// entries switch an id off; `[[extend]]` tables add forms to an entry by id.
    pub fn merged(&self, user: &Lexicon) -> Result<Lexicon, Error> {
        let mut problems = Vec::new();
        let user_ids: HashSet<&str> = user.entries.iter().map(|e| &*e.id).collect();
        let off: HashSet<&str> = user.disabled.iter().map(|(id, _)| id.as_str()).collect();
        for (id, origin) in &user.disabled {
            if !self.entries.iter().chain(&user.entries).any(|e| e.id == *id) {
                problems.push(origin.problem(format!("disables {id:?}, which no entry has")));
            }
        }
        // A user form takes the built-in forms that are the same form (`Form::same_as`, as
        // `check_aliases` reads them): "NX" (Siemens) leaves "Nx" (Nrwl) where it is.
        let user_forms: HashMap<String, Vec<&Form>> = user
            .entries
            .iter()
            .flat_map(|e| &e.forms)
            .chain(user.extensions.iter().flat_map(|x| &x.forms))
            .fold(HashMap::new(), |mut m, f| {
                m.entry(f.text.to_ascii_lowercase()).or_default().push(f);
                m
            });
        let taken = |f: &Form| {
            user_forms
                .get(&f.text.to_ascii_lowercase())
                .is_some_and(|us| us.iter().any(|u| u.same_as(f)))
        };
        let mut entries: Vec<Entry> = Vec::with_capacity(self.entries.len() + user.entries.len());
        for e in self.entries.iter().filter(|e| !user_ids.contains(&*e.id)) {
            let mut e = e.clone();
            e.forms.retain(|f| !taken(f));
            entries.push(e);
        }
        entries.extend(user.entries.iter().cloned());
        entries.retain(|e| !off.contains(&*e.id));
        for x in &user.extensions {
            match entries.iter_mut().find(|e| e.id == x.id) {
                Some(e) => {
                    for f in &x.forms {
                        if !e
                            .forms
                            .iter()
                            .any(|g| g.text.eq_ignore_ascii_case(&f.text) && g.cased == f.cased)
                        {
                            e.forms.push(f.clone());
                        }
                    }
                    e.examples.extend(x.examples.iter().cloned());
                    e.counter_examples.extend(x.counter_examples.iter().cloned());
                }
                None => problems.push(
                    x.origin
                        .problem(format!("extends {:?}, which no entry has", x.id)),
                ),
            }
        }
        check_aliases(&entries, &mut problems);
        if !problems.is_empty() {
            return Err(Error::lexicon(problems));
        }
        Ok(Lexicon {
            entries,
            disabled: Vec::new(),
            extensions: Vec::new(),
        })
    }

    /// This lexicon with only the entries of `categories`.
    pub fn only_categories(&self, categories: &[Category]) -> Lexicon {
        Lexicon {
            entries: self
                .entries
                .iter()
                .filter(|e| categories.contains(&e.category))
                .cloned()
                .collect(),
            disabled: self.disabled.clone(),
            extensions: self.extensions.clone(),
        }
    }

    /// The entries, in file order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> {
        self.entries.iter()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
}

fn toml_files(path: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for item in std::fs::read_dir(path).map_err(|e| Error::io(path, &e))? {
        let item = item.map_err(|e| Error::io(path, &e))?;
        let p = item.path();
        if p.extension().is_some_and(|x| x == "toml") && p.is_file() {
            files.push(p);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::lexicon(vec![Problem {
            file: path.display().to_string(),
            line: 1,
            message: "folder holds no .toml lexicon files".into(),
        }]));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn cue_plurals() {
        let rows = [
            ("front end", Some("front ends")),
            ("front-end", Some("front-ends")),
            ("library", Some("libraries")),
            ("gateway", Some("gateways")),
            ("physician", Some("physicians")),
            ("state management", Some("state managements")),
            // Nothing to add: a sibilant end, a short word, a sign or a capital in the word.
            ("analysis", None),
            ("box", None),
            ("switch", None),
            ("ui", None),
            ("next.js", None),
            ("c++", None),
            ("iOS", None),
        ];
        for (cue, want) in rows {
            assert_eq!(plural(cue).as_deref(), want, "{cue}");
        }
    }
}
