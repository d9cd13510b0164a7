//! On-demand training modules (modules à la demande): a company asks for a
//! training, the campus team routes the request to partner trainers, a
//! trainer proposes, the company decides, and an accepted module becomes a
//! session of the catalogue.
//!
//! The life of a request is a closed state machine. Each transition names
//! the states it may start from, so that the data layer can apply it as one
//! conditional update (`… WHERE etat IN (sources)`): two people acting at
//! once on the same request cannot both succeed.

use chrono::NaiveDate;

use crate::formacode::CodeFormacode;
use crate::{Centimes, Email, MontantError};

/// Why a value of a module request or proposal was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModuleError {
    #[error("date invalide")]
    DateInvalide,
    #[error("date dans le passé")]
    DatePassee,
    #[error("fin avant le début")]
    FinAvantDebut,
    #[error("nombre invalide")]
    NombreInvalide,
    #[error("au moins un stagiaire")]
    StagiairesNonPositif,
    #[error("trop de stagiaires")]
    TropDeStagiaires,
    #[error("montant invalide")]
    MontantInvalide,
    #[error("montant négatif")]
    MontantNegatif,
    #[error("durée invalide")]
    DureeInvalide,
    #[error("code Formacode invalide")]
    FormacodeInvalide,
    #[error("code de compétence invalide")]
    CompetenceInvalide,
    #[error("trop de thèmes")]
    TropDeSujets,
    #[error("aucun thème")]
    SujetManquant,
    #[error("numéro de déclaration d'activité invalide")]
    NumeroActiviteInvalide,
    #[error("lieu inconnu")]
    LieuInvalide,
    #[error("ligne {ligne} de la liste des stagiaires invalide")]
    LigneStagiaire { ligne: usize },
    #[error("stagiaire en double à la ligne {ligne}")]
    StagiaireEnDouble { ligne: usize },
    #[error("liste des stagiaires vide")]
    ListeVide,
}

impl ModuleError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ModuleError::DateInvalide => "module-date-invalide",
            ModuleError::DatePassee => "module-date-passee",
            ModuleError::FinAvantDebut => "module-fin-avant-debut",
            ModuleError::NombreInvalide => "module-nombre-invalide",
            ModuleError::StagiairesNonPositif => "module-stagiaires-non-positif",
            ModuleError::TropDeStagiaires => "module-trop-de-stagiaires",
            ModuleError::MontantInvalide => "module-montant-invalide",
            ModuleError::MontantNegatif => "module-montant-negatif",
            ModuleError::DureeInvalide => "module-duree-invalide",
            ModuleError::FormacodeInvalide => "module-formacode-invalide",
            ModuleError::CompetenceInvalide => "module-competence-invalide",
            ModuleError::TropDeSujets => "module-trop-de-sujets",
            ModuleError::SujetManquant => "module-sujet-manquant",
            ModuleError::NumeroActiviteInvalide => "module-numero-activite-invalide",
            ModuleError::LieuInvalide => "module-lieu-invalide",
            ModuleError::LigneStagiaire { .. } => "module-ligne-stagiaire",
            ModuleError::StagiaireEnDouble { .. } => "module-stagiaire-en-double",
            ModuleError::ListeVide => "module-liste-vide",
        }
    }

    /// The line of the trainee list concerned, for the messages that name it.
    pub fn ligne(&self) -> Option<usize> {
        match self {
            ModuleError::LigneStagiaire { ligne } | ModuleError::StagiaireEnDouble { ligne } => {
                Some(*ligne)
            }
            _ => None,
        }
    }
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EtatDemande {
    /// Sent by the company, waiting for the campus team.
    Demandee,
    /// Sent to one or more trainers, none has proposed yet.
    Orientee,
    /// At least one proposal waits for the company's decision.
    Proposee,
    Acceptee,
    /// The company declined the proposals; the request is closed.
    Refusee,
    /// Published in the catalogue as a session.
    Programmee,
    Realisee,
    Annulee,
}

