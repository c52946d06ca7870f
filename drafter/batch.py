"""Scoring many historical packets: streamed, in parallel, in input order, with a bounded summary.

The reader (this process) streams raw rows from a folder, a .jsonl or a .csv and sends them in
small batches to worker processes, which grade them (drafter.batch_worker); results come back
in input order and go straight to the report file and the summary, so memory stays flat
however large the input. Library use, without the CLI:

    from drafter.batch import run_batch
    summary = run_batch("history.csv", "report.csv", jobs=4)
    print(summary.to_dict()["ready_rate"])
"""

from __future__ import annotations

import csv
import json
import os
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from drafter.batch_groups import fold
from drafter.batch_summary import COMPONENTS, ScoredRow, Summary
from drafter.batch_worker import ERROR, FILE, LINE, ROW, Job, Scorer, Task, header_plan, init_worker, score_tasks
from drafter.errors import InputError, UsageError
from drafter.files import atomic_open, check_target
from drafter.formats.table import csv_rows, jsonl_lines, open_text

PACKET_SUFFIXES = (".md", ".markdown", ".json")
REPORT_COLUMNS = ("id", "source", "score", "verdict", "band", "failure_modes", "signals", "scorecard_total",
                  *COMPONENTS, "group_partner", "group_owner", "group_month", "error")
Progress = Callable[[int, int, int], None]  # (units done, units in all, rows done)


def parse_columns(text: str | None) -> dict[str, str]:
    """`--columns "Opportunity Name=account,Partner Account=partner name"` as {header: name}."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        header, sep, name = part.partition("=")
        if not sep or not header.strip() or not name.strip():
            raise UsageError(f"--columns: {part.strip()!r} is not HEADER=FIELD")
        out[header.strip()] = name.strip()
    return out


class Source:
    """An input opened for streaming: what it is, how far reading has got, and its raw tasks."""

    def __init__(self, path: str | Path, columns: dict[str, str] | None = None) -> None:
        self.path = Path(path)
        self.columns = dict(columns or {})
        self.header: tuple[str, ...] | None = None
        self._fh: IO[str] | None = None
        self._files = 0
        if not self.path.exists():
            raise InputError(self.path, "no such file or folder")
        suffix = self.path.suffix.lower()
        if self.path.is_dir():
            self.kind = "folder"
            self.total = sum(1 for _ in self._walk())
        elif suffix in (".csv", ".jsonl", ".ndjson"):
            self.kind = "csv" if suffix == ".csv" else "jsonl"
            self.total = self.path.stat().st_size
            self._fh = open_text(self.path, errors="surrogateescape")
            if self.kind == "csv":
                self._rows = csv_rows(self._fh, self.path)
                self.header = tuple(next(self._rows)[1])  # type: ignore[arg-type]
                self.columns = self._resolve(self.columns)
        elif suffix in PACKET_SUFFIXES:
            self.kind, self.total = "file", 1
        else:
            raise UsageError(f"{path}: give a folder of .md/.json packets, a .jsonl or a .csv "
                             f"(not {suffix or 'a file without a suffix'})")

    def _resolve(self, columns: dict[str, str]) -> dict[str, str]:
        """--columns names matched to the CSV header forgivingly (case and punctuation)."""
        assert self.header is not None
        by_fold = {fold(h): h for h in reversed(self.header)}
        out = {}
        for key, name in columns.items():
            actual = key if key in self.header else by_fold.get(fold(key))
            if actual is None:
                raise UsageError(f"--columns: {self.path} has no column {key!r} (its columns: "
                                 f"{', '.join(self.header)})")
            out[actual] = name
        return out

    def _walk(self) -> Iterator[str]:
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.lower().endswith(PACKET_SUFFIXES) and not name.startswith("."):
                    yield str((Path(root) / name).relative_to(self.path))

    def tasks(self) -> Iterator[Task]:
        if self.kind == "folder":
            for rel in self._walk():
                self._files += 1
                yield FILE, 0, rel
        elif self.kind == "file":
            self._files = 1
            yield FILE, 0, self.path.name
        elif self.kind == "csv":
            for row, cells in self._rows:
                yield (ERROR, row, str(cells)) if isinstance(cells, InputError) else (ROW, row, cells)
        else:
            assert self._fh is not None
            for line_no, line in jsonl_lines(self._fh, self.path):
                yield LINE, line_no, line

    def done(self) -> int:
        """Progress so far, in the units of `total` (bytes read, or files)."""
        if self._fh is not None and not self._fh.closed:
            return min(self.total, os.lseek(self._fh.fileno(), 0, os.SEEK_CUR))
        return self._files

    def job(self, rubric_path: str | None, priority_path: str | None) -> Job:
        folder = self.path.parent if self.kind == "file" else self.path
        return Job(str(folder), rubric_path, priority_path, tuple(self.columns.items()), self.header)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _batches(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while batch := list(islice(tasks, size)):
        yield batch


def score_batches(job: Job, batches: Iterator[list[Task]], jobs: int) -> Iterator[list[ScoredRow]]:
    """Each batch's rows, in input order. With jobs > 1 a process pool grades them, at most
    4 batches per worker in flight, so a fast reader never queues the whole input in memory."""
    if jobs <= 1:
        scorer = Scorer(job)
        for batch in batches:
            yield scorer.score(batch)
        return
    import multiprocessing

    with multiprocessing.get_context().Pool(jobs, initializer=init_worker, initargs=(job,)) as pool:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(pool.apply_async(score_tasks, (batch,)))
            if len(pending) >= 4 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


class ReportWriter:
    """One line per input packet, as CSV (flat columns) or JSONL (the scorecard nested)."""

    def __init__(self, fh: IO[str], fmt: str) -> None:
        self.fh, self.fmt = fh, fmt
        if fmt == "csv":
            self.csv = csv.writer(fh, lineterminator="\n")
            self.csv.writerow(REPORT_COLUMNS)

    def write(self, r: ScoredRow) -> None:
        if self.fmt == "csv":
            self.csv.writerow([r.id, r.source, "" if r.score is None else r.score, r.verdict or "", r.band or "",
                               ";".join(r.failure_modes), ";".join(r.signals), "" if r.total is None else r.total,
                               *(r.components or [""] * len(COMPONENTS)), r.partner or "", r.owner or "",
                               r.month or "", r.error or ""])
            return
        obj = {"id": r.id, "source": r.source, "score": r.score, "verdict": r.verdict, "band": r.band,
               "failure_modes": list(r.failure_modes), "signals": list(r.signals),
               "scorecard": None if r.error else {"components": dict(zip(COMPONENTS, r.components, strict=True)),
                                                  "total": r.total},
               "groups": {"partner": r.partner, "owner": r.owner, "month": r.month}, "error": r.error}
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


def default_jobs() -> int:
    """Every core this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def report_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson"):
        raise UsageError(f"{path}: the report is written as .csv or .jsonl (not {suffix or 'no suffix'})")
    return "csv" if suffix == ".csv" else "jsonl"


