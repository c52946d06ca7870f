"""Importing this module registers every command on the app."""

from drafter.cli import convert, draft, grade  # noqa: F401
