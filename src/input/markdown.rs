//! Markdown input: pulldown-cmark events projected into plain text, with every text piece
//! mapped back to its source bytes (also through emphasis, links, entities, escapes and code).

use super::offsets::OffsetMapBuilder;
use super::{BULLET, Document, Format, Heading, OffsetMap};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

struct Projection<'s> {
    src: &'s str,
    text: String,
    map: OffsetMapBuilder,
}

impl Projection<'_> {
    /// Appends a separator that has no source of its own, unless the text already ends in one.
    fn separate(&mut self, sep: &str) {
        if !self.text.is_empty() && !self.text.ends_with(['\n', ' ', '\t']) {
            self.text.push_str(sep);
        }
    }

    fn newline(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Appends `piece`, which pulldown-cmark read from `range` of the source; `code` pieces
    /// sit verbatim inside their markers (backticks, `$`).
    fn push(&mut self, piece: &str, range: Range<usize>, code: bool) {
        let source = &self.src[range.clone()];
        let at = self.text.len();
        if source == piece {
            self.map.linear(at, range.start, piece.len());
        } else if let Some(pos) = source.find(piece).filter(|_| code) {
            self.map.linear(at, range.start + pos, piece.len());
        } else {
            self.align(piece, range);
        }
        self.text.push_str(piece);
    }

    /// Maps `piece` char by char onto `range`, stepping over backslash escapes and entities.
    fn align(&mut self, piece: &str, range: Range<usize>) {
        let source = &self.src[range.clone()];
        let mut p = 0;
        let mut n = self.text.len();
        for (i, c) in piece.char_indices() {
            let rest = &source[p.min(source.len())..];
            let len = c.len_utf8();
            let entity = entity_len(rest).filter(|&k| !piece[i + len..].starts_with(&rest[1..k]));
            if let Some(k) = entity {
                self.map.lump(n, len, range.start + p, k);
                p += k;
            } else if rest.starts_with(c) {
                self.map.linear(n, range.start + p, len);
                p += len;
            } else if rest.starts_with('\\') && rest[1..].starts_with(c) {
                self.map.lump(n, len, range.start + p, 1 + len);
                p += 1 + len;
            } else {
                // A character with no visible source (e.g. a normalised line ending).
                self.map.lump(n, len, range.start + p.min(source.len()), 0);
            }
            n += len;
        }
    }
}

/// The length of the character reference `rest` starts with ("&amp;", "&#35;", "&#x23;").
fn entity_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('&')?;
    let end = body.bytes().take(32).position(|b| b == b';')?;
    let name = &body[..end];
    let ok = !name.is_empty()
        && (name.bytes().all(|b| b.is_ascii_alphanumeric())
            || name.strip_prefix('#').is_some_and(|d| {
                d.strip_prefix(['x', 'X'])
                    .map_or(!d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()), |h| {
                        !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())
                    })
            }));
    ok.then_some(end + 2)
}

pub(super) fn read(src: &str) -> Document<'_> {
    let mut out = Projection {
        src,
        text: String::with_capacity(src.len()),
        map: OffsetMap::builder(),
    };
    let mut headings = Vec::new();
    let mut heading_start: Option<usize> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Text(t) => out.push(&t, range, false),
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => out.push(&t, range, true),
            Event::SoftBreak => out.separate("\n"),
            Event::HardBreak | Event::Rule => out.newline(),
            Event::Html(_) | Event::InlineHtml(_) => out.separate(" "),
            Event::Start(Tag::Heading { .. }) => {
                out.newline();
                heading_start = Some(out.text.len());
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    let text = out.text[start..].trim().to_string();
                    if !text.is_empty() {
                        headings.push(Heading { text, start });
                    }
                }
                out.newline();
            }
            Event::Start(Tag::Item) => {
                // A list item is a line opening with the bullet HTML items get, on its marker.
                out.newline();
                let marker = src[range.clone()]
                    .bytes()
                    .take_while(|b| !b.is_ascii_whitespace())
                    .count();
                out.map.lump(out.text.len(), BULLET.len(), range.start, marker);
                out.text.push_str(BULLET);
            }
            Event::Start(
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead,
            ) => out.newline(),
            Event::End(
                TagEnd::Item
                | TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.newline(),
            Event::End(TagEnd::TableCell) => out.separate("\t"),
            _ => {}
        }
    }
    Document {
        text: Cow::Owned(out.text),
        format: Format::Markdown,
        headings,
        map: out.map.finish(),
        repairs: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece of normalised text maps back to source bytes that read the same, or to the
    /// entity/escape it came from.
    #[test]
    fn projection_maps_back_to_source() {
        let src = "# Title *here*\n\nUse **Go** &amp; `Redis`, [Kafka](http://x.y) and C\\#.\n\n- a\n- b &lt;c&gt;\n";
        let doc = read(src);
        assert_eq!(
            doc.text,
            "Title here\nUse Go & Redis, Kafka and C#.\n• a\n• b <c>\n"
        );
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(doc.headings[0].text, "Title here");
        let find = |needle: &str| {
            let n = doc.text.find(needle).unwrap();
            &src[doc.map.start(n)..doc.map.end(n + needle.len())]
        };
        assert_eq!(find("Go"), "Go");
        assert_eq!(find("&"), "&amp;");
        assert_eq!(find("Redis"), "Redis");
        assert_eq!(find("Kafka"), "Kafka");
        assert_eq!(find("C#"), "C\\#");
        assert_eq!(find("<c>"), "&lt;c&gt;");
        assert_eq!(find("• a"), "- a", "an item's bullet stands on its marker");
    }

    /// List items read as bulleted lines, as HTML's do, so a heading after a list is not read
    /// as the continuation of its last item ("### Data Engineer, Typeform" after "- Airflow
    /// and dbt": the item is no company line of the heading).
    #[test]
    fn list_items_are_bulleted_lines() {
        for (src, want) in [
            ("- one\n- two\n\n### Role, Firm\n", "• one\n• two\nRole, Firm\n"),
            ("1. first\n2) second\n", "• first\n"),
            ("* a\n  * nested\n\ntext\n", "• a\n• nested\ntext\n"),
            ("- [x] done\n", "• done\n"),
            ("Plain - not a list\n", "Plain - not a list\n"),
        ] {
            let doc = read(src);
            assert!(doc.text.starts_with(want), "{src:?} -> {:?}", doc.text);
        }
    }
}
