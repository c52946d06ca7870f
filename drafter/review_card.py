"""What the reviewer sees for one field: the proposal, its evidence in context, the rubric's findings.

Everything a packet or a note says is put on screen as rich `Text`, never as markup, so a
value containing `[bold]` or `<script>` is shown as written.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from drafter.evidence_context import EvidenceView, SourceTexts
from drafter.fields import BY_ID
from drafter.packet import Packet

HIGHLIGHT = "bold black on yellow"


def grade_packet(packet: Packet) -> Any | None:
    """The rubric's grade of the packet, or None while the rubric is not installed."""
    try:
        from drafter.rubric import grade
    except ImportError:
        return None
    return grade(packet)


def field_findings(grade: Any | None, fid: str) -> tuple[float | None, list[tuple[str, str | None]]]:
    """(field score, [(message, fix)]) for one field: the grade's findings on it, each once, rule id first."""
    if grade is None:
        return None, []
    per_field = (getattr(grade, "fields", None) or {}).get(fid)
    score = getattr(per_field, "score", None)
    candidates = [f for f in getattr(grade, "findings", []) if getattr(f, "field", None) == fid]
    candidates += list(getattr(per_field, "findings", None) or [])
    found: list[tuple[str, str | None]] = []
    for f in candidates:
        item: tuple[str, str | None]
        if isinstance(f, str):
            item = (f, None)
        else:
            fix = f"{f.fix} ({f.role})" if f.fix and getattr(f, "role", "") else f.fix
            item = (f"{f.id}: {f.message}" if f.id else f.message, fix or None)
        if item not in found:
            found.append(item)
    return score, found


def _evidence_block(view: EvidenceView, number: int, marks: bool) -> Group:
    ev = view.evidence
    head = Text(f"Evidence {number}: ", style="bold")
    head.append(view.source_label)
    head.append(f", {view.position}", style="dim")
    if ev.speaker:
        head.append(f" · speaker: {ev.speaker}")
    if ev.time:
        head.append(f" · at {ev.time}")
    parts: list[Any] = [head]
    if view.problem:
        parts.append(Text(f"  ({view.problem})", style="italic yellow"))
    body = Text()
    if view.snippet:
        body.append(view.snippet.before)
        body.append("»" if marks else "")
        body.append(view.snippet.quote, style=HIGHLIGHT)
        body.append("«" if marks else "")
        body.append(view.snippet.after)
    else:
        body.append("»" if marks else "")
        body.append(ev.quote, style=HIGHLIGHT)
        body.append("«" if marks else "")
    parts.append(Padding(body, (0, 0, 0, 4), expand=False))
    return Group(*parts)


def render_card(
    console: Console, packet: Packet, fid: str, index: int, total: int, sources: SourceTexts, grade: Any | None
) -> None:
    """Print the card for field `fid` (the `index`-th of `total` fields under review)."""
    spec = BY_ID[fid]
    field = packet.fields[fid]
    marks = not console.is_terminal
    title = Text(f"{index}/{total}  {spec.number}. {spec.title}  ({fid})", style="bold cyan")
    console.print(Rule(title, align="left"))
    status = Text(f"status: {field.status} · built by {spec.role}", style="dim")
    if field.decided_by:
        status.append(f" · last decided by {field.decided_by}")
    console.print(status)
    if field.value is None:
        console.print(Text("(no value: the notes did not support this field)", style="italic red"))
    else:
        console.print(Padding(Text(field.value), (0, 0, 0, 2), expand=False))
    if field.note:
        console.print(Text(f"note: {field.note}", style="dim"))
    if not field.evidence:
        console.print(Text("Evidence: none recorded", style="yellow"))
    for n, ev in enumerate(field.evidence, 1):
        console.print(_evidence_block(sources.view(ev), n, marks))
    score, found = field_findings(grade, fid)
    if grade is None:
        console.print(Text("Rubric: not available", style="dim"))
        return
    head = Text("Rubric: ", style="bold")
    head.append("no findings" if not found else f"{len(found)} finding{'s' if len(found) != 1 else ''}")
    if score is not None:
        head.append(f" · field score {score:.2f}", style="dim")
    console.print(head)
    rows = Table.grid(padding=(0, 1))
    rows.add_column(width=3, justify="right")
    rows.add_column()
    for message, fix in found:
        rows.add_row(Text("!", style="bold red"), Text(message))
        if fix:
            rows.add_row(Text(""), Text(f"fix: {fix}", style="green"))
    if found:
        console.print(rows)
