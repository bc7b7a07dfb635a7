//! The weekly newsletter (*nyhedsbrev*): residents subscribe with an address and no account,
//! confirm by the link in an email (double opt-in), choose everything or only some activities
//! and focus areas, and leave in one click. Once a week, at the time staff set, every confirmed
//! subscriber gets the week's activities they chose and the news since the last newsletter.
//!
//! This module holds the types and the rules: the week a newsletter belongs to ([`Week`]), when
//! it is due ([`Schedule::due`]), what a subscriber gets of a week ([`Edition::for_subscriber`]),
//! and the forms' input names. The queries are in `queries.rs`, the forms and the weekly run in
//! `service.rs`, the emails in `emails.rs`, the pages' server functions in `api.rs`.

#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// An ISO 8601 week, the identity of a newsletter: `2026-W50` in the database, `/nyhedsbrev/2026-50`
/// in the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Week {
    year: i32,
    week: u32,
}

impl Week {
    /// The week `date` lies in.
    pub fn of(date: NaiveDate) -> Self {
        let iso = date.iso_week();
        Self {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// Reads `2026-W50` (as stored) or `2026-50` (as in an address); None for anything else,
    /// including a week the year does not have. At most 8 characters are looked at, so any
    /// text costs the same.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() > 8 {
            return None;
        }
        let (year, week) = text.split_once('-')?;
        let week = week.strip_prefix('W').unwrap_or(week);
        if year.len() != 4 || !(1..=2).contains(&week.len()) {
            return None;
        }
        let (year, week) = (year.parse().ok()?, week.parse().ok()?);
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| Self { year, week })
    }

    /// Its Monday.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or_default()
    }

    /// Its Sunday.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + chrono::Duration::days(6)
    }

    /// The week number, as people say it ("uge 50").
    pub fn number(self) -> u32 {
        self.week
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// How it is stored, and what a sign-up from its links remembers: `2026-W50`.
    pub fn key(self) -> String {
        format!("{}-W{:02}", self.year, self.week)
    }

    /// The newsletter's web page: `/nyhedsbrev/2026-50`.
    pub fn path(self) -> String {
        format!("/nyhedsbrev/{}-{:02}", self.year, self.week)
    }
}

/// When the newsletter goes: a weekday and a Danish local time, which staff set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub weekday: Weekday,
    pub at: NaiveTime,
}

impl Default for Schedule {
    /// Monday at 7:00.
    fn default() -> Self {
        Self {
            weekday: Weekday::Mon,
            at: NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default(),
        }
    }
}

impl Schedule {
    /// The moment (local) the newsletter of `week` is due.
    pub fn moment(self, week: Week) -> NaiveDateTime {
        let day =
            week.monday() + chrono::Duration::days(i64::from(self.weekday.num_days_from_monday()));
        day.and_time(self.at)
    }

    /// Whether the newsletter of the week of `local_now` is due at `local_now`.
    pub fn due(self, local_now: NaiveDateTime) -> bool {
        local_now >= self.moment(Week::of(local_now.date()))
    }
}

/// The staff's settings of the newsletter, and the note of the next one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub schedule: Schedule,
    /// A short note staff write for the next newsletter; it goes with it and is then cleared.
    pub note: String,
}

/// The longest note staff may write: a few short paragraphs.
pub const LONGEST_NOTE: usize = 2_000;

/// An unconfirmed address is forgotten this long after it subscribed, and gets nothing else.
pub const UNCONFIRMED_KEPT: chrono::Duration = chrono::Duration::days(7);

/// A private link from an email works this long; every newsletter brings a new one.
pub const LINKS_KEPT: chrono::Duration = chrono::Duration::days(180);

/// Subscribers queued per transaction of the weekly run.
pub const BATCH: usize = 250;

/// A subscriber as its private page and the weekly run see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriber {
    pub id: i64,
    pub email: String,
    pub lang: Lang,
    pub confirmed: bool,
    pub paused: bool,
    /// Every activity, or only [`Subscriber::activities`] and [`Subscriber::focus_areas`].
    pub everything: bool,
    pub activities: Vec<i64>,
    pub focus_areas: Vec<i64>,
}

