"""Table rows of notes: Markdown and pipe tables with their header row, a log's free-text column read as
paragraphs, and lines of "Label: value | Label: value" pairs. A mixin of the line reader (`lines._Builder`)."""

from __future__ import annotations

import re

from drafter.extract.cues import Cues
from drafter.extract.lineforms import _LABEL, _PIPE, _TABLE_SEP, _norm
from drafter.extract.units import Unit
from drafter.ingest.document import Document


class RowReader:
    """Reads the rows of a table, and pipe-separated label pairs, into units."""

    index: int
    doc: Document
    cues: Cues
    table_columns: list[str] | None
    lines: list[str]
    open: int | None

    def add(self, unit: Unit, depth: int) -> int:
        raise NotImplementedError

    def _label(self, unit: Unit, body: str) -> None:
        raise NotImplementedError

    def _pipe_labels(self, body: str, cstart: int, lineno: int, depth: int, indent: int) -> bool:
        """A line of label/value pairs kept apart by pipes ("Partner: Corbel | Contact: Ravi Menon, alliances |
        Also on: Jess Kwan"): each pair a labelled unit of its own, an unlabelled piece ("| also ran their
        upgrade") or a lower-case sub-label ("| next board: 4 Feb") going on with the pair before it."""
        if body.startswith("|") or not _PIPE.search(body):
            return False
        pieces = [(0, len(body))]
        for pipe in _PIPE.finditer(body):
            pieces[-1] = (pieces[-1][0], pipe.start())
            pieces.append((pipe.end(), len(body)))
        starts: list[tuple[int, re.Match[str]]] = []
        for a, _ in pieces:
            m = _LABEL.match(body, a)
            if m and m.group("sep").strip() == ":" and m.group("label")[:1].isupper() and len(
                    m.group("label").split()) <= 4 and m.end() < len(body) and body[m.end()] != "|":
                starts.append((a, m))
        if not starts or starts[0][0] != 0:
            return False  # "2026-02-24 | Call | Kiran | ...": a row of columns, not pairs
        for k, (a, m) in enumerate(starts):
            b = starts[k + 1][0] if k + 1 < len(starts) else len(body)
            b = a + len(body[a:b].rstrip(" \t|"))
            unit = Unit(self.index, cstart + a, cstart + b, lineno, "text", indent=indent, quoted=depth > 0,
                        label=m.group("label").strip(), label_start=cstart + a, sep=":", body=cstart + m.end())
            self.open = self.add(unit, depth)
        return True


    def _row(self, body: str, cstart: int, lineno: int, depth: int, indent: int) -> None:
        if _TABLE_SEP.match(body):
            return
        cells = []
        for m in re.finditer(r"[^|]+", body):
            piece = m.group()
            if not piece.strip():
                continue
            lead = len(piece) - len(piece.lstrip())
            cells.append((cstart + m.start() + lead, cstart + m.start() + len(piece.rstrip())))
        if not cells:
            return
        names = [_norm(self.doc.text[a:b]) for a, b in cells]
        p = self.cues.patterns
        roles = ["who" if p["section_col_who"].match(n) else "what" if p["section_col_what"].match(n)
                 else "when" if p["section_col_when"].match(n) else "label" if p["section_col_label"].match(n)
                 else "notes" if p["section_col_notes"].match(n) else "" for n in names]
        # a header row: its cells name columns, or a rule of dashes under it says so ("| # | Who | What | ... |")
        ruled = lineno < len(self.lines) and bool(_TABLE_SEP.match(self.lines[lineno].strip()))
        if self.table_columns is None and (sum(1 for r in roles if r) >= max(1, len(roles) - 1) or (
                ruled and any(roles))):
            self.table_columns = roles
            return
        if self._notes_cell(cells, lineno, depth, indent):
            self.open = None
            return
        unit = Unit(self.index, cells[0][0], cells[-1][1], lineno, "row", indent=indent, quoted=depth > 0,
                    cells=cells, columns=list(self.table_columns or []))
        if len(cells) == 2 and (not self.table_columns or self.table_columns[0] == "label"):
            unit.label = self.doc.text[cells[0][0]:cells[0][1]].strip("*_ :")
            unit.label_start = cells[0][0]
            unit.body = cells[1][0]
            unit.sep = "|"
        self.add(unit, depth)
        self.open = None



    def _notes_cell(self, cells: list[tuple[int, int]], lineno: int, depth: int, indent: int) -> bool:
        """A log's row ("2026-02-24 | Call | Kiran Desai | Call w/ Marisol | Dale's words to Marisol: ..."): its
        notes cell is a paragraph of the notes, labelled by what it opens with ("Warm path: ...") or by the
        row's subject; the log's date and type are the record's, not the notes'."""
        cols = self.table_columns or []
        if "notes" not in cols or len(cells) != len(cols):
            return False
        a, b = cells[cols.index("notes")]
        unit = Unit(self.index, a, b, lineno, "text", indent=indent, quoted=depth > 0)
        self._label(unit, self.doc.text[a:b])
        if unit.label is None and "label" in cols:
            x, y = cells[cols.index("label")]
            unit.label, unit.sep = self.doc.text[x:y].strip(), ":"
        if "who" in cols:  # who logged it, as a message's sender: "Jolene Park" in the Owner column
            x, y = cells[cols.index("who")]
            unit.speaker, unit.speaker_at = self.doc.text[x:y].strip() or None, x
        self.add(unit, depth)
        return True
