//! The baseline of the bulk benchmark: a bare Aho-Corasick scan (leftmost-longest, ASCII
//! case-insensitive) with every alias of the built-in lexicon over a file's bytes, with no
//! JSON parsing, boundaries, rules or output. `cargo run --release --example bare_scan -- FILE`
//! prints the number of matches.

#[path = "../benches/common/baseline.rs"]
mod baseline;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: bare_scan FILE");
    let ac = baseline::bare_automaton(&jdtag::Tagger::new());
    let file = std::fs::File::open(&path)?;
    let mut matches = 0usize;
    // Read in large pieces so the scan, not I/O, is measured; a match across a piece boundary
    // may be missed, which does not matter for a throughput baseline.
    use std::io::Read;
    let mut reader = std::io::BufReader::with_capacity(8 << 20, file);
    let mut buf = vec![0u8; 8 << 20];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        matches += ac.find_iter(&buf[..n]).count();
    }
    println!("{matches}");
    Ok(())
}