impl EtatDemande {
    pub const ALL: [EtatDemande; 8] = [
        EtatDemande::Demandee,
        EtatDemande::Orientee,
        EtatDemande::Proposee,
        EtatDemande::Acceptee,
        EtatDemande::Refusee,
        EtatDemande::Programmee,
        EtatDemande::Realisee,
        EtatDemande::Annulee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EtatDemande::Demandee => "demandee",
            EtatDemande::Orientee => "orientee",
            EtatDemande::Proposee => "proposee",
            EtatDemande::Acceptee => "acceptee",
            EtatDemande::Refusee => "refusee",
            EtatDemande::Programmee => "programmee",
            EtatDemande::Realisee => "realisee",
            EtatDemande::Annulee => "annulee",
        }
    }

    pub fn parse(value: &str) -> Option<EtatDemande> {
        EtatDemande::ALL.into_iter().find(|e| e.as_str() == value)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            EtatDemande::Demandee => "module-etat-demandee",
            EtatDemande::Orientee => "module-etat-orientee",
            EtatDemande::Proposee => "module-etat-proposee",
            EtatDemande::Acceptee => "module-etat-acceptee",
            EtatDemande::Refusee => "module-etat-refusee",
            EtatDemande::Programmee => "module-etat-programmee",
            EtatDemande::Realisee => "module-etat-realisee",
            EtatDemande::Annulee => "module-etat-annulee",
        }
    }

    /// Whether nothing can happen to the request any more.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            EtatDemande::Refusee | EtatDemande::Realisee | EtatDemande::Annulee
        )
    }
}

/// What someone does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transition {
    /// The campus team sends the request to trainers (again, to add some).
    Orienter,
    /// A trainer proposes or revises a proposal.
    Proposer,
    Accepter,
    Refuser,
    /// The company lists (or corrects) its trainees.
    Inscrire,
    /// The campus team publishes the accepted module in the catalogue.
    Programmer,
    Terminer,
    Annuler,
}

impl Transition {
    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Orienter => "orienter",
            Transition::Proposer => "proposer",
            Transition::Accepter => "accepter",
            Transition::Refuser => "refuser",
            Transition::Inscrire => "inscrire",
            Transition::Programmer => "programmer",
            Transition::Terminer => "terminer",
            Transition::Annuler => "annuler",
        }
    }

    /// The states the transition may start from.
    pub fn sources(self) -> &'static [EtatDemande] {
        use EtatDemande::*;
        match self {
            Transition::Orienter => &[Demandee, Orientee, Proposee],
            Transition::Proposer => &[Orientee, Proposee],
            Transition::Accepter | Transition::Refuser => &[Proposee],
            Transition::Inscrire => &[Acceptee, Programmee],
            Transition::Programmer => &[Acceptee],
            Transition::Terminer => &[Programmee],
            Transition::Annuler => &[Demandee, Orientee, Proposee, Acceptee, Programmee],
        }
    }

    /// The state after the transition from `from`, or `None` when the
    /// transition is not allowed from there.
    pub fn apply(self, from: EtatDemande) -> Option<EtatDemande> {
        if !self.sources().contains(&from) {
            return None;
        }
        Some(match self {
            Transition::Orienter if from == EtatDemande::Demandee => EtatDemande::Orientee,
            Transition::Orienter | Transition::Inscrire => from,
            Transition::Proposer => EtatDemande::Proposee,
            Transition::Accepter => EtatDemande::Acceptee,
            Transition::Refuser => EtatDemande::Refusee,
            Transition::Programmer => EtatDemande::Programmee,
            Transition::Terminer => EtatDemande::Realisee,
            Transition::Annuler => EtatDemande::Annulee,
        })
    }
}

/// Where the module takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LieuModule {
    /// In the company's own premises ("délocalisé").
    Delocalise,
    /// On the campus's sites.
    Campus,
}

