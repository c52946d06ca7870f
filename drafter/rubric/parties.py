"""Checks of the fields that say who and why: account, partner, why this partner, the trigger,
the joint value proposition and the warm path."""

from __future__ import annotations

import re

from drafter.rubric.context import Check, Context, absent, quoted
from drafter.rubric.model import Level
from drafter.rubric.text import Person, first_clause, mostly_lower, negated, sentences, words

# --- account -----------------------------------------------------------------------------------

def judge_account(ctx: Context) -> Check:
    text = ctx.values["account"]
    if not text:
        msg = absent(ctx, "account", "the account")
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
    # The first mention decides: after "No opportunity yet", a later one (to be opened on acceptance,
    # "before any opportunity existed") ties nothing.
    m = ctx.rubric.lex["opportunity_words"].search(text)
    after = text[m.end():m.end() + 25].lower().split(".")[0] if m else ""
    if m and not negated(text, m.start(), ctx.rubric) and " yet" not in f" {after}":
        tie_opp = m.group(0)
    opp_context = ctx.has("opportunity_context", text)
    tie_list = None
    listed = ctx.rubric.lex["priority_list"].search(text)
    if listed and not negated(text, listed.start(), ctx.rubric, window=6):
        tie_list = listed.group(0)
    reason = ctx.find("account_reasons", text)
    on_list = ctx.priority.match(text) if ctx.priority else None
    tied = bool(tie_id or (tie_opp and opp_context) or tie_list or on_list)
    notes: list[str] = []
    fires: dict[str, str] = {}
    if not named:
        msg = f"the account is not named: {quoted(name)} is generic" if generic else \
            f"the account is not named ({quoted(name)})"
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
            notes.append(f"{quoted(name)} is not on the priority list {ctx.priority.path}")
    else:
        prioritized = not fires
    if fires:
        level: Level = "missing"
    elif (on_list if ctx.priority is not None else tie_list):
        level = "strong"
        if tie_list and ctx.priority is None:
            notes.append(f"on the seller's list ({quoted(tie_list)})")
    else:
        level = "weak"
        tie = tie_id.group(0) if tie_id else tie_opp or reason
        notes.append(f"named and tied ({quoted(tie or '')}) but not shown on the seller's priority list")
    return Check(level, notes, fires, {"prioritized": prioritized}, name)


# --- partner -----------------------------------------------------------------------------------

def judge_partner(ctx: Context) -> Check:
    text = ctx.values["partner"]
    if not text:
        msg = absent(ctx, "partner", "the partner and partner contact")
        return Check("missing", [msg], {"vague_partner": msg})
    found = [p for p in ctx.people("partner") if not _other_side(ctx, text, p)]
    with_role = [p for p in found if p.role]
    if with_role:
        p = with_role[0]
        return Check("strong", [f"names {p.name} ({p.role})"], {}, {"person": True}, p.name)
    if found:
        msg = f"names {found[0].name} but not their role"
        return Check("weak", [msg], {"vague_partner": msg}, {"person": True}, found[0].name)
    msg = f"no named person with a role: {quoted(text)} is a company or logo only"
    return Check("missing", [msg], {"vague_partner": msg}, {"person": False}, text)


def _other_side(ctx: Context, text: str, p: Person) -> bool:
    """Someone the partner field names who is ours or the customer's ("Our AE, Callum Reid", "the customer's
    sponsor, Priyanka Iyer") or is said not to be the partner's ("..., not a partner on this deal")."""
    clause = re.split(r"[.;!?\n]", text[:p.start])[-1]
    after = text[p.end:p.end + 70]
    account = (words(first_clause(ctx.values["account"])) or [""])[0]
    if ctx.has("other_side_people", clause[-60:]):
        return True
    if account and re.search(rf"\b{re.escape(account)}['’]s\s+(?:[\w-]+\s+){{0,3}}$", clause, re.I):
        return True
    return ctx.has("not_the_partner", re.split(r"[.;]", after)[0])


def judge_why_partner(ctx: Context) -> Check:
    text = ctx.values["why_partner"]
    if not text:
        return Check("missing", [absent(ctx, "why_partner", "why this partner matters")])
    standing = ctx.find("partner_standing", text) or _account_named(ctx, text)
    generic = ctx.find("generic_partner_language", text)
    if standing and len(words(text)) >= 8:
        return Check("strong", [f"says why the partner has standing ({quoted(standing)})"])
    if generic:
        return Check("weak", [f"partnership language ({quoted(generic)}) instead of prior delivery, "
                              "installed footprint or a trusted relationship"], text=generic)
    return Check("weak", ["does not say what gives the partner standing with this account "
                          "(prior delivery, installed footprint, trusted relationship)"])


_POSSESSIVE = re.compile(r"['’]s\b")


def _bare(text: str) -> set[str]:
    """Words without a possessive ("Tenantly's connector" names Tenantly)."""
    return set(words(_POSSESSIVE.sub("", text)))


