"""Reading user files defensively and writing ours atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any

from drafter.errors import InputError


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or an InputError that says why not (missing, a folder, empty, unreadable)."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(p, f"cannot read ({e.strerror or e})") from e
    if not data.strip():
        raise InputError(p, "file is empty")
    return data


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; binary and undecodable input is an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(path, "is not valid UTF-16 text") from e
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"is not UTF-8 text (undecodable byte at position {e.start})") from e
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path) -> str:
    text = decode_text(read_bytes(path), path)
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def check_target(path: str | Path, *, force: bool) -> Path:
    """Refuse up front what a write to `path` would refuse at the end (exists without force, no folder)."""
    p = Path(path)
    if not force and p.exists():
        raise InputError(p, "already exists (use --force to overwrite)")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(p, f"folder {parent} does not exist")
    return p


@contextmanager
def _staged(path: str | Path, force: bool, mode: str, **kw: Any) -> Iterator[IO[Any]]:
    """A temporary file beside `path` that replaces it only when the block ends without error."""
    p = check_target(path, force=force)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent if str(p.parent) else ".")
    try:
        with os.fdopen(fd, mode, **kw) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _commit(tmp, p, force)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_open(path: str | Path, *, force: bool = True, newline: str | None = None) -> AbstractContextManager[IO[str]]:
    """A text file to stream into; it appears at `path` only when the block ends without error.

    With force=False an existing file is never replaced (checked before and again at rename time).
    """
    return _staged(path, force, "w", encoding="utf-8", newline=newline)


def _commit(tmp: str, p: Path, force: bool) -> None:
    if force:
        os.replace(tmp, p)
        return
    try:
        os.link(tmp, p)
    except FileExistsError as e:
        raise InputError(p, "already exists (use --force to overwrite)") from e
    except OSError:  # filesystems without hard links
        if p.exists():
            raise InputError(p, "already exists (use --force to overwrite)") from None
        os.replace(tmp, p)
    if os.path.exists(tmp):
        os.unlink(tmp)


def atomic_write(path: str | Path, data: str | bytes, *, force: bool = True) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file.

    With force=False an existing file is never replaced (checked again at rename time).
    """
    with _staged(path, force, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
