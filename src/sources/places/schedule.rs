//! A place's openings over the coming weeks, computed at build time from its hours, compact
//! enough to ship to the browser for "open now" without a parser of the hours: each day of
//! the week with its most frequent openings, and the dates that differ (a public holiday, a
//! month closed, every other Saturday).

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::hours::{Hours, Span};

/// How many weeks the schedule covers, from the Monday of the week of the build.
pub const WEEKS: u16 = 8;

/// The days a schedule covers: from a Monday, for [`WEEKS`] weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first day, a Monday.
    pub start: NaiveDate,
    /// How many days.
    pub days: u16,
}

impl Window {
    /// The window that holds `today`: from the Monday of its week.
    pub fn around(today: NaiveDate) -> Window {
        let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        Window {
            start: monday,
            days: WEEKS * 7,
        }
    }

    /// Each date of the window.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.days).map(|offset| self.start + Days::new(u64::from(offset)))
    }
}

/// Openings of one day, as `[opens, closes]` in minutes since midnight.
pub type Openings = Vec<[u16; 2]>;

/// A place's openings over a [`Window`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// Each day of the week from Monday: the openings it has most often in the window.
    pub weekly: [Openings; 7],
    /// The dates that differ from their day of the week, by their offset in the window.
    pub exceptions: Vec<(u16, Openings)>,
}

impl Schedule {
    /// The schedule of `hours` over `window`: only the times it is surely open count. Hours
    /// whose rules all name days of the week are their usual week, without exceptions.
    pub fn of(hours: &Hours, window: &Window) -> Schedule {
        match hours.usual_week() {
            Some(week) if hours.is_every_week() => Schedule {
                weekly: std::array::from_fn(|weekday| surely_open(&week[weekday])),
                exceptions: Vec::new(),
            },
            _ => Schedule::day_by_day(hours, window),
        }
    }

    /// The schedule of `hours` over `window`, each date read on its own.
    fn day_by_day(hours: &Hours, window: &Window) -> Schedule {
        let days: Vec<Openings> = window
            .dates()
            .map(|date| surely_open(&hours.day(date)))
            .collect();
        let weekly: [Openings; 7] = std::array::from_fn(|weekday| most_frequent(&days, weekday));
        let exceptions = days
            .into_iter()
            .enumerate()
            .filter(|(offset, day)| *day != weekly[offset % 7])
            .map(|(offset, day)| (offset as u16, day))
            .collect();
        Schedule { weekly, exceptions }
    }
}

/// The openings of a day where it is surely open.
fn surely_open(spans: &[Span]) -> Openings {
    spans
        .iter()
        .filter(|span| span.open)
        .map(|span| [span.opens, span.closes])
        .collect()
}

/// The openings that the days of the window falling on `weekday` (from Monday) have most
/// often; the earliest of them on a tie.
fn most_frequent(days: &[Openings], weekday: usize) -> Openings {
    let mut counts: HashMap<&Openings, (usize, usize)> = HashMap::new();
    for (index, day) in days.iter().enumerate().skip(weekday).step_by(7) {
        counts.entry(day).or_insert((0, index)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(day, _)| day.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use opening_hours::localization::Country;

    use super::*;

    fn window() -> Window {
        // Thursday 30 April 2026: the window starts on Monday 27 April.
        Window::around(NaiveDate::from_ymd_opt(2026, 4, 30).unwrap())
    }

    #[test]
    fn the_window_starts_on_monday() {
        let window = window();
        assert_eq!(window.start, NaiveDate::from_ymd_opt(2026, 4, 27).unwrap());
        assert_eq!(window.dates().count(), 56);
    }

    #[test]
    fn holidays_are_exceptions_to_the_usual_week() {
        let hours = Hours::parse("Mo-Fr 09:00-12:00; PH off")
            .unwrap()
            .with_holidays(Country::FR.holidays());
        let schedule = Schedule::of(&hours, &window());
        assert_eq!(schedule.weekly[0], [[540, 720]]);
        assert!(schedule.weekly[5].is_empty());
        // 1 May (Friday, offset 4), 8 May (Friday, 11), Ascension 14 May (Thursday, 17),
        // Whit Monday 25 May (28) are closed.
        let closed: Vec<u16> = schedule.exceptions.iter().map(|(d, _)| *d).collect();
        assert_eq!(closed, [4, 11, 17, 28]);
        assert!(schedule.exceptions.iter().all(|(_, day)| day.is_empty()));
    }

    #[test]
    fn weekly_hours_are_their_usual_week_on_every_date() {
        for text in [
            "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00",
            "Mo-Fr 09:00-12:00; We 14:00-16:00 \"sur rendez-vous\"",
            "Fr 22:00-02:00",
            "24/7",
            "\"sur rendez-vous\"",
        ] {
            let hours = Hours::parse(text)
                .unwrap()
                .with_holidays(Country::FR.holidays());
            assert!(hours.is_every_week(), "{text}");
            assert_eq!(
                Schedule::of(&hours, &window()),
                Schedule::day_by_day(&hours, &window()),
                "{text}"
            );
        }
        let holidays = Hours::parse("Mo-Fr 09:00-12:00; PH off").unwrap();
        assert!(!holidays.is_every_week());
    }

    #[test]
    fn every_other_saturday_is_open_on_its_weeks() {
        let hours = Hours::parse("Mo 10:00-12:00; week 1-53/2 Sa 10:00-12:00").unwrap();
        let schedule = Schedule::of(&hours, &window());
        // Saturday 2 May 2026 is in week 18 (even): closed; 9 May (week 19) open.
        assert!(schedule.weekly[5].is_empty(), "a tie goes to the earliest");
        let saturdays: Vec<u16> = schedule.exceptions.iter().map(|(d, _)| *d).collect();
        assert_eq!(saturdays, [12, 26, 40, 54]);
    }
}
