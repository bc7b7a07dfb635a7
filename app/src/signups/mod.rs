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

use serde::{Deserialize, Serialize};

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
}

/// A party as it signs up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSignup {
    pub name: String,
    pub adults: i64,
    pub children: i64,
    pub email: String,
    pub phone: String,
    pub note: String,
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
}

impl Signup {
    pub fn persons(&self) -> i64 {
        self.adults + self.children
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_parties_that_fit_are_promoted() {
        // Four seats free: the party of five waits; the parties of two and two behind it go.
        assert_eq!(promotions(4, &[(1, 5), (2, 2), (3, 2), (4, 1)]), [2, 3]);
        assert_eq!(promotions(0, &[(1, 1)]), Vec::<i64>::new());
        assert_eq!(promotions(6, &[(1, 5), (2, 2), (3, 1)]), [1, 3]);
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
