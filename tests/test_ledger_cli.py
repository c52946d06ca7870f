"""`drafter ledger add`, `respond` and `list` end to end, and how a packet becomes a ledger row."""

from __future__ import annotations

import json
import sys
import types
from types import SimpleNamespace

import pytest

from drafter.ledger.record import evidence_link, leading_name, split_partner
from drafter.ledger.store import Ledger

NORTHWIND = "packets/northwind-logistics.md"


def _row(tmp_path, hid):
    with Ledger(tmp_path / "ledger.db") as ledger:
        return dict(ledger.find(str(hid)))


@pytest.fixture
def fake_rubric(monkeypatch):
    """A stand-in drafter.rubric with the documented grade() API, so the ledger's use of it is checked."""
    calls = []

    def grade(packet, rubric=None, priority=None, name=None):
        calls.append(packet)
        return SimpleNamespace(packet=name, score=61, verdict="keep_building",
                               failure_modes=["no_evidence"], scorecard=SimpleNamespace(total=12))

    module = types.ModuleType("drafter.rubric")
    module.grade = grade
    module.load_rubric = module.load_priority_list = lambda path: pytest.fail("not asked for")
    monkeypatch.setitem(sys.modules, "drafter.rubric", module)
    return calls


def test_add_records_the_packet_and_prints_the_id(run, fixtures, tmp_path, fake_rubric):
    r = run("ledger", "add", fixtures / NORTHWIND, "--seller", "Alex Kim", "--sent", "2025-03-03")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "1\n"
    assert "logged handoff 1: Northwind Logistics to Alex Kim" in r.stderr
    row = _row(tmp_path, 1)
    assert (row["account"], row["partner"], row["contact"]) == (
        "Northwind Logistics", "Meridian Cloud Consulting", "Dana Reyes, alliances lead")
    assert (row["classification"], row["seller"], row["sent"]) == ("partner-influenced", "Alex Kim", "2025-03-03")
    assert row["window_days"] == 3  # "AE response window: three business days."
    assert row["evidence"] == "Quarterly review notes and the migration case study, linked in the packet."
    assert row["owner"].startswith("Sam Patel (partner marketing) owns the handoff")
    assert row["packet"] == "northwind-logistics"
    # What the rubric said at send time.
    assert len(fake_rubric) == 1
    assert (row["verdict"], row["score"], row["scorecard_total"]) == ("keep_building", 61, 12)
    assert json.loads(row["failure_modes"]) == ["no_evidence"]
    assert run("ledger", "add", fixtures / NORTHWIND, "--seller", "Blair").stdout == "2\n"


def test_add_with_the_real_rubric(run, fixtures, tmp_path):
    rubric = pytest.importorskip("drafter.rubric")
    from drafter.formats import read_packet

    for i, name in enumerate(("northwind-logistics.md", "harbor-freight-vague.md"), start=1):
        assert run("ledger", "add", fixtures / "packets" / name, "--seller", "Alex").exit_code == 0
        g = rubric.grade(read_packet(fixtures / "packets" / name))
        row = _row(tmp_path, i)
        assert (row["verdict"], row["score"], row["scorecard_total"]) == (g.verdict, g.score, g.scorecard.total)
        assert json.loads(row["failure_modes"]) == list(g.failure_modes)


def test_add_grades_against_the_priority_list(run, fixtures, tmp_path):
    """The account on the seller's priority list by name is a gate: the ledger keeps the grade the seller saw."""
    rubric = pytest.importorskip("drafter.rubric")
    from drafter.formats import read_packet

    (tmp_path / "priority.csv").write_text("account,seller\nNorthwind Logistics,Alex Kim\n")
    packet = fixtures / NORTHWIND
    assert run("ledger", "add", packet, "--seller", "Alex Kim", "--priority-list", "priority.csv").exit_code == 0
    assert run("ledger", "add", packet, "--seller", "Alex Kim").exit_code == 0
    with_list = rubric.grade(read_packet(packet), None, rubric.load_priority_list(str(tmp_path / "priority.csv")))
    without = rubric.grade(read_packet(packet))
    assert with_list.score != without.score  # the list matters, so the check below can fail
    assert (_row(tmp_path, 1)["score"], _row(tmp_path, 1)["verdict"]) == (with_list.score, with_list.verdict)
    assert (_row(tmp_path, 2)["score"], _row(tmp_path, 2)["verdict"]) == (without.score, without.verdict)
    r = run("ledger", "add", packet, "--seller", "Alex Kim", "--priority-list", "missing.csv")
    assert r.exit_code == 2 and "missing.csv" in r.stderr


