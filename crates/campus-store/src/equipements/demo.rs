//! Demonstration equipment of the technology platform, loaded with the
//! demonstration organisations. Typical equipment of a cosmetics and
//! pharmaceutical technology platform; the owners are demonstration
//! partners, the rates plausible orders of magnitude, not published prices.

use campus_domain::equipement::{CategorieEquipement, Horaires, StatutEquipement};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::catalogue::{self, NouvelEquipement};
use crate::StoreError;
use crate::entity::organisation;

struct DemoEquipement {
    nom: &'static str,
    owner: &'static str,
    site: &'static str,
    categorie: CategorieEquipement,
    description: &'static str,
    capacites: &'static str,
    regles_securite: &'static str,
    academique: i32,
    industriel: i32,
    approbation: bool,
    statut: StatutEquipement,
}

/// Monday to Friday.
const SEMAINE: u8 = 0b001_1111;

const EQUIPEMENTS: &[DemoEquipement] = &[
    DemoEquipement {
        nom: "Chaîne HPLC avec détecteur UV à barrette de diodes",
        owner: "Université d'Orléans",
        site: "Plateau analytique, campus de la Source, Orléans",
        categorie: CategorieEquipement::Chromatographie,
        description: "Chromatographie liquide haute performance pour le dosage des actifs et le contrôle qualité des matières premières cosmétiques et pharmaceutiques.",
        capacites: "Pompe quaternaire 600 bar, passeur de 120 échantillons thermostaté, four à colonnes, détecteur DAD 190–800 nm.",
        regles_securite: "Blouse, lunettes et gants nitrile ; solvants manipulés sous sorbonne ; déchets dans les bidons halogénés / non halogénés.",
        academique: 4500,
        industriel: 12000,
        approbation: false,
        statut: StatutEquipement::EnService,
    },
    DemoEquipement {
        nom: "Rhéomètre rotatif à contrainte imposée",
        owner: "Université de Tours",
        site: "Faculté de pharmacie, Tours",
        categorie: CategorieEquipement::Rheologie,
        description: "Mesure de la viscosité et du comportement viscoélastique des crèmes, gels et émulsions.",
        capacites: "Géométries cône-plan et plan-plan, plage de −20 à 200 °C, balayages en fréquence et en contrainte.",
        regles_securite: "Manipulation des géométries avec précaution ; nettoyage à l'éthanol après usage.",
        academique: 3500,
        industriel: 9000,
        approbation: false,
        statut: StatutEquipement::EnService,
    },
    DemoEquipement {
        nom: "Mélangeur-émulseur sous vide de laboratoire",
        owner: "IMT – Institut des Métiers et des Technologies des produits de santé",
        site: "Atelier de fabrication pilote, Tours",
        categorie: CategorieEquipement::Formulation,
        description: "Fabrication de lots pilotes d'émulsions et de gels cosmétiques de 5 à 20 kg.",
        capacites: "Cuve double enveloppe 25 L, turbine d'homogénéisation 3 000 tr/min, vide jusqu'à −0,9 bar.",
        regles_securite: "Formation obligatoire ; port de la charlotte et des gants ; consignation avant nettoyage.",
        academique: 6000,
        industriel: 15000,
        approbation: true,
        statut: StatutEquipement::EnService,
    },
    DemoEquipement {
        nom: "Salle blanche ISO 7",
        owner: "IMT – Institut des Métiers et des Technologies des produits de santé",
        site: "Zone à atmosphère contrôlée, Tours",
        categorie: CategorieEquipement::SallePropre,
        description: "Salle propre pour la formation aux bonnes pratiques de fabrication et le remplissage aseptique.",
        capacites: "40 m², classe ISO 7 au repos, sas personnel et matériel, poste de sécurité microbiologique.",
        regles_securite: "Habillage complet au sas ; aucun objet personnel ; règles d'entrée et de sortie BPF affichées.",
        academique: 8000,
        industriel: 20000,
        approbation: true,
        statut: StatutEquipement::EnService,
    },
    DemoEquipement {
        nom: "Ligne de conditionnement sous blister",
        owner: "LP Maréchal Leclerc",
        site: "Plateau technique maintenance et conditionnement",
        categorie: CategorieEquipement::Conditionnement,
        description: "Ligne pédagogique de thermoformage et de scellage de blisters, pour la conduite de ligne et la maintenance.",
        capacites: "Thermoformage PVC/aluminium, jusqu'à 60 blisters par minute, contrôle de présence par caméra.",
        regles_securite: "Carters fermés en production ; consignation électrique avant toute intervention ; protections auditives.",
        academique: 5000,
        industriel: 13000,
        approbation: true,
        statut: StatutEquipement::EnMaintenance,
    },
];

/// Inserts the demonstration equipment, owned by the demonstration
/// organisations inserted before in the same transaction.
pub(crate) async fn load(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let horaires = Horaires::new(SEMAINE, 8 * 60, 18 * 60)
        .map_err(|_| StoreError::Corrupt("démonstration : horaires".to_owned()))?;
    for demo in EQUIPEMENTS {
        let owner = organisation::Entity::find()
            .filter(organisation::Column::Nom.eq(demo.owner))
            .one(txn)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("démonstration : {}", demo.owner)))?;
        catalogue::insert(
            txn,
            NouvelEquipement {
                nom: demo.nom.to_owned(),
                organisation_id: owner.id,
                site: demo.site.to_owned(),
                categorie: demo.categorie,
                description: demo.description.to_owned(),
                capacites: demo.capacites.to_owned(),
                regles_securite: demo.regles_securite.to_owned(),
                habilitation_requise: true,
                tarif_academique_centimes: demo.academique,
                tarif_industriel_centimes: demo.industriel,
                statut: demo.statut,
                horaires,
                approbation_requise: demo.approbation,
            },
            now,
        )
        .await?;
    }
    Ok(EQUIPEMENTS.len())
}
