//! The [`Tagger`]: the lexicon compiled into a matcher, and the pipeline that turns one
//! document into [`Tags`].

use crate::disambiguate;
use crate::error::{Error, Problem};
use crate::extract::positions::{self, YearMonth};
use crate::extract::{
    self, alternatives, contacts, education, experience, facets, kind, languages, location, requirement,
    salary, seniority, title,
};
use crate::fasthash::FastMap;
use crate::input::{self, Document, Format, OffsetMap};
use crate::lexicon::{Category, Lexicon};
use crate::matcher::{Candidate, Matcher};
use crate::sections::{self, section_kind};
use crate::tags::{
    Alternatives, Certification, Contact, Education, Experience, Facet, Mention, Position, Requirement,
    Salary, Section, Seniority, Skill, Span, SpokenLanguage, Tags, Warning, Years,
};
use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// Most bytes of a sentence an experience statement quotes on either side of its duration.
const CLAUSE_BYTES: usize = 240;

/// Tags technologies (and, as the pipeline grows, requirements) in postings and résumés.
///
/// Build it once and share it: it is `Send + Sync` and cloning it is cheap (one `Arc`).
///
/// ```
/// let tagger = jdtag::Tagger::new();
/// let tags = tagger.tag("We run Go services on K8s, with Postgres and C#/.NET.");
/// assert_eq!(tags.skill_ids(), ["go", "kubernetes", "postgresql", "csharp", "dotnet"]);
/// let k8s = &tags.skill("kubernetes").unwrap().mentions[0];
/// assert_eq!((k8s.text.as_str(), k8s.start, k8s.end), ("K8s", 22, 25));
/// ```
#[derive(Clone)]
pub struct Tagger {
    inner: Arc<Inner>,
    settings: Settings,
}

/// What a document is taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DocKind {
    /// Decide from the text (cue phrases, dated positions, contacts) and say so in `kind`.
    #[default]
    Auto,
    /// A job posting.
    Posting,
    /// A résumé.
    Resume,
}

/// Per-tagger choices that do not change the lexicon.
#[derive(Debug, Clone, Copy)]
struct Settings {
    kind: DocKind,
    as_of: YearMonth,
    redact: bool,
    max_mentions: usize,
}

/// Mentions kept per skill by default; the rest are counted in a warning.
pub const DEFAULT_MAX_MENTIONS: usize = 1000;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            kind: DocKind::Auto,
            as_of: today(),
            redact: false,
            max_mentions: DEFAULT_MAX_MENTIONS,
        }
    }
}

/// Today's year and month (UTC), from the system clock.
fn today() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth {
        year: year as i32,
        month: Some(month as u8),
    }
}

struct Inner {
    /// The built-in lexicon is borrowed from its static, not copied.
    lexicon: std::borrow::Cow<'static, Lexicon>,
    matcher: Matcher,
}

/// The built-in tagger: the embedded lexicon parsed and compiled while the extractors' cue
/// lists are built on another thread.
static DEFAULT: LazyLock<Result<Tagger, Error>> = LazyLock::new(|| {
    with_warm_up(|| {
        Lexicon::try_builtin().map_err(Clone::clone).map(|l| {
            // The built-in entries come with their index, built with them by `build.rs`.
            let matcher = Matcher::builtin().unwrap_or_else(|| Matcher::new(l));
            Tagger::with_matcher(std::borrow::Cow::Borrowed(l), matcher)
        })
    })
});

/// Documents tagged in this process.
static TAGGED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// After this many documents the cue lists share one scan ([`crate::phrases::fuse`]): its
/// build (~20 ms) is not worth it for a handful.
const FUSE_AFTER: usize = 32;

/// A document read, ready to be tagged.
struct Read<'a> {
    doc: Document<'a>,
    /// The shared scan of its text, for as long as it is tagged.
    cues: crate::phrases::DocScope,
    /// The lexicon matches in its text, when already found.
    candidates: Option<Vec<Candidate>>,
}

/// Counts a document read: every cue list's matches come from one scan, read by the
/// extractors, once a process has tagged enough documents for the shared automaton to pay for
/// its build.
fn count_and_fuse() {
    if TAGGED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) == FUSE_AFTER {
        crate::extract::warm_up();
        crate::phrases::fuse();
    }
}

/// The text [`Tagger::tag_parts`] reads: the title, a blank line and the body, cut to
/// `max_bytes` at a character boundary; and the title's length when the cut leaves it whole.
fn joined<'a>(title: Option<&str>, body: &'a str, max_bytes: usize) -> (Cow<'a, str>, Option<usize>) {
    let (text, title_len) = match title {
        Some(t) => (Cow::Owned(format!("{t}\n\n{body}")), Some(t.len())),
        None => (Cow::Borrowed(body), None),
    };
    let cut = input::floor_char_boundary(&text, max_bytes);
    let text = match text {
        Cow::Owned(mut s) => {
            s.truncate(cut);
            Cow::Owned(s)
        }
        Cow::Borrowed(b) => Cow::Borrowed(&b[..cut]),
    };
    let title_len = title_len.filter(|&n| n <= text.len());
    (text, title_len)
}

/// Runs `f` (parsing and compiling a lexicon) while another thread builds the extractors' cue
/// lists and patterns; when `f` is done, this thread helps with the lists left. Start-up then
/// costs about half the sum of the two instead of the sum. Without a thread to spare, this
/// thread builds them all. The résumé-only patterns are then built in the background
/// ([`extract::warm_up_late`]), so a posting does not wait for them.
fn with_warm_up<T>(f: impl FnOnce() -> T) -> T {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let out = std::thread::scope(|s| {
        let _ = std::thread::Builder::new().spawn_scoped(s, || extract::warm_up_shared(&next));
        let out = f();
        extract::warm_up_shared(&next);
        out
    });
    extract::warm_up_late();
    out
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("entries", &self.inner.lexicon.len())
            .finish()
    }
}

/// Builds a [`Tagger`] with user lexicons; see [`Tagger::builder`].
#[derive(Debug, Clone, Default)]
pub struct TaggerBuilder {
    paths: Vec<PathBuf>,
    sources: Vec<(String, String)>,
    no_builtin: bool,
    categories: Option<Vec<Category>>,
    settings: Option<Settings>,
}

impl TaggerBuilder {
    /// Adds a lexicon file, or a folder of `*.toml` lexicon files. Its entries add to the
    /// built-in ones; an entry with a built-in id replaces it.
    pub fn lexicon_path(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.paths.push(path.into());
        self
    }

    /// Adds a lexicon given as TOML text; `name` is used in error messages.
    pub fn lexicon_source(&mut self, name: impl Into<String>, toml: impl Into<String>) -> &mut Self {
        self.sources.push((name.into(), toml.into()));
        self
    }

    /// Leaves the built-in lexicon out: only the added lexicons are used.
    pub fn without_builtin(&mut self) -> &mut Self {
        self.no_builtin = true;
        self
    }

    /// Keeps only the entries of these categories.
    ///
    /// ```
    /// use jdtag::lexicon::Category;
    /// let tagger = jdtag::Tagger::builder().categories([Category::Database]).build().unwrap();
    /// assert_eq!(tagger.tag("Python and PostgreSQL").skill_ids(), ["postgresql"]);
    /// ```
    pub fn categories(&mut self, categories: impl IntoIterator<Item = Category>) -> &mut Self {
        self.categories = Some(categories.into_iter().collect());
        self
    }

    /// Reads every document as a posting, a résumé, or decides (the default).
    pub fn kind(&mut self, kind: DocKind) -> &mut Self {
        self.settings.get_or_insert_with(Settings::default).kind = kind;
        self
    }

