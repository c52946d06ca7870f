"""Who is at the table for whom: the partner found from how a conversation is structured, not from an
attendee list (self-introductions, a recording's header, who talks about running the account's things)."""

from __future__ import annotations

from drafter.extract.cues import DEFAULT, load_cues
from drafter.extract.entities import find_entities
from drafter.extract.offline import draft
from drafter.extract.structure import layout
from drafter.ingest import read_sources
from tests.invented import TODAY, draft_text, srt, vtt


def _draft(tmp_path, text, name):
    return draft_text(tmp_path, text, name)


def _vtt(turns, note=None):
    return vtt(turns, style="open", note=note)


def test_a_speaker_saying_what_they_do_and_where_is_the_partner(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Ana Lopes", "Thanks for joining. Piet, this is Rui, our AE for ports."),
        ("Piet de Vries", "Hi Rui. Short version: I'm head of terminal partnerships at Dockwise Systems."),
        ("Rui Matos", "Porto Verde Terminals is on my named list; OPP-81020 is open from their RFP."),
        ("Piet de Vries", "We run the crane telemetry on Porto Verde's quay since 2021."),
    ]), "call.vtt")
    partner = packet.value("partner")
    assert "Piet de Vries" in partner and "Dockwise Systems" in partner
    assert "head of terminal partnerships" in partner
    assert "crane telemetry" in packet.value("why_partner")


def test_the_recording_header_pairs_the_partner_with_us_and_its_speaker_serves_the_account(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Lena Ortiz", "Thanks both. Tomas, this is Ruth Akande, our AE for maritime."),
        ("Ruth Akande", "Kestrel Ferries is on my named-account list and OPP-70221 is open from their RFP."),
        ("Tomas Berg", "We do all the engine overhauls on Kestrel's fleet, and our technicians have been in their"
                       " Aberdeen yard since 2019."),
        ("Tomas Berg", "I'll send Ruth the October fault log by Friday 14 November."),
    ], note="Zoom recording, 6 November 2025. Harbourline Marine / us: Kestrel Ferries co-sell."), "call.vtt")
    assert "Harbourline Marine" in packet.value("partner") and "Tomas Berg" in packet.value("partner")
    assert "engine overhauls" in packet.value("why_partner")
    assert "fault log" in packet.value("partner_move")
    assert packet.metadata["seller"] == "Ruth Akande"


def test_without_header_or_introduction_a_speaker_alone_makes_no_partner(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Lena Ortiz", "Ruth, Kestrel Ferries is on your named-account list and OPP-70221 is open."),
        ("Tomas Berg", "We do all the engine overhauls on Kestrel's fleet."),
    ]), "call.vtt")
    assert packet.fields["partner"].value is None  # no organisation is named as theirs: nothing to tie him to
    assert packet.fields["why_partner"].value is None


def test_prose_people_known_by_first_name_and_by_what_their_team_does(tmp_path):
    packet = _draft(tmp_path, (
        "Altair Regional co-sell - call notes, Tue 21 January\n"
        "Written up by Lotte Berg (partner marketing)\n\n"
        "Hamid (channel) brought Björn Lindgren in. Björn's team does all the heavy checks on Altair's ATR fleet.\n\n"
        "Camille (our AE, aviation Nordics) confirmed Altair Regional Airlines is on her named list; "
        "OPP-29530 is open.\n\n"
        "Skyreach is not a reseller, so Altair buys direct and Skyreach is credited as influencer.\n\n"
        "Björn sits in Altair's reliability meeting every other week and will bring Camille to the next one.\n"
    ), "notes.txt")
    assert "Björn Lindgren" in packet.value("partner") and "Skyreach" in packet.value("partner")
    assert "heavy checks" in packet.value("why_partner")
    assert "reliability meeting" in packet.value("warm_path")
    assert packet.metadata["seller"] == "Camille"


