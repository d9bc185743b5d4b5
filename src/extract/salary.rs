//! Pay statements: amounts, ranges, currencies and periods ("$120,000 - $150,000", "£40k per
//! annum", "₹12 LPA", "$45/hr", "up to $90,000", "from 60 000 EUR gross per year",
//! "CHF 120'000"). The currencies, multipliers, period words and cues are data, in
//! `lexicons/cues/salary.toml`.
//!
//! An amount is pay only with a pay cue nearby ("salary", "rate", "OTE", "k"…, in its sentence
//! or a short heading line before it) or a stated period; an amount right next to a word that
//! makes it something else ("$75 credit", "raised $20M", "$5M in revenue", "$10k signing
//! bonus") never is. Amounts without a currency need more: a cue and either a period or a
//! salary-sized figure right after a cue ("Salary: 120,000"). A bare "$" is read as US dollars
//! unless the text names another dollar currency or a place where "$" means something else;
//! then the posting's stated location decides when it names one dollar's places only
//! ("Toronto, ON" → CAD), else the currency is left out and a warning says why.

use crate::fasthash::{FastMap, FastSet};
use crate::phrases::PhraseSet;
use regex::Regex;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    infer: Infer,
    limits: Limits,
    dollar: Dollar,
    currency: Vec<Currency>,
    multiplier: Vec<Multiplier>,
    period: Vec<PeriodWords>,
    cues: Cues,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Infer {
    hour_below: f64,
    month_below: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Limits {
    year_min: f64,
    max: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dollar {
    default: String,
    symbols: Vec<String>,
    names: Vec<String>,
    not_places: Vec<String>,
    /// Places where "$" is the `default` dollar: a posting placed there means it (see
    /// [`place_dollar`]).
    places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Currency {
    code: String,
    #[serde(default)]
    dollar: bool,
    adjective: Option<String>,
    symbols: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    /// Words right after a "$" amount, past "+" or "plus", that say it is this dollar
    /// ("$140k + super").
    #[serde(default)]
    marks: Vec<String>,
    /// Region codes written after a place of this country in a stated location ("Perth WA",
    /// "London, ON"), read only there (see [`place_dollar`]).
    #[serde(default)]
    region_codes: Vec<String>,
    /// Symbols that another currency owns, or none does, which are this one where the
    /// posting's stated locations name one of its `places` ("Rs." in "Lahore, Pakistan", "kr"
    /// in "Sted: Bryn, Oslo"; see [`local_currency`]).
    #[serde(default)]
    local_symbols: Vec<String>,
    /// Amounts written with no currency at all are in this one where the posting's stated
    /// locations name one of its `places` ("25-40K·14薪" under "北京 朝阳区": yuan; see
    /// [`bare_currency`]).
    #[serde(default)]
    bare: bool,
    /// Where monthly pay ends in this currency when no period is stated (else `infer`'s).
    month_below: Option<f64>,
    /// Amounts below this in this currency are no pay (its code is also a word of another
    /// kind: "PHP 8.2").
    min_amount: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Multiplier {
    value: f64,
    currency: Option<String>,
    period: Option<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodWords {
    period: String,
    after: Vec<String>,
    before: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    pay: Vec<String>,
    not_pay: Vec<String>,
    min_only: Vec<String>,
    max_only: Vec<String>,
    min_after: Vec<String>,
    /// Words right after an amount (past its period) that make it more than the pay: earnings
    /// with tips ("$18-$25/hour with tips").
    not_pay_after: Vec<String>,
    filler: Vec<String>,
}

/// The periods, shortest first.
const PERIODS: &[&str] = &["hour", "day", "week", "month", "year"];

fn static_period(p: &str) -> Option<&'static str> {
    PERIODS.iter().find(|x| **x == p).copied()
}

/// A currency as written: a bare dollar, to be resolved against the whole text, or a code.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cur {
    Dollar,
    Code(usize),
}

/// Payloads of the cue set.
const PAY: u32 = 0;
const NOT_PAY: u32 = 1;
/// Payloads of the bound set.
const MIN_ONLY: u32 = 0;
const MAX_ONLY: u32 = 1;
/// Payload of a place that must not count ("New Mexico").
const NOT_A_PLACE: u32 = u32::MAX;

/// What makes a bare "$" ambiguous.
struct Ambiguity {
    /// The exact text to match (places and symbols are case-sensitive).
    text: String,
    /// A currency code: counts only next to a number ("CAD 90k", not "CAD software").
    code: bool,
    reason: String,
}

struct Lex {
    data: File,
    token: Regex,
    /// The numbers of the token pattern's [`GROUP_NAMES`].
    groups: [usize; 5],
    dates: Regex,
    symbols: FastMap<String, Cur>,
    /// The symbols that end with a dot ("Rs.").
    dotted: Vec<String>,
    names: FastMap<String, Cur>,
    mults: FastMap<String, usize>,
    codes: FastMap<String, usize>,
    after: PhraseSet,
    before: PhraseSet,
    cues: PhraseSet,
    bounds: PhraseSet,
    min_after: PhraseSet,
    not_pay_after: PhraseSet,
    filler: FastSet<String>,
    ambiguity: PhraseSet,
    ambiguities: Vec<Ambiguity>,
    /// The currency of each ambiguity (an index of `[[currency]]`).
    ambiguity_currency: Vec<usize>,
    /// The places of every dollar (the dollar currencies' places, names, symbols and region
    /// codes, and `[dollar] places`); payload: an index of `home_places`.
    homes: PhraseSet,
    /// Each place of `homes` as written, and the currencies it may stand for (bit i: index i
    /// of `[[currency]]`): "WA" is Washington's and Western Australia's.
    home_places: Vec<(String, u64)>,
    /// The currencies with `local_symbols` (indices of `[[currency]]`).
    locals: Vec<usize>,
    /// The places of the `bare` currencies, in one automaton (as written, overlapping), and
    /// the currency of each.
    bare_places: aho_corasick::AhoCorasick,
    bare_place_currency: Vec<usize>,
    prefilter: PhraseSet,
}

/// An alternation of literal strings, longest first; `\b` at the ends that are word characters
/// where `lead`/`trail` ask for it.
fn alternation<'a>(items: impl IntoIterator<Item = &'a str>, lead: bool, trail: bool) -> String {
    let mut v: Vec<&str> = items.into_iter().collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    // Only an ASCII letter or digit takes an ASCII word boundary: after "ł" of "zł" (bytes
    // that are no ASCII word characters) `\b` before a space never holds.
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    v.iter()
        .map(|s| {
            let mut e = regex::escape(s);
            // ASCII word boundaries: with a Unicode one the fast engine gives up on any
            // non-ASCII text and a backtracker reads every number.
            if lead && word(s.chars().next()) {
                e = format!(r"(?-u:\b){e}");
            }
            if trail && word(s.chars().next_back()) {
                e.push_str(r"(?-u:\b)");
            }
            e
        })
        .collect::<Vec<_>>()
        .join("|")
}

static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let data: File = cue_file!("cues/salary").expect("salary.toml is checked by the unit tests");
    let mut symbols = FastMap::default();
    let mut names = FastMap::default();
    let mut codes = FastMap::default();
    for s in &data.dollar.symbols {
        symbols.insert(s.clone(), Cur::Dollar);
    }
    for n in &data.dollar.names {
        names.insert(n.to_lowercase(), Cur::Dollar);
    }
    for (i, c) in data.currency.iter().enumerate() {
        codes.insert(c.code.clone(), i);
        for s in &c.symbols {
            symbols.insert(s.clone(), Cur::Code(i));
        }
        for n in &c.names {
            names.insert(n.to_lowercase(), Cur::Code(i));
        }
    }
    let mut mults = FastMap::default();
    for (i, m) in data.multiplier.iter().enumerate() {
        for w in &m.words {
            mults.insert(w.clone(), i);
        }
    }
    let sym_pre = alternation(symbols.keys().map(String::as_str), true, false);
    let sym_post = alternation(symbols.keys().map(String::as_str), false, true);
    let name_alt = alternation(names.keys().map(String::as_str), false, true);
    let mult_alt = alternation(mults.keys().map(String::as_str), false, true);
    let sp = r"[ \u{a0}\u{202f}]";
    // ASCII digits: Unicode `\d` (every script's digits) multiplies the automaton, and the
    // amounts are read as ASCII numbers anyway.
    let num = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]{1,2})?|[0-9]{1,3}(?:[,.'’][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]{1,3}(?:[ \u{a0}\u{202f}][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]+(?:[.,][0-9]{1,2})?";
    let token = Regex::new(&format!(
        r"(?:(?P<pre>{sym_pre}){sp}?)?(?P<num>{num})(?:{sp}?(?P<mult>{mult_alt}))?(?:{sp}?\(?(?:(?P<post>{sym_post})|(?i:(?P<name>{name_alt})))\)?)?"
    ))
    .expect("valid regex");
    // ASCII word boundaries: a Unicode one sends the search to a slow engine on any non-ASCII
    // text.
    let dates = Regex::new(r"(?-u:\b)[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|(?-u:\b)[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}(?-u:\b)|(?-u:\b)[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}")
        .expect("valid regex");

    let period_index = |p: &str| {
        PERIODS
            .iter()
            .position(|x| *x == p)
            .unwrap_or_else(|| panic!("salary.toml: unknown period {p}")) as u32
    };
    let after = PhraseSet::new(
        data.period
            .iter()
            .flat_map(|p| p.after.iter().map(move |w| (w.as_str(), period_index(&p.period)))),
    );
    let before = PhraseSet::new(data.period.iter().flat_map(|p| {
        p.before
            .iter()
            .map(move |w| (w.as_str(), period_index(&p.period)))
    }));
    let cues = PhraseSet::new(
        data.cues
            .pay
            .iter()
            .map(|w| (w.as_str(), PAY))
            .chain(data.cues.not_pay.iter().map(|w| (w.as_str(), NOT_PAY))),
    );
    let bounds = PhraseSet::new(
        data.cues
            .min_only
            .iter()
            .map(|w| (w.as_str(), MIN_ONLY))
            .chain(data.cues.max_only.iter().map(|w| (w.as_str(), MAX_ONLY))),
    );
    let min_after = PhraseSet::new(data.cues.min_after.iter().map(|w| (w.as_str(), 0)));
    let not_pay_after = PhraseSet::new(data.cues.not_pay_after.iter().map(|w| (w.as_str(), 0)));
    let filler = data.cues.filler.iter().map(|w| w.to_lowercase()).collect();

    let mut ambiguities = Vec::new();
    let mut ambiguity_currency = Vec::new();
    for (ci, c) in data.currency.iter().enumerate().filter(|(_, c)| c.dollar) {
        let named = format!("'$' with {} named in the text: currency not guessed", c.code);
        for s in &c.symbols {
            let code = s.len() == 3 && s.chars().all(|ch| ch.is_ascii_uppercase());
            ambiguities.push(Ambiguity {
                text: s.clone(),
                code,
                reason: named.clone(),
            });
        }
        for n in &c.names {
            ambiguities.push(Ambiguity {
                text: n.clone(),
                code: false,
                reason: named.clone(),
            });
        }
        let adjective = c.adjective.as_deref().unwrap_or(&c.code);
        let article = if adjective.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        for p in &c.places {
            ambiguities.push(Ambiguity {
                text: p.clone(),
                code: false,
                reason: format!("'$' with {article} {adjective} location: currency not guessed"),
            });
        }
        ambiguity_currency.resize(ambiguities.len(), ci);
    }
    let default = data
        .currency
        .iter()
        .position(|c| c.code == data.dollar.default)
        .expect("salary.toml: the default dollar is a [[currency]]");
    assert!(data.currency.len() <= 64, "salary.toml: at most 64 currencies");
    let mut home_places: Vec<(String, u64)> = Vec::new();
    let places = ambiguities
        .iter()
        .zip(&ambiguity_currency)
        .map(|(a, &ci)| (a.text.as_str(), ci))
        .chain(
            data.currency
                .iter()
                .enumerate()
                .flat_map(|(ci, c)| c.region_codes.iter().map(move |r| (r.as_str(), ci))),
        )
        .chain(
            data.dollar
                .places
                .iter()
                .chain(&data.dollar.not_places)
                .map(|p| (p.as_str(), default)),
        );
    for (text, ci) in places {
        match home_places.iter_mut().find(|(t, _)| t == text) {
            Some((_, mask)) => *mask |= 1 << ci,
            None => home_places.push((text.to_string(), 1 << ci)),
        }
    }
    // Read only inside stated locations, and full of two-letter codes that are common words.
    let homes = PhraseSet::unshared(
        home_places
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (t.as_str(), i as u32)),
    );
    let ambiguity = PhraseSet::new(
        ambiguities
            .iter()
            .enumerate()
            .map(|(i, a)| (a.text.as_str(), i as u32))
            .chain(data.dollar.not_places.iter().map(|p| (p.as_str(), NOT_A_PLACE))),
    );

    let mut pre: Vec<&str> = symbols.keys().map(String::as_str).collect();
    pre.extend(names.keys().map(String::as_str));
    pre.extend(mults.keys().map(String::as_str).filter(|w| w.len() > 2));
    pre.extend(
        data.period
            .iter()
            .flat_map(|p| p.after.iter().map(String::as_str)),
    );
    pre.extend(data.cues.pay.iter().map(String::as_str));
    let prefilter = PhraseSet::new(pre.into_iter().map(|w| (w, 0)));

    let dotted = symbols.keys().filter(|k| k.ends_with('.')).cloned().collect();
    let groups = group_numbers(&token);
    let bare_places: Vec<(String, usize)> = (0..data.currency.len())
        .filter(|&i| data.currency[i].bare)
        .flat_map(|i| data.currency[i].places.iter().map(move |p| (p.clone(), i)))
        .collect();
    Lex {
        groups,
        token,
        dates,
        symbols,
        dotted,
        names,
        mults,
        codes,
        after,
        before,
        cues,
        bounds,
        min_after,
        not_pay_after,
        filler,
        ambiguity,
        ambiguities,
        ambiguity_currency,
        homes,
        home_places,
        locals: (0..data.currency.len())
            .filter(|&i| !data.currency[i].local_symbols.is_empty())
            .collect(),
        bare_places: aho_corasick::AhoCorasick::new(bare_places.iter().map(|(p, _)| p))
            .expect("a few dozen place names"),
        bare_place_currency: bare_places.iter().map(|&(_, ci)| ci).collect(),
        prefilter,
        data,
    }
});

