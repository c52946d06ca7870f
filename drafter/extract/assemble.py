"""Pieces of the notes to a value: unique, in text order, within the page limit (a long one cut at a
clause), and joined for people to read ("Name: ..." for an attribution, " — " between units)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.extract.structure import Layout, sentences


@dataclass(frozen=True)
class Piece:
    doc: int
    start: int
    end: int
    unit: int
    prefix: bool = False  # an attribution ("Lorna Baptiste") shown before the next piece


def fit(lay: Layout, pieces: list[Piece], limit: int) -> list[Piece]:
    """Unique pieces in text order, as many as fit in the value limit (a long one cut at a clause)."""
    seen: set[tuple[int, int, int]] = set()
    uniq = []
    for p in pieces:
        key = (p.doc, p.start, p.end)
        if key not in seen and not any(p.doc == q.doc and q.start <= p.start and p.end <= q.end for q in pieces
                                       if (q.start, q.end) != (p.start, p.end) and not q.prefix):
            seen.add(key)
            uniq.append(p)
    out: list[Piece] = []
    used = 0
    for p in uniq:
        size = p.end - p.start + 3
        if used + size > limit:
            if not out:
                p = _cut(lay, p, limit)
                size = p.end - p.start
            else:
                continue
        out.append(p)
        used += size
    order = sorted(out, key=lambda p: (p.doc, p.start, not p.prefix))
    return order

def _cut(lay: Layout, p: Piece, limit: int) -> Piece:
    text = lay.docs[p.doc].text
    spans = sentences(text, p.start, p.end)
    end = p.start
    for _, b in spans:
        if b - p.start <= limit:
            end = b
    if end == p.start:
        window = text[p.start:p.start + limit]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        end = p.start + (cut if cut > 0 else limit)
    return Piece(p.doc, p.start, end, p.unit, p.prefix)


def render(lay: Layout, pieces: list[Piece]) -> str:
    """The value shown to people: pieces in order, an attribution as "Name: ...", units apart by " — "."""
    parts: list[str] = []
    prev: Piece | None = None
    for p in pieces:
        text = lay.docs[p.doc].text[p.start:p.end]
        if "\n" in text:  # a wrapped or quoted ("> ") sentence reads as one line
            text = " ".join(re.sub(r"\n[ \t]*(?:>[ \t]?)*", "\n", text).split())
        if prev is not None and prev.prefix:
            parts.append(": " + text)
        elif prev is not None:
            gap = lay.docs[p.doc].text[prev.end:p.start] if prev.doc == p.doc and prev.end <= p.start else "x"
            same = prev.unit == p.unit >= 0 and lay.units[p.unit].kind != "row" and not gap.strip()
            parts.append((" " if same else " — ") + text)
        else:
            parts.append(text)
        prev = p
    return "".join(parts).strip()
