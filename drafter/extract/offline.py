"""The offline extractor: the embedded default backend. No key, no network, deterministic.

Pipeline: structure (units, sections, speakers) -> entities (people, organisations, which is the
account and which the partner) -> dates -> candidates (scored sentences) -> proposals (verbatim
pieces) -> a Packet whose every evidence quote is `source_text[start:end]`.
"""

from __future__ import annotations

import email.utils
from datetime import date
from typing import Any

from drafter import __version__
from drafter.extract.assemble import Piece, render
from drafter.extract.candidates import Labeler, Scorer
from drafter.extract.classify import classification
from drafter.extract.cues import DEFAULT, Cues, load_cues
from drafter.extract.dates import find_dates, first_date
from drafter.extract.entities import Entities, find_entities
from drafter.extract.grounding import evidences
from drafter.extract.handoff import no_handoff, other_genre, process_doc, titled
from drafter.extract.propose import Proposal, Proposer
from drafter.extract.structure import Layout, layout
from drafter.fields import FIELD_IDS
from drafter.ingest.document import Document
from drafter.packet import Evidence, Field, Packet, Source

# Fields that only mean something once the notes name the partner, or the account.
NEEDS_PARTNER = ("why_partner", "value_prop", "warm_path", "partner_move")
NEEDS_ACCOUNT = ("trigger", "conflict")
_DATE_LABELS = ("date", "meeting date", "when", "held on", "call date", "date of meeting", "sent")


def meeting_dates(lay: Layout, today: date) -> dict[int, date | None]:
    """The date each document (key -1-doc) and each email message (key: message index) was written."""
    anchors: dict[int, date | None] = {}
    for i, msg in enumerate(lay.messages):
        d = None
        if msg.date:
            try:
                d = email.utils.parsedate_to_datetime(msg.date).date()
            except (TypeError, ValueError):
                d = first_date(msg.date, today=today)
        anchors[i] = d
    for di, doc in enumerate(lay.docs):
        units = [u for u in lay.units if u.doc == di]
        found = None
        for u in units:
            if u.label and u.label.strip("*_ ").lower() in _DATE_LABELS and u.kind != "header":
                found = first_date(doc.text[u.body:u.end], today=today)
                if found:
                    break
        if found is None and doc.date:
            try:
                found = email.utils.parsedate_to_datetime(doc.date).date()
            except (TypeError, ValueError):
                found = None
        if found is None:
            msgs = [anchors[u.message] for u in units if u.message is not None and anchors.get(u.message)]
            found = msgs[0] if msgs else None
        if found is None:
            for u in units[:4]:
                found = first_date(doc.text[u.start:u.end], today=today)
                if found:
                    break
        anchors[-1 - di] = found
    for i, msg in enumerate(lay.messages):
        if anchors[i] is None:
            anchors[i] = anchors.get(-1 - msg.doc)
    return anchors


def _account(prop: Proposer, ents: Entities, cues: Cues) -> Proposal:
    found = prop.labeled("account") or prop.scored("account")
    lay = prop.lay
    if found is None or not found.pieces:
        if found is not None and found.note:
            return found
        if ents.account is None:
            return prop.missing("account")
        found = Proposal([], 0.4, "only the account's name is in the notes; " + cues.fields["account"].note)
    pieces = list(found.pieces)
    account = ents.account
    full = account.first_full if account else None
    name = account.name if account else ""
    # an account known by one word and written once in full ("Redcliff Minerals <-- main one", then "Redcliff =
    # iron ore ..."): the value names it in full (not "Redcliff GM", a person's title after the name)
    longer = [a for a in (account.aliases if account and " " not in name else ()) if a.startswith(name + " ")
              and not all(w.isupper() for w in a.split()[1:])]
    if account and len(longer) == 1:
        at = next((m for m in account.mentions if lay.docs[m[0]].text[m[1]:m[2]] == longer[0]), None)
        full, name = (at, longer[0]) if at is not None else (full, name)
    if account and full and not any(lay.docs[p.doc].text.find(name, p.start, p.end) >= 0 for p in pieces):
        unit = next((i for i, u in enumerate(lay.units) if u.doc == full[0] and u.start <= full[1] < u.end), 0)
        pieces.insert(0, Piece(full[0], full[1], full[2], unit, prefix=False))
    kind, cand = classification(lay, prop.cands, cues)
    if cand is not None and not any(
            p.unit == cand.unit and (p.start <= cand.start < p.end or lay.units[p.unit].kind == "row") for p in pieces):
        pieces.extend(prop._with_context(cand, "account")[-1:])
    found.pieces = prop._fit(pieces)
    return found


