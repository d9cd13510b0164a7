//! The Formacode thesaurus as distributed in CSV (`FCod-utf-8.csv`): `;`,
//! no header, no quoting; fields by position; descriptor lists as
//! `code LABEL` items separated by `$`.

use std::path::Path;

use campus_domain::formacode::Formacode;

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// The codes of a `$`-separated list of `code LABEL` items.
fn codes(row: &Row, index: usize) -> Vec<String> {
    row.get(index)
        .split('$')
        .filter_map(|item| item.split_whitespace().next())
        .filter(|code| code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
        .collect()
}

pub fn formacode(path: &Path) -> Result<Records<Formacode>, FormatError> {
    let file = CsvFile::open_headerless(path, b';')?;
    Ok(Records::new(file, vec![], |row| {
        let code = row.get(0);
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("code Formacode invalide « {code} »"));
        }
        Ok(Some(Formacode {
            code: code.to_owned(),
            libelle: row.opt(2).or_else(|| row.opt(1)).ok_or("libellé vide")?,
            kind: row.get(3).to_owned(),
            champ_semantique: row.opt(4),
            synonymes: row
                .get(5)
                .split('$')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            generiques: codes(row, 6),
            specifiques: codes(row, 7),
            associes: codes(row, 8),
            definition: row.opt(9),
            note: row.opt(10),
            nsf: row.opt(12),
        }))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    #[test]
    fn real_thesaurus() {
        let Some(data) = campus_testkit::national_data("thésaurus Formacode") else {
            return;
        };
        let path = data.join("formacode/FCod-utf-8.csv.gz");
        let mut valid = Vec::new();
        let mut rejected = 0;
        for record in formacode(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(f, _) => valid.push(f),
                Record::Rejected(_) => rejected += 1,
            }
        }
        assert_eq!(valid.len() + rejected, 3048);
        let cosmetique = valid.iter().find(|f| f.code == "22885").unwrap();
        assert_eq!(cosmetique.libelle, "cosmétique");
        assert_eq!(cosmetique.generiques, ["22867"]);
        assert_eq!(cosmetique.specifiques, ["22895"]);
        assert!(cosmetique.associes.contains(&"42040".to_owned()));
    }
}
