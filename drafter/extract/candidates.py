"""Sentences as candidate evidence: what each one mentions, who acts in it, whether it is on the
account's topic, and its score for each field (cue weights from the cue file, plus features).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from drafter.extract.cues import Cues
from drafter.extract.dates import find_dates
from drafter.extract.entities import Entities
from drafter.extract.labels import Labeler, norm_label
from drafter.extract.orgs import Org
from drafter.extract.people import Person
from drafter.extract.sentences import one_line
from drafter.extract.structure import Layout, Unit, sentences
from drafter.extract.topics import unit_topics
from drafter.extract.turn_before import accepted_invitation, answers_customer, named_in_turn_before, same_voice_before

FEATURES = ("account", "partner", "partner_person", "customer_person", "person", "first_singular",
            "first_plural", "quote", "date", "url", "opp_id", "dr_id", "question", "classification", "artifact",
            "actor_seller", "actor_ours", "actor_partner", "actor_customer", "actor_unknown", "action_context", "intro",
            "customer_voice", "ours_voice", "answers_customer", "attendees")
_FIRST_SINGULAR = re.compile(r"\b(?:I|I['’](?:ll|m|d|ve)|my|me)\b|^\W*(?:My|Me)\b")  # "Me, until you accept."
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|we['’](?:ll|re|ve|d))\b", re.I)
# quotation marks, also as HTML entities in caption files ("&quot;Our gas bill went up&quot;")
_OPEN_Q = r"(?:[\"“]|&quot;|&#34;|&ldquo;)"
_CLOSE_Q = r"(?:[\"”]|&quot;|&#34;|&rdquo;)"
_QUOTED = re.compile(rf"{_OPEN_Q}(?:(?!{_CLOSE_Q}).){{12,}}?{_CLOSE_Q}", re.S)
_QUOTED_ANY = re.compile(rf"{_OPEN_Q}(?:(?!{_CLOSE_Q})[^\n]){{3,}}?{_CLOSE_Q}")
_FILE = re.compile(r"\S+\.(?:pdf|docx?|pptx?|xlsx?|csv|key|pages|numbers)\b", re.I)
_ATTACHED = re.compile(r"\battach(?:ed|ment|ing)\b", re.I)
_THEY_LEAD = re.compile(r"^(?:(?:and|so|but)[,]?\s+)?(?:they|their)\b", re.I)
_IT = re.compile(r"\b(?:it|this one|that one)\b", re.I)
_SHE = re.compile(r"\b(?:she|he|her|him)\b", re.I)
_ONLY_QUOTE = re.compile(rf"^\W{{0,3}}{_OPEN_Q}")
# words before the sentence's subject: "So ...", and a suggestion whose subject does the thing ("I suggest Tobias
# comes on 22 January and shows the demo": Tobias's move, not the writer's)
_LEAD = re.compile(r"^(?:(?:so|then|and|also|yes|ok|okay|great|perfect|right|sure|thanks|and then)[,.!]?\s+)?"
                   r"(?:(?:I|we)\s+(?:would\s+|['’]d\s+)?(?:suggest|propose|recommend)(?:\s+that)?\s+(?=[A-Z]))?", re.I)
_COMMIT = re.compile(r"^(?:['’]s\s+)?(?:\w+\s+){0,2}?(?:will|to|['’]ll|committed|agreed|offered|confirmed|owns|is"
                     r" going to|has offered|can|should|plans? to|promised)\b", re.I)
_I_COMMIT = re.compile(r"\bI(?:['’]ll| will| can| could| am going to|['’]m going to)\s+(?!not\b)[a-z]+")
# a person opening a sentence and a verb after them: "Björn sits in ...", "Adebayo books a demo"
_VERB_NEXT = re.compile(r"[ \t]+(?!(?:and|or|nor|of|from|at|in|on|for|with|to|is|was|the|a|an)\b)[a-z]+(?:s|ed)\b")
# what a person is to do, said ahead: "Dev plans to present the demo", "Ana will bring ..." (not "Ana agreed")
_WILL_DO = re.compile(r"[ \t]+(?:will|['’]ll|plans? to|is going to|intends? to|is to|aims? to)[ \t]+[a-z]")
_PRONOUN_LEAD = re.compile(r"^(?:(?:and|so|then|but)[,]?\s+)?(?:he|she|they|his|her)\b", re.I)
_CUSTOMER_ROLE = re.compile(r"\b(?:their|the customer['’]s|the client['’]s)\s+(?:\w+\s+){0,3}?"
                            r"(?:cio|cto|coo|ceo|cfo|ciso|vp|director|head|manager|lead|buyer|champion)\b", re.I)



def _author_sells(lay: Layout, ents: Entities, cues: Cues) -> set[int]:
    """Documents whose writer is the seller, unnamed: no one else is, and the writer speaks of "my opp",
    "my Q4 commit list" in their own lines. Their "I" and "me:" are the seller's."""
    if ents.seller is not None:
        return set()
    mine = cues.any_of("seller_self")
    return {u.doc for u in lay.units if u.kind not in ("cue", "header") and not u.quoted and u.speaker is None
            and mine.search(lay.text(u))}

