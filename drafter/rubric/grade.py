"""Packet in, grade out: deterministic, no model call, every finding explained."""

from __future__ import annotations

from drafter.fields import BY_ID, FIELD_IDS
from drafter.packet import Packet
from drafter.rubric import checks as c
from drafter.rubric.dates import reference_date
from drafter.rubric.load import Rubric, load_rubric
from drafter.rubric.model import FieldGrade, Finding, Grade, Kind, Level, Scorecard
from drafter.rubric.priority import PriorityList

POINTS: dict[str, int] = {"strong": 2, "weak": 1, "missing": 0}
FIELD_SCORE: dict[str, float] = {"strong": 1.0, "weak": 0.5, "missing": 0.0}
# Which failure mode a failed gate is already explained by (so it is not counted twice).
GATE_MODES = {"seller_move_concrete": "no_next_move", "account_prioritized": "no_account_logic",
              "partner_committed": "no_next_move", "evidence_verifiable": "no_evidence",
              "conflict_checked": "no_conflict_check"}


def _combine(levels: list[Level]) -> Level:
    if all(level == "strong" for level in levels):
        return "strong"
    if levels[0] == "missing" and levels.count("missing") + levels.count("weak") == len(levels):
        return "missing" if sum(level == "missing" for level in levels) >= 2 else "weak"
    return "weak"


def _cap(level: Level) -> Level:
    return "weak" if level == "strong" else level


