//! The figures of the campus's mobility: one row per confirmed mobility
//! (a retained application to a mobility offer), and the learners the
//! platform knows.

use std::collections::HashMap;

use campus_domain::Role;
use campus_domain::insertion::EtatCandidature;
use campus_domain::mobilite::{Financement, NatureMobilite, Pays, Periode, PublicMobilite};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use super::Mobilite;
use super::offres::OffreMobilite;
use crate::StoreError;
use crate::entity::{candidature, candidature_mobilite, user};

/// A confirmed mobility, as the reporting and the Erasmus+ beneficiary
/// report count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    pub candidature_id: i32,
    /// `None` once the person's account was erased.
    pub candidat_user_id: Option<i32>,
    pub public: PublicMobilite,
    pub nature: NatureMobilite,
    pub pays: Pays,
    pub periode: Periode,
    pub financement: Financement,
    pub financement_nom: Option<String>,
    /// The level the offer asked for, else none.
    pub niveau: Option<u8>,
    pub code_rome: Option<String>,
    pub metier_libelle: Option<String>,
    pub moins_opportunites: bool,
    pub acquis: bool,
}

impl Mobilite<'_> {
    /// Every confirmed mobility, soonest first.
    pub async fn participations(&self) -> Result<Vec<Participation>, StoreError> {
        let offres: HashMap<i32, OffreMobilite> = self
            .offres(&Default::default())
            .await?
            .into_iter()
            .map(|o| (o.id(), o))
            .collect();
        let retenues = candidature::Entity::find()
            .filter(candidature::Column::Etat.eq(EtatCandidature::Retenue.as_str()))
            .filter(candidature::Column::OffreId.is_in(offres.keys().copied().collect::<Vec<_>>()))
            .order_by_asc(candidature::Column::Id)
            .all(self.conn())
            .await?;
        let ext: HashMap<i32, candidature_mobilite::Model> = candidature_mobilite::Entity::find()
            .filter(
                candidature_mobilite::Column::CandidatureId
                    .is_in(retenues.iter().map(|c| c.id).collect::<Vec<_>>()),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| (m.candidature_id, m))
            .collect();
        let mut out: Vec<Participation> = retenues
            .into_iter()
            .filter_map(|c| {
                let o = offres.get(&c.offre_id)?;
                let m = ext.get(&c.id)?;
                Some(Participation {
                    candidature_id: c.id,
                    candidat_user_id: c.candidat_user_id,
                    public: o.public,
                    nature: o.nature,
                    pays: o.pays,
                    periode: o.periode,
                    financement: o.financement,
                    financement_nom: o.financement_nom.clone(),
                    niveau: o.offre.niveau.map(|n| n.value()),
                    code_rome: o.offre.code_rome.as_ref().map(|c| c.as_str().to_owned()),
                    metier_libelle: o.offre.metier_libelle.clone(),
                    moins_opportunites: m.moins_opportunites,
                    acquis: m.acquis_le.is_some(),
                })
            })
            .collect();
        out.sort_by_key(|p| (p.periode.debut, p.candidature_id));
        Ok(out)
    }

    /// The learners the platform knows: accounts of learners not
    /// disabled (the denominator of the share of learners gone abroad).
    pub async fn apprenants_connus(&self) -> Result<u64, StoreError> {
        Ok(user::Entity::find()
            .filter(user::Column::Role.eq(Role::Apprenant.as_str()))
            .filter(user::Column::DisabledAt.is_null())
            .count(self.conn())
            .await?)
    }
}
