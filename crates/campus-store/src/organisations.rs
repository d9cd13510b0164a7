//! The partner directory: organisations of the campus network and their
//! members.

use campus_domain::mobilite::Pays;
use campus_domain::{
    CodePostal, Departement, GeoPoint, MembreRole, OrganisationKind, OrigineOrganisation, Siret,
    Uai, slugify,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entity::{organisation, organisation_membre, user};
use crate::users::{User, escape_like};
use crate::{Store, StoreError, audit, generation, slugs};

/// An organisation of the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Organisation {
    pub id: i32,
    pub slug: String,
    pub nom: String,
    pub kind: OrganisationKind,
    pub siret: Option<Siret>,
    pub uai: Option<Uai>,
    pub description: String,
    pub adresse: Option<String>,
    pub code_postal: Option<CodePostal>,
    pub commune: Option<String>,
    pub departement: Option<Departement>,
    pub site_web: Option<String>,
    pub email_contact: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub origine: OrigineOrganisation,
    /// Where it is, when the catalogue that referenced it said.
    pub position: Option<GeoPoint>,
    /// France for the network; another country for a partner
    /// establishment abroad.
    pub pays: Pays,
}

/// The editable fields, already validated by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationInput {
    pub nom: String,
    pub kind: OrganisationKind,
    pub siret: Option<Siret>,
    pub uai: Option<Uai>,
    pub description: String,
    pub adresse: Option<String>,
    pub code_postal: Option<CodePostal>,
    pub commune: Option<String>,
    pub departement: Option<Departement>,
    pub site_web: Option<String>,
    pub email_contact: Option<String>,
}

/// A member of an organisation.
#[derive(Clone, Debug)]
pub struct Member {
    pub user: User,
    pub role: MembreRole,
}

/// Filters of the directory.
#[derive(Clone, Debug, Default)]
pub struct OrganisationFilter {
    pub query: Option<String>,
    pub kind: Option<OrganisationKind>,
    pub departement: Option<Departement>,
    /// Only the network's own, or only those a catalogue referenced.
    pub origine: Option<OrigineOrganisation>,
    /// The directory's country facet.
    pub pays: Option<Pays>,
    pub page: u64,
    pub per_page: u64,
}

impl TryFrom<organisation::Model> for Organisation {
    type Error = StoreError;

    fn try_from(m: organisation::Model) -> Result<Self, Self::Error> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("organisation {} : {what}", m.id));
        Ok(Organisation {
            id: m.id,
            kind: OrganisationKind::parse(&m.kind).map_err(|_| corrupt("type"))?,
            origine: OrigineOrganisation::parse(&m.origine).map_err(|_| corrupt("origine"))?,
            position: GeoPoint::from_columns(m.latitude, m.longitude),
            pays: Pays::parse(&m.pays).map_err(|_| corrupt("pays"))?,
            siret: m
                .siret
                .as_deref()
                .map(Siret::parse)
                .transpose()
                .map_err(|_| corrupt("SIRET"))?,
            uai: m
                .uai
                .as_deref()
                .map(Uai::parse)
                .transpose()
                .map_err(|_| corrupt("UAI"))?,
            code_postal: m
                .code_postal
                .as_deref()
                .map(CodePostal::parse)
                .transpose()
                .map_err(|_| corrupt("code postal"))?,
            departement: m
                .departement
                .as_deref()
                .map(Departement::parse)
                .transpose()
                .map_err(|_| corrupt("département"))?,
            slug: m.slug,
            nom: m.nom,
            description: m.description,
            adresse: m.adresse,
            commune: m.commune,
            site_web: m.site_web,
            email_contact: m.email_contact,
            updated_at: m.updated_at,
        })
    }
}

