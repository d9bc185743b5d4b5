//! Work history in a résumé: positions with title, company, dates and months.
//!
//! An entry is found by its dates: a range ("Jan 2019 – Present", "01/2019 - 03/2021",
//! "2017-2019", "2019-01 – 2020-06", "2019 to date", "Sept. 2018 - Current", "'19 – '21",
//! "Q1 2018 – Q3 2018", "janv. 2019 – aujourd'hui", "2020.01 ~ 2023.02", "2019年4月 – 2021年3月", "Aug 2021 – Till
//! Now", "jan de 2021 - o momento", "sept. de 2015 - dic. de 2018"), a start with "since" ("since 2020"), or one date ending a header line
//! ("Summer 2016", also when only a place follows it: "Summer 2024 · Chicago, IL"). Digits that
//! go on a number ("+49 151 2019 2020") are no date. Its title and company come from the rest
//! of that line and, when it lacks them, from up to two header lines right above it (a title
//! line, or a company line then a title line) or the line right below (a company line under a
//! "title … dates" line copied from a two-column PDF); a line of dates alone with nothing
//! above opens its entry and may take two lines below (Europass: dates, title, employer). The
//! header text is cut at separators (`|`, `,`, dashes, tabs or runs of spaces, "at", "@"); a
//! piece holding a role noun (`lexicons/cues/titles.toml`) is the title, a piece ending in a
//! company suffix ("Inc", "GmbH", "Labs"), opening with one then "of" ("University of
//! Michigan") or following "at" is the company. When only one of the two is known and exactly
//! one other short piece is left, that piece is the other; a title's area after a comma
//! ("Director, IT Program Management") stays on the title when the employer is another piece; with a title and two such pieces,
//! the second a town closing its line ("Nubank | Engineer | São Paulo | …"), the first is the
//! company; otherwise it stays `None`. Places ("Boston, MA", "Lagos, Nigeria", "Remote"),
//! employment types ("Full-time") and pay grades ("E-7", "GS-0301-12") are never either; a
//! military rank ("Staff Sergeant") is a title. Place and street-address lines between the
//! employer and the dates are passed over. A line of a title and dates alone right under the
//! last entry's dates is a promotion at the same employer. A dated line indented under an
//! entry and inside its years (a consultant's "Client: …, 2018–2020") is part of that entry.
//! A gap ("Career break", "Sabbatical") without a company, and a description sentence ending
//! in a full stop that names neither a title nor a company, are no entries; a one-line entry
//! that runs on into its description ends at its first sentence break.
//! When no entry is found, summary sentences "working as `<title>` with `<company>` from `<dates>`"
//! give the positions.
//!
//! Sections: when the résumé has an experience heading ("Experience", "Work History",
//! "Employment"…), only entries under such headings count; otherwise every dated entry outside
//! education, certification, project and similar sections does, except one date (alone or
//! after "since") with neither a title nor a company: a publication's or a sentence's. The
//! words are data, in `lexicons/cues/positions.toml`.
//!
//! Months are inclusive of both ends: Jan 2019 – Mar 2019 is 3. A start without a month counts
//! from January, an end without a month up to December, so "2017-2019" is 36 months and
//! "2018" alone is 12. A season opening a range reads as its first month ("Summer 2016" → June),
//! closing one as its last (August); a season alone covers its three months; so does a quarter
//! ("Q2 2019": April to June). "Present" ends at `as_of` (December of its year when `as_of`
//! has no month). A two-digit year ('19) is in the century that keeps it no later than a year
//! after `as_of`. Year then month alone ("2019-10") is a range of years when the second number
//! can close one ("2008-11": 2008 to 2011), else a month.

use crate::disambiguate::contains_word;
use crate::extract::title::{is_role_noun, line_ranges};
use crate::fasthash::{FastMap, FastSet};
use crate::lean_regex::{self, Group, LeanRegex};
use crate::sections::{BULLETS, is_text_heading};
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// A year and month (month 1-12; `None` when only the year is given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct YearMonth {
    pub(crate) year: i32,
    pub(crate) month: Option<u8>,
}

/// One work-history entry (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) title: Option<Range<usize>>,
    pub(crate) company: Option<Range<usize>>,
    pub(crate) start: Option<YearMonth>,
    /// `None` with `current` for "Present".
    pub(crate) end: Option<YearMonth>,
    pub(crate) current: bool,
    /// Months from start to end (or `as_of` when current), inclusive of both months.
    pub(crate) months: Option<u32>,
    /// The dates as written.
    pub(crate) dates: Range<usize>,
    /// The whole entry: from its heading to the next entry or section.
    pub(crate) span: Range<usize>,
    /// Whether the entry reads as an internship.
    pub(crate) internship: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    month: Vec<Month>,
    season: Vec<Season>,
    present: Vec<String>,
    range_words: Vec<String>,
    /// Words that open a range ("De juin 2018 à février 2021").
    range_openers: Vec<String>,
    since: Vec<String>,
    company_suffixes: Vec<String>,
    /// First words of an employer's name that say what kind of place it is ("Hotel", "Grupo").
    company_openers: Vec<String>,
    legal_forms: Vec<String>,
    company_labels: Vec<String>,
    title_labels: Vec<String>,
    prose_labels: Vec<String>,
    duration_units: Vec<String>,
    duration_fillers: Vec<String>,
    internship: Vec<String>,
    /// Employment types beside a title that make it an internship ("(Internship)").
    internship_notes: Vec<String>,
    /// Training posts that are salaried jobs though they name a trainee ("Core Medical Trainee").
    salaried_trainees: Vec<String>,
    /// The employer of a self-employed worker ("Self-employed"): the company.
    self_employed: Vec<String>,
    role_nouns: Vec<String>,
    /// Last words of a title's area after a comma ("Director, IT Program Management").
    title_areas: Vec<String>,
    /// Words of a ward, unit or function after a title and a dash ("Staff Nurse – Cardiology").
    title_units: Vec<String>,
    /// First words of an employer's unit named like an employer ("Department of Chemistry").
    employer_units: Vec<String>,
    /// Words before a role in a sentence-like header ("Working as", "Worked as").
    role_lead_ins: Vec<String>,
    /// Last words of a department's unit written after it ("Department of the Army, U.S. Army
    /// Cyber Command").
    agency_units: Vec<String>,
    /// Of those, the units that any employer's name may run on into after a comma at its
    /// line's start ("Samsung Electronics, Memory Division").
    divisions: Vec<String>,
    /// Endings of a unit's name in a script written without spaces, glued to it ("클라우드플랫폼팀",
    /// "営業部"): read like `divisions`.
    glued_divisions: Vec<String>,
    /// Legal forms glued to a name in a script written without spaces ("株式会社日立製作所",
    /// "삼성전자(주)", "华为技术有限公司"), at either end.
    glued_legal_forms: Vec<String>,
    /// What résumé datasets put for the employer's anonymised name ("Company Name").
    anonymised_employers: Vec<String>,
    /// National services whose name is a title only when the entry names no other role.
    service_programmes: Vec<String>,
    /// Words in lower case that join the words of a name ("Bank of America", "Banco do Brasil").
    name_joins: Vec<String>,
    /// Aircraft makers, whose models after a pilot's rank are part of the title.
    aircraft: Vec<String>,
    foreign_role_nouns: Vec<String>,
    role_suffixes: Vec<String>,
    locations: Vec<String>,
    ranks: Vec<String>,
    pay_grades: Vec<String>,
    experience_headings: Vec<String>,
    excluded_headings: Vec<String>,
    /// Labels of parts of one entry ("selected projects", "key achievements").
    entry_labels: Vec<String>,
    /// Labels of a line of skills or tools ("skills", "environment"): its years are versions.
    skill_labels: Vec<String>,
    /// Labels of the field lines between a federal résumé's dates and its title ("Grade Level:").
    entry_fields: Vec<String>,
    other_headings: Vec<String>,
    education_words: Vec<String>,
    gaps: Vec<String>,
    abbreviations: Vec<String>,
    /// First words of a timeline's row that joins an employer ("Joined", "Entered").
    timeline_joins: Vec<String>,
    /// First words of a timeline's row that leaves one ("Resigned", "Retired").
    timeline_leaves: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Month {
    number: u8,
    words: Vec<String>,
    /// Short forms that are common words too ("ago", "set"): a month only with a full stop
    /// and a year after it ("ago. 2019").
    #[serde(default)]
    dotted: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Season {
    start: u8,
    end: u8,
    words: Vec<String>,
}

struct Lex {
    data: File,
    /// A date range, a "since" date or a lone date: groups `since`, `start`, `end`.
    range: LeanRegex,
    /// One side of a range, whole: groups `mon`, `sea`, `num`, `year`.
    side: LeanRegex,
}

/// The words as one alternation, longest first, spaces matching any run of spaces.
fn alternation<'a>(words: impl IntoIterator<Item = &'a String>) -> String {
    let mut w: Vec<&String> = words.into_iter().collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

// Word boundaries are ASCII (`(?-u:\b)`; the cue words are ASCII): with a Unicode one the lazy
// DFA gives up on any non-ASCII line, and an en dash is in most date ranges. Digits are ASCII
// (`[0-9]`): the parts are read with `parse`, which takes no other digits, and Unicode `\d` in
// fifteen places cost a quarter of start-up's regex compilation.
static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let data: File = cue_file!("cues/positions").expect("positions.toml is checked by the test suite");
    // A month opening with a letter beyond ASCII ("Şubat", "únor") has no ASCII word boundary
    // before it (a space and "Ş" are both non-word bytes to it): it is matched without one.
    let (ascii_months, other_months): (Vec<&String>, Vec<&String>) = data
        .month
        .iter()
        .flat_map(|m| &m.words)
        .partition(|w| w.starts_with(|c: char| c.is_ascii_alphanumeric()));
    let all_months = alternation(data.month.iter().flat_map(|m| &m.words));
    let months = alternation(ascii_months);
    let other_months = alternation(other_months);
    let dotted = alternation(data.month.iter().flat_map(|m| &m.dotted));
    // ...and those forms written capitalised before a year without their full stop ("Ago 2018 –
    // Ene 2019", "Out 2019 - Atual"): a month too, as written.
    let capitalised_dotted: Vec<String> = data
        .month
        .iter()
        .flat_map(|m| &m.dotted)
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect();
    let dotted_cap = alternation(&capitalised_dotted);
    let seasons = alternation(data.season.iter().flat_map(|s| &s.words));
    // Words of other scripts ("현재", "至今", "настоящее время") stand between non-word bytes
    // for the ASCII word boundary: they are matched without one.
    let ascii_ends = |w: &&String| {
        let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        ascii(w.chars().next()) && ascii(w.chars().next_back())
    };
    let (ascii_present, other_present): (Vec<&String>, Vec<&String>) =
        data.present.iter().partition(ascii_ends);
    let present = alternation(ascii_present);
    let present = match alternation(other_present) {
        other if other.is_empty() => format!(r"(?-u:\b)(?:{present})(?-u:\b)"),
        other => format!(r"(?-u:\b)(?:{present})(?-u:\b)|(?:{other})"),
    };
    // A join ending in a letter of another script ("até") takes no word boundary after it,
    // and one opening with one ("à") none before it either.
    let (ascii_joins, other_joins): (Vec<&String>, Vec<&String>) =
        data.range_words.iter().partition(ascii_ends);
    let (open_joins, other_joins): (Vec<&String>, Vec<&String>) = other_joins
        .into_iter()
        .partition(|w| w.starts_with(|c: char| c.is_ascii_alphanumeric()));
    let mut joins = format!(r"(?-u:\b)(?:{})(?-u:\b)", alternation(ascii_joins));
    for (words, boundary) in [(open_joins, r"(?-u:\b)"), (other_joins, "")] {
        if !words.is_empty() {
            joins.push_str(&format!("|{boundary}(?:{})", alternation(words)));
        }
    }
    let since = alternation(&data.since);
    let year = r"(?:(?:19|20)[0-9]{2}(?-u:\b)|['’][0-9]{2}(?-u:\b))";
    // A day written with a month's name ("14-Feb-2025", "3 March 2021", "Feb 14, 2025"): the
    // month counts, the day is passed over.
    let day = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?";
    let (other_date, other_start) = if other_months.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(
                r"|(?:(?-u:\b){day}[\s-]+)?(?:{other_months})\.?(?:(?:\s+de)?\s*[,/]?|-|\s+{day},?\s*)\s*{year}"
            ),
            format!(r"|(?:{other_months})\.?"),
        )
    };
    let date = format!(
        r"(?:(?-u:\b)(?:{day}[\s-]+)?(?:(?:{months})\.?(?:(?:\s+de)?\s*[,/]?|-|\s+{day},?\s*)|(?:{dotted})(?:\.(?:\s+de)?\s*[,/]?|/)|(?-i:{dotted_cap})\s+)\s*{year}{other_date}|(?-u:\b)(?:{seasons})(?:\s+(?:semester|term))?\s*,?\s*{year}|(?-u:\b)Q[1-4]\s*,?\s*{year}|(?-u:\b)(?:0?[1-9]|[12][0-9]|3[01])[/.](?:0?[1-9]|[12][0-9]|3[01])[/.](?:19|20)[0-9]{{2}}(?-u:\b)|(?-u:\b)(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:19|20)[0-9]{{2}}(?-u:\b)|(?-u:\b)(?:0?[1-9]|1[0-2])/[0-9]{{2}}(?-u:\b)|(?-u:\b)(?:19|20)[0-9]{{2}}[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:0[1-9]|[12][0-9]|3[01]))?(?-u:\b)|(?-u:\b)(?:19|20)[0-9]{{2}}\.?[ \t]+(?:{months})(?-u:\b)\.?|(?-u:\b)(?:19|20)[0-9]{{2}}\s*[年년]\s*(?:0?[1-9]|1[0-2])\s*[月월](?:\s*(?:0?[1-9]|[12][0-9]|3[01])\s*[日일])?|(?-u:\b)(?:19|20)[0-9]{{2}}(?-u:\b)|['’][0-9]{{2}}(?-u:\b))"
    );
    let start = format!(r"(?:{date}|(?-u:\b)(?:{months})(?-u:\b)\.?{other_start})");
    let end = format!(r"(?:{date}|{present}|[0-9]{{2}}(?-u:\b))");
    let range = LeanRegex::new(&format!(
        r"(?i)(?:(?-u:\b)(?P<since>{since})\s+)?(?P<start>{start})(?:\s*(?:[-–—‐−]+>?(?:\s*(?:{joins}))?|[~～]|→|(?:{joins})|\t)\s*(?P<end>{end})|[ \t]{{2,}}(?P<gap_end>{date}|{present}))?"
    ))
    .expect("the date pattern is valid");
    let side = LeanRegex::new(&format!(
        r"(?i)^(?:(?:{day}[\s-]+)?(?:(?P<mon>{all_months})\.?(?:(?:\s+de)?\s*[,/]?|-|\s+{day},?\s*)|(?P<dot>{dotted})(?:\.(?:\s+de)?\s*[,/]?|/)|(?P<dotcap>(?-i:{dotted_cap}))\s+)\s*|(?P<sea>{seasons})(?:\s+(?:semester|term))?\s*,?\s*|q(?P<qtr>[1-4])\s*,?\s*|(?:(?P<day>[0-9]{{1,2}})[/.])?(?P<num>[0-9]{{1,2}})\s*[/.]\s*)?(?P<year>(?:19|20)[0-9]{{2}}|['’]?[0-9]{{2}})?$"
    ))
    .expect("the date-side pattern is valid");
    Lex { data, range, side }
});

/// A side of a range as read: the month to count from (`lo`) and up to (`hi`), and whether
/// a year was given.
#[derive(Debug, Clone, Copy)]
struct Side {
    year: Option<i32>,
    /// The month as written (a season's first month).
    month: Option<u8>,
    /// The month the side reads as when it closes a range (a season's last month).
    end_month: Option<u8>,
    season: bool,
}

/// Whether `word` (in lower case) names a month in `positions.toml` ("march", "mar", "janv").
pub(crate) fn is_month_word(word: &str) -> bool {
    LEX.data.month.iter().any(|m| lower_in(&m.words, word))
}

fn lower_in(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// Whether `line` lists skills or tools after a label of positions.toml's `skill_labels`
/// ("Skills: Java, Visual Studio 2019", "Environment: Oracle 11g"): its years are versions.
fn is_skill_line(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim().trim_start_matches(BULLETS).trim();
    !rest.trim().is_empty()
        && label.len() <= 40
        && !super::has_ascii_digit(label)
        && lower_in(&LEX.data.skill_labels, &words_of(label))
}

/// Reads one side ("Sept. 2018", "03/2021", "Summer 2016", "'19", "Jan").
fn parse_side(s: &str, as_of: YearMonth) -> Option<Side> {
    if let Some((year, month)) = iso_month(s.trim())
        .or_else(|| cjk_month(s.trim()))
        .or_else(|| year_then_month(s.trim()))
    {
        return Some(Side {
            year: Some(year),
            month: Some(month),
            end_month: Some(month),
            season: false,
        });
    }
    let c = LEX.side.captures(s.trim())?;
    let lower = |m: Group| m.as_str().to_lowercase();
    let (mut month, mut end_month, mut season) = (None, None, false);
    if let Some(m) = c.name("mon") {
        let w = lower(m);
        let n = LEX.data.month.iter().find(|x| lower_in(&x.words, &w))?.number;
        (month, end_month) = (Some(n), Some(n));
    } else if let Some(m) = c.name("dot").or_else(|| c.name("dotcap")) {
        let w = lower(m);
        let n = LEX.data.month.iter().find(|x| lower_in(&x.dotted, &w))?.number;
        (month, end_month) = (Some(n), Some(n));
    } else if let Some(m) = c.name("sea") {
        let w = lower(m);
        let sea = LEX.data.season.iter().find(|x| lower_in(&x.words, &w))?;
        (month, end_month, season) = (Some(sea.start), Some(sea.end), true);
    } else if let Some(m) = c.name("qtr") {
        // A quarter reads like a season: "Q1 2018 – Q3 2018" is January to September.
        let q: u8 = m.as_str().parse().ok()?;
        (month, end_month, season) = (Some(3 * q - 2), Some(3 * q), true);
    } else if let Some(m) = c.name("num") {
        let mut n: u8 = m.as_str().parse().ok()?;
        // A full date is day first ("31/03/2021", Europass) unless only the other reading
        // has a month ("03/31/2021").
        if let Some(d) = c.name("day") {
            let d: u8 = d.as_str().parse().ok()?;
            if n > 12 && (1..=12).contains(&d) {
                n = d;
            }
        }
        if !(1..=12).contains(&n) {
            return None;
        }
        (month, end_month) = (Some(n), Some(n));
    }
    let year = match c.name("year") {
        None => None,
        Some(y) => {
            let digits = y.as_str().trim_start_matches(['\'', '’']);
            let n: i32 = digits.parse().ok()?;
            Some(if digits.len() == 4 {
                n
            } else if 2000 + n <= as_of.year + 1 {
                2000 + n
            } else {
                1900 + n
            })
        }
    };
    if year.is_none() && month.is_none() {
        return None;
    }
    Some(Side {
        year,
        month,
        end_month,
        season,
    })
}

/// A year and a month's name after it ("2022 Jan", "2018 June", as Sri Lankan and Hungarian
/// CVs write them).
fn year_then_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.split_once(|c: char| c.is_whitespace())?;
    let y = y.strip_suffix('.').unwrap_or(y);
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m = m.trim().trim_end_matches('.').to_lowercase();
    let n = LEX.data.month.iter().find(|x| lower_in(&x.words, &m))?.number;
    Some((y.parse().ok()?, n))
}

/// A year and month written year first ("2019-01", "2019/01", "2019.01"), also with the day
/// after them ("2024-03-10", a seafarer's sign-on date; "2020.03.01"), which is dropped.
fn iso_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.split_once(['-', '/', '.'])?;
    let m = match m.split_once(['-', '/', '.']) {
        Some((m, day)) if (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit()) => m,
        Some(_) => return None,
        None => m,
    };
    if y.len() != 4 || m.len() != 2 || !(y.starts_with("19") || y.starts_with("20")) {
        return None;
    }
    let (year, month): (i32, u8) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&month).then_some((year, month))
}

