//! Job pages that a script draws: the page as fetched shows little text of its own (a title,
//! a cookie banner, "Apply"), and the posting itself sits in the schema.org `JobPosting` data
//! that the page embeds for search engines (`<script type="application/ld+json">`). Such a
//! page is read from that data: its `title`, its `description` (HTML) and, as labelled lines
//! after it, its `employmentType`, `jobLocationType`, `jobLocation` address and `baseSalary`,
//! each mapped back to the bytes of its JSON string or number, escapes and all, so spans still
//! index the page.

use super::escapes::json_escape;
use super::offsets::{OffsetMap, OffsetMapBuilder};
use serde_json::Value;
use std::sync::LazyLock;

/// The type of a JSON-LD script, searched for once per page with a searcher built once.
static SCRIPT_TYPE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"application/ld+json"));

/// The most JSON-LD scripts of one page that are read.
const MAX_SCRIPTS: usize = 8;

/// How many strings after a member's key are read for its value (`["FULL_TIME",
/// "CONTRACTOR"]`, `{"@type": "Country", "name": "US"}`).
const STRINGS_AFTER_KEY: usize = 6;

/// How deep into a JSON-LD document a `JobPosting` is looked for (`@graph`, arrays).
const MAX_DEPTH: usize = 4;

/// The page read from its `JobPosting` data, the map back, and 1; `None` when the page has no
/// such data with a description, or shows at least half as much text as that description
/// itself (then the page is read as it is).
pub(crate) fn job_posting(page: &str) -> Option<(String, OffsetMap, usize)> {
    for (open, json, value) in scripts(page) {
        let Some(posting) = find_posting(&value, 0) else {
            continue;
        };
        let Some(description) = posting.get("description").and_then(Value::as_str) else {
            continue;
        };
        if text_len(page) * 2 >= text_len(description) {
            return None;
        }
        let title = posting.get("title").and_then(Value::as_str).unwrap_or("");
        return assemble(json, open, title, Some(description), &facts(posting));
    }
    None
}

/// A page's `JobPosting` facts without its description: its title as the first line, then its
/// employment type, workplace, place and pay as labelled lines (see [`facts`]), each mapped
/// back to the bytes of its JSON string or number in `page`; `None` when the page has no
/// such data or the data has none of these facts. For a page that shows its own text, where
/// the data may still say what the text leaves out (the pay, the place).
pub(crate) fn posting_facts(page: &str) -> Option<(String, OffsetMap)> {
    for (open, json, value) in scripts(page) {
        let Some(posting) = find_posting(&value, 0) else {
            continue;
        };
        let facts = facts(posting);
        if facts.is_empty() {
            continue;
        }
        let title = posting.get("title").and_then(Value::as_str).unwrap_or("");
        return assemble(json, open, title, None, &facts).map(|(text, map, _)| (text, map));
    }
    None
}

/// The JSON-LD scripts of a page that mention a `JobPosting` and parse: where each one's JSON
/// starts in the page, its text, and its value.
fn scripts(page: &str) -> impl Iterator<Item = (usize, &str, Value)> {
    let bytes = page.as_bytes();
    let mut from = 0;
    let mut left = MAX_SCRIPTS;
    std::iter::from_fn(move || {
        while left > 0 {
            left -= 1;
            let at = from + SCRIPT_TYPE.find(&bytes[from..])?;
            let open = memchr::memchr(b'>', &bytes[at..]).map(|i| at + i + 1)?;
            let close = script_end(&bytes[open..]).map(|i| open + i)?;
            from = close;
            let json = &page[open..close];
            if !json.contains("JobPosting") {
                continue;
            }
            if let Ok(value) = serde_json::from_str::<Value>(json) {
                return Some((open, json, value));
            }
        }
        None
    })
}

/// Where the script that starts `b` ends: its `</script` (any case).
fn script_end(b: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(b, b"</").find(|&i| {
        b.get(i + 2..i + 8)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"script"))
    })
}