/// One pay statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) min: Option<f64>,
    pub(crate) max: Option<f64>,
    /// ISO 4217 code, or `None` when it cannot be told.
    pub(crate) currency: Option<String>,
    /// `hour`, `day`, `week`, `month`, `year`.
    pub(crate) period: Option<&'static str>,
    /// The period was inferred from the amount's size, not stated.
    pub(crate) period_inferred: bool,
    /// The statement, in normalised offsets.
    pub(crate) span: Range<usize>,
    /// A note for the output's `warnings` (e.g. a "$" that cannot be told apart).
    pub(crate) warning: Option<String>,
}

/// One amount as written, in offsets of its sentence.
#[derive(Debug, Clone)]
struct Amount {
    span: Range<usize>,
    /// The number as written, before any multiplier.
    raw: f64,
    mult: Option<usize>,
    cur: Option<Cur>,
    /// Digits only: no separator, decimals or multiplier (so it may be a year).
    plain: bool,
    leading_zero: bool,
}

impl Amount {
    fn value(&self) -> f64 {
        self.raw * self.mult.map_or(1.0, |m| LEX.data.multiplier[m].value)
    }
}

/// Parses "120,000", "55.000", "60 000", "120'000", "1,20,000", "47000.00", "45,50", "1.5".
fn parse_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let n = b.len();
    // A decimal part: one or two digits after the last separator.
    let (int, frac) = match (1..=2).find(|&k| n > k && matches!(b[n - k - 1], b'.' | b',')) {
        Some(k) if b[n - k..].iter().all(u8::is_ascii_digit) => (&s[..n - k - 1], &s[n - k..]),
        _ => (s, ""),
    };
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    format!("{digits}.{}", if frac.is_empty() { "0" } else { frac })
        .parse()
        .ok()
}

