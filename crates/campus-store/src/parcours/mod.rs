//! The catalogue as the training-path engine reads it.
//!
//! The engine ([`campus_parcours`]) computes in memory; this module loads
//! what it needs from the catalogue tables, one query per table whatever
//! their size (the national referentials hold 18 000 skills and 30 000
//! blocs: a query per row would take minutes), stores the alignment of
//! blocs to ROME skills and the campus team's corrections of it
//! ([`links`]), turns the trainings of the catalogue into the engine's
//! units ([`units`]), and keeps the paths saved to learners' accounts with
//! the learners' consent to their supporters ([`saved`]).

pub mod links;
pub mod rattachements;
pub mod saved;
pub mod units;

use std::collections::{BTreeMap, HashMap};

use campus_domain::certification::Bloc;
use campus_domain::rome::{Coeur, FicheSkill, Mobilite, Skill, SkillKind};
use campus_domain::{CodeCertification, CodeRome, Niveau};
use campus_parcours::align::{AlignBloc, AlignParams, Link, SkillIndex, align};
use campus_parcours::{BuildReport, Certification, Referentiel, ReferentielBuilder};
use sea_orm::{EntityTrait, QueryOrder};

use crate::entity::{
    certifinfo, certifinfo_rome, rncp_bloc, rncp_bloc_competence, rncp_bloc_detail, rncp_fiche,
    rncp_fiche_code, rncp_voie_acces, rome_fiche, rome_fiche_skill, rome_mobilite, rome_skill,
};
use crate::{Store, StoreError};

pub use links::{StoredAlignment, StoredLink};
pub use rattachements::AttachReport;
pub use saved::{NewSavedPlan, SavedPlan, Support, SupportAnswer, SupportStatus};
pub use units::UnitPlace;

/// The engine's referential with the blocs to align (title and listed
/// skills), both read from the catalogue in one pass.
#[derive(Debug)]
pub struct Catalogue {
    pub referentiel: Referentiel,
    pub report: BuildReport,
    pub blocs: Vec<AlignBloc>,
}

impl Store {
    /// Loads the ROME trades and skills, the certifications and their
    /// blocs, and the stored links (computed ones minus the team's
    /// removals, plus its additions) into the engine's referential.
    pub async fn parcours_catalogue(&self) -> Result<Catalogue, StoreError> {
        let db = self.conn();
        let mut b = ReferentielBuilder::new();
        for s in rome_skill::Entity::find().all(db).await? {
            let kind = SkillKind::parse(&s.kind).ok_or_else(|| {
                StoreError::Corrupt(format!("compétence {} : type « {} »", s.code_ogr, s.kind))
            })?;
            b.skill(&Skill {
                code_ogr: s.code_ogr,
                kind,
                libelle: s.libelle,
                categorie: None,
                sous_categorie: None,
            });
        }
        for f in rome_fiche::Entity::find().all(db).await? {
            let code = rome_code(&f.code_rome)?;
            if let Some(parent) = f.code_rome_parent.as_deref() {
                b.parent(code.clone(), rome_code(parent)?);
            }
            b.metier(code, &f.libelle);
        }
        for l in rome_fiche_skill::Entity::find().all(db).await? {
            b.fiche_skill(&FicheSkill {
                code_rome: rome_code(&l.code_rome)?,
                code_ogr: l.code_ogr,
                coeur: l.coeur.as_deref().and_then(Coeur::parse),
            });
        }
        for m in rome_mobilite::Entity::find().all(db).await? {
            b.mobilite(&Mobilite {
                code_rome: rome_code(&m.code_rome)?,
                cible: rome_code(&m.cible)?,
                ordre: m.ordre,
            });
        }
        for c in self.parcours_certifications().await? {
            b.certification(c);
        }
        let blocs = self.align_blocs().await?;
        for bloc in &blocs {
            b.bloc(&Bloc {
                code: bloc.code.clone(),
                certification: bloc.certification.clone(),
                libelle: bloc.libelle.clone(),
            });
        }
        for link in self.retained_links().await? {
            b.bloc_skill(&link.bloc, link.skill);
        }
        let (referentiel, report) = b.build();
        Ok(Catalogue {
            referentiel,
            report,
            blocs,
        })
    }

    /// Every certification the catalogue knows, by its RNCP or RS code,
    /// with what the engine needs: Certif Info gives the level, the ROME
    /// codes and the VAE access; the RNCP XML export gives them for the
    /// certifications Certif Info lacks. A certification known only by its
    /// blocs (the CSV export has no title file) is named by its code, so
    /// that its blocs still reach the plans.
    async fn parcours_certifications(&self) -> Result<Vec<Certification>, StoreError> {
        let db = self.conn();
        let mut romes_of: HashMap<i64, Vec<CodeRome>> = HashMap::new();
        for l in certifinfo_rome::Entity::find().all(db).await? {
            if let Ok(code) = CodeRome::parse(&l.code_rome) {
                romes_of.entry(l.code_diplome).or_default().push(code);
            }
        }
        let mut out: BTreeMap<String, Certification> = BTreeMap::new();
        for c in certifinfo::Entity::find().all(db).await? {
            let vae = c.accessibilite.split(';').any(|flag| flag == "vae=1");
            for code in [&c.code_rncp, &c.code_rs].into_iter().flatten() {
                let Ok(code) = CodeCertification::parse(code) else {
                    continue;
                };
                let entry = out
                    .entry(code.as_str().to_owned())
                    .or_insert_with(|| Certification {
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
                Certification {
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
                    Certification {
                        libelle: b.certification,
                        niveau: None,
                        romes: Vec::new(),
                        vae: false,
                        code,
                    },
                );
            }
        }
        Ok(out.into_values().collect())
    }

    /// The blocs to align: the CSV export's title with the skills the XML
    /// export lists for it, one per row of `rncp_bloc_competences`, or its
    /// free-text list where the rows are missing.
    pub async fn align_blocs(&self) -> Result<Vec<AlignBloc>, StoreError> {
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
            out.push(AlignBloc {
                competences: listed.remove(&b.code).unwrap_or_default(),
                code: b.code,
                certification,
                libelle: b.libelle,
            });
        }
        Ok(out)
    }
}

/// An alignment run: the catalogue with the links retained after it (the
/// new computed ones merged with the team's decisions), ready for plans.
#[derive(Debug)]
pub struct Alignment {
    pub catalogue: Catalogue,
    pub stored: StoredAlignment,
    /// The links the engine now uses.
    pub links: Vec<Link>,
}

impl Store {
    /// Aligns every bloc of the catalogue to the ROME skills, replaces the
    /// computed links in one transaction (curated ones stay), and returns
    /// the referential linked as the engine will use it.
    pub async fn align_catalogue(&self, params: AlignParams) -> Result<Alignment, StoreError> {
        let mut catalogue = self.parcours_catalogue().await?;
        let index = SkillIndex::new(&catalogue.referentiel);
        // The index is built from this very referential just above, so the
        // engine's only error (a stale index) would be a bug of this crate,
        // reported as such rather than hidden.
        let computed = align(&catalogue.referentiel, &index, &catalogue.blocs, params)
            .map_err(|err| StoreError::Corrupt(err.to_string()))?;
        let stored = self.store_computed_links(&computed).await?;
        let links = self.retained_links().await?;
        catalogue.referentiel.link_blocs(&links);
        Ok(Alignment {
            catalogue,
            stored,
            links,
        })
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
