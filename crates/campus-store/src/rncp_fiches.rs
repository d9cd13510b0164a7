//! The import of France compétences' XML export into the certification
//! tables.
//!
//! The XML and the CSV exports describe the same register. Blocs,
//! certifiers and lineage go to the tables the CSV import fills, under the
//! same keys, so that a certification is stored once whichever came
//! first. What only the XML says (the fiche's texts, each bloc's skills
//! and assessment, codes, access routes) goes to tables of its own: a CSV
//! import never touches them, and this import only adds to the shared
//! ones, so neither wipes what the other brought.

use std::collections::HashSet;

use campus_domain::CodeRome;
use campus_domain::certification::CodeCertification;
use campus_domain::fiche_rncp::FicheRncp;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::{
    certifinfo, rncp_bloc, rncp_bloc_competence, rncp_bloc_detail, rncp_certificateur, rncp_fiche,
    rncp_fiche_code, rncp_lignee, rncp_voie_acces, rome_fiche,
};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the XML export under way; see
/// [`crate::rome::RomeImport`] for the guarantees.
pub struct RncpXmlImport {
    txn: DatabaseTransaction,
    fiches: Sync<rncp_fiche::Entity>,
    blocs: Sync<rncp_bloc::Entity>,
    details: Sync<rncp_bloc_detail::Entity>,
    competences: Sync<rncp_bloc_competence::Entity>,
    codes: Sync<rncp_fiche_code::Entity>,
    voies: Sync<rncp_voie_acces::Entity>,
    certificateurs: Sync<rncp_certificateur::Entity>,
    lignees: Sync<rncp_lignee::Entity>,
    /// ROME codes known to the catalogue, to report unknown references.
    romes: HashSet<String>,
    /// Certification codes met so far (stored or in this import).
    certifications: HashSet<String>,
    /// Fiches of this import: their own rows are replaced, not merged.
    imported: HashSet<String>,
}

/// The certification a bloc code belongs to (`RNCP40792BC01` → `RNCP40792`).
fn certification_of_bloc(bloc: &str) -> &str {
    bloc.find("BC").map_or(bloc, |i| &bloc[..i])
}

impl Store {
    pub async fn begin_rncp_xml_import(&self) -> Result<RncpXmlImport, StoreError> {
        let txn = self.write().await?;
        let romes = rome_fiche::Entity::find()
            .select_only()
            .column(rome_fiche::Column::CodeRome)
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        let mut certifications: HashSet<String> = HashSet::new();
        for (rncp, rs) in certifinfo::Entity::find()
            .select_only()
            .column(certifinfo::Column::CodeRncp)
            .column(certifinfo::Column::CodeRs)
            .into_tuple::<(Option<String>, Option<String>)>()
            .all(&txn)
            .await?
        {
            certifications.extend(rncp);
            certifications.extend(rs);
        }
        let fiches = Sync::load(&txn, |m: &rncp_fiche::Model| m.numero.clone()).await?;
        let blocs = Sync::load(&txn, |m: &rncp_bloc::Model| m.code.clone()).await?;
        certifications.extend(
            rncp_bloc::Entity::find()
                .select_only()
                .column(rncp_bloc::Column::Certification)
                .into_tuple::<String>()
                .all(&txn)
                .await?,
        );
        certifications.extend(
            rncp_fiche::Entity::find()
                .select_only()
                .column(rncp_fiche::Column::Numero)
                .into_tuple::<String>()
                .all(&txn)
                .await?,
        );
        Ok(RncpXmlImport {
            fiches,
            blocs,
            details: Sync::load(&txn, |m: &rncp_bloc_detail::Model| m.code.clone()).await?,
            competences: Sync::load(&txn, |m: &rncp_bloc_competence::Model| {
                format!("{}/{}", m.bloc, m.position)
            })
            .await?,
            codes: Sync::load(&txn, |m: &rncp_fiche_code::Model| {
                format!("{}/{}/{}", m.certification, m.referentiel, m.code)
            })
            .await?,
            voies: Sync::load(&txn, |m: &rncp_voie_acces::Model| {
                format!("{}/{}", m.certification, m.voie)
            })
            .await?,
            certificateurs: Sync::load(&txn, |m: &rncp_certificateur::Model| {
                format!("{}/{}/{}", m.certification, m.nom, m.siret)
            })
            .await?,
            lignees: Sync::load(&txn, |m: &rncp_lignee::Model| {
                format!("{}/{}/{}", m.certification, m.relation, m.autre)
            })
            .await?,
            romes,
            certifications,
            imported: HashSet::new(),
            txn,
        })
    }
}

impl RncpXmlImport {
    pub fn knows_rome(&self, code: &CodeRome) -> bool {
        self.romes.contains(code.as_str())
    }

    pub fn knows_certification(&self, code: &CodeCertification) -> bool {
        self.certifications.contains(code.as_str())
    }

