"""Mail threads and names as they are written in them: an address list with encoded names, an
Outlook reply under "-----Original Message-----", a quoted first message, a saint's name with its
possessive ("St. Anselm's Children's Clinic")."""

from __future__ import annotations

from datetime import date

from drafter.extract.offline import draft
from drafter.ingest import read_sources

TODAY = date(2025, 11, 24)


def _draft(tmp_path, text, name):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return draft(read_sources([p]), today=TODAY)


THREAD = """From: Maura Quinlan <maura.quinlan@veltra.example>
To: Owen Rafferty <owen.rafferty@veltra.example>, =?utf-8?q?Siobh=C3=A1n?= Dwyer <siobhan.dwyer@carrowmore.example>
Subject: RE: St. Anselm's theatre scheduling
Date: Wed, 12 Nov 2025 10:02:00 +0000
Content-Type: text/plain; charset="utf-8"

Thanks both, noted.

Maura

-----Original Message-----
From: Owen Rafferty <owen.rafferty@veltra.example>
Sent: Monday, November 10, 2025 9:00 AM
To: Siobhán Dwyer <siobhan.dwyer@carrowmore.example>
Subject: RE: St. Anselm's theatre scheduling

Maura: St. Anselm's is on your named-account list, OPP-55120 is open from their tender.

How I'd put it: our theatre scheduler plans every list, and Carrowmore feeds it the PAS extract.

Owen

On Fri, 7 Nov 2025 at 16:20, Siobhán Dwyer <siobhan.dwyer@carrowmore.example> wrote:
> Hi Owen,
>
> St. Anselm's General Hospital, Sligo. Carrowmore Health Systems has run their PAS since 2019.
>
> Their theatre manager, Brid Lally, said: "We cancel four lists a week because the rota is on paper."
>
> Sadly we lost Tuam District Hospital (OPP-50010) last month; nothing to do there.
>
> Siobhán
"""


def test_a_name_in_an_address_list_is_quoted_whole(tmp_path):
    packet = _draft(tmp_path, THREAD, "thread.eml")
    partner = packet.fields["partner"]
    assert "Siobhán Dwyer" in partner.value
    assert all(e.quote.strip() == e.quote and not e.quote.endswith("Dwye") for e in partner.evidence)


def test_a_saints_name_with_its_possessive_is_one_organisation(tmp_path):
    packet = _draft(tmp_path, THREAD, "thread.eml")
    assert packet.metadata["account"] == "St. Anselm's General Hospital"
    assert "OPP-55120" in packet.value("account")
    assert "Tuam" not in packet.value("account")


def test_a_possessive_before_a_product_is_not_part_of_a_name(tmp_path):
    packet = _draft(tmp_path, """Call notes, 3 November 2025

Account: Norrvik Ferries (OPP-31002)
Partner: Skerry Marine, Ida Holm (alliances lead)
Why them: Skerry Marine overhauls Norrvik's MTU engines since 2018.
""", "notes.txt")
    assert packet.metadata["account"] == "Norrvik Ferries"
    assert "MTU engines" in packet.value("why_partner")
