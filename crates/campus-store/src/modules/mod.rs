//! On-demand training modules: the companies' requests and what follows
//! them (routing to trainers, proposals, decision, trainees, publication in
//! the catalogue).
//!
//! Every step is one transaction that starts with a conditional update of
//! the request's state (see [`campus_domain::module::Transition`]), records
//! the step in the request's trail and queues the e-mails to the parties:
//! a step refused by the state machine, or lost to a concurrent one,
//! changes nothing and sends nothing.

use std::collections::HashMap;

use campus_domain::formacode::CodeFormacode;
use campus_domain::module::{EtatDemande, EtatProposition, LieuModule};
use campus_domain::{Centimes, CodePostal, Siret};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::StoreError;
use crate::entity::{
    formacode, module_demande, module_historique, module_orientation, module_proposition,
    module_stagiaire, module_thematique, organisation, rome_competence, user,
};
use crate::users::escape_like;

mod catalogue;
pub(crate) mod demo;
mod workflow;

pub use workflow::{NewProposal, NewRequest, WorkflowError};

/// What a topic of a request refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SujetKind {
    /// A field of the Formacode thesaurus (five digits).
    Formacode,
    /// A skill of the ROME (its OGR code).
    Competence,
}

impl SujetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SujetKind::Formacode => "formacode",
            SujetKind::Competence => "competence",
        }
    }

    fn parse(value: &str) -> Option<SujetKind> {
        match value {
            "formacode" => Some(SujetKind::Formacode),
            "competence" => Some(SujetKind::Competence),
            _ => None,
        }
    }
}

/// A topic of a request, with its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sujet {
    pub kind: SujetKind,
    pub code: String,
    pub libelle: String,
}

/// A request as its pages show it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleRequest {
    pub id: i32,
    pub organisation_id: i32,
    pub organisation_nom: String,
    pub organisation_slug: String,
    pub requester_user_id: Option<i32>,
    pub intitule: String,
    pub besoin: String,
    pub stagiaires: u32,
    pub lieu: LieuModule,
    pub lieu_adresse: Option<String>,
    pub lieu_code_postal: Option<CodePostal>,
    pub lieu_commune: Option<String>,
    pub date_debut: NaiveDate,
    pub date_fin: NaiveDate,
    pub budget: Option<Centimes>,
    pub etat: EtatDemande,
    pub accepted_proposal_id: Option<i32>,
    pub motif_refus: Option<String>,
    pub formation_id: Option<String>,
    pub sujets: Vec<Sujet>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A trainer's proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub id: i32,
    pub request_id: i32,
    pub trainer_user_id: i32,
    pub trainer_nom: String,
    pub contenu: String,
    pub objectifs: String,
    pub duree_heures: u32,
    pub prix: Centimes,
    pub date_debut: NaiveDate,
    pub date_fin: NaiveDate,
    pub lieu_nom: String,
    pub lieu_adresse: String,
    pub lieu_code_postal: CodePostal,
    pub lieu_commune: String,
    pub organisme_nom: String,
    pub organisme_siret: Siret,
    pub numero_activite: String,
    pub etat: EtatProposition,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// A registered trainee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trainee {
    pub nom: String,
    pub email: String,
    pub public: String,
}

/// A step of a request's trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    pub actor: Option<String>,
    pub action: String,
    pub etat_avant: Option<EtatDemande>,
    pub etat_apres: EtatDemande,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A trainer the request was sent to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routed {
    pub user_id: i32,
    pub nom: String,
    pub email: String,
    pub locale: String,
}

/// Everything about one request, for its parties.
#[derive(Clone, Debug)]
pub struct RequestDetail {
    pub request: ModuleRequest,
    pub routed: Vec<Routed>,
    pub proposals: Vec<Proposal>,
    pub trainees: Vec<Trainee>,
    pub timeline: Vec<TimelineEntry>,
}

fn corrupt(id: i32, what: &str) -> StoreError {
    StoreError::Corrupt(format!("demande de module {id} : {what}"))
}

fn date(id: i32, value: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| corrupt(id, "date"))
}

