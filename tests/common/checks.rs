//! Checks shared by the property tests and the fuzz targets (`fuzz/fuzz_targets/common.rs`
//! includes this file): a document serializes to JSON that reads back to the same document, and
//! every `start`/`end` pair is a sound span of the caller's bytes.
#![allow(dead_code)] // Each includer uses part of it.

use serde_json::Value;

/// The document serializes (`Tags::write_json` writing serde_json's bytes), reads back as the
/// same `Tags`, and every span is sound; with `plain`, a span's `text` is exactly the input's
/// bytes.
pub fn check_tags(tags: &jdtag::Tags, input: &[u8], plain: bool) {
    let json = serde_json::to_string(tags).expect("Tags serialize");
    let mut direct = Vec::new();
    tags.write_json(&mut direct);
    assert!(
        direct == json.as_bytes(),
        "Tags::write_json differs from serde_json:\n{}\n{json}",
        String::from_utf8_lossy(&direct)
    );
    let back: jdtag::Tags = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON round trip changed the document"
    );
    assert!(
        back == *tags,
        "JSON round trip is not equal (a NaN or infinite number?): {json}"
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    // Repaired escapes and mis-decoded characters read differently from the bytes they came from.
    let repaired = [
        "mojibake",
        "escaped_text",
        "escaped_bytes",
        "escaped_html",
        "escaped_html_twice",
        "typography",
        "emoji_bullets",
        "flattened",
        "glued_headings",
        "run_together_lists",
    ];
    let plain = plain && !tags.warnings.iter().any(|w| repaired.contains(&w.code.as_str()));
    check_spans(&value, input, plain);
}

/// Every object with numeric `start` and `end` is a span of `input`: ordered, in bounds, on char
/// boundaries when the input is UTF-8; with `plain`, its `text` is exactly those bytes.
pub fn check_spans(value: &Value, input: &[u8], plain: bool) {
    let utf8 = std::str::from_utf8(input).ok();
    walk(value, &mut |obj| {
        let (Some(start), Some(end)) = (
            obj.get("start").and_then(Value::as_u64),
            obj.get("end").and_then(Value::as_u64),
        ) else {
            return;
        };
        let (start, end) = (start as usize, end as usize);
        assert!(start <= end, "span {start}..{end} is reversed: {obj:?}");
        assert!(
            end <= input.len(),
            "span {start}..{end} is past the input ({} bytes): {obj:?}",
            input.len()
        );
        if let Some(s) = utf8 {
            assert!(
                s.is_char_boundary(start) && s.is_char_boundary(end),
                "span {start}..{end} is not on char boundaries: {obj:?}"
            );
            if plain && let Some(text) = obj.get("text").and_then(Value::as_str) {
                assert_eq!(
                    text,
                    &s[start..end],
                    "plain-text span text is not the input's bytes: {obj:?}"
                );
            }
        }
    });
}

fn walk(value: &Value, f: &mut impl FnMut(&serde_json::Map<String, Value>)) {
    match value {
        Value::Object(obj) => {
            f(obj);
            obj.values().for_each(|v| walk(v, f));
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, f)),
        _ => {}
    }
}
