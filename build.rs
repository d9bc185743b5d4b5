//! Embeds the built-in lexicon in two forms:
//! - every `lexicons/*.toml` file as text (the list is read from the folder, so it never goes
//!   stale), for `lexicon check` and as the fallback;
//! - the entries parsed and checked here, at build time, as static data, so a process starts
//!   from ready entries instead of parsing ~1 MB of TOML.
//!
//! The parse is the crate's own: `src/lexicon/{category,entries,file}.rs` are compiled into this
//! script too. When a file has a problem, no static data is emitted (the problems are printed as
//! warnings) and the crate parses the text at run time, which reports them with `file:line` as
//! for any lexicon.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

mod error {
    /// The build-time twin of `jdtag::error::Problem`.
    pub struct Problem {
        pub file: String,
        pub line: usize,
        pub message: String,
    }
}

// The crate's own lexicon modules; they name each other as `super::…`, which here is this
// script's root.
#[path = "src/lexicon/category.rs"]
mod category;
#[path = "src/lexicon/entries.rs"]
mod entries;
#[path = "src/lexicon/file.rs"]
mod file;
// The matcher's index, built here over the built-in forms with the crate's own code.
#[path = "src/fasthash.rs"]
mod fasthash;
#[path = "src/matcher_index.rs"]
mod matcher_index;

/// Compiled rule sets are a run-time matter; here they are nothing.
type NeverCache = ();
/// See [`NeverCache`].
type CueCache = ();

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("lexicons");
    println!("cargo:rerun-if-changed={}", dir.display());
    for f in ["category.rs", "entries.rs", "file.rs"] {
        println!(
            "cargo:rerun-if-changed={}",
            root.join("src/lexicon").join(f).display()
        );
    }
    for f in ["fasthash.rs", "matcher_index.rs"] {
        println!("cargo:rerun-if-changed={}", root.join("src").join(f).display());
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("lexicons/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut out = String::from(
        "/// The built-in lexicon files, by name.\npub(crate) static FILES: &[(&str, &str)] = &[\n",
    );
    let mut parsed = entries::Parsed::default();
    let mut problems = Vec::new();
    for n in &names {
        let path = dir.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/lexicons/{n}\"))),"
        )
        .unwrap();
        let text = std::fs::read_to_string(&path).expect("lexicon files are UTF-8");
        file::parse(&format!("<built-in>/{n}"), &text, &mut parsed, &mut problems);
    }
    out.push_str("];\n\n");
    entries::check_ids(&parsed.entries, &mut problems);
    entries::check_aliases(&parsed.entries, &mut problems);
    if !parsed.disabled.is_empty() || !parsed.extensions.is_empty() {
        problems.push(error::Problem {
            file: "<built-in>".into(),
            line: 1,
            message: "the built-in files may not disable or extend entries".into(),
        });
    }
    if problems.is_empty() {
        Tables::default().write(&parsed.entries, &mut out);
        write_index(&parsed.entries, &mut out);
    } else {
        for p in &problems {
            println!("cargo:warning={}:{}: {}", p.file, p.line, p.message);
        }
        out.push_str(
            "/// The built-in entries, parsed and checked at build time (`None`: a file has a problem).\n\
             pub(crate) static ENTRIES: Option<Tables> = None;\n\
             /// The matcher's index of the built-in forms (`None`: a file has a problem).\n\
             pub(crate) static INDEX: Option<Index> = None;\n",
        );
    }
    cue_files(root);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_lexicons.rs");
    std::fs::write(dest, out).unwrap();
}

/// Every cue file (`lexicons/cues/*.toml`, `lexicons/sections/*.toml`) checked and written as
/// JSON to `OUT_DIR`, where the crate's `cue_file!` reads it: a process reads them all at
/// start-up, and JSON parses several times faster than TOML. A file that is no valid TOML
/// stops the build with its `file:line` and the reason.
fn cue_files(root: &Path) {
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    for kind in ["cues", "sections"] {
        let dir = root.join("lexicons").join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        std::fs::create_dir_all(out.join(kind)).unwrap();
        for e in std::fs::read_dir(&dir).expect("the cue folders exist") {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).expect("cue files are UTF-8");
            let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| {
                let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
                panic!("{}:{line}: {}", path.display(), e.message())
            });
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let json = serde_json::to_string(&value).expect("TOML values are JSON values");
            std::fs::write(out.join(kind).join(format!("{stem}.json")), json).unwrap();
        }
    }
}

