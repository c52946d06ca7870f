"""The ledger file: migrations, refusing files that are not ours, and concurrent writers."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from drafter.errors import InputError
from drafter.ledger import migrations
from drafter.ledger.record import Handoff
from drafter.ledger.store import Ledger


def _columns(path, table="handoffs"):
    with sqlite3.connect(path) as conn:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def test_new_ledger_is_migrated_and_in_wal_mode(tmp_path):
    db = tmp_path / "new.db"
    with Ledger(db) as ledger:
        names = migrations.applied(ledger.conn)
        assert names == [fn.__name__ for fn in migrations.MIGRATIONS]
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ledger.conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
        assert ledger.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_old_database_is_migrated_without_loss(tmp_path, fixtures):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript((fixtures / "ledger" / "ledger-m001.sql").read_text())
    conn.close()
    assert "scorecard_total" not in _columns(db)
    with Ledger(db) as ledger:
        assert migrations.applied(ledger.conn) == [fn.__name__ for fn in migrations.MIGRATIONS]
        rows = ledger.query("SELECT * FROM handoffs ORDER BY id")
        # The two old rows, untouched, with the new columns at their defaults.
        assert [(r["account"], r["outcome"], r["score"], r["source"], r["scorecard_total"]) for r in rows] == [
            ("Northwind Logistics", "accepted", 92, "add", None), ("Harbor Freight", None, 31, "add", None)]
        assert json.loads(rows[1]["failure_modes"]) == ["vague_partner", "no_owner"]
        # The new schema works on the old data: answer the open one, add another.
        ledger.respond("2", "declined", date(2025, 1, 9), "no named owner")
        new_id = ledger.add(Handoff(sent=date(2025, 1, 10), seller="Alex Kim", scorecard_total=17, score=94))
        assert new_id == 3
        assert ledger.query("SELECT kind FROM events WHERE handoff_id = 2")[0]["kind"] == "responded"
    # Opening again applies nothing twice.
    with Ledger(db) as ledger:
        assert len(migrations.applied(ledger.conn)) == len(migrations.MIGRATIONS)


def test_migrate_stops_at_a_named_migration(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrations.migrate(conn, upto="m001_handoffs") == ["m001_handoffs"]
    assert [fn.__name__ for fn in migrations.pending(conn)] == [fn.__name__ for fn in migrations.MIGRATIONS[1:]]
    conn.close()


@pytest.mark.parametrize(("content", "message"), [
    (b"precious spreadsheet notes, not a database\n" * 50, "is not a SQLite database, so not a drafter ledger"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "is not a usable drafter ledger"),
])
def test_corrupt_file_is_refused_and_left_alone(run, tmp_path, content, message):
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    r = run("ledger", "list", "--db", db)
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and message in r.stderr and str(db) in r.stderr
    assert db.read_bytes() == content


def test_foreign_sqlite_database_is_refused(run, tmp_path):
    db = tmp_path / "crm.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO contacts (name) VALUES ('Dana')")
    conn.close()
    before = db.read_bytes()
    r = run("ledger", "metrics", "--db", db)
    assert r.exit_code == 2
    assert r.stderr.strip() == (f"drafter: {db}: is a SQLite database but not a drafter ledger (tables: contacts); "
                                "choose another file with --db")
    assert db.read_bytes() == before
    with pytest.raises(InputError):
        Ledger(db)


def test_ledger_from_a_newer_drafter_is_refused(tmp_path):
    db = tmp_path / "future.db"
    Ledger(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO _drafter_migrations VALUES ('m999_future', '2030-01-01')")
    conn.close()
    with pytest.raises(InputError, match="written by a newer drafter"):
        Ledger(db)


def test_folder_and_missing_parent(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        Ledger(tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        Ledger(tmp_path / "no" / "such" / "ledger.db")


def test_db_option_and_env(run, tmp_path, fixtures, monkeypatch):
    packet = fixtures / "packets" / "northwind-logistics.md"
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "env.db"))
    assert run("ledger", "add", packet, "--seller", "Alex", "--sent", "2025-03-03").exit_code == 0
    assert run("ledger", "add", packet, "--seller", "Alex", "--db", "opt.db", "--sent", "2025-03-03").exit_code == 0
    for name in ("env.db", "opt.db"):
        with Ledger(tmp_path / name) as ledger:
            assert ledger.query("SELECT count(*) AS n FROM handoffs")[0]["n"] == 1


def test_default_file_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DRAFTER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform != "linux":
        pytest.skip("XDG_DATA_HOME is how platformdirs is pointed elsewhere on Linux")
    with Ledger() as ledger:
        assert ledger.path == tmp_path / "data" / "drafter" / "ledger.db"
    assert (tmp_path / "data" / "drafter" / "ledger.db").is_file()


def test_twenty_concurrent_adds_leave_twenty_rows(tmp_path, fixtures):
    """Twenty real processes log a handoff into one new ledger at the same moment."""
    db = tmp_path / "busy.db"
    packet = fixtures / "packets" / "northwind-logistics.md"
    env = {**os.environ, "DRAFTER_DB": str(db), "DRAFTER_DEBUG": ""}
    cmd = [sys.executable, "-c", "from drafter.cli import main; main()", "ledger", "add", str(packet), "--sent",
           "2025-03-03", "--seller"]
    procs = [subprocess.Popen([*cmd, f"Seller {i}"], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for i in range(20)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _, _ in results] == [0] * 20, [err for _, _, err in results if err]
    ids = sorted(int(out.strip()) for _, out, _ in results)
    assert ids == list(range(1, 21))
    with Ledger(db) as ledger:
        rows = ledger.query("SELECT seller FROM handoffs")
        assert sorted(r["seller"] for r in rows) == sorted(f"Seller {i}" for i in range(20))
        assert ledger.query("SELECT count(*) AS n FROM events WHERE kind = 'added'")[0]["n"] == 20
