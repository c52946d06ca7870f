"""The ledger's settings: the holiday calendar and the default response window.

Read from the `[ledger]` table of drafter's config file ($DRAFTER_CONFIG, else
config.toml in the user config folder, e.g. ~/.config/drafter/config.toml):

    [ledger]
    holidays = ["2025-12-25", "2026-01-01"]
    holidays_file = "~/holidays.txt"     # relative paths are read from the config's folder
    default_window_days = 3

`--holidays FILE` adds to these. A holiday file holds one date a line, optionally followed
by a name ("2025-12-25 Christmas Day" or "2025-12-25,Christmas Day"); `#` starts a comment;
a first line that is a header ("date,name") is skipped.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from drafter.errors import InputError
from drafter.files import read_text
from drafter.ledger.businessdays import Calendar
from drafter.ledger.dates import parse_date
from drafter.ledger.vocab import default_window_days


@dataclass(frozen=True)
class Settings:
    calendar: Calendar
    default_window: int


def config_path() -> Path:
    env = os.environ.get("DRAFTER_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path("drafter", appauthor=False) / "config.toml"


def _try_date(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def read_holidays(path: str | Path) -> set[date]:
    """The dates in a holiday file; a line that is not a date is an error naming the line."""
    days: set[date] = set()
    for no, line in enumerate(read_text(path).splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        first = re.split(r"[,;\t]", line, maxsplit=1)[0].strip()
        words = line.replace(",", " ").split()
        candidates = (line, first, " ".join(words[:3]), words[0])
        day = next((d for d in map(_try_date, candidates) if d is not None), None)
        if day is not None:
            days.add(day)
        elif not (no == 1 and not any(ch.isdigit() for ch in line)):  # a header line is skipped
            raise InputError(path, f"{first!r} is not a date (use YYYY-MM-DD, one a line)", no)
    return days


def _ledger_table(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as e:
        raise InputError(path, f"not valid TOML ({e})") from e
    table = data.get("ledger", {})
    if not isinstance(table, dict):
        raise InputError(path, "[ledger] must be a table")
    return table


def load_settings(holidays_file: str | Path | None = None) -> Settings:
    """Holidays and the default window from the config file plus an optional holiday file."""
    cfg = config_path()
    table = _ledger_table(cfg)
    days: set[date] = set()
    for item in table.get("holidays", []):
        try:
            days.add(item if isinstance(item, date) else parse_date(str(item)))
        except ValueError as e:
            raise InputError(cfg, f"ledger.holidays: {e}") from None
    if table.get("holidays_file"):
        hf = Path(str(table["holidays_file"])).expanduser()
        days |= read_holidays(hf if hf.is_absolute() else cfg.parent / hf)
    if holidays_file is not None:
        days |= read_holidays(holidays_file)
    window = table.get("default_window_days", default_window_days())
    if not isinstance(window, int) or window < 0:
        raise InputError(cfg, "ledger.default_window_days must be a whole number of business days")
    return Settings(Calendar.of(days), window)
