//! A place's opening hours in words, in the reader's language: its usual week, a line per day
//! from Monday, and each other rule as a line ("July and August, Monday to Friday:
//! 09:00–12:00", "Public holidays: closed", "First Thursday of the month: 14:00–17:00"). A
//! rule these words cannot say is shown as OpenStreetMap writes it.

use opening_hours_syntax::rules::day::{
    Date, DateOffset, HolidayKind, MonthdayRange, WeekDayRange,
};
use opening_hours_syntax::rules::time::{Time, TimeSpan};
use opening_hours_syntax::rules::{RuleKind, RuleSequence};
use serde::Serialize;
use serde_json::Value;

use crate::sources::places::clock;
use crate::sources::places::hours::{Hours, Span};

/// One day of a place's usual week.
#[derive(Debug, Serialize)]
pub struct Day {
    /// 0 = Monday … 6 = Sunday (templates name it with `t.places.days[day]`).
    pub day: u8,
    /// Its opening times (`09:00–12:00`); none when closed.
    pub times: Vec<String>,
}

/// A rule of the hours that the usual week does not show.
#[derive(Debug, Serialize)]
pub struct Note {
    /// When it applies, in words (`Public holidays`); none when it is shown as written.
    pub when: Option<String>,
    /// The hours then, in words, or the rule as OpenStreetMap writes it.
    pub hours: String,
}

/// The interface strings of a language that hours are said with.
pub struct Words<'a> {
    strings: &'a Value,
}

