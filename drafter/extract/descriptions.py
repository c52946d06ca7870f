"""What a description says about whom: a role and an organisation ("hospitality alliances mgr @ ALT"),
an organisation's kind rather than a person's title ("hotel PMS + hospitality IT integrator"), an
organisation's name used as a label for its people, and the cue file's wordings of how one person
places another ("Dana runs partnerships at Brantley", "Tobias is our AE", "Hamid brought Björn in").
"""

from __future__ import annotations

import re

from drafter.extract.cues import Cues
from drafter.extract.names import LETTER, NAME, ORG, TOKEN, UPPER

_TOKEN = TOKEN

_AT_ORGS: dict[str, re.Pattern[str]] = {}
_ACTS: dict[str, list[re.Pattern[str]]] = {}


def our_role(cues: Cues) -> re.Pattern[str]:
    """"Tobias is our AE for hospitality": one of ours, and their role."""
    key = cues.version + ":ours"
    if key not in _AT_ORGS:
        _AT_ORGS[key] = re.compile(cues.raw["speakers"]["our_role"].replace("{name}", f"(?P<name>{NAME}|{TOKEN})"))
    return _AT_ORGS[key]


def person_acts(cues: Cues) -> list[re.Pattern[str]]:
    """"Hamid brought Björn Lindgren in": a person known by what happens to them, undescribed."""
    if cues.version not in _ACTS:
        _ACTS[cues.version] = [re.compile(p.replace("{name}", f"(?P<name>{NAME})"))
                               for p in cues.raw["speakers"]["person_acts"]]
    return _ACTS[cues.version]


def at_org(cues: Cues) -> re.Pattern[str]:
    """"Dana runs partnerships at Brantley Systems", "Nguyen Thi Lan looks after Marisol at Frostline",
    "Luana is the partner who leads retail at Ipê": a person, what they do (the cue file's `works_at`
    verbs, after a `works_at_who` clause), and where. Past three words between the verb and the place
    ("is the regional account manager for retail at Korriban ...") the words must name a role:
    see `long_role`."""
    if cues.version not in _AT_ORGS:
        verbs = cues.raw["speakers"]["works_at"]
        rel = cues.raw["speakers"].get("works_at_who", "(?!)")  # "Luana is the partner who leads retail at Ipê"
        _AT_ORGS[cues.version] = re.compile(
            rf"(?P<name>\b{_TOKEN}(?:[ \t]{_TOKEN}){{0,2}})[ \t]+(?P<role>(?:{rel}[ \t]+)?{verbs}[ \t]+"
            rf"(?:[\w-]+[ \t]+){{0,6}}?)(?:at|for|with)[ \t]+(?P<org>{_TOKEN}(?:[ \t](?:&[ \t])?{_TOKEN}){{0,3}})")
    return _AT_ORGS[cues.version]


def long_role(m: re.Match[str], cues: Cues) -> bool:
    """Whether an `at_org` match says too much between verb and place to be a role without naming one."""
    verbs, rel = cues.raw["speakers"]["works_at"], cues.raw["speakers"].get("works_at_who", "(?!)")
    filler = re.sub(rf"^(?:{rel}[ \t]+)?{verbs}[ \t]+", "", m.group("role"))
    return len(filler.split()) > 3 and not cues.role_words.search(m.group("role"))


