//! Years of experience: "3+ years", "3-5 yrs", "three (3) years", "at least two years",
//! "18 months", "a decade", "one year or less", tied to the technologies of the clause
//! ("5+ years of Python", "Python (3+ yrs)", "Java: 4 years", "Go for at least 2 years").
//!
//! A duration counts only when its clause says it is experience: an experience word or a
//! technology follows it closely ("of experience", "building …", "of Go"), or precedes it
//! ("experience: 5 years", "Python (3+ yrs)"). Durations that are about something else — a
//! contract, a company's age, study, a time window ("within the past 3 years") — never count.

use crate::phrases::PhraseSet;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

// Up to three digits ("104 weeks", "120 months"); a figure over 25 years is dropped where the
// unit is known.
const NUMBER: &str = r"(?:\d{1,3}(?:\.\d)?|(?:twenty|thirty|forty|fifty)[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)";

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"{NUMBER}(?:\s*\(\s*{NUMBER}\s*\))?");
    Regex::new(&format!(
        r"(?xi-u)
        (?:\b(?P<pre>between|at\s+least|moins\s+de|no\s+(?:less|fewer)\s+than|not\s+(?:less|fewer)\s+than|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|over|more\s+than|in\s+excess\s+of|upwards\s+of|up\s+to|less\s+than|under|fewer\s+than|no\s+more\s+than|maximum\s+of|max\.?)\s+)?
        (?:\b(?P<a>{num})|(?:\b[a-z]+\s*)?\(\s*(?P<spelled>\d{{1,2}})\s*\)|\b(?P<article>a|an)\b)
        (?P<half>\s+and\s+a\s+half\b)?
        \s*(?P<plus>\+|-plus\b|\s+plus\b|\s+or\s+more\b)?
        (?:\s*(?:-|–|—|~|～|至|до|(?:\bto|\bbut)\s+(?:less|fewer)\s+than\b|(?:\bto|\bbut)\s+under\b|\bto\b|\bor\b|\band\b|\btot\b|\bbis\b|\ba\b|à)\s*(?P<b>{num})\s*\+?)?
        \s*(?:\b(?:full|additional|total|solid|consecutive|complete)\s+)?
        (?P<unit>(?:years?|yrs?|months?|mos|weeks?|wks?|decades?|a(?:ñ|n)os?|ans|ann[io]|an|jahr(?:en?)?|jaar|meses|mesi|mois|năm|roky|lata?|tahun|miesi(?:ąc|ące|ęcy)|bulan|års?|ann(?:é|e)es?|y(?:ı|i)l|ani|év|vuo(?:den|tta|si)|metus|metai)\b|metų|лет|года?|років|роки|року|рік|χρόνια|χρόνων|χρόνο|έτη|ετών|έτος|έτους|年|년|个月|個月|개월|ปี)
        (?P<half2>\s+and\s+a\s+half\b)?
        (?:'s|’s|')?
        (?P<post>\s*\+|\s+or\s+(?:more|greater|longer|above)|\s+or\s+(?:less|fewer)|\s+plus)?
        "
    ))
    .expect("valid regex")
});

/// The word lists of `lexicons/cues/experience.toml`: which words around a duration make it
/// experience asked for, and which make it something else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    /// Words that make a following duration a statement of experience.
    experience_words: Vec<String>,
    /// Lines of work that make a duration experience right after it ("3+ years maintaining
    /// …"), unless the employer speaks.
    doing_words: Vec<String>,
    /// Words before a duration that make it a statement of experience ("Experience: 5 years",
    /// "Python - Exp - 3 yrs").
    experience_before: Vec<String>,
    /// Word endings that make a word an experience word of its own (German and Dutch compounds:
    /// "Führungserfahrung", "Vertriebserfahrung").
    experience_endings: Vec<String>,
    /// Fields of a Chinese job board's tag line beside the years asked (the degree: "本科",
    /// "大专"), which make a bare range of years there experience (see [`cjk_tag`]).
    cjk_tag_fields: Vec<String>,
    /// Words after a duration that make it about something other than experience.
    other_words: Vec<String>,
    /// Words of `other_words` that, a few words before an experience word, name its field of
    /// work ("customer service experience", "program management experience").
    field_words: Vec<String>,
    /// Words that open the kind of job a duration was spent in after "in" ("2 years in a similar
    /// role", "in an IT support role": `role_openers`, then within a few words `role_words`).
    role_openers: Vec<String>,
    /// See `role_openers`.
    role_words: Vec<String>,
    /// Verbs before a duration that say the reader did the work that long ("employed as a paralegal
    /// for two years"), unless the employer is the one speaking (see `employer_words`).
    work_verbs: Vec<String>,
    /// Words before a duration that make the work the employer's, or still to come.
    employer_words: Vec<String>,
    /// Words shortly before a duration that make it a time still to be served.
    commitment_words: Vec<String>,
    /// Words passed over when looking for the word right before a duration.
    skipped_before: Vec<String>,
    /// Words right before "a month", "a year" that make it a rate ("2 days a month").
    frequency_words: Vec<String>,
    /// Words right before a duration that make it a time window, not an amount of experience.
    window_words: Vec<String>,
    /// Verbs right before a duration that say the candidate has it ("I have", "I possess").
    having_verbs: Vec<String>,
    /// Words of Chinese, Japanese and Korean that make a duration in their clause experience
    /// ("3-4年经验", "工作經歷：3年以上", "경력 5년 이상"); matched inside the clause, as these
    /// scripts put no spaces between words.
    cjk_experience: Vec<String>,
    /// Words right after such a duration that make it an upper bound ("3年以下", "2년 이하").
    cjk_at_most: Vec<String>,
    /// Words that deny a having verb a few words after them ("I do not have", "I have not had").
    denials: Vec<String>,
    /// Words before a denial that make it a condition, not an answer ("If you don't have …").
    conditions: Vec<String>,
}

