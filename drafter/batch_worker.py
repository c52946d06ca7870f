"""Scoring rows inside a worker process: raw CSV cells, JSONL lines or file paths in, ScoredRow out.

The hot path builds no pydantic Packet: a CSV row or a flat JSON object becomes the field texts
the way `packet_from_flat` would read them, and `judge_values` decides those texts (score, verdict,
failure modes, components, without the findings that explain them), which gives the grade
`drafter.rubric.grade` gives the Packet (tests check this on a sample). Anything
unusual (a full packet object, a classification to validate) goes through the Packet model.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.batch_groups import group_columns, group_value, month_of
from drafter.batch_summary import COMPONENTS, NO_DATE, ScoredRow
from drafter.errors import InputError
from drafter.fields import FIELD_IDS, field_for_title
from drafter.formats.jsonfmt import split_flat
from drafter.formats.table import jsonl_error
from drafter.rubric import PriorityList, Rubric, judge_values, load_priority_list, load_rubric

_RESERVED = ("id", "title", "classification")
_CLASSES = frozenset({"partner-sourced", "partner-influenced"})

# Task kinds the reader sends: a CSV row's cells, a JSONL line, a packet file, or an error found while reading.
ROW, LINE, FILE, ERROR = "row", "line", "file", "error"
Task = tuple[str, int, Any]  # (kind, row or line number, payload)


@dataclass(frozen=True)
class Job:
    """What every worker needs, sent once: small and picklable."""

    path: str
    rubric_path: str | None = None
    priority_path: str | None = None
    columns: tuple[tuple[str, str], ...] = ()
    header: tuple[str, ...] | None = None


@dataclass
class _Plan:
    """How a CSV header maps to fields, reserved keys, metadata and group columns (computed once)."""

    fields: list[tuple[str, int]]
    special: list[tuple[str, int]]
    meta: list[tuple[str, int]]
    groups: dict[str, int]
    group_names: dict[str, str]


def header_plan(header: tuple[str, ...], columns: dict[str, str]) -> _Plan:
    """Which cell holds which field, reserved key (id, title, classification) and group column."""
    last = {h: i for i, h in enumerate(header)}
    fields: list[tuple[str, int]] = []
    special: list[tuple[str, int]] = []
    meta: list[tuple[str, str]] = []
    for key in dict.fromkeys(header):  # packet_from_flat sees dict(zip(header, cells)): first order, last value
        name = columns.get(key, key)
        low = str(name).strip().lower()
        fid = None if low in _RESERVED else field_for_title(str(name))
        if low in _RESERVED:
            special.append((low, last[key]))
        elif fid:
            fields.append((fid, last[key]))
        else:
            meta.append((key, str(name)))
    names = group_columns(meta)
    return _Plan(fields, special, [(key, last[key]) for key, _ in meta], {dim: last[key] for dim, key in names.items()},
                 names)


class Scorer:
    """Grades tasks for one job; one per worker process (the rubric is compiled once)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.path = Path(job.path)
        self.rubric: Rubric = load_rubric(job.rubric_path)
        self.priority: PriorityList | None = load_priority_list(job.priority_path) if job.priority_path else None
        self.columns = dict(job.columns)
        self.plan = header_plan(job.header, self.columns) if job.header is not None else None

    def score(self, tasks: list[Task]) -> list[ScoredRow]:
        out = []
        for kind, row, payload in tasks:
            try:
                if kind == ROW:
                    out.append(self._row(row, payload))
                elif kind == LINE:
                    out.append(self._line(row, payload))
                elif kind == FILE:
                    out.append(self._file(payload))
                else:
                    out.append(ScoredRow(self._where(row), self._where(row), error=payload))
            except Exception as e:  # noqa: BLE001  (one packet the grader chokes on must not end the batch)
                where = payload if kind == FILE else self._where(row)
                out.append(ScoredRow(where, where, error=f"{where}: could not be graded ({type(e).__name__}: {e})"))
        return out

    def _where(self, row: int) -> str:
        return f"{self.job.path}:{row}"

    # --- one input unit -------------------------------------------------------------------

    def _row(self, row: int, cells: list[str]) -> ScoredRow:
        plan = self.plan
        assert plan is not None
        where = self._where(row)
        if not _utf8(cells):
            return ScoredRow(where, where, error=str(InputError(self.path, "is not UTF-8 text", row)))
        values = {fid: cells[i] for fid, i in plan.fields}
        special = {key: (cells[i] or None) for key, i in plan.special}
        groups = {dim: cells[i] for dim, i in plan.groups.items()}
        if not _plain_class(special.get("classification")):
            return self._via_packet(where, row, dict(zip(self.job.header or (), cells, strict=False)), groups)
        meta = {key: cells[i] for key, i in plan.meta}
        return self._graded(where, special.get("id"), special.get("title"), values, groups, meta)

    def _line(self, row: int, line: str) -> ScoredRow:
        where = self._where(row)
        if not _utf8([line]):
            return ScoredRow(where, where, error=str(InputError(self.path, "is not UTF-8 text", row)))
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            return ScoredRow(where, where, error=str(jsonl_error(self.path, row, e)))
        if not isinstance(obj, dict) or "fields" in obj:
            return self._via_packet(where, row, obj, None)
        values, meta, special = split_flat(obj, self.columns)
        if not _plain_class(special.get("classification")):
            return self._via_packet(where, row, obj, None)
        return self._graded(where, special.get("id"), special.get("title"), values, self._meta_groups(meta), meta)

    def _file(self, rel: str) -> ScoredRow:
        from drafter.formats import read_packet

        try:
            packet = read_packet(self.path / rel)
        except InputError as e:
            return ScoredRow(rel, rel, error=str(e))
        if all(packet.fields[fid].value is None for fid in FIELD_IDS):
            return ScoredRow(rel, rel, error=str(InputError(self.path / rel, "holds none of the packet's fields")))
        return self._graded(rel, packet.id, packet.title, packet.values(), self._meta_groups(packet.metadata),
                            packet.metadata)

    def _via_packet(self, where: str, row: int, obj: Any, groups: dict[str, Any] | None) -> ScoredRow:
        """The reader's own path through the Packet model, for what the fast path does not cover
        (a full packet object, a classification to validate); its errors name the row."""
        from pydantic import ValidationError

        from drafter.formats.jsonfmt import _first_error, packet_from_flat, packet_from_obj

        try:
            if isinstance(obj, dict) and "fields" not in obj:
                packet = packet_from_flat(obj, self.columns)
            else:
                packet = packet_from_obj(obj, str(self.path), row)
        except ValidationError as e:
            return ScoredRow(where, where, error=str(InputError(self.path, _first_error(e), row)))
        except InputError as e:
            return ScoredRow(where, where, error=str(e))
        if groups is None:
            groups = self._meta_groups(packet.metadata)
        return self._graded(where, packet.id, packet.title, packet.values(), groups, packet.metadata)

    # --- grading and grouping ---------------------------------------------------------------

    def _meta_groups(self, meta: dict[str, Any]) -> dict[str, Any]:
        names = group_columns((k, self.columns.get(k, k)) for k in meta)
        return {dim: meta[key] for dim, key in names.items()}

    def _graded(self, where: str, pid: str | None, title: str | None, values: Mapping[str, str | None],
                groups: dict[str, Any], metadata: Mapping[str, Any]) -> ScoredRow:
        j = judge_values(values, self.rubric, self.priority, metadata=metadata)
        return ScoredRow(where, pid or where, j.score, j.verdict, j.band, tuple(j.failure_modes),
                         tuple(dict.fromkeys(j.signals)),
                         j.total, tuple(j.components[c] for c in COMPONENTS), None,
                         group_value(groups["partner"]) if "partner" in groups else None,
                         group_value(groups["owner"]) if "owner" in groups else None,
                         (month_of(groups["month"]) or NO_DATE) if "month" in groups else None)

    @property
    def group_names(self) -> dict[str, str]:
        return self.plan.group_names if self.plan else {}


def _utf8(texts: list[str]) -> bool:
    """False when the text kept undecodable bytes (read with errors="surrogateescape")."""
    try:
        for t in texts:
            t.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_class(value: str | None) -> bool:
    """Whether a classification needs no validation: absent, blank, or one of the two the Packet accepts."""
    if value is None:
        return True
    v = value.strip().lower().replace(" ", "-").replace("_", "-")
    return not v or v in _CLASSES


_SCORER: Scorer | None = None


def init_worker(job: Job) -> None:
    """Pool initializer: compile the rubric once per worker process."""
    global _SCORER
    _SCORER = Scorer(job)


def score_tasks(tasks: list[Task]) -> list[ScoredRow]:
    assert _SCORER is not None, "init_worker was not called"
    return _SCORER.score(tasks)
