//! QR codes of tickets, drawn as inline SVG (no image file, no script):
//! the organiser's phone reads it at the door and opens the check-in page
//! with the registration's code filled in.

use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` as an `<svg>` element described by `label`; an
/// empty string if the text is too long to encode (the short code printed
/// beside it still works).
pub(crate) fn svg(text: &str, label: &str) -> String {
    let Ok(code) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let size = code.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let full = size + 2 * border;
    // The label is escaped by the templates' own escaper.
    let Ok(label) = askama::filters::escape(label, askama::filters::Html);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" width=\"200\" height=\"200\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        label
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_an_accessible_svg() {
        let svg = svg(
            "https://campus.test/evenements/forum/pointage?code=ABCD2345",
            "Code <ABCD2345>",
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-label=\"Code &#60;ABCD2345&#62;\""));
        assert!(svg.contains("M4,4h1v1h-1z"), "finder pattern in the corner");
    }
}
