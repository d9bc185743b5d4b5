//! Property tests: random inputs (ASCII, Unicode with RTL text, combining marks, NUL, every
//! Unicode space and dash, Markdown and HTML tag soup) never panic and give a document that
//! round-trips through JSON, with every span inside the input and on character boundaries;
//! bulk output equals tagging one record at a time, for any thread count; eight threads sharing
//! one tagger give what one thread gives. Plus the fuzz regressions (`fuzz/regressions/`).

use jdtag::bulk::{BulkOptions, RecordFormat};
use jdtag::{Format, Tagger, Tags};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;
use std::sync::{Arc, Barrier, LazyLock};

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

const FORMATS: [Format; 4] = [Format::Auto, Format::Text, Format::Markdown, Format::Html];

#[path = "common/checks.rs"]
mod checks;
#[path = "common/unicode.rs"]
mod unicode;
use unicode::{DASHES, SPACES};

const WORDS: &[&str] = &[
    "Go",
    "go",
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "K8s",
    "Java",
    "JavaScript",
    "Python 3",
    "Kubernetes",
    "React",
    "Spring Boot",
    "Postgres",
    "AWS",
    "R",
    "C",
    "Swift",
    "Rust",
    "SQL",
    "years",
    "5+ years of",
    "3-5 years",
    "10 years' experience",
    "Senior",
    "Lead",
    "Requirements",
    "Nice to have",
    "required",
    "preferred",
    "Bachelor's degree",
    "or equivalent",
    "$120,000 - $150,000",
    "€60k",
    "per hour",
    "remote",
    "hybrid",
    "full-time",
    "contract",
    "AWS Certified Solutions Architect",
    "Austin, TX",
    "go-to-market",
    "R&D",
    "and",
    "with",
    ",",
    ".",
    ";",
    ":",
    "/",
    "(",
    ")",
    "'",
    "\"",
    "1.22",
    "42",
];

const RTL: &[&str] = &[
    "שלום",
    "מפתח Java בכיר",
    "مرحبا",
    "مطور بايثون",
    "\u{202e}Java\u{202c}",
    "\u{2067}Go\u{2069}",
    "\u{200f}",
    "\u{200e}",
    "\u{61c}",
    "ܫܠܡ",
    "ދިވެހި",
];

const COMBINING: &[&str] = &[
    "e\u{301}",
    "Ja\u{301}va",
    "G\u{308}o",
    "\u{301}",
    "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}",
    "\u{20dd}",
    "\u{1f469}\u{200d}\u{1f4bb}",
    "\u{1f1fa}\u{1f1f8}",
    "n\u{303}",
    "\u{fe0f}",
    "\u{e0041}",
    "ﬁ",
    "Ⅻ",
    "ǅ",
    "İ",
    "ß",
    "\u{fffd}",
    "\u{10ffff}",
];

const MARKDOWN: &[&str] = &[
    "# ",
    "## Requirements\n",
    "### Nice to have\n",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "+ ",
    "> ",
    ">> ",
    "1. ",
    "1) ",
    "**",
    "__",
    "*",
    "_",
    "`",
    "``",
    "```\n",
    "```rust\n",
    "~~~\n",
    "~~",
    "[",
    "]",
    "](",
    ")",
    "](http://x.io \"t\")",
    "![",
    "<http://a.b>",
    "|a|b|\n|---|---|\n",
    "| Go | K8s |\n",
    "&amp;",
    "&#x2F;",
    "&#0;",
    "&bogus;",
    "\\*",
    "\\",
    "    ",
    "\t",
    "---\n",
    "===\n",
    "[^1]",
    "[^1]: note\n",
    "[x]: http://x\n",
    "- [ ] ",
    "<!-- c -->",
    "<div>\n",
    "  \n",
    "$",
    "^",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<ol>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h3>",
    "<div class=\"x\">",
    "</div>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<strong>",
    "<em>",
    "<br>",
    "<br/>",
    "<hr>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<head><title>",
    "</title>",
    "&nbsp;",
    "&lt;",
    "&gt;",
    "&amp;",
    "&#x110000;",
    "&#0;",
    "&#128512;",
    "&amp",
    "&",
    "<",
    ">",
    "</",
    "<a href='",
    "'>",
    "</a>",
    "<![CDATA[",
    "]]>",
    "<table><tr><td>",
    "</td><td>",
    "</tr></table>",
    "<pre>",
    "</pre>",
    "<textarea>",
    "<noscript>",
    "<template>",
    "<svg><text>",
    "<math>",
    "<img alt=\"Java\">",
    "<input value=\"K8s\">",
    "<?xml ?>",
    "<p title=\"Go\nK8s\">",
    "<x-y>",
    "</ p>",
    "<p/>",
    "=\"",
    "\0",
];

