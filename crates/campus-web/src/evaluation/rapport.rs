//! The annual report: assembled from the records for one year, frozen
//! with the definitions in force and the SHA-256 of the source files,
//! rendered as PDF and XLSX from the frozen content only.
//!
//! Rendering reads nothing but the [`Rapport`] it is given, and the
//! renderers write the same bytes for the same report: a frozen report
//! rendered again years later gives the file sent to the Région, which
//! the SHA-256 kept beside it proves.

use campus_domain::Sector;
use campus_domain::evaluation::indicateur::Indicateur;
use campus_domain::evaluation::rapport::{
    FicheIndicateur, Rapport, SectionAxe, SectionLevier, SourceRapport,
};
use campus_domain::evaluation::registre::{Axe, Levier, Ventilation};
use campus_formats::evaluation::{classeur, rapport_pdf};
use campus_store::rapports::RapportFige;
use campus_store::{Store, StoreError};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::{Lecture, a_une_annee, demandes, fiches};
use crate::i18n::{Lang, Tr};

/// Why a report was not produced.
#[derive(Debug, thiserror::Error)]
pub enum RapportError {
    #[error(
        "aucune donnée pour l'année {0} : aucun enregistrement de la plateforme n'est daté de cette année"
    )]
    AnneeSansDonnees(i32),
    #[error("format inconnu « {0} » (pdf ou xlsx)")]
    FormatInconnu(String),
    #[error("le rapport figé n° {0} est illisible : {1}")]
    Illisible(i32, String),
    #[error("mise en forme du rapport : {0}")]
    Rendu(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The two files of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Xlsx,
}

impl Format {
    pub fn parse(text: &str) -> Result<Format, RapportError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "xlsx" => Ok(Format::Xlsx),
            other => Err(RapportError::FormatInconnu(other.to_owned())),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The breakdown a report shows for an indicator: the first it offers
/// beyond the year.
fn ventilation_du_rapport(i: &Indicateur) -> Option<Ventilation> {
    i.fiche
        .ventilations
        .iter()
        .copied()
        .find(|v| *v != Ventilation::Annee)
}

/// The report of `annee`, in French, from the records as they stand,
/// figures published (suppression applied: the report leaves the campus
/// team). Refused for a year no dated record belongs to.
pub async fn assembler(
    store: &Store,
    secteur: &Sector,
    annee: i32,
    produit_le: NaiveDate,
) -> Result<Rapport, RapportError> {
    let tr = &Tr::new(Lang::Fr);
    if !store.evaluation().annees().await?.contains(&annee) {
        return Err(RapportError::AnneeSansDonnees(annee));
    }
    let indicateurs = crate::evaluation::actifs(store).await?;
    let demandes = demandes(store, &indicateurs, annee, ventilation_du_rapport).await?;
    let toutes = fiches(store, secteur, tr, &demandes, annee, Lecture::Publiee).await?;
    let commentaires = store.indicateurs().commentaires(annee).await?;
    let mut axes = Vec::new();
    for axe in Axe::all() {
        let mut leviers = Vec::new();
        for levier in Levier::all().filter(|l| l.axe() == axe) {
            let fiches: Vec<FicheIndicateur> = indicateurs
                .iter()
                .zip(&toutes)
                .filter(|(i, _)| i.levier == levier)
                .map(|(_, f)| f.clone())
                .collect();
            leviers.push(SectionLevier {
                code: levier.as_str().to_owned(),
                libelle: format!(
                    "{} — {}",
                    tr.tn("lever-label", "number", u64::from(levier_numero(levier))),
                    tr.t(&format!("lever-{}-title", levier.as_str()))
                ),
                commentaire: commentaires
                    .iter()
                    .find(|c| c.levier == levier)
                    .map(|c| c.texte.clone())
                    .unwrap_or_default(),
                indicateurs: fiches,
            });
        }
        axes.push(SectionAxe {
            code: axe.as_str().to_owned(),
            libelle: tr.t(&format!("axe-{}-title", axe.as_str())),
            leviers,
        });
    }
    let sources = store
        .rapports()
        .sources()
        .await?
        .into_iter()
        .map(|s| SourceRapport {
            nom: s.source,
            fichier: s.fichier,
            sha256: s.sha256,
            importe_le: s.importe_le.date_naive().to_string(),
            lignes: s.lignes,
        })
        .collect();
    let datees = indicateurs.iter().filter(|i| a_une_annee(i)).count();
    Ok(Rapport {
        annee,
        titre: tr.ts("evaluation-rapport-titre", "annee", &annee.to_string()),
        campus: tr.t("evaluation-rapport-campus"),
        produit_le: produit_le.to_string(),
        synthese: synthese(tr, annee, &toutes, datees),
        axes,
        methodologie: tr.t("evaluation-rapport-methodologie"),
        sources,
    })
}

fn levier_numero(levier: Levier) -> u8 {
    levier.as_str().parse().unwrap_or(0)
}

/// The summary's opening, counted from the figures: how many indicators
/// have a target and how many reached it.
fn synthese(tr: &Tr, annee: i32, fiches: &[FicheIndicateur], datees: usize) -> String {
    let avec_cible = fiches.iter().filter(|f| f.cible.is_some()).count() as u64;
    let atteintes = fiches.iter().filter(|f| f.atteinte() == Some(true)).count() as u64;
    let an = annee.to_string();
    format!(
        "{} {} {}",
        tr.tv("evaluation-rapport-synthese", &[("annee", an.as_str())]),
        tr.tns(
            "evaluation-rapport-synthese-indicateurs",
            &[("total", fiches.len() as u64), ("datees", datees as u64),]
        ),
        tr.tns(
            "evaluation-rapport-synthese-cibles",
            &[("cibles", avec_cible), ("atteintes", atteintes)]
        ),
    )
}

/// Lower-case hexadecimal SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The report's file in `format`.
pub fn rendre(rapport: &Rapport, format: Format) -> Result<Vec<u8>, RapportError> {
    match format {
        Format::Pdf => {
            rapport_pdf::rapport_pdf(rapport).map_err(|e| RapportError::Rendu(e.to_string()))
        }
        Format::Xlsx => classeur::classeur(rapport).map_err(|e| RapportError::Rendu(e.to_string())),
    }
}

/// Produces the report of `annee` and freezes it: its content, and the
/// SHA-256 of its PDF and workbook. Returns the frozen report.
pub async fn produire(
    store: &Store,
    secteur: &Sector,
    annee: i32,
    produit_le: NaiveDate,
    auteur_user_id: Option<i32>,
) -> Result<(RapportFige, Rapport), RapportError> {
    let rapport = assembler(store, secteur, annee, produit_le).await?;
    let contenu =
        serde_json::to_string(&rapport).map_err(|e| RapportError::Rendu(e.to_string()))?;
    let pdf = rendre(&rapport, Format::Pdf)?;
    let xlsx = rendre(&rapport, Format::Xlsx)?;
    let id = store
        .rapports()
        .figer(
            annee,
            &contenu,
            &sha256_hex(&pdf),
            &sha256_hex(&xlsx),
            auteur_user_id,
        )
        .await?;
    let fige = store
        .rapports()
        .get(id)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok((fige, rapport))
}

/// The frozen report's content, read back.
pub fn relire(fige: &RapportFige) -> Result<Rapport, RapportError> {
    serde_json::from_str(&fige.contenu).map_err(|e| RapportError::Illisible(fige.id, e.to_string()))
}
