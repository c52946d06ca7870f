"""Business-day arithmetic: weekends (Saturday, Sunday) and the given holidays are not business days.

Pure functions on dates and a sorted holiday set. A response window of N business days
after a handoff sent on day S ends on `add_business_days(S, N)`; the handoff is overdue the
first business day after that. Counting is O(1) per pair of dates (whole weeks, then a
bisect over the holidays), so metrics over 100,000 handoffs stay fast.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class Calendar:
    """The days that are not business days besides weekends, kept as sorted ordinals."""

    holidays: frozenset[date] = frozenset()
    _weekday_holidays: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ords = sorted(d.toordinal() for d in self.holidays if d.weekday() < 5)
        object.__setattr__(self, "_weekday_holidays", tuple(ords))

    @classmethod
    def of(cls, holidays: Iterable[date] = ()) -> Calendar:
        return cls(frozenset(holidays))


WEEKENDS_ONLY = Calendar()


def is_business_day(day: date, cal: Calendar = WEEKENDS_ONLY) -> bool:
    return day.weekday() < 5 and day not in cal.holidays


def _weekdays_through(ordinal: int) -> int:
    """Monday-to-Friday days from a fixed Monday up to and including `ordinal`.

    date.toordinal() is 1 for 0001-01-01, a Monday, so ordinal 1 has weekday 0.
    """
    weeks, rest = divmod(ordinal - 1, 7)  # rest: 0=Mon .. 6=Sun
    return weeks * 5 + min(rest + 1, 5)


def count_between_ordinals(start: int, end: int, cal: Calendar = WEEKENDS_ONLY) -> int:
    """Business days in (start, end] as day ordinals; negative when end is before start."""
    if end < start:
        return -count_between_ordinals(end, start, cal)
    days = _weekdays_through(end) - _weekdays_through(start)
    hol = cal._weekday_holidays
    if hol:
        days -= bisect_right(hol, end) - bisect_right(hol, start)
    return days


def business_days_between(start: date, end: date, cal: Calendar = WEEKENDS_ONLY) -> int:
    """Business days after `start` up to and including `end`.

    Sent Monday, answered Wednesday: 2. Sent Friday, answered Monday: 1. Same day: 0.
    Negative when `end` comes before `start`.
    """
    return count_between_ordinals(start.toordinal(), end.toordinal(), cal)


def add_business_days(start: date, n: int, cal: Calendar = WEEKENDS_ONLY) -> date:
    """The n-th business day after `start` (n >= 0; n == 0 gives `start` itself)."""
    if n < 0:
        raise ValueError("n must be zero or more")
    day = start
    # Jump whole weeks first, then walk; holidays inside the jump are paid back by walking on.
    weeks = max(n // 5 - 1, 0)
    day += timedelta(weeks=weeks)
    remaining = n - business_days_between(start, day, cal)
    while remaining > 0:
        day += timedelta(days=1)
        if is_business_day(day, cal):
            remaining -= 1
    return day


def due_date(sent: date, window: int, cal: Calendar = WEEKENDS_ONLY) -> date:
    """The last day a seller can answer within a window of `window` business days."""
    return add_business_days(sent, window, cal)


def business_days_overdue(sent: date, window: int, as_of: date, cal: Calendar = WEEKENDS_ONLY) -> int:
    """How many business days past its window an unanswered handoff is on `as_of` (0 if not late)."""
    return max(business_days_between(sent, as_of, cal) - window, 0)


def is_overdue(sent: date, window: int, as_of: date, cal: Calendar = WEEKENDS_ONLY) -> bool:
    """True once more business days than the window have passed since sending."""
    return business_days_overdue(sent, window, as_of, cal) > 0
