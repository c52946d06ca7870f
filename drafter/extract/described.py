"""How the notes describe people: their names, roles and organisations, and where that is written.

Found only where the notes describe someone: attendee lists, "Name (role, Org)", appositions
("Aldergrove's CIO, Brendan Kowalski"), "AE = JT (Jess Tran)", speakers, email senders and
signatures, "Lorna runs partnerships at Shelfwise". Nothing is guessed from a bare capitalised word.
"""

from __future__ import annotations

import re

from drafter.extract.cues import Cues
from drafter.extract.descriptions import (
    at_org,
    is_org_description,
    leading_org,
    long_role,
    org_label,
    our_role,
    person_acts,
    split_role_org,
)
from drafter.extract.introductions import attendee_items, last_named, nicknames_and_holders, side_list
from drafter.extract.names import NAME, ORG, PARTICLE, TOKEN, UPPER
from drafter.extract.people import People
from drafter.extract.structure import Layout, Unit, sentences

_TOKEN = TOKEN
_PARTICLE = PARTICLE
_NAME_PAREN = re.compile(rf"(?<![\w&.])(?P<name>{NAME})[ \t]*\((?P<paren>[^()\n]{{2,120}})\)")
# "Hamid (channel)", "Camille (our AE, aviation Nordics)": a first name alone, described by a role
_FIRST_PAREN = re.compile(rf"(?<![\w&.'’])(?P<name>{TOKEN})[ \t]*\((?P<paren>[^()\n]{{2,80}})\)")
_PARTIES = re.compile(r"(?i:partner|customer|client|prospect|account|us|ours|them|target)")
# the words before the last word of a longer name, particles included ("Anouk van Dijk (account manager)")
_NAME_BEFORE = re.compile(rf"[{UPPER}][\w'’-]*[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}$")
_ROLE_WORDS = r"(?:(?!(?:the|their|our|his|her|a|an)\b)[A-Za-z][\w&/-]*[ \t]?){1,6}"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?"
_APPOS_BEFORE = re.compile(
    rf"(?P<owner>\b(?:[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|[Tt]he|{_TOKEN}(?:[ \t]{_TOKEN})?(?:'s|’s)))[ \t]+"
    # "their VP Claims, Gareth Pryce-Jones", "their claims mgr Brody Nguyen", "the fleet director (Ted Olsen)"
    rf"(?P<role>{_ROLE_WORDS})(?P<sep>,[ \t]+|[ \t]+\(|[ \t]+){_TITLE}(?P<name>{NAME})\b"
)
_SELF_ROLE = re.compile(r"(?:I[\'’]m |I am )?(?:the |a |an )?(?P<role>[A-Za-z][\w&/ -]{2,50}?)(?=[,.;]|$)")
# "Their quality manager is Rodrigo Paredes", "Altair's CIO is Dana Moss"
_ROLE_IS = re.compile(rf"(?P<owner>\b(?:[Tt]heir|[Oo]ur|{_TOKEN}(?:'s|’s)))[ \t]+(?P<role>{_ROLE_WORDS})[ \t]+"
                      rf"(?:is|was|will be)[ \t]+{_TITLE}(?P<name>{NAME})\b")
_APPOS_AFTER = re.compile(rf"(?<![\w&])(?P<name>{NAME}),[ \t]+(?P<owner>our|their|the|[A-Z]\w+(?:'s|’s))["
                          rf" \t]+(?P<role>[\w&/ -]{{2,60}})")
_ORG_ROLE_NAME = re.compile(
    rf"\b(?P<org>[A-Z][\w&]{{1,12}})(?:'s|’s)?[ \t]+(?P<role>(?:[a-z]+[ \t]+)?"
    rf"(?:VP|CIO|CTO|COO|CEO|CFO|CISO|director|head|lead|manager)(?:[ \t]+of[ \t]+\w+)?)[ \t]+(?P<name>{NAME})\b")
_HONORIFIC = re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+(?P<name>{NAME})\b")
_ROLE_NAME = re.compile(rf"\b(?P<role>AE|SA|SE|PDM|PAM|CSM|TAM|AM|CEO|CTO|CIO|COO|CFO|CISO|CMO|VP|GM)["
                        rf" \t]+(?P<name>{NAME})\b")
