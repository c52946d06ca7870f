"""`drafter draft NOTES_DIR --each -o OUT_DIR`: one packet per notes file, a progress bar, a summary.

With the openai backend the requests run concurrently (bounded by `concurrency`); the budget is
checked for the whole batch before the first request. A file that cannot be read or drafted is
reported in the summary and the others go on; the exit code is then that of the first failure.
No existing packet is overwritten without --force, and that is checked before any drafting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from drafter.cli.draft_llm import LLMFlags
    from drafter.errors import DrafterError
    from drafter.ingest.document import Document
    from drafter.packet import Packet


def notes_files(paths: list[Path]) -> list[Path]:
    """The notes files named, with the supported files directly inside each folder named, in order."""
    from drafter.errors import InputError
    from drafter.ingest import KINDS

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            inside = sorted(c for c in p.iterdir() if c.is_file() and not c.name.startswith(".")
                            and c.suffix.lower() in KINDS)
            if not inside:
                raise InputError(p, f"holds no notes files ({' '.join(sorted(set(KINDS)))})")
            files.extend(inside)
        else:
            files.append(p)
    return list(dict.fromkeys(files))


def targets(files: list[Path], out_dir: Path) -> list[Path]:
    """`OUT_DIR/<stem>.json` per file; files sharing a stem keep their suffix (`notes.md.json`)."""
    stems = [f.stem for f in files]
    return [out_dir / (f"{f.name}.json" if stems.count(f.stem) > 1 else f"{f.stem}.json") for f in files]


def _summary(rows: list[dict[str, Any]], as_json: bool, out_dir: Path | None) -> None:
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for col in ("notes", "status", "proposed", "requests", "tokens"):
        table.add_column(col, justify="right" if col in ("proposed", "requests", "tokens") else "left")
    for r in rows:
        table.add_row(Path(r["notes"]).name, r["status"], f"{r['proposed']}/11" if r["packet"] else "",
                      str(r["requests"]), f"{r['tokens']:,}")
    out = Console(stderr=True, highlight=False, soft_wrap=True)
    out.print(table)
    for r in rows:
        if r["error"]:
            out.print(f"failed: {r['error']}")
    done = [r for r in rows if not r["error"]]
    cached = sum(1 for r in rows if r["status"] == "cached")
    out.print(f"drafted {len(done)} of {len(rows)} notes into {out_dir}; {sum(r['requests'] for r in rows)} requests, "
              f"{sum(r['tokens'] for r in rows):,} tokens" + (f"; {cached} from the cache" if cached else ""))


def draft_each(paths: list[Path], out_dir: Path | None, *, backend: str, flags: LLMFlags, as_json: bool,
               force: bool) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from drafter.cli.app import fail
    from drafter.errors import DrafterError, InputError, UsageError
    from drafter.formats import write_packets
    from drafter.ingest import read_sources

    files = notes_files(paths)
    if out_dir is None and not flags.dry_run:
        raise UsageError("--each needs -o OUT_DIR, the folder the packets are written to")
    outs = targets(files, out_dir or Path("."))
    if out_dir is not None and not flags.dry_run:
        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(out_dir, "is a file; --each writes one packet per notes file into a folder")
        taken = [t for t in outs if t.exists()]
        if taken and not force:
            raise InputError(taken[0], "already exists (use --force to overwrite)")
        out_dir.mkdir(parents=True, exist_ok=True)

    rows: dict[str, dict[str, Any]] = {}
    items: list[tuple[str, list[Document]]] = []
    for f, t in zip(files, outs, strict=True):
        rows[str(f)] = {"notes": str(f), "packet": None, "status": "failed", "proposed": 0, "requests": 0,
                        "tokens": 0, "error": None, "_target": t}
        try:
            items.append((str(f), read_sources([f])))
        except DrafterError as e:
            rows[str(f)]["error"] = str(e)

    console = Console(stderr=True)
    progress = Progress(TextColumn("drafting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    task = progress.add_task("draft", total=len(items))

    def done(name: str, result: Any) -> None:
        row = rows[name]
        if isinstance(result, DrafterError):
            row["error"] = str(result)
        else:
            packet: Packet = result if backend != "openai" else result.packet
            try:
                write_packets(row["_target"], [packet], force=force)
            except DrafterError as e:
                row["error"] = str(e)
            else:
                row["packet"] = str(row["_target"])
                row["proposed"] = sum(1 for fl in packet.fields.values() if fl.value)
                if backend == "openai":
                    row.update(status="cached" if result.cached else "drafted", requests=result.requests,
                               tokens=result.usage.get("total_tokens", 0) if not result.cached else 0)
                else:
                    row["status"] = "drafted"
        progress.advance(task)

    failures: list[DrafterError] = []
    if backend == "openai":
        ran = _run_llm(items, flags, as_json, done, progress)
        if ran is None:  # dry run
            for r in rows.values():
                if r["error"]:
                    typer.echo(f"not readable: {r['error']}", err=True)
            return
        failures = ran
    else:
        from drafter.extract import draft as run_backend

        with progress:
            for name, docs in items:
                try:
                    result: Packet | DrafterError = run_backend(docs, backend)
                except DrafterError as e:
                    result = e
                done(name, result)
    listed = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows.values()]
    _summary(listed, as_json, out_dir)
    failed = [r for r in listed if r["error"]]
    if failed:
        code = next((e.exit_code for e in failures), 2)
        fail(f"{len(failed)} of {len(listed)} notes not drafted (first: {failed[0]['error']})", code)


def _run_llm(items: list[tuple[str, list[Document]]], flags: LLMFlags, as_json: bool, done: Any,
             progress: Any) -> list[DrafterError] | None:
    """Plan, dry-run or check the budget for the batch, then draft concurrently. None after a dry run."""
    from drafter.cli.draft_llm import estimate, print_estimates
    from drafter.errors import DrafterError
    from drafter.extract.faults import no_key_error

    ex = flags.extractor()
    plans = [(name, docs, ex.plan(docs)) for name, docs in items]
    cached = {name: ex.is_cached(docs, plan) for name, docs, plan in plans}
    if flags.dry_run:
        print_estimates(ex, [estimate(name, plan, cached[name]) for name, _, plan in plans], as_json)
        return None
    if not ex.key:
        raise no_key_error()
    ex.check_budget([plan for name, _, plan in plans if not cached[name]])
    with progress:
        results = ex.draft_many(items, on_done=done, plans=[plan for _, _, plan in plans])
    return [r for r in results if isinstance(r, DrafterError)]