def test_an_organisation_described_by_its_kind_is_not_a_person(tmp_path):
    packet = _draft(tmp_path, (
        "notes - call w/ partner\n\n"
        "ALT = Altamira Systems (hotel PMS + hospitality IT integrator, MX)\n"
        "on call: Rafael Dominguez (hospitality alliances mgr @ ALT), me, Dmitri Volkov (AE, hospitality)\n\n"
        " - Casa Lucero Hotels: opp OPP-62419, on Dmitri's Q2 focus list\n"
        " - ALT installed + hosts Casa Lucero's PMS since 2021\n"
    ), "dump.txt")
    partner = packet.value("partner")
    assert "Altamira Systems" in partner and "Rafael Dominguez" in partner
    assert packet.metadata["partner"] == "Altamira Systems"


def test_an_organisation_labelling_its_people(tmp_path):
    packet = _draft(tmp_path, (
        "# Brightwater IT: Q3 review\n\n"
        "**Date:** Thursday 4 September, 09:30-11:00, at the Brightwater office and on Zoom, both teams present\n"
        "**Brightwater IT:** Hana Sato (director of client services), Leo Park (CTO)\n"
        "**Us:** Mia Chen (partner manager), Omar Ali (AE, healthcare)\n\n"
        "## Co-sell: Fernvale Clinics\n"
        "- **Account:** Fernvale Clinics, OPP-55001, on Omar's named-account list.\n"
        "- **Why Brightwater:** Brightwater has run Fernvale's servers since 2019.\n"
    ), "qbr.md")
    assert "Hana Sato" in packet.value("partner")
    assert packet.metadata["seller"] == "Omar Ali"


def test_someone_who_introduces_the_customer_to_our_seller_is_the_partners(tmp_path):
    lines = [
        "Hello, I'm Wanjiru Kamau, I look after partnerships at Frostline Logistics.",
        "And I'm Emre Aydin, the AE. Bahia Azul is on my named list, OPP-50931 is open.",
        "Their quality manager is Rodrigo Paredes. Who knows Rodrigo?",
        "My colleague Kwabena met him at the seafood expo in April.",  # no speaker: whose colleague?
        "Kwabena will send the intro email to Rodrigo and Emre by Thursday.",
    ]
    srt = "\n".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{ln}\n" for i, ln in enumerate(lines, 1))
    packet = _draft(tmp_path, srt, "call.srt")
    assert "intro email" in packet.value("partner_move")  # the go-between is the partner's
    assert "Wanjiru Kamau" in packet.value("partner")  # the partner person described with a role
    assert packet.fields["seller_move"].value is None


def test_attendees_by_first_name_and_their_action_lines(tmp_path):
    packet = _draft(tmp_path, (
        "# Sync with Quanta Analytics — Brenner Foods\n\n"
        "Attendees: Rashid (Quanta, data practice lead), Sofia (us, partner manager), Jonas (AE, food & bev)\n\n"
        "## Notes\n"
        "- Quanta has run Brenner's data warehouse since 2019.\n"
        "- Brenner Foods: OPP-44120, stage 1, on Jonas's named-account list.\n\n"
        "## Actions\n"
        "- Jonas: book the close demo with the CFO for the week of the 18th\n"
        "- Rashid: send the close calendar to Jonas by Friday 14 March\n"
    ), "sync.md")
    assert "Rashid" in packet.value("partner") and "data practice lead" in packet.value("partner")
    assert packet.metadata["partner"].startswith("Quanta")
    assert "close demo" in packet.value("seller_move")
    assert "close calendar" in packet.value("partner_move")


def test_a_recap_sentence_lists_who_came_for_which_side(tmp_path):
    packet = _draft(tmp_path, (
        "Subject: Recap: Halden call (Marisco Foods)\nTo: retail-partners team\nFrom: Ilaria Conti\n\n"
        "Hi all,\n\nRecap of today's call with Halden Analytics. From Halden: Tunde Bello, their client lead for"
        " Marisco and two other grocers, and Ewa Nowak from their data team. From us: me and Piotr Lis.\n\n"
        "Marisco Foods is a regional grocery chain with 80 stores. Halden has run Marisco's demand forecasting"
        " since 2020.\n\nTunde confirmed he will send Marisco's weekly waste report by Friday the 14th.\n\n"
        "I'll own this until an AE picks it up, and I'll post an update by Monday 17 November.\n"), "recap.txt")
    assert packet.metadata["account"] == "Marisco Foods"
    assert "Halden" in packet.value("partner") and "Tunde Bello" in packet.value("partner")
    assert "waste report" in packet.value("partner_move")
    # a header block in any order is one message: its "I" is the sender
    assert "Ilaria Conti" in packet.value("owner")


