//! Mojibake: UTF-8 text that was once read as Windows-1252 and written out again as UTF-8, as
//! scraped postings often are ("Youâ€™ll work with Pythonâ€™s stack", "5+Â years", "Â£50k").
//! Each mis-read character becomes two to four Latin-1 letters and symbols glued onto the words
//! around it, so "Pythonâ€™s" holds no word "Python" and "5+Â years" no number of years. The
//! repair reads each such run back as the one character it was, with a map to the original
//! offsets, so spans still index the caller's text.
//!
//! A run is repaired only when its characters, mapped back to Windows-1252 bytes, are one whole
//! UTF-8 sequence: a lead byte (U+00C2–U+00F4 read as Latin-1) and exactly the continuation
//! bytes it announces. Real words in Latin scripts do not have that shape ("café", "São",
//! "Ñandú", "Müller" are untouched), so the repair needs no guess about the document's language.

use super::offsets::{OffsetMap, Piece, rewrite};

/// The Windows-1252 byte that `c` reads as, when that byte is a UTF-8 continuation byte
/// (0x80–0xBF). Windows-1252 puts typographic symbols at 0x80–0x9F; the five bytes it leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) pass through as the C1 controls U+0081 … U+009D.
fn continuation(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{BF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// How many continuation bytes the UTF-8 lead byte that `c` reads as announces; `None` when
/// `c` is no lead byte of a sequence beyond ASCII (U+00C2–U+00F4).
fn lead(c: char) -> Option<usize> {
    match c {
        '\u{C2}'..='\u{DF}' => Some(1),
        '\u{E0}'..='\u{EF}' => Some(2),
        '\u{F0}'..='\u{F4}' => Some(3),
        _ => None,
    }
}

/// "â€" is the mis-read start of the general punctuation block (U+2000–U+203F: dashes, quotes,
/// bullets, the ellipsis); its third byte is lost when it was 0x9D, which Windows-1252 leaves
/// undefined. Of that block's characters ending in 0x9D, the right double quote is the one text
/// uses.
const CUT_PUNCTUATION: (&str, char) = ("â€", '”');

/// "Â" before a plain space: a no-break space (0xC2 0xA0) mis-read, whose second byte a later
/// step turned into a space.
const CUT_NO_BREAK: &str = "Â ";

/// The mis-read run starting at `text[i..]` (whose first character is a lead), as the character
/// it was and the run's length in bytes.
fn run_at(text: &str, i: usize) -> Option<(char, usize)> {
    let mut chars = text[i..].chars();
    let first = chars.next()?;
    let needs = lead(first)?;
    let mut bytes = [first as u32 as u8, 0, 0, 0];
    let mut len = first.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(needs) {
        match chars.next().and_then(|c| continuation(c).map(|b| (c, b))) {
            Some((c, b)) => {
                *slot = b;
                len += c.len_utf8();
            }
            None if text[i..].starts_with(CUT_PUNCTUATION.0) => {
                return Some((CUT_PUNCTUATION.1, CUT_PUNCTUATION.0.len()));
            }
            None if text[i..].starts_with(CUT_NO_BREAK) => return Some((' ', CUT_NO_BREAK.len())),
            None => return None,
        }
    }
    let c = std::str::from_utf8(&bytes[..=needs]).ok()?.chars().next()?;
    (needs > 1 || plausible_two_byte(c)).then_some((c, len))
}

/// Whether a character of two UTF-8 bytes is one that text mis-read this way holds: Latin-1
/// and Latin Extended-A letters and symbols ("é", "£", "ł"), Greek, Cyrillic, and Hebrew and
/// Arabic letters. The blocks left out (IPA, modifier letters, combining marks …) are what an
/// upper-case accented letter before a quote or a dash would read as ("CAFÉ’S", "«CAFÉ»"),
/// never what a posting meant.
fn plausible_two_byte(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{17F}' | '\u{370}'..='\u{52F}' | '\u{5D0}'..='\u{5EA}' | '\u{600}'..='\u{6FF}')
}

/// `text` with every mis-read run read as the character it was, the map back to `text`'s
/// offsets, and how many runs were repaired; `None` when there is none. (Text twice mis-read,
/// "Ã¢â‚¬â„¢", takes two passes: the input stage runs this twice.)
pub(crate) fn repair(text: &str) -> Option<(String, OffsetMap, usize)> {
    let bytes = text.as_bytes();
    // Every lead character (U+00C2–U+00F4) is 0xC3 0x82–0xB4 in UTF-8.
    rewrite(text, |from| {
        memchr::memchr_iter(0xC3, &bytes[from..])
            .map(|i| from + i)
            .filter(|&at| matches!(bytes.get(at + 1), Some(0x82..=0xB4)))
            .find_map(|at| run_at(text, at).map(|(c, len)| (at, len, Piece::Char(c))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: the text as scraped, the text as meant (`None`: left as it is).
    const ROWS: &[(&str, Option<&str>)] = &[
        (
            "Youâ€™ll work with Pythonâ€™s stack",
            Some("You’ll work with Python’s stack"),
        ),
        ("5+Â\u{a0}years of Java", Some("5+\u{a0}years of Java")),
        ("5+Â years of Java", Some("5+ years of Java")),
        ("Salary: Â£50k", Some("Salary: £50k")),
        ("â€¢ Kubernetesâ€”Docker", Some("• Kubernetes—Docker")),
        ("JavaScriptâ€¦ and React", Some("JavaScript… and React")),
        ("â€œRemoteâ€\u{9d} role", Some("“Remote” role")),
        ("â€œRemoteâ€ role", Some("“Remote” role")),
        ("CafÃ© and rÃ©sumÃ©", Some("Café and résumé")),
        ("Ã¢â‚¬â„¢", Some("’")),
        ("ZÃ¼rich, 25Â°C", Some("Zürich, 25°C")),
        ("Emoji ðŸš€ launch", Some("Emoji 🚀 launch")),
        // Real words in Latin scripts are left alone.
        ("Café, São Paulo, Ñandú, Müller, naïve, Åre", None),
        ("Über uns: Straße 5, Größe", None),
        ("CAFÉ’S MENU and «CAFÉ»", None),
        ("ÐœÐ¾Ñ\u{81}ÐºÐ²Ð°", Some("Москва")),
        ("ï»¿Senior Engineer", Some("\u{feff}Senior Engineer")),
        ("é» is not a sequence, nor is Ã alone", None),
        ("plain ASCII text", None),
        ("", None),
    ];

    /// Both passes, as the input stage runs them.
    fn twice(text: &str) -> Option<String> {
        let once = repair(text).map(|(t, _, _)| t)?;
        Some(repair(&once).map_or(once, |(t, _, _)| t))
    }

    #[test]
    fn repairs_runs_and_leaves_real_text() {
        for (scraped, meant) in ROWS {
            let got = twice(scraped);
            assert_eq!(got.as_deref(), *meant, "{scraped:?}");
        }
    }

    #[test]
    fn offsets_lead_back_to_the_scraped_text() {
        let scraped = "Youâ€™ll use Pythonâ€™s stack and Go";
        let (text, map, n) = repair(scraped).unwrap();
        assert_eq!(n, 2);
        for word in ["Python", "stack", "Go", "You"] {
            let at = text.find(word).unwrap();
            let (s, e) = (map.start(at), map.end(at + word.len()));
            assert_eq!(&scraped[s..e], word);
        }
        let quote = text.find('’').unwrap();
        let (s, e) = (map.start(quote), map.end(quote + '’'.len_utf8()));
        assert_eq!(&scraped[s..e], "â€™");
    }
}
