"""`drafter ledger import`: forgiving about headers and dates, strict and all-or-nothing about bad rows."""

from __future__ import annotations

import json

import pytest

from drafter.ledger.store import Ledger


def _rows(tmp_path):
    with Ledger(tmp_path / "ledger.db") as ledger:
        return [dict(r) for r in ledger.query("SELECT * FROM handoffs ORDER BY id")]


def test_history_is_read_with_its_own_header_names_and_date_forms(run, fixtures, tmp_path):
    r = run("ledger", "import", fixtures / "ledger" / "history.csv")
    assert r.exit_code == 0, r.stderr
    rows = {row["ref"]: row for row in _rows(tmp_path)}
    assert len(rows) == 8
    h2 = rows["H2"]  # "03/06/2025", "Mon 10 Mar 2025", "partner sourced", "16/18", "3 business days"
    assert (h2["sent"], h2["responded"], h2["outcome"]) == ("2025-03-06", "2025-03-10", "accepted")
    assert (h2["classification"], h2["scorecard_total"], h2["window_days"], h2["verdict"]) == (
        "partner-sourced", 16, 3, "ready")
    h3 = rows["H3"]
    assert json.loads(h3["failure_modes"]) == ["no_owner", "no_evidence"]
    assert (h3["reason"], h3["verdict"], h3["seller"]) == ("no owner named", "keep_building", "Blair")
    assert rows["H4"]["responded"] == "2025-03-04"  # from an ISO timestamp
    assert rows["H6"]["outcome"] is None  # "pending"
    assert rows["H7"]["window_days"] == 2  # from the owner text
    assert rows["H7"]["sent"] == "2025-03-04"  # "Mar 4, 2025"
    assert all(row["source"] == "import" for row in rows.values())


def test_unknown_columns_are_reported(run, tmp_path):
    (tmp_path / "h.csv").write_text("sent,outcome,colour\n2025-03-03,accepted,blue\n")
    r = run("ledger", "import", "h.csv")
    assert r.exit_code == 0
    assert "ignored columns: colour" in r.stderr
    assert _rows(tmp_path)[0]["outcome"] == "accepted"


@pytest.mark.parametrize(("line", "problem"), [
    ("H9,Acme,Meridian,2025-03-03,2025-03-04,maybe,80", "outcome 'maybe' is not accepted or declined"),
    ("H9,Acme,Meridian,someday,,,80", "'someday' is not a date (use YYYY-MM-DD)"),
    ("H9,Acme,Meridian,2025-03-05,2025-03-04,declined,80",
     "response date 2025-03-04 is before the send date 2025-03-05"),
    ("H9,Acme,Meridian,2025-03-03,2025-03-04,,80",
     "has a response date (2025-03-04) but no outcome (accepted or declined)"),
    ("H9,Acme,Meridian,2025-03-03,,,180", "score '180' is not a whole number from 0 to 100"),
    ("H1,Acme,Meridian,2025-03-03,,,80", "handoff id 'H1' is already in the ledger or earlier in the file"),
    ("H9,Acme,Meridian,2025-03-03,,", "has 6 columns, the header has 7"),
])
def test_a_bad_row_stops_the_whole_import(run, tmp_path, line, problem):
    """All or nothing: the good rows before the bad one are not written either."""
    header = "id,account,partner,sent,responded,outcome,score"
    (tmp_path / "h.csv").write_text(f"{header}\nH1,Northwind,Meridian,2025-03-03,2025-03-05,accepted,90\n{line}\n")
    r = run("ledger", "import", "h.csv")
    assert r.exit_code == 2
    assert r.stderr == f"drafter: h.csv, row 3: {problem}\n"
    assert _rows(tmp_path) == []


def test_importing_the_same_file_twice_is_refused(run, fixtures, tmp_path):
    assert run("ledger", "import", fixtures / "ledger" / "history.csv").exit_code == 0
    r = run("ledger", "import", fixtures / "ledger" / "history.csv")
    assert r.exit_code == 2 and "row 2: handoff id 'H1' is already in the ledger" in r.stderr
    assert len(_rows(tmp_path)) == 8


def test_a_file_without_a_send_date_column(run, tmp_path):
    (tmp_path / "h.csv").write_text("account,outcome\nAcme,accepted\n")
    r = run("ledger", "import", "h.csv")
    assert r.exit_code == 2
    assert r.stderr.startswith("drafter: h.csv, row 1: has no column for the send date")


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.csv", None, "no such file"),
    ("empty.csv", b"", "file is empty"),
    ("binary.csv", b"\x00\x01\x02sent", "looks like a binary file"),
    ("header-only.csv", b"sent,outcome\n", "holds no handoffs"),
])
def test_unreadable_files(run, tmp_path, name, content, problem):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    r = run("ledger", "import", name)
    assert r.exit_code == 2 and r.stderr.startswith(f"drafter: {name}") and problem in r.stderr


def test_dayfirst(run, tmp_path):
    (tmp_path / "h.csv").write_text("sent,responded,outcome\n03/05/2025,04/05/2025,accepted\n")
    assert run("ledger", "import", "h.csv", "--dayfirst").exit_code == 0
    row = _rows(tmp_path)[0]
    assert (row["sent"], row["responded"]) == ("2025-05-03", "2025-05-04")
