"""Who is at the table: attendee items (each one person, described by what follows their name), and the
partner person the notes name, whatever is left open under their label."""

from __future__ import annotations

from drafter.extract.cues import DEFAULT, load_cues
from drafter.extract.entities import find_entities
from drafter.extract.structure import layout
from drafter.ingest import read_sources
from tests.invented import draft_text


def _draft(tmp_path, text, name="notes.md"):
    return draft_text(tmp_path, text, name)


NOTES = """# Copperleaf Systems: monthly partner sync

**Attendees**
- Tomasz Lind, Copperleaf Systems, solutions director
- Oskar Berg, partner manager Nordics (us)
- Greta Nyholm, AE, public sector Upper Norrland (us), joined for the co-sell item

## Co-sell: Fjällvatten Kommun
- Account: Fjällvatten Kommun, OPP-44120, on Greta's named list.
- Copperleaf runs the municipality's water telemetry since 2020.

## Action items
| Who | What | When |
|---|---|---|
| Tomasz | Send Greta the pump-station alarm export | by Friday 14 March |
| Greta | Bring the leak-detection demo to the utility board meeting | 20 March |
"""


def test_a_capitalised_phrase_with_a_side_mark_later_in_the_item_is_not_a_second_person(tmp_path):
    packet = _draft(tmp_path, NOTES)
    assert packet.metadata["seller"] == "Greta Nyholm"
    move = packet.value("seller_move")
    assert "leak-detection demo" in move and "20 March" in move


