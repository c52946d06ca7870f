"""Business-day arithmetic, checked by hand on a calendar and against a day-by-day count.

March 2025: Sat 1, Sun 2, Mon 3, Tue 4, Wed 5, Thu 6, Fri 7, Sat 8, Sun 9, Mon 10 ... Fri 14.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.ledger.businessdays import (
    Calendar,
    add_business_days,
    business_days_between,
    business_days_overdue,
    due_date,
    is_business_day,
    is_overdue,
)

D = date


@pytest.mark.parametrize(("start", "end", "expected"), [
    (D(2025, 3, 3), D(2025, 3, 3), 0),    # same day
    (D(2025, 3, 3), D(2025, 3, 5), 2),    # Mon -> Wed: Tue, Wed
    (D(2025, 3, 7), D(2025, 3, 10), 1),   # Fri -> Mon: the weekend does not count
    (D(2025, 3, 8), D(2025, 3, 9), 0),    # Sat -> Sun
    (D(2025, 3, 8), D(2025, 3, 10), 1),   # Sat -> Mon
    (D(2025, 3, 3), D(2025, 3, 14), 9),   # Mon -> Fri next week: 4 + 5
    (D(2025, 2, 25), D(2025, 3, 14), 13),  # Tue 25 Feb: 26, 27, 28 Feb, then two full weeks
    (D(2025, 3, 5), D(2025, 3, 3), -2),   # backwards is negative
])
def test_between_weekends_only(start, end, expected):
    assert business_days_between(start, end) == expected


def test_holidays_are_skipped():
    # Wed 5 and Thu 13 March off: Mon 3 -> Fri 14 is 9 business days less those two.
    cal = Calendar.of([D(2025, 3, 5), D(2025, 3, 13), D(2025, 3, 8)])  # a Saturday holiday changes nothing
    assert business_days_between(D(2025, 3, 3), D(2025, 3, 14), cal) == 7
    assert business_days_between(D(2025, 3, 3), D(2025, 3, 5), cal) == 1  # only Tue 4
    assert not is_business_day(D(2025, 3, 5), cal)
    assert is_business_day(D(2025, 3, 5))
    # Three business days from Mon 3 March: Tue 4, (Wed 5 off), Thu 6, Fri 7.
    assert add_business_days(D(2025, 3, 3), 3, cal) == D(2025, 3, 7)
    assert add_business_days(D(2025, 3, 3), 3) == D(2025, 3, 6)


@pytest.mark.parametrize(("start", "n", "expected"), [
    (D(2025, 3, 3), 0, D(2025, 3, 3)),
    (D(2025, 3, 3), 3, D(2025, 3, 6)),     # Mon + 3 = Thu
    (D(2025, 3, 6), 3, D(2025, 3, 11)),    # Thu + 3 = Fri, Mon, Tue
    (D(2025, 3, 8), 1, D(2025, 3, 10)),    # sent on a Saturday: Monday
    (D(2025, 3, 3), 10, D(2025, 3, 17)),   # two working weeks
    (D(2025, 3, 3), 23, D(2025, 4, 3)),
])
def test_add(start, n, expected):
    assert add_business_days(start, n) == expected


def test_add_rejects_negative():
    with pytest.raises(ValueError):
        add_business_days(D(2025, 3, 3), -1)


def test_overdue():
    # Sent Mon 3 March with a three-day window: due Thu 6; on time through Thu, late on Fri.
    sent = D(2025, 3, 3)
    assert due_date(sent, 3) == D(2025, 3, 6)
    assert not is_overdue(sent, 3, D(2025, 3, 6))
    assert is_overdue(sent, 3, D(2025, 3, 7))
    assert business_days_overdue(sent, 3, D(2025, 3, 7)) == 1
    assert business_days_overdue(sent, 3, D(2025, 3, 9)) == 1   # the weekend adds nothing
    assert business_days_overdue(sent, 3, D(2025, 3, 10)) == 2
    # A holiday on Fri 7 moves the same handoff back to on time on that Friday.
    assert not is_overdue(sent, 3, D(2025, 3, 7), Calendar.of([D(2025, 3, 7)]))


def _naive(start: date, end: date, cal: Calendar) -> int:
    sign, lo, hi = (1, start, end) if end >= start else (-1, end, start)
    n, day = 0, lo
    while day < hi:
        day += timedelta(days=1)
        n += is_business_day(day, cal)
    return sign * n


days = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@given(days, days, st.lists(days, max_size=15))
def test_between_matches_day_by_day_count(a, b, hols):
    cal = Calendar.of(hols)
    assert business_days_between(a, b, cal) == _naive(a, b, cal)


@given(days, st.integers(min_value=1, max_value=400), st.lists(days, max_size=15))
def test_add_lands_on_the_nth_business_day(start, n, hols):
    cal = Calendar.of(hols)
    end = add_business_days(start, n, cal)
    assert is_business_day(end, cal)
    assert business_days_between(start, end, cal) == n
