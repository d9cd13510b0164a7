//! Alignment of RNCP blocs de compétences with ROME skills.
//!
//! No official table links a bloc to ROME skills, yet every plan needs to
//! know which skills a bloc teaches. The alignment reads both as French
//! text: each text becomes a TF-IDF vector over stemmed, accent-free terms
//! ([`crate::text`]), with the IDF computed over the ROME skill labels (a
//! word that many skills share, « réaliser », says little), and a bloc is
//! linked to the skills whose cosine reaches a threshold.
//!
//! A bloc is first compared with the skills of the trades its certification
//! leads to: a « maintenance » bloc of a pharmacy certification must match
//! the pharmacy trades' maintenance, not the aircraft mechanic's. Only when
//! the certification has no ROME link, or nothing reaches the threshold
//! there, are all skills searched, through an inverted index so that the
//! ≈ 30 000 national blocs align in seconds, with a stricter threshold.
//!
//! The campus team corrects the result; [`merge`] makes a correction win
//! over every later computation, so re-imports never undo a review.

use std::collections::{BTreeMap, HashMap};

use campus_domain::CodeCertification;
use campus_domain::CodeRome;
/// The words of a link's provenance and of the team's decisions, shared
/// with the store that keeps them.
pub use campus_domain::parcours::{Decision, Origin, Scope};
use campus_domain::rome::Coeur;
use serde::{Deserialize, Serialize};

use crate::error::ParcoursError;
use crate::referentiel::{CompetenceId, Referentiel};
use crate::text::Normaliser;

/// A bloc to align: its title and, where the RNCP XML export gives them,
/// its listed skills.
#[derive(Debug, Clone)]
pub struct AlignBloc {
    pub code: String,
    pub certification: CodeCertification,
    pub libelle: String,
    pub competences: Vec<String>,
}

/// A link from a bloc to a ROME skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub bloc: String,
    pub skill: CompetenceId,
    /// Cosine similarity in [0, 1]; a curated link added by hand scores 1.
    pub score: f32,
    pub origin: Origin,
    pub scope: Scope,
}

/// A reviewed bloc–skill pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curation {
    pub bloc: String,
    pub skill: CompetenceId,
    pub decision: Decision,
}

/// The cosine from which a computed link can be relied on alone: every
/// link of the hand-checked sample scoring this much was right
/// (`tests/precision_alignement.rs`), against fewer than half below it.
/// A plan proposes a unit only if it teaches one of the learner's missing
/// skills through such a link, a link the team confirmed, or the
/// certification's registration for the trade.
pub const STRONG_LINK: f32 = 0.70;

/// How strict the alignment is.
#[derive(Debug, Clone, Copy)]
pub struct AlignParams {
    /// Lowest cosine kept. At 0.35 a link shares at least one rare content
    /// word, or several common ones, with the bloc; below it, links
    /// mostly share a verb.
    pub threshold: f32,
    /// Most links per bloc, best first: a bloc covers a handful of
    /// activities, and a long tail of weak links would make every bloc
    /// look like it covers every trade.
    pub max_links: usize,
    /// Lowest cosine kept when searching all skills. Outside its
    /// certification's trades a bloc meets 18 000 skills instead of a few
    /// hundred, and words it shares by chance with skills of unrelated
    /// trades pass the first threshold: the fallback asks for more.
    pub fallback_threshold: f32,
    /// Most links per bloc in the fallback, for the same reason.
    pub fallback_max_links: usize,
}

impl Default for AlignParams {
    fn default() -> Self {
        AlignParams {
            threshold: 0.35,
            max_links: 12,
            fallback_threshold: 0.45,
            fallback_max_links: 8,
        }
    }
}

/// A sparse vector: (term, weight), sorted by term, L2-normalised.
type Vector = Vec<(u32, f32)>;

/// The TF-IDF model of the ROME skill labels with its inverted index.
/// Built once per alignment run from the referential.
pub struct CompetenceIndex {
    normaliser: Normaliser,
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
    /// IDF of a term no skill uses: it still weighs in the bloc's norm.
    unseen_idf: f32,
    vectors: Vec<Vector>,
    postings: Vec<Vec<(u32, f32)>>,
}

