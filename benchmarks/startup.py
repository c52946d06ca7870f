"""Start-up cost of `drafter --help` against `python -c "import typer"` (target: at most 2x).

Usage: python benchmarks/startup.py [--runs N]
Also checks that --help imports none of openai, instructor, tiktoken.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

HEAVY = ("openai", "instructor", "tiktoken", "docx", "webvtt")


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    py = sys.executable
    help_cmd = [py, "-c", "import sys; sys.argv=['drafter','--help']; from drafter.cli import main; main()"]
    timed(help_cmd, 2)
    base = timed([py, "-c", "import typer"], args.runs)
    ours = timed(help_cmd, args.runs)
    probe = ("import sys\nsys.argv=['drafter','--help']\nfrom drafter.cli import main\ntry:\n    main()\n"
             f"except SystemExit:\n    pass\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([py, "-c", probe], capture_output=True, text=True).stdout.strip().splitlines()[-1:]
    heavy = loaded[0] if loaded and loaded[0] and not loaded[0].startswith(("Usage", " ")) else ""
    print(f"import typer: {base * 1000:.0f} ms (median of {args.runs})")
    print(f"drafter --help: {ours * 1000:.0f} ms (median of {args.runs})")
    print(f"heavy modules imported by --help: {heavy or 'none'}")
    print(f"ratio={ours / base:.2f} (target <= 2.0)")
    return 0 if ours / base <= 2.0 and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
