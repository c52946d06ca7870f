"""Evidence in context: the quote cut out of its source by offsets, with its neighbouring lines."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from drafter.evidence_context import SourceTexts, snippet
from drafter.packet import Evidence, Packet, Source

NOTES = ("QBR 2025-02-11\nAttendees: Dana Reyes (Meridian)\n"
         "Dana: the ops director asked about invoice reconciliation.\nNext: Dana sends notes by Friday.\nEnd\n")


def test_snippet_keeps_whole_neighbouring_lines():
    quote = "asked about invoice reconciliation"
    start = NOTES.index(quote)
    s = snippet(NOTES, start, start + len(quote), context_lines=1)
    assert s.quote == quote and s.line == 3
    assert s.before == "Attendees: Dana Reyes (Meridian)\nDana: the ops director "
    assert s.after == ".\nNext: Dana sends notes by Friday."
    assert snippet(NOTES, start, start + len(quote), context_lines=0).before == "Dana: the ops director "


@given(st.text(alphabet="ab\n", max_size=40), st.data())
def test_snippet_is_a_slice_of_the_text_around_the_span(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s = snippet(text, start, end, data.draw(st.integers(0, 3)))
    whole = s.before + s.quote + s.after
    assert s.quote == text[start:end]
    assert whole in text and text.find(whole, max(0, start - len(s.before))) == start - len(s.before)
    assert s.line == text[:start].count("\n") + 1


def _packet(tmp_path, quote: str, start: int | None = None, sha: str | None = None) -> Packet:
    (tmp_path / "qbr.txt").write_text(NOTES)
    at = NOTES.index(quote) if start is None else start
    ev = Evidence(source="qbr.txt", quote=quote, start=at, end=at + len(quote), speaker="Dana Reyes", time="00:04:10")
    src = Source(path="qbr.txt", kind="txt", sha256=sha or hashlib.sha256(NOTES.encode()).hexdigest())
    return Packet(fields={"trigger": {"value": "Invoice reconciliation", "evidence": [ev]}}, sources=[src])


def test_source_found_beside_the_packet(tmp_path, monkeypatch):
    monkeypatch.chdir("/")
    p = _packet(tmp_path, "invoice reconciliation")
    view = SourceTexts(p, tmp_path).view(p.fields["trigger"].evidence[0])
    assert view.problem is None and view.snippet is not None
    assert view.snippet.quote == "invoice reconciliation" and view.position.startswith("line 3, chars ")


def test_changed_source_and_moved_quote_are_flagged(tmp_path):
    p = _packet(tmp_path, "invoice reconciliation", sha="0" * 64)
    assert SourceTexts(p, tmp_path).view(p.fields["trigger"].evidence[0]).problem == \
        "source file changed since drafting"
    p = _packet(tmp_path, "Dana sends notes", start=0)
    view = SourceTexts(p, tmp_path).view(p.fields["trigger"].evidence[0])
    assert view.problem == "quote found away from its recorded offsets" and view.snippet.line == 4


def test_absent_source_shows_the_quote_alone(tmp_path):
    p = _packet(tmp_path, "invoice reconciliation")
    (tmp_path / "qbr.txt").unlink()
    view = SourceTexts(p, tmp_path).view(p.fields["trigger"].evidence[0])
    assert view.snippet is None and view.problem == "source file not at hand"
