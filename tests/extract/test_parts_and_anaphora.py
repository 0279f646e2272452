"""Figures that lean on what was said before them: a small number word that is part of a group
("davon zwölf schwer", "four of the injured"), the part its words name (the seriously or
critically injured), money a pronoun stands for ("Sie beziffert ihn auf zwei Millionen Euro"),
an estimate with "dürfte … belaufen", a verb whose particle changes what it means ("die
Angaben gehen auseinander"), a place where a statement was made, and a hazard set off by the
article's disaster. Table cases in German and English, each a sentence written for the
phenomenon."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents
from nkcheck.extract.quantities import finder


def _claims(tmp_path, text: str, lang: str):
    (tmp_path / "a.md").write_text(f"---\npublished: 2025-03-04\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    return result.claims


def _claim(tmp_path, text: str, lang: str, figure: str):
    found = [c for c in _claims(tmp_path, text, lang) if c.text == figure]
    assert found, [c.text for c in _claims(tmp_path, text, lang)]
    return found[0]


SMALL_PARTS = [  # (id, lang, text, figures found)
    ("de-davon-before", "de", "31 Verletzte, davon zwölf schwer", ["31", "zwölf"]),
    ("de-davon-hedge-before", "de", "31 Verletzte, davon rund zwölf schwer", ["31", "zwölf"]),
    ("de-darunter-before", "de", "Es gab viele Tote, darunter drei Kinder", ["drei"]),
    ("de-von-ihnen-after", "de", "34 Verletzte; vier von ihnen schweben in Lebensgefahr", ["34", "vier"]),
    ("de-group-after", "de", "vier der Verletzten schweben in Lebensgefahr", ["vier"]),
    ("de-ratio-is-no-part", "de", "einer von vier von ihnen", []),
    ("de-plain-small-word-stays-out", "de", "Es waren vier. Dann kam die Polizei.", []),
    ("en-of-them-after", "en", "four of them were children", ["four"]),
    ("en-group-after", "en", "Four of the injured remained in hospital", ["Four"]),
    ("en-ratio-is-no-part", "en", "around 4,000 have died, roughly one in four of them in battle", ["4,000"]),
    ("en-unknown-group-stays-out", "en", "one of the best", []),
]


@pytest.mark.parametrize("lang,text,figures", [pytest.param(*c[1:], id=c[0]) for c in SMALL_PARTS])
def test_small_number_word_as_part(lang, text, figures):
    assert [q.text for q in finder(lang).find(text)] == figures


SUBSETS = [  # (id, lang, text, figure, object)
    ("de-davon-schwer", "de", "Die Feuerwehr zählte 31 Verletzte, davon zwölf schwer.", "zwölf", "seriously_injured"),
    ("de-whole-stays-wounded", "de", "Die Feuerwehr zählte 31 Verletzte, davon zwölf schwer.", "31", "wounded"),
    ("de-in-lebensgefahr", "de", "Die Zahl der Verletzten stieg auf 34; vier von ihnen schweben in Lebensgefahr.",
     "vier", "critically_injured"),
    ("de-schwer-verletzt", "de", "Bei dem Unfall wurden zwölf Menschen schwer verletzt.", "zwölf", "seriously_injured"),
    ("de-schwer-beschaedigt-is-no-injury", "de", "Bei dem Sturm wurden drei Häuser schwer beschädigt.", "drei",
     "buildings_damaged"),
    ("en-critical-condition", "en", "At least 30 people were injured. Four of the injured remained in critical condition.",
     "Four", "critically_injured"),
    ("en-seriously", "en", "Twelve people were seriously injured in the crash.", "Twelve", "seriously_injured"),
    ("en-plain-injured", "en", "At least 30 people were injured in the crash.", "30", "wounded"),
]


@pytest.mark.parametrize("lang,text,figure,obj", [pytest.param(*c[1:], id=c[0]) for c in SUBSETS])
def test_part_named_by_its_words(tmp_path, lang, text, figure, obj):
    c = _claim(tmp_path, text, lang, figure)
    assert c.object == obj
    if obj != "wounded" and "davon" in text:
        assert c.part_of is None  # a named part is a measure of its own


MONEY = [  # (id, lang, text, figure, object, modality)
    ("de-pronoun-ihn", "de", "Die Polizei hat eine erste Schätzung des Sachschadens vorgelegt. Sie beziffert ihn auf "
     "mindestens zwei Millionen Euro.", "zwei Millionen", "damage", "actual"),
    ("de-duerfte-belaufen-is-an-estimate", "de", "Der Schaden ist weit höher als angenommen. Nach Angaben des Versicherers "
     "dürfte er sich auf rund 40 Millionen Euro belaufen.", "40 Millionen", "damage", "actual"),
    ("de-future-belaufen-stays-a-forecast", "de", "Die Kosten werden sich auf 3 Millionen Euro belaufen.",
     "3 Millionen", "cost", "intended"),
    ("en-pronoun-it", "en", "The insurer assessed the damage to the plant. It put it at about $40 million.",
     "40 million", "damage", "actual"),
    ("en-no-antecedent-stays-money", "en", "The striker earns $5 million a year.", "5 million", "money", "actual"),
]


@pytest.mark.parametrize("lang,text,figure,obj,modality", [pytest.param(*c[1:], id=c[0]) for c in MONEY])
def test_money_a_pronoun_stands_for(tmp_path, lang, text, figure, obj, modality):
    c = _claim(tmp_path, text, lang, figure)
    assert (c.object, c.modality) == (obj, modality)


def test_english_number_before_a_full_stop_ends_the_sentence(tmp_path):
    """German writes ordinals with a full stop ("am 26. Juni"); English does not, so "at 26.
    Four …" is a figure that ends its sentence."""
    c = _claim(tmp_path, "At least 30 people were injured, according to police, who had earlier put the figure "
                         "at 26. Four of the injured remained in critical condition.", "en", "26")
    assert c.object == "wounded"
    assert finder("de").find("am 26. Juni") == []