/// The groups of the token pattern that an amount is read from, in [`GroupSpans`] order.
const GROUP_NAMES: [&str; 5] = ["pre", "num", "mult", "post", "name"];
const PRE: usize = 0;
const NUM: usize = 1;
const MULT: usize = 2;
const POST: usize = 3;
const NAME: usize = 4;

/// The numbers of the token pattern's [`GROUP_NAMES`], to read them without a look-up by name.
fn group_numbers(token: &Regex) -> [usize; 5] {
    GROUP_NAMES.map(|name| {
        token
            .capture_names()
            .position(|n| n == Some(name))
            .unwrap_or_else(|| panic!("the token pattern has a group {name}"))
    })
}

/// Where each of [`GROUP_NAMES`] is in one match, as offsets from the match's start.
type GroupSpans = [Option<(usize, usize)>; 5];

/// How many matches [`group_spans`] keeps on a thread before it starts afresh, and how long
/// a match it keeps (a longer one, never a salary anyway, is read each time).
const GROUPS_KEPT: usize = 4096;
const GROUPS_KEPT_LEN: usize = 64;

thread_local! {
    /// The groups of matches already read, by the matched text; per text, by whether an ASCII
    /// word character comes right before (bit 0) and right after (bit 1) the match.
    static GROUPS_READ: RefCell<HashMap<String, [Option<GroupSpans>; 4]>> = RefCell::new(HashMap::new());
}

/// The groups of `whole`, a match of the token pattern in `s`. Reading them takes the
/// backtracking engine through every alternative of the pattern's hundreds of symbols and
/// names (some ten thousand instructions per match), and salaries repeat ("$120,000"): the
/// groups are kept by the matched text. They depend on nothing else but the word boundaries
/// at the match's ends (the pattern's only look-around is an ASCII `\b`, which reads the byte
/// on either side), so the text and those two bits are the key.
fn group_spans(s: &str, whole: regex::Match, locs: &mut regex::CaptureLocations) -> GroupSpans {
    let b = s.as_bytes();
    let word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    let before = word(whole.start().checked_sub(1).and_then(|i| b.get(i)));
    let after = word(b.get(whole.end()));
    let context = usize::from(before) | usize::from(after) << 1;
    let read = |locs: &mut regex::CaptureLocations| {
        let at = whole.start();
        if LEX.token.captures_read_at(locs, s, at).is_none() {
            return whole_number(whole);
        }
        LEX.groups
            .map(|g| locs.get(g).map(|(from, to)| (from - at, to - at)))
    };
    if whole.len() > GROUPS_KEPT_LEN {
        return read(locs);
    }
    GROUPS_READ.with(|kept| {
        let Ok(mut kept) = kept.try_borrow_mut() else {
            return read(locs);
        };
        if let Some(spans) = kept.get(whole.as_str()).and_then(|by| by[context]) {
            return spans;
        }
        let spans = read(locs);
        if kept.len() >= GROUPS_KEPT {
            kept.clear();
        }
        kept.entry(whole.as_str().to_string()).or_default()[context] = Some(spans);
        spans
    })
}

/// The groups of a match that is one number and nothing else.
fn whole_number(whole: regex::Match) -> GroupSpans {
    let mut spans = [None; 5];
    spans[NUM] = Some((0, whole.len()));
    spans
}

/// A group of one amount as matched: offsets in the sentence and the text.
#[derive(Clone, Copy)]
struct Piece<'h> {
    start: usize,
    end: usize,
    text: &'h str,
}

impl<'h> Piece<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'h str {
        self.text
    }
}

/// The groups of one amount.
struct Groups<'h> {
    hay: &'h str,
    whole: regex::Match<'h>,
    spans: GroupSpans,
}

impl<'h> Groups<'h> {
    /// The group `group` (one of [`PRE`], [`NUM`], [`MULT`], [`POST`], [`NAME`]), if it took
    /// part in the match.
    fn name(&self, group: usize) -> Option<Piece<'h>> {
        let (from, to) = self.spans[group]?;
        let at = self.whole.start();
        Some(Piece {
            start: at + from,
            end: at + to,
            text: &self.hay[at + from..at + to],
        })
    }
}

/// The amounts of `s`, in order.
fn amounts(s: &str) -> Vec<Amount> {
    let lex = &*LEX;
    let dates: Vec<Range<usize>> = lex.dates.find_iter(s).map(|m| m.range()).collect();
    let mut out = Vec::new();
    // One set of capture slots for the sentence, not one allocation per amount.
    let mut locs = lex.token.capture_locations();
    for whole in lex.token.find_iter(s) {
        // Most numbers are bare ("5 years", "2024"): the captures, costly with hundreds of
        // currency names in the pattern, are read only for a match that holds more.
        let bare = whole
            .as_str()
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.' || b == b'\'' || b == b' ');
        let c = Groups {
            hay: s,
            whole,
            spans: if bare {
                whole_number(whole)
            } else {
                group_spans(s, whole, &mut locs)
            },
        };
        let Some(num) = c.name(NUM) else { continue };
        let start = c.name(PRE).map_or(num.start(), |p| p.start());
        let end = c.whole.end();
        // Trailing space or "(" taken by the optional groups but not used.
        let end = start
            + s[start..end]
                .trim_end_matches([' ', '(', '\u{a0}', '\u{202f}'])
                .len();
        let prev = s[..start].chars().next_back();
        let first = s[start..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        // Chinese, Japanese and Korean glue numbers to the words around them ("月薪1万",
        // "年収600万円"): a character of those scripts before a number glues nothing.
        if word(first) && word(prev) && !prev.is_some_and(crate::phrases::spaceless) {
            continue;
        }
        if c.name(PRE).is_none() && matches!(prev, Some('.' | ',' | '/' | '#' | '_' | '+' | '^')) {
            continue;
        }
        // A multiplier letter that opens a longer word is that word's: "45 000 Kč" is
        // koruna, not thousands (the pattern's ASCII word boundary holds before "č"). When the
        // word is a currency symbol it is read as one written after the amount.
        let mut end = end;
        let mut glued_symbol = None;
        if let Some(m) = c.name(MULT)
            && word(s[..end].chars().next_back())
            && word(s[end..].chars().next())
        {
            let rest = &s[m.start()..];
            let word_end = m.start() + rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            let Some(&cur) = lex.symbols.get(&s[m.start()..word_end]) else {
                continue;
            };
            glued_symbol = Some(cur);
            end = word_end;
        }
        let last = s[..end].chars().next_back();
        let next = s[end..].chars().next();
        if word(last) && word(next) || matches!(next, Some('%' | '°')) {
            continue;
        }
        let rest = &s[end..];
        if rest.starts_with("(k)") || rest.starts_with("(K)") {
            continue;
        }
        // A version or a dotted number ("3.11.2").
        if c.name(MULT).is_none()
            && c.name(POST).is_none()
            && c.name(NAME).is_none()
            && (rest.starts_with('.') || rest.starts_with(','))
            && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        if dates.iter().any(|d| d.start < num.end() && num.start() < d.end) {
            continue;
        }
        let Some(raw) = parse_number(num.as_str()) else {
            continue;
        };
        if raw == 0.0 {
            continue;
        }
        let mult = c
            .name(MULT)
            .filter(|_| glued_symbol.is_none())
            .and_then(|m| lex.mults.get(m.as_str()).copied());
        let symbol = |group: usize| c.name(group).and_then(|m| lex.symbols.get(m.as_str()).copied());
        let written_after = glued_symbol.or_else(|| symbol(POST)).or_else(|| {
            c.name(NAME)
                .and_then(|m| lex.names.get(&m.as_str().to_lowercase()).copied())
        });
        // "$140,000 CAD": the code after says which dollar.
        let mut cur = match (symbol(PRE), written_after) {
            (Some(Cur::Dollar) | None, Some(after)) => Some(after),
            (pre, _) => pre,
        }
        .or_else(|| mult_currency(mult));
        // "CAD $180,000": a code written before the dollar sign says which dollar (not one
        // the amount before already took as its own: "$14 C$ $1").
        let mut start = start;
        if cur == Some(Cur::Dollar)
            && let Some((at, code)) = code_before(&s[..start])
            && out.last().is_none_or(|prev: &Amount| prev.span.end <= at)
        {
            cur = Some(code);
            start = at;
        }
        let plain = mult.is_none() && num.as_str().bytes().all(|b| b.is_ascii_digit());
        out.push(Amount {
            span: start..end,
            raw,
            mult,
            cur,
            plain,
            leading_zero: num.as_str().starts_with('0'),
        });
    }
    out
}

