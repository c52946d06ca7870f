"""Values the notes do not give: a document that does not exist, a question asking whether one does, a
partner waiting on someone else's word, a joint offer nobody has worked out, the partner's history
taken for the offer. Each stays missing, while the real statement next to it is kept."""

from __future__ import annotations

from tests.invented import draft_text, vtt

INTRO = [
    ("Greta Lund", "Thanks both. Wednesday the 19th of November. Felix, this is Priya Nair, our AE for retail."),
    ("Felix Moreau", "Hello Priya. I lead alliances at Corbel Systems."),
    ("Priya Nair", "Bramwell Stores is on my named-account list and OPP-48110 is open from their RFP."),
    ("Felix Moreau", "We run the point-of-sale estate in all 60 Bramwell stores since 2019."),
]


_vtt = vtt


def _draft(tmp_path, text, name="call.vtt"):
    return draft_text(tmp_path, text, name)


def test_an_answer_saying_there_is_no_document_leaves_evidence_missing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Anything written I can read first? A case study, a reference?"),
        ("Felix Moreau", "Sorry, nothing we can share. Bramwell won't allow vendor case studies, so there's "
                         "no write-up at all."),
    ]))
    assert packet.fields["evidence"].value is None


def test_a_document_refused_in_a_bullet_is_no_evidence(tmp_path):
    packet = _draft(tmp_path, (
        "# Corbel / us: weekly sync\n\nPresent: Felix Moreau (alliances lead, Corbel Systems), Priya Nair (AE)\n\n"
        "## Bramwell Stores co-sell\n"
        "- Bramwell Stores is on Priya's named-account list; OPP-48110 open.\n"
        "- **Proof?** Priya asked for a reference or a write-up of the POS rollout. Felix: nothing public, "
        "Bramwell's legal team has refused a case study twice.\n"), "sync.md")
    assert packet.fields["evidence"].value is None


def test_a_link_posted_alone_takes_the_sentence_naming_the_document(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Is there anything published on the Bramwell work?"),
        ("Felix Moreau", "Yes, we wrote a checkout rollout case study with them last year. Link coming."),
        ("Felix Moreau", "https://corbel.example.com/stories/bramwell-checkout"),
    ]))
    evidence = packet.value("evidence")
    assert "checkout rollout case study" in evidence and "https://corbel.example.com" in evidence


def test_an_attached_document_named_in_the_text_is_evidence(tmp_path):
    packet = _draft(tmp_path, (
        "From: Felix Moreau <felix@corbel.example>\nTo: Priya Nair <priya@ourco.example>\n"
        "Subject: Bramwell Stores\nDate: Mon, 17 Nov 2025 09:00:00 +0000\n\n"
        "Priya,\n\nBramwell Stores is on your named-account list (OPP-48110). We run their point-of-sale "
        "estate in all 60 stores.\n\nAttached is the 2024 till replacement summary we did for them.\n\n"
        "Felix\n"), "thread.txt")
    assert "till replacement summary" in packet.value("evidence")


def test_a_partner_waiting_on_someone_elses_word_makes_no_move(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Greta Lund", "What can Corbel do before then? Any data for the demo?"),
        ("Felix Moreau", "Not sure yet. I need to check with my director what we're allowed to share from the "
                         "tills. I won't promise anything today."),
    ]))
    assert packet.fields["partner_move"].value is None


def test_a_partner_move_said_to_be_undecided_later_is_missing(tmp_path):
    packet = _draft(tmp_path, (
        "Partner call summary, 19 November. Written up by Greta Lund (partner manager).\n\n"
        "Present: Felix Moreau, head of alliances at Corbel Systems; Priya Nair (AE, retail).\n\n"
        "Bramwell Stores is on Priya's named-account list and OPP-48110 is open.\n\n"
        "Felix wants his architect, back on the 2nd, in the room before anyone proposes anything, and "
        "Priya agreed.\n\n"
        "What Corbel itself does before then is undecided.\n"), "summary.txt")
    assert packet.fields["partner_move"].value is None
    assert "undecided" in packet.fields["partner_move"].note


def test_the_partners_next_commitment_in_the_same_turn_joins_its_move(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "I'll send their store manager the intro email today and copy you, Priya. I'll also "
                         "send you the till fault log by Monday."),
    ]))
    move = packet.value("partner_move")
    assert "intro email" in move and "till fault log" in move


