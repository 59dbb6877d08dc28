//! A booklet's page numbers. Typst lays out their pieces once, each on a page the size of its
//! text at the end of the booklet's skeleton: a label (the booklet's title), then the digits 0
//! to 9 in figures of one width. Every page but the cover draws its number from these pieces,
//! as forms, at its top right: however many pages a booklet has, its numbers cost eleven small
//! pages of layout.

use super::objects::{Dict, Object};

/// How many pages of pieces end the skeleton: the label, then the ten digits.
pub(super) const PIECES: usize = 11;

/// The distance of a page number from the right edge of the page, in points (17 mm, the
/// pages' side margin).
const RIGHT: f64 = 48.19;

/// The distance of a page number from the top edge of the page, in points (8 mm).
const TOP: f64 = 22.68;

/// One piece of a page number: its form, and the size of its page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece {
    /// The object number of its form.
    pub form: u32,
    /// Width and height, in points.
    pub width: f64,
    pub height: f64,
}

impl Piece {
    /// The piece of a page of size `media_box` (`[0 0 w h]`) written as form `form`.
    pub(super) fn new(form: u32, media_box: Option<&Object>) -> Option<Piece> {
        let Some(Object::Array(corners)) = media_box else {
            return None;
        };
        let corner = |i: usize| -> Option<f64> {
            match corners.get(i)? {
                Object::Number(raw) => std::str::from_utf8(raw).ok()?.parse().ok(),
                _ => None,
            }
        };
        Some(Piece {
            form,
            width: corner(2)? - corner(0)?,
            height: corner(3)? - corner(1)?,
        })
    }
}

/// The pieces of a booklet's page numbers.
pub(super) struct Numbers {
    pub label: Piece,
    pub digits: [Piece; 10],
}

impl Numbers {
    /// The forms a page showing `number` uses, by the name its content stream gives them.
    pub(super) fn resources(&self, number: usize) -> Dict {
        let mut forms = Dict::default();
        forms.set("PcLabel", Object::Ref(self.label.form));
        for digit in digits(number) {
            let name = format!("Pc{digit}");
            forms.set(&name, Object::Ref(self.digits[digit].form));
        }
        forms
    }

    /// The content that draws `number` at the top right of a page `width` by `height`
    /// points, the graphics state as the page's own content found it.
    pub(super) fn stream(&self, number: usize, width: f64, height: f64) -> Vec<u8> {
        let digits = digits(number);
        let digit_width = self.digits[0].width;
        let right = width - RIGHT;
        let left = right - self.label.width - digit_width * digits.len() as f64;
        let bottom = height - TOP - self.label.height;
        let mut stream = format!("q 1 0 0 1 {left:.3} {bottom:.3} cm /PcLabel Do Q\n");
        for (index, digit) in digits.iter().enumerate() {
            let x = left + self.label.width + digit_width * index as f64;
            stream.push_str(&format!(
                "q 1 0 0 1 {x:.3} {bottom:.3} cm /Pc{digit} Do Q\n"
            ));
        }
        stream.into_bytes()
    }
}

/// The decimal digits of `number`.
fn digits(number: usize) -> Vec<usize> {
    number
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(form: u32, width: f64) -> Piece {
        Piece {
            form,
            width,
            height: 10.0,
        }
    }

    #[test]
    fn a_number_is_its_label_then_its_digits_ending_at_the_right_margin() {
        let numbers = Numbers {
            label: piece(100, 50.0),
            digits: std::array::from_fn(|d| piece(d as u32, 6.0)),
        };
        let stream = String::from_utf8(numbers.stream(37, 600.0, 800.0)).unwrap();
        let lines: Vec<&str> = stream.lines().collect();
        let bottom = 800.0 - TOP - 10.0;
        let left = 600.0 - RIGHT - 62.0;
        assert_eq!(
            lines[0],
            format!("q 1 0 0 1 {left:.3} {bottom:.3} cm /PcLabel Do Q")
        );
        assert!(lines[1].ends_with("/Pc3 Do Q") && lines[2].ends_with("/Pc7 Do Q"));
        assert_eq!(lines.len(), 3);
        let forms = numbers.resources(37);
        assert_eq!(forms.get("Pc7"), Some(&Object::Ref(7)));
        assert_eq!(forms.get("Pc5"), None);
        assert_eq!(digits(105), [1, 0, 5]);
    }

    #[test]
    fn a_piece_takes_the_size_of_its_page() {
        let media_box = Object::Array(
            ["0", "0", "31.5", "14"]
                .map(|n| Object::Number(n.as_bytes().to_vec()))
                .to_vec(),
        );
        let piece = Piece::new(3, Some(&media_box)).unwrap();
        assert_eq!((piece.width, piece.height), (31.5, 14.0));
        assert!(Piece::new(3, None).is_none());
    }
}
