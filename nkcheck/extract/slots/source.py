"""Who is cited for a figure: the attribution cue before it in its clause or sentence (over
commas, not over a semicolon or into hearsay), else the one after it; reported speech
(Konjunktiv I) carries the source of the sentence before."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nkcheck.extract.attribution import Cue, finder as attribution_finder
from nkcheck.extract.text import Sentence
from nkcheck.model import Quantity
from nkcheck.normalize.names import canonical_source


class SourceFinder:
    """Finds the source of each figure of one article in order: it remembers the sources named
    so far (for short references and reported speech), so use one per article."""

    def __init__(self, lang: str, cues: list[Cue], text: str, hearsay):
        self.attrib = attribution_finder(lang)
        self.cues = cues
        self.text = text
        self.hearsay = hearsay
        self.last: Optional[tuple[int, str]] = None  # (sentence index, source)
        self.known: list[str] = []

    def find(self, si: int, sent: Sentence, q: Quantity, clause: tuple[int, int]) -> tuple[Optional[str], Optional[str]]:
        """(source, kind of source) for the figure ``q`` in sentence number ``si``."""
        text = self.text
        in_sent = [c for c in self.cues if sent.start <= c.start < sent.end]
        cue = None
        if in_sent:
            pre = [c for c in in_sent if c.start < q.start and clause[0] <= c.start]
            # a cue carries over commas, not over a semicolon or into hearsay ("sollen ... gewesen sein")
            pre_s = [c for c in in_sent if c.start < q.start and ";" not in text[c.end:q.start]]
            if not pre and self.hearsay(text, clause):
                pre_s = []
            after = [c for c in in_sent if c.start > q.start and ";" not in text[q.end:c.start]]
            cand = pre or pre_s or after
            cue = cand[-1 if (pre or pre_s) else 0] if cand else None
        source = cue.source if cue else None
        if source is None and self.last and si - self.last[0] <= 3 and \
                self.attrib.is_reported_speech(text[sent.start:sent.end]):
            source = self.last[1]
        if source:
            source = canonical_source(source, self.known)
            if cue:
                self.known.append(source)
            self.last = (si, source)
        return source, self.attrib.kind_of(source)


@lru_cache(maxsize=None)
def cue_finder(lang: str):
    return attribution_finder(lang)
