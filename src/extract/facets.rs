//! Employment type (full_time, part_time, contract, internship, temporary, freelance) and
//! workplace (remote, hybrid, onsite), with evidence. Not built yet: finds nothing.

use std::ops::Range;

/// A facet value and the text that says so (normalised offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) value: &'static str,
    pub(crate) span: Range<usize>,
}

/// Employment types stated in `text`.
pub(crate) fn employment_types(_text: &str, _sentences: &[Range<usize>]) -> Vec<Found> {
    Vec::new()
}

/// Workplace arrangements stated in `text`.
pub(crate) fn workplaces(_text: &str, _sentences: &[Range<usize>]) -> Vec<Found> {
    Vec::new()
}
