//! Education requirements: the degree level a sentence names (from
//! `lexicons/cues/education.toml`), the fields of study after it, and "or equivalent".

use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    level: Vec<Level>,
    equivalent: Phrases,
    institution: Institution,
    certification: CertificationCues,
    workplace: Workplace,
}

/// Words around a school level that make it a place of work in a posting ("teaching experience
/// in a secondary school", "high school students").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Workplace {
    before: Vec<String>,
    between: Vec<String>,
    after: Vec<String>,
    /// Capitalised words before a level that make no school's name of it ("Completed High
    /// School", "Senior High School").
    not_names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertificationCues {
    expiry: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Institution {
    words: Vec<String>,
    /// Schools with several campuses, each named after a comma or a dash ("University of
    /// California, Berkeley"): the campus is part of the name.
    campus_systems: Vec<String>,
    /// Examining boards ("CBSE", "Maharashtra State Board"): a school-level entry's institution
    /// when no school is named.
    boards: Vec<String>,
    connectors: Vec<String>,
    ongoing: Vec<String>,
    /// Labels of a school's line in a form ("Institution:", "School:").
    labels: Vec<String>,
    /// Words that with a level make no school's name ("Senior High School").
    generic: Vec<String>,
    /// Endings of a school's name in a script written without spaces, glued to it ("서울대학교",
    /// "東京工業大学").
    glued: Vec<String>,
    field_stops: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    level: String,
    phrases: Vec<String>,
    #[serde(default)]
    cased: Vec<String>,
    /// Forms read only in a résumé, as written, opening a line that names a school.
    #[serde(default)]
    line_openers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    phrases: Vec<String>,
}

static DATA: LazyLock<File> =
    LazyLock::new(|| cue_file!("cues/education").expect("education.toml is checked by the test suite"));

/// What a sentence says about education.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) level: String,
    pub(crate) fields: Vec<String>,
    pub(crate) or_equivalent: bool,
    /// Where the level phrase starts.
    pub(crate) at: usize,
    /// A higher degree accepted beside the one asked: Naukri's "PG: Any Postgraduate" or
    /// "Doctorate: Any Doctorate" under "UG: Any Graduate" (the lines list the degrees each
    /// level may hold; a graduate is enough).
    pub(crate) alternative: bool,
}

/// Level phrases (payload: level index) and cased forms (payload: level index | `CASED`, with
/// the form's index in the list above bit 16).
static LEVELS: LazyLock<(PhraseSet, Vec<String>)> = LazyLock::new(|| {
    let mut all: Vec<(String, u32)> = Vec::new();
    let mut cased_forms = Vec::new();
    for (i, l) in DATA.level.iter().enumerate() {
        all.extend(l.phrases.iter().map(|p| (p.clone(), i as u32)));
        for c in &l.cased {
            all.push((c.clone(), i as u32 | CASED | (cased_forms.len() as u32) << 16));
            cased_forms.push(c.clone());
        }
        for c in &l.line_openers {
            all.push((
                c.clone(),
                i as u32 | CASED | OPENER | (cased_forms.len() as u32) << 16,
            ));
            cased_forms.push(c.clone());
        }
    }
    (
        PhraseSet::new(all.iter().map(|(p, v)| (p.as_str(), *v))),
        cased_forms,
    )
});

static EQUIVALENT: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(DATA.equivalent.phrases.iter().map(|p| (p.as_str(), 0))));

const CASED: u32 = 1 << 8;
/// A cased form that names a level only opening a résumé line that names a school.
const OPENER: u32 = 1 << 9;

/// Whether `range` opens its line (after spaces, bullets and dates: "2014 – 2016 : DUT Réseaux
/// et Télécommunications, IUT de Grenoble") and the line names a school ("Master Informatique —
/// Université de Nantes, 2019"), or the line above does and the form is followed by a comma, as
/// LinkedIn exports write the degree under its school ("Strate École de Design\nMaster, Design
/// d'interaction · (2015 - 2018)").
fn opens_school_line(text: &str, range: &Range<usize>) -> bool {
    // The line is read at most `LINE_REACH` bytes either side: a huge line of degrees was
    // quadratic.
    let near = super::line_within(text, range.start, range.end);
    let (line_start, line_end) = (near.start, near.end);
    if !super::starts_line(text, line_start) || !opens_line(&text[line_start..range.start]) {
        return false;
    }
    if institution(&text[line_start..line_end]).is_some() {
        return true;
    }
    let above = text[..line_start].trim_end();
    let above = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
    if text[range.end..].starts_with(',') && institution(above).is_some() {
        return true;
    }
    // A form of two words or more ("Associate in Culinary Arts", Indeed) may have its school
    // on the line under it, when its own line has no dates (a job's title line would).
    let below = text[line_end..]
        .strip_prefix("\r\n")
        .or_else(|| text[line_end..].strip_prefix('\n'))
        .unwrap_or("");
    let cut = below.find('\n').unwrap_or(below.len()).min(super::LINE_REACH);
    let below = &below[..crate::input::floor_char_boundary(below, cut)];
    text[range.clone()].contains(' ')
        && !text[line_start..line_end].contains(|c: char| c.is_ascii_digit())
        && institution(below).is_some()
}

/// Whether the text before a form on its line is nothing but spaces, bullets and dates
/// ("• ", "2014 – 2016 : ", "10/2015–07/2017  "): the form opens the line.
fn opens_line(before: &str) -> bool {
    before
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || "-–—/.:|".contains(c)
                || crate::sections::BULLETS.contains(&c)
        })
        .is_empty()
}

/// Words after an abbreviation that say it is a degree asked for ("BSN preferred", "B.Com
/// graduate", "MBA required").
const FOLLOWING_WORDS: &[&str] = &[
    "preferred",
    "required",
    "graduate",
    "graduates",
    "holder",
    "holders",
    "desired",
    "desirable",
    "mandatory",
    "essential",
    "is preferred",
    "is required",
    "a plus",
    "an advantage",
    "an asset",
    // "Minimum SPM qualification", "HND certificate"
    "qualification",
    "qualifications",
    "certificate",
    "level",
];

