"""One packet from several answers (the chunks of a long document): per field, grounded ones win.

When chunks propose different values for a field, the best-evidenced one becomes the value and
the others go to `Field.alternatives` with a note, so the reviewer sees the disagreement instead
of drafter silently picking. A value another one contains (an overlap seen twice, once cut short)
is the same proposal, not a conflict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drafter.extract.answer import Checked, Proposed
from drafter.extract.prompting import Prompt
from drafter.fields import FIELD_IDS
from drafter.packet import Evidence, Field


@dataclass
class Answer:
    """One request's outcome: its checked fields, how many attempts it took, and whether it failed."""

    checked: Checked
    attempts: int
    failed: bool = False  # retries spent: `checked.fields[*].problem` explains the dropped fields
    unreadable: bool = False  # not even JSON: every field of this request is missing


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


def _note_for_dropped(answers: list[Answer], fid: str, prompt: Prompt) -> str:
    for a in answers:
        if a.unreadable:
            return prompt.message("notes.unreadable", attempts=a.attempts)
        reason = a.checked.fields[fid].reason
        if reason:
            return prompt.message("notes.dropped", attempts=a.attempts, reason=reason)
    return prompt.message("notes.not_in_notes")


def _merge_evidence(groups: list[list[Evidence]]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for group in groups:
        for ev in group:
            key = (ev.source, ev.start, ev.end)
            if key not in seen:
                seen.add(key)
                out.append(ev)
    return out


def merge_field(fid: str, answers: list[Answer], prompt: Prompt) -> Field:
    """The packet field from every answer's proposal for `fid`."""
    kept: list[Proposed] = [a.checked.fields[fid] for a in answers if a.checked.fields[fid].value]
    if not kept:
        return Field(value=None, status="missing", note=_note_for_dropped(answers, fid, prompt))
    ranked = sorted(range(len(kept)), key=lambda i: (-len(kept[i].evidence), i))
    winner = kept[ranked[0]]
    assert winner.value is not None
    same = [winner.evidence]
    alternatives: list[str] = []
    for i in ranked[1:]:
        other = kept[i]
        assert other.value is not None
        a, b = _key(winner.value), _key(other.value)
        if a == b or b in a:
            same.append(other.evidence)
        elif a in b and len(other.evidence) >= len(winner.evidence):
            winner, same = other, [other.evidence, *same]
        elif all(_key(x) != b for x in alternatives):
            alternatives.append(other.value)
    note = prompt.message("notes.conflict", count=len(alternatives)) if alternatives else None
    assert winner.value is not None
    return Field(value=winner.value, status="proposed", evidence=_merge_evidence(same),
                 alternatives=alternatives, note=note)


def merge_answers(answers: list[Answer], prompt: Prompt) -> tuple[dict[str, Field], str | None]:
    """All eleven fields and the classification from the answers of one packet's requests."""
    fields = {fid: merge_field(fid, answers, prompt) for fid in FIELD_IDS}
    votes = Counter(a.checked.classification for a in answers if a.checked.classification)
    classification = votes.most_common(1)[0][0] if votes and fields["account"].value else None
    return fields, classification
