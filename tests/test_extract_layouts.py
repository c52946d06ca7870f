"""Ways of laying notes out that must not cost fields: dot leaders as labels, an aside inside the account's
own section, a priority list written in words. Each text is invented for the test."""

from __future__ import annotations

from tests.invented import draft_text, vtt

LEADERS = """ALDERWICK - Q2 PARTNER QBR - RECORD
Date: Tuesday 3 June
ATTENDEES
Alderwick Systems: Nadia Perrin (practice director)
Us: Theo Lang (alliances), Mira Olsen (AE)

CO-SELL: BRACKENFORD COUNTY COUNCIL
 Account ....... Brackenford County Council. OPP-55120 opened today, partner-sourced; on Mira's FY named-account list.
 Why Alderwick . Alderwick has run the council's planning system since 2019.
 Trigger ....... Head of planning Ruth Keane: "We lost two appeals last year because case files were late."
 Joint value ... Our case automation builds the appeal bundle; Alderwick feeds it from the planning system they host.
 Our move ...... Mira to send Ruth a one-page appeal-bundle proposal by 12 June.
 Alderwick move . Nadia to send Mira the appeal volumes for 2024 by 9 June (confirmed in the room).
 Owner ......... Theo Lang owns the handoff until Mira accepts; Mira to accept by 6 June.
"""


def test_dot_leaders_label_fields(tmp_path):
    p = draft_text(tmp_path, LEADERS, "qbr.txt")
    assert "Alderwick has run the council's planning system" in (p.value("why_partner") or "")
    assert "case files were late" in (p.value("trigger") or "")
    assert "appeal-bundle proposal" in (p.value("seller_move") or "")
    assert "appeal volumes" in (p.value("partner_move") or "")
    assert "Theo Lang" in (p.value("owner") or "")


SECTIONS = """# Co-sell notes: Alderwick Systems x Brackenford

Theo Lang (alliances), 3 June. Call with Nadia Perrin, practice director at Alderwick Systems.

## Account
Brackenford County Council, 14 planning offices. OPP-55120, stage 2, Mira's; Brackenford is on her priority list for H2.

Nadia also asked about Fernleigh Living. They are in the middle of being acquired; leave it until the deal closes.

## Why Alderwick
Alderwick installed and runs the council's planning system and answers its support line.

## What Brackenford County Council said
Head of planning Ruth Keane, at the May board: "We lost two appeals last year because case files were late."

## Joint offer
Our case automation builds the appeal bundle; Alderwick feeds it from the planning system it already hosts.

## Next moves
- Mira: present the appeal-bundle pilot plan at the 17 June board.
- Nadia: send Mira the 2024 appeal volumes by 9 June (confirmed by email).
"""


def test_an_aside_in_the_account_section_does_not_take_the_other_sections(tmp_path):
    p = draft_text(tmp_path, SECTIONS, "notes.md")
    assert "planning system" in (p.value("why_partner") or "")
    assert "appeal bundle" in (p.value("value_prop") or "")
    assert "appeal volumes" in (p.value("partner_move") or "")


def test_a_top_twenty_list_in_words_ties_the_account(tmp_path):
    turns = [
        ("Theo Lang", "Mira, this is Nadia Perrin, practice director at Alderwick Systems."),
        ("Nadia Perrin", "Brackenford County Council. We run their planning system and their support line."),
        ("Mira Olsen", "Brackenford is on my top-twenty list. We've never spoken to them."),
        ("Nadia Perrin", "Their head of planning, Ruth Keane, told me: \"We lost two appeals last year because "
                         "case files were late.\""),
        ("Mira Olsen", "I'll send Ruth a one-page appeal-bundle proposal by 12 June."),
    ]
    p = draft_text(tmp_path, vtt(turns), "call.vtt")
    assert "Brackenford" in (p.value("account") or "")
    assert "case files were late" in (p.value("trigger") or "")


CHAT = """Slack export: #ext-alderwick-cosell (shared with Alderwick Systems)

[Tue 3 Jun 09:14] Theo Lang: Morning @Nadia Perrin, pulling @Mira Olsen in. Mira is our AE for local government.
[Tue 3 Jun 09:16] Nadia Perrin: Hi Mira! I'm the practice director at Alderwick Systems.
[Tue 3 Jun 09:21] Mira Olsen: Hi Nadia. Theo said Brackenford County Council?
[Tue 3 Jun 09:27] Nadia Perrin: Yes. Alderwick has run the council's planning system since 2019, and we host it.
[Tue 3 Jun 09:31] Mira Olsen: Brackenford is on my Q3 target list. OPP-55120 is open, stage 1.
[Tue 3 Jun 10:20] Mira Olsen: I'll email their head of planning a one-page appeal-bundle proposal by Friday 13 June.
[Tue 3 Jun 10:24] Nadia Perrin: I'll export the 2024 appeal volumes for you by Tue 10 June. Already cleared it.
"""


