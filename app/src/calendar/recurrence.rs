//! Recurrence: the rule of an activity as staff choose it in the form (weekly on some weekdays,
//! every N weeks, monthly on the n-th weekday, until a date or a number of times), written and
//! read as an RFC 5545 `RRULE` value, and expanded into dates by the `rrule` crate.
//!
//! Only dates come out of a rule. The time of day is the activity's local time on each date, so
//! a 9:30 activity is at 9:30 in Copenhagen in winter and in summer: the UTC instant is worked
//! out per date by chrono-tz when it is needed (feeds), never carried across a DST change.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};
use rrule::{RRule, Tz, Unvalidated};
use serde::{Deserialize, Serialize};

/// How often an activity repeats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repeat {
    /// A one-off event on its first date.
    Once,
    /// Every `interval` weeks on `days`.
    Weekly { interval: u32, days: Vec<Weekday> },
    /// Every month on the `nth` `day` (1–4, or -1 for the last).
    Monthly { nth: i8, day: Weekday },
}

/// When a repeating activity stops.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ends {
    Never,
    /// The last date it may fall on.
    Until(NaiveDate),
    /// How many times it happens in all.
    Count(u32),
}

/// A recurrence rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub repeat: Repeat,
    pub ends: Ends,
}

/// The RFC 5545 two-letter code of a weekday.
fn code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn weekday_of(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

impl Rule {
    /// A one-off event.
    pub fn once() -> Self {
        Self {
            repeat: Repeat::Once,
            ends: Ends::Never,
        }
    }

    /// The `RRULE` value, or an empty string for a one-off event.
    pub fn to_rrule(&self) -> String {
        let mut parts = match &self.repeat {
            Repeat::Once => return String::new(),
            Repeat::Weekly { interval, days } => {
                let days: Vec<&str> = days.iter().map(|day| code(*day)).collect();
                let mut parts = vec!["FREQ=WEEKLY".to_owned()];
                if *interval > 1 {
                    parts.push(format!("INTERVAL={interval}"));
                }
                parts.push(format!("BYDAY={}", days.join(",")));
                parts
            }
            Repeat::Monthly { nth, day } => {
                vec![
                    "FREQ=MONTHLY".to_owned(),
                    format!("BYDAY={nth}{}", code(*day)),
                ]
            }
        };
        match self.ends {
            Ends::Never => {}
            // The end of that day; expansion runs in floating local time, written as UTC.
            Ends::Until(date) => parts.push(format!("UNTIL={}T235959Z", date.format("%Y%m%d"))),
            Ends::Count(count) => parts.push(format!("COUNT={count}")),
        }
        parts.join(";")
    }

    /// Reads a value written by [`Rule::to_rrule`]; None for anything else.
    pub fn parse(rrule: &str) -> Option<Self> {
        if rrule.trim().is_empty() {
            return Some(Self::once());
        }
        let mut freq = None;
        let mut interval = 1;
        let mut byday = None;
        let mut ends = Ends::Never;
        for part in rrule.split(';') {
            let (name, value) = part.split_once('=')?;
            match name {
                "FREQ" => freq = Some(value),
                "INTERVAL" => interval = value.parse().ok()?,
                "BYDAY" => byday = Some(value),
                "UNTIL" => {
                    ends = Ends::Until(NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()?)
                }
                "COUNT" => ends = Ends::Count(value.parse().ok()?),
                _ => return None,
            }
        }
        let repeat = match (freq?, byday?) {
            ("WEEKLY", days) => Repeat::Weekly {
                interval,
                days: days
                    .split(',')
                    .map(weekday_of)
                    .collect::<Option<Vec<_>>>()?,
            },
            ("MONTHLY", day) => {
                let split = day.len().checked_sub(2)?;
                Repeat::Monthly {
                    nth: day[..split].parse().ok()?,
                    day: weekday_of(&day[split..])?,
                }
            }
            _ => return None,
        };
        Some(Self { repeat, ends })
    }

    /// Checks what a form cannot: at least one weekday, sensible numbers.
    pub fn problem(&self, starts_on: NaiveDate) -> Option<RuleProblem> {
        match &self.repeat {
            Repeat::Once => return None,
            Repeat::Weekly { days, .. } if days.is_empty() => return Some(RuleProblem::NoWeekday),
            Repeat::Weekly { interval, .. } if !(1..=52).contains(interval) => {
                return Some(RuleProblem::BadInterval)
            }
            Repeat::Monthly { nth, .. } if !matches!(nth, 1..=4 | -1) => {
                return Some(RuleProblem::BadNth)
            }
            _ => {}
        }
        match self.ends {
            Ends::Until(until) if until < starts_on => Some(RuleProblem::EndsBeforeStart),
            Ends::Count(count) if !(1..=1000).contains(&count) => Some(RuleProblem::BadCount),
            _ => None,
        }
    }
}

impl Rule {
    /// The rule in Danish words: "Hver tirsdag", "Hver 2. uge om mandagen og torsdagen",
    /// "Den sidste fredag i måneden, 11 gange".
    pub fn describe(&self, starts_on: NaiveDate) -> String {
        use crate::{
            dates::{and_list, date_text, weekday_name},
            i18n::{t_values, t_with},
        };
        let days = |days: &[Weekday]| {
            let names: Vec<String> = days.iter().map(|day| weekday_name(*day)).collect();
            and_list(crate::i18n::lang(), &names)
        };
        let mut text = match &self.repeat {
            Repeat::Once => return t_with("rule-once", &[("date", date_text(starts_on))]),
            Repeat::Weekly {
                interval: 1,
                days: list,
            } => t_with("rule-weekly", &[("days", days(list))]),
            Repeat::Weekly {
                interval,
                days: list,
            } => t_values(
                "rule-every-n-weeks",
                &[("n", (*interval).into()), ("days", days(list).into())],
            ),
            Repeat::Monthly { nth: -1, day } => {
                t_with("rule-monthly-last", &[("day", weekday_name(*day))])
            }
            Repeat::Monthly { nth, day } => t_values(
                "rule-monthly",
                &[
                    ("n", i64::from(*nth).into()),
                    ("day", weekday_name(*day).into()),
                ],
            ),
        };
        match self.ends {
            Ends::Never => {}
            Ends::Until(date) => {
                text.push_str(&t_with("rule-until", &[("date", date_text(date))]));
            }
            Ends::Count(count) => {
                text.push_str(&t_values("rule-count", &[("count", count.into())]));
            }
        }
        text
    }
}

/// Why a rule from the form cannot be used; each has a Danish message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleProblem {
    NoWeekday,
    BadInterval,
    BadNth,
    EndsBeforeStart,
    BadCount,
}

