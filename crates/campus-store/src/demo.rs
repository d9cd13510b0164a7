//! Demonstration data, loaded into an empty database by `campus serve`.
//!
//! Written by hand from public facts: the partners named by the campus's
//! own documents (the Campus CosmetoPharma Centre-Val de Loire programme and
//! the announcement of the LP Maréchal Leclerc joining it). SIRET and UAI
//! codes are given only where they are published in the official open data
//! (France compétences' list of certifiers, the higher-education open data);
//! elsewhere they are left empty rather than guessed.

use campus_domain::evenement::{Audience, EvenementKind};
use campus_domain::{CodePostal, CodeRome, Departement, OrganisationKind, Siret, Uai};
use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use crate::evenements::{self, EvenementInput, Safety};
use crate::organisations::{self, OrganisationInput};
use crate::{Store, StoreError};

struct DemoOrganisation {
    nom: &'static str,
    kind: OrganisationKind,
    siret: Option<&'static str>,
    uai: Option<&'static str>,
    description: &'static str,
    adresse: Option<&'static str>,
    code_postal: Option<&'static str>,
    commune: Option<&'static str>,
    departement: Option<&'static str>,
    site_web: Option<&'static str>,
}

const NOTE: &str = "Fiche de démonstration rédigée à partir d'informations publiques.";

const ORGANISATIONS: &[DemoOrganisation] = &[
    DemoOrganisation {
        nom: "Université d'Orléans",
        kind: OrganisationKind::Universite,
        siret: Some("19450855200016"),
        uai: Some("0450855K"),
        description: "Université pilote du consortium du Campus des métiers et des qualifications d'excellence CosmetoPharma Centre-Val de Loire.",
        adresse: Some("Château de la Source, avenue du Parc Floral"),
        code_postal: Some("45067"),
        commune: Some("Orléans"),
        departement: Some("45"),
        site_web: Some("https://www.univ-orleans.fr"),
    },
    DemoOrganisation {
        nom: "Université de Tours",
        kind: OrganisationKind::Universite,
        siret: Some("19370800500478"),
        uai: Some("0370800U"),
        description: "Université partenaire du campus : Faculté de pharmacie et Polytech Tours portent le cursus de pharmacien ingénieur.",
        adresse: Some("60 rue du Plat d'Étain"),
        code_postal: Some("37000"),
        commune: Some("Tours"),
        departement: Some("37"),
        site_web: Some("https://www.univ-tours.fr"),
    },
    DemoOrganisation {
        nom: "LP Maréchal Leclerc",
        kind: OrganisationKind::EtablissementScolaire,
        siret: None,
        uai: None,
        description: "Lycée professionnel membre du consortium, établissement « leader » pour la formation maintenance (filières MEI/MSPC et logistique).",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: Some("45"),
        site_web: None,
    },
    DemoOrganisation {
        nom: "AgroParisTech",
        kind: OrganisationKind::Universite,
        siret: Some("13000285000134"),
        uai: None,
        description: "Institut national des sciences et industries du vivant et de l'environnement ; nouveau cursus ingénieur du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: Some("https://www.agroparistech.fr"),
    },
    DemoOrganisation {
        nom: "CNRS",
        kind: OrganisationKind::Laboratoire,
        siret: None,
        uai: None,
        description: "Centre national de la recherche scientifique, partenaire recherche du campus.",
        adresse: None,
        code_postal: None,
        commune: Some("Orléans"),
        departement: Some("45"),
        site_web: Some("https://www.cnrs.fr"),
    },
    DemoOrganisation {
        nom: "IMT – Institut des Métiers et des Technologies des produits de santé",
        kind: OrganisationKind::OrganismeFormation,
        siret: Some("38459854600057"),
        uai: None,
        description: "Organisme de formation des industries de santé et du bien-être, partenaire du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "Axyntis",
        kind: OrganisationKind::Entreprise,
        siret: None,
        uai: None,
        description: "Groupe de chimie fine pharmaceutique, partenaire socio-économique du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "Novo Nordisk",
        kind: OrganisationKind::Entreprise,
        siret: None,
        uai: None,
        description: "Laboratoire pharmaceutique, site de production à Chartres ; partenaire socio-économique du campus.",
        adresse: None,
        code_postal: None,
        commune: Some("Chartres"),
        departement: Some("28"),
        site_web: None,
    },
    DemoOrganisation {
        nom: "Servier",
        kind: OrganisationKind::Entreprise,
        siret: None,
        uai: None,
        description: "Groupe pharmaceutique, partenaire socio-économique du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: Some("45"),
        site_web: None,
    },
    DemoOrganisation {
        nom: "L'Oréal",
        kind: OrganisationKind::Entreprise,
        siret: None,
        uai: None,
        description: "Groupe cosmétique, partenaire socio-économique du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "Cosmetic Valley",
        kind: OrganisationKind::ClusterPole,
        siret: None,
        uai: None,
        description: "Pôle de compétitivité de la filière parfumerie-cosmétique.",
        adresse: None,
        code_postal: None,
        commune: Some("Chartres"),
        departement: Some("28"),
        site_web: Some("https://www.cosmetic-valley.com"),
    },
    DemoOrganisation {
        nom: "Polepharma",
        kind: OrganisationKind::ClusterPole,
        siret: None,
        uai: None,
        description: "Cluster de la production pharmaceutique.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "France Chimie Centre-Val de Loire",
        kind: OrganisationKind::ClusterPole,
        siret: None,
        uai: None,
        description: "Réseau régional des entreprises de la chimie.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "GREPIC",
        kind: OrganisationKind::ClusterPole,
        siret: None,
        uai: None,
        description: "Groupement d'entreprises, partenaire socio-économique du campus.",
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
    },
    DemoOrganisation {
        nom: "Rectorat de l'académie d'Orléans-Tours",
        kind: OrganisationKind::Collectivite,
        siret: None,
        uai: None,
        description: "Co-pilote du campus avec le Conseil régional.",
        adresse: None,
        code_postal: None,
        commune: Some("Orléans"),
        departement: Some("45"),
        site_web: None,
    },
    DemoOrganisation {
        nom: "Région Centre-Val de Loire",
        kind: OrganisationKind::Collectivite,
        siret: None,
        uai: None,
        description: "Conseil régional, co-pilote du campus avec le Rectorat.",
        adresse: None,
        code_postal: None,
        commune: Some("Orléans"),
        departement: Some("45"),
        site_web: None,
    },
];

