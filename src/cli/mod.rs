//! Parts of the `jdtag` command that are not flags: I/O with compression, and `stats`.

pub mod io;
pub mod stats;
