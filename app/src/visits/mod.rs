//! The website's visitors (`/personale/besoeg`): counted on the server with no cookie, no
//! JavaScript and no third party, and summed up per day, page, referring site and device class.
//!
//! A visitor is a keyed hash of the day's random salt, the client's network address, its user
//! agent and the site (`server/src/visits.rs` makes it). The salt is random per Danish day and
//! deleted soon after the day ends, so the same person on two days has two unrelated ids, and
//! nobody, the site included, can tell afterwards whose visits were counted.
//!
//! **Besøgende om måneden** (visitors a month) is the sum of the month's daily unique visitors:
//! one person counts once a day, on every day they come. A period's "visitors a month on
//! average" is the mean of its whole months that are over and in which counting was on
//! ([`visitors_a_month`]). The definitions are in [`DEFINITIONS`] and printed beside the
//! figures.

pub mod api;
#[cfg(feature = "ssr")]
pub mod queries;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The figures' names with their definitions, as Fluent keys: (name, definition).
pub const DEFINITIONS: [(&str, &str); 6] = [
    ("visits-visitors", "visits-visitors-definition"),
    ("visits-per-month", "visits-per-month-definition"),
    ("visits-views", "visits-views-definition"),
    ("visits-page-visitors", "visits-page-visitors-definition"),
    ("visits-referrals", "visits-referrals-definition"),
    ("visits-devices", "visits-devices-definition"),
];

/// The domain stored for the referring sites beyond an instance's daily limit of domains; the
/// page calls them "other sites".
pub const OTHER_SITES: &str = "*";

/// One device class's share of a year's visitors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceShare {
    pub device: Device,
    /// Unique visitors, summed per day.
    pub visitors: i64,
    /// The share in whole percent, rounded half up; `None` when nobody was counted.
    pub percent: Option<i64>,
}

/// The shares of `devices` (each class with its visitors) of their sum.
pub fn device_shares(devices: &[(Device, i64)]) -> Vec<DeviceShare> {
    let total: i64 = devices.iter().map(|(_, visitors)| visitors).sum();
    devices
        .iter()
        .map(|&(device, visitors)| DeviceShare {
            device,
            visitors,
            percent: (total > 0).then(|| (visitors * 100 + total / 2) / total),
        })
        .collect()
}

/// The kind of device a visitor used, from its user agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Device {
    Phone,
    Tablet,
    Computer,
}

impl Device {
    pub const ALL: [Device; 3] = [Device::Phone, Device::Tablet, Device::Computer];

    /// The device class of a browser's user agent. Written by hand rather than with a user
    /// agent parser: three classes need the two tokens browsers send for them ("Mobi" on phones,
    /// MDN's advice; "iPad", "Tablet" or Android without "Mobile" on tablets), while a full
    /// parser carries thousands of patterns for names this page never shows.
    pub fn of_user_agent(user_agent: &str) -> Device {
        let has = |token: &str| user_agent.contains(token);
        if has("iPad") || has("Tablet") || (has("Android") && !has("Mobile")) {
            Device::Tablet
        } else if has("Mobi") || has("iPhone") || has("Android") {
            Device::Phone
        } else {
            Device::Computer
        }
    }

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Device::Phone => "phone",
            Device::Tablet => "tablet",
            Device::Computer => "computer",
        }
    }

    /// The Fluent key of the class's Danish name.
    pub fn key(self) -> &'static str {
        match self {
            Device::Phone => "visits-device-phone",
            Device::Tablet => "visits-device-tablet",
            Device::Computer => "visits-device-computer",
        }
    }
}

/// A visitor's id on one day: the first 16 bytes of a keyed BLAKE3 hash.
pub type VisitorId = [u8; 16];

/// One visitor's views of one page on one day, the unit the instances add to the database.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HitKey {
    pub day: NaiveDate,
    pub visitor: VisitorId,
    pub path: String,
}

