"""Which organisation is the account, which the partner, and whether the notes hold a handoff at all:
names written several ways, descriptions in rough dumps, who speaks in a caption file without names,
the customer the talk settles on after a distractor, and "no handoff" only on evidence."""

from __future__ import annotations

from drafter.extract.cues import DEFAULT, load_cues
from drafter.extract.entities import find_entities
from drafter.extract.structure import layout
from drafter.ingest import read_sources
from tests.invented import draft_text, srt, vtt


def _draft(tmp_path, text, name="notes.txt"):
    return draft_text(tmp_path, text, name)


_srt = srt


def _vtt(turns):
    return vtt(turns, style="colon")


def test_one_organisation_written_short_and_long_is_one_account(tmp_path):
    packet = _draft(tmp_path, (
        "Subject: Ashford Dairy Co-op - milk cooling alerts\n\n"
        "Partner call with Fenmore Refrigeration, 4 March. Present: Ilse Brandt (alliances manager, Fenmore "
        "Refrigeration), Tom Achebe (our AE, agriculture)\n\n"
        "Ashford Dairy Cooperative is on Tom's named-account list and OPP-55120 is open from their RFI.\n"
        "Fenmore Refrigeration has serviced the Ashford Dairy Co-op tanks since 2017.\n"))
    assert packet.metadata["account"] == "Ashford Dairy Cooperative"
    assert "OPP-55120" in packet.value("account")
    assert "since 2017" in packet.value("why_partner")


def test_a_group_called_by_its_last_word_and_its_system_by_initials_is_one_account(tmp_path):
    packet = _draft(tmp_path, (
        "Partner call summary, 2 October. Present: Rui Lobo, head of alliances at Castelo Cloud; "
        "Dana Kim (AE, hotels).\n\n"
        "The main item was Hoteles Marisma Reunidos, a group of 12 hotels. Dana has OPP-70211 open for them. "
        "Marisma runs Castelo's booking engine in every hotel, and Marisma CRS feeds it nightly.\n"
        "Marisma is on Dana's named-account list.\n"))
    assert packet.metadata["account"] == "Hoteles Marisma Reunidos"
    assert "OPP-70211" in packet.value("account")


def test_a_rough_dump_defines_the_partner_by_initials_inside_a_description(tmp_path):
    packet = _draft(tmp_path, (
        "pinecrest sync -- mon 3 nov -- rough notes\n\n"
        "who: Oskar Lind (PI = Pinecrest Integration, plant automation lead), Sara Holm (PI acct mgr), "
        "Maya Osei (AE utilities)\n\n"
        "1) NWD <- main thing\n"
        " - NWD = Northvale Water District. opp OPP-40022, stg 1, Maya's\n"
        " - PI = NWD's controls integrator since 2015. did the HMI refresh at the east plant last yr\n"
        " - ACTION Oskar: send the east plant network diagram to Maya by thu (6th)\n"))
    assert "Oskar Lind" in packet.value("partner")
    assert "controls integrator" in packet.value("why_partner")
    assert "network diagram" in packet.value("partner_move")


def test_attendees_split_at_semicolons_and_an_organisation_bringing_people(tmp_path):
    packet = _draft(tmp_path, (
        "Partner call summary, Tuesday 7 October\n\n"
        "Present: Lotte Jansen, head of partnerships for Benelux at Dijkstra Cloud; Pieter Bos, Dijkstra "
        "account manager for Utrecht; from Quillon, Amara Diallo and Ben Ortiz (AE, Dutch retail).\n\n"
        "Winkelhof Retail Group is on Ben's named-account list and OPP-31177 is open.\n"
        "Dijkstra Cloud has hosted Winkelhof's order platform since 2020.\n"))
    assert packet.metadata["partner"].startswith("Dijkstra")
    assert "Lotte Jansen" in packet.value("partner")
    assert packet.metadata["seller"] == "Ben Ortiz"


