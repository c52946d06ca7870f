"""Numbered schema migrations, recorded in `_drafter_migrations` (the schema marker).

Each migration is a function named mNNN_what, applied once, in order, inside the caller's
write transaction, and never edited after release: a change to the schema is a new
migration at the end of the list. `PRAGMA application_id` marks the file as a drafter
ledger for tools such as `file(1)`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

MIGRATIONS_TABLE = "_drafter_migrations"
APPLICATION_ID = 0x64726674  # "drft"

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def applied(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid").fetchall()
    return [r[0] for r in rows]


def ensure_migrations_table(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def pending(conn: sqlite3.Connection) -> list[Migration]:
    done = set(applied(conn))
    return [fn for fn in MIGRATIONS if fn.__name__ not in done]


def migrate(conn: sqlite3.Connection, upto: str | None = None) -> list[str]:
    """Apply the migrations not yet recorded (up to and including `upto`); returns their names.

    The caller holds a write transaction (BEGIN IMMEDIATE), so two processes opening a new
    ledger at once cannot both apply the same migration.
    """
    ensure_migrations_table(conn)
    names = []
    for fn in pending(conn):
        fn(conn)
        conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                     (fn.__name__, datetime.now(UTC).isoformat(timespec="seconds")))
        names.append(fn.__name__)
        if fn.__name__ == upto:
            break
    return names


@migration
def m001_handoffs(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY,
            ref TEXT,
            packet TEXT,
            account TEXT,
            partner TEXT,
            contact TEXT,
            seller TEXT,
            classification TEXT,
            evidence TEXT,
            owner TEXT,
            window_days INTEGER,
            verdict TEXT,
            score INTEGER,
            failure_modes TEXT NOT NULL DEFAULT '[]',
            sent TEXT NOT NULL,
            responded TEXT,
            outcome TEXT CHECK (outcome IN ('accepted', 'declined')),
            reason TEXT,
            created_at TEXT NOT NULL
        )""")


@migration
def m002_scorecard_and_source(conn: sqlite3.Connection) -> None:
    # The scorecard total (0-18) sits beside the 0..100 score; `source` says whether a row
    # was logged by `ledger add` or came from an import.
    conn.execute("ALTER TABLE handoffs ADD COLUMN scorecard_total INTEGER")
    conn.execute("ALTER TABLE handoffs ADD COLUMN source TEXT NOT NULL DEFAULT 'add'")


@migration
def m003_events(conn: sqlite3.Connection) -> None:
    # Every change to a handoff, so a changed answer never silently replaces the first one.
    conn.execute("""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            handoff_id INTEGER NOT NULL REFERENCES handoffs(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT
        )""")
    conn.execute("CREATE INDEX events_handoff ON events(handoff_id)")


@migration
def m004_indexes(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE UNIQUE INDEX handoffs_ref ON handoffs(ref) WHERE ref IS NOT NULL")
    conn.execute("CREATE INDEX handoffs_open ON handoffs(sent) WHERE outcome IS NULL")
