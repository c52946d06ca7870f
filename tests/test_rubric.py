"""The rubric judged field by field, as SPEC sections 2 and 3 define it."""

from __future__ import annotations

import pytest

from drafter.formats import read_packet
from drafter.packet import Packet
from drafter.rubric import grade, load_priority_list, load_rubric


@pytest.fixture(scope="module")
def base(request) -> dict[str, str | None]:
    from tests.conftest import FIXTURES

    return read_packet(FIXTURES / "packets" / "northwind-logistics.md").values()


def judge(base, **changes):
    values = dict(base)
    values.update(changes)
    return grade(Packet.from_values(values))


def test_template_example_with_a_named_owner_is_ready(base):
    g = judge(base)
    assert g.verdict == "ready"
    assert g.failure_modes == [] and g.signals == [] and all(g.gates.values())
    assert 0 <= g.score <= 100 and 0 <= g.scorecard.total <= 18


def test_template_example_as_published_has_a_team_as_owner(base):
    g = judge(base, owner="Partner marketing owns the handoff until the introduction lands. "
                          "AE response window: three business days.")
    assert g.failure_modes == ["no_owner"] and g.verdict == "keep_building"
    f = g.fields["owner"].findings[0]
    assert f.id == "no_owner" and "team alias" in f.message
    assert f.fix.startswith("One name and a due date") and f.role == "partner marketing"


@pytest.mark.parametrize("partner", [
    "Øresund Data ApS. Søren Ørsted (alliances lead).",
    "Sakura Systems KK. Yamada Taro, partner manager.",
    "Priya Nair, AE at Kestrel.",
    "Meridian Cloud Consulting. Dana Reyes (alliances lead).",
    "Meridian Cloud Consulting: alliances lead Dana Reyes.",
    "Kestrel Systems. Mei-Lin Zhou, director of state and local government.",
])
def test_named_partner_person_with_role(base, partner):
    assert "vague_partner" not in judge(base, partner=partner).failure_modes


@pytest.mark.parametrize("partner, why", [
    ("Meridian is interested.", "company or logo only"),
    ("Meridian Cloud Consulting (their alliances team).", "company or logo only"),
    ("Meridian Cloud Consulting. Dana Reyes.", "not their role"),
    ("TBD", "placeholder"),
    (None, "missing"),
])
def test_vague_partner(base, partner, why):
    g = judge(base, partner=partner)
    assert "vague_partner" in g.failure_modes
    assert why in g.fields["partner"].findings[0].message


@pytest.mark.parametrize("owner", [
    "partner team owns it. Response window: 3 business days.",
    "alliances@northwind.example owns it; 3 business days.",
    "Owner: partners@meridian.example, due Friday.",
    "Sales",
    "The alliances team will coordinate. Response by end of next week.",
    "Jo Whitaker and Sam Patel own the handoff. AE response window: three business days.",
    "Jo Whitaker owns the handoff.",
    "alliances@ - ASAP",
])
def test_no_owner(base, owner):
    assert "no_owner" in judge(base, owner=owner).failure_modes


@pytest.mark.parametrize("owner, window", [
    ("Leah owns it; response in 2 business days.", "strong"),
    ("Owner: Jo Whitaker. Due: 3 business days.", "strong"),
    ("dana.reyes@meridian.example owns it; respond within 2 business days.", "strong"),
    ("Jo Whitaker. Accept or decline within 48 hours.", "strong"),
    ("raquel sousa (channel mktg) owns it til tiago accepts. 2 biz days.", "strong"),
    ("Owner: Chidi Okonkwo (channel marketing). Response: same day.", "strong"),
    ("Jo Whitaker owns the handoff; AE to respond by 14 March.", "weak"),
    ("Jo Whitaker, partner marketing — owns the handoff until the AE accepts. Response window: 2 business days.",
     "strong"),
])
def test_one_named_owner_and_a_due_date(base, owner, window):
    g = judge(base, owner=owner)
    assert "no_owner" not in g.failure_modes
    assert g.scorecard.components["owner"] == "strong"
    assert g.scorecard.components["acceptance_criteria"] == window


@pytest.mark.parametrize("move", ["Follow up with Dana.", "Align on next steps with the partner.",
                                  "Loop in the AE.", "Explore synergies and discuss options.", "Touch base."])
def test_vague_seller_moves(base, move):
    g = judge(base, seller_move=move)
    assert "no_next_move" in g.failure_modes and not g.gates["seller_move_concrete"]


@pytest.mark.parametrize("move", [
    "Book a call with Dana, send the deck, prepare a proposal and schedule a workshop.",
    "- Book the call\n- Send the deck\n- Draft the proposal",
    "This week: call Dana about pricing, send the security pack, and set up a workshop.",
])
def test_several_moves_where_one_is_asked_for(base, move):
    # SPEC §2: the seller move "is not one concrete action".
    g = judge(base, seller_move=move)
    assert "no_next_move" in g.failure_modes and not g.gates["seller_move_concrete"]
    assert "several moves" in g.fields["seller_move"].findings[0].message
    assert g.scorecard.components["next_action"] == "weak"


def test_alternatives_are_not_one_move(base):
    g = judge(base, seller_move="Either book a demo with Ana or send her the deck, whichever lands better.")
    assert "no_next_move" in g.failure_modes and "alternatives" in g.fields["seller_move"].findings[0].message


def test_two_verbs_of_one_move_are_one_move(base):
    g = judge(base, seller_move="Reply to Colin's introduction email and book a 30-minute demo with Paul this week.")
    assert g.gates["seller_move_concrete"] and "no_next_move" not in g.failure_modes