fn apply(active: &mut organisation::ActiveModel, input: OrganisationInput, now: DateTime<Utc>) {
    active.nom = Set(input.nom);
    active.kind = Set(input.kind.as_str().to_owned());
    active.siret = Set(input.siret.map(|s| s.as_str().to_owned()));
    active.uai = Set(input.uai.map(|u| u.as_str().to_owned()));
    active.description = Set(input.description);
    active.adresse = Set(input.adresse);
    active.code_postal = Set(input.code_postal.map(|c| c.as_str().to_owned()));
    active.commune = Set(input.commune);
    active.departement = Set(input.departement.map(|d| d.as_str().to_owned()));
    active.site_web = Set(input.site_web);
    active.email_contact = Set(input.email_contact);
    active.updated_at = Set(now);
}

/// A slug not yet taken: the name's slug, then `-2`, `-3`…
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: OrganisationInput,
    now: DateTime<Utc>,
) -> Result<organisation::Model, StoreError> {
    let mut active = organisation::ActiveModel {
        slug: Set(slugs::free_slug::<organisation::Entity, _>(
            conn,
            organisation::Column::Slug,
            &slugify(&input.nom),
        )
        .await?),
        created_at: Set(now),
        origine: Set(OrigineOrganisation::Reseau.as_str().to_owned()),
        ..Default::default()
    };
    apply(&mut active, input, now);
    Ok(active.insert(conn).await?)
}

