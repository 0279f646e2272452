"""Map a counted noun ("Soldaten", "Artillerie-Geschosse", "Bauarbeitern") to an object class.

Compounds find their head by the longest known ending; plural and case endings and umlaut
plurals ("Kräfte" -> kraft) are undone first. Nouns come from ``lang/<lang>/objects.yaml``.
"""
from __future__ import annotations

import re

from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata

ENDINGS = ("", "n", "en", "nen", "e", "er", "ern", "s", "es", "innen", "in")
UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


class ObjectLexicon:
    def __init__(self, lang: str):
        d = langdata.load(lang, "objects")
        self.lang = lang
        self.stems: dict[str, str] = {}
        for obj, stems in d["nouns"].items():
            for s in stems:
                self.stems[str(s).lower()] = obj
        self.modifiers = {str(m).lower(): obj for obj, ms in d.get("modifiers", {}).items() for m in ms}
        self.generic = {str(w).lower() for w in d.get("generic_count_nouns", [])}
        self.taxonomy = langdata.shared("objects")["objects"]
        self.units = {str(k).lower(): (v["object"], v["unit"]) for k, v in (d.get("units") or {}).items()}
        self.money_pronouns = {str(w).lower() for w in d.get("money_pronouns") or []}
        self.money_stems = {str(w).lower(): obj for obj, ws in (d.get("money_kinds") or {}).items() for w in ws}
        self.measure_before = {str(k).lower(): v for k, v in (d.get("measure_before") or {}).items()}
        self.member_nouns = {str(w).lower() for w in d.get("member_nouns") or []}
        self.increment_after = {str(w).lower() for w in d.get("increment_after") or []}
        self.density_after = sorted((str(w).lower() for w in d.get("density_after") or []), key=len, reverse=True)
        self.increment_before = {str(w).lower() for w in d.get("increment_before") or []}
        self.increment_skip = {str(w).lower() for w in d.get("increment_skip") or []}
        self.stop_words = {str(w).lower() for w in d.get("stop_words") or []}
        self.rates = sorted(((str(p).lower(), u) for u, ps in (d.get("rates") or {}).items() for p in ps),
                            key=lambda x: -len(x[0]))
        self.partitive = sorted((str(p).lower() for p in d.get("partitive") or []), key=len, reverse=True)
        self.partitive_group = sorted((str(p).lower() for p in d.get("partitive_group") or []), key=len, reverse=True)
        # "davon zwölf schwer", "vier von ihnen in Lebensgefahr", "four of them seriously": words
        # after a figure that name which part of what it counts
        self.subsets = sorted(((str(p).lower(), o) for o, ps in (d.get("subsets") or {}).items() for p in ps),
                              key=lambda x: -len(x[0]))

    def _candidates(self, word: str) -> list[str]:
        w = word.lower().replace("-", "").replace("\u00ad", "")
        out = []
        for e in ENDINGS:
            if e and not w.endswith(e):
                continue
            base = w[: len(w) - len(e)] if e else w
            if base:
                out += [base, base.translate(UMLAUT)]
        return out

    def lookup(self, noun: str) -> Optional[str]:
        """The object class of a noun, or None when the noun is not a known counted thing."""
        if not noun:
            return None
        cands = self._candidates(noun)
        best, best_len = None, 0
        for c in cands:
            if c in self.stems and len(c) > best_len:
                best, best_len = self.stems[c], len(c)
                continue
            for i in range(1, len(c)):
                tail = c[i:]
                if len(tail) <= best_len or len(tail) < 4:
                    break
                if tail in self.stems:
                    best, best_len = self.stems[tail], len(tail)
                    break
        if best is not None and "-" in noun and self.modifiers:
            head_mod = noun.split("-")[0].lower()
            if head_mod in self.modifiers and self.taxonomy.get(best, {}).get("role") == "person":
                return self.modifiers[head_mod]
        return best

    def money_kind(self, noun: str) -> Optional[str]:
        """What money a noun says it is: damage, aid, cost ("Sachschaden", "Soforthilfe")."""
        for c in self._candidates(noun):
            if c in self.money_stems:
                return self.money_stems[c]
            for i in range(1, len(c) - 3):
                if c[i:] in self.money_stems:
                    return self.money_stems[c[i:]]
        return None

    def partitive_around(self, before: str, after: str) -> bool:
        """Whether a figure is a part of the one before it by a partitive: right before it, a
        hedge word between allowed ("davon rund 1500", "darunter 600 Tote", "of them some 500"),
        or right after it ("211 davon", "vier von ihnen"); after a comma the partitive opens the
        next figure's phrase ("auf etwa 4.700, davon rund 600 Tote": 4.700 is the whole)."""
        b = " " + " ".join(re.findall(r"[\wäöüß]+", before.lower()))
        a = " ".join(re.findall(r"[\wäöüß]+", re.split(r"[,;:(–]", after, maxsplit=1)[0].lower())) + " "
        return any(b.endswith(" " + p) or re.search(rf"\s{re.escape(p)}\s+\w+$", b) for p in self.partitive) or \
            any(a.startswith(p + " ") for p in self.partitive)

    def group_after(self, words: str) -> bool:
        """Whether the words after a figure name the group it is part of: "der Verletzten",
        "of the injured" (a partitive_group word, then a known counted noun)."""
        low = " ".join(re.findall(r"[\wäöüß]+", words.lower()))
        for p in self.partitive_group:
            if low.startswith(p + " "):
                return self.lookup(low[len(p) + 1:].split(" ", 1)[0]) is not None
        return False

    def subset(self, words: str, obj: Optional[str]) -> Optional[str]:
        """The narrower measure that words after a figure name, when it is a part of ``obj``:
        "zwölf schwer" of the injured are the seriously injured, "vier in Lebensgefahr" the
        critically injured; the same words after another measure ("schwer beschädigt") say nothing."""
        if not obj:
            return None
        low = " " + " ".join(re.findall(r"[\wäöüß-]+", words.lower())) + " "
        for phrase, sub in self.subsets:
            if f" {phrase} " in low and obj in ancestors(sub):
                return sub
        return None

    def is_generic(self, noun: str) -> bool:
        return any(c in self.generic for c in self._candidates(noun))

    def info(self, obj: Optional[str]) -> dict:
        return self.taxonomy.get(obj or "", {})


