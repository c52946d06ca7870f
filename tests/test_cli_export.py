"""`drafter export`: only a fully reviewed, unchanged packet leaves; four formats, each with an audit line."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from drafter.fields import FIELD_IDS
from drafter.formats.markdown import read_markdown
from drafter.packet import Packet

AUDIT = re.compile(r"Reviewed by (.+) · last decision (\d{4}-\d\d-\d\d \d\d:\d\d UTC) · "
                   r"verdict: (ready|keep_building) · score: (\d{1,3})/100$")
PARTNER = "Meridian Cloud Consulting. Dana Reyes, alliances lead."
ODD = 'Quarterly review notes <script>alert("x")</script> & the case study: Q&A <b>bold</b>'


@pytest.fixture
def reviewed(run, fixtures, tmp_path):
    """The Northwind packet, reviewed in two sittings by two people, with one edit containing markup."""
    assert run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.json").exit_code == 0
    r = run("review", "p.json", "--reviewer", "Ana Ruiz", input="accept\naccept\nquit\n")
    assert r.exit_code == 0 and "9 fields still to review" in r.stderr
    decisions = ["accept"] * 7 + [f"edit: {ODD}", "accept"]
    r = run("review", "p.json", "--reviewer", "Sam Patel", input="\n".join(decisions) + "\n")
    assert r.exit_code == 0 and "every field decided" in r.stderr
    return tmp_path / "p.json"


def _grade(path):
    from drafter.rubric import grade

    return grade(Packet.model_validate_json(path.read_text()))


def _check_audit(line: str, path) -> None:
    m = AUDIT.fullmatch(line.strip())
    assert m, line
    data = json.loads(path.read_text())
    last = max(f["decided_at"] for f in data["fields"].values())
    assert m.group(1) == "Ana Ruiz, Sam Patel"
    assert m.group(2) == last[:10] + " " + last[11:16] + " UTC"
    g = _grade(path)
    assert (m.group(3), int(m.group(4))) == (g.verdict, g.score)


def test_markdown_export_is_the_one_pager_with_an_audit_line(run, reviewed):
    r = run("export", "p.json", "--format", "md")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.rstrip("\n").split("\n")
    _check_audit(lines[-1], reviewed)
    assert "## Partner and contact\n" + PARTNER in r.stdout
    back = read_markdown(r.stdout)
    assert back.values() == Packet.model_validate_json(reviewed.read_text()).values()
    assert back.provenance["audit"] == lines[-1]


def test_json_export_keeps_the_packet_and_adds_the_audit(run, reviewed, tmp_path):
    assert run("export", "p.json", "-o", "out.json").exit_code == 0
    data = json.loads((tmp_path / "out.json").read_text())
    assert list(data)[-1] == "audit"
    _check_audit(data["audit"]["line"], reviewed)
    assert data["audit"]["reviewed_by"] == ["Ana Ruiz", "Sam Patel"]
    assert data["fields"]["evidence"]["value"] == ODD and data["fields"]["evidence"]["status"] == "edited"
    assert len(data["history"]) == 11


def test_csv_export_is_one_crm_row(run, reviewed, tmp_path):
    assert run("export", "p.json", "--format", "csv", "-o", "out.csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(), newline="")))
    assert len(rows) == 1
    row = rows[0]
    assert list(row)[3:14] == list(FIELD_IDS) and list(row)[-1] == "audit"
    assert row["partner"] == PARTNER and row["evidence"] == ODD
    assert row["classification"] == "partner-influenced"
    assert row["reviewed_by"] == "Ana Ruiz; Sam Patel"
    _check_audit(row["audit"], reviewed)


class _Page(HTMLParser):
    """Collects the text of each <dd>, every tag seen, and the last text on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.dd: list[str] = []
        self.footer = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("dd", "footer"):
            self._in = tag
            if tag == "dd":
                self.dd.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "dd":
            self.dd[-1] += data
        elif self._in == "footer":
            self.footer += data


