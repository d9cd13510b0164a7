//! Streams of typed records read from a file.

use crate::{CsvFile, FormatError, Row};

/// One record of a file: kept, or rejected with its place and reason.
#[derive(Debug)]
pub enum Record<T> {
    /// A record and the line it starts on.
    Valid(T, u64),
    Rejected(FormatError),
}

type Parser<T> = Box<dyn FnMut(&Row) -> Result<Option<T>, String> + Send>;

/// The records of one file, in order. An `Err` item is fatal (the file
/// cannot be read further); a `Rejected` record is not.
pub struct Records<T> {
    file: CsvFile,
    parse: Parser<T>,
    /// Rejections found in the side files, reported first.
    pub(crate) earlier: Vec<FormatError>,
}

impl<T> Records<T> {
    /// The records of `file`, each row turned into one (or skipped, or
    /// rejected) by `parse`, after the `earlier` rejections.
    pub fn new(
        file: CsvFile,
        earlier: Vec<FormatError>,
        parse: impl FnMut(&Row) -> Result<Option<T>, String> + Send + 'static,
    ) -> Records<T> {
        Records {
            file,
            parse: Box::new(parse),
            earlier,
        }
    }

    pub fn file_name(&self) -> &str {
        self.file.name()
    }
}

impl<T> Iterator for Records<T> {
    type Item = Result<Record<T>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(rejection) = self.earlier.pop() {
            return Some(Ok(Record::Rejected(rejection)));
        }
        loop {
            let row = match self.file.next_row()? {
                Ok(row) => row,
                Err(fatal) => return Some(Err(fatal)),
            };
            match (self.parse)(&row) {
                Ok(Some(record)) => return Some(Ok(Record::Valid(record, row.line))),
                Ok(None) => continue,
                Err(reason) => return Some(Ok(Record::Rejected(self.file.reject(&row, reason)))),
            }
        }
    }
}
