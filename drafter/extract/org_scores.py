"""How strongly the notes make each organisation the account, or the partner.

The account is the organisation the notes tie to an opportunity, an "Account:" label, a co-sell
heading, the seller's list, or the customer the talk settles on; the partner is the organisation the
notes treat as one (named in a partner meeting's title, with people at the table, reselling,
implementing, running the customer's systems). `find_entities` picks the best pair of the two.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.orgs import Org
from drafter.extract.sides import buyer_title, resolve_org
from drafter.extract.structure import Layout, Unit, sentences

if TYPE_CHECKING:
    from drafter.extract.entities import Entities

_PARTNER_CUE = re.compile(
    r"partnerships?|alliances?|\bpartner\b|\bresells?\b|\breseller\b|\bimplemented\b|\brollout\b|\bhas run\b|\bruns?"
    r" (?:their|the)\b"
    r"|\bhas sold\b|\bsupported\b|\bmanages? their\b|\bdeploys\b|\bconnects\b|\bmigrates\b|\bhandles\b|\bsi\b|\bmsp\b"
    r"|\bintegrator\b|\bdid the\b|\bmarketplace\b|\bmktplace\b|\bcommit\b", re.I)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", text.lower())).strip()


_WITH = re.compile(r"(?:\bwith|\bw/|\bfor|\bre:?)\s+(?=[A-Z])")
_PARTNER_WORDS = re.compile(r"\bpartner|\balliance|\bchannel\b|\breseller|\bqbr\b|\bpdm\b", re.I)

def _title_units(lay: Layout) -> set[int]:
    """Each document's title: its first heading, or a short first line that reads like one."""
    out: set[int] = set()
    heading_seen: set[int] = set()
    text_seen: set[int] = set()
    for i, u in enumerate(lay.units):
        if u.kind == "heading" and u.doc not in heading_seen:
            heading_seen.add(u.doc)
            out.add(i)
        elif u.kind in ("text", "bullet", "row", "cue") and u.doc not in text_seen:
            text_seen.add(u.doc)
            if u.kind == "text" and u.end - u.start <= 140 and "\n" not in lay.docs[u.doc].text[u.start:u.end]:
                out.add(i)
    return out


