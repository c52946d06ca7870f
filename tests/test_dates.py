"""Dates: written forms found with their spans, relative ones resolved against the meeting date."""

from __future__ import annotations

from datetime import date

import pytest

from drafter.extract.dates import find_dates, first_date

MEETING = date(2025, 3, 11)  # a Tuesday
TODAY = date(2025, 11, 24)


@pytest.mark.parametrize(
    ("text", "written", "resolved"),
    [
        ("send it by Fri 14 March", "Fri 14 March", date(2025, 3, 14)),
        ("to JT by Thu 6/12 -- he said yes", "Thu 6/12", date(2025, 6, 12)),
        ("next review is Thursday the 19th.", "Thursday the 19th", date(2025, 3, 19)),
        ("by Wednesday, so", "Wednesday", date(2025, 3, 12)),
        ("decide tmrw w/ Raj", "tmrw", date(2025, 3, 12)),
        ("book a demo this wk", "this wk", date(2025, 3, 14)),
        ("out all next week", "next week", date(2025, 3, 17)),
        ("response within three business days", "within three business days", date(2025, 3, 14)),
        ("on 9 July; she", "9 July", date(2025, 7, 9)),
        ("May 18, 2026 board meeting", "May 18, 2026", date(2026, 5, 18)),
        ("target 2026-09-30", "2026-09-30", date(2026, 9, 30)),
    ],
)
def test_dates_resolve_against_the_meeting(text, written, resolved):
    found = find_dates(text, anchor=MEETING, today=TODAY)
    assert [(d.text, d.date) for d in found] == [(written, resolved)]
    assert text[found[0].start:found[0].end] == written


def test_relative_dates_without_a_meeting_date_stay_unresolved():
    found = find_dates("call me tomorrow or on Friday", anchor=None, today=TODAY)
    assert [(d.text, d.date) for d in found] == [("tomorrow", None), ("Friday", None)]


def test_times_counts_and_quarters_are_not_dates():
    assert find_dates("10:00-10:45, 212 registrations, target 300, Q3 2026", anchor=MEETING, today=TODAY) == []


def test_a_year_is_taken_from_the_weekday_written_beside_it():
    assert first_date("Tue 11 March, 10:00", today=TODAY) == date(2025, 3, 11)
    assert first_date("cosell notes wed 11 jun pm", today=TODAY) == date(2025, 6, 11)
    assert first_date("Date: Mon, 3 Feb 2025 09:12:44 -0600", today=TODAY) == date(2025, 2, 3)