def test_a_person_introduced_by_name_then_described_by_pronoun(tmp_path):
    packet = _draft(tmp_path, _vtt([
        ("Maya Cohen", "Leo, this is Dr Abimbola Adeyemi, everyone calls her Bimbo. She leads home nursing at"
                       " Carewell Services. Bimbo, Leo is our AE for pharma."),
        ("Leo Brandt", "Norcross Biotech. I have OPP-41177 at stage two."),
        ("Abimbola Adeyemi", "Our nurses already visit the Norcross trial patients at home every week."),
        ("Abimbola Adeyemi", "I'll send Leo the visit schedule by Monday."),
    ]), "call.vtt")
    assert "Carewell Services" in packet.value("partner") and "Abimbola Adeyemi" in packet.value("partner")
    assert "visit schedule" in packet.value("partner_move")


def test_the_one_holding_the_accounts_record_is_the_seller(tmp_path):
    packet = _draft(tmp_path, (
        "fri 5/9 - call w/ Ruth (Tallow Systems) re BPL. messy notes\n\n"
        "ppl: Ruth Amadi - runs the clinic partners group at Tallow Systems (MSP)\n     me\n\n"
        "BRACKEN PET LODGES (BPL)\n"
        "- Bracken Pet Lodges, 14 kennels\n"
        "- OPP-52210, stg 1, Priya's. on her Q3 top 10\n"
        "- trigger: BPL ops manager Dev Shah told R. that late cancellations cost them \"four runs a night\"\n"
        "- Priya: sends Dev the cancellation calculator, by thu\n"
        "- R. will get 60 days of booking data from BPL -> Priya by tue 5/13. said yes\n"), "notes.txt")
    assert packet.metadata["seller"] == "Priya"
    assert "cancellation calculator" in packet.value("seller_move")
    assert "60 days" in packet.value("partner_move")  # "R." is Ruth, the partner's person
    assert "Ruth Amadi" in packet.value("partner") and "Tallow Systems" in packet.value("partner")
    assert packet.fields["why_partner"].status == "missing"  # the attendee line describes Ruth, not standing


def test_the_organisation_labelling_a_list_of_people_is_where_they_work(tmp_path):
    packet = _draft(tmp_path, (
        "# Orvalho Systems: Q2 partner business review\n\n"
        "**Orvalho:** Bruno Reis (head of hotel accounts, Iberia), Lia Gomes (integration lead)\n"
        "**Us:** Sara Lind (partner manager), Tiago Mota (AE, hospitality)\n\n"
        "## Co-sell: Costa Verde Hotels\n"
        "- **Account.** Costa Verde Hotels, OPP-33410, stage 2, Tiago's.\n"
        "- **Why Orvalho.** Orvalho installed the PMS at all 9 Costa Verde hotels in 2021.\n"
        "- Bruno will send Tiago the August occupancy data by the 12th.\n"), "qbr.md")
    assert "Orvalho" in packet.metadata["partner"]
    assert "occupancy data" in packet.value("partner_move")  # Bruno works at Orvalho, in Iberia


def test_a_first_name_and_the_full_name_are_one_person_and_a_heading_in_capitals_one_organisation(tmp_path):
    packet = _draft(tmp_path, (
        "mon 3/10 -- call w/ Lucia (Brenner IT) re MVS. rough notes\n\n"
        "who: Lucia Ferro - runs the schools desk at Brenner IT (MSP)\n     me\n\n"
        "MAPLE VALE SCHOOLS (MVS)\n"
        "- Maple Vale School District, 7 schools\n"
        "- OPP-60911, stg 1, Omar's. on his H2 list\n"
        "- L. will get the server inventory from MVS -> Omar by fri 3/14. said yes\n"), "notes.txt")
    assert packet.metadata["account"] == "Maple Vale School District"
    assert [p for p in packet.value("partner").split() if p == "Ferro"]
    assert "server inventory" in packet.value("partner_move")


_srt = srt