def score_account(lay: Layout, ents: Entities, cues: Cues, orgs: list[Org]) -> dict[int, float]:
    score: dict[int, float] = {id(o): min(2.0, 0.25 * len(o.mentions)) for o in orgs}
    opp = cues.patterns["opportunity"]
    account_label = cues.fields["account"].labels
    priority = cues.any_of("priority")
    other = cues.any_of("off_topic")
    focus = cues.any_of("focus")
    # "Harrowgate is a regional property and casualty mutual": what customers are
    customer_is = re.compile(r"\bis (?:an? |the )?(?:[\w-]+ ){0,4}?(?:" + "|".join(cues.raw["text"]["customer_kinds"])
                             + r")\b", re.I)
    serving = cues.any_of("serving")
    place = re.compile(cues.raw["text"]["place_before"])
    classify = cues.any_of("booked")
    unnamed = cues.fields["account"].absent  # "Theo won't give me the name ... so no name, no opp yet"

    def add(found: list[Org], w: float) -> None:
        for o in dict.fromkeys(found):
            score[id(o)] = score.get(id(o), 0) + w

    titles = _title_units(lay)
    seen_sec: set[int] = set()
    for i, u in enumerate(lay.units):
        text = lay.docs[u.doc].text
        unit_text = text[u.start:u.end]
        if i in titles and not _PARTNER_WORDS.search(unit_text):
            dash = re.search(r"\s[—–-]\s+(?=[A-Z])", unit_text)  # "Discovery Call Summary — MedFirst Health"
            if dash:
                after = ents.orgs_in(text, u.start + dash.end(), u.end)[:1]
                if after and after[0].mentions and re.fullmatch(
                        r"[\W\s]*", text[_mention_end(after[0], u.doc, u.start + dash.end()):u.end]):
                    add(after, 1.5)
        if i in titles or u.kind == "heading":
            w = 4.0 if re.search(r"co[- ]?sell|nominat|opportunit|account|deal", unit_text, re.I) else 0.5
            add(ents.orgs_in(text, u.start, u.end)[:1], w)
            if i in titles and not _PARTNER_WORDS.search(unit_text):
                for m in _WITH.finditer(unit_text):
                    who = ents.people_in(text, u.start + m.end(), u.end)[:1]
                    if who and who[0][1] == u.start + m.end():
                        continue  # "call w/ Ruth (Tallow Systems)": the person met, and where they work
                    add(ents.orgs_in(text, u.start + m.end(), u.end)[:1], 3.0)
            if u.kind == "heading":
                continue
        if u.kind == "header" and (u.label or "").lower() == "subject":
            add(ents.orgs_in(text, u.body, u.end)[:1], 2.0)
            continue
        if u.label and account_label and account_label.match(_norm(u.label)):
            # the organisation the label is given, in its first sentence: "the account: a 40-community operator
            # in the Southeast. Theo won't give me the name until their NDA with Lumenfold ..." names none
            first = sentences(text, u.body, u.end)[:1]
            add(ents.orgs_in(text, u.body, first[0][1] if first else u.end)[:1], 6.0)
        sec = lay.units[u.section] if u.section is not None else None
        is_profile = sec is not None and account_label is not None and account_label.match(_norm(lay.text(sec)))
        if is_profile and u.section is not None and u.section not in seen_sec:
            seen_sec.add(u.section)  # "Customer Profile:" then "MedFirst Health is a healthcare payer ..."
            add(ents.orgs_in(text, u.start, u.end)[:1], 4.0)
        masked = _mask_people(text, u, ents)
        unit_orgs = ents.orgs_in(masked, u.start, u.end)
        opp_in_unit = False
        before = _brought_up(lay, ents, lay.units[i - 1]) if i > 0 and lay.units[i - 1].doc == u.doc else []
        spans = sentences(text, u.start, u.end)
        for k, (s, e) in enumerate(spans):
            found = ents.orgs_in(masked, s, e)
            sent = text[s:e]
            hit = other.search(sent)
            if hit:
                add(off_topic_orgs(ents, text, spans, k, hit.start(), hit.end(), cues.any_of("aside_around")), -3.0)
                continue
            # "Yes, Greenmarket Foods. We've run their forecasting." / "It's on my named list.", "Highveld
            # Broadcasting Corporation. I've had OPP-59344 open since July.": a record or a list said of no
            # one by name ties the customer named last in the turn, or in the turn before
            earlier = _not_places(ents, masked, u.start, s, place)[-1:] if k else before
            if opp.search(sent):
                opp_in_unit = True
                add(found or ([] if other.search(unit_text) or not k else earlier), 3.0)
            # ... as do the opportunity to be opened and how it will be booked: "Grayhaven isn't in my CRM at
            # all. ... I'll open one today and it'll be partner-sourced"
            booked = bool(classify.search(sent)) and not (unnamed is not None and unnamed.search(unit_text))
            if priority.search(sent) or booked:
                add(found or ([] if other.search(unit_text) else earlier), 2.0)
            cm = customer_is.search(sent)
            if cm:
                add(ents.orgs_in(masked, s, s + cm.start())[-1:], 1.5)
            rel = serving.search(sent)
            if rel:  # "Tallis has run Fernhill's yard", "they run the estate for Penmore Water"
                add(ents.orgs_in(masked, s + rel.end(), e)[:1], 1.0)
        if opp_in_unit:
            add(unit_orgs, 1.0)
            if u.parent is not None:
                parent = lay.units[u.parent]
                add(ents.orgs_in(text, parent.start, parent.end)[:1], 3.0)
            elif not unit_orgs:
                # "Sakuragi Interactive. ... Samir, I think you already have them?" / "I do. OPP-91130":
                # a record id given in reply ties the customer the turn before brought up
                add(before, 3.0)
        turn = focus.search(unit_text)
        if turn:
            # "And the other?", "What's the real one?", "<- main thing": the talk turns to the account,
            # named with the words or just before them on the line, else in the next turn
            at = u.start + turn.start()
            marked = re.search(r"(?:<-+|←|[-–—:=(])[ \t]*$", text[max(u.start, at - 6):at])  # "TRWA <- main thing"
            named = ents.orgs_in(masked, at, u.end)[:1] or (
                ents.orgs_in(masked, u.start, at)[-1:] if marked else
                _brought_up(lay, ents, lay.units[i + 1]) if i + 1 < len(lay.units) else [])
            add(named[:1], 2.0)
        for p, _, _ in ents.people_in(text, u.start, u.end):
            if p.side == "customer" and (p.org_candidates or p.org_hints):
                add([o for o in ents.orgs_in((p.org_candidates + p.org_hints)[0])][:1], 0.5)
    for p in ents.people:  # "Alex Johnson (VP of Engineering, Acme Corp)" at the table: the buyer's firm
        org = resolve_org(p, ents)
        if org is not None and p.present and p.side != "ours" and buyer_title(p.role, cues):
            add([org], 1.5)
    return score


