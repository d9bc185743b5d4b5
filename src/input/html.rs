//! HTML input: html5gum tokens projected into plain text, with every text piece mapped back
//! to its source bytes (also through character references and collapsed whitespace).
//!
//! The tokenizer reports where each tag, comment and doctype sits in the source; the text
//! between two of them is the source of the string the tokenizer decoded there, and the two are
//! aligned piece by piece: literal runs map byte for byte, a character reference maps as a lump
//! onto its `&…;` bytes, a run of whitespace collapses to one space mapped onto the whole run.
//! Blocks become lines, list items lines starting with "• ", table cells are separated by tabs;
//! the content of scripts, styles, navigation, footers, forms and the page head (but its title)
//! is left out.

use super::offsets::OffsetMapBuilder;
use super::{Document, Format, Heading, OffsetMap};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use std::borrow::Cow;
use std::convert::Infallible;
use std::ops::Range;

use super::BULLET;

/// How far past a character reference the source and the decoded text are compared to tell how
/// long the reference was.
const ALIGN_WINDOW: usize = 64;

/// What an element does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Content the tokenizer reads as raw text (script, style, …): always left out, even when
    /// written `<script/>`.
    RawSkip,
    /// Markup whose content is left out (navigation, forms, the page head).
    Skip,
    /// Starts and ends a line.
    Block,
    /// A block whose only content may be one bold element, making it a heading.
    Candidate,
    /// A list item: a line starting with [`BULLET`].
    Item,
    /// h1–h6.
    Heading,
    /// A table cell: separated from the previous one by a tab.
    Cell,
    /// A line break.
    Break,
    /// strong, b.
    Bold,
    /// The page title (kept, also inside the head).
    Title,
    /// Everything else: inline, no effect.
    Inline,
}

fn kind(name: &[u8]) -> Kind {
    match name {
        b"script" | b"style" | b"noscript" | b"textarea" | b"iframe" | b"xmp" | b"noembed" | b"plaintext" => {
            Kind::RawSkip
        }
        b"template" | b"svg" | b"math" | b"head" | b"nav" | b"footer" | b"button" | b"form" | b"select"
        | b"noframes" | b"object" | b"canvas" | b"audio" | b"video" | b"dialog" => Kind::Skip,
        b"p" | b"div" => Kind::Candidate,
        b"li" => Kind::Item,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => Kind::Heading,
        b"td" | b"th" => Kind::Cell,
        b"br" | b"hr" => Kind::Break,
        b"strong" | b"b" => Kind::Bold,
        b"title" => Kind::Title,
        b"section" | b"article" | b"main" | b"aside" | b"header" | b"ul" | b"ol" | b"dl" | b"dd" | b"dt"
        | b"table" | b"thead" | b"tbody" | b"tfoot" | b"tr" | b"caption" | b"blockquote" | b"pre"
        | b"figure" | b"figcaption" | b"address" | b"details" | b"summary" | b"fieldset" | b"center"
        | b"body" | b"html" | b"menu" | b"hgroup" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Whether an `id`, `class` or `role` value names page chrome that is not the posting: a
/// cookie or consent banner ("cookie-banner", "onetrust-consent-sdk", "cc-window"), or the
/// ARIA roles of a navigation bar and a page footer. A banner lists the page's trackers
/// ("We use cookies (Google Analytics, Hotjar)"), which the posting does not ask for.
fn is_chrome(value: &[u8]) -> bool {
    const WORDS: [&[u8]; 5] = [b"cookie", b"consent", b"gdpr", b"onetrust", b"cc-window"];
    let has = |w: &[u8]| value.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    WORDS.iter().any(|w| has(w))
        || value.eq_ignore_ascii_case(b"navigation")
        || value.eq_ignore_ascii_case(b"contentinfo")
}

/// Whether an element can hold page chrome and always has an end tag to end it (no void
/// element, no inline one whose end tag pages often leave out).
fn is_container(name: &[u8]) -> bool {
    matches!(
        name,
        b"div" | b"section" | b"aside" | b"header" | b"ul" | b"ol" | b"table" | b"p" | b"span" | b"dialog"
    )
}

/// Whitespace as HTML collapses it, plus the no-break space and a byte order mark, which
/// read as a plain space in the normalised text.
fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

/// The length in bytes of the [`is_space`] character that starts at `b[i]`, or 0. `b` is
/// valid UTF-8 and `i` a character boundary, so the byte patterns are exactly those characters.
fn space_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0c => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        0xef if b.get(i + 1..i + 3) == Some(&[0xbb, 0xbf]) => 3,
        _ => 0,
    }
}

