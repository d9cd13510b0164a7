//! The Formacode thesaurus of training fields (Centre Inffo).

/// The code of a Formacode descriptor: five digits (`22885`). Whether the
/// thesaurus holds it is the referential's business.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeFormacode(String);

/// A typed Formacode code that is not five digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("un code Formacode a cinq chiffres")]
pub struct CodeFormacodeError;

impl CodeFormacode {
    pub fn parse(input: &str) -> Result<CodeFormacode, CodeFormacodeError> {
        let code = input.trim();
        if code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()) {
            Ok(CodeFormacode(code.to_owned()))
        } else {
            Err(CodeFormacodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CodeFormacode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Formacode descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formacode {
    /// The stable five-digit code (`22885`).
    pub code: String,
    pub libelle: String,
    /// `DOM` (field), `DIP` (diploma), `PUB` (public), `OUT` (tool)…
    pub kind: String,
    pub champ_semantique: Option<String>,
    pub synonymes: Vec<String>,
    /// Broader, narrower and related descriptors (codes).
    pub generiques: Vec<String>,
    pub specifiques: Vec<String>,
    pub associes: Vec<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    /// NSF code and label (`222 Transformations chimiques…`).
    pub nsf: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn five_digits() {
        assert_eq!(
            CodeFormacode::parse(" 22885 ").map(|c| c.to_string()),
            Ok("22885".to_owned())
        );
        assert_eq!(CodeFormacode::parse("2288"), Err(CodeFormacodeError));
        assert_eq!(CodeFormacode::parse("2288a"), Err(CodeFormacodeError));
        assert_eq!(CodeFormacode::parse("２２８８５"), Err(CodeFormacodeError));
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,12}") {
            let _ = CodeFormacode::parse(&input);
        }
    }
}