def test_chat_stamps_with_the_day_and_date_start_turns(tmp_path):
    p = draft_text(tmp_path, CHAT, "export.txt")
    assert "Nadia Perrin" in (p.value("partner") or "")
    assert "appeal volumes" in (p.value("partner_move") or "")
    assert "appeal-bundle proposal" in (p.value("seller_move") or "")
    assert "Nadia Perrin:" not in (p.value("seller_move") or "")  # one turn, not the lines run together



def test_one_attendee_line_for_every_side_and_a_title_in_capitals(tmp_path):
    one_line = LEADERS.replace("ATTENDEES\nAlderwick Systems: Nadia Perrin (practice director)\n"
                               "Us: Theo Lang (alliances), Mira Olsen (AE)\n",
                               "Attendees: Alderwick Systems: Nadia Perrin (practice director). "
                               "Us: Theo Lang (alliances), Mira Olsen (AE)\n")
    assert one_line != LEADERS
    p = draft_text(tmp_path, one_line, "qbr.txt")
    assert "Nadia Perrin" in (p.value("partner") or "") and "Alderwick" in (p.value("partner") or "")
    assert "appeal volumes" in (p.value("partner_move") or "")
    assert "Theo Lang" in (p.value("owner") or "")


def test_someone_introduced_as_on_the_call_is_at_the_table_for_their_firm(tmp_path):
    # captions with no speaker names: the partner is whoever the host introduces at a firm that is not ours
    text = ("Call notes.\nFor the recording, this is Theo from alliances, and we have Nadia Perrin, planning "
            "practice lead at Alderwick Systems.\nBrackenford County Council is on my list for the year, and "
            "OPP-55120 is open.\n")
    p = draft_text(tmp_path, text, "call.txt")
    assert "Nadia Perrin" in (p.value("partner") or "")


def test_a_table_row_of_a_side_and_the_people_it_brought(tmp_path):
    text = ("# QBR record: Alderwick Systems, Q2\n\n| | |\n|---|---|\n| Date | 3 June |\n"
            "| Alderwick | Nadia Perrin (practice director), Lowell Price (head of field engineering) |\n"
            "| Us | Theo Lang (alliances), Mira Olsen (AE, local government) |\n\n"
            "## Co-sell: Brackenford County Council\n"
            "Brackenford County Council. OPP-55120, stage 1, Mira's; on her named list for H2.\n")
    p = draft_text(tmp_path, text, "qbr.md")
    assert "Nadia Perrin" in (p.value("partner") or "")


def test_a_partner_line_written_before_the_account_line_is_no_small_talk(tmp_path):
    text = ("CO-SELL INTAKE (Theo, from Tuesday's call with Alderwick, 3 June)\n\n"
            "Partner: Alderwick Systems -- Nadia Perrin, planning practice manager\n"
            "Account: Brackenford County Council. OPP-55120, stage 1, AE Mira Olsen; on her Q3 priority list.\n"
            "Partner move: Nadia sends the 2024 appeal volumes by 10 June (confirmed by email).\n")
    p = draft_text(tmp_path, text, "intake.txt")
    assert "Nadia Perrin" in (p.value("partner") or "")


def test_a_firm_in_front_matter_gets_the_person_named_below(tmp_path):
    text = ("---\ntitle: Alderwick Systems Q2 partner review\npartner: Alderwick Systems Ltd\n---\n\n"
            "Attendees:\n- Nadia Perrin, alliances director, Alderwick Systems\n- Theo Lang, alliances, us\n\n"
            "## Brackenford County Council\nOPP-55120 is open, stage 1; Brackenford is on Mira's priority list.\n")
    p = draft_text(tmp_path, text, "review.md")
    assert "Nadia Perrin" in (p.value("partner") or "")

RUN_IN = """From: Theo Lang <theo.lang@ourco.example>
To: Mira Olsen <mira.olsen@ourco.example>
Cc: Nadia Perrin <nadia.perrin@alderwick.example>
Subject: Brackenford - recap of today's call with Alderwick
Date: Tue, 3 Jun 2025 15:10:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Hi Mira,

The write-up from today's call with Nadia Perrin, who leads the public sector practice at Alderwick Systems.

The account. Brackenford County Council. You have OPP-55120 open (stage 1) and the council is on your
named list, so Alderwick's role is partner-influenced.

Why Alderwick. They run the council's planning system and
host it; their engineers sit with the planning team every week.

Your move. I'm not proposing a step for you in this note. We talked about a demo on the 17th or a workshop
first, and didn't land either.

Alderwick's move. Nadia will send you the 2024 appeal volumes by Friday 13 June.

Evidence. Alderwick's planning migration case study:
https://alderwick.example.com/case-studies/brackenford-planning

Owner. I own this handoff until you accept it; please accept or decline by Thursday 5 June.

Theo
"""


