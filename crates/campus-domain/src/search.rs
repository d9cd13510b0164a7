//! The one shape every searchable thing of the catalogue takes.
//!
//! Each kind (trade, certification, training, organisation) is
//! turned into a [`SearchDocument`] by a function of the data layer; the
//! search engine only ever sees this shape, so a new kind plugs in with one
//! more producer and one more [`DocumentKind`] variant.

use serde::{Deserialize, Serialize};

pub use crate::formation::Modalite;

/// What a search result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Metier,
    Certification,
    Formation,
    Organisation,
    /// An open offer of the network or of a partner feed.
    Offre,
    /// A public project of the network (the showcase).
    Projet,
    /// An expert of the network's directory.
    Expert,
    /// An approved public resource of the pedagogical library.
    Ressource,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 8] = [
        DocumentKind::Metier,
        DocumentKind::Certification,
        DocumentKind::Formation,
        DocumentKind::Organisation,
        DocumentKind::Offre,
        DocumentKind::Projet,
        DocumentKind::Expert,
        DocumentKind::Ressource,
    ];

    /// The code used in addresses (`?type=metier`) and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Metier => "metier",
            DocumentKind::Certification => "certification",
            DocumentKind::Formation => "formation",
            DocumentKind::Organisation => "organisation",
            DocumentKind::Offre => "offre",
            DocumentKind::Projet => "projet",
            DocumentKind::Expert => "expert",
            DocumentKind::Ressource => "ressource",
        }
    }

    pub fn parse(code: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == code)
    }
}

/// A searchable thing of the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchDocument {
    pub kind: DocumentKind,
    /// Unique within its kind (ROME code, register code, slug…).
    pub id: String,
    /// The page that shows it.
    pub url: String,
    pub title: String,
    /// Short texts people search by: other names, codes, places.
    pub keywords: Vec<String>,
    /// Longer descriptive text, weighed less than the rest.
    pub text: Vec<String>,
    /// European qualification level (3 to 8), when it has one.
    pub niveau: Option<u8>,
    pub modalites: Vec<Modalite>,
    /// Département code (`45`, `2A`, `971`).
    pub departement: Option<String>,
    /// Whether it belongs to the campus's own sector.
    pub secteur: bool,
    /// Where it is, when it has a place.
    pub position: Option<crate::geo::GeoPoint>,
    /// Still delivered: false for a certification the register marks
    /// inactive or that a newer one replaced (RNCP lineage), which people
    /// looking for it mean less often than its successor.
    pub en_vigueur: bool,
    /// ROME codes of the trades it leads to (a certification's): a query
    /// naming one of these trades finds it right after the trade, even in
    /// other words
    /// (« parfumeur » → « Créateur - manager en parfumerie »).
    pub metiers: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
        for modalite in Modalite::ALL {
            assert_eq!(Modalite::parse(modalite.as_str()), Some(modalite));
        }
        assert_eq!(DocumentKind::parse("Metier"), None);
        assert_eq!(Modalite::parse(""), None);
    }
}
