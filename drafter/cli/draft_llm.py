"""`drafter draft --backend openai`: settings from flags, the dry run, the budget, the cost line."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from drafter.extract.chunking import Plan
    from drafter.extract.llm import Drafted, LLMExtractor
    from drafter.ingest.document import Document
    from drafter.packet import Packet

_FLAG_NAMES = {"model": "--model", "mode": "--mode", "dry_run": "--dry-run", "max_tokens": "--max-tokens",
               "max_cost": "--max-cost", "no_cache": "--no-cache", "concurrency": "--concurrency"}


@dataclass(frozen=True)
class LLMFlags:
    """The command-line flags that only the openai backend reads."""

    model: str | None = None
    mode: str | None = None
    dry_run: bool = False
    max_tokens: int | None = None
    max_cost: float | None = None
    no_cache: bool = False
    concurrency: int | None = None

    def given(self) -> list[str]:
        return [_FLAG_NAMES[k] for k, v in asdict(self).items() if v not in (None, False)]

    def extractor(self) -> LLMExtractor:
        """The extractor for these flags over the config file and the environment."""
        from drafter.config import load_settings
        from drafter.extract.llm import LLMExtractor

        settings = load_settings().with_flags(
            model=self.model, mode=self.mode, max_tokens=self.max_tokens, max_cost=self.max_cost,
            concurrency=self.concurrency, cache=False if self.no_cache else None)
        return LLMExtractor(settings)


def estimate(name: str, plan: Plan, cached: bool) -> dict[str, Any]:
    """What drafting one packet would send, before sending it."""
    cost = plan.max_cost
    return {
        "notes": name, "requests": 0 if cached else len(plan.requests), "chunks": len(plan.requests),
        "input_tokens": plan.input_tokens, "prompt_tokens": plan.overhead * len(plan.requests),
        "notes_tokens": plan.notes_tokens, "answer_allowance": plan.output_tokens * len(plan.requests),
        "cached": cached, "estimated_cost_usd": 0.0 if cached else (round(cost, 6) if cost is not None else None),
    }


def print_estimates(ex: LLMExtractor, rows: list[dict[str, Any]], as_json: bool) -> None:
    """The dry run's report: per notes file, then the total and the model facts it rests on."""
    m = ex.model
    known = [r["estimated_cost_usd"] for r in rows]
    total_cost = None if any(c is None for c in known) else round(sum(known), 6)
    total = {"requests": sum(r["requests"] for r in rows), "input_tokens": sum(r["input_tokens"] for r in rows
             if not r["cached"]), "estimated_cost_usd": total_cost}
    if as_json:
        typer.echo(json.dumps({"model": m.name, "encoding": m.encoding, "context_window": m.context_window,
                               "prompt_version": ex.prompt.version, "documents": rows, "total": total}, indent=2))
        return
    for r in rows:
        if r["cached"]:
            typer.echo(f"{r['notes']}: cached, no request needed")
            continue
        split = f" ({r['chunks']} chunks)" if r["chunks"] > 1 else ""
        typer.echo(f"{r['notes']}: {r['requests']} request{'s' if r['requests'] != 1 else ''}{split}, "
                   f"{r['input_tokens']:,} input tokens (prompt {r['prompt_tokens']:,} + notes {r['notes_tokens']:,}), "
                   f"answer up to {r['answer_allowance']:,} tokens")
    price = "no price known for this model" if total_cost is None else f"estimated cost up to ${total_cost:.4f}"
    approx = "" if m.known else ", tokenizer assumed"
    typer.echo(f"total: {total['requests']} request(s), {total['input_tokens']:,} input tokens; {price} "
               f"({m.name}: {m.encoding}{approx}, context {m.context_window:,}); nothing was sent")


def cost_line(d: Drafted, ex: LLMExtractor) -> str:
    if d.cached:
        return f"drafted from the cache ({ex.settings.model}): no request sent"
    cost = d.packet.provenance.get("estimated_cost_usd")
    price = f", about ${cost:.4f}" if cost is not None else ""
    return (f"drafted with {ex.settings.model} at {ex.endpoint}: {d.requests} request{'s' if d.requests != 1 else ''}, "
            f"{d.usage.get('total_tokens', 0):,} tokens{price}")


def draft_one(documents: list[Document], flags: LLMFlags, as_json: bool) -> Packet | None:
    """One packet through the model; None after a dry run. The key is checked before the budget."""
    from drafter.extract.faults import no_key_error

    ex = flags.extractor()
    plan = ex.plan(documents)
    cached = ex.is_cached(documents, plan)
    if flags.dry_run:
        print_estimates(ex, [estimate(documents[0].path, plan, cached)], as_json)
        return None
    if not ex.key:
        raise no_key_error()
    ex.check_budget([] if cached else [plan])
    drafted = ex.draft(documents, plan)
    typer.echo(cost_line(drafted, ex), err=True)
    return drafted.packet
