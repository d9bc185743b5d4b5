//! The TOML file format of lexicon entries, parsed with source lines for every problem.

use super::category::Category;
use super::entries::{Entry, Extension, Form, Origin, Parsed, Rules, Text};
use crate::error::Problem;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Longest alias accepted, in bytes: longer ones are a mistake or a hostile file.
pub(crate) const MAX_ALIAS_BYTES: usize = 200;
/// Most surface forms one entry may have.
pub(crate) const MAX_FORMS_PER_ENTRY: usize = 500;
/// Widest context window a rule may ask for, in words.
pub(crate) const MAX_WINDOW: usize = 50;
/// Largest lexicon file accepted, in bytes.
pub(crate) const MAX_FILE_BYTES: usize = 16 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    tech: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    extend: Vec<Spanned<RawExtend>>,
}

/// Aliases (and examples) added to an entry defined elsewhere, usually a built-in one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExtend {
    id: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    cased: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counter_examples: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    name: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    cased: Vec<Spanned<String>>,
    #[serde(default)]
    refs: BTreeMap<String, String>,
    vendor: Option<Spanned<String>>,
    #[serde(default)]
    disabled: bool,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counter_examples: Vec<Spanned<String>>,
    rules: Option<Spanned<RawRules>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    forms: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    never: Vec<Spanned<String>>,
    confirm: Option<bool>,
    nearby: Option<bool>,
    #[serde(default)]
    cues: Vec<Spanned<String>>,
    window: Option<Spanned<i64>>,
}

/// Line numbers of a source text, for turning byte spans into `file:line`.
struct Lines<'a> {
    file: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(file: &'a str, src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Lines { file, starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    fn origin(&self, offset: usize) -> Origin {
        Origin {
            file: self.file.to_string().into(),
            line: self.line(offset),
        }
    }

    fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.to_string(),
            line: self.line(offset),
            message: message.into(),
        }
    }
}