impl LieuModule {
    pub fn as_str(self) -> &'static str {
        match self {
            LieuModule::Delocalise => "delocalise",
            LieuModule::Campus => "campus",
        }
    }

    pub fn parse(value: &str) -> Result<LieuModule, ModuleError> {
        match value.trim() {
            "delocalise" => Ok(LieuModule::Delocalise),
            "campus" => Ok(LieuModule::Campus),
            _ => Err(ModuleError::LieuInvalide),
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            LieuModule::Delocalise => "module-lieu-delocalise",
            LieuModule::Campus => "module-lieu-campus",
        }
    }
}

/// A state of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EtatProposition {
    /// Waiting for the company; the trainer may still revise it.
    EnAttente,
    Acceptee,
    /// Closed without being chosen: the company accepted another one,
    /// declined them all, or the request was cancelled.
    Close,
}

impl EtatProposition {
    pub fn as_str(self) -> &'static str {
        match self {
            EtatProposition::EnAttente => "en_attente",
            EtatProposition::Acceptee => "acceptee",
            EtatProposition::Close => "close",
        }
    }

    pub fn parse(value: &str) -> Option<EtatProposition> {
        [
            EtatProposition::EnAttente,
            EtatProposition::Acceptee,
            EtatProposition::Close,
        ]
        .into_iter()
        .find(|e| e.as_str() == value)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            EtatProposition::EnAttente => "module-proposition-en-attente",
            EtatProposition::Acceptee => "module-proposition-acceptee",
            EtatProposition::Close => "module-proposition-close",
        }
    }
}

/// The most trainees one request may ask for: beyond, it is a programme,
/// not a module.
pub const MAX_STAGIAIRES: u32 = 500;
/// The most topics of one request (LHÉO allows five Formacode codes).
pub const MAX_FORMACODES: usize = 5;
pub const MAX_COMPETENCES: usize = 10;

/// A date typed in a form (`AAAA-MM-JJ`, as `<input type="date">` sends it).
pub fn parse_date(input: &str) -> Result<NaiveDate, ModuleError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| ModuleError::DateInvalide)
}

/// Checks a date window: it starts today at the earliest and ends on or
/// after its start. The error is about the start (past) or the end.
pub fn check_window(debut: NaiveDate, fin: NaiveDate, today: NaiveDate) -> Result<(), ModuleError> {
    if debut < today {
        return Err(ModuleError::DatePassee);
    }
    if fin < debut {
        return Err(ModuleError::FinAvantDebut);
    }
    Ok(())
}

/// The number of trainees, 1 to [`MAX_STAGIAIRES`].
pub fn parse_stagiaires(input: &str) -> Result<u32, ModuleError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| ModuleError::NombreInvalide)?;
    if n <= 0 {
        return Err(ModuleError::StagiairesNonPositif);
    }
    u32::try_from(n)
        .ok()
        .filter(|n| *n <= MAX_STAGIAIRES)
        .ok_or(ModuleError::TropDeStagiaires)
}

/// An amount in euros (a budget, a price): positive or zero, with a comma
/// or a dot and at most two decimals, at most a hundred million; kept in
/// cents.
pub fn parse_montant(input: &str) -> Result<Centimes, ModuleError> {
    Centimes::parse_euros(input).map_err(|e| match e {
        MontantError::Invalide => ModuleError::MontantInvalide,
        MontantError::Negatif => ModuleError::MontantNegatif,
    })
}

/// A duration in whole hours (LHÉO counts hours as integers): 1 to 2,000
/// (a year full time).
pub fn parse_duree(input: &str) -> Result<u32, ModuleError> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|h| (1..=2000).contains(h))
        .ok_or(ModuleError::DureeInvalide)
}

