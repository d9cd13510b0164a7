//! What a resource must be before it is stored.

use chrono::NaiveDate;

use super::lien::{LienError, LienExterne};
use super::{Licence, TypeRessource, Visibilite};
use crate::Niveau;
use crate::evenement::Audience;
use crate::expertise::Langue;

/// Longest description.
pub const MAX_DESCRIPTION: usize = 5000;
/// Longest duration announced, in minutes (a training of a week).
pub const MAX_DUREE_MINUTES: u32 = 5 * 8 * 60;

/// Why a value of a resource was refused. Each has a message key in the
/// translation files (`ressource-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RessourceError {
    #[error("titre vide ou trop long")]
    Titre,
    #[error("description vide ou trop longue")]
    Description,
    #[error("type de ressource inconnu")]
    TypeInconnu,
    #[error("licence manquante")]
    LicenceManquante,
    #[error("licence inconnue")]
    LicenceInconnue,
    #[error("visibilité inconnue")]
    VisibiliteInconnue,
    #[error("public inconnu")]
    AudienceInconnue,
    #[error("niveau inconnu")]
    NiveauInconnu,
    #[error("langue inconnue")]
    LangueInconnue,
    #[error("durée invalide")]
    Duree,
    #[error("version invalide")]
    Version,
    #[error("date invalide")]
    Date,
    #[error("texte trop long")]
    TropLong,
    #[error(transparent)]
    Lien(#[from] LienError),
}

impl RessourceError {
    pub fn message_key(&self) -> &'static str {
        match self {
            RessourceError::Titre => "ressource-titre-invalide",
            RessourceError::Description => "ressource-description-invalide",
            RessourceError::TypeInconnu => "ressource-type-inconnu",
            RessourceError::LicenceManquante => "ressource-licence-manquante",
            RessourceError::LicenceInconnue => "ressource-licence-inconnue",
            RessourceError::VisibiliteInconnue => "ressource-visibilite-inconnue",
            RessourceError::AudienceInconnue => "ressource-audience-inconnue",
            RessourceError::NiveauInconnu => "ressource-niveau-inconnu",
            RessourceError::LangueInconnue => "ressource-langue-inconnue",
            RessourceError::Duree => "ressource-duree-invalide",
            RessourceError::Version => "ressource-version-invalide",
            RessourceError::Date => "ressource-date-invalide",
            RessourceError::TropLong => "ressource-texte-trop-long",
            RessourceError::Lien(e) => e.message_key(),
        }
    }
}

/// One refused field: its name in the form and the API, and why.
pub type ChampRefuse = (&'static str, RessourceError);

/// A resource's own fields as typed; links to the catalogue are resolved
/// by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieRessource {
    pub titre: String,
    pub description: String,
    pub type_ressource: String,
    pub licence: String,
    pub visibilite: String,
    pub audiences: Vec<String>,
    pub niveaux: Vec<String>,
    /// ISO 639-1; empty means French.
    pub langue: String,
    /// Minutes; may be empty.
    pub duree: String,
    /// Free version label (`1`, `2.1`); empty means `1`.
    pub version: String,
    /// `AAAA-MM-JJ`; empty means today.
    pub date_version: String,
    /// Authors as they want to be credited; may be empty.
    pub auteurs: String,
    /// An external link instead of (or beside) uploaded files.
    pub lien: String,
}

/// The checked fields of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleRessource {
    pub titre: String,
    pub description: String,
    pub type_ressource: TypeRessource,
    pub licence: Licence,
    pub visibilite: Visibilite,
    pub audiences: Vec<Audience>,
    pub niveaux: Vec<Niveau>,
    pub langue: Langue,
    pub duree_minutes: Option<u32>,
    pub version: String,
    pub date_version: NaiveDate,
    pub auteurs: Option<String>,
    pub lien: Option<LienExterne>,
}

