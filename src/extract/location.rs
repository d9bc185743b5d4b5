//! Stated locations ("Location: Austin, TX", "Remote - US only"), as written; no geocoding.
//! Not built yet: finds nothing.

use std::ops::Range;

/// The location statements of `text` (normalised offsets of the location strings).
pub(crate) fn find_all(_text: &str, _sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    Vec::new()
}
