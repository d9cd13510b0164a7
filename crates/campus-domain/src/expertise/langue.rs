//! The languages an expert can speak in, by ISO 639-1 code.
//!
//! A closed list rather than « two letters »: a code nobody can read back
//! (« xx ») would hide an expert from every search by language, and the
//! page names each language from its code.

use crate::string_type;

/// Every ISO 639-1 code in force (`bh`, withdrawn in 2021, is not).
const CODES: [&str; 183] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", //
    "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs", //
    "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", //
    "da", "de", "dv", "dz", //
    "ee", "el", "en", "eo", "es", "et", "eu", //
    "fa", "ff", "fi", "fj", "fo", "fr", "fy", //
    "ga", "gd", "gl", "gn", "gu", "gv", //
    "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", //
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", //
    "ja", "jv", //
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
    "ky", //
    "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", //
    "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", //
    "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", //
    "oc", "oj", "om", "or", "os", //
    "pa", "pi", "pl", "ps", "pt", //
    "qu", //
    "rm", "rn", "ro", "ru", "rw", //
    "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", //
    "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", //
    "ug", "uk", "ur", "uz", //
    "ve", "vi", "vo", //
    "wa", "wo", //
    "xh", //
    "yi", "yo", //
    "za", "zh", "zu",
];

/// A code that is no ISO 639-1 language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("code de langue inconnu")]
pub struct LangueError;

impl LangueError {
    pub fn message_key(&self) -> &'static str {
        "expert-error-langue-inconnue"
    }
}

/// A language, by its ISO 639-1 code in lower case (`fr`, `en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Langue(&'static str);

impl Langue {
    /// French, the language of the network.
    pub const FRANCAIS: Langue = Langue("fr");

    /// A code typed in either case, with spaces around (`" FR "`).
    pub fn parse(input: &str) -> Result<Langue, LangueError> {
        let code = input.trim().to_ascii_lowercase();
        CODES
            .binary_search(&code.as_str())
            .map(|i| Langue(CODES[i]))
            .map_err(|_| LangueError)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

string_type!(Langue, LangueError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_sorted_and_unique() {
        // `parse` searches by bisection.
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(CODES.iter().all(|c| c.len() == 2));
    }

    #[test]
    fn languages() {
        assert_eq!(Langue::parse(" FR ").unwrap(), Langue::FRANCAIS);
        assert_eq!(Langue::parse("en").unwrap().to_string(), "en");
        assert_eq!(Langue::parse("xx"), Err(LangueError));
        assert_eq!(Langue::parse("fra"), Err(LangueError));
        assert_eq!(Langue::parse("bh"), Err(LangueError));
        assert_eq!(Langue::parse(""), Err(LangueError));
        assert_eq!(
            serde_json::to_string(&Langue::parse("de").unwrap()).unwrap(),
            "\"de\""
        );
        assert!(serde_json::from_str::<Langue>("\"zz\"").is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_gives_a_listed_code(s in "\\PC{0,6}") {
            if let Ok(langue) = Langue::parse(&s) {
                prop_assert!(CODES.contains(&langue.as_str()));
            }
        }
    }
}
