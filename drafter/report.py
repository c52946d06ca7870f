"""The batch report as one self-contained HTML page: key figures, charts, and the group tables.

Built from the JSON summary alone (`render_html(summary)`), so the page and `--json` cannot
disagree; numbers are formatted by the same helpers as the terminal summary. Inline CSS and
inline SVG: the file opens offline, fetches nothing and runs no script. The page layout is a
data file, drafter/data/report/batch.html.
"""

from __future__ import annotations

import html
from importlib.resources import files
from string import Template
from typing import Any

from drafter.batch_render import num, pct
from drafter.report_charts import Bar, columns, rows, stacked

LEVEL_COLORS = {"strong": "#2e7d32", "weak": "#e0a100", "missing": "#c62828"}
MAX_TABLE_ROWS = 20
MAX_MONTHS = 36


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _card(label: str, value: str, key: str) -> str:
    return f'<div class="card"><div class="v" data-k="{key}">{_e(value)}</div><div class="l">{_e(label)}</div></div>'


def _figures(s: dict[str, Any]) -> str:
    cards = [_card("packets", num(s["rows"]), "rows"), _card("scored", num(s["scored"]), "scored"),
             _card("unreadable", num(s["errors"]), "errors"), _card("ready", num(s["ready"]), "ready"),
             _card("ready rate", pct(s["ready_rate"]), "ready_rate")]
    sc = s["score"] or {}
    names = {"mean": "mean score", "min": "lowest score", "max": "highest score", "p50": "score p50 (median)"}
    for key in ("mean", "min", *[k for k in sc if k.startswith("p")], "max"):
        if key in sc:
            cards.append(_card(names.get(key, f"score {key}"), num(sc[key]), f"score.{key}"))
    return f'<div class="cards">{"".join(cards)}</div>'


def _score_chart(s: dict[str, Any]) -> str:
    bars = [Bar(f"{b['from']}-{b['to']}", b["count"], num(b["count"]), f"score_bins.{i}",
                color="#2e7d32" if b["from"] >= 80 else "#3f6fb5") for i, b in enumerate(s["score_bins"])]
    return f'<div class="chart">{columns(bars, "Score distribution")}</div>'


def _modes_chart(s: dict[str, Any]) -> str:
    bars = [Bar(m["id"], m["count"], f"{num(m['count'])} ({pct(m['rate'])})", f"failure_modes.{m['id']}",
                color="#c0392b") for m in s["failure_modes"]]
    return f'<div class="chart">{rows(bars, "Failure modes by frequency")}</div>'


def _components_chart(s: dict[str, Any]) -> str:
    items = [(cid, [(lv, counts[lv], LEVEL_COLORS[lv], f"components.{cid}.{lv}") for lv in LEVEL_COLORS])
             for cid, counts in s["components"].items()]
    legend = "".join(f'<span><i style="background:{c}"></i>{lv}</span>' for lv, c in LEVEL_COLORS.items())
    return f'<p class="legend">{legend}</p><div class="chart">{stacked(items, "Scorecard components")}</div>'


def _month_chart(by: dict[str, Any]) -> str:
    months = [g for g in by["groups"] if g["ready_rate"] is not None and g["key"][:1].isdigit()][-MAX_MONTHS:]
    if not months:
        return '<p class="note">No row has a readable date.</p>'
    bars = [Bar(g["key"], g["ready_rate"] * 100, pct(g["ready_rate"]), f"by_month.{g['key']}.ready_rate",
                note=f"{g['top_failure_mode']} ({num(g['top_failure_mode_count'])})" if g["top_failure_mode"] else "-",
                note_key=f"by_month.{g['key']}.top_failure_mode", color="#2e7d32") for g in months]
    chart = rows(bars, "Ready rate by month, with the month's top failure mode", top=100, label_w=90, note_w=260,
                 track=True)
    return (f'<div class="chart">{chart}</div><p class="note">Green: share of the month\'s scored packets that '
            f'are ready (grey: 100%). Red: the month\'s most frequent failure mode, with its '
            f'count.</p>')


def _table(by: dict[str, Any], dim: str, limit: int | None) -> str:
    groups = by["groups"] if limit is None else by["groups"][:limit]
    head = "".join(f'<th{" class=t" if h in ("", "top failure mode") else ""}>{h}</th>' for h in
                   ("", "packets", "unreadable", "ready", "ready rate", "mean score", "median", "top failure mode"))
    body = []
    for g in groups:
        k = f"by_{dim}.{g['key']}"
        top = f"{g['top_failure_mode']} ({num(g['top_failure_mode_count'])})" if g["top_failure_mode"] else "-"
        body.append(f'<tr><td>{_e(g["key"])}</td><td data-k="{_e(k)}.rows">{num(g["rows"])}</td>'
                    f'<td>{num(g["errors"])}</td><td>{num(g["ready"])}</td>'
                    f'<td data-k="{_e(k)}.ready_rate">{pct(g["ready_rate"])}</td>'
                    f'<td data-k="{_e(k)}.mean_score">{num(g["mean_score"])}</td><td>{num(g["median_score"])}</td>'
                    f'<td class="t" data-k="{_e(k)}.top_failure_mode">{_e(top)}</td></tr>')
    more = (f'<p class="note">The {len(groups)} largest of {len(by["groups"])}; the JSON summary has them all.</p>'
            if len(groups) < len(by["groups"]) else "")
    column = f' <span class="note">(column {_e(by["column"])})</span>' if by.get("column") else ""
    return f"{column}<table><tr>{head}</tr>{''.join(body)}</table>{more}"


def render_html(s: dict[str, Any]) -> str:
    """The whole page for a summary as `drafter batch --json` prints it."""
    parts = [_figures(s)]
    if s["scored"]:
        parts += ["<h2>Score distribution</h2>", _score_chart(s),
                  "<h2>Failure modes by frequency</h2>", _modes_chart(s),
                  "<h2>Scorecard components</h2>", _components_chart(s)]
    if s.get("by_month"):
        parts += ["<h2>Ready rate and top failure mode by month</h2>", _month_chart(s["by_month"]),
                  _table(s["by_month"], "month", None)]
    else:
        parts += ["<h2>By month</h2>", '<p class="note">No date column (such as Created Date) in the input, '
                  "so there is no month view.</p>"]
    for key, title in (("by_partner", "By partner"), ("by_owner", "By owner")):
        if s.get(key):
            parts += [f"<h2>{title}</h2>", _table(s[key], key[3:], MAX_TABLE_ROWS)]
    if s["errors"]:
        items = "".join(f"<li>{_e(m)}</li>" for m in s["error_examples"])
        parts += [f"<h2>Unreadable rows ({num(s['errors'])})</h2>", f'<ul class="errors">{items}</ul>']
    subtitle = f"{s.get('input') or 'input'}: {num(s['rows'])} packets"
    if s.get("rubric_version"):
        subtitle += f", rubric {s['rubric_version']}"
    layout = Template(files("drafter").joinpath("data/report/batch.html").read_text(encoding="utf-8"))
    return layout.substitute(title="drafter batch report", subtitle=_e(subtitle), body="\n".join(parts))
