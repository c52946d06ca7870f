"""A refusal, a "no", a deferral or a field said to be open is no support for the field (SPEC section 5:
fields the sources do not support are missing, never invented). Each case keeps the real statements
around it, so the field is missing because of what was said, not because nothing was found."""

from __future__ import annotations

from drafter.extract.sentences import sentences
from tests.invented import draft_text, vtt

INTRO = [
    ("Odette Varga", "Morning both. Ravi, this is Colm Fitzgerald; Colm is channel director at Brindle Data Works."),
    ("Colm Fitzgerald", "Hello Ravi. Brindle Data Works builds and runs data platforms for hospital groups."),
    ("Ravi Menon", "Hi Colm. Ravi Menon, AE for healthcare in the South West."),
    ("Colm Fitzgerald", "So, Tamsin Health Group. We built their patient-flow warehouse in 2022 and we run "
                        "their data support desk."),
    ("Ravi Menon", "They're on my H2 named-account list. OPP-41172 is open, stage one, from a February enquiry."),
    ("Odette Varga", "So partner-influenced. What set it off?"),
    ("Colm Fitzgerald", "Their operations director, Imogen Price, on our last review: \"We cancel forty theatre "
                        "slots a month because the bed data is a day old.\""),
]


def _draft(tmp_path, turns, name="call.vtt"):
    return draft_text(tmp_path, vtt(INTRO + turns), name)


def test_no_ends_a_sentence_unless_a_number_follows():
    text = "Honestly, no. Tamsin won't allow it. See item No. 4 for details."
    spans = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert spans == ["Honestly, no.", "Tamsin won't allow it.", "See item No. 4 for details."]


def test_a_no_to_a_request_for_something_to_read_leaves_evidence_missing(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "Is there anything written up I can read first? A case study, or notes from that review?"),
        ("Colm Fitzgerald", "Honestly, no. Tamsin won't let us publish a case study, and the review isn't minuted. "
                            "So nothing I can give you a link to."),
        ("Ravi Menon", "I'll bring the theatre-scheduling demo to the review on Tuesday 9 December."),
    ])
    assert packet.fields["evidence"].value is None
    assert "theatre-scheduling demo" in (packet.value("seller_move") or "")


def test_minutes_kept_internal_and_a_case_study_never_done_are_no_evidence(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "Is there anything written I can read before the 9th?"),
        ("Colm Fitzgerald", "Not really. The review minutes are internal to the hospital and I can't pass them on, "
                            "and we've never done a Tamsin case study. So nothing to send."),
    ])
    assert packet.fields["evidence"].value is None
    assert "Imogen Price" in (packet.value("trigger") or "")


def test_a_partner_waiting_on_someone_elses_word_has_no_move(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "Colm, could Brindle send me the theatre cancellation extract before then?"),
        ("Colm Fitzgerald", "On the extract: I need to run that past our MD before I commit Brindle to sharing "
                            "anything. Leave it with me; I'll come back to you next week one way or the other."),
    ])
    assert packet.fields["partner_move"].value is None


def test_agreeing_there_is_no_way_in_is_no_warm_path(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "How well do you know Imogen?"),
        ("Colm Fitzgerald", "I've never met Imogen. Our contacts there are in the data team."),
        ("Odette Varga", "I agree with Colm that we have no way in to Imogen for now, so I'm not going to pretend "
                         "there's an introduction."),
    ])
    assert packet.fields["warm_path"].value is None


def test_a_joint_offer_said_to_be_open_is_no_value_proposition(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "What would we actually pitch them, bed forecasting or the theatre scheduling?"),
        ("Colm Fitzgerald", "I'd hold off on the pitch. I don't know yet whether their bed data is clean enough. "
                            "Let's look at the extract first and decide what the joint offer is after that."),
        ("Odette Varga", "Fine, joint offer is open until we've seen the data."),
    ])
    assert packet.fields["value_prop"].value is None


