//! The clock: the one place that reads the time, and how times become Danish local time.
//!
//! Everything is stored in UTC and shown in Danish local time (Europe/Copenhagen, with its
//! summer time). Rules never read the clock: the edge (a handler, a server function, a job)
//! reads [`now`] once and passes it in, so a rule's tests can choose any moment.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Europe::Copenhagen;

/// The current moment. Only the edges call this; everything below them takes `now`.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date in Denmark, for the edges that need nothing but the date.
pub fn today() -> NaiveDate {
    local_date(now())
}

/// `at` as Danish local time, the clock that activities' dates and times are written in.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Copenhagen).naive_local()
}

/// The Danish date at `at`.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

/// "26.11.2026 kl. 14.05", the way Danish texts write a date and time.
pub fn local_datetime(at: DateTime<Utc>) -> String {
    at.with_timezone(&Copenhagen)
        .format("%d.%m.%Y kl. %H.%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn shows_danish_local_time_in_winter_and_summer() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(local_datetime(winter), "15.01.2026 kl. 13.00");
        assert_eq!(local_datetime(summer), "15.07.2026 kl. 14.00");
    }

    #[test]
    fn the_danish_date_turns_an_hour_or_two_before_utc_does() {
        let late_utc = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
        assert_eq!(
            local_date(late_utc),
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
        );
        assert_eq!(
            local(late_utc),
            NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(0, 30, 0)
                .unwrap()
        );
    }
}
