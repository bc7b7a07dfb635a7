//! iCalendar (RFC 5545) feeds, built with the `icalendar` crate: one event per occurrence, in
//! Europe/Copenhagen local time, with a UID that stays the same when a date is moved or
//! cancelled, and cancelled dates marked `STATUS:CANCELLED`.

use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use super::{Occurrence, Status};

/// The time zone every time in the feeds is in.
pub const TZID: &str = "Europe/Copenhagen";

/// The definition of [`TZID`] that RFC 5545 asks every calendar using it to carry. The
/// `icalendar` crate has no builder for VTIMEZONE, and the rules are fixed by EU law (summer
/// time from the last Sunday of March to the last Sunday of October), so the component is
/// written out here.
fn vtimezone() -> String {
    let summer = observance("DAYLIGHT", ("+0100", "+0200"), "CEST", "19700329T020000", 3);
    let winter = observance("STANDARD", ("+0200", "+0100"), "CET", "19701025T030000", 10);
    format!("BEGIN:VTIMEZONE\r\nTZID:{TZID}\r\n{summer}{winter}END:VTIMEZONE\r\n")
}

/// One of the zone's two yearly changes: `kind` (DAYLIGHT or STANDARD), the offsets before and
/// after, the zone's name after, and the first change (local time) and its month; the change is
/// on the month's last Sunday.
fn observance(kind: &str, (from, to): (&str, &str), name: &str, first: &str, month: u8) -> String {
    format!(
        "BEGIN:{kind}\r\nTZOFFSETFROM:{from}\r\nTZOFFSETTO:{to}\r\nTZNAME:{name}\r\n\
         DTSTART:{first}\r\nRRULE:FREQ=YEARLY;BYMONTH={month};BYDAY=-1SU\r\nEND:{kind}\r\n"
    )
}

/// A feed named `name` with `occurrences`; `public_url` (ending in `/`) makes the UIDs and links.
pub fn feed(name: &str, public_url: &str, occurrences: &[Occurrence]) -> String {
    let host = url_host(public_url);
    let base = public_url.trim_end_matches('/');
    let mut calendar = Calendar::new();
    calendar.name(name).timezone(TZID);
    for occurrence in occurrences {
        let mut event = Event::new();
        let uid = format!(
            "{}-{}@{host}",
            occurrence.key.activity_slug, occurrence.key.date
        );
        event
            .uid(&uid)
            .summary(&occurrence.activity_name)
            .starts(CalendarDateTime::WithTimezone {
                date_time: occurrence.starts,
                tzid: TZID.to_owned(),
            })
            .ends(CalendarDateTime::WithTimezone {
                date_time: occurrence.ends,
                tzid: TZID.to_owned(),
            })
            .url(&format!("{base}{}", occurrence.key.path()));
        if let Some(venue) = &occurrence.venue {
            event.location(venue);
        }
        if !occurrence.reason.is_empty() {
            event.description(&occurrence.reason);
        }
        match occurrence.status {
            Status::Cancelled => {
                event.status(EventStatus::Cancelled).sequence(1);
            }
            Status::Moved => {
                event.status(EventStatus::Confirmed).sequence(1);
            }
            Status::Scheduled | Status::Extra => {
                event.status(EventStatus::Confirmed);
            }
        }
        calendar.push(event.done());
    }
    let text = calendar.done().to_string();
    // The time zone goes before the first event (or before the end of an empty calendar).
    let at = text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{}{}", &text[..at], vtimezone(), &text[at..])
}

/// One date of an activity as a calendar of its own, named after the activity and the site: the
/// "add to my calendar" file of a date's page and the attachment of the emails about a sign-up.
pub fn date_file(
    site_name: &str,
    public_url: &str,
    activity_name: &str,
    occurrence: &Occurrence,
) -> String {
    let name = format!("{activity_name} – {site_name}");
    feed(&name, public_url, std::slice::from_ref(occurrence))
}

/// The host of a URL, for UIDs.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', ':']).next().unwrap_or("naboskab")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::calendar::{OccurrenceKey, SignupMode};

    /// The baby café at 9.30 on `date`, at ParkCafeen.
    fn occurrence(date: NaiveDate, status: Status) -> Occurrence {
        let starts = date.and_hms_opt(9, 30, 0).unwrap();
        Occurrence {
            key: OccurrenceKey {
                activity_slug: "babycafe".into(),
                date,
            },
            activity_name: "Babycafé".into(),
            venue: Some("ParkCafeen".into()),
            ..crate::calendar::samples::occurrence(starts, status, SignupMode::None)
        }
    }

    #[test]
    fn events_are_in_local_time_with_stable_uids_and_a_time_zone() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let text = feed(
            "Randers Nordby",
            "https://nordby.example/",
            &[
                occurrence(day, Status::Scheduled),
                occurrence(day.succ_opt().unwrap(), Status::Cancelled),
            ],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(
            text.contains("DTSTART;TZID=Europe/Copenhagen:20260331T093000"),
            "{text}"
        );
        assert!(text.contains("UID:babycafe-2026-03-31@nordby.example"));
        assert!(text.contains("STATUS:CANCELLED"));
        assert!(text.contains("URL:https://nordby.example/aktiviteter/babycafe/2026-03-31"));
        let timezone = text.find("BEGIN:VTIMEZONE").unwrap();
        assert!(timezone < text.find("BEGIN:VEVENT").unwrap());
        for change in [
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\nBEGIN:DAYLIGHT\r\n",
            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n",
            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
        ] {
            assert!(text.contains(change), "{change:?} in {text}");
        }
        assert!(text.trim_end().ends_with("END:VCALENDAR"));
        assert!(
            feed("Tom", "http://127.0.0.1:3000/", &[]).contains("END:VTIMEZONE\r\nEND:VCALENDAR")
        );
    }
}
