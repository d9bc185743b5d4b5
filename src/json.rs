//! A direct writer of the tag document as compact JSON, for the bulk path.
//!
//! Bulk output is about three and a half times the size of its input, nearly all of it the
//! skills and their mentions; serializing it through serde was 11 % of the instructions of a
//! bulk run. This writer emits the same bytes as `serde_json::to_vec` for the fields that make up
//! that volume (skills, mentions, spans, sections, contacts, facets) and hands the rest (the
//! fields with floating-point numbers or few entries) to serde_json, so both always agree:
//! the tests compare the two on every fixture and on generated text.

use crate::tags::{Contact, Facet, Mention, Requirement, Section, Skill, Span, Tags, Warning};
use serde::Serialize;

/// Opens an object with its first member's key.
macro_rules! key_first {
    ($out:expr, $name:literal) => {
        $out.extend_from_slice(concat!("{\"", $name, "\":").as_bytes())
    };
}

/// A further member's key (the names are plain ASCII: nothing to escape).
macro_rules! key {
    ($out:expr, $name:literal) => {
        $out.extend_from_slice(concat!(",\"", $name, "\":").as_bytes())
    };
}

/// Appends `tags` as one compact JSON object, byte for byte what `serde_json::to_vec` writes.
pub(crate) fn write_tags(out: &mut Vec<u8>, tags: &Tags) {
    out.push(b'{');
    write_fields(out, tags);
    out.push(b'}');
}

/// Appends the members of the tag object without its braces (for a record that adds its own
/// members before them).
pub(crate) fn write_fields(out: &mut Vec<u8>, tags: &Tags) {
    out.extend_from_slice(b"\"schema\":");
    string(out, &tags.schema);
    key!(out, "format");
    string(out, &tags.format);
    key!(out, "kind");
    string(out, &tags.kind);
    key!(out, "title");
    option(out, tags.title.as_ref(), span);
    key!(out, "seniority");
    serde(out, &tags.seniority);
    key!(out, "skills");
    list(out, &tags.skills, skill);
    key!(out, "alternatives");
    serde_list(out, &tags.alternatives);
    key!(out, "experience");
    serde_list(out, &tags.experience);
    key!(out, "education");
    serde_list(out, &tags.education);
    key!(out, "certifications");
    serde_list(out, &tags.certifications);
    key!(out, "languages");
    serde_list(out, &tags.languages);
    key!(out, "salary");
    serde_list(out, &tags.salary);
    key!(out, "employment_type");
    list(out, &tags.employment_type, |out, s| string(out, s));
    key!(out, "employment_type_evidence");
    list(out, &tags.employment_type_evidence, facet);
    key!(out, "workplace");
    list(out, &tags.workplace, |out, s| string(out, s));
    key!(out, "workplace_evidence");
    list(out, &tags.workplace_evidence, facet);
    key!(out, "location");
    list(out, &tags.location, span);
    key!(out, "positions");
    serde_list(out, &tags.positions);
    key!(out, "total_experience_months");
    option(out, tags.total_experience_months.as_ref(), |out, m| {
        number(out, *m as usize)
    });
    key!(out, "contacts");
    list(out, &tags.contacts, contact);
    key!(out, "sections");
    list(out, &tags.sections, section);
    key!(out, "warnings");
    list(out, &tags.warnings, warning);
}

fn skill(out: &mut Vec<u8>, s: &Skill) {
    key_first!(out, "id");
    string(out, &s.id);
    key!(out, "name");
    string(out, &s.name);
    key!(out, "category");
    string(out, s.category.as_str());
    key!(out, "requirement");
    requirement(out, s.requirement);
    key!(out, "years");
    serde(out, &s.years);
    if let Some(months) = s.months {
        key!(out, "months");
        number(out, months as usize);
    }
    if let Some(last) = &s.last_used {
        key!(out, "last_used");
        string(out, last);
    }
    if !s.refs.is_empty() {
        key!(out, "refs");
        out.push(b'{');
        for (i, (k, v)) in s.refs.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, k);
            out.push(b':');
            string(out, v);
        }
        out.push(b'}');
    }
    key!(out, "mentions");
    list(out, &s.mentions, mention);
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    key_first!(out, "text");
    string(out, &m.text);
    key!(out, "start");
    number(out, m.start);
    key!(out, "end");
    number(out, m.end);
    key!(out, "section");
    option(out, m.section.as_ref(), |out, s| string(out, s));
    key!(out, "requirement");
    requirement(out, m.requirement);
    key!(out, "rule");
    string(out, &m.rule);
    if let Some(version) = &m.version {
        key!(out, "version");
        string(out, version);
    }
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, s: &Span) {
    key_first!(out, "text");
    string(out, &s.text);
    key!(out, "start");
    number(out, s.start);
    key!(out, "end");
    number(out, s.end);
    out.push(b'}');
}