def test_run_in_headings_in_a_plain_email_label_their_paragraphs(tmp_path):
    p = draft_text(tmp_path, RUN_IN, "recap.eml")
    # "Why Alderwick. They run ...": the paragraph is the partner's standing, its short first line no sentence
    assert "They run the council's planning system and host it" in (p.value("why_partner") or "")
    # "Evidence. ... case study:" heads its link; it is no heading over the paragraphs after it
    assert "planning migration case study" in (p.value("evidence") or "")
    # "Your move. I'm not proposing a step ... didn't land either": the seller's move is open
    assert p.fields["seller_move"].status == "missing"


HEADED_BY_ACCOUNT = """# Fenwick Health IT x Brightwater Clinics

Tomas Reyes, practice lead at Fenwick Health IT; Ada Marsh, our AE. Brightwater Clinics is on Ada's named list,
OPP-30281.

## Why Fenwick
Fenwick installed and hosts the booking system in all nine Brightwater clinics.

## What Brightwater said
Head of nursing Lou Barnes, at the June board: "We turn patients away at noon while rooms sit empty."
"""


def test_a_heading_saying_what_the_account_said_labels_the_trigger(tmp_path):
    # "What Brightwater said" reads as "what the account said": the quotation under it is the trigger
    p = draft_text(tmp_path, HEADED_BY_ACCOUNT, "notes.md")
    assert "turn patients away" in (p.value("trigger") or "")


MINUTES = """KELSO ANALYTICS - MONTHLY PARTNER MEETING
Minutes | Tuesday 14 October | phone bridge
Taken by: Ines Marr (partner marketing)

ATTENDING
  Kelso: Rowan Achebe (practice lead, retail), Jo Park (consultant)
  Ours:  Ines Marr (partner marketing), Cal Dunn (AE, grocery)

1. HOUSEKEEPING
   1.1 The joint webinar drew 90 attendees; the recording goes out Friday.

2. HARTWELL GROCERS
   2.1 Account. Hartwell Grocers, 64 stores in Ohio and Indiana. Cal has OPP-70215 open at stage 1
       from a pricing request; Hartwell is on his FY target list.
   2.2 Kelso's standing. Kelso built Hartwell's demand forecasting warehouse in 2023 and runs it today.
   2.3 What the firm has said. Nothing specific. Rowan has not heard them raise shrink or markdowns.
   2.4 Next move, ours. Cal joins the 4 November store-ops review with a ten-minute markdown demo.
   2.5 Next move, Kelso. Rowan sends Cal the markdown history extract by 28 October. Confirmed on the call.
   2.6 Channel check. Ines checked on 13 October: nothing registered on Hartwell, no other partner on OPP-70215.
   2.10 Handoff owner. Ines Marr owns the handoff until Cal accepts. Cal to confirm by 20 October.

3. OTHER ACCOUNTS
   3.1 Brookline Foods: Kelso lost the bid. Nothing for us.
"""


def test_numbered_minutes_with_run_in_labels_label_their_items(tmp_path):
    p = draft_text(tmp_path, MINUTES, "minutes.txt")
    assert (p.value("account") or "").startswith("Hartwell Grocers")
    assert "demand forecasting warehouse" in (p.value("why_partner") or "")
    assert "markdown demo" in (p.value("seller_move") or "")
    assert "markdown history extract" in (p.value("partner_move") or "")
    assert "nothing registered on Hartwell" in (p.value("conflict") or "")
    assert (p.value("owner") or "").startswith("Ines Marr owns the handoff")
    # "What the firm has said. Nothing specific." leaves the trigger open rather than proposing the hunch after it
    assert p.fields["trigger"].value is None
    assert "Nothing specific" in (p.fields["trigger"].note or "")


ONE_LINE_EACH = """Alderwick / Brackenford co-sell sync, Tuesday 3 June
Attendees: Alderwick Systems: Nadia Perrin (practice director). Us: Theo Lang (alliances), Mira Olsen (AE).

Brackenford County Council, 14 offices. OPP-55120 opened today, partner-sourced; on Mira's FY named-account list.
Alderwick has run the council's planning system since 2019 and sits in their monthly steering group.
Head of planning Ruth Keane said: "We lost two appeals last year because case files were late."
Our case automation builds the appeal bundle; Alderwick feeds it from the planning system they host.
Nadia knows Ruth well from the steering group and will introduce Mira at the 10 June meeting.
Mira to send Ruth a one-page appeal-bundle proposal by 12 June.
Nadia to send Mira the appeal volumes for 2024 by 9 June (confirmed in the room).
Conflict: Theo checked the portal; no registration on Brackenford and no other partner. Alderwick resells.
Evidence: Alderwick's planning migration case study https://alderwick.example.com/cases/brackenford
Theo Lang owns the handoff until Mira accepts; Mira to accept by 6 June.
"""


