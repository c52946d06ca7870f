"""Blocks of lines a reader sees at a glance, before units are built: a Markdown comment, an email header
block (in any order), how deep the next quoted line is."""

from __future__ import annotations

import re

QUOTE_MARK = re.compile(r"[ \t]*((?:>[ \t]?)+)")
HEADER = re.compile(r"(From|To|Cc|Bcc|Subject|Date|Sent|Reply-To)[ \t]*:[ \t]+(\S.*)$", re.I)


def comment_lines(lines: list[str]) -> set[int]:
    """Lines of a Markdown file inside HTML comments: a reader of the rendered notes never sees them."""
    out: set[int] = set()
    inside = False
    for lineno, raw in enumerate(lines, 1):
        s = raw.strip()
        if inside or s.startswith("<!--"):
            out.add(lineno)
            inside = "-->" not in s[4 if s.startswith("<!--") else 0:] and (inside or s.startswith("<!--"))
    return out


def next_depth(lines: list[str], lineno: int) -> int | None:
    """The quote depth of the next line with text after line `lineno` (1-based)."""
    for nxt in lines[lineno:]:
        m = QUOTE_MARK.match(nxt)
        rest = nxt[m.end():] if m else nxt
        if rest.strip():
            return m.group(1).count(">") if m else 0
    return None


def block_sender(lines: list[str], lineno: int, line_start: int) -> tuple[int, str] | None:
    """Where the From: value of the header block starting at line `lineno` (1-based) is, and the value:
    a run of two or more header lines, in any order, one of them From:."""
    pos = line_start
    found = None
    count = 0
    for raw in lines[lineno - 1:]:
        m = QUOTE_MARK.match(raw)
        off = m.end() if m else 0
        rest = raw[off:]
        hm = HEADER.match(rest.strip())
        if not hm:
            break
        count += 1
        if hm.group(1).lower() == "from" and found is None:
            lead = len(rest) - len(rest.lstrip())
            found = (pos + off + lead + hm.start(2), hm.group(2))
        pos += len(raw) + 1
    return found if count >= 2 else None
