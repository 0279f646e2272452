"""What a figure counts: a new batch ("weitere 500 Soldaten", "another 500 troops"), a likelihood
rather than a count ("die Wahrscheinlichkeit von über 100.000 Todesopfern"), the people a country
deploys, a kind named by an English compound ("special forces troops"): table cases in German and
English, each a sentence written for the phenomenon."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents


def _claim(tmp_path, text: str, lang: str, figure: str):
    (tmp_path / "a.md").write_text(f"---\npublished: 2025-03-04\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    found = [c for c in result.claims if c.text == figure]
    assert found, [c.text for c in result.claims]
    return found[0]


BATCHES = [  # (id, lang, sentence, figure, is a new batch)
    ("de-weitere-before", "de", "Die Regierung schickt weitere 500 Soldaten in das Flutgebiet.", "500", True),
    ("de-zusaetzlich-before", "de", "Zusätzlich 300 Soldaten sind am Abend angekommen.", "300", True),
    ("de-weitere-after", "de", "Pjöngjang hat 3000 weitere Soldaten nach Russland geschickt.", "3000", True),
    ("de-hedge-is-no-batch", "de", "Über 200 Soldaten sind am Abend angekommen.", "200", False),
    ("de-weitere-past-hedge", "de", "Die Armee schickt weitere rund 400 Soldaten.", "400", True),
    ("en-another-before", "en", "The government is sending another 500 troops to the region.", "500", True),
    ("en-a-further-before", "en", "A further 300 soldiers arrived on Friday.", "300", True),
    ("en-more-after", "en", "The army sent 400 more troops on Friday.", "400", True),
    ("en-more-than-is-no-batch", "en", "More than 200 troops arrived on Friday.", "200", False),
    ("en-plain-total-is-no-batch", "en", "Some 1,200 troops are now deployed in the region.", "1,200", False),
]


@pytest.mark.parametrize("lang,text,figure,batch", [pytest.param(*c[1:], id=c[0]) for c in BATCHES])
def test_new_batch(tmp_path, lang, text, figure, batch):
    assert _claim(tmp_path, text, lang, figure).increment is batch


LIKELIHOOD = [  # (id, lang, sentence, figure, modality)
    ("de-likelihood-of-toll", "de", "Die Behörde bezifferte die Wahrscheinlichkeit von über 100.000 Todesopfern auf 24 Prozent.",
     "100.000", "intended"),
    ("en-probability-of-toll", "en", "The agency put the probability of more than 100,000 deaths at 24 percent.",
     "100,000", "intended"),
    ("en-chance-of-toll", "en", "There is a 20 percent chance of 10,000 deaths or more.", "10,000", "intended"),
    ("de-counted-toll-stays-actual", "de", "Die Behörde bezifferte die Zahl der Todesopfer auf über 10.000.", "10.000", "actual"),
    ("en-counted-toll-stays-actual", "en", "The agency put the number of deaths at more than 10,000.", "10,000", "actual"),
]


@pytest.mark.parametrize("lang,text,figure,modality", [pytest.param(*c[1:], id=c[0]) for c in LIKELIHOOD])
def test_likelihood_is_no_count(tmp_path, lang, text, figure, modality):
    assert _claim(tmp_path, text, lang, figure).modality == modality


COUNTED = [  # (id, lang, sentence, figure, object)
    ("de-demonym-deployed-are-troops", "de", "Nordkorea hat 11.000 Nordkoreaner nach Russland geschickt.", "11.000", "soldiers"),
    ("en-demonym-deployed-are-troops", "en", "North Korea has sent 11,000 North Koreans to Russia.", "11,000", "soldiers"),
    ("de-demonym-killed-are-the-killed", "de", "Laut Seoul sind 3000 Nordkoreaner getötet worden.", "3000", "killed"),
    ("en-compound-names-the-kind", "en", "North Korea moved 1,500 special forces troops to Vladivostok.", "1,500",
     "special_forces"),
    ("de-per-area-is-a-density", "de", "Bei drei Menschen pro Quadratmeter ergibt das 180.000 Teilnehmer.", "drei",
     "density"),
    ("en-per-area-is-a-density", "en", "At three people per square metre, that makes 180,000 participants.", "three",
     "density"),
    ("en-a-density-is-no-antecedent", "en", "At three people per square metre, that makes 180,000.", "180,000", None),
    ("de-compound-names-the-kind", "de", "Nordkorea hat 1.500 Spezialkräfte nach Wladiwostok verlegt.", "1.500",
     "special_forces"),
    # a partitive after a comma opens the next figure's phrase: the figure before is the whole
    ("de-whole-before-davon", "de", "Die Verluste summieren sich auf etwa 4.700, davon rund 600 Tote.", "4.700",
     "killed_or_wounded"),
    ("en-whole-before-including", "en", "Casualties have reached about 4,700, including some 600 dead.", "4,700",
     "killed_or_wounded"),
    ("de-figure-then-davon-is-the-part", "de", "Es gab 215 Tote, 211 davon in der Provinz.", "211", "killed"),
    # a genitive after the counted noun is its attribute: the head is what is counted
    ("de-genitive-attribute", "de", "Die Verluste der feindlichen Streitkräfte belaufen sich auf 4.700.", "4.700",
     "killed_or_wounded"),
    ("de-zahl-der-is-generic", "de", "Die Zahl der verletzten Soldaten stieg auf 205.", "205", "wounded"),
    # who is cited is never what is counted: a gapped clause counts what the clause before it does
    ("de-gapped-source-is-not-counted", "de", "Die Polizei sprach von 800 Evakuierten, die Stadt von 2.000.",
     "2.000", "evacuated"),
    ("en-gapped-source-is-not-counted", "en", "Police said 800 people were evacuated, the city 2,000.", "2,000",
     "evacuated"),
]


@pytest.mark.parametrize("lang,text,figure,obj", [pytest.param(*c[1:], id=c[0]) for c in COUNTED])
def test_what_is_counted(tmp_path, lang, text, figure, obj):
    assert _claim(tmp_path, text, lang, figure).object == obj


EVENTS = [  # (id, lang, sentence, figure, event)
    # the verb of a relative clause set between commas is not the figure's
    ("de-relative-clause-verb-is-not-the-figures", "de",
     "Seoul geht davon aus, dass rund zweitausend der Soldaten, die nach Russland geschickt wurden, inzwischen gefallen sind.",
     "zweitausend", "killed"),
    ("en-relative-clause-verb-is-not-the-figures", "en",
     "Seoul believes that about 2,000 of the soldiers, who were sent to Russia, have since died.", "2,000", "killed"),
    ("de-own-clause-verb-stays", "de", "Nordkorea hat 3000 Soldaten geschickt, die inzwischen an der Front kämpfen.", "3000",
     "sent"),
    # people moved to shelters are evacuated, not troops moved
    ("en-moved-to-evacuation-centres", "en",
     "More than 50,000 people were moved to evacuation centres before the storm.", "50,000", "evacuated"),
    ("de-in-notunterkuenfte-gebracht", "de",
     "Mehr als 50.000 Menschen wurden vor dem Sturm in Notunterkünfte gebracht.", "50.000", "evacuated"),
]


@pytest.mark.parametrize("lang,text,figure,event", [pytest.param(*c[1:], id=c[0]) for c in EVENTS])
def test_what_happened(tmp_path, lang, text, figure, event):
    assert _claim(tmp_path, text, lang, figure).event == event