def score_partner(lay: Layout, ents: Entities, orgs: list[Org], cues: Cues) -> dict[int, float]:
    score: dict[int, float] = {id(o): min(2.0, 0.25 * len(o.mentions)) for o in orgs}

    def add(found: list[Org], w: float) -> None:
        for o in dict.fromkeys(found):
            score[id(o)] = score.get(id(o), 0) + w

    titles = _title_units(lay)
    partner_label = cues.fields["partner"].labels
    labelled: set[int] = set()
    for i, u in enumerate(lay.units):
        text = lay.docs[u.doc].text
        sec = lay.units[u.section] if u.section is not None else None
        by_label = bool(u.label and partner_label is not None and partner_label.match(_norm(u.label)))
        by_section = (sec is not None and u.section not in labelled and partner_label is not None
                      and bool(partner_label.match(_norm(lay.text(sec)))))
        if (by_label or by_section) and u.kind != "heading":
            if by_section and not by_label and u.section is not None:
                labelled.add(u.section)
            start = u.body if by_label else u.start
            add(ents.orgs_in(text, start, u.end)[:1], 5.0)  # "Partner: Vantage Integration Group — Tom Reyes"
        if i in titles:
            title = text[u.start:u.end]
            found = ents.orgs_in(text, u.start, u.end)
            m = _WITH.search(title)
            if _PARTNER_WORDS.search(title):
                add((ents.orgs_in(text, u.start + m.end(), u.end) if m else found)[:1], 4.0)
            elif not m:
                add(found[:1], 2.0)
        for s, e in sentences(text, u.start, u.end):
            sent = text[s:e]
            for m in _PARTNER_CUE.finditer(sent):
                near = [o for o in ents.orgs_in(text, max(s, s + m.start() - 40), min(e, s + m.end() + 40))]
                add(near[:2], 0.75)
    for p in ents.people:
        org = resolve_org(p, ents)
        if org:
            w = 2.0 if p.role and re.search(r"partner|alliance|channel", p.role, re.I) else 1.5
            # someone at the table for an organisation that is not ours: the partner in a co-sell meeting
            # (unless they hold the buyer's kind of title)
            add([org], w + (1.5 if p.present and p.side != "ours" and not buyer_title(p.role, cues) else 0.0))
    for org in sourcing_orgs(lay, ents, cues):  # "I'm the one who brings you the accounts"
        add([org], 2.0)
    add(_described_as_channel(lay, ents, cues), 2.0)
    return score


def _described_as_channel(lay: Layout, ents: Entities, cues: Cues) -> list[Org]:
    """Organisations the notes describe, in brackets, as a kind of channel partner: "OBC = Oakhurst Building
    Controls (BMS integrator, AZ + NM)", "Tessera (reseller)"."""
    kinds = cues.any_of("partner_kinds")
    rx = ents._org_rx
    out: list[Org] = []
    if rx is None:
        return out
    for d in lay.docs:
        for m in rx.finditer(d.text):
            paren = re.match(r"[ \t]*\(([^()\n]{2,80})\)", d.text[m.end():m.end() + 90])
            if paren and kinds.search(paren.group(1)):
                out.append(ents._org_of[m.group()])
    return out


def event_orgs(lay: Layout, ents: Entities, cues: Cues) -> list[Org]:
    """Names of events, not organisations at the table: "Seafood Expo", "VetTech Live", "the Fabtech
    show" (a name ending in, or followed by, an event's kind). A badge scan there is no account."""
    kinds = cues.any_of("events")
    out: list[Org] = []
    for o in ents.orgs:
        last = o.name.split()[-1]
        after = [lay.docs[d].text[b:b + 20] for d, _, b in o.mentions]
        after = [re.sub(r"^['’]s\b", "", a).lstrip() for a in after]
        # ... most times it is named: "Brackwell conference write-up", once among a dozen "Brackwell"s, is theirs
        events = sum(1 for a in after if kinds.match(a))
        if (" " in o.name and kinds.fullmatch(last)) or (events and 2 * events >= len(after)):
            out.append(o)
    return out