/// A currency code or symbol that ends `before` past one space, standing as a word of its
/// own ("CAD $", "USD $"), with where it starts.
fn code_before(before: &str) -> Option<(usize, Cur)> {
    let trimmed = before.strip_suffix([' ', '\u{a0}']).unwrap_or(before);
    let word_at = trimmed
        .rfind(|c: char| !c.is_alphanumeric() && c != '$')
        .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    match LEX.symbols.get(&trimmed[word_at..]) {
        Some(&c @ Cur::Code(_)) => Some((word_at, c)),
        _ => None,
    }
}

fn mult_currency(mult: Option<usize>) -> Option<Cur> {
    let m = &LEX.data.multiplier[mult?];
    m.currency
        .as_ref()
        .and_then(|c| LEX.codes.get(c))
        .map(|&i| Cur::Code(i))
}

fn mult_period(mult: Option<usize>) -> Option<&'static str> {
    LEX.data.multiplier[mult?]
        .period
        .as_deref()
        .and_then(static_period)
}

/// Connectors between the two ends of a range ("a", "até" and "hasta": "R$ 8.000 a R$ 10.000",
/// "de 45.000 hasta 55.000 €").
const CONNECTORS: &[&str] = &[
    "-", "–", "—", "−", "~", "to", "and", "till", "until", "through", "thru", "bis", "à", "a", "até",
    "hasta", "et", "y", "e", "und", "～", "〜", "до", "do", "至",
];

/// Connectors that join a range only after a word for "between" ("between $50k and $60k",
/// "entre 42K et 48K €", "zwischen 50.000 und 60.000 €"): elsewhere they join two statements.
const BETWEEN_CONNECTORS: &[&str] = &["and", "et", "y", "e", "und"];
const BETWEEN: &[&str] = &["between", "entre", "zwischen", "tra"];

/// A statement being read: one amount or a range of two.
#[derive(Debug, Clone)]
struct Statement {
    span: Range<usize>,
    min: Option<f64>,
    max: Option<f64>,
    cur: Option<Cur>,
    period: Option<&'static str>,
    parts: Vec<Amount>,
}

/// The period phrase `hay` starts with (after spaces), and where it ends.
fn period_at_start(hay: &str) -> Option<(&'static str, usize)> {
    let lead = hay.len() - hay.trim_start().len();
    LEX.after
        .find_iter(hay)
        .next()
        .filter(|(r, _)| r.start == lead)
        .map(|(r, p)| (PERIODS[p as usize], r.end))
}

/// Groups amounts into statements: "$120k - $150k", "$18/hr - $22/hr", "between 40 000 and
/// 50 000 EUR".
fn group(s: &str, amounts: Vec<Amount>) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        if let Some(b) = amounts.get(i + 1)
            && let Some(st) = range(s, a, b)
        {
            out.push(st);
            i += 2;
            continue;
        }
        out.push(Statement {
            span: a.span.clone(),
            min: Some(a.value()),
            max: Some(a.value()),
            cur: a.cur,
            period: mult_period(a.mult),
            parts: vec![a.clone()],
        });
        i += 1;
    }
    out
}

fn range(s: &str, a: &Amount, b: &Amount) -> Option<Statement> {
    let mut gap = &s[a.span.end..b.span.start];
    let mut period = None;
    if let Some((p, end)) = period_at_start(gap) {
        period = Some(p);
        gap = &gap[end..];
    }
    let connector = gap.trim().to_lowercase();
    if !CONNECTORS.contains(&connector.as_str()) {
        return None;
    }
    if BETWEEN_CONNECTORS.contains(&connector.as_str()) {
        let before = tail(&s[..a.span.start], 40).trim_end();
        // The currency may stand before the first amount ("entre € 42K et 48K").
        let before = before
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace())
            .trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !BETWEEN.contains(&word.as_str()) {
            return None;
        }
    }
    let (mut a, mut b) = (a.clone(), b.clone());
    // "$120-150k", "12-15 LPA": the multiplier written once counts for both.
    match (a.mult, b.mult) {
        (None, Some(m)) if a.raw < b.raw => a.mult = Some(m),
        (Some(m), None) if b.raw > a.raw => b.mult = Some(m),
        _ => {}
    }
    // "$150,000 - $175,000 CAD": a code at either end says which dollar both are.
    let cur = match (a.cur, b.cur) {
        (Some(Cur::Dollar) | None, Some(Cur::Code(c))) => Some(Cur::Code(c)),
        (x, y) => x.or(y),
    }
    .or_else(|| mult_currency(a.mult));
    if a.value() > b.value() {
        return None;
    }
    let period = period.or(mult_period(b.mult)).or(mult_period(a.mult));
    Some(Statement {
        span: a.span.start..b.span.end,
        min: Some(a.value()),
        max: Some(b.value()),
        cur,
        period,
        parts: vec![a, b],
    })
}

/// Words of `s` split at white space, with their byte offsets.
/// The last `max` bytes of `s` (at a char boundary): look-arounds read a bounded window, so a
/// long sentence full of numbers stays linear.
fn tail(s: &str, max: usize) -> &str {
    let mut i = s.len().saturating_sub(max);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// The first `max` bytes of `s` (at a char boundary).
fn head(s: &str, max: usize) -> &str {
    &s[..crate::input::floor_char_boundary(s, max)]
}

/// Bytes a look-around of `words` words reads at most.
fn reach(words: usize) -> usize {
    words * 40 + 64
}

fn word_starts(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            out.push(i);
        }
    }
    out
}