def test_in_a_caption_file_without_names_the_aes_organisation_is_ours(tmp_path):
    packet = _draft(tmp_path, _srt([
        "Can everyone hear me? Monday the 3rd of November.",
        "I'll go first. Lena Fox, partner manager at Tallyforge.",
        "Hi, this is Omar Haddad from Brightrail Systems. I run channel alliances for the Gulf.",
        "And I'm Nadia Rahman, account executive for logistics at Tallyforge.",
        "Omar, you wanted to talk about Dunecrest Shipping?",
        "Yes. Dunecrest Shipping runs our yard system at both of their Jebel Ali depots.",
        "Dunecrest Shipping is on my named list for H1; there's no opportunity yet.",
    ]), "call.srt")
    assert packet.metadata["partner"] == "Brightrail Systems"
    assert "Omar Haddad" in packet.value("partner") and "run channel alliances" in packet.value("partner")
    assert packet.metadata["seller"] == "Nadia Rahman"
    assert "yard system" in packet.value("why_partner")  # the turn answering the question put to Omar


def test_a_record_id_given_in_reply_ties_the_customer_the_turn_before_brought_up(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Ruth Obi", "Friday sync with Kestrelway, our partner. Idris, this is Chen Wei, our AE for media."),
        ("Idris Kamara", "Hello Chen. I head up partnerships at Kestrelway Media Services."),
        ("Idris Kamara", "Two names today. Hollis Pictures first: registered to another partner, so leave "
                         "Hollis alone."),
        ("Ruth Obi", "Agreed, we stay out of Hollis. And the other?"),
        ("Idris Kamara", "Lanternfish Studios. Chen, I think you already have them?"),
        ("Chen Wei", "I do. OPP-66120, stage one, from a trade show last spring."),
        ("Idris Kamara", "Kestrelway has subtitled every Lanternfish release since 2018."),
    ]), "call.vtt")
    assert packet.metadata["account"] == "Lanternfish Studios"
    assert "OPP-66120" in packet.value("account")
    assert "since 2018" in packet.value("why_partner")


def test_an_account_not_found_leaves_the_rest_of_a_cosell_call_proposed(tmp_path):
    # the customer is never named, only its record: no account to name, but the call is plainly a co-sell
    # (a record id, a partner at the table, a move), so the fields it supports stand
    packet = _draft(tmp_path, _vtt([
        ("Ruth Obi", "Idris, this is Chen Wei, our AE for media."),
        ("Idris Kamara", "Hello Chen. I head up partnerships at Kestrelway Media Services."),
        ("Chen Wei", "The one I care about is OPP-66120, stage one, the studio from the trade show."),
        ("Idris Kamara", "I'll send you their release calendar by Friday the 28th."),
    ]), "call.vtt")
    assert packet.metadata["account"] is None
    assert "Idris Kamara" in packet.value("partner")
    assert "release calendar" in packet.value("partner_move")


def test_notes_that_say_there_is_no_cosell_propose_nothing(tmp_path):
    packet = _draft(tmp_path, (
        "# Quarterly review with Harlow Analytics\n\n"
        "Attendees: Meera Shah (alliances lead, Harlow Analytics), Jon Berg (partner manager)\n\n"
        "## Results\n- 7 deals closed with Harlow this quarter; OPP-10001 closed-won in May.\n\n"
        "## Co-sell nominations\n- None this quarter. Meera will bring two to the next review.\n"), "qbr.md")
    assert all(f.value is None for f in packet.fields.values())
    assert "no co-sell handoff" in packet.fields["partner"].note


def test_an_internal_meeting_with_no_customer_need_proposes_nothing(tmp_path):
    packet = _draft(tmp_path, (
        "# Partner programme weekly\n\nPresent: Ana Ruiz (lead), Kai Sato, Lea Moreau\n\n"
        "- The Corvel Foods case study with Birchline IT went live on the partner site.\n"
        "- Kai will publish the new MDF form by Friday.\n"), "weekly.md")
    assert all(f.value is None for f in packet.fields.values())


