//! Readable identifiers for addresses (`/organisations/universite-d-orleans`)
//! and the accent folding they rest on, the one rule by which the platform
//! compares French words typed with or without accents (« contrôle » and
//! « controle », « Cœur » and « coeur »).

/// The ASCII letters a lower-case French letter is written with when
/// accents are dropped; `None` for a character that is not one.
fn folded_letter(c: char) -> Option<&'static str> {
    Some(match c {
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
        _ => return None,
    })
}

/// `text` in lower case with the accents and ligatures of French folded to
/// ASCII (`Œuvre élégante` → `oeuvre elegante`); every other character
/// is kept, lower-cased.
pub fn fold_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match folded_letter(c) {
            Some(letters) => out.push_str(letters),
            None => out.push(c),
        }
    }
    out
}

/// A lower-case ASCII slug of `name`: French letters lose their accents
/// (as [`fold_accents`] folds them), any other run of characters becomes
/// one `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = folded_letter(c);
        if folded.is_some() || c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            match folded {
                Some(letters) => slug.push_str(letters),
                None => slug.push(c),
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

    #[test]
    fn accents_fold_to_ascii() {
        assert_eq!(
            fold_accents("Œuvre ÉLÉGANTE à Orléans"),
            "oeuvre elegante a orleans"
        );
        assert_eq!(fold_accents("contrôle qualité"), "controle qualite");
        assert_eq!(fold_accents("Ça, c’est 42 €"), "ca, c’est 42 €");
    }

    proptest! {
        #[test]
        fn folding_leaves_no_french_accent_and_agrees_with_slugs(s in "\\PC{0,60}") {
            let folded = fold_accents(&s);
            prop_assert!(!folded.chars().any(|c| "àâäáãåçéèêëîïíìôöóòõùûüúÿýñœæ".contains(c)));
            prop_assert_eq!(fold_accents(&folded), folded.clone());
            // A slug is the folded text's ASCII words, joined by dashes.
            prop_assert_eq!(slugify(&s), slugify(&folded));
        }

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
