"""Reading dates the way spreadsheets and people write them.

ISO first (2024-03-05, 2024-03-05T14:00:00Z, 20240305), then 2024/03/05, then numeric
day-and-month forms (03/05/2024 is 5 March, month first, unless `dayfirst` or the first
number is over 12), then month names (5 Mar 2024, March 5, 2024, 05-Mar-24). A time part is
dropped: the ledger counts days.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")
_YMD = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_NAMED_FORMATS = (
    "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y", "%d-%B-%Y", "%d-%b-%y",
    "%a %d %b %Y", "%A %d %B %Y", "%a %b %d %Y", "%A %B %d %Y",
)
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm|z|utc|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)


def _year(y: int) -> int:
    return y + 2000 if y < 100 else y


def parse_date(text: str, *, dayfirst: bool = False) -> date:
    """A date from text, or ValueError with a message fit for the user."""
    s = text.strip()
    if not s:
        raise ValueError("no date given")
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    m = _ISO_DATETIME.match(s)
    if m:
        return date.fromisoformat(m.group(1))
    s = _TIME_TAIL.sub("", s).strip()
    m = _YMD.match(s)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _NUMERIC.match(s)
        if m:
            a, b, y = int(m.group(1)), int(m.group(2)), _year(int(m.group(3)))
            day_first = dayfirst or a > 12
            return date(y, b, a) if day_first else date(y, a, b)
    except ValueError as e:
        raise ValueError(f"{text.strip()!r} is not a valid date ({e})") from None
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", s.replace(",", " "))
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    for fmt in _NAMED_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text.strip()!r} is not a date (use YYYY-MM-DD)")


def parse_day(text: str | None, default: date | None = None, *, dayfirst: bool = False) -> date:
    """A date option from the command line: 'today', 'yesterday', or any form parse_date reads."""
    if text is None or not text.strip():
        return default or date.today()
    low = text.strip().lower()
    if low == "today":
        return date.today()
    if low == "yesterday":
        return date.fromordinal(date.today().toordinal() - 1)
    return parse_date(text, dayfirst=dayfirst)
