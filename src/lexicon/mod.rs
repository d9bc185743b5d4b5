//! The lexicon: technologies with their aliases, categories and context rules.
//!
//! Entries live in TOML files (format in `lexicons/README.md`). The built-in files are compiled
//! into the crate; [`Lexicon::builtin`] parses them once. User files add entries or override
//! built-in ones by id. A lexicon is sound or refused as a whole: [`Lexicon::load`] reports every
//! problem with `file:line`.

mod builtin;
mod category;
mod file;

pub use category::Category;

use crate::error::{Error, Problem};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

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

/// One technology of the lexicon.
#[derive(Debug, Clone)]
pub struct Entry {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) category: Category,
    pub(crate) forms: Vec<Form>,
    pub(crate) refs: BTreeMap<String, String>,
    pub(crate) vendor: Option<String>,
    pub(crate) rules: Option<Rules>,
    pub(crate) examples: Vec<(String, usize)>,
    pub(crate) counter_examples: Vec<(String, usize)>,
    pub(crate) origin: Origin,
}

/// A surface form of an entry: its name or one of its aliases.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub(crate) text: String,
    /// Matched only with exactly this capitalisation.
    pub(crate) cased: bool,
    /// The entry's context rules apply to this form.
    pub(crate) ruled: bool,
    pub(crate) line: usize,
}

/// Context rules of an ambiguous entry (see `lexicons/README.md`).
#[derive(Debug, Clone)]
pub struct Rules {
    /// Lower-case phrases inside which a match never counts.
    pub(crate) never: Vec<String>,
    /// Lower-case cue words or phrases that confirm a match nearby.
    pub(crate) cues: Vec<String>,
    /// Whether a match needs confirmation (a nearby technology, a cue or a version).
    pub(crate) confirm: bool,
    /// Words either side that count as "nearby".
    pub(crate) window: usize,
    /// `never`, compiled when first needed: every occurrence, overlapping, any case.
    pub(crate) never_set: OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// `cues`, compiled when first needed (payload: index in `cues`).
    pub(crate) cue_set: OnceLock<Option<crate::phrases::PhraseSet>>,
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
    pub(crate) examples: Vec<(String, usize)>,
    pub(crate) counter_examples: Vec<(String, usize)>,
    pub(crate) origin: Origin,
}

impl Rules {
    /// The compiled `never` phrases.
    pub(crate) fn never_set(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.never_set
            .get_or_init(|| {
                (!self.never.is_empty()).then(|| {
                    aho_corasick::AhoCorasickBuilder::new()
                        .ascii_case_insensitive(true)
                        .build(&self.never)
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
                    crate::phrases::PhraseSet::new(
                        self.cues.iter().enumerate().map(|(i, c)| (c.as_str(), i as u32)),
                    )
                })
            })
            .as_ref()
    }

    /// Lower-case phrases inside which a match never counts.
    pub fn never(&self) -> &[String] {
        &self.never
    }
    /// Lower-case cue words or phrases that confirm a match nearby.
    pub fn cues(&self) -> &[String] {
        &self.cues
    }
    /// Whether a match needs confirmation.
    pub fn confirm(&self) -> bool {
        self.confirm
    }
    /// Words either side that count as nearby.
    pub fn window(&self) -> usize {
        self.window
    }
}

/// Where an entry was defined.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub(crate) file: String,
    pub(crate) line: usize,
}

impl Origin {
    fn problem(&self, message: String) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.line,
            message,
        }
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
        self.forms.iter().map(|f| f.text.as_str())
    }
    /// Cross-references to the sources (`onet`, `esco`, `stackoverflow`, `linguist`, …).
    pub fn refs(&self) -> &BTreeMap<String, String> {
        &self.refs
    }
    /// The vendor, for products and certifications that have one (e.g. `Amazon Web Services`).
    pub fn vendor(&self) -> Option<&str> {
        self.vendor.as_deref()
    }
    /// Every surface form with whether it is cased and whether the rules apply to it.
    pub fn forms(&self) -> impl Iterator<Item = (&str, bool, bool)> {
        self.forms.iter().map(|f| (f.text.as_str(), f.cased, f.ruled))
    }
    /// The context rules, for ambiguous entries.
    pub fn rules(&self) -> Option<&Rules> {
        self.rules.as_ref()
    }
    /// Whether the entry carries context rules.
    pub fn is_ambiguous(&self) -> bool {
        self.rules.is_some()
    }
    /// Example texts that must tag this entry, with their lines.
    pub fn examples(&self) -> impl Iterator<Item = (&str, usize)> {
        self.examples.iter().map(|(s, l)| (s.as_str(), *l))
    }
    /// Example texts that must not tag this entry, with their lines.
    pub fn counter_examples(&self) -> impl Iterator<Item = (&str, usize)> {
        self.counter_examples.iter().map(|(s, l)| (s.as_str(), *l))
    }
    /// The file and line the entry comes from.
    pub fn origin(&self) -> (&str, usize) {
        (&self.origin.file, self.origin.line)
    }
}

static BUILTIN: LazyLock<Result<Lexicon, Error>> = LazyLock::new(|| {
    Lexicon::from_sources(
        builtin::FILES
            .iter()
            .map(|(name, src)| (format!("<built-in>/{name}"), *src)),
    )
});

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
        let user_ids: HashSet<&str> = user.entries.iter().map(|e| e.id.as_str()).collect();
        let off: HashSet<&str> = user.disabled.iter().map(|(id, _)| id.as_str()).collect();
        for (id, origin) in &user.disabled {
            if !self.entries.iter().chain(&user.entries).any(|e| e.id == *id) {
                problems.push(origin.problem(format!("disables {id:?}, which no entry has")));
            }
        }
        let user_keys: HashSet<String> = user
            .entries
            .iter()
            .flat_map(|e| &e.forms)
            .chain(user.extensions.iter().flat_map(|x| &x.forms))
            .map(|f| f.text.to_ascii_lowercase())
            .collect();
        let mut entries: Vec<Entry> = Vec::with_capacity(self.entries.len() + user.entries.len());
        for e in self.entries.iter().filter(|e| !user_ids.contains(e.id.as_str())) {
            let mut e = e.clone();
            e.forms
                .retain(|f| !user_keys.contains(&f.text.to_ascii_lowercase()));
            entries.push(e);
        }
        entries.extend(user.entries.iter().cloned());
        entries.retain(|e| !off.contains(e.id.as_str()));
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

fn check_ids(entries: &[Entry], problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &Entry> = HashMap::new();
    for e in entries {
        if let Some(first) = seen.insert(&e.id, e) {
            problems.push(Problem {
                file: e.origin.file.clone(),
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
fn check_aliases(entries: &[Entry], problems: &mut Vec<Problem>) {
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
                if ea == eb || a.id == b.id || (x.cased && y.cased && x.text != y.text) {
                    continue;
                }
                if x.ruled && y.ruled && has_cues(a) && has_cues(b) {
                    continue;
                }
                reported.push(Problem {
                    file: a.origin.file.clone(),
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
