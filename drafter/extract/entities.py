"""Organisations in the notes, and which of them are the account, the partner and us.

The account is the organisation the notes tie to an opportunity, an "Account:" label, a co-sell
heading or the seller's list; the partner is the other organisation the notes treat as one (named
in a partner meeting's title, with people at the table, reselling, implementing, running the
customer's systems). Both can be absent: then the fields that need them are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.extract.cues import Cues
from drafter.extract.described import find_people
from drafter.extract.org_scores import event_orgs, registrant_orgs, score_account, score_partner, sourcing_orgs
from drafter.extract.orgs import Org, map_mentions, org_candidates
from drafter.extract.parties import meeting_parties, partner_turns, serving_people
from drafter.extract.people import People, Person
from drafter.extract.sides import assign_sides, internal_people, resolve_org
from drafter.extract.speakers import describe_speakers
from drafter.extract.structure import Layout
from drafter.extract.turntaking import seller_turns


@dataclass
class Entities:
    people: People
    orgs: list[Org]
    account: Org | None = None
    partner: Org | None = None
    ours: Org | None = None
    seller: Person | None = None
    _org_rx: re.Pattern[str] | None = None
    _org_of: dict[str, Org] = field(default_factory=dict)
    _person_rx: re.Pattern[str] | None = None

    def orgs_in(self, text: str, start: int = 0, end: int | None = None) -> list[Org]:
        if self._org_rx is None:
            return []
        return [self._org_of[m.group()] for m in self._org_rx.finditer(text, start, len(text) if end is None else end)]

    def people_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[Person, int, int]]:
        if self._person_rx is None:
            return []
        out = []
        for m in self._person_rx.finditer(text, start, len(text) if end is None else end):
            p = self.people.find(m.group())
            if p:
                out.append((p, m.start(), m.end()))
        return out

    def aliases(self, org: Org | None) -> set[str]:
        return set(org.aliases) if org else set()


def find_entities(lay: Layout, cues: Cues) -> Entities:
    """People, organisations, and the account, partner, our organisation and the seller."""
    people = find_people(lay, cues)
    describe_speakers(people, lay, cues)
    people.finish([d.text for d in lay.docs])
    cands = org_candidates(lay, cues, people)
    rx, of = map_mentions(lay, cands)
    orgs = [o for o in cands.values() if o.mentions]
    ents = Entities(people, orgs, _org_rx=rx, _org_of=of)
    # "Graham Kinloch" of Kinloch Practice Systems: his surname is the firm's name, not his
    org_words = {a for o in orgs for a in o.aliases}
    for p in people:
        p.aliases -= {a for a in p.aliases if a in org_words and a.lower() not in (p.name.lower(), p.first.lower())}
    names = sorted({a for p in people for a in p.aliases}, key=len, reverse=True)
    if names:
        ents._person_rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for colleague in internal_people(lay, people):
        colleague.side = colleague.side or "ours"
    # our organisation: where the people marked as ours work
    ours_votes: dict[int, int] = {}
    own_role = cues.any_of("own_roles")
    for p in people:
        org = resolve_org(p, ents)
        if org and (p.side == "ours" or (p.side is None and p.role and own_role.search(p.role))):
            ours_votes[id(org)] = ours_votes.get(id(org), 0) + 1
    if ours_votes:
        ents.ours = next(o for o in orgs if id(o) == max(ours_votes, key=lambda k: ours_votes[k]))
    events = event_orgs(lay, ents, cues)  # "since the Fabtech show", "Field day": an event, neither party
    pool = [o for o in orgs if o is not ents.ours and o not in events]
    acc = score_account(lay, ents, cues, pool)
    par = score_partner(lay, ents, pool, cues)
    for o in sourcing_orgs(lay, ents, cues):  # who brings us the accounts is not one of them
        acc[id(o)] = acc.get(id(o), 0.0) - 2.0
    for o in registrant_orgs(lay, ents, cues):  # "reg'd by VetLink Partners": a channel of record
        acc[id(o)] = acc.get(id(o), 0.0) - 4.0
    for o in meeting_parties(lay, ents, cues):  # "Skyreach Aero Services / us": the other side of the call
        if o in pool:
            par[id(o)] = par.get(id(o), 0.0) + 3.0
            acc[id(o)] = acc.get(id(o), 0.0) - 2.0
    # the pair that the notes support best, account and partner being different organisations
    # a lone capitalised word ("German", "Javier") needs more than a passing tie to be the account
    accounts = sorted((o for o in pool if acc.get(id(o), 0) >= (2.5 if len(o.aliases) > 1 or " " in o.name else 4.0)),
                      key=lambda o: -acc[id(o)])[:4] + [None]
    partners = sorted((o for o in pool if par.get(id(o), 0) >= 3.0), key=lambda o: -par[id(o)])[:4] + [None]
    best_pair: tuple[Org | None, Org | None] = (None, None)
    best_total = float("-inf")
    for a in accounts:
        for p in partners:
            if a is not None and a is p:
                continue
            total = (acc[id(a)] if a else 0.0) + (par[id(p)] if p else 0.0)
            if total > best_total:
                best_pair, best_total = (a, p), total
    ents.account, ents.partner = best_pair
    if ents.partner is None and ents.account is not None:
        # someone speaks for a side that runs the account's things, and no organisation has been named
        # as theirs: the partner is the organisation the notes treat most as one
        unplaced = [p for p in serving_people(lay, ents, cues)
                    if p.side is None and not p.seller and resolve_org(p, ents) is None]
        rest = [o for o in pool if o is not ents.account and par.get(id(o), 0.0) >= 1.0]
        if unplaced and rest:
            ents.partner = max(rest, key=lambda o: par[id(o)])
    assign_sides(lay, ents, cues)
    seller_turns(lay, ents, cues)
    partner_turns(lay, ents, cues)
    return ents