impl RuleProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            RuleProblem::NoWeekday => "rule-no-weekday",
            RuleProblem::BadInterval => "rule-bad-interval",
            RuleProblem::BadNth => "rule-bad-nth",
            RuleProblem::EndsBeforeStart => "rule-ends-before-start",
            RuleProblem::BadCount => "rule-bad-count",
        }
    }
}

/// The most dates one expansion returns; a year of a daily rule fits.
const MAX_DATES: u16 = 2000;

/// The most times a counted rule is expanded to. The form allows 1–1000; a larger count that
/// reached the database some other way is read as this many, so expanding it stays cheap.
const MAX_COUNT: u32 = 1000;

impl Rule {
    /// Where expanding the rule for a period from `from` may begin, and the rule to expand
    /// from there. The `rrule` crate walks from its start one step (a week, a month) at a
    /// time, so starting at the activity's first date would cost a step per week between it
    /// and the period. A rule that never ends or ends on a date begins instead at the step
    /// that holds `from`, worked out arithmetically, which gives the same dates in the period:
    /// a weekly rule at the Monday of the last week of its cycle (every `interval` weeks from
    /// the first date's week) before `from`, a monthly one at the first of `from`'s month. A
    /// counted rule must be counted from its first date; its count (at most [`MAX_COUNT`])
    /// bounds the walk.
    fn expansion_start(self, starts_on: NaiveDate, from: NaiveDate) -> (NaiveDate, Rule) {
        let resume = match (&self.ends, &self.repeat) {
            (Ends::Count(_), _) | (_, Repeat::Once) => None,
            (_, Repeat::Weekly { interval, .. }) => {
                let first_week = monday_of(starts_on);
                let interval = i64::from((*interval).max(1));
                let weeks = (monday_of(from) - first_week).num_weeks();
                let cycles = weeks.div_euclid(interval) * interval;
                first_week.checked_add_signed(chrono::Duration::weeks(cycles))
            }
            (_, Repeat::Monthly { .. }) => from.with_day(1),
        };
        let start = resume.filter(|date| *date > starts_on).unwrap_or(starts_on);
        let ends = match self.ends {
            Ends::Count(count) => Ends::Count(count.min(MAX_COUNT)),
            ends => ends,
        };
        (start, Rule { ends, ..self })
    }
}

