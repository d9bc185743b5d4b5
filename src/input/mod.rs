//! Input stage: bytes or text in one of the supported formats become a [`Document`]: the
//! normalised text the later stages read, its headings, and the map from normalised offsets
//! back to the caller's bytes.

mod escapes;
mod html;
mod json_ld;
mod layout;
mod markdown;
mod mojibake;
mod offsets;
mod typography;

pub(crate) use json_ld::posting_facts;
pub(crate) use offsets::{OffsetMap, OffsetMapBuilder};
pub(crate) use typography::is_pictograph;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The synthetic bullet that starts a list item's line, in HTML and Markdown input.
const BULLET: &str = "• ";

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Decide from the text: Markdown when it has Markdown headings, emphasis, links or code
    /// fences, plain text otherwise.
    #[default]
    Auto,
    /// Plain text, read as it is.
    Text,
    /// CommonMark with tables and strikethrough.
    Markdown,
    /// HTML: a page or a fragment.
    Html,
}

impl Format {
    /// Parses `auto`, `text`, `markdown` (or `md`).
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "text" | "txt" | "plain" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The name used in the output's `format` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// A heading found by the input stage, in normalised offsets.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) text: String,
    /// Normalised offset where the heading starts.
    pub(crate) start: usize,
}

/// The normalised input.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) format: Format,
    pub(crate) headings: Vec<Heading>,
    pub(crate) map: OffsetMap,
    /// What was repaired in the source before it was read, in order: each with the map from
    /// its output back to its input (see [`escapes`], [`mojibake`], [`typography`]).
    pub(crate) repairs: Vec<Repair>,
}

/// One repair of the source before it is read.
#[derive(Debug)]
pub(crate) struct Repair {
    /// The warning code that reports it.
    pub(crate) code: &'static str,
    /// What it did, for the warning.
    pub(crate) message: String,
    map: OffsetMap,
}

/// A repair: the repaired text, the map back, and the count; `None` when nothing needs it.
type RepairFn = fn(&str) -> Option<(String, OffsetMap, usize)>;

/// A repair the input stage tries.
struct Step {
    code: &'static str,
    run: RepairFn,
    /// Only when the format is HTML or undecided.
    markup: bool,
    /// What it did, `{n}` standing for its count.
    says: &'static str,
}

/// What the mojibake repair says (both its passes).
const MOJIBAKE_SAYS: &str =
    "{n} mis-decoded characters (UTF-8 read as Windows-1252, e.g. \"â€™\" for \"’\") were read as meant";

/// Said at the end of every repair's warning.
const OFFSETS_KEPT: &str = "; offsets index the original text";

/// The repairs tried on every source, in order: a page that a script draws read from its
/// JobPosting data first (see [`json_ld`]), then a lost JSON layer (its `\u00e2` escapes
/// may spell mojibake), byte escapes (which may too), then markup escaped twice (one layer),
/// then escaped markup (read as HTML next), then mis-decoded characters (twice: text mis-read
/// twice, "Ã¢â‚¬â„¢", needs two passes), then typesetting characters (ligatures, invisible
/// characters, private-use bullets; a private-use bullet may be a run-together list's), then
/// pictographs that open list items ("✅ Go"), then
/// line breaks flattened into runs of spaces, lost around headings, or lost between the items
/// of a list.
const REPAIRS: [Step; 12] = [
    Step {
        code: "json_ld",
        run: json_ld::job_posting,
        markup: true,
        says: "the page shows little text of its own (a script draws it): its schema.org JobPosting data (its title, description, employment type, workplace, place and pay) was read instead",
    },
    Step {
        code: "escaped_text",
        run: escapes::unescape_json,
        markup: false,
        says: "the text was escaped twice (line breaks written as \\n): {n} escapes were read as meant",
    },
    Step {
        code: "escaped_bytes",
        run: escapes::unescape_bytes,
        markup: false,
        says: "the text holds bytes written as escapes (\\xe2\\x80\\xa2): {n} characters were read as meant",
    },
    Step {
        code: "escaped_html_twice",
        run: escapes::unescape_markup_twice,
        markup: true,
        says: "the text is HTML escaped twice (&amp;lt;p&amp;gt;): {n} outer escapes were read as meant",
    },
    Step {
        code: "escaped_html",
        run: escapes::unescape_markup,
        markup: true,
        says: "the text is HTML escaped as text (&lt;p&gt;): {n} escapes were read as meant and the markup as HTML",
    },
    Step {
        code: "mojibake",
        run: mojibake::repair,
        markup: false,
        says: MOJIBAKE_SAYS,
    },
    Step {
        code: "mojibake",
        run: mojibake::repair,
        markup: false,
        // The first pass's warning is the one shown (one per code).
        says: MOJIBAKE_SAYS,
    },
    Step {
        code: "typography",
        run: typography::repair,
        markup: false,
        says: "{n} typesetting characters (ligatures such as \"ﬂ\", soft hyphens, zero width spaces, private-use bullets) were read as plain letters, nothing or a bullet",
    },
    Step {
        code: "emoji_bullets",
        run: typography::emoji_bullets,
        markup: false,
        says: "{n} pictographs that open list items (\"✅\", \"🔹\", \"👉\") were read as bullets",
    },
    Step {
        code: "flattened",
        run: layout::restore_lines,
        markup: false,
        says: "the text had lost its line breaks: {n} runs of spaces that stood for them were read as line breaks",
    },
    Step {
        code: "glued_headings",
        run: layout::restore_headings,
        markup: false,
        says: "the text's lines were run together: {n} line breaks were put back around the headings glued into it",
    },
    Step {
        code: "run_together_lists",
        run: layout::restore_lists,
        markup: false,
        says: "list items were run together on long lines (\"Requirements: • Python • SQL\"): {n} line breaks were put back before their bullets and headings",
    },
];