def test_two_organisations_sharing_a_first_word_stay_two(tmp_path):
    packet = _draft(tmp_path, (
        "Partner call with Dockline Integration, 4 March. Present: Ilse Brandt (alliances manager, Dockline "
        "Integration), Tom Achebe (our AE, logistics)\n\n"
        "Harbour Freight Lines is on Tom's named-account list and OPP-55120 is open from their RFI.\n"
        "Dockline Integration has run the Harbour Freight Lines yard system since 2018.\n"
        "Different account: Harbour Fresh Foods is registered to another partner, so we stay out.\n"))
    assert packet.metadata["account"] == "Harbour Freight Lines"
    assert "Fresh" not in packet.value("account")


def test_a_partner_who_brings_the_accounts_and_a_customer_with_a_need_but_no_record(tmp_path):
    # no opportunity id and no list: the partner at the table and the customer's own need make it a
    # handoff; the organisation that "brings you the accounts" is the partner though the title names it
    packet = _draft(tmp_path, (
        "# Brightwave co-sell call, 3 March\n\n"
        "Ruth Obi: Idris, this is Chen Wei, our AE for healthcare.\n"
        "Idris Kamara: Hello Chen. I head up partnerships at Brightwave, so I'm the one who brings you the "
        "accounts.\n"
        "Chen Wei: Which one today?\n"
        "Idris Kamara: Olmstead Clinics. They asked us for help with no-shows.\n"
        "Chen Wei: Good. I'll book a discovery call with them next week.\n"
        "Idris Kamara: I'll send you their clinic list by Friday.\n"
        "Ruth Obi: Anything written on Olmstead?\n"
        "Idris Kamara: Not yet.\n"
        "Ruth Obi: Fine, I'll own this one. Chen, accept or decline by Monday the 10th.\n"), "call.md")
    assert packet.metadata["account"] == "Olmstead Clinics" and packet.metadata["partner"] == "Brightwave"
    assert "no-shows" in packet.value("trigger")
    assert "clinic list" in packet.value("partner_move")
    assert packet.fields["evidence"].value is None


def test_a_list_said_of_it_ties_the_customer_the_turn_before_named(tmp_path):
    packet = _draft(tmp_path, _srt([
        "Morning all, it's Tuesday the 4th of November.",
        "Hi, I'm Sofia Brandt, partner manager at Veltrix.",
        "And this is Kenji Mori from Harbourline Analytics. I look after our retail partnerships.",
        "I'm Lucas Meyer, account executive for grocery at Veltrix.",
        "Kenji, you mentioned Greenmarket?",
        "Yes, Cooperativa Greenmarket Foods. We've run their demand forecasting since 2021, all 80 stores.",
        "It's on my named list, no opportunity yet. Greenmarket Foods has been slow to reply.",
        "Who do you know there, Kenji?",
        "I see their supply chain director every month at the forecast review.",
    ]), "call.srt")
    assert packet.metadata["account"] == "Cooperativa Greenmarket Foods"
    assert "named list" in packet.value("account")
    assert "since 2021" in packet.value("why_partner")
    assert "every month" in packet.value("warm_path")  # the caption answering the question put to Kenji


def test_the_real_one_after_a_distractor_and_a_trade_show_in_the_record_sentence(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Hannah Weiss", "Okay, recording. Thursday the 6th of November, partner sync with Orrin Robotics."),
        ("Hannah Weiss", "Dmitri, meet Carla Nunez, our AE for manufacturing."),
        ("Dmitri Sokolov", "Hi Carla. I run partnerships at Orrin Robotics, we bring you the accounts."),
        ("Dmitri Sokolov", "First, Baxter Castings. They want predictive maintenance, but Baxter is registered "
                           "to Ironside Partners, DR-3310."),
        ("Hannah Weiss", "Then Baxter is not ours. What's the real one?"),
        ("Dmitri Sokolov", "Pellworth Plastics. Three plants in Ohio."),
        ("Carla Nunez", "They're on my named-account list. OPP-88120 has been open since the Fabtech show."),
        ("Dmitri Sokolov", "We installed all 40 robot cells at Pellworth in 2022 and we service them monthly."),
        ("Hannah Weiss", "I'll own this. Carla, accept or decline by Monday the 10th."),
    ]), "call.vtt")
    assert packet.metadata["account"] == "Pellworth Plastics" and packet.metadata["partner"] == "Orrin Robotics"
    assert "OPP-88120" in packet.value("account")
    assert "robot cells" in packet.value("why_partner")
    assert "Hannah Weiss" in packet.value("owner") and "10th" in packet.value("owner")


