"""How notes say things a reader understands without effort: open questions in plain words, a field
left open after it was discussed, meetings as events, "he" and "it" pointing back, moves done in the
meeting itself, email replies and labels addressed to "you"."""

from __future__ import annotations

from drafter.extract.offline import draft
from drafter.ingest import read_sources
from tests.invented import TODAY, draft_text

HEAD = ("Partner call: Ridgeway Networks, 3 March\n"
        "Present: Kwame Asante (alliances lead, Ridgeway Networks), Yannis Pappas (our AE, utilities)\n\n"
        "Prairie Bend Water is on Yannis's named-account list; OPP-67131 is open from their RFQ.\n\n")


def _draft(tmp_path, text, name="notes.txt"):
    return draft_text(tmp_path, text, name)


def test_an_undecided_move_in_plain_words_is_missing_and_an_agreement_is_not(tmp_path):
    packet = _draft(tmp_path, HEAD + (
        "**Our next step:** no idea yet. Yannis wants to see the cabinet list first.\n\n"
        "**Ownership:** I own this handoff until Yannis accepts it, and Yannis has agreed to respond within "
        "three business days.\n"), "notes.md")
    assert packet.fields["seller_move"].value is None
    assert "no idea yet" in packet.fields["seller_move"].note
    assert "three business days" in packet.value("owner")


def test_a_check_not_done_yet_is_missing(tmp_path):
    packet = _draft(tmp_path, HEAD + "Registration: I haven't checked yet.\n\nOwnership: no idea yet.\n")
    assert packet.fields["conflict"].value is None and packet.fields["owner"].value is None


def test_a_field_left_open_after_it_was_discussed_is_missing(tmp_path):
    said = ("Their operations manager, Dale Cooper, told Kwame: \"Half our pump stations lose telemetry "
            "whenever a cabinet is on battery.\"\n\n")
    open_ = "What set this off, meaning what problem Dale is trying to fix, Kwame honestly doesn't know yet.\n\n"
    assert _draft(tmp_path, HEAD + said + open_).fields["trigger"].value is None
    # the other way round the notes' last word is what the customer said
    assert "on battery" in _draft(tmp_path, HEAD + open_ + said).value("trigger")


def test_how_people_meet_is_a_warm_path(tmp_path):
    packet = _draft(tmp_path, HEAD + (
        "Kwame met Prairie Bend's operations manager, Dale Cooper, at the WaterTech expo two weeks ago. "
        "He told Kwame, word for word: \"Half our pump stations go dark whenever a cabinet is on battery.\"\n"))
    assert "WaterTech expo" in packet.value("warm_path") and "Dale Cooper" in packet.value("warm_path")
    assert "on battery" in packet.value("trigger")  # "He told Kwame" is Dale speaking


def test_he_in_a_later_paragraph_of_an_email_is_the_customer_named_before(tmp_path):
    packet = _draft(tmp_path, (
        "From: Kwame Asante <kwame@ridgeway.example>\nTo: Yannis Pappas <yannis@ourco.example>\n"
        "Subject: Prairie Bend Water\nDate: Mon, 3 Mar 2025 09:00:00 +0000\n\n"
        "Yannis,\n\nPrairie Bend Water is on your named-account list and OPP-67131 is open.\n\n"
        "Ridgeway has run Prairie Bend's SCADA network since 2020, so I see their operations manager, "
        "Dale Cooper, most days.\n\n"
        "Can we do something this week? He eats lunch in the depot canteen on Thursdays and is happy for "
        "me to bring someone.\n\nKwame\n"), "mail.eml")
    warm = packet.value("warm_path")
    assert "lunch" in warm and "Dale Cooper" in warm


def test_it_is_the_document_named_before_and_sharing_it_now_is_not_a_move(tmp_path):
    packet = _draft(tmp_path, "WEBVTT\n\n" + "\n".join(
        f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{who}: {text}\n" for i, (who, text) in enumerate([
            ("Kwame Asante", "I'm the alliances lead at Ridgeway Networks."),
            ("Yannis Pappas", "Prairie Bend Water is on my named-account list; OPP-67131 is open."),
            ("Kwame Asante", "One thing I can share is our outage report for Prairie Bend. "
                             "Dropping it in the chat: prairie-bend-outages.pdf"),
        ], 1)), "call.vtt")
    evidence = packet.value("evidence")
    assert "outage report" in evidence and "prairie-bend-outages.pdf" in evidence
    assert packet.fields["partner_move"].value is None


