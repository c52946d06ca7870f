"""Command-line interface: a thin layer over the library. One module per command."""

from drafter.cli.app import app, main

__all__ = ["app", "main"]
