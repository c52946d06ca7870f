"""The offline extractor's cue file (drafter/data/cues/*.toml), loaded once and compiled."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

DEFAULT = "offline-v1"


@dataclass(frozen=True)
class FieldCues:
    threshold: float
    note: str
    features: dict[str, float]
    require_any: tuple[str, ...]
    cues: tuple[tuple[re.Pattern[str], float], ...]
    labels: re.Pattern[str] | None
    any_cue: re.Pattern[str] | None = None  # one pass to skip sentences no cue of the field touches
    names: re.Pattern[str] | None = None  # words that name the field ("what set this off", "registration")
    absent: re.Pattern[str] | None = None  # words saying there is none ("nothing written", "no case study")
    checked: bool = False  # the field reports a check: one said not done leaves it open, whatever else is said

    def cue_score(self, text: str) -> float:
        if self.any_cue is None or not self.any_cue.search(text):
            return 0.0
        return sum(w for rx, w in self.cues if rx.search(text))

@dataclass(frozen=True)
class Cues:
    version: str
    raw: dict[str, Any]
    fields: dict[str, FieldCues]
    stop_caps: frozenset[str]
    role_words: re.Pattern[str]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def limit(self, name: str) -> int:
        return int(self.raw["limits"][name])

    def any_of(self, name: str) -> re.Pattern[str]:
        return self.patterns[name]


def _alternation(patterns: list[str], flags: int = re.I, whole: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(f"^(?:{body})$" if whole else body, flags)


@cache
def load_cues(name: str = DEFAULT) -> Cues:
    """Parse and compile a cue file shipped in drafter/data/cues/."""
    text = resources.files("drafter").joinpath("data", "cues", f"{name}.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    t = raw["text"]
    labels = raw["labels"]
    fields = {}
    for fid, spec in raw["fields"].items():
        fields[fid] = FieldCues(
            threshold=float(spec["threshold"]),
            note=spec["note"],
            features={k: float(v) for k, v in spec.get("features", {}).items()},
            require_any=tuple(spec.get("require_any", ())),
            cues=tuple((re.compile(p, re.I), float(w)) for p, w in spec.get("cues", [])),
            labels=_alternation(labels[fid], whole=True) if fid in labels else None,
            any_cue=_alternation([p for p, _ in spec.get("cues", [])]) if spec.get("cues") else None,
            names=re.compile(spec["names"], re.I) if spec.get("names") else None,
            absent=_alternation(spec["absent"]) if spec.get("absent") else None,
            checked=bool(spec.get("checked", False)),
        )
    roles = sorted(t["role_words"], key=len, reverse=True)
    patterns = {
        name: _alternation(t[name]) for name in
        ("seller_roles", "own_roles", "seller_self", "seller_addressed", "ours", "off_topic", "undecided", "injection",
         "sourced", "influenced", "priority", "focus", "no_cosell", "cosell_heading", "brings_accounts",
         "deal_context", "intro", "topic_return", "artifacts", "aside_around", "serving", "back_reference",
         "continuation", "clause_turn", "accepts", "confirms", "addressed_move", "reads_out", "not_checked",
         "partner_kinds", "reported_question", "pitching", "item_open", "buyer_titles", "selling_titles")
    }
    # how a deal is or will be booked, either way: "partner-sourced", "I'll open one today", "existing opp"
    patterns["booked"] = _alternation(list(t["sourced"]) + list(t["influenced"]))
    patterns["events"] = re.compile(r"(?:" + "|".join(t["events"]) + r")\b", re.I)
    patterns["org_kinds"] = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in t["org_kinds"]) + r")\b", re.I)
    patterns["role_nouns"] = re.compile(r"\b(?:" + "|".join(t["role_nouns"]) + r")\b", re.I)
    patterns["staff_of"] = re.compile(r"['’]s[ \t]+(?:[\w-]+[ \t]+)?(?:" + "|".join(t["staff"]) + r")\b", re.I)
    patterns["ours"] = re.compile("|".join(f"(?:{p})" for p in t["ours"]), re.I | re.M)
    patterns["injection"] = re.compile("|".join(f"(?:{p})" for p in t["injection"]), re.I | re.M)
    for name in ("crm", "opportunity", "url", "homepage"):
        patterns[name] = re.compile(raw["ids"][name])
    s = raw["sections"]
    for name in ("generic", "attendees", "buyer_roles", "actions", "col_who", "col_what", "col_when", "col_label",
                 "col_notes"):
        patterns[f"section_{name}"] = _alternation(s[name], whole=True)
    patterns["action_label"] = re.compile(s["action_label"], re.I)
    return Cues(
        version=raw["version"],
        raw=raw,
        fields=fields,
        stop_caps=frozenset(t["stop_caps"]),
        role_words=re.compile(r"\b(?:" + "|".join(re.escape(r) for r in roles) + r")\b", re.I),
        patterns=patterns,
    )