impl<'a> Words<'a> {
    /// The words of the interface strings `strings` of a language.
    pub fn new(strings: &'a Value) -> Words<'a> {
        Words { strings }
    }

    /// The string `places.<key>`.
    fn text(&self, key: &'static str) -> &'a str {
        self.strings["places"][key].as_str().unwrap_or(key)
    }

    /// Item `index` of the list `places.<key>`.
    fn item(&self, key: &'static str, index: usize) -> &'a str {
        self.strings["places"][key][index].as_str().unwrap_or(key)
    }

    /// `template` with `{from}` and `{to}` replaced.
    fn range(&self, key: &'static str, from: &str, to: &str) -> String {
        self.text(key).replace("{from}", from).replace("{to}", to)
    }

    /// A date written `2024-04-02` in words: `2 April 2024`.
    pub fn full_date(&self, date: &str) -> Option<String> {
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        use chrono::Datelike;
        let day = self
            .text("date")
            .replace("{day}", &date.day().to_string())
            .replace("{month}", self.item("months", date.month0() as usize));
        Some(format!("{day} {}", date.year()))
    }

    /// Words joined as a list: `a, b and c`.
    fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [first @ .., last] => format!("{} {} {last}", first.join(", "), self.text("and")),
        }
    }
}

/// The usual week of `hours`, from Monday; empty when the hours have none.
pub fn week(hours: &Hours, words: &Words) -> Vec<Day> {
    let Some(week) = hours.usual_week() else {
        return Vec::new();
    };
    week.iter()
        .enumerate()
        .map(|(day, spans)| Day {
            day: day as u8,
            times: spans.iter().map(|span| span_words(span, words)).collect(),
        })
        .collect()
}

/// The rules of `hours` that its usual week does not show, in words.
pub fn notes(hours: &Hours, words: &Words) -> Vec<Note> {
    hours
        .other_rules()
        .iter()
        .map(|rule| match rule_words(rule, words) {
            Some((when, hours)) => Note {
                when: Some(capitalized(&when)),
                hours,
            },
            None => Note {
                when: None,
                hours: rule.to_string(),
            },
        })
        .collect()
}

/// One opening of the usual week: its times, with its comment, or its comment alone when
/// it says nothing of the times (`Sur rendez-vous`).
fn span_words(span: &Span, words: &Words) -> String {
    let whole = (span.opens, span.closes) == (0, 1440);
    let times = format!("{}–{}", clock(span.opens), clock(span.closes));
    let said = match (whole, span.comment.is_empty(), span.open) {
        (true, false, _) => span.comment.to_string(),
        (true, true, false) => words.text("maybe").to_string(),
        (true, true, true) => words.text("all_day").to_string(),
        (false, false, _) => format!("{times} ({})", span.comment),
        (false, true, false) => format!("{times} ({})", words.text("maybe")),
        (false, true, true) => times,
    };
    capitalized(&said)
}

/// When a rule applies and its hours, in words; `None` when it names what these words
/// cannot say (years, Easter, offsets, sunrise).
fn rule_words(rule: &RuleSequence, words: &Words) -> Option<(String, String)> {
    let days = &rule.day_selector;
    if !days.year.is_empty() {
        return None;
    }
    let mut when = Vec::new();
    if !days.monthday.is_empty() {
        let parts: Option<Vec<String>> = days.monthday.iter().map(|m| monthday(m, words)).collect();
        when.push(words.list(&parts?));
    }
    for week in &days.week {
        when.push(week_words(week, words)?);
    }
    if !days.weekday.is_empty() {
        let parts: Option<Vec<String>> = days.weekday.iter().map(|d| weekday(d, words)).collect();
        when.push(words.list(&parts?));
    }
    if when.is_empty() {
        when.push(words.text("every_day").to_string());
    }
    Some((when.join(", "), times_words(rule, words)?))
}

/// The hours of a rule: its times, closed, or to be confirmed, with its comment.
fn times_words(rule: &RuleSequence, words: &Words) -> Option<String> {
    let hours = match rule.kind {
        RuleKind::Closed => words.text("closed").to_lowercase(),
        RuleKind::Unknown if rule.time_selector.spans.iter().all(is_whole_day) => {
            words.text("maybe").to_string()
        }
        _ => {
            let spans: Option<Vec<String>> = rule
                .time_selector
                .spans
                .iter()
                .map(|span| time_span(span, words))
                .collect();
            let spans = spans?.join(", ");
            match rule.kind {
                RuleKind::Unknown => format!("{spans} ({})", words.text("maybe")),
                _ => spans,
            }
        }
    };
    Some(match rule.comment.is_empty() {
        true => hours,
        false => format!("{hours} ({})", rule.comment),
    })
}

/// Whether a time span is the whole day.
fn is_whole_day(span: &TimeSpan) -> bool {
    matches!((span.range.start, span.range.end), (Time::Fixed(start), Time::Fixed(end)) if (start.hour(), start.minute(), end.hour(), end.minute()) == (0, 0, 24, 0))
}

/// A time span: `09:00–12:00`, `from 14:00`, or the whole day.
fn time_span(span: &TimeSpan, words: &Words) -> Option<String> {
    let (Time::Fixed(start), Time::Fixed(end)) = (span.range.start, span.range.end) else {
        return None;
    };
    if span.repeats.is_some() {
        return None;
    }
    let minutes =
        |t: opening_hours_syntax::ExtendedTime| u16::from(t.hour()) * 60 + u16::from(t.minute());
    Some(if is_whole_day(span) {
        words.text("all_day").to_string()
    } else if span.open_end {
        words
            .text("from_time")
            .replace("{time}", &clock(minutes(start)))
    } else {
        format!("{}–{}", clock(minutes(start)), clock(minutes(end)))
    })
}

/// Months (`July`, `September to June`) or dates (`24 December to 1 January`).
fn monthday(range: &MonthdayRange, words: &Words) -> Option<String> {
    let month = |m: opening_hours_syntax::rules::day::Month| {
        words.item("months", m as usize - 1).to_string()
    };
    match range {
        MonthdayRange::Month { range, year: None } => Some(if range.start() == range.end() {
            month(*range.start())
        } else {
            words.range("months_range", &month(*range.start()), &month(*range.end()))
        }),
        MonthdayRange::Date { start, end } => {
            let (from, to) = (date(start, words)?, date(end, words)?);
            Some(if start == end {
                from
            } else {
                words.range("dates_range", &from, &to)
            })
        }
        MonthdayRange::Month { .. } => None,
    }
}

/// A date of every year, without offset: `24 December`.
fn date((date, offset): &(Date, DateOffset), words: &Words) -> Option<String> {
    match (date, offset == &DateOffset::default()) {
        (
            Date::Fixed {
                year: None,
                month,
                day,
            },
            true,
        ) => Some(
            words
                .text("date")
                .replace("{day}", &day.to_string())
                .replace("{month}", words.item("months", *month as usize - 1)),
        ),
        _ => None,
    }
}

/// Weeks of the year: odd, even, one, or a range.
fn week_words(
    range: &opening_hours_syntax::rules::day::WeekRange,
    words: &Words,
) -> Option<String> {
    let (weeks, step) = range.into_parts();
    let (from, to) = (**weeks.start(), **weeks.end());
    Some(match (from, to, step) {
        (1, 53, 2) => words.text("odd_weeks").to_string(),
        (2, 53, 2) => words.text("even_weeks").to_string(),
        (from, to, _) if from == to => words.text("week").replace("{n}", &from.to_string()),
        (from, to, 1) => words.range("weeks", &from.to_string(), &to.to_string()),
        _ => return None,
    })
}

/// Days of the week (`Monday to Friday`), their nth of the month (`first Thursday of the
/// month`), or holidays.
fn weekday(range: &WeekDayRange, words: &Words) -> Option<String> {
    match range {
        WeekDayRange::Holiday { kind, offset: 0 } => Some(
            words
                .text(match kind {
                    HolidayKind::Public => "public_holidays",
                    HolidayKind::School => "school_holidays",
                })
                .to_string(),
        ),
        WeekDayRange::Fixed {
            range,
            offset: 0,
            nth_from_start,
            nth_from_end,
        } => {
            let name = |d: chrono::Weekday| {
                words
                    .item("weekdays", d.num_days_from_monday() as usize)
                    .to_string()
            };
            let days = if range.start() == range.end() {
                name(*range.start())
            } else {
                words.range("days_range", &name(*range.start()), &name(*range.end()))
            };
            if !nth_from_start.contains(&false) && !nth_from_end.contains(&false) {
                return Some(days);
            }
            let mut nths: Vec<String> = nth_from_start
                .iter()
                .enumerate()
                .filter(|(_, on)| **on)
                .map(|(n, _)| words.item("ordinals", n).to_string())
                .collect();
            match nth_from_end {
                [true, false, false, false, false] => nths.push(words.text("last").to_string()),
                [false, false, false, false, false] => {}
                _ => return None,
            }
            Some(
                words
                    .text("nth")
                    .replace("{nth}", &words.list(&nths))
                    .replace("{day}", &days),
            )
        }
        _ => None,
    }
}

/// A text with its first letter in capitals.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Value {
        crate::base::yaml::parse(
            include_str!("../../../i18n/en.yaml"),
            std::path::Path::new("en.yaml"),
            1,
        )
        .value
        .unwrap()
    }

    fn notes_of(text: &str) -> Vec<String> {
        let strings = english();
        let words = Words::new(&strings);
        notes(&Hours::parse(text).unwrap(), &words)
            .into_iter()
            .map(|n| match n.when {
                Some(when) => format!("{when}: {}", n.hours),
                None => n.hours,
            })
            .collect()
    }

    #[test]
    fn other_rules_are_said_in_words() {
        assert_eq!(
            notes_of("Mo-Fr 09:00-12:00; Jul,Aug Mo-Fr 09:00-11:00; PH off; Dec 24-Jan 01 off"),
            [
                "July and August, Monday to Friday: 09:00–11:00",
                "Public holidays: closed",
                "24 December to 1 January: closed",
            ]
        );
        assert_eq!(
            notes_of("Th[1] 14:00-17:00; week 1-53/2 Sa 09:00-12:00; Sep-Jun Mo 10:00+"),
            [
                "First Thursday of the month: 14:00–17:00",
                "Odd weeks, Saturday: 09:00–12:00",
                "September to June, Monday: from 10:00",
            ]
        );
        assert_eq!(notes_of("Mo-Fr 09:00-12:00; easter off"), ["easter closed"]);
    }

    #[test]
    fn the_usual_week_says_comments_and_doubts() {
        let strings = english();
        let words = Words::new(&strings);
        let hours =
            Hours::parse("Mo 09:00-18:00 \"on appointment\"; Tu unknown; Sa 00:00-24:00").unwrap();
        let week = week(&hours, &words);
        assert_eq!(week[0].times, ["09:00–18:00 (on appointment)"]);
        assert_eq!(week[1].times, ["To be confirmed"]);
        assert_eq!(week[5].times, ["Open all day"]);
        assert!(week[6].times.is_empty());
    }
}
