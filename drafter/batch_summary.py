"""The batch summary in bounded memory: counters and fixed histograms, whatever the number of rows.

Scores are integers 0..100, so a 101-slot histogram gives exact percentiles; groups (partner,
owner, month) are capped at `max_groups` distinct keys, the rest counted as "(other)".
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from drafter.batch_groups import DIMENSIONS, settings

COMPONENTS = ("target_account_logic", "partner_context", "relationship_path", "buyer_problem", "partner_offer",
              "next_action", "owner", "acceptance_criteria", "proof")
LEVELS = ("strong", "weak", "missing")
OTHER = "(other)"
NO_DATE = "(no date)"
BLANK = "(blank)"


class ScoredRow(NamedTuple):
    """One input packet's result: small, so workers send it back cheaply. `error` set means unscored."""

    source: str
    id: str
    score: int | None = None
    verdict: str | None = None
    band: str | None = None
    failure_modes: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    total: int | None = None
    components: tuple[str, ...] = ()
    error: str | None = None
    partner: str | None = None
    owner: str | None = None
    month: str | None = None


def percentile(hist: list[int], n: int, p: float) -> int | None:
    """Nearest-rank percentile of the scores counted in `hist` (the smallest score with at least p% at or below)."""
    if n <= 0:
        return None
    rank = max(1, math.ceil(p / 100 * n))
    seen = 0
    for score, count in enumerate(hist):
        seen += count
        if seen >= rank:
            return score
    return len(hist) - 1


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Group:
    rows: int = 0
    errors: int = 0
    ready: int = 0
    score_sum: int = 0
    hist: list[int] = field(default_factory=lambda: [0] * 101)
    modes: Counter[str] = field(default_factory=Counter)

    def add(self, row: ScoredRow) -> None:
        self.rows += 1
        if row.error is not None or row.score is None:
            self.errors += 1
            return
        self.ready += row.verdict == "ready"
        self.score_sum += row.score
        self.hist[row.score] += 1
        self.modes.update(row.failure_modes)

    def to_dict(self, key: str, mode_order: list[str]) -> dict[str, Any]:
        scored = self.rows - self.errors
        top = max(mode_order, key=lambda m: (self.modes[m], -mode_order.index(m))) if mode_order else None
        top_count = self.modes[top] if top else 0
        return {"key": key, "rows": self.rows, "scored": scored, "errors": self.errors, "ready": self.ready,
                "ready_rate": _rate(self.ready, scored),
                "mean_score": round(self.score_sum / scored, 1) if scored else None,
                "median_score": percentile(self.hist, scored, 50),
                "top_failure_mode": top if top_count else None, "top_failure_mode_count": top_count}


class Summary:
    """Everything the batch reports about its rows; `add` each row, then `to_dict`."""

    def __init__(self, failure_modes: list[str], signals: list[str], max_groups: int | None = None,
                 rubric_version: str | None = None) -> None:
        conf = settings()["summary"]
        self.rubric_version = rubric_version
        self.mode_order = list(failure_modes)
        self.signal_order = list(signals)
        self.max_groups = max_groups if max_groups is not None else int(conf["max_groups"])
        self.percentiles = [float(p) for p in conf["percentiles"]]
        self.rows = self.errors = self.ready = self.score_sum = self.total_sum = 0
        self.hist = [0] * 101
        self.bands: Counter[str] = Counter()
        self.modes: Counter[str] = Counter()
        self.signals: Counter[str] = Counter()
        self.components = {c: Counter({lv: 0 for lv in LEVELS}) for c in COMPONENTS}
        self.groups: dict[str, dict[str, Group]] = {d: {} for d in DIMENSIONS}
        self.group_columns: dict[str, str] = {}
        self.error_examples: list[str] = []

    def see_columns(self, columns: dict[str, str]) -> None:
        """Record which metadata key each dimension is read from (the first seen is reported)."""
        for dim, key in columns.items():
            self.group_columns.setdefault(dim, key)

    def _group(self, dim: str, key: str) -> Group:
        table = self.groups[dim]
        if key not in table and len(table) >= self.max_groups and key not in (NO_DATE, BLANK):
            key = OTHER
        if key not in table:
            table[key] = Group()
        return table[key]

    def add(self, row: ScoredRow) -> None:
        self.rows += 1
        for dim in DIMENSIONS:
            value = getattr(row, dim)
            if value is not None:
                self._group(dim, value).add(row)
        if row.error is not None or row.score is None:
            self.errors += 1
            if len(self.error_examples) < 20:
                self.error_examples.append(row.error or "not scored")
            return
        self.ready += row.verdict == "ready"
        self.score_sum += row.score
        self.total_sum += row.total or 0
        self.hist[row.score] += 1
        self.bands[row.band or ""] += 1
        self.modes.update(row.failure_modes)
        self.signals.update(row.signals)
        for comp, level in zip(COMPONENTS, row.components, strict=False):
            self.components[comp][level] += 1

    @property
    def scored(self) -> int:
        return self.rows - self.errors

    def _ranked(self, counts: Counter[str], order: list[str]) -> list[dict[str, Any]]:
        ids = order + sorted(k for k in counts if k not in order)
        ranked = sorted(ids, key=lambda k: (-counts[k], ids.index(k)))
        return [{"id": k, "count": counts[k], "rate": _rate(counts[k], self.scored)} for k in ranked]

    def _by(self, dim: str) -> dict[str, Any] | None:
        table = self.groups[dim]
        if not table:
            return None
        if dim == "month":
            keys = sorted(k for k in table if k not in (NO_DATE, OTHER)) + [k for k in (NO_DATE, OTHER) if k in table]
        else:
            keys = sorted(table, key=lambda k: (-table[k].rows, k))
        return {"column": self.group_columns.get(dim),
                "groups": [table[k].to_dict(k, self.mode_order) for k in keys]}

    def to_dict(self) -> dict[str, Any]:
        n = self.scored
        score: dict[str, Any] | None = None
        if n:
            score = {"mean": round(self.score_sum / n, 1),
                     "min": next(s for s, c in enumerate(self.hist) if c),
                     "max": max(s for s, c in enumerate(self.hist) if c)}
            score.update({f"p{p:g}": percentile(self.hist, n, p) for p in self.percentiles})
        bins = [{"from": lo, "to": lo + 9 if lo < 90 else 100, "count": sum(self.hist[lo:lo + 10 if lo < 90 else 101])}
                for lo in range(0, 100, 10)]
        return {
            "rows": self.rows, "scored": n, "errors": self.errors,
            "ready": self.ready, "keep_building": n - self.ready, "ready_rate": _rate(self.ready, n),
            "score": score, "score_bins": bins,
            "scorecard_total_mean": round(self.total_sum / n, 1) if n else None,
            "bands": dict(self.bands.most_common()),
            "failure_modes": self._ranked(self.modes, self.mode_order),
            "signals": self._ranked(self.signals, self.signal_order),
            "components": {c: dict(self.components[c]) for c in COMPONENTS},
            "by_partner": self._by("partner"), "by_owner": self._by("owner"), "by_month": self._by("month"),
            "error_examples": list(self.error_examples), "rubric_version": self.rubric_version,
        }
