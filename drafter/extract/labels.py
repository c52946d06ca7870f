"""Labels and headings to fields: "Owner:", "Why Tidemark:", "Suggested next move for Hyun-woo", with the
partner's, the account's and our names (and the people's) read as such."""

from __future__ import annotations

import re

from drafter.extract.cues import Cues
from drafter.extract.entities import Entities
from drafter.extract.people import Person
from drafter.extract.structure import Layout, Unit
from drafter.fields import FIELD_IDS, field_for_title


def norm_label(text: str) -> str:
    """A label or heading as compared: lower case, punctuation to spaces, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", text.lower())).strip()


# a side named alone as a label, under a heading of moves: whose move the line is
_SIDES = {"partner": "partner_move", "seller": "seller_move", "ae": "seller_move", "our": "seller_move",
          "us": "seller_move", "ours": "seller_move", "we": "seller_move", "sales": "seller_move"}


class Labeler:
    """Maps a label or heading to a field id, reading the partner's and account's names as such."""

    def __init__(self, cues: Cues, ents: Entities, lay: Layout | None = None) -> None:
        self.cues = cues
        self.ents = ents
        self.lay = lay
        named: list[tuple[str, str]] = []
        for org, word in ((ents.partner, "partner"), (ents.account, "account"), (ents.ours, "our")):
            named.extend((alias, word) for alias in (org.aliases if org else ()))
        for p in ents.people:  # "Suggested next move for Hyun-woo": the seller's move
            side = self._word(p)
            if side:
                named.extend((alias, side) for alias in p.aliases if alias not in ("I",))
        self.subs = [(re.compile(rf"(?<![\w&]){re.escape(a)}(?![\w&])"), w)
                     for a, w in sorted(named, key=lambda x: -len(x[0]))]
        self.prefixes = re.compile(r"^(?:on|re|about|regarding|the|how i see|how we see|notes? on|our view of|my take"
                                   r" on)\s+")

    @staticmethod
    def _word(p: Person | None) -> str | None:
        if p is None:
            return None
        return "seller" if p.seller else "partner" if p.side == "partner" else None

    def addressee(self, u: Unit | None) -> str | None:
        """What "your" means in a message's labels: the seller's or the partner's, by whom it is to."""
        if u is None or u.message is None or self.lay is None:
            return None
        to = self.lay.messages[u.message].to
        words = {self._word(self.ents.people.find(name)) for name in to} - {None}
        return words.pop() if len(words) == 1 else None

    def field(self, label: str | None, unit: Unit | None = None) -> str | None:
        if not label:
            return None
        text = re.sub(r"\([^)]*\)", " ", label)
        for rx, word in self.subs:
            text = rx.sub(word, text)
        your = self.addressee(unit)
        if your:  # "Your next move", "Next step for you"
            text = re.sub(r"\b[Yy]our?\b", your, text)
        text = re.sub(r"(?<=\w)['’]s\b", "", text)  # "Voltaro's next move" -> "partner next move"
        norm = re.sub(r"^\d+[.)]?\s*", "", norm_label(text))
        norm = self.prefixes.sub("", norm)
        fid = None
        if norm in _SIDES and unit is not None and self.lay is not None:
            # "NEXT MOVES" then "Seller (Whitney) ....", "Partner (Ironvale) ....", or "- Moves" over "- Saltmarsh"
            # over "- Annika sends ...": each side's move
            sec, hops = unit.section, 0
            while sec is not None and hops < 3:
                heading = norm_label(self.lay.text(self.lay.units[sec]))
                if heading != norm_label(label) and self.cues.patterns["section_actions"].match(
                        re.sub(r"^\d+[.)]?\s*", "", heading)):
                    fid = _SIDES[norm]
                    break
                sec, hops = self.lay.units[sec].section, hops + 1
        if fid:
            return fid
        # a heading that only names the account or partner is a topic, not a field; "the account:" is the field
        if norm in ("account", "partner", "our") and self.prefixes.sub("", norm_label(label)) != norm:
            return None
        fid = fid or self._match(norm)
        if fid is None and "/" in norm:
            # "Owner / due", "Conflict / registration": a field named first, and nothing else named, names it
            # (not a title's "Quenby / Pellingham Tait", the partner and the account)
            parts = [part.strip() for part in norm.split("/") if part.strip()]
            found = [self._match(part) for part in parts]
            named = {f for f in found if f}
            short = all(f or len(part.split()) <= 2 for f, part in zip(found, parts, strict=True))
            fid = named.pop() if (found and found[0] and len(named) == 1 and short and not any(
                p in ("account", "partner", "our") for p in parts)) else None
        return fid

    def _match(self, norm: str) -> str | None:
        fid = field_for_title(norm)
        if fid:
            return fid
        for fid in FIELD_IDS:
            labels = self.cues.fields[fid].labels
            if labels is not None and labels.match(norm):
                return fid
        return None