/// Parses one lexicon file. Entries that are sound are returned even when others are not; the
/// caller refuses the whole lexicon when `problems` is non-empty.
pub(crate) fn parse(file: &str, src: &str, out: &mut Parsed, problems: &mut Vec<Problem>) {
    let lines = Lines::new(file, src);
    if src.len() > MAX_FILE_BYTES {
        problems.push(lines.problem(
            0,
            format!("file is {} bytes; the limit is {MAX_FILE_BYTES}", src.len()),
        ));
        return;
    }
    let raw: RawFile = match toml::from_str(src) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            problems.push(lines.problem(offset, e.message().trim().to_string()));
            return;
        }
    };
    for spanned in raw.tech {
        let at = spanned.span().start;
        let raw = spanned.into_inner();
        if raw.disabled {
            let id = raw.id.into_inner();
            if !is_valid_id(&id) {
                problems.push(lines.problem(at, format!("id {id:?} is not a valid id")));
            }
            out.disabled.push((id, lines.origin(at)));
        } else if let Some(entry) = convert(&lines, at, raw, problems) {
            out.entries.push(entry);
        }
    }
    for spanned in raw.extend {
        let at = spanned.span().start;
        let raw = spanned.into_inner();
        let mut forms = Vec::new();
        push_forms(&lines, None, &raw.aliases, &raw.cased, &mut forms, problems);
        out.extensions.push(Extension {
            id: raw.id.into_inner(),
            forms,
            examples: examples(&lines, raw.examples),
            counter_examples: examples(&lines, raw.counter_examples),
            origin: lines.origin(at),
        });
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_text(lines: &Lines, what: &str, s: &Spanned<String>, problems: &mut Vec<Problem>) -> bool {
    let v = s.get_ref();
    let msg = if v.is_empty() {
        format!("{what} is empty")
    } else if v.trim() != v {
        format!("{what} {v:?} has leading or trailing whitespace")
    } else if v.len() > MAX_ALIAS_BYTES {
        format!("{what} is {} bytes long; the limit is {MAX_ALIAS_BYTES}", v.len())
    } else if v.chars().any(char::is_control) {
        format!("{what} {v:?} holds a control character")
    } else {
        return true;
    };
    problems.push(lines.problem(s.span().start, msg));
    false
}

fn convert(lines: &Lines, at: usize, raw: RawEntry, problems: &mut Vec<Problem>) -> Option<Entry> {
    let before = problems.len();
    let id = raw.id.get_ref().clone();
    if !is_valid_id(&id) {
        problems.push(lines.problem(
            raw.id.span().start,
            format!("id {id:?} must be lower-case ASCII letters and digits joined by single hyphens"),
        ));
    }
    let (Some(name), Some(category)) = (&raw.name, &raw.category) else {
        let missing = if raw.name.is_none() { "name" } else { "category" };
        problems.push(lines.problem(
            at,
            format!("entry {id:?} has no `{missing}` (only `disabled = true` entries may leave it out)"),
        ));
        return None;
    };
    check_text(lines, "name", name, problems);
    if let Some(v) = &raw.vendor {
        check_text(lines, "vendor", v, problems);
    }
    let category_value = Category::parse(category.get_ref());
    if category_value.is_none() {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        problems.push(lines.problem(
            category.span().start,
            format!(
                "unknown category {:?}; expected one of: {}",
                category.get_ref(),
                all.join(", ")
            ),
        ));
    }

    let mut forms: Vec<Form> = Vec::new();
    push_forms(lines, Some(name), &raw.aliases, &raw.cased, &mut forms, problems);
    if forms.len() > MAX_FORMS_PER_ENTRY {
        problems.push(lines.problem(
            at,
            format!(
                "entry {id:?} has {} forms; the limit is {MAX_FORMS_PER_ENTRY}",
                forms.len()
            ),
        ));
    }

    let rules = raw.rules.map(|spanned| {
        let rules_at = spanned.span().start;
        let r = spanned.into_inner();
        let mut window = 8;
        if let Some(w) = &r.window {
            let v = *w.get_ref();
            if v < 1 || v > MAX_WINDOW as i64 {
                problems.push(lines.problem(
                    w.span().start,
                    format!("window {v} is out of range; it must be 1 to {MAX_WINDOW} words"),
                ));
            } else {
                window = v as usize;
            }
        }
        let mut lower_list = |what: &str, list: &[Spanned<String>]| -> Vec<String> {
            list.iter()
                .filter(|s| check_text(lines, what, s, problems))
                .map(|s| s.get_ref().to_lowercase())
                .collect()
        };
        let never = lower_list("never phrase", &r.never);
        let cues = lower_list("cue", &r.cues);
        let confirm = r.confirm.unwrap_or(true);
        let nearby = r.nearby.unwrap_or(true);
        match &r.forms {
            Some(list) => {
                for f in list {
                    match forms.iter_mut().find(|form| form.text == *f.get_ref()) {
                        Some(form) => form.ruled = true,
                        None => problems.push(lines.problem(
                            f.span().start,
                            format!(
                                "rules name the form {:?}, which entry {id:?} does not have",
                                f.get_ref()
                            ),
                        )),
                    }
                }
            }
            None => forms.iter_mut().for_each(|f| f.ruled = true),
        }
        if !nearby && !confirm {
            problems.push(lines.problem(
                rules_at,
                "`nearby = false` with `confirm = false`: nothing is confirmed, so it would do nothing",
            ));
        }
        if never.is_empty() && !confirm {
            problems.push(lines.problem(
                rules_at,
                "rules have no `never` phrases and `confirm = false`: they would do nothing",
            ));
        }
        Rules {
            never_len: never.iter().map(String::len).max().unwrap_or(0),
            never: never.into_iter().map(Text::from).collect(),
            cues: cues.into_iter().map(Text::from).collect(),
            confirm,
            nearby,
            window,
            never_set: Default::default(),
            cue_set: Default::default(),
        }
    });

    if problems.len() > before {
        return None;
    }
    Some(Entry {
        id: id.into(),
        name: name.get_ref().clone().into(),
        category: category_value?,
        forms,
        refs: raw.refs.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
        vendor: raw.vendor.map(|v| v.into_inner().into()),
        rules: rules.map(Box::new),
        examples: examples(lines, raw.examples),
        counter_examples: examples(lines, raw.counter_examples),
        origin: lines.origin(at),
    })
}

fn examples(lines: &Lines, list: Vec<Spanned<String>>) -> Vec<(Text, usize)> {
    list.into_iter()
        .map(|s| {
            let line = lines.line(s.span().start);
            (s.into_inner().into(), line)
        })
        .collect()
}

/// Checks and adds the surface forms: the name (unless it is also cased), the aliases and the
/// cased forms. A form repeated inside one entry (also in another case) is redundant, not wrong.
fn push_forms(
    lines: &Lines,
    name: Option<&Spanned<String>>,
    aliases: &[Spanned<String>],
    cased: &[Spanned<String>],
    forms: &mut Vec<Form>,
    problems: &mut Vec<Problem>,
) {
    let name = name.filter(|n| !cased.iter().any(|c| c.get_ref() == n.get_ref()));
    for (s, is_cased) in name
        .into_iter()
        .chain(aliases)
        .map(|s| (s, false))
        .chain(cased.iter().map(|s| (s, true)))
    {
        if !check_text(lines, if is_cased { "cased form" } else { "alias" }, s, problems) {
            continue;
        }
        let text = s.get_ref();
        let dup = forms.iter().any(|f| {
            if is_cased && f.cased {
                f.text == *text
            } else {
                f.text.eq_ignore_ascii_case(text) && !f.cased
            }
        });
        if !dup {
            forms.push(Form {
                text: text.clone().into(),
                cased: is_cased,
                ruled: false,
                line: lines.line(s.span().start),
            });
        }
    }
}