/// Whether an abbreviation at `range` reads as a degree: followed by "in", "or", "degree", a
/// slash, a comma, a dash or bar ("HSC – Maharashtra State Board, 2020") or the end — not "MS Teams" or "BA Airways" —, and not a US state after a
/// city ("Boston, MA"; a list of degrees "BS, MS" is fine). In a résumé (`resume`) also a
/// column of a table row with a year ("HSC      Maharashtra Board      2011", "… School of
/// Nursing      BSN      2018"), and the first word of a line naming a school ("BA
/// Communication Design, Universität der Künste Berlin, 2017"; not "MS Office").
fn reads_as_degree(text: &str, range: &Range<usize>, cased_forms: &[String], resume: bool) -> bool {
    // (A CRLF line break is one too.)
    let next = text[range.end..].trim_start_matches([' ', '\t', '\r']);
    // At most `LINE_REACH` bytes either side (a huge line of degrees was quadratic); a cut
    // line opens with no degree.
    let near = super::line_within(text, range.start, range.end);
    let (line_start, line_end) = (near.start, near.end);
    let line = &text[line_start..line_end];
    let column = |s: &str| s.is_empty() || s.ends_with("  ") || s.ends_with('\t');
    let table_cell = resume
        && column(&text[line_start..range.start])
        && (text[range.end..line_end].starts_with("  ")
            || text[range.end..line_end].starts_with('\t')
            || range.end == line_end)
        && graduation_year(line, 9999).is_some();
    let opens = resume
        && super::starts_line(text, line_start)
        && opens_line(&text[line_start..range.start])
        && institution(line).is_some();
    let followed = table_cell
        || opens
        || next.is_empty()
        || next.starts_with(['/', ',', '(', '.', ';', ')', '\n', '–', '—', '|'])
        || next.starts_with("- ")
        || ["in ", "or ", "degree", "and ", "from "]
            .iter()
            .any(|w| next.starts_with(w))
        || FOLLOWING_WORDS.iter().any(|w| {
            next.strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        });
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    // Only a two-letter form can be a state ("J.D." after "Columbia Law School," is a degree).
    let two_letters =
        text[range.clone()].len() == 2 && text[range.clone()].bytes().all(|b| b.is_ascii_uppercase());
    let state = two_letters
        && before.strip_suffix(',').is_some_and(|b| {
            let word = b
                .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                .next()
                .unwrap_or("");
            !cased_forms.iter().any(|f| f == word) && !word.eq_ignore_ascii_case("phd")
        });
    // "Graduate of BS Nursing", "graduates of BS Accountancy" (Philippine postings), and
    // French "Titulaire d'un BTS Comptabilité" (the holder of): the abbreviation after them is
    // the degree, whatever follows it.
    let graduate_of = {
        let tail = super::last_bytes(before, 20)
            .to_ascii_lowercase()
            .replace('’', "'");
        tail.ends_with("graduate of")
            || tail.ends_with("graduates of")
            || tail.ends_with("titulaire d'un")
            || tail.ends_with("titulaire du")
    };
    // "5+ years as a BA", "work as an MA": a role (a business analyst), not a degree.
    let role = {
        let mut words = before.rsplit([' ', '\t', '\n']);
        let article = words.next().unwrap_or("");
        (article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("an"))
            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("as"))
    };
    (followed || graduate_of) && !state && !role
}

/// The education each sentence asks for: for every sentence that names a level, the level
/// named first, its fields and "or equivalent". In a résumé (`resume`) a field may follow the
/// level directly ("MSc Computer Science"). Matches inside `contacts` (e-mail addresses, URLs)
/// are none. Returns `(sentence index, found)` pairs.
pub(crate) fn find_all(
    text: &str,
    sentences: &[Range<usize>],
    resume: bool,
    contacts: &super::Covering,
) -> Vec<(usize, Found)> {
    let (set, cased_forms) = &*LEVELS;
    let mut out: Vec<(usize, Found)> = Vec::new();
    let mut scoped: Option<(usize, super::requirement::Scope)> = None;
    for (r, payload) in set.find_iter(text) {
        // "b.e.smith@example.com" names no degree.
        if contacts.covers(r.clone()) {
            continue;
        }
        if payload & CASED != 0 {
            let form = &cased_forms[(payload >> 16) as usize];
            let reads = if payload & OPENER != 0 {
                resume && opens_school_line(text, &r)
            } else {
                reads_as_degree(text, &r, cased_forms, resume)
            };
            if text[r.clone()] != **form || !reads {
                continue;
            }
        }
        if !resume && school_as_workplace(text, &r) {
            continue;
        }
        // In a résumé's form, a level inside the school's name on its labelled line
        // ("Institution: Durban Girls' High School") is the school; the degree has a line of
        // its own ("Qualification: National Senior Certificate").
        if resume {
            let line = super::line_within(text, r.start, r.end);
            if super::starts_line(text, line.start)
                && label_end(&text[line.start..r.start]).is_some_and(|e| line.start + e <= r.start)
            {
                continue;
            }
            // Nor is a heading in capitals that names a school level ("SECONDARY EDUCATION",
            // "TERTIARY EDUCATION", South Africa).
            if education_heading(&text[line.clone()]) {
                continue;
            }
            // Nor a level inside a school's name after a role on its line: the school is where
            // the role was held ("Jan 2020 – Present: Teacher of Mathematics, Moi Girls High
            // School Eldoret", "Teaching Practice, Alliance High School", a referee's
            // "Principal, Moi Girls High School").
            // (The field before the school's is read at most 120 bytes back: a huge line of
            // schools was slow.)
            if inside_name(text, r.start) {
                let before = super::last_bytes(&text[line.start..r.start], 120);
                let fields: Vec<&str> = before.rsplitn(3, [',', ';', '|', ':', '–', '—', '(']).collect();
                if fields.len() >= 2 && super::positions::has_role_noun(fields[1]) {
                    continue;
                }
            }
        }
        let Some(si) = super::sentence_at(sentences, r.start) else {
            continue;
        };
        // One degree per sentence, unless another level is asked at another requirement level
        // in it ("Associate degree in Nursing required, BSN preferred"); and one per line of
        // a level ("mgr inż. Informatyka (MSc Eng. Computer Science), 2017" is one master's
        // degree, written twice).
        let level = &DATA.level[(payload & 0xff) as usize].level;
        if out.last().is_some_and(|(last, f)| {
            (*last == si && (resume || !asked_apart(text, &sentences[si], &mut scoped, &out, level, r.start)))
                || (f.level == *level && !text[f.at..r.start].contains('\n'))
        }) {
            continue;
        }
        // In a résumé, the degree named again inside a line of its entry that names no school
        // and no year ("Studium Elektrotechnik (Bachelor of Engineering)⏎Hochschule Esslingen⏎
        // Abschluss: B.Eng., Note 1,8"; a PDF's "Bachelor of⏎Engineering (B.E.)") is that
        // entry's, not a second degree.
        if resume
            && out.last().is_some_and(|(_, f)| {
                let between = &text[f.at..r.start];
                f.level == *level
                    && (1..=2).contains(&between.matches('\n').count())
                    && !blank_line_in(between)
            })
        {
            // (A degree opening its line is one of its own: "A Levels: …⏎GCSEs: 9 …".)
            let line = super::line_within(text, r.start, r.end);
            let here = &text[line.clone()];
            if institution(here).is_none() && !has_year(here) && !opens_line(&text[line.start..r.start]) {
                continue;
            }
        }
        // In a résumé, a school named after its level ("Lanier High School") on the line under
        // that degree ("High school diploma", or "Senior High School, 2014", which names no
        // school) is the degree's school, not a second degree.
        if resume
            && out.last().is_some_and(|(_, f)| {
                f.level == *level
                    && text[f.at..r.start].matches('\n').count() == 1
                    && (!inside_name(text, f.at)
                        || institution(&text[super::line_within(text, f.at, f.at)]).is_none())
            })
            && inside_name(text, r.start)
        {
            continue;
        }
        // ...and a level named with generic words only ("Senior High School, 2018") on the line
        // under a school named after that level ("Quezon City Science High School") is that
        // school's entry, not a second one.
        if resume
            && out.last().is_some_and(|(_, f)| {
                f.level == *level
                    && text[f.at..r.start].matches('\n').count() == 1
                    && inside_name(text, f.at)
                    && institution(&text[super::line_within(text, f.at, f.at)]).is_some()
            })
            && institution(&text[super::line_within(text, r.start, r.end)]).is_none()
        {
            continue;
        }
        let sentence = &text[sentences[si].clone()];
        let after = &text[r.end..sentences[si].end.max(r.end)];
        // "PG: Post Graduation Not Required", "Doctorate: Doctorate Not Required" (Naukri)
        // ask for no such degree.
        if !resume && not_required(after) {
            continue;
        }
        let alternative = !resume && higher_alternative(text, r.start, &out);
        let phrase = text[r.clone()].to_ascii_lowercase();
        // "degree in" and "masters in" end where the fields begin: step back over the "in".
        let mut fields = match phrase.rsplit_once(' ') {
            Some((_, last @ ("in" | "from"))) => self::fields(&format!("{last} {after}")),
            _ => self::fields(after),
        };
        if fields.is_empty() && resume {
            fields.extend(written_field(&phrase, after));
        }
        // "or equivalent" may stand in the next sentence of the same line ("…; in lieu of a degree, …").
        let next_on_line = sentences
            .get(si + 1)
            .filter(|n| !text[sentences[si].end..n.start].contains('\n'));
        let or_equivalent = EQUIVALENT.find_iter(sentence).next().is_some()
            || next_on_line.is_some_and(|n| EQUIVALENT.find_iter(&text[n.clone()]).next().is_some());
        out.push((
            si,
            Found {
                level: DATA.level[(payload & 0xff) as usize].level.clone(),
                fields,
                or_equivalent,
                at: r.start,
                alternative,
            },
        ));
    }
    out
}

