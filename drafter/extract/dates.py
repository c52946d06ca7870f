"""Dates in notes: found as written, resolved to calendar dates against the meeting date.

"by Fri 14 March", "6/12", "Thursday the 19th", "tmrw", "this wk", "within three business days":
the text stays as written (it is evidence); the resolved date is what the packet's metadata and
the review screen show. A date that cannot be placed (no meeting date, no year) stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DAYS = {d: i for i, d in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "a": 1}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WD = (r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
       r"|sun(?:day)?)\.?")
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("dmy", re.compile(rf"\b(?:{_WD},?[ \t]+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+{_MON}(?:,?[ \t]+(?P<y>(?:19"
                       rf"|20)\d\d))?\b", re.I)),
    ("mdy", re.compile(rf"\b(?:{_WD},?[ \t]+)?{_MON}[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?[ \t]+(?P<y>(?:19"
                       rf"|20)\d\d))?", re.I)),
    ("num", re.compile(rf"\b(?:{_WD},?[ \t]+)?(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\b(?!/)", re.I)),
    ("nth", re.compile(rf"\b(?:{_WD}[ \t]+)?the[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b", re.I)),
    ("rel", re.compile(r"\b(?P<rel>today|tonight|tomorrow|tmrw|tmr|yesterday|this (?:week|wk)|next (?:week|wk)|end of"
                       r" (?:the )?(?:week|wk|day|month)|eow|eod|eom|next month)\b", re.I)),
    ("days", re.compile(r"\b(?:in|within)[ \t]+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)["
                        r" \t]+(?P<biz>business[ \t]+|working[ \t]+)?(?P<unit>days?|weeks?)\b", re.I)),
    ("wd", re.compile(rf"\b(?P<next>next[ \t]+|this[ \t]+)?{_WD}(?![\w/])", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: date | None


def _weekday(token: str | None) -> int | None:
    return _DAYS.get(token[:3].lower()) if token else None


def _year_for(month: int, day: int, weekday: int | None, anchor: date | None, today: date) -> int | None:
    """The year of a date written without one: the meeting's year, else the year in which it falls on
    the weekday written beside it (nearest to today), else the last year in which it was not in the future."""
    if anchor:
        return anchor.year
    if weekday is not None:
        for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
            try:
                if date(today.year + delta, month, day).weekday() == weekday:
                    return today.year + delta
            except ValueError:
                return None
        return None
    try:
        return today.year if date(today.year, month, day) <= today + timedelta(days=30) else today.year - 1
    except ValueError:
        return None


def _add_business_days(start: date, n: int) -> date:
    d = start
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _resolve(kind: str, m: re.Match[str], anchor: date | None, today: date) -> date | None:
    g = m.groupdict()
    wd = _weekday(g.get("wd"))
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"]))
        if kind in ("dmy", "mdy", "num"):
            month = int(g["m"]) if kind == "num" else _MONTHS[g["mon"][:3].lower()]
            day = int(g["d"])
            if g.get("y"):
                year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
            else:
                guessed = _year_for(month, day, wd, anchor, today)
                if guessed is None:
                    return None
                year = guessed
            return date(year, month, day)
        if anchor is None:
            return None
        if kind == "nth":
            day = int(g["d"])
            d = date(anchor.year, anchor.month, day)
            if d < anchor:
                d = date(anchor.year + (anchor.month == 12), anchor.month % 12 + 1, day)
            return d
        if kind == "rel":
            rel = g["rel"].lower()
            if rel in ("today", "tonight", "eod"):
                return anchor
            if rel in ("tomorrow", "tmrw", "tmr"):
                return anchor + timedelta(days=1)
            if rel == "yesterday":
                return anchor - timedelta(days=1)
            if rel.startswith("next w"):
                return anchor + timedelta(days=7 - anchor.weekday())
            if rel in ("next month",):
                return date(anchor.year + (anchor.month == 12), anchor.month % 12 + 1, 1)
            if rel.endswith("month") or rel == "eom":
                nxt = date(anchor.year + (anchor.month == 12), anchor.month % 12 + 1, 1)
                return nxt - timedelta(days=1)
            return anchor + timedelta(days=(4 - anchor.weekday()) % 7)  # this week / end of week: Friday
        if kind == "days":
            n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
            if g["unit"].lower().startswith("week"):
                return anchor + timedelta(weeks=n)
            return _add_business_days(anchor, n) if g.get("biz") else anchor + timedelta(days=n)
        if kind == "wd" and wd is not None:
            ahead = (wd - anchor.weekday()) % 7 or 7
            if (g.get("next") or "").strip().lower() == "next" and ahead < 7 - anchor.weekday():
                ahead += 7
            return anchor + timedelta(days=ahead)
    except (ValueError, KeyError):
        return None
    return None


def find_dates(text: str, start: int = 0, end: int | None = None, *, anchor: date | None = None,
               today: date | None = None) -> list[DateMention]:
    """Date expressions in text[start:end], longest first where they overlap, in text order."""
    end = len(text) if end is None else end
    today = today or date.today()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text, start, end):
            a, b = m.start(), m.end()
            if any(a < y and b > x for x, y in taken):
                continue
            if kind == "num" and not (1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31):
                continue
            taken.append((a, b))
            found.append(DateMention(a, b, text[a:b], _resolve(kind, m, anchor, today)))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, *, today: date | None = None, anchor: date | None = None) -> date | None:
    """The first absolute date written in a text (a meeting's "Date:" line, an email's Date header)."""
    for d in find_dates(text, today=today, anchor=anchor):
        if d.date is not None:
            return d.date
    return None