impl Store {
    pub async fn create_organisation(
        &self,
        input: OrganisationInput,
        actor: Option<i32>,
    ) -> Result<Organisation, StoreError> {
        let txn = self.write().await?;
        let model = insert(&txn, input, self.now()).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "organisation.create",
            &model.slug,
            &model.nom,
        )
        .await?;
        generation::bump(&txn).await?;
        txn.commit().await?;
        Organisation::try_from(model)
    }

    pub async fn update_organisation(
        &self,
        id: i32,
        input: OrganisationInput,
        actor: Option<i32>,
    ) -> Result<Organisation, StoreError> {
        let txn = self.write().await?;
        let model = organisation::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut active: organisation::ActiveModel = model.into();
        apply(&mut active, input, self.now());
        // Edited by the network, it is the network's: a newer catalogue
        // no longer overwrites it.
        active.origine = Set(OrigineOrganisation::Reseau.as_str().to_owned());
        let model = active.update(&txn).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "organisation.update",
            &model.slug,
            "",
        )
        .await?;
        generation::bump(&txn).await?;
        txn.commit().await?;
        Organisation::try_from(model)
    }

    pub async fn organisation_by_slug(&self, slug: &str) -> Result<Organisation, StoreError> {
        organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(slug))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
            .and_then(Organisation::try_from)
    }

    pub async fn count_organisations(&self) -> Result<u64, StoreError> {
        Ok(organisation::Entity::find().count(self.conn()).await?)
    }

    /// One page of the directory, by name, with the total matching count.
    pub async fn list_organisations(
        &self,
        filter: &OrganisationFilter,
    ) -> Result<(Vec<Organisation>, u64), StoreError> {
        let mut condition = Condition::all();
        if let Some(q) = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            let pattern = format!("%{}%", escape_like(&q.to_lowercase()));
            condition = condition.add(
                Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col(organisation::Column::Nom)))
                            .like(pattern.clone()),
                    )
                    .add(
                        Expr::expr(Func::lower(Expr::col(organisation::Column::Commune)))
                            .like(pattern),
                    ),
            );
        }
        if let Some(kind) = filter.kind {
            condition = condition.add(organisation::Column::Kind.eq(kind.as_str()));
        }
        if let Some(dep) = &filter.departement {
            condition = condition.add(organisation::Column::Departement.eq(dep.as_str()));
        }
        if let Some(origine) = filter.origine {
            condition = condition.add(organisation::Column::Origine.eq(origine.as_str()));
        }
        if let Some(pays) = filter.pays {
            condition = condition.add(organisation::Column::Pays.eq(pays.as_str()));
        }
        let per_page = filter.per_page.clamp(1, 200);
        let query = organisation::Entity::find().filter(condition);
        let total = query.clone().count(self.conn()).await?;
        let rows = query
            .order_by_asc(organisation::Column::Nom)
            .order_by_asc(organisation::Column::Id)
            .offset(filter.page * per_page)
            .limit(per_page)
            .all(self.conn())
            .await?;
        Ok((
            rows.into_iter()
                .map(Organisation::try_from)
                .collect::<Result<_, _>>()?,
            total,
        ))
    }

    pub async fn members(&self, organisation_id: i32) -> Result<Vec<Member>, StoreError> {
        let rows = organisation_membre::Entity::find()
            .filter(organisation_membre::Column::OrganisationId.eq(organisation_id))
            .order_by_asc(organisation_membre::Column::Id)
            .all(self.conn())
            .await?;
        let mut members = Vec::with_capacity(rows.len());
        for row in rows {
            let model = user::Entity::find_by_id(row.user_id)
                .one(self.conn())
                .await?
                .ok_or(StoreError::NotFound)?;
            members.push(Member {
                user: User::try_from(model)?,
                role: MembreRole::parse(&row.role)
                    .map_err(|_| StoreError::Corrupt(format!("adhésion {} : rôle", row.id)))?,
            });
        }
        Ok(members)
    }

    /// The organisations a user belongs to, with their role in each.
    pub async fn memberships_of(
        &self,
        user_id: i32,
    ) -> Result<Vec<(Organisation, MembreRole)>, StoreError> {
        let rows = organisation_membre::Entity::find()
            .filter(organisation_membre::Column::UserId.eq(user_id))
            .all(self.conn())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let org = organisation::Entity::find_by_id(row.organisation_id)
                .one(self.conn())
                .await?
                .ok_or(StoreError::NotFound)?;
            let role = MembreRole::parse(&row.role)
                .map_err(|_| StoreError::Corrupt(format!("adhésion {} : rôle", row.id)))?;
            out.push((Organisation::try_from(org)?, role));
        }
        out.sort_by(|a, b| a.0.nom.cmp(&b.0.nom));
        Ok(out)
    }

    /// The user's role in the organisation, if a member.
    pub async fn membership_role(
        &self,
        organisation_id: i32,
        user_id: i32,
    ) -> Result<Option<MembreRole>, StoreError> {
        organisation_membre::Entity::find()
            .filter(organisation_membre::Column::OrganisationId.eq(organisation_id))
            .filter(organisation_membre::Column::UserId.eq(user_id))
            .one(self.conn())
            .await?
            .map(|row| {
                MembreRole::parse(&row.role)
                    .map_err(|_| StoreError::Corrupt(format!("adhésion {} : rôle", row.id)))
            })
            .transpose()
    }

    /// Adds a member, or changes the role of an existing one.
    pub async fn set_member(
        &self,
        organisation_id: i32,
        user_id: i32,
        role: MembreRole,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let existing = organisation_membre::Entity::find()
            .filter(organisation_membre::Column::OrganisationId.eq(organisation_id))
            .filter(organisation_membre::Column::UserId.eq(user_id))
            .one(&txn)
            .await?;
        match existing {
            Some(row) => {
                let mut active: organisation_membre::ActiveModel = row.into();
                active.role = Set(role.as_str().to_owned());
                active.update(&txn).await?;
            }
            None => {
                organisation_membre::ActiveModel {
                    organisation_id: Set(organisation_id),
                    user_id: Set(user_id),
                    role: Set(role.as_str().to_owned()),
                    created_at: Set(self.now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        audit::record(
            &txn,
            self.now(),
            actor,
            "organisation.set_member",
            &format!("{organisation_id}/{user_id}"),
            role.as_str(),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn remove_member(
        &self,
        organisation_id: i32,
        user_id: i32,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let result = organisation_membre::Entity::delete_many()
            .filter(organisation_membre::Column::OrganisationId.eq(organisation_id))
            .filter(organisation_membre::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        audit::record(
            &txn,
            self.now(),
            actor,
            "organisation.remove_member",
            &format!("{organisation_id}/{user_id}"),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
