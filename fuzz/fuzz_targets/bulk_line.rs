//! One bulk JSON Lines input through `jdtag::bulk::run` on a 1-thread pool: never panics (a
//! panic inside a record is an "internal error" line, which also fails here), one output line
//! per input line, each valid JSON; a well-formed record gives the same document as
//! `Tagger::tag_parts` on its text.
//!
//! The first byte picks the mode: raw bytes as the JSONL input, or the rest as the `text` of a
//! JSON record; it also picks the format and a size limit (with or without truncation).
#![no_main]

mod common;

use jdtag::bulk::{BulkOptions, RecordFormat};
use jdtag::{Format, Tagger};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use std::sync::LazyLock;

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);
static POOL: LazyLock<rayon::ThreadPool> =
    LazyLock::new(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap());

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let format = [Format::Auto, Format::Text, Format::Markdown, Format::Html][usize::from(mode & 3)];
    let (max_bytes, truncate) = match (mode >> 2) & 3 {
        0 | 1 => (10 << 20, false),
        2 => (usize::from(mode >> 4) * 7 + 1, true),
        _ => (usize::from(mode >> 4) * 7 + 1, false),
    };
    let options = BulkOptions::default()
        .format(format)
        .max_bytes(max_bytes, truncate);
    let text;
    let input: Vec<u8> = if mode & 0x80 == 0 {
        rest.to_vec()
    } else {
        text = String::from_utf8_lossy(rest).into_owned();
        let mut line = serde_json::to_vec(&json!({"id": 7, "text": text})).unwrap();
        line.push(b'\n');
        line
    };
    let mut out = Vec::new();
    let summary = jdtag::bulk::run(
        &TAGGER,
        &POOL,
        &input[..],
        RecordFormat::JsonLines,
        &mut out,
        &options,
        |_| {},
    )
    .expect("writing to memory does not fail");
    let lines: Vec<Value> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(lines.len() as u64, summary.records, "one output line per record");
    assert_eq!(
        out.iter().filter(|&&b| b == b'\n').count() as u64,
        summary.records
    );
    for l in &lines {
        if let Some(e) = l.get("error").and_then(Value::as_str) {
            assert!(!e.starts_with("internal error"), "a record panicked: {l}");
        }
    }
    if mode & 0x80 != 0 {
        assert_eq!(lines.len(), 1);
        let text = String::from_utf8_lossy(rest);
        if text.len() <= max_bytes || truncate {
            let tags = TAGGER.tag_parts(None, &text, format, max_bytes);
            common::check_tags(&tags, text.as_bytes());
            let mut expected = serde_json::to_value(&tags).unwrap();
            if text.len() > max_bytes {
                // the warning bulk adds for a cut text
                let Value::Array(w) = &mut expected["warnings"] else {
                    unreachable!()
                };
                w.push(lines[0]["warnings"].as_array().unwrap().last().unwrap().clone());
            }
            expected.as_object_mut().unwrap().insert("id".into(), json!(7));
            assert_eq!(lines[0], expected, "bulk output differs from tag_parts");
        } else {
            assert!(lines[0].get("error").is_some());
        }
    }
});
