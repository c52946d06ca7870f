"""Importing this module registers every command on the app."""

from drafter.cli import batch, convert, export, grade, ledger, review  # noqa: F401
