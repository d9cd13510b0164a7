//! Mobility offers: an offer of `offres` (kind `stage`, hosted by the partner abroad, its city
//! as place, its contact as contact) and its row in `offres_mobilite`.

use std::collections::HashMap;

use campus_domain::insertion::{EtatOffre, TypeOffre};
use campus_domain::mobilite::{Ages, Financement, NatureMobilite, Pays, Periode, PublicMobilite};
use campus_domain::{CodeRome, Niveau};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::Mobilite;
use crate::StoreError;
use crate::entity::{offre, offre_mobilite, organisation, partenaire_etranger};
use crate::insertion::{FiltreOffres, Offre};

/// A mobility offer as the campus team types it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffreMobiliteSaisie {
    pub partenaire_id: i32,
    pub auteur_user_id: Option<i32>,
    pub intitule: String,
    pub description: String,
    pub nature: NatureMobilite,
    pub periode: Periode,
    pub places: u32,
    pub financement: Financement,
    pub financement_nom: Option<String>,
    pub ages: Ages,
    pub niveau: Option<Niveau>,
    pub code_rome: Option<CodeRome>,
    pub date_limite: NaiveDate,
}

/// A mobility offer: the offer and what makes it a mobility.
#[derive(Debug, Clone, PartialEq)]
pub struct OffreMobilite {
    pub offre: Offre,
    pub public: PublicMobilite,
    pub nature: NatureMobilite,
    pub partenaire_id: i32,
    pub pays: Pays,
    pub periode: Periode,
    pub financement: Financement,
    pub financement_nom: Option<String>,
    pub ages: Ages,
    pub date_limite: NaiveDate,
}

impl OffreMobilite {
    pub fn id(&self) -> i32 {
        self.offre.id
    }

    /// Whether it takes applications on `today`: open, and before its
    /// deadline.
    pub fn ouverte(&self, today: NaiveDate) -> bool {
        self.offre.is_open(today) && today <= self.date_limite
    }
}

/// Which mobility offers to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiltreMobilites {
    pub ouvertes: bool,
    pub pays: Option<Pays>,
    pub public: Option<PublicMobilite>,
    /// Longest duration, in days.
    pub duree_max: Option<i64>,
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn corrupt(id: i32, what: &str) -> StoreError {
    StoreError::Corrupt(format!("offre de mobilité {id} : {what}"))
}

/// The offer `offre` with its extension row `m`.
fn extension(m: offre_mobilite::Model, offre: Offre) -> Result<OffreMobilite, StoreError> {
    let id = m.offre_id;
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(id, "date"));
    Ok(OffreMobilite {
        offre,
        public: PublicMobilite::parse(&m.public_mobilite).map_err(|_| corrupt(id, "public"))?,
        nature: NatureMobilite::parse(&m.nature).map_err(|_| corrupt(id, "nature"))?,
        partenaire_id: m.partenaire_id,
        pays: Pays::parse(&m.pays).map_err(|_| corrupt(id, "pays"))?,
        periode: Periode {
            debut: date(&m.date_debut)?,
            fin: date(&m.date_fin)?,
        },
        financement: Financement::parse(&m.financement).map_err(|_| corrupt(id, "financement"))?,
        financement_nom: m.financement_nom.clone(),
        ages: Ages {
            min: m.age_min.and_then(|a| u8::try_from(a).ok()),
            max: m.age_max.and_then(|a| u8::try_from(a).ok()),
        },
        date_limite: date(&m.date_limite)?,
    })
}

