//! Applications to mobility offers: the insertion application and its
//! mobility row (birth date, parent, learning agreement, approvals,
//! consent, Europass record).

use std::collections::{BTreeMap, HashSet};

use campus_domain::CodeCertification;
use campus_domain::mobilite::EtatConsentement;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::Mobilite;
use crate::StoreError;
use crate::documents::{self, DocumentInfo, NouveauDocument};
use crate::entity::{
    bloc_competence_lien, candidature, candidature_mobilite, candidature_mobilite_competence,
    rncp_bloc, rncp_bloc_competence, rome_competence,
};
use crate::insertion::candidatures::insert_candidature;
use crate::insertion::{ApplyError, NouvelleCandidature};
use crate::outbox::{self, OutgoingMail};

/// An application to a mobility offer as the learner sends it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleCandidatureMobilite {
    pub candidature: NouvelleCandidature,
    pub date_naissance: NaiveDate,
    /// Required for a minor on the first day.
    pub email_parent: Option<String>,
    pub mineur: bool,
    /// The certification the learner prepares (none for staff).
    pub certification: Option<CodeCertification>,
    /// The Erasmus+ « fewer opportunities » flag, when the learner says.
    pub moins_opportunites: bool,
}

/// A skill the learner's certification offers to a learning agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetenceCertification {
    /// A ROME skill's OGR code, or `BLOC/position` for a skill of a bloc.
    pub code: String,
    pub libelle: String,
    /// `rome` or `rncp`.
    pub origine: &'static str,
}

/// A skill of a learning agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetenceContrat {
    pub code: String,
    pub libelle: String,
    pub origine: String,
    pub acquise: bool,
}

/// The mobility side of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidatureMobilite {
    pub candidature_id: i32,
    pub date_naissance: NaiveDate,
    pub email_parent: Option<String>,
    pub certification: Option<CodeCertification>,
    pub contrat_le: Option<DateTime<Utc>>,
    pub accord_ecole_le: Option<DateTime<Utc>>,
    pub accord_ecole_user_id: Option<i32>,
    pub accord_hote_le: Option<DateTime<Utc>>,
    pub accord_hote_nom: Option<String>,
    pub consentement: EtatConsentement,
    pub consentement_nom: Option<String>,
    pub consentement_le: Option<DateTime<Utc>>,
    pub acquis_le: Option<DateTime<Utc>>,
    pub mentor: Option<String>,
    pub moins_opportunites: bool,
    pub europass_document_id: Option<i32>,
    pub competences: Vec<CompetenceContrat>,
}

impl CandidatureMobilite {
    /// Skills recorded as acquired after return.
    pub fn acquises(&self) -> impl Iterator<Item = &CompetenceContrat> {
        self.competences.iter().filter(|c| c.acquise)
    }
}

fn to_model(
    m: candidature_mobilite::Model,
    competences: Vec<CompetenceContrat>,
) -> Result<CandidatureMobilite, StoreError> {
    let corrupt = |what: &str| {
        StoreError::Corrupt(format!(
            "candidature de mobilité {} : {what}",
            m.candidature_id
        ))
    };
    Ok(CandidatureMobilite {
        candidature_id: m.candidature_id,
        date_naissance: NaiveDate::parse_from_str(&m.date_naissance, "%Y-%m-%d")
            .map_err(|_| corrupt("date de naissance"))?,
        certification: m
            .certification
            .as_deref()
            .map(CodeCertification::parse)
            .transpose()
            .map_err(|_| corrupt("certification"))?,
        consentement: EtatConsentement::parse(&m.consentement)
            .map_err(|_| corrupt("consentement"))?,
        email_parent: m.email_parent,
        contrat_le: m.contrat_le,
        accord_ecole_le: m.accord_ecole_le,
        accord_ecole_user_id: m.accord_ecole_user_id,
        accord_hote_le: m.accord_hote_le,
        accord_hote_nom: m.accord_hote_nom,
        consentement_nom: m.consentement_nom,
        consentement_le: m.consentement_le,
        acquis_le: m.acquis_le,
        mentor: m.mentor,
        moins_opportunites: m.moins_opportunites,
        europass_document_id: m.europass_document_id,
        competences,
    })
}

