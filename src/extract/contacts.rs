//! Contacts in a résumé: e-mail addresses, phone numbers, URLs (LinkedIn, GitHub, portfolio,
//! other). The labels, sites, top level domains and phone length rules are data, in
//! `lexicons/cues/contacts.toml`.
//!
//! - `email`: "local@domain.tld" (plus-addressing, subdomains) and the bracketed spelled-out
//!   form "jane [at] doe [dot] com". Not "@handles", not "user@localhost" (no dot, no top level
//!   domain), not "logo@2x.png", not "git@github.com:org/repo" nor the user part of a URL.
//! - `phone`: digit groups joined by one separator each, with an optional "+country code" and one
//!   group in parentheses. Without "+" it takes 10 to 12 digits, or 7 after a phone label
//!   ("Phone: 555-1234", "Call 555-1234") or for a "555-0187" standing alone in its part of a
//!   line with another contact ("jane@doe.io · 555-0187"), or for 10 to 12 digits written
//!   without separators alone on a line next to a contact's line ("09178123456" under the
//!   address, above the e-mail). Never two years ("2019 - 2021",
//!   "2019 2021"), a date, a zip code, a version or IP number, thousands ("1 000 000 000"), an
//!   amount after "$", more than 15 digits ("4111 1111 1111 1111"), a number glued to a word
//!   ("GS-0343-11") or after a word that says what it is ("ISBN 978-3-16-148410-0").
//!   Extensions ("x123") are not part of the value.
//! - URLs, with or without scheme. Without "http(s)://" or "www." a URL needs a known top level
//!   domain and a lower-case host, and either a path ("example.com/jobs"), a known site
//!   ("linkedin.com/in/jane-doe"), a label ("Website: jane.dev") or to stand alone in its part of
//!   a contact line ("jane@doe.io | jane.dev"). Trailing punctuation and unbalanced brackets are
//!   not part of the value; IP addresses and "localhost" are not URLs. Then:
//!   `linkedin` and `github` by host (a GitHub Pages site is a `portfolio`); `portfolio` for
//!   personal-site hosts (behance, dribbble, medium, dev.to…), after a label ("Portfolio:",
//!   "Website:", "Blog:"), or for a URL with at most one path segment standing alone in its part
//!   of a contact line (a line with another contact, or next to one); `url` otherwise.
//!
//! A contact line's neighbours count: a résumé header often puts one contact per line.
//!
//! [`profile_labels`] finds the names of profile sites that label links in a résumé's contact
//! header ("jane@doe.io | LinkedIn | GitHub"), which name no skill there.
//!
//! Every search is anchored (an "@", a run of phone characters, a token without spaces) and
//! bounded, so the time is linear in the text, and offsets only ever fall on ASCII characters.

use crate::fasthash::FastSet;
use crate::phrases::PhraseSet;
use regex::Regex;
use serde::Deserialize;
use std::cell::LazyCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// One contact and where it is (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// `email`, `phone`, `linkedin`, `github`, `portfolio`, `url`.
    pub(crate) kind: &'static str,
    pub(crate) span: Range<usize>,
}