/// The `JobPosting` object in a JSON-LD document: the document itself, an item of it (an
/// array), or an item of its `@graph`.
fn find_posting(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::Object(o) => {
            let is_posting = match o.get("@type") {
                Some(Value::String(t)) => t == "JobPosting",
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some("JobPosting")),
                _ => false,
            };
            if is_posting {
                return Some(o);
            }
            o.get("@graph").and_then(|g| find_posting(g, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|i| find_posting(i, depth + 1)),
        _ => None,
    }
}

/// What a piece of a fact reads as: a string, or a number as the JSON writes it.
#[derive(Clone, Copy, Debug)]
enum Want<'a> {
    Str(&'a str),
    Num(f64),
}

/// A piece of a fact: the separator written before it (unless it comes first), its member's
/// key, and its value.
type Piece<'a> = (&'static str, &'static str, Want<'a>);

/// A labelled line: its label and its pieces.
type Fact<'a> = (&'static str, Vec<Piece<'a>>);

/// The posting's facts that its text may leave out, as labelled lines. Schema.org writes
/// employment types in capitals with underscores ("FULL_TIME", "TELECOMMUTE") and pay as a
/// `MonetaryAmount` ("USD", `{"minValue": 100000, "maxValue": 150000, "unitText": "YEAR"}`).
fn facts(posting: &serde_json::Map<String, Value>) -> Vec<Fact<'_>> {
    let mut out = Vec::new();
    let listed = |label: &'static str, key: &'static str| {
        let pieces: Vec<Piece> = strings(posting.get(key))
            .into_iter()
            .map(|t| (", ", key, Want::Str(t)))
            .collect();
        (!pieces.is_empty()).then_some((label, pieces))
    };
    out.extend(listed("Employment type", "employmentType"));
    out.extend(listed("Workplace", "jobLocationType"));
    let location = match posting.get("jobLocation") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    };
    if let Some(address) = location.and_then(|l| l.get("address")) {
        let parts: Vec<Piece> = ["addressLocality", "addressRegion", "addressCountry"]
            .into_iter()
            .filter_map(|k| {
                let v = address.get(k)?;
                v.as_str()
                    .or_else(|| v.get("name")?.as_str())
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (", ", k, Want::Str(v)))
            })
            .collect();
        if !parts.is_empty() {
            out.push(("Location", parts));
        }
    }
    if let Some(pay) = posting.get("baseSalary") {
        let (low, high, unit) = match pay.get("value") {
            Some(Value::Object(q)) => (
                amount("minValue", q.get("minValue")).or_else(|| amount("value", q.get("value"))),
                amount("maxValue", q.get("maxValue")),
                q.get("unitText").and_then(Value::as_str),
            ),
            v => (
                amount("value", v),
                None,
                pay.get("unitText").and_then(Value::as_str),
            ),
        };
        if let Some((key, low)) = low {
            let mut pieces: Vec<Piece> = Vec::new();
            if let Some(c) = pay.get("currency").and_then(Value::as_str) {
                pieces.push(("", "currency", Want::Str(c)));
            }
            pieces.push((" ", key, low));
            if let Some((key, high)) = high {
                pieces.push((" – ", key, high));
            }
            if let Some(u) = unit {
                pieces.push((" per ", "unitText", Want::Str(u)));
            }
            out.push(("Salary", pieces));
        }
    }
    out
}

/// A pay amount: the member's key and its number, or its text when written as a string.
fn amount<'a>(key: &'static str, v: Option<&'a Value>) -> Option<(&'static str, Want<'a>)> {
    match v? {
        Value::Number(n) => n.as_f64().map(|n| (key, Want::Num(n))),
        Value::String(s) if !s.trim().is_empty() => Some((key, Want::Str(s.as_str()))),
        _ => None,
    }
}

