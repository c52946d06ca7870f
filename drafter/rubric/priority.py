"""The seller's priority list: account names (optionally with the seller), matched forgivingly."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from drafter.errors import InputError
from drafter.files import read_text

_SUFFIXES = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|corp|corporation|co|company|pty|srl|oy|ab|as)\b\.?",
    re.IGNORECASE)
_HEADER_NAMES = {"account", "account name", "accounts", "name", "company", "customer", "organization",
                 "organisation"}


def normalize_name(name: str) -> str:
    """Case, punctuation, a leading 'The' and legal suffixes (Inc., Ltd., GmbH) do not matter."""
    name = name.replace("&", " and ")
    name = _SUFFIXES.sub(" ", name.lower())
    name = re.sub(r"[^\w]+", " ", name)
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


@dataclass(frozen=True)
class PriorityList:
    entries: tuple[tuple[str, str, str | None], ...]  # (normalized, as written, seller)
    path: str

    def match(self, account_text: str) -> tuple[str, str | None] | None:
        """The list entry whose name the account text names, as (name as written, seller)."""
        hay = f" {normalize_name(account_text)} "
        best = None
        for norm, written, seller in self.entries:
            if norm and f" {norm} " in hay and (best is None or len(norm) > len(best[0])):
                best = (norm, written, seller)
        return (best[1], best[2]) if best else None


def load_priority_list(path: str) -> PriorityList:
    text = read_text(path)
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows:
        raise InputError(path, "holds no account names")
    account_col, seller_col = 0, 1
    header = [c.strip().lower() for c in rows[0]]
    if any(h in _HEADER_NAMES for h in header):
        account_col = next(i for i, h in enumerate(header) if h in _HEADER_NAMES)
        seller_col = next((i for i, h in enumerate(header) if h in ("seller", "ae", "owner", "rep", "account owner")),
                          -1)
        rows = rows[1:]
    entries = []
    for n, row in enumerate(rows, start=2 if account_col or seller_col != 1 else 1):
        if account_col >= len(row):
            raise InputError(path, "has no account name", n)
        name = row[account_col].strip()
        seller = row[seller_col].strip() if 0 <= seller_col < len(row) and row[seller_col].strip() else None
        if name:
            entries.append((normalize_name(name), name, seller))
    return PriorityList(tuple(entries), str(path))
