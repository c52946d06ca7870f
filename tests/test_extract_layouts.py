"""Ways of laying notes out that must not cost fields: dot leaders as labels, an aside inside the account's
own section, a priority list written in words. Each text is invented for the test."""

from __future__ import annotations

from drafter.extract.cues import DEFAULT, load_cues
from tests.invented import draft_text, srt, vtt

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


PIPES = """INTAKE | Harlan Geodata x Quillon Software | co-sell
Date: Wed 4 Mar 2026 | Length: 30 min | Notes by: Priya Sandhu (partner marketing, Quillon)
Partner: Harlan Geodata | Contact: Mirek Novak, head of alliances | Also on: Lise Brandt, survey lead
Quillon side: Priya Sandhu | Tomas Reyes, AE utilities | Ana Costa, channel manager

Account: Fenwater Utilities | Opp: OPP-77120 (stage 2) | Type: partner-influenced
Why Harlan: Harlan has surveyed Fenwater's pipe network since 2019 | also runs their GIS hosting
Trigger (per Mirek): "We missed two leak repairs because the maps were a year old." | regulator review in May
Joint: Quillon gives them live work orders on the map | Harlan feeds it the survey layers | result: one view
Warm path: Mirek sits on Fenwater's asset steering group | Gwen Ashby chairs it | next meeting: 18 Mar
Seller move: Tomas runs the work-order demo at the 18 Mar steering group | uses a leak-repair sample
Partner move: Harlan sends Tomas the survey coverage map by 11 Mar | Mirek agreed on the call
Conflict: Ana checked 3 Mar: no partner registered on Fenwater | Tomas keeps full credit
Owner: Priya owns the handoff until Tomas accepts | Tomas to accept by Fri 6 Mar
"""


def test_label_value_pairs_kept_apart_by_pipes_each_label_their_value(tmp_path):
    p = draft_text(tmp_path, PIPES, "intake.txt")
    assert "Mirek Novak" in (p.value("partner") or "")
    assert "leak repairs" in (p.value("trigger") or "")
    assert "live work orders" in (p.value("value_prop") or "")
    assert "asset steering group" in (p.value("warm_path") or "")
    assert "work-order demo" in (p.value("seller_move") or "")
    assert "survey coverage map" in (p.value("partner_move") or "")
    assert "Priya" in (p.value("owner") or "")
    # each pair is its own value: the opportunity's line does not run into the next label
    assert "Why Harlan" not in (p.value("account") or "")


SLACK = """Slack export | #cosell-brightmoor | Halden workspace | 9 Mar 2026

--- Monday, March 9th ---

Ines Calder  [10:02 AM]
debrief from the Brightmoor call :thread:
:eyes: 2

Ines Calder  [10:04 AM]
who: Pavel Marek (director of alliances, Brightmoor Robotics) + me. Jonah joined late
Brightmoor installed the picking robots in all of Ostrava Foods' warehouses in 2021 and they run the fleet for them
:raised_hands: 1

Ines Calder  [10:06 AM]
the account: Ostrava Foods, OPP-40211, stage 2
joint story: our slotting engine picks where stock goes; Brightmoor retunes the robot routes to match
:fire: 3

Jonah Reyes  [10:09 AM]
yes, I'll run the slotting demo at their ops review on 19 March. put me down
👍 1

Ines Calder  [10:12 AM]
Pavel agreed to send us the robot pick-rate export by 16 March
"""


def test_a_chat_export_names_each_message_s_writer_on_the_line_above(tmp_path):
    p = draft_text(tmp_path, SLACK, "export.txt")
    assert "Ostrava Foods" in (p.value("account") or "")
    assert "Pavel Marek" in (p.value("partner") or "")
    assert "picking robots" in (p.value("why_partner") or "")
    assert "slotting engine" in (p.value("value_prop") or "")
    assert "slotting demo" in (p.value("seller_move") or "")
    # the reactions and the day's separator are no one's words
    assert ":fire:" not in " ".join(p.value(f) or "" for f in p.fields)
    ev = p.fields["seller_move"].evidence[0]
    assert ev.speaker == "Jonah Reyes"


