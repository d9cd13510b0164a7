//! A request to the network's experts, and each recipient's answer.
//!
//! A teacher, a company or the campus team describes what they need —
//! what about, which kind of intervention, for whom, between which dates,
//! where — and sends it to at most [`MAX_DESTINATAIRES`] experts. Each
//! recipient's answer is its own small state machine:
//!
//! ```text
//! envoyée ─▶ acceptée   (by the expert)
//!         ─▶ déclinée   (by the expert)
//!         ─▶ annulée    (by the requester: the need is met, or gone)
//! ```
//!
//! Every answer is final: an expert who accepted and can no longer come
//! says so to the requester, whose contact they now have; a changed mind
//! on the platform would leave a class waiting for someone the platform
//! still shows as coming. Each action starts from `envoyée` only, so that
//! the data layer applies it as one conditional update and an acceptance
//! racing a cancellation cannot both succeed.

use chrono::{Days, NaiveDate};

use super::profil::OffreExpert;
use crate::TextError;
use crate::role::closed_list;

/// Most experts one request is sent to, over its whole life.
pub const MAX_DESTINATAIRES: usize = 3;
/// Shortest subject of a request, in characters.
pub const SUJET_MIN: usize = 3;
/// Longest subject.
pub const SUJET_MAX: usize = 200;
/// Longest place.
pub const LIEU_MAX: usize = 200;
/// Shortest message: « Bonjour » says nothing of the need.
pub const MESSAGE_MIN: usize = 10;
/// Longest message.
pub const MESSAGE_MAX: usize = 2000;
/// Farthest start of a request after the day it is written: further, no
/// expert can commit, and the request would wait unanswered.
pub const DEBUT_MAX_JOURS: u64 = 365;
/// Longest span between a request's first and last day: a school term.
pub const DUREE_MAX_JOURS: u64 = 90;

closed_list!(
    /// Whom the intervention is for: it tells the expert how to speak,
    /// and whether minors are there.
    PublicDemande, "demande-public-", {
        Collegiens => "collegiens",
        Lyceens => "lyceens",
        Etudiants => "etudiants",
        Apprentis => "apprentis",
        Salaries => "salaries",
        Enseignants => "enseignants",
        GrandPublic => "grand_public",
    }
);

impl PublicDemande {
    /// Whether the group may count minors: pupils, and apprentices, who
    /// start from 15 or 16 in a CAP. The expert is told, and meets them
    /// with a teacher present (the rule of school visits); counting adult
    /// apprentices in costs a line of text, missing a minor costs more.
    pub fn mineurs(self) -> bool {
        matches!(
            self,
            PublicDemande::Collegiens | PublicDemande::Lyceens | PublicDemande::Apprentis
        )
    }
}

/// Why a field of a request was refused. Each has a message key in the
/// translation files (`demande-error-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DemandeError {
    #[error("le sujet compte de 3 à 200 caractères")]
    SujetLongueur,
    #[error("type d'intervention inconnu")]
    OffreInconnue,
    #[error("public inconnu")]
    PublicInconnu,
    #[error("date invalide")]
    DateInvalide,
    #[error("début dans le passé")]
    DebutPasse,
    #[error("début à plus d'un an")]
    DebutTropLointain,
    #[error("fin avant le début")]
    FinAvantDebut,
    #[error("fin à plus de 90 jours du début")]
    FinTropLointaine,
    #[error("lieu trop long (200 caractères au plus)")]
    LieuTropLong,
    #[error("le message compte de 10 à 2 000 caractères")]
    MessageLongueur,
    #[error("caractères de contrôle interdits")]
    CaracteresInterdits,
}

impl DemandeError {
    pub fn message_key(&self) -> &'static str {
        match self {
            DemandeError::SujetLongueur => "demande-error-sujet-longueur",
            DemandeError::OffreInconnue => "demande-error-offre-inconnue",
            DemandeError::PublicInconnu => "demande-error-public-inconnu",
            DemandeError::DateInvalide => "demande-error-date-invalide",
            DemandeError::DebutPasse => "demande-error-debut-passe",
            DemandeError::DebutTropLointain => "demande-error-debut-trop-lointain",
            DemandeError::FinAvantDebut => "demande-error-fin-avant-debut",
            DemandeError::FinTropLointaine => "demande-error-fin-trop-lointaine",
            DemandeError::LieuTropLong => "demande-error-lieu-trop-long",
            DemandeError::MessageLongueur => "demande-error-message-longueur",
            DemandeError::CaracteresInterdits => "demande-error-caracteres-interdits",
        }
    }
}

