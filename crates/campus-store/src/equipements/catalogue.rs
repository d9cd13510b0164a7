//! The equipment catalogue and its managers.

use std::collections::HashMap;

use campus_domain::equipement::{CategorieEquipement, Horaires, StatutEquipement};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::entity::{equipement, equipement_gestionnaire, organisation, user};
use crate::users::User;
use crate::{StoreError, audit, generate_token};

/// A piece of pooled equipment, with the organisation that owns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equipement {
    pub id: i32,
    pub slug: String,
    pub nom: String,
    pub organisation_id: i32,
    pub organisation_nom: String,
    pub organisation_slug: String,
    pub site: String,
    pub categorie: CategorieEquipement,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    pub tarif_academique_centimes: i32,
    pub tarif_industriel_centimes: i32,
    pub statut: StatutEquipement,
    pub horaires: Horaires,
    pub approbation_requise: bool,
    /// When it left the catalogue: it takes no booking and is listed no
    /// more, but its bookings and utilisation stay.
    pub retire_le: Option<DateTime<Utc>>,
    /// The version an edit must start from (see
    /// [`super::gestion`]).
    pub version: i32,
}

impl Equipement {
    /// Whether it is in the public catalogue.
    pub fn au_catalogue(&self) -> bool {
        self.retire_le.is_none()
    }
}

/// The fields of a new piece of equipment, already validated.
#[derive(Clone, Debug)]
pub struct NouvelEquipement {
    pub nom: String,
    pub organisation_id: i32,
    pub site: String,
    pub categorie: CategorieEquipement,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    pub tarif_academique_centimes: i32,
    pub tarif_industriel_centimes: i32,
    pub statut: StatutEquipement,
    pub horaires: Horaires,
    pub approbation_requise: bool,
}

fn from_model(m: equipement::Model, org: &organisation::Model) -> Result<Equipement, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("équipement {} : {what}", m.id));
    let horaires = Horaires::new(
        u8::try_from(m.jours_ouverture).map_err(|_| corrupt("jours"))?,
        u32::try_from(m.ouverture_minutes).map_err(|_| corrupt("ouverture"))?,
        u32::try_from(m.fermeture_minutes).map_err(|_| corrupt("fermeture"))?,
    )
    .map_err(|_| corrupt("horaires"))?;
    Ok(Equipement {
        id: m.id,
        categorie: CategorieEquipement::parse(&m.categorie).map_err(|_| corrupt("catégorie"))?,
        statut: StatutEquipement::parse(&m.statut).map_err(|_| corrupt("statut"))?,
        horaires,
        slug: m.slug,
        nom: m.nom,
        organisation_id: m.organisation_id,
        organisation_nom: org.nom.clone(),
        organisation_slug: org.slug.clone(),
        site: m.site,
        description: m.description,
        capacites: m.capacites,
        regles_securite: m.regles_securite,
        habilitation_requise: m.habilitation_requise,
        tarif_academique_centimes: m.tarif_academique_centimes,
        tarif_industriel_centimes: m.tarif_industriel_centimes,
        approbation_requise: m.approbation_requise,
        retire_le: m.retire_le,
        version: m.version,
    })
}

pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    new: NouvelEquipement,
    now: DateTime<Utc>,
) -> Result<equipement::Model, StoreError> {
    let slug = crate::slugs::free_slug::<equipement::Entity, _>(
        conn,
        equipement::Column::Slug,
        &campus_domain::slugify(&new.nom),
    )
    .await?;
    Ok(equipement::ActiveModel {
        slug: Set(slug),
        nom: Set(new.nom),
        organisation_id: Set(new.organisation_id),
        site: Set(new.site),
        categorie: Set(new.categorie.as_str().to_owned()),
        description: Set(new.description),
        capacites: Set(new.capacites),
        regles_securite: Set(new.regles_securite),
        habilitation_requise: Set(new.habilitation_requise),
        tarif_academique_centimes: Set(new.tarif_academique_centimes),
        tarif_industriel_centimes: Set(new.tarif_industriel_centimes),
        statut: Set(new.statut.as_str().to_owned()),
        jours_ouverture: Set(i32::from(new.horaires.jours())),
        ouverture_minutes: Set(new.horaires.ouverture() as i32),
        fermeture_minutes: Set(new.horaires.fermeture() as i32),
        approbation_requise: Set(new.approbation_requise),
        // The feed's token (see `crate::feeds`): the column is required.
        jeton_ical: Set(generate_token()),
        verrou: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        retire_le: Set(None),
        version: Set(1),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

impl super::Equipements<'_> {
    /// Adds a piece of equipment to the catalogue.
    pub async fn create_equipement(
        &self,
        new: NouvelEquipement,
        actor: Option<i32>,
    ) -> Result<Equipement, StoreError> {
        let txn = self.write().await?;
        let model = insert(&txn, new, self.now()).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "equipement.create",
            &model.slug,
            &model.nom,
        )
        .await?;
        txn.commit().await?;
        self.equipement_by_slug(&model.slug).await
    }

    /// The whole catalogue, by name; retired equipment is not in it.
    pub async fn list_equipements(&self) -> Result<Vec<Equipement>, StoreError> {
        let rows = equipement::Entity::find()
            .filter(equipement::Column::RetireLe.is_null())
            .order_by_asc(equipement::Column::Nom)
            .all(self.conn())
            .await?;
        let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
            .filter(
                organisation::Column::Id
                    .is_in(rows.iter().map(|r| r.organisation_id).collect::<Vec<_>>()),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        rows.into_iter()
            .map(|m| {
                let org = orgs.get(&m.organisation_id).ok_or_else(|| {
                    StoreError::Corrupt(format!("équipement {} : organisation", m.id))
                })?;
                from_model(m, org)
            })
            .collect()
    }

    async fn equipement_where(
        &self,
        column: equipement::Column,
        value: &str,
    ) -> Result<Equipement, StoreError> {
        let model = equipement::Entity::find()
            .filter(column.eq(value))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let org = organisation::Entity::find_by_id(model.organisation_id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        from_model(model, &org)
    }

    /// One equipment, retired or not (its bookings still name it); the
    /// caller decides what a retired one shows.
    pub async fn equipement_by_slug(&self, slug: &str) -> Result<Equipement, StoreError> {
        self.equipement_where(equipement::Column::Slug, slug).await
    }

    /// One equipment of the catalogue: `NotFound` for a retired one too,
    /// for the public pages, the API and booking.
    pub async fn equipement_au_catalogue(&self, slug: &str) -> Result<Equipement, StoreError> {
        let e = self.equipement_by_slug(slug).await?;
        if e.au_catalogue() {
            Ok(e)
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Makes `user_id` a manager of the equipment (idempotent).
    pub async fn add_equipement_manager(
        &self,
        equipement_id: i32,
        user_id: i32,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let exists = equipement_gestionnaire::Entity::find_by_id((equipement_id, user_id))
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            equipement_gestionnaire::ActiveModel {
                equipement_id: Set(equipement_id),
                user_id: Set(user_id),
            }
            .insert(&txn)
            .await?;
        }
        audit::record(
            &txn,
            self.now(),
            actor,
            "equipement.add_manager",
            &format!("{equipement_id}/{user_id}"),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The managers of a piece of equipment, who approve its bookings.
    pub async fn equipement_managers(&self, equipement_id: i32) -> Result<Vec<User>, StoreError> {
        let ids: Vec<i32> = equipement_gestionnaire::Entity::find()
            .filter(equipement_gestionnaire::Column::EquipementId.eq(equipement_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .order_by_asc(user::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(User::try_from)
            .collect()
    }

    /// Whether `user_id` manages the equipment.
    pub async fn is_equipement_manager(
        &self,
        equipement_id: i32,
        user_id: i32,
    ) -> Result<bool, StoreError> {
        Ok(
            equipement_gestionnaire::Entity::find_by_id((equipement_id, user_id))
                .one(self.conn())
                .await?
                .is_some(),
        )
    }

    /// Ids of the equipment `user_id` manages.
    pub async fn managed_equipements(&self, user_id: i32) -> Result<Vec<i32>, StoreError> {
        Ok(equipement_gestionnaire::Entity::find()
            .filter(equipement_gestionnaire::Column::UserId.eq(user_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| m.equipement_id)
            .collect())
    }
}
