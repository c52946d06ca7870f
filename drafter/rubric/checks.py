"""Judging each field on its own, as a seller who has never met the partner would read it.

Each check returns the field's level (strong/weak/missing), its findings, and the facts the
failure modes, signals and gates are decided from. Nothing here calls a model or the network.
The checks live by subject in `parties`, `moves` and `proof`; here they are remembered per
rubric (see `context.remembered`).
"""

from __future__ import annotations

from drafter.rubric.context import NAMING_FIELDS, Check, Context, build_context, remembered
from drafter.rubric.moves import judge_partner_move, judge_seller_move
from drafter.rubric.parties import (
    judge_account,
    judge_partner,
    judge_trigger,
    judge_value_prop,
    judge_warm_path,
    judge_why_partner,
)
from drafter.rubric.proof import judge_conflict, judge_evidence, judge_owner

__all__ = ["NAMING_FIELDS", "Check", "Context", "build_context"]

def _buyer_facts(ctx: Context) -> tuple[str, ...]:
    """What a move's check reads besides its text: who the buyer is (a meeting with them is a move)."""
    return tuple(ctx.values[f] for f in ("account", "partner", "trigger", "warm_path", "owner"))


def check_account(ctx: Context) -> Check:
    return remembered(ctx, "account", judge_account, ctx.priority and id(ctx.priority))

def check_partner(ctx: Context) -> Check:
    return remembered(ctx, "partner", judge_partner, ctx.known_first, ctx.org_names)

def check_why_partner(ctx: Context) -> Check:
    return remembered(ctx, "why_partner", judge_why_partner, ctx.values["account"])

def check_value_prop(ctx: Context) -> Check:
    return remembered(ctx, "value_prop", judge_value_prop, ctx.values['partner'], ctx.known_first, ctx.org_names)

def check_trigger(ctx: Context) -> Check:
    return remembered(ctx, "trigger", judge_trigger, ctx.known_first, ctx.org_names)

def check_warm_path(ctx: Context) -> Check:
    return remembered(ctx, "warm_path", judge_warm_path, ctx.known_first, ctx.org_names)

def check_seller_move(ctx: Context) -> Check:
    return remembered(ctx, "seller_move", judge_seller_move, ctx.reference, *_buyer_facts(ctx))

def check_partner_move(ctx: Context) -> Check:
    return remembered(ctx, "partner_move", judge_partner_move, *_buyer_facts(ctx))

def check_conflict(ctx: Context) -> Check:
    return remembered(ctx, "conflict", judge_conflict, None)

def check_evidence(ctx: Context) -> Check:
    return remembered(ctx, "evidence", judge_evidence, None)

def check_owner(ctx: Context) -> tuple[Check, Check]:
    return remembered(ctx, "owner", judge_owner, ctx.known_first, ctx.org_names)

