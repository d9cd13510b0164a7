//! From a `<formation>` element to the catalogue's training: the fields the
//! platform queries and shows, with LHÉO's codes resolved where the language
//! defines them. The element itself is kept whole for the export.

use campus_domain::formation::{
    Action, CodeKind, Contact, Financeur, Formation, Lieu, Modalite, Organisme, Session, Source,
};
use campus_domain::lheo::{FINANCEURS, niveau_europeen};

use super::Element;

/// Why an offer cannot be kept, and which element says so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ligne {line}, colonne {column} : {message}")]
pub struct OffreError {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

fn error(element: &Element, message: impl Into<String>) -> OffreError {
    OffreError {
        line: element.line,
        column: element.column,
        message: message.into(),
    }
}

/// The Formacode of validation of prior experience (VAE).
const FORMACODE_VAE: &str = "44591";

/// The identifier of an element: its `numero` attribute, or for actions and
/// sessions without one, its rank among its siblings (stable as long as the
/// publisher keeps the order).
fn numero(element: &Element, rank: usize) -> String {
    element
        .attribute("numero")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("rang-{}", rank + 1))
}

fn number(element: &Element, path: &[&str]) -> Option<f64> {
    element
        .text_at(path)
        .and_then(|t| t.replace(',', ".").replace(' ', "").parse::<f64>().ok())
        .filter(|n| n.is_finite())
}

/// `AAAAMMJJ` (LHÉO's date) as an ISO date; `00000000` and impossible
/// dates are absent.
fn date(element: &Element, path: &[&str]) -> Option<String> {
    let raw = element.text_at(path)?;
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 8 {
        return None;
    }
    let (year, month, day) = (&digits[..4], &digits[4..6], &digits[6..]);
    let valid = year != "0000"
        && matches!(month.parse::<u8>(), Ok(1..=12))
        && matches!(day.parse::<u8>(), Ok(1..=31));
    valid.then(|| format!("{year}-{month}-{day}"))
}

/// A place from an `<adresse>` element (and the name of its `<coordonnees>`).
fn lieu(nom: Option<String>, adresse: &Element) -> Lieu {
    let lignes = adresse.texts("ligne");
    Lieu {
        nom,
        adresse: (!lignes.is_empty()).then(|| lignes.join("\n")),
        code_postal: adresse.text_at(&["codepostal"]),
        ville: adresse.text_at(&["ville"]),
        commune_insee: adresse.text_at(&["code-INSEE-commune"]),
        departement: adresse.text_at(&["departement"]),
        latitude: number(adresse, &["geolocalisation", "latitude"])
            .filter(|l| (-90.0..=90.0).contains(l)),
        longitude: number(adresse, &["geolocalisation", "longitude"])
            .filter(|l| (-180.0..=180.0).contains(l)),
    }
}

fn lieu_of_coordonnees(coordonnees: &Element) -> Option<Lieu> {
    coordonnees
        .child("adresse")
        .map(|a| lieu(coordonnees.text_at(&["nom"]), a))
}

fn contact(coordonnees: &Element) -> Contact {
    let nom: Vec<String> = ["civilite", "prenom", "nom"]
        .iter()
        .filter_map(|n| coordonnees.text_at(&[n]))
        .collect();
    Contact {
        nom: (!nom.is_empty()).then(|| nom.join(" ")),
        telephone: coordonnees
            .text_at(&["telfixe", "numtel"])
            .or_else(|| coordonnees.text_at(&["portable", "numtel"])),
        courriel: coordonnees.text_at(&["courriel"]),
        web: coordonnees.text_at(&["web", "urlweb"]),
    }
}

/// Whether an `<extras>` of `element` holds `<extra info="{info}">1</extra>`.
fn extra_flag(element: &Element, info: &str) -> bool {
    element.children("extras").any(|extras| {
        extras
            .children("extra")
            .any(|e| e.attribute("info") == Some(info) && e.text.trim() == "1")
    })
}

/// The way an action is followed, from what LHÉO files say of it: an
/// apprenticeship contract (an `extras` flag, a 2.3 cycle of type 1, or the
/// words of `modalites-alternance`), initial education (an `extras` flag or
/// a 2.3 cycle of type 0), VAE (its Formacode or its title); otherwise
/// continuing education, what most Carif-Oref offers are.
fn modalite(formation: &Element, intitule: &str, action: &Element) -> Modalite {
    let cycles: Vec<String> = action
        .children("session")
        .flat_map(|s| s.children("cycle"))
        .filter_map(|c| c.text_at(&["type-cycle"]))
        .collect();
    let alternance = action
        .text_at(&["modalites-alternance"])
        .unwrap_or_default()
        .to_lowercase();
    let titre = intitule.to_lowercase();
    let formacodes = formation
        .child("domaine-formation")
        .map(|d| d.texts("code-FORMACODE"))
        .unwrap_or_default();
    if extra_flag(action, "contrat-apprentissage")
        || cycles.iter().any(|c| c == "1")
        || alternance.contains("apprentissage")
    {
        Modalite::Apprentissage
    } else if extra_flag(action, "formation-initiale") || cycles.iter().any(|c| c == "0") {
        Modalite::Initiale
    } else if formacodes.iter().any(|c| c == FORMACODE_VAE)
        || titre.contains("validation des acquis")
        || titre
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "vae")
    {
        Modalite::Vae
    } else {
        Modalite::Continue
    }
}

