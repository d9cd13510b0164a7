//! The catalogue's training offers that the training paths can use: every
//! action of a training that prepares a certification, with its place,
//! duration, price and sessions.
//!
//! A training prepares the certifications its offer names, or, for a
//! higher-education programme whose extract names none, the one its title
//! designates ([`super::rattachements`]), unless the campus team removed
//! it. The parcours service turns each offer into the engine's training
//! units.

use std::collections::HashMap;

use campus_domain::formation::{Modalite, Source};
use campus_domain::{CodeCertification, GeoPoint, Niveau};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Parcours;
use crate::StoreError;
use crate::entity::{
    commune, commune_code_postal, formation, formation_action, formation_certification,
    formation_code, formation_session,
};

/// An action of a training that prepares at least one certification.
#[derive(Debug, Clone, PartialEq)]
pub struct Offre {
    pub action_id: String,
    pub formation_id: String,
    pub intitule: String,
    pub organisme: String,
    pub niveau_sortie: Option<Niveau>,
    /// Codes named by the offer first, then those found from its title.
    pub certifications: Vec<CodeCertification>,
    pub modalite: Modalite,
    /// WGS 84 `(latitude, longitude)`: the action's own, else those of its
    /// commune (by INSEE code, else by postal code and town).
    pub position: Option<Position>,
    /// The action names a place (name, town, postal or INSEE code), found
    /// on the map or not.
    pub names_a_place: bool,
    /// The place as the results page names it: « lieu, ville », or either.
    pub lieu: Option<String>,
    pub duree_heures: Option<f64>,
    pub prix: Option<f64>,
    /// Its dated sessions; none for an action that starts on demand.
    pub sessions: Vec<SessionOffre>,
    /// Its blocs may be followed one by one. Not a lycée's programme
    /// (Affelnet): a pupil follows the whole diploma.
    pub par_blocs: bool,
}

/// A dated session of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOffre {
    pub id: String,
    pub debut: Option<NaiveDate>,
    pub fin: Option<NaiveDate>,
}

