"""Grounding an answer: quotes located (exactly or tolerantly) and values held to their quotes."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from drafter.extract.answer import check_answer, parse_raw
from drafter.extract.grounding import fold, locate
from drafter.extract.prompting import load_prompt
from drafter.extract.support import unsupported_terms
from drafter.ingest.document import Document

NOTES = (
    "**Date:** Tue 11 March\n"
    "- Trigger: their QA manager said \u201cevery recall drill takes us two days\u201d \u2013 twice.\n"
    "> Registered this morning:\n> DR-7720.\n"
    "Owner: Leah Morgan (partner marketing), by Thu 13 March.\n"
    "Odd chars (a+b)*[c]? stay plain text.\n"
)


def doc(text: str = NOTES, path: str = "notes.md") -> Document:
    return Document(path, "md", text, hashlib.sha256(text.encode()).hexdigest())


def test_exact_match_is_the_source_slice():
    span = locate("Leah Morgan (partner marketing)", NOTES)
    assert span and span.status == "exact" and NOTES[span.start:span.end] == "Leah Morgan (partner marketing)"


def test_tolerant_match_keeps_the_sources_characters():
    cases = {
        'said "every recall drill takes us two days" - twice.':
            "\u201cevery recall drill takes us two days\u201d \u2013",
        "Registered this morning: DR-7720.": "> DR-7720.",
        "Date: Tue 11 March": "Date:** Tue 11 March",
        "Owner:   Leah\nMorgan": "Owner: Leah Morgan",
    }
    for quote, must_contain in cases.items():
        span = locate(quote, NOTES)
        assert span is not None and span.status == "folded", quote
        assert must_contain in NOTES[span.start:span.end]


def test_no_match_and_regex_characters_are_plain_text():
    assert locate("every recall drill takes us three days", NOTES) is None
    assert locate("   ", NOTES) is None
    span = locate("(a+b)*[c]?", NOTES)
    assert span is not None and NOTES[span.start:span.end] == "(a+b)*[c]?"


def test_start_skips_earlier_occurrences():
    text = "Dana said yes. Later Dana said no."
    assert locate("Dana said", text, 5).start == text.index("Dana said", 5)


@given(st.text(alphabet="ab \n\u201c\u201d'\"-", min_size=1, max_size=60), st.data())
def test_any_located_span_folds_to_the_quote(text, data):
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    span = locate(quote, text)
    if not quote.strip():
        assert span is None
        return
    assert span is not None
    assert fold(text[span.start:span.end])[0] == fold(quote)[0]


def test_values_must_not_say_more_than_their_quotes():
    quotes = ["Priya Nand, Kestrel Systems, manufacturing practice lead", "by Fri 14 March"]
    assert unsupported_terms("Priya Nand, manufacturing practice lead at Kestrel Systems, by Fri 14 March.",
                             quotes) == []
    assert unsupported_terms("Priya Nand and Dana Reyes at Kestrel, by 21 March.", quotes) == ["Dana", "Reyes", "21"]
    assert unsupported_terms("See https://x.example.com/a.", ["the deck"]) == ["https://x.example.com/a"]
    assert unsupported_terms("Direct deal, partner-influenced.", ["a direct deal"], ["Partner-influenced"]) == []
    # a term inside another word is not support ("Ines" is not in "business")
    assert unsupported_terms("Tom and Ines own it.", ["Tom owns it; three business days"]) == ["Ines"]


PROMPT = load_prompt()


def answer(**fields):
    data = {fid: {"value": None, "quotes": []} for fid in PROMPT.fields}
    data.update(fields)
    return data


def test_check_answer_keeps_grounded_fields_with_exact_offsets():
    d = doc()
    data = answer(owner={"value": "Leah Morgan, by Thu 13 March.",
                         "quotes": ["Owner: Leah Morgan (partner marketing), by Thu 13 March."]},
                  classification="partner-sourced")
    checked = check_answer(data, [d], PROMPT)
    assert checked.problems == []
    ev = checked.fields["owner"].evidence[0]
    assert NOTES[ev.start:ev.end] == ev.quote and ev.source == "notes.md" and ev.line == 5
    assert checked.classification is None  # no account kept, so no classification either


def test_check_answer_reports_each_problem_for_the_model_and_the_reviewer():
    data = answer(
        account={"value": "x" * 601, "quotes": ["Leah Morgan"]},
        partner={"value": "Leah Morgan", "quotes": []},
        trigger={"value": "Recall drills take two days.", "quotes": ["recall drills take two days"]},
        owner={"value": "Leah Morgan and Sam Ruiz.", "quotes": ["Leah Morgan (partner marketing)"]},
        conflict={"value": "Registered.", "quotes": ["Registered this morning: ... DR-7720"]},
        evidence={"value": "The deck.", "quotes": "the deck"},
    )
    checked = check_answer(data, [doc()], PROMPT)
    problems = {fid: p for fid, p in checked.fields.items() if p.problem}
    assert set(problems) == {"account", "partner", "trigger", "owner", "conflict", "evidence"}
    assert all(p.value is None and not p.evidence for p in problems.values())
    assert "601 characters" in problems["account"].problem
    assert "not in the notes" in problems["trigger"].problem
    assert "'Sam', 'Ruiz'" in problems["owner"].problem and "'Sam', 'Ruiz'" in problems["owner"].reason
    assert "skips text" in problems["conflict"].problem
    assert "malformed" in problems["evidence"].reason
    message = checked.retry_message(PROMPT)
    assert message.count("\n- ") == 6


def test_quotes_are_searched_in_every_source():
    a, b = doc("First file about Orla.", "a.txt"), doc("Second file: Anita chairs it.", "b.txt")
    checked = check_answer(answer(warm_path={"value": "Anita chairs it.", "quotes": ["Anita chairs it."]}),
                           [a, b], PROMPT)
    assert checked.fields["warm_path"].evidence[0].source == "b.txt"


def test_unreadable_answers():
    assert parse_raw('```json\n{"account": null}\n```') == {"account": None}
    assert parse_raw('{"account": {"value": "Hal') is None
    checked = check_answer(None, [doc()], PROMPT)
    assert all(p.value is None and p.reason for p in checked.fields.values())
