//! Text that still wears the escapes of a format it passed through, as scraped postings often
//! do: a JSON string escaped twice, so its line breaks are the two characters `\n`
//! ("Requirements:\n- 5+ years of Python\n- SQL" on one line); bytes printed as a Python bytes
//! literal (`\xe2\x80\xa2` for a bullet, as a résumé dataset holds them); or HTML escaped as
//! text, so its tags are `&lt;li&gt;` and read as words. Both hide the document's structure (lines, headings,
//! list items) and glue words to the escapes around them. Each is undone here with a map back
//! to the original offsets, so spans still index the caller's text.

use super::offsets::{OffsetMap, Piece, rewrite};

/// How many escaped line breaks make a text escaped: one `\n` may be a path or a regex in a
/// posting; two or more, with fewer real line breaks, are a lost JSON layer.
const MIN_ESCAPED_BREAKS: usize = 2;

/// The text with its JSON escapes read (`\n`, `\r`, `\t`, `\"`, `\\`, `\/`, `\uXXXX` with
/// surrogate pairs), the map back, and how many were read; `None` unless the text holds at
/// least [`MIN_ESCAPED_BREAKS`] escaped line breaks and fewer real ones. An escape that does not
/// read (`\q`, `\u12`) is kept as written.
pub(crate) fn unescape_json(text: &str) -> Option<(String, OffsetMap, usize)> {
    let escaped = memchr::memmem::find_iter(text.as_bytes(), b"\\n").count();
    if escaped < MIN_ESCAPED_BREAKS || memchr::memchr_iter(b'\n', text.as_bytes()).count() >= escaped {
        return None;
    }
    rewrite(text, |from| {
        memchr::memchr_iter(b'\\', &text.as_bytes()[from..])
            .map(|i| from + i)
            .find_map(|at| json_escape(&text[at..]).map(|(c, len)| (at, len, Piece::Char(c))))
    })
}

/// The escape at the start of `s` (which starts with a backslash): the character and the
/// escape's length.
pub(super) fn json_escape(s: &str) -> Option<(char, usize)> {
    let c = match *s.as_bytes().get(1)? {
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'u' => {
            let hi = hex4(s.get(2..6)?)?;
            if (0xD800..0xDC00).contains(&hi) {
                let lo = s
                    .get(6..8)
                    .filter(|p| *p == "\\u")
                    .and_then(|_| hex4(s.get(8..12)?))?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return None;
                }
                let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?;
                return Some((c, 12));
            }
            return char::from_u32(hi).map(|c| (c, 6));
        }
        _ => return None,
    };
    Some((c, 2))
}

fn hex4(s: &str) -> Option<u32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// The text with its runs of byte escapes (`\xe2\x80\xa2`, as a Python bytes literal prints
/// them) read as the characters they spell, the map back, and how many characters were read;
/// `None` when there is none. Only runs that spell whole UTF-8 characters beyond ASCII are read:
/// `\x41` or a cut `\xe2\x80` is no text's way of writing a character and stays as written.
pub(crate) fn unescape_bytes(text: &str) -> Option<(String, OffsetMap, usize)> {
    let bytes = text.as_bytes();
    rewrite(text, |from| {
        memchr::memmem::find_iter(&bytes[from..], b"\\x")
            .map(|i| from + i)
            .find_map(|at| first_spelled(&bytes[at..]).map(|c| (at, 4 * c.len_utf8(), Piece::Char(c))))
    })
}

/// The first character beyond ASCII that the run of byte escapes at the start of `b` spells.
fn first_spelled(b: &[u8]) -> Option<char> {
    let mut run = [0u8; 4];
    let mut n = 0;
    while n < run.len()
        && let Some(byte) = byte_escape(&b[4 * n..])
    {
        run[n] = byte;
        n += 1;
    }
    let valid = match std::str::from_utf8(&run[..n]) {
        Ok(s) => s.len(),
        Err(e) => e.valid_up_to(),
    };
    let c = std::str::from_utf8(&run[..valid]).ok()?.chars().next()?;
    (!c.is_ascii()).then_some(c)
}

/// The byte that the escape `\xHH` at the start of `b` spells.
fn byte_escape(b: &[u8]) -> Option<u8> {
    let hex = b.strip_prefix(b"\\x")?.get(..2)?;
    let digit = |h: u8| (h as char).to_digit(16);
    Some((digit(hex[0])? * 16 + digit(hex[1])?) as u8)
}