/// A request's fields as typed, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieDemande {
    /// What the request is about: « Les métiers de la parfumerie, pour une
    /// classe de seconde ».
    pub sujet: String,
    /// A value of [`OffreExpert`].
    pub offre: String,
    /// A value of [`PublicDemande`].
    pub public: String,
    /// First possible day, `AAAA-MM-JJ`.
    pub debut: String,
    /// Last possible day, `AAAA-MM-JJ`; empty for the first day only.
    pub fin: String,
    /// Empty for an intervention at a distance.
    pub lieu: String,
    pub message: String,
}

/// The checked fields of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleDemande {
    pub sujet: String,
    pub offre: OffreExpert,
    pub public: PublicDemande,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
    /// `None`: at a distance.
    pub lieu: Option<String>,
    pub message: String,
}

/// One refused field: its name in the form and the API, and why.
pub type ChampRefuse = (&'static str, DemandeError);

impl NouvelleDemande {
    /// Whether the intervention takes place at a distance.
    pub fn a_distance(&self) -> bool {
        self.lieu.is_none()
    }

    /// Checks every field, then the dates against today and each other.
    /// Every refused field is reported, so that a form shows all its
    /// errors at once.
    pub fn parse(s: &SaisieDemande, today: NaiveDate) -> Result<NouvelleDemande, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let sujet = parse_sujet(&s.sujet)
            .map_err(|e| refused.push(("sujet", e)))
            .ok();
        let offre = OffreExpert::parse(&s.offre)
            .map_err(|_| refused.push(("offre", DemandeError::OffreInconnue)))
            .ok();
        let public = PublicDemande::parse(&s.public)
            .map_err(|_| refused.push(("public", DemandeError::PublicInconnu)))
            .ok();
        let debut = parse_date(&s.debut)
            .map_err(|e| refused.push(("debut", e)))
            .ok();
        // A start in the past still bounds the end: both errors are said.
        if let Some(debut) = debut
            && let Err(e) = check_debut(debut, today)
        {
            refused.push(("debut", e));
        }
        let fin = if s.fin.trim().is_empty() {
            debut
        } else {
            parse_date(&s.fin)
                .and_then(|fin| match debut {
                    Some(debut) => check_fin(debut, fin).map(|()| fin),
                    None => Ok(fin),
                })
                .map_err(|e| refused.push(("fin", e)))
                .ok()
        };
        let lieu = crate::optional_text(&s.lieu, LIEU_MAX)
            .map_err(|e| refused.push(("lieu", text_error(e, DemandeError::LieuTropLong))))
            .ok();
        let message = parse_message(&s.message)
            .map_err(|e| refused.push(("message", e)))
            .ok();
        match (sujet, offre, public, debut, fin, lieu, message) {
            (
                Some(sujet),
                Some(offre),
                Some(public),
                Some(debut),
                Some(fin),
                Some(lieu),
                Some(message),
            ) if refused.is_empty() => Ok(NouvelleDemande {
                sujet,
                offre,
                public,
                debut,
                fin,
                lieu,
                message,
            }),
            _ => Err(refused),
        }
    }
}

/// A date as forms and the API write it (`AAAA-MM-JJ`).
pub fn parse_date(input: &str) -> Result<NaiveDate, DemandeError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| DemandeError::DateInvalide)
}

/// The first day is today at the earliest and within
/// [`DEBUT_MAX_JOURS`].
pub fn check_debut(debut: NaiveDate, today: NaiveDate) -> Result<(), DemandeError> {
    if debut < today {
        return Err(DemandeError::DebutPasse);
    }
    let limit = today
        .checked_add_days(Days::new(DEBUT_MAX_JOURS))
        .unwrap_or(NaiveDate::MAX);
    if debut > limit {
        return Err(DemandeError::DebutTropLointain);
    }
    Ok(())
}