def run_batch(input: str | Path, output: str | Path | None = None, *, rubric_path: str | Path | None = None,
              priority_path: str | Path | None = None, columns: dict[str, str] | None = None,
              jobs: int | None = None, force: bool = False, batch_size: int | None = None,
              progress: Progress | None = None) -> Summary:
    """Grade every packet in `input`, write a report row per packet to `output` (atomically), and
    return the summary. Unreadable rows become report rows with `error`; an unreadable input
    raises InputError before anything is written."""
    from drafter.rubric import load_priority_list, load_rubric

    fmt = report_format(output) if output is not None else None
    if output is not None:
        check_target(output, force=force)
    rubric = load_rubric(rubric_path)
    if priority_path:
        load_priority_list(str(priority_path))
    jobs = max(1, jobs or default_jobs())
    with Source(input, columns) as src:
        job = src.job(str(rubric_path) if rubric_path else None, str(priority_path) if priority_path else None)
        if src.header is not None:
            plan = header_plan(src.header, src.columns)
            if not plan.fields:
                raise InputError(src.path, "has no column named after a packet field (use field ids or titles, "
                                           "or map columns with --columns \"Header=field\")")
        summary = Summary(list(rubric.failure_modes), list(rubric.signals), rubric_version=rubric.version)
        if src.header is not None:
            summary.see_columns(plan.group_names)
        size = batch_size or (8 if src.kind in ("folder", "file") else 64)

        def consume(sink: ReportWriter | None) -> None:
            for results in score_batches(job, _batches(src.tasks(), size), jobs):
                for row in results:
                    if sink:
                        sink.write(row)
                    summary.add(row)
                if progress:
                    progress(src.done(), src.total, summary.rows)
            if summary.rows == 0:
                raise InputError(src.path, "holds no packets")

        if output is None:
            consume(None)
        else:
            with atomic_open(output, force=force, newline="") as fh:
                consume(ReportWriter(fh, fmt or "csv"))
    return summary
