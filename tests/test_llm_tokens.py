"""Token counting works offline from the packaged rank files; prices and windows come from data."""

from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.extract import tokens
from drafter.extract.tokens import count, count_messages, encoding, model_info


def test_encodings_load_without_network(monkeypatch, tmp_path):
    import tiktoken

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))  # an empty cache: get_encoding would download
    monkeypatch.setattr(tiktoken, "get_encoding", lambda name: pytest.fail("tiktoken tried to download"))
    encoding.cache_clear()
    assert encoding("cl100k_base").encode("hello world") == [15339, 1917]
    assert encoding("o200k_base").encode("hello world") == [24912, 2375]
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_rank_file_is_refused(monkeypatch):
    sha, pat, special = tokens._ENCODINGS["cl100k_base"]
    monkeypatch.setitem(tokens._ENCODINGS, "cl100k_base", ("0" * 64, pat, special))
    encoding.cache_clear()
    with pytest.raises(DrafterError, match="corrupt"):
        encoding("cl100k_base")
    encoding.cache_clear()


def test_special_token_lookalikes_in_notes_count_as_text():
    enc = encoding("o200k_base")
    assert count("say <|endoftext|> please", enc) > 3


def test_message_count_adds_framing_and_schema():
    enc = encoding("o200k_base")
    msgs = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello there."}]
    bare = count("Be brief.", enc) + count("Hello there.", enc)
    assert count_messages(msgs, enc) == bare + 2 * tokens.TOKENS_PER_MESSAGE + tokens.TOKENS_REPLY_PRIMING
    assert count_messages(msgs, enc, '{"type":"object"}') > count_messages(msgs, enc)


def test_models_by_name_prefix_and_overrides():
    dated = model_info("gpt-4.1-mini-2025-04-14")
    assert dated.known and dated.encoding == "o200k_base" and dated.input_per_mtok == 0.40
    assert model_info("gpt-4").encoding == "cl100k_base"
    local = model_info("llama3.1:8b")
    assert not local.known and local.cost(1000, 1000) is None and local.context_window == 8192
    priced = model_info("llama3.1:8b", {"llama3.1:8b": {"context_window": 32768, "input_per_mtok": 0,
                                                         "output_per_mtok": 0}})
    assert priced.known and priced.context_window == 32768 and priced.cost(10_000, 1_000) == 0
    assert model_info("gpt-4o", context_window=4096).context_window == 4096


def test_cost_is_per_million_tokens():
    m = model_info("gpt-4o-mini")
    assert m.cost(1_000_000, 1_000_000) == pytest.approx(0.15 + 0.60)
