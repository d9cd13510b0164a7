//! The engine's in-memory view of the catalogue: ROME trades with their
//! skills and mobilités, certifications with their blocs, and the links
//! from blocs to skills.
//!
//! Everything is resolved once into dense indices (`u32`) so that the gap,
//! the plans and the passerelles walk vectors instead of hashing codes: the
//! passerelles of one trade visit every trade's skills, and that must stay
//! well under a millisecond. Codes stay at the edges (inputs and results).

use std::collections::HashMap;

use campus_domain::parcours::Origin;
use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence, Mobilite};
use campus_domain::{CodeCertification, CodeRome, Niveau};
use serde::{Deserialize, Serialize};

/// A ROME skill (savoir-faire, savoir-être or savoir), by its `code_ogr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CompetenceId(pub i64);

/// A skill of the referential.
#[derive(Debug, Clone)]
pub struct CompetenceEntry {
    pub id: CompetenceId,
    pub libelle: String,
    pub kind: CompetenceKind,
    /// A knowledge that names a diploma or a certificate (ROME
    /// sub-category « Certifications », or a label such as « Master
    /// mention … »): a trade asks for it, no bloc teaches it.
    pub diplome: bool,
}

/// A skill a trade requires, with its ROME « cœur de métier » flag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MetierCompetence {
    pub(crate) skill: u32,
    pub(crate) coeur: Option<Coeur>,
}

/// A trade (ROME fiche).
#[derive(Debug, Clone)]
pub struct MetierEntry {
    pub code: CodeRome,
    pub libelle: String,
    pub(crate) skills: Vec<MetierCompetence>,
    /// Official mobilités: target trade and ROME order (1 is the closest).
    pub(crate) mobilites: Vec<(u32, i32)>,
    /// An executive's post (ROME `emploi_cadre`).
    pub(crate) cadre: bool,
}

impl MetierEntry {
    /// Whether the fiche flags at least one skill as core. One fiche of the
    /// ROME 4.60 has none; for it every skill counts as core (see
    /// [`crate::gap`]), otherwise its gap could never be required.
    pub(crate) fn has_core(&self) -> bool {
        self.skills
            .iter()
            .any(|s| s.coeur == Some(Coeur::Principale))
    }
}

/// A certification as the engine needs it, supplied by the caller (Certif
/// Info gives the level, the ROME codes and the VAE access flag).
#[derive(Debug, Clone)]
pub struct Certification {
    pub code: CodeCertification,
    pub libelle: String,
    pub niveau: Option<Niveau>,
    pub romes: Vec<CodeRome>,
    /// Accessible by VAE (validation des acquis de l'expérience).
    pub vae: bool,
}

/// A certification, resolved.
#[derive(Debug, Clone)]
pub struct CertificationEntry {
    pub code: CodeCertification,
    pub libelle: String,
    pub niveau: Option<Niveau>,
    pub vae: bool,
    pub(crate) romes: Vec<u32>,
    pub(crate) blocs: Vec<u32>,
    /// The core skills of the trades it leads to, sorted. A certification
    /// registered for a trade prepares that trade's core as a whole, even
    /// where no bloc title names the skill: the alignment only reads
    /// titles, and a certification may publish no bloc at all.
    pub(crate) core: Vec<u32>,
    /// Its blocs' skills and its trades' core skills, sorted: what holding
    /// it gives, read for every certification by each VAE check.
    pub(crate) skills: Vec<u32>,
    /// Those of `skills` that only weak links give (see
    /// [`BlocEntry::weak`]), sorted.
    pub(crate) weak: Vec<u32>,
}

impl CertificationEntry {
    /// How many trades (ROME 4.0 fiches) it leads to.
    pub fn metier_count(&self) -> usize {
        self.romes.len()
    }
}