fn facet(out: &mut Vec<u8>, f: &Facet) {
    key_first!(out, "value");
    string(out, &f.value);
    key!(out, "text");
    string(out, &f.text);
    key!(out, "start");
    number(out, f.start);
    key!(out, "end");
    number(out, f.end);
    out.push(b'}');
}

fn contact(out: &mut Vec<u8>, c: &Contact) {
    key_first!(out, "kind");
    string(out, &c.kind);
    key!(out, "value");
    string(out, &c.value);
    key!(out, "start");
    number(out, c.start);
    key!(out, "end");
    number(out, c.end);
    out.push(b'}');
}

fn section(out: &mut Vec<u8>, s: &Section) {
    key_first!(out, "kind");
    string(out, &s.kind);
    key!(out, "heading");
    string(out, &s.heading);
    key!(out, "start");
    number(out, s.start);
    key!(out, "end");
    number(out, s.end);
    out.push(b'}');
}

fn warning(out: &mut Vec<u8>, w: &Warning) {
    key_first!(out, "code");
    string(out, &w.code);
    key!(out, "message");
    string(out, &w.message);
    out.push(b'}');
}

fn requirement(out: &mut Vec<u8>, r: Requirement) {
    out.extend_from_slice(match r {
        Requirement::Mentioned => b"\"mentioned\"",
        Requirement::Preferred => b"\"preferred\"",
        Requirement::Required => b"\"required\"",
    });
}

fn list<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn option<T>(out: &mut Vec<u8>, value: Option<&T>, write: impl FnOnce(&mut Vec<u8>, &T)) {
    match value {
        Some(v) => write(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A list of a type left to serde (floating-point numbers, rare fields); the common empty
/// list directly.
fn serde_list<T: Serialize>(out: &mut Vec<u8>, items: &[T]) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
    } else {
        serde(out, &items);
    }
}

fn serde<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(&mut *out, value).expect("the tag types serialize to memory without error");
}

fn number(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A JSON string, escaped as serde_json escapes: `"` and `\` with a backslash, the control
/// characters with their short forms or `\u00XX` (lower-case hex), everything else as is.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    match first_escape(bytes) {
        None => out.extend_from_slice(bytes),
        Some(first) => escape_from(out, bytes, first),
    }
    out.push(b'"');
}

/// The first byte that needs escaping: eight bytes at a time, then the rest one by one.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if needs_escape(word) {
            return chunk.iter().position(|&b| escaped_byte(b)).map(|i| at + i);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| escaped_byte(b))
        .map(|i| at + i)
}

fn escaped_byte(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Writes `bytes`, whose first byte to escape is at `first`, escaping as it goes.
fn escape_from(out: &mut Vec<u8>, bytes: &[u8], first: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        if !escaped_byte(b) {
            continue;
        }
        out.extend_from_slice(&bytes[done..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ]),
        }
        done = i + 1;
    }
    out.extend_from_slice(&bytes[done..]);
}

/// Whether any of the eight bytes is a control character, `"` or `\`.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 (bytes of 0x80 and above are masked out by `!word`).
    let below = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    (below | zero(quote) | zero(backslash)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let cases = [
            "",
            "plain",
            "a \"quoted\" word",
            "back\\slash",
            "line\nbreak\r\ttab",
            "\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "exactly8",
            "sixteen bytes!!!",
            "seventeen bytes!\"",
            "Ünïcödé – “quotes” 日本語 🦀",
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{b}\u{e}\u{f}\u{10}",
            "\"\"\"\"\"\"\"\"\"",
        ];
        for case in cases {
            assert_eq!(escaped(case), serde_json::to_string(case).unwrap(), "{case:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [0usize, 7, 10, 99, 100, 12345, u32::MAX as usize, usize::MAX] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    /// Every fixture, as a posting and as a résumé (positions, contacts, months), and with
    /// redaction: the writer's bytes are serde_json's.
    #[test]
    fn documents_are_written_as_serde_json_writes_them() {
        use crate::tagger::DocKind;
        let taggers = [
            crate::Tagger::new(),
            crate::Tagger::builder()
                .kind(DocKind::Resume)
                .as_of(2026, 11)
                .build()
                .unwrap(),
            crate::Tagger::builder()
                .kind(DocKind::Resume)
                .redact(true)
                .build()
                .unwrap(),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut seen = 0;
        for dir in ["postings", "resumes"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for tags in taggers.iter().map(|t| t.tag(&text)) {
                    let mut out = Vec::new();
                    write_tags(&mut out, &tags);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&tags).unwrap()
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen >= 60, "fixtures read: {seen}");
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_json_writes_it(text in r#"(Rust|Go|Python 3|AWS Lambda|"|\\|5\+ years|\$120k|Remote|[a-z]{1,6}|[ \n,.:\t\x01]){0,40}"#) {
            let tags = crate::Tagger::new().tag(&text);
            let mut out = Vec::new();
            write_tags(&mut out, &tags);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&tags).unwrap());
        }

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in any::<String>()) {
            prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn ascii_with_controls_is_escaped_as_serde_json_escapes_it(s in "[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
