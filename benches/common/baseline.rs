//! The baseline every throughput figure is quoted against: one leftmost-longest,
//! ASCII-case-insensitive Aho-Corasick automaton over every alias of a tagger's lexicon.
//! Shared by `benches/throughput.rs` and `examples/bare_scan.rs`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The bare automaton over `tagger`'s aliases.
pub fn bare_automaton(tagger: &jdtag::Tagger) -> AhoCorasick {
    let aliases: Vec<String> = tagger
        .lexicon()
        .entries()
        .flat_map(|e| e.aliases().map(str::to_ascii_lowercase).collect::<Vec<_>>())
        .collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&aliases)
        .expect("the lexicon builds")
}
