//! Errors of the readers, always located in a file.

use std::fmt;

/// A problem in an input file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FormatError {
    /// The file as named on the command line.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    pub message: String,
}

impl FormatError {
    pub fn new(file: &str, line: Option<u64>, message: impl Into<String>) -> FormatError {
        FormatError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
