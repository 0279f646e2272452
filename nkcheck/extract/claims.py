"""Assemble claims from an annotated Doc: for every quantity, what is counted, what
happened, who did it, where, when, and who says so.

Everything here works on character offsets and the Doc attributes the components set; the
language knowledge comes from the data files (objects, events, attribution, entities).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import timedelta
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from nkcheck import lang as langdata
from nkcheck.extract.attribution import finder as attribution_finder
from nkcheck.extract.entities import finder as entity_finder
from nkcheck.model import Claim, Document, Mention, Period, Quantity
from nkcheck.normalize.dates import resolver
from nkcheck.normalize.names import canonical_source
from nkcheck.normalize.objects import lexicon

BOUNDARY = {",", ";", ":", "–", "—", "(", ")", "|"}
WORD_RE = re.compile(r"[\wäöüÄÖÜß%€$²\-]+|[^\s\w]")
SEPARABLE = {"an", "zu", "auf", "aus", "vor", "ein", "mit", "ab", "fest", "teil", "zurück", "bei"}
INCREMENT_WORDS = {"weitere", "weiteren", "weiterer", "zusätzliche", "zusätzlichen", "neue", "neuen",
                   "additional", "more", "further", "another", "new"}


@dataclass
class Sentence:
    start: int
    end: int
    clauses: list[tuple[int, int]]
    tokens: list  # spaCy tokens of the sentence


class EventLexicon:
    def __init__(self, lang: str):
        d = langdata.load(lang, "events")
        shared = langdata.shared("events")
        self.info = shared["events"]
        self.object_events = shared.get("object_events", {})
        self.combinations = shared.get("combinations", [])
        self.words: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        for ev, ws in d["words"].items():
            for w in ws:
                w = str(w).lower()
                if w.endswith("*"):
                    self.prefixes.append((w[:-1], ev))
                else:
                    self.words.setdefault(w, ev)
        self.intended_markers = {str(w).lower() for w in d.get("intended_markers", [])}
        self.hearsay = [str(w).lower() for w in d.get("hearsay", [])]

    def event_of(self, tok, particle: str = "") -> Optional[str]:
        lemma = tok.lemma_.lower() if tok.lemma_ else ""
        if particle and lemma and (particle + lemma) in self.words:
            return self.words[particle + lemma]
        for form in (tok.lower_, lemma):
            if form in self.words:
                return self.words[form]
        for p, ev in self.prefixes:
            if tok.lower_.startswith(p):
                return ev
        return None

    def intended_variant(self, ev: str) -> str:
        """The planned/expected event of the same family ("sent" -> "planned")."""
        fam = self.info.get(ev, {}).get("family")
        if self.info.get(ev, {}).get("modality") == "intended":
            return ev
        if self.info.get(ev, {}).get("intended"):
            return self.info[ev]["intended"]
        for other, inf in self.info.items():
            if inf.get("family") == fam and inf.get("modality") == "intended":
                return other
        return ev


@lru_cache(maxsize=None)
def events(lang: str) -> EventLexicon:
    return EventLexicon(lang)


def sentences_of(doc: Doc) -> list[Sentence]:
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        bounds = [t.idx for t in toks if t.text in BOUNDARY]
        edges = [sent.start_char] + bounds + [sent.end_char]
        clauses = [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
        out.append(Sentence(sent.start_char, sent.end_char, clauses, toks))
    return out


class ClaimBuilder:
    def __init__(self, lang: str):
        self.lang = lang
        self.objects = lexicon(lang)
        self.events = events(lang)
        self.attrib = attribution_finder(lang)
        self.entities = entity_finder()
        self.dates = resolver(lang)
        self.aggregate_cues = [c.lower() for c in self.entities.aggregate_cues(lang)]
        self.person_objects = {o for o, i in self.objects.taxonomy.items() if i.get("role") == "person"}
        tdata = langdata.load(lang, "time")
        self.stamp_re = re.compile(r"(?<![\w])(?:" + "|".join(tdata.get("stamp_cues", []) or ["(?!)"]) + r")(?![\w])",
                                   re.IGNORECASE)
        self.phase_start = [p.lower() for p in tdata.get("phase_start", [])]
        groups = langdata.load(lang, "objects").get("groups", {})
        self.group_res = [(g, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in stems) + ")", re.IGNORECASE))
                          for g, stems in sorted(groups.items())]

    # -- slots ------------------------------------------------------------------------------
    def _noun_after(self, text: str, q: Quantity, limit: int) -> tuple[str, list[str]]:
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

    def _coordinated(self, text: str, pos: int, limit: int, obj: str) -> str:
        """'150 Tote oder Vermisste': two nouns joined by oder/und count their common whole."""
        m = re.match(r"\s+(?:oder|und|bzw\.|or|and)\s+([\wäöüÄÖÜß-]+)", text[pos:limit])
        if not m:
            return obj
        other = self.objects.lookup(m.group(1))
        if not other or other == obj:
            return obj
        from nkcheck.compare.facts import ancestors
        common = [a for a in ancestors(obj) if a in ancestors(other)]
        return common[0] if common else obj

    def _noun_before(self, text: str, start: int, clause_start: int) -> str:
        words = [m.group(0) for m in WORD_RE.finditer(text, clause_start, start)]
        for w in reversed(words):
            if w[0].isalnum() and (self.objects.lookup(w) or self.objects.is_generic(w)):
                return w
        return ""

    def _event(self, sent: Sentence, q: Quantity, clause: tuple[int, int], text: str) -> Optional[str]:
        toks = sent.tokens
        particles = {}
        for i, t in enumerate(toks):  # a verb particle closing a clause: "sagte ... zu."
            nxt = toks[i + 1].text if i + 1 < len(toks) else "."
            if t.lower_ in SEPARABLE and (nxt in BOUNDARY or nxt in (".", "!", "?")):
                for c in sent.clauses:
                    if c[0] <= t.idx < c[1]:
                        particles[c] = t.lower_
        def clause_particle(t):
            return next((p for c, p in particles.items() if c[0] <= t.idx < c[1]), "")
        hits = [(t.idx, self.events.event_of(t, clause_particle(t)), t) for t in toks]
        hits = [(i, ev, t) for i, ev, t in hits if ev]
        # combined events: "getötet oder verwundet"
        for k in range(len(hits) - 1):
            (i1, e1, t1), (i2, e2, t2) = hits[k], hits[k + 1]
            between = text[t1.idx + len(t1.text):i2].strip().lower()
            if between in ("oder", "und", "bzw.", "or", "and", "or were"):
                for comb in self.events.combinations:
                    if {e1, e2} == set(comb["events"]):
                        hits[k] = (i1, comb["becomes"], t1)
                        hits[k + 1] = (i2, comb["becomes"], t2)
        in_clause = [(i, ev) for i, ev, _ in hits if clause[0] <= i < clause[1]]
        after = [(i, ev) for i, ev in in_clause if i >= q.end]
        before = [(i, ev) for i, ev in in_clause if i < q.start]
        cands = in_clause or [(i, ev) for i, ev, _ in hits]
        if not cands:
            return None
        # a promise or plan of an action outranks the action word itself:
        # "kündigte die Entsendung ... an" is a pledge, not a deployment
        fams = {}
        for _, ev in cands:
            inf = self.events.info.get(ev, {})
            if inf.get("modality") == "intended":
                fams.setdefault(inf.get("family"), ev)
        if after:
            ev = after[0][1]
        elif before:
            ev = before[-1][1]
        else:
            ev = min(cands, key=lambda c: abs(c[0] - q.start))[1]
        fam = self.events.info.get(ev, {}).get("family")
        return fams.get(fam, ev)

    def _hearsay(self, text: str, clause: tuple[int, int]) -> bool:
        """"sollen es 5000 gewesen sein": a modal with a perfect infinitive reports, it does not plan."""
        span = " ".join(re.findall(r"[\wäöüß]+", text[clause[0]:clause[1]].lower()))
        return any(p in span for p in self.events.hearsay)

    def _intended(self, text: str, clause: tuple[int, int], sent: "Sentence") -> bool:
        if self._hearsay(text, clause):
            return False
        words = re.findall(r"[\wäöüß]+", text[clause[0]:clause[1]].lower())
        if "zu" in words[-3:]:  # "..., 5000 Soldaten nach Russland zu entsenden": governed by "plant"
            words = re.findall(r"[\wäöüß]+", text[sent.start:clause[1]].lower())
        return any(w in self.events.intended_markers for w in words)

    def _actor(self, mentions: list[Mention], q: Quantity, noun_end: int, clause, sent: Sentence,
               cue_spans) -> Optional[str]:
        def ok(m: Mention) -> bool:
            return m.type in ("country", "org") and not any(s <= m.start < e for s, e in cue_spans)
        for m in mentions:  # "nordkoreanische Soldaten", "russischen Soldaten"
            if q.end <= m.start < max(noun_end, q.end + 1) and m.role == "adj" and ok(m):
                return m.entity
        in_clause = [m for m in mentions if clause[0] <= m.start < clause[1] and m.role == "actor" and ok(m)]
        if in_clause:
            return in_clause[0].entity
        in_sent = [m for m in mentions if sent.start <= m.start < sent.end and m.role == "actor" and ok(m)]
        before = [m for m in in_sent if m.start < q.start]
        if before:
            return before[0].entity
        if in_sent:
            return in_sent[0].entity
        return None

    def _place(self, mentions: list[Mention], q: Quantity, clause, sent: Sentence, cue_spans) -> Optional[str]:
        def placey(m: Mention) -> bool:
            if any(s <= m.start < e for s, e in cue_spans):
                return False
            return self._is_place(m)
        for lo, hi in (clause, (sent.start, sent.end)):
            ms = [m for m in mentions if lo <= m.start < hi and placey(m)]
            if ms:
                before = [m for m in ms if m.start < q.start]
                return (before[-1] if before else ms[0]).entity
        return None

    # -- main ---------------------------------------------------------------------------------
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
        claims: list[Claim] = []
        last_source: Optional[tuple[int, str]] = None  # (sentence index, source)
        known_sources: list[str] = []
        for q in doc._.nk_quantities or []:
            si = bisect_right(starts, q.start) - 1
            if si < 0:
                continue
            sent = sents[si]
            clause = next((c for c in sent.clauses if c[0] <= q.start < c[1]), (sent.start, sent.end))
            noun, skipped = self._noun_after(text, q, sent.end)
            noun_end = text.find(noun, q.end) + len(noun) if noun else q.end
            obj = self.objects.lookup(noun) if noun else None
            if obj:
                obj = self._coordinated(text, noun_end, sent.end, obj)
            unit = q.unit
            if obj and self.objects.info(obj).get("unit"):
                unit = unit or noun
            if not noun or (obj is None and self.objects.is_generic(noun)):
                before = self._noun_before(text, q.start, clause[0])
                if before:
                    obj = self.objects.lookup(before) or obj
                    noun = noun or before
            if q.unit == "%":
                obj = "percent"
            ev = self._event(sent, q, clause, text)
            intended = self._intended(text, clause, sent)
            if ev and intended:
                ev = self.events.intended_variant(ev)
            increment = any(w in INCREMENT_WORDS for w in skipped)
            # time: an expression in the clause, else one that opens the sentence
            t_clause = [t for t in times if clause[0] <= t.start < clause[1] and t.label != "clock"]
            t_sent = [t for t in times if sent.start <= t.start < sent.end and t.label != "clock"]
            texpr = None
            if t_clause:
                texpr = min(t_clause, key=lambda t: abs(t.start - q.start))
            elif t_sent and t_sent[0].start < sent.clauses[0][1] and len(t_sent) == 1:
                texpr = t_sent[0]
            period = self.dates.resolve(texpr, base, intended) if texpr else None
            # source
            in_sent = [c for c in cues if sent.start <= c.start < sent.end]
            cue = None
            if in_sent:
                pre = [c for c in in_sent if c.start < q.start and clause[0] <= c.start]
                # a cue carries over commas, not over a semicolon or into hearsay ("sollen ... gewesen sein")
                pre_s = [c for c in in_sent if c.start < q.start and ";" not in text[c.end:q.start]]
                if not pre and self._hearsay(text, clause):
                    pre_s = []
                after = [c for c in in_sent if c.start > q.start and ";" not in text[q.end:c.start]]
                cand = pre or pre_s or after
                cue = cand[-1 if (pre or pre_s) else 0] if cand else None
            source = cue.source if cue else None
            if source is None and last_source and si - last_source[0] <= 3 and \
                    self.attrib.is_reported_speech(text[sent.start:sent.end]):
                source = last_source[1]
            if source:
                source = canonical_source(source, known_sources)
                if cue:
                    known_sources.append(source)
                last_source = (si, source)
            place = self._place(mentions, q, clause, sent, cue_spans)
            actor = self._actor(mentions, q, noun_end, clause, sent, cue_spans)
            agg_span = text[sent.start:sent.end].lower()
            aggregate = any(c in agg_span for c in self.aggregate_cues)
            claims.append(Claim(
                id=f"{document.id}:{q.start}-{q.end}", doc=document.id, start=q.start, end=q.end,
                text=q.text, low=q.low, high=q.high, approx=q.approx, bound=q.bound,
                object=obj, event=ev, actor=actor, place=place,
                time_start=period.start.isoformat() if period else None,
                time_end=period.end.isoformat() if period else None,
                source=source, sentence=" ".join(text[sent.start:sent.end].split()),
                hedge=q.hedge, unit=unit, source_kind=self.attrib.kind_of(source),
                time_text=texpr.text if texpr else "", aggregate=aggregate, increment=increment,
                modality="intended" if intended and not ev else "actual", line=document.line_of(q.start),
                noun=noun))
        self._refine(claims, sents, starts, text, doc)
        self._inherit_places(claims, mentions, cue_spans, text, document)
        self._stamp(claims, doc, document, sents, starts)
        self._hint_times(claims, document)
        self._crowd_groups(claims, text, document, sents, starts)
        return claims

    def _groups_in(self, span: str) -> Counter:
        return Counter(g for g, rx in self.group_res for _ in rx.finditer(span))

    def _crowd_groups(self, claims: list[Claim], text: str, document: Document, sents, starts) -> None:
        """Who a crowd is: farmers, students, strikers ... from the counted noun or its sentence,
        else from the article (named twice, or in its headline). For events at one place
        (rallies) the group is the actor: a country named nearby is not who marches."""
        body = text[document.body_start:]
        counts = self._groups_in(body)
        title_end = body.find("\n", body.find("#") + 1) if body.lstrip().startswith("#") else 0
        counts.update(self._groups_in(body[:max(title_end, 0)]))
        if document.title:
            counts.update(self._groups_in(document.title))
        top = counts.most_common(2)
        article = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]) else None
        for c in claims:
            if not self.events.info.get(c.event or "", {}).get("local"):
                continue
            si = bisect_right(starts, c.start) - 1
            near = self._groups_in(c.noun or "") or self._groups_in(text[sents[si].start:sents[si].end])
            c.actor = near.most_common(1)[0][0] if near else article

    @staticmethod
    def _hint_times(claims: list[Claim], document: Document) -> None:
        """A figure with no date of its own is about the weeks before its article appeared
        (two months before a day-exact publication date, or the month before a publication
        month). The hint only keeps apart figures from articles months or years apart; it
        never makes a time conflict."""
        base = document.published
        if base is None:
            return
        start = base.start - timedelta(days=62 if base.granularity == "day" else 31)
        hint = f"{start.isoformat()}/{base.end.isoformat()}"
        for c in claims:
            if c.time_start is None:
                c.time_hint = hint

    @staticmethod
    def _clock(t) -> Optional[str]:
        g = dict(t.groups)
        try:
            hour, minute = int(g.get("hour") or -1), int(g.get("minute") or 0)
        except ValueError:
            return None
        return f"{hour:02d}:{minute:02d}" if 0 <= hour < 24 and 0 <= minute < 60 else None

    def _stamp(self, claims: list[Claim], doc: Doc, document: Document, sents, starts) -> None:
        """When each figure was stated (``as_of``): an update stamp ("Aktualisiert am 20.01.2024
        um 18.25 Uhr", "Stand: 7. Februar 2024"), a live-blog entry ("13.07 Uhr: ..."), or a
        phase of the event ("zu Beginn", "when the event began"). Figures stated at different
        moments of a running count are updates, not conflicts."""
        text = doc.text
        times = doc._.nk_times or []
        base = document.published
        day = base.start.isoformat() if base is not None and base.granularity == "day" else ""
        stamp_date, stamp_clock = "", ""
        m = self.stamp_re.search(text, document.body_start)  # the article's first update stamp
        for t in ([t for t in times if m.end() <= t.start <= m.end() + 40] if m else []):
            if t.label == "clock":
                stamp_clock = stamp_clock or (self._clock(t) or "")
            elif not stamp_date:
                p = self.dates.resolve(t, base)
                if p is not None and p.granularity == "day":
                    stamp_date = p.start.isoformat()
        entries = []  # live-blog entries: a clock time opening a line
        for t in times:
            if t.label == "clock" and (t.start == 0 or text[text.rfind("\n", 0, t.start) + 1:t.start].strip(" #*") == ""):
                clock = self._clock(t)
                if clock:
                    entries.append((t.start, clock))
        for c in claims:
            clock = next((k for pos, k in reversed(entries) if pos <= c.start), "") or stamp_clock
            date_part = stamp_date or day
            if clock:
                c.as_of = f"{date_part}T{clock}" if date_part else f"T{clock}"
            elif stamp_date:
                c.as_of = stamp_date
            si = bisect_right(starts, c.start) - 1
            sent = text[sents[si].start:sents[si].end].lower() if si >= 0 else ""
            if any(p in sent for p in self.phase_start):
                c.phase = "start"

    @staticmethod
    def _is_place(m: Mention) -> bool:
        return m.role in ("place", "adj_place") or (m.type in ("city", "region", "site") and m.role not in ("other", "origin"))

    def _inherit_places(self, claims: list[Claim], mentions: list[Mention], cue_spans, text: str,
                        document: Document) -> None:
        """A figure with no place in its sentence is where its paragraph last said, or where
        the article is set (the place its headline and lead name, when they name one)."""
        # any city named in the paragraph sets the scene ("the Hamburg rally ... There, police
        # said"), except where people come from ("Landwirte aus Bayern")
        places = [m for m in mentions if m.type in ("city", "region", "site") and m.role != "origin"
                  and not any(s <= m.start < e for s, e in cue_spans)]
        body = document.body_start
        # paragraphs are blank-line separated, or one per line in plain text that has no blank lines
        sep = "\n\n" if "\n\n" in text[body:].strip() else "\n"
        lead_start = body
        while lead_start < len(text) and text[lead_start] in "\n\r \t":
            lead_start += 1
        lead_end = text.find(sep, lead_start)
        lead_end = len(text) if lead_end < 0 else lead_end
        if text.startswith("#", lead_start) or (document.title and document.title in text[lead_start:lead_end]):
            nxt = text.find(sep, lead_end + len(sep))  # a headline, then the lead paragraph
            lead_end = len(text) if nxt < 0 else nxt
        lead = text[body:lead_end].lower()
        local = sorted({m.entity for m in places if body <= m.start < lead_end and m.type in ("city", "site")})
        setting: Optional[str] = None
        if len(local) == 1 and not any(c in lead for c in self.aggregate_cues):
            setting = local[0]
        for c in claims:
            if c.place is not None or c.aggregate:
                continue
            para = text.rfind(sep, 0, c.start)
            before = [m for m in places if para < m.start < c.start]
            if before:
                c.place = before[-1].entity
            elif setting:
                c.place = setting

    def _recent_actor(self, doc: Doc, pos: int) -> Optional[str]:
        """The last country named as an actor before a position in the article."""
        for m in reversed(doc._.nk_mentions or []):
            if m.start < pos and m.type in ("country", "org") and m.role == "actor":
                return m.entity
        return None

    def _refine(self, claims: list[Claim], sents, starts, text: str, doc: Doc) -> None:
        """Document-level pass: objects from list context, events from objects, person roles."""
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
                c.actor = self._recent_actor(doc, c.start)
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