    /// Counts "Present" in résumés up to this month (default: this month), so results are
    /// reproducible.
    pub fn as_of(&mut self, year: i32, month: u8) -> &mut Self {
        self.settings.get_or_insert_with(Settings::default).as_of = YearMonth {
            year,
            month: Some(month.clamp(1, 12)),
        };
        self
    }

    /// Replaces contact values (e-mails, phones, URLs) in the output with their kind, so they
    /// are never printed.
    ///
    /// ```
    /// let tagger = jdtag::Tagger::builder().redact(true).kind(jdtag::DocKind::Resume).build().unwrap();
    /// let tags = tagger.tag("Jane Doe\njane@example.com\nSkills: Python");
    /// assert!(tags.contacts.iter().all(|c| c.value.starts_with('[')));
    /// ```
    pub fn redact(&mut self, redact: bool) -> &mut Self {
        self.settings.get_or_insert_with(Settings::default).redact = redact;
        self
    }

    /// Keeps at most `n` mentions per skill (default [`DEFAULT_MAX_MENTIONS`]); a warning says
    /// how many were left out.
    pub fn max_mentions(&mut self, n: usize) -> &mut Self {
        self.settings.get_or_insert_with(Settings::default).max_mentions = n.max(1);
        self
    }

    /// Checks the lexicons and compiles the matcher.
    ///
    /// ```
    /// let tagger = jdtag::Tagger::builder()
    ///     .lexicon_source("mine.toml", "[[tech]]\nid = \"acme-db\"\nname = \"AcmeDB\"\ncategory = \"database\"\n")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(tagger.tag("AcmeDB and Python").skill_ids(), ["acme-db", "python"]);
    /// ```
    pub fn build(&self) -> Result<Tagger, Error> {
        let settings = self.settings.unwrap_or_default();
        if self.paths.is_empty() && self.sources.is_empty() && !self.no_builtin && self.categories.is_none() {
            return Ok(Tagger {
                settings,
                ..DEFAULT.as_ref().map_err(Clone::clone)?.clone()
            });
        }
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut problems = Vec::new();
        for p in &self.paths {
            match Lexicon::load(p) {
                // Loaded once to report its own problems with its own paths; merged below.
                Ok(_) => texts.extend(read_sources(p)?),
                Err(e) if !e.problems().is_empty() => problems.extend(e.problems().iter().cloned()),
                Err(e) => return Err(e),
            }
        }
        if !problems.is_empty() {
            return Err(Error::lexicon(problems));
        }
        texts.extend(self.sources.iter().cloned());
        let user = Lexicon::from_sources(texts.iter().map(|(n, t)| (n.clone(), t.as_str())))?;
        let base = if self.no_builtin {
            &Lexicon::empty()
        } else {
            Lexicon::try_builtin().map_err(Clone::clone)?
        };
        let mut lexicon = base.merged(&user)?;
        if let Some(categories) = &self.categories {
            lexicon = lexicon.only_categories(categories);
        }
        Ok(Tagger {
            settings,
            ..with_warm_up(|| Tagger::from_lexicon(std::borrow::Cow::Owned(lexicon)))
        })
    }
}

fn read_sources(path: &std::path::Path) -> Result<Vec<(String, String)>, Error> {
    let files = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::io(path, &e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).map_err(|e| Error::io(&f, &e))?;
            Ok((f.display().to_string(), text))
        })
        .collect()
}

impl Tagger {
    /// The tagger with the built-in lexicon (compiled once per process, then shared).
    pub fn new() -> Tagger {
        DEFAULT
            .as_ref()
            .expect("the built-in lexicon is checked by the test suite")
            .clone()
    }

