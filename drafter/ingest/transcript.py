"""WebVTT and SubRip transcripts: the file's own text, with each cue's payload, speaker and start time.

The source text stays the raw file so that evidence quotes are verbatim substrings of it; the cues
are found with their offsets (webvtt-py gives captions without offsets, so the parse is ours, and
the tests check that it agrees with webvtt-py).
"""

from __future__ import annotations

import re

from drafter.errors import InputError
from drafter.ingest.document import Segment

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?.*$"
)
_VOICE = re.compile(r"^\s*<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[a-z][^>]*>|<\d[\d:.]*>", re.I)
_CAP = "[A-ZÀ-ÖØ-ÞĀ-ſ]"  # a name's capital, accented ones too ("Édouard Girard:")
# "Name:" / "NAME:" / ">> Name:" / "[Name]" / "- Name:" at the start of a payload
_NAME_PREFIX = re.compile(
    r"^\s*(?:>>\s*|-\s*)?(?:\[(?P<b>[^\]\n]{1,40})\]|(?P<n>" + _CAP + r"[\w.'’-]*(?:[ \t]+(?:" + _CAP
    + r"|[0-9])[\w.'’-]*){0,3}))\s*:?(?=\s)"
)


def _speaker_prefix(payload: str) -> tuple[str, int] | None:
    """A speaker name written at the start of a payload ("Lorna Baptiste: ...") and where the text starts."""
    m = _NAME_PREFIX.match(payload)
    if not m:
        return None
    if m.group("b"):
        return m.group("b").strip(), m.end()
    after = payload[m.end("n"):]
    if not after.startswith(":"):
        return None
    return m.group("n"), m.end("n") + 1


_NOTE = re.compile(r"^NOTE(?:[ \t]+|[ \t]*\n)(?P<body>(?:.+\n?)+)", re.M)


def note_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of a WebVTT file's NOTE blocks: what the recorder wrote about the call (who met whom,
    about what) before the captions; text a reader of the file sees, though no caption shows it."""
    out = []
    for m in _NOTE.finditer(text):
        body = m.group("body")
        lead = len(body) - len(body.lstrip())
        if "-->" not in body and body.strip():
            out.append((m.start("body") + lead, m.start("body") + len(body.rstrip())))
    return out


def parse_cues(text: str, path: str, kind: str) -> list[Segment]:
    """Cues with their payload spans in `text`, speaker (voice tag or "Name:" prefix) and start time."""
    lines = text.split("\n")
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    if kind == "vtt" and not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        raise InputError(path, "is not a WebVTT file (the first line must be WEBVTT)")
    cues: list[Segment] = []
    i = 0
    while i < len(lines):
        m = _TIMING.match(lines[i])
        if not m:
            i += 1
            continue
        time = m.group("start").replace(",", ".")
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _TIMING.match(lines[j]):
            j += 1
        if j > i + 1:
            start = offsets[i + 1]
            end = offsets[j - 1] + len(lines[j - 1])
            payload = text[start:end]
            speaker = None
            speaker_start = None
            v = _VOICE.match(payload)
            if v:
                speaker = v.group(1).strip()
                speaker_start = start + v.start(1)
                start += v.end()
            else:
                found = _speaker_prefix(_TAG.sub(lambda t: " " * len(t.group()), payload))
                if found:
                    speaker, skip = found
                    speaker_start = start + payload.index(speaker)
                    start += skip
            while start < end and text[start].isspace():
                start += 1
            stripped = text[start:end].rstrip()
            if stripped.endswith("</v>"):
                stripped = stripped[:-4].rstrip()
            end = start + len(stripped)
            if end > start:
                cues.append(Segment(start, end, speaker, speaker_start, time))
        i = j
    if not cues:
        raise InputError(path, f"has no {kind.upper()} cues (no 'start --> end' timing lines)")
    return cues
