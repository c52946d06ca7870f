"""Build invented notes for extractor tests: write a text, draft it offline, and caption-file helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from drafter.extract.offline import draft
from drafter.ingest import read_sources
from drafter.packet import Packet

TODAY = date(2025, 11, 24)


def draft_text(tmp_path: Path, text: str, name: str = "notes.txt", today: date = TODAY) -> Packet:
    """Write `text` as `name` (UTF-8) under tmp_path and draft it with the offline extractor."""
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return draft(read_sources([p]), today=today)


def vtt(turns: list[tuple[str, str]], style: str = "tag", note: str | None = None) -> str:
    """A WebVTT file of (speaker, text) turns: `<v Name>text</v>` ("tag"), `<v Name>text` ("open")
    or `Name: text` ("colon"), with an optional NOTE block."""
    shape = {"tag": "<v {who}>{text}</v>", "open": "<v {who}>{text}", "colon": "{who}: {text}"}[style]
    head = "WEBVTT\n\n" + (f"NOTE\n{note}\n\n" if note else "")
    return head + "\n".join(f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{shape.format(who=who, text=text)}\n"
                            for i, (who, text) in enumerate(turns, 1))


def srt(lines: list[str] | list[tuple[str, str]]) -> str:
    """An SRT file of caption lines, or of (speaker, text) turns written `Name: text`."""
    body = [ln if isinstance(ln, str) else f"{ln[0]}: {ln[1]}" for ln in lines]
    return "\n".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{ln}\n" for i, ln in enumerate(body, 1))
