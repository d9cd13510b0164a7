//! News of the campus and of its partners (`actualite`), reviewed before
//! going public, and the newsletter's subscriptions and issues.
//!
//! The review is a state machine: a partner's news is submitted, the
//! campus team publishes it or sends it back with a reason; the campus
//! team publishes its own directly; published news can be withdrawn. The
//! data layer applies a move as one conditional update whose sources are
//! [`ActionActualite::sources`], so two reviewers cannot both succeed.

use crate::role::closed_list;
use crate::text::{TextError, required_text};

/// Longest title of a news item.
pub const TITRE_MAX: usize = 200;
/// Longest summary: a few sentences, shown in lists and the feed.
pub const RESUME_MAX: usize = 600;
/// Longest body, in Markdown.
pub const CORPS_MAX: usize = 20_000;
/// Longest alternative text of an image.
pub const ALT_MAX: usize = 300;
/// Longest reason a news item is sent back with.
pub const MOTIF_MAX: usize = 2_000;

closed_list!(
    /// Where a news item stands in its review.
    EtatActualite, "actualite-etat-", {
        /// Written by a partner, waiting for the campus team.
        Soumise => "soumise",
        /// On the public pages, in the feed and the API.
        Publiee => "publiee",
        /// Sent back to its author with a reason; the author may submit it
        /// again.
        Renvoyee => "renvoyee",
        /// Taken off the public pages after publication.
        Retiree => "retiree",
    }
);

closed_list!(
    /// What the campus team (or an author) does to a news item.
    ActionActualite, "actualite-action-", {
        Publier => "publier",
        Renvoyer => "renvoyer",
        Retirer => "retirer",
        /// The author submits again a news item sent back.
        Resoumettre => "resoumettre",
    }
);

impl ActionActualite {
    /// The states the action starts from.
    pub fn sources(self) -> &'static [EtatActualite] {
        match self {
            ActionActualite::Publier => &[EtatActualite::Soumise, EtatActualite::Retiree],
            ActionActualite::Renvoyer => &[EtatActualite::Soumise],
            ActionActualite::Retirer => &[EtatActualite::Publiee],
            ActionActualite::Resoumettre => &[EtatActualite::Renvoyee],
        }
    }

    /// The state reached from `from`, if the action applies.
    pub fn apply(self, from: EtatActualite) -> Option<EtatActualite> {
        if !self.sources().contains(&from) {
            return None;
        }
        Some(match self {
            ActionActualite::Publier => EtatActualite::Publiee,
            ActionActualite::Renvoyer => EtatActualite::Renvoyee,
            ActionActualite::Retirer => EtatActualite::Retiree,
            ActionActualite::Resoumettre => EtatActualite::Soumise,
        })
    }
}

/// A news item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieActualite {
    pub titre: String,
    pub resume: String,
    pub corps: String,
}

/// A news item's checked text fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleActualite {
    pub titre: String,
    pub resume: String,
    pub corps: String,
}

impl NouvelleActualite {
    /// Checks every field; the refusals, by field, otherwise.
    pub fn parse(
        saisie: &SaisieActualite,
    ) -> Result<NouvelleActualite, Vec<(&'static str, TextError)>> {
        let mut refused = Vec::new();
        let titre = required_text(&saisie.titre, TITRE_MAX)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .map_err(|e| refused.push(("titre", e)))
            .ok();
        let resume = required_text(&saisie.resume, RESUME_MAX)
            .map_err(|e| refused.push(("resume", e)))
            .ok();
        let corps = if saisie.corps.chars().count() > CORPS_MAX {
            refused.push(("corps", TextError::TooLong { max: CORPS_MAX }));
            None
        } else {
            Some(saisie.corps.trim().replace("\r\n", "\n"))
        };
        match (titre, resume, corps) {
            (Some(titre), Some(resume), Some(corps)) if refused.is_empty() => {
                Ok(NouvelleActualite {
                    titre,
                    resume,
                    corps,
                })
            }
            _ => Err(refused),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_moves_only_from_its_sources() {
        use ActionActualite::*;
        use EtatActualite::*;
        assert_eq!(Publier.apply(Soumise), Some(Publiee));
        assert_eq!(Renvoyer.apply(Soumise), Some(Renvoyee));
        assert_eq!(Retirer.apply(Publiee), Some(Retiree));
        assert_eq!(Resoumettre.apply(Renvoyee), Some(Soumise));
        assert_eq!(Publier.apply(Publiee), None);
        assert_eq!(Renvoyer.apply(Publiee), None);
        assert_eq!(Retirer.apply(Soumise), None);
        assert_eq!(Publier.apply(Renvoyee), None);
    }

    #[test]
    fn title_and_summary_are_required() {
        let refused = NouvelleActualite::parse(&SaisieActualite::default()).unwrap_err();
        let fields: Vec<_> = refused.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["titre", "resume"]);
        let ok = NouvelleActualite::parse(&SaisieActualite {
            titre: "  Un   titre ".into(),
            resume: "Résumé".into(),
            corps: String::new(),
        })
        .unwrap();
        assert_eq!(ok.titre, "Un titre");
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(titre in ".*", resume in ".*", corps in ".*") {
            let _ = NouvelleActualite::parse(&SaisieActualite { titre, resume, corps });
        }
    }
}
