"""Which of a story's occasions a figure is about, when the story has several of one kind: "das
zweite Beben der Stärke 7,5", "a second wave of 3,000 troops", "ein zweiter mit 7,6" (ordinal
words from ``lang/<lang>/numbers.yaml``, occasion nouns from the hazards and occasion scene words
of ``lang/<lang>/events.yaml``), and, for a property measured once per occasion (a magnitude),
the order of a list: "Beben der Stärke 7,8 und 7,5" are the first and the second quake's."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.model import Claim, Quantity
from nkcheck.normalize.objects import fixed

LIST_JOIN = re.compile(r"\s*(?:,|und|and|sowie|as well as)\s*(?:eine?[rsm]?\s+|an?\s+)?(?:[\wäöüß-]+\s+){0,2}?$",
                       re.IGNORECASE)


# after an ordinal stem only an inflection: "zweite", "zweiten", "second"; not "zweitstärkste"
ENDING = r"(?:e|er|es|en|em|s)?(?![\w])"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class OrdinalFinder:
    def __init__(self, lang: str):
        self.words = {k.lower(): v for k, v in (langdata.load(lang, "numbers").get("ordinal_words") or {}).items()}
        nouns = langdata.occasion_nouns(lang)
        if not self.words or not nouns:
            self.named = self.elliptic = None
            return
        stems = _alt(self.words)
        # "das zweite Beben", "the second earthquake", "a second, smaller quake"
        self.named = re.compile(rf"(?<![\w])(?P<ord>{stems}){ENDING},?\s+(?:[\wäöüß-]+,?\s+)?(?:{_alt(nouns)})(?:s|n|en|e|es)?(?![\w])",
                                re.IGNORECASE)
        # "ein zweites der Stärke 7,5", "a second of magnitude 7.5": the noun left out before the figure
        self.elliptic = re.compile(rf"(?<![\w])(?P<ord>{stems}){ENDING}\s+(?:(?:mit|von|of|at|measuring)\s+(?:der\s+|einer\s+)?"
                                   r"(?:stärke\s+|magnitude\s+)?|(?:der\s+|einer\s+)?(?:stärke|magnitude)\s+)$", re.IGNORECASE)

    def _value(self, word: str) -> Optional[int]:
        w = word.lower()
        return next((v for stem, v in self.words.items() if w.startswith(stem)), None)

    def find(self, text: str, q: Quantity, clause: tuple[int, int]) -> Optional[int]:
        """The ordinal of the occasion the figure ``q`` is about, from its clause before it."""
        if self.named is None:
            return None
        m = self.elliptic.search(text, max(clause[0], q.start - 40), q.start)
        if m:
            return self._value(m.group("ord"))
        found = list(self.named.finditer(text, clause[0], q.start))
        return self._value(found[-1].group("ord")) if found else None

    @staticmethod
    def listed(claims: list[Claim], text: str) -> None:
        """Figures of a property measured once per occasion, listed in one sentence ("Magnituden
        von 7,8 und 7,6", "magnitude 7.7 and 7.6"), are the first, second ... occasion's."""
        run: list[Claim] = []

        def close() -> None:
            if len(run) >= 2 and all(c.ordinal is None for c in run):
                for k, c in enumerate(run, 1):
                    c.ordinal = k
            run.clear()
        for c in claims:
            if run and c.object == run[-1].object and fixed(c.object) and LIST_JOIN.fullmatch(text[run[-1].end:c.start]):
                run.append(c)
                continue
            close()
            if fixed(c.object):
                run.append(c)
        close()


@lru_cache(maxsize=None)
def finder(lang: str) -> OrdinalFinder:
    return OrdinalFinder(lang)
