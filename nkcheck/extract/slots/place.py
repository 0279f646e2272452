"""Where the counted thing happened.

- a place named in the figure's clause, else in its sentence (the nearest one before the figure,
  else the first after it); two or three places joined by "und"/"and" are the places together
  ("in der Türkei und Syrien": both);
- "aus Syrien wurden 230 Tote gemeldet": where a toll is reported from is where it happened (but
  "Landwirte aus Bayern" is where a crowd came from, and "Soldaten aus Nordkorea" who sent them);
- a country adjective with a word for territory ("das türkische Staatsgebiet", "auf syrischer
  Seite", "the Syrian side") is the country; "<Name>weit" ("spanienweit") is the place as a whole;
- a word that refers back ("in der Region", "dort", "the region", "there") is the last place
  of that kind named before;
- a figure with no place of its own is where its paragraph last said (``inherit``), else where
  its article is set (the builder, from the setting).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import Sentence
from nkcheck.model import Claim, Document, Mention, Quantity

JOIN = re.compile(r"\s*(?:,|und|sowie|and|as well as|und in|and in|sowie in|or|oder)\s*(?:in\s+|im\s+|der\s+|dem\s+)?$",
                  re.IGNORECASE)
WHERE_AFTER = re.compile(r"\s*,\s*(?:wo|where)\b", re.IGNORECASE)
TERRITORY = re.compile(r"\s+(?:Staatsgebiet|Territorium|Seite|Boden|Gebiet|Landesteil|territory|side|soil)\b")
ANAPHORA = {"region": re.compile(r"\b(?:in\s+)?(?:der|dieser|jener|die|the|that)\s+(?:[a-zäöüß-]+\s+){0,4}"
                                 r"(?:Region|region|Provinz|province)\b"),
            "city": re.compile(r"\b(?:in\s+)?(?:dem|diesem|der|dieser|the|that)\s+(?:[a-zäöüß-]+\s+){0,3}"
                               r"(?:Ort|Stadt|Gemeinde|Ortschaft|town|city|village)\b"),
            "any": re.compile(r"(?<![\w])(?:[Dd]ort|[Tt]here)(?![\w])"),
            "country": re.compile(r"(?<![\w])(?:im|in diesem|in dem) Lande?(?![\w])|(?<![\w])in the country(?![\w])")}
WIDE = re.compile(r"(?<![\w-])([A-ZÄÖÜa-zäöü][\wäöüß]+?)-?weit(?![\w])")  # German writes "österreichweit"


def _another_figure(others, q: Quantity, m: Mention, sent: Optional[Sentence] = None) -> bool:
    """Another figure stands between the figure and the place, or, after the figure, in the
    place's own clause when the figure is not ("bei 219: In der Region Valencia wurden 211
    Leichen geborgen"): the place is that one's."""
    lo, hi = (q.end, m.start) if m.start > q.end else (m.end, q.start)
    if any(lo <= o.start < hi for o in others):
        return True
    if sent is None or m.start < q.end:
        return False
    own = sent.clause_of(m.start)
    return not (own[0] <= q.start < own[1]) and any(own[0] <= o.start < own[1] and o is not q for o in others)


IN_WHOLE = re.compile(r"\s*,?\s*(?:in|im|in der|in den|in the)\s+(?:the\s+|der\s+|dem\s+)?", re.IGNORECASE)
FRONT_PREPS = frozenset({"in", "im", "aus", "auf", "bei", "from", "at", "across", "throughout"})


def _fronted(text: str, sent_start: int, m: Mention, q: Quantity, mentions, clause, aggregate_cues) -> bool:
    """A place that opens its sentence is the place of every figure in it, though another figure
    stands between: "Im Gebiet Belgorod sollen 40 getötet und 300 verletzt worden sein", "In
    Cottbus zählten die Veranstalter 5000, die Polizei 3500", "In the region of Belgorod, 40 were
    killed and 300 injured"; not of a figure with a place of its own ("in Köln 20.000") or a
    total over many places ("bundesweit waren es 1,4 Millionen")."""
    words = text[sent_start:m.start].rsplit(":", 1)[-1].split()  # after a label: "Bayern: In München ..."
    if not (1 <= len(words) <= 5 and words[0].lower().lstrip("\"„“'") in FRONT_PREPS) or m.start > q.start:
        return False
    if any(m.end <= x.start < clause[1] and x.type != "country" for x in mentions if x is not m):
        return False
    own = text[clause[0]:clause[1]].lower()
    return not any(c in own for c in aggregate_cues)


POSSESSOR = re.compile(r"(?:[A-ZÄÖÜ][\w.-]*\s+){0,2}[A-ZÄÖÜ][\w.-]*['’]s?\s+$")


