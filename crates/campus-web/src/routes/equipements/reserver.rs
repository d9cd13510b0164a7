//! The booking form, and the booking itself (shared with the API): the
//! typed values are checked here (dates, hours, organisation), the rules
//! that depend on the database (overlap, maintenance, habilitation, quota)
//! by the store in the booking's transaction.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::equipement::{Creneau, StatutReservation, Tarif};
use campus_store::equipements::{
    DemandeReservation, Equipement, Refus, ReservationError, ReservationVue,
};
use campus_store::outbox::OutgoingMail;
use chrono::{NaiveDate, NaiveTime};

use super::pages::{ReservationValues, ReserverPage};
use super::{duree, horaires_text, public_of, quand};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// The organisations the person may book for: their own.
async fn organisation_options(state: &AppState, tr: &Tr, me: &Identity) -> AppResult<Options> {
    let mut options = vec![(String::new(), tr.t("reservation-organisation-none"))];
    for (org, _) in state.store.memberships_of(me.user.id).await? {
        options.push((org.slug, org.nom));
    }
    Ok(options)
}

/// What the person should know of their habilitation before booking.
async fn habilitation_text(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    e: &Equipement,
) -> AppResult<String> {
    if !e.habilitation_requise {
        return Ok(tr.t("reservation-habilitation-not-needed"));
    }
    let categorie = tr.t(e.categorie.label_key());
    let held = state
        .store
        .equipements()
        .habilitations_of(me.user.id)
        .await?
        .into_iter()
        .find(|h| h.categorie == e.categorie);
    Ok(match held {
        Some(h) if h.valide_le(state.clock.today()) => tr.tv(
            "reservation-habilitation-held",
            &[
                ("categorie", &categorie),
                ("date", &h.expire_le.format("%d/%m/%Y").to_string()),
            ],
        ),
        Some(h) => tr.tv(
            "reservation-habilitation-expired",
            &[
                ("categorie", &categorie),
                ("date", &h.expire_le.format("%d/%m/%Y").to_string()),
            ],
        ),
        None => tr.ts("reservation-no-habilitation", "categorie", &categorie),
    })
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    e: Equipement,
    errors: FormErrors,
    v: ReservationValues,
) -> AppResult<ReserverPage> {
    let tr = chrome.tr();
    Ok(ReserverPage {
        organisations: organisation_options(state, &tr, me).await?,
        horaires: horaires_text(&tr, e.horaires),
        habilitation: habilitation_text(state, &tr, me, &e).await?,
        errors,
        e,
        v,
        chrome,
    })
}

