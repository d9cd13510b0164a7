//! Signed links: addresses that carry their own proof of authenticity, for
//! people who act without an account (a parent who consents, a participant
//! who cancels or answers a survey). Calendar feeds, which must be
//! revocable, use stored tokens instead (`campus_store::feeds`).
//!
//! The signature is an HMAC-SHA256 of the purpose and the object's id
//! under the server key kept in the database, so every node checks links
//! made by any other, and a link for one purpose (cancel) cannot be
//! replayed for another (consent). Links do not expire: their use is
//! bounded by the object's own state (a cancelled registration cannot be
//! cancelled twice; an event over takes no consent).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a link allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Seeing and cancelling a registration (its holder).
    Holder,
    ParentalConsent,
    Survey,
    /// An expert's answer to a request, from the e-mail that carries it.
    ExpertAnswer,
    /// The host establishment abroad approves a mobility's learning
    /// agreement (its contact has no account).
    MobilityHost,
    /// A parent consents to a minor's mobility abroad.
    MobilityParentalConsent,
    /// Confirming a subscription to the newsletter (double opt-in): the
    /// link is bound to the subscription and its address, and dies with
    /// the pending subscription when it expires.
    NewsletterConfirm,
    /// Unsubscribing from the newsletter, from any of its messages.
    NewsletterUnsubscribe,
}

impl Purpose {
    fn label(self) -> &'static str {
        match self {
            Purpose::Holder => "inscription",
            Purpose::ParentalConsent => "consentement",
            Purpose::Survey => "avis",
            Purpose::ExpertAnswer => "reponse-expert",
            Purpose::MobilityHost => "accueil-mobilite",
            Purpose::MobilityParentalConsent => "consentement-mobilite",
            Purpose::NewsletterConfirm => "lettre-confirmation",
            Purpose::NewsletterUnsubscribe => "lettre-desabonnement",
        }
    }
}

fn mac(key: &[u8], purpose: Purpose, id: &str) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
    mac.update(b"campus-lien:");
    mac.update(purpose.label().as_bytes());
    mac.update(b":");
    mac.update(id.as_bytes());
    Some(mac)
}

/// The signature of `id` for `purpose`.
pub fn sign(key: &[u8], purpose: Purpose, id: &str) -> String {
    mac(key, purpose, id)
        .map(|m| URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Whether `signature` is the one of `id` for `purpose` (in constant time).
pub fn verify(key: &[u8], purpose: Purpose, id: &str, signature: &str) -> bool {
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(signature.trim()) else {
        return false;
    };
    mac(key, purpose, id).is_some_and(|m| m.verify_slice(&bytes).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_bound_to_purpose_and_id() {
        let key = b"0123456789abcdef0123456789abcdef";
        let sig = sign(key, Purpose::Holder, "12");
        assert!(verify(key, Purpose::Holder, "12", &sig));
        assert!(!verify(key, Purpose::ParentalConsent, "12", &sig));
        assert!(!verify(key, Purpose::Holder, "13", &sig));
        assert!(!verify(
            b"another key of the same length!!",
            Purpose::Holder,
            "12",
            &sig
        ));
        assert!(!verify(key, Purpose::Holder, "12", ""));
        assert!(!verify(key, Purpose::Holder, "12", "%%"));
    }
}
