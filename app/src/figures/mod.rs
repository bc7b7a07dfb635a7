//! The activity figures staff must report (`/personale/tal`): per activity, per focus area and
//! in total, for a year, a quarter or a chosen period, with the same period of the year before
//! beside each figure; as tables with SVG charts, as CSV for Excel, and as a printable report
//! with the Danish sentences of the yearly report.
//!
//! The citizen journalists' contributions ([`Contributors`]) are counted from their submissions:
//! sent by the time each was first sent for review, published and photos by the time each was
//! published.
//!
//! Every figure is computed from the attendance records and the sign-ups' counts (adults,
//! children, status), which the retention job never touches, so deleting personal details
//! changes no figure. The definitions are in [`DEFINITIONS`] and printed with the figures.

pub mod api;
#[cfg(feature = "ssr")]
pub mod compute;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod queries;

use serde::{Deserialize, Serialize};

use crate::period::Period;

/// The figures' names with their definitions, as Fluent keys: (name, definition).
pub const DEFINITIONS: [(&str, &str); 11] = [
    ("figures-held", "figures-held-definition"),
    ("figures-not-held", "figures-not-held-definition"),
    ("figures-participants", "figures-participants-definition"),
    ("figures-average", "figures-average-definition"),
    ("figures-volunteers", "figures-volunteers-definition"),
    ("figures-first-timers", "figures-first-timers-definition"),
    ("figures-walk-ins", "figures-walk-ins-definition"),
    ("figures-signups", "figures-signups-definition"),
    ("figures-cancellations", "figures-cancellations-definition"),
    ("figures-no-shows", "figures-no-shows-definition"),
    ("figures-promotions", "figures-promotions-definition"),
];

/// The figures of one group of occurrences in one period. See [`DEFINITIONS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub held: i64,
    pub not_held: i64,
    pub adults: i64,
    pub children: i64,
    pub volunteers: i64,
    pub first_timers: i64,
    pub walk_ins: i64,
    pub signups: i64,
    pub cancellations: i64,
    pub no_shows: i64,
    pub promotions: i64,
}

impl Counts {
    pub fn participants(&self) -> i64 {
        self.adults + self.children
    }

    /// Participants per occurrence held; None when none was held.
    pub fn average_participants(&self) -> Option<f64> {
        (self.held > 0).then(|| self.participants() as f64 / self.held as f64)
    }

    /// Volunteers per occurrence held; None when none was held.
    pub fn volunteers_per_occurrence(&self) -> Option<f64> {
        (self.held > 0).then(|| self.volunteers as f64 / self.held as f64)
    }

    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, more: Counts) {
        self.held += more.held;
        self.not_held += more.not_held;
        self.adults += more.adults;
        self.children += more.children;
        self.volunteers += more.volunteers;
        self.first_timers += more.first_timers;
        self.walk_ins += more.walk_ins;
        self.signups += more.signups;
        self.cancellations += more.cancellations;
        self.no_shows += more.no_shows;
        self.promotions += more.promotions;
    }
}

/// One line of the figures: a group with this period's and last year's counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub name: String,
    /// The focus area of an activity line (empty otherwise).
    pub focus_area: String,
    /// The venue of an activity line (empty otherwise).
    pub venue: String,
    pub current: Counts,
    pub previous: Counts,
}

/// Everything the figures page, the CSV and the report show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub period: Period,
    pub previous: Period,
    pub total: Line,
    pub by_activity: Vec<Line>,
    pub by_focus_area: Vec<Line>,
    /// The report's sentences, in Danish, one per activity held, one for the total and one
    /// for the citizen journalists.
    pub sentences: Vec<String>,
    pub contributors: Contributors,
    pub newsletter: crate::newsletter::NewsletterFigures,
}

/// One journalist's (or all journalists') contributions in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributions {
    /// Submissions first sent for review in the period.
    pub sent: i64,
    /// Submissions published in the period: the contributions (bidrag), articles or photo series.
    pub published: i64,
    /// Photos in the submissions published in the period.
    pub photos: i64,
}

impl std::ops::AddAssign for Contributions {
    fn add_assign(&mut self, more: Self) {
        self.sent += more.sent;
        self.published += more.published;
        self.photos += more.photos;
    }
}

/// A line of the contributor figures: a journalist (or the total), this period and last year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributorLine {
    pub name: String,
    pub current: Contributions,
    pub previous: Contributions,
}

/// The citizen journalists' figures: per journalist (by name), the total, and how many
/// journalists were active and how many delivered, this period and last year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributors {
    pub by_journalist: Vec<ContributorLine>,
    pub total: Contributions,
    pub previous_total: Contributions,
    /// Journalists who sent or had published at least one submission: (this period, last year).
    pub active: (i64, i64),
    /// Journalists with at least one submission published: (this period, last year).
    pub delivering: (i64, i64),
}

/// The contributor figures' names with their definitions, as Fluent keys.
pub const CONTRIBUTOR_DEFINITIONS: [(&str, &str); 5] = [
    (
        "figures-submissions-sent",
        "figures-submissions-sent-definition",
    ),
    ("figures-contributions", "figures-contributions-definition"),
    ("figures-photos", "figures-photos-definition"),
    (
        "figures-active-journalists",
        "figures-active-journalists-definition",
    ),
    (
        "figures-delivering-journalists",
        "figures-delivering-journalists-definition",
    ),
];

/// A number with one decimal and a Danish decimal comma: "34,2"; "–" for none.
pub fn decimal(value: Option<f64>) -> String {
    value
        .map(|value| format!("{value:.1}").replace('.', ","))
        .unwrap_or_else(|| "–".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_are_per_occurrence_held() {
        let counts = Counts {
            held: 3,
            adults: 80,
            children: 22,
            volunteers: 7,
            ..Counts::default()
        };
        assert_eq!(decimal(counts.average_participants()), "34,0");
        assert_eq!(decimal(counts.volunteers_per_occurrence()), "2,3");
        assert_eq!(decimal(Counts::default().average_participants()), "–");
    }
}
