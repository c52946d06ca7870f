"""A small OpenAI-compatible server on loopback, for tests, cassette recording and the benchmark.

It speaks enough of the chat-completions and Responses APIs for instructor: a forced tool call
(tools mode), a JSON message (json_schema / json modes) or a `function_call` output item
(Responses API), with usage counted by tiktoken like a real server. What it answers comes from a
responder: `Script` plays scripted steps (answers, malformed text, HTTP errors) in order;
`label_answerer` drafts a grounded answer from "Label: text" lines of the notes, which is enough
for end-to-end runs and load tests. Requests are kept (Authorization is never stored).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from drafter.extract.tokens import count, encoding
from drafter.fields import FIELD_IDS, field_for_heading


@dataclass
class Reply:
    status: int = 200
    arguments: str | None = None  # the model's answer text (tool arguments or message content)
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    finish_reason: str = "stop"  # "length": the answer was cut off at the output limit


def answer(**fields: Any) -> Reply:
    """A well-formed answer: each field given as (value, [quotes]) or None; the rest null."""
    data: dict[str, Any] = {fid: {"value": None, "quotes": []} for fid in FIELD_IDS}
    for fid, item in fields.items():
        if fid == "classification":
            data[fid] = item
        elif item is not None:
            data[fid] = {"value": item[0], "quotes": list(item[1])}
    data.setdefault("classification", None)
    return Reply(arguments=json.dumps(data))


def malformed(text: str) -> Reply:
    return Reply(arguments=text)


def status(code: int, message: str, retry_after_ms: int | None = 20) -> Reply:
    headers = {"retry-after-ms": str(retry_after_ms)} if retry_after_ms is not None else {}
    kind, code_name = ("requests", "rate_limit_exceeded") if code == 429 else ("server_error", None)
    error = {"error": {"message": message, "type": kind, "param": None, "code": code_name}}
    return Reply(status=code, headers=headers, error=json.dumps(error))


class Script:
    """Replies in order; the last one repeats when the script runs out."""

    def __init__(self, *steps: Reply) -> None:
        self.steps = list(steps)
        self._lock = threading.Lock()

    def __call__(self, path: str, body: dict[str, Any]) -> Reply:
        with self._lock:
            return self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]


_NOTES = re.compile(r"<<<NOTES (\w+)>>> source: [^\n]*\n(.*?)\n<<<END NOTES \1>>>", re.S)
_LABEL = re.compile(r"^[\s>*#-]*(?:\d+[.)]\s*)?\**([A-Za-z][A-Za-z /&'-]{1,40}?)\**\s*:\**\s*(\S.*)$")


def _user_text(body: dict[str, Any]) -> str:
    messages = body.get("messages") or body.get("input") or []
    parts = []
    for m in messages:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(c.get("text", "") for c in content if isinstance(c, dict))
    return "\n".join(parts)


def label_answerer(path: str, body: dict[str, Any]) -> Reply:
    """Answer from the notes' own labelled lines ("Trigger: ..."), quoting each line whole."""
    found: dict[str, tuple[str, list[str]]] = {}
    for match in _NOTES.finditer(_user_text(body)):
        for line in match.group(2).splitlines():
            m = _LABEL.match(line)
            if not m:
                continue
            fid = field_for_heading(m.group(1))
            text = m.group(2).strip()
            if fid and fid not in found and text and "?" not in text:
                found[fid] = (text[:600], [text])
    return answer(**found)


def _completion(path: str, body: dict[str, Any], reply: Reply, enc: Any) -> dict[str, Any]:
    prompt_tokens = count(json.dumps(body.get("messages") or body.get("input") or []), enc) + \
        count(json.dumps(body.get("tools") or body.get("response_format") or body.get("text") or {}), enc)
    out = reply.arguments or ""
    completion_tokens = count(out, enc)
    model = body.get("model", "stand-in")
    now = int(time.time())
    if path.endswith("/responses"):
        tool = (body.get("tools") or [{}])[0]
        return {
            "id": "resp_standin", "object": "response", "created_at": now, "status": "completed", "model": model,
            "output": [{"type": "function_call", "id": "fc_standin", "call_id": "call_standin",
                        "name": tool.get("name", "answer"), "arguments": out, "status": "completed"}],
            "parallel_tool_calls": False, "tool_choice": "auto", "tools": [], "error": None,
            "incomplete_details": None, "instructions": None, "metadata": {}, "temperature": 1.0, "top_p": 1.0,
            "usage": {"input_tokens": prompt_tokens, "output_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens,
                      "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
        }
    if body.get("tools"):
        name = body["tools"][0]["function"]["name"]
        message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
            {"id": "call_standin", "type": "function", "function": {"name": name, "arguments": out}}]}
    else:
        message = {"role": "assistant", "content": out, "refusal": None}
    return {
        "id": "chatcmpl-standin", "object": "chat.completion", "created": now, "model": model,
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": reply.finish_reason}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
        "system_fingerprint": "fp_standin",
    }


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default backlog of 5 stalls a burst of concurrent clients
    daemon_threads = True


class StandIn:
    """`with StandIn(responder) as server:` serves on `server.base_url` until the block ends."""

    def __init__(self, responder: Callable[[str, dict[str, Any]], Reply] = label_answerer,
                 latency: float = 0.0) -> None:
        self.responder = responder
        self.latency = latency
        self.requests: list[dict[str, Any]] = []
        self.saw_key: list[bool] = []
        self.in_flight = 0
        self.peak = 0  # most requests handled at the same time
        self._lock = threading.Lock()
        self._enc = encoding("o200k_base")
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> StandIn:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with outer._lock:
                    outer.requests.append({"path": self.path, "body": body})
                    outer.saw_key.append(bool(self.headers.get("Authorization")))
                    outer.in_flight += 1
                    outer.peak = max(outer.peak, outer.in_flight)
                if outer.latency:
                    time.sleep(outer.latency)
                reply = outer.responder(self.path, body)
                with outer._lock:
                    outer.in_flight -= 1
                if reply.status != 200:
                    payload = (reply.error or "{}").encode()
                else:
                    payload = json.dumps(_completion(self.path, body, reply, outer._enc)).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(payload)

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
