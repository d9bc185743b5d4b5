//! Bulk tagging: records in (JSON Lines or CSV), one JSON line out per record, in input order,
//! on a rayon pool the caller owns, in bounded memory.
//!
//! Records are read in chunks (at most [`CHUNK_RECORDS`] records or [`CHUNK_BYTES`] bytes);
//! each chunk is parsed, tagged and serialized in parallel while the calling thread reads the
//! next one, and the lines are written back in input order — at most two chunks are in flight,
//! so memory stays flat however long the input is, and one thread or many give the same bytes. A broken record (bad JSON, a missing or
//! non-string text field, an oversized text) gives an output line with `line` and `error`, and
//! the run goes on: the output always has one line per input record.
//!
//! ```
//! use jdtag::bulk::{BulkOptions, RecordFormat};
//! let tagger = jdtag::Tagger::new();
//! let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
//! let input = "{\"id\": 1, \"text\": \"Go and Kubernetes\"}\n{\"id\": 2}\n";
//! let mut out = Vec::new();
//! let summary = jdtag::bulk::run(&tagger, &pool, input.as_bytes(), RecordFormat::JsonLines, &mut out, &BulkOptions::default(), |_| {}).unwrap();
//! assert_eq!((summary.records, summary.failed), (2, 1));
//! let lines: Vec<serde_json::Value> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
//! assert_eq!(lines[0]["id"], 1);
//! assert_eq!(lines[0]["skills"][1]["id"], "kubernetes");
//! assert_eq!(lines[1]["error"], "missing text field \"text\"");
//! ```

use crate::{Format, Tagger, Tags};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

/// Most records tagged together in one chunk. Output lines are some 3.5 times their input,
/// and two chunks are in flight: 1,024 records held 15 MB more at peak than 256 (100 MB
/// corpus, two threads: 57–58 MB against 42–43 MB), and 256 still keep every core busy.
pub const CHUNK_RECORDS: usize = 256;
/// Most input bytes held in one chunk, for inputs of long records.
pub const CHUNK_BYTES: usize = 2 << 20;

/// How the input holds its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordFormat {
    /// One JSON object per line.
    JsonLines,
    /// CSV with a header row; quoted fields may hold newlines.
    Csv,
}

/// What to read from each record and how.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BulkOptions {
    /// Fields holding the text. With several, the first is the title and the texts are joined
    /// with blank lines (spans then index that joined text).
    pub text_fields: Vec<String>,
    /// The field copied to the output as `id`.
    pub id_field: String,
    /// Input fields copied through to the output (as `input_NAME` when the output has a field
    /// of that name, e.g. `title`).
    pub keep_fields: Vec<String>,
    /// Longest text accepted, in bytes; a longer one is an error record unless `truncate`.
    pub max_bytes: usize,
    /// Cut texts over `max_bytes` (at a character boundary, with a warning) instead of failing.
    pub truncate: bool,
    /// How to read each text.
    pub format: Format,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            text_fields: vec!["text".into()],
            id_field: "id".into(),
            keep_fields: Vec::new(),
            max_bytes: 10 << 20,
            truncate: false,
            format: Format::Auto,
        }
    }
}

impl BulkOptions {
    /// Sets the text fields (the first one is the title when there are several).
    pub fn text_fields(mut self, fields: Vec<String>) -> Self {
        self.text_fields = fields;
        self
    }
    /// Sets the id field.
    pub fn id_field(mut self, field: String) -> Self {
        self.id_field = field;
        self
    }
    /// Sets the fields copied through.
    pub fn keep_fields(mut self, fields: Vec<String>) -> Self {
        self.keep_fields = fields;
        self
    }
    /// Sets the size limit and what to do beyond it.
    pub fn max_bytes(mut self, max: usize, truncate: bool) -> Self {
        self.max_bytes = max;
        self.truncate = truncate;
        self
    }
    /// Sets how each text is read.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }
}

/// Counts of a bulk run so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Records read (and lines written).
    pub records: u64,
    /// Records that gave an error line.
    pub failed: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// One record as read, before parsing.
enum Raw {
    /// A JSON line (without its line break).
    Json(Vec<u8>),
    /// A CSV record: field names and values, or why it could not be read.
    Fields(Result<Map<String, Value>, String>),
}

struct Item {
    line: u64,
    raw: Raw,
}

/// One output line (with its line break) and whether its record failed.
type OutLine = (Vec<u8>, bool);

/// Records tagged together by [`Tagger::tag_parts_batch`]: enough for the cue scan to stay in
/// the caches from one document to the next, few enough to keep every core busy on a chunk.
const BATCH: usize = 32;