/// A year and month written with the year and month signs of Japanese, Chinese or Korean
/// ("2019年4月", "2019 年 4 月 1 日", "2019년 3월"); a day after the month is dropped.
fn cjk_month(s: &str) -> Option<(i32, u8)> {
    let (y, rest) = s.split_once(['年', '년'])?;
    let (m, day) = rest.split_once(['月', '월'])?;
    let day = day.trim();
    if !(day.is_empty() || day.ends_with(['日', '일'])) {
        return None;
    }
    let (year, month): (i32, u8) = (y.trim().parse().ok()?, m.trim().parse().ok()?);
    ((1900..2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// Month index: months since year 0.
fn index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

/// The months an entry covers, as inclusive month indices.
fn interval(f: &Found, as_of: YearMonth) -> Option<(i64, i64)> {
    let s = f.start?;
    let lo = index(s.year, s.month.unwrap_or(1));
    let hi = if f.current {
        index(as_of.year, as_of.month.unwrap_or(12))
    } else {
        let e = f.end?;
        index(e.year, e.month.unwrap_or(12))
    };
    (hi >= lo).then_some((lo, hi))
}

/// Dates found on a line: their range in the line, start, end, whether current, and whether
/// they are one date (alone or after "since") rather than a range.
#[derive(Debug, Clone)]
struct Dates {
    range: Range<usize>,
    start: YearMonth,
    end: Option<YearMonth>,
    current: bool,
    single: bool,
}

/// The date matches of a line, but not digits that go on a number ("+49 151 2019 2020",
/// "555-2019-2020").
fn date_matches(line: &str) -> impl Iterator<Item = lean_regex::Found<'_>> {
    LEX.range.captures_iter(line).filter(|c| {
        let at = c.all().start();
        let before = line[..at].trim_end_matches(|c: char| c.is_whitespace() || "-–—./()".contains(c));
        // A number goes on across a short gap only: a year closing a bracket far to the left
        // ("Store Director (promoted 2021)      May 2019 to Present") is another thing.
        !(before.ends_with(|c: char| c.is_ascii_digit()) && at - before.len() <= 3)
    })
}

/// Every date or date range on a line, in order: its range in the line, its start, and its
/// end when a range closes ("Mar 2022 – Mar 2025"; `None` for a single date or "– Present").
/// For what a line says beside its dates (a certification's "issued 2021, valid until 2024").
pub(crate) fn dates_on(line: &str, as_of: YearMonth) -> Vec<(Range<usize>, YearMonth, Option<YearMonth>)> {
    let mut out = Vec::new();
    for c in date_matches(line) {
        let all = c.all();
        let Some(start) = parse_side(c.text("start"), as_of) else {
            continue;
        };
        let end = range_end(&c, &start)
            .and_then(|e| parse_side(e.as_str(), as_of))
            .and_then(|e| Some((e.year?, e.end_month)));
        let Some(year) = start.year.or(end.map(|e| e.0)) else {
            continue;
        };
        out.push((
            all.range(),
            YearMonth {
                year,
                month: start.month,
            },
            end.map(|(year, month)| YearMonth { year, month }),
        ));
    }
    out
}

/// The end of a range matched by `LEX.range`: after a dash or a join, or after a column gap
/// ("14-Feb-2025   22-Oct-2025", a sea-service table's sign-on and sign-off columns) when the
/// start has a year.
fn range_end<'h>(c: &lean_regex::Found<'h>, start: &Side) -> Option<Group<'h>> {
    c.name("end")
        .or_else(|| c.name("gap_end").filter(|_| start.year.is_some()))
}

/// Whether a date names its day: written day first with a month's name ("12 March 1989",
/// "14-Feb-2025") or month first with the day before a comma ("Feb 14, 2025").
fn written_with_day(s: &str) -> bool {
    let s = s.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = s[digits..].trim_start_matches(|c: char| c.is_ascii_lowercase());
    let day_first = (1..=2).contains(&digits)
        && rest
            .strip_prefix([' ', '-'])
            .is_some_and(|r| r.trim_start_matches([' ', '-']).starts_with(char::is_alphabetic));
    let month_first = s.starts_with(char::is_alphabetic)
        && s.split_once(',')
            .is_some_and(|(a, _)| a.ends_with(|c: char| c.is_ascii_digit()));
    day_first || month_first
}

/// The dates of one header line: the first range or "since" date, else a lone date that ends
/// the line (or is followed only by a place: "Summer 2024 · Chicago, IL").
fn line_dates(line: &str, as_of: YearMonth) -> Option<Dates> {
    // Every date found has a year, read as ASCII digits: a line without one has none.
    if !super::has_ascii_digit(line) {
        return None;
    }
    let mut lone = None;
    for c in date_matches(line) {
        let all = c.all();
        let start = parse_side(c.text("start"), as_of);
        let Some(start) = start else { continue };
        if let Some(e) = range_end(&c, &start) {
            let raw = e.as_str().to_lowercase();
            let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            let (end, current) = if lower_in(&LEX.data.present, &raw) {
                (None, true)
            } else if raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
                // "2017-19": the end's century is the start's.
                let (Some(y), None) = (start.year, start.month) else {
                    continue;
                };
                let n: i32 = raw.parse().unwrap_or(0);
                let mut year = y - y % 100 + n;
                if year < y {
                    year += 100;
                }
                // "1985-66" is a slip, not a job until 2066: an end in the next century that
                // is still to come reads as no range.
                if year > as_of.year + 1 {
                    continue;
                }
                (
                    Some(Side {
                        year: Some(year),
                        month: None,
                        end_month: None,
                        season: false,
                    }),
                    false,
                )
            } else {
                match parse_side(e.as_str(), as_of) {
                    Some(s) if s.year.is_some() => (Some(s), false),
                    _ => continue,
                }
            };
            // "Jan – Mar 2019": the start takes the end's year.
            let start_year = match (start.year, end.and_then(|e| e.year)) {
                (Some(y), _) => y,
                (None, Some(y)) => y,
                (None, None) => continue,
            };
            if start.year.is_none() && current {
                continue;
            }
            return Some(Dates {
                range: all.range(),
                start: YearMonth {
                    year: start_year,
                    month: start.month,
                },
                end: end.map(|e| YearMonth {
                    year: e.year.unwrap_or(start_year),
                    month: e.end_month,
                }),
                current,
                single: false,
            });
        }
        let Some(year) = start.year else { continue };
        // A lone date written with its day ("Date of Birth: 12 March 1989", "Issued 3 May
        // 2021") is no entry's: a job's dates are months.
        if written_with_day(c.text("start")) {
            continue;
        }
        // Nor is a year still to come ("Officer in Charge of a Navigational Watch, valid until
        // 2027", "Expected graduation 2028").
        if year > as_of.year {
            continue;
        }
        let ym = YearMonth {
            year,
            month: start.month,
        };
        // "Since 2020"; and a dash with nothing after it but the line's end or a wide gap, a
        // range open to now, as academic CVs write a current post ("2023 –            Senior
        // Lecturer", "2020 –").
        let since = c.name("since").is_some();
        if since || (!start.season && open_dash(&line[all.end()..])) {
            return Some(Dates {
                range: all.range(),
                start: ym,
                end: None,
                current: true,
                single: true,
            });
        }
        // A lone date counts only when it ends the line or only a place follows it, or when it
        // opens the line before a dash ("Summer 2017 — Software Engineering Intern at Dropbox",
        // among "2020 – 2023 — Senior Engineer at Airtable" entries) or a run of spaces
        // ("2018 (6 months)      Intern – Worldline, Lyon") and a title.
        // Once a lone date is kept only a range can follow (read above).
        if lone.is_some() {
            continue;
        }
        // What is read around a date is bounded (`LINE_REACH` bytes each side): a flattened
        // document is one huge line of dates, and reading all of it for each was quadratic.
        let (near, whole) = near_date(line, all.range());
        let after = &line[all.end()..near.end];
        let rest = line[all.end()..].trim_matches(|c: char| !c.is_alphanumeric());
        // What follows is read only when it is a header's length.
        let short = whole && after.split_whitespace().nth(12).is_none();
        let opens = short && line[..all.start()].trim().is_empty() && opens_entry(after);
        // Or when it closes a bracket after a role, before a dash and the description
        // ("Co-op Student, AECOM (summer 2013) — Survey and drafting support").
        let before = &line[near.start..all.start()];
        let bracketed = before.trim_end().ends_with('(')
            && after.trim_start().strip_prefix(')').is_some_and(|r| {
                let r = r.trim_start();
                r.starts_with(['—', '–']) || r.starts_with("- ")
            })
            && has_role_noun(last_words(before, 12));
        if !(rest.is_empty() || (short && only_places(after)) || opens || bracketed) {
            continue;
        }
        // A year right after a short word in lower case is a sentence's ("Second in Department
        // from 2019)", "promoted in 2021"), not an entry's date; so is one after any word in
        // lower case inside brackets ("Senior Consultant (promoted October 2022)").
        let in_brackets = before
            .rfind('(')
            .is_some_and(|o| before.rfind(')').is_none_or(|c| c < o));
        if before.split_whitespace().next_back().is_some_and(|w| {
            let w = if in_brackets { w.trim_start_matches('(') } else { w };
            !w.is_empty() && (w.len() <= 4 || in_brackets) && w.chars().all(|c| c.is_ascii_lowercase())
        }) {
            continue;
        }
        // "2008-11" alone is a range of years when it can be one (2008–2011), else a month.
        if let Some((y, m)) = iso_month(c.text("start"))
            && c.text("start").contains('-')
            && i32::from(m) >= y % 100
        {
            lone = Some(Dates {
                range: all.range(),
                start: YearMonth { year: y, month: None },
                end: Some(YearMonth {
                    year: y - y % 100 + i32::from(m),
                    month: None,
                }),
                current: false,
                single: false,
            });
            continue;
        }
        let end = if start.season {
            YearMonth {
                year,
                month: start.end_month,
            }
        } else {
            ym
        };
        lone = Some(Dates {
            range: all.range(),
            start: ym,
            end: Some(end),
            current: false,
            single: true,
        });
    }
    lone
}

/// The part of `line` read around the date at `date`: up to `LINE_REACH` bytes either side
/// (at character boundaries); and whether that is all of the line after the date.
fn near_date(line: &str, date: Range<usize>) -> (Range<usize>, bool) {
    use crate::input::floor_char_boundary;
    let from = floor_char_boundary(line, date.start.saturating_sub(super::LINE_REACH));
    let to = floor_char_boundary(line, (date.end + super::LINE_REACH).min(line.len()));
    (from..to.max(date.end), to >= line.len())
}

/// Whether the text after a date is a dash then the line's end, a tab or a run of spaces
/// ("2019 –", "2019 –      Lecturer"): the date opens a range that is still running. A dash then
/// one space and words is a single date's ("Summer 2017 — Intern at Dropbox").
fn open_dash(after: &str) -> bool {
    let a = after.trim_start_matches([' ', '\u{a0}']);
    let Some(b) = a.strip_prefix(['–', '—', '-']) else {
        return false;
    };
    let b = b.trim_start_matches(['–', '—', '-']);
    b.trim().is_empty() || b.starts_with("  ") || b.starts_with('\t') || b.starts_with(" \t")
}

/// Whether a line opens with a digit or a word of `present` ("Present", "2021", "Mar 2021").
fn starts_with_end(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(|c: char| c.is_ascii_digit())
        || raw_words(t).next().is_some_and(|w| {
            let w = w.to_lowercase();
            lower_in(&LEX.data.present, &w) || is_month_word(&w)
        })
}

/// Whether the text after a date opening a line reads as an entry's header: a dash or a run of
/// spaces (after a duration in brackets, "(6 months)"), then a few words with a role noun.
fn opens_entry(after: &str) -> bool {
    let mut a = after;
    if let Some(rest) = a.trim_start().strip_prefix('(')
        && let Some((inside, rest)) = rest.split_once(')')
        && is_duration(&words_of(inside))
    {
        a = rest;
    }
    let dash = a.starts_with(' ') && a.trim_start().starts_with(['–', '—', '-']);
    let body = a.trim_start_matches(|c: char| c.is_whitespace() || "–—-".contains(c));
    (dash || a.starts_with("  ")) && body.split_whitespace().nth(12).is_none() && has_role_noun(body)
}

/// The last `n` words or so of `s` (runs of spaces count as more than one), read from its end.
fn last_words(s: &str, n: usize) -> &str {
    s.rmatch_indices(char::is_whitespace)
        .nth(n)
        .map_or(s, |(i, _)| &s[i..])
}

/// Whether `s` holds places and nothing else ("· Chicago, IL", "| Remote").
fn only_places(s: &str) -> bool {
    let p = pieces(s, 0..s.len(), None);
    !p.is_empty() && p.iter().all(|x| x.class == Class::Place)
}

/// What a résumé heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Experience,
    Excluded,
    Other,
}

/// The words of `s` as written: runs of letters, digits and apostrophes.
fn raw_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// Appends `w` to `out` in lower case, with a straight apostrophe.
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        // Nothing to straighten, and ASCII lower case is the whole of it.
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&w.replace('’', "'").to_lowercase());
    }
}

/// Lower-case words, joined by single spaces.
fn words_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    words_into(s, &mut out);
    out
}

/// [`words_of`] `s`, written over `out` (to reuse its allocation).
fn words_into(s: &str, out: &mut String) {
    out.clear();
    for w in raw_words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(out, w);
    }
}

/// The kind of a résumé heading line, if it is one: a line that is just a known heading
/// ("Work History", "EDUCATION:", "## Experience"), or a short heading-looking line holding
/// one (the longest phrase wins: "Volunteer Experience" is not experience).
/// `buf` holds the line's words (one buffer for every line of a text).
fn heading(line: &str, next: Option<&str>, buf: &mut String) -> Option<Kind> {
    // A heading a PDF copied with its letters spaced ("W O R K   E X P E R I E N C E"): read
    // with the letters joined into its words.
    if let Some(joined) = unspaced(line) {
        return heading(&joined, next, buf);
    }
    let t = line.trim().trim_start_matches('#').trim();
    let t = t
        .trim_matches(|c: char| c == '*' || c == '_' || c == '=' || c == ':')
        .trim();
    if t.is_empty() || t.len() > 60 || super::has_ascii_digit(t) || is_bullet(t) {
        return None;
    }
    words_into(t, buf);
    let w = buf.as_str();
    let n = w.split(' ').count();
    if n > 6 {
        return None;
    }
    let headings = &*HEADINGS;
    if headings.may_be(w)
        && let Some(&kind) = headings.exact.get(w)
    {
        return Some(kind);
    }
    // A heading with a qualifier in brackets ("Freelance projects (selected)", "Work History
    // (last 10 years)") or in two languages ("Ausbildung / Education", "ESPERIENZA /
    // EXPERIENCE"): a part that is a heading names the section.
    let bare = match t.split_once('(') {
        Some((head, _)) if t.ends_with(')') => head.trim(),
        _ => t,
    };
    if bare.len() < t.len() || bare.contains(" / ") {
        let kind = bare.split(" / ").take(2).find_map(|part| {
            let part = words_of(part);
            headings.exact.get(part.as_str()).copied()
        });
        let capitalised = bare
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
        if let Some(kind) = kind
            && (capitalised || bare.split(" / ").count() == 1)
            && !has_role_noun(bare)
        {
            return Some(kind);
        }
    }
    // The phrase must be most of the line ("Volunteer Experience & Leadership"), not one word
    // of a company's name: every run of at least half the line's words is looked up, and the
    // longest phrase wins (on a tie, the one listed last). The lookups come before the
    // costlier checks of the line's look, which only matter when a phrase is found.
    // Word starts (at most six words).
    let mut starts = [0; 6];
    for (k, (i, _)) in w.match_indices(' ').enumerate() {
        starts[k + 1] = i + 1;
    }
    let starts = &starts[..n];
    let mut best: Option<(usize, usize, Kind)> = None;
    for (a, &from) in starts.iter().enumerate() {
        for b in a + 1..=n {
            if 2 * (b - a) < n || b - a > headings.max_words {
                continue;
            }
            let to = starts.get(b).map_or(w.len(), |&e| e - 1);
            if headings.may_be(&w[from..to])
                && let Some(&(kind, order)) = headings.phrases.get(&w[from..to])
                && best.is_none_or(|(len, o, _)| (to - from, order) > (len, o))
            {
                best = Some((to - from, order, kind));
            }
        }
    }
    let (_, _, kind) = best?;
    let looks = is_text_heading(line.trim(), next)
        || (n <= 4 && t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
    if !looks || has_role_noun(t) || lower_in(&LEX.data.company_suffixes, &last_word(t)) {
        return None;
    }
    Some(kind)
}

/// A line written in spaced letters ("E D U C A T I O N", "W O R K   E X P E R I E N C E": one
/// space between letters, more between words), with its letters joined into words ("WORK
/// EXPERIENCE"); `None` for any other line. At least four letters and no word of two, so
/// "A B Testing" or "Q & A" is left as written.
pub(crate) fn unspaced(line: &str) -> Option<String> {
    let t = line.trim();
    // The first word is one letter or sign and a space follows it: a look at two characters
    // turns most lines away before the whole line is read.
    let mut head = t.chars();
    let first_is_letter = head
        .next()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, '&' | '-' | '/' | ':'));
    if !first_is_letter || head.next() != Some(' ') || t.len() > 120 {
        return None;
    }
    let mut letters = 0;
    for w in t.split(' ').filter(|w| !w.is_empty()) {
        let mut cs = w.chars();
        let c = cs.next()?;
        if cs.next().is_some() || !(c.is_alphabetic() || matches!(c, '&' | '-' | '/' | ':')) {
            return None;
        }
        letters += usize::from(c.is_alphabetic());
    }
    if letters < 4 {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    for (k, word) in t.split("  ").filter(|w| !w.trim().is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| *c != ' '));
    }
    Some(out)
}

/// The heading phrases, as [`heading`] looks them up.
struct Headings {
    /// Every phrase with the kind of the first list holding it, for a line that is just the
    /// phrase.
    exact: FastMap<&'static str, Kind>,
    /// Every phrase in its words form, with its kind and its place in the lists.
    phrases: FastMap<&'static str, (Kind, usize)>,
    /// `shapes[len][byte]`: some phrase is `len` bytes long and starts with `byte` (a check
    /// cheaper than hashing, which most lines fail).
    shapes: Vec<[bool; 256]>,
    /// The most words in a phrase of `phrases`.
    max_words: usize,
}

impl Headings {
    /// Whether `s` has the length and first byte of some phrase.
    fn may_be(&self, s: &str) -> bool {
        let first = s.as_bytes().first().map_or(0, |&b| usize::from(b));
        self.shapes.get(s.len()).is_some_and(|t| t[first])
    }
}

static HEADINGS: LazyLock<Headings> = LazyLock::new(|| {
    let lists = [
        (&LEX.data.experience_headings, Kind::Experience),
        (&LEX.data.excluded_headings, Kind::Excluded),
        (&LEX.data.other_headings, Kind::Other),
    ];
    let all = || {
        lists
            .iter()
            .flat_map(|(list, kind)| list.iter().map(move |p| (p.as_str(), *kind)))
    };
    let mut exact = FastMap::default();
    let mut phrases = FastMap::default();
    let mut shapes = Vec::new();
    for (order, (p, kind)) in all().enumerate() {
        exact.entry(p).or_insert(kind);
        // A phrase with other characters than words and single spaces never stands in a
        // line's words.
        if words_of(p) == p {
            phrases.insert(p, (kind, order));
        }
        if shapes.len() <= p.len() {
            shapes.resize(p.len() + 1, [false; 256]);
        }
        shapes[p.len()][p.as_bytes().first().map_or(0, |&b| usize::from(b))] = true;
    }
    let max_words = phrases.keys().map(|p| p.split(' ').count()).max().unwrap_or(0);
    Headings {
        exact,
        phrases,
        shapes,
        max_words,
    }
});

/// Whether a lower-case word (or pair of words) is an English role noun of a work history: one
/// of titles.toml or of positions.toml's `role_nouns` ("chief", "ncoic").
fn is_english_role_noun(w: &str) -> bool {
    is_role_noun(w) || lower_in(&LEX.data.role_nouns, w)
}

/// Whether a lower-case word (or pair of words) is a role noun: an English one, one of the
/// work-history ones in other languages ("desarrollador", "chargée") or a German compound
/// ending in one of `role_suffixes` ("softwareentwicklerin", "teamleiter").
fn is_cv_role_noun(w: &str) -> bool {
    let d = &LEX.data;
    is_english_role_noun(w)
        || lower_in(&d.foreign_role_nouns, w)
        || d.role_suffixes
            .iter()
            .any(|x| w.len() >= x.len() + 4 && w.ends_with(x.as_str()) && !w.contains(' '))
}

/// Whether `s` holds a role noun (one word, two or three) or an internship word.
pub(crate) fn has_role_noun(s: &str) -> bool {
    role_noun_in(s, is_cv_role_noun)
}

/// Whether `s` holds an English role noun (one word, two or three), an internship word or a rank: an
/// English title, where [`has_role_noun`] also takes other languages' role nouns.
fn has_english_role_noun(s: &str) -> bool {
    role_noun_in(s, is_english_role_noun)
}

fn role_noun_in(s: &str, is_noun: fn(&str) -> bool) -> bool {
    let w = words_of(s);
    // A pair of words is the slice of `w` from the first's start to the second's end; so is
    // a run of three ("lập trình viên", "youth service corps").
    let (mut prev, mut before) = (None, None);
    let mut at = 0;
    for word in w.split(' ') {
        let end = at + word.len();
        if is_noun(word)
            || prev.is_some_and(|p| is_noun(&w[p..end]))
            || before.is_some_and(|p| is_noun(&w[p..end]))
        {
            return true;
        }
        before = prev;
        prev = Some(at);
        at = end + 1;
    }
    WORD_LISTS.internship_or_rank.in_words(&w)
}

