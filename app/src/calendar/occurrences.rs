//! From activities and their exceptions to the dated occurrences of a period.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    recurrence::{is_scheduled, local, scheduled_dates},
    Activity, Exception, ExceptionKind, Occurrence, OccurrenceKey, Status,
};

/// The occurrences of `activity` that take place in `from..=to`, including cancelled ones (shown
/// as cancelled), moved ones at their new date, and extra dates.
pub fn occurrences_of(
    activity: &Activity,
    exceptions: &[Exception],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Occurrence> {
    let by_date: HashMap<NaiveDate, &Exception> = exceptions
        .iter()
        .map(|exception| (exception.on_date, exception))
        .collect();
    let occurrence = |date: NaiveDate, on: NaiveDate, times, status, reason: &str| {
        let (start, end) = times;
        Occurrence {
            key: OccurrenceKey {
                activity_slug: activity.slug.clone(),
                date,
            },
            activity_name: activity.name.clone(),
            starts: local(on, start),
            ends: local(on, end),
            status,
            reason: reason.to_owned(),
            venue: activity.venue.as_ref().map(|venue| venue.name.clone()),
            focus_area: activity.focus_area.as_ref().map(|area| area.name.clone()),
            signup_mode: activity.signup_mode,
            activity_id: activity.id,
            capacity: activity.capacity,
            taken: 0,
            picture: activity.picture.clone(),
        }
    };
    let usual = (activity.start_time, activity.end_time);
    let mut found = Vec::new();
    for date in scheduled_dates(activity.starts_on, &activity.rule, from, to) {
        match by_date
            .get(&date)
            .map(|exception| (&exception.kind, exception))
        {
            None | Some((ExceptionKind::Extra { .. }, _)) => {
                found.push(occurrence(date, date, usual, Status::Scheduled, ""));
            }
            Some((ExceptionKind::Cancelled, exception)) => {
                found.push(occurrence(
                    date,
                    date,
                    usual,
                    Status::Cancelled,
                    &exception.reason,
                ));
            }
            // Shown at its new date below, if that falls in the period.
            Some((ExceptionKind::Moved { .. }, _)) => {}
        }
    }
    for exception in exceptions {
        match &exception.kind {
            ExceptionKind::Moved {
                to: new_date,
                start,
                end,
            } if (from..=to).contains(new_date)
                && is_scheduled(activity.starts_on, &activity.rule, exception.on_date) =>
            {
                found.push(occurrence(
                    exception.on_date,
                    *new_date,
                    (*start, *end),
                    Status::Moved,
                    &exception.reason,
                ));
            }
            ExceptionKind::Extra { start, end }
                if (from..=to).contains(&exception.on_date)
                    && !is_scheduled(activity.starts_on, &activity.rule, exception.on_date) =>
            {
                found.push(occurrence(
                    exception.on_date,
                    exception.on_date,
                    (*start, *end),
                    Status::Extra,
                    &exception.reason,
                ));
            }
            _ => {}
        }
    }
    found.sort_by_key(|occurrence| occurrence.starts);
    found
}

/// Which occurrences a view wants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A focus area's slug.
    pub focus_area: Option<String>,
    /// A venue's slug.
    pub venue: Option<String>,
}

impl Filter {
    pub(crate) fn admits(&self, activity: &Activity) -> bool {
        let matches = |wanted: &Option<String>, place: &Option<super::Place>| match wanted {
            None => true,
            Some(slug) => place.as_ref().is_some_and(|place| &place.slug == slug),
        };
        matches(&self.focus_area, &activity.focus_area) && matches(&self.venue, &activity.venue)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;
    use crate::calendar::{Place, SignupMode};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn babycafe() -> Activity {
        Activity {
            id: 1,
            slug: "babycafe".into(),
            name: "Babycafé".into(),
            description: String::new(),
            focus_area: None,
            venue: Some(Place {
                id: 1,
                slug: "parkcafeen".into(),
                name: "ParkCafeen".into(),
                address: String::new(),
                accessibility: String::new(),
            }),
            starts_on: date(2026, 9, 1),
            start_time: time(9, 30),
            end_time: time(11, 30),
            rule: "FREQ=WEEKLY;BYDAY=TU".into(),
            capacity: None,
            max_party: crate::calendar::DEFAULT_MAX_PARTY,
            signup_mode: SignupMode::None,
            price_note: String::new(),
            accessibility_note: String::new(),
            contact: String::new(),
            picture: Default::default(),
        }
    }

    #[test]
    fn cancelled_moved_and_extra_dates() {
        let exceptions = vec![
            Exception {
                id: 1,
                on_date: date(2026, 12, 1),
                kind: ExceptionKind::Cancelled,
                reason: "Personalemøde".into(),
            },
            Exception {
                id: 2,
                on_date: date(2026, 12, 8),
                kind: ExceptionKind::Moved {
                    to: date(2026, 12, 10),
                    start: time(13, 0),
                    end: time(15, 0),
                },
                reason: "Flyttet til torsdag".into(),
            },
            Exception {
                id: 3,
                on_date: date(2026, 12, 19),
                kind: ExceptionKind::Extra {
                    start: time(10, 0),
                    end: time(12, 0),
                },
                reason: "Julehygge".into(),
            },
        ];
        let found = occurrences_of(
            &babycafe(),
            &exceptions,
            date(2026, 12, 1),
            date(2026, 12, 22),
        );
        let summary: Vec<(NaiveDate, String, Status)> = found
            .iter()
            .map(|o| {
                (
                    o.key.date,
                    o.starts.format("%Y-%m-%d %H:%M").to_string(),
                    o.status.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    date(2026, 12, 1),
                    "2026-12-01 09:30".into(),
                    Status::Cancelled
                ),
                (date(2026, 12, 8), "2026-12-10 13:00".into(), Status::Moved),
                (
                    date(2026, 12, 15),
                    "2026-12-15 09:30".into(),
                    Status::Scheduled
                ),
                (date(2026, 12, 19), "2026-12-19 10:00".into(), Status::Extra),
                (
                    date(2026, 12, 22),
                    "2026-12-22 09:30".into(),
                    Status::Scheduled
                ),
            ]
        );
        assert_eq!(found[0].reason, "Personalemøde");

        // A date moved out of the period is not shown in it, and one moved into it is.
        let early = occurrences_of(
            &babycafe(),
            &exceptions,
            date(2026, 12, 8),
            date(2026, 12, 9),
        );
        assert!(early.is_empty());
    }
}
