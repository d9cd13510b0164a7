//! The demonstration's partner establishments abroad and mobility
//! offers. The names are generic (no real establishment is described);
//! the cities, languages and ROME trades are real. Dates follow the
//! platform's clock, so that the offers are open on a fresh start.

use campus_domain::expertise::Langue;
use campus_domain::mobilite::{Ages, Financement, NatureMobilite, Pays, Periode};
use campus_domain::{CodeRome, Niveau, OrganisationKind};
use chrono::{DateTime, Duration, Utc};
use sea_orm::ConnectionTrait;

use super::offres::{self, OffreMobiliteSaisie};
use super::partenaires::{self, PartenaireSaisie};
use crate::StoreError;

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("mobilité de démonstration : {what}"))
}

fn partenaire(
    nom: &str,
    kind: OrganisationKind,
    pays: &str,
    ville: &str,
    langues: &[&str],
    metiers: &[&str],
    contact: (&str, &str),
) -> Result<PartenaireSaisie, StoreError> {
    Ok(PartenaireSaisie {
        nom: nom.to_owned(),
        kind,
        pays: Pays::parse(pays).map_err(|_| corrupt("pays"))?,
        ville: ville.to_owned(),
        description: format!(
            "Établissement partenaire à {ville}, qui accueille des apprenants du campus."
        ),
        site_web: None,
        langues: langues
            .iter()
            .map(|l| Langue::parse(l).map_err(|_| corrupt("langue")))
            .collect::<Result<_, _>>()?,
        metiers: metiers
            .iter()
            .map(|c| CodeRome::parse(c).map_err(|_| corrupt("code ROME")))
            .collect::<Result<_, _>>()?,
        niveaux: [3, 4, 5].into_iter().filter_map(Niveau::new).collect(),
        contact_nom: contact.0.to_owned(),
        contact_email: contact.1.to_owned(),
    })
}

/// Loads two partners abroad and two offers, on `conn`.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let today = now.date_naive();
    let allemagne = partenaires::insert(
        conn,
        &partenaire(
            "Pharmawerk Leipzig (démonstration)",
            OrganisationKind::Entreprise,
            "DE",
            "Leipzig",
            &["de", "en"],
            &["H3301", "H2301"],
            ("Frau Weber", "ausbildung@pharmawerk.example"),
        )?,
        now,
    )
    .await?;
    let espagne = partenaires::insert(
        conn,
        &partenaire(
            "Centro de Formación Profesional Cosmética (démonstration)",
            OrganisationKind::OrganismeFormation,
            "ES",
            "Valencia",
            &["es", "en"],
            &["H3301"],
            ("Sra. García", "movilidad@cfp-cosmetica.example"),
        )?,
        now,
    )
    .await?;
    let debut = today + Duration::days(120);
    offres::insert(
        conn,
        &OffreMobiliteSaisie {
            partenaire_id: allemagne,
            auteur_user_id: None,
            intitule: "Stage de trois semaines en conditionnement pharmaceutique à Leipzig".into(),
            description: "Trois semaines dans une usine de conditionnement de médicaments : conduite de ligne, contrôles en cours de production, bonnes pratiques de fabrication. Tutorat en anglais et en allemand.".into(),
            nature: NatureMobilite::Stage,
            periode: Periode::new(debut, debut + Duration::days(21), NatureMobilite::Stage.public())
                .map_err(|_| corrupt("dates"))?,
            places: 4,
            financement: Financement::ErasmusPlus,
            financement_nom: None,
            ages: Ages::new(Some(16), Some(25)).map_err(|_| corrupt("âges"))?,
            niveau: None,
            code_rome: CodeRome::parse("H3301").ok(),
            date_limite: debut - Duration::days(45),
        },
        now,
    )
    .await?;
    let debut = today + Duration::days(150);
    offres::insert(
        conn,
        &OffreMobiliteSaisie {
            partenaire_id: espagne,
            auteur_user_id: None,
            intitule: "Observation en centre de formation cosmétique à Valence (formateurs)".into(),
            description: "Une semaine d'observation des ateliers de formation aux métiers de la cosmétique, échanges de pratiques pédagogiques.".into(),
            nature: NatureMobilite::Observation,
            periode: Periode::new(debut, debut + Duration::days(5), NatureMobilite::Observation.public())
                .map_err(|_| corrupt("dates"))?,
            places: 2,
            financement: Financement::ErasmusPlus,
            financement_nom: None,
            ages: Ages::default(),
            niveau: None,
            code_rome: None,
            date_limite: debut - Duration::days(30),
        },
        now,
    )
    .await?;
    Ok(())
}
