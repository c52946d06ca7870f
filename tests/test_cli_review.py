"""`drafter review` driven as scripts drive it: one decision per line on stdin."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from drafter.errors import DrafterError
from drafter.fields import FIELD_IDS
from drafter.packet import Evidence, Packet, Source


def _json(path) -> dict:
    return json.loads(path.read_text())


@pytest.fixture
def northwind(run, fixtures, tmp_path):
    assert run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.json").exit_code == 0
    return tmp_path / "p.json"


def test_two_sittings_lose_nothing(run, northwind):
    decisions = "accept\nedit: Meridian. Dana Reyes, alliances lead\nquit\n"
    r = run("review", "p.json", "--reviewer", "Ana Ruiz", input=decisions)
    assert r.exit_code == 0, r.stderr
    assert "2 decisions saved this session; 9 fields still to review" in r.stderr
    data = _json(northwind)
    assert [d["field"] for d in data["history"]] == ["account", "partner"]
    assert data["fields"]["account"]["status"] == "confirmed"
    assert data["fields"]["partner"].items() >= {"status": "edited", "value": "Meridian. Dana Reyes, alliances lead",
                                                 "decided_by": "Ana Ruiz"}.items()
    assert data["fields"]["why_partner"]["status"] == "proposed"

    # second sitting starts at the first undecided field, by another reviewer
    r = run("review", "p.json", "--reviewer", "Sam Patel", input="accept\n" * 9)
    assert r.exit_code == 0, r.stderr
    assert "1/9  3. Why this partner matters" in r.stdout
    assert "Account and opportunity" not in r.stdout
    data = _json(northwind)
    assert [d["field"] for d in data["history"]] == list(FIELD_IDS)
    assert {d["reviewer"] for d in data["history"][2:]} == {"Sam Patel"}
    assert data["fields"]["partner"]["value"] == "Meridian. Dana Reyes, alliances lead"
    assert "every field decided (10 confirmed, 1 edited)" in r.stderr

    r = run("review", "p.json", "--reviewer", "Sam Patel", input="")
    assert r.exit_code == 0 and "nothing to review" in r.stderr


def test_unknown_line_is_one_error_and_keeps_earlier_decisions(run, northwind):
    r = run("review", "p.json", "--reviewer", "Ana", input="accept\nreject\nyes please\naccept\n")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [
        "drafter: stdin, line 3: unknown decision 'yes please' (expected accept, reject, edit: NEW TEXT or quit); "
        "2 earlier decisions saved"]
    data = _json(northwind)
    assert [d["field"] for d in data["history"]] == ["account", "partner"]
    assert data["fields"]["partner"]["status"] == "rejected" and data["fields"]["partner"]["value"] is None
    assert data["fields"]["why_partner"]["status"] == "proposed"


def test_missing_field_must_be_written_or_rejected(run, tmp_path):
    (tmp_path / "p.json").write_text(Packet.from_values({"account": "Northwind"}).model_dump_json())
    r = run("review", "p.json", "--reviewer", "Ana", input="accept\naccept\n")
    assert r.exit_code == 2
    assert "stdin, line 2: partner has no value to accept: edit it to supply text, or reject it" in r.stderr
    assert "(no value: the notes did not support this field)" in r.stdout
    r = run("review", "p.json", "--reviewer", "Ana", input="edit: Dana Reyes, Meridian alliances lead\nreject\nq\n")
    assert r.exit_code == 0
    fields = _json(tmp_path / "p.json")["fields"]
    assert fields["partner"]["status"] == "edited" and fields["why_partner"]["status"] == "rejected"
    assert fields["why_partner"]["value"] is None


def test_reviewer_is_required_and_can_come_from_the_environment(run, northwind, monkeypatch):
    monkeypatch.delenv("DRAFTER_REVIEWER", raising=False)
    r = run("review", "p.json", input="accept\n")
    assert r.exit_code == 2 and "a reviewer name is required" in r.stderr
    assert _json(northwind)["history"] == []
    monkeypatch.setenv("DRAFTER_REVIEWER", "Dana from env")
    assert run("review", "p.json", input="accept\n").exit_code == 0
    assert _json(northwind)["fields"]["account"]["decided_by"] == "Dana from env"


def test_markdown_packet_is_refused_with_the_way_forward(run, fixtures, tmp_path):
    (tmp_path / "p.md").write_text((fixtures / "packets" / "northwind-logistics.md").read_text())
    r = run("review", "p.md", "--reviewer", "Ana", input="accept\n")
    assert r.exit_code == 2
    assert "p.md: review saves each decision into the packet, which needs a .json file" in r.stderr
    assert "drafter convert p.md -o p.json" in r.stderr


def test_bad_packet_files(run, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    r = run("review", "bad.json", "--reviewer", "Ana", input="accept\n")
    assert r.exit_code == 2 and r.stderr.startswith("drafter: bad.json: not valid JSON")
    assert (tmp_path / "bad.json").read_text() == "{not json"
    r = run("review", "nope.json", "--reviewer", "Ana", input="")
    assert r.exit_code == 2 and "nope.json: no such file" in r.stderr


def test_revisit_a_rejected_field(run, northwind):
    run("review", "p.json", "--reviewer", "Ana", input="reject\n" + "accept\n" * 10)
    r = run("review", "p.json", "--reviewer", "Ana", input="")
    assert "nothing to review" in r.stderr
    r = run("review", "p.json", "--reviewer", "Ana", "--field", "Account and opportunity", input="edit: Northwind\n")
    assert r.exit_code == 0 and "ready for `drafter export p.json --format md`" in r.stderr
    assert _json(northwind)["fields"]["account"]["value"] == "Northwind"
    assert run("review", "p.json", "--reviewer", "Ana", "--field", "budget").exit_code == 2


def test_hand_edited_field_comes_back_for_review(run, northwind):
    run("review", "p.json", "--reviewer", "Ana", input="accept\n" * 11)
    data = _json(northwind)
    data["fields"]["owner"]["value"] = "the partner team"
    northwind.write_text(json.dumps(data))
    r = run("review", "p.json", "--reviewer", "Ana", input="reject\n")
    assert "1/1  11. Owner and due date" in r.stdout and "the partner team" in r.stdout
    assert _json(northwind)["fields"]["owner"]["status"] == "rejected"


def test_evidence_shown_in_context_with_speaker_and_time(run, tmp_path):
    notes = ("Meridian QBR, 11 Feb\nDana Reyes: we met the ops team last week.\n"
             "Ops director: can you automate carrier invoice reconciliation?\nDana Reyes: we can scope it.\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "qbr.txt").write_text(notes)
    quote = "can you automate carrier invoice reconciliation?"
    start = notes.index(quote)
    ev = Evidence(source="notes/qbr.txt", quote=quote, start=start, end=start + len(quote),
                  speaker="Ops director", time="00:07:15")
    p = Packet(fields={"trigger": {"value": "Automate carrier invoice reconciliation", "evidence": [ev]}},
               sources=[Source(path="notes/qbr.txt", kind="txt", sha256=hashlib.sha256(notes.encode()).hexdigest())])
    (tmp_path / "p.json").write_text(p.model_dump_json())
    r = run("review", "p.json", "--reviewer", "Ana", "--field", "trigger", input="quit\n")
    out = " ".join(r.stdout.split())
    assert "Evidence 1: notes/qbr.txt, line 3, chars" in out
    assert "speaker: Ops director · at 00:07:15" in out
    assert f"Dana Reyes: we met the ops team last week. Ops director: »{quote}« Dana Reyes: we can scope it." in out


def test_card_shows_the_rubrics_findings_for_the_field(run, tmp_path):
    from drafter.rubric import grade

    p = Packet.from_values({"account": "a large retailer", "owner": "the partner team", "seller_move": "follow up"})
    (tmp_path / "p.json").write_text(p.model_dump_json())
    expected = [f for f in grade(p).findings if f.field == "account"]
    assert expected, "the rubric should find something wrong with a generic account"
    r = run("review", "p.json", "--reviewer", "Ana", input="quit\n")
    out = " ".join(r.stdout.split())
    for f in expected:
        assert " ".join(f"{f.id}: {f.message}".split()) in out
        if f.fix:
            assert "fix: " + " ".join(f.fix.split()) in out


def _spawn_piped(path, reviewer="Ana"):
    env = {**os.environ, "DRAFTER_DEBUG": "", "COLUMNS": "120"}
    return subprocess.Popen([sys.executable, "-c", "from drafter.cli import main; main()", "review", str(path),
                             "--reviewer", reviewer], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)


def _wait_for(pred, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def _decided(path) -> int:
    try:
        return len(_json(path)["history"])
    except (OSError, ValueError):
        return -1


@pytest.mark.parametrize("how", ["crash", "interrupt"])
def test_crash_or_ctrl_c_mid_review_loses_no_saved_decision(northwind, how):
    proc = _spawn_piped(northwind)
    proc.stdin.write("accept\nedit: Dana Reyes, alliances lead\nreject\n")
    proc.stdin.flush()
    assert _wait_for(lambda: _decided(northwind) == 3)
    proc.send_signal(signal.SIGKILL if how == "crash" else signal.SIGINT)
    # wait with stdin still open: closing it first (as communicate() does) would race the signal with an EOF
    proc.wait(timeout=20)
    err = proc.stderr.read()
    proc.stdin.close()
    proc.stderr.close()
    if how == "interrupt":
        assert proc.returncode == 130
        assert "3 decisions saved this session; 8 fields still to review" in err
        assert "Traceback" not in err
    data = _json(northwind)
    assert [(d["field"], d["action"]) for d in data["history"]] == [
        ("account", "accept"), ("partner", "edit"), ("why_partner", "reject")]
    assert data["fields"]["trigger"]["status"] == "proposed"
    assert not [p for p in northwind.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_changed_during_review_is_not_overwritten(northwind, monkeypatch):
    from drafter.review_loop import ReviewSession

    session = ReviewSession(northwind, "Ana")
    session.decide("account", "accept")
    data = _json(northwind)
    data["fields"]["owner"]["value"] = "Changed in another window"
    northwind.write_text(json.dumps(data))
    with pytest.raises(DrafterError, match="changed on disk during this review; the decision on partner was not saved"):
        session.decide("partner", "accept")
    after = _json(northwind)
    assert after["fields"]["owner"]["value"] == "Changed in another window"
    assert [d["field"] for d in after["history"]] == ["account"]
