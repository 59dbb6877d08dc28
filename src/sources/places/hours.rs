//! Opening hours in OpenStreetMap's `opening_hours` syntax (`Mo-Fr 09:00-12:00,14:00-18:30;
//! Sa 08:30-12:00; PH off`, `Jul,Aug Mo-Fr 09:00-12:00`), read by the `opening-hours` crate,
//! which knows the public holidays of each country. Hours written the simple way (YAML rules
//! by days, a spreadsheet cell such as `mo-fr 9h-12h; sa 10h-12h`) are translated into that
//! syntax first ([`legacy`](super::legacy)).
//!
//! A place's hours give its usual week (the rules that name only days of the week and times),
//! the other rules (public holidays, months, weeks, dates), and what it is open on any date.

use std::sync::Arc;

use chrono::{Days, NaiveDate};
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};
use opening_hours_syntax::rules::day::WeekDayRange;
use opening_hours_syntax::rules::time::Time;
use opening_hours_syntax::rules::{OpeningHoursExpression, RuleSequence};

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

/// A Monday, for the usual week: rules that name only days of the week give the same times
/// on every week.
const A_MONDAY: NaiveDate = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");

/// One opening of a day, in minutes since midnight.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// When it opens.
    pub opens: u16,
    /// When it closes (up to 1440, midnight at the end of the day).
    pub closes: u16,
    /// Open for sure; `false` when the hours say it may be (`unknown`, a comment alone).
    pub open: bool,
    /// The comment of its rule (`"sur rendez-vous"`), or empty.
    pub comment: Arc<str>,
}

/// Opening hours that do not parse: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// The 0-based character where the parser stopped, when it says.
    pub at: Option<usize>,
    /// What it expected, in its words.
    pub message: String,
}

/// The openings of each day of a week, from Monday.
pub type Week = [Vec<Span>; 7];

/// A place's opening hours, with the public holidays of where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    expression: OpeningHours,
    /// The usual week, worked out once.
    week: Option<Week>,
}

impl Hours {
    /// Parses OpenStreetMap opening hours. A rule that is only a comment (`"sur
    /// rendez-vous"`) says nothing sure about the times: it counts as unknown, not as open
    /// every hour of the week.
    pub fn parse(text: &str) -> Result<Hours, Malformed> {
        if text.trim().is_empty() {
            return Err(Malformed {
                at: Some(0),
                message: "no hours are written".into(),
            });
        }
        let mut expression: OpeningHours = text.parse().map_err(malformed)?;
        let rules = expression.get_expression();
        if rules.rules.iter().any(is_comment_alone) {
            let mut unknown = rules.as_ref().clone();
            for rule in unknown.rules.iter_mut().filter(|r| is_comment_alone(r)) {
                rule.kind = RuleKind::Unknown;
            }
            expression = unknown.to_string().parse().map_err(malformed)?;
        }
        let week = usual_week(&expression);
        Ok(Hours { expression, week })
    }

    /// The same hours, with the public holidays of the place (`PH` never matches without).
    pub fn with_holidays(self, holidays: ContextHolidays) -> Hours {
        let context = Context::default().with_holidays(holidays);
        Hours {
            expression: self.expression.with_context(context),
            week: self.week,
        }
    }

    /// The rules, as the parser read them.
    pub fn rules(&self) -> Arc<OpeningHoursExpression> {
        self.expression.get_expression()
    }

    /// The hours in OpenStreetMap's canonical spelling.
    pub fn text(&self) -> String {
        self.expression.to_string()
    }

    /// The openings of `date`, in order.
    pub fn day(&self, date: NaiveDate) -> Vec<Span> {
        spans(&self.expression, date)
    }

    /// The usual week, from Monday: what the rules that name only days of the week and times
    /// give. `None` when no rule is of that kind (every rule names months, weeks, dates or
    /// holidays).
    pub fn usual_week(&self) -> Option<&Week> {
        self.week.as_ref()
    }

    /// Whether every rule names only days of the week and fixed times: the hours are their
    /// usual week on every date, public holidays included.
    pub fn is_every_week(&self) -> bool {
        self.rules().rules.iter().all(is_weekly)
    }

    /// The rules that the usual week does not show: those naming public or school holidays,
    /// months, weeks, dates, the nth day of a month, or years.
    pub fn other_rules(&self) -> Vec<RuleSequence> {
        self.rules()
            .rules
            .iter()
            .filter(|r| !is_weekly(r))
            .cloned()
            .collect()
    }
}

/// The usual week of `expression` (see [`Hours::usual_week`]): its weekly rules read on any
/// week, parsed again only when it has other rules.
fn usual_week(expression: &OpeningHours) -> Option<Week> {
    let rules = expression.get_expression();
    let usual: Vec<RuleSequence> = rules
        .rules
        .iter()
        .filter(|r| is_weekly(r))
        .cloned()
        .collect();
    let day = |week: &OpeningHours, day: usize| spans(week, A_MONDAY + Days::new(day as u64));
    match usual.len() {
        0 => None,
        n if n == rules.rules.len() => Some(std::array::from_fn(|d| day(expression, d))),
        _ => {
            let week: OpeningHours = OpeningHoursExpression { rules: usual }
                .to_string()
                .parse()
                .ok()?;
            Some(std::array::from_fn(|d| day(&week, d)))
        }
    }
}

