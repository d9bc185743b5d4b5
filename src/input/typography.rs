//! Typesetting characters that text copied out of PDFs and word processors carries, which hide
//! the words around them: ligatures ("Airﬂow", "Conﬂuence", "Certiﬁed" from pdftotext), invisible
//! characters inside words ("Kuber\u{ad}netes" with a soft hyphen, "Python\u{200b}" with a zero
//! width space) and the private-use bullets of the Symbol and Wingdings fonts (U+F0B7 …) that a
//! Word résumé's lists become. Each is read as the plain letters, nothing, or a bullet, with a
//! map back to the original offsets.

use super::offsets::{OffsetMap, Piece, rewrite};

/// What a typesetting character reads as; `None` for any other character.
fn plain(c: char) -> Option<&'static str> {
    let s = match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        // Soft hyphen, zero width space, word joiner, a byte order mark inside the text.
        '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => "",
        // Symbol-font bullet, Wingdings square, arrowhead, diamond, check mark, filled
        // square, right arrow.
        '\u{f0b7}' | '\u{f0a7}' | '\u{f0d8}' | '\u{f076}' | '\u{f0fc}' | '\u{f06e}' | '\u{f0e8}' => "•",
        _ => return None,
    };
    Some(s)
}

/// `text` with its typesetting characters read plainly, the map back, and how many were read;
/// `None` when there is none.
pub(crate) fn repair(text: &str) -> Option<(String, OffsetMap, usize)> {
    // Each of `plain`'s characters starts with 0xC2 (the soft hyphen), 0xE2 (the zero width
    // space, the word joiner) or 0xEF (ligatures, private-use bullets, the byte order mark).
    rewrite(text, |from| {
        memchr::memchr3_iter(0xC2, 0xE2, 0xEF, &text.as_bytes()[from..])
            .map(|i| from + i)
            .find_map(|at| {
                let c = text.get(at..)?.chars().next()?;
                plain(c).map(|s| (at, c.len_utf8(), Piece::Str(s)))
            })
    })
}

/// Whether `c` is a pictograph that postings put in front of list items or headings: arrows,
/// technical and geometric symbols, dingbats ("✅", "➤", "★") and emoji ("🔹", "👉", "🚀").
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21ff}'
        | '\u{2300}'..='\u{23ff}'
        | '\u{25a0}'..='\u{27bf}'
        | '\u{2900}'..='\u{297f}'
        | '\u{2b00}'..='\u{2bff}'
        | '\u{1f000}'..='\u{1faff}')
}

/// The emoji variation selector that follows a pictograph shown as an emoji ("✔️").
const EMOJI_STYLE: char = '\u{fe0f}';

/// The pictograph that opens `line` (past spaces), as its offset in the line, the character and
/// its length with a variation selector after it; only when a space, a letter or a digit
/// follows (not "🚀🚀" or "→→"), and not one that is a bullet already ("▪", "●").
fn opening_pictograph(line: &str) -> Option<(usize, char, usize)> {
    let at = line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut chars = line[at..].chars();
    let c = chars
        .next()
        .filter(|&c| is_pictograph(c) && !crate::sections::BULLETS.contains(&c))?;
    let mut len = c.len_utf8();
    let mut next = chars.next();
    if next == Some(EMOJI_STYLE) {
        len += EMOJI_STYLE.len_utf8();
        next = chars.next();
    }
    next.filter(|n| n.is_whitespace() || n.is_alphanumeric())?;
    Some((at, c, len))
}