/// Whether a ROME knowledge's label names a diploma (« Master mention
/// biologie », « Licence mention chimie », « Diplôme d'État de … », « BTS
/// … », « Titre professionnel … »): it says which degree a trade asks for,
/// not a skill a bloc teaches. With the ROME's own sub-category
/// « Certifications » it marks [`crate::referentiel::CompetenceEntry::diplome`], which the
/// alignment leaves out: on the hand-checked sample, none of the links to
/// such a knowledge was right (a bac pro's mathematics unit is no master
/// of mathematics).
pub fn names_a_diploma(libelle: &str) -> bool {
    let mut words = libelle.split_whitespace();
    match words.next() {
        Some(
            "Diplôme" | "Licence" | "Master" | "Mastère" | "CQP" | "CAP" | "Bac" | "BTS" | "BTSA"
            | "BP" | "BUT" | "DUT" | "DEUST" | "Doctorat" | "Brevet" | "MBA",
        ) => true,
        Some("Titre") => words.next() == Some("professionnel"),
        _ => false,
    }
}

impl CompetenceIndex {
    pub fn new(referentiel: &Referentiel) -> CompetenceIndex {
        let normaliser = Normaliser::new();
        let mut terms: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(referentiel.skills.len());
        for skill in &referentiel.skills {
            let mut tf: BTreeMap<u32, u32> = BTreeMap::new();
            for term in normaliser.terms(&skill.libelle) {
                let next = u32::try_from(terms.len()).unwrap_or(u32::MAX);
                let id = *terms.entry(term).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                *tf.entry(id).or_default() += 1;
            }
            for &id in tf.keys() {
                df[id as usize] += 1;
            }
            counts.push(tf.into_iter().collect());
        }
        let n = referentiel.skills.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let unseen_idf = (1.0 + n).ln() + 1.0;
        // A knowledge naming a diploma keeps its words in the IDF (they
        // still say how common a word is) but no vector: nothing aligns
        // with it.
        let vectors: Vec<Vector> = counts
            .iter()
            .zip(&referentiel.skills)
            .map(|(tf, skill)| {
                if skill.diplome {
                    return Vector::new();
                }
                normalise(
                    tf.iter()
                        .map(|&(t, c)| (t, tf_weight(c) * idf[t as usize]))
                        .collect(),
                )
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); idf.len()];
        for (s, vector) in vectors.iter().enumerate() {
            for &(t, w) in vector {
                postings[t as usize].push((u32::try_from(s).unwrap_or(u32::MAX), w));
            }
        }
        CompetenceIndex {
            normaliser,
            terms,
            idf,
            unseen_idf,
            vectors,
            postings,
        }
    }

    /// The query vector of a text: only the terms skills use are kept in
    /// the vector, but unseen ones count in its norm, so that a bloc about
    /// something no ROME skill mentions does not score high on a single
    /// shared word.
    fn query(&self, text: &str) -> Vector {
        let mut tf: BTreeMap<u32, u32> = BTreeMap::new();
        let mut unseen: HashMap<String, u32> = HashMap::new();
        for term in self.normaliser.terms(text) {
            match self.terms.get(&term) {
                Some(&id) => *tf.entry(id).or_default() += 1,
                None => *unseen.entry(term).or_default() += 1,
            }
        }
        let vector: Vector = tf
            .into_iter()
            .map(|(t, c)| (t, tf_weight(c) * self.idf[t as usize]))
            .collect();
        let unseen_norm: f32 = unseen
            .values()
            .map(|&c| (tf_weight(c) * self.unseen_idf).powi(2))
            .sum();
        let norm = (vector.iter().map(|&(_, w)| w * w).sum::<f32>() + unseen_norm).sqrt();
        if norm == 0.0 {
            return Vec::new();
        }
        vector.into_iter().map(|(t, w)| (t, w / norm)).collect()
    }