/// The kind of the cue nearest the end of `before` within `words` words, stopping at a clause
/// break.
fn cue_before(before: &str, words: usize) -> Option<u32> {
    let before = tail(before, reach(words));
    let cut = before
        .rfind([',', ';', '(', '+', '|', '•'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let window = &before[cut..];
    let starts = word_starts(window);
    let from = starts.len().saturating_sub(words);
    let from = starts.get(from).copied().unwrap_or(window.len());
    LEX.cues.find_iter(&window[from..]).last().map(|(_, p)| p)
}

/// The kind of the first cue in the first `words` words of `after`, stopping at a clause break.
fn cue_after(after: &str, words: usize) -> Option<u32> {
    let after = head(after, reach(words));
    let lower = after.to_ascii_lowercase();
    let mut cut = after
        .find([',', ';', '(', ')', '+', '|', '&', '.', '•'])
        .unwrap_or(after.len());
    for w in [" and ", " plus ", " with "] {
        if let Some(i) = lower.find(w) {
            cut = cut.min(i);
        }
    }
    let window = &after[..cut];
    let starts = word_starts(window);
    let to = starts.get(words).copied().unwrap_or(window.len());
    LEX.cues.find_iter(&window[..to]).next().map(|(_, p)| p)
}

/// Whether a pay cue is within `before` words before `span` or `after` words after it.
fn cue_near(s: &str, span: &Range<usize>, before: usize, after: usize) -> bool {
    let lead = tail(&s[..span.start], reach(before));
    let lead_at = span.start - lead.len();
    let starts = word_starts(lead);
    let from = lead_at + starts.len().checked_sub(before).map_or(0, |i| starts[i]);
    let tail = head(&s[span.end..], reach(after));
    let to = span.end + word_starts(tail).get(after).copied().unwrap_or(tail.len());
    LEX.cues.payloads_in(&s[from..to]).any(|p| p == PAY)
}

/// The period stated right after a statement, past filler words, with its end and any
/// currency named on the way ("60 000 EUR gross per year", "$120k (USD) per year").
fn period_after(after: &str) -> Option<(&'static str, usize, Option<Cur>)> {
    let (r, p) = LEX.after.find_iter(head(after, 160)).next()?;
    if r.start > 48 {
        return None;
    }
    // "EUR 2.800,- brutto pro Monat", "CHF 7'500.- par mois": the dash for no cents.
    let cents = if after.starts_with(",-") || after.starts_with(".-") {
        2
    } else {
        0
    };
    let gap = &after[cents.min(r.start)..r.start];
    // A full stop ends the statement, unless it ends a filler word ("180 kr. i timen").
    let stop = || {
        gap.split_whitespace()
            .any(|w| w.contains('.') && !LEX.filler.contains(&w.to_lowercase()))
    };
    if gap.contains([',', ';', ':', '\n']) || gap.chars().any(|c| c.is_ascii_digit()) || stop() {
        return None;
    }
    let mut cur = None;
    for w in gap.split_whitespace() {
        let w = w.trim_matches(|c| c == '(' || c == ')');
        if w.is_empty() || LEX.filler.contains(&w.to_lowercase()) {
            continue;
        }
        match LEX.symbols.get(w).or_else(|| LEX.names.get(&w.to_lowercase())) {
            Some(c) => cur = Some(*c),
            None => return None,
        }
    }
    Some((PERIODS[p as usize], r.end, cur))
}

/// The period stated a few words before a statement ("Hourly rate: $45", "annual base salary
/// of $120k").
fn period_before(before: &str) -> Option<&'static str> {
    let (r, p) = LEX.before.find_iter(before).last()?;
    at_most_words(&before[r.end..], 6).then_some(PERIODS[p as usize])
}

/// Whether `s` has at most `n` words (as [`word_starts`] counts them), read no further.
fn at_most_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// Whether a sentence is a short heading with a pay cue ("Compensation", "Salary range:"), or
/// a line with a pay cue that introduces what follows ("The annual base salary range for this
/// role is:").
fn heading_with_cue(s: &str) -> bool {
    const INTRO_WORDS: usize = 16;
    (at_most_words(s, 6) || s.trim_end().ends_with(':') && at_most_words(s, INTRO_WORDS))
        && LEX.cues.payloads_in(s).any(|p| p == PAY)
}

/// What makes a bare "$" ambiguous in `text`, if anything.
fn dollar_ambiguity(text: &str) -> Option<&'static str> {
    let lex = &*LEX;
    lex.ambiguity.find_iter(text).find_map(|(r, p)| {
        let a = lex.ambiguities.get(p as usize)?;
        counts(text, &r, a).then_some(a.reason.as_str())
    })
}

/// Whether the ambiguity `a` found at `r` counts: as written (a lower-case name in any case),
/// and a currency code only next to a number ("CAD 90k", not "CAD software").
fn counts(text: &str, r: &Range<usize>, a: &Ambiguity) -> bool {
    if !as_written(text, r, &a.text) {
        return false;
    }
    if a.code {
        let before = text[..r.start].trim_end_matches([' ', '(']);
        let after = text[r.end..].trim_start_matches([' ', ')']);
        return before.ends_with(|c: char| c.is_ascii_digit() || c == 'k' || c == 'K')
            || after.starts_with(|c: char| c.is_ascii_digit() || c == '$');
    }
    true
}

/// Whether a match of an ambiguity or home phrase `a` at `r` counts: a place or symbol as
/// written, a lower-case name in any case.
fn as_written(text: &str, r: &Range<usize>, a: &str) -> bool {
    text[r.clone()] == *a || a.chars().all(|c| c.is_lowercase() || c == ' ')
}

/// The dollar that a bare "$" is where the posting says it is: the one currency that every
/// place its stated locations name may stand for ("Toronto, ON" → CAD, "Perth WA" → AUD,
/// "Bogotá, D.C." → COP, "Austin, TX" → the default), when every other dollar the text names
/// by code or name ("CAD", "Canadian dollars") is that one too. `None` when the locations name
/// none, or places of two ("Remote (US or Canada)", "Vancouver, WA"). A posting that states no
/// location is read by its header: a place its employer's line names ("Singapore General
/// Hospital") says where it is; a place named in a sentence ("offices across Canada.") does
/// not.
fn place_dollar(text: &str, locations: &[Range<usize>]) -> Option<Cur> {
    let lex = &*LEX;
    let mut found = u64::MAX;
    let header: Vec<Range<usize>>;
    let locations = if locations.is_empty() {
        header = header_fields(text);
        &header
    } else {
        locations
    };
    for loc in locations {
        // A place that goes on past a slash names both ("Canada / US remote", "Toronto / New
        // York"): the rest of its line counts.
        let line_end = super::line_within(text, loc.end, loc.end).end;
        let end = if text[loc.end..line_end].trim_start().starts_with('/') {
            line_end
        } else {
            loc.end
        };
        let s = &text[loc.start..end];
        for (r, p) in lex.homes.find_iter(s) {
            let (place, mask) = &lex.home_places[p as usize];
            if as_written(s, &r, place) {
                found &= mask;
            }
        }
    }
    if found.count_ones() != 1 {
        return None;
    }
    let found = found.trailing_zeros() as usize;
    // A dollar named by its code, symbol or name elsewhere must be the same one.
    let other_named = lex.ambiguity.find_iter(text).any(|(r, p)| {
        let Some(a) = lex.ambiguities.get(p as usize) else {
            return false;
        };
        let ci = lex.ambiguity_currency[p as usize];
        let named = !lex.data.currency[ci].places.contains(&a.text);
        named && ci != found && counts(text, &r, a)
    });
    (!other_named).then_some(Cur::Code(found))
}

/// The currency that a statement at `span` is written in by one of its `local_symbols`, when
/// the posting's stated locations (or, without any, its header lines) name places of that
/// currency alone: "Rs. 80,000" under "Lahore, Pakistan" is PKR (India's rupee elsewhere),
/// "245 kr timen" under "Bryn, Oslo" NOK (no currency where no place tells).
fn local_currency(text: &str, span: Range<usize>, locations: &[Range<usize>]) -> Option<usize> {
    let lex = &*LEX;
    // The statement and the few bytes after it, where a symbol after the amount stands ("210
    // kr per time": the amount ends before it).
    let end = crate::input::floor_char_boundary(text, (span.end + 8).min(text.len()));
    let s = &text[span.start.min(end)..end];
    let mut found = None;
    let mut header: Option<Vec<Range<usize>>> = None;
    for &ci in &lex.locals {
        let c = &lex.data.currency[ci];
        if !c.local_symbols.iter().any(|sym| has_word(s, sym)) {
            continue;
        }
        let places: &[Range<usize>] = if locations.is_empty() {
            header.get_or_insert_with(|| header_fields(text))
        } else {
            locations
        };
        if !places
            .iter()
            .any(|r| c.places.iter().any(|p| has_word(&text[r.clone()], p)))
        {
            continue;
        }
        if found.is_some() {
            // Places of two such currencies: none told.
            return None;
        }
        found = Some(ci);
    }
    found
}

