"""Markdown one-pagers as people write them, and the one-page packet the template shows.

Headers may be headings (`#`..`######`), bold or italic lines (`**Title:** text`, `**Title**`),
table rows (`| Title | text |`) or plain `Title: text` lines; which style a document uses is
decided from the document, so a bold word inside a field never splits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from drafter.errors import InputError
from drafter.fields import BY_ID, FIELD_IDS, field_for_heading, field_for_title
from drafter.packet import Packet

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_EMPH = re.compile(r"^ {0,3}(?:(?:[-*+]|\d{1,2}[.)])\s+)?(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^ {0,3}([-*_=])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_NUMBER = re.compile(r"^\(?\d{1,2}\s*[.):]?\s+(?=\S)")
_SEPARATORS = (":", " - ", " – ", " — ", " -- ")
_CLASSIFICATION = re.compile(r"\bpartner[\s-]+(sourced|influenced)\b", re.IGNORECASE)
# The audit line `write_markdown(audit=...)` ends an export with: a rule, then "Reviewed by ...".
_AUDIT = re.compile(r"\n {0,3}---[ \t]*\n[ \t]*\n(Reviewed by [^\n]+?)[ \t]*\n*\Z")

PREAMBLE = "preamble"


@dataclass
class _Header:
    style: str  # heading | emph | table | plain
    fid: str | None
    title: str
    rest: str
    level: int = 0


def _split_title(text: str, fuzzy: bool = True) -> tuple[str | None, str, str]:
    """(field id, title, rest) for a header's text: 'Title', '3. Title:', 'Title: text on the same line'."""
    match = field_for_heading if fuzzy else field_for_title
    text = text.strip()
    bare = _NUMBER.sub("", text, count=1)
    for candidate in (bare, bare.rstrip(":").strip()):
        fid = match(candidate)
        if fid:
            return fid, candidate.rstrip(":").strip(), ""
    for sep in _SEPARATORS:
        if sep in bare:
            head, rest = bare.split(sep, 1)
            fid = match(head)
            if fid and len(head) <= 60:
                return fid, head.strip(), rest.strip()
    return None, bare.rstrip(":").strip(), ""


def _parse_header(line: str) -> _Header | None:
    m = _HEADING.match(line)
    if m:
        inner = m.group(2).strip()
        em = re.fullmatch(r"(\*\*|__|\*|_)(.+?)\1(.*)", inner)
        if em:
            inner = (em.group(2) + em.group(3)).strip()
        fid, title, rest = _split_title(inner)
        return _Header("heading", fid, title if fid else inner, rest, len(m.group(1)))
    m = _EMPH.match(line)
    if m:
        inner, after = m.group(2).strip(), m.group(3).strip()
        fid, title, rest = _split_title(inner)
        if fid:
            if not rest:
                rest = after if inner.endswith(":") else re.sub(r"^\s*(:|-|–|—)\s*", "", after)
            elif after:
                rest = f"{rest} {after}"
            return _Header("emph", fid, title, rest)
        return None
    m = _TABLE_ROW.match(line)
    if m and not _TABLE_SEP.match(line):
        cells = [c.strip() for c in m.group(1).split("|")]
        if len(cells) >= 2:
            fid, title, _ = _split_title(re.sub(r"^(\*\*|__)(.*)\1$", r"\2", cells[0]), fuzzy=False)
            if fid:
                return _Header("table", fid, title, " | ".join(c for c in cells[1:] if c))
        return None
    text = re.sub(r"^\s*[-*+]\s+", "", line).strip()
    fid, title, rest = _split_title(text, fuzzy=False)
    if fid and (rest or _NUMBER.sub("", text, count=1).rstrip(":").strip() == title):
        return _Header("plain", fid, title, rest)
    return None


def _is_special(line: str) -> bool:
    """Lines the reader would take as structure; the writer escapes them inside field text."""
    if _FENCE.match(line) or _RULE.match(line) or _HEADING.match(line):
        return True
    h = _parse_header(line)
    return h is not None and h.style in ("emph", "table")


def _unescape(line: str) -> str:
    if line.startswith("\\") and _is_special(line.lstrip("\\")):
        return line[1:]
    return line


def _escape(line: str) -> str:
    return "\\" + line if _is_special(line.lstrip("\\")) else line


def _front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if not end:
        return {}, text
    block = text[4 : 4 + end.start()]
    try:
        data = yaml.load(block, Loader=yaml.BaseLoader) if block.strip() else {}
    except yaml.YAMLError as e:
        raise InputError(path, f"front matter is not valid YAML ({str(e).splitlines()[0]})") from e
    if not isinstance(data, dict):
        return {}, text
    return {str(k): v for k, v in data.items()}, text[4 + end.end() :].lstrip("\n")


