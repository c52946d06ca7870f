"""Pure text signals the rubric reads: people and their roles, sentences, negation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.rubric.load import Rubric

# Tokens that can start a name: not ASCII lower case (the cheap filter; isupper() decides the rest).
_CAP_TOKEN = re.compile(r"(?<![\w'’.-])[^\W\d_a-z](?:[\w'’.-]*[^\W_])?")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-Z0-9])|\n+")
# What may sit between a name and its role: "Dana Reyes, alliances lead", "Haruka Sato (佐藤 遙), project
# manager", "| Name | Role |" table cells, "Name | Title | Company" signatures and a title on the next line;
# a dot before a lower-case word is an abbreviation ("sr. agronomist"), not the end of the role.
_ROLE_AFTER = re.compile(r"^[ \t]*(?:,|\(|\)|\||\n|\s-\s|\s–\s|\s—\s|:|\bis\b|\bas\b|\bthe\b)+\s*"
                         r"(?:the\s+|our\s+|their\s+|a\s+|an\s+)?((?:[^.;)\n]|\.(?=[ \t]*[a-z])){1,80})")


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    start: int
    end: int

    @property
    def first(self) -> str:
        return self.name.split()[0]


_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def tables_as_text(text: str) -> str:
    """A Markdown table read as its rows, each cell after its column's header: "| Owner | Window |" over
    "| Ingrid Bakke | 3 business days |" says "Owner: Ingrid Bakke | Window: 3 business days", so the
    header's words ("AE response window") are labels, not content."""
    if "|" not in text or "---" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and "|" in lines[i] and _TABLE_SEP.match(lines[i + 1]):
            head = _cells(lines[i])
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                row = _cells(lines[i])
                out.append(" | ".join(f"{h}: {c}" if h else c for h, c in zip(head, row, strict=False) if c))
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip()]


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’@-]+", text or "")]


def _clean_token(tok: str) -> str:
    if tok.endswith(("'s", "’s")):
        tok = tok[:-2]
    return tok.rstrip(".")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _role_near(text: str, start: int, end: int, rubric: Rubric) -> str | None:
    """The role phrase right after a name ("Dana Reyes, alliances lead") or right before it ("AE Jordan")."""
    roles = rubric.lex["roles"]
    after = text[end:]
    m = _ROLE_AFTER.match(after)
    if m:
        snippet = m.group(1)
        head = " ".join(snippet.split()[:8])
        if roles.search(head):
            return head.strip(" ,(|")
    # a role said as what the person runs: "Luíza Guimarães runs the cooperative-accounts team"
    m = rubric.pat["role_verbs"].match(after)
    if m:
        return m.group(0).strip(" ,")
    before = text[max(0, start - 60):start]
    # a label naming the role: "Account lead at Arcwell for Pemberton: Sam Ferris"
    label = re.search(r"([^.;:\n(]{1,60}):[ \t]*$", before)
    if label and roles.search(label.group(1)):
        return " ".join(label.group(1).split()).strip(" ,")
    clause = re.split(r"[.;:\n(]", before)[-1]
    tail = " ".join(clause.split()[-6:])
    if tail and roles.search(tail) and re.search(r"(,\s*|\b[A-Za-z]{2,}\s)$", clause):
        return tail.strip(" ,")
    return None


def people(text: str, rubric: Rubric, known_first: frozenset[str] = frozenset(),
           full_names_only: bool = False, org_names: frozenset[str] = frozenset()) -> list[Person]:
    """People named in text: runs of 2-4 capitalised name tokens that are not organisation words, or a
    single first name that acts ("Leah owns"), has a role beside it, or belongs to someone named elsewhere
    (`known_first`). Words in `org_names` (the account's and the partner's names) are never part of a
    person's name. `full_names_only` leaves out single names and roles (a pass to learn who is named)."""
    if not text:
        return []
    if rubric.remember(("lower", text), lambda: mostly_lower(text)):
        return list(rubric.remember(("lower-people", text), lambda: _lower_case_people(text, rubric)))
    found: list[Person] = []
    for c in rubric.remember(("candidates", text), lambda: _candidates(text, rubric)):
        # "Finch Fractional Finance. Dorothea Finch, fractional CFO": a family firm's person keeps her name
        if any(n in org_names for n in c.names) and not (
                len(c.names) > 1 and c.names[0] not in org_names and not full_names_only and _role(text, c, rubric)):
            continue
        if len(c.names) > 1:
            found.append(Person(" ".join(c.names), None if full_names_only else _role(text, c, rubric), c.start, c.end))
        elif not full_names_only:
            role = _role(text, c, rubric)
            beside = bool(role and re.match(r"\s*[,(]", text[c.end:c.end + 30]))
            if c.names[0] in known_first or beside or c.acts:
                found.append(Person(c.names[0], role, c.start, c.end))
    return found


def _role(text: str, c: _Candidate, rubric: Rubric) -> str | None:
    return rubric.remember(("role", text, c.start, c.end), lambda: _role_near(text, c.start, c.end, rubric))


@dataclass(frozen=True)
class _Candidate:
    """A possible name, found once per text whatever the packet around it: the packet decides later
    whether a single first name counts (known elsewhere, a role beside it, or acting)."""

    names: tuple[str, ...]
    start: int
    end: int
    acts: bool = False


