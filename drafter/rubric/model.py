"""What a grade is: the scorecard, failure modes, signals, gates, verdict, and findings that explain them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Level = Literal["strong", "weak", "missing"]
Verdict = Literal["ready", "keep_building"]
Kind = Literal["failure_mode", "signal", "gate", "component", "field"]


class Finding(BaseModel):
    """One thing the rubric noticed: what, in which field, the text that triggered it, and the fix."""

    id: str
    kind: Kind
    field: str | None = None
    message: str
    fix: str = ""
    role: str = ""
    text: str | None = None

    def line(self) -> str:
        out = f"{self.id}: {self.message}"
        if self.fix:
            out += f" Fix: {self.fix}"
        if self.role:
            out += f" ({self.role})"
        return out


class FieldGrade(BaseModel):
    level: Level = "missing"
    score: float = 0.0
    findings: list[Finding] = Field(default_factory=list)


class Scorecard(BaseModel):
    components: dict[str, Level]
    total: int
    why: dict[str, str] = Field(default_factory=dict)


class Grade(BaseModel):
    packet: str
    score: int
    verdict: Verdict
    band: str
    failure_modes: list[str]
    signals: list[str]
    gates: dict[str, bool]
    scorecard: Scorecard
    fields: dict[str, FieldGrade]
    findings: list[Finding]
    rubric_version: str

    def spec_json(self) -> dict[str, Any]:
        """The object of SPEC section 5, exactly."""
        return {
            "packet": self.packet,
            "score": self.score,
            "verdict": self.verdict,
            "failure_modes": list(self.failure_modes),
            "signals": list(self.signals),
            "gates": dict(self.gates),
            "scorecard": {"components": dict(self.scorecard.components), "total": self.scorecard.total},
            "fields": {fid: {"score": f.score, "findings": [x.line() for x in f.findings]}
                       for fid, f in self.fields.items()},
        }

    def findings_for(self, fid: str) -> list[Finding]:
        return list(self.fields[fid].findings) if fid in self.fields else []
