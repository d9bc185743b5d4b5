//! `Tagger::tag_bytes` on arbitrary bytes read as Html (lossy): never panics, valid JSON, spans
//! within the input and on char boundaries.
#![no_main]

mod common;

use jdtag::{Format, Tagger};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

fuzz_target!(|data: &[u8]| common::tag_in_format(&TAGGER, data, Format::Html));