def _clean(lines: list[str]) -> str:
    while lines and (not lines[0].strip() or _RULE.match(lines[0])):
        lines = lines[1:]
    while lines and (not lines[-1].strip() or _RULE.match(lines[-1])):
        lines = lines[:-1]
    return "\n".join(_unescape(line) for line in lines).strip()


def infer_classification(text: str) -> str | None:
    kinds = {m.group(1).lower() for m in _CLASSIFICATION.finditer(text or "")}
    return f"partner-{kinds.pop()}" if len(kinds) == 1 else None


def read_markdown(text: str, path: str = "<markdown>") -> Packet:
    """Parse a Markdown packet. Unknown sections land in `extra_sections`, never dropped.

    The audit line an export ends with is kept in `provenance["audit"]`, not in the last field.
    """
    meta, body = _front_matter(text, path)
    audit = _AUDIT.search(body)
    if audit:
        body = body[: audit.start()] + "\n"
    lines = body.split("\n")
    headers: dict[int, _Header] = {}
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith("\\"):
            continue
        h = _parse_header(line)
        if h:
            headers[i] = h
    counts = {s: len({h.fid for h in headers.values() if h.style in s and h.fid})
              for s in (("heading", "emph"), ("table",), ("plain",))}
    styles = max(counts, key=lambda s: counts[s]) if any(counts.values()) else ("heading", "emph")
    active = {i: h for i, h in headers.items() if h.style in styles or h.style == "heading"}

    title: str | None = None
    sections: list[tuple[str | None, str, list[str]]] = []  # (fid, title, lines)
    current: list[str] = []
    sections.append((None, PREAMBLE, current))
    seen_field = False
    for i, line in enumerate(lines):
        h = active.get(i)
        if h is None:
            if styles != ("table",) or not _TABLE_ROW.match(line):
                current.append(line)
            continue
        if h.fid is None:
            if title is None and not seen_field and not _clean(sections[-1][2]) and len(sections) == 1:
                title = h.title
                continue
            current = []
            sections.append((None, h.title.rstrip(":").strip() or h.title, current))
            continue
        seen_field = True
        current = [h.rest] if h.rest else []
        sections.append((h.fid, h.title, current))
        if h.style == "table":
            current = []
            sections.append((None, PREAMBLE, current))

    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for fid, name, body_lines in sections:
        value = _clean(body_lines)
        if fid:
            values[fid] = f"{values[fid]}\n\n{value}".strip() if values.get(fid) else value
        elif value:
            key = name if name not in extra else f"{name} ({len(extra) + 1})"
            extra[key] = value
    if not any(values.values()) and not headers:
        raise InputError(path, "no packet fields found (expected headings such as '## Account and opportunity')")

    pid = meta.pop("id", None)
    classification = meta.pop("classification", None) or infer_classification(values.get("account", ""))
    if title is None:
        title = meta.get("title") or meta.get("packet")
    try:
        return Packet.model_validate({"id": pid, "title": title, "classification": classification,
                                      "fields": values, "metadata": meta, "extra_sections": extra,
                                      "provenance": {"audit": audit.group(1)} if audit else {}})
    except ValueError as e:
        raise InputError(path, str(e).splitlines()[-1].strip()) from e


def write_markdown(packet: Packet, *, audit: str | None = None) -> str:
    """The one-page packet of the template's example; `read_markdown` gives the same packet back."""
    meta: dict[str, str] = {}
    if packet.id is not None:
        meta["id"] = packet.id
    if packet.classification and infer_classification(packet.value("account")) != packet.classification:
        meta["classification"] = packet.classification
    meta.update({str(k): v if isinstance(v, str) else str(v) for k, v in packet.metadata.items()})
    out: list[str] = []
    if meta:
        out += ["---", yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10**6).rstrip("\n"), "---", ""]
    if packet.title:
        out += [f"# {packet.title}", ""]
    extra = dict(packet.extra_sections)
    preamble = extra.pop(PREAMBLE, None)
    if preamble:
        out += [_escape(ln) for ln in preamble.split("\n")] + [""]
    for fid in FIELD_IDS:
        out.append(f"## {BY_ID[fid].short}")
        value = packet.fields[fid].value
        if value:
            out += [_escape(ln) for ln in value.split("\n")]
        out.append("")
    for name, text in extra.items():
        out += [f"## {name}", *[_escape(ln) for ln in text.split("\n")], ""]
    if audit:
        out += ["---", "", audit, ""]
    return "\n".join(out).rstrip("\n") + "\n"
