//! Sign-ups (tilmeldinger) for an occurrence: a party of adults and children, confirmed while
//! there are seats and otherwise on a waitlist in order of arrival. Residents need no account:
//! a private link with a token (stored only as a hash) lets them see, change or cancel.
//!
//! Capacity is counted in persons and is never exceeded, also under concurrent requests and
//! with several app instances on one PostgreSQL: each sign-up and cancellation runs in a
//! transaction that holds the occurrence's write lock (see `queries.rs`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::{calendar::Occurrence, i18n::Lang};

/// The names of the sign-up forms' inputs. A form's named controls become properties of the
/// form element in the browser, so a control named `children` or `name` hides the form's own
/// (`form.children` stopped the islands' start-up script). These names are no form property:
/// Danish words where the English ones would clash.
pub mod fields {
    pub const NAME: &str = "navn";
    pub const ADULTS: &str = "voksne";
    pub const CHILDREN: &str = "boern";
    pub const CONTACT: &str = "contact";
    pub const NOTE: &str = "note";
    /// The field people never see and form-filling robots fill in (`service::SignupForm`).
    pub const HONEYPOT: &str = "hjemmeside";
}

/// How many days after an occurrence the personal details of its sign-ups are kept; the
/// server puts it in every page's context (`NABOSKAB_RETENTION_DAYS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionDays(pub u32);

/// The retention period of the page being rendered.
pub fn retention_days() -> u32 {
    leptos::prelude::use_context::<RetentionDays>()
        .map(|days| days.0)
        .unwrap_or(30)
}

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupStatus {
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl SignupStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SignupStatus::Confirmed => "confirmed",
            SignupStatus::Waitlisted => "waitlisted",
            SignupStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "confirmed" => Some(SignupStatus::Confirmed),
            "waitlisted" => Some(SignupStatus::Waitlisted),
            "cancelled" => Some(SignupStatus::Cancelled),
            _ => None,
        }
    }

    /// The status a stored value names. A value no version wrote counts as cancelled, so it
    /// takes no seat and no figure counts it.
    pub fn from_stored(value: &str) -> Self {
        Self::parse(value).unwrap_or(SignupStatus::Cancelled)
    }

    /// Whether a party with this status, ticked `attended` on the attendance form, took part
    /// in its date: it held a seat (confirmed) and came. The one definition of the parties
    /// that the figures' participants and the attendance page count.
    pub fn took_part(self, attended: Option<bool>) -> bool {
        self == SignupStatus::Confirmed && attended == Some(true)
    }
}

/// A party as it signs up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSignup {
    /// The language the party signed up in; its emails are written in it.
    pub lang: Lang,
    pub name: String,
    pub adults: i64,
    pub children: i64,
    pub email: String,
    pub phone: String,
    pub note: String,
    /// The week of the newsletter whose link the party came from (`2026-W50`), or empty: the
    /// link carries the week, never the person.
    pub via_newsletter: String,
}

impl NewSignup {
    /// How many seats the party takes.
    pub fn persons(&self) -> i64 {
        self.adults + self.children
    }
}

/// A stored sign-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signup {
    pub id: i64,
    pub occurrence_id: i64,
    pub name: String,
    pub adults: i64,
    pub children: i64,
    pub email: String,
    pub phone: String,
    pub note: String,
    pub status: SignupStatus,
    /// Whether the party came, once staff have recorded attendance.
    pub attended: Option<bool>,
    /// The language the party signed up in; its emails are written in it.
    pub lang: Lang,
}

impl Signup {
    pub fn persons(&self) -> i64 {
        self.adults + self.children
    }

    /// Whether the party took part in its date (see [`SignupStatus::took_part`]).
    pub fn took_part(&self) -> bool {
        self.status.took_part(self.attended)
    }

    /// Whether the party may still change its size or cancel at `local_now` (Danish local
    /// time): it is not cancelled, and its date is neither cancelled nor begun. The private
    /// page shows its forms, and the service accepts them, by this one rule.
    pub fn can_change(&self, occurrence: &Occurrence, local_now: NaiveDateTime) -> bool {
        self.status != SignupStatus::Cancelled && occurrence.open_for_changes(local_now)
    }
}

/// Where a new party of `persons` lands when `taken` persons are already confirmed: confirmed
/// while it fits in `capacity` (None: no limit), otherwise on the waitlist. A full date puts
/// every new party on the waitlist.
pub fn place_for(persons: i64, taken: i64, capacity: Option<i64>) -> SignupStatus {
    match capacity {
        Some(capacity) if taken + persons > capacity => SignupStatus::Waitlisted,
        _ => SignupStatus::Confirmed,
    }
}

