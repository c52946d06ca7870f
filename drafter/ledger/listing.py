"""The open handoffs with their due dates: what RevOps chases."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from drafter.ledger.businessdays import WEEKENDS_ONLY, Calendar, business_days_between, due_date


def open_items(rows: Iterable[sqlite3.Row], *, as_of: date, cal: Calendar = WEEKENDS_ONLY,
               default_window: int = 3) -> list[dict[str, Any]]:
    """One dict per unanswered handoff sent on or before `as_of`, oldest first."""
    out = []
    for r in rows:
        sent = date.fromisoformat(r["sent"])
        if sent > as_of:
            continue
        own = r["window_days"]
        window = own if own is not None else default_window
        waited = business_days_between(sent, as_of, cal)
        out.append({
            "id": r["id"], "ref": r["ref"], "packet": r["packet"], "account": r["account"], "partner": r["partner"],
            "contact": r["contact"], "seller": r["seller"], "classification": r["classification"],
            "evidence": r["evidence"], "owner": r["owner"], "sent": r["sent"],
            "window_business_days": window, "window_from": "packet" if own is not None else "default",
            "due": due_date(sent, window, cal).isoformat(), "business_days_open": waited,
            "overdue_business_days": max(waited - window, 0),
            "verdict": r["verdict"], "score": r["score"], "scorecard_total": r["scorecard_total"],
            "failure_modes": json.loads(r["failure_modes"] or "[]"),
        })
    return out
