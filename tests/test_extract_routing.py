"""Which field a sentence speaks to, and how a value is put together from a conversation: holding the
handoff is owning it, a customer's RFI or a fine is what set the motion off, a pack or a ruling is a
document, a customer inviting the partner in is a path; the other side's part in the same turn completes
a joint value, a move that says "it" or "her" takes the sentence naming what it means, and a question
about "him" asks about the customer person just named."""

from __future__ import annotations

from tests.invented import draft_text, vtt

INTRO = [
    ("Greta Lund", "Thanks both. Felix, this is Priya Nair, our AE for retail."),
    ("Felix Moreau", "Hello Priya. I lead alliances at Corbel Systems."),
    ("Priya Nair", "Bramwell Stores is on my named-account list and OPP-48110 is open."),
    ("Felix Moreau", "We run the point-of-sale estate in all 60 Bramwell stores since 2019."),
]


_vtt = vtt


def _draft(tmp_path, text, name="call.vtt"):
    return draft_text(tmp_path, text, name)


def test_keeping_the_handoff_until_the_seller_accepts_is_owning_it(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Greta Lund", "I'll keep the Bramwell handoff until you accept it, Priya. Let me know by Thursday."),
    ]))
    owner = packet.value("owner")
    assert "Greta Lund" in owner and "Thursday" in owner


def test_a_customers_rfi_and_a_fine_are_what_set_the_motion_off(tmp_path):
    packet = _draft(tmp_path, (
        "From: Felix Moreau <felix@corbel.example>\nTo: Greta Lund <greta@ourco.example>\n"
        "Subject: Bramwell Stores - RFI\n\n"
        "Hi Greta,\n\nBramwell Stores put out an RFI on Monday for \"price label compliance across all stores\"."
        " They were fined twice this year by trading standards for wrong shelf prices.\n\n"
        "Bramwell is on Priya's named-account list, OPP-48110. We run their point-of-sale estate since 2019.\n\n"
        "Felix\n"), "mail.txt")
    trigger = packet.value("trigger")
    assert "RFI" in trigger


def test_the_rfp_is_a_document_and_so_is_it_once_posted(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Anything written I can read before I call them?"),
        ("Felix Moreau", "Bramwell said partners could see section four of the RFP, the store requirements."
                         " I'm putting it in our shared channel now."),
    ]))
    evidence = packet.value("evidence")
    assert "RFP" in evidence and "shared channel" in evidence


def test_a_pack_already_shared_is_a_document(tmp_path):
    packet = _draft(tmp_path, (
        "Recap of the Corbel call, 4 November. Present: Felix Moreau (alliances lead, Corbel Systems), Priya Nair"
        " (AE, retail).\n\n"
        "Bramwell Stores is on Priya's named-account list, OPP-48110. Corbel has run the point-of-sale estate in"
        " all 60 Bramwell stores since 2019.\n\n"
        "Felix also shared the Q3 store council pack (Bramwell gave permission). It's in the Corbel folder on the"
        " drive.\n"), "recap.txt")
    assert "store council pack" in packet.value("evidence")


def test_a_customer_inviting_the_partner_in_is_a_warm_path(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "Their head of stores, Hanna Berg, invited us back for a review on Tuesday the 2nd."
                         " I could bring Priya in for ten minutes."),
    ]))
    warm = packet.value("warm_path")
    assert "Hanna Berg" in warm and "2nd" in warm


def test_a_question_about_him_asks_about_the_customer_person_just_named(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "Their COO, Anders Holm, complained about queues at the tills. Anders hates new projects."),
        ("Priya Nair", "How well do you know him?"),
        ("Felix Moreau", "I've done the quarterly service review with him for four years. Use my name."),
    ]))
    warm = packet.value("warm_path")
    assert "Anders" in warm and "quarterly service review" in warm


def test_the_other_sides_part_in_the_same_turn_completes_the_joint_value(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Greta Lund", "So, the joint picture as I see it. Our shelf cameras spot wrong price labels every hour."
                       " Corbel's store technicians fix the label on their next visit, so no store waits a week."),
    ]))
    value = packet.value("value_prop")
    assert "shelf cameras" in value and "store technicians" in value


def test_a_sentence_carrying_the_statement_on_belongs_to_it(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "The way I'd frame it: our shelf cameras check every price label each hour and flag the"
                       " wrong ones. But the check is only as good as the planogram data."),
        ("Felix Moreau", "Which is our bit. We keep the planogram current in your platform."),
    ]))
    assert "planogram data" in packet.value("value_prop")


def test_a_move_saying_it_or_her_takes_the_sentence_naming_what_it_means(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "What I can do is send you an export of the till error log for three stores."
                         " I'll have it to you by Friday the 5th."),
        ("Priya Nair", "Then I'll go through Hanna Berg, their head of stores. I'll call her this week and ask"
                       " for a 30-minute store walk."),
    ]))
    assert "till error log" in packet.value("partner_move")
    assert "Hanna Berg" in packet.value("seller_move")


def test_a_place_on_the_customers_meeting_agenda_is_a_warm_path(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "Their CFO, Anders Holm, runs the store investment board."),
        ("Felix Moreau", "Priya is on the 12 December agenda with Anders, twenty minutes."),
    ]))
    warm = packet.value("warm_path")
    assert "Anders" in warm and "12 December" in warm


SHORTHAND_AE = """cosell scratch -- tue 4 mar -- RG
call w/ Ivo Brandt (Fellgate Survey Systems, mining acct mgr). ~30 min

Fellgate = drone survey VAR, runs the survey fleets for most of the big quarry groups up north

Corrie Aggregates = quarry group, ~600 staff, 11 sites
 - no opp in CRM yet. Ivo brought it to us first -> partner-sourced once we open it. AE = Mags (Margaret Holm, \
heavy industry North). Corrie is on Mags's FY named list
 - Fellgate has run Corrie's drone survey fleet for 6 yrs
 - ACTION Ivo: send Mags the last two stockpile reports by Fri 7 Mar. he said yes
 - ACTION Mags: open the opp, then bring the stockpile variance demo to Corrie's 19 Mar ops meeting
"""


def test_a_short_name_defined_with_the_full_name_is_the_seller(tmp_path):
    # "AE = Mags (Margaret Holm, ...)": Mags is the AE, so "ACTION Mags: ... demo ... 19 Mar" is the seller's move
    move = draft_text(tmp_path, SHORTHAND_AE, "scratch.txt").value("seller_move") or ""
    assert "variance demo" in move
    assert "19 Mar" in move


CLAUSE = """# Fellgate Survey Systems: half-year review

*Written up by Rhea Gantt, partner manager, 5 September*

From Fellgate: Ivo Brandt (mining alliance director). From our side: me, and Bex Holm (AE, heavy industry North).

**Corrie Aggregates.** Bex has had OPP-61822 open since May, and Corrie is on her priority account list.

Ivo knows their operations director, Sten Moor, well from the monthly site reviews. He will introduce Bex at \
Corrie's operations council on 19 September, where Bex plans to present the stockpile variance demo using last \
year's survey data.
"""


def test_a_clause_giving_the_seller_their_own_commitment_is_the_sellers_move(tmp_path):
    # "He will introduce Bex ..., where Bex plans to present the demo": the intro is the partner's, the demo hers
    move = draft_text(tmp_path, CLAUSE, "review.md").value("seller_move") or ""
    assert "variance demo" in move
    assert "19 September" in move
