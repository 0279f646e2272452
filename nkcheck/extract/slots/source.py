"""Who is cited for a figure, in this order:

1. an attribution cue in its sentence ("laut Lee", "nach Angaben der Polizei", "X zufolge",
   "sagte X", "according to X"): the one before the figure in its clause or sentence (over commas,
   not over a semicolon or into hearsay), else the one after it;
2. a headline's prefix ("NIS: 4700 Nordkoreaner tot", "UK intelligence: …"), unless the prefix
   names what the figure is about (its actor: "Nordkorea: 600 Soldaten getötet");
3. the subject of a reporting verb ("Der Generalstab geht von 4.000 Verlusten aus", "Am 9.
   Januar hatte Staatschef Selenskyj von 4000 Verlusten gesprochen", "a U.S. military official
   had put casualties at several hundred"): a noun phrase that names a source (a kind of source,
   a title or role, a known person or institution, an acronym), not inside a prepositional phrase;
4. a noun phrase that refers back ("der Dienst", "er", "the agency") or reported speech
   (Konjunktiv I, "demnach", "he said") carries the source of the sentence before.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nkcheck.extract.entities import finder as entity_finder
from nkcheck.normalize import containment
from nkcheck.extract.attribution import Cue, finder as attribution_finder
from nkcheck.extract.text import Sentence
from nkcheck.model import Mention, Quantity
from nkcheck.normalize.names import canonical_source

PREPOSITIONS = {"in", "im", "nach", "bei", "beim", "von", "vom", "mit", "aus", "auf", "für", "gegen", "über", "unter",
                "seit", "bis", "zu", "zum", "zur", "an", "am", "vor", "um", "durch", "ohne", "zwischen", "neben",
                "of", "at", "on", "from", "with", "by", "for", "to", "into", "near", "over", "against", "about", "since",
                "among", "during", "after", "before"}
OBLIQUE = {"dem", "den", "des", "einem", "einen", "eines"}
DE_CHUNK = re.compile(
    r"(?<![\wäöüÄÖÜß-])(?P<det>(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es|[Ee]in|[Ee]ine|[Ee]iner|[Ee]ines|[Ee]inem)\s+)?"
    r"(?P<adj>(?:[a-zäöüß][\wäöüß-]*(?:e|en|er|es)\s+){0,3})"
    r"(?P<head>[A-ZÄÖÜ][\wäöüßÄÖÜ.'’-]*(?:\s+(?:[A-ZÄÖÜ][\wäöüßÄÖÜ.'’-]*|\([A-Z]{2,8}\)))*)"
    r"(?P<seat>\s+in\s+[A-ZÄÖÜ][\wäöüß-]+)?")  # "der Generalstab in Seoul": an institution and its seat
EN_WORD = re.compile(r"[\w.'’-]+|[,;:()]")
ACRONYM = re.compile(r"\b[A-Z]{2,8}\b")
HEADLINE = re.compile(r"#+\s*(?P<src>[^:\n]{2,60}?):\s")
OWN_PHRASE = re.compile(r"(?:\s+[\wäöüÄÖÜß-]+){0,3}\s*")  # a few words, no punctuation: the figure's own phrase


class SourceFinder:
    """Finds the source of each figure of one article in order: it remembers the sources named
    so far (for short references, anaphora and reported speech), so use one per article."""

    def __init__(self, lang: str, cues: list[Cue], text: str, hearsay, mentions: list[Mention] = (),
                 months: frozenset = frozenset()):
        self.lang = lang
        self.attrib = attribution_finder(lang)
        self.cues = cues
        self.text = text
        self.hearsay = hearsay
        self.mentions = mentions
        self.months = months
        self.last: Optional[tuple[int, str]] = None  # (sentence index, source)
        from nkcheck.extract.setting import finder as setting_finder
        self.hazard_of = setting_finder(lang).hazard_of  # what a disaster is called
        self.known: list[str] = []

    # -- strategies ---------------------------------------------------------------------------
    def _cue(self, sent: Sentence, q: Quantity, clause: tuple[int, int]) -> Optional[Cue]:
        text = self.text
        in_sent = [c for c in self.cues if sent.start <= c.start < sent.end]
        if not in_sent:
            return None
        pre = [c for c in in_sent if c.start < q.start and clause[0] <= c.start]
        # a cue carries over commas, not into hearsay ("sollen ... gewesen sein") or into a clause
        # with a subject of its own ("..., while in Bonn 25,000 took part"); over a semicolon only
        # into a clause that reports nothing itself ("nach Erkenntnissen des NIS sind 100 Soldaten
        # getötet worden; weitere 1000 wurden verwundet")
        pre_s = [c for c in in_sent if c.start < q.start and
                 (";" not in text[c.end:q.start] or self._continues(sent, q))
                 and not self._breaks(text[c.end:q.start])]
        if not pre and self.hearsay(text, clause):
            pre_s = []
        after = [c for c in in_sent if c.start > q.start and ";" not in text[q.end:c.start]
                 and not self._breaks(text[q.end:c.start])]
        # a cue in the figure's own phrase, right after it, is its own, over one before it that
        # belongs to another figure: "28.000 Menschen laut Polizei, 50.000 nach Angaben der Veranstalter"
        own = [c for c in after if OWN_PHRASE.fullmatch(text[q.end:c.start])]
        if own and (pre or pre_s) and re.search(r"[,;:–]", text[(pre or pre_s)[-1].end:q.start]):
            return own[0]
        cand = pre or pre_s or after
        return cand[-1 if (pre or pre_s) else 0] if cand else None

    def _continues(self, sent: Sentence, q: Quantity) -> bool:
        """Whether the part of the sentence between semicolons that holds the figure has no
        reporting verb and no place of its own: it goes on with the report before it ("auf der
        syrischen Seite kamen 3688 ums Leben" after a Turkish agency's toll is another report)."""
        lo = self.text.rfind(";", sent.start, q.start) + 1
        hi = self.text.find(";", q.end, sent.end)
        hi = sent.end if hi < 0 else hi
        return not any(lo <= t.idx < hi and t.lower_ in self.attrib.reporting_verbs for t in sent.tokens) and \
            not any(f.search(self.text, lo, hi) for f in self.attrib.frames) and \
            not any(lo <= m.start < hi and m.type in ("country", "region", "city", "site") for m in self.mentions)

    def _breaks(self, between: str) -> bool:
        """A clause with its own subject lies between: ", while", ", und", "während"."""
        for m in re.finditer(r"[,–]\s*([\wäöüß]+)", between.lower()):
            if m.group(1) in self.attrib.breakers:
                return True
        return False

    def _headline(self, sent: Sentence, actor: Optional[str]) -> Optional[str]:
        m = HEADLINE.match(self.text, sent.start)
        if not m:
            return None
        src = m.group("src").strip()
        named = [x for x in self.mentions if m.start("src") <= x.start < m.end("src")]
        if actor and any(x.entity == actor and x.type == "country" for x in named):
            return None  # "Nordkorea: 600 Soldaten getötet": the prefix is what the figure is about
        words = re.findall(r"[\wäöüÄÖÜß-]+", src)
        if not words or len(words) > 6 or src.lower().split()[0] in self.attrib.not_sources:
            return None
        if any(x.type in ("city", "region", "site") and x.start == m.start("src") for x in named):
            return None  # "Berlin: Zehntausende vor dem Bundestag": a place, not who says so
        if self.hazard_of(words[0]):
            return None  # "Taifun „Dalisay“: Behörden korrigieren ...": the disaster, not who says so
        return src if self._sourcey(src, m.start("src"), m.end("src")) else None

    def _sourcey(self, phrase: str, start: int, end: int) -> bool:
        if any(start <= m.start < end and m.type in ("person", "org", "country") for m in self.mentions):
            return True
        if any(a.group(0).lower() in self.months for a in ACRONYM.finditer(phrase)) and \
                not self.attrib.kind_of(phrase):
            return False
        return self.attrib.is_source_like(phrase)

    def _chunks_de(self, sent: Sentence, q: Quantity) -> list[tuple[int, int, str]]:
        text = self.text
        out = []
        for m in DE_CHUNK.finditer(text, sent.start, sent.end):
            s, e = m.start(), m.end()
            if s <= q.start < e or q.start <= s < q.end + 1:
                continue
            before = re.findall(r"[\wäöüÄÖÜß]+", text[max(sent.start, s - 20):s])
            if before and before[-1].lower() in PREPOSITIONS:
                continue
            det = (m.group("det") or "").strip().lower()
            if det in OBLIQUE:
                continue
            if det and before and before[-1][:1].isupper() and s - 20 > sent.start:
                continue  # "im Westen der Stadt": a genitive attribute, not a subject
            adj = m.group("adj").split()
            cut = [k for k, w in enumerate(adj) if w in self.attrib.reporting_verbs or w in self.attrib.auxiliaries
                   or w in ("die", "der", "das", "dem", "den", "des", "ein", "eine", "einen", "einem")]
            if cut:  # "hatte Staatschef Selenskyj", "nannten die Beamten": the verb is no adjective
                if adj[cut[-1]] in OBLIQUE:
                    continue
                skip = m.start("adj") + len(" ".join(adj[:cut[-1] + 1])) + 1
                s = skip
            phrase = text[s:e]
            if phrase.split()[0].lower() in self.attrib.not_sources and not m.group("det"):
                continue
            if phrase.split()[0].lower() in PREPOSITIONS:
                continue  # "Am Samstag rechnete die Polizei …": a capitalised preposition opens an adverbial

            out.append((s, e, phrase))
        return out

    def _segment(self, sent: Sentence, q: Quantity) -> tuple[int, int]:
        """The part of the sentence between semicolons that holds the figure."""
        text = self.text
        lo = text.rfind(";", sent.start, q.start)
        hi = text.find(";", q.end, sent.end)
        return (lo + 1 if lo >= 0 else sent.start), (hi if hi >= 0 else sent.end)

    def _subject(self, sent: Sentence, q: Quantity, clause: tuple[int, int]) -> Optional[str]:
        """The subject of a reporting verb of the sentence, when it names a source: in the
        figure's own clause when that clause reports ("…, meldeten Veranstalter bis zu 30.000"),
        else in the figure's part of the sentence."""
        lo, hi = self._segment(sent, q)
        toks = [t for t in sent.tokens if lo <= t.idx < hi]
        verbs = [t for t in toks if t.lower_ in self.attrib.reporting_verbs]
        if self.hearsay(self.text, clause) and all(clause[0] <= v.idx < clause[1] for v in verbs):
            return None  # "sollen 5000 gewesen sein": hearsay, unless a reporting clause governs it
        if not verbs and not any(f.search(self.text, lo, hi) for f in self.attrib.frames):
            return None
        if self.lang == "de":
            part = Sentence(lo, hi, sent.clauses, toks)
            chunks = [c for c in self._chunks_de(part, q) if self._sourcey(c[2], c[0], c[1])]
            if any(clause[0] <= v.idx < clause[1] for v in verbs):
                own = [c for c in chunks if clause[0] <= c[0] < clause[1]]
                chunks = own or chunks
            if chunks:
                return chunks[0][2]
            # "die Zahl der Verletzten gab er mit 72 879 an": a pronoun subject refers back
            pron = [t for t in toks if t.lower_ in self.attrib.anaphora and clause[0] <= t.idx < clause[1]
                    and (not t.text[:1].isupper() or t.idx == lo or t.idx == sent.start)]
            return pron[0].text if pron else None
        # English: the words before the reporting verb (or its auxiliary), back to a clause boundary
        text = self.text
        for v in verbs:
            if v.idx <= q.start < v.idx + len(v.text):
                continue
            words = [m for m in EN_WORD.finditer(text, sent.start, v.idx)]
            while words and (words[-1].group(0).lower() in self.attrib.auxiliaries
                             or words[-1].group(0).lower() in ("earlier", "later", "also", "now", "then", "had")):
                words.pop()
            if words and words[-1].group(0) == ",":
                # "The Syrian Civil Defense, the rescue group ..., said": the subject before its apposition
                commas = [k for k, m in enumerate(words) if m.group(0) == ","]
                if len(commas) >= 2:
                    words = words[:commas[-2]]
            span = []
            for m in reversed(words):
                w = m.group(0)
                if w in (",", ";", ":", "(", ")") or w.lower() in ("that", "and", "while", "but", "as", "which", "who"):
                    break
                if m.start() <= q.start < m.end():
                    span = []
                    break
                span.insert(0, m)
                if len(span) >= 7:
                    break
            if not span:
                continue
            s, e = span[0].start(), span[-1].end()
            phrase = text[s:e]
            first = phrase.split()[0].lower()
            if first in ("the", "a", "an"):
                phrase = phrase.split(None, 1)[1] if " " in phrase else ""
            if phrase and (self._sourcey(phrase, s, e) or phrase.lower() in self.attrib.anaphora):
                return phrase
        return None

    def _anaphor(self, phrase: str) -> bool:
        """"er", "the agency", "der Dienst": a phrase that refers back to the last source."""
        return " ".join(phrase.lower().split()) in self.attrib.anaphora

    def _anaphor_after_article(self, phrase: str, start: Optional[int]) -> bool:
        """A cue drops the article ("according to the group" names "group"): with the word before
        ``start`` it refers back ("the group"), though the bare word may name a source itself."""
        before = re.search(r"(\w+)\s+$", self.text[max(0, start - 12):start]) if start else None
        return bool(before) and self._anaphor(f"{before.group(1)} {phrase}")

    def _said_after(self, sent: Sentence) -> Optional[str]:
        """A source named in the next sentence that points back at this one ("Drei Menschen
        kamen ums Leben. Das teilte die Feuerwehr mit."; "Das zeigt eine Aufstellung der
        Nachrichtenagentur AFP"; "That is according to the health ministry")."""
        opener = self.attrib.said_after_re.match(self.text, sent.end)
        if not opener:
            return None
        start = sent.end + len(opener.group(0)) - len(opener.group(0).lstrip(" \t"))  # the sentence's start
        stop = min((i for i in (self.text.find(". ", start), self.text.find("\n", start)) if i >= 0),
                   default=len(self.text))
        for c in self.cues:
            if start <= c.start <= stop and c.source and not self._anaphor(c.source):
                return c.source
        return None

    def _named_by_modifier(self, phrase: str, sent: Sentence) -> Optional[str]:
        """An anaphor's noun with a modifier that names whose it is ("das Ministerium für
        öffentliche Arbeiten", "der Sprecher der Polizei", "the Ministry of Public Works"):
        the phrase with it, which names a source instead of referring back."""
        mods = self.attrib.naming_modifiers
        if not mods:
            return None
        seg = self.text[sent.start:sent.end]
        i = seg.lower().find(phrase.lower())
        if i < 0:
            return None
        noun = r"[A-ZÄÖÜ][\wäöüß-]+" if self.lang == "de" else r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}"
        m = re.match(rf"\s+(?:{'|'.join(map(re.escape, mods))})\s+(?:(?:the|[a-zäöüß]+)\s+){{0,2}}{noun}",
                     seg[i + len(phrase):])
        if not m:
            return None
        words = phrase.split()
        head = " ".join(words[1:]) if len(words) > 1 else phrase
        return head + m.group(0)

    def _antecedent(self, phrase: str, before: int) -> Optional[str]:
        """What a noun anaphor refers back to when no figure of the sentences before had a
        source: the last phrase before it that the noun heads, in the sentences just before
        ("Die Katastrophenschutzbehörde NDRRMC hat ... korrigiert. ... teilte die Behörde mit":
        a German compound ends in its head; "the state weather agency PAGASA ... the agency
        said"), with a name or acronym after it."""
        words = phrase.lower().split()
        if len(words) > 2 or (len(words) == 1 and phrase.lower() in self.attrib.anaphora):
            return None  # a pronoun ("er", "they") is left to the sources of figures
        noun = re.escape(words[-1])
        start = before
        for _ in range(3):  # back over the three sentence ends before this sentence
            start = max(self.text.rfind(". ", 0, start - 1), self.text.rfind("\n", 0, start - 1), 0)
            if start == 0:
                break
        window = self.text[start:before]
        head = rf"[A-ZÄÖÜ][\wäöüß-]*{noun}" if self.lang == "de" else rf"(?:[A-Z][\w-]*\s+)*(?i:{noun})"
        found = list(re.finditer(rf"(?<![\w-])(?:{head})(?:\s+(?:[A-Z]{{2,}}|[A-ZÄÖÜ][\wäöüß]+))*(?![\w-])", window))
        for m in reversed(found):
            cand = m.group(0).strip()
            if cand.lower() != words[-1] and self.attrib.is_source_like(cand):
                return cand
        return None

    def speaker(self, source: Optional[str]) -> Optional[str]:
        """Whose statement a source's is: the country an agency, a government, a capital or an
        official speaks for ("südkoreanischen Geheimdienstes NIS", "Seoul", "British Defence
        Intelligence"), else a known person ("Präsident Wolodymyr Selenskyj"). Statements of one
        speaker over time are one series."""
        return speaker_of(self.lang, source) if source else None

    # -- the slot ---------------------------------------------------------------------------------
    def find(self, si: int, sent: Sentence, q: Quantity, clause: tuple[int, int],
             actor: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
        """(source, kind of source) for the figure ``q`` in sentence number ``si``."""
        text = self.text
        cue = self._cue(sent, q, clause)
        source = cue.source if cue else None
        named = cue is not None
        if source is None:
            source = self._headline(sent, actor) or self._subject(sent, q, clause)
            named = source is not None
        own = source is not None and self._anaphor(source)
        if own:
            named_by = self._named_by_modifier(source, sent)
            if named_by:  # "Das Ministerium für öffentliche Arbeiten meldete ...": no anaphor
                source, own, named = named_by, False, True
        # "according to the government": refers back, and names a source itself too
        bare = source is not None and not own and self._anaphor_after_article(source, cue.src_start if cue else None)
        if own or bare:
            recent = self.last[1] if self.last and si - self.last[0] <= 3 else None
            back = self._antecedent(source, sent.start) if recent is None else None
            named = (bare and recent is None) or back is not None
            source = recent or back or (source if bare else None)
        if source is None and self.last and si - self.last[0] <= 3 and \
                self.attrib.is_reported_speech(text[sent.start:sent.end]):
            source = self.last[1]
        if source is None:
            source = self._said_after(sent)
            named = source is not None
        if source:
            source = canonical_source(source, self.known)
            if named:
                self.known.append(source)
            self.last = (si, source)
        return source, self.attrib.kind_of(source)


@lru_cache(maxsize=4096)
def speaker_of(lang: str, source: str) -> Optional[str]:
    """See ``SourceFinder.speaker``."""
    entities = entity_finder()
    found = entities.find(source, lang)
    for m in found:
        said_for = (entities.info.get(m.entity) or {}).get("speaks_for")
        if said_for:
            return said_for
    country = next((m.entity for m in found if m.type == "country"), None)
    if country:
        return country
    person = next((m.entity for m in found if m.type in ("person", "org")), None)
    if person:
        return person
    # "der Generalstab in Seoul": an institution of the country its seat is in
    return next((c for c in (containment.country(m.entity) for m in found if m.type in ("city", "region")) if c), None)