def test_a_firm_named_for_its_founder_is_an_organisation(tmp_path):
    packet = _draft(tmp_path, (
        "# Lindqvist Consulting: Q3 business review\n\n"
        "**Attendees:** Maria Lindqvist (managing partner, Lindqvist Consulting); Ayo Bankole (partner manager), "
        "Ella Frost (AE, Nordics public sector)\n\n"
        "## Co-sell nominations\n"
        "| Account | Status | Note |\n|---|---|---|\n"
        "| Vastra Hamnen Kommun | nominated | OPP-31990, stage 2, Ella's |\n\n"
        "### Vastra Hamnen Kommun\n"
        "- Lindqvist ran the kommun's case management migration in 2023 and still supports it.\n"), "qbr.md")
    assert packet.metadata["partner"] == "Lindqvist Consulting"
    assert "Maria Lindqvist" in packet.value("partner")
    assert "migration in 2023" in packet.value("why_partner")


def test_the_organisation_holding_a_registration_is_never_the_account(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Ama Owusu", "Morning. Olga, this is Sam, our AE for food plants."),
        ("Olga Petrenko", "Hi Sam. I lead alliances at Brightmoor Controls."),
        ("Ama Owusu", "Before Carrow, one thing. Tessel Automation, our distributor, registered Sable Mills in"
                      " March, DR-4471, and Tessel works OPP-61002 with them. So that one is Tessel's."),
        ("Sam Okoro", "Carrow Bakeries. OPP-61340 is open, stage one."),
        ("Olga Petrenko", "We have maintained the Carrow ovens since 2018."),
    ]), "call.vtt")
    assert packet.metadata["account"] == "Carrow Bakeries"
    assert "OPP-61340" in packet.value("account")


def test_a_record_id_later_in_a_turn_ties_the_customer_named_at_its_start(tmp_path):
    packet = _draft(tmp_path, _srt([
        "[Nadia Haddad] Morning both. Rui, this is Kofi, he covers logistics for us.",
        "[Rui Faria] I'm Rui, alliances lead at Portolan Systems.",
        "[Kofi Mensah] Tagus Freight first. We lost Tagus in April, they signed with another vendor.",
        "[Nadia Haddad] So, Lisbon Cold Chain.",
        "[Kofi Mensah] Lisbon Cold Chain Logistics. I've had OPP-70512 open since May, stage one.",
        "[Rui Faria] We run the warehouse scanners for Lisbon Cold Chain since 2021.",
    ]), "call.srt")
    assert packet.metadata["account"] == "Lisbon Cold Chain Logistics"
    assert "OPP-70512" in packet.value("account")
    assert packet.metadata["seller"] == "Kofi Mensah"  # "I've had OPP-70512 open": who holds the record


def test_an_aside_placed_before_the_account_is_not_about_it(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Ines Duarte", "Before Norrvik Harbour, one housekeeping thing: Baltic Reefer is registered to Kestrel"
                        " Trading, so leave it."),
        ("Jonas Ek", "Fine. On Norrvik Harbour, I've got OPP-55871 open from their inbound in May."),
        ("Mara Holm", "I'm partner manager at Fjordline Systems. We run the gate cameras at Norrvik Harbour."),
        ("Jonas Ek", "That's Norrvik's data, not ours, so I'll ask before I use it."),
    ]), "call.vtt")
    assert packet.metadata["account"] == "Norrvik Harbour"
    assert "OPP-55871" in packet.value("account")


