//! Charts of the evaluation as SVG, drawn on the server with plotters:
//! an indicator's trend over the years against its target ([`courbe`]),
//! and its breakdown as horizontal bars ([`barres`]).
//!
//! Each chart is an image with an accessible name: `role="img"`, a
//! `<title>` and a `<desc>` that says the figures in words (the page
//! beside it also shows them as a table). It scales through its
//! `viewBox`. No font is read: plotters' SVG backend writes the text as
//! `<text>` for the reader to set, and places it from an estimate of its
//! size, so the output is the same on every machine — the same input
//! gives the same bytes.
//!
//! The scales ([`Echelle`]) are shared with the PDF report, which draws
//! the same charts as vector paths.

use campus_domain::evaluation::rapport::{
    ESPACE_INSECABLE, PointSerie, VentilationRapport, format_nombre, format_valeur,
};
use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use sha2::{Digest, Sha256};

/// Width and height of a chart, in SVG user units.
const TAILLE: (u32, u32) = (640, 320);
/// Beyond this magnitude a figure is drawn at the edge of the chart (its
/// label keeps the real value): scales stay finite and ticks computable.
const BORNE: f64 = 1e15;
/// Line and bar colour (the French State's blue).
const BLEU: RGBColor = RGBColor(0, 0, 145);
/// Target colour.
const ROUGE: RGBColor = RGBColor(206, 5, 0);
/// A breakdown label longer than this is cut with « … ».
const LIBELLE_MAX: usize = 28;

/// A value axis: from `bas` to `haut` by `pas`, zero included, ends on
/// round values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Echelle {
    pub bas: f64,
    pub haut: f64,
    pub pas: f64,
}

impl Echelle {
    /// The axis holding every finite value and zero.
    pub fn de(valeurs: impl IntoIterator<Item = f64>) -> Echelle {
        let (mut bas, mut haut) = (0.0f64, 0.0f64);
        for v in valeurs.into_iter().filter(|v| v.is_finite()) {
            let v = borner(v);
            bas = bas.min(v);
            haut = haut.max(v);
        }
        if haut - bas < 1e-9 {
            haut = bas + 1.0;
        }
        let brut = (haut - bas) / 5.0;
        let puissance = 10f64.powf(brut.log10().floor());
        let pas = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * puissance)
            .find(|p| *p >= brut)
            .unwrap_or(10.0 * puissance);
        Echelle {
            bas: (bas / pas).floor() * pas,
            haut: (haut / pas).ceil() * pas,
            pas,
        }
    }

    /// The tick values, `bas` to `haut`.
    pub fn graduations(&self) -> Vec<f64> {
        let n = ((self.haut - self.bas) / self.pas).round().clamp(1.0, 20.0) as usize;
        (0..=n).map(|i| self.bas + self.pas * i as f64).collect()
    }

    /// Where `v` falls between `bas` (0) and `haut` (1).
    pub fn position(&self, v: f64) -> f64 {
        ((borner(v) - self.bas) / (self.haut - self.bas)).clamp(0.0, 1.0)
    }
}

/// `v` within ±[`BORNE`].
fn borner(v: f64) -> f64 {
    v.clamp(-BORNE, BORNE)
}

/// The years the series covers, first and last (one year either side of
/// the current one when there is none).
pub(crate) fn annees(serie: &[PointSerie]) -> (i32, i32) {
    let premiere = serie.iter().map(|p| p.annee).min();
    let derniere = serie.iter().map(|p| p.annee).max();
    match (premiere, derniere) {
        (Some(a), Some(b)) if a < b => (a, b),
        (Some(a), _) => (a.saturating_sub(1), a.saturating_add(1)),
        _ => (0, 1),
    }
}

