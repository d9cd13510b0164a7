//! Password hashing with argon2id.
//!
//! Hashing is deliberately slow (tens of milliseconds and 19 MiB by
//! default), so it runs on the blocking pool, never on the threads that
//! serve requests. A sign-in for an unknown address still verifies against
//! a fixed hash, so that response times do not reveal which addresses have
//! an account.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Hashes and verifies passwords with the configured cost.
#[derive(Clone, Debug)]
pub struct PasswordHasher {
    params: Params,
    /// A real hash of a random password, verified against when the account
    /// does not exist.
    decoy: String,
}

impl PasswordHasher {
    pub fn new(memory_kib: u32, iterations: u32) -> Result<PasswordHasher, PasswordHashError> {
        let params =
            Params::new(memory_kib, iterations, 1, None).map_err(PasswordHashError::Params)?;
        let decoy = hash_with(&params, &campus_store::generate_token())?;
        Ok(PasswordHasher { params, decoy })
    }

    pub async fn hash(&self, password: String) -> Result<String, PasswordHashError> {
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || hash_with(&params, &password)).await?
    }

    /// Whether `password` matches `hash`; `None` verifies against the
    /// decoy and answers false.
    pub async fn verify(&self, password: String, hash: Option<String>) -> bool {
        let real = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.decoy.clone());
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        real && matches
    }
}

/// Why a password could not be hashed: the configured cost, or the
/// blocking task that ran it (never the password itself).
#[derive(Debug, thiserror::Error)]
pub enum PasswordHashError {
    #[error("paramètres argon2 : {0}")]
    Params(argon2::Error),
    #[error("hachage argon2 : {0}")]
    Hash(argon2::password_hash::Error),
    #[error("tâche de hachage interrompue")]
    Task(#[from] tokio::task::JoinError),
}

fn hash_with(params: &Params, password: &str) -> Result<String, PasswordHashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(PasswordHashError::Hash)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn hash_and_verify() {
        let hasher = PasswordHasher::new(19 * 1024, 2).unwrap();
        let hash = hasher.hash("un long mot de passe".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            hasher
                .verify("un long mot de passe".into(), Some(hash.clone()))
                .await
        );
        assert!(
            !hasher
                .verify("un autre mot de passe".into(), Some(hash))
                .await
        );
        assert!(!hasher.verify("un long mot de passe".into(), None).await);
        assert!(!hasher.verify("x".into(), Some("pas un hash".into())).await);
    }
}