const EMAIL: &str = "email";
const PHONE: &str = "phone";
const PORTFOLIO: &str = "portfolio";
const URL: &str = "url";
/// The kinds a `[[site]]` may give.
const SITE_KINDS: &[&str] = &["linkedin", "github", PORTFOLIO, URL];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    email: EmailData,
    phone: PhoneData,
    url: UrlData,
    site: Vec<Site>,
    labels: Labels,
    profiles: Profiles,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Profiles {
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmailData {
    max_local: usize,
    max_domain: usize,
    not_tlds: Vec<String>,
    at: Vec<String>,
    dot: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhoneData {
    min_digits_international: usize,
    max_digits: usize,
    min_digits_local: usize,
    max_digits_local: usize,
    min_digits_labelled: usize,
    max_inner_group: usize,
    labels: Vec<String>,
    not_labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlData {
    max_token: usize,
    tlds: Vec<String>,
    not_hosts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Site {
    kind: String,
    domains: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    portfolio: Vec<String>,
    url: Vec<String>,
}

struct Lex {
    data: File,
    not_tlds: FastSet<String>,
    tlds: FastSet<String>,
    not_hosts: FastSet<String>,
    /// `(kind, domain)`, in file order.
    sites: Vec<(&'static str, String)>,
    /// The bracketed "at" forms.
    at: PhraseSet,
    url: Regex,
    /// `[profiles]` names, lower-case, spaces collapsed.
    profiles: FastSet<String>,
    /// `phone.labels`, `phone.not_labels`, `labels.portfolio` and `labels.url`.
    phone_labels: LabelSet,
    not_phone_labels: LabelSet,
    portfolio_labels: LabelSet,
    url_labels: LabelSet,
}

/// A list of labels, bucketed by the ASCII-lower-cased last byte of each (text ends with a
/// label, in any ASCII case, only where its last byte is that label's), each bucket in list
/// order.
struct LabelSet {
    labels: Vec<String>,
    /// Byte → indices in `labels`.
    by_last: Vec<Vec<usize>>,
}

impl LabelSet {
    fn new(labels: &[String]) -> LabelSet {
        let mut by_last = vec![Vec::new(); 256];
        for (i, l) in labels.iter().enumerate() {
            let last = l
                .as_bytes()
                .last()
                .unwrap_or_else(|| panic!("contacts.toml: an empty label"));
            by_last[usize::from(last.to_ascii_lowercase())].push(i);
        }
        LabelSet {
            labels: labels.to_vec(),
            by_last,
        }
    }
}

static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let data: File = cue_file!("cues/contacts").expect("contacts.toml is checked by the unit tests");
    let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<FastSet<_>>();
    let mut sites = Vec::new();
    for s in &data.site {
        let kind = SITE_KINDS
            .iter()
            .find(|k| **k == s.kind)
            .unwrap_or_else(|| panic!("contacts.toml: unknown site kind {}", s.kind));
        sites.extend(s.domains.iter().map(|d| (*kind, d.to_lowercase())));
    }
    let at = PhraseSet::new(data.email.at.iter().map(|s| (s.as_str(), 0)));
    let url = Regex::new(
        r"(?i)(?:(?P<scheme>https?|ftp)://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?::\d{1,5})?(?P<path>[/?#][!-~]*)?",
    )
    .expect("valid regex");
    Lex {
        not_tlds: lower(&data.email.not_tlds),
        tlds: lower(&data.url.tlds),
        not_hosts: lower(&data.url.not_hosts),
        sites,
        at,
        url,
        profiles: data.profiles.names.iter().map(|n| squeeze(n)).collect(),
        phone_labels: LabelSet::new(&data.phone.labels),
        not_phone_labels: LabelSet::new(&data.phone.not_labels),
        portfolio_labels: LabelSet::new(&data.labels.portfolio),
        url_labels: LabelSet::new(&data.labels.url),
        data,
    }
});

/// `s` in lower case with its whitespace runs as one space.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The largest char boundary of `s` at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char before byte `i` (a char boundary).
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The char at byte `i` (a char boundary).
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Whether `prefix` (the text right before a contact) ends with one of `labels` as a whole
/// word, past separators such as ":" or " - ".
fn ends_with_label(prefix: &str, labels: &LabelSet) -> bool {
    label_start(prefix, labels).is_some()
}

/// Where the label `prefix` ends with starts, if any (see [`ends_with_label`]); the first
/// label in list order when several fit.
fn label_start(prefix: &str, labels: &LabelSet) -> Option<usize> {
    let p = prefix.trim_end_matches(|c: char| c.is_whitespace() || ":-–—=*_>.#([".contains(c));
    let last = p.as_bytes().last()?;
    let bucket = &labels.by_last[usize::from(last.to_ascii_lowercase())];
    bucket.iter().find_map(|&i| {
        let l = &labels.labels[i];
        let at = p.len().checked_sub(l.len())?;
        let ok = p.is_char_boundary(at)
            && p[at..].eq_ignore_ascii_case(l)
            && !char_before(p, at).is_some_and(char::is_alphanumeric);
        ok.then_some(at)
    })
}

/// The text of the line before byte `at`, at most `max` bytes of it.
fn line_before(text: &str, at: usize, max: usize) -> &str {
    let from = floor(text, at.saturating_sub(max));
    let piece = &text[from..at];
    piece.rfind('\n').map_or(piece, |i| &piece[i + 1..])
}

// --- e-mail addresses ---

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-'".contains(&b)
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// Whether `d` is a domain with a top level domain an address may have.
fn good_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    let tld = labels[labels.len() - 1];
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-'))
        && (2..=24).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && !LEX.not_tlds.contains(&tld.to_ascii_lowercase())
}

/// Every "local@domain.tld" address.
fn emails(text: &str, out: &mut Vec<Found>) {
    let lex = &*LEX;
    let b = text.as_bytes();
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while s > 0 && at - s <= lex.data.email.max_local && is_local(b[s - 1]) {
            s -= 1;
        }
        if at - s > lex.data.email.max_local {
            continue;
        }
        while s < at && b".%+-'".contains(&b[s]) {
            s += 1;
        }
        let local = &text[s..at];
        if local.is_empty() || local.ends_with('.') || local.contains("..") {
            continue;
        }
        // A word in another script glued on, or the user part of a URL ("https://u@host").
        if char_before(text, s).is_some_and(|c| c.is_alphanumeric() || c == '/') {
            continue;
        }
        let mut e = at + 1;
        while e < b.len() && e - at <= lex.data.email.max_domain && is_domain(b[e]) {
            e += 1;
        }
        while e > at + 1 && (b[e - 1] == b'.' || b[e - 1] == b'-') {
            e -= 1;
        }
        if !good_domain(&text[at + 1..e]) {
            continue;
        }
        // "git@github.com:org/repo.git", "a@b.co@c", a longer word in another script.
        let next = char_at(text, e);
        let after_colon = next == Some(':') && b.get(e + 1).is_some_and(|c| !c.is_ascii_whitespace());
        if next.is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '_') || after_colon {
            continue;
        }
        out.push(Found {
            kind: EMAIL,
            span: s..e,
        });
    }
}

/// Skips spaces (at most 3) from `i`.
fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() && b[i] == b' ' && i - start < 3 {
        i += 1;
    }
    i
}

/// The end of the "dot" written at `i` ("." or "[dot]"), if any.
fn dot_at(text: &str, i: usize) -> Option<usize> {
    if text.as_bytes().get(i) == Some(&b'.') {
        return Some(i + 1);
    }
    LEX.data.email.dot.iter().find_map(|d| {
        let end = i + d.len();
        (text.is_char_boundary(end.min(text.len()))
            && end <= text.len()
            && text[i..end].eq_ignore_ascii_case(d))
        .then_some(end)
    })
}

