//! The European DigComp 2.2 framework, as data inside the binary: 5 areas, 21 competences and
//! 8 proficiency levels in 4 groups, with titles and plain-language descriptions in French,
//! Dutch and English (other languages fall back to English).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

/// Text in several languages, keyed by language code.
pub type Texts = BTreeMap<String, String>;

/// One of the five areas.
#[derive(Debug, Deserialize)]
pub struct Area {
    /// "1" to "5".
    pub id: String,
    /// Official title.
    pub title: Texts,
    /// One plain sentence.
    pub description: Texts,
}

/// One of the 21 competences.
#[derive(Debug, Deserialize)]
pub struct Competence {
    /// "1.1" to "5.4".
    pub id: String,
    /// The id of its area.
    pub area: String,
    /// Official title.
    pub title: Texts,
    /// A short everyday label for badges.
    pub short: Texts,
    /// One plain sentence.
    pub description: Texts,
}

/// A group of two proficiency levels (Foundation, Intermediate...).
#[derive(Debug, Deserialize)]
pub struct Group {
    /// "foundation", "intermediate", "advanced" or "highly-specialised".
    pub id: String,
    /// The levels it holds.
    pub levels: Vec<u8>,
    /// Its name.
    pub title: Texts,
}

/// One of the 8 proficiency levels.
#[derive(Debug, Deserialize)]
pub struct Level {
    /// 1 to 8.
    pub level: u8,
    /// The id of its group.
    pub group: String,
    /// What a person at this level can do, in one plain sentence.
    pub description: Texts,
}

/// The whole framework.
#[derive(Debug, Deserialize)]
pub struct Framework {
    /// The 5 areas, in order.
    pub areas: Vec<Area>,
    /// The 21 competences, in order.
    pub competences: Vec<Competence>,
    /// The 4 groups of levels.
    pub groups: Vec<Group>,
    /// The 8 levels.
    pub levels: Vec<Level>,
}

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| {
    let parsed =
        crate::base::yaml::parse(include_str!("digcomp.yaml"), Path::new("digcomp.yaml"), 1);
    let problems = parsed.problems;
    parsed
        .value
        .unwrap_or_else(|| unreachable!("the embedded DigComp data is valid YAML: {}", problems[0]))
});

/// The framework, parsed on first use.
pub fn framework() -> &'static Framework {
    &FRAMEWORK
}

/// The lowest and highest proficiency level.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=8;

/// Picks the text of `lang`, falling back to English.
pub fn text<'a>(texts: &'a Texts, lang: &str) -> &'a str {
    texts
        .get(lang)
        .or_else(|| texts.get("en"))
        .map(String::as_str)
        .unwrap_or_default()
}

/// "Fondamental 2", "Intermediate 3": a level in words.
pub fn level_label(level: u8, lang: &str) -> String {
    match framework().group_of(level) {
        Some(group) => format!("{} {level}", text(&group.title, lang)),
        None => level.to_string(),
    }
}

impl Framework {
    /// The competence with this id.
    pub fn competence(&self, id: &str) -> Option<&Competence> {
        self.competences.iter().find(|c| c.id == id)
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The level with this number.
    pub fn level(&self, level: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The group a level belongs to.
    pub fn group_of(&self, level: u8) -> Option<&Group> {
        self.groups.iter().find(|g| g.levels.contains(&level))
    }

    /// The competences of an area, in order.
    pub fn competences_of<'a>(
        &'a self,
        area: &'a str,
    ) -> impl Iterator<Item = &'a Competence> + 'a {
        self.competences.iter().filter(move |c| c.area == area)
    }

    /// Advice for an unknown competence id: the closest ids, or the range of its area.
    pub fn suggest(&self, unknown: &str) -> String {
        let area = unknown.split('.').next().unwrap_or_default();
        let in_area: Vec<&str> = self.competences_of(area).map(|c| c.id.as_str()).collect();
        if let (Some(first), Some(last)) = (in_area.first(), in_area.last())
            && unknown.contains('.')
        {
            return format!(
                "area {area} has the competences {first} to {last}; did you mean {}?",
                self.closest(unknown)
            );
        }
        format!(
            "did you mean {}? DigComp 2.2 ids go from 1.1 to 5.4 (areas 1 to 5)",
            self.closest(unknown)
        )
    }

    fn closest(&self, unknown: &str) -> &str {
        self.competences
            .iter()
            .min_by_key(|c| strsim::levenshtein(&c.id, unknown))
            .map_or("1.1", |c| c.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_framework_is_complete_in_three_languages() {
        let f = framework();
        assert_eq!(f.areas.len(), 5);
        assert_eq!(f.competences.len(), 21);
        assert_eq!(f.levels.len(), 8);
        assert_eq!(f.groups.len(), 4);
        for c in &f.competences {
            assert!(f.area(&c.area).is_some(), "{}", c.id);
            for lang in ["fr", "nl", "en"] {
                assert!(!text(&c.title, lang).is_empty(), "{} {lang}", c.id);
                assert!(
                    text(&c.short, lang).chars().count() <= 28,
                    "{} {lang}",
                    c.id
                );
                assert!(!text(&c.description, lang).is_empty(), "{} {lang}", c.id);
            }
        }
        for level in LEVELS {
            assert!(f.level(level).is_some());
            assert!(f.group_of(level).is_some());
        }
    }

    #[test]
    fn official_titles_are_there() {
        let c = framework().competence("2.5").unwrap();
        assert_eq!(text(&c.title, "en"), "Netiquette");
        assert_eq!(text(&framework().area("4").unwrap().title, "en"), "Safety");
        assert_eq!(text(&c.title, "de"), "Netiquette", "falls back to English");
    }

    #[test]
    fn unknown_ids_get_a_suggestion() {
        let f = framework();
        assert!(f.competence("4.7").is_none());
        let hint = f.suggest("4.7");
        assert!(hint.contains("4.1 to 4.4"), "{hint}");
        assert!(
            f.suggest("41").contains("did you mean 4.1"),
            "{}",
            f.suggest("41")
        );
    }
}
