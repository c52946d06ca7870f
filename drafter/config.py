"""Settings for the model backend: defaults, then the user's config file, then the environment, then flags.

The config file is TOML in the user's config directory (platformdirs), e.g.
`~/.config/drafter/config.toml` on Linux; `DRAFTER_CONFIG` names another file. API keys are
never read from it: a key in a file ends up in backups and screenshots, so the key comes
from `OPENAI_API_KEY` only.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafter.errors import InputError

MODES = ("tools", "json_schema", "json", "md_json", "responses")

ENV_KEY = "OPENAI_API_KEY"
ENV_BASE_URL = "OPENAI_BASE_URL"


@dataclass(frozen=True)
class LLMSettings:
    """Everything the LLM backend needs except the key; every value can come from the config file."""

    model: str = "gpt-4.1-mini"
    base_url: str | None = None  # None: the openai client's default (api.openai.com)
    mode: str = "tools"
    timeout: float = 60.0  # seconds per HTTP request
    max_retries: int = 2  # HTTP retries on timeouts, 429 and 5xx, with back-off (the client's own)
    validation_retries: int = 2  # answers sent back to the model with what was wrong
    concurrency: int = 8  # documents drafted at once with --each
    output_tokens: int = 2000  # the answer's allowance: reserved in the context, capped in the request
    context_window: int | None = None  # override the model table (local models are often smaller)
    chunk_overlap: int = 200  # tokens shared by neighbouring chunks of a long document
    max_tokens: int | None = None  # refuse to draft when the input would exceed this many tokens
    max_cost: float | None = None  # refuse when the estimated cost in US dollars exceeds this
    cache: bool = True
    models: dict[str, dict[str, Any]] = field(default_factory=dict)  # extra [models."name"] entries

    def with_flags(self, **flags: Any) -> LLMSettings:
        """These settings with every flag that was given (not None) laid over them."""
        given = {k: v for k, v in flags.items() if v is not None}
        return _checked(replace(self, **given), "command line")


def config_path() -> Path:
    """Where the config file is looked for: `DRAFTER_CONFIG`, else the user's config directory."""
    env = os.environ.get("DRAFTER_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path("drafter", appauthor=False) / "config.toml"


def cache_dir() -> Path:
    """Where model answers are cached: `DRAFTER_CACHE_DIR`, else the user's cache directory."""
    env = os.environ.get("DRAFTER_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_path

    return user_cache_path("drafter", appauthor=False) / "responses"


_NUMBER = (int, float)
_TYPES: dict[str, Any] = {
    "model": str, "base_url": str, "mode": str, "timeout": _NUMBER, "max_retries": int,
    "validation_retries": int, "concurrency": int, "output_tokens": int, "context_window": int,
    "chunk_overlap": int, "max_tokens": int, "max_cost": _NUMBER, "cache": bool,
}
_SECRET_KEYS = {"api_key", "openai_api_key", "key"}


def _checked(s: LLMSettings, where: str) -> LLMSettings:
    if s.mode not in MODES:
        raise InputError(where, f"mode {s.mode!r} is not one of {', '.join(MODES)}")
    for name in ("timeout", "concurrency", "output_tokens"):
        if getattr(s, name) <= 0:
            raise InputError(where, f"{name} must be greater than 0")
    for name in ("max_retries", "validation_retries", "chunk_overlap"):
        if getattr(s, name) < 0:
            raise InputError(where, f"{name} must be 0 or more")
    if s.context_window is not None and s.context_window < 1024:
        raise InputError(where, "context_window must be at least 1024 tokens")
    return s


def _from_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read the config file ({e})") from e
    except tomllib.TOMLDecodeError as e:
        raise InputError(path, f"is not valid TOML ({e})") from e
    section = data.get("openai", {})
    if not isinstance(section, dict):
        raise InputError(path, "[openai] must be a table")
    secrets = _SECRET_KEYS & {k.lower() for k in section}
    if secrets:
        raise InputError(path, f"holds {sorted(secrets)[0]!r}; keys belong in the {ENV_KEY} environment variable")
    unknown = sorted(set(section) - set(_TYPES))
    if unknown:
        raise InputError(path, f"unknown setting {unknown[0]!r} in [openai]")
    for name, v in section.items():
        if isinstance(v, bool) != (_TYPES[name] is bool) or not isinstance(v, _TYPES[name]):
            raise InputError(path, f"{name} = {v!r} in [openai] has the wrong type")
    values = dict(section)
    models = data.get("models", {})
    if not isinstance(models, dict) or not all(isinstance(v, dict) for v in models.values()):
        raise InputError(path, '[models."name"] entries must be tables')
    values["models"] = models
    return values


def load_settings(path: Path | None = None) -> LLMSettings:
    """Defaults, then the config file's `[openai]` and `[models.*]` tables, then `OPENAI_BASE_URL`."""
    where = path or config_path()
    values = _from_file(where)
    base_url = os.environ.get(ENV_BASE_URL)
    if base_url:
        values["base_url"] = base_url
    try:
        settings = LLMSettings(**values)
    except TypeError as e:
        raise InputError(where, f"bad setting ({e})") from e
    settings = replace(settings, timeout=float(settings.timeout),
                       max_cost=None if settings.max_cost is None else float(settings.max_cost))
    return _checked(settings, str(where))


def api_key() -> str | None:
    """The key from the environment, or None; never logged, never written."""
    key = os.environ.get(ENV_KEY, "").strip()
    return key or None
