//! Throughput of `Tagger::tag` on a realistic corpus (the fixture postings, repeated to about
//! 1 MB), beside a bare Aho-Corasick scan with the same aliases over the same text, so the ratio
//! is visible in one run: `cargo bench --bench throughput`.

#[path = "common/baseline.rs"]
mod baseline;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jdtag::{Format, Tagger};
use std::hint::black_box;

/// The fixture postings, each repeated until the corpus holds about `target` bytes.
fn corpus(target: usize) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/postings");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/postings exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8"))
        .collect();
    docs.sort();
    let one: usize = docs.iter().map(String::len).sum();
    let copies = target.div_ceil(one.max(1));
    docs.iter().cycle().take(docs.len() * copies).cloned().collect()
}

fn throughput(c: &mut Criterion) {
    let tagger = Tagger::new();
    let docs = corpus(1 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let bare = baseline::bare_automaton(&tagger);

    let mut g = c.benchmark_group("postings");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("bare_aho_corasick_scan", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| bare.find_iter(d.as_str()).count())
                .sum::<usize>()
        })
    });
    g.bench_function("tagger_tag_text", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(tagger.tag_with(d, Format::Text)).skills.len())
                .sum::<usize>()
        })
    });
    g.bench_function("tagger_tag_auto", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(tagger.tag(d)).skills.len())
                .sum::<usize>()
        })
    });
    // The way bulk runs tag: batches of 32 (title-less) postings, read as Markdown or text.
    let parts: Vec<(Option<&str>, &str)> = docs.iter().map(|d| (None, d.as_str())).collect();
    g.bench_function("tagger_tag_parts_batch_32", |b| {
        b.iter(|| {
            parts
                .chunks(32)
                .map(|batch| {
                    black_box(tagger.tag_parts_batch(batch, Format::Auto, usize::MAX))
                        .iter()
                        .map(|t| t.skills.len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
