//! The catalogue's trainings as the engine's training units.
//!
//! A training prepares the certifications its offer names, or, for a
//! higher-education programme whose extract names none, the one its title
//! designates ([`super::rattachements`]). A session of an action whose
//! training prepares a certification the engine knows gives one unit for the whole certification and one per
//! bloc of it: the learner may follow only the blocs they lack
//! (« certification partielle par blocs »). An action without a dated
//! session gives the same units, starting on demand.
//!
//! LHÉO gives one duration and one price per action, not per bloc: a bloc
//! unit gets an equal share of both, the only estimate that neither
//! favours nor penalises a bloc over the others, and that makes the blocs
//! a learner needs shorter than the whole programme as soon as they need
//! fewer than all of them. An offer without a duration (the
//! higher-education extracts give none) counts the diploma's usual years.

use std::collections::HashMap;

use campus_domain::CodeCertification;
use campus_domain::GeoPoint;
use campus_domain::formation::Modalite as ModaliteFormation;
use campus_parcours::Referentiel;
use campus_parcours::plan::{Modalite, Unit, UnitKind, Units};
use campus_parcours::rattachement::HOURS_PER_YEAR;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entity::{
    commune, commune_code_postal, formation, formation_action, formation_certification,
    formation_code, formation_session,
};
use crate::{Store, StoreError};