    /// Stores a fiche with its blocs, skills, codes, access routes,
    /// certifiers and lineage. Returns `false` for a fiche the file
    /// already gave with other values (the first one is kept).
    pub async fn fiche(&mut self, f: FicheRncp) -> Result<bool, StoreError> {
        let numero = f.numero.as_str().to_owned();
        let model = rncp_fiche::Model {
            numero: numero.clone(),
            intitule: f.intitule,
            actif: f.actif,
            etat: f.etat.map(|e| e.chars().take(32).collect()),
            type_code: f.type_code.map(|t| t.chars().take(32).collect()),
            type_libelle: f.type_libelle,
            niveau: f.niveau.map(|n| i32::from(n.value())),
            type_enregistrement: f.type_enregistrement.map(|t| t.chars().take(64).collect()),
            date_publication: f.date_publication,
            date_effet: f.date_effet,
            date_fin_enregistrement: f.date_fin_enregistrement,
            date_limite_delivrance: f.date_limite_delivrance,
            activites_visees: f.activites_visees,
            capacites_attestees: f.capacites_attestees,
            secteurs_activite: f.secteurs_activite,
            types_emplois: f.types_emplois,
            objectifs_contexte: f.objectifs_contexte,
        };
        if !self.fiches.push(&self.txn, model).await? {
            return Ok(false);
        }
        self.imported.insert(numero.clone());
        self.certifications.insert(numero.clone());
        for bloc in f.blocs {
            let code = bloc.code;
            let shared = rncp_bloc::Model {
                code: code.clone(),
                certification: numero.clone(),
                libelle: bloc.libelle,
            };
            self.blocs.push(&self.txn, shared).await?;
            let detail = rncp_bloc_detail::Model {
                code: code.clone(),
                certification: numero.clone(),
                liste_competences: bloc.liste_competences,
                modalites_evaluation: bloc.modalites_evaluation,
            };
            self.details.push(&self.txn, detail).await?;
            for (position, competence) in (1..).zip(bloc.competences) {
                let row = rncp_bloc_competence::Model {
                    bloc: code.clone(),
                    position,
                    niveau: i32::from(competence.niveau),
                    libelle: competence.libelle,
                };
                self.competences.push(&self.txn, row).await?;
            }
        }
        let romes = f
            .romes
            .into_iter()
            .map(|r| ("rome", r.code.as_str().to_owned(), r.libelle));
        let nsf = f.nsf.into_iter().map(|c| ("nsf", c.code, c.libelle));
        let formacodes = f
            .formacodes
            .into_iter()
            .map(|c| ("formacode", c.code, c.libelle));
        for (referentiel, code, libelle) in romes.chain(nsf).chain(formacodes) {
            let row = rncp_fiche_code::Model {
                certification: numero.clone(),
                referentiel: referentiel.to_owned(),
                code,
                libelle,
            };
            self.codes.push(&self.txn, row).await?;
        }
        for voie in f.voies {
            let row = rncp_voie_acces::Model {
                certification: numero.clone(),
                voie: voie.code().to_owned(),
            };
            self.voies.push(&self.txn, row).await?;
        }
        for c in f.certificateurs {
            let row = rncp_certificateur::Model {
                certification: numero.clone(),
                nom: c.nom.chars().take(250).collect(),
                siret: c.siret.unwrap_or_default(),
            };
            self.certificateurs.push(&self.txn, row).await?;
        }
        let lineage = f
            .anciennes
            .into_iter()
            .map(|c| ("ancienne", c))
            .chain(f.nouvelles.into_iter().map(|c| ("nouvelle", c)));
        for (relation, autre) in lineage {
            let row = rncp_lignee::Model {
                certification: numero.clone(),
                relation: relation.to_owned(),
                autre: autre.as_str().to_owned(),
            };
            self.lignees.push(&self.txn, row).await?;
        }
        Ok(true)
    }

    /// Deletes what a fiche of this import no longer lists (skills, codes,
    /// access routes), then commits.
    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.fiches.flush(&self.txn).await?;
        self.blocs.flush(&self.txn).await?;
        self.details.flush(&self.txn).await?;
        self.competences.flush(&self.txn).await?;
        self.codes.flush(&self.txn).await?;
        self.voies.flush(&self.txn).await?;
        self.certificateurs.flush(&self.txn).await?;
        self.lignees.flush(&self.txn).await?;
        let imported = &self.imported;
        for key in self
            .details
            .take_stale(|k| imported.contains(certification_of_bloc(k)))
        {
            rncp_bloc_detail::Entity::delete_by_id(key)
                .exec(&self.txn)
                .await?;
        }
        for key in self.competences.take_stale(|k| {
            imported.contains(certification_of_bloc(
                k.split('/').next().unwrap_or_default(),
            ))
        }) {
            if let Some((bloc, position)) = key.rsplit_once('/')
                && let Ok(position) = position.parse::<i32>()
            {
                rncp_bloc_competence::Entity::delete_by_id((bloc.to_owned(), position))
                    .exec(&self.txn)
                    .await?;
            }
        }
        let in_fiche = |k: &str| imported.contains(k.split('/').next().unwrap_or_default());
        for key in self.codes.take_stale(in_fiche) {
            let parts: Vec<&str> = key.splitn(3, '/').collect();
            if let [certification, referentiel, code] = parts.as_slice() {
                rncp_fiche_code::Entity::delete_many()
                    .filter(rncp_fiche_code::Column::Certification.eq(*certification))
                    .filter(rncp_fiche_code::Column::Referentiel.eq(*referentiel))
                    .filter(rncp_fiche_code::Column::Code.eq(*code))
                    .exec(&self.txn)
                    .await?;
            }
        }
        for key in self.voies.take_stale(in_fiche) {
            if let Some((certification, voie)) = key.split_once('/') {
                rncp_voie_acces::Entity::delete_by_id((certification.to_owned(), voie.to_owned()))
                    .exec(&self.txn)
                    .await?;
            }
        }
        let counts = vec![
            ("fiches RNCP", self.fiches.counts),
            ("blocs de compétences", self.blocs.counts),
            ("détails des blocs", self.details.counts),
            ("compétences des blocs", self.competences.counts),
            ("codes ROME, NSF, Formacode", self.codes.counts),
            ("voies d'accès", self.voies.counts),
            ("certificateurs", self.certificateurs.counts),
            ("ancienne/nouvelle", self.lignees.counts),
        ];
        self.txn.commit().await?;
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocs_belong_to_their_fiche() {
        assert_eq!(certification_of_bloc("RNCP40792BC01"), "RNCP40792");
        assert_eq!(certification_of_bloc("RNCP4079"), "RNCP4079");
    }
}
