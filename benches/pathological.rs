//! Pathological inputs at three sizes (1×, 4×, 16× bytes) so that growth is visible: a linear
//! stage takes about 4× the time per step. `cargo bench --bench pathological`.
//!
//! Before measuring, every input is timed once at each size, smallest first; a size whose
//! smaller neighbour already took over `PROBE_LIMIT` is left out of the criterion run (and
//! reported as skipped), so that a quadratic stage cannot stall the run. The probe times and
//! growth factors are printed to stderr as a table.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jdtag::{DocKind, Format, Tagger};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SCALES: [usize; 3] = [1, 4, 16];
const PROBE_LIMIT: Duration = Duration::from_secs(1);

#[path = "../tests/common/unicode.rs"]
mod unicode;
use unicode::{DASHES, SPACES};

/// `unit` repeated and cut to `bytes` bytes (or the next character boundary).
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes.div_ceil(unit.len()));
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut += 1;
    }
    s.truncate(cut);
    s
}

/// The cases read as résumés (`DocKind::Resume`); the others are read as `auto` decides.
const RESUME_CASES: &[&str] = &[
    "degree_lines_one_line",
    "degree_sentences_one_line",
    "dated_pieces_one_line",
];

struct Case {
    name: &'static str,
    format: Format,
    /// The input at scale `s` (1, 4 or 16).
    make: Box<dyn Fn(usize) -> String>,
}

