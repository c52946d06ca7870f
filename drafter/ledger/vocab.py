"""The ledger's vocabulary from drafter/data/ledger.toml: number words, units, column names, bands."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    low: int
    high: int


@cache
def vocab() -> dict[str, Any]:
    text = resources.files("drafter").joinpath("data/ledger.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def fold(name: str) -> str:
    """A header or word folded for comparison: lower case, runs of non-alphanumerics as one '_'."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _lookup(section: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, words in vocab()[section].items():
        for w in words:
            out[fold(w)] = canonical
    return out


@cache
def column_names() -> dict[str, str]:
    """Folded header name -> ledger column."""
    return _lookup("columns")


@cache
def outcome_words() -> dict[str, str]:
    """Folded outcome word -> 'accepted' | 'declined' | 'open'."""
    out = _lookup("outcomes")
    out[""] = "open"
    return out


@cache
def classification_words() -> dict[str, str]:
    return _lookup("classifications")


@cache
def verdict_words() -> dict[str, str]:
    return _lookup("verdicts")


@cache
def bands() -> tuple[Band, ...]:
    return tuple(Band(b["id"], b["label"], int(b["low"]), int(b["high"])) for b in vocab()["bands"])


def default_window_days() -> int:
    return int(vocab()["window"]["default_days"])