pub use crate::calendar::Seats;

/// One date of the week in a newsletter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionDate {
    pub activity_id: i64,
    pub focus_area_id: Option<i64>,
    pub name: String,
    /// The date's page, where the sign-up form is.
    pub path: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub venue: Option<String>,
    pub seats: Seats,
}

/// One piece of news in a newsletter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionNews {
    pub title: String,
    pub lead: String,
    pub path: String,
}

/// A week's newsletter: everything it holds, before it is cut to a subscriber's choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub week: Week,
    pub note: String,
    pub dates: Vec<EditionDate>,
    pub news: Vec<EditionNews>,
    /// The Danish date it went (none for a preview).
    pub sent_on: Option<NaiveDate>,
}

impl Edition {
    /// The dates `subscriber` chose: all of them, or those of its activities and focus areas.
    pub fn for_subscriber(&self, subscriber: &Subscriber) -> Vec<&EditionDate> {
        self.dates
            .iter()
            .filter(|date| {
                subscriber.everything
                    || subscriber.activities.contains(&date.activity_id)
                    || date
                        .focus_area_id
                        .is_some_and(|area| subscriber.focus_areas.contains(&area))
            })
            .collect()
    }
}

/// The newsletter's figures of a period: subscribers at each month's end, the newsletters sent
/// and their recipients, and the sign-ups made in the period, of which from a newsletter's link
/// (counted by the week the link carries, never by the person).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsletterFigures {
    /// (`2026-12`, subscribers at the month's end, or so far this month).
    pub months: Vec<(String, i64)>,
    pub newsletters: i64,
    pub recipients: i64,
    pub signups: i64,
    pub from_newsletter: i64,
}

impl NewsletterFigures {
    /// The subscribers at the end of the period's last counted month.
    pub fn subscribers(&self) -> i64 {
        self.months.last().map_or(0, |(_, count)| *count)
    }

    /// The share of the period's sign-ups that came from a newsletter, in whole percent.
    pub fn share(&self) -> i64 {
        if self.signups == 0 {
            return 0;
        }
        (self.from_newsletter * 100 + self.signups / 2) / self.signups
    }

    /// The report's sentence, in `lang`, on the period called `period`.
    pub fn sentence(&self, lang: Lang, period: &str) -> String {
        lang.text_with_values(
            "newsletter-figures-sentence",
            &[
                ("period", period.to_owned().into()),
                ("subscribers", self.subscribers().into()),
                ("newsletters", self.newsletters.into()),
                ("recipients", self.recipients.into()),
                ("signups", self.signups.into()),
                ("from_newsletter", self.from_newsletter.into()),
                ("share", self.share().into()),
            ],
        )
    }
}

/// What the newsletter's figures mean, (name key, definition key).
pub const DEFINITIONS: [(&str, &str); 3] = [
    (
        "newsletter-figures-subscribers",
        "newsletter-figures-subscribers-definition",
    ),
    (
        "newsletter-figures-sent",
        "newsletter-figures-sent-definition",
    ),
    (
        "newsletter-figures-from",
        "newsletter-figures-from-definition",
    ),
];

