"""Organisation names written with letters beyond ASCII ("Strzała IT Solutions", "Młyn", "Wisła") are
read whole, and an e-mail domain, which writes the name in ASCII, still places its sender there."""

from __future__ import annotations

import pytest

from drafter.extract.cues import DEFAULT, load_cues
from drafter.extract.entities import find_entities
from drafter.extract.names import domain_label, folded
from drafter.extract.structure import layout
from drafter.ingest import read_sources
from tests.invented import draft_text


def _entities(tmp_path, text, name="notes.md"):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    cues = load_cues(DEFAULT)
    return find_entities(layout(read_sources([p]), cues), cues)


@pytest.mark.parametrize("org", ["Strzała IT Solutions", "Strzala IT Solutions", "Sønderborg IT Services"])
def test_an_attendee_s_organisation_with_an_acronym_inside_is_the_whole_name(tmp_path, org):
    ents = _entities(tmp_path, f"# Partner sync, 12 March\n\nAttendees: Piotr Nowak ({org}), "
                               "Hanna Berg (our AE, retail Poland)\n\n- We talked about the Q3 plan.\n")
    assert ents.people.by_name["Piotr Nowak"].org_candidates == [org]


def test_a_title_with_a_department_acronym_is_still_a_role(tmp_path):
    ents = _entities(tmp_path, "# Partner sync, 12 March\n\nAttendees: Piotr Nowak (Head of IT, Strzała IT Solutions)"
                               "\n\n- We talked about the Q3 plan.\n")
    piotr = ents.people.by_name["Piotr Nowak"]
    assert piotr.role == "Head of IT"
    assert piotr.org_candidates == ["Strzała IT Solutions"]


def test_a_one_word_organisation_with_a_non_ascii_lower_case_letter_is_found(tmp_path):
    text = ("Partner sync, 12 March\n\nThe bakery chain Piekarnia Złota runs its ERP through Młyn, "
            "and Młyn hosts the ordering app too.\nWe will meet Młyn again next week.\n")
    ents = _entities(tmp_path, text, "notes.txt")
    assert "Młyn" in {o.name for o in ents.orgs}


def test_domains_are_folded_to_ascii_as_addresses_write_names():
    assert folded("Wisła") == "wisla"
    assert folded("Sønderborg") == "sonderborg"
    assert domain_label("xn--mller-kva.de") == "muller"
    assert domain_label("société-générale.fr") == "societe-generale"


MAIL = """From: Zofia Wróblewska <zofia.wroblewska@wislait.example.pl>
To: Hanna Berg <hanna.berg@lumora.example>
Subject: Kowalczyk Foods: line visibility
Date: Wed, 15 Oct 2025 13:05:00 +0200

Hi Hanna,

Kowalczyk Foods wants one view of its six packing lines before the audit in January.
We at Wisła IT Solutions built their plant-floor network in 2023, so we know every line.
I can introduce you to their plant director on 21 October.

Zofia
"""


def test_the_sender_at_a_domain_written_without_the_accents_is_the_partner_person(tmp_path):
    packet = draft_text(tmp_path, MAIL, "thread.txt")
    partner = packet.value("partner") or ""
    assert "Wisła IT Solutions" in partner
    assert "Zofia Wróblewska" in partner


def test_a_legal_suffix_with_dots_inside_ends_the_name_not_cuts_it(tmp_path):
    text = ("Partner sync, 3 June\n\nKowalczyk Foods S.A., meat and dairy processor, opened a tender."
            "\nWe met Kowalczyk Foods S.A. again on Friday.\n")
    ents = _entities(tmp_path, text, "notes.txt")
    names = {o.name for o in ents.orgs}
    assert "Kowalczyk Foods S.A." in names
    assert "Kowalczyk Foods S" not in names


def test_a_capitalised_run_ending_in_an_organisation_s_word_is_no_person(tmp_path):
    text = ("Speaker 0: We are lucky to have with us this morning Halloran Doug Pemberton group head Global Consumer "
            "Services. Welcome, Doug.\n\nSpeaker 1: Thanks, great to be here.\n")
    ents = _entities(tmp_path, text, "talk.txt")
    assert "Global Consumer Services" not in ents.people.by_name