fn cases(tagger: &Tagger) -> Vec<Case> {
    const K: usize = 1024;
    let names: Vec<String> = tagger.lexicon().entries().map(|e| e.name().to_string()).collect();
    let wall = names.join(", ") + ", ";
    let glued = names.concat();
    let mut spaced = String::new();
    for (i, c) in SPACES.iter().chain(DASHES).enumerate() {
        spaced.push_str(
            [
                "Go", "K8s", "Java", "5", "years", "C++", "full", "time", "Node.js", "senior",
            ][i % 10],
        );
        spaced.push(*c);
    }
    vec![
        Case {
            name: "no_spaces_x",
            format: Format::Text,
            make: Box::new(|s| "x".repeat(256 * K * s)),
        },
        Case {
            name: "no_spaces_glued_names",
            format: Format::Text,
            make: Box::new(move |s| repeat_to(&glued, 256 * K * s)),
        },
        Case {
            name: "years_repeated",
            format: Format::Text,
            make: Box::new(|s| repeat_to("years ", 64 * K * s)),
        },
        Case {
            // One long sentence of years statements and technologies: cubic in the experience
            // extractor (every statement counts the words to every technology), so small sizes.
            name: "n_years_of_java",
            format: Format::Text,
            make: Box::new(|s| repeat_to("5+ years of Java, ", 2 * K * s)),
        },
        Case {
            // One long sentence of numbers after a pay cue: the salary extractor scans the whole
            // sentence around every number (quadratic; found profiling `no_spaces_glued_names`).
            name: "pay_numbers_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("pay 5 ", 4 * K * s)),
        },
        Case {
            // One line of thousands of "|" fields: the header-field reader searched the rest of
            // the line for every separator at every field (quadratic; 1 MB took 100 s).
            name: "pipe_fields_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("great pay | ", 16 * K * s)),
        },
        Case {
            // A résumé line of thousands of lone dates: for each, the work-history reader read
            // the whole rest of the line for places and role nouns (quadratic: 30 KB took 2.5 s
            // of CPU, 300 KB over 300 s, until the reading was bounded around each date).
            name: "dated_words_one_line",
            format: Format::Text,
            make: Box::new(|s| format!("Jane Doe\nEducation\n{}", repeat_to("CBSE 2010 ", 16 * K * s))),
        },
        Case {
            // One line of bullets, then right-to-left text with direction marks: every
            // character that may open a line with a pictograph looked back to its line's start
            // (quadratic: 1 MB of "• " took 0.5 s of CPU, 4 MB 7.8 s).
            name: "bullets_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("• ", 64 * K * s)),
        },
        Case {
            // One line of office words: each looked back to its line's start for a place name
            // before it (quadratic: 1 MB of "Office, " took 8 s).
            name: "office_words_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("Office, ", 64 * K * s)),
        },
        Case {
            // A résumé line of degrees: each read its whole line for a school and a year
            // (quadratic: 1 MB of "Master Informatique " took 3.4 s).
            name: "degree_lines_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("Master Informatique ", 64 * K * s)),
        },
        Case {
            // Degrees in sentences of one line: each degree looked for the lines of all the
            // others in a list (quadratic: 4 MB of this took 11 s, 1 MB 0.77 s).
            name: "degree_sentences_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("libraries.  EDUCATION  Bachelor of Technology in ", 64 * K * s)),
        },
        Case {
            // Durations restated in brackets, in one sentence: each bracketed figure looked for
            // the statement before it from the sentence's last one (quadratic: 8 MB took 16 s,
            // 2 MB 1.3 s).
            name: "restated_durations_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("e one year (52 weeks) of specialized e", 64 * K * s)),
        },
        Case {
            // One run of a capitalised name glued to itself ("ConsulConsul…"): from each capital
            // the matcher read the run to its end, then tried every capital after it (cubic: 20 KB
            // took 41 s until the reading stopped at the longest first segment of any name).
            name: "glued_capitals_run",
            format: Format::Text,
            make: Box::new(|s| repeat_to("Consul", 16 * K * s)),
        },
        Case {
            // One sentence of mentions and preferred cues: each mention read the whole sentence's
            // parts again (quadratic: 20 KB took 7.9 s until they were read once per sentence).
            name: "preferred_cues_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("rience of AWS is desirable Experience of wo", 16 * K * s)),
        },
        Case {
            // A résumé line of thousands of dates: each looked for the line above it among all
            // the dated lines (quadratic: 4 MB of " ~ 2018.02 " took 12.5 s, now 1.3 s).
            name: "dated_pieces_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to(" ~ 2018.02 ", 64 * K * s)),
        },
        Case {
            // One sentence of year ranges: each read the sentence to its ends for the header
            // field around it (quadratic: 160 KB of "18 and 50 years " took 3.9 s, now 0.13 s).
            name: "year_ranges_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("18 and 50 years ", 16 * K * s)),
        },
        Case {
            // One sentence of location cues: each read the sentence back to its start for a
            // subject (quadratic: 160 KB took 1.8 s, now 0.07 s).
            name: "location_cues_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("our team is located in <LOCATION> and ", 16 * K * s)),
        },
        Case {
            // One sentence of level words: each looked ahead to its sentence's end for a role
            // noun (quadratic: 300 KB of "Lead " took 12 s until the look-ahead was bounded).
            name: "level_words_one_sentence",
            format: Format::Text,
            make: Box::new(|s| repeat_to("Lead ", 16 * K * s)),
        },
        Case {
            // One line of lower-case office names after a skill phrase: every list item looked
            // back to its line start (quadratic until the look-back was bounded).
            name: "lowercase_lists_one_line",
            format: Format::Text,
            make: Box::new(|s| repeat_to("knowledge in using word and excel. ", 16 * K * s)),
        },
        Case {
            // A résumé header of thousands of contacts and profile labels: every skill mention
            // was checked against every contact (quadratic until `Covering`).
            name: "contact_header_one_line",
            format: Format::Text,
            make: Box::new(|s| {
                format!(
                    "Jane Doe\n{}\nSkills\nPython",
                    repeat_to("jane@doe.io | LinkedIn | GitHub | ", 16 * K * s)
                )
            }),
        },
        Case {
            // Résumé lines flattened into one: every degree, language and certification read
            // its whole line (the degree case took 368 s for 1.2 MB before the reach bound).
            name: "resume_items_one_line",
            format: Format::Text,
            make: Box::new(|s| {
                format!(
                    "Jane Doe\njane@doe.io\n{}",
                    repeat_to(
                        "MSc Computer Science, TU Munich, 2019. Languages: English (fluent), German (B2). AWS Certified Solutions Architect (2021). ",
                        16 * K * s
                    )
                )
            }),
        },
        Case {
            // Facet labels and values on one line: every value was checked against every label.
            name: "facet_labels_one_line",
            format: Format::Text,
            make: Box::new(|s| {
                repeat_to(
                    "Job type: Full-time | Location: Remote | Lead Generation senior engineer | ",
                    16 * K * s,
                )
            }),
        },
        Case {
            name: "tech_wall",
            format: Format::Text,
            make: Box::new(move |s| repeat_to(&wall, 64 * K * s)),
        },
        Case {
            name: "md_nested_lists_one_line",
            format: Format::Markdown,
            make: Box::new(|s| "- ".repeat(1000 * s) + "Java and Go\n"),
        },
        Case {
            name: "md_nested_quotes_one_line",
            format: Format::Markdown,
            make: Box::new(|s| "> ".repeat(1000 * s) + "Java and Go\n"),
        },
        Case {
            // `depth` lines each indented one level deeper: bytes grow with depth², so depth
            // doubles per 4× step.
            name: "md_indented_lists",
            format: Format::Markdown,
            make: Box::new(|s| {
                let depth = 64 * (s as f64).sqrt() as usize;
                (0..depth)
                    .map(|i| format!("{}- Java {i}\n", "  ".repeat(i)))
                    .collect()
            }),
        },
        Case {
            name: "md_quoted_lists_many_lines",
            format: Format::Markdown,
            make: Box::new(|s| repeat_to("> > - > - **Go** and `K8s` [Java](http://x)\n", 64 * K * s)),
        },
        Case {
            name: "html_nested_divs",
            format: Format::Html,
            make: Box::new(|s| {
                format!(
                    "{}Java and Go{}",
                    "<div>".repeat(625 * s),
                    "</div>".repeat(625 * s)
                )
            }),
        },
        Case {
            name: "html_nested_unclosed",
            format: Format::Html,
            make: Box::new(|s| "<ul><li><p><b>Go ".repeat(625 * s)),
        },
        Case {
            name: "html_huge_attribute",
            format: Format::Html,
            make: Box::new(|s| {
                format!(
                    "<p title=\"{}\">Kubernetes</p>",
                    repeat_to("Java Go ", 256 * K * s)
                )
            }),
        },
        Case {
            name: "nul_bytes",
            format: Format::Text,
            make: Box::new(|s| repeat_to("Go\0K8s\0\0\0 \0", 256 * K * s)),
        },
        Case {
            name: "nul_only",
            format: Format::Auto,
            make: Box::new(|s| "\0".repeat(256 * K * s)),
        },
        Case {
            name: "unicode_spaces_dashes",
            format: Format::Text,
            make: Box::new(move |s| repeat_to(&spaced, 256 * K * s)),
        },
        Case {
            name: "rtl",
            format: Format::Text,
            make: Box::new(|s| {
                repeat_to(
                    "מפתח Java בכיר עם 5 שנות ניסיון ב-Go. مطور بايثون \u{202e}Kubernetes\u{202c} ",
                    256 * K * s,
                )
            }),
        },
        Case {
            name: "combining_mixed",
            format: Format::Text,
            make: Box::new(|s| {
                repeat_to(
                    "Ja\u{301}va G\u{308}o K8s\u{301}\u{302} e\u{301}\u{300}\u{302} years\u{303} ",
                    256 * K * s,
                )
            }),
        },
        Case {
            name: "combining_one_cluster",
            format: Format::Text,
            make: Box::new(|s| format!("Java a{} Go", "\u{301}".repeat(32 * K * s))),
        },
    ]
}

