//! What the import of the lycées' programmes (Affelnet) reads from the
//! catalogue: the diplomas by CFD, with their RNCP fiches, and the schools
//! the catalogue can place, by UAI.

use std::collections::HashMap;

use campus_domain::{CodeCertification, GeoPoint};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::{
    bcn_diplome, bcn_diplome_professionnel, formation, formation_action, kit_apprentissage,
    organisation,
};
use crate::{Store, StoreError};

/// A diploma as the BCN and the Kit apprentissage name it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiplomeConnu {
    /// `Bac pro Pilote de ligne de production`.
    pub intitule: Option<String>,
    /// The RNCP fiches it matches, in code order.
    pub certifications: Vec<CodeCertification>,
    pub niveau: Option<u8>,
    /// Its « famille de métiers », for a bac pro.
    pub famille: Option<String>,
}

/// A school the catalogue can place: a Parcoursup programme it teaches, or
/// its entry in the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct EtablissementConnu {
    pub nom: String,
    pub position: GeoPoint,
    pub adresse: Option<String>,
    pub code_postal: Option<String>,
    pub ville: Option<String>,
    pub departement: Option<String>,
}

/// `BAC PRO` as people write it; other kinds (CAP, BP, MC…) are acronyms.
fn kind(diplome: &str) -> String {
    match diplome.trim() {
        "BAC PRO" => "Bac pro".to_owned(),
        other => other.to_owned(),
    }
}

impl Store {
    /// Every diploma of the BCN, with its title and fiches from the
    /// vocational diplomas' table, completed by the Kit apprentissage
    /// (fiches, and a title for the diplomas the table lacks) and by the
    /// BCN's own label.
    pub async fn diplomes_par_cfd(&self) -> Result<HashMap<String, DiplomeConnu>, StoreError> {
        let db = self.conn();
        let mut out: HashMap<String, DiplomeConnu> = HashMap::new();
        for d in bcn_diplome_professionnel::Entity::find().all(db).await? {
            let entry = out.entry(d.cfd.clone()).or_default();
            entry
                .intitule
                .get_or_insert_with(|| format!("{} {}", kind(&d.diplome), d.intitule.trim()));
            entry.famille = entry.famille.take().or(d.famille_metiers);
            entry.niveau = entry.niveau.or(d.niveau.and_then(|n| u8::try_from(n).ok()));
            if let Ok(code) = CodeCertification::parse(&d.code_rncp) {
                entry.certifications.push(code);
            }
        }
        for k in kit_apprentissage::Entity::find()
            .filter(kit_apprentissage::Column::Active.eq(true))
            .all(db)
            .await?
        {
            let entry = out.entry(k.cfd.clone()).or_default();
            entry.intitule.get_or_insert(k.intitule);
            entry.niveau = entry.niveau.or(k.niveau.and_then(|n| u8::try_from(n).ok()));
            if let Ok(code) = CodeCertification::parse(&k.code_rncp) {
                entry.certifications.push(code);
            }
        }
        for d in bcn_diplome::Entity::find().all(db).await? {
            let entry = out.entry(d.cfd.clone()).or_default();
            if entry.intitule.is_none() {
                entry.intitule = Some(match d.libelle_court {
                    Some(court) => format!("{} {}", kind(&court), d.libelle),
                    None => d.libelle,
                });
            }
            entry.niveau = entry.niveau.or(d.niveau.and_then(|n| u8::try_from(n).ok()));
        }
        for d in out.values_mut() {
            d.certifications.sort();
            d.certifications.dedup();
        }
        Ok(out)
    }

    /// The schools the catalogue can place, by UAI: first where a
    /// Parcoursup programme of theirs is taught, else the position of
    /// their entry in the directory.
    pub async fn etablissements_par_uai(
        &self,
    ) -> Result<HashMap<String, EtablissementConnu>, StoreError> {
        let db = self.conn();
        let mut out = HashMap::new();
        let parcoursup: HashMap<String, formation::Model> = formation::Entity::find()
            .filter(formation::Column::Source.eq("esr-parcoursup"))
            .filter(formation::Column::OrganismeUai.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.id.clone(), f))
            .collect();
        let actions = formation_action::Entity::find()
            .filter(formation_action::Column::FormationId.is_in(parcoursup.keys().cloned()))
            .order_by_asc(formation_action::Column::Id)
            .all(db)
            .await?;
        for a in actions {
            let (Some(f), Some(position)) = (
                parcoursup.get(&a.formation_id),
                GeoPoint::from_columns(a.latitude, a.longitude),
            ) else {
                continue;
            };
            let Some(uai) = f.organisme_uai.clone() else {
                continue;
            };
            out.entry(uai).or_insert_with(|| EtablissementConnu {
                nom: f.organisme_nom.clone(),
                position,
                adresse: a.lieu_adresse.clone(),
                code_postal: a.lieu_code_postal.clone(),
                ville: a.lieu_ville.clone(),
                departement: a.lieu_departement.clone(),
            });
        }
        for o in organisation::Entity::find()
            .filter(organisation::Column::Uai.is_not_null())
            .order_by_asc(organisation::Column::Id)
            .all(db)
            .await?
        {
            let (Some(uai), Some(position)) =
                (o.uai, GeoPoint::from_columns(o.latitude, o.longitude))
            else {
                continue;
            };
            out.entry(uai).or_insert(EtablissementConnu {
                nom: o.nom,
                position,
                adresse: o.adresse,
                code_postal: o.code_postal,
                ville: o.commune,
                departement: o.departement,
            });
        }
        Ok(out)
    }
}