def test_a_line_ending_in_a_link_ends_its_field(tmp_path):
    p = draft_text(tmp_path, ONE_LINE_EACH, "sync.txt")
    assert (p.value("owner") or "").startswith("Theo Lang owns the handoff")
    assert "owns the handoff" not in (p.value("evidence") or "")


SCRIBBLES = """harrow call thu 4/9 -- JT -- rough, mine only

HBS = Harrow Building Services (HVAC integrator, OR). on call: Nell Quarry (NQ, branch mgr Portland) + her tech

Pinecrest Medical Group <- the one
 - opp OPP-71180 (stg 1) from the spring webinar, AE = Bo Lind. Pinecrest is on Bo's H2 list
 - HBS installed + services the chillers in 6 of the 7 clinics, contract thru 2028
 - reg/conflict: asked NQ if anyone's registered Pinecrest. "pretty sure nobody, we'd have heard." any reseller?
   "we don't resell software." did NOT check portal. TODO ask Ama
 - owner: me (Jo Tate), Bo to accept by Fri 4/10
"""


def test_shorthand_notes_name_the_partner_by_its_bracketed_kind_and_its_person_by_initials(tmp_path):
    p = draft_text(tmp_path, SCRIBBLES, "call.txt")
    assert "Harrow Building Services" in (p.value("partner") or "")
    assert "Nell Quarry" in (p.value("partner") or "")


def test_a_check_said_not_done_outweighs_the_guess_in_the_same_field(tmp_path):
    p = draft_text(tmp_path, SCRIBBLES, "call.txt")
    assert p.fields["conflict"].value is None
    assert "did NOT check portal" in (p.fields["conflict"].note or "")


PARTICIPANTS_THEN_ITEMS = """Sync notes - Havbris Consulting / cosell
date: 24 September, Teams call 45 min
participants: Jens Aalto (Havbris, head of food industry), Annika Berg (our AE seafood Norway), me

1. Havbris general
- Havbris have now 4 consultants certified in our platform.

2. Nordvik Seafood - cosell
- Account: Nordvik Seafood AS, 2 plants. Annika have the opportunity OPP-55362 open since June, stage 2.
- Why Havbris: Havbris implemented the warehouse management system of Nordvik in 2020.
- Joint value: our cold chain sensors record the temperature of every pallet, and Havbris connect it with the
  warehouse system, so the temperature history go together with the shipping documents.
- Warm path: Jens know Solveig well, he make with her a workshop on 14 October and she agree that Annika join.
"""


def test_a_line_of_participants_heads_nothing_across_a_blank_line(tmp_path):
    p = draft_text(tmp_path, PARTICIPANTS_THEN_ITEMS, "sync.txt")
    assert "cold chain sensors" in (p.value("value_prop") or "")
    assert "Jens know Solveig well" in (p.value("warm_path") or "")


AE_SCRIBBLES = """peregrine / voltaic call - mon 9/15 - DR notes (typing fast)

on call: Hamid Rostami (Voltaic Fleet Systems, channel sales mgr, West), me

Peregrine Rent-a-Car: regional, 62 branches
- my opp OPP-77815, stg 2, inbound from their claims mgr Brody Nguyen in July. on my Q4 commit list
- Voltaic put telematics boxes in all Peregrine cars in 2023 + runs their fleet data portal
- warm path: none really. Hamid's contact was the fleet director (Ted Olsen), left in Aug.
- Hamid: send me 90d harsh-impact event export for 3 pilot branches by Fri 9/19. said yes on the call
- me: book 30 min damage-AI demo w/ Brody + 2 of his branch mgrs this wk
"""


def test_an_ae_s_own_scribbles_make_the_writer_the_seller_and_read_titles_before_names(tmp_path):
    p = draft_text(tmp_path, AE_SCRIBBLES, "call.txt")
    # "their claims mgr Brody Nguyen" is a person, not the account the opportunity line names
    assert (p.value("account") or "").startswith("Peregrine Rent-a-Car")
    # "me:" in an AE's own notes ("my opp", "my Q4 commit list") is the seller's move
    assert "damage-AI demo" in (p.value("seller_move") or "")
    # "none really." answers the warm path
    assert p.fields["warm_path"].value is None