/// The currency of amounts written with none: a `bare` currency whose `places` the posting's
/// stated locations (or, without any, its header lines) name, when exactly one such currency's
/// are named.
fn bare_currency(text: &str, locations: &[Range<usize>]) -> Option<usize> {
    let lex = &*LEX;
    if lex.bare_place_currency.is_empty() {
        return None;
    }
    let header;
    let places: &[Range<usize>] = if locations.is_empty() {
        header = header_fields(text);
        &header
    } else {
        locations
    };
    let mut found = None;
    for r in places {
        let s = &text[r.clone()];
        for m in lex.bare_places.find_overlapping_iter(s) {
            let ci = lex.bare_place_currency[m.pattern().as_usize()];
            if found == Some(ci) || !word_at(s, m.range()) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(ci);
        }
    }
    found
}

/// Whether `w` stands in `s` as a word of its own: no letter or digit right before or after
/// it. Chinese, Japanese and Korean put no spaces between words: a character of those scripts
/// on either side of an edge glues nothing ("55,000元", "台北市").
fn has_word(s: &str, w: &str) -> bool {
    s.match_indices(w).any(|(i, _)| word_at(s, i..i + w.len()))
}

/// Whether `s[r]` stands as a word of its own (see [`has_word`]).
fn word_at(s: &str, r: Range<usize>) -> bool {
    let glued = |a: Option<char>, b: Option<char>| {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !crate::phrases::spaceless(c));
        word(a) && word(b)
    };
    let w = &s[r.clone()];
    !glued(s[..r.start].chars().next_back(), w.chars().next())
        && !glued(w.chars().next_back(), s[r.end..].chars().next())
}

/// How many lines at the top of a posting [`header_fields`] reads.
const HEADER_LINES: usize = 6;

/// The short lines at the top of `text` that are fields, not sentences (the title, the
/// employer, the pay): at most [`HEADER_LINES`] non-empty lines, each of at most six words
/// and ending in no full stop.
fn header_fields(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let r = start..start + line.trim_end().len();
        start += line.len();
        let s = text[r.clone()].trim();
        if s.is_empty() {
            continue;
        }
        if s.len() <= 60 && s.split_whitespace().count() <= 6 && !s.ends_with(['.', '!', '?']) {
            out.push(r);
        }
        seen += 1;
        if seen >= HEADER_LINES {
            break;
        }
    }
    out
}

/// The dollar that a word right after a "$" amount (past "+" or "plus") marks ("$140k +
/// super": `marks` of salary.toml).
fn dollar_mark(after: &str) -> Option<Cur> {
    let rest = after.trim_start();
    let rest = rest
        .strip_prefix('+')
        .or_else(|| rest.strip_prefix("plus "))
        .or_else(|| rest.strip_prefix("Plus "))?;
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    LEX.data
        .currency
        .iter()
        .position(|c| c.marks.contains(&word))
        .map(Cur::Code)
}

/// The period an amount of this size most likely is, in currency `cur` (an index of
/// `[[currency]]`) when known: monthly pay runs higher in some ("PLN 25 000").
fn infer_period(v: f64, cur: Option<usize>) -> &'static str {
    let i = &LEX.data.infer;
    let month_below = cur
        .and_then(|c| LEX.data.currency[c].month_below)
        .unwrap_or(i.month_below);
    if v < i.hour_below {
        "hour"
    } else if v < month_below {
        "month"
    } else {
        "year"
    }
}

/// A statement read in its sentence, before the currency is resolved.
struct Read {
    span: Range<usize>,
    min: Option<f64>,
    max: Option<f64>,
    cur: Option<Cur>,
    period: Option<&'static str>,
}

/// The pay statements of `s`; `heading_cue`: the line before is a heading about pay.
/// `bare`: the currency of an amount written with none, told by the posting's place.
fn read_sentence(s: &str, heading_cue: bool, bare: Option<Cur>) -> Vec<Read> {
    let lex = &*LEX;
    let statements = group(s, amounts(s));
    let mut out: Vec<Read> = Vec::new();
    let mut prev_end = 0;
    let mut dropped_not_pay = false;
    for (k, st) in statements.iter().enumerate() {
        let mut st = st.clone();
        let next_start = statements.get(k + 1).map_or(s.len(), |n| n.span.start);
        let before = &s[prev_end.min(st.span.start)..st.span.start];
        prev_end = st.span.end;
        let single = st.parts.len() == 1;
        // "up to $90,000", "from 60 000 EUR".
        if single {
            let trimmed = before.trim_end();
            if let Some((r, p)) = lex.bounds.find_iter(trimmed).last()
                && r.end == trimmed.len()
            {
                st.span.start -= before.len() - r.start;
                if p == MIN_ONLY {
                    st.max = None;
                } else {
                    st.min = None;
                }
            }
        }
        let mut after = &s[st.span.end..next_start.max(st.span.end)];
        // "$100k+", "$100k or more".
        if single && st.min.is_some() && st.max.is_some() {
            if after.starts_with('+') {
                st.max = None;
                st.span.end += 1;
                after = &after[1..];
            } else if let Some((r, _)) = lex.min_after.find_iter(after).next()
                && after[..r.start].trim().is_empty()
            {
                st.max = None;
            }
        }
        if st.period.is_none()
            && let Some((p, end, cur)) = period_after(after)
        {
            st.period = Some(p);
            st.cur = st.cur.or(cur);
            st.span.end += end;
            after = &after[end..];
        }
        let stated_after = st.period.is_some();
        if st.period.is_none() {
            st.period = period_before(before);
        }
        // The next item of a list of what is not pay ("Shift differentials: $4/hour nights,
        // $2/hour weekends"): a few words and a comma or "and" after the one dropped.
        let listed_after_not_pay = std::mem::take(&mut dropped_not_pay) && {
            let gap = before.trim();
            (gap.ends_with(',') || gap.ends_with(" and") || gap.ends_with(" or"))
                && gap.split_whitespace().count() <= 3
                && !LEX.cues.payloads_in(gap).any(|p| p == PAY)
        };
        let more_than_pay = lex
            .not_pay_after
            .find_iter(after)
            .next()
            .is_some_and(|(r, _)| after[..r.start].trim().is_empty());
        if listed_after_not_pay
            || more_than_pay
            || cue_before(before, 5) == Some(NOT_PAY)
            || cue_after(after, 3) == Some(NOT_PAY)
        {
            dropped_not_pay = true;
            continue;
        }
        let top = st.max.or(st.min).unwrap_or(0.0);
        let limits = &lex.data.limits;
        if top >= limits.max || (st.period == Some("year") && top < limits.year_min) {
            continue;
        }
        if let Some(Cur::Code(i)) = st.cur
            && lex.data.currency[i].min_amount.is_some_and(|m| top < m)
        {
            continue;
        }
        let sentence_cue = heading_cue || cue_near(s, &st.span, 12, 6);
        // No currency written where the place tells one: the amount is in it when a cue, a
        // period or a field of its own says it is pay ("25-40K·14薪", "1.5-2万/月"), and is
        // no year.
        if st.cur.is_none()
            && let Some(b) = bare
            && !st
                .parts
                .iter()
                .any(|a| a.plain && (1900.0..=2100.0).contains(&a.raw))
        {
            let with = Statement {
                cur: Some(b),
                ..st.clone()
            };
            if sentence_cue || st.period.is_some() || stands_alone(s, &with) {
                st.cur = Some(b);
            }
        }
        let mult_k = st.parts.iter().any(|a| a.mult.is_some()) && top >= lex.data.infer.month_below;
        if st.cur.is_some() {
            if !(sentence_cue || st.period.is_some() || mult_k || stands_alone(s, &st)) {
                continue;
            }
        } else {
            // No currency: a year, a date piece, or a number without a pay cue is not pay.
            let year_like = st
                .parts
                .iter()
                .any(|a| a.plain && (1900.0..=2100.0).contains(&a.raw));
            if year_like || st.parts.iter().any(|a| a.leading_zero) || !sentence_cue {
                continue;
            }
            let sized = st.parts.iter().any(|a| a.mult.is_some()) || top >= 1000.0;
            let cue_close = heading_cue || cue_before(before, 5) == Some(PAY);
            // A period stated before counts as one after ("Timeløn: 165 kr.").
            if !(cue_close && (stated_after || st.period.is_some() || sized)) {
                continue;
            }
            // "10,000 requests": a count of something.
            let next_word = after
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .unwrap_or_default();
            if !stated_after
                && next_word.starts_with(char::is_alphabetic)
                && !lex.filler.contains(&next_word)
                && !lex.cues.payloads_in(&next_word).any(|p| p == PAY)
            {
                continue;
            }
        }
        // "from $129,300/year … up to $223,600/year": a lower bound then an upper bound in the
        // same currency and period are one range.
        if let Some(last) = out.last_mut()
            && last.max.is_none()
            && st.min.is_none()
            && last.cur == st.cur
            && last.period == st.period
            && st.max.zip(last.min).is_some_and(|(hi, lo)| hi > lo)
        {
            last.max = st.max;
            last.span.end = st.span.end;
            continue;
        }
        out.push(Read {
            span: st.span,
            min: st.min,
            max: st.max,
            cur: st.cur,
            period: st.period,
        });
    }
    out
}

