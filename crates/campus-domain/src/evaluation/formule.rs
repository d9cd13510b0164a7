//! The formula of an indicator: what it counts, over which records.
//!
//! An indicator's figure is never typed in; it is computed from the
//! platform's records (or an imported source) by a formula the campus
//! team can read and change without a developer:
//!
//! ```text
//! compte(evenement_inscriptions[statut = "presente"])
//! somme(equipement_reservations[statut = "confirmee"].heures)
//! taux(candidatures[repondue = oui], candidatures)
//! mediane(candidatures[repondue = oui].delai_reponse_jours)
//! distincts(mobilites[statut = "realisee"].participant)
//! ```
//!
//! Grammar (spaces are free; names are the record kinds and fields of
//! [`super::registre`]):
//!
//! ```text
//! formule   = agregat "(" selection ["." champ] ["," selection] ")"
//! agregat   = compte | somme | moyenne | mediane | distincts | taux
//! selection = genre ["[" condition {"et" condition} "]"]
//! condition = champ op valeur        op = "=" | "!=" | ">=" | "<=" | ">" | "<"
//! valeur    = nombre | "texte" | oui | non
//! ```
//!
//! Parsing only reads the text; [`Formule::verifier`] then checks it
//! against the registry of record kinds, so that a formula over a kind
//! or a field that does not exist is refused when it is saved, with a
//! message that names it, rather than failing when a report is due.

use std::fmt;

use crate::role::closed_list;

closed_list!(
    /// How the selected records become one figure.
    Agregat, "formule-agregat-", {
        /// Number of records.
        Compte => "compte",
        /// Sum of a numeric field.
        Somme => "somme",
        Moyenne => "moyenne",
        Mediane => "mediane",
        /// Number of distinct values of a field (people, organisations).
        Distincts => "distincts",
        /// First selection over the second, in percent.
        Taux => "taux",
    }
);

/// A comparison in a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operateur {
    Egal,
    Different,
    SuperieurOuEgal,
    InferieurOuEgal,
    Superieur,
    Inferieur,
}

impl Operateur {
    pub fn as_str(self) -> &'static str {
        match self {
            Operateur::Egal => "=",
            Operateur::Different => "!=",
            Operateur::SuperieurOuEgal => ">=",
            Operateur::InferieurOuEgal => "<=",
            Operateur::Superieur => ">",
            Operateur::Inferieur => "<",
        }
    }

    /// Whether the comparison needs an order (numbers and dates).
    pub fn ordonne(self) -> bool {
        !matches!(self, Operateur::Egal | Operateur::Different)
    }
}

/// A value in a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Valeur {
    Nombre(f64),
    Texte(String),
    Booleen(bool),
}

/// `champ op valeur`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub champ: String,
    pub operateur: Operateur,
    pub valeur: Valeur,
}

/// A record kind and the conditions its records must meet.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub genre: String,
    pub conditions: Vec<Condition>,
}

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Formule {
    pub agregat: Agregat,
    pub selection: Selection,
    /// The field summed, averaged or counted once per value.
    pub champ: Option<String>,
    /// The denominator of a rate.
    pub denominateur: Option<Selection>,
}

/// Why a formula was refused: where in the text, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormuleError {
    #[error("formule vide")]
    Vide,
    #[error("caractère {position} : {attendu}")]
    Syntaxe { position: usize, attendu: String },
    #[error("agrégat inconnu « {0} » (compte, somme, moyenne, mediane, distincts ou taux)")]
    AgregatInconnu(String),
    #[error("« {agregat} » demande {attendu}")]
    Forme {
        agregat: &'static str,
        attendu: &'static str,
    },
    #[error("genre d'enregistrement inconnu « {0} »")]
    GenreInconnu(String),
    #[error("champ inconnu « {champ} » pour « {genre} »")]
    ChampInconnu { genre: String, champ: String },
    #[error("« {champ} » de « {genre} » n'est pas un nombre")]
    ChampNonNumerique { genre: String, champ: String },
    #[error("« {champ} » attend {attendu}")]
    ValeurIncompatible {
        champ: String,
        attendu: &'static str,
    },
    #[error("un taux compare deux sélections du même genre (« {0} » et « {1} »)")]
    TauxGenresDifferents(String, String),
}

/// Longest formula accepted: a formula is a line, not a program.
pub const LONGUEUR_MAX: usize = 1_000;