@dataclass
class Cand:
    """One sentence (or one table row) of the notes as a possible piece of a field's value."""

    unit: int
    start: int
    end: int
    text: str
    topic: float
    features: dict[str, bool] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    cue_scores: dict[str, float] = field(default_factory=dict)
    actor: Person | Org | str | None = None  # a person, an organisation, or "ours" for an unnamed "we"
    actor_from: str | None = None  # "row", "label", "speaker", "subject"
    refers: Cand | None = None  # the sentence naming the customer person its "she", "her words" point at
    accepts: Cand | None = None  # the dated invitation of the turn before that its turn accepts
    undecided: bool = False
    absent: set[str] = field(default_factory=set)  # fields it says there is none of ("nothing written")
    injection: bool = False
    dates: list = field(default_factory=list)

    def open_for(self, fid: str) -> bool:
        """Whether this sentence leaves the field open: not decided, or there is none of it."""
        return self.undecided or fid in self.absent


class Scorer:
    """Builds the candidates of a layout and scores them for every field."""

    def __init__(self, lay: Layout, ents: Entities, cues: Cues, labeler: Labeler, anchors: dict[int, date | None],
                 today: date) -> None:
        self.lay = lay
        self.ents = ents
        self.cues = cues
        self.labeler = labeler
        self.anchors = anchors
        self.today = today
        self.topics = unit_topics(lay, ents, cues, lambda u: labeler.field(u.label, u) if u.label else None)
        self.author_sells = _author_sells(lay, ents, cues)
        self.partner_aliases = ents.partner.aliases if ents.partner else set()
        self.account_aliases = ents.account.aliases if ents.account else set()

    def candidates(self) -> list[Cand]:
        out: list[Cand] = []
        actions = self.cues.patterns["section_actions"]
        attendees = self.cues.patterns["section_attendees"]
        for i, u in enumerate(self.lay.units):
            if u.kind in ("heading", "header"):
                continue
            doc = self.lay.docs[u.doc]
            text = doc.text
            section = self.lay.units[u.section] if u.section is not None else None
            in_actions = bool(section and actions.match(re.sub(r"^\d+\s*", "", norm_label(self.lay.text(section)))))
            action_label = self.cues.patterns["action_label"].match(u.label.strip()) if u.label else None
            # who was there ("ppl: Dmitri Sokolov - runs the vet practice group at Kettleby"): people described
            listed = bool(section and attendees.match(norm_label(self.lay.text(section))))
            labelled = bool(u.label and attendees.match(norm_label(u.label)))
            label_fid = self.labeler.field(u.label, u) if u.sep != "=" else None
            start = u.body if label_fid or action_label or u.sep == "." else u.start  # "**Topic.** text"
            spans = [(u.start, u.end)] if u.kind == "row" else self._clauses(text, sentences(text, start, u.end))
            answers = answers_customer(self.lay, i, out)
            prev = same_voice_before(self.lay, i, out)
            named_before: Cand | None = None
            first = text[spans[0][0]:spans[0][1]] if spans else ""
            accepted = accepted_invitation(self.lay, self.cues, i, out, first) if spans else None
            for s, e in spans:
                c = Cand(i, s, e, text[s:e], self.topics[i])
                in_table = u.kind == "row" and "who" in u.columns
                c.features["action_context"] = bool(in_actions or action_label or in_table)
                c.features["answers_customer"] = answers
                # "Who: Percival Nakamura, sales lead at Docketline. Docketline has run their docketing for eight
                # years": after the person the label lists, a sentence of its own is a statement, not the list
                c.features["attendees"] = listed or (labelled and s == spans[0][0])
                self._features(c, u, text, action_label)
                if accepted is not None and s == spans[0][0] and c.features["date"]:
                    accepted = None  # "Tuesday the 18th works for me": the acceptance says its own date
                if accepted is not None and not c.features["date"]:
                    c.features["date"], c.accepts = True, accepted  # "I'll be there. I'll bring the demo"
                # "He told her ...": a sentence opening on a pronoun right after one that names a customer
                # person is about them too
                quoted_on = _ONLY_QUOTE.match(c.text) and prev is not None and prev.text.rstrip().endswith(":")
                near = prev if prev is not None and prev.features["customer_person"] else named_before
                if near is not None and near.features["customer_person"] and (
                        (prev is near and (_PRONOUN_LEAD.match(c.text) or quoted_on)) or _SHE.search(c.text)):
                    # ... and a quotation standing alone after "Her words, which I wrote down:" is theirs
                    c.features["customer_person"] = True
                    c.refers = near.refers or near
                elif c.features["question"] and not c.features["customer_person"] and _SHE.search(c.text):
                    # "How well do you know him?" asks about the customer person the turn before named
                    asked = named_in_turn_before(self.lay, i, out)
                    if asked is not None:
                        c.features["customer_person"] = True
                        c.refers = asked.refers or asked
                if prev is not None and prev.features["account"] and _THEY_LEAD.match(c.text):
                    c.features["account"] = True  # "Olmstead Clinics. They asked us for help with no-shows."
                if prev is not None and prev.features["artifact"] and _IT.search(c.text):
                    c.features["artifact"] = True  # "... section seven of the RFP. I'm putting it in our channel."
                self._score(c)
                out.append(c)
                # "Their producer, Emi Saito. We worked together before she moved. She will take my call.":
                # "she" two sentences on is still the customer person named
                named_before = c if c.features["customer_person"] else (
                    prev if prev is not None and prev.features["customer_person"] else None)
                prev = c
        return out

    def _clauses(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentences cut where a second clause gives a named person their own commitment ("He will introduce
        Dev at the council on 22 September, where Dev plans to present the demo"): each is its actor's move."""
        turn = self.cues.any_of("clause_turn")
        out: list[tuple[int, int]] = []
        for s, e in spans:
            cut = s
            for m in turn.finditer(text, s, e):
                named = [(a, b) for _, a, b in self.ents.people_in(text, m.end(), e) if a == m.end()]
                if named and m.start() - cut > 20 and _WILL_DO.match(text, named[0][1], e):
                    out.append((cut, m.start() - 1))  # without the comma
                    cut = named[0][0]
            out.append((cut, e))
        return out

    def _features(self, c: Cand, u: Unit, text: str, action_label: re.Match[str] | None) -> None:
        cues = self.cues
        sent = c.text
        ents = self.ents
        f = c.features
        orgs = ents.orgs_in(text, c.start, c.end)
        people = ents.people_in(text, c.start, c.end)
        speaker = ents.people.find(u.speaker) if u.speaker else None
        f["account"] = any(o is ents.account for o in orgs) if ents.account else False
        # words inside quotation marks are someone else's: "our" there is the customer's
        bare = one_line(_QUOTED_ANY.sub(lambda m: " " * len(m.group()), sent))
        f["first_singular"] = bool(_FIRST_SINGULAR.search(bare))
        f["first_plural"] = bool(_FIRST_PLURAL.search(bare))
        partner_voice = speaker is not None and speaker.side == "partner" and f["first_plural"]
        f["partner"] = any(o is ents.partner for o in orgs) if ents.partner else False
        staff = any(p.side == "partner" and cues.patterns["staff_of"].match(text, b) for p, _, b in people)
        # "Proscenium = ticketing implementer ... they did Wexley's cutover": "they" in a line the partner's name labels
        said_of = bool(ents.partner and u.label and u.label.strip(" *_") in ents.partner.aliases
                       and re.match(r"\W*(?:they|their|it|its)\b", sent, re.I))
        f["partner"] = f["partner"] or partner_voice or staff or said_of  # "Björn's team does all the heavy checks"
        f["partner_person"] = any(p.side == "partner" for p, _, _ in people)
        f["customer_person"] = any(p.side == "customer" for p, _, _ in people) or bool(_CUSTOMER_ROLE.search(sent))
        f["person"] = bool(people)
        f["quote"] = bool(_QUOTED.search(sent))
        anchor = self.anchors.get(u.message if u.message is not None else -1 - u.doc)
        c.dates = find_dates(text, c.start, c.end, anchor=anchor, today=self.today)
        f["date"] = bool(c.dates) or bool(re.search(r"\bbusiness days\b|\bthis (?:week|wk)\b", sent, re.I))
        # a link to a document, not to an organisation's front page ("Website: www.acme.example.com")
        f["url"] = any(not cues.patterns["homepage"].fullmatch(m.group()) for m in cues.patterns["url"].finditer(sent))
        # a document named by its kind or its file: "the case study", "notes attached", "survey.xlsx"
        f["artifact"] = bool(cues.any_of("artifacts").search(sent) or _FILE.search(sent) or _ATTACHED.search(sent))
        f["opp_id"] = bool(cues.patterns["opportunity"].search(sent))
        f["dr_id"] = bool(re.search(r"\bDR-?\d{3,}\b", sent))
        f["question"] = sent.rstrip().endswith("?")
        f["classification"] = bool(cues.any_of("sourced").search(sent) or cues.any_of("influenced").search(sent))
        f["intro"] = bool(cues.any_of("intro").search(sent))
        voice = speaker if speaker is not None else ents.people.find(u.label.strip()) if u.label else None
        f["customer_voice"] = bool(voice is not None and voice.side == "customer"
                                   and (f["quote"] or f["first_singular"] or f["first_plural"]))
        # our side speaking (of others: what they say of the partner is second-hand)
        f["ours_voice"] = voice is not None and (voice.seller or voice.side == "ours")
        # a quotation read out of the customer's own document: "I'll read it: <the tender's words>"
        f["customer_voice"] = f["customer_voice"] or (f["quote"] and bool(cues.any_of("reads_out").search(sent)))
        # ... or said by someone the label places at the account: 'Pellucid DC head: "we ship short every Monday."'
        by_role = bool(u.label and ents.account is not None and cues.role_words.search(u.label)
                       and any(o is ents.account or o.name.split()[0] == ents.account.name.split()[0]  # "Pellucid DC"
                               for o in ents.orgs_in(u.label)))
        f["customer_voice"] = f["customer_voice"] or (f["quote"] and by_role)
        # "owner?? me or Tomas": a label asked as a question leaves its field open; the customer's words in
        # quotation marks say nothing of the notes ("heating rooms nobody has checked into" is no open check)
        c.undecided = bool(cues.any_of("undecided").search(bare)) or (u.sep or "").startswith("?")
        c.injection = bool(cues.any_of("injection").search(sent))
        self._actor(c, u, text, people, orgs, speaker, action_label)
        side = None
        if isinstance(c.actor, Person):
            side = "seller" if c.actor.seller else c.actor.side
        elif isinstance(c.actor, Org):
            side = "partner" if c.actor is ents.partner else "ours" if c.actor is ents.ours else None
        elif c.actor == "ours":
            side = "ours"
        elif c.actor == "author_seller":
            side = "seller"
        for name in ("seller", "ours", "partner", "customer"):
            f[f"actor_{name}"] = side == name
        f["actor_unknown"] = c.actor == "unknown"
        # "I'll own this one on our side", said by a speaker the notes name: a person
        f["person"] = f["person"] or (isinstance(c.actor, Person) and c.actor_from == "speaker")

    def _score(self, c: Cand) -> None:
        f = c.features
        sent = c.text
        bare = one_line(_QUOTED_ANY.sub(lambda m: " " * len(m.group()), sent))
        for fid, fc in self.cues.fields.items():
            cue = fc.cue_score(sent if fid == "trigger" else bare)
            feat = sum(w for k, w in fc.features.items() if f.get(k))
            c.cue_scores[fid] = cue
            if fc.absent is not None and fc.absent.search(one_line(sent)):
                c.absent.add(fid)
            ok = not fc.require_any or any(f.get(k) for k in fc.require_any)
            c.scores[fid] = cue + feat if ok else float("-inf")

    def _actor(self, c: Cand, u: Unit, text: str, people: list, orgs: list[Org], speaker: Person | None,
               action_label: re.Match[str] | None) -> None:
        ents = self.ents
        if u.kind == "row" and "who" in u.columns:
            k = u.columns.index("who")
            if k < len(u.cells):
                a, b = u.cells[k]
                who = ents.people_in(text, a, b)
                if who:
                    c.actor, c.actor_from = who[0][0], "row"
                    return
                found = ents.orgs_in(text, a, b)
                if found:
                    c.actor, c.actor_from = found[0], "row"
                    return
        if action_label and action_label.group("who"):
            who = ents.people_in(action_label.group("who"))
            if who:
                c.actor, c.actor_from = who[0][0], "label"
                return
            found = ents.orgs_in(action_label.group("who"))
            if found:
                c.actor, c.actor_from = found[0], "label"
                return
        handed = self.cues.any_of("addressed_move").match(c.text) if u.message is not None else None
        if handed and u.message is not None:
            # "Your next step, Thiago: call ...": the person it names, else "Your move: bring the demo ...":
            # the person the email is to
            named_to = {p.name: p for p, _, _ in ents.people_in(handed.group())}
            if len(named_to) == 1:
                c.actor, c.actor_from = next(iter(named_to.values())), "label"
                return
            to = {p.name: p for p in (ents.people.find(n) for n in self.lay.messages[u.message].to) if p is not None}
            if len(to) == 1:
                c.actor, c.actor_from = next(iter(to.values())), "label"
                return
        first = u.label and u.sep == ":" and c.start in (u.start, u.body)
        if first and u.label and u.label.strip(" *_").lower() in ("me", "myself") and u.doc in self.author_sells:
            c.actor, c.actor_from = "author_seller", "label"  # "- me: book the demo w/ Brody this wk"
            return
        named = ents.people.find(u.label.strip(" *_")) if first and u.label else None
        if named is None and first and u.label and re.fullmatch(r"[A-Z]", u.label.strip(" *_")):
            # "T: send Jun the logs" in notes that call Teodor Kral "T": the one person the initial fits
            fits = [p for p in ents.people if p.first[:1] == u.label.strip(" *_") and " " in p.name]
            named = fits[0] if len(fits) == 1 else None
        if named is not None:  # "- Jonas: book the close demo with Mara", "Rashid: send the calendar"
            c.actor, c.actor_from = named, "label"
            return
        lead = _LEAD.match(c.text)
        head = c.start + (lead.end() if lead else 0)
        for p, a, b in people:
            at_head = head <= a <= head + 2
            if at_head and (_COMMIT.match(text[b:c.end].lstrip()) or text[b:b + 3] in ("'s ", "’s ")
                            or _VERB_NEXT.match(text, b, c.end)):
                c.actor, c.actor_from = p, "subject"
                return
        m = self.ents._org_rx.match(text, head) if self.ents._org_rx else None
        if m and _COMMIT.match(text[m.end():c.end].lstrip()):
            c.actor, c.actor_from = ents.orgs_in(m.group())[0], "subject"
            return
        # ... or opens on "Me": "Me, until you accept." answering "Who owns this?"
        if re.match(r"(?:[\w'’]+[,.!:;]?\s+){0,5}?I\b|I['’]|Me\b(?!['’])", text[head:c.end]):
            if speaker is not None:
                c.actor, c.actor_from = speaker, "speaker"
                return
            if u.kind == "cue":  # a caption with no name: someone at the table, we cannot say who
                c.actor, c.actor_from = "unknown", "speaker"
                return
            if u.doc in self.author_sells and not u.quoted:
                c.actor, c.actor_from = "author_seller", "speaker"
                return
        pronoun = re.match(r"(?:she|he)\b", text[head:c.end], re.I)
        if pronoun and _COMMIT.match(text[head + pronoun.end():c.end].lstrip()):
            # "She will introduce Tariq to Bruno": the one she stands for, the subject of the sentence before
            # ("Odile's contact is ..."), never the person she acts on
            starts = [a for a, _ in sentences(text, u.body, u.end) if a < c.start]
            named_before = ents.people_in(text, starts[-1], c.start) if starts else []
            subjects = [q for q, a, _ in named_before if a <= starts[-1] + 2]
            c.actor, c.actor_from = (subjects[0], "subject") if subjects else (None, None)
            return
        if re.match(r"we\b|we['’]ll\b", text[head:c.end], re.I):
            c.actor = speaker if speaker is not None and speaker.side == "partner" else "ours"
            c.actor_from = "speaker" if speaker is not None else "subject"
            return
        # the speaker committing after an aside ("easy, he was my boss :smile: I can bring Arjun to the walk"): "I"
        # is the actor, not the person brought along after it
        mine = _I_COMMIT.search(text, head, c.end) if speaker is not None else None
        for p, a, b in people:
            if mine is not None and mine.start() < a:
                c.actor, c.actor_from = speaker, "speaker"
                return
            if _COMMIT.match(text[b:c.end].lstrip()):
                c.actor, c.actor_from = p, "subject"
                return
