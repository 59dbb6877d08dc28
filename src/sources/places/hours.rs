//! Opening hours: rules of days and times, as authors write them in YAML
//! (`mo-fr: "09:00-12:00, 14:00-17:30"`) or in one spreadsheet cell
//! (`mo-fr 09:00-12:00,14:00-17:30; sa 10:00-12:00`).
//!
//! Days are the two-letter codes of OpenStreetMap (`mo tu we th fr sa su`) or full day names
//! in English, French or Dutch, in ranges (`mo-fr`) and lists (`mo,we`); times are `09:00`,
//! `9:00` or `9h`, `9h30`; `closed` (or `off`, `fermé`, `gesloten`) closes the days named. A
//! later rule replaces the hours of the days it names, so `mo-fr` then `we` works as read.

use serde::Serialize;

use super::spot::Spot;
use crate::base::diagnostic::{Checked, Diagnostics};

/// One opening: a day (0 = Monday … 6 = Sunday) and a time range in minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Opening {
    /// 0 = Monday … 6 = Sunday.
    pub day: u8,
    /// When it opens, in minutes since midnight.
    pub opens: u16,
    /// When it closes, in minutes since midnight (up to 1440).
    pub closes: u16,
}

/// The English names of the days, from Monday, as schema.org names them.
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// How days may be written, by day from Monday: codes and names in English, French, Dutch.
const DAY_WORDS: [&[&str]; 7] = [
    &["mo", "monday", "lundi", "maandag"],
    &["tu", "tuesday", "mardi", "dinsdag"],
    &["we", "wednesday", "mercredi", "woensdag"],
    &["th", "thursday", "jeudi", "donderdag"],
    &["fr", "friday", "vendredi", "vrijdag"],
    &["sa", "saturday", "samedi", "zaterdag"],
    &["su", "sunday", "dimanche", "zondag"],
];

/// Words that close the days of a rule.
const CLOSED: [&str; 4] = ["closed", "off", "fermé", "gesloten"];

/// The hint given with every malformed rule.
pub const HINT: &str = "write the days (`mo-fr`, `sa`, `lundi`, `mo,we`) then the times (`09:00-12:00, 14:00-17:30`, or `closed`), such as `mo-fr: \"09:00-12:00, 14:00-17:30\"`";

/// Opening hours being read: where they are written and, for one rule, how, so that each
/// problem says which hours are malformed and why.
struct Reading<'a> {
    at: Spot<'a>,
    /// `` `mo-fr: 09:00-12:00` `` with a space before it for one rule, empty for a cell.
    rule: String,
}

impl Reading<'_> {
    /// Nothing read, because of `message`.
    fn malformed<T>(&self, message: String) -> Checked<Option<T>> {
        let message = format!("malformed opening hours{}: {message}", self.rule);
        Checked::failed(self.at.error(message).with_hint(HINT))
    }
}

/// Applies one rule (`days` such as `mo-fr`, `times` such as `09:00-12:00, 14:00-17:00`),
/// written `at` a line of a place's file, to `hours`: the days it names get these times
/// instead of earlier ones. A malformed rule changes nothing and is reported.
pub fn apply(hours: &mut Vec<Opening>, days: &str, times: &str, at: Spot<'_>) -> Checked<()> {
    let reading = Reading {
        at,
        rule: format!(" `{days}: {times}`"),
    };
    let mut problems = Diagnostics::new();
    let Some(days) = problems.take(parse_days(days, &reading)) else {
        return Checked::new((), problems);
    };
    let Some(ranges) = problems.take(parse_times(times, &reading)) else {
        return Checked::new((), problems);
    };
    hours.retain(|o| !days.contains(&o.day));
    for &day in &days {
        hours.extend(
            ranges
                .iter()
                .map(|&(opens, closes)| Opening { day, opens, closes }),
        );
    }
    hours.sort();
    Checked::new((), problems)
}

/// Splits the rules of one spreadsheet cell (`mo-fr 09:00-12:00; sa 10:00-12:00`), written
/// `at` a row of a spreadsheet, into their days and times.
pub fn split_rules(cell: &str, at: Spot<'_>) -> Checked<Option<Vec<(String, String)>>> {
    let reading = Reading {
        at,
        rule: String::new(),
    };
    let mut rules = Vec::new();
    for rule in cell
        .split(';')
        .map(str::trim)
        .filter(|rule| !rule.is_empty())
    {
        let cut = rule
            .find(|c: char| c.is_ascii_digit())
            .or_else(|| {
                let lower = rule.to_lowercase();
                CLOSED.iter().filter_map(|w| lower.rfind(w)).min()
            })
            .filter(|&cut| cut > 0);
        let Some(cut) = cut else {
            return reading.malformed(format!("`{rule}` needs days, then times"));
        };
        rules.push((
            rule[..cut].trim().to_string(),
            rule[cut..].trim().to_string(),
        ));
    }
    Checked::ok(Some(rules))
}

/// The days a rule names, from Monday = 0.
fn parse_days(text: &str, reading: &Reading) -> Checked<Option<Vec<u8>>> {
    let mut days = Vec::new();
    let mut problems = Diagnostics::new();
    for part in text.split(',').map(str::trim) {
        let (from, to) = part.split_once('-').unwrap_or((part, part));
        let Some(from) = problems.take(day(from, reading)) else {
            return Checked::failed_with(problems);
        };
        let Some(to) = problems.take(day(to, reading)) else {
            return Checked::failed_with(problems);
        };
        let mut at = from;
        loop {
            days.push(at);
            if at == to {
                break;
            }
            at = (at + 1) % 7;
        }
    }
    days.sort_unstable();
    days.dedup();
    Checked::new(Some(days), problems)
}

