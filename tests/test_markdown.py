"""The Markdown reader against the ways people write one-pagers, and the writer's round trip."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.errors import InputError
from drafter.fields import FIELDS, field_for_heading
from drafter.formats.markdown import read_markdown, write_markdown
from drafter.packet import Packet

VALUES = {
    "account": "Harrow Mills (textiles, 3 plants). OPP-10442 \"Harrow dye-house analytics\", stage 2, AE Ines Ruiz.",
    "partner": "Tessera Industrial. Kofi Mensah, plant systems lead.",
    "why_partner": "Tessera runs Harrow's MES and sits on its **weekly** operations call.",
    "trigger": "Harrow's COO said: \"We redo one batch in ten because the dye recipe drifts.\"",
    "value_prop": "- We predict recipe drift\n- Tessera wires it into the MES\n\n"
                  "| plant | lines |\n|---|---|\n| A | 4 |",
    "warm_path": "Kofi meets the COO every Tuesday; he will introduce Ines on 12 May.",
    "seller_move": "Book the 12 May slot with Kofi this week and bring the drift demo.",
    "partner_move": "Kofi confirmed by email on 2 May: recipe logs to Ines by 8 May.",
    "conflict": "Checked 3 May: no reseller registered; Tessera credited as partner-influenced.",
    "evidence": "[Kofi's 2 May email](https://crm.example.com/opp/OPP-10442) and the QBR deck.",
    "owner": "Mara Olsen (partner marketing). AE response window: two business days.",
}


def fold(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _title(spec, variant: int) -> str:
    name = spec.title if variant % 2 == 0 else spec.short
    return [name, name.lower(), name.upper(), name + ":"][variant % 4]


STYLES = {
    "h2": lambda s, v, i: f"## {_title(s, i)}\n{v}\n",
    "h3-numbered-dot": lambda s, v, i: f"### {s.number}. {_title(s, i)}\n\n{v}\n",
    "h4-numbered-paren": lambda s, v, i: f"#### {s.number}) {_title(s, i)}\n{v}\n",
    "h1-numbered-space": lambda s, v, i: f"# {s.number} {_title(s, i)}\n{v}\n",
    "bold-inline": lambda s, v, i: f"**{_title(s, i).rstrip(':')}:** {v}\n",
    "bold-colon-outside": lambda s, v, i: f"**{_title(s, i).rstrip(':')}**: {v}\n",
    "bold-alone": lambda s, v, i: f"**{_title(s, i)}**\n{v}\n",
    "bold-numbered": lambda s, v, i: f"**{s.number}. {_title(s, i)}**\n\n{v}\n",
    "bullet-bold": lambda s, v, i: f"- **{_title(s, i).rstrip(':')}:** {v}\n",
    "heading-inline": lambda s, v, i: f"### {_title(s, i).rstrip(':')}: {v}\n",
    "plain-colon": lambda s, v, i: f"{_title(s, i).rstrip(':')}:\n{v}\n",
    "plain-upper": lambda s, v, i: f"{s.title.upper()}\n{v}\n",
    "ids": lambda s, v, i: f"## {s.id}\n{v}\n",
    "rules-between": lambda s, v, i: f"## {_title(s, i)}\n{v}\n\n---\n",
    "setext": lambda s, v, i: f"{s.title}\n{'-' * len(s.title)}\n{v}\n",
    "emoji-heading": lambda s, v, i: f"## 📌 {_title(s, i)}\n{v}\n",
    "heading-parenthetical": lambda s, v, i: f"### {s.short} (field {s.number})\n{v}\n",
    "numbered-list-bold": lambda s, v, i: f"{s.number}. **{_title(s, i).rstrip(':')}**: {v}\n",
    "plain-dash": lambda s, v, i: f"{s.short} — {v}\n",
    "backtick-ids": lambda s, v, i: f"### `{s.id}`\n{v}\n",
    "table": lambda s, v, i: f"| {_title(s, i)} | {v} |\n",
}
INLINE = ("bold-inline", "bold-colon-outside", "bullet-bold", "heading-inline", "numbered-list-bold", "plain-dash")


def render(style: str, values: dict[str, str], order: list[str], front: bool, title: bool) -> str:
    parts = []
    if front:
        parts.append("---\nauthor: Mara Olsen\ndate: 2 May\n---\n")
    if title:
        parts.append("# Co-sell handoff: Harrow Mills\n")
    specs = {s.id: s for s in FIELDS}
    for i, fid in enumerate(order):
        value = values[fid]
        if style in INLINE + ("table",) and "\n" in value:
            value = value.replace("\n", " ")
        parts.append(STYLES[style](specs[fid], value, i))
    return "\n".join(parts)


@pytest.mark.parametrize("style", sorted(STYLES))
def test_styles_read_field_for_field(style):
    rng = random.Random(style)
    total = exact = 0
    for trial in range(6):
        order = [s.id for s in FIELDS]
        if trial % 2:
            rng.shuffle(order)
        values = dict(VALUES)
        if style in ("plain-colon", "plain-upper", "setext", "plain-dash", "table"):
            values["value_prop"] = "We predict recipe drift; Tessera wires it into the MES."
        text = render(style, values, order, front=trial % 3 == 0, title=style != "h1-numbered-space" and trial < 4)
        p = read_markdown(text, f"{style}.md")
        for fid, want in values.items():
            total += 1
            got = p.fields[fid].value
            if style in INLINE + ("table",):
                want = want.replace("\n", " ")
            exact += fold(got) == fold(want)
        if trial % 3 == 0:
            assert p.metadata == {"author": "Mara Olsen", "date": "2 May"}
    assert exact == total, f"{style}: {exact}/{total} fields read exactly"


def test_absent_and_empty_fields_are_missing():
    text = "# X\n\n## Account and opportunity\nNorthwind\n\n## Evidence\n\n## Owner and due date\nJo\n"
    p = read_markdown(text)
    assert p.fields["evidence"].status == "missing"
    assert p.fields["partner"].status == "missing"
    assert p.fields["owner"].value == "Jo"


def test_unknown_sections_are_kept_not_dropped():
    text = "# Title\n\n## Account\nNorthwind\n\n## Next steps\n- call Dana\n\n## Owner\nJo\n"
    p = read_markdown(text)
    assert p.title == "Title"
    assert p.extra_sections == {"Next steps": "- call Dana"}
    assert p.fields["account"].value == "Northwind"
    assert p.fields["owner"].value == "Jo"


def test_bold_words_inside_a_heading_packet_stay_in_the_field():
    text = "## Account\nNorthwind.\n**Important:** stage two.\n\n## Owner\nJo\n"
    assert read_markdown(text).fields["account"].value == "Northwind.\n**Important:** stage two."


def test_classification_from_account_text_and_front_matter():
    assert read_markdown("## Account\nNorthwind. Partner-sourced.\n").classification == "partner-sourced"
    fm = "---\nclassification: partner influenced\nid: H-1\n---\n## Account\nNorthwind\n"
    p = read_markdown(fm)
    assert (p.classification, p.id, p.metadata) == ("partner-influenced", "H-1", {})


def test_table_packet():
    text = "| Field | Text |\n|---|---|\n| Account and opportunity | Northwind |\n| Owner | Jo, 3 business days |\n"
    p = read_markdown(text)
    assert p.fields["account"].value == "Northwind"
    assert p.fields["owner"].value == "Jo, 3 business days"


def test_text_with_no_fields_is_an_error():
    with pytest.raises(InputError, match="no packet fields"):
        read_markdown("just some notes\nnothing else\n", "notes.md")


def test_bad_front_matter_is_an_error_naming_the_file():
    with pytest.raises(InputError, match="bad.md: front matter"):
        read_markdown("---\nkey: [unclosed\n---\n## Account\nX\n", "bad.md")


def test_writer_makes_the_template_one_pager(fixtures):
    p = read_markdown((fixtures / "packets" / "northwind-logistics.md").read_text())
    out = write_markdown(p)
    assert out.startswith("# Co-sell handoff: Northwind Logistics\n\n## Account and opportunity\nNorthwind")
    assert [ln for ln in out.splitlines() if ln.startswith("## ")] == [f"## {s.short}" for s in FIELDS]
    assert out == (fixtures / "packets" / "northwind-logistics.md").read_text()


_line = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
_markdownish = st.sampled_from(["## Notes", "**Owner:** x", "---", "```", "| Evidence | x |", "# 1. Account",
                                "\\## Escaped", "- bullet", "***", "Owner: plain", "=====", ""])
_value = st.lists(st.one_of(_line, _markdownish), max_size=6).map(lambda ls: "\n".join(ls).strip() or None)
_key = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10).filter(
    lambda k: k not in ("id", "classification"))


@settings(max_examples=300, deadline=None)
@given(values=st.fixed_dictionaries({s.id: _value for s in FIELDS}),
       title=st.one_of(st.none(), _line.map(lambda s: s.strip() or None)),
       pid=st.one_of(st.none(), st.text(alphabet="ABC-123", min_size=1, max_size=8)),
       cls=st.sampled_from([None, "partner-sourced", "partner-influenced"]),
       meta=st.dictionaries(_key, _line.map(str.strip), max_size=3))
def test_write_then_read_gives_the_same_packet(values, title, pid, cls, meta):
    # A title that is markup, or itself a field's name, reads back as that markup or field.
    if title and (title.startswith(("#", "-", "*", "|", "`", "~", "=", "_", "\\")) or "#" in title
                  or field_for_heading(title.split(":")[0])):
        title = None
    p = Packet.from_values(values, title=title, id=pid, classification=cls, metadata=meta)
    back = read_markdown(write_markdown(p))
    assert back.values() == p.values()
    assert back.title == p.title
    assert back.id == p.id
    assert back.metadata == p.metadata
    if cls:
        assert back.classification == cls
