"""JSON packets: the full model (what the tool writes) or a flat object of field texts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from drafter.errors import InputError
from drafter.fields import field_for_title
from drafter.packet import Packet

_RESERVED = {"id", "title", "classification"}


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    loc = ".".join(str(x) for x in err["loc"])
    msg = err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def split_flat(row: Mapping[str, Any], columns: Mapping[str, str] | None = None
               ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(field values by id, metadata, id/title/classification) of a flat row keyed by ids or titles."""
    values: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    special: dict[str, Any] = {}
    for key, val in row.items():
        name = (columns or {}).get(key, key)
        low = str(name).strip().lower()
        if low in _RESERVED:
            special[low] = None if val in ("", None) else str(val)
            continue
        fid = field_for_title(str(name))
        if fid:
            if val is not None and not isinstance(val, str):
                val = json.dumps(val) if isinstance(val, (dict, list)) else str(val)
            values[fid] = val
        else:
            meta[key] = val
    return values, meta, special


def packet_from_flat(row: dict[str, Any], columns: dict[str, str] | None = None) -> Packet:
    """A packet from a flat mapping whose keys are field ids or titles; other keys become metadata."""
    values, meta, special = split_flat(row, columns)
    return Packet(fields=values, metadata=meta, **special)


def packet_from_obj(obj: Any, path: str, row: int | None = None) -> Packet:
    if not isinstance(obj, dict):
        raise InputError(path, f"expected a JSON object, got {type(obj).__name__}", row)
    try:
        if "fields" in obj:
            return Packet.model_validate(obj)
        return packet_from_flat(obj)
    except ValidationError as e:
        raise InputError(path, _first_error(e), row) from e


def read_json(text: str, path: str = "<json>") -> Packet:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    return packet_from_obj(obj, path)


def write_json(packet: Packet) -> str:
    return packet.model_dump_json(indent=2, exclude_none=False) + "\n"
