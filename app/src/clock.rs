//! The clock: the one place that reads the time, and how times become Danish local time.
//!
//! Everything is stored in UTC and shown in Danish local time (Europe/Copenhagen, with its
//! summer time). Rules never read the clock: the edge (a handler, a server function, a job)
//! reads [`now`] once and passes it in, so a rule's tests can choose any moment.

//!
//! [`now`] is in the browser's build too, for the pages that compare a time with it while they
//! render (on the server); the time zone's rules are the server's alone.

use chrono::{DateTime, Utc};
#[cfg(feature = "ssr")]
use chrono::{NaiveDate, NaiveDateTime};
#[cfg(feature = "ssr")]
use chrono_tz::Europe::Copenhagen;

/// The current moment. Only the edges call this; everything below them takes `now`.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

#[cfg(feature = "ssr")]
/// Today's date in Denmark, for the edges that need nothing but the date.
pub fn today() -> NaiveDate {
    local_date(now())
}

#[cfg(feature = "ssr")]
/// `at` as Danish local time, the clock that activities' dates and times are written in.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Copenhagen).naive_local()
}

#[cfg(feature = "ssr")]
/// The Danish date at `at`.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

#[cfg(feature = "ssr")]
/// The moment of the Danish local time `local`; in the hour that summer time skips, the moment
/// an hour later, and in the hour that repeats, the first of the two.
pub fn utc_of_local(local: NaiveDateTime) -> DateTime<Utc> {
    use chrono::{offset::LocalResult, TimeZone};
    match Copenhagen.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => utc_of_local(local + chrono::Duration::hours(1)),
    }
}

#[cfg(feature = "ssr")]
/// "26.11.2026 kl. 14.05", the way Danish texts write a date and time.
pub fn local_datetime(at: DateTime<Utc>) -> String {
    at.with_timezone(&Copenhagen)
        .format("%d.%m.%Y kl. %H.%M")
        .to_string()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn shows_danish_local_time_in_winter_and_summer() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(local_datetime(winter), "15.01.2026 kl. 13.00");
        assert_eq!(local_datetime(summer), "15.07.2026 kl. 14.00");
        assert_eq!(utc_of_local(local(winter)), winter);
        assert_eq!(utc_of_local(local(summer)), summer);
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            local(utc_of_local(skipped)).to_string(),
            "2026-03-29 03:30:00"
        );
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

    /// The `.rs` files under `dir`, recursively.
    fn rust_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }

    /// The architecture's rule "only the clock reads the time": no source file of the app or
    /// the server but this one calls a clock of chrono's or the standard library's.
    #[test]
    fn only_the_clock_module_reads_the_time() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in ["app/src", "server/src"] {
            rust_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 50, "the sources were found: {files:?}");
        let readers = [
            "Utc::now",
            "Local::now",
            "SystemTime::now",
            "now_utc",
            "now_local",
        ];
        let mut offending = Vec::new();
        for file in files {
            if file.ends_with("app/src/clock.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("a readable source file");
            for (number, line) in text.lines().enumerate() {
                if readers.iter().any(|reader| line.contains(reader)) {
                    offending.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
        assert!(
            offending.is_empty(),
            "read the time through app::clock::now:\n{}",
            offending.join("\n")
        );
    }
}
