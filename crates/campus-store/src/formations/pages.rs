//! Reading trainings for pages and the API: one training whole, the
//! trainings of an organisation or of a certification, and those near a
//! place.

use std::collections::{HashMap, HashSet};

use campus_domain::GeoPoint;
use campus_domain::formation::{Contact, Financeur, Lieu};
use campus_domain::{CodeCertification, CodeRome};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::from_json;
use crate::entity::{
    formation, formation_action, formation_certification, formation_code, formation_organisation,
    formation_session, organisation,
};
use crate::{Store, StoreError};

/// An action with its sessions, for a training's page.
#[derive(Clone, Debug)]
pub struct ActionPage {
    pub action: formation_action::Model,
    pub public_vise: Vec<String>,
    pub financeurs: Vec<Financeur>,
    pub sessions: Vec<formation_session::Model>,
}

/// A training as its page shows it.
#[derive(Clone, Debug)]
pub struct FormationPage {
    pub formation: formation::Model,
    pub codes: Vec<formation_code::Model>,
    /// The certifications its title designates when its offer names none
    /// (higher-education programmes), best score first.
    pub rattachements: Vec<formation_certification::Model>,
    pub organisme_lieu: Option<Lieu>,
    pub contact: Option<Contact>,
    /// The organisation of the directory its body is, when linked.
    pub organisation: Option<organisation::Model>,
    pub actions: Vec<ActionPage>,
}

/// A training near a place: its nearest action and how far it is.
#[derive(Clone, Debug)]
pub struct FormationProche {
    pub formation: formation::Model,
    pub action: formation_action::Model,
    pub distance_km: f64,
}

