"""The field-by-field view of a draft: value, evidence (where in the notes), and the rubric's view."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from drafter.fields import BY_ID
from drafter.ingest.document import Document
from drafter.packet import Evidence, Packet


def _where(ev: Evidence) -> str:
    parts = [f"{Path(ev.source).name}:{ev.line}" if ev.line else Path(ev.source).name]
    if ev.speaker:
        parts.append(ev.speaker)
    if ev.time:
        parts.append(ev.time)
    return ", ".join(parts)


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def show(packet: Packet, documents: list[Document], console: Console | None = None) -> None:
    """Print the draft: each field with its status, value and evidence, then the rubric's view."""
    out = console or Console(highlight=False, soft_wrap=True)
    head = Text("Draft", style="bold")
    if packet.title:
        head.append(f": {packet.title}")
    backend = packet.provenance.get("backend", "?")
    head.append(f"  ({backend}" + (f", {packet.classification}" if packet.classification else "") + ")")
    out.print(head)
    for src in packet.sources:
        out.print(Text(f"source: {src.path} ({src.kind}" + (f", {src.date}" if src.date else "") + ")", style="dim"))
    records = packet.metadata.get("records") or {}
    found = [*records.get("crm_ids", []), *records.get("urls", [])]
    if found:
        out.print(Text("records and links: " + ", ".join(found), style="dim"))
    dates = packet.metadata.get("dates", {})
    for fid, field in packet.fields.items():
        spec = BY_ID[fid]
        line = Text(f"\n{spec.number:>2}. {spec.title}  ", style="bold")
        line.append(field.status.upper() if field.status == "missing" else field.status,
                    style="red" if field.status == "missing" else "green")
        out.print(line)
        if field.value:
            out.print(Text("    " + field.value))
            for ev in field.evidence:
                out.print(Text(f"    ↳ {_where(ev)}: “{_short(ev.quote)}”", style="dim"))
            resolved = [f"{d['text']} = {d['date']}" for d in dates.get(fid, [])]
            if resolved:
                out.print(Text("    dates: " + "; ".join(dict.fromkeys(resolved)), style="dim"))
        if field.note:
            out.print(Text(f"    note: {field.note}", style="yellow"))
    ignored = packet.metadata.get("ignored_instructions") or []
    for item in ignored:
        out.print(Text(f"\nignored {Path(item['source']).name}:{item['line']}: reads as an instruction, "
                       f"not a fact: “{_short(item['text'], 80)}”", style="yellow"))
    _rubric(packet, out)


def _rubric(packet: Packet, out: Console) -> None:
    missing = [fid for fid, f in packet.fields.items() if f.status == "missing"]
    out.print(Text("\nmissing: " + (", ".join(missing) if missing else "none"), style="bold"))
    try:
        from drafter.rubric import grade
    except ImportError:
        out.print(Text("rubric: not available in this build", style="dim"))
        return
    g = grade(packet)
    weak = [c for c, v in g.scorecard.components.items() if v == "weak"]
    out.print(Text(f"verdict: {g.verdict} (score {g.score}/100, scorecard {g.scorecard.total}/18)", style="bold"))
    if weak:
        out.print(Text("weak: " + ", ".join(weak)))
    for f in g.findings:
        if f.kind in ("failure_mode", "signal"):
            out.print(Text(f"  {f.id}: {f.message}" + (f" Fix: {f.fix}" if f.fix else "")))
