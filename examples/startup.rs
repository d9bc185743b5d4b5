//! Start-up phases of the built-in tagger, measured in-process: reading the embedded lexicon,
//! building the tagger (its matcher index is embedded; the cue lists and patterns are built
//! meanwhile on a second thread), and the first document.
//! `cargo run --release --example startup`; `echo Rust | jdtag` adds process start and I/O.

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let lexicon = jdtag::lexicon::Lexicon::builtin();
    let parse = t.elapsed();
    let t = Instant::now();
    let tagger = jdtag::Tagger::new();
    let compile = t.elapsed();
    let t = Instant::now();
    let tags = tagger.tag("Rust and Go developer, 3+ years, $120k, remote");
    let first = t.elapsed();
    let t = Instant::now();
    let again = tagger.tag("Rust and Go developer, 3+ years, $120k, remote");
    let second = t.elapsed();
    assert_eq!(tags, again);
    println!(
        "lexicon {parse:?} ({} entries) · tagger {compile:?} · first document {first:?} · second {second:?}",
        lexicon.entries().count()
    );
}
