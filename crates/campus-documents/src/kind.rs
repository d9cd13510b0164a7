//! What a stored file is, told from its first bytes, and the check an upload
//! passes before it is stored.
//!
//! The magic numbers are written here rather than taken from the `infer`
//! crate: the platform accepts a few types whose signatures fit in a dozen
//! lines, and `infer` would recognise a hundred others only for us to reject
//! them. The file name and the browser's `Content-Type` are never consulted:
//! both are chosen by the sender, and a CV named `cv.pdf` that is really an
//! HTML page must not be served back as a PDF.
//!
//! Office documents are ZIP archives, told apart by what they hold:
//! - OpenDocument (ODT, ODS, ODP): the first entry is `mimetype`, stored
//!   uncompressed and without extra field, so its name is at offset 30 and
//!   the media type at 38 (the ODF specification requires this layout
//!   precisely so that the type can be read from the first bytes);
//! - Office Open XML (DOCX, XLSX, PPTX): the archive holds
//!   `[Content_Types].xml` and its parts under `word/`, `xl/` or `ppt/`,
//!   names read from the central directory by [`crate::zip_names`].
//!
//! Either way the central directory must read to the end, so a truncated or
//! garbled archive is refused, and so is any other ZIP.

use std::fmt;

use crate::zip_names;

/// A file type the platform may store. Stored in a database column through
/// [`DocumentKind::as_str`] and read back with [`DocumentKind::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    Pdf,
    /// Word, Office Open XML.
    Docx,
    /// Excel, Office Open XML.
    Xlsx,
    /// PowerPoint, Office Open XML.
    Pptx,
    /// OpenDocument text (LibreOffice Writer).
    Odt,
    /// OpenDocument spreadsheet (LibreOffice Calc).
    Ods,
    /// OpenDocument presentation (LibreOffice Impress).
    Odp,
    Png,
    Jpeg,
    Webp,
}

/// A database value that names no [`DocumentKind`]: the column was written
/// by something other than [`DocumentKind::as_str`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("type de document inconnu : « {0} »")]
pub struct UnknownKind(pub String);

impl DocumentKind {
    /// Every kind, in the order used to list them to a user.
    pub const ALL: [DocumentKind; 10] = [
        Self::Pdf,
        Self::Docx,
        Self::Xlsx,
        Self::Pptx,
        Self::Odt,
        Self::Ods,
        Self::Odp,
        Self::Png,
        Self::Jpeg,
        Self::Webp,
    ];

    /// The office documents, Office Open XML then OpenDocument, for callers
    /// that build their list of accepted kinds (`[PDF] + OFFICE`, …).
    pub const OFFICE: [DocumentKind; 6] = [
        Self::Docx,
        Self::Xlsx,
        Self::Pptx,
        Self::Odt,
        Self::Ods,
        Self::Odp,
    ];

