"""Where the counted thing happened: a place named in the clause, else in the sentence (the one
before the figure first); a figure with no place of its own is where its paragraph last said,
or where the article is set (the one city or site its headline and lead name)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nkcheck.extract.text import Sentence
from nkcheck.model import Claim, Document, Mention, Quantity


def is_place(m: Mention) -> bool:
    return m.role in ("place", "adj_place") or (m.type in ("city", "region", "site") and m.role not in ("other", "origin"))


class PlaceFinder:
    def __init__(self, aggregate_cues: list[str]):
        self.aggregate_cues = aggregate_cues

    def find(self, mentions: list[Mention], q: Quantity, clause, sent: Sentence, cue_spans) -> Optional[str]:
        def placey(m: Mention) -> bool:
            if any(s <= m.start < e for s, e in cue_spans):
                return False
            return is_place(m)
        for lo, hi in (clause, (sent.start, sent.end)):
            ms = [m for m in mentions if lo <= m.start < hi and placey(m)]
            if ms:
                before = [m for m in ms if m.start < q.start]
                return (before[-1] if before else ms[0]).entity
        return None

    def inherit(self, claims: list[Claim], mentions: list[Mention], cue_spans, text: str, document: Document) -> None:
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


@lru_cache(maxsize=None)
def finder(lang: str) -> PlaceFinder:
    from nkcheck.extract.entities import finder as entity_finder

    return PlaceFinder([c.lower() for c in entity_finder().aggregate_cues(lang)])