static WORDS: LazyLock<Words> =
    LazyLock::new(|| cue_file!("cues/experience").expect("experience.toml is checked by the test suite"));

/// Whether `word` is one of `list`.
fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// Whether `word` (lower case) is one of `list` or a compound ending in one of
/// `experience_endings` ("führungserfahrung").
/// Whether `words` open with a field word and an experience word follows in the same phrase,
/// one to three words on, with no "or"/"and" between ("service experience", "business
/// analysis experience"; not "college or equivalent experience").
fn names_field(words: &[String]) -> bool {
    listed(&WORDS.field_words, &words[0])
        && words[1..]
            .iter()
            .take(3)
            .take_while(|w| !matches!(w.as_str(), "or" | "and" | "plus"))
            .any(|w| experience_word(&WORDS.experience_words, w))
}

fn experience_word(list: &[String], word: &str) -> bool {
    listed(list, word)
        || WORDS
            .experience_endings
            .iter()
            .any(|e| word.len() > e.len() && word.ends_with(e.as_str()))
}

/// The units a duration needs: a sentence without one is never read by the regex.
static UNITS: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(UNIT_STEMS.map(|u| (u, 0))));

/// What a sentence must contain for [`DURATION`] to match in it.
/// Years in the languages of postings written in them count too ("5 años", "3 anos", "5 ans",
/// "3 anni", "3 Jahre", "3 jaar", "5 lat", "2 tahun"): only with an experience word after them (see
/// `experience_words`), as the regex reads no other of their words. Polish "lat" and "lata"
/// with the space after them: "lat" alone is inside "platform" and "latest". The Nordic "år"
/// ("2 års erfarenhet", "3 års erfaring"); French "an" only as "1 an d'expérience" ("an" alone
/// is in every English sentence). Italian months ("almeno 6 mesi"), Vietnamese years ("2 năm
/// kinh nghiệm") and Czech ones ("min. 3 roky"; not "roku", Polish "do 1 roku" is a bound),
/// Turkish ones ("en az 5 yıl deneyim"), and Slovak and Czech labels ("Počet rokov praxe: 1").
/// Russian years ("от 3 лет", "3–6 лет", "1 год") need an experience word as the other
/// languages' do; Chinese, Japanese and Korean ones ("5年以上", "3-4年经验", "경력 5년 이상";
/// "個月" holds "月") one of `cjk_experience` in their clause (see [`cjk_experience`]).
/// Romanian years with the space after them ("2 ani"; "ani" is inside "company"), Hungarian
/// ones ("3 év") and Ukrainian ones ("від 2 років", "3 роки", "1 рік") need an experience word
/// too. Finnish years ("vähintään 3 vuoden kokemusta"), Lithuanian ones ("3 metų patirtis"),
/// Greek ones ("1-2 χρόνια εμπειρία", "5 έτη προϋπηρεσίας") and Thai ones ("ประสบการณ์ 2 ปีขึ้นไป",
/// read as the spaceless scripts' are, with an experience word in the clause) likewise.
const UNIT_STEMS: [&str; 46] = [
    "year",
    "yr",
    "month",
    "mos",
    "week",
    "wk",
    "decade",
    "año",
    "ano",
    "ans",
    "ann",
    "jahr",
    "jaar",
    "meses",
    "mesi",
    "mois",
    "năm",
    "roky",
    "lat ",
    "lata ",
    "tahun",
    "miesi",
    "bulan",
    "år",
    "an d",
    "лет",
    "год",
    "年",
    "년",
    "个月",
    "개월",
    "rokov praxe",
    "roků praxe",
    "yıl",
    "ani ",
    "év",
    "рок",
    "рік",
    "vuo",
    "metų",
    "metus",
    "metai",
    "χρόν",
    "έτ",
    "ετ",
    "ปี",
];

/// The indices of the sentences that name a unit of time, in order, each once.
pub(crate) fn candidate_sentences(text: &str, sentences: &[Range<usize>]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for r in UNITS.find_iter_anywhere(text) {
        if let Some(i) = super::sentence_at(sentences, r.start)
            && out.last() != Some(&i)
        {
            out.push(i);
        }
    }
    out
}

/// One statement of experience.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) min: Option<f64>,
    pub(crate) max: Option<f64>,
    /// Where the duration itself is.
    pub(crate) span: Range<usize>,
}

fn number(s: &str) -> Option<f64> {
    let s = s.trim().to_ascii_lowercase();
    // "three (3)": the first spelling decides.
    let s = s.split('(').next().unwrap_or("").trim().to_string();
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = words.iter().position(|w| *w == s) {
        return Some(i as f64);
    }
    // "twenty-four", "thirty six".
    if let Some((tens, unit)) = s.split_once(['-', ' ']) {
        return Some(number(tens)? + number(unit.trim()).filter(|u| *u < 10.0)?);
    }
    match s.as_str() {
        "thirty" => Some(30.0),
        "forty" => Some(40.0),
        "fifty" => Some(50.0),
        "sixty" => Some(60.0),
        _ => None,
    }
}

/// Lower-case words of `s`, in order.
fn words(s: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            // A typographic apostrophe ("don’t", as word processors write it) is the plain one.
            let w = w.to_lowercase();
            if w.contains('’') {
                w.replace('’', "'")
            } else {
                w
            }
        })
}

