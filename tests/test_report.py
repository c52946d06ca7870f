"""The HTML batch report: its numbers, read back from the page, are the JSON summary's; nothing is fetched."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from drafter.report import render_html

ROOT = Path(__file__).resolve().parent.parent
CRM = ROOT / "fixtures" / "batch" / "crm-export.csv"
MAP = "Opportunity ID=id,Opportunity Name=account,Next Step=seller_move"


VOID = {"meta", "br", "hr", "img", "input", "link"}


class Numbers(HTMLParser):
    """Text of every element carrying data-k, keyed by it (the numbers the page shows). A key shown
    twice (a month's rate in the chart and in the table) must show the same text both times."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self.seen: dict[str, list[str]] = {}
        self._open: list[str | None] = []
        self._text: dict[str, str] = {}
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in VOID:
            self._open.append(dict(attrs).get("data-k"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self._open:
            key = self._open.pop()
            if key:
                self.seen.setdefault(key, []).append(self._text.pop(key, ""))

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1]:
            key = self._open[-1]
            self._text[key] = self._text.get(key, "") + data

    def close(self) -> None:
        super().close()
        for key, texts in self.seen.items():
            assert len(set(texts)) == 1, (key, texts)
            self.found[key] = texts[0]


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _pct(text: str) -> float:
    assert text.endswith("%"), text
    return float(text[:-1])


def _read(page: str) -> Numbers:
    parser = Numbers()
    parser.feed(page)
    parser.close()
    return parser


def test_html_numbers_match_the_json_summary(run, tmp_path):
    r = run("batch", CRM, "--columns", MAP, "--json", "--html", "report.html", "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    s = json.loads(r.stdout)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    got = _read(page).found
    for key in ("rows", "scored", "errors", "ready"):
        assert _int(got[key]) == s[key]
    assert _pct(got["ready_rate"]) == round(s["ready_rate"] * 100, 1)
    for key, value in s["score"].items():
        assert float(got[f"score.{key}"]) == value
    for i, b in enumerate(s["score_bins"]):
        assert _int(got[f"score_bins.{i}"]) == b["count"]
    for m in s["failure_modes"]:
        count, rate = re.fullmatch(r"([\d,]+) \(([\d.]+%)\)", got[f"failure_modes.{m['id']}"]).groups()
        assert _int(count) == m["count"] and _pct(rate) == round(m["rate"] * 100, 1)
    shown = 0
    for cid, levels in s["components"].items():
        for level, n in levels.items():
            if f"components.{cid}.{level}" in got:
                shown += 1
                assert _int(got[f"components.{cid}.{level}"]) == n
    assert shown >= 9
    for g in s["by_month"]["groups"]:
        k = f"by_month.{g['key']}"
        assert _int(got[f"{k}.rows"]) == g["rows"]
        assert got[f"{k}.ready_rate"] == "-" if g["ready_rate"] is None else \
            _pct(got[f"{k}.ready_rate"]) == round(g["ready_rate"] * 100, 1)
        top = g["top_failure_mode"]
        assert got[f"{k}.top_failure_mode"] == (f"{top} ({g['top_failure_mode_count']})" if top else "-")
    for dim in ("partner", "owner"):
        for g in s[f"by_{dim}"]["groups"]:
            assert _int(got[f"by_{dim}.{g['key']}.rows"]) == g["rows"]
            assert float(got[f"by_{dim}.{g['key']}.mean_score"]) == g["mean_score"]


def test_month_chart_shows_each_month_rate_and_top_mode(run, tmp_path):
    r = run("batch", CRM, "--columns", MAP, "--json", "--html", "report.html")
    s = json.loads(r.stdout)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    chart = page[page.index("Ready rate by month"):page.index("</svg>", page.index("Ready rate by month"))]
    for g in s["by_month"]["groups"]:
        if g["key"][0].isdigit():
            assert f'data-k="by_month.{g["key"]}.ready_rate"' in chart
            assert f'data-k="by_month.{g["key"]}.top_failure_mode"' in chart


def test_page_is_self_contained_and_escapes_input():
    summary = {"input": "x.csv", "rows": 1, "scored": 1, "errors": 0, "ready": 0, "keep_building": 1,
               "ready_rate": 0.0, "score": {"mean": 10.0, "min": 10, "max": 10, "p50": 10},
               "score_bins": [{"from": lo, "to": lo + 9, "count": int(lo == 10)} for lo in range(0, 100, 10)],
               "scorecard_total_mean": 3.0, "bands": {"keep_building": 1},
               "failure_modes": [{"id": "no_owner", "count": 1, "rate": 1.0}], "signals": [],
               "components": {"owner": {"strong": 0, "weak": 0, "missing": 1}},
               "by_partner": {"column": "Partner Name", "groups": [
                   {"key": "<script>alert(1)</script>", "rows": 1, "scored": 1, "errors": 0, "ready": 0,
                    "ready_rate": 0.0, "mean_score": 10.0, "median_score": 10, "top_failure_mode": "no_owner",
                    "top_failure_mode_count": 1}]},
               "by_owner": None, "by_month": None, "error_examples": [], "rubric_version": "t"}
    page = render_html(summary)
    parsed = _read(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", page)
    assert "No date column" in page
    assert _int(parsed.found["by_partner.<script>alert(1)</script>.rows"]) == 1
