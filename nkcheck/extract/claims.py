"""Assemble claims from an annotated Doc: for every quantity, ask the slot finders
(``extract/slots/``) what is counted, what happened, who did it, where, when, and who says so,
then run the article-level passes that need more than one figure (a partitive takes what its
antecedent counts, a figure in a list takes its neighbour's noun, a verbless headline takes the
event of the same figure in the body), the places of paragraphs, stamps and crowds.

Everything works on character offsets and the Doc attributes the components set; the language
knowledge comes from the data files, through the slot finders.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from nkcheck.extract.entities import EntityFinder, finder as entity_finder
from nkcheck.extract.setting import dateline_span, finder as setting_finder
from nkcheck.extract.slots import actor as actor_slot
from nkcheck.extract.slots import event as event_slot
from nkcheck.extract.slots import object as object_slot
from nkcheck.extract.slots import ordinal as ordinal_slot
from nkcheck.extract.slots import place as place_slot
from nkcheck.extract.slots import source as source_slot
from nkcheck.extract.slots import time as time_slot
from nkcheck.extract.text import WORD_RE, sentences_of
from nkcheck.model import Claim, Document, Mention
from nkcheck.normalize.objects import ancestors, kind_of, lexicon

HAZARD_WORD = re.compile(r"[\w-]+")  # the word a hazard match starts

SUBSET_SPAN = re.compile(r"[,;:.!?]")  # the words after a figure that can name which part of a measure it is
# between two figures of one list: the first one's noun, then a comma or a conjunction
LISTED = re.compile(r"\s+[\wäöüÄÖÜß-]+\s*(?:,|\bund\b|\bsowie\b|\band\b|\bas well as\b)\s*(?:(?:rund|etwa|about|some)\s+)?",
                    re.IGNORECASE)


class ClaimBuilder:
    def __init__(self, lang: str):
        self.lang = lang
        self.objects = lexicon(lang)
        self.object_finder = object_slot.finder(lang)
        self.event_finder = event_slot.finder(lang)
        self.events = self.event_finder.events
        self.actor_finder = actor_slot.finder(lang)
        self.place_finder = place_slot.finder(lang)
        self.time_finder = time_slot.finder(lang)
        self.ordinal_finder = ordinal_slot.finder(lang)
        self.dates = self.time_finder.dates
        self.aggregate_cues = [c.lower() for c in entity_finder().aggregate_cues(lang)]
        self.setting_finder = setting_finder(lang)
        self.reporting_verbs = self.setting_finder.reporting_verbs

    def _modality(self, ev: Optional[str], modality: str) -> tuple[Optional[str], str]:
        """The event in its modality; a capacity where the family has none is a forecast."""
        if ev is None or modality == "actual":
            return ev, modality
        if modality == "capacity":
            cap = self.events.variant(ev, "capacity")
            if self.events.info.get(cap, {}).get("modality") == "capacity":
                return cap, "capacity"
            modality = "intended"
        return self.events.variant(ev, "intended"), modality

    def _said_when(self, times, sent, text, q, ev, base) -> Optional[tuple]:
        """(time expression, ISO date) of when a figure was stated, where its sentence says so;
        a day or a month not after the article's date. In an article with no date, a weekday
        comes with no ISO date: its figures' disaster may date it (``compare.occasions``)."""
        hits: list = []  # the sentence's event words, found only when a date may date a statement

        def event_at(lo: int, hi: int) -> list:
            if not hits:
                hits.append(self.event_finder.hits(sent, text))
            return [(pos, e) for pos, e in hits[0] if lo <= pos < hi]
        unresolved = None
        for t in self.time_finder.spoken(times, sent, q, self.reporting_verbs, event_at, ev):
            p = self.dates.resolve(t, base)
            if p is None and base is None and t.label == "weekday":
                unresolved = unresolved or (t, None)  # "sagte am Montag" in an undated article
            if p is None or p.granularity not in ("day", "month") or (base is not None and p.start > base.end):
                continue
            return t, (p.start.isoformat() if p.granularity == "day" else p.start.isoformat()[:7])
        return unresolved

    def build(self, doc: Doc, document: Document) -> list[Claim]:
        text = doc.text
        self._text = text
        sents = sentences_of(doc)
        starts = [s.start for s in sents]
        mentions: list[Mention] = doc._.nk_mentions or []
        dl = dateline_span(text, document.body_start)
        if dl:  # "DUISBURG, Germany —": where the report was filed from is no actor of its figures
            mentions = [replace(m, role="dateline") if dl[0] <= m.start < dl[1] else m for m in mentions]
        self._mentions = mentions
        demonyms = {m.start: m for m in mentions if m.role == "demonym"}
        # the words that are names (places, people, countries) or part of a time expression
        # ("in der Vorwoche") are never a counted noun
        names = {m.start for m in mentions if m.role not in ("demonym", "adj")}
        for t in doc._.nk_times or []:
            names.update(t.start + w.start() for w in WORD_RE.finditer(t.text))
        cues = doc._.nk_cues or []
        # nor is who is cited: "Die Polizei sprach von 800 Evakuierten, die Stadt von 2.000"
        # counts evacuees twice, not towns
        for c in cues:
            names.update(c.src_start + w.start() for w in WORD_RE.finditer(text[c.src_start:c.src_end]))
        names = frozenset(names)
        # spans that hold who is cited; "Nordkorea sagte ... zu" opens with its actor, so a
        # cue that starts with the source itself only blocks the words after the name
        cue_spans = [(c.src_end, c.end) if c.start == c.src_start else (c.start, c.end) for c in cues]
        # a place named inside who is cited is the source's ("South Korea's intelligence service
        # said", "die Syrische Beobachtungsstelle"), never the figure's
        named_sources = [(place_slot.possessor_start(text, c.src_start), c.src_end) for c in cues]
        source_spans = cue_spans + named_sources
        disaster = bool(self.setting_finder.hazards_in(text, document.body_start))
        # who is only cited ("laut Seoul", "according to the ministry") is no fallback actor
        self._cited = [(c.start, c.end) for c in cues if c.start != c.src_start]
        times = [t for t in (doc._.nk_times or []) if t.label not in ("name",)]
        base = document.published
        sources = source_slot.SourceFinder(self.lang, cues, text, self.event_finder.hearsay, mentions,
                                           frozenset(self.events.months))
        # what each figure counts comes first: the article's frame is voted by its event words and
        # by the events its counted things imply, and the frame decides what a weak word means
        located = []
        quantities = doc._.nk_quantities or []
        for q in quantities:
            si = bisect_right(starts, q.start) - 1
            if si < 0:
                continue
            sent = sents[si]
            clause = sent.clause_of(q.start)
            located.append((q, si, sent, clause, self.object_finder.find(text, q, clause, sent.end, demonyms, names)))
        frame = self.event_finder.frame(sents, text, [loc[4].object for loc in located])
        claims: list[Claim] = []
        partitive: set[str] = set()
        self._where: dict[str, tuple] = {}  # claim id -> (quantity, sentence, clause): to pick events again
        seats: list[tuple[int, int]] = []  # places named as a source's seat: no figure's, no article's
        recent: set[str] = set()  # figures of the days or weeks just past ("last week")
        self._owned: set[str] = set()  # claims whose actor is the counted people's own nationality
        for q, si, sent, clause, counted in located:
            ev = self.event_finder.find(sent, q, clause, text, counted.object, frame)
            ev, modality = self._modality(ev, self.event_finder.modality(text, clause, sent))
            texpr = self.time_finder.expression(times, q, clause, sent, text)
            period = self.dates.resolve(texpr, base, modality != "actual") if texpr else None
            fam_info = self.events.families.get(self.events.family(ev) or "", {})
            said = self._said_when(times, sent, text, q, ev, base) if modality == "actual" else None
            if said is not None and texpr is not None and said[0] is texpr:
                if self.events.info.get(ev or "", {}).get("local"):
                    said = None  # "Police said 15,000 were protesting on Saturday": the rally's day
                else:
                    # "Am 9. Januar hatte X von 4000 Verlusten gesprochen", "Am Dienstag meldeten
                    # die Behörden 95 Tote": when it was said; a toll's occasion is its disaster's.
                    # Another time in the clause is the figure's own ("said on Friday that 900
                    # were killed in the past week")
                    texpr = self.time_finder.expression([t for t in times if t is not said[0]], q, clause, sent, text)
                    period = self.dates.resolve(texpr, base, modality != "actual") if texpr else None
            stood = None  # "bis heute 3800 Tote", "by mid-January 1,000 had died": the total as it stood then
            if said is None and period is not None and modality == "actual" and self.dates.closes_until(texpr, text):
                stood = time_slot.stood(period, base)
                if stood is not None and not self.events.info.get(ev or "", {}).get("local"):
                    period, texpr = None, None  # a crowd "bis zum Abend" keeps its day; a total has no day of its own
            # "aus Syrien wurden 230 Tote gemeldet": for a disaster's toll, where it is reported from
            # (a toll counted by a verb of its own: "Aus Syrien liegt eine Zahl von 5900 Toten vor")
            # (in a disaster's article: in a war's, "South Korea's intelligence" is who counts)
            counted_toll = (ev is None or self.events.counting(ev)) and \
                self.objects.info(counted.object).get("kind") == "casualty"  # "bezifferte die Zahl der Toten"
            origin_ok = (bool(fam_info.get("hazard_actor")) and fam_info.get("origin", "place") == "place" and disaster) or \
                (counted_toll and any(clause[0] <= m.start < clause[1] and EntityFinder.from_origin(text, m.start)
                                      for m in mentions))
            place = self.place_finder.find(mentions, q, clause, sent, source_spans, text, origin_ok, quantities)
            owned = counted.demonym or self.actor_finder.own(mentions, q, counted.noun_end, clause, cue_spans, text)
            actor = owned or self.actor_finder.find(mentions, clause, sent, q, cue_spans)
            source, source_kind = sources.find(si, sent, q, clause, actor)
            cited = _orgs_named(mentions, sent, source) if source else []
            self._cited += [(m.start, m.end) for m in cited]
            if actor and not owned and any(m.entity == actor for m in cited):
                # "NIS: 600 North Koreans killed, 4,700 injured", "According to the UK Ministry of
                # Defence, 4,000 have died": an agency that gives a figure is not what it counts
                actor = None
            if source and place:
                # "der Generalstab in Seoul erklärte, ...", "Seoul said ...": the source's seat, or
                # a capital speaking for its government, is not the figure's place
                seat = [m for m in mentions if sent.start <= m.start < sent.end and m.entity == place and
                        (source.endswith(" in " + m.text) or source == m.text)]
                if seat:
                    seats += [(m.start, m.end) for m in seat]
                    place = self.place_finder.find(mentions, q, clause, sent, source_spans + seats, text, origin_ok,
                                                   quantities)
            if place is None and disaster and (fam_info.get("hazard_actor") or counted_toll):
                place = self.place_finder.nation_of_source(mentions, sent, source, text, named_sources)
            agg_span = text[sent.start:sent.end].lower()
            aggregate = any(c in agg_span for c in self.aggregate_cues)
            claim = Claim(
                id=f"{document.id}:{q.start}-{q.end}", doc=document.id, start=q.start, end=q.end,
                text=q.text, low=q.low, high=q.high, approx=q.approx, bound=q.bound,
                object=counted.object, event=ev, actor=actor, place=place,
                time_start=period.start.isoformat() if period else None,
                time_end=period.end.isoformat() if period else None,
                source=source, sentence=" ".join(text[sent.start:sent.end].split()),
                hedge=q.hedge, unit=counted.unit, source_kind=source_kind,
                time_text=texpr.text if texpr else "", aggregate=aggregate, increment=counted.increment,
                modality=modality, line=document.line_of(q.start), noun=counted.noun)
            claim.speaker = sources.speaker(source)
            claim.ordinal = self.ordinal_finder.find(text, q, clause)
            if owned:
                self._owned.add(claim.id)
            if said is not None and said[1] is not None:
                claim.as_of, claim.as_of_source = said[1], "statement"
            elif said is not None:
                claim.said_text = said[0].text
            elif stood is not None:
                claim.as_of, claim.as_of_source = stood, "statement"
            if texpr is not None and self.dates.recent_stretch(texpr):
                recent.add(claim.id)
            if claim.id in recent and modality == "actual" and \
                    self.events.info.get(ev or "", {}).get("cumulative") and not self.events.info.get(ev or "", {}).get("local"):
                # "600 soldiers arrived over the past two weeks", "in der vergangenen Woche wurden
                # 1.000 getötet": what a running count grew by in that stretch, not its total
                claim.increment = True
            if counted.partitive:
                partitive.add(claim.id)
            claims.append(claim)
            self._where[claim.id] = (q, sent, clause)
        self._frame = frame
        self._refine(claims, starts, text, mentions, partitive, document)
        for c in claims:
            if c.id in recent and self.events.info.get(c.event or "", {}).get("local"):
                # "Last week, police counted 28,000": a crowd of an earlier occasion than the
                # article's (an undated article cannot even say which days those were)
                c.phase = "earlier"
        self.ordinal_finder.listed(claims, text)
        # where a statement was made ("teilte ... in Manila mit"): neither a paragraph's place nor the setting's
        told = place_slot.told_places(claims, sents, self.reporting_verbs)
        self._inherited = self.place_finder.inherit(claims, mentions, cue_spans + seats, text, document, told)
        self.time_finder.stamp(claims, text, doc._.nk_times or [], document, sents, starts)
        group = self.actor_finder.crowd_groups(claims, text, document, sents, starts,
                                               lambda ev: bool(self.events.info.get(ev or "", {}).get("local")))
        head_end = _headline_end(text, document)
        document.setting = self.setting_finder.find(
            text, document, sents, mentions, times, lambda t: self.dates.resolve(t, base), head_end,
            _lead_end(text, head_end), cue_spans + seats, group, claims, told)
        self._settle(claims, document, text, sents, starts)
        return claims

    def _main_country(self, document: Document) -> Optional[str]:
        """The country the article's places lie in most often."""
        from collections import Counter
        from nkcheck.normalize.containment import country
        counts = Counter(country(m.entity) for m in self._mentions if m.type in ("city", "region", "country")
                         and m.role not in place_slot.NO_PLACE_ROLES)
        counts.pop(None, None)
        return max(sorted(counts), key=lambda k: counts[k]) if counts else None

    def _settle(self, claims: list[Claim], document: Document, text: str, sents, starts) -> None:
        """Slots no sentence gives come from the article's setting, and say so (``settled``): its
        place, the day of its occasion (for events that have one), its hazard as the actor of a
        toll; a crowd no word names is "protesters". ``as_of`` is the stamp or, else, the
        publication date."""
        lex = self.events
        st = document.setting
        pub = document.published_iso()
        from nkcheck.normalize.containment import country
        nation = country(st.place) if st.place else self._main_country(document)
        for c in claims:
            fam = lex.family(c.event)
            finfo = lex.families.get(fam or "", {})
            if c.id in self._inherited and self.place_finder.outside_setting(c, st.place):
                c.place = None
                c.settled.remove("place")
            where = self._where.get(c.id)
            if where and (c.place is None or c.id in self._inherited) and st.place and "+" in (country(st.place) or "") \
                    and self.place_finder.names_both(text, where[1].start, where[1].end):
                c.place = country(st.place)  # "In beiden Ländern wurden über 50.000 Tote registriert"
                if "place" in c.settled:
                    c.settled.remove("place")
            if c.place is None and c.aggregate and nation:
                c.place = nation  # "bundesweit", "in vielen Städten": the country's total
                c.settled.append("place")
            # a crowd's or a disaster's figure with no place is where its article is set; a running
            # war story's figure is not placed by its article's headline
            if c.place is None and not c.aggregate and st.place and \
                    (lex.info.get(c.event or "", {}).get("local") or st.hazard):
                c.place = st.place
                if finfo.get("hazard_actor") and re.fullmatch(r"[A-Z]{2}#[a-z]+", st.place):
                    # "nach dem Unwetter im Osten Spaniens": where the disaster struck, told of its
                    # country; a toll no sentence places is the country's (a sentence's "im Osten"
                    # stays its own)
                    c.place = st.place.split("#", 1)[0]
                c.settled.append("place")
            if c.place is None and not c.aggregate and st.place and finfo.get("origin") == "actor" \
                    and c.actor and country(st.place) and c.actor != country(st.place) \
                    and self.place_finder.kind_of_place(st.place) in ("country", "region", "area"):
                # troops or arms of one country with no place of their own, in an article set in
                # another country or region: they are there ("Frankreich verstärkt seine Truppen
                # in Rumänien ... Die ersten 1.200 Soldaten kamen im November an"); a city setting
                # is mostly a dateline (Seoul, Tokio), where the news was told, not where they are
                c.place = country(st.place)
                c.settled.append("place")
            if c.time_start is None and st.time_start and finfo.get("occasion"):
                c.time_start, c.time_end = st.time_start, st.time_end
                c.settled.append("time")
            if finfo.get("hazard_actor") and c.id not in self._owned:
                # a toll whose people have no nationality of their own ("Erdbeben in der Türkei und
                # Syrien haben 300 Menschenleben gefordert"): the hazard that caused it; the
                # country named is where it happened
                si = bisect_right(starts, c.start) - 1
                # a general word for a disaster ("nach dem Unglück", "the disaster") is the
                # article's own, not another hazard
                own = [h for pos, h in self.setting_finder.hazards_in(text, sents[si].start, sents[si].end)
                       if HAZARD_WORD.match(text, pos).group(0).lower() not in self.setting_finder.disaster_words] \
                    if si >= 0 else []
                if own or st.hazard:
                    c.actor = self.setting_finder.disaster_of(own[0], st.hazard) if own else st.hazard
                    if not own:
                        c.settled.append("actor")
            if c.actor is None and finfo.get("default_actor"):
                c.actor = finfo["default_actor"]
            if c.actor is None:
                c.actor = self.actor_finder.recent(self._mentions, c.start, self._cited)  # the last country named
            if c.as_of:
                c.as_of_source = c.as_of_source or "stamp"
            elif pub:
                c.as_of, c.as_of_source = pub, "published"

    def _noun_before(self, text: str, lo: int, hi: int) -> Optional[tuple[str, int]]:
        """The counted people the words before a figure last name in its sentence (a noun the
        lexicon knows as people, not a generic one) and where: the antecedent of an elliptic
        figure."""
        for m in reversed(list(WORD_RE.finditer(text, lo, hi))):
            obj = self.objects.lookup(m.group(0))
            if obj is not None and not self.objects.is_generic(m.group(0)) and \
                    self.objects.taxonomy.get(obj, {}).get("role") == "person":
                after = " ".join(text[m.end():m.end() + 30].lower().split())
                if any(after.startswith(d) for d in self.objects.density_after):
                    return None  # "three people per square metre": a density, no antecedent
                return obj, m.start()
        return None

    # -- article-level passes ---------------------------------------------------------------
    def _refine(self, claims: list[Claim], starts, text: str, mentions: list[Mention], partitive: set[str],
                document: Document) -> None:
        """Objects from antecedents and list context, events from objects, generic people by
        their event, verbless headlines from the body."""
        lex = self.events
        para_of = {c.id: text.rfind("\n\n", 0, c.start) for c in claims}
        sent_of = {c.id: bisect_right(starts, c.start) - 1 for c in claims}
        prev_in_sent: dict[int, Claim] = {}
        for c in claims:
            p = prev_in_sent.get(sent_of[c.id])
            if p is not None and p.actor and (c.actor is None or (p.id in self._owned and c.id not in self._owned
                                                                  and c.object == p.object)):
                # "1000 nordkoreanische Pioniere und 5000 Bauarbeiter"; "600 North Koreans
                # killed, 4,700 injured": a list of figures counts the people its first one names
                c.actor = p.actor
            if p is not None and p.place and c.place is None and LISTED.fullmatch(text[p.end:c.start]):
                c.place = p.place  # "500 Offiziere sowie drei Generäle", "500 officers and three generals"
            prev_in_sent[sent_of[c.id]] = c
        for c in claims:
            inf = lex.info.get(c.event or "", {})
            if c.object is None and c.event and inf.get("object") and not c.noun:
                c.object = inf["object"]  # "tausende weitere verletzt", "Zehntausende erwartet"
        prev: Optional[Claim] = None
        for c in claims:
            took = False
            if c.id in partitive and prev is not None and sent_of[c.id] - sent_of[prev.id] <= 1:
                # "davon rund 1500", "211 davon", "of them 300": what the antecedent counts
                took = c.object is None
                # a part that names a measure of its own ("3.000 Verluste, darunter 300 Tote": the
                # dead) is a figure of that measure, and a part of a count that adds up over places
                # that names its place ("215 Todesopfer, 211 davon in der Region Valencia") that
                # place's count; one that counts what its whole counts ("davon 500 Legionäre" of
                # the soldiers, "davon rund 1500") is a part
                by_place = c.place is not None and c.place != prev.place and \
                    bool(lex.info.get(c.event or prev.event or "", {}).get("additive"))
                c.part_of = prev.id if c.object in (None, prev.object) and not by_place else None
                if prev.place is None and c.place and sent_of[c.id] == sent_of[prev.id]:
                    prev.place = place_slot.around(c.place)  # "215 Todesopfer, 211 davon in der Region Valencia"
                c.object = c.object or prev.object
                c.actor = c.actor or prev.actor
                c.place = c.place or prev.place  # "12.000 in Russland; zu ihnen zählten 500 Offiziere"
                c.source = c.source or prev.source  # part of a figure is said by whoever gave the figure
                c.source_kind = c.source_kind or prev.source_kind
                c.speaker = c.speaker or prev.speaker
            anaphoric = not c.noun or self.objects.is_generic(c.noun)  # "8600 Maschinen" after "5600 Traktoren"
            if c.object is None and anaphoric and prev is not None and para_of[prev.id] == para_of[c.id]:
                c.object = prev.object  # "Braunschweig rund 15.000 Teilnehmende, Dortmund 30.000"
                took = True
            if c.object is None and not c.noun:
                # "... the number of North Korean troops backing Russia; some 14,000 are estimated
                # to have been sent": a figure with no noun counts the people its sentence named
                # before it
                named = self._noun_before(text, starts[sent_of[c.id]] if sent_of[c.id] >= 0 else 0, c.start)
                if named is not None:
                    c.object, at = named
                    # whose they are: "North Korean troops", "nordkoreanische Soldaten"
                    own = [m for m in mentions if m.role in ("adj", "demonym") and m.type == "country"
                           and 0 <= at - m.end <= 2]
                    c.actor = own[-1].entity if own else c.actor
                    took = prev is not None
            if took and prev is not None:
                self._repick_event(c, prev)
            if (c.object is not None or c.noun) and not (c.unit or "").startswith("per "):
                prev = c  # a rate or a density ("drei Menschen pro Quadratmeter") is no antecedent
        person = {o for o, i in self.objects.taxonomy.items() if i.get("role") == "person" and not i.get("measure")}
        for c in claims:
            inf = lex.info.get(c.event or "", {})
            target = inf.get("object")
            measures = lex.families.get(inf.get("family") or "", {}).get("defines_measure")
            if target and c.object in person and c.object != target and \
                    (c.object == "persons" or measures) and target not in ancestors(c.object):
                # soldiers killed are the killed, farmers who march are participants: the event
                # names the measure, and who they were stays as ``counted``
                c.counted, c.object = c.object, target
            elif target and c.object and c.object in ancestors(target) and kind_of(c.object) in ("household", "thing"):
                c.object = target  # buildings destroyed are the destroyed buildings
            elif target and inf.get("narrows") and c.object and \
                    c.object in (self.objects.taxonomy.get(target, {}).get("broader") or ()):
                c.object = target  # "62 dieser Toten sind nicht identifiziert": the unidentified among the dead
            elif c.object == "persons" and lex.families.get(inf.get("family") or "", {}).get("people_object"):
                # "11.000 Nordkoreaner nach Russland geschickt", "5,000 North Koreans deployed":
                # the people a country deploys are its troops
                c.counted, c.object = c.object, lex.families[inf["family"]]["people_object"]
            if (c.event is None or lex.counting(c.event)) and c.object in lex.object_events:
                ev = lex.object_events[c.object]
                c.event = ev if c.modality == "actual" else lex.variant(ev, c.modality)
            elif (c.event is None or lex.counting(c.event)) and c.object == "persons" and self._frame and \
                    lex.families.get(self._frame, {}).get("people_by_frame"):
                # "Die Polizei bezifferte die Menge auf 100.000 Menschen" in a rally report: the crowd
                ev = next((e for e, i in lex.info.items() if i.get("family") == self._frame and i.get("modality") == "actual"), None)
                if ev:
                    c.event = ev if c.modality == "actual" else lex.variant(ev, c.modality)
                    obj = lex.info[ev].get("object") or lex.families[self._frame].get("people_object")
                    if obj:
                        c.counted, c.object = c.object, obj
            if c.event and lex.info.get(c.event, {}).get("modality") in ("intended", "capacity"):
                c.modality = lex.info[c.event]["modality"]
            sub = self.objects.subset(SUBSET_SPAN.split(text[c.end:self._where[c.id][1].end], 1)[0], c.object)
            if sub:
                # "davon zwölf schwer", "zwölf Menschen wurden schwer verletzt", "four of them in
                # critical condition": the words after the figure name which part of its measure
                # it counts (the seriously injured); a part so named is no longer an unnamed part
                c.object, c.part_of = sub, None
        self._headline_events(claims, text, document)

    def _repick_event(self, c: Claim, antecedent: Claim) -> None:
        """A figure that took its object from the one before it takes its event again: its own
        clause's event if it applies to that object, else the antecedent's."""
        q, sent, clause = self._where[c.id]
        ev = self.event_finder.find(sent, q, clause, sent_text := self._text, c.object, self._frame)
        own = self.event_finder.modality(sent_text, clause, sent)
        if ev is None or self.events.counting(ev):
            # the antecedent's event, in the figure's own modality when its clause states a plan
            # ("2.000 stationiert. Bis zum Sommer sollen es bis zu 3.500 werden")
            ev, modality = self._modality(antecedent.event, own) if own != "actual" else \
                (antecedent.event, antecedent.modality)
        else:
            ev, modality = self._modality(ev, own)
        c.event, c.modality = ev, modality

    def _headline_events(self, claims: list[Claim], text: str, document: Document) -> None:
        """A verbless headline ("NIS: 4700 Nordkoreaner tot oder verwundet" is not one, "UK: 4,000
        North Korean troops in Kursk" is) takes the event and object of the same figure in the body."""
        head_end = _headline_end(text, document)
        if head_end <= document.body_start:
            return
        body = [c for c in claims if c.start >= head_end]
        for c in claims:
            if c.start >= head_end:
                continue
            same = [b for b in body if b.low == c.low and b.high == c.high
                    and (c.object is None or b.object == c.object) and b.event
                    and (not c.event or self.events.counting(c.event) or self.events.family(b.event) == self.events.family(c.event))]
            if same:
                b = same[0]  # the headline repeats the body's figure: it says what the body says
                c.event, c.modality = b.event, b.modality
                c.object = c.object or b.object
                c.place = c.place or b.place
                c.actor = c.actor or b.actor
                c.aggregate = c.aggregate or b.aggregate
                c.source, c.source_kind = c.source or b.source, c.source_kind or b.source_kind
                c.time_start, c.time_end = c.time_start or b.time_start, c.time_end or b.time_end
                c.increment = c.increment or b.increment  # "1,000 killed in a week": the week's


