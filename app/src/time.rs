//! Time for people: everything is stored in UTC and shown in Danish local time
//! (Europe/Copenhagen, with its summer time).

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Copenhagen;

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
}
