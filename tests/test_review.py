"""The decision state: apply_decision, what is still pending, and the piped-line grammar."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drafter.fields import FIELD_IDS
from drafter.packet import Packet, value_hash
from drafter.review import DecisionError, apply_decision, changed_since_decision, parse_line, pending, reviewers

T0 = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def _packet() -> Packet:
    return Packet.from_values({fid: f"text of {fid}" for fid in FIELD_IDS} | {"evidence": None})


def test_accept_records_decision_and_hash():
    p = _packet()
    out = apply_decision(p, "partner", "accept", "Ana Ruiz", now=T0)
    f = out.fields["partner"]
    assert (f.status, f.value, f.decided_by, f.decided_at) == ("confirmed", "text of partner", "Ana Ruiz", T0)
    assert f.decided_hash == value_hash("text of partner")
    d = out.history[-1]
    assert (d.field, d.action, d.reviewer, d.at, d.before, d.after) == (
        "partner", "accept", "Ana Ruiz", T0, "text of partner", "text of partner")
    # pure: the input packet is untouched
    assert p.fields["partner"].status == "proposed" and p.history == []


def test_edit_and_reject():
    p = apply_decision(_packet(), "owner", "edit", "Ana", new_value="  Sam Patel, by Friday  ", now=T0)
    assert p.fields["owner"].status == "edited"
    assert p.fields["owner"].value == "Sam Patel, by Friday"
    assert p.fields["owner"].decided_hash == value_hash("Sam Patel, by Friday")
    assert (p.history[-1].before, p.history[-1].after) == ("text of owner", "Sam Patel, by Friday")
    p = apply_decision(p, "conflict", "reject", "Ana", now=T0)
    assert p.fields["conflict"].status == "rejected" and p.fields["conflict"].value is None
    assert (p.history[-1].before, p.history[-1].after) == ("text of conflict", None)
    # the saved form keeps all of it
    again = Packet.model_validate_json(p.model_dump_json())
    assert again.fields["conflict"].status == "rejected" and len(again.history) == 2


def test_missing_field_cannot_be_accepted_but_can_be_written_or_rejected():
    p = _packet()
    with pytest.raises(DecisionError, match="evidence has no value to accept"):
        apply_decision(p, "evidence", "accept", "Ana")
    assert apply_decision(p, "evidence", "edit", "Ana", "QBR notes, linked").fields["evidence"].status == "edited"
    assert apply_decision(p, "evidence", "reject", "Ana").fields["evidence"].status == "rejected"


@pytest.mark.parametrize(("args", "message"), [
    (("nope", "accept", "Ana"), "unknown field"),
    (("owner", "approve", "Ana"), "unknown action"),
    (("owner", "accept", "  "), "named reviewer"),
    (("owner", "edit", "Ana", "   "), "needs the new text"),
])
def test_bad_decisions_are_refused(args, message):
    with pytest.raises(DecisionError, match=message):
        apply_decision(_packet(), *args)


def test_pending_resumes_and_catches_hand_edits():
    p = _packet()
    assert pending(p) == list(FIELD_IDS)
    p = apply_decision(p, "account", "accept", "Ana")
    p = apply_decision(p, "partner", "reject", "Ana")
    assert pending(p) == list(FIELD_IDS[2:])
    assert pending(p, only=["owner", "partner"]) == ["partner", "owner"]
    p.fields["account"].value = "changed by hand"
    assert changed_since_decision(p) == ["account"]
    assert pending(p)[0] == "account"


def test_reviewers_are_those_behind_current_values():
    p = apply_decision(_packet(), "account", "accept", "Ana", now=T0)
    p = apply_decision(p, "partner", "accept", "Ben", now=T0)
    p = apply_decision(p, "account", "edit", "Cy", "Northwind", now=T0)
    assert reviewers(p) == ["Ben", "Cy"]


@pytest.mark.parametrize(("line", "action", "text"), [
    ("accept", "accept", None), ("  ACCEPT ", "accept", None), ("a", "accept", None),
    ("reject", "reject", None), ("quit", "quit", None), ("q", "quit", None),
    ("edit: Dana Reyes, alliances lead", "edit", "Dana Reyes, alliances lead"),
    ("Edit:two\\nlines", "edit", "two\nlines"), ("e: x: y", "edit", "x: y"), ("edit:", "edit", ""),
])
def test_parse_line(line, action, text):
    d = parse_line(line)
    assert d is not None and (d.action, d.text) == (action, text)


@pytest.mark.parametrize("line", ["yes", "ok", "edit Dana", "accepted", "approve"])
def test_parse_line_unknown(line):
    assert parse_line(line) is None
