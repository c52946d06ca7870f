"""Who speaks a caption that carries no name, read from the turn-taking of the call itself.

A caption file without speaker labels still tells a reader who answers: the person the turn before
addressed by name ("Aigerim, you wanted to talk about Baltic Gateway?", "Who do you know there,
Aigerim?") takes the next turn; and the one who says "it's on my named list" is the seller. Used only
where no introduction ("this is ...", "Emre here") named the speaker already.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.sentences import sentences
from drafter.extract.units import Layout, Unit

if TYPE_CHECKING:
    from drafter.extract.entities import Entities


def _addressed(text: str, start: int, end: int, firsts: dict[str, str]) -> str | None:
    """The full name of the person a turn addresses by first name: "Aigerim, you ...", "..., Aigerim?"."""
    alt = "|".join(re.escape(f) for f in sorted(firsts, key=len, reverse=True))
    opening = re.compile(rf"^(?:\w+[,.!]?[ \t]+)?(?P<name>{alt}),[ \t]+(?!(?:{alt})\b)")
    closing = re.compile(rf",[ \t]*(?P<name>{alt})[ \t]*[?!.]?[ \t]*$")
    for a, b in sentences(text, start, end):
        m = opening.match(text[a:b]) or closing.search(text[a:b])
        if m:
            return firsts[m.group("name")]
    return None


def answer_turns(units: list[Unit], text: str, firsts: dict[str, str]) -> None:
    """An unnamed caption right after one that addresses a known speaker by name is theirs; so is one right
    before a turn that thanks them for it ("... by May 8th." / "Thanks Wen. I checked registration ...")."""
    if not firsts:
        return
    alt = "|".join(re.escape(f) for f in sorted(firsts, key=len, reverse=True))
    thanks = re.compile(rf"(?:thanks|thank you|cheers|great|perfect|got it|lovely)[,!.]?[ \t]+(?P<name>{alt})\b",
                        re.I)
    for prev, u in zip(units, units[1:], strict=False):
        if u.kind != "cue" or prev.kind != "cue":
            continue
        if not u.speaker:
            who = _addressed(text, prev.start, prev.end, firsts)
            if who and who != prev.speaker:
                u.speaker = who
        m = thanks.match(text, u.start, u.end)
        if m and not prev.speaker and firsts[m.group("name")] != u.speaker:
            prev.speaker = firsts[m.group("name")]


def seller_turns(lay: Layout, ents: Entities, cues: Cues) -> None:
    """An unnamed caption in which someone speaks of "my named list", "my territory" is the seller's."""
    if ents.seller is None:
        return
    mine = cues.any_of("seller_self")
    for u in lay.units:
        if u.kind == "cue" and not u.speaker and lay.docs[u.doc].segments and mine.search(lay.text(u)):
            u.speaker = ents.seller.name