def _partner(prop: Proposer, ents: Entities, cues: Cues) -> Proposal:
    labeled = prop.labeled("partner")
    if labeled is not None and (labeled.pieces or ents.partner is None):
        # "partner: Andes Cloud Partners SpA" in front matter names the firm; the person acting for it is
        # named elsewhere, and the label's value without them is thinner than what the notes say
        # ... and someone of ours named in it ("Partner account: Brackwell > Activity history / Exported by Kiran
        # Desai" in a CRM export, Kiran being partner marketing) is not the partner's person
        own = cues.any_of("own_roles")
        named = any(q.side == "partner" or (q.side != "ours" and not (q.role and own.search(q.role)))
                    for p in labeled.pieces for q, _, _ in ents.people_in(prop.lay.docs[p.doc].text, p.start, p.end))
        if named or ents.partner is None:
            return labeled
        found = _partner_person(prop, ents)
        return found if found.note is None else labeled
    if ents.partner is None:
        return prop.missing("partner")
    return _partner_person(prop, ents)


def _partner_person(prop: Proposer, ents: Entities) -> Proposal:
    """The partner's person, described with a role first, with the firm when the quotes do not name it."""
    assert ents.partner is not None
    # who the partner is cannot be "not agreed": an open statement under a partner label ("Ingrid's side: NOT
    # agreed, wants her director's ok") is about what they will do; who they are is still what the notes say
    lay = prop.lay
    topics = prop.scorer.topics
    counts: dict[str, int] = {}
    for p in ents.people:
        if p.side != "partner":
            continue
        counts[p.name] = 0
        for i, u in enumerate(lay.units):
            if topics[i] >= 0:
                counts[p.name] += sum(1 for q, _, _ in ents.people_in(lay.docs[u.doc].text, u.start, u.end) if q is p)
                if u.speaker == p.name:
                    counts[p.name] += 1
    pieces: list[Piece] = []
    # the person the notes describe with a role first ("I look after partnerships at Frostline"), then
    # the one they name most
    person = ents.people.by_name[max(counts, key=lambda k: (ents.people.by_name[k].role is not None, counts[k]))
                                 ] if counts else None
    org_named = False
    if person is not None:
        spans = person.facts or ([person.name_at] if person.name_at else [])
        named = any(person.name in lay.docs[d].text[a:b] for d, a, b in spans)
        if person.name_at and not named and not any(a <= person.name_at[1] < b for _, a, b in spans):
            spans = [person.name_at, *spans]
        for d, a, b in spans[:3]:
            pieces.append(Piece(d, a, b, _unit_at(lay, d, a)))
            # named by a word of its name, not only by initials ("RL") a seller could not place
            written = ents._org_rx.finditer(lay.docs[d].text, a, b) if ents._org_rx else iter(())
            org_named = org_named or any(m.group() in ents.partner.aliases and not m.group().isupper() for m in written)
    if not org_named:
        full = ents.partner.first_full
        if full:
            pieces.insert(0, Piece(full[0], full[1], full[2], _unit_at(lay, full[0], full[1])))
    note = None if person else "name the person acting for the partner, with their role"
    return Proposal(prop._fit(pieces), 0.75 if person else 0.4, note)


def _evidence(prop: Proposer) -> Proposal:
    """Sources are a list: a labelled "Evidence:"/"Sources" entry and the other documents the notes
    point to (a link, "notes attached") both belong."""
    labeled = prop.labeled("evidence")
    scored = prop.scored("evidence")
    if labeled is None or not labeled.pieces:
        return labeled or scored or prop.missing("evidence")
    if scored is not None and scored.pieces:
        labeled.pieces = prop._fit(labeled.pieces + scored.pieces)
    return labeled


def _unit_at(lay: Layout, doc: int, offset: int) -> int:
    """The unit holding an offset, or whose speaker's name is written there ("RASHID OKONKWO: ..."); -1 if none."""
    for i, u in enumerate(lay.units):
        named_here = u.speaker_at is not None and u.speaker_at <= offset < u.start
        if u.doc == doc and (u.start <= offset <= u.end or named_here):
            return i
    return -1


def _field(lay: Layout, prop: Proposal, documents: list[Document]) -> Field:
    if not prop.pieces:
        return Field(status="missing", note=prop.note)
    evs: list[Evidence] = []
    for p in prop.pieces:
        speaker = time = None
        if p.unit >= 0:
            u = lay.units[p.unit]
            msg = lay.messages[u.message] if u.message is not None else None
            time = u.time or (msg.date if msg else None)
            speaker = u.speaker if (u.kind == "cue" or msg is not None) and u.doc == p.doc else None
        # quoted from the file's own text (a caption's wrapped lines read as one in `lay`)
        evs.extend(evidences(documents[p.doc], p.start, p.end, speaker=speaker, time=time))
    if not evs:
        return Field(status="missing", note=prop.note or "no quote of the notes supports this field")
    return Field(value=render(lay, prop.pieces), status="proposed", evidence=evs, confidence=prop.confidence,
                 note=prop.note, alternatives=prop.alternatives)


