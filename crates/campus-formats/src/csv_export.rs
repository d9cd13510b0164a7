//! The one writer of the CSV files the platform hands out (registrations
//! of an event, use of a piece of equipment…), built on the `csv` crate.
//!
//! What every export must hold:
//! - French spreadsheet software opens it as it is: `;` between fields,
//!   CRLF line ends, UTF-8 announced by a byte-order mark;
//! - a value is never read as a formula: a cell starting with `=`, `+`,
//!   `-`, `@`, a tab or a carriage return is prefixed with an apostrophe
//!   (OWASP's advice against CSV injection), so that a name typed as
//!   `=HYPERLINK(…)` shows as text instead of running;
//! - quoting is the crate's, never hand-written: a `;`, a quote or a line
//!   break inside a value stays inside its cell.

use std::borrow::Cow;

/// The `Content-Type` of an export.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// An export being written, header first, in memory (exports are a page of
/// a list, not a dump of the database).
pub struct CsvExport {
    writer: csv::Writer<Vec<u8>>,
}

impl std::fmt::Debug for CsvExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvExport").finish_non_exhaustive()
    }
}

/// An export that could not be written (only an I/O error of the
/// in-memory buffer or a row of the wrong length: a bug, never the data).
#[derive(Debug, thiserror::Error)]
#[error("export CSV : {0}")]
pub struct CsvExportError(#[from] csv::Error);

impl CsvExport {
    /// A new export whose first row names the columns.
    pub fn new<I, S>(header: I) -> Result<CsvExport, CsvExportError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record(
            header
                .into_iter()
                .map(|h| neutralise(h.as_ref()).into_owned()),
        )?;
        Ok(CsvExport { writer })
    }

    /// Adds a row; it must have as many fields as the header.
    pub fn row<I, S>(&mut self, fields: I) -> Result<(), CsvExportError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.writer.write_record(
            fields
                .into_iter()
                .map(|f| neutralise(f.as_ref()).into_owned()),
        )?;
        Ok(())
    }

    /// The bytes of the file.
    pub fn finish(self) -> Result<Vec<u8>, CsvExportError> {
        self.writer
            .into_inner()
            .map_err(|e| CsvExportError(csv::Error::from(e.into_error())))
    }
}

/// The cell a spreadsheet shows as the text `value`: prefixed with an
/// apostrophe when it would otherwise start a formula.
pub fn neutralise(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap();
        csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_french_spreadsheet_file() {
        let mut export = CsvExport::new(["Nom", "Places"]).unwrap();
        export.row(["Dupont; Marie", "2"]).unwrap();
        export.row(["=HYPERLINK(\"http://x\")", "-1"]).unwrap();
        let bytes = export.finish().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("\u{feff}Nom;Places\r\n"), "{text}");
        assert!(text.contains("\"Dupont; Marie\";2\r\n"), "{text}");
        assert_eq!(
            read(&bytes),
            [
                vec!["Nom", "Places"],
                vec!["Dupont; Marie", "2"],
                vec!["'=HYPERLINK(\"http://x\")", "'-1"],
            ]
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_is_an_error() {
        let mut export = CsvExport::new(["a", "b"]).unwrap();
        assert!(export.row(["seul"]).is_err());
    }

    #[test]
    fn every_formula_start_is_neutralised() {
        for start in FORMULA_STARTS {
            let value = format!("{start}1+1");
            assert_eq!(neutralise(&value), format!("'{value}"));
        }
        assert_eq!(neutralise("Orléans"), "Orléans");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("'=déjà"), "'=déjà");
    }

    proptest! {
        #[test]
        fn no_cell_starts_a_formula_and_text_is_kept(values in proptest::collection::vec("\\PC{0,12}|[=+\\-@\\t\\r;\"\\n].{0,8}", 1..6)) {
            let mut export = CsvExport::new(values.iter().map(|_| "h")).unwrap();
            export.row(&values).unwrap();
            let rows = read(&export.finish().unwrap());
            prop_assert_eq!(rows.len(), 2);
            for (cell, value) in rows[1].iter().zip(&values) {
                prop_assert!(!cell.starts_with(FORMULA_STARTS));
                // What a person reads is what was written, less the
                // apostrophe the guard added.
                let shown = if value.starts_with(FORMULA_STARTS) {
                    cell.strip_prefix('\'')
                } else {
                    Some(cell.as_str())
                };
                prop_assert_eq!(shown, Some(value.as_str()));
            }
        }
    }
}