_ME_NAME = re.compile(rf"\b(?:me|myself)[ \t]*\((?P<name>{NAME})\)")
_INITIALS_DEF = re.compile(rf"(?P<role>\b[\w/]{{2,20}})[ \t]*=[ \t]*(?P<abbr>[A-Z]{{2,4}})["
                           rf" \t]*\((?P<name>{NAME})(?P<rest>[^)\n]*)\)")
# "AE = Dmitri Volkov (DV, mid-mkt healthcare)": a role, the person, then their initials
_ROLE_EQ_NAME = re.compile(rf"(?P<role>\b[\w/]{{2,20}})[ \t]*=[ \t]*(?P<name>{NAME})[ \t]*\((?P<abbr>[A-Z]{{2,4}})"
                           rf"(?P<rest>[^)\n]*)\)")
# "AE = Mo (Maurice Adair, construction West)": a role, the short name the notes use, then the full name
_ROLE_EQ_SHORT = re.compile(rf"(?P<role>\b[\w/]{{2,20}})[ \t]*=[ \t]*(?P<short>{TOKEN})[ \t]*\((?P<name>{NAME})"
                            rf"(?P<rest>[^)\n]*)\)")
# "Øystein Lie = key acct mgr, fisheries, BR": a person defined by their role, in shorthand notes
_NAME_EQ_ROLE = re.compile(rf"(?<![\w&.])(?P<name>{NAME})[ \t]*=[ \t]*(?P<desc>[^=.;()\n]{{2,80}})")
# "Mateus Carvalho, senior agronomist and partner lead at Verdant Row Agronomics"
_APPOS_AT = re.compile(rf"(?<![\w&])(?P<name>{NAME}),[ \t]+(?P<role>[a-z][\w&/ -]{{2,60}}?)[ \t]+"
                       rf"(?:at|with|from)[ \t]+(?P<org>{ORG})")
# "..., AE for Kelvra": "for" names the organisation only where no "at" does ("head of partnerships for
# Iberia at Azulejo" works at Azulejo)
_APPOS_FOR = re.compile(rf"(?<![\w&])(?P<name>{NAME}),[ \t]+"
                        rf"(?P<role>[a-z](?:(?![ \t](?:at|with|from)[ \t])[\w&/ -]){{2,60}}?)[ \t]+for[ \t]+"
                        rf"(?P<org>{ORG})(?![\w&/ -]*[ \t](?:at|with|from)[ \t])")
# "Olumide Bakare, higher-education account director." : a name, then what they do, nothing after
_APPOS_ROLE = re.compile(rf"(?:^|(?<=[.;:!?(][ \t])|(?<=[-–—][ \t])|(?<=\n))[ \t]*{_TITLE}(?P<name>{NAME}),[ \t]+"
                         rf"(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?P<role>[a-z][\w&/ -]{{2,60}}?)[ \t]*(?=[.;)]|$)")
_FROM_ORG = re.compile(rf"(?P<name>\b{NAME})[ \t]+(?:from|at|of)[ \t]+(?P<org>{_TOKEN}(?:[ \t](?:&["
                       rf" \t])?{_TOKEN}){{0,3}})")
_EMAIL = re.compile(r"(?P<name>[^,<>\"\n]+?)[ \t]*<(?P<addr>[^>@\s]+@(?P<domain>[^>\s]+))>")


