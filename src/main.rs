//! The `jdtag` command: flags in, a `Tagger` built, documents streamed to JSON on stdout.

use clap::{Args, Parser, Subcommand, ValueEnum};
use jdtag::lexicon::Category;
use jdtag::{Format, Tagger, Tags};
use serde::Serialize;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Tag technologies in job postings and résumés: text in, JSON out.
#[derive(Parser)]
#[command(name = "jdtag", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    tag: TagArgs,
}

#[derive(Args)]
struct TagArgs {
    /// Files or folders (.txt, .md, .markdown, .html, .htm under them) to tag; none or `-` reads stdin.
    /// One input prints one JSON document; several print JSON Lines with a `path` field.
    inputs: Vec<PathBuf>,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// How to read the input.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// A lexicon file or folder that adds or overrides entries (repeatable).
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicons: Vec<PathBuf>,
    /// Read invalid UTF-8 as U+FFFD (with a warning in the output) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Keep only these categories (comma-separated, e.g. `language,database`).
    #[arg(long, value_delimiter = ',', value_parser = parse_category)]
    categories: Vec<Category>,
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        format!("unknown category {s:?}; expected one of: {}", all.join(", "))
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Auto,
    Text,
    Markdown,
    Html,
}

#[derive(Subcommand)]
enum Command {
    /// Check or list lexicons.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Validate lexicon files or folders and run their examples; print every problem as `file:line: why`.
    Check {
        /// Lexicon files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the entries of the built-in lexicon (plus any --lexicon): id, name, category, aliases.
    List {
        /// One JSON object per line instead of tab-separated columns.
        #[arg(long)]
        json: bool,
        /// A lexicon file or folder to add (repeatable).
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
    /// Print one entry with its forms, rules, examples and sources (as JSON).
    Show {
        /// The entry's id, e.g. `kubernetes`.
        id: String,
        /// A lexicon file or folder to add (repeatable).
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
    /// Count entries, aliases and entries with context rules, per category and in total.
    Stats {
        /// Print JSON instead of an aligned table.
        #[arg(long)]
        json: bool,
        /// A lexicon file or folder to add (repeatable).
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
}

/// What went wrong, mapped to an exit code by `main`.
enum Failure {
    /// stdout is closed: stop quietly.
    Closed,
    /// Bad usage or configuration: exit 2.
    Usage(String),
    /// Some inputs failed but the run went on: exit 1.
    Records,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Usage(format!("cannot write output: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Lexicon {
            command: LexiconCommand::Check { paths },
        }) => check(&paths),
        Some(Command::Lexicon {
            command: LexiconCommand::List { json, lexicons },
        }) => list(json, &lexicons),
        Some(Command::Lexicon {
            command: LexiconCommand::Show { id, lexicons },
        }) => show(&id, &lexicons),
        Some(Command::Lexicon {
            command: LexiconCommand::Stats { json, lexicons },
        }) => stats(json, &lexicons),
        None => tag(&cli.tag),
    };
    match result {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Records) => ExitCode::from(1),
        Err(Failure::Usage(msg)) => {
            eprintln!("jdtag: {msg}");
            ExitCode::from(2)
        }
    }
}

fn build_tagger(lexicons: &[PathBuf], categories: &[Category]) -> Result<Tagger, Failure> {
    let mut b = Tagger::builder();
    for p in lexicons {
        b.lexicon_path(p);
    }
    if !categories.is_empty() {
        b.categories(categories.iter().copied());
    }
    b.build()
        .map_err(|e| Failure::Usage(format!("bad lexicon:\n{e}")))
}

/// One input to tag: stdin or a file.
enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Source::File(p) => std::fs::read(p),
        }
    }
}

/// The inputs named on the command line, folders expanded (sorted, recursively).
fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>, Failure> {
    if inputs.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|e| Failure::Usage(format!("{}: {e}", p.display())))?;
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
            matches!(
                x.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "html" | "htm"
            )
        }) {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct WithPath<'a> {
    path: &'a str,
    #[serde(flatten)]
    tags: &'a Tags,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    path: &'a str,
    error: &'a str,
}

fn tag(args: &TagArgs) -> Result<(), Failure> {
    let tagger = build_tagger(&args.lexicons, &args.categories)?;
    let format = match args.format {
        FormatArg::Auto => Format::Auto,
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
    };
    let sources = sources(&args.inputs)?;
    let single = sources.len() == 1;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for source in &sources {
        let name = source.name();
        let result = source
            .read()
            .map_err(|e| format!("{name}: {e}"))
            .and_then(|bytes| {
                tagger
                    .tag_bytes(&bytes, format, args.lossy)
                    .map_err(|e| format!("{name}: {e}"))
            });
        match result {
            Ok(tags) if single => write_json(&mut out, &tags, args.pretty)?,
            Ok(tags) => write_json(
                &mut out,
                &WithPath {
                    path: &name,
                    tags: &tags,
                },
                args.pretty,
            )?,
            Err(msg) if single => return Err(Failure::Usage(msg)),
            Err(msg) => {
                eprintln!("jdtag: {msg}");
                write_json(
                    &mut out,
                    &ErrorRecord {
                        path: &name,
                        error: &msg,
                    },
                    args.pretty,
                )?;
                failed = true;
            }
        }
    }
    out.flush()?;
    if failed { Err(Failure::Records) } else { Ok(()) }
}

