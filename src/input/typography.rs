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