/// The runs of consecutive years with a figure: a missing year breaks
/// the line.
pub(crate) fn troncons(serie: &[PointSerie]) -> Vec<Vec<(i32, f64)>> {
    let mut points: Vec<(i32, Option<f64>)> = serie.iter().map(|p| (p.annee, p.valeur)).collect();
    points.sort_by_key(|p| p.0);
    let mut troncons: Vec<Vec<(i32, f64)>> = Vec::new();
    let mut courant = Vec::new();
    for (annee, valeur) in points {
        match valeur.filter(|v| v.is_finite()) {
            Some(v) => courant.push((annee, borner(v))),
            None if !courant.is_empty() => troncons.push(std::mem::take(&mut courant)),
            None => {}
        }
    }
    if !courant.is_empty() {
        troncons.push(courant);
    }
    troncons
}

/// The trend of an indicator over the years, with its target as a dashed
/// line.
pub fn courbe(serie: &[PointSerie], cible: Option<f64>, titre: &str, unite: &str) -> String {
    let desc = description_courbe(serie, cible, unite);
    let echelle = Echelle::de(
        serie
            .iter()
            .filter_map(|p| p.valeur)
            .chain(cible.filter(|c| c.is_finite())),
    );
    let (premiere, derniere) = annees(serie);
    let troncons = troncons(serie);
    svg(titre, &desc, |zone| {
        let mut chart = ChartBuilder::on(zone)
            .caption(titre, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(64)
            .build_cartesian_2d(premiere..derniere, echelle.bas..echelle.haut)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(
                usize::try_from(derniere - premiere)
                    .unwrap_or(1)
                    .clamp(1, 12)
                    + 1,
            )
            .x_label_formatter(&|a| a.to_string())
            .y_labels(echelle.graduations().len())
            .y_label_formatter(&|v| format_nombre(*v))
            .y_desc(unite)
            .draw()?;
        if let Some(c) = cible.filter(|c| c.is_finite()) {
            let c = borner(c);
            chart.draw_series(DashedLineSeries::new(
                [(premiere, c), (derniere, c)],
                8,
                5,
                ROUGE.stroke_width(2),
            ))?;
        }
        for troncon in &troncons {
            chart.draw_series(LineSeries::new(
                troncon.iter().copied(),
                BLEU.stroke_width(2),
            ))?;
            chart.draw_series(troncon.iter().map(|&p| Circle::new(p, 4, BLEU.filled())))?;
        }
        if troncons.is_empty() {
            vide(zone)?;
        }
        Ok(())
    })
}

/// A breakdown as horizontal bars, first line on top; a masked line has
/// no bar, only what it shows (« < 5 », « nd »).
pub fn barres(ventilation: &VentilationRapport, titre: &str, unite: &str) -> String {
    let desc = description_barres(ventilation);
    let lignes = &ventilation.lignes;
    let n = lignes.len().max(1);
    let echelle = Echelle::de(lignes.iter().filter_map(|l| l.valeur));
    let libelles: Vec<String> = lignes.iter().map(|l| abreger(&l.libelle)).collect();
    let largeur_libelles = libelles
        .iter()
        .map(|l| l.chars().count() as u32 * 7 + 12)
        .max()
        .unwrap_or(40)
        .clamp(40, 220);
    let hauteur = (TAILLE.1).max(80 + 28 * n as u32).min(2000);
    // Line `i` is the segment `n - 1 - i`, so that the first is on top.
    let segment = |i: usize| n.saturating_sub(i + 1) as i32;
    svg_taille(titre, &desc, (TAILLE.0, hauteur), |zone| {
        let mut chart = ChartBuilder::on(zone)
            .caption(titre, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(largeur_libelles)
            .build_cartesian_2d(echelle.bas..echelle.haut, (0..n as i32).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(echelle.graduations().len())
            .x_label_formatter(&|v| format_nombre(*v))
            .y_labels(n)
            .y_label_formatter(&|y| match y {
                SegmentValue::CenterOf(k) => usize::try_from(*k)
                    .ok()
                    .and_then(|k| n.checked_sub(k + 1))
                    .and_then(|i| libelles.get(i).cloned())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_desc(ventilation.par.as_str())
            .draw()?;
        let texte = TextStyle::from(("sans-serif", 12).into_font())
            .pos(Pos::new(HPos::Left, VPos::Center))
            .color(&BLACK);
        for (i, ligne) in lignes.iter().enumerate() {
            let k = segment(i);
            let fin = match ligne.valeur.filter(|v| v.is_finite()) {
                Some(v) => {
                    let v = borner(v);
                    let mut barre = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(k)),
                            (v, SegmentValue::Exact(k + 1)),
                        ],
                        BLEU.filled(),
                    );
                    barre.set_margin(5, 5, 0, 0);
                    chart.draw_series(std::iter::once(barre))?;
                    v.max(0.0)
                }
                None => 0.0,
            };
            let etiquette = if ligne.affichage.trim().is_empty() {
                ligne
                    .valeur
                    .map(|v| format_valeur(v, unite))
                    .unwrap_or_default()
            } else {
                sans_controles(&ligne.affichage)
            };
            chart.draw_series(std::iter::once(
                EmptyElement::at((fin, SegmentValue::CenterOf(k)))
                    + Text::new(etiquette, (5, 0), texte.clone()),
            ))?;
        }
        if lignes.is_empty() {
            vide(zone)?;
        }
        Ok(())
    })
}

type Zone<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Erreur = Box<dyn std::error::Error>;

/// « Aucune donnée » in the middle of an empty chart.
fn vide(zone: &Zone<'_>) -> Result<(), Erreur> {
    let (l, h) = zone.dim_in_pixel();
    let style = TextStyle::from(("sans-serif", 14).into_font())
        .pos(Pos::new(HPos::Center, VPos::Center))
        .color(&BLACK);
    zone.draw(&Text::new(
        "Aucune donnée",
        (l as i32 / 2, h as i32 / 2),
        style,
    ))?;
    Ok(())
}

fn svg(titre: &str, desc: &str, dessin: impl FnOnce(&Zone<'_>) -> Result<(), Erreur>) -> String {
    svg_taille(titre, desc, TAILLE, dessin)
}

/// The SVG drawn by `dessin` on a white area of `taille`, with its
/// accessible name and description. A drawing that fails leaves the
/// chart empty, never the page without an image.
fn svg_taille(
    titre: &str,
    desc: &str,
    taille: (u32, u32),
    dessin: impl FnOnce(&Zone<'_>) -> Result<(), Erreur>,
) -> String {
    let mut corps = String::new();
    let dessine = {
        let zone = SVGBackend::with_string(&mut corps, taille).into_drawing_area();
        let fait = zone
            .fill(&WHITE)
            .map_err(Erreur::from)
            .and_then(|()| dessin(&zone))
            .and_then(|()| zone.present().map_err(Erreur::from));
        fait.is_ok()
    };
    if !dessine {
        corps = format!(
            "<svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n",
            taille.0, taille.1
        );
    }
    accessible(&corps, titre, desc)
}

/// `corps` (plotters' output, which opens with `<svg …>`) as an image
/// named by its title and described by `desc`. The ids come from the
/// content, so that several charts can share a page.
fn accessible(corps: &str, titre: &str, desc: &str) -> String {
    let empreinte = Sha256::digest(format!("{titre}\n{desc}\n{corps}").as_bytes());
    let id: String = empreinte[..6].iter().map(|b| format!("{b:02x}")).collect();
    let (ouverture, reste) = match corps.find('>') {
        Some(i) if corps.starts_with("<svg ") => corps.split_at(i + 1),
        _ => ("<svg xmlns=\"http://www.w3.org/2000/svg\">", ""),
    };
    let ouverture = ouverture.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"graphique-{id}-titre graphique-{id}-desc\" "),
        1,
    );
    let reste = if reste.is_empty() {
        "\n</svg>\n"
    } else {
        reste
    };
    format!(
        "{ouverture}\n<title id=\"graphique-{id}-titre\">{}</title>\n<desc id=\"graphique-{id}-desc\">{}</desc>{reste}",
        quick_xml::escape::escape(sans_controles(titre).as_str()),
        quick_xml::escape::escape(sans_controles(desc).as_str()),
    )
}

/// XML 1.0 cannot hold most control characters: they become spaces.
fn sans_controles(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A label cut to [`LIBELLE_MAX`] characters.
fn abreger(libelle: &str) -> String {
    if libelle.chars().count() <= LIBELLE_MAX {
        sans_controles(libelle)
    } else {
        let tete: String = libelle.chars().take(LIBELLE_MAX - 1).collect();
        format!("{}…", sans_controles(tete.trim_end()))
    }
}

/// The trend in words: each year's figure, then the target.
fn description_courbe(serie: &[PointSerie], cible: Option<f64>, unite: &str) -> String {
    let mut points: Vec<&PointSerie> = serie.iter().collect();
    points.sort_by_key(|p| p.annee);
    let annees: Vec<String> = points
        .iter()
        .map(|p| {
            let v = p
                .valeur
                .map(|v| format_valeur(v, unite))
                .unwrap_or_else(|| "non disponible".to_owned());
            format!("{}{ESPACE_INSECABLE}: {v}", p.annee)
        })
        .collect();
    let mut desc = if annees.is_empty() {
        "Aucune donnée.".to_owned()
    } else {
        format!("Évolution par année. {}.", annees.join(" ; "))
    };
    if let Some(c) = cible.filter(|c| c.is_finite()) {
        desc.push_str(&format!(
            " Cible{ESPACE_INSECABLE}: {}.",
            format_valeur(c, unite)
        ));
    }
    desc
}

/// The breakdown in words, line by line as printed.
fn description_barres(ventilation: &VentilationRapport) -> String {
    if ventilation.lignes.is_empty() {
        return format!(
            "Répartition par {}{ESPACE_INSECABLE}: aucune donnée.",
            ventilation.par.to_lowercase()
        );
    }
    let lignes: Vec<String> = ventilation
        .lignes
        .iter()
        .map(|l| format!("{}{ESPACE_INSECABLE}: {}", l.libelle, l.affichage))
        .collect();
    format!(
        "Répartition par {}{ESPACE_INSECABLE}: {}.",
        ventilation.par.to_lowercase(),
        lignes.join(" ; ")
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use campus_domain::evaluation::rapport::{LigneRapport, exemple};
    use proptest::prelude::*;
    use quick_xml::events::Event;

    /// The root's attributes, and the text of its `<title>` and `<desc>`;
    /// fails on malformed XML.
    fn lire(svg: &str) -> (Vec<(String, String)>, String, String) {
        let mut reader = quick_xml::Reader::from_str(svg);
        let (mut attributs, mut titre, mut desc) = (Vec::new(), String::new(), String::new());
        let mut dans = String::new();
        let mut profondeur = 0;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => {
                    profondeur += 1;
                    let nom = e.name().as_ref().to_owned();
                    if profondeur == 1 {
                        assert_eq!(nom, "svg");
                        for a in e.attributes() {
                            let a = a.unwrap();
                            attributs.push((
                                a.key.as_ref().to_owned(),
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned(),
                            ));
                        }
                    }
                    dans = if profondeur == 2 { nom } else { String::new() };
                }
                Event::End(_) => {
                    profondeur -= 1;
                    dans.clear();
                }
                Event::Text(t) => {
                    let t = t.xml10_content();
                    match dans.as_str() {
                        "title" => titre.push_str(&t),
                        "desc" => desc.push_str(&t),
                        _ => {}
                    }
                }
                Event::GeneralRef(r) => {
                    let r = r.xml10_content().into_owned();
                    let c = match r.as_str() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "?",
                    };
                    match dans.as_str() {
                        "title" => titre.push_str(c),
                        "desc" => desc.push_str(c),
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(profondeur, 0);
        (attributs, titre, desc)
    }

    fn attribut<'a>(attributs: &'a [(String, String)], nom: &str) -> Option<&'a str> {
        attributs
            .iter()
            .find(|(k, _)| k == nom)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn trend_is_an_accessible_image() {
        let r = exemple();
        let f = &r.axes[0].leviers[0].indicateurs[0];
        let svg = courbe(&f.serie, f.cible, &f.nom, &f.unite);
        let (attributs, titre, desc) = lire(&svg);
        assert_eq!(attribut(&attributs, "role"), Some("img"));
        assert_eq!(attribut(&attributs, "viewBox"), Some("0 0 640 320"));
        assert_eq!(titre, f.nom);
        assert!(
            desc.contains("2026\u{A0}: 1\u{202F}318\u{A0}personnes"),
            "{desc}"
        );
        assert!(desc.contains("Cible\u{A0}: 1\u{202F}200"), "{desc}");
        let ids = attribut(&attributs, "aria-labelledby").unwrap();
        for id in ids.split(' ') {
            assert!(svg.contains(&format!("id=\"{id}\"")), "{id}");
        }
        assert_eq!(svg, courbe(&f.serie, f.cible, &f.nom, &f.unite));
        assert!(svg.contains("stroke-dasharray") || svg.matches("<line").count() > 2);
    }

    #[test]
    fn breakdown_shows_masked_lines_without_a_bar() {
        let r = exemple();
        let f = &r.axes[0].leviers[0].indicateurs[0];
        let v = f.ventilation.as_ref().unwrap();
        let svg = barres(v, "Participants par département", &f.unite);
        let (attributs, titre, desc) = lire(&svg);
        assert_eq!(attribut(&attributs, "role"), Some("img"));
        assert_eq!(titre, "Participants par département");
        assert!(desc.contains("Indre (36)\u{A0}: < 5"), "{desc}");
        assert!(svg.contains("&lt; 5"));
        assert!(svg.contains("Loiret (45)"));
        assert_eq!(svg, barres(v, "Participants par département", &f.unite));
    }

    #[test]
    fn empty_charts_say_so() {
        let svg = courbe(&[], None, "Rien", "%");
        assert!(lire(&svg).2.contains("Aucune donnée"));
        assert!(svg.contains("Aucune donnée"));
        let vide = VentilationRapport {
            par: "Public".into(),
            lignes: vec![],
        };
        assert!(barres(&vide, "Rien", "%").contains("Aucune donnée"));
    }

    #[test]
    fn scales_are_round() {
        let e = Echelle::de([0.0, 86.7, 80.0]);
        assert_eq!((e.bas, e.haut, e.pas), (0.0, 100.0, 20.0));
        assert_eq!(e.graduations().len(), 6);
        let e = Echelle::de([-3.0, 12.0]);
        assert!(e.bas <= -3.0 && e.haut >= 12.0);
        assert_eq!(Echelle::de([]).haut, 1.0);
    }

    fn valeur() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            (-1e6f64..1e6).prop_map(Some),
            proptest::num::f64::ANY.prop_map(Some),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_series_gives_valid_svg(
            valeurs in proptest::collection::vec((1990i32..2100, valeur()), 0..8),
            cible in valeur(),
            titre in "\\PC{0,40}",
        ) {
            let serie: Vec<PointSerie> = valeurs.iter().map(|&(annee, valeur)| PointSerie { annee, valeur }).collect();
            let svg = courbe(&serie, cible, &titre, "%");
            let (attributs, _, _) = lire(&svg);
            prop_assert_eq!(attribut(&attributs, "role"), Some("img"));
            prop_assert_eq!(&svg, &courbe(&serie, cible, &titre, "%"));
        }

        #[test]
        fn any_breakdown_gives_valid_svg(
            lignes in proptest::collection::vec(("\\PC{0,40}", valeur()), 0..12),
            par in "\\PC{0,20}",
        ) {
            let v = VentilationRapport {
                par,
                lignes: lignes.into_iter().map(|(libelle, valeur)| LigneRapport {
                    affichage: valeur.map(format_nombre).unwrap_or_else(|| "< 5".into()),
                    libelle,
                    valeur,
                }).collect(),
            };
            let svg = barres(&v, "Répartition", "personnes");
            let (attributs, _, _) = lire(&svg);
            prop_assert_eq!(attribut(&attributs, "role"), Some("img"));
        }
    }
}