/// The last day is the first or later, within [`DUREE_MAX_JOURS`].
pub fn check_fin(debut: NaiveDate, fin: NaiveDate) -> Result<(), DemandeError> {
    if fin < debut {
        return Err(DemandeError::FinAvantDebut);
    }
    let limit = debut
        .checked_add_days(Days::new(DUREE_MAX_JOURS))
        .unwrap_or(NaiveDate::MAX);
    if fin > limit {
        return Err(DemandeError::FinTropLointaine);
    }
    Ok(())
}

fn text_error(e: TextError, longueur: DemandeError) -> DemandeError {
    match e {
        TextError::ControlChars => DemandeError::CaracteresInterdits,
        TextError::Empty | TextError::TooLong { .. } => longueur,
    }
}

/// A required text of `min` to `max` characters.
fn bounded(
    input: &str,
    min: usize,
    max: usize,
    longueur: DemandeError,
) -> Result<String, DemandeError> {
    match crate::required_text(input, max) {
        Ok(text) if text.chars().count() >= min => Ok(text),
        Ok(_) => Err(longueur),
        Err(e) => Err(text_error(e, longueur)),
    }
}

fn parse_sujet(input: &str) -> Result<String, DemandeError> {
    bounded(input, SUJET_MIN, SUJET_MAX, DemandeError::SujetLongueur)
}

fn parse_message(input: &str) -> Result<String, DemandeError> {
    bounded(
        input,
        MESSAGE_MIN,
        MESSAGE_MAX,
        DemandeError::MessageLongueur,
    )
}

/// Why recipients cannot be added to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DestinatairesError {
    #[error("aucun expert choisi")]
    Aucun,
    #[error("une demande est envoyée à 3 experts au plus")]
    Trop,
}

impl DestinatairesError {
    pub fn message_key(&self) -> &'static str {
        match self {
            DestinatairesError::Aucun => "demande-error-destinataires-aucun",
            DestinatairesError::Trop => "demande-error-destinataires-trop",
        }
    }
}

/// Whether `ajout` more experts may receive a request already sent to
/// `deja`. `deja` counts every recipient the request was ever sent to,
/// whatever their answer: a request must not go round the whole network
/// three experts at a time (the prospecting [`super::limites`] guards
/// against); after three refusals the campus team, which follows the
/// request, finds someone.
pub fn verifier_destinataires(deja: usize, ajout: usize) -> Result<(), DestinatairesError> {
    if ajout == 0 {
        return Err(DestinatairesError::Aucun);
    }
    if deja.saturating_add(ajout) > MAX_DESTINATAIRES {
        return Err(DestinatairesError::Trop);
    }
    Ok(())
}

closed_list!(
    /// Where one recipient's answer to a request stands.
    EtatReponse, "demande-reponse-", {
        /// Sent, waiting for the expert.
        Envoyee => "envoyee",
        Acceptee => "acceptee",
        Declinee => "declinee",
        /// Withdrawn by the requester before the expert answered.
        Annulee => "annulee",
    }
);

closed_list!(
    /// What someone does to a recipient's request.
    ActionReponse, "demande-action-", {
        /// The expert accepts.
        Accepter => "accepter",
        /// The expert declines.
        Decliner => "decliner",
        /// The requester withdraws it.
        Annuler => "annuler",
    }
);

impl ActionReponse {
    /// The one state every action starts from.
    pub const SOURCE: EtatReponse = EtatReponse::Envoyee;

    /// The state the action leads to.
    pub fn target(self) -> EtatReponse {
        match self {
            ActionReponse::Accepter => EtatReponse::Acceptee,
            ActionReponse::Decliner => EtatReponse::Declinee,
            ActionReponse::Annuler => EtatReponse::Annulee,
        }
    }

    /// Whether the expert, rather than the requester, takes the action.
    pub fn par_expert(self) -> bool {
        self != ActionReponse::Annuler
    }
}

