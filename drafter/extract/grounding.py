"""Grounding: a quote is evidence only at the exact place it stands in its source text.

`locate` finds a quote exactly, then tolerating what a model or a copy-paste changes: runs of
whitespace and line breaks, curly versus straight quotation marks, dashes, non-breaking spaces,
the `>` markers of a quoted email and Markdown's `*`. It returns the span of the *source's* own
characters, so evidence always holds `text[start:end]` verbatim. It matches plain text, never a
regex built from the quote. `evidence` turns a span of a document into an Evidence record with
line, speaker and time.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.ingest.document import Document, fold_view
from drafter.packet import Evidence

# Typographic variants written interchangeably; each folds to one plain character (None: dropped).
_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "*": None, "\u200b": None, "\ufeff": None,
})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    status: str  # "exact" or "folded" (found after folding whitespace and typography)


def plain(text: str) -> str:
    """`text` with its typography folded (quotes, dashes, odd spaces), character for character."""
    return text.translate(_FOLD)


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for tolerant matching, and for each folded character its index in `text`.

    Whitespace runs become one space (none at the ends), `>` markers at the start of a line
    count as whitespace, curly quotes and dashes become plain ones, `*` disappears.
    """
    out: list[str] = []
    where: list[int] = []
    line_start = True
    pending = -1  # index of the first whitespace character of a run not yet written
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
            if pending < 0:
                pending = i
            continue
        if pending >= 0:
            if out:
                out.append(" ")
                where.append(pending)
            pending = -1
        out.append(folded)
        where.append(i)
    return "".join(out), where


def locate(quote: str, text: str, start: int = 0, *, folded: tuple[str, list[int]] | None = None) -> Span | None:
    """Where `quote` stands in `text` (from `start`): exactly, else after folding both.

    Pass `folded=fold(text)` when locating many quotes in one text.
    """
    q = quote.strip()
    if not q:
        return None
    i = text.find(q, start)
    if i >= 0:
        return Span(i, i + len(q), "exact")
    fq, _ = fold(q)
    if not fq:
        return None
    ft, where = folded if folded is not None else fold(text)
    j = ft.find(fq)
    while j >= 0 and where[j] < start:
        j = ft.find(fq, j + 1)
    if j < 0:
        return None
    return Span(where[j], where[j + len(fq) - 1] + 1, "folded")


def _shown(doc: Document, text: str) -> bool:
    folded = fold_view(text)
    return bool(folded) and any(folded in v for v in doc.views)


def _min_word_chars(text: str, n: int = 2) -> bool:
    return sum(ch.isalnum() for ch in text) >= n


def verbatim_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """`doc.text[start:end]` cut into the longest pieces that the file itself shows.

    For most sources that is the whole span. An email's HTML body is read as text, and its markup
    (`<b>`, links, entities, quoted-printable line breaks) interrupts the text in the file; a quote
    across it could not be found by someone who opens the file. Each piece is grown as far as it
    stays a substring of what the file shows; a character the file writes differently (an entity)
    is skipped; a piece ends at a word's start rather than inside it where it can; pieces without
    two letters or digits are dropped.
    """
    if not doc.views or _shown(doc, doc.text[start:end]):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    p = start
    while p < end:
        if doc.text[p].isspace():
            p += 1
            continue
        lo, hi = p, end  # the longest shown prefix: shown-ness is closed under taking prefixes
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if _shown(doc, doc.text[p:mid]):
                lo = mid
            else:
                hi = mid - 1
        if lo == p:
            p += 1
            continue
        if lo < end and doc.text[lo - 1].isalnum() and doc.text[lo].isalnum():
            # cut inside a word: end the piece at the word's start when it has one
            back = lo
            while back > p and doc.text[back - 1].isalnum():
                back -= 1
            lo = back if back > p else lo
        q = lo
        while q > p and doc.text[q - 1].isspace():
            q -= 1
        if _min_word_chars(doc.text[p:q]):
            out.append((p, q))
        p = lo
    return out


def evidences(doc: Document, start: int, end: int, *, speaker: str | None = None,
              time: str | None = None) -> list[Evidence]:
    """Evidence for doc.text[start:end]: one record, or one per piece the file shows (`verbatim_spans`)."""
    return [evidence(doc, a, b, speaker=speaker, time=time) for a, b in verbatim_spans(doc, start, end)]


def evidence(doc: Document, start: int, end: int, *, speaker: str | None = None,
             time: str | None = None) -> Evidence:
    """Evidence for doc.text[start:end] (trimmed), citing line, and speaker/time where known."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    seg = doc.segment_at(start)
    if seg is not None:
        speaker = speaker or seg.speaker
        time = time or seg.time
    return Evidence(source=doc.path, quote=doc.text[start:end], start=start, end=end,
                    line=doc.line_of(start), speaker=speaker, time=time)
