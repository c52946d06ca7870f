"""Does a value say more than its quotes? The specific terms of a value must appear in its quotes.

A quote can be verbatim and the value still invent: "Dana Reyes will call" backed by a quote
that names nobody. The terms checked are the ones a seller would act on and could not verify
otherwise: names (capitalised words inside a sentence), anything with a digit (record ids,
dates, amounts) and links. A sentence's first word is not checked, since capitals there say
nothing. Everything here is plain string comparison.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.extract.grounding import plain

_SENTENCE_END = (".", "!", "?", ":", ";")
_BULLETS = {"-", "*", "\u2022", "\u2013", "\u2014"}
_CONTRACTIONS = ("'s", "'ll", "'re", "'ve", "'d", "'m")


def _trim(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def _norm(token: str) -> str:
    """A token as compared: folded typography, lower case, no edge punctuation, no possessive."""
    t = _trim(plain(token).lower())
    for suffix in _CONTRACTIONS:
        if t.endswith(suffix) and len(t) > len(suffix):
            return t[: -len(suffix)]
    return t


def checked_terms(value: str) -> list[tuple[str, str]]:
    """The terms of `value` that its quotes must contain, as (written, compared), in order, once each."""
    terms: list[tuple[str, str]] = []
    initial = True
    for raw in value.split():
        token = _norm(raw)
        if token:
            bare = raw.strip("\"'()[]{}<>*_\u201c\u201d\u2018\u2019")
            is_link = "://" in raw or "@" in bare.strip(".,;:")
            has_digit = any(c.isdigit() for c in token)
            capital = bare[:1].isupper()
            if (is_link or has_digit or (capital and not initial)) and all(token != t for _, t in terms):
                terms.append((_trim(raw), token))
        initial = raw in _BULLETS or raw.endswith(_SENTENCE_END) or (not token and initial)
    return terms


def unsupported_terms(value: str, quotes: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """Terms of `value` (as written there) that no quote contains as a word (or, for terms of four
    characters or more, as the start of a word: "Kestrel" in "Kestrel-built")."""
    text = " ".join(quotes)
    words = {_norm(w) for w in text.split()}
    words |= {part for w in list(words) for part in w.replace("/", "-").split("-") if part}
    exempt = {_norm(a) for a in allowed}
    missing = []
    for written, term in checked_terms(value):
        if term in exempt or term in words:
            continue
        if len(term) >= 4 and any(w.startswith(term) for w in words):
            continue
        missing.append(written)
    return missing