/// Whether "not required" follows within the next three words ("Post Graduation Not
/// Required", "Doctorate: Doctorate Not Required", "Degree not required").
fn not_required(after: &str) -> bool {
    // Four words are a few bytes: a long run of punctuation after the level is not read whole.
    let head: Vec<&str> = super::first_bytes(after, 80)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    head.windows(2)
        .take(3)
        .any(|w| w[0].eq_ignore_ascii_case("not") && w[1].eq_ignore_ascii_case("required"))
}

/// Naukri's labels of the degrees accepted at each level: "UG:" (a first degree), and the
/// higher ones, "PG:" and "Doctorate:".
const FIRST_DEGREE_LABEL: &str = "ug:";
const HIGHER_DEGREE_LABELS: [&str; 3] = ["pg:", "doctorate:", "post graduation:"];

/// The value after a label of `labels` that opens the line holding `at` (any case), if one
/// does.
fn labelled_value<'t>(text: &'t str, at: usize, labels: &[&str]) -> Option<&'t str> {
    let line = super::line_within(text, at, at);
    let head = text[line].trim_start_matches(|c: char| c.is_whitespace() || "*-•·".contains(c));
    labels
        .iter()
        .find_map(|l| strip_prefix_ci(head, l))
        .map(str::trim_start)
}

/// Whether the line holding `at` opens with a label of `labels` (any case).
fn line_opens_with(text: &str, at: usize, labels: &[&str]) -> bool {
    labelled_value(text, at, labels).is_some()
}

/// Whether the level at `at` is "any" higher degree on a "PG:" or "Doctorate:" line of
/// Naukri's education block after a "UG:" line that names a degree (in `found`): a higher
/// degree is accepted there, not asked ("UG: Any Graduate / PG: Any Postgraduate"). A named
/// one ("PG: MBA/PGDM in Marketing") is asked, and so is any higher degree without a degree
/// under "UG:" ("UG: Graduation Not Required / PG: Any Postgraduate").
fn higher_alternative(text: &str, at: usize, found: &[(usize, Found)]) -> bool {
    labelled_value(text, at, &HIGHER_DEGREE_LABELS).is_some_and(|v| strip_prefix_ci(v, "any ").is_some())
        && found
            .iter()
            .rev()
            .take(2)
            .any(|(_, f)| at - f.at < 600 && line_opens_with(text, f.at, &[FIRST_DEGREE_LABEL]))
}

/// Whether a level phrase ending in "school" at `range` names a place of work, not a degree
/// ("experience in a secondary school", "at a busy high school", "high school students";
/// `[workplace]` of education.toml). Reads at most a few words either side.
fn school_as_workplace(text: &str, range: &Range<usize>) -> bool {
    let phrase = text[range.clone()].to_lowercase();
    if !phrase.ends_with("school") {
        return false;
    }
    // The posting's first line is its title ("High School English Teacher"): it names the job.
    // A title is short, ends with no full stop and has lines under it.
    if range.start < 200 && !text[..range.start].trim_start().contains('\n') {
        let rest = super::first_bytes(&text[range.end..], 120);
        if let Some(end) = rest.find('\n')
            && !rest[..end].trim_end().ends_with('.')
        {
            return true;
        }
    }
    let w = &DATA.workplace;
    // A school's name ending its line or a header field ("Ridgeview Secondary School", "Mathematics
    // Teacher · Loreto High School"): the employer, not a degree asked.
    if inside_name(text, range.start) {
        let line_rest = super::first_bytes(&text[range.end..], 40);
        let rest = line_rest[..line_rest.find('\n').unwrap_or(line_rest.len())].trim_end();
        let ends_field =
            rest.is_empty() || rest.starts_with([',', '·', '|', '•', '(']) || rest.starts_with(" - ");
        let line = super::line_within(text, range.start, range.start);
        let word = text[line.start..range.start]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        if ends_field && !w.not_names.iter().any(|n| n.eq_ignore_ascii_case(word)) {
            return true;
        }
    }
    let next: String = super::first_bytes(&text[range.end..], 40)
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == ' ' || *c == '-')
        .collect::<String>()
        .to_lowercase();
    let after = w.after.iter().any(|a| {
        next.strip_prefix(a.as_str())
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphabetic()))
    });
    if after {
        return true;
    }
    let before = super::last_bytes(&text[..range.start], 60);
    let before = &before[before.rfind(['\n', ',', ';', ':', '(']).map_or(0, |i| i + 1)..];
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    for (k, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        if w.before.contains(&lower) {
            return true;
        }
        let passable = k < 2 && (w.between.contains(&lower) || word.starts_with(|c: char| c.is_uppercase()));
        if !passable {
            return false;
        }
    }
    false
}