/// The openings of `date` in `expression`, cut at midnight.
fn spans(expression: &OpeningHours, date: NaiveDate) -> Vec<Span> {
    expression
        .schedule_at(date)
        .into_iter()
        .filter(|range| range.kind != RuleKind::Closed)
        .filter_map(|range| {
            let minutes = |t: opening_hours_syntax::ExtendedTime| {
                u16::from(t.hour()) * 60 + u16::from(t.minute())
            };
            let (opens, closes) = (
                minutes(range.range.start),
                minutes(range.range.end).min(1440),
            );
            (opens < closes).then(|| Span {
                opens,
                closes,
                open: range.kind == RuleKind::Open,
                comment: range.comment,
            })
        })
        .collect()
}

/// Whether a rule names only days of the week (or none) and fixed times: the same every week.
fn is_weekly(rule: &RuleSequence) -> bool {
    let days = &rule.day_selector;
    days.year.is_empty()
        && days.monthday.is_empty()
        && days.week.is_empty()
        && days.weekday.iter().all(|range| match range {
            WeekDayRange::Fixed {
                offset,
                nth_from_start,
                nth_from_end,
                ..
            } => *offset == 0 && !nth_from_start.contains(&false) && !nth_from_end.contains(&false),
            WeekDayRange::Holiday { .. } => false,
        })
        && rule.time_selector.spans.iter().all(|span| {
            matches!(
                (span.range.start, span.range.end),
                (Time::Fixed(_), Time::Fixed(_))
            )
        })
}

/// Whether a rule is a comment alone, open every day at every hour (`"sur rendez-vous"`).
fn is_comment_alone(rule: &RuleSequence) -> bool {
    rule.is_constant() && rule.kind == RuleKind::Open && !rule.comment.is_empty()
}

/// A parse error as where it stopped and what it expected.
fn malformed(error: opening_hours_syntax::Error) -> Malformed {
    match &error {
        opening_hours_syntax::Error::Syntax(syntax) => {
            let at = match syntax.location {
                pest::error::InputLocation::Pos(at) | pest::error::InputLocation::Span((at, _)) => {
                    at
                }
            };
            let text = syntax.to_string();
            let expected = text
                .lines()
                .rev()
                .find_map(|line| line.trim().strip_prefix("= "))
                .unwrap_or("unexpected text")
                .to_string();
            Malformed {
                at: Some(at),
                message: expected,
            }
        }
        other => Malformed {
            at: None,
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opening_hours::localization::Country;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn times(spans: &[Span]) -> Vec<(u16, u16)> {
        spans.iter().map(|s| (s.opens, s.closes)).collect()
    }

    #[test]
    fn the_usual_week_leaves_holidays_and_seasons_aside() {
        let hours = Hours::parse(
            "Mo-Fr 09:00-12:00,14:00-18:30; We 09:00-12:00; Sa 08:30-12:00; PH off; Aug off",
        )
        .unwrap();
        let week = hours.usual_week().unwrap();
        assert_eq!(times(&week[0]), [(540, 720), (840, 1110)]);
        assert_eq!(times(&week[2]), [(540, 720)]);
        assert_eq!(times(&week[5]), [(510, 720)]);
        assert!(week[6].is_empty());
        let others: Vec<String> = hours
            .other_rules()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(others, ["PH closed", "Aug closed"]);
        assert!(
            Hours::parse("Jul,Aug Mo-Fr 09:00-12:00")
                .unwrap()
                .usual_week()
                .is_none()
        );
    }

    #[test]
    fn public_holidays_need_the_country() {
        let hours = Hours::parse("Mo-Fr 09:00-12:00; PH off").unwrap();
        let ascension = date(2026, 5, 14);
        assert_eq!(
            times(&hours.day(ascension)),
            [(540, 720)],
            "no holidays known"
        );
        let french = hours.clone().with_holidays(Country::FR.holidays());
        assert!(french.day(ascension).is_empty());
        assert!(
            french.day(date(2026, 7, 21)).len() == 1,
            "21 July is Belgian"
        );
        let belgian = hours.with_holidays(Country::BE.holidays());
        assert!(belgian.day(date(2026, 7, 21)).is_empty());
    }

    #[test]
    fn a_comment_alone_is_not_open_all_week() {
        let hours = Hours::parse("\"sur rendez-vous\"").unwrap();
        let day = hours.day(date(2026, 3, 2));
        assert!(day.iter().all(|s| !s.open), "{day:?}");
        let with_times = Hours::parse("Mo 09:00-12:00 \"sur rendez-vous\"").unwrap();
        let monday = with_times.day(date(2026, 3, 2));
        assert!(monday[0].open && &*monday[0].comment == "sur rendez-vous");
    }

    #[test]
    fn hours_past_midnight_are_cut_at_midnight() {
        let hours = Hours::parse("Fr 22:00-02:00").unwrap();
        assert_eq!(times(&hours.day(date(2026, 3, 6))), [(1320, 1440)]);
        assert_eq!(times(&hours.day(date(2026, 3, 7))), [(0, 120)]);
    }

    #[test]
    fn errors_say_where_the_parser_stopped() {
        let error = Hours::parse("Mo-Fr 09h00-12h00").unwrap_err();
        assert_eq!(error.at, Some(6));
        assert!(error.message.starts_with("expected"), "{error:?}");
        let inverted = Hours::parse("week 10-5 Mo 10:00-12:00").unwrap_err();
        assert_eq!(inverted.at, None);
        assert!(Hours::parse(" ").is_err());
    }
}