def test_of_several_records_the_one_marked_co_sell_is_the_accounts(tmp_path):
    packet = _draft(tmp_path, (
        "# Halvard Mining: account plan\n\n"
        "## Open opportunities\n"
        "| Opp | Name | Stage | Close | Notes |\n|---|---|---|---|---|\n"
        "| OPP-30110 | Licence renewal | 4 | 30 Jun | Procurement wants a discount |\n"
        "| OPP-30244 | Conveyor monitoring | 1 | Q2 FY26 | Co-sell, see below |\n\n"
        "## People\n- Mia Roos, head of processing. Signs the renewal.\n\n"
        "## Co-sell: Ridgeway Services\n\n"
        "**Partner and contact.** Ridgeway Services. Anke Vos, their contracts manager for Halvard.\n\n"
        "**Why Ridgeway.** Ridgeway has maintained Halvard's conveyors since 2019.\n\n"
        "**Conflict and registration.** Checked on 2 June: no deal registration on Halvard or on OPP-30244.\n"),
        "plan.md")
    assert "OPP-30244" in packet.value("account")
    assert "OPP-30110" not in packet.value("account")


def test_a_partner_marketing_thread_about_an_event_and_funds_holds_no_handoff(tmp_path):
    packet = _draft(tmp_path, (
        "From: Dana Kim <dana.kim@ourco.example>\nSent: Friday, 5 September 2025 10:02\n"
        "To: Lucia Rey <lucia@saltmarsh-agri.example>\nSubject: RE: Harvest day MDF claim + webinar\n\n"
        "Lucia, thanks. Finance needs the sign-in sheet before they pay the claim.\n\nDana\n\n"
        "-----Original Message-----\n"
        "From: Lucia Rey <lucia@saltmarsh-agri.example>\nSent: Thursday, 4 September 2025 16:40\n"
        "To: Dana Kim <dana.kim@ourco.example>\nSubject: Harvest day MDF claim + webinar\n\n"
        "Hi Dana,\n\nThe Harvest day went well: 52 farmers signed in. The invoice for the marquee is attached,"
        " inside the MDF we agreed. For the webinar, Orchard Hill Farm's manager is happy to speak again.\n\n"
        "Also, are our two new agronomists on the certification list yet?\n\nLucia\n\n"
        "Lucia Rey | Marketing Manager | Saltmarsh Agri Services\n"), "thread.txt")
    assert packet.metadata["account"] is None
    assert all(f.status == "missing" for f in packet.fields.values())



def test_an_investor_call_holds_no_handoff_whatever_customers_it_names(tmp_path):
    # an earnings call's safe-harbour notice and operator lines mark it, even when it names a customer's deal
    call = ("Q3 results call\n\nSpeaker 1: Welcome to the Halloran Systems Q3 results call; this conference is"
            " being recorded and includes forward-looking statements.\n\nSpeaker 2: Brightlane Consulting, our"
            " partner, told us Corvid Health asked for help with claims backlog (OPP-55120). Ana Ruiz (Brightlane,"
            " alliance lead) will introduce our AE.\n")
    packet = _draft(tmp_path, call, "call.txt")
    assert all(f.status == "missing" for f in packet.fields.values())
    assert "no co-sell handoff" in (packet.fields["account"].note or "")
    assert packet.title is None
    # the same words under a labelled account are notes about that account
    labelled = _draft(tmp_path, "Account: Corvid Health (OPP-55120)\n\n" + call, "labelled.txt")
    assert "Corvid Health" in (labelled.value("account") or "")


def test_notes_mentioning_an_earnings_call_in_passing_still_draft(tmp_path):
    packet = _draft(tmp_path, (
        "Co-sell sync: Corvid Health\n"
        "Attendees: Rita Okafor (Brightlane Consulting, alliance manager), Sam Lee (AE)\n\n"
        "- Corvid's CFO said on their last earnings call that claims backlog is their top problem.\n"
        "- Brightlane runs Corvid's claims platform today; Rita will introduce Sam to their CIO by 12 Dec.\n"
        "- Opportunity OPP-55120 in our CRM.\n"), "sync.txt")
    assert "Corvid Health" in (packet.value("account") or "")
    assert packet.fields["partner"].status == "proposed"


