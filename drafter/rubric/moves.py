"""Checks of the two next moves: one concrete action each, doable this week, agreed and dated."""

from __future__ import annotations

import re
from datetime import timedelta

from drafter.rubric.context import Check, Context, absent, quoted
from drafter.rubric.dates import dates_after
from drafter.rubric.model import Level
from drafter.rubric.text import first_clause, words

_DETERMINED = re.compile(r"\b(?:ahead of|before|after|until|till|during|at)\s+(?:the|this|that|our|their|its|next)"
                         r"\s+(?:[\w-]+\s+){0,2}$", re.I)

# --- moves -------------------------------------------------------------------------------------

def _clause_verbs(text: str, ctx: Context) -> int:
    verbs = 0
    openers = ctx.rubric.words["clause_openers"]
    modifier = ctx.rubric.pat["modifier_clause"]
    for k, clause in enumerate(re.split(r";|:|\n|\bthen\b|,?\s+and\s+|,\s+", text)):
        # "book the demo, run on the St. Brendan's sheet set": a participle describing the thing before it
        if k and modifier.match(clause.strip()):
            continue
        ws = words(clause)
        while ws and ws[0] in openers:  # "..., and also set up a call" starts with its verb
            ws = ws[1:]
        head = " ".join(ws[:2])
        # "..., bringing the demo" goes with the action before it
        if head and not re.fullmatch(r"\w{3,}ing", head.split()[0]) and ctx.rubric.lex["action_verbs"].rx.match(head):
            verbs += 1
    bullets = [ln for ln in text.splitlines() if re.match(r"\s*(?:[-*•]|\d+[.)])\s+", ln)]
    return max(verbs, len(bullets) * 2 if len(bullets) >= 2 else 0)


def _buyer_named(ctx: Context, text: str) -> bool:
    """Whether `text` names the buyer: the account, a customer word, or someone the trigger or warm path
    names who is not the partner's contact or ours (not named in the partner, owner or account field)."""
    if ctx.has("buyer_words", text):
        return True
    ours = " ".join(ctx.values[f] for f in ("partner", "owner", "account"))
    org = ctx.rubric.words["org_words"]
    names = {w for w in first_clause(ctx.values["account"]).split() if w[:1].isupper() and w.lower() not in org}
    names |= {n for f in ("trigger", "warm_path") for p in ctx.people(f) for n in (p.first, p.name.split()[-1])
              if not re.search(rf"\b{re.escape(n)}\b", ours)}
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def _planning_meeting(ctx: Context, body: str, vague_at: str | None) -> str | None:
    """The purpose, when a move's only act is a meeting (or a message to set one up) held to plan the move:
    "Set up an internal call with Jonas to agree how we approach the 7 August review", "Marianne will set up a
    meeting with us to agree next steps". SPEC §2: the "discuss options" kind, not one concrete action. A
    meeting with the buyer (a dated demo, a joint session with the customer) is a move, whatever its agenda."""
    vague = ctx.rubric.lex["vague_moves"]
    plan = ctx.pat("planning_purpose", body)
    purpose = plan or (vague_at and vague.search(body))
    if not purpose:
        return None
    # a planning purpose runs to the end of its sentence: what it plans ("who presents what") is no act of its own
    end = purpose.end() + (len(re.split(r"[.;!?\n]", body[purpose.end():], maxsplit=1)[0]) if plan else 0)
    outside = vague.sub(" ", f"{body[:purpose.start()]} {body[end:]}")
    acts = [m.group(0) for m in ctx.rubric.lex["action_verbs"].finditer(outside)]
    meeting = ctx.rubric.lex["meeting_verbs"].rx
    if not acts or not all(meeting.fullmatch(a) for a in acts) or _buyer_named(ctx, outside):
        return None
    return purpose.group(0)


def _move(ctx: Context, fid: str, who: str) -> tuple[Check, bool]:
    """(check, concrete) for a next move; vague moves fire no_next_move."""
    text = ctx.values[fid]
    if not text:
        msg = absent(ctx, fid, f"the {who} next move")
        return Check("missing", [msg], {"no_next_move": msg}), False
    # 'On the 20 August call, Femi said: "Let me loop in my people"': the move is what was said
    said = ctx.pat("quote", text)
    body = said.group(0) if said and ctx.has("speech_verbs", text[max(0, said.start() - 25):said.start()]) else text
    vague = ctx.find("vague_moves", body)
    # "keep us posted" holds the verb "post": look for actions outside the vague phrases.
    rest = ctx.rubric.lex["vague_moves"].sub(" ", body)
    # "ahead of the June review": an event that only says when is not an action
    verb = next((m.group(0) for m in ctx.rubric.lex["action_verbs"].finditer(rest)
                 if not _DETERMINED.search(rest, 0, m.start())), None)
    action = verb or (not vague and ctx.pat("date", text))
    planning = _planning_meeting(ctx, body, vague) if verb else None
    if planning:
        msg = f"the {who} move is a meeting to plan the move, not the move ({quoted(planning)})"
        return Check("missing", [msg], {"no_next_move": msg}, text=planning), False
    alternative = ctx.find("alternatives", text) if fid == "seller_move" else None
    if alternative:
        msg = f"alternatives where one {who} move is asked for ({quoted(text)})"
        return Check("weak", [msg], {"no_next_move": msg}, text=alternative), False
    if not action:
        msg = f"the {who} move is not one concrete action ({quoted(vague or text)})"
        return Check("missing", [msg], {"no_next_move": msg}, text=vague or text), False
    return Check("weak", []), True


def judge_seller_move(ctx: Context) -> Check:
    check, concrete = _move(ctx, "seller_move", "seller")
    if not concrete:
        check.facts["concrete"] = False
        return check
    text = ctx.values["seller_move"]
    verbs = _clause_verbs(text, ctx)
    # "Send the calculator by Tuesday, and also set up a pricing call": the writer says they are separate
    if verbs >= 3 or (verbs >= 2 and ctx.has("separate_moves", text)):
        msg = f"several moves where one is asked for ({quoted(text)})"
        return Check("weak", [msg], {"no_next_move": msg}, {"concrete": False}, text)
    deferred = ctx.find("deferrals", text)
    # "Confirm this week that Brianna joins the 12 March review": the action is this week, the date is the event's
    if not deferred and ctx.reference and not ctx.pat("this_week", text):
        when = min(dates_after(text, ctx.reference), default=None)
        if when and when > ctx.reference + timedelta(days=7):
            deferred = f"{when:%d %B}, more than a week after the packet's date ({ctx.reference:%d %B})"
    notes = []
    if deferred:
        notes.append(f"not doable this week ({deferred if ctx.reference and ',' in deferred else quoted(deferred)})")
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


def judge_partner_move(ctx: Context) -> Check:
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
        notes.append(f"not agreed yet ({quoted(hedge)})")
    if committed:
        notes.append(f"concrete and dated ({quoted(dated.group(0) if dated else '')})"
                     + (f", agreed ({quoted(agreed)})" if agreed else ", but not shown as agreed in writing"))
    level: Level = "strong" if committed and agreed else "weak"
    return Check(level, notes, {}, {"committed": committed}, hedge)


