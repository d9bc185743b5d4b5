//! Input stage: bytes or text in one of the supported formats become a [`Document`]: the
//! normalised text the later stages read, its headings, and the map from normalised offsets
//! back to the caller's bytes.

mod html;
mod markdown;
mod mojibake;
mod offsets;

pub(crate) use offsets::OffsetMap;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

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
    /// When the source was mis-decoded text (see [`mojibake`]): the map from the repaired text
    /// that `map` leads to back to the source, and how many characters were repaired.
    pub(crate) repaired: Option<(OffsetMap, usize)>,
}

impl<'a> Document<'a> {
    /// Reads `src` in `format` (resolving [`Format::Auto`]), mis-decoded characters repaired
    /// first.
    pub(crate) fn read(src: &'a str, format: Format) -> Document<'a> {
        let Some((text, map, count)) = mojibake::repair(src) else {
            return Document::read_as(src, format);
        };
        let doc = Document::read_as(&text, format);
        Document {
            text: Cow::Owned(doc.text.into_owned()),
            format: doc.format,
            headings: doc.headings,
            map: doc.map,
            repaired: Some((map, count)),
        }
    }

    /// The source offset of normalised offset `n`, as a span's start or (`is_end`) end;
    /// `outer` maps the source given to [`Document::read`] on to the caller's bytes.
    pub(crate) fn source_offset(&self, n: usize, outer: Option<&OffsetMap>, is_end: bool) -> usize {
        let n = self.map.at(n, is_end);
        let n = self.repaired.as_ref().map_or(n, |(m, _)| m.at(n, is_end));
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
                repaired: None,
            },
        }
    }
}

/// HTML when the text starts with markup or holds block tags; Markdown when it shows
/// Markdown's own syntax: an ATX heading, strong emphasis, a link or a code fence. Bullets alone
/// do not decide it: plain text uses them too.
fn detect(src: &str) -> Format {
    let sample = &src[..floor_char_boundary(src, 64 * 1024)];
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
/// to two: one pass over the `<` signs instead of a search per tag and case.
fn html_tags(sample: &str) -> usize {
    let bytes = sample.as_bytes();
    let mut found = [false; HTML_TAGS.len()];
    let mut count = 0;
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at..];
        for (tag, seen) in HTML_TAGS.iter().zip(found.iter_mut()) {
            if *seen || rest.len() < tag.len() {
                continue;
            }
            let head = &rest[..tag.len()];
            let upper = head
                .iter()
                .zip(tag.iter())
                .all(|(a, b)| *a == b.to_ascii_uppercase());
            if head == *tag || upper {
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
