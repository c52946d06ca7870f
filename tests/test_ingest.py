"""Readers: each kind of notes becomes a Document whose offsets point into its source text."""

from __future__ import annotations

import hashlib
from email.message import EmailMessage

import pytest

from drafter.errors import InputError
from drafter.ingest import read_source, read_sources
from drafter.ingest.htmltext import html_to_text


def test_text_and_markdown_keep_the_file_text(tmp_path):
    p = tmp_path / "n.md"
    data = b"# Sync\r\n\r\n- Account: Harbor Mills\r\n"
    p.write_bytes(data)
    doc = read_source(p)
    assert doc.kind == "md" and doc.body == "file"
    assert doc.text == "# Sync\n\n- Account: Harbor Mills\n"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.line_of(doc.text.index("Harbor")) == 3


def test_vtt_cues_have_speaker_time_and_payload_offsets(fixtures):
    doc = read_source(fixtures / "notes" / "bramblecourt-teams-call.vtt")
    first = doc.segments[0]
    assert first.speaker == "Tomasz Wren" and first.time == "00:00:01.000"
    said = "Morning all. Freya, thanks for making time, I know it's quarter end for you."
    assert doc.text[first.start:first.end] == said
    assert doc.text[first.speaker_start:first.speaker_start + len(first.speaker)] == "Tomasz Wren"
    seg = doc.segment_at(doc.text.index("I can introduce Odile"))
    assert seg is not None and seg.speaker == "Freya Lindqvist" and seg.time == "00:01:38.500"


def test_vtt_cues_agree_with_webvtt_py(fixtures):
    import webvtt

    path = fixtures / "notes" / "bramblecourt-teams-call.vtt"
    ours = read_source(path).segments
    theirs = webvtt.read(str(path))
    assert len(ours) == len(theirs)
    for seg, cap in zip(ours, theirs, strict=True):
        assert seg.time == cap.start
        assert seg.speaker == cap.voice


def test_zoom_style_vtt_takes_the_name_prefix_as_speaker(tmp_path):
    p = tmp_path / "z.vtt"
    p.write_text("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nLorna Baptiste: Loud and clear.\n")
    seg = read_source(p).segments[0]
    assert seg.speaker == "Lorna Baptiste"
    assert read_source(p).text[seg.start:seg.end] == "Loud and clear."


def test_srt_cues_and_caps_speakers(fixtures):
    doc = read_source(fixtures / "notes" / "harrowgate-call.srt")
    assert doc.kind == "srt"
    seg = doc.segments[2]
    assert seg.speaker == "NINA CALLOWAY" and seg.time == "00:00:12.500"
    assert doc.text[seg.start:seg.end].startswith("Okay. So for Greta's benefit")


def test_eml_prefers_the_plain_body_and_keeps_quoted_replies(fixtures):
    doc = read_source(fixtures / "notes" / "tallis-fernhill-thread.eml")
    assert doc.kind == "eml" and doc.body == "text/plain"
    assert doc.text.startswith("From: Joel Ambrose <joel.ambrose@tallisworks.example>\n")
    assert "Subject: RE: Fernhill Logistics - dock scheduling" in doc.text
    assert "> Owen: Fernhill Logistics is on your named-account list" in doc.text
    assert "<p>" not in doc.text
    assert doc.date == "Thu, 06 Mar 2025 14:05:00 +0000"  # as written in the file


def test_eml_with_only_html_is_converted_to_text(fixtures):
    doc = read_source(fixtures / "notes" / "quaystone-html-only.eml")
    assert doc.body == "text/html"
    assert "Quaystone has managed the IT for Glenrock Dental (22 practices) since 2021." in doc.text
    assert "“Half our no-shows come from reminders nobody reads.”" in doc.text
    assert "> Lars wrote: is Glenrock already in your CRM?" in doc.text
    assert "<b>" not in doc.text


def test_eml_lists_attachments_by_name(tmp_path):
    msg = EmailMessage()
    msg["From"] = "A B <a@b.example>"
    msg["Subject"] = "notes"
    msg.set_content("See attached.")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="qbr-deck.pdf")
    p = tmp_path / "m.eml"
    p.write_bytes(bytes(msg))
    assert "Attachment: qbr-deck.pdf" in read_source(p).text


