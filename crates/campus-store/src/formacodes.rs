//! The Formacode thesaurus in the catalogue: its import and look-ups.

use campus_domain::formacode::Formacode;
use sea_orm::{DatabaseTransaction, EntityTrait};

use crate::entity::{formacode, formacode_lien};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the thesaurus under way.
pub struct FormacodeImport {
    txn: DatabaseTransaction,
    codes: Sync<formacode::Entity>,
    liens: Sync<formacode_lien::Entity>,
}

impl Store {
    pub async fn begin_formacode_import(&self) -> Result<FormacodeImport, StoreError> {
        let txn = self.write().await?;
        Ok(FormacodeImport {
            codes: Sync::load(&txn, |m: &formacode::Model| m.code.clone()).await?,
            liens: Sync::load(&txn, |m: &formacode_lien::Model| {
                format!("{}/{}/{}", m.code, m.relation, m.autre)
            })
            .await?,
            txn,
        })
    }

    /// A descriptor by its code.
    pub async fn formacode(&self, code: &str) -> Result<formacode::Model, StoreError> {
        formacode::Entity::find_by_id(code.to_owned())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
    }
}

impl FormacodeImport {
    /// Whether the descriptor is known (stored or imported in this run).
    pub fn knows(&self, code: &str) -> bool {
        self.codes.contains(code)
    }

    pub async fn formacode(&mut self, f: Formacode) -> Result<bool, StoreError> {
        let code = f.code.clone();
        let model = formacode::Model {
            code: f.code,
            libelle: f.libelle.chars().take(250).collect(),
            kind: f.kind.chars().take(8).collect(),
            champ_semantique: f.champ_semantique,
            synonymes: f.synonymes.join(" ; "),
            definition: f.definition,
            note: f.note,
            nsf: f.nsf,
        };
        if !self.codes.push(&self.txn, model).await? {
            return Ok(false);
        }
        let relations = [
            ("generique", f.generiques),
            ("specifique", f.specifiques),
            ("associe", f.associes),
        ];
        for (relation, others) in relations {
            for autre in others {
                let link = formacode_lien::Model {
                    code: code.clone(),
                    relation: relation.to_owned(),
                    autre,
                };
                self.liens.push(&self.txn, link).await?;
            }
        }
        Ok(true)
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.codes.flush(&self.txn).await?;
        self.liens.flush(&self.txn).await?;
        let counts = vec![
            ("formacodes", self.codes.counts),
            ("relations formacode", self.liens.counts),
        ];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}
