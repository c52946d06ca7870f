"""A source as the extractor sees it: one text, plus a map from offsets back to the original."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


def fold_view(text: str) -> str:
    """Text as compared when checking that a quote stands in a file: no "> " reply markers at line
    starts, whitespace runs as one space, lower case."""
    text = re.sub(r"(?m)^[ \t]*(>[ \t]?)+", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Segment:
    """A stretch of the text with where it came from: a transcript cue or an email message.

    `start`/`end` cover the part a quote may come from (the cue payload, the message body).
    """

    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None  # where the speaker's name is written in the text, if it is
    time: str | None = None


@dataclass(frozen=True)
class Hint:
    """Structure a reader knows and the text does not show, e.g. a .docx paragraph styled as a heading."""

    line: int  # 1-based line of the text
    kind: str  # "heading", "label" (a bold run opening the line: columns start..end), "bullet" (a list paragraph)
    level: int = 1
    start: int = 0
    end: int = 0


@dataclass
class Document:
    """One source file. Evidence offsets index `text`; for text-like files that is the file's own text.

    `body` says what `text` is: "file" (the decoded file), "text/plain" or "text/html" (an email's
    decoded body, headers first), or "paragraphs" (.docx paragraphs and table rows, one per line).
    """

    path: str
    kind: str
    text: str
    sha256: str
    body: str = "file"
    segments: list[Segment] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    date: str | None = None  # a date the container states (an email's Date header), as written
    # What the file itself shows, folded (`fold_view`), when `text` is not the file's own text (an
    # email: the raw message and its decoded text/plain parts). A quote must stand in one of them.
    views: list[str] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _seg_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self.segments.sort(key=lambda s: s.start)
        self._seg_starts = [s.start for s in self.segments]

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset in `text`."""
        return bisect.bisect_right(self._line_starts, offset)

    def segment_at(self, offset: int) -> Segment | None:
        """The cue or message that holds `offset`, if any."""
        i = bisect.bisect_right(self._seg_starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < max(self.segments[i].end, self.segments[i].start + 1):
            return self.segments[i]
        return None
