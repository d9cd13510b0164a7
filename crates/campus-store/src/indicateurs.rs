//! The registry of indicators as data: `store.indicateurs()`.
//!
//! Rules and where they hold:
//! - An indicator's fiche is never overwritten: an edit writes version
//!   n + 1 beside the others (`indicateur_versions`, key code × version),
//!   so the definition in force at any instant stays readable
//!   ([`Indicateurs::version_en_vigueur`]).
//! - Two editors of the same indicator: the edit is conditional on the
//!   version the editor read (`UPDATE … WHERE version_courante = n`, rows
//!   affected checked); the second one gets [`StoreError::Conflict`] and
//!   writes nothing.
//! - A code is taken once (primary key of `indicateurs`), retired
//!   indicators included: a retired code cannot be reused for another
//!   meaning.
//! - One target per indicator and year (key code × year), one commentary
//!   per year and lever (key year × lever).
//! - The shipped defaults ([`INDICATEURS_PAR_DEFAUT`]) are platform
//!   configuration: [`Store::migrate`](crate::Store::migrate) copies those
//!   whose code the registry never held, as version 1 (all of them into
//!   an empty registry, the new ones after an upgrade).
//!
//! Fiches are checked by `campus_domain::evaluation::indicateur` before
//! they reach this module; here a stored formula is only read back, not
//! re-verified against the registry of record kinds, so that a kind
//! removed later does not hide the indicator's history.

use std::collections::HashMap;

use campus_domain::evaluation::formule::Formule;
use campus_domain::evaluation::indicateur::{
    Cible, CodeIndicateur, Fiche, Indicateur, ventilations_en_texte, ventilations_stockees,
};
use campus_domain::evaluation::registre::{INDICATEURS_PAR_DEFAUT, Levier, Sens};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entity::{evaluation_commentaire, indicateur, indicateur_cible, indicateur_version};
use crate::{Store, StoreError};

crate::handle::feature_handle!(
    /// The indicators of the campus's evaluation, their versions, targets
    /// and the campus team's commentary.
    Indicateurs,
    indicateurs
);

/// An indicator with its current fiche.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicateurEnregistre {
    pub indicateur: Indicateur,
    /// When the campus team retired it; a retired indicator is no longer
    /// computed but keeps its history.
    pub retire_le: Option<DateTime<Utc>>,
    /// When its current version was written.
    pub modifie_le: DateTime<Utc>,
}

/// One version of a fiche, as it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionFiche {
    pub version: u32,
    pub fiche: Fiche,
    pub created_at: DateTime<Utc>,
    pub auteur_id: Option<i32>,
}

/// An indicator and all its versions, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Historique {
    pub courant: IndicateurEnregistre,
    pub versions: Vec<VersionFiche>,
}

/// The campus team's commentary on a lever for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commentaire {
    pub annee: i32,
    pub levier: Levier,
    pub texte: String,
    pub updated_at: DateTime<Utc>,
    pub auteur_id: Option<i32>,
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

fn version_u32(v: i32) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| corrupt(format!("version {v}")))
}

fn fiche_of(m: &indicateur_version::Model) -> Result<Fiche, StoreError> {
    Ok(Fiche {
        nom: m.nom.clone(),
        definition: m.definition.clone(),
        formule: Formule::parse(&m.formule)
            .map_err(|e| corrupt(format!("{} v{} : {e}", m.code, m.version)))?,
        unite: m.unite.clone(),
        denominateur: m.denominateur.clone(),
        ventilations: ventilations_stockees(&m.ventilations).map_err(corrupt)?,
        sens: Sens::parse(&m.sens).map_err(|_| corrupt(format!("sens {}", m.sens)))?,
    })
}

fn version_of(m: &indicateur_version::Model) -> Result<VersionFiche, StoreError> {
    Ok(VersionFiche {
        version: version_u32(m.version)?,
        fiche: fiche_of(m)?,
        created_at: m.created_at,
        auteur_id: m.auteur_id,
    })
}

fn identite(m: &indicateur::Model) -> Result<(CodeIndicateur, Levier), StoreError> {
    let code = CodeIndicateur::parse(&m.code).map_err(corrupt)?;
    let levier = Levier::parse(&m.levier).map_err(|_| corrupt(format!("levier {}", m.levier)))?;
    Ok((code, levier))
}

