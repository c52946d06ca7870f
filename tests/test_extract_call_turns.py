"""A call where the customer's voice is reported, the joint offer leans on the customer's own records, and a
registration question is answered with a hunch. Each text is invented for the test."""

from __future__ import annotations

from tests.invented import draft_text, srt, vtt

TURNS = [
    ("Piet Varga", "Morning both. Quick intro: Odile, this is Bram Kessel, our AE for utilities."),
    ("Odile Marchetti", "Hi Bram. I run the utilities practice at Lindqvist Partners."),
    ("Piet Varga", "So, Harrowmere Water. Odile, what's the story?"),
    ("Odile Marchetti", "We built Harrowmere Water's asset register and we still host it for them."),
    ("Bram Kessel", "Harrowmere is on my named list. There's OPP-71234, stage one, from a webinar."),
    ("Odile Marchetti", "At the spring review the operations director, Cora Delmonte, stood up in the board "
                        "meeting and said, quote, \"We sent crews to forty burst mains last winter that a sensor "
                        "would have flagged.\" The board asked for a plan by autumn."),
    ("Bram Kessel", "That's our territory. Our leak model predicts bursts per pipe from pressure history and "
                    "soil data and ranks which mains to inspect first. Then you push the ranking straight into "
                    "the asset register you host."),
    ("Piet Varga", "How well do you know Cora? Would she take a meeting?"),
    ("Odile Marchetti", "Very well. Cora Delmonte chairs the asset board, next one is Thursday the 20th, and she "
                        "asked me in June whether we \"know anyone who can get ahead of the bursts.\" I can get Bram "
                        "fifteen minutes on that agenda."),
    ("Bram Kessel", "I'll come on the 20th with the leak model demo loaded with public pipe data."),
    ("Bram Kessel", "Is anyone registered on Harrowmere? A reseller, another partner?"),
    ("Odile Marchetti", "Not from us. I have a feeling a reseller sold your old telemetry product there years ago, "
                        "but I honestly don't know."),
    ("Piet Varga", "I haven't looked yet. I'll raise it with the channel desk."),
    ("Piet Varga", "I'll own this handoff until Bram accepts it, by Tuesday the 18th."),
]


def _packet(tmp_path):
    return draft_text(tmp_path, vtt(TURNS, style="colon"), "call.vtt")


def test_someone_who_acted_and_then_said_is_the_customer_voice(tmp_path):
    # "Cora Delmonte stood up in the board meeting and said ...": the words reported are the buyer's, so the
    # partner knowing her well is the warm path
    p = _packet(tmp_path)
    assert "Cora" in (p.value("warm_path") or "")
    assert "fifteen minutes" in (p.value("warm_path") or "") or "know Cora" in (p.value("warm_path") or "")


QUOTED = """# Co-sell notes: Lindqvist Partners x Harrowmere Water

Piet Varga (alliances), 12 June. Call with Odile Marchetti, utilities practice lead at Lindqvist Partners.

## Account
Harrowmere Water. OPP-71234, stage 1, Bram's; on his named list.

## What Harrowmere said
Cora Delmonte, the operations director at Harrowmere Water, spoke at the spring review. She said, quote, "We sent
crews to forty burst mains last winter."

In June Cora asked Odile whether we "know anyone who can fix the burst
problem"; Odile can get Bram fifteen minutes at her board on the 20th.
"""


def test_said_quote_marks_the_buyers_words_as_the_trigger(tmp_path):
    # "said, quote, ..." gives the words verbatim: the trigger, ahead of a later request for help
    assert "forty burst mains" in (draft_text(tmp_path, QUOTED, "notes.md").value("trigger") or "")


def test_a_records_history_is_what_the_offer_works_from_not_standing(tmp_path):
    # "from pressure history" is data, not the partner's history with the account; "push ... straight into the
    # register you host" is the partner's part of the offer
    value = _packet(tmp_path).value("value_prop") or ""
    assert "leak model predicts bursts" in value
    assert "asset register you host" in value


def test_a_hunch_that_ends_in_i_dont_know_leaves_the_conflict_open(tmp_path):
    p = _packet(tmp_path)
    assert p.fields["conflict"].status == "missing"


UNNAMED_CALL = [
    "Right, everyone's on. For the notes, this is Ilse from partner marketing,",
    "and with us is Pavel Dvorak, retail practice lead at Lanterne Data.",
    "Hello Tomas, thanks for making time.",
    "Sure. Calder Outfitters is on my list this year, and OPP-51873 is already open at stage one.",
    "We built Calder's order warehouse two years ago and we still run it for them.",
    "Their COO, Mirela Stan, said to us: \"We can't see returns until a week after they happen.\"",
    "Then I'll ask for an hour on June 9th and do a returns dashboard walkthrough with their ops team.",
    "I'll send you their weekly return volumes by June 4th.",
    "Okay, so it's me, Ilse, on the hook for this handoff until Tomas says yes. Tomas, can you confirm by June 2nd?",
    "Should be fine.",
]


def test_a_walkthrough_with_a_date_is_a_seller_move_in_a_call_without_names(tmp_path):
    packet = draft_text(tmp_path, srt(UNNAMED_CALL), "call.srt")
    assert "walkthrough" in (packet.value("seller_move") or "")


def test_on_the_hook_for_the_handoff_names_the_owner(tmp_path):
    owner = draft_text(tmp_path, srt(UNNAMED_CALL), "call.srt").value("owner") or ""
    assert "Ilse" in owner and "June 2nd" in owner


