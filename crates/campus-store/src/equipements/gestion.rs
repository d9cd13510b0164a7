//! Managers and the campus team keep their equipment up to date: its
//! description, rates, hours and status, and its retirement.
//!
//! An edit starts from the version the form was loaded with and is one
//! conditional update (`… WHERE version = ?`) that raises it: of two
//! people saving the same equipment, the second is told someone else
//! changed it instead of silently undoing their change. The booking lock
//! (`verrou`) is not that version: every booking raises it, and a booking
//! must not make an edit fail.
//!
//! A retired equipment leaves the catalogue and takes no booking, but its
//! row stays, so that its past bookings, their utilisation and the audit
//! still name it. Retiring is refused while bookings to come hold it:
//! they are cancelled first, their authors told, as before a maintenance.

use campus_domain::equipement::StatutReservation;
use campus_domain::equipement::saisie::FicheEquipement;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::catalogue::{Equipement, NouvelEquipement};
use super::reservations::lock_equipement;
use crate::entity::{equipement, equipement_reservation};
use crate::{StoreError, audit};

/// Why a change of an equipment was refused; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum GestionError {
    /// Someone saved the equipment since the form was loaded.
    #[error("l'équipement a été modifié entre-temps")]
    VersionPerimee,
    /// Bookings still to come hold the equipment (how many).
    #[error("{0} réservation(s) à venir")]
    ReservationsAVenir(u64),
    /// The equipment already has as many photos as it may.
    #[error("nombre maximal de photos atteint")]
    TropDePhotos,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for GestionError {
    fn from(err: sea_orm::DbErr) -> Self {
        GestionError::Store(err.into())
    }
}

/// A rate in cents as stored; the domain caps rates well below the limit.
pub(crate) fn cents(c: campus_domain::Centimes) -> i32 {
    i32::try_from(c.centimes()).unwrap_or(i32::MAX)
}

impl NouvelEquipement {
    /// A new equipment of `organisation_id` from its checked fields.
    pub fn de_fiche(fiche: FicheEquipement, organisation_id: i32) -> NouvelEquipement {
        NouvelEquipement {
            nom: fiche.nom,
            organisation_id,
            site: fiche.site,
            categorie: fiche.categorie,
            description: fiche.description,
            capacites: fiche.capacites,
            regles_securite: fiche.regles_securite,
            habilitation_requise: fiche.habilitation_requise,
            tarif_academique_centimes: cents(fiche.tarif_academique),
            tarif_industriel_centimes: cents(fiche.tarif_industriel),
            statut: fiche.statut,
            horaires: fiche.horaires,
            approbation_requise: fiche.approbation_requise,
        }
    }
}

