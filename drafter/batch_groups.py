"""Which metadata columns a batch groups by (partner, owner, month) and the month a date falls in.

The column names are data (drafter/data/batch.toml). Workers call these per row, so they stay
cheap: a folded-name lookup and, for dates, the ledger's date reader.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from drafter.ledger.dates import parse_date

DIMENSIONS = ("partner", "owner", "month")
_MONTH_ONLY = re.compile(r"^(\d{4})[-/.](\d{1,2})$")


@cache
def settings() -> dict[str, Any]:
    text = resources.files("drafter").joinpath("data/batch.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def fold(name: str) -> str:
    """A column name folded for comparison: lower case, runs of non-alphanumerics as one '_'."""
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


@cache
def _ranks() -> dict[str, tuple[str, int]]:
    """Folded column name -> (dimension, rank); rank 0 is the most preferred name."""
    out: dict[str, tuple[str, int]] = {}
    groups = settings()["groups"]
    for dim, key in (("partner", "partner"), ("owner", "owner"), ("month", "date")):
        for rank, name in enumerate(groups[key]):
            out.setdefault(fold(name), (dim, rank))
    return out


def group_columns(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """For each dimension, the metadata key to group by, from (key, name it is mapped to) pairs.

    A key counts under its own name or the name --columns maps it to ("Partner=partner name").
    """
    best: dict[str, tuple[int, str]] = {}
    ranks = _ranks()
    for key, mapped in names:
        for candidate in (fold(mapped), fold(key)):
            hit = ranks.get(candidate)
            if hit and (hit[0] not in best or hit[1] < best[hit[0]][0]):
                best[hit[0]] = (hit[1], key)
    return {dim: key for dim, (_, key) in best.items()}


def month_of(text: Any) -> str | None:
    """'YYYY-MM' for a date in a common format, or None when the text holds no date."""
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    try:
        d = parse_date(s)
        return f"{d.year:04d}-{d.month:02d}"
    except ValueError:
        pass
    m = _MONTH_ONLY.match(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    for fmt in ("%B %Y", "%b %Y", "%b-%y", "%B-%y", "%b %y"):
        try:
            d2 = datetime.strptime(s.replace(",", " ").strip(), fmt)
            return f"{d2.year:04d}-{d2.month:02d}"
        except ValueError:
            continue
    return None


def group_value(value: Any) -> str:
    """How a partner or owner cell is shown and counted: whitespace collapsed, '(blank)' when empty."""
    s = " ".join(str(value).split()) if value is not None else ""
    return s or "(blank)"  # batch_summary.BLANK
