"""Who is at the table for whom, read from the conversation itself.

A co-sell call has three parties: us (partner manager, AE, partner marketing), the partner (a person
and their organisation) and the customer (the account). Notes do not always say who is who in an
attendee list. A reader still knows: the recording's header pairs an organisation with us ("Skyreach
Aero Services / us, Altair Regional co-sell"), and the person who is neither ours nor the customer's
talks about what their side does for the account ("We do all the heavy checks on Altair's fleet",
"Björn's engineers have been in their hangar since 2020"), or offers to introduce the customer to
our seller ("Kwabena will send the intro email to Rodrigo and Emre"). The wording lives in the cue file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.orgs import Org
from drafter.extract.people import Person
from drafter.extract.structure import Layout, sentences

if TYPE_CHECKING:
    from drafter.extract.entities import Entities

OPENING = 3  # units at the top of each document where a meeting names its parties
_QUOTED = re.compile(r"[\"“][^\"”\n]*[\"”]")


def meeting_parties(lay: Layout, ents: Entities, cues: Cues) -> list[Org]:
    """Organisations a document's opening lines pair with us: the other side of the meeting."""
    s = cues.raw["speakers"]
    after, before = re.compile(s["party_after"]), re.compile(s["party_before"])
    found: list[Org] = []
    seen: dict[int, int] = {}
    for u in lay.units:
        seen[u.doc] = seen.get(u.doc, 0) + 1
        if seen[u.doc] > OPENING and u.kind != "heading":
            continue
        text = lay.docs[u.doc].text
        if ents._org_rx is None:
            break
        for m in ents._org_rx.finditer(text, u.start, u.end):
            if after.match(text[m.end():u.end]) or before.search(text[u.start:m.start()]):
                org = ents._org_of[m.group()]
                if org not in found:
                    found.append(org)
    return found


def _serves(cues: Cues, who: str, account: Org) -> re.Pattern[str]:
    names = "|".join(re.escape(a) + r"(?:['’]s)?" for a in sorted(account.aliases, key=len, reverse=True))
    return re.compile(cues.raw["speakers"]["serves"].replace("{who}", who).replace("{account}", f"(?:{names})"))


def claims_account(cues: Cues, org: Org) -> re.Pattern[str]:
    """Someone calling the organisation a customer of ours: "Baltic Gateway runs our TMS", "has run our
    demand forecasting since 2023"."""
    names = "|".join(re.escape(a) for a in sorted(org.aliases, key=len, reverse=True))
    return re.compile(cues.raw["speakers"]["claims_account"].replace("{account}", f"(?:{names})"))


def serves_account(cues: Cues, account: Org) -> re.Pattern[str]:
    """"We"/"our engineers" running or sitting in something of the account's."""
    return _serves(cues, r"[Ww]e|[Oo]ur[ \t]+[\w-]+(?:[ \t]+[\w-]+)?", account)


def serving_people(lay: Layout, ents: Entities, cues: Cues) -> list[Person]:
    """People whose words say their side runs or sits in something of the account's: a speaker saying
    "we"/"our engineers", or the notes saying it of them by name ("Björn's team does ...")."""
    if ents.account is None:
        return []
    we = serves_account(cues, ents.account)
    aliases = sorted({a for p in ents.people for a in p.aliases if len(a) >= 3}, key=len, reverse=True)
    named = _serves(cues, "|".join(re.escape(a) + r"(?:['’]s[ \t]+[\w-]+)?" for a in aliases),
                    ents.account) if aliases else None
    out: list[Person] = []
    for u in lay.units:
        if u.kind in ("heading", "header"):
            continue
        own = _QUOTED.sub(lambda m: " " * len(m.group()), lay.text(u))  # the customer's "we" is theirs
        speaker = ents.people.find(u.speaker) if u.speaker and u.kind == "cue" else None
        if speaker is not None and we.search(own) and speaker not in out:
            out.append(speaker)
        for m in named.finditer(own) if named else ():
            who = re.sub(r"['’]s[ \t]+[\w-]+$", "", m.group("who"))
            p = ents.people.find(who)
            if p is not None and p not in out:
                out.append(p)
    return out


def introducers(lay: Layout, ents: Entities, cues: Cues) -> list[Person]:
    """People who, as the subject of a sentence, introduce a customer person to our seller: in a co-sell,
    the go-between is the partner's."""
    if ents.seller is None:
        return []
    intro = cues.any_of("intro")
    out: list[Person] = []
    for u in lay.units:
        if u.kind in ("heading", "header"):
            continue
        text = lay.docs[u.doc].text
        for s, e in sentences(text, u.start, u.end):
            named = ents.people_in(text, s, e)
            if len(named) < 3 or not intro.search(text, s, e):
                continue
            head, a, _ = named[0]
            sides = {p.side for p, _, _ in named[1:]}
            at_head = text[s:a].strip(" \t-*") == ""
            if (at_head and "customer" in sides and any(p is ents.seller for p, _, _ in named)
                    and head.side is None and head not in out):
                out.append(head)
    return out


def partner_turns(lay: Layout, ents: Entities, cues: Cues) -> None:
    """An unnamed caption whose speaker's side serves the account or claims it as a customer ("We did the BIM
    coordination on Delgado-Hart's last two jobs", "Baltic Gateway runs our TMS") is the partner's person
    speaking, when one person at the table speaks for the partner."""
    speakers = [p for p in ents.people if p.side == "partner" and p.present]
    if len(speakers) != 1 or ents.account is None:
        return
    claim = claims_account(cues, ents.account)
    we = serves_account(cues, ents.account)
    for u in lay.units:
        if u.kind == "cue" and not u.speaker and lay.docs[u.doc].segments:
            own = _QUOTED.sub(lambda m: " " * len(m.group()), lay.text(u))  # the customer's "we" is theirs
            if we.search(own) or claim.search(own):
                u.speaker = speakers[0].name
