//! The network of establishments and experts (lever 6 of the campus's
//! plan): people of the partner organisations offer their time — a talk
//! in a class, a jury, a project's tutoring, a site visit, advice to a
//! young company — and teachers, companies and the campus team ask them.
//!
//! The path of a request, and where its rules live:
//!
//! 1. a person publishes an expert profile ([`profil`]): subjects
//!    ([`sujet`]: ROME domains and skills, equipment, keywords), kinds of
//!    intervention, languages ([`langue`]);
//! 2. a requester describes a need ([`demande`]); the platform proposes
//!    the best-matching experts ([`proposition`]);
//! 3. the requester sends it to at most [`MAX_DESTINATAIRES`] of them,
//!    within the sending limits that keep the directory from becoming a
//!    prospecting list ([`limites`]);
//! 4. each expert accepts or declines ([`EtatReponse`]); one who stays
//!    silent is reminded after five working days, and the campus team is
//!    told five working days later ([`relances`], counting French working
//!    days with [`jours_ouvres`]).
//!
//! Nothing here reads the clock or the store: « today » and the counts
//! come from the caller.
//!
//! # Message keys
//!
//! Labels of the closed lists: `expert-offre-intervention_classe`,
//! `expert-offre-jury`, `expert-offre-tutorat_projet`,
//! `expert-offre-accueil_visite`, `expert-offre-conseil_startup`;
//! `expert-etat-actif`, `expert-etat-en_pause`, `expert-etat-retire`;
//! `expert-sujet-domaine`, `expert-sujet-competence`,
//! `expert-sujet-equipement`, `expert-sujet-mot_cle`;
//! `demande-public-collegiens`, `demande-public-lyceens`,
//! `demande-public-etudiants`, `demande-public-apprentis`,
//! `demande-public-salaries`, `demande-public-enseignants`,
//! `demande-public-grand_public`; `demande-reponse-envoyee`,
//! `demande-reponse-acceptee`, `demande-reponse-declinee`,
//! `demande-reponse-annulee`; `demande-action-accepter`,
//! `demande-action-decliner`, `demande-action-annuler`.
//!
//! Errors of a profile: `expert-error-titre-longueur`,
//! `expert-error-presentation-trop-longue`,
//! `expert-error-disponibilite-trop-longue`,
//! `expert-error-caracteres-interdits`, `expert-error-sujet-type-inconnu`,
//! `expert-error-sujet-domaine`, `expert-error-sujet-competence`,
//! `expert-error-sujet-equipement`, `expert-error-sujet-mot-cle`,
//! `expert-error-sujets-manquants`, `expert-error-sujets-trop-nombreux`,
//! `expert-error-offre-inconnue`, `expert-error-offres-manquantes`,
//! `expert-error-langue-inconnue`, `expert-error-langues-manquantes`,
//! `expert-error-langues-trop-nombreuses`.
//!
//! Errors of a request: `demande-error-sujet-longueur`,
//! `demande-error-offre-inconnue`, `demande-error-public-inconnu`,
//! `demande-error-date-invalide`, `demande-error-debut-passe`,
//! `demande-error-debut-trop-lointain`, `demande-error-fin-avant-debut`,
//! `demande-error-fin-trop-lointaine`, `demande-error-lieu-trop-long`,
//! `demande-error-message-longueur`, `demande-error-caracteres-interdits`,
//! `demande-error-destinataires-aucun`, `demande-error-destinataires-trop`,
//! `demande-error-reponse-close`, `demande-error-limite` (arguments
//! `$limite`, `$jours`, `$restant`).
//!
//! Reasons of a proposal: `expert-raison-sujets` (`$count`),
//! `expert-raison-autre-organisation`, `expert-raison-distance` (`$km`),
//! `expert-raison-demandes` (`$count`).
//!
//! Their French text, ready for a `.ftl` file, is `traductions.rs`,
//! whose tests check it against the code and this list.

pub mod demande;
pub mod jours_ouvres;
pub mod langue;
pub mod limites;
pub mod profil;
pub mod proposition;
pub mod relances;
pub mod sujet;
#[cfg(test)]
mod traductions;

pub use demande::{
    ActionReponse, DemandeError, DestinatairesError, EtatReponse, MAX_DESTINATAIRES,
    NouvelleDemande, PublicDemande, SaisieDemande, TransitionError, verifier_destinataires,
};
pub use langue::{Langue, LangueError};
pub use limites::{LimiteAtteinte, Quota};
pub use profil::{EtatProfil, OffreExpert, ProfilError, ProfilExpert, SaisieProfil};
pub use proposition::{Besoin, Candidat, Proposition, Raison, proposer};
pub use relances::Suivi;
pub use sujet::{SujetError, SujetExpert};
