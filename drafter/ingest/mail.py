"""Email (.eml): the source text is the decoded message, headers first, then the plain-text body.

A message with only an HTML body gets it converted to text (`Document.body` records which). Quoted
replies stay in the text as "> " lines; the structure reader knows them.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from drafter.errors import InputError
from drafter.ingest.document import Hint, fold_view
from drafter.ingest.htmltext import html_text

HEADERS = ("From", "To", "Cc", "Subject", "Date")


def _header_block(msg: EmailMessage) -> str:
    """The main headers as written (unfolded); decoded only where they use RFC 2047 encoded words."""
    raw: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.lower(), str(value))
    lines = []
    for name in HEADERS:
        value = raw.get(name.lower())
        if value is None:
            continue
        if "=?" in value or not value.isascii():
            value = str(msg.get(name))
        lines.append(f"{name}: {' '.join(value.split())}")
    return "\n".join(lines)


def _content(part: EmailMessage, path: str) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError) as e:
        raise InputError(path, f"cannot decode a {part.get_content_type()} part ({e})") from e
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return str(content).replace("\r\n", "\n").replace("\r", "\n")


def read_eml(data: bytes, path: str) -> tuple[str, str, str | None, list[str], list[Hint]]:
    """(source text, body kind, Date header, views, hints) of an email file.

    The hints are an HTML body's bold runs opening a line ("<b>Registration.</b> I checked ..."): labels.

    The views are what the file shows a reader who opens it: the raw message and its decoded
    text/plain parts (folded). An HTML body's text differs from its markup, so a quote from it
    must be cut where the markup interrupts it (see `drafter.extract.grounding`); a quoted-printable
    body is cut the same way at its soft line breaks and escapes. A base64 HTML body shows no text
    in the raw file at all, so there its decoded text is the view."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not an email")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not (msg.get("From") or msg.get("Subject") or msg.get("Date")):
        raise InputError(path, "is not an email (no From, Subject or Date header)")
    plain: list[str] = []
    html: list[str] = []
    encoded = False  # an HTML body sent base64: the raw file shows none of its text
    attachments: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        filename = part.get_filename()
        if ctype == "text/plain":
            plain.append(_content(part, path))
        elif ctype == "text/html" and not filename:
            html.append(_content(part, path))
            encoded = encoded or str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "base64"
        elif filename:
            attachments.append(filename)
    leads: list[tuple[int, int, int]] = []
    if plain:
        body, kind = "\n".join(plain), "text/plain"
    elif html:
        parts: list[str] = []
        for h in html:
            shown, found = html_text(h)
            done = sum(p.count("\n") for p in parts)
            leads.extend((done + n, a, b) for n, a, b in found)
            parts.append(shown)
        body, kind = "\n".join(parts), "text/html"
    else:
        body, kind = "", "text/plain"
    if not body.strip():
        raise InputError(path, "email has no text body")
    head = _header_block(msg) + "\n\n"
    shift = head.count("\n") - (len(body) - len(body.lstrip("\n")))  # body lines below the headers
    hints = [Hint(shift + n, "label", start=a, end=b) for n, a, b in leads]
    text = head + body.strip("\n") + "\n"
    if attachments:
        text += "\n" + "\n".join(f"Attachment: {name}" for name in attachments) + "\n"
    date = next((" ".join(str(v).split()) for k, v in msg.raw_items() if k.lower() == "date"), None)
    views = [fold_view(data.decode("utf-8", errors="replace"))]
    if plain:
        views.append(fold_view("\n".join(plain)))
    elif encoded:  # nothing to cut a quote to: the decoded text is the source (quoted-printable is cut)
        views.append(fold_view(body))
    return text, kind, date, views, hints
