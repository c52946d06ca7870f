"""A chat log pasted as text ("[10:02] Name: words", as Teams and Slack export it): each line is a turn
of its speaker, with its time."""

from __future__ import annotations

from datetime import date

from drafter.extract.offline import draft
from drafter.ingest import read_sources

TODAY = date(2025, 11, 24)

PARTICIPANTS = ("Participants: Ola Berge (Lumora, partner manager), Tomas Lind (Lumora, AE retail), "
                "Vera Holm (Fjordwise Consulting, practice lead)")
CHAT = f"""Microsoft Teams - #kestrel-cosell
Tuesday 4 November 2025
{PARTICIPANTS}

[09:02] Ola Berge: Morning. Vera, you had one for us?
[09:03] Vera Holm: Yes. Kestrel Outdoor Stores, 30 shops in Norway.
[09:03] Vera Holm: We built their loyalty app integration in 2022 and still run their store systems.
[09:04] Tomas Lind: Kestrel Outdoor is on my list. We opened OPP-77120 in October, stage 1.
[09:05] Tomas Lind: What's our angle against the loyalty module they already have?
[09:06] Vera Holm: Honestly not sure yet. Our architect needs to look at what they licensed.
[09:06] Ola Berge: Then let's not write the joint pitch until he has.
[09:07] Ola Berge: Conflict: I checked the portal this morning. No one registered on Kestrel Outdoor.
[09:08] Vera Holm: Posting our Kestrel loyalty integration case study: https://fjordwise.example/cases/kestrel
[09:09] Ola Berge: I'll own this until Tomas decides. Tomas, answer by Friday pls.
"""


def _draft(tmp_path):
    p = tmp_path / "chat.txt"
    p.write_text(CHAT, encoding="utf-8")
    return draft(read_sources([p]), today=TODAY)


def test_each_chat_line_is_a_turn_of_its_speaker(tmp_path):
    packet = _draft(tmp_path)
    why = packet.fields["why_partner"]
    assert "loyalty app integration" in why.value and "Tomas Lind" not in why.value
    assert why.evidence[0].speaker == "Vera Holm"
    owner = packet.fields["owner"]
    assert "I'll own this" in owner.value and owner.evidence[0].speaker == "Ola Berge"
    assert "[09:0" not in owner.value