@pytest.mark.parametrize("move, meta", [
    ("Book the demo with Dana next quarter.", {}),
    ("Book the demo with Dana on 17 September.", {"prepared": "2 June"}),
    ("Book the demo with Dana on 2026-09-17.", {"date": "2026-06-02"}),
])
def test_deferred_move_fails_the_gate_but_is_a_move(base, move, meta):
    g = grade(Packet.from_values({**base, "seller_move": move}, metadata=meta))
    assert "no_next_move" not in g.failure_modes
    assert not g.gates["seller_move_concrete"] and g.verdict == "keep_building"
    assert "not doable this week" in g.fields["seller_move"].findings[0].message


def test_a_dated_move_within_the_week_of_the_packet_is_doable(base):
    g = grade(Packet.from_values({**base, "seller_move": "Book the demo with Dana on 5 June."},
                                 metadata={"prepared": "2 June"}))
    assert g.gates["seller_move_concrete"]


def test_one_move_this_week(base):
    g = judge(base, seller_move="Book the reconciliation demo with Dana this week.")
    assert g.gates["seller_move_concrete"] and g.scorecard.components["next_action"] == "strong"


@pytest.mark.parametrize("move", ["On the 22 May partner call, Dana agreed to share the sensor logs.",
                                  "Dana agreed on 3 May to send the logs soon.",
                                  "Dana will keep us posted as things develop."])
def test_the_date_a_promise_was_made_is_not_a_deadline(base, move):
    assert not judge(base, partner_move=move).gates["partner_committed"]


@pytest.mark.parametrize("move, committed, level", [
    ("Dana agreed in writing on 3 May to send her review notes by 9 May.", True, "strong"),
    ("Agreed by Dana in writing (24 May): the grader logs go to Hemi by 31 May.", True, "strong"),
    ("Dana committed in writing on 20 June to send the May incident reports by 27 June.", True, "strong"),
    ("Dana confirms the meeting and shares her review notes by Friday.", True, "weak"),
    ("Dana will send her review notes.", False, "weak"),
    ("Dana has offered to send her review notes by Friday.", False, "weak"),
])
def test_partner_move_agreed_and_dated(base, move, committed, level):
    g = judge(base, partner_move=move)
    assert g.gates["partner_committed"] is committed
    assert g.scorecard.components["partner_offer"] == level
    assert "no_next_move" not in g.failure_modes


def test_partner_move_that_is_not_a_move(base):
    g = judge(base, partner_move="Meridian will support as needed.")
    assert "no_next_move" in g.failure_modes
    assert g.fields["partner_move"].findings[0].field == "partner_move"


@pytest.mark.parametrize("evidence, level", [
    ("https://crm.example.com/opportunities/OPP-1", "strong"),
    ("Salesforce opportunity 0065g00000AbCdE", "strong"),
    ("0065g00000AbCdEAAZ", "strong"),
    ("Quarterly review notes and the migration case study, linked in the packet.", "strong"),
    ("Dana's QBR deck.", "weak"),
    ("Case study attached to the opportunity; call notes on request.", "weak"),
])
def test_openable_evidence(base, evidence, level):
    g = judge(base, evidence=evidence)
    assert g.gates["evidence_verifiable"] and g.scorecard.components["proof"] == level


@pytest.mark.parametrize("evidence", ["See CRM.", "Available on request.", "Notes available on request.",
                                      "Per conversations with the partner.", "", "n/a",
                                      "Happy to share the deck if anyone needs it.",
                                      "Dana told us on a call; no notes were taken.",
                                      "Deck: [here](https://link-to-deck)",
                                      "Meridian's website: https://www.meridian.example.com"])
def test_no_evidence(base, evidence):
    g = judge(base, evidence=evidence)
    assert "no_evidence" in g.failure_modes and not g.gates["evidence_verifiable"]


@pytest.mark.parametrize("conflict", ["TBD", "n/a", "Low risk.", "No issues expected; they have worked with us "
                                      "before.", "Alliances to check registrations.", None,
                                      "Conflict check: done (checked with channel ops and the DR portal).",
                                      "Nothing to check yet. Meridian would be credited as partner-sourced.",
                                      "n/a - partner-sourced, so no conflict.",
                                      "Meridian is the partner; no other partners that we know of.",
                                      "No conflicts.", "All clear."])
def test_no_conflict_check(base, conflict):
    g = judge(base, conflict=conflict)
    assert "no_conflict_check" in g.failure_modes and not g.gates["conflict_checked"]


@pytest.mark.parametrize("conflict", ["Checked the portal: no reseller registered.", "Checked registrations — clean.",
                                      "PRM shows no deal registration from any partner. Meridian is logged as "
                                      "partner-influenced; the AE's comp is unaffected.",
                                      "Verified in PRM on 2 May: no competing partners on the account; "
                                      "Meridian credited as partner-influenced.",
                                      "Portal checked: no conflicts."])
def test_conflict_check_with_outcome(base, conflict):
    assert judge(base, conflict=conflict).gates["conflict_checked"]


@pytest.mark.parametrize("trigger", [
    "Northwind wants to leverage synergies and drive digital transformation.",
    "The customer wants to improve efficiency and modernize.",
    "Northwind wants better reporting.",
    None,
])
def test_generic_use_case_blocks_ready(base, trigger):
    g = judge(base, trigger=trigger)
    assert "generic_use_case" in g.signals and g.verdict == "keep_building"
    assert g.failure_modes == []