def test_a_joint_offer_left_open_in_answer_to_the_question_is_missing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "So our history there: Corbel installed the tills in 2019 and we maintain them."),
        ("Greta Lund", "How would we pitch this together, Felix? What's the joint story?"),
        ("Felix Moreau", "Honestly, we haven't thought that through. Not sure whether your analytics sits on "
                         "our tills or beside them."),
    ]))
    assert packet.fields["value_prop"].value is None
    assert "2019" in packet.value("why_partner")


def test_working_together_years_ago_is_no_joint_offer(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Greta Lund", "Who do you know there, Felix?"),
        ("Felix Moreau", "Their head of stores, Hana Sato. We worked together at Lindqvist Retail for six "
                         "years before she moved to Bramwell. She will take a call from me any day."),
    ]))
    assert packet.fields["value_prop"].value is None
    assert "Hana Sato" in packet.value("warm_path")


def test_a_check_announced_but_not_done_is_no_conflict_note(tmp_path):
    packet = _draft(tmp_path, (
        "# Corbel / us: weekly sync\n\nPresent: Felix Moreau (alliances lead, Corbel Systems), Priya Nair (AE)\n\n"
        "## Bramwell Stores\n"
        "- Bramwell Stores is on Priya's named-account list; OPP-48110 open.\n"
        "- Corbel has run the point-of-sale estate in all 60 Bramwell stores since 2019.\n"
        "- Registration check: not done. Greta hasn't had a chance to look in the portal yet.\n"), "sync.md")
    assert packet.fields["conflict"].value is None
    assert "not done" in (packet.fields["conflict"].note or "")


def test_a_partner_declining_to_introduce_leaves_the_warm_path_missing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Could you introduce me to whoever runs store operations there?"),
        ("Felix Moreau", "I'd rather not put my name on it yet. If I start selling analytics, their IT lead"
                         " thinks I'm going round him. Let me think about it."),
    ]))
    assert packet.fields["warm_path"].value is None


def test_a_label_answered_with_none_so_far_is_missing(tmp_path):
    packet = _draft(tmp_path, (
        "Bramwell Stores co-sell, 4 Nov. Felix Moreau (alliances lead, Corbel Systems), Priya Nair (AE)\n"
        "- Bramwell Stores is on Priya's named-account list; OPP-48110 open.\n"
        "- Corbel has run the point-of-sale estate in all 60 Bramwell stores since 2019.\n"
        "- evidence: none so far\n"), "notes.txt")
    assert packet.fields["evidence"].value is None


RECORD = """# Corbel / Bramwell Stores co-sell record

Date: 19 November 2025

- Account: Bramwell Stores, OPP-48110 (stage 2)
- Partner: Corbel Systems, Felix Moreau (alliances lead)
- Why Corbel: they run the point-of-sale estate in all 60 Bramwell stores since 2019.
- Trigger: Bramwell's CFO said "our tills go down every Black Friday".
- Joint value: {value}
- Warm path: {warm}
- Seller move: {seller}
- Partner move: Felix sends the outage log by Friday 28 November.
- Conflict: {conflict}
- Evidence: {evidence}
- Owner: {owner}
"""

DECIDED = dict(value="our checkout cloud keeps tills running offline; Corbel installs it on their estate.",
               warm="Felix sits on Bramwell's monthly IT board with the CFO.",
               seller="Priya books the till demo for 2 December.",
               conflict="Alliances checked the portal: no other partner registered.",
               evidence="the Corbel estate case study, https://corbel.example/cases/bramwell",
               owner="Greta owns the handoff, answer due by 1 December.")


def test_fields_written_down_as_pending_or_not_discussed_stay_missing(tmp_path):
    decided = _draft(tmp_path, RECORD.format(**DECIDED), "decided.md")
    assert all(decided.fields[f].value for f in ("value_prop", "warm_path", "seller_move", "conflict", "evidence",
                                                 "owner"))
    packet = _draft(tmp_path, RECORD.format(
        value="Still to work out. Felix wasn't sure whether Bramwell wants tills or kiosks first.",
        warm="Not discussed: Felix had to leave early.",
        seller="I'm not booking anything with Bramwell until I've seen the outage log.",
        conflict="Pending. Greta will ask alliances whether Tillpoint holds a registration.",
        evidence="None attached yet. The outage log is confidential until the CFO agrees.",
        owner="Who owns this on our side is open; decide at the next sync.",
    ), "open.md")
    for fid in ("value_prop", "warm_path", "seller_move", "conflict", "evidence", "owner"):
        assert packet.fields[fid].value is None, fid
        assert packet.fields[fid].status == "missing"
    assert "outage log" in packet.value("partner_move")


