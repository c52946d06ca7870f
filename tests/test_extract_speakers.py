"""Who speaks and who writes: speakers named only by what they say, a write-up's author, email sides."""

from __future__ import annotations

from tests.invented import draft_text, srt, vtt


def _draft(tmp_path, text, name):
    return draft_text(tmp_path, text, name)


_srt = srt


def test_captions_without_names_take_speakers_from_self_introductions(tmp_path):
    packet = _draft(tmp_path, _srt([
        "Hello all, can you hear me? It's Monday the 3rd of November.",
        "Yes. I'm Lena Brandt, I run partnerships at Corvid Systems.",
        "Hi Lena, this is Omar Haddad, I'm the AE for retail in Iberia.",
        "Let's talk about Mercado Alto Supermercados.",
        "Mercado Alto is on my Q1 list, OPP-77310 is open from their RFP in October.",
        "Corvid has run the store network for Mercado Alto since 2020.",
        "Omar here. I'll book a 30-minute discovery call with their CIO for next Tuesday.",
    ]), "call.srt")
    assert "Lena Brandt" in packet.value("partner") and "Corvid" in packet.value("partner")
    assert "Mercado Alto" in packet.value("account") and "OPP-77310" in packet.value("account")
    seller = packet.fields["seller_move"]
    assert "discovery call" in seller.value
    assert seller.evidence[-1].speaker == "Omar Haddad"  # the caption named no one; "Omar here" did
    assert packet.metadata["seller"] == "Omar Haddad"


def test_capital_labels_take_the_full_name_and_role_said_in_the_call(tmp_path):
    packet = _draft(tmp_path, _srt([
        "TOM: Thanks for joining. Nina, for Raj: you're channel lead at Pelham Networks, yes?",
        "NINA: That's me, Nina Okoro. So, Harrow Bay Water.",
        "RAJ: Harrow Bay Water is on my territory plan; OPP-55120 is open.",
        "NINA: We built and still run their telemetry network, since 2019.",
    ]), "call.srt")
    partner = packet.value("partner")
    assert "Nina Okoro" in partner and "Pelham Networks" in partner
    assert "Harrow Bay Water" in packet.value("account")
    assert "telemetry network" in packet.value("why_partner")


def test_a_speaker_describing_themself_in_a_voice_tag_file(tmp_path):
    packet = _draft(tmp_path, "WEBVTT\n\n" + "\n".join(
        f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n<v {who}>{text}</v>\n" for i, (who, text) in enumerate([
            ("Ida Lange", "Morning. Ida Lange, practice director at Fjordline Consulting."),
            ("Sam Reid", "Sam Reid, I'm the AE for insurers in the north."),
            ("Ida Lange", "So, Brackwater Mutual. We've run their claims desk for four years."),
            ("Sam Reid", "Brackwater Mutual is one of my named accounts, OPP-61200 is open."),
        ], 1)), "call.vtt")
    assert "Ida Lange" in packet.value("partner") and "Fjordline" in packet.value("partner")
    assert "claims desk" in packet.value("why_partner")
    assert packet.metadata["seller"] == "Sam Reid"


def test_the_author_of_a_write_up_is_its_i(tmp_path):
    packet = _draft(tmp_path, (
        "Call summary: Tamar Logistics / Orla Freight\n"
        "Written up by Carla Mendes (partner manager) after the call\n\n"
        "Present were Piet Smit, alliances lead at Tamar Logistics, and Dev Rao, our AE for freight.\n\n"
        "The account is Orla Freight. Orla Freight is on Dev's named-account list; OPP-40110 is open.\n\n"
        "I will own this handoff until Dev accepts it; he agreed to reply within two business days.\n"
    ), "summary.txt")
    owner = packet.value("owner")
    assert owner.startswith("Carla Mendes: I will own this handoff")
    assert "Tamar Logistics" in packet.value("partner") and "Piet Smit" in packet.value("partner")


