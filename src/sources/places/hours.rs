//! Opening hours: rules of days and times, as authors write them in YAML
//! (`mo-fr: "09:00-12:00, 14:00-17:30"`) or in one spreadsheet cell
//! (`mo-fr 09:00-12:00,14:00-17:30; sa 10:00-12:00`).
//!
//! Days are the two-letter codes of OpenStreetMap (`mo tu we th fr sa su`) or full day names
//! in English, French or Dutch, in ranges (`mo-fr`) and lists (`mo,we`); times are `09:00`,
//! `9:00` or `9h`, `9h30`; `closed` (or `off`, `fermé`, `gesloten`) closes the days named. A
//! later rule replaces the hours of the days it names, so `mo-fr` then `we` works as read.

use serde::Serialize;

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

/// Applies one rule (`days` such as `mo-fr`, `times` such as `09:00-12:00, 14:00-17:00`) to
/// `hours`: the days it names get these times instead of earlier ones.
pub fn apply(hours: &mut Vec<Opening>, days: &str, times: &str) -> Result<(), String> {
    let days = parse_days(days)?;
    let ranges = parse_times(times)?;
    hours.retain(|o| !days.contains(&o.day));
    for &day in &days {
        hours.extend(
            ranges
                .iter()
                .map(|&(opens, closes)| Opening { day, opens, closes }),
        );
    }
    hours.sort();
    Ok(())
}

/// Splits the rules of one spreadsheet cell (`mo-fr 09:00-12:00; sa 10:00-12:00`) into their
/// days and times.
pub fn split_rules(cell: &str) -> Result<Vec<(String, String)>, String> {
    cell.split(';')
        .map(str::trim)
        .filter(|rule| !rule.is_empty())
        .map(|rule| {
            let at = rule
                .find(|c: char| c.is_ascii_digit())
                .or_else(|| {
                    let lower = rule.to_lowercase();
                    CLOSED.iter().filter_map(|w| lower.rfind(w)).min()
                })
                .filter(|&at| at > 0)
                .ok_or_else(|| format!("`{rule}` needs days, then times"))?;
            Ok((rule[..at].trim().to_string(), rule[at..].trim().to_string()))
        })
        .collect()
}

/// The days a rule names, from Monday = 0.
fn parse_days(text: &str) -> Result<Vec<u8>, String> {
    let mut days = Vec::new();
    for part in text.split(',').map(str::trim) {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day(from)?, day(to)?);
                let mut at = from;
                loop {
                    days.push(at);
                    if at == to {
                        break;
                    }
                    at = (at + 1) % 7;
                }
            }
            None => days.push(day(part)?),
        }
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

fn day(word: &str) -> Result<u8, String> {
    let word = word.trim().to_lowercase();
    DAY_WORDS
        .iter()
        .position(|words| words.contains(&word.as_str()))
        .map(|d| d as u8)
        .ok_or_else(|| format!("`{word}` is not a day"))
}

/// The time ranges of a rule; none for a closed day.
fn parse_times(text: &str) -> Result<Vec<(u16, u16)>, String> {
    if CLOSED.contains(&text.trim().to_lowercase().as_str()) {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|range| {
            let (opens, closes) = range.split_once('-').ok_or_else(|| {
                format!("`{}` is not a time range such as 09:00-12:00", range.trim())
            })?;
            let (opens, closes) = (time(opens)?, time(closes)?);
            if closes <= opens {
                return Err(format!("`{}` closes before it opens", range.trim()));
            }
            Ok((opens, closes))
        })
        .collect()
}

/// Minutes since midnight of `09:00`, `9:00`, `9h`, `9h30`, or `24:00`.
fn time(text: &str) -> Result<u16, String> {
    let text = text.trim();
    let bad = || format!("`{text}` is not a time such as 09:00");
    let (hours, minutes) = text.split_once([':', 'h', 'H', '.']).unwrap_or((text, ""));
    let hours: u16 = hours.parse().map_err(|_| bad())?;
    let minutes: u16 = match minutes {
        "" => 0,
        m if m.len() == 2 => m.parse().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if hours > 24 || minutes > 59 || (hours == 24 && minutes > 0) {
        return Err(bad());
    }
    Ok(hours * 60 + minutes)
}

/// `09:00` for 540 minutes.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(rules: &[(&str, &str)]) -> Result<Vec<Opening>, String> {
        let mut hours = Vec::new();
        for (days, times) in rules {
            apply(&mut hours, days, times)?;
        }
        Ok(hours)
    }

    #[test]
    fn days_and_times_are_read_in_every_form() {
        let week = hours(&[("mo-fr", "09:00-12:00, 14h-17h30")]).unwrap();
        assert_eq!(week.len(), 10);
        assert_eq!(
            week[1],
            Opening {
                day: 0,
                opens: 840,
                closes: 1050
            }
        );
        let names = hours(&[("Lundi, mercredi", "9h-12h"), ("zaterdag", "10:00-24:00")]).unwrap();
        let days: Vec<u8> = names.iter().map(|o| o.day).collect();
        assert_eq!(days, [0, 2, 5]);
        assert_eq!(names[2].closes, 1440);
        let wrapping = hours(&[("sa-mo", "10:00-11:00")]).unwrap();
        assert_eq!(
            wrapping.iter().map(|o| o.day).collect::<Vec<_>>(),
            [0, 5, 6]
        );
    }

    #[test]
    fn a_later_rule_replaces_the_days_it_names() {
        let week = hours(&[("mo-fr", "09:00-17:00"), ("we", "closed")]).unwrap();
        assert_eq!(week.len(), 4);
        assert!(week.iter().all(|o| o.day != 2));
    }

    #[test]
    fn malformed_rules_say_what_is_wrong() {
        assert!(
            hours(&[("mo-fx", "09:00-12:00")])
                .unwrap_err()
                .contains("`fx` is not a day")
        );
        assert!(hours(&[("mo", "9-12")]).is_ok());
        assert!(
            hours(&[("mo", "25:00-26:00")])
                .unwrap_err()
                .contains("not a time")
        );
        assert!(
            hours(&[("mo", "14:00-09:00")])
                .unwrap_err()
                .contains("closes before it opens")
        );
        assert!(
            hours(&[("mo", "09:00")])
                .unwrap_err()
                .contains("not a time range")
        );
        assert!(hours(&[("mo", "9:5-10:00")]).is_err());
    }

    #[test]
    fn spreadsheet_cells_split_into_rules() {
        let rules =
            split_rules("mo-fr 09:00-12:00,14:00-17:00; sa 10:00-12:00; su closed").unwrap();
        assert_eq!(
            rules,
            [
                ("mo-fr".to_string(), "09:00-12:00,14:00-17:00".to_string()),
                ("sa".to_string(), "10:00-12:00".to_string()),
                ("su".to_string(), "closed".to_string()),
            ]
        );
        assert!(split_rules("09:00-12:00").is_err());
        assert_eq!(clock(545), "09:05");
    }
}