@lru_cache(maxsize=None)
def lexicon(lang: str) -> ObjectLexicon:
    return ObjectLexicon(lang)


@lru_cache(maxsize=None)
def taxonomy() -> dict:
    """The language-independent object taxonomy (``lang/objects.yaml``)."""
    return langdata.shared("objects")["objects"]


@lru_cache(maxsize=None)
def fixed(obj: Optional[str]) -> bool:
    """A property of one occasion, measured once (a quake's magnitude): it does not run."""
    return bool(taxonomy().get(obj or "", {}).get("fixed"))


def kind_of(obj: Optional[str]) -> Optional[str]:
    """What sort of thing an object is (person, vehicle, money, measure, incident, household,
    place, thing): the events that can happen to it depend on it."""
    if obj is None:
        return None
    info = taxonomy().get(obj, {})
    if info.get("role") == "person":
        return "person"
    if info.get("unit") == "currency":
        return "money"
    if info.get("unit"):
        return "measure"
    if info.get("kind"):
        return info["kind"]
    if obj == "vehicles" or "vehicles" in ancestors(obj):
        return "vehicle"
    return "thing"


@lru_cache(maxsize=None)
def ancestors(obj: str) -> tuple[str, ...]:
    """All broader objects of an object (killed -> killed_or_wounded, dead_or_missing)."""
    out: list[str] = []
    todo = list(taxonomy().get(obj, {}).get("broader", []))
    while todo:
        o = todo.pop(0)
        if o not in out:
            out.append(o)
            todo += taxonomy().get(o, {}).get("broader", [])
    return tuple(out)