/// How a certification reaches a target trade, as a plan says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// It leads to the trade: registered for it.
    Metier,
    /// It leads to a neighbouring trade, which shares `partage` of the
    /// target's `coeur` core skills: the closest of its trades. Many ROME
    /// 4.0 fiches are cited by no certification yet (H1217, formulation
    /// technician); the certifications of their neighbours are their routes.
    Voisin {
        metier: CodeRome,
        libelle: String,
        partage: usize,
        coeur: usize,
    },
}

/// A bloc de compétences, resolved, with the skills it is linked to.
#[derive(Debug, Clone)]
pub struct BlocEntry {
    pub code: String,
    pub libelle: String,
    pub(crate) certification: u32,
    pub(crate) skills: Vec<u32>,
    /// Those of `skills` linked only by a weak computed link: a cosine
    /// below [`crate::align::STRONG_LINK`], the team never confirmed it, and
    /// the skill is not a core skill of a trade the certification leads
    /// to. Fewer than half such links are right (measured on a sample
    /// checked by hand), so a plan never proposes a unit for them alone.
    pub(crate) weak: Vec<u32>,
}

/// What the builder could not resolve: links kept out of the engine because
/// one end is unknown. The importers already report such links; these
/// counts let the caller check that nothing else was lost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub fiche_competences_skipped: usize,
    pub mobilites_skipped: usize,
    pub certification_romes_skipped: usize,
    pub blocs_skipped: usize,
    pub bloc_competences_skipped: usize,
}

/// Collects the catalogue in any order; [`ReferentielBuilder::build`]
/// resolves the references.
#[derive(Debug, Default)]
pub struct ReferentielBuilder {
    skills: Vec<CompetenceEntry>,
    metiers: Vec<(CodeRome, String)>,
    parents: Vec<(CodeRome, CodeRome)>,
    cadres: Vec<CodeRome>,
    fiche_competences: Vec<(CodeRome, CompetenceId, Option<Coeur>)>,
    mobilites: Vec<(CodeRome, CodeRome, i32)>,
    certifications: Vec<Certification>,
    blocs: Vec<(String, CodeCertification, String)>,
    bloc_competences: Vec<(String, CompetenceId)>,
}

impl ReferentielBuilder {
    pub fn new() -> ReferentielBuilder {
        ReferentielBuilder::default()
    }

    pub fn skill(&mut self, skill: &Competence) -> &mut Self {
        self.skills.push(CompetenceEntry {
            id: CompetenceId(skill.code_ogr),
            libelle: skill.libelle.clone(),
            kind: skill.kind,
            diplome: skill.sous_categorie.as_deref() == Some("Certifications")
                || crate::align::names_a_diploma(&skill.libelle),
        });
        self
    }

    pub fn metier(&mut self, code: CodeRome, libelle: &str) -> &mut Self {
        self.metiers.push((code, libelle.to_owned()));
        self
    }

    /// A ROME 4.0 fiche and the ROME v3 fiche it was split from
    /// (`code_rome_parent`). Certif Info still lists v3 codes: a
    /// certification linked to H2301 leads to all the fiches split from it
    /// (H2301 to H2304), not only to the one that kept the code.
    pub fn parent(&mut self, code: CodeRome, parent: CodeRome) -> &mut Self {
        if code != parent {
            self.parents.push((code, parent));
        }
        self
    }

    /// A fiche the ROME flags as an executive's post (`emploi_cadre`): an
    /// engineer's, not a technician's. A certification reaches a fiche
    /// split from the code it cites only at a level that fits
    /// ([`fits_split`]).
    pub fn emploi_cadre(&mut self, code: CodeRome) -> &mut Self {
        self.cadres.push(code);
        self
    }

    pub fn fiche_competence(&mut self, link: &FicheCompetence) -> &mut Self {
        self.fiche_competences.push((
            link.code_rome.clone(),
            CompetenceId(link.code_ogr),
            link.coeur,
        ));
        self
    }

    pub fn mobilite(&mut self, mobilite: &Mobilite) -> &mut Self {
        self.mobilites.push((
            mobilite.code_rome.clone(),
            mobilite.cible.clone(),
            mobilite.ordre,
        ));
        self
    }