/// Text the input stage repairs, whole and cut: mis-decoded characters (UTF-8 read as
/// Windows-1252), JSON escapes, escaped markup, typesetting characters.
const REPAIRABLE: &[&str] = &[
    "â€™",
    "â€",
    "Â ",
    "Â\u{a0}",
    "Ã©",
    "Ã¢â‚¬â„¢",
    "ðŸš€",
    "Ã",
    "â€œ",
    "Â£",
    "Ã¼",
    r"\n",
    r"\n\n",
    r"\r\n",
    r"\u00e9",
    r"\ud83d\ude80",
    r"\ud83d",
    r"\u12",
    r"\\",
    r#"\""#,
    "&lt;p&gt;",
    "&lt;li&gt;",
    "&lt;/li&gt;",
    "&lt;br&gt;",
    "&amp;",
    "&lt;",
    "&quot;",
    "ﬂ",
    "ﬁ",
    "\u{ad}",
    "\u{200b}",
    "\u{feff}",
    "\u{f0b7} ",
    r"\xe2\x80\xa2",
    r"\xc3",
    "    ",
];

/// One piece of a random document.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => "[a-zA-Z0-9]{1,12}",
        2 => proptest::sample::select(SPACES).prop_map(String::from),
        2 => proptest::sample::select(DASHES).prop_map(String::from),
        1 => proptest::sample::select(RTL).prop_map(str::to_string),
        1 => proptest::sample::select(COMBINING).prop_map(str::to_string),
        2 => proptest::sample::select(REPAIRABLE).prop_map(str::to_string),
        1 => Just("\0".to_string()),
        2 => proptest::sample::select(MARKDOWN).prop_map(str::to_string),
        2 => proptest::sample::select(HTML).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[ -~]{0,8}",
        1 => ".{0,6}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

fn format() -> impl Strategy<Value = Format> {
    proptest::sample::select(&FORMATS[..])
}

const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xf0\x9f\x98",
    b"\xed\xa0\x80",
    b"\xc0\x80",
];

/// Bytes: pieces of a document with random (often invalid UTF-8) bytes in between.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(
        prop_oneof![
            3 => piece().prop_map(String::into_bytes),
            1 => proptest::collection::vec(any::<u8>(), 0..6),
            1 => proptest::sample::select(BAD_UTF8).prop_map(<[u8]>::to_vec),
        ],
        0..50,
    )
    .prop_map(|p| p.concat())
}

/// The document serializes, reads back as the same `Tags`, and every span is sound.
fn check(tags: &Tags, input: &[u8], format: Format) {
    checks::check_tags(tags, input, format == Format::Text && tags.format == "text");
}

/// Found by the property below: a soft hyphen dropped right before an inline code span whose
/// content reads as the title ("Lead") mapped the evidence's start past the hyphen and its end
/// before it (4..2).
#[test]
fn a_span_from_markup_after_a_dropped_byte_is_not_reversed() {
    let input = "Go\u{ad}```\nLead<p>```\n".as_bytes();
    for format in [Format::Markdown, Format::Auto, Format::Text, Format::Html] {
        let tags = TAGGER.tag_bytes(input, format, true).unwrap();
        check(&tags, input, format);
    }
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

fn bulk(tagger: &Tagger, threads: usize, input: &[u8], options: &BulkOptions) -> Vec<u8> {
    let mut out = Vec::new();
    jdtag::bulk::run(
        tagger,
        &pool(threads),
        input,
        RecordFormat::JsonLines,
        &mut out,
        options,
        |_| {},
    )
    .unwrap();
    out
}

/// One bulk record: a posting, or a broken line.
#[derive(Debug, Clone)]
enum Record {
    Text(String),
    Parts(String, String),
    Missing,
    NotObject,
    BadJson,
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        8 => document().prop_map(Record::Text),
        2 => (document(), document()).prop_map(|(t, b)| Record::Parts(t, b)),
        1 => Just(Record::Missing),
        1 => Just(Record::NotObject),
        1 => Just(Record::BadJson),
    ]
}

fn jsonl(records: &[Record]) -> String {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| match r {
            Record::Text(t) => serde_json::json!({"id": i, "text": t}).to_string(),
            Record::Parts(t, b) => serde_json::json!({"id": i, "title": t, "text": b}).to_string(),
            Record::Missing => serde_json::json!({"id": i}).to_string(),
            Record::NotObject => "[1, 2]".to_string(),
            Record::BadJson => "{\"id\": ".to_string(),
        } + "\n")
        .collect()
}

/// What bulk must write for a record that tags: `id` first, then the document's fields.
fn expected_line(id: usize, tags: &Tags) -> String {
    let json = serde_json::to_string(tags).unwrap();
    format!("{{\"id\":{id},{}\n", &json[1..])
}

