//! The real `jdtag` binary: stdin, files, several files, --pretty, invalid UTF-8, empty input,
//! lexicon subcommands, and a closed stdout.

mod common;

use common::{BIN, run};
use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings/backend-go.md");

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// The text of `src` that a span object (`start`, `end`) points to.
fn source_of<'a>(src: &'a str, span: &serde_json::Value) -> &'a str {
    let at = |k: &str| span[k].as_u64().expect("a span has start and end") as usize;
    &src[at("start")..at("end")]
}

/// The string `field` of each object in the array `list` of `doc`.
fn fields<'a>(doc: &'a serde_json::Value, list: &str, field: &str) -> Vec<&'a str> {
    doc[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_str().unwrap())
        .collect()
}

/// Each skill's first mention's text is the bytes of `src` its span names.
fn assert_mentions_index(src: &str, doc: &serde_json::Value) {
    for skill in doc["skills"].as_array().unwrap() {
        let m = &skill["mentions"][0];
        assert_eq!(source_of(src, m), m["text"].as_str().unwrap(), "{src}");
    }
}

fn ids(doc: &serde_json::Value) -> Vec<String> {
    doc["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn stdin_to_one_document() {
    let out = run(&[], b"Python and Kubernetes");
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["schema"], "1");
    assert_eq!(ids(&doc), ["python", "kubernetes"]);
    assert_eq!(
        out.stdout.iter().filter(|&&b| b == b'\n').count(),
        1,
        "compact: one line"
    );
}

#[test]
fn dash_reads_stdin_and_pretty_indents() {
    let out = run(&["-", "--pretty"], b"Rust and Python");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("{\n  \"schema\": \"1\""), "{text}");
    assert_eq!(ids(&json(&out)), ["rust", "python"]);
}

#[test]
fn one_file_prints_one_document() {
    let out = run(&[FIXTURE], b"");
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["format"], "markdown");
    assert!(ids(&doc).contains(&"go".to_string()));
    assert!(doc.get("path").is_none());
}

#[test]
fn several_files_print_json_lines_with_path() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings/data-engineer.txt");
    let out = run(&[FIXTURE, dir], b"");
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], FIXTURE);
    assert_eq!(lines[1]["format"], "text");
}

#[test]
fn a_folder_is_read_file_by_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings");
    let out = run(&[dir], b"");
    assert!(out.status.success());
    let n = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(n, std::fs::read_dir(dir).unwrap().count());
}

#[test]
fn format_flag_forces_plain_text() {
    let out = run(&["--format", "text"], b"## Skills\n**Java**");
    let doc = json(&out);
    assert_eq!(doc["format"], "text");
    assert_eq!(doc["skills"][0]["mentions"][0]["start"], 12);
    // Read as text, "## Skills" is still a heading line (with its hashes), not Markdown.
    assert_eq!(doc["sections"][0]["heading"], "## Skills");
}

#[test]
fn invalid_utf8_fails_with_the_offset() {
    let out = run(&[], b"Java \xff\xfe and Python");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid UTF-8 at byte 5"), "{err}");
}

#[test]
fn invalid_utf8_with_lossy_warns_and_keeps_offsets() {
    let out = run(&["--lossy"], b"Java \xff\xfe and Python");
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["warnings"][0]["code"], "invalid_utf8");
    let py = &doc["skills"][1]["mentions"][0];
    assert_eq!((py["start"].as_u64(), py["end"].as_u64()), (Some(12), Some(18)));
}