/// Where a block that may be a bold-only heading stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bold {
    /// Nothing seen yet.
    Empty,
    /// Inside the bold element, at this nesting depth.
    In(u32),
    /// The bold element closed; nothing else may follow.
    Done,
    /// Not a heading.
    No,
}

/// A block (p, div, li) that may turn out to hold nothing but one bold element.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    bold: Bold,
}

/// Content being left out: the element's name and how deeply it nests in itself.
#[derive(Debug)]
struct Skipping {
    name: Vec<u8>,
    depth: u32,
}

struct Projection<'s> {
    src: &'s str,
    text: String,
    map: OffsetMapBuilder,
    headings: Vec<Heading>,
    /// Source offset where the text after the last tag, comment or doctype begins.
    text_from: usize,
    /// The string the tokenizer decoded since `text_from`, not yet projected.
    pending: Vec<u8>,
    /// A collapsed whitespace run waiting for the next word: its source, or `None` for a space
    /// the markup implies.
    space: Option<Option<Range<usize>>>,
    /// Where the bullet of the current, still empty, list item starts.
    bullet_at: Option<usize>,
    /// The name of the start tag being read.
    tag: Vec<u8>,
    /// Whether the attribute being read is one that names what an element is for (`id`,
    /// `class`, `role`).
    naming_attribute: bool,
    /// Whether the start tag being read names page chrome (see [`is_chrome`]).
    chrome: bool,
    skipping: Option<Skipping>,
    in_title: bool,
    in_pre: u32,
    heading_start: Option<usize>,
    candidate: Option<Candidate>,
}

impl<'s> Projection<'s> {
    fn new(src: &'s str) -> Self {
        Projection {
            src,
            text: String::with_capacity(src.len() / 2),
            map: OffsetMap::builder(),
            headings: Vec::new(),
            text_from: 0,
            pending: Vec::new(),
            space: None,
            bullet_at: None,
            tag: Vec::new(),
            naming_attribute: false,
            chrome: false,
            skipping: None,
            in_title: false,
            in_pre: 0,
            heading_start: None,
            candidate: None,
        }
    }

