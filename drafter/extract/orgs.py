"""Organisation names in the notes: capitalised phrases, their short forms and initials, and where
each is mentioned. Which of them is the account or the partner is decided in entities.py."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.extract.cues import Cues
from drafter.extract.names import LETTER, UPPER, domain_label, folded
from drafter.extract.org_variants import merge_by_first_word, merge_variants
from drafter.extract.people import People
from drafter.extract.sentences import sentences
from drafter.extract.units import Layout

# the small words inside names in other languages: "Hospital de Santa Clara", "Banco do Brasil", "Caisse des Dépôts"
_PARTICLE_WORDS = ("de", "del", "de la", "des", "do", "da", "dos", "das", "di", "du", "van", "von", "der", "den")
_PARTICLES = "(?:" + "|".join(w.replace(" ", "[ \t]+") for w in sorted(_PARTICLE_WORDS, key=len, reverse=True)) + ")"
# "I'll", "I'm", "I've": the speaker, never a word of a name
_TOK = rf"(?:(?!I['’](?:ll|m|ve|d)\b)[{UPPER}](?:[^\W_]|-)*(?:['’](?!s\b){LETTER}+)?|[A-Z]+&[A-Z]+)"


@lru_cache(maxsize=4)
def _phrase_rx(abbreviations: tuple[str, ...], dotted: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A run of capitalised words; inside a name also an abbreviation ("St. Brigid's"), a possessive
    followed by more of the name ("St. Brigid's University Hospital") and, at its end, a legal suffix
    written with dots ("Kaiyo Systems K.K.")."""
    abbr = "|".join(re.escape(a) for a in abbreviations) or "(?!)"
    tok = rf"(?:(?:{abbr})(?=[ \t]+[{UPPER}])|{_TOK}(?:['’]s(?=[ \t]+[{UPPER}]))?)"
    end = "|".join(re.escape(d) for d in sorted(dotted, key=len, reverse=True))
    tail = rf"(?:[ \t]+(?:{end})(?![\w]))?" if end else ""
    # "Kowalczyk Foods S.A.": a suffix with a dot inside is no word of the name ("S"), it ends it
    inner = "|".join(re.escape(d) for d in dotted if "." in d[:-1])
    more = rf"(?!(?:{inner})(?!\w)){tok}" if inner else tok
    return re.compile(rf"(?<![\w&.@/-]){tok}(?:[ \t]+(?:&[ \t]+|of[ \t]+|and[ \t]+|{_PARTICLES}[ \t]+)?{more})*{tail}")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _single(word: str) -> bool:
    """One capitalised word, its second letter lower case in any alphabet ("Młyn", "Ørsted"), not an acronym."""
    return bool(_SINGLE.fullmatch(word)) and word[1].islower()
_SINGLE = re.compile(rf"[{UPPER}]{LETTER}+")  # one capitalised word: "Kwabena", "Frío", "Młyn" (not "IBM": see _single)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+s?")
_DEF_EQ = re.compile(rf"(?<![\w])(?P<abbr>[A-Z][A-Za-z&]{{1,5}})[ \t]*=[ \t]*(?P<name>[{UPPER}][\w&'’-]*(?:[ \t]+(?:&["
                     rf" \t]+)?[{UPPER}][\w&'’-]*){{0,4}})")
_DEF_PAREN = re.compile(rf"(?P<name>[{UPPER}][\w&'’-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+)?[{UPPER}][\w&'’-]*){{1,5}})["
                        r" \t]*\((?P<abbr>[A-Z][A-Z&]{1,6})\)")


_AND_PAIR = re.compile(rf"(?<![\w&.-])([{UPPER}]{LETTER}+)[ \t]+and[ \t]+([{UPPER}]{LETTER}+)(?![\w&-])")


def _bound_pairs(texts: list[str], never: AbstractSet[str]) -> set[tuple[str, str]]:
    """Two capitalised words joined by "and" that the notes write together at least twice and never
    apart ("Fettle and Finch" five times, "Fettle" and "Finch" never on their own): one name, not two
    organisations in a row ("Lowmoor and Barleycorn", each also written alone)."""
    pairs: dict[tuple[str, str], int] = {}
    for t in texts:
        for m in _AND_PAIR.finditer(t):
            pairs[(m.group(1), m.group(2))] = pairs.get((m.group(1), m.group(2)), 0) + 1
    out: set[tuple[str, str]] = set()
    for (a, b), n in pairs.items():
        if n < 2 or a in never or b in never:
            continue
        together = sum(len(re.findall(rf"(?<![\w&-]){a}[ \t]+and[ \t]+{b}(?![\w&-])", t)) for t in texts)
        alone = sum(len(re.findall(rf"(?<![\w&-]){w}(?![\w&-])", t)) for t in texts for w in (a, b))
        if alone == 2 * together:
            out.add((a, b))
    return out


