"""`drafter draft`: propose the eleven fields from meeting notes, each with verbatim evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def draft(
    notes: list[Path] = typer.Argument(..., help="Notes for one packet: .txt .md .docx .vtt .srt .eml (several allowed)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the packet here (.json or .md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the packet JSON instead of the field-by-field view."),
    backend: str | None = typer.Option(None, "--backend",
                                       help="offline (no network) or openai; default openai when OPENAI_API_KEY is set."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
) -> None:
    """Draft a packet from meeting notes; fields the notes do not support are left missing."""
    from drafter.extract import draft as run_backend
    from drafter.extract import get_backend
    from drafter.formats import format_of, write_json, write_packets
    from drafter.ingest import read_sources

    if output is not None:
        format_of(output)
        if output.exists() and not force:
            from drafter.errors import InputError

            raise InputError(output, "already exists (use --force to overwrite)")
    if backend is not None:
        get_backend(backend)
    documents = read_sources(list(notes))
    packet = run_backend(documents, backend)
    if output is not None:
        write_packets(output, [packet], force=force)
        typer.echo(f"wrote draft packet to {output}", err=True)
    if as_json:
        typer.echo(write_json(packet), nl=False)
    else:
        from drafter.cli.draft_view import show

        show(packet, documents)