def find_people(lay: Layout, cues: Cues) -> People:
    """Everyone the notes describe, with role, organisation and side where written."""
    people = People(cues)
    attendee = cues.patterns["section_attendees"]
    # everyone who speaks is known before anything is read: "Ravi, this is Colm Fitzgerald; Colm is channel
    # director at Brindle" describes Colm a turn before he first speaks
    for u in lay.units:
        # ... and everyone who wrote a row of a log ("2026-03-02 | Email | Marisol Ybarra | ...")
        if u.kind in ("cue", "text") and u.speaker and u.speaker_at is not None:
            text = lay.docs[u.doc].text
            written = text[u.speaker_at:u.speaker_at + len(u.speaker)] == u.speaker
            people.add(u.speaker, u.doc, u.speaker_at if written else None, speaker=True)
    for ui, u in enumerate(lay.units):
        doc = lay.docs[u.doc]
        text = doc.text
        if u.kind == "cue" and u.speaker and u.speaker_at is not None:
            written = text[u.speaker_at:u.speaker_at + len(u.speaker)] == u.speaker
            p = people.add(u.speaker, u.doc, u.speaker_at if written else None, speaker=True)
            if p:
                p.present = True
            paren = re.match(r"[^(:\n]*\(([^()\n]{1,60})\)", text[u.speaker_at + len(u.speaker):u.start])
            if p and paren:  # "Speaker 2 (Imran, Dovecote Labs): ..." names the person, then describes them
                parts = [x.strip() for x in paren.group(1).split(",")]
                if parts and re.fullmatch(rf"{_TOKEN}(?:[ \t]{_TOKEN})?", parts[0]) and parts[0] not in cues.stop_caps:
                    p.aliases.add(parts[0])
                    parts = parts[1:]
                role, orgs, ours = split_role_org(parts, cues)
                end = u.speaker_at + len(u.speaker) + paren.end()
                people.add(p.name, u.doc, role=role, orgs=orgs, side="ours" if ours else None, speaker=True,
                           fact=(u.speaker_at, end))
        if u.kind == "header" and u.label and u.label.lower() in ("from", "to", "cc"):
            for m in _EMAIL.finditer(text, u.body, u.end):
                raw = m.group("name")
                name = raw.strip().strip('"')  # "To: A <a@x>, Aoife Ní Bhriain <...>": the name after the space
                p = people.add(name, u.doc, m.start("name") + raw.find(name))
                if p and not p.domain:
                    p.domain = m.group("domain").lower()
                if p:
                    p.present = True
            bare = re.fullmatch(rf"[ \t]*(?P<name>{NAME})[ \t]*", text[u.body:u.end])
            if bare and u.label.lower() == "from":  # "From: Zeynep Aksoy" in a pasted recap, no address
                p = people.add(bare.group("name"), u.doc, u.body + bare.start("name"))
                if p:
                    p.present = True
            continue
        if u.kind == "heading":
            continue
        section = lay.units[u.section] if u.section is not None else None
        in_attendees = bool(section and attendee.match(_norm(lay.text(section)))) or bool(
            u.label and attendee.match(_norm(u.label))) or bool(
            re.search(r"\b(?:attendees|participants|present|on the call)\s*:", text[u.start:u.end], re.I))
        group_org = group_side = None
        label = (u.label or "").strip().strip("*_ ")
        if label and not attendee.match(_norm(label)) and u.sep in (":", None):
            # "Us: Bianca Ferraro (partner manager), ..." / "**Lumen Ridge:** Aroha Ngata (director ...)":
            # a side or an organisation's name labelling the people it brought
            if _OUR_SIDE.fullmatch(label.lower()):
                group_side = "ours"
            elif cues.patterns["section_buyer_roles"].match(_norm(label)):
                group_side = "customer"  # "Authority: Dana Okafor (VP Claims Operations)": the buyer's side
            else:
                group_org = _party_on_line(lay, ui, cues) or (label if in_attendees or org_label(label, cues) else None)
        if u.kind == "row" and len(u.cells) >= 2:
            if "what" in u.columns:
                continue  # "| Coralbay (me) | Pull 90 days of data and share it with Josh |": an action, not a role
            a, b = u.cells[0]
            head = text[a:b].strip().strip("*_ ")
            side_row = _OUR_SIDE.fullmatch(head.lower())
            if len(u.cells) == 2 and (side_row or org_label(head, cues)) and _NAME_PAREN.search(
                    text, *u.cells[1]):
                # "| Wrenfield | Hana Kobayashi (VP, senior living accounts), Lowell Pritchard (...) |": a side or
                # an organisation, then the people it brought
                x, y = u.cells[1]
                _sentence_people(people, lay, u, x, y, None if side_row else head, "ours" if side_row else None, True)
                continue
            parts = [text[x:y] for x, y in u.cells[1:]]
            role, orgs, ours = split_role_org(parts, cues)
            # a row describes a person when it gives a role ("| Rukmini Iyer | Lumen | alliance manager |"),
            # not a pipeline row that names an account and its stage
            if (role and cues.role_words.search(role)) or (in_attendees and (orgs or ours)):
                p = people.add(text[a:b], u.doc, a, role=role, orgs=orgs, side="ours" if ours else None,
                               fact=(u.start, u.end))
                if p and in_attendees:
                    p.present = True
            continue
        for s, e in sentences(text, u.body if in_attendees else u.start, u.end):
            org, side = group_org, group_side
            # one line for every side: "Attendees: Alderwick Systems: Nadia Perrin (...). Us: Theo Lang (...)"
            lead = _SIDE_LEAD.match(text, s, e) if in_attendees and label and attendee.match(_norm(label)) else None
            if lead:
                name = lead.group(1).strip()
                if _OUR_SIDE.fullmatch(name.lower()):
                    side = "ours"
                elif org_label(name, cues):
                    org = name
            _sentence_people(people, lay, u, s, e, org, side, in_attendees)
    _action_labels(people, lay, cues)
    people.finish()
    return people