UNNAMED = """Slack export | #cosell-kestrel

Ines Calder  [10:02 AM]
who: Pavel Marek (director of alliances, Kestrel Automation) + me. Jonah joined late
Kestrel installed the picking robots in every one of the grocer's 30 warehouses, and they run the fleet for them

Ines Calder  [10:04 AM]
the account: a 30-warehouse grocer in the Midwest. Pavel won't give us the name until the NDA with Kestrel is \
signed. so no opp yet

Ines Calder  [10:06 AM]
trigger, Pavel quoting their COO, Dana Whitlow: "we find out a pick lane is jammed when the trucks leave late."

Ines Calder  [10:08 AM]
Pavel meets Dana every quarter at their ops review; next one is 19 March. he offered to bring Jonah

Jonah Reyes  [10:09 AM]
yes, I'll run the slotting demo at their ops review on 19 March

Ines Calder  [10:12 AM]
I own this handoff until Jonah accepts, by Fri 13 March
"""


def test_an_account_not_named_to_us_yet_is_missing_and_the_partner_is_not_taken_for_it(tmp_path):
    p = draft_text(tmp_path, UNNAMED, "export.txt")
    assert p.fields["account"].status == "missing"
    assert "Pavel Marek" in (p.value("partner") or "")
    assert "Kestrel" in (p.value("partner") or "")
    # the buyer's words stand though the customer is unnamed
    assert "pick lane is jammed" in (p.value("trigger") or "")


OTTER = """Quarry x Brightwell - Dunmore co-sell call
Thu, Apr 9, 2026 10:00AM

Lena Ortiz  00:00:03
Thanks for joining. I'm Lena, partner marketing at Brightwell.

Speaker 2  00:00:09
Happy to. For the record, I'm Tobias Wren, I run alliances at Quarry Networks.

Omar Haddad  00:00:15
Omar here, AE for healthcare. Dunmore Hospitals is on my top-ten list, OPP-88120 is open at stage two.

Speaker 2  00:00:24
We installed the nurse-station network in all of Dunmore's wards in 2022 and we still run it.

Lena Ortiz  00:00:33
Could you send us their ward traffic logs before the demo?

Speaker 2  00:00:38
I'd like to. I need Dunmore's sign-off to share anything. So, I'll try, but don't put a date on it.

Omar Haddad  00:00:47
I'll run the bedside alerts demo at their 21 April IT board.
"""


def test_a_recorder_s_numbered_speaker_is_the_person_who_says_who_they_are(tmp_path):
    p = draft_text(tmp_path, OTTER, "call.txt")
    assert "Tobias Wren" in (p.value("partner") or "")
    assert "nurse-station network" in (p.value("why_partner") or "")
    assert "bedside alerts demo" in (p.value("seller_move") or "")
    # "don't put a date on it": the partner has agreed to nothing yet
    assert p.fields["partner_move"].status == "missing"


ACTION_TABLE = """# Quillfeather Systems x Norrland Data: partner sync

Tuesday 10 March 2026. Notes: Elin Berg.

## Attendees

| Name | Company | Role |
|---|---|---|
| Oskar Lund | Quillfeather Systems | alliances lead |
| Elin Berg | Norrland Data | partner marketing |
| Sami Virta | Norrland Data | AE, logistics |

## Harrowby Freight

- Harrowby Freight: OPP-62018, stage 1, on Sami's H1 target list. Partner-influenced.
- Why Quillfeather: Quillfeather implemented Harrowby's warehouse system across all 14 depots in 2023 and still runs it.
- What the customer said: Harrowby's COO, Maren Holt, told Oskar: "We lose a day every time a depot miscounts pallets."
- Joint offer: our scanning app counts the pallets; Quillfeather posts the counts into the warehouse system.

## Action items

| # | Who | What | When | Status |
|---|---|---|---|---|
| 1 | Oskar | Send Sami the Harrowby pallet-count export for the last quarter; agreed on the call | Fri 13 \
March | open |
| 2 | Sami | Run the pallet scanning demo at Harrowby's depot managers' meeting | 24 March | open |
| 3 | Elin | Owns the Harrowby handoff until Sami accepts | by Wed 11 March | open |
"""


def test_an_action_table_whose_first_column_is_a_number_still_says_who_does_what(tmp_path):
    p = draft_text(tmp_path, ACTION_TABLE, "sync.md")
    assert "pallet scanning demo" in (p.value("seller_move") or "")
    assert "24 March" in (p.value("seller_move") or "")
    assert "pallet-count export" in (p.value("partner_move") or "")


