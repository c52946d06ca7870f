"""Throughput and memory of `drafter batch` on N synthetic CRM rows.

Generates N packets as a CSV export (field titles as headers, plus Partner Name, Opportunity
Owner, Created Date and Stage columns) from the good and bad field texts in
packet_templates.toml with a seeded RNG, then reports:
- packets per second of `drafter batch` (a subprocess, report written with -o),
- the ratio to only reading the same CSV with the csv module (target: at most 8x at 20,000 rows),
- the peak memory of the batch process tree (target: under 300 MB at 1,000,000 rows).

Usage: python benchmarks/batch.py [--rows 20000] [--jobs N] [--keep DIR] [--seed 7] [--real-text DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

from drafter.fields import FIELDS

HERE = Path(__file__).resolve().parent
META = ["Partner Name", "Opportunity Owner", "Created Date", "Stage"]


def _date_text(rng: random.Random, months: list[str]) -> str:
    """A created date in one of the formats CRMs export."""
    y, m, d = rng.choice((2024, 2025)), rng.randint(1, 12), rng.randint(1, 28)
    fmt = rng.randrange(4)
    if fmt == 0:
        return f"{y}-{m:02d}-{d:02d}"
    if fmt == 1:
        return f"{m}/{d}/{y}"
    if fmt == 2:
        return f"{months[m - 1][:3]} {d}, {y}"
    return f"{y}-{m:02d}-{d:02d}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00Z"


def real_sentences(folder: Path, limit: int = 100_000) -> list[str]:
    """Sentences of real transcripts (e.g. ../shared/realdata/bulk), to fill fields with text nobody wrote for us."""
    out: list[str] = []
    for f in sorted(folder.rglob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 20 < len(s.strip()) < 300]
        if len(out) >= limit:
            break
    if not out:
        raise SystemExit(f"{folder}: no .txt files with sentences")
    return out[:limit]


def generate(path: Path, rows: int, seed: int = 7, real: list[str] | None = None) -> None:
    """Write `rows` synthetic packets; about a quarter are good throughout, the rest mix in bad fields.
    With `real`, each field holds one to three real sentences instead (one in ten left blank)."""
    data = tomllib.loads((HERE / "packet_templates.toml").read_text(encoding="utf-8"))
    names, slots, texts = data["names"], data["slots"], data["fields"]
    rng = random.Random(seed)
    header = ["Opportunity ID", *(f.title for f in FIELDS), *META]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i in range(rows):
            person = lambda: (rng.choice(names["first"]), rng.choice(names["last"]))  # noqa: E731
            (pf, pl), (bf, bl), (of, ol), (af, al) = person(), person(), person(), person()
            partner = rng.choice(names["partners"])
            d1, d2 = rng.randint(1, 14), rng.randint(15, 28)
            month = rng.choice(names["months"])
            fill = {
                "account": rng.choice(names["accounts"]), "partner": partner, "pfirst": pf, "plast": pl,
                "bfirst": bf, "blast": bl, "ofirst": of, "olast": ol, "ae": f"{af} {al}",
                "role": rng.choice(names["roles"]), "buyer_role": rng.choice(names["buyer_roles"]),
                "system": rng.choice(slots["systems"]), "nword": rng.choice(slots["nwords"]),
                "opp": f"OPP-{rng.randint(10000, 99999)}", "n1": rng.randint(2, 9), "n2": rng.randint(40, 900),
                "q": rng.randint(1, 4), "yy": rng.randint(22, 26), "month": month,
                "day": f"{d1} {month}", "day2": f"{d2} {month}",
            }
            good_share = 1.0 if rng.random() < 0.25 else rng.uniform(0.3, 0.9)
            values = []
            for f in FIELDS:
                if real:
                    values.append(" ".join(rng.choice(real) for _ in range(rng.randint(1, 3)))
                                  if rng.random() < 0.9 else "")
                    continue
                pool = texts[f.id]["good"] if rng.random() < good_share else texts[f.id]["bad"]
                values.append(rng.choice(pool).format(**fill))
            meta = [partner, f"{of} {ol}", _date_text(rng, names["months"]), rng.choice(names["stages"])]
            w.writerow([f"HO-{i + 1:07d}", *values, *meta])


def plain_read(path: Path) -> float:
    """Seconds to read every row with the csv module and nothing else (best of three)."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        with path.open(encoding="utf-8", newline="") as fh:
            for _row in csv.reader(fh):
                pass
        best = min(best, time.perf_counter() - t)
    return best


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        parent[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[int(entry)] = next((int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmRSS:")), 0)
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier += kids
    return sum(rss.get(p, 0) for p in tree)


def run_batch(csv_path: Path, out: Path, jobs: int | None) -> tuple[float, float, int, int, str]:
    """(seconds, CPU seconds, peak tree RSS in kB, peak single-process maxrss in kB, stdout) of one
    `drafter batch` run. CPU seconds (all its processes) do not depend on what else the machine runs."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-c", "from drafter.cli import main; main()", "batch", str(csv_path),
           "-o", str(out), "--force", "--json", "--columns", "Opportunity ID=id"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    peak = 0
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"drafter batch failed ({proc.returncode}): {stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu, peak, after.ru_maxrss, stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=None, help="passed to drafter batch (default: all cores)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="keep the generated CSV and report in this folder")
    ap.add_argument("--real-text", type=Path, default=None, metavar="DIR",
                    help="fill fields with sentences from the .txt files under DIR (e.g. ../shared/realdata/bulk)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        src, out = folder / f"synthetic-{args.rows}.csv", folder / f"report-{args.rows}.csv"
        t = time.perf_counter()
        generate(src, args.rows, args.seed, real_sentences(args.real_text) if args.real_text else None)
        gen = time.perf_counter() - t
        load = os.getloadavg()[0]
        read = plain_read(src)
        elapsed, cpu, peak_kb, maxrss_kb, stdout = run_batch(src, out, args.jobs)
        summary = json.loads(stdout)
        size_mb = src.stat().st_size / 1e6
        print(f"rows={args.rows} csv_mb={size_mb:.1f} cores={os.cpu_count()} jobs={args.jobs or 'all'} "
              f"(generated in {gen:.1f}s; load average before the run {load:.2f}: other work shares the cores)")
        print(f"plain csv read: {read:.3f}s")
        print(f"drafter batch: {elapsed:.2f}s  {args.rows / elapsed:,.0f} packets/s  "
              f"ratio to plain read: {elapsed / read:.1f}x (target <= 8x at 20,000 rows)")
        cores = args.jobs or len(os.sched_getaffinity(0))
        print(f"cpu: {cpu:.2f}s in all processes = {cpu / args.rows * 1e6:,.0f} us per packet; on {cores} idle "
              f"cores that is about {cpu / cores:.2f}s, {cpu / cores / read:.1f}x the plain read")
        print(f"summary: rows={summary['rows']} scored={summary['scored']} errors={summary['errors']} "
              f"ready_rate={summary['ready_rate']} score p50={(summary['score'] or {}).get('p50')}")
        print(f"peak memory: process tree {peak_kb / 1024:.0f} MB (sampled every 0.2s), "
              f"largest single process {maxrss_kb / 1024:.0f} MB (target < 300 MB at 1,000,000 rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
