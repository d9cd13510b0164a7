//! What a piece of equipment must be before it is stored, whether its
//! manager typed it in the form or the campus team imported it from a
//! list: the same rules, so that an import cannot store what the form
//! would refuse.
//!
//! Every field is checked and every refusal reported at once (the form
//! shows them all, the import lists them all with their line). Rates are
//! typed in euros and kept in cents ([`Centimes`]); opening hours are
//! typed `HH:MM` and must fall on the booking units
//! ([`MINUTES_PAR_CRENEAU`]), since a booking can only start and end on
//! one.

use super::{CategorieEquipement, Horaires, MINUTES_PAR_CRENEAU, StatutEquipement};
use crate::{Centimes, MontantError};

/// Shortest and longest name.
pub const NOM_MIN: usize = 3;
pub const NOM_MAX: usize = 120;
/// Longest place (the column's size).
pub const SITE_MAX: usize = 250;
/// Longest description, capabilities or safety rules.
pub const TEXTE_MAX: usize = 5000;
/// Highest hourly rate, 10 000 €: above is a typing mistake (cents typed
/// as euros), and it keeps every rate within the stored integer.
pub const TARIF_MAX_CENTIMES: i64 = 10_000 * 100;
/// The days of the week as typed and shown, Monday first (bit 0).
pub const JOURS: [&str; 7] = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];
const JOURS_LONGS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Why a value of an equipment was refused. The French text is what an
/// import reports beside the line; the message key is what the form
/// shows (`equipement-saisie-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EquipementError {
    #[error("le nom doit compter de 3 à 120 caractères")]
    Nom,
    #[error(
        "catégorie inconnue (chromatographie, rheologie, formulation, salle_propre, conditionnement, microbiologie ou caracterisation)"
    )]
    Categorie,
    #[error("état inconnu (en_service, en_maintenance ou hors_service)")]
    Statut,
    #[error("le lieu est obligatoire, en 250 caractères au plus")]
    Site,
    #[error("la description est obligatoire")]
    DescriptionVide,
    #[error("texte trop long : 5 000 caractères au plus")]
    TropLong,
    #[error("caractères de contrôle interdits")]
    Controle,
    #[error("montant illisible : écrivez des euros, par exemple 45 ou 45,50")]
    TarifIllisible,
    #[error("un tarif ne peut pas être négatif")]
    TarifNegatif,
    #[error("tarif horaire trop élevé : 10 000 € au plus")]
    TarifTropEleve,
    #[error("jours d'ouverture illisibles : écrivez par exemple lun-ven ou lun,mer,ven")]
    Jours,
    #[error("au moins un jour d'ouverture")]
    AucunJour,
    #[error("heure illisible : écrivez HH:MM, par exemple 08:30")]
    Heure,
    #[error("les horaires tombent à l'heure ou à la demie (08:00, 08:30…)")]
    HeureNonAlignee,
    #[error("la fermeture doit suivre l'ouverture")]
    FermetureAvantOuverture,
}

impl EquipementError {
    pub fn message_key(&self) -> &'static str {
        match self {
            EquipementError::Nom => "equipement-saisie-nom",
            EquipementError::Categorie => "equipement-saisie-categorie",
            EquipementError::Statut => "equipement-saisie-statut",
            EquipementError::Site => "equipement-saisie-site",
            EquipementError::DescriptionVide => "equipement-saisie-description",
            EquipementError::TropLong => "equipement-saisie-trop-long",
            EquipementError::Controle => "equipement-saisie-controle",
            EquipementError::TarifIllisible => "equipement-saisie-tarif",
            EquipementError::TarifNegatif => "equipement-saisie-tarif-negatif",
            EquipementError::TarifTropEleve => "equipement-saisie-tarif-eleve",
            EquipementError::Jours => "equipement-saisie-jours",
            EquipementError::AucunJour => "equipement-saisie-aucun-jour",
            EquipementError::Heure => "equipement-saisie-heure",
            EquipementError::HeureNonAlignee => "equipement-saisie-heure-alignee",
            EquipementError::FermetureAvantOuverture => "equipement-saisie-fermeture",
        }
    }
}

