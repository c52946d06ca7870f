"""Running a review: one field at a time, every decision saved to the packet file at once.

Two drivers share one session: single keys on a terminal, and one decision per line when stdin
is a pipe (how scripts and tests drive it). Each decision is written atomically before the next
field is shown, so quitting, Ctrl-C or a crash loses nothing already decided.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from drafter.errors import DrafterError, UsageError
from drafter.evidence_context import SourceTexts
from drafter.files import atomic_write
from drafter.formats import read_packet
from drafter.formats.jsonfmt import write_json
from drafter.review import DecisionError, apply_decision, parse_line, pending, tally
from drafter.review_card import grade_packet, render_card


@contextmanager
def _sigint_held() -> Iterator[None]:
    """Defer SIGINT to the end of the block (main thread on POSIX; elsewhere a no-op)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

class ReviewSession:
    """A packet file under review by one named person."""

    def __init__(self, path: Path, reviewer: str, only: list[str] | None = None) -> None:
        if Path(path).suffix.lower() != ".json":
            raise UsageError(
                f"{path}: review saves each decision into the packet, which needs a .json file; "
                f"run `drafter convert {path} -o {Path(path).with_suffix('.json').name}` first"
            )
        self.reviewer = (reviewer or "").strip()
        if not self.reviewer:
            raise UsageError("a reviewer name is required: --reviewer NAME or DRAFTER_REVIEWER")
        self.path = Path(path)
        self.packet = read_packet(self.path)
        self._on_disk = self.path.read_bytes()
        self.todo = pending(self.packet, only)
        self.sources = SourceTexts(self.packet, self.path.parent)
        self.decided = 0

    def decide(self, fid: str, action: str, text: str | None = None) -> None:
        """Apply one decision and save the packet before anything else happens.

        If the file changed on disk since we last read or wrote it (another review, a hand edit),
        nothing is written: saving would silently undo that change.
        """
        packet = apply_decision(self.packet, fid, action, self.reviewer, text)
        try:
            current = self.path.read_bytes()
        except OSError:
            current = None
        if current != self._on_disk:
            raise DrafterError(f"{self.path}: changed on disk during this review; the decision on {fid} was not "
                               f"saved (run `drafter review {self.path}` again)")
        payload = write_json(packet).encode("utf-8")
        # Ctrl-C between the write and the bookkeeping would leave the session counting one decision
        # fewer than the file holds: hold SIGINT until both are done.
        with _sigint_held():
            atomic_write(self.path, payload, force=True)
            self._on_disk = payload
            self.packet = packet
            self.decided += 1

    def show(self, console: Console, fid: str, index: int) -> None:
        render_card(console, self.packet, fid, index, len(self.todo), self.sources, grade_packet(self.packet))

    def summary(self) -> str:
        counts = tally(self.packet)
        left = pending(self.packet)
        done = ", ".join(f"{n} {s}" for s, n in counts.items() if s in ("confirmed", "edited", "rejected"))
        head = f"{self.path}: {self.decided} decision{'s' if self.decided != 1 else ''} saved this session"
        if left:
            return (f"{head}; {len(left)} field{'s' if len(left) != 1 else ''} still to review "
                    f"(run `drafter review {self.path}` again to resume)")
        rejected = [fid for fid, f in self.packet.fields.items() if f.status == "rejected"]
        tail = f"; every field decided ({done})"
        if rejected:
            flags = " ".join(f"--field {fid}" for fid in rejected)
            return (f"{head}{tail}; rejected fields block export: {', '.join(rejected)} "
                    f"(supply them with `drafter review {self.path} {flags}`)")
        return f"{head}{tail}; ready for `drafter export {self.path} --format md`"


def run_piped(session: ReviewSession, stdin: TextIO, console: Console) -> None:
    """One decision per line of stdin for the fields under review, in order; EOF or `quit` stops."""
    line_no = 0
    for index, fid in enumerate(session.todo, 1):
        session.show(console, fid, index)
        while True:
            raw = stdin.readline()
            if not raw:
                return
            line_no += 1
            if raw.strip():
                break
        n = session.decided
        saved = f"; {n} earlier decision{'s' if n != 1 else ''} saved" if n else ""
        decision = parse_line(raw.rstrip("\n"))
        if decision is None:
            raise UsageError(f"stdin, line {line_no}: unknown decision {raw.strip()!r} "
                             f"(expected accept, reject, edit: NEW TEXT or quit){saved}")
        if decision.action == "quit":
            return
        try:
            session.decide(fid, decision.action, decision.text)
        except DecisionError as e:
            raise UsageError(f"stdin, line {line_no}: {e}{saved}") from e
        console.print(Text(f"{fid}: {session.packet.fields[fid].status}", style="bold"))


def edit_in_editor(text: str, editor: str) -> str | None:
    """The text after the user's editor has run on it; None when the editor failed."""
    fd, tmp = tempfile.mkstemp(prefix="drafter-field-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
        if subprocess.run([*shlex.split(editor), tmp]).returncode != 0:
            return None
        return Path(tmp).read_text(encoding="utf-8")
    finally:
        os.unlink(tmp)


def edit_inline(text: str, console: Console) -> str:
    """One line of input, prefilled with the current text (`\\n` stands for a line break)."""
    shown = text.replace("\n", "\\n")
    try:
        import readline
    except ImportError:  # no line editing on this platform: show the text to copy from
        readline = None  # type: ignore[assignment]
        console.print(Text(f"current: {shown}", style="dim"))
    if readline is not None:
        readline.set_startup_hook(lambda: readline.insert_text(shown))
    try:
        return input("new text (empty keeps the field as it was): ").replace("\\n", "\n")
    except EOFError:  # Ctrl-D: keep the field as it was
        return ""
    finally:
        if readline is not None:
            readline.set_startup_hook(None)


def _ask_text(session: ReviewSession, fid: str, console: Console) -> str | None:
    current = session.packet.fields[fid].value or ""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    new = edit_in_editor(current, editor) if editor else edit_inline(current, console)
    if new is None:
        console.print(Text("the editor failed; the field is as it was", style="yellow"))
        return None
    new = new.strip()
    if not new or new == current.strip():
        console.print(Text("no change; the field is as it was", style="yellow"))
        return None
    return new


def run_terminal(session: ReviewSession, console: Console, getkey: Callable[[], str]) -> None:
    """Single keys: a accept, e edit, r reject, q quit."""
    for index, fid in enumerate(session.todo, 1):
        session.show(console, fid, index)
        missing = session.packet.fields[fid].value is None
        prompt = ("[e] write it  [r] reject (leave it empty)  [q] quit > " if missing
                  else "[a] accept  [e] edit  [r] reject  [q] quit > ")
        while True:
            console.print(prompt, end="", markup=False, highlight=False)
            try:
                key = getkey()[:1].lower()
            except EOFError:  # Ctrl-D: stop here, as q does
                key = "q"
            console.print(key if key.isprintable() else "")
            if key == "q":
                return
            if key == "a" and missing:
                console.print(Text("nothing to accept: press e to write it, or r to leave it empty", style="yellow"))
                continue
            if key in ("a", "r"):
                session.decide(fid, "accept" if key == "a" else "reject")
                break
            if key == "e":
                text = _ask_text(session, fid, console)
                if text is not None:
                    session.decide(fid, "edit", text)
                    break
                continue
            console.print(Text("press a, e, r or q", style="yellow"))
        console.print(Text(f"{fid}: {session.packet.fields[fid].status} (saved)", style="bold green"))
