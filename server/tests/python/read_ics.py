"""Reads an iCalendar file with the standard `icalendar` library and prints its events as JSON.

Used by the Rust tests: what a calendar app would understand is what counts, not what the
file's text looks like.
"""

import json
import sys

import icalendar


def main() -> None:
    with open(sys.argv[1], "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        events.append(
            {
                "uid": str(event.get("UID")),
                "summary": str(event.get("SUMMARY")),
                "status": str(event.get("STATUS", "")),
                "start_local": start.strftime("%Y-%m-%d %H:%M"),
                "end_local": end.strftime("%Y-%m-%d %H:%M"),
                "tzid": str(start.tzinfo),
                "utc_offset_hours": start.utcoffset().total_seconds() / 3600,
            }
        )
    timezones = [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
    json.dump({"events": events, "timezones": timezones}, sys.stdout)


if __name__ == "__main__":
    main()