proptest! {
    #![proptest_config(Config { cases: 300, failure_persistence: None, ..Config::default() })]

    #[test]
    fn any_text_tags_soundly(doc in document(), format in format()) {
        let tags = TAGGER.tag_with(&doc, format);
        check(&tags, doc.as_bytes(), format);
        if format == Format::Auto {
            prop_assert!(TAGGER.tag(&doc) == tags);
        }
    }

    #[test]
    fn any_bytes_tag_soundly_when_lossy(input in bytes(), format in format()) {
        let tags = TAGGER.tag_bytes(&input, format, true).expect("lossy reading never fails");
        check(&tags, &input, format);
        match std::str::from_utf8(&input) {
            Ok(s) => prop_assert!(TAGGER.tag_bytes(&input, format, false).unwrap() == TAGGER.tag_with(s, format)),
            Err(e) => {
                let err = TAGGER.tag_bytes(&input, format, false).unwrap_err();
                prop_assert_eq!(err.utf8_offset(), Some(e.valid_up_to()));
                prop_assert!(tags.warnings.iter().any(|w| w.code == "invalid_utf8"));
            }
        }
    }

    /// A batch tags each of its texts as `tag_parts` tags it alone.
    #[test]
    fn batch_equals_one_at_a_time(
        parts in proptest::collection::vec((proptest::option::of(document()), document()), 0..70),
        format in format(),
        max in 0usize..400,
    ) {
        let refs: Vec<(Option<&str>, &str)> = parts.iter().map(|(t, b)| (t.as_deref(), b.as_str())).collect();
        let batch = TAGGER.tag_parts_batch(&refs, format, max);
        prop_assert_eq!(batch.len(), refs.len());
        for (tags, (title, body)) in batch.iter().zip(&refs) {
            prop_assert!(*tags == TAGGER.tag_parts(*title, body, format, max));
        }
    }

    #[test]
    fn parts_tag_soundly(title in proptest::option::of(document()), body in document(), format in format(), max in 0usize..400) {
        let tags = TAGGER.tag_parts(title.as_deref(), &body, format, max);
        let joined = match &title {
            Some(t) => format!("{t}\n\n{body}"),
            None => body.clone(),
        };
        let mut cut = max.min(joined.len());
        while !joined.is_char_boundary(cut) {
            cut -= 1;
        }
        check(&tags, &joined.as_bytes()[..cut], format);
    }
}

proptest! {
    #![proptest_config(Config { cases: 24, failure_persistence: None, ..Config::default() })]

    /// Bulk output is, byte for byte, each record tagged on its own, for 1 and 3 threads (and
    /// across the batches that bulk tags together).
    #[test]
    fn bulk_equals_one_at_a_time(records in proptest::collection::vec(record(), 0..80), format in format()) {
        let input = jsonl(&records);
        let options = BulkOptions::default().format(format).text_fields(vec!["title".into(), "text".into()]);
        let one = bulk(&TAGGER, 1, input.as_bytes(), &options);
        let three = bulk(&TAGGER, 3, input.as_bytes(), &options);
        prop_assert_eq!(String::from_utf8(one.clone()).unwrap(), String::from_utf8(three).unwrap());
        let lines: Vec<&str> = std::str::from_utf8(&one).unwrap().split_inclusive('\n').collect();
        prop_assert_eq!(lines.len(), records.len());
        for (i, (r, line)) in records.iter().zip(&lines).enumerate() {
            let tags = match r {
                Record::Text(t) => Some(TAGGER.tag_parts(None, t, format, options.max_bytes)),
                Record::Parts(t, b) => Some(TAGGER.tag_parts(Some(t), b, format, options.max_bytes)),
                _ => None,
            };
            match tags {
                Some(tags) => {
                    let expected = expected_line(i, &tags);
                    prop_assert_eq!(*line, expected.as_str());
                }
                None => {
                    let v: Value = serde_json::from_str(line).unwrap();
                    prop_assert_eq!(&v["line"], &serde_json::json!(i + 1));
                    prop_assert!(v["error"].is_string(), "{}", line);
                    prop_assert!(v.get("skills").is_none());
                }
            }
        }
    }

    /// Plain `text` records through bulk equal `Tagger::tag_with` on the text.
    #[test]
    fn bulk_text_equals_tag_with(docs in proptest::collection::vec(document(), 1..8), format in format()) {
        let records: Vec<Record> = docs.iter().cloned().map(Record::Text).collect();
        let input = jsonl(&records);
        let out = bulk(&TAGGER, 3, input.as_bytes(), &BulkOptions::default().format(format));
        let expected: String = docs.iter().enumerate().map(|(i, d)| expected_line(i, &TAGGER.tag_with(d, format))).collect();
        prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}

proptest! {
    #![proptest_config(Config { cases: 6, failure_persistence: None, ..Config::default() })]

    /// Eight threads tagging at once with one fresh tagger (its lazily built rules not yet
    /// built) give exactly what one thread gives; so do 8-thread and 1-thread bulk pools.
    #[test]
    fn eight_threads_equal_one(docs in proptest::collection::vec(document(), 1..10), format in format()) {
        let fresh = Tagger::builder().build().unwrap();
        let docs = Arc::new(docs);
        let barrier = Arc::new(Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|k| {
                let (tagger, docs, barrier) = (fresh.clone(), Arc::clone(&docs), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    let n = docs.len();
                    let mut out = vec![String::new(); n];
                    for j in 0..n {
                        let i = (j + k) % n; // each thread in its own order
                        out[i] = serde_json::to_string(&tagger.tag_with(&docs[i], format)).unwrap();
                    }
                    out
                })
            })
            .collect();
        let single: Vec<String> = docs.iter().map(|d| serde_json::to_string(&TAGGER.tag_with(d, format)).unwrap()).collect();
        for h in handles {
            prop_assert_eq!(&h.join().unwrap(), &single);
        }
        let records: Vec<Record> = docs.iter().cloned().map(Record::Text).collect();
        let input = jsonl(&records);
        let options = BulkOptions::default().format(format);
        let fresh = Tagger::builder().build().unwrap();
        prop_assert_eq!(bulk(&fresh, 8, input.as_bytes(), &options), bulk(&TAGGER, 1, input.as_bytes(), &options));
    }
}

