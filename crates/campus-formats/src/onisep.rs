//! ONISEP's Idéo list of initial-training diplomas
//! (`ideo-formations_initiales_en_france.csv`: `;`, quoted, UTF-8 with a
//! byte-order mark).

use std::path::Path;

use campus_domain::certification::{CodeCertification, Niveau};
use campus_domain::onisep::FormationOnisep;

use crate::records::Records;
use crate::{CsvFile, FormatError};

/// The national level written in the label (`niveau 5 (bac + 2)`): the
/// numeric column holds the old numbering (1 for today's level 7).
fn niveau(label: &str) -> Result<Option<Niveau>, String> {
    let Some(rest) = label.strip_prefix("niveau ") else {
        return Ok(None);
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse::<u8>()
        .ok()
        .and_then(Niveau::new)
        .map(Some)
        .ok_or_else(|| format!("niveau RNCP invalide « {label} »"))
}

pub fn formations(path: &Path) -> Result<Records<FormationOnisep>, FormatError> {
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("code CNIS")?,
        file.column("sigle type formation")?,
        file.column("libellé type formation")?,
        file.column("libellé formation principal")?,
        file.column("sigle formation")?,
        file.column("durée")?,
        file.column("code RNCP")?,
        file.column("libellé niveau RNCP")?,
        file.column("tutelle")?,
        file.column("lien site onisep.fr")?,
        file.column("domaine/sous-domaine")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let url = row.get(c[9]);
        // `…/formation/slug/FOR.5987`: the page's identifier is stable.
        let id = url
            .rsplit('/')
            .next()
            .filter(|id| id.starts_with("FOR.") && id.len() > 4)
            .ok_or_else(|| format!("lien onisep.fr sans identifiant « {url} »"))?;
        let rncp = match row.get(c[6]) {
            "" => None,
            n => Some(
                CodeCertification::from_number("RNCP", n)
                    .map_err(|_| format!("code RNCP invalide « {n} »"))?,
            ),
        };
        Ok(Some(FormationOnisep {
            id: id.to_owned(),
            libelle: row.opt(c[3]).ok_or("libellé vide")?,
            type_sigle: row.opt(c[1]),
            type_libelle: row.opt(c[2]),
            sigle: row.opt(c[4]),
            duree: row.opt(c[5]),
            rncp,
            niveau: niveau(row.get(c[7]))?,
            nsf: row.opt(c[0]),
            tutelle: row.opt(c[8]).filter(|t| t != "non renseigné"),
            url: url.to_owned(),
            domaines: row
                .get(c[10])
                .split('|')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect(),
        }))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    #[test]
    fn real_file() {
        let Some(data) = campus_testkit::national_data("liste Idéo de l'ONISEP") else {
            return;
        };
        let path = data.join("onisep/ideo-formations_initiales_en_france.csv.gz");
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in formations(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(f, _) => kept.push(f),
                Record::Rejected(e) => rejected.push(e),
            }
        }
        assert_eq!((kept.len(), rejected.len()), (6086, 0), "{rejected:?}");
        let sisr = kept.iter().find(|f| f.id == "FOR.5987").unwrap();
        assert_eq!(sisr.rncp.as_ref().map(|r| r.as_str()), Some("RNCP35340"));
        assert_eq!(sisr.niveau.map(Niveau::value), Some(5));
        assert_eq!(sisr.type_sigle.as_deref(), Some("BTS"));
        assert_eq!(sisr.sigle.as_deref(), Some("SISR"));
        assert_eq!(sisr.duree.as_deref(), Some("2 ans"));
        assert_eq!(sisr.domaines.len(), 5);
        assert_eq!(niveau("non inscrit au RNCP"), Ok(None));
        assert_eq!(
            niveau("niveau 8 (doctorat)").map(|n| n.map(Niveau::value)),
            Ok(Some(8))
        );
        assert!(niveau("niveau 9").is_err());
    }
}
