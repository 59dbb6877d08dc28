//! Raster images beside pages (PNG, JPEG, WebP): their size in pixels, smaller copies for
//! small screens (`photo-480w.jpg`), and how heavy is too heavy for a slow connection.

use std::io::Cursor;
use std::path::Path;

use image::imageops::FilterType;
use image::{ImageFormat, ImageReader};

use crate::base::diagnostic::{Checked, Diagnostic};

/// The widths of the smaller copies, in pixels; an image gets those narrower than itself.
pub const WIDTHS: [u32; 2] = [480, 960];
/// Beyond this many bytes an image is reported as heavy.
pub const HEAVY_BYTES: u64 = 500 * 1024;
/// Beyond this many pixels wide an image is reported as too large.
pub const WIDEST: u32 = 2400;

/// What the build knows of a raster image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Weight of the file in bytes.
    pub bytes: u64,
}

impl Size {
    /// The widths of the smaller copies this image gets.
    pub fn variants(&self) -> impl Iterator<Item = u32> + '_ {
        WIDTHS.into_iter().filter(|w| *w < self.width)
    }

    /// Whether it is heavier or larger than a page needs.
    pub fn is_oversized(&self) -> bool {
        self.bytes > HEAVY_BYTES || self.width > WIDEST
    }
}

/// The format of a raster image the build resizes, from its file name.
fn format_of(path: &str) -> Option<ImageFormat> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "png" => Some(ImageFormat::Png),
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        "webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// The size of a raster image, read from its header; `None` for other files or unreadable ones.
pub fn size(file: &Path) -> Option<Size> {
    format_of(&file.to_string_lossy())?;
    let bytes = std::fs::metadata(file).ok()?.len();
    let (width, height) = ImageReader::open(file)
        .ok()?
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()?;
    Some(Size {
        width,
        height,
        bytes,
    })
}

/// What a worksheet needs of an image beside a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    /// Width in pixels (1 when it cannot be read).
    pub width: u32,
    /// Height in pixels (1 when it cannot be read).
    pub height: u32,
    /// Its true format, as Typst names it, when its name says another one (a PNG saved as
    /// `photo.jpg`, which browsers show but a worksheet could not decode).
    pub misnamed: Option<&'static str>,
}

/// What a worksheet needs of the image `file`, read from its header once; `None` for files
/// that are neither SVG nor a raster image of a known name, or unreadable ones.
pub fn printed(file: &Path) -> Option<Printed> {
    if let Some((width, height)) = svg_size(file) {
        return Some(Printed {
            width,
            height,
            misnamed: None,
        });
    }
    let named = format_of(&file.to_string_lossy()).or_else(|| {
        file.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gif"))
            .then_some(ImageFormat::Gif)
    })?;
    let reader = ImageReader::open(file).ok()?.with_guessed_format().ok()?;
    let found = reader.format()?;
    let (width, height) = reader.into_dimensions().unwrap_or((1, 1));
    let misnamed = match found {
        _ if found == named => None,
        ImageFormat::Png => Some("png"),
        ImageFormat::Jpeg => Some("jpg"),
        ImageFormat::Gif => Some("gif"),
        ImageFormat::WebP => Some("webp"),
        _ => None,
    };
    Some(Printed {
        width,
        height,
        misnamed,
    })
}

