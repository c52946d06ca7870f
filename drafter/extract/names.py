"""How names are written: the capitalised tokens of people's and organisations' names.

Shared by the readers of people, organisations and speakers, so that "Bahía Azul", "Szymańska" and
"Mei-Lin" read as names everywhere, not only where the letters happen to be ASCII.
"""

from __future__ import annotations

import contextlib

from anyascii import anyascii

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # capitals of names, with the accented Latin ones (Ángel, Łukasz, Šimek)
LETTER = r"[^\W\d_]"
# one capitalised word of a person's name: O'Neil, Mei-Lin, Jae-won; not a possessive (Acme's)
TOKEN = rf"[{UPPER}]{LETTER}*(?:['’](?!s\b){LETTER}+)?(?:-[{UPPER}]?{LETTER}+)?"
PARTICLE = r"(?:de|van|von|da|del|der|le|la|bin|al|di|du|dos)"
# a person's full name: two or three capitalised words, with particles (Pieter van der Berg)
NAME = rf"{TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{TOKEN}){{1,2}}"
# an organisation's name after "at"/"for": capitalised words joined by "&", "of", "and"
ORG = rf"{TOKEN}(?:[ \t]+(?:&[ \t]+|of[ \t]+|and[ \t]+)?(?:{TOKEN}|[A-Z]{{2,}})){{0,4}}"


def folded(word: str) -> str:
    """A word as an e-mail address writes it: lower case, in ASCII ("Wisła" -> "wisla", "Sønderborg" ->
    "sonderborg"), so that a domain can be matched to the organisation's name."""
    return anyascii(word).lower()


def domain_label(domain: str) -> str:
    """The first label of an e-mail domain, folded ("xn--mller-kva.de" and "müller.de" -> "muller")."""
    label = domain.split(".")[0].lower()
    if label.startswith("xn--"):
        with contextlib.suppress(UnicodeError):
            label = label.encode("ascii").decode("idna")
    return folded(label)
