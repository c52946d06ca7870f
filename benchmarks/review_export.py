"""What a reviewer waits for: one decision saved (apply + grade for the next card + atomic write
with fsync), a whole piped review of 11 fields through the CLI, and each export format.

Usage: python benchmarks/review_export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from drafter.cli import main; main()"]


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    from drafter.fields import FIELD_IDS
    from drafter.formats import read_packet
    from drafter.review_card import grade_packet
    from drafter.review_loop import ReviewSession

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = ROOT / "fixtures" / "packets" / "northwind-logistics.md"
        subprocess.run([*CLI, "convert", str(src), "-o", str(work / "fresh.json")], check=True, capture_output=True)
        fresh = (work / "fresh.json").read_bytes()

        def one_sitting() -> None:
            (work / "p.json").write_bytes(fresh)
            session = ReviewSession(work / "p.json", "Bench")
            for fid in FIELD_IDS:
                session.decide(fid, "accept")
                grade_packet(session.packet)

        per_field = median_ms(one_sitting, args.runs) / len(FIELD_IDS)

        def piped() -> None:
            (work / "p.json").write_bytes(fresh)
            subprocess.run([*CLI, "review", str(work / "p.json"), "--reviewer", "Bench"], input="accept\n" * 11,
                           text=True, check=True, capture_output=True)

        whole = median_ms(piped, args.runs)
        print(f"decision saved + next card graded: {per_field:.1f} ms per field (median of {args.runs} sittings)")
        print(f"drafter review, 11 piped decisions, whole process: {whole:.0f} ms (median of {args.runs})")
        from drafter.export import audit_of, render

        packet = read_packet(work / "p.json")
        audit = audit_of(packet)
        for fmt in ("md", "json", "csv", "html"):
            ms = median_ms(lambda fmt=fmt: render(packet, fmt, audit), args.runs)
            print(f"render {fmt}: {ms:.2f} ms")
        ms = median_ms(lambda: subprocess.run([*CLI, "export", str(work / "p.json"), "--format", "html"],
                                              check=True, capture_output=True), args.runs)
        print(f"drafter export --format html, whole process: {ms:.0f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