def test_an_us_mark_in_an_attendee_item_puts_the_person_on_our_side(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text(NOTES, encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert ents.people.by_name["Oskar Berg"].side == "ours"
    assert ents.people.by_name["Greta Nyholm"].side == "ours"
    assert ents.people.by_name["Tomasz Lind"].side == "partner"


def test_an_open_statement_under_the_partner_person_s_side_does_not_hide_who_the_partner_is(tmp_path):
    notes = """call w/ Halvard -- thu 3 apr -- notes (me)
HD = Halvard Data, Bergen. on call: Ingrid Solheim (head of energy alliances, HD), me, Pål Moen (AE, utilities West)

VK = Vestkraft AS (hydro utility)
 - on Pål's FY26 target list. opp: OPP-61234, stg 1
 - why HD: HD built VK's outage management system in 2020 and runs it
 - Pål: will bring the dam sensor demo to VK's ops review on 10 Apr
 - Ingrid's side: NOT agreed. wants her director's ok before sharing any VK data
"""
    packet = _draft(tmp_path, notes, "notes.txt")
    partner = packet.value("partner")
    assert "Ingrid Solheim" in partner and "Halvard Data" in partner
    assert packet.fields["partner_move"].value is None


SHORTHAND = """Brekke / Kystfisk -- call notes, mon 7 apr (TL)
BR = Brekke Robotikk AS (Molde). {who} = key acct mgr, fisheries, BR. Line Aas (AE, Nordics marine) joined late

Kystfisk AS
 - opp OPP-70111 stg 1 (Line's), Kystfisk on Line's 2025 target list
 - {first}: sends the winch telemetry export for both vessels by fri 11 Apr (said yes on the call)
"""


def test_a_person_defined_by_their_role_with_an_equals_sign_is_the_partner_person(tmp_path):
    for who in ("Tore Lien", "Øystein Ødegård"):
        packet = _draft(tmp_path, SHORTHAND.format(who=who, first=who.split()[0]), "notes.txt")
        assert who in packet.value("partner")
        move = packet.value("partner_move")
        assert "winch telemetry export" in move and "11 Apr" in move


def test_a_speaker_whose_name_opens_with_an_accented_capital_speaks(tmp_path):
    turns = [
        ("Marta Vidal", "Thanks both. Édouard, this is Ana Ruiz, our AE for hotels."),
        ("Ana Ruiz", "Hotel Miramar Group is on my named list; OPP-40112 is open."),
        ("Édouard Girard", "Hello Ana. I run hospitality alliances at Azur Conseil."),
        ("Édouard Girard", "We run the booking engine at all twelve Miramar hotels since 2021."),
        ("Édouard Girard", "I'll send you the booking outage log by Friday 14 March."),
        ("Ana Ruiz", "Thanks, that helps."),
        ("Marta Vidal", "Good, let's wrap there."),
    ]
    srt = "\n".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{who}: {text}\n"
                    for i, (who, text) in enumerate(turns, 1))
    chat = "Chat log, 7 March\n\n" + "\n".join(f"[10:{i:02d}] {who}: {text}" for i, (who, text) in enumerate(turns))
    for text, name in ((srt, "call.srt"), (chat, "call.txt")):
        packet = _draft(tmp_path, text, name)
        assert "Édouard Girard" in packet.value("partner")
        assert "booking outage log" in packet.value("partner_move")


def test_the_family_name_after_a_particle_is_not_a_person_of_its_own(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("# Haverkamp Dairy co-sell\n\nAccount: Haverkamp Dairy, OPP-62211.\n\n"
                 "Partner: Brouwer Systems, Anouk van Dijk (account manager, food), cc'd.\n", encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert set(ents.people.by_name) == {"Anouk van Dijk"}


def test_attendees_listed_on_one_line_keep_their_own_parentheses(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("# Sync\n\n**Attendees:** Ana Lopes, Piet Smit (Dockwise Systems), Rui Matos (us)\n\n"
                 "## Porto Verde co-sell\n- Account: Porto Verde Terminals, OPP-81020.\n", encoding="utf-8")
    cues = load_cues(DEFAULT)
    people = find_entities(layout(read_sources([p]), cues), cues).people.by_name
    assert people["Piet Smit"].org_candidates == ["Dockwise Systems"]
    assert people["Rui Matos"].side == "ours"


def test_a_who_item_describing_a_kind_of_organisation_is_the_organisation_not_a_person(tmp_path):
    # "Who:" labels an attendee list, but "Name, family-owned timber wholesaler" says what a firm is
    p = tmp_path / "notes.md"
    p.write_text("### Brantwood Timber Merchants\n"
                 "* Who: Brantwood Timber Merchants, family-owned timber wholesaler. No opportunity yet.\n",
                 encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert "Brantwood Timber Merchants" not in ents.people.by_name
    assert "Brantwood Timber Merchants" in {o.name for o in ents.orgs}


def test_a_one_word_kind_after_an_attendee_still_describes_the_person(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("Present: Ana Lopes, reseller; Rui Matos (us)\n\n## Porto Verde co-sell\n"
                 "- Account: Porto Verde Terminals, OPP-81020.\n", encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert ents.people.by_name["Ana Lopes"].role == "reseller"


def test_a_long_role_before_at_still_places_the_person_at_the_organisation(tmp_path):
    # "is the regional account manager for retail at Korriban Telecom": more than three words of role
    cues_ = [("Aurelio Benn", "Hi Wilma. Oskar is joining too."),
             ("Wilma Ostrander", "Hello all."),
             ("Aurelio Benn", "Oskar, Wilma is the regional account manager for retail at Korriban Telecom. "
                              "She brought us Dunmore Bakeries."),
             ("Wilma Ostrander", "Dunmore Bakeries has been on our network since 2019; we manage their tills."),
             ("Oskar Lind", "Dunmore is on my list, OPP-30318."),
             ("Wilma Ostrander", "I'll send you the till inventory by Friday the 7th.")]
    vtt = "WEBVTT\n\n" + "\n".join(f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n<v {who}>{text}\n"
                                    for i, (who, text) in enumerate(cues_, 1))
    packet = _draft(tmp_path, vtt, "call.vtt")
    assert "Korriban Telecom" in packet.value("partner")
    assert "Wilma Ostrander" in packet.value("partner")


def test_the_organisation_after_at_sign_in_a_later_part_of_the_description(tmp_path):
    # "(partner mgr, retail alliances @ BLS)": the role first, then the team and where it sits
    p = tmp_path / "notes.txt"
    p.write_text("BLS = Brackwater Logic Systems. call w/ Yannick Oduya (partner mgr, retail alliances @ BLS)\n\n"
                 "Dunmore Bakeries: opp OPP-30318, AE = Oskar Lind. on Oskar's list\n", encoding="utf-8")
    cues = load_cues(DEFAULT)
    ents = find_entities(layout(read_sources([p]), cues), cues)
    assert ents.people.by_name["Yannick Oduya"].org_candidates == ["BLS"]


def test_a_sentence_after_the_person_a_who_label_lists_is_a_statement(tmp_path):
    """'Who: <person>. <Partner> has run their systems for six years ...': the second sentence is the partner's
    standing, not part of the attendee list."""
    from tests.invented import draft_text
    packet = draft_text(tmp_path, (
        "Tomas,\n\nShort version of Tuesday's call.\n\n"
        "Account: Bramwell Stores is on your named list and OPP-48110 is open (stage 1).\n\n"
        "Who: Odile Brandt, retail partner lead at Corbel Systems. Corbel has\nrun Bramwell's till estate for "
        "six years and sits in their monthly\nIT review.\n\n"
        "Channel: I checked the portal; no registration on Bramwell.\n\nGreta\n"), "summary.txt")
    assert "till estate" in (packet.value("why_partner") or "")
