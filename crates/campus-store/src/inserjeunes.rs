//! InserJeunes in the store: the outcomes of vocational trainings that
//! the evaluation reads beside the campus's own figures. The import owns
//! the table alone: a row the newer file no longer lists is deleted, so
//! that the table is always one file's content.

use std::collections::HashMap;

use campus_domain::evaluation::devenir::LigneDevenir;
use campus_domain::evaluation::inserjeunes::{DevenirFormation, Millesime, Voie};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::{bcn_diplome, inserjeunes};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of InserJeunes under way.
pub struct InserJeunesImport {
    txn: DatabaseTransaction,
    rows: Sync<inserjeunes::Entity>,
}

fn key(m: &inserjeunes::Model) -> String {
    format!(
        "{}/{}/{}/{}",
        m.millesime, m.code_region, m.voie, m.code_formation
    )
}

fn count(value: Option<u32>) -> Option<i32> {
    value.and_then(|v| i32::try_from(v).ok())
}

impl Store {
    pub async fn begin_inserjeunes_import(&self) -> Result<InserJeunesImport, StoreError> {
        let txn = self.write().await?;
        Ok(InserJeunesImport {
            rows: Sync::load(&txn, key).await?,
            txn,
        })
    }
}

impl InserJeunesImport {
    /// Queues one row, with the diploma (CFD) it leads to when known.
    /// `false` when the file already gave the same key other values.
    pub async fn ligne(
        &mut self,
        d: DevenirFormation,
        cfd: Option<String>,
    ) -> Result<bool, StoreError> {
        let [e6, e12, e18, e24] = d.en_emploi.map(count);
        let [t6, t12, t18, t24] = d.taux_emploi.map(|t| t.map(i16::from));
        let model = inserjeunes::Model {
            millesime: d.millesime.code(),
            code_region: d.region,
            voie: d.voie.as_str().to_owned(),
            code_formation: d.code_formation,
            cfd,
            effectif_terminale: count(d.effectif_terminale),
            sortants: count(d.sortants),
            poursuites: count(d.poursuites),
            en_emploi_6: e6,
            en_emploi_12: e12,
            en_emploi_18: e18,
            en_emploi_24: e24,
            taux_emploi_6: t6,
            taux_emploi_12: t12,
            taux_emploi_18: t18,
            taux_emploi_24: t24,
            taux_poursuite: d.taux_poursuite.map(i16::from),
        };
        self.rows.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.rows.flush(&self.txn).await?;
        for stale in self.rows.take_stale(|_| true) {
            let mut parts = stale.splitn(4, '/').map(str::to_owned);
            if let (Some(m), Some(r), Some(v), Some(c)) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            {
                inserjeunes::Entity::delete_by_id((m, r, v, c))
                    .exec(&self.txn)
                    .await?;
            }
        }
        let counts = vec![("inserjeunes", self.rows.counts)];
        self.txn.commit().await?;
        Ok(counts)
    }
}

impl Store {
    /// One training's outcome for one cohort in one région.
    pub async fn devenir_formation(
        &self,
        millesime: &str,
        region: &str,
        voie: &str,
        code_formation: &str,
    ) -> Result<inserjeunes::Model, StoreError> {
        inserjeunes::Entity::find_by_id((
            millesime.to_owned(),
            region.to_owned(),
            voie.to_owned(),
            code_formation.to_owned(),
        ))
        .one(self.conn())
        .await?
        .ok_or(StoreError::NotFound)
    }
}

/// What the comparisons read of a diploma: its level and NSF speciality.
pub(crate) struct DiplomeLu {
    pub niveau: Option<u8>,
    pub nsf: Option<String>,
}

impl Store {
    /// Every diploma of the BCN by its CFD, with its level and NSF
    /// speciality (`222n`), which tell the comparisons' level and sector.
    pub(crate) async fn diplomes_lus(&self) -> Result<HashMap<String, DiplomeLu>, StoreError> {
        Ok(bcn_diplome::Entity::find()
            .all(self.conn())
            .await?
            .into_iter()
            .map(|d| {
                let lu = DiplomeLu {
                    niveau: d.niveau.and_then(|n| u8::try_from(n).ok()),
                    nsf: d.groupe_specialite.as_ref().map(|g| {
                        format!("{g}{}", d.lettre_specialite.as_deref().unwrap_or_default())
                    }),
                };
                (d.cfd, lu)
            })
            .collect())
    }

