//! Demonstration data, loaded into an empty database by `campus serve`.
//!
//! Written by hand from public facts: the partners named by the campus's
//! own documents (the Campus CosmetoPharma Centre-Val de Loire programme and
//! the announcement of the LP Maréchal Leclerc joining it). SIRET and UAI
//! codes are given only where they are published in the official open data
//! (France compétences' list of certifiers, the higher-education open data);
//! elsewhere they are left empty rather than guessed.

use campus_domain::{CodePostal, Departement, OrganisationKind, Siret, Uai};
use sea_orm::TransactionTrait;

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
    /// Loads the demonstration organisations if the directory is empty, in
    /// one transaction. Returns how many were created.
    pub async fn load_demo_if_empty(&self) -> Result<usize, StoreError> {
        if self.count_organisations().await? > 0 {
            return Ok(0);
        }
        let txn = self.conn().begin().await?;
        for demo in ORGANISATIONS {
            organisations::insert(&txn, input(demo)?).await?;
        }
        crate::modules::demo::load(&txn).await?;
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
}