/// How many words after "in a" may come before the role word ("in an IT support role").
const ROLE_REACH: usize = 4;

/// Whether `before` ends in an amount of money or a count: "$165,000", "40k", "€ 3.500,00",
/// "50 000 EUR" (a number, with a thousands suffix or a currency word after it).
fn ends_in_amount(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_alphabetic() && c.is_uppercase());
    let t = t.trim_end();
    let t = t
        .strip_suffix(['k', 'K'])
        .filter(|r| r.ends_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t);
    t.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₹'))
}

/// Every experience duration in `sentence` (a slice of the text starting at `offset`);
/// `tech` holds the normalised spans of technology mentions, sorted.
pub(crate) fn find(sentence: &str, offset: usize, tech: &[Range<usize>]) -> Vec<Found> {
    let lower = sentence.to_ascii_lowercase();
    if !UNIT_STEMS.iter().any(|k| lower.contains(k)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut last_end: Option<usize> = None;
    let all: Vec<regex::Captures> = DURATION.captures_iter(sentence).collect();
    let mut joined_last = false;
    for (ci, caps) in all.iter().enumerate() {
        // The upper bound of the duration before, joined to it (see `second_bound`).
        if std::mem::take(&mut joined_last) {
            continue;
        }
        let whole = caps.get(0).expect("group 0");
        // "six months to one year", "between 18 months and 3 years": a range whose bounds
        // have units of their own; the second bound (in years) and where it ends.
        let second = all
            .get(ci + 1)
            .and_then(|next| second_bound(sentence, caps, next));
        // "1 year and 6 months": one duration written in two units; the smaller part, in
        // years, and where it ends.
        let part = match second {
            Some(_) => None,
            None => all
                .get(ci + 1)
                .and_then(|next| smaller_part(sentence, caps, next)),
        };
        joined_last = second.is_some() || part.is_some();
        let m = whole.start()..second.or(part).map_or(whole.end(), |(_, end)| end);
        let unit = caps["unit"].to_ascii_lowercase();
        let scale = years_per(&unit);
        // "a week" is a rate ("400 deploys a week"), never an amount of experience.
        if unit.starts_with('w') && caps.name("article").is_some() {
            continue;
        }
        let Some(mut a) = caps
            .name("a")
            .or(caps.name("spelled"))
            .map_or(Some(1.0), |a| number(a.as_str()))
        else {
            continue;
        };
        // "one and a half years", "a year and a half".
        if caps.name("half").is_some() || caps.name("half2").is_some() {
            a += 0.5;
        }
        if let Some((years, _)) = part {
            a += years / scale;
        }
        let b = caps
            .name("b")
            .and_then(|b| number(b.as_str()))
            .or(second.map(|(b, _)| b / scale));
        // Nobody asks for more than 25 years: larger figures are a company's age or a date.
        // Zero is a lower bound only in a range ("0-2 years").
        if (a == 0.0 && b.is_none()) || a * scale > 25.0 {
            continue;
        }
        let before = &sentence[..m.start];
        let after = &sentence[m.end..];
        // French "an" counts only before its experience ("1 an d'expérience"): "$25 an hour,
        // 3 years of experience" is a rate.
        let after_start = after.trim_start();
        if unit == "an" && !(after_start.starts_with("d'") || after_start.starts_with("d’")) {
            continue;
        }
        // "one year (52 weeks)": the bracketed restatement of the duration just read.
        let restated = last_end.is_some_and(|e| sentence[e..m.start].trim() == "(");
        last_end = Some(m.end);
        if restated {
            continue;
        }
        // A rate, not a duration: "2 days a month", "twice a year", "20 hours a week", and pay:
        // "$165,000 a year", "£40k a month".
        if caps.name("article").is_some()
            && (words(before)
                .next_back()
                .is_some_and(|w| listed(&WORDS.frequency_words, &w))
                || ends_in_amount(before))
        {
            continue;
        }
        if is_cjk_unit(&unit) {
            if !(cjk_experience(before, after) || b.is_some() && cjk_tag(before, after)) {
                continue;
            }
            let (a, b) = (a * scale, b.map(|b| b * scale));
            let tail = after.trim_start();
            let at_most = WORDS.cjk_at_most.iter().any(|w| tail.starts_with(w.as_str()));
            let (min, max) = match b {
                Some(b) if b > a => (Some(round(a)), Some(round(b))),
                Some(_) => continue,
                None if at_most => (None, Some(round(a))),
                None => (Some(round(a)), None),
            };
            out.push(Found {
                min,
                max,
                span: offset + m.start..offset + m.end,
            });
            continue;
        }
        let next: Vec<String> = words(after).take(9).collect();
        let prev: Vec<String> = words(before).rev().take(8).collect();
        // "3+ years maintaining heavy equipment": a line of work right after the duration, not
        // the employer's ("we have 20 years servicing the Bay Area").
        let doing = next.first().is_some_and(|w| listed(&WORDS.doing_words, w))
            && !prev.iter().any(|w| listed(&WORDS.employer_words, w));
        let first_exp = if doing {
            Some(0)
        } else {
            next.iter()
                .position(|w| experience_word(&WORDS.experience_words, w))
        };
        // "5+ years as a Business Analyst", "3 years as a Program Manager": after "as" comes a
        // role, whose words ("business", "program", "service") say nothing else.
        let first_other = match next.first() {
            Some(w) if w == "as" => None,
            // "2 years post graduate experience": experience gained after the degree, not
            // graduate study.
            _ => next.iter().enumerate().position(|(i, w)| {
                listed(&WORDS.other_words, w)
                    && !names_field(&next[i..])
                    && !(i > 0
                        && next[i - 1] == "post"
                        && next
                            .get(i + 1)
                            .is_some_and(|n| experience_word(&WORDS.experience_words, n)))
            }),
        };
        let abs = offset + m.start..offset + m.end;
        // Only the nearest technology on each side matters (`tech` is sorted): constant work per
        // statement however many technologies the sentence names.
        let after_i = tech.partition_point(|t| t.start < abs.end);
        let tech_after = tech.get(after_i).is_some_and(|t| {
            t.start - abs.end < 200 && sentence_words_between(sentence, offset, abs.end, t.start) <= 3
        });
        let before_i = tech.partition_point(|t| t.end <= abs.start);
        let tech_before = before_i.checked_sub(1).map(|i| &tech[i]).is_some_and(|t| {
            abs.start - t.end < 200 && sentence_words_between(sentence, offset, t.end, abs.start) <= 2
        });
        let exp_before = prev.iter().any(|w| experience_word(&WORDS.experience_before, w));
        // "You have worked as a data analyst for at least 3 years", but not "we have worked with
        // clients for 15 years": the candidate's own work, not the employer's.
        let work_before = prev.iter().any(|w| listed(&WORDS.work_verbs, w))
            && !prev.iter().any(|w| listed(&WORDS.employer_words, w));
        // A time window: "within the past 3 years", "in the last five years", "for over 40
        // years": the word right before the duration (past an article or a hedge) decides. "for"
        // after a skill or a line of work is how long it was done ("Python for 3+ years").
        let window = prev
            .iter()
            .find(|w| !listed(&WORDS.skipped_before, w))
            .is_some_and(|w| {
                listed(&WORDS.window_words, w) && !(w == "for" && (tech_before || exp_before || work_before))
            });
        if window {
            continue;
        }
        // A negative answer: "I do not have at least one year of specialized experience", "No,
        // I do not possess six months of …", "I do not meet the one year of …": the duration is
        // said not to be met, so none is stated; not a condition ("If you don't have 3+ years …").
        let verb = prev.iter().position(|w| !listed(&WORDS.skipped_before, w));
        let denied = verb.is_some_and(|v| {
            listed(&WORDS.having_verbs, &prev[v])
                && prev.iter().skip(v + 1).take(3).any(|w| listed(&WORDS.denials, w))
        }) && !prev.iter().any(|w| listed(&WORDS.conditions, w));
        if denied {
            continue;
        }
        // "(contract, 6 months)", "Duration: 12 months": a word that makes a duration something
        // else, right before it in its clause.
        if prev
            .iter()
            .find(|w| !listed(&WORDS.skipped_before, w))
            .is_some_and(|w| listed(&WORDS.other_words, w))
            && !before.trim_end().ends_with(['.', ';'])
        {
            continue;
        }
        // A promise to stay, not experience: "commit to a minimum of 2 years in this position".
        if prev.iter().take(4).any(|w| listed(&WORDS.commitment_words, w)) {
            continue;
        }
        // "Java: 4 years", "Salesforce administration: 3 years".
        let labelled = before
            .trim_end()
            .strip_suffix(':')
            .is_some_and(|label| !words(label).rev().take(4).any(|w| listed(&WORDS.other_words, &w)));
        // "5+ years is preferred", "8+ years;": with a plus sign and nothing else after it, an
        // amount of experience.
        let plus = (caps.name("plus").is_some_and(|p| p.as_str().contains('+'))
            || caps.name("post").is_some_and(|p| p.as_str().contains('+')))
            && next.iter().take(3).all(|w| {
                [
                    "is",
                    "are",
                    "preferred",
                    "required",
                    "desired",
                    "a",
                    "plus",
                    "must",
                    "ideally",
                    "needed",
                ]
                .contains(&w.as_str())
            });
        // "Java Developer | 4-7 yrs | Pune": a range of years alone in a field of a header line
        // (or alone on its line) is the experience the posting asks for; a single figure may be
        // a company's age ("20+ years | 300 staff").
        let alone = unit.starts_with('y') && b.is_some() && {
            let (lead, tail) = super::field_around(before, after, super::FIELD_SEPARATORS);
            words(lead).next().is_none() && words(tail).next().is_none()
        };
        // Years in another language ("5 años de experiencia") count only next to an
        // experience word: after it, or among the three words before it ("Experiência de 3
        // anos", "Experiencia mínima de 2 años", "Berufserfahrung (1 Jahr)"); the cues below
        // are English.
        let foreign = unit.starts_with(['a', 'j', 'l', 'å', 'л', 'г', 'é', 'р', 'v', 'χ', 'έ', 'ε'])
            || unit.starts_with("met");
        // Hedges are passed over ("Experiencia mínima: al menos 1 año").
        let exp_just_before = prev
            .iter()
            .filter(|w| !listed(&WORDS.skipped_before, w))
            .take(3)
            .any(|w| experience_word(&WORDS.experience_before, w))
            // "Experiencia en ventas de 1 año": "de" and the years close a clause that an
            // experience word opens, a few words back.
            // So does Russian "от" (from): "опыт разработки на Python от 3 лет".
            || (prev
                .first()
                .is_some_and(|w| w == "de" || w == "da" || w == "do" || w == "от" || w == "від")
                && prev
                    .iter()
                    .take(7)
                    .any(|w| experience_word(&WORDS.experience_before, w)));
        let is_exp = match (first_exp, first_other) {
            (Some(e), Some(o)) => e < o,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) if foreign => exp_just_before,
            // "5+ years in marketing analytics", "a minimum of four years in a supervisory role",
            // "5+ years of experience, including 2 years in management": a field of work after a
            // plus, after a lower bound, or after an experience statement of the same sentence.
            (None, None) => {
                // "4+ years on ML infrastructure" reads as "in".
                let field = next.first().is_some_and(|w| w == "in" || w == "as" || w == "on");
                // "2 years in an IT support role", "3 years in a similar position": the kind of
                // job the years were spent in.
                let in_role = next.first().is_some_and(|w| w == "in")
                    && next.get(1).is_some_and(|w| listed(&WORDS.role_openers, w))
                    && next
                        .iter()
                        .skip(2)
                        .take(ROLE_REACH)
                        .any(|w| listed(&WORDS.role_words, w));
                let lower_bound = caps.name("pre").is_some_and(|p| {
                    let p = p.as_str().to_ascii_lowercase();
                    p.starts_with("at") || p.starts_with("no") || p.contains("min")
                });
                // "Experience Requirements / - At least 2 years" (Bdjobs): a lower bound in years
                // that is the whole of its line or sentence, under a label of its own.
                let lone = lower_bound && prev.is_empty() && next.is_empty() && unit.starts_with('y');
                tech_after
                    || tech_before
                    || lone
                    || exp_before
                    || work_before
                    || labelled
                    || alone
                    || plus
                    || in_role
                    || (field && (caps.name("plus").is_some() || lower_bound || !out.is_empty()))
            }
        };
        if !is_exp {
            continue;
        }
        let (a, b) = (a * scale, b.map(|b| b * scale));
        let pre = caps
            .name("pre")
            .map(|p| p.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let post = caps
            .name("post")
            .map(|p| p.as_str().trim().to_ascii_lowercase())
            .unwrap_or_default();
        let upper = pre.starts_with("up")
            || pre.starts_with("less")
            || pre.starts_with("moins")
            || pre.starts_with("under")
            || pre.starts_with("fewer")
            || pre.starts_with("no more")
            || pre.starts_with("max")
            || post.ends_with("less")
            || post.ends_with("fewer");
        let (min, max) = match b {
            Some(b) if b > a => (Some(round(a)), Some(round(b))),
            Some(_) if a == 0.0 => continue,
            _ if upper => (None, Some(round(a))),
            _ => (Some(round(a)), None),
        };
        out.push(Found { min, max, span: abs });
    }
    if !out.is_empty() {
        implied(sentence, offset, tech, &mut out);
    } else {
        out.extend(labelled_figure(sentence, offset));
    }
    out
}

/// A bare figure under a label that names the unit ("Años de experiencia: 2", "Years of
/// Experience: Min: 3 Max: 6", as Computrabajo's and Bayt's fields give it), with nothing
/// after it but the end of its clause.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi-u)
        \b(?:years?\s+of\s+(?:relevant\s+|work\s+|professional\s+|total\s+)?experience
          |experience\s*\(\s*(?:in\s+)?years?\s*\)
          |po(?:č|c)et\s+(?:rok(?:ov|ů|u)|let)\s+praxe
          |a(?:ñ|n)os\s+de\s+experiencia
          |anos\s+de\s+experi(?:ê|e)ncia)
        \s*:\s*(?:min(?:imum)?\.?\s*:?\s*)?
        (?P<a>\d{1,2})
        (?:\s*(?:-|–|\bto\b|\ba\b|\bmax(?:imum)?\.?\s*:?)\s*(?P<b>\d{1,2}))?
        \s*(?:$|[\n,;.|)])",
    )
    .expect("valid regex")
});

