"""Word documents (.docx): paragraphs and tables in document order, one line each.

Table rows become "| a | b |" lines so a table of action items reads the same as in Markdown.
Paragraphs styled as headings (or wholly bold), list paragraphs and a paragraph's opening bold
run are passed on as hints, not as inserted markup, so the source text holds only what the document
says. Each paragraph is a line of its own: never a wrapped continuation of the one before.
"""

from __future__ import annotations

import io
import re
import zipfile

from drafter.errors import InputError
from drafter.ingest.document import Hint


def _heading_level(paragraph) -> int:  # noqa: ANN001  (python-docx Paragraph)
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    m = re.match(r"(?:Heading|Title)\s*(\d*)", name)
    if m:
        return int(m.group(1) or 1)
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs) and len(paragraph.text) < 80:
        return 5
    return 0


def _is_list(paragraph) -> bool:  # noqa: ANN001  (python-docx Paragraph)
    """A list paragraph ("List Bullet", "List Number", or numbered by its own properties): a bullet."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if re.match(r"List\b", name):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _bold_lead(paragraph) -> tuple[int, int] | None:  # noqa: ANN001  (python-docx Paragraph)
    """Columns of the bold runs that open a paragraph ("**Channel check:** Rika checked ..."), if any."""
    lead = ""
    for run in paragraph.runs:
        if not run.text:
            continue
        if not run.bold:
            break
        lead += run.text
    if not lead.strip() or len(lead) >= len(paragraph.text):
        return None
    start = len(lead) - len(lead.lstrip())
    return start, len(lead.rstrip())


def read_docx(data: bytes, path: str) -> tuple[str, list[Hint]]:
    """(source text, heading hints) of a .docx file."""
    try:
        import docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(path, f"is not a valid .docx file ({e})") from e
    except Exception as e:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise InputError(path, f"is not a valid .docx file ({type(e).__name__})") from e
    lines: list[str] = []
    hints: list[Hint] = []

    def add_table(table: Table) -> None:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                text = " ".join(cell.text.split())
                if not cells or text != cells[-1]:  # merged cells repeat their text
                    cells.append(text)
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
        lines.append("")

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            add_table(block)
            continue
        text = block.text.replace("\r", "").replace("\x0b", "\n")
        level = _heading_level(block)
        if level and text.strip():
            hints.append(Hint(len(lines) + 1, "heading", level))
        elif text.strip() and _is_list(block):
            hints.append(Hint(len(lines) + 1, "bullet"))
        elif text.strip():
            lead = _bold_lead(block)
            if lead:
                hints.append(Hint(len(lines) + 1, "label", start=lead[0], end=lead[1]))
        lines.extend(text.split("\n") if text else [""])
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise InputError(path, "has no text")
    return text + "\n", hints
