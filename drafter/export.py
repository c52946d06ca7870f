"""Export: only a packet a named person stood behind, field by field, leaves the tool.

`check_exportable` refuses (ExportRefused, exit 3) a packet with any field undecided, rejected,
decided by nobody, or changed since it was decided (its value no longer hashes to
`decided_hash`). Each export ends with an audit line: who reviewed it, when, verdict and score.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drafter.errors import ExportRefused
from drafter.fields import FIELD_IDS
from drafter.formats.markdown import write_markdown
from drafter.packet import DECIDED, Packet, value_hash
from drafter.review import reviewers

FORMATS: tuple[str, ...] = ("md", "json", "csv", "html")
SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}


def export_problems(packet: Packet) -> dict[str, list[str]]:
    """Fields that keep the packet from export, by reason (empty lists when it may leave)."""
    out: dict[str, list[str]] = {"undecided": [], "rejected": [], "unnamed": [], "changed": []}
    for fid, f in packet.fields.items():
        if f.status == "rejected":
            out["rejected"].append(fid)
        elif f.status not in DECIDED:
            out["undecided"].append(fid)
        elif not (f.decided_by or "").strip():
            out["unnamed"].append(fid)
        elif f.decided_hash is None or value_hash(f.value) != f.decided_hash:
            out["changed"].append(fid)
    return out


_REASONS = {
    "undecided": "not yet reviewed",
    "rejected": "rejected (empty)",
    "unnamed": "decided by no named reviewer",
    "changed": "changed outside review since it was decided",
}


def check_exportable(packet: Packet, name: str) -> None:
    """Raise ExportRefused naming every field that is not confirmed or edited by a named reviewer."""
    problems = {k: v for k, v in export_problems(packet).items() if v}
    if not problems:
        return
    parts = [f"{_REASONS[k]}: {', '.join(v)}" for k, v in problems.items()]
    hint = f"drafter review {name}" + "".join(f" --field {fid}" for fid in problems.get("rejected", []))
    raise ExportRefused(f"{name}: export refused; {'; '.join(parts)}; run `{hint}`")


@dataclass(frozen=True)
class Audit:
    reviewers: list[str]
    at: datetime | None
    verdict: str
    score: int

    @property
    def when(self) -> str:
        if self.at is None:
            return "unknown"
        at = self.at if self.at.tzinfo else self.at.replace(tzinfo=UTC)
        return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def line(self) -> str:
        return (f"Reviewed by {', '.join(self.reviewers)} · last decision {self.when} · "
                f"verdict: {self.verdict} · score: {self.score}/100")


def audit_of(packet: Packet) -> Audit:
    """Reviewers (everyone standing behind a value), last decision time, and the rubric's verdict."""
    from drafter.rubric import grade

    g = grade(packet)
    times = [f.decided_at if f.decided_at.tzinfo else f.decided_at.replace(tzinfo=UTC)
             for f in packet.fields.values() if f.decided_at]
    return Audit(reviewers(packet), max(times) if times else None, g.verdict, int(g.score))


def to_json(packet: Packet, audit: Audit) -> str:
    data = packet.model_dump(mode="json")
    data["audit"] = {"reviewed_by": audit.reviewers, "reviewed_at": audit.at.isoformat() if audit.at else None,
                     "verdict": audit.verdict, "score": audit.score, "line": audit.line}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


CSV_AUDIT = ("reviewed_by", "reviewed_at", "verdict", "score", "audit")


def to_csv(packet: Packet, audit: Audit) -> str:
    """One header and one row, columns named by field id, the audit in the last columns."""
    cols = ["id", "title", "classification", *FIELD_IDS, *CSV_AUDIT]
    row: dict[str, Any] = {"id": packet.id, "title": packet.title, "classification": packet.classification,
                           **packet.values(), "reviewed_by": "; ".join(audit.reviewers),
                           "reviewed_at": audit.at.isoformat() if audit.at else "", "verdict": audit.verdict,
                           "score": audit.score, "audit": audit.line}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    w.writerow(["" if row.get(c) is None else str(row[c]) for c in cols])
    return buf.getvalue()


def render(packet: Packet, fmt: str, audit: Audit) -> str:
    """The packet in one export format, ending with its audit line."""
    if fmt == "md":
        return write_markdown(packet, audit=audit.line)
    if fmt == "json":
        return to_json(packet, audit)
    if fmt == "csv":
        return to_csv(packet, audit)
    if fmt == "html":
        from drafter.export_html import to_html

        return to_html(packet, audit.line)
    raise ValueError(f"unknown export format {fmt!r}")


def export_packet(packet: Packet, fmt: str, name: str) -> str:
    """Check, then render: the whole export for a reviewed packet."""
    check_exportable(packet, name)
    return render(packet, fmt, audit_of(packet))


def format_for(fmt: str | None, out: Path | None) -> str:
    """The export format from --format, else from the output's suffix."""
    from drafter.errors import UsageError

    if fmt:
        fmt = fmt.strip().lower().lstrip(".")
        fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
        return fmt
    if out is not None and out.suffix.lower() in SUFFIXES:
        return SUFFIXES[out.suffix.lower()]
    raise UsageError("say which format: --format md|json|csv|html (or an -o file ending in one)")