    /// Bytes held by the model, counted field by field.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let terms = self.terms.capacity() * (size_of::<(String, u32)>() + 1)
            + self.terms.keys().map(String::capacity).sum::<usize>();
        let vectors = self.vectors.capacity() * size_of::<Vector>()
            + self
                .vectors
                .iter()
                .map(|v| v.capacity() * size_of::<(u32, f32)>())
                .sum::<usize>();
        let postings = self.postings.capacity() * size_of::<Vector>()
            + self
                .postings
                .iter()
                .map(|v| v.capacity() * size_of::<(u32, f32)>())
                .sum::<usize>();
        terms + self.idf.capacity() * 4 + vectors + postings
    }
}

/// Sublinear term frequency: a word repeated in a label counts more, not
/// proportionally more.
fn tf_weight(count: u32) -> f32 {
    1.0 + (count as f32).ln()
}

fn normalise(vector: Vector) -> Vector {
    let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return vector;
    }
    vector.into_iter().map(|(t, w)| (t, w / norm)).collect()
}

/// Dot product of two term-sorted sparse vectors.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Computes the links of every bloc. A bloc scores against a skill by its
/// best segment (its title, or one of its listed skills): a bloc listing
/// eight skills should match each of them as well as a bloc listing one.
///
/// The index must be the one built from this referential: an index of
/// another one (built before a ROME import, say) is refused.
pub fn align(
    referentiel: &Referentiel,
    index: &CompetenceIndex,
    blocs: &[AlignBloc],
    params: AlignParams,
) -> Result<Vec<Link>, ParcoursError> {
    let n = referentiel.skills.len();
    if index.vectors.len() != n {
        return Err(ParcoursError::IndexPerime);
    }
    let mut scratch = Scratch {
        best: vec![0.0; n],
        touched: Vec::new(),
        sums: vec![0.0; n],
        summed: Vec::new(),
    };
    let mut candidates: Vec<u32> = Vec::new();
    let mut seen = vec![false; n];
    let mut candidates_of: Option<&CodeCertification> = None;
    let mut order: Vec<&AlignBloc> = blocs.iter().collect();
    order.sort_by(|a, b| a.certification.cmp(&b.certification));
    let mut links = Vec::new();
    for bloc in order {
        if candidates_of != Some(&bloc.certification) {
            candidates_of = Some(&bloc.certification);
            for &s in &candidates {
                seen[s as usize] = false;
            }
            candidates.clear();
            let romes = referentiel
                .certification(&bloc.certification)
                .map(|c| c.romes.as_slice())
                .unwrap_or_default();
            for &m in romes {
                for skill in &referentiel.metiers[m as usize].skills {
                    if !seen[skill.skill as usize] {
                        seen[skill.skill as usize] = true;
                        candidates.push(skill.skill);
                    }
                }
            }
        }
        let queries: Vec<Vector> = segments(bloc)
            .map(|text| index.query(text))
            .filter(|q| !q.is_empty())
            .collect();
        // Restricted search: a few hundred candidate skills, each compared
        // directly with the bloc.
        for query in &queries {
            for &s in &candidates {
                let score = dot(query, &index.vectors[s as usize]);
                if score > 0.0 {
                    if scratch.best[s as usize] == 0.0 {
                        scratch.touched.push(s);
                    }
                    scratch.best[s as usize] = scratch.best[s as usize].max(score);
                }
            }
        }
        let (mut scope, mut threshold, mut max_links) = (
            Scope::CertificationTrades,
            params.threshold,
            params.max_links,
        );
        if !scratch
            .touched
            .iter()
            .any(|&s| scratch.best[s as usize] >= params.threshold)
        {
            scope = Scope::AllCompetences;
            threshold = params.fallback_threshold;
            max_links = params.fallback_max_links;
            for query in &queries {
                accumulate(index, query, &mut scratch);
            }
        }
        let mut found: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .map(|&s| (s, scratch.best[s as usize]))
            .filter(|&(_, score)| score >= threshold)
            .collect();
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found.truncate(max_links);
        links.extend(found.into_iter().map(|(s, score)| Link {
            bloc: bloc.code.clone(),
            skill: referentiel.skills[s as usize].id,
            score: score.min(1.0),
            origin: Origin::Computed,
            scope,
        }));
        for &s in &scratch.touched {
            scratch.best[s as usize] = 0.0;
        }
        scratch.touched.clear();
    }
    links.sort_by(|a, b| a.bloc.cmp(&b.bloc).then(a.skill.cmp(&b.skill)));
    Ok(links)
}

