"""Conversation turns that complete each other, for fields the template defines across two sides.

A joint value proposition is what we do and what the partner does. In a call each side says its own
part in its own turn ("That's our predictive maintenance. We flag wear ..." / "That's us. We'd feed
your alerts into the maintenance system ..."), so the best statement of one side is completed by the
nearby statement of the other. A warm path is who knows whom: a turn that says "I'll set up a coffee
with him" is completed by the sentence before it that names him.
"""

from __future__ import annotations

from drafter.extract.candidates import Cand
from drafter.extract.units import Layout

NEAR_TURNS = 2  # how many units apart the two halves of one exchange may be


def side(c: Cand) -> str | None:
    """Whose offering a statement describes: the partner's (named, or said by them as "we") or ours."""
    if c.features.get("customer_voice"):
        return None  # the customer's "our" is theirs
    if c.features.get("partner"):
        return "partner"
    if c.features.get("first_plural"):
        return "ours"
    return None


def complement(lay: Layout, by_unit: dict[int, list[Cand]], c: Cand, fid: str) -> Cand | None:
    """The best statement of the other side about the same field, in a nearby turn of the same document."""
    mine = side(c)
    if mine is None or c.cue_scores.get(fid, 0.0) <= 0:
        return None
    doc = lay.units[c.unit].doc
    best: Cand | None = None
    for i in range(c.unit - NEAR_TURNS, c.unit + NEAR_TURNS + 1):
        if i == c.unit or i not in by_unit or lay.units[i].doc != doc:
            continue
        for o in by_unit[i]:
            if o.topic < 0 or o.undecided or o.cue_scores.get(fid, 0.0) <= 0 or side(o) in (None, mine):
                continue
            if best is None or o.scores[fid] > best.scores[fid]:
                best = o
    return best


def antecedent(by_unit: dict[int, list[Cand]], c: Cand) -> Cand | None:
    """The sentence before `c` in its unit that names the customer person `c` refers to as him or her."""
    if c.features.get("customer_person"):
        return None
    earlier = [o for o in by_unit.get(c.unit, []) if o.start < c.start and not o.undecided]
    return next((o for o in reversed(earlier) if o.features.get("customer_person")), None)