CRM_LOG = """Pasted from CRM > Partner account: Wexford Instruments > Activity history
Exported by Lucia Moreno, 2026-04-02. Filter: last 30 days.

Date       | Type    | Owner        | Subject                         | Notes
-----------|---------|--------------|---------------------------------|--------------------------------------------
2026-03-02 | Email   | Anton Weiss  | Gellert Mills renewal           | Renewal quote sent; Wexford not involved.
2026-03-10 | Email   | Lucia Moreno | Inbound from Wexford: Corrow Water | Ines Varga (partner manager, \
Wexford Instruments) met Corrow Water's operations director, Tom Blake, at the utilities conference. Wexford \
has never done work for Corrow and has no installed systems there.
2026-03-11 | Task    | Petra Novak  | Create opp                      | OPP-71102 "Corrow Water telemetry" \
created, stage 1. Corrow added to Petra's H1 target list.
2026-03-12 | Call    | Lucia Moreno | Call w/ Ines re Corrow          | Joint: our telemetry platform reads \
every pump station; Wexford fits the flow sensors and tunes the alarms.
2026-03-15 | Email   | Ines Varga   | Corrow commitments              | Ines confirms in writing: Wexford \
sends Petra the pump station survey by 2026-03-25.
2026-03-16 | Meeting | Petra Novak  | Corrow next step                | Petra will run a one-day telemetry \
workshop at Corrow's control room on 2026-04-08.
2026-03-17 | Task    | Lucia Moreno | Corrow handoff                  | Owner: Lucia Moreno (partner \
marketing) until Petra accepts. Due 2026-03-20.
"""


def test_a_pasted_activity_log_reads_each_row_s_notes_as_a_paragraph(tmp_path):
    p = draft_text(tmp_path, CRM_LOG, "log.txt")
    assert "Corrow Water" in (p.value("account") or "")
    assert "Ines Varga" in (p.value("partner") or "")
    assert "flow sensors" in (p.value("value_prop") or "")
    assert "telemetry workshop" in (p.value("seller_move") or "")
    assert "pump station survey" in (p.value("partner_move") or "")
    assert "Lucia Moreno" in (p.value("owner") or "")
    # the log's own dates and types are not part of any value
    assert "2026-03-16 | Meeting" not in (p.value("seller_move") or "")
    # a partner that has never worked there has no standing to state
    assert p.fields["why_partner"].status == "missing"


WORKSHEET = """CO-SELL WORKSHEET
Call with Harlow Controls, Monday 4 May 2026
Filled in by Mina Okafor, partner marketing, Brightline

ACCOUNT
Account ..................... Pemberly Hospitals (6 sites, Leeds and York)
Opportunity ................. OPP-33817, stage 2, Jonas's; inbound from the energy webinar
Priority .................... on Jonas's Q3 named-account list

PARTNER
Partner ..................... Harlow Controls
Contact ..................... Ruth Adeyemi, VP partnerships
Standing with account ....... Harlow installed and maintains the building controls in all 6
                              Pemberly sites; service contract renewed in March

NEXT MOVES
Seller (Jonas) .............. run the energy dashboard demo for Ruth's engineers on 18 May
Partner (Harlow) ............ Ruth sends the meter list for the 6 sites (meter IDs, points)
                              by 14 May. Confirmed by email.

CHECKS
Conflict / registration ..... Ada checked 1 May: no reseller registered on Pemberly; Jonas keeps credit.
Owner / due ................. Mina Okafor until Jonas accepts; Jonas answers by 8 May
"""


def test_a_worksheet_s_wrapped_values_and_side_labels_under_next_moves(tmp_path):
    p = draft_text(tmp_path, WORKSHEET, "worksheet.txt")
    assert "OPP-33817" in (p.value("account") or "")
    assert "building controls" in (p.value("why_partner") or "")
    assert "energy dashboard demo" in (p.value("seller_move") or "")
    partner_move = p.value("partner_move") or ""
    assert "meter list" in partner_move and "by 14 May" in partner_move
    assert "no reseller registered" in (p.value("conflict") or "")
    assert "Mina Okafor" in (p.value("owner") or "")
    assert "8 May" in (p.value("owner") or "")


