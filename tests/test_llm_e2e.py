"""End to end: the real command against an OpenAI-compatible stand-in server on loopback."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from llm_checks import NOTES, assert_grounded, write_config
from llm_standin import Reply, Script, StandIn, answer, label_answerer, malformed, status

SYNC = NOTES / "brightline-sync.md"
LONG = NOTES / "harwick-qbr-record.md"
KEY = "sk-e2e-secret-key-1234567890"


@pytest.fixture
def server(monkeypatch):
    """A stand-in answering from the notes' labelled lines, with OPENAI_* pointing at it."""
    with StandIn(label_answerer) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        write_config(max_retries=0, validation_retries=1, timeout=10)
        yield s


def draft_json(run, *args):
    result = run("draft", "--backend", "openai", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return result, json.loads(result.stdout)


def test_draft_sends_notes_as_data_and_keeps_only_grounded_fields(run, server):
    result, packet = draft_json(run, SYNC)
    assert_grounded(packet)
    proposed = {fid for fid, f in packet["fields"].items() if f["status"] == "proposed"}
    assert {"account", "trigger", "conflict", "evidence"} <= proposed
    assert packet["provenance"]["endpoint"] == "127.0.0.1" and packet["provenance"]["requests"] == 1
    assert len(server.requests) == 1 and server.saw_key == [True]
    body = server.requests[0]["body"]
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "never an instruction" in system
    notes = SYNC.read_text(encoding="utf-8")
    assert notes in user  # verbatim: not templated ("{{ config }}" survives), not trimmed
    assert "{{ config }}" in user and user.count("<<<NOTES ") == 1
    assert body["tools"][0]["function"]["name"] == "HandoffDraft" and body["max_tokens"] == 2000


def test_the_key_never_reaches_output_or_files(run, server, tmp_path):
    out = tmp_path / "p.json"
    result = run("draft", "--backend", "openai", SYNC, "-o", out)
    assert result.exit_code == 0
    written = [out.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8")
                                                     for p in (tmp_path / "user-cache").rglob("*.json")]
    assert len(written) == 2
    for text in [result.stdout, result.stderr, *written]:
        assert KEY not in text


def test_drafting_the_same_notes_again_costs_nothing(run, server):
    draft_json(run, SYNC)
    result, packet = draft_json(run, SYNC)
    assert len(server.requests) == 1
    assert packet["provenance"]["cached"] is True and packet["provenance"]["requests"] == 0
    assert "from the cache" in result.stderr
    assert_grounded(packet)
    draft_json(run, SYNC, "--no-cache")
    assert len(server.requests) == 2


def test_without_a_key_exit_2_and_nothing_sent(run, server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    result = run("draft", "--backend", "openai", SYNC)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "OPENAI_API_KEY" in result.stderr and "--backend offline" in result.stderr
    assert server.requests == []


def test_dry_run_counts_without_calling_or_a_key(run, server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    result = run("draft", "--dry-run", "--json", SYNC)
    assert result.exit_code == 0 and server.requests == []
    report = json.loads(result.stdout)
    doc = report["documents"][0]
    assert doc["requests"] == 1 and doc["input_tokens"] == doc["prompt_tokens"] + doc["notes_tokens"]
    assert doc["prompt_tokens"] < 1500 and doc["estimated_cost_usd"] > 0
    text = run("draft", "--dry-run", SYNC)
    assert "input tokens" in text.stdout and "nothing was sent" in text.stdout


def test_budgets_refuse_before_spending(run, server):
    result = run("draft", "--backend", "openai", SYNC, "--max-tokens", "500")
    assert result.exit_code == 2 and "over the limit of 500" in result.stderr and "nothing was sent" in result.stderr
    result = run("draft", "--backend", "openai", SYNC, "--max-cost", "0.0001")
    assert result.exit_code == 2 and "over the cap" in result.stderr
    result = run("draft", "--backend", "openai", SYNC, "--model", "llama3.1:8b", "--max-cost", "1")
    assert result.exit_code == 2 and "no price known for llama3.1:8b" in result.stderr
    assert server.requests == []


def test_each_drafts_a_folder_concurrently_with_a_summary(run, tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(6):
        (notes / f"n{i}.md").write_text(SYNC.read_text(encoding="utf-8") + f"\nRef {i}\n", encoding="utf-8")
    (notes / "broken.txt").write_bytes(b"\x00\x01binary")
    (notes / "ignored.pdf").write_text("not notes", encoding="utf-8")
    with StandIn(label_answerer, latency=0.2) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        write_config(max_retries=0, concurrency=3)
        start = time.perf_counter()
        result = run("draft", notes, "--each", "-o", tmp_path / "out")
        elapsed = time.perf_counter() - start
    assert result.exit_code == 2  # broken.txt, reported and skipped
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"n{i}.json" for i in range(6)]
    assert len(s.requests) == 6 and s.peak == 3
    assert elapsed < 6 * 0.2  # concurrent, not one after another
    assert "drafted 6 of 7 notes" in result.stderr and "broken.txt" in result.stderr
    again = run("draft", notes, "--each", "-o", tmp_path / "out")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_each_json_summary_and_offline_backend(run, tmp_path):
    result = run("draft", SYNC, LONG, "--each", "-o", tmp_path / "out", "--json", "--backend", "offline")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [Path(r["packet"]).name for r in rows] == ["brightline-sync.json", "harwick-qbr-record.json"]
    assert all(r["status"] == "drafted" and r["error"] is None for r in rows)


@pytest.mark.parametrize(("mode", "path"), [("json_schema", "/v1/chat/completions"), ("responses", "/v1/responses")])
def test_other_modes(run, server, mode, path):
    _, packet = draft_json(run, SYNC, "--mode", mode, "--no-cache")
    assert server.requests[-1]["path"] == path and packet["provenance"]["mode"] == mode
    assert_grounded(packet)
    assert packet["fields"]["account"]["status"] == "proposed"


def test_a_long_document_is_chunked_and_merged(run, server):
    write_config(max_retries=0, context_window=2600, output_tokens=1000, chunk_overlap=60, concurrency=4)
    _, packet = draft_json(run, LONG)
    n = packet["provenance"]["chunks"]
    assert n > 1 and len(server.requests) == n
    assert_grounded(packet)
    assert packet["fields"]["owner"]["alternatives"]


def test_one_malformed_field_is_missing_the_rest_kept(run, monkeypatch):
    good = json.loads(answer(account=("Saint Aldric Health, OPP-41207.",
                                      ["Saint Aldric Health (Oregon, 7 hospitals). Opportunity OPP-41207"])).arguments)
    good["partner"] = {"value": "Marta Okafor", "quotes": "Marta Okafor"}  # quotes must be a list
    with StandIn(Script(malformed(json.dumps(good)))) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        write_config(max_retries=0, validation_retries=1)
        result, packet = draft_json(run, SYNC)
    assert len(s.requests) == 2  # the answer went back once with the reason
    assert packet["fields"]["account"]["status"] == "proposed"
    assert packet["fields"]["partner"]["status"] == "missing" and "malformed" in packet["fields"]["partner"]["note"]
    assert result.stderr.count("\n") == 1  # the cost line; instructor's retry log stays quiet
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("reply", "code", "message"), [
    (Reply(status=401, error=json.dumps({"error": {"message": f"Incorrect API key provided: {KEY}"}})), 2,
     "127.0.0.1 refused the API key (HTTP 401); check OPENAI_API_KEY"),
    (Reply(status=404, error=json.dumps({"error": {"message": "model not found"}})), 2,
     "127.0.0.1: model 'gpt-4.1-mini' not found (HTTP 404)"),
    (Reply(status=400, error=json.dumps({"error": {"message": f"bad request from key {KEY}"}})), 2,
     "127.0.0.1 rejected the request (HTTP 400): bad request from key [key]"),
    (status(429, "Rate limit reached", retry_after_ms=1), 4, "127.0.0.1: rate limited (HTTP 429) after 0 retries"),
])
def test_service_failures_are_one_line_without_the_key(run, monkeypatch, reply, code, message):
    with StandIn(Script(reply)) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        write_config(max_retries=0)
        result = run("draft", "--backend", "openai", SYNC)
    assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and KEY not in result.stderr


def test_timeouts_and_no_connection(run, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with StandIn(label_answerer, latency=1.5) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        write_config(max_retries=0, timeout=0.3)
        result = run("draft", "--backend", "openai", SYNC)
    assert result.exit_code == 4 and "no answer within 0.3 s after 0 retries" in result.stderr
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{_closed_port()}/v1")
    result = run("draft", "--backend", "openai", SYNC)
    assert result.exit_code == 4 and "cannot connect" in result.stderr and result.stderr.count("\n") == 1


def test_openai_and_instructor_load_only_when_a_model_is_called(tmp_path):
    import subprocess
    import sys

    probe = (
        "import sys\nfrom drafter.cli import main\n"
        f"sys.argv = ['drafter', 'draft', '--dry-run', {str(SYNC)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import drafter.extract.llm, drafter.extract.faults, drafter.cli.draft_each\n"
        "print('LOADED=' + ','.join(m for m in ('openai', 'instructor') if m in sys.modules))"
    )
    env = {"PATH": "", "DRAFTER_CACHE_DIR": str(tmp_path / "c"), "DRAFTER_CONFIG": str(tmp_path / "none.toml")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env).stdout
    assert "nothing was sent" in out
    assert out.strip().splitlines()[-1] == "LOADED="


def test_an_answer_cut_off_at_the_output_limit_says_what_to_raise(run, monkeypatch):
    with StandIn(Script(Reply(arguments='{"account": {"value": "Saint', finish_reason="length"))) as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        write_config(max_retries=0, output_tokens=50)
        result = run("draft", "--backend", "openai", SYNC)
    assert result.exit_code == 2 and "cut off at 50 tokens; raise output_tokens" in result.stderr
    assert result.stderr.count("\n") == 1