    pub fn certification(&mut self, certification: Certification) -> &mut Self {
        self.certifications.push(certification);
        self
    }

    pub fn bloc(&mut self, bloc: &campus_domain::certification::Bloc) -> &mut Self {
        self.blocs.push((
            bloc.code.clone(),
            bloc.certification.clone(),
            bloc.libelle.clone(),
        ));
        self
    }

    /// A retained link from a bloc to a skill (the result of
    /// [`crate::align::merge`]).
    pub fn bloc_competence(&mut self, bloc: &str, skill: CompetenceId) -> &mut Self {
        self.bloc_competences.push((bloc.to_owned(), skill));
        self
    }

    /// Resolves every reference. The first occurrence of a duplicated code
    /// wins, as in the imports.
    pub fn build(self) -> (Referentiel, BuildReport) {
        let mut report = BuildReport::default();
        let mut r = Referentiel::default();
        for skill in self.skills {
            if !r.competence_index.contains_key(&skill.id) {
                r.competence_index.insert(skill.id, index(r.skills.len()));
                r.skills.push(skill);
            }
        }
        for (code, libelle) in self.metiers {
            if !r.metier_index.contains_key(&code) {
                r.metier_index.insert(code.clone(), index(r.metiers.len()));
                r.metiers.push(MetierEntry {
                    cadre: self.cadres.contains(&code),
                    code,
                    libelle,
                    skills: Vec::new(),
                    mobilites: Vec::new(),
                });
            }
        }
        for (code, skill, coeur) in self.fiche_competences {
            match (r.metier_index.get(&code), r.competence_index.get(&skill)) {
                (Some(&m), Some(&s)) => {
                    let skills = &mut r.metiers[m as usize].skills;
                    if !skills.iter().any(|x| x.skill == s) {
                        skills.push(MetierCompetence { skill: s, coeur });
                    }
                }
                _ => report.fiche_competences_skipped += 1,
            }
        }
        for (from, to, ordre) in self.mobilites {
            match (r.metier_index.get(&from), r.metier_index.get(&to)) {
                (Some(&a), Some(&b)) if a != b => r.metiers[a as usize].mobilites.push((b, ordre)),
                _ => report.mobilites_skipped += 1,
            }
        }
        for metier in &mut r.metiers {
            metier
                .mobilites
                .sort_by_key(|&(target, ordre)| (ordre, target));
            // A target listed twice keeps its closest rank.
            let mut seen = std::collections::HashSet::new();
            metier.mobilites.retain(|&(target, _)| seen.insert(target));
        }
        let mut children: HashMap<CodeRome, Vec<u32>> = HashMap::new();
        for (code, parent) in self.parents {
            if let Some(&m) = r.metier_index.get(&code) {
                children.entry(parent).or_default().push(m);
            }
        }
        for c in self.certifications {
            if r.certification_index.contains_key(&c.code) {
                continue;
            }
            let mut romes = Vec::new();
            for rome in &c.romes {
                let split = children.get(rome).map(Vec::as_slice).unwrap_or_default();
                let own = r.metier_index.get(rome).copied();
                if own.is_none() && split.is_empty() {
                    report.certification_romes_skipped += 1;
                }
                let split = split
                    .iter()
                    .copied()
                    .filter(|&m| fits_split(c.niveau, &r.metiers[m as usize]));
                for m in own.into_iter().chain(split) {
                    if !romes.contains(&m) {
                        romes.push(m);
                    }
                }
            }
            let mut core: Vec<u32> = romes
                .iter()
                .flat_map(|&m| core_competences(&r.metiers[m as usize]))
                .collect();
            core.sort_unstable();
            core.dedup();
            r.certification_index
                .insert(c.code.clone(), index(r.certifications.len()));
            r.certifications.push(CertificationEntry {
                code: c.code,
                libelle: c.libelle,
                niveau: c.niveau,
                vae: c.vae,
                romes,
                blocs: Vec::new(),
                core,
                skills: Vec::new(),
                weak: Vec::new(),
            });
        }
        for (code, certification, libelle) in self.blocs {
            let Some(&c) = r.certification_index.get(&certification) else {
                report.blocs_skipped += 1;
                continue;
            };
            if r.bloc_index.contains_key(&code) {
                continue;
            }
            let b = index(r.blocs.len());
            r.bloc_index.insert(code.clone(), b);
            r.certifications[c as usize].blocs.push(b);
            r.blocs.push(BlocEntry {
                code,
                libelle,
                certification: c,
                skills: Vec::new(),
                weak: Vec::new(),
            });
        }
        for (bloc, skill) in self.bloc_competences {
            match (r.bloc_index.get(&bloc), r.competence_index.get(&skill)) {
                (Some(&b), Some(&s)) => {
                    let skills = &mut r.blocs[b as usize].skills;
                    if !skills.contains(&s) {
                        skills.push(s);
                    }
                }
                _ => report.bloc_competences_skipped += 1,
            }
        }
        r.certification_competences_from_parts();
        (r, report)
    }
}

