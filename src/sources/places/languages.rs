//! The languages a place may speak, named in themselves, so that a reader finds their own
//! language whatever the page's language ("العربية" on the French page too).

/// ISO 639 codes with the name of the language in itself: the languages most spoken by
/// people helped in France and Belgium. A site adds others in `places/directory.yaml`.
const BUILT_IN: [(&str, &str); 30] = [
    ("ar", "العربية"),
    ("ber", "Tamaziɣt"),
    ("bg", "Български"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("hy", "Հայերեն"),
    ("it", "Italiano"),
    ("ka", "ქართული"),
    ("ku", "Kurdî"),
    ("ln", "Lingála"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("ps", "پښتو"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sq", "Shqip"),
    ("ta", "தமிழ்"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("wo", "Wolof"),
    ("zh", "中文"),
    ("bm", "Bamanankan"),
];

/// The name of a built-in language in itself.
pub(super) fn built_in(code: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, name)| *name)
}

/// The codes of the built-in languages, for hints.
pub(super) fn codes() -> String {
    let mut codes: Vec<&str> = BUILT_IN.iter().map(|(code, _)| *code).collect();
    codes.sort_unstable();
    codes.join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = super::BUILT_IN.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), super::BUILT_IN.len());
        assert_eq!(super::built_in("ar"), Some("العربية"));
    }
}
