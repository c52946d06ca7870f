"""The risk and channel-conflict note: a competitor at work on the account is risk a seller needs, in
notes about that account alone whose headings name it; the same words about another account, or a
conflict check announced but not done, give no note."""

from __future__ import annotations

from tests.invented import draft_text

HEAD = """# Deal review: Ostrava Foods / Kestrel Cloud Partners

Date: 12 November 2025
Attendees: Maren Holt (CIO, Ostrava Foods), Tomas Berg (alliances lead, Kestrel Cloud Partners), Priya Nair (AE)

## Background
Ostrava Foods is a regional food distributor. OPP-48110 is open and on Priya's named-account list.

## Hurdle 1: budget
- Maren needs the migration budget signed off at the finance committee on 20 November.
"""

COMPETITION = """
## Hurdle 2: competition
- A competing partner made a late pitch to Maren last week, offering a free pilot.
- Maren is not taking it seriously, but it has slowed the decision.
"""

TAIL = """
## What Ostrava Foods wants from us
- A reference call with another distributor.

## Next steps
- Priya will book the reference call by 19 November.
"""

PITCH = "A competing partner made a late pitch to Maren last week, offering a free pilot."


def test_a_competitor_pitching_the_account_is_the_risk_note(tmp_path):
    # the section names no account, but the notes are about one account only: a heading naming it ("What
    # Ostrava Foods wants from us") does not make the other sections other topics
    packet = draft_text(tmp_path, HEAD + COMPETITION + TAIL, "review.md")
    conflict = packet.fields["conflict"]
    assert conflict.status == "proposed"
    assert PITCH in (conflict.value or "")
    text = (tmp_path / "review.md").read_text(encoding="utf-8")
    assert all(text[e.start:e.end] == e.quote for e in conflict.evidence)


def test_a_competitor_in_an_aside_about_another_account_is_no_risk_note(tmp_path):
    aside = """
## Side note, different account
- At Tolvik Dairy a competing partner made a late pitch to their buyer, offering a free pilot. Not ours.
"""
    packet = draft_text(tmp_path, HEAD + aside + TAIL, "review.md")
    assert packet.fields["conflict"].value is None


def test_a_conflict_check_announced_but_not_done_leaves_the_risk_note_missing(tmp_path):
    check = "\n## Channel check\n- Registration check: not done yet; Priya will run it on Friday.\n"
    packet = draft_text(tmp_path, HEAD + COMPETITION + check + TAIL, "review.md")
    assert packet.fields["conflict"].value is None


def test_a_review_with_a_section_per_account_keeps_other_sections_off_the_account(tmp_path):
    # a partner review going through its accounts: the account's own section among asides about others
    # still makes the partner's numbers another topic ("partner-sourced" there says nothing of this deal)
    review = """# Brisa Systems: Q2 partner business review

Notes: Lena Ortiz

## Numbers
- Q2 partner-sourced bookings EUR 300k. Two new hotel groups live through Brisa.

## Co-sell: Marlow Leisure Group
- **Account.** Marlow Leisure Group, nine spa hotels. OPP-61420 is open, stage 2, Dan's.
  It came from Dan's own outbound, so influenced, not sourced.
- **Why Brisa.** Brisa installed the booking system at all nine hotels and runs Marlow's IT desk.

## Other accounts
- Casa Verde Hotels: on hold until a new GM starts. Parked.
"""
    packet = draft_text(tmp_path, review, "review.md")
    account = packet.fields["account"].value or ""
    assert "OPP-61420" in account
    assert "bookings" not in account
