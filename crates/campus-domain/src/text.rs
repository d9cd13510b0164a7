//! Free text typed in forms: trimmed, bounded, without control characters
//! (which break exports and terminals and hide content).

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("champ obligatoire")]
    Empty,
    #[error("au plus {max} caractères")]
    TooLong { max: usize },
    #[error("caractères de contrôle interdits")]
    ControlChars,
}

impl TextError {
    pub fn message_key(&self) -> &'static str {
        match self {
            TextError::Empty => "text-empty",
            TextError::TooLong { .. } => "text-too-long",
            TextError::ControlChars => "text-control-chars",
        }
    }
}

/// A required text of at most `max_chars` characters.
pub fn required_text(input: &str, max_chars: usize) -> Result<String, TextError> {
    optional_text(input, max_chars)?.ok_or(TextError::Empty)
}

/// An optional text: empty (after trimming) gives `None`.
pub fn optional_text(input: &str, max_chars: usize) -> Result<Option<String>, TextError> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max_chars {
        return Err(TextError::TooLong { max: max_chars });
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(TextError::ControlChars);
    }
    Ok(Some(text.replace("\r\n", "\n")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rules() {
        assert_eq!(required_text("  Léa ", 10), Ok("Léa".to_owned()));
        assert_eq!(required_text("   ", 10), Err(TextError::Empty));
        assert_eq!(required_text("ééé", 2), Err(TextError::TooLong { max: 2 }));
        assert_eq!(required_text("a\u{0}b", 10), Err(TextError::ControlChars));
        assert_eq!(optional_text("", 10), Ok(None));
        assert_eq!(optional_text("a\r\nb", 10), Ok(Some("a\nb".to_owned())));
    }

    proptest! {
        #[test]
        fn accepted_text_is_bounded_and_clean(s in "\\PC{0,50}", max in 1usize..40) {
            if let Ok(Some(text)) = optional_text(&s, max) {
                prop_assert!(text.chars().count() <= max);
                prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }
    }
}
