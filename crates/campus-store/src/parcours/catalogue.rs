//! The catalogue as the training-path engine reads it: the ROME trades
//! and skills, the certifications with what the engine needs of them, the
//! blocs with the skills they list, and every stored bloc–skill link. One
//! query per table.

use std::collections::{BTreeMap, HashMap, HashSet};

use campus_domain::certification::Bloc;
use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence, Mobilite};
use campus_domain::{CodeCertification, CodeRome, Niveau};
use sea_orm::{EntityTrait, QueryOrder};

use super::Parcours;
use super::links::LienBlocCompetence;
use crate::StoreError;
use crate::entity::{
    certifinfo, certifinfo_rome, rncp_bloc, rncp_bloc_competence, rncp_bloc_detail,
    rncp_correspondance_bloc, rncp_correspondance_rome, rncp_fiche, rncp_fiche_code,
    rncp_voie_acces, rome_competence, rome_fiche, rome_fiche_competence, rome_mobilite,
};

/// A ROME trade, with the ROME v3 fiche it was split from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetierParcours {
    pub code: CodeRome,
    pub libelle: String,
    pub parent: Option<CodeRome>,
    /// An executive's post (ROME `emploi_cadre`).
    pub emploi_cadre: bool,
}

/// A certification with what a path needs of it: its level, the trades
/// it leads to and whether VAE gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificationParcours {
    pub code: CodeCertification,
    pub libelle: String,
    pub niveau: Option<Niveau>,
    pub romes: Vec<CodeRome>,
    /// Accessible by VAE (validation des acquis de l'expérience).
    pub vae: bool,
}

/// A bloc with the skills the RNCP export lists for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocParcours {
    pub bloc: Bloc,
    pub competences: Vec<String>,
}

/// Every row the engine's referential is built from.
#[derive(Debug, Clone, Default)]
pub struct CatalogueParcours {
    pub skills: Vec<Competence>,
    pub metiers: Vec<MetierParcours>,
    pub fiche_competences: Vec<FicheCompetence>,
    pub mobilites: Vec<Mobilite>,
    pub certifications: Vec<CertificationParcours>,
    pub blocs: Vec<BlocParcours>,
    /// Computed and curated, removed ones included, oldest first.
    pub liens: Vec<LienBlocCompetence>,
}