    /// The type of `bytes`, from their signature at offset 0 (and, for a
    /// ZIP, from its entries: see the module documentation), or `None` for
    /// anything else. A PDF must start with `%PDF-` (readers tolerate junk
    /// before it, but a file that needs that tolerance is not one we want).
    pub fn sniff(bytes: &[u8]) -> Option<DocumentKind> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Self::sniff_office(bytes)
        } else if bytes.starts_with(PNG) {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(Self::Webp)
        } else {
            None
        }
    }

    /// The office document a ZIP archive is, if any.
    fn sniff_office(bytes: &[u8]) -> Option<DocumentKind> {
        let names = zip_names::entry_names(bytes)?;
        if let Some(kind) = Self::sniff_opendocument(bytes) {
            return Some(kind);
        }
        // Part names compare case-insensitively in Open Packaging
        // Conventions (ECMA-376 part 2); Office writes them as below.
        let has = |wanted: &str| {
            names
                .iter()
                .any(|name| name.eq_ignore_ascii_case(wanted.as_bytes()))
        };
        let under = |folder: &str| {
            names.iter().any(|name| {
                name.len() > folder.len()
                    && name[..folder.len()].eq_ignore_ascii_case(folder.as_bytes())
            })
        };
        if !has("[Content_Types].xml") {
            return None;
        }
        let mut found = [
            (Self::Docx, "word/"),
            (Self::Xlsx, "xl/"),
            (Self::Pptx, "ppt/"),
        ]
        .into_iter()
        .filter(|(_, folder)| under(folder))
        .map(|(kind, _)| kind);
        // A package with parts of two applications is no document Office
        // writes; refuse it rather than guess.
        match (found.next(), found.next()) {
            (Some(kind), None) => Some(kind),
            _ => None,
        }
    }

    /// The OpenDocument kind named by the `mimetype` entry that an ODF
    /// package must have first, stored, without extra field. The sizes must
    /// be the exact length of the type, so a template
    /// (`…opendocument.text-template`) is not taken for a text.
    fn sniff_opendocument(bytes: &[u8]) -> Option<DocumentKind> {
        const NAME: &[u8] = b"mimetype";
        const DATA: usize = 30 + NAME.len();
        let method = zip_names::u16_at(bytes, 8)?;
        let compressed = zip_names::u32_at(bytes, 18)?;
        let uncompressed = zip_names::u32_at(bytes, 22)?;
        let name_len = zip_names::u16_at(bytes, 26)?;
        let extra_len = zip_names::u16_at(bytes, 28)?;
        if method != 0
            || usize::from(name_len) != NAME.len()
            || extra_len != 0
            || bytes.get(30..DATA)? != NAME
            || compressed != uncompressed
        {
            return None;
        }
        let len = usize::try_from(compressed).ok()?;
        let content = bytes.get(DATA..DATA.checked_add(len)?)?;
        [Self::Odt, Self::Ods, Self::Odp]
            .into_iter()
            .find(|kind| kind.mime().as_bytes() == content)
    }

    /// The `Content-Type` to serve the file with.
    pub fn mime(&self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Self::Odp => "application/vnd.oasis.opendocument.presentation",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
        }
    }

    /// The extension of a download's file name (`Content-Disposition`),
    /// without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Pptx => "pptx",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Odp => "odp",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
        }
    }

    /// The value kept in the database; stable, never translated.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Pptx => "pptx",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Odp => "odp",
            Self::Png => "png",
            Self::Jpeg => "jpeg",
            Self::Webp => "webp",
        }
    }

    /// Reads back a value written by [`DocumentKind::as_str`].
    pub fn parse(value: &str) -> Result<DocumentKind, UnknownKind> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
            .ok_or_else(|| UnknownKind(value.to_owned()))
    }

    /// The name a user knows the format by, in French: « PDF »,
    /// « Word (DOCX) », « OpenDocument tableur (ODS) », « WebP ».
    pub fn label(&self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word (DOCX)",
            Self::Xlsx => "Excel (XLSX)",
            Self::Pptx => "PowerPoint (PPTX)",
            Self::Odt => "OpenDocument texte (ODT)",
            Self::Ods => "OpenDocument tableur (ODS)",
            Self::Odp => "OpenDocument présentation (ODP)",
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
            Self::Webp => "WebP",
        }
    }

    /// The format's short name, as listed in a refusal: « DOCX », « WebP ».
    fn short_label(&self) -> &'static str {
        match self {
            Self::Docx => "DOCX",
            Self::Xlsx => "XLSX",
            Self::Pptx => "PPTX",
            Self::Odt => "ODT",
            Self::Ods => "ODS",
            Self::Odp => "ODP",
            Self::Pdf | Self::Png | Self::Jpeg | Self::Webp => self.label(),
        }
    }

    fn is_image(&self) -> bool {
        matches!(self, Self::Png | Self::Jpeg | Self::Webp)
    }

    fn is_office(&self) -> bool {
        Self::OFFICE.contains(self)
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an upload is refused before it reaches the store. The messages are
/// shown to the person who sent the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    #[error("le fichier est vide")]
    Empty,
    #[error("le fichier dépasse {}", human_size(*max))]
    TooLarge { max: usize },
    /// `allowed` is what the caller accepted, so the message can say what
    /// to send instead.
    #[error("{}", not_allowed(allowed))]
    NotAllowed { allowed: Vec<DocumentKind> },
}

