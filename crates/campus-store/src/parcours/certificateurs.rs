//! The certifications a plan may name without a session in the
//! catalogue: each with the bodies that award it and the routes open to
//! it. The campus's catalogue has few dated sessions of continuing
//! education; a certification whose certifiers are known is still a route
//! a learner can take, by asking them where and when it is prepared.
//!
//! A certifier that is also an organisation of the directory with a
//! position (an apprenticeship training organisation, matched by SIRET)
//! gives the certification a place: the learner can ask there, and a
//! distance limit applies to it.
//!
//! Only certifications still awarded are listed: not one the RNCP says a
//! newer fiche replaced, nor one whose registration ended (the « Kit
//! apprentissage » gives the date). Apprenticeship is a route only where
//! the kit says the fiche is open to it (Certif Info's flag decides when
//! no kit was imported).

use std::collections::{BTreeMap, HashMap, HashSet};

use campus_domain::formation::Modalite;
use campus_domain::{CodeCertification, GeoPoint};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Parcours;
use crate::StoreError;
use crate::entity::{
    certifinfo, kit_apprentissage, organisation, rncp_certificateur, rncp_lignee, rncp_voie_acces,
};

/// A certification's certifiers and its routes.
#[derive(Debug, Clone, PartialEq)]
pub struct Certificateurs {
    pub certification: CodeCertification,
    /// The awarding bodies, as the RNCP export names them (Certif Info's
    /// « certificateur » where the export has none).
    pub noms: Vec<String>,
    /// The routes open to it: Certif Info's accessibility flags, else the
    /// RNCP fiche's voies d'accès, else continuing education (which every
    /// registered certification allows).
    pub modalites: Vec<Modalite>,
    /// The certifiers the directory places (same SIRET), by SIRET.
    pub lieux: Vec<LieuCertificateur>,
}

/// A certifier found in the directory, with its address's position.
#[derive(Debug, Clone, PartialEq)]
pub struct LieuCertificateur {
    pub siret: String,
    pub nom: String,
    pub commune: Option<String>,
    pub position: GeoPoint,
}

/// The routes of Certif Info's flags (`fi=1;ca=0;fc=1;cp=1;vae=1;ind=0`):
/// `1` opens the route, `0` and `2` (not stated) do not.
fn from_flags(flags: &str) -> Vec<Modalite> {
    let mut out = Vec::new();
    for flag in flags.split(';') {
        let route = match flag {
            "fi=1" => Modalite::Initiale,
            "ca=1" => Modalite::Apprentissage,
            "fc=1" | "cp=1" => Modalite::Continue,
            _ => continue,
        };
        if !out.contains(&route) {
            out.push(route);
        }
    }
    out
}

/// The routes of the RNCP fiche's voies d'accès (`SI_JURY_FI`, `CA`,
/// `FC`, `CQ`).
fn from_voie(voie: &str) -> Option<Modalite> {
    match voie.to_ascii_uppercase().as_str() {
        "SI_JURY_FI" | "FI" => Some(Modalite::Initiale),
        "CA" => Some(Modalite::Apprentissage),
        "FC" | "CQ" => Some(Modalite::Continue),
        _ => None,
    }
}

/// What the « Kit apprentissage » says of a fiche, over all its rows.
#[derive(Debug, Default)]
struct KitFiche {
    /// The latest registration end.
    echeance: Option<String>,
    /// Some row is active.
    active: bool,
    /// Some row opens it to apprenticeship.
    apprentissage: bool,
}

impl KitFiche {
    /// Its registration has ended before `today` (`AAAA-MM-JJ`).
    fn ended(&self, today: &str) -> bool {
        !self.active || self.echeance.as_deref().is_some_and(|e| e < today)
    }
}

/// The entry of `code` in `out`, made on first use; `None` for a code
/// that is not a certification's.
fn entry<'a>(
    out: &'a mut BTreeMap<String, Certificateurs>,
    code: &str,
) -> Option<&'a mut Certificateurs> {
    let certification = CodeCertification::parse(code).ok()?;
    Some(
        out.entry(certification.as_str().to_owned())
            .or_insert_with(|| Certificateurs {
                certification,
                noms: Vec::new(),
                modalites: Vec::new(),
                lieux: Vec::new(),
            }),
    )
}

