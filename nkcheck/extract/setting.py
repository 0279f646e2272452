"""An article's setting: the occasion it reports on.

- place: the dateline's place ("DUISBURG, Germany —", "Valencia (dpa) –"), else the place its
  headline names (two joined by "und"/"and" together: "in der Türkei und Syrien"), else the first
  place its lead names;
- time: when the occasion happened, for occasions that have a day (a rally, a disaster): a time
  expression in the headline or lead in a clause with a rally, casualty or hazard word ("Am
  Samstag demonstrierten ...", "das Erdbeben vom 6. Februar"). A running story (troops sent over
  months) has none;
- hazard: what caused a disaster's toll, the one the headline or the article names most;
- group: who gathered (farmers, students ...), named twice or in the headline;
- days_after: how long after its occasion the article says it was written ("zehn Tage nach dem
  Unwetter", "five days after the storm"): the latest span of that kind it names. An article
  with no publication date is dated by it once its occasion's day is known (``compare.occasions``).

Captions ("Foto: …", "Datum des Fotos …") never set an article.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Callable, Optional

from nkcheck import lang as langdata
from nkcheck.extract.slots.place import NO_PLACE_ROLES, is_place
from nkcheck.extract.text import Sentence
from nkcheck.extract.times import bracketed
from nkcheck.model import Document, Mention, Period, Setting

CAPTION = re.compile(r"\s*[(\[]?(?:\*|_)*(?:Foto|Fotos|Bild|Bilder|Photo|Image|Picture|Credit|Quelle|Source)\s*:|"
                     r"\s*\(?(?:Datum des Fotos|Photo taken|Archivbild|Archivfoto)", re.IGNORECASE)
PLACE_JOINS = ("und", "and", "sowie", "und in", "and in", "oder", "or", "-", "–")  # "in der Türkei und Syrien"
COUNTRY_JOINS = tuple(j for j in PLACE_JOINS if j not in ("oder", "or"))  # countries struck together
DATELINE_EN = re.compile(r"\s*(?P<place>[A-Z][A-Z .'-]{2,40})(?:,\s*[A-Z][\w .'-]{2,40})?\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s")
DATELINE_DE = re.compile(r"\s*(?P<place>[A-ZÄÖÜ][\wäöüß .'-]{1,40}?)\s*(?:\((?:dpa|AFP|AP|Reuters|KNA|epd|dts|APA|sda|afp|rtr)[^)]*\)\s*)[—–-]\s")


ENDINGS = ("", "e", "en", "n", "es", "s", "er", "ern", "ns")


def dateline_span(text: str, body: int) -> Optional[tuple[int, int]]:
    """Where an article's dateline stands ("DUISBURG, Germany —", "Valencia (dpa) –"): where the
    report was filed from, never an actor."""
    m = dateline_match(text, body)
    return m.span() if m else None


def dateline_match(text: str, body: int):
    """The dateline that opens the first paragraph after the headline, if any."""
    i = body
    while i < len(text) and text[i] in "\r\n \t":
        i += 1
    if text.startswith("#", i):
        nl = text.find("\n", i)
        i = nl + 1 if nl >= 0 else len(text)
        while i < len(text) and text[i] in "\r\n \t":
            i += 1
    return DATELINE_EN.match(text, i) or DATELINE_DE.match(text, i)


def is_caption(text: str, sent: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sent.start) + 1
    return bool(CAPTION.match(text, line_start))


# time expressions that name a day (the labels of lang/*/time.yaml patterns)
DAY_LABELS = frozenset({"weekday", "day_month", "numeric_date", "relday"})

class SettingFinder:
    def __init__(self, lang: str):
        from nkcheck.extract.slots.event import finder as event_finder

        self.event_finder = event_finder(lang)
        self.events = self.event_finder.events
        from nkcheck.extract.attribution import finder as attribution_finder
        self.reporting_verbs = attribution_finder(lang).reporting_verbs
        tdata = langdata.load(lang, "time")
        cues = tdata.get("stamp_cues") or []
        self.stamp_re = re.compile(r"(?<![\w])(?:" + "|".join(cues) + r")(?![\w])", re.IGNORECASE) if cues else None
        self.lang = lang
        after = tdata.get("after_occasion")
        self.after_re = re.compile(after, re.IGNORECASE) if after else None
        self.after_units = {str(k).lower(): v for k, v in (tdata.get("after_units") or {}).items()}
        self.disaster_words = {str(w).lower() for w in tdata.get("disaster_words") or ()}
        self.one_words = {str(w).lower() for w in tdata.get("one_words") or ()}
        hz = langdata.load(lang, "events").get("hazards") or {}
        compounds = langdata.load(lang, "events").get("hazard_compounds") or []
        # "fire brigade", "storm warning": a hazard word that modifies the noun after it
        self.compound_re = re.compile(r"\s+(?:" + "|".join(re.escape(str(w)) for w in compounds) + r")(?![\w])",
                                      re.IGNORECASE) if compounds else None
        self.hazard_causes = {h: set(cs) for h, cs in (langdata.shared("events").get("hazard_causes") or {}).items()}
        self.hazard_stems = sorted(((str(w).lower(), h) for h, ws in hz.items() for w in ws), key=lambda x: -len(x[0]))
        # a hazard word, alone or as the head of a compound ("Großbrand")
        self.hazard_re = re.compile(r"[\wäöüÄÖÜß-]*(?:" + "|".join(re.escape(w) for w, _ in self.hazard_stems) + r")[\w-]*",
                                    re.IGNORECASE) if self.hazard_stems else None

    def hazard_of(self, word: str) -> Optional[str]:
        """The hazard a word names: the word itself, inflected ("Fluten", "Erdbebens"), as the
        head of a compound ("Großbrand", "Seebeben"), or as the first part of a hyphenated one
        ("Unwetter-Toten", "Erdbeben-Opfer": the disaster's dead); never as the start of one
        word ("Brandenburger")."""
        w = word.lower().strip("-")
        parts = (w, w.rsplit("-", 1)[-1]) + ((w.split("-", 1)[0],) if "-" in w else ())
        for stem, h in self.hazard_stems:
            for base in parts:
                rest = base[len(stem):] if base.startswith(stem) else None
                if rest is not None and rest in ENDINGS:
                    return h
                if any(base.endswith(stem + e) for e in ENDINGS) and len(stem) >= 4:
                    return h
        return None

    def disaster_of(self, hazard: str, article_hazard: Optional[str]) -> str:
        """The disaster a hazard named by a figure's sentence belongs to: the article's own when
        the article's hazard can set it off (the landslides of a typhoon), else itself."""
        return article_hazard if article_hazard and article_hazard in self.hazard_causes.get(hazard, ()) else hazard

    def hazards_in(self, text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, str]]:
        if self.hazard_re is None:
            return []
        end = len(text) if end is None else end
        out = []
        for m in self.hazard_re.finditer(text, start, end):
            if m.start() > 0 and (text[m.start() - 1].isalpha() or text[m.start() - 1] == "-"):
                continue
            h = self.hazard_of(m.group(0))
            if h and not (self.compound_re is not None and self.compound_re.match(text, m.end())):
                out.append((m.start(), h))
        return out

    def find(self, text: str, document: Document, sents: list[Sentence], mentions: list[Mention],
             times, resolve, head_end: int, lead_end: int, cue_spans, group: Optional[str],
             claims=None, told: Callable[[Mention], bool] = lambda m: False) -> Setting:
        body = document.body_start
        sents = [s for s in sents if not is_caption(text, s)]
        lead_sents = [s for s in sents if s.start < lead_end]
        hazards = Counter(h for _, h in self.hazards_in(text, body))
        head = [h for _, h in self.hazards_in(text, body, head_end)]
        # the hazard the headline names, else the one the lead names as the cause of its news
        # ("41 people had died ... as a result of Typhoon Dalisay"), else one named twice
        lead = [h for _, h in self.hazards_in(text, head_end, lead_end)] if lead_end > head_end else []
        hazard = head[0] if head else lead[0] if len(set(lead)) == 1 else \
            (hazards.most_common(1)[0][0] if hazards and hazards.most_common(1)[0][1] >= 2 else None)
        # a disaster that crosses borders strikes the countries its headline or lead names together,
        # as a subject too ("Erdbeben erschüttern die Türkei und Syrien", "Türkei und Syrien:
        # Opferzahl steigt", "Turkey-Syria earthquakes")
        struck = self._coordinated_countries(text, mentions) if hazard else set()
        places = [m for m in mentions if (is_place(m) or m.start in struck)
                  and m.role not in NO_PLACE_ROLES and not any(a <= m.start < b for a, b in cue_spans) and not told(m)]
        place = self._first_place(text, places, body, head_end) or self._dateline(text, body, mentions) \
            or self._first_place(text, places, head_end, lead_end)
        # the occasion's time: in the headline or lead, in a clause with an occasion word
        period = None
        stamps = [m.end() for m in self.stamp_re.finditer(text, body, lead_end)] if self.stamp_re else []
        for s in lead_sents:
            if period is not None:
                break
            for t in times:
                if not (s.start <= t.start < s.end) or t.label in ("clock", "name"):
                    continue
                if any(0 <= t.start - e <= 3 for e in stamps) or bracketed(text, t):
                    continue  # "(Stand: 7. Februar 2024)", "(January 23, 2024)" date the writing, not the occasion
                clause = s.clause_of(t.start)
                if self._names_occasion(text, t.start, clause) or self._occasion_clause(text, s, clause):
                    p = resolve(t)
                    if p is not None and p.granularity in ("day", "range") and (p.end - p.start).days <= 7:
                        period = p
                        break
        local = any(self.events.info.get(c.event or "", {}).get("local") for c in claims or ())
        if not (hazard or local):
            period = None  # a running story (troops sent over months) has no occasion's day
        elif period is None:
            # no date in the lead: the day the article's occasion figures are dated to most often;
            # a disaster struck on the earliest day its figures or a "since" name ("seit Dienstag
            # vermisst", "no contact since Tuesday": the count runs from the day it struck)
            days = Counter((c.time_start, c.time_end) for c in claims or () if c.time_start and
                           c.time_start == c.time_end and self.events.families.get(
                               self.events.family(c.event) or "", {}).get("occasion"))
            if hazard and not group:
                from nkcheck.normalize.dates import resolver
                dates = resolver(self.lang)
                for t in times:
                    # only a since that names a day ("seit Dienstag", "since February 6"):
                    # "the deadliest since 1973" compares, it dates no occasion
                    if t.start >= body and t.label in DAY_LABELS and dates.opens_since(t):
                        p = resolve(t)
                        if p is not None and p.granularity in ("day", "range"):
                            d0 = p.start.isoformat()
                            days[(d0, d0)] += 1
                if days:
                    (start, end) = min(days)
                    period = Period(date.fromisoformat(start), date.fromisoformat(end), "day")
            elif days:
                (start, end), _ = max(days.items(), key=lambda kv: (kv[1], kv[0]))
                period = Period(date.fromisoformat(start), date.fromisoformat(end), "day")
        return Setting(place=place, time_start=period.start.isoformat() if period else None,
                       time_end=period.end.isoformat() if period else None, hazard=hazard, group=group,
                       days_after=self.days_after(text, body, sents) if hazard or local else None)

    UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}

    def days_after(self, text: str, body: int, sents: list[Sentence]) -> Optional[int]:
        """The latest "N days/weeks/hours after the <hazard or disaster>" the article names
        ("Etwas mehr als drei Wochen nach dem schweren Beben", "five days after the storm",
        "116 hours after the quake"), in whole days; None when it names none."""
        if self.after_re is None:
            return None
        from nkcheck.normalize.numbers import parse_number

        best = None
        for sent in sents:
            for m in self.after_re.finditer(text, max(sent.start, body), sent.end):
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    continue
                word = m.group("n").lower()
                n = 1 if word in self.one_words else (int(word) if word.isdigit() else parse_number(word, self.lang))
                unit = self.UNIT_DAYS.get(self.after_units.get(m.group("unit").lower(), ""))
                if not isinstance(n, (int, float)) or n <= 0 or unit is None:
                    continue
                # the noun it counts from: a hazard or a disaster word within its first three words
                words = re.findall(r"[\wäöüÄÖÜß-]+", text[m.end():min(sent.end, m.end() + 60)])[:3]
                if not any(self.hazard_of(w) or w.lower() in self.disaster_words for w in words):
                    continue
                days = int(n * unit)
                best = days if best is None else max(best, days)
        return best

    def _names_occasion(self, text: str, pos: int, clause: tuple[int, int]) -> bool:
        """A date right after an occasion's noun: "der Kundgebung ... am 19. Januar", "die Beben vom
        6. Februar", "the February 6 earthquakes" (the noun just after)."""
        lex = self.events
        before = text[max(clause[0], pos - 60):pos]
        after = text[pos:min(clause[1], pos + 40)]
        for span in (before, after):
            if self.hazards_in(span):
                return True
            if lex.frame_re is not None and any(lex.families.get(lex.frame_word(m.group(0)), {}).get("occasion")
                                                for m in lex.frame_re.finditer(span)):
                return True
        return False

    def _occasion_clause(self, text: str, sent: Sentence, clause: tuple[int, int]) -> bool:
        """A time expression dates the occasion when its sentence tells the occasion (a rally, a
        toll or a hazard: an event word, a scene word or a hazard word) and its own clause does not
        report a statement ("teilte der NIS am Mittwoch mit" dates the statement)."""
        lex = self.events
        if any(t.lower_ in self.reporting_verbs for t in sent.tokens if clause[0] <= t.idx < clause[1]):
            return False
        for _, ev in self.event_finder.hits(sent, text):
            fam = lex.family(ev)
            if fam and lex.families.get(fam, {}).get("occasion"):
                return True
        if lex.frame_re is not None:
            for m in lex.frame_re.finditer(text, sent.start, sent.end):
                if lex.families.get(lex.frame_word(m.group(0)), {}).get("occasion"):
                    return True
        return bool(self.hazards_in(text, sent.start, sent.end))

    @staticmethod
    def _coordinated_countries(text: str, mentions: list[Mention]) -> set[int]:
        """Where countries are named together ("die Türkei und Syrien", "Turkey-Syria"): their starts."""
        countries = [m for m in mentions if m.type == "country"]
        out: set[int] = set()
        for a, b in zip(countries, countries[1:]):
            if a.entity != b.entity and text[a.end:b.start].strip().lower() in COUNTRY_JOINS:
                out.update((a.start, b.start))
        return out

    @staticmethod
    def _first_place(text: str, places: list[Mention], start: int, end: int) -> Optional[str]:
        inside = [m for m in places if start <= m.start < end]
        if not inside:
            return None
        first = inside[0]
        if len(inside) > 1:  # "in der Türkei und Syrien": the two together
            nxt = inside[1]
            between = text[first.end:nxt.start].strip().lower()
            if between in PLACE_JOINS and nxt.entity != first.entity:
                return "+".join(sorted({first.entity, nxt.entity}))
        return first.entity

    @staticmethod
    def _dateline(text: str, body: int, places: list[Mention]) -> Optional[str]:
        m = dateline_match(text, body)
        if not m:
            return None
        inside = [p for p in places if m.start("place") <= p.start < m.end("place")]
        if inside:
            return inside[0].entity
        # "LEIPZIG, Germany (Reuters) —": a dateline's town in capitals
        from nkcheck.normalize.places import gazetteer
        name = " ".join(w.capitalize() for w in m.group("place").split())
        lang = "en" if m.re is DATELINE_EN else "de"
        found = gazetteer().find(name, lang)
        if found and found[0].start == 0 and found[0].end == len(name):
            country = [p.entity for p in places if m.end("place") <= p.start < m.end() and p.type == "country"]
            cands = [c for c in found[0].candidates if not country or gazetteer().country_of(c) == country[0]]
            return (cands or found[0].candidates)[0]
        return None


@lru_cache(maxsize=None)
def finder(lang: str) -> SettingFinder:
    return SettingFinder(lang)
