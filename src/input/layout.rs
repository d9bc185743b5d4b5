//! Text whose line breaks were flattened into runs of spaces, as résumé datasets and some
//! scrapers store it: "Education  DePaul University, Chicago, IL  Bachelor of Arts  June 2015
//! Technical Skills  …" on one line. Headings, dated positions and list items are all read line
//! by line, so such a text showed none of them. When runs of spaces stand where line breaks
//! should be, each becomes a line break again.

use super::offsets::{OffsetMap, Piece, rewrite};

/// A text shorter than this is one line or a few; it has no layout to restore.
const MIN_BYTES: usize = 300;

/// How many runs of spaces a flattened text holds at least.
const MIN_RUNS: usize = 8;

/// At most this many bytes per run of spaces, on average: a flattened text has one every line.
const MAX_BYTES_PER_RUN: usize = 400;

/// Real line breaks are at most this share of the runs: a text with lines of its own and
/// double spaces inside them (after full stops, in aligned columns) keeps its layout.
const MAX_BREAKS_PER_RUN: f64 = 0.25;

/// The text with each run of two or more spaces ending in a line break instead of its last
/// space, the map back (byte for byte: the lengths are equal), and how many runs there were;
/// `None` unless the text looks flattened (see the constants above).
pub(crate) fn restore_lines(text: &str) -> Option<(String, OffsetMap, usize)> {
    if text.len() < MIN_BYTES {
        return None;
    }
    let bytes = text.as_bytes();
    let runs: Vec<usize> = memchr::memmem::find_iter(bytes, b"  ")
        .filter(|&i| i == 0 || bytes[i - 1] != b' ')
        .map(|i| i + bytes[i..].iter().take_while(|&&b| b == b' ').count() - 1)
        .collect();
    let breaks = memchr::memchr_iter(b'\n', bytes).count();
    if runs.len() < MIN_RUNS
        || runs.len() * MAX_BYTES_PER_RUN < text.len()
        || breaks as f64 > runs.len() as f64 * MAX_BREAKS_PER_RUN
    {
        return None;
    }
    break_at(text, &runs)
}

/// `text` with the spaces at offsets `at` turned into line breaks, the map back (byte for
/// byte), and how many there were; `None` when there is none.
fn break_at(text: &str, at: &[usize]) -> Option<(String, OffsetMap, usize)> {
    if at.is_empty() {
        return None;
    }
    let mut out = text.as_bytes().to_vec();
    for &i in at {
        out[i] = b'\n';
    }
    let out = String::from_utf8(out).ok()?;
    Some((out, OffsetMap::identity(), at.len()))
}

/// A text with lines this long on average has lost its line breaks, not just its blank lines.
const MIN_BYTES_PER_LINE: usize = 300;

/// The text with line breaks put back around the headings glued into it (see
/// [`crate::sections::glued_heading_breaks`]), the map back (a line break put in maps to the
/// place it was put), and how many were put in; `None` unless the text is long, has lines of
/// [`MIN_BYTES_PER_LINE`] bytes or more on average, and holds such a heading.
pub(crate) fn restore_headings(text: &str) -> Option<(String, OffsetMap, usize)> {
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    if text.len() < MIN_BYTES || text.len() / lines < MIN_BYTES_PER_LINE {
        return None;
    }
    let mut breaks = crate::sections::glued_heading_breaks(text).into_iter();
    rewrite(text, |_| breaks.next().map(|at| (at, 0, Piece::Str("\n"))))
}

/// A line at least this long may hold a list run together ("Requirements: • 5+ years of
/// Python • Strong SQL • …"); a shorter one is a line of its own ("Python • SQL • AWS").
const MIN_LIST_LINE: usize = 200;

/// How many items of one bullet a run-together list holds at least.
const MIN_ITEMS: usize = 3;

/// Bullets that also separate words in prose ("Berlin - Lisbon", "Remote · Full-time", "X —
/// Y"): a line's run of them is a list only when one opens it right after a colon.
const PROSE_MARKS: &[char] = &['-', '*', '·', '–', '—'];

/// How many words a heading run into a list's item may have ("What you will bring").
const MAX_HEADING_WORDS: usize = 6;