/// The statement of [`LABELLED`] in `sentence` (at `offset`), if any.
fn labelled_figure(sentence: &str, offset: usize) -> Option<Found> {
    let caps = LABELLED.captures(sentence)?;
    let a: f64 = caps["a"].parse().ok()?;
    let b = caps.name("b").and_then(|b| b.as_str().parse::<f64>().ok());
    if a > 25.0 || (a == 0.0 && b.is_none()) {
        return None;
    }
    let m = caps.get(0).expect("group 0");
    let (min, max) = match b {
        Some(b) if b > a && b <= 25.0 => (Some(a), Some(b)),
        _ => (Some(a), None),
    };
    Some(Found {
        min,
        max,
        span: offset + m.start()..offset + caps.name("b").unwrap_or(caps.name("a")?).end(),
    })
}

/// A figure without a unit after a connective ("5+ years of backend work, 2+ as a team lead",
/// "4+ years with Python and 2+ with Go", "ten years of experience, three of which in a
/// supervisory role"): the unit of the statement just before, when the figure opens its own
/// field of work ("in", "as", "with", "on", "at", "leading", "managing", "of which", or a
/// technology right after it, "of them with") within a few words of that statement ("5+ years in
/// data engineering, at least 2 of them with Spark"). A figure in words counts
/// before "of which" only ("two in Java" is too loose to read as years); "2 of them remote" is
/// no field of work.
static IMPLIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi-u)
        (?:,|;|\(|\band\b|\bwith\b|\bincluding\b)\s*(?P<least>at\s+least\s+)?
        (?:
          \b(?P<a>\d{1,2})\s*(?P<plus>\+)?(?:\s*(?:-|–|\bto\b)\s*(?P<b>\d{1,2})\s*\+?)?
          \s+(?:(?P<next>in|as|with|on|at|leading|managing|of\s+(?:them|these|those)\s+(?:with|in|on|using|as)|of\s+which)(?:\s|$))?
        |
          \b(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
          \s+(?P<wnext>of\s+which)\b
        )",
    )
    .expect("valid regex")
});