/// Whether a title in its [`words_of`] form names an internship: an internship word, but not
/// a salaried training post ("Core Medical Trainee").
fn names_internship(w: &str) -> bool {
    let l = &*WORD_LISTS;
    if !l.internship_set.in_words(w) {
        return false;
    }
    // An internship word counts unless a salaried post's name holds it ("Management Trainee"
    // is a job, "Management Trainee Intern" an internship).
    l.internship.iter().any(|i| {
        contains_word(w, i)
            && !l
                .salaried_trainees
                .iter()
                .any(|t| contains_word(w, t) && contains_word(t, i))
    })
}

/// Whether `w` (in its [`words_of`] form) is a pay grade: a grade's letters, then numbers
/// ("e 7", "gs 2210 12").
fn is_pay_grade(w: &str) -> bool {
    let mut ws = w.split(' ');
    ws.next().is_some_and(|g| lower_in(&LEX.data.pay_grades, g))
        && w.contains(' ')
        && ws.all(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

/// Cue lists in their [`words_of`] form, as they are compared.
/// Phrases looked up by the words of a text instead of searched for one by one (a search per
/// phrase per title was a tenth of a résumé's reading): `in_words(w)` is
/// `phrases.iter().any(|p| contains_word(w, p))`.
struct WordPhrases {
    /// The phrases that open and close with a letter or digit, looked up by their words.
    set: FastSet<String>,
    /// The most runs of letters and digits in one of them.
    max_runs: usize,
    /// The others, searched for.
    odd: Vec<String>,
}

impl WordPhrases {
    fn new<'a>(phrases: impl IntoIterator<Item = &'a String>) -> WordPhrases {
        let mut w = WordPhrases {
            set: FastSet::default(),
            max_runs: 0,
            odd: Vec::new(),
        };
        for p in phrases {
            let alnum_ends = p.starts_with(char::is_alphanumeric) && p.ends_with(char::is_alphanumeric);
            if alnum_ends {
                let runs = p
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|r| !r.is_empty())
                    .count();
                w.max_runs = w.max_runs.max(runs);
                w.set.insert(p.clone());
            } else {
                w.odd.push(p.clone());
            }
        }
        w
    }

    /// Whether one of the phrases stands in `w` between word boundaries: a phrase that opens
    /// and closes with a letter or digit stands there exactly when it equals the text from the
    /// start of one run of letters and digits to the end of another.
    fn in_words(&self, w: &str) -> bool {
        let mut runs: Vec<Range<usize>> = Vec::new();
        let mut start = None;
        for (i, c) in w.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push(s..w.len());
        }
        (0..runs.len()).any(|i| {
            runs[i..]
                .iter()
                .take(self.max_runs)
                .any(|last| self.set.contains(&w[runs[i].start..last.end]))
        }) || self.odd.iter().any(|p| contains_word(w, p))
    }
}

struct WordLists {
    /// `internship`, looked up.
    internship_set: WordPhrases,
    /// `internship` and `ranks`, looked up.
    internship_or_rank: WordPhrases,
    internship: Vec<String>,
    salaried_trainees: Vec<String>,
    education: Vec<String>,
    gaps: Vec<String>,
}

static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(|| {
    let internship: Vec<String> = LEX.data.internship.iter().map(|w| words_of(w)).collect();
    let ranks: Vec<String> = LEX.data.ranks.iter().map(|w| words_of(w)).collect();
    WordLists {
        internship_set: WordPhrases::new(&internship),
        internship_or_rank: WordPhrases::new(internship.iter().chain(&ranks)),
        internship,
        salaried_trainees: LEX.data.salaried_trainees.iter().map(|w| words_of(w)).collect(),
        education: LEX.data.education_words.iter().map(|w| words_of(w)).collect(),
        gaps: LEX.data.gaps.iter().map(|w| words_of(w)).collect(),
    }
});

/// What came right before a part of a header line.
#[derive(Debug, Clone, Copy, Default)]
struct After {
    /// "at" or "@".
    at: bool,
    comma: bool,
    /// An opening bracket.
    bracket: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Title,
    Company,
    Place,
    Unknown,
}

/// A piece of a header line.
#[derive(Debug, Clone)]
struct Piece {
    range: Range<usize>,
    class: Class,
    /// An unknown piece right after a title and a comma ("Engineering Manager, Merchant
    /// Platform", "Registered Nurse, Medical ICU"): a team or unit as often as an employer, so
    /// the company only when no other piece can be.
    qualifier: bool,
    /// Whether a comma comes right before it, or it comes after the dates on the dated line
    /// (a town or a description: "Project Engineer, WSP Canada (2017–2021) — Edmonton, AB").
    comma: bool,
}

static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||\t|\s{2,}|\s[-–—]+\s|[–—]|,|;|•|·|\(|\)|\[|\]|(?P<at>\s@\s*|\sat\s))\s*")
        .expect("the separator pattern is valid")
});

/// [`SEPARATORS`] for a line a PDF copied with two spaces between its words ("Design  Engineer
/// –  Ashok  Leyland  Ltd .                Aug  2020"): a column gap is four spaces or more.
static SEPARATORS_WIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||\t|\s{4,}|\s[-–—]+\s|[–—]|,|;|•|·|\(|\)|\[|\]|(?P<at>\s@\s*|\sat\s))\s*")
        .expect("the separator pattern is valid")
});

/// Whether every gap between the words of `s` is two spaces or more, at least three gaps (a
/// line a PDF copied with its words spread: "Design  Engineer  –  Ashok  Leyland  Ltd .").
fn double_spaced(s: &str) -> bool {
    let s = s.trim();
    let mut gaps = 0;
    for (i, _) in s.match_indices(' ') {
        let b = s.as_bytes();
        // (A space before a full stop or comma is the PDF's too: "Ltd .", "Chennai ,".)
        let single = i > 0
            && b[i - 1] != b' '
            && b.get(i + 1)
                .is_some_and(|&c| c != b' ' && !matches!(c, b'.' | b','));
        if single {
            return false;
        }
        if b[i - 1] != b' ' {
            gaps += 1;
        }
    }
    gaps >= 3
}

/// [`SEPARATORS`] and a slash between spaces, for a résumé that writes "Company / Title" (see
/// [`slash_layout`]).
static SEPARATORS_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||\t|\s{2,}|\s[-–—]+\s|[–—]|,|;|•|·|\(|\)|\[|\]|\s/\s|(?P<at>\s@\s*|\sat\s))\s*")
        .expect("the separator pattern is valid")
});

/// Whether the header lines (each without its dates) write "Company / Title", as Korean,
/// Japanese and Vietnamese CVs do ("2021.03 ~ Present   Kakao Bank / Backend Engineer"): two
/// lines or more with a piece whose part before " / " names no role and whose part after it
/// does. One such line alone is more often two titles or a tool and a title ("Server / Shift
/// Lead", "Forklift / Powered Industrial Truck Operator"), and keeps its slash.
fn slash_layout<'a>(headers: impl Iterator<Item = &'a str>) -> bool {
    let mut n = 0;
    for h in headers {
        let found = SEPARATORS.split(h).any(|piece| {
            piece.split_once(" / ").is_some_and(|(l, r)| {
                let l = l.trim();
                !l.is_empty() && !l.contains('/') && capitalised(l) && !has_role_noun(l) && has_role_noun(r)
            })
        });
        n += usize::from(found);
        if n >= 2 {
            return true;
        }
    }
    false
}

/// Whether a piece (in its [`words_of`] form) opens with a word (or two) that names a kind of
/// employer ("hotel alfonso xiii", "grupo bimbo", "công ty cổ phần vinamilk") and goes on: the
/// caller has found no role noun in it.
fn opens_employer(w: &str) -> bool {
    let mut ws = w.splitn(3, ' ');
    let (Some(first), Some(second)) = (ws.next(), ws.next()) else {
        return false;
    };
    let openers = &LEX.data.company_openers;
    lower_in(openers, first)
        || (ws.next().is_some() && lower_in(openers, &w[..first.len() + 1 + second.len()]))
}

/// Whether `s` opens with a role noun and a preposition ("Ingeniero de Software", "Head of
/// Technology"): a title, though its last word is a company suffix.
fn role_of(s: &str) -> bool {
    let mut ws = s.split_whitespace();
    let (Some(first), Some(second)) = (ws.next(), ws.next()) else {
        return false;
    };
    ws.next().is_some()
        && ["of", "de", "do", "da", "für", "en"].contains(&second)
        && is_cv_role_noun(&words_of(first))
}

/// Trims a piece's range of spaces, stray punctuation and Markdown marks.
fn trim_piece(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let junk = |c: char| c.is_whitespace() || "*_#:-–—|,;/".contains(c);
    let lead = s.len() - s.trim_start_matches(junk).len();
    let body = s.trim_matches(junk);
    // A numbered list's number ("1. HCL Technologies Ltd, Noida (Feb 2020 - Present)").
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let number = (1..=2).contains(&digits)
        && body[digits..].starts_with(['.', ')'])
        && body[digits + 1..].starts_with(char::is_whitespace)
        && body[digits + 1..].trim_start().starts_with(char::is_alphabetic);
    let (lead, body) = if number {
        let rest = body[digits + 1..].trim_start();
        (lead + body.len() - rest.len(), rest)
    } else {
        (lead, body)
    };
    // A LaTeX command around the piece ("\textbf{Intel Technology Poland}", moderncv).
    let (lead, body) = match crate::extract::education::latex_argument(body) {
        Some(arg) => {
            let arg = arg.strip_suffix('}').unwrap_or(arg);
            (
                lead + body.len() - body.trim_start_matches(|c| c != '{').len() + 1,
                arg,
            )
        }
        None => (lead, body),
    };
    r.start + lead..r.start + lead + body.len()
}

/// The length of a lead-in of `role_lead_ins` (and "a " or "an ") opening `s` before a
/// capitalised word, if `s` opens with one.
fn lead_in_of(s: &str) -> Option<usize> {
    let head = |s: &str, p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let p = LEX
        .data
        .role_lead_ins
        .iter()
        .find(|p| head(s, p) && s[p.len()..].starts_with(' '))?;
    let mut n = p.len() + 1;
    for article in ["a ", "an "] {
        if head(&s[n..], article) {
            n += article.len();
            break;
        }
    }
    s[n..].starts_with(char::is_uppercase).then_some(n)
}

/// The last of [`words_of`] `s` (lower-casing a word never adds a space).
fn last_word(s: &str) -> String {
    let mut out = String::new();
    if let Some(w) = raw_words(s).next_back() {
        push_lower(&mut out, w);
    }
    out
}

fn is_place_code(s: &str) -> bool {
    let letters = s.trim_matches('.');
    (2..=3).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// What a field label says of the value after it (see `company_labels` in positions.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Company,
    Title,
    Prose,
}

/// The label `s` is, in its [`words_of`] form `w`, if any.
fn label_of(w: &str) -> Option<Label> {
    let d = &LEX.data;
    if lower_in(&d.company_labels, w) {
        Some(Label::Company)
    } else if lower_in(&d.title_labels, w) {
        Some(Label::Title)
    } else if lower_in(&d.prose_labels, w) {
        Some(Label::Prose)
    } else {
        None
    }
}

/// Cuts `range` of `text` (without the dates at `skip`) into classified pieces.
fn pieces(text: &str, range: Range<usize>, skip: Option<Range<usize>>) -> Vec<Piece> {
    pieces_with(text, range, skip, &SEPARATORS)
}

/// [`pieces`], cut at `separators`.
fn pieces_with(
    text: &str,
    range: Range<usize>,
    skip: Option<Range<usize>>,
    separators: &Regex,
) -> Vec<Piece> {
    // Spread words are read on the line's first column, before its dates or a gap of four
    // spaces or more ("Goldman  Sachs  &  Co.  LLC          New York, NY", "Vice  President,
    // Equity  Research          Jul 2021 – Present"): a town or dates a PDF kept single-spaced
    // in another column do not count.
    let first_column = || {
        let end = skip
            .as_ref()
            .filter(|d| d.start > range.start && d.end <= range.end)
            .map_or(range.end, |d| d.start);
        let s = text[range.start..end].trim();
        double_spaced(s.split("    ").next().unwrap_or(s))
    };
    let separators: &Regex = if double_spaced(&text[range.clone()]) || first_column() {
        &SEPARATORS_WIDE
    } else {
        separators
    };
    // Each part with what came before it: "at" or "@", a comma, an opening bracket.
    let mut parts: Vec<(Range<usize>, After)> = Vec::new();
    let cut = |from: usize, to: usize, parts: &mut Vec<(Range<usize>, After)>| {
        let mut after = After::default();
        let mut last = from;
        for c in separators.captures_iter(&text[from..to]) {
            let m = c.get(0).expect("group 0");
            // An en dash between two letters joins a name ("University of Wisconsin–Madison"),
            // not a title and its employer ("Data Analyst–Acme Corp").
            let (a, b) = (from + m.start(), from + m.end());
            if m.as_str() == "–"
                && text[..a].chars().next_back().is_some_and(char::is_alphabetic)
                && text[b..].chars().next().is_some_and(char::is_alphabetic)
                && !has_role_noun(&text[last..a])
                && !has_role_noun(text[b..to].split([',', '|', '(', '\t']).next().unwrap_or(""))
            {
                continue;
            }
            // "Hotel Cairo at Nile Plaza": "at" after two or more capitalised words that name
            // no role joins a name, not a title and its employer ("Engineer at Google"). (A
            // name is short: a longer run before it is read no further.)
            if c.name("at").is_some() && m.as_str().trim() == "at" && a - last <= 80 && {
                let before = text[last..a].trim();
                let after = text[b..to].trim_start();
                before.split_whitespace().nth(1).is_some()
                    && before
                        .split_whitespace()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && after.starts_with(char::is_uppercase)
                    && !has_role_noun(before)
                    && !lower_in(&LEX.data.self_employed, &words_of(before))
            } {
                continue;
            }
            parts.push((last..from + m.start(), after));
            let sep = m.as_str().trim();
            after = After {
                at: c.name("at").is_some(),
                comma: sep == ",",
                bracket: sep == "(",
            };
            last = from + m.end();
        }
        parts.push((last..to, after));
    };
    let dates_end = skip.as_ref().map(|s| s.end);
    match skip {
        Some(s) => {
            cut(range.start, s.start, &mut parts);
            cut(s.end, range.end, &mut parts);
        }
        None => cut(range.start, range.end, &mut parts),
    }
    let d = &LEX.data;
    // "Designation : Assistant Manager - HR" (Naukri): a labelled title runs on across a dash
    // to a short area with no company suffix; cut there, the area was read as the employer.
    let mut joined: Vec<(Range<usize>, After)> = Vec::with_capacity(parts.len());
    for (r, after) in parts {
        if let Some((prev, _)) = joined.last_mut() {
            let s = &text[prev.clone()];
            let titled = s.split_once(':').is_some_and(|(head, rest)| {
                !rest.trim().is_empty() && label_of(&words_of(head)) == Some(Label::Title)
            });
            let sep = text[prev.end..r.start].trim();
            let next = text[r.clone()].trim();
            if titled
                && matches!(sep, "-" | "–" | "—")
                && !next.is_empty()
                && next.split_whitespace().count() <= 3
                && !next.contains(':')
                && !lower_in(&d.company_suffixes, &last_word(next))
                && !ends_in_suffix(next)
            {
                prev.end = r.end;
                continue;
            }
        }
        joined.push((r, after));
    }
    let parts = joined;
    let mut out: Vec<Piece> = Vec::new();
    // A label alone ("company - Infosys Limited") names the next piece.
    let mut labelled: Option<Label> = None;
    // After a prose label ("Duties: teaching Forms 2–4, head of department since 2022") the
    // rest of the line is running text.
    let mut prose = false;
    for (
        r,
        After {
            at: after_at,
            comma: after_comma,
            bracket,
        },
    ) in parts
    {
        if prose {
            continue;
        }
        let mut r = trim_piece(text, r);
        let s = &text[r.clone()];
        if s.is_empty() || !s.chars().any(char::is_alphabetic) {
            continue;
        }
        let mut w = words_of(s);
        // (A range's opening word alone: "De juin 2018 à février 2021".)
        if is_duration(&w) || is_pay_grade(&w) || lower_in(&LEX.data.range_openers, &w) {
            continue;
        }
        // (Not the placeholder a résumé dataset puts for the employer's name, written as a
        // name and closing its line: "Company Name － City , State".)
        let placeholder = lower_in(&d.anonymised_employers, &w)
            && capitalised(s)
            && text[r.end..range.end]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| c != ':');
        if !placeholder && let Some(label) = label_of(&w) {
            labelled = Some(label);
            continue;
        }
        // "Company: Acme Corp": the label before a colon names the rest.
        let mut label = labelled.take();
        if let Some((head, _)) = s.split_once(':')
            && let Some(l) = label_of(&words_of(head))
        {
            label = Some(l);
            r = trim_piece(text, r.start + head.len() + 1..r.end);
            w = words_of(&text[r.clone()]);
        } else if label.is_none()
            && let Some((head, rest)) = s.split_once(": ")
            && !rest.trim().is_empty()
            && head.split_whitespace().nth(2).is_none()
            && has_role_noun(head)
        {
            // "NYSC: Lagos State Internal Revenue Service": a short role before a colon is the
            // title, the rest the next piece.
            out.push(Piece {
                range: trim_piece(text, r.start..r.start + head.len()),
                class: Class::Title,
                qualifier: false,
                comma: false,
            });
            r = trim_piece(text, r.start + head.len() + 1..r.end);
            w = words_of(&text[r.clone()]);
        }
        // A lead-in before the role ("Working as PGT Mathematics at Delhi Public School",
        // "Worked as a Sales Executive"): the role starts after it, with a capital. (After a
        // prose label, `role_after_as` reads it.)
        if label.is_none()
            && let Some(n) = lead_in_of(&text[r.clone()])
        {
            r.start += n;
            w = words_of(&text[r.clone()]);
        }
        let s = &text[r.clone()];
        match label {
            Some(Label::Prose) => {
                prose = true;
                // "description - Worked as Trainee Software Engineer from July 2017 …": the
                // capitalised role after "as" is the title.
                if let Some(t) = role_after_as(text, r.clone()) {
                    out.push(Piece {
                        range: t,
                        class: Class::Title,
                        qualifier: false,
                        comma: false,
                    });
                }
                continue;
            }
            Some(l) if !s.is_empty() => {
                let class = if l == Label::Company {
                    Class::Company
                } else {
                    Class::Title
                };
                out.push(Piece {
                    range: r,
                    class,
                    qualifier: false,
                    comma: false,
                });
                continue;
            }
            _ if s.is_empty() => continue,
            _ => {}
        }
        // "Acme, Inc.": the suffix joins the piece before it (but "Golden, CO" is a place).
        let state = s.len() == 2 && is_place_code(s);
        if !state
            && (lower_in(&d.company_suffixes, &w) || ends_in_suffix(s))
            && s.split_whitespace().nth(1).is_none()
            && let Some(prev) = out.last_mut()
        {
            prev.range.end = r.end;
            prev.class = Class::Company;
            // "Tesla (Shanghai) Co., Ltd.": the name in brackets goes on the name before it.
            let n = out.len();
            if n >= 2
                && text[..out[n - 1].range.start].trim_end().ends_with('(')
                && out[n - 2].class == Class::Unknown
            {
                let end = out[n - 1].range.end;
                out.pop();
                let name = out.last_mut().expect("two pieces");
                name.range.end = end;
                name.class = Class::Company;
                name.qualifier = false;
            }
            continue;
        }
        // "Department of Homeland Security, CISA": an acronym of four to six capitals after an
        // employer and a comma is its agency's, part of the name (a shorter one is a place's
        // code: "Acme Corp, NYC").
        if after_comma
            && (4..=6).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_uppercase())
            && !crate::extract::location::is_region(s)
            && let Some(prev) = out.last_mut()
            && prev.class == Class::Company
        {
            prev.range.end = r.end;
            continue;
        }
        // "Department of the Army, U.S. Army Cyber Command": a government department's unit
        // after it and a comma, named by a unit's last word (`agency_units`: "Command",
        // "Division"), is part of the employer's name. So is a division after any employer
        // that opens its line ("U.S. Army, 82nd Airborne Division", "Samsung Electronics,
        // Memory Division"; not "Engineer, Payments Division", a unit after a title).
        // So is a team or department glued to its ending in a script written without spaces
        // ("삼성전자, 클라우드플랫폼팀", above the title).
        let glued = glued_division(s);
        if after_comma
            && s.split_whitespace().nth(5).is_none()
            && capitalised(s)
            && !has_role_noun(s)
            && (glued || lower_in(&d.agency_units, &last_word(s)))
            && let Some(prev) = out.last_mut()
            && matches!(prev.class, Class::Company | Class::Unknown)
            && !prev.qualifier
            && ((!glued && words_of(&text[prev.range.clone()]).starts_with("department of "))
                || ((glued || lower_in(&d.divisions, &last_word(s)))
                    && super::last_bytes(&text[..prev.range.start], 64)
                        .rsplit('\n')
                        .next()
                        .is_some_and(|before| before.trim().is_empty())))
        {
            prev.range.end = r.end;
            continue;
        }
        // A partnership's name lists its partners between commas ("Skadden, Arps, Slate,
        // Meagher & Flom LLP"): single capitalised words before a name with "&" or "and" that
        // ends in a legal form are part of it — two or more of them, or one that is not a
        // unit after a title ("Analyst, Berlin, Smith & Jones LLP").
        if ends_in_legal_form(s) && (s.contains(" & ") || s.contains(" and ")) {
            let mut from = r.start;
            let mut names = 0;
            for prev in out.iter().rev() {
                let p = &text[prev.range.clone()];
                if prev.class != Class::Unknown
                    || text[prev.range.end..from].trim() != ","
                    || p.split_whitespace().nth(1).is_some()
                    || !capitalised(p)
                {
                    break;
                }
                from = prev.range.start;
                names += 1;
            }
            if names >= 2 || (names == 1 && out.last().is_some_and(|p| !p.qualifier)) {
                out.truncate(out.len() - names);
                r.start = from;
            }
        }
        // A state code follows a comma ("Boston, MA"); an acronym in brackets is a name's
        // ("RIKEN Center for Advanced Intelligence Project (AIP)").
        // So does a state or country ("INTERSWITCH — Lagos, Nigeria"), and the town before it.
        // A code right after a title is an employer's ("Scrum Master, KPN", "Engineer, IBM")
        // unless it is a known region.
        let after_title = out.last().is_some_and(|p| p.class == Class::Title);
        // A code and a country too ("McLean, VA United States", USAJobs' résumés).
        // A region abbreviated with a full stop ("Medellín, Ant.", "Guadalajara, Jal.").
        let abbreviated = s.strip_suffix('.').is_some_and(|b| {
            (2..=5).contains(&b.chars().count())
                && b.starts_with(char::is_uppercase)
                && b.chars().skip(1).all(char::is_lowercase)
        });
        let code = after_comma
            && (((is_place_code(s) || abbreviated) && !after_title)
                || crate::extract::location::is_region(s)
                || (!after_title
                    && s.split_once(' ').is_some_and(|(code, country)| {
                        is_place_code(code) && crate::extract::location::is_region(country)
                    })));
        // A note in brackets after a title runs on past its commas ("Retail Supervisor
        // (part-time, 20 hrs)", "Pharmacy Dispenser (part-time, weekends)"): all of it is the
        // note, neither the title nor the company.
        let note_goes_on = after_comma && {
            let before = super::last_bytes(&text[..r.start], 64);
            let from = r.start - before.len();
            before.rfind('(').is_some_and(|o| {
                !before[o..].contains([')', '\n'])
                    && out
                        .last()
                        .is_some_and(|p| p.class == Class::Place && p.range.start > from + o)
            })
        };
        let class = if note_goes_on {
            Class::Place
        } else if lower_in(&d.locations, &w) || code {
            if code
                && let Some(prev) = out.last_mut()
                && matches!(prev.class, Class::Unknown | Class::Company)
            {
                // "Wealthsimple Toronto, ON": a listed town after the name and one space is
                // the place, the words before it the name.
                let p = &text[prev.range.clone()];
                if !prev.comma
                    && let Some(at) = town_tail(p)
                {
                    let town = prev.range.start + at..prev.range.end;
                    prev.range.end = trim_piece(text, prev.range.start..prev.range.start + at).end;
                    out.push(Piece {
                        range: town,
                        class: Class::Place,
                        qualifier: false,
                        comma: false,
                    });
                } else if prev.class == Class::Unknown && !names_organisation(p) {
                    prev.class = Class::Place;
                }
            }
            Class::Place
        } else if s.len() >= 4
            && (text[..r.start].trim_end().ends_with(['|', '·']) || dates_end.is_some_and(|e| r.start >= e))
            && crate::extract::location::is_region(s)
        {
            // A country or state after a bar or the dates ("Top Glove Corporation Bhd | Jan
            // 2022 - Present | Malaysia", JobStreet): the place.
            Class::Place
        } else if bracket
            && !after_comma
            && out.last().is_some_and(|p| {
                (p.class == Class::Unknown && !p.qualifier)
                    // An acronym after any name ("African Population and Health Research Center
                    // (APHRC)").
                    || (matches!(p.class, Class::Unknown | Class::Company)
                        && (2..=6).contains(&s.len())
                        && s.chars().all(|c| c.is_ascii_uppercase()))
            })
            && capitalised(s)
            // (A role's initials too when they are the name's: "National Youth Service Corps
            // (NYSC)", or after an employer's name: "KPMG Nigeria (NYSC)", a service year
            // served there.)
            && (!has_role_noun(s)
                || out.last().is_some_and(|p| {
                    initials_of(&text[p.range.clone()], s)
                        || (p.class == Class::Unknown
                            && !p.qualifier
                            && (2..=6).contains(&s.len())
                            && s.chars().all(|c| c.is_ascii_uppercase())
                            && text[p.range.end..r.start].trim() == "(")
                }))
        {
            // A name in brackets after a name is the first's legal or parent name ("Clip
            // (Payclip S.A.P.I. de C.V.)", "Amazon (SAT4 Fulfillment Center)", "Dar
            // Al-Handasah (Shair and Partners)"): a note, neither the title nor the company.
            Class::Place
        } else if after_at
            || (ends_in_suffix(s) && capitalised(s) && !role_of(s))
            || lower_in(&d.self_employed, &w)
        {
            Class::Company
        } else if bracket && !after_comma && has_role_noun(s) {
            // A title translated in brackets ("Contador Senior (Senior Accountant)", "Gerente
            // de Proyectos (Project Manager)"): the words before it are the same title, neither
            // the title nor the company. Not an English title before a note ("Software Engineer
            // (Intern)").
            if let Some(prev) = out.last_mut()
                && (prev.class == Class::Unknown
                    || (prev.class == Class::Title && !has_english_role_noun(&text[prev.range.clone()])))
            {
                prev.class = Class::Place;
            }
            Class::Title
        } else if has_role_noun(s) {
            Class::Title
        } else if w
            .split_once(' ')
            .is_some_and(|(first, rest)| rest.starts_with("of ") && lower_in(&d.company_suffixes, first))
            || opens_employer(&w)
            || (capitalised(s)
                && w.split(' ')
                    .zip(w.split(' ').skip(1))
                    .skip(1)
                    .any(|(a, b)| b == "for" && lower_in(&d.company_suffixes, a)))
        {
            // "University of Michigan", "Bank of Ireland"; "Max Planck Institute for Chemical
            // Energy Conversion", "Broad Institute for …" (a name's suffix word before "for").
            Class::Company
        } else if after_comma && out.last().is_some_and(|p| p.class == Class::Company) {
            // "ZF Friedrichshafen AG, Friedrichshafen", "Alibaba Group, Hangzhou": the town.
            Class::Place
        } else if bracket && after_title {
            // A note in brackets on the title ("Warehouse Associate (Picker/Stower)", "Teacher
            // of Mathematics (BOM)"): neither the title nor the company.
            Class::Place
        } else {
            Class::Unknown
        };
        // A unit named like an employer after an employer and a comma ("University of Warwick,
        // Department of Chemistry") is a note on it, neither the title nor the company.
        let class = if class == Class::Company
            && after_comma
            && lower_in(&d.employer_units, w.split(' ').next().unwrap_or(""))
            && out
                .iter()
                .rev()
                .find(|p| p.class != Class::Place)
                .is_some_and(|p| p.class == Class::Company)
        {
            Class::Place
        } else {
            class
        };
        // A unit named like an employer ("Manager, Technology Consulting" under "Accenture AG,
        // Zurich") is a qualifier too: the entry still looks above for its employer.
        // Not a name ending in a legal form ("Software Engineer, Zalando SE, Berlin"): that is
        // the employer.
        // So is a name right after a title's note in brackets ("Working Student (Werkstudentin)
        // IT Controlling", the employer on the line below).
        let after_note = out
            .iter()
            .rposition(|p| p.class == Class::Title)
            .is_some_and(|t| {
                let gap = text[out[t].range.end..r.start].trim();
                gap.ends_with(')') && gap.matches(')').count() == 1 && (gap.starts_with('(') || gap == ")")
            });
        // The title may carry a note in brackets before the comma ("Internal Medicine Trainee
        // (IMT2), Gastroenterology").
        let title_before = out
            .iter()
            .rev()
            .find(|p| p.class != Class::Place)
            .is_some_and(|p| p.class == Class::Title);
        // A note in lower case is neither ("Teacher of English (NQT, then main scale)").
        let qualifier = ((matches!(class, Class::Unknown | Class::Company)
            && after_comma
            && title_before
            && s.starts_with(|c: char| !c.is_lowercase()))
            || (class == Class::Unknown && after_note))
            && !ends_in_legal_form(s);
        let after_dates = dates_end.is_some_and(|e| r.start >= e);
        out.push(Piece {
            range: r,
            class,
            qualifier,
            comma: after_comma || after_dates,
        });
    }
    join_title_units(text, &mut out);
    out
}

