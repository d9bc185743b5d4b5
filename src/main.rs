//! The `jdtag` command: flags in, a `Tagger` built, documents streamed to JSON on stdout.

mod cli;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use cli::io::{Compression, open_input, open_output};
use jdtag::bulk::{BulkOptions, RecordFormat};
use jdtag::lexicon::Category;
use jdtag::{DocKind, Format, Tagger, Tags};
use rayon::prelude::*;
use serde::Serialize;
use std::io::IsTerminal;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The command allocates and frees many small strings per document; mimalloc's per-thread free
/// lists make that cheaper than the system allocator: 15 % more MB/s on two threads, same output.
/// `no_thp` (Cargo.toml) keeps it off transparent huge pages, which cost 45 MB of RSS; `v2`
/// picks mimalloc 2, which held 30 MB less than mimalloc 3 on long documents (two threads,
/// 185 KB postings: 77 MB against 108 MB peak RSS) at the same instruction count.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// What the documents are: a posting, a résumé, or decide from the text.
    #[arg(long, value_enum, default_value_t = KindArg::Auto)]
    kind: KindArg,
    /// Count "Present" in résumés up to this month (YYYY-MM; default: this month).
    #[arg(long, value_parser = parse_year_month)]
    as_of: Option<(i32, u8)>,
    /// Replace contact values (e-mails, phones, URLs) in the output with their kind.
    #[arg(long)]
    redact: bool,
    /// Keep at most this many mentions per skill (a warning counts the rest).
    #[arg(long, default_value_t = jdtag::DEFAULT_MAX_MENTIONS)]
    max_mentions: usize,
    /// Keep only these categories (comma-separated, e.g. `language,database`).
    #[arg(long, value_delimiter = ',', value_parser = parse_category)]
    categories: Vec<Category>,
    /// Bulk: the input is JSON Lines, one record per line (stdin or the files given).
    #[arg(long, conflicts_with = "csv")]
    jsonl: bool,
    /// Bulk: the input is CSV with a header row.
    #[arg(long)]
    csv: bool,
    /// Bulk: the field(s) holding the text; with several (`title,description`) the first is the title.
    #[arg(long, value_delimiter = ',', default_value = "text")]
    text_field: Vec<String>,
    /// Bulk: the field copied to the output as `id`.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Bulk: input fields copied through to each output line (comma-separated).
    #[arg(long, value_delimiter = ',')]
    keep_fields: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Longest document accepted, in bytes; longer ones are an error record (or see --truncate).
    #[arg(long, default_value_t = 10 << 20)]
    max_bytes: usize,
    /// Cut documents over --max-bytes instead of refusing them (the output says so).
    #[arg(long)]
    truncate: bool,
    /// Decompress the input (default: by extension, .gz or .zst).
    #[arg(long, value_enum)]
    decompress: Option<Compression>,
    /// Write the output here (compressed when it ends in .gz or .zst) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Auto,
    Posting,
    Resume,
}