    /// A builder, for user lexicons.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    fn from_lexicon(lexicon: std::borrow::Cow<'static, Lexicon>) -> Tagger {
        let matcher = Matcher::new(&lexicon);
        Tagger::with_matcher(lexicon, matcher)
    }

    fn with_matcher(lexicon: std::borrow::Cow<'static, Lexicon>, matcher: Matcher) -> Tagger {
        Tagger {
            inner: Arc::new(Inner { lexicon, matcher }),
            settings: Settings::default(),
        }
    }

    /// The lexicon this tagger uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// Tags a document, detecting whether it is Markdown or plain text.
    pub fn tag(&self, text: &str) -> Tags {
        self.tag_with(text, Format::Auto)
    }

    /// Tags a document read as `format`.
    pub fn tag_with(&self, text: &str, format: Format) -> Tags {
        self.run(text, format, None, Vec::new(), None)
    }

    /// Tags raw bytes. Invalid UTF-8 is an error naming the byte offset, unless `lossy`: then
    /// bad bytes read as U+FFFD, a warning says so, and offsets still index `bytes`.
    ///
    /// ```
    /// let tagger = jdtag::Tagger::new();
    /// let err = tagger.tag_bytes(b"Java \xff", jdtag::Format::Auto, false).unwrap_err();
    /// assert_eq!(err.utf8_offset(), Some(5));
    /// let tags = tagger.tag_bytes(b"\xff Java", jdtag::Format::Auto, true).unwrap();
    /// assert_eq!(tags.skills[0].mentions[0].start, 2);
    /// assert_eq!(tags.warnings[0].code, "invalid_utf8");
    /// ```
    pub fn tag_bytes(&self, bytes: &[u8], format: Format, lossy: bool) -> Result<Tags, Error> {
        let (text, map) = input::decode(bytes, lossy).map_err(Error::invalid_utf8)?;
        let mut warnings = Vec::new();
        if map.is_some() {
            warnings.push(Warning {
                code: "invalid_utf8".into(),
                message: "the input is not valid UTF-8: bad bytes were read as U+FFFD; offsets index the original bytes".into(),
            });
        }
        Ok(self.run(&text, format, map.as_ref(), warnings, None))
    }

    /// Tags a posting given as a title and a body (as bulk records give them): the text read
    /// is the title, a blank line and the body, cut to `max_bytes` at a character boundary; spans
    /// index that text, and the title is the posting's title.
    ///
    /// ```
    /// let tagger = jdtag::Tagger::new();
    /// let tags = tagger.tag_parts(Some("Senior Data Engineer"), "Spark and Airflow.", jdtag::Format::Auto, 1 << 20);
    /// assert_eq!(tags.title.unwrap().text, "Senior Data Engineer");
    /// assert_eq!(tags.seniority.unwrap().level, "senior");
    /// assert_eq!(tags.skills[0].mentions[0].start, 22);
    /// ```
    pub fn tag_parts(&self, title: Option<&str>, body: &str, format: Format, max_bytes: usize) -> Tags {
        let (text, title_len) = joined(title, body, max_bytes);
        self.run(&text, format, None, Vec::new(), title_len)
    }

    /// Tags many postings given as title and body, as [`tag_parts`](Self::tag_parts) tags each
    /// one: the same tags, in the same order, only faster. Bulk runs call this on batches of a
    /// few dozen records: the texts are read first, then the cue lists scan them all while
    /// their automaton is still in the processor's caches, then each is tagged.
    ///
    /// ```
    /// let tagger = jdtag::Tagger::new();
    /// let parts = [(Some("Data Engineer"), "Spark and Airflow."), (None, "Go and Rust.")];
    /// let batch = tagger.tag_parts_batch(&parts, jdtag::Format::Auto, 1 << 20);
    /// assert_eq!(batch.len(), 2);
    /// for (tags, (title, body)) in batch.iter().zip(parts) {
    ///     let one = tagger.tag_parts(title, body, jdtag::Format::Auto, 1 << 20);
    ///     assert_eq!(serde_json::to_string(tags).unwrap(), serde_json::to_string(&one).unwrap());
    /// }
    /// ```
    pub fn tag_parts_batch(
        &self,
        parts: &[(Option<&str>, &str)],
        format: Format,
        max_bytes: usize,
    ) -> Vec<Tags> {
        let texts: Vec<(Cow<'_, str>, Option<usize>)> = parts
            .iter()
            .map(|&(title, body)| joined(title, body, max_bytes))
            .collect();
        let docs: Vec<Document<'_>> = texts
            .iter()
            .map(|(text, _)| {
                let doc = Document::read(text, format);
                count_and_fuse();
                doc
            })
            .collect();
        let scans: Vec<_> = docs.iter().map(|doc| crate::phrases::scan(&doc.text)).collect();
        let candidates: Vec<_> = docs
            .iter()
            .map(|doc| self.inner.matcher.candidates(&doc.text))
            .collect();
        docs.into_iter()
            .zip(scans)
            .zip(candidates)
            .zip(&texts)
            .map(|(((doc, scan), candidates), (text, title_len))| {
                let read = Read {
                    doc,
                    cues: crate::phrases::DocScope::install(scan),
                    candidates: Some(candidates),
                };
                self.run_read(text, read, None, Vec::new(), *title_len)
            })
            .collect()
    }

    fn run(
        &self,
        src: &str,
        format: Format,
        outer: Option<&OffsetMap>,
        warnings: Vec<Warning>,
        known_title: Option<usize>,
    ) -> Tags {
        let doc = Document::read(src, format);
        count_and_fuse();
        let cues = crate::phrases::DocScope::enter(&doc.text);
        let read = Read {
            doc,
            cues,
            candidates: None,
        };
        self.run_read(src, read, outer, warnings, known_title)
    }

    /// Tags a document read from `src`.
    fn run_read(
        &self,
        src: &str,
        read: Read<'_>,
        outer: Option<&OffsetMap>,
        warnings: Vec<Warning>,
        known_title: Option<usize>,
    ) -> Tags {
        let Inner { lexicon, matcher } = &*self.inner;
        let lexicon: &Lexicon = lexicon;
        let Read {
            mut doc,
            cues: _cues,
            candidates,
        } = read;
        let mut headings = std::mem::take(&mut doc.headings);
        // A page that shows its own text may still carry schema.org JobPosting data that says
        // what the text leaves out (read when that data was not read instead of the page).
        let page_facts =
            outer.is_none() && doc.format == Format::Html && !doc.repairs.iter().any(|r| r.code == "json_ld");
        let text: &str = &doc.text;
        let start = |n: usize| doc.source_offset(n, outer, false);
        // A span's end maps to no earlier than its start: a span whose bytes all came from
        // markup (an inline code span's content read as text) maps both ends to one place,
        // and a repair there that dropped bytes (a soft hyphen) maps a start past them and an
        // end before them.
        let end_of = |r: &Range<usize>| doc.source_offset(r.end, outer, true).max(start(r.start));
        let span = |r: Range<usize>| Span {
            text: text[r.clone()].to_string(),
            start: start(r.start),
            end: end_of(&r),
        };
        let src_end = outer.map_or(src.len(), |o| o.end(src.len()));

        let mut tags = Tags::empty(doc.format.as_str());
        tags.warnings = warnings;
        // One warning per kind of repair (mis-decoded text takes two passes; the first says).
        for (i, repair) in doc.repairs.iter().enumerate() {
            if doc.repairs[..i].iter().all(|r| r.code != repair.code) {
                tags.warnings.push(Warning {
                    code: repair.code.into(),
                    message: repair.message.clone(),
                });
            }
        }

        // Résumé or posting: contacts and dated positions are part of the evidence. A text that
        // no number of positions would make a résumé is not read for them: only a résumé uses them.
        let found_contacts = contacts::find_all(text);
        let (is_resume, found_positions) = match self.settings.kind {
            DocKind::Resume => (true, positions::find_all(text, self.settings.as_of)),
            DocKind::Posting => (false, Vec::new()),
            _ => {
                let mut tally = kind::Tally::of(text);
                let top = title::line_ranges(text).nth(5).map_or(text.len(), |r| r.start);
                // An employer's hiring mailbox ("Email jobs@acme.example") is a posting's cue.
                let hiring =
                    |c: &contacts::Found| c.kind == "email" && kind::is_hiring_mailbox(&text[c.span.clone()]);
                if found_contacts.iter().any(hiring) {
                    tally.add_posting_cue();
                }
                // So is a job title for a first line (a résumé opens with its owner's name).
                if title::opens_with_title(text) {
                    tally.add_posting_cue();
                }
                // A person's contact, not any link: a posting's header often carries its
                // company's site or its apply page ("Acme | Backend Engineer | acme.example/jobs").
                let at_top = found_contacts
                    .iter()
                    .any(|c| c.span.start < top && c.kind != "url" && !hiring(c));
                if tally.could_be_resume(at_top) {
                    let found = positions::find_all(text, self.settings.as_of);
                    (
                        tally.is_resume(kind::counted_positions(text, &found, self.settings.as_of), at_top),
                        found,
                    )
                } else {
                    (false, Vec::new())
                }
            }
        };
        if is_resume {
            tags.kind = "resume".into();
        }

        // Sections: Markdown headings plus heading lines of plain text, classified as
        // a résumé's or a posting's.
        headings.extend(sections::text_headings(text, &headings));
        headings.sort_by_key(|h| h.start);
        let classify = if is_resume {
            sections::resume_section_kind
        } else {
            section_kind
        };
        let kinds: Vec<&'static str> = headings.iter().map(|h| classify(&h.text)).collect();
        for (i, h) in headings.iter().enumerate() {
            tags.sections.push(Section {
                kind: kinds[i].to_string(),
                heading: h.text.clone(),
                start: start(h.start),
                end: headings.get(i + 1).map_or(src_end, |next| start(next.start)),
            });
        }
        let section_at = |at: usize| kind_at(&headings, &kinds, at);
        // A "Tech Stack" section asks for its technologies only when no other section asks.
        let asks_elsewhere = headings
            .iter()
            .zip(&kinds)
            .any(|(h, k)| matches!(*k, "requirements" | "preferred") && !sections::is_stack_heading(&h.text));
        let level_kinds: Vec<&'static str> = headings
            .iter()
            .zip(&kinds)
            .map(|(h, k)| {
                if asks_elsewhere && *k == "requirements" && sections::is_stack_heading(&h.text) {
                    "other"
                } else {
                    k
                }
            })
            .collect();
        let level_section_at = |at: usize| kind_at(&headings, &level_kinds, at);

        // "jane@doe.io | LinkedIn | GitHub": in a résumé's contact header, up to the first
        // section after its first contact, profile-site names label links and name no skill.
        let profile_labels = match found_contacts.first() {
            Some(first) if is_resume => {
                let end = headings
                    .iter()
                    .find(|h| h.start > first.span.start)
                    .map_or(text.len(), |h| h.start);
                contacts::profile_labels(text, &found_contacts, end)
            }
            _ => Vec::new(),
        };

        // Sentences, and the requirement level of each (computed when first needed).
        let sentences = extract::sentences(text);
        let mut levels = Levels {
            text,
            sentences: &sentences,
            levels: vec![None; sentences.len()],
            section_at: &level_section_at,
            stack_asks: !asks_elsewhere,
            scoped: None,
        };

        // Technologies.
        let candidates = candidates.unwrap_or_else(|| matcher.candidates(text));
        // Sections that list skills: there a cased name in lower case may count ("word, excel").
        let skill_areas: Vec<Range<usize>> = headings
            .iter()
            .enumerate()
            .filter(|(_, h)| disambiguate::is_skill_heading(&h.text))
            .map(|(i, h)| h.start..headings.get(i + 1).map_or(text.len(), |n| n.start))
            .collect();
        let resolved = disambiguate::resolve(text, candidates, matcher, lexicon, &skill_areas);
        let mut index: FastMap<u32, usize> = FastMap::default();
        let mut capped: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        let mut tech_spans: Vec<(Range<usize>, u32)> = Vec::new();
        let mut cert_spans: Vec<Range<usize>> = Vec::new();
        // "github.com/jane", "jane@gitlab.io": a contact names no skill; nor does the "GitHub"
        // that labels it in a résumé's header.
        let no_skills = extract::Covering::new(
            found_contacts
                .iter()
                .map(|c| c.span.clone())
                .chain(profile_labels.iter().cloned()),
        );
        // Nor does the employer of a résumé position that has a title, a company and a range
        // of dates ("Engineer, Oracle (2015 – 2019)", "Developer at Sage, 2019 – now"); a line
        // with a single year is no such position ("Visual Studio 2008"), and a certification
        // stays one ("ITIL v4 Foundation – Summer 2021").
        let employers = extract::Covering::new(
            found_positions
                .iter()
                .filter(|p| {
                    is_resume && p.title.is_some() && p.start.is_some() && (p.end.is_some() || p.current)
                })
                .filter_map(|p| p.company.clone()),
        );
        for r in resolved {
            if no_skills.covers(r.start..r.end) {
                continue;
            }
            let e = lexicon.entry(r.entry as usize);
            // By its section and sentence, a technology's or a certification's. A résumé shows
            // them; it asks for none.
            let requirement = if is_resume {
                Requirement::Mentioned
            } else {
                levels.at(r.start)
            };
            if e.category == Category::Certification {
                if let Some(c) = tags.certifications.iter_mut().find(|c| c.id == e.id) {
                    c.requirement = c.requirement.max(requirement);
                } else {
                    cert_spans.push(r.start..r.end);
                    let s = span(r.start..r.end);
                    tags.certifications.push(Certification {
                        id: e.id.to_string(),
                        name: e.name.to_string(),
                        date: None,
                        expires: None,
                        requirement,
                        text: s.text,
                        start: s.start,
                        end: s.end,
                    });
                }
                continue;
            }
            if employers.covers(r.start..r.end) {
                continue;
            }
            let section = section_at(r.start);
            tech_spans.push((r.start..r.end, r.entry));
            let mention = Mention {
                text: text[r.start..r.end].to_string(),
                start: start(r.start),
                end: end_of(&(r.start..r.end)),
                section: section.map(str::to_string),
                requirement,
                rule: r.rule.describe(),
                version: r.version.map(|v| text[v].to_string()),
            };
            let i = *index.entry(r.entry).or_insert_with(|| {
                tags.skills.push(Skill {
                    id: e.id.to_string(),
                    name: e.name.to_string(),
                    category: e.category,
                    requirement: Requirement::Mentioned,
                    years: None,
                    months: None,
                    last_used: None,
                    refs: e
                        .refs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    mentions: Vec::new(),
                });
                tags.skills.len() - 1
            });
            let skill = &mut tags.skills[i];
            skill.requirement = skill.requirement.max(requirement);
            if skill.mentions.len() < self.settings.max_mentions {
                skill.mentions.push(mention);
            } else {
                *capped.entry(i).or_insert(0) += 1;
            }
        }
        for (i, n) in capped {
            let s = &tags.skills[i];
            tags.warnings.push(Warning::new(
                "mentions_capped",
                format!(
                    "{} is named {} more times than the {} mentions kept",
                    s.id, n, self.settings.max_mentions
                ),
            ));
        }

        if is_resume {
            self.date_certifications(&mut tags.certifications, &cert_spans, text);
        } else {
            // "Snowflake or Redshift": a posting asks for one of them.
            for g in alternatives::find(text, &tech_spans, |e| lexicon.entry(e as usize).category) {
                let mut ids: Vec<String> = Vec::new();
                for &m in &g.members {
                    let id: &str = &lexicon.entry(tech_spans[m].1 as usize).id;
                    if !ids.iter().any(|i| i == id) {
                        ids.push(id.to_string());
                    }
                }
                // The same names again, in any order, are the same alternatives.
                let same = |a: &Alternatives| {
                    a.skills.len() == ids.len() && ids.iter().all(|i| a.skills.contains(i))
                };
                if !tags.alternatives.iter().any(same) {
                    let s = span(g.span);
                    tags.alternatives.push(Alternatives {
                        skills: ids,
                        text: s.text,
                        start: s.start,
                        end: s.end,
                    });
                }
            }
        }

        // Years of experience, tied to the technologies of their clause.
        let mut experience_at: Vec<Range<usize>> = Vec::new();
        for si in experience::candidate_sentences(text, &sentences) {
            let sr = &sentences[si];
            let sentence = &text[sr.clone()];
            let lo = tech_spans.partition_point(|(t, _)| t.start < sr.start);
            let hi = tech_spans.partition_point(|(t, _)| t.start < sr.end);
            let in_sentence = &tech_spans[lo..hi];
            let ranges: Vec<Range<usize>> = in_sentence.iter().map(|(t, _)| t.clone()).collect();
            let found = experience::find(sentence, sr.start, &ranges);
            for (k, f) in found.iter().enumerate() {
                let next_start = found.get(k + 1).map_or(sr.end, |n| n.span.start);
                let prev_end = k
                    .checked_sub(1)
                    .map_or(sr.start, |p| clause_break(text, found[p].span.end, f.span.start));
                let ids = experience_skills(f, in_sentence, prev_end, next_start, text);
                // Its own part's level: a preferred cue in a later clause qualifies that
                // clause ("2 years in a front office role, ideally in healthcare").
                let requirement = levels.at(f.span.start);
                let skill_ids: Vec<String> = ids
                    .iter()
                    .map(|&e| lexicon.entry(e as usize).id.to_string())
                    .collect();
                for &e in &ids {
                    if let Some(&i) = index.get(&e) {
                        let y = tags.skills[i].years.get_or_insert(Years { min: None, max: None });
                        if f.min.unwrap_or(0.0) >= y.min.unwrap_or(0.0) {
                            *y = Years {
                                min: f.min,
                                max: f.max,
                            };
                        }
                    }
                }
                // The clause: the sentence around this statement, bounded by its neighbours and
                // by a few hundred bytes, so a huge sentence does not repeat itself per statement.
                let lo =
                    input::floor_char_boundary(text, f.span.start.saturating_sub(CLAUSE_BYTES)).max(prev_end);
                let hi = input::floor_char_boundary(text, f.span.end + CLAUSE_BYTES)
                    .min(next_start.max(f.span.end));
                let lo = lo.max(sr.start);
                let lo = lo
                    + text
                        .get(lo..f.span.start)
                        .map_or(0, |t| t.len() - t.trim_start().len());
                let clause = lo..hi.min(sr.end).max(f.span.end);
                let s = span(clause.clone());
                experience_at.push(clause);
                tags.experience.push(Experience {
                    min_years: f.min,
                    max_years: f.max,
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    skills: skill_ids,
                    requirement,
                });
            }
        }

        // Education; in a résumé also the school and the year, from the degree's line or the
        // lines next to it.
        let mut found_education = education::find_all(text, &sentences, is_resume, &no_skills);
        if is_resume {
            // A résumé with an education section names degrees elsewhere in passing ("during
            // the MSc"), and so does a bullet of its work history in any résumé ("• GCSE pass
            // rate up from 71% to 84%"): there only a line that opens with the degree or names
            // its school is a degree entry.
            let has_section = kinds.contains(&"education");
            found_education.retain(|(si, f)| {
                let sr = &sentences[*si];
                let line = line_around(text, sr.start);
                let opens = text[line.start..f.at]
                    .trim_start_matches(|c: char| c.is_whitespace() || sections::BULLETS.contains(&c))
                    .is_empty();
                let section = section_at(sr.start);
                let work_bullet = section == Some("experience") && sections::is_bullet(&text[line.clone()]);
                // A level inside a school's name on a job line ("Head of Mathematics, Loreto
                // High School") is the employer, not a degree.
                let employer = section == Some("experience") && education::inside_name(text, f.at);
                // A referee's school ("Principal, X High School" under References) is none.
                section != Some("references")
                    && ((!has_section && !work_bullet)
                        || opens
                        || section == Some("education")
                        || (education::institution(&text[line]).is_some() && !employer))
            });
        }
        let degree_lines = DegreeLines::new(
            found_education
                .iter()
                .map(|(si, _)| line_around(text, sentences[*si].start))
                .collect(),
        );
        let above_first = is_resume && schools_above(text, &degree_lines);
        for (k, (si, found)) in found_education.into_iter().enumerate() {
            let sr = &sentences[si];
            // Its own part of the sentence decides ("Associate degree required, BSN preferred").
            let requirement = if is_resume {
                Requirement::Mentioned
            } else if found.alternative {
                Requirement::Preferred
            } else {
                levels.at(found.at)
            };
            let (institution, graduation_year) = if is_resume {
                let max_year = self.settings.as_of.year + 6;
                let (school, year) =
                    school_and_year(text, &degree_lines.lines[k], &degree_lines, max_year, above_first);
                (school.map(&span), year)
            } else {
                (None, None)
            };
            let s = span(sr.clone());
            tags.education.push(Education {
                level: found.level,
                fields: found.fields,
                or_equivalent: found.or_equivalent,
                requirement,
                institution,
                graduation_year,
                text: s.text,
                start: s.start,
                end: s.end,
            });
        }

        // A school's entry and its leaving written as two rows of a Japanese CV's timeline
        // ("2006 4 Entered Hibiya High School", "2009 3 Graduated from Hibiya High School") are
        // one entry, with the year of the second.
        if is_resume && tags.education.len() > 1 {
            let entered = |e: &Education| {
                e.text
                    .split_whitespace()
                    .any(|w| positions::is_timeline_join(&w.to_lowercase()))
            };
            let school = |e: &Education| e.institution.as_ref().map(|s| s.text.to_lowercase());
            let mut merged: Vec<Education> = Vec::with_capacity(tags.education.len());
            for e in std::mem::take(&mut tags.education) {
                if let Some(last) = merged.last_mut()
                    && last.level == e.level
                    && school(last).is_some()
                    && school(last) == school(&e)
                    && entered(last)
                    && !entered(&e)
                {
                    let year = e.graduation_year.or(last.graduation_year);
                    *last = e;
                    last.graduation_year = year;
                } else {
                    merged.push(e);
                }
            }
            tags.education = merged;
        }

        // Spoken languages.
        for f in languages::find_all(text, &|at| section_at(at) == Some("languages")) {
            let s = span(f.span.clone());
            tags.languages.push(SpokenLanguage {
                name: f.name.to_string(),
                level: f.level.map(str::to_string),
                cefr: f.cefr.map(str::to_string),
                requirement: if is_resume {
                    Requirement::Mentioned
                } else {
                    levels.at(f.span.start)
                },
                text: s.text,
                start: s.start,
                end: s.end,
            });
        }

        // Pay (whose "$" the stated locations may tell), employment type and workplace.
        let locations = location::find_all(text, &sentences, !is_resume);
        for f in salary::find_all(text, &sentences, &locations) {
            let s = span(f.span.clone());
            if let Some(w) = f.warning {
                tags.warnings.push(Warning {
                    code: "salary_currency".into(),
                    message: w,
                });
            }
            tags.salary.push(Salary {
                min: f.min,
                max: f.max,
                currency: f.currency,
                period: f.period.map(str::to_string),
                period_inferred: f.period_inferred,
                text: s.text,
                start: s.start,
                end: s.end,
            });
        }
        let (employment_types, workplaces) = facets::both(text, &sentences);
        for (values, evidence, found) in [
            (
                &mut tags.employment_type,
                &mut tags.employment_type_evidence,
                employment_types,
            ),
            (&mut tags.workplace, &mut tags.workplace_evidence, workplaces),
        ] {
            for f in found {
                if !values.iter().any(|v| v == f.value) {
                    values.push(f.value.to_string());
                }
                let s = span(f.span);
                evidence.push(Facet {
                    value: f.value.to_string(),
                    text: s.text,
                    start: s.start,
                    end: s.end,
                });
            }
        }

        tags.location = locations.into_iter().map(&span).collect();

        // Résumés: contacts, positions, and months per skill.
        for c in &found_contacts {
            let s = span(c.span.clone());
            tags.contacts.push(Contact {
                kind: c.kind.to_string(),
                value: if self.settings.redact {
                    format!("[{}]", c.kind)
                } else {
                    s.text
                },
                start: s.start,
                end: s.end,
            });
        }
        if is_resume {
            self.resume_parts(&mut tags, &found_positions, &tech_spans, &span, lexicon);
        }

        // Title and seniority.
        // A title given apart (bulk records) is the first line of the text; read as Markdown or
        // HTML it may have moved, so it is looked up in the normalised text.
        let title = match known_title {
            Some(n) => text.find(src[..n].trim()).map(|i| i..i + src[..n].trim().len()),
            None => title::find(text, &headings),
        };
        let mut evidence = Vec::new();
        if is_resume {
            // A résumé's level is its latest position's title, else its total years. The latest
            // is the one begun last, whichever order the résumé lists them in (some list the
            // oldest first); of equals, the one listed first. (Not the one that ends last: a
            // side role kept up, "Club Advisor, 2010 – present", outlasts the main job.)
            let latest = found_positions
                .iter()
                .filter(|p| p.title.is_some())
                .enumerate()
                .max_by_key(|(i, p)| (p.start, std::cmp::Reverse(*i)))
                .and_then(|(_, p)| p.title.clone());
            if let Some(t) = latest {
                evidence.extend(seniority::title_evidence(&text[t.clone()], t.start));
            }
            if let (Some(m), Some(p)) = (tags.total_experience_months, found_positions.first()) {
                evidence.push(seniority::Evidence {
                    level: seniority::years_level(f64::from(m) / 12.0),
                    span: p.dates.clone(),
                    source: seniority::Source::Years,
                });
            }
        } else if let Some(t) = &title {
            evidence.extend(seniority::title_evidence(&text[t.clone()], t.start));
            tags.title = Some(span(t.clone()));
        }
        for r in title::labelled(text, title::role_labels()) {
            evidence.extend(seniority::title_evidence(&text[r.clone()], r.start));
        }
        if !is_resume {
            evidence.extend(seniority::body_evidence(text));
        }
        // The largest minimum asked; failing any, the largest "up to N years" / "less than N
        // years", read as the middle of 0 to N. Years only preferred count when none are
        // asked for ("1+ year of help desk experience (Preferred)" is still a junior's level).
        let asked = |e: &Experience| e.requirement != Requirement::Preferred;
        let any = |_: &Experience| true;
        let minimum = |e: &Experience| e.min_years;
        let middle = |e: &Experience| match e {
            Experience {
                min_years: None,
                max_years: Some(max),
                ..
            } => Some(max / 2.0),
            _ => None,
        };
        let years = [asked as fn(&Experience) -> bool, any]
            .into_iter()
            .flat_map(|keep| [(keep, minimum as fn(&Experience) -> Option<f64>), (keep, middle)])
            .find_map(|(keep, of)| {
                tags.experience
                    .iter()
                    .zip(&experience_at)
                    .filter(|(e, _)| keep(e))
                    .filter_map(|(e, at)| Some((of(e)?, at.clone())))
                    .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
            });
        if let Some((years, at)) = years {
            evidence.push(seniority::Evidence {
                level: seniority::years_level(years),
                span: at,
                source: seniority::Source::Years,
            });
        }
        if let Some((level, basis)) = seniority::decide(&evidence) {
            evidence.sort_by_key(|e| e.span.start);
            evidence.dedup_by(|b, a| b.span == a.span);
            tags.seniority = Some(Seniority {
                level: level.to_string(),
                basis: basis.as_str().to_string(),
                evidence: evidence.into_iter().take(12).map(|e| span(e.span)).collect(),
            });
        } else if !tags.skills.is_empty() && !is_resume {
            // A posting that names technologies but says nothing of level: the documented default.
            tags.seniority = Some(Seniority {
                level: seniority::default_level().to_string(),
                basis: "default".to_string(),
                evidence: Vec::new(),
            });
        }
        if page_facts && !is_resume {
            self.add_page_facts(src, &mut tags);
        }
        tags
    }

    /// Fills what a page's text leaves out (its title, pay, place, employment type, workplace)
    /// from the page's schema.org `JobPosting` data, when it has any: each fact's span is the
    /// bytes of its JSON value in the page. A warning says which were filled.
    fn add_page_facts(&self, page: &str, tags: &mut Tags) {
        let missing = tags.title.is_none()
            || tags.salary.is_empty()
            || tags.location.is_empty()
            || tags.employment_type.is_empty()
            || tags.workplace.is_empty();
        if !missing {
            return;
        }
        let Some((text, map)) = input::posting_facts(page) else {
            return;
        };
        let facts = self.run(&text, Format::Text, Some(&map), Vec::new(), None);
        let mut filled = Vec::new();
        if tags.title.is_none() && facts.title.is_some() {
            tags.title = facts.title;
            filled.push("title");
            // The title's level words ("Senior …") decide, as a title in the text would have.
            if let Some(said) = facts.seniority.filter(|s| s.basis == "title")
                && tags.seniority.as_ref().is_none_or(|s| s.basis != "title")
            {
                let mut evidence = said.evidence;
                evidence.extend(tags.seniority.take().into_iter().flat_map(|s| s.evidence));
                evidence.sort_by_key(|e| e.start);
                evidence.truncate(12);
                tags.seniority = Some(Seniority { evidence, ..said });
            }
        }
        if tags.salary.is_empty() && !facts.salary.is_empty() {
            tags.salary = facts.salary;
            filled.push("pay");
        }
        if tags.location.is_empty() && !facts.location.is_empty() {
            tags.location = facts.location;
            filled.push("place");
        }
        if tags.employment_type.is_empty() && !facts.employment_type.is_empty() {
            tags.employment_type = facts.employment_type;
            tags.employment_type_evidence = facts.employment_type_evidence;
            filled.push("employment type");
        }
        if tags.workplace.is_empty() && !facts.workplace.is_empty() {
            tags.workplace = facts.workplace;
            tags.workplace_evidence = facts.workplace_evidence;
            filled.push("workplace");
        }
        if !filled.is_empty() {
            tags.warnings.push(Warning {
                code: "json_ld_facts".into(),
                message: format!(
                    "the page's text does not say its {}; its schema.org JobPosting data does, and was read for it (spans index that data in the page)",
                    filled.join(", ")
                ),
            });
        }
    }

    /// A résumé's certification dates: the dates on its line, between the certification
    /// before it and the one after it on the same line. The first date is when it was obtained
    /// (a range's end, or a date after "valid until", is when it expires).
    fn date_certifications(&self, certs: &mut [Certification], spans: &[Range<usize>], text: &str) {
        let as_of = self.settings.as_of;
        for (i, (c, r)) in certs.iter_mut().zip(spans).enumerate() {
            let line = line_around(text, r.start);
            let same_line = |o: &Range<usize>| o.start >= line.start && o.end <= line.end;
            // Dates before it count only for the line's first certification ("2021 – CKA").
            // The spans are in text order: the neighbours decide (a scan of all was quadratic).
            let lo = match i.checked_sub(1).map(|j| &spans[j]) {
                Some(o) if same_line(o) && o.end <= r.start => r.end,
                _ => line.start,
            };
            let hi = spans[i + 1..]
                .iter()
                .find(|o| o.start >= r.end)
                .filter(|o| same_line(o))
                .map_or(line.end, |o| o.start);
            let piece = &text[lo..hi];
            for (at, start, end) in positions::dates_on(piece, as_of) {
                if education::says_expiry(&piece[..at.start]) {
                    c.expires.get_or_insert(ym_string(start));
                    continue;
                }
                if c.date.is_none() {
                    c.date = Some(ym_string(start));
                    if let Some(e) = end {
                        c.expires = Some(ym_string(e));
                    }
                }
            }
        }
    }

    /// The résumé-only fields: positions with their skills, total months, and per skill the
    /// months of the positions that name it and when it was last used.
    fn resume_parts(
        &self,
        tags: &mut Tags,
        found: &[positions::Found],
        tech_spans: &[(Range<usize>, u32)],
        span: &dyn Fn(Range<usize>) -> Span,
        lexicon: &Lexicon,
    ) {
        let as_of = self.settings.as_of;
        let date = |ym: &YearMonth| ym_string(*ym);
        let mut by_skill: FastMap<u32, Vec<positions::Found>> = FastMap::default();
        for p in found {
            let mut ids: Vec<u32> = Vec::new();
            for (t, e) in tech_spans {
                if t.start >= p.span.start && t.end <= p.span.end && !ids.contains(e) {
                    ids.push(*e);
                }
            }
            for &e in &ids {
                // Internships count for the skill (the work was done), not for total experience.
                let mut q = p.clone();
                q.internship = false;
                by_skill.entry(e).or_default().push(q);
            }
            let whole = span(p.span.clone());
            tags.positions.push(Position {
                title: p.title.clone().map(span),
                company: p.company.clone().map(span),
                start: p.start.as_ref().map(date),
                end: p.end.as_ref().map(date),
                current: p.current,
                months: p.months,
                internship: p.internship,
                skills: ids
                    .iter()
                    .map(|&e| lexicon.entry(e as usize).id.to_string())
                    .collect(),
                dates: span(p.dates.clone()),
                span_start: whole.start,
                span_end: whole.end,
            });
        }
        tags.total_experience_months = (!found.is_empty()).then(|| positions::total_months(found, as_of));
        // By id, for the few skills named inside positions (a map of the whole lexicon per
        // résumé cost more than the rest of this step).
        let by_id: FastMap<&str, &Vec<positions::Found>> = by_skill
            .iter()
            .map(|(&e, list)| (&*lexicon.entry(e as usize).id, list))
            .collect();
        for skill in &mut tags.skills {
            // The résumé's own statement ("Python (5 years)", "SQL – 4 years") counts as well:
            // the larger of it and the dated positions. Only a floor is a statement of time
            // spent: "Java (Less than 1 year)", as job boards print it, is no year of Java.
            let stated = skill
                .years
                .and_then(|y| y.min)
                .map(|y| (y.clamp(0.0, 80.0) * 12.0).round() as u32);
            let Some(list) = by_id.get(skill.id.as_str()) else {
                skill.months = stated;
                continue;
            };
            skill.months = Some(positions::total_months(list, as_of).max(stated.unwrap_or(0)));
            skill.last_used = list
                .iter()
                .map(|p| {
                    if p.current {
                        as_of
                    } else {
                        p.end.or(p.start).unwrap_or(as_of)
                    }
                })
                .max()
                .as_ref()
                .map(date);
        }
    }

    /// Matches a résumé against a posting: both are tagged (as a résumé and as a posting) and
    /// compared; the report explains its score part by part (see [`crate::matching`]).
    ///
    /// ```
    /// let tagger = jdtag::Tagger::new();
    /// let report = tagger.match_docs(
    ///     "Jane Doe\nExperience\nBackend Engineer, Acme Inc\nJan 2019 - Present\nGo, Postgres, Docker",
    ///     "Requirements\n- Go and PostgreSQL\n- Kubernetes",
    /// );
    /// assert_eq!(report.required.met, ["go", "postgresql"]);
    /// assert_eq!(report.required.missing, ["kubernetes"]);
    /// assert!(report.score > 0.5 && report.score < 1.0);
    /// ```
    pub fn match_docs(&self, resume: &str, posting: &str) -> crate::matching::MatchReport {
        let read_as = |kind: DocKind| Tagger {
            settings: Settings {
                kind,
                ..self.settings
            },
            ..self.clone()
        };
        let r = read_as(DocKind::Resume).tag(resume);
        let p = read_as(DocKind::Posting).tag(posting);
        let broader = crate::matching::Broader::of(&self.inner.lexicon);
        crate::matching::compare(&r, &p, &broader)
    }

    /// Runs every entry's `examples` (must tag the entry) and `counter_examples` (must not)
    /// and returns each failure as `file:line: why`.
    pub fn check_examples(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for e in self.inner.lexicon.entries() {
            let (file, _) = e.origin();
            for (text, line, want) in e
                .examples()
                .map(|(t, l)| (t, l, true))
                .chain(e.counter_examples().map(|(t, l)| (t, l, false)))
            {
                let tags = self.tag_with(text, Format::Text);
                let tagged =
                    tags.skill(e.id()).is_some() || tags.certifications.iter().any(|c| c.id == e.id());
                if tagged != want {
                    let found = tags.skill_ids().join(", ");
                    out.push(Problem {
                        file: file.to_string(),
                        line,
                        message: if want {
                            format!("example {text:?} does not tag {:?} (found: [{found}])", e.id())
                        } else {
                            format!("counter-example {text:?} tags {:?}", e.id())
                        },
                    });
                }
            }
        }
        out
    }
}