/// The text with the list items of its long lines on lines of their own again, the map back
/// (byte for byte: the space before each item becomes a line break), and how many breaks
/// were put back; `None` unless some line of [`MIN_LIST_LINE`] bytes holds [`MIN_ITEMS`]
/// items or more of one bullet, each written between spaces (see [`PROSE_MARKS`] for the
/// bullets prose uses too). A heading phrase that ends the text before an item
/// ("…with product managers Requirements: • 5+ years") gets its own line as well, so the items
/// after it fall in its section.
pub(crate) fn restore_lists(text: &str) -> Option<(String, OffsetMap, usize)> {
    if text.len() < MIN_LIST_LINE {
        return None;
    }
    let mut breaks = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        if end - start >= MIN_LIST_LINE {
            list_breaks(&text[start..end], start, &mut breaks);
        }
        start = end + 1;
    }
    breaks.sort_unstable();
    breaks.dedup();
    break_at(text, &breaks)
}

/// Pushes to `breaks` (offsets in the text, `base` being the line's) the space before each item
/// of each bullet run together in `line`, and the space before a heading that ends the text
/// before an item.
fn list_breaks(line: &str, base: usize, breaks: &mut Vec<usize>) {
    // Each bullet written between spaces, with the space before it, in one pass.
    let mut items: Vec<(char, usize)> = SPACED_BULLETS
        .find_iter(line)
        .map(|m| (crate::sections::BULLETS[m.pattern().as_usize()], m.start()))
        .collect();
    items.sort_unstable();
    for run in items.chunk_by(|a, b| a.0 == b.0) {
        let mark = run[0].0;
        if run.len() < MIN_ITEMS
            || PROSE_MARKS.contains(&mark) && !run.iter().any(|&(_, i)| line[..i].ends_with(':'))
        {
            continue;
        }
        let mut from = 0;
        for &(_, at) in run {
            if let Some(h) = trailing_heading(&line[from..at]) {
                breaks.push(base + from + h);
            }
            breaks.push(base + at);
            from = at + 1;
        }
    }
}

/// Each of [`crate::sections::BULLETS`] between two spaces (" • "), pattern by pattern.
static SPACED_BULLETS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    let spaced = crate::sections::BULLETS.iter().map(|c| format!(" {c} "));
    aho_corasick::AhoCorasick::new(spaced).expect("a few short patterns build")
});