CALL = [
    ("Nadia Perez", "We're recording. Joaquín, thanks for joining."),
    ("Joaquín Ruiz", "Of course. Elena, good to meet you."),
    ("Elena Soto", "Likewise. I'm the AE for the north, so Ferreterías Quillota is mine."),
    ("Nadia Perez", "Context for Elena: Joaquín is the partner who runs logistics at Andino Consultores. Andino "
                    "ran Quillota's warehouse project last year."),
    ("Elena Soto", "Ferreterías Quillota, 40 stores in Valparaíso and Los Lagos. We have OPP-71002 open, stage 2."),
    ("Joaquín Ruiz", "Before that, one aside: Maderas Pucón signed with you in May, right? Matías's deal?"),
    ("Elena Soto", "Yes, OPP-70011, Matías closed it. Nothing for us to do there."),
    ("Joaquín Ruiz", "I'll send you their stock-out report by Friday 13 June."),
]


def test_a_person_described_as_the_partner_who_runs_something_at_an_organisation(tmp_path):
    packet = _draft(tmp_path, _srt(CALL), "call.srt")
    assert packet.metadata["partner"] == "Andino Consultores"
    assert "Joaquín Ruiz" in packet.value("partner")
    assert "warehouse project" in packet.value("why_partner")


def test_an_aside_about_a_closed_deal_and_the_places_a_customer_is_in_name_no_account(tmp_path):
    packet = _draft(tmp_path, _srt(CALL), "call.srt")
    assert packet.metadata["account"] == "Ferreterías Quillota"
    assert "OPP-71002" in packet.value("account")
    assert "OPP-70011" not in packet.value("account")


def test_she_introducing_the_seller_is_not_the_sellers_move(tmp_path):
    # "She" is the partner person named at the head of the sentence before, not the seller she introduces
    p = tmp_path / "summary.md"
    p.write_text(
        "# Tamberlane Systems review\n\nFrom Tamberlane: Odile Fournier (VP, retail accounts). From our side: "
        "Tariq Kapoor (AE, retail).\n\n**Pallister Stores.** Pallister Stores is on Tariq's named-account list "
        "(OPP-27731). Tamberlane has run Pallister's store networks since 2018.\n\n"
        "Odile's contact is Pallister's head of operations, Bruno Hale, whom she meets every month. She will "
        "introduce Tariq to Bruno at the next review, on 9 April, and may bring her engineer. Tariq will bring a "
        "shrink-loss model for the ten largest stores to the 9 April review.\n", encoding="utf-8")
    packet = draft(read_sources([p]), today=TODAY)
    assert "shrink-loss model" in packet.value("seller_move")
    assert "introduce Tariq" not in packet.value("seller_move")