/// The matcher's index of the built-in entries' forms (`src/matcher_index.rs`), as static
/// lists of numbers written with that module's short constructors.
fn write_index(entries: &[entries::Entry], out: &mut String) {
    let forms: Vec<(&str, matcher_index::Owner)> = entries
        .iter()
        .enumerate()
        .flat_map(|(ei, e)| {
            e.forms.iter().enumerate().map(move |(fi, f)| {
                let flags = u8::from(f.cased) | u8::from(f.ruled) << 1;
                (&*f.text, matcher_index::owner(ei as u32, fi as u32, flags))
            })
        })
        .collect();
    let ix = matcher_index::Index::build(&forms);
    out.push_str(
        "/// The matcher's index of the built-in forms, built by `build.rs` with\n\
         /// `matcher_index::Index::build` (`None`: a file has a problem).\n\
         pub(crate) static INDEX: Option<Index> = Some(Index {\n    bytes: Cow::Borrowed(b\"",
    );
    for &b in ix.bytes.iter() {
        if (b.is_ascii_graphic() || b == b' ') && b != b'"' && b != b'\\' {
            out.push(b as char);
        } else {
            write!(out, "\\x{b:02x}").unwrap();
        }
    }
    out.push_str("\"),\n");
    let list = |out: &mut String, name: &str, items: Vec<String>| {
        write!(out, "    {name}: Cow::Borrowed(&[").unwrap();
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i % 16 == 0 { "\n        " } else { " " });
            out.push_str(item);
            out.push(',');
        }
        out.push_str("\n    ]),\n");
    };
    let pairs = |v: &[(u32, u32)]| v.iter().map(|(a, b)| format!("({a}, {b})")).collect();
    list(out, "patterns", pairs(&ix.patterns));
    list(out, "owner_spans", pairs(&ix.owner_spans));
    let owners = ix.owners.iter();
    let owners = owners.map(|o| {
        format!(
            "owner({}, {}, {})",
            o.entry,
            o.form,
            u8::from(o.cased) | u8::from(o.ruled) << 1
        )
    });
    list(out, "owners", owners.collect());
    let slots = ix.slots.iter();
    let slots = slots.map(|s| format!("slot({:#x}, {:#x}, {}, {})", s.head, s.mask, s.pattern, s.len));
    list(out, "slots", slots.collect());
    let groups = ix.groups.iter();
    let groups = groups.map(|g| format!("group({}, {}, {})", g.start, g.end, g.key_len));
    list(out, "groups", groups.collect());
    list(out, "table", ix.table.iter().map(|t| t.to_string()).collect());
    writeln!(
        out,
        "    first: {:?},\n    multi_word: {},\n    longest_segment: {},\n}});",
        ix.first, ix.multi_word, ix.longest_segment
    )
    .unwrap();
}

/// The built-in entries as `src/lexicon/builtin.rs` reads them: every string in one text and
/// every list in one table per kind, referred to by offset and length. The tables hold only
/// numbers, so a position-independent executable has nothing to relocate in them at start-up
/// (a table of `&str` costs one relocation per string: 120,000 of them, 3 MB of pages written
/// before `main`).
#[derive(Default)]
struct Tables {
    text: String,
    /// Each distinct string's `(offset, length)` in `text`.
    placed: std::collections::HashMap<String, (usize, usize)>,
    forms: Vec<String>,
    refs: Vec<String>,
    lines: Vec<String>,
    words: Vec<String>,
    entries: Vec<String>,
}

impl Tables {
    /// A string's place in the text, as an `S` literal.
    fn s(&mut self, s: &str) -> String {
        let (o, l) = match self.placed.get(s) {
            Some(&at) => at,
            None => {
                let at = (self.text.len(), s.len());
                self.text.push_str(s);
                self.placed.insert(s.to_string(), at);
                at
            }
        };
        format!("S({o}, {l})")
    }

    /// Appends `items` to one of the tables and returns their place as an `L` literal.
    fn list(table: &mut Vec<String>, items: Vec<String>) -> String {
        let at = table.len();
        let n = items.len();
        table.extend(items);
        format!("L({at}, {n})")
    }

    fn write(mut self, entries: &[entries::Entry], out: &mut String) {
        for e in entries {
            let forms: Vec<String> = e
                .forms
                .iter()
                .map(|f| {
                    let t = self.s(&f.text);
                    format!(
                        "StaticForm {{ text: {t}, cased: {}, ruled: {}, line: {} }}",
                        f.cased, f.ruled, f.line
                    )
                })
                .collect();
            let refs: Vec<String> = e
                .refs
                .iter()
                .map(|(k, v)| {
                    let (k, v) = (self.s(k), self.s(v));
                    format!("({k}, {v})")
                })
                .collect();
            let lines = |t: &mut Tables, list: &[(entries::Text, usize)]| -> Vec<String> {
                list.iter().map(|(s, l)| format!("({}, {l})", t.s(s))).collect()
            };
            let examples = lines(&mut self, &e.examples);
            let counter = lines(&mut self, &e.counter_examples);
            let rules = match &e.rules {
                None => "None".to_string(),
                Some(r) => {
                    let never: Vec<String> = r.never.iter().map(|w| self.s(w)).collect();
                    let cues: Vec<String> = r.cues.iter().map(|w| self.s(w)).collect();
                    format!(
                        "Some(StaticRules {{ never: {}, cues: {}, confirm: {}, nearby: {}, window: {} }})",
                        Self::list(&mut self.words, never),
                        Self::list(&mut self.words, cues),
                        r.confirm,
                        r.nearby,
                        r.window
                    )
                }
            };
            let vendor = match &e.vendor {
                Some(v) => format!("Some({})", self.s(v)),
                None => "None".to_string(),
            };
            let (id, name, file) = (self.s(&e.id), self.s(&e.name), self.s(&e.origin.file));
            let entry = format!(
                "StaticEntry {{ id: {id}, name: {name}, category: Category::{:?}, forms: {}, refs: {}, vendor: {vendor}, rules: {rules}, examples: {}, counter_examples: {}, file: {file}, line: {} }}",
                e.category,
                Self::list(&mut self.forms, forms),
                Self::list(&mut self.refs, refs),
                Self::list(&mut self.lines, examples),
                Self::list(&mut self.lines, counter),
                e.origin.line,
            );
            self.entries.push(entry);
        }
        writeln!(
            out,
            "/// The built-in entries, parsed and checked at build time (`None`: a file has a problem).\n\
             pub(crate) static ENTRIES: Option<Tables> = Some(Tables {{\n    text: {:?},",
            self.text
        )
        .unwrap();
        for (name, rows) in [
            ("forms", &self.forms),
            ("refs", &self.refs),
            ("lines", &self.lines),
            ("words", &self.words),
            ("entries", &self.entries),
        ] {
            writeln!(out, "    {name}: &[").unwrap();
            for r in rows {
                writeln!(out, "        {r},").unwrap();
            }
            out.push_str("    ],\n");
        }
        out.push_str("});\n");
    }
}
