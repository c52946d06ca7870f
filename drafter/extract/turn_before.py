"""What a sentence takes from the turn before it: the same voice going on across a break, a question about
a customer person it answers, the customer person a question's "him" means, the dated invitation it
accepts ("Come next Tuesday, the 17th" / "I'll be there")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.units import Layout

if TYPE_CHECKING:
    from drafter.extract.candidates import Cand


def same_voice_before(lay: Layout, i: int, before: list[Cand]) -> Cand | None:
    """The last sentence of the unit before, when the same speaker or writer goes on in this one: "he"
    and "her words" there point back across the paragraph or caption break."""
    if i == 0 or not before or before[-1].unit != i - 1:
        return None
    u, p = lay.units[i], lay.units[i - 1]
    same = p.doc == u.doc and p.speaker == u.speaker and p.message == u.message and p.quoted == u.quoted
    prose = ("text", "cue", "bullet")
    return before[-1] if same and p.kind in prose and u.kind in prose else None


def accepted_invitation(lay: Layout, cues: Cues, i: int, before: list[Cand], first: str) -> Cand | None:
    """The dated sentence of the turn before that this turn opens by accepting ("Come next Tuesday, the
    17th" / "I'll be there."), said by someone else."""
    u = lay.units[i]
    if i == 0 or u.kind != "cue" or not cues.any_of("accepts").match(first):
        return None
    p = lay.units[i - 1]
    if p.doc != u.doc or (p.speaker is not None and p.speaker == u.speaker):
        return None
    dated = [c for c in before if c.unit == i - 1 and c.features["date"] and not c.undecided]
    return dated[-1] if dated else None


def named_in_turn_before(lay: Layout, i: int, before: list[Cand]) -> Cand | None:
    """The last sentence of the previous unit (whoever said it) that names a customer person."""
    if i == 0 or lay.units[i - 1].doc != lay.units[i].doc:
        return None
    for c in reversed(before):
        if c.unit != i - 1:
            return None
        if c.features["customer_person"] and not c.undecided:
            return c
    return None


def answers_customer(lay: Layout, i: int, before: list[Cand]) -> bool:
    """A turn that answers a question about a customer person ("Who knows Rodrigo?", "How well do
    you know Mereana?") is about them, though it says "him" or "her"."""
    u = lay.units[i]
    if u.kind != "cue" or i == 0 or not before or before[-1].unit != i - 1:
        return False
    prev = lay.units[i - 1]
    if prev.doc != u.doc or (prev.speaker is not None and prev.speaker == u.speaker):
        return False
    q = before[-1]
    return bool(q.features.get("question") and q.features.get("customer_person"))
