"""The batch summary on a terminal (rich tables); the same numbers as `--json`, formatted."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from drafter.batch_groups import settings

LEVEL_STYLE = {"strong": "green", "weak": "yellow", "missing": "red"}


def pct(rate: float | None) -> str:
    """A rate as people read it: 0.2815 -> '28.2%' (one decimal, so the report and the JSON agree)."""
    return "-" if rate is None else f"{rate * 100:.1f}%"


def num(value: Any) -> str:
    return "-" if value is None else f"{value:,}" if isinstance(value, int) else f"{value:g}"


def headline(s: dict[str, Any]) -> str:
    errors = f", {s['errors']:,} unreadable" if s["errors"] else ""
    return (f"{s['rows']:,} packets: {s['scored']:,} scored{errors}. Ready: {s['ready']:,} "
            f"({pct(s['ready_rate'])}), keep building: {s['keep_building']:,}.")


def _ranked(title: str, rows: list[dict[str, Any]], first: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    table.add_column("packets", justify="right")
    table.add_column("of scored", justify="right")
    for r in rows:
        table.add_row(r["id"], num(r["count"]), pct(r["rate"]))
    return table


def _groups(title: str, by: dict[str, Any], limit: int | None) -> Table:
    groups = by["groups"]
    shown = groups if limit is None else groups[:limit]
    more = f" (top {len(shown)} of {len(groups)} by packets)" if len(shown) < len(groups) else ""
    column = f" (column {escape(by['column'])})" if by.get("column") else ""
    table = Table(title=f"{title}{column}{more}", title_justify="left")
    for name, right in (("", False), ("packets", True), ("ready rate", True), ("mean score", True),
                        ("median", True), ("top failure mode", False)):
        table.add_column(name, justify="right" if right else "left")
    for g in shown:
        top = f"{g['top_failure_mode']} ({g['top_failure_mode_count']:,})" if g["top_failure_mode"] else "-"
        table.add_row(escape(g["key"]), num(g["rows"]), pct(g["ready_rate"]), num(g["mean_score"]),
                      num(g["median_score"]), top)
    return table


def print_summary(s: dict[str, Any], console: Console | None = None) -> None:
    """Headline, score percentiles, failure modes and signals ranked, the scorecard components, groups."""
    import sys

    out = console or Console(highlight=False, width=None if sys.stdout.isatty() else 120)
    out.print(headline(s), highlight=False)
    sc = s["score"]
    if sc:
        parts = "  ".join(f"{k} {v}" for k, v in sc.items() if k.startswith("p"))
        out.print(f"Score (0-100): mean {sc['mean']:g}, min {sc['min']}, max {sc['max']};  {parts}", highlight=False)
        bands = ", ".join(f"{k} {v:,}" for k, v in s["bands"].items())
        out.print(f"Scorecard total (0-18): mean {s['scorecard_total_mean']:g};  bands: {bands}", highlight=False)
        out.print(_ranked("Failure modes, most frequent first", s["failure_modes"], "failure mode"))
        out.print(_ranked("Keep-building signals", s["signals"], "signal"))
        comp = Table(title="Scorecard components", title_justify="left")
        comp.add_column("component")
        for level, style in LEVEL_STYLE.items():
            comp.add_column(level, justify="right", style=style)
        for cid, counts in s["components"].items():
            comp.add_row(cid, *(num(counts[level]) for level in LEVEL_STYLE))
        out.print(comp)
    limit = int(settings()["summary"]["show_groups"])
    for key, title, cap in (("by_partner", "By partner", limit), ("by_owner", "By owner", limit),
                            ("by_month", "By month", None)):
        if s.get(key):
            out.print(_groups(title, s[key], cap))
    if s["errors"]:
        out.print(f"Unreadable rows ({s['errors']:,}); the first of them:", style="bold red")
        for msg in s["error_examples"][:5]:
            out.print(f"  {escape(msg)}", highlight=False)
