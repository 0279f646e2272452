"""Find mentions of known actors and places (``lang/entities.yaml``) and give each a role.

A mention right after a place preposition ("nach Russland", "in Kursk") is a place; a
nationality adjective ("nordkoreanische Soldaten") or a bare name is an actor; a mention
after another preposition ("gegen die Ukraine", "von der Ukraine") is neither.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nkcheck import lang as langdata
from nkcheck.model import Mention

PLACE_PREPS = {"in", "im", "nach", "bei", "beim", "nahe", "vor", "am", "auf", "an",
               "into", "to", "at", "near", "across", "throughout", "durch", "rund um", "um"}
# where people or things come from: "Landwirte aus ganz Bayern" is not where the event is,
# but "Soldaten aus Nordkorea" names who sends them
ORIGIN_PREPS = {"aus", "from"}
OTHER_PREPS = {"gegen", "von", "vom", "mit", "für", "über", "zur", "zum", "zu", "against", "with",
               "for", "by", "of", "on", "seitens", "unter", "zwischen", "between"}
ARTICLES = {"der", "die", "das", "dem", "den", "des", "the", "einer", "eines", "region", "gebiet",
            "stadt", "oblast", "city"}


class EntityFinder:
    def __init__(self):
        data = langdata.shared("entities")
        self.info: dict[str, dict] = data["entities"]
        self.names: dict[str, str] = {}
        self.adjectives: list[tuple[str, str]] = []
        for eid, e in self.info.items():
            for n in e.get("names", []) + e.get("genitive", []):
                self.names[n] = eid
            for a in e.get("adjectives", []):
                self.adjectives.append((a, eid))
        self.name_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            + r")(?![\w])(?!-[A-Za-zÄÖÜäöüß])")
        # adjectives inflect: nordkoreanisch-e/-en/-er/-es; city adjectives are fixed (Hamburger)
        self.adj_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(a) for a, _ in sorted(self.adjectives, key=lambda x: -len(x[0])))
            + r")(e|en|er|es|em|n)?(?![\w])", re.IGNORECASE)
        self.adj_map = {a.lower(): eid for a, eid in self.adjectives}
        self.aggregate = data.get("aggregate_cues", {})

    def parent_chain(self, eid: str) -> list[str]:
        out = [eid]
        while eid in self.info and self.info[eid].get("parent"):
            eid = self.info[eid]["parent"]
            out.append(eid)
        return out

    def _role(self, text: str, start: int, default: str) -> str:
        words = re.findall(r"[\wäöüÄÖÜß]+", text[max(0, start - 40):start].lower())
        while words and words[-1] in ARTICLES:
            words.pop()
        if not words:
            return default
        if words[-1] in PLACE_PREPS:
            return "place"
        if words[-1] in ORIGIN_PREPS or (len(words) > 1 and words[-1] == "ganz" and words[-2] in ORIGIN_PREPS):
            return "actor" if default == "actor" else "origin"
        if words[-1] in OTHER_PREPS:
            return "other"
        return default

    def find(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in self.name_re.finditer(text):
            eid = self.names[m.group(1)]
            typ = self.info[eid]["type"]
            role = self._role(text, m.start(), "actor" if typ in ("country", "org", "person") else "place")
            out.append(Mention(m.start(), m.end(), m.group(0), eid, typ, role))
            taken.append(m.span())
        for m in self.adj_re.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            base = m.group(1).lower()
            eid = self.adj_map.get(base)
            if eid is None:
                continue
            typ = self.info[eid]["type"]
            # "Berliner Polizei", "Hamburger Demonstration": a city adjective names the place
            role = "adj_place" if typ in ("city", "region", "site") else "adj"
            out.append(Mention(m.start(), m.end(), m.group(0), eid, typ, role))
        out.sort(key=lambda x: x.start)
        return out

    def aggregate_cues(self, lang: str) -> list[str]:
        return self.aggregate.get(lang, [])


@lru_cache(maxsize=None)
def finder() -> EntityFinder:
    return EntityFinder()
