"""Which side each person is on: the customer's, the partner's, ours, and which of ours is the seller.

Organisations decide most of it (a person at the account is the customer's). Email headers decide
more: the addresses of one organisation writing to each other (a sender and the colleague they copy)
are ours, since a partner's internal mail does not reach our notes; and the person a handoff email
is to is the seller when it speaks of "your opportunity", "your named-account list".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.introductions import account_holders
from drafter.extract.names import LETTER, UPPER, domain_label, folded
from drafter.extract.orgs import Org
from drafter.extract.parties import introducers, serving_people
from drafter.extract.people import People, Person
from drafter.extract.sentences import one_line
from drafter.extract.structure import Layout

if TYPE_CHECKING:
    from drafter.extract.entities import Entities


def internal_people(lay: Layout, people: People) -> list[Person]:
    """People at the one email domain that several addresses of the headers share, when one does."""
    if not lay.messages:
        return []
    counts: dict[str, int] = {}
    for p in people:
        if p.domain:
            counts[p.domain] = counts.get(p.domain, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [p for p in people if p.domain == ranked[0][0]]


def buyer_title(role: str | None, cues: Cues) -> bool:
    """A title the buying side holds ("VP of Engineering"), not the titles partners send to a co-sell."""
    return bool(role and cues.any_of("buyer_titles").search(role) and not cues.any_of("selling_titles").search(role))


def _domain_org(p: Person, ents: Entities) -> Org | None:
    if not p.domain:
        return None
    label = domain_label(p.domain)
    for o in ents.orgs:
        first = folded(o.name.split()[0])
        if len(first) >= 4 and (label.startswith(first) or first.startswith(label)):
            return o
    return None


def resolve_org(p: Person, ents: Entities) -> Org | None:
    at = _domain_org(p, ents)
    for cand in p.org_candidates + p.org_hints:
        found = ents.orgs_in(cand) if "/" not in cand else []
        if found:
            # "Anneliese Vogt <a.vogt@skyreach-aero.example>" and "(MRO alliances director)": a word of the role
            # named nowhere else is a trade term, and her address says where she works
            if at is not None and at is not found[0] and len(found[0].mentions) <= 1 < len(at.mentions):
                return at
            return found[0]
    if at is not None:
        return at
    lead = re.match(rf"[{UPPER}](?:{LETTER}|[0-9&])+(?=[ \t]+[a-z])", p.role or "")
    if lead:  # "Mette Lund (SA acct mgr)": a role that opens with an organisation's short name
        found = [o for o in ents.orgs_in(lead.group()) if lead.group() in o.aliases]
        if found:
            return found[0]
    return None



def _pitching(lay: Layout, ents: Entities, cues: Cues) -> Person | None:
    """With no seller named as such, the one person on our side whom the notes send to the customer: "I
    suggest Tobias comes on 22 January and shows the route-planning demo", "happy for Tobias to join"."""
    pitch = cues.any_of("pitching")
    counts: dict[str, int] = {}
    ours = [p for p in ents.people if p.side == "ours"]
    for p in ours:
        names = "|".join(re.escape(a) for a in sorted(p.aliases, key=len, reverse=True) if a != "I")
        if not names:
            continue
        rx = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])(?![ \t]*[:(|])[^.;:!?\n]{{0,60}}?(?:{pitch.pattern})", re.I)
        counts[p.name] = sum(len(rx.findall(d.text)) for d in lay.docs)
    ranked = sorted(((n, k) for k, n in counts.items() if n), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ents.people.find(ranked[0][1])


def _addressed_sellers(lay: Layout, ents: Entities, cues: Cues) -> None:
    """The recipient of a message that speaks of "your opportunity" or "your list" is the seller."""
    addressed = cues.any_of("seller_addressed")
    for i, msg in enumerate(lay.messages):
        if len(msg.to) != 1:
            continue
        p = ents.people.find(msg.to[0])
        if p is None or p.side not in (None, "ours"):
            continue
        # a wrapped line is one sentence: "It's on your FY25\nnamed-account list"
        if any(u.message == i and not u.quoted and addressed.search(one_line(lay.text(u)))
               for u in lay.units):
            p.seller = True
            p.side = "ours"


def _reported_customers(lay: Layout, ents: Entities, cues: Cues) -> None:
    """Someone not at the table, placed nowhere, whose words the notes report ("The director of estates,
    Siddharth Rao, said to me ...") speaks for the customer: in a co-sell, the outside voice is the buyer's."""
    pattern = cues.raw["speakers"]["reported"]
    for p in ents.people:
        if p.side is not None or p.present or p.seller or resolve_org(p, ents) is not None:
            continue
        names = "|".join(re.escape(a) for a in sorted(p.aliases, key=len, reverse=True))
        rx = re.compile(pattern.replace("{name}", f"(?:{names})"))
        if any(rx.search(d.text) for d in lay.docs):
            p.side = "customer"


def assign_sides(lay: Layout, ents: Entities, cues: Cues) -> None:
    seller_role = cues.any_of("seller_roles")
    seller_self = cues.any_of("seller_self")
    ours_domains = {p.domain for p in ents.people if p.side == "ours" and p.domain}
    for p in ents.people:
        org = resolve_org(p, ents)
        if org is not None:
            p.org = org.name
        if org is not None and org is ents.account:
            p.side = "customer"
        elif org is not None and org is ents.partner:
            p.side = "partner"
        elif org is not None and org is ents.ours or p.side is None and p.domain and p.domain in ours_domains:
            p.side = "ours"
        if p.side in (None, "ours") and p.role and seller_role.search(p.role):
            p.seller = True
            p.side = "ours"
    for u in lay.units:
        if u.speaker and u.kind == "cue":
            p = ents.people.find(u.speaker)
            if p and p.side in (None, "ours") and seller_self.search(lay.text(u)):
                p.seller = True
                p.side = "ours"
    # "OPP-73318, stg 2, Fatima's.": who holds the account's record is the seller, before anything they are to do
    # for the account ("Petra will run a workshop at Corrow's control room") reads as the partner's service
    for p in account_holders(lay, ents, cues):
        p.seller = True
        p.side = "ours"
    if ents.partner is not None:  # "We do all the heavy checks on Altair's fleet": the partner speaking
        for p in serving_people(lay, ents, cues):
            if p.side is None and not p.seller and resolve_org(p, ents) is None:
                p.side, p.org = "partner", ents.partner.name
    for u in lay.units:  # speakers no one placed elsewhere are at our table
        if u.kind == "cue" and u.speaker:
            p = ents.people.find(u.speaker)
            if p and p.side is None:
                p.side = "ours"
    for p in ents.people:  # "my colleague Kwabena": on the speaker's side
        mate = ents.people.find(p.colleague_of) if p.colleague_of else None
        if mate is not None and mate.side and p.side in (None, "ours") and mate.side != "customer":
            p.side = mate.side
    _reported_customers(lay, ents, cues)
    _addressed_sellers(lay, ents, cues)
    sellers = [p for p in ents.people if p.seller]
    if sellers:
        ents.seller = max(sellers, key=lambda p: sum(d.text.count(p.first) for d in lay.docs))
    else:
        ents.seller = _pitching(lay, ents, cues)
        if ents.seller is not None:
            ents.seller.seller = True
    if ents.partner is not None:  # "Kwabena will send the intro email to Rodrigo and Emre": the partner's go-between
        for p in introducers(lay, ents, cues):
            if p.side is None and not p.seller:
                p.side, p.org = "partner", ents.partner.name
    if ents.partner is not None and not any(p.side == "partner" for p in ents.people):
        # at the table, placed nowhere, described by a role, and nobody else speaks for the partner: "on call:
        # Deshawn Pruitt (DP, branch mgr Phoenix)" in notes of a call with Oakhurst
        placed = [p for p in ents.people if p.present and p.role and p.side is None and not p.seller
                  and resolve_org(p, ents) is None and not buyer_title(p.role, cues)]
        if len(placed) == 1:  # one such person; a list of several is the account's people in an account plan
            placed[0].side, placed[0].org = "partner", ents.partner.name
