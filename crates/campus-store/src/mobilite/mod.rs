//! European mobility (lever 7): partner establishments abroad, mobility
//! offers and applications, built on the insertion feature.
//!
//! A mobility offer is an offer of `offres` with its row in
//! `offres_mobilite`; an application to it is an application of
//! `candidatures` (same pipeline, same e-mails, same reminders) with its
//! row in `candidatures_mobilite`. What a mobility adds holds here:
//! - the learning agreement, the school's and the host's approvals and,
//!   for a minor, the parent's consent, each one conditional update (an
//!   approval given twice is given once);
//! - confirming the mobility (retaining the application) is refused, in
//!   the step's own transaction, while one of them is missing
//!   ([`manque_pour_confirmer`], called by the insertion pipeline);
//! - after return, the skills acquired and the Europass Mobility
//!   document, registered in one transaction.

pub mod candidatures;
pub(crate) mod demo;
pub mod offres;
pub mod partenaires;
pub mod rapport;

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::StoreError;
use crate::entity::candidature_mobilite;

pub use candidatures::{
    CandidatureMobilite, CompetenceCertification, CompetenceContrat, NouvelleCandidatureMobilite,
};
pub use offres::{FiltreMobilites, OffreMobilite, OffreMobiliteSaisie};
pub use partenaires::{Partenaire, PartenaireSaisie};
pub use rapport::Participation;

crate::handle::feature_handle!(
    /// European mobility: partners abroad, mobility offers, applications.
    Mobilite,
    mobilite
);

/// What is missing before application `id` can be confirmed (retained),
/// as a message key; `None` when it is no mobility or nothing is missing.
pub(crate) async fn manque_pour_confirmer<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<Option<&'static str>, StoreError> {
    let Some(m) = candidature_mobilite::Entity::find_by_id(id)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(if m.contrat_le.is_none() {
        Some("mobilite-manque-contrat")
    } else if m.accord_ecole_le.is_none() {
        Some("mobilite-manque-accord-ecole")
    } else if m.accord_hote_le.is_none() {
        Some("mobilite-manque-accord-hote")
    } else if m.consentement == "attendu" || m.consentement == "refuse" {
        Some("mobilite-manque-consentement")
    } else {
        None
    })
}

/// Comma-separated codes.
pub(crate) fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}