CAPTIONS = srt([
    "Okay, we're recording. Names first, since\nthe captions won't know who anyone is?",
    "Sure. Priya Nair, partner marketing at Tilbury.\nI set this up.",
    "Hi, I'm Goran Holt, I look after alliances at Fenwick\nField Services. We install and support dock systems.",
    "And Marta Ilic, account exec for the North region,\non the Tilbury side.",
    "Goran, which customer is it?",
    "This is Calder Cold\nStorage, out of Hull. They run six depots.",
    "Calder is on my list. There's an opp, OPP-40331,\nstage one.",
    "At their March review their ops director, Helen\nMarsh, said, quote, \"We lose two pallets a day to\n"
    "mis-picks and nobody can tell us where.\"",
    "From our side, I'll send over Calder's pick error\nreport by May 8th.",
    "Thanks Goran. I checked registration on Tuesday:\nno one registered on Calder.",
])


def test_a_caption_s_wrapped_lines_are_one_utterance_and_a_thanked_turn_is_the_one_thanked(tmp_path):
    p = draft_text(tmp_path, CAPTIONS, "call.srt")
    # names wrapped across a caption's lines are still names
    assert "Calder Cold\nStorage" in (p.value("account") or "") or "Calder Cold Storage" in (p.value("account") or "")
    assert "Helen" in (p.value("trigger") or "") and "mis-picks" in (p.value("trigger") or "")
    # "Thanks Goran." says the turn before was Goran's: the partner's move
    assert "pick error" in (p.value("partner_move") or "")
    assert p.fields["partner_move"].evidence[0].speaker == "Goran Holt"
    # every quote is still the file's own text, line breaks and all
    text = (tmp_path / "call.srt").read_text()
    for f in p.fields.values():
        for ev in f.evidence:
            assert text[ev.start:ev.end] == ev.quote


NESTED = """# Tideway Systems sync, Tue 3 Mar 2026

- Logistics
  - Attendees
    - Tideway Systems: Mirela Kos (head of hospital solutions), Dan Ekwueme (architect)
    - Corvid (us): Paul Sand (alliances), Ada Moss (partner marketing), Luis Prieto (AE, health)
- Partner business
  - Marketing
    - Joint webinar booked for April; Tideway pays half
- Harrowgate Infirmary (co-sell)
  - Account
    - Harrowgate Infirmary, 900 beds, three sites
    - Opportunity OPP-81204, stage 2, Luis's; came from the HealthTech Expo badge scan
    - On Luis's FY26 named-account list; partner-influenced
  - Joint value
    - Corvid: bed tracking reads every bed's status from the ward tablets
    - Tideway: pushes each status into the patient system they run and matches it to the admission
  - Moves
    - Tideway
      - Mirela sends Luis the ward occupancy export by 12 March
    - Corvid
      - Luis runs the bed tracking demo at the 19 March operations board
  - Owner
    - "alliances team" to pick this up
      - no date agreed; nobody took it
"""


def test_bare_bullets_over_deeper_bullets_label_them(tmp_path):
    p = draft_text(tmp_path, NESTED, "sync.md")
    assert "OPP-81204" in (p.value("account") or "")
    assert "bed tracking reads" in (p.value("value_prop") or "")
    assert "ward occupancy export" in (p.value("partner_move") or "")
    assert "bed tracking demo" in (p.value("seller_move") or "")
    # a team alias, and no date: nobody owns it
    assert p.fields["owner"].status == "missing"


INLINE = """From: Joanna Pike <joanna.pike@stowlabs.example>
To: Ravi Desai <ravi.desai@stowlabs.example>
Subject: Re: Millbrook - before I take it
Date: Wed, 11 Mar 2026 09:02:11 -0500
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Ravi, answers inline.

On Wed, Mar 11, 2026 at 8:15 AM Ravi Desai <ravi.desai@stowlabs.example> wrote:
> Which account, and is it the opp I opened?

Yes. Millbrook Community Hospital, OPP-55108, the one you opened after Omar's intro email.

> Who at the partner?

Omar Shah, health practice director at Tallis Clinical Systems. Tallis implemented Millbrook's lab system in \
2022 and still runs it.

> What actually happened at Millbrook?

Their CMO, Dr Irene Vance, at the February board: "We lost two weeks of results when the lab server failed."

> What do you want me to do?

Bring the results portal demo to the 26 March board, set up with their lab's test list.

> What is Tallis doing, and by when?

Nothing agreed yet, honestly. Omar's director wants our pricing first.

> Who owns this?

Me, until you accept. Yes or no by Friday 13 March, please.

Joanna
"""


def test_answers_under_quoted_questions_in_a_reply_are_labelled_by_the_question(tmp_path):
    p = draft_text(tmp_path, INLINE, "reply.eml")
    assert "lab server failed" in (p.value("trigger") or "")
    assert "results portal demo" in (p.value("seller_move") or "")
    # "Nothing agreed yet" under "What is Tallis doing?": the partner has agreed nothing
    assert p.fields["partner_move"].status == "missing"
    owner = p.value("owner") or ""
    assert "Joanna" in owner and "13 March" in owner


