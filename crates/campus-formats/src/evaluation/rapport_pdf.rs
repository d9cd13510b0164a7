//! The annual report as PDF: cover, summary with every indicator against
//! its target, one section per axis and lever (the campus team's
//! commentary, each indicator's figure, summary sentence, trend chart and
//! breakdown), methodology with the definitions in force, and sources
//! with their SHA-256.
//!
//! A small typesetting layer ([`Mise`]) places text by Helvetica's glyph
//! widths on A4 pages: wrapped paragraphs, headings kept with what
//! follows, tables whose header comes back on each page, charts drawn as
//! vector paths on the same scales as the SVG charts
//! ([`super::graphique::Echelle`]), page numbers. The bytes depend on the
//! report only: its dates are the report's, and the file identifier is a
//! hash of the report.

use campus_domain::evaluation::rapport::{
    FicheIndicateur, Rapport, VentilationRapport, format_nombre, format_valeur,
};
use chrono::{Datelike, NaiveDate};
use lopdf::content::Operation;
use lopdf::{Object, StringFormat};
use sha2::{Digest, Sha256};

use super::graphique::{Echelle, annees, troncons};
use crate::pdf::document::{HAUTEUR, LARGEUR};
use crate::pdf::{Metadonnees, Police, assembler, couper, winansi};

