"""JSON, CSV and JSONL readers and writers, and the errors they give."""

from __future__ import annotations

import json

import pytest

from drafter.errors import InputError, UsageError
from drafter.formats import iter_records, read_packet, read_packets, write_packets
from drafter.formats.jsonfmt import read_json


def test_json_round_trip_keeps_everything(tmp_path, fixtures):
    p = read_packet(fixtures / "packets" / "northwind-logistics.md")
    p.fields["partner"].evidence = []
    write_packets(tmp_path / "p.json", [p])
    assert read_packet(tmp_path / "p.json") == p


def test_json_minimal_spec_shape_and_flat_shape():
    spec = read_json('{"fields": {"account": {"value": "Northwind", "status": "proposed", "evidence": []}}}')
    flat = read_json('{"Account and opportunity": "Northwind", "id": "X1", "region": "EMEA"}')
    assert spec.value("account") == flat.value("account") == "Northwind"
    assert flat.id == "X1" and flat.metadata == {"region": "EMEA"}


@pytest.mark.parametrize("text, problem", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"fields": {"colour": "x"}}', "unknown field 'colour'"),
    ('{"fields": {"account": {"status": "maybe"}}}', "fields.account.status"),
])
def test_bad_json_names_the_problem(text, problem):
    with pytest.raises(InputError, match=problem):
        read_json(text, "p.json")


def test_csv_columns_by_id_or_title_extra_columns_kept(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("id,Account and opportunity,owner,Partner and contact,stage\n"
                 "A1,Northwind,Jo,\"Meridian, Dana Reyes\",2\nA2,Harrow,,Tessera,1\n")
    packets = read_packets(f)
    assert [p.id for p in packets] == ["A1", "A2"]
    assert packets[0].value("partner") == "Meridian, Dana Reyes"
    assert packets[1].fields["owner"].status == "missing"
    assert packets[0].metadata == {"stage": "2"}


def test_csv_row_with_wrong_column_count_names_the_row(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("id,account,owner\nA1,Northwind,Jo\nA2,Harrow\nA3,X,Y\n")
    records = list(iter_records(f))
    assert [r for r, _ in records] == [2, 3, 4]
    err = records[1][1]
    assert isinstance(err, InputError) and str(err) == f"{f}, row 3: has 2 columns, the header has 3"
    with pytest.raises(InputError, match="row 3"):
        read_packets(f)


def test_jsonl_mixed_shapes_and_a_broken_line(tmp_path):
    f = tmp_path / "h.jsonl"
    f.write_text(json.dumps({"id": "1", "account": "Northwind"}) + "\n\n{oops\n"
                 + json.dumps({"fields": {"owner": "Jo"}}) + "\n")
    records = list(iter_records(f))
    assert [r for r, _ in records] == [1, 3, 4]
    assert isinstance(records[1][1], InputError) and "line" not in str(records[1][1]).split(":")[0]
    assert "row 3" in str(records[1][1])
    assert records[2][1].value("owner") == "Jo"


def test_csv_and_jsonl_writers_round_trip(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("id,account,owner,region\nA1,\"Northwind\nline two\",Jo,EMEA\nA2,Harrow,,APAC\n")
    packets = read_packets(f)
    for suffix in ("csv", "jsonl"):
        out = tmp_path / f"out.{suffix}"
        write_packets(out, packets)
        back = read_packets(out)
        assert [p.values() for p in back] == [p.values() for p in packets]
        assert [p.metadata for p in back] == [p.metadata for p in packets]


@pytest.mark.parametrize("content, problem", [
    (None, "no such file"),
    (b"", "file is empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"## Account\n\xff\xfe\xfa bad", "not UTF-8"),
])
def test_unreadable_files(tmp_path, content, problem):
    f = tmp_path / "p.md"
    if content is not None:
        f.write_bytes(content)
    with pytest.raises(InputError, match=problem) as e:
        read_packet(f)
    assert str(f) in str(e.value)


def test_folder_is_not_a_packet(tmp_path):
    (tmp_path / "d.md").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_packet(tmp_path / "d.md")


def test_many_packets_do_not_fit_one_markdown_file(tmp_path, fixtures):
    p = read_packet(fixtures / "packets" / "northwind-logistics.md")
    with pytest.raises(UsageError, match="2 packets"):
        write_packets(tmp_path / "x.md", [p, p])