/// One refused field: its name in the form and the import's header, and
/// why.
pub type ChampRefuse = (&'static str, EquipementError);

/// An equipment's fields as typed (or read from a line of a list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieEquipement {
    pub nom: String,
    pub categorie: String,
    pub site: String,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    /// Euros per hour, `45` or `45,50`.
    pub tarif_academique: String,
    pub tarif_industriel: String,
    /// `lun-ven`, `lun,mer,ven`, `lundi, mardi`.
    pub jours: String,
    /// `HH:MM`.
    pub ouverture: String,
    pub fermeture: String,
    pub approbation_requise: bool,
    /// Empty for « en service ».
    pub statut: String,
}

/// The checked fields of an equipment; the caller resolves its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheEquipement {
    pub nom: String,
    pub categorie: CategorieEquipement,
    pub site: String,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    pub tarif_academique: Centimes,
    pub tarif_industriel: Centimes,
    pub horaires: Horaires,
    pub approbation_requise: bool,
    pub statut: StatutEquipement,
}

impl FicheEquipement {
    /// Checks every field, then the hours together; every refused field
    /// is reported, in the order of the form.
    pub fn parse(s: &SaisieEquipement) -> Result<FicheEquipement, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let r = &mut refused;
        let nom = keep(r, "nom", nom(&s.nom));
        let categorie = keep(
            r,
            "categorie",
            CategorieEquipement::parse(&s.categorie).map_err(|_| EquipementError::Categorie),
        );
        let statut = keep(r, "statut", statut(&s.statut));
        let site = keep(r, "site", site(&s.site));
        let description = keep(
            r,
            "description",
            texte(&s.description).and_then(|d| {
                if d.is_empty() {
                    Err(EquipementError::DescriptionVide)
                } else {
                    Ok(d)
                }
            }),
        );
        let capacites = keep(r, "capacites", texte(&s.capacites));
        let regles_securite = keep(r, "regles_securite", texte(&s.regles_securite));
        let tarif_academique = keep(r, "tarif_academique", tarif(&s.tarif_academique));
        let tarif_industriel = keep(r, "tarif_industriel", tarif(&s.tarif_industriel));
        let jours = keep(r, "jours", parse_jours(&s.jours));
        let ouverture = keep(r, "ouverture", heure(&s.ouverture));
        let fermeture = keep(r, "fermeture", heure(&s.fermeture));
        let horaires = match (jours, ouverture, fermeture) {
            (Some(j), Some(o), Some(f)) => keep(
                r,
                "fermeture",
                Horaires::new(j, o, f).map_err(|_| EquipementError::FermetureAvantOuverture),
            ),
            _ => None,
        };
        match (
            nom,
            categorie,
            statut,
            site,
            description,
            capacites,
            regles_securite,
            tarif_academique,
            tarif_industriel,
            horaires,
        ) {
            (
                Some(nom),
                Some(categorie),
                Some(statut),
                Some(site),
                Some(description),
                Some(capacites),
                Some(regles_securite),
                Some(tarif_academique),
                Some(tarif_industriel),
                Some(horaires),
            ) if r.is_empty() => Ok(FicheEquipement {
                nom,
                categorie,
                site,
                description,
                capacites,
                regles_securite,
                habilitation_requise: s.habilitation_requise,
                tarif_academique,
                tarif_industriel,
                horaires,
                approbation_requise: s.approbation_requise,
                statut,
            }),
            _ => Err(refused),
        }
    }

    /// The fields as the form shows them, which [`FicheEquipement::parse`]
    /// reads back to the same equipment.
    pub fn saisie(&self) -> SaisieEquipement {
        SaisieEquipement {
            nom: self.nom.clone(),
            categorie: self.categorie.as_str().to_owned(),
            site: self.site.clone(),
            description: self.description.clone(),
            capacites: self.capacites.clone(),
            regles_securite: self.regles_securite.clone(),
            habilitation_requise: self.habilitation_requise,
            tarif_academique: self.tarif_academique.to_string(),
            tarif_industriel: self.tarif_industriel.to_string(),
            jours: jours_texte(self.horaires.jours()),
            ouverture: Horaires::hhmm(self.horaires.ouverture()),
            fermeture: Horaires::hhmm(self.horaires.fermeture()),
            approbation_requise: self.approbation_requise,
            statut: self.statut.as_str().to_owned(),
        }
    }
}

