//! Matching a résumé against a posting: a score in [0, 1] explained by its parts.
//!
//! The score is a weighted mean of the parts that apply (a part the posting does not ask for is
//! left out and the others keep their relative weights):
//!
//! | part | weight | value |
//! |---|---|---|
//! | required skills | 0.45 | share of the posting's required technologies the résumé names |
//! | preferred skills | 0.15 | share of the preferred ones |
//! | years per skill | 0.15 | mean over skills with years asked of min(shown / asked, 1) |
//! | total years | 0.10 | min(shown / asked, 1) for the largest years asked |
//! | seniority | 0.10 | 1 at or above the level asked, 0.5 one level below, else 0 |
//! | education | 0.05 | 1 at or above the degree asked (or "or equivalent" with the years), else 0 |
//!
//! Skills match through the lexicon's ids, so "Postgres" in one meets "PostgreSQL" in the other.
//! A technology the résumé does not name is met through narrower ones it does name
//! (`lexicons/cues/implies.toml`): "AWS" through Amazon EKS, "NoSQL" through MongoDB, "Python"
//! through Django; the report says through which.
//! Alternatives the posting names ("Snowflake or Redshift", the document's `alternatives`)
//! count as one technology, met when the résumé names any of them: in the shares above and in
//! the mean of years per skill (the best of them counts).

use crate::extract::seniority::LEVELS;
use crate::lexicon::Lexicon;
use crate::tags::{Requirement, Tags};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// How a résumé fits a posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatchReport {
    /// The overall fit, 0 to 1 (see the module docs for the rule).
    pub score: f64,
    /// Each part that applies: its weight and its value (0 to 1).
    pub parts: BTreeMap<String, Part>,
    /// Required technologies met and missing (ids).
    pub required: SkillFit,
    /// Preferred technologies met and missing (ids).
    pub preferred: SkillFit,
    /// Years asked per technology against the months the résumé shows with it.
    pub years: Vec<YearsFit>,
    /// The largest years asked against the résumé's total experience.
    pub total_years: Option<YearsFit>,
    /// Seniority asked against the résumé's level.
    pub seniority: Option<LevelFit>,
    /// Degree asked against the résumé's highest degree.
    pub education: Option<LevelFit>,
}

/// One part of the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Part {
    /// Its weight before the parts that do not apply are left out.
    pub weight: f64,
    /// Its value, 0 to 1.
    pub value: f64,
}

/// Technologies met and missing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SkillFit {
    /// Ids the résumé names.
    pub met: Vec<String>,
    /// Ids it does not, and no alternative of theirs either.
    pub missing: Vec<String>,
    /// Ids it does not name where it names an alternative the posting gives ("Redshift" when
    /// the posting asks "Snowflake or Redshift" and the résumé names Snowflake).
    #[serde(default)]
    pub met_by_alternative: Vec<String>,
    /// Ids it does not name but shows through narrower technologies it names ("aws" through
    /// "amazon-eks"; see `lexicons/cues/implies.toml`).
    #[serde(default)]
    pub met_through: Vec<MetThrough>,
}

