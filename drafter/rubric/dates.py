"""Calendar dates written in packets ("17 September", "Sept 3", "2026-03-14"), resolved against the
packet's own date so "doable this week" can be judged. No date library: the forms are few."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
REFERENCE_KEYS = ("date", "prepared", "created", "sent", "updated", "written", "meeting_date")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str, year: int) -> date | None:
    """The first calendar date in text; a date without a year takes `year`."""
    m = _ISO.search(text)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DAY_MONTH.search(text)
    if m:
        return _safe(int(m.group(3) or year), MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
    m = _MONTH_DAY.search(text)
    if m:
        return _safe(int(m.group(3) or year), MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
    return None


def reference_date(metadata: dict[str, Any]) -> date | None:
    """The packet's own date (front matter `date`, `prepared`, `created`...), if it gives one."""
    for key in REFERENCE_KEYS:
        for k, v in metadata.items():
            if str(k).lower() == key and v:
                found = parse_date(str(v), date.today().year)
                if found:
                    return found
    return None


def dates_after(text: str, ref: date) -> list[date]:
    """Calendar dates in text resolved against ref (a date without a year falls on or after ref's season)."""
    out = []
    for rx in (_ISO, _DAY_MONTH, _MONTH_DAY):
        for m in rx.finditer(text):
            d = parse_date(m.group(0), ref.year)
            if d and d < ref - timedelta(days=60) and not _ISO.match(m.group(0)):
                d = _safe(d.year + 1, d.month, d.day)
            if d:
                out.append(d)
    return out