/// Whether a posting's level at `at`, in the sentence `sentence` of the last degrees found
/// (`out`), is asked apart from them: a level none of them has, at another requirement level
/// of the sentence's parts ("Associate degree required, BSN preferred"; not "BS, MS or PhD in
/// CS"). `scoped` keeps the sentence's parts, read once.
fn asked_apart(
    text: &str,
    sentence: &Range<usize>,
    scoped: &mut Option<(usize, super::requirement::Scope)>,
    out: &[(usize, Found)],
    level: &str,
    at: usize,
) -> bool {
    let same: Vec<&Found> = out
        .iter()
        .rev()
        .take_while(|(_, f)| f.at >= sentence.start)
        .map(|(_, f)| f)
        .collect();
    if same.iter().any(|f| f.level == level) {
        return false;
    }
    if scoped.as_ref().is_none_or(|(s, _)| *s != sentence.start) {
        *scoped = Some((
            sentence.start,
            super::requirement::scope(&text[sentence.clone()], None),
        ));
    }
    let (_, scope) = scoped.as_ref().expect("scoped above");
    let here = scope.at(at - sentence.start);
    same.iter().all(|f| scope.at(f.at - sentence.start) != here)
}

/// Whether the level phrase at `at`, written with a capital ("High School"), goes on from a
/// capitalised word before it on its line: it is part of a school's name ("Loreto High
/// School", "Parrs Wood High School"), not a degree ("High school diploma", "Diploma, High
/// School").
pub(crate) fn inside_name(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let before = &text[super::line_within(text, at, at).start..at];
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let word = head.rsplit(' ').next().unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(char::is_alphabetic)
}

/// Fields of study after the level, from the original text: "in Computer Science,
/// Engineering or a related field". A field list ends at "or equivalent", "preferred", a full
/// stop, and at an "and" that goes on in lower case ("and state licensure").
fn fields(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let rest = strip_prefix_ci(rest, "degree").unwrap_or(rest).trim_start();
    // "BS or MS in CS", "MSc/PhD in Physics": step over the other levels to the fields.
    let lower = rest.to_ascii_lowercase();
    let rest = match lower.find(" in ") {
        Some(i)
            if (lower.starts_with("or ") || lower.starts_with('/'))
                && lower[..i].split_whitespace().count() <= 3 =>
        {
            &rest[i + 1..]
        }
        _ => rest,
    };
    let Some(rest) = ["in ", "of ", "on ", "with a major in "]
        .iter()
        .find_map(|p| strip_prefix_ci(rest, p))
    else {
        return Vec::new();
    };
    let lower = rest.to_ascii_lowercase();
    let stop = [
        " or equivalent",
        " or an equivalent",
        ", or equivalent",
        " preferred",
        " required",
        " is required",
        " from ",
        " with ",
        " and/or ",
        " plus ",
        " and equivalent",
        " and relevant",
        " and experience",
        " and at least",
        " and 2",
        " and 3",
        " and 4",
        " and 5",
    ];
    let mut end = rest.find(['.', ';', '(', ':', '\n', '!']).unwrap_or(rest.len());
    for s in stop {
        if let Some(i) = lower[..end].find(s) {
            end = end.min(i);
        }
    }
    for (i, _) in rest[..end].match_indices(" and ") {
        if rest[i + 5..].starts_with(|c: char| c.is_lowercase()) {
            end = end.min(i);
        }
    }
    rest[..end]
        .to_lowercase()
        .split([',', '/'])
        .flat_map(|part| part.split(" or ").map(str::to_string).collect::<Vec<_>>())
        .flat_map(|part| part.split(" and ").map(str::to_string).collect::<Vec<_>>())
        .map(|f| {
            f.trim()
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("or ")
                .trim()
                .to_string()
        })
        // A school ends the list ("in Computer Science, University of Michigan").
        .take_while(|f| {
            !f.split_whitespace()
                .any(|w| DATA.institution.words.iter().any(|i| i == w))
        })
        .filter(|f| {
            !f.is_empty() && f.split_whitespace().count() <= 5 && !f.chars().any(|c| c.is_ascii_digit())
        })
        .take(8)
        .collect()
}