fn write_json(out: &mut impl Write, value: &impl Serialize, pretty: bool) -> Result<(), Failure> {
    let res = if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        serde_json::to_writer(&mut *out, value)
    };
    res.map_err(|e| match e.io_error_kind() {
        Some(kind) => Failure::from(io::Error::from(kind)),
        None => Failure::Usage(format!("cannot serialize output: {e}")),
    })?;
    out.write_all(b"\n")?;
    Ok(())
}

fn check(paths: &[PathBuf]) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let mut entries = 0;
    for p in paths {
        match jdtag::lexicon::Lexicon::load(p) {
            Ok(lex) => {
                entries += lex.len();
                // With the built-in lexicon when it loads, so examples may lean on its entries.
                let built = Tagger::builder()
                    .lexicon_path(p)
                    .build()
                    .or_else(|_| Tagger::builder().lexicon_path(p).without_builtin().build());
                match built {
                    Ok(tagger) => {
                        let own = |f: &str| lex.entries().any(|e| e.origin().0 == f);
                        problems.extend(tagger.check_examples().into_iter().filter(|pr| own(&pr.file)));
                    }
                    Err(e) => return Err(Failure::Usage(e.to_string())),
                }
            }
            Err(e) if !e.problems().is_empty() => problems.extend(e.problems().iter().cloned()),
            Err(e) => return Err(Failure::Usage(e.to_string())),
        }
    }
    let mut err = io::stderr().lock();
    for p in &problems {
        writeln!(err, "{p}")?;
    }
    if problems.is_empty() {
        println!("ok: {entries} entries");
        Ok(())
    } else {
        Err(Failure::Usage(format!("{} problem(s)", problems.len())))
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    aliases: Vec<&'a str>,
}

fn list(json: bool, lexicons: &[PathBuf]) -> Result<(), Failure> {
    let tagger = build_tagger(lexicons, &[])?;
    let mut out = BufWriter::new(io::stdout().lock());
    for e in tagger.lexicon().entries() {
        let row = ListRow {
            id: e.id(),
            name: e.name(),
            category: e.category().as_str(),
            aliases: e.aliases().collect(),
        };
        if json {
            write_json(&mut out, &row, false)?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                row.id,
                row.name,
                row.category,
                row.aliases.join(", ")
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

fn show(id: &str, lexicons: &[PathBuf]) -> Result<(), Failure> {
    let tagger = build_tagger(lexicons, &[])?;
    let Some(e) = tagger.lexicon().entries().find(|e| e.id() == id) else {
        return Err(Failure::Usage(format!(
            "no entry has the id {id:?} (see `jdtag lexicon list`)"
        )));
    };
    let (file, line) = e.origin();
    let doc = serde_json::json!({
        "id": e.id(),
        "name": e.name(),
        "category": e.category().as_str(),
        "vendor": e.vendor(),
        "forms": e.forms().map(|(text, cased, ruled)| serde_json::json!({
            "text": text, "cased": cased, "rules_apply": ruled,
        })).collect::<Vec<_>>(),
        "rules": e.rules().map(|r| serde_json::json!({
            "never": r.never(), "cues": r.cues(), "confirm": r.confirm(), "window": r.window(),
        })),
        "refs": e.refs(),
        "examples": e.examples().map(|(t, _)| t).collect::<Vec<_>>(),
        "counter_examples": e.counter_examples().map(|(t, _)| t).collect::<Vec<_>>(),
        "source": format!("{file}:{line}"),
    });
    let mut out = BufWriter::new(io::stdout().lock());
    write_json(&mut out, &doc, true)?;
    out.flush()?;
    Ok(())
}

#[derive(Serialize, Default)]
struct Counts {
    entries: usize,
    aliases: usize,
    with_rules: usize,
}

fn stats(json: bool, lexicons: &[PathBuf]) -> Result<(), Failure> {
    let tagger = build_tagger(lexicons, &[])?;
    let mut total = Counts::default();
    let mut per: std::collections::BTreeMap<&str, Counts> = std::collections::BTreeMap::new();
    for e in tagger.lexicon().entries() {
        for c in [&mut total, per.entry(e.category().as_str()).or_default()] {
            c.entries += 1;
            c.aliases += e.aliases().count();
            c.with_rules += usize::from(e.is_ambiguous());
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        #[derive(Serialize)]
        struct Stats<'a> {
            #[serde(flatten)]
            total: &'a Counts,
            categories: &'a std::collections::BTreeMap<&'a str, Counts>,
        }
        write_json(
            &mut out,
            &Stats {
                total: &total,
                categories: &per,
            },
            true,
        )?;
    } else {
        writeln!(
            out,
            "{:<20} {:>8} {:>8} {:>10}",
            "category", "entries", "aliases", "with_rules"
        )?;
        for (name, c) in per.iter().map(|(n, c)| (*n, c)).chain([("total", &total)]) {
            writeln!(
                out,
                "{name:<20} {:>8} {:>8} {:>10}",
                c.entries, c.aliases, c.with_rules
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