def test_html_export_escapes_every_field_and_is_self_contained(run, reviewed, tmp_path):
    assert run("export", "p.json", "--format", "html", "-o", "out.html").exit_code == 0
    page = (tmp_path / "out.html").read_text()
    assert ("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the case study: "
            "Q&amp;A &lt;b&gt;bold&lt;/b&gt;") in page
    parsed = _Page()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags and "link" not in parsed.tags
    packet = Packet.model_validate_json(reviewed.read_text())
    assert parsed.dd == [packet.value(fid) for fid in FIELD_IDS]
    assert not re.search(r"\b(src|href)\s*=|@import|url\(", page)
    assert "@media print" in page
    _check_audit(parsed.footer, reviewed)


def test_html_escapes_title_and_reviewer_names(run, tmp_path):
    p = Packet.from_values({fid: f"<i>{fid}</i> & more" for fid in FIELD_IDS}, title="<h1>T</h1>")
    (tmp_path / "p.json").write_text(p.model_dump_json())
    run("review", "p.json", "--reviewer", "<img src=x onerror=alert(1)>", input="accept\n" * 11)
    r = run("export", "p.json", "--format", "html")
    assert r.exit_code == 0
    assert "<img" not in r.stdout and "<i>" not in r.stdout and "<h1>T" not in r.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.stdout and "&lt;i&gt;owner&lt;/i&gt; &amp; more" in r.stdout


def test_unreviewed_packet_is_refused(run, fixtures, tmp_path):
    run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.json")
    r = run("export", "p.json", "--format", "md", "-o", "out.md")
    assert r.exit_code == 3
    assert r.stderr == ("drafter: p.json: export refused; not yet reviewed: " + ", ".join(FIELD_IDS)
                        + "; run `drafter review p.json`\n")
    assert r.stdout == "" and not (tmp_path / "out.md").exists()


def test_half_reviewed_packet_is_refused(run, fixtures, tmp_path):
    run("convert", fixtures / "packets" / "northwind-logistics.md", "-o", "p.json")
    run("review", "p.json", "--reviewer", "Ana", input="accept\nreject\naccept\nquit\n")
    r = run("export", "p.json", "--format", "html")
    assert r.exit_code == 3 and r.stdout == ""
    assert ("not yet reviewed: trigger, value_prop, warm_path, seller_move, partner_move, conflict, evidence, owner; "
            "rejected (empty): partner; run `drafter review p.json --field partner`") in r.stderr


def test_hand_edited_packet_is_refused(run, reviewed):
    data = json.loads(reviewed.read_text())
    data["fields"]["owner"]["value"] = "The partner team owns this."
    data["fields"]["partner"]["value"] += " "  # whitespace is stripped on load: not a change
    reviewed.write_text(json.dumps(data))
    r = run("export", "p.json", "--format", "csv")
    assert r.exit_code == 3 and r.stdout == ""
    assert "export refused; changed outside review since it was decided: owner; run `drafter review p.json`" in r.stderr
    # review offers exactly that field again; once re-confirmed, export goes through
    r = run("review", "p.json", "--reviewer", "Sam Patel", input="accept\n")
    assert "1/1  11. Owner and due date" in r.stdout
    assert run("export", "p.json", "--format", "csv").exit_code == 0


def test_decision_without_a_name_is_refused(run, reviewed):
    data = json.loads(reviewed.read_text())
    data["fields"]["account"]["decided_by"] = None
    reviewed.write_text(json.dumps(data))
    r = run("export", "p.json", "--format", "json")
    assert r.exit_code == 3 and "decided by no named reviewer: account" in r.stderr


def test_output_is_never_overwritten_without_force(run, reviewed, tmp_path):
    (tmp_path / "out.md").write_text("precious")
    r = run("export", "p.json", "--format", "md", "-o", "out.md")
    assert r.exit_code == 2 and "out.md: already exists (use --force to overwrite)" in r.stderr
    assert (tmp_path / "out.md").read_text() == "precious"
    assert run("export", "p.json", "--format", "md", "-o", "out.md", "--force").exit_code == 0
    assert (tmp_path / "out.md").read_text().startswith("# Co-sell handoff: Northwind Logistics")
    r = run("export", "p.json", "--format", "json", "-o", "p.json", "--force")
    assert r.exit_code == 2 and "is the packet itself" in r.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "pdf"), "--format 'pdf': expected one of md, json, csv, html"),
    ((), "say which format"),
    (("-o", "out.txt"), "say which format"),
])
def test_format_errors(run, reviewed, args, message):
    r = run("export", "p.json", *args)
    assert r.exit_code == 2 and message in r.stderr
