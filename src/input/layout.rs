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
    let mut out = bytes.to_vec();
    for &last in &runs {
        out[last] = b'\n';
    }
    let out = String::from_utf8(out).ok()?;
    Some((out, OffsetMap::identity(), runs.len()))
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