/// Adds the statements of [`IMPLIED`] to `out` (the statements with a unit, in order), keeping
/// the order by position.
fn implied(sentence: &str, offset: usize, tech: &[Range<usize>], out: &mut Vec<Found>) {
    let mut extra = Vec::new();
    for caps in IMPLIED.captures_iter(sentence) {
        let Some(a) = caps.name("a").or(caps.name("w")) else {
            continue;
        };
        let at = offset + caps.name("least").map_or(a.start(), |l| l.start());
        // The statement right before, with nothing but a few words between. The statements
        // are in text order and apart, so their ends are sorted: looked up, not scanned for (a
        // scan from the last for each figure was quadratic on a long sentence).
        let Some(prev) = out
            .partition_point(|f| f.span.end <= at)
            .checked_sub(1)
            .map(|k| &out[k])
        else {
            continue;
        };
        let gap = &sentence[prev.span.end - offset..at - offset];
        if gap.contains(['.', ':', '!', '?']) || words(gap).count() > 8 {
            continue;
        }
        // "three of which" refers to the years only right after an experience word ("ten years
        // of experience, three of which …"), not after another count ("two references, one of
        // which …").
        if caps.name("w").is_some()
            && !words(gap)
                .next_back()
                .is_some_and(|w| listed(&WORDS.experience_words, &w))
        {
            continue;
        }
        let end = caps.get(0).expect("group 0").end();
        let tech_after = tech
            .get(tech.partition_point(|t| t.start < offset + end.min(sentence.len())))
            .is_some_and(|t| t.start == offset + end);
        if caps.name("next").is_none() && caps.name("wnext").is_none() && !tech_after {
            continue;
        }
        let Some(unit) = DURATION
            .captures(&sentence[prev.span.start - offset..prev.span.end - offset])
            .map(|c| c["unit"].to_ascii_lowercase())
        else {
            continue;
        };
        let scale = years_per(&unit);
        let Some(lo) = number(a.as_str()) else { continue };
        let hi = caps.name("b").and_then(|b| number(b.as_str()));
        if lo * scale > 25.0 || (lo == 0.0 && hi.is_none()) {
            continue;
        }
        let (min, max) = match hi {
            Some(hi) if hi > lo => (Some(round(lo * scale)), Some(round(hi * scale))),
            Some(_) => continue,
            None => (Some(round(lo * scale)), None),
        };
        let span_end = caps.name("b").or(caps.name("plus")).map_or(a.end(), |m| m.end());
        extra.push(Found {
            min,
            max,
            span: at..offset + span_end,
        });
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|f| f.span.start);
    }
}

