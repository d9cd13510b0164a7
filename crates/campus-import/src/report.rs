//! The report that ends every import.

use std::fmt;
use std::time::Duration;

use campus_formats::FormatError;
use campus_store::Counts;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Per table: inserted, updated, unchanged.
    pub tables: Vec<(&'static str, Counts)>,
    /// Rows that could not be read, with their file, line and reason.
    pub rejected: Vec<FormatError>,
    /// Rows kept although they refer to a code not in the referential.
    pub unresolved: Vec<FormatError>,
    pub elapsed: Duration,
}

impl ImportReport {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, c)| c.total()).sum::<u64>() + self.rejected.len() as u64
    }

    pub fn counts(&self, table: &str) -> Counts {
        self.tables
            .iter()
            .find(|(t, _)| *t == table)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<26} {:>10} {:>10} {:>10} {:>11}",
            "table", "insérées", "modifiées", "inchangées", "supprimées"
        )?;
        for (table, c) in &self.tables {
            writeln!(
                f,
                "{table:<26} {:>10} {:>10} {:>10} {:>11}",
                c.inserted, c.updated, c.unchanged, c.deleted
            )?;
        }
        let seconds = self.elapsed.as_secs_f64();
        let rate = if seconds > 0.0 {
            self.rows() as f64 / seconds
        } else {
            0.0
        };
        writeln!(
            f,
            "{} lignes en {seconds:.1} s ({rate:.0} lignes/s)",
            self.rows()
        )?;
        writeln!(f, "rejetées : {}", self.rejected.len())?;
        for rejection in &self.rejected {
            writeln!(f, "  {rejection}")?;
        }
        writeln!(
            f,
            "conservées avec une référence inconnue : {}",
            self.unresolved.len()
        )?;
        for unresolved in &self.unresolved {
            writeln!(f, "  {unresolved}")?;
        }
        Ok(())
    }
}

/// Why a file stored nothing: every problem, each with its file and line.
#[derive(Debug)]
pub struct LignesRefusees(pub Vec<FormatError>);

impl fmt::Display for LignesRefusees {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ligne(s) refusée(s)", self.0.len())?;
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LignesRefusees {}
