"""`drafter draft` end to end through the real entry point."""

from __future__ import annotations

import json

import pytest

from drafter.extract import BACKENDS, default_backend, get_backend, register_backend
from drafter.formats import read_packet


def test_json_is_the_packet_with_verbatim_evidence(run, fixtures):
    src = fixtures / "notes" / "lumen-q1-qbr.md"
    r = run("draft", "--backend", "offline", "--json", src)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    text = src.read_text()
    assert set(data["fields"]) >= {"account", "partner", "owner"}
    assert data["classification"] == "partner-sourced"
    assert data["sources"][0]["kind"] == "md" and len(data["sources"][0]["sha256"]) == 64
    for f in data["fields"].values():
        assert f["status"] in ("proposed", "missing")
        for ev in f["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_view_shows_fields_evidence_and_the_rubric(run, fixtures):
    r = run("draft", fixtures / "notes" / "harrowgate-call.srt")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "1. Account and opportunity" in out and "11. Owner and due date" in out
    assert "↳ harrowgate-call.srt:23, RASHID OKONKWO, 00:00:52.500:" in out  # where, who said it, when
    assert "MISSING" in out and "note:" in out
    assert "missing: " in out and "verdict: keep_building" in out
    assert "reads as an instruction" in out  # the injection line is reported, not obeyed


def test_output_file_is_written_and_never_overwritten_without_force(run, fixtures, tmp_path):
    src = fixtures / "notes" / "pinewood-call-dump.txt"
    assert run("draft", src, "-o", "p.json", "--json").exit_code == 0
    packet = read_packet(tmp_path / "p.json")
    assert packet.fields["account"].value.startswith("Pinewood Hotels")
    (tmp_path / "p.json").write_text("precious")
    r = run("draft", src, "-o", "p.json")
    assert r.exit_code == 2
    assert r.stderr.strip() == "drafter: p.json: already exists (use --force to overwrite)"
    assert (tmp_path / "p.json").read_text() == "precious"
    assert run("draft", src, "-o", "p.json", "--force").exit_code == 0
    assert read_packet(tmp_path / "p.json").fields["owner"].value
    assert run("draft", src, "-o", "p.md").exit_code == 0
    assert "Pinewood Hotels" in (tmp_path / "p.md").read_text()


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("gone.md", None, "no such file"),
        ("folder.md", "DIR", "is a folder, not a file"),
        ("bin.txt", b"\x00\x01\x02\x03", "looks like a binary file, not text"),
        ("empty.md", b"", "file is empty"),
        ("deck.pptx", b"PK", "unsupported kind of notes .pptx"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, tmp_path, name, content, problem):
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    r = run("draft", name)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert lines == [f"drafter: {name}: {problem}" + lines[0].split(problem, 1)[1]]
    assert "Traceback" not in r.stderr


def test_bad_output_suffix_is_refused_before_reading(run, fixtures):
    r = run("draft", fixtures / "notes" / "lumen-q1-qbr.md", "-o", "out.docx")
    assert r.exit_code == 2 and "unknown packet format '.docx'" in r.stderr


def test_openai_backend_without_a_key_and_unknown_backends(run, fixtures):
    r = run("draft", "--backend", "openai", fixtures / "notes" / "lumen-q1-qbr.md")
    assert r.exit_code == 2
    assert r.stderr.strip().startswith("drafter: no API key: set OPENAI_API_KEY")
    assert "--backend offline" in r.stderr
    r = run("draft", "--backend", "magic", fixtures / "notes" / "lumen-q1-qbr.md")
    assert r.exit_code == 2 and "unknown backend 'magic'" in r.stderr


def test_default_backend_follows_the_key_and_the_registry(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert default_backend() == "offline"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert default_backend() == "openai"
    assert get_backend("openai").__module__ == "drafter.extract.llm"
    monkeypatch.setitem(BACKENDS, "openai", None)
    assert default_backend() == "offline"  # a build without the openai backend
    register_backend("openai", "drafter.extract.offline:draft")
    assert default_backend() == "openai"
    assert get_backend("openai").__name__ == "draft"
    monkeypatch.setitem(BACKENDS, "openai", None)


def test_key_set_without_the_openai_backend_still_drafts(run, fixtures, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setitem(BACKENDS, "openai", None)
    r = run("draft", "--json", fixtures / "notes" / "redmere-injection.md")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["provenance"]["backend"] == "offline"


def test_an_internal_bug_is_one_line_not_a_traceback(run, fixtures, monkeypatch):
    def broken(documents, *, today=None):
        raise RuntimeError("boom")

    monkeypatch.setattr("drafter.extract.offline.draft", broken)
    monkeypatch.delenv("DRAFTER_DEBUG", raising=False)
    r = run("draft", "--backend", "offline", fixtures / "notes" / "lumen-q1-qbr.md")
    assert r.exit_code == 70  # a bug of ours, not bad input
    assert r.stderr.count("\n") == 1 and "internal error: RuntimeError: boom" in r.stderr
    assert "Traceback" not in r.stderr
