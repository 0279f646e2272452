"""The counted object of a figure: the noun after it (adjectives skipped, compounds by their
head), two nouns joined by "oder"/"und" as their common whole, or a known noun before it in the
clause when the figure has none ("Braunschweig rund 15.000 Teilnehmende, Dortmund 30.000")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nkcheck.extract.text import WORD_RE
from nkcheck.model import Quantity
from nkcheck.normalize.objects import ancestors, lexicon

# Words before the counted noun that make the figure a new batch, not the earlier total.
INCREMENT_WORDS = {"weitere", "weiteren", "weiterer", "zusätzliche", "zusätzlichen", "neue", "neuen",
                   "additional", "more", "further", "another", "new"}


@dataclass
class CountedObject:
    object: Optional[str]
    noun: str
    noun_end: int
    unit: str
    increment: bool


class ObjectFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.objects = lexicon(lang)

    def noun_after(self, text: str, q: Quantity, limit: int) -> tuple[str, list[str]]:
        """The counted noun after a number, skipping adjectives; and the words skipped."""
        skipped: list[str] = []
        for m in WORD_RE.finditer(text, q.end, limit):
            w = m.group(0)
            if m.start() == q.end and w.startswith("-"):  # "350-Meter-Bannmeile"
                return w.strip("-").split("-")[0], skipped
            if not w[0].isalnum() and w not in ("%", "€", "$"):
                if w in ("„", "“", '"', "-"):
                    continue
                break
            if w in ("%", "€", "$"):
                return w, skipped
            if self.lang == "de":
                if w[0].isupper():
                    return w, skipped
                skipped.append(w.lower())
                if len(skipped) > 4:
                    break
            else:
                skipped.append(w.lower())
                if self.objects.lookup(w):
                    return w, skipped[:-1]
                if len(skipped) > 3 or w.lower() in ("of", "and", "or", "at", "in", "on"):
                    break
        return "", skipped

    def coordinated(self, text: str, pos: int, limit: int, obj: str) -> str:
        """'150 Tote oder Vermisste': two nouns joined by oder/und count their common whole."""
        m = re.match(r"\s+(?:oder|und|bzw\.|or|and)\s+([\wäöüÄÖÜß-]+)", text[pos:limit])
        if not m:
            return obj
        other = self.objects.lookup(m.group(1))
        if not other or other == obj:
            return obj
        common = [a for a in ancestors(obj) if a in ancestors(other)]
        return common[0] if common else obj

    def noun_before(self, text: str, start: int, clause_start: int) -> str:
        words = [m.group(0) for m in WORD_RE.finditer(text, clause_start, start)]
        for w in reversed(words):
            if w[0].isalnum() and (self.objects.lookup(w) or self.objects.is_generic(w)):
                return w
        return ""

    def find(self, text: str, q: Quantity, clause: tuple[int, int], sent_end: int) -> CountedObject:
        noun, skipped = self.noun_after(text, q, sent_end)
        noun_end = text.find(noun, q.end) + len(noun) if noun else q.end
        obj = self.objects.lookup(noun) if noun else None
        if obj:
            obj = self.coordinated(text, noun_end, sent_end, obj)
        unit = q.unit
        if obj and self.objects.info(obj).get("unit"):
            unit = unit or noun
        if not noun or (obj is None and self.objects.is_generic(noun)):
            before = self.noun_before(text, q.start, clause[0])
            if before:
                obj = self.objects.lookup(before) or obj
                noun = noun or before
        if q.unit == "%":
            obj = "percent"
        increment = any(w in INCREMENT_WORDS for w in skipped)
        return CountedObject(obj, noun, noun_end, unit, increment)


@lru_cache(maxsize=None)
def finder(lang: str) -> ObjectFinder:
    return ObjectFinder(lang)
