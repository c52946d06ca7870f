"""Docs that cannot drift: every command has help, and the README documents every command."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


def _commands() -> list[str]:
    from drafter.cli import commands  # noqa: F401
    from drafter.cli.app import app

    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name or "" for g in app.registered_groups]
    return sorted(n.replace("_", "-") for n in names if n)


def test_all_pipeline_commands_are_registered():
    assert {"draft", "grade", "review", "export", "batch", "ledger", "convert"} <= set(_commands())


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_and_a_readme_section(run, name):
    r = run(name, "--help")
    assert r.exit_code == 0
    assert "Usage:" in r.stdout and len(r.stdout.splitlines()) > 3
    readme = (ROOT / "README.md").read_text()
    assert re.search(rf"^### `drafter {name}\b", readme, re.MULTILINE), f"README has no section for {name}"


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [ln for ln in block.splitlines() if ln.strip()]
    assert len(lines) == 2
    assert "pytest" in lines[1] and "drafter " in lines[0]
