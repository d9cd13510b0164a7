//! The French text of every message key of the module, in the syntax of
//! the translation files, checked against the keys the code gives: a key
//! added in the code and forgotten here fails the tests. Compiled for the
//! tests only: the web crate's translation files are the ones read.

use std::collections::BTreeSet;

use super::*;

/// To copy into `locales/fr/*.ftl`.
pub const FTL_FR: &str = r#"
expert-offre-intervention_classe = Intervention en classe
expert-offre-jury = Participation à un jury
expert-offre-tutorat_projet = Tutorat de projet
expert-offre-accueil_visite = Accueil d'une visite sur site
expert-offre-conseil_startup = Conseil à une jeune entreprise
expert-etat-actif = Reçoit des demandes
expert-etat-en_pause = En pause
expert-etat-retire = Retiré du réseau
expert-sujet-domaine = Domaine professionnel (ROME)
expert-sujet-competence = Compétence (ROME)
expert-sujet-equipement = Équipement de la plateforme
expert-sujet-mot_cle = Mot-clé
expert-error-titre-longueur = Le titre compte de 3 à 120 caractères.
expert-error-presentation-trop-longue = La présentation accepte au plus 2 000 caractères.
expert-error-disponibilite-trop-longue = Les disponibilités acceptent au plus 300 caractères.
expert-error-caracteres-interdits = Ce champ contient des caractères invisibles non acceptés.
expert-error-sujet-type-inconnu = Choisissez le type du sujet.
expert-error-sujet-domaine = Un domaine professionnel s'écrit avec une lettre de A à N suivie de deux chiffres, par exemple H33.
expert-error-sujet-competence = Un code de compétence du ROME compte de 1 à 10 chiffres.
expert-error-sujet-equipement = Choisissez un équipement de la plateforme dans la liste.
expert-error-sujet-mot-cle = Un mot-clé compte de 2 à 60 caractères.
expert-error-sujets-manquants = Indiquez au moins un sujet sur lequel on peut vous solliciter.
expert-error-sujets-trop-nombreux = Indiquez au plus 20 sujets : les plus proches de votre expertise.
expert-error-offre-inconnue = Type d'intervention inconnu : choisissez-le dans la liste.
expert-error-offres-manquantes = Choisissez au moins un type d'intervention.
expert-error-langue-inconnue = Langue inconnue : indiquez-la par son code à deux lettres (fr, en, de…).
expert-error-langues-manquantes = Indiquez au moins une langue.
expert-error-langues-trop-nombreuses = Indiquez au plus 8 langues.
expert-raison-sujets = { $count ->
    [one] { $count } sujet en commun
   *[other] { $count } sujets en commun
}
expert-raison-autre-organisation = d'une autre organisation que la vôtre
expert-raison-distance = { $km ->
    [0] à moins d'un kilomètre
   *[other] à { $km } km
}
expert-raison-demandes = { $count ->
    [one] { $count } demande en cours
   *[other] { $count } demandes en cours
}
demande-public-collegiens = Collégien·nes
demande-public-lyceens = Lycéen·nes
demande-public-etudiants = Étudiant·es
demande-public-apprentis = Apprenti·es
demande-public-salaries = Salarié·es
demande-public-enseignants = Enseignant·es
demande-public-grand_public = Grand public
demande-reponse-envoyee = En attente de réponse
demande-reponse-acceptee = Acceptée
demande-reponse-declinee = Déclinée
demande-reponse-annulee = Annulée
demande-action-accepter = Accepter la demande
demande-action-decliner = Décliner la demande
demande-action-annuler = Annuler la demande
demande-error-sujet-longueur = Le sujet de la demande compte de 3 à 200 caractères.
demande-error-offre-inconnue = Choisissez le type d'intervention demandé.
demande-error-public-inconnu = Choisissez le public concerné.
demande-error-date-invalide = Date invalide : utilisez le format AAAA-MM-JJ.
demande-error-debut-passe = La date de début est déjà passée.
demande-error-debut-trop-lointain = La date de début est à plus d'un an : une demande se prépare dans l'année.
demande-error-fin-avant-debut = La date de fin ne peut pas précéder la date de début.
demande-error-fin-trop-lointaine = La période proposée dure 90 jours au plus.
demande-error-lieu-trop-long = Le lieu accepte au plus 200 caractères.
demande-error-message-longueur = Le message compte de 10 à 2 000 caractères : décrivez votre besoin.
demande-error-caracteres-interdits = Ce champ contient des caractères invisibles non acceptés.
demande-error-destinataires-aucun = Choisissez au moins un expert.
demande-error-destinataires-trop = Une demande est envoyée à trois experts au plus.
demande-error-reponse-close = Cette demande n'attend plus de réponse : elle a déjà été acceptée, déclinée ou annulée.
demande-error-limite = { $restant ->
    [0] Vous avez atteint la limite de { $limite } experts contactés sur { $jours } jours glissants : réessayez dans quelques jours.
   *[other] Vous pouvez contacter au plus { $limite } experts sur { $jours } jours glissants ; il vous en reste { $restant }.
}
"#;

