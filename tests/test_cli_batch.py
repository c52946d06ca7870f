"""`drafter batch` through the real entry point: inputs, report files, summary, exit codes."""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

from drafter.formats import iter_records, read_packet
from drafter.rubric import grade

ROOT = Path(__file__).resolve().parent.parent
CRM = ROOT / "fixtures" / "batch" / "crm-export.csv"
MAP = "Opportunity ID=id,opportunity name=account,Next Step=seller_move"  # header case need not match
CRM_COLUMNS = {"Opportunity ID": "id", "Opportunity Name": "account", "Next Step": "seller_move"}


def _nearest_rank(scores: list[int], p: float) -> int:
    return sorted(scores)[max(1, math.ceil(p / 100 * len(scores))) - 1]


def test_json_summary_of_a_hand_made_export(run):
    r = run("batch", CRM, "--columns", MAP, "--json", "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    s = json.loads(r.stdout)
    # Expected from each packet graded on its own, aggregated here by hand.
    grades = [grade(p) for _, p in iter_records(CRM, CRM_COLUMNS)]
    scores = [g.score for g in grades]
    assert (s["rows"], s["scored"], s["errors"]) == (8, 8, 0)
    ready = sum(g.verdict == "ready" for g in grades)
    assert s["ready"] == ready and s["ready_rate"] == round(ready / 8, 4)
    assert s["score"]["mean"] == round(sum(scores) / 8, 1)
    assert (s["score"]["min"], s["score"]["max"]) == (min(scores), max(scores))
    for p in (10, 25, 50, 75, 90):
        assert s["score"][f"p{p}"] == _nearest_rank(scores, p)
    ranked = [(m["id"], m["count"]) for m in s["failure_modes"]]
    assert [m for m, _ in ranked] and all(n == sum(m in g.failure_modes for g in grades) for m, n in ranked)
    assert [n for _, n in ranked] == sorted((n for _, n in ranked), reverse=True)
    assert {m for g in grades for m in g.failure_modes} <= {m for m, _ in ranked}
    for comp, levels in s["components"].items():
        for level, n in levels.items():
            assert n == sum(g.scorecard.components[comp] == level for g in grades)
    assert sum(b["count"] for b in s["score_bins"]) == 8
    # Groups, counted by hand from the file: Meridian x4, Bluepeak x2, Summit x1, one blank partner.
    partners = {g["key"]: g["rows"] for g in s["by_partner"]["groups"]}
    assert partners == {"Meridian Cloud Consulting": 4, "Bluepeak Systems": 2, "Summit Channel Partners": 1,
                        "(blank)": 1}
    assert s["by_partner"]["column"] == "Partner Name" and s["by_owner"]["column"] == "Opportunity Owner"
    assert {g["key"]: g["rows"] for g in s["by_owner"]["groups"]} == {"Sam Patel": 3, "Lee Ortega": 2,
                                                                      "Ana Lima": 2, "(blank)": 1}
    months = s["by_month"]["groups"]
    assert [(g["key"], g["rows"]) for g in months] == [("2026-01", 2), ("2026-02", 2), ("2026-03", 2),
                                                       ("(no date)", 2)]
    feb = [g for g in grades if g.packet in ("OPP-1003", "OPP-1004")]
    assert months[1]["ready"] == sum(g.verdict == "ready" for g in feb)


def test_report_csv_one_row_per_packet_in_input_order(run, tmp_path):
    r = run("batch", CRM, "--columns", MAP, "-o", "report.csv", "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader((tmp_path / "report.csv").open(encoding="utf-8")))
    assert [x["id"] for x in rows] == [f"OPP-{1001 + i}" for i in range(8)]
    assert all(x["error"] == "" and x["verdict"] in ("ready", "keep_building") for x in rows)
    assert "8 packets: 8 scored" in r.stdout and "Failure modes, most frequent first" in r.stdout
    assert "By month" in r.stdout and "By partner" in r.stdout


def test_bad_rows_become_error_rows_and_exit_1(run, tmp_path):
    lines = CRM.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "OPP-BAD,only,three")
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("batch", "in.csv", "--columns", MAP, "-o", "out.jsonl")
    assert r.exit_code == 1
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(out) == 9
    assert out[1]["error"] == "in.csv, row 3: has 3 columns, the header has 16" and out[1]["score"] is None
    assert out[2]["id"] == "OPP-1002" and out[2]["error"] is None
    assert "1 of 9 rows could not be read (see the error column of out.jsonl)" in r.stderr
    assert "in.csv, row 3: has 3 columns" in r.stdout


def test_broken_jsonl_line_and_unreadable_folder_file(run, tmp_path, fixtures):
    good = read_packet(fixtures / "packets" / "northwind-logistics.md")
    (tmp_path / "p.jsonl").write_text(good.model_dump_json() + "\n{not json\n" + json.dumps(good.values()) + "\n")
    r = run("batch", "p.jsonl", "--json")
    assert r.exit_code == 1
    s = json.loads(r.stdout)
    assert (s["rows"], s["errors"]) == (3, 1)
    assert s["error_examples"] == ["p.jsonl, row 2: not valid JSON (Expecting property name enclosed in double "
                                   "quotes, column 2)"]
    folder = tmp_path / "packets"
    folder.mkdir()
    shutil.copy(fixtures / "packets" / "northwind-logistics.md", folder / "a.md")
    (folder / "b.md").write_bytes(b"\x00\x01binary")
    r = run("batch", "packets", "--json")
    assert r.exit_code == 1
    s = json.loads(r.stdout)
    assert (s["rows"], s["scored"], s["errors"]) == (2, 1, 1)
    assert s["error_examples"] == [f"{Path('packets') / 'b.md'}: looks like a binary file, not text"]


def test_folder_input_is_recursive_with_front_matter_groups(run, tmp_path, fixtures):
    (tmp_path / "hist" / "2026" / "march").mkdir(parents=True)
    shutil.copy(fixtures / "packets" / "northwind-logistics.md", tmp_path / "hist" / "northwind.md")
    shutil.copy(fixtures / "packets" / "harbor-freight-vague.md", tmp_path / "hist" / "2026" / "march" / "hf.md")
    (tmp_path / "hist" / "2026" / "nw.json").write_text(
        read_packet(fixtures / "packets" / "northwind-logistics.md").model_dump_json())
    r = run("batch", "hist", "-o", "r.csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    # Each folder's own files, then its subfolders, all sorted by name.
    assert [x["source"] for x in rows] == ["northwind.md", str(Path("2026/nw.json")), str(Path("2026/march/hf.md"))]
    assert [x["verdict"] for x in rows] == ["ready", "ready", "keep_building"]
    assert rows[2]["group_month"] == "2026-03"  # from the front matter's created: 2026-03-02


def test_columns_mapping_is_required_for_crm_headers(run):
    plain = run("batch", CRM, "--json")
    mapped = run("batch", CRM, "--columns", MAP, "--json")
    assert plain.exit_code == mapped.exit_code == 0
    a, b = json.loads(plain.stdout), json.loads(mapped.stdout)
    # Without the map, "Opportunity Name" and "Next Step" are metadata: account and seller move are missing.
    assert a["components"]["target_account_logic"]["missing"] == 8
    assert b["components"]["target_account_logic"]["missing"] < 8
    bad = run("batch", CRM, "--columns", "Deal Name=account")
    assert bad.exit_code == 2 and "has no column 'Deal Name'" in bad.stderr


def test_report_refuses_to_overwrite_without_force(run, tmp_path):
    (tmp_path / "r.csv").write_text("keep me\n")
    r = run("batch", CRM, "--columns", MAP, "-o", "r.csv")
    assert r.exit_code == 2 and "r.csv: already exists (use --force to overwrite)" in r.stderr
    assert (tmp_path / "r.csv").read_text() == "keep me\n"
    (tmp_path / "r.html").write_text("keep me too\n")
    r = run("batch", CRM, "--html", "r.html")
    assert r.exit_code == 2 and (tmp_path / "r.html").read_text() == "keep me too\n"
    r = run("batch", CRM, "--columns", MAP, "-o", "r.csv", "--force")
    assert r.exit_code == 0 and (tmp_path / "r.csv").read_text().startswith("id,source,score")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unreadable_input_exits_2_without_a_report(run, tmp_path):
    for args, message in ((("missing.csv",), "missing.csv: no such file or folder"),
                          (("notes.txt",), "give a folder of .md/.json packets"),
                          ((CRM, "-o", "r.json"), "the report is written as .csv or .jsonl"),
                          ((CRM, "--html", "r.svg"), "needs an .html suffix")):
        (tmp_path / "notes.txt").write_text("x")
        r = run("batch", *args)
        assert r.exit_code == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "r.json").exists()
    (tmp_path / "empty.csv").write_text("id,account,owner\n")
    r = run("batch", "empty.csv", "-o", "r.csv")
    assert r.exit_code == 2 and "empty.csv: holds no packets" in r.stderr and not (tmp_path / "r.csv").exists()


def test_one_packet_file_is_a_batch_of_one(run, fixtures):
    r = run("batch", fixtures / "packets" / "northwind-logistics.md", "--json")
    assert r.exit_code == 0
    s = json.loads(r.stdout)
    assert (s["rows"], s["scored"], s["ready"]) == (1, 1, 1)


def test_piped_output_has_no_progress_bar(run):
    r = run("batch", CRM, "--columns", MAP, "--json", "--jobs", "1")
    assert r.exit_code == 0
    json.loads(r.stdout)  # stdout is the JSON alone
    assert r.stderr == ""


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from drafter.cli.batch import _progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert _progress_bar() == (None, None)
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    bar, update = _progress_bar()
    bar.start()
    update(500, 1000, 1234)
    bar.stop()
    assert "scoring" in term.getvalue() and "1,234 packets" in term.getvalue()