def test_add_from_json_with_a_link_and_overrides(run, tmp_path, fake_rubric):
    packet = {"id": "acme-1", "classification": "partner-sourced", "fields": {
        "account": "Acme Corp. New logo, on Alex's priority list.",
        "partner": "Dana Reyes (alliances lead) at Meridian Cloud Consulting",
        "evidence": "QBR notes: https://wiki.example.com/qbr/acme-2025. Case study attached.",
        "owner": "Priya Shah; AE answers within 2 days"}}
    (tmp_path / "acme.json").write_text(json.dumps(packet))
    r = run("ledger", "add", "acme.json", "--seller", "Alex", "--sent", "5 Mar 2025", "--window", "4",
            "--partner", "Meridian")
    assert r.exit_code == 0, r.stderr
    row = _row(tmp_path, 1)
    assert (row["packet"], row["classification"], row["account"]) == ("acme-1", "partner-sourced", "Acme Corp")
    assert (row["partner"], row["contact"]) == ("Meridian", "Dana Reyes (alliances lead)")
    assert row["evidence"] == "https://wiki.example.com/qbr/acme-2025"
    assert (row["sent"], row["window_days"]) == ("2025-03-05", 4)


def test_add_bad_input(run, fixtures, tmp_path):
    r = run("ledger", "add", "nope.json", "--seller", "Alex")
    assert r.exit_code == 2 and r.stderr == "drafter: nope.json: no such file\n"
    r = run("ledger", "add", fixtures / NORTHWIND, "--seller", "Alex", "--sent", "31/02/2025")
    assert r.exit_code == 2 and r.stderr.startswith("drafter: --sent: '31/02/2025' is not a valid date")
    r = run("ledger", "add", fixtures / NORTHWIND, "--seller", " ")
    assert r.exit_code == 2 and "--seller needs a name" in r.stderr
    assert not (tmp_path / "ledger.db").exists() or run("ledger", "list", "--json").stdout.strip() == "[]"


def test_respond(run, fixtures, tmp_path):
    for _ in range(2):
        run("ledger", "add", fixtures / NORTHWIND, "--seller", "Alex", "--sent", "2025-03-07")
    # Sent Fri 7 March, accepted Tue 11 March: Mon + Tue = 2 business days.
    r = run("ledger", "respond", "1", "--accepted", "--on", "2025-03-11")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "handoff 1 accepted on 2025-03-11, 2 business days after it was sent\n"
    r = run("ledger", "respond", "2", "--declined", "--on", "2025-03-10", "--reason", "already in touch with Dana")
    assert r.stdout == "handoff 2 declined on 2025-03-10, 1 business day after it was sent\n"
    row = _row(tmp_path, 2)
    assert (row["outcome"], row["responded"], row["reason"]) == ("declined", "2025-03-10", "already in touch with Dana")


def test_a_second_answer_needs_force_and_is_kept(run, fixtures, tmp_path):
    run("ledger", "add", fixtures / NORTHWIND, "--seller", "Alex", "--sent", "2025-03-03")
    run("ledger", "respond", "1", "--declined", "--on", "2025-03-04")
    r = run("ledger", "respond", "1", "--accepted", "--on", "2025-03-05")
    assert r.exit_code == 2
    assert "handoff 1 was already declined on 2025-03-04 (use --force to change it)" in r.stderr
    assert _row(tmp_path, 1)["outcome"] == "declined"
    assert run("ledger", "respond", "1", "--accepted", "--on", "2025-03-05", "--force").exit_code == 0
    assert _row(tmp_path, 1)["outcome"] == "accepted"
    with Ledger(tmp_path / "ledger.db") as ledger:
        history = [json.loads(e["detail"]) for e in ledger.query(
            "SELECT detail FROM events WHERE kind = 'responded' ORDER BY id")]
    assert [(h["outcome"], h["before"]) for h in history] == [("declined", None), ("accepted", "declined")]