impl Mobilite<'_> {
    /// Records an application to a mobility offer through the insertion
    /// pipeline, with its mobility row and the e-mails `mails` writes for
    /// its id, in one transaction.
    pub async fn postuler(
        &self,
        input: &NouvelleCandidatureMobilite,
        mails: impl FnOnce(i32) -> Vec<OutgoingMail>,
    ) -> Result<i32, ApplyError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert_candidature(&txn, &input.candidature, self.clock().today(), now).await?;
        let consentement = if input.mineur {
            EtatConsentement::Attendu
        } else {
            EtatConsentement::SansObjet
        };
        candidature_mobilite::ActiveModel {
            candidature_id: Set(id),
            date_naissance: Set(input.date_naissance.format("%Y-%m-%d").to_string()),
            email_parent: Set(input.email_parent.clone()),
            certification: Set(input.certification.as_ref().map(|c| c.as_str().to_owned())),
            consentement: Set(consentement.as_str().to_owned()),
            moins_opportunites: Set(input.moins_opportunites),
            // Staff prepare no certification: their agreement is the
            // offer itself, ready for the school's approval.
            contrat_le: Set(input.certification.is_none().then_some(now)),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(StoreError::from)?;
        outbox::enqueue(&txn, mails(id), now).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// The mobility side of application `id`, or `NotFound`.
    pub async fn candidature(&self, id: i32) -> Result<CandidatureMobilite, StoreError> {
        let m = candidature_mobilite::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let competences = competences_of(self.conn(), &[id]).await?.remove(&id);
        to_model(m, competences.unwrap_or_default())
    }

    /// The mobility sides of the applications `ids` (those that have one).
    pub async fn candidatures(&self, ids: &[i32]) -> Result<Vec<CandidatureMobilite>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = candidature_mobilite::Entity::find()
            .filter(candidature_mobilite::Column::CandidatureId.is_in(ids.to_vec()))
            .order_by_asc(candidature_mobilite::Column::CandidatureId)
            .all(self.conn())
            .await?;
        let mut competences = competences_of(self.conn(), ids).await?;
        rows.into_iter()
            .map(|m| {
                let c = competences.remove(&m.candidature_id).unwrap_or_default();
                to_model(m, c)
            })
            .collect()
    }

    /// The skills a learning agreement may hold for `certification`: the
    /// skills of its blocs, then the ROME skills linked to its blocs (the
    /// links the campus team removed excepted).
    pub async fn competences_de_certification(
        &self,
        certification: &CodeCertification,
    ) -> Result<Vec<CompetenceCertification>, StoreError> {
        let blocs: Vec<String> = rncp_bloc::Entity::find()
            .filter(rncp_bloc::Column::Certification.eq(certification.as_str()))
            .order_by_asc(rncp_bloc::Column::Code)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|b| b.code)
            .collect();
        let mut out: Vec<CompetenceCertification> = rncp_bloc_competence::Entity::find()
            .filter(rncp_bloc_competence::Column::Bloc.is_in(blocs))
            .order_by_asc(rncp_bloc_competence::Column::Bloc)
            .order_by_asc(rncp_bloc_competence::Column::Position)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| CompetenceCertification {
                code: format!("{}/{}", c.bloc, c.position),
                libelle: c.libelle,
                origine: "rncp",
            })
            .collect();
        let ogr: Vec<i64> = bloc_competence_lien::Entity::find()
            .filter(bloc_competence_lien::Column::Certification.eq(certification.as_str()))
            .filter(bloc_competence_lien::Column::Removed.eq(false))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|l| l.code_ogr)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let mut rome: Vec<CompetenceCertification> = rome_competence::Entity::find()
            .filter(rome_competence::Column::CodeOgr.is_in(ogr))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| CompetenceCertification {
                code: c.code_ogr.to_string(),
                libelle: c.libelle,
                origine: "rome",
            })
            .collect();
        rome.sort_by(|a, b| a.libelle.cmp(&b.libelle));
        out.extend(rome);
        Ok(out)
    }

    /// Records the learning agreement of application `id`: the
    /// certification prepared and the skills chosen (already checked to
    /// be that certification's). Only before the school approved it:
    /// `Conflict` afterwards.
    pub async fn definir_contrat(
        &self,
        id: i32,
        certification: &CodeCertification,
        competences: &[CompetenceCertification],
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = candidature_mobilite::Entity::update_many()
            .col_expr(
                candidature_mobilite::Column::Certification,
                Expr::value(certification.as_str()),
            )
            .col_expr(candidature_mobilite::Column::ContratLe, Expr::value(now))
            .filter(candidature_mobilite::Column::CandidatureId.eq(id))
            .filter(candidature_mobilite::Column::AccordEcoleLe.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(StoreError::Conflict("candidatures_mobilite.accord".into()));
        }
        candidature_mobilite_competence::Entity::delete_many()
            .filter(candidature_mobilite_competence::Column::CandidatureId.eq(id))
            .exec(&txn)
            .await?;
        let mut seen = HashSet::new();
        let rows: Vec<_> = competences
            .iter()
            .filter(|c| seen.insert(c.code.clone()))
            .map(|c| candidature_mobilite_competence::ActiveModel {
                candidature_id: Set(id),
                code: Set(c.code.clone()),
                libelle: Set(c.libelle.clone()),
                origine: Set(c.origine.to_owned()),
                acquise: Set(false),
            })
            .collect();
        if !rows.is_empty() {
            candidature_mobilite_competence::Entity::insert_many(rows)
                .exec(&txn)
                .await?;
        }
        touch(&txn, id, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The school approves the learning agreement of `id` (once, after the
    /// agreement exists); `mails` (the host's signed link) goes with it.
    /// Returns whether this call approved it.
    pub async fn approuver_ecole(
        &self,
        id: i32,
        user_id: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = candidature_mobilite::Entity::update_many()
            .col_expr(
                candidature_mobilite::Column::AccordEcoleLe,
                Expr::value(now),
            )
            .col_expr(
                candidature_mobilite::Column::AccordEcoleUserId,
                Expr::value(user_id),
            )
            .filter(candidature_mobilite::Column::CandidatureId.eq(id))
            .filter(candidature_mobilite::Column::ContratLe.is_not_null())
            .filter(candidature_mobilite::Column::AccordEcoleLe.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            touch(&txn, id, now).await?;
            outbox::enqueue(&txn, mails, now).await?;
        }
        txn.commit().await?;
        Ok(done.rows_affected == 1)
    }

    /// The host's contact approves the learning agreement (through the
    /// signed link), after the school. Returns whether this call did.
    pub async fn approuver_hote(
        &self,
        id: i32,
        nom: &str,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = candidature_mobilite::Entity::update_many()
            .col_expr(candidature_mobilite::Column::AccordHoteLe, Expr::value(now))
            .col_expr(
                candidature_mobilite::Column::AccordHoteNom,
                Expr::value(nom),
            )
            .filter(candidature_mobilite::Column::CandidatureId.eq(id))
            .filter(candidature_mobilite::Column::AccordEcoleLe.is_not_null())
            .filter(candidature_mobilite::Column::AccordHoteLe.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            touch(&txn, id, now).await?;
            outbox::enqueue(&txn, mails, now).await?;
        }
        txn.commit().await?;
        Ok(done.rows_affected == 1)
    }

    /// The parent's answer (through the signed link), while awaited.
    /// Returns whether this call recorded it.
    pub async fn repondre_consentement(
        &self,
        id: i32,
        nom: &str,
        accorde: bool,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let etat = if accorde {
            EtatConsentement::Donne
        } else {
            EtatConsentement::Refuse
        };
        let done = candidature_mobilite::Entity::update_many()
            .col_expr(
                candidature_mobilite::Column::Consentement,
                Expr::value(etat.as_str()),
            )
            .col_expr(
                candidature_mobilite::Column::ConsentementNom,
                Expr::value(nom),
            )
            .col_expr(
                candidature_mobilite::Column::ConsentementLe,
                Expr::value(now),
            )
            .filter(candidature_mobilite::Column::CandidatureId.eq(id))
            .filter(
                candidature_mobilite::Column::Consentement.eq(EtatConsentement::Attendu.as_str()),
            )
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            touch(&txn, id, now).await?;
            outbox::enqueue(&txn, mails, now).await?;
        }
        txn.commit().await?;
        Ok(done.rows_affected == 1)
    }

    /// The Europass document of application `id`, once recorded.
    pub async fn document_europass(&self, id: i32) -> Result<Option<DocumentInfo>, StoreError> {
        let Some(m) = candidature_mobilite::Entity::find_by_id(id)
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        match m.europass_document_id {
            Some(doc) => documents::find(self.conn(), doc).await,
            None => Ok(None),
        }
    }

    /// The keys of the Europass documents of `user_id`'s applications (to
    /// delete with the account).
    pub async fn cles_europass_de(&self, user_id: i32) -> Result<Vec<String>, StoreError> {
        let ids: Vec<i32> = candidature::Entity::find()
            .filter(candidature::Column::CandidatUserId.eq(user_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let mut keys = Vec::new();
        for m in candidature_mobilite::Entity::find()
            .filter(candidature_mobilite::Column::CandidatureId.is_in(ids))
            .all(self.conn())
            .await?
        {
            if let Some(doc) = m.europass_document_id
                && let Some(info) = documents::find(self.conn(), doc).await?
            {
                keys.push(info.cle);
            }
        }
        Ok(keys)
    }

    /// After return: the skills acquired (codes of the agreement), the
    /// mentor and the Europass Mobility document (already in the document
    /// store), once. Returns the document's id, or `Conflict` when it was
    /// already recorded.
    pub async fn enregistrer_acquis(
        &self,
        id: i32,
        acquises: &[String],
        mentor: Option<&str>,
        document: &NouveauDocument,
    ) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let doc = documents::register(&txn, document, now).await?;
        let done = candidature_mobilite::Entity::update_many()
            .col_expr(candidature_mobilite::Column::AcquisLe, Expr::value(now))
            .col_expr(
                candidature_mobilite::Column::Mentor,
                Expr::value(mentor.map(str::to_owned)),
            )
            .col_expr(
                candidature_mobilite::Column::EuropassDocumentId,
                Expr::value(doc),
            )
            .filter(candidature_mobilite::Column::CandidatureId.eq(id))
            .filter(candidature_mobilite::Column::AcquisLe.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(StoreError::Conflict("candidatures_mobilite.acquis".into()));
        }
        candidature_mobilite_competence::Entity::update_many()
            .col_expr(
                candidature_mobilite_competence::Column::Acquise,
                Expr::value(true),
            )
            .filter(candidature_mobilite_competence::Column::CandidatureId.eq(id))
            .filter(candidature_mobilite_competence::Column::Code.is_in(acquises.to_vec()))
            .exec(&txn)
            .await?;
        touch(&txn, id, now).await?;
        txn.commit().await?;
        Ok(doc)
    }
}

/// Marks the application active (the insertion pipeline's reminders and
/// retention read `derniere_activite`).
async fn touch<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    candidature::Entity::update_many()
        .col_expr(candidature::Column::DerniereActivite, Expr::value(now))
        .col_expr(candidature::Column::UpdatedAt, Expr::value(now))
        .filter(candidature::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

async fn competences_of<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<BTreeMap<i32, Vec<CompetenceContrat>>, StoreError> {
    let mut out: BTreeMap<i32, Vec<CompetenceContrat>> = BTreeMap::new();
    for c in candidature_mobilite_competence::Entity::find()
        .filter(candidature_mobilite_competence::Column::CandidatureId.is_in(ids.to_vec()))
        .order_by_asc(candidature_mobilite_competence::Column::CandidatureId)
        .order_by_asc(candidature_mobilite_competence::Column::Origine)
        .order_by_asc(candidature_mobilite_competence::Column::Code)
        .all(conn)
        .await?
    {
        out.entry(c.candidature_id)
            .or_default()
            .push(CompetenceContrat {
                code: c.code,
                libelle: c.libelle,
                origine: c.origine,
                acquise: c.acquise,
            });
    }
    Ok(out)
}

/// Forgets the mobility data of `user_id`'s applications (erasure): the
/// birth date, the parent's e-mail and name, the mentor, and the rows of
/// their Europass documents (the caller deletes the bytes, whose keys
/// [`Mobilite::cles_europass_de`] gave). What stays is what the Erasmus+
/// report counts: dates, country, funding, level.
pub(crate) async fn oublier<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<(), StoreError> {
    let ids: Vec<i32> = candidature::Entity::find()
        .filter(candidature::Column::CandidatUserId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let docs: Vec<i32> = candidature_mobilite::Entity::find()
        .filter(candidature_mobilite::Column::CandidatureId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| m.europass_document_id)
        .collect();
    candidature_mobilite::Entity::update_many()
        .col_expr(
            candidature_mobilite::Column::DateNaissance,
            Expr::value("1900-01-01"),
        )
        .col_expr(
            candidature_mobilite::Column::EmailParent,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            candidature_mobilite::Column::ConsentementNom,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            candidature_mobilite::Column::Mentor,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            candidature_mobilite::Column::EuropassDocumentId,
            Expr::value(Option::<i32>::None),
        )
        .filter(candidature_mobilite::Column::CandidatureId.is_in(ids))
        .exec(conn)
        .await?;
    for doc in docs {
        documents::forget(conn, doc).await?;
    }
    Ok(())
}