fn parse_year_month(s: &str) -> Result<(i32, u8), String> {
    let bad = || format!("{s:?} is not a month: expected YYYY-MM");
    let (y, m) = s.split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || !(1900..=2200).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
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
    /// Match a résumé against a posting: a score in [0, 1] explained by its parts.
    Match {
        /// The résumé (text, Markdown or HTML).
        resume: PathBuf,
        /// The posting.
        posting: PathBuf,
        /// Count "Present" up to this month (YYYY-MM; default: this month).
        #[arg(long, value_parser = parse_year_month)]
        as_of: Option<(i32, u8)>,
        /// A lexicon file or folder to add (repeatable).
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
    /// Count skills, requirement shares, seniority and years over a tagged corpus (JSON Lines).
    Stats {
        /// The tagged corpus (`-` or none: stdin; .gz and .zst are decompressed).
        input: Option<PathBuf>,
        /// Print JSON instead of aligned tables.
        #[arg(long)]
        json: bool,
        /// How many skills to list.
        #[arg(long, default_value_t = 30)]
        top: usize,
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
        Some(Command::Stats { input, json, top }) => stats_cmd(input.as_deref(), json, top),
        Some(Command::Match {
            resume,
            posting,
            as_of,
            lexicons,
        }) => match_cmd(&resume, &posting, as_of, &lexicons),
        None if cli.tag.jsonl || cli.tag.csv => bulk_cmd(&cli.tag),
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
    build_tagger_with(lexicons, categories, |_| {})
}

/// The tagger for a tagging run: lexicons, categories, and the document settings.
fn document_tagger(args: &TagArgs) -> Result<Tagger, Failure> {
    build_tagger_with(&args.lexicons, &args.categories, |b| {
        b.kind(match args.kind {
            KindArg::Auto => DocKind::Auto,
            KindArg::Posting => DocKind::Posting,
            KindArg::Resume => DocKind::Resume,
        })
        .redact(args.redact)
        .max_mentions(args.max_mentions);
        if let Some((y, m)) = args.as_of {
            b.as_of(y, m);
        }
    })
}

fn build_tagger_with(
    lexicons: &[PathBuf],
    categories: &[Category],
    settings: impl FnOnce(&mut jdtag::TaggerBuilder),
) -> Result<Tagger, Failure> {
    let mut b = Tagger::builder();
    settings(&mut b);
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

    fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
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
    // "jdtag --as-of 2026-11 match cv.txt job.txt": after an option, a subcommand's name reads
    // as a file to tag (the options are the tag command's). Say how to run it instead.
    if let Some(name) = inputs.iter().find_map(|p| {
        // Most inputs exist: the command's definition is built only for one that does not.
        let name = p.to_str().filter(|_| !p.exists())?;
        Cli::command()
            .get_subcommands()
            .any(|c| c.get_name() == name)
            .then_some(name)
    }) {
        return Err(Failure::Usage(format!(
            "{name}: no such file; to run the {name} command, put it first, before any option: jdtag {name} [OPTIONS] …"
        )));
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

fn format_of(args: &TagArgs) -> Format {
    match args.format {
        FormatArg::Auto => Format::Auto,
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
    }
}

/// The worker pool this run owns (the library never configures a global one).
fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, Failure> {
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if n == 0 {
        return Err(Failure::Usage("--threads must be at least 1".into()));
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start {n} threads: {e}")))
}

/// The progress bar on stderr, only when stderr is a terminal.
fn progress_bar(total_bytes: Option<u64>) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total_bytes {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("valid template"),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {bytes} {binary_bytes_per_sec} {msg}")
                .expect("valid template"),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    Some(bar)
}

/// The one-line summary on stderr at the end of a bulk run.
fn summary_line(records: u64, failed: u64, bytes: u64, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    let mbs = if secs > 0.0 {
        bytes as f64 / 1e6 / secs
    } else {
        0.0
    };
    eprintln!("jdtag: {records} records, {failed} failed, {secs:.2} s, {mbs:.1} MB/s");
}

fn bulk_cmd(args: &TagArgs) -> Result<(), Failure> {
    let tagger = document_tagger(args)?;
    let pool = pool(args.threads)?;
    let kind = if args.csv {
        RecordFormat::Csv
    } else {
        RecordFormat::JsonLines
    };
    let options = BulkOptions::default()
        .text_fields(args.text_field.clone())
        .id_field(args.id_field.clone())
        .keep_fields(args.keep_fields.clone())
        .max_bytes(args.max_bytes, args.truncate)
        .format(format_of(args));
    let inputs: Vec<Option<&Path>> = if args.inputs.is_empty() {
        vec![None]
    } else {
        args.inputs.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut out = open_output(args.output.as_deref()).map_err(|e| Failure::Usage(e.to_string()))?;
    let started = Instant::now();
    let (mut records, mut failed, mut bytes) = (0u64, 0u64, 0u64);
    for input in inputs {
        let (reader, size) = open_input(input, args.decompress).map_err(|e| Failure::Usage(e.to_string()))?;
        let bar = progress_bar(size);
        let summary = jdtag::bulk::run(&tagger, &pool, reader, kind, &mut out, &options, |s| {
            if let Some(bar) = &bar {
                bar.set_position(s.bytes);
                bar.set_message(format!(
                    "{} records, {} failed",
                    records + s.records,
                    failed + s.failed
                ));
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        let summary = summary.map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => Failure::Closed,
            io::ErrorKind::InvalidData => Failure::Usage(e.to_string()),
            _ => Failure::Usage(format!("bulk run failed: {e}")),
        })?;
        records += summary.records;
        failed += summary.failed;
        bytes += summary.bytes;
    }
    out.flush()?;
    drop(out);
    summary_line(records, failed, bytes, started);
    if failed > 0 { Err(Failure::Records) } else { Ok(()) }
}

fn stats_cmd(input: Option<&Path>, json: bool, top: usize) -> Result<(), Failure> {
    let (reader, _) = open_input(input, None).map_err(|e| Failure::Usage(e.to_string()))?;
    let mut out = BufWriter::new(io::stdout().lock());
    cli::stats::run(reader, &mut out, json, top).map_err(|e| match e.kind() {
        io::ErrorKind::BrokenPipe => Failure::Closed,
        _ => Failure::Usage(e.to_string()),
    })?;
    out.flush()?;
    Ok(())
}

/// Files tagged together: enough to keep every core busy, few enough to keep memory flat.
const FILES_PER_CHUNK: usize = 256;

fn tag(args: &TagArgs) -> Result<(), Failure> {
    let tagger = document_tagger(args)?;
    let format = format_of(args);
    let sources = sources(&args.inputs)?;
    let single = sources.len() == 1;
    let mut out = open_output(args.output.as_deref()).map_err(|e| Failure::Usage(e.to_string()))?;
    let tag_one = |source: &Source| -> Result<jdtag::Tags, String> {
        let name = source.name();
        let bytes = source.read().map_err(|e| format!("{name}: {e}"))?;
        if bytes.len() > args.max_bytes && !args.truncate {
            return Err(format!(
                "{name}: {} bytes; the limit is {} (--max-bytes, or --truncate)",
                bytes.len(),
                args.max_bytes
            ));
        }
        let cut = &bytes[..bytes.len().min(args.max_bytes)];
        let mut tags = tagger
            .tag_bytes(cut, format, args.lossy || cut.len() < bytes.len())
            .map_err(|e| format!("{name}: {e}"))?;
        if cut.len() < bytes.len() {
            tags.warnings.push(jdtag::Warning::new(
                "truncated",
                format!(
                    "{} bytes: only the first {} were read",
                    bytes.len(),
                    args.max_bytes
                ),
            ));
        }
        Ok(tags)
    };
    if single {
        return match tag_one(&sources[0]) {
            Ok(tags) if !args.pretty => {
                let mut line = Vec::with_capacity(8192);
                tags.write_json(&mut line);
                line.push(b'\n');
                out.write_all(&line)?;
                out.flush()?;
                Ok(())
            }
            Ok(tags) => {
                write_json(&mut out, &tags, args.pretty)?;
                out.flush()?;
                Ok(())
            }
            Err(msg) => Err(Failure::Usage(msg)),
        };
    }
    let pool = pool(args.threads)?;
    let started = Instant::now();
    let (mut failed, mut bytes) = (0u64, 0u64);
    for chunk in sources.chunks(FILES_PER_CHUNK) {
        let results: Vec<(String, Result<jdtag::Tags, String>)> =
            pool.install(|| chunk.par_iter().map(|s| (s.name(), tag_one(s))).collect());
        for (name, result) in results {
            match result {
                Ok(tags) => write_json(
                    &mut out,
                    &WithPath {
                        path: &name,
                        tags: &tags,
                    },
                    args.pretty,
                )?,
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
                    failed += 1;
                }
            }
        }
        bytes += chunk.iter().filter_map(|s| s.size()).sum::<u64>();
    }
    out.flush()?;
    drop(out);
    summary_line(sources.len() as u64, failed, bytes, started);
    if failed > 0 { Err(Failure::Records) } else { Ok(()) }
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
            "never": r.never(), "cues": r.cues(), "confirm": r.confirm(), "nearby": r.nearby(), "window": r.window(),
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

fn match_cmd(
    resume: &Path,
    posting: &Path,
    as_of: Option<(i32, u8)>,
    lexicons: &[PathBuf],
) -> Result<(), Failure> {
    let tagger = build_tagger_with(lexicons, &[], |b| {
        if let Some((y, m)) = as_of {
            b.as_of(y, m);
        }
    })?;
    let read = |p: &Path| -> Result<String, Failure> {
        let bytes = std::fs::read(p).map_err(|e| Failure::Usage(format!("{}: {e}", p.display())))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let report = tagger.match_docs(&read(resume)?, &read(posting)?);
    let mut out = BufWriter::new(io::stdout().lock());
    write_json(&mut out, &report, true)?;
    out.flush()?;
    Ok(())
}
