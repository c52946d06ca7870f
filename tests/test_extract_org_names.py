"""How organisations' names are read whole: two words joined by "and" that the notes never write apart
are one name ("Bracken and Wold Dairies"), while two organisations named in a row stay two."""

from __future__ import annotations

from tests.invented import draft_text, vtt

TURNS = [
    ("Priya Anand", "Morning. Gus, you know Elena from our side."),
    ("Gus Okafor", "I do. Gus Okafor, partner manager at Sedgewick Controls. Quick one on Bracken and Wold: "
                   "we run the chiller telemetry at both of their creameries."),
    ("Elena Ruiz", "Bracken and Wold Dairies is on my named-account list. OPP-70415 is open, stage two."),
    ("Priya Anand", "So partner-influenced. Gus, what does Bracken and Wold need?"),
]


def test_a_name_joined_by_and_never_written_apart_is_one_account(tmp_path):
    packet = draft_text(tmp_path, vtt(TURNS, style="colon"), "call.vtt")
    assert packet.metadata["account"] == "Bracken and Wold Dairies"
    assert "Bracken and Wold" in (packet.value("account") or "")
    assert "OPP-70415" in (packet.value("account") or "")


def test_two_organisations_named_in_a_row_stay_two(tmp_path):
    text = ("Partner sync, 3 March. Present: Gus Okafor (partner manager, Sedgewick Controls), Elena Ruiz (AE).\n\n"
            "Bracken Dairies and Wold Creameries both asked about chiller alerts.\n"
            "Bracken Dairies is on Elena's named-account list and OPP-70415 is open, stage two.\n"
            "Wold Creameries is a direct deal; Wold has no opportunity yet.\n")
    packet = draft_text(tmp_path, text)
    assert packet.metadata["account"] == "Bracken Dairies"


def test_a_bare_word_names_the_organisation_defined_by_its_initials(tmp_path):
    text = ("call w/ Quarry Lane IT -- tue 4 nov -- rough notes\n\n"
            "on the call: Ada Ferrante (Quarry Lane, schools practice lead), me\n\n"
            "their pipeline:\n"
            " - Tolworth <- the one to talk about\n\n"
            "TCSD = Tolworth County School District (1,900 staff, 11 schools)\n"
            " - I created OPP-48120 for Tolworth after the call, stage 0\n"
            " - Quarry Lane runs the Tolworth Laptop Fleet and the district help desk since 2022\n"
            " - ACTION Ada: send the Tolworth device list by Fri 14 Nov\n")
    packet = draft_text(tmp_path, text)
    assert packet.metadata["account"] == "Tolworth County School District"
    assert "Tolworth County School District" in (packet.value("account") or "")
