//! `campus import offres FILE`: the RSS 2.0 feed of the public-sector
//! apprenticeship site (Place de l'apprentissage et des stages).
//!
//! The feed names no ROME code and no coordinates. Each offer's trade is
//! the most specific ROME job title its title holds
//! ([`Suggestions::metier_of_title`]), its place the commune of that name
//! in its département; its skills are its trade's core skills. An offer
//! whose trade or place cannot be found is kept (its link leads to the
//! source) and listed as unresolved with its line: it is shown, but no fit
//! can be computed for it, or no distance.

use std::path::Path;
use std::time::Instant;

use campus_domain::insertion::TypeOffre;
use campus_domain::insertion::offre::default_expiry;
use campus_domain::{CodeRome, GeoPoint, Niveau};
use campus_formats::offres_rss::{OffreFlux, offres_rss};
use campus_formats::{FormatError, Record};
use campus_search::Suggestions;
use campus_store::Store;
use campus_store::insertion::{OffreImportee, SourceOffre};

use crate::ImportReport;
use crate::feed::ImportError;

/// Imports the feed in one transaction (see the module documentation).
pub async fn import_offres(
    store: &Store,
    file: &Path,
    tables: &Suggestions,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let items = offres_rss(file)?;
    let name = items.file_name().to_owned();
    let today = store.clock().today();
    let mut offers = Vec::new();
    for record in items {
        match record? {
            Record::Valid(item, line) => {
                let (offer, problems) = resolve(store, tables, item, today).await?;
                for problem in problems {
                    report
                        .unresolved
                        .push(FormatError::new(&name, Some(line), problem));
                }
                offers.push(offer);
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    let counts = store
        .insertion()
        .importer_offres(SourceOffre::Pass, &offers)
        .await?;
    report.tables = vec![("offres", counts)];
    report.elapsed = start.elapsed();
    Ok(report)
}

/// The offer of a feed item, and what could not be resolved in it.
async fn resolve(
    store: &Store,
    tables: &Suggestions,
    item: OffreFlux,
    today: chrono::NaiveDate,
) -> Result<(OffreImportee, Vec<String>), ImportError> {
    let mut problems = Vec::new();
    let code_rome = tables
        .metier_of_title(&item.titre)
        .and_then(|c| CodeRome::parse(&c).ok());
    if code_rome.is_none() {
        problems.push(format!(
            "offre « {} » : aucun métier du ROME reconnu dans l'intitulé « {} »",
            item.identifiant, item.titre
        ));
    }
    let commune = item
        .commune
        .as_deref()
        .and_then(|c| tables.commune_named_in(c, item.departement.as_deref()));
    if commune.is_none() {
        problems.push(format!(
            "offre « {} » : commune « {} » ({}) introuvable",
            item.identifiant,
            item.commune.as_deref().unwrap_or(""),
            item.departement.as_deref().unwrap_or("département inconnu")
        ));
    }
    let competences = match &code_rome {
        Some(code) => store.insertion().competences_du_metier(code).await?,
        None => Vec::new(),
    };
    let type_offre = match item.nature.as_deref() {
        Some("STAGE") => TypeOffre::Stage,
        _ => TypeOffre::Apprentissage,
    };
    let offer = OffreImportee {
        source: SourceOffre::Pass,
        source_id: item.identifiant,
        source_lien: item.lien,
        type_offre,
        intitule: item.titre,
        description: item.description,
        employeur: item.employeur.or(item.service),
        code_rome,
        niveau: item.niveau_rncp.and_then(Niveau::new),
        commune_insee: commune.map(|c| c.code_insee.clone()),
        commune_nom: commune
            .map(|c| c.nom.clone())
            .or(item.commune)
            .unwrap_or_default(),
        departement: commune
            .and_then(|c| c.departement.clone())
            .or(item.departement),
        position: commune.and_then(|c| GeoPoint::from_columns(c.latitude, c.longitude)),
        date_debut: item.date_debut,
        duree_mois: item.duree.as_deref().and_then(months),
        expire_le: default_expiry(today),
        competences,
    };
    Ok((offer, problems))
}

/// The longest duration a feed's text gives, in months: « Entre 12 et 24
/// mois » is 24, « 6 mois » is 6, « 2 ans » is 24.
fn months(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let factor = if lower.contains("an") && !lower.contains("mois") {
        12
    } else {
        1
    };
    lower
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .map(|n| n * factor)
        .filter(|m| (1..=48).contains(m))
}

#[cfg(test)]
mod tests {
    use super::months;

    #[test]
    fn durations_read_as_their_longest_months() {
        assert_eq!(months("Entre 12 et 24 mois"), Some(24));
        assert_eq!(months("6 mois"), Some(6));
        assert_eq!(months("2 ans"), Some(24));
        assert_eq!(months("Moins de 12 mois"), Some(12));
        assert_eq!(months("Plus de 36 mois"), Some(36));
        assert_eq!(months("variable"), None);
        assert_eq!(months("999 mois"), None);
    }
}
