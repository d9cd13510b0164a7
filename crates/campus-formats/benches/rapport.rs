//! Producing the annual report's files: a report of the size the campus
//! sends (4 axes, 8 levers, 24 indicators with their series, each with a
//! breakdown of six lines, charts and commentary), grown from the example
//! report of `campus_domain::evaluation::rapport::exemple`.
//!
//! `cargo bench -p campus-formats --bench rapport` prints the mean time of
//! the PDF (with its charts) and of the XLSX workbook over 20 runs each,
//! as ratios to a baseline measured in the same run: writing the same
//! report as the JSON snapshot that freezing stores.

#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use campus_domain::evaluation::rapport::{
    LigneRapport, Rapport, SectionAxe, SectionLevier, VentilationRapport, exemple,
};
use campus_formats::evaluation::{classeur, rapport_pdf};

const RUNS: usize = 20;
const AXES: usize = 4;
const LEVIERS_PAR_AXE: usize = 2;
const INDICATEURS_PAR_LEVIER: usize = 3;
const DEPARTEMENTS: [&str; 6] = [
    "Cher (18)",
    "Eure-et-Loir (28)",
    "Indre (36)",
    "Indre-et-Loire (37)",
    "Loir-et-Cher (41)",
    "Loiret (45)",
];

/// The example report grown to the campus's size: every lever holds
/// three indicators copied from the example's (codes renumbered), each
/// broken down by departement.
fn rapport() -> Rapport {
    let base = exemple();
    let modeles: Vec<_> = base
        .axes
        .iter()
        .flat_map(|a| &a.leviers)
        .flat_map(|l| &l.indicateurs)
        .cloned()
        .collect();
    let commentaire = base
        .axes
        .first()
        .and_then(|a| a.leviers.first())
        .map(|l| l.commentaire.clone())
        .unwrap_or_default();
    let ventilation = VentilationRapport {
        par: "Département".to_owned(),
        lignes: DEPARTEMENTS
            .iter()
            .zip(1u32..)
            .map(|(d, k)| LigneRapport {
                libelle: (*d).to_owned(),
                valeur: Some(f64::from(40 * k)),
                affichage: (40 * k).to_string(),
            })
            .collect(),
    };
    let mut n = 0;
    let axes = (1..=AXES)
        .map(|a| SectionAxe {
            code: a.to_string(),
            libelle: format!("Axe {a}"),
            leviers: (1..=LEVIERS_PAR_AXE)
                .map(|l| {
                    let levier = (a - 1) * LEVIERS_PAR_AXE + l;
                    SectionLevier {
                        code: format!("L{levier}"),
                        libelle: format!("Levier {levier}"),
                        commentaire: commentaire.clone(),
                        indicateurs: (0..INDICATEURS_PAR_LEVIER)
                            .map(|_| {
                                let mut f = modeles[n % modeles.len()].clone();
                                n += 1;
                                f.code = format!("L{levier}-{n:02}");
                                f.ventilation = Some(ventilation.clone());
                                f
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    Rapport { axes, ..base }
}

/// Mean milliseconds of `RUNS` runs of `f`, after one warm-up.
fn mesurer(mut f: impl FnMut() -> usize) -> f64 {
    black_box(f());
    let t = Instant::now();
    for _ in 0..RUNS {
        black_box(f());
    }
    t.elapsed().as_secs_f64() * 1000.0 / RUNS as f64
}

fn main() {
    let r = rapport();
    let indicateurs: usize = r
        .axes
        .iter()
        .flat_map(|a| &a.leviers)
        .map(|l| l.indicateurs.len())
        .sum();
    let reference = mesurer(|| serde_json::to_vec(&r).expect("JSON").len());
    let pdf = mesurer(|| rapport_pdf::rapport_pdf(&r).expect("PDF").len());
    let xlsx = mesurer(|| classeur::classeur(&r).expect("XLSX").len());
    let octets = rapport_pdf::rapport_pdf(&r).expect("PDF").len();
    println!("rapport de {indicateurs} indicateurs ({RUNS} passages chacun)");
    println!("référence (instantané JSON) : {reference:.2} ms");
    println!(
        "PDF ({} ko, graphiques compris) : {pdf:.1} ms ({:.0} × la référence)",
        octets / 1024,
        pdf / reference
    );
    println!(
        "classeur XLSX : {xlsx:.1} ms ({:.0} × la référence)",
        xlsx / reference
    );
}
