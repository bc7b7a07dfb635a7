"""Reads a Word document as Word would, with python-docx, and prints as JSON its headings
(style name and text), its paragraphs, its table cells, how many pictures it holds and which
headings begin a new page."""

import json
import sys

from docx import Document

document = Document(sys.argv[1])
paragraphs = [paragraph.text for paragraph in document.paragraphs]
headings = [
    [paragraph.style.name, paragraph.text]
    for paragraph in document.paragraphs
    if paragraph.style.name.startswith(("Heading", "Title"))
]
new_pages = [
    paragraph.text
    for paragraph in document.paragraphs
    if paragraph.paragraph_format.page_break_before
]
cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
print(
    json.dumps(
        {
            "headings": headings,
            "paragraphs": paragraphs,
            "cells": cells,
            "pictures": len(document.inline_shapes),
            "new_pages": new_pages,
        }
    )
)
