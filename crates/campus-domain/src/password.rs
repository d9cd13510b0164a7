//! The password policy for new passwords, after NIST SP 800-63B: length
//! matters, composition rules do not; refuse what attackers try first.

/// Why a new password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("au moins 12 caractères")]
    TooShort,
    #[error("au plus 128 caractères")]
    TooLong,
    #[error("un seul caractère répété")]
    Repetitive,
    #[error("contient votre nom ou votre adresse")]
    Personal,
    #[error("mot de passe trop courant")]
    Common,
}

impl PasswordError {
    pub fn message_key(&self) -> &'static str {
        match self {
            PasswordError::TooShort => "password-too-short",
            PasswordError::TooLong => "password-too-long",
            PasswordError::Repetitive => "password-repetitive",
            PasswordError::Personal => "password-personal",
            PasswordError::Common => "password-common",
        }
    }
}

/// Passwords of 12 characters or more that leak lists show first.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "motdepasse123",
    "motdepasse1234",
    "password1234",
    "password12345",
    "azertyuiop12",
    "azertyuiop123",
    "azertyuiopqs",
    "qwertyuiop12",
    "qwertyuiop123",
    "000000000000",
    "iloveyou1234",
    "soleil123456",
    "bonjour12345",
    "motdepasse!!",
    "cosmetopharma",
];

/// Checks a password chosen by a user. `context` holds words of the
/// account (e-mail local part, name) that must not appear in it.
pub fn check_new_password(password: &str, context: &[&str]) -> Result<(), PasswordError> {
    let length = password.chars().count();
    if length < 12 {
        return Err(PasswordError::TooShort);
    }
    if length > 128 {
        return Err(PasswordError::TooLong);
    }
    let mut chars = password.chars();
    if let Some(first) = chars.next()
        && chars.all(|c| c == first)
    {
        return Err(PasswordError::Repetitive);
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) {
        return Err(PasswordError::Common);
    }
    for word in context {
        let word = word.trim().to_lowercase();
        if word.chars().count() >= 4 && lower.contains(&word) {
            return Err(PasswordError::Personal);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn policy() {
        assert_eq!(
            check_new_password("une phrase de passe solide", &["lea", "Léa Martin"]),
            Ok(())
        );
        assert_eq!(
            check_new_password("court", &[]),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password(&"x".repeat(129), &[]),
            Err(PasswordError::TooLong)
        );
        assert_eq!(
            check_new_password("aaaaaaaaaaaaaa", &[]),
            Err(PasswordError::Repetitive)
        );
        assert_eq!(
            check_new_password("AzertyUiop12", &[]),
            Err(PasswordError::Common)
        );
        assert_eq!(
            check_new_password("martin.lea.2024!", &["martin.lea"]),
            Err(PasswordError::Personal)
        );
        // Short context words are ignored.
        assert_eq!(
            check_new_password("le chat dort au soleil", &["le"]),
            Ok(())
        );
        // Twelve characters, not twelve bytes.
        assert_eq!(
            check_new_password("ééééééééééé", &[]),
            Err(PasswordError::TooShort)
        );
    }

    proptest! {
        #[test]
        fn never_panics(p in "\\PC{0,140}", c in "\\PC{0,20}") {
            let _ = check_new_password(&p, &[&c]);
        }
    }
}
