"""Packet formats chosen by file suffix: Markdown and JSON hold one packet, CSV and JSONL many."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from drafter.errors import InputError, UsageError
from drafter.files import atomic_write, read_text
from drafter.formats.jsonfmt import read_json, write_json
from drafter.formats.markdown import read_markdown, write_markdown
from drafter.formats.table import Record, iter_csv, iter_jsonl, write_csv, write_jsonl
from drafter.packet import Packet

SINGLE = {".md": "md", ".markdown": "md", ".txt": "md", ".json": "json"}
MANY = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}

__all__ = ["iter_records", "read_packet", "read_packets", "write_packets", "format_of",
           "read_markdown", "write_markdown", "read_json", "write_json", "write_csv", "write_jsonl"]


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    fmt = SINGLE.get(suffix) or MANY.get(suffix)
    if not fmt:
        raise UsageError(f"{path}: unknown packet format {suffix or '(no suffix)'!r}; use .md, .json, .csv or .jsonl")
    return fmt


def read_packet(path: str | Path) -> Packet:
    """One packet from a .md or .json file (or a .csv/.jsonl holding exactly one)."""
    fmt = format_of(path)
    if fmt in ("csv", "jsonl"):
        packets = read_packets(path)
        if len(packets) != 1:
            raise InputError(path, f"holds {len(packets)} packets, expected one")
        return packets[0]
    text = read_text(path)
    return read_markdown(text, str(path)) if fmt == "md" else read_json(text, str(path))


def iter_records(path: str | Path, columns: dict[str, str] | None = None) -> Iterator[Record]:
    """Stream (row, packet or error) from any packet file; single-packet files yield one record."""
    fmt = format_of(path)
    if fmt == "csv":
        yield from iter_csv(path, columns)
    elif fmt == "jsonl":
        yield from iter_jsonl(path)
    else:
        try:
            yield 1, read_packet(path)
        except InputError as e:
            yield 1, e


def read_packets(path: str | Path) -> list[Packet]:
    """Every packet in the file; the first bad row is an error."""
    out = []
    for _, item in iter_records(path):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    if not out:
        raise InputError(path, "holds no packets")
    return out


def write_packets(path: str | Path, packets: list[Packet], *, force: bool = False) -> None:
    fmt = format_of(path)
    if fmt in ("md", "json") and len(packets) != 1:
        raise UsageError(f"{path}: {len(packets)} packets do not fit one {fmt} file; write .csv or .jsonl")
    if fmt == "md":
        data = write_markdown(packets[0])
    elif fmt == "json":
        data = write_json(packets[0])
    elif fmt == "csv":
        data = write_csv(packets)
    else:
        data = write_jsonl(packets)
    atomic_write(path, data, force=force)