/// Separators of the fields of a header line around a salary: those of every header line, and
/// an em dash ("Sydney — $140k - $160k"), which in a years statement joins a range ("3—5 years").
const FIELD_SEPARATORS: &[char] = &['|', '\u{b7}', '\u{2022}', '\t', '\u{2014}'];

/// Whether a range in a currency stands as a field of its own ("$130,000 - $165,000" on its
/// line, "| £55,000 - £65,000 + benefits"): at most `ALONE_WORDS` words share its field, and
/// it is the size of a yearly salary (a smaller range alone may be a price).
fn stands_alone(s: &str, st: &Statement) -> bool {
    const ALONE_WORDS: usize = 2;
    // The currency may be written once ("NGN 250,000 - 350,000"); a single amount stands
    // alone only on a line of its own (see below).
    if !(1..=2).contains(&st.parts.len()) || st.cur.is_none() {
        return false;
    }
    // Below a yearly salary's size, a range in thousands alone on its line is monthly pay
    // ("GH₵ 4,500 - 6,000" under a job board's header); in a field of a longer line it may be a
    // price. The line is read at most `LINE` bytes either side of the range.
    const LINE: usize = 40;
    let top = st.max.or(st.min).unwrap_or(0.0);
    let on_its_line = || {
        let lead = super::last_bytes(&s[..st.span.start], LINE);
        let tail = super::first_bytes(&s[st.span.end..], LINE);
        let lead_alone = match lead.rfind('\n') {
            Some(i) => lead[i..].trim().is_empty(),
            None => lead.len() == st.span.start && lead.trim().is_empty(),
        };
        let tail_alone = match tail.find('\n') {
            Some(i) => tail[..i].trim().is_empty(),
            None => tail.len() == s.len() - st.span.end && tail.trim().is_empty(),
        };
        lead_alone && tail_alone
    };
    // A single amount in a currency alone on its line is the pay of a board's header
    // ("R$ 2.300,00" under the title, Catho); in a field of a longer line it may be a price.
    if st.parts.len() == 1 {
        return top >= 1000.0 && on_its_line();
    }
    if top < LEX.data.infer.month_below && !(top >= 1000.0 && on_its_line()) {
        return false;
    }
    let (lead, tail) = super::field_around(&s[..st.span.start], &s[st.span.end..], FIELD_SEPARATORS);
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    words(lead) + words(tail) <= ALONE_WORDS
}

/// Where the sentence at `si` really starts: a currency written with a dot ("Rs. 12 LPA")
/// ends the sentence before it.
fn sentence_start(text: &str, sentences: &[Range<usize>], si: usize) -> usize {
    let r = &sentences[si];
    let Some(prev) = si.checked_sub(1).map(|p| &sentences[p]) else {
        return r.start;
    };
    if text[prev.end..r.start].contains('\n') {
        return r.start;
    }
    let p = &text[prev.clone()];
    LEX.dotted
        .iter()
        .filter(|k| p.ends_with(k.as_str()))
        .map(|k| prev.end - k.len())
        .filter(|&at| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .min()
        .unwrap_or(r.start)
}

/// Whether a sentence may hold pay: a currency symbol anywhere, or a cue word that no letter
/// touches (a digit may: "100USD", "40ph") — "comp" in "company" or "ph" in "PHP" is no cue.
fn prefilter_hit(s: &str) -> bool {
    LEX.prefilter.find_iter_anywhere(s).any(|r| {
        let first = s[r.start..].chars().next().unwrap_or(' ');
        let last = s[..r.end].chars().next_back().unwrap_or(' ');
        let before = s[..r.start].chars().next_back();
        let after = s[r.end..].chars().next();
        let touches = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        !(first.is_alphanumeric() && touches(before) || last.is_alphanumeric() && touches(after))
    })
}

/// Every pay statement of `text`, split into `sentences`; `locations` are the text's stated
/// locations ([`super::location::find_all`]), which may tell what a "$" is.
pub(crate) fn find_all(text: &str, sentences: &[Range<usize>], locations: &[Range<usize>]) -> Vec<Found> {
    let lex = &*LEX;
    let mut out = Vec::new();
    let mut ambiguity: Option<Option<&'static str>> = None;
    let mut by_place: Option<Option<Cur>> = None;
    let mut bare: Option<Option<Cur>> = None;
    let mut warned = false;
    let mut stated = std::collections::HashSet::new();
    // The last sentence that stated pay.
    let mut paid_line: Option<usize> = None;
    for (si, r) in sentences.iter().enumerate() {
        let s = &text[r.clone()];
        if !super::has_ascii_digit(s) || !prefilter_hit(s) {
            continue;
        }
        let start = sentence_start(text, sentences, si);
        // The line before is a heading about pay, or a line of pay in a list of them
        // ("Zone 1: $210,000 - $260,000" then "Zone 2: $189,000 - $234,000", one range per
        // level or place under a pay-transparency heading).
        let heading_cue = si.checked_sub(1).is_some_and(|p| {
            heading_with_cue(&text[sentences[p].clone()])
                || paid_line == Some(p) && text[sentences[p].end..r.start].contains('\n')
        });
        let bare = *bare.get_or_insert_with(|| bare_currency(text, locations).map(Cur::Code));
        for read in read_sentence(&text[start..r.end], heading_cue, bare) {
            let mut warning = None;
            let mut cur = match read.cur {
                Some(Cur::Dollar) => dollar_mark(&text[start + read.span.end..]).or(read.cur),
                c => c,
            };
            // A "$" where the text names another dollar's place: the posting's own place may
            // tell which.
            // A "$" where the posting's own place is another dollar's ("London, ON" → CAD)
            // is that dollar even when no place of that dollar's list is named.
            if cur == Some(Cur::Dollar)
                && let Some(c) = *by_place.get_or_insert_with(|| place_dollar(text, locations))
            {
                cur = Some(c);
            }
            // "Rs. 80,000" in "Lahore, Pakistan", "210 kr per time" in Oslo: a symbol that is
            // this currency where the posting is.
            if cur != Some(Cur::Dollar)
                && let Some(c) =
                    local_currency(text, start + read.span.start..start + read.span.end, locations)
            {
                cur = Some(Cur::Code(c));
            }
            let currency = match cur {
                Some(Cur::Code(i)) => Some(lex.data.currency[i].code.clone()),
                Some(Cur::Dollar) => match *ambiguity.get_or_insert_with(|| dollar_ambiguity(text)) {
                    Some(reason) => {
                        if !warned {
                            warning = Some(reason.to_string());
                            warned = true;
                        }
                        None
                    }
                    None => Some(lex.data.dollar.default.clone()),
                },
                None => None,
            };
            let (period, period_inferred) = match read.period {
                Some(p) => (Some(p), false),
                None => {
                    let code = match cur {
                        Some(Cur::Code(i)) => Some(i),
                        _ => None,
                    };
                    let top = read.max.or(read.min).unwrap_or(0.0);
                    (Some(infer_period(top, code)), true)
                }
            };
            // A posting that repeats its pay ("$28 - $34 an hour" in its header, "Pay: $28.00 -
            // $34.00 per hour" in its details) states it once.
            let key = (
                read.min.map(f64::to_bits),
                read.max.map(f64::to_bits),
                currency.clone(),
                period,
            );
            paid_line = Some(si);
            if !stated.insert(key) {
                continue;
            }
            out.push(Found {
                min: read.min,
                max: read.max,
                currency,
                period,
                period_inferred,
                span: start + read.span.start..start + read.span.end,
                warning,
            });
        }
    }
    out
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEX);
}

