"""Settings: defaults, the user's TOML config, OPENAI_BASE_URL, then flags; and the answer cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from llm_checks import write_config

from drafter.config import LLMSettings, cache_dir, config_path, load_settings
from drafter.errors import InputError
from drafter.extract.cache import ResponseCache, cache_key


def test_defaults_without_a_config_file():
    s = load_settings()
    assert s == LLMSettings() and s.mode == "tools" and s.base_url is None


def test_file_then_environment_then_flags(monkeypatch):
    path = Path(os.environ["DRAFTER_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[openai]\nmodel = "llama3.1:8b"\nbase_url = "http://localhost:11434/v1"\ntimeout = 5\n'
                    '[models."llama3.1:8b"]\ncontext_window = 8192\ninput_per_mtok = 0\n', encoding="utf-8")
    s = load_settings()
    assert s.model == "llama3.1:8b" and s.base_url == "http://localhost:11434/v1" and s.timeout == 5.0
    assert s.models == {"llama3.1:8b": {"context_window": 8192, "input_per_mtok": 0}}
    monkeypatch.setenv("OPENAI_BASE_URL", "http://gpu-box:8000/v1")
    assert load_settings().base_url == "http://gpu-box:8000/v1"
    flagged = load_settings().with_flags(model="qwen2.5", mode="json_schema", max_cost=None)
    assert (flagged.model, flagged.mode, flagged.base_url) == ("qwen2.5", "json_schema", "http://gpu-box:8000/v1")


@pytest.mark.parametrize(("body", "problem"), [
    ('[openai]\napi_key = "sk-abc"\n', "keys belong in the OPENAI_API_KEY"),
    ('[openai]\nmodle = "x"\n', "unknown setting 'modle'"),
    ('[openai]\ntimeout = "fast"\n', "wrong type"),
    ('[openai]\nmode = "telepathy"\n', "mode 'telepathy' is not one of"),
    ("[openai\n", "not valid TOML"),
])
def test_bad_config_files_name_the_file_and_the_problem(body, problem):
    path = Path(os.environ["DRAFTER_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as e:
        load_settings()
    assert str(e.value).startswith(str(path))
    assert "sk-abc" not in str(e.value)


def test_bad_config_is_exit_2_on_the_command_line(run, fixtures):
    write_config(concurrency=0)
    result = run("draft", "--backend", "openai", "--dry-run", fixtures / "llm" / "brightline-sync.md")
    assert result.exit_code == 2 and "concurrency must be greater than 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_directories_come_from_platformdirs(monkeypatch):
    monkeypatch.delenv("DRAFTER_CONFIG")
    monkeypatch.delenv("DRAFTER_CACHE_DIR")
    assert config_path().name == "config.toml" and "drafter" in config_path().parts
    assert "drafter" in cache_dir().parts


def test_cache_round_trip_and_bad_entries_are_misses(tmp_path):
    cache = ResponseCache(tmp_path / "c")
    key = cache_key({"sources": ["abc"], "model": "m", "prompt": "llm-v1"})
    assert cache.get(key) is None
    assert cache.put(key, [{"account": None}], [1], {"total_tokens": 10})
    assert cache.get(key)["answers"] == [{"account": None}]
    assert key != cache_key({"sources": ["abc"], "model": "other", "prompt": "llm-v1"})
    next(tmp_path.glob("c/*/*.json")).write_text("{not json", encoding="utf-8")
    assert cache.get(key) is None


def test_an_unwritable_cache_does_not_stop_drafting(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert ResponseCache(blocker / "sub").put("ab" * 32, [], [], {}) is False
