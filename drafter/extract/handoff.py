"""Whether notes hold a co-sell handoff at all.

A handoff is about one customer account. Notes that name none support no field, but only when they
say so or show it: an internal meeting ("no customers or partners involved"), a partner review with
"Co-sell nominations: none this quarter", or notes where no customer organisation comes with anything
a seller could act on (no opportunity record, no named-account list, no co-sell item). Failing to pick
the account is not such evidence: then the fields the notes support are still proposed. Other kinds
of document (an investor call, a handbook's process page) are recognised by marks that co-sell notes do
not carry.
"""

from __future__ import annotations

import re
from functools import cache

from drafter.extract.cues import Cues
from drafter.extract.entities import Entities
from drafter.extract.parties import claims_account
from drafter.extract.structure import Layout


def says_no_cosell(lay: Layout, cues: Cues) -> bool:
    """The notes state there is nothing to hand off ("No new co-sell nominations this week")."""
    none = cues.any_of("no_cosell")
    heading = cues.any_of("cosell_heading")
    for u in lay.units:
        text = lay.text(u)
        if none.search(text):
            return True
        sec = lay.units[u.section] if u.section is not None else None
        # "## Co-sell nominations" then "- None this quarter."
        if sec is not None and heading.search(lay.text(sec)) and re.match(r"\W*(?:none|nothing|no)\b", text, re.I):
            return True
    return False


def customer_need(lay: Layout, ents: Entities, cues: Cues) -> bool:
    """Some customer organisation comes with something a seller can act on: an opportunity record, a place
    on a named-account list, a co-sell item; or, with a partner at the table, a need of its own ("Olmstead
    Clinics. They asked us for help with no-shows."); or a customer the partner will not name yet."""
    opp = cues.patterns["opportunity"]
    tie = cues.any_of("priority")
    need = cues.fields["trigger"]
    others = [o for o in ents.orgs if o is not ents.partner and o is not ents.ours]
    unnamed = cues.fields["account"].absent
    # a customer of ours already ("Rowan Brewing Collective has run our demand forecasting since 2023") quoted
    # for a brief or a case study is a reference, not a need to hand off
    existing = {o for o in others if any(claims_account(cues, o).search(d.text) for d in lay.docs)}
    labels = cues.fields["account"].labels
    for i, u in enumerate(lay.units):
        text = lay.text(u)
        if opp.search(text):
            return True
        if unnamed is not None and unnamed.search(text) and u.label and labels is not None and labels.match(
                re.sub(r"^the\s+", "", re.sub(r"\s+", " ", u.label.lower()).strip())):
            return True  # "the account: ... Theo won't give me the name until the NDA is signed": not named yet
        named = any(o in others for o in ents.orgs_in(lay.docs[u.doc].text, u.start, u.end))
        if not named and i > 0 and tie.search(text):  # "It's on my named list", after the turn naming it
            prev = lay.units[i - 1]
            named = prev.doc == u.doc and any(o in others for o in ents.orgs_in(lay.docs[prev.doc].text, prev.start,
                                                                               prev.end))
        needing = ents.partner is not None and need.cue_score(text) >= 2.0 and any(
            o in others and o not in existing for o in ents.orgs_in(lay.docs[u.doc].text, u.start, u.end))
        # "Grayhaven isn't in my CRM at all ... I'll open one today and it'll be partner-sourced"
        booked = cues.any_of("booked").search(text)
        if named and (tie.search(text) or needing or booked):
            return True
    return False


def no_handoff(lay: Layout, ents: Entities, cues: Cues) -> bool:
    """Positive evidence that the notes hold no handoff: they say so, or nothing ties any customer to a seller."""
    return says_no_cosell(lay, cues) or not customer_need(lay, ents, cues)


@cache
def _marks(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


def other_genre(lay: Layout, cues: Cues) -> bool:
    """The notes are another kind of document: an earnings call shows a safe-harbour notice, an operator
    taking questions, a listen-only line. One mark can be a passing mention; several are the document."""
    marks = _marks(tuple(cues.raw["text"]["other_genre"]))
    texts = [d.text for d in lay.docs]
    return sum(1 for rx in marks if any(rx.search(t) for t in texts)) >= cues.limit("other_genre")


def process_doc(lay: Layout, cues: Cues) -> bool:
    """The notes are a policy or process page (a handbook's how-to for a role), not notes of a meeting
    with a customer: several of its marks, each counted once, are the document."""
    marks = _marks(tuple(cues.raw["text"]["process_doc"]))
    texts = [d.text for d in lay.docs]
    return sum(1 for rx in marks if any(rx.search(t) for t in texts)) >= cues.limit("process_doc")


def titled(lay: Layout, ents: Entities, org: object) -> bool:
    """The organisation is named in a document's title (its first line) or an email's subject: the
    notes say who the meeting was with."""
    for u in lay.units:
        first = u.line == 1 or (u.kind == "header" and (u.label or "").strip().lower() == "subject")
        if first and any(o is org for o in ents.orgs_in(lay.docs[u.doc].text, u.start, u.end)):
            return True
    return False
