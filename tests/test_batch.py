"""drafter.batch as a library: the fast worker path grades like drafter.rubric.grade, order holds
in parallel, reading never runs far ahead of grading, and the summary adds up."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import batch as batch_mod
from drafter.batch import Source, parse_columns, run_batch, score_batches
from drafter.batch_groups import group_columns, month_of
from drafter.batch_summary import COMPONENTS, ScoredRow, Summary, percentile
from drafter.batch_worker import LINE, ROW, Job, Scorer
from drafter.errors import InputError, UsageError
from drafter.fields import FIELD_IDS, FIELDS
from drafter.formats import iter_records, read_packet
from drafter.rubric import grade, load_rubric

ROOT = Path(__file__).resolve().parent.parent
PACKETS = ROOT / "fixtures" / "packets"
CRM = ROOT / "fixtures" / "batch" / "crm-export.csv"
CRM_COLUMNS = {"Opportunity ID": "id", "Opportunity Name": "account", "Next Step": "seller_move"}


def _texts() -> dict[str, list[str]]:
    """Field texts from the fixture packets (one ready, one vague), plus a few in between."""
    out: dict[str, list[str]] = {fid: [] for fid in FIELD_IDS}
    for path in sorted(PACKETS.glob("*.md")):
        for fid, value in read_packet(path).values().items():
            if value:
                out[fid].append(value)
    extra = {"owner": ["Partner team.", "Dana Reyes owns it; reply within 2 business days.", "TBD"],
             "seller_move": ["Touch base next quarter.", "Send the pricing sheet to Ana by Friday.",
                             "Book the workshop with Ana for 17 September.", "Reply to Ana's email by 2026-03-04."],
             "conflict": ["n/a", "Checked the portal on 3 May: no reseller registered; Meridian earns the fee."],
             "evidence": ["https://crm.example.com/opp/OPP-12345", "Available on request."]}
    for fid, values in extra.items():
        out[fid] += values
    return out


TEXTS = _texts()
cell = st.one_of(st.just(""), st.just("  "),
                 st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30))


@st.composite
def rows(draw: st.DrawFn) -> dict[str, str]:
    row = {}
    for f in FIELDS:
        pool = TEXTS[f.id] or [""]
        value = draw(st.one_of(st.sampled_from(pool), cell))
        row[draw(st.sampled_from([f.id, f.title, f.short.upper()]))] = draw(st.sampled_from(["", " "])) + value
    row["id"] = draw(st.one_of(st.just(""), st.text(alphabet="ABC-123", min_size=1, max_size=6)))
    row["classification"] = draw(st.sampled_from(["", "partner sourced", "Partner-Influenced", "referral"]))
    row["Partner Name"] = draw(st.sampled_from(["", "Meridian", "  Bluepeak  Systems "]))
    # The packet's own date (the rubric judges "doable this week" against it).
    row[draw(st.sampled_from(["created", "Date", "Created Date"]))] = draw(
        st.sampled_from(["", "2026-03-02", "1 September 2026", "soon"]))
    return row


def _csv(rows_: list[dict[str, str]], path: Path) -> None:
    header = list(rows_[0])
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows_:
            w.writerow([r.get(h, "") for h in header])


def _expected(path: Path, columns: dict[str, str] | None = None) -> list[tuple[str | None, int | None, str | None]]:
    """(id, score, verdict) per row the slow, exact way: the format reader's Packet, then grade()."""
    out = []
    rubric = load_rubric()
    for _, item in iter_records(path, columns):
        if isinstance(item, InputError):
            out.append((None, None, str(item)))
        else:
            g = grade(item, rubric)
            out.append((item.id, g.score, g.verdict))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sample=st.lists(rows(), min_size=1, max_size=6))