@pytest.mark.parametrize("trigger", [
    "Northwind's CFO: \u201cWe lose two days a month reconciling carrier invoices.\u201d",
    "The ops director told Dana that invoice reconciliation takes two people a week.",
])
def test_trigger_in_the_buyers_words(base, trigger):
    g = judge(base, trigger=trigger)
    assert g.signals == [] and g.scorecard.components["buyer_problem"] == "strong"


def test_our_own_campaign_line_quoted_is_not_the_buyers_words(base):
    g = judge(base, trigger="\"Every guest, one conversation.\" That's the headline from our spring campaign.")
    assert "generic_use_case" in g.signals


@pytest.mark.parametrize("warm", [None, "Meridian probably knows someone in IT.",
                                  "Nobody at Meridian has met the CFO. Cold outreach planned.",
                                  "Meridian has regular contact with the data team."])
def test_no_warm_path_blocks_ready(base, warm):
    g = judge(base, warm_path=warm)
    assert "no_warm_path" in g.signals and g.verdict == "keep_building"


@pytest.mark.parametrize("field, text", [
    ("why_partner", "Meridian ran the [insert project] migration for Northwind last quarter."),
    ("value_prop", "<value prop here>"),
    ("evidence", "https://crm.example.com/OPP-1 and {{deck link}}"),
])
def test_placeholders_anywhere(base, field, text):
    g = judge(base, **{field: text})
    assert "placeholder" in g.signals and g.verdict == "keep_building"
    assert any(f.id == "placeholder" for f in g.fields[field].findings)


@pytest.mark.parametrize("account, fires", [
    ("A large logistics company in Ohio. Open opportunity, stage 2.", True),
    ("Mid-market insurance carriers; Aurelia Mutual is a good example of the profile.", True),
    ("Northwind Logistics.", True),
    ("Northwind Logistics. No opportunity in CRM yet.", True),
    ("Northwind Logistics. No opportunity yet; their carrier contract renews in June.", False),
    ("Northwind Logistics. OPP-4471, stage 2, AE Maria Lopez.", False),
    ("Northwind Logistics, on Maria's named-account list.", False),
    ("Northwind Logistics AS. OPP-7731, stage 2; Northwind is one of the ten named accounts on Maria's list.", False),
])
def test_account_logic(base, account, fires):
    assert ("no_account_logic" in judge(base, account=account).failure_modes) is fires


def test_priority_list_gate_and_strong_account(base, tmp_path):
    lst = tmp_path / "priority.csv"
    lst.write_text("Account,Seller\n\"Northwind Logistics, Inc.\",Maria Lopez\nHarrow Mills GmbH,Ines Ruiz\n")
    pl = load_priority_list(str(lst))
    on = grade(Packet.from_values(base), priority=pl)
    assert on.gates["account_prioritized"] and on.scorecard.components["target_account_logic"] == "strong"
    assert "Maria Lopez" in on.scorecard.why["target_account_logic"]
    off = grade(Packet.from_values({**base, "account": "Eastwind Freight. Open opportunity, stage 2."}), priority=pl)
    assert not off.gates["account_prioritized"] and off.verdict == "keep_building"
    assert off.scorecard.components["target_account_logic"] == "weak"


def test_priority_list_without_header(tmp_path):
    lst = tmp_path / "p.csv"
    lst.write_text("the harrow mills ltd.\nNorthwind Logistics\n")
    pl = load_priority_list(str(lst))
    assert pl.match("Harrow Mills (textiles). OPP-1") == ("the harrow mills ltd.", None)
    assert pl.match("NORTHWIND LOGISTICS, stage 2") == ("Northwind Logistics", None)
    assert pl.match("Northwinds Ltd") is None


def test_each_field_judged_on_its_own(base):
    # A date in the seller move does not make an owner's due date; a link in the partner move is not evidence.
    g = judge(base, owner="Jo Whitaker owns the handoff.",
              seller_move="Accept the introduction by Friday 14 March.",
              partner_move="Dana sends https://notes.example.com by Friday.", evidence=None)
    assert {"no_owner", "no_evidence"} <= set(g.failure_modes)


def test_grading_is_deterministic_and_pure(base):
    p = Packet.from_values(base)
    before = p.model_dump_json()
    first = grade(p).model_dump_json()
    assert all(grade(p).model_dump_json() == first for _ in range(5))
    assert p.model_dump_json() == before


def test_every_finding_explains_itself(fixtures):
    g = grade(read_packet(fixtures / "packets" / "harbor-freight-vague.md"))
    assert set(g.failure_modes) == {"vague_partner", "no_account_logic", "no_next_move", "no_owner",
                                    "no_evidence", "no_conflict_check"}
    assert {"generic_use_case", "no_warm_path"} <= set(g.signals)
    for f in g.findings:
        assert f.message and f.fix and f.role and f.field
    assert g.score < 20 and g.band == "keep_building"


def test_scores_order_packets_by_how_many_defects(base):
    ready = judge(base).score
    one = judge(base, evidence="Available on request.").score
    two = judge(base, evidence="Available on request.", conflict="TBD").score
    three = judge(base, evidence="Available on request.", conflict="TBD", owner="Sales").score
    assert ready > one > two > three