def split_role_org(parts: list[str], cues: Cues) -> tuple[str | None, list[str], bool]:
    """Which comma-separated parts of a description are the role, which may name the organisation
    (resolved later against the organisations the notes mention), and whether it says 'us'."""
    role = None
    orgs: list[str] = []
    ours = False
    # "VP of Claims Operations, MedFirst Health — executive champion": a dash parts a description as a comma does
    parts = [x for part in parts for x in re.split(r"[ \t]+[—–][ \t]+", part)]
    for part in parts:
        part = part.strip()
        if not part:
            continue
        defined = re.fullmatch(rf"[A-Z][A-Za-z&]{{1,5}}[ \t]*=[ \t]*(?P<org>{ORG})", part)
        if defined:  # "Henrik Aasland (SA = Sandvaer Automation, OT practice lead)": where he works
            orgs.append(defined.group("org"))
            continue
        at = re.match(rf"(?P<role>.*?\S)[ \t]+(?:@|at|with)[ \t]+(?P<org>{ORG})$", part)
        works = re.match(rf"{cues.raw['speakers']['works_at']}\b", at.group("role")) if at else None
        if at and role is None and (cues.role_words.search(at.group("role")) or works):
            role = at.group("role")  # "hospitality alliances mgr @ ALT", "runs the clinic partners group at Tallow"
            orgs.append(at.group("org"))
            continue
        if at and role is not None and len(at.group("role").split()) <= 3 and not re.match(
                r"(?i:formerly|former|ex\b|ex-|previously|used to|until)", at.group("role")):
            orgs.append(at.group("org"))  # "partner mgr, retail alliances @ BLS": the team, then where it is
            continue
        if cues.any_of("ours").search(part):
            ours = True
            part = re.sub(r"\(us\)|^\s*(?:us|we|ours?|our side)\s*$", "", part, flags=re.I).strip()
            if not part:
                continue
        words = part.split()
        caps = all(w[:1].isupper() or w in ("&", "and", "of") for w in words)
        has_role = bool(cues.role_words.search(part)) and not _suffix_only(words, cues)
        # after the role, a capitalised part is the organisation even when a word of it could be a
        # role ("Greta Holm | Alliances Manager | Nordvik IT")
        if caps and (not has_role or role is not None) and not re.match(r"(?:Q\d|H\d|FY)", part):
            orgs.append(part)
        elif role is None:
            role = part
    if role:
        # "AWS Partner SA", "partner dev mgr": a leading organisation inside the role
        m = re.match(rf"([{UPPER}](?:{LETTER}|[0-9&]){{1,20}})\s+(.*)", role)
        if m and cues.role_words.search(m.group(2)) and not cues.role_words.fullmatch(m.group(1)):
            orgs.append(m.group(1))
    return role, orgs, ours


def _suffix_only(words: list[str], cues: Cues) -> bool:
    """Whether the only role words of a capitalised part are a company's acronym suffix inside its name
    ("Strzała IT Solutions", "Nordvik IT": an organisation), not a title ("Head of IT", "VP IT")."""
    suffixes = set(cues.raw["text"]["org_suffixes"])
    roles = [k for k, w in enumerate(words) if cues.role_words.fullmatch(w)]
    return bool(roles) and not cues.role_words.search(words[0]) and all(
        k > 0 and words[k] in suffixes and words[k].isupper() and words[k - 1][:1].isupper()
        and words[k - 1] not in ("&", "and", "of") for k in roles)


def is_org_description(text: str, cues: Cues) -> bool:
    """Whether a description ("hotel PMS + hospitality IT integrator, MX + LATAM") says what kind of
    organisation something is, rather than what a person does: its first part ends in an organisation's
    kind and names no person's title."""
    head = re.split(r"[,;]", text)[0].strip()
    last = re.search(r"[\w-]+$", head)
    return bool(last and cues.patterns["org_kinds"].fullmatch(last.group())
                and not cues.patterns["role_nouns"].search(head))


def org_label(label: str, cues: Cues) -> bool:
    """A label that is an organisation's name: capitalised words, none of them a stop word or a role."""
    words = label.split()
    suffixes = set(cues.raw["text"]["org_suffixes"])  # "Brightwater IT", "Nordvik AS"
    return bool(words) and len(words) <= 5 and words[0] not in cues.stop_caps and all(
        re.fullmatch(rf"{_TOKEN}|[A-Z]{{2,}}|&", w) and (w not in cues.stop_caps or w in suffixes) for w in words
    ) and not any(cues.role_words.fullmatch(w) and w not in suffixes for w in words)


def leading_org(lead: str) -> str | None:
    """The organisation a list of people follows: "Corvane brought A (CEO), B (..)" -> Corvane."""
    m = re.search(rf"([{UPPER}][\w&]+(?:[ \t][{UPPER}][\w&]+){{0,3}})[ \t]+(?:brought|sent|had|fielded"
                  r"|was represented by|attended with)\b[^.]*$", lead)
    return m.group(1) if m else None