def test_an_account_only_guessed_with_nothing_for_a_seller_holds_no_handoff(tmp_path):
    # a process page: capitalised headings look like organisations, but no customer comes with a need
    packet = _draft(tmp_path, (
        '---\ntitle: "Territory transfer checklist"\n---\n\n'
        "Owners will sometimes transfer accounts to another owner after a realignment.\n\n"
        "## Account Transfer Tasks\n\n"
        "- Old owner: review the transfer page and update the Success Plan.\n"
        "- New owner: read the Health Score history and book Cadence Calls.\n\n"
        "## Key Fields\n\n| Field Name | Description |\n|---|---|\n| Health Score | how the account is doing |\n"),
        "process.md")
    assert all(f.status == "missing" for f in packet.fields.values())


def test_an_account_in_the_notes_title_keeps_its_fields(tmp_path):
    # nothing here ties the customer to a seller yet, but the notes say whom the meeting was with
    packet = _draft(tmp_path, (
        "Meeting Notes - Discovery Call with Tarnwell Foods\nDate: March 3, 2026\n"
        "Attendees: Ines Duarte (IT Director, Tarnwell), Ken Ito (Partner SA, Hollis Cloud)\n\n"
        "Background:\nThis was a first call. They run an ageing on-prem ERP and are starting to look at cloud"
        " options.\n\nAction Items:\n- Ines will share a network diagram with us by end of week\n"
        "- We agreed to schedule a technical deep-dive in 2 weeks\n"), "call.txt")
    assert "Tarnwell Foods" in (packet.value("account") or "")
    assert packet.title and packet.title.startswith("Tarnwell Foods")


RANKED = [
    ("Sara Holm", "Morning both. Before Brightwater, one thing: Tarnby Mills, OPP-30117, is closing on 30 June. "
                  "Keldon isn't on that one."),
    ("Nils Berg", "Understood. I'm the utilities account director at Keldon Automation. We run the telemetry at all "
                  "Brightwater Utilities pumping stations since 2019."),
    ("Jonas Lund", "And Brightwater is on my FY26 top-25. No opportunity open yet."),
    ("Jonas Lund", "I'll call their operations director this week, by Thursday the 5th, and propose a leak workshop."),
    ("Nils Berg", "I'll send you the pump alarm export by Wednesday 11 June."),
]


def test_a_seller_s_top_25_ties_the_account_and_makes_the_speaker_the_seller(tmp_path):
    packet = _draft(tmp_path, _vtt(RANKED), "call.vtt")
    assert packet.metadata["seller"] == "Jonas Lund"
    assert "top-25" in packet.value("account")
    move = packet.value("seller_move")
    assert "leak workshop" in move and "Thursday the 5th" in move


def test_the_account_an_aside_is_placed_around_does_not_pull_the_aside_in(tmp_path):
    packet = _draft(tmp_path, _vtt(RANKED), "call.vtt")
    assert "OPP-30117" not in packet.value("account")
    assert "Tarnby" not in packet.value("account")


def test_an_organisation_named_with_a_particle_is_one_name(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Lucía Ferrer", "I lead the public sector team at Nimbo Sistemas."),
        ("Lucía Ferrer", "The Hospital de Santa Clara published a tender last week for its patient portal."),
        ("Pablo Ruiz", "And Santa Clara is on my named list. I opened OPP-51230 when I saw the notice."),
        ("Lucía Ferrer", "We run the hospital's network since 2020."),
    ]), "call.vtt")
    assert "Hospital de Santa Clara" in packet.value("account")
    assert packet.metadata["account"] == "Hospital de Santa Clara"


def test_initials_without_the_trailing_acronym_name_the_organisation(tmp_path):
    notes = """# Haverkamp Dairy co-sell

Account: Haverkamp Dairy, OPP-62211, on Lotte's named-account list.

Partner: Brouwer & Smit ICT, Joris Bakker (account manager, food).

Why B&S: they built and run the plant's OT network since 2019.
"""
    packet = _draft(tmp_path, notes, "notes.md")
    assert "OT network" in (packet.value("why_partner") or "")


