//! Errors of the readers, always located in a file.

use std::fmt;

/// A problem in an input file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FormatError {
    /// The file as named on the command line.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column (in bytes), when known: XML puts many fields on one
    /// line.
    pub column: Option<u64>,
    pub message: String,
}

impl FormatError {
    pub fn new(file: &str, line: Option<u64>, message: impl Into<String>) -> FormatError {
        FormatError {
            file: file.to_owned(),
            line,
            column: None,
            message: message.into(),
        }
    }

    /// An error at a line and column of `file`.
    pub fn at(file: &str, line: u64, column: u64, message: impl Into<String>) -> FormatError {
        FormatError {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            (Some(line), None) => write!(f, "{}:{line}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