/// The items of a list typed with commas, semicolons or spaces.
fn items(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// Formacode codes: five digits each, without repeats, at most
/// [`MAX_FORMACODES`]. Whether each exists is the referential's business.
pub fn parse_formacodes(input: &str) -> Result<Vec<CodeFormacode>, ModuleError> {
    let mut codes: Vec<CodeFormacode> = Vec::new();
    for item in items(input) {
        let code = CodeFormacode::parse(item).map_err(|_| ModuleError::FormacodeInvalide)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > MAX_FORMACODES {
        return Err(ModuleError::TropDeSujets);
    }
    Ok(codes)
}

/// ROME skills by their OGR code (digits), without repeats, at most
/// [`MAX_COMPETENCES`].
pub fn parse_competences(input: &str) -> Result<Vec<i64>, ModuleError> {
    let mut codes: Vec<i64> = Vec::new();
    for item in items(input) {
        let code: i64 = item
            .parse()
            .ok()
            .filter(|c| *c > 0 && item.len() <= 9)
            .ok_or(ModuleError::CompetenceInvalide)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > MAX_COMPETENCES {
        return Err(ModuleError::TropDeSujets);
    }
    Ok(codes)
}

/// A training body's declaration number (numéro de déclaration
/// d'activité): eleven digits, spaces allowed when typed.
pub fn parse_numero_activite(input: &str) -> Result<String, ModuleError> {
    let digits = crate::compact(input);
    if digits.len() == 11 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(ModuleError::NumeroActiviteInvalide)
    }
}

/// A trainee as the company lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stagiaire {
    pub nom: String,
    pub email: Email,
}

/// The trainee list typed one per line, `Prénom Nom ; adresse`, the
/// separator being a semicolon, a comma or a tab. Blank lines are skipped;
/// at most `max` trainees.
pub fn parse_stagiaires_liste(input: &str, max: u32) -> Result<Vec<Stagiaire>, ModuleError> {
    let mut list: Vec<Stagiaire> = Vec::new();
    for (index, line) in input.lines().enumerate() {
        let ligne = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (nom, email) = line
            .rsplit_once([';', ',', '\t'])
            .ok_or(ModuleError::LigneStagiaire { ligne })?;
        let nom =
            crate::required_text(nom, 120).map_err(|_| ModuleError::LigneStagiaire { ligne })?;
        let email = Email::parse(email).map_err(|_| ModuleError::LigneStagiaire { ligne })?;
        if list.iter().any(|s| s.email == email) {
            return Err(ModuleError::StagiaireEnDouble { ligne });
        }
        list.push(Stagiaire { nom, email });
    }
    if list.is_empty() {
        return Err(ModuleError::ListeVide);
    }
    if list.len() > max as usize {
        return Err(ModuleError::TropDeStagiaires);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_state_machine_refuses_illegal_transitions() {
        use EtatDemande::*;
        assert_eq!(Transition::Orienter.apply(Demandee), Some(Orientee));
        assert_eq!(Transition::Orienter.apply(Proposee), Some(Proposee));
        assert_eq!(Transition::Proposer.apply(Demandee), None);
        assert_eq!(Transition::Proposer.apply(Orientee), Some(Proposee));
        assert_eq!(Transition::Accepter.apply(Orientee), None);
        assert_eq!(Transition::Accepter.apply(Proposee), Some(Acceptee));
        assert_eq!(Transition::Accepter.apply(Acceptee), None);
        assert_eq!(Transition::Programmer.apply(Proposee), None);
        assert_eq!(Transition::Programmer.apply(Acceptee), Some(Programmee));
        assert_eq!(Transition::Terminer.apply(Acceptee), None);
        assert_eq!(Transition::Terminer.apply(Programmee), Some(Realisee));
        for closed in [Refusee, Realisee, Annulee] {
            assert!(closed.is_closed());
            for t in [
                Transition::Orienter,
                Transition::Proposer,
                Transition::Accepter,
                Transition::Refuser,
                Transition::Inscrire,
                Transition::Programmer,
                Transition::Terminer,
                Transition::Annuler,
            ] {
                assert_eq!(t.apply(closed), None, "{t:?} depuis {closed:?}");
            }
        }
        for e in EtatDemande::ALL {
            assert_eq!(EtatDemande::parse(e.as_str()), Some(e));
        }
    }

    #[test]
    fn windows() {
        let today = d("2026-11-25");
        assert_eq!(
            check_window(d("2026-11-24"), d("2026-12-01"), today),
            Err(ModuleError::DatePassee)
        );
        assert_eq!(
            check_window(d("2026-12-10"), d("2026-12-01"), today),
            Err(ModuleError::FinAvantDebut)
        );
        assert_eq!(check_window(today, today, today), Ok(()));
        assert_eq!(parse_date("31/12/2026"), Err(ModuleError::DateInvalide));
        assert_eq!(parse_date("2026-02-30"), Err(ModuleError::DateInvalide));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_stagiaires(" 12 "), Ok(12));
        assert_eq!(
            parse_stagiaires("0"),
            Err(ModuleError::StagiairesNonPositif)
        );
        assert_eq!(
            parse_stagiaires("-3"),
            Err(ModuleError::StagiairesNonPositif)
        );
        assert_eq!(parse_stagiaires("501"), Err(ModuleError::TropDeStagiaires));
        assert_eq!(parse_stagiaires("douze"), Err(ModuleError::NombreInvalide));
        assert_eq!(
            parse_montant("4 500,50 €").map(Centimes::centimes),
            Ok(450_050)
        );
        assert_eq!(parse_montant("-1"), Err(ModuleError::MontantNegatif));
        assert_eq!(parse_montant("NaN"), Err(ModuleError::MontantInvalide));
        assert_eq!(parse_montant("inf"), Err(ModuleError::MontantInvalide));
        assert_eq!(parse_duree("0"), Err(ModuleError::DureeInvalide));
        assert_eq!(parse_duree("14"), Ok(14));
        assert_eq!(parse_duree("3,5"), Err(ModuleError::DureeInvalide));
        assert_eq!(
            parse_numero_activite("24 45 01234 56"),
            Ok("24450123456".to_owned())
        );
        assert_eq!(
            parse_numero_activite("2445"),
            Err(ModuleError::NumeroActiviteInvalide)
        );
    }

    #[test]
    fn topics() {
        assert_eq!(
            parse_formacodes("42835, 22885 42835")
                .map(|codes| codes.iter().map(ToString::to_string).collect::<Vec<_>>()),
            Ok(vec!["42835".to_owned(), "22885".to_owned()])
        );
        assert_eq!(
            parse_formacodes("4283"),
            Err(ModuleError::FormacodeInvalide)
        );
        assert_eq!(
            parse_formacodes("11111 22222 33333 44444 55555 66666"),
            Err(ModuleError::TropDeSujets)
        );
        assert_eq!(parse_competences("100001;2"), Ok(vec![100001, 2]));
        assert_eq!(
            parse_competences("abc"),
            Err(ModuleError::CompetenceInvalide)
        );
    }

    #[test]
    fn trainee_lists() {
        let list = parse_stagiaires_liste(
            "Léa Martin ; lea.martin@exemple.fr\n\nHugo Petit, hugo@exemple.fr\n",
            5,
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].nom, "Hugo Petit");
        assert_eq!(
            parse_stagiaires_liste("Léa ; lea@x.fr\nsans adresse", 5),
            Err(ModuleError::LigneStagiaire { ligne: 2 })
        );
        assert_eq!(
            parse_stagiaires_liste("A ; a@x.fr\nB ; A@X.FR", 5),
            Err(ModuleError::StagiaireEnDouble { ligne: 2 })
        );
        assert_eq!(
            parse_stagiaires_liste("A ; a@x.fr\nB ; b@x.fr", 1),
            Err(ModuleError::TropDeStagiaires)
        );
        assert_eq!(
            parse_stagiaires_liste(" \n", 5),
            Err(ModuleError::ListeVide)
        );
    }

    proptest! {
        #[test]
        fn parsers_never_panic(input in "\\PC{0,80}") {
            let _ = parse_stagiaires(&input);
            let _ = parse_montant(&input);
            let _ = parse_duree(&input);
            let _ = parse_formacodes(&input);
            let _ = parse_competences(&input);
            let _ = parse_numero_activite(&input);
            let _ = parse_stagiaires_liste(&input, 10);
            let _ = parse_date(&input);
        }
    }
}