/// The messages of the FTL text, by key.
fn messages() -> Vec<(&'static str, String)> {
    let mut messages: Vec<(&str, String)> = Vec::new();
    for line in FTL_FR.lines() {
        let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase());
        match (starts_message, line.split_once(" = "), messages.last_mut()) {
            (true, Some((key, value)), _) => messages.push((key, value.to_owned())),
            (false, _, Some((_, value))) => value.push_str(line),
            _ => {}
        }
    }
    messages
}

/// Every key the module's code gives.
fn keys_of_the_code() -> BTreeSet<&'static str> {
    let mut keys = BTreeSet::new();
    keys.extend(OffreExpert::all().map(OffreExpert::label_key));
    keys.extend(EtatProfil::all().map(EtatProfil::label_key));
    keys.extend(PublicDemande::all().map(PublicDemande::label_key));
    keys.extend(EtatReponse::all().map(EtatReponse::label_key));
    keys.extend(ActionReponse::all().map(ActionReponse::label_key));
    keys.extend([
        SujetExpert::Domaine(String::new()).label_key(),
        SujetExpert::Competence(String::new()).label_key(),
        SujetExpert::Equipement(String::new()).label_key(),
        SujetExpert::MotCle(String::new()).label_key(),
    ]);
    let sujet = [
        SujetError::TypeInconnu,
        SujetError::Domaine,
        SujetError::Competence,
        SujetError::Equipement,
        SujetError::MotCle,
    ];
    keys.extend(sujet.iter().map(SujetError::message_key));
    let profil = [
        ProfilError::TitreLongueur,
        ProfilError::PresentationTropLongue,
        ProfilError::DisponibiliteTropLongue,
        ProfilError::CaracteresInterdits,
        ProfilError::SujetsManquants,
        ProfilError::SujetsTropNombreux,
        ProfilError::OffreInconnue,
        ProfilError::OffresManquantes,
        ProfilError::LangueInconnue,
        ProfilError::LanguesManquantes,
        ProfilError::LanguesTropNombreuses,
    ];
    keys.extend(profil.iter().map(ProfilError::message_key));
    keys.insert(LangueError.message_key());
    let demande = [
        DemandeError::SujetLongueur,
        DemandeError::OffreInconnue,
        DemandeError::PublicInconnu,
        DemandeError::DateInvalide,
        DemandeError::DebutPasse,
        DemandeError::DebutTropLointain,
        DemandeError::FinAvantDebut,
        DemandeError::FinTropLointaine,
        DemandeError::LieuTropLong,
        DemandeError::MessageLongueur,
        DemandeError::CaracteresInterdits,
    ];
    keys.extend(demande.iter().map(DemandeError::message_key));
    keys.extend([
        DestinatairesError::Aucun.message_key(),
        DestinatairesError::Trop.message_key(),
    ]);
    let transition = TransitionError {
        etat: EtatReponse::Acceptee,
        action: ActionReponse::Annuler,
    };
    keys.insert(transition.message_key());
    keys.insert(
        LimiteAtteinte {
            limite: 6,
            jours: 7,
            restant: 0,
        }
        .message_key(),
    );
    keys.extend(raisons().iter().map(Raison::message_key));
    keys
}

fn raisons() -> [Raison; 4] {
    [
        Raison::SujetsCommuns(2),
        Raison::AutreOrganisation,
        Raison::Distance { km: 12 },
        Raison::DemandesEnCours(1),
    ]
}

#[test]
fn every_key_has_its_french_text_and_no_other() {
    let messages = messages();
    let written: BTreeSet<&str> = messages.iter().map(|(k, _)| *k).collect();
    assert_eq!(written.len(), messages.len(), "a key written twice");
    assert_eq!(written, keys_of_the_code());
    for (key, value) in &messages {
        assert!(!value.trim().is_empty(), "{key}");
    }
}

#[test]
fn arguments_are_the_ones_the_code_gives() {
    let messages = messages();
    let text = |key: &str| {
        messages
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    for raison in raisons() {
        if let Some((name, _)) = raison.argument() {
            assert!(text(raison.message_key()).contains(&format!("${name}")));
        }
    }
    let limite = text("demande-error-limite");
    for name in ["$limite", "$jours", "$restant"] {
        assert!(limite.contains(name));
    }
}

#[test]
fn the_module_documentation_lists_every_key() {
    let doc = include_str!("mod.rs");
    for key in keys_of_the_code() {
        assert!(
            doc.contains(&format!("`{key}`")),
            "{key} missing from mod.rs"
        );
    }
}
