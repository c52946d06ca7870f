"""`drafter review` on a real terminal: the CLI spawned in a pty and driven with single keys."""

from __future__ import annotations

import json
import os
import shlex
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

CMD = [sys.executable, "-c", "from drafter.cli import main; main()"]
PROMPT = "[a] accept  [e] edit  [r] reject  [q] quit > "
EDITOR_SCRIPT = "import os, sys\nopen(sys.argv[1], 'w').write(os.environ['FAKE_EDIT'] + '\\n')\n"


@pytest.fixture
def packet(run, fixtures, tmp_path):
    assert run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.json").exit_code == 0
    return tmp_path / "p.json"


def _spawn(tmp_path, *args: str, **env: str):
    base = {k: v for k, v in os.environ.items() if k not in ("EDITOR", "VISUAL", "DRAFTER_REVIEWER")}
    child = pexpect.spawn(CMD[0], [*CMD[1:], *args], cwd=str(tmp_path), env={**base, "TERM": "xterm", **env},
                          dimensions=(50, 140), encoding="utf-8", timeout=20)
    return child


def _key(child, key: str, then: str) -> None:
    child.expect_exact(PROMPT)
    child.send(key)
    child.expect_exact(then)


def _data(path) -> dict:
    return json.loads(path.read_text())


def test_single_keys_two_sittings_and_editor(packet, tmp_path):
    (tmp_path / "fake_editor.py").write_text(EDITOR_SCRIPT)
    editor = f"{shlex.quote(sys.executable)} {shlex.quote(str(tmp_path / 'fake_editor.py'))}"

    child = _spawn(tmp_path, "review", "p.json", "--reviewer", "Ana Ruiz",
                   EDITOR=editor, FAKE_EDIT="Meridian Cloud Consulting. Dana Reyes, alliances lead (EMEA).")
    child.expect_exact("1/11  1. Account and opportunity")
    child.expect_exact("Northwind Logistics.")
    _key(child, "x", "press a, e, r or q")          # an unknown key changes nothing
    child.send("a")
    child.expect_exact("account: confirmed (saved)")
    _key(child, "e", "partner: edited (saved)")
    _key(child, "q", "2 decisions saved this session; 9 fields still to review")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = _data(packet)
    assert [(d["field"], d["action"]) for d in data["history"]] == [("account", "accept"), ("partner", "edit")]
    assert data["fields"]["partner"]["value"] == "Meridian Cloud Consulting. Dana Reyes, alliances lead (EMEA)."

    # second sitting resumes at field 3; an inline edit (no EDITOR), a reject, then the rest accepted
    child = _spawn(tmp_path, "review", "p.json", "--reviewer", "Sam Patel")
    child.expect_exact("1/9  3. Why this partner matters")
    _key(child, "r", "why_partner: rejected (saved)")
    child.expect_exact(PROMPT)
    child.send("e")
    child.expect_exact("new text (empty keeps the field as it was): ")
    child.send("\x15" + "At the Q1 review, the ops director asked to automate invoice reconciliation.\r")
    child.expect_exact("trigger: edited (saved)")
    for fid in ("value_prop", "warm_path", "seller_move", "partner_move", "conflict", "evidence", "owner"):
        _key(child, "a", f"{fid}: confirmed (saved)")
    child.expect_exact("every field decided")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    fields = _data(packet)["fields"]
    assert fields["why_partner"]["status"] == "rejected"
    assert fields["trigger"]["value"] == "At the Q1 review, the ops director asked to automate invoice reconciliation."
    assert fields["trigger"]["decided_by"] == "Sam Patel" and fields["account"]["decided_by"] == "Ana Ruiz"


def test_ctrl_c_keeps_every_decision_made(packet, tmp_path):
    child = _spawn(tmp_path, "review", "p.json", "--reviewer", "Ana")
    _key(child, "a", "account: confirmed (saved)")
    _key(child, "r", "partner: rejected (saved)")
    child.expect_exact(PROMPT)
    child.send("\x03")
    child.expect_exact("2 decisions saved this session; 9 fields still to review")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in child.before
    assert [d["field"] for d in _data(packet)["history"]] == ["account", "partner"]


def test_missing_field_offers_write_or_reject(tmp_path):
    from drafter.packet import Packet

    (tmp_path / "p.json").write_text(Packet.from_values({"account": "Northwind"}).model_dump_json())
    child = _spawn(tmp_path, "review", "p.json", "--reviewer", "Ana", "--field", "partner")
    child.expect_exact("[e] write it  [r] reject (leave it empty)  [q] quit > ")
    child.send("a")
    child.expect_exact("nothing to accept: press e to write it, or r to leave it empty")
    child.send("r")
    child.expect_exact("partner: rejected (saved)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert _data(tmp_path / "p.json")["fields"]["partner"]["status"] == "rejected"


def test_ctrl_d_stops_like_quit(packet, tmp_path):
    child = _spawn(tmp_path, "review", "p.json", "--reviewer", "Ana")
    _key(child, "a", "account: confirmed (saved)")
    child.expect_exact(PROMPT)
    child.send("\x04")
    child.expect_exact("1 decision saved this session; 10 fields still to review")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in child.before
