//! Pooled equipment of the technology platform: catalogue and calendars,
//! bookings, managers' approvals and utilisation, habilitations granted by
//! instructors and the warnings before they expire, the equipment's
//! upkeep by its managers (description, photos, retirement) and the
//! campus team's imports, and the API.
//!
//! Rules that depend on data are checked in the handlers, after the
//! route's own rule: a manager acts only on the equipment they manage (the
//! campus team on all), a person cancels only their own bookings, only
//! trainers and the campus team grant habilitations.

mod administration;
pub(crate) mod api;
mod approbations;
mod calendrier;
mod catalogue;
mod fiche;
mod gestion;
mod habilitations;
mod import;
pub(crate) mod jobs;
mod mes_reservations;
mod pages;
mod photos;
mod reserver;
mod utilisation;

use api::{api_availability, api_book, api_equipement, api_equipements};

use campus_domain::Role;
use campus_domain::equipement::Horaires;
use campus_domain::heure_legale;
use campus_store::equipements::Equipement;
use campus_store::users::User;
use chrono::{DateTime, Utc};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::AppResult;
use crate::i18n::Tr;
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/equipements", Access::Public, catalogue::list),
        RouteDef::get("/equipements/nouveau", Access::Staff, gestion::new_page),
        RouteDef::post("/equipements/nouveau", Access::Staff, gestion::create),
        RouteDef::get("/equipements/{equipement}", Access::Public, catalogue::show),
        RouteDef::get(
            "/equipements/{equipement}/modifier",
            Access::SignedIn,
            gestion::edit_page,
        ),
        RouteDef::post(
            "/equipements/{equipement}/modifier",
            Access::SignedIn,
            gestion::update,
        ),
        RouteDef::post(
            "/equipements/{equipement}/retirer",
            Access::SignedIn,
            gestion::retire,
        ),
        RouteDef::post(
            "/equipements/{equipement}/photos",
            Access::SignedIn,
            photos::upload,
        )
        .with_body_limit(photos::UPLOAD_BODY_LIMIT),
        RouteDef::get(
            "/equipements/{equipement}/photos/{id}",
            Access::Public,
            photos::show,
        ),
        RouteDef::post(
            "/equipements/{equipement}/photos/{id}/supprimer",
            Access::SignedIn,
            photos::delete,
        ),
        RouteDef::get(
            "/equipements/{equipement}/calendrier.ics",
            Access::Public,
            catalogue::ical,
        ),
        RouteDef::post(
            "/equipements/{equipement}/flux",
            Access::SignedIn,
            catalogue::renew_feed,
        ),
        RouteDef::get(
            "/equipements/{equipement}/reserver",
            Access::SignedIn,
            reserver::form,
        ),
        RouteDef::post(
            "/equipements/{equipement}/reserver",
            Access::SignedIn,
            reserver::submit,
        ),
        RouteDef::get(
            "/equipements/{equipement}/utilisation",
            Access::SignedIn,
            utilisation::page,
        ),
        RouteDef::get(
            "/equipements/{equipement}/utilisation.csv",
            Access::SignedIn,
            utilisation::csv,
        ),
        RouteDef::post(
            "/equipements/{equipement}/maintenances",
            Access::SignedIn,
            utilisation::add_maintenance,
        ),
        RouteDef::get("/reservations", Access::SignedIn, mes_reservations::list),
        RouteDef::post(
            "/reservations/{reservation}/annuler",
            Access::SignedIn,
            mes_reservations::cancel,
        ),
        RouteDef::get(
            "/reservations/a-valider",
            Access::SignedIn,
            approbations::list,
        ),
        RouteDef::post(
            "/reservations/{reservation}/valider",
            Access::SignedIn,
            approbations::approve,
        ),
        RouteDef::post(
            "/reservations/{reservation}/refuser",
            Access::SignedIn,
            approbations::refuse,
        ),
        RouteDef::get("/admin/equipements", Access::Staff, administration::page),
        RouteDef::post(
            "/admin/equipements/quotas",
            Access::Staff,
            administration::set_quota,
        ),
        RouteDef::post(
            "/admin/equipements/gestionnaires",
            Access::Staff,
            administration::add_manager,
        ),
        RouteDef::get("/admin/equipements/import", Access::Staff, import::form),
        RouteDef::post("/admin/equipements/import", Access::Staff, import::upload)
            .with_body_limit(import::IMPORT_BODY_LIMIT),
        RouteDef::get("/habilitations", Access::SignedIn, habilitations::page),
        RouteDef::post("/habilitations", Access::SignedIn, habilitations::grant),
        RouteDef::get("/api/v1/equipements", Access::Public, api_equipements),
        RouteDef::get(
            "/api/v1/equipements/{equipement}",
            Access::Public,
            api_equipement,
        ),
        RouteDef::get(
            "/api/v1/equipements/{equipement}/disponibilites",
            Access::Public,
            api_availability,
        ),
        RouteDef::post(
            "/api/v1/equipements/{equipement}/reservations",
            Access::SignedIn,
            api_book,
        ),
    ]
}