/// Whether `s` names only a ward, unit or function (`title_units`, `title_areas`: "Cardiology",
/// "Medical ICU", "Payroll & Billing", "Emergency Department"), in one to four capitalised words; after a comma, with a
/// word of `title_units` ("Registered Nurse, Medical ICU", not "Manager, Technology Strategy",
/// which [`area_of_title`] reads).
fn names_unit(s: &str, after_comma: bool) -> bool {
    let d = &LEX.data;
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut unit = false;
    let mut ward = false;
    // A pilot's aircraft type ("Captain, Boeing 777", "First Officer – Airbus A320"): a maker
    // (`aircraft`) and its models' numbers.
    let aircraft = words.len() >= 2
        && lower_in(&d.aircraft, &words[0].to_lowercase())
        && words[1..].iter().all(|w| w.bytes().any(|b| b.is_ascii_digit()));
    (1..=4).contains(&words.len())
        && s.starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            if aircraft {
                unit = true;
                ward = true;
                return true;
            }
            // A unit's word written with a hyphen ("Step-Down") is looked up whole first.
            let whole = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_lowercase();
            if lower_in(&d.title_units, &whole) {
                unit = true;
                ward = true;
                return true;
            }
            w.split(['-', '/'])
                .map(|part| {
                    part.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                        .to_lowercase()
                })
                .filter(|part| !part.is_empty())
                .all(|part| {
                    let in_units = lower_in(&d.title_units, &part);
                    let known = in_units || lower_in(&d.title_areas, &part);
                    unit |= known;
                    ward |= in_units;
                    // (Not "of": "Department of Labor" is an employer.)
                    known || matches!(part.as_str(), "and" | "&")
                })
        })
        && unit
        && (ward || !after_comma)
}

/// "Staff Nurse – Cardiology", "Registered Nurse, Medical ICU": a piece that names only a ward,
/// unit or function right after the title, a dash or a comma between them on one line, is part
/// of the title, never the employer.
fn join_title_units(text: &str, out: &mut Vec<Piece>) {
    let joins = |t: &Piece, q: &Piece| {
        let gap = &text[t.range.end..q.range.start];
        t.class == Class::Title
            && matches!(q.class, Class::Unknown | Class::Company)
            && matches!(gap.trim(), "-" | "–" | "—" | ",")
            && !gap.contains('\n')
            && names_unit(&text[q.range.clone()], gap.trim() == ",")
    };
    if !out.windows(2).any(|w| joins(&w[0], &w[1])) {
        return;
    }
    let mut kept: Vec<Piece> = Vec::with_capacity(out.len());
    for q in out.drain(..) {
        if let Some(t) = kept.last_mut()
            && joins(t, &q)
        {
            t.range.end = q.range.end;
            continue;
        }
        kept.push(q);
    }
    *out = kept;
}

/// The cells of a line cut at tabs (or, with no tab, at pipes: a table typed in plain text,
/// "Title | Employer | Dates"), as ranges of `line` trimmed of spaces.
fn tab_cells(line: &str) -> Vec<Range<usize>> {
    if !(line.contains('\t') || line.contains('|')) {
        return spaced_cells(line);
    }
    let sep = if line.contains('\t') { '\t' } else { '|' };
    let mut out = Vec::new();
    let mut from = 0;
    for cell in line.split(sep) {
        // A cell of spaces only is empty where its spaces end.
        let start = from + cell.len() - cell.trim_start().len();
        out.push(start..start + cell.trim().len());
        from += cell.len() + 1;
    }
    out
}

/// The cells of a line cut at runs of two spaces or more (a table a PDF copied with its
/// columns aligned by spaces: "MV Ocean Harmony   Bulk   3rd Officer   Magsaysay Maritime
/// Corporation   2022-11-15   2023-08-20"), as ranges of `line`.
fn spaced_cells(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b' ' {
            // A run of two spaces or more ends the cell.
            if start.is_some() && b.get(i + 1) == Some(&b' ') {
                out.push(start.take().unwrap_or(0)..end);
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            end = i + 1;
        }
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// What each column of a table's header row holds, when `line` is one: three tab-separated
/// (or pipe-separated) cells or more, or four cut by runs of spaces ("Vessel   Type   Rank
/// Company   Sign On   Sign Off", a seafarer's sea-service record), two of them a company or
/// title label ("Employer", "Position", "Rank") and no cell with a digit.
fn column_labels(line: &str) -> Option<Vec<Option<Label>>> {
    if super::has_ascii_digit(line) {
        return None;
    }
    let spaced = !(line.contains('\t') || line.contains('|'));
    if spaced && !line.trim().contains("  ") {
        return None;
    }
    let cells = tab_cells(line);
    if cells.len() < if spaced { 4 } else { 3 } {
        return None;
    }
    let labels: Vec<Option<Label>> = cells
        .iter()
        .map(|c| label_of(&words_of(&line[c.clone()])))
        .collect();
    let named = labels
        .iter()
        .filter(|l| matches!(l, Some(Label::Company | Label::Title)))
        .count();
    (named >= 2).then_some(labels)
}

/// The title and company cells of a table row under a header row of `cols` (the row's text at
/// `range`), when it has as many cells.
fn table_pieces(text: &str, range: Range<usize>, cols: &[Option<Label>]) -> Option<Vec<Piece>> {
    let cells = tab_cells(&text[range.clone()]);
    if cells.len() != cols.len() {
        return None;
    }
    let mut out = Vec::new();
    for (c, l) in cells.into_iter().zip(cols) {
        let class = match l {
            Some(Label::Company) => Class::Company,
            Some(Label::Title) => Class::Title,
            _ => continue,
        };
        if c.is_empty() {
            continue;
        }
        out.push(Piece {
            range: range.start + c.start..range.start + c.end,
            class,
            qualifier: false,
            comma: false,
        });
    }
    Some(out)
}

/// The run of capitalised words after "as " in `range` of `text` when it holds a role noun
/// ("Working as Java Developer on …" → "Java Developer").
fn role_after_as(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let at = s.find(" as ")? + 4;
    let rest = &s[at..];
    let mut end = 0;
    for w in rest.split(' ') {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end += w.len() + 1;
    }
    let run = rest[..end.min(rest.len())].trim_end_matches(|c: char| !c.is_alphanumeric());
    (!run.is_empty() && run.split_whitespace().count() <= 6 && has_role_noun(run))
        .then(|| range.start + at..range.start + at + run.len())
}

/// Whether every word of `s` of more than three letters opens in capitals: a name ("Roundhay
/// School", "Bank of Ireland Group"), not a phrase ("Booking platform for a surf school").
fn capitalised(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// Whether `s` ends in a company suffix, also one written with dots ("Comarch S.A.", "Acme
/// Co.").
fn ends_in_suffix(s: &str) -> bool {
    let d = &LEX.data;
    glued_legal_form(s)
        || lower_in(&d.company_suffixes, &last_word(s))
        || s.rsplit(char::is_whitespace).next().is_some_and(|t| {
            t.contains('.') && lower_in(&d.company_suffixes, &t.replace('.', "").to_lowercase())
        })
}

/// Whether `s` ends in a legal form ("Zalando SE", "Deloitte Consulting LLP", "Comarch S.A."),
/// not a word that also names a unit ("Technology Consulting").
fn ends_in_legal_form(s: &str) -> bool {
    let d = &LEX.data;
    glued_legal_form(s)
        || lower_in(&d.legal_forms, &last_word(s))
        || s.rsplit(char::is_whitespace)
            .next()
            .is_some_and(|t| t.contains('.') && lower_in(&d.legal_forms, &t.replace('.', "").to_lowercase()))
}

/// Whether `s` opens or ends with a legal form glued to the name, as scripts written without
/// spaces write them ("株式会社日立製作所", "トヨタ自動車株式会社", "삼성전자(주)").
fn glued_legal_form(s: &str) -> bool {
    let s = s.trim();
    !s.is_ascii()
        && LEX
            .data
            .glued_legal_forms
            .iter()
            .any(|f| s.len() > f.len() && (s.starts_with(f.as_str()) || s.ends_with(f.as_str())))
}

/// Whether the last word of `s` is a unit's name glued to its ending ("클라우드플랫폼팀",
/// "検索開発部"): see `glued_divisions`.
fn glued_division(s: &str) -> bool {
    let Some(w) = s.split_whitespace().next_back() else {
        return false;
    };
    !w.is_ascii()
        && LEX
            .data
            .glued_divisions
            .iter()
            .any(|f| w.len() > f.len() && w.ends_with(f.as_str()))
}

/// Whether `w` (in its [`words_of`] form) is a duration: numbers and duration words with at
/// least one unit ("2 years 9 months", "less than a year").
fn is_duration(w: &str) -> bool {
    let d = &LEX.data;
    let mut unit = false;
    for word in w.split(' ') {
        if lower_in(&d.duration_units, word) {
            unit = true;
        } else if !(word.bytes().all(|b| b.is_ascii_digit()) || lower_in(&d.duration_fillers, word)) {
            return false;
        }
    }
    unit
}

/// Title and company from the pieces of an entry's header lines.
fn assign(text: &str, pieces: &[Piece]) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let first = |c: Class| pieces.iter().find(|p| p.class == c).map(|p| p.range.clone());
    // An employer named like one beats a unit named like one ("Assistant Professor, Department
    // of Chemical Engineering, University of Michigan").
    let employer = pieces
        .iter()
        .find(|p| p.class == Class::Company && !p.qualifier)
        .map(|p| p.range.clone());
    // A title given by its label ("Position: Corps Member – Teacher") beats a role named in
    // another piece ("National Youth Service Corps (NYSC)" above it).
    let labelled = pieces
        .iter()
        .find(|p| p.class == Class::Title && labelled_title(text, p))
        .map(|p| p.range.clone());
    // A national service's name ("National Youth Service Corps (NYSC)") is the title only when
    // no other line names a role ("Corps Member, Nigerian Petroleum Development Company" under
    // it; "NYSC (Corps Member)" is one title and its note).
    let programme = |p: &Piece| {
        let w = words_of(&text[p.range.clone()]);
        LEX.data.service_programmes.iter().any(|s| contains_word(&w, s))
    };
    let apart = |a: &Range<usize>, b: &Range<usize>| {
        let (from, to) = if a.end <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        // ...or after a dash on its line ("National Youth Service Corps (NYSC) – Corps Member").
        text.get(from..to)
            .is_some_and(|g| g.contains('\n') || [" – ", " — ", " - ", " | "].iter().any(|d| g.contains(d)))
    };
    let programmes: Vec<&Piece> = pieces
        .iter()
        .filter(|p| p.class == Class::Title && programme(p))
        .collect();
    let role = pieces
        .iter()
        .find(|p| {
            p.class == Class::Title
                && !programmes.is_empty()
                && !programme(p)
                && programmes.iter().all(|q| apart(&q.range, &p.range))
        })
        .map(|p| p.range.clone());
    let (mut title, mut company) = (
        labelled.clone().or(role.clone()).or_else(|| first(Class::Title)),
        employer.or_else(|| first(Class::Company)),
    );
    // The service named beside the role is where it was served, when no employer is named
    // ("National Youth Service Corps (NYSC) – Corps Member").
    if company.is_none() && labelled.is_none() && role.is_some() {
        company = programmes.first().map(|p| p.range.clone());
    }
    // A unit named like an employer after the title ("Consultant, Technology Consulting") gives
    // way to an employer before its town ("Deloitte Portugal, Lisbon" above it), not to a lone
    // unknown piece (a heading not known as one: "POSITIONS").
    let unit = company
        .clone()
        .filter(|c| pieces.iter().any(|p| p.qualifier && p.range == *c));
    if unit.is_some() {
        company = None;
    }
    // Unknown pieces after a qualifier are its town ("Full-Stack Developer, Wayletter S.L.,
    // Valencia"; the line below: "82nd Airborne Division, Fort Bragg, NC" under "Sergeant First
    // Class, U.S. Army"): they count for nothing. Not one after a dash on the qualifier's line
    // ("Associate, Real Estate — Slaughter and May, London"): that is the employer.
    // The employer after a dash is followed by its own town ("…, London (September 2019 –
    // August 2023)"); a name after a dash alone goes on the qualifier ("Research Associate,
    // Charité – Universitätsmedizin Berlin").
    let mut town = vec![false; pieces.len()];
    let mut chained = false;
    for (k, p) in pieces.iter().enumerate() {
        if p.qualifier {
            chained = true;
            continue;
        }
        if p.class != Class::Place {
            let same_line = |a: &Piece, b: &Piece| {
                text.get(a.range.end..b.range.start)
                    .is_some_and(|g| !g.contains('\n'))
            };
            let own_town = pieces
                .get(k + 1)
                .is_some_and(|n| n.comma && same_line(p, n) && n.class != Class::Title);
            chained = chained && k > 0 && (p.comma || !same_line(&pieces[k - 1], p) || !own_town);
        }
        town[k] = chained;
    }
    let candidates: Vec<&Piece> = pieces
        .iter()
        .zip(&town)
        .filter(|(p, town)| p.class == Class::Unknown && (p.qualifier || !**town))
        .map(|(p, _)| p)
        .collect();
    let mut unknowns = candidates.len();
    let left: Vec<&Piece> = candidates
        .into_iter()
        .filter(|p| {
            let s = &text[p.range.clone()];
            s.split_whitespace().count() <= 6
                && !ends_sentence(s)
                && (s.chars().next().is_some_and(|c| !c.is_lowercase()) || camel_case(s))
        })
        .collect();
    // A qualifier gives way to any other unknown piece (one before it: "GROUPON" above
    // "Engineering Manager, Merchant Platform").
    let (left, qualifiers): (Vec<&Piece>, Vec<&Piece>) = left.into_iter().partition(|p| !p.qualifier);
    let left = if left.is_empty() {
        qualifiers
    } else {
        unknowns -= pieces
            .iter()
            .filter(|p| p.qualifier && p.class == Class::Unknown)
            .count();
        left
    };
    // An unknown piece followed by its town on its line above the title ("Indeed, Austin, TX
    // Jan 2021 – Present", then "Senior Product Manager, Employer Analytics") is the employer
    // even beside a unit.
    let before_its_town = |p: &Piece| {
        let k = pieces.iter().position(|x| x.range == p.range);
        k.is_some_and(|k| {
            pieces.get(k + 1).is_some_and(|n| {
                n.class == Class::Place
                    && n.comma
                    && text
                        .get(p.range.end..n.range.start)
                        .is_some_and(|g| !g.contains('\n'))
            }) && title.as_ref().is_some_and(|t| {
                t.start > p.range.end && text.get(p.range.end..t.start).is_some_and(|g| g.contains('\n'))
            })
        })
    };
    if left.len() == 1 && unknowns == 1 {
        let r = left[0].range.clone();
        match (&title, &company) {
            (Some(_), None) if unit.is_none() || before_its_town(left[0]) => company = Some(r),
            (None, Some(_)) => title = Some(r),
            _ => {}
        }
    } else if left.len() == 2
        && unknowns == 2
        && title.is_some()
        && company.is_none()
        && (town_closes_line(text, pieces, left[1]) || town_after_comma(text, left[0], left[1]))
    {
        // "Nubank | Senior Software Engineer | São Paulo | Mar 2022 – Present", "Australia Post
        // | Melbourne" above the dates: a company comes before its town, and a short name that
        // closes its line is the town.
        company = Some(left[0].range.clone());
    }
    // A title's area after a comma ("Director, IT Program Management", "Attending Physician,
    // Internal Medicine") is part of the title when the employer is another piece: see
    // [`area_of_title`].
    if let (Some(t), Some(c)) = (&title, &company)
        && let Some(k) = pieces.iter().position(|p| p.range == *t)
        && let Some(q) = pieces.get(k + 1)
        && q.range != *c
        && area_of_title(text, pieces, t, q)
    {
        title = Some(t.start..q.range.end);
    }
    // "7-Eleven Philippines - Philippine Seven Corporation · Cubao" under its title: a brand
    // before a dash and the legal name is one employer.
    if let (Some(t), Some(c)) = (&title, &company)
        && let Some(k) = pieces
            .iter()
            .position(|p| p.range == *c && p.class == Class::Company)
        && k > 0
        && let Some(b) = pieces.get(k - 1)
        && b.class == Class::Unknown
        && !b.qualifier
        && text
            .get(b.range.end..c.start)
            .is_some_and(|g| matches!(g.trim(), "-" | "–" | "—") && g.starts_with(' '))
        && text.get(t.end..b.range.start).is_some_and(|g| g.contains('\n'))
        && super::last_bytes(&text[..b.range.start], 64)
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim().is_empty())
        && capitalised(&text[b.range.clone()])
        && !only_places(&text[b.range.clone()])
    {
        company = Some(b.range.start..c.end);
    }
    (title, company.or(unit))
}

/// Whether the piece `p` follows a title's label and a colon on its line ("Position: Relationship
/// Officer", "Designation : Assistant Manager").
fn labelled_title(text: &str, p: &Piece) -> bool {
    let before = super::last_bytes(&text[..p.range.start], 64);
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.trim_end()
        .strip_suffix(':')
        .is_some_and(|head| label_of(&words_of(head.trim())) == Some(Label::Title))
}

/// Whether `q`, the piece right after the title `t` and a comma on its line, is the title's
/// area rather than a unit, a town or the employer: two to five capitalised words without
/// digits, no company suffix, and either not a town closing its line (a word in capitals: "IT Program
/// Management"; more after it on the line: "Platform Services — Canva") or ending in an
/// area's word (`title_areas`: "Internal Medicine").
fn area_of_title(text: &str, pieces: &[Piece], t: &Range<usize>, q: &Piece) -> bool {
    let s = &text[q.range.clone()];
    let n = s.split_whitespace().count();
    q.qualifier
        && q.class == Class::Unknown
        && text.get(t.end..q.range.start).is_some_and(|g| g.trim() == ",")
        // One word only when it is an area's and closes the line, the employer on another
        // ("Assistant Manager, Procurement", then "Square Pharmaceuticals Ltd."; not "Co-op
        // Student, Engineering | Acme Inc").
        && ((2..=5).contains(&n)
            || (n == 1
                && lower_in(&LEX.data.title_areas, &last_word(s))
                && super::first_bytes(&text[q.range.end..], 64)
                    .split('\n')
                    .next()
                    .is_some_and(|rest| rest.trim().is_empty())))
        && capitalised(s)
        // A course's number ("Teaching Assistant, EECS 280") names a course, not an area.
        && !super::has_ascii_digit(s)
        && !crate::extract::location::is_region(s)
        && (lower_in(&LEX.data.title_areas, &last_word(s)) || !town_closes_line(text, pieces, q))
}

/// Whether `b` is a town right after `a` and a comma, both before the title ("Tata Consultancy
/// Services, Mumbai — Test Engineer"): one or two words in title case without a company suffix.
fn town_after_comma(text: &str, a: &Piece, b: &Piece) -> bool {
    let s = &text[b.range.clone()];
    let ws: Vec<&str> = s.split_whitespace().collect();
    text.get(a.range.end..b.range.start)
        .is_some_and(|g| g.trim() == ",")
        && (1..=2).contains(&ws.len())
        && ws.iter().enumerate().all(|(k, w)| {
            (w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase))
                // A state's code after the town ("Sydney NSW", "Perth WA").
                || (k > 0 && k + 1 == ws.len() && is_state_code(w))
        })
        && !ends_in_suffix(s)
}