/// Every input saved under `fuzz/regressions/<target>/` (minimised fuzz crashes) runs through
/// the public API the way its fuzz target runs it, and the document is sound.
#[test]
fn fuzz_regressions_replay() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions");
    let Ok(targets) = std::fs::read_dir(root) else {
        return;
    };
    for target in targets.filter_map(Result::ok) {
        let name = target.file_name().to_string_lossy().into_owned();
        let Ok(files) = std::fs::read_dir(target.path()) else {
            continue;
        };
        for file in files.filter_map(Result::ok) {
            let data = std::fs::read(file.path()).unwrap();
            eprintln!("replaying {name}/{}", file.file_name().to_string_lossy());
            replay(&name, &data);
        }
    }
}

fn replay(target: &str, data: &[u8]) {
    let format = match target {
        "tag_text" => Format::Text,
        "tag_markdown" => Format::Markdown,
        "tag_html" => Format::Html,
        "lexicon_toml" => {
            if let Ok(toml) = std::str::from_utf8(data)
                && jdtag::lexicon::Lexicon::from_sources([("fuzz.toml".to_string(), toml)]).is_ok()
                && let Ok(tagger) = Tagger::builder().lexicon_source("fuzz.toml", toml).build()
            {
                let _ = tagger.check_examples();
            }
            return;
        }
        "bulk_line" => {
            let Some((&mode, rest)) = data.split_first() else {
                return;
            };
            let format = FORMATS[usize::from(mode & 3)];
            let (max, truncate) = match (mode >> 2) & 3 {
                0 | 1 => (10 << 20, false),
                2 => (usize::from(mode >> 4) * 7 + 1, true),
                _ => (usize::from(mode >> 4) * 7 + 1, false),
            };
            let input = if mode & 0x80 == 0 {
                rest.to_vec()
            } else {
                let text = String::from_utf8_lossy(rest);
                (serde_json::json!({"id": 7, "text": text}).to_string() + "\n").into_bytes()
            };
            let out = bulk(
                &TAGGER,
                1,
                &input,
                &BulkOptions::default().format(format).max_bytes(max, truncate),
            );
            for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let v: Value = serde_json::from_slice(line).unwrap();
                assert!(
                    !v["error"]
                        .as_str()
                        .is_some_and(|e| e.starts_with("internal error")),
                    "{v}"
                );
            }
            return;
        }
        _ => return,
    };
    let tags = TAGGER.tag_bytes(data, format, true).unwrap();
    check(&tags, data, format);
}

/// Found by `parts_tag_soundly`: a title cut by the size limit inside the title made the title's
/// own span run past the text.
#[test]
fn a_title_cut_by_the_limit_keeps_spans_in_bounds() {
    let title = "İGoGo-GoGo\u{1680}Senior\u{1680}GoGoGo¡GoGoGoGoGoGo";
    let tags = Tagger::new().tag_parts(Some(title), "", Format::Auto, 43);
    let joined = format!("{title}\n\n");
    let cut = &joined[..43];
    for s in tags.seniority.iter().flat_map(|s| &s.evidence) {
        assert!(s.end <= cut.len() && cut.is_char_boundary(s.start) && cut.is_char_boundary(s.end));
    }
}
