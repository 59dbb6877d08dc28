//! The date of the build, which what depends on the day (the openings of the coming weeks)
//! starts from: `SOURCE_DATE_EPOCH` when it is set, as reproducible builds set it, else
//! today, in UTC.

use chrono::{DateTime, NaiveDate};

/// The environment variable that fixes the date of a build (seconds since 1970).
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The date of the build.
pub fn build_date() -> NaiveDate {
    let fixed = std::env::var(SOURCE_DATE_EPOCH)
        .ok()
        .and_then(|seconds| seconds.trim().parse::<i64>().ok());
    let seconds = fixed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    date_of(seconds)
}

/// The UTC date of an instant in seconds since 1970.
fn date_of(seconds: i64) -> NaiveDate {
    DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .date_naive()
}

#[cfg(test)]
mod tests {
    #[test]
    fn seconds_give_their_utc_date() {
        assert_eq!(super::date_of(1_777_593_600).to_string(), "2026-05-01");
        assert_eq!(super::date_of(0).to_string(), "1970-01-01");
    }
}
