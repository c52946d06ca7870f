"""Pure text signals the rubric reads: people and their roles, sentences, negation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.rubric.load import Rubric

# Tokens that can start a name: not ASCII lower case (the cheap filter; isupper() decides the rest).
_CAP_TOKEN = re.compile(r"(?<![\w'’.-])[^\W\d_a-z](?:[\w'’.-]*[^\W_])?")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-Z0-9])|\n+")
_ROLE_AFTER = re.compile(r"^\s*(?:,|\(|\s-\s|\s–\s|\s—\s|:|\bis\b|\bas\b|\bthe\b)+\s*"
                         r"(?:the\s+|our\s+|their\s+|a\s+|an\s+)?([^.;)\n]{1,80})")


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    start: int
    end: int

    @property
    def first(self) -> str:
        return self.name.split()[0]


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
    m = _ROLE_AFTER.match(text[end:])
    if m:
        snippet = m.group(1)
        head = " ".join(snippet.split()[:6])
        if roles.search(head):
            return head.strip(" ,(")
    before = text[max(0, start - 60):start]
    clause = re.split(r"[.;:\n(]", before)[-1]
    tail = " ".join(clause.split()[-6:])
    if tail and roles.search(tail) and re.search(r"(,\s*|\b[A-Za-z]{2,}\s)$", clause):
        return tail.strip(" ,")
    return None


def people(text: str, rubric: Rubric, known_first: frozenset[str] = frozenset(),
           full_names_only: bool = False) -> list[Person]:
    """People named in text: runs of 2-4 capitalised name tokens that are not organisation words, or a
    single first name that acts ("Leah owns"), has a role beside it, or belongs to someone named elsewhere.
    `full_names_only` skips single names and roles (a cheap pass to learn who is named)."""
    text = text or ""
    org = rubric.words["org_words"]
    not_names = rubric.words["not_names"]
    particles = rubric.words["name_particles"]
    person_verbs = rubric.words["person_verbs"]
    roles = rubric.words["roles"]
    toks = [t for t in _CAP_TOKEN.finditer(text) if t.group(0)[0].isupper()]
    found: list[Person] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        word = _clean_token(t.group(0))
        low = word.lower()
        if not _is_cap(word) or low in not_names or low in org or low in roles or word.isupper() and len(word) > 1:
            i += 1
            continue
        run = [t]
        j = i + 1
        while j < len(toks) and len(run) < 5:
            gap = text[run[-1].end():toks[j].start()]
            nxt = _clean_token(toks[j].group(0))
            joined = gap == " " or (gap.startswith(" ") and gap.endswith(" ") and len(gap) < 12
                                    and all(w in particles for w in gap.split()))
            if not joined or _clean_token(run[-1].group(0)) != run[-1].group(0).rstrip("."):
                break
            if nxt.isupper() and len(nxt) > 1:
                break
            run.append(toks[j])
            j += 1
        names = [_clean_token(r.group(0)) for r in run]
        # Cut the run at the first organisation or non-name word ("Dana Reyes Meridian" stays "Dana Reyes").
        cut = len(names)
        for k, n in enumerate(names):
            if k and (n.lower() in org or n.lower() in not_names or n.lower() in roles):
                cut = k
                break
        if any(n.lower() in org for n in names[:cut]):
            i = j
            continue
        run, names = run[:cut], names[:cut]
        start = run[0].start()
        end = start + len(_clean_token(text[start:run[-1].end()]))
        names = text[start:end].split() if len(run) > 1 else names
        if len(names) >= 2 and len(names) <= 4:
            role = None if full_names_only else _role_near(text, start, end, rubric)
            found.append(Person(" ".join(names), role, start, end))
        elif len(names) == 1 and not full_names_only:
            after = text[end:end + 30]
            nm = re.match(r"\s*([\w'’]+)", after)
            next_word = nm.group(1).lower() if nm else ""
            role = _role_near(text, start, end, rubric)
            acts = next_word in person_verbs
            if word in known_first or (role and re.match(r"\s*[,(]", after)) or (acts and len(word) > 2):
                found.append(Person(names[0], role, start, end))
        i = max(j, i + 1)
    return found


def negated(text: str, start: int, rubric: Rubric, window: int = 4) -> bool:
    """Whether the words just before `start` negate what follows ("no opportunity", "not yet registered")."""
    before = words(text[max(0, start - 40):start])[-window:]
    return any(rubric.lex["negations"].search(w) for w in before) or bool(
        rubric.lex["negations"].search(" ".join(before[-2:])))


def first_clause(text: str) -> str:
    """The account or company name as written first: up to the first period, comma, colon or bracket."""
    return re.split(r"[.,;:(\n]|\s[-–—]\s", (text or "").strip(), maxsplit=1)[0].strip()
