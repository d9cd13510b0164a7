//! A list of equipment imported by the campus team, all or nothing: one
//! transaction in which each line's owner is found in the directory (by
//! SIRET, or by its exact name), each line either updates the equipment
//! of the catalogue it names or adds one. A single line that cannot be
//! stored (owner unknown or ambiguous, two lines for one equipment) and
//! nothing is: every such line is reported, with its number.
//!
//! An equipment is the same as a line when its slug is the slug of the
//! line's name, or else its name is the line's name; retired equipment is
//! not matched (a line with its name adds a new one). A list has no
//! status column: an updated equipment keeps its status, a new one is in
//! service.

use std::collections::HashMap;

use campus_domain::Siret;
use campus_domain::equipement::saisie::FicheEquipement;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::catalogue::{self, NouvelEquipement};
use super::gestion::{cents, overwrite};
use crate::entity::{equipement, organisation};
use crate::{StoreError, audit};

/// One line of an imported list, its fields checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquipementImporte {
    /// Its line in the file, for the report.
    pub ligne: u64,
    /// The owner as written: a SIRET or a name of the directory.
    pub organisation: String,
    pub fiche: FicheEquipement,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BilanImport {
    pub crees: Vec<String>,
    pub modifies: Vec<String>,
    pub inchanges: Vec<String>,
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportRefus {
    /// Lines that cannot be stored: their number and why, in French.
    #[error("{} ligne(s) refusée(s)", .0.len())]
    Lignes(Vec<(u64, String)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ImportRefus {
    fn from(err: sea_orm::DbErr) -> Self {
        ImportRefus::Store(err.into())
    }
}

/// The organisation a line names, or why none.
async fn owner(
    txn: &DatabaseTransaction,
    written: &str,
) -> Result<Result<i32, String>, StoreError> {
    let written = written.trim();
    if written.is_empty() {
        return Ok(Err(
            "organisation : indiquez le nom ou le SIRET du propriétaire".to_owned(),
        ));
    }
    let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == 14 && compact.bytes().all(|b| b.is_ascii_digit()) {
        let Ok(siret) = Siret::parse(&compact) else {
            return Ok(Err(format!("organisation : SIRET « {written} » invalide")));
        };
        return Ok(organisation::Entity::find()
            .filter(organisation::Column::Siret.eq(siret.as_str()))
            .one(txn)
            .await?
            .map(|o| o.id)
            .ok_or_else(|| {
                format!("organisation : aucun membre de l'annuaire n'a le SIRET « {written} »")
            }));
    }
    let found = organisation::Entity::find()
        .filter(
            Expr::expr(Func::lower(Expr::col(organisation::Column::Nom)))
                .eq(written.to_lowercase()),
        )
        .all(txn)
        .await?;
    Ok(match found.as_slice() {
        [one] => Ok(one.id),
        [] => Err(format!(
            "organisation : « {written} » n'est pas dans l'annuaire (nom exact ou SIRET)"
        )),
        _ => Err(format!(
            "organisation : plusieurs membres de l'annuaire s'appellent « {written} » : indiquez le SIRET"
        )),
    })
}

/// The equipment of the catalogue a line names, if any.
async fn existing(
    txn: &DatabaseTransaction,
    fiche: &FicheEquipement,
) -> Result<Option<equipement::Model>, StoreError> {
    let by_slug = equipement::Entity::find()
        .filter(equipement::Column::Slug.eq(campus_domain::slugify(&fiche.nom)))
        .filter(equipement::Column::RetireLe.is_null())
        .one(txn)
        .await?;
    if by_slug.is_some() {
        return Ok(by_slug);
    }
    Ok(equipement::Entity::find()
        .filter(equipement::Column::Nom.eq(fiche.nom.as_str()))
        .filter(equipement::Column::RetireLe.is_null())
        .one(txn)
        .await?)
}

/// Whether the stored equipment already says what the line says (its
/// status aside, which a list does not give).
fn same(m: &equipement::Model, fiche: &FicheEquipement, organisation_id: i32) -> bool {
    let h = fiche.horaires;
    m.nom == fiche.nom
        && m.organisation_id == organisation_id
        && m.site == fiche.site
        && m.categorie == fiche.categorie.as_str()
        && m.description == fiche.description
        && m.capacites == fiche.capacites
        && m.regles_securite == fiche.regles_securite
        && m.habilitation_requise == fiche.habilitation_requise
        && m.tarif_academique_centimes == cents(fiche.tarif_academique)
        && m.tarif_industriel_centimes == cents(fiche.tarif_industriel)
        && i64::from(m.jours_ouverture) == i64::from(h.jours())
        && i64::from(m.ouverture_minutes) == i64::from(h.ouverture())
        && i64::from(m.fermeture_minutes) == i64::from(h.fermeture())
        && m.approbation_requise == fiche.approbation_requise
}

impl super::Equipements<'_> {
    /// Imports `lignes` all or nothing (see the module's documentation).
    pub async fn importer_equipements(
        &self,
        lignes: &[EquipementImporte],
        actor: Option<i32>,
    ) -> Result<BilanImport, ImportRefus> {
        let now = self.now();
        let txn = self.write().await?;
        let mut refus = Vec::new();
        let mut bilan = BilanImport::default();
        // Equipment already written by an earlier line, by id: its line.
        let mut vus: HashMap<i32, u64> = HashMap::new();
        for l in lignes {
            let organisation_id = match owner(&txn, &l.organisation).await? {
                Ok(id) => id,
                Err(why) => {
                    refus.push((l.ligne, why));
                    continue;
                }
            };
            match existing(&txn, &l.fiche).await? {
                Some(m) => {
                    if let Some(first) = vus.insert(m.id, l.ligne) {
                        refus.push((
                            l.ligne,
                            format!("même équipement que la ligne {first} (« {} »)", m.nom),
                        ));
                        continue;
                    }
                    if same(&m, &l.fiche, organisation_id) {
                        bilan.inchanges.push(m.nom);
                        continue;
                    }
                    // The stored status stays: a list does not give one.
                    let statut = campus_domain::equipement::StatutEquipement::parse(&m.statut)
                        .map_err(|_| {
                            StoreError::Corrupt(format!("équipement {} : statut", m.id))
                        })?;
                    let fiche = FicheEquipement {
                        statut,
                        ..l.fiche.clone()
                    };
                    if !overwrite(&txn, m.id, m.version, &fiche, organisation_id, now).await? {
                        return Err(StoreError::Conflict("equipements.version".to_owned()).into());
                    }
                    bilan.modifies.push(fiche.nom);
                }
                None => {
                    let model = catalogue::insert(
                        &txn,
                        NouvelEquipement::de_fiche(l.fiche.clone(), organisation_id),
                        now,
                    )
                    .await?;
                    vus.insert(model.id, l.ligne);
                    bilan.crees.push(model.nom);
                }
            }
        }
        if !refus.is_empty() {
            return Err(ImportRefus::Lignes(refus));
        }
        audit::record(
            &txn,
            now,
            actor,
            "equipement.import",
            "equipements",
            &format!(
                "{} créé(s), {} modifié(s), {} inchangé(s)",
                bilan.crees.len(),
                bilan.modifies.len(),
                bilan.inchanges.len()
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(bilan)
    }
}
