//! Opening hours written the simple way, translated into OpenStreetMap's syntax: days as
//! codes or names in English, French or Dutch (`mo-fr`, `lundi`, `maandag`), in ranges and
//! lists; times as `09:00`, `9:00`, `9h`, `9h30`; and `closed` (`off`, `fermé`, `gesloten`).
//! `mo-fr: "9h-12h, 14h-17h30"` becomes `Mo-Fr 09:00-12:00,14:00-17:30`.
//!
//! Text that is not written this way is left to the OpenStreetMap parser as it is; text that
//! is, but wrongly (`mo-fx`, `25:00`), gets a message saying what is wrong.

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

/// The OpenStreetMap codes of the days, from Monday.
const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Words that close the days of a rule.
const CLOSED: [&str; 5] = ["closed", "off", "fermé", "ferme", "gesloten"];

/// Words of OpenStreetMap's syntax that are no days: a selector holding one of them is
/// OpenStreetMap's, not the simple form.
const OSM_WORDS: [&str; 17] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ph", "sh",
    "week", "easter", "open",
];

/// The days of a rule (`mo-fr`, `lundi, mercredi`) as OpenStreetMap writes them (`Mo-Fr`,
/// `Mo,We`); `Ok(None)` when they are not written the simple way (`PH`, `Jul,Aug Mo-Fr`),
/// and an error when they are, with a word that is no day.
pub(super) fn days(text: &str) -> Result<Option<String>, String> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split([',', '-']).map(str::trim).collect();
    if !lower
        .chars()
        .all(|c| c.is_alphabetic() || ",- ".contains(c))
    {
        return Ok(None);
    }
    let unknown = words.iter().find(|w| day(w).is_none());
    match unknown {
        None => Ok(Some(
            lower
                .split(',')
                .map(|part| {
                    part.split('-')
                        .filter_map(|w| day(w.trim()))
                        .map(|d| DAY_CODES[d])
                        .collect::<Vec<_>>()
                        .join("-")
                })
                .collect::<Vec<_>>()
                .join(","),
        )),
        Some(word) if words.iter().any(|w| day(w).is_some()) && !is_osm_word(word) => {
            Err(format!("`{word}` is not a day"))
        }
        Some(_) => Ok(None),
    }
}

/// The times of a rule (`09:00-12:00, 14h-17h30`, `closed`) as OpenStreetMap writes them
/// (`09:00-12:00,14:00-17:30`, `off`); `Ok(None)` when they are not written the simple way
/// (`10:00+`, `sunrise-sunset`), and an error when they are, wrongly.
pub(super) fn times(text: &str) -> Result<Option<String>, String> {
    let lower = text.trim().to_lowercase();
    if CLOSED.contains(&lower.as_str()) {
        return Ok(Some("off".into()));
    }
    if lower.is_empty()
        || !lower
            .chars()
            .all(|c| c.is_ascii_digit() || ":h.-, ".contains(c))
    {
        return Ok(None);
    }
    let mut ranges = Vec::new();
    for range in lower.split(',').map(str::trim) {
        let Some((opens, closes)) = range.split_once('-') else {
            return Err(format!("`{range}` is not a time range such as 09:00-12:00"));
        };
        let (opens, closes) = (time(opens)?, time(closes)?);
        if closes <= opens {
            return Err(format!("`{range}` closes before it opens"));
        }
        ranges.push(format!("{}-{}", clock(opens), clock(closes)));
    }
    Ok(Some(ranges.join(",")))
}

/// The rules of a spreadsheet cell written the simple way (`mo-fr 09:00-12:00,14:00-17:00;
/// sa 10h-12h; su closed`), each as its days and its times; `None` when a rule has no days
/// before its times.
pub(super) fn split_cell(cell: &str) -> Option<Vec<(String, String)>> {
    cell.split(';')
        .map(str::trim)
        .filter(|rule| !rule.is_empty())
        .map(|rule| {
            let lower = rule.to_lowercase();
            let cut = rule
                .find(|c: char| c.is_ascii_digit())
                .or_else(|| CLOSED.iter().filter_map(|w| lower.rfind(w)).min())
                .filter(|&cut| cut > 0)?;
            Some((
                rule[..cut].trim().to_string(),
                rule[cut..].trim().to_string(),
            ))
        })
        .collect()
}

/// `09:00` for 540 minutes.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The day (Monday = 0) a word names.
fn day(word: &str) -> Option<usize> {
    DAY_WORDS.iter().position(|words| words.contains(&word))
}

/// Whether a word belongs to OpenStreetMap's syntax.
fn is_osm_word(word: &str) -> bool {
    OSM_WORDS.iter().any(|osm| word.starts_with(osm))
}

/// Minutes since midnight of `09:00`, `9:00`, `9h`, `9h30`, `9.30` or `24:00`.
fn time(text: &str) -> Result<u16, String> {
    let text = text.trim();
    let (hours, minutes) = text.split_once([':', 'h', '.']).unwrap_or((text, ""));
    let minutes = match minutes {
        "" => Some(0),
        m if m.len() == 2 => m.parse::<u16>().ok(),
        _ => None,
    };
    match (hours.parse::<u16>().ok(), minutes) {
        (Some(hours), Some(minutes))
            if (hours < 24 && minutes <= 59) || (hours, minutes) == (24, 0) =>
        {
            Ok(hours * 60 + minutes)
        }
        _ => Err(format!("`{text}` is not a time such as 09:00")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_osm_codes() {
        assert_eq!(days("mo-fr").unwrap().unwrap(), "Mo-Fr");
        assert_eq!(days("Lundi, mercredi").unwrap().unwrap(), "Mo,We");
        assert_eq!(days("zaterdag").unwrap().unwrap(), "Sa");
        assert_eq!(days("sa-mo").unwrap().unwrap(), "Sa-Mo");
        assert_eq!(days("mo-fx").unwrap_err(), "`fx` is not a day");
        assert_eq!(days("PH").unwrap(), None);
        assert_eq!(days("Jul,Aug Mo-Fr").unwrap(), None);
        assert_eq!(days("jul-aug").unwrap(), None);
        assert_eq!(days("week 1-53/2 Sa").unwrap(), None);
    }

    #[test]
    fn times_become_osm_times() {
        assert_eq!(
            times("09:00-12:00, 14h-17h30").unwrap().unwrap(),
            "09:00-12:00,14:00-17:30"
        );
        assert_eq!(times("9-12").unwrap().unwrap(), "09:00-12:00");
        assert_eq!(times("10:00-24:00").unwrap().unwrap(), "10:00-24:00");
        assert_eq!(times("Fermé").unwrap().unwrap(), "off");
        assert_eq!(times("10:00+").unwrap(), None);
        assert_eq!(times("sunrise-sunset").unwrap(), None);
        assert!(times("25:00-26:00").unwrap_err().contains("not a time"));
        assert!(
            times("14:00-09:00")
                .unwrap_err()
                .contains("closes before it opens")
        );
        assert!(times("09:00").unwrap_err().contains("not a time range"));
        assert!(times("9:5-10:00").is_err());
    }

    #[test]
    fn spreadsheet_cells_split_into_rules() {
        let rules = split_cell("mo-fr 09:00-12:00,14:00-17:00; sa 10h-12h; su closed").unwrap();
        assert_eq!(
            rules,
            [
                ("mo-fr".to_string(), "09:00-12:00,14:00-17:00".to_string()),
                ("sa".to_string(), "10h-12h".to_string()),
                ("su".to_string(), "closed".to_string()),
            ]
        );
        assert!(split_cell("09:00-12:00").is_none());
        assert_eq!(clock(545), "09:05");
    }
}