def _action_labels(people: People, lay: Layout, cues: Cues) -> None:
    """A first name alone labelling what someone does ("Devi: bring the slotting demo, 12 Mar.", "Ola: sends the
    report by 7 Mar") is a person's, as a speaker's name is, when that name also acts elsewhere in the notes
    ("Ola introduces Devi", "Devi accepts within 2 days")."""
    for u in lay.units:
        label = (u.label or "").strip(" *_")
        if u.sep != ":" or u.kind not in ("text", "bullet") or not re.fullmatch(_TOKEN, label):
            continue
        text = lay.docs[u.doc].text
        if label in cues.stop_caps or people.find(label) or not re.match(r"[ \t]*[a-z]", text[u.body:u.end]):
            continue
        acts = re.compile(rf"(?<![\w-]){re.escape(label)}[ \t]+(?!(?:is|was|has|does)\b)[a-z]+s\b")
        # ... and never as a firm is: the first word of a longer name ("Harbourlight Hospitality Solutions"),
        # or where someone works ("at Harbourlight")
        firm = re.compile(rf"(?<![\w-]){re.escape(label)}[ \t]+[{UPPER}]|\b(?:at|from)[ \t]+{re.escape(label)}\b")
        if acts.search(text) and not firm.search(text):
            people.add(label, u.doc, u.label_start, speaker=True)


def _party_on_line(lay: Layout, i: int, cues: Cues) -> str | None:
    """The organisation a line of label/value pairs opens with, for the people its later pairs name:
    "Partner: Corbel Analytics | Contact: Ravi Menon, director of alliances" (Ravi is Corbel's)."""
    u = lay.units[i]
    first = i
    while first > 0 and lay.units[first - 1].doc == u.doc and lay.units[first - 1].line == u.line:
        first -= 1
    head = lay.units[first]
    if first == i or not head.label or head.kind != "text":
        return None
    party = _norm(head.label)
    labels = [cues.fields[f].labels for f in ("partner", "account")]
    if not any(rx.match(party) for rx in labels if rx is not None):
        return None
    value = lay.text(head, body=True).strip(" \t.;,")
    return value if org_label(value, cues) else None


# a label naming our side of the table ("Us: Bianca Ferraro (partner manager), ...")
_OUR_SIDE = re.compile(r"(?:us|we|our side|ours|our team|internal|our people)")
_ON_THE_CALL = re.compile(r"\b(?:we have|we've got|joined by|with us(?: today)?(?: is)?|this is|here is|here's"
                          r"|on the (?:call|line)(?: is| are)?|welcome)[ \t,]*$", re.I)
_SIDE_LEAD = re.compile(r"[ \t]*([^:.;\n]{2,60}):[ \t]+")

# any capitalised letter, not only ASCII: "Øystein Lie = key acct mgr"
_MAY_NAME = re.compile(
    rf"[{UPPER}][\w'’-]*[ \t]+(?:[a-z]{{1,3}}[ \t]+)?[{UPPER}]|\b(?:at|for|with)[ \t]+[{UPPER}]|\b[A-Z]{{2,4}}[ \t]*="
    rf"|[{UPPER}]\w*[ \t]*\(")