/// Tags every record of `input`, writing one JSON line per record to `out` in input order.
/// `progress` is called after each chunk with the counts so far.
pub fn run<R: BufRead, W: Write>(
    tagger: &Tagger,
    pool: &rayon::ThreadPool,
    input: R,
    kind: RecordFormat,
    mut out: W,
    options: &BulkOptions,
    mut progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    // Many documents ahead: one shared scan for every cue list pays for its build at once.
    crate::extract::warm_up();
    crate::phrases::fuse();
    let mut summary = Summary::default();
    let mut reader = Reader::new(input, kind)?;
    // The calling thread reads chunk N+1 and writes chunk N-1 while the pool tags chunk N.
    pool.in_place_scope(|scope| -> io::Result<()> {
        let mut pending: Option<mpsc::Receiver<Vec<OutLine>>> = None;
        loop {
            let chunk = reader.chunk(&mut summary)?;
            let next = (!chunk.is_empty()).then(|| {
                let (tx, rx) = mpsc::sync_channel(1);
                scope.spawn(move |_| {
                    let lines: Vec<OutLine> = chunk
                        .into_par_iter()
                        .chunks(BATCH)
                        .flat_map_iter(|batch| process_batch(tagger, batch, options))
                        .collect();
                    // The receiver is gone only when writing failed; the error is reported there.
                    let _ = tx.send(lines);
                });
                rx
            });
            if let Some(rx) = pending.take() {
                let lines = rx
                    .recv()
                    .map_err(|_| io::Error::other("a worker stopped without its records"))?;
                for (line, failed) in lines {
                    out.write_all(&line)?;
                    summary.records += 1;
                    summary.failed += u64::from(failed);
                }
                progress(&summary);
            }
            match next {
                Some(rx) => pending = Some(rx),
                None => return Ok(()),
            }
        }
    })?;
    out.flush()?;
    Ok(summary)
}

/// Reads records in chunks.
enum Reader<R: BufRead> {
    Json {
        input: R,
        line: u64,
    },
    Csv {
        records: csv::ByteRecordsIntoIter<R>,
        headers: Vec<String>,
        line: u64,
    },
}

impl<R: BufRead> Reader<R> {
    fn new(input: R, kind: RecordFormat) -> io::Result<Self> {
        Ok(match kind {
            RecordFormat::JsonLines => Reader::Json { input, line: 0 },
            RecordFormat::Csv => {
                let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let headers = rdr
                    .byte_headers()
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("CSV header: {e}")))?
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).trim().to_string())
                    .collect();
                Reader::Csv {
                    records: rdr.into_byte_records(),
                    headers,
                    line: 1,
                }
            }
        })
    }

    fn chunk(&mut self, summary: &mut Summary) -> io::Result<Vec<Item>> {
        let mut items = Vec::new();
        let mut bytes = 0;
        while items.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
            match self {
                Reader::Json { input, line } => {
                    let mut buf = Vec::new();
                    if input.read_until(b'\n', &mut buf)? == 0 {
                        break;
                    }
                    *line += 1;
                    summary.bytes += buf.len() as u64;
                    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        buf.pop();
                    }
                    bytes += buf.len();
                    items.push(Item {
                        line: *line,
                        raw: Raw::Json(buf),
                    });
                }
                Reader::Csv {
                    records,
                    headers,
                    line,
                } => {
                    let Some(next) = records.next() else { break };
                    let (raw, size, at) = match next {
                        Ok(rec) => {
                            let at = rec.position().map_or(*line + 1, |p| p.line());
                            let size: usize = rec.iter().map(<[u8]>::len).sum();
                            let map = csv_fields(headers, &rec);
                            (Raw::Fields(map), size, at)
                        }
                        Err(e) => {
                            let at = e.position().map_or(*line + 1, |p| p.line());
                            (Raw::Fields(Err(format!("bad CSV record: {e}"))), 0, at)
                        }
                    };
                    *line = at;
                    summary.bytes += size as u64;
                    bytes += size;
                    items.push(Item { line: at, raw });
                }
            }
        }
        Ok(items)
    }
}

fn csv_fields(headers: &[String], rec: &csv::ByteRecord) -> Result<Map<String, Value>, String> {
    let mut map = Map::new();
    for (i, field) in rec.iter().enumerate() {
        let name = headers
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("column{}", i + 1));
        let value = std::str::from_utf8(field).map_err(|e| {
            format!(
                "field {name:?} is not UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            )
        })?;
        map.insert(name, Value::String(value.to_string()));
    }
    Ok(map)
}

