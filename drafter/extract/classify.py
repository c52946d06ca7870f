"""The classification of the touch, partner-sourced or partner-influenced, when the notes say it
or say which came first (an opportunity opened after the partner's intro, or one that existed)."""

from __future__ import annotations

import re

from drafter.extract.candidates import Cand
from drafter.extract.cues import Cues
from drafter.extract.units import Layout


def classification(lay: Layout, cands: list[Cand], cues: Cues) -> tuple[str | None, Cand | None]:
    """partner-sourced or partner-influenced, when the notes say it or say which came first."""
    explicit = re.compile(r"\bpartner[- ](sourced|influenced)\b", re.I)
    votes: dict[str, list[Cand]] = {}
    for c in cands:
        if c.topic < 0 or c.injection:
            continue
        m = explicit.search(c.text)
        if m:
            return f"partner-{m.group(1).lower()}", c
        if cues.any_of("sourced").search(c.text):
            votes.setdefault("partner-sourced", []).append(c)
        elif cues.any_of("influenced").search(c.text) and (
                c.features.get("opp_id") or re.search(r"\bopp", c.text, re.I)):
            votes.setdefault("partner-influenced", []).append(c)
    if len(votes) == 1:
        kind, found = next(iter(votes.items()))
        return kind, found[0]
    return None, None