def _sentence_people(people: People, lay: Layout, u: Unit, s: int, e: int, group_org: str | None,
                     group_side: str | None, in_attendees: bool) -> None:
    cues = people.cues
    text = lay.docs[u.doc].text
    # a sentence wrapped over quoted lines ("Their head of post-production,\n>>> Dominic Achterberg, told me")
    # reads as one line; the marks become spaces, so every offset still points into the text
    sent = re.sub(r"\n[ \t>]*", lambda m: " " * len(m.group()), text[s:e])
    nicknames_and_holders(people, u, s, sent)
    if not _MAY_NAME.search(sent) and not (u.kind == "cue" and s == u.body):
        return  # every pattern below needs a capitalised name
    listed = side_list(people, u, s, sent)  # "From Clearbrook: Nnamdi Eze, ..., and Paulina Wrobel ..."
    found_paren = False
    for m in _NAME_PAREN.finditer(sent):
        paren = m.group("paren")
        if is_org_description(paren, cues):
            continue  # "Altamira Systems (hotel PMS + hospitality IT integrator, MX)" is an organisation
        parts = re.split(r",|;", paren)
        initials = "".join(w[0] for w in m.group("name").split() if w[:1].isupper())
        short = parts[0].strip() if len(parts) > 1 and parts[0].strip() == initials else None
        if short:  # "Deshawn Pruitt (DP, branch mgr Phoenix)": his initials, then his role
            parts = parts[1:]
        role, orgs, ours = split_role_org(parts, cues)
        if not (role and cues.role_words.search(role)) and not (in_attendees and (orgs or ours)):
            continue
        lead = sent[:m.start()]
        item = re.split(r"[;\n]", lead)[-1].strip()
        head = re.match(rf"{_TITLE}{NAME}[ \t]*(?:,|[-–—][ \t])", item)
        if in_attendees and head and cues.role_words.search(item[head.end():]):
            # "Greta Nyholm, AE, public sector Upper Norrland (us)": the item is Greta and her role, so the
            # parenthesis describes her; "Ana Lopes, Piet Smit (Dockwise)" lists two people
            continue
        found_paren = True
        side = group_side or ("ours" if ours or re.search(r"\b(?:our side|on our side|us)\b", lead, re.I) else None)
        leading = leading_org(lead)
        if side is None and not leading and not orgs and role and re.match(r"(?i:their)\b", role):
            side = "customer"  # "Gareth Pryce-Jones (their VP Claims)", as "their CIO, Brendan Kowalski"
        # the organisation labelling the list goes first: "**Quintal:** Joaquim Ferraz (head of hotel
        # accounts, Iberia)" works at Quintal, in Iberia
        p = people.add(m.group("name"), u.doc, s + m.start("name"), role=role,
                       orgs=([group_org] if group_org else []) + orgs, side=side, fact=(s + m.start(), s + m.end()),
                       hints=[leading] if leading else None)
        if p and (in_attendees or re.search(r"\bon (?:the )?call\s*:", lead, re.I)):
            p.present = True  # "... on call: Deshawn Pruitt (DP, branch mgr Phoenix) + his sales eng"
        if p and short:
            p.aliases.add(short)
    for m in _FIRST_PAREN.finditer(sent):
        paren, name = m.group("paren").strip(), m.group("name")
        if _NAME_BEFORE.search(sent[:m.start()]):
            continue  # the last word of a longer name, read above
        role, orgs, ours = split_role_org(re.split(r",|;", paren), cues)
        if (name in cues.stop_caps or not role or not cues.role_words.search(role) or _PARTIES.fullmatch(paren)
                or is_org_description(paren, cues) or is_org_description(role, cues)):
            continue
        full = [p for p in people if p.first == name and " " in p.name]
        p = people.add(full[0].name if len(full) == 1 else name, u.doc, s + m.start("name"), role=role, orgs=orgs,
                       side="ours" if ours else None, fact=(s + m.start(), s + m.end()), speaker=True)
        if p is not None and in_attendees:
            p.present = True
    if in_attendees:  # "Present: Ines Carvalho, head of partnerships at Azulejo; Tiago Ferraz, ..."
        attendee_items(people, u, s, e, sent, group_org, group_side, found_paren)
    for m in _ROLE_EQ_NAME.finditer(sent):
        p = people.add(m.group("name"), u.doc, s + m.start("name"), role=m.group("role") + (m.group("rest") or ""),
                       fact=(s + m.start(), s + m.end()))
        if p:
            p.aliases.add(m.group("abbr"))
    for m in _ROLE_EQ_SHORT.finditer(sent):
        # the short name is theirs when it starts as the full name does ("Mo" for Maurice); "Partner = Kinloch
        # (Petra Lindqvist)" names an organisation and its person
        short, name = m.group("short"), m.group("name")
        if short[0] != name[0] or short in cues.stop_caps or not cues.role_words.search(m.group("role")):
            continue
        p = people.add(name, u.doc, s + m.start("name"), role=m.group("role") + (m.group("rest") or ""),
                       fact=(s + m.start(), s + m.end()))
        if p:
            p.aliases.add(short)
    for m in _NAME_EQ_ROLE.finditer(sent):
        role, orgs, ours = split_role_org(m.group("desc").split(","), cues)
        if role and cues.role_words.search(role):
            people.add(m.group("name"), u.doc, s + m.start("name"), role=role, orgs=orgs,
                       side="ours" if ours else None, fact=(s + m.start(), s + m.end()))
    for m in [*_APPOS_AT.finditer(sent), *([] if listed else _APPOS_FOR.finditer(sent))]:
        if cues.role_words.search(m.group("role")) and m.group("org").split()[0] not in cues.stop_caps:
            p = people.add(m.group("name"), u.doc, s + m.start("name"), role=m.group("role"), orgs=[m.group("org")],
                           fact=(s + m.start(), s + m.end()))
            # introduced as on the call: "and we have Greta Lindholm, practice lead at Oxbow Data Partners"
            if p is not None and _ON_THE_CALL.search(sent, 0, m.start("name")):
                p.present = True
    for m in _INITIALS_DEF.finditer(sent):
        role = m.group("role")
        p = people.add(m.group("name"), u.doc, s + m.start("name"), role=role + (m.group("rest") or ""),
                       fact=(s + m.start(), s + m.end()))
        if p:
            p.aliases.add(m.group("abbr"))
    # both need a role word in the sentence; most sentences of a long call have none, and the patterns are slow
    titled = [*_APPOS_BEFORE.finditer(sent), *_ROLE_IS.finditer(sent)] if cues.role_words.search(sent) else []
    for m in titled:
        role = m.group("role").strip()
        if not cues.role_words.search(role):
            continue
        sep = m.groupdict().get("sep")
        if sep is not None and "," not in sep and (
                re.search(r"\b(?:at|for|with|of|in|on|from|to)\b", role)
                or not cues.patterns["role_nouns"].search(role.split()[-1])):
            continue  # no comma: the title must end right before the name ("is the manager at Palmetto Wireless")
        owner = m.group("owner")
        side = "ours" if owner.lower() == "our" else "customer" if owner.lower() in ("their",) else None
        org = re.sub(r"(?:'s|’s)$", "", owner) if owner[-2:] in ("'s", "’s") else None
        people.add(m.group("name"), u.doc, s + m.start("name"), role=role, hints=[org] if org else None, side=side,
                   fact=(s + m.start("role"), s + m.end("name")))
    for m in _APPOS_AFTER.finditer(sent):
        role = m.group("role").strip()
        if not cues.role_words.search(role.split(" for ")[0]):
            continue
        if re.search(r"\bpartners?$", role.split(" for ")[0]) or cues.any_of("partner_kinds").fullmatch(role):
            continue  # "Pitchside AV, our integration partner for stadiums": a firm, described as our partner
        owner = m.group("owner").lower()
        side = "ours" if owner == "our" else "customer" if owner == "their" else None
        people.add(m.group("name"), u.doc, s + m.start("name"), role=role, side=side,
                   fact=(s + m.start(), s + m.end()))
    for m in _APPOS_ROLE.finditer(sent):
        if cues.role_words.search(m.group("role")) and not re.search(r"\b(?:said|told|asked|says)\b", m.group("role")):
            # "Alderwick Systems: Nadia Perrin, practice director": the organisation labelling the line
            people.add(m.group("name"), u.doc, s + m.start("name"), role=m.group("role"),
                       orgs=[group_org] if group_org else None, fact=(s + m.start("name"), s + m.end("role")))
    for m in our_role(cues).finditer(sent):  # "Tobias is our AE for hospitality"
        name = m.group("name")
        p = people.find(name) if " " not in name else None
        p = p or people.add(name, u.doc, s + m.start("name"), speaker=" " not in name)
        if p is not None and cues.role_words.search(m.group("role")):
            people.add(p.name, u.doc, role=m.group("role"), side="ours", fact=(s + m.start(), s + m.end()),
                       speaker=True)
    for rx in person_acts(cues):
        for m in rx.finditer(sent):
            if not any(w in cues.stop_caps for w in m.group("name").split()):
                people.add(m.group("name"), u.doc, s + m.start("name"))
    for m in _HONORIFIC.finditer(sent):
        people.add(m.group("name"), u.doc, s + m.start("name"))
    for m in _ROLE_NAME.finditer(sent):
        people.add(m.group("name"), u.doc, s + m.start("name"), role=m.group("role"),
                   fact=(s + m.start(), s + m.end()))
    for m in _ME_NAME.finditer(sent):
        people.add(m.group("name"), u.doc, s + m.start("name"), side="ours",
                   fact=(s + m.start("name"), s + m.end("name")))
    for m in _ORG_ROLE_NAME.finditer(sent):
        people.add(m.group("name"), u.doc, s + m.start("name"), role=m.group("role"), hints=[m.group("org")],
                   fact=(s + m.start(), s + m.end()))
    for rx in (at_org(cues), _FROM_ORG):
        for m in rx.finditer(sent):
            if rx is not _FROM_ORG and long_role(m, cues):
                continue
            words = m.group("name").split()
            while words and words[0] in cues.stop_caps:  # "Hi Nguyen Thi Lan looks after ..."
                words = words[1:]
            name = " ".join(words)
            at = s + m.end("name") - len(name)
            p = people.find(name) if name else None
            p = p or (people.add(name, u.doc, at) if " " in name else None)
            if p is None and m.group("name") in ("He", "She") and m.start() == 0:
                # "this is Dr Oluwaseun Adebayo. He heads up decentralized trials at Vantara Clinical."
                p = last_named(people, text, u.start, s)
                at = s + m.end("name")
            if p and m.group("org").split()[0] not in cues.stop_caps:
                p.org_hints.append(m.group("org"))
                p.facts.append((u.doc, at, s + m.end()))
                role = m.groupdict().get("role")
                if role and not p.role and cues.role_words.search(role):
                    p.role = re.sub(rf"^{cues.raw['speakers']['works_at']}\s+(?:the |a |an )?", "",
                                    role.strip()) or role.strip()
    if u.kind == "cue" and u.speaker and s == u.body:
        # a speaker describing themself: "Director of partnerships, for my sins."
        own = _SELF_ROLE.match(sent)
        p = people.find(u.speaker)
        if own and re.match(r"(?i:and|so|but|or|then|their|his|her|its|our|your|my|that|this|it|he|she|they|we|"
                            r"there|which|who|what)\b", own.group("role")):
            own = None  # "And their project director, Agnieszka Nowak, said ..." is about someone else
        if own and re.match(rf",[ \t]+{_TITLE}{NAME}", sent[own.end("role"):]):
            own = None  # "The director of estates, Siddharth Rao, said to me ..." names him, not the speaker
        if own and p and not p.role and len(own.group("role").split()) <= 5 and re.search(
                r"\b(?:director|head|vp|manager|lead|chief|founder|ceo|cto|cio)\b", own.group("role"), re.I):
            p.role = own.group("role")
            p.facts.append((u.doc, s + own.start("role"), s + own.end("role")))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", text.lower())).strip()