MAIL = """From: Tobias Engel <tobias.engel@peakrate.example>
To: Olga Petrenko <olga.petrenko@peakrate.example>
Cc: Kaito Nakamura <kaito.nakamura@summitloop.example>
Subject: Fwd: Silvertip co-sell handoff
Date: Mon, 22 Sep 2025 15:04:37 -0600

Olga,

Account: Silvertip Mountain Resort. It's on your FY named list, and the opportunity is OPP-52894.

Partner: Kaito Nakamura, resort solutions lead at Summit Loop Systems. Summit Loop installed Silvertip's
RFID gates in 2021 and runs their ticketing help desk.

Next step for you: bring the pricing simulation to the pricing workshop on 14 October.

Proof: Summit Loop's Silvertip RFID case study, https://summitloop.example.com/silvertip

I own this handoff until you accept it. Please confirm by Friday 26 September.

Tobias
"""


def test_a_handoff_email_in_labels_addressed_to_you(tmp_path):
    packet = _draft(tmp_path, MAIL, "mail.eml")
    assert "pricing simulation" in packet.value("seller_move")  # "Next step for you": the recipient's
    assert packet.value("owner").startswith("Tobias Engel: I own this handoff")
    assert "RFID gates" in packet.value("why_partner")  # said under "Partner:", about their standing
    assert packet.metadata["account"] == "Silvertip Mountain Resort"  # "Silvertip RFID" is its system


def test_a_quoted_reply_is_its_writers_and_an_owner_line_keeps_to_itself(tmp_path):
    packet = _draft(tmp_path, (
        "From: Ines Duarte <ines@corvidsys.example>\nTo: Marco Ruiz <marco@ourco.example>\n"
        "Cc: Tobias Kern <tobias@ourco.example>\nSubject: Re: Bellamar Hotels\n"
        "Date: Tue, 6 May 2025 10:12:00 +0200\n\n"
        "Marco, Corvid Systems has hosted Bellamar's booking system since 2019.\n\n"
        "I'll send Tobias the interface list for all 9 hotels by Friday 9 May.\n\nInes\n\n"
        "> On Mon, 5 May 2025 at 17:40, Marco Ruiz <marco@ourco.example> wrote:\n"
        "> Tobias is our AE for hospitality; Bellamar Hotels is on his Q2 focus list and OPP-62001 is open.\n"
        "> I'll own this handoff until Tobias confirms; Tobias, please reply by 9 May.\n"
        "> Tobias will send the guest messaging demo video before the offsite on the 15th.\n"), "mail.eml")
    assert packet.metadata["seller"] == "Tobias Kern"
    owner = "Marco Ruiz: I'll own this handoff until Tobias confirms; Tobias, please reply by 9 May."
    assert packet.value("owner") == owner
    assert "demo video" in packet.value("seller_move")
    assert "interface list" in packet.value("partner_move")


def test_a_word_of_a_name_used_alone_is_that_person(tmp_path):
    packet = _draft(tmp_path, "WEBVTT\n\n" + "\n".join(
        f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n<v {who}>{text}\n" for i, (who, text) in enumerate([
            ("Aoife Gallagher", "Lan, this is Park Min-jun, our AE for food distribution. Min-jun, "
                                "Nguyen Thi Lan looks after Marisol at Frostline."),
            ("Park Min-jun", "Marisol Fresh is one of my top ten; OPP-45716 is open."),
            ("Aoife Gallagher", "Lan, can you send Min-jun the temperature export?"),
            ("Nguyen Thi Lan", "Yes, I'll send Min-jun the temperature export by Friday 17 October."),
        ], 1)), "call.vtt")
    assert "Nguyen Thi Lan" in packet.value("partner") and "Frostline" in packet.value("partner")
    assert "temperature export" in packet.value("partner_move")
    assert packet.metadata["seller"] == "Park Min-jun"


