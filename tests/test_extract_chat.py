"""A chat log pasted as text ("[10:02] Name: words", as Teams and Slack export it): each line is a turn
of its speaker, with its time."""

from __future__ import annotations

from datetime import date

from drafter.extract.offline import draft
from drafter.ingest import read_sources
from tests.invented import draft_text

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



EXPORT = "\n".join([
    'Slack export: #ext-tollgate-cosell (shared with Tollgate Fleet Software)',
    '',
    '[Mon 4 Aug 09:02] Ruth Okafor: Morning @Sami Lind, pulling in @Dev Patel, our AE for bus operators.',
    "[Mon 4 Aug 09:05] Sami Lind: Hi Dev! I'm the accounts lead at Tollgate Fleet Software.",
    '[Mon 4 Aug 09:09] Dev Patel: Hi Sami. Ruth said Carrow Coaches?',
    "[Mon 4 Aug 09:14] Sami Lind: Yes. Tollgate's depot system runs in all nine Carrow depots and we host it.",
    '[Mon 4 Aug 09:18] Dev Patel: Carrow is on my Q4 target list. OPP-40917 is open, stage 1.',
    '[Mon 4 Aug 09:25] Dev Patel: Our tyre analytics predicts wear per axle and books the swap, and it '
    "writes work orders straight into the depot system. Sami, you'd turn on the work order API and map "
    'the axle codes for each depot?',
    '[Mon 4 Aug 09:31] Sami Lind: Yes, about a day of work per depot for us.',
    '[Mon 4 Aug 09:40] Ruth Okafor: Sami, who do you know in their engineering team? Could you introduce '
    'Dev to Hana Brooks, their chief engineer?',
    '[Mon 4 Aug 09:46] Sami Lind: Honestly, nobody. Our relationship is with their finance office, once a'
    " year at renewal. I've never spoken to Hana. LinkedIn says she joined from a rival last year, maybe "
    'someone on your side knows her?',
    "[Mon 4 Aug 09:52] Dev Patel: I'll email their chief engineer a tyre spend estimate by Friday 15 August.",
    "[Mon 4 Aug 09:58] Sami Lind: I'll export twelve months of tyre replacements by depot for you by Tue 12 August.",
    "[Mon 4 Aug 10:05] Noor Haddad: Partner marketing here. I'll own the Carrow handoff until Dev "
    'accepts. Dev, accept by Wed 6 August?',
    '[Mon 4 Aug 10:07] Dev Patel: Will do.',
    '',
])


def test_someone_who_writes_once_after_a_stamp_is_a_speaker(tmp_path):
    # "[10:05] Noor Haddad: ..." is her own turn, not more of the line before
    owner = draft_text(tmp_path, EXPORT, "export.txt").value("owner") or ""
    assert "Noor Haddad" in owner
    assert "Sami Lind" not in owner


def test_a_question_the_partner_confirms_states_their_part_of_the_offer(tmp_path):
    value = draft_text(tmp_path, EXPORT, "export.txt").value("value_prop") or ""
    assert "tyre analytics" in value
    assert "map the axle codes" in value
    assert "relationship is with" not in value  # whom the partner knows is no part of the offer


def test_nobody_answering_who_do_you_know_leaves_the_warm_path_missing(tmp_path):
    p = draft_text(tmp_path, EXPORT, "export.txt")
    assert p.fields["warm_path"].status == "missing"


def test_i_after_an_aside_is_the_speaker_not_the_person_brought_along(tmp_path):
    """'she was my mentor :smile: I can bring Tomas to the tour': the partner offers to bring the seller; the
    seller's move is his own line after it."""
    text = f"""Microsoft Teams - #kestrel-cosell
Tuesday 4 November 2025
{PARTICIPANTS}

[09:02] Ola Berge: Morning. Vera, you had one for us?
[09:03] Vera Holm: Kestrel Outdoor Stores, 30 shops in Norway. We still run their store systems.
[09:04] Tomas Lind: Kestrel Outdoor is on my list, OPP-77120.
[09:05] Ola Berge: how do we reach their COO, Signe Aas?
[09:06] Vera Holm: simple, she was my mentor :smile: I can bring Tomas to the 12 November store tour
[09:07] Tomas Lind: perfect, I'll come to the 12 November tour with a one-page rollout sketch for two shops
[09:08] Ola Berge: I'll own this until Tomas decides. Tomas, answer by Friday pls.
"""
    packet = draft_text(tmp_path, text, "chat.txt")
    assert "rollout sketch" in (packet.value("seller_move") or "")
