//! Table-driven cases for the extractors, in `fixtures/cases/{experience,seniority,education,
//! requirement,kind,…}.toml`. Each file's header says its row format.

use jdtag::{Format, Tagger};
use serde::Deserialize;

fn rows<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File<T> {
        case: Vec<T>,
    }
    let path = format!("{}/fixtures/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str::<File<T>>(&text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .case
}

/// The built-in tagger reading every text as a résumé, "Present" being November 2026.
fn resume_tagger() -> Tagger {
    Tagger::builder()
        .kind(jdtag::DocKind::Resume)
        .as_of(2026, 11)
        .build()
        .expect("built-in lexicon")
}

fn finish(name: &str, total: usize, min: usize, failures: Vec<String>) {
    assert!(total >= min, "{name}: only {total} rows");
    assert!(
        failures.is_empty(),
        "{name}: {} of {total} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// "3+" (min 3), "3-5" (min 3, max 5), "<=1" (max 1).
fn years_label(min: Option<f64>, max: Option<f64>) -> String {
    let f = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        }
    };
    match (min, max) {
        (Some(a), Some(b)) => format!("{}-{}", f(a), f(b)),
        (Some(a), None) => format!("{}+", f(a)),
        (None, Some(b)) => format!("<={}", f(b)),
        (None, None) => "?".into(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExperienceCase {
    text: String,
    years: Vec<String>,
    skills: Option<Vec<Vec<String>>>,
    /// The requirement of each statement ("required", "preferred", "mentioned").
    requirement: Option<Vec<String>>,
}

#[test]
fn experience_cases() {
    let tagger = Tagger::new();
    let cases: Vec<ExperienceCase> = rows("experience.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        let got: Vec<String> = tags
            .experience
            .iter()
            .map(|e| years_label(e.min_years, e.max_years))
            .collect();
        if got != c.years {
            failures.push(format!("{:?}: years {got:?}, want {:?}", c.text, c.years));
        }
        if let Some(want) = &c.skills {
            let got: Vec<Vec<String>> = tags.experience.iter().map(|e| e.skills.clone()).collect();
            if got != *want {
                failures.push(format!("{:?}: skills {got:?}, want {want:?}", c.text));
            }
        }
        if let Some(want) = &c.requirement {
            let got: Vec<String> = tags
                .experience
                .iter()
                .map(|e| {
                    serde_json::to_value(e.requirement)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            if got != *want {
                failures.push(format!("{:?}: requirement {got:?}, want {want:?}", c.text));
            }
        }
    }
    finish("experience.toml", cases.len(), 60, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeniorityCase {
    text: String,
    level: String,
    basis: Option<String>,
}

#[test]
fn seniority_cases() {
    let tagger = Tagger::new();
    let cases: Vec<SeniorityCase> = rows("seniority.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        let (level, basis) = tags
            .seniority
            .as_ref()
            .map_or(("none".to_string(), "none".to_string()), |s| {
                (s.level.clone(), s.basis.clone())
            });
        if level != c.level || c.basis.as_ref().is_some_and(|b| *b != basis) {
            failures.push(format!(
                "{:?}: {level} ({basis}), want {} ({:?})",
                c.text, c.level, c.basis
            ));
        }
    }
    finish("seniority.toml", cases.len(), 40, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EducationCase {
    text: String,
    level: String,
    fields: Option<Vec<String>>,
    or_equivalent: Option<bool>,
    /// Read the text as a résumé.
    #[serde(default)]
    resume: bool,
    /// The first entry's school ("-" for none).
    institution: Option<String>,
    /// The first entry's graduation year (0 for none).
    graduation_year: Option<u16>,
    /// Every entry as "LEVEL REQUIREMENT", in order.
    entries: Option<Vec<String>>,
}

#[test]
fn education_cases() {
    let tagger = Tagger::new();
    let resumes = resume_tagger();
    let cases: Vec<EducationCase> = rows("education.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let t = if c.resume { &resumes } else { &tagger };
        let tags = t.tag_with(&c.text, Format::Text);
        let first = tags.education.first();
        let level = first.map_or("none", |e| e.level.as_str());
        if level != c.level {
            failures.push(format!("{:?}: {level}, want {}", c.text, c.level));
            continue;
        }
        if let (Some(want), Some(e)) = (&c.fields, first)
            && e.fields != *want
        {
            failures.push(format!("{:?}: fields {:?}, want {want:?}", c.text, e.fields));
        }
        if let (Some(want), Some(e)) = (c.or_equivalent, first)
            && e.or_equivalent != want
        {
            failures.push(format!(
                "{:?}: or_equivalent {}, want {want}",
                c.text, e.or_equivalent
            ));
        }
        if let (Some(want), Some(e)) = (&c.institution, first) {
            let got = e.institution.as_ref().map_or("-", |s| s.text.as_str());
            if got != want {
                failures.push(format!("{:?}: institution {got:?}, want {want:?}", c.text));
            }
        }
        if let (Some(want), Some(e)) = (c.graduation_year, first)
            && e.graduation_year.unwrap_or(0) != want
        {
            failures.push(format!(
                "{:?}: graduation_year {:?}, want {want}",
                c.text, e.graduation_year
            ));
        }
        if let Some(want) = &c.entries {
            let got: Vec<String> = tags
                .education
                .iter()
                .map(|e| {
                    let r = serde_json::to_value(e.requirement).unwrap();
                    format!("{} {}", e.level, r.as_str().unwrap())
                })
                .collect();
            if got != *want {
                failures.push(format!("{:?}: entries {got:?}, want {want:?}", c.text));
            }
        }
    }
    finish("education.toml", cases.len(), 40, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementCase {
    text: String,
    skill: String,
    requirement: String,
}

#[test]
fn requirement_cases() {
    let tagger = Tagger::new();
    let cases: Vec<RequirementCase> = rows("requirement.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        match tags.skill(&c.skill) {
            None => failures.push(format!("{:?}: {} not tagged", c.text, c.skill)),
            Some(s) => {
                let got = serde_json::to_value(s.requirement).unwrap();
                if got != c.requirement.as_str() {
                    failures.push(format!(
                        "{:?}: {} is {got}, want {}",
                        c.text, c.skill, c.requirement
                    ));
                }
            }
        }
    }
    finish("requirement.toml", cases.len(), 40, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FacetCase {
    text: String,
    employment_type: Vec<String>,
    workplace: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlternativesCase {
    text: String,
    #[serde(default)]
    resume: bool,
    alternatives: Vec<String>,
}

#[test]
fn alternatives_cases() {
    let tagger = Tagger::new();
    let resumes = resume_tagger();
    let cases: Vec<AlternativesCase> = rows("alternatives.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let t = if c.resume { &resumes } else { &tagger };
        let tags = t.tag_with(&c.text, Format::Text);
        let got: Vec<String> = tags.alternatives.iter().map(|a| a.skills.join(" | ")).collect();
        if got != c.alternatives {
            failures.push(format!("{:?}: {got:?}, want {:?}", c.text, c.alternatives));
        }
        for a in &tags.alternatives {
            if c.text.get(a.start..a.end) != Some(a.text.as_str()) {
                failures.push(format!(
                    "{:?}: span {}..{} is not {:?}",
                    c.text, a.start, a.end, a.text
                ));
            }
        }
    }
    finish("alternatives.toml", cases.len(), 20, failures);
}

#[test]
fn facet_cases() {
    let tagger = Tagger::new();
    let cases: Vec<FacetCase> = rows("facets.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        if tags.employment_type != c.employment_type {
            failures.push(format!(
                "{:?}: employment_type {:?}, want {:?}",
                c.text, tags.employment_type, c.employment_type
            ));
        }
        if tags.workplace != c.workplace {
            failures.push(format!(
                "{:?}: workplace {:?}, want {:?}",
                c.text, tags.workplace, c.workplace
            ));
        }
    }
    finish("facets.toml", cases.len(), 70, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SalaryCase {
    text: String,
    salary: Vec<String>,
    warning: Option<String>,
}

#[test]
fn salary_cases() {
    // "120000-150000 USD year", "-90000 USD year~": see the header of salary.toml.
    let amount = |v: Option<f64>| {
        v.map_or(String::new(), |v| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v}")
            }
        })
    };
    let tagger = Tagger::new();
    let cases: Vec<SalaryCase> = rows("salary.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        let got: Vec<String> = tags
            .salary
            .iter()
            .map(|s| {
                format!(
                    "{}-{} {} {}{}",
                    amount(s.min),
                    amount(s.max),
                    s.currency.as_deref().unwrap_or("?"),
                    s.period.as_deref().unwrap_or("?"),
                    if s.period_inferred { "~" } else { "" }
                )
            })
            .collect();
        if got != c.salary {
            failures.push(format!("{:?}: salary {got:?}, want {:?}", c.text, c.salary));
        }
        let warnings: Vec<&str> = tags
            .warnings
            .iter()
            .filter(|w| w.code == "salary_currency")
            .map(|w| w.message.as_str())
            .collect();
        let want: Vec<&str> = c.warning.iter().map(String::as_str).collect();
        if warnings != want {
            failures.push(format!("{:?}: warnings {warnings:?}, want {want:?}", c.text));
        }
    }
    finish("salary.toml", cases.len(), 60, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationCase {
    text: String,
    location: Vec<String>,
}

#[test]
fn location_cases() {
    let tagger = Tagger::new();
    let cases: Vec<LocationCase> = rows("location.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let tags = tagger.tag_with(&c.text, Format::Text);
        let got: Vec<&str> = tags.location.iter().map(|s| s.text.as_str()).collect();
        if got != c.location {
            failures.push(format!("{:?}: location {got:?}, want {:?}", c.text, c.location));
        }
    }
    finish("location.toml", cases.len(), 40, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingCase {
    heading: String,
    kind: String,
    /// Classified as a résumé's heading.
    #[serde(default)]
    resume: bool,
}

#[test]
fn heading_cases() {
    let cases: Vec<HeadingCase> = rows("headings.toml");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let got = if c.resume {
                jdtag::resume_section_kind(&c.heading)
            } else {
                jdtag::section_kind(&c.heading)
            };
            (got != c.kind).then(|| format!("{:?} (résumé: {}): {got}, want {}", c.heading, c.resume, c.kind))
        })
        .collect();
    finish("headings.toml", cases.len(), 110, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesCase {
    text: String,
    #[serde(default)]
    resume: bool,
    languages: Vec<String>,
}

#[test]
fn languages_cases() {
    let tagger = Tagger::new();
    let resumes = resume_tagger();
    let cases: Vec<LanguagesCase> = rows("languages.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let t = if c.resume { &resumes } else { &tagger };
        let got: Vec<String> = t
            .tag_with(&c.text, Format::Text)
            .languages
            .iter()
            .map(|l| {
                let level = l.level.as_deref().unwrap_or("-");
                match &l.cefr {
                    Some(code) => format!("{} {level}/{code}", l.name),
                    None => format!("{} {level}", l.name),
                }
            })
            .collect();
        if got != c.languages {
            failures.push(format!("{:?}: {got:?}, want {:?}", c.text, c.languages));
        }
    }
    finish("languages.toml", cases.len(), 25, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertificationCase {
    text: String,
    certifications: Vec<String>,
}

#[test]
fn certification_cases() {
    let resumes = resume_tagger();
    let cases: Vec<CertificationCase> = rows("certifications.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let got: Vec<String> = resumes
            .tag_with(&c.text, Format::Text)
            .certifications
            .iter()
            .map(|x| {
                let d = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                format!("{} {} {}", x.id, d(&x.date), d(&x.expires))
            })
            .collect();
        if got != c.certifications {
            failures.push(format!("{:?}: {got:?}, want {:?}", c.text, c.certifications));
        }
    }
    finish("certifications.toml", cases.len(), 12, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindCase {
    text: String,
    kind: String,
}

#[test]
fn kind_cases() {
    let tagger = Tagger::new();
    let cases: Vec<KindCase> = rows("kind.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let got = tagger.tag_with(&c.text, Format::Text).kind;
        if got != c.kind {
            failures.push(format!("{:?}: kind {got:?}, want {:?}", c.text, c.kind));
        }
    }
    finish("kind.toml", cases.len(), 12, failures);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertificationRequirementCase {
    text: String,
    certifications: Vec<String>,
}

#[test]
fn certification_requirement_cases() {
    let tagger = Tagger::new();
    let cases: Vec<CertificationRequirementCase> = rows("certification_requirements.toml");
    let mut failures = Vec::new();
    for c in &cases {
        let got: Vec<String> = tagger
            .tag_with(&c.text, Format::Text)
            .certifications
            .iter()
            .map(|x| {
                format!(
                    "{} {}",
                    x.id,
                    serde_json::to_value(x.requirement).unwrap().as_str().unwrap()
                )
            })
            .collect();
        if got != c.certifications {
            failures.push(format!("{:?}: {got:?}, want {:?}", c.text, c.certifications));
        }
    }
    finish("certification_requirements.toml", cases.len(), 7, failures);
}
