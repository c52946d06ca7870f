"""`drafter grade` through the real entry point."""

from __future__ import annotations

import json

SPEC_KEYS = {"packet", "score", "verdict", "failure_modes", "signals", "gates", "scorecard", "fields"}


def test_json_is_the_spec_shape(run, fixtures):
    paths = [fixtures / "packets" / "northwind-logistics.md", fixtures / "packets" / "harbor-freight-vague.md"]
    r = run("grade", "--json", *paths)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["packet"] for d in data] == [str(p) for p in paths]
    for d in data:
        assert set(d) == SPEC_KEYS
        assert set(d["scorecard"]) == {"components", "total"}
        assert len(d["scorecard"]["components"]) == 9 and len(d["gates"]) == 5 and len(d["fields"]) == 11
        assert all(set(f) == {"score", "findings"} and 0 <= f["score"] <= 1 for f in d["fields"].values())
    assert data[0]["verdict"] == "ready" and data[1]["verdict"] == "keep_building"
    assert "no_owner" in data[1]["failure_modes"]
    assert any("Fix:" in x for x in data[1]["fields"]["owner"]["findings"])


def test_one_packet_prints_a_scorecard(run, fixtures):
    r = run("grade", fixtures / "packets" / "harbor-freight-vague.md")
    assert r.exit_code == 0
    for text in ("KEEP BUILDING", "target_account_logic", "What to fix", "no_conflict_check",
                 "Surface registered partners", "alliances and channel"):
        assert text in r.stdout


def test_several_packets_side_by_side_with_shared_modes(run, fixtures, tmp_path):
    bad = (fixtures / "packets" / "northwind-logistics.md").read_text().replace(
        "Sam Patel (partner marketing) owns", "The partner team owns")
    (tmp_path / "a.md").write_text(bad)
    (tmp_path / "b.md").write_text(bad.replace("No reseller registered on the account.", "TBD."))
    r = run("grade", "a.md", "b.md", fixtures / "packets" / "northwind-logistics.md")
    assert r.exit_code == 0
    assert "Side by side" in r.stdout
    assert "no_owner: 2 of 3" in r.stdout


def test_csv_rows_are_graded_in_order(run, tmp_path):
    (tmp_path / "h.csv").write_text("id,account,owner\nA1,Northwind,Jo\nA2,Harrow,Sales\n")
    data = json.loads(run("grade", "--json", "h.csv").stdout)
    assert [d["packet"] for d in data] == ["h.csv:A1", "h.csv:A2"]


def test_priority_list_option(run, fixtures, tmp_path):
    (tmp_path / "p.csv").write_text("Northwind Logistics Inc.,Maria\n")
    (tmp_path / "q.csv").write_text("Some Other Co\n")
    packet = fixtures / "packets" / "northwind-logistics.md"
    on = json.loads(run("grade", "--json", "--priority-list", "p.csv", packet).stdout)[0]
    off = json.loads(run("grade", "--json", "--priority-list", "q.csv", packet).stdout)[0]
    assert on["gates"]["account_prioritized"] and on["scorecard"]["components"]["target_account_logic"] == "strong"
    assert not off["gates"]["account_prioritized"] and off["verdict"] == "keep_building"


def test_bad_input_is_one_line_and_exit_2(run, tmp_path, fixtures):
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "bad.toml").write_text("[[[")
    packet = fixtures / "packets" / "northwind-logistics.md"
    cases = (["missing.md"], ["empty.md"], ["--rubric", "bad.toml", packet], ["--priority-list", "nope.csv", packet])
    for args in cases:
        r = run("grade", *args)
        assert r.exit_code == 2, args
        assert r.stderr.count("\n") == 1 and r.stderr.startswith("drafter: ")
        assert r.stdout == ""