impl Formule {
    /// Reads `text` (no check against the registry).
    pub fn parse(text: &str) -> Result<Formule, FormuleError> {
        if text.trim().is_empty() {
            return Err(FormuleError::Vide);
        }
        if text.chars().count() > LONGUEUR_MAX {
            return Err(FormuleError::Syntaxe {
                position: LONGUEUR_MAX,
                attendu: format!("une formule de {LONGUEUR_MAX} caractères au plus"),
            });
        }
        let mut p = Lecteur::new(text);
        let nom = p.identifiant("un agrégat (compte, somme, taux…)")?;
        let agregat = Agregat::parse(&nom).map_err(|_| FormuleError::AgregatInconnu(nom))?;
        p.symbole("(")?;
        let selection = p.selection()?;
        let champ = if p.accepte(".") {
            Some(p.identifiant("un nom de champ")?)
        } else {
            None
        };
        let denominateur = if p.accepte(",") {
            Some(p.selection()?)
        } else {
            None
        };
        p.symbole(")")?;
        p.fin()?;
        let forme = |attendu| FormuleError::Forme {
            agregat: agregat.as_str(),
            attendu,
        };
        match agregat {
            Agregat::Compte if champ.is_some() || denominateur.is_some() => {
                return Err(forme("une seule sélection, sans champ : compte(genre[…])"));
            }
            Agregat::Somme | Agregat::Moyenne | Agregat::Mediane | Agregat::Distincts
                if champ.is_none() || denominateur.is_some() =>
            {
                return Err(forme(
                    "une sélection suivie d'un champ : somme(genre[…].champ)",
                ));
            }
            Agregat::Taux if champ.is_some() || denominateur.is_none() => {
                return Err(forme("deux sélections : taux(genre[…], genre)"));
            }
            _ => {}
        }
        Ok(Formule {
            agregat,
            selection,
            champ,
            denominateur,
        })
    }

    /// Checks the formula against the registry: kinds, fields and the
    /// types of their values.
    pub fn verifier(&self, registre: &[super::registre::Genre]) -> Result<(), FormuleError> {
        let genre = verifier_selection(&self.selection, registre)?;
        if let Some(champ) = &self.champ {
            let c = genre
                .champ(champ)
                .ok_or_else(|| FormuleError::ChampInconnu {
                    genre: genre.nom.to_owned(),
                    champ: champ.clone(),
                })?;
            let numerique = c.nature == super::registre::Nature::Nombre;
            if self.agregat != Agregat::Distincts && !numerique {
                return Err(FormuleError::ChampNonNumerique {
                    genre: genre.nom.to_owned(),
                    champ: champ.clone(),
                });
            }
        }
        if let Some(den) = &self.denominateur {
            verifier_selection(den, registre)?;
            if den.genre != self.selection.genre {
                return Err(FormuleError::TauxGenresDifferents(
                    self.selection.genre.clone(),
                    den.genre.clone(),
                ));
            }
        }
        Ok(())
    }
}

fn verifier_selection<'r>(
    s: &Selection,
    registre: &'r [super::registre::Genre],
) -> Result<&'r super::registre::Genre, FormuleError> {
    use super::registre::Nature;
    let genre = registre
        .iter()
        .find(|g| g.nom == s.genre)
        .ok_or_else(|| FormuleError::GenreInconnu(s.genre.clone()))?;
    for c in &s.conditions {
        let champ = genre
            .champ(&c.champ)
            .ok_or_else(|| FormuleError::ChampInconnu {
                genre: genre.nom.to_owned(),
                champ: c.champ.clone(),
            })?;
        let incompatible = |attendu| FormuleError::ValeurIncompatible {
            champ: c.champ.clone(),
            attendu,
        };
        match (champ.nature, &c.valeur) {
            (Nature::Nombre, Valeur::Nombre(_)) => {}
            (Nature::Nombre, _) => return Err(incompatible("un nombre")),
            (Nature::Booleen, Valeur::Booleen(_)) if !c.operateur.ordonne() => {}
            (Nature::Booleen, _) => return Err(incompatible("oui ou non, avec = ou !=")),
            (Nature::Texte, Valeur::Texte(_)) if !c.operateur.ordonne() => {}
            (Nature::Texte, _) => {
                return Err(incompatible("un texte entre guillemets, avec = ou !="));
            }
            (Nature::Date, Valeur::Texte(t))
                if chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok() => {}
            (Nature::Date, _) => return Err(incompatible("une date \"AAAA-MM-JJ\"")),
        }
    }
    Ok(genre)
}