/// Spelled-out addresses: "jane [at] doe [dot] com", "jane(at)doe.com".
fn spelled_emails(text: &str, out: &mut Vec<Found>) {
    let lex = &*LEX;
    let b = text.as_bytes();
    for r in lex.at.find_iter_anywhere(text) {
        // The local part, right before (past up to 3 spaces).
        let mut end = r.start;
        while end > 0 && r.start - end < 3 && b[end - 1] == b' ' {
            end -= 1;
        }
        let mut s = end;
        while s > 0 && end - s <= lex.data.email.max_local && is_local(b[s - 1]) {
            s -= 1;
        }
        while s < end && !b[s].is_ascii_alphanumeric() {
            s += 1;
        }
        if s == end
            || end - s > lex.data.email.max_local
            || char_before(text, s).is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '/')
        {
            continue;
        }
        // The domain: labels joined by dots, written or spelled out.
        let mut i = skip_spaces(b, r.end);
        let mut labels: Vec<Range<usize>> = Vec::new();
        let mut last_end = i;
        while labels.len() < 10 {
            let from = i;
            while i < b.len() && i - from < 63 && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
                i += 1;
            }
            if i == from {
                break;
            }
            labels.push(from..i);
            last_end = i;
            let j = skip_spaces(b, i);
            match dot_at(text, j) {
                Some(k) => i = skip_spaces(b, k),
                None => break,
            }
        }
        if labels.len() < 2 {
            continue;
        }
        let domain: Vec<&str> = labels.iter().map(|l| &text[l.clone()]).collect();
        if !good_domain(&domain.join(".")) || char_at(text, last_end).is_some_and(char::is_alphanumeric) {
            continue;
        }
        out.push(Found {
            kind: EMAIL,
            span: s..last_end,
        });
    }
}

// --- phone numbers ---

/// One digit group of a phone number.
#[derive(Debug, Clone, Copy)]
struct Group {
    len: usize,
    paren: bool,
    /// The value of a four-digit group (to spot years).
    value: u32,
    first: u8,
}

/// What a phone number read so far looks like.
struct Chain {
    plus: bool,
    groups: Vec<Group>,
    /// The separators between groups (`b')'` for a bare closing parenthesis).
    seps: Vec<u8>,
    digits: usize,
}

impl Chain {
    /// Whether the chain is a phone number.
    fn is_phone(&self, labelled: bool) -> bool {
        let p = &LEX.data.phone;
        let g = &self.groups;
        let d = self.digits;
        let Some(last) = g.last() else {
            return false;
        };
        if self.plus {
            if !(p.min_digits_international..=p.max_digits).contains(&d) {
                return false;
            }
        } else {
            let min = if labelled {
                p.min_digits_labelled
            } else {
                p.min_digits_local
            };
            if !(min..=p.max_digits_local).contains(&d) || (g.len() == 1 && !labelled) {
                return false;
            }
        }
        // Single digits: a country code, a trunk "0", "+33 6 …"; never inside ("978-3-16-…").
        let single_ok = |i: usize, gr: &Group| gr.len > 1 || gr.paren || i == 0 || (i == 1 && self.plus);
        if last.len < 2 || !g.iter().enumerate().all(|(i, gr)| single_ok(i, gr)) {
            return false;
        }
        let years = g
            .iter()
            .filter(|gr| gr.len == 4 && (1900..=2099).contains(&gr.value))
            .count();
        if years >= 2 {
            return false;
        }
        let dot = self.seps.contains(&b'.');
        if dot && (self.seps.contains(&b'-') || self.seps.contains(&b'/')) {
            return false;
        }
        if self.plus {
            return true;
        }
        // Decimals ("40.7128 74.0060"): without "+", dots only between groups.
        if dot && self.seps.iter().any(|s| *s != b'.') {
            return false;
        }
        // Without "+": no long inner group ("120000-150000"), no date ("2021-03-15"), no
        // thousands ("1 000 000 000"), no IP address, no list of small numbers.
        let inner_long = g[..g.len() - 1]
            .iter()
            .any(|gr| gr.len > p.max_inner_group && !gr.paren);
        let date = g[0].len == 4
            && (1900..=2099).contains(&g[0].value)
            && self.seps.first().is_some_and(|s| b"-/.".contains(s));
        // (After a phone label, groups of three are a number of Spain, Poland or France:
        // "Teléfono: 612 345 678", "tel. 600 123 456".)
        let thousands = !labelled && g.len() >= 3 && g[0].len <= 3 && g[1..].iter().all(|gr| gr.len == 3);
        let ip = dot && g.len() == 4 && g.iter().all(|gr| gr.len <= 3);
        let pairs = !labelled && g.len() >= 4 && g.iter().all(|gr| gr.len == 2) && g[0].first != b'0';
        !(inner_long || date || thousands || ip || pairs)
    }
}