def possessor_start(text: str, start: int) -> int:
    """Where a source's name begins with its possessor: "South Korea's intelligence agency",
    "Syria's health ministry" (the cue may name only the agency)."""
    m = POSSESSOR.search(text, max(0, start - 40), start)
    return m.start() if m else start


# roles of a mention that name no figure's place: who it is for or against, where people come
# from, the side a country is on ("auf Seiten Russlands")
NO_PLACE_ROLES = frozenset({"other", "origin", "target", "side"})


def is_place(m: Mention) -> bool:
    return m.role in ("place", "adj_place") or \
        (m.type in ("city", "region", "site") and m.role not in NO_PLACE_ROLES)


class PlaceFinder:
    @staticmethod
    def kind_of_place(place_id: str) -> Optional[str]:
        """country, region, city or area; None for an id the gazetteer does not know."""
        from nkcheck.normalize.places import gazetteer
        try:
            return gazetteer().get(place_id).kind
        except KeyError:
            return None

    def __init__(self, aggregate_cues: list[str], lang: str = "de"):
        self.aggregate_cues = aggregate_cues
        self.lang = lang
        self.relative = {str(w).lower() for w in langdata.load(lang, "events").get("relative_pronouns") or ()}
        both = (langdata.shared("entities").get("place_words") or {}).get("both_countries") or ()
        self._both = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(str(w)) for w in both) + r")(?![\w])",
                                re.IGNORECASE) if both else None

    def names_both(self, text: str, lo: int, hi: int) -> bool:
        """The sentence speaks of "beiden Ländern", "both countries": the two its article is set in."""
        return bool(self._both and self._both.search(text, lo, hi))

    def _placey(self, m: Mention, cue_spans, text: str, origin_ok: bool) -> bool:
        if any(s <= m.start < e for s, e in cue_spans):
            return False
        if origin_ok and (m.role in ("origin", "other") or (m.type == "country" and m.role == "actor")):
            # "Aus Syrien wurden 230 Tote gemeldet", "Syria's death toll": for a toll the country
            # is where it happened (its actor is the hazard)
            return True
        if m.role == "adj" and m.type == "country" and TERRITORY.match(text, m.end):
            return True  # "das türkische Staatsgebiet"
        return is_place(m)

    def _joined(self, text: str, ms: list[Mention], m: Mention) -> str:
        """The place of ``m`` with the places coordinated with it ("der Türkei und Syrien"); but
        "in Hannover und Frankfurt jeweils 35.000" gives each its own figure."""
        if re.search(r"\b(?:jeweils|je|each|respectively|beide|both)\b", text[m.start:m.end + 80]):
            return m.entity
        if WHERE_AFTER.match(text, m.end):
            return m.entity  # "in Linz, Salzburg und Klagenfurt, wo 1.500 kamen": where refers to the last
        group = [m]
        k = ms.index(m)
        for nxt in ms[k + 1:k + 3]:
            if JOIN.fullmatch(text[group[-1].end:nxt.start]) and nxt.type == m.type:
                group.append(nxt)
            else:
                break
        for prv in reversed(ms[max(0, k - 2):k]):
            if JOIN.fullmatch(text[prv.end:group[0].start]) and prv.type == m.type:
                group.insert(0, prv)
            else:
                break
        ids = sorted({g.entity for g in group})
        return "+".join(ids) if len(ids) > 1 else m.entity

    def _anaphor(self, text: str, lo: int, hi: int, mentions: list[Mention], cue_spans,
                 sent_start: Optional[int] = None) -> Optional[str]:
        """"in der Region", "dort": the last place of that kind named before; "im Land", "in the
        country": the country of the last place named before. A region word that opens a name
        ("in der Region Valencia") refers back to nothing, and a nationality ("unter französischer
        Führung", "die Franzosen") is no place to refer back to."""
        from nkcheck.normalize.containment import country

        for kind, rx in ANAPHORA.items():
            m = next((m for m in rx.finditer(text, lo, hi)
                      if not any(x.start <= m.end() and m.start() < x.end for x in mentions)), None)
            if not m:
                continue
            types = {"region": ("region",), "city": ("city", "site"), "any": ("city", "site", "region", "country"),
                     "country": ("city", "site", "region", "country")}[kind]
            before = [x for x in mentions if x.start < m.start() and x.type in types
                      and x.role not in ("target", "adj", "demonym", "side")
                      and not any(s <= x.start < e for s, e in cue_spans)]
            if kind == "country":
                places = [x for x in before if is_place(x)]
                if places:
                    return country(places[-1].entity)
                continue
            # in its own sentence a place refers back whatever its role ("Residents of Paiporta (at
            # least 62 people died there)"); before it, only a place named as one
            near = [x for x in before if x.start >= (lo if sent_start is None else sent_start)]
            before = near or [x for x in before if x.role != "other"]
            if before:
                return before[-1].entity
        return None

    def find(self, mentions: list[Mention], q: Quantity, clause, sent: Sentence, cue_spans,
             text: str = "", origin_ok: bool = False, others=()) -> Optional[str]:
        for level, (lo, hi) in enumerate((clause, (sent.start, sent.end))):
            ms = [m for m in mentions if lo <= m.start < hi and self._placey(m, cue_spans, text, origin_ok)
                  and (level == 0 or m.role != "adj_place")  # "des Karlsruher Instituts" elsewhere in the sentence
                  and (not _another_figure(others, q, m, sent)  # "215 ..., 211 davon in Valencia", "92 in X und 3 in Y"
                       or (level == 1 and _fronted(text, sent.start, m, q, mentions, clause, self.aggregate_cues)))]
            if level == 1 and self.relative:
                # "killed in Syria by the earthquakes, which devastated neighbouring Türkiye, was
                # close to 3,600": a place in a relative clause the figure is not in is not its own
                # A relative clause on the counted noun itself ("Von den 9000 Soldaten, die Minsk in
                # das Gebiet Belgorod geschickt hat, ...") says where the counted are
                embedded = sent.embedded(text, self.relative)
                own = next((c for c in embedded
                            if clause[1] <= c[0] and re.fullmatch(r"[\s\w.-]{0,40}", text[q.end:c[0]])
                            and len(text[q.end:c[0]].split()) <= 2), None)
                inner = [c for c in embedded if not (c[0] <= q.start < c[1]) and c != own]
                ms = [m for m in ms if not any(a <= m.start < b for a, b in inner)]
            if level == 1 and not any(m.start < q.start for m in ms):
                # "217 people died: 213 in the Valencia region, three in Castilla-La Mancha and one
                # in Andalusia": places that each come with a figure of their own, after the
                # figure, are its parts; the figure is their whole's
                parts = [m for m in mentions if q.end <= m.start < hi and m.role != "adj_place"
                         and self._placey(m, cue_spans, text, origin_ok)]
                if len({m.entity for m in parts}) >= 2 and all(_another_figure(others, q, m, sent) for m in parts):
                    return self._whole(sorted({m.entity for m in parts}))
            if ms and level == 0 and text:
                # "20 in Bayern und 10 in Baden-Württemberg": a place right after the figure, with
                # its preposition, is the figure's own, before any named earlier in the clause
                right = [m for m in ms if m.start > q.end and
                         re.fullmatch(r"\s*(?:[\wäöüß]+\s+)?(?:in|im|in der|in the)\s+(?:der\s+|dem\s+|the\s+)?",
                                      text[q.end:m.start], re.IGNORECASE)]
                if right and any(m.start < q.start for m in ms):
                    return self._joined(text, ms, right[0])
            if ms:
                before = [m for m in ms if m.start < q.start]
                if not before and level == 1:
                    after = {m.entity for m in ms if m.start > q.end}
                    if len(after) >= 2:  # "217 died: 213 in Valencia, three in Castilla-La Mancha ...": their whole
                        return self._whole(sorted(after))
                pick = self._specific(text, ms, before[-1] if before else ms[0])
                return self._joined(text, ms, pick) if text else pick.entity
            if text:
                wide = self._wide(text, lo, hi, mentions)
                if wide:
                    return wide
                back = self._anaphor(text, lo, hi, mentions, cue_spans, sent.start)
                if back:
                    return back
        return None

    @staticmethod
    def _specific(text: str, ms: list[Mention], m: Mention) -> Mention:
        """"im südwestrussischen Gebiet Kursk", "der russischen Grenzregion Kursk": of places named
        in one phrase, the one inside the others (a part of a country, "südwestrussisch", holds
        the region its country holds: the region is named, the part only described)."""
        from nkcheck.normalize import containment

        k = ms.index(m)
        outer = m.entity.split("#", 1)[0]  # "RU#southwest" holds what Russia holds

        def inside(x: Mention) -> bool:
            return "#" not in x.entity and bool(outer) and containment.contains(outer, x.entity)
        for nxt in ms[k + 1:k + 2]:
            gap = text[m.end:nxt.start]
            if len(gap.split()) <= 2 and "," not in gap and inside(nxt):
                return nxt
        for prv in ms[max(0, k - 1):k]:
            # "in Isabela province in the northern Philippines", "in Paiporta, in der Provinz Valencia"
            if IN_WHOLE.fullmatch(text[prv.end:m.start]) and prv.entity != m.entity and inside(prv):
                return prv
        return m

    @staticmethod
    def _whole(ids: list[str]) -> Optional[str]:
        """The innermost place that contains all of them."""
        from nkcheck.normalize import containment

        chains = [containment.chain(i) for i in ids]
        for p in chains[0]:
            if all(p in ch for ch in chains[1:]):
                return p
        return None

    def _wide(self, text: str, lo: int, hi: int, mentions: list[Mention]) -> Optional[str]:
        """"Spanienweit", "deutschlandweit": the named country as a whole."""
        from nkcheck.normalize.places import gazetteer

        for m in WIDE.finditer(text, lo, hi):
            name = m.group(1)
            entry = gazetteer().lookup(name[:1].upper() + name[1:], self.lang)
            if entry and entry.ids and "#" not in entry.ids[0] and gazetteer().get(entry.ids[0]).kind == "country":
                return entry.ids[0]
        return None

    @staticmethod
    def nation_of_source(mentions: list[Mention], sent: Sentence, source: Optional[str], text: str,
                         named_sources: list[tuple[int, int]]) -> Optional[str]:
        """The one country named in who is cited in the sentence ("Syria's health ministry said
        1,000 died", "die türkische Katastrophenschutzbehörde meldete 3.000 Tote"): a disaster's
        toll a nation's authority gives is that nation's (the caller asks only for tolls of a
        disaster's article)."""
        at = text.find(source, sent.start, sent.end) if source else -1
        said_by = named_sources + ([(possessor_start(text, at), at + len(source))] if at >= 0 else [])
        nations = {m.entity for m in mentions if sent.start <= m.start < sent.end and m.type == "country"
                   and any(a <= m.start < b for a, b in said_by)}
        return nations.pop() if len(nations) == 1 else None

    def inherit(self, claims: list[Claim], mentions: list[Mention], cue_spans, text: str,
                document: Document, told: Callable[[Mention], bool] = lambda m: False) -> set[str]:
        """A figure with no place in its sentence is where its paragraph last said; the setting
        of the article fills in the rest (the builder). Returns the ids of the claims placed so."""
        # any city named in the paragraph sets the scene ("the Hamburg rally ... There, police
        # said"), except where people come from ("Landwirte aus Bayern") and where a statement
        # was made ("Das teilte die Behörde am Mittwoch in Manila mit.", "she told reporters in Geneva")
        places = [m for m in mentions if m.type in ("city", "region", "site") and m.role not in NO_PLACE_ROLES
                  and not any(s <= m.start < e for s, e in cue_spans) and not told(m)]
        body = document.body_start
        # a paragraph is a line when lines are long (one paragraph per line), else blank-line separated
        lines = text[body:].split("\n")
        sep = "\n" if max((len(x) for x in lines), default=0) > 200 else "\n\n"
        placed: set[str] = set()
        for c in claims:
            if c.place is not None or c.aggregate:
                continue
            para = text.rfind(sep, 0, c.start)
            before = [m for m in places if para < m.start < c.start]
            if before:
                c.place = before[-1].entity
                c.settled.append("place")  # from its paragraph, not its own sentence
                placed.add(c.id)
        return placed

    @staticmethod
    def outside_setting(c: Claim, setting_place: Optional[str]) -> bool:
        """A paragraph's place in none of the countries the article is set in was named for
        comparison or background ("mehr Tote als beim Beben im Osten Japans 2011. Die Zahl der
        Verletzten liegt bei 78.000"): it is no place of the figures after it."""
        from nkcheck.normalize.containment import country

        if not (setting_place and c.place):
            return False
        return not set(country(c.place).split("+")) & set(country(setting_place).split("+"))