/// Names of the output's own fields: a kept input field of the same name is written as
/// `input_NAME`.
const OUTPUT_FIELDS: &[&str] = &[
    "id",
    "line",
    "error",
    "path",
    "schema",
    "format",
    "title",
    "seniority",
    "skills",
    "experience",
    "education",
    "certifications",
    "salary",
    "employment_type",
    "employment_type_evidence",
    "workplace",
    "workplace_evidence",
    "sections",
    "warnings",
];

fn kept_name(field: &str) -> String {
    if OUTPUT_FIELDS.contains(&field) {
        format!("input_{field}")
    } else {
        field.to_string()
    }
}

#[derive(Serialize)]
struct OutRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(flatten)]
    keep: Map<String, Value>,
    #[serde(flatten)]
    tags: &'a Tags,
}

impl OutRecord<'_> {
    /// The record as compact JSON: what serde writes for it (the tests compare the two), with the
    /// tag document written by [`crate::json`], which is faster.
    fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4096);
        out.push(b'{');
        if let Some(id) = self.id {
            out.extend_from_slice(b"\"id\":");
            serde_json::to_writer(&mut out, id).expect("a JSON value serializes to memory");
            out.push(b',');
        }
        for (name, value) in &self.keep {
            crate::json::string(&mut out, name);
            out.push(b':');
            serde_json::to_writer(&mut out, value).expect("a JSON value serializes to memory");
            out.push(b',');
        }
        crate::json::write_fields(&mut out, self.tags);
        out.push(b'}');
        out
    }
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    line: u64,
    error: &'a str,
}

/// Tags a batch of records together ([`Tagger::tag_parts_batch`]): their output lines, in
/// order. Should tagging panic (a bug), each record is tagged again on its own, so that only
/// the record at fault becomes an error record.
fn process_batch(tagger: &Tagger, batch: Vec<Item>, options: &BulkOptions) -> Vec<OutLine> {
    let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let records: Vec<Result<Map<String, Value>, String>> =
            batch.iter().map(|item| parse(&item.raw)).collect();
        let prepared: Vec<Result<Prepared<'_>, String>> = records
            .iter()
            .map(|r| {
                r.as_ref()
                    .map_err(Clone::clone)
                    .and_then(|map| prepare(map, options))
            })
            .collect();
        let parts: Vec<(Option<&str>, &str)> = prepared
            .iter()
            .filter_map(|p| p.as_ref().ok().map(|p| (p.title, p.body.as_str())))
            .collect();
        let mut tagged = tagger
            .tag_parts_batch(&parts, options.format, options.max_bytes)
            .into_iter();
        records
            .iter()
            .zip(&prepared)
            .zip(&batch)
            .map(|((record, prepared), item)| {
                let tags = match prepared {
                    Ok(p) => Ok(finish(
                        tagged.next().expect("one tag document per text"),
                        p,
                        options,
                    )),
                    Err(e) => Err(e.clone()),
                };
                output(record.as_ref(), tags, item.line, options)
            })
            .collect::<Vec<OutLine>>()
    }));
    match guarded {
        Ok(lines) => lines,
        Err(_) => batch
            .into_iter()
            .map(|item| process_guarded(tagger, item, options))
            .collect(),
    }
}

/// [`process`], with a panic (a bug) turned into an error record so that the run goes on.
fn process_guarded(tagger: &Tagger, item: Item, options: &BulkOptions) -> (Vec<u8>, bool) {
    let line = item.line;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(tagger, item, options))).unwrap_or_else(
        |_| {
            let error = ErrorRecord {
                id: None,
                line,
                error: "internal error while tagging this record (please report it with the record)",
            };
            let mut out = serde_json::to_vec(&error).expect("serializing to memory does not fail");
            out.push(b'\n');
            (out, true)
        },
    )
}

/// A record as a JSON object, or why it is not one.
fn parse(raw: &Raw) -> Result<Map<String, Value>, String> {
    match raw {
        Raw::Json(bytes) => match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err("the line is not a JSON object".to_string()),
            Err(e) if std::str::from_utf8(bytes).is_err() => Err(format!("the line is not UTF-8 ({e})")),
            Err(e) => Err(format!("bad JSON: {e}")),
        },
        Raw::Fields(fields) => fields.clone(),
    }
}

/// Parses, tags and serializes one record: its output line and whether it failed.
fn process(tagger: &Tagger, item: Item, options: &BulkOptions) -> (Vec<u8>, bool) {
    let record = parse(&item.raw);
    let tags = record
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|map| tag_record(tagger, map, options));
    output(record.as_ref(), tags, item.line, options)
}

