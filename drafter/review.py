"""The decision loop's state: who accepted, edited or rejected which field, when, and what it said.

The packet file is the saved state. Every decision is a `Decision` in `packet.history` (before
and after), and the field keeps `decided_by`, `decided_at` and `decided_hash`, the hash of the
value the reviewer stood behind, so a value changed afterwards by hand is caught on export and
offered again for review.

A field with no value cannot be accepted: accepting nothing would count an empty field as
confirmed content. Its choices are edit (supply the text) or reject (leave it empty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from drafter.errors import UsageError
from drafter.fields import BY_ID, FIELD_IDS
from drafter.packet import DECIDED, Decision, Packet, value_hash

Action = Literal["accept", "edit", "reject"]
ACTIONS: tuple[str, ...] = ("accept", "edit", "reject")


class DecisionError(UsageError):
    """A decision that cannot be applied (accepting an empty field, an edit with no text)."""


def apply_decision(
    packet: Packet,
    field_id: str,
    action: str,
    reviewer: str,
    new_value: str | None = None,
    now: datetime | None = None,
) -> Packet:
    """A copy of `packet` with one decision applied and recorded; the input is left as it was.

    accept -> confirmed (the value as it is), edit -> edited (the new value),
    reject -> rejected (value None). Each records reviewer, time and the hash of the value.
    """
    if field_id not in BY_ID:
        raise DecisionError(f"unknown field {field_id!r}")
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action!r} (expected accept, edit or reject)")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise DecisionError("a decision needs a named reviewer")
    at = now or datetime.now(UTC)
    out = packet.model_copy(deep=True)
    field = out.fields[field_id]
    before = field.value
    after: str | None
    if action == "accept":
        if before is None:
            raise DecisionError(f"{field_id} has no value to accept: edit it to supply text, or reject it")
        after, status = before, "confirmed"
    elif action == "edit":
        after = (new_value or "").strip() or None
        if after is None:
            raise DecisionError(f"an edit of {field_id} needs the new text")
        status = "edited"
    else:
        after, status = None, "rejected"
    field.value = after
    field.status = status  # type: ignore[assignment]
    field.decided_by = reviewer
    field.decided_at = at
    field.decided_hash = value_hash(after)
    out.history.append(Decision(field=field_id, action=action, reviewer=reviewer, at=at,  # type: ignore[arg-type]
                                before=before, after=after))
    return out


def changed_since_decision(packet: Packet) -> list[str]:
    """Decided fields whose value no longer matches what the reviewer stood behind."""
    return [fid for fid, f in packet.fields.items()
            if f.status in DECIDED | {"rejected"} and f.decided_hash is not None
            and value_hash(f.value) != f.decided_hash]


def is_decided(packet: Packet, fid: str) -> bool:
    """Confirmed, edited or rejected by a named reviewer, and unchanged since."""
    f = packet.fields[fid]
    if f.status not in DECIDED | {"rejected"} or not (f.decided_by or "").strip():
        return False
    return f.decided_hash is None or value_hash(f.value) == f.decided_hash


def pending(packet: Packet, only: list[str] | None = None) -> list[str]:
    """Fields to review, in template order: the undecided ones, or exactly those asked for by id."""
    if only:
        return [fid for fid in FIELD_IDS if fid in only]
    return [fid for fid in FIELD_IDS if not is_decided(packet, fid)]


@dataclass(frozen=True)
class LineDecision:
    """One line of piped input: an action (or quit) and, for an edit, the new text."""

    action: Literal["accept", "edit", "reject", "quit"]
    text: str | None = None


_EDIT = re.compile(r"^\s*(?:edit|e)\s*:(.*)$", re.IGNORECASE | re.DOTALL)
_WORDS = {"accept": "accept", "a": "accept", "reject": "reject", "r": "reject", "quit": "quit", "q": "quit"}


def parse_line(line: str) -> LineDecision | None:
    """`accept`, `reject`, `edit: NEW TEXT` or `quit` (first letters too); None when it is none of them.

    In the new text of an edit, a backslash-n stands for a line break, so one line can carry a
    field of several lines.
    """
    m = _EDIT.match(line)
    if m:
        return LineDecision("edit", m.group(1).strip().replace("\\n", "\n"))
    word = _WORDS.get(line.strip().lower())
    return LineDecision(word) if word else None  # type: ignore[arg-type]


def reviewers(packet: Packet) -> list[str]:
    """The names standing behind the current values, in order of their first decision."""
    behind = {f.decided_by for f in packet.fields.values() if f.decided_by}
    names: list[str] = []
    for d in packet.history:
        if d.reviewer in behind and d.reviewer not in names:
            names.append(d.reviewer)
    names += sorted(behind - set(names))
    return names


def tally(packet: Packet) -> dict[str, int]:
    """How many fields are in each status (for the end-of-review summary)."""
    out: dict[str, int] = {}
    for f in packet.fields.values():
        out[f.status] = out.get(f.status, 0) + 1
    return out