/// The upper bound of a range whose bounds have units of their own ("six months to one year",
/// "between 18 months and 3 years"): `next`, in years, with where it ends, when it follows
/// `first` (a single figure) after "to" or a dash ("and" after "between"), is a single figure
/// itself, and is larger.
fn second_bound(sentence: &str, first: &regex::Captures, next: &regex::Captures) -> Option<(f64, usize)> {
    let (m, n) = (first.get(0)?, next.get(0)?);
    let single = |c: &regex::Captures| ["b", "plus", "post"].iter().all(|g| c.name(g).is_none());
    // "1 year to less than 2 years" (Canada's Job Bank): the upper bound keeps its "less than".
    let below = next.name("pre").is_some_and(|p| {
        let p = p.as_str().to_ascii_lowercase();
        p.starts_with("less") || p.starts_with("fewer") || p.starts_with("under") || p.starts_with("moins")
    });
    if !single(first) || !single(next) || next.name("pre").is_some() && !below {
        return None;
    }
    let between = first
        .name("pre")
        .is_some_and(|p| p.as_str().eq_ignore_ascii_case("between"));
    let joiner = sentence.get(m.end()..n.start())?.trim().to_ascii_lowercase();
    // French "2 ans à moins de 3 ans" (Pôle emploi's, and Job Bank's French bands).
    if !(matches!(joiner.as_str(), "to" | "-" | "–" | "—" | "à") || between && joiner == "and") {
        return None;
    }
    let years = |c: &regex::Captures| {
        let a = c
            .name("a")
            .or(c.name("spelled"))
            .map_or(Some(1.0), |a| number(a.as_str()))?;
        let half = if c.name("half").is_some() || c.name("half2").is_some() {
            0.5
        } else {
            0.0
        };
        Some((a + half) * years_per(&c["unit"].to_ascii_lowercase()))
    };
    let (lo, hi) = (years(first)?, years(next)?);
    (hi > lo).then_some((hi, n.end()))
}

/// The smaller part of a duration written in two units ("1 year and 6 months", "two years, three
/// months"): `next`, in years, with where it ends, when it follows `first` after "and" or a
/// comma, both are single figures, and `next` is in a smaller unit and less than one of
/// `first`'s.
fn smaller_part(sentence: &str, first: &regex::Captures, next: &regex::Captures) -> Option<(f64, usize)> {
    let (m, n) = (first.get(0)?, next.get(0)?);
    let single = |c: &regex::Captures| ["b", "plus", "post", "pre"].iter().all(|g| c.name(g).is_none());
    if !single(next) || ["b", "plus", "post"].iter().any(|g| first.name(g).is_some()) {
        return None;
    }
    if first
        .name("pre")
        .is_some_and(|p| p.as_str().eq_ignore_ascii_case("between"))
    {
        return None;
    }
    let joiner = sentence.get(m.end()..n.start())?.trim().to_ascii_lowercase();
    if !matches!(joiner.as_str(), "and" | ",") {
        return None;
    }
    let big = years_per(&first["unit"].to_ascii_lowercase());
    let small = years_per(&next["unit"].to_ascii_lowercase());
    let v = next
        .name("a")
        .or(next.name("spelled"))
        .map_or(Some(1.0), |a| number(a.as_str()))?;
    (small < big && v > 0.0 && v * small < big).then_some((v * small, n.end()))
}

