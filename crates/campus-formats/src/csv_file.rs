//! CSV files with a header line, read record by record, each record with
//! its line number.

use std::io::Read;
use std::path::Path;

use crate::{Encoding, FormatError, open};

/// An open CSV file.
pub struct CsvFile {
    name: String,
    headers: Vec<String>,
    reader: csv::Reader<Box<dyn Read + Send>>,
    pub encoding: Encoding,
}

/// One record, with the line it starts on.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    record: csv::StringRecord,
}

impl Row {
    /// The field at `index`, trimmed; empty when the record is shorter.
    pub fn get(&self, index: usize) -> &str {
        self.record.get(index).map(str::trim).unwrap_or_default()
    }

    /// The field, or `None` when empty.
    pub fn opt(&self, index: usize) -> Option<String> {
        let value = self.get(index);
        (!value.is_empty()).then(|| value.to_owned())
    }
}

impl CsvFile {
    /// Opens `path`, whose fields are separated by `delimiter`, and reads
    /// its header line.
    pub fn open(path: &Path, delimiter: u8) -> Result<CsvFile, FormatError> {
        CsvFile::open_with(path, delimiter, true)
    }

    /// A file without a header line and without quoting; its columns are
    /// known by position.
    pub fn open_headerless(path: &Path, delimiter: u8) -> Result<CsvFile, FormatError> {
        let name = path.display().to_string();
        let (stream, encoding) = open(path)?;
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(false)
            .flexible(true)
            .has_headers(false)
            .from_reader(stream);
        Ok(CsvFile {
            name,
            headers: Vec::new(),
            reader,
            encoding,
        })
    }

    /// Like [`CsvFile::open`]; `quoting: false` for files that are not
    /// quoted but whose text may hold stray `"` (Certif Info).
    pub fn open_with(path: &Path, delimiter: u8, quoting: bool) -> Result<CsvFile, FormatError> {
        let name = path.display().to_string();
        let (stream, encoding) = open(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(quoting)
            .flexible(true)
            .from_reader(stream);
        let headers = reader
            .headers()
            .map_err(|e| FormatError::new(&name, Some(1), format!("en-tête illisible : {e}")))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        Ok(CsvFile {
            name,
            headers,
            reader,
            encoding,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The index of column `name`, or an error naming the file and the
    /// columns it does have.
    pub fn column(&self, name: &str) -> Result<usize, FormatError> {
        self.headers.iter().position(|h| h == name).ok_or_else(|| {
            FormatError::new(
                &self.name,
                Some(1),
                format!(
                    "colonne « {name} » absente (colonnes trouvées : {})",
                    self.headers.join(", ")
                ),
            )
        })
    }

    /// The next record; `None` at the end of the file. A record that
    /// cannot be read (bad quoting, truncated file) is an error with its
    /// line: the rest of the file cannot be trusted after it.
    pub fn next_row(&mut self) -> Option<Result<Row, FormatError>> {
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map(|p| p.line()).unwrap_or_default();
                Some(Ok(Row { line, record }))
            }
            Ok(false) => None,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                Some(Err(FormatError::new(
                    &self.name,
                    line,
                    format!("enregistrement illisible : {e}"),
                )))
            }
        }
    }

    /// A rejection of `row` for `reason`.
    pub fn reject(&self, row: &Row, reason: impl Into<String>) -> FormatError {
        FormatError::new(&self.name, Some(row.line), reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn write(name: &str, content: &[u8]) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("campus-csv-{}-{name}", std::process::id()));
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn multiline_fields_keep_their_line() {
        let path = write("multi.csv", b"code;texte\nA;\"une\nphrase\"\nB;seule\n");
        let mut file = CsvFile::open(&path, b';').unwrap();
        let texte = file.column("texte").unwrap();
        let first = file.next_row().unwrap().unwrap();
        assert_eq!((first.line, first.get(texte)), (2, "une\nphrase"));
        let second = file.next_row().unwrap().unwrap();
        assert_eq!((second.line, second.get(0)), (4, "B"));
        assert!(file.next_row().is_none());
        assert!(
            file.column("absente")
                .unwrap_err()
                .to_string()
                .contains(":1: colonne « absente » absente")
        );
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn a_truncated_archive_is_an_error_naming_the_file() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder
            .write_all("code;libellé\n".repeat(5000).as_bytes())
            .unwrap();
        let bytes = encoder.finish().unwrap();
        let path = write("tronque.csv.gz", &bytes[..bytes.len() / 2]);
        let error = CsvFile::open(&path, b';').err().unwrap();
        assert!(
            error.to_string().starts_with(&path.display().to_string()),
            "{error}"
        );
        std::fs::remove_file(path).unwrap();
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
            let path = write(&format!("fuzz-{}.csv", bytes.len()), &bytes);
            if let Ok(mut file) = CsvFile::open(&path, b';') {
                let mut guard = 0;
                while let Some(row) = file.next_row() {
                    let _ = row.map(|r| (r.line, r.get(0).len(), r.opt(3)));
                    guard += 1;
                    prop_assert!(guard < 2000);
                }
            }
            let _ = std::fs::remove_file(path);
        }
    }
}
