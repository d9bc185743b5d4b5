//! The posting's title: a "Job Title:" line, a broader label's value that reads as a title
//! ("Position: Registered Nurse"), the first Markdown heading, or the first line when it reads as
//! a title (short, no full stop, holds a role noun such as "Engineer"), past the page headings
//! and the site navigation pasted above it.

use crate::input::Heading;
use crate::phrases::PhraseSet;
use crate::sections;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    labels: Vec<String>,
    role_nouns: Vec<String>,
    /// Role nouns of other languages' postings, for finding the title line only.
    other_role_nouns: Vec<String>,
    /// Role nouns that close compound words ("System|administrator", "Software|entwickler").
    compound_heads: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/titles").expect("titles.toml is checked by the test suite"));

static ROLE_NOUNS: LazyLock<(crate::fasthash::FastSet<&'static str>, PhraseSet)> = LazyLock::new(|| {
    (
        DATA.role_nouns.iter().map(String::as_str).collect(),
        PhraseSet::new(
            DATA.role_nouns
                .iter()
                .chain(&DATA.other_role_nouns)
                .map(|n| (n.as_str(), 0)),
        ),
    )
});

/// Whether a lower-case word is a role noun ("engineer", "developer").
pub(crate) fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.0.contains(word)
}

/// Whether a line names a role noun as a word (any case), in English or another language,
/// or as the end of a compound word ("Systemadministrator", "Softwareontwikkelaar").
fn has_role_noun(line: &str) -> bool {
    ROLE_NOUNS.1.find_iter(line).next().is_some()
        || line
            .split(|c: char| !c.is_alphabetic())
            .any(ends_in_compound_head)
}

/// Whether a word is a compound that ends in a role noun of `compound_heads` (in any ASCII
/// case), after a stem of its own of three bytes or more.
fn ends_in_compound_head(word: &str) -> bool {
    DATA.compound_heads.iter().any(|h| {
        let stem = word.len().saturating_sub(h.len());
        stem >= 3 && word.is_char_boundary(stem) && word[stem..].eq_ignore_ascii_case(h)
    })
}

fn looks_like_title(line: &str) -> bool {
    let words = crate::words::spaced_count(line, 15);
    (1..=14).contains(&words)
        && line.len() <= 120
        && !line.ends_with(['.', '!', '?', ':', ',', '。', '！', '？', '：', '，'])
        && has_role_noun(line)
        && sections::heading_kind_exact(line).is_none()
}

/// The value after a label on a line ("Job Title: Senior Engineer" → "Senior Engineer"), or
/// on the next line when the label stands alone ("Role:" then "DevOps"). A label is the text
/// before a line's first colon, compared in lower case with `labels` (lower-case phrases).
///
/// Only lines that hold a colon are read: the search jumps from colon to colon.
pub(crate) fn labelled(text: &str, labels: &[&str]) -> Vec<Range<usize>> {
    // Lower-casing shrinks a character to a third of its bytes at most (the Kelvin sign),
    // so a longer label cannot match.
    let longest = 3 * labels.iter().map(|l| l.len()).max().unwrap_or(0);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(colon) = memchr::memchr(b':', &bytes[from..]).map(|i| from + i) {
        // `from` is a line start, so this is the first colon of its line.
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |i| i + 1);
        let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(text.len(), |i| colon + i);
        from = (line_end + 1).min(text.len());
        let label = text[line_start..colon].trim();
        if label.len() > longest || !is_label(label, labels) {
            continue;
        }
        let end = line_start + text[line_start..line_end].trim_end().len();
        let value = &text[colon + 1..end];
        let value_range = end - value.trim_start().len()..end;
        if !value_range.is_empty() {
            out.push(value_range);
        } else if let Some(next) = line_ranges(&text[from..]).next() {
            out.push(from + next.start..from + next.end);
        }
    }
    out
}

/// Whether `label` in lower case is one of `labels`, without lower-casing an ASCII label into
/// a new string.
fn is_label(label: &str, labels: &[&str]) -> bool {
    if label.is_ascii() {
        // `labels` are lower case, so this is the lower-cased label's equality.
        labels.iter().any(|l| l.eq_ignore_ascii_case(label))
    } else {
        labels.contains(&label.to_lowercase().as_str())
    }
}

