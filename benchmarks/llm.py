"""The LLM backend's costs, measured offline against the loopback stand-in server (tests/llm_standin.py).

Reports:
  1. the prompt's fixed overhead in tokens: system prompt plus schema plus framing (target < 1,500)
  2. requests per document for the notes fixtures (target: one when the notes fit)
  3. wall time to draft N documents against a stand-in answering after LATENCY seconds, at
     concurrency C, with the cache off (target: 50 documents, 200 ms, concurrency 16, under 3 s)

Usage: python benchmarks/llm.py [--docs 50] [--latency 0.2] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from llm_standin import StandIn, label_answerer  # noqa: E402

from drafter.config import LLMSettings  # noqa: E402
from drafter.extract.chunking import plan_requests  # noqa: E402
from drafter.extract.llm import LLMExtractor  # noqa: E402
from drafter.extract.prompting import load_prompt  # noqa: E402
from drafter.extract.tokens import model_info  # noqa: E402
from drafter.ingest import read_source  # noqa: E402
from drafter.ingest.document import Document  # noqa: E402


def overhead() -> dict[str, int]:
    prompt = load_prompt()
    empty = Document("empty.md", "md", "", hashlib.sha256(b"").hexdigest())
    return {name: plan_requests([empty], prompt, model_info(name), 2000).overhead
            for name in ("gpt-4.1-mini", "gpt-4")}


def requests_per_document() -> list[tuple[str, int, int]]:
    prompt = load_prompt()
    model = model_info("gpt-4.1-mini")
    rows = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix.lower() in (".md", ".txt", ".vtt", ".srt", ".eml", ".docx") and "notes" in str(path.parent) \
                or path.parent.name == "llm":
            doc = read_source(path)
            plan = plan_requests([doc], prompt, model, 2000)
            rows.append((str(path.relative_to(ROOT)), len(plan.requests), plan.input_tokens))
    return rows


def import_time() -> float:
    """Seconds to import openai and instructor (paid once per command, inside the wall time below)."""
    import subprocess

    code = "import time; t = time.perf_counter(); import openai, instructor; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def wall_time(n: int, latency: float, concurrency: int) -> tuple[float, int, int]:
    base = (ROOT / "fixtures" / "llm" / "brightline-sync.md").read_text(encoding="utf-8")
    docs = []
    for i in range(n):
        text = base + f"\nReference: batch note {i}\n"
        docs.append((f"note-{i}.md", [Document(f"note-{i}.md", "md", text, hashlib.sha256(text.encode()).hexdigest())]))
    with StandIn(label_answerer, latency=latency) as server:
        settings = LLMSettings(base_url=server.base_url, cache=False, concurrency=concurrency, max_retries=0)
        ex = LLMExtractor(settings, key="sk-benchmark")
        start = time.perf_counter()
        results = ex.draft_many(docs)
        elapsed = time.perf_counter() - start
    failed = sum(1 for r in results if isinstance(r, Exception))
    return elapsed, len(server.requests), failed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()
    os.environ.setdefault("DRAFTER_CACHE_DIR", tempfile.mkdtemp(prefix="drafter-bench-"))

    fixed = overhead()
    for name, tokens in fixed.items():
        print(f"fixed prompt overhead ({name}): {tokens:,} tokens (instructions + schema; target < 1,500)")
    rows = requests_per_document()
    for name, n, tokens in rows:
        print(f"requests per document: {name}: {n} ({tokens:,} input tokens)")
    one = all(n == 1 for _, n, _ in rows)
    elapsed, sent, failed = wall_time(args.docs, args.latency, args.concurrency)
    print(f"wall time: {args.docs} documents, stand-in latency {args.latency * 1000:.0f} ms, concurrency "
          f"{args.concurrency}: {elapsed:.2f} s ({sent} requests, {failed} failed; target < 3 s), of which "
          f"about {import_time():.2f} s is importing openai and instructor")
    ok = max(fixed.values()) < 1500 and one and failed == 0 and elapsed < 3
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
