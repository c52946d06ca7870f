"""Whose words a sentence carries: the customer's pain said without "said" or "told", "her words"
across a caption or paragraph break, a voice reported from outside the table, who speaks an unnamed
caption, and who owns the handoff when "I" says so."""

from __future__ import annotations

from drafter.extract.cues import DEFAULT, load_cues
from drafter.extract.entities import find_entities
from drafter.extract.structure import layout
from drafter.ingest import read_sources
from tests.invented import draft_text, vtt

INTRO = [
    ("Greta Lund", "Thanks both. Wednesday the 19th of November. Felix, this is Priya Nair, our AE for retail."),
    ("Felix Moreau", "Hello Priya. I lead alliances at Corbel Systems."),
    ("Priya Nair", "Bramwell Stores is on my named-account list and OPP-48110 is open from their RFP."),
]


def _vtt(turns, voice_tags=True):
    return vtt(turns, style="tag" if voice_tags else "colon")


def _draft(tmp_path, text, name="call.vtt"):
    return draft_text(tmp_path, text, name)


def test_her_words_in_the_next_caption_are_the_customers_trigger(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "What started this: their head of stores, Hana Sato, wrote to our service desk."),
        ("Felix Moreau", "Her words were: \"We lose four thousand till hours a year to price overrides at "
                         "the checkout.\""),
    ], voice_tags=False))
    trigger = packet.value("trigger")
    assert "four thousand till hours" in trigger and "Hana Sato" in trigger


def test_a_quotation_standing_alone_after_her_words_is_the_trigger(tmp_path):
    packet = _draft(tmp_path, (
        "From: Felix Moreau <felix@corbel.example>\nTo: Priya Nair <priya@ourco.example>\n"
        "Subject: Bramwell Stores\nDate: Mon, 17 Nov 2025 09:00:00 +0000\n\n"
        "Priya,\n\nBramwell Stores is on your named-account list (OPP-48110).\n\n"
        "At RetailTech North last week I got talking to Hana Sato, head of stores at Bramwell Stores. Her "
        "words, which I noted down:\n\n"
        "\u201cOur store managers spend two hours every Monday fixing shelf labels by hand, and we still get "
        "9 percent price complaints.\u201d\n\n"
        "She asked me to put her in touch with whoever does the pricing.\n\nFelix\n\n"
        "Felix Moreau | Alliances Lead | Corbel Systems\n"), "thread.txt")
    assert "9 percent price complaints" in packet.value("trigger")
    warm = packet.value("warm_path")
    assert "Hana Sato" in warm and "put her in touch" in warm


def test_a_voice_reported_from_outside_the_table_is_the_customers(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "The regional director, Tomasz Wolny, said to me last week, his words: &quot;Our "
                         "energy bill went up forty percent and the board wants a plan by March.&quot;"),
    ]))
    trigger = packet.value("trigger")
    assert "energy bill went up forty percent" in trigger
    assert "regional director" not in (packet.value("partner") or "")  # his role, not the speaker's


def test_she_two_sentences_after_the_customer_is_named_is_still_her(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Who do you know there, Felix?"),
        ("Felix Moreau", "Their head of stores, Hana Sato. I sat on a retail panel with her in 2022 and we "
                         "kept in touch after she joined Bramwell. She gave me her card and picks up when I "
                         "call."),
    ]))
    warm = packet.value("warm_path")
    assert "Hana Sato" in warm and "card" in warm


def test_owning_the_handoff_in_the_first_person_with_an_acceptance_window(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "I'll send Priya the till fault log by Friday the 21st."),
        ("Greta Lund", "Great. I'll own this one on our side. Priya, please confirm you're taking it by "
                       "Tuesday the 25th."),
    ]))
    owner = packet.value("owner")
    assert "Greta Lund" in owner and "25th" in owner
    assert "confirm you're taking it" not in (packet.value("seller_move") or "")


def test_their_own_staff_is_no_owner(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "We run their tills since 2019. I know their store estate better than some of their "
                         "own managers."),
    ]))
    assert packet.fields["owner"].value is None