def test_a_customer_who_has_said_nothing_specific_gives_no_trigger(tmp_path):
    turns = [t for t in INTRO if not t[1].startswith(("So partner", "Their operations"))]
    packet = draft_text(tmp_path, vtt(turns + [
        ("Odette Varga", "Colm, what's the problem they've actually told you about?"),
        ("Colm Fitzgerald", "Honestly? They haven't said anything specific yet. Their director mentioned costs in "
                            "passing, the way everyone does. I'll ask her properly at the next review."),
    ]), "call.vtt")
    assert packet.fields["trigger"].value is None


def test_no_way_in_said_in_a_thread_is_no_warm_path(tmp_path):
    packet = draft_text(tmp_path, (
        "From: Odette Varga <odette@ourco.example>\nTo: Colm Fitzgerald <colm@brindle.example>\n"
        "Cc: Ravi Menon <ravi@ourco.example>\nSubject: Re: Tamsin Health Group - theatre slots\n"
        "Date: Tue, 18 Nov 2025 10:00:00 +0000\n\n"
        "Colm,\n\nThanks. Ravi: Tamsin Health Group is on your named-account list and OPP-41172 is open.\n\n"
        "I agree with Colm that we have no way in to Imogen for now, so I'm not going to pretend there's an "
        "introduction. If anyone at Tamsin offers one, we'll take it.\n\nOdette\n\n"
        "On Mon, 17 Nov 2025, Colm Fitzgerald <colm@brindle.example> wrote:\n"
        "> We built Tamsin's patient-flow warehouse in 2022 and run their data support desk.\n"
        "> Their operations director, Imogen Price, told us: \"We cancel forty theatre slots a month.\"\n"
        "> I'll be honest about the relationship: I've never met Imogen. Our contacts at Tamsin are in the\n"
        "> data team, and I wouldn't ask them to broker a meeting with her.\n"), "thread.eml")
    assert packet.fields["warm_path"].value is None
    assert "Imogen Price" in (packet.value("trigger") or "")


def test_having_no_way_in_under_a_relationship_label_is_no_warm_path(tmp_path):
    packet = draft_text(tmp_path, (
        "# Tamsin Health Group / Brindle Data Works\n\n"
        "Attendees: Colm Fitzgerald (channel director, Brindle Data Works), Ravi Menon (AE)\n\n"
        "- Account: Tamsin Health Group, OPP-41172, on Ravi's named-account list.\n"
        "- Brindle built Tamsin's patient-flow warehouse in 2022.\n"
        "- Relationship: we have no way in to Imogen Price for now, so nobody is pretending there's an intro.\n"
        "- Ravi to bring the theatre-scheduling demo to Tamsin on 9 December.\n"), "sync.md")
    assert packet.fields["warm_path"].value is None
    assert "theatre-scheduling demo" in (packet.value("seller_move") or "")


def test_a_joint_offer_left_open_until_later_in_a_bullet_is_no_value_proposition(tmp_path):
    packet = draft_text(tmp_path, (
        "# Tamsin Health Group / Brindle Data Works\n\n"
        "Attendees: Colm Fitzgerald (channel director, Brindle Data Works), Ravi Menon (AE)\n\n"
        "- Account: Tamsin Health Group, OPP-41172, on Ravi's named-account list.\n"
        "- Brindle built Tamsin's patient-flow warehouse in 2022.\n"
        "- Joint offer: Fine, the joint offer is open until we've seen their bed data.\n"
        "- Ravi to bring the theatre-scheduling demo to Tamsin on 9 December.\n"), "sync.md")
    assert packet.fields["value_prop"].value is None
    assert "theatre-scheduling demo" in (packet.value("seller_move") or "")