/// Whether a phone chain may stop at byte `e`: not in the middle of "12-34", not glued to a
/// word, a percentage or an address.
fn clean_end(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    match char_at(text, e) {
        None => true,
        Some(c) if c.is_alphanumeric() || "%@_$€£¥₹+".contains(c) => false,
        Some('-' | '.' | '/' | ',') => !b.get(e + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

/// Reads a phone number from `start`: the end of its longest prefix that is a phone (`None`
/// when nothing fits), the end of the chain of digit groups, and whether the chain has too many
/// digits to be one number.
fn read_phone(text: &str, start: usize, labelled: bool) -> (Option<usize>, usize, bool) {
    let p = &LEX.data.phone;
    let b = text.as_bytes();
    let mut i = start;
    let mut chain = Chain {
        plus: false,
        groups: Vec::new(),
        seps: Vec::new(),
        digits: 0,
    };
    // "+44 …", "(+44) …".
    let plus_paren = b[i] == b'(' && b.get(i + 1) == Some(&b'+');
    if plus_paren {
        i += 1;
    }
    if b[i] == b'+' {
        if !b.get(i + 1).is_some_and(|c| (b'1'..=b'9').contains(c)) {
            return (None, i + 1, false);
        }
        chain.plus = true;
        i += 1;
    }
    let mut best = None;
    let mut chain_end = i;
    loop {
        // A group: digits, or digits in parentheses (only first, or right after "+cc").
        let paren = b.get(i) == Some(&b'(');
        if paren {
            let first = chain.groups.is_empty() || (chain.plus && chain.groups.len() == 1);
            if !first || chain.groups.iter().any(|g| g.paren) {
                break;
            }
            i += 1;
        }
        let from = i;
        while i < b.len() && b[i].is_ascii_digit() && i - from <= p.max_digits {
            i += 1;
        }
        let len = i - from;
        if len == 0 || (paren && (len > 5 || b.get(i) != Some(&b')'))) {
            break;
        }
        let value = text[from..i].parse::<u32>().unwrap_or(0);
        if plus_paren && chain.groups.is_empty() {
            if len > 3 || b.get(i) != Some(&b')') {
                break;
            }
            i += 1;
        }
        if paren {
            i += 1;
        }
        chain.digits += len;
        if chain.digits > p.max_digits {
            // Too long to be one number ("4111 1111 1111 1111"): none of it is a phone.
            while i < b.len() && (b[i].is_ascii_digit() || b" -./()".contains(&b[i])) {
                i += 1;
            }
            return (None, i, true);
        }
        chain.groups.push(Group {
            len,
            paren,
            value,
            first: b[from],
        });
        chain_end = i;
        if clean_end(text, i) && chain.is_phone(labelled) {
            best = Some(i);
        }
        // One separator, then the next group; after ")" none is needed.
        let after_paren = b[i - 1] == b')';
        match b.get(i) {
            Some(&c @ (b' ' | b'-' | b'.' | b'/'))
                if b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_digit() || (*n == b'(' && c == b' ')) =>
            {
                chain.seps.push(c);
                i += 1;
            }
            Some(c) if c.is_ascii_digit() && after_paren => chain.seps.push(b')'),
            Some(b'(') if chain.plus && chain.groups.len() == 1 => chain.seps.push(b'('),
            _ => break,
        }
    }
    (best, chain_end.max(start + 1), false)
}

/// Whether `s` is a local number without area code ("555-0187"), a phone only alone in its part
/// of a contact line.
fn short_local(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8 && b"-. ".contains(&b[3]) && b[..3].iter().chain(&b[4..]).all(u8::is_ascii_digit)
}

/// Whether `s` is a nine-digit number in three groups of three ("612 345 678", a Spanish mobile;
/// "912 345 678", Portuguese; "601 234 567", Polish), not opening with a trunk "0": a phone only
/// alone in its part of a contact line ("Madrid · 612 345 678 · jm@example.es").
fn grouped_nine(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11
        && b"-. ".contains(&b[3])
        && b[7] == b[3]
        && b[0] != b'0'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 3 || i == 7 || c.is_ascii_digit())
}

/// Whether `s` is a local number written as one run of 10 to 12 digits ("09178123456", a
/// Philippine mobile; "07700900123"): a phone only alone on its line, beside a contact line.
fn unseparated(s: &str) -> bool {
    let p = &LEX.data.phone;
    (p.min_digits_local..=p.max_digits_local).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Every phone number; numbers such as "555-0187" (see [`short_local`]), "612 345 678" (see
/// [`grouped_nine`]) and "09178123456" (see [`unseparated`]) go to `weak`.
fn phones(text: &str, out: &mut Vec<Found>, weak: &mut Vec<Found>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit() || c == b'+' || c == b'(';
        if !starts {
            i += 1;
            continue;
        }
        let prev = char_before(text, i);
        // Glued to a word or a symbol ("GS-0343-11", "$120", "#12345", "v1.2.3", "1,234").
        if prev.is_some_and(|c| c.is_alphanumeric() || "-_./\\#$€£¥₹@%&=~^+,".contains(c)) {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let before = line_before(text, i, 48);
        let labelled = ends_with_label(before, &LEX.phone_labels);
        let (best, end, overflow) = read_phone(text, i, labelled);
        if !labelled && ends_with_label(before, &LEX.not_phone_labels) {
            // "ISBN 978 0 306 40615 7": no number of the chain is a phone.
            i = end;
            continue;
        }
        match best {
            Some(e) => {
                out.push(Found {
                    kind: PHONE,
                    span: i..e,
                });
                i = e;
            }
            // "4111 1111 1111 1111": no number of the chain is a phone.
            None if overflow => {
                i = end;
            }
            None if !labelled
                && let (Some(e), _, _) = read_phone(text, i, true)
                && (short_local(&text[i..e]) || unseparated(&text[i..e]) || grouped_nine(&text[i..e])) =>
            {
                weak.push(Found {
                    kind: PHONE,
                    span: i..e,
                });
                i = e;
            }
            // A later group of the chain may start a number (after a space).
            None => i += 1,
        }
    }
}

// --- URLs ---

/// A URL found, before it is accepted and classified.
struct UrlHit {
    span: Range<usize>,
    /// The kind its host says (a `[[site]]`), if any.
    site: Option<&'static str>,
    /// Accepted whatever its line: a scheme, "www.", a path, a known site with a path.
    sure: bool,
    /// Non-empty path segments.
    segments: usize,
}

/// The end of `url` once trailing punctuation and unbalanced closing brackets are dropped.
fn trim_url(url: &str) -> usize {
    let b = url.as_bytes();
    // Closing minus opening brackets, for "()" and "[]".
    let count = |open: u8, close: u8| {
        b.iter()
            .map(|c| i64::from(*c == close) - i64::from(*c == open))
            .sum::<i64>()
    };
    let (mut paren, mut square) = (count(b'(', b')'), count(b'[', b']'));
    let mut end = b.len();
    while end > 0 {
        match b[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"' | b'*' => {}
            b')' if paren > 0 => paren -= 1,
            b']' if square > 0 => square -= 1,
            _ => break,
        }
        end -= 1;
    }
    end
}

/// The `[[site]]` kind of `host` (lower case, without "www.").
fn site_of(host: &str) -> Option<&'static str> {
    LEX.sites.iter().find_map(|(kind, d)| {
        let sub = host.len() > d.len()
            && host.ends_with(d.as_str())
            && host.as_bytes()[host.len() - d.len() - 1] == b'.';
        (host == d || sub).then_some(*kind)
    })
}

/// Every URL in `token` (ASCII, no spaces), which starts at `at` in `text`.
fn urls_in(at: usize, token: &str, out: &mut Vec<UrlHit>) {
    let lex = &*LEX;
    for m in lex.url.captures_iter(token) {
        let whole = m.get(0).expect("group 0");
        let host = m.name("host").expect("host group");
        let scheme = m.name("scheme").is_some();
        let tb = token.as_bytes();
        if !scheme
            && whole.start() > 0
            && (tb[whole.start() - 1].is_ascii_alphanumeric() || b".-_@/\\'".contains(&tb[whole.start() - 1]))
        {
            continue;
        }
        // The host must end there ("jane.dev2", "x.com@y", "a.b_c").
        if tb
            .get(host.end())
            .is_some_and(|c| c.is_ascii_alphanumeric() || b"-_@".contains(c))
        {
            continue;
        }
        let raw_host = host.as_str();
        let lower = raw_host.to_ascii_lowercase();
        let www = lower.starts_with("www.");
        let bare = lower.strip_prefix("www.").unwrap_or(&lower);
        let site = site_of(bare);
        let end = whole.start() + trim_url(whole.as_str());
        let path = m
            .name("path")
            .map_or("", |p| &token[p.start().min(end)..end.max(p.start().min(end))]);
        let segments = path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .filter(|s| !s.is_empty())
            .count();
        // A subdomain of a site is someone's ("jdoe.github.io", "jane.substack.com").
        let own_subdomain = site.is_some_and(|_| LEX.sites.iter().all(|(_, d)| d != bare));
        let sure = scheme || www || own_subdomain || (!path.is_empty() && path != "/");
        if !scheme && !www {
            let tld = bare.rsplit('.').next().unwrap_or("");
            if lex.not_hosts.contains(bare)
                || (site.is_none() && (raw_host != lower || !lex.tlds.contains(tld)))
            {
                continue;
            }
        }
        out.push(UrlHit {
            span: at + whole.start()..at + end,
            site,
            sure,
            segments,
        });
    }
}

/// Every URL-looking token's URLs. A URL's host ends in a dot and two letters, so only the
/// tokens (runs of [`in_token`] bytes) around such a dot are read, each once.
fn urls(text: &str) -> Vec<UrlHit> {
    let max = LEX.data.url.max_token;
    let b = text.as_bytes();
    let mut out = Vec::new();
    // The end of the last token read: no token starts before it.
    let mut done = 0;
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'.', &b[from..]) {
        let dot = from + k;
        from = dot + 1;
        let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
        if !(letter(dot + 1) && letter(dot + 2)) {
            continue;
        }
        let mut s = dot;
        while s > done && in_token(b[s - 1]) {
            s -= 1;
        }
        let mut e = dot + 1;
        while e < b.len() && in_token(b[e]) {
            e += 1;
        }
        if e - s <= max {
            urls_in(s, &text[s..e], &mut out);
        }
        (done, from) = (e, e);
    }
    out
}

/// Whether `c` may be part of a URL-looking token.
fn in_token(c: u8) -> bool {
    c.is_ascii_graphic() && !b"|<>\"`{}^\\".contains(&c)
}

/// Characters that end a part of a contact line.
const SEPARATORS: &[char] = &[
    '|', '•', '·', '●', '▪', '◦', '∙', '⋅', ',', ';', '\t', '–', '—', '\n',
];

/// The bounds of the part of its line `span` is in (at most 80 bytes either side).
fn part(text: &str, span: &Range<usize>) -> Range<usize> {
    let from = floor(text, span.start.saturating_sub(80));
    let left = &text[from..span.start];
    let mut start = from;
    for pat in [" - ", "  "] {
        if let Some(i) = left.rfind(pat) {
            start = start.max(from + i + pat.len());
        }
    }
    if let Some(i) = left.rfind(SEPARATORS) {
        start = start.max(from + i + char_at(left, i).map_or(1, char::len_utf8));
    }
    let to = floor(text, span.end + 80);
    let right = &text[span.end..to];
    let mut end = to;
    for pat in [" - ", "  "] {
        if let Some(i) = right.find(pat) {
            end = end.min(span.end + i);
        }
    }
    if let Some(i) = right.find(SEPARATORS) {
        end = end.min(span.end + i);
    }
    start..end
}

/// Whether `span` stands alone in its part of the line, but for a label before it or one in
/// brackets after it, as LinkedIn's export writes them ("jane.design (Portfolio)").
fn alone(text: &str, span: &Range<usize>) -> bool {
    let p = part(text, span);
    let no_word = |s: &str| !s.chars().any(char::is_alphanumeric);
    let left = &text[p.start..span.start];
    let left = label_start(left, &LEX.portfolio_labels)
        .or_else(|| label_start(left, &LEX.url_labels))
        .map_or(left, |i| &left[..i]);
    let right = &text[span.end..p.end];
    let bracketed_label = right
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|l| {
            let l = l.trim();
            [&LEX.portfolio_labels, &LEX.url_labels]
                .iter()
                .any(|set| label_start(l, set) == Some(0))
        });
    no_word(left) && (no_word(right) || bracketed_label)
}