/// The texts a bloc is compared by: its whole title, each clause of the
/// title, and each listed skill. Titles often chain several activities
/// (« Conduite d'une ligne de conditionnement …, des règles d'hygiène, de
/// sécurité … »); a clause matches its skill without the rest of the title
/// diluting the cosine. Parentheses are not cut: they hold qualifiers
/// (« (produits pharmaceutiques et cosmétiques) ») that, alone, would
/// match every skill naming those products.
fn segments(bloc: &AlignBloc) -> impl Iterator<Item = &str> {
    let clauses = bloc
        .libelle
        .split([',', ';', ':', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let split = bloc.libelle.contains([',', ';', ':', '\n']);
    std::iter::once(bloc.libelle.as_str())
        .chain(clauses.filter(move |_| split))
        .chain(bloc.competences.iter().map(String::as_str))
}

/// Scores one query against all skills through the inverted index, keeping
/// each skill's best score over the bloc's segments.
fn accumulate(index: &CompetenceIndex, query: &[(u32, f32)], scratch: &mut Scratch) {
    for &(t, qw) in query {
        for &(s, w) in &index.postings[t as usize] {
            if scratch.sums[s as usize] == 0.0 {
                scratch.summed.push(s);
            }
            scratch.sums[s as usize] += qw * w;
        }
    }
    for &s in &scratch.summed {
        let score = std::mem::take(&mut scratch.sums[s as usize]);
        if scratch.best[s as usize] == 0.0 {
            scratch.touched.push(s);
        }
        scratch.best[s as usize] = scratch.best[s as usize].max(score);
    }
    scratch.summed.clear();
}

/// Dense per-skill accumulators, reused from bloc to bloc: only the
/// entries a bloc touched are reset, so a bloc costs its postings, not the
/// 18 000 skills.
struct Scratch {
    best: Vec<f32>,
    touched: Vec<u32>,
    sums: Vec<f32>,
    summed: Vec<u32>,
}

/// The links to keep: computed links, minus those the team removed, plus
/// those it added; a link the team kept is marked curated. Sorted by bloc
/// then skill. Curations are applied in order, the last one on a pair wins
/// (the team changed its mind).
pub fn merge(computed: Vec<Link>, curations: &[Curation]) -> Vec<Link> {
    let mut decisions: HashMap<(&str, CompetenceId), Decision> = HashMap::new();
    for c in curations {
        decisions.insert((c.bloc.as_str(), c.skill), c.decision);
    }
    let mut merged: BTreeMap<(String, CompetenceId), Link> = BTreeMap::new();
    for link in computed {
        match decisions.get(&(link.bloc.as_str(), link.skill)) {
            Some(Decision::Remove) => {}
            Some(Decision::Keep) => {
                let key = (link.bloc.clone(), link.skill);
                merged.insert(
                    key,
                    Link {
                        origin: Origin::Curated,
                        ..link
                    },
                );
            }
            None => {
                merged.insert((link.bloc.clone(), link.skill), link);
            }
        }
    }
    for ((bloc, skill), decision) in decisions {
        if decision == Decision::Keep {
            merged
                .entry((bloc.to_owned(), skill))
                .or_insert_with(|| Link {
                    bloc: bloc.to_owned(),
                    skill,
                    score: 1.0,
                    origin: Origin::Curated,
                    scope: Scope::Curated,
                });
        }
    }
    merged.into_values().collect()
}

/// How much of the catalogue the alignment reaches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub blocs: usize,
    pub blocs_linked: usize,
    pub metiers: Vec<MetierCoverage>,
}

impl Coverage {
    /// Share of blocs with at least one link.
    pub fn blocs_share(&self) -> f64 {
        share(self.blocs_linked, self.blocs)
    }

    /// Share of the listed trades' core skills reachable by a bloc, all
    /// trades pooled.
    pub fn core_share(&self) -> f64 {
        let (reachable, total) = self
            .metiers
            .iter()
            .fold((0, 0), |(r, t), m| (r + m.core_reachable, t + m.core));
        share(reachable, total)
    }
}

/// A trade's core skills and how many of them some bloc teaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetierCoverage {
    pub code: CodeRome,
    pub core: usize,
    pub core_reachable: usize,
}

