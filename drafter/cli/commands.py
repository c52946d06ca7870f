"""Importing this module registers every command on the app."""

from drafter.cli import convert, grade, ledger  # noqa: F401