/// Trimmed, non-empty line ranges.
pub(crate) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |l| {
        let s = start;
        start += l.len();
        let lead = l.len() - l.trim_start().len();
        let t = l.trim();
        (!t.is_empty()).then(|| s + lead..s + lead + t.len())
    })
}

/// The title's range in the normalised text.
pub(crate) fn find(text: &str, headings: &[Heading]) -> Option<Range<usize>> {
    let labels: Vec<&str> = DATA.labels.iter().map(String::as_str).take(3).collect();
    if let Some(r) = labelled(text, &labels).into_iter().next() {
        return Some(r);
    }
    // A broader label ("Position:", "Role:") among the first lines, when what it introduces reads
    // as a title ("Position: Registered Nurse - Emergency Department", not "Position: Full-time").
    let top = line_ranges(text).nth(TOP_LINES).map_or(text.len(), |r| r.start);
    let labels: Vec<&str> = DATA.labels.iter().map(String::as_str).collect();
    if let Some(r) = labelled(&text[..top], &labels)
        .into_iter()
        .find(|r| looks_like_title(&text[r.clone()]))
    {
        return Some(r);
    }
    // The first heading, when it opens the text; or a heading among the first lines that reads
    // as a job title (an HTML page's <h1> after its <title>).
    let first_lines: Vec<Range<usize>> = line_ranges(text).take(5).collect();
    for (i, h) in headings.iter().take(3).enumerate() {
        let Some(line) = line_ranges(&text[h.start..])
            .next()
            .map(|r| h.start + r.start..h.start + r.end)
        else {
            continue;
        };
        let opens = first_lines.first().is_some_and(|f| f.start == line.start);
        let early = first_lines.iter().any(|f| f.start == line.start);
        let candidate = &text[line.clone()];
        if sections::heading_kind_exact(candidate).is_none()
            && ((i == 0 && opens) || (early && looks_like_title(candidate)))
        {
            return Some(line);
        }
    }
    // Else the first line, past a heading or two that open the page ("About the job", "Job
    // description") and a site's navigation pasted with it ("Skip to main content", "Jobs",
    // "Find jobs"), when it reads as a title.
    for l in line_ranges(text).take(TOP_LINES) {
        let line = &text[l.clone()];
        if let Some(t) = title_in(text, l.clone()) {
            return (!sections::is_bullet(line)).then_some(t);
        }
        // (A heading never looks like a title: only a line that does not is looked up.)
        if sections::heading_kind_exact(line) != Some("summary") && !is_chrome(line) {
            return None;
        }
    }
    None
}

/// What separates the fields of a header line ("Acme Robotics | Senior Backend Engineer |
/// Berlin | €85k", "Machine Learning Engineer · Northwind Health · Hybrid"). Spaced, so a field
/// may hold one itself ("C#/.NET", "R&D·Lab"). Dashes are left out: a dash more often joins a
/// title to its specialty ("Registered Nurse – Emergency Department") than to another field.
const FIELD_SEPARATORS: &[&str] = &[" | ", " · ", " • ", " ∙ ", " ｜ "];

/// The title within the line at `l`: the first of its fields that reads as a title when the
/// line is a header of fields, else the whole line when it reads as one.
fn title_in(text: &str, l: Range<usize>) -> Option<Range<usize>> {
    let line = &text[l.clone()];
    if FIELD_SEPARATORS.iter().any(|s| line.contains(s)) {
        let mut from = 0;
        while from < line.len() {
            let (end, next) = FIELD_SEPARATORS
                .iter()
                .filter_map(|s| line[from..].find(s).map(|i| (from + i, from + i + s.len())))
                .min()
                .unwrap_or((line.len(), line.len()));
            let field = line[from..end].trim();
            if looks_like_title(field) {
                let start = l.start + from + (line[from..end].len() - line[from..end].trim_start().len());
                return Some(start..start + field.len());
            }
            from = next;
        }
    }
    looks_like_title(line).then_some(l)
}

/// How many lines at the top of a text are read for its title.
const TOP_LINES: usize = 8;

/// The most words a line of a site's navigation has ("Skip to main content").
const CHROME_WORDS: usize = 4;