/// An amount read from its column. The columns hold euros as decimal
/// numbers; every amount written is whole cents, which a double holds
/// exactly up to the accepted maximum, so the rounding only undoes the
/// binary representation.
fn centimes(euros: f64) -> Option<Centimes> {
    euros
        .is_finite()
        .then(|| (euros * 100.0).round())
        .and_then(|c| Centimes::new(c as i64))
}

/// Hours read from their column, which only ever receives whole hours.
fn whole_hours(hours: f64) -> Option<u32> {
    (hours.is_finite() && hours.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&hours))
        .then_some(hours as u32)
}

fn proposal_of(m: module_proposition::Model, trainer_nom: String) -> Result<Proposal, StoreError> {
    Ok(Proposal {
        etat: EtatProposition::parse(&m.etat)
            .ok_or_else(|| corrupt(m.request_id, "proposition"))?,
        date_debut: date(m.request_id, &m.date_debut)?,
        date_fin: date(m.request_id, &m.date_fin)?,
        id: m.id,
        request_id: m.request_id,
        trainer_user_id: m.trainer_user_id,
        trainer_nom,
        contenu: m.contenu,
        objectifs: m.objectifs,
        duree_heures: whole_hours(m.duree_heures).ok_or_else(|| corrupt(m.request_id, "durée"))?,
        prix: centimes(m.prix).ok_or_else(|| corrupt(m.request_id, "prix"))?,
        lieu_nom: m.lieu_nom,
        lieu_adresse: m.lieu_adresse,
        lieu_code_postal: CodePostal::parse(&m.lieu_code_postal)
            .map_err(|_| corrupt(m.request_id, "code postal"))?,
        lieu_commune: m.lieu_commune,
        organisme_nom: m.organisme_nom,
        organisme_siret: Siret::parse(&m.organisme_siret)
            .map_err(|_| corrupt(m.request_id, "SIRET"))?,
        numero_activite: m.numero_activite,
        version: m.version,
        updated_at: m.updated_at,
    })
}

