//! Text in the PDF standard fonts Helvetica and Helvetica-Bold, WinAnsi
//! encoding: the bytes to write and how wide they print.
//!
//! The widths are those of Adobe's AFM files for the two fonts (in
//! thousandths of the font size), indexed by WinAnsi code, so that lines
//! can be cut and columns aligned without embedding or reading any font
//! file.

/// Which of the two standard fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Police {
    Normale,
    Grasse,
}

impl Police {
    /// The resource name the page content refers to (see
    /// [`super::document::assembler`]).
    pub fn ressource(self) -> &'static str {
        match self {
            Police::Normale => "F1",
            Police::Grasse => "F2",
        }
    }

    /// Width of `text` in points at `taille`.
    pub fn largeur(self, text: &str, taille: f32) -> f32 {
        let table = match self {
            Police::Normale => &NORMALE,
            Police::Grasse => &GRASSE,
        };
        let milliemes: u64 = winansi(text)
            .iter()
            .map(|&b| u64::from(table[usize::from(b)]))
            .sum();
        milliemes as f32 * taille / 1000.0
    }
}

/// `text` in WinAnsi (Windows-1252) bytes. Spaces of French typography
/// (narrow and thin no-break spaces) become the no-break space, dashes
/// and minus signs their nearest WinAnsi sign, control characters a
/// space; any other character WinAnsi cannot hold is written `?`.
pub fn winansi(text: &str) -> Vec<u8> {
    text.chars().map(octet).collect()
}

fn octet(c: char) -> u8 {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => code as u8,
        0x00..=0x1F | 0x7F..=0x9F => b' ',
        _ => match c {
            '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' => 0xA0,
            '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
            '\u{2012}' | '\u{2013}' => 0x96,
            '\u{2014}' | '\u{2015}' => 0x97,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => b'?',
        },
    }
}

/// Lines no wider than `largeur` points, cut between words; a word wider
/// than a line on its own is cut where it overflows.
pub fn couper(text: &str, police: Police, taille: f32, largeur: f32) -> Vec<String> {
    let espace = police.largeur(" ", taille);
    let mut lignes = Vec::new();
    let mut ligne = String::new();
    let mut occupe = 0.0;
    for mot in text.split(secable).filter(|m| !m.is_empty()) {
        let mut mot = mot.to_owned();
        let mut l = police.largeur(&mot, taille);
        if !ligne.is_empty() && occupe + espace + l > largeur {
            lignes.push(std::mem::take(&mut ligne));
            occupe = 0.0;
        }
        while l > largeur && ligne.is_empty() {
            let (tete, reste) = couper_mot(&mot, police, taille, largeur);
            lignes.push(tete);
            mot = reste;
            l = police.largeur(&mot, taille);
        }
        if !ligne.is_empty() {
            ligne.push(' ');
            occupe += espace;
        }
        ligne.push_str(&mot);
        occupe += l;
    }
    if !ligne.is_empty() {
        lignes.push(ligne);
    }
    lignes
}

/// A space a line may break at: not the no-break ones, which hold a
/// figure and its unit together.
fn secable(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// The longest head of `mot` (at least one character) that fits in
/// `largeur`, and the rest.
fn couper_mot(mot: &str, police: Police, taille: f32, largeur: f32) -> (String, String) {
    let mut fin = 0;
    let mut occupe = 0.0;
    for (i, c) in mot.char_indices() {
        let mut buf = [0u8; 4];
        let l = police.largeur(c.encode_utf8(&mut buf), taille);
        if i > 0 && occupe + l > largeur {
            break;
        }
        occupe += l;
        fin = i + c.len_utf8();
    }
    (mot[..fin].to_owned(), mot[fin..].to_owned())
}

/// Helvetica, by WinAnsi code (Adobe AFM).
#[rustfmt::skip]
static NORMALE: [u16; 256] = [
    // 0x00–0x1F: control characters, written as spaces.
    278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
    278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
    // space ! " # $ % & ' ( ) * + , - . /
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    // 0–9 : ; < = > ?
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    // @ A–O
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    // P–Z [ \ ] ^ _
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    // ` a–o
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    // p–z { | } ~ DEL
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278,
    // 0x80–0x8F: € _ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ _ Ž _
    556, 278, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278,
    // 0x90–0x9F: _ ‘ ’ “ ” • – — ˜ ™ š › œ _ ž Ÿ
    278, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 278, 500, 667,
    // 0xA0–0xAF: nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ soft-hyphen ® ¯
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    // 0xB0–0xBF: ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    // 0xC0–0xCF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    // 0xD0–0xDF: Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    // 0xE0–0xEF: à á â ã ä å æ ç è é ê ë ì í î ï
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    // 0xF0–0xFF: ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/// Helvetica-Bold, by WinAnsi code (Adobe AFM).
#[rustfmt::skip]
static GRASSE: [u16; 256] = [
    278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
    278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 278,
    556, 278, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278,
    278, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 278, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn encodes_french_and_replaces_the_rest() {
        assert_eq!(winansi("é€😀"), vec![0xE9, 0x80, b'?']);
        assert_eq!(
            winansi("1\u{202F}234 œ « »"),
            b"1\xA0234 \x9C \xAB \xBB".to_vec()
        );
        assert_eq!(winansi("a\tb\u{2212}"), b"a b-".to_vec());
    }

    #[test]
    fn widths_follow_the_metrics() {
        assert_eq!(Police::Normale.largeur("Hi", 10.0), 7.22 + 2.22);
        assert!(Police::Grasse.largeur("Hi", 10.0) > Police::Normale.largeur("Hi", 10.0));
    }

    #[test]
    fn wraps_between_words() {
        let largeur = Police::Normale.largeur("un deux", 10.0);
        let lignes = couper("un deux trois quatre", Police::Normale, 10.0, largeur);
        assert_eq!(lignes, vec!["un deux", "trois", "quatre"]);
        let lignes = couper("a 86,7\u{202F}%", Police::Normale, 10.0, largeur);
        assert_eq!(lignes, vec!["a", "86,7\u{202F}%"]);
    }

    #[test]
    fn cuts_a_word_longer_than_a_line() {
        let mot = "x".repeat(100);
        let lignes = couper(&format!("a {mot} b"), Police::Normale, 10.0, 50.0);
        assert!(lignes.len() > 3, "{lignes:?}");
        assert_eq!(lignes.concat().replace(' ', ""), format!("a{mot}b"));
        for l in &lignes {
            assert!(Police::Normale.largeur(l, 10.0) <= 50.0);
        }
    }

    proptest! {
        #[test]
        fn every_line_fits_and_no_text_is_lost(text in "\\PC{0,200}", largeur in 1.0f32..400.0) {
            let lignes = couper(&text, Police::Grasse, 9.0, largeur);
            let sans_espaces = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(sans_espaces(&lignes.concat()), sans_espaces(&text));
            for l in &lignes {
                let une = l.chars().count() == 1;
                prop_assert!(une || Police::Grasse.largeur(l, 9.0) <= largeur + 0.01);
            }
        }
    }
}
