//! A random sample of the computed bloc → skill links of the sector's
//! certifications, for the campus team to check by hand: the precision of
//! the alignment is measured on it (`campus parcours echantillon`).

use std::collections::{HashMap, HashSet};

use campus_domain::CodeRome;
use campus_domain::parcours::Origin;
use campus_store::Store;

use crate::ServiceError;

/// A link drawn for review.
#[derive(Debug, Clone, PartialEq)]
pub struct SampledLink {
    pub bloc: String,
    pub certification: String,
    pub bloc_libelle: String,
    pub code_ogr: i64,
    pub competence: String,
    pub score: f64,
}

/// FNV-1a: a stable hash, so that a seed draws the same sample on every
/// machine and every Rust release.
fn fnv1a(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Draws `size` computed, kept links of the blocs of the certifications
/// leading to `sector` trades (or to the ROME v3 fiches they come from),
/// in the order of a hash of `seed` and the pair: the same seed draws the
/// same links from the same catalogue.
pub async fn sample_links(
    store: &Store,
    sector: &[CodeRome],
    size: usize,
    seed: u64,
) -> Result<Vec<SampledLink>, ServiceError> {
    let rows = store.parcours().catalogue().await?;
    let mut wanted: HashSet<&str> = sector.iter().map(CodeRome::as_str).collect();
    for m in &rows.metiers {
        if sector.contains(&m.code)
            && let Some(parent) = &m.parent
        {
            wanted.insert(parent.as_str());
        }
    }
    let certifications: HashSet<&str> = rows
        .certifications
        .iter()
        .filter(|c| c.romes.iter().any(|r| wanted.contains(r.as_str())))
        .map(|c| c.code.as_str())
        .collect();
    let blocs: HashMap<&str, (&str, &str)> = rows
        .blocs
        .iter()
        .filter(|b| certifications.contains(b.bloc.certification.as_str()))
        .map(|b| {
            (
                b.bloc.code.as_str(),
                (b.bloc.certification.as_str(), b.bloc.libelle.as_str()),
            )
        })
        .collect();
    let skills: HashMap<i64, &str> = rows
        .skills
        .iter()
        .map(|s| (s.code_ogr, s.libelle.as_str()))
        .collect();
    let mut drawn: Vec<(u64, SampledLink)> = rows
        .liens
        .iter()
        .filter(|l| l.origin == Origin::Computed && !l.removed)
        .filter_map(|l| {
            let (certification, bloc_libelle) = blocs.get(l.bloc.as_str())?;
            let competence = skills.get(&l.code_ogr)?;
            let key = fnv1a(seed, &[l.bloc.as_bytes(), &l.code_ogr.to_le_bytes()]);
            Some((
                key,
                SampledLink {
                    bloc: l.bloc.clone(),
                    certification: (*certification).to_owned(),
                    bloc_libelle: (*bloc_libelle).to_owned(),
                    code_ogr: l.code_ogr,
                    competence: (*competence).to_owned(),
                    score: l.score,
                },
            ))
        })
        .collect();
    drawn.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.bloc.cmp(&b.1.bloc)));
    Ok(drawn.into_iter().take(size).map(|(_, l)| l).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_stable_and_depends_on_every_part() {
        assert_eq!(fnv1a(0, &[b"a"]), fnv1a(0, &[b"a"]));
        assert_ne!(fnv1a(0, &[b"a"]), fnv1a(1, &[b"a"]));
        assert_ne!(fnv1a(0, &[b"ab", b"c"]), fnv1a(0, &[b"a", b"bc"]));
    }
}