def sourcing_orgs(lay: Layout, ents: Entities, cues: Cues) -> list[Org]:
    """Organisations whose people say they bring us the accounts: in a co-sell call, the partner's side,
    never the account."""
    brings = cues.any_of("brings_accounts")
    out: list[Org] = []
    for u in lay.units:
        speaker = ents.people.find(u.speaker) if u.speaker else None
        org = resolve_org(speaker, ents) if speaker is not None else None
        if org is not None and org not in out and brings.search(lay.text(u)):
            out.append(org)
    return out


def registrant_orgs(lay: Layout, ents: Entities, cues: Cues) -> list[Org]:
    """Organisations that hold a deal registration, or are our reseller or distributor ("Skyward IT, our
    UK reseller, registered Kittiwake", "reg'd by VetLink Partners"): a channel of record, never the
    account that is registered."""
    if ents._org_rx is None:
        return []
    org = f"(?P<org>{ents._org_rx.pattern})"
    rxs = [re.compile(p.replace("{org}", org)) for p in cues.raw["text"]["registrant"]]
    out: list[Org] = []
    for doc in lay.docs:
        for rx in rxs:
            for m in rx.finditer(doc.text):
                found = ents._org_of.get(m.group("org"))
                if found is not None and found not in out:
                    out.append(found)
    return out


def _brought_up(lay: Layout, ents: Entities, u: Unit) -> list[Org]:
    """The organisation a turn brings up: the first one it names by a full name (several words) or that
    the notes name more than once, so "Osaka and Montreal" in passing is not it."""
    text = lay.docs[u.doc].text
    for o in ents.orgs_in(_mask_people(text, u, ents), u.start, u.end):
        if " " in o.name or len(o.mentions) > 1:
            return [o]
    return []


def _not_places(ents: Entities, text: str, start: int, end: int, place: re.Pattern[str]) -> list[Org]:
    """The organisations named in text[start:end], leaving out the places ("98 stores in Paraná and
    Santa Catarina"), so a record said next names the customer before them, not a region."""
    if ents._org_rx is None:
        return []
    return [ents._org_of[m.group()] for m in ents._org_rx.finditer(text, start, end)
            if not place.search(text, max(start, m.start() - 80), m.start())]


def _mention_end(org: Org, doc: int, start: int) -> int:
    return min((b for d, a, b in org.mentions if d == doc and a >= start), default=start)


def _mask_people(text: str, u: Unit, ents: Entities) -> str:
    """The text with the descriptions of people blanked, so "(Jess Tran, SaaS mid-mkt)" names no account."""
    spans = [(a, b) for p in ents.people for d, a, b in p.facts if d == u.doc and a < u.end and b > u.start]
    if not spans:
        return text
    chars = list(text[u.start:u.end])
    for a, b in spans:
        for i in range(max(a, u.start), min(b, u.end)):
            chars[i - u.start] = " "
    return text[:u.start] + "".join(chars) + text[u.end:]


def off_topic_orgs(ents: Entities, text: str, spans: list[tuple[int, int]], k: int, a: int, b: int,
                   around: re.Pattern[str] | None = None) -> list[Org]:
    """The organisation an off-topic remark is about: the last one named before it in the sentence,
    else in the sentence before, else the first one after it ("not a Kestrel account" names Kestrel
    only to say the other one is not its account). One the aside is placed around ("Before Valdora, one
    housekeeping thing") is not it."""
    s, e = spans[k]

    def named(x: int, y: int) -> list[Org]:
        if ents._org_rx is None:
            return []
        return [ents._org_of[m.group()] for m in ents._org_rx.finditer(text, x, y)
                if around is None or not around.search(text, max(x, m.start() - 12), m.start())]

    before = named(s, s + a)
    if before:
        return before[-1:]
    if k > 0:
        prev = named(*spans[k - 1])
        if prev:
            return prev[-1:]
    return named(s + b, e)[:1]