/// Whether a duration's `unit` is written in Chinese, Japanese or Korean ("年", "년", "个月").
fn is_cjk_unit(unit: &str) -> bool {
    unit.chars().next().is_some_and(crate::phrases::spaceless)
}

/// Whether the clause around a Chinese, Japanese or Korean duration (the text `before` and
/// `after` it, up to a line break or a sentence's or clause's end, and a few dozen bytes) holds
/// a word of `cjk_experience`: "5年以上Java开发经验", "工作經歷：3年以上", "경력 5년 이상", not
/// "成立20年" (a company's age) nor "合同期2年" (a contract).
fn cjk_experience(before: &str, after: &str) -> bool {
    const ENDS: &[char] = &['\n', '。', '；', ';', '，', ',', '、', '|', '·'];
    let head = before.rsplit(ENDS).next().unwrap_or("");
    let head = &head[crate::input::floor_char_boundary(head, head.len().saturating_sub(60))..];
    let tail = after.split(ENDS).next().unwrap_or("");
    let tail = &tail[..crate::input::floor_char_boundary(tail, tail.len().min(60))];
    WORDS
        .cjk_experience
        .iter()
        .any(|w| head.contains(w.as_str()) || tail.contains(w.as_str()))
}

/// Whether a Chinese range of years fills a field of its own in a job board's tag line
/// ("5-10年 本科", "上海-浦东新区 | 3-5年 | 大专", "10年以上" as BOSS直聘, Zhilian and Liepin list the
/// years asked beside the city and the degree): nothing but spaces or a separator on either
/// side of it up to the next field.
fn cjk_tag(before: &str, after: &str) -> bool {
    const SEPARATORS: &[char] = &['\n', '|', '·', '/', '｜', ' ', '\u{3000}'];
    let opens = before.is_empty() || before.ends_with(SEPARATORS);
    let rest = after.strip_prefix("以上").unwrap_or(after);
    if !(opens && (rest.is_empty() || rest.starts_with(SEPARATORS))) {
        return false;
    }
    // The tag line names the degree asked too: a company's age or a contract's term written
    // as a field ("公司成立 5-10年") is no experience.
    let head = super::last_bytes(before.rsplit('\n').next().unwrap_or(""), 120);
    let tail = super::first_bytes(after.split('\n').next().unwrap_or(""), 120);
    WORDS
        .cjk_tag_fields
        .iter()
        .any(|w| head.contains(w.as_str()) || tail.contains(w.as_str()))
}

