"""Reading a text document line by line into units: headings, bullets, labels, table rows,
email headers and quoted replies, transcript lines, and wrapped paragraphs."""

from __future__ import annotations

import re

from drafter.extract.blocks import HEADER, QUOTE_MARK, block_sender, comment_lines, next_depth
from drafter.extract.cues import Cues
from drafter.extract.lineforms import (
    _BOLD_LEAD,
    _BOLD_LINE,
    _BULLET,
    _CAPS_LINE,
    _DECORATED,
    _HEADING,
    _LABEL,
    _LEAD_IN,
    _NAME_ADDR,
    _REACTIONS,
    _RULE,
    _RUN_IN,
    _SHORT,
    _SPEAKER,
    _SPEAKER_HEAD,
    _STAMP,
    _TABLE_ROW,
    _WROTE,
    _norm,
)
from drafter.extract.rows import RowReader
from drafter.extract.units import Message, Unit
from drafter.ingest.document import Document


class _Builder(RowReader):
    """Walks a text document line by line and builds its units."""

    def __init__(self, index: int, doc: Document, cues: Cues, messages: list[Message]) -> None:
        self.index = index
        self.doc = doc
        self.cues = cues
        self.units: list[Unit] = []
        self.messages = messages
        self.heading_stack: list[tuple[int, int]] = []  # (level, unit index)
        self.indent_stack: list[tuple[int, int]] = []  # (indent, unit index)
        self.msg_by_depth: dict[int, int] = {}
        self.open: int | None = None  # unit that a continuation line may extend
        self.table_columns: list[str] | None = None
        self.lines: list[str] = []
        self.width: int | None = None
        self.hint_lines = {h.line: h.level for h in doc.hints if h.kind == "heading"}
        self.lead_hints = {h.line: (h.start, h.end) for h in doc.hints if h.kind == "label"}
        self.bullet_lines = {h.line for h in doc.hints if h.kind == "bullet"}
        self.head: tuple[str, int, str] | None = None  # the speaker named on a line above: name, where, time

    def add(self, unit: Unit, depth: int) -> int:
        unit.section = self.heading_stack[-1][1] if self.heading_stack else None
        unit.message = self.msg_by_depth.get(depth, self.msg_by_depth.get(0))
        if unit.message is not None and unit.speaker is None and unit.kind != "header":
            msg = self.messages[unit.message]
            unit.speaker, unit.speaker_at = msg.author, msg.author_at
        if unit.kind == "heading":
            while self.heading_stack and self.heading_stack[-1][0] >= unit.level:
                self.heading_stack.pop()
            unit.section = self.heading_stack[-1][1] if self.heading_stack else None
            self.heading_stack.append((unit.level, len(self.units)))
            self.indent_stack = []
        elif unit.kind in ("bullet", "text", "row"):
            while self.indent_stack and self.indent_stack[-1][0] >= unit.indent:
                self.indent_stack.pop()
            if self.indent_stack and unit.kind != "row":
                unit.parent = self.indent_stack[-1][1]
            self.indent_stack.append((unit.indent, len(self.units)))
        self.units.append(unit)
        return len(self.units) - 1

    def _run_in_lines(self, lines: list[str]) -> set[int]:
        """Paragraph openings with a run-in heading, when the notes are written that way: three or more of
        them, two naming a field ("Conflict check.", "Evidence."); a lone "Thanks for today. ..." is prose."""
        found: dict[int, str] = {}
        for i, ln in enumerate(lines):
            # ... or a numbered item's: "2.6 Next move, ours. Rafael joins the lunch ..." in minutes
            bm = _BULLET.match(ln.strip())
            m = _RUN_IN.match(ln.strip(), bm.end() if bm else 0)
            if (m and (i == 0 or not lines[i - 1].strip() or bm is not None)
                    and not _SHORT.search(m.group("label"))):
                found[i + 1] = _norm(m.group("label"))
        named = sum(1 for label in found.values()
                    if any(fc.labels is not None and fc.labels.match(label) for fc in self.cues.fields.values()))
        return set(found) if len(found) >= 3 and named >= 2 else set()

    def run(self, speakers: set[str]) -> list[Unit]:
        text = self.doc.text
        pos = 0
        lines = text.split("\n")
        self.lines = lines
        run_in = self._run_in_lines(lines) if self.doc.kind in ("txt", "eml", "md") else set()
        heads = self._speaker_heads(lines) if self.doc.kind in ("txt", "md", "docx") else {}
        in_header = early_from = False
        hidden = comment_lines(lines) if self.doc.kind == "md" else set()
        for lineno, raw in enumerate(lines, 1):
            line_start = pos
            pos += len(raw) + 1
            if lineno in hidden:
                self.open = None
                continue
            depth = 0
            off = 0
            m = QUOTE_MARK.match(raw)
            if m:
                depth = m.group(1).count(">")
                off = m.end()
            content = raw[off:]
            stripped = content.strip()
            if not stripped:
                self.open = None
                self.table_columns = None
                # across a blank line, a line of text heads the bullets below only as a lead-in ("Next steps:");
                # "participants: Jens Aalto (...), me" said its piece
                self.indent_stack = [(d, k) for d, k in self.indent_stack if self.units[k].kind != "text"
                                     or self.doc.text[self.units[k].start:self.units[k].end].rstrip().endswith(":")]
                in_header = early_from = False
                continue
            indent = len(content) - len(content.lstrip())
            cstart = line_start + off + indent
            cend = line_start + off + len(content.rstrip())
            body = text[cstart:cend]
            # email headers
            hm = HEADER.match(body)
            if hm and not in_header and hm.group(1).lower() != "from":
                # "Subject: ... / To: ... / From: Zeynep Aksoy": a header block in any order is one message
                sender = block_sender(lines, lineno, line_start)
                if sender is not None:
                    self._new_message(depth, *sender)
                    in_header = early_from = True
            if hm and (in_header or (hm.group(1).lower() == "from" and self._next_is_header(lines, lineno))):
                if hm.group(1).lower() == "from" and early_from:
                    early_from = False
                elif hm.group(1).lower() == "from":
                    self._new_message(depth, cstart + hm.start(2), hm.group(2))
                    in_header = True
                elif hm.group(1).lower() in ("date", "sent") and self.msg_by_depth.get(depth) is not None:
                    self.messages[self.msg_by_depth[depth]].date = hm.group(2).strip()
                elif hm.group(1).lower() == "to" and self.msg_by_depth.get(depth) is not None:
                    self.messages[self.msg_by_depth[depth]].to = [
                        (m.group("name") or "").strip() for m in _NAME_ADDR.finditer(hm.group(2)) if m.group("name")]
                self.add(Unit(self.index, cstart, cend, lineno, "header", body=cstart + hm.start(2),
                              label=hm.group(1), label_start=cstart, sep=":", quoted=depth > 0), depth)
                self.open = None
                continue
            in_header = False
            wm = _WROTE.match(body)
            if wm:
                name = wm.group("name")
                self.messages.append(Message(self.index, name, cstart + wm.start("name") if name else None))
                self.msg_by_depth[depth + 1] = len(self.messages) - 1
                if depth > 0 and next_depth(lines, lineno) == depth:
                    # "> On Mon, ... Marco wrote:" then "> text": the quote is Marco's at the same depth
                    self.msg_by_depth[depth] = len(self.messages) - 1
                self.open = None
                continue
            if _RULE.match(body):
                self.open = None
                continue
            if depth == 0 and lineno in heads:
                name, time = heads[lineno]
                self.head = (name, cstart, time)
                self.open = None
                continue
            dm = _DECORATED.match(body)
            if dm:  # "--- Tuesday, February 17th ---": a heading, and the end of the last speaker's turn
                self.head = None
                self.add(Unit(self.index, cstart + dm.start("text"), cstart + dm.end("text"), lineno, "heading",
                              level=1, quoted=depth > 0), depth)
                self.open = None
                continue
            if self.head is not None and depth == 0:
                if _REACTIONS.fullmatch(body):
                    self.open = None  # emoji under a message are no words of it
                    continue
                # each line of a message is a paragraph of it, labelled as a line of notes is ("who: Theo ...")
                name, at, time = self.head
                unit = Unit(self.index, cstart, cend, lineno, "cue", speaker=name, speaker_at=at, time=time)
                self._label(unit, body)
                self.add(unit, depth)
                self.open = None
                continue
            hlevel = self.hint_lines.get(lineno)
            hd = _HEADING.match(body)
            if hlevel or hd:
                if hd:
                    hstart = cstart + hd.start(2)
                    hend = cstart + hd.end(2)
                    hlevel = len(hd.group(1))
                else:
                    hstart, hend = cstart, cend
                self.add(Unit(self.index, hstart, hend, lineno, "heading", level=hlevel or 1, quoted=depth > 0), depth)
                self.open = None
                continue
            if self.table_columns is None and self._pipe_labels(body, cstart, lineno, depth, indent):
                continue
            if _TABLE_ROW.match(body) and body.count("|") >= 2:
                self._row(body, cstart, lineno, depth, indent)
                continue
            self.table_columns = None
            if speakers and depth == 0 and indent == 0:
                stamp = _STAMP.match(body)
                sm = _SPEAKER.match(body, stamp.end() if stamp else 0)
                if sm and sm.group(1) in speakers:
                    speaker = sm.group(1)
                    bstart = cstart + sm.end() - 1
                    while bstart < cend and (text[bstart].isspace() or text[bstart] == ":"):
                        bstart += 1
                    self.open = self.add(Unit(self.index, bstart, cend, lineno, "cue", speaker=speaker,
                                              speaker_at=cstart + sm.start(), time=stamp.group(1) if stamp else None),
                                         depth)
                    continue
            bm = _BULLET.match(body)
            bullet = bool(bm) or lineno in self.bullet_lines  # a Word list paragraph shows no marker
            if bm:
                cstart += bm.end()
                body = text[cstart:cend]
            lead = self.lead_hints.get(lineno)
            lead_at = (line_start + lead[0], line_start + lead[1]) if lead and line_start + lead[0] >= cstart else None
            if (not bullet and lead_at is None and self.open is not None
                    and self._continues(lines, lineno, indent, depth)):
                self.units[self.open].end = cend
                continue
            kind = "bullet" if bullet else "text"
            if lead_at is not None and not text[lead_at[1]:cend].strip(" \t:"):
                # a bold line alone ("<b>The joint pitch.</b>", "**Next steps:**" in Word): a heading
                he = lead_at[1] - len(text[lead_at[0]:lead_at[1]]) + len(text[lead_at[0]:lead_at[1]].rstrip(".: \t"))
                self.add(Unit(self.index, lead_at[0], he, lineno, "heading", level=5, quoted=depth > 0), depth)
                self.open = None
                continue
            if (not bullet and lineno not in run_in and (
                    _BOLD_LINE.fullmatch(body) or (_CAPS_LINE.fullmatch(body) and len(body.split()) <= 5)
                    or self._label_only(body))):
                hb = _BOLD_LINE.fullmatch(body)
                if hb:
                    hs, he = cstart + hb.start(1), cstart + hb.end(1)
                else:
                    hs, he = cstart, cstart + len(body.rstrip(": \t"))
                self.add(Unit(self.index, hs, he, lineno, "heading", level=5 if hb else 6, quoted=depth > 0), depth)
                self.open = None
                continue
            if bm and self._bare_parent(body, lines, lineno, indent):
                # "- Trigger" over deeper bullets: a label for them, as a heading is (deeper, a sub-heading)
                self.add(Unit(self.index, cstart, cend, lineno, "heading", level=10 + indent, quoted=depth > 0),
                         depth)
                self.open = None
                continue
            unit = Unit(self.index, cstart, cend, lineno, kind, indent=indent + (2 if bullet else 0), quoted=depth > 0)
            ri = _RUN_IN.match(body) if lineno in run_in else None
            if ri:  # "Why Kittering. They run ...": labels the paragraph, as "**Why Kittering.** They run ..." does
                unit.label, unit.label_start, unit.sep = ri.group("label"), cstart, "."
                unit.body = cstart + ri.end()
            elif lead_at is None or not self._lead_label(unit, *lead_at):
                self._label(unit, body)
            self.open = self.add(unit, depth)
        return self.units

    def _speaker_heads(self, lines: list[str]) -> dict[int, tuple[str, str]]:
        """Lines naming who speaks next and when ("Speaker 2  00:00:13"), when the notes are laid out that
        way: three or more of them, for two or more people."""
        found = {}
        for i, ln in enumerate(lines, 1):
            m = _SPEAKER_HEAD.fullmatch(ln.strip())
            if m and m.group("name") not in self.cues.stop_caps:  # "Speaker 2" yes, "Date  10:30" no
                found[i] = (m.group("name"), m.group("time"))
        return found if len(found) >= 3 and len({n for n, _ in found.values()}) >= 2 else {}

    def _bare_parent(self, body: str, lines: list[str], lineno: int, indent: int) -> bool:
        """A bullet of a few words, no sentence and no label ("Joint value", "Moves", "Saltmarsh"), with deeper
        bullets right under it."""
        words = body.split()
        if not words or len(words) > 5 or body.rstrip()[-1:] in ".:;!?," or _LABEL.match(body) or any(
                ch.isdigit() for ch in body):
            return False
        nxt = next((ln for ln in lines[lineno:] if ln.strip()), "")
        deeper = len(nxt) - len(nxt.lstrip())
        return deeper > indent and bool(_BULLET.match(nxt.strip()))

    def _next_is_header(self, lines: list[str], lineno: int) -> bool:
        for nxt in lines[lineno:lineno + 2]:
            m = QUOTE_MARK.match(nxt)
            if HEADER.match(nxt[m.end():] if m else nxt.strip()):
                return True
        return self.doc.kind == "eml" and lineno == 1

    def _new_message(self, depth: int, at: int, value: str) -> None:
        m = _NAME_ADDR.match(value)
        name = (m.group("name") or "").strip() if m else ""
        if not name:
            name = value.split("<")[0].strip().strip('"') or value.strip()
        at_name = self.doc.text.find(name, at) if name else -1
        self.messages.append(Message(self.index, name or None, at_name if at_name >= 0 else None))
        self.msg_by_depth[depth] = len(self.messages) - 1
        for d in list(self.msg_by_depth):
            if d > depth:
                del self.msg_by_depth[d]

    def _continues(self, lines: list[str], lineno: int, indent: int, depth: int) -> bool:
        prev_unit = self.units[self.open] if self.open is not None else None
        if prev_unit is None or prev_unit.kind in ("heading", "row", "header") or (depth > 0) != prev_unit.quoted:
            return False
        if self.doc.kind == "docx":
            return False  # a Word paragraph is one line: the next one is never its wrapped tail
        prev = lines[lineno - 2].rstrip()
        if indent > prev_unit.indent and prev_unit.kind == "bullet":
            return True
        if prev_unit.label and prev_unit.body > prev_unit.start and indent > 0:
            # a value wrapped under its own column: "Partner (Ironvale) .... Carla sends the meter inventory"
            # then, aligned under "Carla", "by 15 April. Nils confirmed by email at 13:10."
            body_line = self.doc.text.rfind("\n", 0, prev_unit.body) + 1
            if indent == prev_unit.body - body_line:
                return True
        if prev_unit.kind == "cue":
            return True
        cur = lines[lineno - 1].strip()
        bold = _BOLD_LEAD.match(cur)
        labelled = _LABEL.match(cur) or (bold and (bold.group("sep") or bold.group("sep2")))
        if labelled and not prev.endswith((",", ";")):
            return False
        if re.search(r"https?://\S+$", prev) and cur[:1].isupper():
            return False  # "Evidence: ... https://x.example/case" then "Theo owns the handoff": a link ends its line
        wrapped = len(prev) >= 60 or prev.endswith((",", ";", "(", "&"))
        if wrapped and prev_unit.label and prev.endswith((".", "!", "?")) and cur[:1].isupper():
            # a labelled line ending on a finished sentence, and the next line's first word would have fitted
            # after it: the writer broke the line there ("Joint: ... moves the stock." / "Ola introduces Devi ...")
            wrapped = len(prev) + 1 + len(cur.split()[0]) > self._width()
        return wrapped or bool(re.search(r"\b(?:and|or|the|of|to|a|with)$", prev)) or indent > prev_unit.indent

    def _width(self) -> int:
        """The width the text is wrapped at: its longest line (links aside)."""
        if self.width is None:
            self.width = max((len(ln.rstrip()) for ln in self.lines if "://" not in ln), default=0)
        return self.width

    def _label_only(self, body: str) -> bool:
        if not body.endswith(":") or body.count(":") > 1 or len(body.split()) > 8:
            return False
        return not self.cues.any_of("url").search(body)

    def _label(self, unit: Unit, body: str) -> None:
        lead = _BOLD_LEAD.match(body)
        if lead and (lead.group("sep") or lead.group("sep2")):
            unit.label = lead.group("label").strip()
            unit.label_start = unit.start
            unit.sep = lead.group("sep") or lead.group("sep2")
            unit.body = unit.start + lead.end()
            return
        m = _LABEL.match(body)
        if not m:
            self._lead_in(unit, body)
            return
        label = m.group("label").strip().strip("*_").strip()
        crumb = label.rfind(" > ")
        if crumb >= 0:  # a path pasted from a tool: "Pasted from CRM > Partner account: Brackwell Controls"
            label = label[crumb + 3:].strip()
        words = label.split()
        sep = m.group("sep").strip()
        if sep.startswith((".", "…")):
            sep = ":"  # dot leaders, "Owner ........ Wren Hollis", say what a colon says
        if not words or len(words) > (3 if sep in "-–—" else 6):
            return
        unit.label = label
        unit.label_start = unit.start + (body.find(label) if crumb >= 0 else 0)
        unit.sep = sep
        unit.body = unit.start + m.end()
        # a bold label closed after the separator: "**Owner:** Hugo"
        rest = self.doc.text[unit.body:unit.end]
        closing = re.match(r"(?:\*\*|__)[ \t]*", rest)
        if closing:
            unit.body += closing.end()

    def _lead_label(self, unit: Unit, a: int, b: int) -> bool:
        """A bold run opening the line, ended by "." or ":" (or followed by ":"), labels the rest of it:
        "<b>Registration.</b> I checked ...", "<b>Why us (Coralbay).</b> We built ..."."""
        text = self.doc.text
        lead = text[a:b]
        after = re.match(r"[ \t]*:?[ \t]*", text[b:unit.end])
        colon = ":" in (after.group() if after else "")
        if not (lead.rstrip().endswith((".", ":")) or colon) or len(lead.split()) > 6 or re.search(r"[,;]", lead):
            return False  # "Item 2, Hoshino Cold Chain:" names an agenda item, as a plain label would not
        m = re.fullmatch(r"(?P<label>[^()]*?)[ \t]*(?:\([^()]*\))?[ \t]*[.:]?[ \t]*", lead)
        label = (m.group("label") if m else lead).strip()
        if not label:
            return False
        unit.label, unit.label_start, unit.sep = label, a, ":" if colon or lead.rstrip().endswith(":") else "."
        unit.body = b + (after.end() if after else 0)
        return True

    def _lead_in(self, unit: Unit, body: str) -> None:
        """A lead-in that names a field ("On registration, ...") labels the rest of the unit."""
        m = _LEAD_IN.match(body)
        if not m or unit.kind not in ("text", "cue", "bullet"):
            return
        norm = _norm(m.group("label"))
        if any(fc.labels is not None and fc.labels.match(norm) for fc in self.cues.fields.values()):
            unit.label, unit.label_start, unit.sep = m.group("label"), unit.start + m.start("label"), ","
            unit.body = unit.start + m.end()