def test_the_reason_given_for_an_account_off_the_list_ties_it(tmp_path):
    packet = _draft(tmp_path, _srt([
        "Ruth Adler: Recording. Cedar Bridge and us, about Larkfield Water.",
        "Tom Hale: I'm head of utilities at Cedar Bridge Consulting. We run Larkfield Water's billing system.",
        "Ruth Adler: Larkfield isn't on my named list, to be honest. Why now?",
        "Maya Stone: Because the regulator fined Larkfield Water in June over missed leak targets. "
        "That's the reason, Ruth.",
    ]), "call.srt")
    assert "regulator fined Larkfield" in packet.value("account")


def test_who_opened_the_account_s_opportunity_is_the_seller(tmp_path):
    notes = """# Haverkamp Dairy co-sell

Account: Haverkamp Dairy, six plants. Lotte opened OPP-62211 after Brouwer registered the deal.

Partner: Brouwer Systems, Joris Bakker (account manager, food).

Attendees: Lotte Jansen (us), Mirte de Boer (us), Joris Bakker (Brouwer Systems).

Lotte's move: bring the line-stoppage demo to the plant visit on Tuesday 21 October.
"""
    packet = _draft(tmp_path, notes, "notes.md")
    assert packet.metadata["seller"] == "Lotte Jansen"


HANDBOOK = """---
title: "Partner co-sell handoffs"
description: "How account executives work a partner-sourced opportunity with a channel partner"
---

View the [Alliances handbook](/handbook/alliances/) for the programme overview.

## Overview

This page describes how a partner-sourced deal moves from the partner to the account team.

## Process

- Account: the customer named on the deal registration.
- Partner: Brightlane Consulting or any other registered reseller.
- The AE should book a discovery call within two business days and log it in Salesforce.
- The partner must attach the signed registration form. For more information, see the channel guide.
- If you need an exception, you will need VP approval from the regional director.
"""


def test_a_handbook_process_page_holds_no_handoff_even_with_field_labels(tmp_path):
    packet = _draft(tmp_path, HANDBOOK, "handbook.md")
    assert all(f.status == "missing" for f in packet.fields.values())
    assert "process or handbook page" in (packet.fields["account"].note or "")


def test_a_handbook_page_that_labels_an_account_with_its_opportunity_keeps_it(tmp_path):
    filled = HANDBOOK.replace("- Account: the customer named on the deal registration.",
                              "- Account: Corvid Health, OPP-55120, registered by Brightlane Consulting.")
    packet = _draft(tmp_path, filled, "handbook.md")
    assert "Corvid Health" in (packet.value("account") or "")


def test_meeting_notes_with_a_pointer_and_a_you_will_still_draft(tmp_path):
    # two marks of a process page (the reader addressed, a pointer to more reading) are common in notes
    packet = _draft(tmp_path, (
        "Co-sell sync: Corvid Health\n"
        "Attendees: Rita Okafor (Brightlane Consulting, alliance manager), Sam Lee (AE)\n\n"
        "- Rita: you will like this one, Corvid's claims backlog doubled since March.\n"
        "- Brightlane runs Corvid's claims platform today; Rita will introduce Sam to their CIO by 12 Dec.\n"
        "- For more details, see the QBR deck. Opportunity OPP-55120 in our CRM.\n"), "sync.txt")
    assert "Corvid Health" in (packet.value("account") or "")
    assert packet.fields["partner"].status == "proposed"


