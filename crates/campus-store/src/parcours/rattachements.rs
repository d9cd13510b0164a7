//! The certification each higher-education programme prepares, found by
//! its title (the parcours service matches the titles) and stored apart
//! from the codes the offers give themselves; the campus team's decisions
//! on them.

use std::collections::HashSet;

use campus_domain::CodeCertification;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, Set,
};

use super::Parcours;
use crate::StoreError;
use crate::entity::{certifinfo, formation, formation_certification, formation_code};

/// A link computed from the titles; a decision of the campus team is
/// stored as [`CURATED`] and no computation replaces it.
pub const COMPUTED: &str = "calcule";
pub const CURATED: &str = "equipe";

/// A certification Certif Info lists with its kind of diploma, by RNCP
/// code: what titles are matched against, and what a training's duration
/// is estimated from when its offer gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificationType {
    pub code: CodeCertification,
    /// Certif Info's `type_libelle` (« Brevet de technicien supérieur »…).
    pub type_libelle: String,
    pub libelle: String,
}

/// A training that names no RNCP or RS code of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UncodedProgramme {
    pub formation_id: String,
    pub intitule: String,
    /// The campus team has decided on its certifications: no computation
    /// changes them.
    pub curated: bool,
}

/// A certification found for a training by its title.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputedAttachment {
    pub formation_id: String,
    pub code: CodeCertification,
    /// Dice score of the titles.
    pub score: f32,
}

impl Parcours<'_> {
    /// The certifications of Certif Info that have an RNCP code and a
    /// kind of diploma, in Certif Info's order (several may share an RNCP
    /// code).
    pub async fn list_certification_types(&self) -> Result<Vec<CertificationType>, StoreError> {
        let mut out = Vec::new();
        for c in certifinfo::Entity::find().all(self.conn()).await? {
            let (Some(rncp), Some(type_libelle)) = (c.code_rncp, c.type_libelle) else {
                continue;
            };
            if let Ok(code) = CodeCertification::parse(&rncp) {
                out.push(CertificationType {
                    code,
                    type_libelle,
                    libelle: c.libelle,
                });
            }
        }
        Ok(out)
    }

    /// The trainings that name no certification of their own, with
    /// whether the team has decided on them.
    pub async fn list_uncoded_programmes(&self) -> Result<Vec<UncodedProgramme>, StoreError> {
        let db = self.conn();
        let coded: HashSet<String> = formation_code::Entity::find()
            .filter(formation_code::Column::Kind.is_in(["rncp", "rs"]))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.formation_id)
            .collect();
        let curated: HashSet<String> = formation_certification::Entity::find()
            .filter(formation_certification::Column::Origine.eq(CURATED))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.formation_id)
            .collect();
        let titles: Vec<(String, String)> = formation::Entity::find()
            .select_only()
            .column(formation::Column::Id)
            .column(formation::Column::Intitule)
            .into_tuple()
            .all(db)
            .await?;
        Ok(titles
            .into_iter()
            .filter(|(id, _)| !coded.contains(id))
            .map(|(formation_id, intitule)| UncodedProgramme {
                curated: curated.contains(&formation_id),
                formation_id,
                intitule,
            })
            .collect())
    }

    /// Replaces the computed attachments by `attachments`, in one
    /// transaction that moves the catalogue generation. A training the team has decided on by the time of
    /// writing keeps its decision: its computed rows are not written.
    /// Returns the number of rows written.
    pub async fn replace_computed_attachments(
        &self,
        attachments: &[ComputedAttachment],
    ) -> Result<u64, StoreError> {
        let txn = self.write().await?;
        let curated: HashSet<String> = formation_certification::Entity::find()
            .filter(formation_certification::Column::Origine.eq(CURATED))
            .all(&txn)
            .await?
            .into_iter()
            .map(|c| c.formation_id)
            .collect();
        formation_certification::Entity::delete_many()
            .filter(formation_certification::Column::Origine.eq(COMPUTED))
            .exec(&txn)
            .await?;
        let mut seen = HashSet::new();
        let rows: Vec<formation_certification::ActiveModel> = attachments
            .iter()
            .filter(|a| !curated.contains(&a.formation_id))
            .filter(|a| seen.insert((a.formation_id.clone(), a.code.as_str().to_owned())))
            .map(|a| {
                formation_certification::ActiveModel::from(formation_certification::Model {
                    formation_id: a.formation_id.clone(),
                    code: a.code.as_str().to_owned(),
                    score: a.score,
                    origine: COMPUTED.to_owned(),
                    retire: false,
                })
            })
            .collect();
        let written = rows.len() as u64;
        // Five values per row: 500 rows stay far below both databases'
        // limits on bound parameters.
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<_> = rows.by_ref().take(500).collect();
            formation_certification::Entity::insert_many(chunk)
                .exec(&txn)
                .await?;
        }
        // What a training prepares is part of the catalogue the serving
        // nodes' engines hold: a new generation makes each reload it.
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(written)
    }
}

/// A training attached to a certification, as the campus team reviews it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentRow {
    pub formation_id: String,
    pub intitule: String,
    pub organisme: String,
    /// Dice score of the titles, 1 for a link the team added.
    pub score: f32,
    pub curated: bool,
    pub removed: bool,
}

impl Parcours<'_> {
    /// The trainings attached to `code`, removed ones last, best score
    /// first.
    pub async fn list_attachments(
        &self,
        code: &CodeCertification,
    ) -> Result<Vec<AttachmentRow>, StoreError> {
        let db = self.conn();
        let links = formation_certification::Entity::find()
            .filter(formation_certification::Column::Code.eq(code.as_str()))
            .all(db)
            .await?;
        let formations = crate::load::by_keys::<formation::Entity, _, _, _>(
            db,
            formation::Column::Id,
            links.iter().map(|l| l.formation_id.clone()),
            |f| f.id.clone(),
        )
        .await?;
        let mut rows: Vec<AttachmentRow> = links
            .into_iter()
            .filter_map(|l| {
                let f = formations.get(&l.formation_id)?;
                Some(AttachmentRow {
                    intitule: f.intitule.clone(),
                    organisme: f.organisme_nom.clone(),
                    formation_id: l.formation_id,
                    score: l.score,
                    curated: l.origine == CURATED,
                    removed: l.retire,
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            a.removed
                .cmp(&b.removed)
                .then(b.score.total_cmp(&a.score))
                .then(a.intitule.cmp(&b.intitule))
                .then(a.formation_id.cmp(&b.formation_id))
        });
        Ok(rows)
    }

    /// Records the team's decision on a training's certification: kept
    /// (added when no computation found it) or removed. No later
    /// computation changes that training's certifications again, and the
    /// catalogue generation moves so that every node's engine reloads.
    pub async fn decide_attachment(
        &self,
        formation_id: &str,
        code: &CodeCertification,
        keep: bool,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        formation::Entity::find_by_id(formation_id.to_owned())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let existing = formation_certification::Entity::find_by_id((
            formation_id.to_owned(),
            code.as_str().to_owned(),
        ))
        .one(&txn)
        .await?;
        match existing {
            Some(row) => {
                let mut active = row.into_active_model();
                active.origine = Set(CURATED.to_owned());
                active.retire = Set(!keep);
                active.update(&txn).await?;
            }
            None => {
                formation_certification::ActiveModel::from(formation_certification::Model {
                    formation_id: formation_id.to_owned(),
                    code: code.as_str().to_owned(),
                    score: 1.0,
                    origine: CURATED.to_owned(),
                    retire: !keep,
                })
                .insert(&txn)
                .await?;
            }
        }
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}