@pytest.mark.parametrize("text,figure,event", [
    pytest.param("Auch bei der Evakuierung gehen die Angaben auseinander: Die Polizei sprach von 800 Evakuierten, "
                 "die Stadt von 2.000.", "2.000", "evacuated", id="de-gehen-auseinander-is-no-movement"),
    pytest.param("Am Montag kamen 3000 Soldaten an.", "3000", "arrived", id="de-kamen-an-is-arrival"),
])
def test_particle_changes_a_weak_verb(tmp_path, text, figure, event):
    assert _claim(tmp_path, text, "de", figure).event == event


@pytest.mark.parametrize("lang,text,figure", [
    pytest.param("de", "Bei dem Taifun starben mindestens 38 Menschen. Das teilte die Katastrophenschutzbehörde am Mittwoch "
                       "in Manila mit. 60 Menschen werden noch vermisst.", "60", id="de-teilte-in-x-mit"),
    pytest.param("en", "The storm killed at least 38 people. The agency said so in Manila on Wednesday. About 60 people "
                       "are still missing.", "60", id="en-said-in-x"),
])
def test_place_of_a_statement_is_not_inherited(tmp_path, lang, text, figure):
    assert _claim(tmp_path, text, lang, figure).place != "gn:1701668"  # Manila


def test_place_named_with_the_figure_is_still_inherited(tmp_path):
    c = _claim(tmp_path, "In Manila standen viele Straßen unter Wasser. 60 Menschen werden noch vermisst.", "de", "60")
    assert c.place == "gn:1701668"


@pytest.mark.parametrize("lang,text,figure,actor", [
    pytest.param("de", "# Taifun trifft die Philippinen\n\nDer Taifun hat mindestens 38 Menschen das Leben gekostet. "
                       "60 Menschen werden noch vermisst, die meisten in den Bergen, wo Erdrutsche Dörfer verschüttet haben.",
                 "60", "tropical_storm", id="de-landslide-of-a-typhoon"),
    pytest.param("en", "# Typhoon hits the Philippines\n\nThe typhoon has killed at least 38 people. About 60 people are "
                       "missing in the mountains, where landslides buried villages.", "60", "tropical_storm",
                 id="en-landslide-of-a-typhoon"),
    pytest.param("de", "# Erdrutsch in den Alpen\n\nEin Erdrutsch hat 12 Häuser zerstört. Bei dem Erdrutsch starben "
                       "3 Menschen.", "3", "landslide", id="de-landslide-on-its-own"),
])
def test_hazard_set_off_by_the_articles_disaster(tmp_path, lang, text, figure, actor):
    assert _claim(tmp_path, text, lang, figure).actor == actor


