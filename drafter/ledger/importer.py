"""Historical handoffs from a CSV, so batch scores and sellers' answers meet in one ledger.

Header names are matched loosely (data/ledger.toml lists the names each column goes by);
dates in the common spreadsheet forms are read. The import is all or nothing: every row
is checked first, and the first bad row stops it with one line naming the row, before
anything is written. Rows then go in with one executemany in one transaction.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from drafter.errors import InputError
from drafter.files import decode_text, read_bytes
from drafter.ledger.dates import parse_date
from drafter.ledger.record import Handoff
from drafter.ledger.vocab import classification_words, column_names, fold, outcome_words, verdict_words
from drafter.ledger.window import parse_window

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+)\s*$")


@dataclass
class Parsed:
    handoffs: list[Handoff]
    ignored_columns: list[str] = field(default_factory=list)


class RowError(ValueError):
    """A problem with one cell; the caller adds the file and row."""


def map_header(header: list[str], path: str | Path) -> tuple[dict[str, int], list[str]]:
    """Ledger column -> cell index, and the header names nothing reads."""
    names = column_names()
    index: dict[str, int] = {}
    ignored = []
    for i, raw in enumerate(header):
        col = names.get(fold(raw))
        if col is None or col in index:
            ignored.append(raw)
        else:
            index[col] = i
    if "sent" not in index:
        raise InputError(path, "has no column for the send date (name one 'sent', 'sent_at' or 'date')", 1)
    return index, ignored


@lru_cache(maxsize=4096)
def _date(text: str, dayfirst: bool) -> date:
    try:
        return parse_date(text, dayfirst=dayfirst)
    except ValueError as e:
        raise RowError(str(e)) from None


def _choice(text: str, words: dict[str, str], what: str, allowed: str) -> str:
    got = words.get(fold(text))
    if got is None:
        raise RowError(f"{what} {text.strip()!r} is not {allowed}")
    return got


def _int(text: str, what: str, high: int, denominator: int | None = None) -> int:
    s = text.strip().rstrip("%")
    m = _FRACTION.match(s)
    if m and denominator is not None:
        if int(m.group(2)) != denominator:
            raise RowError(f"{what} {text.strip()!r} is not out of {denominator}")
        s = m.group(1)
    try:
        value = float(s)
    except ValueError:
        raise RowError(f"{what} {text.strip()!r} is not a number") from None
    if not 0 <= value <= high or value != int(value):
        raise RowError(f"{what} {text.strip()!r} is not a whole number from 0 to {high}")
    return int(value)


@lru_cache(maxsize=4096)
def _modes(text: str) -> tuple[str, ...]:
    s = text.strip()
    if s.startswith("["):
        try:
            items = json.loads(s)
        except json.JSONDecodeError:
            raise RowError(f"failure modes {s!r} are not a JSON list") from None
    else:
        items = re.split(r"[;,|]", s)
    return tuple(fold(str(x)) for x in items if str(x).strip())


def _row(cells: list[str], ix: dict[str, int], dayfirst: bool) -> Handoff:
    def get(col: str) -> str:
        i = ix.get(col)
        return cells[i].strip() if i is not None else ""

    sent = _date(get("sent"), dayfirst)
    outcome = _choice(get("outcome"), outcome_words(), "outcome", "accepted or declined")
    responded_text = get("responded")
    responded = _date(responded_text, dayfirst) if responded_text else None
    if outcome == "open":
        if responded:
            raise RowError(f"has a response date ({responded_text}) but no outcome (accepted or declined)")
        outcome_value = None
    else:
        outcome_value = outcome
    if responded and responded < sent:
        raise RowError(f"response date {responded.isoformat()} is before the send date {sent.isoformat()}")
    cls = get("classification")
    verdict = get("verdict")
    score = get("score")
    total = get("scorecard_total")
    owner = get("owner") or None
    window_text = get("window")
    if window_text:
        window = int(window_text) if window_text.isdigit() else parse_window(window_text, sent)
        if window is None:
            raise RowError(f"response window {window_text!r} is not a number of business days")
    else:
        window = parse_window(owner, sent)
    modes = get("failure_modes")
    return Handoff(
        sent=sent, responded=responded, outcome=outcome_value, ref=get("ref") or None,
        account=get("account") or None, partner=get("partner") or None, contact=get("contact") or None,
        seller=get("seller") or None, evidence=get("evidence") or None, owner=owner, window_days=window,
        classification=_choice(cls, classification_words(), "classification",
                               "partner-sourced or partner-influenced") if cls else None,
        verdict=_choice(verdict, verdict_words(), "verdict", "ready or keep_building") if verdict else None,
        score=_int(score, "score", 100) if score else None,
        scorecard_total=_int(total, "scorecard total", 18, 18) if total else None,
        failure_modes=list(_modes(modes)) if modes else [], reason=get("reason") or None, source="import",
    )


def parse_csv(path: str | Path, *, dayfirst: bool = False, known_refs: set[str] | None = None) -> Parsed:
    """Every row of the file as a Handoff, or the InputError of the first bad row."""
    text = decode_text(read_bytes(path), path)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "file is empty") from None
    except csv.Error as e:
        raise InputError(path, f"cannot read the header ({e})", 1) from e
    ix, ignored = map_header(header, path)
    refs = set(known_refs or ())
    out: list[Handoff] = []
    row_no = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise InputError(path, f"malformed CSV ({e})", row_no + 1) from e
        row_no += 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise InputError(path, f"has {len(cells)} columns, the header has {len(header)}", row_no)
        try:
            h = _row(cells, ix, dayfirst)
        except RowError as e:
            raise InputError(path, str(e), row_no) from None
        if h.ref is not None:
            if h.ref in refs:
                raise InputError(path, f"handoff id {h.ref!r} is already in the ledger or earlier in the file", row_no)
            refs.add(h.ref)
        out.append(h)
    if not out:
        raise InputError(path, "holds no handoffs")
    return Parsed(out, ignored)
