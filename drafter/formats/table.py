"""CSV and JSONL: many packets, streamed one row at a time so a million rows cost no memory."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from drafter.errors import InputError
from drafter.fields import FIELD_IDS
from drafter.formats.jsonfmt import _first_error, packet_from_flat, packet_from_obj
from drafter.packet import Packet

Record = tuple[int, "Packet | InputError"]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _open_text(path: Path) -> IO[str]:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in head:
        raise InputError(path, "looks like a binary file, not text")
    return path.open("r", encoding="utf-8-sig", newline="")


def iter_csv(path: str | Path, columns: dict[str, str] | None = None) -> Iterator[Record]:
    """(row number as a spreadsheet shows it, packet or error) for each data row."""
    p = Path(path)
    fh = _open_text(p)
    with fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(p, "file is empty") from None
        except (csv.Error, UnicodeDecodeError) as e:
            raise InputError(p, f"cannot read the header ({e})") from e
        header = [h.strip() for h in header]
        row_no = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as e:
                raise InputError(p, "is not UTF-8 text", row_no + 1) from e
            except csv.Error as e:
                row_no += 1
                yield row_no, InputError(p, f"malformed CSV ({e})", row_no)
                continue
            row_no += 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield row_no, InputError(p, f"has {len(cells)} columns, the header has {len(header)}", row_no)
                continue
            try:
                yield row_no, packet_from_flat(dict(zip(header, cells, strict=False)), columns)
            except ValidationError as e:
                yield row_no, InputError(p, _first_error(e), row_no)


def iter_jsonl(path: str | Path) -> Iterator[Record]:
    """(line number, packet or error) for each non-blank line."""
    p = Path(path)
    fh = _open_text(p)
    with fh:
        line_no = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as e:
                raise InputError(p, "is not UTF-8 text", line_no + 1) from e
            if not line:
                return
            line_no += 1
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield line_no, InputError(p, f"not valid JSON ({e.msg}, column {e.colno})", line_no)
                continue
            try:
                yield line_no, packet_from_obj(obj, str(p), line_no)
            except InputError as e:
                yield line_no, e


def csv_columns(packets: Iterable[Packet]) -> list[str]:
    meta: dict[str, None] = {}
    for p in packets:
        meta.update(dict.fromkeys(k for k in p.metadata if k not in FIELD_IDS))
    return ["id", "title", "classification", *FIELD_IDS, *meta]


def write_csv(packets: list[Packet]) -> str:
    cols = csv_columns(packets)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for p in packets:
        row = {"id": p.id, "title": p.title, "classification": p.classification, **p.values()}
        row.update({k: v for k, v in p.metadata.items() if k not in row})
        w.writerow(["" if row.get(c) is None else str(row.get(c)) for c in cols])
    return buf.getvalue()


def write_jsonl(packets: Iterable[Packet]) -> str:
    return "".join(p.model_dump_json() + "\n" for p in packets)