/// The lines of `text`, as byte ranges (without the line break).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..text.len());
    out
}

/// Whether a contact other than `span` is on its line, or on the nearest non-blank line above
/// or below.
fn on_contact_line(text: &str, lines: &[Range<usize>], contacts: &[Found], span: &Range<usize>) -> bool {
    let li = lines.partition_point(|l| l.end < span.start).min(lines.len() - 1);
    let other_on = |l: &Range<usize>| {
        let from = contacts.partition_point(|c| c.span.start < l.start);
        contacts[from..]
            .iter()
            .take_while(|c| c.span.start <= l.end)
            .any(|c| c.span != *span)
    };
    let blank = |l: &&Range<usize>| text[(*l).clone()].trim().is_empty();
    other_on(&lines[li])
        || lines[..li].iter().rev().find(|l| !blank(l)).is_some_and(other_on)
        || lines[li + 1..].iter().find(|l| !blank(l)).is_some_and(other_on)
}

/// Keeps the earliest, then longest, of overlapping contacts; sorts by position.
fn resolve(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_none_or(|l| l.span.end <= f.span.start) {
            out.push(f);
        }
    }
    out
}

/// Every contact in `text`.
pub(crate) fn find_all(text: &str) -> Vec<Found> {
    let lex = &*LEX;
    let mut found = Vec::new();
    if text.contains('@') {
        emails(text, &mut found);
    }
    spelled_emails(text, &mut found);
    let mut weak = Vec::new();
    phones(text, &mut found, &mut weak);
    let hits = urls(text);
    let (sure, unsure): (Vec<UrlHit>, Vec<UrlHit>) = hits.into_iter().partition(|h| h.sure);
    let sure_at: HashMap<usize, &UrlHit> = sure.iter().map(|h| (h.span.start, h)).collect();
    found.extend(sure.iter().map(|h| Found {
        kind: URL,
        span: h.span.clone(),
    }));
    let mut found = resolve(found);
    // Read only when a contact needs its line: most texts have none that does.
    let lines = LazyCell::new(|| lines(text));

    // Bare domains ("jane.dev"): with a label, or alone on a contact line. Short local numbers
    // ("555-0187"): alone on a line with another contact.
    let mut more = Vec::new();
    for w in weak {
        let li = lines
            .partition_point(|l| l.end < w.span.start)
            .min(lines.len() - 1);
        let line = &lines[li];
        let from = found.partition_point(|c| c.span.start < line.start);
        let other = found[from..]
            .iter()
            .take_while(|c| c.span.start <= line.end)
            .next()
            .is_some();
        let own_line = text[line.clone()].trim() == &text[w.span.clone()];
        if (other && alone(text, &w.span))
            || (unseparated(&text[w.span.clone()])
                && own_line
                && on_contact_line(text, &lines, &found, &w.span))
        {
            more.push(w);
        }
    }
    for h in &unsure {
        let before = line_before(text, h.span.start, 48);
        let labelled =
            ends_with_label(before, &lex.portfolio_labels) || ends_with_label(before, &lex.url_labels);
        if labelled || (alone(text, &h.span) && on_contact_line(text, &lines, &found, &h.span)) {
            more.push(Found {
                kind: h.site.unwrap_or(PORTFOLIO),
                span: h.span.clone(),
            });
        }
    }
    // What each URL is.
    let kinds: Vec<(usize, &'static str)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == URL)
        .map(|(i, f)| {
            let hit = sure_at[&f.span.start];
            let before = line_before(text, f.span.start, 48);
            let kind = match hit.site {
                Some(k) => k,
                None if ends_with_label(before, &lex.portfolio_labels) => PORTFOLIO,
                None if hit.segments <= 1
                    && alone(text, &f.span)
                    && on_contact_line(text, &lines, &found, &f.span) =>
                {
                    PORTFOLIO
                }
                None => URL,
            };
            (i, kind)
        })
        .collect();
    for (i, k) in kinds {
        found[i].kind = k;
    }
    found.extend(more);
    resolve(found)
}

/// What one item of a contact header is (see [`profile_labels`]).
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Contact,
    /// A profile-site name; the range is the name alone.
    Site(Range<usize>),
    /// "Email:" right before a contact, or a "@handle".
    Label,
    Other,
}

