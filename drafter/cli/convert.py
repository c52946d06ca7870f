"""`drafter convert`: packets between Markdown, JSON, CSV and JSONL."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def convert(
    input: Path = typer.Argument(..., help="Packet file: .md, .json, .csv or .jsonl."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write; the format follows the suffix."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
) -> None:
    """Convert packets between formats, chosen by suffix."""
    from drafter.formats import format_of, read_packets, write_packets

    format_of(output)
    packets = read_packets(input)
    for p in packets:
        for name in p.extra_sections:
            label = "text before the first field" if name == "preamble" else f"section {name!r}"
            typer.echo(f"drafter: {input}: kept unknown {label} (not one of the eleven fields)", err=True)
    write_packets(output, packets, force=force)
    typer.echo(f"wrote {len(packets)} packet{'s' if len(packets) != 1 else ''} to {output}", err=True)
