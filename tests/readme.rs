//! The README's library example, run so it cannot rot.
#![doc = include_str!("../README.md")]
