"""The packet: the single definition of a co-sell handoff, shared by every command and format."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator
from pydantic import Field as PydField

from drafter.fields import FIELD_IDS, field_for_title

SCHEMA_VERSION = 1

Status = Literal["proposed", "confirmed", "edited", "rejected", "missing"]
Classification = Literal["partner-sourced", "partner-influenced"]
DECIDED: frozenset[str] = frozenset({"confirmed", "edited"})


def value_hash(value: str | None) -> str:
    """Hash kept at decision time so export can tell a value changed outside review."""
    return hashlib.sha256((value or "").encode("utf-8")).hexdigest()


class Evidence(BaseModel):
    """A verbatim span of a source: `source_text[start:end] == quote`."""

    model_config = ConfigDict(extra="ignore")

    source: str
    quote: str
    start: int = PydField(ge=0)
    end: int = PydField(ge=0)
    speaker: str | None = None
    time: str | None = None
    line: int | None = None

    @model_validator(mode="after")
    def _span_matches(self, info: ValidationInfo) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError(f"span {self.start}:{self.end} does not have the length of its quote")
        texts = (info.context or {}).get("source_texts") if info else None
        if texts and self.source in texts and texts[self.source][self.start:self.end] != self.quote:
            raise ValueError(f"quote is not the text of {self.source} at {self.start}:{self.end}")
        return self


class Field(BaseModel):
    """One of the eleven fields: a value, where it came from, and who stood behind it."""

    model_config = ConfigDict(extra="ignore")

    value: str | None = None
    status: Status = "missing"
    evidence: list[Evidence] = PydField(default_factory=list)
    confidence: float | None = PydField(default=None, ge=0, le=1)
    note: str | None = None
    alternatives: list[str] = PydField(default_factory=list)
    decided_by: str | None = None
    decided_at: datetime | None = None
    decided_hash: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _strip(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = v.strip()
            return v or None
        return v

    @model_validator(mode="after")
    def _status_follows_value(self) -> Field:
        if self.value is None and self.status in ("proposed", "confirmed", "edited"):
            self.status = "missing"
        elif self.value is not None and self.status == "missing":
            self.status = "proposed"
        return self

    @property
    def is_missing(self) -> bool:
        return self.value is None


class Source(BaseModel):
    model_config = ConfigDict(extra="ignore")

    path: str
    kind: str
    sha256: str
    date: str | None = None


class Decision(BaseModel):
    """One reviewer decision, kept in the packet's history."""

    field: str
    action: Literal["accept", "edit", "reject"]
    reviewer: str
    at: datetime
    before: str | None = None
    after: str | None = None


def _coerce_field(v: Any) -> Any:
    if v is None or isinstance(v, str):
        return {"value": v, "status": "proposed"}
    return v


class Packet(BaseModel):
    """A handoff packet. All eleven fields are always present, in template order."""

    model_config = ConfigDict(extra="ignore")

    schema_version: int = SCHEMA_VERSION
    id: str | None = None
    title: str | None = None
    classification: Classification | None = None
    fields: dict[str, Field] = PydField(default_factory=dict)
    sources: list[Source] = PydField(default_factory=list)
    history: list[Decision] = PydField(default_factory=list)
    metadata: dict[str, Any] = PydField(default_factory=dict)
    extra_sections: dict[str, str] = PydField(default_factory=dict)
    provenance: dict[str, Any] = PydField(default_factory=dict)

    @field_validator("fields", mode="before")
    @classmethod
    def _known_fields_in_order(cls, v: Any) -> Any:
        if v is None:
            v = {}
        if not isinstance(v, dict):
            raise ValueError("'fields' must be an object keyed by field id")
        out: dict[str, Any] = {}
        for key, item in v.items():
            fid = field_for_title(str(key))
            if fid is None:
                raise ValueError(f"unknown field {key!r}")
            out[fid] = _coerce_field(item)
        return {fid: out.get(fid, {}) for fid in FIELD_IDS}

    @field_validator("classification", mode="before")
    @classmethod
    def _classification(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = v.strip().lower().replace(" ", "-").replace("_", "-")
            return v or None
        return v

    @classmethod
    def from_values(cls, values: dict[str, str | None], **kw: Any) -> Packet:
        """A packet from plain field texts (by id or title), each `proposed` or `missing`."""
        return cls.model_validate({"fields": dict(values), **kw})

    def value(self, fid: str) -> str:
        return self.fields[fid].value or ""

    def values(self) -> dict[str, str | None]:
        return {fid: f.value for fid, f in self.fields.items()}

    def undecided(self) -> list[str]:
        """Fields a reviewer has not confirmed or edited, in template order."""
        return [fid for fid, f in self.fields.items() if f.status not in DECIDED]

    def check_evidence(self, source_texts: dict[str, str]) -> list[str]:
        """Problems with evidence spans against the given source texts (empty when all hold)."""
        problems = []
        for fid, f in self.fields.items():
            for ev in f.evidence:
                text = source_texts.get(ev.source)
                if text is not None and text[ev.start:ev.end] != ev.quote:
                    problems.append(f"{fid}: quote not found at {ev.source}:{ev.start}-{ev.end}")
        return problems