def _email(frm, to, cc, body):
    return (f"From: {frm}\nTo: {to}\nCc: {cc}\nSubject: Co-sell handoff: Brinley Foods\n"
            f"Date: Wed, 08 Oct 2025 14:32:10 +0100\n\n{body}\n")


BODY = ("Account: Brinley Foods, your opportunity OPP-38111, on your FY26 named-account list.\n\n"
        "Why Kestrel: Kestrel Automation has run Brinley's packing lines since 2019.\n\n"
        "Your next move: send the line-speed benchmark to Ana Costa by Friday 10 October.\n\n"
        "Owner: I own this handoff until you accept. Please reply within 2 business days.\n")


def test_an_email_between_colleagues_is_ours_and_your_move_is_the_recipients(tmp_path):
    packet = _draft(tmp_path, _email("Rui Tavares <rui@ourco.example>", "Mia Berg <mia@ourco.example>",
                                     "Ana Costa <ana.costa@kestrel.example>", BODY), "m.eml")
    assert "Kestrel" in packet.value("partner") and "Ana Costa" in packet.value("partner")
    assert "line-speed benchmark" in packet.value("seller_move")  # "your" is the AE the email is to
    assert packet.fields["partner_move"].value is None
    assert packet.value("owner").startswith("Rui Tavares: I own this handoff")


def test_your_move_in_an_email_to_the_partner_is_the_partners(tmp_path):
    body = BODY.replace("your opportunity", "our opportunity").replace("your FY26", "our FY26")
    body = body.replace("Ana Costa", "us")
    packet = _draft(tmp_path, _email("Rui Tavares <rui@ourco.example>", "Ana Costa <ana.costa@kestrel.example>",
                                     "Deal Desk <deals@ourco.example>",
                                     body.replace("Account:", "Partner: Kestrel Automation, Ana Costa.\n\nAccount:")),
                    "m.eml")
    assert "line-speed benchmark" in packet.value("partner_move")
    assert packet.fields["seller_move"].value is None


def test_a_joint_value_said_in_two_turns_is_one_value(tmp_path):
    packet = _draft(tmp_path, _srt([
        "ANA: Pia, you're alliances lead at Norrvik Data, yes?",
        "PIA: That's me, Pia Lund. So, Selvik Ferries; OPP-20931 is open and it's on Ana's focus list.",
        "PIA: Their ops director, Lars Ek, said: \"We lose two sailings a month to engine faults.\"",
        "ANA: That's exactly our engine monitoring. We flag bearing wear from the vibration data weeks ahead.",
        "PIA: And Norrvik installs the sensors on the engines, so the data reaches you from the ship.",
    ]), "call.srt")
    value = packet.value("value_prop")
    assert "engine monitoring" in value and "installs the sensors" in value


def test_an_answer_to_who_knows_the_customer_is_the_warm_path(tmp_path):
    packet = _draft(tmp_path, _srt([
        "ANA: Pia, you're alliances lead at Norrvik Data, yes?",
        "PIA: That's me, Pia Lund. So, Selvik Ferries; OPP-20931 is open and it's on Ana's focus list.",
        "PIA: Their ops director, Lars Ek, told me they lose two sailings a month.",
        "ANA: How well do you know Lars?",
        "PIA: We worked together for years, it's a proper friendship. I'll set up a coffee with him and you next week.",
    ]), "call.srt")
    warm = packet.value("warm_path")
    assert "How well do you know Lars?" in warm and "coffee" in warm