def test_contacts_below_the_buyer_and_a_guess_at_who_signs_are_no_warm_path(tmp_path):
    packet = draft_text(tmp_path, (
        "# Tamsin Health Group QBR with Brindle Data Works\n\n"
        "From Brindle Data Works: Colm Fitzgerald (channel director). From our side: Ravi Menon (AE).\n\n"
        "**Tamsin Health Group.** Ravi has OPP-41172 open at stage 2 and Tamsin is on his FY priority list. "
        "Brindle built Tamsin's patient-flow warehouse in 2022 and runs their data support desk.\n\n"
        "The gap is the relationship. Colm's contacts at Tamsin are the data analysts; nobody at Brindle knows the "
        "clinical operations people who would sign for this. Colm thinks the COO \"is probably the one\", but "
        "that is a guess from LinkedIn, and he has no way to introduce Ravi to anyone above the data team yet.\n\n"
        "Ravi agreed to send the theatre-scheduling sample to his Tamsin procurement contact by Friday 5 December.\n"),
        "qbr.md")
    assert packet.fields["warm_path"].value is None
    assert "theatre-scheduling sample" in (packet.value("seller_move") or "")


def test_bare_names_in_an_attendee_list_are_people_and_an_internal_planning_call_holds_no_handoff(tmp_path):
    packet = draft_text(tmp_path, (
        "Channel kickoff planning -- Tue 3 June -- our side only\n"
        "Notes: Priya Raman (alliances)\n"
        "On the call: Priya Raman, Tobias Wren, Elodie Marchetti, Saul Brandt (events), Ines Oyelaran (RevOps, "
        "second half)\n\n"
        "1) Venue\n- Kickoff confirmed for 9-10 October in Porto. Saul has the contract.\n\n"
        "2) Incentives\n- Proposal to raise the co-sell bonus for partner-sourced deals if the conflict check is on "
        "file at registration. Tobias thinks finance will push back. Priya to write it up for the VP.\n\n"
        "Actions\n- Saul: hotel rooms released, 20 June\n- Elodie: breakout outline, 15 July\n"
        "- Tobias: find a keynote speaker, 15 July\n"), "planning.txt")
    assert all(f.value is None for f in packet.fields.values())


def test_an_answer_taken_back_in_the_same_turn_leaves_the_conflict_check_open(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "Do we know if anyone's registered on Tamsin? Any reseller?"),
        ("Colm Fitzgerald", "I don't think so. We don't resell, and I've never seen another partner in there. "
                            "But I haven't looked, and I can't see your portal anyway."),
        ("Ravi Menon", "Okay. Nobody's checked it yet then. Parking that."),
    ])
    assert packet.fields["conflict"].value is None
    assert "haven't looked" in (packet.fields["conflict"].note or "")


def test_nothing_i_can_link_is_no_evidence(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "Anything I can read on the warehouse work?"),
        ("Colm Fitzgerald", "There is nothing I can link yet. The warehouse case study lives on our intranet."),
    ])
    assert packet.fields["evidence"].value is None


def test_a_handoff_claimed_as_mine_names_its_owner(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "If Brindle ties the bed data to our scheduler, Imogen can hand the board a live view."),
        ("Odette Varga", "For the record, the Tamsin handoff is mine, Odette Varga in partner marketing, until "
                         "Ravi accepts. Ravi, tell me by Thursday?"),
    ])
    assert (packet.value("owner") or "").startswith("For the record, the Tamsin handoff is mine")


def test_the_shared_intro_names_the_partner_so_the_cases_above_are_not_empty(tmp_path):
    # every case above drops a field the partner would otherwise support: that only means something when
    # the partner is found
    packet = _draft(tmp_path, [])
    assert "Brindle Data Works" in (packet.value("partner") or "")
    assert "Colm" in (packet.value("partner") or "")


def test_a_need_the_customer_never_voiced_is_no_trigger(tmp_path):
    packet = _draft(tmp_path, [
        ("Ravi Menon", "So nobody at Tamsin has asked for theatre scheduling?"),
        ("Colm Fitzgerald", "Not in so many words. Imogen hasn't raised it on our calls. But it's the obvious next "
                            "thing for them."),
    ])
    trigger = packet.fields["trigger"]
    # the quote in the intro still stands; the later answer takes nothing away from it, and adds nothing to it
    assert "hasn't raised it" not in (trigger.value or "")