def grade(packet: Packet, rubric: Rubric | None = None, priority: PriorityList | None = None,
          name: str | None = None) -> Grade:
    """Grade one packet against the rubric (SPEC sections 2 and 3)."""
    rubric = rubric or load_rubric()
    raw = {fid: packet.fields[fid].value or "" for fid in FIELD_IDS}
    ctx = c.build_context(raw, rubric, priority, reference_date(packet.metadata))
    owner, accept = c.check_owner(ctx)
    by_field: dict[str, c.Check] = {
        "account": c.check_account(ctx), "partner": c.check_partner(ctx),
        "why_partner": c.check_why_partner(ctx), "trigger": c.check_trigger(ctx),
        "value_prop": c.check_value_prop(ctx), "warm_path": c.check_warm_path(ctx),
        "seller_move": c.check_seller_move(ctx), "partner_move": c.check_partner_move(ctx),
        "conflict": c.check_conflict(ctx), "evidence": c.check_evidence(ctx), "owner": owner,
    }
    findings: list[Finding] = []

    def add(fid_: str, kind: Kind, fid: str, message: str, spec: dict, text: str | None = None) -> None:
        role = spec.get("role", BY_ID[fid].role) if spec.get("field") in (None, fid) else BY_ID[fid].role
        findings.append(Finding(id=fid_, kind=kind, field=fid, message=message, fix=spec.get("fix", ""),
                                role=role.replace(" (AE accepts)", ""), text=text))

    modes: list[str] = []
    signals: list[str] = []
    for fid, check in by_field.items():
        for key, message in check.fires.items():
            if key in rubric.failure_modes:
                if key not in modes:
                    modes.append(key)
                add(key, "failure_mode", fid, message, rubric.failure_modes[key], check.text)
            elif key in rubric.signals:
                signals.append(key)
                add(key, "signal", fid, message, rubric.signals[key], check.text)

    # Placeholders inside otherwise real text: a keep-building signal, and the field cannot be strong.
    frag = rubric.pat["placeholder_fragments"]
    for fid in FIELD_IDS:
        m = frag.search(ctx.values[fid]) if ctx.values[fid] else None
        if m:
            if "placeholder" not in signals:
                signals.append("placeholder")
            by_field[fid].level = _cap(by_field[fid].level)
            if fid == "owner":
                accept.level = _cap(accept.level)
            add("placeholder", "signal", fid, f"placeholder text {m.group(0)!r} in {BY_ID[fid].short.lower()}",
                rubric.signals.get("placeholder", {}), m.group(0))

    gates = {
        "seller_move_concrete": bool(by_field["seller_move"].facts.get("concrete")),
        "account_prioritized": bool(by_field["account"].facts.get("prioritized")),
        "partner_committed": bool(by_field["partner_move"].facts.get("committed")),
        "evidence_verifiable": bool(by_field["evidence"].facts.get("verifiable")),
        "conflict_checked": bool(by_field["conflict"].facts.get("checked")),
    }
    gates = {g: gates[g] for g in rubric.gates if g in gates}
    extra_gates = []
    for gate, ok in gates.items():
        spec = rubric.gates[gate]
        fid = spec.get("field") or "account"
        mode_fired = any(f.id == GATE_MODES.get(gate) and f.field == fid for f in findings)
        if not ok and not mode_fired:
            extra_gates.append(gate)
            reason = "; ".join(by_field[fid].notes) or "does not hold"
            add(gate, "gate", fid, f"gate not met: {reason}", spec, by_field[fid].text)

    partner_person = bool(by_field["partner"].facts.get("person"))
    levels: dict[str, Level] = {
        "target_account_logic": by_field["account"].level,
        "partner_context": _combine([by_field["partner"].level, by_field["why_partner"].level,
                                     by_field["value_prop"].level]),
        "relationship_path": by_field["warm_path"].level if partner_person else _cap(by_field["warm_path"].level),
        "buyer_problem": by_field["trigger"].level,
        "partner_offer": by_field["partner_move"].level,
        "next_action": by_field["seller_move"].level,
        "owner": owner.level,
        "acceptance_criteria": accept.level,
        "proof": by_field["evidence"].level,
    }
    sources = {"target_account_logic": ["account"], "partner_context": ["partner", "why_partner", "value_prop"],
               "relationship_path": ["warm_path"], "buyer_problem": ["trigger"], "partner_offer": ["partner_move"],
               "next_action": ["seller_move"], "owner": ["owner"], "proof": ["evidence"]}
    why: dict[str, str] = {}
    explained = {(f.field, f.kind) for f in findings}
    for comp, level in levels.items():
        spec = rubric.components.get(comp, {})
        if comp == "acceptance_criteria":
            why[comp] = "; ".join(accept.notes)
            if level != "strong" and ("owner", "failure_mode") not in explained:
                add(comp, "component", "owner", f"{level}: {why[comp]}", spec)
            continue
        notes = []
        for fid in sources[comp]:
            check = by_field[fid]
            notes += check.notes
            if check.level != "strong" and not any(f.field == fid for f in findings):
                add(comp, "component", fid, f"{check.level}: {'; '.join(check.notes) or 'not strong'}", spec,
                    check.text)
        if comp == "relationship_path" and not partner_person:
            notes.append("no named partner person")
        why[comp] = "; ".join(notes)
    if by_field["conflict"].level == "weak":
        add("conflict", "field", "conflict", "weak: " + "; ".join(by_field["conflict"].notes),
            rubric.gates.get("conflict_checked", {}))

    total = sum(POINTS[level] for level in levels.values())
    sc = rubric.scoring
    raw_score = (100 * total / 18 - sc["failure_mode_penalty"] * len(modes)
                 - sc["signal_penalty"] * len(signals) - sc["gate_penalty"] * len(extra_gates))
    score = max(0, min(100, round(raw_score)))
    ready = all(gates.values()) and not modes and not signals
    band = next((b["name"] for b in rubric.bands if total >= int(b["min"])), "keep_building")

    fields: dict[str, FieldGrade] = {}
    for fid in FIELD_IDS:
        level = by_field[fid].level
        value = FIELD_SCORE[level]
        if fid == "owner":
            value = (FIELD_SCORE[owner.level] + FIELD_SCORE[accept.level]) / 2
        fields[fid] = FieldGrade(level=level, score=value, findings=[f for f in findings if f.field == fid])
    order = {fid: i for i, fid in enumerate(FIELD_IDS)}
    findings.sort(key=lambda f: order.get(f.field or "", 99))
    return Grade(packet=name or packet.id or packet.title or "packet", score=score,
                 verdict="ready" if ready else "keep_building", band=band,
                 failure_modes=[m for m in rubric.failure_modes if m in modes],
                 signals=list(dict.fromkeys(signals)), gates=gates,
                 scorecard=Scorecard(components=levels, total=total, why=why),
                 fields=fields, findings=findings, rubric_version=rubric.version)