impl Parcours<'_> {
    /// Every action of a training preparing a certification, in five
    /// queries (six when some action must be placed by its commune).
    pub async fn list_offres(&self) -> Result<Vec<Offre>, StoreError> {
        let db = self.conn();
        let mut prepares: HashMap<String, Vec<CodeCertification>> = HashMap::new();
        for c in formation_code::Entity::find()
            .filter(formation_code::Column::Kind.is_in(["rncp", "rs"]))
            .all(db)
            .await?
        {
            if let Ok(code) = CodeCertification::parse(&c.code) {
                prepares.entry(c.formation_id).or_default().push(code);
            }
        }
        for c in formation_certification::Entity::find()
            .filter(formation_certification::Column::Retire.eq(false))
            .all(db)
            .await?
        {
            if let Ok(code) = CodeCertification::parse(&c.code) {
                let codes = prepares.entry(c.formation_id).or_default();
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        if prepares.is_empty() {
            return Ok(Vec::new());
        }
        let formations = crate::load::by_keys::<formation::Entity, _, _, _>(
            db,
            formation::Column::Id,
            prepares.keys().cloned(),
            |f| f.id.clone(),
        )
        .await?;
        let actions = formation_action::Entity::find()
            .filter(formation_action::Column::FormationId.is_in(prepares.keys().cloned()))
            .all(db)
            .await?;
        let places = Places::load(self, &actions).await?;
        let mut sessions: HashMap<String, Vec<SessionOffre>> = HashMap::new();
        for s in formation_session::Entity::find()
            .filter(formation_session::Column::ActionId.is_in(actions.iter().map(|a| a.id.clone())))
            .all(db)
            .await?
        {
            sessions.entry(s.action_id).or_default().push(SessionOffre {
                id: s.id,
                debut: date(s.debut.as_deref()),
                fin: date(s.fin.as_deref()),
            });
        }
        let mut out = Vec::new();
        for action in actions {
            let (Some(formation), Some(codes)) = (
                formations.get(&action.formation_id),
                prepares.get(&action.formation_id),
            ) else {
                continue;
            };
            let Some(modalite) = Modalite::parse(&action.modalite) else {
                return Err(StoreError::Corrupt(format!(
                    "action {} : modalité « {} »",
                    action.id, action.modalite
                )));
            };
            let position = GeoPoint::from_columns(action.latitude, action.longitude)
                .or_else(|| places.locate(&action));
            out.push(Offre {
                par_blocs: Source::parse(&formation.source) != Some(Source::Affelnet),
                names_a_place: names_a_place(&action),
                lieu: lieu(action.lieu_nom.clone(), action.lieu_ville.clone()),
                sessions: sessions.remove(&action.id).unwrap_or_default(),
                formation_id: action.formation_id,
                intitule: formation.intitule.clone(),
                organisme: formation.organisme_nom.clone(),
                niveau_sortie: formation
                    .niveau_sortie
                    .and_then(|n| u8::try_from(n).ok())
                    .and_then(Niveau::new),
                certifications: codes.clone(),
                modalite,
                position,
                duree_heures: action.duree_heures,
                prix: action.prix,
                action_id: action.id,
            });
        }
        Ok(out)
    }
}

/// Coordinates of the communes where actions without their own are taught
/// ("Trouver mon master" gives an address, not coordinates).
struct Places {
    communes: HashMap<String, Position>,
    /// The communes of each postal code, by their folded name.
    by_postcode: HashMap<String, Vec<(String, Position)>>,
}

type Position = GeoPoint;

impl Places {
    /// Reads the communes only when an action needs them.
    async fn load(
        parcours: &Parcours<'_>,
        actions: &[formation_action::Model],
    ) -> Result<Places, StoreError> {
        let mut places = Places {
            communes: HashMap::new(),
            by_postcode: HashMap::new(),
        };
        if actions
            .iter()
            .all(|a| a.latitude.is_some() && a.longitude.is_some())
        {
            return Ok(places);
        }
        let db = parcours.conn();
        let mut names: HashMap<String, String> = HashMap::new();
        for c in commune::Entity::find().all(db).await? {
            if let Some(point) = GeoPoint::from_columns(c.latitude, c.longitude) {
                names.insert(c.code_insee.clone(), fold_name(&c.nom));
                places.communes.insert(c.code_insee, point);
            }
        }
        for c in commune_code_postal::Entity::find().all(db).await? {
            if let (Some(point), Some(name)) =
                (places.communes.get(&c.code_insee), names.get(&c.code_insee))
            {
                places
                    .by_postcode
                    .entry(c.code_postal)
                    .or_default()
                    .push((name.clone(), *point));
            }
        }
        Ok(places)
    }

    /// The action's commune, by its INSEE code, else by its postal code
    /// and town (a postal code may serve several communes; the town's name
    /// chooses, and one commune alone is taken as it is).
    fn locate(&self, action: &formation_action::Model) -> Option<Position> {
        if let Some(point) = action
            .lieu_commune_insee
            .as_ref()
            .and_then(|code| self.communes.get(code))
        {
            return Some(*point);
        }
        let candidates = self.by_postcode.get(action.lieu_code_postal.as_deref()?)?;
        let town = action.lieu_ville.as_deref().map(fold_name);
        match candidates.as_slice() {
            [(_, point)] => Some(*point),
            _ => candidates
                .iter()
                .find(|(name, _)| Some(name) == town.as_ref())
                .map(|(_, point)| *point),
        }
    }
}

/// Whether the action names a place at all.
fn names_a_place(action: &formation_action::Model) -> bool {
    [
        &action.lieu_nom,
        &action.lieu_ville,
        &action.lieu_code_postal,
        &action.lieu_commune_insee,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
}

/// A town's name as both files spell it: "Saint-Cyr-sur-Loire" and
/// "ST CYR SUR LOIRE" alike.
fn fold_name(name: &str) -> String {
    campus_domain::slugify(name)
        .split('-')
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The place as the results page names it.
fn lieu(nom: Option<String>, ville: Option<String>) -> Option<String> {
    match (nom, ville) {
        (Some(nom), Some(ville)) if !nom.trim().is_empty() => Some(format!("{nom}, {ville}")),
        (_, Some(ville)) => Some(ville),
        (nom, None) => nom,
    }
}

fn date(value: Option<&str>) -> Option<NaiveDate> {
    value.and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_by_place_and_town() {
        assert_eq!(
            lieu(Some("Lycée Choiseul".into()), Some("Tours".into())).as_deref(),
            Some("Lycée Choiseul, Tours")
        );
        assert_eq!(
            lieu(Some(" ".into()), Some("Tours".into())).as_deref(),
            Some("Tours")
        );
        assert_eq!(lieu(Some("Lycée".into()), None).as_deref(), Some("Lycée"));
        assert_eq!(lieu(None, None), None);
    }

    #[test]
    fn town_names_fold_as_both_files_spell_them() {
        assert_eq!(
            fold_name("Saint-Cyr-sur-Loire"),
            fold_name("ST CYR SUR LOIRE")
        );
        assert_eq!(fold_name("Orléans"), "orleans");
    }

    #[test]
    fn session_dates_are_iso() {
        assert_eq!(
            date(Some("2026-09-01")),
            NaiveDate::from_ymd_opt(2026, 9, 1)
        );
        assert_eq!(date(Some("01/09/2026")), None);
    }
}
