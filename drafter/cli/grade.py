"""`drafter grade`: the scorecard for each packet, or the last few side by side."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def grade(
    packets: list[Path] = typer.Argument(..., help="Packet files (.md, .json, or .csv/.jsonl holding several)."),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array, one object per packet (SPEC §5)."),
    priority_list: Path | None = typer.Option(None, "--priority-list", help="CSV of account names [, seller]."),
    rubric_file: Path | None = typer.Option(None, "--rubric", help="TOML laid over the default rubric."),
    details: bool = typer.Option(False, "--details", help="With several packets, also print each scorecard."),
) -> None:
    """Grade packets against the scorecard, the six failure modes and the readiness gates."""
    import json

    from drafter.errors import InputError
    from drafter.formats import format_of, iter_records
    from drafter.rubric import grade as grade_packet
    from drafter.rubric import load_priority_list, load_rubric

    rubric = load_rubric(rubric_file)
    priority = load_priority_list(str(priority_list)) if priority_list else None
    items = []
    for path in packets:
        many = format_of(path) in ("csv", "jsonl")
        for row, item in iter_records(path):
            if isinstance(item, InputError):
                raise item
            name = str(path) if not many else f"{path}:{item.id or row}"
            items.append((name, item))
        if not any(n == str(path) or n.startswith(f"{path}:") for n, _ in items):
            raise InputError(path, "holds no packets")
    grades = [grade_packet(p, rubric, priority, name=name) for name, p in items]
    if json_out:
        typer.echo(json.dumps([g.spec_json() for g in grades], indent=2, ensure_ascii=False))
        return
    from drafter.rubric.render import comparison, console, scorecard

    out = console()
    if len(grades) == 1:
        out.print(scorecard(grades[0], rubric))
        return
    out.print(comparison(grades, rubric))
    if details:
        for g in grades:
            out.print()
            out.print(scorecard(g, rubric))