/// Writes `fiche` over the equipment `id` if it is still at `version` and
/// in the catalogue, raising its version; whether it was. The slug stays:
/// links and calendar feeds keep working after a rename.
pub(crate) async fn overwrite<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    version: i32,
    fiche: &FicheEquipement,
    organisation_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, StoreError> {
    let h = fiche.horaires;
    let changed = equipement::Entity::update_many()
        .col_expr(equipement::Column::Nom, Expr::value(fiche.nom.clone()))
        .col_expr(
            equipement::Column::OrganisationId,
            Expr::value(organisation_id),
        )
        .col_expr(equipement::Column::Site, Expr::value(fiche.site.clone()))
        .col_expr(
            equipement::Column::Categorie,
            Expr::value(fiche.categorie.as_str()),
        )
        .col_expr(
            equipement::Column::Description,
            Expr::value(fiche.description.clone()),
        )
        .col_expr(
            equipement::Column::Capacites,
            Expr::value(fiche.capacites.clone()),
        )
        .col_expr(
            equipement::Column::ReglesSecurite,
            Expr::value(fiche.regles_securite.clone()),
        )
        .col_expr(
            equipement::Column::HabilitationRequise,
            Expr::value(fiche.habilitation_requise),
        )
        .col_expr(
            equipement::Column::TarifAcademiqueCentimes,
            Expr::value(cents(fiche.tarif_academique)),
        )
        .col_expr(
            equipement::Column::TarifIndustrielCentimes,
            Expr::value(cents(fiche.tarif_industriel)),
        )
        .col_expr(
            equipement::Column::Statut,
            Expr::value(fiche.statut.as_str()),
        )
        .col_expr(
            equipement::Column::JoursOuverture,
            Expr::value(i32::from(h.jours())),
        )
        .col_expr(
            equipement::Column::OuvertureMinutes,
            Expr::value(i32::try_from(h.ouverture()).unwrap_or(0)),
        )
        .col_expr(
            equipement::Column::FermetureMinutes,
            Expr::value(i32::try_from(h.fermeture()).unwrap_or(24 * 60)),
        )
        .col_expr(
            equipement::Column::ApprobationRequise,
            Expr::value(fiche.approbation_requise),
        )
        .col_expr(
            equipement::Column::Version,
            Expr::col(equipement::Column::Version).add(1),
        )
        .col_expr(equipement::Column::UpdatedAt, Expr::value(now))
        .filter(equipement::Column::Id.eq(id))
        .filter(equipement::Column::Version.eq(version))
        .filter(equipement::Column::RetireLe.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    Ok(changed == 1)
}

impl super::Equipements<'_> {
    /// Saves the edit of an equipment made from `version` (see the
    /// module's documentation). `NotFound` if it does not exist or was
    /// retired, `VersionPerimee` if someone saved it in between.
    pub async fn update_equipement(
        &self,
        id: i32,
        version: i32,
        fiche: &FicheEquipement,
        organisation_id: i32,
        actor: Option<i32>,
    ) -> Result<Equipement, GestionError> {
        let txn = self.write().await?;
        if !overwrite(&txn, id, version, fiche, organisation_id, self.now()).await? {
            let current = equipement::Entity::find_by_id(id).one(&txn).await?;
            return Err(match current {
                Some(e) if e.retire_le.is_none() => GestionError::VersionPerimee,
                _ => GestionError::Store(StoreError::NotFound),
            });
        }
        let model = equipement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "equipement.update",
            &model.slug,
            &format!("version {}", model.version),
        )
        .await?;
        txn.commit().await?;
        Ok(self.equipement_by_slug(&model.slug).await?)
    }

    /// Retires an equipment from the catalogue (see the module's
    /// documentation). `NotFound` if it does not exist or is already
    /// retired; `ReservationsAVenir` while bookings still to come hold it.
    pub async fn retire_equipement(&self, id: i32, actor: Option<i32>) -> Result<(), GestionError> {
        let txn = self.write().await?;
        // The booking lock first: a booking being written finishes before
        // the count below, and none starts after it.
        if !lock_equipement(&txn, id, false).await? {
            return Err(StoreError::NotFound.into());
        }
        let now = self.now();
        let a_venir = equipement_reservation::Entity::find()
            .filter(equipement_reservation::Column::EquipementId.eq(id))
            .filter(equipement_reservation::Column::Statut.is_in([
                StatutReservation::EnAttente.as_str(),
                StatutReservation::Confirmee.as_str(),
            ]))
            .filter(equipement_reservation::Column::Fin.gt(now))
            .count(&txn)
            .await?;
        if a_venir > 0 {
            return Err(GestionError::ReservationsAVenir(a_venir));
        }
        equipement::Entity::update_many()
            .col_expr(equipement::Column::RetireLe, Expr::value(now))
            .col_expr(
                equipement::Column::Version,
                Expr::col(equipement::Column::Version).add(1),
            )
            .col_expr(equipement::Column::UpdatedAt, Expr::value(now))
            .filter(equipement::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        let model = equipement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record(
            &txn,
            now,
            actor,
            "equipement.retire",
            &model.slug,
            &model.nom,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
