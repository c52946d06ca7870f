"""The LLM backend: instructor over any OpenAI-compatible endpoint, held to the notes like the offline one.

For each packet: plan the requests (count tokens, split notes that do not fit), refuse if over
budget, answer from the cache when the same notes were drafted before, else ask the model with
the response model of `prompting`, whose validator sends ungrounded quotes and unsupported values
back with the reason. When those retries are spent the last answer is checked once more and each
field that still fails becomes `missing` with a note. openai and instructor are imported here
only, inside functions, so the CLI starts fast.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from drafter import __version__
from drafter.config import LLMSettings, api_key, cache_dir, config_path
from drafter.errors import DrafterError, UsageError
from drafter.extract.answer import CHECKED, DOCUMENTS, check_answer, parse_raw, raw_answer
from drafter.extract.cache import ResponseCache, cache_key
from drafter.extract.chunking import Plan, Request, plan_requests
from drafter.extract.faults import api_error, no_key_error, quiet_logs, service_error
from drafter.extract.merge import Answer, merge_answers
from drafter.extract.prompting import DEFAULT_PROMPT, load_prompt, response_model, schema_text
from drafter.extract.tokens import model_info
from drafter.packet import SCHEMA_VERSION, Packet, Source

if TYPE_CHECKING:
    from drafter.ingest.document import Document

MODES = {"tools": "TOOLS", "json_schema": "JSON_SCHEMA", "json": "JSON", "md_json": "MD_JSON",
         "responses": "RESPONSES_TOOLS"}
_OPENAI_HOSTS = ("api.openai.com", ".openai.azure.com")


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, response: Any) -> None:
        u = getattr(response, "usage", None)
        if u is None:
            return
        self.prompt_tokens += int(getattr(u, "prompt_tokens", None) or getattr(u, "input_tokens", None) or 0)
        self.completion_tokens += int(getattr(u, "completion_tokens", None) or getattr(u, "output_tokens", None) or 0)

    def as_dict(self) -> dict[str, int]:
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens}


@dataclass
class Drafted:
    """A drafted packet and what drafting it cost now (nothing when it came from the cache)."""

    packet: Packet
    requests: int
    cached: bool
    usage: dict[str, int] = field(default_factory=dict)


class LLMExtractor:
    """Drafts packets through a model. One instance per command; `draft`/`draft_many` run the calls."""

    def __init__(self, settings: LLMSettings, key: str | None = None, prompt_version: str = DEFAULT_PROMPT) -> None:
        self.settings = settings
        self.key = key if key is not None else api_key()
        self.prompt = load_prompt(prompt_version)
        self.model = model_info(settings.model, settings.models, settings.context_window)
        self.cache = ResponseCache(cache_dir()) if settings.cache else None
        self.endpoint = (urlsplit(settings.base_url).hostname or "server") if settings.base_url else "api.openai.com"
        self._client: Any = None
        self._semaphore: asyncio.Semaphore | None = None

    # -- before any call -------------------------------------------------------------------------

    def plan(self, docs: list[Document]) -> Plan:
        s = self.settings
        return plan_requests(docs, self.prompt, self.model, s.output_tokens, s.chunk_overlap,
                             inline_schema=s.mode == "responses")

    def cache_key(self, docs: list[Any], plan: Plan) -> str:
        s = self.settings
        return cache_key({
            "sources": [d.sha256 for d in docs],
            "requests": [[(p.doc, p.start, p.end) for p in r.pieces] for r in plan.requests],
            "prompt": self.prompt.version,
            "schema": hashlib.sha256(schema_text(self.prompt.version).encode()).hexdigest()[:16],
            "packet_schema": SCHEMA_VERSION,
            "model": s.model, "endpoint": s.base_url or "api.openai.com", "mode": s.mode,
        })

    def is_cached(self, docs: list[Any], plan: Plan) -> bool:
        hit = self.cache.get(self.cache_key(docs, plan)) if self.cache else None
        return bool(hit) and len(hit["answers"]) == len(plan.requests)  # type: ignore[index]

    def check_budget(self, plans: list[Plan]) -> None:
        """Refuse before spending when the plans (the ones not cached) exceed a token or cost cap."""
        s = self.settings
        tokens = sum(p.input_tokens for p in plans)
        if s.max_tokens is not None and tokens > s.max_tokens:
            raise UsageError(f"refused: the notes need {tokens:,} input tokens, over the limit of {s.max_tokens:,} "
                             "(--max-tokens); nothing was sent")
        if s.max_cost is None or not plans:
            return
        costs = [p.max_cost for p in plans]
        if any(c is None for c in costs):
            raise UsageError(f"refused: no price known for {s.model}, so --max-cost cannot be checked; add "
                             f'[models."{s.model}"] input_per_mtok/output_per_mtok to {config_path()}')
        total = sum(c for c in costs if c is not None)
        if total > s.max_cost:
            raise UsageError(f"refused: the estimated cost, up to ${total:.4f}, is over the cap of ${s.max_cost:.4f} "
                             "(--max-cost); nothing was sent")

    # -- calls -----------------------------------------------------------------------------------

    def _limit(self) -> dict[str, int]:
        n = self.settings.output_tokens
        if self.settings.mode == "responses":
            return {"max_output_tokens": n}
        host = self.endpoint
        if host == "api.openai.com" or host.endswith(_OPENAI_HOSTS[1]):
            return {"max_completion_tokens": n}
        return {"max_tokens": n}

    async def _open(self, stack: AsyncExitStack) -> None:
        if not self.key:
            raise no_key_error()
        import instructor
        import openai

        quiet_logs(self.key)
        raw = openai.AsyncOpenAI(api_key=self.key, base_url=self.settings.base_url, timeout=self.settings.timeout,
                                 max_retries=self.settings.max_retries)
        stack.push_async_callback(raw.close)
        self._client = instructor.from_openai(raw, mode=getattr(instructor.Mode, MODES[self.settings.mode]))
        self._semaphore = asyncio.Semaphore(self.settings.concurrency)

    async def _ask(self, request: Request, docs: list[Document]) -> tuple[Answer, Any, Usage]:
        """One request: the checked answer, the raw answer data (for the cache) and the usage."""
        from instructor.core import Hooks, IncompleteOutputException, InstructorRetryException

        usage, calls = Usage(), [0]
        hooks = Hooks()
        hooks.on("completion:kwargs", lambda *a, **k: calls.__setitem__(0, calls[0] + 1))
        hooks.on("completion:response", usage.add)
        s = self.settings
        token = DOCUMENTS.set(docs)
        CHECKED.set(None)
        try:
            assert self._semaphore is not None
            async with self._semaphore:
                result = await self._client.create(
                    model=s.model, response_model=response_model(self.prompt.version),
                    messages=request.messages(docs, self.prompt), max_retries=s.validation_retries,
                    hooks=hooks, **self._limit())
            data = result.model_dump()
            last = CHECKED.get()
            checked = last[1] if last and last[0] == id(result) else check_answer(data, docs, self.prompt)
            return Answer(checked, calls[0]), data, usage
        except InstructorRetryException as e:
            err = api_error(e)
            if err is not None:
                raise self._failure(err) from None
            data = parse_raw(raw_answer(e.last_completion))
            attempts = calls[0] or int(e.n_attempts or 0)
            checked = check_answer(data, docs, self.prompt)
            return Answer(checked, attempts, failed=True, unreadable=not isinstance(data, dict)), data, usage
        except IncompleteOutputException:
            raise DrafterError(f"{self.endpoint}: the answer was cut off at {s.output_tokens:,} tokens; raise "
                               f"output_tokens in {config_path()}") from None
        except DrafterError:
            raise
        except Exception as e:
            err = api_error(e)
            if err is None:
                raise
            raise self._failure(err) from None
        finally:
            DOCUMENTS.reset(token)

    def _failure(self, err: Any) -> DrafterError:
        s = self.settings
        return service_error(err, self.endpoint, s.model, s.max_retries, s.timeout, self.key)

    async def _draft(self, docs: list[Document], plan: Plan | None = None) -> Drafted:
        plan = plan or self.plan(docs)
        key = self.cache_key(docs, plan)
        hit = self.cache.get(key) if self.cache else None
        if hit and len(hit["answers"]) == len(plan.requests):
            answers = []
            for data, attempts in zip(hit["answers"], hit.get("attempts") or [1] * len(hit["answers"]), strict=False):
                checked = check_answer(data, docs, self.prompt)
                answers.append(Answer(checked, attempts, failed=bool(checked.problems)))
            return self._drafted(docs, plan, answers, hit.get("usage") or {}, requests=0, cached=True)
        results = await asyncio.gather(*(self._ask(r, docs) for r in plan.requests))
        answers = [a for a, _, _ in results]
        usage = Usage()
        for _, _, u in results:
            usage.prompt_tokens += u.prompt_tokens
            usage.completion_tokens += u.completion_tokens
        if self.cache and all(isinstance(data, dict) for _, data, _ in results):
            self.cache.put(key, [data for _, data, _ in results], [a.attempts for a in answers], usage.as_dict())
        return self._drafted(docs, plan, answers, usage.as_dict(), requests=sum(a.attempts for a in answers),
                             cached=False)

    def _drafted(self, docs: list[Any], plan: Plan, answers: list[Answer], usage: dict[str, int],
                 requests: int, cached: bool) -> Drafted:
        fields, classification = merge_answers(answers, self.prompt)
        s = self.settings
        cost = self.model.cost(usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0))
        provenance = {
            "backend": "openai", "drafter": __version__, "model": s.model, "endpoint": self.endpoint, "mode": s.mode,
            "prompt_version": self.prompt.version, "schema_version": SCHEMA_VERSION,
            "requests": requests, "chunks": len(plan.requests), "attempts": [a.attempts for a in answers],
            "usage": usage, "estimated_cost_usd": round(cost, 6) if cost is not None else None,
            "cached": cached, "drafted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        packet = Packet(
            classification=classification, fields=fields,  # type: ignore[arg-type]  # checked in answer.py
            sources=[Source(path=d.path, kind=d.kind, sha256=d.sha256, date=getattr(d, "date", None)) for d in docs],
            provenance=provenance,
        )
        return Drafted(packet, requests, cached, usage)

    # -- entry points ----------------------------------------------------------------------------

    async def draft_many_async(self, items: list[tuple[str, list[Document]]],
                               on_done: Callable[[str, Drafted | DrafterError], None] | None = None,
                               plans: list[Plan] | None = None) -> list[Drafted | DrafterError]:
        """Draft each (name, documents) item; requests run at most `concurrency` at a time.

        A failure is returned in place of its packet (and passed to `on_done`), so one bad file
        does not stop the others. `plans`, when given, are the items' plans already made.
        """
        async with AsyncExitStack() as stack:
            await self._open(stack)

            async def one(name: str, docs: list[Document], plan: Plan | None) -> Drafted | DrafterError:
                try:
                    result: Drafted | DrafterError = await self._draft(docs, plan)
                except DrafterError as e:
                    result = e
                if on_done:
                    on_done(name, result)
                return result

            given: list[Plan | None] = list(plans) if plans else [None] * len(items)
            return list(await asyncio.gather(*(one(n, d, p) for (n, d), p in zip(items, given, strict=True))))

    def draft_many(self, items: list[tuple[str, list[Document]]],
                   on_done: Callable[[str, Drafted | DrafterError], None] | None = None,
                   plans: list[Plan] | None = None) -> list[Drafted | DrafterError]:
        return asyncio.run(self.draft_many_async(items, on_done, plans))

    def draft(self, docs: list[Document], plan: Plan | None = None) -> Drafted:
        """One packet from its notes; errors are raised."""
        result = self.draft_many([(docs[0].path if docs else "", docs)], plans=[plan] if plan else None)[0]
        if isinstance(result, DrafterError):
            raise result
        return result


def draft(documents: list[Document], *, today: date | None = None, settings: LLMSettings | None = None) -> Packet:
    """The `openai` backend of the registry: settings from the config file and the environment."""
    from drafter.config import load_settings

    return LLMExtractor(settings or load_settings()).draft(documents).packet
