"""From scored candidates to field proposals: each value is verbatim pieces of the notes, joined.

Order of preference for a field: a labelled line or section ("Owner:", "## Sources") on the
account's topic; then the best-scoring sentences. A field whose best statement says it is not
decided ("TBD", "??", "sort that out") is missing, and so is a field nothing supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.extract.assemble import Piece, fit
from drafter.extract.candidates import Cand, Labeler, Scorer
from drafter.extract.cues import Cues
from drafter.extract.entities import Entities
from drafter.extract.orgs import Org
from drafter.extract.people import Person
from drafter.extract.sentences import one_line
from drafter.extract.structure import Layout, Unit
from drafter.extract.turns import antecedent, complement, confirmed_question, link_after, question_before, referent

MOVES = ("seller_move", "partner_move", "owner")


@dataclass
class Proposal:
    pieces: list[Piece] = field(default_factory=list)
    confidence: float | None = None
    note: str | None = None
    alternatives: list[str] = field(default_factory=list)
    cands: list[Cand] = field(default_factory=list)


class Proposer:
    def __init__(self, lay: Layout, ents: Entities, cues: Cues, scorer: Scorer, cands: list[Cand]) -> None:
        self.lay = lay
        self.ents = ents
        self.cues = cues
        self.scorer = scorer
        self.labeler: Labeler = scorer.labeler
        # a line that gives instructions is not notes: none of it is used, not only the imperative part
        injected = {c.unit for c in cands if c.injection}
        self.cands = [c for c in cands if c.unit not in injected]
        self.ignored = [c for c in cands if c.unit in injected]
        self.by_unit: dict[int, list[Cand]] = {}
        for c in self.cands:
            self.by_unit.setdefault(c.unit, []).append(c)
        self.limit = cues.limit("max_value")
        self.max_pieces = cues.limit("max_pieces")
        self.unit_field = {i: self._unit_field(i, u) for i, u in enumerate(lay.units)}

    # ---- labels -------------------------------------------------------------------------------
    def _unit_field(self, i: int, u: Unit) -> str | None:
        if u.kind in ("heading", "header") or u.sep == "=":
            return None
        fid = self.labeler.field(u.label, u)
        if fid:
            return fid
        asked = self._quoted_question(i, u)
        if asked:
            return asked
        if u.section is not None and not self.cues.patterns["action_label"].match((u.label or "").strip()):
            return self.labeler.field(self.lay.text(self.lay.units[u.section]), u)
        return None

    def _quoted_question(self, i: int, u: Unit) -> str | None:
        """An answer written under the quoted question it answers, in a reply ("> Who owns this?" / "Me, until
        you accept."): the one field the question names labels it."""
        if u.label is not None or u.quoted or u.kind not in ("text", "bullet") or i == 0:
            return None
        prev = self.lay.units[i - 1]
        text = self.lay.text(prev)
        if not prev.quoted or prev.doc != u.doc or "?" not in text:
            return None
        hits = [f for f, fc in self.cues.fields.items() if fc.names is not None and fc.names.search(text)]
        return hits[0] if len(hits) == 1 else None

    def cand_field(self, c: Cand) -> str | None:
        """The field a sentence belongs to by its label. Under a lead-in ("On conflict, I checked ...")
        a sentence that says more about another field, enough to stand for it, is not bound ("On the
        partner side, Mara will send the deck by Friday" is her move)."""
        fid = self.unit_field.get(c.unit)
        if fid is None:
            return fid
        if self.lay.units[c.unit].sep != ",":
            # after what a label is given ("Partner: Kaito Nakamura, lead at Summit Loop."), a sentence with
            # nothing of the label's field in it that stands for another ("Summit Loop installed
            # Silvertip's RFID gates in 2021") belongs to that one
            first = self.by_unit.get(c.unit, [c])[0]
            if c is first or self.lay.units[c.unit].kind == "row" or c.cue_scores[fid] > 0:
                return fid
            strong = any(other != fid and c.scores[other] >= fc.threshold + 1.0 and c.cue_scores[other] > 0
                         for other, fc in self.cues.fields.items())
            return None if strong else fid
        for other, fc in self.cues.fields.items():
            if other != fid and c.scores[other] >= fc.threshold and c.cue_scores[other] > c.cue_scores[fid]:
                return None
        return fid

    def labeled(self, fid: str) -> Proposal | None:
        units = [i for i, f in self.unit_field.items() if f == fid and self.scorer.topics[i] >= 0
                 and i in self.by_unit]
        if not units:
            return None
        best = max(self.scorer.topics[i] for i in units)
        # the labelled units most about the account, with the others under the same heading ("The joint
        # pitch." over three bullets, one naming the account)
        top = [i for i in units if self.scorer.topics[i] == best]
        # under a conflict check, another organisation named in the list is what was checked ("Bølge
        # sells a competing filter; not on this account"), not another account
        off = self.cues.any_of("off_topic")
        listed = {j for i in top for j in self._list_around(i) if j in units or (
            fid == "conflict" and self.unit_field.get(j) == fid and j in self.by_unit
            and not off.search(self.lay.text(self.lay.units[j])))}
        # ... and the lines labelled for the field next to them: "Account ..... Castellan Property Group" then
        # "Opportunity ..... OPP-61448, stage 2" in a worksheet
        # (under the account's own label, whatever else they name: "Opportunity OPP-55302, came from the TOC
        # Europe badge scan")
        labelled = {i for i, f in self.unit_field.items() if f == fid and i in self.by_unit}
        for i in list(top):
            near = labelled if best >= 2.0 else set(units)
            for step in (-1, 1):
                j = i + step
                while j in near and self.lay.units[j].section == self.lay.units[i].section and j not in listed:
                    listed.add(j)
                    j += step
        units = sorted(set(top) | listed)
        # what the label is given first decides: "Owner: to be sorted out. Milan or Keren ..." is open;
        # "Relationship: Mateus walks the blocks with Ngozi ... would not commit to an intro" is not,
        # and keeps only its decided statements
        # ... unless what it is given first says nothing of the field and the rest says it is open
        # ("Evidence: Ana asked for something to read. Nothing to attach for now.")
        unchecked = self.cues.any_of("not_checked")
        asked = self.cues.any_of("reported_question")
        item_open = self.cues.any_of("item_open")

        def is_open(i: int) -> bool:
            cs = self.by_unit[i]
            if self.lay.units[i].kind == "row":
                return any(c.open_for(fid) for c in cs)
            if self.cues.fields[fid].checked and any(unchecked.search(c.text) for c in cs):
                return True  # "pretty sure nobody ... did NOT check portal": not checked outweighs the guess
            rest = cs[1:]
            if any(item_open.search(c.text) for c in cs):
                return True  # "... Ines asked that this be noted as open."
            if fid == "account" and any(fid in c.absent for c in cs) and not self.ents.orgs_in(
                    self.lay.docs[self.lay.units[i].doc].text, cs[0].start, cs[0].end):
                return True  # "the account: a 30-warehouse grocer. Pavel won't give us the name yet": none named
            # a question reported first ("CH asked whether Larchmont could share an extract") says nothing yet
            silent = cs[0].cue_scores[fid] <= 0 or bool(asked.search(cs[0].text))
            return cs[0].open_for(fid) or (silent and any(c.open_for(fid) for c in rest)
                                           and not any(c.cue_scores[fid] > 0 and not c.open_for(fid) for c in rest))
        decided = [i for i in units if not is_open(i)]
        if fid == "owner" and len(decided) < len(units) and not any(
                self.ents.people_in(self.lay.docs[self.lay.units[i].doc].text, self.lay.units[i].start,
                                    self.lay.units[i].end) for i in decided):
            decided = []  # "Owner" / '"partner team" to pick this up' / "no date agreed": a team, and left open
        if not decided:
            said = (c for i in units for c in self.by_unit[i] if c.open_for(fid) or item_open.search(c.text)
                    or self.cues.fields[fid].checked and unchecked.search(c.text))
            return self.missing(fid, next(said, None))
        pieces: list[Piece] = []
        for i in decided:
            if fid in MOVES:
                said_by = self._speaker_prefix(self.by_unit[i][0], i)
                pieces.extend(said_by or (self._writer_prefix(i) if fid == "owner" else []))
            open_starts = {(c.start, c.end) for c in self.by_unit[i] if c.open_for(fid) or self.cand_field(c) != fid}
            pieces.extend(p for p in self._unit_pieces(i) if (p.start, p.end) not in open_starts)
        prop = Proposal(self._fit(pieces), 0.9)
        return prop if prop.pieces else None

    def _list_around(self, i: int) -> list[int]:
        """The unlabelled bullets of the list that unit i is in, under the same heading."""
        lay = self.lay
        u = lay.units[i]
        if u.kind != "bullet" or u.section is None:
            return []

        def same(j: int) -> bool:
            v = lay.units[j]
            return v.kind == "bullet" and v.section == u.section and v.doc == u.doc and v.label is None

        out = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lay.units) and same(j):
                out.append(j)
                j += step
        return out

    def _speaker_prefix(self, c: Cand, i: int) -> list[Piece]:
        """"Cormac Byrne" before "I own this handoff": who "I" is, where the notes write their name."""
        u = self.lay.units[i]
        if not (isinstance(c.actor, Person) and c.actor_from == "speaker"):
            return []
        return self._named_before(i, c.actor.aliases, u.speaker or c.actor.name)

    def _writer_prefix(self, i: int) -> list[Piece]:
        """"Cosima" before "owner: me till Jun accepts": who "me" is, when the notes name their writer."""
        u = self.lay.units[i]
        body = self.lay.docs[u.doc].text[u.body if u.body is not None else u.start:u.end]
        if u.speaker is None or not re.match(r"\W*(?:me|myself|I)\b", body):
            return []
        who = self.ents.people.find(u.speaker)
        return self._named_before(i, who.aliases if who is not None else {u.speaker}, u.speaker)

    def _named_before(self, i: int, aliases: set[str], name: str) -> list[Piece]:
        """The speaker's or writer's name where the notes write it, unless the unit names them itself."""
        u = self.lay.units[i]
        if u.speaker_at is None:
            return []
        text = self.lay.docs[u.doc].text
        if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text[u.start:u.end]) for a in aliases):
            return []
        at = u.speaker_at
        return [Piece(u.doc, at, at + (u.speaker_len or len(name)), i, prefix=True)]

    def _unit_pieces(self, i: int) -> list[Piece]:
        u = self.lay.units[i]
        if u.kind == "row" and u.label:
            return [Piece(u.doc, a, b, i) for a, b in u.cells[1:]]
        return [Piece(u.doc, c.start, c.end, i) for c in self.by_unit.get(i, [])]

    # ---- scored sentences ---------------------------------------------------------------------
    def context_score(self, c: Cand, fid: str) -> float:
        """A sentence's score plus half of what the rest of its unit says about the same field (capped),
        so a turn such as "Very warm. I see her every month. I can bring Ellis in." counts as a whole."""
        if fid in MOVES or c.scores[fid] == float("-inf"):
            return c.scores[fid]
        rest = sum(max(0.0, o.cue_scores[fid]) for o in self.by_unit.get(c.unit, []) if o is not c and not o.undecided)
        q = self._question_before(c.unit, fid)
        if q is not None:
            rest += max(0.0, q.cue_scores[fid])
        # each side stating its own part of a joint value, one turn after the other
        paired = 1.0 if fid == "value_prop" and complement(self.lay, self.by_unit, c, fid) is not None else 0.0
        # the turn that answers a question naming the field ("Anything we can read on the Ember Tide work?")
        if self._question_before(c.unit, fid, named=True) is not None:
            paired += 1.0
        return c.scores[fid] + min(1.5, 0.5 * rest) + paired

    def _open_answer(self, i: int, fid: str) -> bool:
        """A turn answering a question that names the field, and opening by saying it is not known
        ("What's the joint story?" / "Honestly, we haven't worked that out. I'm not sure yet whether ...")."""
        # a lone word before the answer ("Honestly? They haven't said anything yet.") is not the answer
        cs = self.by_unit.get(i, [])
        said = [c for c in cs if len(c.text.split()) > 1] or cs
        if not said:
            return False
        first = said[0]
        if not first.open_for(fid) or self._question_before(i, fid, named=True) is None:
            return False
        # ... and not going on to give it: "Nobody here knows anyone in procurement. But their CFO is a friend;
        # I'll introduce you next week."
        th = self.cues.fields[fid].threshold
        return not any(not c.open_for(fid) and c.scores[fid] >= th for c in said[1:])

    def eligible(self, fid: str) -> list[Cand]:
        th = self.cues.fields[fid].threshold
        out = []
        for c in self.cands:
            other = self.cand_field(c)
            if c.topic < 0 or (other is not None and other != fid) or self._open_answer(c.unit, fid):
                continue
            if c.features.get("attendees") and fid != "account":
                continue  # an attendee list describes people, not the account's story or anyone's move
            if (len(c.text.split()) <= 2 and self.lay.units[c.unit].kind == "cue"
                    and self.scorer.labeler.field(c.text.strip(" .:")) is not None):
                continue  # a topic announced in a turn ("Registration.") says nothing of it yet
            if c.scores[fid] < th and self.context_score(c, fid) < th:
                continue
            out.append(c)
        return sorted(out, key=lambda c: (-(self.context_score(c, fid) + 0.5 * c.topic), c.unit, c.start))

    def scored(self, fid: str) -> Proposal | None:
        ranked = self.eligible(fid)
        if not ranked:
            return None
        if ranked[0].open_for(fid):
            return self.missing(fid, ranked[0])
        ranked = [c for c in ranked if not c.open_for(fid)]
        if not ranked:
            return None
        top = ranked[0]
        later = self._left_open_after(fid, top)
        if later is not None:
            return self.missing(fid, later)
        chosen = [top]
        th = self.cues.fields[fid].threshold
        if fid not in MOVES:
            for c in ranked[1:]:
                if len(chosen) >= self.max_pieces - 1:
                    break
                near = c.unit == top.unit or (c.features.get("account") or c.features.get("customer_person")
                                              or (fid == "evidence" and c.features.get("url")))
                if any(v > c.scores[fid] and v >= self.cues.fields[k].threshold
                       for k, v in c.scores.items() if k != fid):
                    continue  # a sentence that says more about another field, enough to stand for it, belongs there
                if near and (c.unit == top.unit or self.context_score(c, fid) >= th + 1.5):
                    chosen.append(c)
        if fid == "owner" and not top.features.get("date"):
            window = self._window_after(top)
            if window is not None:
                chosen.append(window)
        if fid == "value_prop":
            other = complement(self.lay, self.by_unit, top, fid)
            if other is not None and other not in chosen and self.cand_field(other) in (None, fid):
                chosen.append(other)
            asked = confirmed_question(self.lay, self.by_unit, top, fid, self.cues.any_of("confirms"))
            if asked is not None and asked not in chosen:
                chosen.append(asked)
        pieces: list[Piece] = []
        for c in chosen:
            pieces.extend(self._with_context(c, fid))
        alts = [c.text for c in ranked if c not in chosen][: self.cues.limit("alternatives")]
        conf = round(min(0.85, 0.35 + 0.05 * top.scores[fid]), 2)
        return Proposal(self._fit(pieces), conf, alternatives=alts, cands=chosen)

    def _window_after(self, top: Cand) -> Cand | None:
        """The owner's response window given in the next turn or two when the owning sentence has no date
        ("I hold the handoff until Ana accepts it." / "I'll confirm acceptance by Thursday the 27th")."""
        doc = self.lay.units[top.unit].doc
        for i in (top.unit + 1, top.unit + 2):
            if i >= len(self.lay.units) or self.lay.units[i].doc != doc:
                break
            for c in self.by_unit.get(i, []):
                if (c.features.get("date") and c.cue_scores["owner"] > 0 and not c.open_for("owner")
                        and not c.features.get("question")):
                    return c
        return None

    def _left_open_after(self, fid: str, top: Cand) -> Cand | None:
        """A later sentence on the account's topic that names the field and says it is not known yet
        ("What set this off, ... I honestly don't know yet"): the notes' last word on it is that it is open."""
        names = self.cues.fields[fid].names
        if names is None:
            return None
        doc = self.lay.units[top.unit].doc
        for c in self.cands:
            after = self.lay.units[c.unit].doc == doc and (c.unit, c.start) > (top.unit, top.start)
            if not (after and c.open_for(fid) and c.topic >= 0 and self.cand_field(c) in (None, fid)):
                continue
            if self.lay.units[c.unit].quoted and not self.lay.units[top.unit].quoted:
                continue  # a reply quoted below the proposal is older than it, not the notes' last word
            # it names the field, or answers a question that does ("What's the joint story?" / "Honestly, we
            # haven't worked that out.")
            asked = self._question_before(c.unit, fid, named=True) if c is self.by_unit[c.unit][0] else None
            if names.search(c.text) or (asked is not None and names.search(asked.text)):
                return c
            # ... or takes back, in the same turn, what the proposal said: "We don't resell, and I've never seen
            # another partner in there. But I haven't looked."
            if c.unit == top.unit and not self._names_other(c, fid):
                return c
        return None

    def _names_other(self, c: Cand, fid: str) -> bool:
        """Whether a sentence names some other field ("Who owns the handoff is still open")."""
        return any(spec.names is not None and spec.names.search(c.text)
                   for k, spec in self.cues.fields.items() if k != fid)

    def _with_context(self, c: Cand, fid: str) -> list[Piece]:
        u = self.lay.units[c.unit]
        text = self.lay.docs[u.doc].text
        if u.kind == "row":
            return [Piece(u.doc, a, b, c.unit) for a, b in (u.cells[1:] if u.label else u.cells)]
        start = c.start
        if c.actor_from == "label" and u.label_start is not None and c.start == u.body:
            start = u.label_start
        out: list[Piece] = []
        siblings = self.by_unit.get(c.unit, [])
        k = next((j for j, s in enumerate(siblings) if s.start == c.start), -1)
        before = siblings[k - 1] if k > 0 else None
        after = siblings[k + 1] if 0 <= k < len(siblings) - 1 else None
        q = self._question_before(c.unit, fid)
        if q is not None:
            out.append(Piece(self.lay.units[q.unit].doc, q.start, q.end, q.unit))
            if q.refers is not None and fid == "warm_path":  # whom "How well do you know him?" asks about
                r = q.refers
                out.append(Piece(self.lay.units[r.unit].doc, r.start, r.end, r.unit))
        if not any(a in text[start:c.end] for a in getattr(c.actor, "aliases", ())):
            out.extend(self._speaker_prefix(c, c.unit))
        ante = antecedent(self.lay, self.by_unit, c) if fid == "warm_path" else None
        if fid == "trigger" and c.refers is not None and not c.refers.open_for(fid):
            ante = c.refers  # whose words "Her words were: ..." are: the sentence that names her
        if fid == "evidence":  # "Dropping it in the chat: x.pdf" after the sentence that says what it is
            ante = referent(self.lay, self.by_unit, c, self.cues.any_of("artifacts"))
        if ante is not None:
            out.append(Piece(u.doc, ante.start, ante.end, c.unit))
        if c.accepts is not None and fid in MOVES:  # the invitation "I'll be there" accepts
            a = c.accepts
            out.append(Piece(self.lay.units[a.unit].doc, a.start, a.end, a.unit))
        link = link_after(self.lay, self.by_unit, c, self.cues.patterns["url"]) if fid == "evidence" else None
        if link is not None:  # "We wrote a case study with them. Link coming." / "https://..."
            out.append(Piece(self.lay.units[link.unit].doc, link.start, link.end, link.unit))
        for nb in (before, after):
            if nb is None or nb.open_for(fid):
                continue
            dated = nb.features.get("date") and (not c.features.get("date") or fid == "owner")
            if dated and fid == "owner" and nb.cue_scores[fid] <= 0 and any(
                    nb.scores[o] >= self.cues.fields[o].threshold for o in ("seller_move", "partner_move")):
                dated = False  # "Tobias will send Joaquin the demo before the 15th" is his move, not the owner's date
            if fid in MOVES or fid == "warm_path":
                # "I'll send Emi the intro email today ... I'll also send you their release slate by Monday":
                # the same party's next commitment in the same turn
                same = fid != "owner" and nb.actor is c.actor and isinstance(c.actor, (Person, Org))
                # ... or what "it"/"her" stands for: "What I can do is send you an extract of the feeder map ...
                # I'll have it to you by Friday the 16th", "Then I'll go through Lena. I'll call her this week"
                back = nb is before and bool(self.cues.any_of("back_reference").search(c.text))
                keep = dated or (same and (nb.scores[fid] >= self.cues.fields[fid].threshold or back))
            else:  # a neighbour that says more about this field than about any other, or carries on the statement
                own = nb.cue_scores[fid]
                goes_on = nb is after and bool(self.cues.any_of("continuation").match(nb.text))
                keep = (own > 0 and own >= max(nb.cue_scores.values()) or goes_on) and not nb.features.get("question")
            if keep or (fid == "warm_path" and nb.cue_scores[fid] > 0 and not nb.features.get("question")):
                out.append(Piece(u.doc, nb.start, nb.end, c.unit))
                if nb is before and fid not in MOVES and k >= 2 and self._leads_in(siblings[k - 2], fid):
                    # "That sounds like your digital check-in. The way I'd see it working: your app ...": the
                    # lead-in before the lead-in says the same field's thing
                    out.append(Piece(u.doc, siblings[k - 2].start, siblings[k - 2].end, c.unit))
        out.append(Piece(u.doc, start, c.end, c.unit))
        return out

    def _leads_in(self, nb: Cand, fid: str) -> bool:
        own = nb.cue_scores[fid]
        return own > 0 and own >= max(nb.cue_scores.values()) and not nb.open_for(fid) and not nb.features.get(
            "question")

    def _question_before(self, i: int, fid: str, named: bool = False) -> Cand | None:
        names = self.cues.fields[fid].names
        if named and names is None:
            return None  # the field has no words naming it
        return question_before(self.lay, self.by_unit, i, fid, names if named else None)

    # ---- assembling -------------------------------------------------------------------------------
    def _fit(self, pieces: list[Piece]) -> list[Piece]:
        return fit(self.lay, pieces, self.limit)

    def missing(self, fid: str, undecided: Cand | None = None) -> Proposal:
        note = self.cues.fields[fid].note
        if undecided is not None:
            u = self.lay.units[undecided.unit]
            said = one_line(undecided.text)
            shown = said if len(said) <= 90 else said[:87] + "..."
            note = f"left open in the notes (line {self.lay.docs[u.doc].line_of(undecided.start)}: “{shown}”); {note}"
        return Proposal([], None, note)
