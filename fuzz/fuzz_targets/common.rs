//! Checks shared by the fuzz targets: the same ones the property tests run
//! (`tests/common/checks.rs`), over the caller's bytes.
#![allow(dead_code)]

#[path = "../../tests/common/checks.rs"]
mod checks;

/// The output serializes to JSON that reads back to the same document, and every span is sound.
pub fn check_tags(tags: &jdtag::Tags, input: &[u8]) {
    checks::check_tags(tags, input, false);
}

/// One input read in `format`: lossy reading never panics and gives sound output; valid UTF-8
/// reads the same strictly, lossily and through `tag_with`.
pub fn tag_in_format(tagger: &jdtag::Tagger, data: &[u8], format: jdtag::Format) {
    let tags = tagger
        .tag_bytes(data, format, true)
        .expect("lossy reading never fails");
    check_tags(&tags, data);
    if let Ok(s) = std::str::from_utf8(data) {
        let strict = tagger.tag_bytes(data, format, false).expect("valid UTF-8 reads");
        assert!(strict == tags, "strict and lossy reading of valid UTF-8 differ");
        assert!(
            tagger.tag_with(s, format) == tags,
            "tag_with and tag_bytes differ"
        );
    }
}