/// Checks an upload against the limit and the types of one use (a CV: 5 Mo,
/// PDF or image) and returns its kind, to be stored beside its key.
///
/// The whole file is already in memory here: the request body limit of the
/// route must be set a little above `max` so a huge upload is cut off before
/// it is read.
pub fn check(bytes: &[u8], max: usize, allowed: &[DocumentKind]) -> Result<DocumentKind, Rejected> {
    if bytes.is_empty() {
        return Err(Rejected::Empty);
    }
    if bytes.len() > max {
        return Err(Rejected::TooLarge { max });
    }
    match DocumentKind::sniff(bytes) {
        Some(kind) if allowed.contains(&kind) => Ok(kind),
        _ => Err(Rejected::NotAllowed {
            allowed: allowed.to_vec(),
        }),
    }
}

/// « 5 Mo », « 1,5 Mo », « 500 Ko ». Limits are written either in binary
/// (`5 * 1024 * 1024`) or decimal (`5_000_000`) units; whichever divides
/// evenly is used, so both print as « 5 Mo ».
fn human_size(bytes: usize) -> String {
    const UNITS: [(usize, usize, &str); 2] = [(1 << 20, 1_000_000, "Mo"), (1 << 10, 1_000, "Ko")];
    for (binary, decimal, unit) in UNITS {
        if bytes >= decimal {
            for base in [binary, decimal] {
                if bytes.is_multiple_of(base) {
                    return format!("{} {unit}", bytes / base);
                }
            }
            // One decimal, with the French comma.
            let tenths = (bytes as u128 * 10 + binary as u128 / 2) / binary as u128;
            return match tenths % 10 {
                0 => format!("{} {unit}", tenths / 10),
                d => format!("{},{d} {unit}", tenths / 10),
            };
        }
    }
    format!("{bytes} octets")
}

