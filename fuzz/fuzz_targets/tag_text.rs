//! `Tagger::tag_bytes` on arbitrary bytes read as Text (lossy): never panics, valid JSON, spans
//! within the input and on char boundaries.
#![no_main]

mod common;

use jdtag::{Format, Tagger};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

fuzz_target!(|data: &[u8]| {
    let tags = TAGGER
        .tag_bytes(data, Format::Text, true)
        .expect("lossy reading never fails");
    common::check_tags(&tags, data);
    if let Ok(s) = std::str::from_utf8(data) {
        let strict = TAGGER
            .tag_bytes(data, Format::Text, false)
            .expect("valid UTF-8 reads");
        assert!(strict == tags, "strict and lossy reading of valid UTF-8 differ");
        assert!(
            TAGGER.tag_with(s, Format::Text) == tags,
            "tag_with and tag_bytes differ"
        );
    }
});
