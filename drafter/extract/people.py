"""People in the notes: who they are, their role, their organisation, their side, and where that
is written. How the notes describe them is read in `drafter.extract.described`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.extract.cues import Cues
from drafter.extract.names import UPPER


@dataclass
class Person:
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    org: str | None = None
    org_candidates: list[str] = field(default_factory=list)  # as the notes describe them: "(CFO, HealthBridge)"
    org_hints: list[str] = field(default_factory=list)  # as the wording implies: "Corvane brought ...", "X's CIO"
    side: str | None = None  # ours | partner | customer
    seller: bool = False
    domain: str | None = None
    facts: list[tuple[int, int, int]] = field(default_factory=list)  # (doc, start, end) describing them
    name_at: tuple[int, int, int] | None = None
    colleague_of: str | None = None  # "my colleague Kwabena", said by this person: on their side
    present: bool = False  # at the table: a speaker, an attendee, someone the email is from, to or copied to

    @property
    def first(self) -> str:
        return self.name.split()[0]


class People:
    """The people found, by name and alias."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self.by_name: dict[str, Person] = {}

    def __iter__(self):  # noqa: ANN204
        return iter(self.by_name.values())

    def _ok(self, name: str) -> bool:
        words = name.split()
        if len(words) < 2:
            return False
        stop = self.cues.stop_caps
        months = set(self.cues.raw["text"]["months"]) | set(self.cues.raw["text"]["weekdays"])
        org_words = set(self.cues.raw["text"]["org_name_words"]) | set(self.cues.raw["text"]["org_suffixes"])
        return (all(w not in stop and w.lower() not in months for w in words)
                and not self.cues.role_words.fullmatch(words[-1]) and words[-1] not in org_words)

    def add(self, name: str, doc: int, at: int | None = None, *, role: str | None = None,
            orgs: list[str] | str | None = None, side: str | None = None,
            fact: tuple[int, int] | None = None, hints: list[str] | None = None,
            speaker: bool = False) -> Person | None:
        name = " ".join(name.split()).strip(" ,.")
        shout = name if name.isupper() and (len(name) > 3 or speaker) else None
        if shout:  # "NINA CALLOWAY:" in a caption file is Nina Calloway
            name = name.title()
        words = name.split()
        title = re.match(r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame)\.?[ \t]+(?=\S+[ \t]+\S)", name)
        if title:  # "Dr Ngozi Adebayo" and "Ngozi Adebayo" are one person
            if at is not None:
                at += title.end()
            name = name[title.end():]
            words = name.split()
        if len(words) == 3 and (words[0].endswith(("ing", "ed")) or " ".join(words[1:]) in self.by_name):
            if at is not None:
                at += len(words[0]) + 1
            name = " ".join(words[1:])
        if not (self._ok(name) or (speaker and name.strip())):
            return None  # a transcript's speaker label is a person whatever it looks like
        p = self.by_name.get(name)
        if p is None:
            p = self.by_name[name] = Person(name, {name})
        if shout:
            p.aliases.add(shout)
            p.aliases.add(shout.split()[0])
        if role and not p.role:
            p.role = role.strip(" ,;")
        for org in [orgs] if isinstance(orgs, str) else (orgs or []):
            if org.strip(" ,;") not in p.org_candidates:
                p.org_candidates.append(org.strip(" ,;"))
        for org in hints or []:
            if org.strip(" ,;") not in p.org_hints:
                p.org_hints.append(org.strip(" ,;"))
        if side and not p.side:
            p.side = side
        if fact:
            p.facts.append((doc, *fact))
        if at is not None and p.name_at is None:
            p.name_at = (doc, at, at + len(name))
        return p

    def rename(self, p: Person, full: str) -> Person:
        """`p` is known by a fuller name now ("FATIMA" said "That's me, Fatima Al-Sayegh")."""
        if full == p.name:
            return p
        other = self.by_name.get(full)
        if other is not None:
            other.aliases |= p.aliases
            other.facts.extend(p.facts)
            other.role = other.role or p.role
            other.present = other.present or p.present
            other.org_candidates.extend(c for c in p.org_candidates if c not in other.org_candidates)
            if p.side and not other.side:
                other.side = p.side
            del self.by_name[p.name]
            return other
        del self.by_name[p.name]
        p.aliases.add(full)
        p.name = full
        self.by_name[full] = p
        return p

    def find(self, token: str) -> Person | None:
        """The person a name, alias or (unambiguous) first name points at."""
        for p in self.by_name.values():
            if token in p.aliases:
                return p
        firsts = [p for p in self.by_name.values() if p.first == token]
        return firsts[0] if len(firsts) == 1 else None

    def finish(self, texts: list[str] | None = None) -> None:
        """Add first names as aliases where they point at one person only; with the notes' texts, also
        any other word of a name that the notes use on its own ("Lan" for Nguyen Thi Lan, "Min-jun" for
        Park Min-jun: not every name puts the given name first)."""
        for p in [p for p in self.by_name.values() if " " not in p.name]:
            # "call w/ Priyanka (Ostara IT)" then "Priyanka Rao - runs the SMB desk": one person
            full = [q for q in self.by_name.values() if q.first == p.name and " " in q.name]
            # ... and "T: send Jun the logs" in notes that call Teodor Kral "T": an initial (or initials)
            # standing for the one person they fit
            if not full and re.fullmatch(r"[A-Z]{1,3}", p.name):
                full = [q for q in self.by_name.values() if " " in q.name and (
                    q.first[0] == p.name if len(p.name) == 1 else "".join(w[0] for w in q.name.split()) == p.name)]
            if len(full) == 1:
                self.rename(p, full[0].name)
        firsts: dict[str, list[Person]] = {}
        for p in self.by_name.values():
            firsts.setdefault(p.first, []).append(p)
        for first, ps in firsts.items():
            if len(ps) == 1 and first not in self.cues.stop_caps:
                ps[0].aliases.add(first)
        if not texts:
            return
        # "D. will get 90 days of data", "told D. no-shows": an initial standing for the one person whose
        # first name starts with it
        initials: dict[str, list[Person]] = {}
        for p in self.by_name.values():
            initials.setdefault(p.first[0], []).append(p)
        for letter, ps in initials.items():
            if len(ps) == 1 and letter.isupper():
                short = re.compile(rf"(?<![\w.]){letter}\.(?=[ \t]+[a-z])")
                if any(short.search(t) for t in texts):
                    ps[0].aliases.add(f"{letter}.")
        owners: dict[str, list[Person]] = {}
        for p in self.by_name.values():
            for word in p.name.split()[1:]:
                owners.setdefault(word, []).append(p)
        for word, ps in owners.items():
            if len(ps) != 1 or len(word) < 3 or word in self.cues.stop_caps or word in firsts:
                continue
            alone = re.compile(rf"(?<![\w-])(?<![\w-][ \t]){re.escape(word)}(?![\w-])(?![ \t][{UPPER}])")
            if any(alone.search(t) for t in texts):
                ps[0].aliases.add(word)
