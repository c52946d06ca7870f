"""The rubric against a labelled corpus written by someone who never saw its rules (fixtures/graded/).

A regression set: verdicts and failure modes must agree with the labels, and the score must rank
packets the way the labelled quality does.
"""

from __future__ import annotations

import json

import pytest

from drafter.formats import read_packet
from drafter.rubric import grade
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "graded"
LABELS = json.loads((CORPUS / "labels.json").read_text())


def _spearman(a: list[float], b: list[float]) -> float:
    def ranks(xs: list[float]) -> list[float]:
        order = sorted(range(len(xs)), key=lambda i: xs[i])
        r = [0.0] * len(xs)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r

    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    return cov / (sum((x - ma) ** 2 for x in ra) ** 0.5 * sum((y - mb) ** 2 for y in rb) ** 0.5)


@pytest.fixture(scope="module")
def grades():
    return {name: grade(read_packet(CORPUS / name)) for name in sorted(LABELS)}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_verdict_and_failure_modes_match_the_label(grades, name):
    g, want = grades[name], LABELS[name]
    assert (g.verdict, sorted(g.failure_modes)) == (want["verdict"], sorted(want["failure_modes"]))


def test_score_ranks_like_quality(grades):
    names = sorted(LABELS)
    rho = _spearman([grades[n].score for n in names], [LABELS[n]["quality"] for n in names])
    assert rho >= 0.85


def test_judge_values_decides_as_grade_does_on_the_whole_corpus():
    """Batch reads `judge_values` (no findings): its decision must be the explained grade's, packet by packet."""
    from drafter.fields import FIELD_IDS
    from drafter.rubric import judge_values, load_rubric

    rubric = load_rubric()
    for name in LABELS:
        packet = read_packet(CORPUS / name)
        g = grade(packet, rubric)
        j = judge_values({fid: packet.fields[fid].value for fid in FIELD_IDS}, rubric, metadata=packet.metadata)
        assert (j.score, j.verdict, j.band, j.total, j.components, j.gates) == (
            g.score, g.verdict, g.band, g.scorecard.total, g.scorecard.components, g.gates), name
        assert j.failure_modes == g.failure_modes, name
        assert list(dict.fromkeys(j.signals)) == g.signals, name