impl fmt::Display for Valeur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Valeur::Nombre(n) => write!(f, "{n}"),
            Valeur::Texte(t) => write!(f, "\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\"")),
            Valeur::Booleen(true) => f.write_str("oui"),
            Valeur::Booleen(false) => f.write_str("non"),
        }
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.genre)?;
        if !self.conditions.is_empty() {
            f.write_str("[")?;
            for (i, c) in self.conditions.iter().enumerate() {
                if i > 0 {
                    f.write_str(" et ")?;
                }
                write!(f, "{} {} {}", c.champ, c.operateur.as_str(), c.valeur)?;
            }
            f.write_str("]")?;
        }
        Ok(())
    }
}

/// The formula in its canonical form: what is stored and shown.
impl fmt::Display for Formule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({}", self.agregat.as_str(), self.selection)?;
        if let Some(champ) = &self.champ {
            write!(f, ".{champ}")?;
        }
        if let Some(den) = &self.denominateur {
            write!(f, ", {den}")?;
        }
        f.write_str(")")
    }
}

/// A cursor over the formula's characters.
struct Lecteur {
    chars: Vec<char>,
    pos: usize,
}

impl Lecteur {
    fn new(text: &str) -> Lecteur {
        Lecteur {
            chars: text.chars().collect(),
            pos: 0,
        }
    }

