"""One organisation written several ways: short and long forms ("Kettle Creek Grain Co-op" /
"Kettle Creek Grain Cooperative"), a word of its name used alone ("Albufera"), its systems ("Marrowby
SIS"), its name in capitals in a heading. Known by one name, with the others as aliases."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from drafter.extract.names import UPPER
from drafter.extract.units import Layout

if TYPE_CHECKING:
    from drafter.extract.orgs import Org


def merge_by_first_word(lay: Layout, merged: dict[str, Org], firsts: dict[str, int], stop: AbstractSet[str]) -> None:
    """"Marrowby University", "Marrowby SIS" and a bare "Marrowby" written on its own: one organisation
    (its systems and teams carry its name), known by the name written most often."""
    for first, n in list(firsts.items()):
        if n < 2 or first in stop or len(first) < 4:
            continue
        alone = sum(len(re.findall(rf"(?<![\w&]){re.escape(first)}(?![\w&])(?![ \t]+[{UPPER}])", d.text))
                    for d in lay.docs)
        if alone < 2:
            continue
        group = [o for o in merged.values() if o.name.split()[0] == first and " " in o.name]
        counts = {o.name: sum(d.text.count(o.name) for d in lay.docs) for o in group}
        # "Silvertip RFID", "Marrowby SIS": the name followed only by initials is a system of the organisation
        named = [o for o in group if not all(w.isupper() for w in o.name.split()[1:])] or group
        main = max(named, key=lambda o: counts[o.name])
        tied = [o for o in named if counts[o.name] == counts[main.name]]
        if len(tied) > 1:
            # "FUSD = Fernhill Unified School District" and "the Fernhill Chromebook OU": of names written as
            # often, the one the notes define by its initials is the organisation that the bare word names
            defined = [o for o in tied if any(_initials_of(a, o.name) for a in o.aliases)]
            if len(defined) == 1:
                defined[0].aliases.add(first)
            continue  # else two names written as often: two organisations
        for o in group:
            if o is not main:
                main.aliases |= o.aliases
                del merged[o.name]
        main.aliases.add(first)
        firsts[first] = 1


def _initials_of(alias: str, name: str) -> bool:
    """Whether an alias is the name's initials ("FUSD" of Fernhill Unified School District)."""
    letters = "".join(w[0] for w in name.split() if w[0].isupper())
    return len(alias) >= 2 and alias.isupper() and alias == letters


def _same_word(a: str, b: str) -> bool:
    """"Co-op" and "Cooperative", "Vets" and "Veterinary", "Intl" and "International": one word written
    short or long (the short one, less a plural s, begins the long one or abbreviates it letter by
    letter); "Freight" and "Fresh", "Games" and "Gaming" are different words."""
    x, y = re.sub(r"\W", "", a.lower()), re.sub(r"\W", "", b.lower())
    short, long = sorted((x, y), key=len)
    if short == long:
        return True
    if len(short) < 3 or short[0] != long[0]:
        return False
    stem = short[:-1] if short.endswith("s") and len(short) > 3 else short
    if long.startswith(stem):
        return True
    rest = iter(long)
    return len(short) <= 5 and all(ch in rest for ch in short)


def _alone(lay: Layout, word: str) -> int:
    """How often a word is written on its own, not inside a longer capitalised name."""
    n = 0
    for d in lay.docs:
        for m in re.finditer(rf"(?<![\w&]){re.escape(word)}(?![\w&])(?![ \t]+[{UPPER}])", d.text):
            before = d.text[max(0, m.start() - 40):m.start()]
            if not re.search(rf"[{UPPER}][\w'’&-]*[ \t]+$", before):
                n += 1
    return n


def merge_variants(lay: Layout, merged: dict[str, Org], stop: AbstractSet[str]) -> None:
    """One organisation written several ways: "Kettle Creek Grain Co-op" and "Kettle Creek Grain
    Cooperative", "Harrowgate Vets" and "Harrowgate Veterinary Group" (the same words, short or long,
    the longer name adding trailing words), and "Grupo Hotelero Albufera" called by a word of its name
    alone ("Albufera"), with "Albufera PMS" its system. Known by the longest name."""
    for shout in [o for o in merged.values() if o.name.isupper() and " " in o.name]:
        # "BRACKEN PET LODGES (BPL)", "CEDARFIELD SCHOOLS" as a heading: the organisation in capitals
        head = shout.name.split()[0]
        same = [o for o in merged.values() if o is not shout and o.name.upper() == shout.name]
        same = same or [o for o in merged.values() if o is not shout and len(head) >= 4
                        and o.name.split()[0].upper() == head and not o.name.isupper()]
        if len(same) == 1:
            same[0].aliases |= shout.aliases
            del merged[shout.name]
    by_length = sorted(merged.values(), key=lambda o: (-len(o.name), o.name))
    for short in list(reversed(by_length)):
        words = short.name.split()
        if len(words) < 2 or short.name not in merged:
            continue
        for long in by_length:
            lw = long.name.split()
            if long is short or long.name not in merged or len(lw) < len(words) or len(long.name) <= len(short.name):
                continue
            same_start = lw[0] == words[0] and all(_same_word(a, b) for a, b in zip(words[1:], lw[1:], strict=False))
            if same_start or lw[-len(words):] == words:  # ... or "Bahía Azul" ending "Pesquera Bahía Azul"
                long.aliases |= short.aliases
                del merged[short.name]
                break
    lasts: dict[str, list[Org]] = {}
    heads: set[str] = set()
    for o in merged.values():
        words = o.name.split()
        for w in dict.fromkeys(words[1:]):
            if w not in stop and len(w) >= 4 and w[0].isupper():
                lasts.setdefault(w, []).append(o)
        if len(words) >= 2 and not all(w.isupper() for w in words[1:]):
            heads.add(words[0])
    for word, owners in lasts.items():
        if len(owners) != 1 or word in merged or word in heads or _alone(lay, word) < 2:
            continue
        if any(re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", d.text) for d in lay.docs):
            continue  # a common word ("Water" of "Tri-River Water Authority", also written "water")
        org = owners[0]
        org.aliases.add(word)
        for name in [n for n in merged if n.split()[0] == word and all(w.isupper() for w in n.split()[1:])]:
            org.aliases |= merged.pop(name).aliases  # "Albufera PMS": the organisation's system
