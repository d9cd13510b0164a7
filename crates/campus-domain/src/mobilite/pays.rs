//! Countries by ISO 3166-1 alpha-2 code, for the partner establishments
//! abroad and the mobility offers.
//!
//! A closed list rather than « two letters »: a code nobody can read back
//! (« XX ») would hide a partner from the country facet. The French names
//! of the countries of the Erasmus+ programme and of the usual partners
//! are given; the others are shown by their code.

use crate::string_type;

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted.
const CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// French names of the programme countries of Erasmus+ and of frequent
/// partners, sorted by code.
const NOMS: [(&str, &str); 44] = [
    ("AL", "Albanie"),
    ("AT", "Autriche"),
    ("BA", "Bosnie-Herzégovine"),
    ("BE", "Belgique"),
    ("BG", "Bulgarie"),
    ("CA", "Canada"),
    ("CH", "Suisse"),
    ("CY", "Chypre"),
    ("CZ", "Tchéquie"),
    ("DE", "Allemagne"),
    ("DK", "Danemark"),
    ("EE", "Estonie"),
    ("ES", "Espagne"),
    ("FI", "Finlande"),
    ("FR", "France"),
    ("GB", "Royaume-Uni"),
    ("GR", "Grèce"),
    ("HR", "Croatie"),
    ("HU", "Hongrie"),
    ("IE", "Irlande"),
    ("IS", "Islande"),
    ("IT", "Italie"),
    ("LI", "Liechtenstein"),
    ("LT", "Lituanie"),
    ("LU", "Luxembourg"),
    ("LV", "Lettonie"),
    ("MA", "Maroc"),
    ("ME", "Monténégro"),
    ("MK", "Macédoine du Nord"),
    ("MT", "Malte"),
    ("NL", "Pays-Bas"),
    ("NO", "Norvège"),
    ("PL", "Pologne"),
    ("PT", "Portugal"),
    ("RO", "Roumanie"),
    ("RS", "Serbie"),
    ("SE", "Suède"),
    ("SI", "Slovénie"),
    ("SK", "Slovaquie"),
    ("SN", "Sénégal"),
    ("TN", "Tunisie"),
    ("TR", "Turquie"),
    ("UA", "Ukraine"),
    ("US", "États-Unis"),
];

/// A code that is no ISO 3166-1 alpha-2 country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("code de pays inconnu")]
pub struct PaysError;

impl PaysError {
    pub fn message_key(&self) -> &'static str {
        "mobilite-error-pays-inconnu"
    }
}

/// A country, by its ISO 3166-1 alpha-2 code in upper case (`DE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pays(&'static str);

impl Pays {
    /// France, the country of every organisation of the network before
    /// partners abroad existed.
    pub const FRANCE: Pays = Pays("FR");

    /// A code typed in either case, with spaces around (`" de "`), or a
    /// French name given in [`NOMS`] (`Allemagne`).
    pub fn parse(input: &str) -> Result<Pays, PaysError> {
        let code = input.trim().to_ascii_uppercase();
        if let Ok(i) = CODES.binary_search(&code.as_str()) {
            return Ok(Pays(CODES[i]));
        }
        let folded = crate::fold_accents(input.trim()).to_lowercase();
        NOMS.iter()
            .find(|(_, nom)| crate::fold_accents(nom).to_lowercase() == folded)
            .and_then(|(c, _)| CODES.binary_search(c).ok().map(|i| Pays(CODES[i])))
            .ok_or(PaysError)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// The French name, or the code for a country without one here.
    pub fn nom(&self) -> &'static str {
        NOMS.binary_search_by(|(c, _)| c.cmp(&self.0))
            .map(|i| NOMS[i].1)
            .unwrap_or(self.0)
    }

    /// The countries with a French name, in name order (the forms' lists).
    pub fn nommes() -> Vec<Pays> {
        let mut all: Vec<Pays> = NOMS
            .iter()
            .filter_map(|(c, _)| Pays::parse(c).ok())
            .collect();
        all.sort_by_key(|p| crate::fold_accents(p.nom()));
        all
    }
}

string_type!(Pays, PaysError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(NOMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NOMS.iter().all(|(c, _)| CODES.contains(c)));
    }

    #[test]
    fn countries() {
        assert_eq!(Pays::parse(" de ").unwrap().as_str(), "DE");
        assert_eq!(Pays::parse("DE").unwrap().nom(), "Allemagne");
        assert_eq!(Pays::parse("allemagne").unwrap().as_str(), "DE");
        assert_eq!(Pays::parse("Etats-Unis").unwrap().as_str(), "US");
        assert_eq!(Pays::parse("JP").unwrap().nom(), "JP");
        assert!(Pays::parse("XX").is_err());
        assert!(Pays::parse("").is_err());
        assert!(Pays::parse("FRA").is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_round_trips(input in "\\PC{0,12}") {
            if let Ok(p) = Pays::parse(&input) {
                prop_assert_eq!(Pays::parse(p.as_str()).unwrap(), p);
            }
        }
    }
}
