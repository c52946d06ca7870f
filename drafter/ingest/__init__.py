"""Reading meeting notes: one reader per kind, each giving a `Document` whose offsets evidence cites."""

from __future__ import annotations

import hashlib
from pathlib import Path

from drafter.errors import InputError
from drafter.files import decode_text, read_bytes
from drafter.ingest.document import Document, Hint, Segment

KINDS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".docx": "docx", ".vtt": "vtt", ".srt": "srt", ".eml": "eml",
}

__all__ = ["Document", "Hint", "KINDS", "Segment", "read_source", "read_sources"]


def kind_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    kind = KINDS.get(suffix)
    if not kind:
        shown = suffix or "(no suffix)"
        raise InputError(path, f"unsupported kind of notes {shown}; use .txt, .md, .docx, .vtt, .srt or .eml")
    return kind


def read_source(path: str | Path) -> Document:
    """One notes file as a Document; bad input is an InputError naming the file and the problem."""
    kind = kind_of(path)
    data = read_bytes(path)
    name = str(path)
    digest = hashlib.sha256(data).hexdigest()
    if kind == "docx":
        from drafter.ingest.word import read_docx

        text, hints = read_docx(data, name)
        return Document(name, kind, text, digest, body="paragraphs", hints=hints)
    if kind == "eml":
        from drafter.ingest.mail import read_eml

        text, body, date, views, hints = read_eml(data, name)
        return Document(name, kind, text, digest, body=body, date=date, views=views, hints=hints)
    text = decode_text(data, name)
    if not text.strip():
        raise InputError(name, "file is empty")
    if kind in ("vtt", "srt"):
        from drafter.ingest.transcript import parse_cues

        return Document(name, kind, text, digest, segments=parse_cues(text, name, kind))
    return Document(name, kind, text, digest)


def read_sources(paths: list[str | Path]) -> list[Document]:
    """Every notes file for one packet, in the order given; the same file twice is read once."""
    if not paths:
        raise InputError(None, "no notes given")
    docs: list[Document] = []
    seen: set[str] = set()
    for p in paths:
        doc = read_source(p)
        if doc.sha256 not in seen:
            seen.add(doc.sha256)
            docs.append(doc)
    return docs