/// The size an SVG file declares, for the width and height of its `<img>`: its `width` and
/// `height` in pixels, else its `viewBox`. `None` for other files.
pub fn svg_size(file: &Path) -> Option<(u32, u32)> {
    if !file.extension()?.eq_ignore_ascii_case("svg") {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let pixels = |value: &str| {
        let number: f64 = value.trim().trim_end_matches("px").parse().ok()?;
        (number >= 1.0).then_some(number.round() as u32)
    };
    if let (Some(width), Some(height)) = (
        attribute("width").and_then(pixels),
        attribute("height").and_then(pixels),
    ) {
        return Some((width, height));
    }
    let view: Vec<&str> = attribute("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .collect();
    match view[..] {
        [_, _, width, height] => Some((pixels(width)?, pixels(height)?)),
        _ => None,
    }
}

/// The path (or URL) of the copy `width` pixels wide: `photo.jpg` becomes `photo-480w.jpg`.
pub fn variant_path(path: &str, width: u32) -> String {
    match path.rsplit_once('.') {
        Some((stem, extension)) if !extension.contains('/') => {
            format!("{stem}-{width}w.{extension}")
        }
        _ => format!("{path}-{width}w"),
    }
}

/// A copy of the image `width` pixels wide, its proportions kept, in its own format; `None`
/// with a warning on `shown` (the image's file as authors know it) when it cannot be made.
pub fn resized(file: &Path, shown: &Path, width: u32) -> Checked<Option<Vec<u8>>> {
    let made = match format_of(&file.to_string_lossy()) {
        Some(format) => resize(file, format, width).map_err(|e| e.to_string()),
        None => Err("not a PNG, JPEG or WebP image".to_string()),
    };
    match made {
        Ok(bytes) => Checked::ok(Some(bytes)),
        Err(error) => Checked::failed(Diagnostic::warning(
            shown,
            format!("cannot make a copy {width} px wide: {error}"),
        )),
    }
}

/// The image `file` of `format` resized to `width` pixels, its proportions kept.
fn resize(file: &Path, format: ImageFormat, width: u32) -> image::ImageResult<Vec<u8>> {
    let image = ImageReader::open(file)?.with_guessed_format()?.decode()?;
    let height = (u64::from(image.height()) * u64::from(width) / u64::from(image.width().max(1)))
        .max(1) as u32;
    let small = image.resize_exact(width, height, FilterType::CatmullRom);
    let small = match format {
        ImageFormat::Jpeg => image::DynamicImage::ImageRgb8(small.to_rgb8()),
        _ => small,
    };
    let mut bytes = Cursor::new(Vec::new());
    small.write_to(&mut bytes, format)?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_sit_beside_the_image() {
        assert_eq!(variant_path("photos/chat.jpg", 480), "photos/chat-480w.jpg");
        assert_eq!(variant_path("../a.b/chat", 960), "../a.b/chat-960w");
    }

    #[test]
    fn an_image_gets_only_the_narrower_copies() {
        let size = |width| Size {
            width,
            height: 10,
            bytes: 1,
        };
        assert_eq!(size(400).variants().count(), 0);
        assert_eq!(size(800).variants().collect::<Vec<_>>(), [480]);
        assert_eq!(size(3000).variants().collect::<Vec<_>>(), [480, 960]);
        assert!(size(3000).is_oversized());
        assert!(!size(1600).is_oversized());
    }

    #[test]
    fn svg_sizes_come_from_width_and_height_or_the_view_box() {
        let dir = tempfile::tempdir().unwrap();
        let svg = |name: &str, tag: &str| {
            let file = dir.path().join(name);
            std::fs::write(
                &file,
                format!("<?xml version=\"1.0\"?>\n{tag}<rect/></svg>"),
            )
            .unwrap();
            svg_size(&file)
        };
        assert_eq!(
            svg("a.svg", r#"<svg width="480" height="300px">"#),
            Some((480, 300))
        );
        assert_eq!(
            svg("b.svg", r#"<svg width="100%" viewBox="0 0 64.4 32">"#),
            Some((64, 32))
        );
        assert_eq!(svg("c.svg", "<svg>"), None);
        assert_eq!(svg("d.png", r#"<svg width="1" height="1">"#), None);
    }

    #[test]
    fn resizes_and_measures_a_png() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("wide.png");
        image::RgbImage::new(1000, 500).save(&file).unwrap();
        let size = size(&file).unwrap();
        assert_eq!((size.width, size.height), (1000, 500));
        let small = resized(&file, &file, 480).value.unwrap();
        let small = image::load_from_memory(&small).unwrap();
        assert_eq!((small.width(), small.height()), (480, 240));
    }

    #[test]
    fn a_png_named_jpg_is_found_out() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("a.png");
        image::RgbImage::new(4, 4).save(&png).unwrap();
        let misnamed = |file: &Path| printed(file).and_then(|p| p.misnamed);
        assert_eq!(misnamed(&png), None);
        let named_jpg = dir.path().join("b.jpg");
        std::fs::copy(&png, &named_jpg).unwrap();
        assert_eq!(misnamed(&named_jpg), Some("png"));
        assert_eq!(misnamed(&dir.path().join("missing.jpg")), None);
        let shape = printed(&named_jpg).unwrap();
        assert_eq!((shape.width, shape.height), (4, 4));
    }
}