@dataclass(eq=False)
class Org:
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)

    written: tuple[int, int, int] | None = None  # the first mention written exactly as the name

    @property
    def first_full(self) -> tuple[int, int, int] | None:
        if self.written is not None:
            return self.written
        for m in self.mentions:
            if m[2] - m[1] == len(self.name):
                return m
        return self.mentions[0] if self.mentions else None


def _initials(name: str) -> str:
    return "".join("&" if w == "&" else w[0] for w in name.split() if w not in ("of", "and", "for")
                   and not w.islower())


def _own_name(word: str, owner: Org, named: set[str], lay: Layout) -> bool:
    """Someone's organisation, written alone far more often than the one phrase ending in it ("AWS" eleven
    times, "Steady-state AWS spend" once): its own name, not a short form of that phrase."""
    if word not in named:
        return False
    phrased = sum(d.text.count(owner.name) for d in lay.docs)
    alone = sum(len(re.findall(rf"(?<![\w&-]){re.escape(word)}(?![\w&-])(?![ \t]+[{UPPER}])", d.text))
                for d in lay.docs)
    return alone - phrased >= 3 * phrased


def org_candidates(lay: Layout, cues: Cues, people: People) -> dict[str, Org]:
    stop = cues.stop_caps
    dates = set(cues.raw["text"]["months"]) | set(cues.raw["text"]["weekdays"])
    person_tokens = {t for p in people for t in p.name.split()} | {a for p in people for a in p.aliases}
    # a family name that also names a firm ("Maria Lindqvist" of "Lindqvist Consulting")
    surnames = {t for p in people for t in p.name.split()[1:]} - {p.first for p in people}
    orgs: dict[str, Org] = {}
    singles: dict[str, int] = {}

    dates |= set(cues.raw["text"]["month_abbr"]) | set(cues.raw["text"]["weekday_abbr"])
    joiners = ("&", "of", "and", "for", *{w for p in _PARTICLE_WORDS for w in p.split()})
    suffixes = set(cues.raw["text"]["org_suffixes"])
    abbreviations = tuple(cues.raw["text"].get("name_abbreviations", ()))
    dotted = tuple(cues.raw["text"].get("org_suffixes_dotted", ()))
    suffixes |= set(dotted)
    phrase_rx = _phrase_rx(abbreviations, dotted)
    bound = _bound_pairs([d.text for d in lay.docs], stop | person_tokens | {d.capitalize() for d in dates})

    def pieces(phrase: str) -> list[str]:
        """A capitalised run split where a person, a date word or a stop word sits inside it."""
        out: list[list[str]] = [[]]
        words = phrase.split()
        for k, w in enumerate(words):
            bare = re.sub(r"(?:'s|’s)$", "", w)
            # "Ridgeline IT Services", "Nordvik IT": a short acronym inside a name, or a legal or
            # trade suffix at its end, belongs to it
            inside = (0 < k < len(words) - 1 and bare.isupper() and len(bare) <= 4 and bool(out[-1])
                      and words[k + 1] not in stop and words[k + 1] not in person_tokens)
            suffix = k == len(words) - 1 and bare in suffixes and bool(out[-1])
            firm = (bare in surnames and k + 1 < len(words) and words[k + 1] not in person_tokens
                    and words[k + 1] not in stop and (k == 0 or words[k - 1] not in person_tokens))
            if inside or suffix or firm:
                out[-1].append(w)
            elif w == "and" and out[-1] and k + 1 < len(words) and (words[k - 1], words[k + 1]) in bound:
                out[-1].append(w)  # "Fettle and Finch": one name, its words never written apart
            elif bare in stop or bare.lower() in dates or bare in person_tokens or w == "and":
                out.append([])
            elif _possessive(w) and not (out[-1] and out[-1][0] in abbreviations):
                # "Kittiwake's ATR fleet": whose, not part of the name; "St. Brigid's University Hospital" is
                out[-1].append(w)
                out.append([])
            else:
                out[-1].append(w)
        result = []
        for words in out:
            while words and words[0] in joiners:
                words = words[1:]
            if words and _possessive(words[-1]):  # "Acme's": the name is "Acme"
                words = [*words[:-1], words[-1][:-2]]
            while words and (words[-1] in joiners or words[-1] in abbreviations):
                words = words[:-1]
            while words and words[0] in joiners:
                words = words[1:]
            if words:
                result.append(" ".join(words))
        return result

    domains = {domain_label(p.domain) for p in people if p.domain}
    starts: set[tuple[int, int]] = set()
    for u in lay.units:
        starts.add((u.doc, u.start))
        starts.add((u.doc, u.body))
        starts.update((u.doc, a) for a, _ in sentences(lay.docs[u.doc].text, u.body, u.end))
    described = [(d, a, b) for p in people for d, a, b in p.facts]
    role_noun = re.compile(r"\b(?:" + "|".join(cues.raw["text"]["role_nouns"]) + r")\b", re.I)
    role_memo: dict[str, bool] = {}

    def is_role(word: str) -> bool:
        if word not in role_memo:
            role_memo[word] = bool(cues.role_words.fullmatch(word))
        return role_memo[word]

    # a phrase standing alone as a label line ("Customer Profile:", "Open Questions:") is not a name
    def described_at(di: int, at: int) -> bool:
        return any(d == di and a <= at < b for d, a, b in described)

    for di, doc in enumerate(lay.docs):
        text = doc.text
        units = [u for u in lay.units if u.doc == di and not (
            u.kind == "heading" and u.level >= 5 and len(lay.text(u).split()) <= 8)]
        for m in (m for u in units for m in phrase_rx.finditer(text, u.start, u.end)):
            for k, phrase in enumerate(pieces(m.group())):
                words = phrase.split()
                if len(words) >= 2:
                    if role_noun.search(phrase) or all(_ACRONYM.fullmatch(w) or is_role(w) for w in words):
                        continue
                    orgs.setdefault(phrase, Org(phrase, {phrase}))
                elif len(phrase) >= 3 and _single(phrase) and not is_role(phrase):
                    mid = k > 0 or ((di, m.start()) not in starts and not described_at(di, m.start()))
                    singles[phrase] = singles.get(phrase, 0) + (2 if mid else 0)
        for rx in (_DEF_EQ, _DEF_PAREN):
            for m in rx.finditer(text):
                if re.search(r"['’]s\b", m.group("name")):
                    continue  # "SA = TRWA's SCADA integrator" says what SA is to TRWA, not a name
                for name in pieces(m.group("name"))[-1:]:
                    if name not in people.by_name:
                        orgs.setdefault(name, Org(name, {name})).aliases.add(m.group("abbr"))
    for p in people:
        for cand in p.org_candidates + p.org_hints:
            for c in pieces(cand) if "/" not in cand else []:
                if " " in c:
                    orgs.setdefault(c, Org(c, {c}))
                elif re.fullmatch(rf"[{UPPER}](?:{LETTER}|[0-9&])+", c):
                    singles[c] = singles.get(c, 0) + 2  # where someone works: "looks after Marisol at Frostline"
    # "AWS" (named as someone's organisation) and "AWS Artifact", "AWS Solutions Architect": when
    # several phrases start with one organisation's name, they are its products and teams
    named = {c for p in people for cand in p.org_candidates for c in pieces(cand) if " " not in c}
    for token in named:
        owned = [n for n in orgs if n.split()[0] == token and " " in n]
        # written outside those phrases: alone, or before a title or a stop word ("AWS SA", "AWS Partner")
        other = sum(len(re.findall(rf"(?<![\w&]){re.escape(token)}(?![\w&])", d.text)) for d in lay.docs)
        phrased = sum(d.text.count(n) for n in owned for d in lay.docs)
        if owned and (len(owned) >= 2 or other - phrased >= 3 * phrased):
            org = orgs.setdefault(token, Org(token, {token}))
            for n in owned:
                org.aliases |= orgs.pop(n).aliases
    # merge: prefixes into the longer name, first words and initials as aliases
    names = sorted(orgs, key=lambda n: (-len(n.split()), -len(n)))
    merged: dict[str, Org] = {}
    for n in names:
        # "St. Brigid" (from "St. Brigid's is ...") is "St. Brigid's University Hospital" too
        # and "Kaiyo Systems K" (a name read up to a dot) is "Kaiyo Systems K.K."
        target = next((o for o in merged.values() if (o.name + " ").startswith(n + " ")
                       or o.name.startswith((n + "'s ", n + "’s ", n + "."))), None)
        if target:
            target.aliases |= orgs[n].aliases
        else:
            merged[n] = orgs[n]
    _merge_acronym_tails(merged)
    merge_variants(lay, merged, stop | person_tokens | suffixes)
    caps = {t for d in lay.docs for t in re.findall(r"(?<![\w&])[A-Z][A-Z&]+(?![\w&])", d.text)}
    kinds = set(cues.raw["text"]["org_name_words"])
    firsts: dict[str, int] = {}
    for o in merged.values():
        firsts[o.name.split()[0]] = firsts.get(o.name.split()[0], 0) + 1
    merge_by_first_word(lay, merged, firsts, stop | person_tokens)
    for o in merged.values():
        first = o.name.split()[0]
        if (first not in stop and (first not in person_tokens or first in surnames) and len(first) >= 3
                and first not in abbreviations and not _possessive(first)
                and first[0].isupper() and firsts[first] == 1):
            o.aliases.add(first)
        words = o.name.split()
        # "B&S" for Brouwer & Smit ICT: the initials without a trailing acronym or legal suffix too
        # ... or without the word saying what kind of firm it is: "E&M" for Ekholm & Mbatha Consulting
        short = " ".join(words[:-1]) if len(words) > 2 and (
            words[-1] in suffixes or words[-1].isupper() or words[-1] in kinds) else None
        for ini in (_initials(o.name), _initials(short) if short else ""):
            if len(ini) >= 2 and ini in caps:
                o.aliases.add(ini)
    taken = {a for o in merged.values() for a in o.aliases}
    for s in list(singles):  # "Ridgeway has run ..." in a mail from kwame@ridgeway.example: their organisation
        if len(s) >= 4 and any(d.startswith(folded(s)) or (len(d) >= 4 and folded(s).startswith(d)) for d in domains):
            singles[s] += 2
    for s, score in singles.items():
        if s in named:
            score += min(2, sum(len(re.findall(rf"(?<![\w&]){re.escape(s)}(?![\w&])", d.text)) for d in lay.docs) - 1)
        if s not in taken and score >= 2:
            owners = [o for o in merged.values() if s in o.name.split()[1:]]
            if len(owners) == 1 and not any(re.search(rf"(?<![\w-]){re.escape(s.lower())}(?![\w-])", d.text)
                                            for d in lay.docs) and not _own_name(s, owners[0], named, lay):
                owners[0].aliases.add(s)  # "you mentioned Greenmarket?" of Cooperativa Greenmarket Foods
                continue
            merged.setdefault(s, Org(s, {s}))
    return merged