/// Whether `me` manages `e`: one of its managers, or the campus team.
pub(crate) async fn manages(state: &AppState, me: &Identity, e: &Equipement) -> AppResult<bool> {
    if me.user.role.is_campus_staff() {
        return Ok(true);
    }
    Ok(state
        .store
        .equipements()
        .is_equipement_manager(e.id, me.user.id)
        .await?)
}

/// Who booked, for the evaluation: a learner's situation, else the role.
pub(crate) fn public_of(user: &User) -> String {
    match (user.role, user.statut) {
        (Role::Apprenant, Some(statut)) => statut.as_str().to_owned(),
        (role, _) => role.as_str().to_owned(),
    }
}

/// The translated label of a booker's public.
pub(crate) fn public_label(tr: &Tr, public: &str) -> String {
    match campus_domain::StatutApprenant::parse(public) {
        Ok(statut) => tr.t(statut.label_key()),
        Err(_) => match Role::parse(public) {
            Ok(role) => tr.t(role.label_key()),
            Err(_) => public.to_owned(),
        },
    }
}

/// `45,00` for 4 500 cents.
pub(crate) fn euros(centimes: i32) -> String {
    format!("{},{:02}", centimes / 100, (centimes % 100).abs())
}

/// `1 h 30` for 90 minutes.
pub(crate) fn duree(minutes: i64) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// The weekday and date of a legal date: `mardi 01/12/2026`.
pub(crate) fn jour(tr: &Tr, date: chrono::NaiveDate) -> String {
    let key = [
        "day-monday",
        "day-tuesday",
        "day-wednesday",
        "day-thursday",
        "day-friday",
        "day-saturday",
        "day-sunday",
    ][heure_legale::jour_semaine(date) as usize % 7];
    format!("{} {}", tr.t(key), date.format("%d/%m/%Y"))
}

/// A booking's time in legal time: `mardi 01/12/2026, 09:00–10:30`.
pub(crate) fn quand(tr: &Tr, debut: DateTime<Utc>, fin: DateTime<Utc>) -> String {
    let (from, to) = (
        heure_legale::vers_local(debut),
        heure_legale::vers_local(fin),
    );
    format!(
        "{}, {}–{}",
        jour(tr, from.date()),
        from.format("%H:%M"),
        to.format("%H:%M")
    )
}

/// Opening hours in words: `du lundi au vendredi, 08:00–18:00`.
pub(crate) fn horaires_text(tr: &Tr, h: Horaires) -> String {
    let keys = [
        "day-monday",
        "day-tuesday",
        "day-wednesday",
        "day-thursday",
        "day-friday",
        "day-saturday",
        "day-sunday",
    ];
    let days: Vec<String> = (0..7u32)
        .filter(|d| h.ouvert_le(*d))
        .map(|d| tr.t(keys[d as usize]))
        .collect();
    tr.tv(
        "equipement-hours-text",
        &[
            ("days", &days.join(", ")),
            ("from", &Horaires::hhmm(h.ouverture())),
            ("to", &Horaires::hhmm(h.fermeture())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_durations() {
        assert_eq!(euros(4500), "45,00");
        assert_eq!(euros(12005), "120,05");
        assert_eq!(duree(90), "1 h 30");
        assert_eq!(duree(120), "2 h");
    }
}