    fn blancs(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn erreur(&self, attendu: impl Into<String>) -> FormuleError {
        FormuleError::Syntaxe {
            position: self.pos + 1,
            attendu: attendu.into(),
        }
    }

    fn regarde(&mut self, s: &str) -> bool {
        self.blancs();
        s.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.pos + i) == Some(&c))
    }

    fn accepte(&mut self, s: &str) -> bool {
        let ok = self.regarde(s);
        if ok {
            self.pos += s.chars().count();
        }
        ok
    }

    fn symbole(&mut self, s: &str) -> Result<(), FormuleError> {
        if self.accepte(s) {
            Ok(())
        } else {
            Err(self.erreur(format!("« {s} » attendu")))
        }
    }

    fn fin(&mut self) -> Result<(), FormuleError> {
        self.blancs();
        if self.pos < self.chars.len() {
            Err(self.erreur("fin de la formule attendue"))
        } else {
            Ok(())
        }
    }

    /// A lower-case name: letters, digits and `_`, starting with a letter.
    fn identifiant(&mut self, attendu: &str) -> Result<String, FormuleError> {
        self.blancs();
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
        {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        if name.starts_with(|c: char| c.is_ascii_lowercase()) {
            Ok(name)
        } else {
            self.pos = start;
            Err(self.erreur(attendu))
        }
    }

    fn selection(&mut self) -> Result<Selection, FormuleError> {
        let genre = self.identifiant("un genre d'enregistrement (evenement_inscriptions…)")?;
        let mut conditions = Vec::new();
        if self.accepte("[") {
            loop {
                conditions.push(self.condition()?);
                if self.accepte("]") {
                    break;
                }
                let before = self.pos;
                match self.identifiant("« et » ou « ] »") {
                    Ok(mot) if mot == "et" => {}
                    _ => {
                        self.pos = before;
                        return Err(self.erreur("« et » ou « ] »"));
                    }
                }
            }
        }
        Ok(Selection { genre, conditions })
    }

    fn condition(&mut self) -> Result<Condition, FormuleError> {
        let champ = self.identifiant("un nom de champ")?;
        let operateur = [
            ("!=", Operateur::Different),
            (">=", Operateur::SuperieurOuEgal),
            ("<=", Operateur::InferieurOuEgal),
            ("=", Operateur::Egal),
            (">", Operateur::Superieur),
            ("<", Operateur::Inferieur),
        ]
        .into_iter()
        .find(|(s, _)| self.accepte(s))
        .map(|(_, o)| o)
        .ok_or_else(|| self.erreur("un opérateur (=, !=, >=, <=, >, <)"))?;
        let valeur = self.valeur()?;
        Ok(Condition {
            champ,
            operateur,
            valeur,
        })
    }

    fn valeur(&mut self) -> Result<Valeur, FormuleError> {
        self.blancs();
        match self.chars.get(self.pos) {
            Some('"') => {
                self.pos += 1;
                let mut text = String::new();
                loop {
                    match self.chars.get(self.pos) {
                        None => return Err(self.erreur("guillemet fermant attendu")),
                        Some('"') => {
                            self.pos += 1;
                            return Ok(Valeur::Texte(text));
                        }
                        Some('\\') => {
                            let Some(c) = self.chars.get(self.pos + 1) else {
                                return Err(self.erreur("guillemet fermant attendu"));
                            };
                            text.push(*c);
                            self.pos += 2;
                        }
                        Some(c) => {
                            text.push(*c);
                            self.pos += 1;
                        }
                    }
                }
            }
            Some(c) if c.is_ascii_digit() || *c == '-' => {
                let start = self.pos;
                self.pos += 1;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.')
                {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                text.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .map(Valeur::Nombre)
                    .ok_or_else(|| {
                        self.pos = start;
                        self.erreur("un nombre")
                    })
            }
            _ => match self
                .identifiant("une valeur : nombre, \"texte\", oui ou non")?
                .as_str()
            {
                "oui" => Ok(Valeur::Booleen(true)),
                "non" => Ok(Valeur::Booleen(false)),
                _ => Err(self.erreur("une valeur : nombre, \"texte\", oui ou non")),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::registre::REGISTRE;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_read_and_print_back_canonically() {
        let f = Formule::parse("  taux( candidatures[repondue=oui] ,candidatures )").unwrap();
        assert_eq!(f.agregat, Agregat::Taux);
        assert_eq!(
            f.to_string(),
            "taux(candidatures[repondue = oui], candidatures)"
        );
        assert!(f.verifier(REGISTRE).is_ok());
        let f = Formule::parse(
            "somme(equipement_reservations[statut = \"confirmee\" et heures >= 1.5].heures)",
        )
        .unwrap();
        assert_eq!(f.champ.as_deref(), Some("heures"));
        assert_eq!(f.selection.conditions.len(), 2);
        assert_eq!(f.selection.conditions[1].valeur, Valeur::Nombre(1.5));
        assert!(f.verifier(REGISTRE).is_ok());
    }

    #[test]
    fn bad_formulas_say_where_and_what() {
        let err = |t: &str| Formule::parse(t).unwrap_err().to_string();
        assert_eq!(err(""), "formule vide");
        assert!(err("combien(offres)").contains("agrégat inconnu « combien »"));
        assert!(err("compte(offres").contains("« ) » attendu"));
        assert!(err("compte(offres[etat ~ 1])").starts_with("caractère 20 : un opérateur"));
        assert!(err("compte(offres).").contains("fin de la formule"));
        assert!(err("somme(offres)").contains("une sélection suivie d'un champ"));
        assert!(err("taux(offres)").contains("deux sélections"));
        assert!(err("compte(offres[etat = \"ouverte)").contains("guillemet fermant"));
    }

    #[test]
    fn formulas_over_unknown_kinds_or_fields_are_refused() {
        let check = |t: &str| Formule::parse(t).unwrap().verifier(REGISTRE).unwrap_err();
        assert_eq!(
            check("compte(licornes)"),
            FormuleError::GenreInconnu("licornes".to_owned())
        );
        assert!(matches!(
            check("compte(offres[couleur = \"bleu\"])"),
            FormuleError::ChampInconnu { .. }
        ));
        assert!(matches!(
            check("somme(offres[etat = \"ouverte\"].etat)"),
            FormuleError::ChampNonNumerique { .. }
        ));
        assert!(matches!(
            check("compte(candidatures[repondue = 3])"),
            FormuleError::ValeurIncompatible { .. }
        ));
        assert!(matches!(
            check("taux(candidatures, offres)"),
            FormuleError::TauxGenresDifferents(..)
        ));
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_and_reads_back(text in "\\PC{0,80}") {
            if let Ok(f) = Formule::parse(&text) {
                prop_assert_eq!(Formule::parse(&f.to_string()), Ok(f));
            }
        }

        #[test]
        fn formula_like_text_is_read_or_refused(
            text in "(compte|somme|taux|mediane)\\((offres|candidatures)(\\[[a-z_]{1,8} ?(=|!=|>=|<) ?(\"[a-z\\\\\"]{0,5}\"|[0-9.]{1,4}|oui|non)( et )?\\])?(\\.[a-z]{1,5})?(, ?offres)?\\)"
        ) {
            if let Ok(f) = Formule::parse(&text) {
                let _ = f.verifier(REGISTRE);
                prop_assert_eq!(Formule::parse(&f.to_string()), Ok(f));
            }
        }
    }
}