/// The escapes that HTML escaped as text wears, and what each stands for. Other entities
/// (`&amp;nbsp;` read as `&nbsp;`) are then read by the HTML reader.
const MARKUP_ESCAPES: [(&str, char); 5] = [
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&amp;", '&'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

/// The text with its markup escapes read, the map back, and how many were read; `None` unless
/// the text holds escaped block tags (`&lt;p&gt;`, `&lt;li&gt;` …) by [`super::html_tags`]'s
/// measure, and fewer real ones.
pub(crate) fn unescape_markup(text: &str) -> Option<(String, OffsetMap, usize)> {
    let sample = &text[..super::floor_char_boundary(text, super::DETECT_BYTES)];
    if super::escaped_html_tags(sample) < 2 || super::html_tags(sample) >= 2 {
        return None;
    }
    rewrite(text, |from| {
        memchr::memchr_iter(b'&', &text.as_bytes()[from..])
            .map(|i| from + i)
            .find_map(|at| {
                let rest = &text[at..];
                let (escape, c) = MARKUP_ESCAPES.iter().find(|(e, _)| rest.starts_with(e))?;
                Some((at, escape.len(), Piece::Char(*c)))
            })
    })
}

/// The text with one layer of `&amp;` read as `&`, the map back, and how many were read;
/// `None` unless the text holds markup escaped twice (`&amp;lt;p&amp;gt;`, as feeds that escape
/// an already escaped description give it) by [`super::html_tags`]'s measure, and fewer real
/// or once-escaped tags. [`unescape_markup`] then reads the layer left.
pub(crate) fn unescape_markup_twice(text: &str) -> Option<(String, OffsetMap, usize)> {
    let sample = &text[..super::floor_char_boundary(text, super::DETECT_BYTES)];
    if super::twice_escaped_html_tags(sample) < 2
        || super::escaped_html_tags(sample) >= 2
        || super::html_tags(sample) >= 2
    {
        return None;
    }
    const AMP: &str = "&amp;";
    rewrite(text, |from| {
        memchr::memmem::find(&text.as_bytes()[from..], AMP.as_bytes())
            .map(|i| (from + i, AMP.len(), Piece::Char('&')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_read_only_when_line_breaks_are_escaped() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                r"Requirements:\n- Python\n- SQL",
                Some("Requirements:\n- Python\n- SQL"),
            ),
            (
                r#"Title\r\n\r\nWe \"love\" C\\C++ at caf\u00e9 \ud83d\ude80\tok"#,
                Some("Title\r\n\r\nWe \"love\" C\\C++ at café 🚀\tok"),
            ),
            (r"a\nb\nc \q \u12 \ud83d", Some("a\nb\nc \\q \\u12 \\ud83d")),
            // One escaped break, or more real line breaks than escaped ones: left alone.
            (r"Use \n in regexes with Python", None),
            ("Line one\nLine two\nthree \\n and \\n four", None),
            ("plain text", None),
        ];
        for (escaped, meant) in rows {
            let got = unescape_json(escaped).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{escaped:?}");
        }
    }

    #[test]
    fn byte_escapes_read_when_they_spell_characters() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                r"\xe2\x80\xa2Python \xe2\x80\x9cGo\xe2\x80\x9d",
                Some("•Python “Go”"),
            ),
            (
                r"PERSONAL\xc3\x82\xc2\xa0SKILLS",
                Some("PERSONAL\u{c2}\u{a0}SKILLS"),
            ),
            (r"\xef\x82\xa7 SQL and caf\xc3\xa9", Some("\u{f0a7} SQL and café")),
            (r"cut \xe2\x80 then \xe2\x80\xa6", Some(r"cut \xe2\x80 then …")),
            // ASCII spelled as escapes, a lone lead byte, or no escape: left alone.
            (r"match \x41 and \x0a in a regex", None),
            (r"\xe2 alone, \xzz", None),
            ("plain text", None),
        ];
        for (escaped, meant) in rows {
            let got = unescape_bytes(escaped).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{escaped:?}");
        }
        let src = r"Skills \xe2\x80\xa2Python";
        let (text, map, n) = unescape_bytes(src).unwrap();
        assert_eq!(n, 1);
        let at = text.find("Python").unwrap();
        assert_eq!(&src[map.start(at)..map.end(at + 6)], "Python");
        let at = text.find('•').unwrap();
        assert_eq!(&src[map.start(at)..map.end(at + '•'.len_utf8())], r"\xe2\x80\xa2");
    }

    #[test]
    fn markup_escapes_read_only_in_escaped_html() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "&lt;p&gt;Go &amp;amp; Rust&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;",
                Some("<p>Go &amp; Rust</p><ul><li>SQL</li></ul>"),
            ),
            ("&LT;P&GT;Java&LT;BR&GT;Go", None),
            // A text that names a tag once, or real HTML with an escaped example, is left alone.
            ("Write &lt;div&gt; layouts with React & CSS", None),
            (
                "<p>Use &lt;p&gt; and &lt;li&gt; tags</p><ul><li>HTML</li></ul>",
                None,
            ),
        ];
        for (escaped, meant) in rows {
            let got = unescape_markup(escaped).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{escaped:?}");
        }
    }

    #[test]
    fn markup_escaped_twice_loses_one_layer() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "&amp;lt;p&amp;gt;Go &amp;amp;amp; Rust&amp;lt;/p&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;SQL&amp;lt;/li&amp;gt;",
                Some("&lt;p&gt;Go &amp;amp; Rust&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;"),
            ),
            // Escaped once, escaped twice only in an example, or one tag named: left alone.
            (
                "&lt;p&gt;Write &amp;lt;p&amp;gt; and &amp;lt;li&amp;gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x&lt;/li&gt;",
                None,
            ),
            ("Escape &amp;lt;div&amp;gt; in R&amp;D docs", None),
            ("Go &amp; Rust", None),
        ];
        for (escaped, meant) in rows {
            let got = unescape_markup_twice(escaped).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{escaped:?}");
        }
    }

    #[test]
    fn offsets_lead_back_to_the_escaped_text() {
        let src = r"Skills:\n- Python \u0026 Go\n- SQL";
        let (text, map, _) = unescape_json(src).unwrap();
        for word in ["Python", "Go", "SQL", "&"] {
            let at = text.find(word).unwrap();
            let got = &src[map.start(at)..map.end(at + word.len())];
            assert_eq!(got, if word == "&" { r"\u0026" } else { word });
        }
    }
}
