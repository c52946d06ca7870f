"""Rich tables for `drafter ledger metrics` and `drafter ledger list`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

STAT_COLUMNS = (("handoffs", "Sent"), ("responded", "Answered"), ("accepted", "Accepted"),
                ("acceptance_rate", "Rate"), ("median_response_business_days", "Days"), ("overdue", "Overdue"))


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key.endswith("_rate"):
        return f"{value:.0%}" if value * 100 == int(value * 100) else f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _stats_table(title: str, first: str, rows: list[tuple[str, dict[str, Any]]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for _, label in STAT_COLUMNS:
        table.add_column(label, justify="right")
    for name, stats in rows:
        table.add_row(escape(name), *(_cell(k, stats[k]) for k, _ in STAT_COLUMNS))
    return table


def print_metrics(m: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    rate = _cell("acceptance_rate", m["acceptance_rate"])
    median = _cell("median", m["median_response_business_days"])
    console.print(f"Ledger as of {m['as_of']}: {m['handoffs']} handoffs, {m['responded']} answered "
                  f"({m['accepted']} accepted, {m['declined']} declined), {m['open']} open", highlight=False)
    console.print(f"All handoffs: acceptance rate {rate}, median response {median} business days, "
                  f"{m['overdue']} overdue (default window {m['default_window_business_days']} business days)",
                  highlight=False)
    console.print("Rate = accepted / answered; Days = median business days to an answer.", style="dim")
    if m["by_verdict"]:
        console.print(_stats_table("By rubric verdict at send time", "Verdict", list(m["by_verdict"].items())))
    console.print(_stats_table("By score band (scorecard total, 0-18)", "Band",
                               [(f"{b['band']} {b['label']}", b) for b in m["by_score_band"]]))
    if m.get("groups") is not None:
        console.print(_stats_table(f"By {m['by']}", m["by"].capitalize(), [(g["key"], g) for g in m["groups"]]))
    modes = m["failure_modes_before_decline"]
    if modes:
        table = Table(title="Failure modes at send time, most declines first", title_justify="left")
        for name in ("Failure mode", "Declined", "Answered", "Decline rate"):
            table.add_column(name, justify="left" if name == "Failure mode" else "right")
        for row in modes:
            table.add_row(escape(row["failure_mode"]), str(row["declined"]), str(row["responded"]),
                          _cell("decline_rate", row["decline_rate"]))
        console.print(table)


def print_open(items: list[dict[str, Any]], *, overdue_only: bool, console: Console | None = None) -> None:
    console = console or Console()
    if not items:
        console.print("no overdue handoffs" if overdue_only else "no open handoffs")
        return
    what = "Overdue" if overdue_only else "Open"
    table = Table(title=f"{what} handoffs ({len(items)})", title_justify="left")
    for name in ("Id", "Sent", "Due", "Open", "Late"):
        table.add_column(name, justify="left" if name in ("Sent", "Due") else "right", no_wrap=True)
    for name in ("Account", "Partner", "Seller"):
        table.add_column(name)
    for i in items:
        late = i["overdue_business_days"]
        table.add_row(str(i["id"]), i["sent"], i["due"] + ("" if i["window_from"] == "packet" else "*"),
                      str(i["business_days_open"]), f"[red]{late}[/red]" if late else "-",
                      *(escape(i[k] or "-") for k in ("account", "partner", "seller")))
    console.print(table)
    if any(i["window_from"] == "default" for i in items):
        console.print("Open, Late: business days. * the packet gives no response window: default used.")