def test_user_rubric_adds_aliases_patterns_and_placeholders(base, tmp_path):
    custom = tmp_path / "team.toml"
    custom.write_text('version = "acme-1"\n[add.lexicon]\nteam_aliases = ["blue harbor"]\n'
                      'placeholders = ["fill me"]\n[add.patterns]\nrecord_ids = [\'\\bacme:\\d{4}\\b\']\n')
    r = load_rubric(custom)
    assert r.version == "acme-1"
    owner = {**base, "owner": "Blue Harbor owns it; 3 business days."}
    assert "no_owner" in grade(Packet.from_values(owner), r).failure_modes
    assert "is a team alias" in grade(Packet.from_values(owner), r).fields["owner"].findings[0].message
    assert "no_owner" not in grade(Packet.from_values(owner)).failure_modes  # by default it reads as a name
    filled = {**base, "evidence": "fill me"}
    assert "placeholder" in grade(Packet.from_values(filled), r).fields["evidence"].findings[0].message
    record = {**base, "evidence": "acme:1234"}
    assert grade(Packet.from_values(record), r).gates["evidence_verifiable"]
    assert not grade(Packet.from_values(record)).gates["evidence_verifiable"]
    # Added patterns extend ours: the default record ids still count.
    assert grade(Packet.from_values({**base, "evidence": "OPP-52118"}), r).gates["evidence_verifiable"]


def test_bad_rubric_file(tmp_path):
    from drafter.errors import InputError

    bad = tmp_path / "bad.toml"
    bad.write_text("[patterns]\nurl = '(unclosed'\n")
    with pytest.raises(InputError, match="bad.toml: pattern 'url'"):
        load_rubric(bad)
    bad.write_text("not = toml = at all")
    with pytest.raises(InputError, match="not valid TOML"):
        load_rubric(bad)


def test_company_names_are_not_people(base):
    # "Quadrant Campus Systems" is one organisation, so "Quadrant" alone is not a contact's first name.
    g = judge(base, partner="Quadrant Campus Systems (integrator). Their VP of alliances is sponsoring it on "
                            "Quadrant's side.")
    assert "vague_partner" in g.failure_modes


@pytest.mark.parametrize("partner", [
    "Tsubame Systems K.K. 佐藤 遙 (Haruka Sato), project manager for the signalling contract.",
    "Quarry Lane Integrators. Ana Lucas runs the utilities practice at Quarry Lane.",
    "Quarry Lane Integrators.\n\n| Name | Role | Email |\n|---|---|---|\n"
    "| Ana Lucas | Partner manager, utilities | ana@ql.example |",
    'Quarry Lane Integrators. From her signature: "Ana Lucas | Principal, Utilities Practice | Quarry Lane"',
])
def test_a_role_given_after_a_gloss_in_a_table_a_signature_or_as_what_they_run(base, partner):
    g = judge(base, partner=partner)
    assert "vague_partner" not in g.failure_modes
    assert g.fields["partner"].level == "strong"


def test_a_desk_that_reads_like_a_name_is_a_team(base):
    desk = judge(base, partner="Kestrel Cloud — Cloud Alliances Desk (desk@kestrel.example).")
    assert "vague_partner" in desk.failure_modes
    g = judge(base, owner="Alliances Desk (Lisbon) owns the handoff until Rui accepts. "
                          "AE response window: two business days.")
    assert "no_owner" in g.failure_modes


def test_an_owner_given_as_a_table_is_read_row_by_header(base):
    g = judge(base, owner="| Owner | Role | AE response window |\n|---|---|---|\n"
                          "| Ingrid Bakke | Partner marketing | 3 business days |")
    assert "no_owner" not in g.failure_modes
    assert g.scorecard.components["owner"] == "strong"


@pytest.mark.parametrize("move", [
    "Drive executive alignment with Northwind's leadership to accelerate the opportunity this quarter.",
    "Build on Meridian's strong relationship to move things forward with Northwind this week.",
])
def test_momentum_language_is_not_a_move(base, move):
    assert "no_next_move" in judge(base, seller_move=move).failure_modes


def test_our_asking_the_partner_is_not_the_partners_commitment(base):
    g = judge(base, partner_move="We will ask Dana to send the carrier invoice sample by 14 March.")
    assert not g.gates["partner_committed"] and g.verdict == "keep_building"


def test_tbd_in_a_statement_is_not_an_unfilled_slot(base):
    checked = base["conflict"]
    g = judge(base, conflict=f"{checked} The pilot start date is still TBD with procurement; registration is "
                             "unaffected.")
    assert "placeholder" not in g.signals
    assert "placeholder" in judge(base, conflict=f"{checked} Credit split: TBD.").signals


def test_a_named_executive_saying_something_generic_is_still_generic(base):
    g = judge(base, trigger="Their CIO, Patricio Lagos, has been clear that digital transformation is the number-one "
                            "priority for 2026.")
    assert "generic_use_case" in g.signals and g.verdict == "keep_building"


@pytest.mark.parametrize("evidence", ["Ask Jo in partner marketing, she has the email.",
                                      "Ola has the service review notes; ask him."])
def test_a_person_to_ask_is_not_a_source_to_open(base, evidence):
    g = judge(base, evidence=evidence)
    assert "no_evidence" in g.failure_modes and not g.gates["evidence_verifiable"]


def test_company_size_does_not_make_a_generic_trigger_specific(base):
    g = judge(base, trigger="Sundial Hotels, with 42 properties and $610M in revenue, wants to improve the guest "
                            "experience and drive operational efficiency in 2026.")
    assert "generic_use_case" in g.signals


def test_a_buyer_quote_that_fits_any_account_is_generic_and_a_specific_one_is_not(base):
    generic = judge(base, trigger='Their CIO told Nikhil: "We need to be doing more with AI in 2026. Everyone is."')
    assert "generic_use_case" in generic.signals
    specific = judge(base, trigger='Their CIO told Nikhil: "We need to be doing more with AI: claims take 21 days."')
    assert "generic_use_case" not in specific.signals


