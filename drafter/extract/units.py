"""The units of notes: spans of a document's text with what governs them (section, label, speaker)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.ingest.document import Document


@dataclass
class Unit:
    """One line, bullet, paragraph, table row or cue. `body` is where the text after a label starts."""

    doc: int
    start: int
    end: int
    line: int
    kind: str  # text | bullet | heading | row | header | cue
    body: int = -1
    level: int = 0
    indent: int = 0
    label: str | None = None
    label_start: int | None = None
    sep: str | None = None
    section: int | None = None
    parent: int | None = None
    speaker: str | None = None
    speaker_at: int | None = None
    speaker_len: int | None = None  # length of the name written at speaker_at, when shorter ("Emre here")
    time: str | None = None
    message: int | None = None
    quoted: bool = False
    cells: list[tuple[int, int]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.body < 0:
            self.body = self.start


@dataclass
class Message:
    doc: int
    author: str | None = None
    author_at: int | None = None
    date: str | None = None
    to: list[str] = field(default_factory=list)  # the names in its To: header


@dataclass
class Layout:
    docs: list[Document]
    units: list[Unit]
    messages: list[Message]

    def text(self, u: Unit, *, body: bool = False) -> str:
        return self.docs[u.doc].text[(u.body if body else u.start):u.end]
