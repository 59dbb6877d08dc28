//! QR codes as SVG, so that a learner can go from the paper to the page online.

use qrcodegen::{QrCode, QrCodeEcc};

/// An SVG drawing of a QR code for `text`, black on white, with its quiet zone.
pub(super) fn svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let size = code.size() + border * 2;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_a_square_svg() {
        let svg = svg("https://example.org/fr/securite/mots-de-passe-solides/").unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(
            svg.contains("viewBox=\"0 0 41 41\"") || svg.contains("viewBox=\"0 0 45 45\""),
            "{}",
            &svg[..80]
        );
    }
}