/// Years in one of a duration's `unit` (lower case): months, weeks, decades or years.
fn years_per(unit: &str) -> f64 {
    // Lithuanian years ("3 metų patirtis") open with an "m" too.
    if unit.starts_with("met") {
        1.0
    } else if unit.starts_with('m') || unit.starts_with("bulan") || unit.ends_with('月') || unit == "개월"
    {
        1.0 / 12.0
    } else if unit.starts_with('w') {
        1.0 / 52.0
    } else if unit.starts_with('d') {
        10.0
    } else {
        1.0
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Number of words between two absolute offsets of the sentence that starts at `offset`.
fn sentence_words_between(sentence: &str, offset: usize, from: usize, to: usize) -> usize {
    let (from, to) = (from - offset, (to - offset).min(sentence.len()));
    sentence.get(from..to).map_or(usize::MAX, |s| words(s).count())
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&WORDS);
    LazyLock::force(&DURATION);
    LazyLock::force(&UNITS);
    LazyLock::force(&IMPLIED);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(sentence, expected (min, max) per statement)`: technologies are marked `[like this]`.
    type MinMax = (Option<f64>, Option<f64>);

    const CASES: &[(&str, &[MinMax])] = &[
        ("3+ years of professional experience", &[(Some(3.0), None)]),
        ("3-5 years of experience", &[(Some(3.0), Some(5.0))]),
        ("3 to 5 yrs experience", &[(Some(3.0), Some(5.0))]),
        ("three (3) years of experience", &[(Some(3.0), None)]),
        ("at least two years of relevant experience", &[(Some(2.0), None)]),
        ("minimum of 5 years experience", &[(Some(5.0), None)]),
        ("5 or more years of experience", &[(Some(5.0), None)]),
        ("over 4 years of hands-on experience", &[(Some(4.0), None)]),
        ("10+ yrs exp", &[(Some(10.0), None)]),
        ("2 years' experience", &[(Some(2.0), None)]),
        ("one year of specialized experience", &[(Some(1.0), None)]),
        ("18 months of experience", &[(Some(1.5), None)]),
        // A range whose bounds have units of their own is one statement.
        ("six months to one year of experience", &[(Some(0.5), Some(1.0))]),
        (
            "between 18 months and 3 years of experience",
            &[(Some(1.5), Some(3.0))],
        ),
        (
            "2 years of experience and 6 months of experience as a lead",
            &[(Some(2.0), None), (Some(0.5), None)],
        ),
        ("a decade of experience building systems", &[(Some(10.0), None)]),
        ("I have less than 1 year of experience", &[(None, Some(1.0))]),
        ("I have one year or less of experience", &[(None, Some(1.0))]),
        ("5+ years building backend systems", &[(Some(5.0), None)]),
        (
            "at least one year of specialized experience AND six months of experience as a leader",
            &[(Some(1.0), None), (Some(0.5), None)],
        ),
        (
            "at least 104 weeks of experience as a police officer",
            &[(Some(2.0), None)],
        ),
        (
            "120 months of experience in aviation maintenance",
            &[(Some(10.0), None)],
        ),
        // Spanish and Portuguese hedges between the experience word and the duration; German
        // compounds of "Erfahrung".
        ("Experiencia mínima: Al menos 1 año", &[(Some(1.0), None)]),
        ("Experiência de pelo menos 2 anos com SQL", &[(Some(2.0), None)]),
        (
            "Mindestens 2 Jahre Führungserfahrung im Einzelhandel",
            &[(Some(2.0), None)],
        ),
        ("Vertrag: mindestens 2 Jahre", &[]),
        ("Disponibilidad de viajar: al menos 1 año", &[]),
        // Months in Polish and Indonesian; a bare figure under a label that names the unit.
        (
            "doświadczenie na podobnym stanowisku min. 6 miesięcy",
            &[(Some(0.5), None)],
        ),
        (
            "Pengalaman minimal 6 bulan di bidang gudang",
            &[(Some(0.5), None)],
        ),
        ("Años de experiencia: 2", &[(Some(2.0), None)]),
        ("Years of Experience: Min: 3 Max: 6", &[(Some(3.0), Some(6.0))]),
        ("Years of experience: 3 to 5 in retail", &[]),
        ("Años de experiencia: 50", &[]),
        ("over 150 years of experience serving our customers", &[]),
        ("founded 20 years ago", &[]),
        ("a 3-year contract", &[]),
        ("for over 40 years we have served clients", &[]),
        ("2 weeks of vacation", &[]),
        ("within the past 3 years", &[]),
        ("completed 2 full academic years of graduate study", &[]),
        (
            "one (1) year of graduate education that may be substituted for the experience",
            &[],
        ),
        ("Two (2) years of education above high school", &[]),
        ("must be 18 years of age", &[]),
        ("Java 17 and Python 3.11", &[]),
        ("not less than 3 years of experience", &[(Some(3.0), None)]),
        // A negative answer states no duration; a condition or a plain answer does.
        ("I do not have at least one year of specialized experience", &[]),
        ("I don’t have at least one year of specialized experience", &[]),
        ("No, I don't possess six months of experience", &[]),
        ("I have not had 3 years of experience", &[]),
        (
            "I do not meet the one year of specialized experience requirement",
            &[],
        ),
        (
            "I do have at least one year of specialized experience",
            &[(Some(1.0), None)],
        ),
        (
            "If you do not have 3+ years of experience, please do not apply",
            &[(Some(3.0), None)],
        ),
        // One duration in two units; two statements stay two.
        ("1 year and 6 months of experience", &[(Some(1.5), None)]),
        ("two years, three months of experience", &[(Some(2.25), None)]),
        (
            "between 1 year and 6 months of experience",
            &[(Some(1.0), None), (Some(0.5), None)],
        ),
        ("twenty-four months of experience", &[(Some(2.0), None)]),
        ("a year and a half of experience", &[(Some(1.5), None)]),
        (
            "one year (52 weeks) of specialized experience",
            &[(Some(1.0), None)],
        ),
        (
            "employed as a paralegal for a minimum of two years",
            &[(Some(2.0), None)],
        ),
        ("for over 15 years we have worked with clients", &[]),
        ("committed to stay for at least 2 years in the role", &[]),
        ("within 2 years you will lead a team", &[]),
        (
            "5+ years of backend development, 2+ as a team lead",
            &[(Some(5.0), None), (Some(2.0), None)],
        ),
        (
            "7+ years in Java, 3-4 in a leadership role",
            &[(Some(7.0), None), (Some(3.0), Some(4.0))],
        ),
        ("5+ years of experience in 2+ languages", &[(Some(5.0), None)]),
        ("3+ years of experience, 2 of them remote", &[(Some(3.0), None)]),
        (
            "3 years of experience and 2 on-call rotations",
            &[(Some(3.0), None)],
        ),
        ("5 years of experience. 2 as a lead", &[(Some(5.0), None)]),
        (
            "at least ten years of experience, three of which were in a supervisory capacity",
            &[(Some(10.0), None), (Some(3.0), None)],
        ),
        (
            "6+ years of engineering experience, 2 of which leading teams",
            &[(Some(6.0), None), (Some(2.0), None)],
        ),
        (
            "10 years of experience with two of our clients",
            &[(Some(10.0), None)],
        ),
        (
            "5 years of experience and two references, one of which from a manager",
            &[(Some(5.0), None)],
        ),
    ];

    #[test]
    fn durations() {
        for (s, want) in CASES {
            let got: Vec<MinMax> = find(s, 0, &[]).into_iter().map(|f| (f.min, f.max)).collect();
            assert_eq!(got, *want, "{s:?}");
        }
    }

    #[test]
    fn a_technology_right_after_makes_it_experience() {
        let s = "3+ years of Go in production";
        assert_eq!(find(s, 0, &[Range { start: 12, end: 14 }]).len(), 1);
        assert!(find("3+ years of fun", 0, &[]).is_empty());
    }
}
