"""Offline drafting speed on a generated 10,000-word call transcript (target: under 1 second).

Usage: python benchmarks/draft_offline.py [--words N] [--runs N] [--keep FILE]
Prints the median time to read and draft the transcript in-process, and the wall time of the
whole `drafter draft --backend offline --json` command once (interpreter start-up included).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SPEAKERS = ["Dana Whitfield", "Marcus Oyelaran", "Ines Calder"]
FILLER = [
    "I think we covered most of that on the last call, but happy to go through it again.",
    "The pipeline review took longer than expected because two regions changed their forecast.",
    "We should also look at the enablement plan for next quarter and who runs the sessions.",
    "Our booth at the regional summit was busy, mostly people asking about integrations.",
    "Can you remind me what the timeline looked like for the certification track?",
    "Budget season is starting, so everyone is a bit distracted this month.",
    "The marketplace listing still needs new screenshots before the refresh.",
    "Let me check with my team and come back to you on the exact numbers.",
    "That makes sense, and it matches what we heard from the field last week.",
    "There is a lot of interest in the new reporting features across the base.",
]
STORY = [
    ("Marcus Oyelaran", "Ines, quick intro: Dana runs partnerships at Brantley Systems, the integrator we keep"
                        " meeting."),
    ("Dana Whitfield", "Brantley Systems rolled out the warehouse platform at Coldharbor Foods last year and we still"
                       " run their monthly ops review."),
    ("Ines Calder", "Coldharbor Foods is on my target list this half, and there is an early opportunity, OPP-44120,"
                    " from their demo request."),
    ("Dana Whitfield", "At the last review their COO, Priya Okafor, said: \"We lose a day every week reconciling"
                       " shipments by hand.\""),
    ("Ines Calder", "Our reconciliation module matches every shipment automatically, and your platform feeds it the"
                    " warehouse data they already have."),
    ("Marcus Oyelaran", "How warm is Priya? Would she take a meeting with us?"),
    ("Dana Whitfield", "Very warm. I see her every month at the ops review. I can bring Ines in at the next one on"
                       " the 14th."),
    ("Ines Calder", "Great, I will join on the 14th and bring the reconciliation demo with a food distribution"
                    " dataset."),
    ("Dana Whitfield", "I will send you the shipment volumes and the review deck by Friday."),
    ("Marcus Oyelaran", "I checked deal registration this morning: no reseller is registered on Coldharbor and no"
                        " other partner is attached."),
    ("Marcus Oyelaran", "I will own this handoff until Ines accepts it, response within two business days."),
]


def transcript(words: int, seed: int = 7) -> str:
    """A WebVTT call of about `words` words: small talk with the co-sell story spread through it."""
    rng = random.Random(seed)
    lines = ["WEBVTT", ""]
    count = 0
    t = 0.0
    story = list(STORY)
    cue = 0
    while count < words:
        if story and rng.random() < 0.02:
            speaker, text = story.pop(0)
        else:
            speaker = rng.choice(SPEAKERS)
            text = " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 3)))
        cue += 1
        dur = max(2.0, len(text.split()) / 2.5)
        start, end = t, t + dur
        lines += [str(cue), f"{_ts(start)} --> {_ts(end)}", f"{speaker}: {text}", ""]
        t = end + 0.4
        count += len(text.split())
    for speaker, text in story:
        cue += 1
        lines += [str(cue), f"{_ts(t)} --> {_ts(t + 5)}", f"{speaker}: {text}", ""]
        t += 6
    return "\n".join(lines)


def _ts(sec: float) -> str:
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="also write the generated transcript here")
    args = ap.parse_args()
    from drafter.extract.offline import draft
    from drafter.ingest import read_sources

    text = transcript(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "call.vtt"
        path.write_text(text, encoding="utf-8")
        if args.keep:
            args.keep.write_text(text, encoding="utf-8")
        times = []
        packet = None
        for _ in range(args.runs):
            t = time.perf_counter()
            packet = draft(read_sources([path]), today=date(2025, 3, 10))
            times.append(time.perf_counter() - t)
        cmd = [sys.executable, "-c", "from drafter.cli import main; main()", "draft", "--backend", "offline",
               "--json", str(path)]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t
    proposed = sum(1 for f in packet.fields.values() if f.value) if packet else 0
    med = statistics.median(times)
    spoken = sum(len(ln.split(":", 1)[-1].split()) for ln in text.splitlines()
                 if ln and "-->" not in ln and not ln.isdigit() and ln != "WEBVTT")
    print(f"transcript: {spoken} spoken words ({len(text.split())} with cue lines), {text.count(' --> ')} cues")
    print(f"draft (read + extract, in-process): {med * 1000:.0f} ms median of {args.runs} (target < 1000 ms)")
    print(f"drafter draft --json (whole command): {wall * 1000:.0f} ms, exit {proc.returncode}")
    print(f"fields proposed: {proposed}/11")
    return 0 if med < 1.0 and proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