/// A member's string value, or the strings of its array value.
fn strings(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The bytes of text an HTML page or fragment shows, roughly: the bytes other than white
/// space outside its tags, and outside the raw text of its scripts, styles and templates (a
/// measure, not a parse: the page is parsed once, later, for what it shows or for this data).
fn text_len(html: &str) -> usize {
    const RAW: [&[u8]; 4] = [b"script", b"style", b"noscript", b"template"];
    let b = html.as_bytes();
    let shown = |s: &[u8]| s.iter().filter(|c| !c.is_ascii_whitespace()).count();
    let mut n = 0;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) {
        n += shown(&b[i..at]);
        let rest = &b[at + 1..];
        let tag_end = |from: usize| memchr::memchr(b'>', &b[from..]).map_or(b.len(), |e| from + e + 1);
        i = match RAW
            .iter()
            .find(|t| rest.get(..t.len()).is_some_and(|r| r.eq_ignore_ascii_case(t)))
        {
            // Past the element's end tag.
            Some(t) => memchr::memmem::find_iter(rest, b"</")
                .find(|&e| {
                    rest.get(e + 2..e + 2 + t.len())
                        .is_some_and(|r| r.eq_ignore_ascii_case(t))
                })
                .map_or(b.len(), |e| tag_end(at + 1 + e)),
            None => tag_end(at + 1),
        };
    }
    n + shown(&b[i.min(b.len())..])
}

/// The text read instead of the page: the title as a heading, the description (if any), and
/// the `facts` as labelled lines, each value mapped onto its JSON string in `json`, which starts
/// at byte `base` of the page.
fn assemble(
    json: &str,
    base: usize,
    title: &str,
    description: Option<&str>,
    facts: &[Fact],
) -> Option<(String, OffsetMap, usize)> {
    let markup = description.is_some_and(|d| d.contains('<') || d.contains("&lt;"));
    let mut out = String::with_capacity(title.len() + description.map_or(0, str::len) + 24);
    let mut map = OffsetMap::builder();
    let title_at = (!title.is_empty())
        .then(|| raw_string(json, "title", title))
        .flatten();
    if let Some(raw) = title_at {
        out.push_str(if markup { "<html><h1>" } else { "" });
        decode_into(&json[raw.clone()], base + raw.start, &mut out, &mut map);
        out.push_str(if markup { "</h1>\n" } else { "\n\n" });
    }
    if let Some(description) = description {
        let raw = raw_string(json, "description", description)?;
        decode_into(&json[raw.clone()], base + raw.start, &mut out, &mut map);
    }
    for (label, pieces) in facts {
        let line = format!("{}{label}: ", if markup { "<p>" } else { "\n" });
        let mut first = true;
        for &(sep, key, want) in pieces {
            let raw = match want {
                Want::Str(v) => raw_string(json, key, v),
                Want::Num(n) => raw_number(json, key, n),
            };
            let Some(raw) = raw else {
                continue;
            };
            out.push_str(if first { &line } else { sep });
            first = false;
            let from = out.len();
            decode_into(&json[raw.clone()], base + raw.start, &mut out, &mut map);
            // "FULL_TIME" reads as "FULL TIME", byte for byte.
            if out[from..].contains('_') {
                let spaced = out[from..].replace('_', " ");
                out.replace_range(from.., &spaced);
            }
        }
        if !first && markup {
            out.push_str("</p>");
        }
    }
    Some((out, map.finish(), 1))
}

/// The range in `json` of the contents of a string that reads as `want` and is the value of a
/// `key` member, an item of it (an array) or a member of it (`{"name": …}`): one of the few
/// strings right after the key.
fn raw_string(json: &str, key: &str, want: &str) -> Option<std::ops::Range<usize>> {
    let quoted = format!("\"{key}\"");
    memchr::memmem::find_iter(json.as_bytes(), quoted.as_bytes()).find_map(|at| {
        let rest = &json[at + quoted.len()..];
        let value = rest.trim_start().strip_prefix(':')?;
        let mut from = json.len() - value.len();
        for _ in 0..STRINGS_AFTER_KEY {
            let start = from + memchr::memchr(b'"', &json.as_bytes()[from..])? + 1;
            let raw = start..start + string_len(&json[start..])?;
            if decoded(&json[raw.clone()]).is_some_and(|d| d == want) {
                return Some(raw);
            }
            from = raw.end + 1;
        }
        None
    })
}

