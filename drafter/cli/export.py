"""`drafter export`: a fully reviewed packet as Markdown, JSON, CSV or HTML; anything less is refused."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def export(
    packet: Path = typer.Argument(..., help="Reviewed packet (.json, as `drafter review` saves it)."),
    format: str = typer.Option(None, "--format", "-f", metavar="FORMAT",
                               help="md, json, csv or html (default: from -o's suffix)."),
    output: Path = typer.Option(None, "-o", "--output", metavar="OUT", help="Write here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUT if it exists."),
) -> None:
    """Export a packet whose every field is confirmed or edited by a named reviewer.

    Refused (exit 3, naming the fields) when a field is undecided, rejected, or changed
    since it was decided. Each export ends with an audit line: reviewers, when, verdict, score.
    """
    from drafter.errors import UsageError
    from drafter.export import export_packet, format_for
    from drafter.files import atomic_write
    from drafter.formats import read_packet

    fmt = format_for(format, output)
    if output is not None and output.resolve() == packet.resolve():
        raise UsageError(f"{output}: is the packet itself; choose another output file")
    text = export_packet(read_packet(packet), fmt, str(packet))
    if output is None:
        typer.echo(text, nl=False)
        return
    atomic_write(output, text, force=force)
    typer.echo(f"wrote {fmt} export to {output}", err=True)
