//! Runs the table-driven matcher cases in `fixtures/cases/matcher*.toml`.

use jdtag::{DocKind, Format, Tagger};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    tags: Option<Vec<String>>,
    absent: Option<Vec<String>>,
    mentions: Option<Vec<String>>,
    format: Option<String>,
    /// "resume" or "posting" to read the text as that kind (default: decided).
    kind: Option<String>,
}

#[test]
fn matcher_cases() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases");
    let tagger = Tagger::new();
    let resumes = Tagger::builder().kind(DocKind::Resume).build().unwrap();
    let postings = Tagger::builder().kind(DocKind::Posting).build().unwrap();
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    // The matcher files; the extractors have their own files and runner (tests/extract_cases.rs).
    let matcher_file = |p: &&std::path::PathBuf| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with("matcher") && name.ends_with(".toml")
    };
    for path in paths.iter().filter(matcher_file) {
        let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.case {
            rows += 1;
            let format = match case.format.as_deref() {
                None | Some("text") => Format::Text,
                Some("markdown") => Format::Markdown,
                Some(other) => panic!("unknown format {other}"),
            };
            assert!(
                case.tags.is_some() || case.absent.is_some(),
                "case {:?} checks nothing",
                case.text
            );
            let tagger = match case.kind.as_deref() {
                None => &tagger,
                Some("resume") => &resumes,
                Some("posting") => &postings,
                Some(other) => panic!("unknown kind {other}"),
            };
            let tags = tagger.tag_with(&case.text, format);
            let ids = tags.skill_ids();
            if let Some(want) = &case.tags
                && ids != *want
            {
                failures.push(format!("{:?}: tagged {ids:?}, want {want:?}", case.text));
            }
            for id in case.absent.iter().flatten() {
                if ids.contains(&id.as_str()) {
                    failures.push(format!("{:?}: tagged {id:?}, which must be absent", case.text));
                }
            }
            let mut mentions: Vec<_> = tags.skills.iter().flat_map(|s| &s.mentions).collect();
            mentions.sort_by_key(|m| m.start);
            for m in &mentions {
                if format == Format::Text && case.text.get(m.start..m.end) != Some(m.text.as_str()) {
                    failures.push(format!(
                        "{:?}: mention {:?} has span {}..{}",
                        case.text, m.text, m.start, m.end
                    ));
                }
            }
            if let Some(want) = &case.mentions {
                let got: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
                if got != *want {
                    failures.push(format!("{:?}: mentions {got:?}, want {want:?}", case.text));
                }
            }
        }
    }
    assert!(rows >= 80, "only {rows} cases");
    assert!(
        failures.is_empty(),
        "{} of {rows} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