def _candidates(text: str, rubric: Rubric) -> tuple[_Candidate, ...]:
    org = rubric.words["org_words"]
    not_names = rubric.words["not_names"]
    particles = rubric.words["name_particles"]
    person_verbs = rubric.words["person_verbs"]
    roles = rubric.words["roles"]
    months = rubric.words["name_like_months"]
    groups = rubric.words["group_nouns"]
    toks = [t for t in _CAP_TOKEN.finditer(text) if t.group(0)[0].isupper()]
    # each token's text, its cleaned form and their lower case, computed once (the loop reads them often)
    raw = [t.group(0) for t in toks]
    clean = [_clean_token(r) for r in raw]
    lows = [w.lower() for w in clean]
    starts = [t.start() for t in toks]
    ends = [t.end() for t in toks]
    found: list[_Candidate] = []
    n = len(toks)
    i = 0
    while i < n:
        word = clean[i]
        low = lows[i]
        # "June Park" starts a name; "June 5" and "June review" do not
        month_name = (low in months and i + 1 < n and text[ends[i]:starts[i + 1]] == " "
                      and lows[i + 1] not in org)
        if (low in not_names or low in org and not month_name or low in roles
                or word.isupper() and len(word) > 1):
            i += 1
            continue
        last = i
        j = i + 1
        while j < n and j - i < 5:
            gap = text[ends[last]:starts[j]]
            joined = gap == " " or (gap.startswith(" ") and gap.endswith(" ") and len(gap) < 12
                                    and all(w in particles for w in gap.split()))
            if not joined or clean[last] != raw[last].rstrip("."):
                break
            if clean[j].isupper() and len(clean[j]) > 1:
                break
            last = j
            j += 1
        # A run with an organisation word in it is an organisation ("Quadrant Campus Systems"); a run
        # that goes on into a role or a common word is cut there ("Jordan Whitfield AE" is Jordan Whitfield).
        if any(lows[k] in org and not (k == i and j - i > 1 and lows[k] in months) for k in range(i, j)):
            i = j
            continue
        cut = next((k for k in range(i + 1, j) if lows[k] in not_names or lows[k] in roles), j)
        start = starts[i]
        end = start + len(_clean_token(text[start:ends[cut - 1]]))
        names = text[start:end].split() if cut - i > 1 else [clean[i]]
        # "The Ecosystem Growth team owns this": the run names a group ("Dana Reyes team lead" is Dana)
        grp = _GROUP_AFTER.match(text, end) if cut == j else None
        if grp and grp.group(1) in groups and (grp.group(2) or "").lower() not in roles:
            i = j
            continue
        if 2 <= len(names) <= 4:
            found.append(_Candidate(tuple(names), start, end))
        elif len(names) == 1:
            nm = _NEXT_WORD.match(text, end, end + 30)
            found.append(_Candidate((names[0],), start, end,
                                    acts=bool(nm and nm.group(1).lower() in person_verbs and len(word) > 2)))
        i = max(j, i + 1)
    return tuple(found)


_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_GROUP_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?:[ \t]+([\w-]+))?")
_LOWER_NAME = re.compile(r"(?<![\w'’.-])([^\W\d_]{2,}(?:[-'’][^\W\d_]+)?(?:\s+[^\W\d_]{2,}(?:[-'’][^\W\d_]+)?){1,2})"
                         r"(?=\s*(?:,|\(|\bowns\b|\bis\b|$|\.))")


_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_CAPITALISED = re.compile(r"(?<![^\W\d_])[^\W\d_a-z](?=[a-z\u00df-\u00ff])")  # Capital then lower case


def mostly_lower(text: str) -> bool:
    """Written in lower case, where capitals say nothing about names. Cheap: any capital letter that starts
    a word, outside an all-capitals acronym (OPP-1, AE), makes the text not lower case for this purpose."""
    if text == text.lower():
        return len(text.split()) >= 3
    starts = len(_WORD_START.findall(text))
    return starts >= 3 and len(_CAPITALISED.findall(text)) <= starts * 0.03


def _lower_case_people(text: str, rubric: Rubric) -> list[Person]:
    """In text written all in lower case, a name is only trusted beside a role ("inês barros, channel
    manager", "ae: tiago marques") or as the subject of "owns"."""
    stop = rubric.words["org_words"] | rubric.words["not_names"] | rubric.words["roles"]
    found = []
    for m in _LOWER_NAME.finditer(text):
        parts = m.group(1).split()
        while parts and parts[0] in stop:
            parts = parts[1:]
        if len(parts) < 2 or any(p in stop or p in ("til", "till", "to", "by") for p in parts):
            continue
        start = m.end(1) - len(" ".join(parts))
        role = _role_near(text, start, m.end(1), rubric)
        if role or re.match(r"\s*owns\b", text[m.end(1):]):
            found.append(Person(" ".join(parts), role, start, m.end(1)))
    return found


def negated(text: str, start: int, rubric: Rubric, window: int = 4) -> bool:
    """Whether the words just before `start` negate what follows ("no opportunity", "not yet registered")."""
    before = words(text[max(0, start - 40):start])[-window:]
    return any(rubric.lex["negations"].search(w) for w in before) or bool(
        rubric.lex["negations"].search(" ".join(before[-2:])))


def first_clause(text: str) -> str:
    """The account or company name as written first: up to the first period, comma, colon or bracket."""
    return re.split(r"[.,;:(\n]|\s[-–—]\s", (text or "").strip(), maxsplit=1)[0].strip()
