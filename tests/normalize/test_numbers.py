"""parse_number: German (and some English) numerals as written in news, to values."""
from __future__ import annotations

import pytest

from nkcheck.normalize.numbers import parse_number

GERMAN = [
    ("dot-grouping", "11.000", 11000),
    ("space-grouping", "11 000", 11000),
    ("nbsp-grouping", "11\u00a0000", 11000),
    ("two-groups", "1.200.000", 1200000),
    ("plain", "4000", 4000),
    ("decimal-comma", "17,25", 17.25),
    ("decimal-below-one", "0,5", 0.5),
    ("millionen", "1,5 Millionen", 1500000),
    ("mio-abbrev", "2,3 Mio.", 2300000),
    ("milliarden", "3,2 Milliarden", 3200000000),
    ("mrd-abbrev", "1,2 Mrd.", 1200000000),
    ("mrd-no-dot", "1,5 Mrd", 1500000000),
    ("billionen", "3,5 Billionen", 3500000000000),
    ("digit-millionen", "4 Millionen", 4000000),
    ("neunzehn", "neunzehn", 19),
    ("zwoelf", "zwölf", 12),
    ("zwo", "zwo", 2),
    ("dreissig-eszett", "dreißig", 30),
    ("dreissig-ss", "dreissig", 30),
    ("siebenundneunzig", "siebenundneunzig", 97),
    ("hundert", "hundert", 100),
    ("einhundert", "einhundert", 100),
    ("hundertzwanzig", "hundertzwanzig", 120),
    ("neunhundertneunundneunzig", "neunhundertneunundneunzig", 999),
    ("tausend", "tausend", 1000),
    ("eintausend", "eintausend", 1000),
    ("elftausend", "elftausend", 11000),
    ("zwanzigtausend", "zwanzigtausend", 20000),
    ("fuenfundzwanzigtausend", "fünfundzwanzigtausend", 25000),
    ("dreitausendfuenfhundert", "dreitausendfünfhundert", 3500),
    ("zweitausendvierhundertachtzig", "zweitausendvierhundertachtzig", 2480),
    ("zehntausend", "zehntausend", 10000),
    ("hunderttausend", "hunderttausend", 100000),
    ("dreihundertvierzigtausend", "dreihundertvierzigtausend", 340000),
    ("achthunderttausend", "achthunderttausend", 800000),
    ("capitalised", "Zwölftausend", 12000),
    ("zwei-millionen", "zwei Millionen", 2000000),
    ("eine-million", "eine Million", 1000000),
    ("vierzig-millionen", "vierzig Millionen", 40000000),
    ("drei-milliarden", "drei Milliarden", 3000000000),
    ("viertelmillion", "Viertelmillion", 250000),
    ("anderthalb-millionen", "anderthalb Millionen", 1500000),
    ("eineinhalb-millionen", "eineinhalb Millionen", 1500000),
]


@pytest.mark.parametrize("text,value", [pytest.param(t, v, id=i) for i, t, v in GERMAN])
def test_german(text, value):
    assert parse_number(text) == value


ENGLISH = [
    ("comma-grouping", "11,000", 11000),
    ("two-groups", "1,200,000", 1200000),
    ("decimal-point", "12.5", 12.5),
    ("decimal-million", "1.4 million", 1400000),
    ("decimal-billion", "2.5 billion", 2500000000),
    ("bn-abbrev", "3 bn", 3000000000),
    ("twenty-five-thousand", "twenty-five thousand", 25000),
    ("ninety-nine-thousand", "ninety-nine thousand", 99000),
    ("three-hundred", "three hundred", 300),
    ("two-hundred-and-fifty", "two hundred and fifty", 250),
    ("forty-two", "forty-two", 42),
    ("nineteen", "nineteen", 19),
    ("one-hundred-thousand", "one hundred thousand", 100000),
    ("a-million", "a million", 1000000),
]


@pytest.mark.parametrize("text,value", [pytest.param(t, v, id=i) for i, t, v in ENGLISH])
def test_english(text, value):
    assert parse_number(text, "en") == value


NOT_NUMBERS = [
    ("group-of-four-digits", "12.5000"),
    ("vague-plural", "Tausende"),
    ("plain-word", "Polizei"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_NUMBERS])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_whole_values_are_int():
    assert isinstance(parse_number("11.000"), int)
    assert isinstance(parse_number("1,5 Millionen"), int)
    assert isinstance(parse_number("17,25"), float)
