"""The response window a packet's owner field promises, in business days.

"AE response window: three business days" -> 3; "within 2 days" -> 2; "48 hours" -> 2;
"a week" -> 5; "next business day" -> 1; "due 2024-03-08" or "by Friday" -> the business
days from the send date to that day. Words, units and cue words live in data/ledger.toml.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache

from drafter.ledger.businessdays import WEEKENDS_ONLY, Calendar, business_days_between
from drafter.ledger.vocab import vocab

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_BY_WEEKDAY = re.compile(r"\b(?:by|before|on|until|due|next)\s+(?:this\s+|next\s+)?(" + "|".join(_WEEKDAYS) + r")\b")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = vocab()["window"]
    duration = re.compile(
        r"\b(?P<num>\d+(?:\.\d+)?|" + _alternation(list(w["numbers"])) + r")\s+(?:of\s+)?"
        r"(?P<unit>" + _alternation(list(w["units"])) + r")\b"
    )
    phrase = re.compile(r"\b(?:" + _alternation(list(w["phrases"])) + r")\b")
    cue = re.compile(r"\b(?:" + _alternation(w["cues"]["words"]) + r")")
    return duration, phrase, cue


def _normal(text: str) -> str:
    text = text.lower().replace("\u2011", "-").replace("\u2013", "-")
    # "3-business-day window" reads as "3 business day window".
    return re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", text)


def _days(num: str, unit: str) -> int:
    w = vocab()["window"]
    n = float(num) if num[0].isdigit() else float(w["numbers"][re.sub(r"\s+", " ", num)])
    per = float(w["units"][re.sub(r"\s+", " ", unit)])
    return math.ceil(n * per - 1e-9)


def parse_window(text: str | None, sent: date | None = None, cal: Calendar = WEEKENDS_ONLY) -> int | None:
    """Business days the owner field gives the seller to answer, or None when it names none.

    With several durations, the one nearest after a cue word ("window", "respond",
    "within") wins; dates and weekday deadlines need the send date to become a count.
    """
    if not text:
        return None
    s = _normal(text)
    duration, phrase, cue = _patterns()
    found = list(duration.finditer(s))
    if found:
        cues = [m.end() for m in cue.finditer(s)]

        def cued(m: re.Match[str]) -> bool:
            return any(0 <= m.start() - c <= 40 for c in cues)

        best = next((m for m in found if cued(m)), found[0])
        return _days(best.group("num"), best.group("unit"))
    m = phrase.search(s)
    if m:
        return int(vocab()["window"]["phrases"][re.sub(r"\s+", " ", m.group(0))])
    if sent is None:
        return None
    m = _ISO.search(s)
    if m:
        try:
            due = date.fromisoformat(m.group(1))
        except ValueError:
            return None
        return max(business_days_between(sent, due, cal), 0) if due >= sent else None
    m = _BY_WEEKDAY.search(s)
    if m:
        target = _WEEKDAYS.index(m.group(1))
        ahead = (target - sent.weekday()) % 7 or 7
        return business_days_between(sent, sent + timedelta(days=ahead), cal)
    return None