/// Whether `acronym` is written with the initials of the capitalised words of `name` ("NYSC" of
/// "National Youth Service Corps").
fn initials_of(name: &str, acronym: &str) -> bool {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase()) && initials == acronym
}

/// Whether a name before a country is an organisation's, not a town's: it names a school or
/// institute ("ETH Zürich, Switzerland", "Max Planck Institute, Germany"), or it is two words or
/// more with an acronym in capitals among them ("IBM Zürich").
fn names_organisation(s: &str) -> bool {
    crate::extract::education::institution(s).is_some()
        // Partners' names joined ("Kim & Chang, Seoul"): no town's.
        || s.contains(" & ")
        || (s.split_whitespace().nth(1).is_some()
            && s.split_whitespace().any(|w| {
                w.chars().filter(char::is_ascii_uppercase).count() >= 2
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && !is_state_code(w)
            }))
}

/// The towns of `lexicons/cues/location.toml` (its `cities`), read here to find a town written
/// after a name with a single space, as a PDF's right-aligned column comes out of `pdftotext`
/// ("Wealthsimple Toronto, ON", "University of Waterloo Waterloo, ON": Jake's résumé).
#[derive(Deserialize)]
struct Towns {
    cities: Vec<String>,
}

/// [`Towns`], lower case.
static TOWNS: LazyLock<crate::fasthash::FastSet<String>> = LazyLock::new(|| {
    let data: Towns = cue_file!("cues/location").expect("location.toml is checked by the test suite");
    data.cities.iter().map(|c| c.to_lowercase()).collect()
});

/// The most words of a town's name that [`town_tail`] looks for.
const TOWN_WORDS: usize = 3;

/// Where a town that ends `s` after a single space starts, if one does: the longest of its last
/// one to three words that is a listed town (or "City", the anonymised town of a résumé written
/// "City , State"), with at least one word before it that is not a connector nor a label.
pub(crate) fn town_tail(s: &str) -> Option<usize> {
    let s = s.trim_end();
    let starts: Vec<usize> = s
        .char_indices()
        .filter(|&(i, c)| c == ' ' && s[i + 1..].starts_with(|c: char| !c.is_whitespace()))
        .map(|(i, _)| i + 1)
        .collect();
    let mut lower = String::new();
    starts
        .iter()
        .rev()
        .take(TOWN_WORDS)
        .filter_map(|&at| {
            let tail = &s[at..];
            lower.clear();
            lower.push_str(&tail.to_lowercase());
            (tail.starts_with(char::is_uppercase) && (TOWNS.contains(&lower) || tail == "City")).then_some(at)
        })
        .last()
        .filter(|&at| {
            let head = s[..at].trim_end();
            let last = head.rsplit(' ').next().unwrap_or("").to_lowercase();
            // (Not after a label: "Location: Pune, India" is all place.)
            !head.is_empty()
                && !head.ends_with([':', '-', '–', '—', '|', '(', ','])
                && head.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !matches!(
                    last.as_str(),
                    "of" | "de"
                        | "di"
                        | "du"
                        | "der"
                        | "at"
                        | "in"
                        | "the"
                        | "and"
                        | "&"
                        | "for"
                        | "la"
                        | "le"
                        | "del"
                        | "da"
                        | "do"
                )
        })
}

/// Whether `w` is a state's or region's code ("NSW", "VA"): two or three capitals that
/// `lexicons/cues/location.toml` lists as a region.
fn is_state_code(w: &str) -> bool {
    is_place_code(w) && crate::extract::location::is_region(w)
}

/// Whether `s` opens with a word in lower case then capitals ("iFood", "eBay", "iHeart Lab"): a
/// brand's name.
fn camel_case(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_lowercase) && first.chars().skip(1).any(char::is_uppercase)
}

/// Whether `p` reads as the town of a header line: one to three capitalised words without a
/// company suffix, written in title case (an all-capitals name is an employer's: "MTN
/// NIGERIA"), and no other piece after it on its line but places ("Société Générale, Paris
/// (remote)").
fn town_closes_line(text: &str, pieces: &[Piece], p: &Piece) -> bool {
    let s = &text[p.range.clone()];
    let ws: Vec<&str> = s.split_whitespace().collect();
    let last_on_line = pieces
        .iter()
        .filter(|o| o.range.start >= p.range.end)
        .all(|o| o.class == Class::Place || text[p.range.end..o.range.start].contains('\n'));
    last_on_line
        && (1..=3).contains(&ws.len())
        && ws.iter().enumerate().all(|(k, w)| {
            (w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase))
                // A particle inside a town's name ("Ciudad de México", "Frankfurt am Main").
                || (k > 0 && k + 1 < ws.len() && w.len() <= 3 && w.chars().all(char::is_lowercase))
                // A state's code after the town ("Sydney NSW").
                || (k > 0 && k + 1 == ws.len() && is_state_code(w))
        })
        && !ends_in_suffix(s)
}

/// The width of the spaces and tabs before `at`, the start of a line's text (a tab as four).
fn indent_of(text: &str, at: usize) -> usize {
    text[..at]
        .chars()
        .rev()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
        .map(column_width)
        .sum()
}

/// The columns a character takes on a fixed-width page: a tab four, a wide character of the
/// scripts written without spaces (and their full-width space and punctuation) two, any other
/// one. Japanese and Korean CVs align their columns with full-width spaces.
fn column_width(c: char) -> usize {
    match c {
        '\t' => 4,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}' => 2,
        _ => 1,
    }
}

/// Whether a line is a street address: a house number, then a street, and a state or country
/// (with its postcode) closing the last comma segment ("245 Murray Lane SW, Arlington, VA
/// 20528").
fn is_address(line: &str) -> bool {
    let line = line.trim();
    let first = line.split_whitespace().next().unwrap_or("");
    !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && line.contains(',')
        && line
            .rsplit(',')
            .next()
            .is_some_and(|last| crate::extract::location::is_region(last.trim()))
}

/// A line of the text with what the extractor needs to know about it.
struct Line {
    range: Range<usize>,
    /// A blank line comes right before it.
    gap_before: bool,
    bullet: bool,
    heading: Option<Kind>,
}

/// A bullet line: a bullet character, then (for dashes and stars, which also open emphasis
/// or a date) a space.
fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        Some(c) => BULLETS.contains(&c),
        None => false,
    }
}

/// Whether a bulleted line is a one-line entry: a title in title case with a role noun, "at" and
/// the employer, then a range before any sentence ("- Site Engineer at Orascom Construction (Jun
/// 2016 – Aug 2019)", a list of roles); "- Promoted to Senior Engineer at Acme in 2019" is a
/// bullet of an entry.
fn bulleted_entry(line: &str, as_of: YearMonth) -> bool {
    let body = line
        .trim_start()
        .trim_start_matches(|c: char| BULLETS.contains(&c) || "-*–—".contains(c))
        .trim_start();
    let Some((head, rest)) = body.split_once(" at ").or_else(|| body.split_once(" @ ")) else {
        return false;
    };
    // Every word capitalised but a name's joining words (`name_joins`: "Bank of America"):
    // "Promoted to …", "… at Acme in 2019" are sentences.
    let named = |s: &str| {
        s.split_whitespace()
            .all(|w| !w.starts_with(char::is_lowercase) || LEX.data.name_joins.iter().any(|j| j == w))
    };
    let words = head.split_whitespace().count();
    (1..=6).contains(&words)
        && named(head)
        && has_role_noun(head)
        && line_dates(line, as_of).is_some_and(|d| {
            let before = &line[..d.range.start];
            let employer = before
                .len()
                .checked_sub(line.len() - rest.len())
                .map_or("", |n| &rest[..n]);
            !d.single && !before.contains(". ") && !before.contains(": ") && named(employer)
        })
}

/// The first full stop and space in `line` that may end a sentence: not one after a short word
/// in lower case, an abbreviation inside a title ("Specjalista ds. Logistyki", Polish "ds." for
/// "in charge of").
fn sentence_break(line: &str) -> Option<usize> {
    line.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let w = line[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !(!w.is_empty() && w.chars().count() <= 3 && w.chars().all(char::is_lowercase))
    })
}

/// Whether a line ends in a full stop that is not an abbreviation's ("Acme Inc.", "B.S.").
fn ends_sentence(s: &str) -> bool {
    // A region abbreviated after a comma ("Bancolombia | Medellín, Ant.", "Guadalajara, Jal."):
    // one short capitalised word.
    let region = s.rsplit_once(',').is_some_and(|(_, r)| {
        let r = r.trim().trim_end_matches('.');
        !r.is_empty()
            && r.chars().count() <= 5
            && r.chars().all(char::is_alphabetic)
            && r.starts_with(char::is_uppercase)
    });
    !region
        && s.ends_with('.')
        && !lower_in(&LEX.data.company_suffixes, &last_word(s))
        && !lower_in(&LEX.data.abbreviations, &last_word(s))
        && !s
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.trim_end_matches('.').contains('.'))
}

/// The words of `s` without a closing bracket ("Comarch S.A., Kraków (Poland)": the country of a
/// Europass employer line).
fn words_before_brackets(s: &str) -> usize {
    let s = s.trim_end();
    let body = match s.rfind('(') {
        Some(i) if s.ends_with(')') => &s[..i],
        _ => s,
    };
    body.split_whitespace().count()
}

/// Whether a line is a field of `entry_fields` and its value ("Grade Level: GS-13").
fn is_field_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, value)| {
        !value.trim().is_empty() && label.len() <= 30 && lower_in(&LEX.data.entry_fields, &words_of(label))
    })
}

/// The width of `s` in columns, a tab as four (as [`indent_of`] counts).
fn width(s: &str) -> usize {
    s.chars().map(column_width).sum()
}

/// Whether a line ends in a colon and is no field label: it leads in to the lines under it
/// ("Selected engagements:", "Key clients:"), and heads none of them.
fn lead_in(line: &str) -> bool {
    line.trim_end()
        .strip_suffix(':')
        .is_some_and(|head| label_of(&words_of(head)).is_none())
}

fn is_header_like(text: &str, l: &Line) -> bool {
    let s = &text[l.range.clone()];
    !l.bullet && l.heading.is_none() && s.split_whitespace().count() <= 12 && !ends_sentence(s)
}

/// An employer's dated line above its roles ("United States Army   Jun 2014 – Dec 2024").
struct Employer {
    indent: usize,
    /// Its months, as inclusive month indices.
    span: (i64, i64),
    name: Option<Range<usize>>,
}

/// How many line breaks `gap` (the text between two lines) holds, counted up to three: two
/// mean a blank line, three more than one.
fn line_breaks(gap: &str) -> usize {
    gap.bytes().filter(|&b| b == b'\n').take(3).count()
}

/// The character column a second column of text starts at: the column where the text after a
/// gap of four spaces or more starts on two bullet lines or more (a bullet's line holds one
/// column's text, unless a second column stands beside it; pdftotext leaves as few as four or
/// five spaces after a long bullet).
fn right_column(text: &str) -> Option<usize> {
    let mut found: Vec<usize> = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if !is_bullet(t) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut run = 0;
        let mut seen_text = false;
        for (c, ch) in chars.iter().enumerate() {
            if *ch == ' ' {
                run += 1;
                continue;
            }
            if seen_text && run >= 4 {
                found.push(c);
                break;
            }
            seen_text = true;
            run = 0;
        }
    }
    found.sort_unstable();
    found.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

/// `text` with the second column (see [`right_column`]) blanked byte for byte on every line
/// where a gap of four spaces or more runs up to it; `None` when there is none. A range of
/// dates alone there beside a line of the first column is that line's ("Residente de Obra
/// … Ene 2020 – Actual"): kept.
fn mask_right_column(text: &str, as_of: YearMonth) -> Option<String> {
    let column = right_column(text)?;
    let mut out = text.as_bytes().to_vec();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some((byte, _)) = body.char_indices().nth(column)
            && body[..byte].ends_with("    ")
            && !body[byte..].starts_with(' ')
            && !dates_beside(&body[..byte], &body[byte..], as_of)
        {
            out[at + byte..at + body.len()].fill(b' ');
        }
        at += line.len();
    }
    String::from_utf8(out).ok()
}

/// `text` with the line breaks blanked around a range's join that stands alone on its line
/// between a line of one date and a line that opens with the range's end ("Jan 2019", "to",
/// "Current"; "08/2017", "–", "06/2019"); `None` when there is none. Offsets stay those of
/// `text`.
fn join_split_ranges(text: &str, ranges: &[Range<usize>], as_of: YearMonth) -> Option<String> {
    let mut out: Option<Vec<u8>> = None;
    for w in ranges.windows(3) {
        let join = &text[w[1].clone()];
        if join.len() > 8
            || !(matches!(join, "-" | "–" | "—") || lower_in(&LEX.data.range_words, &join.to_lowercase()))
        {
            continue;
        }
        let before = &text[w[0].clone()];
        let after = &text[w[2].clone()];
        let one_date = line_dates(before, as_of).is_some_and(|d| d.single && d.range == (0..before.len()));
        if !one_date || !starts_with_end(after) {
            continue;
        }
        let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for at in (w[0].end..w[1].start).chain(w[1].end..w[2].start) {
            if matches!(bytes[at], b'\n' | b'\r') {
                bytes[at] = b' ';
            }
        }
    }
    out.and_then(|b| String::from_utf8(b).ok())
}

/// A line this many words long or longer is a flattened document's, not an entry's.
const FLAT_WORDS: usize = 40;

/// At most this many words of a title stand before its dates on a flattened line.
const FLAT_TITLE_WORDS: usize = 8;

/// At most this many words of a title and its employer stand before their dates on a
/// flattened line ("Agricultural Extension Officer Ministry of Food and Agriculture (MoFA) Jan
/// 2019 - Present").
const FLAT_HEADER_WORDS: usize = 12;

