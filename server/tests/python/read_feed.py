"""Reads an Atom feed with feedparser and prints what a feed reader would see, as JSON.

Usage: read_feed.py FILE
"""

import json
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
print(
    json.dumps(
        {
            "bozo": bool(feed.bozo),
            "version": feed.version,
            "title": feed.feed.get("title", ""),
            "entries": [
                {
                    "title": entry.get("title", ""),
                    "link": entry.get("link", ""),
                    "summary": entry.get("summary", ""),
                    "content": entry.content[0].value if entry.get("content") else "",
                    "published": entry.get("published", ""),
                }
                for entry in feed.entries
            ],
        }
    )
)