impl Mobilite<'_> {
    /// Records a mobility offer: its offer and its extension row in one
    /// transaction; returns the offer's id. The host must be a partner
    /// establishment abroad (`NotFound` otherwise).
    pub async fn creer_offre(&self, input: &OffreMobiliteSaisie) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert(&txn, input, now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// The mobility offers `filtre` selects, soonest first.
    pub async fn offres(&self, filtre: &FiltreMobilites) -> Result<Vec<OffreMobilite>, StoreError> {
        let mut query = offre_mobilite::Entity::find();
        if let Some(p) = filtre.pays {
            query = query.filter(offre_mobilite::Column::Pays.eq(p.as_str()));
        }
        if let Some(p) = filtre.public {
            query = query.filter(offre_mobilite::Column::PublicMobilite.eq(p.as_str()));
        }
        if let Some(max) = filtre.duree_max {
            query = query.filter(offre_mobilite::Column::DureeJours.lte(max));
        }
        if filtre.ouvertes {
            query = query.filter(offre_mobilite::Column::DateLimite.gte(iso(self.clock().today())));
        }
        let rows = query
            .order_by_asc(offre_mobilite::Column::DateDebut)
            .order_by_asc(offre_mobilite::Column::OffreId)
            .all(self.conn())
            .await?;
        self.hydrate(rows, filtre.ouvertes).await
    }

    /// The mobility offer `id`, or `NotFound` (also for an offer that is
    /// no mobility).
    pub async fn offre(&self, id: i32) -> Result<OffreMobilite, StoreError> {
        let row = offre_mobilite::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.hydrate(vec![row], false)
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    async fn hydrate(
        &self,
        rows: Vec<offre_mobilite::Model>,
        ouvertes: bool,
    ) -> Result<Vec<OffreMobilite>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let offres: HashMap<i32, Offre> = self
            .insertion()
            .offres(&FiltreOffres {
                ouvertes,
                ids: Some(rows.iter().map(|r| r.offre_id).collect()),
                ..Default::default()
            })
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let Some(offre) = offres.get(&r.offre_id).cloned() else {
                continue;
            };
            out.push(extension(r, offre)?);
        }
        Ok(out)
    }
}

/// Inserts a mobility offer (offer and extension row) on `conn`; returns
/// the offer's id.
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &OffreMobiliteSaisie,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i32, StoreError> {
    let partenaire = partenaire_etranger::Entity::find_by_id(input.partenaire_id)
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let org = organisation::Entity::find_by_id(input.partenaire_id)
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let public = input.nature.public();
    // The nearest existing kind for every mobility (the nature says the
    // rest): `stage_observation` would bring the rules of pupils in 3e.
    let type_offre = TypeOffre::Stage;
    let jours = input.periode.jours();
    let row = offre::ActiveModel {
        organisation_id: Set(Some(org.id)),
        auteur_user_id: Set(input.auteur_user_id),
        source: Set("campus".to_owned()),
        type_offre: Set(type_offre.as_str().to_owned()),
        intitule: Set(input.intitule.clone()),
        description: Set(input.description.clone()),
        code_rome: Set(input.code_rome.as_ref().map(|c| c.as_str().to_owned())),
        niveau: Set(input.niveau.map(|n| i16::from(n.value()))),
        commune_nom: Set(org.commune.clone().unwrap_or_default()),
        date_debut: Set(Some(iso(input.periode.debut))),
        duree_mois: Set(Some(((jours + 15) / 30).max(1) as i32)),
        postes: Set(input.places as i32),
        postes_pourvus: Set(0),
        contact_nom: Set(Some(partenaire.contact_nom.clone())),
        contact_email: Set(Some(partenaire.contact_email.clone())),
        expire_le: Set(iso(input.date_limite)),
        etat: Set(EtatOffre::Ouverte.as_str().to_owned()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    offre_mobilite::ActiveModel {
        offre_id: Set(row.id),
        public_mobilite: Set(public.as_str().to_owned()),
        nature: Set(input.nature.as_str().to_owned()),
        partenaire_id: Set(org.id),
        pays: Set(org.pays.clone()),
        date_debut: Set(iso(input.periode.debut)),
        date_fin: Set(iso(input.periode.fin)),
        duree_jours: Set(jours as i32),
        financement: Set(input.financement.as_str().to_owned()),
        financement_nom: Set(input.financement_nom.clone()),
        age_min: Set(input.ages.min.map(i16::from)),
        age_max: Set(input.ages.max.map(i16::from)),
        date_limite: Set(iso(input.date_limite)),
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}