/// Whether a line at the top reads as a site's navigation or a page's label, pasted with the
/// posting ("Jobs", "Company reviews", "Home > Jobs > Engineering", "Stellenangebot"): a few words
/// of letters and a breadcrumb's separators, no role noun. A sentence's stop, a digit (a date, a
/// salary, a place's code), a bracket or a quote is the posting's own text, or code's.
fn is_chrome(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.contains(char::is_alphabetic))
        .take(CHROME_WORDS + 1)
        .count();
    words <= CHROME_WORDS
        && !has_role_noun(line)
        && line.contains(char::is_alphabetic)
        && line
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "&'’/>›»·-–".contains(c))
        && sections::heading_kind_exact(line).is_none()
}

/// Whether a text opens with a job title: its first line reads as one as a whole, and holds no
/// e-mail address. A posting opens with its title ("Electrician (Licensed) – FIFO"); a résumé
/// with its owner's name, often followed by their headline and contacts on lines of their own.
pub(crate) fn opens_with_title(text: &str) -> bool {
    line_ranges(text).next().is_some_and(|l| {
        let line = &text[l];
        looks_like_title(line) && !line.contains('@') && !sections::is_bullet(line)
    })
}

/// The labels that introduce a role or level line, for seniority ("Role:", "Level:").
pub(crate) fn role_labels() -> &'static [&'static str] {
    &[
        "role",
        "position",
        "level",
        "experience level",
        "seniority",
        "job level",
        "career level",
    ]
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ROLE_NOUNS);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `labelled` keeps: line by line, the text before the first colon.
    fn labelled_by_lines(text: &str, labels: &[&str]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut lines = line_ranges(text).peekable();
        while let Some(r) = lines.next() {
            let line = &text[r.clone()];
            let Some((label, value)) = line.split_once(':') else {
                continue;
            };
            if !labels.contains(&label.trim().to_lowercase().as_str()) {
                continue;
            }
            let lead = value.len() - value.trim_start().len();
            let value_range = r.start + label.len() + 1 + lead..r.end;
            if !text[value_range.clone()].trim().is_empty() {
                out.push(value_range);
            } else if let Some(next) = lines.peek() {
                out.push(next.clone());
            }
        }
        out
    }

    #[test]
    fn labels_are_lower_case() {
        // `is_label` compares ASCII labels case-insensitively, which is lower-casing only then.
        for l in DATA
            .labels
            .iter()
            .map(String::as_str)
            .chain(role_labels().iter().copied())
        {
            assert_eq!(l, l.to_lowercase(), "label {l:?} is not lower case");
        }
    }

    #[test]
    fn other_languages_role_nouns_make_a_title_line_but_no_english_role_noun() {
        assert!(looks_like_title("Analista de Dados Pleno"));
        assert!(looks_like_title("Desarrollador Backend Ssr"));
        assert!(looks_like_title("Senior PHP programátor"));
        assert!(looks_like_title("Programista Java (Spring)"));
        assert!(!looks_like_title("Požadujeme znalost PHP"));
        assert!(!looks_like_title(
            "Buscamos un desarrollador para nuestro equipo."
        ));
        assert!(!looks_like_title("Requisitos"));
        assert!(!is_role_noun("analista"));
    }

    #[test]
    fn labelled_values() {
        let labels = ["role", "job title", "level"];
        let cases: &[(&str, &[&str])] = &[
            ("Role: DevOps Engineer", &["DevOps Engineer"]),
            (
                "  ROLE :  Data Scientist  \nLevel: Senior",
                &["Data Scientist", "Senior"],
            ),
            ("Role:\n\n  Platform Engineer\nother", &["Platform Engineer"]),
            ("Role:", &[]),
            ("Role:   \r\n", &[]),
            ("Job Title: Staff SRE: Infra", &["Staff SRE: Infra"]),
            ("Note: Role: Engineer", &[]),
            ("The role: we need you", &[]),
            ("Roles: many", &[]),
            ("Level: Senior\r\nRole: Lead\r\n", &["Senior", "Lead"]),
            ("\u{212A}: x", &[]),
            ("r\u{d4}le: x", &[]),
            ("", &[]),
            (":::", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = labelled(text, &labels).into_iter().map(|r| &text[r]).collect();
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(
                labelled(text, &labels),
                labelled_by_lines(text, &labels),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn labelled_equals_its_line_by_line_definition(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Role", "role", "LEVEL", "level", "x", " ", "  ", ":", "\n", "\r\n", "\t",
                    "\u{212A}", "é", "Job Title", "Senior", "\u{a0}",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let labels = ["role", "level", "job title", "k"];
            proptest::prop_assert_eq!(labelled(&text, &labels), labelled_by_lines(&text, &labels));
        }
    }

    #[test]
    fn titles() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Senior Data Engineer\nAcme Corp\nWe build things.",
                Some("Senior Data Engineer"),
            ),
            ("Special Offer\nJumpstart your hiring.", None),
            // Past the headings a page opens with.
            (
                "About the job\nSenior Data Engineer (m/f/d)\nBerlin",
                Some("Senior Data Engineer (m/f/d)"),
            ),
            (
                "Job Description\n\nOverview\nStaff Platform Engineer\nRemote",
                Some("Staff Platform Engineer"),
            ),
            // Only the first line past them: a role noun further down is no title.
            ("About the job\nWe are a fintech.\nSenior Data Engineer", None),
            ("Requirements\nAt least 5 years as a software engineer.", None),
            // Only past the headings that open a page, and no list item.
            ("Nice to have\n• Pairing with developers on flaky tests", None),
            ("Requirements\nSenior Engineer", None),
            ("About the job\n• Pairing with developers on flaky tests", None),
            // Role nouns of scripts without spaces, glued to the words around them; a
            // full-width full stop ends a sentence, no title.
            ("高级Java开发工程师\n上海", Some("高级Java开发工程师")),
            (
                "バックエンドエンジニア（Go）\n東京都",
                Some("バックエンドエンジニア（Go）"),
            ),
            ("我们正在招聘工程师。\n上海", None),
            // A compound that ends in a role noun, after letters of its own.
            (
                "Junior Systemadministrator (w/m/d)\nWien",
                Some("Junior Systemadministrator (w/m/d)"),
            ),
            (
                "Medior Systeembeheerder\nUtrecht",
                Some("Medior Systeembeheerder"),
            ),
            ("Über uns\nWien", None),
            ("Leiter\nWien", None),
            ("Company: Acme\nJob Title: Staff SRE\n", Some("Staff SRE")),
            // Past a site's navigation pasted with the posting, and behind a broad label.
            (
                "Skip to main content\nJobs\nPeople\nSenior Product Designer\nCanva · Sydney",
                Some("Senior Product Designer"),
            ),
            (
                "Indeed\nFind jobs\nCompany reviews\n\nwarehouse associate - nights\nAmazon",
                Some("warehouse associate - nights"),
            ),
            (
                "Stellenangebot\n\nSachbearbeiter Buchhaltung (m/w/d) in Teilzeit\nMusterfirma GmbH",
                Some("Sachbearbeiter Buchhaltung (m/w/d) in Teilzeit"),
            ),
            (
                "JOB DESCRIPTION\n\nPosition: Registered Nurse - Emergency Department\nReports to: Nurse Manager",
                Some("Registered Nurse - Emergency Department"),
            ),
            // A broad label whose value is no title, a sentence, a line with a date or a salary,
            // or a long line before the role noun: no title.
            (
                "Home > Jobs > Engineering\nBackend Engineer\nLisbon",
                Some("Backend Engineer"),
            ),
            ("Position: Full-time\nWe build payment APIs in Go.", None),
            (
                "{\n}, \"title\": \"Senior Engineer\", \"hiringOrganization\": {",
                None,
            ),
            ("We are hiring.\nSenior Engineer wanted", None),
            // A header line of fields gives the field that reads as a title.
            (
                "Acme Robotics | Senior Backend Engineer | Berlin or REMOTE (EU) | Full-time | €85k–€110k + equity | https://acme.example/jobs\n\nWe build fleet software.",
                Some("Senior Backend Engineer"),
            ),
            (
                "Machine Learning Engineer · Northwind Health · Hybrid\nAbout the job",
                Some("Machine Learning Engineer"),
            ),
            ("Acme | Berlin | Remote\nWe build things.", None),
            (
                "Registered Nurse – Emergency Department\nSt Mary's",
                Some("Registered Nurse – Emergency Department"),
            ),
            ("Posted 12 March\nSenior Engineer", None),
            (
                "Our friendly team in the heart of the city\nSenior Engineer",
                None,
            ),
        ];
        for &(t, want) in rows {
            assert_eq!(find(t, &[]).map(|r| &t[r]), want, "{t:?}");
        }
        let t = "Role:\nDevOps\n";
        assert_eq!(
            labelled(t, role_labels())
                .into_iter()
                .map(|r| &t[r])
                .collect::<Vec<_>>(),
            ["DevOps"]
        );
    }
}
