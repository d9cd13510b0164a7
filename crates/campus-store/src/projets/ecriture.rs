//! Creating and editing a project, its links and its members.

use campus_domain::CodeRome;
use campus_domain::projet::{EtatEtape, NouveauProjet, RoleMembre, StatutProjet};
use campus_domain::slugify;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::{Fait, Projets, iso};
use crate::entity::{
    projet, projet_certification, projet_equipement, projet_membre, projet_metier,
    projet_organisation,
};
use crate::outbox::{self, OutgoingMail};
use crate::tokens::{self, NewToken};
use crate::users::{self, NewUser};
use crate::{StoreError, audit, slugs};

/// A project as written by its form or the API: its checked fields and its
/// links to the network and the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjetEcrit {
    pub champs: NouveauProjet,
    pub public: bool,
    pub organisations: Vec<i32>,
    pub metiers: Vec<CodeRome>,
    pub certifications: Vec<String>,
    pub equipements: Vec<i32>,
}

/// Why a change of a project or its members was refused; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum MembreError {
    #[error("déjà membre du projet")]
    DejaMembre,
    #[error("le projet garde au moins un porteur")]
    DernierPorteur,
    #[error("pas membre du projet")]
    PasMembre,
    /// The kind decides the stages: it is fixed at creation.
    #[error("le type d'un projet ne change pas")]
    TypeFixe,
    /// Someone changed the project since the caller read it.
    #[error("le projet a changé entre-temps")]
    Perime,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for MembreError {
    fn from(err: sea_orm::DbErr) -> Self {
        MembreError::Store(err.into())
    }
}

/// An invitation of someone without an account: the account created for
/// them, its one-time link, and the part they take in the project.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub user: NewUser,
    pub token: NewToken,
    pub role: RoleMembre,
}