impl Parcours<'_> {
    /// Every certification with a known certifier, by code.
    pub async fn list_certificateurs(&self) -> Result<Vec<Certificateurs>, StoreError> {
        let db = self.conn();
        let mut out: BTreeMap<String, Certificateurs> = BTreeMap::new();
        let placed: HashMap<String, LieuCertificateur> = organisation::Entity::find()
            .filter(organisation::Column::Siret.is_not_null())
            .filter(organisation::Column::Latitude.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .filter_map(|o| {
                let siret = o.siret?;
                let position = GeoPoint::from_columns(o.latitude, o.longitude)?;
                Some((
                    siret.clone(),
                    LieuCertificateur {
                        siret,
                        nom: o.nom,
                        commune: o.commune,
                        position,
                    },
                ))
            })
            .collect();
        for c in rncp_certificateur::Entity::find().all(db).await? {
            let Some(e) = entry(&mut out, &c.certification) else {
                continue;
            };
            if !c.nom.trim().is_empty() && !e.noms.contains(&c.nom) {
                e.noms.push(c.nom);
            }
            if let Some(lieu) = placed.get(&c.siret)
                && !e.lieux.iter().any(|l| l.siret == c.siret)
            {
                e.lieux.push(lieu.clone());
            }
        }
        let mut flagged: BTreeMap<String, Vec<Modalite>> = BTreeMap::new();
        for c in certifinfo::Entity::find().all(db).await? {
            for code in [&c.code_rncp, &c.code_rs].into_iter().flatten() {
                let Some(e) = entry(&mut out, code) else {
                    continue;
                };
                if e.noms.is_empty()
                    && let Some(nom) = c.certificateur.as_deref().map(str::trim)
                    && !nom.is_empty()
                {
                    e.noms.push(nom.to_owned());
                }
                let routes = flagged
                    .entry(e.certification.as_str().to_owned())
                    .or_default();
                for route in from_flags(&c.accessibilite) {
                    if !routes.contains(&route) {
                        routes.push(route);
                    }
                }
            }
        }
        let replaced: HashSet<String> = rncp_lignee::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter(|l| l.relation == "nouvelle" && !l.autre.is_empty())
            .map(|l| l.certification)
            .collect();
        let mut kit: BTreeMap<String, KitFiche> = BTreeMap::new();
        for k in kit_apprentissage::Entity::find().all(db).await? {
            if k.code_rncp.is_empty() {
                continue;
            }
            let e = kit.entry(k.code_rncp).or_default();
            e.echeance = e.echeance.take().max(k.echeance);
            e.active |= k.active;
            e.apprentissage |= k.apprentissage == Some(true);
        }
        let today = self.now().date_naive().to_string();
        let mut voies: BTreeMap<String, Vec<Modalite>> = BTreeMap::new();
        for v in rncp_voie_acces::Entity::find().all(db).await? {
            if let Some(route) = from_voie(&v.voie) {
                let routes = voies.entry(v.certification).or_default();
                if !routes.contains(&route) {
                    routes.push(route);
                }
            }
        }
        Ok(out
            .into_values()
            .filter(|c| {
                let code = c.certification.as_str();
                let ended = kit.get(code).is_some_and(|k| k.ended(&today));
                !c.noms.is_empty() && !replaced.contains(code) && !ended
            })
            .map(|mut c| {
                let code = c.certification.as_str();
                c.modalites = flagged
                    .get(code)
                    .filter(|r| !r.is_empty())
                    .or_else(|| voies.get(code))
                    .cloned()
                    .unwrap_or_else(|| vec![Modalite::Continue]);
                if !kit.is_empty() {
                    let open = kit.get(code).is_some_and(|k| k.apprentissage);
                    c.modalites
                        .retain(|m| *m != Modalite::Apprentissage || open);
                    if open && !c.modalites.contains(&Modalite::Apprentissage) {
                        c.modalites.push(Modalite::Apprentissage);
                    }
                }
                c.modalites.sort();
                c
            })
            .filter(|c| !c.modalites.is_empty())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_from_certif_info_flags_and_rncp_voies() {
        assert_eq!(
            from_flags("fi=1;ca=2;fc=0;cp=1;vae=1;ind=0"),
            [Modalite::Initiale, Modalite::Continue]
        );
        assert!(from_flags("fi=0;ca=2").is_empty());
        assert_eq!(from_voie("CA"), Some(Modalite::Apprentissage));
        assert_eq!(from_voie("VAE"), None);
    }

    #[test]
    fn a_fiche_ends_at_its_registration_end_or_when_inactive() {
        let kit = |echeance: Option<&str>, active| KitFiche {
            echeance: echeance.map(str::to_owned),
            active,
            apprentissage: true,
        };
        assert!(kit(Some("2024-01-01"), true).ended("2026-12-06"));
        assert!(!kit(Some("2027-08-31"), true).ended("2026-12-06"));
        assert!(!kit(None, true).ended("2026-12-06"));
        assert!(kit(Some("2027-08-31"), false).ended("2026-12-06"));
    }
}
