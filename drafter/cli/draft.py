"""`drafter draft`: propose the eleven fields from meeting notes, each with verbatim evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app


@app.command()
def draft(
    notes: list[Path] = typer.Argument(
        ..., help="Notes for one packet: .txt .md .docx .vtt .srt .eml (several allowed); folders with --each."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the packet here (.json or .md); with --each, the folder for the packets."),
    as_json: bool = typer.Option(False, "--json", help="Print the packet JSON instead of the field-by-field view."),
    backend: str | None = typer.Option(
        None, "--backend", help="offline (no network) or openai; default openai when OPENAI_API_KEY is set."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    each: bool = typer.Option(False, "--each", help="One packet per notes file (NOTES may be folders); needs -o DIR."),
    model: str | None = typer.Option(
        None, "--model", help="[openai] Model name (default: config file, else gpt-4.1-mini)."),
    mode: str | None = typer.Option(
        None, "--mode", help="[openai] How the model answers: tools (default), json_schema, json, md_json, responses."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="[openai] Print token counts and estimated cost; send nothing."),
    max_tokens: int | None = typer.Option(
        None, "--max-tokens", min=1, help="[openai] Refuse, before sending, notes needing more input tokens."),
    max_cost: float | None = typer.Option(
        None, "--max-cost", min=0, help="[openai] Refuse, before sending, when the estimated cost (USD) is higher."),
    no_cache: bool = typer.Option(False, "--no-cache", help="[openai] Ask the model even if these notes were drafted."),
    concurrency: int | None = typer.Option(None, "--concurrency", min=1, help="[openai] Requests at once with --each."),
) -> None:
    """Draft a packet from meeting notes; fields the notes do not support are left missing.

    Exit codes: 0 drafted; 2 bad input, usage, a refused budget or no API key; 4 the model service
    failed after its retries (rate limit, server error, timeout).
    """
    from drafter.cli.draft_llm import LLMFlags
    from drafter.errors import UsageError
    from drafter.extract import default_backend, get_backend

    flags = LLMFlags(model=model, mode=mode, dry_run=dry_run, max_tokens=max_tokens, max_cost=max_cost,
                     no_cache=no_cache, concurrency=concurrency)
    if backend is None:
        backend = "openai" if flags.given() else default_backend()
    get_backend(backend)
    if backend != "openai" and flags.given():
        raise UsageError(f"{', '.join(flags.given())} work only with --backend openai")
    if each:
        from drafter.cli.draft_each import draft_each

        draft_each(list(notes), output, backend=backend, flags=flags, as_json=as_json, force=force)
        return

    from drafter.extract import draft as run_backend
    from drafter.formats import format_of, write_json, write_packets
    from drafter.ingest import read_sources

    if output is not None:
        format_of(output)
        if output.exists() and not force:
            from drafter.errors import InputError

            raise InputError(output, "already exists (use --force to overwrite)")
    documents = read_sources(list(notes))
    if backend == "openai":
        from drafter.cli.draft_llm import draft_one

        packet = draft_one(documents, flags, as_json=as_json)
        if packet is None:  # --dry-run
            return
    else:
        packet = run_backend(documents, backend)
    if output is not None:
        write_packets(output, [packet], force=force)
        typer.echo(f"wrote draft packet to {output}", err=True)
    if as_json:
        typer.echo(write_json(packet), nl=False)
    else:
        from drafter.cli.draft_view import show

        show(packet, documents)