impl<'a> Document<'a> {
    /// Reads `src` in `format` (resolving [`Format::Auto`]), after the [`REPAIRS`] it needs
    /// (escaped markup only when the format is HTML or undecided).
    pub(crate) fn read(src: &'a str, format: Format) -> Document<'a> {
        let mut text = Cow::Borrowed(src);
        let mut repairs = Vec::new();
        for step in &REPAIRS {
            if step.markup && !matches!(format, Format::Auto | Format::Html) {
                continue;
            }
            if let Some((fixed, map, count)) = (step.run)(&text) {
                let message = step.says.replace("{n}", &count.to_string()) + OFFSETS_KEPT;
                repairs.push(Repair {
                    code: step.code,
                    message,
                    map,
                });
                text = Cow::Owned(fixed);
            }
        }
        let Cow::Owned(text) = text else {
            return Document::read_as(src, format);
        };
        let doc = Document::read_as(&text, format);
        Document {
            text: Cow::Owned(doc.text.into_owned()),
            format: doc.format,
            headings: doc.headings,
            map: doc.map,
            repairs,
        }
    }

    /// The source offset of normalised offset `n`, as a span's start or (`is_end`) end;
    /// `outer` maps the source given to [`Document::read`] on to the caller's bytes.
    pub(crate) fn source_offset(&self, n: usize, outer: Option<&OffsetMap>, is_end: bool) -> usize {
        let n = self.map.at(n, is_end);
        let n = self.repairs.iter().rev().fold(n, |n, r| r.map.at(n, is_end));
        outer.map_or(n, |o| o.at(n, is_end))
    }

    fn read_as(src: &'a str, format: Format) -> Document<'a> {
        let format = match format {
            Format::Auto => detect(src),
            f => f,
        };
        match format {
            Format::Markdown => markdown::read(src),
            Format::Html => html::read(src),
            _ => Document {
                text: Cow::Borrowed(src),
                format: Format::Text,
                headings: Vec::new(),
                map: OffsetMap::identity(),
                repairs: Vec::new(),
            },
        }
    }
}

/// How much of a text's start format detection reads.
const DETECT_BYTES: usize = 64 * 1024;

/// HTML when the text starts with markup or holds block tags; Markdown when it shows
/// Markdown's own syntax: an ATX heading, strong emphasis, a link or a code fence. Bullets alone
/// do not decide it: plain text uses them too.
fn detect(src: &str) -> Format {
    let sample = &src[..floor_char_boundary(src, DETECT_BYTES)];
    let lower = sample
        .trim_start()
        .get(..floor_char_boundary(sample.trim_start(), 512))
        .unwrap_or("")
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Format::Html;
    }
    if html_tags(sample) >= 2 {
        return Format::Html;
    }
    let (heading, fence) = sample.lines().fold((false, false), |(h, f), l| {
        let t = l.trim_start_matches('#');
        let hashes = l.len() - t.len();
        (
            h || ((1..=6).contains(&hashes) && t.starts_with(' ')),
            f || l.trim_start().starts_with("```"),
        )
    });
    let strong = sample.contains("**") || sample.contains("__");
    let link = sample.contains("](");
    if heading || fence || strong || link {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Block tags that mark a text as HTML, in lower case; each counts in lower or in upper case.
const HTML_TAGS: [&[u8]; 11] = [
    b"<p>",
    b"<p ",
    b"<div",
    b"<ul>",
    b"<li>",
    b"<br",
    b"<h1",
    b"<h2",
    b"<h3",
    b"<strong>",
    b"<table",
];

/// How many of [`HTML_TAGS`] occur in `sample` (as written, or all in upper case), counting up
/// to two.
fn html_tags(sample: &str) -> usize {
    tags_opened_by(sample, b"<", b">")
}

/// How many of [`HTML_TAGS`] occur in `sample` escaped as text (`&lt;p&gt;`), counting up to
/// two.
fn escaped_html_tags(sample: &str) -> usize {
    tags_opened_by(sample, b"&lt;", b"&gt;")
}

/// [`html_tags`] for markup escaped twice: `&amp;lt;p&amp;gt;`.
fn twice_escaped_html_tags(sample: &str) -> usize {
    tags_opened_by(sample, b"&amp;lt;", b"&amp;gt;")
}

/// How many of [`HTML_TAGS`] occur in `sample` with `<` written `open` and `>` written `close`
/// (as written, or all in upper case), counting up to two: one pass over the openings instead
/// of a search per tag and case.
fn tags_opened_by(sample: &str, open: &[u8], close: &[u8]) -> usize {
    let bytes = sample.as_bytes();
    let mut found = [false; HTML_TAGS.len()];
    let mut count = 0;
    for at in memchr::memmem::find_iter(bytes, open) {
        let rest = &bytes[at + open.len()..];
        for (tag, seen) in HTML_TAGS.iter().zip(found.iter_mut()) {
            if *seen {
                continue;
            }
            // The tag after its '<', with a closing '>' written as `close`.
            let name = &tag[1..];
            let (name, closes) = match name.strip_suffix(b">") {
                Some(n) => (n, true),
                None => (name, false),
            };
            let Some(head) = rest.get(..name.len()) else {
                continue;
            };
            let upper = head
                .iter()
                .zip(name.iter())
                .all(|(a, b)| *a == b.to_ascii_uppercase());
            if (head == name || upper) && (!closes || rest[name.len()..].starts_with(close)) {
                *seen = true;
                count += 1;
                if count == 2 {
                    return count;
                }
            }
        }
    }
    count
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Decodes bytes as UTF-8. With `lossy`, invalid sequences become U+FFFD and the returned
/// map leads from the decoded text back to the bytes; without it, the first bad byte is an error.
pub(crate) fn decode(bytes: &[u8], lossy: bool) -> Result<(Cow<'_, str>, Option<OffsetMap>), usize> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), None)),
        Err(e) if !lossy => Err(e.valid_up_to()),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut map = OffsetMap::builder();
            for chunk in bytes.utf8_chunks() {
                let src = chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize;
                map.linear(text.len(), src, chunk.valid().len());
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    let at = src + chunk.valid().len();
                    map.lump(text.len(), '\u{FFFD}'.len_utf8(), at, chunk.invalid().len());
                    text.push('\u{FFFD}');
                }
            }
            Ok((Cow::Owned(text), Some(map.finish())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_detection() {
        let cases = [
            ("<!DOCTYPE html><p>x", Format::Html),
            ("  <html><body>x", Format::Html),
            ("Intro <p>one</p> <ul><li>two</li></ul>", Format::Html),
            ("<DIV>one</DIV><BR>", Format::Html),
            ("<p class=a>one</p><strong>b</strong>", Format::Html),
            // One tag, or a tag in mixed case, is not enough.
            ("Use <br> between lines", Format::Text),
            ("<Div>one</Div><Br>", Format::Text),
            ("a < b and c <p", Format::Text),
            ("<p", Format::Text),
            ("# Senior Engineer\n\nWe build things.", Format::Markdown),
            ("Intro\n### Stack\n- Rust", Format::Markdown),
            ("####### seven is not a heading", Format::Text),
            ("#hashtag", Format::Text),
            ("Code:\n  ```rust\nfn main() {}\n```", Format::Markdown),
            ("We need **Rust**", Format::Markdown),
            ("See [the site](https://example.com)", Format::Markdown),
            ("- Rust\n- Go\n* Python", Format::Text),
            ("", Format::Text),
        ];
        for (src, want) in cases {
            assert_eq!(detect(src), want, "{src:?}");
        }
    }
}
