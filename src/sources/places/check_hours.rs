//! The opening hours of a place as its file writes them, checked: YAML rules by days
//! (`mo-fr: "09:00-12:00"`, `PH: closed`), or one line of OpenStreetMap hours (a YAML text, a
//! spreadsheet cell), the simple forms translated first. Each problem names the rule's line
//! and, for OpenStreetMap hours, the character where reading stopped.

use super::hours::{Hours, Malformed};
use super::legacy;
use super::raw::{Field, RawPlace};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};

/// The hint given with every malformed hours.
pub(super) const HINT: &str = "write OpenStreetMap opening hours, such as `Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off`, or in YAML the days then the times, such as `mo-fr: \"09:00-12:00, 14:00-17:30\"` and `we: closed`";

/// The hours of a place, `None` when it gives none or they are malformed (each problem is
/// reported).
pub(super) fn opening_hours(raw: &RawPlace) -> Checked<Option<Hours>> {
    if !raw.hours.is_empty() {
        return by_days(raw);
    }
    match &raw.hours_line {
        Some(line) => one_line(raw, line),
        None => Checked::ok(None),
    }
}

/// Rules by days, as YAML writes them: each rule translated, then all of them read together.
fn by_days(raw: &RawPlace) -> Checked<Option<Hours>> {
    let mut problems = Diagnostics::new();
    let mut rules = Vec::new();
    for (days, times) in &raw.hours {
        let rule = format!("`{}: {}`", days.value, times.value);
        let translated = legacy::days(&days.value).and_then(|selector| {
            let spelt = legacy::times(&times.value)?;
            Ok(format!(
                "{} {}",
                selector.unwrap_or_else(|| days.value.clone()),
                spelt.unwrap_or_else(|| times.value.clone())
            ))
        });
        let checked = translated.and_then(|text| {
            Hours::parse(&text)
                .map(|_| text)
                .map_err(|error| explain(&error))
        });
        match checked {
            Ok(text) => rules.push(text),
            Err(message) => problems.push(malformed(raw, times, &rule, &message)),
        }
    }
    if !problems.is_empty() {
        return Checked::failed_with(problems);
    }
    match Hours::parse(&rules.join("; ")) {
        Ok(hours) => Checked::ok(Some(hours)),
        Err(error) => {
            let (_, times) = &raw.hours[0];
            Checked::failed(malformed(raw, times, "", &explain(&error)))
        }
    }
}

/// One line of hours: OpenStreetMap's, or rules written the simple way.
fn one_line(raw: &RawPlace, line: &Field) -> Checked<Option<Hours>> {
    let text = line.value.as_str();
    let error = match Hours::parse(text) {
        Ok(hours) => return Checked::ok(Some(hours)),
        Err(error) => error,
    };
    let rule = format!("`{text}`");
    let Some(rules) = legacy::split_cell(text) else {
        return Checked::failed(malformed(raw, line, &rule, &explain(&error)));
    };
    let mut translated = Vec::new();
    for (days, times) in &rules {
        match legacy::days(days) {
            Err(message) => return Checked::failed(malformed(raw, line, &rule, &message)),
            Ok(selector) => match legacy::times(times) {
                Ok(spelt) => translated.push(format!(
                    "{} {}",
                    selector.unwrap_or_else(|| days.clone()),
                    spelt.unwrap_or_else(|| times.clone())
                )),
                Err(_) => return Checked::failed(malformed(raw, line, &rule, &explain(&error))),
            },
        }
    }
    match Hours::parse(&translated.join("; ")) {
        Ok(hours) => Checked::ok(Some(hours)),
        Err(_) => Checked::failed(malformed(raw, line, &rule, &explain(&error))),
    }
}

/// What the parser says, with where it stopped (1-based, in characters of the hours).
fn explain(error: &Malformed) -> String {
    match error.at {
        Some(at) => format!("at character {}, {}", at + 1, error.message),
        None => error.message.clone(),
    }
}

/// The problem of malformed hours `rule` written at `field`: an error, or a warning saying
/// they are left out when the file's format leaves hours free.
fn malformed(raw: &RawPlace, field: &Field, rule: &str, message: &str) -> Diagnostic {
    let rule = if rule.is_empty() {
        String::new()
    } else {
        format!(" {rule}")
    };
    let at = raw.spot(field);
    let problem = if raw.lenient {
        at.warning(format!(
            "opening hours{rule} cannot be read: {message}; they are left out"
        ))
    } else {
        at.error(format!("malformed opening hours{rule}: {message}"))
    };
    problem.with_hint(HINT)
}
