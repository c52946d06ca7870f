"""`drafter review`: a named person accepts, edits or rejects each field; every decision is saved at once."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def review(
    packet: Path = typer.Argument(..., help="Packet .json file; decisions are saved into it."),
    reviewer: str = typer.Option(None, "--reviewer", envvar="DRAFTER_REVIEWER", metavar="NAME",
                                 help="Your name, recorded with each decision (or set DRAFTER_REVIEWER)."),
    field: list[str] = typer.Option(None, "--field", metavar="ID",
                                    help="Review only this field, decided or not (repeatable; id or title)."),
) -> None:
    """Confirm, edit or reject each undecided field, in template order.

    On a terminal: keys a (accept), e (edit in $EDITOR, or inline), r (reject), q (quit).
    From a pipe: one line per field: accept, reject, edit: NEW TEXT, or quit.
    Run it again to resume at the first undecided field.
    """
    import sys

    from rich.console import Console

    from drafter.errors import UsageError
    from drafter.fields import field_for_title
    from drafter.review_loop import ReviewSession, run_piped, run_terminal

    only = []
    for name in field or []:
        fid = field_for_title(name)
        if fid is None:
            raise UsageError(f"--field {name!r}: not one of the eleven fields")
        only.append(fid)
    session = ReviewSession(packet, reviewer or "", only)
    if not session.todo:
        typer.echo(f"{packet}: every field is already decided; nothing to review", err=True)
        return
    console = Console(highlight=False)
    try:
        if sys.stdin.isatty():
            run_terminal(session, console, lambda: typer.getchar(echo=False))
        else:
            run_piped(session, sys.stdin, console)
    except KeyboardInterrupt:
        typer.echo(session.summary(), err=True)
        raise
    typer.echo(session.summary(), err=True)
