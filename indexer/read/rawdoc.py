"""What the read stage hands to extraction."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDoc:
    format: str                      # html | xml | markdown | text
    encoding: str
    text: str
    title: str | None = None         # from markup: <h1>, <title>, "# " heading, <title> element
    stated: dict[str, Any] = field(default_factory=dict)  # fields an XML record states outright
    repairs: list[str] = field(default_factory=list)
    source_url: str | None = None    # og:url, <link rel=canonical>, front matter url
    part: int | None = None          # position of a record inside a multi-record XML file
    # What a page's metadata says, weaker than the text's own statements:
    # "published" (PubDate, article:published_time …), "source" (ContentSource …).
    meta: dict[str, str] = field(default_factory=dict)