def test_a_partner_saying_they_know_nobody_there_leaves_the_warm_path_missing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "Who could introduce me? Do you know their CFO, Hannah Vogel?"),
        ("Felix Moreau", "No. We only deal with the store IT team. I've never met anyone on the finance floor, "
                         "so I can't introduce you. You'd be going in cold."),
        ("Felix Moreau", "I'll send you the till outage log by Friday 28 November."),
    ]))
    assert packet.fields["warm_path"].value is None
    assert "till outage log" in packet.value("partner_move")


def test_a_partner_offering_no_route_leaves_the_warm_path_missing(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "On an introduction, honestly, no. Our engineers are in Bramwell's stores every week, but "
                         "nobody at Corbel knows anyone in their buying team. I can't offer a route."),
    ]))
    assert packet.fields["warm_path"].value is None


def test_a_case_study_kept_confidential_is_no_evidence(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "About references: our checkout case study for Bramwell is under NDA, so I can't send it."),
    ]))
    assert packet.fields["evidence"].value is None
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "We have a Bramwell case study, but it is customer-confidential."),
    ]))
    assert packet.fields["evidence"].value is None


def test_a_registration_check_not_yet_run_leaves_the_conflict_missing(tmp_path):
    notes = ("# Bramwell Stores co-sell\n\nAccount: Bramwell Stores, OPP-48110.\n"
             "Partner: Corbel Systems, Felix Moreau (alliances lead).\n"
             "Conflict: I haven't run the registration check yet. I'll look in the portal tomorrow.\n")
    packet = _draft(tmp_path, notes, "notes.md")
    assert packet.fields["conflict"].value is None


def test_a_document_that_cannot_be_sent_today_is_still_evidence(tmp_path):
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Felix Moreau", "The Bramwell checkout case study: I can't send it from the train, but it is in the shared "
                         "folder: https://corbel.example/cases/bramwell-checkout"),
    ]))
    assert "bramwell-checkout" in (packet.value("evidence") or "")


def test_knowing_nobody_in_one_team_but_someone_else_keeps_the_warm_path(tmp_path):
    for answer in ("We don't know anyone in their buying team, but I know their CFO, Hannah Vogel, well; I can "
                   "introduce you at the board review on Friday 28 November.",
                   "Nobody here knows anyone in procurement. But Hannah Vogel, their CFO, is a friend; I'll introduce "
                   "you next week."):
        packet = _draft(tmp_path, _vtt(INTRO + [("Priya Nair", "Who could introduce me?"), ("Felix Moreau", answer)]))
        assert "Hannah Vogel" in (packet.value("warm_path") or "")


LABELLED = """Call notes, 3 March. Partner: Tarnwick Controls (Ilse Brandt, channel lead). Ours: Omar Haddad (AE).

Account: Quenby Foundry, OPP-51240, on Omar's list.

Why partner: Tarnwick has run Quenby's furnace controls since 2016.

Omar's move: run the melt-shop demo at Quenby on 18 March.

Evidence: Omar wants a document for their plant manager before the 18th. Ilse said Tarnwick has nothing
written up on foundries yet. So nothing to attach yet.
"""


def test_a_labelled_entry_that_opens_with_a_request_and_ends_with_nothing_to_attach_is_open(tmp_path):
    packet = _draft(tmp_path, LABELLED, "notes.txt")
    assert packet.fields["evidence"].value is None
    assert packet.value("seller_move") and "melt-shop demo" in packet.value("seller_move")


def test_the_customers_budget_owner_is_no_owner_of_the_handoff(tmp_path):
    packet = draft_text(tmp_path, (
        "# Discovery call: Tarrow Mutual / Pellucid Data\n\nDate: 4 November 2025\n"
        "Attendees: Hana Sato (VP Claims, Tarrow Mutual), Ravi Mehta (partner director, Pellucid Data), "
        "Lena Ortiz (AE)\n\n## Account\nTarrow Mutual, OPP-70215, on Lena's named-account list.\n\n"
        "## Qualification\n- Budget: approved for this fiscal year.\n"
        "- Authority: Hana Sato (VP Claims) is the executive sponsor and budget owner.\n"
        "- Need: claims intake takes nine days and Hana wants it under two.\n\n"
        "## Next steps\n- Ravi will send the intake benchmark to Lena by 12 November.\n"), "discovery.md")
    assert packet.fields["owner"].value is None
    assert packet.fields["partner_move"].value  # the real move next to it is kept


