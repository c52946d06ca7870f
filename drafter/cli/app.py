"""The typer app and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys

import typer

from drafter import __version__
from drafter.errors import DrafterError

app = typer.Typer(
    name="drafter",
    help="Draft, grade, confirm and export co-sell handoff packets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Draft, grade, confirm and export co-sell handoff packets."""


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit."""
    typer.echo(f"drafter: {message}", err=True)
    raise typer.Exit(code)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user-facing errors become one line and exit 2, never a traceback."""
    from drafter.cli import commands  # noqa: F401  (registers the commands)

    try:
        app(args=argv, prog_name="drafter")
    except DrafterError as e:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        typer.echo(f"drafter: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        typer.echo("drafter: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # a bug of ours: still one line, never locals or a wall of traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        first = str(e).splitlines()[0] if str(e) else ""
        typer.echo(f"drafter: internal error: {type(e).__name__}: {first} (run again with DRAFTER_DEBUG=1 for "
                   "the traceback, and please report it)", err=True)
        sys.exit(70)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