/// The dates in `from..=to` on which an activity starting on `starts_on` with `rrule` is
/// scheduled. A one-off event has its first date only. A rule that cannot be read yields its
/// first date only, so a damaged rule never hides an activity entirely.
///
/// The work is bounded by the period, not by how far it lies from the first date (see
/// [`Rule::expansion_start`]), so this is cheap enough to run on the async runtime.
pub fn scheduled_dates(
    starts_on: NaiveDate,
    rrule: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let within = |date: &NaiveDate| (from..=to).contains(date);
    let first_only = || Some(starts_on).filter(within).into_iter().collect();
    if rrule.trim().is_empty() || to < starts_on || to < from {
        return first_only();
    }
    let Some(rule) = Rule::parse(rrule) else {
        tracing::warn!(rule = rrule, "an activity's rule cannot be read");
        return first_only();
    };
    if matches!(rule.ends, Ends::Until(until) if until < from) {
        return Vec::new();
    }
    let (start, rule) = rule.expansion_start(starts_on, from);
    // Expansion in floating time (written as UTC): only the dates are used, and a calendar
    // date has no daylight-saving time.
    let at = |date: NaiveDate, time: NaiveTime| Tz::UTC.from_utc_datetime(&date.and_time(time));
    let dates = rule
        .to_rrule()
        .parse::<RRule<Unvalidated>>()
        .and_then(|rule| rule.build(at(start, NaiveTime::MIN)))
        .map(|set| {
            set.after(at(from.max(start), NaiveTime::MIN))
                .before(at(
                    to,
                    NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN),
                ))
                .all(MAX_DATES)
                .dates
        });
    match dates {
        Ok(dates) => dates
            .into_iter()
            .map(|date| date.date_naive())
            .filter(within)
            .collect(),
        Err(err) => {
            tracing::warn!(rule = rrule, error = %err, "an activity's rule cannot be read");
            first_only()
        }
    }
}

/// Whether `date` is one of the scheduled dates.
pub fn is_scheduled(starts_on: NaiveDate, rrule: &str, date: NaiveDate) -> bool {
    scheduled_dates(starts_on, rrule, date, date).contains(&date)
}

/// The local date and time on `date` at `time`.
pub fn local(date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    date.and_time(time)
}

