//! The lexicon loader on arbitrary TOML: `Lexicon::from_sources` never panics; a lexicon it
//! accepts builds a tagger (alone and merged over the built-in one) that tags its own examples
//! without panicking.
#![no_main]

mod common;

use jdtag::Tagger;
use jdtag::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(toml) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(lexicon) = Lexicon::from_sources([("fuzz.toml".to_string(), toml)]) else {
        return;
    };
    let mut texts: Vec<String> = Vec::new();
    for e in lexicon.entries() {
        texts.extend(e.examples().map(|(t, _)| t.to_string()));
        texts.extend(e.counter_examples().map(|(t, _)| t.to_string()));
        texts.push(format!("Senior engineer: 5+ years of {} and Go", e.name()));
    }
    let _ = Lexicon::builtin().merged(&lexicon);
    for builder in [
        Tagger::builder()
            .lexicon_source("fuzz.toml", toml)
            .without_builtin()
            .build(),
        Tagger::builder().lexicon_source("fuzz.toml", toml).build(),
    ] {
        let Ok(tagger) = builder else { continue };
        let _ = tagger.check_examples();
        for t in texts.iter().take(64) {
            let tags = tagger.tag(t);
            common::check_tags(&tags, t.as_bytes());
        }
    }
});