/// The requirement level of each sentence of a document, computed when first needed.
struct Levels<'a> {
    text: &'a str,
    sentences: &'a [Range<usize>],
    levels: Vec<Option<Requirement>>,
    section_at: &'a dyn Fn(usize) -> Option<&'static str>,
    /// Whether a stack label ("Our stack: …") asks for its technologies: no other section does.
    stack_asks: bool,
    /// The last sentence whose parts were read for their own levels, and those levels.
    scoped: Option<(usize, requirement::Scope)>,
}

impl Levels<'_> {
    /// The level of sentence `si`.
    fn of_sentence(&mut self, si: usize) -> Requirement {
        if let Some(level) = self.levels[si] {
            return level;
        }
        let section = self.sentence_section(si);
        let level = requirement::level(&self.text[self.sentences[si].clone()], section);
        self.levels[si] = Some(level);
        level
    }

    /// What a stack label or heading reads as (see `stack_asks`).
    fn stack_kind(&self) -> &'static str {
        if self.stack_asks { "requirements" } else { "other" }
    }

    /// The section kind sentence `si` reads in: a stack label that opens it ("Our stack: Go,
    /// Kubernetes") asks only when nothing else in the posting does; else see `section_of`.
    fn sentence_section(&self, si: usize) -> Option<&'static str> {
        let r = self.sentences[si].clone();
        let sentence = &self.text[r.clone()];
        let stack = sentence
            .find(':')
            .is_some_and(|c| sections::asking_label_kind(&sentence[..c]) == Some("stack"));
        match self.section_of(r.start) {
            Some(k) if sections::is_offered(k) => Some(k),
            _ if stack => Some(self.stack_kind()),
            section => section,
        }
    }

    /// The level of a mention at byte `at`: its sentence's, but a preferred cue counts only for
    /// its own part of the sentence ("Solid Ruby, Sidekiq is a plus"); outside any sentence, its
    /// section's.
    fn at(&mut self, at: usize) -> Requirement {
        match extract::sentence_at(self.sentences, at) {
            // A sentence that is not preferred as a whole has no preferred cue to scope.
            Some(si) => match self.of_sentence(si) {
                Requirement::Preferred => {
                    let r = self.sentences[si].clone();
                    if self.scoped.as_ref().is_none_or(|(s, _)| *s != si) {
                        let section = self.sentence_section(si);
                        self.scoped = Some((si, requirement::scope(&self.text[r.clone()], section)));
                    }
                    let (_, scope) = self.scoped.as_ref().expect("scoped above");
                    scope.at(at - r.start)
                }
                whole => whole,
            },
            None => requirement::level("", self.section_of(at)),
        }
    }

    /// The section kind that byte `at` reads in: an asking label that opens its line
    /// ("Preferred qualifications: …"), else the section under the last heading. Under a
    /// heading of what the employer offers or says of itself, a label is what it offers
    /// ("Bonus: 10% of base salary").
    fn section_of(&self, at: usize) -> Option<&'static str> {
        match (self.section_at)(at) {
            Some(k) if sections::is_offered(k) => Some(k),
            section => sections::line_label_kind(self.text, at)
                .map(|k| if k == "stack" { self.stack_kind() } else { k })
                .or(section),
        }
    }
}