/// Whether a confirmed party of `before` persons may become `after` persons when `taken`
/// persons (itself included) are confirmed: it keeps its own seats and must fit in the rest.
pub fn fits_after_change(before: i64, after: i64, taken: i64, capacity: Option<i64>) -> bool {
    capacity.is_none_or(|capacity| taken - before + after <= capacity)
}

/// Which waiting parties to confirm when `free` seats open up: the earliest that fit, in order
/// of arrival; a party larger than the seats left is skipped (it keeps its place) and smaller
/// ones behind it may go first. `waiting` is (id, persons) in order of arrival.
pub fn promotions(free: i64, waiting: &[(i64, i64)]) -> Vec<i64> {
    let mut left = free;
    let mut promoted = Vec::new();
    for (id, persons) in waiting {
        if *persons <= left {
            left -= persons;
            promoted.push(*id);
        }
    }
    promoted
}

/// Sign-ups for the unit tests of the sign-ups and of the domains built on them.
#[cfg(test)]
pub(crate) mod samples {
    use super::*;

    /// Party `id`, two adults and a child, with `status`.
    pub fn party(id: i64, status: SignupStatus) -> Signup {
        Signup {
            id,
            occurrence_id: 1,
            name: format!("Familie {id}"),
            adults: 2,
            children: 1,
            email: String::new(),
            phone: String::new(),
            note: String::new(),
            status,
            attended: None,
            lang: Lang::DA,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{SignupMode, Status};
    use chrono::NaiveDate;

    #[test]
    fn the_earliest_parties_that_fit_are_promoted() {
        // Four seats free: the party of five waits; the parties of two and two behind it go.
        assert_eq!(promotions(4, &[(1, 5), (2, 2), (3, 2), (4, 1)]), [2, 3]);
        assert_eq!(promotions(0, &[(1, 1)]), Vec::<i64>::new());
        assert_eq!(promotions(6, &[(1, 5), (2, 2), (3, 1)]), [1, 3]);
    }

    #[test]
    fn a_full_date_puts_new_parties_on_the_waitlist() {
        assert_eq!(
            place_for(2, 38, Some(40)),
            SignupStatus::Confirmed,
            "the last two seats"
        );
        assert_eq!(place_for(3, 38, Some(40)), SignupStatus::Waitlisted);
        assert_eq!(place_for(1, 40, Some(40)), SignupStatus::Waitlisted, "full");
        assert_eq!(
            place_for(50, 400, None),
            SignupStatus::Confirmed,
            "no limit"
        );
    }

    #[test]
    fn a_confirmed_party_keeps_its_seats_when_it_changes() {
        // Forty seats, all taken, four of them by this party.
        assert!(fits_after_change(4, 3, 40, Some(40)), "smaller always fits");
        assert!(fits_after_change(4, 4, 40, Some(40)));
        assert!(!fits_after_change(4, 5, 40, Some(40)), "the date is full");
        assert!(fits_after_change(4, 6, 38, Some(40)), "two seats were free");
        assert!(fits_after_change(4, 90, 40, None));
    }

    fn occurrence(status: Status, starts: NaiveDateTime) -> Occurrence {
        crate::calendar::samples::occurrence(starts, status, SignupMode::Required)
    }

    fn party(status: SignupStatus) -> Signup {
        samples::party(1, status)
    }

    #[test]
    fn a_party_can_change_until_its_date_starts() {
        let starts = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(17, 30, 0)
            .unwrap();
        let before = starts - chrono::Duration::minutes(1);
        let date = occurrence(Status::Scheduled, starts);
        assert!(party(SignupStatus::Confirmed).can_change(&date, before));
        assert!(party(SignupStatus::Waitlisted).can_change(&date, before));
        assert!(
            !party(SignupStatus::Confirmed).can_change(&date, starts),
            "it has started"
        );
        assert!(!party(SignupStatus::Cancelled).can_change(&date, before));
        let cancelled = occurrence(Status::Cancelled, starts);
        assert!(!party(SignupStatus::Confirmed).can_change(&cancelled, before));
    }

    #[test]
    fn statuses_round_trip() {
        for status in [
            SignupStatus::Confirmed,
            SignupStatus::Waitlisted,
            SignupStatus::Cancelled,
        ] {
            assert_eq!(SignupStatus::parse(status.as_str()), Some(status));
        }
    }
}