    /// The titles of these diplomas (CFD), for the pages that list them.
    pub async fn libelles_diplomes(
        &self,
        cfds: impl IntoIterator<Item = &str>,
    ) -> Result<HashMap<String, String>, StoreError> {
        let cfds: Vec<String> = cfds.into_iter().map(str::to_owned).collect();
        let mut libelles = HashMap::new();
        // Bounded batches: PostgreSQL and SQLite cap bound parameters.
        for lot in cfds.chunks(500) {
            let rows = bcn_diplome::Entity::find()
                .filter(bcn_diplome::Column::Cfd.is_in(lot.iter().cloned()))
                .all(self.conn())
                .await?;
            libelles.extend(rows.into_iter().map(|d| (d.cfd, d.libelle)));
        }
        Ok(libelles)
    }

    /// The cohorts InserJeunes holds, newest first.
    pub async fn millesimes_devenir(&self) -> Result<Vec<Millesime>, StoreError> {
        let codes: Vec<String> = inserjeunes::Entity::find()
            .select_only()
            .column(inserjeunes::Column::Millesime)
            .distinct()
            .into_tuple()
            .all(self.conn())
            .await?;
        let mut millesimes: Vec<Millesime> = codes
            .iter()
            .filter_map(|c| Millesime::parse(c).ok())
            .collect();
        millesimes.sort_unstable_by(|a, b| b.cmp(a));
        Ok(millesimes)
    }

    /// Every row of InserJeunes with the level and NSF speciality of its
    /// diploma (from the BCN), for the comparisons of the evaluation.
    pub async fn lignes_devenir(&self) -> Result<Vec<LigneDevenir>, StoreError> {
        self.lignes_devenir_de(None).await
    }

    /// The rows of one cohort (every cohort when `None`), as
    /// [`Store::lignes_devenir`] gives them: a comparison reads one cohort
    /// in every région.
    pub async fn lignes_devenir_de(
        &self,
        millesime: Option<Millesime>,
    ) -> Result<Vec<LigneDevenir>, StoreError> {
        let diplomes = self.diplomes_lus().await?;
        let mut query = inserjeunes::Entity::find();
        if let Some(m) = millesime {
            query = query.filter(inserjeunes::Column::Millesime.eq(m.code()));
        }
        let rows = query.all(self.conn()).await?;
        let count = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok());
        let rate = |v: Option<i16>| v.and_then(|v| u8::try_from(v).ok());
        Ok(rows
            .into_iter()
            .filter_map(|m| {
                let diplome = m.cfd.as_ref().and_then(|c| diplomes.get(c));
                Some(LigneDevenir {
                    devenir: DevenirFormation {
                        millesime: Millesime::parse(&m.millesime).ok()?,
                        voie: Voie::parse(&m.voie).ok()?,
                        region: m.code_region,
                        code_formation: m.code_formation,
                        effectif_terminale: count(m.effectif_terminale),
                        sortants: count(m.sortants),
                        poursuites: count(m.poursuites),
                        en_emploi: [
                            m.en_emploi_6,
                            m.en_emploi_12,
                            m.en_emploi_18,
                            m.en_emploi_24,
                        ]
                        .map(count),
                        taux_emploi: [
                            m.taux_emploi_6,
                            m.taux_emploi_12,
                            m.taux_emploi_18,
                            m.taux_emploi_24,
                        ]
                        .map(rate),
                        taux_poursuite: rate(m.taux_poursuite),
                    },
                    niveau: diplome.and_then(|d| d.niveau),
                    nsf: diplome.and_then(|d| d.nsf.clone()),
                    cfd: m.cfd,
                })
            })
            .collect())
    }
}