fn pathological(c: &mut Criterion) {
    let tagger = Tagger::new();
    let _ = tagger.tag("warm up Java and Go");
    let resume_tagger = Tagger::builder()
        .kind(DocKind::Resume)
        .build()
        .expect("the built-in lexicon builds");
    let mut table = Vec::new();
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for case in cases(&tagger) {
        let tagger = if RESUME_CASES.contains(&case.name) {
            &resume_tagger
        } else {
            &tagger
        };
        let mut probe: Vec<Option<(usize, Duration)>> = Vec::new();
        let mut slow = false;
        for s in SCALES {
            if slow {
                probe.push(None);
                continue;
            }
            let input = (case.make)(s);
            let t = Instant::now();
            black_box(tagger.tag_with(&input, case.format));
            let took = t.elapsed();
            probe.push(Some((input.len(), took)));
            slow = took > PROBE_LIMIT;
        }
        for (s, p) in SCALES.iter().zip(&probe) {
            let Some((bytes, took)) = *p else {
                eprintln!(
                    "{}/{s}x: skipped, the smaller size already took over {PROBE_LIMIT:?}",
                    case.name
                );
                continue;
            };
            if took > PROBE_LIMIT {
                eprintln!(
                    "{}/{s}x: one run took {took:?}: not measured by criterion",
                    case.name
                );
                continue;
            }
            let input = (case.make)(*s);
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_with_input(
                BenchmarkId::new(case.name, format!("{s}x_{}B", bytes)),
                &input,
                |b, input| b.iter(|| black_box(tagger.tag_with(input, case.format))),
            );
        }
        eprintln!("probe: {}", row(case.name, &probe));
        table.push((case.name, probe));
    }
    g.finish();
    eprintln!("\nprobe (one run each): size and time at 1x / 4x / 16x, growth per step (linear ≈ 4)");
    for (name, probe) in table {
        eprintln!("{}", row(name, &probe));
    }
}

/// One line of the probe table: sizes and times, and the growth factor per step.
fn row(name: &str, probe: &[Option<(usize, Duration)>]) -> String {
    {
        let cells: Vec<String> = probe
            .iter()
            .map(|p| {
                p.map_or("skipped".into(), |(b, t)| {
                    format!("{b} B {:.2} ms", t.as_secs_f64() * 1e3)
                })
            })
            .collect();
        let growth: Vec<String> = probe
            .windows(2)
            .map(|w| match (w[0], w[1]) {
                (Some((_, a)), Some((_, b))) => {
                    format!("{:.1}x", b.as_secs_f64() / a.as_secs_f64().max(1e-9))
                }
                _ => "-".into(),
            })
            .collect();
        format!("{name:28} {} | {}", cells.join(" | "), growth.join(" "))
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
