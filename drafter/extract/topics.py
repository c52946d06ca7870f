"""How much each unit of the notes is about the packet's account: the part of a sync that discusses
it, the stretch of a call between its first and last mention, not the asides or the other accounts."""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.extract.cues import Cues
from drafter.extract.entities import Entities
from drafter.extract.org_scores import off_topic_orgs
from drafter.extract.sentences import sentences
from drafter.extract.units import Layout, Unit


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", text.lower())).strip()


def unit_topics(lay: Layout, ents: Entities, cues: Cues,
                field_of: Callable[[Unit], str | None] | None = None) -> list[float]:
    """How much each unit is about the packet's account: +2 names it, +1 its section or stretch of
    conversation does, 0 neutral (attendees, action items), negative for other accounts and asides.
    `field_of` says which field a unit's label names, if any."""
    units = lay.units
    n = len(units)
    topic = [0.0] * n
    acc = ents.account
    off = cues.any_of("off_topic")
    around = cues.any_of("aside_around")
    deal = cues.any_of("deal_context")
    generic = cues.patterns["section_generic"]
    others = [o for o in ents.orgs if o not in (ents.account, ents.partner, ents.ours) and " " in o.name]
    other_aliases = {a for o in others for a in o.aliases}
    acc_aliases = acc.aliases if acc else set()
    # a title in capitals names it too: "CO-SELL: BRACKENFORD COUNTY COUNCIL"
    caps = [re.escape(a.upper()) for a in acc_aliases if len(a) > 3 and not a.isupper()]
    in_caps = re.compile(rf"(?<!\w)(?:{'|'.join(caps)})(?!\w)") if caps else None

    def mentions(u: Unit, aliases: set[str]) -> bool:
        return any(o.aliases & aliases for o in ents.orgs_in(lay.docs[u.doc].text, u.start, u.end))

    def names_account(u: Unit) -> bool:
        # the account an aside is placed around ("Before Brightwater, one thing: Tarnby Mills, OPP-30117") is
        # not its topic
        text = lay.docs[u.doc].text
        rx = ents._org_rx
        if in_caps is not None and in_caps.search(text, u.start, u.end):
            return True
        return rx is not None and any(
            ents._org_of[m.group()].aliases & acc_aliases and not around.search(text, max(u.start, m.start() - 12),
                                                                                  m.start())
            for m in rx.finditer(text, u.start, u.end))

    own: list[float | None] = [None] * n
    for i, u in enumerate(units):
        text = lay.docs[u.doc].text
        if acc and names_account(u):
            own[i] = 2.0
            continue
        spans = sentences(text, u.start, u.end)
        for k, (s, e) in enumerate(spans):
            hit = off.search(text, s, e)
            if hit:
                target = off_topic_orgs(ents, text, spans, k, hit.start() - s, hit.end() - s, around)
                if not target or target[0] is not acc:
                    own[i] = -3.0
                    break
        # another account's deal talked about, unless the line is one of this packet's moves or checks
        # ("Your move: send Jonas the Dunlow Arena results and ask for time before the RFP opens")
        if own[i] is None and mentions(u, other_aliases) and deal.search(text, u.start, u.end) and not (
                field_of is not None and field_of(u) not in (None, "account", "partner")):
            own[i] = -3.0
    # sections: a heading's topic holds for the units under it
    sec_topic: dict[int, float] = {}
    titles = set()
    first_heading: dict[int, int] = {}
    for i, u in enumerate(units):
        if u.kind == "heading":
            first_heading.setdefault(u.doc, i)
    # the account has a section of its own among sections about other accounts (a sync going through its
    # list); a heading that merely names the account ("What Brightwater wants from us") in notes about it alone
    # makes no other section another topic
    # (a section that opens on another account; an aside inside the account's own section is not one)
    opens: dict[int, int] = {}
    for i, u in enumerate(units):
        if u.kind != "heading" and u.section is not None:
            opens.setdefault(u.section, i)
    others_sectioned = any(u.kind == "heading" and ((own[i] or 0.0) < 0 or mentions(u, other_aliases)
                                                    or (own[opens[i]] or 0.0) < 0 if i in opens else False)
                           for i, u in enumerate(units))
    dedicated = others_sectioned and any(u.kind == "heading" and own[i] == 2.0 and first_heading.get(u.doc) != i
                                         for i, u in enumerate(units))
    for i, u in enumerate(units):
        if u.kind != "heading":
            continue
        same_doc = [x for x in units if x.doc == u.doc and x.kind == "heading"]
        if same_doc and same_doc[0] is u and all(x.level > u.level for x in same_doc[1:]) and len(same_doc) > 1:
            titles.add(i)
            continue
        head = _norm(lay.text(u))
        if off.search(head):
            sec_topic[i] = -3.0
        elif acc and own[i] == 2.0:
            sec_topic[i] = 2.0
        elif generic.match(re.sub(r"^\d+\s*", "", head)) or acc is None:
            sec_topic[i] = 0.0
        else:
            body = [j for j in range(i + 1, n) if _under(units, j, i)]
            # where the account has a section of its own, the other sections are other topics
            sec_topic[i] = 1.0 if any(own[j] == 2.0 for j in body) else -1.0 if dedicated else 0.0
        if u.section is not None and sec_topic.get(u.section, 0.0) > 0 and sec_topic[i] > -3.0:
            # a sub-heading inside the account's section ("- Greywick (co-sell)" / "- Joint value") is about it too
            sec_topic[i] = max(sec_topic[i], sec_topic[u.section])
    window = _window(lay, own, acc is not None, cues)
    for i, u in enumerate(units):
        mine = own[i]
        if mine is not None:
            topic[i] = mine
        elif u.parent is not None:
            topic[i] = topic[u.parent]
        elif u.section is not None and u.section not in titles and u.section in sec_topic:
            topic[i] = sec_topic[u.section]
        elif u.kind == "heading" and i in sec_topic:
            topic[i] = sec_topic[i]
        else:
            topic[i] = window[i]
    return topic