/// A résumé's field written right after its degree: "MSc Computer Science, TU München",
/// "B.S. Computer Science | 2019", "Bachelor of Science, Mathematics". Capitalised words up to
/// a separator; none when the words name a school or the degree ends the line.
fn written_field(phrase: &str, after: &str) -> Option<String> {
    let mut rest = after.trim_start_matches(['.', ' ', '\t']);
    for skip in ["(hons)", "(honours)", "(honors)", "hons", "degree", "-", "–", ":"] {
        if let Some(r) = strip_prefix_ci(rest, skip) {
            rest = r.trim_start_matches([' ', '\t']);
        }
    }
    // "Bachelor of Science, Mathematics": the field after a comma only for "X of Y" degrees.
    if let Some(r) = rest.strip_prefix(',') {
        let of_degree = ["science", "arts", "engineering", "technology", "commerce"]
            .iter()
            .any(|w| phrase.ends_with(w));
        if !of_degree {
            return None;
        }
        rest = r.trim_start();
    }
    // A PDF's spread line ("B.Sc.    Computer  Science    2014  –  2018"): two spaces between
    // its words, more between its columns; the field is the first column's words.
    let column = super::first_bytes(rest, 200);
    let column = column.split(['\t', '\n']).next().unwrap_or(column);
    let column = column.split("   ").next().unwrap_or(column);
    let spread = double_spaced(column).then(|| column.replace("  ", " "));
    let rest = spread.as_deref().unwrap_or(rest);
    let stops = &DATA.institution.field_stops;
    let mut words = Vec::new();
    for w in rest.split([' ', '\t']) {
        let bare = w.trim_end_matches([',', ';', '|', '.', ')']);
        let lower = bare.to_lowercase();
        let connector = ["and", "&", "of", "in"].contains(&lower.as_str());
        if bare.is_empty()
            || (words.is_empty() && connector)
            || stops.contains(&lower)
            || !(connector || bare.starts_with(|c: char| c.is_uppercase()))
            || bare.chars().any(|c| c.is_ascii_digit())
            || DATA.institution.words.contains(&lower)
        {
            break;
        }
        words.push(bare);
        if bare.len() != w.len() || words.len() >= 6 {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| ["and", "&", "of", "in"].contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    // The run must not run into a school's name ("BSc Stanford University").
    let run_end = rest
        .find(words.last()?)
        .map_or(0, |i| i + words.last().map_or(0, |w| w.len()));
    let next = rest[run_end..]
        .split([' ', '\t'])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let next = next.trim_end_matches([',', ';', '|', '.', ')']).to_lowercase();
    if DATA.institution.words.contains(&next) || DATA.institution.connectors.contains(&next) && next != "and"
    {
        return None;
    }
    Some(words.join(" ").to_lowercase())
}

/// Whether a line separates its words of letters by two spaces, never one ("Anna  University ,
/// 2018", as some PDFs copy).
fn double_spaced(line: &str) -> bool {
    let b = line.as_bytes();
    let letter = |i: usize| b[i].is_ascii_alphabetic() || b[i] >= 0x80;
    let (mut single, mut double) = (false, false);
    for i in 1..b.len().saturating_sub(2) {
        if b[i] == b' ' && letter(i - 1) {
            if letter(i + 1) {
                single = true;
                break;
            }
            if b[i + 1] == b' ' && letter(i + 2) {
                double = true;
            }
        }
    }
    double && !single
}

/// Whether a line is a heading in capitals that ends in "EDUCATION" or "QUALIFICATIONS"
/// ("SECONDARY EDUCATION:", "TERTIARY QUALIFICATIONS"), of at most four words and no digits.
fn education_heading(line: &str) -> bool {
    let l = line.trim().trim_end_matches(':').trim_end();
    l.len() <= 64
        && (l.ends_with("EDUCATION") || l.ends_with("QUALIFICATIONS") || l.ends_with("QUALIFICATION"))
        && l.split_whitespace().count() <= 4
        && !l.chars().any(|c| c.is_ascii_digit() || c.is_lowercase())
}

/// The end of a school's label opening a résumé's form line ("Institution: ", "School Name:"):
/// the byte after its colon; `[institution] labels` of education.toml.
fn label_end(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    // A label is a few words: the colon stands within its first 30 bytes.
    let colon = trimmed.get(..trimmed.len().min(32))?.find(':')?;
    let label = trimmed[..colon].trim_end().to_lowercase();
    DATA.institution
        .labels
        .contains(&label)
        .then(|| line.len() - trimmed.len() + colon + 1)
}

/// The school named on a résumé's education line: the run of capitalised words (and
/// connectors: "of", "für", "&" …) around a word such as "University" or "Institute".
pub(crate) fn institution(line: &str) -> Option<Range<usize>> {
    institution_or_board(line).map(|(r, _)| r)
}

/// [`institution`], and whether what it names is an examining board ("CBSE", "Maharashtra State
/// Board", "WAEC"), named in place of a school: a school on the line wins over it.
pub(crate) fn institution_or_board(line: &str) -> Option<(Range<usize>, bool)> {
    // A CRLF line's carriage return is no part of the name.
    let line = line.trim_end_matches('\r');
    let inst = &DATA.institution;
    // Words with their ranges; a word that ends in a separator closes a run.
    let mut words: Vec<(Range<usize>, bool)> = Vec::new();
    // A school's label is no part of its name ("School: Orlando High School").
    let skip = label_end(line).unwrap_or(0);
    // A line a PDF copied with two spaces between all its words ("Anna  University ,  2018")
    // has its column gaps at three spaces or more; its first column decides when another kept
    // single spaces ("Columbia  Business  School          New York, NY").
    let double = double_spaced(line) || double_spaced(line.trim_start().split("   ").next().unwrap_or(""));
    let mut spaces = 0;
    let mut at = skip;
    // A label's colon ends its run too ("Institution: University of South Africa").
    // (A full-width space parts the words of a Japanese line: "2016年3月　東京工業大学 工学部".)
    for piece in line[skip..].split_inclusive([' ', '\t', ',', ';', '|', '(', ')', '–', '—', ':', '\u{3000}'])
    {
        let start = at;
        at += piece.len();
        // (A tab is a table's cell gap: "B.Sc. Statistics\tSt. Joseph's College".)
        let ends_run = piece.ends_with([',', ';', '|', '(', ')', '–', '—', ':', '\t', '\u{3000}']);
        let word = piece.trim_end_matches([' ', '\t', ',', ';', '|', '(', ')', '–', '—', ':', '\u{3000}']);
        if !word.is_empty() {
            words.push((start..start + word.len(), ends_run));
            spaces = 0;
        } else if let Some(last) = words.last_mut() {
            // A separator, or a second space in a row (a column gap), closes the run.
            spaces += 1;
            if !double || spaces > 1 || piece != " " {
                last.1 = true;
            }
        }
    }
    let lower = |r: &Range<usize>| line[r.clone()].trim_end_matches('.').to_lowercase();
    // A French elision before a capital goes on a name too ("IUT Nice Côte d'Azur").
    let capital = |r: &Range<usize>| {
        let w = &line[r.clone()];
        let w = ["d'", "d’", "l'", "l’"]
            .iter()
            .find_map(|e| w.strip_prefix(e))
            .unwrap_or(w);
        // A LaTeX command's argument too ("\textbf{Gdańsk University of Technology}", moderncv).
        let w = latex_argument(w).unwrap_or(w);
        w.starts_with(|c: char| c.is_uppercase())
    };
    // "Leopold-Franzens-Universität": a hyphenated name holds the word.
    // "서울대학교", "東京工業大学": a name of a script without case, glued to its school word.
    let glued = |r: &Range<usize>| {
        let w = &line[r.clone()];
        !w.chars()
            .any(|c| c.is_ascii() || c.is_lowercase() || c.is_uppercase())
            && inst
                .glued
                .iter()
                .any(|g| w.len() > g.len() && w.ends_with(g.as_str()))
    };
    let is_key = |r: &Range<usize>| {
        let w = lower(r);
        glued(r)
            || capital(r)
                && (inst.words.contains(&w)
                    || inst.boards.contains(&w)
                    || w.split('-').any(|p| inst.words.iter().any(|i| i == p)))
    };
    let is_board = |r: &Range<usize>| inst.boards.contains(&lower(r));
    let is_connector = |i: usize| inst.connectors.contains(&lower(&words[i].0));
    // The name around the school word at `key`: its first and last words.
    let run = |key: usize| -> (usize, usize) {
        // Words in capitals before a name that is not ("LAUREA TRIENNALE IN INGEGNERIA INFORMATICA
        // Politecnico di Milano", Europass) are the degree's: two of them in a row end the run.
        let upper = |i: usize| {
            let w = &line[words[i].0.clone()];
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
        };
        let name_in_capitals = upper(key);
        let mut first = key;
        while first > 0 {
            let (r, ends) = &words[first - 1];
            let w = lower(r);
            let degree = LEVELS.0.find_iter(&line[r.clone()]).next().is_some();
            // "Máster en Acceso a la Abogacía. Universidad Complutense de Madrid.": a word that
            // ends a sentence (longer than an abbreviation such as "Univ.") ends the name.
            let sentence_end = ends_sentence(&line[r.clone()]);
            let capitals = !name_in_capitals
                && first >= 2
                && upper(first - 1)
                && upper(first - 2)
                && !words[first - 2].1;
            // "Bacharelado em Administração - Universidade de São Paulo": a dash before the first
            // school word ends the name (after it, "Indiana University - Purdue University", it
            // joins two).
            if *ends
                || sentence_end
                || degree
                || capitals
                || w == "-"
                || !(capital(r) || inst.connectors.contains(&w))
                || w.chars().any(|c| c.is_ascii_digit())
                // "2009  4  Entered Waseda University" (a Japanese CV's timeline): the verb.
                || crate::extract::positions::is_timeline_join(&w)
            {
                break;
            }
            first -= 1;
        }
        let mut last = key;
        while !words[last].1 && last + 1 < words.len() {
            let (r, _) = &words[last + 1];
            let w = lower(r);
            // "San Diego State University - San Diego, CA" (Indeed): a dash between spaces, then
            // a town and its region, ends the name.
            if w == "-" && place_follows(&line[r.end..]) {
                break;
            }
            // A university numbered in its town ("Université Paris 1 Panthéon-Sorbonne",
            // "Université Lyon 1"): one or two digits right after a capitalised word of the name.
            let numbered = w.len() <= 2
                && w.bytes().all(|b| b.is_ascii_digit())
                && capital(&words[last].0)
                && !inst.connectors.contains(&lower(&words[last].0));
            // "Lycée hôtelier de Talence", "Università degli studi di Milano": a word in lower
            // case goes on the name when a capitalised word follows it in the run, past
            // connectors and one more such word.
            let lower_case_part = || {
                let plain = |i: usize| {
                    let r = &words[i].0;
                    let x = &line[r.clone()];
                    x.chars().all(char::is_alphabetic) && x.starts_with(char::is_lowercase)
                };
                plain(last + 1)
                    && !inst.connectors.contains(&w)
                    && (last + 1..words.len().min(last + 5))
                        .take_while(|&i| i == last + 1 || !words[i - 1].1)
                        .skip(1)
                        .find(|&i| !(is_connector(i) || plain(i)))
                        .is_some_and(|i| capital(&words[i].0) && !is_connector(i))
            };
            if !numbered
                && (!(capital(r) || inst.connectors.contains(&w)) || w.chars().any(|c| c.is_ascii_digit()))
                && !lower_case_part()
            {
                break;
            }
            last += 1;
        }
        // "George Mason University Fairfax, VA United States" (USAJobs): capitalised words after
        // the last school word, right before a comma and a region, are the town.
        if words[last].1 && place_follows(&line[words[last].0.end..]) {
            let last_key = (key..=last).rev().find(|&i| is_key(&words[i].0)).unwrap_or(key);
            if last_key < last && last - last_key <= 2 && !(last_key + 1..=last).any(is_connector) {
                last = last_key;
            }
        }
        // "University of Waterloo Waterloo, ON", "Columbia University New York, NY" (Jake's
        // résumé through `pdftotext`), "Columbia University City , State" (an anonymised
        // résumé): a listed town after the name and a single space, before a comma and a
        // region, is the town.
        if words[last].1 && last > key {
            let after = &line[words[last].0.end..];
            let anonymised = after
                .trim_start()
                .strip_prefix(',')
                .is_some_and(|r| r.trim_start().split([' ', '\n', ',']).next() == Some("State"));
            if place_follows(after) || anonymised {
                let from = words[key].0.start;
                if let Some(at) = crate::extract::positions::town_tail(&line[from..words[last].0.end])
                    && let Some(l) = (key..last).rev().find(|&i| words[i].0.end <= from + at)
                {
                    last = l;
                }
            }
        }
        // "University of California, Berkeley", "University of Wisconsin–Madison": a campus system's
        // name goes on to its campus, up to the next separator (not a region: "University of
        // Michigan, MI").
        let name = (first..=last)
            .map(|i| lower(&words[i].0))
            .collect::<Vec<_>>()
            .join(" ");
        if words[last].1 && inst.campus_systems.contains(&name) {
            let mut end = last;
            while end + 1 < words.len() && end - last < 3 && capital(&words[end + 1].0) {
                end += 1;
                if words[end].1 {
                    break;
                }
            }
            // A campus is a town's name: no school of its own ("University of Minnesota, Carlson
            // School of Management") and nothing after it but a separator.
            if end > last
                && (words[end].1 || end + 1 == words.len())
                && !(last + 1..=end).any(|i| is_key(&words[i].0))
            {
                let campus = &line[words[last + 1].0.start..words[end].0.end];
                if !place_code_or_region(campus) && !campus.chars().any(|c| c.is_ascii_digit()) {
                    last = end;
                }
            }
        }
        // A leading connector is the sentence's ("at the University of …"), unless written as
        // a name's own first word: "The University of Texas", "De La Salle University".
        let own_word = |i: usize| {
            let w = &line[words[i].0.clone()];
            capital(&words[i].0) && w.chars().any(char::is_lowercase)
        };
        while first < key && is_connector(first) && !own_word(first) {
            first += 1;
        }
        while last > key && is_connector(last) {
            last -= 1;
        }
        (first, last)
    };
    // "High School Diploma — Forest Lawn High School, 2011": a run that opens with a degree's
    // name is the degree, and a school word after it names the school.
    let mut found: Option<(usize, usize)> = None;
    // A board's name ("CBSE", "State Board") gives way to a school's on the line ("Higher
    // Secondary (State Board) – Sri Sankara Senior Secondary School").
    let mut board: Option<(usize, usize)> = None;
    let mut from = 0;
    while let Some(key) = (from..words.len()).find(|&i| is_key(&words[i].0)) {
        let (first, last) = run(key);
        if (first..=last).all(|i| !is_key(&words[i].0) || is_board(&words[i].0)) {
            board = board.or(Some((first, last)));
            from = last + 1;
            continue;
        }
        let name = &line[words[first].0.start..words[last].0.end];
        let degree = LEVELS.0.find_iter(name).next().is_some_and(|(r, _)| r.start == 0);
        if found.is_none() || !degree {
            found = Some((first, last));
        }
        if !degree {
            break;
        }
        from = last + 1;
    }
    let is_board_only = found.is_none();
    let Some((mut first, mut last)) = found.or(board) else {
        return school_beside_degree(line).map(|r| (r, false));
    };
    let dash_between =
        |a: usize, b: usize| matches!(line[words[a].0.end..words[b].0.start].trim(), "–" | "—");
    if !is_board_only {
        // "Universidade do Porto – Faculdade de Engenharia", "University of Oxford — Saïd
        // Business School": a school's faculty written after a dash is part of its name.
        if last + 1 < words.len() && dash_between(last, last + 1) {
            let key = (last + 1..words.len())
                .take_while(|&i| i == last + 1 || !words[i - 1].1)
                .find(|&i| is_key(&words[i].0));
            if let Some(key) = key {
                let (f, l) = run(key);
                let faculty = &line[words[f].0.start..words[l].0.end];
                if f == last + 1
                    && LEVELS
                        .0
                        .find_iter(faculty)
                        .next()
                        .is_none_or(|(r, _)| r.start > 0)
                {
                    last = l;
                }
            }
        }
        // "ICFO – The Institute of Photonic Sciences": a school's acronym before a dash, alone
        // in its field, is the name's first part (not a degree's: "MBA – Harvard Business School").
        if first > 0 && dash_between(first - 1, first) && (first == 1 || words[first - 2].1) {
            let acronym = &line[words[first - 1].0.clone()];
            let letters = acronym.chars().filter(char::is_ascii_alphabetic).count();
            if (2..=8).contains(&letters)
                && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '&')
                && LEVELS.0.find_iter(acronym).next().is_none()
                && !is_board(&words[first - 1].0)
            {
                first -= 1;
            }
        }
    }
    // "St. Stephen's College, University of Delhi": a college named with the university it
    // belongs to (India's affiliated colleges) is one name, the college's and the university's.
    if !is_board_only
        && words[last].1
        && lower(&words[last].0) == "college"
        && line[words[last].0.end..].trim_start().starts_with(',')
        && words.get(last + 1).is_some_and(|(r, _)| lower(r) == "university")
        && words.get(last + 2).is_some_and(|(r, _)| lower(r) == "of")
    {
        let (f, l) = run(last + 1);
        if f == last + 1 {
            last = l;
        }
    }
    // A line that is only a degree's name ("High School Diploma", Indeed, with the school on
    // the next line) names no school.
    let name = &line[words[first].0.start..words[last].0.end];
    let lower_name = name.to_lowercase();
    if LEVELS
        .0
        .find_iter(name)
        .next()
        .is_some_and(|(r, _)| r == (0..name.len()))
        && lower_name.split(' ').any(|w| inst.words.contains(&w.to_string()))
    {
        return None;
    }
    // Nor does a level with nothing but generic words around it ("Senior High School, 2014",
    // "Senior Secondary School Certificate"), with the school on another line.
    if let Some((r, _)) = LEVELS.0.find_iter(name).next().filter(|_| !is_board_only) {
        let generic = |s: &str| {
            s.split([' ', '\'', '’'])
                .filter(|w| !w.is_empty())
                .all(|w| inst.generic.iter().any(|g| g.eq_ignore_ascii_case(w)))
        };
        if generic(&name[..r.start]) && generic(&name[r.end..]) {
            return None;
        }
    }
    // "… Universidad Complutense de Madrid.": the full stop ending the sentence is not the
    // name's (that of "Univ." is).
    let end = words[last].0.end - usize::from(ends_sentence(&line[words[last].0.clone()]));
    // A LaTeX command around the name ("\textbf{…}") is no part of it.
    let first_word = &line[words[first].0.clone()];
    let start = words[first].0.start + latex_argument(first_word).map_or(0, |a| first_word.len() - a.len());
    let end = if line[start..end].ends_with('}') && !line[start..end].contains('{') {
        end - 1
    } else {
        end
    };
    Some((start..end, is_board_only))
}

/// The argument of a LaTeX command opening `w` ("\textbf{Gdańsk" gives "Gdańsk"), as a
/// template's source pasted or badly converted leaves it.
pub(crate) fn latex_argument(w: &str) -> Option<&str> {
    let rest = w.strip_prefix('\\')?;
    let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    (name > 0).then_some(())?;
    rest[name..].strip_prefix('{')
}

/// A school named without a school's word, in a field of its own beside the degree's on its
/// line ("Diploma of Paralegal Services⇥Holmesglen TAFE", "Leaving Certificate — Scoil Mhuire,
/// Ennis, 2011", "Ingeniería Industrial, Tecnológico de Monterrey, 2016"): the first field
/// after the degree's (else the one right before it) of capitalised words and connectors, two
/// words or more or an acronym ("SAIT"), without digits, a level, a place code or a region; not
/// the field written after an "X of Science" degree ("Master of Science, Data Science").
fn school_beside_degree(line: &str) -> Option<Range<usize>> {
    let (degree, payload) = LEVELS.0.find_iter(line).next()?;
    // Fields: cut at tabs, commas, semicolons, bars, column gaps and dashes between spaces.
    let mut fields: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let cut = if matches!(bytes[i], b'\t' | b',' | b';' | b'|') {
            1
        } else if rest.starts_with("   ") {
            rest.len() - rest.trim_start_matches(' ').len()
        } else if [" – ", " — ", " - "].iter().any(|d| rest.starts_with(d)) {
            rest[1..].find(' ').map_or(1, |k| k + 2)
        } else {
            0
        };
        if cut > 0 {
            fields.push(from..i);
            i += cut;
            from = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    fields.push(from..line.len());
    let trim = |r: &Range<usize>| {
        let s = &line[r.clone()];
        let body = s.trim_start();
        let start = r.start + s.len() - body.len();
        start..start + body.trim_end().len()
    };
    let fields: Vec<Range<usize>> = fields.iter().map(trim).filter(|r| !r.is_empty()).collect();
    let at = fields
        .iter()
        .position(|f| f.start <= degree.start && degree.end <= f.end)?;
    let inst = &DATA.institution;
    let school = |r: &Range<usize>| {
        let s = &line[r.clone()];
        let words: Vec<&str> = s.split_whitespace().collect();
        let acronym =
            words.len() == 1 && (3..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
        let capitalised = words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || inst.connectors.contains(&w.to_lowercase())
        }) && words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        (acronym || (2..=6).contains(&words.len()))
            && capitalised
            && !s.chars().any(|c| c.is_ascii_digit() || c == '(' || c == ')')
            && LEVELS.0.find_iter(s).next().is_none()
            && !place_code_or_region(s)
    };
    // A degree written alone in its field ("B.Tech, Computer Science Engineering", "Master of
    // Science, Data Science") has its subject in the next: only a degree that names its subject
    // in its own field ("Diploma of Paralegal Services"), or a school-leaving one, has its
    // school there.
    let school_level = DATA.level[(payload & 0xff) as usize].level == "high_school";
    if line[fields[at].clone()].len() == degree.len() && !school_level {
        return None;
    }
    let after = fields[at + 1..].iter().find(|f| school(f)).cloned();
    after.or_else(|| at.checked_sub(1).map(|k| fields[k].clone()).filter(|f| school(f)))
}

/// Whether `s` holds a line with nothing but spaces on it.
fn blank_line_in(s: &str) -> bool {
    let lines: Vec<&str> = s.split('\n').collect();
    lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|l| l.trim().is_empty())
}

