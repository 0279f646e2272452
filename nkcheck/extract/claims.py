"""Assemble claims from an annotated Doc: for every quantity, ask the slot finders
(``extract/slots/``) what is counted, what happened, who did it, where, when, and who says so,
then run the article-level passes (list context, places of the paragraph, stamps, crowds).

Everything works on character offsets and the Doc attributes the components set; the language
knowledge comes from the data files, through the slot finders.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from nkcheck.extract.entities import finder as entity_finder
from nkcheck.extract.slots import actor as actor_slot
from nkcheck.extract.slots import event as event_slot
from nkcheck.extract.slots import object as object_slot
from nkcheck.extract.slots import place as place_slot
from nkcheck.extract.slots import source as source_slot
from nkcheck.extract.slots import time as time_slot
from nkcheck.extract.text import sentences_of
from nkcheck.model import Claim, Document, Mention
from nkcheck.normalize.objects import lexicon


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
        self.dates = self.time_finder.dates
        self.aggregate_cues = [c.lower() for c in entity_finder().aggregate_cues(lang)]
        self.person_objects = {o for o, i in self.objects.taxonomy.items() if i.get("role") == "person"}

    def build(self, doc: Doc, document: Document) -> list[Claim]:
        text = doc.text
        sents = sentences_of(doc)
        starts = [s.start for s in sents]
        mentions: list[Mention] = doc._.nk_mentions or []
        cues = doc._.nk_cues or []
        # spans that hold who is cited; "Nordkorea sagte ... zu" opens with its actor, so a
        # cue that starts with the source itself only blocks the words after the name
        cue_spans = [(c.src_end, c.end) if c.start == c.src_start else (c.start, c.end) for c in cues]
        times = [t for t in (doc._.nk_times or []) if t.label not in ("name",)]
        base = document.published
        sources = source_slot.SourceFinder(self.lang, cues, text, self.event_finder.hearsay)
        claims: list[Claim] = []
        for q in doc._.nk_quantities or []:
            si = bisect_right(starts, q.start) - 1
            if si < 0:
                continue
            sent = sents[si]
            clause = sent.clause_of(q.start)
            counted = self.object_finder.find(text, q, clause, sent.end)
            ev = self.event_finder.find(sent, q, clause, text)
            intended = self.event_finder.intended(text, clause, sent)
            if ev and intended:
                ev = self.events.intended_variant(ev)
            texpr = self.time_finder.expression(times, q, clause, sent)
            period = self.dates.resolve(texpr, base, intended) if texpr else None
            source, source_kind = sources.find(si, sent, q, clause)
            place = self.place_finder.find(mentions, q, clause, sent, cue_spans)
            actor = self.actor_finder.find(mentions, q, counted.noun_end, clause, sent, cue_spans)
            agg_span = text[sent.start:sent.end].lower()
            aggregate = any(c in agg_span for c in self.aggregate_cues)
            claims.append(Claim(
                id=f"{document.id}:{q.start}-{q.end}", doc=document.id, start=q.start, end=q.end,
                text=q.text, low=q.low, high=q.high, approx=q.approx, bound=q.bound,
                object=counted.object, event=ev, actor=actor, place=place,
                time_start=period.start.isoformat() if period else None,
                time_end=period.end.isoformat() if period else None,
                source=source, sentence=" ".join(text[sent.start:sent.end].split()),
                hedge=q.hedge, unit=counted.unit, source_kind=source_kind,
                time_text=texpr.text if texpr else "", aggregate=aggregate, increment=counted.increment,
                modality="intended" if intended and not ev else "actual", line=document.line_of(q.start),
                noun=counted.noun))
        self._refine(claims, starts, text, mentions)
        self.place_finder.inherit(claims, mentions, cue_spans, text, document)
        self.time_finder.stamp(claims, text, doc._.nk_times or [], document, sents, starts)
        self.time_finder.hint_times(claims, document)
        self.actor_finder.crowd_groups(claims, text, document, sents, starts,
                                       lambda ev: bool(self.events.info.get(ev or "", {}).get("local")))
        return claims

    def _refine(self, claims: list[Claim], starts, text: str, mentions: list[Mention]) -> None:
        """Article-level pass: objects from list context, events from objects, person roles."""
        para_of = {}
        for c in claims:
            para_of[c.id] = text.rfind("\n\n", 0, c.start)
        prev_in_sent: dict[int, Claim] = {}
        for c in claims:
            si = bisect_right(starts, c.start) - 1
            p = prev_in_sent.get(si)
            if c.actor is None and p is not None and p.actor:
                c.actor = p.actor  # "1000 nordkoreanische Pioniere und 5000 Bauarbeiter"
            if c.actor is None:
                c.actor = self.actor_finder.recent(mentions, c.start)
            prev_in_sent[si] = c
        prev: Optional[Claim] = None
        for c in claims:
            anaphoric = not c.noun or self.objects.is_generic(c.noun)  # "8600 Maschinen" after "5600 Traktoren"
            if c.object is None and anaphoric and prev is not None and para_of[prev.id] == para_of[c.id]:
                c.object = prev.object  # "Braunschweig rund 15.000 Teilnehmende, Dortmund 30.000"
                c.event = c.event or prev.event
            if c.object is not None or c.noun:
                prev = c
        frame = Counter(c.event for c in claims if c.event)
        for c in claims:
            inf = self.events.info.get(c.event or "", {})
            if c.object in self.person_objects and inf.get("object"):
                fam = inf.get("family")
                if fam == "casualty" or c.object in ("persons", "population") or \
                        (fam in ("attend", "register") and c.object == "participants"):
                    c.object = inf["object"]
            if c.event is None and c.object in self.events.object_events:
                c.event = self.events.object_events[c.object]
            if c.event is None and c.object in ("persons",) and frame:
                ev = frame.most_common(1)[0][0]
                c.event = ev
                obj = self.events.info.get(ev, {}).get("object")
                if obj:
                    c.object = obj
            if c.object is None and c.event and self.events.info.get(c.event, {}).get("object") and not c.noun:
                c.object = self.events.info[c.event]["object"]  # "tausende weitere verletzt"
            if c.event and self.events.info.get(c.event, {}).get("modality") == "intended":
                c.modality = "intended"


@lru_cache(maxsize=None)
def builder(lang: str) -> ClaimBuilder:
    return ClaimBuilder(lang)
