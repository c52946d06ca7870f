"""The shapes a line of notes takes, as patterns: headings, bullets, labels, table rows and their rules,
email quote headers, transcript speakers and stamps, run-in labels. Read by `lines` and `rows`."""

from __future__ import annotations

import re

from drafter.extract.names import UPPER

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_RULE = re.compile(r"[-_=*~]{3,}[ \t]*$|-{2,}[ \t]*(?:original message|forwarded message)[ \t]*-{2,}.*$", re.I)
# a numbered item, sub-numbered as minutes are ("2.10 Handoff owner. ..."), a letter, a checkbox
_BULLET = re.compile(r"([-*+•●▪◦–]|\d{1,2}(?:\.\d{1,2})+\.?(?=[ \t])|\d{1,2}[.)]|[a-z][.)]|\(\w\))[ \t]+"
                     r"(?:\[[ xX]\][ \t]+)?")
_BOLD_LINE = re.compile(r"(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)[ \t]*:?[ \t]*$")
_BOLD_LEAD = re.compile(r"(?:\*\*|__)(?P<label>[^*_\n]{1,80}?)[ \t]*(?P<sep>[:.])?[ \t]*(?:\*\*|__)[ \t]*"
                        r"(?P<paren>\([^()\n]{0,160}\))?[ \t]*(?P<sep2>[:.])?[ \t]+")
_LABEL = re.compile(
    r"(?P<label>(?:[^\W\d_]|#)[^:=?\n,;]{0,50}?)[ \t]*(?P<paren>\([^()\n]{0,160}\))?[ \t]*"
    r"(?P<sep>:(?!//)|\?\?+|=(?!=)|[ \t][-–—][ \t]|(?<=[ \t])\.+(?=[ \t])|\.{4,}(?=[ \t])|…+(?=[ \t]))[ \t]*"
)
# "On Tue, Mar 10, 2026 at 11:37 AM Noel Sandoval <...> wrote:" (the name is not "AM Noel Sandoval")
_WROTE = re.compile(r"On\b.{4,140}?[, ]\s*(?!(?:AM|PM)\b)(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})?"
                    r"[ \t]*(?:<[^>\n]*>)?[ \t]*wrote:[ \t]*$")
_TABLE_ROW = re.compile(r"\|.*\|[ \t]*$|[^|\n]+(?:\|[^|\n]*){2,}$")
# the pipe between label/value pairs on one line: "Date: 20 Jan | Length: 45 min | Medium: Zoom"
_PIPE = re.compile(r"[ \t]+\|[ \t]+")
_TABLE_SEP = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
# a name's capitals, with the accented ones: "Édouard Girard: ..." speaks, as "Edouard Girard: ..." does
_SPEAKER = re.compile(rf"([{UPPER}][\w.'’-]*(?:[ \t]+[{UPPER}0-9][\w.'’-]*){{0,3}})[ \t]*"
                      r"(\([^()\n]{1,60}\))?[ \t]*:[ \t]+\S")
# A chat log's time stamp before the speaker: "[10:02] Wanjiru Kamau: ...", "10:02 AM Brian: ..."
# with the day or the date before it in an export: "[Tue 1 Jul 09:14]", "[2025-07-01 09:14]", "[Jul 1, 9:14 AM]"
_STAMP = re.compile(r"\[?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?"
                    r"(?:\d{4}-\d{2}-\d{2}[ \tT]+|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+(?:\d{4},?[ \t]+)?"
                    r"|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?,?[ \t]+|\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+)?"
                    r"(\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?)\]?[ \t]+(?=[" + UPPER + "])")
# A speaker's name alone on a line with the time they spoke, their words on the lines below: a chat export's
# "Maya Ferreira  [4:41 PM]", a recorder's "Speaker 2  00:00:13" or "Hollis Grant  0:04"
_SPEAKER_HEAD = re.compile(rf"(?P<name>[{UPPER}][\w.'’-]*(?:[ \t][{UPPER}0-9][\w.'’-]*){{0,3}})"
                           r"(?:[ \t]{2,}|\t|[ \t]*(?=[\[(]))[\[(]?(?P<time>\d{1,2}:\d{2}(?::\d{2})?"
                           r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?)[\])]?[ \t]*$")
# A chat export's reaction line under a message: ":eyes: 3", "👍 1", ":100: 5  :white_check_mark: 1"
_REACTIONS = re.compile(r"(?:(?::[\w+-]+:|[^\w\s:]{1,3})[ \t]*\d*[ \t]*)+")
# A line set off by runs of dashes or equals signs: "--- Tuesday, February 17th ---", "=== Actions ==="
_DECORATED = re.compile(r"([-=~*]{2,})[ \t]+(?P<text>[^-=~*\n][^\n]{0,60}?)[ \t]+\1[ \t]*$")
_CAPS_LINE = re.compile(r"[A-Z][A-Z0-9 &/'-]{2,40}:?[ \t]*$")
# A spoken or written lead-in that names the topic of what follows: "On conflict, I checked ...",
# "And for proof, the pilot report ...", "On the relationship, Mateus walks ..."
_LEAD_IN = re.compile(r"(?:(?:and|so|now|okay|ok|right|then)[,]?[ \t]+)?"
                      r"(?:on|about|regarding|for|as for|as to|in terms of)[ \t]+(?:the[ \t]+)?"
                      r"(?P<label>[A-Za-z][\w -]{2,30}?)[ \t]*[,:][ \t]+", re.I)
# A run-in heading in plain prose: "Why Kittering. They run ...", "Conflict check. I checked ...": a short phrase
# closed by a full stop that opens a paragraph, then the text it heads.
_RUN_IN = re.compile(rf"(?P<label>[{UPPER}][\w'’&/-]*(?:,?[ \t]+[\w'’&/-]+){{0,4}})\.[ \t]+(?=\S)")
_SHORT = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Mt|No|Inc|Ltd|Co|Corp|[A-Z])$")  # "Dr. Okafor", "No. 4"
_NAME_ADDR = re.compile(r"\s*\"?(?P<name>[^\"<>@\n,]+?)\"?\s*<[^>]*>|\s*(?P<bare>[\w.+-]+@[\w.-]+)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", text.lower())).strip()