def draft(documents: list[Document], *, today: date | None = None, cues: str = DEFAULT) -> Packet:
    """Propose the eleven fields from notes. Every value is made of quoted spans with exact offsets;
    a field the notes do not support, or leave undecided, is missing with a note on what would fill it."""
    today = today or date.today()
    cue = load_cues(cues)
    lay = layout(documents, cue)
    ents = find_entities(lay, cue)
    anchors = meeting_dates(lay, today)
    scorer = Scorer(lay, ents, cue, Labeler(cue, ents, lay), anchors, today)
    prop = Proposer(lay, ents, cue, scorer, scorer.candidates())
    proposals: dict[str, Proposal] = {}
    # a handoff is about an account: notes that show there is none (an internal meeting, a partner QBR
    # with no co-sell nomination, an investor call) support no field, whoever else they name; an account
    # merely not found leaves the other fields to what the notes say. An account only guessed (neither
    # labelled nor in the notes' title) is no evidence of a handoff either.
    label = prop.labeled("account") or Proposal()
    labelled = bool(label.pieces)
    guessed = not labelled and (ents.account is None or not titled(lay, ents, ents.account))
    nothing = not labelled and (other_genre(lay, cue) or (guessed and no_handoff(lay, ents, cue)))
    why = "the notes hold no co-sell handoff; "
    # a handbook's process page names roles, sections and examples, not a customer: only an account it
    # labels with an opportunity record is one
    if not nothing and process_doc(lay, cue):
        opp = cue.patterns["opportunity"]
        nothing = not any(opp.search(lay.docs[p.doc].text, p.start, p.end) for p in label.pieces)
        why = "the notes read as a process or handbook page, not notes of a customer meeting; "
    for fid in FIELD_IDS:
        if nothing:
            proposals[fid] = prop.missing(fid)
            proposals[fid].note = why + (proposals[fid].note or "")
        elif (fid in NEEDS_PARTNER and ents.partner is None) or (fid in NEEDS_ACCOUNT and ents.account is None and not (
                # a customer not named to us yet ("a 40-community operator; no name until the NDA") whose buyer
                # the notes name and quote still has a trigger, in the buyer's words
                fid == "trigger" and any(p.side == "customer" for p in ents.people))):
            # what the notes label stands; what would have to be inferred about an unknown party does not
            proposals[fid] = prop.labeled(fid) or prop.missing(fid)
            if not proposals[fid].pieces:
                who = "partner organisation" if fid in NEEDS_PARTNER else "account"
                proposals[fid].note = f"no {who} found in the notes; " + (proposals[fid].note or "")
        elif fid == "account":
            proposals[fid] = _account(prop, ents, cue)
        elif fid == "partner":
            proposals[fid] = _partner(prop, ents, cue)
        elif fid == "evidence":
            proposals[fid] = _evidence(prop)
        else:
            proposals[fid] = prop.labeled(fid) or prop.scored(fid) or prop.missing(fid)
    fields = {fid: _field(lay, p, documents) for fid, p in proposals.items()}
    kind = classification(lay, prop.cands, cue)[0] if fields["account"].value else None
    dates: dict[str, list[dict[str, str]]] = {}
    for fid, p in proposals.items():
        for piece in p.pieces:
            u = lay.units[piece.unit] if piece.unit >= 0 else None
            anchor = anchors.get(u.message if u is not None and u.message is not None else -1 - piece.doc)
            for d in find_dates(lay.docs[piece.doc].text, piece.start, piece.end, anchor=anchor, today=today):
                if d.date is not None:
                    dates.setdefault(fid, []).append({"text": d.text, "date": d.date.isoformat()})
    meeting = {doc.path: anchors.get(-1 - i) for i, doc in enumerate(documents)}
    records: dict[str, list[str]] = {"crm_ids": [], "urls": []}
    for c in prop.cands:  # record ids and links on the account's topic, in order of appearance
        if c.topic >= 0:
            for key, rx in (("crm_ids", cue.patterns["crm"]), ("urls", cue.patterns["url"])):
                for m in rx.finditer(c.text):
                    found = m.group().rstrip(".,;:")
                    if found not in records[key]:
                        records[key].append(found)
    metadata: dict[str, Any] = {
        "account": ents.account.name if ents.account else None,
        "partner": ents.partner.name if ents.partner else None,
        "seller": ents.seller.name if ents.seller else None,
        "meeting_date": next((d.isoformat() for d in meeting.values() if d), None),
        "dates": dates,
        "records": records,
        "ignored_instructions": [
            {"source": lay.docs[lay.units[c.unit].doc].path, "line": lay.docs[lay.units[c.unit].doc].line_of(c.start),
             "text": c.text} for c in prop.ignored],
    }
    title = None if nothing else " / ".join(x for x in (metadata["account"], metadata["partner"]) if x) or None
    when = {path: (d.isoformat() if d else None) for path, d in meeting.items()}
    return Packet(
        title=title,
        classification=kind,  # type: ignore[arg-type]  # one of the two Classification values
        fields=fields,
        sources=[Source(path=d.path, kind=d.kind, sha256=d.sha256, date=when[d.path]) for d in documents],
        metadata=metadata,
        provenance={"backend": "offline", "cues": cue.version, "drafter": __version__, "body": {
            d.path: d.body for d in documents}},
    )
