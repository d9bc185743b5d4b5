//! What the tests that run the real binary share.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The `jdtag` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_jdtag");

/// Runs the binary with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Write stdin from another thread while the output is read, so that neither pipe fills up
    // and blocks the other; the child may also exit before reading (a usage error): a closed
    // pipe is fine then.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