/// The output line of a record: its tags, or an error record.
fn output(
    record: Result<&Map<String, Value>, &String>,
    tags: Result<Tags, String>,
    line: u64,
    options: &BulkOptions,
) -> (Vec<u8>, bool) {
    let (out, failed) = match (record, tags) {
        (Ok(map), Ok(tags)) => {
            let keep = options
                .keep_fields
                .iter()
                .filter_map(|f| map.get(f).map(|v| (kept_name(f), v.clone())))
                .collect();
            let record = OutRecord {
                id: map.get(&options.id_field),
                keep,
                tags: &tags,
            };
            (Ok(record.to_json()), false)
        }
        (record, Err(error)) => {
            let out = ErrorRecord {
                id: record.ok().and_then(|map| map.get(&options.id_field)),
                line,
                error: &error,
            };
            (serde_json::to_vec(&out), true)
        }
        (Err(error), Ok(_)) => {
            let out = ErrorRecord {
                id: None,
                line,
                error,
            };
            (serde_json::to_vec(&out), true)
        }
    };
    let mut out = out.expect("serializing to memory does not fail");
    out.push(b'\n');
    (out, failed)
}

/// The text of a record and its tags, or why the record cannot be tagged.
fn tag_record(tagger: &Tagger, map: &Map<String, Value>, options: &BulkOptions) -> Result<Tags, String> {
    let p = prepare(map, options)?;
    let tags = tagger.tag_parts(p.title, &p.body, options.format, options.max_bytes);
    Ok(finish(tags, &p, options))
}

/// The text of a record, checked: its title, its body and its size in bytes.
struct Prepared<'a> {
    title: Option<&'a str>,
    body: String,
    size: usize,
}

/// The text of a record, or why the record cannot be tagged.
fn prepare<'a>(map: &'a Map<String, Value>, options: &BulkOptions) -> Result<Prepared<'a>, String> {
    let mut parts: Vec<&str> = Vec::with_capacity(options.text_fields.len());
    let mut title = None;
    for (i, field) in options.text_fields.iter().enumerate() {
        match map.get(field) {
            Some(Value::String(s)) => {
                if i == 0 && options.text_fields.len() > 1 {
                    title = Some(s.as_str());
                } else {
                    parts.push(s);
                }
            }
            None | Some(Value::Null) => {}
            Some(other) => {
                let kind = match other {
                    Value::Bool(_) => "a boolean",
                    Value::Number(_) => "a number",
                    Value::Array(_) => "an array",
                    _ => "an object",
                };
                return Err(format!("text field {field:?} is {kind}, not a string"));
            }
        }
    }
    if title.is_none() && parts.is_empty() {
        let names: Vec<String> = options.text_fields.iter().map(|f| format!("{f:?}")).collect();
        return Err(format!("missing text field {}", names.join(" or ")));
    }
    let body = parts.join("\n\n");
    let size = title.map_or(0, |t| t.len() + 2) + body.len();
    if size > options.max_bytes && !options.truncate {
        return Err(format!(
            "text is {size} bytes; the limit is {} (--max-bytes, or --truncate)",
            options.max_bytes
        ));
    }
    Ok(Prepared { title, body, size })
}

/// The tags of a prepared record, with a warning when its text was cut.
fn finish(mut tags: Tags, p: &Prepared<'_>, options: &BulkOptions) -> Tags {
    if p.size > options.max_bytes {
        tags.warnings.push(crate::Warning {
            code: "truncated".into(),
            message: format!(
                "text is {} bytes: only the first {} were read",
                p.size, options.max_bytes
            ),
        });
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written output line is what serde writes for the same record: with and without
    /// an id, with kept fields of every JSON type (kept names sort as serde's map sorts them).
    #[test]
    fn output_records_are_written_as_serde_json_writes_them() {
        let tagger = Tagger::new();
        let tags = tagger.tag("Senior Rust engineer, 5+ years of Rust and \"Go\"; Remote.\nAWS Lambda");
        let record: Value = serde_json::json!({
            "id": "a\"b", "text": "x", "n": 1.5, "list": [1, null], "obj": {"k": true}
        });
        let map = record.as_object().unwrap();
        for id in [Some(&map["id"]), None] {
            for keep in [vec![], vec!["n", "list", "obj", "text"]] {
                let keep: Map<String, Value> = keep.iter().map(|f| (kept_name(f), map[*f].clone())).collect();
                let record = OutRecord {
                    id,
                    keep,
                    tags: &tags,
                };
                assert_eq!(
                    String::from_utf8(record.to_json()).unwrap(),
                    serde_json::to_string(&record).unwrap()
                );
            }
        }
    }
}