/// A demonstration event, placed a number of weeks after the day the
/// demonstration is loaded so that the agenda is never empty nor past.
struct DemoEvenement {
    organisation: &'static str,
    kind: EvenementKind,
    titre: &'static str,
    description: &'static str,
    adresse: &'static str,
    code_postal: &'static str,
    commune: &'static str,
    weeks_ahead: i64,
    /// Paris time, hours.
    start_hour: u32,
    hours: i64,
    capacity: i32,
    audiences: &'static [Audience],
    romes: &'static [&'static str],
    min_age: Option<i32>,
    clean_room: bool,
    gmp: bool,
    safety_notes: &'static str,
}

const EVENTS: &[DemoEvenement] = &[
    DemoEvenement {
        organisation: "Cosmetic Valley",
        kind: EvenementKind::ForumSalon,
        titre: "Forum des métiers de la parfumerie-cosmétique",
        description: "Rencontrez les entreprises et les formations de la filière : production, conditionnement, qualité, recherche et développement.",
        adresse: "Maison internationale de la cosmétique",
        code_postal: "28000",
        commune: "Chartres",
        weeks_ahead: 3,
        start_hour: 9,
        hours: 7,
        capacity: 200,
        audiences: &[
            Audience::Lyceens,
            Audience::Etudiants,
            Audience::DemandeursEmploi,
        ],
        romes: &["H3301", "H1502", "H2301"],
        min_age: None,
        clean_room: false,
        gmp: false,
        safety_notes: "",
    },
    DemoEvenement {
        organisation: "Novo Nordisk",
        kind: EvenementKind::VisiteSite,
        titre: "Visite du site de production pharmaceutique de Chartres",
        description: "Découverte des lignes de production et de conditionnement d'un site pharmaceutique, et échanges avec des techniciens et des opérateurs.",
        adresse: "Site de production Novo Nordisk",
        code_postal: "28000",
        commune: "Chartres",
        weeks_ahead: 4,
        start_hour: 14,
        hours: 3,
        capacity: 20,
        audiences: &[Audience::Lyceens, Audience::Enseignants],
        romes: &["H2301", "H3301"],
        min_age: Some(16),
        clean_room: true,
        gmp: true,
        safety_notes: "Pièce d'identité demandée à l'accueil. Tenue fournie sur place ; bijoux et maquillage interdits en zone de production.",
    },
    DemoEvenement {
        organisation: "Université d'Orléans",
        kind: EvenementKind::PortesOuvertes,
        titre: "Portes ouvertes des formations en chimie et cosmétique",
        description: "Présentation des licences professionnelles et des masters du campus, visite des plateaux techniques.",
        adresse: "Château de la Source, avenue du Parc Floral",
        code_postal: "45100",
        commune: "Orléans",
        weeks_ahead: 6,
        start_hour: 10,
        hours: 6,
        capacity: 300,
        audiences: &[Audience::Lyceens, Audience::Etudiants, Audience::Salaries],
        romes: &["H1502"],
        min_age: None,
        clean_room: false,
        gmp: false,
        safety_notes: "",
    },
    DemoEvenement {
        organisation: "Université de Tours",
        kind: EvenementKind::AtelierDecouverte,
        titre: "Atelier découverte : du laboratoire à la pharmacie",
        description: "Un atelier pour collégiens : fabriquer une crème en laboratoire et découvrir les métiers de la production pharmaceutique.",
        adresse: "Faculté de pharmacie, 31 avenue Monge",
        code_postal: "37200",
        commune: "Tours",
        weeks_ahead: 5,
        start_hour: 14,
        hours: 2,
        capacity: 30,
        audiences: &[Audience::Collegiens],
        romes: &["H2301"],
        min_age: None,
        clean_room: false,
        gmp: false,
        safety_notes: "Blouse et lunettes fournies.",
    },
];

