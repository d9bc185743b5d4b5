//! Builds a realistic JSON Lines corpus of job postings from the project's fixtures,
//! deterministically: `cargo run --release --example corpus -- 100 > corpus.jsonl` writes about
//! 100 MB. Each record is a fixture posting with its lines shuffled within each section and a
//! varying header, so no two neighbouring records are byte-identical.

use std::io::{self, BufWriter, Write};

/// A small deterministic generator (64-bit LCG), so every run writes the same bytes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn main() -> io::Result<()> {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings");
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            std::fs::read_to_string(&p).map(|t| (name, t))
        })
        .collect::<io::Result<_>>()?;
    fixtures.sort();
    let cities = [
        "Berlin",
        "Austin",
        "Toronto",
        "Leeds",
        "Remote",
        "Lisbon",
        "Denver",
        "Bangalore",
    ];
    let mut rng = Lcg(42);
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut written, mut id) = (0usize, 0u64);
    while written < megabytes << 20 {
        let (name, text) = &fixtures[rng.next() as usize % fixtures.len()];
        // Shuffle lines inside each blank-line-separated block.
        let mut body = String::with_capacity(text.len() + 64);
        for block in text.split("\n\n") {
            let mut lines: Vec<&str> = block.lines().collect();
            if lines.len() > 2 {
                for i in (2..lines.len()).rev() {
                    let j = 1 + rng.next() as usize % i;
                    lines.swap(i, j);
                }
            }
            body.push_str(&lines.join("\n"));
            body.push_str("\n\n");
        }
        let record = serde_json::json!({
            "id": id,
            "source": name,
            "location": cities[rng.next() as usize % cities.len()],
            "text": body,
        });
        let line = serde_json::to_string(&record)?;
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        written += line.len() + 1;
        id += 1;
    }
    out.flush()
}
