"""`drafter draft --backend openai` replayed from cassettes: no network, no key.

vcrpy replays `fixtures/cassettes/test_llm_cassettes/<scenario>.yaml` with record mode `none`,
matching on method and URI, Authorization filtered out. The cassettes were recorded against the
stand-in server (tests/llm_standin.py) playing the scripted answers below, with the request URIs
rewritten to https://api.openai.com/v1, since this machine has no key and no internet.

Re-record from the stand-in:   DRAFTER_RECORD=standin python -m pytest tests/test_llm_cassettes.py
Re-record against a real model (happy path and chunking; the fault scenarios need the stand-in):
    DRAFTER_RECORD=real OPENAI_API_KEY=sk-... [DRAFTER_RECORD_MODEL=gpt-4o] \
        python -m pytest tests/test_llm_cassettes.py -k "happy or chunked"
A real model words its answers its own way, so the exact-value assertions are skipped then.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
import vcr
from llm_checks import NOTES, ROOT, assert_grounded, write_config
from llm_standin import Reply, Script, StandIn, answer, label_answerer, malformed, status

CASSETTES = ROOT / "fixtures" / "cassettes" / "test_llm_cassettes"
SYNC = NOTES / "brightline-sync.md"
LONG = NOTES / "harwick-qbr-record.md"
RECORD = os.environ.get("DRAFTER_RECORD")  # None (replay), "standin" or "real"
MODEL = {"model": os.environ["DRAFTER_RECORD_MODEL"]} if RECORD == "real" and os.environ.get("DRAFTER_RECORD_MODEL") \
    else {}

# A careful model's answer for fixtures/llm/brightline-sync.md: every quote copied from the notes
# (the trigger's with straight quotation marks where the notes have curly ones).
GOOD = {
    "account": ('Saint Aldric Health (Oregon, 7 hospitals). Opportunity OPP-41207 "Aldric patient-flow analytics", '
                "stage 1, owned by Calvin; on Calvin's Q2 named-account list.",
                ['Saint Aldric Health (Oregon, 7 hospitals). Opportunity OPP-41207 "Aldric patient-flow analytics", '
                 "stage 1, Calvin's. On Calvin's Q2 named-account list."]),
    "partner": ("Marta Okafor, healthcare practice director at Brightline Analytics.",
                ["Marta Okafor, Brightline Analytics, healthcare practice director"]),
    "why_partner": ("Brightline built Saint Aldric's data warehouse in 2024 and still runs their quarterly analytics "
                    "review, which Marta leads.",
                    ["Brightline built Saint Aldric's data warehouse in 2024 and still runs their quarterly analytics "
                     "review. Marta leads it."]),
    "trigger": ('At the January review Saint Aldric\'s CNO, Dr. Helen Park, said "we find out about bed shortages '
                'from the ER, not from our dashboards."',
                ['at the January review Saint Aldric\'s CNO, Dr. Helen Park, said "we find out about bed shortages '
                 'from the ER, not from our dashboards."']),
    "value_prop": ("Our capacity forecasting predicts bed demand 48 hours out; Brightline feeds it from the warehouse "
                   "they built, so no new data project.",
                   ["our capacity forecasting predicts bed demand 48 hours out; Brightline feeds it from the "
                    "warehouse they built, so no new data project."]),
    "warm_path": ("Marta has briefed Dr. Park and will introduce Calvin at the 18 March analytics review.",
                  ["Marta has briefed Dr. Park and will introduce Calvin at the 18 March analytics review."]),
    "seller_move": ("Calvin accepts the intro and brings the capacity forecast demo to the 18 March review.",
                    ["Accept the intro and bring the capacity forecast demo to the 18 March review"]),
    "partner_move": ("Marta sends Calvin the January review notes and the 18 March invite by Tue 11 March, agreed in "
                     "writing.",
                     ["Send Calvin the January review notes and the 18 March invite (agreed in writing)",
                      "by Tue 11 March"]),
    "conflict": ("Ines checked registrations on 5 March: no reseller registered on Saint Aldric, no other partner on "
                 "OPP-41207. Brightline is credited as partner-influenced.",
                 ["Ines checked registrations on 5 March. No reseller registered on Saint Aldric; no other partner on "
                  "OPP-41207. Brightline credited as partner-influenced."]),
    "evidence": ("Brightline's Saint Aldric warehouse case study "
                 "(https://partners.example.com/brightline/saint-aldric-case-study) and Marta's January review notes.",
                 ["Brightline's Saint Aldric warehouse case study, "
                  "https://partners.example.com/brightline/saint-aldric-case-study, plus Marta's January review "
                  "notes."]),
    "owner": ("Tom Reyes owns the Saint Aldric handoff until Calvin accepts, by Mon 10 March; response window three "
              "business days.",
              ["Tom Reyes, partner marketing (us)",
               "Owns the Saint Aldric handoff until Calvin accepts; response window three business days",
               "by Mon 10 March"]),
}
# The same answer with three slips a model makes: a paraphrased quote, a second owner no quote
# names, and a partner contact the notes never mention.
SLIPS = dict(GOOD,
             trigger=(GOOD["trigger"][0], ["we learn about bed shortages from the ER, not the dashboards"]),
             owner=("Tom Reyes and Ines Duarte own the handoff, by Mon 10 March.", GOOD["owner"][1]),
             partner=("Marta Okafor and Helen Chu at Brightline Analytics.", GOOD["partner"][1]))
TRUNCATED = '{"account": {"value": "Saint Aldric Health", "quotes": ["Saint Aldric'

SCRIPTS: dict[str, tuple[Reply, ...] | None] = {
    "happy_path": (answer(**GOOD, classification="partner-influenced"),),
    "ungrounded_then_corrected": (answer(**SLIPS, classification="partner-influenced"),
                                  answer(**GOOD, classification="partner-influenced")),
    "rate_limited_then_success": (status(429, "Rate limit reached for requests"),
                                  answer(**GOOD, classification="partner-influenced")),
    "server_error_until_retries_spent": (status(500, "The server had an error while processing your request."),),
    "malformed_answer": (malformed(TRUNCATED),),
    "chunked_long_document": None,  # the stand-in answers each chunk from its labelled lines
}


def _vcr(mode: str, **kw: object) -> vcr.VCR:
    return vcr.VCR(record_mode=mode, match_on=["method", "uri"],
                   filter_headers=["authorization", "openai-organization", "api-key"], **kw)


@contextmanager
def cassette(name: str, monkeypatch: pytest.MonkeyPatch):
    """Replay `name` (or record it, with DRAFTER_RECORD); yields the vcrpy cassette."""
    path = CASSETTES / f"{name}.yaml"
    if RECORD == "real":
        with _vcr("all").use_cassette(str(path)) as cass:
            yield cass
        return
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key-0000")
    if RECORD == "standin":
        steps = SCRIPTS[name]
        responder = Script(*steps) if steps else label_answerer
        with StandIn(responder) as server:
            def rewrite(request):  # the cassette reads as if recorded from OpenAI
                request.uri = request.uri.replace(server.base_url, "https://api.openai.com/v1")
                return request

            monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
            path.unlink(missing_ok=True)
            with _vcr("all", before_record_request=rewrite).use_cassette(str(path)) as cass:
                yield cass
        return
    with _vcr("none").use_cassette(str(path)) as cass:
        yield cass


def calls(cass) -> int:
    """Requests answered from the cassette (or recorded into it, when re-recording)."""
    return len(cass) if RECORD else cass.play_count


def _draft(run, *args: object):
    result = run("draft", "--backend", "openai", "--json", *args)
    packet = json.loads(result.stdout) if result.exit_code == 0 else None
    return result, packet


exact = pytest.mark.skipif(RECORD == "real", reason="a real model words its answers its own way")


@pytest.fixture(autouse=True)
def _settings():
    write_config(concurrency=1, max_retries=2, validation_retries=2, timeout=30, **MODEL)


def test_happy_path(run, monkeypatch):
    with cassette("happy_path", monkeypatch) as cass:
        result, packet = _draft(run, SYNC)
    assert result.exit_code == 0, result.stderr
    assert_grounded(packet)
    prov = packet["provenance"]
    assert prov["backend"] == "openai" and prov["prompt_version"] == "llm-v1" and prov["requests"] == calls(cass)
    assert prov["usage"]["total_tokens"] == prov["usage"]["prompt_tokens"] + prov["usage"]["completion_tokens"] > 0
    if RECORD == "real":
        return
    assert calls(cass) == 1 and "1 request" in result.stderr
    fields = packet["fields"]
    assert all(f["status"] == "proposed" for f in fields.values())
    assert fields["partner"]["value"] == GOOD["partner"][0]
    assert packet["classification"] == "partner-influenced"
    trigger = fields["trigger"]["evidence"][0]["quote"]
    assert "\u201cwe find out" in trigger  # located despite straight quotes, kept as the notes write it


def test_ungrounded_quote_then_corrected(run, monkeypatch):
    with cassette("ungrounded_then_corrected", monkeypatch) as cass:
        result, packet = _draft(run, SYNC)
    assert result.exit_code == 0, result.stderr
    assert calls(cass) == 2
    assert packet["provenance"]["attempts"] == [2]
    assert_grounded(packet)
    assert "Chu" not in (packet["fields"]["partner"]["value"] or "")
    assert "Ines" not in (packet["fields"]["owner"]["value"] or "")
    if RECORD != "real":
        retry = json.loads(cass.requests[1].body)["messages"]
        said = " ".join(str(m.get("content")) for m in retry)
        assert "is not in the notes" in said and "'Chu'" in said and "'Ines'" in said and "'Duarte'" in said


@exact
def test_rate_limited_then_success(run, monkeypatch):
    with cassette("rate_limited_then_success", monkeypatch) as cass:
        result, packet = _draft(run, SYNC)
    assert result.exit_code == 0, result.stderr
    assert [r["status"]["code"] for r in cass.responses] == [429, 200] and (RECORD or cass.all_played)
    assert packet["provenance"]["attempts"] == [1]  # the HTTP retry is the client's, not a new answer
    assert_grounded(packet)


@exact
def test_server_error_until_retries_spent(run, monkeypatch, tmp_path):
    out = tmp_path / "draft.json"
    with cassette("server_error_until_retries_spent", monkeypatch) as cass:
        result = run("draft", "--backend", "openai", SYNC, "-o", out)
    assert calls(cass) == 3  # the first try and the client's two retries
    assert result.exit_code == 4
    host = "127.0.0.1" if RECORD else "api.openai.com"
    assert result.stderr.strip().splitlines() == [
        f"drafter: {host}: server error (HTTP 500) after 2 retries; try again later"]
    assert not out.exists()


@exact
def test_malformed_answer(run, monkeypatch):
    with cassette("malformed_answer", monkeypatch) as cass:
        result, packet = _draft(run, SYNC)
    assert result.exit_code == 0, result.stderr
    assert calls(cass) == 3
    for f in packet["fields"].values():
        assert f["status"] == "missing" and f["value"] is None
        assert f["note"] == "Missing: the model's answer could not be read after 3 attempt(s)."


def test_chunked_long_document(run, monkeypatch):
    write_config(concurrency=1, max_retries=2, context_window=2600, output_tokens=1000, chunk_overlap=60, **MODEL)
    with cassette("chunked_long_document", monkeypatch) as cass:
        result, packet = _draft(run, LONG)
    assert result.exit_code == 0, result.stderr
    prov = packet["provenance"]
    assert prov["chunks"] > 1 and prov["requests"] == calls(cass) >= prov["chunks"]
    assert_grounded(packet)
    bodies = [json.loads(r.body)["messages"][1]["content"] for r in cass.requests]
    parts = {re.search(r"This is part (\d+) of (\d+)", b).groups() for b in bodies}
    assert parts == {(str(i), str(prov["chunks"])) for i in range(1, prov["chunks"] + 1)}
    if RECORD != "real":
        fields = packet["fields"]
        assert "OPP-55310" in fields["account"]["value"]  # from the co-sell section, early in the record
        assert "22 April" in fields["partner_move"]["value"]  # from the follow-up, at the end
        owner = fields["owner"]
        assert owner["alternatives"] and "alternatives" in owner["note"]  # two parts named different owners
        assert "Priyanka Sen" in owner["value"] and any("Ben Calder" in a for a in owner["alternatives"])


def test_cassettes_hold_no_keys():
    for path in CASSETTES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        assert "authorization" not in text and "sk-test" not in text and "bearer" not in text, path.name
    assert {p.stem for p in CASSETTES.glob("*.yaml")} == set(SCRIPTS)


def test_scripts_are_what_the_stand_in_serves():
    """Guards the recordings' premise: the good answer is grounded, the slips are not."""
    from drafter.extract.answer import check_answer
    from drafter.extract.prompting import load_prompt
    from drafter.ingest import read_sources

    docs = read_sources([SYNC])
    prompt = load_prompt()
    good = check_answer(json.loads(SCRIPTS["happy_path"][0].arguments), docs, prompt)
    assert good.problems == []
    slips = check_answer(json.loads(SCRIPTS["ungrounded_then_corrected"][0].arguments), docs, prompt)
    assert sorted(fid for fid, p in slips.fields.items() if p.problem) == ["owner", "partner", "trigger"]


def test_record_mode_is_none_in_ci():
    assert RECORD is None or not os.environ.get("CI"), "cassettes are never re-recorded in CI"
    assert Path(CASSETTES).is_dir()