impl MetierCoverage {
    pub fn share(&self) -> f64 {
        share(self.core_reachable, self.core)
    }
}

fn share(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

/// The coverage of `links` over the referential's blocs, and over the core
/// skills of `metiers` (the campus's sector trades, say). Unknown trades
/// are left out.
pub fn coverage(referentiel: &Referentiel, links: &[Link], metiers: &[CodeRome]) -> Coverage {
    let mut linked = vec![false; referentiel.blocs.len()];
    let mut reachable = vec![false; referentiel.skills.len()];
    for link in links {
        if let Some(&b) = referentiel.bloc_index.get(&link.bloc) {
            linked[b as usize] = true;
        }
        if let Some(&s) = referentiel.competence_index.get(&link.skill) {
            reachable[s as usize] = true;
        }
    }
    let metiers = metiers
        .iter()
        .filter_map(|code| referentiel.metier(code))
        .map(|m| {
            let core: Vec<u32> = m
                .skills
                .iter()
                .filter(|s| s.coeur == Some(Coeur::Principale) || !m.has_core())
                .map(|s| s.skill)
                .collect();
            MetierCoverage {
                code: m.code.clone(),
                core: core.len(),
                core_reachable: core.iter().filter(|&&s| reachable[s as usize]).count(),
            }
        })
        .collect();
    Coverage {
        blocs: referentiel.blocs.len(),
        blocs_linked: linked.iter().filter(|&&l| l).count(),
        metiers,
    }
}

#[cfg(test)]
mod tests {

    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::referentiel::tests::{cert, rome};
    use crate::referentiel::{Certification, ReferentielBuilder};
    use campus_domain::rome::{Competence, CompetenceKind, FicheCompetence};
    use proptest::prelude::*;

    fn skill(code: i64, libelle: &str) -> Competence {
        Competence {
            code_ogr: code,
            kind: CompetenceKind::SavoirFaire,
            libelle: libelle.into(),
            categorie: None,
            sous_categorie: None,
        }
    }

    fn referentiel() -> Referentiel {
        let mut b = ReferentielBuilder::new();
        b.skill(&skill(
            1,
            "Réaliser la maintenance préventive d'un équipement industriel",
        ))
        .skill(&skill(2, "Conduire une ligne de conditionnement"))
        .skill(&skill(3, "Réaliser la maintenance d'un aéronef"))
        .skill(&skill(4, "Contrôler la qualité des produits cosmétiques"))
        .skill(&skill(5, "Accueillir un client"))
        .metier(rome("I1304"), "Technicien de maintenance industrielle")
        .metier(rome("I1603"), "Mécanicien aéronautique")
        .fiche_competence(&FicheCompetence {
            code_rome: rome("I1304"),
            code_ogr: 1,
            coeur: Some(Coeur::Principale),
        })
        .fiche_competence(&FicheCompetence {
            code_rome: rome("I1603"),
            code_ogr: 3,
            coeur: Some(Coeur::Principale),
        })
        .certification(Certification {
            code: cert("RNCP10"),
            libelle: "Technicien de maintenance".into(),
            niveau: None,
            romes: vec![rome("I1304")],
            vae: false,
        })
        .certification(Certification {
            code: cert("RNCP20"),
            libelle: "Sans ROME".into(),
            niveau: None,
            romes: vec![],
            vae: false,
        });
        for (code, c) in [("RNCP10BC01", "RNCP10"), ("RNCP20BC01", "RNCP20")] {
            b.bloc(&campus_domain::certification::Bloc {
                code: code.into(),
                certification: cert(c),
                libelle: String::new(),
            });
        }
        b.build().0
    }

    fn bloc(code: &str, certification: &str, libelle: &str) -> AlignBloc {
        AlignBloc {
            code: code.into(),
            certification: cert(certification),
            libelle: libelle.into(),
            competences: vec![],
        }
    }

    #[test]
    fn restricted_to_the_certification_trades_first() {
        let r = referentiel();
        let index = CompetenceIndex::new(&r);
        let links = align(
            &r,
            &index,
            &[bloc(
                "RNCP10BC01",
                "RNCP10",
                "Assurer la maintenance préventive des équipements",
            )],
            AlignParams::default(),
        )
        .unwrap();
        assert_eq!(links.len(), 1, "{links:?}");
        assert_eq!(links[0].skill, CompetenceId(1));
        assert_eq!(links[0].scope, Scope::CertificationTrades);
    }

    #[test]
    fn falls_back_to_all_competences() {
        let r = referentiel();
        let index = CompetenceIndex::new(&r);
        let mut b = bloc("RNCP20BC01", "RNCP20", "Contrôle qualité");
        b.competences = vec!["Contrôler la qualité de produits cosmétiques".into()];
        let links = align(&r, &index, &[b], AlignParams::default()).unwrap();
        assert_eq!(links.len(), 1, "{links:?}");
        assert_eq!(links[0].skill, CompetenceId(4));
        assert_eq!(links[0].scope, Scope::AllCompetences);
        assert!(links[0].score > 0.9);
    }

    #[test]
    fn knowledge_naming_a_diploma_is_recognised() {
        for label in [
            "Master mention biologie",
            "Licence mention chimie",
            "Diplôme d'État d'infirmier",
            "BTS Métiers de la chimie",
            "Titre professionnel agent de fabrication",
            "CAP Conducteur d'installations de production",
        ] {
            assert!(names_a_diploma(label), "{label}");
        }
        for label in [
            "Bactériologie",
            "Titres de transports",
            "Techniques de maintenance",
            "Habilitation électrique",
            "",
        ] {
            assert!(!names_a_diploma(label), "{label}");
        }
    }

    /// A bloc about mathematics matches « Master mention mathématiques »
    /// word for word, yet no bloc teaches a master: nothing aligns with a
    /// knowledge naming a diploma.
    #[test]
    fn nothing_aligns_with_a_diploma() {
        let mut b = ReferentielBuilder::new();
        b.skill(&skill(1, "Master mention mathématiques"))
            .skill(&skill(2, "Calcul de dosages"))
            .certification(Certification {
                code: cert("RNCP30"),
                libelle: "Bac pro".into(),
                niveau: None,
                romes: vec![],
                vae: false,
            });
        b.bloc(&campus_domain::certification::Bloc {
            code: "RNCP30BC01".into(),
            certification: cert("RNCP30"),
            libelle: String::new(),
        });
        let r = b.build().0;
        let index = CompetenceIndex::new(&r);
        let links = align(
            &r,
            &index,
            &[bloc("RNCP30BC01", "RNCP30", "Mathématiques")],
            AlignParams::default(),
        )
        .unwrap();
        assert!(
            links.iter().all(|l| l.skill != CompetenceId(1)),
            "{links:?}"
        );
    }

    #[test]
    fn unrelated_text_links_nothing() {
        let r = referentiel();
        let index = CompetenceIndex::new(&r);
        let links = align(
            &r,
            &index,
            &[bloc("RNCP20BC01", "RNCP20", "Piloter un drone agricole")],
            AlignParams::default(),
        )
        .unwrap();
        assert!(links.is_empty(), "{links:?}");
    }

    #[test]
    fn an_index_of_another_referential_is_refused() {
        let r = referentiel();
        let other = CompetenceIndex::new(&Referentiel::default());
        assert_eq!(
            align(&r, &other, &[], AlignParams::default()),
            Err(ParcoursError::IndexPerime)
        );
    }

    #[test]
    fn curations_win() {
        let computed = vec![
            Link {
                bloc: "B1".into(),
                skill: CompetenceId(1),
                score: 0.5,
                origin: Origin::Computed,
                scope: Scope::CertificationTrades,
            },
            Link {
                bloc: "B1".into(),
                skill: CompetenceId(2),
                score: 0.4,
                origin: Origin::Computed,
                scope: Scope::CertificationTrades,
            },
        ];
        let curations = vec![
            Curation {
                bloc: "B1".into(),
                skill: CompetenceId(2),
                decision: Decision::Remove,
            },
            Curation {
                bloc: "B1".into(),
                skill: CompetenceId(1),
                decision: Decision::Keep,
            },
            Curation {
                bloc: "B1".into(),
                skill: CompetenceId(3),
                decision: Decision::Keep,
            },
        ];
        let merged = merge(computed, &curations);
        let pairs: Vec<_> = merged
            .iter()
            .map(|l| (l.skill, l.origin, l.score))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (CompetenceId(1), Origin::Curated, 0.5),
                (CompetenceId(3), Origin::Curated, 1.0)
            ]
        );
    }

    #[test]
    fn coverage_counts_blocs_and_core_competences() {
        let r = referentiel();
        let links = vec![Link {
            bloc: "RNCP10BC01".into(),
            skill: CompetenceId(1),
            score: 0.8,
            origin: Origin::Computed,
            scope: Scope::CertificationTrades,
        }];
        let c = coverage(&r, &links, &[rome("I1304"), rome("I1603"), rome("A1101")]);
        assert_eq!((c.blocs, c.blocs_linked), (2, 1));
        assert!((c.blocs_share() - 0.5).abs() < 1e-9);
        assert_eq!(c.metiers.len(), 2);
        assert_eq!((c.metiers[0].core, c.metiers[0].core_reachable), (1, 1));
        assert_eq!((c.metiers[1].core, c.metiers[1].core_reachable), (1, 0));
        assert!((c.core_share() - 0.5).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn the_last_curation_of_a_pair_always_wins(
            computed in proptest::collection::vec((0u8..3, 0i64..4, 0.35f32..1.0), 0..10),
            curations in proptest::collection::vec((0u8..3, 0i64..4, any::<bool>()), 0..10),
        ) {
            let computed: Vec<Link> = computed
                .into_iter()
                .map(|(b, s, score)| Link {
                    bloc: format!("B{b}"),
                    skill: CompetenceId(s),
                    score,
                    origin: Origin::Computed,
                    scope: Scope::CertificationTrades,
                })
                .collect();
            let curations: Vec<Curation> = curations
                .into_iter()
                .map(|(b, s, keep)| Curation {
                    bloc: format!("B{b}"),
                    skill: CompetenceId(s),
                    decision: if keep { Decision::Keep } else { Decision::Remove },
                })
                .collect();
            let merged = merge(computed.clone(), &curations);
            for c in &curations {
                let last = curations.iter().rev().find(|x| x.bloc == c.bloc && x.skill == c.skill);
                let present = merged.iter().find(|l| l.bloc == c.bloc && l.skill == c.skill);
                match last.map(|x| x.decision) {
                    Some(Decision::Keep) => prop_assert_eq!(present.map(|l| l.origin), Some(Origin::Curated)),
                    _ => prop_assert!(present.is_none()),
                }
            }
            for l in &computed {
                if !curations.iter().any(|c| c.bloc == l.bloc && c.skill == l.skill) {
                    prop_assert!(merged.iter().any(|m| m.bloc == l.bloc && m.skill == l.skill && m.origin == Origin::Computed));
                }
            }
            prop_assert!(merged.windows(2).all(|w| (&w[0].bloc, w[0].skill) < (&w[1].bloc, w[1].skill)));
        }

        #[test]
        fn scores_are_bounded_and_sorted(titles in proptest::collection::vec("\\PC{0,60}", 0..6)) {
            let r = referentiel();
            let index = CompetenceIndex::new(&r);
            let blocs: Vec<AlignBloc> = titles
                .iter()
                .enumerate()
                .map(|(i, t)| bloc(&format!("RNCP10BC{i:02}"), if i % 2 == 0 { "RNCP10" } else { "RNCP20" }, t))
                .collect();
            let links = align(&r, &index, &blocs, AlignParams::default()).unwrap();
            for link in &links {
                prop_assert!(link.score >= 0.35 && link.score <= 1.0);
            }
            prop_assert!(links.windows(2).all(|w| (&w[0].bloc, w[0].skill) < (&w[1].bloc, w[1].skill)));
        }
    }
}