impl Store {
    /// A training with its codes, actions, sessions and organisation.
    pub async fn formation(&self, id: &str) -> Result<FormationPage, StoreError> {
        let db = self.conn();
        let formation = formation::Entity::find_by_id(id.to_owned())
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let codes = formation_code::Entity::find()
            .filter(formation_code::Column::FormationId.eq(id))
            .order_by_asc(formation_code::Column::Kind)
            .order_by_asc(formation_code::Column::Code)
            .all(db)
            .await?;
        let mut rattachements = formation_certification::Entity::find()
            .filter(formation_certification::Column::FormationId.eq(id))
            .filter(formation_certification::Column::Retire.eq(false))
            .all(db)
            .await?;
        rattachements.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.code.cmp(&b.code)));
        let actions = formation_action::Entity::find()
            .filter(formation_action::Column::FormationId.eq(id))
            .order_by_asc(formation_action::Column::Numero)
            .all(db)
            .await?;
        let mut sessions: HashMap<String, Vec<formation_session::Model>> = HashMap::new();
        for s in formation_session::Entity::find()
            .filter(formation_session::Column::ActionId.is_in(actions.iter().map(|a| a.id.clone())))
            .order_by_asc(formation_session::Column::Debut)
            .order_by_asc(formation_session::Column::Numero)
            .all(db)
            .await?
        {
            sessions.entry(s.action_id.clone()).or_default().push(s);
        }
        let link = formation_organisation::Entity::find_by_id(id.to_owned())
            .one(db)
            .await?;
        let organisation = match link {
            Some(l) => {
                organisation::Entity::find_by_id(l.organisation_id)
                    .one(db)
                    .await?
            }
            None => None,
        };
        let actions = actions
            .into_iter()
            .map(|action| {
                Ok(ActionPage {
                    public_vise: from_json(&action.public_vise)?,
                    financeurs: from_json(&action.financeurs)?,
                    sessions: sessions.remove(&action.id).unwrap_or_default(),
                    action,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(FormationPage {
            rattachements,
            organisme_lieu: formation
                .organisme_lieu
                .as_deref()
                .map(from_json)
                .transpose()?,
            contact: formation.contact.as_deref().map(from_json).transpose()?,
            formation,
            codes,
            organisation,
            actions,
        })
    }

    /// The trainings whose body is linked to an organisation of the
    /// directory, by title.
    pub async fn formations_of_organisation(
        &self,
        organisation_id: i32,
    ) -> Result<Vec<formation::Model>, StoreError> {
        let ids: Vec<String> = formation_organisation::Entity::find()
            .filter(formation_organisation::Column::OrganisationId.eq(organisation_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|l| l.formation_id)
            .collect();
        Ok(formation::Entity::find()
            .filter(formation::Column::Id.is_in(ids))
            .order_by_asc(formation::Column::Intitule)
            .all(self.conn())
            .await?)
    }

    /// The trainings preparing a certification, by title.
    pub async fn formations_of_certification(
        &self,
        code: &CodeCertification,
    ) -> Result<Vec<formation::Model>, StoreError> {
        let ids = self
            .formations_with_codes(&[], std::slice::from_ref(code))
            .await?;
        Ok(formation::Entity::find()
            .filter(formation::Column::Id.is_in(ids))
            .order_by_asc(formation::Column::Intitule)
            .all(self.conn())
            .await?)
    }

    /// Trainings carrying one of the ROME codes or one of the certification
    /// codes.
    async fn formations_with_codes(
        &self,
        romes: &[CodeRome],
        certifications: &[CodeCertification],
    ) -> Result<HashSet<String>, StoreError> {
        let mut codes: Vec<String> = romes.iter().map(|r| r.as_str().to_owned()).collect();
        codes.extend(certifications.iter().map(|c| c.as_str().to_owned()));
        Ok(formation_code::Entity::find()
            .filter(formation_code::Column::Kind.is_in(["rome", "rncp", "rs"]))
            .filter(formation_code::Column::Code.is_in(codes))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| c.formation_id)
            .collect())
    }

    /// Trainings with an action within `radius_km` of `center`, nearest
    /// first, at most `limit`; when ROME or
    /// certification codes are given, only trainings carrying one of them.
    pub async fn formations_near(
        &self,
        center: GeoPoint,
        radius_km: f64,
        romes: &[CodeRome],
        certifications: &[CodeCertification],
        limit: usize,
    ) -> Result<Vec<FormationProche>, StoreError> {
        let ((lat0, lat1), (lon0, lon1)) = center.bounding_box(radius_km);
        let wanted = if romes.is_empty() && certifications.is_empty() {
            None
        } else {
            Some(self.formations_with_codes(romes, certifications).await?)
        };
        let mut nearest: HashMap<String, (formation_action::Model, f64)> = HashMap::new();
        for action in formation_action::Entity::find()
            .filter(formation_action::Column::Latitude.between(lat0, lat1))
            .filter(formation_action::Column::Longitude.between(lon0, lon1))
            .all(self.conn())
            .await?
        {
            if wanted
                .as_ref()
                .is_some_and(|w| !w.contains(&action.formation_id))
            {
                continue;
            }
            let Some(place) = GeoPoint::from_columns(action.latitude, action.longitude) else {
                continue;
            };
            let d = center.distance_km(place);
            if d > radius_km {
                continue;
            }
            let closer = nearest
                .get(&action.formation_id)
                .is_none_or(|(_, best)| d < *best);
            if closer {
                nearest.insert(action.formation_id.clone(), (action, d));
            }
        }
        let mut found: Vec<(String, formation_action::Model, f64)> = nearest
            .into_iter()
            .map(|(id, (action, d))| (id, action, d))
            .collect();
        found.sort_by(|a, b| a.2.total_cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
        found.truncate(limit);
        let mut formations = crate::load::by_keys::<formation::Entity, _, _, _>(
            self.conn(),
            formation::Column::Id,
            found.iter().map(|f| f.0.clone()),
            |f| f.id.clone(),
        )
        .await?;
        Ok(found
            .into_iter()
            .filter_map(|(id, action, distance_km)| {
                formations.remove(&id).map(|formation| FormationProche {
                    formation,
                    action,
                    distance_km,
                })
            })
            .collect())
    }
}
