"""Response windows read from owner fields, and dates read the way spreadsheets write them."""

from __future__ import annotations

from datetime import date

import pytest

from drafter.ledger.dates import parse_date
from drafter.ledger.window import parse_window


@pytest.mark.parametrize(("text", "days"), [
    ("Sam Patel owns the handoff until the introduction lands. AE response window: three business days.", 3),
    ("Dana owns it; 2 business days to respond", 2),
    ("AE to answer within 3 days", 3),
    ("Response window: five working days", 5),
    ("within a week", 5),
    ("two weeks", 10),
    ("48 hours", 2),
    ("36 hours", 2),
    ("a 3-business-day window", 3),
    ("Respond next business day", 1),
    ("same day please", 0),
    ("within a couple of days", 2),
    ("Twelve business days", 12),
    # Several durations: the one after a cue word is the response window.
    ("Priya owns it for two weeks; the AE replies within 4 business days", 4),
])
def test_windows(text, days):
    assert parse_window(text) == days


@pytest.mark.parametrize("text", ["Partner marketing", "", None, "Sam Patel, due soon"])
def test_no_window(text):
    assert parse_window(text) is None


def test_deadlines_need_the_send_date():
    # Sent Mon 3 March 2025: due Fri 7 March is 4 business days; "by Friday" the same.
    sent = date(2025, 3, 3)
    assert parse_window("Sam Patel, due 2025-03-07", sent) == 4
    assert parse_window("Sam Patel; AE confirms by Friday", sent) == 4
    assert parse_window("Sam Patel; AE confirms by Friday") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-03-05", date(2025, 3, 5)),
    ("2025-03-05T14:30:00Z", date(2025, 3, 5)),
    ("2025-03-05 14:30", date(2025, 3, 5)),
    ("20250305", date(2025, 3, 5)),
    ("2025/3/5", date(2025, 3, 5)),
    ("03/05/2025", date(2025, 3, 5)),       # month first by default
    ("25/03/2025", date(2025, 3, 25)),      # a first number over 12 can only be a day
    ("3/5/25", date(2025, 3, 5)),
    ("5 Mar 2025", date(2025, 3, 5)),
    ("March 5, 2025", date(2025, 3, 5)),
    ("Mar 5th 2025", date(2025, 3, 5)),
    ("05-Mar-2025", date(2025, 3, 5)),
    ("Wed 5 Mar 2025", date(2025, 3, 5)),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_dayfirst():
    assert parse_date("03/05/2025", dayfirst=True) == date(2025, 5, 3)


@pytest.mark.parametrize("text", ["", "soon", "2025-13-01", "31/02/2025", "next week"])
def test_bad_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)
