//! Readable identifiers for addresses (`/organisations/universite-d-orleans`).

/// A lower-case ASCII slug of `name`: French letters lose their accents,
/// any other run of characters becomes one `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            _ => "",
        };
        if !folded.is_empty() || c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            if folded.is_empty() {
                slug.push(c);
            } else {
                slug.push_str(folded);
            }
        } else {
            pending_dash = true;
        }
        if slug.len() >= 80 {
            break;
        }
    }
    // Only ASCII was pushed, so any byte length is a character boundary.
    slug.truncate(80);
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "organisation".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn french_names() {
        assert_eq!(slugify("Université d'Orléans"), "universite-d-orleans");
        assert_eq!(slugify("  L'Oréal  "), "l-oreal");
        assert_eq!(slugify("Cœur de métier — Œuvre"), "coeur-de-metier-oeuvre");
        assert_eq!(slugify("!!!"), "organisation");
        assert_eq!(slugify("IMT – Institut"), "imt-institut");
    }

    proptest! {
        #[test]
        fn always_a_clean_slug(s in "\\PC{0,200}") {
            let slug = slugify(&s);
            prop_assert!(slug.len() <= 80);
            prop_assert!(!slug.is_empty());
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        }
    }
}
