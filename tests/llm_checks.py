"""Helpers shared by the LLM backend's tests: config files and the grounding invariant."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from drafter.ingest import read_source

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "fixtures" / "llm"


def write_config(**openai: Any) -> Path:
    """Write the user config file the tests point DRAFTER_CONFIG at, with an [openai] table."""
    path = Path(os.environ["DRAFTER_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[openai]"] + [f"{k} = {json.dumps(v)}" for k, v in openai.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_grounded(packet: dict[str, Any]) -> None:
    """Every proposed field has evidence, and every quote is its source's text at its offsets."""
    texts = {s["path"]: read_source(s["path"]).text for s in packet["sources"]}
    for fid, f in packet["fields"].items():
        if f["status"] == "missing":
            assert f["value"] is None and not f["evidence"], fid
            continue
        assert f["evidence"], f"{fid} proposed without evidence"
        assert len(f["value"]) <= 600, fid
        for ev in f["evidence"]:
            assert texts[ev["source"]][ev["start"]:ev["end"]] == ev["quote"], (fid, ev)
