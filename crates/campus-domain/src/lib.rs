//! Types and rules of the campus platform, without I/O.
//!
//! Every official code and every value typed by a user is parsed once, at
//! the edge, into a type that cannot hold an invalid value; the rest of the
//! platform never re-checks. Each error has a stable message key, shown to
//! people through the translation files of the web crate.

pub mod actualite;
pub mod bcn;
pub mod certification;
pub mod clock;
mod code_postal;
mod code_rome;
pub mod commune;
pub mod competences;
mod departement;
mod email;
pub mod equipement;
pub mod evaluation;
pub mod evenement;
pub mod expertise;
pub mod fiche_rncp;
pub mod formacode;
pub mod formation;
pub mod geo;
pub mod heure_legale;
pub mod insertion;
pub mod lheo;
pub mod mobilite;
pub mod module;
mod montant;
pub mod onisep;
mod organisation;
pub mod parcours;
mod password;
pub mod projet;
pub mod ressource;
mod role;
pub mod rome;
pub mod search;
mod sector;
mod siret;
mod slug;
mod text;
mod uai;

pub use certification::{CodeCertification, CodeCertificationError, Niveau};
pub use clock::{Clock, ManualClock};
pub use code_postal::{CodePostal, CodePostalError};
pub use code_rome::{CodeRome, CodeRomeError};
pub use departement::{Departement, DepartementError};
pub use email::{Email, EmailError};
pub use geo::{GeoPoint, GeoPointError};
pub use montant::{Centimes, MontantError};
pub use organisation::{MembreRole, OrganisationKind, OrganismeApprentissage, OrigineOrganisation};
pub use password::{PasswordError, check_new_password};
pub use role::{Role, RoleError, StatutApprenant};
pub use sector::{Sector, SectorError};
pub use siret::{Siren, Siret, SiretError};
pub use slug::{fold_accents, slugify};
pub use text::{TextError, optional_text, required_text};
pub use uai::{Uai, UaiError};

/// Implements `Display`, `FromStr`, `Serialize` and `Deserialize` (through
/// `parse`) for a validated string newtype.
macro_rules! string_type {
    ($t:ty, $err:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $t {
            type Err = $err;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t>::parse(s)
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                <$t>::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use string_type;

/// The input without any whitespace (codes are often typed in groups:
/// "123 456 789 00012").
pub(crate) fn compact(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace()).collect()
}
