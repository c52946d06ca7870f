"""Token counts and prices, offline: the BPE files ship in the package, so counting never downloads.

tiktoken's `get_encoding` fetches its rank files on first use, which fails without internet. We
build `tiktoken.Encoding` from the gzipped files in `drafter/data/tiktoken/` instead, after checking
each against tiktoken's own expected hash. Model facts (encoding, context window, price) live in
`drafter/data/models.toml`; the user's config can add or override entries.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError

if TYPE_CHECKING:
    import tiktoken

# Pattern strings and special tokens exactly as in tiktoken_ext/openai_public.py (tiktoken 0.14);
# the sha256 is of the decompressed rank file, the hash tiktoken itself expects.
_O200K_PAT = "|".join([
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""\p{N}{1,3}""",
    r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
    r"""\s*[\r\n]+""",
    r"""\s+(?!\S)""",
    r"""\s+""",
])
_CL100K_PAT = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|"""
    r"""\s+(?!\S)|\s"""
)
_ENCODINGS: dict[str, tuple[str, str, dict[str, int]]] = {
    "o200k_base": (
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        _O200K_PAT,
        {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
    ),
    "cl100k_base": (
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        _CL100K_PAT,
        {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259,
         "<|fim_suffix|>": 100260, "<|endofprompt|>": 100276},
    ),
}

# Chat formatting adds a few tokens per message and to prime the reply (OpenAI's cookbook figure).
TOKENS_PER_MESSAGE = 3
TOKENS_REPLY_PRIMING = 3


@cache
def encoding(name: str) -> tiktoken.Encoding:
    """A tiktoken encoding built from the packaged rank file; a corrupt file is an error, not a guess."""
    import tiktoken

    if name not in _ENCODINGS:
        raise DrafterError(f"unknown token encoding {name!r}; use one of {', '.join(sorted(_ENCODINGS))}")
    sha, pat_str, special = _ENCODINGS[name]
    packed = resources.files("drafter").joinpath("data", "tiktoken", f"{name}.tiktoken.gz").read_bytes()
    raw = gzip.decompress(packed)
    if hashlib.sha256(raw).hexdigest() != sha:
        raise DrafterError(f"drafter/data/tiktoken/{name}.tiktoken.gz is corrupt (hash mismatch); reinstall drafter")
    ranks = {base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in raw.splitlines() if line)}
    return tiktoken.Encoding(name, pat_str=pat_str, mergeable_ranks=ranks, special_tokens=special)


def count(text: str, enc: tiktoken.Encoding) -> int:
    """Tokens in plain text; special-token look-alikes in notes are counted as text, never as specials."""
    return len(enc.encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, str]], enc: tiktoken.Encoding, extra: str = "") -> int:
    """Prompt tokens for a chat request; `extra` is the schema or tool definition sent beside it."""
    total = TOKENS_REPLY_PRIMING + (count(extra, enc) if extra else 0)
    for m in messages:
        total += TOKENS_PER_MESSAGE + count(m["content"], enc)
    return total


@dataclass(frozen=True)
class ModelInfo:
    """What the budget needs to know about a model; prices are None when we do not know them."""

    name: str
    encoding: str
    context_window: int
    input_per_mtok: float | None
    output_per_mtok: float | None
    known: bool

    def cost(self, input_tokens: int, output_tokens: int) -> float | None:
        """Estimated US dollars, or None without a price."""
        if self.input_per_mtok is None or self.output_per_mtok is None:
            return None
        return (input_tokens * self.input_per_mtok + output_tokens * self.output_per_mtok) / 1_000_000


@cache
def _table() -> dict[str, Any]:
    text = resources.files("drafter").joinpath("data", "models.toml").read_text("utf-8")
    return tomllib.loads(text)


def model_info(model: str, overrides: dict[str, dict[str, Any]] | None = None,
               context_window: int | None = None) -> ModelInfo:
    """Facts for `model`: the config's entry, else the shipped table (exact, then longest prefix)."""
    table = _table()
    entries: dict[str, dict[str, Any]] = dict(table["models"])
    for name, entry in (overrides or {}).items():
        entries[name] = {**entries.get(name, {}), **entry}
    key = model if model in entries else None
    if key is None:
        prefixes = [k for k in entries if model.startswith(k)]
        key = max(prefixes, key=len) if prefixes else None
    entry = entries.get(key, {}) if key else {}
    default = table["default"]

    def price(name: str) -> float | None:
        return float(entry[name]) if name in entry else None

    return ModelInfo(
        name=model,
        encoding=str(entry.get("encoding", default["encoding"])),
        context_window=int(context_window or entry.get("context_window", default["context_window"])),
        input_per_mtok=price("input_per_mtok"),
        output_per_mtok=price("output_per_mtok"),
        known=key is not None,
    )
