//! The certification each higher-education programme prepares, found by
//! its title ([`campus_parcours::rattachement`]) and stored apart from the
//! codes the offers give themselves.

use std::collections::{HashMap, HashSet};

use campus_domain::CodeCertification;
use campus_parcours::rattachement::{Kind, Matcher, Reference};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};

use crate::entity::{certifinfo, formation, formation_certification, formation_code};
use crate::{Store, StoreError};

/// A link computed from the titles; a decision of the campus team is
/// stored as [`CURATED`] and no computation replaces it.
pub const COMPUTED: &str = "calcule";
pub const CURATED: &str = "equipe";

/// What [`Store::attach_programmes`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachReport {
    /// Trainings that name no RNCP or RS code of their own.
    pub uncoded: usize,
    /// Of these, those attached to a certification by their title.
    pub attached: usize,
    /// Of these, those kept as the campus team decided.
    pub curated: usize,
    /// Distinct certifications reached.
    pub certifications: usize,
}

impl Store {
    /// Kinds of diploma of the certifications Certif Info lists, by RNCP
    /// code: what [`Matcher`] compares, and what a training's duration is
    /// estimated from when its offer gives none.
    pub(crate) async fn certification_kinds(
        &self,
    ) -> Result<HashMap<String, (Kind, String)>, StoreError> {
        let mut kinds = HashMap::new();
        for c in certifinfo::Entity::find().all(self.conn()).await? {
            let (Some(rncp), Some(kind)) = (
                c.code_rncp,
                c.type_libelle.as_deref().and_then(Kind::from_type),
            ) else {
                continue;
            };
            if let Ok(code) = CodeCertification::parse(&rncp) {
                kinds
                    .entry(code.as_str().to_owned())
                    .or_insert((kind, c.libelle));
            }
        }
        Ok(kinds)
    }

    /// Attaches every training that names no certification of its own to
    /// the one its title designates, replacing the previous computation in
    /// one transaction; a training the team has decided on keeps its
    /// decision. Run after the imports of Certif Info and of the trainings.
    pub async fn attach_programmes(&self) -> Result<AttachReport, StoreError> {
        let db = self.conn();
        let matcher = Matcher::new(self.certification_kinds().await?.into_iter().filter_map(
            |(code, (kind, libelle))| {
                Some(Reference {
                    code: CodeCertification::parse(&code).ok()?,
                    kind,
                    libelle,
                })
            },
        ));
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
        let mut report = AttachReport::default();
        let mut rows = Vec::new();
        let mut reached = HashSet::new();
        for (id, intitule) in titles {
            if coded.contains(&id) {
                continue;
            }
            report.uncoded += 1;
            if curated.contains(&id) {
                report.curated += 1;
                continue;
            }
            if let Some(found) = matcher.attach(&intitule) {
                report.attached += 1;
                reached.insert(found.code.as_str().to_owned());
                rows.push(formation_certification::ActiveModel::from(
                    formation_certification::Model {
                        formation_id: id,
                        code: found.code.as_str().to_owned(),
                        score: found.score,
                        origine: COMPUTED.to_owned(),
                        retire: false,
                    },
                ));
            }
        }
        report.certifications = reached.len();
        let txn = db.begin().await?;
        formation_certification::Entity::delete_many()
            .filter(formation_certification::Column::Origine.eq(COMPUTED))
            .exec(&txn)
            .await?;
        // Four values per row: 500 rows stay far below both databases'
        // limits on bound parameters.
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<_> = rows.by_ref().take(500).collect();
            formation_certification::Entity::insert_many(chunk)
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        Ok(report)
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

impl Store {
    /// The trainings attached to `code`, removed ones last, best score
    /// first.
    pub async fn certification_attachments(
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
        let txn = self.conn().begin().await?;
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
