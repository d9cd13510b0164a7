//! The campus team's figures on projects, computed from the projects and
//! their history: the inputs of the evaluation of levers 2, 4 and 5.

use std::collections::{BTreeMap, HashMap};

use campus_domain::projet::{EtapeProjet, RoleMembre, StatutProjet, TypeProjet};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{Fait, Projets, corrupt};
use crate::StoreError;
use crate::entity::{organisation, projet, projet_historique, projet_membre, projet_organisation};

/// The dashboard's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableauProjets {
    /// Running projects by kind and current stage.
    pub par_etape: Vec<(TypeProjet, EtapeProjet, u64)>,
    /// Every project by kind and status.
    pub par_statut: Vec<(TypeProjet, StatutProjet, u64)>,
    /// Mean days spent in each stage, over the stages accepted so far,
    /// with how many that mean is taken over.
    pub durees: Vec<(TypeProjet, EtapeProjet, f64, u64)>,
    /// Projects per organisation taking part, most first.
    pub par_organisation: Vec<(String, u64)>,
    /// Projects per département of their organisations (a project of two
    /// départements counts in both).
    pub par_departement: Vec<(String, u64)>,
    /// Pupils and students in the team of research-initiation projects
    /// (lever 4), each person once.
    pub eleves_initiation: u64,
}

impl Projets<'_> {
    pub async fn tableau(&self) -> Result<TableauProjets, StoreError> {
        let conn = self.conn();
        let projets = projet::Entity::find().all(conn).await?;
        let mut types = HashMap::new();
        let mut par_etape: BTreeMap<(usize, usize), u64> = BTreeMap::new();
        let mut par_statut: BTreeMap<(usize, usize), u64> = BTreeMap::new();
        for p in &projets {
            let t = corrupt(TypeProjet::parse(&p.type_projet), "type", &p.type_projet)?;
            let s = corrupt(StatutProjet::parse(&p.statut), "statut", &p.statut)?;
            let e = corrupt(EtapeProjet::parse(&p.etape), "étape", &p.etape)?;
            types.insert(p.id, t);
            if s == StatutProjet::EnCours {
                *par_etape.entry((rank(t), rank_etape(e))).or_default() += 1;
            }
            *par_statut.entry((rank(t), rank_statut(s))).or_default() += 1;
        }
        let history = projet_historique::Entity::find()
            .filter(
                projet_historique::Column::Action
                    .is_in([Fait::Cree.as_str(), Fait::EtapeValidee.as_str()]),
            )
            .order_by_asc(projet_historique::Column::Id)
            .all(conn)
            .await?;
        let mut entered = HashMap::new();
        let mut durees: BTreeMap<(usize, usize), (f64, u64)> = BTreeMap::new();
        for h in history {
            let Some(&t) = types.get(&h.projet_id) else {
                continue;
            };
            if h.action == Fait::Cree.as_str() {
                entered.insert(h.projet_id, h.created_at);
                continue;
            }
            let (Some(etape), Some(since)) = (h.etape.as_deref(), entered.get(&h.projet_id)) else {
                continue;
            };
            let e = corrupt(EtapeProjet::parse(etape), "étape", etape)?;
            let days = (h.created_at - *since).num_seconds() as f64 / 86_400.0;
            let slot = durees.entry((rank(t), rank_etape(e))).or_default();
            slot.0 += days;
            slot.1 += 1;
            entered.insert(h.projet_id, h.created_at);
        }
        let links = projet_organisation::Entity::find().all(conn).await?;
        let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(links.iter().map(|l| l.organisation_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let mut par_organisation: HashMap<String, u64> = HashMap::new();
        let mut departements: HashMap<String, std::collections::HashSet<i32>> = HashMap::new();
        for l in &links {
            if let Some(o) = orgs.get(&l.organisation_id) {
                *par_organisation.entry(o.nom.clone()).or_default() += 1;
                let d = o.departement.clone().unwrap_or_else(|| "—".to_owned());
                departements.entry(d).or_default().insert(l.projet_id);
            }
        }
        let initiation: Vec<i32> = types
            .iter()
            .filter(|(_, t)| **t == TypeProjet::InitiationRecherche)
            .map(|(id, _)| *id)
            .collect();
        let mut eleves: Vec<i32> = projet_membre::Entity::find()
            .filter(projet_membre::Column::ProjetId.is_in(initiation))
            .filter(projet_membre::Column::Role.eq(RoleMembre::Eleve.as_str()))
            .all(conn)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        eleves.sort_unstable();
        eleves.dedup();
        Ok(TableauProjets {
            par_etape: par_etape
                .into_iter()
                .map(|((t, e), n)| (type_at(t), etape_at(e), n))
                .collect(),
            par_statut: par_statut
                .into_iter()
                .map(|((t, s), n)| (type_at(t), statut_at(s), n))
                .collect(),
            durees: durees
                .into_iter()
                .map(|((t, e), (sum, n))| (type_at(t), etape_at(e), sum / n as f64, n))
                .collect(),
            par_organisation: sorted(par_organisation),
            par_departement: sorted(
                departements
                    .into_iter()
                    .map(|(d, ids)| (d, ids.len() as u64))
                    .collect(),
            ),
            eleves_initiation: eleves.len() as u64,
        })
    }
}

/// Most first, then by name.
fn sorted(counts: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

// Closed lists are ordered as declared; the tables follow that order.
fn rank(t: TypeProjet) -> usize {
    TypeProjet::all().position(|x| x == t).unwrap_or(0)
}

fn rank_etape(e: EtapeProjet) -> usize {
    EtapeProjet::all().position(|x| x == e).unwrap_or(0)
}

fn rank_statut(s: StatutProjet) -> usize {
    StatutProjet::all().position(|x| x == s).unwrap_or(0)
}

fn type_at(i: usize) -> TypeProjet {
    TypeProjet::all().nth(i).unwrap_or(TypeProjet::WeLab)
}

fn etape_at(i: usize) -> EtapeProjet {
    EtapeProjet::all().nth(i).unwrap_or(EtapeProjet::Idee)
}

fn statut_at(i: usize) -> StatutProjet {
    StatutProjet::all().nth(i).unwrap_or(StatutProjet::EnCours)
}