impl Projets<'_> {
    /// Creates a project in its kind's first stage, with `porteur` as its
    /// lead; returns its id and slug.
    pub async fn creer(
        &self,
        input: &ProjetEcrit,
        porteur: i32,
    ) -> Result<(i32, String), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let (id, slug) = insert(&txn, input, Some(porteur), now).await?;
        projet_membre::ActiveModel {
            projet_id: Set(id),
            user_id: Set(porteur),
            role: Set(RoleMembre::Porteur.as_str().to_owned()),
            ajoute_par_user_id: Set(Some(porteur)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        record(&txn, id, Some(porteur), Fait::Cree, "", now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok((id, slug))
    }

    /// Rewrites a project's fields and links. `version`, when given, must
    /// be the one the caller read.
    pub async fn modifier(
        &self,
        id: i32,
        input: &ProjetEcrit,
        version: Option<i32>,
        acteur: i32,
    ) -> Result<(), MembreError> {
        let now = self.now();
        let txn = self.write().await?;
        let current = projet::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let c = &input.champs;
        if current.type_projet != c.type_projet.as_str() {
            return Err(MembreError::TypeFixe);
        }
        let mut update = projet::Entity::update_many()
            .col_expr(projet::Column::Titre, Expr::value(c.titre.clone()))
            .col_expr(projet::Column::Resume, Expr::value(c.resume.clone()))
            .col_expr(projet::Column::Resultats, Expr::value(c.resultats.clone()))
            .col_expr(projet::Column::Debut, Expr::value(iso(c.debut)))
            .col_expr(projet::Column::Fin, Expr::value(iso(c.fin)))
            .col_expr(projet::Column::Public, Expr::value(input.public))
            .col_expr(
                projet::Column::Version,
                Expr::col(projet::Column::Version).add(1),
            )
            .col_expr(projet::Column::UpdatedAt, Expr::value(now))
            .filter(projet::Column::Id.eq(id));
        if let Some(v) = version {
            update = update.filter(projet::Column::Version.eq(v));
        }
        if update.exec(&txn).await?.rows_affected != 1 {
            return Err(MembreError::Perime);
        }
        projet_organisation::Entity::delete_many()
            .filter(projet_organisation::Column::ProjetId.eq(id))
            .exec(&txn)
            .await?;
        projet_metier::Entity::delete_many()
            .filter(projet_metier::Column::ProjetId.eq(id))
            .exec(&txn)
            .await?;
        projet_certification::Entity::delete_many()
            .filter(projet_certification::Column::ProjetId.eq(id))
            .exec(&txn)
            .await?;
        projet_equipement::Entity::delete_many()
            .filter(projet_equipement::Column::ProjetId.eq(id))
            .exec(&txn)
            .await?;
        write_links(&txn, id, input).await?;
        record(&txn, id, Some(acteur), Fait::Modifie, "", now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Stops or ends a project by hand (`abandonne`), or takes it up
    /// again.
    pub async fn changer_statut(
        &self,
        id: i32,
        statut: StatutProjet,
        acteur: i32,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = projet::Entity::update_many()
            .col_expr(projet::Column::Statut, Expr::value(statut.as_str()))
            .col_expr(
                projet::Column::Version,
                Expr::col(projet::Column::Version).add(1),
            )
            .col_expr(projet::Column::UpdatedAt, Expr::value(now))
            .filter(projet::Column::Id.eq(id))
            .filter(projet::Column::Statut.ne(statut.as_str()))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if done {
            record(
                &txn,
                id,
                Some(acteur),
                Fait::StatutChange,
                statut.as_str(),
                now,
            )
            .await?;
            crate::generation::bump(&txn).await?;
        }
        txn.commit().await?;
        Ok(done)
    }

    /// Adds an existing account to the project; `mails` tells them.
    pub async fn ajouter_membre(
        &self,
        projet_id: i32,
        user_id: i32,
        role: RoleMembre,
        acteur: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), MembreError> {
        let now = self.now();
        let txn = self.write().await?;
        insert_member(&txn, projet_id, user_id, role, acteur, now).await?;
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::MembreAjoute,
            role.as_str(),
            now,
        )
        .await?;
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Invites someone who has no account yet: creates it (no password;
    /// the link of the invitation sets one), makes them a member and
    /// queues the invitation, all in one transaction.
    pub async fn inviter(
        &self,
        projet_id: i32,
        invitation: Invitation,
        acteur: i32,
        mail: OutgoingMail,
    ) -> Result<i32, MembreError> {
        let now = self.now();
        let txn = self.write().await?;
        let email = invitation.user.email.as_str().to_owned();
        let user = users::insert(&txn, invitation.user, now).await?;
        tokens::insert(&txn, user.id, invitation.token, now).await?;
        insert_member(&txn, projet_id, user.id, invitation.role, acteur, now).await?;
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::Invite,
            invitation.role.as_str(),
            now,
        )
        .await?;
        audit::record(&txn, now, Some(acteur), "projet.invite", &email, "").await?;
        outbox::enqueue(&txn, Some(mail), now).await?;
        txn.commit().await?;
        Ok(user.id)
    }

    /// Removes a member; the last lead stays.
    pub async fn retirer_membre(
        &self,
        projet_id: i32,
        user_id: i32,
        acteur: i32,
    ) -> Result<(), MembreError> {
        let now = self.now();
        let txn = self.write().await?;
        let row = projet_membre::Entity::find_by_id((projet_id, user_id))
            .one(&txn)
            .await?
            .ok_or(MembreError::PasMembre)?;
        if row.role == RoleMembre::Porteur.as_str() {
            let leads = projet_membre::Entity::find()
                .filter(projet_membre::Column::ProjetId.eq(projet_id))
                .filter(projet_membre::Column::Role.eq(RoleMembre::Porteur.as_str()))
                .count(&txn)
                .await?;
            if leads <= 1 {
                return Err(MembreError::DernierPorteur);
            }
        }
        projet_membre::Entity::delete_by_id((projet_id, user_id))
            .exec(&txn)
            .await?;
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::MembreRetire,
            &row.role,
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Inserts a project in its kind's first stage with its links, and the
/// fact of its creation; the caller's transaction adds its members.
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &ProjetEcrit,
    auteur: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(i32, String), StoreError> {
    let c = &input.champs;
    let slug =
        slugs::free_slug::<projet::Entity, _>(conn, projet::Column::Slug, &slugify(&c.titre))
            .await?;
    let row = projet::ActiveModel {
        slug: Set(slug.clone()),
        type_projet: Set(c.type_projet.as_str().to_owned()),
        titre: Set(c.titre.clone()),
        resume: Set(c.resume.clone()),
        resultats: Set(c.resultats.clone()),
        debut: Set(iso(c.debut)),
        fin: Set(iso(c.fin)),
        statut: Set(StatutProjet::EnCours.as_str().to_owned()),
        etape: Set(c.type_projet.premiere_etape().as_str().to_owned()),
        etat_etape: Set(EtatEtape::EnCours.as_str().to_owned()),
        etape_depuis: Set(now),
        public: Set(input.public),
        evenement_id: Set(None),
        cree_par_user_id: Set(auteur),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    write_links(conn, row.id, input).await?;
    Ok((row.id, slug))
}

async fn insert_member<C: ConnectionTrait>(
    conn: &C,
    projet_id: i32,
    user_id: i32,
    role: RoleMembre,
    acteur: i32,
    now: DateTime<Utc>,
) -> Result<(), MembreError> {
    let inserted = projet_membre::ActiveModel {
        projet_id: Set(projet_id),
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
        ajoute_par_user_id: Set(Some(acteur)),
        created_at: Set(now),
    }
    .insert(conn)
    .await;
    match inserted {
        Ok(_) => Ok(()),
        Err(err) => match StoreError::from(err) {
            StoreError::Conflict(_) => Err(MembreError::DejaMembre),
            other => Err(other.into()),
        },
    }
}

async fn write_links<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    input: &ProjetEcrit,
) -> Result<(), StoreError> {
    let mut organisations = input.organisations.clone();
    organisations.sort_unstable();
    organisations.dedup();
    if !organisations.is_empty() {
        projet_organisation::Entity::insert_many(organisations.into_iter().map(|o| {
            projet_organisation::ActiveModel {
                projet_id: Set(id),
                organisation_id: Set(o),
            }
        }))
        .exec(conn)
        .await?;
    }
    let mut metiers: Vec<String> = input
        .metiers
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    metiers.sort();
    metiers.dedup();
    if !metiers.is_empty() {
        projet_metier::Entity::insert_many(metiers.into_iter().map(|code| {
            projet_metier::ActiveModel {
                projet_id: Set(id),
                code_rome: Set(code),
            }
        }))
        .exec(conn)
        .await?;
    }
    let mut certifications = input.certifications.clone();
    certifications.sort();
    certifications.dedup();
    if !certifications.is_empty() {
        projet_certification::Entity::insert_many(certifications.into_iter().map(|code| {
            projet_certification::ActiveModel {
                projet_id: Set(id),
                code: Set(code),
            }
        }))
        .exec(conn)
        .await?;
    }
    let mut equipements = input.equipements.clone();
    equipements.sort_unstable();
    equipements.dedup();
    if !equipements.is_empty() {
        projet_equipement::Entity::insert_many(equipements.into_iter().map(|e| {
            projet_equipement::ActiveModel {
                projet_id: Set(id),
                equipement_id: Set(e),
            }
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
}

/// One fact to write in a project's history.
pub(crate) struct Trace<'a> {
    pub fait: Fait,
    pub etape: Option<&'a str>,
    pub livrable: Option<&'a str>,
    pub document: Option<i32>,
    pub detail: &'a str,
}

impl<'a> Trace<'a> {
    pub(crate) fn of(fait: Fait, detail: &'a str) -> Trace<'a> {
        Trace {
            fait,
            etape: None,
            livrable: None,
            document: None,
            detail,
        }
    }
}

/// Writes one fact of the project's history on `conn`, the transaction of
/// the change.
pub(crate) async fn record<C: ConnectionTrait>(
    conn: &C,
    projet_id: i32,
    acteur: Option<i32>,
    fait: Fait,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    record_trace(conn, projet_id, acteur, Trace::of(fait, detail), now).await
}

/// [`record`] with the stage, deliverable and document the fact concerns.
pub(crate) async fn record_trace<C: ConnectionTrait>(
    conn: &C,
    projet_id: i32,
    acteur: Option<i32>,
    trace: Trace<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::entity::projet_historique::ActiveModel {
        projet_id: Set(projet_id),
        acteur_user_id: Set(acteur),
        action: Set(trace.fait.as_str().to_owned()),
        etape: Set(trace.etape.map(str::to_owned)),
        livrable: Set(trace.livrable.map(str::to_owned)),
        projet_document_id: Set(trace.document),
        detail: Set(trace.detail.chars().take(2000).collect()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

impl Projets<'_> {
    /// Publishes a school project's final presentation as an event of the
    /// campus, linked to the project, in one transaction; returns the
    /// event's slug. A project has one such event.
    pub async fn publier_restitution(
        &self,
        id: i32,
        evenement: &crate::evenements::EvenementInput,
        acteur: i32,
    ) -> Result<String, MembreError> {
        let now = self.now();
        let txn = self.write().await?;
        let event = crate::evenements::insert(&txn, evenement, Some(acteur), now).await?;
        let done = projet::Entity::update_many()
            .col_expr(projet::Column::EvenementId, Expr::value(event.id))
            .col_expr(projet::Column::UpdatedAt, Expr::value(now))
            .filter(projet::Column::Id.eq(id))
            .filter(projet::Column::EvenementId.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !done {
            return Err(MembreError::Perime);
        }
        record(
            &txn,
            id,
            Some(acteur),
            Fait::RestitutionPubliee,
            &event.titre,
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(event.slug)
    }
}
