"""The prompt as data: a versioned folder under `prompts/`, turned into messages and a response model.

`prompts/llm-v1/` holds the system prompt, the user message template, per-field guidance
(which becomes the JSON schema's descriptions, the part of the prompt instructor sends as the
tool definition) and the checks' wording. Changing any of them means a new version folder, so
cached answers and recorded provenance always name the prompt that produced them.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, create_model, model_validator
from pydantic import Field as PydField

from drafter.errors import DrafterError
from drafter.fields import FIELD_IDS

DEFAULT_PROMPT = "llm-v1"


@dataclass(frozen=True)
class Prompt:
    """One prompt version, loaded from its folder."""

    version: str
    system: str
    user: str
    schema: dict[str, str]
    fields: dict[str, str]
    checks: dict[str, Any]

    def message(self, name: str, **values: Any) -> str:
        """A check's wording for the model (`[messages]`) or the reviewer (`[notes]`)."""
        table, _, key = name.partition(".")
        return str(self.checks[table][key]).format(**values)

    def notes_block(self, path: str, text: str) -> str:
        """Notes wrapped in delimiters the notes cannot forge: the id is a hash of their own text."""
        tag = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        return f"<<<NOTES {tag}>>> source: {path}\n{text}\n<<<END NOTES {tag}>>>"

    def messages(self, blocks: list[str], part: tuple[int, int] | None = None) -> list[dict[str, str]]:
        """The chat messages for one request: the system prompt, then the delimited notes."""
        note = ""
        if part:
            note = (f" This is part {part[0]} of {part[1]} of a long document: draft only from this part and "
                    "set fields it does not cover to null.")
        user = self.user.format(part=note, notes="\n\n".join(blocks))
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


def _read(version: str, name: str) -> str:
    path = resources.files("drafter").joinpath("data", "prompts", version, name)
    try:
        return path.read_text("utf-8")
    except (FileNotFoundError, NotADirectoryError) as e:
        raise DrafterError(f"prompt {version!r} not found (no prompts/{version}/{name})") from e


@cache
def load_prompt(version: str = DEFAULT_PROMPT) -> Prompt:
    """Read a prompt version shipped in the package (`prompts/` is `drafter/data/prompts`)."""
    fields_toml = tomllib.loads(_read(version, "fields.toml"))
    missing = [fid for fid in FIELD_IDS if fid not in fields_toml["fields"]]
    if missing:
        raise DrafterError(f"prompt {version!r} has no guidance for {', '.join(missing)}")
    return Prompt(
        version=version,
        system=_read(version, "system.md").strip(),
        user=_read(version, "user.md").strip(),
        schema=fields_toml["schema"],
        fields=fields_toml["fields"],
        checks=tomllib.loads(_read(version, "checks.toml")),
    )


@cache
def response_model(version: str = DEFAULT_PROMPT) -> type[BaseModel]:
    """The pydantic model the model fills: eleven fields, each a value and its verbatim quotes.

    Its validator checks the answer against the notes in `answer.DOCUMENTS` (or pydantic's
    validation context `{"documents": [...]}`); a failure's message is what instructor sends back
    to the model. Without notes (e.g. when only the schema is wanted) it checks nothing.
    """
    prompt = load_prompt(version)
    proposal = create_model(
        "Proposal",
        __config__=ConfigDict(extra="ignore"),
        value=(str | None, PydField(description=prompt.schema["value"])),
        quotes=(list[str], PydField(description=prompt.schema["quotes"])),
    )

    def _grounded(self: BaseModel, info: ValidationInfo) -> BaseModel:
        from drafter.extract.answer import CHECKED, DOCUMENTS, check_answer

        docs = (info.context or {}).get("documents") or DOCUMENTS.get()
        if docs is None:
            return self

        checked = check_answer(self.model_dump(), docs, prompt)
        if checked.problems:
            raise ValueError(checked.retry_message(prompt))
        CHECKED.set((id(self), checked))  # only accepted answers: an id is reused once its object is gone
        return self

    definitions: dict[str, Any] = {
        fid: (proposal, PydField(description=prompt.fields[fid])) for fid in FIELD_IDS
    }
    definitions["classification"] = (
        Literal["partner-sourced", "partner-influenced"] | None,
        PydField(description=prompt.schema["classification"]),
    )
    return create_model(  # type: ignore[call-overload,no-any-return]
        prompt.schema["name"],
        __doc__=prompt.schema["description"],
        __config__=ConfigDict(extra="ignore"),
        __validators__={"_grounded": model_validator(mode="after")(_grounded)},  # type: ignore[dict-item]
        **definitions,
    )


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(defs[ref.rsplit("/", 1)[1]], defs), **rest}
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def schema_text(version: str = DEFAULT_PROMPT, inline: bool = False) -> str:
    """The schema as sent beside the messages, for counting its tokens.

    `inline`: with references expanded, as instructor sends it to the Responses API (strict
    mode does not accept a `$ref` with a description beside it).
    """
    model = response_model(version)
    schema = model.model_json_schema()
    if inline:
        schema = _inline(schema, schema.get("$defs", {}))
    tool = {"name": model.__name__, "description": model.__doc__, "parameters": schema}
    return json.dumps(tool, separators=(",", ":"))
