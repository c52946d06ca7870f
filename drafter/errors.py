"""One error tree for problems the user can fix; the CLI turns them into one line and exit 2."""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """A problem the user can act on. `str(err)` is the whole message, one line."""

    exit_code = 2


class InputError(DrafterError):
    """Input that cannot be read or understood: names the file (and row) and the problem."""

    def __init__(self, path: str | Path | None, problem: str, row: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.row = row
        where = self.path or "input"
        if row is not None:
            where = f"{where}, row {row}"
        super().__init__(f"{where}: {problem}")


class UsageError(DrafterError):
    """A command used in a way that cannot work (wrong suffix, too many packets for one file)."""


class ExportRefused(DrafterError):
    """Export refused because fields are not confirmed; distinct exit code from bad input."""

    exit_code = 3


class ServiceError(DrafterError):
    """The model service failed after its retries (rate limit, server error, timeout, no connection).

    Distinct from bad input: the same command may work later.
    """

    exit_code = 4
