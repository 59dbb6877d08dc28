//! What the calendar of a place depends on where it is: its public holidays, as the
//! `opening-hours` crate knows them by country, with Alsace-Moselle's two more; and its time
//! zone, that of its country except overseas France.

use std::sync::{Arc, LazyLock};

use chrono::{Datelike, Days, Weekday};
use opening_hours::ContextHolidays;
use opening_hours::localization::Country as HolidayCountry;

use super::place::Country;

/// French departments where Good Friday and 26 December are public holidays too (Bas-Rhin,
/// Haut-Rhin, Moselle).
const ALSACE_MOSELLE: [&str; 3] = ["57", "67", "68"];

/// Time zones of overseas France, by the start of its postcodes.
const OVERSEAS: [(&str, &str); 11] = [
    ("971", "America/Guadeloupe"),
    ("972", "America/Martinique"),
    ("973", "America/Cayenne"),
    ("974", "Indian/Reunion"),
    ("975", "America/Miquelon"),
    ("976", "Indian/Mayotte"),
    ("977", "America/St_Barthelemy"),
    ("978", "America/Marigot"),
    ("986", "Pacific/Wallis"),
    ("987", "Pacific/Tahiti"),
    ("988", "Pacific/Noumea"),
];

/// The public holidays of a place in `country` at `postcode`.
pub(super) fn holidays(country: &Country, postcode: &str) -> ContextHolidays {
    static ALSACE: LazyLock<ContextHolidays> = LazyLock::new(alsace_moselle);
    if country.code == "FR" && ALSACE_MOSELLE.iter().any(|d| postcode.starts_with(d)) {
        return ALSACE.clone();
    }
    country
        .code
        .parse::<HolidayCountry>()
        .map(HolidayCountry::holidays)
        .unwrap_or_default()
}

/// The time zone of a place in `country` at `postcode`.
pub(super) fn time_zone(country: &Country, postcode: &str) -> &'static str {
    if country.code == "FR"
        && let Some((_, zone)) = OVERSEAS
            .iter()
            .find(|(start, _)| postcode.starts_with(start))
    {
        return zone;
    }
    country.time_zone
}

/// France's public holidays with Good Friday (three days before Easter Monday) and
/// 26 December.
fn alsace_moselle() -> ContextHolidays {
    let france = HolidayCountry::FR.holidays();
    let mut public = france.get_public().clone();
    let easter_mondays: Vec<_> = public
        .iter()
        .filter(|d| matches!(d.month(), 3 | 4) && d.weekday() == Weekday::Mon)
        .collect();
    for monday in easter_mondays {
        if let Some(friday) = monday.checked_sub_days(Days::new(3)) {
            public.insert(friday);
        }
        if let Some(boxing_day) = monday.with_month(12).and_then(|d| d.with_day(26)) {
            public.insert(boxing_day);
        }
    }
    ContextHolidays::new(Arc::new(public), Arc::new(france.get_school().clone()))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn alsace_moselle_has_good_friday_and_boxing_day() {
        let france = Country::find("FR").unwrap();
        let good_friday = NaiveDate::from_ymd_opt(2026, 4, 3).unwrap();
        let boxing_day = NaiveDate::from_ymd_opt(2026, 12, 26).unwrap();
        let strasbourg = holidays(&france, "67000");
        assert!(strasbourg.get_public().contains(good_friday));
        assert!(strasbourg.get_public().contains(boxing_day));
        let lyon = holidays(&france, "69003");
        assert!(!lyon.get_public().contains(good_friday));
        let ascension = NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
        assert!(lyon.get_public().contains(ascension));
    }

    #[test]
    fn overseas_places_have_their_own_time() {
        let france = Country::find("FR").unwrap();
        assert_eq!(time_zone(&france, "97411"), "Indian/Reunion");
        assert_eq!(time_zone(&france, "75011"), "Europe/Paris");
        let belgium = Country::find("BE").unwrap();
        assert_eq!(time_zone(&belgium, "9710"), "Europe/Brussels");
    }
}
