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

/// Every span of every fixture (mentions, section headings, title, experience, education,
/// salary, location, certifications, facet and seniority evidence) lies on char boundaries
/// inside the input, and its source slice reads as the tag's text.
///
/// "Reads as": the slice may hold markup the tag's text does not (HTML tags and entities,
/// Markdown emphasis, link targets, line breaks), so both sides are compared as their letters
/// and digits only, after the slice lost its HTML tags and Markdown link targets and had its
/// entities decoded (a tiny decoder for the entities postings use; an unknown entity stays as
/// written and fails the check, so a gap shows). A page read from its JSON-LD (see
/// `script-drawn-jsonld.html`) has its JSON escapes (`\u003c`) read first, and a value made of
/// several JSON members ("Amsterdam, NL", "USD 78000 – 96500 per YEAR") reads as its words in
/// order across the JSON between.
#[test]
fn every_span_reads_as_its_text_in_the_source() {
    /// `\uXXXX` escapes (of one UTF-16 unit) read.
    fn json_unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("\\u") {
            out.push_str(&rest[..i]);
            match rest
                .get(i + 2..i + 6)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
            {
                Some(c) => {
                    out.push(c);
                    rest = &rest[i + 6..];
                }
                None => {
                    out.push('\\');
                    rest = &rest[i + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
    fn decode(s: &str) -> String {
        let s = json_unescape(s);
        let mut out = String::new();
        let mut rest = s.as_str();
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let end = rest[..rest.len().min(12)].find(';');
            let decoded = end.and_then(|e| {
                let name = &rest[1..e];
                let c = match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" | "rsquo" | "lsquo" => '\'',
                    "ldquo" | "rdquo" => '"',
                    "nbsp" => ' ',
                    "ndash" | "mdash" => '-',
                    "middot" | "bull" | "hellip" | "copy" | "reg" | "trade" => '·',
                    "euro" => '€',
                    "pound" => '£',
                    "eacute" => 'é',
                    _ => {
                        let n = name.strip_prefix('#')?;
                        let code = match n.strip_prefix(['x', 'X']) {
                            Some(h) => u32::from_str_radix(h, 16).ok()?,
                            None => n.parse().ok()?,
                        };
                        char::from_u32(code)?
                    }
                };
                Some((c, e + 1))
            });
            match decoded {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
    /// The source slice without HTML tags and Markdown link targets ("](https://…)").
    fn strip_markup(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '<' && s[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!') {
                // Skip the tag.
                for (_, t) in chars.by_ref() {
                    if t == '>' {
                        break;
                    }
                }
                out.push(' ');
            } else if c == ']' && s[i + 1..].starts_with('(') {
                for (_, t) in chars.by_ref() {
                    if t == ')' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
    let alnum = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };

    let tagger = Tagger::new();
    for (name, text) in fixtures() {
        let tags = tagger.tag(&text);
        let mut spans: Vec<(&str, &str, usize, usize)> = Vec::new();
        for s in &tags.skills {
            for m in &s.mentions {
                spans.push(("mention", &m.text, m.start, m.end));
            }
        }
        for s in &tags.sections {
            spans.push(("section", &s.heading, s.start, s.end));
        }
        spans.extend(
            tags.title
                .iter()
                .map(|t| ("title", t.text.as_str(), t.start, t.end)),
        );
        spans.extend(
            tags.experience
                .iter()
                .map(|e| ("experience", e.text.as_str(), e.start, e.end)),
        );
        spans.extend(
            tags.education
                .iter()
                .map(|e| ("education", e.text.as_str(), e.start, e.end)),
        );
        spans.extend(
            tags.salary
                .iter()
                .map(|e| ("salary", e.text.as_str(), e.start, e.end)),
        );
        spans.extend(
            tags.location
                .iter()
                .map(|e| ("location", e.text.as_str(), e.start, e.end)),
        );
        spans.extend(
            tags.certifications
                .iter()
                .map(|e| ("certification", e.text.as_str(), e.start, e.end)),
        );
        spans.extend(
            tags.employment_type_evidence
                .iter()
                .chain(&tags.workplace_evidence)
                .map(|e| ("facet", e.text.as_str(), e.start, e.end)),
        );
        if let Some(s) = &tags.seniority {
            spans.extend(
                s.evidence
                    .iter()
                    .map(|e| ("seniority", e.text.as_str(), e.start, e.end)),
            );
        }
        assert!(!spans.is_empty(), "{name}: no spans");
        for (what, tag_text, start, end) in spans {
            let at = format!("{name}: {what} {tag_text:?} at {start}..{end}");
            assert!(start <= end && end <= text.len(), "{at}: out of range");
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{at}: not on char boundaries"
            );
            let source = alnum(&decode(&strip_markup(&json_unescape(&text[start..end]))));
            let want = alnum(&decode(tag_text));
            // Words in order, for a value made of several JSON members.
            let parts_in_order = || {
                text[start..end].contains("\":")
                    && tag_text
                        .split(|c: char| !c.is_alphanumeric())
                        // "per" is the reader's own word between amount and unit.
                        .filter(|w| !w.is_empty() && *w != "per")
                        .try_fold(0, |from, part| {
                            let part = alnum(part);
                            source[from..].find(&part).map(|i| from + i + part.len())
                        })
                        .is_some()
            };
            assert!(
                source.contains(&want) || parts_in_order(),
                "{at}: the source reads {:?}",
                &text[start..end]
            );
        }
    }
}
