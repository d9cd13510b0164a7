//! Extracts of a published file: some of its records, byte for byte.
//!
//! The subset keeps the very bytes the publisher wrote (encoding, byte-order
//! mark, quoting, line ends, fields that span lines), so that loading it
//! goes through the importers exactly as the national files do. A record is
//! found by the same CSV rules the importer reads it with (delimiter, and
//! quoting on or off); only its fields are decoded, to decide whether it is
//! kept.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::ImportError;

/// The bytes of `path`, uncompressed when its name ends in `.gz`.
pub(super) fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    let file = std::fs::File::open(path)
        .map_err(|e| format!("{} : lecture impossible : {e}", path.display()))?;
    let mut bytes = Vec::new();
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let result = if gz {
        MultiGzDecoder::new(file).read_to_end(&mut bytes)
    } else {
        std::io::BufReader::new(file).read_to_end(&mut bytes)
    };
    result.map_err(|e| format!("{} : lecture impossible : {e}", path.display()))?;
    Ok(bytes)
}

/// The name `path` has once uncompressed: `unix_texte_v460_utf8.csv.gz`
/// becomes `unix_texte_v460_utf8.csv` (the archive compresses the whole).
pub(super) fn plain_name(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.strip_suffix(".gz").unwrap_or(name).to_owned()
}

/// One record of a CSV file: its fields, decoded for the choice only.
pub(super) struct Fields<'a> {
    columns: &'a HashMap<String, usize>,
    values: &'a [String],
}

impl Fields<'_> {
    /// The trimmed field of column `name`; empty when the column or the
    /// field is missing.
    pub(super) fn get(&self, name: &str) -> &str {
        self.columns
            .get(name)
            .and_then(|&i| self.values.get(i))
            .map(|v| v.trim())
            .unwrap_or_default()
    }
}

/// A CSV file split into its header and its records, each record as the
/// range of its bytes.
pub(super) struct Csv {
    bytes: Vec<u8>,
    header: Range<usize>,
    columns: HashMap<String, usize>,
    records: Vec<(Range<usize>, Vec<String>)>,
}

/// How a file's records are delimited.
#[derive(Clone, Copy)]
pub(super) struct Dialect {
    pub delimiter: u8,
    pub quoting: bool,
    pub header: bool,
}

impl Dialect {
    /// Quoted fields, a header line: ROME, the RNCP export, Parcoursup,
    /// La Poste.
    pub(super) const fn quoted(delimiter: u8) -> Dialect {
        Dialect {
            delimiter,
            quoting: true,
            header: true,
        }
    }
}

impl Csv {
    /// Splits `bytes` into records by `dialect`. A record that cannot be
    /// read stops the split: an extract of a broken file is no extract.
    pub(super) fn split(name: &str, bytes: Vec<u8>, dialect: Dialect) -> Result<Csv, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(dialect.delimiter)
            .quoting(dialect.quoting)
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes.as_slice());
        let mut record = csv::ByteRecord::new();
        let mut ranges = Vec::new();
        loop {
            let start = reader.position().byte() as usize;
            let more = reader
                .read_byte_record(&mut record)
                .map_err(|e| format!("{name} : enregistrement illisible : {e}"))?;
            if !more {
                break;
            }
            let end = reader.position().byte() as usize;
            let values: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            ranges.push((start..end, values));
        }
        let (header, columns) = if dialect.header && !ranges.is_empty() {
            let (range, names) = ranges.remove(0);
            let columns = names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.trim().trim_start_matches('\u{feff}').to_owned(), i))
                .collect();
            (0..range.end, columns)
        } else {
            (0..0, HashMap::new())
        };
        Ok(Csv {
            bytes,
            header,
            columns,
            records: ranges,
        })
    }

    /// Reads and splits the file at `path`.
    pub(super) fn open(path: &Path, dialect: Dialect) -> Result<Csv, ImportError> {
        Csv::split(&path.display().to_string(), read(path)?, dialect)
    }

    /// Every record's fields, in file order.
    pub(super) fn rows(&self) -> impl Iterator<Item = Fields<'_>> {
        self.records.iter().map(|(_, values)| Fields {
            columns: &self.columns,
            values,
        })
    }

    /// The header line and the records `keep` accepts, in file order, as
    /// the file wrote them.
    pub(super) fn extract(&self, mut keep: impl FnMut(&Fields<'_>) -> bool) -> Vec<u8> {
        let mut out = self.bytes[self.header.clone()].to_vec();
        for (range, values) in &self.records {
            let fields = Fields {
                columns: &self.columns,
                values,
            };
            if keep(&fields) {
                out.extend_from_slice(&self.bytes[range.clone()]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn kept_records_keep_their_bytes() {
        let text = "\u{feff}\"a\";\"b\"\r\n\"1\";\"x\r\ny\"\r\n\"2\";\"z\"\r\n\"3\";\"w\"";
        let csv = Csv::split("t.csv", text.as_bytes().to_vec(), Dialect::quoted(b';')).unwrap();
        let codes: Vec<String> = csv.rows().map(|r| r.get("a").to_owned()).collect();
        assert_eq!(codes, ["1", "2", "3"]);
        let out = csv.extract(|r| r.get("a") != "2");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}\"a\";\"b\"\r\n\"1\";\"x\r\ny\"\r\n\"3\";\"w\""
        );
    }

    #[test]
    fn unquoted_files_split_on_lines() {
        let text = "code;titre\n1;un \"deux\n2;trois\n";
        let dialect = Dialect {
            delimiter: b';',
            quoting: false,
            header: true,
        };
        let csv = Csv::split("t.csv", text.as_bytes().to_vec(), dialect).unwrap();
        let out = csv.extract(|r| r.get("code") == "1");
        assert_eq!(String::from_utf8(out).unwrap(), "code;titre\n1;un \"deux\n");
    }
}
