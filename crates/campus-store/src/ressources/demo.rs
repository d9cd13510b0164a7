//! The demonstration's resources: a few pedagogical resources of the
//! network on real ROME trades and real RNCP certifications and blocs of
//! the embedded subset, approved and public so that the library is not
//! empty on a fresh start. Their texts are written for the demonstration
//! and say so.

use campus_domain::CodeRome;
use campus_domain::ressource::{EtatRessource, NouvelleRessource, SaisieRessource};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::ecriture::{RessourceEcrite, insert};
use crate::StoreError;
use crate::entity::organisation;

struct Demo {
    titre: &'static str,
    description: &'static str,
    type_ressource: &'static str,
    licence: &'static str,
    audiences: &'static [&'static str],
    niveaux: &'static [&'static str],
    duree: &'static str,
    auteurs: &'static str,
    organisation: &'static str,
    romes: &'static [&'static str],
    certifications: &'static [&'static str],
    blocs: &'static [&'static str],
}

const NOTE: &str = "Ressource de démonstration de la plateforme.";

const RESSOURCES: [Demo; 4] = [
    Demo {
        titre: "Kit de découverte des métiers du conditionnement pharmaceutique",
        description: "Un atelier de découverte d'une heure et demie pour une classe de collège : vidéo d'une ligne de conditionnement de médicaments, jeu de rôle du conducteur de ligne (contrôle des lots, traçabilité, réglage d'une étiqueteuse) et fiche élève sur les formations qui y mènent, du CAP au BTS.",
        type_ressource: "kit_decouverte",
        licence: "cc_by",
        audiences: &["collegiens", "enseignants"],
        niveaux: &["3", "4"],
        duree: "90",
        auteurs: "Équipe du campus CosmetoPharma",
        organisation: "IMT – Institut des Métiers et des Technologies des produits de santé",
        romes: &["H3301"],
        certifications: &["RNCP36085"],
        blocs: &["RNCP36085BC04"],
    },
    Demo {
        titre: "Fiche métier illustrée : technicien de laboratoire d'analyse industrielle",
        description: "Une fiche illustrée recto verso pour les lycéens : ce que fait un technicien de laboratoire de contrôle qualité dans une usine cosmétique, ses instruments (HPLC, pH-mètre, viscosimètre), ses horaires et les diplômes qui y conduisent.",
        type_ressource: "fiche_metier",
        licence: "licence_ouverte",
        audiences: &["lyceens", "enseignants"],
        niveaux: &["4", "5"],
        duree: "",
        auteurs: "Équipe du campus CosmetoPharma",
        organisation: "",
        romes: &["H1503"],
        certifications: &[],
        blocs: &[],
    },
    Demo {
        titre: "TP : pesée et fabrication d'une émulsion cosmétique selon les BPF",
        description: "Travaux pratiques de trois heures pour apprentis : pesée des matières premières, fabrication d'une crème en émulsion huile dans eau, renseignement du dossier de lot et nettoyage du poste selon les bonnes pratiques de fabrication.",
        type_ressource: "travaux_pratiques",
        licence: "cc_by_sa",
        audiences: &["apprentis", "formateurs"],
        niveaux: &["3"],
        duree: "180",
        auteurs: "Formateurs de l'IMT",
        organisation: "IMT – Institut des Métiers et des Technologies des produits de santé",
        romes: &["H2301"],
        certifications: &["RNCP35753"],
        blocs: &["RNCP35753BC01", "RNCP35753BC02"],
    },
    Demo {
        titre: "Étude de cas industrielle : les arrêts d'une ligne de conditionnement",
        description: "Une étude de cas pour étudiants de BTS : relevés d'arrêts d'une ligne de conditionnement sur un mois, calcul du taux de rendement synthétique, recherche des causes et propositions de réglages à essayer sur la ligne pilote.",
        type_ressource: "etude_de_cas",
        licence: "cc_by_nc",
        audiences: &["etudiants", "formateurs"],
        niveaux: &["5"],
        duree: "240",
        auteurs: "Équipe du campus CosmetoPharma",
        organisation: "",
        romes: &["H3301"],
        certifications: &["RNCP36428"],
        blocs: &[],
    },
];

/// Adds the demonstration resources, approved and public.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let today = campus_domain::heure_legale::aujourdhui(now);
    let corrupt = |what: &str| StoreError::Corrupt(format!("ressource de démonstration : {what}"));
    for d in &RESSOURCES {
        let saisie = SaisieRessource {
            titre: d.titre.to_owned(),
            description: format!("{}\n\n{NOTE}", d.description),
            type_ressource: d.type_ressource.to_owned(),
            licence: d.licence.to_owned(),
            visibilite: "public".to_owned(),
            audiences: d.audiences.iter().map(|s| (*s).to_owned()).collect(),
            niveaux: d.niveaux.iter().map(|s| (*s).to_owned()).collect(),
            duree: d.duree.to_owned(),
            auteurs: d.auteurs.to_owned(),
            ..Default::default()
        };
        let champs = NouvelleRessource::parse(&saisie, today).map_err(|_| corrupt(d.titre))?;
        let organisation_id = organisation::Entity::find()
            .filter(organisation::Column::Nom.eq(d.organisation))
            .one(conn)
            .await?
            .map(|o| o.id);
        let metiers = d
            .romes
            .iter()
            .map(|c| CodeRome::parse(c).map_err(|_| corrupt("code ROME")))
            .collect::<Result<_, _>>()?;
        let input = RessourceEcrite {
            champs,
            organisation_id,
            metiers,
            certifications: d.certifications.iter().map(|s| (*s).to_owned()).collect(),
            blocs: d.blocs.iter().map(|s| (*s).to_owned()).collect(),
            equipements: Vec::new(),
        };
        insert(conn, &input, None, EtatRessource::Approuvee, now).await?;
    }
    Ok(())
}
