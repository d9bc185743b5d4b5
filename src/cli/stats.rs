//! `jdtag stats`: counts over a tagged corpus (JSON Lines as `jdtag --jsonl` writes them).

use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, Write};

#[derive(Default)]
struct SkillCount {
    name: String,
    category: String,
    postings: u64,
    required: u64,
    preferred: u64,
}

/// One skill's line in the report.
#[derive(Serialize)]
struct SkillRow<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    postings: u64,
    share: f64,
    required_share: f64,
    preferred_share: f64,
}

/// The report.
#[derive(Serialize)]
struct Report<'a> {
    postings: u64,
    failed: u64,
    top_skills: Vec<SkillRow<'a>>,
    top_by_category: BTreeMap<&'a str, Vec<SkillRow<'a>>>,
    seniority: BTreeMap<String, u64>,
    /// Postings by the largest minimum years they ask (buckets "0-1", "2-3", "4-5", "6-9", "10+", "none").
    years: BTreeMap<&'static str, u64>,
}

fn bucket(years: Option<f64>) -> &'static str {
    match years {
        None => "none",
        Some(y) if y < 2.0 => "0-1",
        Some(y) if y < 4.0 => "2-3",
        Some(y) if y < 6.0 => "4-5",
        Some(y) if y < 10.0 => "6-9",
        Some(_) => "10+",
    }
}

/// Counts over the corpus.
#[derive(Default)]
struct Counts {
    skills: HashMap<String, SkillCount>,
    postings: u64,
    failed: u64,
    seniority: BTreeMap<String, u64>,
    years: BTreeMap<&'static str, u64>,
}

/// Reads tagged lines from `input` and writes the report (JSON, or an aligned table) to `out`.
pub fn run(input: impl BufRead, out: &mut impl Write, json: bool, top: usize) -> io::Result<()> {
    let counts = count(input)?;
    report(&counts, out, json, top)
}

fn count(input: impl BufRead) -> io::Result<Counts> {
    let mut skills: HashMap<String, SkillCount> = HashMap::new();
    let (mut postings, mut failed) = (0u64, 0u64);
    let mut seniority: BTreeMap<String, u64> = BTreeMap::new();
    let mut years: BTreeMap<&'static str, u64> = BTreeMap::new();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("line {}: bad JSON: {e}", n + 1),
            )
        })?;
        if doc.get("error").is_some() || doc.get("skills").is_none() {
            failed += 1;
            continue;
        }
        postings += 1;
        for s in doc["skills"].as_array().into_iter().flatten() {
            let Some(id) = s["id"].as_str() else { continue };
            let c = skills.entry(id.to_string()).or_default();
            if c.name.is_empty() {
                c.name = s["name"].as_str().unwrap_or(id).to_string();
                c.category = s["category"].as_str().unwrap_or("").to_string();
            }
            c.postings += 1;
            match s["requirement"].as_str() {
                Some("required") => c.required += 1,
                Some("preferred") => c.preferred += 1,
                _ => {}
            }
        }
        let level = doc["seniority"]["level"].as_str().unwrap_or("none").to_string();
        *seniority.entry(level).or_default() += 1;
        let max_min = doc["experience"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["min_years"].as_f64())
            .fold(None, |m: Option<f64>, y| Some(m.map_or(y, |m| m.max(y))));
        *years.entry(bucket(max_min)).or_default() += 1;
    }
    Ok(Counts {
        skills,
        postings,
        failed,
        seniority,
        years,
    })
}

fn report<'a>(counts: &'a Counts, out: &mut impl Write, json: bool, top: usize) -> io::Result<()> {
    let postings = counts.postings;
    let mut ranked: Vec<(&'a str, &'a SkillCount)> =
        counts.skills.iter().map(|(k, v)| (k.as_str(), v)).collect();
    ranked.sort_by(|a, b| b.1.postings.cmp(&a.1.postings).then(a.0.cmp(b.0)));
    let row = |id: &'a str, c: &'a SkillCount| -> SkillRow<'a> {
        let share = |k: u64| {
            if c.postings == 0 {
                0.0
            } else {
                round(k as f64 / c.postings as f64)
            }
        };
        SkillRow {
            id,
            name: c.name.as_str(),
            category: c.category.as_str(),
            postings: c.postings,
            share: if postings == 0 {
                0.0
            } else {
                round(c.postings as f64 / postings as f64)
            },
            required_share: share(c.required),
            preferred_share: share(c.preferred),
        }
    };
    let mut by_category: BTreeMap<&str, Vec<SkillRow>> = BTreeMap::new();
    for &(id, c) in &ranked {
        let list = by_category.entry(c.category.as_str()).or_default();
        if list.len() < top.min(10) {
            list.push(row(id, c));
        }
    }
    let report = Report {
        postings,
        failed: counts.failed,
        top_skills: ranked.iter().take(top).map(|&(id, c)| row(id, c)).collect(),
        top_by_category: by_category,
        seniority: counts.seniority.clone(),
        years: counts.years.clone(),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} postings ({} failed records skipped)\n",
        report.postings, report.failed
    )?;
    writeln!(
        out,
        "{:<28} {:<18} {:>9} {:>7} {:>9} {:>10}",
        "skill", "category", "postings", "share", "required", "preferred"
    )?;
    for r in &report.top_skills {
        writeln!(
            out,
            "{:<28} {:<18} {:>9} {:>6.1}% {:>8.1}% {:>9.1}%",
            truncate(r.name, 28),
            truncate(r.category, 18),
            r.postings,
            r.share * 100.0,
            r.required_share * 100.0,
            r.preferred_share * 100.0
        )?;
    }
    writeln!(out, "\nby category (top {}):", top.min(10))?;
    for (cat, rows) in &report.top_by_category {
        let names: Vec<String> = rows
            .iter()
            .map(|r| format!("{} ({})", r.name, r.postings))
            .collect();
        writeln!(out, "  {:<18} {}", cat, names.join(", "))?;
    }
    writeln!(out, "\nseniority:")?;
    for (level, n) in &report.seniority {
        writeln!(out, "  {level:<12} {n:>9}")?;
    }
    writeln!(out, "\nlargest minimum years asked:")?;
    for b in ["0-1", "2-3", "4-5", "6-9", "10+", "none"] {
        writeln!(out, "  {b:<12} {:>9}", report.years.get(b).copied().unwrap_or(0))?;
    }
    Ok(())
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}
