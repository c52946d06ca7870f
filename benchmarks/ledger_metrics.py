"""`drafter ledger import` of 100,000 handoffs, then `drafter ledger metrics --json` (target: under 1 s).

Usage: python benchmarks/ledger_metrics.py [--rows N] [--runs N] [--keep DIR]
Times the real command in a fresh process each run (start-up included), the way a user or
a dashboard would call it. The history is random but seeded, so runs are comparable.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PARTNERS = ["Meridian", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Acme", "Soylent"]
SELLERS = [f"Seller {i:02d}" for i in range(40)]
MODES = ["vague_partner", "no_account_logic", "no_next_move", "no_owner", "no_evidence", "no_conflict_check"]
HEADER = ["id", "account", "partner", "seller", "classification", "sent", "responded", "outcome", "reason",
          "score", "scorecard_total", "verdict", "failure_modes", "window"]


def make_csv(path: Path, rows: int, seed: int = 8) -> None:
    rng = random.Random(seed)
    start = date(2023, 1, 2)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            sent = start + timedelta(days=rng.randrange(3 * 365))
            total = rng.randint(0, 18)
            modes = [m for m in MODES if rng.random() < (18 - total) / 40]
            p_accept = 0.2 + 0.7 * total / 18
            r = rng.random()
            if r < 0.1:
                responded, outcome = "", ""
            else:
                responded = (sent + timedelta(days=rng.randint(0, 12))).isoformat()
                outcome = "accepted" if rng.random() < p_accept else "declined"
            w.writerow([f"H{i}", f"Account {rng.randrange(5000)}", rng.choice(PARTNERS), rng.choice(SELLERS),
                        rng.choice(["partner-sourced", "partner-influenced"]), sent.isoformat(), responded, outcome,
                        "", round(total * 100 / 18), total, "ready" if total >= 16 and not modes else "keep_building",
                        ";".join(modes), rng.choice(["", "3", "5", "2"])])


def drafter(*args: str) -> tuple[float, str]:
    cmd = [sys.executable, "-c", "from drafter.cli import main; main()", *args]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    took = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.strip()}")
    return took, proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="Folder to keep the CSV and ledger in (default: a temporary one).")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        src, db = work / "history.csv", work / "ledger.db"
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            p.unlink(missing_ok=True)
        t = time.perf_counter()
        make_csv(src, args.rows)
        took = time.perf_counter() - t
        print(f"generated {args.rows} handoffs ({src.stat().st_size / 1e6:.1f} MB CSV) in {took:.2f} s")
        took, out = drafter("ledger", "import", str(src), "--db", str(db))
        print(f"ledger import: {took:.2f} s ({out.strip()}); ledger file {db.stat().st_size / 1e6:.1f} MB")
        results = {}
        for label, extra in (("metrics --json", ()), ("metrics --json --by partner", ("--by", "partner")),
                             ("metrics (rich tables) --by month", ("--by", "month"))):
            json_flag = ("--json",) if "--json" in label else ()
            times = []
            for _ in range(args.runs):
                took, out = drafter("ledger", "metrics", *json_flag, *extra, "--db", str(db), "--as-of", "2026-01-05")
                times.append(took)
            results[label] = (statistics.median(times), min(times), out)
        base, _ = drafter("--version")
        m = json.loads(results["metrics --json"][2])
        print(f"metrics: handoffs={m['handoffs']} responded={m['responded']} acceptance_rate={m['acceptance_rate']} "
              f"median_response_business_days={m['median_response_business_days']} overdue={m['overdue']}")
        print(f"drafter --version (start-up alone): {base:.3f} s")
        for label, (med, best, _) in results.items():
            print(f"ledger {label}: median {med:.3f} s, best {best:.3f} s (of {args.runs})")
        med = results["metrics --json"][0]
        print(f"target: metrics --json under 1 s: {'met' if med < 1 else 'MISSED'}")
        return 0 if med < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
