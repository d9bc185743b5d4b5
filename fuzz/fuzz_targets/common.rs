//! Checks shared by the fuzz targets: the same ones the property tests run
//! (`tests/common/checks.rs`), over the caller's bytes.
#![allow(dead_code)]

#[path = "../../tests/common/checks.rs"]
mod checks;

/// The output serializes to JSON that reads back to the same document, and every span is sound.
pub fn check_tags(tags: &jdtag::Tags, input: &[u8]) {
    checks::check_tags(tags, input, false);
}
