"""Judging each field on its own, as a seller who has never met the partner would read it.

Each check returns the field's level (strong/weak/missing), its findings, and the facts the
failure modes, signals and gates are decided from. Nothing here calls a model or the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TypeVar

from drafter.rubric.dates import dates_after
from drafter.rubric.load import Rubric
from drafter.rubric.model import Level
from drafter.rubric.priority import PriorityList
from drafter.rubric.text import Person, first_clause, mostly_lower, negated, people, sentences, words

T = TypeVar("T")


@dataclass
class Check:
    level: Level
    notes: list[str] = field(default_factory=list)  # why the level, in words
    fires: dict[str, str] = field(default_factory=dict)  # failure mode / signal id -> message
    facts: dict[str, bool] = field(default_factory=dict)
    text: str | None = None  # the text that triggered the verdict, if any


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"'{text[:limit]}{'…' if len(text) > limit else ''}'"


@dataclass
class Context:
    values: dict[str, str]
    rubric: Rubric
    priority: PriorityList | None = None
    placeholders: dict[str, str] = field(default_factory=dict)
    _people: dict[str, list[Person]] = field(default_factory=dict)
    known_first: frozenset[str] = frozenset()
    org_names: frozenset[str] = frozenset()
    reference: date | None = None

    def people(self, fid: str) -> list[Person]:
        if fid not in self._people:
            self._people[fid] = people(self.values.get(fid, ""), self.rubric, self.known_first,
                                       org_names=self.org_names)
        return self._people[fid]

    def has(self, key: str, text: str) -> bool:
        return self.rubric.lex[key].search(text) is not None

    def find(self, key: str, text: str) -> str | None:
        m = self.rubric.lex[key].search(text)
        return m.group(0) if m else None

    def pat(self, key: str, text: str) -> re.Match[str] | None:
        return self.rubric.pat[key].search(text)


# Fields where the people of a handoff are named in full (the others name companies and documents).
NAMING_FIELDS = ("account", "partner", "trigger", "warm_path", "seller_move", "partner_move", "owner")


def build_context(values: dict[str, str], rubric: Rubric, priority: PriorityList | None,
                  reference: date | None = None) -> Context:
    """Values with whole-field placeholders ("TBD", "n/a") blanked, and the first names of everyone named."""
    cleaned: dict[str, str] = {}
    placeholders: dict[str, str] = {}
    for fid, value in values.items():
        v = (value or "").strip()
        bare = re.sub(r"^[\W_]+|[\W_]+$", "", v).lower()
        if v and (bare in rubric.lex["placeholders"] or v.lower() in rubric.lex["placeholders"]):
            placeholders[fid] = v
            v = ""
        cleaned[fid] = v
    # The account's name, and the partner's when it is plainly a company, are never a person's name
    # ("Greenhollow wants better reporting" is the account speaking, not a Mr Greenhollow).
    orgs = {w for w in first_clause(cleaned.get("account", "")).split() if w[:1].isupper()}
    partner_org = first_clause(cleaned.get("partner", ""))
    if any(w.lower() in rubric.words["org_words"] for w in partner_org.split()):
        orgs |= {w for w in partner_org.split() if w[:1].isupper()}
    org_names = frozenset(re.sub(r"['’]s$", "", w.strip(".,()")) for w in orgs)
    # A first name alone ("Dana meets...") counts once someone called Dana is named in full somewhere.
    firsts: set[str] = set()
    for fid in NAMING_FIELDS:
        for p in people(cleaned.get(fid, ""), rubric, full_names_only=True, org_names=org_names):
            firsts.update((p.first, p.name.split()[-1]))
    return Context(cleaned, rubric, priority, placeholders, known_first=frozenset(firsts), org_names=org_names,
                   reference=reference)


def _absent(ctx: Context, fid: str, what: str) -> str:
    if fid in ctx.placeholders:
        return f"{what} is only a placeholder ({_quote(ctx.placeholders[fid])})"
    return f"{what} is missing"


# --- account -----------------------------------------------------------------------------------

def _check_account(ctx: Context) -> Check:
    text = ctx.values["account"]
    if not text:
        msg = _absent(ctx, "account", "the account")
        return Check("missing", [msg], {"no_account_logic": msg}, {"prioritized": False})
    name = first_clause(text)
    first_word = (words(name) or [""])[0]
    # Generic wording is judged where the account is named (its first sentence): "one of the ten
    # named accounts on Ragnhild's list" later on is a tie, not a generic account.
    opening = (sentences(text) or [text])[0]
    generic = ctx.find("generic_account", opening) or (first_word if first_word in ctx.rubric.words[
        "generic_account_starts"] else None)
    named = not generic and (any(w[:1].isupper() for w in name.split()) or mostly_lower(text))
    tie_id = ctx.pat("record_ids", text)
    tie_opp = None
    for m in ctx.rubric.lex["opportunity_words"].finditer(text):
        after = text[m.end():m.end() + 25].lower()
        if not negated(text, m.start(), ctx.rubric) and " yet" not in f" {after.split('.')[0]}":
            tie_opp = m.group(0)
            break
    opp_context = ctx.has("opportunity_context", text)
    tie_list = None
    m = ctx.rubric.lex["priority_list"].search(text)
    if m and not negated(text, m.start(), ctx.rubric, window=6):
        tie_list = m.group(0)
    reason = ctx.find("account_reasons", text)
    on_list = ctx.priority.match(text) if ctx.priority else None
    tied = bool(tie_id or (tie_opp and opp_context) or tie_list or on_list)
    notes: list[str] = []
    fires: dict[str, str] = {}
    if not named:
        msg = f"the account is not named: {_quote(name)} is generic" if generic else \
            f"the account is not named ({_quote(name)})"
        fires["no_account_logic"] = msg
        notes.append(msg)
    elif not tied and not reason:
        msg = "nothing ties the account to the seller: no opportunity, no priority list, no reason why now"
        fires["no_account_logic"] = msg
        notes.append(msg)
    if ctx.priority is not None:
        prioritized = bool(named and on_list)
        if on_list:
            who = f" ({on_list[1]})" if on_list[1] else ""
            notes.append(f"on the priority list as {on_list[0]!r}{who}")
        else:
            notes.append(f"{_quote(name)} is not on the priority list {ctx.priority.path}")
    else:
        prioritized = not fires
    if fires:
        level: Level = "missing"
    elif (on_list if ctx.priority is not None else tie_list):
        level = "strong"
        if tie_list and ctx.priority is None:
            notes.append(f"on the seller's list ({_quote(tie_list)})")
    else:
        level = "weak"
        tie = tie_id.group(0) if tie_id else tie_opp or reason
        notes.append(f"named and tied ({_quote(tie or '')}) but not shown on the seller's priority list")
    return Check(level, notes, fires, {"prioritized": prioritized}, name)


# --- partner -----------------------------------------------------------------------------------

def _check_partner(ctx: Context) -> Check:
    text = ctx.values["partner"]
    if not text:
        msg = _absent(ctx, "partner", "the partner and partner contact")
        return Check("missing", [msg], {"vague_partner": msg})
    found = ctx.people("partner")
    with_role = [p for p in found if p.role]
    if with_role:
        p = with_role[0]
        return Check("strong", [f"names {p.name} ({p.role})"], {}, {"person": True}, p.name)
    if found:
        msg = f"names {found[0].name} but not their role"
        return Check("weak", [msg], {"vague_partner": msg}, {"person": True}, found[0].name)
    msg = f"no named person with a role: {_quote(text)} is a company or logo only"
    return Check("missing", [msg], {"vague_partner": msg}, {"person": False}, text)


def _check_why_partner(ctx: Context) -> Check:
    text = ctx.values["why_partner"]
    if not text:
        return Check("missing", [_absent(ctx, "why_partner", "why this partner matters")])
    standing = ctx.find("partner_standing", text)
    generic = ctx.find("generic_partner_language", text)
    if standing and len(words(text)) >= 8:
        return Check("strong", [f"says why the partner has standing ({_quote(standing)})"])
    if generic:
        return Check("weak", [f"partnership language ({_quote(generic)}) instead of prior delivery, "
                              "installed footprint or a trusted relationship"], text=generic)
    return Check("weak", ["does not say what gives the partner standing with this account "
                          "(prior delivery, installed footprint, trusted relationship)"])


def _check_value_prop(ctx: Context) -> Check:
    text = ctx.values["value_prop"]
    if not text:
        return Check("missing", [_absent(ctx, "value_prop", "the joint value proposition")])
    ours = any(w in ctx.rubric.words["our_side"] for w in words(text))
    partner_name = (words(first_clause(ctx.values["partner"])) or [""])[0]
    theirs = (partner_name and partner_name in words(text)) or bool(
        re.search(r"\b(they|partner|their)\b", text, re.IGNORECASE))
    generic = ctx.find("generic_partner_language", text)
    if ours and theirs and len(words(text)) >= 15 and not (generic and len(words(text)) < 25):
        return Check("strong", ["says what we do and what the partner does"])
    if not (ours and theirs):
        side = "what we do" if not ours else "what the partner does"
        return Check("weak", [f"does not say {side}"])
    return Check("weak", [f"thin or generic ({_quote(generic or text)})"], text=generic)


# --- trigger, warm path ------------------------------------------------------------------------

def _check_trigger(ctx: Context) -> Check:
    text = ctx.values["trigger"]
    if not text:
        msg = _absent(ctx, "trigger", "the customer trigger")
        return Check("missing", [msg], {"generic_use_case": msg})
    quote = ctx.pat("quote", text)
    speech = ctx.find("speech_verbs", text)
    generic = ctx.find("generic_use_case", text)
    ours = ctx.find("vendor_voice", text)
    if ours:
        msg = f"our words, not the buyer's ({_quote(ours)}): {_quote(text)}"
        return Check("missing", [msg], {"generic_use_case": msg}, text=ours)
    anchors = bool(ctx.pat("number", text) or ctx.pat("date", text) or ctx.people("trigger"))
    if quote or speech:
        said = quote.group(0) if quote else speech
        return Check("strong", [f"in the buyer's words ({_quote(said or '')})"])
    if generic and not anchors or len(words(text)) < 6 and not anchors:
        msg = f"could apply to any account: {_quote(text)} is not in the buyer's words"
        return Check("missing", [msg], {"generic_use_case": msg}, text=generic or text)
    return Check("weak", ["specific, but not in the buyer's words (no quote or reported speech)"])


def _check_warm_path(ctx: Context) -> Check:
    text = ctx.values["warm_path"]
    if not text:
        msg = _absent(ctx, "warm_path", "the warm path")
        return Check("missing", [msg], {"no_warm_path": msg})
    guess = ctx.find("guesses", text)
    found = {p.name for p in ctx.people("warm_path")}
    relation = ctx.has("relationship_verbs", text)
    intro = ctx.has("introduction", text)
    if guess or not (found or (relation and intro)):
        why = f"a guess ({_quote(guess)})" if guess else "no named person and no introduction"
        msg = f"no warm path: {why}"
        return Check("missing", [msg], {"no_warm_path": msg}, text=guess or text)
    if len(found) >= 2 and relation:
        return Check("strong", [f"names {', '.join(sorted(found))} and how they are connected"])
    return Check("weak", ["a relationship, but not a named person on each side"])


# --- moves -------------------------------------------------------------------------------------

def _clause_verbs(text: str, ctx: Context) -> int:
    verbs = 0
    for clause in re.split(r";|:|\n|\bthen\b|,?\s+and\s+|,\s+", text):
        head = " ".join(words(clause)[:2])
        if head and ctx.rubric.lex["action_verbs"].rx.match(head):
            verbs += 1
    bullets = [ln for ln in text.splitlines() if re.match(r"\s*(?:[-*•]|\d+[.)])\s+", ln)]
    return max(verbs, len(bullets) * 2 if len(bullets) >= 2 else 0)


def _move(ctx: Context, fid: str, who: str) -> tuple[Check, bool]:
    """(check, concrete) for a next move; vague moves fire no_next_move."""
    text = ctx.values[fid]
    if not text:
        msg = _absent(ctx, fid, f"the {who} next move")
        return Check("missing", [msg], {"no_next_move": msg}), False
    vague = ctx.find("vague_moves", text)
    # "keep us posted" holds the verb "post": look for actions outside the vague phrases.
    rest = ctx.rubric.lex["vague_moves"].rx.sub(" ", text)
    action = ctx.find("action_verbs", rest) or (not vague and ctx.pat("date", text))
    alternative = ctx.find("alternatives", text) if fid == "seller_move" else None
    if alternative:
        msg = f"alternatives where one {who} move is asked for ({_quote(text)})"
        return Check("weak", [msg], {"no_next_move": msg}, text=alternative), False
    if not action:
        msg = f"the {who} move is not one concrete action ({_quote(vague or text)})"
        return Check("missing", [msg], {"no_next_move": msg}, text=vague or text), False
    return Check("weak", []), True


def _check_seller_move(ctx: Context) -> Check:
    check, concrete = _move(ctx, "seller_move", "seller")
    if not concrete:
        check.facts["concrete"] = False
        return check
    text = ctx.values["seller_move"]
    if _clause_verbs(text, ctx) >= 3:
        msg = f"several moves where one is asked for ({_quote(text)})"
        return Check("weak", [msg], {"no_next_move": msg}, {"concrete": False}, text)
    deferred = ctx.find("deferrals", text)
    if not deferred and ctx.reference:
        when = min(dates_after(text, ctx.reference), default=None)
        if when and when > ctx.reference + timedelta(days=7):
            deferred = f"{when:%d %B}, more than a week after the packet's date ({ctx.reference:%d %B})"
    notes = []
    if deferred:
        notes.append(f"not doable this week ({deferred if ctx.reference and ',' in deferred else _quote(deferred)})")
    else:
        soon = ctx.pat("this_week", text)
        notes.append("one concrete action" + (f", {soon.group(0)}" if soon else ""))
    return Check("weak" if deferred else "strong", notes, {}, {"concrete": not deferred}, deferred)


def _deadline(ctx: Context, text: str) -> re.Match[str] | None:
    """A date that says by when, not the date the promise was made ("agreed on 3 May to send by 9 May",
    "On the 22 May call, Marisol agreed to share the logs": only 9 May is a deadline)."""
    commits = [m.span() for m in ctx.rubric.lex["commitments"].finditer(text)]
    for m in ctx.rubric.pat["date"].finditer(text):
        if re.search(r"\b(?:by|before|until|till|due|no later than|latest)\s*(?:the\s+|on\s+)?$",
                     text[max(0, m.start() - 20):m.start()], re.IGNORECASE):
            return m
        clause_start = max(text.rfind(c, 0, m.start()) for c in ".;\n") + 1
        said_then = any(0 <= m.start() - e <= 30 for s, e in commits)
        at_meeting = re.match(r"[\s\w-]{0,25}?\b(?:call|meeting|review|sync|session|qbr|ebr|email|thread)\b",
                              text[m.end():], re.IGNORECASE) and any(clause_start <= m.start() < s for s, e in commits)
        if not (said_then or at_meeting):
            return m
    return None


def _check_partner_move(ctx: Context) -> Check:
    check, concrete = _move(ctx, "partner_move", "partner")
    if not concrete:
        check.facts["committed"] = False
        return check
    text = ctx.values["partner_move"]
    dated = _deadline(ctx, text)
    hedge = ctx.find("hedges", ctx.rubric.pat["date"].sub(" ", text))  # "3 May" is a date, not a hedge
    agreed = ctx.find("commitments", text)
    committed = bool(dated) and not hedge
    notes = []
    if not dated:
        notes.append("no date: says what but not by when")
    if hedge:
        notes.append(f"not agreed yet ({_quote(hedge)})")
    if committed:
        notes.append(f"concrete and dated ({_quote(dated.group(0) if dated else '')})"
                     + (f", agreed ({_quote(agreed)})" if agreed else ", but not shown as agreed in writing"))
    level: Level = "strong" if committed and agreed else "weak"
    return Check(level, notes, {}, {"committed": committed}, hedge)


# --- conflict, evidence, owner -----------------------------------------------------------------

def _check_conflict(ctx: Context) -> Check:
    text = ctx.values["conflict"]
    if not text:
        msg = _absent(ctx, "conflict", "the risk and channel-conflict note")
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
    unsure = ctx.find("conflict_unverified", text)
    if unsure and not ctx.find("conflict_check_verbs", text):
        checked = None
        pending = pending or unsure
    if not checked or lead:
        what = f"{_quote(pending)} is not a check" if pending else \
            "does not say what was checked (registered resellers, competing partners, credit) and the outcome"
        msg = f"no conflict check: {what}"
        return Check("missing", [msg], {"no_conflict_check": msg}, {"checked": False}, pending or text)
    credit = re.search(r"credit|quota|comp\b|compensat|margin|fee|split|paid", text, re.IGNORECASE)
    notes = [f"checked, with the outcome ({_quote(checked)})"]
    if pending:
        notes.append(f"something is still open ({_quote(pending)})")
    if not credit:
        notes.append("does not say how the partner is credited")
    level: Level = "strong" if credit and not pending else "weak"
    return Check(level, notes, {}, {"checked": True})


def _check_evidence(ctx: Context) -> Check:
    text = ctx.values["evidence"]
    if not text:
        msg = _absent(ctx, "evidence", "the evidence")
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False})
    fake = ctx.pat("placeholder_url", text)
    url = ctx.pat("url", ctx.rubric.pat["placeholder_url"].sub(" ", text))
    record = ctx.pat("record_ids", text)
    if fake and not url and not record:
        msg = f"no evidence a seller can open: {_quote(fake.group(0))} is a placeholder, not a link"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, fake.group(0))
    # "no notes were taken" names no document.
    doc = next((m.group(0) for m in ctx.rubric.lex["documents"].finditer(text)
                if not negated(text, m.start(), ctx.rubric, window=2)), None)
    where = ctx.find("evidence_locations", text)
    bad = ctx.find("unverifiable", text)
    if url and not record and not (doc and where) and all(
            re.fullmatch(r"(?:https?://)?(?:www\.)?[^/\s]+/?", u.group(0).rstrip(".,)"))
            for u in ctx.rubric.pat["url"].finditer(text)):
        msg = f"no evidence a seller can open: {_quote(url.group(0))} is a home page, not a source for the claims"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, url.group(0))
    if not (url or record) and not (doc and where) and (bad or not doc):
        why = f"{_quote(bad)} cannot be checked" if bad else "names no link, record or document"
        msg = f"no evidence a seller can open: {why}"
        return Check("missing", [msg], {"no_evidence": msg}, {"verifiable": False}, bad or text)
    if (url or record or (doc and where)) and not bad:
        hit = url or record
        link = hit.group(0) if hit else text
        return Check("strong", [f"openable: {_quote(link)}"], {}, {"verifiable": True})
    if bad:
        return Check("weak", [f"part of it cannot be checked ({_quote(bad)})"], {}, {"verifiable": True}, bad)
    return Check("weak", [f"names {_quote(doc or '')} but not where to open it"], {}, {"verifiable": True})


_OWN = re.compile(r"\bown(?:s|ed by|ing|er|ership)?\b|\bwill\s+(?:run|drive|coordinate|lead|handle)\b", re.IGNORECASE)


def _check_owner(ctx: Context) -> tuple[Check, Check]:
    """(owner, acceptance criteria): one named person, and a response window in days."""
    text = ctx.values["owner"]
    if not text:
        msg = _absent(ctx, "owner", "the owner and due date")
        return (Check("missing", [msg], {"no_owner": msg}),
                Check("missing", ["no response window"]))
    sents = sentences(text)
    sentence = next((s for s in sents if _OWN.search(s)), sents[0] if sents else text)
    lo, hi = 0, len(sentence)
    m = _OWN.search(sentence)
    # "Owner: Jo", "Owned by Jo" name the owner after the word; "Jo owns it", "Jo is the owner" before it.
    if m and (m.group(0).lower().startswith("owned by") or (
            m.group(0).lower().startswith("owner") and not re.search(r"[^\W\d_]", sentence[:m.start()].replace(
                "The", "").replace("the", "")))):
        lo = m.end()
    elif m:
        hi = m.start()
    stop = re.search(r"\b(?:until|unless|once|when|after)\b|;|\s[-–—]\s|—|\bto\s+(?:accept|respond|reply|answer)"
                     r"|\b(?:replies|responds|accepts|response|window)\b", sentence[lo:hi])
    if stop:
        hi = lo + stop.start()
    subject = sentence[lo:hi]
    aliases = ctx.rubric.lex["team_aliases"]
    found = [p for p in people(sentence, ctx.rubric, ctx.known_first, org_names=ctx.org_names)
             if lo <= p.start < hi and not aliases.rx.fullmatch(p.name)]
    names = list(dict.fromkeys(p.name for p in found))
    emails = [e.group(0) for e in ctx.rubric.pat["email"].finditer(subject)]
    mailbox = next((e for e in emails if e.split("@")[0].lower() in ctx.rubric.words["mailbox_locals"]
                    or e.endswith("@")), None)
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
        what = (f"{_quote(alias)} is a team alias, not a person" if alias
                else f"{_quote(subject or text)} names no person")
        owner = Check("missing", [f"no named owner: {what}"], text=alias or text)
        fires["no_owner"] = f"no single named owner: {what}"
    if window:
        accept = Check("strong", [f"response window: {_quote(window.group(0) if hasattr(window, 'group') else '')}"])
    elif due:
        accept = Check("weak", [f"a date ({_quote(due.group(0))}) but no response window in days"])
    else:
        accept = Check("missing", ["no due date or response window"])
        fires.setdefault("no_owner", "no due date or response window")
    owner.fires = fires
    return owner, accept


# --- the checks, remembered per rubric ----------------------------------------------------------
# Each check is a pure function of its field's text and the few facts of the packet named here, so
# a text seen before (boilerplate in an export of thousands) is judged once. Callers may change a
# returned Check's level, so they get a copy.

def _remembered(ctx: Context, fid: str, compute: Callable[[Context], T], *facts: object) -> T:
    text = ctx.values[fid]
    if not text:
        return compute(ctx)
    hit = ctx.rubric.remember(("check", fid, text, facts), lambda: compute(ctx))
    return tuple(replace(x) for x in hit) if isinstance(hit, tuple) else replace(hit)  # type: ignore[return-value]


def check_account(ctx: Context) -> Check:
    return _remembered(ctx, "account", _check_account, ctx.priority and id(ctx.priority))

def check_partner(ctx: Context) -> Check:
    return _remembered(ctx, "partner", _check_partner, ctx.known_first, ctx.org_names)

def check_why_partner(ctx: Context) -> Check:
    return _remembered(ctx, "why_partner", _check_why_partner, None)

def check_value_prop(ctx: Context) -> Check:
    return _remembered(ctx, "value_prop", _check_value_prop, ctx.values['partner'])

def check_trigger(ctx: Context) -> Check:
    return _remembered(ctx, "trigger", _check_trigger, ctx.known_first, ctx.org_names)

def check_warm_path(ctx: Context) -> Check:
    return _remembered(ctx, "warm_path", _check_warm_path, ctx.known_first, ctx.org_names)

def check_seller_move(ctx: Context) -> Check:
    return _remembered(ctx, "seller_move", _check_seller_move, ctx.reference)

def check_partner_move(ctx: Context) -> Check:
    return _remembered(ctx, "partner_move", _check_partner_move, None)

def check_conflict(ctx: Context) -> Check:
    return _remembered(ctx, "conflict", _check_conflict, None)

def check_evidence(ctx: Context) -> Check:
    return _remembered(ctx, "evidence", _check_evidence, None)

def check_owner(ctx: Context) -> tuple[Check, Check]:
    return _remembered(ctx, "owner", _check_owner, ctx.known_first, ctx.org_names)