/// Whether `s`, exactly as written, is a currency's code or sign ("PHP", "CAD", "R", "₱"):
/// next to an amount it names money, not the technology of the same name.
pub(crate) fn is_currency_sign(s: &str) -> bool {
    LEX.codes.contains_key(s) || LEX.symbols.contains_key(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_all`] with the text's own sentences and locations.
    fn find_all_in(text: &str) -> Vec<Found> {
        let sentences = super::super::sentences(text);
        find_all(
            text,
            &sentences,
            &super::super::location::find_all(text, &sentences, true),
        )
    }

    type Row = (Option<f64>, Option<f64>, Option<String>, Option<&'static str>);

    fn one(text: &str) -> Vec<Row> {
        find_all_in(text)
            .into_iter()
            .map(|f| (f.min, f.max, f.currency, f.period))
            .collect()
    }

    #[test]
    fn kept_groups_are_the_groups_read() {
        let sentences = [
            "Salary: $120,000 - $150,000 per year, $120,000 again",
            "$5kx then $5 k and $5k. and CA$110,000 CAD",
            "x$5k, 2 million, 3 million USD, €46,000 EUR, 12 LPA, 40 000 euros",
            "£36,124 (GBP) a year; Rs. 12 lakh; 45/hr; 60 000 EUR gross",
            "$1,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000 USD",
        ];
        let mut locs = LEX.token.capture_locations();
        for round in 0..2 {
            for s in sentences {
                for whole in LEX.token.find_iter(s) {
                    let mut fresh = LEX.token.capture_locations();
                    LEX.token
                        .captures_read_at(&mut fresh, s, whole.start())
                        .expect("the match is found again");
                    let want = LEX
                        .groups
                        .map(|g| fresh.get(g).map(|(a, b)| (a - whole.start(), b - whole.start())));
                    assert_eq!(group_spans(s, whole, &mut locs), want, "{round} {s:?} {whole:?}");
                }
            }
        }
    }

    #[test]
    fn lexicon_loads() {
        assert!(LEX.codes.contains_key("USD"));
        assert!(LEX.data.infer.hour_below < LEX.data.infer.month_below);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("120,000"), Some(120_000.0));
        assert_eq!(parse_number("55.000"), Some(55_000.0));
        assert_eq!(parse_number("60 000"), Some(60_000.0));
        assert_eq!(parse_number("120'000"), Some(120_000.0));
        assert_eq!(parse_number("1,20,000"), Some(120_000.0));
        assert_eq!(parse_number("47000.00"), Some(47_000.0));
        assert_eq!(parse_number("45,50"), Some(45.5));
    }

    #[test]
    fn a_range_with_a_period() {
        let s = "Salary: $120,000 - $150,000 per year";
        let f = find_all_in(s);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].min, f[0].max), (Some(120_000.0), Some(150_000.0)));
        assert_eq!(f[0].currency.as_deref(), Some("USD"));
        assert_eq!(f[0].period, Some("year"));
        assert!(!f[0].period_inferred);
        assert_eq!(&s[f[0].span.clone()], "$120,000 - $150,000 per year");
    }

    #[test]
    fn portuguese_and_spanish_range_connectors() {
        assert_eq!(
            one("Salário: R$ 8.000 a R$ 10.000 por mês"),
            [(Some(8_000.0), Some(10_000.0), Some("BRL".into()), Some("month"))]
        );
        assert_eq!(
            one("Salario: de 45.000 hasta 55.000 € brutos al año"),
            [(Some(45_000.0), Some(55_000.0), Some("EUR".into()), Some("year"))]
        );
        // "a" before a period word is the period, not a connector.
        assert_eq!(
            one("Salary: $50,000 a year"),
            [(Some(50_000.0), Some(50_000.0), Some("USD".into()), Some("year"))]
        );
    }

    #[test]
    fn an_interns_stipend() {
        for (text, want) in [
            ("Bolsa-auxílio: R$ 1.800,00", 1),
            ("Bolsa de estágio: R$ 1.500", 1),
            ("Experiência com Bolsa de Valores e R$ 1.800,00 em ações", 0),
        ] {
            assert_eq!(one(text).len(), want, "{text}");
        }
    }

    #[test]
    fn not_pay() {
        assert!(one("Jumpstart your hiring with a $75 credit.").is_empty());
        assert!(one("We raised $20 million last year.").is_empty());
        assert!(one("Competitive salary, DOE, 401(k).").is_empty());
    }

    #[test]
    fn a_dollar_in_canada_is_not_guessed() {
        // Canada named in passing, the posting placed nowhere: not told.
        let s = "We have offices across Canada. Salary: $90,000 - $110,000";
        let f = find_all_in(s);
        assert_eq!(f[0].currency, None);
        assert_eq!(
            f[0].warning.as_deref(),
            Some("'$' with a Canadian location: currency not guessed")
        );
    }

    #[test]
    fn a_dollar_told_by_the_postings_place() {
        for (text, want) in [
            ("Based in Toronto. Salary: $90,000 - $110,000", Some("CAD")),
            ("Location: Sydney NSW\nPay: $45 - $55 per hour", Some("AUD")),
            (
                "Location: Austin, TX\nOffices in Toronto.\nSalary: $120,000",
                Some("USD"),
            ),
            ("Location: Remote (US or Canada)\nSalary: $120,000", None),
            ("Location: Bogotá, D.C.\nSalario: $3.500.000 mensual", Some("COP")),
            ("Location: Perth WA\nPay: $58 - $65 per hour", Some("AUD")),
            (
                "Location: Vancouver, WA\nPay: $25/hr. Also hiring in Vancouver, BC.",
                None,
            ),
            (
                "Location: Washington, D.C.\nOffices in Ottawa.\nSalary: $120,000",
                Some("USD"),
            ),
        ] {
            let f = find_all_in(text);
            assert_eq!(f[0].currency.as_deref(), want, "{text}");
        }
    }
}
