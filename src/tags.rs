//! The output document (schema "1" of `DESIGN.md`): serde types that serialize to exactly the
//! JSON contract. Spans are byte offsets into the caller's original input, end-exclusive.

use crate::lexicon::Category;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version written in every document.
pub const SCHEMA: &str = "1";

/// Everything jdtag found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Tags {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// How the input was read: `text`, `markdown` or `html`.
    pub format: String,
    /// What the document is: `posting` or `resume`.
    pub kind: String,
    /// The posting's title, when found.
    pub title: Option<Span>,
    /// The seniority asked for.
    pub seniority: Option<Seniority>,
    /// One entry per technology, in order of first mention.
    pub skills: Vec<Skill>,
    /// Postings: technologies named as alternatives, of which one is asked ("Snowflake or
    /// Redshift", "Java, Kotlin or Scala"), in document order.
    #[serde(default)]
    pub alternatives: Vec<Alternatives>,
    /// Years-of-experience statements.
    pub experience: Vec<Experience>,
    /// Education requirements.
    pub education: Vec<Education>,
    /// Certifications named.
    pub certifications: Vec<Certification>,
    /// Spoken languages with the level stated ("English (C1)", "Fluent in Spanish").
    #[serde(default)]
    pub languages: Vec<SpokenLanguage>,
    /// Pay statements.
    pub salary: Vec<Salary>,
    /// `full_time`, `part_time`, `contract`, `internship`, `temporary`, `freelance`, in order of
    /// first statement.
    pub employment_type: Vec<String>,
    /// The text behind each `employment_type` value.
    pub employment_type_evidence: Vec<Facet>,
    /// `remote`, `hybrid`, `onsite`, in order of first statement.
    pub workplace: Vec<String>,
    /// The text behind each `workplace` value.
    pub workplace_evidence: Vec<Facet>,
    /// The locations the posting states, as written ("Austin, TX", "Remote - US only").
    pub location: Vec<Span>,
    /// Résumés: the work-history entries, in document order.
    pub positions: Vec<Position>,
    /// Résumés: months covered by the positions (overlaps once, internships left out).
    pub total_experience_months: Option<u32>,
    /// Résumés: e-mail addresses, phones and URLs (values replaced by their kind when redacted).
    pub contacts: Vec<Contact>,
    /// The document's sections, in order.
    pub sections: Vec<Section>,
    /// Things the reader should know about how the input was read (e.g. replaced bytes).
    pub warnings: Vec<Warning>,
}

/// A piece of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Span {
    /// The text as read (after Markdown was resolved).
    pub text: String,
    /// Byte offset of the first byte in the original input.
    pub start: usize,
    /// Byte offset one past the last byte in the original input.
    pub end: usize,
}

/// How much the document asks of a technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// Named, but neither as required nor as preferred.
    Mentioned,
    /// A bonus: "nice to have", "preferred".
    Preferred,
    /// A must.
    Required,
}

/// One technology and every place the document names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Skill {
    /// The lexicon id, e.g. `kubernetes`.
    pub id: String,
    /// The display name, e.g. `Kubernetes`.
    pub name: String,
    /// The lexicon category.
    pub category: Category,
    /// The strongest requirement over the mentions.
    pub requirement: Requirement,
    /// Years asked for this technology, when the text ties them to it.
    pub years: Option<Years>,
    /// Résumés: months of experience with it, from the positions that name it (overlaps once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Résumés: when it was last used (`YYYY-MM` or `YYYY`), from the positions that name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<String>,
    /// Cross-references to public vocabularies (`onet`, `esco`, `stackoverflow`, `linguist`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub refs: BTreeMap<String, String>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
}

/// Technologies named as alternatives: the text from the first to the last name, and their ids
/// in order of first mention (at least two).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Alternatives {
    /// The lexicon ids, e.g. `["snowflake", "amazon-redshift"]`.
    pub skills: Vec<String>,
    /// The text, e.g. `Snowflake or Redshift`.
    pub text: String,
    /// Byte offset of its first byte in the original input.
    pub start: usize,
    /// End byte offset (exclusive) in the original input.
    pub end: usize,
}

/// One place a technology is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Mention {
    /// The surface form as written, e.g. `K8s`.
    pub text: String,
    /// Byte offset in the original input.
    pub start: usize,
    /// End byte offset (exclusive) in the original input.
    pub end: usize,
    /// The kind of the section the mention is in, or `null` before the first heading.
    pub section: Option<String>,
    /// The requirement level of this mention.
    pub requirement: Requirement,
    /// Why this text counts as the technology: `alias`, `cased` (a form matched with its exact
    /// capitalisation), or for ambiguous names the context rule that admitted it: `version`,
    /// `nearby-technology`, `cue:WORD`, `no-excluded-phrase`.
    pub rule: String,
    /// A version written right after the name ("3" in "Python 3"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A range of years.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Years {
    /// At least this many years.
    pub min: Option<f64>,
    /// At most this many years.
    pub max: Option<f64>,
}

/// The seniority a posting asks for, with the text that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Seniority {
    /// `intern`, `junior`, `mid`, `senior`, `lead`, `principal` or `executive`.
    pub level: String,
    /// What decided the level: `title` (a title word; it beats the body), `body` (phrases in the
    /// text), `years` (the years asked, mapped in `lexicons/cues/seniority.toml`), or `default`
    /// (no evidence at all; the level is the file's `default`).
    pub basis: String,
    /// The words that point to it (title and body evidence both, when they disagree).
    pub evidence: Vec<Span>,
}

