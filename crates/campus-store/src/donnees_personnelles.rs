//! Données personnelles: what the platform holds about one person, given
//! back to them (the right of access and portability), and erased (the
//! right to erasure, and the retention periods run by the worker).
//!
//! Erasure keeps the account's row, pseudonymised, so that what other
//! people did stays whole (an event the person attended still counts a
//! participant, a booking still counts its hours for its organisation's
//! quota and the equipment's occupancy) while nothing in it points to the
//! person any more: names and addresses are replaced, free texts emptied,
//! secrets, sessions, memberships, habilitations, saved paths and queued
//! messages deleted, and the remaining mentions of the person's name or
//! address in the texts other people's actions produced (messages, the
//! audit trail, module histories) replaced, in the same transaction.

use campus_domain::equipement::StatutReservation;
use campus_domain::evenement::InscriptionStatus;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QuerySelect,
};
use serde::Serialize;
use serde_json::Value;

use crate::entity::{
    api_token, audit_event, equipement, equipement_gestionnaire, equipement_reservation, evenement,
    evenement_avis, evenement_inscription as reg, federated_identity, habilitation, login_attempt,
    mail_outbox, module_demande, module_proposition, module_stagiaire, organisation,
    organisation_membre, parcours_accompagnement, parcours_enregistre, session, user, user_token,
};
use crate::{Store, StoreError, audit};

/// The domain of the addresses that replace erased ones: reserved
/// (RFC 2606), so that no message can ever reach it.
pub const ERASED_DOMAIN: &str = "efface.invalid";
/// What replaces an erased person's name.
pub const ERASED_NAME: &str = "Personne effacée";
/// What replaces a mention of an erased person in a text.
const ERASED_MENTION: &str = "[personne effacée]";

/// Everything the platform holds about one person, as they download it.
/// Secrets (password hash, token hashes, calendar token) are left out;
/// everything else is as stored.
#[derive(Clone, Debug, Serialize)]
pub struct DonneesPersonnelles {
    pub exporte_le: DateTime<Utc>,
    pub compte: Value,
    pub organisations: Vec<Value>,
    /// Registrations to events, made by the person or with their address.
    pub inscriptions: Vec<Value>,
    /// Registrations of minors for whom the person is the parent asked to
    /// consent.
    pub consentements_parentaux: Vec<Value>,
    pub avis: Vec<Value>,
    pub reservations: Vec<Value>,
    pub habilitations: Vec<Value>,
    pub parcours_enregistres: Vec<Value>,
    pub accompagnements: Vec<Value>,
    pub module_demandes: Vec<Value>,
    pub module_propositions: Vec<Value>,
    /// The person listed as a trainee of an on-demand module.
    pub module_stagiaires: Vec<Value>,
    /// Applications to offers, each with its steps and its CV's
    /// description (the file itself is downloaded from the application's
    /// page); for a European mobility, its mobility side (birth date,
    /// parent's e-mail, approvals, consent, Europass record) and its
    /// learning agreement.
    pub candidatures: Vec<Value>,
    /// Projects the person is a member of, with their part, and the
    /// documents they deposited there.
    pub projets: Vec<Value>,
    /// Resources of the library the person authored, with their file
    /// versions (the counts of use name nobody).
    pub ressources: Vec<Value>,
    /// The person's expert profile, its subjects and contributions, and
    /// the requests they received.
    pub expert: Option<Value>,
    /// Requests for an expert the person wrote, with their recipients'
    /// answers.
    pub demandes_expertise: Vec<Value>,
    /// Subscriptions to the newsletter, tied to the account or under its
    /// address: the address and the dates of subscription and
    /// confirmation.
    pub lettre_information: Vec<Value>,
    /// News the person wrote, with where each stands.
    pub actualites: Vec<Value>,
    pub jetons_api: Vec<Value>,
    /// Identities of ProConnect or ÉduConnect linked to the account.
    pub identites_federees: Vec<Value>,
    pub sessions: Vec<Value>,
    pub connexions: Vec<Value>,
    pub e_mails: Vec<Value>,
    /// The audit trail's entries done by the person or about their account.
    pub journal: Vec<Value>,
}

