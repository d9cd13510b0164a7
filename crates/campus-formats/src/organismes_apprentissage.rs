//! The national catalogue of apprenticeship training organisations (the
//! mission apprentissage's `catalogue_etablissement_apprentissage`
//! export): one JSON array of organisations under a single top-level key,
//! each with about ninety fields, of which the directory keeps identity,
//! address and position.
//!
//! The export is JSON, not CSV: a rejection names the line where the
//! organisation's object starts, found from the object's place in the
//! text, so that it reads like every other import's `file:line`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use campus_domain::{
    CodePostal, Departement, GeoPoint, OrganisationKind, OrganismeApprentissage, Siret, Uai,
};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::{FormatError, Record};

/// The fields read; the others are ignored. Every field of the export is
/// a string or null (booleans included: `"true"`).
#[derive(Deserialize)]
struct Fiche {
    siret: Option<String>,
    uai: Option<String>,
    enseigne: Option<String>,
    entreprise_raison_sociale: Option<String>,
    numero_voie: Option<String>,
    type_voie: Option<String>,
    nom_voie: Option<String>,
    complement_adresse: Option<String>,
    code_postal: Option<String>,
    localite: Option<String>,
    code_insee_localite: Option<String>,
    num_departement: Option<String>,
    geo_coordonnees: Option<String>,
    ferme: Option<String>,
}

fn filled(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

/// `"47.90,1.90"`: latitude then longitude.
fn position(text: &str) -> Result<GeoPoint, String> {
    let invalid = || format!("coordonnées invalides « {text} »");
    let (lat, lon) = text.split_once(',').ok_or_else(invalid)?;
    let lat: f64 = lat.trim().parse().map_err(|_| invalid())?;
    let lon: f64 = lon.trim().parse().map_err(|_| invalid())?;
    GeoPoint::new(lat, lon).map_err(|_| invalid())
}

fn organisme(fiche: Fiche) -> Result<Option<OrganismeApprentissage>, String> {
    if fiche.ferme.as_deref() == Some("true") {
        return Ok(None);
    }
    let siret_text = filled(fiche.siret).ok_or("SIRET absent")?;
    let siret =
        Siret::parse(&siret_text).map_err(|_| format!("SIRET invalide « {siret_text} »"))?;
    let uai = match filled(fiche.uai) {
        None => None,
        Some(code) => Some(Uai::parse(&code).map_err(|_| format!("UAI invalide « {code} »"))?),
    };
    let raison_sociale = filled(fiche.entreprise_raison_sociale);
    let nom = filled(fiche.enseigne)
        .or_else(|| raison_sociale.clone())
        .ok_or("ni enseigne ni raison sociale")?;
    let voie: Vec<String> = [fiche.numero_voie, fiche.type_voie, fiche.nom_voie]
        .into_iter()
        .filter_map(filled)
        .collect();
    let adresse = [Some(voie.join(" ")), filled(fiche.complement_adresse)]
        .into_iter()
        .flatten()
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let code_postal = match filled(fiche.code_postal) {
        None => None,
        Some(code) => {
            Some(CodePostal::parse(&code).map_err(|_| format!("code postal invalide « {code} »"))?)
        }
    };
    // Saint-Martin (978) and the other collectivities the directory's
    // départements do not list leave it empty; the postcode still says it.
    let departement = filled(fiche.num_departement).and_then(|code| Departement::parse(&code).ok());
    let position = filled(fiche.geo_coordonnees)
        .map(|text| position(&text))
        .transpose()?;
    Ok(Some(OrganismeApprentissage {
        siret,
        uai,
        kind: OrganisationKind::from_name(&format!(
            "{nom} {}",
            raison_sociale.as_deref().unwrap_or_default()
        )),
        nom,
        raison_sociale,
        adresse: (!adresse.is_empty()).then_some(adresse),
        code_postal,
        commune: filled(fiche.localite),
        commune_insee: filled(fiche.code_insee_localite)
            .filter(|c| c.len() == 5 && c.bytes().all(|b| b.is_ascii_alphanumeric())),
        departement,
        position,
    }))
}

/// Line numbers of increasing byte offsets of one text, counted once
/// through it.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl Lines<'_> {
    /// The 1-based line of byte `offset`, at or after the previous one.
    fn at(&mut self, offset: usize) -> u64 {
        let end = offset.min(self.text.len()).max(self.offset);
        let newlines = self
            .text
            .get(self.offset..end)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count());
        self.line += newlines as u64;
        self.offset = end;
        self.line
    }
}