pub(super) async fn form(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let e = state
        .store
        .equipements()
        .equipement_au_catalogue(&slug)
        .await?;
    let page = form_page(
        &state,
        chrome,
        &me,
        e,
        FormErrors::default(),
        ReservationValues::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// Checks the typed values; the booking request if they hold.
pub(crate) async fn validate(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    e: &Equipement,
    v: &ReservationValues,
) -> AppResult<Result<DemandeReservation, FormErrors>> {
    let mut errors = FormErrors::default();
    let date = NaiveDate::parse_from_str(v.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.add("date", tr.t("reservation-date-invalid"));
    }
    let time = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
    let (debut, fin) = (time(&v.debut), time(&v.fin));
    if debut.is_none() {
        errors.add("debut", tr.t("reservation-time-invalid"));
    }
    if fin.is_none() {
        errors.add("fin", tr.t("reservation-time-invalid"));
    }
    let mut creneau = None;
    if let (Some(date), Some(debut), Some(fin)) = (date, debut, fin) {
        match Creneau::local(date, debut, fin, e.horaires, state.clock.now()) {
            Ok(c) => creneau = Some(c),
            Err(err) => {
                let field = match err {
                    campus_domain::equipement::CreneauError::FinAvantDebut => "fin",
                    campus_domain::equipement::CreneauError::Passe => "date",
                    _ => "debut",
                };
                let message = match err {
                    campus_domain::equipement::CreneauError::HorsHoraires => {
                        tr.ts(err.message_key(), "hours", &horaires_text(tr, e.horaires))
                    }
                    _ => tr.t(err.message_key()),
                };
                errors.add(field, message);
            }
        }
    }
    let slug = v.organisation.trim();
    let mut organisation = None;
    if !slug.is_empty() {
        organisation = state
            .store
            .memberships_of(me.user.id)
            .await?
            .into_iter()
            .map(|(org, _)| org)
            .find(|org| org.slug == slug);
        if organisation.is_none() {
            errors.add("organisation", tr.t("reservation-organisation-invalid"));
        }
    }
    let objet = v.objet.trim();
    if objet.is_empty() {
        errors.add("objet", tr.t("reservation-objet-required"));
    } else if objet.chars().count() > 500 {
        errors.add("objet", tr.tn("text-too-long", "max", 500u64));
    }
    match creneau {
        Some(creneau) if errors.is_empty() => Ok(Ok(DemandeReservation {
            equipement_id: e.id,
            user_id: me.user.id,
            tarif: Tarif::pour(organisation.as_ref().map(|o| o.kind), me.user.role),
            organisation_id: organisation.map(|o| o.id),
            public: public_of(&me.user),
            creneau,
            objet: objet.to_owned(),
        })),
        _ => Ok(Err(errors)),
    }
}

/// The field and message of a refusal by the store.
fn refusal(tr: &Tr, e: &Equipement, refus: Refus) -> FormErrors {
    let mut errors = FormErrors::default();
    let categorie = tr.t(e.categorie.label_key());
    let (field, message) = match refus {
        Refus::Conflit => ("debut", tr.t(refus.message_key())),
        Refus::Maintenance | Refus::Indisponible => ("date", tr.t(refus.message_key())),
        Refus::SansHabilitation => ("date", tr.ts(refus.message_key(), "categorie", &categorie)),
        Refus::HabilitationExpiree(date) => (
            "date",
            tr.tv(
                refus.message_key(),
                &[
                    ("categorie", &categorie),
                    ("date", &date.format("%d/%m/%Y").to_string()),
                ],
            ),
        ),
        Refus::Quota { restant_minutes } => (
            "organisation",
            tr.ts(
                refus.message_key(),
                "hours",
                &duree(i64::from(restant_minutes)),
            ),
        ),
    };
    errors.add(field, message);
    errors
}

/// Books, with the e-mails to the person and, when the equipment needs
/// approval, to its managers. A refusal comes back with its messages.
pub(crate) async fn book(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    e: &Equipement,
    demande: DemandeReservation,
) -> AppResult<Result<ReservationVue, (Refus, FormErrors)>> {
    let when = quand(tr, demande.creneau.debut, demande.creneau.fin);
    let base = state.config.base_url();
    let mine = format!("{base}/reservations");
    let mut mails = vec![OutgoingMail {
        to: me.user.email.as_str().to_owned(),
        subject: tr.ts(
            if e.approbation_requise {
                "mail-resa-requested-subject"
            } else {
                "mail-resa-confirmed-subject"
            },
            "name",
            &e.nom,
        ),
        body: tr.tv(
            if e.approbation_requise {
                "mail-resa-requested-body"
            } else {
                "mail-resa-confirmed-body"
            },
            &[
                ("person", &me.user.display_name),
                ("name", &e.nom),
                ("when", &when),
                ("site", &e.site),
                ("link", &mine),
            ],
        ),
    }];
    if e.approbation_requise {
        let link = format!("{base}/reservations/a-valider");
        for manager in state.store.equipements().equipement_managers(e.id).await? {
            mails.push(OutgoingMail {
                to: manager.email.as_str().to_owned(),
                subject: tr.ts("mail-resa-to-approve-subject", "name", &e.nom),
                body: tr.tv(
                    "mail-resa-to-approve-body",
                    &[
                        ("person", &me.user.display_name),
                        ("name", &e.nom),
                        ("when", &when),
                        ("link", &link),
                    ],
                ),
            });
        }
    }
    match state
        .store
        .equipements()
        .reserve_equipement(demande, mails)
        .await
    {
        Ok(vue) => {
            state.mail_queued.notify_one();
            Ok(Ok(vue))
        }
        Err(ReservationError::Refusee(refus)) => Ok(Err((refus, refusal(tr, e, refus)))),
        Err(ReservationError::Store(err)) => Err(err.into()),
    }
}

pub(super) async fn submit(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(v): Form<ReservationValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = state
        .store
        .equipements()
        .equipement_au_catalogue(&slug)
        .await?;
    let errors = match validate(&state, &tr, &me, &e, &v).await? {
        Ok(demande) => match book(&state, &tr, &me, &e, demande).await? {
            Ok(vue) => {
                let notice = if vue.statut == StatutReservation::EnAttente {
                    "demandee"
                } else {
                    "confirmee"
                };
                return Ok(see_other(&format!("/reservations?ok={notice}")));
            }
            Err((_, errors)) => errors,
        },
        Err(errors) => errors,
    };
    let page = form_page(&state, chrome, &me, e, errors, v).await?;
    Ok(invalid(render(&page)?))
}
