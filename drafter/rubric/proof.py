"""Checks of what makes a handoff verifiable and owned: the conflict check, the evidence, the owner."""

from __future__ import annotations

import re

from drafter.rubric.context import Check, Context, absent, quoted
from drafter.rubric.model import Level
from drafter.rubric.text import negated, people, sentences

# --- conflict, evidence, owner -----------------------------------------------------------------

def judge_conflict(ctx: Context) -> Check:
    text = ctx.values["conflict"]
    if not text:
        msg = absent(ctx, "conflict", "the risk and channel-conflict note")
        return Check("missing", [msg], {"no_conflict_check": msg}, {"checked": False})
    pending = ctx.find("conflict_pending", text)
    lead = ctx.rubric.lex["conflict_pending"].rx.match(text.lstrip("*_ "))
    checked = None
    outcomes = [*ctx.rubric.lex["conflict_outcomes"].finditer(text), *ctx.rubric.pat["conflict_outcome"].finditer(text)]
    for m in sorted(outcomes, key=lambda m: m.start()):
        clause = re.split(r"[.;:\n]", text[:m.start()])[-1]
        if not ctx.rubric.lex["hypotheticals"].search(clause):
            checked = m.group(0)
            break
    # "No conflicts." is an outcome with nothing said about what was checked (SPEC: what was checked and the outcome)
    if checked and ctx.rubric.lex["conflict_bare_outcomes"].rx.fullmatch(checked.strip()) and not ctx.has(
            "conflict_scopes", text):
        pending = pending or checked
        checked = None
    unsure = ctx.find("conflict_unverified", text)
    if unsure and not ctx.find("conflict_check_verbs", text):
        checked = None
        pending = pending or unsure
    if not checked or lead:
        what = f"{quoted(pending)} is not a check" if pending else \
            "does not say what was checked (registered resellers, competing partners, credit) and the outcome"
        msg = f"no conflict check: {what}"
        return Check("missing", [msg], {"no_conflict_check": msg}, {"checked": False}, pending or text)
    credit = re.search(r"credit|quota|comp\b|compensat|margin|fee|split|paid", text, re.IGNORECASE)
    notes = [f"checked, with the outcome ({quoted(checked)})"]
    if pending:
        notes.append(f"something is still open ({quoted(pending)})")
    if not credit:
        notes.append("does not say how the partner is credited")
    level: Level = "strong" if credit and not pending else "weak"
    return Check(level, notes, {}, {"checked": True})


def judge_evidence(ctx: Context) -> Check:
    text = ctx.values["evidence"]
    if not text:
        msg = absent(ctx, "evidence", "the evidence")
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False})
    fake = ctx.pat("placeholder_url", text)
    url = ctx.pat("url", ctx.rubric.pat["placeholder_url"].sub(" ", text))
    record = ctx.pat("record_ids", text)
    if fake and not url and not record:
        msg = f"no evidence a seller can open: {quoted(fake.group(0))} is a placeholder, not a link"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, fake.group(0))
    # "no notes were taken" names no document.
    docs = [m for m in ctx.rubric.lex["documents"].finditer(text) if not negated(text, m.start(), ctx.rubric, window=2)]
    doc = docs[0].group(0) if docs else None
    # "Somewhere in Slack": a place is no document's location when it is the only document named
    where = next((m.group(0) for m in ctx.rubric.lex["evidence_locations"].finditer(text)
                  if any(d.end() <= m.start() or m.end() <= d.start() for d in docs) or not docs), None)
    asked = ctx.pat("ask_person", text)
    bad = ctx.find("unverifiable", text) or (asked.group(0) if asked else None)
    if url and not record and not (doc and where) and all(
            re.fullmatch(r"(?:https?://)?(?:www\.)?[^/\s]+/?", u.group(0).rstrip(".,)"))
            for u in ctx.rubric.pat["url"].finditer(text)):
        msg = f"no evidence a seller can open: {quoted(url.group(0))} is a home page, not a source for the claims"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, url.group(0))
    if not (url or record) and not (doc and where) and (bad or not doc):
        why = f"{quoted(bad)} cannot be checked" if bad else "names no link, record or document"
        msg = f"no evidence a seller can open: {why}"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, bad or text)
    if (url or record or (doc and where)) and not bad:
        hit = url or record
        link = hit.group(0) if hit else text
        return Check("strong", [f"openable: {quoted(link)}"], {}, {"verifiable": True})
    if bad:
        return Check("weak", [f"part of it cannot be checked ({quoted(bad)})"], {}, {"verifiable": True}, bad)
    if not _names_one(text, ctx):
        msg = f"no evidence a seller can open: names a kind of document ({quoted(doc or '')}), not which one"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, doc or text)
    return Check("weak", [f"names {quoted(doc or '')} but not where to open it"], {}, {"verifiable": True})


def _names_one(text: str, ctx: Context) -> bool:
    """A document a seller could ask for by name: a title in quotes, a date, or a proper name or acronym
    ("the Kestrel case study", "QBR deck, 12 May"), not a kind of thing ("internal notes")."""
    if ctx.pat("quote", text) or ctx.pat("date", text):
        return True
    body = re.sub(r"^\s*evidence\s*:\s*", "", text, flags=re.IGNORECASE)
    return any(m.start() > 0 and not re.search(r"(?:^|[.!?:;]\s*|\n\s*[-*•]?\s*)$", body[:m.start()])
               for m in re.finditer(r"\b[A-Z][\w&'’.-]*", body))