#[test]
fn mis_decoded_text_is_repaired_and_spans_index_the_original() {
    let src = "Youâ€™ll use PythonÃ¢â‚¬â„¢s stack.\nâ€¢ Kubernetesâ€”Docker\nExperience: 5+Â years of Java";
    let out = run(&[], src.as_bytes());
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(ids(&doc), ["python", "kubernetes", "docker", "java"]);
    assert_eq!(doc["warnings"][0]["code"], "mojibake");
    for skill in doc["skills"].as_array().unwrap() {
        let m = &skill["mentions"][0];
        assert_eq!(source_of(src, m), m["text"].as_str().unwrap());
    }
    let years = &doc["experience"][0];
    assert_eq!(years["min_years"], 5.0);
    assert_eq!(source_of(src, years), "Experience: 5+Â years of Java");
    assert_eq!(years["text"], "Experience: 5+ years of Java");
    // Real accented words are no mojibake.
    let out = run(&[], "Café in São Paulo: Python".as_bytes());
    assert!(json(&out)["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn typesetting_characters_read_plainly() {
    let src = "Skills\n\u{f0b7} Airﬂow, Conﬂuence\n\u{f0b7} Kuber\u{ad}netes\nAWS Certiﬁed Solutions Architect – Associate";
    let out = run(&["--kind", "resume"], src.as_bytes());
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["warnings"][0]["code"], "typography");
    assert_eq!(ids(&doc), ["airflow", "confluence", "kubernetes"]);
    let m = &doc["skills"][0]["mentions"][0];
    assert_eq!(
        (source_of(src, m), m["text"].as_str().unwrap()),
        ("Airﬂow", "Airflow")
    );
    assert_eq!(
        doc["certifications"][0]["id"],
        "aws-solutions-architect-associate"
    );
}

#[test]
fn a_resume_flattened_into_runs_of_spaces_gets_its_lines_back() {
    let cv = "Jane Doe\njane@example.com\n\nExperience\nData Engineer\nAcme Corp, Chicago, IL\nJan 2019 - Present\n\
        Built Spark and Airflow pipelines on AWS.\n\nData Analyst\nBeta LLC, Denver, CO\nMar 2016 - Dec 2018\n\
        Wrote SQL reports in Tableau.\n\nEducation\nDePaul University\nBachelor of Science in Computer Science, 2016\n\n\
        Skills\nPython, SQL, Spark, Airflow, Tableau";
    let flat = cv.replace('\n', "  ");
    let args = ["--kind", "resume", "--as-of", "2026-11"];
    let (lined, flattened) = (
        json(&run(&args, cv.as_bytes())),
        json(&run(&args, flat.as_bytes())),
    );
    assert_eq!(flattened["warnings"][0]["code"], "flattened");
    for doc in [&lined, &flattened] {
        let positions = doc["positions"].as_array().unwrap();
        assert_eq!(positions.len(), 2, "{doc}");
        assert_eq!(positions[0]["title"]["text"], "Data Engineer");
        assert_eq!(positions[1]["start"], "2016-03");
        assert_eq!(doc["education"][0]["graduation_year"], 2016);
    }
    assert_eq!(
        lined["total_experience_months"],
        flattened["total_experience_months"]
    );
    // Spans index the flattened text as given.
    let m = &flattened["positions"][0]["title"];
    assert_eq!(source_of(&flat, m), "Data Engineer");
}

#[test]
fn escaped_text_and_escaped_html_are_read_as_meant() {
    let escaped = r"Senior Data Engineer\n\nRequirements:\n- 5+ years of Python\n\nNice to have:\n- Kafka";
    let html = "&lt;p&gt;&lt;strong&gt;Requirements&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Nice to have: Kafka&lt;/p&gt;";
    let twice = html.replace('&', "&amp;");
    for (src, code, format) in [
        (escaped, "escaped_text", "text"),
        (html, "escaped_html", "html"),
        (&twice, "escaped_html_twice", "html"),
    ] {
        let out = run(&[], src.as_bytes());
        assert!(out.status.success());
        let doc = json(&out);
        assert_eq!(doc["warnings"][0]["code"], code, "{src}");
        assert_eq!(doc["format"], format);
        assert_eq!(ids(&doc), ["python", "kafka"], "{src}");
        assert_eq!(doc["skills"][0]["requirement"], "required", "{src}");
        assert_eq!(doc["skills"][1]["requirement"], "preferred", "{src}");
        assert_mentions_index(src, &doc);
    }
    // One escaped line break is not a lost JSON layer; `--format text` keeps escaped markup.
    let out = run(&[], br"Match \n in regexes with Python");
    assert!(json(&out)["warnings"].as_array().unwrap().is_empty());
    let out = run(&["--format", "text"], html.as_bytes());
    assert!(json(&out)["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn a_page_fills_what_its_text_leaves_out_from_its_job_posting_data() {
    let data = r#"{"@context": "https://schema.org/", "@type": "JobPosting", "title": "Data Engineer II",
        "description": "<p>Join our data platform team.</p>", "employmentType": "FULL_TIME",
        "jobLocationType": "TELECOMMUTE",
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressRegion": "TX"}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
          "value": {"@type": "QuantitativeValue", "minValue": 120000, "maxValue": 150000, "unitText": "YEAR"}}}"#;
    let page = |body: &str| {
        format!(
            "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{data}</script></head>\
             <body><main>{body}</main></body></html>"
        )
    };
    // The text says neither pay nor place nor type: the data's are read, spans on its values.
    let src = page(
        "<h1>Data Engineer II</h1><p>Join our data platform team.</p>\
         <ul><li>3+ years with Python and SQL</li><li>Experience with Airflow and dbt</li></ul>",
    );
    let doc = json(&run(&[], src.as_bytes()));
    assert_eq!(doc["title"]["text"], "Data Engineer II");
    let pay = &doc["salary"][0];
    assert_eq!(
        (pay["min"].as_f64(), pay["max"].as_f64()),
        (Some(120000.0), Some(150000.0))
    );
    assert_eq!(
        (&pay["currency"], &pay["period"]),
        (&"USD".into(), &"year".into())
    );
    let (start, end) = (
        pay["start"].as_u64().unwrap() as usize,
        pay["end"].as_u64().unwrap() as usize,
    );
    assert!(src[start..end].starts_with("USD") && src[start..end].ends_with("YEAR"));
    assert_eq!(doc["employment_type"], serde_json::json!(["full_time"]));
    assert_eq!(doc["workplace"], serde_json::json!(["remote"]));
    let place = &doc["location"][0];
    let (start, end) = (
        place["start"].as_u64().unwrap() as usize,
        place["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&src[start..end], r#"Austin", "addressRegion": "TX"#);
    assert_eq!(doc["warnings"][0]["code"], "json_ld_facts");
    let said = doc["warnings"][0]["message"].as_str().unwrap();
    assert!(said.contains("pay, place, employment type, workplace"), "{said}");
    assert!(!said.contains("title"), "{said}");
    // A title filled from the data brings its level words; the text's own level stays when
    // its title says one.
    for (title, body, level, basis) in [
        (
            "Senior Data Engineer",
            "<p>Build pipelines with Python.</p>",
            "senior",
            "title",
        ),
        (
            "Senior Data Engineer",
            "<p>Build pipelines. 2+ years of Python.</p>",
            "senior",
            "title",
        ),
        (
            "Data Engineer",
            "<p>Build pipelines with Python.</p>",
            "mid",
            "default",
        ),
        (
            "Senior Data Engineer",
            "<h1>Junior Data Engineer</h1><p>Python.</p>",
            "junior",
            "title",
        ),
    ] {
        let src = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\": \"JobPosting\", \"title\": \"{title}\", \"employmentType\": \"FULL_TIME\"}}</script></head><body>{body}</body></html>"
        );
        let doc = json(&run(&[], src.as_bytes()));
        assert_eq!(doc["seniority"]["level"], level, "{src}");
        assert_eq!(doc["seniority"]["basis"], basis, "{src}");
    }
    // The text's own statements stand, and nothing is filled.
    let src = page(
        "<h1>Data Engineer II</h1><p>Denver, CO · Hybrid · Part-time · $60 - $70 an hour</p>\
         <ul><li>3+ years with Python and SQL</li></ul>",
    );
    let doc = json(&run(&[], src.as_bytes()));
    assert_eq!(doc["salary"][0]["min"].as_f64(), Some(60.0));
    assert_eq!(doc["salary"].as_array().unwrap().len(), 1);
    assert_eq!(doc["location"][0]["text"], "Denver, CO");
    assert_eq!(doc["employment_type"], serde_json::json!(["part_time"]));
    assert_eq!(doc["workplace"], serde_json::json!(["hybrid"]));
    assert!(
        doc["warnings"].as_array().unwrap().is_empty(),
        "{}",
        doc["warnings"]
    );
}

#[test]
fn a_posting_with_its_lists_run_together_gets_its_sections_back() {
    let lined = "Senior Data Engineer. We build payments software for small businesses across \
        Europe and we are growing fast, with offices in Berlin and Lisbon.\nWhat you will do:\n\
        • Design and build pipelines\n• Own our data warehouse\n• Work with analysts and product \
        managers\nRequirements:\n• 5+ years of Python\n• Strong SQL\n• Experience with Airflow\n\
        Nice to have:\n• Kafka\n• Terraform\nBenefits:\n• Remote-first\n• 25 days PTO";
    // As a scraper that dropped every line break leaves it: bullets and headings inline.
    let flat = lined.replace('\n', " ");
    for (flat, warned) in [(flat, true), (lined.to_string(), false)] {
        let out = run(&["--kind", "posting"], flat.as_bytes());
        let doc = json(&out);
        let codes = fields(&doc, "warnings", "code");
        assert_eq!(codes.contains(&"run_together_lists"), warned, "{codes:?}");
        assert_eq!(ids(&doc), ["python", "sql", "airflow", "kafka", "terraform"]);
        assert_eq!(
            fields(&doc, "skills", "requirement"),
            ["required", "required", "required", "preferred", "preferred"],
            "{flat}"
        );
        assert_mentions_index(&flat, &doc);
    }
}

#[test]
fn emoji_bullets_and_dressed_headings_keep_their_sections() {
    let src = "Backend Engineer\n\n🚀 About us\nWe build payment rails.\n\n💻 What you will need\n\
        ✅ 4+ years with Go\n✅ PostgreSQL\n\n✨ Nice to have\n🔹 Kafka\n🔹 Terraform\n\n🎁 Benefits\n\
        👉 Remote work\n👉 Equity\n";
    let doc = json(&run(&[], src.as_bytes()));
    assert_eq!(doc["warnings"][0]["code"], "emoji_bullets");
    assert_eq!(
        fields(&doc, "sections", "kind"),
        ["about-company", "requirements", "preferred", "benefits"]
    );
    assert_eq!(
        fields(&doc, "skills", "requirement"),
        ["required", "required", "preferred", "preferred"]
    );
    assert_mentions_index(src, &doc);
}

#[test]
fn invalid_utf8_among_several_files_is_an_error_record() {
    let dir = std::env::temp_dir().join(format!("jdtag-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Go \xc3").unwrap();
    let out = run(&[bad.to_str().unwrap(), FIXTURE], b"");
    assert_eq!(out.status.code(), Some(1));
    let first: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(
        first["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte 3")
    );
    assert_eq!(
        out.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        2
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn empty_input_is_a_valid_empty_document() {
    let out = run(&[], b"");
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["skills"], serde_json::json!([]));
    assert_eq!(doc["title"], serde_json::Value::Null);
}

#[test]
fn missing_file_is_a_usage_error() {
    let out = run(&["/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[test]
fn closed_stdout_ends_quietly() {
    let big = "Java, Python, Go, Rust, Kubernetes, Docker, PostgreSQL. ".repeat(20_000);
    let mut child = Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // Dropping stdout closes the pipe, like `jdtag | head -c 10`.
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn lexicon_check_reports_file_and_line() {
    let dir = std::env::temp_dir().join(format!("jdtag-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("mine.toml");
    std::fs::write(
        &f,
        "[[tech]]\nid = \"acme\"\nname = \"Acme\"\ncategory = \"robot\"\n",
    )
    .unwrap();
    let out = run(&["lexicon", "check", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:4: unknown category \"robot\"", f.display())),
        "{err}"
    );

    std::fs::write(
        &f,
        "[[tech]]\nid = \"acme\"\nname = \"Acme\"\ncategory = \"database\"\nexamples = [\"we use Acme\", \"no such thing\"]\n",
    )
    .unwrap();
    let out = run(&["lexicon", "check", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":5: example \"no such thing\" does not tag \"acme\""),
        "{err}"
    );

    std::fs::write(
        &f,
        "[[tech]]\nid = \"acme\"\nname = \"Acme\"\ncategory = \"database\"\n",
    )
    .unwrap();
    let out = run(&["lexicon", "check", f.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tagged = run(&["--lexicon", f.to_str().unwrap()], b"Acme and Go");
    assert_eq!(ids(&json(&tagged)), ["acme", "go"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_lexicon_flag_exits_2() {
    let out = run(&["--lexicon", "/no/such/lexicon.toml"], b"Go");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lexicon_list_prints_builtin_entries() {
    let out = run(&["lexicon", "list"], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("kubernetes\tKubernetes\tcontainer\t")),
        "{}",
        &text[..500.min(text.len())]
    );
    let out = run(&["lexicon", "list", "--json"], b"");
    let first: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(first["aliases"].is_array());
}

#[test]
fn categories_flag_filters_and_bad_category_is_a_usage_error() {
    let out = run(&["--categories", "database"], b"Python and PostgreSQL");
    assert_eq!(ids(&json(&out)), ["postgresql"]);
    let out = run(&["--categories", "gadgets"], b"Python");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown category \"gadgets\""));
}

#[test]
fn lexicon_show_prints_one_entry_with_rules_and_source() {
    let out = run(&["lexicon", "show", "go"], b"");
    assert!(out.status.success());
    let doc = json(&out);
    assert_eq!(doc["name"], "Go");
    assert!(
        doc["rules"]["never"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "go-to-market")
    );
    assert!(
        doc["source"]
            .as_str()
            .unwrap()
            .starts_with("<built-in>/languages.toml:")
    );
    let out = run(&["lexicon", "show", "no-such-id"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lexicon_stats_counts_entries_aliases_and_rules() {
    let out = run(&["lexicon", "stats", "--json"], b"");
    assert!(out.status.success());
    let doc = json(&out);
    let entries = doc["entries"].as_u64().unwrap();
    assert!(entries >= 400);
    assert!(doc["aliases"].as_u64().unwrap() >= entries);
    let per: u64 = doc["categories"]
        .as_object()
        .unwrap()
        .values()
        .map(|c| c["entries"].as_u64().unwrap())
        .sum();
    assert_eq!(per, entries);
    assert!(doc["categories"]["language"]["with_rules"].as_u64().unwrap() > 0);
    let table = run(&["lexicon", "stats"], b"");
    assert!(
        String::from_utf8_lossy(&table.stdout)
            .lines()
            .last()
            .unwrap()
            .starts_with("total")
    );
}

#[test]
fn mentions_per_skill_are_capped_with_a_warning() {
    let text = "Python ".repeat(50);
    let out = run(&["--max-mentions", "10"], text.as_bytes());
    let doc = json(&out);
    assert_eq!(doc["skills"][0]["mentions"].as_array().unwrap().len(), 10);
    assert_eq!(doc["warnings"][0]["code"], "mentions_capped");
    assert!(
        doc["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("40 more times")
    );
}

#[test]
fn a_subcommand_after_an_option_is_explained_not_read_as_a_file() {
    let out = run(&["--as-of", "2026-11", "match", FIXTURE, FIXTURE], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("put it first"), "{err}");
    assert!(out.stdout.is_empty());
    // A file that happens to be named like a subcommand is tagged.
    let dir = std::env::temp_dir().join(format!("jdtag-subname-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("stats"), "Experience with Kubernetes").unwrap();
    let out = Command::new(BIN)
        .args(["--pretty", "stats"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["skills"][0]["id"], "kubernetes");
    std::fs::remove_dir_all(&dir).unwrap();
}
