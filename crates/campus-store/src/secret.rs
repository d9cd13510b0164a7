//! Random secrets handed to users (session cookies, one-time links, API
//! tokens) and the hashes under which they are stored.
//!
//! Only a SHA-256 of each secret reaches the database, so a leaked backup
//! cannot be replayed; the secrets carry 256 bits of entropy, which makes a
//! fast unsalted hash sufficient (unlike passwords, which use argon2id).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh secret of 32 random bytes, URL-safe base64 without padding.
pub fn generate_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The hex SHA-256 of a secret, the form in which it is stored.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_distinct_and_url_safe() {
        let a = generate_token();
        let b = generate_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    #[test]
    fn hash_is_stable_hex() {
        assert_eq!(hash_token("abc").len(), 64);
        assert_eq!(hash_token("abc"), hash_token("abc"));
        assert_ne!(hash_token("abc"), hash_token("abd"));
    }
}

mod server {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};

    use crate::entity::server_secret;
    use crate::{Store, StoreError};

    impl Store {
        /// A secret shared by every node (for example the key that signs
        /// CSRF tokens), created on first use. Two nodes racing to create it
        /// both end up reading the one that was stored first.
        pub async fn server_secret(&self, name: &str) -> Result<String, StoreError> {
            if let Some(row) = server_secret::Entity::find_by_id(name.to_owned())
                .one(self.conn())
                .await?
            {
                return Ok(row.value);
            }
            let inserted = server_secret::ActiveModel {
                name: Set(name.to_owned()),
                value: Set(super::generate_token()),
                created_at: Set(self.now()),
            }
            .insert(self.conn())
            .await;
            match inserted.map_err(StoreError::from) {
                Ok(row) => Ok(row.value),
                Err(e) if e.is_conflict() => server_secret::Entity::find_by_id(name.to_owned())
                    .one(self.conn())
                    .await?
                    .map(|row| row.value)
                    .ok_or(StoreError::NotFound),
                Err(e) => Err(e),
            }
        }
    }
}