def test_a_housekeeping_product_is_no_meeting_aside(tmp_path):
    """'housekeeping' as a meeting's odds and ends sets a paragraph aside; a hotel's housekeeping app does not."""
    packet = draft_text(tmp_path, (
        "# Quayside Systems: partner review\n\n"
        "From Quayside: Ilse Brandt (hotel alliances). From us: Tomas Reyes (AE, hospitality).\n\n"
        "Ilse brought Larkspur Inns, 18 hotels on the east coast. Quayside runs their property management "
        "system in every hotel, and OPP-71204 is open for Tomas.\n\n"
        "What we would pitch together: our housekeeping app shows linen counts on each attendant's tablet, "
        "and Quayside feeds departures from its PMS into it, so rooms turn faster.\n"), "review.md")
    assert "linen counts" in (packet.value("value_prop") or "")


def test_an_account_called_by_one_word_is_named_in_full_where_the_notes_write_it(tmp_path):
    """'Tarrow Quarries' once, then 'Tarrow' throughout, and 'Tarrow GM' as someone's title: the account's value
    names the organisation in full."""
    packet = draft_text(tmp_path, (
        "Halloran call mon 3/3 -- JB notes\n\n"
        "w/ Oskar Lindqvist (Halloran Field Services, quarry accts mgr). 30 min\n\n"
        "1) Tarrow Quarries <-- the one\n\n"
        "Tarrow = granite, 2 quarries + crusher, Cumbria\n"
        " - opp OPP-61830, stg 1, AE Maren Holt. on Maren's FY list\n"
        " - Halloran = Tarrow's crusher maintenance contractor since 2018\n"
        " - trigger, per Oskar (Tarrow GM ops, at the monthly review): \"crusher stops cost us 9 hours last week\"\n"
        " - conflict: checked portal -> nothing reg'd on Tarrow\n"), "notes.txt")
    assert "Tarrow Quarries" in (packet.value("account") or "")


def test_a_buyer_titled_attendee_and_the_verb_opening_a_line_name_the_account(tmp_path):
    text = """Acme Corp - Cost Optimization & Migration Planning
Date: March 15, 2026

Attendees:
- Alex Johnson (VP of Engineering, Acme Corp)
- Sam Chen (Alliance Lead, Northwind Cloud Partners)
- Jordan Smith (Partner Account Manager)

Meeting Summary:
Discussed Acme Corp's cloud optimization initiative and migration planning.

Action Items:
- Schedule Well-Architected Review with the SA team
"""
    p = _draft(tmp_path, text)
    # "Discussed Acme Corp's" is no organisation called "Discussed Acme Corp"; the VP at the table is the buyer
    assert (p.value("account") or "").startswith("Acme Corp")
    assert "Northwind Cloud Partners" in (p.value("partner") or "")


def test_a_subject_s_short_form_with_initials_is_the_account_named_in_full(tmp_path):
    text = """From: Fenella Ruiz <fenella@larchmontlearning.example>
To: Caspian Wu <caspian@ostrander.example>
Subject: Cedar Basin CCD - first-year retention

Larchmont Learning Systems has hosted Cedar Basin Community College District's learning management system since
2018. Do you know if anyone else is working Cedar Basin on your side? I know the consortium contract complicates
things.

Caspian: Cedar Basin is on Priyanka's FY named-account list, and there's an early opportunity already, OPP-40816.
"""
    path = tmp_path / "thread.eml"
    path.write_text(text, encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([path]), cues), cues)
    names = {o.name: o.aliases for o in ents.orgs}
    assert "Cedar Basin CCD" not in names
    assert "Cedar Basin CCD" in names["Cedar Basin Community College District"]


def test_initials_of_a_firm_without_its_kind_word_are_the_firm(tmp_path):
    text = """# Ekholm & Mbatha: H1 partner business review

We held the H1 review with Ekholm & Mbatha Consulting. E&M brought Thandiwe Mokoena (head of hospitality
practice). E&M built the integration layer for Bellcrest Hotels, and E&M runs it today.
Bellcrest Hotels is on Siddharth's named-account list; OPP-72210 is open.
Nobody looked at registrations on Bellcrest before the meeting, so the channel-conflict question is open.
"""
    p = _draft(tmp_path, text, "review.md")
    assert "Ekholm & Mbatha" in (p.value("partner") or "")
    assert p.fields["conflict"].value is None