def _account_named(ctx: Context, text: str) -> str | None:
    """The account's name when the text says what the partner does at it: standing with this account, not in
    general ("Lattice supplies the private LTE network across all nine Corliss sites"). Enthusiasm about the
    account ("Meridian is very excited about Northwind") or partnership language is no standing."""
    opening = (sentences(ctx.values["account"]) or [""])[0]
    tokens = re.findall(r"[\w&-]+", first_clause(opening))
    if not tokens or tokens[0].lower() in ctx.rubric.words["generic_account_starts"] or ctx.has(
            "generic_account", opening):
        return None
    # its first capitalised word that is a name ("The Rail division of Halvorsen Group": Rail), not "The" or "UK"
    stop = ctx.rubric.words["not_names"] | ctx.rubric.words["org_words"]
    account = next((t.lower() for t in tokens if t[:1].isupper() and t.lower() not in stop), "")
    if not account or account not in _bare(text):
        return None
    return None if ctx.has("partner_enthusiasm", text) or ctx.has("generic_partner_language", text) else account


def judge_value_prop(ctx: Context) -> Check:
    text = ctx.values["value_prop"]
    if not text:
        return Check("missing", [absent(ctx, "value_prop", "the joint value proposition")])
    partner_name = (words(first_clause(ctx.values["partner"])) or [""])[0]
    ours = any(w in ctx.rubric.words["our_side"] for w in words(text)) or _vendor_named(ctx, text)
    # the partner by its name ("Tenantly's connector sends ...") or its person's ("Margot will run the workshop")
    bare = _bare(text)
    theirs = bool(partner_name) and partner_name in bare or bool(
        re.search(r"\b(they|partner|their)\b", text, re.IGNORECASE)) or any(
        p.first.lower() in bare for p in ctx.people("partner"))
    generic = ctx.find("generic_partner_language", text)
    if ours and theirs and len(words(text)) >= 15 and not (generic and len(words(text)) < 25):
        return Check("strong", ["says what we do and what the partner does"])
    if not (ours and theirs):
        side = "what we do" if not ours else "what the partner does"
        return Check("weak", [f"does not say {side}"])
    return Check("weak", [f"thin or generic ({quoted(generic or text)})"], text=generic)


def _vendor_named(ctx: Context, text: str) -> bool:
    """Our side by name: a company acting in the offer that is neither the partner nor the account
    ("Trussline routes RFIs to the architect; Bricklane connects it to the models")."""
    others = set(words(ctx.values["partner"])) | set(words(first_clause(ctx.values["account"])))
    stop = ctx.rubric.words["not_names"]
    return any(m.group(1).lower() not in others and m.group(1).lower() not in stop
               for m in ctx.rubric.pat["actor"].finditer(text))


# --- trigger, warm path ------------------------------------------------------------------------

def judge_trigger(ctx: Context) -> Check:
    text = ctx.values["trigger"]
    if not text:
        msg = absent(ctx, "trigger", "the customer trigger")
        return Check("missing", [msg], {"generic_use_case": msg})
    quote = ctx.pat("quote", text)
    speech = ctx.find("speech_verbs", text)
    generic = ctx.find("generic_use_case", text)
    ours = ctx.find("vendor_voice", text)
    if ours:
        msg = f"our words, not the buyer's ({quoted(ours)}): {quoted(text)}"
        return Check("missing", [msg], {"generic_use_case": msg}, text=ours)
    # what makes a trigger this account's: a figure or a date in it. A year ("for 2026") or a named
    # executive saying something generic ("digital transformation is the priority") does not.
    size = ctx.rubric.pat["company_size"].sub(" ", text)
    figures = [m for m in ctx.rubric.pat["number"].finditer(size)
               if not re.fullmatch(r"(?:19|20)\d\d[\s.,]*", m.group(0))]
    anchors = bool(figures or ctx.pat("date", text) or (ctx.people("trigger") and not generic))
    # the buyer's own words can still fit any account: "We need to be doing more with AI. Everyone is."
    said = quote.group(0) if quote else (text if speech else "")
    said_generic = bool(said and ctx.find("generic_quotes", said) and not figures)
    if said_generic:
        msg = f"in the buyer's words but could apply to any account: {quoted(said)}"
        return Check("missing", [msg], {"generic_use_case": msg}, text=said)
    if quote or speech:
        words_said = quote.group(0) if quote else speech
        return Check("strong", [f"in the buyer's words ({quoted(words_said or '')})"])
    if generic and not anchors or len(words(text)) < 6 and not anchors:
        msg = f"could apply to any account: {quoted(text)} is not in the buyer's words"
        return Check("missing", [msg], {"generic_use_case": msg}, text=generic or text)
    return Check("weak", ["specific, but not in the buyer's words (no quote or reported speech)"])


def judge_warm_path(ctx: Context) -> Check:
    text = ctx.values["warm_path"]
    if not text:
        msg = absent(ctx, "warm_path", "the warm path")
        return Check("missing", [msg], {"no_warm_path": msg})
    guess = ctx.find("guesses", text)
    found = {p.name for p in ctx.people("warm_path")}
    relation = ctx.has("relationship_verbs", text)
    intro = ctx.has("introduction", text)
    if guess or not (found or (relation and intro)):
        why = f"a guess ({quoted(guess)})" if guess else "no named person and no introduction"
        msg = f"no warm path: {why}"
        return Check("missing", [msg], {"no_warm_path": msg}, text=guess or text)
    if len(found) >= 2 and relation:
        return Check("strong", [f"names {', '.join(sorted(found))} and how they are connected"])
    return Check("weak", ["a relationship, but not a named person on each side"])


