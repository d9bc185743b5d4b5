//! Checks shared by the fuzz targets: the output serializes to JSON that reads back to the same
//! document, and every `start`/`end` pair is in bounds, ordered, and (for UTF-8 input) on
//! character boundaries of the caller's bytes.
#![allow(dead_code)]

use serde_json::Value;

pub fn check_tags(tags: &jdtag::Tags, input: &[u8]) {
    let json = serde_json::to_string(tags).expect("Tags serialize");
    let back: jdtag::Tags = serde_json::from_str(&json).expect("the JSON reads back as Tags");
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON round trip changed the document"
    );
    assert!(
        back == *tags,
        "JSON round trip is not equal (NaN or infinite number?)"
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    check_spans(&value, input);
}

/// Walks a JSON document: every object with numeric `start` and `end` is a span into `input`.
pub fn check_spans(value: &Value, input: &[u8]) {
    let utf8 = std::str::from_utf8(input).ok();
    walk(value, &mut |obj| {
        let (Some(start), Some(end)) = (
            obj.get("start").and_then(Value::as_u64),
            obj.get("end").and_then(Value::as_u64),
        ) else {
            return;
        };
        let (start, end) = (start as usize, end as usize);
        assert!(start <= end, "span {start}..{end} is reversed in {obj:?}");
        assert!(
            end <= input.len(),
            "span {start}..{end} is past the input ({} bytes) in {obj:?}",
            input.len()
        );
        if let Some(s) = utf8 {
            assert!(
                s.is_char_boundary(start) && s.is_char_boundary(end),
                "span {start}..{end} is not on char boundaries in {obj:?}"
            );
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