/// Why the report could not be written.
#[derive(Debug, thiserror::Error)]
#[error("rapport PDF : {0}")]
pub struct RapportPdfError(#[from] lopdf::Error);

const MARGE: f32 = 56.0;
/// Bottom of the text area, above the page number.
const BAS: f32 = 64.0;
const HAUT: f32 = HAUTEUR - MARGE;
const UTILE: f32 = LARGEUR - 2.0 * MARGE;
const CORPS: f32 = 10.0;
const INTERLIGNE: f32 = 14.0;
const PETIT: f32 = 8.0;
/// Colours, as RGB fractions.
const NOIR: [f32; 3] = [0.0, 0.0, 0.0];
const GRIS: [f32; 3] = [0.45, 0.45, 0.45];
const GRIS_CLAIR: [f32; 3] = [0.85, 0.85, 0.85];
const FOND: [f32; 3] = [0.93, 0.93, 0.96];
const BLEU: [f32; 3] = [0.0, 0.0, 145.0 / 255.0];
const ROUGE: [f32; 3] = [206.0 / 255.0, 5.0 / 255.0, 0.0];

/// The PDF of `rapport`.
pub fn rapport_pdf(rapport: &Rapport) -> Result<Vec<u8>, RapportPdfError> {
    let mut mise = Mise::new();
    couverture(&mut mise, rapport);
    mise.nouvelle_page();
    synthese(&mut mise, rapport);
    for axe in &rapport.axes {
        mise.nouvelle_page();
        mise.titre(1, &format!("Axe {} — {}", axe.code, axe.libelle));
        for levier in &axe.leviers {
            mise.titre(2, &format!("{} — {}", levier.code, levier.libelle));
            if !levier.commentaire.trim().is_empty() {
                mise.paragraphe_style(
                    Police::Grasse,
                    PETIT,
                    "Commentaire de l'équipe du campus",
                    GRIS,
                );
                mise.paragraphe(&levier.commentaire);
            }
            for fiche in &levier.indicateurs {
                indicateur(&mut mise, rapport.annee, fiche);
            }
        }
    }
    mise.nouvelle_page();
    methodologie(&mut mise, rapport);
    sources(&mut mise, rapport);
    mise.numeroter(&rapport.titre);
    let empreinte = Sha256::digest(serde_json::to_vec(rapport).unwrap_or_default());
    let meta = Metadonnees {
        titre: rapport.titre.clone(),
        date: rapport.produit_le.clone(),
        identifiant: empreinte[..16].to_vec(),
    };
    Ok(assembler(&mise.pages, &meta)?)
}

fn couverture(mise: &mut Mise, rapport: &Rapport) {
    mise.y = HAUTEUR * 0.62;
    mise.paragraphe_style(Police::Grasse, 26.0, &rapport.titre, NOIR);
    mise.espace(18.0);
    mise.paragraphe_style(Police::Normale, 16.0, &rapport.campus, NOIR);
    mise.espace(10.0);
    mise.paragraphe_style(
        Police::Normale,
        14.0,
        &format!("Année {}", rapport.annee),
        GRIS,
    );
    mise.espace(40.0);
    mise.paragraphe_style(
        Police::Normale,
        CORPS,
        &format!("Produit le {}", date_longue(&rapport.produit_le)),
        GRIS,
    );
}

fn synthese(mise: &mut Mise, rapport: &Rapport) {
    mise.titre(1, "Synthèse");
    mise.paragraphe(&rapport.synthese);
    mise.espace(8.0);
    mise.titre(3, &format!("Les indicateurs en {}", rapport.annee));
    let lignes: Vec<Vec<String>> = rapport
        .axes
        .iter()
        .flat_map(|a| a.leviers.iter())
        .flat_map(|l| l.indicateurs.iter())
        .map(|f| {
            vec![
                f.code.clone(),
                f.nom.clone(),
                valeur_ou_nd(f.valeur, &f.unite),
                f.cible
                    .map(|c| format_valeur(c, &f.unite))
                    .unwrap_or_default(),
                atteinte(f).to_owned(),
            ]
        })
        .collect();
    mise.tableau(
        &[
            Colonne::gauche("Code", 0.17),
            Colonne::gauche("Indicateur", 0.43),
            Colonne::droite("Valeur", 0.15),
            Colonne::droite("Cible", 0.15),
            Colonne::gauche("Atteinte", 0.10),
        ],
        &lignes,
    );
}

fn indicateur(mise: &mut Mise, annee: i32, f: &FicheIndicateur) {
    mise.titre(3, &format!("{} — {}", f.code, f.nom));
    let mut faits = format!("Valeur {annee} : {}", valeur_ou_nd(f.valeur, &f.unite));
    if let Some(c) = f.cible {
        faits.push_str(&format!(" · cible : {}", format_valeur(c, &f.unite)));
    }
    let atteinte = atteinte(f);
    if !atteinte.is_empty() {
        faits.push_str(&format!(" · atteinte : {atteinte}"));
    }
    mise.paragraphe_style(Police::Grasse, CORPS, &faits, NOIR);
    mise.paragraphe(&f.resume());
    mise.courbe(f);
    if let Some(v) = &f.ventilation {
        mise.ventilation(v, &f.unite);
    }
}

fn methodologie(mise: &mut Mise, rapport: &Rapport) {
    mise.titre(1, "Méthodologie");
    mise.paragraphe(&rapport.methodologie);
    mise.espace(8.0);
    mise.titre(3, "Définitions des indicateurs en vigueur");
    let lignes: Vec<Vec<String>> = rapport
        .axes
        .iter()
        .flat_map(|a| a.leviers.iter())
        .flat_map(|l| l.indicateurs.iter())
        .map(|f| {
            let sens = if f.hausse() { "hausse" } else { "baisse" };
            vec![
                f.code.clone(),
                format!("{} ({}, {sens} souhaitée)", f.definition, f.unite),
                f.formule.clone(),
                f.version.to_string(),
            ]
        })
        .collect();
    mise.tableau(
        &[
            Colonne::gauche("Code", 0.17),
            Colonne::gauche("Définition", 0.43),
            Colonne::gauche("Formule", 0.32),
            Colonne::droite("Version", 0.08),
        ],
        &lignes,
    );
}

fn sources(mise: &mut Mise, rapport: &Rapport) {
    mise.espace(8.0);
    mise.titre(1, "Sources");
    if rapport.sources.is_empty() {
        mise.paragraphe("Aucun fichier importé : les chiffres viennent des seuls enregistrements de la plateforme.");
        return;
    }
    let lignes: Vec<Vec<String>> = rapport
        .sources
        .iter()
        .map(|s| {
            vec![
                format!("{} ({})", s.nom, s.fichier),
                s.importe_le.clone(),
                s.lignes
                    .map(|n| format_nombre(n as f64))
                    .unwrap_or_default(),
                s.sha256.clone(),
            ]
        })
        .collect();
    mise.tableau(
        &[
            Colonne::gauche("Source", 0.30),
            Colonne::gauche("Importé le", 0.14),
            Colonne::droite("Lignes", 0.12),
            Colonne::gauche("SHA-256", 0.44),
        ],
        &lignes,
    );
}

fn valeur_ou_nd(valeur: Option<f64>, unite: &str) -> String {
    valeur
        .map(|v| format_valeur(v, unite))
        .unwrap_or_else(|| "nd".to_owned())
}

fn atteinte(f: &FicheIndicateur) -> &'static str {
    match f.atteinte() {
        Some(true) => "oui",
        Some(false) => "non",
        None => "",
    }
}

