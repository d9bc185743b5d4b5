//! The built-in lexicon files, embedded at compile time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/builtin_lexicons.rs"));
