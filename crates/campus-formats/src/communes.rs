//! Communes: the official geographic code (`communes.json` of the npm
//! package `@etalab/decoupage-administratif`, one object per line) joined
//! with the coordinates of La Poste's postal code base (`laposte_hexasmal`,
//! `;`, `lat,lon` in one field).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use campus_domain::commune::Commune;
use serde::Deserialize;

use crate::{CsvFile, FormatError, Record};

/// Latitude and longitude by INSEE code.
pub type Positions = HashMap<String, (f64, f64)>;

/// The first coordinates La Poste gives for each INSEE code, with the
/// rejections of that file.
pub fn laposte_positions(path: &Path) -> Result<(Positions, Vec<FormatError>), FormatError> {
    let mut file = CsvFile::open(path, b';')?;
    let code = file.column("Code_commune_INSEE")?;
    let gps = file.column("coordonnees_gps")?;
    let mut positions = HashMap::new();
    let mut rejected = Vec::new();
    while let Some(row) = file.next_row() {
        let row = row?;
        let value = row.get(gps);
        if value.is_empty() {
            // La Poste gives no coordinates for some delivery points.
            continue;
        }
        let parsed = value
            .split_once(',')
            .and_then(|(lat, lon)| {
                Some((
                    lat.trim().parse::<f64>().ok()?,
                    lon.trim().parse::<f64>().ok()?,
                ))
            })
            .filter(|(lat, lon)| (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon));
        match parsed {
            Some(position) => {
                positions
                    .entry(row.get(code).to_owned())
                    .or_insert(position);
            }
            None => rejected.push(file.reject(&row, format!("coordonnées invalides « {value} »"))),
        }
    }
    Ok((positions, rejected))
}

#[derive(Deserialize)]
struct CogCommune {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    kind: String,
    departement: Option<String>,
    region: Option<String>,
    #[serde(rename = "codesPostaux", default)]
    codes_postaux: Vec<String>,
    population: Option<i64>,
}

/// Reads the geographic code one commune per line, calling `each` with
/// every record; `positions` completes them with coordinates.
pub fn cog_communes(
    path: &Path,
    positions: &Positions,
    mut each: impl FnMut(Record<Commune>) -> bool,
) -> Result<(), FormatError> {
    let name = path.display().to_string();
    let (stream, _) = crate::open(path)?;
    let reader = BufReader::new(stream);
    for (index, line) in reader.lines().enumerate() {
        let number = index as u64 + 1;
        let line = line.map_err(|e| {
            FormatError::new(&name, Some(number), format!("lecture impossible : {e}"))
        })?;
        let item = line.trim().trim_end_matches(',');
        if item.is_empty() || item == "[" || item == "]" {
            continue;
        }
        let record = match serde_json::from_str::<CogCommune>(item) {
            Ok(c) if c.code.len() == 5 && c.code.is_ascii() => Record::Valid(
                Commune {
                    position: positions.get(&c.code).copied(),
                    code_insee: c.code,
                    nom: c.nom,
                    kind: c.kind,
                    departement: c.departement,
                    region: c.region,
                    codes_postaux: c.codes_postaux,
                    population: c.population,
                },
                number,
            ),
            Ok(c) => Record::Rejected(FormatError::new(
                &name,
                Some(number),
                format!("code INSEE invalide « {} »", c.code),
            )),
            Err(e) => Record::Rejected(FormatError::new(
                &name,
                Some(number),
                format!("objet JSON invalide : {e}"),
            )),
        };
        if !each(record) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_files() {
        let Some(data) = campus_testkit::national_data("communes et codes postaux nationaux")
        else {
            return;
        };
        let geo = data.join("geo");
        let (positions, rejected) =
            laposte_positions(&geo.join("laposte_hexasmal_2020-04.csv.gz")).unwrap();
        assert!(rejected.is_empty());
        let orleans = positions.get("45234").unwrap();
        assert!(
            (orleans.0 - 47.9).abs() < 0.1 && (orleans.1 - 1.9).abs() < 0.1,
            "{orleans:?}"
        );
        let mut count = 0;
        let mut found = None;
        cog_communes(
            &geo.join("decoupage-administratif-6.0.0/communes.json.gz"),
            &positions,
            |record| {
                if let Record::Valid(c, _) = record {
                    count += 1;
                    if c.code_insee == "45234" && c.kind == "commune-actuelle" {
                        found = Some(c);
                    }
                }
                true
            },
        )
        .unwrap();
        assert_eq!(count, 37590);
        let orleans = found.unwrap();
        assert_eq!(orleans.nom, "Orléans");
        assert!(orleans.codes_postaux.contains(&"45000".to_owned()));
        assert!(orleans.position.is_some());
    }
}
