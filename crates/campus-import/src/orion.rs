//! `campus import orion DIR [--mef NMEF]`: the attractiveness and
//! enrolment of vocational programmes by school (Orion's files: Affelnet's
//! `attractivite_capacite_AAAA.csv`, Parcoursup's
//! `BTS_attractivite_capacite_AAAA.csv`, the `constat_AAAA.csv` de
//! rentrée), all or nothing like InserJeunes, each programme joined to
//! its diploma (CFD) through the BCN's `N_MEF`.
//!
//! A school may offer one programme in several sections (Affelnet counts
//! `nb_apparitions_uai_mefstat` of them, Parcoursup lists each of its
//! offers): their places, wishes and pupils are added up, one row per
//! school × programme × status.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::path::Path;
use std::time::Instant;

use campus_domain::evaluation::orion::{LigneOrion, SourceOrion, StatutOrion};
use campus_formats::affelnet::offres_affelnet;
use campus_formats::orion::{bts_parcoursup, constat};
use campus_formats::source::find_csv;
use campus_formats::{FormatError, Record, Records};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, progress};
use crate::inserjeunes::cfd_par_mef;
use crate::report::LignesRefusees;

/// Source, year, UAI, MEF_STAT_11 and status: what identifies a row.
type Cle = (String, u16, String, String, String);

/// The rows of the three files, added up per key, each with the first
/// line it was read on.
#[derive(Default)]
struct Lignes {
    par_cle: BTreeMap<Cle, (LigneOrion, String, u64)>,
    refused: Vec<FormatError>,
}

fn plus(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, b) => a.or(b),
    }
}

impl Lignes {
    fn add(&mut self, ligne: LigneOrion, file: &str, line: u64) {
        let key = (
            ligne.source.as_str().to_owned(),
            ligne.annee,
            ligne.uai.as_str().to_owned(),
            ligne.mef_stat_11.clone(),
            ligne.statut.as_str().to_owned(),
        );
        match self.par_cle.entry(key) {
            Entry::Vacant(e) => {
                e.insert((ligne, file.to_owned(), line));
            }
            Entry::Occupied(mut e) => {
                let (sum, _, _) = e.get_mut();
                sum.capacite = plus(sum.capacite, ligne.capacite);
                sum.voeux = plus(sum.voeux, ligne.voeux);
                sum.effectif = plus(sum.effectif, ligne.effectif);
            }
        }
    }

    fn read(&mut self, records: Records<LigneOrion>) -> Result<(), ImportError> {
        let name = records.file_name().to_owned();
        let bar = progress(&name);
        for record in records {
            match record? {
                Record::Valid(ligne, line) => self.add(ligne, &name, line),
                Record::Rejected(rejection) => self.refused.push(rejection),
            }
            bar.inc(1);
        }
        bar.finish_and_clear();
        Ok(())
    }
}

/// Imports the folder's three files in one transaction, refused whole on
/// any bad row of any of them.
pub async fn import_orion(
    store: &Store,
    dir: &Path,
    mef: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let affelnet = find_csv(dir, "attractivite_capacite")?;
    let bts = find_csv(dir, "BTS_attractivite_capacite")?;
    let constat_file = find_csv(dir, "constat")?;
    let cfd_of_mef = cfd_par_mef(mef)?;
    let mut report = ImportReport::default();
    let mut lignes = Lignes::default();

    // Affelnet's reader gives the lycées' programmes with their places and
    // first wishes; rows of another status than school are not read.
    let affelnet = offres_affelnet(&affelnet)?;
    let name = affelnet.file_name().to_owned();
    for record in affelnet {
        match record? {
            Record::Valid(offre, line) => lignes.add(
                LigneOrion {
                    source: SourceOrion::Affelnet,
                    annee: offre.attractivite.campagne,
                    uai: offre.uai,
                    mef_stat_11: offre.mef_stat_11,
                    statut: StatutOrion::Scolaire,
                    libelle: None,
                    capacite: Some(offre.attractivite.capacite),
                    voeux: Some(offre.attractivite.premiers_voeux),
                    effectif: None,
                },
                &name,
                line,
            ),
            Record::Rejected(rejection) => lignes.refused.push(rejection),
        }
    }
    lignes.read(bts_parcoursup(&bts)?)?;
    lignes.read(constat(&constat_file)?)?;
    if !lignes.refused.is_empty() {
        return Err(Box::new(LignesRefusees(lignes.refused)));
    }
    let mut import = store.begin_orion_import().await?;
    for (ligne, file, line) in lignes.par_cle.into_values() {
        let cfd = cfd_of_mef.get(&ligne.mef_stat_11).cloned();
        if cfd.is_none() {
            report.unresolved.push(FormatError::new(
                &file,
                Some(line),
                format!(
                    "MEF_STAT_11 {} absent de la BCN : formation sans diplôme connu",
                    ligne.mef_stat_11
                ),
            ));
        }
        import.ligne(ligne, cfd).await?;
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
