"""`drafter ledger metrics` on a known small history, every figure worked out by hand.

fixtures/ledger/history.csv, as of Fri 14 March 2025 (March 2025 starts on a Saturday):

  ref  partner   seller class       sent        answered          window verdict        total  modes
  H1   Meridian  Alex   influenced  Mon 03-03   Wed 03-05 accept  3      ready          17     -
  H2   Meridian  Alex   sourced     Thu 03-06   Mon 03-10 accept  3      ready          16     -
  H3   Globex    Blair  influenced  Fri 03-07   Fri 03-14 decline 3      keep_building   7     no_owner, no_evidence
  H4   Globex    Blair  sourced     Mon 03-03   Tue 03-04 decline 2      keep_building  10     no_owner
  H5   Initech   Alex   influenced  Mon 03-10   -                 3      ready          16     -
  H6   Initech   Blair  influenced  Wed 03-12   -                 5      keep_building   9     -
  H7   Meridian  Blair  sourced     Tue 03-04   Thu 03-06 accept  2*     keep_building  13**   no_conflict_check
  H8   Meridian  Alex   influenced  Tue 02-25   -                 3***   -               -     -
  *   from the owner text "AE answers within two business days"
  **  only the score 70 is given: round(70 * 18 / 100) = round(12.6) = 13
  *** no window anywhere: the default, 3

Response times in business days: H1 Tue+Wed = 2; H2 Fri+Mon = 2; H3 Mon..Fri = 5; H4 Tue = 1;
H7 Wed+Thu = 2. Sorted 1, 2, 2, 2, 5: median 2.
Open: H5 has waited Tue..Fri = 4 > 3, overdue; H6 Thu+Fri = 2 <= 5, not; H8 26, 27, 28 Feb and
two full weeks = 13 > 3, overdue. Overdue 2.
Handoffs 8, responded 5, accepted 3 (H1, H2, H7): acceptance rate 3 / 5 = 0.6.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from drafter.ledger.businessdays import Calendar
from drafter.ledger.metrics import compute


@pytest.fixture
def history(run, fixtures):
    r = run("ledger", "import", fixtures / "ledger" / "history.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip().endswith("imported 8 handoffs from " + str(fixtures / "ledger" / "history.csv"))

    def metrics(*args: str) -> dict:
        r = run("ledger", "metrics", "--json", "--as-of", "2025-03-14", *args)
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)

    return metrics


def test_headline_figures(history):
    m = history()
    assert (m["handoffs"], m["responded"], m["accepted"], m["declined"], m["open"]) == (8, 5, 3, 2, 3)
    assert m["acceptance_rate"] == 0.6
    assert m["median_response_business_days"] == 2
    assert m["overdue"] == 2


def test_acceptance_by_verdict_and_band(history):
    m = history()
    v = m["by_verdict"]
    # ready: H1, H2, H5. Two answered, both accepted; H5 is overdue.
    assert (v["ready"]["handoffs"], v["ready"]["responded"], v["ready"]["accepted"]) == (3, 2, 2)
    assert v["ready"]["acceptance_rate"] == 1.0 and v["ready"]["overdue"] == 1
    # keep_building: H3, H4, H6, H7. Three answered, only H7 accepted: 1/3.
    assert (v["keep_building"]["handoffs"], v["keep_building"]["responded"]) == (4, 3)
    assert v["keep_building"]["acceptance_rate"] == 0.3333
    # H8 was never graded.
    assert v["ungraded"]["handoffs"] == 1 and v["ungraded"]["acceptance_rate"] is None
    bands = {b["band"]: b for b in m["by_score_band"]}
    # 16-18: H1 17, H2 16, H5 16. 11-15: H7 (13, from its score). 0-10: H3 7, H4 10, H6 9.
    assert [bands[b]["handoffs"] for b in ("0-10", "11-15", "16-18")] == [3, 1, 3]
    assert [bands[b]["acceptance_rate"] for b in ("0-10", "11-15", "16-18")] == [0.0, 1.0, 1.0]
    assert bands["16-18"]["label"] == "send"


def test_failure_modes_before_decline(history):
    # Answered: H3 declined with no_owner + no_evidence, H4 declined with no_owner,
    # H7 accepted with no_conflict_check.
    modes = history()["failure_modes_before_decline"]
    assert [(x["failure_mode"], x["declined"], x["responded"], x["decline_rate"]) for x in modes] == [
        ("no_owner", 2, 2, 1.0), ("no_evidence", 1, 1, 1.0), ("no_conflict_check", 0, 1, 0.0)]


def test_by_partner_and_month(history):
    groups = {g["key"]: g for g in history("--by", "partner")["groups"]}
    # Meridian: H1, H2, H7 accepted (2, 2, 2 days), H8 open and overdue.
    assert (groups["Meridian"]["handoffs"], groups["Meridian"]["acceptance_rate"]) == (4, 1.0)
    assert groups["Meridian"]["median_response_business_days"] == 2 and groups["Meridian"]["overdue"] == 1
    # Globex: H3 (5 days) and H4 (1 day) declined: median (5 + 1) / 2 = 3.
    assert groups["Globex"]["acceptance_rate"] == 0.0 and groups["Globex"]["median_response_business_days"] == 3
    assert groups["Initech"]["responded"] == 0 and groups["Initech"]["acceptance_rate"] is None
    months = {g["key"]: g["handoffs"] for g in history("--by", "month")["groups"]}
    assert months == {"2025-02": 1, "2025-03": 7}
    sellers = {g["key"]: g["accepted"] for g in history("--by", "seller")["groups"]}
    assert sellers == {"Alex": 2, "Blair": 1}
    # Sourced: H2, H4, H7 (accepted, declined, accepted): 2/3. Influenced: H1 accepted, H3 declined; H5, H6, H8 open.
    kinds = {g["key"]: (g["handoffs"], g["acceptance_rate"]) for g in history("--by", "classification")["groups"]}
    assert kinds == {"partner-sourced": (3, 0.6667), "partner-influenced": (5, 0.5)}
    verdicts = {g["key"]: g["handoffs"] for g in history("--by", "verdict")["groups"]}
    assert verdicts == {"ready": 3, "keep_building": 4, "ungraded": 1}


def test_holidays_change_days_and_overdue(history, tmp_path):
    # Wed 5 and Thu 13 March off. H1 Mon->Wed: only Tue = 1; H7 Tue->Thu: only Thu = 1;
    # H3 Fri 7 -> Fri 14: Mon, Tue, Wed, Fri = 4; H2 2 and H4 1 unchanged. Sorted 1, 1, 1, 2, 4: median 1.
    # H5 has now waited Tue, Wed, Fri = 3, inside its window: only H8 is overdue.
    (tmp_path / "holidays.txt").write_text("# office closed\n2025-03-05 Founders' day\n13 Mar 2025\n")
    m = history("--holidays", "holidays.txt")
    assert m["median_response_business_days"] == 1
    assert m["overdue"] == 1
    # The same holidays from the config file.
    (tmp_path / "drafter-config.toml").write_text('[ledger]\nholidays = ["2025-03-05", 2025-03-13]\n')
    m = history()
    assert (m["median_response_business_days"], m["overdue"]) == (1, 1)


def test_as_of_an_earlier_day(history):
    # As of Wed 5 March: H1, H4, H7, H8 had been sent. H7's answer (6 March) had not come yet.
    # Responded H1 (accepted) and H4 (declined): 1 / 2. Open H7 (1 day of 2) and H8 (6 days of 3: overdue).
    m = history("--as-of", "2025-03-05")
    assert (m["handoffs"], m["responded"], m["accepted"], m["acceptance_rate"]) == (4, 2, 1, 0.5)
    assert m["overdue"] == 1


def test_default_window_from_config(history, tmp_path):
    # With a default of 20 business days H8 (13 days) is no longer overdue; H5 still is.
    (tmp_path / "drafter-config.toml").write_text("[ledger]\ndefault_window_days = 20\n")
    assert history()["overdue"] == 1


def test_text_output_has_tables(run, fixtures):
    run("ledger", "import", fixtures / "ledger" / "history.csv")
    r = run("ledger", "metrics", "--as-of", "2025-03-14", "--by", "partner")
    assert r.exit_code == 0
    for text in ("All handoffs", "By rubric verdict", "16-18 send", "By partner", "Meridian", "no_owner", "60%"):
        assert text in r.stdout


def test_bad_by_and_bad_date(run):
    r = run("ledger", "metrics", "--by", "colour")
    assert r.exit_code == 2 and "--by 'colour': choose one of partner, seller" in r.stderr
    r = run("ledger", "metrics", "--as-of", "someday")
    assert r.exit_code == 2 and r.stderr.startswith("drafter: --as-of: 'someday' is not a date")


def test_empty_ledger(run):
    r = run("ledger", "metrics", "--json")
    m = json.loads(r.stdout)
    assert (m["handoffs"], m["acceptance_rate"], m["median_response_business_days"], m["overdue"]) == (0, None, None, 0)


def test_compute_without_a_responded_date():
    # An imported answer without its date counts as responded but has no response time.
    rows = [("2025-03-03", None, "accepted", 3, "ready", 90, None, "[]", "P", "S", None),
            ("2025-03-03", "2025-03-10", "declined", 3, "ready", 90, None, '["no_owner"]', "P", "S", None)]
    m = compute(rows, as_of=date(2025, 3, 14), cal=Calendar.of([]))
    assert (m["responded"], m["acceptance_rate"], m["median_response_business_days"]) == (2, 0.5, 5)