@pytest.mark.parametrize("lang,text,figure,actor", [
    pytest.param("en", "# Governor: 41 dead in his province\n\nThe governor said 41 people had died as a result of "
                       "Typhoon Dalisay.\n\nAbout 60 people are still missing, officials said.", "60", "tropical_storm",
                 id="en-hazard-of-the-lead"),
    pytest.param("de", "# Gouverneur: 41 Tote in seiner Provinz\n\nDer Gouverneur sagte, 41 Menschen seien durch den "
                       "Taifun ums Leben gekommen.\n\n60 Menschen werden noch vermisst, sagten die Behörden.", "60",
                 "tropical_storm", id="de-hazard-of-the-lead"),
    pytest.param("en", "# Floods hit the north\n\nThe floods killed 38 people. According to the city's fire brigade, "
                       "12 people were hurt.", "12", "flood", id="en-fire-brigade-is-no-fire"),
])
def test_hazard_of_the_article(tmp_path, lang, text, figure, actor):
    """The hazard the lead names as the cause of its news is the article's (named once); a hazard
    word that modifies the noun after it ("fire brigade") names none."""
    assert _claim(tmp_path, text, lang, figure).actor == actor


def test_national_toll_is_the_countrys(tmp_path):
    text = ("# Governor: Isabela alone has 41 dead\n\nILAGAN, Philippines — The governor of Isabela province said "
            "that 41 people had died in his province alone, more than the national toll of 38 announced by the "
            "country's disaster agency.")
    c = _claim(tmp_path, text, "en", "38")
    assert (c.place, c.source) == ("PH", "country's disaster agency")
    assert _claim(tmp_path, text, "en", "41").place == "PH-ISA"


PARTS = [  # (id, lang, text, figure, object, is an unnamed part of the figure before)
    ("de-davon-counts-what-its-whole-counts", "de", "Insgesamt sind rund 2.000 Soldaten stationiert, davon rund 500 "
     "Angehörige der Fremdenlegion.", "500", "soldiers", True),
    ("en-of-them-with-a-noun-is-a-part", "en", "France has about 2,000 soldiers stationed in Romania, of them some 500 "
     "Foreign Legion troops.", "500", "soldiers", True),
    ("de-darunter-names-its-own-measure", "de", "Der NIS meldete rund 3.000 Verluste, darunter 300 Tote.", "300", "killed",
     False),
    ("en-including-names-its-own-measure", "en", "The agency reported 3,000 casualties, including 300 dead.", "300", "killed",
     False),
    # a toll adds up over places: its part with a place of its own is that place's toll
    ("de-davon-in-a-place-is-its-toll", "de", "Offiziell sind bislang 215 Todesopfer bestätigt, 211 davon wurden in der "
     "Region Valencia geborgen.", "211", "killed", False),
    ("en-of-them-in-a-place-is-its-toll", "en", "At least 217 people have died, 213 of them in the Valencia region.", "213",
     "killed", False),
    # troops sent to a country: the part in one of its regions is still a part of the deployment
    ("de-troops-davon-in-a-region-stay-a-part", "de", "Insgesamt sind 12.000 Soldaten in Russland, davon 3.000 in Kursk.",
     "3.000", "soldiers", True),
]


@pytest.mark.parametrize("lang,text,figure,obj,part", [pytest.param(*c[1:], id=c[0]) for c in PARTS])
def test_part_or_a_measure_of_its_own(tmp_path, lang, text, figure, obj, part):
    c = _claim(tmp_path, text, lang, figure)
    assert (c.object, c.part_of is not None) == (obj, part)


@pytest.mark.parametrize("lang,text,figure", [
    pytest.param("de", "Insgesamt sind rund 2.000 Franzosen stationiert. Bis zum Sommer sollen es nach den Plänen der "
                       "Regierung bis zu 3.500 werden.", "3.500", id="de-plan-of-an-anaphoric-figure"),
    pytest.param("en", "About 2,000 French soldiers are stationed in Romania. By the summer there will be up to 3,500.",
                 "3,500", id="en-plan-of-an-anaphoric-figure"),
])
def test_figure_that_refers_back_keeps_its_own_plan(tmp_path, lang, text, figure):
    """A figure that takes its measure from the one before ("es", no noun) keeps the modality of
    its own clause: a plan stays a plan."""
    assert _claim(tmp_path, text, lang, figure).modality == "intended"