/// An action on an answer that no longer waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("la demande n'attend plus de réponse (état : {})", .etat.as_str())]
pub struct TransitionError {
    pub etat: EtatReponse,
    pub action: ActionReponse,
}

impl TransitionError {
    pub fn message_key(&self) -> &'static str {
        "demande-error-reponse-close"
    }
}

impl EtatReponse {
    /// Whether the expert has still to answer.
    pub fn en_attente(self) -> bool {
        self == EtatReponse::Envoyee
    }

    /// The state after `action`; only a request still waiting moves.
    pub fn apply(self, action: ActionReponse) -> Result<EtatReponse, TransitionError> {
        if self == ActionReponse::SOURCE {
            Ok(action.target())
        } else {
            Err(TransitionError { etat: self, action })
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn saisie() -> SaisieDemande {
        SaisieDemande {
            sujet: "Les métiers de la parfumerie".into(),
            offre: "intervention_classe".into(),
            public: "lyceens".into(),
            debut: "2027-01-11".into(),
            fin: "2027-02-05".into(),
            lieu: " Lycée Jean-Zay, Orléans ".into(),
            message: "Une heure avec deux classes de seconde STL.".into(),
        }
    }

    #[test]
    fn a_valid_request() {
        let d = NouvelleDemande::parse(&saisie(), day("2026-12-01")).unwrap();
        assert_eq!(d.offre, OffreExpert::InterventionClasse);
        assert_eq!(d.public, PublicDemande::Lyceens);
        assert_eq!((d.debut, d.fin), (day("2027-01-11"), day("2027-02-05")));
        assert_eq!(d.lieu.as_deref(), Some("Lycée Jean-Zay, Orléans"));
        assert!(!d.a_distance());

        let remote = SaisieDemande {
            lieu: "  ".into(),
            fin: String::new(),
            ..saisie()
        };
        let d = NouvelleDemande::parse(&remote, day("2027-01-11")).unwrap();
        assert!(d.a_distance());
        assert_eq!(d.fin, d.debut);
    }

    #[test]
    fn every_refused_field_is_reported() {
        let s = SaisieDemande {
            sujet: "RH".into(),
            offre: "cafe".into(),
            public: "retraites".into(),
            debut: "2026-11-30".into(),
            fin: "demain".into(),
            lieu: "x".repeat(201),
            message: "Bonjour".into(),
        };
        let refused = NouvelleDemande::parse(&s, day("2026-12-01")).unwrap_err();
        assert_eq!(
            refused,
            [
                ("sujet", DemandeError::SujetLongueur),
                ("offre", DemandeError::OffreInconnue),
                ("public", DemandeError::PublicInconnu),
                ("debut", DemandeError::DebutPasse),
                ("fin", DemandeError::DateInvalide),
                ("lieu", DemandeError::LieuTropLong),
                ("message", DemandeError::MessageLongueur),
            ]
        );
    }

    #[test]
    fn dates_have_bounds() {
        let today = day("2027-03-01");
        let refused = |debut: &str, fin: &str| {
            let s = SaisieDemande {
                debut: debut.into(),
                fin: fin.into(),
                ..saisie()
            };
            NouvelleDemande::parse(&s, today).err().unwrap_or_default()
        };
        assert_eq!(refused("2027-03-01", "2027-03-01"), []);
        assert_eq!(refused("2028-02-29", "2028-05-29"), []);
        assert_eq!(
            refused("2028-03-01", "2028-03-02"),
            [("debut", DemandeError::DebutTropLointain)]
        );
        assert_eq!(
            refused("2027-04-01", "2027-03-31"),
            [("fin", DemandeError::FinAvantDebut)]
        );
        assert_eq!(
            refused("2027-04-01", "2027-06-31"),
            [("fin", DemandeError::DateInvalide)]
        );
        assert_eq!(
            refused("2027-04-01", "2027-07-01"),
            [("fin", DemandeError::FinTropLointaine)]
        );
        assert_eq!(refused("2027-04-01", "2027-06-30"), []);
        // A start in the past and an end too far are both said.
        assert_eq!(
            refused("2027-02-01", "2027-06-01"),
            [
                ("debut", DemandeError::DebutPasse),
                ("fin", DemandeError::FinTropLointaine)
            ]
        );
    }

    #[test]
    fn at_most_three_recipients_in_all() {
        assert_eq!(verifier_destinataires(0, 3), Ok(()));
        assert_eq!(verifier_destinataires(2, 1), Ok(()));
        assert_eq!(verifier_destinataires(0, 0), Err(DestinatairesError::Aucun));
        assert_eq!(verifier_destinataires(3, 0), Err(DestinatairesError::Aucun));
        assert_eq!(verifier_destinataires(0, 4), Err(DestinatairesError::Trop));
        assert_eq!(verifier_destinataires(2, 2), Err(DestinatairesError::Trop));
        assert_eq!(
            verifier_destinataires(usize::MAX, 1),
            Err(DestinatairesError::Trop)
        );
    }

    #[test]
    fn only_a_waiting_answer_moves() {
        use ActionReponse::*;
        use EtatReponse::*;
        assert_eq!(Envoyee.apply(Accepter), Ok(Acceptee));
        assert_eq!(Envoyee.apply(Decliner), Ok(Declinee));
        assert_eq!(Envoyee.apply(Annuler), Ok(Annulee));
        for etat in [Acceptee, Declinee, Annulee] {
            assert!(!etat.en_attente());
            for action in ActionReponse::all() {
                assert_eq!(etat.apply(action), Err(TransitionError { etat, action }));
            }
        }
        assert!(Accepter.par_expert() && !Annuler.par_expert());
        assert_eq!(
            Acceptee.apply(Annuler).unwrap_err().to_string(),
            "la demande n'attend plus de réponse (état : acceptee)"
        );
    }

    #[test]
    fn publics() {
        for p in PublicDemande::all() {
            assert_eq!(PublicDemande::parse(p.as_str()), Ok(p));
        }
        assert!(PublicDemande::Collegiens.mineurs());
        assert!(PublicDemande::Apprentis.mineurs());
        assert!(!PublicDemande::Etudiants.mineurs());
        assert!(!PublicDemande::GrandPublic.mineurs());
        assert_eq!(
            PublicDemande::GrandPublic.label_key(),
            "demande-public-grand_public"
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_keeps_the_bounds(
            sujet in "\\PC{0,210}",
            offre in "\\PC{0,20}",
            public in prop::sample::select(vec!["lyceens", "salaries", "", "tous"]),
            debut in 0i64..500,
            fin in -5i64..120,
            garbled in any::<bool>(),
            lieu in "\\PC{0,210}",
            message in "\\PC{0,30}",
        ) {
            let today = day("2027-01-01");
            let debut_date = today + chrono::Duration::days(debut - 10);
            let fin_date = debut_date + chrono::Duration::days(fin);
            let s = SaisieDemande {
                sujet,
                offre,
                public: public.to_owned(),
                debut: debut_date.to_string(),
                fin: if garbled { "2027-02-30".into() } else { fin_date.to_string() },
                lieu,
                message,
            };
            match NouvelleDemande::parse(&s, today) {
                Ok(d) => {
                    prop_assert!(d.debut >= today);
                    prop_assert!(d.fin >= d.debut);
                    prop_assert!((d.fin - d.debut).num_days() <= 90);
                    prop_assert!((d.debut - today).num_days() <= 365);
                    prop_assert!((MESSAGE_MIN..=MESSAGE_MAX).contains(&d.message.chars().count()));
                }
                Err(refused) => prop_assert!(!refused.is_empty()),
            }
        }

        #[test]
        fn raw_text_never_panics(d in "\\PC{0,12}", f in "\\PC{0,12}") {
            let s = SaisieDemande { debut: d, fin: f, ..saisie() };
            let _ = NouvelleDemande::parse(&s, day("2027-01-01"));
        }

        #[test]
        fn recipients_never_exceed_three(deja in 0usize..10, ajout in 0usize..10) {
            if verifier_destinataires(deja, ajout).is_ok() {
                prop_assert!(ajout > 0 && deja + ajout <= MAX_DESTINATAIRES);
            }
        }
    }
}
