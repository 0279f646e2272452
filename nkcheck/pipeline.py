"""Build the spaCy pipeline: a blank (or, when installed, trained) language plus nkcheck's
own components, registered by name so a pipeline can be described in config.

Components only talk through Doc attributes:
  doc._.nk_times      time expressions (extract/times.py)
  doc._.nk_quantities quantities (extract/quantities.py), without those inside time expressions
  doc._.nk_mentions   actor and place mentions (extract/entities.py)
  doc._.nk_cues       attribution cues (extract/attribution.py)
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nkcheck import lang as langdata
from nkcheck.extract import attribution, entities, quantities, times

log = logging.getLogger("nkcheck")

TRAINED = {"de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
           "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm")}

for _name in ("nk_times", "nk_quantities", "nk_mentions", "nk_cues"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("nkcheck_sentences", default_config={"lang": "de"})
def make_sentences(nlp: Language, name: str, lang: str):
    """Sentence starts after every line break, and after . ! ? (or a quote closing them)
    when the next word starts a sentence (capital letter, digit, opening quote, or a bracket
    opening a sentence of its own: "... in Spain. (An earlier report had ...)").

    German writes ordinals with a full stop ("am 20. Januar"), so a number token ending in
    "." ends a sentence only when it cannot be an ordinal: it has grouped digits or more
    than three digits ("etwa 3500. In Spremberg"), or no article or preposition
    (``ordinal_preceders`` in ``lang/<lang>/numbers.yaml``) stands before it."""
    preceders = {w.lower() for w in langdata.load(lang, "numbers").get("ordinal_preceders", [])}
    months = {m.lower() for m in langdata.load(lang, "time").get("months", {})}

    def number_ends_sentence(doc: Doc, i: int) -> bool:
        prev = doc[i - 1]
        if not re.fullmatch(r"\d[\d.,]*\.", prev.text) or doc[i].text.lower().rstrip(".") in months:
            return False
        grouped = i > 1 and re.fullmatch(r"\d+", doc[i - 2].text) is not None and doc[i - 2].whitespace_ != ""
        if grouped or len(prev.text) > 4 or re.search(r"\d[.,]\d", prev.text):
            return True
        return i < 2 or doc[i - 2].text.lower() not in preceders

    def component(doc: Doc) -> Doc:
        enders = (".", "!", "?")
        for i, tok in enumerate(doc):
            if i == 0:
                tok.is_sent_start = True
                continue
            prev = doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
                continue
            closes = prev.text in enders or (
                prev.text in ("“", '"', "»", "«", ")") and i > 1 and doc[i - 2].text in enders)
            starts = tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in "„\"«»" or \
                (tok.text == "(" and i + 1 < len(doc) and doc[i + 1].text[:1].isupper())  # "... Spain. (An earlier"
            if not closes and starts and tok.text[:1].isupper():
                closes = number_ends_sentence(doc, i)
            tok.is_sent_start = bool(closes and starts)
        return doc
    return component


@Language.factory("nkcheck_times", default_config={"lang": "de"})
def make_times(nlp: Language, name: str, lang: str):
    f = times.finder(lang)

    def component(doc: Doc) -> Doc:
        doc._.nk_times = f.find(doc.text)
        return doc
    return component


@Language.factory("nkcheck_quantities", default_config={"lang": "de"})
def make_quantities(nlp: Language, name: str, lang: str):
    f = quantities.finder(lang)

    def component(doc: Doc) -> Doc:
        blocked = [(t.start, t.end) for t in (doc._.nk_times or [])]
        doc._.nk_quantities = f.find(doc.text, blocked)
        return doc
    return component


@Language.factory("nkcheck_entities", default_config={"lang": "de"})
def make_entities(nlp: Language, name: str, lang: str):
    f = entities.finder()

    def component(doc: Doc) -> Doc:
        # a time expression names no place ("Mitte Januar", "Ende Mai"); a date in a name does
        blocked = [(t.start, t.end) for t in (doc._.nk_times or []) if t.label != "name"]
        doc._.nk_mentions = f.find(doc.text, lang, blocked)
        return doc
    return component


@Language.factory("nkcheck_attribution", default_config={"lang": "de"})
def make_attribution(nlp: Language, name: str, lang: str):
    f = attribution.finder(lang)

    def component(doc: Doc) -> Doc:
        doc._.nk_cues = f.find(doc.text)
        return doc
    return component


def trained_pipeline(lang: str) -> str | None:
    """The name of an installed trained pipeline for the language, if any."""
    for name in TRAINED.get(lang, ()):
        if spacy.util.is_package(name):
            return name
    return None


@lru_cache(maxsize=None)
def make_nlp(lang: str = "de", use_trained: bool = True) -> Language:
    """spacy.blank(lang) with a lookup lemmatizer and nkcheck's components.

    When a trained pipeline is installed it is used for tokens and lemmas (its parser and NER
    are not needed and are left out); nkcheck never requires one."""
    name = trained_pipeline(lang) if use_trained else None
    if name:
        nlp = spacy.load(name, exclude=["ner", "parser", "senter"])
        log.info("using trained pipeline %s", name)
    else:
        nlp = spacy.blank(lang)
        try:
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.initialize()
        except Exception as exc:  # spacy-lookups-data missing or without this language
            log.warning("no lemma tables for %s (%s); matching word forms only", lang, exc)
            if "lemmatizer" in nlp.pipe_names:
                nlp.remove_pipe("lemmatizer")
    nlp.add_pipe("nkcheck_sentences", first=True, config={"lang": lang})
    nlp.add_pipe("nkcheck_times", config={"lang": lang})
    nlp.add_pipe("nkcheck_quantities", config={"lang": lang})
    nlp.add_pipe("nkcheck_entities", config={"lang": lang})
    nlp.add_pipe("nkcheck_attribution", config={"lang": lang})
    return nlp