_ARTICLES = {"der", "die", "das", "den", "dem", "des", "the"}  # a capitalised article names nothing


def _orgs_named(mentions: list[Mention], sent, source: str) -> list[Mention]:
    """The organisations (agencies, ministries) of a sentence that its figure's source names."""
    def names(phrase: str) -> set[str]:  # its capitalised words: "Pentagon-Sprecher" names the Pentagon
        return {w.lower() for w in re.findall(r"[A-ZÄÖÜ][\wäöüß]{2,}", phrase)} - _ARTICLES
    words = names(source)
    return [m for m in mentions if m.type == "org" and sent.start <= m.start < sent.end and words & names(m.text)]


def _headline_end(text: str, document: Document) -> int:
    """Where the headline ends: the end of a leading '# ...' line, else of the first line when it
    is the document's title; the body start when there is no headline."""
    i = document.body_start
    while i < len(text) and text[i] in "\r\n \t":
        i += 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    line = text[i:end].strip()
    if line.startswith("#") or (document.title and line == document.title.strip()):
        return end
    return document.body_start


def _lead_end(text: str, head_end: int) -> int:
    """Where the lead paragraph after the headline ends (blank-line paragraphs, else lines)."""
    i = head_end
    while i < len(text) and text[i] in "\r\n \t":
        i += 1
    sep = "\n\n" if "\n\n" in text[i:] else "\n"
    end = text.find(sep, i)
    return len(text) if end < 0 else end


@lru_cache(maxsize=None)
def builder(lang: str) -> ClaimBuilder:
    return ClaimBuilder(lang)