def test_a_title_on_the_line_under_the_name_is_a_role(base):
    g = judge(base, partner="Thistle Consulting Group. Contact:\n\nMorag Henderson\nHead of Financial Services "
                            "Alliances\nmorag@thistle.example")
    assert "vague_partner" not in g.failure_modes


def test_a_participle_after_a_comma_goes_with_the_move_before_it(base):
    g = judge(base, seller_move="Reply to Janet's email by Friday and confirm the working session, bringing the demo.")
    assert "no_next_move" not in g.failure_modes and g.gates["seller_move_concrete"]


@pytest.mark.parametrize("partner", [
    "Tessellate Public Sector - June Park - Director, K-12 Alliances.",
    "Quillon Cloud Partners. Maya Obi heads Quillon's life-sciences partner sales.",
    "Arcwell Consulting. Account lead at Arcwell for Pemberton: Sam Ferris.",
])
def test_roles_after_a_month_like_first_name_a_verb_or_a_label(base, partner):
    assert "vague_partner" not in judge(base, partner=partner).failure_modes


def test_a_region_after_a_role_is_not_a_person(base):
    g = judge(base, partner="Fenwick Data Partners, through their regional alliances manager for the "
                            "Pacific Northwest.")
    assert "vague_partner" in g.failure_modes


@pytest.mark.parametrize("owner", [
    "Renata Silva (partner marketing) and Jan Kowalski share ownership until Lionel accepts (two business days).",
    "cosell-na@ourco.example (shared inbox). Replies within two business days.",
])
def test_two_owners_or_a_regional_shared_inbox_is_no_single_owner(base, owner):
    assert "no_owner" in judge(base, owner=owner).failure_modes


def test_a_contract_ending_in_her_territory_is_a_reason_to_care(base):
    g = judge(base, account="Marrow Creek Water District. No opportunity yet. Why the AE should care: its meter-data "
                            "contract ends on 30 June and it is the largest district in her territory.")
    assert "no_account_logic" not in g.failure_modes


def test_a_request_with_no_reply_is_not_agreed(base):
    g = judge(base, partner_move="On 2 October we asked Adaeze to send the funnel export by 10 October. No reply yet.")
    assert not g.gates["partner_committed"]


@pytest.mark.parametrize("owner", ["Jess Alvarado (PMM). AE response 3 bd.", "Kim Osei. AE=Tom R. 3bd window."])
def test_business_days_abbreviated_are_a_response_window(base, owner):
    assert "no_owner" not in judge(base, owner=owner).failure_modes


@pytest.mark.parametrize("partner", ["Hollis EdTech (K-12 VAR). Raj Patel, acct exec for Pinecrest.",
                                     "Corvane Consulting. Contact: Yusuf Adeleke, engagement partner for Quarry Lane"])
def test_abbreviated_and_consulting_titles_are_roles(base, partner):
    assert "vague_partner" not in judge(base, partner=partner).failure_modes


def test_pending_as_a_noun_is_no_hedge_and_not_confirmed_is(base):
    done = judge(base, partner_move="Tamsin confirmed by email that she will send the list of pending prior auths "
                                    "by 18 May.")
    assert done.gates["partner_committed"]
    asked = judge(base, partner_move="Requested from Marco on 3/5: send the field mapping by 3/13. Marco has not "
                                     "confirmed yet.")
    assert not asked.gates["partner_committed"]


@pytest.mark.parametrize("evidence", ["Internal notes.", "Evidence: internal notes and partner conversations."])
def test_a_kind_of_document_is_not_a_source(base, evidence):
    g = judge(base, evidence=evidence)
    assert "no_evidence" in g.failure_modes
    assert judge(base, evidence="The Meridian case study on carrier invoices.").gates["evidence_verifiable"]


def test_people_the_partner_field_names_on_our_or_the_customers_side_are_not_the_partners_contact(base):
    g = judge(base, partner="Tamsin Data Partners. Our AE, Callum Reid, met the customer's sponsor, Priyanka Iyer "
                            "(Head of Supply Planning), at Tamsin's customer day. Olu Bankole, principal at Greyfen "
                            "(the auditor, not a partner on this deal), rates Tamsin.")
    assert "vague_partner" in g.failure_modes
    ok = judge(base, partner="Tamsin Data Partners. Our contact is Dana Reyes (alliances lead); our AE is Callum Reid.")
    assert "vague_partner" not in ok.failure_modes


def test_a_person_named_as_not_the_owner_is_not_the_owner(base):
    assert "no_owner" in judge(base, owner="Not Tom Hale — the alliances team owns this now. Response within three "
                                           "business days.").failure_modes
    g = judge(base, owner="Not Tom Hale (he moved teams) — Priya Raman (partner marketing) owns this. AE response "
                          "window: two business days.")
    assert "no_owner" not in g.failure_modes


def test_a_quoted_partner_move_is_judged_on_what_was_said(base):
    g = judge(base, partner_move='On the 20 August call, Femi said: "Let me loop in my people and we\'ll take it '
                                 'from there."')
    assert "no_next_move" in g.failure_modes


def test_and_also_makes_two_seller_moves(base):
    g = judge(base, seller_move="Send Svetlana the ROI calculator by Tuesday, and also set up a pricing call with "
                                "procurement.")
    assert "no_next_move" in g.failure_modes


def test_an_action_this_week_about_a_later_event_is_doable_this_week(base):
    values = {**base, "seller_move": "Confirm to Kenji this week that Brianna will join the 12 March review."}
    packet = Packet.from_values(values)
    packet.metadata["date"] = "2026-03-03"
    assert grade(packet).gates["seller_move_concrete"]
    values["seller_move"] = "Bring the demo to the 12 March review."
    later = Packet.from_values(values)
    later.metadata["date"] = "2026-03-03"
    assert not grade(later).gates["seller_move_concrete"]


