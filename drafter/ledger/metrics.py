"""Trust, measured: acceptance, response times and overdue handoffs, and whether the rubric predicts them.

Definitions (README, "drafter ledger"):
- responded: the seller accepted or declined; acceptance_rate = accepted / responded.
- response time: business days from the send date to the answer (Mon -> Wed is 2).
- as of a day: handoffs sent after it are left out, and answers given after it count as
  not yet given.
- overdue: unanswered, and more business days have passed since sending than its window
  (the packet's own, else the default) as of the given day.
- score band: over the scorecard total (0-18); a handoff with only the 0..100 score is
  placed by round(score * 18 / 100).
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from drafter.ledger.businessdays import WEEKENDS_ONLY, Calendar, count_between_ordinals
from drafter.ledger.vocab import Band, bands

GROUPINGS = ("partner", "seller", "classification", "verdict", "month")
# The columns metrics read, in this order.
COLUMNS = ("sent", "responded", "outcome", "window_days", "verdict", "score", "scorecard_total", "failure_modes",
           "partner", "seller", "classification")
NONE_KEY = "(none)"
UNGRADED = "ungraded"


@dataclass
class Tally:
    handoffs: int = 0
    accepted: int = 0
    declined: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list)

    @property
    def responded(self) -> int:
        return self.accepted + self.declined

    def as_dict(self) -> dict[str, Any]:
        return {
            "handoffs": self.handoffs, "responded": self.responded, "accepted": self.accepted,
            "declined": self.declined, "open": self.handoffs - self.responded,
            "acceptance_rate": rate(self.accepted, self.responded),
            "median_response_business_days": statistics.median(self.days) if self.days else None,
            "overdue": self.overdue,
        }


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def total_of(score: int | None, scorecard_total: int | None) -> int | None:
    """The scorecard total (0-18), or the 0..100 score mapped onto it."""
    if scorecard_total is not None:
        return scorecard_total
    return None if score is None else round(score * 18 / 100)


def band_of(total: int | None, table: tuple[Band, ...]) -> Band | None:
    if total is None:
        return None
    return next((b for b in table if b.low <= total <= b.high), None)


class _Cache(dict[str, Any]):
    """Memoises a conversion of a repeated text (dates, failure-mode lists) by its text."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> Any:
        value = self[key] = self.fn(key)
        return value


def compute(rows: Iterable[tuple[Any, ...]], *, as_of: date, cal: Calendar = WEEKENDS_ONLY, default_window: int = 3,
            by: str | None = None) -> dict[str, Any]:
    """Every figure `drafter ledger metrics` shows, from rows with the COLUMNS above."""
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")
    ordinal = _Cache(lambda s: date.fromisoformat(s).toordinal())
    modes_of = _Cache(lambda s: tuple(json.loads(s)) if s and s != "[]" else ())
    today = as_of.toordinal()
    table = bands()
    overall = Tally()
    by_verdict: dict[str, Tally] = {}
    by_band: dict[str, Tally] = {b.id: Tally() for b in table}
    groups: dict[str, Tally] = {}
    mode_responded: Counter[str] = Counter()
    mode_declined: Counter[str] = Counter()
    col = {name: i for i, name in enumerate(COLUMNS)}
    group_ix = col[by] if by and by != "month" else 0
    none_key = UNGRADED if by == "verdict" else NONE_KEY
    band_memo: dict[tuple[Any, Any], str | None] = {}
    for r in rows:
        sent_s, responded_s, outcome = r[0], r[1], r[2]
        sent = ordinal[sent_s]
        if sent > today:
            continue  # not sent yet as of that day
        if responded_s and ordinal[responded_s] > today:
            outcome = None  # answered later: still open as of that day
        key_band = (r[5], r[6])
        if key_band not in band_memo:
            b = band_of(total_of(r[5], r[6]), table)
            band_memo[key_band] = b.id if b else None
        tallies = [overall, by_verdict.setdefault(r[4] or UNGRADED, Tally())]
        band_id = band_memo[key_band]
        if band_id is not None:
            tallies.append(by_band[band_id])
        if by is not None:
            gkey = sent_s[:7] if by == "month" else (r[group_ix] or none_key)
            tallies.append(groups.setdefault(gkey, Tally()))
        if outcome is None:
            window = r[3] if r[3] is not None else default_window
            late = count_between_ordinals(sent, today, cal) > window
            for t in tallies:
                t.handoffs += 1
                t.overdue += late
            continue
        days = count_between_ordinals(sent, ordinal[responded_s], cal) if responded_s else None
        declined = outcome == "declined"
        for t in tallies:
            t.handoffs += 1
            if declined:
                t.declined += 1
            else:
                t.accepted += 1
            if days is not None:
                t.days.append(days)
        for m in modes_of[r[7]]:
            mode_responded[m] += 1
            if declined:
                mode_declined[m] += 1
    result = {"as_of": as_of.isoformat(), **overall.as_dict(), "default_window_business_days": default_window,
              "by_verdict": {k: v.as_dict() for k, v in sorted(by_verdict.items())},
              "by_score_band": [{"band": b.id, "label": b.label, **by_band[b.id].as_dict()} for b in table],
              "failure_modes_before_decline": _mode_table(mode_responded, mode_declined)}
    if by is not None:
        result["by"] = by
        result["groups"] = [{"key": k, **groups[k].as_dict()} for k in sorted(groups)]
    return result


def _mode_table(responded: Counter[str], declined: Counter[str]) -> list[dict[str, Any]]:
    """Failure modes present at send time on answered handoffs, most declines first."""
    out: list[dict[str, Any]] = []
    for mode, n in responded.items():
        d = declined[mode]
        out.append({"failure_mode": mode, "declined": d, "responded": n, "decline_rate": rate(d, n)})
    out.sort(key=lambda x: (-x["declined"], -(x["decline_rate"] or 0), x["failure_mode"]))
    return out
