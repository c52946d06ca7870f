"""Word documents as Word writes them: list paragraphs with no marker in their text, bold lead-ins as
labels, one line per paragraph (never the wrapped tail of the one before), and a legal suffix with
dots ("Tsubame Systems K.K.")."""

from __future__ import annotations

from datetime import date

import docx

from drafter.extract.offline import draft
from drafter.ingest import read_sources

TODAY = date(2025, 11, 24)


def _bold_lead(document, lead, rest):
    p = document.add_paragraph()
    p.add_run(lead).bold = True
    p.add_run(rest)


def _draft(tmp_path, document):
    path = tmp_path / "notes.docx"
    document.save(path)
    return draft(read_sources([path]), today=TODAY)


def test_list_paragraphs_are_bullets_each_on_its_own(tmp_path):
    d = docx.Document()
    d.add_heading("Co-sell prep: Fjordline IT x Brekke Hotels", 1)
    d.add_paragraph("Call on Monday 5 May 2025 with Sigrid Aas.")
    d.add_heading("Account", 2)
    d.add_paragraph("Customer: Brekke Hotels, 12 coastal hotels. Opportunity OPP-41200, stage 2, on my priority "
                    "list.", style="List Bullet")
    d.add_heading("Partner", 2)
    d.add_paragraph("Fjordline IT, a managed service provider in Tromsø. Contact: Sigrid Aas, delivery director.",
                    style="List Bullet")
    d.add_heading("Conflict check", 2)
    d.add_paragraph("Alliances checked the portal on 2 May: no registration on Brekke Hotels, none pending at all.",
                    style="List Bullet")
    d.add_paragraph("Fjordline's sister company Kvitt Security sells a competing filter; not on this account.",
                    style="List Bullet")
    packet = _draft(tmp_path, d)
    conflict = packet.value("conflict")
    assert "no registration on Brekke Hotels" in conflict and "Kvitt Security" in conflict
    text = read_sources([tmp_path / "notes.docx"])[0].text
    assert all(e.quote == text[e.start:e.end] for f in packet.fields.values() for e in f.evidence)


def test_bold_lead_ins_label_paragraphs_and_a_dotted_suffix_ends_the_name(tmp_path):
    d = docx.Document()
    _bold_lead(d, "Sync minutes", "")
    _bold_lead(d, "Date:", " Thursday 10 April 2025")
    _bold_lead(d, "Attendees:", " Ren Kato, alliance manager, Tsubame Systems K.K.; Aya Mori, presales, Tsubame "
                                "Systems; Lena Berg, AE Japan, Arcwell.")
    _bold_lead(d, "Item 1, Midori Foods:", " Tsubame's renewal at Midori Foods (OPP-10001) is due on 30 June. Not a "
                                           "co-sell item.")
    _bold_lead(d, "Item 2, Kasumi Cold Storage:", " Ren met their COO at an expo. Lena opened OPP-20002 right after, "
                                                  "so this is partner-sourced.")
    _bold_lead(d, "Why them.", " Tsubame installed the freezer sensors in all 9 Kasumi warehouses since 2020.")
    packet = _draft(tmp_path, d)
    assert packet.metadata["account"] == "Kasumi Cold Storage"
    assert packet.metadata["partner"] == "Tsubame Systems K.K."
    assert "freezer sensors" in packet.value("why_partner")


def test_each_list_paragraph_is_a_bullet_of_its_own(tmp_path):
    from drafter.extract.cues import load_cues
    from drafter.extract.structure import layout

    d = docx.Document()
    d.add_heading("Moves", 2)
    long_one = "Maja: join the 14 May service meeting with a 20-minute reception-PC phishing demo for the team."
    d.add_paragraph(long_one, style="List Bullet")
    d.add_paragraph("Partner: not agreed yet.", style="List Bullet")
    d.add_paragraph("A plain paragraph of more than sixty characters that wraps nowhere in Word at all.")
    d.add_paragraph("and a second one starting in lower case.")
    path = tmp_path / "notes.docx"
    d.save(path)
    lay = layout(read_sources([path]), load_cues())
    units = [(u.kind, lay.text(u)) for u in lay.units]
    assert units[1:3] == [("bullet", long_one), ("bullet", "Partner: not agreed yet.")]
    assert [k for k, _ in units[3:]] == ["text", "text"]
