//! How facet values are stored in the index's fast fields: small integers,
//! so that counting them over every match costs one array read each.

use campus_domain::search::{DocumentKind, Modalite};

pub(crate) fn kind_code(kind: DocumentKind) -> u64 {
    match kind {
        DocumentKind::Metier => 1,
        DocumentKind::Certification => 2,
        DocumentKind::Organisation => 3,
        DocumentKind::Formation => 4,
        DocumentKind::Offre => 5,
        DocumentKind::Projet => 6,
        DocumentKind::Expert => 7,
        DocumentKind::Ressource => 8,
    }
}

pub(crate) fn kind_of_code(code: u64) -> Option<DocumentKind> {
    DocumentKind::ALL
        .into_iter()
        .find(|k| kind_code(*k) == code)
}

/// One bit per modality: a document may have several.
pub(crate) fn modalite_bit(modalite: Modalite) -> u64 {
    match modalite {
        Modalite::Initiale => 1,
        Modalite::Apprentissage => 2,
        Modalite::Continue => 4,
        Modalite::Vae => 8,
    }
}

pub(crate) fn modalites_mask(modalites: &[Modalite]) -> u64 {
    modalites.iter().fold(0, |mask, m| mask | modalite_bit(*m))
}

/// A département code (`45`, `2A`, `971`: at most three ASCII letters or
/// digits) packed into an integer; 0 means none. Anything else is not a
/// département and packs to 0.
pub(crate) fn pack_departement(code: &str) -> u64 {
    let bytes = code.as_bytes();
    if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return 0;
    }
    bytes
        .iter()
        .fold(0, |packed, b| (packed << 8) | u64::from(*b))
}

pub(crate) fn unpack_departement(packed: u64) -> Option<String> {
    if packed == 0 {
        return None;
    }
    let bytes: Vec<u8> = packed
        .to_be_bytes()
        .into_iter()
        .skip_while(|b| *b == 0)
        .collect();
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departements_round_trip() {
        for code in ["45", "2A", "2B", "971", "01"] {
            let packed = pack_departement(code);
            assert_ne!(packed, 0);
            assert_eq!(unpack_departement(packed).as_deref(), Some(code));
        }
        assert_eq!(pack_departement(""), 0);
        assert_eq!(pack_departement("9745"), 0);
        assert_eq!(pack_departement("4 "), 0);
        assert_eq!(unpack_departement(0), None);
    }

    #[test]
    fn kinds_and_modalities_are_distinct() {
        for kind in DocumentKind::ALL {
            assert_eq!(kind_of_code(kind_code(kind)), Some(kind));
        }
        assert_eq!(kind_of_code(0), None);
        assert_eq!(modalites_mask(&Modalite::ALL), 15);
        assert_eq!(modalites_mask(&[]), 0);
    }
}
