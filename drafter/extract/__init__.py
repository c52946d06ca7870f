"""Extraction backends: each turns notes (Documents) into a draft Packet.

A small registry so a backend can be plugged in without touching the CLI: a backend is a
"module:function" path whose function takes `(documents, *, today=None)` and returns a Packet.
`offline` is the embedded default; `openai` drafts through any OpenAI-compatible endpoint.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from drafter.errors import UsageError

if TYPE_CHECKING:
    from drafter.ingest.document import Document
    from drafter.packet import Packet

Backend = Callable[..., "Packet"]

BACKENDS: dict[str, str | None] = {
    "offline": "drafter.extract.offline:draft",
    "openai": "drafter.extract.llm:draft",
}


def register_backend(name: str, target: str) -> None:
    """Make `name` available as `--backend name`; target is "package.module:function"."""
    BACKENDS[name] = target


def available(name: str) -> bool:
    return BACKENDS.get(name) is not None


def default_backend() -> str:
    """`openai` when OPENAI_API_KEY is set and that backend is installed, else `offline`."""
    return "openai" if os.environ.get("OPENAI_API_KEY") and available("openai") else "offline"


def get_backend(name: str) -> Backend:
    if name not in BACKENDS:
        raise UsageError(f"unknown backend {name!r}; choose one of: {', '.join(sorted(BACKENDS))}")
    target = BACKENDS[name]
    if target is None:
        raise UsageError(f"backend {name!r} is not available yet; use --backend offline")
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


def draft(documents: list[Document], backend: str | None = None, *, today: date | None = None) -> Packet:
    """Draft a packet from notes with the named backend (default: see `default_backend`)."""
    return get_backend(backend or default_backend())(documents, today=today)