    fn event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) {
        match event {
            CallbackEvent::String { value } => self.pending.extend_from_slice(value),
            CallbackEvent::Error(_) => {}
            CallbackEvent::AttributeName { name } => {
                self.naming_attribute = [&b"id"[..], b"class", b"role"]
                    .iter()
                    .any(|a| name.eq_ignore_ascii_case(a));
            }
            CallbackEvent::AttributeValue { value } => {
                self.chrome |= self.naming_attribute && is_chrome(value);
            }
            CallbackEvent::OpenStartTag { name } => {
                self.flush(span.start);
                self.tag.clear();
                self.tag.extend_from_slice(name);
                self.chrome = false;
                self.naming_attribute = false;
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                self.flush(span.start);
                let name = std::mem::take(&mut self.tag);
                if self.chrome && !self_closing && self.skipping.is_none() && is_container(&name) {
                    // Page chrome: left out like a navigation bar, to its own end tag.
                    self.skipping = Some(Skipping {
                        name: name.clone(),
                        depth: 1,
                    });
                    self.space = Some(self.space.take().flatten());
                } else {
                    self.start_tag(&name, self_closing);
                }
                self.tag = name;
                self.text_from = span.end;
            }
            CallbackEvent::EndTag { name } => {
                self.flush(span.start);
                self.end_tag(name);
                self.text_from = span.end;
            }
            CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } => {
                self.flush(span.start);
                self.text_from = span.end;
            }
        }
    }

    /// Projects the pending string, read from the source up to `end`.
    fn flush(&mut self, end: usize) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        if self.skipping.is_none() || self.in_title {
            let decoded = String::from_utf8_lossy(&pending);
            let from = self.text_from.min(self.src.len());
            let end = end.clamp(from, self.src.len());
            match self.src.get(from..end) {
                // Most text holds no reference and no line-ending pair: it maps byte for byte.
                Some(source) if source == decoded => self.piece(&decoded, from, source.len()),
                Some(source) => self.align(&decoded, source, from),
                None => self.piece(&decoded, from, end - from),
            }
        }
        self.pending = pending;
        self.pending.clear();
    }

    fn start_tag(&mut self, name: &[u8], self_closing: bool) {
        let kind = kind(name);
        if let Some(skip) = &mut self.skipping {
            if skip.name == name && kind != Kind::RawSkip {
                skip.depth += 1;
                return;
            }
            // A head nobody closed ends where the body or its content starts.
            let head_ends = skip.name == b"head"
                && (name == b"body"
                    || matches!(kind, Kind::Block | Kind::Candidate | Kind::Item | Kind::Heading));
            if skip.name == b"head" && kind == Kind::Title {
                self.newline(false);
                self.in_title = true;
                return;
            }
            if !head_ends {
                return;
            }
            self.skipping = None;
        }
        match kind {
            Kind::RawSkip | Kind::Skip => {
                if kind == Kind::RawSkip || !(self_closing && matches!(name, b"svg" | b"math")) {
                    self.skipping = Some(Skipping {
                        name: name.to_vec(),
                        depth: 1,
                    });
                    self.space = Some(self.space.take().flatten());
                }
            }
            Kind::Title => {
                self.newline(false);
                self.in_title = true;
            }
            Kind::Block => {
                self.boundary(false);
                if name == b"pre" {
                    self.in_pre += 1;
                }
            }
            Kind::Candidate => {
                self.boundary(true);
                self.candidate = Some(Candidate {
                    start: self.text.len(),
                    bold: Bold::Empty,
                });
            }
            Kind::Item => {
                self.boundary(false);
                self.bullet_at = Some(self.text.len());
                self.text.push_str(BULLET);
                self.candidate = Some(Candidate {
                    start: self.text.len(),
                    bold: Bold::Empty,
                });
            }
            Kind::Heading => {
                self.boundary(false);
                self.heading_start = Some(self.text.len());
            }
            Kind::Cell => {
                self.candidate = None;
                if !self.line_empty() {
                    self.text.push('\t');
                }
                self.space = None;
            }
            Kind::Break => self.newline(false),
            Kind::Bold => {
                if let Some(c) = &mut self.candidate {
                    c.bold = match c.bold {
                        Bold::Empty => Bold::In(1),
                        Bold::In(n) => Bold::In(n + 1),
                        Bold::Done | Bold::No => Bold::No,
                    };
                }
            }
            Kind::Inline => {}
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        let kind = kind(name);
        if let Some(skip) = &mut self.skipping {
            if self.in_title && kind == Kind::Title {
                self.in_title = false;
                self.newline(false);
            } else if skip.name == name {
                skip.depth -= 1;
                if skip.depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        match kind {
            Kind::Title => {
                self.in_title = false;
                self.newline(false);
            }
            Kind::Block => {
                self.boundary(false);
                if name == b"pre" {
                    self.in_pre = self.in_pre.saturating_sub(1);
                }
            }
            Kind::Candidate | Kind::Item => {
                if let Some(c) = self.candidate.take()
                    && c.bold == Bold::Done
                {
                    let text = self.text[c.start..].trim();
                    if !text.is_empty() && !text.contains('\n') && is_short_heading(text) {
                        let text = text.to_string();
                        self.headings.push(Heading { text, start: c.start });
                    }
                }
                self.boundary(false);
            }
            Kind::Heading => self.boundary(false),
            Kind::Bold => {
                if let Some(c) = &mut self.candidate
                    && let Bold::In(n) = c.bold
                {
                    c.bold = if n == 1 { Bold::Done } else { Bold::In(n - 1) };
                }
            }
            Kind::Break => self.newline(false),
            Kind::RawSkip | Kind::Skip | Kind::Cell | Kind::Inline => {}
        }
    }

    /// A block starts or ends: the open heading (if any) ends, so does the candidate for a
    /// bold-only heading, and a new line starts. `keep_bullet`: a paragraph opening inside a
    /// list item stays on the item's line.
    fn boundary(&mut self, keep_bullet: bool) {
        if let Some(start) = self.heading_start.take() {
            let text = self.text[start..].trim();
            if !text.is_empty() {
                let text = text.to_string();
                self.headings.push(Heading { text, start });
            }
        }
        self.candidate = None;
        self.newline(keep_bullet);
    }

    /// Ends the current line, unless it is empty; an item's bullet with nothing after it is
    /// removed, or kept with `keep_bullet`.
    fn newline(&mut self, keep_bullet: bool) {
        self.space = None;
        if let Some(at) = self.bullet_at
            && self.text.len() == at + BULLET.len()
        {
            if keep_bullet {
                return;
            }
            self.text.truncate(at);
            self.bullet_at = None;
        }
        if !self.line_empty() {
            self.text.push('\n');
        }
    }

    fn line_empty(&self) -> bool {
        self.text.is_empty()
            || self.text.ends_with('\n')
            || self
                .bullet_at
                .is_some_and(|at| self.text.len() == at + BULLET.len())
    }

    /// Appends `piece`, which came from source `src..src+src_len` (byte for byte when the
    /// lengths are equal), collapsing whitespace.
    fn piece(&mut self, piece: &str, src: usize, src_len: usize) {
        let linear = piece.len() == src_len;
        if !linear {
            if piece.chars().all(is_space) {
                self.whitespace(src..src + src_len, piece.contains('\n'));
            } else {
                self.word();
                self.map.lump(self.text.len(), piece.len(), src, src_len);
                self.text.push_str(piece);
            }
            return;
        }
        let b = piece.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let mut end = i;
            while end < b.len() && space_len(b, end) == 0 {
                end += 1;
            }
            if end > i {
                self.word();
                self.map.linear(self.text.len(), src + i, end - i);
                self.text.push_str(&piece[i..end]);
            }
            let (word_end, mut has_newline) = (end, false);
            while end < b.len() {
                let len = space_len(b, end);
                if len == 0 {
                    break;
                }
                has_newline |= b[end] == b'\n';
                end += len;
            }
            if end > word_end {
                self.whitespace(src + word_end..src + end, has_newline);
            }
            i = end;
        }
    }

    /// A run of whitespace read from `src`.
    fn whitespace(&mut self, src: Range<usize>, has_newline: bool) {
        if self.in_pre > 0 && has_newline {
            self.newline(true);
            return;
        }
        self.space = match self.space.take() {
            Some(Some(r)) => Some(Some(r.start..src.end)),
            _ => Some(Some(src)),
        };
    }

    /// A word is about to be appended: the whitespace before it becomes one space, and the
    /// candidate for a bold-only heading learns there is text outside the bold element.
    fn word(&mut self) {
        if let Some(space) = self.space.take()
            && !self.text.is_empty()
            && !self.text.ends_with([' ', '\n', '\t'])
        {
            if let Some(r) = space {
                self.map.lump(self.text.len(), 1, r.start, r.len());
            }
            self.text.push(' ');
        }
        self.bullet_at = None;
        if let Some(c) = &mut self.candidate
            && !matches!(c.bold, Bold::In(_))
        {
            c.bold = Bold::No;
        }
    }

    /// Maps `decoded`, which the tokenizer read from `source` (at `base`), piece by piece:
    /// literal runs byte for byte, character references and line-ending pairs as lumps.
    fn align(&mut self, decoded: &str, source: &str, base: usize) {
        let (d, s) = (decoded.as_bytes(), source.as_bytes());
        let (mut i, mut p) = (0, 0);
        while i < d.len() {
            if p >= s.len() {
                self.piece(&decoded[i..], base + s.len(), 0);
                return;
            }
            let mut run = 0;
            while i + run < d.len()
                && p + run < s.len()
                && d[i + run] == s[p + run]
                && !matches!(s[p + run], b'&' | b'\r')
            {
                run += 1;
            }
            while !decoded.is_char_boundary(i + run) {
                run -= 1;
            }
            if run > 0 {
                self.piece(&decoded[i..i + run], base + p, run);
                i += run;
                p += run;
                continue;
            }
            let (di, sp) = (&decoded[i..], &source[p..]);
            let (e, k) = if s[p] == b'\r' && d[i] == b'\n' {
                (1, if sp.starts_with("\r\n") { 2 } else { 1 })
            } else if s[p] == b'&' {
                if d[i] == b'&' && same_after(&di[1..], &sp[1..]) {
                    (1, 1)
                } else if let Some(ek) = reference(di, sp) {
                    ek
                } else {
                    one_char(di, sp)
                }
            } else if sp.starts_with("</>") {
                // An end tag without a name: the tokenizer drops it.
                p += 3;
                continue;
            } else {
                one_char(di, sp)
            };
            self.piece(&di[..e], base + p, k);
            i += e;
            p += k;
        }
    }

    fn finish(mut self) -> Document<'s> {
        self.flush(self.src.len());
        self.boundary(false);
        while self.text.ends_with('\n') {
            self.text.pop();
        }
        Document {
            text: Cow::Owned(self.text),
            format: Format::Html,
            headings: self.headings,
            map: self.map.finish(),
            repairs: Vec::new(),
        }
    }
}

