from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# CI must not fail on a new random example; locally, hypothesis explores.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _private_user_files(tmp_path, monkeypatch):
    """No test reads or writes the real user's ledger, config or cache, or calls a model with their key.

    `DRAFTER_RECORD=real` (re-recording cassettes against a real endpoint) keeps OPENAI_API_KEY.
    """
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "ledger.db"))
    monkeypatch.setenv("DRAFTER_CONFIG", str(tmp_path / "drafter-config.toml"))
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    if os.environ.get("DRAFTER_RECORD") != "real":
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    """Run the real entry point in-process, in a temporary folder; returns exit code and output."""
    from drafter.cli.app import main

    monkeypatch.chdir(tmp_path)

    def _run(*args: object, input: str | None = None) -> Result:
        capsys.readouterr()
        if input is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        code = 0
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return _run