_OWN = re.compile(r"\bown(?:s|ed by|ing|er|ership)?\b|\bwill\s+(?:run|drive|coordinate|lead|handle)\b"
                  r"|\bpoint person\b|\bDRI\b|\baccountable\b", re.IGNORECASE)
# "I own this until Rafael accepts: Yusuf Adeyemi, partner manager": the writer signs after the colon.
_FIRST_PERSON = re.compile(r"^\W*(?:I|I[\x27’]m|I am|me|myself)\b", re.IGNORECASE)
# "Best regards, / Anneliese Brandt / Alliance Lead, Trussline / (owner of this handoff ...)": the signer owns it.
_OWNER_OF = re.compile(r"owner\s+of\s+(?:this|the)\s+(?:handoff|hand-off|packet|deal|opportunity)\b", re.IGNORECASE)


def _shared_mailbox(address: str, ctx: Context) -> bool:
    """"alliances@", "cosell-na@", "canais-latam@": a team's address (a mailbox word, or a region after a name)."""
    parts = re.split(r"[-_.+]", address.split("@")[0].lower())
    return (address.endswith("@") or parts[0] in ctx.rubric.words["mailbox_locals"]
            or any(p in ctx.rubric.words["mailbox_regions"] for p in parts[1:]))


def judge_owner(ctx: Context) -> tuple[Check, Check]:
    """(owner, acceptance criteria): one named person, and a response window in days."""
    text = ctx.values["owner"]
    if not text:
        msg = absent(ctx, "owner", "the owner and due date")
        return (Check("missing", [msg], {"no_owner": msg}),
                Check("missing", ["no response window"]))
    sents = sentences(text)
    sentence = next((s for s in sents if _OWN.search(s)), sents[0] if sents else text)
    lo, hi = 0, len(sentence)
    m = _OWN.search(sentence)
    # "Owner: Jo", "Owned by Jo" name the owner after the word; "Jo owns it", "Jo is the owner" before it.
    # "DRI: Jo", "Accountable: Jo", "DRI Jo" name the owner after the word too.
    word = m.group(0) if m else ""
    opening = m is not None and not re.search(r"[^\W\d_]", sentence[:m.start()].replace("The", "").replace("the", ""))
    if m and (word.lower().startswith("owned by") or re.match(r"\s*:", sentence[m.end():])
              or (opening and (word.lower().startswith("owner") or word.isupper()))):
        lo = m.end()
    elif m:
        hi = m.start()
        # "Not Tom Hale (moved teams) — Priya Raman owns this": the owner is named right before the verb;
        # "Sasha Brennan, partner marketing — owns the handoff": the dash only ends the name's role
        cut = list(re.finditer(r";|\s[-–—]\s|—", sentence[:hi]))
        if cut and re.search(r"[^\W\d_]", sentence[cut[-1].end():hi]):
            lo = cut[-1].end()
    stop = re.search(r"\b(?:until|unless|once|when|after)\b|;|\s[-–—]\s|—|\bto\s+(?:accept|respond|reply|answer)"
                     r"|\b(?:replies|responds|accepts|response|window)\b", sentence[lo:hi])
    if stop:
        hi = lo + stop.start()
    subject = sentence[lo:hi]
    aliases = ctx.rubric.lex["team_aliases"]
    found = [p for p in people(sentence, ctx.rubric, ctx.known_first, org_names=ctx.org_names)
             if lo <= p.start < hi and not aliases.rx.fullmatch(p.name)
             and not negated(sentence, p.start, ctx.rubric, window=2)]
    names = list(dict.fromkeys(p.name for p in found))
    if not names and (_FIRST_PERSON.match(subject) or _OWNER_OF.match(sentence[m.start():] if m else "")):
        signed = [p for p in people(text, ctx.rubric, ctx.known_first, org_names=ctx.org_names)
                  if re.search(r"(?::|\s[-–—]|—)\s*$|\n[ \t]*$", text[:p.start]) and p.role]
        names = [signed[0].name] if signed else []
    emails = [e.group(0) for e in ctx.rubric.pat["email"].finditer(subject)]
    # "alliances@", "cosell-na@", "partners.emea@": a shared mailbox, whatever its region suffix
    mailbox = next((e for e in emails if _shared_mailbox(e, ctx)), None)
    names += [e for e in emails if e != mailbox and re.fullmatch(r"[a-z]+[._-][a-z]+", e.split("@")[0].lower())]
    alias = mailbox or ctx.find("team_aliases", subject.strip(" .:-")) if not names else None
    window = (ctx.pat("window", text) or ctx.rubric.lex["same_day"].search(text)
              or (ctx.find("window_words", text) and ctx.pat("date", text)))
    due = ctx.pat("date", text)
    fires: dict[str, str] = {}
    if len(names) == 1:
        owner = Check("strong", [f"one named owner: {names[0]}"], text=names[0])
    elif len(names) > 1:
        owner = Check("weak", [f"several owners ({', '.join(names)}), not one"], text=", ".join(names))
        fires["no_owner"] = f"no single named owner: {', '.join(names)}"
    else:
        what = (f"{quoted(alias)} is a team alias, not a person" if alias
                else f"{quoted(subject or text)} names no person")
        owner = Check("missing", [f"no named owner: {what}"], text=alias or text)
        fires["no_owner"] = f"no single named owner: {what}"
    if window:
        accept = Check("strong", [f"response window: {quoted(window.group(0) if hasattr(window, 'group') else '')}"])
    elif due:
        accept = Check("weak", [f"a date ({quoted(due.group(0))}) but no response window in days"])
    else:
        accept = Check("missing", ["no due date or response window"])
        fires.setdefault("no_owner", "no due date or response window")
    owner.fires = fires
    return owner, accept