/// The forms' input names.
pub mod fields {
    /// The address on the subscription form.
    pub const EMAIL: &str = "email";
    /// The robots' field of the subscription form (see the sign-up form's).
    pub const HONEYPOT: &str = "hjemmeside";
    /// "alt" for everything, "valgte" for the chosen activities and areas.
    pub const WHAT: &str = "hvad";
    pub const ACTIVITY: &str = "aktivitet";
    pub const FOCUS_AREA: &str = "fokus";
    /// The staff's note for the next newsletter.
    pub const NOTE: &str = "note";
    pub const WEEKDAY: &str = "ugedag";
    pub const TIME: &str = "klokken";
    /// A link from a newsletter carries its week here (not the person), and the sign-up form
    /// passes it on.
    pub const FROM_NEWSLETTER: &str = "nyhedsbrev";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_are_read_and_written_both_ways() {
        let week = Week::of(date(2026, 12, 9));
        assert_eq!(week.key(), "2026-W50");
        assert_eq!(week.path(), "/nyhedsbrev/2026-50");
        assert_eq!(Week::parse("2026-W50"), Some(week));
        assert_eq!(Week::parse("2026-50"), Some(week));
        assert_eq!(week.monday(), date(2026, 12, 7));
        assert_eq!(week.sunday(), date(2026, 12, 13));
        // ISO years: 1 January 2027 is in 2026's week 53.
        assert_eq!(Week::of(date(2027, 1, 1)).key(), "2026-W53");
        for bad in [
            "2025-W53",
            "2026-W00",
            "2026-W54",
            "26-W5",
            "2026W50",
            "",
            "2026-W5x",
            "2026-W050",
        ] {
            assert_eq!(Week::parse(bad), None, "{bad}");
        }
        assert_eq!(Week::parse(&"9".repeat(100_000)), None);
    }

    #[test]
    fn a_newsletter_is_due_from_its_weekday_and_time_on() {
        let schedule = Schedule::default();
        let at = |d: u32, h: u32, m: u32| date(2026, 12, d).and_hms_opt(h, m, 0).unwrap();
        assert!(!schedule.due(at(7, 6, 59)), "Monday before seven");
        assert!(schedule.due(at(7, 7, 0)));
        assert!(schedule.due(at(13, 23, 0)), "still due on Sunday");
        let thursday = Schedule {
            weekday: Weekday::Thu,
            at: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
        };
        assert!(!thursday.due(at(9, 12, 0)));
        assert!(!thursday.due(at(10, 16, 29)));
        assert!(thursday.due(at(10, 16, 30)));
    }

    #[test]
    fn the_share_of_signups_from_the_newsletter_is_rounded() {
        let figures = |signups, from_newsletter| NewsletterFigures {
            months: vec![("2026-11".into(), 40), ("2026-12".into(), 42)],
            signups,
            from_newsletter,
            ..NewsletterFigures::default()
        };
        assert_eq!(figures(0, 0).share(), 0);
        assert_eq!(figures(3, 1).share(), 33);
        assert_eq!(figures(3, 2).share(), 67);
        assert_eq!(figures(8, 8).share(), 100);
        assert_eq!(figures(8, 8).subscribers(), 42);
        let sentence = figures(3, 1).sentence(Lang::DA, "2026");
        assert!(sentence.contains("33"), "{sentence}");
    }

    #[test]
    fn a_subscriber_gets_what_it_chose() {
        let dated = |activity_id, focus_area_id| EditionDate {
            activity_id,
            focus_area_id,
            name: format!("{activity_id}"),
            path: String::new(),
            starts: NaiveDateTime::default(),
            ends: NaiveDateTime::default(),
            venue: None,
            seats: Seats::JustCome,
        };
        let edition = Edition {
            week: Week::of(date(2026, 12, 9)),
            note: String::new(),
            dates: vec![dated(1, Some(10)), dated(2, None), dated(3, Some(11))],
            news: vec![],
            sent_on: None,
        };
        let mut subscriber = Subscriber {
            id: 1,
            email: "a@example.org".into(),
            lang: Lang::DA,
            confirmed: true,
            paused: false,
            everything: true,
            activities: vec![],
            focus_areas: vec![],
        };
        let names = |subscriber: &Subscriber| -> Vec<String> {
            edition
                .for_subscriber(subscriber)
                .iter()
                .map(|d| d.name.clone())
                .collect()
        };
        assert_eq!(names(&subscriber), ["1", "2", "3"]);
        subscriber.everything = false;
        assert!(names(&subscriber).is_empty());
        subscriber.activities = vec![2];
        subscriber.focus_areas = vec![11];
        assert_eq!(names(&subscriber), ["2", "3"]);
    }
}
