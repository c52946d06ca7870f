"""A grade as people read it: one scorecard, or the last few handoffs side by side."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from drafter.rubric.load import Rubric
from drafter.rubric.model import Grade

LEVEL_STYLE = {"strong": "green", "weak": "yellow", "missing": "red"}
MARK = {True: "✓", False: "✗"}


def _verdict(g: Grade) -> Text:
    style = "bold green" if g.verdict == "ready" else "bold red"
    return Text(g.verdict.upper().replace("_", " "), style=style)


def _band_advice(g: Grade, rubric: Rubric) -> str:
    band = next((b for b in rubric.bands if b["name"] == g.band), None)
    return f"{g.band}: {band['advice']}" if band else g.band


def scorecard(g: Grade, rubric: Rubric) -> Group:
    head = Text.assemble(("Verdict: ", "bold"), _verdict(g), f"   score {g.score}/100   scorecard "
                         f"{g.scorecard.total}/18 ({_band_advice(g, rubric)})")
    comp = Table(title="Scorecard", title_justify="left", show_edge=False, expand=False)
    comp.add_column("component")
    comp.add_column("grade")
    comp.add_column("why", overflow="fold")
    for cid, level in g.scorecard.components.items():
        comp.add_row(cid, Text(level, style=LEVEL_STYLE[level]), g.scorecard.why.get(cid, ""))
    gates = Table(title="Hand off now when", title_justify="left", show_edge=False, show_header=False)
    gates.add_column("")
    gates.add_column("gate")
    gates.add_column("")
    for gid, ok in g.gates.items():
        gates.add_row(Text(MARK[ok], style="green" if ok else "red"), gid, rubric.gates[gid].get("title", ""))
    parts: list = [Text(g.packet, style="bold"), head, Text(""), comp, Text(""), gates, Text("")]
    modes = ", ".join(g.failure_modes) or "none"
    sigs = ", ".join(g.signals) or "none"
    parts.append(Text.assemble(("Failure modes: ", "bold"), modes, ("   Keep-building signals: ", "bold"), sigs))
    if g.findings:
        parts += [Text(""), Text("What to fix", style="bold")]
        for i, f in enumerate(g.findings, 1):
            parts.append(Text.assemble(f"{i:>2}. ", (f"{f.field or '-'}", "cyan"), " · ", (f.id, "bold"),
                                       f" — {f.message}"))
            if f.fix:
                parts.append(Text(f"    Fix: {f.fix} [{f.role}]", style="dim"))
    return Group(*parts)


def comparison(grades: list[Grade], rubric: Rubric) -> Group:
    """Side by side, and what the handoffs have in common: a pattern is what a team has to fix."""
    t = Table(title="Side by side", title_justify="left", show_edge=False)
    t.add_column("")
    for i in range(1, len(grades) + 1):
        t.add_column(f"#{i}", overflow="fold", max_width=24)
    t.add_row("verdict", *[_verdict(g) for g in grades])
    t.add_row("score", *[str(g.score) for g in grades])
    t.add_row("scorecard", *[f"{g.scorecard.total}/18" for g in grades], end_section=True)
    for cid in grades[0].scorecard.components:
        t.add_row(cid, *[Text(g.scorecard.components[cid], style=LEVEL_STYLE[g.scorecard.components[cid]])
                         for g in grades])
    t.rows[-1].end_section = True
    for gid in grades[0].gates:
        t.add_row(gid, *[Text(MARK[g.gates[gid]], style="green" if g.gates[gid] else "red") for g in grades])
    t.rows[-1].end_section = True
    for mid in list(rubric.failure_modes) + list(rubric.signals):
        hits = [mid in g.failure_modes or mid in g.signals for g in grades]
        if any(hits):
            t.add_row(mid, *[Text("fires", style="red") if h else Text("·", style="dim") for h in hits])
    names = Table(show_header=False, show_edge=False, box=None)
    for i, g in enumerate(grades, 1):
        names.add_row(f"#{i}", g.packet)
    parts: list = [names, Text(""), t, Text("")]
    counts = Counter(m for g in grades for m in [*g.failure_modes, *g.signals])
    shared = [(m, n) for m, n in counts.most_common() if n >= 2]
    if shared:
        parts.append(Text("Shared across these handoffs (fix the pattern, not the packet):", style="bold"))
        for m, n in shared:
            spec = rubric.failure_modes.get(m) or rubric.signals.get(m) or {}
            parts.append(Text(f"  {m}: {n} of {len(grades)}. {spec.get('fix', '')} [{spec.get('role', '')}]"))
    else:
        parts.append(Text("No failure mode is shared by two or more of these handoffs.", style="bold"))
    weak = Counter(c for g in grades for c, lv in g.scorecard.components.items() if lv != "strong")
    common = [c for c, n in weak.most_common() if n == len(grades)]
    if common and len(grades) > 1:
        parts.append(Text(f"Not strong in any of them: {', '.join(common)}"))
    return Group(*parts)


def console(width: int | None = None) -> Console:
    return Console(width=width or None, soft_wrap=False, highlight=False)
