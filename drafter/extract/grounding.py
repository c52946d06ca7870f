"""Finding a quote in its source: exact first, then forgiving about spacing and typography.

A model copies a passage but may fold a line break into a space, straighten a curly quote,
drop an email's `>` quote markers, or turn an en dash into a hyphen. `locate` still finds
the passage and returns the span of the *source's* own characters, so evidence always holds
`text[start:end]` verbatim. Matching is plain text, never a regex built from the quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

How = Literal["exact", "tolerant"]

# Typographic variants a model writes interchangeably; each folds to one plain character.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "*": None, "\u200b": None, "\ufeff": None,
})


@dataclass(frozen=True)
class Span:
    """Where a quote sits in its text; `how` says whether it matched exactly or after folding."""

    start: int
    end: int
    how: How = "exact"


def fold(text: str) -> tuple[str, list[int]]:
    """Text with spacing and typography folded, and for each folded character its index in `text`.

    Runs of whitespace become one space, `>` markers at the start of a line (quoted email) count
    as whitespace, curly quotes and dashes become plain ones, and Markdown `*` disappear.
    """
    out: list[str] = []
    where: list[int] = []
    line_start = True
    pending_space = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start = True
        if line_start and ch == ">":
            ch = " "
        elif not ch.isspace():
            line_start = False
        folded = ch.translate(_FOLD)
        if not folded:
            continue
        if folded.isspace():
            if pending_space < 0:
                pending_space = i
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                where.append(pending_space)
            pending_space = -1
        out.append(folded)
        where.append(i)
    return "".join(out), where


def locate(quote: str, text: str, folded: tuple[str, list[int]] | None = None) -> Span | None:
    """The first place `quote` occurs in `text`, exactly or after `fold`, or None.

    Pass `folded=fold(text)` when locating many quotes in one text.
    """
    quote = quote.strip()
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return Span(i, i + len(quote), "exact")
    ftext, where = folded if folded is not None else fold(text)
    fquote, _ = fold(quote)
    if not fquote:
        return None
    j = ftext.find(fquote)
    if j < 0:
        return None
    return Span(where[j], where[j + len(fquote) - 1] + 1, "tolerant")