def map_mentions(lay: Layout, orgs: dict[str, Org]) -> tuple[re.Pattern[str] | None, dict[str, Org]]:
    of: dict[str, Org] = {}
    for o in orgs.values():
        for a in o.aliases:
            of.setdefault(a, o)
    if not of:
        return None, of
    alternatives = "|".join(re.escape(a) for a in sorted(of, key=len, reverse=True))
    rx = re.compile(r"(?<![\w&])(?:" + alternatives + r")(?![\w&])")
    for i, doc in enumerate(lay.docs):
        for m in rx.finditer(doc.text):
            org = of[m.group()]
            org.mentions.append((i, m.start(), m.end()))
            if org.written is None and m.group() == org.name:
                org.written = (i, m.start(), m.end())
    return rx, of


def _merge_acronym_tails(merged: dict[str, Org]) -> None:
    """"Cedar Basin CCD" (a subject line's short form) is "Cedar Basin Community College District": the same
    first words, then the initials of the rest."""
    for short in list(merged):
        words = short.split()
        tail = words[-1]
        if len(words) < 2 or not re.fullmatch(r"[A-Z]{2,5}", tail):
            continue
        head = words[:-1]
        for full in list(merged):
            fw = full.split()
            if full == short or fw[:len(head)] != head:
                continue
            rest = [w for w in fw[len(head):] if w not in ("of", "and", "&", "for", "the")]
            if rest and "".join(w[0] for w in rest).upper() == tail:
                merged[full].aliases |= merged.pop(short).aliases
                break