/// Whether `s` holds a year: four ASCII digits standing alone ("2018", "2014–2018").
fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Whether a word ends a sentence: a full stop after a word longer than an abbreviation's
/// ("Abogacía.", "Madrid.", not "Univ.", "Inst." nor "B.Sc.").
fn ends_sentence(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|w| {
        !w.contains('.')
            && w.chars().filter(|c| c.is_alphabetic()).count() > 5
            && w.chars().any(char::is_lowercase)
    })
}

/// Whether `s` is a state code or a region, optionally with a country ("CA", "Nigeria", "VA
/// United States").
fn place_code_or_region(s: &str) -> bool {
    let s = s.trim();
    let code = |w: &str| (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    crate::extract::location::is_region(s)
        || match s.split_once(' ') {
            Some((first, rest)) => code(first) && crate::extract::location::is_region(rest),
            None => code(s),
        }
}

/// Whether the text after a school's name is a place: a town then a comma and a region or
/// state code (" - San Diego, CA"), or a comma and a region (", VA United States").
fn place_follows(after: &str) -> bool {
    let a = after.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    let Some((town, rest)) = a.split_once(',') else {
        return false;
    };
    let region = rest.split([',', '|', '(', '\n']).next().unwrap_or("");
    let town = town.trim();
    (town.is_empty()
        || (town.split_whitespace().count() <= 3 && town.starts_with(|c: char| c.is_uppercase())))
        && place_code_or_region(region)
}

/// The graduation year on an education line: its last year from 1950 up to `max_year`, none
/// when the range is still open ("2022 – present").
pub(crate) fn graduation_year(line: &str, max_year: i32) -> Option<u16> {
    let b = line.as_bytes();
    let mut found = None;
    for i in 0..b.len().saturating_sub(3) {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let word_end = b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
        if word_start && word_end && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            let y: i32 = line[i..i + 4].parse().ok()?;
            if (1950..=max_year).contains(&y) {
                found = Some((i + 4, y));
            }
        }
    }
    let (end, year) = found?;
    let after = line[end..].to_lowercase();
    let ongoing = DATA.institution.ongoing.iter().any(|w| {
        after
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(w.as_str())
    });
    (!ongoing).then(|| u16::try_from(year).ok()).flatten()
}

