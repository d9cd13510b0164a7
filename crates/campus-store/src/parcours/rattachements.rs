//! The certification each higher-education programme prepares, found by
//! its title ([`campus_parcours::rattachement`]) and stored apart from the
//! codes the offers give themselves.

use std::collections::{HashMap, HashSet};

use campus_domain::CodeCertification;
use campus_parcours::rattachement::{Kind, Matcher, Reference};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, TransactionTrait};

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