/// The value of a checked field, or `None` with its refusal noted.
fn keep<T>(
    refused: &mut Vec<ChampRefuse>,
    field: &'static str,
    result: Result<T, EquipementError>,
) -> Option<T> {
    result.map_err(|e| refused.push((field, e))).ok()
}

/// The name, its runs of spaces made one.
fn nom(input: &str) -> Result<String, EquipementError> {
    if has_control(input) {
        return Err(EquipementError::Controle);
    }
    let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if (NOM_MIN..=NOM_MAX).contains(&collapsed.chars().count()) {
        Ok(collapsed)
    } else {
        Err(EquipementError::Nom)
    }
}

fn statut(input: &str) -> Result<StatutEquipement, EquipementError> {
    match input.trim() {
        "" => Ok(StatutEquipement::EnService),
        other => StatutEquipement::parse(other).map_err(|_| EquipementError::Statut),
    }
}

fn site(input: &str) -> Result<String, EquipementError> {
    if has_control(input) {
        return Err(EquipementError::Controle);
    }
    let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() || collapsed.chars().count() > SITE_MAX {
        Err(EquipementError::Site)
    } else {
        Ok(collapsed)
    }
}

/// A long text, its paragraphs kept; may be empty.
fn texte(input: &str) -> Result<String, EquipementError> {
    let text = input.trim().replace("\r\n", "\n");
    if has_control(&text) {
        Err(EquipementError::Controle)
    } else if text.chars().count() > TEXTE_MAX {
        Err(EquipementError::TropLong)
    } else {
        Ok(text)
    }
}

/// Control characters other than line breaks and tabs: they break exports
/// and hide content.
fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn tarif(input: &str) -> Result<Centimes, EquipementError> {
    match Centimes::parse_euros(input) {
        Ok(c) if c.centimes() > TARIF_MAX_CENTIMES => Err(EquipementError::TarifTropEleve),
        Ok(c) => Ok(c),
        Err(MontantError::Negatif) => Err(EquipementError::TarifNegatif),
        Err(MontantError::Invalide) => Err(EquipementError::TarifIllisible),
    }
}

/// The weekday (0 = Monday) a typed name stands for: `lun`, `lundi`,
/// any case.
fn jour(input: &str) -> Option<u8> {
    let lower = input.trim().to_lowercase();
    (0u8..7).find(|&d| {
        let d = usize::from(d);
        lower == JOURS[d] || lower == JOURS_LONGS[d]
    })
}