/// Every organisation of the export, kept (with the line its object
/// starts on) or rejected with its line and reason; closed organisations
/// are left out. A file that is not such an export is an error.
pub fn organismes_apprentissage(
    path: &Path,
) -> Result<Vec<Record<OrganismeApprentissage>>, FormatError> {
    let name = path.display().to_string();
    let (mut stream, _) = crate::open(path)?;
    let mut text = String::new();
    stream
        .read_to_string(&mut text)
        .map_err(|e| FormatError::new(&name, None, format!("lecture impossible : {e}")))?;
    let top: BTreeMap<String, Vec<&RawValue>> = serde_json::from_str(&text).map_err(|e| {
        FormatError::new(
            &name,
            Some(e.line() as u64),
            format!("JSON illisible (attendu : un objet dont la clé porte la liste des organismes) : {e}"),
        )
    })?;
    let mut lists = top.into_values();
    let (Some(list), None) = (lists.next(), lists.next()) else {
        return Err(FormatError::new(
            &name,
            None,
            "une seule clé attendue au premier niveau, qui porte la liste des organismes",
        ));
    };
    let mut records = Vec::with_capacity(list.len());
    let mut lines = Lines {
        text: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    for raw in list {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let line = lines.at(offset);
        let parsed = serde_json::from_str::<Fiche>(raw.get())
            .map_err(|e| format!("organisme illisible : {e}"))
            .and_then(organisme);
        match parsed {
            Ok(Some(o)) => records.push(Record::Valid(o, line)),
            Ok(None) => {}
            Err(reason) => records.push(Record::Rejected(FormatError::new(
                &name,
                Some(line),
                reason,
            ))),
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use proptest::prelude::*;

    fn write(text: &str) -> std::path::PathBuf {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "campus-oa-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("catalogue_etablissement_apprentissage.json");
        std::fs::write(&path, text).unwrap();
        path
    }

    const SAMPLE: &str = r#"{
"__catalogue_etablissement_apprentissage_mna_recette": [
	{
		"siret" : "13002798000015",
		"uai" : "0451792D",
		"enseigne" : "CMAR CENTRE VAL-DE LOIRE",
		"entreprise_raison_sociale" : "CHAMBRE DE METIERS ET DE L'ARTISANAT DE REGION CENTRE-VAL DE LOIRE",
		"numero_voie" : "28", "type_voie" : "RUE", "nom_voie" : "DU FAUBOURG DE BOURGOGNE",
		"complement_adresse" : null, "code_postal" : "45000", "localite" : "ORLEANS",
		"num_departement" : "45", "geo_coordonnees" : "47.90909957885742,1.9009579420089722",
		"ferme" : "false", "naf_code" : "85.59A"
	},
	{
		"siret" : "1300",
		"enseigne" : "X"
	},
	{
		"siret" : "13002798000015", "enseigne" : "FERMÉ", "ferme" : "true"
	},
	{
		"siret" : "13000285000019", "uai" : null, "enseigne" : null,
		"entreprise_raison_sociale" : "LYCEE GENERAL ET TECHNOLOGIQUE", "geo_coordonnees" : "91,2"
	}
]
}"#;

    #[test]
    fn reads_organisations_with_the_line_of_their_object() {
        let path = write(SAMPLE);
        let records = organismes_apprentissage(&path).unwrap();
        assert_eq!(records.len(), 3);
        let Record::Valid(o, line) = &records[0] else {
            panic!("{records:?}")
        };
        assert_eq!(*line, 3);
        assert_eq!(o.nom, "CMAR CENTRE VAL-DE LOIRE");
        assert_eq!(o.uai.as_ref().map(|u| u.as_str()), Some("0451792D"));
        assert_eq!(
            o.adresse.as_deref(),
            Some("28 RUE DU FAUBOURG DE BOURGOGNE")
        );
        assert_eq!(o.kind, OrganisationKind::OrganismeFormation);
        assert!((o.position.unwrap().lat() - 47.909).abs() < 0.001);
        let Record::Rejected(e) = &records[1] else {
            panic!("{records:?}")
        };
        assert!(
            e.to_string().ends_with(":13: SIRET invalide « 1300 »"),
            "{e}"
        );
        let Record::Rejected(e) = &records[2] else {
            panic!("{records:?}")
        };
        assert!(
            e.to_string().contains("coordonnées invalides « 91,2 »"),
            "{e}"
        );
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn a_file_of_another_shape_is_refused() {
        for text in ["[]", "{\"a\": [], \"b\": []}", "{\"a\": 3}", "{"] {
            let path = write(text);
            assert!(organismes_apprentissage(&path).is_err(), "{text}");
            std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any object in the list, any bytes after it: records, rejections
        /// or an error, never a panic.
        #[test]
        fn any_input_reads_without_panicking(fields in proptest::collection::vec(
            ("siret|uai|enseigne|code_postal|num_departement|geo_coordonnees|ferme|localite",
             "\\PC{0,20}"), 0..8), tail in proptest::collection::vec(any::<u8>(), 0..64)) {
            let object: serde_json::Map<String, serde_json::Value> = fields
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect();
            let text = serde_json::json!({ "k": [object] }).to_string();
            let path = write(&text);
            let _ = organismes_apprentissage(&path);
            let mut bytes = text.into_bytes();
            bytes.extend(tail);
            std::fs::write(&path, bytes).unwrap();
            let _ = organismes_apprentissage(&path);
            std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
        }
    }
}
