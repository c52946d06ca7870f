"""When the model service fails: one clear line for the user, and no key anywhere.

The openai client already retries timeouts, 429 and 5xx with back-off; what reaches us has
exhausted those retries. Problems the user must fix (a refused key, an unknown model, a rejected
request) exit 2 like bad input; problems that may pass (rate limits, server errors, timeouts,
no connection) raise `ServiceError` (exit 4). Every message and every log line passes `redact`.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import Any

from drafter.config import ENV_BASE_URL, ENV_KEY
from drafter.errors import DrafterError, ServiceError

_KEY_LIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{4,}|[A-Za-z0-9]{32,})\b")
_QUIET = ("instructor", "openai", "httpx", "httpx2", "httpcore", "httpcore2")


def redact(text: str, key: str | None = None) -> str:
    """`text` without the key, or anything shaped like one."""
    if key:
        text = text.replace(key, "[key]")
    return _KEY_LIKE.sub("[key]", text)


class _Redact(logging.Filter):
    def __init__(self, key: str | None) -> None:
        super().__init__()
        self.key = key

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.key)
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        return True


def quiet_logs(key: str | None) -> None:
    """Keep instructor's and the HTTP stack's logs (retry errors with tracebacks) off the terminal.

    With `DRAFTER_DEBUG=1` they go to stderr, redacted and without tracebacks.
    """
    if os.environ.get("DRAFTER_DEBUG"):
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(_Redact(key))
        level = logging.DEBUG
    else:
        handler, level = logging.NullHandler(), logging.CRITICAL
    for name in _QUIET:
        log = logging.getLogger(name)
        log.handlers = [handler]
        log.propagate = False
        log.setLevel(level)


def api_error(exc: BaseException) -> Any:
    """The openai error behind an exception (instructor wraps them), or None."""
    import openai

    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 10:
        if isinstance(cur, openai.APIError):
            return cur
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return None


def _server_message(err: Any) -> str:
    body = getattr(err, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    text = " ".join(str(message or getattr(err, "message", "") or "").split())
    return text[:160]


def service_error(err: Any, host: str, model: str, retries: int, timeout: float, key: str | None) -> DrafterError:
    """The one-line error for an openai exception that survived the client's retries."""
    import openai

    tried = f"after {retries} retr{'y' if retries == 1 else 'ies'}"
    if isinstance(err, openai.APITimeoutError):
        problem: DrafterError = ServiceError(f"{host}: no answer within {timeout:g} s {tried}; try again later")
    elif isinstance(err, openai.APIConnectionError):
        problem = ServiceError(f"{host}: cannot connect {tried}; check the server or {ENV_BASE_URL}")
    elif isinstance(err, openai.AuthenticationError):
        problem = DrafterError(f"{host} refused the API key (HTTP 401); check {ENV_KEY}")
    elif isinstance(err, openai.PermissionDeniedError):
        problem = DrafterError(f"{host}: access denied (HTTP 403) for model {model!r}")
    elif isinstance(err, openai.NotFoundError):
        problem = DrafterError(f"{host}: model {model!r} not found (HTTP 404); check --model and {ENV_BASE_URL}")
    elif isinstance(err, openai.RateLimitError):
        detail = _server_message(err)
        problem = ServiceError(f"{host}: rate limited (HTTP 429) {tried}; try again later"
                               + (f" ({detail})" if detail else ""))
    elif isinstance(err, openai.APIStatusError) and err.status_code >= 500:
        problem = ServiceError(f"{host}: server error (HTTP {err.status_code}) {tried}; try again later")
    elif isinstance(err, openai.APIStatusError):
        detail = _server_message(err)
        problem = DrafterError(f"{host} rejected the request (HTTP {err.status_code})"
                               + (f": {detail}" if detail else ""))
    else:
        problem = ServiceError(f"{host}: {type(err).__name__}")
    problem.args = (redact(str(problem), key),)
    return problem


def no_key_error() -> DrafterError:
    return DrafterError(f"no API key: set {ENV_KEY} (any value for a local server such as Ollama), "
                        "or draft without a model with --backend offline")
