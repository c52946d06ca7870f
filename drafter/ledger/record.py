"""One handoff as the ledger records it, and how it is read off a packet at send time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.ledger.window import parse_window

if TYPE_CHECKING:
    from drafter.packet import Packet

COLUMNS = ("ref", "packet", "account", "partner", "contact", "seller", "classification", "evidence", "owner",
           "window_days", "verdict", "score", "scorecard_total", "failure_modes", "sent", "responded", "outcome",
           "reason", "source")

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_CLASSIFICATION = re.compile(r"\bpartner[\s-]+(sourced|influenced)\b", re.IGNORECASE)
# Where a field's leading name ends: a sentence stop, a dash, a semicolon, a colon, a bracket.
_NAME_END = re.compile(r"\.\s|\s[-\u2013\u2014]\s|[;:(]")
_NOT_AN_END = frozenset({"mr", "ms", "mrs", "dr", "st", "no", "vs", "e.g", "i.e"})
_AT = re.compile(r"^(?P<contact>.+?)\s+(?:at|from)\s+(?P<org>[A-Z][^,.;(]*)")


@dataclass
class Handoff:
    """The values a handoff row holds; dates are dates, failure modes a list of ids."""

    sent: date
    seller: str | None = None
    ref: str | None = None
    packet: str | None = None
    account: str | None = None
    partner: str | None = None
    contact: str | None = None
    classification: str | None = None
    evidence: str | None = None
    owner: str | None = None
    window_days: int | None = None
    verdict: str | None = None
    score: int | None = None
    scorecard_total: int | None = None
    failure_modes: list[str] = field(default_factory=list)
    responded: date | None = None
    outcome: str | None = None
    reason: str | None = None
    source: str = "add"


def _name_end(s: str) -> re.Match[str] | None:
    """The first name-ending mark that is not the stop of an abbreviation or an initial."""
    for m in _NAME_END.finditer(s):
        if m.group(0).startswith("."):
            word = s[: m.start()].rsplit(None, 1)[-1] if s[: m.start()].strip() else ""
            if word.lower().strip(".") in _NOT_AN_END or (len(word) == 1 and word.isupper()):
                continue
        return m
    return None


def leading_name(text: str | None) -> str | None:
    """The name a field opens with: 'Northwind Logistics. Open expansion...' -> 'Northwind Logistics'."""
    if not text:
        return None
    first = text.strip().splitlines()[0].strip()
    m = _name_end(first + " ")
    name = first[: m.start()] if m else first
    return name.strip(" .,") or None


def split_partner(text: str | None) -> tuple[str | None, str | None]:
    """(organisation, contact) from a partner field.

    'Meridian Cloud Consulting. Dana Reyes, alliances lead.' and 'Dana Reyes (alliances lead)
    at Meridian' both give ('Meridian...', 'Dana Reyes, alliances lead').
    """
    if not text:
        return None, None
    s = " ".join(text.split())
    at = _AT.match(s)
    if at:
        brk = _name_end(at.group("contact") + " ")
        if brk is None or brk.group(0) == "(":
            return at.group("org").strip(" .,"), at.group("contact").strip(" .,")
    m = _name_end(s + " ")
    if not m:
        return s.strip(" .") or None, None
    org, rest = s[: m.start()].strip(" .,"), s[m.end():].strip(" .,")
    if m.group(0) == "(":
        rest = rest.replace(")", "", 1).strip(" .,")
    return org or None, rest or None


def evidence_link(text: str | None) -> str | None:
    """The first URL in the evidence field, else the evidence text itself."""
    if not text:
        return None
    m = _URL.search(text)
    return m.group(0).rstrip(".,;:") if m else text.strip()


def grade_at_send(packet: Packet, name: str | None = None, rubric_file: str | Path | None = None,
                  priority_file: str | Path | None = None) -> dict[str, Any]:
    """The rubric's verdict, score, scorecard total and failure modes when the packet is sent.

    The one place the ledger calls the rubric (drafter.rubric.grade, see SPEC section 5), with
    the same rubric and priority list `drafter grade` takes, so the ledger keeps what was seen.
    """
    from drafter.rubric import grade, load_priority_list, load_rubric

    rubric = load_rubric(rubric_file) if rubric_file else None
    priority = load_priority_list(str(priority_file)) if priority_file else None
    g = grade(packet, rubric, priority, name=name)
    return {"verdict": g.verdict, "score": int(g.score), "scorecard_total": int(g.scorecard.total),
            "failure_modes": list(g.failure_modes)}


def from_packet(packet: Packet, *, seller: str, sent: date, name: str | None = None,
                rubric_file: str | Path | None = None, priority_file: str | Path | None = None) -> Handoff:
    """A handoff row from a packet: what RevOps logs when partner marketing sends it."""
    account_text = packet.value("account")
    classification: str | None = packet.classification
    if classification is None:
        m = _CLASSIFICATION.search(account_text)
        classification = f"partner-{m.group(1).lower()}" if m else None
    partner, contact = split_partner(packet.value("partner"))
    owner = packet.value("owner") or None
    return Handoff(
        sent=sent, seller=seller, packet=packet.id or name, account=leading_name(account_text),
        partner=partner, contact=contact, classification=classification,
        evidence=evidence_link(packet.value("evidence")), owner=owner, window_days=parse_window(owner, sent),
        **grade_at_send(packet, name, rubric_file, priority_file),
    )
