//! The demonstration's projects: one of each kind of school project and
//! one of the We Lab, between organisations of the directory, on real
//! ROME trades. Their titles and summaries are written for the
//! demonstration and say so; dates follow the platform's clock.

use campus_domain::CodeRome;
use campus_domain::projet::{NouveauProjet, SaisieProjet};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::Fait;
use super::ecriture::{ProjetEcrit, insert, record};
use crate::StoreError;
use crate::entity::organisation;

struct Demo {
    type_projet: &'static str,
    titre: &'static str,
    resume: &'static str,
    /// Days from today to the start (negative: started) and the end.
    debut: i64,
    fin: i64,
    organisations: &'static [&'static str],
    romes: &'static [&'static str],
}

const NOTE: &str = "Projet de démonstration de la plateforme.";

const PROJETS: [Demo; 3] = [
    Demo {
        type_projet: "initiation_recherche",
        titre: "Des plantes de la région aux actifs cosmétiques",
        resume: "Des lycéens de seconde extraient, avec un laboratoire de recherche, les composés de plantes cultivées en Centre-Val de Loire et mesurent leur pouvoir antioxydant, avant de présenter leurs résultats aux entreprises de la Cosmetic Valley.",
        debut: -60,
        fin: 150,
        organisations: &["LP Maréchal Leclerc", "CNRS", "Université d'Orléans"],
        romes: &["H1503"],
    },
    Demo {
        type_projet: "pedagogique_industriel",
        titre: "Réduire les arrêts d'une ligne de conditionnement",
        resume: "Une classe de BTS analyse avec l'usine les arrêts d'une ligne de conditionnement de médicaments, propose des réglages et les essaie sur la ligne pilote de la plateforme technologique.",
        debut: -30,
        fin: 120,
        organisations: &[
            "IMT – Institut des Métiers et des Technologies des produits de santé",
            "Servier",
        ],
        romes: &["H3301"],
    },
    Demo {
        type_projet: "we_lab",
        titre: "Flacon cosmétique rechargeable en pharmacie",
        resume: "Une jeune équipe conçoit un flacon de soin rechargeable en officine : étude des usages, prototype de la station de remplissage et conditions de conformité réglementaire, accompagnée par le pré-incubateur We Lab.",
        debut: -20,
        fin: 340,
        organisations: &["Cosmetic Valley", "Université de Tours"],
        romes: &["H1206"],
    },
];

/// Adds the demonstration projects whose organisations are in the
/// directory.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let today = campus_domain::heure_legale::aujourdhui(now);
    let corrupt = |what: &str| StoreError::Corrupt(format!("projet de démonstration : {what}"));
    for d in &PROJETS {
        let saisie = SaisieProjet {
            type_projet: d.type_projet.to_owned(),
            titre: d.titre.to_owned(),
            resume: format!("{}\n\n{NOTE}", d.resume),
            resultats: String::new(),
            debut: (today + Duration::days(d.debut)).to_string(),
            fin: (today + Duration::days(d.fin)).to_string(),
        };
        let champs = NouveauProjet::parse(&saisie).map_err(|_| corrupt(d.titre))?;
        let organisations = organisation::Entity::find()
            .filter(organisation::Column::Nom.is_in(d.organisations.iter().copied()))
            .all(conn)
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        let metiers = d
            .romes
            .iter()
            .map(|c| CodeRome::parse(c).map_err(|_| corrupt("code ROME")))
            .collect::<Result<_, _>>()?;
        let input = ProjetEcrit {
            champs,
            public: true,
            organisations,
            metiers,
            certifications: Vec::new(),
            equipements: Vec::new(),
        };
        let (id, _) = insert(conn, &input, None, now).await?;
        record(conn, id, None, Fait::Cree, "", now).await?;
    }
    Ok(())
}
