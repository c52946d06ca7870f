"""Grounding: a quote is evidence only at the exact place it stands in its source text.

`locate` finds a quote exactly, then tolerating differences in whitespace and quotation marks
(what a model or a copy-paste changes); it matches plain text, never a regex built from the quote.
`evidence` turns a span of a document into an Evidence record with line, speaker and time.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.ingest.document import Document
from drafter.packet import Evidence

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    status: str  # "exact" or "folded" (found after folding whitespace and quotation marks)


def _folded(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs as one space and curly quotes straight, and where each char came from."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch.translate(_QUOTES))
        where.append(i)
    return "".join(out), where


def locate(quote: str, text: str, start: int = 0) -> Span | None:
    """Where `quote` stands in `text` (from `start`): exactly, else whitespace/quote-mark tolerant."""
    q = quote.strip()
    if not q:
        return None
    i = text.find(q, start)
    if i >= 0:
        return Span(i, i + len(q), "exact")
    fq, _ = _folded(q)
    ft, where = _folded(text)
    j = ft.find(fq.strip())
    while j >= 0 and where[j] < start:
        j = ft.find(fq.strip(), j + 1)
    if j < 0:
        return None
    last = j + len(fq.strip()) - 1
    return Span(where[j], where[last] + 1, "folded")


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
