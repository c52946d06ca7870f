"""Importing this module registers every command on the app."""

from drafter.cli import batch, convert, draft, export, grade, ledger, review  # noqa: F401
