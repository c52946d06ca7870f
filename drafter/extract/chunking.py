"""Fitting notes into a model's context: count first, then pack documents or split them by tokens.

Every request carries the fixed prompt (system prompt and schema), the notes, and room for the
answer. Notes that fit go in one request (several short documents share it); a document that
does not fit is split into chunks of whole lines with some overlap, so a fact cut at a boundary
is whole in one of the two neighbours. Chunks are character spans of the source text, so quotes
found in a chunk are located in the full text as usual.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.extract.prompting import Prompt, schema_text
from drafter.extract.tokens import ModelInfo, count, count_messages, encoding

if TYPE_CHECKING:
    import tiktoken

    from drafter.ingest.document import Document

SAFETY_MARGIN = 64  # tokens kept free for counting differences between us and the server
PART_NOTE = 48  # the sentence telling the model which part of a long document it reads


@dataclass(frozen=True)
class Piece:
    """Characters `start:end` of document `doc` (an index into the packet's sources)."""

    doc: int
    start: int
    end: int


@dataclass
class Request:
    pieces: list[Piece]
    part: tuple[int, int] | None  # (i, n) when this request holds chunk i of n of one document
    tokens: int = 0  # prompt tokens, counted

    def messages(self, docs: list[Document], prompt: Prompt) -> list[dict[str, str]]:
        blocks = [prompt.notes_block(docs[p.doc].path, docs[p.doc].text[p.start:p.end]) for p in self.pieces]
        return prompt.messages(blocks, self.part)


@dataclass
class Plan:
    """What drafting these notes will send: the requests and their token counts, before any call."""

    model: ModelInfo
    overhead: int  # the fixed prompt: instructions plus schema
    output_tokens: int  # the answer's allowance per request
    requests: list[Request] = field(default_factory=list)

    @property
    def input_tokens(self) -> int:
        return sum(r.tokens for r in self.requests)

    @property
    def notes_tokens(self) -> int:
        return self.input_tokens - self.overhead * len(self.requests)

    @property
    def max_cost(self) -> float | None:
        """Estimated US dollars if every answer used its whole allowance; None without a price."""
        return self.model.cost(self.input_tokens, self.output_tokens * len(self.requests))


def split_by_tokens(text: str, enc: tiktoken.Encoding, size: int, overlap: int) -> list[tuple[int, int]]:
    """Character spans of at most about `size` tokens, cut after a line (or a space) where possible,
    each starting about `overlap` tokens before the previous one ends."""
    tokens = enc.encode(text, disallowed_special=())
    if len(tokens) <= size:
        return [(0, len(text))]
    offsets = enc.decode_with_offsets(tokens)[1] + [len(text)]
    overlap = min(overlap, size // 2)
    spans: list[tuple[int, int]] = []
    first, start = 0, 0
    while True:
        last = first + size
        if last >= len(tokens):
            spans.append((start, len(text)))
            return spans
        hard = offsets[last]
        floor = start + (hard - start) // 2
        cut = text.rfind("\n", floor, hard)
        if cut < 0:
            cut = max(text.rfind(" ", floor, hard), text.rfind("\t", floor, hard))
        end = cut + 1 if cut >= 0 else hard
        spans.append((start, end))
        end_token = bisect.bisect_right(offsets, end) - 1
        nxt = max(end_token - overlap, first + 1)
        line = text.rfind("\n", start + 1, offsets[nxt])
        new_start = line + 1 if line >= 0 and line + 1 > start else offsets[nxt]
        start = max(new_start, start + 1)
        first = max(bisect.bisect_left(offsets, start), first + 1)


def plan_requests(docs: list[Document], prompt: Prompt, model: ModelInfo, output_tokens: int,
                  overlap: int = 200, inline_schema: bool = False) -> Plan:
    """Count the prompt and the notes, then pack them into as few requests as the context allows."""
    enc = encoding(model.encoding)
    schema = schema_text(prompt.version, inline=inline_schema)
    overhead = count_messages(prompt.messages([]), enc, schema)
    budget = model.context_window - overhead - output_tokens - SAFETY_MARGIN
    if budget < 256:
        raise DrafterError(
            f"the context window of {model.name} ({model.context_window:,} tokens) leaves no room for notes after "
            f"the prompt ({overhead:,}) and the answer ({output_tokens:,}); set context_window or output_tokens")
    plan = Plan(model=model, overhead=overhead, output_tokens=output_tokens)

    def size(piece: Piece) -> int:
        d = docs[piece.doc]
        return count(prompt.notes_block(d.path, d.text[piece.start:piece.end]), enc) + 2

    current: list[Piece] = []
    used = 0
    for i, doc in enumerate(docs):
        whole = Piece(i, 0, len(doc.text))
        need = size(whole)
        if need <= budget - used:
            current.append(whole)
            used += need
            continue
        if current:
            plan.requests.append(Request(current, None))
            current, used = [], 0
        if need <= budget:
            current, used = [whole], need
            continue
        frame = size(Piece(i, 0, 0))
        spans = split_by_tokens(doc.text, enc, budget - frame - PART_NOTE, overlap)
        for k, (s, e) in enumerate(spans, 1):
            plan.requests.append(Request([Piece(i, s, e)], (k, len(spans))))
    if current:
        plan.requests.append(Request(current, None))
    for r in plan.requests:
        r.tokens = count_messages(r.messages(docs, prompt), enc, schema)
    return plan
