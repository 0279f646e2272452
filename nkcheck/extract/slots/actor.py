"""Who the counted people or things belong to: a nationality adjective on the counted noun
("nordkoreanische Soldaten"), else an actor named in the clause, else in the sentence; for
crowds, the group that marches (farmers, students, strikers ...)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import Sentence
from nkcheck.model import Claim, Document, Mention, Quantity
from nkcheck.normalize.objects import lexicon


class ActorFinder:
    def __init__(self, lang: str):
        self.objects = lexicon(lang)
        groups = langdata.load(lang, "objects").get("groups", {})
        self.group_res = [(g, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in stems) + ")", re.IGNORECASE))
                          for g, stems in sorted(groups.items())]

    @staticmethod
    def _ok(m: Mention, cue_spans) -> bool:
        return m.type in ("country", "org") and not any(s <= m.start < e for s, e in cue_spans)

    def own(self, mentions: list[Mention], q: Quantity, noun_end: int, clause, cue_spans, text: str) -> Optional[str]:
        """The nationality of the counted noun itself: "3000 nordkoreanische Soldaten", "put North
        Korean casualties at several hundred", "die Zahl der getöteten Nordkoreaner auf über 1.100"."""
        for m in mentions:
            if q.end <= m.start < max(noun_end, q.end + 1) and m.role == "adj" and self._ok(m, cue_spans):
                return m.entity
        owned = [m for m in mentions if clause[0] <= m.start < q.start and self._ok(m, cue_spans)
                 and (m.role == "demonym" or (m.role == "adj" and self._counted_after(text, m.end, q.start)))]
        return owned[-1].entity if owned else None

    def find(self, mentions: list[Mention], clause, sent: Sentence, q: Quantity, cue_spans) -> Optional[str]:
        """An actor named in the figure's clause, else in its sentence (when ``own`` finds none)."""
        def ok(m: Mention) -> bool:
            return self._ok(m, cue_spans)
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

    def _counted_after(self, text: str, pos: int, limit: int) -> bool:
        """A counted noun within two words after a nationality adjective ("North Korean troops")."""
        return any(self.objects.lookup(w) for w in re.findall(r"[\wäöüÄÖÜß-]+", text[pos:limit])[:2])

    @staticmethod
    def recent(mentions: list[Mention], pos: int, cited=()) -> Optional[str]:
        """The last country or organisation named as an actor before a position in the article;
        one that is only cited there ("laut Seoul", "according to the Ministry of Defence") gives
        figures, it is not what they count."""
        for m in reversed(mentions):
            if m.start < pos and m.type in ("country", "org") and m.role == "actor":
                if any(s <= m.start < e for s, e in cited):
                    continue
                return m.entity
        return None

    def _groups_in(self, span: str) -> Counter:
        return Counter(g for g, rx in self.group_res for _ in rx.finditer(span))

    def crowd_groups(self, claims: list[Claim], text: str, document: Document, sents, starts, is_local) -> Optional[str]:
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
            if not is_local(c.event):
                continue
            si = bisect_right(starts, c.start) - 1
            near = self._groups_in(c.noun or "") or self._groups_in(text[sents[si].start:sents[si].end])
            c.actor = near.most_common(1)[0][0] if near else article
        return article


@lru_cache(maxsize=None)
def finder(lang: str) -> ActorFinder:
    return ActorFinder(lang)
