//! The calendar: activities (aktiviteter) with a recurrence rule and exceptions, expanded into
//! dated occurrences for the month, week and list views, the activity and occurrence pages, the
//! front page's "Denne uge" and the iCalendar feeds.
//!
//! An occurrence is identified by its activity and the local date it was scheduled for
//! ([`OccurrenceKey`]); a moved occurrence keeps that identity, so sign-ups and attendance that
//! attach to it later stay attached.

pub mod api;
#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod occurrences;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod recurrence;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// The weekdays by their RFC 5545 codes, as the forms name them, Monday first.
pub const WEEKDAY_CODES: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

/// The largest party one sign-up may hold when staff have not chosen otherwise: a big family,
/// but not a whole date's seats in one post.
pub const DEFAULT_MAX_PARTY: i64 = 10;

/// The highest largest party staff may choose.
pub const MAX_PARTY_CEILING: i64 = 100;

/// Whether residents sign up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupMode {
    /// Drop in; no sign-up.
    #[default]
    None,
    Optional,
    Required,
}

impl SignupMode {
    pub fn as_str(self) -> &'static str {
        match self {
            SignupMode::None => "none",
            SignupMode::Optional => "optional",
            SignupMode::Required => "required",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "none" => Some(SignupMode::None),
            "optional" => Some(SignupMode::Optional),
            "required" => Some(SignupMode::Required),
            _ => None,
        }
    }
}

/// A focus area or venue as an activity refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The venue's address, or empty.
    pub address: String,
    /// The venue's accessibility notes, or empty.
    pub accessibility: String,
}

/// An activity with everything its pages show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub focus_area: Option<Place>,
    pub venue: Option<Place>,
    pub starts_on: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    /// The RFC 5545 `RRULE` value; empty for a one-off event.
    pub rule: String,
    pub capacity: Option<i64>,
    /// The most persons (adults and children together) one sign-up may hold.
    pub max_party: i64,
    pub signup_mode: SignupMode,
    pub price_note: String,
    pub accessibility_note: String,
    pub contact: String,
}

/// What an exception does to one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExceptionKind {
    Cancelled,
    /// To another date and/or time.
    Moved {
        to: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// An extra date outside the rule.
    Extra {
        start: NaiveTime,
        end: NaiveTime,
    },
}

/// One exception to an activity's rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    pub id: i64,
    pub on_date: NaiveDate,
    pub kind: ExceptionKind,
    /// Shown to residents, e.g. why a date is cancelled.
    pub reason: String,
}

/// The identity of an occurrence: its activity and the date it was scheduled for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OccurrenceKey {
    pub activity_slug: String,
    pub date: NaiveDate,
}

impl OccurrenceKey {
    /// The occurrence's page.
    pub fn path(&self) -> String {
        format!("/aktiviteter/{}/{}", self.activity_slug, self.date)
    }
}

/// What happens to an occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Scheduled,
    /// Moved here from its scheduled date (the key's date).
    Moved,
    Cancelled,
    /// An extra date outside the rule.
    Extra,
}

/// One dated occurrence of an activity, in local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub key: OccurrenceKey,
    pub activity_name: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub status: Status,
    /// Why it was cancelled or moved, for residents.
    pub reason: String,
    pub venue: Option<String>,
    pub focus_area: Option<String>,
    pub signup_mode: SignupMode,
}

impl Occurrence {
    pub fn is_cancelled(&self) -> bool {
        self.status == Status::Cancelled
    }

    /// Whether the occurrence has begun at `local_now` (Danish local time, see `crate::clock`).
    pub fn has_started(&self, local_now: NaiveDateTime) -> bool {
        self.starts <= local_now
    }

    /// Whether sign-ups for this date can still be made, changed or cancelled at `local_now`:
    /// not cancelled and not yet begun.
    pub fn open_for_changes(&self, local_now: NaiveDateTime) -> bool {
        !self.is_cancelled() && !self.has_started(local_now)
    }

    /// Whether residents can sign up for this date at `local_now`: its activity takes
    /// sign-ups, and the date is open for changes. The page shows the form, and the service
    /// accepts it, by this one rule.
    pub fn open_for_signup(&self, local_now: NaiveDateTime) -> bool {
        self.signup_mode != SignupMode::None && self.open_for_changes(local_now)
    }
}

/// An activity's rule in Danish words, or nothing if it cannot be read.
#[cfg(feature = "ssr")]
pub fn describe_rule(activity: &Activity) -> String {
    recurrence::Rule::parse(&activity.rule)
        .map(|rule| rule.describe(activity.starts_on))
        .unwrap_or_default()
}

/// Occurrences for the unit tests of the calendar and of the domains built on it.
#[cfg(test)]
pub(crate) mod samples {
    use super::*;

    /// A two-hour "Fællesspisning" from `starts`.
    pub fn occurrence(
        starts: NaiveDateTime,
        status: Status,
        signup_mode: SignupMode,
    ) -> Occurrence {
        Occurrence {
            key: OccurrenceKey {
                activity_slug: "faellesspisning".into(),
                date: starts.date(),
            },
            activity_name: "Fællesspisning".into(),
            starts,
            ends: starts + chrono::Duration::hours(2),
            status,
            reason: String::new(),
            venue: None,
            focus_area: None,
            signup_mode,
        }
    }
}

/// The id (and the key of the kept value and message) of the activity form's text area for the
/// summary in `lang`.
pub fn summary_field(lang: crate::i18n::Lang) -> String {
    format!("summary_{}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signup_modes_round_trip() {
        for mode in [SignupMode::None, SignupMode::Optional, SignupMode::Required] {
            assert_eq!(SignupMode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(SignupMode::parse("maybe"), None);
    }

    /// A sign-up date at 17:30 on 1 December 2026.
    fn dinner(status: Status, signup_mode: SignupMode) -> Occurrence {
        let starts = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(17, 30, 0)
            .unwrap();
        samples::occurrence(starts, status, signup_mode)
    }

    fn at(hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    #[test]
    fn sign_up_closes_when_the_date_starts() {
        let date = dinner(Status::Scheduled, SignupMode::Required);
        assert!(date.open_for_signup(at(17, 29)));
        assert!(!date.open_for_signup(at(17, 30)), "it has started");
        assert!(!date.open_for_signup(at(18, 0)));
        assert!(date.has_started(at(17, 30)));
        assert!(!date.open_for_changes(at(17, 30)));
    }

    #[test]
    fn a_cancelled_date_takes_no_sign_ups() {
        let date = dinner(Status::Cancelled, SignupMode::Required);
        assert!(!date.open_for_signup(at(9, 0)));
        assert!(!date.open_for_changes(at(9, 0)));
        let moved = dinner(Status::Moved, SignupMode::Optional);
        assert!(
            moved.open_for_signup(at(9, 0)),
            "a moved date still takes sign-ups"
        );
    }

    #[test]
    fn an_activity_without_sign_up_shows_no_form() {
        let date = dinner(Status::Scheduled, SignupMode::None);
        assert!(!date.open_for_signup(at(9, 0)));
        assert!(date.open_for_changes(at(9, 0)));
    }

    #[test]
    fn an_occurrence_is_addressed_by_its_scheduled_date() {
        let key = OccurrenceKey {
            activity_slug: "babycafe".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        };
        assert_eq!(key.path(), "/aktiviteter/babycafe/2026-12-01");
    }
}