/// A résumé flattened onto long lines with single spaces, as résumé datasets store it ("…
/// Experience Senior Accountant Feb 2020 to Current Company Name City , State Prepared …"):
/// each range of dates with a run of capitalised words right before it (the title, back to a
/// sentence's end, a word in lower case or a heading) gets a line of its own, title and dates.
/// Only when a long line holds two such ranges or more; the copy has the same length.
fn split_flat_entries(text: &str, ranges: &[Range<usize>], as_of: YearMonth) -> Option<String> {
    let mut out: Option<Vec<u8>> = None;
    for r in ranges {
        let line = &text[r.clone()];
        // More than FLAT_WORDS words take two bytes each at least: most lines are shorter, and
        // are not read char by char.
        if line.len() <= 2 * FLAT_WORDS || line.split_whitespace().nth(FLAT_WORDS).is_none() {
            continue;
        }
        let mut breaks: Vec<usize> = Vec::new();
        let mut entries = 0;
        // The end of the last range read: the next title's run starts after it.
        let mut previous = 0;
        let matches: Vec<_> = date_matches(line).collect();
        for (k, c) in matches.iter().enumerate() {
            let all = c.all();
            let Some(start) = parse_side(c.text("start"), as_of) else {
                continue;
            };
            if range_end(c, &start).is_none() {
                continue;
            }
            let Some(from) = flat_title_start(&line[previous..all.start()]).map(|f| previous + f) else {
                continue;
            };
            if breaks.last().is_some_and(|&b| b > from) {
                continue;
            }
            entries += 1;
            previous = all.end();
            breaks.push(from);
            if let Some(cut) = flat_role_end(&line[from..all.start()]) {
                breaks.push(from + cut);
            }
            if line[all.end()..].starts_with(' ') {
                breaks.push(all.end());
                // A run of capitals that goes on to the next range is the next entry's title
                // and employer ("… Jan 2019 - Present Farm Supervisor Wienco Ghana Ltd Mar
                // 2016 - Dec 2018"), not this entry's employer.
                let next = matches.get(k + 1).map(|m| m.all().start());
                if let Some(at) = flat_employer_end(&line[all.end()..])
                    && next.is_none_or(|n| line[all.end() + at..n].split_whitespace().count() > 1)
                {
                    breaks.push(all.end() + at);
                }
            }
        }
        if entries < 2 {
            continue;
        }
        let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for b in breaks {
            if bytes[r.start + b] == b' ' {
                bytes[r.start + b] = b'\n';
            }
        }
    }
    out.and_then(|b| String::from_utf8(b).ok())
}

/// Where the employer's run of capitalised words after a flattened entry's dates ends
/// ("Company Name City , State Prepared monthly …"): the offset of the space before the first
/// word of the description (the run's last capital, a word in lower case after it); `None`
/// when no such run follows.
fn flat_employer_end(after: &str) -> Option<usize> {
    // The placeholder a résumé dataset puts for the employer ("Company Name City , State
    // Prepared …") ends the run by itself.
    let lead = after.len() - after.trim_start().len();
    for p in &LEX.data.anonymised_employers {
        if let Some(rest) = after[lead..].get(p.len()..)
            && rest.starts_with(' ')
            && after[lead..lead + p.len()].eq_ignore_ascii_case(p)
            && capitalised(&after[lead..lead + p.len()])
        {
            return Some(lead + p.len());
        }
    }
    let mut capitals = 0;
    let mut last = None;
    for (at, w) in spaced_words(after).take(FLAT_TITLE_WORDS + 1) {
        if matches!(w, "&" | "of" | "and") || !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !w.starts_with(char::is_uppercase) {
            return (capitals > 1).then_some(last?);
        }
        capitals += 1;
        last = Some(at - 1);
        if w.ends_with('.') {
            return None;
        }
    }
    None
}