def test_time_with_the_buyer_got_for_the_seller_is_a_warm_path(tmp_path):
    packet = _draft(tmp_path, [
        ("Colm Fitzgerald", "They've got their theatre review on the 22nd. I can get you twenty minutes with "
                            "Imogen after it."),
    ])
    assert "twenty minutes with Imogen" in (packet.value("warm_path") or "")


def test_a_joint_story_not_worked_out_and_parked_is_no_value_proposition(tmp_path):
    packet = _draft(tmp_path, [
        ("Odette Varga", "Colm, how would you describe what we'd do together? I need a line for the packet."),
        ("Colm Fitzgerald", "Honestly, we haven't worked out the split. Our warehouse already flags late bed data, so "
                            "part of your pitch overlaps ours."),
        ("Colm Fitzgerald", "I need to talk to our product team before I'd put a joint story in front of Imogen."),
        ("Odette Varga", "Fair. Let's park the joint story for now."),
    ])
    assert packet.fields["value_prop"].value is None


def test_a_partner_that_declined_both_asks_has_no_move(tmp_path):
    text = """BRINDLE / TAMSIN - STEERING MINUTES
Present: Colm Fitzgerald (channel director, Brindle Data Works), Ravi Menon (AE, healthcare)

4.1 Account. Tamsin Health Group. OPP-41172 is open, stage one; Tamsin is on Ravi's H2 named-account list.
4.2 Standing. Brindle built Tamsin's patient-flow warehouse in 2022 and runs its data support desk.
4.7 Partner action. Ravi asked whether Brindle could share a bed-data extract, or run a workshop with Tamsin,
before 3 December. Colm declined both: the support contract does not cover extracts. No other Brindle action was
agreed.
"""
    packet = draft_text(tmp_path, text, "minutes.txt")
    assert "patient-flow warehouse" in (packet.value("why_partner") or "")
    assert packet.fields["partner_move"].value is None
    assert "declined both" in (packet.fields["partner_move"].note or "")


def test_a_wish_with_no_date_and_a_seller_torn_between_moves_leave_both_open(tmp_path):
    packet = _draft(tmp_path, [
        ("Colm Fitzgerald", "I'd like to send the bed-data extract, but it belongs to Tamsin; I would not put a date "
                            "on it."),
        ("Ravi Menon", "On what I actually do next I'm torn: either a discovery call with Imogen, or a pilot "
                       "proposal. Let me talk it through with my manager."),
    ])
    assert packet.fields["partner_move"].value is None
    assert packet.fields["seller_move"].value is None


def test_a_move_not_pinned_down_an_owner_between_two_and_no_words_from_the_customer(tmp_path):
    text = """brindle / tamsin sync -- rough
Colm Fitzgerald (channel director, Brindle Data Works), Ravi Menon (AE, healthcare)

Tamsin Health Group, OPP-41172 open, on Ravi's H2 named-account list
- trigger: none from the customer yet. Colm has not heard Tamsin raise theatre scheduling
- partner move: not pinned down. Colm would like to pull the bed data but can't say when
- owner: NB: me or Kenji? decide thurs
"""
    packet = draft_text(tmp_path, text, "sync.txt")
    assert packet.fields["trigger"].value is None
    assert packet.fields["partner_move"].value is None
    assert packet.fields["owner"].value is None


def test_a_document_someone_will_dig_up_is_no_evidence(tmp_path):
    packet = _draft(tmp_path, [
        ("Colm Fitzgerald", "We have a case study from another hospital group and the ops review deck, I'll dig them "
                            "up. Nothing sent yet, no link."),
    ])
    assert packet.fields["evidence"].value is None