def told_places(claims: list[Claim], sents, reporting_verbs):
    """A test whether a place is named in a clause that reports a statement and gives no
    figure ("Das teilte die Behörde am Mittwoch in Manila mit"): where it was said, not where the
    figures after it happened."""
    starts = [st.start for st in sents]
    with_figure = {bisect_right(starts, c.start) - 1 for c in claims}

    def told(m: Mention) -> bool:
        i = bisect_right(starts, m.start) - 1
        if i < 0 or i in with_figure or m.start >= sents[i].end:
            return False
        lo, hi = sents[i].clause_of(m.start)
        return any(lo <= t.idx < hi and t.lower_ in reporting_verbs for t in sents[i].tokens)
    return told


def around(part: str) -> Optional[str]:
    """The place of a whole with one part named ("215 Todesopfer, 211 davon in der Region
    Valencia", "217 dead, 213 of them in Valencia"): it has more than that part, so it is the
    place around it."""
    from nkcheck.normalize.containment import chain

    outer = chain(part)[1:2]
    return outer[0] if outer else None


@lru_cache(maxsize=None)
def finder(lang: str) -> PlaceFinder:
    from nkcheck.extract.entities import finder as entity_finder

    return PlaceFinder([c.lower() for c in entity_finder().aggregate_cues(lang)], lang)
