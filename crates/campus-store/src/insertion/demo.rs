//! The demonstration's offers, written by hand from public facts: three
//! companies of the network (Servier's Gidy plant, Novo Nordisk in
//! Chartres, Axyntis in Pithiviers), real ROME trades and core skills with
//! their official labels and codes, real communes with their coordinates.
//! Dates follow the platform's clock, so that the offers are open on a
//! fresh start.

use campus_domain::insertion::{LieuOffre, NouvelleOffre, SaisieOffre};
use campus_domain::{CodeRome, GeoPoint};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::offres::{OffreSaisie, insert_offre};
use crate::StoreError;
use crate::entity::organisation;

/// One demonstration offer.
struct Demo {
    company: &'static str,
    type_offre: &'static str,
    intitule: &'static str,
    description: &'static str,
    rome: &'static str,
    niveau: &'static str,
    /// Days from today to the start.
    debut: i64,
    duree_mois: &'static str,
    postes: &'static str,
    /// INSEE code, name, latitude, longitude.
    commune: (&'static str, &'static str, f64, f64),
    competences: &'static [(i64, &'static str)],
}

const OFFERS: [Demo; 3] = [
    Demo {
        company: "Servier",
        type_offre: "apprentissage",
        intitule: "Conducteur / Conductrice de ligne de conditionnement en apprentissage (bac pro)",
        description: "Au sein de l'usine de Gidy, vous conduisez une ligne de conditionnement de médicaments (blistérisation, étuyage) en zone à atmosphère contrôlée, avec votre tuteur.\nVous préparez en alternance le bac pro Procédés de la chimie, de l'eau et des papiers-cartons.",
        rome: "H3301",
        niveau: "4",
        debut: 75,
        duree_mois: "24",
        postes: "2",
        commune: ("45154", "Gidy", 47.991_335_509_1, 1.835_868_770_13),
        competences: &[
            (
                106_395,
                "Surveiller le fonctionnement de la machine ou de la ligne de conditionnement et des appareils de contrôle et ajuster en cas d'écarts",
            ),
            (
                106_396,
                "Vérifier la conformité du conditionnement des produits (étanchéité, poids, température, ...)",
            ),
            (
                300_208,
                "Approvisionner une machine en matière première ou en produit",
            ),
            (300_268, "Conditionner des produits"),
            (403_326, "Assurer la propreté de la zone de travail"),
        ],
    },
    Demo {
        company: "Novo Nordisk",
        type_offre: "apprentissage",
        intitule: "Technicien / Technicienne de laboratoire de contrôle qualité en alternance (BTS)",
        description: "Au laboratoire de contrôle qualité du site de Chartres, vous réalisez les analyses physico-chimiques des matières premières et des produits finis selon les bonnes pratiques de fabrication.\nVous préparez en alternance un BTS du domaine (bioanalyses et contrôles, métiers de la chimie).",
        rome: "H1503",
        niveau: "5",
        debut: 90,
        duree_mois: "24",
        postes: "1",
        commune: ("28085", "Chartres", 48.447_146_488_4, 1.505_706_106_16),
        competences: &[
            (
                104_734,
                "Préparer les produits et les appareils de mesures et d'analyses et contrôler leur conformité d'étalonnage et de fonctionnement",
            ),
            (
                115_339,
                "Analyser des échantillons solides, liquides, gazeux (eau, boues, déchets) et consigner les résultats",
            ),
            (123_850, "Contrôler la conformité d'un résultat d'analyse"),
            (
                300_446,
                "Respecter les règles de Qualité, Hygiène, Sécurité, Santé et Environnement (QHSSE)",
            ),
            (502_976, "Rédiger des rapports d'analyse détaillés"),
        ],
    },
    Demo {
        company: "Axyntis",
        type_offre: "stage",
        intitule: "Stage en production de principes actifs : pilotage d'installation",
        description: "Dans l'atelier de synthèse de Pithiviers, vous participez à la conduite des réacteurs et au suivi des paramètres de fabrication de principes actifs pharmaceutiques, avec l'équipe de production.\nStage de deux à trois mois pour un élève de BTS ou de BUT.",
        rome: "H2301",
        niveau: "5",
        debut: 40,
        duree_mois: "3",
        postes: "1",
        commune: ("45252", "Pithiviers", 48.180_510_261_3, 2.249_943_415_72),
        competences: &[
            (117_907, "Régler les paramètres des machines de production"),
            (300_155, "Démarrer et/ou arrêter une machine, une ligne"),
            (
                485_055,
                "Contrôler la qualité des produits en cours de production",
            ),
            (501_848, "Contrôler les paramètres de production"),
            (
                506_099,
                "Assurer la conformité aux normes de sécurité et environnementales",
            ),
        ],
    },
];

/// Adds the demonstration offers of the companies in the directory.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let today = campus_domain::heure_legale::aujourdhui(now);
    for d in &OFFERS {
        let Some(company) = organisation::Entity::find()
            .filter(organisation::Column::Nom.eq(d.company))
            .one(conn)
            .await?
        else {
            continue;
        };
        let saisie = SaisieOffre {
            type_offre: d.type_offre.to_owned(),
            date_debut: (today + Duration::days(d.debut)).to_string(),
            duree_mois: d.duree_mois.to_owned(),
            postes: d.postes.to_owned(),
            niveau: d.niveau.to_owned(),
            expire_le: String::new(),
        };
        let corrupt = |what: &str| StoreError::Corrupt(format!("offre de démonstration : {what}"));
        let offre = NouvelleOffre::parse(&saisie, today).map_err(|_| corrupt("champs"))?;
        let (insee, nom, lat, lon) = d.commune;
        let input = OffreSaisie {
            organisation_id: company.id,
            auteur_user_id: None,
            offre,
            intitule: d.intitule.to_owned(),
            description: d.description.to_owned(),
            code_rome: CodeRome::parse(d.rome).map_err(|_| corrupt("code ROME"))?,
            certification: None,
            lieu: LieuOffre {
                commune_insee: insee.to_owned(),
                commune_nom: nom.to_owned(),
                departement: Some(insee[..2].to_owned()),
                position: GeoPoint::new(lat, lon).map_err(|_| corrupt("position"))?,
            },
            competences: d
                .competences
                .iter()
                .map(|(code, libelle)| (*code, (*libelle).to_owned()))
                .collect(),
            horaires: Some("Du lundi au vendredi, en journée".to_owned()),
            remuneration: None,
            formation_id: None,
            contact_nom: None,
            contact_email: company.email_contact.clone(),
        };
        insert_offre(conn, &input, now).await?;
    }
    Ok(())
}