fn action(formation: &Element, intitule: &str, element: &Element, rank: usize) -> Action {
    let formateur = element.child("organisme-formateur");
    Action {
        numero: numero(element, rank),
        modalite: modalite(formation, intitule, element),
        public_vise: element.texts("code-public-vise"),
        prerequis: element.text_at(&["conditions-specifiques"]),
        rythme: element.text_at(&["rythme-formation"]),
        alternance: element.text_at(&["modalites-alternance"]),
        enseignement: element.text_at(&["modalites-enseignement"]),
        entrees_sorties: element.text_at(&["modalites-entrees-sorties"]),
        duree_heures: number(element, &["nombre-heures-total"])
            .or_else(|| number(element, &["nombre-heures-centre"])),
        prix: number(element, &["prix-total-TTC"]),
        financeurs: element
            .children("organisme-financeur")
            .filter_map(|f| f.text_at(&["code-financeur"]))
            .map(|code| Financeur {
                libelle: FINANCEURS.label(&code).map(str::to_owned),
                code,
            })
            .collect(),
        lieu: element
            .child("lieu-de-formation")
            .and_then(|l| l.child("coordonnees"))
            .and_then(lieu_of_coordonnees),
        formateur_siret: formateur.and_then(|f| f.text_at(&["SIRET-formateur", "SIRET"])),
        formateur_nom: formateur.and_then(|f| f.text_at(&["raison-sociale-formateur"])),
        sessions: element
            .children("session")
            .enumerate()
            .map(|(rank, s)| Session {
                numero: numero(s, rank),
                debut: date(s, &["periode", "debut"]),
                fin: date(s, &["periode", "fin"]),
                etat_recrutement: s.text_at(&["etat-recrutement"]),
            })
            .collect(),
        attractivite: None,
    }
}

fn codes(formation: &Element) -> Vec<(CodeKind, String)> {
    let mut codes = Vec::new();
    if let Some(domaine) = formation.child("domaine-formation") {
        for (kind, name) in [
            (CodeKind::Formacode, "code-FORMACODE"),
            (CodeKind::Nsf, "code-NSF"),
            (CodeKind::Rome, "code-ROME"),
        ] {
            codes.extend(domaine.texts(name).into_iter().map(|c| (kind, c)));
        }
    }
    for certification in formation.children("certification") {
        for (kind, name, prefix) in [
            (CodeKind::Rncp, "code-RNCP", "RNCP"),
            (CodeKind::Rs, "code-RS", "RS"),
            (CodeKind::CertifInfo, "code-CERTIFINFO", ""),
        ] {
            if let Some(code) = certification.text_at(&[name]) {
                let bare = code.trim_start_matches(prefix).trim();
                codes.push((kind, format!("{prefix}{bare}")));
            }
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

/// The training an LHÉO `<formation>` describes.
pub fn formation(element: &Element) -> Result<Formation, OffreError> {
    let numero = element
        .attribute("numero")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            error(
                element,
                "formation sans attribut numero : impossible de la reconnaître d'un import à l'autre",
            )
        })?
        .to_owned();
    let intitule = element
        .text_at(&["intitule-formation"])
        .ok_or_else(|| error(element, format!("formation {numero} sans intitulé")))?;
    let responsable = element
        .child("organisme-formation-responsable")
        .ok_or_else(|| {
            error(
                element,
                format!("formation {numero} sans organisme responsable"),
            )
        })?;
    let organisme = Organisme {
        nom: responsable
            .text_at(&["nom-organisme"])
            .or_else(|| responsable.text_at(&["raison-sociale"]))
            .ok_or_else(|| error(responsable, "organisme responsable sans nom"))?,
        raison_sociale: responsable.text_at(&["raison-sociale"]),
        siret: responsable.text_at(&["SIRET-organisme-formation", "SIRET"]),
        uai: responsable.text_at(&["code-UAI-organisme-formation"]),
        numero_activite: responsable.text_at(&["numero-activite"]),
        lieu: responsable
            .at(&["coordonnees-organisme", "coordonnees"])
            .and_then(lieu_of_coordonnees),
    };
    let actions = element
        .children("action")
        .enumerate()
        .map(|(rank, a)| action(element, &intitule, a, rank))
        .collect();
    Ok(Formation {
        source: Source::Lheo,
        numero,
        objectif: element.text_at(&["objectif-formation"]),
        contenu: element.text_at(&["contenu-formation"]),
        resultats_attendus: element.text_at(&["resultats-attendus"]),
        certifiante: element.text_at(&["certifiante"]).map(|c| c == "1"),
        parcours: element.text_at(&["parcours-de-formation"]),
        objectif_general: element.text_at(&["objectif-general-formation"]),
        niveau_entree: element.text_at(&["code-niveau-entree"]),
        niveau_sortie: element
            .text_at(&["code-niveau-sortie"])
            .and_then(|c| niveau_europeen(&c)),
        codes: codes(element),
        url: element.text_at(&["url-formation", "urlweb"]),
        contact: element
            .at(&["contact-formation", "coordonnees"])
            .map(contact)
            .filter(|c| *c != Contact::default()),
        organisme,
        actions,
        intitule,
        lheo: Some(element.to_xml()),
    })
}