/// Whether the text before a date on a certification's line says the date is its expiry
/// ("valid until", "expires").
pub(crate) fn says_expiry(before: &str) -> bool {
    let lower = before.to_lowercase();
    let tail = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    DATA.certification.expiry.iter().any(|w| {
        tail.ends_with(w.as_str())
            && tail[..tail.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEVELS);
    LazyLock::force(&EQUIVALENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(sentence, level, fields, or_equivalent)`; level `""` means nothing is found.
    const CASES: &[(&str, &str, &[&str], bool)] = &[
        (
            "Bachelor's degree in Computer Science, Engineering or a related field, or equivalent experience",
            "bachelor",
            &["computer science", "engineering", "related field"],
            true,
        ),
        (
            "BS/BA in CS or equivalent practical experience",
            "bachelor",
            &["cs"],
            true,
        ),
        ("B.Sc. in Mathematics", "bachelor", &["mathematics"], false),
        (
            "MSc or PhD in a quantitative field",
            "master",
            &["quantitative field"],
            false,
        ),
        (
            "PhD in Machine Learning preferred",
            "doctorate",
            &["machine learning"],
            false,
        ),
        ("M.S. in Statistics", "master", &["statistics"], false),
        ("4-year degree required", "bachelor", &[], false),
        ("A degree in CS", "bachelor", &["cs"], false),
        ("High school diploma or GED", "high_school", &[], false),
        ("Graduate of a coding bootcamp", "bootcamp", &[], false),
        ("Associate degree in IT", "associate", &["it"], false),
        ("We build AWS systems", "", &[], false),
        ("Manage MS Teams rooms", "", &[], false),
    ];

    #[test]
    fn education() {
        for (s, level, fields, eq) in CASES {
            let none = crate::extract::Covering::new(std::iter::empty());
            let got = find_all(s, &crate::extract::sentences(s), false, &none)
                .into_iter()
                .next()
                .map(|(_, f)| f);
            if level.is_empty() {
                assert!(got.is_none(), "{s:?}: {got:?}");
                continue;
            }
            let got = got.unwrap_or_else(|| panic!("{s:?}: nothing"));
            assert_eq!(got.level, *level, "{s:?}");
            assert_eq!(got.fields, *fields, "{s:?}");
            assert_eq!(got.or_equivalent, *eq, "{s:?}");
        }
    }
}
