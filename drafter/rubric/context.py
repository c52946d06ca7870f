"""What every check reads: a packet's field texts with placeholders blanked, who is named in it,
and its date; and `Check`, what a check says about one field."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from drafter.rubric.load import Rubric
from drafter.rubric.model import Level
from drafter.rubric.priority import PriorityList
from drafter.rubric.text import Person, first_clause, people, tables_as_text

T = TypeVar("T")


@dataclass
class Check:
    level: Level
    notes: list[str] = field(default_factory=list)  # why the level, in words
    fires: dict[str, str] = field(default_factory=dict)  # failure mode / signal id -> message
    facts: dict[str, bool] = field(default_factory=dict)
    text: str | None = None  # the text that triggered the verdict, if any


def quoted(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"'{text[:limit]}{'…' if len(text) > limit else ''}'"


@dataclass
class Context:
    values: dict[str, str]
    rubric: Rubric
    priority: PriorityList | None = None
    placeholders: dict[str, str] = field(default_factory=dict)
    _people: dict[str, list[Person]] = field(default_factory=dict)
    known_first: frozenset[str] = frozenset()
    org_names: frozenset[str] = frozenset()
    reference: date | None = None

    def people(self, fid: str) -> list[Person]:
        if fid not in self._people:
            self._people[fid] = people(self.values.get(fid, ""), self.rubric, self.known_first,
                                       org_names=self.org_names)
        return self._people[fid]

    def has(self, key: str, text: str) -> bool:
        return self.rubric.lex[key].search(text) is not None

    def find(self, key: str, text: str) -> str | None:
        m = self.rubric.lex[key].search(text)
        return m.group(0) if m else None

    def pat(self, key: str, text: str) -> re.Match[str] | None:
        return self.rubric.pat[key].search(text)


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")

# Fields where the people of a handoff are named in full (the others name companies and documents).
NAMING_FIELDS = ("account", "partner", "trigger", "warm_path", "seller_move", "partner_move", "owner")


def build_context(values: dict[str, str], rubric: Rubric, priority: PriorityList | None,
                  reference: date | None = None) -> Context:
    """Values with whole-field placeholders ("TBD", "n/a") blanked, and the first names of everyone named."""
    cleaned: dict[str, str] = {}
    placeholders: dict[str, str] = {}
    for fid, value in values.items():
        v = (value or "").strip()
        if v and (_EDGES.sub("", v).lower() in rubric.lex["placeholders"] or v.lower() in rubric.lex["placeholders"]):
            placeholders[fid] = v
            v = ""
        cleaned[fid] = tables_as_text(v)
    # The account's name, and the partner's when it is plainly a company, are never a person's name
    # ("Greenhollow wants better reporting" is the account speaking, not a Mr Greenhollow).
    orgs = {w for w in first_clause(cleaned.get("account", "")).split() if w[:1].isupper()}
    partner_org = first_clause(cleaned.get("partner", ""))
    if any(w.lower() in rubric.words["org_words"] for w in partner_org.split()):
        orgs |= {w for w in partner_org.split() if w[:1].isupper()}
    org_names = frozenset(re.sub(r"['’]s$", "", w.strip(".,()")) for w in orgs)
    # A first name alone ("Dana meets...") counts once someone called Dana is named in full somewhere.
    firsts: set[str] = set()
    for fid in NAMING_FIELDS:
        for p in people(cleaned.get(fid, ""), rubric, full_names_only=True, org_names=org_names):
            firsts.update((p.first, p.name.split()[-1]))
    return Context(cleaned, rubric, priority, placeholders, known_first=frozenset(firsts), org_names=org_names,
                   reference=reference)


def absent(ctx: Context, fid: str, what: str) -> str:
    if fid in ctx.placeholders:
        return f"{what} is only a placeholder ({quoted(ctx.placeholders[fid])})"
    return f"{what} is missing"



# --- the checks, remembered per rubric ----------------------------------------------------------
# Each check is a pure function of its field's text and the few facts of the packet named here, so
# a text seen before (boilerplate in an export of thousands) is judged once. A returned Check is
# shared: callers read it and never change it.

def remembered(ctx: Context, fid: str, compute: Callable[[Context], T], *facts: object) -> T:
    text = ctx.values[fid]
    if not text:
        return compute(ctx)
    return ctx.rubric.remember(("check", fid, text, facts), lambda: compute(ctx))  # type: ignore[no-any-return]