def test_the_partner_taking_the_seller_on_their_own_visit_is_the_warm_path(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text(
        "Call notes, 3 March. Partner: Tarnwick Controls (Ilse Brandt, channel lead). Ours: Omar Haddad (AE).\n\n"
        "Account: Quenby Foundry, OPP-51240, on Omar's list.\n\n"
        "Warm path: Ilse has known Quenby's plant manager, Dieter Kranz, since 2015. Ilse will bring Omar on "
        "her 24 March site visit to the Redruth plant.\n", encoding="utf-8")
    packet = draft(read_sources([p]), today=TODAY)
    assert "24 March site visit" in packet.value("warm_path")


BANT_NOTES = """Discovery call summary: Halden Freight
Date: 4 March 2026
Attendees: Mara Quist (Partner Account Executive),
           Ove Lindahl (Head of Logistics IT, Halden Freight — executive sponsor)

Customer profile:
Halden Freight runs 40 cross-dock sites in Scandinavia and wants to move route planning to the cloud.

Qualification:
- Budget: NOK 4M set aside for FY2026.
- Authority: Ove Lindahl (Head of Logistics IT) is the economic buyer and signs the contract.
- Need: cut late deliveries by a third before the summer peak.
- Timeline: go-live by 1 June.
"""


def test_a_bant_authority_is_the_customer_s_decision_maker_not_the_partner(tmp_path):
    packet = _draft(tmp_path, BANT_NOTES, "discovery.txt")
    assert "Authority" not in (packet.value("partner") or "")
    assert "Ove Lindahl" not in (packet.value("partner") or "")
    assert "Halden Freight" in (packet.value("account") or "")


def test_a_person_under_a_buyer_label_is_on_the_customer_s_side(tmp_path):
    p = tmp_path / "discovery.txt"
    p.write_text(BANT_NOTES, encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    ove = ents.people.by_name["Ove Lindahl"]
    assert ove.side == "customer"
    assert "Authority" not in ove.org_candidates
    assert "Halden Freight" in ove.org_candidates
    assert "Authority" not in {o.name for o in ents.orgs}


def _partner_org(tmp_path, text):
    p = tmp_path / "notes.txt"
    p.write_text(text, encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    return ents.partner.name if ents.partner else None


def test_a_sentence_opening_word_before_the_partner_s_name_is_not_part_of_it(tmp_path):
    text = ("Meeting notes: migration planning with NovaTech Solutions\nDate: May 18, 2026\n"
            "Attendees: Sarah Chen (VP Engineering, NovaTech), Ming Zhu (AWS Partner SA), "
            "Christina Passmore (AWS Partner Account Manager)\n\n"
            "Budget:\n- Steady-state AWS spend after the migration: $35K/month\n\n"
            "Funding:\n- AWS can fund the migration tooling through MAP.\n- AWS to confirm the amount by Friday.\n"
            "- Christina will bring the AWS funding request to AWS leadership.\n")
    assert _partner_org(tmp_path, text) == "AWS"


def test_a_topic_in_the_title_that_opens_with_the_partner_s_name_is_not_the_partner(tmp_path):
    text = ("Acme Corp - AWS Cost Optimization & MAP Migration Planning\nDate: March 15, 2026\n\n"
            "Attendees:\n- Alex Johnson (VP of Engineering, Acme Corp)\n- Sam Chen (Alliance Lead, AWS Partner)\n\n"
            "Summary:\nAcme Corp needs better cost visibility on its AWS spend.\n"
            "- Sam to bring an AWS SA to the architecture review.\n- AWS Solutions Architect to size the EKS move.\n"
            "- Acme Corp will share its AWS account structure.\n")
    assert _partner_org(tmp_path, text) == "AWS"


def test_an_email_address_outweighs_a_trade_term_at_the_front_of_a_role(tmp_path):
    text = """From: Joanne Pereira <joanne@rotorline.example>
To: Lucia Ferrante <lucia@rotorline.example>
Cc: Anneliese Vogt <a.vogt@skyreach-aero.example>
Subject: Bluefin Regional - co-sell handoff via Skyreach

Lucia Ferrante is our AE for regional airlines.

Account: Bluefin Regional Airlines. Lucia has OPP-49302 at stage 2 and Bluefin is on her H1 named-account list.

Why Skyreach: Skyreach Aero Services has done Bluefin's heavy checks since 2018.
Anneliese Vogt (MRO alliances director) knows their maintenance org better than anyone.

Skyreach's move: Anneliese sends Lucia the AOG log by 23 May.

Joanne Pereira | Channel Manager, Aviation | Rotorline
"""
    p = _draft(tmp_path, text, "handoff.eml")
    assert "Skyreach" in (p.value("partner") or "")
    assert "Anneliese Vogt" in (p.value("partner") or "")


def test_a_speaker_described_by_someone_else_before_they_first_speak(tmp_path):
    text = vtt([
        ("Odette Varga", "Morning. Ravi, this is Colm Fitzgerald; Colm is channel director at Brindle Data Works."),
        ("Colm Fitzgerald", "Hello Ravi. We built Tamsin Health Group's patient-flow warehouse in 2022."),
        ("Ravi Menon", "Hi Colm. Tamsin is on my H2 named-account list; OPP-41172 is open."),
    ])
    p = _draft(tmp_path, text, "call.vtt")
    assert "Brindle Data Works" in (p.value("partner") or "")
    assert "Colm" in (p.value("partner") or "")


def test_a_speaker_naming_their_firm_before_their_role_is_the_partner(tmp_path):
    text = srt([
        ("Sunil Varma", "Bogdan, welcome. Yvonne's here too, she's our AE for transport in the Southeast."),
        ("Bogdan Ilic", "I've got a carrier for you. Kessling Cold Freight, four hundred refrigerated trailers."),
        ("Bogdan Ilic", "Every trailer carries our sensors, and I'm Polarline's strategic accounts director for "
                        "fleets, so I run their quarterly fleet review myself."),
        ("Yvonne Takahashi", "Kessling's on my list. There's a stage one opp, OPP-51886."),
    ])
    p = _draft(tmp_path, text, "call.srt")
    assert "Polarline" in (p.value("partner") or "")
    assert "Bogdan Ilic" in (p.value("partner") or "")


def test_a_firm_named_with_a_kind_of_business_is_an_organisation_not_a_person(tmp_path):
    text = srt([
        ("Kofi Mensah", "Yusuf, thanks for jumping on. Moira's our AE for renewables in the South."),
        ("Yusuf Demir", "Hi both. For Moira: I'm the renewables practice director at Brightmoor Controls."
                        " We build SCADA."),
        ("Yusuf Demir", "Tallgrass Solar Partners: we built the SCADA on nineteen of their farms."),
        ("Moira Kettleby", "Tallgrass is on my list. There's an opp already, OPP-64418, stage two."),
    ])
    p = _draft(tmp_path, text, "call.srt")
    assert "Brightmoor Controls" in (p.value("partner") or "")
    assert "Yusuf Demir" in (p.value("partner") or "")


def test_the_writer_of_a_write_up_is_the_i_who_owns_the_handoff(tmp_path):
    text = """# Northbeck x Calder & Rye: first planning session

*Write-up by Beata Kowal (alliances), 2 September*

From Northbeck: Saoirse Flynn (retail and apparel lead). From us: Emeka Obi (AE, fashion and apparel).

Calder & Rye Apparel is on Emeka's FY named-account list; OPP-55021 is open at stage one.

I own the Calder & Rye handoff until Emeka accepts; Emeka will reply by Thursday 4 September.
"""
    p = _draft(tmp_path, text, "writeup.md")
    assert "Beata Kowal" in (p.value("owner") or "")


REVIEW = """# Kinloch Q3 business review

Kinloch brought Graham Kinloch (managing director), Oona Fairbairn (head of veterinary accounts) and Ravi Menon
(hosting manager). On our side were Anders Holm (partner manager) and Priscilla Vance (AE, veterinary).

**Brightmoor Veterinary Partners.** Kinloch Practice Systems has hosted Brightmoor's practice system since 2019, and
Oona's team runs their helpdesk. Priscilla opened OPP-52290 during the meeting, so this one is partner-sourced.

Oona sits in on Declan's monthly operations review and offered to bring Priscilla to the next one, on 15 August.
Oona committed to send Priscilla the Monday call-volume reports by 1 August.

On channel conflict we did not get far. Oona said she is "almost certain" nobody else sells telephony into
Brightmoor, but neither she nor I looked at the registration portal.

The partner's director, Dr Ngozi Adebayo, and Ngozi Adebayo's deputy joined for ten minutes.
"""


def test_a_surname_that_is_the_firm_s_name_does_not_count_as_the_person(tmp_path):
    p = _draft(tmp_path, REVIEW, "review.md")
    # Graham Kinloch is named once; "Kinloch" the firm, many times: the one acting is Oona
    assert "Oona Fairbairn" in (p.value("partner") or "")
    assert p.fields["conflict"].value is None


def test_a_title_before_a_name_is_not_a_second_person(tmp_path):
    text = """Attendees: Elmstead Consulting Group: Dr Ngozi Adebayo (director, higher education), Paulo Serrano
(delivery manager). Us: Felipe Duarte (AE).

Wyvern State University is on Felipe's named-account list; OPP-39058 is open at stage 1.
Paulo ran the SIS go-live.
Ngozi sits on the SIS governance board. Ngozi will introduce Felipe there on 3 December, and Ngozi will send
him the data dictionary by 21 November.
"""
    p = _draft(tmp_path, text, "qbr.md")
    assert "Ngozi Adebayo" in (p.value("partner") or "")
    assert "Paulo" not in (p.value("partner") or "")