def test_a_case_study_link_is_evidence_not_the_joint_offer(tmp_path):
    # "our ... payments" reads like what our product does, but a sentence posting a link points at a document
    packet = _draft(tmp_path, _vtt(INTRO + [
        ("Priya Nair", "What's our angle against the module they already license?"),
        ("Felix Moreau", "Not sure yet. Our architect has to look at their licences first."),
        ("Greta Lund", "Then let's not write the joint pitch until he has."),
        ("Felix Moreau", "Posting our Bramwell gift-card payments integration case study: "
                         "https://corbel.example.com/cases/bramwell-loyalty"),
    ]))
    assert packet.fields["value_prop"].value is None
    assert "case study" in (packet.fields["evidence"].value or "")


def test_the_customer_s_website_is_no_evidence_but_a_page_on_it_can_be(tmp_path):
    notes = ("# Corbel / us: weekly sync\n\nPresent: Felix Moreau (alliances lead, Corbel Systems), Priya Nair (AE)\n\n"
             "## Bramwell Stores co-sell\n"
             "- Bramwell Stores is on Priya's named-account list; OPP-48110 open.\n"
             "- Corbel runs the point-of-sale estate in all 60 Bramwell stores since 2019.\n"
             "- Website: www.bramwell-stores.example.com\n")
    assert _draft(tmp_path, notes, "sync.md").fields["evidence"].value is None
    story = "https://corbel.example.com/stories/bramwell-checkout"
    page = notes.replace("www.bramwell-stores.example.com", story)
    assert story in (_draft(tmp_path, page, "sync.md").value("evidence") or "")


QUOTED_OPEN_WORDS = """# Brightwater Clinics: partner sync

- **Account:** Brightwater Clinics, nine clinics. OPP-30281, stage 2, Ada's.
- **Partner:** Tomas Reyes, practice lead at Fenwick Health IT.
- **What the customer said:** their head of nursing, Lou Barnes, told Tomas:
  "We book rooms nobody has checked into and turn patients away at noon." The board wants it fixed.
- **Joint offer:** our scheduler frees rooms as soon as a no-show is logged; Fenwick connects it to the
  booking system they host.
"""


def test_open_words_inside_the_customers_quotation_leave_the_field_decided(tmp_path):
    # "nobody has checked" in the buyer's own words is their complaint, not the notes saying a check is open
    p = draft_text(tmp_path, QUOTED_OPEN_WORDS, "sync.md")
    assert "turn patients away" in (p.value("trigger") or "")


MEMO = (
    "# Corbel Systems: monthly partner sync\n\n"
    "From Corbel: Felix Moreau (alliances lead). From us: Priya Nair (AE, retail), Greta Lund (partner marketing).\n\n"
    "Bramwell Stores is on Priya's named-account list and OPP-48110 is open from their RFP. Corbel has run the "
    "point-of-sale estate in all 60 Bramwell stores since 2019.\n\n"
)


def test_a_topic_raised_and_not_finished_leaves_conflict_missing(tmp_path):
    packet = _draft(tmp_path, MEMO + (
        "Reseller conflict came up at the end but we did not finish it. Priya suspects Bramwell buys through a "
        "retail reseller, maybe Tillbury; no one had looked at the registration portal yet.\n"), "sync.md")
    assert packet.fields["conflict"].value is None
    assert "left open" in (packet.fields["conflict"].note or "")


def test_a_relationship_label_given_not_there_yet_leaves_warm_path_missing(tmp_path):
    packet = _draft(tmp_path, MEMO + (
        "- **Relationship.** Not there yet. Felix's team works with Bramwell's store operations people, not "
        "finance; nobody at Corbel knows Odile Brandt, their CFO. Felix will think about who could help.\n"),
        "sync.md")
    assert packet.fields["warm_path"].value is None


def test_material_available_on_request_is_no_evidence(tmp_path):
    packet = _draft(tmp_path, MEMO + "Evidence: Felix says there is a rollout deck, available on request\n",
                    "sync.md")
    assert packet.fields["evidence"].value is None