def test_a_joint_proposal_in_a_prose_summary(tmp_path):
    packet = _draft(tmp_path, HEAD + (
        "The joint proposal as we described it: our network monitoring watches every pump station; Ridgeway "
        "designs, builds and maintains the battery backup in each cabinet.\n"))
    value = packet.value("value_prop")
    assert "network monitoring" in value and "battery backup" in value


def test_our_own_history_with_the_account_is_not_a_joint_value(tmp_path):
    packet = _draft(tmp_path, (
        "Call notes - Orla Freight / Tamar Logistics, 12 June\n"
        "Written up by Carla Mendes (partner manager)\n\n"
        "Present: Piet Smit (alliances lead, Tamar Logistics), Dev Rao (our AE, freight) and me.\n\n"
        "Orla Freight is on Dev's named-account list; OPP-40110 is open. We've also supported Orla's billing "
        "team since 2020 through our customer success group.\n\n"
        "Tamar Logistics runs Orla's warehouse management system and has two consultants on site every week.\n\n"
        "Piet would like to send us Orla's shipment volumes, but he needs his MD's sign-off first; nothing "
        "agreed yet.\n"))
    assert packet.fields["value_prop"].value is None
    assert "warehouse management system" in packet.value("why_partner")
    assert packet.fields["partner_move"].value is None


def test_a_sentence_weakly_like_another_field_stays_with_the_statement_it_belongs_to(tmp_path):
    turns = [
        ("Ines Duarte", "Thanks both. Rui, this is Sofia Pinto, our AE for hotels."),
        ("Rui Tavares", "Hello Sofia. I run the hospitality practice at Atlântico Consultores."),
        ("Sofia Pinto", "Grupo Solmar is on my named list; OPP-40771 is open, stage 2."),
        ("Ines Duarte", "How do we get to their revenue director, Paulo Reis?"),
        ("Rui Tavares", "I sit on their pricing committee every month, because of the PMS reports. Paulo and I get on "
                        "well. The next committee is next Tuesday, the 14th. I can introduce Sofia there and give her "
                        "twenty minutes at the end."),
    ]
    vtt = "WEBVTT\n\n" + "\n".join(f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n<v {who}>{text}\n"
                                   for i, (who, text) in enumerate(turns, 1))
    p = tmp_path / "call.vtt"
    p.write_text(vtt, encoding="utf-8")
    warm = draft(read_sources([p]), today=TODAY).value("warm_path")
    assert "pricing committee" in warm and "introduce Sofia" in warm


def test_a_quotation_read_out_of_the_customer_s_document_is_the_trigger(tmp_path):
    turns = [
        ("Pablo Ruiz", "Thanks both. Let's go straight to Monteverde."),
        ("Lucía Ferrer", "I lead the public sector team at Nimbo Sistemas. The Hospital Monteverde published a "
                         "tender last week for \"hosting of the patient portal\"."),
        ("Pablo Ruiz", "Monteverde is on my named list. I opened OPP-51230 when I saw the notice."),
        ("Lucía Ferrer", "The justification in the tender is direct. I'll read it: \"The patient portal went down "
                         "three times during the vaccination campaign, and patients waited on the phone for hours.\""),
    ]
    vtt = "WEBVTT\n\n" + "\n".join(f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{who}: {text}\n"
                                   for i, (who, text) in enumerate(turns, 1))
    p = tmp_path / "call.vtt"
    p.write_text(vtt, encoding="utf-8")
    assert "went down three times" in draft(read_sources([p]), today=TODAY).value("trigger")
    mail = ("Hi Ana,\n\nHospital Monteverde sent us an RFI on Friday; OPP-51230 is on your named list.\n\n"
            "I can't forward the RFI itself, but the background section says, word for word: \"Every referral "
            "letter is retyped by hand at the central admissions desk.\"\n\nLucía\n")
    p = tmp_path / "mail.txt"
    p.write_text(mail, encoding="utf-8")
    assert "retyped by hand" in (draft(read_sources([p]), today=TODAY).value("trigger") or "")