fn enregistre(
    m: &indicateur::Model,
    v: &indicateur_version::Model,
) -> Result<IndicateurEnregistre, StoreError> {
    let (code, levier) = identite(m)?;
    Ok(IndicateurEnregistre {
        indicateur: Indicateur {
            code,
            levier,
            version: version_u32(v.version)?,
            fiche: fiche_of(v)?,
        },
        retire_le: m.retire_le,
        modifie_le: v.created_at,
    })
}

fn version_row(
    code: &CodeIndicateur,
    version: i32,
    fiche: &Fiche,
    now: DateTime<Utc>,
    auteur_id: Option<i32>,
) -> indicateur_version::ActiveModel {
    indicateur_version::ActiveModel {
        code: Set(code.as_str().to_owned()),
        version: Set(version),
        nom: Set(fiche.nom.clone()),
        definition: Set(fiche.definition.clone()),
        formule: Set(fiche.formule.to_string()),
        unite: Set(fiche.unite.clone()),
        denominateur: Set(fiche.denominateur.clone()),
        ventilations: Set(ventilations_en_texte(&fiche.ventilations)),
        sens: Set(fiche.sens.as_str().to_owned()),
        created_at: Set(now),
        auteur_id: Set(auteur_id),
    }
}

/// Writes a new indicator as version 1, inside `conn`'s transaction.
async fn inserer(
    conn: &impl ConnectionTrait,
    code: &CodeIndicateur,
    levier: Levier,
    fiche: &Fiche,
    now: DateTime<Utc>,
    auteur_id: Option<i32>,
) -> Result<(), StoreError> {
    indicateur::Entity::insert(indicateur::ActiveModel {
        code: Set(code.as_str().to_owned()),
        levier: Set(levier.as_str().to_owned()),
        version_courante: Set(1),
        retire_le: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(conn)
    .await?;
    indicateur_version::Entity::insert(version_row(code, 1, fiche, now, auteur_id))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

impl Store {
    /// Copies the shipped default indicators whose code the registry has
    /// never held into it, as version 1, in one transaction: a new
    /// registry gets them all, an existing one the defaults added since;
    /// a default the team edited or retired (its code is held) is left
    /// as the team left it.
    pub(crate) async fn seed_indicateurs(&self) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let tenus: std::collections::HashSet<String> = indicateur::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|i| i.code)
            .collect();
        let now = self.now();
        for d in INDICATEURS_PAR_DEFAUT
            .iter()
            .filter(|d| !tenus.contains(d.code))
        {
            let i = Indicateur::par_defaut(d).map_err(|e| corrupt(format!("{} : {e}", d.code)))?;
            inserer(&txn, &i.code, i.levier, &i.fiche, now, None).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}

impl Indicateurs<'_> {
    /// Every indicator with its current fiche, retired ones included, by
    /// code (which orders them by lever).
    pub async fn list(&self) -> Result<Vec<IndicateurEnregistre>, StoreError> {
        let indicateurs = indicateur::Entity::find()
            .order_by_asc(indicateur::Column::Code)
            .all(self.conn())
            .await?;
        let mut versions: HashMap<(String, i32), indicateur_version::Model> =
            indicateur_version::Entity::find()
                .all(self.conn())
                .await?
                .into_iter()
                .map(|v| ((v.code.clone(), v.version), v))
                .collect();
        indicateurs
            .iter()
            .map(|m| {
                let v = versions
                    .remove(&(m.code.clone(), m.version_courante))
                    .ok_or_else(|| corrupt(format!("{} sans version courante", m.code)))?;
                enregistre(m, &v)
            })
            .collect()
    }

    /// One indicator and its history, newest version first.
    pub async fn get(&self, code: &CodeIndicateur) -> Result<Historique, StoreError> {
        let m = indicateur::Entity::find_by_id(code.as_str())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let rows = indicateur_version::Entity::find()
            .filter(indicateur_version::Column::Code.eq(code.as_str()))
            .order_by_desc(indicateur_version::Column::Version)
            .all(self.conn())
            .await?;
        let courante = rows
            .iter()
            .find(|v| v.version == m.version_courante)
            .ok_or_else(|| corrupt(format!("{} sans version courante", m.code)))?;
        Ok(Historique {
            courant: enregistre(&m, courante)?,
            versions: rows.iter().map(version_of).collect::<Result<_, _>>()?,
        })
    }

    /// The indicator as it was defined at `at`: the last version written
    /// at or before that instant; `None` when it did not exist yet.
    pub async fn version_en_vigueur(
        &self,
        code: &CodeIndicateur,
        at: DateTime<Utc>,
    ) -> Result<Option<Indicateur>, StoreError> {
        let m = indicateur::Entity::find_by_id(code.as_str())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let Some(v) = indicateur_version::Entity::find()
            .filter(indicateur_version::Column::Code.eq(code.as_str()))
            .filter(indicateur_version::Column::CreatedAt.lte(at))
            .order_by_desc(indicateur_version::Column::Version)
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        let (code, levier) = identite(&m)?;
        Ok(Some(Indicateur {
            code,
            levier,
            version: version_u32(v.version)?,
            fiche: fiche_of(&v)?,
        }))
    }

    /// Adds an indicator (version 1). A code already taken, even by a
    /// retired indicator, is a [`StoreError::Conflict`].
    pub async fn create(
        &self,
        code: &CodeIndicateur,
        levier: Levier,
        fiche: &Fiche,
        auteur_id: Option<i32>,
    ) -> Result<(), StoreError> {
        if code.levier() != Some(levier) {
            return Err(StoreError::Corrupt(format!(
                "le code {code} n'est pas du levier {}",
                levier.as_str()
            )));
        }
        let txn = self.write().await?;
        if indicateur::Entity::find_by_id(code.as_str())
            .one(&txn)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict("indicateurs.code".to_owned()));
        }
        inserer(&txn, code, levier, fiche, self.now(), auteur_id).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Writes `fiche` as the version after `version_lue`, the one the
    /// editor started from; returns the new version. When another edit
    /// came first, [`StoreError::Conflict`] and nothing is written.
    pub async fn update(
        &self,
        code: &CodeIndicateur,
        version_lue: u32,
        fiche: &Fiche,
        auteur_id: Option<i32>,
    ) -> Result<u32, StoreError> {
        let lue = i32::try_from(version_lue).map_err(|_| StoreError::NotFound)?;
        let suivante = lue.checked_add(1).ok_or(StoreError::NotFound)?;
        let txn = self.write().await?;
        let pris = indicateur::Entity::update_many()
            .col_expr(indicateur::Column::VersionCourante, Expr::value(suivante))
            .filter(indicateur::Column::Code.eq(code.as_str()))
            .filter(indicateur::Column::VersionCourante.eq(lue))
            .exec(&txn)
            .await?;
        if pris.rows_affected != 1 {
            let existe = indicateur::Entity::find_by_id(code.as_str())
                .one(&txn)
                .await?
                .is_some();
            return Err(if existe {
                StoreError::Conflict("indicateurs.version_courante".to_owned())
            } else {
                StoreError::NotFound
            });
        }
        indicateur_version::Entity::insert(version_row(
            code,
            suivante,
            fiche,
            self.now(),
            auteur_id,
        ))
        .exec_without_returning(&txn)
        .await?;
        txn.commit().await?;
        version_u32(suivante)
    }

    /// Retires the indicator: no longer computed, history kept. Retiring
    /// a retired indicator changes nothing.
    pub async fn retire(&self, code: &CodeIndicateur) -> Result<(), StoreError> {
        self.set_retire(code, Some(self.now())).await
    }

    /// Puts a retired indicator back in use.
    pub async fn restore(&self, code: &CodeIndicateur) -> Result<(), StoreError> {
        self.set_retire(code, None).await
    }

    async fn set_retire(
        &self,
        code: &CodeIndicateur,
        at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let filtre = if at.is_some() {
            indicateur::Column::RetireLe.is_null()
        } else {
            indicateur::Column::RetireLe.is_not_null()
        };
        let fait = indicateur::Entity::update_many()
            .col_expr(indicateur::Column::RetireLe, Expr::value(at))
            .filter(indicateur::Column::Code.eq(code.as_str()))
            .filter(filtre)
            .exec(&txn)
            .await?;
        if fait.rows_affected == 0
            && indicateur::Entity::find_by_id(code.as_str())
                .one(&txn)
                .await?
                .is_none()
        {
            return Err(StoreError::NotFound);
        }
        txn.commit().await?;
        Ok(())
    }

    /// Sets the target of `annee`, replacing the one there was.
    pub async fn set_cible(
        &self,
        code: &CodeIndicateur,
        annee: i32,
        cible: Cible,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        indicateur::Entity::find_by_id(code.as_str())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        indicateur_cible::Entity::insert(indicateur_cible::ActiveModel {
            code: Set(code.as_str().to_owned()),
            annee: Set(annee),
            valeur: Set(cible.valeur()),
        })
        .on_conflict(
            OnConflict::columns([
                indicateur_cible::Column::Code,
                indicateur_cible::Column::Annee,
            ])
            .update_column(indicateur_cible::Column::Valeur)
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Removes the target of `annee`; `false` when there was none.
    pub async fn clear_cible(&self, code: &CodeIndicateur, annee: i32) -> Result<bool, StoreError> {
        let txn = self.write().await?;
        let fait = indicateur_cible::Entity::delete_by_id((code.as_str().to_owned(), annee))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(fait.rows_affected > 0)
    }

    /// The indicator's targets, by year.
    pub async fn cibles(&self, code: &CodeIndicateur) -> Result<Vec<(i32, Cible)>, StoreError> {
        indicateur_cible::Entity::find()
            .filter(indicateur_cible::Column::Code.eq(code.as_str()))
            .order_by_asc(indicateur_cible::Column::Annee)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| Ok((m.annee, Cible::new(m.valeur).map_err(corrupt)?)))
            .collect()
    }

    /// Every indicator's target for `annee`, by code.
    pub async fn cibles_annee(&self, annee: i32) -> Result<HashMap<String, Cible>, StoreError> {
        indicateur_cible::Entity::find()
            .filter(indicateur_cible::Column::Annee.eq(annee))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| Ok((m.code, Cible::new(m.valeur).map_err(corrupt)?)))
            .collect()
    }

    /// The campus team's commentaries of `annee`, by lever.
    pub async fn commentaires(&self, annee: i32) -> Result<Vec<Commentaire>, StoreError> {
        evaluation_commentaire::Entity::find()
            .filter(evaluation_commentaire::Column::Annee.eq(annee))
            .order_by_asc(evaluation_commentaire::Column::Levier)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| {
                Ok(Commentaire {
                    annee: m.annee,
                    levier: Levier::parse(&m.levier)
                        .map_err(|_| corrupt(format!("levier {}", m.levier)))?,
                    texte: m.texte,
                    updated_at: m.updated_at,
                    auteur_id: m.auteur_id,
                })
            })
            .collect()
    }

    /// Writes the commentaries of `annee` given per lever, in one
    /// transaction: `Some(text)` replaces the lever's commentary, `None`
    /// removes it. Levers not listed are left as they are.
    pub async fn set_commentaires(
        &self,
        annee: i32,
        textes: &[(Levier, Option<String>)],
        auteur_id: Option<i32>,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        for (levier, texte) in textes {
            let key = (annee, levier.as_str().to_owned());
            match texte {
                None => {
                    evaluation_commentaire::Entity::delete_by_id(key)
                        .exec(&txn)
                        .await?;
                }
                Some(texte) => {
                    evaluation_commentaire::Entity::insert(evaluation_commentaire::ActiveModel {
                        annee: Set(annee),
                        levier: Set(levier.as_str().to_owned()),
                        texte: Set(texte.clone()),
                        updated_at: Set(now),
                        auteur_id: Set(auteur_id),
                    })
                    .on_conflict(
                        OnConflict::columns([
                            evaluation_commentaire::Column::Annee,
                            evaluation_commentaire::Column::Levier,
                        ])
                        .update_columns([
                            evaluation_commentaire::Column::Texte,
                            evaluation_commentaire::Column::UpdatedAt,
                            evaluation_commentaire::Column::AuteurId,
                        ])
                        .to_owned(),
                    )
                    .exec_without_returning(&txn)
                    .await?;
                }
            }
        }
        txn.commit().await?;
        Ok(())
    }
}
