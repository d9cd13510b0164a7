//! `campus import equipements FILE` and the campus team's upload page: a
//! list of equipment ([`campus_formats::equipements_csv`]) imported into
//! the technology platform's catalogue, all or nothing.
//!
//! Unlike the referentials, whose bad rows are skipped and reported, a
//! list of equipment is the campus team's own: one bad line and nothing
//! is stored, and every problem is reported with its file and line so
//! that the list can be corrected and sent again. Lines are checked
//! first (format and rules of the form), then stored in one transaction
//! in which the owners are found in the directory
//! ([`campus_store::equipements::import`]).

use std::fmt;
use std::path::Path;
use std::time::Instant;

use campus_formats::FormatError;
use campus_formats::equipements_csv::{self, LigneEquipement};
use campus_store::equipements::{BilanImport, EquipementImporte, ImportRefus};
use campus_store::{Counts, Store, StoreError};

use crate::ImportReport;
use crate::feed::ImportError;

/// Why a list stored nothing.
#[derive(Debug)]
pub enum EquipementsRefuses {
    /// Every problem of the list, each with its file and line.
    Lignes(Vec<FormatError>),
    Store(StoreError),
}

impl From<StoreError> for EquipementsRefuses {
    fn from(err: StoreError) -> Self {
        EquipementsRefuses::Store(err)
    }
}

/// One problem per line, after their count: what the command line prints.
impl fmt::Display for EquipementsRefuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EquipementsRefuses::Lignes(problems) => {
                write!(f, "{} problème(s) dans la liste", problems.len())?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            EquipementsRefuses::Store(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for EquipementsRefuses {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EquipementsRefuses::Lignes(_) => None,
            EquipementsRefuses::Store(e) => Some(e),
        }
    }
}

/// Stores the lines read from the list `name`, all or nothing.
async fn store_lines(
    store: &Store,
    name: &str,
    lignes: Vec<LigneEquipement>,
    actor: Option<i32>,
) -> Result<BilanImport, EquipementsRefuses> {
    let lignes: Vec<EquipementImporte> = lignes
        .into_iter()
        .map(|l| EquipementImporte {
            ligne: l.ligne,
            organisation: l.organisation,
            fiche: l.fiche,
        })
        .collect();
    match store
        .equipements()
        .importer_equipements(&lignes, actor)
        .await
    {
        Ok(bilan) => Ok(bilan),
        Err(ImportRefus::Lignes(refus)) => Err(EquipementsRefuses::Lignes(
            refus
                .into_iter()
                .map(|(line, why)| FormatError::new(name, Some(line), why))
                .collect(),
        )),
        Err(ImportRefus::Store(e)) => Err(e.into()),
    }
}

/// Imports a list sent as `bytes` under the file name `name` by `actor`
/// (the upload page).
pub async fn importer_equipements(
    store: &Store,
    name: &str,
    bytes: &[u8],
    actor: Option<i32>,
) -> Result<BilanImport, EquipementsRefuses> {
    let lignes =
        equipements_csv::equipements_csv_octets(name, bytes).map_err(EquipementsRefuses::Lignes)?;
    store_lines(store, name, lignes, actor).await
}

/// Imports the list in `file` (the command line); the report counts the
/// equipment created, updated and unchanged.
pub async fn import_equipements(store: &Store, file: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let name = file.display().to_string();
    let lignes = equipements_csv::equipements_csv(file).map_err(EquipementsRefuses::Lignes)?;
    let bilan = store_lines(store, &name, lignes, None).await?;
    let counts = Counts {
        inserted: bilan.crees.len() as u64,
        updated: bilan.modifies.len() as u64,
        unchanged: bilan.inchanges.len() as u64,
        deleted: 0,
    };
    Ok(ImportReport {
        tables: vec![("equipements", counts)],
        elapsed: start.elapsed(),
        ..ImportReport::default()
    })
}