/// The kind of the section that byte `at` lies in: that of the last heading at or before it.
fn kind_at(headings: &[input::Heading], kinds: &[&'static str], at: usize) -> Option<&'static str> {
    headings
        .partition_point(|h| h.start <= at)
        .checked_sub(1)
        .map(|i| kinds[i])
}

/// `YYYY-MM`, or `YYYY` when the month is not known.
fn ym_string(ym: YearMonth) -> String {
    match ym.month {
        Some(m) => format!("{:04}-{m:02}", ym.year),
        None => format!("{:04}", ym.year),
    }
}

/// Whether a résumé writes its schools above their degrees (LinkedIn's "School\nDegree, Field ·
/// (2015 - 2018)"): more degree lines without a school of their own have one on the line above
/// than on the line below. In a list of such pairs the last degree has none below, and the first
/// of "Degree\nSchool" pairs none above.
fn schools_above(text: &str, degree_lines: &DegreeLines) -> bool {
    let school_on = |l: Option<Range<usize>>| {
        l.is_some_and(|l| !degree_lines.contains(&l) && education::institution(&text[l]).is_some())
    };
    let (mut above, mut below) = (0, 0);
    for line in &degree_lines.lines {
        if !extract::is_whole_line(text, line) || education::institution(&text[line.clone()]).is_some() {
            continue;
        }
        above += usize::from(school_on(prev_line(text, line.start)));
        below += usize::from(school_on(next_line(text, line.end)));
    }
    above > below
}

/// The lines holding the degrees found, one per degree in their order (a line holding two
/// is there twice), with a sorted copy to look lines up in: a résumé flattened onto one line
/// may name thousands of degrees, and a scan of the list for each was quadratic.
struct DegreeLines {
    lines: Vec<Range<usize>>,
    sorted: Vec<(usize, usize)>,
}

impl DegreeLines {
    fn new(lines: Vec<Range<usize>>) -> DegreeLines {
        let mut sorted: Vec<(usize, usize)> = lines.iter().map(|l| (l.start, l.end)).collect();
        sorted.sort_unstable();
        sorted.dedup();
        DegreeLines { lines, sorted }
    }

    fn contains(&self, line: &Range<usize>) -> bool {
        self.sorted.binary_search(&(line.start, line.end)).is_ok()
    }
}

/// A résumé degree's school and graduation year: from its own line, else the next line, else
/// the line before (the line before first when the résumé writes schools above degrees: see
/// [`schools_above`]; a line touching the degree's before one across a blank line) — but not
/// from another degree's line. A year missing from the degree's
/// line and the lines touching it may stand on the line right under a school found below
/// ("Degree⏎School - Town⏎2010 to 2014", Indeed) or right over a school found above
/// ("10/2015 – 03/2021⏎School⏎Degree"); only then is a year read across a blank line (the
/// dates of the entry before: "…⏎2014 - 2018⏎⏎MBA⏎School⏎2019 - 2020").
fn school_and_year(
    text: &str,
    line: &Range<usize>,
    degree_lines: &DegreeLines,
    max_year: i32,
    above_first: bool,
) -> (Option<Range<usize>>, Option<u16>) {
    let (mut school, mut year) = (None, None);
    // A window cut out of a longer line (a flattened document) has no neighbours to read.
    let whole = extract::is_whole_line(text, line);
    let neighbours = whole.then(|| {
        let (next, prev) = (next_line(text, line.end), prev_line(text, line.start));
        let (first, second) = if above_first { (prev, next) } else { (next, prev) };
        first.into_iter().chain(second)
    });
    let near: Vec<Range<usize>> = std::iter::once(line.clone())
        .chain(neighbours.into_iter().flatten())
        .filter(|l| l == line || !degree_lines.contains(l))
        .collect();
    // Lines next to each other, with no blank line between.
    // (A line break is "\n" or "\r\n": a CRLF résumé's lines touch too.)
    let adjacent = |a: &Range<usize>, b: &Range<usize>| {
        a.end <= b.start && matches!(&text[a.end..b.start], "\n" | "\r\n" | "\r")
    };
    let touching = |a: &Range<usize>, b: &Range<usize>| adjacent(a, b) || adjacent(b, a);
    let mut school_line = None;
    let mut far_year = None;
    // The school is read from the lines touching the degree's first, then across a blank line
    // (LinkedIn: "École Polytechnique⏎Master's degree, … · (2016 - 2018)⏎⏎Lycée …").
    // An examining board ("Class XII, CBSE", "Senior Secondary Certificate (WAEC)") gives way to
    // a school on a line touching the degree's ("Queen's College, Yaba, 2009").
    let mut board = false;
    for l in near
        .iter()
        .filter(|l| *l == line || touching(l, line))
        .chain(near.iter().filter(|l| *l != line && !touching(l, line)))
    {
        let s = &text[l.clone()];
        if (school.is_none() || (board && touching(l, line)))
            && let Some((r, is_board)) = education::institution_or_board(s)
            && (school.is_none() || !is_board)
        {
            school = Some(l.start + r.start..l.start + r.end);
            school_line = Some(l.clone());
            board = is_board;
        }
    }
    for l in &near {
        let s = &text[l.clone()];
        if l == line || touching(l, line) {
            year = year.or_else(|| education::graduation_year(s, max_year));
        } else {
            far_year = far_year.or_else(|| education::graduation_year(s, max_year));
        }
    }
    if let Some(sl) = school_line.filter(|sl| year.is_none() && whole && sl != line) {
        let dates = if sl.start > line.end {
            next_line(text, sl.end)
        } else {
            prev_line(text, sl.start)
        };
        let dates = dates
            .filter(|d| touching(d, &sl) && !degree_lines.contains(d) && extract::is_whole_line(text, d));
        year = dates.and_then(|d| education::graduation_year(&text[d], max_year));
    }
    (school, year.or(far_year))
}

/// The line holding byte `at`, without its line break (cut around `at` on a huge line: see
/// [`extract::line_within`]).
fn line_around(text: &str, at: usize) -> Range<usize> {
    extract::line_within(text, at, at)
}

/// The next non-blank line after a line ending at `end`.
fn next_line(text: &str, end: usize) -> Option<Range<usize>> {
    let mut at = end;
    while at < text.len() {
        let l = line_around(text, at + 1);
        if !text[l.clone()].trim().is_empty() {
            return Some(l);
        }
        at = l.end;
    }
    None
}

/// The previous non-blank line before a line starting at `start`.
fn prev_line(text: &str, start: usize) -> Option<Range<usize>> {
    let mut at = start;
    while at > 0 {
        let l = line_around(text, at - 1);
        if !text[l.clone()].trim().is_empty() {
            return Some(l);
        }
        at = l.start;
    }
    None
}

/// Where the clause of a duration starts when another duration of its sentence ends at `from`
/// and it starts at `to`: after the first comma, semicolon or "and" between them, which ends the
/// other's subject ("7+ years in Java, 3+ in a leadership role": the 3+ is not for Java), else
/// at `from`.
fn clause_break(text: &str, from: usize, to: usize) -> usize {
    let Some(gap) = text.get(from..to) else {
        return from;
    };
    let sep = gap.find([',', ';']).map(|i| i + 1);
    let and = gap
        .match_indices("and")
        .find(|&(i, _)| {
            let b = gap.as_bytes();
            (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && b.get(i + 3).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
        .map(|(i, _)| i + 3);
    from + match (sep, and) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(0),
    }
}

/// Most words between a duration and the technology it is of ("5+ years of hands-on Java").
const MAX_WORDS_TO_SUBJECT: usize = 3;

/// The technologies a duration is tied to: all those of a label before a colon ("Java and
/// Spring Boot: 3+ years"), or the one right before it ("Python (3+ yrs)"), or those after it up
/// to the next duration of the clause ("5+ years of Python and Go"), or, when none follow, those
/// before it ("Go for at least 2 years").
fn experience_skills(
    f: &experience::Found,
    in_sentence: &[(Range<usize>, u32)],
    prev_end: usize,
    next_start: usize,
    text: &str,
) -> Vec<u32> {
    // `in_sentence` is sorted by start: binary searches keep a long sentence linear.
    let from = |at: usize| in_sentence.partition_point(|(t, _)| t.start < at);
    let between = |lo: usize, hi: usize| -> Vec<u32> {
        in_sentence[from(lo)..from(hi)]
            .iter()
            .filter(|(t, _)| t.end <= hi)
            .map(|(_, e)| *e)
            .collect()
    };
    let before = &text[prev_end..f.span.start];
    let label = before
        .trim_end()
        .strip_suffix(':')
        .map(|l| between(prev_end, prev_end + l.len()));
    let nearest_before = in_sentence[from(prev_end)..from(f.span.start)]
        .iter()
        .rev()
        .find(|(t, _)| t.end <= f.span.start);
    // "Familiar with Spring Cloud, 5+ years of Java experience": after a comma, a technology
    // a few words on with nothing between ("of", "of professional") is what the duration is of.
    let leads_on = || {
        in_sentence[from(f.span.end)..from(next_start)]
            .first()
            .is_some_and(|(t, _)| {
                let gap = &text[f.span.end..t.start];
                gap.split_whitespace().count() <= MAX_WORDS_TO_SUBJECT
                    && gap.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            })
    };
    let glued = nearest_before.filter(|(t, _)| {
        let gap = &text[t.end..f.span.start];
        gap.trim_matches(|c: char| c.is_whitespace() || "(:-–—,".contains(c))
            .is_empty()
            && !(gap.contains(',') && leads_on())
    });
    let picked = if let Some(label) = label.filter(|l| !l.is_empty()) {
        label
    } else if let Some((_, e)) = glued {
        vec![*e]
    } else {
        let after: Vec<u32> = in_sentence[from(f.span.end)..from(next_start)]
            .iter()
            .map(|(_, e)| *e)
            .collect();
        if after.is_empty() {
            between(prev_end, f.span.start)
        } else {
            after
        }
    };
    let mut seen = std::collections::HashSet::new();
    picked.into_iter().filter(|e| seen.insert(*e)).collect()
}