def test_unnamed_captions_answering_a_named_turn_and_moves_without_a_speaker(tmp_path):
    lines = [
        "Good morning. Thursday the 20th of November.",
        "I'll start. Greta Lund, partner manager at Quillon.",
        "Hi, this is Felix Moreau from Corbel Systems. I lead alliances for the north.",
        "And I'm Priya Nair, account executive for retail at Quillon.",
        "Felix, you wanted to talk about Bramwell Stores?",
        "Yes. Bramwell Stores runs our till software in all 60 stores, since 2019.",
        "Bramwell Stores is on my named list for H1, no opportunity yet.",
        "Then I'll request a pricing discovery call through their procurement portal this week.",
        "And I'll export their weekly override counts and send them to you by Wednesday the 26th.",
    ]
    srt = "\n".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{t}\n" for i, t in enumerate(lines, 1))
    packet = _draft(tmp_path, srt, "call.srt")
    assert packet.metadata["partner"] == "Corbel Systems" and packet.metadata["seller"] == "Priya Nair"
    assert "till software" in packet.value("why_partner")
    assert "discovery call" in packet.value("seller_move")
    assert "override counts" in packet.value("partner_move")


def test_a_customers_own_data_in_a_move_is_no_owner(tmp_path):
    # "on Bramwell's own till data": the adjective, not the verb
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "I'm coming on the 4th to run the pricing demo on Bramwell's own till data."),
    ]))
    assert packet.fields["owner"].value is None


def test_the_sellers_move_is_not_confirming_acceptance_nor_lost_to_an_own(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "I'll bring a pricing model to the 4 December review, worked out so the CFO can check "
                       "his own figures."),
        ("Greta Lund", "I hold the Bramwell handoff until Priya accepts it."),
        ("Priya Nair", "I'll confirm acceptance by Thursday the 27th."),
    ]))
    seller = packet.value("seller_move") or ""
    assert "pricing model" in seller and "confirm acceptance" not in seller


def test_being_their_provider_since_a_year_is_the_partners_standing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "We've been their network provider since 2017, and we look after every store router."),
        ("Felix Moreau", "For background, here's the refit summary we wrote when we replaced the store hardware: "
                         "https://corbel.example.com/bramwell-refit"),
    ]))
    assert "network provider" in packet.value("why_partner")


def test_the_partners_own_standing_beats_our_ae_describing_its_part_in_the_offer(tmp_path):
    # what our AE says the partner will do in the joint offer is the offer; the partner's own account of
    # what it supplies the customer is its standing
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "Corbel supplies every till and scanner for Bramwell's 60 stores, plus the head-office "
                         "servers. "
                         "We've been on their approved supplier list since 2018."),
        ("Priya Nair", "The fit is good. Our loss-prevention analytics flag refund fraud at the till within a day. "
                       "Corbel ships the sensors with the till upgrade and runs the monthly audits for Bramwell."),
    ]))
    why = packet.value("why_partner") or ""
    assert "every till" in why
    # the partner's own word leads; our AE's account of its part in the offer is at most added after it
    assert "monthly audits" not in why.split("every till")[0]


def test_the_response_window_in_the_next_turn_completes_the_owner(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Greta Lund", "I hold the Bramwell handoff until Priya accepts it."),
        ("Priya Nair", "I'll confirm acceptance by Thursday the 27th. I want to read the refit notes first."),
    ]))
    owner = packet.value("owner")
    assert "Greta Lund" in owner and "27th" in owner


def test_a_sentence_adverb_before_ill_is_no_organisation(tmp_path):
    # "Meanwhile I'll draft ...": neither "Meanwhile I'll" nor "I'll" names an organisation
    text = _vtt(INTRO + [
        ("Felix Moreau", "We run the tills in every Bramwell store since 2019."),
        ("Priya Nair", "Meanwhile I'll draft the pricing section of their RFP answer and send it to Felix by Monday."),
        ("Greta Lund", "Meanwhile I'll check the registrations."),
    ])
    p = tmp_path / "call.vtt"
    p.write_text(text, encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert not any("I'll" in a for o in ents.orgs for a in o.aliases)
    assert "pricing section" in (_draft(tmp_path, text).value("seller_move") or "")


def test_a_tender_named_by_its_reference_number_is_evidence(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "We run the tills in every Bramwell store since 2019."),
        ("Felix Moreau", "The tender itself is on Bramwell's supplier portal, reference BRM-TND-4471."),
    ]))
    assert "BRM-TND-4471" in (packet.value("evidence") or "")