impl Modules<'_> {
    /// The labels of the Formacode codes the referential knows, by code.
    pub async fn formacode_libelles(
        &self,
        codes: &[CodeFormacode],
    ) -> Result<HashMap<String, String>, StoreError> {
        Ok(formacode::Entity::find()
            .filter(formacode::Column::Code.is_in(codes.iter().map(CodeFormacode::as_str)))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|f| (f.code, f.libelle))
            .collect())
    }

    /// The labels of the ROME skills the referential knows, by OGR code.
    pub async fn competence_libelles(
        &self,
        codes: &[i64],
    ) -> Result<HashMap<i64, String>, StoreError> {
        Ok(rome_competence::Entity::find()
            .filter(rome_competence::Column::CodeOgr.is_in(codes.iter().copied()))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|s| (s.code_ogr, s.libelle))
            .collect())
    }

    /// Topics whose label contains `text` (case-insensitive): Formacode
    /// fields (descriptors of kind `DOM`) and ROME skills, at most `limit`
    /// of each, for the request form's search field.
    pub async fn search_sujets(&self, text: &str, limit: u64) -> Result<Vec<Sujet>, StoreError> {
        let pattern = format!("%{}%", escape_like(&text.trim().to_lowercase()));
        let formacodes = formacode::Entity::find()
            .filter(formacode::Column::Kind.eq("DOM"))
            .filter(
                Expr::expr(Func::lower(Expr::col(formacode::Column::Libelle)))
                    .like(pattern.clone()),
            )
            .order_by_asc(formacode::Column::Libelle)
            .limit(limit)
            .all(self.conn())
            .await?;
        let skills = rome_competence::Entity::find()
            .filter(
                Expr::expr(Func::lower(Expr::col(rome_competence::Column::Libelle))).like(pattern),
            )
            .order_by_asc(rome_competence::Column::Libelle)
            .limit(limit)
            .all(self.conn())
            .await?;
        Ok(formacodes
            .into_iter()
            .map(|f| Sujet {
                kind: SujetKind::Formacode,
                code: f.code,
                libelle: f.libelle,
            })
            .chain(skills.into_iter().map(|s| Sujet {
                kind: SujetKind::Competence,
                code: s.code_ogr.to_string(),
                libelle: s.libelle,
            }))
            .collect())
    }

    async fn requests_of(
        &self,
        rows: Vec<module_demande::Model>,
    ) -> Result<Vec<ModuleRequest>, StoreError> {
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let org_ids: Vec<i32> = rows.iter().map(|r| r.organisation_id).collect();
        let orgs = crate::load::by_keys::<organisation::Entity, _, _, _>(
            self.conn(),
            organisation::Column::Id,
            org_ids,
            |o| o.id,
        )
        .await?;
        let mut topics: HashMap<i32, Vec<Sujet>> = HashMap::new();
        for t in module_thematique::Entity::find()
            .filter(module_thematique::Column::RequestId.is_in(ids))
            .order_by_asc(module_thematique::Column::Kind)
            .order_by_asc(module_thematique::Column::Code)
            .all(self.conn())
            .await?
        {
            let kind = SujetKind::parse(&t.kind).ok_or_else(|| corrupt(t.request_id, "thème"))?;
            topics.entry(t.request_id).or_default().push(Sujet {
                kind,
                code: t.code,
                libelle: t.libelle,
            });
        }
        rows.into_iter()
            .map(|r| {
                let org = orgs
                    .get(&r.organisation_id)
                    .ok_or_else(|| corrupt(r.id, "organisation"))?;
                Ok(ModuleRequest {
                    organisation_nom: org.nom.clone(),
                    organisation_slug: org.slug.clone(),
                    sujets: topics.remove(&r.id).unwrap_or_default(),
                    stagiaires: u32::try_from(r.stagiaires)
                        .map_err(|_| corrupt(r.id, "stagiaires"))?,
                    lieu: LieuModule::parse(&r.lieu).map_err(|_| corrupt(r.id, "lieu"))?,
                    date_debut: date(r.id, &r.date_debut)?,
                    date_fin: date(r.id, &r.date_fin)?,
                    etat: EtatDemande::parse(&r.etat).ok_or_else(|| corrupt(r.id, "état"))?,
                    id: r.id,
                    organisation_id: r.organisation_id,
                    requester_user_id: r.requester_user_id,
                    intitule: r.intitule,
                    besoin: r.besoin,
                    lieu_adresse: r.lieu_adresse,
                    lieu_code_postal: r
                        .lieu_code_postal
                        .as_deref()
                        .map(CodePostal::parse)
                        .transpose()
                        .map_err(|_| corrupt(r.id, "code postal"))?,
                    lieu_commune: r.lieu_commune,
                    budget: r
                        .budget
                        .map(|b| centimes(b).ok_or_else(|| corrupt(r.id, "budget")))
                        .transpose()?,
                    accepted_proposal_id: r.accepted_proposal_id,
                    motif_refus: r.motif_refus,
                    formation_id: r.formation_id,
                    created_at: r.created_at,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }

    /// One request.
    pub async fn module_demande(&self, id: i32) -> Result<ModuleRequest, StoreError> {
        let row = module_demande::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.requests_of(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// One request with its trainers, proposals, trainees and trail.
    pub async fn module_detail(&self, id: i32) -> Result<RequestDetail, StoreError> {
        let request = self.module_demande(id).await?;
        let routings = module_orientation::Entity::find()
            .filter(module_orientation::Column::RequestId.eq(id))
            .order_by_asc(module_orientation::Column::CreatedAt)
            .all(self.conn())
            .await?;
        let proposals = module_proposition::Entity::find()
            .filter(module_proposition::Column::RequestId.eq(id))
            .order_by_asc(module_proposition::Column::Id)
            .all(self.conn())
            .await?;
        let events = module_historique::Entity::find()
            .filter(module_historique::Column::RequestId.eq(id))
            .order_by_asc(module_historique::Column::Id)
            .all(self.conn())
            .await?;
        let mut user_ids: Vec<i32> = routings.iter().map(|r| r.trainer_user_id).collect();
        user_ids.extend(proposals.iter().map(|p| p.trainer_user_id));
        user_ids.extend(events.iter().filter_map(|e| e.actor_user_id));
        let users = crate::load::by_keys::<user::Entity, _, _, _>(
            self.conn(),
            user::Column::Id,
            user_ids,
            |u| u.id,
        )
        .await?;
        let name = |id: i32| {
            users
                .get(&id)
                .map(|u| u.display_name.clone())
                .unwrap_or_default()
        };
        let routed = routings
            .iter()
            .filter_map(|r| users.get(&r.trainer_user_id))
            .map(|u| Routed {
                user_id: u.id,
                nom: u.display_name.clone(),
                email: u.email.clone(),
                locale: u.locale.clone(),
            })
            .collect();
        let proposals = proposals
            .into_iter()
            .map(|p| {
                let nom = name(p.trainer_user_id);
                proposal_of(p, nom)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let trainees = module_stagiaire::Entity::find()
            .filter(module_stagiaire::Column::RequestId.eq(id))
            .order_by_asc(module_stagiaire::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|t| Trainee {
                nom: t.nom,
                email: t.email,
                public: t.public,
            })
            .collect();
        let timeline = events
            .into_iter()
            .map(|e| {
                Ok(TimelineEntry {
                    actor: e.actor_user_id.map(name),
                    etat_avant: match e.etat_avant.as_deref() {
                        Some(s) => Some(EtatDemande::parse(s).ok_or_else(|| corrupt(id, "trace"))?),
                        None => None,
                    },
                    etat_apres: EtatDemande::parse(&e.etat_apres)
                        .ok_or_else(|| corrupt(id, "trace"))?,
                    action: e.action,
                    note: e.note,
                    created_at: e.created_at,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(RequestDetail {
            request,
            routed,
            proposals,
            trainees,
            timeline,
        })
    }

    /// The requests of the given organisations, newest first.
    pub async fn module_demandes_of_organisations(
        &self,
        organisation_ids: &[i32],
    ) -> Result<Vec<ModuleRequest>, StoreError> {
        let rows = module_demande::Entity::find()
            .filter(module_demande::Column::OrganisationId.is_in(organisation_ids.iter().copied()))
            .order_by_desc(module_demande::Column::Id)
            .all(self.conn())
            .await?;
        self.requests_of(rows).await
    }

    /// The requests sent to a trainer, newest first, each with the state of
    /// the trainer's proposal if any.
    pub async fn module_demandes_for_trainer(
        &self,
        trainer_user_id: i32,
    ) -> Result<Vec<(ModuleRequest, Option<EtatProposition>)>, StoreError> {
        let ids: Vec<i32> = module_orientation::Entity::find()
            .filter(module_orientation::Column::TrainerUserId.eq(trainer_user_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|r| r.request_id)
            .collect();
        let rows = module_demande::Entity::find()
            .filter(module_demande::Column::Id.is_in(ids.clone()))
            .order_by_desc(module_demande::Column::Id)
            .all(self.conn())
            .await?;
        let mine: HashMap<i32, String> = module_proposition::Entity::find()
            .filter(module_proposition::Column::TrainerUserId.eq(trainer_user_id))
            .filter(module_proposition::Column::RequestId.is_in(ids))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|p| (p.request_id, p.etat))
            .collect();
        Ok(self
            .requests_of(rows)
            .await?
            .into_iter()
            .map(|r| {
                let etat = mine.get(&r.id).and_then(|e| EtatProposition::parse(e));
                (r, etat)
            })
            .collect())
    }

    /// The campus team's queue: open requests first (oldest first, as a
    /// queue is served), then the closed ones (newest first).
    pub async fn module_queue(&self) -> Result<Vec<ModuleRequest>, StoreError> {
        let rows = module_demande::Entity::find()
            .order_by_asc(module_demande::Column::Id)
            .all(self.conn())
            .await?;
        let mut all = self.requests_of(rows).await?;
        all.sort_by_key(|r| {
            (
                r.etat.is_closed(),
                if r.etat.is_closed() { -r.id } else { r.id },
            )
        });
        Ok(all)
    }

    /// Whether a request was sent to this trainer.
    pub async fn is_routed_to(
        &self,
        request_id: i32,
        trainer_user_id: i32,
    ) -> Result<bool, StoreError> {
        Ok(
            module_orientation::Entity::find_by_id((request_id, trainer_user_id))
                .one(self.conn())
                .await?
                .is_some(),
        )
    }
}

crate::handle::feature_handle!(
    /// The on-demand training modules feature: requests, proposals and their workflow.
    Modules,
    modules
);