/// The range in `json` of a number that is the value of a `key` member and reads as `want`.
fn raw_number(json: &str, key: &str, want: f64) -> Option<std::ops::Range<usize>> {
    let quoted = format!("\"{key}\"");
    memchr::memmem::find_iter(json.as_bytes(), quoted.as_bytes()).find_map(|at| {
        let rest = &json[at + quoted.len()..];
        let value = rest.trim_start().strip_prefix(':')?.trim_start();
        let start = json.len() - value.len();
        let len = value
            .bytes()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let raw = start..start + len;
        (json[raw.clone()].parse::<f64>().ok()? == want).then_some(raw)
    })
}

/// The length of the JSON string contents that open `s` (up to its closing quote).
fn string_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i += memchr::memchr2(b'"', b'\\', &b[i..])?;
        if b[i] == b'"' {
            return Some(i);
        }
        i += 2;
        if i > b.len() {
            return None;
        }
    }
}

/// The JSON string contents `raw` read.
fn decoded(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut copied = 0;
    while let Some(at) = memchr::memchr(b'\\', &raw.as_bytes()[copied..]).map(|i| copied + i) {
        let (c, len) = json_escape(&raw[at..])?;
        out.push_str(&raw[copied..at]);
        out.push(c);
        copied = at + len;
    }
    out.push_str(&raw[copied..]);
    Some(out)
}

