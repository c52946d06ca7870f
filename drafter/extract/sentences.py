"""Sentence spans: where a unit's text splits into statements that can be quoted on their own."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|mr|mrs|ms|dr|st|inc|ltd|co|corp|approx|etc|fig|a\.m|p\.m|u\.s|jr|sr)\."
                     r"|\b[A-Z]\.)$", re.I)
# "No. 4" abbreviates "number" only before a number: "Honestly, no. Tamsin won't ..." is two sentences
_NUMBER_ABBREV = re.compile(r"\bno\.$", re.I)


def one_line(text: str) -> str:
    """A sentence wrapped over lines (or quoted lines, "> ") read as one line: for patterns written with
    spaces, and for showing it."""
    return re.sub(r"[ \t]*\n[ \t>]*", " ", text) if "\n" in text else text


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]: split after . ! ? (not inside quotes or after an
    abbreviation), at a pipe between spaces, and at line breaks that end a short line or a finished clause."""
    spans: list[tuple[int, int]] = []
    seg = text[start:end]
    cut = 0
    quote_open = False
    i = 0
    n = len(seg)
    while i < n:
        ch = seg[i]
        if ch in "“":
            quote_open = True
        elif ch in "”":
            quote_open = False
        elif ch == '"':
            quote_open = not quote_open
        boundary = None
        if ch == "\n":
            # the whole line, also where the span starts after a label on it ("Why Acme. They run ... and\n")
            line_start = text.rfind("\n", 0, start + i) + 1
            prev = text[line_start:start + i].rstrip()
            if prev and (len(prev) < 60 or prev[-1] in ".!?:;"):
                boundary = i
            if prev.endswith(('"', "”")):
                quote_open = False
        elif ch == "|" and 0 < i < n - 1 and seg[i - 1] in " \t" and seg[i + 1] in " \t" and not quote_open:
            boundary = i  # "Odile Marchetti | Grant Okoro, AE | Hugh Pellew": a pipe keeps items apart
        elif ch in ".!?" and not quote_open or ch in "\"”" and i > 0 and seg[i - 1] in ".!?":
            j = i + 1
            while j < n and seg[j] in "\"”’')]":
                j += 1
            number = _NUMBER_ABBREV.search(seg[max(0, i - 3):i + 1]) and seg[j:j + 8].lstrip()[:1].isdigit()
            if j < n and seg[j].isspace() and not _ABBREV.search(seg[max(0, i - 6):i + 1]) and not number:
                boundary = j
                if ch in "\"”":
                    quote_open = False
        if boundary is not None:
            spans.append((cut, boundary))
            cut = boundary
        i += 1
    spans.append((cut, n))
    out = []
    for a, b in spans:
        piece = seg[a:b]
        lead = len(piece) - len(piece.lstrip(" \t\n>|"))  # nor with a quote marker or a pipe
        a2, b2 = a + lead, a + len(piece.rstrip())
        if b2 > a2:
            out.append((start + a2, start + b2))
    return out
