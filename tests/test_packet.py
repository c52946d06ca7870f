import pytest
from pydantic import ValidationError

from drafter.fields import FIELD_IDS
from drafter.packet import Evidence, Packet


def test_all_eleven_fields_always_present_in_order():
    p = Packet.from_values({"owner": "Jo", "Account and opportunity": "Northwind"})
    assert list(p.fields) == list(FIELD_IDS)
    assert p.fields["account"].status == "proposed"
    assert p.fields["partner"].status == "missing"


def test_empty_value_is_missing_and_value_is_stripped():
    p = Packet.from_values({"account": "   ", "partner": "  Meridian  "})
    assert p.fields["account"].status == "missing" and p.fields["account"].value is None
    assert p.fields["partner"].value == "Meridian"


def test_unknown_field_is_rejected():
    with pytest.raises(ValidationError, match="unknown field"):
        Packet.from_values({"colour": "blue"})


def test_quote_must_match_span_length():
    with pytest.raises(ValidationError, match="length"):
        Evidence(source="n.txt", quote="abc", start=0, end=5)


def test_quote_checked_against_source_text_when_at_hand():
    text = "Dana Reyes, alliances lead."
    good = {"fields": {"partner": {"value": "Dana Reyes", "evidence": [
        {"source": "n.txt", "quote": "Dana Reyes", "start": 0, "end": 10}]}}}
    Packet.model_validate(good, context={"source_texts": {"n.txt": text}})
    bad = {"fields": {"partner": {"value": "Dana Reyes", "evidence": [
        {"source": "n.txt", "quote": "Dana Reyez", "start": 0, "end": 10}]}}}
    with pytest.raises(ValidationError, match="quote is not the text"):
        Packet.model_validate(bad, context={"source_texts": {"n.txt": text}})
    assert Packet.model_validate(bad).check_evidence({"n.txt": text}) == ["partner: quote not found at n.txt:0-10"]


def test_classification_normalised():
    assert Packet(classification="Partner Sourced").classification == "partner-sourced"
    with pytest.raises(ValidationError):
        Packet(classification="reseller")


def test_undecided_lists_fields_not_confirmed_or_edited():
    p = Packet.from_values({"account": "Northwind"})
    p.fields["account"].status = "confirmed"
    assert p.undecided() == list(FIELD_IDS[1:])
