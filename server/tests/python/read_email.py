"""Reads a raw email (RFC 5322, as sent) with Python's `email` package and its calendar
attachment with `icalendar`, and prints what a mail app would see as JSON: the list headers,
the text and HTML parts, and the attached events.

Used by the Rust tests: what a mail app and a calendar app understand is what counts.
"""

import json
import sys
from email import policy
from email.parser import BytesParser

import icalendar


def main() -> None:
    with open(sys.argv[1], "rb") as file:
        message = BytesParser(policy=policy.default).parse(file)
    result = {
        "subject": str(message["Subject"]),
        "list_unsubscribe": str(message.get("List-Unsubscribe", "")),
        "list_unsubscribe_post": str(message.get("List-Unsubscribe-Post", "")),
        "text": "",
        "html": "",
        "calendar_type": "",
        "calendar_filename": "",
        "events": [],
    }
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "text/plain" and not part.get_filename():
            result["text"] = part.get_content()
        elif kind == "text/html":
            result["html"] = part.get_content()
        elif kind == "text/calendar":
            result["calendar_type"] = str(part["Content-Type"])
            result["calendar_filename"] = part.get_filename() or ""
            calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
            for event in calendar.walk("VEVENT"):
                start = event.decoded("DTSTART")
                result["events"].append(
                    {
                        "uid": str(event.get("UID")),
                        "summary": str(event.get("SUMMARY")),
                        "start_local": start.strftime("%Y-%m-%d %H:%M"),
                        "tzid": str(start.tzinfo),
                    }
                )
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