@pytest.mark.parametrize(("args", "problem"), [
    (("1",), "say either --accepted or --declined"),
    (("1", "--accepted", "--declined"), "say either --accepted or --declined"),
    (("9", "--accepted"), "no handoff with id 9"),
    (("1", "--accepted", "--on", "2025-03-02"), "handoff 1 was sent on 2025-03-03, after 2025-03-02"),
])
def test_respond_errors(run, fixtures, args, problem):
    run("ledger", "add", fixtures / NORTHWIND, "--seller", "Alex", "--sent", "2025-03-03")
    r = run("ledger", "respond", *args)
    assert r.exit_code == 2 and problem in r.stderr and r.stderr.count("\n") == 1


def test_respond_by_imported_id(run, fixtures, tmp_path):
    run("ledger", "import", fixtures / "ledger" / "history.csv")
    r = run("ledger", "respond", "H6", "--accepted", "--on", "2025-03-13")
    assert r.exit_code == 0 and r.stdout.startswith("handoff 6 accepted on 2025-03-13, 1 business day")


def test_list_open_and_overdue(run, fixtures):
    run("ledger", "import", fixtures / "ledger" / "history.csv")
    items = json.loads(run("ledger", "list", "--json", "--as-of", "2025-03-14").stdout)
    # Open: H8 (sent 25 Feb), H5 (10 Mar), H6 (12 Mar), oldest first.
    assert [i["ref"] for i in items] == ["H8", "H5", "H6"]
    h8, h5, h6 = items
    # H8: default window 3 from Tue 25 Feb is Fri 28 Feb; 13 business days open, 10 past the window.
    assert (h8["due"], h8["window_from"], h8["business_days_open"], h8["overdue_business_days"]) == (
        "2025-02-28", "default", 13, 10)
    # H5: Mon 10 Mar + 3 = Thu 13; on Fri 14 it is one day late. H6: Wed 12 + 5 = Wed 19.
    assert (h5["due"], h5["overdue_business_days"]) == ("2025-03-13", 1)
    assert (h6["due"], h6["overdue_business_days"]) == ("2025-03-19", 0)
    late = json.loads(run("ledger", "list", "--overdue", "--json", "--as-of", "2025-03-14").stdout)
    assert [i["ref"] for i in late] == ["H8", "H5"]
    text = run("ledger", "list", "--overdue", "--as-of", "2025-03-14").stdout
    assert "Overdue handoffs (2)" in text and "Proseware" in text and "Adventure" not in text


def test_list_when_nothing_is_open(run):
    assert run("ledger", "list").stdout == "no open handoffs\n"
    assert run("ledger", "list", "--overdue").stdout == "no overdue handoffs\n"


MERIDIAN_DANA = ("Meridian Cloud Consulting", "Dana Reyes, alliances lead")


@pytest.mark.parametrize(("text", "expected"), [
    ("Meridian Cloud Consulting. Dana Reyes, alliances lead.", MERIDIAN_DANA),
    ("Meridian Cloud Consulting (Dana Reyes, alliances lead)", MERIDIAN_DANA),
    ("Meridian \u2014 Dana Reyes, alliances lead", ("Meridian", "Dana Reyes, alliances lead")),
    ("Dana Reyes, alliances lead at Meridian Cloud", ("Meridian Cloud", "Dana Reyes, alliances lead")),
    ("Acme Inc. Jo Park, CTO.", ("Acme Inc", "Jo Park, CTO")),
    ("Meridian is interested", ("Meridian is interested", None)),
    ("", (None, None)),
])
def test_split_partner(text, expected):
    assert split_partner(text) == expected


def test_leading_name_and_evidence_link():
    assert leading_name("Northwind Logistics. Open expansion opportunity, stage two.") == "Northwind Logistics"
    assert leading_name("Harbor Freight - renewal") == "Harbor Freight"
    assert evidence_link("Notes (https://docs.example.com/a?b=1), and more") == "https://docs.example.com/a?b=1"
    assert evidence_link("QBR record, 12 Feb") == "QBR record, 12 Feb"
    assert evidence_link(None) is None