def test_unnamed_captions_serving_the_account_are_the_partners_and_an_accepted_invitation_dates_the_move(
        tmp_path):
    packet = _draft(tmp_path, _srt([
        "Okay, we're recording. Hi everyone, Hannah Voss here, I look after our energy partners.",
        "Hi Hannah. I'm Kwame Asante, managing director at Asante Grid Services.",
        "And I'm Lotte Brink, account executive for utilities in the Netherlands.",
        "So, Veluwe Water.",
        "Veluwe Water Board. I have OPP-64410 open, stage one.",
        "Right. We did the SCADA upgrade on Veluwe's pumping stations, and we have three engineers in their"
        " control room right now.",
        "Their operations director, Joris Bakker, said \"we lost two days of telemetry in March and I never want"
        " that again.\"",
        "What I can do: I sit in their maintenance review every Thursday with Joris. Come next Thursday, the"
        " 20th, and I'll give you the last fifteen minutes.",
        "I'll be there. I'll bring the telemetry dashboard demo on a tablet.",
    ]), "call.srt")
    assert "SCADA upgrade" in packet.value("why_partner")  # the partner's "we", though the caption names no one
    warm = packet.value("warm_path")
    assert "Joris" in warm and "20th" in warm
    move = packet.value("seller_move")
    assert "dashboard demo" in move and "20th" in move  # "I'll be there" takes the invitation's date


def test_a_speaker_giving_only_their_first_name_and_role_at_a_firm_works_there(tmp_path):
    packet = _draft(tmp_path, _srt([
        ("Ines Varga", "Recording's on. Odile, Bram, thanks for joining."),
        ("Odile Fontaine", "Hello. Odile, alliances manager at Grantham Signal Works. We install and run "
                           "station displays for rail operators."),
        ("Bram Kessler", "Bram Kessler, AE for transport. Good to meet you."),
        ("Odile Fontaine", "So, Northmoor Rail. We run their platform displays and I'm on a monthly call with "
                           "their operations lead."),
        ("Bram Kessler", "They're on my H2 list. OPP-51920 is open, stage one."),
        ("Bram Kessler", "Owner TBD; Wendeline from partner marketing usually takes these, but she is out."),
    ]), "call.srt")
    assert "Grantham" in (packet.value("partner") or "")
    assert "Odile Fontaine" in (packet.value("partner") or "")
    assert packet.metadata["partner"] == "Grantham Signal Works"


def test_a_speaker_telling_the_person_they_greet_their_role_and_firm_places_that_person(tmp_path):
    packet = _draft(tmp_path, _srt([
        ("Petra Lindgren", "Marta, hi. Joel is joining too."),
        ("Joel Sandoval", "Hi Marta, Joel, AE for agriculture in the east. Petra says you're the alliances lead "
                          "at Quillfield?"),
        ("Marta Oyelaran", "That's me. Quillfield Agritech, irrigation controls. Quick one first: Dunmore Seeds "
                           "asked about you, but Harrow Grain Supply registered Dunmore with you last year."),
        ("Petra Lindgren", "Yes, Dunmore is Harrow Grain Supply's. Leave it."),
        ("Marta Oyelaran", "So, Tallowmere Farms. We installed the irrigation controllers on all four estates."),
        ("Joel Sandoval", "They're on my Q2 list. OPP-62017 is open, stage one."),
    ]), "call.srt")
    assert packet.metadata["partner"] == "Quillfield Agritech"
    assert "Marta Oyelaran" in (packet.value("partner") or "")


def test_a_later_sentence_about_someone_else_is_not_the_speaker_s_own_role(tmp_path):
    text = vtt([
        ("Nikhil Bhatt", "Morning Amara, morning Esme."),
        ("Amara Nwosu", "So, for Esme. I head the maritime practice at Bowline. We built Causeway Island Ferries' "
                        "booking system in 2021 and we host it."),
        ("Esme Hartigan", "And Causeway is on my territory list. There's OPP-35811 at stage one."),
        ("Amara Nwosu", "That was their old CEO. Different people now."),
    ])
    p = draft_text(tmp_path, text, "call.vtt")
    assert "Bowline" in (p.value("partner") or "")
    assert "Amara" in (p.value("partner") or "")
    assert "old CEO" not in (p.value("partner") or "")