/// Counted views not yet written: the counter gathers them in memory and writes them in one
/// transaction every few seconds. Ordered maps, so that every instance writes rows in the same
/// order and two batches never wait for each other's locks in a circle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// Views per visitor, page and day, with the visitor's device class.
    pub hits: BTreeMap<HitKey, (Device, i64)>,
    /// Views that came by a link from another site, per day and domain.
    pub referrers: BTreeMap<(NaiveDate, String), i64>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty() && self.referrers.is_empty()
    }

    /// Adds `other`'s views to this batch's (a batch that could not be written goes back).
    pub fn merge(&mut self, other: Batch) {
        for (key, (device, views)) in other.hits {
            self.hits.entry(key).or_insert((device, 0)).1 += views;
        }
        for (key, visits) in other.referrers {
            *self.referrers.entry(key).or_insert(0) += visits;
        }
    }
}

/// One day's visitors: unique visitors, page views and unique visitors per device class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct VisitDay {
    pub day: NaiveDate,
    pub visitors: i64,
    pub views: i64,
    pub phones: i64,
    pub tablets: i64,
    pub computers: i64,
}

impl VisitDay {
    pub fn of_device(&self, device: Device) -> i64 {
        match device {
            Device::Phone => self.phones,
            Device::Tablet => self.tablets,
            Device::Computer => self.computers,
        }
    }
}

/// A page's views and visitors over a period (visitors summed per day, like the months').
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PageCount {
    pub path: String,
    pub views: i64,
    pub visitors: i64,
}

/// An article's views and visitors over a period, with its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ArticleCount {
    pub title: String,
    pub slug: String,
    pub views: i64,
    pub visitors: i64,
}

/// Views that came by a link from another site, per domain, over a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ReferrerCount {
    pub domain: String,
    pub visits: i64,
}

/// A finished day as the demo content and the day's summing-up write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DaySummary {
    pub day: VisitDay,
    pub pages: Vec<PageCount>,
    pub referrers: Vec<ReferrerCount>,
}

/// A month's figures: the sum of its days' unique visitors and views, and how many of its days
/// were counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub visitors: i64,
    pub views: i64,
    pub counted_days: i64,
}

/// The twelve months of `year` from `days` (days of other years are left out).
pub fn months_of_year(days: &[VisitDay], year: i32) -> [MonthFigures; 12] {
    let mut months = [MonthFigures::default(); 12];
    for day in days.iter().filter(|day| day.day.year() == year) {
        let month = &mut months[day.day.month0() as usize];
        month.visitors += day.visitors;
        month.views += day.views;
        month.counted_days += 1;
    }
    months
}