ROUTES = [
    ("Greta Lund", "Thanks both. Felix, this is Priya Nair, our AE for retail."),
    ("Felix Moreau", "Hello Priya. I lead alliances at Corbel Systems. We run the depot handhelds for "
                     "Bramwell Stores."),
    ("Priya Nair", "Bramwell Stores is on my named-account list, OPP-48110 is open."),
    ("Felix Moreau", "Their logistics head, Odile Brandt, told us: \"Half our vans reach a dock that is "
                     "already shut.\""),
    ("Priya Nair", "Ouch. That's route optimisation. We track every van's stops each morning, and we can re-plan "
                   "when a dock closes."),
    ("Felix Moreau", "And the swap happens on our handhelds. If your system moves a stop, the driver app shows it "
                     "at once, so nobody drives to a closed dock."),
]


def test_each_side_names_its_part_of_the_offer_in_its_own_turn(tmp_path):
    """'That's route optimisation.' names our part; the partner's turn states theirs in a sentence that names
    neither side, and the turn says whose it is."""
    value = draft_text(tmp_path, vtt(ROUTES), "call.vtt").value("value_prop") or ""
    assert "route optimisation" in value and "driver app" in value


def test_loading_data_into_the_partners_system_is_their_part_of_the_offer(tmp_path):
    lines = UNNAMED_CALL[:6] + [
        "And we'd load the scan events into the warehouse we already run, so ops see returns the same day.",
    ] + UNNAMED_CALL[6:]
    value = draft_text(tmp_path, srt(lines), "call.srt").value("value_prop") or ""
    assert "scan events" in value


def test_no_registrations_and_the_deal_kept_direct_is_the_conflict_check(tmp_path):
    turns = ROUTES + [("Greta Lund", "On registrations, I looked on Monday: there are no registrations on Bramwell, "
                                     "so Priya keeps the deal direct and Corbel is logged as influence.")]
    conflict = draft_text(tmp_path, vtt(turns), "call.vtt").value("conflict") or ""
    assert "no registrations" in conflict


PITCHSIDE = [
    ("Rafe Dunstan", "So, Ironbridge. Leon, for context: Jolene is venue accounts lead at Pitchside AV, our "
                     "integration partner for stadiums."),
    ("Jolene Marsh", "Right. Ironbridge Stadium, thirty-one thousand seats. We installed the stadium Wi-Fi in 2022."),
    ("Leon Haddad", "And it's on my list. We have OPP-81426 open from their hospitality RFP in August."),
    ("Rafe Dunstan", "Registration. Is anyone registered on Ironbridge?"),
    ("Jolene Marsh", "I'd guess not, they've always bought direct as far as I know. I haven't looked, to be fair."),
    ("Leon Haddad", "Me neither. Someone should."),
]


def test_a_firm_described_as_our_integration_partner_is_the_partner_not_a_person(tmp_path):
    p = draft_text(tmp_path, srt(PITCHSIDE), "call.srt")
    assert "Pitchside AV" in (p.value("partner") or "")
    assert "Jolene" in (p.value("partner") or "")


def test_a_topic_announced_in_a_turn_and_a_guess_are_no_conflict_check(tmp_path):
    p = draft_text(tmp_path, srt(PITCHSIDE), "call.srt")
    assert p.fields["conflict"].value is None


BECKETT = [
    ("Maeve Costigan", "Gareth, Sanjay is commercial director at Beckett Building Controls."),
    ("Sanjay Kulkarni", "Larchmont Property Group, fourteen towers. We installed the building management system in "
                        "nine of them and we service all nine."),
    ("Gareth Pryce", "Larchmont is on my named list. I have OPP-46683, stage two, from their sustainability manager, "
                     "Otto Brandt."),
    ("Gareth Pryce", "Our energy analytics finds the zones that heat and cool at the same time and recommends "
                     "set-point changes floor by floor."),
    ("Sanjay Kulkarni", "And we'd apply those set-point changes through the building management system we already "
                        "service, and tune the schedules."),
    ("Maeve Costigan", "Who do you know there, Sanjay?"),
    ("Sanjay Kulkarni", "That's the weak spot. His replacement is Elena Voss. I've never met her. Our technicians deal "
                        "with the building engineers on call-outs."),
    ("Gareth Pryce", "Then I'll book the energy analytics demo with Otto for this week."),
    ("Sanjay Kulkarni", "I'll send you the BMS point list and trend logs for two of the towers by the 20th."),
]


def test_each_side_says_its_part_and_dealing_with_engineers_is_no_deal(tmp_path):
    p = draft_text(tmp_path, vtt(BECKETT), "call.vtt")
    assert "apply those set-point changes" in (p.value("value_prop") or "")
    assert "energy analytics finds the zones" in (p.value("value_prop") or "")
    # "Our technicians deal with the building engineers" is no other account's deal: the moves after it stand
    assert "energy analytics demo" in (p.value("seller_move") or "")
    assert "trend logs" in (p.value("partner_move") or "")
    assert p.fields["warm_path"].value is None


def test_an_opportunity_to_be_opened_ties_the_customer_the_turn_names(tmp_path):
    text = vtt([
        ("Rosa Lindgren", "Wes, quick context: Nadia is director of port solutions at Halyard Marine Systems."),
        ("Nadia Okafor", "So, Grayhaven Container Terminal. We implemented their terminal operating system in 2021."),
        ("Nadia Okafor", "Every gate transaction at Grayhaven goes through the system we look after."),
        ("Wes Kimura", "Grayhaven isn't in my CRM at all. No opportunity, no inbound. So if this goes anywhere, "
                       "I'll open one today and it'll be partner-sourced."),
    ])
    p = draft_text(tmp_path, text, "call.vtt")
    assert (p.value("account") or "").startswith("Grayhaven Container Terminal")
    assert p.metadata.get("seller") == "Wes Kimura"