/// The names of profile sites that label links in a résumé's contact header, as ranges of
/// `text`: "LinkedIn | GitHub | Stack Overflow" beside an e-mail address, "GitHub:" before
/// "github.com/jane", "Twitter: @jane". The text before `end` (where the header's section ends)
/// is cut into items at separators ("|", "·", ",", a line break …), double spaces, " - " and
/// " / ", and at every contact; a name counts when its item is a `[profiles]` name (or
/// "Name: handle") in an unbroken run of such items and contacts that holds a contact. So
/// "open-source work on GitHub" or a skills line "Git, GitHub, Jira" far from the contacts keep
/// their names.
pub(crate) fn profile_labels(text: &str, contacts: &[Found], end: usize) -> Vec<Range<usize>> {
    let end = floor(text, end);
    if !contacts.iter().any(|c| c.span.start < end) {
        return Vec::new();
    }
    let mut items: Vec<(Range<usize>, Item)> = Vec::new();
    let mut next = 0;
    let mut i = 0;
    while i < end {
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() || SEPARATORS.contains(&c) {
            i += c.len_utf8();
            continue;
        }
        while contacts.get(next).is_some_and(|f| f.span.start < i) {
            next += 1;
        }
        if let Some(f) = contacts.get(next).filter(|f| f.span.start == i) {
            items.push((f.span.clone(), Item::Contact));
            i = f.span.end.max(i + c.len_utf8());
            next += 1;
            continue;
        }
        let limit = contacts.get(next).map_or(end, |f| f.span.start.min(end));
        let mut j = i;
        while j < limit {
            let rest = &text[j..limit];
            let c = rest.chars().next().unwrap_or(' ');
            if SEPARATORS.contains(&c) || ["  ", " - ", " / "].iter().any(|p| rest.starts_with(p)) {
                break;
            }
            j += c.len_utf8();
        }
        if j == i {
            i += c.len_utf8();
            continue;
        }
        items.push((i..j, header_item(text, i..j)));
        i = j;
    }
    // "Email:" is a label only right before a contact.
    for k in 0..items.len() {
        if items[k].1 == Item::Label
            && text[items[k].0.clone()].trim_end().ends_with(':')
            && items.get(k + 1).is_none_or(|n| n.1 != Item::Contact)
        {
            items[k].1 = Item::Other;
        }
    }
    let mut out = Vec::new();
    for run in items.split(|(_, kind)| *kind == Item::Other) {
        if run.iter().any(|(_, kind)| *kind == Item::Contact) {
            out.extend(run.iter().filter_map(|(_, kind)| match kind {
                Item::Site(r) => Some(r.clone()),
                _ => None,
            }));
        }
    }
    out
}

