"""Conversation turns that complete each other, for fields the template defines across two sides.

A joint value proposition is what we do and what the partner does. In a call each side says its own
part in its own turn ("That's our predictive maintenance. We flag wear ..." / "That's us. We'd feed
your alerts into the maintenance system ..."), so the best statement of one side is completed by the
nearby statement of the other. A warm path is who knows whom: a turn that says "I'll set up a coffee
with him" is completed by the sentence before it that names him. Evidence is the same: "Dropping it
in the chat: x.pdf" is completed by the sentence before it that says what "it" is ("our January AOG
report").
"""

from __future__ import annotations

import re

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
        if i not in by_unit or lay.units[i].doc != doc:
            continue
        # a turn is one speaker's: a sentence that names no side speaks for the side the turn does ("And the
        # block happens at our crib. If your system says a tool is overdue, the checkout refuses it.")
        turn = next((x for x in map(side, by_unit[i]) if x is not None), None) if lay.units[i].speaker else None
        for o in by_unit[i]:
            # in the same turn, naming the other side's part is enough ("Our eConsent gives the patient ...
            # Vantara's nurses go through it with them on the first home visit")
            said = o.cue_scores.get(fid, 0.0) > 0 or (i == c.unit and o is not c)
            whose = side(o) or (turn if not o.features.get("customer_voice") else None)
            if o.topic < 0 or o.undecided or not said or whose in (None, mine):
                continue
            if best is None or o.scores[fid] > best.scores[fid]:
                best = o
    return best


def confirmed_question(lay: Layout, by_unit: dict[int, list[Cand]], c: Cand, fid: str,
                       yes: re.Pattern[str]) -> Cand | None:
    """The other side's part asked as the question that ends `c`'s turn and confirmed by the next speaker
    ("Our booking fills the quiet slots ... Lena, you'd map the labor codes for each store?" / "Yes, two
    days of work for us"): confirmed, the question states it as much as an answer would."""
    turn = by_unit.get(c.unit, [])
    nxt = by_unit.get(c.unit + 1, [])
    if not turn or not nxt or turn[-1] is c:
        return None
    u, v = lay.units[c.unit], lay.units[c.unit + 1]
    if v.doc != u.doc or v.speaker is None or v.speaker == u.speaker or not yes.match(nxt[0].text):
        return None
    q = turn[-1]
    return q if q.features.get("question") and q.cue_scores.get(fid, 0.0) > 0 and not q.undecided else None


_HE = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)


def antecedent(lay: Layout, by_unit: dict[int, list[Cand]], c: Cand) -> Cand | None:
    """The sentence before `c` that names the customer person `c` refers to as him or her: in its unit,
    else in the paragraphs just before it by the same writer or speaker ("... so I see Gareth most days."
    / "He eats lunch in the canteen on Thursdays")."""
    if c.refers is not None:  # "She asked me to put her in touch", after the paragraph that names her
        return None if c.refers.open_for("warm_path") else c.refers
    if c.features.get("customer_person") or not _HE.search(c.text):
        return None
    u = lay.units[c.unit]
    earlier = [o for o in by_unit.get(c.unit, []) if o.start < c.start]
    for i in range(c.unit - 1, max(-1, c.unit - 4), -1):
        v = lay.units[i]
        if v.doc != u.doc or v.speaker != u.speaker or v.message != u.message:
            break
        earlier = by_unit.get(i, []) + earlier
    for o in reversed(earlier):
        if o.features.get("customer_person"):
            return None if o.undecided else o
    return None


_FILE_NAME = re.compile(r"\S+\.(?:pdf|docx?|pptx?|xlsx?|csv|txt|md)\b|https?://\S+", re.I)
_IT = re.compile(r"\b(?:it|this|that one|them)\b", re.I)


def referent(lay: Layout, by_unit: dict[int, list[Cand]], c: Cand, things: re.Pattern[str]) -> Cand | None:
    """The sentence that says what `c`'s "it" is: the nearest one before it, in its unit or the turn
    before, that names a thing (three sentences back at most), when `c` names none itself. A link
    posted on its own is such an "it" ("The recording of her talk is up ..." / "https://...")."""
    bare = _FILE_NAME.sub(" ", c.text)
    if not (_IT.search(c.text) or not re.search(r"\w", bare)) or things.search(bare):
        return None
    doc = lay.units[c.unit].doc
    earlier = [o for o in by_unit.get(c.unit, []) if o.start < c.start]
    if c.unit - 1 in by_unit and lay.units[c.unit - 1].doc == doc:
        earlier = by_unit[c.unit - 1] + earlier
    for o in list(reversed(earlier))[:3]:
        if not o.open_for("evidence") and o.topic >= 0 and things.search(o.text):
            return o
    return None


def link_after(lay: Layout, by_unit: dict[int, list[Cand]], c: Cand, url: re.Pattern[str]) -> Cand | None:
    """A link the same speaker posts on its own right after the turn naming the document ("We wrote a
    case study with them. Link coming." / "https://...")."""
    u = lay.units[c.unit]
    nxt = by_unit.get(c.unit + 1, [])
    if len(nxt) != 1 or not c.features.get("artifact"):
        return None
    v = lay.units[c.unit + 1]
    if v.doc == u.doc and v.speaker == u.speaker and nxt[0].features.get("url") and not re.search(
            r"\w", url.sub(" ", nxt[0].text)):
        return nxt[0]
    return None


# a question asking whether any document exists: "A case study, a reference?", "Is there anything written?"
_ANY = re.compile(r"^\W*(?:a|an|any|anything|something)\b|\b(?:is|was) there (?:anything|any)\b|\banything\b", re.I)


def question_before(lay: Layout, by_unit: dict[int, list[Cand]], i: int, fid: str,
                    names: re.Pattern[str] | None = None) -> Cand | None:
    """A question the previous speaker asked that unit `i` answers ("How warm is Carla?"); given the field's
    `names`, one that names the field ("What's the joint story?"). A question asking whether any document
    exists ("A case study, a reference?") names none: it is no part of the evidence."""
    u = lay.units[i]
    if i == 0:
        return None
    prev = lay.units[i - 1]
    # a question, then a turn by someone else; in a caption file without names, the next caption
    unnamed = u.kind == "cue" and prev.kind == "cue" and None in (u.speaker, prev.speaker)
    if prev.doc != u.doc or (not unnamed and (u.speaker is None or prev.speaker in (None, u.speaker))):
        return None
    asked = [q for q in by_unit.get(i - 1, []) if q.features.get("question") and not q.undecided
             and (q.cue_scores[fid] > 0 if names is None else bool(names.search(q.text)))
             and not (fid == "evidence" and names is None and _ANY.search(q.text))]
    return max(reversed(asked), key=lambda q: q.cue_scores[fid]) if asked else None