/// Whether a certification of level `niveau` that cites a ROME v3 code
/// leads to `fiche`, one of the 4.0 fiches split from that code under
/// another code. A split code is often far broader than each of its
/// fiches: H1206 (R&D in industry) became seventeen fiches, engineers'
/// and technicians'. A master cites it for the engineers, not for the
/// pharmaceutical formulation technician (H1217); a BTS, the reverse.
/// So an executive's fiche needs level 6 or more, and another fiche level
/// 6 or less; an unknown level reaches them all.
fn fits_split(niveau: Option<Niveau>, fiche: &MetierEntry) -> bool {
    niveau.is_none_or(|n| {
        if fiche.cadre {
            n.value() >= 6
        } else {
            n.value() <= 6
        }
    })
}

/// A trade's core skills (all its skills for the fiche that flags none, as
/// in [`crate::gap`]).
fn core_competences(metier: &MetierEntry) -> impl Iterator<Item = u32> + '_ {
    let all = !metier.has_core();
    metier
        .skills
        .iter()
        .filter(move |s| all || s.coeur == Some(Coeur::Principale))
        .map(|s| s.skill)
}

/// Dense indices fit in `u32`: the national referentials hold tens of
/// thousands of entries, far from four billion.
fn index(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The catalogue, resolved. Built once (at start, or after an import) and
/// shared read-only by every computation.
#[derive(Debug, Default)]
pub struct Referentiel {
    pub(crate) skills: Vec<CompetenceEntry>,
    pub(crate) competence_index: HashMap<CompetenceId, u32>,
    pub(crate) metiers: Vec<MetierEntry>,
    pub(crate) metier_index: HashMap<CodeRome, u32>,
    pub(crate) certifications: Vec<CertificationEntry>,
    pub(crate) certification_index: HashMap<CodeCertification, u32>,
    pub(crate) blocs: Vec<BlocEntry>,
    pub(crate) bloc_index: HashMap<String, u32>,
}

impl Referentiel {
    pub fn skill(&self, id: CompetenceId) -> Option<&CompetenceEntry> {
        self.competence_index
            .get(&id)
            .map(|&i| &self.skills[i as usize])
    }

    pub fn metier(&self, code: &CodeRome) -> Option<&MetierEntry> {
        self.metier_index
            .get(code)
            .map(|&i| &self.metiers[i as usize])
    }

    pub fn certification(&self, code: &CodeCertification) -> Option<&CertificationEntry> {
        self.certification_index
            .get(code)
            .map(|&i| &self.certifications[i as usize])
    }

    /// Every skill, for finding one by its label (declared skills).
    pub fn skills(&self) -> impl Iterator<Item = &CompetenceEntry> {
        self.skills.iter()
    }

    /// A bloc by its code, with its title.
    pub fn bloc(&self, code: &str) -> Option<&BlocEntry> {
        self.bloc_index.get(code).map(|&b| &self.blocs[b as usize])
    }

    pub fn metiers(&self) -> impl Iterator<Item = &MetierEntry> {
        self.metiers.iter()
    }

    pub fn blocs(&self) -> impl Iterator<Item = &BlocEntry> {
        self.blocs.iter()
    }

    pub fn certifications(&self) -> impl Iterator<Item = &CertificationEntry> {
        self.certifications.iter()
    }

    /// The skills a trade requires, with their core flag.
    pub fn metier_competences(&self, code: &CodeRome) -> Vec<(CompetenceId, Option<Coeur>)> {
        self.metier(code)
            .map(|m| {
                m.skills
                    .iter()
                    .map(|s| (self.skills[s.skill as usize].id, s.coeur))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The skills a bloc is linked to: what a session preparing it teaches.
    pub fn bloc_competences(&self, bloc: &str) -> Vec<CompetenceId> {
        self.bloc_index
            .get(bloc)
            .map(|&b| self.ids(&self.blocs[b as usize].skills))
            .unwrap_or_default()
    }

    /// The codes of a certification's blocs.
    pub fn certification_blocs(&self, code: &CodeCertification) -> Vec<String> {
        self.certification(code)
            .map(|c| {
                c.blocs
                    .iter()
                    .map(|&b| self.blocs[b as usize].code.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How `certification` reaches `target`: registered for it, or for the
    /// neighbour sharing most of its core skills. `None` when none of its
    /// trades shares any (it reaches the target through its blocs alone).
    pub fn route(&self, certification: &CodeCertification, target: &CodeRome) -> Option<Route> {
        let c = self.certification(certification)?;
        let &t = self.metier_index.get(target)?;
        if c.romes.contains(&t) {
            return Some(Route::Metier);
        }
        let target_core: Vec<u32> = core_competences(&self.metiers[t as usize]).collect();
        c.romes
            .iter()
            .map(|&m| {
                let metier = &self.metiers[m as usize];
                let partage = core_competences(metier)
                    .filter(|s| target_core.contains(s))
                    .count();
                (partage, metier)
            })
            .filter(|&(partage, _)| partage > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.code.cmp(&a.1.code)))
            .map(|(partage, metier)| Route::Voisin {
                metier: metier.code.clone(),
                libelle: metier.libelle.clone(),
                partage,
                coeur: target_core.len(),
            })
    }

    /// The certification a bloc belongs to.
    pub fn bloc_certification(&self, bloc: &str) -> Option<&CodeCertification> {
        let b = self.bloc(bloc)?;
        Some(&self.certifications[b.certification as usize].code)
    }

    /// The lowest level of the certifications registered for a trade: the
    /// level at which people enter it. `None` when none with a known level
    /// leads to it.
    pub fn entry_level(&self, metier: &CodeRome) -> Option<Niveau> {
        let &m = self.metier_index.get(metier)?;
        self.certifications
            .iter()
            .filter(|c| c.romes.contains(&m))
            .filter_map(|c| c.niveau)
            .min_by_key(|n| n.value())
    }

    /// The core skills of the trades a certification leads to (by Certif
    /// Info, the RNCP fiche or the RNCP → ROME table): what it prepares by
    /// registration, whatever its blocs' titles say.
    pub fn certification_metier_competences(&self, code: &CodeCertification) -> Vec<CompetenceId> {
        self.certification(code)
            .map(|c| self.ids(&c.core))
            .unwrap_or_default()
    }

    /// The skills of all of a certification's blocs and the core skills of
    /// the trades it leads to: what holding it in full, or a session
    /// preparing all of it, gives.
    pub fn certification_competences(&self, code: &CodeCertification) -> Vec<CompetenceId> {
        self.certification(code)
            .map(|c| self.ids(&c.skills))
            .unwrap_or_default()
    }

    /// Those of [`Referentiel::certification_competences`] that only weak
    /// alignment links give ([`BlocEntry::weak`]).
    pub fn certification_weak_competences(&self, code: &CodeCertification) -> Vec<CompetenceId> {
        self.certification(code)
            .map(|c| self.ids(&c.weak))
            .unwrap_or_default()
    }

    /// Those of [`Referentiel::bloc_competences`] that only a weak
    /// alignment link gives ([`BlocEntry::weak`]).
    pub fn bloc_weak_competences(&self, bloc: &str) -> Vec<CompetenceId> {
        self.bloc_index
            .get(bloc)
            .map(|&b| self.ids(&self.blocs[b as usize].weak))
            .unwrap_or_default()
    }

    /// Replaces every bloc's skills by `links` (the result of
    /// [`crate::align::merge`]), after an alignment or a review, without
    /// rebuilding the rest. Returns the number of links left out because
    /// their bloc or skill is unknown.
    pub fn link_blocs(&mut self, links: &[crate::align::Link]) -> usize {
        for bloc in &mut self.blocs {
            bloc.skills.clear();
            bloc.weak.clear();
        }
        let mut skipped = 0;
        for link in links {
            match (
                self.bloc_index.get(&link.bloc),
                self.competence_index.get(&link.skill),
            ) {
                (Some(&b), Some(&s)) => {
                    let certification = self.blocs[b as usize].certification;
                    let strong = link.origin == Origin::Curated
                        || link.score >= crate::align::STRONG_LINK
                        || self.certifications[certification as usize]
                            .core
                            .binary_search(&s)
                            .is_ok();
                    let bloc = &mut self.blocs[b as usize];
                    if !bloc.skills.contains(&s) {
                        bloc.skills.push(s);
                        if !strong {
                            bloc.weak.push(s);
                        }
                    } else if strong {
                        bloc.weak.retain(|&w| w != s);
                    }
                }
                _ => skipped += 1,
            }
        }
        self.certification_competences_from_parts();
        skipped
    }

    fn certification_competences_from_parts(&mut self) {
        for c in &mut self.certifications {
            c.skills = c
                .blocs
                .iter()
                .flat_map(|&b| self.blocs[b as usize].skills.iter().copied())
                .chain(c.core.iter().copied())
                .collect();
            c.skills.sort_unstable();
            c.skills.dedup();
            // Weak for the certification: no bloc links it strongly and
            // none of its trades has it at its core.
            let blocs = &self.blocs;
            let sure = |s: u32| {
                c.core.binary_search(&s).is_ok()
                    || c.blocs.iter().any(|&b| {
                        let bloc = &blocs[b as usize];
                        bloc.skills.contains(&s) && !bloc.weak.contains(&s)
                    })
            };
            c.weak = c.skills.iter().copied().filter(|&s| !sure(s)).collect();
        }
    }

    pub(crate) fn ids(&self, indices: &[u32]) -> Vec<CompetenceId> {
        indices
            .iter()
            .map(|&s| self.skills[s as usize].id)
            .collect()
    }

    /// Bytes held by the engine's data, counted field by field (capacity of
    /// every vector and string, entries of every map), for the memory
    /// budget of the issue. Hash maps are counted at their capacity with
    /// one control byte per slot, as hashbrown lays them out.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let map = |cap: usize, entry: usize| cap * (entry + 1);
        let skills = self.skills.capacity() * size_of::<CompetenceEntry>()
            + self
                .skills
                .iter()
                .map(|s| s.libelle.capacity())
                .sum::<usize>()
            + map(
                self.competence_index.capacity(),
                size_of::<(CompetenceId, u32)>(),
            );
        let metiers = self.metiers.capacity() * size_of::<MetierEntry>()
            + self
                .metiers
                .iter()
                .map(|m| {
                    m.code.as_str().len()
                        + m.libelle.capacity()
                        + m.skills.capacity() * size_of::<MetierCompetence>()
                        + m.mobilites.capacity() * size_of::<(u32, i32)>()
                })
                .sum::<usize>()
            + map(self.metier_index.capacity(), size_of::<(CodeRome, u32)>())
            + self
                .metier_index
                .keys()
                .map(|k| k.as_str().len())
                .sum::<usize>();
        let certifications = self.certifications.capacity() * size_of::<CertificationEntry>()
            + self
                .certifications
                .iter()
                .map(|c| {
                    c.code.as_str().len()
                        + c.libelle.capacity()
                        + (c.romes.capacity()
                            + c.blocs.capacity()
                            + c.core.capacity()
                            + c.skills.capacity()
                            + c.weak.capacity())
                            * size_of::<u32>()
                })
                .sum::<usize>()
            + map(
                self.certification_index.capacity(),
                size_of::<(CodeCertification, u32)>(),
            )
            + self
                .certification_index
                .keys()
                .map(|k| k.as_str().len())
                .sum::<usize>();
        let blocs = self.blocs.capacity() * size_of::<BlocEntry>()
            + self
                .blocs
                .iter()
                .map(|b| {
                    b.code.capacity()
                        + b.libelle.capacity()
                        + (b.skills.capacity() + b.weak.capacity()) * 4
                })
                .sum::<usize>()
            + map(self.bloc_index.capacity(), size_of::<(String, u32)>())
            + self.bloc_index.keys().map(String::capacity).sum::<usize>();
        skills + metiers + certifications + blocs
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    pub(crate) fn rome(code: &str) -> CodeRome {
        CodeRome::parse(code).unwrap()
    }

    pub(crate) fn cert(code: &str) -> CodeCertification {
        CodeCertification::parse(code).unwrap()
    }

    /// A know-how skill labelled by its code.
    pub(crate) fn skill(code_ogr: i64) -> Competence {
        Competence {
            code_ogr,
            kind: CompetenceKind::SavoirFaire,
            libelle: format!("Compétence {code_ogr}"),
            categorie: None,
            sous_categorie: None,
        }
    }

    /// H1206 (R&D engineers, an executive's post) was split into H1211
    /// (also executives) and H1217 (formulation technicians), each with
    /// one core skill: 1, 3 and 2.
    #[test]
    fn a_split_code_leads_to_the_fiches_of_its_level() {
        let mut b = ReferentielBuilder::new();
        for (code, code_ogr, cadre) in [("H1206", 1, true), ("H1217", 2, false), ("H1211", 3, true)]
        {
            b.skill(&skill(code_ogr))
                .metier(rome(code), code)
                .fiche_competence(&FicheCompetence {
                    code_rome: rome(code),
                    code_ogr,
                    coeur: Some(Coeur::Principale),
                });
            if code != "H1206" {
                b.parent(rome(code), rome("H1206"));
            }
            if cadre {
                b.emploi_cadre(rome(code));
            }
        }
        for (code, niveau) in [
            ("RNCP7", Some(7)),
            ("RNCP5", Some(5)),
            ("RNCP6", Some(6)),
            ("RNCP1", None),
        ] {
            b.certification(Certification {
                code: cert(code),
                libelle: code.into(),
                niveau: niveau.and_then(Niveau::new),
                romes: vec![rome("H1206")],
                vae: false,
            });
        }
        let r = b.build().0;
        let leads_to = |code: &str| -> Vec<i64> {
            r.certification_metier_competences(&cert(code))
                .into_iter()
                .map(|s| s.0)
                .collect()
        };
        // The cited fiche itself always; the split ones by level.
        assert_eq!(leads_to("RNCP7"), [1, 3]);
        assert_eq!(leads_to("RNCP5"), [1, 2]);
        assert_eq!(leads_to("RNCP6"), [1, 2, 3]);
        assert_eq!(leads_to("RNCP1"), [1, 2, 3]);
        // The master reaches the technicians' fiche through a neighbour:
        // H1206 shares none of H1217's core (skill 2), H1211 neither.
        assert_eq!(r.route(&cert("RNCP5"), &rome("H1217")), Some(Route::Metier));
        assert_eq!(r.route(&cert("RNCP7"), &rome("H1217")), None);
        // People enter each trade at the lowest level that leads to it.
        let entry = |code: &str| r.entry_level(&rome(code)).map(Niveau::value);
        assert_eq!(entry("H1206"), Some(5));
        assert_eq!(entry("H1217"), Some(5));
        assert_eq!(entry("H1211"), Some(6));
        assert_eq!(entry("A1101"), None);
    }

    #[test]
    fn a_certification_of_a_neighbour_says_how_close_it_is() {
        let mut b = ReferentielBuilder::new();
        for code_ogr in 1..=4 {
            b.skill(&skill(code_ogr));
        }
        for (code, core) in [("H1217", [1, 2, 3]), ("H1210", [1, 2, 4])] {
            b.metier(rome(code), code);
            for skill in core {
                b.fiche_competence(&FicheCompetence {
                    code_rome: rome(code),
                    code_ogr: skill,
                    coeur: Some(Coeur::Principale),
                });
            }
        }
        b.certification(Certification {
            code: cert("RNCP8"),
            libelle: "BTS métiers de la chimie".into(),
            niveau: Niveau::new(5),
            romes: vec![rome("H1210")],
            vae: false,
        });
        let r = b.build().0;
        assert_eq!(
            r.route(&cert("RNCP8"), &rome("H1217")),
            Some(Route::Voisin {
                metier: rome("H1210"),
                libelle: "H1210".into(),
                partage: 2,
                coeur: 3,
            })
        );
        assert_eq!(r.route(&cert("RNCP8"), &rome("H1210")), Some(Route::Metier));
        assert_eq!(r.route(&cert("RNCP404"), &rome("H1210")), None);
    }

    #[test]
    fn unknown_references_are_counted_not_kept() {
        let mut b = ReferentielBuilder::new();
        b.skill(&Competence {
            code_ogr: 1,
            kind: CompetenceKind::SavoirFaire,
            libelle: "Conduire une ligne".into(),
            categorie: None,
            sous_categorie: None,
        })
        .metier(rome("H3301"), "Conducteur de ligne")
        .fiche_competence(&FicheCompetence {
            code_rome: rome("H3301"),
            code_ogr: 1,
            coeur: Some(Coeur::Principale),
        })
        .fiche_competence(&FicheCompetence {
            code_rome: rome("H3301"),
            code_ogr: 99,
            coeur: None,
        })
        .mobilite(&Mobilite {
            code_rome: rome("H3301"),
            cible: rome("I1304"),
            ordre: 1,
        })
        .certification(Certification {
            code: cert("RNCP1"),
            libelle: "Titre".into(),
            niveau: Niveau::new(3),
            romes: vec![rome("H3301"), rome("A1101")],
            vae: true,
        })
        .bloc(&campus_domain::certification::Bloc {
            code: "RNCP1BC01".into(),
            certification: cert("RNCP1"),
            libelle: "Conduire".into(),
        })
        .bloc(&campus_domain::certification::Bloc {
            code: "RNCP2BC01".into(),
            certification: cert("RNCP2"),
            libelle: "Orphelin".into(),
        })
        .bloc_competence("RNCP1BC01", CompetenceId(1))
        .bloc_competence("RNCP1BC01", CompetenceId(1))
        .bloc_competence("RNCP1BC01", CompetenceId(7));
        let (r, report) = b.build();
        assert_eq!(
            report,
            BuildReport {
                fiche_competences_skipped: 1,
                mobilites_skipped: 1,
                certification_romes_skipped: 1,
                blocs_skipped: 1,
                bloc_competences_skipped: 1,
            }
        );
        assert_eq!(r.bloc_competences("RNCP1BC01"), vec![CompetenceId(1)]);
        assert_eq!(
            r.certification_competences(&cert("RNCP1")),
            vec![CompetenceId(1)]
        );
        assert_eq!(r.metier_competences(&rome("H3301")).len(), 1);
        assert!(r.heap_bytes() > 0);
    }
}
