//! Bulk mode through the real binary: JSON Lines and CSV in, ordered JSON Lines out, error
//! records, threads, compression, limits, and `jdtag stats`.

mod common;

use common::run;
use std::process::Output;

fn lines(out: &Output) -> Vec<serde_json::Value> {
    out.stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(l))))
        .collect()
}

fn ids(doc: &serde_json::Value) -> Vec<&str> {
    doc["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect()
}

/// A corpus of `n` records cycling through a few postings.
fn corpus(n: usize) -> String {
    let texts = [
        "Go and Kubernetes",
        "Python, pandas and SQL",
        "React and TypeScript",
        "Java 17, Spring Boot",
    ];
    (0..n)
        .map(|i| {
            serde_json::json!({"id": i, "text": texts[i % texts.len()], "src": format!("s{i}")}).to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn jsonl_records_come_out_in_order_with_ids_and_kept_fields() {
    let out = run(&["--jsonl", "--keep-fields", "src"], corpus(5000).as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = lines(&out);
    assert_eq!(docs.len(), 5000);
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d["id"], i);
        assert_eq!(d["src"], format!("s{i}"));
    }
    assert_eq!(ids(&docs[0]), ["go", "kubernetes"]);
    assert_eq!(ids(&docs[3]), ["java", "spring-boot"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("5000 records, 0 failed"), "{err}");
}

#[test]
fn one_thread_and_many_give_the_same_bytes() {
    let input = corpus(3000);
    let one = run(&["--jsonl", "--threads", "1"], input.as_bytes());
    let many = run(&["--jsonl", "--threads", "4"], input.as_bytes());
    assert!(one.status.success() && many.status.success());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn broken_records_give_error_lines_and_exit_1() {
    let input = b"{\"id\": 1, \"text\": \"Rust and C++\"}\nnot json\n{\"id\": 3, \"text\": 42}\n{\"id\": 4}\n[1,2]\n{\"id\": 6, \"text\": \"Ruby \xff\"}\n{\"id\": 7, \"text\": \"Scala\"}\n";
    let out = run(&["--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 7, "one output line per input line");
    assert_eq!(ids(&docs[0]), ["rust", "cpp"]);
    assert_eq!(
        (
            docs[1]["line"].as_u64(),
            docs[1]["error"].as_str().map(|e| e.starts_with("bad JSON"))
        ),
        (Some(2), Some(true))
    );
    assert_eq!(docs[2]["error"], "text field \"text\" is a number, not a string");
    assert_eq!(docs[2]["id"], 3);
    assert_eq!(docs[3]["error"], "missing text field \"text\"");
    assert_eq!(docs[4]["error"], "the line is not a JSON object");
    assert!(docs[5]["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(ids(&docs[6]), ["scala"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("7 records, 5 failed"));
}

#[test]
fn several_text_fields_make_title_and_body() {
    let input =
        b"{\"id\": \"a\", \"title\": \"Senior Data Engineer\", \"description\": \"Spark and Airflow.\"}\n";
    let out = run(&["--jsonl", "--text-field", "title,description"], input);
    let doc = &lines(&out)[0];
    assert_eq!(doc["title"]["text"], "Senior Data Engineer");
    assert_eq!(doc["seniority"]["level"], "senior");
    assert_eq!(ids(doc), ["apache-spark", "airflow"]);
}

#[test]
fn id_field_and_max_bytes_and_truncate() {
    let long = format!("Go {}", "x ".repeat(600));
    let input = serde_json::json!({"ref": "r1", "text": long}).to_string() + "\n";
    let out = run(
        &["--jsonl", "--id-field", "ref", "--max-bytes", "100"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = &lines(&out)[0];
    assert_eq!(doc["id"], "r1");
    assert!(doc["error"].as_str().unwrap().contains("the limit is 100"));
    let out = run(
        &["--jsonl", "--id-field", "ref", "--max-bytes", "100", "--truncate"],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert_eq!(doc["warnings"][0]["code"], "truncated");
}

#[test]
fn csv_with_quoted_newlines() {
    let input =
        "id,title,text\n1,Backend,\"Go services\non Kubernetes\"\n2,Data,\"Python, \"\"pandas\"\"\"\n";
    let out = run(&["--csv", "--keep-fields", "title"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "1");
    // The output has its own `title`: the input's comes through as `input_title`.
    assert_eq!(docs[0]["input_title"], "Backend");
    assert_eq!(ids(&docs[0]), ["go", "kubernetes"]);
    assert_eq!(ids(&docs[1]), ["python", "pandas"]);
}

#[test]
fn gzip_and_zstd_in_and_out() {
    let dir = std::env::temp_dir().join(format!("jdtag-bulk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("in.jsonl");
    std::fs::write(&plain, corpus(50)).unwrap();
    let gz = dir.join("out.jsonl.gz");
    let out = run(
        &["--jsonl", plain.to_str().unwrap(), "-o", gz.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Read it back through the decompressing input, into zstd.
    let zst = dir.join("again.jsonl.zst");
    let out = run(&["stats", gz.to_str().unwrap(), "--json"], b"");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["postings"], 50);
    let input_gz = dir.join("in.jsonl.gz");
    std::fs::copy(&gz, &input_gz).unwrap();
    let out = run(
        &["--jsonl", plain.to_str().unwrap(), "-o", zst.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success());
    let out = run(&["stats", zst.to_str().unwrap(), "--json"], b"");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["postings"], 50);
    assert_eq!(stats["top_skills"][0]["postings"], 13);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stats_counts_skills_requirement_seniority_and_years() {
    let input = [
        serde_json::json!({"id": 1, "text": "Senior Engineer\nRequirements\n- 5+ years of Python\n- Docker"}),
        serde_json::json!({"id": 2, "text": "Junior Developer\nRequirements\n- Python\nNice to have\n- Docker"}),
        serde_json::json!({"id": 3}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let tagged = run(&["--jsonl"], input.as_bytes());
    let out = run(&["stats", "--json"], &tagged.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((s["postings"].as_u64(), s["failed"].as_u64()), (Some(2), Some(1)));
    let top = &s["top_skills"];
    let python = top
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "python")
        .unwrap();
    assert_eq!(
        (
            python["postings"].as_u64(),
            python["share"].as_f64(),
            python["required_share"].as_f64()
        ),
        (Some(2), Some(1.0), Some(1.0))
    );
    let docker = top
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "docker")
        .unwrap();
    assert_eq!(
        (
            docker["required_share"].as_f64(),
            docker["preferred_share"].as_f64()
        ),
        (Some(0.5), Some(0.5))
    );
    assert_eq!(
        (
            s["seniority"]["senior"].as_u64(),
            s["seniority"]["junior"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        (s["years"]["4-5"].as_u64(), s["years"]["none"].as_u64()),
        (Some(1), Some(1))
    );
    let table = run(&["stats"], &tagged.stdout);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.starts_with("2 postings (1 failed records skipped)"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("Python ")), "{text}");
}