/// What the item `r` of a contact header is (not a contact: those are cut out before).
fn header_item(text: &str, r: Range<usize>) -> Item {
    let raw = &text[r.clone()];
    if raw.len() > 60 {
        return Item::Other;
    }
    // The name, without icons, brackets and a trailing ":" (and the handle after it).
    let (head, tail) = raw.split_once(':').unwrap_or((raw, ""));
    let tail = tail.trim();
    let name = head.trim_matches(|c: char| !c.is_alphanumeric());
    let one_token = !tail.contains(char::is_whitespace);
    if !name.is_empty() && one_token && LEX.profiles.contains(&squeeze(name)) {
        let start = r.start + (name.as_ptr() as usize - raw.as_ptr() as usize);
        return Item::Site(start..start + name.len());
    }
    let handle = raw.starts_with('@') && !raw.contains(char::is_whitespace);
    if handle || (tail.is_empty() && raw.trim_end().ends_with(':') && name.split_whitespace().count() <= 2) {
        return Item::Label;
    }
    Item::Other
}

/// Builds this module's cue lists and patterns now (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEX);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_read_every_token_with_a_host() {
        // Every token with a dot, read in turn, to compare the dot-led scan with.
        fn reference(text: &str) -> Vec<(Range<usize>, bool, usize)> {
            let b = text.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if !in_token(b[i]) {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < b.len() && in_token(b[i]) {
                    i += 1;
                }
                if i - s <= LEX.data.url.max_token && text[s..i].contains('.') {
                    urls_in(s, &text[s..i], &mut out);
                }
            }
            out.into_iter().map(|h| (h.span, h.sure, h.segments)).collect()
        }
        let long = format!("x{}.com a.b.io", "a.".repeat(1500));
        for text in [
            "See https://jane.dev/work, github.com/jane. Done.",
            "v1.2.3 e.g. a.b.c jane.dev|x.io <www.acme.co.uk/jobs>",
            "end.",
            ".io .. a..bc https://x.y.zz/?q=1#f (linkedin.com/in/jane-doe)",
            "ünï.com café.fr/menu jane.dev2 x.com@y",
            long.as_str(),
        ] {
            let got: Vec<_> = urls(text)
                .into_iter()
                .map(|h| (h.span, h.sure, h.segments))
                .collect();
            assert_eq!(got, reference(text), "{text:?}");
        }
    }

    fn labels(text: &str) -> Vec<String> {
        find_all(text)
            .into_iter()
            .map(|f| format!("{}:{}", f.kind, &text[f.span]))
            .collect()
    }

    #[test]
    fn profile_labels_in_a_header() {
        fn names(text: &str) -> Vec<&str> {
            let found = find_all(text);
            profile_labels(text, &found, text.len())
                .into_iter()
                .map(|r| &text[r])
                .collect()
        }
        assert_eq!(
            names(
                "Al Lynch  al@las.io | http://www.snoize.com  LinkedIn | GitHub | Stack Overflow    SUMMARY"
            ),
            ["LinkedIn", "GitHub", "Stack Overflow"]
        );
        assert_eq!(
            names("Email: al@las.io\nGitHub: github.com/al · Twitter: @al"),
            ["GitHub", "Twitter"]
        );
        assert!(names("al@las.io\nTools: Git, GitHub").is_empty());
        assert!(names("al@las.io | code on GitHub").is_empty());
        assert!(names("GitHub | LinkedIn").is_empty());
    }

    #[test]
    fn lexicon_loads() {
        assert!(LEX.tlds.contains("com"));
        assert_eq!(site_of("uk.linkedin.com"), Some("linkedin"));
        assert_eq!(site_of("jdoe.github.io"), Some(PORTFOLIO));
        assert_eq!(site_of("notgithub.com"), None);
    }

    #[test]
    fn a_header_line() {
        let t = "Jane Doe | jane.doe+jobs@mail.example.co.uk | +1 (415) 555-0132 | linkedin.com/in/jane-doe | github.com/jdoe | jane.dev";
        assert_eq!(
            labels(t),
            [
                "email:jane.doe+jobs@mail.example.co.uk",
                "phone:+1 (415) 555-0132",
                "linkedin:linkedin.com/in/jane-doe",
                "github:github.com/jdoe",
                "portfolio:jane.dev"
            ]
        );
    }

    #[test]
    fn not_phones() {
        for t in [
            "2019 - 2021",
            "ISBN 978-3-16-148410-0",
            "GS-0343-11",
            "Salary: $120,000 - $150,000",
            "Version 10.15.7",
            "2021-03-15 to 2022-04-01",
            "Card 4111 1111 1111 1111",
        ] {
            assert!(labels(t).is_empty(), "{t}: {:?}", labels(t));
        }
    }

    #[test]
    fn trailing_punctuation_and_brackets() {
        assert_eq!(
            labels("See (https://jane.dev/work)."),
            ["url:https://jane.dev/work"]
        );
        assert_eq!(labels("Mail jane@doe.io."), ["email:jane@doe.io"]);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            "@",
            "a@",
            "@b.c",
            "+",
            "(",
            "é@é.é",
            "ü+1 (415) 555-0132ü",
            "x [at] ",
            "[at] y [dot]",
            "jane [at] doe [dot]",
            "www.",
            "https://",
            "日本語@例え.jp 電話 +81 3-1234-5678",
            "((((((((((",
            "+1 (",
            "1-",
        ] {
            let _ = find_all(t);
        }
    }

    #[test]
    fn long_inputs_do_not_blow_up() {
        for unit in [
            "1 ",
            "1-",
            "a@",
            "a.",
            "(1) ",
            "+1 ",
            "x.com/",
            "[at] a.",
            "1 2 3 4 5 6 7 8 9 0 ",
        ] {
            let t = unit.repeat(20_000);
            let _ = find_all(&t);
        }
    }

    proptest::proptest! {
        /// Contact-shaped soup with multi-byte characters: no panic, and the spans are ordered,
        /// disjoint, non-empty and on character boundaries.
        #[test]
        fn spans_are_sound(t in "([a-z0-9]{1,4}|[@.+()\\[\\]/:| -]|é|—|·|📞|\u{a0}|\n|at|dot|www\\.|https://|\\.com|\\.dev|linkedin\\.com/in/){0,40}") {
            let mut prev_end = 0;
            for f in find_all(&t) {
                proptest::prop_assert!(prev_end <= f.span.start && f.span.start < f.span.end);
                proptest::prop_assert!(t.is_char_boundary(f.span.start) && t.is_char_boundary(f.span.end));
                prev_end = f.span.end;
            }
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        text: String,
        contacts: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Cases {
        case: Vec<Case>,
    }

    #[test]
    fn fixture_cases() {
        let cases: Cases =
            toml::from_str(include_str!("../../fixtures/cases/contacts.toml")).expect("contacts.toml");
        assert!(cases.case.len() >= 60, "only {} rows", cases.case.len());
        let failures: Vec<String> = cases
            .case
            .iter()
            .filter_map(|c| {
                let got = labels(&c.text);
                (got != c.contacts)
                    .then(|| format!("{:?}\n  want {:?}\n  got  {:?}", c.text, c.contacts, got))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} rows fail:\n{}",
            failures.len(),
            cases.case.len(),
            failures.join("\n")
        );
    }
}
