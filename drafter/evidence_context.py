"""Evidence shown where it was said: the quote inside its surrounding lines of the source.

A reviewer stands behind a field only after seeing what the notes actually say, so the
quote is cut out of its source by its recorded offsets. When the source is not at hand
(moved, not text, or changed since drafting) the quote is shown alone with the reason,
never silently.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputError
from drafter.files import decode_text, read_bytes
from drafter.packet import Evidence, Packet, Source


@dataclass(frozen=True)
class Snippet:
    """The quote and the text around it, cut at line boundaries."""

    before: str
    quote: str
    after: str
    line: int  # 1-based line on which the quote starts


@dataclass(frozen=True)
class EvidenceView:
    """What the review screen shows for one evidence span."""

    evidence: Evidence
    source_label: str
    snippet: Snippet | None
    problem: str | None = None  # why there is no context, or what is doubtful about it

    @property
    def position(self) -> str:
        ev = self.evidence
        line = self.snippet.line if self.snippet else ev.line
        where = f"line {line}, " if line else ""
        return f"{where}chars {ev.start}-{ev.end}"


def snippet(text: str, start: int, end: int, context_lines: int = 1) -> Snippet:
    """The lines holding text[start:end], plus `context_lines` whole lines either side."""
    lo = text.rfind("\n", 0, start) + 1
    for _ in range(context_lines):
        if lo == 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    for _ in range(context_lines):
        if hi >= len(text):
            break
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt < 0 else nxt
    return Snippet(text[lo:start], text[start:end], text[end:hi], text.count("\n", 0, start) + 1)


def find_source(packet: Packet, name: str) -> Source | None:
    """The packet's record of the source an evidence span names (by path, or by file name)."""
    for src in packet.sources:
        if src.path == name:
            return src
    for src in packet.sources:
        if Path(src.path).name == Path(name).name:
            return src
    return None


def _locate_file(path: str, base: Path | None) -> Path | None:
    p = Path(path)
    candidates = [p] if p.is_absolute() else [*([base / p] if base else []), Path.cwd() / p]
    return next((c for c in candidates if c.is_file()), None)


class SourceTexts:
    """Source files read once per review; relative paths are taken from the packet's folder first."""

    def __init__(self, packet: Packet, base: Path | None = None) -> None:
        self.packet = packet
        self.base = base
        self._cache: dict[str, tuple[str | None, str | None]] = {}

    def text(self, name: str) -> tuple[str | None, str | None]:
        """(text, problem): the source's text, and what is doubtful about it or why it is absent."""
        if name not in self._cache:
            self._cache[name] = self._read(name)
        return self._cache[name]

    def _read(self, name: str) -> tuple[str | None, str | None]:
        src = find_source(self.packet, name)
        path = _locate_file(src.path if src else name, self.base)
        if path is None:
            return None, "source file not at hand"
        try:
            data = read_bytes(path)
            text = decode_text(data, path)
        except InputError as e:
            return None, e.problem
        if src and src.sha256 and hashlib.sha256(data).hexdigest() != src.sha256:
            return text, "source file changed since drafting"
        return text, None

    def view(self, ev: Evidence, context_lines: int = 1) -> EvidenceView:
        src = find_source(self.packet, ev.source)
        label = src.path if src else ev.source
        text, problem = self.text(ev.source)
        if text is None:
            return EvidenceView(ev, label, None, problem)
        if text[ev.start:ev.end] == ev.quote:
            return EvidenceView(ev, label, snippet(text, ev.start, ev.end, context_lines), problem)
        # Offsets may refer to text extracted from a richer format; find the quote as plain text.
        at = text.find(ev.quote) if ev.quote else -1
        if at < 0:
            return EvidenceView(ev, label, None, "quote not found in the source file")
        note = "quote found away from its recorded offsets"
        return EvidenceView(ev, label, snippet(text, at, at + len(ev.quote), context_lines), note)
