"""The shape of notes: units (lines, bullets, paragraphs, table rows, transcript cues), the sections
and labels that govern them, and who wrote or said each one (email messages, speakers).

Every unit is a span of its document's text, so anything quoted from it is verbatim.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.extract.cues import Cues
from drafter.extract.lines import _SPEAKER, _STAMP, _Builder
from drafter.extract.sentences import sentences
from drafter.extract.speakers import doc_author, name_generic_speakers, name_unnamed_cues
from drafter.extract.units import Layout, Message, Unit
from drafter.ingest.document import Document
from drafter.ingest.transcript import note_blocks

__all__ = ["Layout", "Message", "Unit", "layout", "sentences"]


def _speaker_lines(doc: Document) -> set[str]:
    """Speaker names when a plain-text file reads as a transcript ("Name: words" on most lines)."""
    counts: dict[str, int] = {}
    stamped: set[str] = set()
    nonblank = 0
    for ln in doc.text.split("\n"):
        if not ln.strip():
            continue
        nonblank += 1
        stamp = _STAMP.match(ln)  # a chat log: "[10:02] Name: words"
        m = _SPEAKER.match(ln, stamp.end() if stamp else 0)
        if m and len(m.group(1)) <= 40:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            if stamp:
                stamped.add(m.group(1))
    repeated = {k for k, v in counts.items() if v >= 2}
    hits = sum(counts[k] for k in repeated)
    if len(repeated) >= 2 and hits >= 6 and hits >= 0.5 * nonblank:
        # in a chat log, someone who writes once after a time stamp is a speaker too, not a label of the
        # line before ("[10:40] Ines Carvalho: Partner marketing here. I'll own the handoff")
        return repeated | stamped
    return set()


def _cue_units(index: int, doc: Document, builder: _Builder) -> list[Unit]:
    notes = note_blocks(doc.text) if doc.kind == "vtt" else []
    for seg in doc.segments:
        while notes and notes[0][0] < seg.start:  # a NOTE block is the recorder's own line: plain text
            a, b = notes.pop(0)
            builder.add(Unit(index, a, b, doc.line_of(a), "text"), 0)
        unit = Unit(index, seg.start, seg.end, doc.line_of(seg.start), "cue", speaker=seg.speaker,
                    speaker_at=seg.speaker_start, time=seg.time)
        builder._label(unit, doc.text[seg.start:seg.end])
        builder.add(unit, 0)
    return builder.units


def unwrapped(doc: Document) -> Document:
    """A caption file as read: a cue's lines are one utterance wrapped to fit the screen ("their ops VP, Gordon
    / Pryce, stood up", "the 24th of / February"), so inside a cue a line break reads as a space. Same length,
    same offsets and line numbers: quotes are still taken from the file's own text."""
    if doc.kind not in ("vtt", "srt") or not doc.segments:
        return doc
    chars = list(doc.text)
    for seg in doc.segments:
        for k in range(seg.start, seg.end):
            if chars[k] == "\n":
                chars[k] = " "
    flat = replace(doc, text="".join(chars), segments=list(doc.segments))
    flat._line_starts = doc._line_starts  # lines are the file's
    return flat


def layout(docs: list[Document], cues: Cues) -> Layout:
    """Units of every document, in order, with sections, labels, speakers and messages."""
    units: list[Unit] = []
    messages: list[Message] = []
    docs = [unwrapped(d) for d in docs]
    for i, doc in enumerate(docs):
        builder = _Builder(i, doc, cues, messages)
        if doc.segments and doc.kind in ("vtt", "srt"):
            found = _cue_units(i, doc, builder)
            name_unnamed_cues(found, doc, cues)
        else:
            found = builder.run(_speaker_lines(doc) if doc.kind in ("txt", "md", "docx") else set())
        name_generic_speakers(found, doc, cues)
        if doc.kind in ("txt", "md", "docx") and not doc.segments:
            doc_author(i, doc, found, messages, cues)
        offset = len(units)
        for u in found:
            for attr in ("section", "parent"):
                v = getattr(u, attr)
                if v is not None:
                    setattr(u, attr, v + offset)
        units.extend(found)
    return Layout(docs, units, messages)