/// The Monday of the week `date` is in.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rules_round_trip_through_rrule() {
        let rules = [
            Rule::once(),
            Rule {
                repeat: Repeat::Weekly {
                    interval: 1,
                    days: vec![Weekday::Tue],
                },
                ends: Ends::Never,
            },
            Rule {
                repeat: Repeat::Weekly {
                    interval: 2,
                    days: vec![Weekday::Mon, Weekday::Thu],
                },
                ends: Ends::Until(date(2027, 6, 30)),
            },
            Rule {
                repeat: Repeat::Monthly {
                    nth: -1,
                    day: Weekday::Fri,
                },
                ends: Ends::Count(11),
            },
        ];
        for rule in rules {
            assert_eq!(
                Rule::parse(&rule.to_rrule()),
                Some(rule.clone()),
                "{rule:?}"
            );
        }
        assert_eq!(
            Rule::parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270630T235959Z")
                .unwrap()
                .to_rrule(),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270630T235959Z"
        );
        assert_eq!(Rule::parse("FREQ=DAILY;BYDAY=MO"), None);
        assert_eq!(Rule::parse("nonsense"), None);
    }

    /// The dates a rule gives in a period. `case` is the first date, the rule and the period's
    /// first and last day, separated by spaces; the answer is the dates, separated by spaces.
    fn expanded(case: &str) -> String {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let [first, rule, from, to] = case.split(' ').collect::<Vec<_>>()[..] else {
            panic!("not a case: {case}");
        };
        let dates = scheduled_dates(day(first), rule, day(from), day(to));
        let dates: Vec<String> = dates.iter().map(NaiveDate::to_string).collect();
        dates.join(" ")
    }

    #[test]
    fn weekly_and_monthly_rules_give_their_dates() {
        let cases = [
            // Every Tuesday, across the change to summer time on 2026-03-29.
            (
                "2026-01-06 FREQ=WEEKLY;BYDAY=TU 2026-03-15 2026-04-08",
                "2026-03-17 2026-03-24 2026-03-31 2026-04-07",
            ),
            // Every other week until a date.
            (
                "2026-12-01 FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231T235959Z 2026-11-01 2027-03-01",
                "2026-12-01 2026-12-03 2026-12-15 2026-12-17 2026-12-29 2026-12-31",
            ),
            // A count of dates.
            (
                "2026-12-01 FREQ=WEEKLY;BYDAY=TU;COUNT=3 2026-01-01 2027-12-31",
                "2026-12-01 2026-12-08 2026-12-15",
            ),
            // The last Friday and the first Thursday of the month.
            (
                "2026-01-01 FREQ=MONTHLY;BYDAY=-1FR 2026-10-01 2026-12-31",
                "2026-10-30 2026-11-27 2026-12-25",
            ),
            ("2026-01-01 FREQ=MONTHLY;BYDAY=1TH 2026-12-01 2026-12-31", "2026-12-03"),
            // Nothing before the first date.
            (
                "2026-12-08 FREQ=WEEKLY;BYDAY=TU 2026-12-01 2026-12-15",
                "2026-12-08 2026-12-15",
            ),
        ];
        for (case, dates) in cases {
            assert_eq!(expanded(case), dates, "{case}");
        }
        assert!(is_scheduled(
            date(2026, 1, 1),
            "FREQ=MONTHLY;BYDAY=1TH",
            date(2026, 12, 3)
        ));
        assert!(!is_scheduled(
            date(2026, 1, 1),
            "FREQ=MONTHLY;BYDAY=1TH",
            date(2026, 12, 10)
        ));
    }

    #[test]
    fn a_one_off_event_has_its_date_only() {
        let day = date(2026, 12, 12);
        assert_eq!(
            scheduled_dates(day, "", date(2026, 12, 1), date(2026, 12, 31)),
            [day]
        );
        assert!(scheduled_dates(day, "", date(2027, 1, 1), date(2027, 1, 31)).is_empty());
    }

    /// Every date of a rule from its first date to `to`, one week at a time, the slow way:
    /// what the bounded expansion must agree with.
    fn walked(starts_on: NaiveDate, rrule: &str, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let set = rrule
            .parse::<RRule<Unvalidated>>()
            .unwrap()
            .build(Tz::UTC.from_utc_datetime(&starts_on.and_time(NaiveTime::MIN)))
            .unwrap();
        set.before(Tz::UTC.from_utc_datetime(&to.and_hms_opt(23, 59, 59).unwrap()))
            .all(u16::MAX)
            .dates
            .into_iter()
            .map(|date| date.date_naive())
            .filter(|date| (from..=to).contains(date))
            .collect()
    }

    #[test]
    fn expansion_from_the_period_gives_the_same_dates_as_from_the_first_date() {
        let rules = [
            "FREQ=WEEKLY;BYDAY=TU",
            "FREQ=WEEKLY;BYDAY=MO,WE,SU",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR,SA;UNTIL=20290630T235959Z",
            "FREQ=WEEKLY;INTERVAL=52;BYDAY=WE",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=MONTHLY;BYDAY=4SU",
            "FREQ=WEEKLY;BYDAY=TU;COUNT=40",
            "FREQ=MONTHLY;BYDAY=1TH;COUNT=30",
        ];
        // First dates on every weekday, and periods from before the first date to years on.
        let firsts = (0..7).map(|offset| date(2026, 1, 1) + chrono::Duration::days(offset));
        for starts_on in firsts {
            for rule in rules {
                for (from, to) in [
                    (date(2025, 12, 1), date(2026, 1, 31)),
                    (date(2026, 3, 9), date(2026, 3, 15)),
                    (date(2027, 2, 1), date(2027, 2, 28)),
                    (date(2028, 12, 25), date(2029, 1, 7)),
                    (date(2030, 6, 1), date(2030, 7, 31)),
                ] {
                    assert_eq!(
                        scheduled_dates(starts_on, rule, from, to),
                        walked(starts_on, rule, from, to),
                        "{rule} from {starts_on}, {from}..={to}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_far_period_of_an_old_activity_is_cheap() {
        // An activity since the year 1 with no end: the month 9999 years on is worked out
        // from the month itself. Walking there week by week took most of a second.
        let started = std::time::Instant::now();
        for _ in 0..10 {
            let dates = scheduled_dates(
                date(1, 1, 2),
                "FREQ=WEEKLY;BYDAY=TU",
                date(9999, 12, 1),
                date(9999, 12, 31),
            );
            assert_eq!(dates.len(), 4);
            assert!(is_scheduled(
                date(1, 1, 2),
                "FREQ=MONTHLY;BYDAY=-1FR",
                date(9999, 12, 31)
            ));
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?} for 10 far months",
            started.elapsed()
        );
        // A count beyond the form's limit is expanded no further than the limit.
        let counted = scheduled_dates(
            date(2026, 1, 6),
            "FREQ=WEEKLY;BYDAY=TU;COUNT=4000000000",
            date(2026, 1, 1),
            date(2100, 12, 31),
        );
        assert_eq!(counted.len(), MAX_COUNT as usize);
    }

    #[test]
    fn form_mistakes_are_named() {
        let start = date(2026, 12, 1);
        let weekly = |days: Vec<Weekday>, ends| Rule {
            repeat: Repeat::Weekly { interval: 1, days },
            ends,
        };
        assert_eq!(
            weekly(vec![], Ends::Never).problem(start),
            Some(RuleProblem::NoWeekday)
        );
        assert_eq!(
            weekly(vec![Weekday::Tue], Ends::Until(date(2026, 11, 1))).problem(start),
            Some(RuleProblem::EndsBeforeStart)
        );
        assert_eq!(
            weekly(vec![Weekday::Tue], Ends::Count(0)).problem(start),
            Some(RuleProblem::BadCount)
        );
        assert_eq!(weekly(vec![Weekday::Tue], Ends::Never).problem(start), None);
        assert_eq!(monday_of(date(2026, 11, 26)), date(2026, 11, 23));
    }
}
