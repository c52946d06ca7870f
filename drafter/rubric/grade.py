"""Packet in, grade out: deterministic, no model call, every finding explained.

`judge_values` decides (levels, failure modes, signals, gates, score, verdict); `grade_values` adds
the findings that explain the decision. Batch scoring only needs the decision, and building the
explanation for every row of a large export costs more than a fifth of the time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drafter.fields import BY_ID, FIELD_IDS
from drafter.packet import Packet
from drafter.rubric import checks as c
from drafter.rubric.dates import reference_date
from drafter.rubric.load import Rubric, load_rubric
from drafter.rubric.model import FieldGrade, Finding, Grade, Kind, Level, Scorecard, Verdict
from drafter.rubric.priority import PriorityList

POINTS: dict[str, int] = {"strong": 2, "weak": 1, "missing": 0}
FIELD_SCORE: dict[str, float] = {"strong": 1.0, "weak": 0.5, "missing": 0.0}
# Which failure mode a failed gate is already explained by (so it is not counted twice).
GATE_MODES = {"seller_move_concrete": "no_next_move", "account_prioritized": "no_account_logic",
              "partner_committed": "no_next_move", "evidence_verifiable": "no_evidence",
              "conflict_checked": "no_conflict_check"}
GATE_FACTS = {"seller_move_concrete": ("seller_move", "concrete"), "account_prioritized": ("account", "prioritized"),
              "partner_committed": ("partner_move", "committed"), "evidence_verifiable": ("evidence", "verifiable"),
              "conflict_checked": ("conflict", "checked")}
# Which fields each scorecard component is read from (acceptance criteria: the owner field's second check).
SOURCES = {"target_account_logic": ["account"], "partner_context": ["partner", "why_partner", "value_prop"],
           "relationship_path": ["warm_path"], "buyer_problem": ["trigger"], "partner_offer": ["partner_move"],
           "next_action": ["seller_move"], "owner": ["owner"], "proof": ["evidence"]}


def _combine(levels: list[Level]) -> Level:
    if all(level == "strong" for level in levels):
        return "strong"
    if levels[0] == "missing" and levels.count("missing") + levels.count("weak") == len(levels):
        return "missing" if sum(level == "missing" for level in levels) >= 2 else "weak"
    return "weak"


def _cap(level: Level) -> Level:
    return "weak" if level == "strong" else level


def _unseen_points(modes: list[str], fires: list[tuple[str, str, str]], components: dict[str, Level],
                   rubric: Rubric) -> int:
    """Scorecard points a failure mode costs beyond what the components reading its field already lost.
    The scorecard has no component for the conflict note and reads the partner through a combined one, so
    a packet whose only fault is "no conflict check" would otherwise score 18/18, above packets with no
    failure mode at all; a failure mode costs at least `failure_mode_min_points` (a missing component)."""
    floor = int(rubric.scoring.get("failure_mode_min_points", 0))
    if not floor:
        return 0
    unseen = 0
    for mode in modes:
        fids = {fid for key, fid, _ in fires if key == mode}
        comps = [c for c, spec in rubric.components.items() if fids & set(spec.get("fields", ()))]
        lost = sum(2 - POINTS[components[c]] for c in comps if c in components)
        unseen += max(0, floor - lost)
    return unseen


@dataclass
class Judged:
    """The decision on one packet, before it is explained: what batch scoring reads."""

    checks: dict[str, c.Check]
    accept: c.Check
    field_levels: dict[str, Level]  # each field's level after placeholder caps
    accept_level: Level
    fires: list[tuple[str, str, str]]  # (failure mode or signal id, field, message), in check order
    placeholders: list[tuple[str, str]]  # (field, placeholder text)
    modes: list[str]
    signals: list[str]  # with repeats: each one costs the signal penalty
    gates: dict[str, bool]
    extra_gates: list[str]  # failed gates no failure mode explains
    components: dict[str, Level]
    total: int
    score: int
    verdict: Verdict
    band: str
    failure_modes: list[str]  # the modes in the rubric's order, as the grade lists them


def grade(packet: Packet, rubric: Rubric | None = None, priority: PriorityList | None = None,
          name: str | None = None) -> Grade:
    """Grade one packet against the rubric (SPEC sections 2 and 3)."""
    return grade_values({fid: packet.fields[fid].value for fid in FIELD_IDS}, rubric, priority,
                        name=name or packet.id or packet.title or "packet", metadata=packet.metadata)


def judge_values(values: Mapping[str, str | None], rubric: Rubric | None = None,
                 priority: PriorityList | None = None, metadata: Mapping[str, Any] | None = None) -> Judged:
    """Field texts keyed by field id (absent or empty = missing) and the packet's metadata (its date) in,
    the decision out: levels, failure modes, signals, gates, score and verdict, without findings."""
    rubric = rubric or load_rubric()
    raw = {fid: values.get(fid) or "" for fid in FIELD_IDS}
    ctx = c.build_context(raw, rubric, priority, reference_date(metadata or {}))
    owner, accept = c.check_owner(ctx)
    checks: dict[str, c.Check] = {
        "account": c.check_account(ctx), "partner": c.check_partner(ctx),
        "why_partner": c.check_why_partner(ctx), "trigger": c.check_trigger(ctx),
        "value_prop": c.check_value_prop(ctx), "warm_path": c.check_warm_path(ctx),
        "seller_move": c.check_seller_move(ctx), "partner_move": c.check_partner_move(ctx),
        "conflict": c.check_conflict(ctx), "evidence": c.check_evidence(ctx), "owner": owner,
    }
    fires: list[tuple[str, str, str]] = []
    modes: list[str] = []
    signals: list[str] = []
    fired: set[tuple[str, str]] = set()
    for fid, check in checks.items():
        for key, message in check.fires.items():
            if key in rubric.failure_modes:
                if key not in modes:
                    modes.append(key)
            elif key in rubric.signals:
                signals.append(key)
            else:
                continue
            fires.append((key, fid, message))
            fired.add((key, fid))

    # Placeholders inside otherwise real text: a keep-building signal, and the field cannot be strong.
    field_levels: dict[str, Level] = {fid: check.level for fid, check in checks.items()}
    accept_level: Level = accept.level
    placeholders: list[tuple[str, str]] = []
    frag = rubric.pat["placeholder_fragments"]
    for fid in FIELD_IDS:
        m = frag.search(ctx.values[fid]) if ctx.values[fid] else None
        if m:
            if "placeholder" not in signals:
                signals.append("placeholder")
            field_levels[fid] = _cap(field_levels[fid])
            if fid == "owner":
                accept_level = _cap(accept_level)
            placeholders.append((fid, m.group(0)))
            fired.add(("placeholder", fid))

    gates = {g: bool(checks[GATE_FACTS[g][0]].facts.get(GATE_FACTS[g][1])) for g in rubric.gates if g in GATE_FACTS}
    extra_gates = [gate for gate, ok in gates.items()
                   if not ok and (GATE_MODES.get(gate), rubric.gates[gate].get("field") or "account") not in fired]

    partner_person = bool(checks["partner"].facts.get("person"))
    components: dict[str, Level] = {
        "target_account_logic": field_levels["account"],
        "partner_context": _combine([field_levels["partner"], field_levels["why_partner"],
                                     field_levels["value_prop"]]),
        "relationship_path": field_levels["warm_path"] if partner_person else _cap(field_levels["warm_path"]),
        "buyer_problem": field_levels["trigger"],
        "partner_offer": field_levels["partner_move"],
        "next_action": field_levels["seller_move"],
        "owner": field_levels["owner"],
        "acceptance_criteria": accept_level,
        "proof": field_levels["evidence"],
    }
    total = sum(POINTS[level] for level in components.values())
    sc = rubric.scoring
    unseen = _unseen_points(modes, fires, components, rubric)
    raw_score = (100 * (total - unseen) / 18 - sc["failure_mode_penalty"] * len(modes)
                 - sc["signal_penalty"] * len(signals) - sc["gate_penalty"] * len(extra_gates))
    ready = all(gates.values()) and not modes and not signals
    return Judged(checks=checks, accept=accept, field_levels=field_levels, accept_level=accept_level, fires=fires,
                  placeholders=placeholders, modes=modes, signals=signals, gates=gates, extra_gates=extra_gates,
                  components=components, total=total, score=max(0, min(100, round(raw_score))),
                  verdict="ready" if ready else "keep_building",
                  band=next((b["name"] for b in rubric.bands if total >= int(b["min"])), "keep_building"),
                  failure_modes=[m for m in rubric.failure_modes if m in modes])


def grade_values(values: Mapping[str, str | None], rubric: Rubric | None = None,
                 priority: PriorityList | None = None, name: str = "packet",
                 metadata: Mapping[str, Any] | None = None) -> Grade:
    """Grade field texts keyed by field id without building a Packet: the decision of `judge_values`
    and the findings that explain it, each with its fix."""
    rubric = rubric or load_rubric()
    j = judge_values(values, rubric, priority, metadata)
    checks, accept = j.checks, j.accept
    findings: list[Finding] = []

    def add(fid_: str, kind: Kind, fid: str, message: str, spec: dict, text: str | None = None) -> None:
        role = spec.get("role", BY_ID[fid].role) if spec.get("field") in (None, fid) else BY_ID[fid].role
        findings.append(Finding(id=fid_, kind=kind, field=fid, message=message,
                                                fix=spec.get("fix", ""), role=role.replace(" (AE accepts)", ""),
                                                text=text))

    for key, fid, message in j.fires:
        if key in rubric.failure_modes:
            add(key, "failure_mode", fid, message, rubric.failure_modes[key], checks[fid].text)
        else:
            add(key, "signal", fid, message, rubric.signals[key], checks[fid].text)
    for fid, text in j.placeholders:
        add("placeholder", "signal", fid, f"placeholder text {text!r} in {BY_ID[fid].short.lower()}",
            rubric.signals.get("placeholder", {}), text)
    for gate in j.extra_gates:
        spec = rubric.gates[gate]
        fid = spec.get("field") or "account"
        reason = "; ".join(checks[fid].notes) or "does not hold"
        add(gate, "gate", fid, f"gate not met: {reason}", spec, checks[fid].text)

    partner_person = bool(checks["partner"].facts.get("person"))
    why: dict[str, str] = {}
    explained = {(f.field, f.kind) for f in findings}
    for comp, level in j.components.items():
        spec = rubric.components.get(comp, {})
        if comp == "acceptance_criteria":
            why[comp] = "; ".join(accept.notes)
            if level != "strong" and ("owner", "failure_mode") not in explained:
                add(comp, "component", "owner", f"{level}: {why[comp]}", spec)
            continue
        notes = []
        for fid in SOURCES[comp]:
            check = checks[fid]
            notes += check.notes
            flevel = j.field_levels[fid]
            if flevel != "strong" and not any(f.field == fid for f in findings):
                add(comp, "component", fid, f"{flevel}: {'; '.join(check.notes) or 'not strong'}", spec, check.text)
        if comp == "relationship_path" and not partner_person:
            notes.append("no named partner person")
        why[comp] = "; ".join(notes)
    if j.field_levels["conflict"] == "weak":
        add("conflict", "field", "conflict", "weak: " + "; ".join(checks["conflict"].notes),
            rubric.gates.get("conflict_checked", {}))

    fields: dict[str, FieldGrade] = {}
    for fid in FIELD_IDS:
        level = j.field_levels[fid]
        value = FIELD_SCORE[level]
        if fid == "owner":
            value = (FIELD_SCORE[level] + FIELD_SCORE[j.accept_level]) / 2
        fields[fid] = FieldGrade(level=level, score=value,
                                                 findings=[f for f in findings if f.field == fid])
    order = {fid: i for i, fid in enumerate(FIELD_IDS)}
    findings.sort(key=lambda f: order.get(f.field or "", 99))
    return Grade(
        packet=name, score=j.score, verdict=j.verdict, band=j.band,
        failure_modes=j.failure_modes,
        signals=list(dict.fromkeys(j.signals)), gates=j.gates,
        scorecard=Scorecard(components=j.components, total=j.total, why=why),
        fields=fields, findings=findings, rubric_version=rubric.version)