def test_reported_generic_wishes_are_generic(base):
    g = judge(base, trigger="Their CIO told Keiko at the QBR that, like every manufacturer, they want to cut costs "
                            "and become more data-driven.")
    assert "generic_use_case" in g.signals


def test_starting_a_conversation_is_not_a_move_and_a_promised_attachment_is_not_evidence(base):
    assert "no_next_move" in judge(base, seller_move="Reach out to Northwind and start the conversation.").failure_modes
    assert "no_evidence" in judge(base, evidence="Will attach once Meridian sends its notes.").failure_modes


@pytest.mark.parametrize("owner", [
    "DRI: Priya Raman (partner marketing) until Marcus accepts. SLA: 2 business days.",
    "Accountable: Leah Morgan (partner marketing) until Trevor accepts. Response within 2 business days.",
    "DRI Paolo Greco (channel marketing); SLA 2 business days.",
    "I own this until Rafael accepts: Yusuf Adeyemi, partner manager. Rafael, please reply within 48h.",
    "I'm the point person until Connor accepts: Leon Marsh, partner manager. Connor, please reply within 48h.",
])
def test_owner_labels_and_a_first_person_owner_who_signs(base, owner):
    assert "no_owner" not in judge(base, owner=owner).failure_modes


def test_a_family_firms_person_keeps_her_name_and_no_known_conflicts_is_no_check(base):
    g = judge(base, partner="Finch Fractional Finance (referral partner). Dorothea Finch, fractional CFO for "
                            "Northwind.")
    assert "vague_partner" not in g.failure_modes
    assert "no_conflict_check" in judge(base, conflict="No known conflicts.").failure_modes


def test_a_hubspot_deal_on_a_target_account_list_ties_the_account(base):
    g = judge(base, account='Hartwell Brewing Co. HubSpot deal "Hartwell - ERP replacement", stage Qualified; Hartwell '
                            "is on Jenna's Q2 target-account list.")
    assert "no_account_logic" not in g.failure_modes


# --- from the blind set o (busy people filling the template in) ---------------------------------

def test_a_participle_describing_the_thing_is_not_a_second_move(base):
    g = judge(base, seller_move="Reply to Dana's 29 May email this week and book the 30-minute demo, run on "
                                "Northwind's own route data.")
    assert "no_next_move" not in g.failure_modes and g.gates["seller_move_concrete"]
    g = judge(base, seller_move="Reply to Dana's email, run the demo, send the deck this week.")
    assert "no_next_move" in g.failure_modes


@pytest.mark.parametrize("move, fid", [
    ("Meridian will accompany the customer in all the process and give support when is needed.", "partner_move"),
    ("Engage with Northwind's leadership to explore how our offer can help, and align with Meridian going "
     "forward.", "seller_move"),
])
def test_support_and_going_forward_are_not_moves(base, move, fid):
    assert "no_next_move" in judge(base, **{fid: move}).failure_modes


def test_evidence_sent_if_somebody_needs_it_cannot_be_opened(base):
    g = judge(base, evidence="The visit report from 2 October, I can send it if somebody needs it.")
    assert "no_evidence" in g.failure_modes


def test_no_conflict_expected_is_a_forecast_not_a_check(base):
    g = judge(base, conflict="No conflict expected. Meridian has co-sold with us before; credit follows the "
                             "usual referral rules.")
    assert "no_conflict_check" in g.failure_modes


def test_a_signature_with_owner_of_this_handoff_names_the_signer(base):
    g = judge(base, owner="Best regards,\nAnneliese Brandt-Kühn\nAlliance Lead DACH, Northwind team\n"
                          "(owner of this handoff until the AE accepts - please answer within 2 business days)")
    assert "no_owner" not in g.failure_modes and g.scorecard.components["owner"] == "strong"


def test_a_team_mailbox_with_a_region_is_no_owner(base):
    g = judge(base, owner="Paywright LATAM channel team (canais-latam@paywright.example.com) is responsible of "
                          "this handoff. AE must answer in 3 business days.")
    assert "no_owner" in g.failure_modes


def test_an_abbreviated_profession_is_a_role(base):
    g = judge(base, partner="Valle Verde Agronomy (referral partner) - Inés Carrasco-Vidal, sr. agronomist")
    assert "vague_partner" not in g.failure_modes


def test_the_vendor_named_instead_of_we_says_what_we_do(base):
    vp = ("Trussline routes RFIs from the field app to the architect and back; Meridian connects it to the BIM "
          "models it already maintains for Northwind, so the superintendent sees answers on site.")
    assert judge(base, value_prop=vp).fields["value_prop"].level == "strong"
    only_partner = ("Meridian connects the field app to the BIM models it already maintains for Northwind, so the "
                    "superintendent sees answers on site without a phone call.")
    assert judge(base, value_prop=only_partner).fields["value_prop"].level == "weak"


# --- from the blind set p (good handoffs written unexpectedly, bad ones that look polished) -------

def test_a_role_said_as_who_runs_the_engagement(base):
    g = judge(base, partner="Pemberton Shaw LLP (accountancy firm), through their outsourced-finance partner, "
                            "Rachel Goh, who runs the Northwind engagement.")
    assert "vague_partner" not in g.failure_modes


@pytest.mark.parametrize("move", [
    "Dana should be able to send the template library to Ben by Fri 14 Nov.",
    "Dana will send the template library by 14 Nov, depending on legal signing off.",
])
def test_a_dated_move_that_depends_on_others_is_not_committed(base, move):
    g = judge(base, partner_move=move)
    assert not g.gates["partner_committed"] and g.verdict == "keep_building"


