//! The labelled dev set of `../shared/eval/dev` (when present): precision and recall on skills
//! stay at 0.95 or above, scored as `../shared/eval/score.py` scores them. A clone without
//! `../shared` skips this test with a message.

use jdtag::Tagger;
use std::collections::HashSet;
use std::path::Path;

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '_' | '/' | '(' | ')'))
        .collect()
}

#[test]
fn dev_set_precision_and_recall() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    if !set.join("gold").is_dir() {
        eprintln!(
            "skipped: {} is absent (it ships beside the project, not with it)",
            set.display()
        );
        return;
    }
    let tagger = Tagger::new();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut report = Vec::new();
    let mut golds: Vec<_> = std::fs::read_dir(set.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    golds.sort();
    for gold_path in golds {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let stem = gold_path.file_stem().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(set.join("texts").join(format!("{stem}.txt"))).unwrap();
        let items: Vec<HashSet<String>> = gold["skills"]
            .as_array()
            .unwrap()
            .iter()
            .map(|alts| {
                alts.as_array()
                    .unwrap()
                    .iter()
                    .map(|n| norm(n.as_str().unwrap()))
                    .collect()
            })
            .collect();
        let neutral: HashSet<String> = gold["neutral"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| norm(n.as_str().unwrap()))
            .collect();
        let mut found = vec![false; items.len()];
        for s in Tagger::tag(&tagger, &text).skills {
            if s.category.as_str().starts_with("soft") {
                continue;
            }
            let mut names: HashSet<String> = [norm(&s.name), norm(&s.id)].into();
            names.extend(s.mentions.iter().map(|m| norm(&m.text)));
            let mut hit = false;
            for (i, alts) in items.iter().enumerate() {
                if !alts.is_disjoint(&names) {
                    found[i] = true;
                    hit = true;
                }
            }
            if !hit && neutral.is_disjoint(&names) {
                fp += 1;
                report.push(format!("{stem}: false {}", s.name));
            }
        }
        for (i, f) in found.iter().enumerate() {
            if *f {
                tp += 1;
            } else {
                fn_ += 1;
                report.push(format!("{stem}: missed {}", gold["skills"][i][0]));
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!("dev skills: precision {p:.3} recall {r:.3} (tp {tp} fp {fp} fn {fn_})");
    assert!(
        p >= 0.95 && r >= 0.95,
        "precision {p:.3} recall {r:.3}:\n{}",
        report.join("\n")
    );
}
