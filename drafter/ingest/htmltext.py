"""HTML email bodies to plain text: block elements become line breaks, quoted blocks get "> ".

What a reader of the email does not see (an element styled `display:none`, `hidden`, zero size or
opacity) is left out: hidden text is not part of the notes, so it can neither be quoted nor steer
the draft. A link's target follows its text in parentheses, so a seller can open it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "blockquote", "pre", "hr", "section", "article", "header", "footer"}
_SKIP = {"script", "style", "head", "title"}
_HEADING = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### "}
_PARAGRAPH = {"p", "div", "section", "article"}  # blocks that end a paragraph (a blank line)
_LEAD_START, _LEAD_END = "\ue000", "\ue001"  # private-use marks of a bold run starting a line
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source", "embed"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden"
                           r"|(?<![\w-])font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)|(?<![\w-])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)|max-height\s*:\s*0(?:px)?\s*(?:;|$|!)",
                           re.I)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's own attributes hide it from the reader."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0
        self.cells = 0
        self.hidden_tag: str | None = None  # the element that hides what is inside it
        self.hidden_depth = 0
        self.links: list[str | None] = []  # targets of the open <a> elements
        self.bold = 0  # open <b>/<strong> elements; a bold run starting a line is marked (see `html_text`)

    def _newline(self) -> None:
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden_tag is not None:
            if tag == self.hidden_tag:
                self.hidden_depth += 1
            return
        if tag not in _VOID and _hidden(attrs):
            self.hidden_tag, self.hidden_depth = tag, 1
            return
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag in ("b", "strong"):
            if self.bold == 0 and self._at_line_start():
                self.out.append(_LEAD_START)
            self.bold += 1
        if tag in _SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self._newline()
            self.quote += 1
        elif tag in ("td", "th"):
            self.out.append(" | " if self.cells else "| ")
            self.cells += 1
        elif tag in _BLOCK:
            self._newline()
            if tag == "li":
                self._start_line("- ")
            elif tag in _HEADING:
                self._start_line(_HEADING[tag])

    def _at_line_start(self) -> bool:
        line = "".join(self.out).rsplit("\n", 1)[-1] if self.out else ""
        return not re.sub(r"^(?:> )*(?:- )?", "", line).strip()

    def _start_line(self, prefix: str) -> None:
        self.out.append("> " * self.quote + prefix)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_tag is not None:
            if tag == self.hidden_tag:
                self.hidden_depth -= 1
                if self.hidden_depth == 0:
                    self.hidden_tag = None
            return
        if tag == "a" and self.links:
            self._link_target(self.links.pop())
        if tag in ("b", "strong") and self.bold:
            self.bold -= 1
            if self.bold == 0:
                self.out.append(_LEAD_END)
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._newline()
        elif tag == "tr":
            if self.cells:
                self.out.append(" |")
            self.cells = 0
            self._newline()
        elif tag in _PARAGRAPH:
            self._newline()
            self.out.append("> " * self.quote + "\n")  # paragraphs stay apart, as a reader sees them
        elif tag in _BLOCK:
            self._newline()

    def _link_target(self, href: str | None) -> None:
        """" (https://...)" after a link's text, unless the text already shows it."""
        if not href or not re.match(r"https?://", href) or not self.out:
            return
        tail = "".join(self.out[-3:])
        if href.rstrip("/") not in tail:
            self.out.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if self.skip or self.hidden_tag is not None:
            return
        data = re.sub(r"\s+", " ", data)
        if not data.strip():
            if self.out and not self.out[-1].endswith((" ", "\n")):
                self.out.append(" ")
            return
        if not self.out or self.out[-1].endswith("\n"):
            data = "> " * self.quote + data.lstrip()
        self.out.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: one line per block, tables as "| a | b |" rows, no markup."""
    return html_text(html)[0]


def html_text(html: str) -> tuple[str, list[tuple[int, int, int]]]:
    """`html_to_text`, and the bold runs that start a line ("<b>The account.</b> Ardent ..."), as
    (1-based line, start column, end column): a reader sees them as the line's label, the text does not
    show them (no inserted markup, so every quote still stands in the file)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [ln.rstrip() for ln in "".join(parser.out).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    leads: list[tuple[int, int, int]] = []
    out: list[str] = []
    for n, line in enumerate(text.split("\n"), 1):
        m = re.search(f"{_LEAD_START}([^{_LEAD_START}{_LEAD_END}]*){_LEAD_END}", line)
        if m and m.group(1).strip():
            lead = m.group(1)
            start = m.start() + len(lead) - len(lead.lstrip())
            leads.append((n, start, m.start() + len(lead.rstrip())))
        out.append(line.replace(_LEAD_START, "").replace(_LEAD_END, ""))
    return "\n".join(out).strip() + "\n", leads