def test_fast_csv_path_grades_like_the_packet_path(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("csv") / "rows.csv"
    _csv(sample, path)
    expected = _expected(path)
    with Source(path) as src:
        scorer = Scorer(src.job(None, None))
        got = scorer.score(list(src.tasks()))
    assert len(got) == len(expected)
    for row, (pid, score, verdict) in zip(got, expected, strict=True):
        if score is None:
            assert row.error == verdict and row.score is None
        else:
            assert (row.score, row.verdict, row.error) == (score, verdict, None)
            assert row.id == (pid or row.source)


def test_fast_paths_match_grade_on_the_fixture_export_and_jsonl(tmp_path):
    rubric = load_rubric()
    with Source(CRM, CRM_COLUMNS) as src:
        got = Scorer(src.job(None, None)).score(list(src.tasks()))
    packets = [p for _, p in iter_records(CRM, CRM_COLUMNS)]
    assert len(got) == len(packets) == 8
    for row, packet in zip(got, packets, strict=True):
        g = grade(packet, rubric)
        assert row.id == packet.id
        assert (row.score, row.verdict, list(row.failure_modes), list(row.signals), row.total) == (
            g.score, g.verdict, g.failure_modes, g.signals, g.scorecard.total)
        assert row.components == tuple(g.scorecard.components[c] for c in COMPONENTS)
    # The same packets as JSONL: flat objects and full packet objects both grade the same.
    lines = [json.dumps({**p.values(), "id": p.id}) if i % 2 else p.model_dump_json() for i, p in enumerate(packets)]
    (tmp_path / "p.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Source(tmp_path / "p.jsonl") as src:
        tasks = list(src.tasks())
        assert {t[0] for t in tasks} == {LINE}
        again = Scorer(src.job(None, None)).score(tasks)
    assert [(r.id, r.score, r.verdict) for r in again] == [(r.id, r.score, r.verdict) for r in got]


def test_parallel_keeps_input_order_and_matches_one_process(tmp_path):
    texts = TEXTS["owner"] + TEXTS["seller_move"]
    sample = [{"id": f"P{i:03d}", "account": TEXTS["account"][i % len(TEXTS["account"])],
               "owner": texts[i % len(texts)], "seller_move": texts[(i * 7) % len(texts)]} for i in range(150)]
    _csv(sample, tmp_path / "many.csv")
    one = list(run_rows(tmp_path / "many.csv", jobs=1))
    two = list(run_rows(tmp_path / "many.csv", jobs=2))
    assert [r.id for r in two] == [f"P{i:03d}" for i in range(150)]
    assert two == one


def run_rows(path: Path, jobs: int, size: int = 7) -> list[ScoredRow]:
    with Source(path) as src:
        out = []
        for batch in score_batches(src.job(None, None), batch_mod._batches(src.tasks(), size), jobs):
            out += batch
        return out


def test_reading_stays_a_bounded_window_ahead_of_grading(tmp_path):
    """A fast reader must not queue the whole input: at most 4 batches per worker are in flight."""
    sample = [{"id": str(i), "account": "Northwind Logistics. Open opportunity OPP-1234."} for i in range(400)]
    _csv(sample, tmp_path / "big.csv")
    pulled = []
    with Source(tmp_path / "big.csv") as src:
        def counting():
            for n, batch in enumerate(batch_mod._batches(src.tasks(), 5), start=1):
                pulled.append(n)
                yield batch
        results = score_batches(src.job(None, None), counting(), 2)
        first = next(results)
        assert len(first) == 5
        assert len(pulled) <= 4 * 2 + 1
        rest = sum(len(b) for b in results)
    assert 5 + rest == 400


def test_percentile_is_nearest_rank():
    scores = [0, 10, 20, 30, 40, 50, 60, 70, 80, 100]
    hist = [0] * 101
    for s in scores:
        hist[s] += 1
    for p in (10, 25, 50, 75, 90, 100):
        assert percentile(hist, len(scores), p) == sorted(scores)[math.ceil(p / 100 * len(scores)) - 1]
    assert percentile([0] * 101, 0, 50) is None


def test_summary_adds_up_and_caps_groups():
    s = Summary(["no_owner", "no_evidence"], ["placeholder"], max_groups=2)
    levels = ("strong",) * 9
    s.add(ScoredRow("a:2", "a", 90, "ready", "send", (), (), 18, levels, None, "Meridian", "Sam", "2026-01"))
    s.add(ScoredRow("a:3", "b", 40, "keep_building", "fix_weak", ("no_owner",), ("placeholder",), 11,
                    ("weak",) * 9, None, "Bluepeak", "Sam", "2026-02"))
    s.add(ScoredRow("a:4", "c", 20, "keep_building", "keep_building", ("no_owner", "no_evidence"), (), 6,
                    ("missing",) * 9, None, "Summit", "Lee", "(no date)"))
    s.add(ScoredRow("a:5", "a:5", error="a, row 5: has 3 columns, the header has 4", partner="Meridian"))
    d = s.to_dict()
    assert (d["rows"], d["scored"], d["errors"], d["ready"], d["ready_rate"]) == (4, 3, 1, 1, round(1 / 3, 4))
    assert d["score"] == {"mean": 50.0, "min": 20, "max": 90, "p10": 20, "p25": 20, "p50": 40, "p75": 90, "p90": 90}
    assert [(m["id"], m["count"]) for m in d["failure_modes"]] == [("no_owner", 2), ("no_evidence", 1)]
    assert d["components"]["proof"] == {"strong": 1, "weak": 1, "missing": 1}
    partners = {g["key"]: g for g in d["by_partner"]["groups"]}
    assert set(partners) == {"Meridian", "Bluepeak", "(other)"}  # capped at two distinct keys
    meridian = partners["Meridian"]
    assert (meridian["rows"], meridian["errors"], meridian["ready_rate"]) == (2, 1, 1.0)
    assert [g["key"] for g in d["by_month"]["groups"]] == ["2026-01", "2026-02", "(no date)"]
    assert d["by_month"]["groups"][1]["top_failure_mode"] == "no_owner"
    assert d["error_examples"] == ["a, row 5: has 3 columns, the header has 4"]
    assert sum(b["count"] for b in d["score_bins"]) == 3


@pytest.mark.parametrize(("text", "month"), [
    ("2026-03-05", "2026-03"), ("2026-03-05T14:00:00Z", "2026-03"), ("03/05/2026", "2026-03"),
    ("25/12/2025", "2025-12"), ("5 Mar 2026", "2026-03"), ("March 5, 2026", "2026-03"), ("2026-03", "2026-03"),
    ("March 2026", "2026-03"), ("2026/3/5", "2026-03"), ("soon", None), ("", None), (None, None)])
def test_month_of_common_date_formats(text, month):
    assert month_of(text) == month


def test_group_columns_prefer_the_listed_order_and_mapped_names():
    assert group_columns([("Created Date", "Created Date"), ("Date", "Date"), ("Opportunity Owner", "x"),
                          ("Stage", "Stage")]) == {"month": "Created Date", "owner": "Opportunity Owner"}
    assert group_columns([("Partner", "partner name")]) == {"partner": "Partner"}


def test_parse_columns():
    assert parse_columns("Opportunity Name=account, Next Step = seller_move,") == {
        "Opportunity Name": "account", "Next Step": "seller_move"}
    with pytest.raises(UsageError):
        parse_columns("Opportunity Name")


def test_run_batch_streams_the_report_and_names_bad_rows(tmp_path):
    text = CRM.read_text(encoding="utf-8").splitlines()
    text.insert(3, "OPP-9,too,few")
    (tmp_path / "in.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    summary = run_batch(tmp_path / "in.csv", tmp_path / "out.jsonl", columns=CRM_COLUMNS, jobs=1)
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 9 and summary.rows == 9 and summary.errors == 1
    bad = lines[2]
    assert bad["error"] == f"{tmp_path / 'in.csv'}, row 4: has 3 columns, the header has 16"
    assert bad["score"] is None and lines[3]["id"] == "OPP-1003"
    assert set(lines[0]["scorecard"]["components"]) == set(COMPONENTS)


def test_unreadable_inputs_raise_before_writing(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        run_batch(tmp_path / "missing.csv", tmp_path / "r.csv")
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(UsageError, match="folder of .md/.json packets"):
        run_batch(tmp_path / "x.txt")
    (tmp_path / "nofields.csv").write_text("Name,Stage\nAcme,Won\n")
    with pytest.raises(InputError, match="no column named after a packet field"):
        run_batch(tmp_path / "nofields.csv", tmp_path / "r.csv")
    assert not (tmp_path / "r.csv").exists()
    with pytest.raises(UsageError, match="has no column 'Deal Name'"):
        run_batch(CRM, columns={"Deal Name": "account"})


def test_undecodable_bytes_spoil_only_their_row(tmp_path):
    data = b"id,account,owner\n1,Northwind Logistics,Sam Patel owns it\n2,Caf\xe9 Oslo,Ana\n3,Harbor,Lee\n"
    (tmp_path / "mixed.csv").write_bytes(data)
    rows_ = run_rows(tmp_path / "mixed.csv", jobs=1)
    assert [r.id for r in rows_] == ["1", f"{tmp_path / 'mixed.csv'}:3", "3"]
    assert rows_[1].error == f"{tmp_path / 'mixed.csv'}, row 3: is not UTF-8 text"
    assert rows_[0].error is None and rows_[2].error is None


def test_folder_source_is_recursive_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "q1" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    good = (PACKETS / "northwind-logistics.md").read_text()
    (tmp_path / "q1" / "a.md").write_text(good)
    (tmp_path / "q1" / "deep" / "b.json").write_text(read_packet(PACKETS / "harbor-freight-vague.md")
                                                    .model_dump_json())
    (tmp_path / ".git" / "c.md").write_text(good)
    (tmp_path / "notes.txt").write_text("not a packet")
    with Source(tmp_path) as src:
        assert src.kind == "folder" and src.total == 2
        assert [t[2] for t in src.tasks()] == [str(Path("q1/a.md")), str(Path("q1/deep/b.json"))]


def test_job_is_small_enough_to_send_to_workers():
    job = Job("in.csv", None, None, (("A", "account"),), ("A", "B"))
    assert isinstance(hash(job), int)
    assert ROW == "row"


def test_report_csv_has_the_documented_columns(tmp_path):
    run_batch(CRM, tmp_path / "r.csv", columns=CRM_COLUMNS, jobs=1)
    reader = csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8")))
    assert reader.fieldnames is not None
    assert reader.fieldnames[:8] == ["id", "source", "score", "verdict", "band", "failure_modes", "signals",
                                     "scorecard_total"]
    assert set(COMPONENTS) <= set(reader.fieldnames) and reader.fieldnames[-1] == "error"
    first = next(reader)
    assert first["id"] == "OPP-1001" and first["group_partner"] == "Meridian Cloud Consulting"


def test_repeated_and_aliased_headers_read_as_the_packet_reader_reads_them(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("account,Account and opportunity,account,owner\n"
                    "A large retailer,Northwind Logistics. Open opportunity OPP-4411.,Acme,Sam Patel owns it\n",
                    encoding="utf-8")
    [(pid, score, verdict)] = _expected(path)
    [row] = run_rows(path, jobs=1)
    assert (row.score, row.verdict) == (score, verdict)


def test_the_packets_own_date_column_reaches_the_rubric(tmp_path):
    """A seller move dated weeks after the packet's date is not doable this week: the worker must pass
    the row's metadata (its created/date column) to the rubric as grade() does."""
    values = read_packet(PACKETS / "northwind-logistics.md").values()
    values["seller_move"] = "Book the workshop with the ops director for 17 September."
    rows_ = [{**values, "id": "dated", "created": "2026-03-02"}, {**values, "id": "undated", "created": ""}]
    _csv(rows_, tmp_path / "dated.csv")
    expected = _expected(tmp_path / "dated.csv")
    got = run_rows(tmp_path / "dated.csv", jobs=1)
    assert [(r.id, r.score, r.verdict) for r in got] == expected
    assert got[0].score < got[1].score and got[0].components[COMPONENTS.index("next_action")] == "weak"