/// Where a flattened entry's title ends and its employer starts in the run before its dates
/// ("Farm Supervisor Wienco Ghana Ltd", "National Service Personnel Savannah Agricultural
/// Research Institute"): the offset of the space after the run's last role noun, when two
/// capitalised words or more follow it and the last is no title's area ("Manager Sales
/// Operations"); `None` otherwise.
fn flat_role_end(run: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = spaced_words(run).collect();
    let lower = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let joins = |w: &str| matches!(w, "of" | "and" | "&" | "for" | "de" | "the");
    let last_role = (0..words.len()).rev().find(|&i| {
        let w = lower(words[i].1);
        is_cv_role_noun(&w) || i > 0 && is_cv_role_noun(&format!("{} {w}", lower(words[i - 1].1)))
    })?;
    let rest = &words[last_role + 1..];
    let capital = |w: &str| {
        w.trim_start_matches(['(', '"', '“', '«'])
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    let (first, last) = (rest.first()?, rest.last()?);
    (rest.len() >= 2
        && capital(first.1)
        && rest.iter().all(|(_, w)| capital(w) || joins(w))
        && !lower_in(&LEX.data.title_areas, &lower(last.1))
        && !has_role_noun(&run[first.0..]))
    .then(|| first.0 - 1)
}

/// The words of `s` cut at single spaces, each with its offset.
fn spaced_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Where the title that `before` (a flattened line up to a range of dates) ends in starts: the
/// offset of the space before its run of capitalised words (joined by dashes, "&", "/", "of",
/// "and"), past a heading that opens the run ("Experience", "Work History"); `None` when no
/// such run ends `before`.
fn flat_title_start(before: &str) -> Option<usize> {
    if !before.ends_with(' ') {
        return None;
    }
    let body = before.trim_end();
    let mut from = None;
    let mut capitals = 0usize;
    let mut words = 0;
    let mut end = body.len();
    while words < FLAT_HEADER_WORDS {
        let space = body[..end].rfind(' ');
        let w = &body[space.map_or(0, |s| s + 1)..end];
        let joins = matches!(
            w,
            "-" | "–" | "—" | "&" | "/" | "of" | "and" | "for" | "de" | "in"
        );
        // (An acronym in brackets closes an employer's name: "Ministry of Food and Agriculture
        // (MoFA)".)
        let capital = w
            .trim_start_matches(['(', '"', '“', '«'])
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !w.ends_with(['.', ':', ';', ','])
            && !w.chars().any(|c| c.is_ascii_digit() && w.len() > 3);
        if !(joins || capital) {
            break;
        }
        words += 1;
        if capital {
            capitals += 1;
            from = Some(space.unwrap_or(0));
        }
        match space {
            Some(s) => end = s,
            None => break,
        }
    }
    let mut from = from?;
    // A heading of a word or a few inside the run ("… ACLS Work History Registered Nurse") is
    // cut off with what stands before it.
    let run = &body[from..];
    let words: Vec<Range<usize>> = spaced_words(run).map(|(at, w)| at..at + w.len()).collect();
    let mut cut = None;
    for (i, a) in words.iter().enumerate() {
        for (k, b) in words.iter().skip(i).take(3).enumerate() {
            if crate::sections::heading_kind_exact(&run[a.start..b.end]).is_some() {
                cut = Some((b.end, i + k + 1));
            }
        }
    }
    if let Some((at, n)) = cut {
        from += at;
        capitals = capitals.saturating_sub(n);
    }
    (capitals > 0
        && body[from..]
            .trim()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    .then_some(from)
}

/// Whether `cell`, the second column's text on a line, is a range of dates alone ("Jun 2016 –
/// Dic 2019", "2011 – 2016") beside text in the first column.
fn dates_beside(left: &str, cell: &str, as_of: YearMonth) -> bool {
    let cell = cell.trim_end();
    !left.trim().is_empty()
        && !is_bullet(left.trim_start())
        && line_dates(cell, as_of).is_some_and(|d| !d.single && d.range == (0..cell.len()))
}

/// Every position of `text`, with "Present" counted up to `as_of`.
pub(crate) fn find_all(text: &str, as_of: YearMonth) -> Vec<Found> {
    // Prefilter: no year-like digits, no dates.
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit())
    {
        return Vec::new();
    }
    // A second column copied beside the work history (pdftotext -layout: "• Closed $4.2M new
    // ARR          Salesforce"): read with it blanked, so its words join no header and its
    // headings end no section. Offsets stay those of `text`.
    let masked = mask_right_column(text, as_of);
    let text = masked.as_deref().unwrap_or(text);
    let mut ranges: Vec<Range<usize>> = line_ranges(text).collect();
    // A range whose join stands on a line of its own ("Jan 2019", "to", "Current": a CV of a
    // résumé dataset whose line breaks were flattened into runs of spaces, each read as a line
    // break again) is read on one line.
    let joined = join_split_ranges(text, &ranges, as_of);
    let text = match joined.as_deref() {
        Some(j) => {
            ranges = line_ranges(j).collect();
            j
        }
        None => text,
    };
    let split = split_flat_entries(text, &ranges, as_of);
    let text = match split.as_deref() {
        Some(j) => {
            ranges = line_ranges(j).collect();
            j
        }
        None => text,
    };
    // Every entry starts from a dated line, and the loop below reads dates only from a line or
    // from its words up to the first sentence break: when no line has dates either way, there
    // is no entry, and the headings of every line (the costly part) are not read.
    let dates_in = |s: &str| {
        super::has_ascii_digit(s)
            && (line_dates(s, as_of).is_some()
                || s.find(". ")
                    .is_some_and(|dot| line_dates(&s[..dot], as_of).is_some()))
    };
    // A Japanese CV's timeline: three rows of a year, a month and an event or more.
    let timeline = ranges
        .iter()
        .filter(|r| timeline_row(&text[(*r).clone()]).is_some())
        .nth(2)
        .is_some();
    if !timeline && !ranges.iter().any(|r| dates_in(&text[r.clone()])) {
        return Vec::new();
    }
    let mut lines: Vec<Line> = Vec::with_capacity(ranges.len());
    let mut words = String::new();
    for (i, r) in ranges.iter().enumerate() {
        let s = &text[r.clone()];
        let gap_before = i > 0 && line_breaks(&text[ranges[i - 1].end..r.start]) >= 2;
        let next = ranges.get(i + 1).map(|n| &text[n.clone()]);
        let bullet = is_bullet(s);
        let rule = s.chars().all(|c| "-=_*~ ".contains(c));
        lines.push(Line {
            range: r.clone(),
            gap_before: gap_before || rule,
            bullet: bullet || rule,
            heading: heading(s, next, &mut words),
        });
    }
    let has_experience = lines.iter().any(|l| l.heading == Some(Kind::Experience));
    let mut section: Option<Kind> = None;
    // Dated lines in scope: (line index, dates with offsets into `text`).
    let mut dated: Vec<(usize, Dates)> = Vec::new();
    // The rows of a timeline in scope: (line index, year and month, where its event starts).
    let mut rows: Vec<(usize, YearMonth, usize)> = Vec::new();
    // The line that closed the range left open on the line before it, and all such lines.
    let mut skip_line: Option<usize> = None;
    let mut closers: Vec<usize> = Vec::new();
    // Whether the line is in a block of running text under a label of its own line ("Duties:",
    // "Responsibilities:"), up to a blank line or a heading.
    let mut in_prose = false;
    for (i, l) in lines.iter_mut().enumerate() {
        if l.gap_before || l.heading.is_some() {
            in_prose = false;
        }
        let own = text[l.range.clone()].trim();
        if let Some(label) = own.strip_suffix(':')
            && label.len() <= 40
            && label_of(&words_of(label)) == Some(Label::Prose)
        {
            in_prose = true;
        }
        // A label of part of an entry (positions.toml `entry_labels`: "Selected projects:",
        // "Key achievements:", in sentence case, right under the entry's lines) heads part of
        // that entry, not a new section: read as one, it ended the work history and every
        // later position was lost.
        if l.heading.is_some()
            && section == Some(Kind::Experience)
            && !l.gap_before
            && text[l.range.clone()].trim_end().ends_with(':')
            && text[l.range.clone()].chars().any(char::is_lowercase)
            && lower_in(&LEX.data.entry_labels, &words_of(&text[l.range.clone()]))
        {
            l.heading = None;
        }
        if let Some(k) = l.heading {
            section = Some(k);
            continue;
        }
        let in_scope = if has_experience {
            section == Some(Kind::Experience)
        } else {
            section != Some(Kind::Excluded)
        };
        let mut s = &text[l.range.clone()];
        // A one-line entry may run on into its description ("Senior Project Engineer, Stantec
        // (2021–present) — Calgary, AB. Lead design of …"): its header ends at the first
        // sentence break.
        if s.split_whitespace().nth(20).is_some()
            && let Some(dot) = s.find(". ")
            && s[..dot].split_whitespace().nth(20).is_none()
            && in_scope
            && !l.bullet
            && line_dates(&s[..dot], as_of).is_some()
        {
            l.range.end = l.range.start + dot;
            s = &text[l.range.clone()];
        }
        // A line without a digit has no dates (see `line_dates`): it is not read further.
        // A bulleted employer's line whose title is labelled on the line below ("• Natura &Co
        // – 05/2019 a atual", then "Cargo: Analista de RH", as Brazilian CVs write them) is an
        // entry's header, not a bullet of one.
        let bullet = l.bullet
            && !bulleted_entry(s, as_of)
            && !ranges.get(i + 1).is_some_and(|n| {
                let n = text[n.clone()].trim_start();
                n.split_once(':').is_some_and(|(head, _)| {
                    head.len() <= 30 && label_of(&words_of(head)) == Some(Label::Title)
                })
            });
        if !in_scope || bullet || !super::has_ascii_digit(s) || s.split_whitespace().nth(20).is_some() {
            continue;
        }
        if is_skill_line(s) {
            continue;
        }
        // A sentence of the block ("Head of the mathematics department since 2020.") is no
        // entry; a header line there still is (the next entry's, with no blank line before).
        if in_prose && ends_sentence(s) {
            continue;
        }
        if skip_line == Some(i) {
            continue;
        }
        if timeline && let Some((ym, event)) = timeline_row(s) {
            rows.push((i, ym, l.range.start + event));
            continue;
        }
        if let Some(mut d) = line_dates(s, as_of) {
            // "Jan 2019 –" closing its line, then "Present" or "Mar 2021" opening the next: a
            // range a PDF's columns broke, closed by the next line's date, which is no entry.
            if d.current
                && d.single
                && s[d.range.end..].trim().trim_matches(['–', '—', '-']).is_empty()
                && let Some(next) = ranges.get(i + 1)
                && starts_with_end(&text[next.clone()])
            {
                let n = &text[next.clone()];
                let lead = n.len() - n.trim_start().len();
                match line_dates(n, as_of) {
                    Some(e) if e.single && !e.current && e.range.start == lead => {
                        d.end = e.end;
                        d.current = false;
                        d.single = false;
                        skip_line = Some(i + 1);
                        closers.push(i + 1);
                    }
                    _ if raw_words(n).count() == 1 => {
                        // "Present" alone.
                        d.single = false;
                        skip_line = Some(i + 1);
                        closers.push(i + 1);
                    }
                    _ => {
                        d.current = false;
                        d.end = Some(d.start);
                    }
                }
            }
            d.range = l.range.start + d.range.start..l.range.start + d.range.end;
            dated.push((i, d));
        }
    }
    // "Company / Title" lines: the dated lines without their dates, and the lines right above
    // them that are not dated themselves.
    // (Looked up by line: a search of the dated lines for each was quadratic.)
    let mut has_dates = vec![false; lines.len()];
    for (i, _) in &dated {
        has_dates[*i] = true;
    }
    let slash = slash_layout(dated.iter().flat_map(|(i, d)| {
        let l = &lines[*i].range;
        let own = [&text[l.start..d.range.start], &text[d.range.end..l.end]];
        let above = (*i > 0 && !has_dates[i - 1]).then(|| &text[lines[i - 1].range.clone()]);
        own.into_iter().chain(above)
    }));
    let separators: &Regex = if slash { &SEPARATORS_SLASH } else { &SEPARATORS };
    // Header lines of each entry: the dated line, then lines above it, then lines below.
    let mut claimed: Vec<bool> = vec![false; lines.len()];
    for i in dated.iter().map(|(i, _)| *i).chain(closers) {
        claimed[i] = true;
    }
    // A table copied from Word: a row of column labels ("Period<TAB>Employer<TAB>Role",
    // "From<TAB>To<TAB>Company<TAB>Position") says what each cell of the rows under it holds.
    let mut table: Option<Vec<Option<Label>>> = None;
    let mut columns: Vec<Option<Vec<Option<Label>>>> = vec![None; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if l.heading.is_some() {
            table = None;
        } else if let Some(cols) = column_labels(&text[l.range.clone()]) {
            claimed[i] = true;
            table = Some(cols);
        } else {
            columns[i].clone_from(&table);
        }
    }
    // A line indented to where the text after the dates starts on the dated line above it
    // ("Aug 2024 – present    Internal Medicine Trainee (IMT2)", then "                      Leeds
    // Teaching Hospitals NHS Trust"): the rest of that entry's header, never the header of the
    // entry below it.
    let mut dates_of: Vec<Option<&Dates>> = vec![None; lines.len()];
    for (i, d) in &dated {
        dates_of[*i] = Some(d);
    }
    let continues_dates_line = |m: usize| {
        m >= 1
            && !lines[m].gap_before
            && dates_of[m - 1].is_some_and(|d| {
                let l = &lines[m - 1].range;
                let rest = &text[d.range.end..l.end];
                let body = rest.trim_start();
                let column =
                    indent_of(text, l.start) + width(&text[l.start..d.range.end + rest.len() - body.len()]);
                let indent = indent_of(text, lines[m].range.start);
                // Under the text after the dates, or from the end of the dates to it
                // ("02/2016 – 07/2019  Elektroniker", then "                 Westnetz GmbH").
                let dates_end = indent_of(text, l.start) + width(&text[l.start..d.range.end]);
                d.range.start == l.start
                    && !body.is_empty()
                    && indent >= 4
                    && indent + 1 >= dates_end
                    && indent <= column + 1
            })
    };
    // ...and the lines under such a line at its indentation ("Robert Bosch GmbH, Stuttgart",
    // then "Wartung und Instandhaltung von Produktionsanlagen"), up to the next dated line.
    let mut continuation = vec![false; lines.len()];
    for m in 1..lines.len() {
        continuation[m] = continues_dates_line(m)
            || (continuation[m - 1]
                && !lines[m].gap_before
                && !has_dates[m]
                && indent_of(text, lines[m].range.start) == indent_of(text, lines[m - 1].range.start));
    }
    // A line holding a company right under a line that closes with its dates and names a title
    // but no company ("Residency, Internal Medicine      07/2021 – 06/2024", then "Brigham and
    // Women's Hospital, Boston, MA"): that entry's employer, read below it, not the header of
    // the dated line under it ("Chief Resident (2023–2024)").
    let mut entry_at: Vec<Option<usize>> = vec![None; lines.len()];
    for (e, (i, _)) in dated.iter().enumerate() {
        entry_at[*i] = Some(e);
    }
    let company_below_entry = |m: usize, done: &[Vec<Piece>]| {
        m >= 1
            && !lines[m].gap_before
            && entry_at[m - 1].is_some_and(|e| {
                let d = &dated[e].1;
                e < done.len()
                    && text[d.range.end..lines[m - 1].range.end].trim().is_empty()
                    && done[e].iter().any(|x| x.class == Class::Title)
                    && !done[e].iter().any(|x| x.class == Class::Company && !x.qualifier)
            })
            && pieces_with(text, lines[m].range.clone(), None, separators)
                .iter()
                .any(|x| x.class == Class::Company)
    };
    let mut headers: Vec<Vec<usize>> = Vec::with_capacity(dated.len());
    // Entries whose header holds a duration line: the first role of a LinkedIn company group
    // ("Monzo Bank", "2 years 4 months", then the roles).
    let mut grouped = vec![false; dated.len()];
    let mut all_pieces: Vec<Vec<Piece>> = Vec::with_capacity(dated.len());
    for (i, d) in &dated {
        let mut p = match &columns[*i] {
            Some(cols) => table_pieces(text, lines[*i].range.clone(), cols).unwrap_or_else(|| {
                pieces_with(text, lines[*i].range.clone(), Some(d.range.clone()), separators)
            }),
            None => pieces_with(text, lines[*i].range.clone(), Some(d.range.clone()), separators),
        };
        let mut used = vec![*i];
        let mut j = *i;
        let own = !p.is_empty();
        // Lines of a duration alone ("2 years 4 months" under a LinkedIn company) are passed
        // over without counting.
        let mut taken = 1;
        // A dates-only line with a blank line above it may open a layout that puts a blank
        // line between every line of an entry's header (Indeed's export: "Application
        // Developer", blank, "SAP ABAP - Kolkata, West Bengal -", blank, "June 2017 to
        // Present"): its header is read up across one blank line at a time, through lines
        // that stand alone.
        let spaced = !own && lines[*i].gap_before;
        while taken < 3 && j > 0 {
            // Complete by cues; or by elimination on the dated line alone. A dates-only line
            // looks further up: "Hospital", "Charge Nurse, Cardiac Unit", "Since 2021".
            let cued = |c: Class| p.iter().any(|x| x.class == c && !x.qualifier);
            let (t, c) = assign(text, &p);
            // A company by elimination that may be the title's unit looks further up.
            let weak = c
                .as_ref()
                .is_some_and(|c| p.iter().any(|x| x.qualifier && x.range == *c));
            // A dates-only line under a line that names both ("Software Engineer — Andela",
            // then "Feb 2019 – Sep 2021") has its header: the line above that is the entry
            // before's (a Markdown bullet, its marker dropped: "Built the ledger").
            // (A dated line of places alone, "*Feb 2019 – Sep 2021* · Remote", names neither.)
            let named = own
                && p.iter()
                    .any(|x| x.range.start >= lines[*i].range.start && x.class != Class::Place);
            let one_line = if named { used.len() == 1 } else { used.len() == 2 };
            if (cued(Class::Title) && cued(Class::Company))
                || (one_line && t.is_some() && c.is_some() && !weak && (named || cued(Class::Title)))
            {
                break;
            }
            let above = &lines[j - 1];
            let blank_between = line_breaks(&text[above.range.end..lines[j].range.start]) > 2;
            // Across a blank line only to a line that stands alone between blank lines.
            let spaced_step = spaced && !blank_between && above.gap_before;
            if (lines[j].gap_before && !spaced_step)
                || claimed[j - 1]
                || has_dates[j - 1]
                || continuation[j - 1]
                || company_below_entry(j - 1, &all_pieces)
                || !is_header_like(text, above)
                || lead_in(&text[above.range.clone()])
            {
                break;
            }
            j -= 1;
            claimed[j] = true;
            used.insert(0, j);
            let mut more = pieces_with(text, above.range.clone(), None, separators);
            let duration = more.is_empty() && super::has_ascii_digit(&text[above.range.clone()]);
            // A place ("Fairfax, VA") or a street address ("245 Murray Lane SW, Arlington, VA
            // 20528", a federal résumé's) between the employer and the dates is passed over too.
            let address = is_address(&text[above.range.clone()]);
            if address {
                more.clear();
            }
            if duration {
                grouped[headers.len()] = true;
            } else if !(address || (!more.is_empty() && more.iter().all(|x| x.class == Class::Place))) {
                taken += 1;
            }
            more.append(&mut p);
            p = more;
        }
        headers.push(used);
        all_pieces.push(p);
    }
    for (k, (i, _)) in dated.iter().enumerate() {
        let (mut t, mut c) = assign(text, &all_pieces[k]);
        // A dates-only line with nothing above opens its entry ("09/2019 – present", then the
        // title, then the employer): it may take two lines below, else one.
        let dates_only = headers[k].len() == 1 && all_pieces[k].is_empty();
        let mut pending: Vec<usize> = Vec::new();
        let mut more: Vec<Piece> = Vec::new();
        // A company by elimination that may be the title's unit ("Working Student, Data
        // Engineering", the employer on the line below) gives way to one below.
        let weak = |c: &Option<Range<usize>>, p: &[Piece]| {
            c.as_ref()
                .is_some_and(|c| p.iter().any(|x| x.qualifier && x.range == *c))
        };
        let limit = if dates_only { 2 } else { 1 };
        let (mut b, mut looked, mut fields) = (*i, 0, 0);
        while looked < limit {
            b += 1;
            if t.is_some() && c.is_some() && !weak(&c, &all_pieces[k]) {
                break;
            }
            let Some(below) = lines.get(b) else { break };
            // A federal résumé's field lines ("Grade Level: GS-13", "Hours per week: 40") stand
            // between the dates and the title: passed over.
            if fields < 4 && !below.gap_before && is_field_line(&text[below.range.clone()]) {
                fields += 1;
                continue;
            }
            // So is the place's line above them ("San Diego, CA United States", then "Grade
            // Level: GS-2210-13").
            if fields < 4
                && !below.gap_before
                && lines
                    .get(b + 1)
                    .is_some_and(|n| !n.gap_before && is_field_line(&text[n.range.clone()]))
                && only_places(&text[below.range.clone()])
            {
                fields += 1;
                continue;
            }
            looked += 1;
            // A role opening a sentence ("Research Scientist. Large-scale training of …", in
            // an academic CV) is read alone.
            let mut range = below.range.clone();
            // "Abogado Senior. Garrigues, Madrid." (a Spanish CV): a short capitalised
            // remainder after the role is its employer, not a sentence.
            let mut employer_after: Option<Range<usize>> = None;
            let line = &text[range.clone()];
            if let Some(dot) = sentence_break(line) {
                let head = line[..dot].trim();
                if head.split_whitespace().count() <= 6 && has_role_noun(head) && capitalised(head) {
                    let rest = line[dot + 2..].trim_end();
                    let rest = rest.strip_suffix('.').unwrap_or(rest);
                    if !rest.is_empty()
                        && !rest.contains(". ")
                        && rest.split_whitespace().count() <= 4
                        && rest
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
                    {
                        let from = range.start
                            + dot
                            + 2
                            + (line[dot + 2..].len() - line[dot + 2..].trim_start().len());
                        employer_after = Some(from..from + rest.trim_start().len());
                    }
                    range.end = range.start + dot;
                }
            }
            let s = &text[range.clone()];
            // Words of more than three letters ("Sp. z o.o." has none), before a note in
            // brackets ("Senior Consultant, Technology Risk (promoted October 2022)").
            let title_case = s
                .split('(')
                .next()
                .unwrap_or(s)
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
            // French, Spanish, Portuguese and Italian titles are written in sentence case
            // ("Technicien de maintenance aéronautique" under a Europass "15/03/2019 –
            // AUJOURD'HUI"): a short capitalised line holding a role noun is a title too, also
            // before a dash and its employer ("Kierownik magazynu – Raben Logistics Polska Sp.
            // z o.o., Poznań").
            let sentence_title = || {
                let role = [" – ", " — ", " - ", " | "]
                    .iter()
                    .filter_map(|d| s.find(d))
                    .min()
                    .map_or(s, |at| &s[..at]);
                // On the second line below, under the employer ("03/2019 - nay", "Công ty
                // Cổ phần Vinamilk", "Nhân viên kế toán"), or under a name known as neither
                // ("Август 2014 — Август 2019", "СДЮСШОР № 5", "Тренер-преподаватель").
                let under_employer = looked == 2
                    && (headers[k].len() > 1 || !more.is_empty())
                    && all_pieces[k].iter().chain(&more).all(|p| p.class != Class::Title);
                dates_only
                    && (looked == 1 || under_employer)
                    && role.split_whitespace().count() <= 6
                    && s.trim_start().starts_with(|c: char| c.is_uppercase())
                    && has_role_noun(role)
            };
            // An employer's name in sentence case, named by its kind ("Công ty Cổ phần
            // Vinamilk" between "07/2015 - 02/2019" and the title).
            let employer_line = || {
                dates_only
                    && looked == 1
                    && s.split_whitespace().count() <= 8
                    && s.trim_start().starts_with(|c: char| c.is_uppercase())
                    && !has_role_noun(s)
                    && opens_employer(&words_of(s))
            };
            // A line opening with a title's or an employer's label ("Occupation or position
            // held    Network Engineer", the English Europass) is read whatever its case; its
            // words are counted after the label.
            let head = s.split([':', '\t']).next().unwrap_or(s);
            let head = head.split("  ").next().unwrap_or(head).trim();
            let labelled_line = head.len() < s.trim().len()
                && matches!(label_of(&words_of(head)), Some(Label::Company | Label::Title));
            let value = if labelled_line {
                &s[s.find(head).map_or(0, |i| i + head.len())..]
            } else {
                s
            };
            if below.gap_before
                || claimed[b]
                || below.bullet
                || below.heading.is_some()
                || value.split_whitespace().count() > 12
                || ends_sentence(s)
                || (words_before_brackets(s) > 7 && {
                    // Its places count for nothing ("United States Air Force, Ramstein Air Base,
                    // Germany" under "Vehicle Manager … Mar 2010 – May 2016").
                    let ps = pieces_with(text, range.clone(), None, separators);
                    !ps.iter().any(|x| x.class == Class::Company)
                        && ps
                            .iter()
                            .filter(|x| x.class != Class::Place)
                            .map(|x| text[x.range.clone()].split_whitespace().count())
                            .sum::<usize>()
                            > 7
                })
                || !(title_case || labelled_line || sentence_title() || employer_line())
            {
                break;
            }
            pending.push(b);
            more.extend(pieces_with(text, range, None, separators));
            if let Some(r) = employer_after {
                more.extend(pieces_with(text, r, None, separators));
            }
            // Only lines that add what is missing.
            let joined = [all_pieces[k].clone(), more.clone()].concat();
            let (t2, c2) = assign(text, &joined);
            let c_weak = c.is_some() && weak(&c, &all_pieces[k]);
            if (t.is_none() && t2.is_some())
                || (c.is_none() && c2.is_some())
                || (c_weak && c2.is_some() && c2 != c && !weak(&c2, &joined))
            {
                for b in pending.drain(..) {
                    claimed[b] = true;
                    headers[k].push(b);
                }
                all_pieces[k].append(&mut more);
                (t, c) = (t2, c2);
            }
        }
    }
    let heading_starts: Vec<usize> = lines
        .iter()
        .filter(|l| l.heading.is_some())
        .map(|l| l.range.start)
        .collect();
    let mut out: Vec<Found> = Vec::with_capacity(dated.len());
    // The company of the open LinkedIn group: the later roles of the group name none.
    let mut group: Option<Range<usize>> = None;
    // The dated line and company of the last entry kept.
    let mut previous: Option<(usize, Option<Range<usize>>)> = None;
    // The indentation and months of the last entry kept.
    let mut parent: Option<(usize, (i64, i64))> = None;
    // The employer line of the roles under it.
    let mut employer: Option<Employer> = None;
    // Whether months lie inside others, compared by years ("2016–2018" inside "09/2016 –
    // 12/2020").
    let inside = |s: (i64, i64), g: (i64, i64)| s.0 / 12 >= g.0 / 12 && s.1 / 12 <= g.1 / 12;
    // Whether a company is missing or only a unit after the title ("Manager, Technology
    // Strategy").
    let unit_or_none = |c: &Option<Range<usize>>, p: &[Piece]| {
        c.as_ref()
            .is_none_or(|c| p.iter().any(|x| x.qualifier && x.range == *c))
    };
    // The order of title and company in the one-line headers that name a title and an employer
    // ("Heavy Diesel Fitter — BHP, Newman"), and their number of pieces, when all such lines
    // agree: a line of the same list and shape whose words name neither ("Shotfirer — Orica,
    // Kalgoorlie", a role noun the lexicons lack) reads the same way, unless it names a school.
    let mut layout: Option<Option<(usize, usize, usize)>> = None;
    for (k, p) in all_pieces.iter().enumerate() {
        if headers[k].len() != 1 || !p.iter().any(|x| x.class == Class::Title) {
            continue;
        }
        let (Some(t), Some(c)) = assign(text, p) else {
            continue;
        };
        let at = |r: &Range<usize>| p.iter().position(|x| x.range == *r);
        let seen = match (at(&t), at(&c)) {
            (Some(ti), Some(ci)) if p[ti].class == Class::Title && !p[ci].qualifier => {
                Some((ti, ci, p.len()))
            }
            _ => None,
        };
        layout = match layout {
            None => Some(seen),
            Some(l) if l == seen => Some(l),
            Some(_) => Some(None),
        };
    }
    let layout = layout.flatten();
    for (k, (i, dates)) in dated.iter().enumerate() {
        let header_text: String = headers[k]
            .iter()
            .map(|h| &text[lines[*h].range.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let p = &all_pieces[k];
        // An education line (a degree, no role) is not a position.
        let hw = words_of(&header_text);
        if !p.iter().any(|x| x.class == Class::Title)
            && WORD_LISTS.education.iter().any(|e| contains_word(&hw, e))
        {
            continue;
        }
        let (mut title, mut company) = assign(text, p);
        if title.is_none()
            && company.is_none()
            && headers[k].len() == 1
            && let Some((ti, ci, n)) = layout
            && p.len() == n
            && p.iter().all(|x| matches!(x.class, Class::Unknown | Class::Place))
            && !p
                .iter()
                .any(|x| super::education::institution(&text[x.range.clone()]).is_some())
            && p[ti].class == Class::Unknown
            && p[ci].class == Class::Unknown
            && !ends_sentence(&text[lines[*i].range.clone()])
        {
            title = Some(p[ti].range.clone());
            company = Some(p[ci].range.clone());
        }
        // A gap in the work history ("Career break (caregiving)", "Sabbatical") is no position,
        // nor is a sentence of an entry's description with a range in it ("Completed the
        // training contract 2016–2018.") when it names neither a title nor a company.
        if company.is_none() && WORD_LISTS.gaps.iter().any(|g| contains_word(&hw, g)) {
            continue;
        }
        if title.is_none() && company.is_none() && ends_sentence(&text[lines[*i].range.clone()]) {
            continue;
        }
        // A later role of a LinkedIn group names its place on the line under its dates
        // ("Senior Data Scientist", the dates, "Paris, Île-de-France, France"): a name taken
        // there by elimination gives way to the group's company.
        // So does one taken from the line right under the dates of the role before, above
        // this role's title: that role's place ("Singapore", then "Marketing Manager").
        let guessed_below = company.as_ref().is_some_and(|c| {
            let first = headers[k][0];
            let after_dates = first > 0
                && has_dates[first - 1]
                && !lines[first].gap_before
                && headers[k].len() > 1
                && lines[first].range.contains(&c.start)
                && title.as_ref().is_some_and(|t| t.start >= lines[first].range.end);
            (c.start > lines[*i].range.end || after_dates)
                && p.iter().any(|x| x.range == *c && x.class == Class::Unknown)
        });
        if grouped[k] {
            group.clone_from(&company);
        } else if group.is_some() && title.is_some() && guessed_below {
            company.clone_from(&group);
        } else if let (Some(_), Some(t), Some(c)) = (&group, &title, &company)
            && let Some(q) = p.iter().find(|x| x.qualifier && x.range == *c)
        {
            // A later role of a LinkedIn group with a unit after its title ("Associate, Equity
            // Research" under "Jefferies"): the unit is no employer; the group's company is,
            // and the unit is the title's area when it reads as one.
            if area_of_title(text, p, t, q) {
                title = Some(t.start..q.range.end);
            }
            company.clone_from(&group);
        } else if company.is_some() || title.is_none() {
            group = None;
        } else {
            company.clone_from(&group);
        }
        // A promotion listed under the employer's first role: a line of a title and dates alone
        // right under the previous entry's dates ("Assurance Manager (July 2022 – Present)",
        // then "Assurance Senior Associate (July 2019 – June 2022)") has its employer.
        if company.is_none()
            && title.is_some()
            && p.iter().all(|x| matches!(x.class, Class::Title | Class::Place))
            && let Some((prev_line, prev_company)) = &previous
            && headers[k] == [prev_line + 1]
        {
            company.clone_from(prev_company);
        }
        // A later role under the employer line of the roles before it, past their bullets or a
        // blank line ("Jenner & Block LLP, Chicago, IL", "Associate … Sept. 2017 – Aug. 2021",
        // bullets, "Summer Associate   May 2016 – Aug. 2016"): when the entry before took its
        // employer from a line above its dates, and this one has a title and no lines above, no
        // employer and no other piece, it is at that employer.
        if company.is_none()
            && title.is_some()
            && headers[k][0] == *i
            && (lines[*i].gap_before || (*i > 0 && (lines[i - 1].bullet || has_dates[i - 1])))
            && p.iter().all(|x| matches!(x.class, Class::Title | Class::Place))
            && let Some((prev_line, Some(prev_company))) = &previous
            && prev_company.start < lines[*prev_line].range.start
            && !heading_starts
                .iter()
                .any(|h| (lines[*prev_line].range.start..lines[*i].range.start).contains(h))
        {
            company = Some(prev_company.clone());
        }
        // Without an experience section, one date with neither a title nor a company is a
        // publication's, an award's or a sentence's ("Journal of Applied Statistics, 2019",
        // "Member since 2012.").
        if dates.single && !has_experience && title.is_none() && company.is_none() {
            continue;
        }
        let role_text = title.clone().map_or(header_text.as_str(), |t| &text[t]);
        let role_words = words_of(role_text);
        // The title, or a note on it that is a title too ("Software Engineer (Intern)"), or an
        // employment type that is one ("House Officer (Internship)", "Analyst · Internship").
        let internship = std::iter::once(role_words)
            .chain(
                p.iter()
                    .filter(|x| title.is_some() && x.class == Class::Title)
                    .map(|x| words_of(&text[x.range.clone()])),
            )
            .any(|w| names_internship(&w))
            || p.iter().any(|x| {
                x.class == Class::Place
                    && lower_in(&LEX.data.internship_notes, &words_of(&text[x.range.clone()]))
            });
        let start_at = lines[headers[k][0]].range.start;
        let next_entry = headers.get(k + 1).map_or(text.len(), |h| lines[h[0]].range.start);
        let next_heading = heading_starts
            .get(heading_starts.partition_point(|h| *h <= start_at))
            .copied()
            .unwrap_or(text.len());
        let end_at = next_entry.min(next_heading);
        let end_at = start_at + text[start_at..end_at].trim_end().len();
        let mut f = Found {
            title,
            company,
            start: Some(dates.start),
            end: dates.end,
            current: dates.current,
            months: None,
            dates: dates.range.clone(),
            span: start_at..end_at.max(lines[*i].range.end),
            internship,
        };
        let span = interval(&f, as_of);
        f.months = span.map(|(lo, hi)| (hi - lo + 1) as u32);
        // An engagement indented under a role and inside its dates ("  Client: Credit Suisse —
        // PMO …, 2018–2020" under "Manager … 09/2016 – 12/2020") is part of that role.
        let indent = indent_of(text, lines[headers[k][0]].range.start);
        // Under an employer's line, a role inside its dates is at that employer (when it names
        // none but a unit), and an engagement indented further is part of the roles.
        if let Some(Employer {
            indent: e_indent,
            span: e_span,
            name: e_company,
        }) = &employer
        {
            match span {
                Some(s) if inside(s, *e_span) => {
                    if indent > *e_indent {
                        // Its text (and the skills it names) is the role's.
                        if let Some(last) = out.last_mut() {
                            last.span.end = last.span.end.max(f.span.end);
                        }
                        continue;
                    }
                    if f.title.is_some() && unit_or_none(&f.company, p) {
                        f.company.clone_from(e_company);
                    }
                }
                _ => employer = None,
            }
        }
        // An employer's line: dates and no title, right above a role inside its dates that
        // names no employer of its own ("United States Army   Jun 2014 – Dec 2024", then
        // "Network Operations NCOIC, 82nd Airborne Division   Mar 2020 – Dec 2024"; "Accenture —
        // Stockholm   Sep 2017 – Present", then "Manager, Technology Strategy (2022 – present)").
        // It is no position: its roles are.
        if f.title.is_none()
            && let Some(s) = span
            && let Some((next_line, next)) = dated.get(k + 1)
            && headers[k + 1][0] <= i + 2
            && *next_line > *i
        {
            let next_span = {
                let lo = index(next.start.year, next.start.month.unwrap_or(1));
                let hi = match (next.current, next.end) {
                    (true, _) => index(as_of.year, as_of.month.unwrap_or(12)),
                    (false, Some(e)) => index(e.year, e.month.unwrap_or(12)),
                    (false, None) => lo,
                };
                (lo, hi)
            };
            let (next_title, next_company) = assign(text, &all_pieces[k + 1]);
            if next_title.is_some() && unit_or_none(&next_company, &all_pieces[k + 1]) && inside(next_span, s)
            {
                let name = f.company.clone().or_else(|| {
                    p.iter()
                        .find(|x| x.class == Class::Unknown && capitalised(&text[x.range.clone()]))
                        .map(|x| x.range.clone())
                });
                employer = Some(Employer {
                    indent,
                    span: s,
                    name,
                });
                continue;
            }
        }
        // Compared by years: "2016–2018" lies inside "09/2016 – 12/2020".
        if let (Some((lo, hi)), Some((parent_indent, (plo, phi)))) = (span, parent)
            && indent > parent_indent
            && lo / 12 >= plo / 12
            && hi / 12 <= phi / 12
        {
            // Its text (and the skills it names) is the role's.
            if let Some(last) = out.last_mut() {
                last.span.end = last.span.end.max(f.span.end);
            }
            continue;
        }
        if let Some(span) = span {
            parent = Some((indent, span));
        }
        previous = Some((*i, f.company.clone()));
        out.push(f);
    }
    if !rows.is_empty() {
        out.extend(timeline_positions(text, &lines, &rows, as_of));
        out.sort_by_key(|f| f.span.start);
    }
    if out.is_empty() {
        out = prose_positions(text, &lines, as_of);
    }
    out
}

/// A row of a Japanese CV's timeline ("2013  4  Joined ABC Co., Ltd.", "2018 10 Promoted to
/// Manager", "2016/04  Joined Mitsubishi UFJ Trust and Banking Corporation"): a year, a month
/// (1–12) and an event opening with a letter, each after spaces or a tab (the month also after
/// a slash or a full stop). Its year and month, and where its event starts in `line`.
fn timeline_row(line: &str) -> Option<(YearMonth, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let gap = |s: &str| s.len() - s.trim_start_matches([' ', '\t']).len();
    let year = t.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    if !(year.starts_with("19") || year.starts_with("20")) {
        return None;
    }
    let rest = &t[4..];
    let g1 = if rest.starts_with(['/', '.']) {
        1
    } else {
        gap(rest)
    };
    let rest = &rest[g1..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let month: u8 = rest
        .get(..digits)
        .filter(|_| (1..=2).contains(&digits))?
        .parse()
        .ok()?;
    let rest = &rest[digits..];
    let g2 = gap(rest);
    if g1 == 0 || g2 == 0 || !(1..=12).contains(&month) || !rest[g2..].starts_with(char::is_alphabetic) {
        return None;
    }
    let year = year.parse().ok()?;
    Some((
        YearMonth {
            year,
            month: Some(month),
        },
        lead + 4 + g1 + digits + g2,
    ))
}

/// Whether `word` (in lower case) alone opens a timeline's row that joins an employer or a
/// school ("Entered Waseda University"): a verb, no part of the name after it.
pub(crate) fn is_timeline_join(word: &str) -> bool {
    lower_in(&LEX.data.timeline_joins, word)
}

/// The month before `ym` (a timeline's row that starts the next position).
fn month_before(ym: YearMonth) -> YearMonth {
    match ym.month {
        Some(1) => YearMonth {
            year: ym.year - 1,
            month: Some(12),
        },
        Some(m) => YearMonth {
            year: ym.year,
            month: Some(m - 1),
        },
        None => YearMonth {
            year: ym.year - 1,
            month: None,
        },
    }
}

/// The positions of a Japanese CV's timeline (see `timeline_joins` in positions.toml): a row
/// that joins an employer names it (and a role after "as"), a row with a role starts a position
/// at the employer joined last (in the month of joining, the joining's position), and each
/// position ends in the month before the next one starts or in the month of a row that leaves
/// the employer; the last, with no such row after it, is current.
fn timeline_positions(
    text: &str,
    lines: &[Line],
    rows: &[(usize, YearMonth, usize)],
    as_of: YearMonth,
) -> Vec<Found> {
    let d = &LEX.data;
    let opens_with = |w: &str, list: &[String]| {
        list.iter()
            .filter(|p| w.starts_with(p.as_str()) && w[p.len()..].chars().next().is_none_or(|c| c == ' '))
            .map(|p| p.split(' ').count())
            .max()
    };
    let mut out: Vec<Found> = Vec::new();
    let mut open: Option<Found> = None;
    let mut employer: Option<Range<usize>> = None;
    let close = |f: Option<Found>, end: YearMonth, out: &mut Vec<Found>| {
        if let Some(mut f) = f {
            let start = f.start.expect("a timeline's position has a start");
            f.end = Some(end.max(start));
            f.current = false;
            f.months = interval(&f, as_of).map(|(lo, hi)| (hi - lo + 1) as u32);
            out.push(f);
        }
    };
    for &(i, ym, at) in rows {
        let line = &lines[i].range;
        let event = at..line.end;
        let ev = &text[event.clone()];
        let w = words_of(ev);
        let new = |title: Option<Range<usize>>, company: Option<Range<usize>>| Found {
            internship: title
                .as_ref()
                .is_some_and(|t| names_internship(&words_of(&text[t.clone()]))),
            title,
            company,
            start: Some(ym),
            end: None,
            current: true,
            months: None,
            dates: line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len())..at,
            span: line.clone(),
        };
        if opens_with(&w, &d.timeline_leaves).is_some() {
            close(open.take(), ym, &mut out);
            employer = None;
            continue;
        }
        if let Some(n) = opens_with(&w, &d.timeline_joins) {
            // The employer after the verb's words, up to " as " or a dash between spaces and
            // its role ("Joined Rakuten Group, Inc. — Financial Planning Analyst").
            let skip = ev
                .split_whitespace()
                .nth(n)
                .map_or(ev.len(), |first| first.as_ptr() as usize - ev.as_ptr() as usize);
            let name = &ev[skip..];
            let cut = [" as ", " — ", " – ", " - "]
                .iter()
                .filter_map(|sep| name.find(sep).map(|k| (k, sep.len())))
                .min();
            let (name_len, role) = match cut {
                Some((k, len)) => (k, Some(at + skip + k + len..line.end)),
                None => (name.len(), None),
            };
            let company = trim_piece(text, at + skip..at + skip + name_len);
            let role = role
                .map(|r| trim_piece(text, r))
                .filter(|r| has_role_noun(&text[r.clone()]));
            if company.is_empty() {
                continue;
            }
            // The role on the line under the row, indented under its event ("2016/04  Joined
            // Mitsubishi UFJ Trust and Banking Corporation", then "         Corporate Banking
            // Department — Relationship Manager").
            let role = role.or_else(|| {
                let below = lines.get(i + 1)?;
                let b = &text[below.range.clone()];
                // Columns from each line's start (a line's range starts at its text).
                let column = |at: usize| {
                    let before = super::last_bytes(&text[..at], 256);
                    before.rfind('\n').map_or(before.len(), |k| before.len() - k - 1)
                };
                (!below.gap_before
                    && column(below.range.start) >= column(at)
                    && timeline_row(b).is_none()
                    && b.split_whitespace().nth(12).is_none()
                    && has_role_noun(b))
                .then(|| {
                    pieces(text, below.range.clone(), None)
                        .into_iter()
                        .find(|p| p.class == Class::Title)
                        .map(|p| p.range)
                })
                .flatten()
            });
            close(open.take(), month_before(ym), &mut out);
            employer = Some(company.clone());
            open = Some(new(role, Some(company)));
            continue;
        }
        if !has_role_noun(ev) {
            if let Some(f) = open.as_mut() {
                f.span.end = line.end;
            }
            continue;
        }
        let Some(title) = pieces(text, event.clone(), None)
            .into_iter()
            .find(|p| p.class == Class::Title)
            .map(|p| p.range)
        else {
            continue;
        };
        if let Some(f) = open.as_mut()
            && f.title.is_none()
            && f.start == Some(ym)
        {
            f.internship = names_internship(&words_of(&text[title.clone()]));
            f.title = Some(title);
            f.span.end = line.end;
            continue;
        }
        close(open.take(), month_before(ym), &mut out);
        open = Some(new(Some(title), employer.clone()));
    }
    if let Some(mut f) = open {
        f.months = interval(&f, as_of).map(|(lo, hi)| (hi - lo + 1) as u32);
        out.push(f);
    }
    out
}

/// "Currently working as Senior QA Engineer with Paytm, Noida from Oct 2021 to till date.",
/// "Worked as a Software Engineer in Tech Mahindra from July 2016 to February 2020.": the
/// sentence a summary gives a position in (Indian résumés), read only when no entry was found.
static PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(?:[Ww]orking|[Ww]orked|[Ee]mployed|[Ss]erving|[Ss]erved)\s+as\s+(?:an?\s+)?(?P<title>\p{Lu}[^,;.]*?)\s+(?:with|in|at|for)\s+(?:the\s+)?(?P<company>\p{Lu}[^,;]*?)(?:,\s*\p{Lu}[\p{L} .]*?)?\s+(?P<dates>(?:from|since)\s.*)$",
    )
    .expect("the prose pattern is valid")
});