def test_html_to_text_blocks_lists_and_tables():
    text = html_to_text("<h2>Actions</h2><ul><li>Dana sends deck</li></ul><table><tr><td>Who</td><td>When</td></tr>"
                        "<tr><td>Dana</td><td>Friday</td></tr></table><script>x()</script>")
    assert text.splitlines() == ["## Actions", "- Dana sends deck", "| Who | When |", "| Dana | Friday |"]


def _docx(path, build):
    import docx

    d = docx.Document()
    build(d)
    d.save(str(path))
    return path


def test_docx_paragraphs_tables_and_heading_hints(tmp_path):
    def build(d):
        d.add_heading("Partner QBR: Ferro Analytics", level=1)
        d.add_paragraph("Account: Ashby Mills, opportunity OPP-40001.")
        t = d.add_table(rows=2, cols=3)
        for i, cell in enumerate(["Who", "What", "When"]):
            t.rows[0].cells[i].text = cell
        for i, cell in enumerate(["Lena", "Send the deck", "by Friday"]):
            t.rows[1].cells[i].text = cell

    doc = read_source(_docx(tmp_path / "q.docx", build))
    assert doc.kind == "docx" and doc.body == "paragraphs"
    lines = doc.text.splitlines()
    assert lines[0] == "Partner QBR: Ferro Analytics"
    assert "| Lena | Send the deck | by Friday |" in lines
    assert [(h.line, h.kind, h.level) for h in doc.hints] == [(1, "heading", 1)]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("notes.pdf", b"%PDF-1.4", "unsupported kind of notes .pdf; use .txt"),
        ("notes", b"text", "unsupported kind of notes (no suffix)"),
        ("empty.txt", b"  \n", "file is empty"),
        ("bin.txt", b"\x00\x01\x02abc", "looks like a binary file"),
        ("latin.md", "caf\xe9".encode("latin-1"), "is not UTF-8 text"),
        ("cues.vtt", b"1\n00:00:01.000 --> 00:00:02.000\nhi\n", "is not a WebVTT file"),
        ("nocues.srt", b"just some words\n", "has no SRT cues"),
        ("plain.eml", b"hello there, no headers at all\n", "is not an email"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "is not a valid .docx file"),
    ],
)
def test_bad_input_is_one_input_error_naming_the_file(tmp_path, name, content, problem):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_source(p)
    assert problem in str(e.value)
    assert str(e.value).startswith(str(p))
    assert "\n" not in str(e.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "gone.md")
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path / "dir.md")


def test_docx_without_text_is_an_error(tmp_path):
    with pytest.raises(InputError, match="has no text"):
        read_source(_docx(tmp_path / "blank.docx", lambda d: None))


def test_several_sources_keep_order_and_skip_duplicates(tmp_path, fixtures):
    a = fixtures / "notes" / "redmere-injection.md"
    copy = tmp_path / "copy.md"
    copy.write_bytes(a.read_bytes())
    b = fixtures / "notes" / "harrowgate-call.srt"
    docs = read_sources([a, b, copy])
    assert [d.kind for d in docs] == ["md", "srt"]
    with pytest.raises(InputError, match="no notes given"):
        read_sources([])


def test_html_only_email_views_for_grounding(tmp_path):
    import base64

    html = "<p>Account: <b>Grange Dairy</b>, OPP-33001.</p>"
    raw = ("From: Mara Quist <mara@pelton.example>\nSubject: Grange Dairy\nContent-Type: text/html; charset=utf-8\n"
           "Content-Transfer-Encoding: {cte}\n\n{body}\n")
    plain = tmp_path / "plain.eml"
    plain.write_text(raw.format(cte="8bit", body=html), encoding="utf-8")
    doc = read_source(plain)
    assert doc.views == [" ".join(plain.read_text().split()).lower()]  # the raw file only: quotes are cut to it
    b64 = tmp_path / "b64.eml"
    b64.write_text(raw.format(cte="base64", body=base64.b64encode(html.encode()).decode()), encoding="utf-8")
    doc = read_source(b64)
    assert len(doc.views) == 2 and "account: grange dairy, opp-33001." in doc.views[1]
