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
    out.push_str(
        "/// The built-in entries, parsed and checked at build time (`None`: a file has a problem).\n",
    );
    if problems.is_empty() {
        out.push_str("pub(crate) static ENTRIES: Option<&[StaticEntry]> = Some(&[\n");
        for e in &parsed.entries {
            write_entry(&mut out, e);
        }
        out.push_str("]);\n");
    } else {
        for p in &problems {
            println!("cargo:warning={}:{}: {}", p.file, p.line, p.message);
        }
        out.push_str("pub(crate) static ENTRIES: Option<&[StaticEntry]> = None;\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_lexicons.rs");
    std::fs::write(dest, out).unwrap();
}

/// One entry as a `StaticEntry` literal (`src/lexicon/builtin.rs`); `{:?}` of a string is a
/// Rust string literal.
fn write_entry(out: &mut String, e: &entries::Entry) {
    let pairs = |list: &[(entries::Text, usize)]| {
        let items: Vec<String> = list.iter().map(|(s, l)| format!("({s:?}, {l})")).collect();
        format!("&[{}]", items.join(", "))
    };
    let forms: Vec<String> = e
        .forms
        .iter()
        .map(|f| format!("({:?}, {}, {}, {})", f.text, f.cased, f.ruled, f.line))
        .collect();
    let refs: Vec<String> = e.refs.iter().map(|(k, v)| format!("({k:?}, {v:?})")).collect();
    let rules = match &e.rules {
        None => "None".to_string(),
        Some(r) => format!(
            "Some(StaticRules {{ never: &{:?}, cues: &{:?}, confirm: {}, nearby: {}, window: {} }})",
            r.never, r.cues, r.confirm, r.nearby, r.window
        ),
    };
    writeln!(
        out,
        "    StaticEntry {{ id: {:?}, name: {:?}, category: Category::{:?}, forms: &[{}], refs: &[{}], vendor: {:?}, rules: {}, examples: {}, counter_examples: {}, file: {:?}, line: {} }},",
        e.id,
        e.name,
        e.category,
        forms.join(", "),
        refs.join(", "),
        e.vendor,
        rules,
        pairs(&e.examples),
        pairs(&e.counter_examples),
        e.origin.file,
        e.origin.line,
    )
    .unwrap();
}
