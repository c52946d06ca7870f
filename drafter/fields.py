"""The eleven fields of a handoff packet: one table, used by every reader, writer and rule."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    id: str
    number: int
    title: str
    short: str
    role: str
    aliases: tuple[str, ...] = ()


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("account", 1, "Account and opportunity", "Account and opportunity", "partner marketing",
              ("account", "opportunity", "account / opportunity", "target account")),
    FieldSpec("partner", 2, "Partner and partner contact", "Partner and contact", "alliances and channel",
              ("partner", "partner contact", "partner and contact person")),
    FieldSpec("why_partner", 3, "Why this partner matters", "Why this partner matters", "partner marketing",
              ("why partner", "why this partner", "why the partner matters", "partner standing")),
    FieldSpec("trigger", 4, "Customer trigger or use case", "Customer trigger", "partner marketing",
              ("trigger", "use case", "customer use case", "buyer trigger")),
    FieldSpec("value_prop", 5, "Joint value proposition", "Joint value proposition", "partner marketing",
              ("value proposition", "value prop", "joint value", "joint value prop")),
    FieldSpec("warm_path", 6, "Warm path or relationship context", "Warm path", "alliances and channel",
              ("relationship context", "relationship", "warm intro", "introduction path")),
    FieldSpec("seller_move", 7, "Suggested seller next move", "Seller next move", "partner marketing (AE accepts)",
              ("seller move", "seller next step", "ae next move", "suggested next move for the seller")),
    FieldSpec("partner_move", 8, "Partner next move", "Partner next move", "alliances and channel",
              ("partner move", "partner next step", "partner commitment")),
    FieldSpec("conflict", 9, "Risk and channel-conflict note", "Risk and conflict note", "alliances and channel",
              ("risk and conflict", "channel conflict", "channel-conflict note", "conflict note",
               "risk and channel conflict note", "conflict check", "risk")),
    FieldSpec("evidence", 10, "Evidence link or source", "Evidence", "partner marketing / RevOps",
              ("evidence link", "evidence source", "source", "sources", "proof")),
    FieldSpec("owner", 11, "Owner and due date", "Owner and due date", "partner marketing",
              ("owner", "owner and due", "owner / due date", "due date")),
)

FIELD_IDS: tuple[str, ...] = tuple(f.id for f in FIELDS)
BY_ID: dict[str, FieldSpec] = {f.id: f for f in FIELDS}


def normalize_title(text: str) -> str:
    """Fold a heading to the form titles are compared in: lower case, '&' as 'and', no punctuation."""
    text = text.lower().replace("&", " and ").replace("_", " ")
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in FIELDS:
        for name in (spec.id, spec.title, spec.short, *spec.aliases):
            index[normalize_title(name)] = spec.id
    return index


_TITLE_INDEX = _build_index()


def field_for_title(title: str) -> str | None:
    """The field id a column name, key or heading names exactly (any title, alias or the id), or None."""
    return _TITLE_INDEX.get(normalize_title(title))


# Headings people improvise ("Seller's next step", "Channel conflict check"): every word of
# one set must appear. Checked in order, so the specific sets come before the broad ones.
_HEADING_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (fid, frozenset(words.split()))
    for fid, words in (
        ("seller_move", "seller move"), ("seller_move", "seller step"), ("seller_move", "seller action"),
        ("seller_move", "ae move"), ("seller_move", "ae step"), ("seller_move", "ae action"),
        ("seller_move", "sales move"), ("seller_move", "sales step"),
        ("partner_move", "partner move"), ("partner_move", "partner step"), ("partner_move", "partner action"),
        ("partner_move", "partner commitment"), ("partner_move", "partner commits"),
        ("why_partner", "why partner"), ("why_partner", "partner matters"), ("why_partner", "partner standing"),
        ("conflict", "conflict"), ("conflict", "registration"), ("conflict", "credit"),
        ("evidence", "evidence"), ("evidence", "proof"),
        ("owner", "owner"), ("owner", "due date"), ("owner", "response window"),
        ("warm_path", "warm"), ("warm_path", "relationship"), ("warm_path", "introduction"),
        ("trigger", "trigger"), ("trigger", "use case"), ("trigger", "customer problem"), ("trigger", "pain"),
        ("value_prop", "value"),
        ("partner", "partner contact"), ("partner", "partner person"), ("partner", "partner name"),
        ("account", "account"), ("account", "opportunity"),
    )
)


def field_for_heading(title: str) -> str | None:
    """Like `field_for_title`, then by key words for short improvised headings."""
    fid = field_for_title(title)
    if fid:
        return fid
    words = normalize_title(title).split()
    if not words or len(words) > 7:
        return None
    present = set(words) | {w.rstrip("s") for w in words}
    for fid, needed in _HEADING_WORDS:
        if needed <= present:
            return fid
    return None
