"""The ledger file: opening it safely, migrating it, and the writes the commands make.

SQLite in WAL mode with a busy timeout: readers never block the writer, and several
processes adding handoffs at once queue for the write lock instead of failing. Every
write is one `BEGIN IMMEDIATE` transaction. A file that is not SQLite, or is SQLite
without our migrations table but with tables of its own, is refused with one line;
it is never reset or written to.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, InputError
from drafter.ledger import migrations
from drafter.ledger.record import COLUMNS, Handoff

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0


def default_db_path() -> Path:
    """The ledger in the user's data folder, e.g. ~/.local/share/drafter/ledger.db on Linux."""
    from platformdirs import user_data_path

    return user_data_path("drafter", appauthor=False) / "ledger.db"


def resolve_db(db: str | Path | None) -> Path:
    """--db, else $DRAFTER_DB, else the default file."""
    if db:
        return Path(db)
    env = os.environ.get("DRAFTER_DB")
    return Path(env) if env else default_db_path()


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise InputError(path, "is a folder, not a ledger file")
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as e:
        raise InputError(path, f"cannot read ({e.strerror or e})") from e
    if head and head != SQLITE_HEADER:
        raise InputError(path, "is not a SQLite database, so not a drafter ledger (left untouched)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def row_values(h: Handoff) -> tuple[Any, ...]:
    """The row for `INSERT INTO handoffs (COLUMNS..., created_at)`."""
    return (h.ref, h.packet, h.account, h.partner, h.contact, h.seller, h.classification, h.evidence, h.owner,
            h.window_days, h.verdict, h.score, h.scorecard_total, json.dumps(h.failure_modes), h.sent.isoformat(),
            h.responded.isoformat() if h.responded else None, h.outcome, h.reason, h.source, _now())


INSERT = (f"INSERT INTO handoffs ({', '.join(COLUMNS)}, created_at) "
          f"VALUES ({', '.join('?' for _ in range(len(COLUMNS) + 1))})")


class Ledger:
    """An open ledger. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = resolve_db(path)
        _check_file(self.path)
        if not self.path.exists():
            parent = self.path.parent
            if not parent.exists() and path is None and not os.environ.get("DRAFTER_DB"):
                parent.mkdir(parents=True, exist_ok=True)
            elif not parent.is_dir():
                raise InputError(self.path, f"folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as e:
            raise InputError(self.path, f"cannot open the ledger ({e})") from e
        self.conn.row_factory = sqlite3.Row
        try:
            with self.guard():
                self._prepare()
        except BaseException:
            self.conn.close()
            raise

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def guard(self) -> Iterator[None]:
        """SQLite's errors as one-line drafter errors naming the ledger file."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise DrafterError(f"{self.path}: the ledger stayed locked by another process for "
                                   f"{BUSY_TIMEOUT_S:.0f} s; try again") from e
            raise InputError(self.path, f"cannot use the ledger ({e})") from e
        except sqlite3.DatabaseError as e:
            raise InputError(self.path, f"is not a usable drafter ledger ({e}); left untouched") from e

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so concurrent writers queue on the busy timeout."""
        with self.guard():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _prepare(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        ours = migrations.MIGRATIONS_TABLE in tables
        if app_id not in (0, migrations.APPLICATION_ID) or (tables and not ours):
            listed = ", ".join(sorted(tables)[:5]) or "none"
            raise InputError(self.path, f"is a SQLite database but not a drafter ledger (tables: {listed}); "
                                        "choose another file with --db")
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if ours:
            known = {fn.__name__ for fn in migrations.MIGRATIONS}
            newer = [n for n in migrations.applied(self.conn) if n not in known]
            if newer:
                raise InputError(self.path, f"was written by a newer drafter (schema {newer[-1]}); upgrade drafter")
            if not migrations.pending(self.conn):
                return
        with self.write() as conn:
            migrations.migrate(conn)

    # -- writes ---------------------------------------------------------------------------

    def add(self, h: Handoff) -> int:
        """Record one handoff; returns its id."""
        with self.write() as conn:
            cur = conn.execute(INSERT, row_values(h))
            hid = int(cur.lastrowid or 0)
            conn.execute("INSERT INTO events (handoff_id, at, kind, detail) VALUES (?, ?, 'added', ?)",
                         (hid, _now(), h.packet))
        return hid

    def add_many(self, handoffs: Iterable[Handoff]) -> int:
        """Record many handoffs in one transaction (all or none); returns how many."""
        with self.write() as conn:
            before = conn.total_changes
            conn.executemany(INSERT, (row_values(h) for h in handoffs))
            return conn.total_changes - before

    def find(self, key: str) -> sqlite3.Row:
        """A handoff by its ledger id, or by the id it was imported with."""
        with self.guard():
            row = None
            if key.strip().isdigit():
                row = self.conn.execute("SELECT * FROM handoffs WHERE id = ?", (int(key),)).fetchone()
            if row is None:
                row = self.conn.execute("SELECT * FROM handoffs WHERE ref = ?", (key.strip(),)).fetchone()
        if row is None:
            raise InputError(self.path, f"no handoff with id {key}")
        return row

    def respond(self, key: str, outcome: str, on: date, reason: str | None = None, *,
                force: bool = False) -> sqlite3.Row:
        """Record the seller's answer. A second answer needs force and is kept in the events."""
        with self.write() as conn:
            row = self.find(key)
            if row["outcome"] and not force:
                raise InputError(self.path, f"handoff {row['id']} was already {row['outcome']} on "
                                            f"{row['responded'] or 'an unknown date'} (use --force to change it)")
            if on < date.fromisoformat(row["sent"]):
                raise InputError(self.path, f"handoff {row['id']} was sent on {row['sent']}, after {on.isoformat()}")
            conn.execute("UPDATE handoffs SET outcome = ?, responded = ?, reason = ? WHERE id = ?",
                         (outcome, on.isoformat(), reason, row["id"]))
            detail = json.dumps({"outcome": outcome, "on": on.isoformat(), "reason": reason,
                                 "before": row["outcome"]})
            conn.execute("INSERT INTO events (handoff_id, at, kind, detail) VALUES (?, ?, 'responded', ?)",
                         (row["id"], _now(), detail))
        return self.find(str(row["id"]))

    # -- reads ----------------------------------------------------------------------------

    def refs(self) -> set[str]:
        with self.guard():
            return {r[0] for r in self.conn.execute("SELECT ref FROM handoffs WHERE ref IS NOT NULL")}

    def open_handoffs(self) -> list[sqlite3.Row]:
        with self.guard():
            return self.conn.execute("SELECT * FROM handoffs WHERE outcome IS NULL ORDER BY sent, id").fetchall()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self.guard():
            return self.conn.execute(sql, params).fetchall()
