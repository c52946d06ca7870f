"""`drafter batch`: score a folder, .jsonl or CRM .csv of historical packets, with a report and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from drafter.cli.app import app


def _progress_bar() -> tuple[Any, Any]:
    """A progress bar on stderr when it is a terminal (no thread: refreshed from the loop); else nothing."""
    import sys
    import time

    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("scoring"), BarColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rows]:,} packets"), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True, auto_refresh=False)
    task = bar.add_task("scoring", total=None, rows=0)
    last = [0.0]

    def update(done: int, total: int, rows: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.1:
            last[0] = now
            bar.update(task, completed=done, total=total or None, rows=rows, refresh=True)

    return bar, update


@app.command()
def batch(
    input: Path = typer.Argument(..., help="A folder of .md/.json packets (searched recursively), a .jsonl, "
                                 "or a .csv export (columns named by field id or title).", metavar="INPUT"),
    output: Path | None = typer.Option(None, "-o", "--output", help="Report with one row per packet: .csv or .jsonl.",
                                       metavar="REPORT"),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report with charts.",
                                     metavar="REPORT.html"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: every core).",
                                    metavar="N"),
    columns: str | None = typer.Option(None, "--columns", help='Map CSV headers to fields: "Opportunity Name='
                                       'account,Next Step=seller_move".', metavar="MAP"),
    rubric_file: Path | None = typer.Option(None, "--rubric", help="As for drafter grade: TOML laid over the "
                                            "default rubric.", metavar="FILE"),
    priority_list: Path | None = typer.Option(None, "--priority-list", help="As for drafter grade: CSV of "
                                              "account names [, seller].", metavar="FILE"),
    force: bool = typer.Option(False, "--force", help="Overwrite the report files if they exist."),
) -> None:
    """Score historical packets: a report row per packet, and a summary (ready rate, score percentiles,
    failure modes by frequency, scorecard components; by partner, owner and month when the columns exist).
    Exit 0 when every row was scored, 1 when some rows could not be read (the report is still written)."""
    import json

    from drafter.batch import parse_columns, run_batch
    from drafter.errors import UsageError
    from drafter.files import atomic_write, check_target

    mapping = parse_columns(columns)
    if html is not None:
        if html.suffix.lower() not in (".html", ".htm"):
            raise UsageError(f"{html}: the --html report needs an .html suffix")
        check_target(html, force=force)
    bar, update = _progress_bar()
    if bar is not None:
        bar.start()
    try:
        summary = run_batch(input, output, rubric_path=rubric_file, priority_path=priority_list, columns=mapping,
                            jobs=jobs, force=force, progress=update)
    finally:
        if bar is not None:
            bar.stop()
    data = summary.to_dict()
    data = {"input": str(input), "report": str(output) if output else None, **data}
    if html is not None:
        from drafter.report import render_html

        atomic_write(html, render_html(data), force=force)
    if json_out:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from drafter.batch_render import print_summary

        print_summary(data)
    for path in (output, html):
        if path is not None:
            typer.echo(f"drafter: wrote {path}", err=True)
    if data["errors"]:
        where = f" (see the error column of {output})" if output else ""
        typer.echo(f"drafter: {data['errors']:,} of {data['rows']:,} rows could not be read{where}", err=True)
        raise typer.Exit(1)