/// `2026-12-07` as « 7 décembre 2026 »; anything else as given.
fn date_longue(date: &str) -> String {
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!(
            "{} {} {}",
            d.day(),
            MOIS[d.month0() as usize % 12],
            d.year()
        ),
        Err(_) => date.to_owned(),
    }
}

/// A table column: heading, share of the text width, alignment.
struct Colonne {
    titre: &'static str,
    part: f32,
    droite: bool,
}

impl Colonne {
    fn gauche(titre: &'static str, part: f32) -> Colonne {
        Colonne {
            titre,
            part,
            droite: false,
        }
    }
    fn droite(titre: &'static str, part: f32) -> Colonne {
        Colonne {
            titre,
            part,
            droite: true,
        }
    }
}

/// Pages being filled, top to bottom.
struct Mise {
    pages: Vec<Vec<Operation>>,
    /// Top of the free space on the last page.
    y: f32,
}

impl Mise {
    fn new() -> Mise {
        Mise {
            pages: vec![Vec::new()],
            y: HAUT,
        }
    }

    fn ops(&mut self) -> &mut Vec<Operation> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let dernier = self.pages.len() - 1;
        &mut self.pages[dernier]
    }

    fn nouvelle_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = HAUT;
    }

    /// Room for `hauteur` points, on a new page if need be.
    fn place(&mut self, hauteur: f32) {
        if self.y - hauteur < BAS && self.y < HAUT {
            self.nouvelle_page();
        }
    }

    fn espace(&mut self, hauteur: f32) {
        self.y -= hauteur;
    }

    /// `texte` with its baseline at (`x`, `y`).
    fn texte(
        &mut self,
        x: f32,
        y: f32,
        police: Police,
        taille: f32,
        couleur: [f32; 3],
        texte: &str,
    ) {
        let [r, g, b] = couleur;
        self.ops().extend([
            Operation::new("BT", vec![]),
            Operation::new("rg", vec![r.into(), g.into(), b.into()]),
            Operation::new("Tf", vec![police.ressource().into(), taille.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(winansi(texte), StringFormat::Literal)],
            ),
            Operation::new("ET", vec![]),
        ]);
    }

    fn paragraphe(&mut self, texte: &str) {
        self.paragraphe_style(Police::Normale, CORPS, texte, NOIR);
        self.espace(4.0);
    }

    /// `texte` wrapped to the text width, a line break of its own
    /// starting a new line.
    fn paragraphe_style(&mut self, police: Police, taille: f32, texte: &str, couleur: [f32; 3]) {
        let interligne = taille * 1.4;
        for morceau in texte.split('\n') {
            for ligne in couper(morceau, police, taille, UTILE) {
                self.place(interligne);
                self.y -= interligne;
                self.texte(
                    MARGE,
                    self.y + taille * 0.3,
                    police,
                    taille,
                    couleur,
                    &ligne,
                );
            }
        }
    }

    /// A heading of level 1 to 3, kept with the three lines after it.
    fn titre(&mut self, niveau: u8, texte: &str) {
        let (taille, avant) = match niveau {
            1 => (18.0, 6.0),
            2 => (14.0, 14.0),
            _ => (11.5, 10.0),
        };
        if self.y < HAUT {
            self.espace(avant);
        }
        let lignes = couper(texte, Police::Grasse, taille, UTILE).len().max(1) as f32;
        self.place(lignes * taille * 1.4 + 3.0 * INTERLIGNE);
        self.paragraphe_style(Police::Grasse, taille, texte, NOIR);
        self.espace(4.0);
    }

    fn rectangle(&mut self, x: f32, y: f32, l: f32, h: f32, couleur: [f32; 3]) {
        let [r, g, b] = couleur;
        self.ops().extend([
            Operation::new("rg", vec![r.into(), g.into(), b.into()]),
            Operation::new("re", vec![x.into(), y.into(), l.into(), h.into()]),
            Operation::new("f", vec![]),
        ]);
    }

    /// A polyline through `points`, dashed if asked.
    fn trait_(&mut self, points: &[(f32, f32)], couleur: [f32; 3], epaisseur: f32, tirets: bool) {
        let Some((&(x0, y0), reste)) = points.split_first() else {
            return;
        };
        let [r, g, b] = couleur;
        let motif: Vec<Object> = if tirets {
            vec![6.into(), 4.into()]
        } else {
            vec![]
        };
        let ops = self.ops();
        ops.extend([
            Operation::new("q", vec![]),
            Operation::new("RG", vec![r.into(), g.into(), b.into()]),
            Operation::new("w", vec![epaisseur.into()]),
            Operation::new("d", vec![Object::Array(motif), 0.into()]),
            Operation::new("m", vec![x0.into(), y0.into()]),
        ]);
        ops.extend(
            reste
                .iter()
                .map(|&(x, y)| Operation::new("l", vec![x.into(), y.into()])),
        );
        ops.extend([Operation::new("S", vec![]), Operation::new("Q", vec![])]);
    }

    /// A table; each row as high as its tallest cell, the header repeated
    /// on every page the table runs onto, a row too tall for a page cut
    /// between lines.
    fn tableau(&mut self, colonnes: &[Colonne], lignes: &[Vec<String>]) {
        const TAILLE: f32 = 8.5;
        const LIGNE: f32 = TAILLE * 1.35;
        const PAD: f32 = 3.0;
        let total: f32 = colonnes
            .iter()
            .map(|c| c.part)
            .sum::<f32>()
            .max(f32::EPSILON);
        let largeurs: Vec<f32> = colonnes.iter().map(|c| c.part / total * UTILE).collect();
        let entete: Vec<Vec<String>> = colonnes
            .iter()
            .zip(&largeurs)
            .map(|(c, l)| couper(c.titre, Police::Grasse, TAILLE, l - 2.0 * PAD))
            .collect();
        let hauteur_entete =
            entete.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * LIGNE + 2.0 * PAD;
        let dessiner_entete = |mise: &mut Mise| {
            mise.rectangle(MARGE, mise.y - hauteur_entete, UTILE, hauteur_entete, FOND);
            mise.rangee(
                colonnes,
                &largeurs,
                &entete,
                0,
                usize::MAX,
                Police::Grasse,
                TAILLE,
            );
        };
        self.place(hauteur_entete + LIGNE + 2.0 * PAD);
        dessiner_entete(self);
        for ligne in lignes {
            let cellules: Vec<Vec<String>> = largeurs
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let texte = ligne.get(i).map(String::as_str).unwrap_or("");
                    couper(texte, Police::Normale, TAILLE, l - 2.0 * PAD)
                })
                .collect();
            let n = cellules.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let mut debut = 0;
            while debut < n {
                let dispo = ((self.y - BAS - 2.0 * PAD) / LIGNE).floor().max(0.0) as usize;
                let tient_sur_une_page =
                    (n - debut) as f32 * LIGNE + 2.0 * PAD <= HAUT - BAS - hauteur_entete;
                if dispo < n - debut && (tient_sur_une_page || dispo == 0) {
                    self.nouvelle_page();
                    dessiner_entete(self);
                    if tient_sur_une_page {
                        continue;
                    }
                }
                let dispo = ((self.y - BAS - 2.0 * PAD) / LIGNE).floor().max(1.0) as usize;
                let fin = (debut + dispo).min(n);
                self.rangee(
                    colonnes,
                    &largeurs,
                    &cellules,
                    debut,
                    fin,
                    Police::Normale,
                    TAILLE,
                );
                debut = fin;
            }
        }
        self.espace(8.0);
    }

    /// Lines `debut..fin` of each cell side by side, then a rule.
    #[allow(clippy::too_many_arguments)]
    fn rangee(
        &mut self,
        colonnes: &[Colonne],
        largeurs: &[f32],
        cellules: &[Vec<String>],
        debut: usize,
        fin: usize,
        police: Police,
        taille: f32,
    ) {
        const PAD: f32 = 3.0;
        let ligne = taille * 1.35;
        let mut x = MARGE;
        let mut hauteur: usize = 0;
        for ((colonne, largeur), lignes) in colonnes.iter().zip(largeurs).zip(cellules) {
            let partie = lignes
                .get(debut.min(lignes.len())..fin.min(lignes.len()))
                .unwrap_or(&[]);
            for (k, texte) in partie.iter().enumerate() {
                let y = self.y - PAD - (k as f32 + 1.0) * ligne + taille * 0.3;
                let tx = if colonne.droite {
                    x + largeur - PAD - police.largeur(texte, taille)
                } else {
                    x + PAD
                };
                self.texte(tx, y, police, taille, NOIR, texte);
            }
            hauteur = hauteur.max(partie.len());
            x += largeur;
        }
        self.y -= hauteur.max(1) as f32 * ligne + 2.0 * PAD;
        let y = self.y;
        self.trait_(&[(MARGE, y), (MARGE + UTILE, y)], GRIS_CLAIR, 0.5, false);
    }

    /// The trend of `f` with its target: the SVG chart's data and scale.
    fn courbe(&mut self, f: &FicheIndicateur) {
        const HAUTEUR_TRACE: f32 = 120.0;
        const GAUCHE: f32 = 48.0;
        self.place(HAUTEUR_TRACE + 50.0);
        let cible = f.cible.filter(|c| c.is_finite());
        let echelle = Echelle::de(f.serie.iter().filter_map(|p| p.valeur).chain(cible));
        let (premiere, derniere) = annees(&f.serie);
        let x0 = MARGE + GAUCHE;
        let largeur = UTILE - GAUCHE - 10.0;
        let y0 = self.y - HAUTEUR_TRACE - 14.0;
        let unite = if f.unite.trim().is_empty() {
            String::new()
        } else {
            format!("en {}", f.unite.trim())
        };
        self.texte(MARGE, self.y - PETIT, Police::Normale, PETIT, GRIS, &unite);
        let ax = |annee: i32| {
            let t = f64::from(annee - premiere) / f64::from((derniere - premiere).max(1));
            x0 + t as f32 * largeur
        };
        let ay = |v: f64| y0 + echelle.position(v) as f32 * HAUTEUR_TRACE;
        for g in echelle.graduations() {
            let y = ay(g);
            self.trait_(&[(x0, y), (x0 + largeur, y)], GRIS_CLAIR, 0.5, false);
            let etiquette = format_nombre(g);
            let l = Police::Normale.largeur(&etiquette, 7.0);
            self.texte(
                x0 - 4.0 - l,
                y - 2.5,
                Police::Normale,
                7.0,
                GRIS,
                &etiquette,
            );
        }
        let pas = ((derniere - premiere) / 10).max(1);
        let mut annee = premiere;
        while annee <= derniere {
            let etiquette = annee.to_string();
            let l = Police::Normale.largeur(&etiquette, 7.0);
            self.texte(
                ax(annee) - l / 2.0,
                y0 - 10.0,
                Police::Normale,
                7.0,
                GRIS,
                &etiquette,
            );
            annee = annee.saturating_add(pas);
            if annee == i32::MAX {
                break;
            }
        }
        if let Some(c) = cible {
            self.trait_(&[(x0, ay(c)), (x0 + largeur, ay(c))], ROUGE, 1.5, true);
        }
        let troncons = troncons(&f.serie);
        for troncon in &troncons {
            let points: Vec<(f32, f32)> = troncon.iter().map(|&(a, v)| (ax(a), ay(v))).collect();
            if points.len() > 1 {
                self.trait_(&points, BLEU, 1.5, false);
            }
            for (x, y) in points {
                self.rectangle(x - 2.5, y - 2.5, 5.0, 5.0, BLEU);
            }
        }
        if troncons.is_empty() {
            let message = "Aucune donnée";
            let l = Police::Normale.largeur(message, CORPS);
            self.texte(
                x0 + (largeur - l) / 2.0,
                y0 + HAUTEUR_TRACE / 2.0,
                Police::Normale,
                CORPS,
                GRIS,
                message,
            );
        }
        let y_legende = y0 - 24.0;
        self.trait_(
            &[(x0, y_legende + 2.5), (x0 + 18.0, y_legende + 2.5)],
            BLEU,
            1.5,
            false,
        );
        self.texte(x0 + 22.0, y_legende, Police::Normale, 7.0, NOIR, "valeur");
        if cible.is_some() {
            self.trait_(
                &[(x0 + 70.0, y_legende + 2.5), (x0 + 88.0, y_legende + 2.5)],
                ROUGE,
                1.5,
                true,
            );
            self.texte(x0 + 92.0, y_legende, Police::Normale, 7.0, NOIR, "cible");
        }
        self.y = y_legende - 10.0;
    }

    /// A breakdown as a table whose last column holds its bar: a masked
    /// line has no bar, its printed « < 5 » or « nd » only.
    fn ventilation(&mut self, v: &VentilationRapport, unite: &str) {
        const TAILLE: f32 = 8.5;
        const LIGNE: f32 = 15.0;
        let libelle_l = UTILE * 0.38;
        let valeur_l = UTILE * 0.16;
        let x_barre = MARGE + libelle_l + valeur_l + 6.0;
        let barre_l = UTILE - libelle_l - valeur_l - 12.0;
        let echelle = Echelle::de(v.lignes.iter().filter_map(|l| l.valeur));
        let zero = x_barre + echelle.position(0.0) as f32 * barre_l;
        let entete = |mise: &mut Mise| {
            mise.place(2.0 * LIGNE);
            mise.rectangle(MARGE, mise.y - LIGNE, UTILE, LIGNE, FOND);
            let y = mise.y - LIGNE + 4.5;
            mise.texte(
                MARGE + 3.0,
                y,
                Police::Grasse,
                TAILLE,
                NOIR,
                &abreger(&v.par, Police::Grasse, TAILLE, libelle_l - 6.0),
            );
            let publie = "Valeur";
            let l = Police::Grasse.largeur(publie, TAILLE);
            mise.texte(
                MARGE + libelle_l + valeur_l - 3.0 - l,
                y,
                Police::Grasse,
                TAILLE,
                NOIR,
                publie,
            );
            mise.y -= LIGNE;
        };
        self.place(3.0 * LIGNE);
        entete(self);
        for ligne in &v.lignes {
            if self.y - LIGNE < BAS {
                self.nouvelle_page();
                entete(self);
            }
            let y = self.y - LIGNE + 4.5;
            let libelle = abreger(&ligne.libelle, Police::Normale, TAILLE, libelle_l - 6.0);
            self.texte(MARGE + 3.0, y, Police::Normale, TAILLE, NOIR, &libelle);
            let affichage = if ligne.affichage.trim().is_empty() {
                valeur_ou_nd(ligne.valeur, unite)
            } else {
                ligne.affichage.clone()
            };
            let affichage = abreger(&affichage, Police::Normale, TAILLE, valeur_l - 6.0);
            let l = Police::Normale.largeur(&affichage, TAILLE);
            self.texte(
                MARGE + libelle_l + valeur_l - 3.0 - l,
                y,
                Police::Normale,
                TAILLE,
                NOIR,
                &affichage,
            );
            if let Some(valeur) = ligne.valeur.filter(|x| x.is_finite()) {
                let fin = x_barre + echelle.position(valeur) as f32 * barre_l;
                let (gauche, droite) = if fin < zero { (fin, zero) } else { (zero, fin) };
                self.rectangle(
                    gauche,
                    self.y - LIGNE + 3.0,
                    (droite - gauche).max(0.5),
                    LIGNE - 6.0,
                    BLEU,
                );
            }
            self.y -= LIGNE;
            let y = self.y;
            self.trait_(&[(MARGE, y), (MARGE + UTILE, y)], GRIS_CLAIR, 0.5, false);
        }
        if v.lignes.is_empty() {
            self.paragraphe_style(Police::Normale, TAILLE, "Aucune donnée.", GRIS);
        }
        self.espace(10.0);
    }

    /// « titre · page n / N » at the foot of every page but the cover.
    fn numeroter(&mut self, titre: &str) {
        let total = self.pages.len();
        let titre = abreger(titre, Police::Normale, PETIT, UTILE * 0.7);
        for i in 1..total {
            let pied = format!("{titre} · page {} / {total}", i + 1);
            let l = Police::Normale.largeur(&pied, PETIT);
            let [r, g, b] = GRIS;
            if let Some(ops) = self.pages.get_mut(i) {
                ops.extend([
                    Operation::new("BT", vec![]),
                    Operation::new("rg", vec![r.into(), g.into(), b.into()]),
                    Operation::new("Tf", vec![Police::Normale.ressource().into(), PETIT.into()]),
                    Operation::new("Td", vec![(LARGEUR - MARGE - l).into(), 36.0.into()]),
                    Operation::new(
                        "Tj",
                        vec![Object::String(winansi(&pied), StringFormat::Literal)],
                    ),
                    Operation::new("ET", vec![]),
                ]);
            }
        }
    }
}

