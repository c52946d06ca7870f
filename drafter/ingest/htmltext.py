"""HTML email bodies to plain text: block elements become line breaks, quoted blocks get "> "."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "blockquote", "pre", "hr", "section", "article", "header", "footer"}
_SKIP = {"script", "style", "head", "title"}
_HEADING = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### "}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0
        self.cells = 0

    def _newline(self) -> None:
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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

    def _start_line(self, prefix: str) -> None:
        self.out.append("> " * self.quote + prefix)

    def handle_endtag(self, tag: str) -> None:
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
        elif tag in _BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.skip:
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
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [ln.rstrip() for ln in "".join(parser.out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