/// A bold-only block reads as a heading when it is short and not a sentence.
fn is_short_heading(text: &str) -> bool {
    text.len() <= 80 && crate::words::spaced_count(text, 11) <= 10 && !text.ends_with(['.', '!', '?', ','])
}

/// One character of `d` against one of `s` (the two disagree: a replaced NUL, or text the
/// alignment cannot explain).
fn one_char(d: &str, s: &str) -> (usize, usize) {
    let len = |t: &str| t.chars().next().map_or(0, char::len_utf8);
    (len(d), len(s))
}

/// Whether the decoded text `d` goes on as the source `s` does, as far as the source reads
/// literally (up to the next reference or line ending, at most [`ALIGN_WINDOW`] bytes).
fn same_after(d: &str, s: &str) -> bool {
    let stop = s.bytes().take(ALIGN_WINDOW).position(|b| b == b'&' || b == b'\r');
    match stop {
        Some(n) => d.as_bytes().starts_with(&s.as_bytes()[..n]),
        None if s.len() <= ALIGN_WINDOW => d == s,
        None => d.as_bytes().starts_with(&s.as_bytes()[..ALIGN_WINDOW]),
    }
}

/// The character reference `s` starts with, given the text `d` the tokenizer decoded from
/// there: (decoded length, source length). Numeric references are `&#` digits or `&#x` hex
/// digits with an optional `;`; named ones are a name with `;` or, for the legacy names, a
/// prefix of at most 6 characters without it.
fn reference(d: &str, s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut lens: Vec<usize> = Vec::with_capacity(8);
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let digits = b[digits_at.min(b.len())..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_at + digits;
        lens.push(if b.get(end) == Some(&b';') { end + 1 } else { end });
    } else {
        let name = b[1..]
            .iter()
            .take(40)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name == 0 {
            return None;
        }
        if b.get(1 + name) == Some(&b';') {
            lens.push(name + 2);
        }
        lens.extend((2..=name.min(6) + 1).rev());
    }
    for k in lens {
        for e in d.char_indices().map(|(i, c)| i + c.len_utf8()).take(2) {
            if same_after(&d[e..], &s[k..]) {
                return Some((e, k));
            }
        }
    }
    None
}