/// « le fichier n'est ni un PDF, ni un document bureautique (DOCX, ODT), ni
/// une image (PNG, JPEG, WebP) », built from what the caller accepts: one
/// family gives « n'est pas … », two « n'est ni … ni … », three
/// « n'est ni …, ni …, ni … ». Kinds are listed in the order of
/// [`DocumentKind::ALL`], whatever the order of `allowed`.
fn not_allowed(allowed: &[DocumentKind]) -> String {
    let listed = |family: fn(&DocumentKind) -> bool| {
        DocumentKind::ALL
            .iter()
            .filter(|kind| family(kind) && allowed.contains(kind))
            .map(DocumentKind::short_label)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let office = listed(DocumentKind::is_office);
    let images = listed(DocumentKind::is_image);
    let mut families = Vec::new();
    if allowed.contains(&DocumentKind::Pdf) {
        families.push("un PDF".to_owned());
    }
    if !office.is_empty() {
        families.push(format!("un document bureautique ({office})"));
    }
    if !images.is_empty() {
        families.push(format!("une image ({images})"));
    }
    match families.as_slice() {
        [] => "ce type de fichier n'est pas accepté".to_owned(),
        [one] => format!("le fichier n'est pas {one}"),
        [first, second] => format!("le fichier n'est ni {first} ni {second}"),
        several => format!("le fichier n'est ni {}", several.join(", ni ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zip_names::tests::{eocd, stored_zip};
    use proptest::prelude::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0";
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";

    #[test]
    fn sniffs_each_kind() {
        assert_eq!(DocumentKind::sniff(PDF), Some(DocumentKind::Pdf));
        assert_eq!(DocumentKind::sniff(PNG), Some(DocumentKind::Png));
        assert_eq!(DocumentKind::sniff(JPEG), Some(DocumentKind::Jpeg));
        assert_eq!(DocumentKind::sniff(WEBP), Some(DocumentKind::Webp));
    }

    #[test]
    fn rejects_lookalikes() {
        for bytes in [
            &b""[..],
            b"%PDF",                      // signature cut short
            b" %PDF-1.4",                 // not at offset 0
            b"<html><body>cv.pdf</body>", // what a renamed page looks like
            b"\x89PNG\r\n",               // truncated PNG signature
            b"\xff\xd8",                  // truncated JPEG signature
            b"RIFF\x24\0\0\0WAVEfmt ",    // RIFF, but audio
            b"RIFF\x24\0\0\0WEB",         // too short to hold WEBP
            b"PK\x03\x04\x14\0\x06\0",    // a .docx cut short
        ] {
            assert_eq!(DocumentKind::sniff(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn database_value_round_trips() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Ok(kind));
        }
        assert_eq!(DocumentKind::parse("jpg"), Err(UnknownKind("jpg".into())));
        assert!(DocumentKind::parse("PDF").is_err());
        assert!(DocumentKind::parse("").is_err());
    }

    #[test]
    fn mime_and_extension() {
        assert_eq!(DocumentKind::Pdf.mime(), "application/pdf");
        assert_eq!(DocumentKind::Webp.mime(), "image/webp");
        assert_eq!(DocumentKind::Jpeg.extension(), "jpg");
        assert_eq!(DocumentKind::Png.extension(), "png");
    }

    #[test]
    fn check_accepts_an_allowed_kind() {
        assert_eq!(check(PDF, 1_000, &DocumentKind::ALL), Ok(DocumentKind::Pdf));
        assert_eq!(
            check(PNG, PNG.len(), &[DocumentKind::Png]),
            Ok(DocumentKind::Png)
        );
    }

    #[test]
    fn check_refuses_empty_large_and_other_kinds() {
        assert_eq!(check(b"", 1_000, &DocumentKind::ALL), Err(Rejected::Empty));
        assert_eq!(
            check(PDF, PDF.len() - 1, &DocumentKind::ALL),
            Err(Rejected::TooLarge { max: PDF.len() - 1 })
        );
        assert_eq!(
            check(PNG, 1_000, &[DocumentKind::Pdf]),
            Err(Rejected::NotAllowed {
                allowed: vec![DocumentKind::Pdf]
            })
        );
        assert!(matches!(
            check(b"hello", 1_000, &DocumentKind::ALL),
            Err(Rejected::NotAllowed { .. })
        ));
    }

    #[test]
    fn messages_are_french_and_name_the_limit() {
        let too_large = |max| Rejected::TooLarge { max }.to_string();
        assert_eq!(too_large(5 * 1024 * 1024), "le fichier dépasse 5 Mo");
        assert_eq!(too_large(5_000_000), "le fichier dépasse 5 Mo");
        assert_eq!(too_large(20 * 1024 * 1024), "le fichier dépasse 20 Mo");
        assert_eq!(too_large(3 * 512 * 1024), "le fichier dépasse 1,5 Mo");
        assert_eq!(too_large(500 * 1024), "le fichier dépasse 500 Ko");
        assert_eq!(too_large(900), "le fichier dépasse 900 octets");
        assert!(
            too_large(usize::MAX).ends_with(" Mo"),
            "no overflow on the largest limit"
        );
        assert_eq!(Rejected::Empty.to_string(), "le fichier est vide");
    }

    #[test]
    fn not_allowed_lists_what_the_caller_accepts() {
        let message = |allowed: &[DocumentKind]| {
            Rejected::NotAllowed {
                allowed: allowed.to_vec(),
            }
            .to_string()
        };
        assert_eq!(
            message(&[
                DocumentKind::Pdf,
                DocumentKind::Png,
                DocumentKind::Jpeg,
                DocumentKind::Webp
            ]),
            "le fichier n'est ni un PDF ni une image (PNG, JPEG, WebP)"
        );
        // The order of the caller's slice does not change the message.
        assert_eq!(
            message(&[DocumentKind::Jpeg, DocumentKind::Pdf, DocumentKind::Png]),
            "le fichier n'est ni un PDF ni une image (PNG, JPEG)"
        );
        assert_eq!(message(&[DocumentKind::Pdf]), "le fichier n'est pas un PDF");
        assert_eq!(
            message(&[DocumentKind::Png, DocumentKind::Webp]),
            "le fichier n'est pas une image (PNG, WebP)"
        );
        assert_eq!(message(&[]), "ce type de fichier n'est pas accepté");
    }

    /// The entries an Office Open XML package of `folder` has, trimmed to
    /// what an application writes first.
    fn ooxml(folder: &str) -> Vec<u8> {
        let main = format!("{folder}/document.xml");
        let rels = format!("{folder}/_rels/document.xml.rels");
        stored_zip(
            &[
                ("[Content_Types].xml", b"<Types/>"),
                ("_rels/.rels", b"<Relationships/>"),
                (&main, b"<document/>"),
                (&rels, b"<Relationships/>"),
                ("docProps/core.xml", b"<coreProperties/>"),
            ],
            b"",
        )
    }

    /// An OpenDocument package whose `mimetype` entry holds `mime`.
    fn opendocument(mime: &str) -> Vec<u8> {
        stored_zip(
            &[
                ("mimetype", mime.as_bytes()),
                ("content.xml", b"<office:document-content/>"),
                ("META-INF/manifest.xml", b"<manifest:manifest/>"),
            ],
            b"",
        )
    }

    fn office_samples() -> Vec<(DocumentKind, Vec<u8>)> {
        vec![
            (DocumentKind::Docx, ooxml("word")),
            (DocumentKind::Xlsx, ooxml("xl")),
            (DocumentKind::Pptx, ooxml("ppt")),
            (
                DocumentKind::Odt,
                opendocument("application/vnd.oasis.opendocument.text"),
            ),
            (
                DocumentKind::Ods,
                opendocument("application/vnd.oasis.opendocument.spreadsheet"),
            ),
            (
                DocumentKind::Odp,
                opendocument("application/vnd.oasis.opendocument.presentation"),
            ),
        ]
    }

    #[test]
    fn sniffs_each_office_kind() {
        for (kind, bytes) in office_samples() {
            assert_eq!(DocumentKind::sniff(&bytes), Some(kind), "{kind}");
            assert_eq!(check(&bytes, 10_000, &DocumentKind::OFFICE), Ok(kind));
        }
        // The ODF layout the specification fixes: name at 30, type at 38.
        let odt = opendocument("application/vnd.oasis.opendocument.text");
        assert_eq!(&odt[30..38], b"mimetype");
        assert!(odt[38..].starts_with(b"application/vnd.oasis.opendocument.text"));
        // Part names compare case-insensitively, and the archive comment
        // does not matter.
        let upper = stored_zip(
            &[("[CONTENT_TYPES].XML", b""), ("Word/document.xml", b"")],
            b"made by hand",
        );
        assert_eq!(DocumentKind::sniff(&upper), Some(DocumentKind::Docx));
    }

    #[test]
    fn office_kinds_describe_themselves() {
        let table = [
            (
                DocumentKind::Docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "docx",
                "Word (DOCX)",
            ),
            (
                DocumentKind::Xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
                "Excel (XLSX)",
            ),
            (
                DocumentKind::Pptx,
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "pptx",
                "PowerPoint (PPTX)",
            ),
            (
                DocumentKind::Odt,
                "application/vnd.oasis.opendocument.text",
                "odt",
                "OpenDocument texte (ODT)",
            ),
            (
                DocumentKind::Ods,
                "application/vnd.oasis.opendocument.spreadsheet",
                "ods",
                "OpenDocument tableur (ODS)",
            ),
            (
                DocumentKind::Odp,
                "application/vnd.oasis.opendocument.presentation",
                "odp",
                "OpenDocument présentation (ODP)",
            ),
        ];
        for (kind, mime, extension, label) in table {
            assert_eq!(kind.mime(), mime);
            assert_eq!(kind.extension(), extension);
            assert_eq!(kind.as_str(), extension);
            assert_eq!(kind.label(), label);
            assert!(!kind.is_image());
            assert!(DocumentKind::ALL.contains(&kind));
        }
        assert_eq!(
            DocumentKind::OFFICE.to_vec(),
            table.map(|(kind, ..)| kind).to_vec()
        );
        let images: Vec<_> = DocumentKind::ALL
            .into_iter()
            .filter(DocumentKind::is_image)
            .collect();
        assert_eq!(
            images,
            [DocumentKind::Png, DocumentKind::Jpeg, DocumentKind::Webp]
        );
        assert!(!DocumentKind::Pdf.is_image());
        // Every kind once in ALL.
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::ALL.iter().filter(|k| **k == kind).count(), 1);
        }
    }

    #[test]
    fn refuses_other_zips() {
        let refused = [
            // A plain archive.
            stored_zip(&[("notes.txt", b"hello"), ("photo.png", PNG)], b""),
            // An empty archive.
            stored_zip(&[], b""),
            // Parts without the content types, or content types alone.
            stored_zip(&[("word/document.xml", b"")], b""),
            stored_zip(&[("[Content_Types].xml", b"")], b""),
            // A folder entry with nothing in it, a look-alike folder.
            stored_zip(&[("[Content_Types].xml", b""), ("word/", b"")], b""),
            stored_zip(&[("[Content_Types].xml", b""), ("words/a.xml", b"")], b""),
            stored_zip(&[("[Content_Types].xml", b""), ("a/word/a.xml", b"")], b""),
            // Parts of two applications.
            stored_zip(
                &[
                    ("[Content_Types].xml", b""),
                    ("word/document.xml", b""),
                    ("xl/workbook.xml", b""),
                ],
                b"",
            ),
            // OpenDocument with a wrong, a longer or a foreign type.
            opendocument("application/vnd.oasis.opendocument.graphics"),
            opendocument("application/vnd.oasis.opendocument.text-template"),
            opendocument("application/vnd.oasis.opendocument.tex"),
            opendocument("application/epub+zip"),
            opendocument(""),
            // `mimetype` present, but not first.
            stored_zip(
                &[
                    ("content.xml", b""),
                    ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ],
                b"",
            ),
        ];
        for bytes in refused {
            assert_eq!(DocumentKind::sniff(&bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn refuses_an_opendocument_with_a_bent_header() {
        let odt = opendocument("application/vnd.oasis.opendocument.text");
        // Compressed, with an extra field, sizes that disagree or run past
        // the end.
        for (at, value) in [(8, 8), (28, 4), (18, 0), (22, 0), (18, 0xFF)] {
            let mut bent = odt.clone();
            bent[at] = value;
            if at == 18 && value == 0xFF {
                bent[22] = 0xFF;
                bent[19..22].fill(0xFF);
                bent[23..26].fill(0xFF);
            }
            assert_eq!(DocumentKind::sniff(&bent), None, "byte {at}");
        }
        // The name misspelt.
        let mut bent = odt.clone();
        bent[30] = b'M';
        assert_eq!(DocumentKind::sniff(&bent), None);
    }

    #[test]
    fn refuses_truncated_and_garbled_office_files() {
        for (kind, bytes) in office_samples() {
            for len in 0..bytes.len() {
                assert_eq!(
                    DocumentKind::sniff(&bytes[..len]),
                    None,
                    "{kind} cut to {len}"
                );
            }
            // Trailing bytes after the end record.
            let padded = [&bytes[..], b"\0"].concat();
            assert_eq!(DocumentKind::sniff(&padded), None, "{kind} padded");
            // The central directory offset off by one.
            let mut garbled = bytes.clone();
            let at = garbled.len() - 6;
            garbled[at] = garbled[at].wrapping_add(1);
            assert_eq!(DocumentKind::sniff(&garbled), None, "{kind} garbled");
        }
    }

    #[test]
    fn office_files_are_checked_against_the_callers_list() {
        let docx = ooxml("word");
        assert_eq!(
            check(&docx, 10_000, &[DocumentKind::Pdf]),
            Err(Rejected::NotAllowed {
                allowed: vec![DocumentKind::Pdf]
            })
        );
        assert_eq!(
            check(&docx, docx.len() - 1, &DocumentKind::ALL),
            Err(Rejected::TooLarge {
                max: docx.len() - 1
            })
        );
        assert_eq!(
            check(&docx, 10_000, &DocumentKind::ALL),
            Ok(DocumentKind::Docx)
        );
    }

    #[test]
    fn not_allowed_names_office_documents() {
        let message = |allowed: &[DocumentKind]| {
            Rejected::NotAllowed {
                allowed: allowed.to_vec(),
            }
            .to_string()
        };
        assert_eq!(
            message(&DocumentKind::ALL),
            "le fichier n'est ni un PDF, ni un document bureautique \
             (DOCX, XLSX, PPTX, ODT, ODS, ODP), ni une image (PNG, JPEG, WebP)"
        );
        assert_eq!(
            message(&[DocumentKind::Webp, DocumentKind::Odt, DocumentKind::Pdf]),
            "le fichier n'est ni un PDF, ni un document bureautique (ODT), ni une image (WebP)"
        );
        let pdf_and_office = [&[DocumentKind::Pdf][..], &DocumentKind::OFFICE].concat();
        assert_eq!(
            message(&pdf_and_office),
            "le fichier n'est ni un PDF ni un document bureautique \
             (DOCX, XLSX, PPTX, ODT, ODS, ODP)"
        );
        assert_eq!(
            message(&[DocumentKind::Ods, DocumentKind::Xlsx]),
            "le fichier n'est pas un document bureautique (XLSX, ODS)"
        );
        assert_eq!(
            message(&[DocumentKind::Docx, DocumentKind::Png]),
            "le fichier n'est ni un document bureautique (DOCX) ni une image (PNG)"
        );
    }

    /// Stands for an upload whose name the sender chose: the API takes no
    /// name, so a `.pdf` name cannot make PNG bytes a PDF.
    struct Upload<'a> {
        name: &'a str,
        bytes: &'a [u8],
    }

    #[test]
    fn the_name_is_irrelevant() {
        let upload = Upload {
            name: "cv.pdf",
            bytes: PNG,
        };
        assert_eq!(
            DocumentKind::sniff(upload.bytes),
            Some(DocumentKind::Png),
            "{}",
            upload.name
        );
        assert!(matches!(
            check(upload.bytes, 1_000, &[DocumentKind::Pdf]),
            Err(Rejected::NotAllowed { .. })
        ));
    }

    proptest! {
        #[test]
        fn sniff_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = DocumentKind::sniff(&bytes);
        }

        #[test]
        fn check_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64), max in 0usize..80) {
            let _ = check(&bytes, max, &DocumentKind::ALL);
        }

        /// Whatever follows a PNG signature, and whatever the file is
        /// called, the bytes decide.
        #[test]
        fn png_bytes_stay_png(tail in proptest::collection::vec(any::<u8>(), 0..64), name in "[a-z]{1,8}\\.pdf") {
            let upload = Upload { name: &name, bytes: &[PNG, &tail].concat() };
            prop_assert_eq!(DocumentKind::sniff(upload.bytes), Some(DocumentKind::Png), "{}", upload.name);
        }

        /// A ZIP local header, then anything, then something shaped like an
        /// End Of Central Directory record pointing anywhere.
        #[test]
        fn sniff_never_panics_on_zip_lookalikes(
            body in proptest::collection::vec(any::<u8>(), 0..256),
            entries in any::<u16>(),
            size in prop_oneof![any::<u32>(), 0u32..300],
            offset in prop_oneof![any::<u32>(), 0u32..300],
            comment in proptest::collection::vec(any::<u8>(), 0..8),
            tail in proptest::collection::vec(any::<u8>(), 0..4),
        ) {
            let eocd = eocd(entries, size, offset, &comment);
            let bytes = [&b"PK\x03\x04"[..], &body, &eocd].concat();
            let _ = DocumentKind::sniff(&bytes);
            let _ = check(&bytes, usize::MAX, &DocumentKind::ALL);
            let _ = DocumentKind::sniff(&[&bytes[..], &tail].concat());
        }

        /// Overwriting any byte of a real office file never panics, and
        /// whatever it sniffs as is an office kind or nothing.
        #[test]
        fn mangled_office_files_stay_office_or_nothing(
            sample in 0usize..6,
            at in any::<prop::sample::Index>(),
            value in any::<u8>(),
        ) {
            let (_, mut bytes) = office_samples().swap_remove(sample);
            let at = at.index(bytes.len());
            bytes[at] = value;
            if let Some(kind) = DocumentKind::sniff(&bytes) {
                prop_assert!(kind.is_office(), "{kind}");
            }
        }

        #[test]
        fn sniff_never_panics_after_a_zip_signature(
            bytes in proptest::collection::vec(any::<u8>(), 0..256),
        ) {
            let _ = DocumentKind::sniff(&[&b"PK\x03\x04"[..], &bytes].concat());
        }

        #[test]
        fn sniffed_kind_is_a_prefix_match(prefix in prop::sample::select(vec![PDF, PNG, JPEG, WEBP]), tail in proptest::collection::vec(any::<u8>(), 0..32)) {
            let bytes = [prefix, &tail].concat();
            prop_assert_eq!(DocumentKind::sniff(&bytes), DocumentKind::sniff(prefix));
        }
    }
}
