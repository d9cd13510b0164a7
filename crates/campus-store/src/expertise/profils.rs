//! Expert profiles: publishing, pausing or leaving the directory, reading.

use std::collections::HashMap;

use campus_domain::GeoPoint;
use campus_domain::expertise::{EtatProfil, Langue, OffreExpert, ProfilExpert, SujetExpert};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{Contribution, Expert, Expertise, corrupt, date, list};
use crate::entity::{
    demande_destinataire, expert, expert_contribution, expert_sujet, organisation, user,
};
use crate::{StoreError, audit};

/// A checked profile and what goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilEcrit {
    pub profil: ProfilExpert,
    /// The label of each subject of `profil.sujets`, in the same order
    /// (a domain's or skill's title, an equipment's name, the keyword).
    pub libelles: Vec<String>,
    /// The organisation of the network the expert speaks for.
    pub organisation_id: Option<i32>,
    pub contributions_publiques: bool,
}

/// Which profiles a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiltreExperts {
    /// Only profiles that receive requests.
    pub actifs: bool,
    pub offre: Option<OffreExpert>,
}

impl Expertise<'_> {
    /// Publishes or rewrites `user_id`'s profile; a new profile is active.
    /// Returns its id.
    pub async fn enregistrer_profil(
        &self,
        user_id: i32,
        input: &ProfilEcrit,
    ) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let p = &input.profil;
        let offres = p
            .offres
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let langues = p
            .langues
            .iter()
            .map(Langue::as_str)
            .collect::<Vec<_>>()
            .join(",");
        let existing = expert::Entity::find()
            .filter(expert::Column::UserId.eq(user_id))
            .one(&txn)
            .await?;
        let id = match existing {
            Some(row) => {
                expert::Entity::update_many()
                    .col_expr(expert::Column::Titre, Expr::value(p.titre.clone()))
                    .col_expr(
                        expert::Column::Presentation,
                        Expr::value(p.presentation.clone()),
                    )
                    .col_expr(expert::Column::Offres, Expr::value(offres))
                    .col_expr(expert::Column::Langues, Expr::value(langues))
                    .col_expr(
                        expert::Column::Disponibilite,
                        Expr::value(p.disponibilite.clone()),
                    )
                    .col_expr(
                        expert::Column::OrganisationId,
                        Expr::value(input.organisation_id),
                    )
                    .col_expr(
                        expert::Column::ContributionsPubliques,
                        Expr::value(input.contributions_publiques),
                    )
                    .col_expr(expert::Column::UpdatedAt, Expr::value(now))
                    .filter(expert::Column::Id.eq(row.id))
                    .exec(&txn)
                    .await?;
                expert_sujet::Entity::delete_many()
                    .filter(expert_sujet::Column::ExpertId.eq(row.id))
                    .exec(&txn)
                    .await?;
                row.id
            }
            None => {
                expert::ActiveModel {
                    user_id: Set(user_id),
                    organisation_id: Set(input.organisation_id),
                    titre: Set(p.titre.clone()),
                    presentation: Set(p.presentation.clone()),
                    offres: Set(offres),
                    langues: Set(langues),
                    disponibilite: Set(p.disponibilite.clone()),
                    etat: Set(EtatProfil::Actif.as_str().to_owned()),
                    contributions_publiques: Set(input.contributions_publiques),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let rows: Vec<expert_sujet::ActiveModel> = p
            .sujets
            .iter()
            .zip(
                input
                    .libelles
                    .iter()
                    .chain(std::iter::repeat(&String::new())),
            )
            .map(|(s, l)| expert_sujet::ActiveModel {
                expert_id: Set(id),
                kind: Set(s.kind().to_owned()),
                code: Set(s.code().chars().take(80).collect()),
                libelle: Set(if l.is_empty() {
                    s.code().to_owned()
                } else {
                    l.clone()
                }
                .chars()
                .take(300)
                .collect()),
            })
            .collect();
        if !rows.is_empty() {
            expert_sujet::Entity::insert_many(rows).exec(&txn).await?;
        }
        audit::record(&txn, now, Some(user_id), "expert.profil", &p.titre, "").await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Pauses, resumes or withdraws `user_id`'s profile; `false` without a
    /// profile or when it already was in that state.
    pub async fn changer_etat_profil(
        &self,
        user_id: i32,
        etat: EtatProfil,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = expert::Entity::update_many()
            .col_expr(expert::Column::Etat, Expr::value(etat.as_str()))
            .col_expr(expert::Column::UpdatedAt, Expr::value(now))
            .filter(expert::Column::UserId.eq(user_id))
            .filter(expert::Column::Etat.ne(etat.as_str()))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if done {
            audit::record(&txn, now, Some(user_id), "expert.etat", etat.as_str(), "").await?;
            crate::generation::bump(&txn).await?;
        }
        txn.commit().await?;
        Ok(done)
    }

    pub async fn expert(&self, id: i32) -> Result<Expert, StoreError> {
        let row = expert::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.hydrate(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// `user_id`'s profile, if they published one.
    pub async fn expert_de(&self, user_id: i32) -> Result<Option<Expert>, StoreError> {
        let Some(row) = expert::Entity::find()
            .filter(expert::Column::UserId.eq(user_id))
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        Ok(self.hydrate(vec![row]).await?.pop())
    }

    /// Profiles matching `filtre`, by title. Withdrawn profiles are never
    /// listed.
    pub async fn experts(&self, filtre: &FiltreExperts) -> Result<Vec<Expert>, StoreError> {
        let mut query = expert::Entity::find()
            .filter(expert::Column::Etat.ne(EtatProfil::Retire.as_str()))
            .order_by_asc(expert::Column::Titre);
        if filtre.actifs {
            query = query.filter(expert::Column::Etat.eq(EtatProfil::Actif.as_str()));
        }
        let rows = query.all(self.conn()).await?;
        let experts = self.hydrate(rows).await?;
        Ok(match filtre.offre {
            Some(o) => experts
                .into_iter()
                .filter(|e| e.offres.contains(&o))
                .collect(),
            None => experts,
        })
    }

    /// The expert's contributions, newest first.
    pub async fn contributions(&self, expert_id: i32) -> Result<Vec<Contribution>, StoreError> {
        expert_contribution::Entity::find()
            .filter(expert_contribution::Column::ExpertId.eq(expert_id))
            .order_by_desc(expert_contribution::Column::Date)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| {
                Ok(Contribution {
                    offre: corrupt(OffreExpert::parse(&c.offre), "offre", &c.offre)?,
                    date: date(&c.date, "contribution")?,
                    titre: c.titre,
                })
            })
            .collect()
    }

    /// The ROME domains of `romes` (trade codes), with their titles when
    /// the ROME is imported: the subjects an expert of the sector picks
    /// from.
    pub async fn domaines_rome(
        &self,
        romes: &[String],
    ) -> Result<Vec<(String, String)>, StoreError> {
        let mut codes: Vec<String> = romes
            .iter()
            .filter_map(|c| c.get(..3))
            .map(str::to_owned)
            .collect();
        codes.sort();
        codes.dedup();
        let labels: HashMap<String, String> = crate::entity::rome_fiche::Entity::find()
            .filter(crate::entity::rome_fiche::Column::CodeRome.is_in(romes.iter().cloned()))
            .all(self.conn())
            .await?
            .into_iter()
            .filter_map(|f| Some((f.domaine_code?, f.domaine_libelle?)))
            .collect();
        Ok(codes
            .into_iter()
            .map(|c| {
                let label = labels.get(&c).cloned().unwrap_or_else(|| c.clone());
                (c, label)
            })
            .collect())
    }

    pub(crate) async fn hydrate(
        &self,
        rows: Vec<expert::Model>,
    ) -> Result<Vec<Expert>, StoreError> {
        let conn = self.conn();
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(rows.iter().filter_map(|r| r.organisation_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let mut sujets: HashMap<i32, Vec<(SujetExpert, String)>> = HashMap::new();
        for s in expert_sujet::Entity::find()
            .filter(expert_sujet::Column::ExpertId.is_in(ids.clone()))
            .all(conn)
            .await?
        {
            let sujet = corrupt(SujetExpert::parse(&s.kind, &s.code), "sujet", &s.code)?;
            sujets
                .entry(s.expert_id)
                .or_default()
                .push((sujet, s.libelle));
        }
        let mut en_cours: HashMap<i32, u32> = HashMap::new();
        for d in demande_destinataire::Entity::find()
            .filter(demande_destinataire::Column::ExpertId.is_in(ids))
            .filter(demande_destinataire::Column::Etat.eq("envoyee"))
            .all(conn)
            .await?
        {
            *en_cours.entry(d.expert_id).or_default() += 1;
        }
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let Some(u) = people.get(&r.user_id) else {
                continue;
            };
            let org = r.organisation_id.and_then(|o| orgs.get(&o));
            out.push(Expert {
                id: r.id,
                user_id: r.user_id,
                nom: u.display_name.clone(),
                email: u.email.clone(),
                organisation_id: r.organisation_id,
                organisation_nom: org.map(|o| o.nom.clone()),
                organisation_slug: org.map(|o| o.slug.clone()),
                position: org.and_then(|o| match (o.latitude, o.longitude) {
                    (Some(lat), Some(lon)) => GeoPoint::new(lat, lon).ok(),
                    _ => None,
                }),
                departement: org.and_then(|o| o.departement.clone()),
                sujets: sujets.remove(&r.id).unwrap_or_default(),
                offres: list(&r.offres, OffreExpert::parse, "offre")?,
                langues: list(&r.langues, Langue::parse, "langue")?,
                etat: corrupt(EtatProfil::parse(&r.etat), "état", &r.etat)?,
                demandes_en_cours: en_cours.get(&r.id).copied().unwrap_or(0),
                titre: r.titre,
                presentation: r.presentation,
                disponibilite: r.disponibilite,
                contributions_publiques: r.contributions_publiques,
                created_at: r.created_at,
                updated_at: r.updated_at,
            });
        }
        Ok(out)
    }
}
