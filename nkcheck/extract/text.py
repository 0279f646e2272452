"""The sentence model the slot finders share: sentences, their clauses and tokens, and the word
pattern. Everything works on character offsets into the analysed text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

# Tokens that end a clause: a figure's event, time and actor are looked for inside its clause first.
BOUNDARY = {",", ";", ":", "–", "—", "(", ")", "|"}
# A word (letters, digits, hyphens, the signs that stick to figures) or one punctuation mark.
WORD_RE = re.compile(r"[\wäöüÄÖÜß%€$²\-]+|[^\s\w]")
SENTENCE_END = (".", "!", "?")


@dataclass
class Sentence:
    start: int
    end: int
    clauses: list[tuple[int, int]]
    tokens: list  # spaCy tokens of the sentence, without whitespace tokens

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause that holds a character offset (the whole sentence when none does)."""
        return next((c for c in self.clauses if c[0] <= pos < c[1]), (self.start, self.end))

    def embedded(self, text: str, pronouns) -> list[tuple[int, int]]:
        """Clauses that open with a relative pronoun and are followed by more of the sentence
        (set between commas: "..., which devastated neighbouring Türkiye, was close to 3,600")."""
        out = []
        for k, (s, e) in enumerate(self.clauses[:-1]):
            m = re.match(r"[\s,;–-]*([\wäöüÄÖÜß]+)", text[s:e])
            if k and m and m.group(1).lower() in pronouns:
                out.append((s, e))
        return out


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


def words(text: str) -> list[str]:
    """Lower-case words of a piece of text (letters and digits, umlauts and ß included)."""
    return re.findall(r"[\wäöüß]+", text.lower())
