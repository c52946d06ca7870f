"""People introduced in running prose rather than in an attendee list.

A recap says who came for whom in a sentence ("From Clearbrook: Nnamdi Eze, their client partner ...,
and Paulina Wrobel from their innovation team. From us: me, Dev Malhotra ..."); a call introduces
someone and goes on about them by pronoun ("this is Dr Oluwaseun Adebayo, everyone calls him Seun. He
heads up decentralized trials at Vantara Clinical."); notes name the seller only as the one holding the
opportunity ("OPP-73318, stg 2, Fatima's."). The wording lives in the cue file's [speakers] section.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.descriptions import is_org_description, split_role_org
from drafter.extract.names import NAME, ORG, TOKEN
from drafter.extract.people import People, Person
from drafter.extract.units import Layout, Unit

if TYPE_CHECKING:
    from drafter.extract.entities import Entities

_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?"
_SIDE_MARK = re.compile(r"[ \t]*(?i:us|ours|our side|we)[ \t]*")
# "From Clearbrook: ...", "From us: ...": a sentence listing the people one side brought ("from Pricewell,
# Leonie Strauss and Nkechi Obi" in an attendee list)
_SIDE = rf"^(?:(?i:from|for|at)[ \t]+)(?P<side>(?i:us|our side|our team)\b|{ORG})[ \t]*"
_FROM_SIDE = {sep: re.compile(rf"{_SIDE}[{sep}][ \t]*") for sep in (":", ",:")}
_CACHE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(cues: Cues) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if cues.version not in _CACHE:
        s = cues.raw["speakers"]
        alias = f"(?P<alias>{TOKEN})"
        nick = re.compile(s["nickname"].replace("{name}", f"{_TITLE}(?P<name>{NAME})").replace("{alias}", alias))
        opp = f"(?:{cues.raw['ids']['opportunity']})"
        # each way of saying it names the holder once: the group name is numbered per alternative
        holder = re.compile("|".join(
            f"(?:{part})".replace("{opp}", opp).replace("{alias}", alias.replace("?P<alias>", f"?P<alias{k}>"))
            for k, part in enumerate(s["opp_holder"])))
        _CACHE[cues.version] = (nick, holder)
    return _CACHE[cues.version]


def side_list(people: People, u: Unit, s: int, sent: str, sep: str = ":") -> bool:
    """"From Clearbrook: Nnamdi Eze, ..., and Paulina Wrobel ...": everyone named came for that organisation
    (or for us), whatever else the sentence says of them. Returns whether the sentence is such a list."""
    m = _FROM_SIDE[sep].match(sent)
    if m is None or m.group("side").split()[0] in people.cues.stop_caps:
        return False
    ours = m.group("side").lower() in ("us", "our side", "our team")
    for nm in re.finditer(NAME, sent[m.end():]):
        at = s + m.end() + nm.start()
        p = people.by_name.get(nm.group()) or people.add(nm.group(), u.doc, at)
        if p is None:
            continue
        p.present = True
        if ours:
            p.side = p.side or "ours"
        elif m.group("side") not in p.org_candidates:
            p.org_candidates.insert(0, m.group("side"))  # before "their client partner for Harrowgate"
    return True


def last_named(people: People, text: str, start: int, end: int) -> Person | None:
    """The person named last (by full name) in text[start:end]: whom a following "He"/"She" is about."""
    found = None
    for m in re.finditer(rf"{_TITLE}(?P<name>{NAME})", text[start:end]):
        found = people.by_name.get(m.group("name")) or found
    return found


def nicknames_and_holders(people: People, u: Unit, s: int, sent: str) -> None:
    """"everyone calls him Seun": an alias; "OPP-73318, stg 2, Fatima's.": a person known by a first name."""
    nick, holder = _patterns(people.cues)
    for m in nick.finditer(sent):
        p = people.by_name.get(m.group("name")) or people.add(m.group("name"), u.doc, s + m.start("name"))
        if p is not None and m.group("alias") not in people.cues.stop_caps:
            p.aliases.add(m.group("alias"))
    for m in holder.finditer(sent):
        key = _holder_group(m)
        name = m.group(key)
        if name not in people.cues.stop_caps and people.find(name) is None:
            people.add(name, u.doc, s + m.start(key), speaker=True)


def _holder_group(m: re.Match[str]) -> str:
    """The group naming the holder in whichever way of saying it matched."""
    return next(k for k, v in m.groupdict().items() if k.startswith("alias") and v)


def account_holders(lay: Layout, ents: Entities, cues: Cues) -> list[Person]:
    """People said to hold the account's opportunity ("GREENHOLLOW ..." / "- OPP-73318, stg 2, Fatima's."):
    the seller. The line must be about the account: naming it, or under a heading or item that does."""
    if ents.account is None:
        return []
    _, holder = _patterns(cues)
    out: list[Person] = []
    for u in lay.units:
        text = lay.docs[u.doc].text
        scope = [u] + [lay.units[x] for x in (u.parent, u.section) if x is not None]
        if not any(ents.account in ents.orgs_in(text, v.start, v.end) for v in scope):
            continue
        for m in holder.finditer(text, u.start, u.end):
            p = ents.people.find(m.group(_holder_group(m)))
            if p is not None and p not in out and p.side in (None, "ours"):
                out.append(p)
    return out


def _name_list(people: People, u: Unit, at: int, item: str) -> bool:
    """"On the call: Arjun Mehta, Hana Whitlock, Gemma Rook (events)": an attendee list of bare names, one of
    them already known as a person, names people; none of its entries is an organisation. Returns whether
    the item is such a list."""
    bare = re.sub(r"\([^()]*\)", lambda x: " " * len(x.group()), item)  # commas inside a parenthesis stay
    parts = [(m.start(), m.group().strip()) for m in re.finditer(r"[^,]+", bare)]
    if len(parts) < 2 or not all(re.fullmatch(NAME, name) for _, name in parts):
        return False
    if not any(name in people.by_name for _, name in parts):
        return False
    for off, name in parts:
        p = people.add(name, u.doc, at + off + bare[off:].index(name))
        if p:
            p.present = True
    return True


def attendee_items(people: People, u: Unit, s: int, e: int, sent: str, group_org: str | None,
                   group_side: str | None, found_paren: bool) -> None:
    """Items of an attendee list, one a line or between semicolons: "Ines Carvalho, head of partnerships at
    Azulejo", "Dmitri Sokolov - runs the vet practice group at Kettleby Systems (MSP, ~40 hospitals)" (a
    name, a dash, what they do; the parenthesis says more about the organisation), "from Pricewell, Leonie
    Strauss and Nkechi Obi (AE)" (the people one organisation brought)."""
    for im in re.finditer(r"[^;\n]+", sent):
        item = im.group().strip()
        at_item = s + im.start() + len(im.group()) - len(im.group().lstrip())
        if side_list(people, u, at_item, item, ",:"):
            continue
        if _name_list(people, u, s + im.start(), im.group()):
            continue
        if "(" in item and found_paren:
            continue
        # a parenthesis describes more than the person, except one that says which side they are on ("(us)")
        bare = re.sub(r"\(([^()]*)\)", lambda x: x.group() if _SIDE_MARK.fullmatch(x.group(1))
                      else " " * len(x.group()), item)
        parts = [p for p in re.split(r",", bare)]
        head = re.split(r"[ \t]+[-–—][ \t]+", parts[0].strip(), maxsplit=1)
        if len(head) == 2:
            parts = [head[0], head[1], *parts[1:]]
        name_m = re.match(NAME, parts[0].strip()) if parts else None
        if name_m and name_m.group() == parts[0].strip():
            kind = parts[1].strip().rstrip(".") if len(parts) > 1 else ""
            if len(kind.split()) >= 2 and is_org_description(kind, people.cues):
                # "Who: Brantwood Timber Merchants, family-owned timber wholesaler": an organisation (one word,
                # "Ana Lopes, reseller", may still say what a person is there for)
                continue
            role, orgs, ours = split_role_org(parts[1:], people.cues)
            at = s + im.start() + im.group().index(parts[0].strip())
            p = people.add(parts[0].strip(), u.doc, at, role=role,
                           orgs=orgs + ([group_org] if group_org else []), side="ours" if ours else group_side,
                           fact=(at, s + im.end()) if ";" in sent or "\n" in sent else (s, e))
            if p:
                p.present = True