def test_a_buyer_quote_about_costs_and_seriousness_is_generic(base):
    g = judge(base, trigger='Their COO told Owen at the October review: "We need to get serious about sustainability '
                            'and get our costs under control."')
    assert "generic_use_case" in g.signals


def test_a_log_line_with_a_registration_and_no_one_else_is_a_check(base):
    g = judge(base, conflict="DR 31/10: Meridian registered (DR-9120); no one else. Meridian gets reseller margin.")
    assert g.gates["conflict_checked"] and "no_conflict_check" not in g.failure_modes


def test_a_to_do_list_is_not_a_check(base):
    g = judge(base, conflict="To do before the intro: check the DR portal for any registered reseller, and ask Dana "
                             "whether Meridian is also recommending a competitor. Credit to be agreed afterwards.")
    assert "no_conflict_check" in g.failure_modes


def test_a_question_answered_is_a_check(base):
    g = judge(base, conflict="We asked our channel team whether any other partner or reseller is registered on "
                             "Northwind. None is. Meridian gets partner-influenced credit.")
    assert g.gates["conflict_checked"]


def test_a_proprietary_document_cannot_be_opened(base):
    g = judge(base, evidence="Meridian's 2025 Logistics Benchmark, which is proprietary to Meridian.")
    assert "no_evidence" in g.failure_modes


def test_partner_for_a_line_of_business_is_a_role(base):
    # from the blind set q: "Idris Kamara, partner for commercial lines" (a consultancy's partner is a title)
    g = judge(base, partner="Rowan Consulting (insurance SI). Idris Kamara, partner for commercial lines.")
    assert "vague_partner" not in g.failure_modes


def test_getting_up_to_speed_and_staying_close_are_not_moves(base):
    g = judge(base, seller_move="Get up to speed on Northwind and stay close to Meridian ahead of the June review.")
    assert "no_next_move" in g.failure_modes


# --- from the blind set r (dev-like, weighted to the hardest boundaries) -----------------------------

def test_a_role_told_after_a_colon_as_what_she_runs(base):
    g = judge(base, partner="Meridian Cloud Consulting. The person acting is Dana Reyes: she runs the Northwind "
                            "account for Meridian day to day and signs its change orders.")
    assert "vague_partner" not in g.failure_modes


def test_somewhere_in_slack_is_no_evidence(base):
    g = judge(base, evidence="Somewhere in Slack; ask Jonah.")
    assert "no_evidence" in g.failure_modes
    g = judge(base, evidence="The 4 May QBR deck, in the partner folder on Drive.")
    assert "no_evidence" not in g.failure_modes


# --- from the blind set t (the dev set's hidden companion, weighted on the hard boundaries) ------------

@pytest.mark.parametrize("owner", [
    "The Ecosystem Growth team owns this handoff end to end. Accept or decline within two business days.",
    "Revenue Acceleration squad owns this handoff; accept or decline within two business days.",
    "Owned by the Harbour Growth desk. AE response window: three business days.",
])
def test_a_named_team_is_not_a_named_owner(base, owner):
    g = judge(base, owner=owner)
    assert "no_owner" in g.failure_modes and g.scorecard.components["owner"] == "missing"
    # a role after the name ("team lead") keeps the person
    g = judge(base, owner="Jordan Whitfield team lead owns the handoff. AE response window: three business days.")
    assert "no_owner" not in g.failure_modes


@pytest.mark.parametrize("account", [
    "Tarn Valley Ports. No opportunity yet; the AE opens one on acceptance. Its crane maintenance contract is "
    "re-tendered in April with remote monitoring in scope for the first time.",
    "Tarn Valley Ports. No opportunity yet; Mia Holt opens one on acceptance. Tarn Valley is retendering its crane "
    "maintenance in April.",
    "Tarn Valley Ports, in Mia Holt’s territory. No opportunity yet; she opens one on acceptance.",
])
def test_a_tender_or_the_sellers_territory_is_a_reason_to_care(base, account):
    g = judge(base, account=account)
    assert "no_account_logic" not in g.failure_modes and g.gates["account_prioritized"]


def test_an_inspection_campaign_is_the_buyers_not_our_marketing(base):
    g = judge(base, trigger='In the spring inspection campaign debrief, Northwind\'s fleet manager told Dana: '
                            '"We got 9,000 photos and it took two engineers a month to find the six trucks that '
                            'needed work."')
    assert "generic_use_case" not in g.signals
    g = judge(base, trigger='"Ship smarter, not harder" is the headline of our spring campaign, and Dana says it '
                            'fits Northwind.')
    assert "generic_use_case" in g.signals


@pytest.mark.parametrize("conflict", [
    "Checked on 5 March: Meridian has no deal registered with us at any logistics firm, and it does not resell "
    "any competing reconciliation product. Meridian would be credited as partner-sourced on any opportunity.",
    "Checked on 5 March: Meridian doesn't sell a competing reconciliation tool. If an opportunity opens, Meridian "
    "is credited as partner-influenced.",
])
def test_no_deal_registered_and_no_competing_product_are_outcomes(base, conflict):
    g = judge(base, conflict=conflict)
    assert g.gates["conflict_checked"] and "no_conflict_check" not in g.failure_modes


