//! jdtag reads job postings and résumés and turns their free text into structured,
//! explainable JSON: the technologies named (with canonical ids and exact byte spans), and —
//! as the pipeline grows — the seniority, years of experience, education and other
//! requirements asked for.
//!
//! ```
//! let tagger = jdtag::Tagger::new();
//! let tags = tagger.tag("## Requirements\n- 3+ years of *Java* and Spring Boot\n- Node.js, k8s\n");
//! assert_eq!(tags.skill_ids(), ["java", "spring-boot", "nodejs", "kubernetes"]);
//! let java = &tags.skills[0];
//! assert_eq!(java.mentions[0].section.as_deref(), Some("requirements"));
//! println!("{}", serde_json::to_string_pretty(&tags).unwrap());
//! ```
//!
//! The pipeline, one module per stage: [`input`](Format) (text and Markdown, with an offset map
//! back to the caller's bytes) → sections → lexicon matching (aliases indexed by first segment, tried longest first at word starts) →
//! disambiguation (context rules from the lexicon) → [`Tags`].

/// Parses one of the cue files under `lexicons/` (`cue_file!("cues/salary")`), which `build.rs`
/// has checked and converted from TOML to JSON: every process reads these at start-up, and
/// JSON reads several times faster.
macro_rules! cue_file {
    ($name:literal) => {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")))
    };
}

pub mod bulk;
mod disambiguate;
mod error;
mod extract;
mod fasthash;
mod input;
mod json;
mod lean_regex;
pub mod lexicon;
mod matcher;
mod matcher_index;
pub mod matching;
mod phrases;
mod sections;
mod tagger;
mod tags;
mod words;

pub use error::{Error, Problem};
pub use input::Format;
pub use sections::{resume_section_kind, section_kind};
pub use tagger::{DEFAULT_MAX_MENTIONS, DocKind, Tagger, TaggerBuilder};
pub use tags::{
    Alternatives, Certification, Contact, Education, Experience, Facet, Mention, Position, Requirement,
    SCHEMA, Salary, Section, Seniority, Skill, Span, SpokenLanguage, Tags, Warning, Years,
};

/// The README's examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
