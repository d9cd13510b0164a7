//! Validation of the event form and of registrations, shared by the site
//! and the API: each field gets its own message, and nothing is stored
//! unless every field is valid.

use campus_domain::evenement::{
    AGE_OF_MAJORITY, Audience, EvenementError, EvenementKind, age_on, check_schedule,
    parse_birth_date, parse_capacity, parse_class_size, parse_min_age, parse_paris_datetime,
};
use campus_domain::heure_legale;
use campus_domain::{CodePostal, CodeRome, Email, optional_text, required_text};
use campus_store::evenements::inscriptions::{InscriptionKind, NewInscription};
use campus_store::evenements::{Evenement, EvenementInput, Safety};
use campus_store::organisations::Organisation;
use chrono::{DateTime, Utc};

use super::pages::{ClassValues, EvenementValues, PersonValues};
use crate::auth::Identity;
use crate::forms::{FormErrors, Key};
use crate::i18n::Tr;

/// The most trades one event links to.
const MAX_ROMES: usize = 12;

/// The event form's values from its fields (the audiences are repeated
/// check boxes, which a struct cannot hold).
pub(crate) fn evenement_values(pairs: Vec<(String, String)>) -> EvenementValues {
    let mut v = EvenementValues::default();
    for (name, value) in pairs {
        match name.as_str() {
            "organisation" => v.organisation = value,
            "kind" => v.kind = value,
            "titre" => v.titre = value,
            "description" => v.description = value,
            "adresse" => v.adresse = value,
            "code_postal" => v.code_postal = value,
            "commune" => v.commune = value,
            "debut" => v.debut = value,
            "fin" => v.fin = value,
            "capacite" => v.capacite = value,
            "publics" => v.publics.push(value),
            "metiers" => v.metiers = value,
            "age_minimum" => v.age_minimum = value,
            "salle_propre" => v.salle_propre = value == "oui",
            "bpf" => v.bpf = value == "oui",
            "consignes" => v.consignes = value,
            _ => {}
        }
    }
    v
}

/// Validates the event form; `organisations` are those the user may
/// organise for.
pub(crate) fn event(
    tr: &Tr,
    v: &EvenementValues,
    organisations: &[Organisation],
    now: DateTime<Utc>,
) -> Result<EvenementInput, FormErrors> {
    let mut errors = FormErrors::default();
    let organisation = organisations
        .iter()
        .find(|o| o.slug == v.organisation.trim());
    if organisation.is_none() {
        errors.add("organisation", tr.t("evenement-field-organisation-invalid"));
    }
    let kind = errors.check(
        tr,
        "kind",
        EvenementKind::parse(&v.kind).map_err(|_| Key("evenement-field-kind-invalid")),
    );
    let titre = errors.check(tr, "titre", required_text(&v.titre, 200));
    let description = errors
        .check(tr, "description", optional_text(&v.description, 5000))
        .flatten();
    let adresse = errors.check(tr, "adresse", required_text(&v.adresse, 250));
    let code_postal = if v.code_postal.trim().is_empty() {
        None
    } else {
        errors.check(tr, "code_postal", CodePostal::parse(&v.code_postal))
    };
    let commune = errors.check(tr, "commune", required_text(&v.commune, 120));
    let debut = errors.check(tr, "debut", parse_paris_datetime(&v.debut));
    let fin = errors.check(tr, "fin", parse_paris_datetime(&v.fin));
    if let (Some(debut), Some(fin)) = (debut, fin)
        && let Err(err) = check_schedule(debut, fin, now)
    {
        let field = if err == EvenementError::StartInPast {
            "debut"
        } else {
            "fin"
        };
        errors.add(field, tr.t(err.message_key()));
    }
    let capacity = errors.check(tr, "capacite", parse_capacity(&v.capacite));
    let mut audiences = Vec::new();
    for value in &v.publics {
        match Audience::parse(value) {
            Ok(a) if !audiences.contains(&a) => audiences.push(a),
            Ok(_) => {}
            Err(_) => errors.add("publics", tr.t("evenement-field-publics-invalid")),
        }
    }
    if audiences.is_empty() {
        errors.add("publics", tr.t("evenement-field-publics-required"));
    }
    let mut romes = Vec::new();
    for code in v
        .metiers
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
    {
        match CodeRome::parse(code) {
            Ok(rome) if !romes.contains(&rome) => romes.push(rome),
            Ok(_) => {}
            Err(_) => errors.add("metiers", tr.ts("evenement-error-rome", "code", code)),
        }
    }
    if romes.len() > MAX_ROMES {
        errors.add(
            "metiers",
            tr.tn("evenement-error-rome-count", "max", MAX_ROMES as u64),
        );
    }
    let min_age = errors
        .check(tr, "age_minimum", parse_min_age(&v.age_minimum))
        .flatten();
    let notes = errors
        .check(tr, "consignes", optional_text(&v.consignes, 2000))
        .flatten();
    match (
        organisation,
        kind,
        titre,
        adresse,
        commune,
        debut,
        fin,
        capacity,
    ) {
        (
            Some(org),
            Some(kind),
            Some(titre),
            Some(adresse),
            Some(commune),
            Some(debut),
            Some(fin),
            Some(capacity),
        ) if errors.is_empty() => Ok(EvenementInput {
            organisation_id: org.id,
            kind,
            titre,
            description: description.unwrap_or_default(),
            adresse,
            departement: code_postal
                .as_ref()
                .and_then(CodePostal::departement_probable),
            code_postal,
            commune,
            starts_at: debut,
            ends_at: fin,
            capacity,
            audiences,
            romes,
            safety: Safety {
                min_age,
                clean_room: v.salle_propre,
                gmp: v.bpf,
                notes: notes.unwrap_or_default(),
            },
        }),
        _ => Err(errors),
    }
}