/// "Visitors a month on average" over `from..=to`: the mean of the visitors of the whole
/// months inside the period that ended before `today` and have at least one counted day. A
/// month still running would pull the mean down, and a month before counting began is not a
/// month without visitors. `None` when no month qualifies.
pub fn visitors_a_month(
    days: &[VisitDay],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Option<i64> {
    let mut totals: BTreeMap<(i32, u32), i64> = BTreeMap::new();
    for day in days {
        let month = crate::period::Period::month_of(day.day)?;
        if month.from >= from && month.to <= to && month.to < today {
            *totals
                .entry((month.from.year(), month.from.month()))
                .or_insert(0) += day.visitors;
        }
    }
    if totals.is_empty() {
        return None;
    }
    let sum: i64 = totals.values().sum();
    let count = totals.len() as i64;
    Some((sum + count / 2) / count)
}

/// The report's sentence on the website: "I 2026 havde hjemmesiden i gennemsnit 541 besøgende
/// om måneden, 98 flere end i 2025."
#[cfg(feature = "ssr")]
pub fn visitor_sentence(
    lang: crate::i18n::Lang,
    period: &str,
    previous: &str,
    current: Option<i64>,
    before: Option<i64>,
) -> String {
    use crate::i18n::Arg;
    let Some(current) = current else {
        return lang.text_with_values(
            "visits-sentence-none",
            &[("period", Arg::Text(period.into()))],
        );
    };
    let (change, difference) = match before {
        None => ("unknown", 0),
        Some(before) if current > before => ("more", current - before),
        Some(before) if current < before => ("fewer", before - current),
        Some(_) => ("same", 0),
    };
    lang.text_with_values(
        "visits-sentence",
        &[
            ("period", Arg::Text(period.into())),
            ("previous", Arg::Text(previous.into())),
            ("visitors", Arg::Number(current)),
            ("change", Arg::Text(change.into())),
            ("difference", Arg::Number(difference)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn device_shares_are_whole_percent_of_the_sum() {
        let shares = device_shares(&[
            (Device::Phone, 1),
            (Device::Tablet, 0),
            (Device::Computer, 2),
        ]);
        let percents: Vec<_> = shares.iter().map(|share| share.percent).collect();
        assert_eq!(percents, [Some(33), Some(0), Some(67)]);
        let none = device_shares(&[(Device::Phone, 0)]);
        assert_eq!(none[0].percent, None, "nobody counted: no share");
    }

    fn day(on: NaiveDate, visitors: i64) -> VisitDay {
        VisitDay {
            day: on,
            visitors,
            views: visitors * 2,
            phones: visitors,
            tablets: 0,
            computers: 0,
        }
    }

    #[test]
    fn phones_tablets_and_computers_are_told_apart_by_their_user_agents() {
        let cases = [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", Device::Phone),
            ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36", Device::Phone),
            ("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", Device::Tablet),
            ("Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36", Device::Tablet),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36", Device::Computer),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", Device::Computer),
        ];
        for (user_agent, device) in cases {
            assert_eq!(Device::of_user_agent(user_agent), device, "{user_agent}");
        }
    }

    #[test]
    fn a_month_is_the_sum_of_its_days_unique_visitors() {
        let days = [
            day(date(2026, 3, 1), 10),
            day(date(2026, 3, 31), 5),
            day(date(2026, 4, 2), 7),
            day(date(2025, 3, 2), 99),
        ];
        let months = months_of_year(&days, 2026);
        assert_eq!(months[2].visitors, 15);
        assert_eq!(months[2].views, 30);
        assert_eq!(months[2].counted_days, 2);
        assert_eq!(months[3].visitors, 7);
        assert_eq!(months[0], MonthFigures::default());
    }

    #[test]
    fn the_monthly_average_takes_only_whole_months_that_are_over_and_were_counted() {
        let days = [
            day(date(2026, 1, 5), 100),
            // February was not counted at all; March twice 150.
            day(date(2026, 3, 1), 150),
            day(date(2026, 3, 2), 150),
            // April is still running on 20 April and is left out.
            day(date(2026, 4, 1), 1),
        ];
        let average = visitors_a_month(
            &days,
            date(2026, 1, 1),
            date(2026, 12, 31),
            date(2026, 4, 20),
        );
        assert_eq!(average, Some(200));
        // A quarter holds only its own months; a period with no whole month has no average.
        let first_quarter = visitors_a_month(
            &days,
            date(2026, 1, 1),
            date(2026, 3, 31),
            date(2026, 12, 1),
        );
        assert_eq!(first_quarter, Some(200));
        let half_month = visitors_a_month(
            &days,
            date(2026, 3, 1),
            date(2026, 3, 15),
            date(2026, 12, 1),
        );
        assert_eq!(half_month, None);
    }

    #[test]
    fn a_batch_that_goes_back_keeps_every_view() {
        let key = HitKey {
            day: date(2026, 5, 1),
            visitor: [7; 16],
            path: "/".into(),
        };
        let mut first = Batch::default();
        first.hits.insert(key.clone(), (Device::Phone, 2));
        first
            .referrers
            .insert((date(2026, 5, 1), "google.com".into()), 1);
        let mut second = first.clone();
        second.merge(first);
        assert_eq!(second.hits[&key], (Device::Phone, 4));
        assert_eq!(
            second.referrers[&(date(2026, 5, 1), "google.com".into())],
            2
        );
    }
}