pub(super) fn read(src: &str) -> Document<'_> {
    let mut out = Projection::new(src);
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| {
        out.event(event, span);
        None::<Infallible>
    });
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(src, Quiet(emitter)).finish();
    out.finish()
}

/// An emitter that tells the tokenizer not to look for parse errors: the projection ignores
/// them, and checking every byte for them was a fifth of the tokenizer's work.
struct Quiet<E>(E);

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source bytes the normalised `needle` (its first occurrence) maps back to.
    fn source_of<'a>(doc: &Document<'_>, src: &'a str, needle: &str) -> &'a str {
        let n = doc
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", doc.text));
        &src[doc.map.start(n)..doc.map.end(n + needle.len())]
    }

    /// Every word of the normalised text maps back to the same bytes, or to source holding the
    /// character reference it was decoded from.
    fn assert_words_map_back(src: &str) {
        let doc = read(src);
        let text: &str = &doc.text;
        let mut at = 0;
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                let mapped = &src[doc.map.start(at)..doc.map.end(at + word.len())];
                assert!(
                    mapped == word || mapped.contains('&'),
                    "{word:?} maps to {mapped:?}"
                );
            }
            at += word.len() + text[at + word.len()..].chars().next().map_or(0, char::len_utf8);
        }
    }

    const POSTING: &str = "<h2>About the role</h2>\n<p>We build   the\n  <em>payments</em> platform.</p>\n\
        <p><strong>Requirements</strong></p>\n<ul>\n  <li><b>Kubernetes</b></li>\n  \
        <li>Go &amp; Rust&nbsp;&#8211; 5+ years</li>\n  <li></li>\n</ul>\n\
        <table><tr><th>Stack</th><td>PostgreSQL</td><td>Redis</td></tr></table>";

    #[test]
    fn normalised_text_of_a_posting() {
        let doc = read(POSTING);
        assert_eq!(doc.format, Format::Html);
        assert_eq!(
            doc.text,
            "About the role\nWe build the payments platform.\nRequirements\n• Kubernetes\n\
             • Go & Rust – 5+ years\nStack\tPostgreSQL\tRedis"
        );
    }

    #[test]
    fn words_map_back_to_their_source_bytes() {
        let doc = read(POSTING);
        assert_eq!(source_of(&doc, POSTING, "Kubernetes"), "Kubernetes");
        let k = POSTING.find("<li><b>Kubernetes").unwrap() + "<li><b>".len();
        let n = doc.text.find("Kubernetes").unwrap();
        assert_eq!((doc.map.start(n), doc.map.end(n + 10)), (k, k + 10));
        assert_eq!(source_of(&doc, POSTING, "&"), "&amp;");
        assert_eq!(source_of(&doc, POSTING, "–"), "&#8211;");
        assert_eq!(source_of(&doc, POSTING, "Go & Rust"), "Go &amp; Rust");
        assert_eq!(source_of(&doc, POSTING, "the payments"), "the\n  <em>payments");
        assert_eq!(source_of(&doc, POSTING, "PostgreSQL"), "PostgreSQL");
        assert_words_map_back(POSTING);
    }

    #[test]
    fn headings_from_h_tags_and_bold_only_blocks() {
        let src = "<h2>About the role</h2><p>Text <b>bold</b> text.</p><p><strong>Requirements</strong></p>\
                   <ul><li><b>Kubernetes</b></li><li><b>Go</b> and Rust</li></ul>\
                   <div><span><strong>Nice to have</strong></span></div>\
                   <p><b>We are an equal opportunity employer and we value diversity a lot.</b></p>";
        let doc = read(src);
        let headings: Vec<(&str, &str)> = doc
            .headings
            .iter()
            .map(|h| (h.text.as_str(), &doc.text[h.start..h.start + h.text.len()]))
            .collect();
        assert_eq!(
            headings,
            [
                ("About the role", "About the role"),
                ("Requirements", "Requirements"),
                ("Kubernetes", "Kubernetes"),
                ("Nice to have", "Nice to have"),
            ]
        );
        let h2 = &doc.headings[0];
        assert_eq!(h2.start, 0);
        assert!(doc.text[..doc.headings[1].start].ends_with('\n'));
    }

    #[test]
    fn scripts_styles_and_page_chrome_are_left_out() {
        let src = "<!DOCTYPE html><html><head><meta charset=utf-8><title>Backend Engineer at Acme</title>\
                   <style>body { font: Java; }</style><script>var python = 1 < 2;</script></head>\
                   <body><nav><ul><li>Jobs</li><li>Docker</li></ul></nav>\
                   <script type=\"application/ld+json\">{\"skills\": \"Scala\"}</script>\
                   <noscript>Enable JavaScript</noscript><template><p>Ruby</p></template>\
                   <h1>Backend Engineer</h1><p>We use Elixir.<button>Apply with Perl</button></p>\
                   <svg viewBox=\"0 0 1 1\"><title>Swift logo</title><path d=\"M0\"/></svg>\
                   <form><select><option>PHP</option></select><input value=Kotlin></form>\
                   <footer>© Acme · Lua</footer></body></html>";
        let doc = read(src);
        assert_eq!(
            doc.text,
            "Backend Engineer at Acme\nBackend Engineer\nWe use Elixir."
        );
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(source_of(&doc, src, "Elixir"), "Elixir");
        assert_eq!(source_of(&doc, src, "at Acme"), "at Acme");
    }

    #[test]
    fn cookie_banners_and_aria_chrome_are_left_out() {
        for (src, want) in [
            (
                "<div id=\"cookie-banner\">We use cookies (Google Analytics, Hotjar). <a>Accept</a></div><p>Go</p>",
                "Go",
            ),
            (
                "<section class=\"ot-sdk onetrust-consent-sdk\"><p>Hotjar</p></section><p>Go</p>",
                "Go",
            ),
            (
                "<div class=\"cc-window\"><div><p>Segment</p></div></div><p>Go</p>",
                "Go",
            ),
            ("<DIV CLASS=\"GDPR-notice\">Matomo</DIV><p>Go</p>", "Go"),
            (
                "<div role=\"navigation\"><ul><li>Docker</li></ul></div><p>Go</p>",
                "Go",
            ),
            ("<div role=\"contentinfo\">© Acme · Lua</div><p>Go</p>", "Go"),
            // A void element with such a class holds nothing and ends nothing.
            ("<img class=\"cookie-icon\"><p>Go</p><p>Rust</p>", "Go\nRust"),
            ("<p>Go<span class=\"cookie\"/></p><p>Rust</p>", "Go\nRust"),
            // Other names, other attributes, and the words in the text itself stay.
            (
                "<div id=\"job-description\"><p>Cookie-cutter solutions won't do: Go</p></div>",
                "Cookie-cutter solutions won't do: Go",
            ),
            (
                "<div data-track=\"cookie\" title=\"consent\"><p>Go</p></div>",
                "Go",
            ),
            ("<div role=\"main\"><p>Go</p></div>", "Go"),
            (
                "<div class=\"consent\"><div>Hotjar</div></div><div>Go</div>",
                "Go",
            ),
        ] {
            assert_eq!(read(src).text, want, "{src}");
        }
    }

    #[test]
    fn broken_html_reads_without_panics() {
        let inputs = [
            "<p>unclosed <b>bold <li>item one<li>item two",
            "a < b and 1<2 </ x> c </> d <p",
            "<div class=\"x>never closed",
            "text &amp &copy2024 AT&T &notit; &#x1F600 &#; &#xZZ; &",
            "<h2>Heading<p>body</h2></p></div></ul>",
            "<ul><li>a</ul>after",
            "<table><td>1<td>2<tr><td>3",
            "<script>never closed",
            "<!-- comment never closed",
            "<p>CRLF\r\nline\rbreak</p>\0<title>\0x</title>",
            "\u{feff}<P CLASS=x>Ünïcödé &eacute;t&eacute; — façade</P>",
            "<pre>fn main() {\n    go();\n}</pre>",
            "&amp;amp; &&amp; &lt;&gt;&quot;&fjlig;",
            "",
            "<",
            "&",
        ];
        for src in inputs {
            let doc = read(src);
            for n in 0..=doc.text.len() {
                let (s, e) = (doc.map.start(n), doc.map.end(n));
                assert!(s <= src.len() && e <= src.len(), "{src:?} at {n}");
            }
            assert_words_map_back(src);
        }
        let doc = read("<p>unclosed <b>bold <li>item one<li>item two");
        assert_eq!(doc.text, "unclosed bold\n• item one\n• item two");
        let doc = read("text &amp &copy2024 AT&T &notit; &#x1F600 &");
        assert_eq!(doc.text, "text & ©2024 AT&T ¬it; 😀 &");
        assert_eq!(
            source_of(&doc, "text &amp &copy2024 AT&T &notit; &#x1F600 &", "©2024"),
            "&copy2024"
        );
        let doc = read("<table><td>1<td>2<tr><td>3");
        assert_eq!(doc.text, "1\t2\n3");
        let src = "<p>CRLF\r\nline\rbreak</p>";
        assert_eq!(read(src).text, "CRLF line break");
        let doc = read("&amp;amp; &lt;b&gt;");
        assert_eq!(doc.text, "&amp; <b>");
        assert_eq!(source_of(&doc, "&amp;amp; &lt;b&gt;", "&amp;"), "&amp;amp;");
        let doc = read("<pre>fn main() {\n    go();\n}</pre>");
        assert_eq!(doc.text, "fn main() {\ngo();\n}");
    }

    #[test]
    fn a_five_megabyte_attribute_is_skipped_whole() {
        let value = "x&amp;".repeat(5 * 1024 * 1024 / 6);
        let src =
            format!("<p>Go</p><div data-blob=\"{value}\" class=a>Kubernetes &amp; Helm</div><p>Rust</p>");
        // How long it takes is measured in benches/pathological.rs, never asserted here.
        let doc = read(&src);
        assert_eq!(doc.text, "Go\nKubernetes & Helm\nRust");
        assert_eq!(source_of(&doc, &src, "Helm"), "Helm");
        assert_eq!(source_of(&doc, &src, "Rust"), "Rust");
        let n = doc.text.find("Rust").unwrap();
        assert_eq!(doc.map.start(n), src.rfind("Rust").unwrap());
    }

    #[test]
    fn the_byte_reading_of_spaces_is_is_space() {
        let text = "a b\tc\nd\re\u{c}f\u{a0}g\u{feff}h\u{2003}i\u{c2}\u{85}j\u{eb}\u{fe0f}k é";
        let b = text.as_bytes();
        for (i, c) in text.char_indices() {
            let expected = if is_space(c) { c.len_utf8() } else { 0 };
            assert_eq!(space_len(b, i), expected, "{c:?}");
        }
    }

    #[test]
    fn many_small_pieces_are_all_read() {
        let src = "<li>a &amp; b&nbsp;<b>c</b> &#8211; d</li>\n".repeat(50_000);
        // How long it takes is measured in benches/pathological.rs, never asserted here.
        let doc = read(&src);
        assert_eq!(doc.text.lines().count(), 50_000);
        let long_text = format!("<p>{}</p>", "&aaaaaa".repeat(200_000));
        let doc = read(&long_text);
        assert_eq!(doc.text.len(), long_text.len() - 7);
    }
}