/// The offset of the space before a heading phrase that ends `segment` (after a colon or
/// nothing): written with a capital, a whole heading of `lexicons/sections/headings.toml`, the
/// longest such; without a colon, of two words or more (an item may end in "… Preferred").
fn trailing_heading(segment: &str) -> Option<usize> {
    let body = segment.trim_end();
    let (body, colon) = match body.strip_suffix(':') {
        Some(b) => (b.trim_end(), true),
        None => (body, false),
    };
    let spaces = body
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .take(MAX_HEADING_WORDS);
    let mut found = None;
    for (words, at) in spaces.enumerate() {
        let phrase = &body[at + 1..];
        if phrase.starts_with(|c: char| c.is_uppercase())
            && (colon || words >= 1)
            && crate::sections::heading_kind_exact(phrase).is_some()
        {
            found = Some(at);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUED: &str = "About the jobSenior Backend Engineer (Remote)We are a fintech startup building \
        payment rails for small businesses across Europe.Responsibilities:Build APIs in Go and \
        PostgreSQLRequirements:5+ years of experience with Go. Strong knowledge of Kubernetes and AWS. \
        Nice to have: Experience with Kafka and TerraformBenefits:Health insurance and a budget for \
        learning, with a description of the team and our mission.";

    #[test]
    fn headings_glued_into_a_flat_text_get_their_lines() {
        let (text, map, n) = restore_headings(GLUED).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..3],
            [
                "About the job",
                "Senior Backend Engineer (Remote)We are a fintech startup building payment rails for small businesses across Europe.",
                "Responsibilities:"
            ]
        );
        for line in [
            "Requirements:",
            "Benefits:",
            "Nice to have: Experience with Kafka and Terraform",
        ] {
            assert!(lines.contains(&line), "{line} in {lines:?}");
        }
        // Mid-sentence phrases ("description of the team", "our mission") stay where they are.
        assert!(
            lines
                .last()
                .unwrap()
                .ends_with("description of the team and our mission.")
        );
        assert_eq!(n, text.len() - GLUED.len());
        let at = text.find("PostgreSQL").unwrap();
        assert_eq!(&GLUED[map.start(at)..map.end(at + 10)], "PostgreSQL");
    }

    #[test]
    fn texts_with_lines_keep_them() {
        let lined = GLUED
            .replace("job", "job\n")
            .replace(". ", ".\n")
            .replace(":", ":\n");
        assert!(restore_headings(&lined).is_none());
        assert!(restore_headings("Requirements:Go").is_none());
    }

    const FLAT: &str = "Jane Doe  jane@example.com  (123)345-7890  Objective  To build data platforms.  \
        Experience  Data Engineer  Acme Corp, Chicago, IL  Jan 2019 - Present  Built Spark and Airflow \
        pipelines.  Analyst  Beta LLC  2016 - 2018  Wrote SQL reports in Tableau.    Education  \
        DePaul University  Bachelor of Science in Computer Science  2016    Skills  Python, SQL, Spark";

    #[test]
    fn runs_of_spaces_become_line_breaks_in_a_flattened_text() {
        let (text, _, runs) = restore_lines(FLAT).unwrap();
        assert_eq!(runs, 19);
        assert_eq!(text.len(), FLAT.len());
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(lines.contains(&"Experience"), "{lines:?}");
        assert!(lines.contains(&"Jan 2019 - Present"), "{lines:?}");
        assert!(lines.contains(&"Education"), "{lines:?}");
    }

    const RUN_TOGETHER: &str = "Senior Data Engineer About us We build payments software for small \
        businesses across Europe, with offices in Berlin - Lisbon. What you will do: • Design and \
        build pipelines • Own our data warehouse • Work with analysts and product managers \
        Requirements: • 5+ years of Python • Strong SQL • Experience with Airflow Nice to have • Kafka \
        • Terraform Benefits: • Remote-first • 25 days PTO";

    #[test]
    fn list_items_run_together_get_their_lines() {
        let (text, map, n) = restore_lists(RUN_TOGETHER).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for line in [
            "• Work with analysts and product managers",
            "Requirements:",
            "• Experience with Airflow",
            "Nice to have",
            "• Terraform",
            "Benefits:",
            "• 25 days PTO",
        ] {
            assert!(lines.contains(&line), "{line:?} in {lines:?}");
        }
        // A dash in prose and a sentence before the first heading stay where they are.
        assert!(lines[0].ends_with("Berlin - Lisbon."), "{lines:?}");
        assert_eq!(lines[1], "What you will do:");
        assert_eq!(n, lines.len() - 1);
        assert_eq!(text.len(), RUN_TOGETHER.len());
        let at = text.find("Airflow").unwrap();
        assert_eq!(&RUN_TOGETHER[map.start(at)..map.end(at + 7)], "Airflow");
    }

    #[test]
    fn lists_of_their_own_and_prose_dashes_stay() {
        let lined = RUN_TOGETHER.replace(" • ", "\n• ");
        let dashes = "We work across time zones - Berlin - Lisbon - Porto - with a small team that \
            ships weekly and cares about quality, testing and documentation more than most teams do \
            and we will keep it that way as we grow - promise.";
        let items_end_in_levels = "Requirements: • Java Preferred • Go Required • SQL Required and a \
            lot more text so that the line is long enough to be read as a list run together again, \
            as a scraper that drops every line break of a posting would leave it for us.";
        for text in [lined.as_str(), dashes, "Python • SQL • AWS • Docker"] {
            assert!(restore_lists(text).is_none(), "{text:?}");
        }
        let (text, _, _) = restore_lists(items_end_in_levels).unwrap();
        assert!(text.contains("• Java Preferred\n"), "{text:?}");
        // Dashes open a list after a colon.
        let dashed = RUN_TOGETHER.replace(" • ", " - ");
        let (text, _, _) = restore_lists(&dashed).unwrap();
        assert!(text.lines().any(|l| l == "- Strong SQL"), "{text:?}");
    }

    #[test]
    fn texts_with_lines_of_their_own_keep_them() {
        let with_lines = FLAT.replace("  ", "\n");
        let double_spaced = format!("{}\n", "One sentence.  Another one.\n".repeat(20));
        for text in [
            with_lines.as_str(),
            double_spaced.as_str(),
            "Short  text  with  runs  of  spaces  but  under  the  size",
            &"A long paragraph without runs of spaces. ".repeat(20),
        ] {
            assert!(restore_lines(text).is_none(), "{text:?}");
        }
    }
}