impl Parcours<'_> {
    /// The ROME trades and skills, the certifications and their blocs,
    /// and the stored links.
    pub async fn catalogue(&self) -> Result<CatalogueParcours, StoreError> {
        let db = self.conn();
        let mut skills = Vec::new();
        for s in rome_competence::Entity::find().all(db).await? {
            let kind = CompetenceKind::parse(&s.kind).ok_or_else(|| {
                StoreError::Corrupt(format!("compétence {} : type « {} »", s.code_ogr, s.kind))
            })?;
            skills.push(Competence {
                code_ogr: s.code_ogr,
                kind,
                libelle: s.libelle,
                // The engine reads the sub-category: a knowledge the ROME
                // files under « Certifications » names a diploma.
                categorie: None,
                sous_categorie: s.sous_categorie,
            });
        }
        let mut metiers = Vec::new();
        for f in rome_fiche::Entity::find().all(db).await? {
            metiers.push(MetierParcours {
                code: rome_code(&f.code_rome)?,
                libelle: f.libelle,
                parent: f.code_rome_parent.as_deref().map(rome_code).transpose()?,
                emploi_cadre: f.emploi_cadre,
            });
        }
        let mut fiche_competences = Vec::new();
        for l in rome_fiche_competence::Entity::find().all(db).await? {
            fiche_competences.push(FicheCompetence {
                code_rome: rome_code(&l.code_rome)?,
                code_ogr: l.code_ogr,
                coeur: l.coeur.as_deref().and_then(Coeur::parse),
            });
        }
        let mut mobilites = Vec::new();
        for m in rome_mobilite::Entity::find().all(db).await? {
            mobilites.push(Mobilite {
                code_rome: rome_code(&m.code_rome)?,
                cible: rome_code(&m.cible)?,
                ordre: m.ordre,
            });
        }
        let certifications = self.certifications().await?;
        Ok(CatalogueParcours {
            skills,
            metiers,
            fiche_competences,
            mobilites,
            blocs: self.blocs(&certifications).await?,
            certifications,
            liens: self.list_links().await?,
        })
    }

    /// Every certification the catalogue knows, by its RNCP or RS code:
    /// Certif Info gives the level, the ROME codes and the VAE access; the
    /// RNCP XML export gives them for the certifications Certif Info
    /// lacks. A certification known only by its blocs (the CSV export has
    /// no title file) is named by its code, so that its blocs still reach
    /// the plans. France compétences' RNCP → ROME table of 2021 adds the
    /// trades it names to the certifications known here: a certification
    /// that leads to a trade is a candidate for it however its blocs
    /// align.
    async fn certifications(&self) -> Result<Vec<CertificationParcours>, StoreError> {
        let db = self.conn();
        let mut romes_of: HashMap<i64, Vec<CodeRome>> = HashMap::new();
        for l in certifinfo_rome::Entity::find().all(db).await? {
            if let Ok(code) = CodeRome::parse(&l.code_rome) {
                romes_of.entry(l.code_diplome).or_default().push(code);
            }
        }
        let mut out: BTreeMap<String, CertificationParcours> = BTreeMap::new();
        for c in certifinfo::Entity::find().all(db).await? {
            let vae = c.accessibilite.split(';').any(|flag| flag == "vae=1");
            for code in [&c.code_rncp, &c.code_rs].into_iter().flatten() {
                let Ok(code) = CodeCertification::parse(code) else {
                    continue;
                };
                let entry =
                    out.entry(code.as_str().to_owned())
                        .or_insert_with(|| CertificationParcours {
                            code,
                            libelle: c.libelle.clone(),
                            niveau: niveau(c.niveau),
                            romes: Vec::new(),
                            vae,
                        });
                entry.vae |= vae;
                for rome in romes_of.get(&c.code_diplome).into_iter().flatten() {
                    if !entry.romes.contains(rome) {
                        entry.romes.push(rome.clone());
                    }
                }
            }
        }
        let mut xml_romes: HashMap<String, Vec<CodeRome>> = HashMap::new();
        for c in rncp_fiche_code::Entity::find().all(db).await? {
            if c.referentiel.eq_ignore_ascii_case("rome")
                && let Ok(code) = CodeRome::parse(&c.code)
            {
                xml_romes.entry(c.certification).or_default().push(code);
            }
        }
        let mut xml_vae: HashMap<String, bool> = HashMap::new();
        for v in rncp_voie_acces::Entity::find().all(db).await? {
            if v.voie.to_ascii_uppercase().contains("VAE") {
                xml_vae.insert(v.certification, true);
            }
        }
        for f in rncp_fiche::Entity::find().all(db).await? {
            let Ok(code) = CodeCertification::parse(&f.numero) else {
                continue;
            };
            if out.contains_key(code.as_str()) {
                continue;
            }
            out.insert(
                code.as_str().to_owned(),
                CertificationParcours {
                    libelle: f.intitule,
                    niveau: niveau(f.niveau),
                    romes: xml_romes.remove(&f.numero).unwrap_or_default(),
                    vae: xml_vae.contains_key(&f.numero),
                    code,
                },
            );
        }
        for b in rncp_bloc::Entity::find().all(db).await? {
            if out.contains_key(&b.certification) {
                continue;
            }
            if let Ok(code) = CodeCertification::parse(&b.certification) {
                out.insert(
                    b.certification.clone(),
                    CertificationParcours {
                        libelle: b.certification,
                        niveau: None,
                        romes: Vec::new(),
                        vae: false,
                        code,
                    },
                );
            }
        }
        for r in rncp_correspondance_rome::Entity::find().all(db).await? {
            if let Some(entry) = out.get_mut(&r.certification)
                && let Ok(code) = CodeRome::parse(&r.code_rome)
                && !entry.romes.contains(&code)
            {
                entry.romes.push(code);
            }
        }
        Ok(out.into_values().collect())
    }

    /// The blocs, each with the skills the XML export lists for it, one
    /// per row of `rncp_bloc_competences`, or its free-text list where the
    /// rows are missing. A certification of `certifications` without a
    /// bloc in the 2024 export gets its blocs of 2021, aligned by their
    /// titles.
    async fn blocs(
        &self,
        certifications: &[CertificationParcours],
    ) -> Result<Vec<BlocParcours>, StoreError> {
        let db = self.conn();
        let mut listed: HashMap<String, Vec<String>> = HashMap::new();
        for c in rncp_bloc_competence::Entity::find()
            .order_by_asc(rncp_bloc_competence::Column::Bloc)
            .order_by_asc(rncp_bloc_competence::Column::Position)
            .all(db)
            .await?
        {
            listed.entry(c.bloc).or_default().push(c.libelle);
        }
        for d in rncp_bloc_detail::Entity::find().all(db).await? {
            if let Some(text) = d.liste_competences
                && !listed.contains_key(&d.code)
            {
                let lines: Vec<String> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
                listed.insert(d.code, lines);
            }
        }
        let mut out = Vec::new();
        for b in rncp_bloc::Entity::find().all(db).await? {
            let Ok(certification) = CodeCertification::parse(&b.certification) else {
                continue;
            };
            out.push(BlocParcours {
                competences: listed.remove(&b.code).unwrap_or_default(),
                bloc: Bloc {
                    code: b.code,
                    certification,
                    libelle: b.libelle,
                },
            });
        }
        let with_blocs: HashSet<&str> = out.iter().map(|b| b.bloc.certification.as_str()).collect();
        let wanted: HashSet<&str> = certifications
            .iter()
            .map(|c| c.code.as_str())
            .filter(|c| !with_blocs.contains(c))
            .collect();
        let mut older = Vec::new();
        for b in rncp_correspondance_bloc::Entity::find().all(db).await? {
            if !wanted.contains(b.certification.as_str()) {
                continue;
            }
            if let Ok(certification) = CodeCertification::parse(&b.certification) {
                older.push(BlocParcours {
                    competences: Vec::new(),
                    bloc: Bloc {
                        code: b.code,
                        certification,
                        libelle: b.libelle,
                    },
                });
            }
        }
        out.extend(older);
        Ok(out)
    }
}

fn rome_code(code: &str) -> Result<CodeRome, StoreError> {
    CodeRome::parse(code).map_err(|_| StoreError::Corrupt(format!("code ROME « {code} »")))
}

fn niveau(value: Option<i32>) -> Option<Niveau> {
    value
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Niveau::new)
}
