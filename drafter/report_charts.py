"""Small inline SVG charts for the batch report: no library, no script, nothing fetched.

Every number drawn carries `data-k`, the summary key it shows, so a test can read the page's
numbers back and compare them with the JSON summary.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

FONT = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # bar length, in the chart's units
    text: str  # the number written by the bar
    key: str  # data-k of that number
    note: str = ""  # more text: under the label in `columns`, after the number in `rows`
    color: str = "#3f6fb5"
    note_key: str = ""  # data-k of the note, when it shows a summary value


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_e(title)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" '
            f'font-size="{FONT}">' + "".join(body) + "</svg>")


def columns(bars: list[Bar], title: str, top: float | None = None, height: int = 220, width: int = 1000) -> str:
    """Vertical bars with the number above each and the label (and note) under it."""
    top = top or max((b.value for b in bars), default=0) or 1
    notes = any(b.note for b in bars)
    plot_h, left, bottom = height, 36, 42 + (16 if notes else 0)
    slot = (width - left - 10) / max(1, len(bars))
    bw = max(4.0, slot * 0.7)
    body = [f'<line x1="{left}" y1="{plot_h + 20}" x2="{width - 10}" y2="{plot_h + 20}" stroke="#999"/>']
    for i, b in enumerate(bars):
        h = plot_h * (b.value / top) if top else 0
        x = left + i * slot + (slot - bw) / 2
        y = 20 + plot_h - h
        cx = x + bw / 2
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{h:.1f}" fill="{b.color}">'
                    f'<title>{_e(b.label)}: {_e(b.text)}</title></rect>')
        body.append(f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" data-k="{_e(b.key)}">{_e(b.text)}</text>')
        body.append(f'<text x="{cx:.1f}" y="{plot_h + 36}" text-anchor="middle" fill="#333">{_e(b.label)}</text>')
        if b.note:
            body.append(f'<text x="{cx:.1f}" y="{plot_h + 52}" text-anchor="middle" fill="#a33" font-size="10">'
                        f'{_e(b.note)}</text>')
    return _svg(width, plot_h + bottom + 10, body, title)


def rows(bars: list[Bar], title: str, top: float | None = None, width: int = 1000, label_w: int = 210,
         note_w: int = 0, track: bool = False) -> str:
    """Horizontal bars, one a line: label, bar, number (and a note in a column of its own, `note_w` wide);
    `track` draws each bar's full extent in grey (for rates out of 100%)."""
    top = top or max((b.value for b in bars), default=0) or 1
    line, plot_w = 26, width - label_w - 150 - note_w
    body = []
    for i, b in enumerate(bars):
        y = 6 + i * line
        w = plot_w * (b.value / top) if top else 0
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#333">{_e(b.label)}</text>')
        if track:
            body.append(f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{line - 8}" fill="#eceff3"/>')
        body.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{line - 8}" fill="{b.color}">'
                    f'<title>{_e(b.label)}: {_e(b.text)}</title></rect>')
        body.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" data-k="{_e(b.key)}">{_e(b.text)}</text>')
        if b.note:
            key = f' data-k="{_e(b.note_key)}"' if b.note_key else ""
            body.append(f'<text x="{label_w + plot_w + 70}" y="{y + 15}" fill="#a33"{key}>{_e(b.note)}</text>')
    return _svg(width, 12 + len(bars) * line, body, title)


def stacked(items: list[tuple[str, list[tuple[str, int, str, str]]]], title: str, width: int = 1000,
            label_w: int = 210) -> str:
    """One horizontal bar per item split into parts (name, count, color, data-k), each part's count written in it."""
    line, plot_w = 26, width - label_w - 20
    body = []
    for i, (label, parts) in enumerate(items):
        y = 6 + i * line
        total = sum(c for _, c, _, _ in parts) or 1
        x = float(label_w)
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#333">{_e(label)}</text>')
        for name, count, color, key in parts:
            w = plot_w * count / total
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{line - 8}" fill="{color}">'
                        f'<title>{_e(label)} {_e(name)}: {count:,}</title></rect>')
            if count and w >= 9 * len(f"{count:,}"):  # numbers too long for their part are in the table
                body.append(f'<text x="{x + w / 2:.1f}" y="{y + 14}" text-anchor="middle" fill="#fff" font-size="11" '
                            f'data-k="{_e(key)}">{count:,}</text>')
            x += w
    return _svg(width, 12 + len(items) * line, body, title)