impl Store {
    /// The training units of every session (or sessionless action) of the
    /// catalogue preparing a certification of `referentiel`, in four
    /// queries, indexed by the skills they teach.
    pub async fn training_units(&self, referentiel: &Referentiel) -> Result<Units, StoreError> {
        let db = self.conn();
        let mut prepares: HashMap<String, Vec<CodeCertification>> = HashMap::new();
        for c in formation_code::Entity::find()
            .filter(formation_code::Column::Kind.is_in(["rncp", "rs"]))
            .all(db)
            .await?
        {
            if let Ok(code) = CodeCertification::parse(&c.code)
                && referentiel.certification(&code).is_some()
            {
                prepares.entry(c.formation_id).or_default().push(code);
            }
        }
        for c in formation_certification::Entity::find()
            .filter(formation_certification::Column::Retire.eq(false))
            .all(db)
            .await?
        {
            if let Ok(code) = CodeCertification::parse(&c.code)
                && referentiel.certification(&code).is_some()
            {
                let codes = prepares.entry(c.formation_id).or_default();
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        if prepares.is_empty() {
            return Ok(Units::default());
        }
        let kinds = self.certification_kinds().await?;
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
        let mut sessions: HashMap<String, Vec<formation_session::Model>> = HashMap::new();
        for s in formation_session::Entity::find()
            .filter(formation_session::Column::ActionId.is_in(actions.iter().map(|a| a.id.clone())))
            .all(db)
            .await?
        {
            sessions.entry(s.action_id.clone()).or_default().push(s);
        }
        let mut units = Vec::new();
        for action in &actions {
            let (Some(formation), Some(codes)) = (
                formations.get(&action.formation_id),
                prepares.get(&action.formation_id),
            ) else {
                continue;
            };
            let Some(modalite) = ModaliteFormation::parse(&action.modalite).map(modalite) else {
                return Err(StoreError::Corrupt(format!(
                    "action {} : modalité « {} »",
                    action.id, action.modalite
                )));
            };
            let lieu = match (action.latitude, action.longitude) {
                (Some(lat), Some(lon)) => GeoPoint::new(lat, lon).ok(),
                _ => places.locate(action),
            };
            if lieu.is_none() && names_a_place(action) {
                // Taught somewhere the catalogue cannot place: neither
                // "anywhere" (a unit without a place passes every distance
                // limit) nor a guess.
                continue;
            }
            let dated: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> =
                match sessions.get(&action.id) {
                    Some(list) => list
                        .iter()
                        .map(|s| {
                            (
                                s.id.clone(),
                                date(s.debut.as_deref()),
                                date(s.fin.as_deref()),
                            )
                        })
                        .collect(),
                    None => vec![(action.id.clone(), None, None)],
                };
            let cout = whole(action.prix);
            for code in codes {
                let Some(certification) = referentiel.certification(code) else {
                    continue;
                };
                let duree = match whole(action.duree_heures) {
                    0 => kinds
                        .get(code.as_str())
                        .map_or(0, |(kind, _)| kind.years() * HOURS_PER_YEAR),
                    hours => hours,
                };
                let niveau = certification.niveau.or_else(|| {
                    formation
                        .niveau_sortie
                        .and_then(|n| u8::try_from(n).ok())
                        .and_then(campus_domain::Niveau::new)
                });
                let blocs = referentiel.certification_blocs(code);
                let share = u32::try_from(blocs.len().max(1)).unwrap_or(u32::MAX);
                for (id, debut, fin) in &dated {
                    let base = Unit {
                        id: format!("{id}#{}", code.as_str()),
                        libelle: formation.intitule.clone(),
                        kind: UnitKind::Certification(code.clone()),
                        skills: referentiel.certification_skills(code),
                        duree_heures: duree,
                        cout_euros: cout,
                        lieu,
                        modalite,
                        debut: *debut,
                        fin: *fin,
                        niveau,
                    };
                    for bloc in &blocs {
                        units.push(Unit {
                            id: format!("{id}#{bloc}"),
                            libelle: format!("{} — bloc {bloc}", formation.intitule),
                            kind: UnitKind::Bloc(bloc.clone()),
                            skills: referentiel.bloc_skills(bloc),
                            duree_heures: duree.div_ceil(share),
                            cout_euros: cout.div_ceil(share),
                            ..base.clone()
                        });
                    }
                    units.push(base);
                }
            }
        }
        Ok(Units::new(units))
    }
}

/// Coordinates of the communes where actions without their own are taught
/// ("Trouver mon master" gives an address, not coordinates).
struct Places {
    communes: HashMap<String, GeoPoint>,
    by_postcode: HashMap<String, Vec<(String, GeoPoint)>>,
}

impl Places {
    /// Reads the communes only when an action needs them.
    async fn load(
        store: &Store,
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
        let db = store.conn();
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
    fn locate(&self, action: &formation_action::Model) -> Option<GeoPoint> {
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

/// Where a unit is taught, as the results page names it: the training
/// (for its page) and the place. The engine's units carry only
/// coordinates; this is read once with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPlace {
    pub formation_id: String,
    pub organisme: String,
    pub lieu: Option<String>,
}

impl Store {
    /// The place of every unit of [`Store::training_units`], keyed by the
    /// session (or sessionless action) id that starts each unit's id.
    pub async fn training_unit_places(&self) -> Result<HashMap<String, UnitPlace>, StoreError> {
        let db = self.conn();
        let organismes: HashMap<String, String> = formation::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.id, f.organisme_nom))
            .collect();
        let mut places = HashMap::new();
        for a in formation_action::Entity::find().all(db).await? {
            let lieu = match (a.lieu_nom, a.lieu_ville) {
                (Some(nom), Some(ville)) if !nom.trim().is_empty() => {
                    Some(format!("{nom}, {ville}"))
                }
                (_, Some(ville)) => Some(ville),
                (nom, None) => nom,
            };
            places.insert(
                a.id,
                UnitPlace {
                    organisme: organismes.get(&a.formation_id).cloned().unwrap_or_default(),
                    formation_id: a.formation_id,
                    lieu,
                },
            );
        }
        for s in formation_session::Entity::find().all(db).await? {
            if let Some(place) = places.get(&s.action_id).cloned() {
                places.insert(s.id, place);
            }
        }
        Ok(places)
    }
}

fn modalite(m: ModaliteFormation) -> Modalite {
    match m {
        ModaliteFormation::Initiale => Modalite::Initiale,
        ModaliteFormation::Apprentissage => Modalite::Apprentissage,
        ModaliteFormation::Continue => Modalite::FormationContinue,
        ModaliteFormation::Vae => Modalite::Vae,
    }
}

/// Hours or euros as the engine counts them: whole, rounded up (a 0.5 h
/// module still takes time), an unknown amount as 0.
fn whole(value: Option<f64>) -> u32 {
    match value {
        Some(v) if v.is_finite() && v > 0.0 => {
            let v = v.ceil();
            if v >= f64::from(u32::MAX) {
                u32::MAX
            } else {
                v as u32
            }
        }
        _ => 0,
    }
}

fn date(value: Option<&str>) -> Option<NaiveDate> {
    value.and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_whole_and_never_wrap() {
        assert_eq!(whole(Some(12.2)), 13);
        assert_eq!(whole(Some(-3.0)), 0);
        assert_eq!(whole(Some(f64::NAN)), 0);
        assert_eq!(whole(Some(1e20)), u32::MAX);
        assert_eq!(whole(None), 0);
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
