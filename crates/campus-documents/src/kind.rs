//! What a stored file is, told from its first bytes, and the check an upload
//! passes before it is stored.
//!
//! The magic numbers are written here rather than taken from the `infer`
//! crate: the platform accepts four types whose signatures fit in a dozen
//! lines, and `infer` would recognise a hundred others only for us to reject
//! them. The file name and the browser's `Content-Type` are never consulted:
//! both are chosen by the sender, and a CV named `cv.pdf` that is really an
//! HTML page must not be served back as a PDF.

use std::fmt;

/// A file type the platform may store. Stored in a database column through
/// [`DocumentKind::as_str`] and read back with [`DocumentKind::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    Pdf,
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
    pub const ALL: [DocumentKind; 4] = [Self::Pdf, Self::Png, Self::Jpeg, Self::Webp];

    /// The type of `bytes`, from their signature at offset 0, or `None` for
    /// anything else. A PDF must start with `%PDF-` (readers tolerate junk
    /// before it, but a file that needs that tolerance is not one we want).
    pub fn sniff(bytes: &[u8]) -> Option<DocumentKind> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
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

    /// The `Content-Type` to serve the file with.
    pub fn mime(&self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
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
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
        }
    }

    /// The value kept in the database; stable, never translated.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
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

    /// The name a user knows the format by.
    fn label(&self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
            Self::Webp => "WebP",
        }
    }

    fn is_image(&self) -> bool {
        !matches!(self, Self::Pdf)
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

/// « le fichier n'est ni un PDF ni une image (PNG, JPEG, WebP) », built from
/// what the caller accepts.
fn not_allowed(allowed: &[DocumentKind]) -> String {
    let pdf = allowed.contains(&DocumentKind::Pdf);
    let images: Vec<&str> = DocumentKind::ALL
        .iter()
        .filter(|kind| kind.is_image() && allowed.contains(kind))
        .map(DocumentKind::label)
        .collect();
    let images = images.join(", ");
    match (pdf, images.is_empty()) {
        (true, false) => format!("le fichier n'est ni un PDF ni une image ({images})"),
        (true, true) => "le fichier n'est pas un PDF".to_owned(),
        (false, false) => format!("le fichier n'est pas une image ({images})"),
        (false, true) => "ce type de fichier n'est pas accepté".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            b"PK\x03\x04\x14\0\x06\0",    // a .docx
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
            message(&DocumentKind::ALL),
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

        #[test]
        fn sniffed_kind_is_a_prefix_match(prefix in prop::sample::select(vec![PDF, PNG, JPEG, WEBP]), tail in proptest::collection::vec(any::<u8>(), 0..32)) {
            let bytes = [prefix, &tail].concat();
            prop_assert_eq!(DocumentKind::sniff(&bytes), DocumentKind::sniff(prefix));
        }
    }
}
