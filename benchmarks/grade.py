"""Median time to grade one packet in-process (target: under 1 ms).

Cold: the rubric remembers nothing from earlier packets. Warm: the same packet again, which is
what repeated boilerplate in real exports gets from the rubric's memo.

Usage: python benchmarks/grade.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from drafter.formats import read_packet
from drafter.rubric import grade, load_rubric

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2000)
    args = ap.parse_args()
    files = sorted((ROOT / "fixtures" / "packets").glob("*.md")) + sorted((ROOT / "fixtures" / "graded").glob("*.md"))
    packets = [read_packet(p) for p in files]
    rubric = load_rubric()
    for p in packets:
        grade(p, rubric)
    cold, warm = [], []
    for i in range(args.rounds):
        p = packets[i % len(packets)]
        rubric.memo.clear()  # cold: nothing remembered from earlier packets
        t = time.perf_counter()
        grade(p, rubric)
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        grade(p, rubric)  # warm: the same texts again, as in exports full of boilerplate
        warm.append(time.perf_counter() - t)
    med = statistics.median(cold) * 1000
    p95 = sorted(cold)[int(len(cold) * 0.95)] * 1000
    print(f"packets={len(packets)} rounds={args.rounds} cold median_ms={med:.3f} p95_ms={p95:.3f} "
          f"warm median_ms={statistics.median(warm) * 1000:.3f} (target: cold median < 1 ms)")
    return 0 if med < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
