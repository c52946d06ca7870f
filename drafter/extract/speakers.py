"""Who speaks or writes each part of the notes, when the file does not say it in a speaker column.

Transcripts often name speakers only in passing: a caption file with no names at all, where people
say "I'm Wanjiru Kamau, I look after partnerships at Frostline"; a file with "FATIMA:" labels where
Fatima says "That's me, Fatima Al-Sayegh"; or a colleague introduced by someone else ("Fatima, for
Marcus: you're partner manager at Gallowglass"). A write-up states its author once ("Notes: Keren
Avraham", "Written up by Rafael Dominguez"), and its "I" is that person. The wording lives in the
cue file's [speakers] section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.extract.cues import Cues
from drafter.extract.names import NAME, ORG, TOKEN
from drafter.extract.sentences import sentences
from drafter.extract.turntaking import answer_turns
from drafter.extract.units import Layout, Message, Unit
from drafter.ingest.document import Document

if TYPE_CHECKING:  # people.py reads the layout that this module helps build
    from drafter.extract.people import People, Person

_ROLE_AT = re.compile(rf"^(?P<role>.+?)[ \t]+(?:at|with|from|for)[ \t]+(?P<org>{ORG})[ \t]*$")


@dataclass(frozen=True)
class _Patterns:
    intro: list[str]
    named: str
    role: re.Pattern[str]
    not_self: re.Pattern[str]
    addressed: str
    colleague: str
    author_labels: re.Pattern[str]
    author_line: str
    author_possessive: str
    role_at: list[re.Pattern[str]]
    works_at: str
    our_role: str
    role_plain: re.Pattern[str]
    addressed_later: re.Pattern[str]


_CACHE: dict[str, _Patterns] = {}


def patterns(cues: Cues) -> _Patterns:
    if cues.version not in _CACHE:
        s = cues.raw["speakers"]
        _CACHE[cues.version] = _Patterns(
            intro=list(s["self_intro"]), named=s["self_named"], role=re.compile(s["self_role"]),
            not_self=re.compile(s["not_self"], re.I),
            addressed=s["addressed"], colleague=s["colleague"],
            author_labels=re.compile("^(?:" + "|".join(f"(?:{p})" for p in s["author_labels"]) + ")$", re.I),
            author_line=s["author_line"], author_possessive=s["author_possessive"],
            role_at=[re.compile(p.replace("{org}", f"(?P<org>{ORG})")) for p in s["self_role_at"]],
            works_at=s["works_at"], our_role=s["our_role"], role_plain=re.compile(s["self_role_plain"]),
            addressed_later=re.compile(s["addressed_later"]))
    return _CACHE[cues.version]


def _with(pattern: str, name: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace("{name}", f"(?P<name>{name})"), flags)


def role_and_org(text: str) -> tuple[str, str | None]:
    """"managing partner for the insurance practice at Quayside Claims" -> (role, organisation)."""
    text = text.strip(" ,;")
    m = _ROLE_AT.match(text)
    if m:
        return m.group("role").strip(" ,;"), m.group("org")
    return text, None


def name_unnamed_cues(units: list[Unit], doc: Document, cues: Cues) -> None:
    """Give a caption with no speaker label the speaker who says who they are in it ("I'm Wanjiru
    Kamau, ...", later "it's Jae-won again", "Emre here")."""
    open_cues = [u for u in units if u.kind == "cue" and not u.speaker]
    if not open_cues:
        return
    pat = patterns(cues)
    full = [_with(p, NAME) for p in pat.intro]
    named = _with(pat.named, NAME)
    firsts: dict[str, str] = {}
    org_words = set(cues.raw["text"]["org_name_words"])
    for u in open_cues:
        payload = doc.text[u.start:u.end]
        for rx in full:
            m = rx.search(payload)
            if m and m.group("name").split()[-1] not in org_words:  # "This is Ostler Beverage Distributors"
                u.speaker, u.speaker_at = m.group("name"), u.start + m.start("name")
                firsts.setdefault(m.group("name").split()[0], m.group("name"))
                break
        else:
            # "I'll start. Kofi Boateng, partner manager at Clearmanifest.": a name and a role opening one
            # of the caption's first sentences
            for a, _ in sentences(doc.text, u.start, u.end)[:2]:
                m = named.match(doc.text[a:u.end])
                r = pat.role.match(doc.text[m.end("name") + a:u.end]) if m else None
                if m and r and not pat.not_self.search(r.group("role")) and cues.role_words.search(r.group("role")):
                    u.speaker, u.speaker_at = m.group("name"), a + m.start("name")
                    firsts.setdefault(m.group("name").split()[0], m.group("name"))
                    break
    if not firsts:
        return
    alt = "|".join(re.escape(f) for f in sorted(firsts, key=len, reverse=True))
    answer = dict(firsts)
    short = [_with(p, rf"(?:{alt})") for p in pat.intro]
    for u in open_cues:
        if u.speaker:
            continue
        for rx in short:
            m = rx.search(doc.text[u.start:u.end])
            if m:
                u.speaker, u.speaker_len = firsts[m.group("name")], len(m.group("name"))
                u.speaker_at = u.start + m.start("name")
                break
    answer_turns(units, doc.text, answer)


def name_generic_speakers(units: list[Unit], doc: Document, cues: Cues) -> None:
    """A placeholder speaker ("Speaker 2") is the person who, in one of its turns, says who they are ("I'm
    Carmen Ruiz, I run channel partnerships at Tarnwell"): every turn under it is theirs."""
    generic = re.compile(cues.raw["speakers"]["generic_speaker"])
    full = [_with(p, NAME) for p in patterns(cues).intro]
    named: dict[str, str] = {}
    for u in units:
        if u.kind != "cue" or not u.speaker or not generic.fullmatch(u.speaker) or u.speaker in named:
            continue
        for rx in full:
            m = rx.search(doc.text, u.start, u.end)
            if m and not generic.fullmatch(m.group("name")):
                named[u.speaker] = m.group("name")
                break
    for u in units:
        if u.kind == "cue" and u.speaker in named:
            # a turn's quote still shows the placeholder written above it: the name is said once, elsewhere
            u.speaker, u.speaker_len = named[u.speaker], len(u.speaker)


def doc_author(index: int, doc: Document, units: list[Unit], messages: list[Message], cues: Cues) -> None:
    """A write-up that names its author near the top is a message from them: its "I" is the author."""
    if any(u.message is not None for u in units):
        return
    pat = patterns(cues)
    line = _with(pat.author_line, NAME)
    name_rx = re.compile(rf"(?:\*\*|__)?[ \t]*(?P<name>{NAME})")
    for u in units[:12]:
        found = None
        label = (u.label or "").strip("*_ ").lower()
        if label and pat.author_labels.match(label):
            base = u.body
            found = name_rx.match(doc.text[u.body:u.end])
        else:
            base = u.start
            found = line.match(doc.text[u.start:u.end])
        if found is None and u is units[0]:  # "wexley / proscenium -- call tue 30/9 -- Cosima's notes (raw)"
            base = u.start
            found = _with(pat.author_possessive, TOKEN).search(doc.text[u.start:u.end])
        if found:
            at = base + found.start("name")
            messages.append(Message(index, found.group("name"), at))
            for v in units:
                if not v.quoted and v.kind != "header":
                    v.message = len(messages) - 1
                    if v.speaker is None:
                        v.speaker, v.speaker_at = found.group("name"), at
            return


def describe_speakers(people: People, lay: Layout, cues: Cues) -> None:
    """Names, roles and organisations that speakers give for themselves or for each other."""
    pat = patterns(cues)
    full = [_with(p, NAME) for p in pat.intro]
    named = _with(pat.named, NAME)
    addressed = _with(pat.addressed, TOKEN)
    colleague = _with(pat.colleague, rf"{TOKEN}(?:[ \t]+{TOKEN})?")
    for i, u in enumerate(lay.units):
        if u.speaker and u.kind != "header" and not u.quoted:
            _own_role_at(people, lay, u, cues)
        if u.kind != "cue":
            continue
        _told_role_at(people, lay, i, cues)
        text = lay.docs[u.doc].text
        speaker = people.find(u.speaker) if u.speaker else None
        spans = sentences(text, u.start, u.end)
        for k, (s, e) in enumerate(spans):
            sent = text[s:e]
            found = [m for rx in full for m in rx.finditer(sent)]
            m = named.match(sent)
            if m:
                found.append(m)
            # "Leontyne, partner director at Quenby Commerce Partners.": the speaker by first name alone
            short = _with(pat.named, re.escape(speaker.first)).match(sent) if speaker and " " in speaker.name else None
            for m in found + ([short] if short else []):
                if speaker is None or not _same(m.group("name"), speaker.name):
                    continue
                if m is not short:
                    speaker = people.rename(speaker, m.group("name"))
                speaker.facts.append((u.doc, s + m.start("name"), s + m.end("name")))
                r = pat.role.match(sent[m.end("name"):])
                own = r is not None and not pat.not_self.search(r.group("role"))
                if m is short and not (own and r and cues.role_words.search(r.group("role"))):
                    continue
                if r and own and r.group("role").split()[0] not in ("and", "so", "but"):
                    role, org = role_and_org(r.group("role"))
                    people.add(speaker.name, u.doc, role=role, orgs=[org] if org else None, speaker=True,
                               fact=(s + m.start("name"), s + m.end("name") + r.end("role")))
                elif not speaker.role and k + 1 < len(spans):
                    # "This is Chidi Okafor from Volta Mechanical. I manage the controls practice, ..."
                    a, b = spans[k + 1]
                    plain = pat.role_plain.match(text, a, b)
                    if plain:
                        people.add(speaker.name, u.doc, role=plain.group("role"), speaker=True,
                                   fact=(a, plain.end("role")))
            m = addressed.match(sent)
            if m:
                other = people.find(m.group("name"))
                if other is not None and other is not speaker:
                    role, org = role_and_org(m.group("role"))
                    people.add(other.name, u.doc, role=role, orgs=[org] if org else None, speaker=True,
                               fact=(s + m.start("role"), s + m.end("role")))
            for m in colleague.finditer(sent):
                if m.group("name").split()[0] in cues.stop_caps:
                    continue
                p = people.find(m.group("name")) or people.add(m.group("name"), u.doc, s + m.start("name"),
                                                               speaker=True)
                if p is not None and speaker is not None and p is not speaker and p.colleague_of is None:
                    p.colleague_of = speaker.name
    people.finish()


def _told_role_at(people: People, lay: Layout, i: int, cues: Cues) -> None:
    """"Hi Hamish, Renata here. Yusuf says you're the brewing sector lead at Lowmoor?": a speaker telling
    the person they speak to what they do and where. That person is the one greeted in the turn before
    the words, else the next speaker, who answers."""
    u = lay.units[i]
    text = lay.docs[u.doc].text
    speaker = people.find(u.speaker) if u.speaker else None
    for s, e in sentences(text, u.start, u.end):
        m = patterns(cues).addressed_later.search(text, s, e)
        if m is None or (s == u.start and m.start() == s):
            continue
        role, org = role_and_org(m.group("role"))
        if org is None or org.split()[0] in cues.stop_caps or not cues.role_words.search(role):
            continue
        greeted = {p.name: p for p in _named(people, text, u.start, s) if p is not speaker}
        nxt = lay.units[i + 1] if i + 1 < len(lay.units) else None
        answer = people.find(nxt.speaker) if nxt is not None and nxt.kind == "cue" and nxt.speaker else None
        who = next(iter(greeted.values())) if len(greeted) == 1 else answer if not greeted else None
        if who is None or who is speaker or (who.org_candidates and who.role):
            continue
        people.add(who.name, u.doc, role=role, orgs=[org], speaker=True, fact=(m.start("role"), m.end("role")))


def _named(people: People, text: str, start: int, end: int) -> list[Person]:
    """The known people whose names or first names are written in text[start:end]."""
    out = []
    for m in re.finditer(rf"(?<![\w-]){TOKEN}", text[start:end]):
        p = people.find(m.group())
        if p is not None:
            out.append(p)
    return out


_QUOTED = re.compile(r"[\"“][^\"”\n]*[\"”]")


def _own_role_at(people: People, lay: Layout, u: Unit, cues: Cues) -> None:
    """A speaker or author saying what they do and where, without their name: "I'm head of MRO
    partnerships at Skyreach Aero Services" makes Skyreach their organisation."""
    speaker = people.find(u.speaker) if u.speaker else None
    if speaker is None or (speaker.org_candidates and speaker.role):
        return
    text = lay.docs[u.doc].text
    own = _QUOTED.sub(lambda m: " " * len(m.group()), text[u.start:u.end])  # someone else's words
    for k, rx in enumerate(patterns(cues).role_at):
        m = rx.search(own)
        if m is None or m.group("org").split()[0] in cues.stop_caps:
            continue
        role = m.group("role").strip()
        if k == 0 and not cues.role_words.search(role):
            continue  # "I'm meeting Emre at Expomina" says where, not what they do
        people.add(speaker.name, u.doc, role=role, orgs=[m.group("org")], speaker=True,
                   fact=(u.start + m.start(), u.start + m.end("org")))
        return


def _same(name: str, speaker: str) -> bool:
    """Whether an introduced name is the speaker's: the same, or their full name ("FATIMA" -> Fatima Al-Sayegh)."""
    a, b = name.lower().split(), speaker.lower().split()
    return a == b or (a[0] == b[0] and (len(b) == 1 or len(a) == 1 or a[: len(b)] == b))
