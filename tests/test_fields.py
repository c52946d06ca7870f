import pytest

from drafter.fields import FIELD_IDS, FIELDS, field_for_heading, field_for_title


def test_eleven_fields_in_template_order():
    assert len(FIELDS) == 11
    assert [f.number for f in FIELDS] == list(range(1, 12))
    assert FIELD_IDS[0] == "account" and FIELD_IDS[-1] == "owner"


@pytest.mark.parametrize("spec", FIELDS, ids=lambda s: s.id)
def test_every_title_form_names_its_field(spec):
    for name in (spec.id, spec.title, spec.short, spec.title.upper(), spec.short.lower() + ":"):
        assert field_for_title(name) == spec.id


@pytest.mark.parametrize(
    "heading, fid",
    [
        ("Seller's next step", "seller_move"),
        ("Next step for the AE", "seller_move"),
        ("Partner commitments", "partner_move"),
        ("Channel conflict check", "conflict"),
        ("Account & Opportunity", "account"),
        ("Proof points", "evidence"),
        ("Relationship", "warm_path"),
    ],
)
def test_improvised_headings(heading, fid):
    assert field_for_heading(heading) == fid


@pytest.mark.parametrize("heading", ["Next steps", "Notes", "Background", "Attendees", "Agenda"])
def test_other_headings_are_not_fields(heading):
    assert field_for_heading(heading) is None
    assert field_for_title(heading) is None