/// What a person must hand over before their account can be erased: the
/// events they organise that have not ended, the equipment they manage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ATransmettre {
    /// Slug and title of each event.
    pub evenements: Vec<(String, String)>,
    /// Slug and name of each piece of equipment.
    pub equipements: Vec<(String, String)>,
}

impl ATransmettre {
    pub fn is_empty(&self) -> bool {
        self.evenements.is_empty() && self.equipements.is_empty()
    }
}

/// Why an erasure did not happen.
#[derive(Debug, thiserror::Error)]
pub enum EffacementError {
    #[error("des événements ou des équipements sont encore sous la responsabilité de ce compte")]
    ATransmettre(ATransmettre),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EffacementError {
    fn from(err: sea_orm::DbErr) -> Self {
        EffacementError::Store(err.into())
    }
}

/// The columns of texts written by people or built from their names, where
/// an erased person's name or address may remain after the rows that are
/// theirs were erased.
const FREE_TEXTS: &[(&str, &str)] = &[
    ("mail_outbox", "recipient"),
    ("mail_outbox", "subject"),
    ("mail_outbox", "body_text"),
    ("mail_outbox", "last_error"),
    ("audit_events", "subject"),
    ("audit_events", "details"),
    ("module_historique", "note"),
    ("module_demandes", "intitule"),
    ("module_demandes", "besoin"),
    ("module_demandes", "motif_refus"),
    ("module_propositions", "contenu"),
    ("module_propositions", "objectifs"),
    ("evenement_avis", "comment"),
    ("evenement_inscriptions", "nom"),
    ("evenement_inscriptions", "organisation_nom"),
    ("evenement_inscriptions", "consent_by"),
    ("equipement_reservations", "objet"),
    ("habilitations", "motif"),
    ("parcours_enregistres", "titre"),
    ("parcours_enregistres", "demande"),
];

/// The shortest name replaced in other people's texts: a shorter one
/// ("Léa") would hit unrelated words.
const MIN_MENTION_CHARS: usize = 5;

fn lower_eq<C: ColumnTrait>(column: C, email: &str) -> sea_orm::sea_query::SimpleExpr {
    Expr::expr(Func::lower(Expr::col(column))).eq(email.to_lowercase())
}

/// Rows as JSON without the named columns.
fn without(rows: Vec<Value>, secrets: &[&str]) -> Vec<Value> {
    rows.into_iter()
        .map(|mut row| {
            if let Value::Object(map) = &mut row {
                for secret in secrets {
                    map.remove(*secret);
                }
            }
            row
        })
        .collect()
}

impl Store {
    /// Everything held about account `user_id`; see [`DonneesPersonnelles`].
    pub async fn donnees_personnelles(
        &self,
        user_id: i32,
    ) -> Result<DonneesPersonnelles, StoreError> {
        let conn = self.conn();
        let account = user::Entity::find_by_id(user_id)
            .one(conn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let email = account.email.to_lowercase();
        let compte = user::Entity::find_by_id(user_id)
            .into_json()
            .one(conn)
            .await?
            .map(|row| {
                let mut rows = without(vec![row], &["password_hash", "jeton_ical"]);
                rows.pop().unwrap_or_default()
            })
            .unwrap_or_default();
        let memberships = organisation_membre::Entity::find()
            .filter(organisation_membre::Column::UserId.eq(user_id))
            .all(conn)
            .await?;
        let mut organisations = Vec::new();
        for m in memberships {
            let nom = organisation::Entity::find_by_id(m.organisation_id)
                .one(conn)
                .await?
                .map(|o| o.nom);
            organisations.push(serde_json::json!({
                "organisation_id": m.organisation_id,
                "organisation": nom,
                "role": m.role,
                "created_at": m.created_at,
            }));
        }
        let mine = Condition::any()
            .add(reg::Column::UserId.eq(user_id))
            .add(lower_eq(reg::Column::Email, &email));
        let inscriptions = without(
            reg::Entity::find()
                .filter(mine.clone())
                .into_json()
                .all(conn)
                .await?,
            &["active_key"],
        );
        let consentements_parentaux = reg::Entity::find()
            .filter(lower_eq(reg::Column::ParentEmail, &email))
            .select_only()
            .columns([
                reg::Column::Id,
                reg::Column::EvenementId,
                reg::Column::Nom,
                reg::Column::ParentEmail,
                reg::Column::Status,
                reg::Column::ConsentAt,
                reg::Column::ConsentBy,
                reg::Column::CreatedAt,
            ])
            .into_json()
            .all(conn)
            .await?;
        let registration_ids: Vec<i32> = reg::Entity::find()
            .filter(mine)
            .all(conn)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        let avis = evenement_avis::Entity::find()
            .filter(evenement_avis::Column::InscriptionId.is_in(registration_ids))
            .into_json()
            .all(conn)
            .await?;
        let reservations = equipement_reservation::Entity::find()
            .filter(equipement_reservation::Column::UserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        let habilitations = habilitation::Entity::find()
            .filter(habilitation::Column::UserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        let parcours_enregistres = parcours_enregistre::Entity::find()
            .filter(
                Condition::any()
                    .add(parcours_enregistre::Column::LearnerId.eq(user_id))
                    .add(parcours_enregistre::Column::AuthorId.eq(user_id)),
            )
            .into_json()
            .all(conn)
            .await?;
        let accompagnements = parcours_accompagnement::Entity::find()
            .filter(
                Condition::any()
                    .add(parcours_accompagnement::Column::LearnerId.eq(user_id))
                    .add(parcours_accompagnement::Column::SupporterId.eq(user_id)),
            )
            .into_json()
            .all(conn)
            .await?;
        let module_demandes = module_demande::Entity::find()
            .filter(module_demande::Column::RequesterUserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        let module_propositions = module_proposition::Entity::find()
            .filter(module_proposition::Column::TrainerUserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        let module_stagiaires = module_stagiaire::Entity::find()
            .filter(lower_eq(module_stagiaire::Column::Email, &email))
            .into_json()
            .all(conn)
            .await?;
        let mut candidatures = Vec::new();
        for c in crate::entity::candidature::Entity::find()
            .filter(crate::entity::candidature::Column::CandidatUserId.eq(user_id))
            .all(conn)
            .await?
        {
            let etapes = crate::entity::candidature_etape::Entity::find()
                .filter(crate::entity::candidature_etape::Column::CandidatureId.eq(c.id))
                .into_json()
                .all(conn)
                .await?;
            let cv = match c.cv_document_id {
                Some(id) => {
                    crate::entity::document::Entity::find_by_id(id)
                        .into_json()
                        .one(conn)
                        .await?
                }
                None => None,
            };
            let offre = crate::entity::offre::Entity::find_by_id(c.offre_id)
                .one(conn)
                .await?
                .map(|o| o.intitule);
            candidatures.push(serde_json::json!({
                "candidature": crate::entity::candidature::Entity::find_by_id(c.id)
                    .into_json()
                    .one(conn)
                    .await?,
                "offre": offre,
                "cv": cv,
                "etapes": etapes,
                "mobilite": crate::entity::candidature_mobilite::Entity::find_by_id(c.id)
                    .into_json()
                    .one(conn)
                    .await?,
                "contrat_pedagogique": crate::entity::candidature_mobilite_competence::Entity::find()
                    .filter(
                        crate::entity::candidature_mobilite_competence::Column::CandidatureId
                            .eq(c.id),
                    )
                    .into_json()
                    .all(conn)
                    .await?,
            }));
        }
        let mut projets = Vec::new();
        for m in crate::entity::projet_membre::Entity::find()
            .filter(crate::entity::projet_membre::Column::UserId.eq(user_id))
            .all(conn)
            .await?
        {
            let projet = crate::entity::projet::Entity::find_by_id(m.projet_id)
                .one(conn)
                .await?
                .map(|p| p.titre);
            let documents = crate::entity::projet_document::Entity::find()
                .filter(crate::entity::projet_document::Column::ProjetId.eq(m.projet_id))
                .filter(crate::entity::projet_document::Column::DeposeParUserId.eq(user_id))
                .into_json()
                .all(conn)
                .await?;
            projets.push(serde_json::json!({
                "projet": projet,
                "role": m.role,
                "depuis": m.created_at,
                "documents_deposes": documents,
            }));
        }
        let mut ressources = Vec::new();
        for r in crate::entity::ressource::Entity::find()
            .filter(crate::entity::ressource::Column::AuteurUserId.eq(user_id))
            .all(conn)
            .await?
        {
            let fichiers = crate::entity::ressource_fichier::Entity::find()
                .filter(crate::entity::ressource_fichier::Column::RessourceId.eq(r.id))
                .into_json()
                .all(conn)
                .await?;
            ressources.push(serde_json::json!({
                "titre": r.titre,
                "type": r.type_ressource,
                "licence": r.licence,
                "etat": r.etat,
                "auteurs": r.auteurs,
                "lien": r.lien,
                "cree_le": r.created_at,
                "fichiers": fichiers,
            }));
        }
        let expert = match crate::entity::expert::Entity::find()
            .filter(crate::entity::expert::Column::UserId.eq(user_id))
            .one(conn)
            .await?
        {
            Some(e) => {
                let sujets = crate::entity::expert_sujet::Entity::find()
                    .filter(crate::entity::expert_sujet::Column::ExpertId.eq(e.id))
                    .into_json()
                    .all(conn)
                    .await?;
                let contributions = crate::entity::expert_contribution::Entity::find()
                    .filter(crate::entity::expert_contribution::Column::ExpertId.eq(e.id))
                    .into_json()
                    .all(conn)
                    .await?;
                let recues = crate::entity::demande_destinataire::Entity::find()
                    .filter(crate::entity::demande_destinataire::Column::ExpertId.eq(e.id))
                    .into_json()
                    .all(conn)
                    .await?;
                Some(serde_json::json!({
                    "profil": crate::entity::expert::Entity::find_by_id(e.id)
                        .into_json()
                        .one(conn)
                        .await?,
                    "sujets": sujets,
                    "contributions": contributions,
                    "demandes_recues": recues,
                }))
            }
            None => None,
        };
        let mut demandes_expertise = Vec::new();
        for d in crate::entity::demande_expertise::Entity::find()
            .filter(crate::entity::demande_expertise::Column::DemandeurUserId.eq(user_id))
            .all(conn)
            .await?
        {
            let destinataires = crate::entity::demande_destinataire::Entity::find()
                .filter(crate::entity::demande_destinataire::Column::DemandeId.eq(d.id))
                .into_json()
                .all(conn)
                .await?;
            demandes_expertise.push(serde_json::json!({
                "demande": crate::entity::demande_expertise::Entity::find_by_id(d.id)
                    .into_json()
                    .one(conn)
                    .await?,
                "destinataires": destinataires,
            }));
        }
        let jetons_api = without(
            api_token::Entity::find()
                .filter(api_token::Column::UserId.eq(user_id))
                .into_json()
                .all(conn)
                .await?,
            &["token_hash"],
        );
        let identites_federees = federated_identity::Entity::find()
            .filter(federated_identity::Column::UserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        let sessions = without(
            session::Entity::find()
                .filter(session::Column::UserId.eq(user_id))
                .into_json()
                .all(conn)
                .await?,
            &["token_hash", "federation_logout"],
        );
        let connexions = login_attempt::Entity::find()
            .filter(lower_eq(login_attempt::Column::Email, &email))
            .into_json()
            .all(conn)
            .await?;
        let e_mails = without(
            mail_outbox::Entity::find()
                .filter(lower_eq(mail_outbox::Column::Recipient, &email))
                .into_json()
                .all(conn)
                .await?,
            &["locked_until"],
        );
        let journal = audit_event::Entity::find()
            .filter(
                Condition::any()
                    .add(audit_event::Column::ActorUserId.eq(user_id))
                    .add(lower_eq(audit_event::Column::Subject, &email)),
            )
            .into_json()
            .all(conn)
            .await?;
        let lettre_information = crate::entity::lettre_abonne::Entity::find()
            .filter(
                Condition::any()
                    .add(crate::entity::lettre_abonne::Column::UserId.eq(user_id))
                    .add(lower_eq(
                        crate::entity::lettre_abonne::Column::Email,
                        &email,
                    )),
            )
            .into_json()
            .all(conn)
            .await?;
        let actualites = crate::entity::actualite::Entity::find()
            .select_only()
            .column(crate::entity::actualite::Column::Titre)
            .column(crate::entity::actualite::Column::Etat)
            .column(crate::entity::actualite::Column::CreatedAt)
            .column(crate::entity::actualite::Column::PublieeLe)
            .filter(crate::entity::actualite::Column::AuteurUserId.eq(user_id))
            .into_json()
            .all(conn)
            .await?;
        Ok(DonneesPersonnelles {
            exporte_le: self.now(),
            compte,
            organisations,
            inscriptions,
            consentements_parentaux,
            avis,
            reservations,
            habilitations,
            parcours_enregistres,
            accompagnements,
            module_demandes,
            module_propositions,
            module_stagiaires,
            candidatures,
            projets,
            ressources,
            expert,
            demandes_expertise,
            lettre_information,
            actualites,
            jetons_api,
            identites_federees,
            sessions,
            connexions,
            e_mails,
            journal,
        })
    }

    /// The registrations (made by the account or with its address) and the
    /// bookings of account `user_id` that are still to come: an erasure
    /// cancels them first, so that their seats and slots go to others.
    pub async fn engagements_a_venir(
        &self,
        user_id: i32,
    ) -> Result<(Vec<i32>, Vec<i32>), StoreError> {
        let conn = self.conn();
        let account = user::Entity::find_by_id(user_id)
            .one(conn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let ongoing = Query::select()
            .column(evenement::Column::Id)
            .from(evenement::Entity)
            .and_where(Expr::col(evenement::Column::EndsAt).gt(self.now()))
            .to_owned();
        let registrations = reg::Entity::find()
            .select_only()
            .column(reg::Column::Id)
            .filter(
                Condition::any()
                    .add(reg::Column::UserId.eq(user_id))
                    .add(lower_eq(reg::Column::Email, &account.email)),
            )
            .filter(reg::Column::Status.is_in([
                InscriptionStatus::Confirmee.as_str(),
                InscriptionStatus::AttenteConsentement.as_str(),
                InscriptionStatus::ListeAttente.as_str(),
            ]))
            .filter(reg::Column::EvenementId.in_subquery(ongoing))
            .into_tuple()
            .all(conn)
            .await?;
        let bookings = equipement_reservation::Entity::find()
            .select_only()
            .column(equipement_reservation::Column::Id)
            .filter(equipement_reservation::Column::UserId.eq(user_id))
            .filter(equipement_reservation::Column::Statut.is_in([
                StatutReservation::EnAttente.as_str(),
                StatutReservation::Confirmee.as_str(),
            ]))
            .filter(equipement_reservation::Column::Debut.gt(self.now()))
            .into_tuple()
            .all(conn)
            .await?;
        Ok((registrations, bookings))
    }

    /// What account `user_id` must hand over before it can be erased.
    pub async fn a_transmettre(&self, user_id: i32) -> Result<ATransmettre, StoreError> {
        a_transmettre(self.conn(), user_id, self.now()).await
    }

    /// Erases account `user_id` in one transaction; see the module
    /// documentation. Registrations and bookings still to come must have
    /// been cancelled first (their cancellation frees seats and slots and
    /// tells the people concerned); those left are pseudonymised like past
    /// ones. `actor` is the person asking (the account itself, the campus
    /// team, or nobody for the retention jobs).
    pub async fn erase_person(
        &self,
        user_id: i32,
        actor: Option<i32>,
    ) -> Result<(), EffacementError> {
        let txn = self.write().await?;
        let result = erase(&txn, user_id, actor, self.now()).await;
        match result {
            Ok(()) => {
                txn.commit().await?;
                Ok(())
            }
            Err(err) => {
                if let Err(rollback) = txn.rollback().await {
                    tracing::warn!(%rollback, "annulation de l'effacement en échec");
                }
                Err(err)
            }
        }
    }

    /// Removes the name and addresses of minors registered to events that
    /// ended before `ended_before`, and of the parents who consented: the
    /// registrations stay as counts (public, level, seats, attendance).
    /// Returns how many registrations were pseudonymised.
    pub async fn purge_minor_registrations(
        &self,
        ended_before: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let ended = Query::select()
            .column(evenement::Column::Id)
            .from(evenement::Entity)
            .and_where(Expr::col(evenement::Column::EndsAt).lt(ended_before))
            .to_owned();
        let txn = self.write().await?;
        let rows = reg::Entity::find()
            .filter(reg::Column::IsMinor.eq(true))
            .filter(reg::Column::Email.not_like(format!("%@{ERASED_DOMAIN}")))
            .filter(reg::Column::EvenementId.in_subquery(ended))
            .all(&txn)
            .await?;
        let mut mentions = Vec::new();
        for r in &rows {
            mentions.extend([r.nom.clone(), r.email.clone()]);
            mentions.extend(r.parent_email.clone());
            mentions.extend(r.consent_by.clone());
            pseudonymise_registration(&txn, r.id).await?;
        }
        // The confirmation and consent messages named them too.
        scrub_mentions(&txn, mentions).await?;
        txn.commit().await?;
        Ok(rows.len() as u64)
    }

    /// Deletes the audit trail's entries older than `before`.
    pub async fn purge_audit_events(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let deleted = audit_event::Entity::delete_many()
            .filter(audit_event::Column::CreatedAt.lt(before))
            .exec(self.conn())
            .await?;
        Ok(deleted.rows_affected)
    }

    /// Accounts never verified and created before `before`.
    pub async fn unverified_accounts(&self, before: DateTime<Utc>) -> Result<Vec<i32>, StoreError> {
        Ok(user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::EmailVerifiedAt.is_null())
            .filter(user::Column::CreatedAt.lt(before))
            .filter(user::Column::Email.not_like(format!("%@{ERASED_DOMAIN}")))
            .into_tuple()
            .all(self.conn())
            .await?)
    }

    /// Accounts last used before `before` (sign-in, or an API token) and not
    /// warned yet; `warned_before`, when given, asks instead for those
    /// warned before that instant.
    pub async fn inactive_accounts(
        &self,
        before: DateTime<Utc>,
        warned_before: Option<DateTime<Utc>>,
    ) -> Result<Vec<crate::users::User>, StoreError> {
        let recent_token = Query::select()
            .column(api_token::Column::UserId)
            .from(api_token::Entity)
            .and_where(Expr::col(api_token::Column::LastUsedAt).gte(before))
            .to_owned();
        let mut query = user::Entity::find()
            .filter(user::Column::LastActiveAt.lt(before))
            .filter(user::Column::EmailVerifiedAt.is_not_null())
            .filter(user::Column::Email.not_like(format!("%@{ERASED_DOMAIN}")))
            .filter(user::Column::Id.not_in_subquery(recent_token));
        query = match warned_before {
            None => query.filter(user::Column::InactivityWarnedAt.is_null()),
            Some(at) => query.filter(user::Column::InactivityWarnedAt.lt(at)),
        };
        query
            .all(self.conn())
            .await?
            .into_iter()
            .map(crate::users::User::try_from)
            .collect()
    }

    /// Records that account `user_id` was warned of its coming erasure,
    /// with the warning queued in the same transaction.
    pub async fn warn_inactive(
        &self,
        user_id: i32,
        mail: crate::outbox::OutgoingMail,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let now = self.now();
        user::Entity::update_many()
            .col_expr(user::Column::InactivityWarnedAt, Expr::value(now))
            .filter(user::Column::Id.eq(user_id))
            .exec(&txn)
            .await?;
        crate::outbox::enqueue(&txn, [mail], now).await?;
        txn.commit().await?;
        Ok(())
    }
}

async fn a_transmettre<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<ATransmettre, StoreError> {
    let evenements = evenement::Entity::find()
        .filter(evenement::Column::CreatedBy.eq(user_id))
        .filter(evenement::Column::EndsAt.gt(now))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.slug, e.titre))
        .collect();
    let managed = Query::select()
        .column(equipement_gestionnaire::Column::EquipementId)
        .from(equipement_gestionnaire::Entity)
        .and_where(Expr::col(equipement_gestionnaire::Column::UserId).eq(user_id))
        .to_owned();
    let equipements = equipement::Entity::find()
        .filter(equipement::Column::Id.in_subquery(managed))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.slug, e.nom))
        .collect();
    Ok(ATransmettre {
        evenements,
        equipements,
    })
}

/// Replaces the name and addresses of registration `id`, and empties the
/// comment of its survey answer.
async fn pseudonymise_registration(txn: &DatabaseTransaction, id: i32) -> Result<(), StoreError> {
    reg::Entity::update_many()
        .col_expr(reg::Column::Nom, Expr::value(ERASED_NAME))
        .col_expr(
            reg::Column::Email,
            Expr::value(format!("inscription-{id}@{ERASED_DOMAIN}")),
        )
        .col_expr(
            reg::Column::OrganisationNom,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            reg::Column::ParentEmail,
            Expr::value(Option::<String>::None),
        )
        .col_expr(reg::Column::ConsentBy, Expr::value(Option::<String>::None))
        .col_expr(reg::Column::UserId, Expr::value(Option::<i32>::None))
        // Still unique, and no longer built from the address.
        .col_expr(
            reg::Column::ActiveKey,
            Expr::case(
                Expr::col(reg::Column::ActiveKey).is_null(),
                Expr::value(Option::<String>::None),
            )
            .finally(Expr::value(format!("efface:{id}")))
            .into(),
        )
        .filter(reg::Column::Id.eq(id))
        .exec(txn)
        .await?;
    evenement_avis::Entity::update_many()
        .col_expr(evenement_avis::Column::Comment, Expr::value(""))
        .filter(evenement_avis::Column::InscriptionId.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Replaces every mention of `mentions` (names, addresses) in the texts of
/// [`FREE_TEXTS`].
async fn scrub_mentions(
    txn: &DatabaseTransaction,
    mut mentions: Vec<String>,
) -> Result<(), StoreError> {
    mentions.sort();
    mentions.dedup();
    for mention in mentions
        .iter()
        .map(|m| m.trim())
        .filter(|m| m.chars().count() >= MIN_MENTION_CHARS && *m != ERASED_NAME)
    {
        for (table, column) in FREE_TEXTS {
            let replace = Query::update()
                .table(Alias::new(*table))
                .value(
                    Alias::new(*column),
                    Func::cust(Alias::new("REPLACE")).args([
                        Expr::col(Alias::new(*column)),
                        Expr::val(mention),
                        Expr::val(ERASED_MENTION),
                    ]),
                )
                .and_where(Expr::col(Alias::new(*column)).like(format!("%{mention}%")))
                .to_owned();
            txn.execute(&replace).await?;
        }
    }
    Ok(())
}

async fn erase(
    txn: &DatabaseTransaction,
    user_id: i32,
    actor: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), EffacementError> {
    let account = user::Entity::find_by_id(user_id)
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    if account.email.ends_with(ERASED_DOMAIN) {
        return Err(StoreError::NotFound.into());
    }
    let pending = a_transmettre(txn, user_id, now).await?;
    if !pending.is_empty() {
        return Err(EffacementError::ATransmettre(pending));
    }
    let email = account.email.to_lowercase();
    let mut mentions = vec![account.email.clone(), account.display_name.clone()];

    // Newsletter: the subscription under the account or its address goes
    // (the news the person wrote stay, unsigned, by their key's SET NULL).
    crate::entity::lettre_abonne::Entity::delete_many()
        .filter(
            Condition::any()
                .add(crate::entity::lettre_abonne::Column::UserId.eq(user_id))
                .add(lower_eq(
                    crate::entity::lettre_abonne::Column::Email,
                    &email,
                )),
        )
        .exec(txn)
        .await?;

    // Applications: pseudonymised, so that the companies' answer rates stay
    // true; their CVs' rows go (the caller deletes the files).
    // Their mobility side first (found by the candidate): birth date,
    // parent, mentor, Europass document.
    crate::mobilite::candidatures::oublier(txn, user_id).await?;
    crate::insertion::candidatures::pseudonymise_person(txn, user_id).await?;

    // Registrations made by the person or with their address.
    let registrations = reg::Entity::find()
        .filter(
            Condition::any()
                .add(reg::Column::UserId.eq(user_id))
                .add(lower_eq(reg::Column::Email, &email)),
        )
        .all(txn)
        .await?;
    for r in &registrations {
        mentions.push(r.nom.clone());
        mentions.extend(r.organisation_nom.clone());
        pseudonymise_registration(txn, r.id).await?;
    }
    // Consents the person gave, or was asked for, as a parent.
    let as_parent = reg::Entity::find()
        .filter(lower_eq(reg::Column::ParentEmail, &email))
        .all(txn)
        .await?;
    for r in &as_parent {
        mentions.extend(r.consent_by.clone());
    }
    reg::Entity::update_many()
        .col_expr(
            reg::Column::ParentEmail,
            Expr::value(Option::<String>::None),
        )
        .col_expr(reg::Column::ConsentBy, Expr::value(Option::<String>::None))
        .filter(lower_eq(reg::Column::ParentEmail, &email))
        .exec(txn)
        .await?;
    // Bookings keep their hours for the quotas and the occupancy.
    equipement_reservation::Entity::update_many()
        .col_expr(equipement_reservation::Column::Objet, Expr::value(""))
        .filter(equipement_reservation::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    // Trainee lists of on-demand modules keep their head count.
    let trainees = module_stagiaire::Entity::find()
        .filter(lower_eq(module_stagiaire::Column::Email, &email))
        .all(txn)
        .await?;
    for t in trainees {
        mentions.push(t.nom);
        module_stagiaire::Entity::update_many()
            .col_expr(module_stagiaire::Column::Nom, Expr::value(ERASED_NAME))
            .col_expr(
                module_stagiaire::Column::Email,
                Expr::value(format!("stagiaire-{}@{ERASED_DOMAIN}", t.id)),
            )
            .filter(module_stagiaire::Column::Id.eq(t.id))
            .exec(txn)
            .await?;
    }
    module_demande::Entity::update_many()
        .col_expr(
            module_demande::Column::RequesterUserId,
            Expr::value(Option::<i32>::None),
        )
        .filter(module_demande::Column::RequesterUserId.eq(user_id))
        .exec(txn)
        .await?;
    // What exists only for the person.
    habilitation::Entity::delete_many()
        .filter(habilitation::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    organisation_membre::Entity::delete_many()
        .filter(organisation_membre::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    parcours_enregistre::Entity::delete_many()
        .filter(parcours_enregistre::Column::LearnerId.eq(user_id))
        .exec(txn)
        .await?;
    parcours_accompagnement::Entity::delete_many()
        .filter(
            Condition::any()
                .add(parcours_accompagnement::Column::LearnerId.eq(user_id))
                .add(parcours_accompagnement::Column::SupporterId.eq(user_id)),
        )
        .exec(txn)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    user_token::Entity::delete_many()
        .filter(user_token::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    api_token::Entity::delete_many()
        .filter(api_token::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    federated_identity::Entity::delete_many()
        .filter(federated_identity::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    login_attempt::Entity::delete_many()
        .filter(lower_eq(login_attempt::Column::Email, &email))
        .exec(txn)
        .await?;
    mail_outbox::Entity::delete_many()
        .filter(lower_eq(mail_outbox::Column::Recipient, &email))
        .exec(txn)
        .await?;
    // The account itself: kept for the counts, pointing to nobody.
    user::Entity::update_many()
        .col_expr(
            user::Column::Email,
            Expr::value(format!("compte-{user_id}@{ERASED_DOMAIN}")),
        )
        .col_expr(user::Column::DisplayName, Expr::value(ERASED_NAME))
        .col_expr(
            user::Column::PasswordHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(user::Column::Statut, Expr::value(Option::<String>::None))
        .col_expr(user::Column::JetonIcal, Expr::value(Option::<String>::None))
        .col_expr(
            user::Column::EmailVerifiedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(user::Column::DisabledAt, Expr::value(now))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(txn)
        .await?;
    // Mentions left in texts other people's actions produced.
    scrub_mentions(txn, mentions).await?;
    audit::record(
        txn,
        now,
        actor.filter(|a| *a != user_id),
        "user.erase",
        &user_id.to_string(),
        "",
    )
    .await?;
    Ok(())
}