fn evenement_input(
    demo: &DemoEvenement,
    organisation_id: i32,
    today: DateTime<Utc>,
) -> Result<EvenementInput, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("démonstration, {} : {what}", demo.titre));
    // A Thursday, `weeks_ahead` weeks from now.
    let day = campus_domain::heure_legale::aujourdhui(today) + Duration::weeks(demo.weeks_ahead);
    let day =
        day + Duration::days((3 - i64::from(day.weekday().num_days_from_monday())).rem_euclid(7));
    let local =
        day.and_time(NaiveTime::from_hms_opt(demo.start_hour, 0, 0).ok_or_else(|| bad("heure"))?);
    let starts_at = campus_domain::heure_legale::depuis_local(local).ok_or_else(|| bad("heure"))?;
    let code_postal = CodePostal::parse(demo.code_postal).map_err(|_| bad("code postal"))?;
    Ok(EvenementInput {
        organisation_id,
        kind: demo.kind,
        titre: demo.titre.to_owned(),
        description: format!("{}\n\n{NOTE}", demo.description),
        adresse: demo.adresse.to_owned(),
        departement: code_postal.departement_probable(),
        code_postal: Some(code_postal),
        commune: demo.commune.to_owned(),
        starts_at,
        ends_at: starts_at + Duration::hours(demo.hours),
        capacity: demo.capacity,
        audiences: demo.audiences.to_vec(),
        romes: demo
            .romes
            .iter()
            .map(|r| CodeRome::parse(r))
            .collect::<Result<_, _>>()
            .map_err(|_| bad("ROME"))?,
        safety: Safety {
            min_age: demo.min_age,
            clean_room: demo.clean_room,
            gmp: demo.gmp,
            notes: demo.safety_notes.to_owned(),
        },
    })
}

fn input(demo: &DemoOrganisation) -> Result<OrganisationInput, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("démonstration, {} : {what}", demo.nom));
    Ok(OrganisationInput {
        nom: demo.nom.to_owned(),
        kind: demo.kind,
        siret: demo
            .siret
            .map(Siret::parse)
            .transpose()
            .map_err(|_| bad("SIRET"))?,
        uai: demo
            .uai
            .map(Uai::parse)
            .transpose()
            .map_err(|_| bad("UAI"))?,
        description: format!("{}\n\n{NOTE}", demo.description),
        adresse: demo.adresse.map(str::to_owned),
        code_postal: demo
            .code_postal
            .map(CodePostal::parse)
            .transpose()
            .map_err(|_| bad("code postal"))?,
        commune: demo.commune.map(str::to_owned),
        departement: demo
            .departement
            .map(Departement::parse)
            .transpose()
            .map_err(|_| bad("département"))?,
        site_web: demo.site_web.map(str::to_owned),
        email_contact: None,
    })
}

impl Store {
    /// Loads the demonstration organisations and their events if the
    /// directory is empty, in one transaction. Returns how many were created.
    pub async fn load_demo_if_empty(&self) -> Result<usize, StoreError> {
        if self.count_organisations().await? > 0 {
            return Ok(0);
        }
        let now = self.now();
        let txn = self.write().await?;
        let mut ids = Vec::with_capacity(ORGANISATIONS.len());
        for demo in ORGANISATIONS {
            let model = organisations::insert(&txn, input(demo)?, now).await?;
            ids.push((demo.nom, model.id));
        }
        for demo in EVENTS {
            let organisation_id = ids
                .iter()
                .find(|(nom, _)| *nom == demo.organisation)
                .map(|(_, id)| *id)
                .ok_or_else(|| {
                    StoreError::Corrupt(format!("démonstration : {}", demo.organisation))
                })?;
            evenements::insert(
                &txn,
                &evenement_input(demo, organisation_id, now)?,
                None,
                now,
            )
            .await?;
        }
        crate::equipements::demo::load(&txn, now).await?;
        crate::modules::demo::load(&txn, now).await?;
        crate::insertion::demo::load(&txn, now).await?;
        crate::projets::demo::load(&txn, now).await?;
        crate::mobilite::demo::load(&txn, now).await?;
        crate::ressources::demo::load(&txn, now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(ORGANISATIONS.len())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_demo_code_is_valid() {
        for demo in ORGANISATIONS {
            input(demo).unwrap();
        }
    }

    #[test]
    fn every_demo_evenement_is_valid_and_ahead() {
        // A Thursday evening, the weekday the demo's events fall on, after
        // their hours: they are still weeks ahead.
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 10, 20, 0, 0).unwrap();
        for demo in EVENTS {
            assert!(ORGANISATIONS.iter().any(|o| o.nom == demo.organisation));
            let event = evenement_input(demo, 1, now).unwrap();
            campus_domain::evenement::check_schedule(event.starts_at, event.ends_at, now).unwrap();
        }
    }
}