@pytest.mark.parametrize("partner", [
    "Harbour Fitters Ltd. Ola Brekke, who manages Harbour's service contract for Northwind's two depots.",
    "Harbour Fitters Ltd. Ola Brekke, who looks after the maintenance for Northwind's trucks.",
    "Harbour Fitters Ltd. Ola Brekke, who runs the Northwind fleet.",
])
def test_a_role_said_as_the_contract_or_fleet_a_person_runs(base, partner):
    assert "vague_partner" not in judge(base, partner=partner).failure_modes


def test_a_failure_mode_the_scorecard_does_not_read_costs_at_least_a_missing_component(base, tmp_path):
    unchecked = judge(base, conflict="Checked with alliances: no conflicts.")
    generic = judge(base, trigger="They want better visibility.")
    assert unchecked.failure_modes == ["no_conflict_check"] and generic.failure_modes == []
    # the scorecard does not read the conflict note: its total is the template example's
    assert unchecked.scorecard.total == judge(base).scorecard.total
    # but a failure mode ranks below a packet with a keep-building signal only
    assert unchecked.score < generic.score
    off = tmp_path / "off.toml"
    off.write_text("[scoring]\nfailure_mode_min_points = 0\n")
    plain = grade(Packet.from_values({**base, "conflict": "Checked with alliances: no conflicts."}), load_rubric(off))
    assert plain.score > generic.score


@pytest.mark.parametrize("account", [
    "Tarn Valley Ports. No opportunity yet; the AE opens one when the port is ready. Partner-sourced: Harbour "
    "registered the lead before any opportunity existed.",
    "Tarn Valley Ports. No opportunity in CRM yet. A strategic logo; the opportunity will be created and owned by "
    "the AE on acceptance.",
])
def test_an_opportunity_still_to_be_opened_ties_nothing(base, account):
    g = judge(base, account=account)
    assert "no_account_logic" in g.failure_modes and not g.gates["account_prioritized"]


# --- from the blind set u (a second hidden companion to the dev set, written by a different hand) ------

@pytest.mark.parametrize("fid, move", [
    ("seller_move", "Set up a 30-minute internal alignment call with Dana and our solutions engineer to agree how we "
                    "approach the June review and who presents what."),
    ("seller_move", "Get a call in the diary with Dana to line up how we approach Northwind's ops director together."),
    ("seller_move", "Email Dana this week so we can agree our approach to the ops director."),
    ("partner_move", "Dana will set up a meeting with us by 31 October to agree next steps."),
])
def test_a_meeting_to_plan_the_move_is_not_the_move(base, fid, move):
    # SPEC §2 no_next_move: "discuss options" with a calendar slot is still not one concrete action
    g = judge(base, **{fid: move})
    assert "no_next_move" in g.failure_modes
    gate = "seller_move_concrete" if fid == "seller_move" else "partner_committed"
    assert not g.gates[gate]
    assert "meeting to plan" in g.fields[fid].findings[0].message


def test_a_meeting_with_the_buyer_or_to_decide_something_is_a_move(base):
    trigger = ('At Meridian\'s quarterly review, Northwind\'s ops director, Priya Shah, said: "We reconcile '
               '40,000 carrier invoices a month by hand."')
    planning = judge(base, trigger=trigger, seller_move="Book a call with Dana this week to agree next steps.")
    assert "no_next_move" in planning.failure_modes
    for move in ["Book a call with Priya this week to agree next steps.",  # the buyer, named in the trigger
                 "Book the joint session with Northwind's ops director on Thursday to agree our approach.",
                 "Book a 30-minute prep call with Dana this week to agree the agenda for the June review.",
                 "Call Dana by Thursday to agree a date for the site walk with Priya."]:
        g = judge(base, trigger=trigger, seller_move=move)
        assert "no_next_move" not in g.failure_modes and g.gates["seller_move_concrete"], move


@pytest.mark.parametrize("evidence", [
    "Dana's recollection of the quarterly review notes, 12 May.",
    "Dana didn't take notes at the 12 May quarterly review.",
    "Dana's recollection of the September business review. She didn't take notes, but she remembers the ops "
    "director's words clearly and is happy to repeat them on a call.",
])
def test_a_persons_memory_is_no_evidence(base, evidence):
    # SPEC §2 no_evidence: "no source a seller can open and check in minutes"
    g = judge(base, evidence=evidence)
    assert "no_evidence" in g.failure_modes and not g.gates["evidence_verifiable"]


def test_what_the_partner_does_at_this_account_is_its_standing(base):
    # scorecard partner_context: "why they matter here" -- the partner's footprint at the named account
    why = "Meridian supplies the private network and the depot scanners across all nine Northwind depots."
    assert judge(base, why_partner=why).scorecard.components["partner_context"] == "strong"
    for fluff in ["Meridian is very excited about Northwind and its growth plans for this year.",
                  "Meridian is a strategic partner with real synergies at Northwind across the whole business."]:
        assert judge(base, why_partner=fluff).scorecard.components["partner_context"] == "weak", fluff
    generic = judge(base, account="A large logistics company in the Midwest, like Northwind. No opportunity yet.",
                    why_partner=why)
    assert generic.scorecard.components["partner_context"] == "weak"


@pytest.mark.parametrize("value_prop", [
    "Our triage engine reads each request and sets the priority; Meridian's connector sends the request to us and "
    "posts the result back in the app.",
    "Our contract platform gives the firm one approved clause library inside Word; Dana knows which precedents the "
    "partners trust and will run the clause-selection workshop.",
])
def test_the_partner_acts_in_the_offer_by_a_possessive_or_its_person(base, value_prop):
    g = judge(base, why_partner="Meridian ran the data platform migration Northwind completed last quarter.",
              value_prop=value_prop)
    assert g.scorecard.components["partner_context"] == "strong"
