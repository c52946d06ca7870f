"""Importing this module registers every command on the app."""

from drafter.cli import convert, export, review  # noqa: F401
