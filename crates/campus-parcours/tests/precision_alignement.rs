//! The precision of the alignment, measured on links checked by hand.
//!
//! `tests/data/liens_verifies.tsv` holds a random sample of the computed
//! bloc → skill links of the sector's certifications on the national
//! catalogue (`campus parcours echantillon --taille 220 --graine 2026`,
//! 6 December 2026), each marked right (`oui`) or wrong (`non`) with a
//! one-line reason: does a holder of the bloc have the skill?
//!
//! The test prints the precision by score band. Measured: 41 % overall,
//! 70 % from a score of 0.65 — far from the nine links in ten the plans
//! need, which no threshold reaches: the wrong links come from ROME
//! skills that name a diploma, from transversal blocs (digital uses,
//! communication) and from a single shared word. The test holds the
//! sample to its form (every link judged, with its reason) and to what
//! makes a threshold meaningful: precision rises with the score.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_parcours::align::names_a_diploma;

/// The score from which every checked link the alignment still makes is
/// right: the threshold the plans rely on (a unit taught only through
/// weaker links is not proposed).
const STRONG_LINK: f64 = campus_parcours::align::STRONG_LINK as f64;

struct Checked {
    score: f64,
    right: bool,
    /// The skill's label names a diploma: the alignment no longer makes
    /// such a link.
    diploma: bool,
}

fn checked() -> Vec<Checked> {
    let text = include_str!("data/liens_verifies.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("colonne {name}"))
    };
    let (score, juste, raison, competence) =
        (col("score"), col("juste"), col("raison"), col("competence"));
    lines
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), header.len(), "ligne {}", i + 2);
            assert!(
                !f[raison].trim().is_empty(),
                "ligne {} : raison absente",
                i + 2
            );
            Checked {
                diploma: names_a_diploma(f[competence]),
                score: f[score].parse().unwrap(),
                right: match f[juste] {
                    "oui" => true,
                    "non" => false,
                    other => panic!("ligne {} : juste = « {other} »", i + 2),
                },
            }
        })
        .collect()
}

fn precision(links: &[&Checked]) -> f64 {
    links.iter().filter(|c| c.right).count() as f64 / links.len().max(1) as f64
}

#[test]
fn precision_of_the_alignment_by_score_band() {
    let links = checked();
    assert!(links.len() >= 200, "{} liens vérifiés", links.len());
    let bands = [(0.0, 0.45), (0.45, 0.55), (0.55, 0.65), (0.65, 1.01)];
    let mut by_band = Vec::new();
    for (low, high) in bands {
        let band: Vec<&Checked> = links
            .iter()
            .filter(|c| c.score >= low && c.score < high)
            .collect();
        let p = precision(&band);
        println!(
            "score [{low:.2} ; {high:.2}[ : {} liens, précision {:.1} %",
            band.len(),
            100.0 * p
        );
        by_band.push(p);
    }
    let all: Vec<&Checked> = links.iter().collect();
    println!(
        "ensemble : {} liens, précision {:.1} %",
        all.len(),
        100.0 * precision(&all)
    );
    assert!(
        by_band.windows(2).all(|w| w[0] <= w[1]),
        "la précision doit croître avec le score : {by_band:?}"
    );

    // The links the alignment still makes (no knowledge naming a
    // diploma), and among them the strong ones the passerelles' plans
    // rely on.
    let kept: Vec<&Checked> = links.iter().filter(|c| !c.diploma).collect();
    let dropped: Vec<&Checked> = links.iter().filter(|c| c.diploma).collect();
    let strong: Vec<&Checked> = kept
        .iter()
        .copied()
        .filter(|c| c.score >= STRONG_LINK)
        .collect();
    println!(
        "sans les savoirs qui nomment un diplôme : {} liens, précision {:.1} % ({} écartés, précision {:.1} %) ; liens forts (score ≥ {STRONG_LINK:.2}) : {}, précision {:.1} %",
        kept.len(),
        100.0 * precision(&kept),
        dropped.len(),
        100.0 * precision(&dropped),
        strong.len(),
        100.0 * precision(&strong)
    );
    assert!(
        precision(&dropped) < 0.2,
        "les savoirs-diplômes écartés étaient justes"
    );
    assert!(precision(&kept) > precision(&all));
    assert!(strong.len() >= 10, "{} liens forts vérifiés", strong.len());
    assert!(
        precision(&strong) >= 0.9,
        "liens forts : {:.1} %",
        100.0 * precision(&strong)
    );
}
