//! The skills a bloc de compétences lists, one per item.
//!
//! The register publishes each list as one text whose line breaks were
//! flattened into runs of spaces, sometimes with bullets (`*` for a skill,
//! `o` for its parts) and, in recent fiches, HTML tags. Skills are later
//! compared with ROME skills one by one, so the list is cut back into its
//! items here, once, with a rule that does not depend on the fiche.

/// One skill of a bloc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competence {
    /// 1 for a skill, 2 for a part of the skill listed above it.
    pub niveau: u8,
    pub libelle: String,
}

/// Bullets that mark a part of the skill above (second level).
const SUB_BULLETS: [char; 5] = ['o', '○', '◦', '▪', '‣'];
/// Bullets of a first-level item; `-` is second level under `*` or `•`.
const BULLETS: [char; 6] = ['*', '•', '·', '-', '–', '—'];

/// Replaces HTML tags by line breaks, so that `<li>` items separate.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(end) if is_tag => {
                out.push('\n');
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
}

/// The items of a flattened list: cut at line breaks and at runs of two
/// or more spaces.
fn items(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut spaces = 0usize;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            spaces = 2;
        } else if c.is_whitespace() {
            spaces += 1;
        } else {
            if spaces >= 2 {
                found.push(std::mem::take(&mut current));
            } else if spaces == 1 && !current.is_empty() {
                current.push(' ');
            }
            spaces = 0;
            current.push(c);
        }
    }
    found.push(current);
    found.retain(|s| !s.is_empty());
    found
}

/// The bullet an item starts with, and the item without it.
fn bullet(item: &str) -> (Option<char>, &str) {
    let mut chars = item.chars();
    match (chars.next(), chars.next()) {
        (Some(b), Some(' ')) if SUB_BULLETS.contains(&b) || BULLETS.contains(&b) => {
            (Some(b), chars.as_str().trim_start())
        }
        (Some(b), _) if b != 'o' && (SUB_BULLETS.contains(&b) || BULLETS.contains(&b)) => {
            (Some(b), item[b.len_utf8()..].trim_start())
        }
        _ => (None, item),
    }
}

/// The skills of a published list, in order.
pub fn competences(liste: &str) -> Vec<Competence> {
    let items = items(&without_tags(liste));
    let starred = items
        .iter()
        .any(|i| matches!(bullet(i).0, Some('*') | Some('•')));
    items
        .iter()
        .filter_map(|item| {
            let (mark, text) = bullet(item);
            let libelle = text
                .trim_end_matches(|c: char| matches!(c, ';' | ',' | '.' | ':') || c.is_whitespace())
                .to_owned();
            if !libelle.chars().any(char::is_alphanumeric) {
                return None;
            }
            let second = match mark {
                Some(m) if SUB_BULLETS.contains(&m) => true,
                Some('-') => starred,
                _ => false,
            };
            Some(Competence {
                niveau: if second { 2 } else { 1 },
                libelle,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(list: &[Competence]) -> Vec<(u8, &str)> {
        list.iter()
            .map(|c| (c.niveau, c.libelle.as_str()))
            .collect()
    }

    #[test]
    fn a_flat_list_separated_by_runs_of_spaces() {
        let list = competences(
            "Concevoir une solution d’infrastructure réseau      Installer, tester et déployer une solution      Gérer les données    ",
        );
        assert_eq!(
            texts(&list),
            [
                (1, "Concevoir une solution d’infrastructure réseau"),
                (1, "Installer, tester et déployer une solution"),
                (1, "Gérer les données"),
            ]
        );
    }

    #[test]
    fn bullets_give_two_levels() {
        let list = competences(
            "    * Gérer le patrimoine informatique            o Recenser et identifier les ressources numériques            o Gérer des sauvegardes      * Travailler en mode projet            o Planifier les activités.",
        );
        assert_eq!(
            texts(&list),
            [
                (1, "Gérer le patrimoine informatique"),
                (2, "Recenser et identifier les ressources numériques"),
                (2, "Gérer des sauvegardes"),
                (1, "Travailler en mode projet"),
                (2, "Planifier les activités"),
            ]
        );
    }

    #[test]
    fn html_lists_and_dashes() {
        let list = competences(
            "<p>Formuler :</p><ul><li>- Analyser un besoin ;</li><li>Rédiger&nbsp;un cahier des charges</li></ul>",
        );
        assert_eq!(
            texts(&list),
            [
                (1, "Formuler"),
                (1, "Analyser un besoin"),
                (1, "Rédiger un cahier des charges"),
            ]
        );
        assert_eq!(
            texts(&competences("• Produire\n- contrôler les lots\n- a < b")),
            [(1, "Produire"), (2, "contrôler les lots"), (2, "a < b")]
        );
        assert!(competences("  *  ;  ").is_empty());
        assert_eq!(texts(&competences("organiser")), [(1, "organiser")]);
    }

    proptest! {
        #[test]
        fn items_are_trimmed_and_never_empty(text in "\\PC{0,300}") {
            for c in competences(&text) {
                prop_assert!(!c.libelle.is_empty());
                prop_assert_eq!(c.libelle.trim(), c.libelle.as_str());
                prop_assert!(!c.libelle.contains("  "));
                prop_assert!(c.niveau == 1 || c.niveau == 2);
            }
        }
    }
}