FORWARDED = """From: Lena Brook <lena.brook@corvane.example>
To: Omar Fitch <omar.fitch@corvane.example>
Subject: Fwd: Fwd: Halden Foods - dock scheduling
Date: Thu, 5 Mar 2026 09:18:40 -0600
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Omar,

Handing this one to you. Halden Foods, OPP-60413, already on your priority list.

What I need from you: take the dock scheduling demo to the 19 March logistics review (Ines has offered the \
slot). I own this handoff until you accept; please reply by Tuesday 10 March.

Lena

---------- Forwarded message ---------
From: Ines Marr <ines.marr@quaylink.example>
Date: Wed, Mar 4, 2026 at 8:47 AM
Subject: Halden Foods - dock scheduling
To: Lena Brook <lena.brook@corvane.example>

Hi Lena,

I lead the food logistics practice at Quaylink Systems. We run the warehouse system for all 9 Halden Foods \
depots, and have done since 2020.

Their logistics director, Piet Hale, told me last month: "Trucks wait three hours at our docks and we pay the \
hauliers for every one."

That sounds like your dock scheduling. The way I'd see it working:
your app books every truck into a slot, and we write the slot straight into the warehouse system.

I see Piet at the monthly logistics review and he trusts us. The next one is 19 March and I can give your AE \
thirty minutes on the agenda.

Best,
Ines
"""


def test_a_forwarded_chain_reads_each_message_s_part(tmp_path):
    p = draft_text(tmp_path, FORWARDED, "fwd.eml")
    assert "dock scheduling demo" in (p.value("seller_move") or "")
    value = p.value("value_prop") or ""
    assert "your dock scheduling" in value and "books every truck" in value
    assert "thirty minutes on the agenda" in (p.value("warm_path") or "")


QUICK = """Brightwell call 6 May (Noor)
Halloran Bakeries, OPP-40772, on Kofi's Q3 list, partner-influenced.
Mads Berg (alliances mgr, Brightwell Systems). Brightwell has run Halloran's ovens since 2020.
Halloran plant head: "we bin a full batch every Friday."
Joint: our scheduler sets the bake plan, Brightwell's oven controls follow it.
Mads introduces Kofi at the 14 May ops review.
Kofi: bring the scheduling demo, 14 May.
Mads: sends oven-log export by 9 May (agreed by email).
Owner: Noor Aziz; Kofi accepts within 2 business days.
"""


def test_a_short_note_of_one_statement_a_line(tmp_path):
    p = draft_text(tmp_path, QUICK, "quick.txt")
    assert "Halloran Bakeries" in (p.value("account") or "")
    assert "bin a full batch" in (p.value("trigger") or "")
    # each line is its own statement: the joint value does not run on into the warm path
    assert "introduces" not in (p.value("value_prop") or "")
    assert "Mads introduces Kofi" in (p.value("warm_path") or "")
    assert "scheduling demo" in (p.value("seller_move") or "")


MINUTES_OPEN = """MINUTES: Corbett Advisory / Linden Private Bank co-sell review, 2 April 2026

1. Attendance
1.1 Corbett Advisory: Ruth Yeo (head of partnerships). Us: Ana Ruiz (partner marketing), Max Hale (AE, private banks).

3. Linden Private Bank
3.1 Account. Linden Private Bank, OPP-20419, stage 1, on Max's FY26 named-account list. Partner-influenced.
3.2 Partner standing. Corbett implemented Linden's client reporting system in 2023 and supports it on site monthly.
3.3 Customer need. Ruth's view is that "every private bank wants faster onboarding this year" and Linden will \
be no different. Nobody at Linden has said so. Ana asked that this be noted as open.
3.4 Joint proposition. We provide the onboarding checks; Corbett connects the completed account straight into \
the reporting system it maintains.
"""


def test_a_minuted_item_noted_as_open_is_missing_whatever_it_opens_with(tmp_path):
    p = draft_text(tmp_path, MINUTES_OPEN, "minutes.txt")
    assert p.fields["trigger"].status == "missing"
    assert "onboarding checks" in (p.value("value_prop") or "")