/// A technology met through narrower ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MetThrough {
    /// The id asked.
    pub id: String,
    /// The ids the résumé names that show it.
    pub by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImpliesFile {
    prefixes: Vec<Prefix>,
    shows: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prefix {
    id: String,
    category: String,
    names: Vec<String>,
}

static IMPLIES: LazyLock<ImpliesFile> =
    LazyLock::new(|| cue_file!("cues/implies").expect("implies.toml is checked by the test suite"));

/// What naming each technology shows of broader ones, for a lexicon: `lexicons/cues/implies.toml`
/// applied to its entries.
pub(crate) struct Broader(HashMap<String, Vec<String>>);

impl Broader {
    /// The relations for `lexicon`'s entries (its prefix rules reach a user's entries too).
    pub(crate) fn of(lexicon: &Lexicon) -> Broader {
        let file = &*IMPLIES;
        let mut direct: HashMap<String, Vec<String>> = file.shows.clone().into_iter().collect();
        for e in lexicon.entries() {
            for p in &file.prefixes {
                if e.id() != p.id
                    && e.category().as_str() == p.category
                    && p.names.iter().any(|n| e.name().starts_with(n.as_str()))
                {
                    direct.entry(e.id().to_string()).or_default().push(p.id.clone());
                }
            }
        }
        Broader(direct)
    }

    /// Every id `id` shows, followed through, nearest first (each once, `id` itself not).
    pub(crate) fn of_id(&self, id: &str) -> Vec<&str> {
        let shows = |of: &str| self.0.get(of).into_iter().flatten().map(String::as_str);
        let mut out: Vec<&str> = Vec::new();
        let mut next = 0;
        let mut from = Some(id);
        while let Some(of) = from {
            for b in shows(of) {
                if b != id && !out.contains(&b) {
                    out.push(b);
                }
            }
            from = out.get(next).copied();
            next += 1;
        }
        out
    }
}

/// Years asked against years shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct YearsFit {
    /// The technology id (`null` for total experience).
    pub skill: Option<String>,
    /// Years asked.
    pub asked: f64,
    /// Years shown (`null` when the résumé shows none).
    pub shown: Option<f64>,
    /// Whether shown ≥ asked.
    pub met: bool,
}

/// A level asked against a level shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LevelFit {
    /// The level asked.
    pub asked: String,
    /// The level shown (`null` when the résumé shows none).
    pub shown: Option<String>,
    /// Whether it is met.
    pub met: bool,
}

const DEGREES: &[&str] = &[
    "high_school",
    "bootcamp",
    "associate",
    "bachelor",
    "master",
    "doctorate",
];

