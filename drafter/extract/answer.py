"""From a model's answer to fields drafter can keep: every quote located, every value supported.

`check_answer` is pure and used twice: inside the response model's validator (its problems go
back to the model through instructor's retry) and after retries are spent, on the last answer,
where each field that still fails becomes `missing` with a note. Nothing ungrounded is kept.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from drafter.extract.grounding import evidences, fold, locate
from drafter.extract.support import unsupported_terms
from drafter.fields import FIELD_IDS
from drafter.packet import Evidence

if TYPE_CHECKING:
    from drafter.extract.prompting import Prompt
    from drafter.ingest.document import Document

CLASSIFICATIONS = ("partner-sourced", "partner-influenced")

# The notes the answer being validated must quote. A context variable rather than instructor's
# `context=`, because instructor renders messages as Jinja templates when given a context, and
# notes containing "{{" would be rewritten or fail. Each asyncio task sees its own value.
DOCUMENTS: ContextVar[list[Document] | None] = ContextVar("drafter_documents", default=None)
# The validator's last result, so the caller does not check an accepted answer twice.
CHECKED: ContextVar[tuple[int, Checked] | None] = ContextVar("drafter_checked", default=None)


@dataclass
class Proposed:
    """One field as checked: a kept value with its evidence, or None and why it was dropped."""

    value: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    problem: str | None = None  # why it was dropped, in words for the model (sent back on retry)
    reason: str | None = None  # the same, in words for the reviewer (the field's note)


@dataclass
class Checked:
    fields: dict[str, Proposed]
    classification: str | None
    problems: list[str]

    def retry_message(self, prompt: Prompt) -> str:
        return prompt.message("messages.intro") + "\n" + "\n".join(f"- {p}" for p in self.problems)


class Locator:
    """Locates quotes across a packet's sources, folding each text once."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = docs
        self._folded: dict[int, tuple[str, list[int]]] = {}

    def find(self, quote: str) -> list[Evidence] | None:
        """Where a quote stands: its evidence (several records where an email's markup cuts it)."""
        for i, doc in enumerate(self.docs):
            if i not in self._folded:
                self._folded[i] = fold(doc.text)
            span = locate(quote, doc.text, folded=self._folded[i])
            if span:
                return evidences(doc, span.start, span.end) or None
        return None


def _short(quote: str, limit: int = 120) -> str:
    return quote if len(quote) <= limit else quote[: limit - 3] + "..."


def check_field(fid: str, item: Any, locator: Locator, prompt: Prompt) -> Proposed:
    """One field of an answer against the notes."""
    checks = prompt.checks

    def fail(name: str, **values: Any) -> Proposed:
        return Proposed(problem=prompt.message(f"messages.{name}", field=fid, **values),
                        reason=prompt.message(f"reasons.{name}", **values))

    if item is None:
        return Proposed()
    if (not isinstance(item, dict) or not isinstance(item.get("value"), str | None)
            or not isinstance(item.get("quotes", []), list)
            or not all(isinstance(q, str) for q in item.get("quotes", []))):
        return fail("bad_shape")
    value = (item.get("value") or "").strip()
    if not value:
        return Proposed()
    limit = int(checks["max_value_chars"])
    if len(value) > limit:
        return fail("too_long", length=len(value), limit=limit)
    quotes = [q.strip() for q in item.get("quotes", []) if len(q.strip()) >= int(checks["min_quote_chars"])]
    if not quotes:
        return fail("no_quotes")
    evidence: list[Evidence] = []
    for quote in quotes:
        found = locator.find(quote)
        if found is None:
            skips = "..." in quote or "\u2026" in quote
            return fail("quote_ellipsis" if skips else "quote_missing", quote=_short(quote))
        for ev in found:
            if not any((e.source, e.start, e.end) == (ev.source, ev.start, ev.end) for e in evidence):
                evidence.append(ev)
    missing = unsupported_terms(value, [e.quote for e in evidence], checks["support"]["allowed"])
    if missing:
        return fail("unsupported", terms=", ".join(repr(t) for t in missing[:6]))
    return Proposed(value=value, evidence=evidence)


def check_answer(data: Any, docs: list[Document], prompt: Prompt) -> Checked:
    """Every field of an answer (a dict as the model sent it) checked against the notes."""
    if not isinstance(data, dict):
        unreadable = Proposed(problem=prompt.message("messages.unreadable"),
                              reason=prompt.message("reasons.unreadable"))
        return Checked({fid: unreadable for fid in FIELD_IDS}, None, [prompt.message("messages.unreadable")])
    locator = Locator(docs)
    fields = {fid: check_field(fid, data.get(fid), locator, prompt) for fid in FIELD_IDS}
    problems = [p.problem for p in fields.values() if p.problem]
    classification = data.get("classification")
    if classification not in CLASSIFICATIONS or fields["account"].value is None:
        classification = None
    return Checked(fields, classification, problems)


def parse_raw(text: str | None) -> Any:
    """The JSON object in a model's raw answer (a tool call's arguments, or a message that wraps
    JSON in prose or a code fence), or None when there is none."""
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        try:
            return json.loads(text[start:end + 1])
        except json.JSONDecodeError:
            return None
    return None


def raw_answer(completion: Any) -> str | None:
    """The text of the model's answer in a chat completion or a Responses API response."""
    choices = getattr(completion, "choices", None)
    if choices:
        message = choices[0].message
        calls = getattr(message, "tool_calls", None) or []
        if calls:
            return str(calls[0].function.arguments)
        return getattr(message, "content", None)
    for item in getattr(completion, "output", None) or []:
        if getattr(item, "type", None) == "function_call":
            return str(item.arguments)
    return getattr(completion, "output_text", None)