/// The open days as the stored bitmask (bit 0 = Monday): names and ranges
/// separated by commas or spaces, `lun-ven`, `lun,mer,ven`,
/// `lundi mardi`. A range runs forward within the week.
pub fn parse_jours(input: &str) -> Result<u8, EquipementError> {
    let mut bits = 0u8;
    for part in input
        .split([',', ' ', '/', '+'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match part.split_once(['-', '–']) {
            Some((from, to)) => {
                let (from, to) = (
                    jour(from).ok_or(EquipementError::Jours)?,
                    jour(to).ok_or(EquipementError::Jours)?,
                );
                if from > to {
                    return Err(EquipementError::Jours);
                }
                for d in from..=to {
                    bits |= 1 << d;
                }
            }
            None => bits |= 1 << jour(part).ok_or(EquipementError::Jours)?,
        }
    }
    if bits == 0 {
        Err(EquipementError::AucunJour)
    } else {
        Ok(bits)
    }
}

/// The open days of a bitmask as [`parse_jours`] reads them: `lun,mar,mer`.
pub fn jours_texte(bits: u8) -> String {
    (0..7)
        .filter(|d| bits & (1 << d) != 0)
        .map(|d| JOURS[d])
        .collect::<Vec<_>>()
        .join(",")
}

/// Minutes since midnight of `HH:MM` (also `8:30`, `8h30`, `8h`), on a
/// booking unit; `24:00` closes at midnight.
fn heure(input: &str) -> Result<u32, EquipementError> {
    let text = input.trim().to_lowercase();
    let (h, m) = match text.split_once([':', 'h']) {
        Some((h, "")) => (h, "00"),
        Some((h, m)) => (h, m),
        None => return Err(EquipementError::Heure),
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(h), Some(m)) = (digits(h, 2), digits(m, 2).filter(|_| m.len() == 2)) else {
        return Err(EquipementError::Heure);
    };
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return Err(EquipementError::Heure);
    }
    let minutes = h * 60 + m;
    if minutes.is_multiple_of(MINUTES_PAR_CRENEAU) {
        Ok(minutes)
    } else {
        Err(EquipementError::HeureNonAlignee)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn saisie() -> SaisieEquipement {
        SaisieEquipement {
            nom: "  Spectromètre   infrarouge ATR ".into(),
            categorie: "caracterisation".into(),
            site: "Plateau analytique, Orléans".into(),
            description: "Identification des matières premières.\r\n\r\nContrôle qualité.".into(),
            capacites: "4000–400 cm⁻¹".into(),
            regles_securite: String::new(),
            habilitation_requise: true,
            tarif_academique: "35".into(),
            tarif_industriel: "92,50 €".into(),
            jours: "lun-ven".into(),
            ouverture: "08:00".into(),
            fermeture: "18h30".into(),
            approbation_requise: false,
            statut: String::new(),
        }
    }

    #[test]
    fn accepts_an_equipment() {
        let f = FicheEquipement::parse(&saisie()).unwrap();
        assert_eq!(f.nom, "Spectromètre infrarouge ATR");
        assert_eq!(f.categorie, CategorieEquipement::Caracterisation);
        assert_eq!(f.statut, StatutEquipement::EnService);
        assert_eq!(f.description.lines().count(), 3);
        assert_eq!(f.tarif_academique.centimes(), 3_500);
        assert_eq!(f.tarif_industriel.centimes(), 9_250);
        assert_eq!(f.horaires.jours(), 0b001_1111);
        assert_eq!(
            (f.horaires.ouverture(), f.horaires.fermeture()),
            (480, 1110)
        );
    }

    #[test]
    fn reports_every_field_at_once() {
        let s = SaisieEquipement {
            nom: "x".into(),
            categorie: "four".into(),
            site: " ".into(),
            description: String::new(),
            capacites: "a\u{0}b".into(),
            regles_securite: "r".repeat(TEXTE_MAX + 1),
            tarif_academique: "-3".into(),
            tarif_industriel: "1e3".into(),
            jours: "lun-xyz".into(),
            ouverture: "08:15".into(),
            fermeture: "25:00".into(),
            statut: "casse".into(),
            ..SaisieEquipement::default()
        };
        assert_eq!(
            FicheEquipement::parse(&s).unwrap_err(),
            vec![
                ("nom", EquipementError::Nom),
                ("categorie", EquipementError::Categorie),
                ("statut", EquipementError::Statut),
                ("site", EquipementError::Site),
                ("description", EquipementError::DescriptionVide),
                ("capacites", EquipementError::Controle),
                ("regles_securite", EquipementError::TropLong),
                ("tarif_academique", EquipementError::TarifNegatif),
                ("tarif_industriel", EquipementError::TarifIllisible),
                ("jours", EquipementError::Jours),
                ("ouverture", EquipementError::HeureNonAlignee),
                ("fermeture", EquipementError::Heure),
            ]
        );
    }

    #[test]
    fn hours_must_follow_each_other() {
        let s = SaisieEquipement {
            ouverture: "18:00".into(),
            fermeture: "08:00".into(),
            ..saisie()
        };
        assert_eq!(
            FicheEquipement::parse(&s).unwrap_err(),
            vec![("fermeture", EquipementError::FermetureAvantOuverture)]
        );
        let s = SaisieEquipement {
            tarif_academique: "10000,01".into(),
            jours: " , ".into(),
            ..saisie()
        };
        assert_eq!(
            FicheEquipement::parse(&s).unwrap_err(),
            vec![
                ("tarif_academique", EquipementError::TarifTropEleve),
                ("jours", EquipementError::AucunJour),
            ]
        );
    }

    #[test]
    fn days_as_people_write_them() {
        assert_eq!(parse_jours("lun-ven"), Ok(0b001_1111));
        assert_eq!(parse_jours("Lundi, Mercredi,vendredi"), Ok(0b001_0101));
        assert_eq!(parse_jours("sam dim"), Ok(0b110_0000));
        assert_eq!(parse_jours("lun–mer,ven"), Ok(0b001_0111));
        assert_eq!(parse_jours("ven-lun"), Err(EquipementError::Jours));
        assert_eq!(parse_jours("monday"), Err(EquipementError::Jours));
        assert_eq!(parse_jours(""), Err(EquipementError::AucunJour));
        assert_eq!(jours_texte(0b001_0101), "lun,mer,ven");
    }

    #[test]
    fn hours_as_people_write_them() {
        assert_eq!(heure("08:30"), Ok(510));
        assert_eq!(heure("8h"), Ok(480));
        assert_eq!(heure("8h30"), Ok(510));
        assert_eq!(heure("24:00"), Ok(1440));
        assert_eq!(heure("24:30"), Err(EquipementError::Heure));
        assert_eq!(heure("8:3"), Err(EquipementError::Heure));
        assert_eq!(heure("08:60"), Err(EquipementError::Heure));
        assert_eq!(heure("huit"), Err(EquipementError::Heure));
        assert_eq!(heure("08:10"), Err(EquipementError::HeureNonAlignee));
    }

    fn arbitrary_fiche() -> impl Strategy<Value = FicheEquipement> {
        (
            "[A-Za-zéè ]{3,40}",
            0usize..7,
            0usize..3,
            0i64..=TARIF_MAX_CENTIMES,
            0i64..=TARIF_MAX_CENTIMES,
            1u8..128,
            0u32..47,
            1u32..48,
            any::<(bool, bool)>(),
        )
            .prop_filter_map(
                "un nom et des horaires valides",
                |(nom, cat, statut, a, i, jours, o, f, (hab, appro))| {
                    let nom = nom.split_whitespace().collect::<Vec<_>>().join(" ");
                    let horaires = Horaires::new(jours, o * 30, f * 30).ok()?;
                    if nom.chars().count() < NOM_MIN {
                        return None;
                    }
                    Some(FicheEquipement {
                        nom,
                        categorie: CategorieEquipement::all().nth(cat)?,
                        site: "Tours".into(),
                        description: "Une description.".into(),
                        capacites: String::new(),
                        regles_securite: "Blouse.\nLunettes.".into(),
                        habilitation_requise: hab,
                        tarif_academique: Centimes::new(a)?,
                        tarif_industriel: Centimes::new(i)?,
                        horaires,
                        approbation_requise: appro,
                        statut: StatutEquipement::all().nth(statut)?,
                    })
                },
            )
    }

    proptest! {
        #[test]
        fn never_panics(t in "\\PC{0,40}", n in "[0-9:h ,.-]{0,8}", j in "[a-zé ,-]{0,20}", b in any::<bool>()) {
            let s = SaisieEquipement {
                nom: t.clone(), categorie: t.clone(), site: t.clone(), description: t.clone(),
                capacites: t.clone(), regles_securite: t.clone(), habilitation_requise: b,
                tarif_academique: n.clone(), tarif_industriel: t.clone(), jours: j.clone(),
                ouverture: n.clone(), fermeture: t, approbation_requise: !b, statut: j,
            };
            if let Ok(f) = FicheEquipement::parse(&s) {
                prop_assert!(f.horaires.ouverture() < f.horaires.fermeture());
                prop_assert!(f.tarif_academique.centimes() <= TARIF_MAX_CENTIMES);
            }
        }

        #[test]
        fn what_the_form_shows_reads_back(f in arbitrary_fiche()) {
            prop_assert_eq!(FicheEquipement::parse(&f.saisie()), Ok(f));
        }

        #[test]
        fn days_read_back(bits in 1u8..128) {
            prop_assert_eq!(parse_jours(&jours_texte(bits)), Ok(bits));
        }
    }
}