def _under(units: list[Unit], j: int, head: int) -> bool:
    s = units[j].section
    while s is not None:
        if s == head:
            return True
        s = units[s].section
    return False


def _window(lay: Layout, own: list[float | None], has_account: bool, cues: Cues) -> list[float]:
    """For text without sections: the stretch from the first to the last mention of the account (plus
    the reply after it) is on topic; an aside ("different topic") runs until the account comes back,
    or the talk does ("Last thing, ...", "back to ...", "the handoff")."""
    back = cues.any_of("topic_return")
    out = [0.0] * len(own)
    if not has_account:
        return [x if x is not None and x < 0 else 0.0 for x in own]
    by_doc: dict[int, list[int]] = {}
    for i, u in enumerate(lay.units):
        by_doc.setdefault(u.doc, []).append(i)
    for idx in by_doc.values():
        hits = [k for k, i in enumerate(idx) if own[i] == 2.0]
        if not hits:
            continue
        first, last = hits[0], min(len(idx) - 1, hits[-1] + 1)
        aside = False
        for k, i in enumerate(idx):
            u = lay.units[i]
            mine = own[i]
            if mine == 2.0:
                aside = False
            elif mine is not None and mine < 0 and u.kind in ("cue", "text"):
                aside = True
            elif aside and back.search(lay.text(u)):
                aside = False
            inside = first <= k <= last
            # before the account comes up is small talk; after its last mention, recaps and actions. A line
            # labelled with a field ("Partner: Sable Ridge -- Anselm ...") is no small talk, wherever it stands
            early = k < first and not (u.label and any(
                fc.labels is not None and fc.labels.match(_norm(u.label)) for fc in cues.fields.values()))
            out[i] = -3.0 if aside else 1.0 if inside else -1.0 if early else 0.0
    return out
