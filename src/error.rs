//! The crate's error type: one opaque struct whose message names the file, line and reason.

use std::fmt;
use std::path::PathBuf;

/// An error from building a [`Tagger`](crate::Tagger) or from decoding input.
///
/// The message always says where and why, e.g.
/// `my-terms.toml:12: alias "Go" is also an alias of entry "go" (lexicons/languages.toml:40)`.
/// A lexicon with several problems reports all of them, one per line; [`Error::problems`]
/// gives them one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    /// Problems found in lexicon files.
    Lexicon(Vec<Problem>),
    /// The input is not valid UTF-8.
    InvalidUtf8 { offset: usize },
    /// A file or folder could not be read.
    Io { path: PathBuf, message: String },
}

/// One problem in a lexicon file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The file, as given (or `<built-in>/NAME.toml` for the built-in lexicon).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl Error {
    pub(crate) fn lexicon(mut problems: Vec<Problem>) -> Error {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Error {
            kind: ErrorKind::Lexicon(problems),
        }
    }

    pub(crate) fn invalid_utf8(offset: usize) -> Error {
        Error {
            kind: ErrorKind::InvalidUtf8 { offset },
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, err: &std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io {
                path: path.into(),
                message: err.to_string(),
            },
        }
    }

    /// The lexicon problems this error holds (empty for other errors).
    pub fn problems(&self) -> &[Problem] {
        match &self.kind {
            ErrorKind::Lexicon(p) => p,
            _ => &[],
        }
    }

    /// For invalid UTF-8 input: the byte offset of the first invalid byte.
    pub fn utf8_offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::InvalidUtf8 { offset } => Some(offset),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Lexicon(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
            ErrorKind::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes)"
            ),
            ErrorKind::Io { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for Error {}
