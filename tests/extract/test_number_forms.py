"""Numbers as German and English news writes them: fractions, dozens, long number words with
a scale word inside, shares named by a fraction, amounts with cents, values below zero, zero and one as figures.

Each row: (id, language, sentence, the figure as written, low, high). The sentences are written
for these tests; a row with ``None`` as the figure says that no figure may be read there.
"""
from __future__ import annotations

import pytest

from nkcheck.extract.quantities import finder
from nkcheck.normalize.numbers import parse_number

FRACTIONS = [
    ("de-zweieinhalb-millionen", "de", "Zweieinhalb Millionen Menschen waren ohne Strom.",
     "Zweieinhalb Millionen", 2_500_000, 2_500_000),
    ("de-dreieinhalb-millionen", "de", "Rund dreieinhalb Millionen Haushalte sind betroffen.",
     "dreieinhalb Millionen", 3_500_000, 3_500_000),
    ("de-eine-halbe-million", "de", "Eine halbe Million Menschen floh aus der Stadt.",
     "Eine halbe Million", 500_000, 500_000),
    ("de-einer-halben-million", "de", "Die Rede ist von einer halben Million Besuchern.",
     "halben Million", 500_000, 500_000),
    ("de-anderthalb-tausend", "de", "Anderthalb Tausend Helfer räumten die Straßen.",
     "Anderthalb Tausend", 1500, 1500),
    ("de-eineinhalb-millionen", "de", "Eineinhalb Millionen Euro fehlen im Haushalt.",
     "Eineinhalb Millionen", 1_500_000, 1_500_000),
    ("de-dreiviertel-million", "de", "Eine dreiviertel Million Menschen lebt in der Region.",
     "Eine dreiviertel Million", 750_000, 750_000),
    ("de-zweieinhalbtausend", "de", "Zweieinhalbtausend Beschäftigte legten die Arbeit nieder.",
     "Zweieinhalbtausend", 2500, 2500),
    ("de-halb-so-viele", "de", "Halb so viele Gäste wie im Vorjahr kamen.", None, None, None),
    ("en-two-and-a-half-million", "en", "About two and a half million people fled the region.",
     "two and a half million", 2_500_000, 2_500_000),
    ("en-one-and-a-half-million", "en", "One and a half million homes lost power.",
     "One and a half million", 1_500_000, 1_500_000),
    ("en-half-a-million", "en", "Half a million people joined the march.",
     "Half a million", 500_000, 500_000),
    ("en-three-quarters", "en", "Three quarters of a million voters stayed at home.",
     "Three quarters of a million", 750_000, 750_000),
    ("en-a-quarter", "en", "A quarter of a million tonnes of grain were shipped.",
     "A quarter of a million", 250_000, 250_000),
    ("en-half-alone", "en", "Half as many guests came.", None, None, None),
]

SHARES = [  # a fraction of a set is a share in percent, read as approximate
    ("de-ein-drittel", "de", "Ein Drittel der Häuser wurde zerstört.", "Ein Drittel", 33.3, 33.3),
    ("de-zwei-drittel", "de", "Zwei Drittel aller Wähler stimmten zu.", "Zwei Drittel", 66.7, 66.7),
    ("de-haelfte", "de", "Die Hälfte der Bewohner floh vor dem Wasser.", "Die Hälfte", 50, 50),
    ("de-mehr-als-die-haelfte", "de", "Mehr als die Hälfte der Bewohner floh.", "die Hälfte", 50, None),
    ("de-drei-viertel", "de", "Drei Viertel der Häuser sind unbewohnbar.", "Drei Viertel", 75, 75),
    ("de-viertel-district", "de", "In einem Viertel der Stadt fiel der Strom aus.", None, None, None),
    ("de-haelfte-alone", "de", "Die Hälfte ist weg.", None, None, None),
    ("en-a-third", "en", "A third of the homes were destroyed.", "A third", 33.3, 33.3),
    ("en-two-thirds", "en", "Two thirds of all voters agreed.", "Two thirds", 66.7, 66.7),
    ("en-more-than-half", "en", "More than half of the residents fled.", "half", 50, None),
    ("en-half-the", "en", "Half the houses were flooded.", "Half", 50, 50),
    ("en-a-fifth", "en", "A fifth of the crops were lost.", "A fifth", 20, 20),
    ("en-not-a-million", "en", "Three quarters of a million people fled.", "Three quarters of a million", 750_000, 750_000),
]

