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

/// What kind of activity it is: which of the project's illustrations (`app/illustrations/`)
/// it shows where it has no photo of its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityKind {
    Meal,
    BabyCafe,
    Sport,
    Learning,
    Party,
    Walk,
    #[default]
    Meeting,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 7] = [
        ActivityKind::Meal,
        ActivityKind::BabyCafe,
        ActivityKind::Sport,
        ActivityKind::Learning,
        ActivityKind::Party,
        ActivityKind::Walk,
        ActivityKind::Meeting,
    ];

    /// The kind as the database and the forms write it, and its illustration's file name.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Meal => "meal",
            ActivityKind::BabyCafe => "babycafe",
            ActivityKind::Sport => "sport",
            ActivityKind::Learning => "learning",
            ActivityKind::Party => "party",
            ActivityKind::Walk => "walk",
            ActivityKind::Meeting => "meeting",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == value)
    }

    /// The illustration as pages show it: the SVG the server serves from `app/illustrations/`.
    pub fn illustration(self) -> String {
        format!("/illustrationer/{}.svg", self.as_str())
    }

    /// The illustration as a PNG of [`SHARE_IMAGE_SIZE`], for the sites a link is shared on
    /// (which do not show SVG).
    pub fn share_image(self) -> String {
        format!("/illustrationer/{}.png", self.as_str())
    }

    /// The key of the kind's name in the staff's texts.
    pub fn label_key(self) -> &'static str {
        match self {
            ActivityKind::Meal => "activity-kind-meal",
            ActivityKind::BabyCafe => "activity-kind-babycafe",
            ActivityKind::Sport => "activity-kind-sport",
            ActivityKind::Learning => "activity-kind-learning",
            ActivityKind::Party => "activity-kind-party",
            ActivityKind::Walk => "activity-kind-walk",
            ActivityKind::Meeting => "activity-kind-meeting",
        }
    }
}

/// The width and height of the illustrations, and of their PNGs for shared links: the
/// proportion the large link previews use.
pub const SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// What an activity, and each of its dates, shows as its picture: its photo, or without one the
/// illustration of its kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    pub kind: ActivityKind,
    pub photo: Option<crate::images::Image>,
    /// The photo's description for those who cannot see it (an illustration has none: it
    /// stands beside the activity's name and adds nothing to it).
    pub alt: String,
}

/// How a date stands for signing up, at a glance: the chip of a card and a newsletter's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seats {
    /// Just come: the activity takes no sign-ups.
    JustCome,
    /// Sign-ups are taken, without a limit.
    Open,
    /// This many seats are free.
    Free(i64),
    /// Full: new parties go on the waitlist.
    Full,
    Cancelled,
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
    pub picture: Picture,
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
    pub activity_id: i64,
    /// The activity's seats (persons), if it has a limit.
    pub capacity: Option<i64>,
    /// The persons with a seat: 0 until the pages that show seats count them
    /// (`service::count_seats`).
    pub taken: i64,
    pub picture: Picture,
}

impl Occurrence {
    pub fn is_cancelled(&self) -> bool {
        self.status == Status::Cancelled
    }

    /// How the date stands for signing up, from its seats as counted in `taken`.
    pub fn seats(&self) -> Seats {
        if self.is_cancelled() {
            Seats::Cancelled
        } else if self.signup_mode == SignupMode::None {
            Seats::JustCome
        } else if let Some(capacity) = self.capacity {
            match capacity - self.taken {
                free if free > 0 => Seats::Free(free),
                _ => Seats::Full,
            }
        } else {
            Seats::Open
        }
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
            activity_id: 1,
            capacity: None,
            taken: 0,
            picture: Picture::default(),
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
