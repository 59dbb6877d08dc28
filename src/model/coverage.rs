//! How well the courses cover DigComp 2.2: for each competence, the courses of each language
//! and the levels they aim at.

use super::site::Site;
use crate::sources::digcomp;

/// The coverage of one competence.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its id, such as "1.1".
    pub id: String,
    /// The id of its area.
    pub area: String,
    /// Courses teaching it, per language of the site (in the site's order).
    pub courses: Vec<usize>,
    /// Per language: courses by level, index 0 for courses that state no level.
    pub levels: Vec<[usize; 9]>,
}

/// The coverage of every competence, in the framework's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The languages of the site, in order.
    pub languages: Vec<String>,
    /// One row per competence.
    pub rows: Vec<Row>,
}

impl Coverage {
    /// Counts the courses of `site`.
    pub fn of(site: &Site) -> Coverage {
        let languages: Vec<String> = site.languages.iter().map(|l| l.code.clone()).collect();
        let rows = digcomp::framework()
            .competences
            .iter()
            .map(|c| {
                let mut row = Row {
                    id: c.id.clone(),
                    area: c.area.clone(),
                    courses: Vec::new(),
                    levels: Vec::new(),
                };
                for lang in &languages {
                    let courses = site.courses_teaching(lang, &c.id);
                    let mut levels = [0; 9];
                    for &page in courses {
                        let level = site.pages[page]
                            .front
                            .competences
                            .iter()
                            .find(|r| r.id == c.id)
                            .and_then(|r| r.level);
                        levels[usize::from(level.unwrap_or(0))] += 1;
                    }
                    row.courses.push(courses.len());
                    row.levels.push(levels);
                }
                row
            })
            .collect();
        Coverage { languages, rows }
    }

    /// The competences no course teaches in some language, with those languages.
    pub fn gaps(&self) -> Vec<(&str, Vec<&str>)> {
        self.rows
            .iter()
            .filter_map(|row| {
                let missing: Vec<&str> = row
                    .courses
                    .iter()
                    .zip(&self.languages)
                    .filter(|(n, _)| **n == 0)
                    .map(|(_, lang)| lang.as_str())
                    .collect();
                (!missing.is_empty()).then_some((row.id.as_str(), missing))
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Two competences in two languages, one without a Dutch course.
    pub(crate) fn sample() -> Coverage {
        Coverage {
            languages: vec!["fr".into(), "nl".into()],
            rows: vec![
                Row {
                    id: "1.1".into(),
                    area: "1".into(),
                    courses: vec![2, 1],
                    levels: vec![[0, 1, 1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0]],
                },
                Row {
                    id: "1.2".into(),
                    area: "1".into(),
                    courses: vec![1, 0],
                    levels: vec![[0, 0, 1, 0, 0, 0, 0, 0, 0], [0; 9]],
                },
            ],
        }
    }

    #[test]
    fn gaps_name_the_languages_without_a_course() {
        assert_eq!(sample().gaps(), [("1.2", vec!["nl"])]);
    }
}
