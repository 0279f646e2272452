"""Find mentions of places (from the gazetteer, ``normalize/places.py``), of people and
institutions (``lang/entities.yaml``), and give each a role.

A mention right after a place preposition ("nach Russland", "in Kursk") is a place; a
nationality adjective ("nordkoreanische Soldaten") is an actor's adjective, a demonym
("3000 Nordkoreaner") names people of a country; a bare country name is an actor; a mention
after another preposition ("gegen die Ukraine", "von der Ukraine") is neither. A capital that
stands for its country ("Pjöngjang entsandte") is the country as an actor and the city as a
place. A name that is also a common word ("Essen", "Halle") counts only after a place preposition.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from nkcheck import lang as langdata
from nkcheck.model import Mention
from nkcheck.normalize.places import gazetteer, place_cue

PLACE_PREPS = {"in", "im", "nach", "bei", "beim", "nahe", "vor", "am", "auf", "an", "zum", "zur",
               "into", "to", "at", "near", "across", "throughout", "durch", "rund um", "um", "inside", "outside"}
# where people or things come from: "Landwirte aus ganz Bayern" is not where the event is,
# but "Soldaten aus Nordkorea" names who sends them
ORIGIN_PREPS = {"aus", "from"}
TARGET_PREPS = {"gegen", "against"}
OTHER_PREPS = {"von", "vom", "mit", "für", "über", "zu", "with",
               "for", "by", "of", "on", "seitens", "unter", "zwischen", "between", "seite", "backing", "supporting"}
ARTICLES = {"der", "die", "das", "dem", "den", "des", "the", "einer", "eines", "region", "gebiet",
            "stadt", "oblast", "city", "provinz", "province", "ganz", "ganzen", "gesamten", "nachbarland",
            "nachbarlandes", "land", "staat", "neighbouring", "neighboring"}
# German words for a kind of place, before its name: "die Küstenstadt Valencia", "der Ort Chiva"
# and common nouns that precede a town's name ("Polizei Berlin", "Feuerwehr Krefeld")
PLACE_NOUN_ENDINGS = ("stadt", "dorf", "ort", "gemeinde", "metropole", "region", "provinz", "bezirk", "hafen",
                      "insel", "land", "staat", "kreis", "kommune", "ei", "ung", "heit", "keit", "schaft", "tum",
                      "ion", "tät", "wehr", "amt", "ium", "rat", "tag", "ter", "ner")
# the side a country is on is neither where a figure is nor who acts: "on Russia's side", "an
# der Seite Russlands", "auf Seiten Russlands" (the words before are in OTHER_PREPS)
SIDE_AFTER = re.compile(r"(?:['’]s)?\s+side\b", re.IGNORECASE)
SIDE_BEFORE = {"seite", "seiten", "side"}
PLACE_NOUNS = {"suburb", "city", "town", "village", "province", "region", "district", "area", "state", "county",
               "municipality", "capital", "port", "island", "stadt", "gemeinde", "ort", "provinz", "hauptstadt"}
NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")  # a city adjective before its noun ("Berliner Polizei")
DEMONYM_MIN_POPULATION = 100_000  # a city this large names its inhabitants ("die Hamburger")
KIND_TYPE = {"country": "country", "region": "region", "city": "city", "area": "region"}


class EntityFinder:
    def __init__(self):
        data = langdata.shared("entities")
        self.info: dict[str, dict] = data["entities"]
        self.names: dict[str, str] = {}
        for eid, e in self.info.items():
            for n in e.get("names", []):
                self.names[n] = eid
        self.sites: dict[str, str] = {n: gid for gid, ns in (data.get("sites") or {}).items() for n in ns}
        self.adjectives: dict[str, str] = {a.lower(): gid for gid, ns in (data.get("adjectives") or {}).items()
                                           for a in ns}
        names = list(self.names) + list(self.sites)
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self.name_re = re.compile(r"(?<![\w-])(" + alternation + r")(?![\w])(?!-[A-Za-zÄÖÜäöüß])")
        # an entity's name as the first part of a compound ("Nato-Soldaten", "Pentagon-Sprecher")
        # is no mention of it, but no place of the same spelling either (a town called Nato)
        self.compound_re = re.compile(
            r"(?<![\w-])(?:" + alternation + r")(?=-[A-Za-zÄÖÜäöüß])")
        self.adj_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(self.adjectives, key=len, reverse=True))
            + r")(e|en|er|es|em|n)?(?![\w])", re.IGNORECASE) if self.adjectives else None
        self.city_adj_re = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\wäöüß]+)er(?![\w-])")
        self.aggregate = data.get("aggregate_cues", {})
        words = data.get("place_words") or {}
        self.near = frozenset(words.get("near") or ())
        self.figure_for = frozenset(words.get("figure_for") or ())

    @staticmethod
    def _words_before(text: str, start: int) -> list[str]:
        """The lower-case words before a name, the articles right before it left out."""
        words = re.findall(r"[\wäöüÄÖÜß]+", text[max(0, start - 40):start].lower())
        while words and words[-1] in ARTICLES:
            words.pop()
        return words

    @classmethod
    def from_origin(cls, text: str, start: int) -> bool:
        """A name right after "aus"/"from" (an article between): "Aus Syrien liegt ... vor"."""
        words = cls._words_before(text, start)
        return bool(words) and words[-1] in ORIGIN_PREPS

    def _role(self, text: str, start: int, default: str, end: Optional[int] = None) -> str:
        words = self._words_before(text, start)
        if (end is not None and SIDE_AFTER.match(text, end)) or (words and words[-1] in SIDE_BEFORE):
            return "side"
        if not words:
            return default
        if words[-1] in PLACE_PREPS:
            return "place"
        if words[-1] in ORIGIN_PREPS:
            return "actor" if default == "actor" else "origin"
        if words[-1] in ("of", "von") and len(words) > 1 and (words[-2] in PLACE_NOUNS or words[-2] in self.near):
            return "place"  # "the suburb of Paiporta", "the province of Idlib", "in der Nähe von Kursk"
        if words[-1] in ("für", "for") and (default == "place" or self.figure_for.intersection(words[-4:-1])):
            return "place"  # "Für Ulm nannten die Beamten 8000", "the toll for Greece": the count for a place
        if words[-1] in TARGET_PREPS:
            return "target"  # "der Krieg gegen die Ukraine": what is fought or protested against
        if words[-1] in OTHER_PREPS or (len(words) > 1 and words[-2:] == ["an", "der"]):
            return "other"
        return default

    def find(self, text: str, lang: str = "de", blocked: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """The entities named in a text: organisations, countries, places. ``blocked`` are spans
        that name no place (time expressions: "bis Mitte Januar" is no Berlin district)."""
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in self.name_re.finditer(text):
            name = m.group(1)
            if name in self.sites:
                gid = self.sites[name]
                out.append(Mention(m.start(), m.end(), m.group(0), gid, "site", self._role(text, m.start(), "place", m.end())))
            else:
                eid = self.names[name]
                e = self.info[eid]
                entity = e.get("stands_for") or eid
                typ = "country" if e.get("stands_for") else e["type"]
                out.append(Mention(m.start(), m.end(), m.group(0), entity, typ, self._role(text, m.start(), "actor", m.end())))
            taken.append(m.span())
        taken += [m.span() for m in self.compound_re.finditer(text)]
        gz = gazetteer()
        region_words = gz.region_words(lang)
        compass = gz.direction_words()
        # "der Region" is no name; nor is a compass word alone ("the North Sea", "im Norden")
        found = [pm for pm in gz.find(text, lang) if pm.text not in region_words and pm.text.lower() not in compass
                 and not any(pm.start < e and s < pm.end for s, e in blocked)
                 and not gz.names_water(text, pm.end, lang)  # "the South China Sea"
                 and not self._common_noun_with_article(text, pm, gz, lang)]
        ids = self._prefer_regions(gz, found, gz.resolve(found))
        for pm, pid in zip(found, ids):
            if not pid or any(pm.start < e and s < pm.end for s, e in taken):
                continue
            if pm.ambiguous_word and not place_cue(text, pm, lang):
                continue  # "das Essen", "in der Halle"
            if pm.form == "name" and "#" not in pid and gz.get(pid).kind == "city" and self._in_person_name(text, pm, gz, lang):
                continue  # "Amparo Fort", "Pedro Sánchez": a first or last name, not a town
            if "#" in pid and pid.startswith("gn:") and pid.endswith(("#center", "#centre")):
                pid = pid.split("#", 1)[0]  # "central Heidelberg" is Heidelberg
            kind = KIND_TYPE.get(gz.get(pid).kind if "#" not in pid else "area", "region") if pid[:1] != "#" else "region"
            if pm.form == "adjective":
                role = "adj" if kind == "country" else "adj_place"
                out.append(Mention(pm.start, pm.end, pm.text, pid, kind, role))
            elif pm.form == "demonym":
                out.append(Mention(pm.start, pm.end, pm.text, pid, "country", "demonym"))
            else:
                role = self._role(text, pm.start, "actor" if kind == "country" or pm.metonym_for else "place", pm.end)
                if kind != "country" and _occasion_after(lang).match(text, pm.end):
                    role = "place"  # "the Hamburg rally", "the Valencia floods": where the occasion was
                if pm.metonym_for and role != "place":
                    out.append(Mention(pm.start, pm.end, pm.text, pm.metonym_for, "country", role))
                else:
                    out.append(Mention(pm.start, pm.end, pm.text, pid, kind, role))
            taken.append((pm.start, pm.end))
        if self.adj_re is not None:
            for m in self.adj_re.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                gid = self.adjectives[m.group(1).lower()]
                out.append(Mention(m.start(), m.end(), m.group(0), gid, "region", "adj_place"))
                taken.append(m.span())
        if lang == "de":
            # "Berliner Polizei", "Krefelder Feuerwehr": a city adjective names the place. It
            # stands before a noun, which German capitalises; without one the word is a noun
            # itself: an inhabitant of a city people are named after ("die Hamburger"), else
            # most often a common noun ("die Trauer mit ..." names no town called Trau)
            for m in self.city_adj_re.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                entry = gz.lookup(m.group(1), "de")
                if entry and entry.ids and entry.form == "name" and not entry.flags:
                    pid = entry.ids[0]
                    if "#" not in pid and gz.get(pid).kind == "city" and \
                            (NOUN_AFTER.match(text, m.end()) or gz.get(pid).population >= DEMONYM_MIN_POPULATION):
                        out.append(Mention(m.start(), m.end(), m.group(0), pid, "city", "adj_place"))
                        taken.append(m.span())
        out.sort(key=lambda x: (x.start, x.end))
        return out

    @staticmethod
    def _in_person_name(text: str, pm, gz, lang: str) -> bool:
        """A one-word town name beside a capitalised word that is no place is part of a person's
        name ("Amparo Fort", "Pedro Sánchez"). German capitalises nouns, so there only a word
        before the town counts, and not a word for a kind of place ("die Küstenstadt Valencia")."""
        if " " in pm.text or "-" in pm.text:
            return False
        cap = r"[A-ZÁÉÍÓÚÄÖÜ][\wáéíóúñäöüß'’-]+"
        # a word before that does not open its sentence ("Ministerpräsident Pedro Sánchez")
        before = re.search(rf"[\w,;] ({cap}) $", text[max(0, pm.start - 40):pm.start])
        after = re.match(rf" ({cap})", text[pm.end:pm.end + 40]) if lang == "en" else None
        for m in (before, after):
            if not m:
                continue
            word = m.group(1)
            if gz.lookup(word, lang) or word in gz.region_words(lang):
                continue
            if lang == "de" and word.lower().endswith(PLACE_NOUN_ENDINGS):
                continue
            return True
        return False

    @staticmethod
    def _common_noun_with_article(text: str, pm, gz, lang: str) -> bool:
        """German names no town with an article: "in sieben Provinzen des Landes", "über die
        Landstraße" are common nouns (a region of several words may have one: "in der Comunitat
        Valenciana"; a country may too: "die Türkei"). Left out before places are resolved, so
        that no such word pulls another place's reading towards it."""
        if lang != "de" or pm.form != "name" or not pm.candidates:
            return False
        kinds = {gz.get(c).kind if "#" not in c else "area" for c in pm.candidates}
        if "country" in kinds or (" " in pm.text and kinds != {"city"}):
            return False
        return re.search(r"(?:^|\s)(?:der|die|das|des|dem|den|eines|einer|einem)\s+$",
                         text[max(0, pm.start - 8):pm.start]) is not None

    @staticmethod
    def _prefer_regions(gz, found, ids: list[str]) -> list[str]:
        """A name that is a city and the region around it ("Valencia") is the region when the text
        names other places in that region: a flood "in Valencia" with Paiporta and Chiva is the
        region's."""
        out = list(ids)
        chosen = [gz.chain(i) if i and "#" not in i else (i,) for i in ids]
        for k, (pm, pid) in enumerate(zip(found, ids)):
            if not pid or "#" in pid or gz.get(pid).kind != "city":
                continue
            regions = [c for c in pm.candidates if c != pid and "#" not in c and gz.get(c).kind == "region"
                       and pid in gz.chain(pid) and c in gz.chain(pid)]
            for region in regions:
                others = [j for j, ch in enumerate(chosen) if j != k and ids[j] not in (pid, region) and region in ch]
                if others:
                    out[k] = region
                    break
        return out

    def aggregate_cues(self, lang: str) -> list[str]:
        return self.aggregate.get(lang, [])


@lru_cache(maxsize=None)
def _occasion_after(lang: str) -> "re.Pattern[str]":
    """A noun of an occasion (a rally, a flood) right after a place's name: the occasion's place."""
    words = langdata.occasion_nouns(lang)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"[ -](?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def finder() -> EntityFinder:
    return EntityFinder()
