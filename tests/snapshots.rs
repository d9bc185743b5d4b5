//! Whole-document snapshots of the fixture postings (reviewed like code: `cargo insta review`),
//! and span checks: every mention's span in the source reads as the mention.

use jdtag::{Tagger, Tags};

fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 6, "need at least 6 fixture postings");
    out
}

#[test]
fn fixture_postings_snapshots() {
    let tagger = Tagger::new();
    for (name, text) in fixtures() {
        let tags = tagger.tag(&text);
        insta::assert_json_snapshot!(name.clone(), tags);
    }
}

#[test]
fn spans_index_the_original_input() {
    let tagger = Tagger::new();
    for (name, text) in fixtures() {
        let tags = tagger.tag(&text);
        for s in &tags.skills {
            for m in &s.mentions {
                assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "{name}: {m:?}");
            }
        }
        for sec in &tags.sections {
            assert!(text[sec.start..sec.end].contains(&sec.heading), "{name}: {sec:?}");
        }
    }
}

#[test]
fn output_round_trips_through_the_documented_types() {
    let tagger = Tagger::new();
    for (_, text) in fixtures() {
        let tags = tagger.tag(&text);
        let json = serde_json::to_string(&tags).unwrap();
        let back: Tags = serde_json::from_str(&json).unwrap();
        assert_eq!(back, tags);
    }
}

#[test]
fn markdown_offsets_survive_emphasis_entities_links_and_code() {
    let src = "## Stack\n\n**Go** &amp; *Rust*, [Kafka](https://kafka.apache.org) and `Redis` \\& C\\#\n";
    let tags = Tagger::new().tag(src);
    assert_eq!(tags.format, "markdown");
    let spans: Vec<(&str, &str)> = tags
        .skills
        .iter()
        .map(|s| (s.id.as_str(), &src[s.mentions[0].start..s.mentions[0].end]))
        .collect();
    assert_eq!(
        spans,
        [
            ("go", "Go"),
            ("rust", "Rust"),
            ("kafka", "Kafka"),
            ("redis", "Redis"),
            ("csharp", "C\\#")
        ]
    );
    assert_eq!(tags.sections[0].heading, "Stack");
}

#[test]
fn tagger_is_shared_across_threads_with_the_same_output() {
    let tagger = Tagger::new();
    let docs: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    let want: Vec<Tags> = docs.iter().map(|d| tagger.tag(d)).collect();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for (d, w) in docs.iter().zip(&want) {
                    assert_eq!(&tagger.tag(d), w);
                }
            });
        }
    });
}