/// A years-of-experience statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Experience {
    /// Lower bound in years.
    pub min_years: Option<f64>,
    /// Upper bound in years.
    pub max_years: Option<f64>,
    /// The clause.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Ids of the technologies the years are tied to.
    pub skills: Vec<String>,
    /// Requirement level of the statement.
    pub requirement: Requirement,
}

/// An education requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Education {
    /// `high_school`, `associate`, `bachelor`, `master`, `doctorate`, `bootcamp`.
    pub level: String,
    /// Fields of study.
    pub fields: Vec<String>,
    /// "or equivalent experience".
    pub or_equivalent: bool,
    /// Requirement level.
    pub requirement: Requirement,
    /// Résumés: the school, as written ("Technische Universität München").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<Span>,
    /// Résumés: the year the degree was (or is expected to be) completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduation_year: Option<u16>,
    /// The clause.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpokenLanguage {
    /// The language's English name ("German").
    pub name: String,
    /// `native`, `fluent`, `advanced`, `intermediate` or `basic`, when stated.
    pub level: Option<String>,
    /// The CEFR level when written ("C1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cefr: Option<String>,
    /// Requirement level (postings); `mentioned` in a résumé.
    pub requirement: Requirement,
    /// The list item that names it.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A certification named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Certification {
    /// Lexicon id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// When it was obtained, as `YYYY-MM` or `YYYY`, when the same line says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it expires ("valid until 2025"), as `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// How much a posting asks for it ("CISSP required", "Security+ is a plus"), the
    /// strongest over its mentions; `mentioned` in a résumé.
    pub requirement: Requirement,
    /// The text as written.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A pay statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Salary {
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// ISO 4217 code, or `null` when it cannot be told.
    pub currency: Option<String>,
    /// `hour`, `day`, `week`, `month`, `year`.
    pub period: Option<String>,
    /// The period was not stated but inferred from the amount's size.
    pub period_inferred: bool,
    /// The statement.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A value of a facet (employment type, workplace) and the text that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Facet {
    /// The value, e.g. `remote`.
    pub value: String,
    /// The words that state it.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A work-history entry of a résumé.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Position {
    /// The job title, when told apart.
    pub title: Option<Span>,
    /// The employer, when told apart.
    pub company: Option<Span>,
    /// Start, `YYYY-MM` or `YYYY`.
    pub start: Option<String>,
    /// End, `YYYY-MM` or `YYYY`; `null` while current.
    pub end: Option<String>,
    /// "Present", "Current", "now", "to date".
    pub current: bool,
    /// Months from start to end (or to the as-of date when current).
    pub months: Option<u32>,
    /// Whether it reads as an internship (left out of `total_experience_months`).
    pub internship: bool,
    /// Ids of the technologies named inside the entry.
    pub skills: Vec<String>,
    /// The dates as written.
    pub dates: Span,
    /// Start of the entry in the original input.
    pub span_start: usize,
    /// End of the entry in the original input.
    pub span_end: usize,
}

/// A contact found in a résumé.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Contact {
    /// `email`, `phone`, `linkedin`, `github`, `portfolio` or `url`.
    pub kind: String,
    /// The value as written, or `[KIND]` when redacted.
    pub value: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// A section of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Section {
    /// `summary`, `responsibilities`, `requirements`, `preferred`, `education`, `benefits`,
    /// `compensation`, `about-company`, `how-to-apply`, `equal-opportunity` or `other`.
    pub kind: String,
    /// The heading as written.
    pub heading: String,
    /// Start of the heading in the original input.
    pub start: usize,
    /// End of the section (the next heading, or the end of the input).
    pub end: usize,
}

/// A note on how the input was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Warning {
    /// A stable code, e.g. `invalid_utf8`.
    pub code: String,
    /// The same in words.
    pub message: String,
}

impl Warning {
    /// A warning with a code and a message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            code: code.into(),
            message: message.into(),
        }
    }
}

impl Tags {
    /// An empty document read as `format`.
    pub(crate) fn empty(format: &str) -> Tags {
        Tags {
            schema: SCHEMA.to_string(),
            format: format.to_string(),
            kind: "posting".to_string(),
            title: None,
            seniority: None,
            skills: Vec::new(),
            alternatives: Vec::new(),
            experience: Vec::new(),
            education: Vec::new(),
            certifications: Vec::new(),
            languages: Vec::new(),
            salary: Vec::new(),
            employment_type: Vec::new(),
            employment_type_evidence: Vec::new(),
            workplace: Vec::new(),
            workplace_evidence: Vec::new(),
            location: Vec::new(),
            positions: Vec::new(),
            total_experience_months: None,
            contacts: Vec::new(),
            sections: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Appends the document as compact JSON: the same bytes as `serde_json::to_vec(self)`,
    /// written directly (about three times faster: bulk output uses it).
    ///
    /// ```
    /// let tags = jdtag::Tagger::new().tag("Experience with Kubernetes and \"Go\" required");
    /// let mut out = Vec::new();
    /// tags.write_json(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&tags).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        crate::json::write_tags(out, self);
    }

    /// The skill with this id, if the document names it.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// The ids of the skills, in order of first mention.
    pub fn skill_ids(&self) -> Vec<&str> {
        self.skills.iter().map(|s| s.id.as_str()).collect()
    }
}