/// The day (Monday = 0) a word names.
fn day(word: &str, reading: &Reading) -> Checked<Option<u8>> {
    let word = word.trim().to_lowercase();
    match DAY_WORDS
        .iter()
        .position(|words| words.contains(&word.as_str()))
    {
        Some(day) => Checked::ok(Some(day as u8)),
        None => reading.malformed(format!("`{word}` is not a day")),
    }
}

/// The time ranges of a rule; none for a closed day.
fn parse_times(text: &str, reading: &Reading) -> Checked<Option<Vec<(u16, u16)>>> {
    if CLOSED.contains(&text.trim().to_lowercase().as_str()) {
        return Checked::ok(Some(Vec::new()));
    }
    let mut ranges = Vec::new();
    let mut problems = Diagnostics::new();
    for range in text.split(',').map(str::trim) {
        let Some((opens, closes)) = range.split_once('-') else {
            return reading.malformed(format!("`{range}` is not a time range such as 09:00-12:00"));
        };
        let Some(opens) = problems.take(time(opens, reading)) else {
            return Checked::failed_with(problems);
        };
        let Some(closes) = problems.take(time(closes, reading)) else {
            return Checked::failed_with(problems);
        };
        if closes <= opens {
            return reading.malformed(format!("`{range}` closes before it opens"));
        }
        ranges.push((opens, closes));
    }
    Checked::new(Some(ranges), problems)
}

/// Minutes since midnight of `09:00`, `9:00`, `9h`, `9h30`, or `24:00`.
fn time(text: &str, reading: &Reading) -> Checked<Option<u16>> {
    let text = text.trim();
    let (hours, minutes) = text.split_once([':', 'h', 'H', '.']).unwrap_or((text, ""));
    let minutes = match minutes {
        "" => Some(0),
        m if m.len() == 2 => m.parse::<u16>().ok(),
        _ => None,
    };
    match (hours.parse::<u16>().ok(), minutes) {
        (Some(hours), Some(minutes))
            if (hours < 24 && minutes <= 59) || (hours, minutes) == (24, 0) =>
        {
            Checked::ok(Some(hours * 60 + minutes))
        }
        _ => reading.malformed(format!("`{text}` is not a time such as 09:00")),
    }
}

/// `09:00` for 540 minutes.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Spot<'static> {
        Spot {
            file: std::path::Path::new("places/a.yaml"),
            line: 1,
            row: None,
        }
    }

    /// The hours of `rules`, or nothing when one is malformed.
    fn hours(rules: &[(&str, &str)]) -> Checked<Option<Vec<Opening>>> {
        let mut hours = Vec::new();
        for (days, times) in rules {
            let applied = apply(&mut hours, days, times, at());
            if applied.has_errors() {
                return Checked::failed_with(applied.problems);
            }
        }
        Checked::ok(Some(hours))
    }

    /// The message of the first malformed rule of `rules`.
    fn error(rules: &[(&str, &str)]) -> String {
        let checked = hours(rules);
        assert!(checked.value.is_none(), "{rules:?} are well formed");
        checked.problems[0].message.clone()
    }

    #[test]
    fn days_and_times_are_read_in_every_form() {
        let week = hours(&[("mo-fr", "09:00-12:00, 14h-17h30")]).value.unwrap();
        assert_eq!(week.len(), 10);
        assert_eq!(
            week[1],
            Opening {
                day: 0,
                opens: 840,
                closes: 1050
            }
        );
        let names = hours(&[("Lundi, mercredi", "9h-12h"), ("zaterdag", "10:00-24:00")])
            .value
            .unwrap();
        let days: Vec<u8> = names.iter().map(|o| o.day).collect();
        assert_eq!(days, [0, 2, 5]);
        assert_eq!(names[2].closes, 1440);
        let wrapping = hours(&[("sa-mo", "10:00-11:00")]).value.unwrap();
        assert_eq!(
            wrapping.iter().map(|o| o.day).collect::<Vec<_>>(),
            [0, 5, 6]
        );
    }

    #[test]
    fn a_later_rule_replaces_the_days_it_names() {
        let week = hours(&[("mo-fr", "09:00-17:00"), ("we", "closed")])
            .value
            .unwrap();
        assert_eq!(week.len(), 4);
        assert!(week.iter().all(|o| o.day != 2));
    }

    #[test]
    fn malformed_rules_say_what_is_wrong() {
        assert!(error(&[("mo-fx", "09:00-12:00")]).contains("`fx` is not a day"));
        assert!(hours(&[("mo", "9-12")]).value.is_some());
        assert!(error(&[("mo", "25:00-26:00")]).contains("not a time"));
        assert!(error(&[("mo", "14:00-09:00")]).contains("closes before it opens"));
        assert!(error(&[("mo", "09:00")]).contains("not a time range"));
        assert!(hours(&[("mo", "9:5-10:00")]).value.is_none());
    }

    #[test]
    fn spreadsheet_cells_split_into_rules() {
        let rules = split_rules(
            "mo-fr 09:00-12:00,14:00-17:00; sa 10:00-12:00; su closed",
            at(),
        )
        .value
        .unwrap();
        assert_eq!(
            rules,
            [
                ("mo-fr".to_string(), "09:00-12:00,14:00-17:00".to_string()),
                ("sa".to_string(), "10:00-12:00".to_string()),
                ("su".to_string(), "closed".to_string()),
            ]
        );
        assert!(split_rules("09:00-12:00", at()).value.is_none());
        assert_eq!(clock(545), "09:05");
    }
}