DOZENS = [
    ("de-ein-dutzend", "de", "Ein Dutzend Häuser brannte nieder.", "Ein Dutzend", 12, 12),
    ("de-zwei-dutzend", "de", "Zwei Dutzend Feuerwehrleute waren im Einsatz.", "Zwei Dutzend", 24, 24),
    ("de-dreissig-dutzend", "de", "Dreißig Dutzend Schutzmasken wurden verteilt.", "Dreißig Dutzend", 360, 360),
    ("de-digit-dutzend", "de", "3 Dutzend Zelte stehen auf dem Platz.", "3 Dutzend", 36, 36),
    ("de-mehrere-dutzend", "de", "Mehrere Dutzend Menschen wurden verletzt.", "Mehrere Dutzend", 24, 119),
    ("de-dutzende", "de", "Dutzende Menschen wurden verletzt.", "Dutzende", 24, 119),
    ("en-a-dozen", "en", "A dozen houses burned down.", "dozen", 12, 12),
    ("en-three-dozen", "en", "Three dozen firefighters fought the blaze.", "Three dozen", 36, 36),
    ("en-digit-dozen", "en", "Police found 4 dozen rifles.", "4 dozen", 48, 48),
    ("en-several-dozen", "en", "Several dozen people were hurt.", "Several dozen", 24, 119),
    ("en-dozens", "en", "Dozens of people were hurt.", "Dozens", 24, 119),
]

SCALE_INSIDE = [
    ("de-zwei-millionen-dreihunderttausend", "de", "Zwei Millionen dreihunderttausend Stimmen wurden gezählt.",
     "Zwei Millionen dreihunderttausend", 2_300_000, 2_300_000),
    ("de-einunddreissig-millionen", "de", "Es leben einunddreißig Millionen zweihunderttausend Menschen dort.",
     "einunddreißig Millionen zweihunderttausend", 31_200_000, 31_200_000),
    ("de-tausendundzwoelf", "de", "Es waren siebenhunderteinundzwanzigtausendundzwölf Stimmen.",
     "siebenhunderteinundzwanzigtausendundzwölf", 721_012, 721_012),
    ("de-eine-million-zweihunderttausend", "de", "Eine Million zweihunderttausend Euro kostete der Bau.",
     "Eine Million zweihunderttausend", 1_200_000, 1_200_000),
    ("de-milliarden-millionen", "de", "Drei Milliarden vierhundert Millionen Euro sind verplant.",
     "Drei Milliarden vierhundert Millionen", 3_400_000_000, 3_400_000_000),
    ("de-scale-of-a-scale", "de", "Tausend Millionen Euro sind verplant.", "Tausend Millionen", 10**9, 10**9),
    ("de-scales-must-fall", "de", "Es wurden zwei Millionen drei Millionen Briefe.", None, None, None),
    ("en-two-million-three-hundred-thousand", "en", "Two million three hundred thousand votes were counted.",
     "Two million three hundred thousand", 2_300_000, 2_300_000),
    ("en-one-million-two-hundred-thousand", "en", "One million two hundred thousand euros were paid.",
     "One million two hundred thousand", 1_200_000, 1_200_000),
    ("en-a-thousand-and-twelve", "en", "A thousand and twelve ballots were spoiled.",
     "thousand and twelve", 1012, 1012),
    ("en-billion-million", "en", "Three billion four hundred million dollars were pledged.",
     "Three billion four hundred million", 3_400_000_000, 3_400_000_000),
    ("en-hundred-thousand-and", "en", "Seven hundred twenty-one thousand and twelve votes were cast.",
     "Seven hundred twenty-one thousand and twelve", 721_012, 721_012),
]

JOINED = [  # a joiner or an article next to a number belongs to the words around it
    ("de-und-drei", "de", "Verletzt wurden zwanzig Polizisten und drei Sanitäter.", "drei", 3, 3),
    ("en-and-three", "en", "Among them were 500 officers and three generals.", "three", 3, 3),
    ("en-a-day", "en", "The camp takes in a hundred a day.", "hundred", 100, 100),
    ("de-und-mehr", "de", "Zwanzig und mehr Boote lagen im Hafen.", "Zwanzig", 20, None),
    ("en-and-more", "en", "Sixty and more boats lay in the harbour.", "Sixty", 60, None),
]

