//! The campus team's figures on experts' requests: answered, declined,
//! waiting, and how fast; the inputs of the evaluation of lever 6.

use campus_domain::expertise::{EtatProfil, EtatReponse, OffreExpert};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{Expertise, corrupt};
use crate::StoreError;
use crate::entity::{demande_destinataire, demande_expertise, expert};

/// The dashboard's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableauExpertise {
    pub experts_actifs: u64,
    pub demandes: u64,
    /// Recipients of requests, by their answer.
    pub envoyees: u64,
    pub acceptees: u64,
    pub declinees: u64,
    pub en_attente: u64,
    pub annulees: u64,
    /// Median hours between sending and the answer, over the answers.
    pub mediane_heures: Option<f64>,
    /// Per kind of intervention: recipients, accepted.
    pub par_offre: Vec<(OffreExpert, u64, u64)>,
}

impl Expertise<'_> {
    pub async fn tableau(&self) -> Result<TableauExpertise, StoreError> {
        let conn = self.conn();
        let experts_actifs = expert::Entity::find()
            .filter(expert::Column::Etat.eq(EtatProfil::Actif.as_str()))
            .count(conn)
            .await?;
        let demandes = demande_expertise::Entity::find().all(conn).await?;
        let rows = demande_destinataire::Entity::find().all(conn).await?;
        let mut t = TableauExpertise {
            experts_actifs,
            demandes: demandes.len() as u64,
            envoyees: rows.len() as u64,
            ..Default::default()
        };
        let mut hours = Vec::new();
        let mut par_offre: Vec<(OffreExpert, u64, u64)> =
            OffreExpert::all().map(|o| (o, 0, 0)).collect();
        for r in &rows {
            let etat = corrupt(EtatReponse::parse(&r.etat), "réponse", &r.etat)?;
            match etat {
                EtatReponse::Acceptee => t.acceptees += 1,
                EtatReponse::Declinee => t.declinees += 1,
                EtatReponse::Envoyee => t.en_attente += 1,
                EtatReponse::Annulee => t.annulees += 1,
            }
            if let Some(at) = r.repondu_le
                && matches!(etat, EtatReponse::Acceptee | EtatReponse::Declinee)
            {
                hours.push((at - r.envoyee_le).num_minutes() as f64 / 60.0);
            }
            if let Some(d) = demandes.iter().find(|d| d.id == r.demande_id) {
                let offre = corrupt(OffreExpert::parse(&d.offre), "offre", &d.offre)?;
                if let Some(slot) = par_offre.iter_mut().find(|(o, _, _)| *o == offre) {
                    slot.1 += 1;
                    if etat == EtatReponse::Acceptee {
                        slot.2 += 1;
                    }
                }
            }
        }
        hours.sort_by(|a, b| a.total_cmp(b));
        t.mediane_heures = match hours.len() {
            0 => None,
            n if n % 2 == 1 => Some(hours[n / 2]),
            n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
        };
        t.par_offre = par_offre;
        Ok(t)
    }
}
