//! Pay statements: amounts, ranges, currencies and periods ("$120,000 - $150,000", "£40k per
//! annum", "₹12 LPA", "$45/hr"). Not built yet: finds nothing.

use std::ops::Range;

/// One pay statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) min: Option<f64>,
    pub(crate) max: Option<f64>,
    /// ISO 4217 code, or `None` when it cannot be told.
    pub(crate) currency: Option<String>,
    /// `hour`, `day`, `week`, `month`, `year`.
    pub(crate) period: Option<&'static str>,
    /// The period was inferred from the amount's size, not stated.
    pub(crate) period_inferred: bool,
    /// The statement, in normalised offsets.
    pub(crate) span: Range<usize>,
    /// A note for the output's `warnings` (e.g. a "$" that cannot be told apart).
    pub(crate) warning: Option<String>,
}

/// Every pay statement of `text`, split into `sentences`.
pub(crate) fn find_all(_text: &str, _sentences: &[Range<usize>]) -> Vec<Found> {
    Vec::new()
}