/// `texte` on one line of `largeur` points, cut with « … » if longer.
fn abreger(texte: &str, police: Police, taille: f32, largeur: f32) -> String {
    let texte: String = texte.split_whitespace().collect::<Vec<_>>().join(" ");
    if police.largeur(&texte, taille) <= largeur {
        return texte;
    }
    let points = police.largeur("…", taille);
    let mut court = String::new();
    let mut occupe = 0.0;
    for c in texte.chars() {
        let mut buf = [0u8; 4];
        let l = police.largeur(c.encode_utf8(&mut buf), taille);
        if occupe + l + points > largeur {
            break;
        }
        occupe += l;
        court.push(c);
    }
    format!("{}…", court.trim_end())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use campus_domain::evaluation::rapport::{SourceRapport, exemple};
    use lopdf::Document;
    use proptest::prelude::*;

    fn texte(bytes: &[u8]) -> (usize, String) {
        let doc = Document::load_mem(bytes).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        (pages.len(), doc.extract_text(&pages).unwrap())
    }

    #[test]
    fn the_report_says_what_it_holds() {
        let bytes = rapport_pdf(&exemple()).unwrap();
        assert!(bytes.starts_with(b"%PDF-1.7"));
        let (pages, texte) = texte(&bytes);
        assert!(pages > 3, "{pages}");
        for attendu in [
            "Rapport annuel d'évaluation 2026",
            "Campus CosmetoPharma Centre-Val de Loire",
            "7 décembre 2026",
            "Synthèse",
            "Axe 1 — Attractivité et insertion",
            "L2 — Insertion professionnelle",
            "Les entreprises du réseau répondent plus vite",
            "Candidatures ayant reçu une réponse",
            "cible 80",
            "Indre (36)",
            "< 5",
            "Méthodologie",
            "Sources",
            "9f86d081884c7d659a2feaa0",
            &format!("page 2 / {pages}"),
        ] {
            assert!(texte.contains(attendu), "{attendu} absent de :\n{texte}");
        }
    }

    #[test]
    fn same_report_same_bytes() {
        let r = exemple();
        assert_eq!(rapport_pdf(&r).unwrap(), rapport_pdf(&r).unwrap());
        let mut autre = r.clone();
        autre.synthese.push('.');
        assert_ne!(rapport_pdf(&r).unwrap(), rapport_pdf(&autre).unwrap());
        let doc = Document::load_mem(&rapport_pdf(&r).unwrap()).unwrap();
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_dictionary(info).unwrap();
        assert_eq!(
            info.get(b"CreationDate").unwrap().as_str().unwrap(),
            b"D:20261207000000Z"
        );
    }

    #[test]
    fn empty_report_long_words_and_other_scripts() {
        let vide = Rapport {
            annee: 2026,
            titre: String::new(),
            campus: String::new(),
            produit_le: String::new(),
            synthese: String::new(),
            axes: vec![],
            methodologie: String::new(),
            sources: vec![],
        };
        let (pages, _) = texte(&rapport_pdf(&vide).unwrap());
        assert_eq!(pages, 3);
        let mut r = exemple();
        r.synthese = format!("{} Ελληνικά 中文 😀 fin", "x".repeat(5000));
        r.axes[0].leviers[0].commentaire = "Ligne 1\nLigne 2 — « œuvre »".into();
        r.sources = (0..80)
            .map(|i| SourceRapport {
                nom: format!("Source {i}"),
                fichier: "f.csv".into(),
                sha256: "ab".repeat(32),
                importe_le: "2026-01-01".into(),
                lignes: Some(i),
            })
            .collect();
        let (_, texte) = texte(&rapport_pdf(&r).unwrap());
        assert!(texte.contains("???????"), "replacement");
        assert!(texte.contains("œuvre"));
        assert!(texte.contains("Source 79"));
    }

    #[test]
    fn long_labels_are_shortened() {
        let court = abreger(&"mot ".repeat(40), Police::Normale, 8.0, 100.0);
        assert!(court.ends_with('…'));
        assert!(Police::Normale.largeur(&court, 8.0) <= 100.0);
        assert_eq!(date_longue("2026-08-01"), "1 août 2026");
        assert_eq!(date_longue("bientôt"), "bientôt");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        #[test]
        fn any_strings_and_values_give_a_readable_pdf(
            mots in proptest::collection::vec("\\PC{0,30}", 1..6),
            valeurs in proptest::collection::vec(proptest::option::of(proptest::num::f64::ANY), 0..6),
            annee in -3000i32..3000,
        ) {
            let mut r = exemple();
            let texte_libre = mots.join("\n");
            r.titre = texte_libre.clone();
            r.produit_le = mots[0].clone();
            r.axes[0].libelle = texte_libre.clone();
            let f = &mut r.axes[0].leviers[0].indicateurs[0];
            f.nom = texte_libre.clone();
            f.unite = mots[0].clone();
            f.serie = valeurs.iter().enumerate().map(|(i, v)| campus_domain::evaluation::rapport::PointSerie {
                annee: annee.saturating_add(i as i32 * 7),
                valeur: *v,
            }).collect();
            f.valeur = valeurs.last().copied().flatten();
            f.cible = valeurs.first().copied().flatten();
            if let Some(v) = f.ventilation.as_mut() {
                v.par = texte_libre.clone();
                for (l, valeur) in v.lignes.iter_mut().zip(&valeurs) {
                    l.valeur = *valeur;
                    l.libelle = texte_libre.clone();
                }
            }
            let bytes = rapport_pdf(&r).unwrap();
            prop_assert!(Document::load_mem(&bytes).is_ok());
        }
    }
}
