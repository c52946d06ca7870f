"""The HTML export: one self-contained printable page (inline CSS, nothing fetched).

Every piece of text from the packet goes through `html.escape`, so a value holding `<script>`
shows as text and runs nothing. The page layout is a data file, `drafter/data/export/packet.html`.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from string import Template

from drafter.fields import BY_ID, FIELD_IDS
from drafter.packet import Packet


def _paragraphs(text: str) -> str:
    """Blank-line-separated paragraphs, escaped; single line breaks kept by `white-space: pre-wrap`."""
    paras = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paras)


def page_title(packet: Packet) -> str:
    if packet.title:
        return packet.title
    account = packet.value("account").split(".")[0].strip()
    return f"Co-sell handoff: {account}" if account else "Co-sell handoff"


def to_html(packet: Packet, audit: str) -> str:
    """The packet as one printable page, ending with its audit line."""
    rows = []
    for fid in FIELD_IDS:
        spec = BY_ID[fid]
        field = packet.fields[fid]
        mark = '<span class="edited">(edited)</span>' if field.status == "edited" else ""
        label = f'<span class="n">{spec.number}.</span><span>{html.escape(spec.short)}{mark}</span>'
        rows.append(f'<dt id="{fid}">{label}</dt><dd>{_paragraphs(field.value or "")}</dd>')
    badge = f'<span class="badge">{html.escape(packet.classification)}</span>' if packet.classification else ""
    layout = Template(files("drafter").joinpath("data/export/packet.html").read_text(encoding="utf-8"))
    return layout.substitute(title=html.escape(page_title(packet)), badge=badge, fields="\n".join(rows),
                             audit=html.escape(audit))
