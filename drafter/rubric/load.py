"""Load a rubric from TOML (ours, optionally overlaid with the user's) and compile its matchers once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from drafter.errors import InputError

DEFAULT_NAME = "default.toml"
_SECTIONS = ("scoring", "lexicon", "patterns", "failure_modes", "signals", "gates", "components")


class Phrases:
    """Whole-word, case-insensitive matching of a phrase list as one compiled regex."""

    def __init__(self, phrases: list[str], inflect: bool = False) -> None:
        self.phrases = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
        # Phrases that start and end with a letter share one pair of word-boundary checks (fast);
        # the others ("?", "'s list") carry their own.
        plain, other = [], []
        for p in self.phrases:
            body = re.escape(p).replace(r"\ ", r"\s+")
            if inflect and re.fullmatch(r"[a-z]+", p):
                body += r"(?:s|es|ed|d|ing)?"
            if p[0].isalnum() and p[-1].isalnum():
                plain.append(body)
            else:
                pre = r"(?<![\w@])" if p[0].isalnum() else ""
                post = r"(?![\w@])" if p[-1].isalnum() else ""
                other.append(f"{pre}{body}{post}")
        parts = ([rf"(?<![\w@])(?:{'|'.join(plain)})(?![\w@])"] if plain else []) + other
        self.rx = re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)
        # The phrases are lower case: scanning lower-cased text case-sensitively is several times faster
        # than a case-insensitive scan; the match handed back is the case-insensitive one at that spot.
        self._low = re.compile("|".join(parts) or r"(?!x)x")

    def search(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        if len(low) != len(text):
            return self.rx.search(text)
        m = self._low.search(low)
        return (self.rx.match(text, m.start()) or self.rx.search(text)) if m else None

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = text.lower()
        if len(low) != len(text):
            yield from self.rx.finditer(text)
            return
        for m in self._low.finditer(low):
            hit = self.rx.match(text, m.start())
            if hit:
                yield hit

    def sub(self, repl: str, text: str) -> str:
        out, last = [], 0
        for m in self.finditer(text):
            out += [text[last:m.start()], repl]
            last = m.end()
        return "".join(out) + text[last:]

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.phrases


@dataclass(frozen=True)
class Rubric:
    """A compiled rubric. `data` is the merged TOML; the rest is derived from it."""

    version: str
    path: str
    data: dict[str, Any]
    lex: dict[str, Phrases] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    pat: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # Results of pure functions of a field's text under this rubric, shared across packets: historical
    # exports repeat themselves ("TBD", boilerplate conflict notes), and batch grades thousands.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: Any, compute: Any) -> Any:
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) > 20_000:
                self.memo.clear()
            hit = self.memo[key] = compute()
        return hit

    @property
    def failure_modes(self) -> dict[str, dict[str, Any]]:
        return self.data["failure_modes"]

    @property
    def signals(self) -> dict[str, dict[str, Any]]:
        return self.data["signals"]

    @property
    def gates(self) -> dict[str, dict[str, Any]]:
        return self.data["gates"]

    @property
    def components(self) -> dict[str, dict[str, Any]]:
        return self.data["components"]

    @property
    def scoring(self) -> dict[str, Any]:
        return self.data["scoring"]

    @property
    def bands(self) -> list[dict[str, Any]]:
        return sorted(self.data.get("bands", []), key=lambda b: -int(b["min"]))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _append(base: dict[str, Any], add: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in add.items():
        if isinstance(v, dict):
            out[k] = _append(out.get(k, {}), v)
        elif isinstance(v, list):
            prev = out.get(k, [])
            out[k] = (prev if isinstance(prev, list) else [prev]) + v
        else:
            out[k] = v
    return out


def _read_toml(path: Path | None, text: str | None = None) -> dict[str, Any]:
    try:
        return tomllib.loads(text if text is not None else path.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    except tomllib.TOMLDecodeError as e:
        raise InputError(path, f"not valid TOML ({e})") from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read ({e})") from e


_INFLECT = {"action_verbs", "vague_moves", "relationship_verbs", "account_reasons", "meeting_verbs"}
_WORD_SETS = {"org_words", "name_particles", "not_names", "team_aliases", "mailbox_locals", "mailbox_regions",
              "generic_account_starts", "person_verbs", "our_side", "roles", "name_like_months", "clause_openers",
              "group_nouns"}


def compile_rubric(data: dict[str, Any], path: str) -> Rubric:
    for section in _SECTIONS:
        if not isinstance(data.get(section), dict):
            raise InputError(path, f"rubric has no [{section}] table")
    lex: dict[str, Phrases] = {}
    words: dict[str, frozenset[str]] = {}
    for key, val in data["lexicon"].items():
        if not isinstance(val, list) or not all(isinstance(x, str) for x in val):
            raise InputError(path, f"lexicon.{key} must be a list of strings")
        if key == "placeholder_fragments":
            continue
        lex[key] = Phrases(val, inflect=key in _INFLECT)
        if key in _WORD_SETS:
            words[key] = frozenset(v.lower() for v in val)
    pat: dict[str, re.Pattern[str]] = {}
    patterns = dict(data["patterns"])
    patterns["placeholder_fragments"] = data["lexicon"].get("placeholder_fragments", [])
    for key, val in patterns.items():
        alts = val if isinstance(val, list) else [val]
        try:
            pat[key] = re.compile("|".join(f"(?:{a})" if not a.startswith("(?") else a for a in alts)
                                  if len(alts) > 1 else (alts[0] if alts else r"(?!x)x"), re.IGNORECASE)
        except re.error as e:
            raise InputError(path, f"pattern {key!r} is not a valid regular expression ({e})") from e
    return Rubric(version=str(data.get("version", "unversioned")), path=path, data=data,
                  lex=lex, words=words, pat=pat)


def default_rubric_text() -> str:
    return files("drafter").joinpath("data/rubrics", DEFAULT_NAME).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def _load(path: str | None, mtime: float) -> Rubric:
    base = _read_toml(None, default_rubric_text())
    if path is None:
        return compile_rubric(base, DEFAULT_NAME)
    p = Path(path)
    user = _read_toml(p)
    add = user.pop("add", {})
    merged = _append(_merge(base, user), add if isinstance(add, dict) else {})
    if "version" not in user:
        merged["version"] = f"{base.get('version')}+{p.name}"
    return compile_rubric(merged, str(p))


def load_rubric(path: str | Path | None = None) -> Rubric:
    """The default rubric, or the user's file laid over it (see the header of rubrics/default.toml)."""
    if path is None:
        return _load(None, 0.0)
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    return _load(str(p), p.stat().st_mtime)