fn prose_positions(text: &str, lines: &[Line], as_of: YearMonth) -> Vec<Found> {
    let mut out = Vec::new();
    let mut section = None;
    for l in lines {
        if let Some(k) = l.heading {
            section = Some(k);
            continue;
        }
        let s = &text[l.range.clone()];
        if section == Some(Kind::Excluded) || !super::has_ascii_digit(s) {
            continue;
        }
        let Some(c) = PROSE.captures(s) else { continue };
        let (t, co, d) = (&c["title"], &c["company"], c.name("dates").expect("group"));
        if !has_role_noun(t) || t.split_whitespace().count() > 6 || co.split_whitespace().count() > 6 {
            continue;
        }
        let raw = d.as_str().strip_prefix("from").unwrap_or(d.as_str());
        let skip = d.as_str().len() - raw.len();
        let Some(dates) = line_dates(raw, as_of) else {
            continue;
        };
        let at = l.range.start;
        let shift = at + d.start() + skip;
        let title = c.name("title").map(|m| at + m.start()..at + m.end());
        let role_words = words_of(t);
        let mut f = Found {
            title,
            company: c.name("company").map(|m| at + m.start()..at + m.end()),
            start: Some(dates.start),
            end: dates.end,
            current: dates.current,
            months: None,
            dates: shift + dates.range.start..shift + dates.range.end,
            span: l.range.clone(),
            internship: names_internship(&role_words),
        };
        f.months = interval(&f, as_of).map(|(lo, hi)| (hi - lo + 1) as u32);
        out.push(f);
    }
    out
}

/// Months covered by the given positions, overlaps counted once. Internships are left out.
pub(crate) fn total_months(positions: &[Found], as_of: YearMonth) -> u32 {
    let mut spans: Vec<(i64, i64)> = positions
        .iter()
        .filter(|p| !p.internship)
        .filter_map(|p| interval(p, as_of))
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(i64, i64)> = None;
    for (lo, hi) in spans {
        match cur {
            Some((a, b)) if lo <= b + 1 => cur = Some((a, b.max(hi))),
            Some((a, b)) => {
                total += b - a + 1;
                cur = Some((lo, hi));
            }
            None => cur = Some((lo, hi)),
        }
    }
    if let Some((a, b)) = cur {
        total += b - a + 1;
    }
    total as u32
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEX);
    LazyLock::force(&HEADINGS);
    LazyLock::force(&WORD_LISTS);
    LazyLock::force(&SEPARATORS);
    LazyLock::force(&PROSE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_phrases_agree_with_a_search_of_each() {
        let phrases: Vec<String> = ["intern", "co op", "lance corporal", "o'neil", "x-"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let set = WordPhrases::new(&phrases);
        for (w, want) in [
            ("software intern", true),
            ("intern's project", true),
            ("internal auditor", false),
            ("international", false),
            ("co op student", true),
            ("coop student", false),
            ("lance corporal", true),
            ("lance", false),
            ("corporal", false),
            ("dr o'neil", true),
            ("x- ray", true),
            ("x ray", false),
            ("", false),
        ] {
            let search = phrases.iter().any(|p| contains_word(w, p));
            assert_eq!(search, want, "search, {w:?}");
            assert_eq!(set.in_words(w), want, "lookup, {w:?}");
        }
    }

    const AS_OF: YearMonth = YearMonth {
        year: 2026,
        month: Some(11),
    };

    fn ym(s: &str) -> YearMonth {
        match s.split_once('-') {
            Some((y, m)) => YearMonth {
                year: y.parse().unwrap(),
                month: Some(m.parse().unwrap()),
            },
            None => YearMonth {
                year: s.parse().unwrap(),
                month: None,
            },
        }
    }

    fn show_ym(y: Option<YearMonth>) -> String {
        match y {
            None => "-".into(),
            Some(YearMonth { year, month: None }) => year.to_string(),
            Some(YearMonth { year, month: Some(m) }) => format!("{year}-{m:02}"),
        }
    }

    /// "TITLE | COMPANY | START | END | MONTHS", "-" for none, "present" when current.
    fn show(text: &str, f: &Found) -> String {
        let span = |r: &Option<Range<usize>>| r.clone().map_or("-".to_string(), |r| text[r].to_string());
        let end = if f.current {
            "present".to_string()
        } else {
            show_ym(f.end)
        };
        let months = f.months.map_or("-".to_string(), |m| m.to_string());
        format!(
            "{} | {} | {} | {} | {}",
            span(&f.title),
            span(&f.company),
            show_ym(f.start),
            end,
            months
        )
    }

    fn rows(text: &str) -> Vec<String> {
        find_all(text, AS_OF).iter().map(|f| show(text, f)).collect()
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Cases {
        case: Vec<Case>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        text: String,
        #[serde(default)]
        as_of: Option<String>,
        positions: Vec<String>,
        total_months: u32,
        #[serde(default)]
        internships: Vec<bool>,
    }

    #[test]
    fn spaced_letters_are_joined_into_words() {
        for (line, want) in [
            ("W O R K   E X P E R I E N C E", Some("WORK EXPERIENCE")),
            ("  E D U C A T I O N  ", Some("EDUCATION")),
            ("S K I L L S  &  T O O L S", Some("SKILLS & TOOLS")),
            // Not spaced letters: words, a short run, digits.
            ("Work Experience", None),
            ("Q & A", None),
            ("A B Testing", None),
            ("E D U C A T I O N 2019", None),
            ("", None),
        ] {
            assert_eq!(unspaced(line).as_deref(), want, "{line:?}");
        }
    }

    #[test]
    fn double_spaced_lines_have_no_single_gap() {
        for (line, want) in [
            ("Design  Engineer  –  Ashok  Leyland  Ltd .      Aug  2020", true),
            ("Sanjay  Menon ,  Chennai  |  Engineer", true),
            ("Design Engineer  Ashok Leyland Ltd      Aug 2020", false),
            ("Design  Engineer", false),
            ("", false),
        ] {
            assert_eq!(double_spaced(line), want, "{line:?}");
        }
    }

    #[test]
    fn lexicon_loads() {
        assert_eq!(LEX.data.month.len(), 12);
        assert!(LEX.data.company_suffixes.iter().any(|s| s == "gmbh"));
    }

    #[test]
    fn table() {
        let cases: Cases = toml::from_str(include_str!("../../fixtures/cases/positions.toml"))
            .expect("positions.toml parses");
        assert!(cases.case.len() >= 50, "{} cases", cases.case.len());
        let mut failures = Vec::new();
        for c in &cases.case {
            let as_of = c.as_of.as_deref().map_or(AS_OF, ym);
            let found = find_all(&c.text, as_of);
            let got: Vec<String> = found.iter().map(|f| show(&c.text, f)).collect();
            let total = total_months(&found, as_of);
            let interns: Vec<bool> = found.iter().map(|f| f.internship).collect();
            if got != c.positions
                || total != c.total_months
                || (!c.internships.is_empty() && interns != c.internships)
            {
                failures.push(format!(
                    "{:?}\n  want {:?} total {}\n  got  {:?} total {} interns {:?}",
                    c.text, c.positions, c.total_months, got, total, interns
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// A header is read up across a blank line only through lines standing alone between
    /// blank lines (Indeed's layout): a skills list above a project line is not its header,
    /// so the position's span, and the skills counted in it, start at the project line.
    #[test]
    fn spaced_headers_take_only_lines_standing_alone() {
        let t = "Technical Skills\nTools: ISPF, SPUFI, QMF\nSchedulers: CA-7, Control-M\n\nProject: Card Modernisation, Tata Consultancy Services (2016–2022)\n- Enhanced CICS programs";
        let found = find_all(t, AS_OF);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, t.find("Project").unwrap());
        let t = "Experience\n\nApplication Developer\n\nIBM India Pvt. Ltd. -  Kolkata -\n\nApril 2011 to March 2018\n\nSAP work.";
        let found = find_all(t, AS_OF);
        assert_eq!(found[0].span.start, t.find("Application").unwrap());
    }

    /// Found by fuzzing: a cell of spaces alone between tabs was a reversed range, and
    /// reading it panicked.
    #[test]
    fn tab_cells_of_spaces_are_empty() {
        assert_eq!(tab_cells("a\t  \t b \t"), [0..1, 4..4, 6..7, 9..9]);
        let line = "Employer\t \u{a0}\tPosition\t\tDates";
        for c in tab_cells(line) {
            assert!(c.start <= c.end && line.is_char_boundary(c.start), "{c:?}");
        }
        assert!(
            find_all(
                "Employer\t \tPosition\t\tDates\nAcme\t \tEngineer\t\t2019 - 2021",
                AS_OF
            )
            .len()
                <= 1
        );
    }

    #[test]
    fn month_counts_are_inclusive() {
        let t = "Analyst, Acme Corp, Jan 2019 - Mar 2019";
        assert_eq!(rows(t), ["Analyst | Acme Corp | 2019-01 | 2019-03 | 3"]);
    }

    #[test]
    fn spans_and_dates_point_into_the_text() {
        let t =
            "EXPERIENCE\nSenior Engineer | Acme Corp | Jan 2019 – Present\n• Built the API\n\nSKILLS\nRust";
        let f = find_all(t, AS_OF);
        assert_eq!(f.len(), 1);
        assert_eq!(&t[f[0].dates.clone()], "Jan 2019 – Present");
        assert_eq!(
            &t[f[0].span.clone()],
            "Senior Engineer | Acme Corp | Jan 2019 – Present\n• Built the API"
        );
        assert!(f[0].current && f[0].end.is_none());
    }

    #[test]
    fn overlaps_count_once_and_internships_not_at_all() {
        let t = "Experience\nEngineer, Acme Inc, Jan 2020 - Dec 2020\nConsultant, Initech LLC, Jun 2020 - Jun 2021\nSoftware Engineering Intern, Globex Corp, Summer 2018";
        let f = find_all(t, AS_OF);
        assert_eq!(f.len(), 3);
        assert!(f[2].internship);
        assert_eq!(total_months(&f, AS_OF), 18);
    }

    #[test]
    fn two_digit_years_and_seasons() {
        assert_eq!(
            line_dates("Jan '19 – Mar '21", AS_OF).map(|d| (d.start, d.end)),
            Some((ym("2019-01"), Some(ym("2021-03"))))
        );
        assert_eq!(
            line_dates("Fall 2015 - Spring 2017", AS_OF).map(|d| (d.start, d.end)),
            Some((ym("2015-09"), Some(ym("2017-05"))))
        );
        assert_eq!(
            line_dates("'98 - '01", AS_OF).map(|d| (d.start, d.end)),
            Some((ym("1998"), Some(ym("2001"))))
        );
    }

    #[test]
    fn no_dates_no_positions() {
        assert!(find_all("Experience\nSenior Engineer at Acme", AS_OF).is_empty());
        assert!(find_all("", AS_OF).is_empty());
    }

    /// The résumé fixtures, entry by entry, with their totals (internships left out).
    #[test]
    fn resume_fixtures() {
        let files: [(&str, &str, &[&str], u32); 5] = [
            (
                "chronological",
                include_str!("../../fixtures/resumes/chronological.txt"),
                &[
                    "Senior Backend Engineer | Brightwater Payments Inc. | 2021-03 | present | 69",
                    "Software Engineer | Tallgrass Logistics LLC | 2018-06 | 2021-02 | 33",
                    "Junior Developer | Kestrel Digital Agency | 2016-08 | 2018-05 | 22",
                    "Software Engineering Intern | Orbital Data Systems | 2015-06 | 2015-08 | 3",
                ],
                124,
            ),
            (
                "functional",
                include_str!("../../fixtures/resumes/functional.txt"),
                &[
                    "Data Analyst | Peachtree Home Goods | 2022 | present | 59",
                    "Operations Coordinator | Peachtree Home Goods | 2019 | 2022 | 48",
                    "Shift Supervisor | Magnolia Coffee Co | 2016 | 2019 | 48",
                ],
                131,
            ),
            (
                "one-page",
                include_str!("../../fixtures/resumes/one-page.md"),
                &[
                    "Machine Learning Engineer | Lumen Retail Technologies | 2022-01 | present | 59",
                    "Data Scientist | Cedar Health Analytics | 2019-09 | 2021-12 | 28",
                    "Research Assistant | Hill Country University | 2017 | 2019 | 36",
                ],
                119,
            ),
            (
                "two-column",
                include_str!("../../fixtures/resumes/two-column-pdf.txt"),
                &[
                    "Site Reliability Engineer | Summit Cloud Technologies | 2020-06 | present | 78",
                    "DevOps Engineer | Redrock Media Group | 2016-06 | 2020-05 | 48",
                    "Systems Administrator | Front Range Credit Union | 2014-01 | 2016-05 | 29",
                ],
                155,
            ),
            (
                "no-skills",
                include_str!("../../fixtures/resumes/no-skills-section.txt"),
                &[
                    "Charge Nurse, Cardiac Step-Down Unit | Northstar Regional Hospital | 2021 | present | 71",
                    "Registered Nurse | Lakeside Family Clinic | 2017-03 | 2020-12 | 46",
                    "Nursing Assistant | Twin Pines Care Home | 2014 | 2017 | 48",
                ],
                155,
            ),
        ];
        for (name, text, want, total) in files {
            let f = find_all(text, AS_OF);
            let got: Vec<String> = f.iter().map(|x| show(text, x)).collect();
            assert_eq!(got, want, "{name}");
            assert_eq!(total_months(&f, AS_OF), total, "{name}");
            for x in &f {
                let span = &text[x.span.clone()];
                assert!(span.contains(&text[x.dates.clone()]), "{name}: {span:?}");
            }
        }
    }
}