/// Validates a person's registration.
pub(crate) fn person(
    tr: &Tr,
    event: &Evenement,
    v: &PersonValues,
    me: Option<&Identity>,
    now: DateTime<Utc>,
) -> Result<NewInscription, FormErrors> {
    let mut errors = FormErrors::default();
    let nom = errors.check(tr, "nom", required_text(&v.nom, 200));
    // A signed-in person registers themselves, at their account's address:
    // nobody can take a seat, or block a registration, in someone else's
    // name through their own account.
    let email = match me {
        Some(me) => Some(me.user.email.clone()),
        None => errors.check(tr, "email", Email::parse(&v.email)),
    };
    let public = errors.check(
        tr,
        "public",
        Audience::parse(&v.public).map_err(|_| Key("inscription-field-public-invalid")),
    );
    let niveau = errors
        .check(tr, "niveau", optional_text(&v.niveau, 120))
        .flatten();
    let organisation = errors
        .check(tr, "organisation", optional_text(&v.organisation, 200))
        .flatten();
    let today = heure_legale::aujourdhui(now);
    let age = errors
        .check(
            tr,
            "date_naissance",
            parse_birth_date(&v.date_naissance, today),
        )
        .map(|birth| age_on(birth, heure_legale::vers_local(event.starts_at).date()));
    if let (Some(age), Some(min)) = (age, event.safety.min_age)
        && i64::from(age) < i64::from(min)
    {
        errors.add(
            "date_naissance",
            tr.tn(
                EvenementError::TooYoung.message_key(),
                "age",
                min.max(0) as u64,
            ),
        );
    }
    let is_minor = age.is_some_and(|a| a < AGE_OF_MAJORITY);
    let parent_email = if is_minor {
        if v.email_parent.trim().is_empty() {
            errors.add("email_parent", tr.t("inscription-field-parent-required"));
            None
        } else {
            let parent = errors.check(tr, "email_parent", Email::parse(&v.email_parent));
            if parent.is_some() && parent == email {
                errors.add("email_parent", tr.t("inscription-field-parent-same"));
            }
            parent
        }
    } else {
        None
    };
    match (nom, email, public, age) {
        (Some(nom), Some(email), Some(public), Some(_)) if errors.is_empty() => {
            Ok(NewInscription {
                evenement_id: event.id,
                user_id: me.map(|m| m.user.id),
                kind: InscriptionKind::Personne,
                nom,
                email,
                seats: 1,
                public,
                niveau: niveau.unwrap_or_default(),
                organisation_nom: organisation,
                is_minor,
                parent_email,
            })
        }
        _ => Err(errors),
    }
}

/// Validates a class registration by its teacher.
pub(crate) fn class(
    tr: &Tr,
    event: &Evenement,
    v: &ClassValues,
    me: &Identity,
) -> Result<NewInscription, FormErrors> {
    let mut errors = FormErrors::default();
    let classe = errors.check(tr, "classe", required_text(&v.classe, 120));
    let seats = errors.check(tr, "eleves", parse_class_size(&v.eleves, event.capacity));
    let public = errors.check(
        tr,
        "classe_public",
        Audience::parse(&v.public).map_err(|_| Key("inscription-field-public-invalid")),
    );
    let niveau = errors
        .check(tr, "classe_niveau", optional_text(&v.niveau, 120))
        .flatten();
    let organisation = errors.check(tr, "etablissement", required_text(&v.organisation, 200));
    if v.attestation != "oui" {
        errors.add(
            "attestation",
            tr.t("inscription-field-attestation-required"),
        );
    }
    match (classe, seats, public, organisation) {
        (Some(classe), Some(seats), Some(public), Some(organisation)) if errors.is_empty() => {
            Ok(NewInscription {
                evenement_id: event.id,
                user_id: Some(me.user.id),
                kind: InscriptionKind::Classe,
                nom: classe,
                email: me.user.email.clone(),
                seats,
                public,
                niveau: niveau.unwrap_or_default(),
                organisation_nom: Some(organisation),
                is_minor: matches!(public, Audience::Collegiens | Audience::Lyceens),
                parent_email: None,
            })
        }
        _ => Err(errors),
    }
}
