"""A cache of model answers, so drafting the same notes again costs nothing.

The key is everything that decides the answer: the sources' hashes, how they were split into
requests, the prompt version, the schema, the model, the endpoint and the mode. The value is the
model's raw answers, not the finished fields: they are checked against the notes again on every
read, so a cached answer is held to the same grounding as a fresh one. One JSON file per key in
the user's cache directory; a broken or unreadable cache entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.files import atomic_write

FORMAT = 1


def cache_key(parts: dict[str, Any]) -> str:
    """A stable hash of the key parts (any JSON-serialisable values)."""
    blob = json.dumps({"format": FORMAT, **parts}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResponseCache:
    """Answers stored as `<dir>/<key[:2]>/<key>.json`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("answers"), list):
            return None
        return data

    def put(self, key: str, answers: list[Any], attempts: list[int], usage: dict[str, int]) -> bool:
        """Store one packet's answers; False when the cache cannot be written (drafting goes on)."""
        entry = {
            "format": FORMAT, "answers": answers, "attempts": attempts, "usage": usage,
            "stored_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, json.dumps(entry, ensure_ascii=False))
        except (OSError, ValueError, DrafterError):  # atomic_write reports problems as InputError
            return False
        return True