MONEY = [
    ("de-zwei-euro-fuenfzig", "de", "Das Ticket kostet zwei Euro fünfzig.", "zwei", 2.5, 2.5),
    ("de-15-dollar-50", "de", "Ein Barrel kostete 15 Dollar 50.", "15", 15.5, 15.5),
    ("de-cent", "de", "Der Liter kostet 1 Euro 99 Cent und damit mehr als im Mai.", "1", 1.99, 1.99),
    ("de-einen-euro", "de", "Der Preis stieg um einen Euro.", "einen", 1, 1),
    ("de-second-figure", "de", "Sie zahlten 2 Euro, 50 Menschen kamen.", "50", 50, 50),
    ("de-counted-noun-after", "de", "Für 5 Euro 20 Menschen satt machen.", "20", 20, 20),
    ("en-two-dollars-fifty", "en", "A ticket costs two dollars fifty.", "two", 2.5, 2.5),
    ("en-15-dollars-50-cents", "en", "It costs 15 dollars 50 cents.", "15", 15.5, 15.5),
    ("en-a-dollar", "en", "Prices rose by a dollar.", "a", 1, 1),
    ("en-one-euro", "en", "He paid one euro for it.", "one", 1, 1),
    ("en-one-man", "en", "One man died.", None, None, None),
]

SIGNED = [
    ("de-minus-millionen-euro", "de", "Das Defizit lag bei minus 1,2 Millionen Euro.",
     "minus 1,2 Millionen", -1_200_000, -1_200_000),
    ("de-minus-grad", "de", "In der Nacht waren es -3 Grad.", "-3", -3, -3),
    ("de-minus-prozent", "de", "Das Wachstum lag bei −2,5 Prozent.", "−2,5", -2.5, -2.5),
    ("de-minus-word", "de", "Nachts sank das Thermometer auf minus drei Grad.", "minus drei", -3, -3),
    ("de-dash-is-no-sign", "de", "Tickets kosten 10 - 20 Euro.", "20", 20, 20),
    ("de-dash-before-count", "de", "Bilanz: -5 Tote", None, None, None),
    ("en-minus-million", "en", "The balance stood at minus 1.2 million euros.",
     "minus 1.2 million", -1_200_000, -1_200_000),
    ("en-minus-degrees", "en", "It was -3 degrees at dawn.", "-3", -3, -3),
    ("en-minus-percent", "en", "Output fell by −4 percent.", "−4", -4, -4),
    ("en-minus-word", "en", "Temperatures fell to minus five degrees.", "minus five", -5, -5),
    ("en-dash-is-no-sign", "en", "Tickets cost 10 - 20 dollars.", "20", 20, 20),
]

ZERO_AND_ONE = [
    ("de-auf-null", "de", "Die Zahl der Vermissten sank am Abend auf null.", "null", 0, 0),
    ("de-bei-eins", "de", "Der Wert lag zuletzt bei eins.", "eins", 1, 1),
    ("de-null-toleranz", "de", "Null Toleranz gilt für Raser.", None, None, None),
    ("de-eins-ist-klar", "de", "Eins ist klar: Es wird teuer.", None, None, None),
    ("de-anzahl-auf-null", "de", "Die Anzahl der Infizierten ging auf null zurück.", "null", 0, 0),
    ("en-fell-to-zero", "en", "The number of missing fell to zero.", "zero", 0, 0),
    ("en-rose-to-one", "en", "The toll rose to one after a man died in hospital.", "one", 1, 1),
    ("en-one-of-them", "en", "One of them died.", None, None, None),
    ("en-zero-tolerance", "en", "Zero tolerance applies.", None, None, None),
    ("en-count-at-zero", "en", "The count stood at zero on Monday.", "zero", 0, 0),
]

CASES = FRACTIONS + SHARES + DOZENS + SCALE_INSIDE + JOINED + MONEY + SIGNED + ZERO_AND_ONE


@pytest.mark.parametrize("lang,text,figure,low,high", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_number_forms(lang, text, figure, low, high):
    found = finder(lang).find(text)
    if figure is None:
        assert found == [], [(q.text, q.low) for q in found]
        return
    match = [q for q in found if q.text == figure]
    assert match, [(q.text, q.low, q.high) for q in found]
    assert (match[0].low, match[0].high) == (low, high)


def test_every_phenomenon_has_five_cases_in_each_language():
    for table in (FRACTIONS, SHARES, DOZENS, SCALE_INSIDE, MONEY, SIGNED, ZERO_AND_ONE):
        for lang in ("de", "en"):
            assert sum(1 for c in table if c[1] == lang) >= 5


def _language_examples():
    from nkcheck import lang as langdata
    for code in ("de", "en"):
        for ex in langdata.load(code, "numbers").get("examples", []):
            yield pytest.param(code, ex, id=f"{code}:{ex['text']}")


@pytest.mark.parametrize("code,example", list(_language_examples()))
def test_number_data_examples_parse_as_documented(code, example):
    """Each example in lang/<code>/numbers.yaml is read as documented."""
    if "value" in example:
        assert parse_number(example["text"], code) == example["value"]
    else:
        q = finder(code).find(example["text"])
        assert [(x.text, x.low, x.high) for x in q] == [(example["text"], example["low"], example["high"])]