/// `text` with the pictographs that open its list items read as bullets ("✅ 4+ years with Go"
/// → "• 4+ years with Go"), the map back, and how many were read; `None` when there is none. A
/// pictograph opens an item when the line before or after (blank lines skipped) opens with the
/// same one: headings dressed with one each ("🚀 About us", "🎁 Benefits") stay as they are.
pub(crate) fn emoji_bullets(text: &str) -> Option<(String, OffsetMap, usize)> {
    let bytes = text.as_bytes();
    // Each line opened by a pictograph, from the bytes a pictograph starts with (0xE2 or 0xF0):
    // the pictograph's offset, the character and its length, and where its line ends.
    // The line start is looked for back to the previous candidate only: one line of thousands
    // of bullets ("• • • …") searched back to its start for each (quadratic).
    let (mut line_start, mut seen) = (0, 0);
    let opened: Vec<(usize, char, usize, usize)> = memchr::memchr2_iter(0xE2, 0xF0, bytes)
        .filter_map(|at| {
            if let Some(i) = memchr::memrchr(b'\n', &bytes[seen..at]) {
                line_start = seen + i + 1;
            }
            seen = at;
            if !bytes[line_start..at].iter().all(|&b| b == b' ' || b == b'\t') {
                return None;
            }
            let (_, c, len) = opening_pictograph(&text[at..])?;
            let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
            Some((at, c, len, line_end))
        })
        .collect();
    // Two lines open with the same pictograph with only blank lines between them.
    let neighbours = |a: &(usize, char, usize, usize), b: &(usize, char, usize, usize)| {
        a.1 == b.1 && text[a.3..b.0].trim().is_empty()
    };
    let items: Vec<(usize, usize)> = opened
        .iter()
        .enumerate()
        .filter(|&(i, o)| {
            i > 0 && neighbours(&opened[i - 1], o) || opened.get(i + 1).is_some_and(|n| neighbours(o, n))
        })
        .map(|(_, &(at, _, len, _))| (at, len))
        .collect();
    let mut items = items.into_iter();
    rewrite(text, |_| items.next().map(|(at, len)| (at, len, Piece::Str("•"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typesetting_reads_plainly() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Airﬂow, Conﬂuence, Certiﬁed, eﬀort, oﬃce",
                Some("Airflow, Confluence, Certified, effort, office"),
            ),
            (
                "Kuber\u{ad}netes and Python\u{200b} and Go\u{2060}lang",
                Some("Kubernetes and Python and Golang"),
            ),
            (
                "\u{f0b7} SQL\n\u{f0a7} Excel\n\u{f0d8} Git",
                Some("• SQL\n• Excel\n• Git"),
            ),
            ("plain text, “quotes” – dashes • bullets é", None),
            ("", None),
        ];
        for (typeset, meant) in rows {
            let got = repair(typeset).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{typeset:?}");
        }
    }

    #[test]
    fn pictographs_that_open_items_read_as_bullets() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Must have:\n✅ Go\n✅ SQL\n\nNice:\n🔹 Kafka\n\n🔹 Terraform\n",
                Some("Must have:\n• Go\n• SQL\n\nNice:\n• Kafka\n\n• Terraform\n"),
            ),
            (
                "  ☑\u{fe0f} Docker\n  ☑\u{fe0f}AWS\n👉 one\n",
                Some("  • Docker\n  •AWS\n👉 one\n"),
            ),
            // Headings dressed with one pictograph each, mid-line emoji, runs of emoji: kept.
            ("🚀 About us\nWe ❤️ Rust\n💻 Stack\n🎁 Benefits\n", None),
            ("🚀🚀 Hiring\n🚀🚀 Now\n", None),
            ("• Go\n• SQL", None),
            ("▪ Go\n▪ SQL", None),
        ];
        for (dressed, meant) in rows {
            let got = emoji_bullets(dressed).map(|(t, _, _)| t);
            assert_eq!(got.as_deref(), *meant, "{dressed:?}");
        }
        let src = "✅ Go\n✅ PostgreSQL";
        let (text, map, n) = emoji_bullets(src).unwrap();
        assert_eq!(n, 2);
        let at = text.find("PostgreSQL").unwrap();
        assert_eq!(&src[map.start(at)..map.end(at + 10)], "PostgreSQL");
        let at = text.rfind('•').unwrap();
        assert_eq!(&src[map.start(at)..map.end(at + 3)], "✅");
    }

    #[test]
    fn offsets_lead_back_to_the_typeset_text() {
        let src = "Use Airﬂow and Kuber\u{ad}netes, Python\u{200b}.";
        let (text, map, n) = repair(src).unwrap();
        assert_eq!(n, 3);
        for (word, typeset) in [
            ("Airflow", "Airﬂow"),
            ("Kubernetes", "Kuber\u{ad}netes"),
            ("Python", "Python"),
        ] {
            let at = text.find(word).unwrap();
            assert_eq!(&src[map.start(at)..map.end(at + word.len())], typeset);
        }
    }
}
