"""`drafter convert` end to end through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_md_to_json_to_md_is_lossless(run, fixtures, tmp_path):
    src = fixtures / "packets" / "northwind-logistics.md"
    assert run("convert", src, "-o", "p.json").exit_code == 0
    data = json.loads((tmp_path / "p.json").read_text())
    assert data["fields"]["partner"]["value"] == "Meridian Cloud Consulting. Dana Reyes, alliances lead."
    assert data["classification"] == "partner-influenced"
    assert run("convert", "p.json", "-o", "p.md").exit_code == 0
    assert (tmp_path / "p.md").read_text() == src.read_text()


def test_refuses_to_overwrite_without_force(run, fixtures, tmp_path):
    (tmp_path / "out.json").write_text("precious")
    r = run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "out.json")
    assert r.exit_code == 2
    assert "out.json: already exists (use --force to overwrite)" in r.stderr
    assert (tmp_path / "out.json").read_text() == "precious"
    assert run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "out.json", "--force").exit_code == 0
    assert json.loads((tmp_path / "out.json").read_text())["fields"]["account"]["value"].startswith("Northwind")


def test_unknown_sections_are_reported(run, tmp_path):
    (tmp_path / "p.md").write_text("## Account\nNorthwind\n\n## Next steps\ncall Dana\n")
    r = run("convert", "p.md", "-o", "p.json")
    assert r.exit_code == 0
    assert "kept unknown section 'Next steps'" in r.stderr
    assert json.loads((tmp_path / "p.json").read_text())["extra_sections"] == {"Next steps": "call Dana"}


def test_bad_rows_give_one_line_and_exit_2(run, tmp_path):
    (tmp_path / "h.csv").write_text("id,account\n1,Northwind\n2,Harrow,extra\n")
    r = run("convert", "h.csv", "-o", "h.jsonl")
    assert r.exit_code == 2
    assert r.stderr.strip() == "drafter: h.csv, row 3: has 3 columns, the header has 2"
    assert not (tmp_path / "h.jsonl").exists()


def test_unknown_output_suffix(run, fixtures):
    r = run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.xlsx")
    assert r.exit_code == 2 and "unknown packet format '.xlsx'" in r.stderr


def test_installed_command_gives_no_traceback(tmp_path):
    """The console script itself: one line on stderr, exit 2, for each kind of bad input."""
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "folder.md").mkdir()
    exe = [sys.executable, "-c", "from drafter.cli import main; main()"]
    for name in ("missing.md", "empty.md", "bin.md", "folder.md"):
        proc = subprocess.run([*exe, "convert", name, "-o", "x.json"], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "DRAFTER_DEBUG": ""})
        assert proc.returncode == 2, name
        assert proc.stderr.count("\n") == 1 and name in proc.stderr and "Traceback" not in proc.stderr