fn rank(list: &[&str], level: &str) -> Option<usize> {
    list.iter().position(|l| *l == level)
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The posting's technologies that count as one: each id named in some group of
/// `alternatives`, mapped to its unit's first id (groups sharing a name join one unit).
struct Units<'a>(BTreeMap<&'a str, &'a str>);

impl<'a> Units<'a> {
    fn of(posting: &'a Tags) -> Units<'a> {
        let mut unit: BTreeMap<&'a str, &'a str> = BTreeMap::new();
        for group in &posting.alternatives {
            // The units the group's names are in already, joined into the first one.
            let roots: Vec<&'a str> = group
                .skills
                .iter()
                .map(|id| unit.get(id.as_str()).copied().unwrap_or(id.as_str()))
                .collect();
            let root = roots[0];
            for v in unit.values_mut() {
                if roots.contains(v) {
                    *v = root;
                }
            }
            for id in &group.skills {
                unit.insert(id.as_str(), root);
            }
        }
        Units(unit)
    }

    /// The unit `id` counts in (itself when it has no alternative).
    fn of_id<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        self.0.get(id).copied().unwrap_or(id)
    }
}

/// The share of units met: a unit is met when one of its ids is.
fn unit_share(f: &SkillFit, units: &Units) -> Option<f64> {
    let mut all: BTreeMap<&str, bool> = BTreeMap::new();
    for id in f.met.iter().chain(f.met_through.iter().map(|t| &t.id)) {
        all.insert(units.of_id(id), true);
    }
    for id in f.missing.iter().chain(&f.met_by_alternative) {
        all.entry(units.of_id(id)).or_insert(false);
    }
    (!all.is_empty()).then(|| all.values().filter(|m| **m).count() as f64 / all.len() as f64)
}

/// Compares a tagged résumé with a tagged posting.
pub(crate) fn compare(resume: &Tags, posting: &Tags, broader: &Broader) -> MatchReport {
    let has = |id: &str| resume.skill(id).is_some();
    // What the résumé's technologies show of broader ones: broader id → the ids showing it.
    let mut through: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &resume.skills {
        for b in broader.of_id(&r.id) {
            through.entry(b).or_default().push(&r.id);
        }
    }
    let met = |id: &str| has(id) || through.contains_key(id);
    let units = Units::of(posting);
    // Units with some id the résumé names or shows.
    let met_units: Vec<&str> = posting
        .skills
        .iter()
        .filter(|s| met(&s.id))
        .map(|s| units.of_id(&s.id))
        .collect();
    let mut required = SkillFit::default();
    let mut preferred = SkillFit::default();
    for s in &posting.skills {
        let fit = match s.requirement {
            Requirement::Required => &mut required,
            Requirement::Preferred => &mut preferred,
            Requirement::Mentioned => continue,
        };
        if has(&s.id) {
            fit.met.push(s.id.clone())
        } else if let Some(by) = through.get(s.id.as_str()) {
            fit.met_through.push(MetThrough {
                id: s.id.clone(),
                by: by.iter().map(|b| b.to_string()).collect(),
            })
        } else if met_units.contains(&units.of_id(&s.id)) {
            fit.met_by_alternative.push(s.id.clone())
        } else {
            fit.missing.push(s.id.clone())
        }
    }
    let years: Vec<YearsFit> = posting
        .skills
        .iter()
        .filter(|s| s.requirement != Requirement::Preferred)
        .filter_map(|s| {
            let asked = s.years?.min?;
            // Its own months, else the most of the technologies that show it.
            let months = |id: &str| resume.skill(id).and_then(|r| r.months);
            let shown = months(&s.id)
                .or_else(|| through.get(s.id.as_str())?.iter().filter_map(|b| months(b)).max())
                .map(|m| round(f64::from(m) / 12.0));
            Some(YearsFit {
                skill: Some(s.id.clone()),
                asked,
                shown,
                met: shown.is_some_and(|y| y >= asked),
            })
        })
        .collect();
    let total_years = posting
        .experience
        .iter()
        .filter(|e| e.requirement != Requirement::Preferred)
        .filter_map(|e| e.min_years)
        .fold(None, |m: Option<f64>, y| Some(m.map_or(y, |m| m.max(y))))
        .map(|asked| {
            let shown = resume.total_experience_months.map(|m| round(f64::from(m) / 12.0));
            YearsFit {
                skill: None,
                asked,
                shown,
                met: shown.is_some_and(|y| y >= asked),
            }
        });
    let seniority = posting
        .seniority
        .as_ref()
        .filter(|s| s.basis != "default")
        .map(|asked| {
            let shown = resume.seniority.as_ref().map(|s| s.level.clone());
            let met = shown
                .as_deref()
                .and_then(|l| rank(LEVELS, l))
                .zip(rank(LEVELS, &asked.level))
                .is_some_and(|(s, a)| s >= a);
            LevelFit {
                asked: asked.level.clone(),
                shown,
                met,
            }
        });
    let education = posting
        .education
        .iter()
        .filter(|e| e.requirement != Requirement::Preferred)
        .filter_map(|e| rank(DEGREES, &e.level).map(|r| (r, e)))
        .min_by_key(|(r, _)| *r)
        .map(|(asked_rank, asked)| {
            let best = resume
                .education
                .iter()
                .filter_map(|e| rank(DEGREES, &e.level))
                .max();
            let years_ok =
                total_years.as_ref().is_none_or(|t| t.met) && resume.total_experience_months.is_some();
            let met = best.is_some_and(|b| b >= asked_rank) || (asked.or_equivalent && years_ok);
            LevelFit {
                asked: asked.level.clone(),
                shown: best.map(|b| DEGREES[b].to_string()),
                met,
            }
        });

    let mut parts = BTreeMap::new();
    let ratio = |y: &YearsFit| {
        y.shown.map_or(0.0, |s| {
            if y.asked <= 0.0 {
                1.0
            } else {
                (s / y.asked).min(1.0)
            }
        })
    };
    let mut add = |name: &str, weight: f64, value: Option<f64>| {
        if let Some(v) = value {
            parts.insert(
                name.to_string(),
                Part {
                    weight,
                    value: round(v),
                },
            );
        }
    };
    add("required_skills", 0.45, unit_share(&required, &units));
    add("preferred_skills", 0.15, unit_share(&preferred, &units));
    // Per unit, the best ratio of its ids.
    let mut best: BTreeMap<&str, f64> = BTreeMap::new();
    for y in &years {
        let unit = units.of_id(y.skill.as_deref().unwrap_or_default());
        let r = ratio(y);
        best.entry(unit).and_modify(|b| *b = b.max(r)).or_insert(r);
    }
    add(
        "years_per_skill",
        0.15,
        (!best.is_empty()).then(|| best.values().sum::<f64>() / best.len() as f64),
    );
    add("total_years", 0.10, total_years.as_ref().map(ratio));
    add(
        "seniority",
        0.10,
        seniority.as_ref().map(|s| {
            let gap = rank(LEVELS, &s.asked).unwrap_or(0) as i64
                - s.shown
                    .as_deref()
                    .and_then(|l| rank(LEVELS, l))
                    .map_or(-10, |r| r as i64);
            match gap {
                i64::MIN..=0 => 1.0,
                1 => 0.5,
                _ => 0.0,
            }
        }),
    );
    add(
        "education",
        0.05,
        education.as_ref().map(|e| if e.met { 1.0 } else { 0.0 }),
    );
    let total_weight: f64 = parts.values().map(|p| p.weight).sum();
    let score = if total_weight > 0.0 {
        round(parts.values().map(|p| p.weight * p.value).sum::<f64>() / total_weight)
    } else {
        0.0
    };
    MatchReport {
        score,
        parts,
        required,
        preferred,
        years,
        total_years,
        seniority,
        education,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Alternatives;

    fn group(ids: &[&str]) -> Alternatives {
        Alternatives {
            skills: ids.iter().map(|s| s.to_string()).collect(),
            text: String::new(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn implies_names_built_in_entries_only() {
        let lexicon = Lexicon::try_builtin().unwrap();
        let known = |id: &str| lexicon.entries().any(|e| e.id() == id);
        for (narrow, wide) in &IMPLIES.shows {
            assert!(known(narrow), "implies.toml: no entry {narrow:?}");
            for w in wide {
                assert!(known(w), "implies.toml: {narrow:?} shows unknown {w:?}");
            }
        }
        let broader = Broader::of(lexicon);
        for p in &IMPLIES.prefixes {
            assert!(known(&p.id), "implies.toml: no entry {:?}", p.id);
            let reached = lexicon
                .entries()
                .filter(|e| broader.of_id(e.id()).contains(&p.id.as_str()))
                .count();
            assert!(
                reached >= 10,
                "implies.toml: the prefixes for {:?} reach {reached} entries",
                p.id
            );
        }
        // Followed through, each once, never the id itself.
        assert_eq!(broader.of_id("nextjs"), ["react", "javascript"]);
        assert_eq!(broader.of_id("amazon-eks"), ["kubernetes", "aws"]);
        assert!(broader.of_id("python").is_empty());
    }

    #[test]
    fn groups_sharing_a_name_are_one_unit() {
        let mut posting = Tags::empty("text");
        posting.alternatives = vec![
            group(&["python", "r"]),
            group(&["java", "kotlin"]),
            group(&["julia", "r"]),
            group(&["scala", "java"]),
        ];
        let units = Units::of(&posting);
        let unit = |id| units.of_id(id);
        assert_eq!(unit("python"), unit("julia"));
        assert_eq!(unit("r"), unit("python"));
        assert_eq!(unit("kotlin"), unit("scala"));
        assert_ne!(unit("python"), unit("java"));
        assert_eq!(unit("go"), "go");
        let fit = SkillFit {
            met: vec!["julia".into()],
            missing: vec!["go".into()],
            met_by_alternative: vec!["python".into(), "r".into()],
            met_through: Vec::new(),
        };
        assert_eq!(unit_share(&fit, &units), Some(0.5));
        assert_eq!(unit_share(&SkillFit::default(), &units), None);
    }
}