impl NouvelleRessource {
    /// Checks every field; every refused field is reported at once.
    pub fn parse(
        s: &SaisieRessource,
        today: NaiveDate,
    ) -> Result<NouvelleRessource, Vec<ChampRefuse>> {
        let mut refused: Vec<ChampRefuse> = Vec::new();
        let mut refuse = |field, e| refused.push((field, e));
        let titre = crate::required_text(&s.titre, 200)
            .ok()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        if titre.is_none() {
            refuse("titre", RessourceError::Titre);
        }
        let description = crate::required_text(&s.description, MAX_DESCRIPTION).ok();
        if description.is_none() {
            refuse("description", RessourceError::Description);
        }
        let type_ressource = TypeRessource::parse(&s.type_ressource).ok();
        if type_ressource.is_none() {
            refuse("type_ressource", RessourceError::TypeInconnu);
        }
        let licence = match s.licence.trim() {
            "" => {
                refuse("licence", RessourceError::LicenceManquante);
                None
            }
            raw => Licence::parse(raw)
                .map_err(|_| refuse("licence", RessourceError::LicenceInconnue))
                .ok(),
        };
        let visibilite = match s.visibilite.trim() {
            "" => Some(Visibilite::Public),
            raw => Visibilite::parse(raw)
                .map_err(|_| refuse("visibilite", RessourceError::VisibiliteInconnue))
                .ok(),
        };
        let mut audiences = Vec::new();
        for raw in &s.audiences {
            match Audience::parse(raw) {
                Ok(a) if !audiences.contains(&a) => audiences.push(a),
                Ok(_) => {}
                Err(_) => {
                    refuse("audiences", RessourceError::AudienceInconnue);
                    break;
                }
            }
        }
        let mut niveaux = Vec::new();
        for raw in &s.niveaux {
            match raw.trim().parse::<u8>().ok().and_then(Niveau::new) {
                Some(n) if n.value() <= 7 => {
                    if !niveaux.contains(&n) {
                        niveaux.push(n);
                    }
                }
                _ => {
                    refuse("niveaux", RessourceError::NiveauInconnu);
                    break;
                }
            }
        }
        niveaux.sort();
        let langue = match s.langue.trim() {
            "" => Some(Langue::FRANCAIS),
            raw => Langue::parse(raw)
                .map_err(|_| refuse("langue", RessourceError::LangueInconnue))
                .ok(),
        };
        let duree_minutes = match s.duree.trim() {
            "" => Some(None),
            raw => match raw.parse::<u32>() {
                Ok(m) if (1..=MAX_DUREE_MINUTES).contains(&m) => Some(Some(m)),
                _ => {
                    refuse("duree", RessourceError::Duree);
                    None
                }
            },
        };
        let version = match s.version.trim() {
            "" => Some("1".to_owned()),
            v if v.chars().count() <= 20
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')) =>
            {
                Some(v.to_owned())
            }
            _ => {
                refuse("version", RessourceError::Version);
                None
            }
        };
        let date_version = match s.date_version.trim() {
            "" => Some(today),
            raw => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map_err(|_| refuse("date_version", RessourceError::Date))
                .ok(),
        };
        let auteurs = crate::optional_text(&s.auteurs, 300)
            .map_err(|_| refuse("auteurs", RessourceError::TropLong))
            .ok();
        let lien = match s.lien.trim() {
            "" => Some(None),
            raw => LienExterne::parse(raw)
                .map_err(|e| refuse("lien", e.into()))
                .ok()
                .map(Some),
        };
        match (
            titre,
            description,
            type_ressource,
            licence,
            visibilite,
            langue,
            duree_minutes,
            version,
            date_version,
            auteurs,
            lien,
        ) {
            (
                Some(titre),
                Some(description),
                Some(type_ressource),
                Some(licence),
                Some(visibilite),
                Some(langue),
                Some(duree_minutes),
                Some(version),
                Some(date_version),
                Some(auteurs),
                Some(lien),
            ) if refused.is_empty() => Ok(NouvelleRessource {
                titre,
                description,
                type_ressource,
                licence,
                visibilite,
                audiences,
                niveaux,
                langue,
                duree_minutes,
                version,
                date_version,
                auteurs,
                lien,
            }),
            _ => Err(refused),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn saisie() -> SaisieRessource {
        SaisieRessource {
            titre: "Kit de découverte : conduite de ligne de conditionnement".into(),
            description: "Un atelier d'une heure pour collégiens.".into(),
            type_ressource: "kit_decouverte".into(),
            licence: "cc_by".into(),
            audiences: vec!["collegiens".into(), "enseignants".into()],
            niveaux: vec!["4".into(), "3".into()],
            duree: "60".into(),
            ..Default::default()
        }
    }

    #[test]
    fn accepts_a_kit() {
        let r = NouvelleRessource::parse(&saisie(), today()).unwrap();
        assert_eq!(r.type_ressource, TypeRessource::KitDecouverte);
        assert_eq!(r.licence, Licence::CcBy);
        assert_eq!(r.visibilite, Visibilite::Public);
        assert_eq!(r.langue, Langue::FRANCAIS);
        assert_eq!(r.version, "1");
        assert_eq!(r.date_version, today());
        assert_eq!(
            r.niveaux.iter().map(|n| n.value()).collect::<Vec<_>>(),
            [3, 4]
        );
        assert_eq!(r.duree_minutes, Some(60));
    }

    #[test]
    fn reports_every_field() {
        let s = SaisieRessource {
            titre: "  ".into(),
            licence: String::new(),
            lien: "ftp://a.fr/kit".into(),
            niveaux: vec!["8".into()],
            audiences: vec!["martiens".into()],
            langue: "xx".into(),
            duree: "0".into(),
            ..saisie()
        };
        let errors = NouvelleRessource::parse(&s, today()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("titre", RessourceError::Titre),
                ("licence", RessourceError::LicenceManquante),
                ("audiences", RessourceError::AudienceInconnue),
                ("niveaux", RessourceError::NiveauInconnu),
                ("langue", RessourceError::LangueInconnue),
                ("duree", RessourceError::Duree),
                ("lien", RessourceError::Lien(LienError::Schema)),
            ]
        );
        let s = SaisieRessource {
            licence: "gpl".into(),
            ..saisie()
        };
        assert_eq!(
            NouvelleRessource::parse(&s, today()).unwrap_err(),
            vec![("licence", RessourceError::LicenceInconnue)]
        );
    }

    proptest! {
        #[test]
        fn never_panics(t in "\\PC{0,40}", d in "\\PC{0,12}") {
            let s = SaisieRessource {
                titre: t.clone(), description: t.clone(), type_ressource: t.clone(),
                licence: t.clone(), visibilite: t.clone(), audiences: vec![t.clone()],
                niveaux: vec![d.clone()], langue: d.clone(), duree: d.clone(),
                version: d.clone(), date_version: d.clone(), auteurs: t.clone(), lien: t,
            };
            let _ = NouvelleRessource::parse(&s, NaiveDate::MIN);
        }
    }
}