MEET = vtt([
    ("Nadia Osei", "I'm Nadia, partner marketing at Larkfield. Thanks for joining."),
    ("Joel Pike", "Joel Pike, head of partnerships at Stonebridge Digital. "
                  "We built Marlowe Press's paywall in 2023 and still run it."),
    ("Nadia Osei", "Marlowe Press is on my named list, OPP-33190."),
    ("Joel Pike", "Their chief digital officer, Ruth Amis, said to me: "
                  "\"we lose half our trial readers before the first bill.\""),
    ("Joel Pike", "Ruth likes that it's us doing the wiring. The easiest way in is the digital board on the 3rd of\n"
                  "March. She chairs it, I present at every one, and I can give you the second half."),
])


def test_a_slot_in_the_customer_s_own_meeting_is_the_warm_path(tmp_path):
    p = draft_text(tmp_path, MEET, "call.vtt")
    warm = p.value("warm_path") or ""
    assert "second half" in warm


SWEET_SPOT = srt([
    "Hi, I'm Tove Lind, I look after alliances at Harrow\nFleet Systems. We support the fleet's trackers.",
    "Sure. Amir Said, partner marketing at Coldtrace.",
    "This is Brennock Haulage, out of Cork. Brennock is on\nmy list, OPP-41207, stage one.",
    "That's our sweet spot. We tag the pallets and follow them\nto the store and back. Your handhelds are already in\n"
    "the cabs, so pallet tracking runs on the devices they\nhave.",
])


def test_a_joint_value_said_over_a_caption_s_sentences_is_read_whole(tmp_path):
    p = draft_text(tmp_path, SWEET_SPOT, "call.srt")
    value = p.value("value_prop") or ""
    assert "tag the pallets" in value and "pallet tracking" in value


WRITER_SCRIBBLES = """wexley / proscenium -- call tue 30/9 -- Cosima's notes (raw)

who: Teodor Kral (alliances lead, Proscenium Group), me, Jun Takeda (AE, live events)

Wexley Performing Arts Centre (WPAC)
 - opp OPP-66092 stage 1, Jun's. WPAC on Jun's H2 list
 - warm path: T is on the weekly ops call w/ Margo; he'll bring Jun to the ops call Tue 10/7
 - T: send Jun the gala on-sale logs, by Fri 10/3 (agreed on the call)
 - owner: me till Jun accepts, Jun to confirm by Thu 10/2
"""


def test_a_writer_named_by_their_notes_and_a_partner_named_by_an_initial(tmp_path):
    p = draft_text(tmp_path, WRITER_SCRIBBLES, "notes.txt")
    # "T:" is Teodor Kral, the only person the initial fits: his move is the partner's
    assert "on-sale logs" in (p.value("partner_move") or "")
    # "Cosima's notes": the "me" who owns the handoff is Cosima
    assert (p.value("owner") or "").startswith("Cosima: me till Jun accepts")


def test_a_writer_named_before_my_notes_owns_the_me_of_the_owner_line(tmp_path):
    text = """clubhaus sync wed 27/8 -- Nadia H (partner mktg) -- my notes, not cleaned up

call w/ Anders Holm (partner mgr NA, Clubhaus). Lucia Ferro (AE, fitness) couldn't make it.

Ironline Fitness, 40 gyms. opp OPP-30417 stage 1, Lucia's; Ironline on Lucia's H2 list
 - owner: me until Lucia accepts. Lucia to confirm by Fri 8/29
"""
    p = draft_text(tmp_path, text, "sync.txt")
    assert (p.value("owner") or "").startswith("Nadia")



def test_a_registrar_is_no_registration_in_the_talk_of_deals():
    # "the registrar's census-day memo" talks of no deal, as "Coldharbor is registered with Nordic Chill" does
    deal = load_cues(DEFAULT).any_of("deal_context")
    assert deal.search("Coldharbor is registered with Nordic Chill")
    assert not deal.search("Solange Mbeki's census-day memo (public, in the Faculty Senate packet), registrar-memo")


def test_they_in_a_line_the_partner_s_name_labels_is_the_partner(tmp_path):
    text = WRITER_SCRIBBLES.replace(
        "Wexley Performing Arts Centre (WPAC)",
        "Proscenium = ticketing implementer for arts venues. they did Wexley's ticketing cutover in 2022 and run "
        "box office support since\n\nWexley Performing Arts Centre (WPAC)")
    p = draft_text(tmp_path, text, "notes.txt")
    assert "ticketing cutover" in (p.value("why_partner") or "")
