"""Importing this module registers every command on the app."""

from drafter.cli import convert  # noqa: F401
from drafter.cli import draft  # noqa: F401
