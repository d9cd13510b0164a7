//! Pages of content operations assembled into an A4 PDF document.
//!
//! Nothing comes from the clock or a random source: the dates of the
//! information dictionary and the file identifier are given by the
//! caller, from the record the document is made of, so that the same
//! record gives the same bytes.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

use super::helvetica::winansi;

/// A4 width, in points.
pub const LARGEUR: f32 = 595.0;
/// A4 height, in points.
pub const HAUTEUR: f32 = 842.0;

/// What the document says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadonnees {
    pub titre: String,
    /// `AAAA-MM-JJ`: creation and modification date.
    pub date: String,
    /// The file identifier (any bytes, written in hexadecimal).
    pub identifiant: Vec<u8>,
}

/// The PDF of `pages`, each a list of content operations drawing with the
/// fonts `F1` (Helvetica) and `F2` (Helvetica-Bold).
pub fn assembler(pages: &[Vec<Operation>], meta: &Metadonnees) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => Object::Name(name.as_bytes().to_vec()),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let f1 = doc.add_object(font("Helvetica"));
    let f2 = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2 },
    });
    let mut kids = Vec::with_capacity(pages.len());
    for ops in pages {
        let content = Content {
            operations: ops.clone(),
        };
        let stream = doc.add_object(Stream::new(Dictionary::new(), content.encode()?));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), LARGEUR.into(), HAUTEUR.into()],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("fr-FR"),
    });
    let date: String = meta
        .date
        .chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect();
    let date = format!("D:{date:0<8}000000Z");
    let info = doc.add_object(dictionary! {
        "Title" => Object::String(winansi(&meta.titre), StringFormat::Literal),
        "Producer" => Object::string_literal("campus"),
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let id = Object::String(meta.identifiant.clone(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}