/// Appends the JSON string contents `raw` (which [`decoded`] reads), found at page byte
/// `base`, to `out`, mapping each escape onto its bytes and the rest byte for byte.
fn decode_into(raw: &str, base: usize, out: &mut String, map: &mut OffsetMapBuilder) {
    let mut copied = 0;
    while let Some(at) = memchr::memchr(b'\\', &raw.as_bytes()[copied..]).map(|i| copied + i) {
        let Some((c, len)) = json_escape(&raw[at..]) else {
            break;
        };
        map.linear(out.len(), base + copied, at - copied);
        out.push_str(&raw[copied..at]);
        let from = out.len();
        out.push(c);
        map.lump(from, out.len() - from, base + at, len);
        copied = at + len;
    }
    map.linear(out.len(), base + copied, raw.len() - copied);
    out.push_str(&raw[copied..]);
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};
    use super::*;

    /// A page that a script draws, with its posting in JSON-LD.
    fn page(visible: &str, json: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>Jobs</title>\
             <script type=\"application/ld+json\">{json}</script></head>\
             <body><div id=\"app\">{visible}</div><script>render()</script></body></html>"
        )
    }

    const POSTING: &str = r#"{"@context": "https://schema.org/", "@type": "JobPosting",
        "title": "Platform Engineer \u2013 Kubernetes",
        "hiringOrganization": {"@type": "Organization", "description": "We sell shoes."},
        "description": "\u003cp\u003eWe run \u003cb\u003eKubernetes\u003c/b\u003e on AWS.\u003c/p\u003e\u003cul\u003e\u003cli\u003e5+ years of Go\u003c/li\u003e\u003cli\u003eTerraform is a plus\u003c/li\u003e\u003c/ul\u003e",
        "employmentType": ["FULL_TIME", "CONTRACTOR"], "jobLocationType": "TELECOMMUTE",
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressRegion": "TX",
            "addressCountry": {"@type": "Country", "name": "US"}}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
            "value": {"@type": "QuantitativeValue", "minValue": 140000, "maxValue": 1.75e5, "unitText": "YEAR"}}}"#;

    #[test]
    fn a_page_drawn_by_a_script_is_read_from_its_job_posting() {
        let src = page("Loading…", POSTING);
        let doc = Document::read(&src, Format::Auto);
        assert_eq!(
            doc.text,
            "Platform Engineer – Kubernetes\nWe run Kubernetes on AWS.\n• 5+ years of Go\n• Terraform is a plus\n\
             Employment type: FULL TIME, CONTRACTOR\nWorkplace: TELECOMMUTE\nLocation: Austin, TX, US\n\
             Salary: USD 140000 – 1.75e5 per YEAR"
        );
        assert_eq!(doc.repairs.len(), 1);
        assert_eq!(doc.repairs[0].code, "json_ld");
        // Every word maps back to its bytes in the page's JSON.
        for word in [
            "Kubernetes on AWS",
            "Terraform",
            "5+ years of Go",
            "Platform Engineer",
            "Austin",
            "CONTRACTOR",
        ] {
            let n = doc.text.find(word).unwrap();
            let (s, e) = (
                doc.source_offset(n, None, false),
                doc.source_offset(n + word.len(), None, true),
            );
            let source = &src[s..e];
            assert!(
                source.starts_with(&word[..4]) && source.ends_with(&word[word.len() - 2..]),
                "{word:?} -> {source:?}"
            );
        }
        let n = doc.text.find("FULL TIME").unwrap();
        assert_eq!(
            &src[doc.source_offset(n, None, false)..doc.source_offset(n + 9, None, true)],
            "FULL_TIME"
        );
        let n = doc.text.find("1.75e5").unwrap();
        assert_eq!(
            &src[doc.source_offset(n, None, false)..doc.source_offset(n + 6, None, true)],
            "1.75e5"
        );
        let n = doc.text.find('–').unwrap();
        assert_eq!(
            &src[doc.source_offset(n, None, false)..doc.source_offset(n + '–'.len_utf8(), None, true)],
            "\\u2013"
        );
    }

    #[test]
    fn a_page_that_shows_its_posting_is_read_as_it_is() {
        let visible = "<h1>Platform Engineer</h1><p>We run Kubernetes on AWS.</p>\
                       <ul><li>5+ years of Go</li><li>Terraform is a plus</li></ul>";
        let src = page(visible, POSTING);
        let doc = Document::read(&src, Format::Auto);
        assert!(doc.repairs.is_empty());
        assert!(doc.text.contains("Jobs\nPlatform Engineer"), "{:?}", doc.text);
    }

    #[test]
    fn other_json_ld_and_broken_json_ld_are_passed_over() {
        for json in [
            r#"{"@type": "Organization", "description": "A long description of a company that is no posting at all."}"#,
            r#"{"@type": "JobPosting", "description": "never closed"#,
            r#"{"@type": "JobPosting", "title": "No description"}"#,
            r#"[1, "JobPosting", {"@graph": null}]"#,
        ] {
            let src = page("", json);
            assert!(job_posting(&src).is_none(), "{json}");
        }
        // In a @graph, with a plain-text description.
        let json = r#"{"@graph": [{"@type": "WebPage"}, {"@type": ["JobPosting"], "title": "Nurse",
            "description": "Registered nurse for our ICU.\nNight shifts, Epic charting."}]}"#;
        let src = page("", json);
        let (text, _, n) = job_posting(&src).unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            text,
            "Nurse\n\nRegistered nurse for our ICU.\nNight shifts, Epic charting."
        );
    }

    #[test]
    fn json_strings_are_found_and_measured() {
        assert_eq!(string_len(r#"ab\"c" , "x""#), Some(5));
        assert_eq!(string_len(r#"ab\\"#), None);
        assert_eq!(string_len("open"), None);
        assert_eq!(decoded(r"a\u00e9\n"), Some("aé\n".to_string()));
        assert_eq!(decoded(r"bad \q"), None);
        let json = r#"{"org": {"title": "Other"}, "title" : "Engineer"}"#;
        assert_eq!(
            raw_string(json, "title", "Engineer").map(|r| &json[r]),
            Some("Engineer")
        );
        assert_eq!(raw_string(json, "title", "Nobody"), None);
        let json = r#"{"value": "x", "q": {"value" : 4200.50, "minValue":-1}}"#;
        assert_eq!(
            raw_number(json, "value", 4200.5).map(|r| &json[r]),
            Some("4200.50")
        );
        assert_eq!(raw_number(json, "minValue", -1.0).map(|r| &json[r]), Some("-1"));
        assert_eq!(raw_number(json, "value", 1.0), None);
        assert_eq!(text_len("<p>Go <b>and</b> Rust</p>"), 9);
        assert_eq!(
            text_len("<head><title>Jobs</title><STYLE>p {}</style><script>x < y</SCRIPT></head>Go\n"),
            6
        );
        assert_eq!(text_len("a <script>never closed"), 1);
        assert_eq!(text_len("a <b"), 1);
        assert_eq!(script_end(b"{}</SCRIPT>"), Some(2));
    }
}
