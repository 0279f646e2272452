"""English extraction: quantities and hedges, numbers that are not claims, and time
expressions resolved against the article date. Same conventions as the German tables
(test_quantities.py, test_nonclaims.py, normalize/test_dates.py, test_claims.py): every
quantity case names an anchor (a piece of the number as written); exactly one quantity must
cover it, and that quantity is checked against the expected text and interval.

Cases marked xfail need a code change, not a data change (``strict=True``: they must fail
until the code is fixed).
"""
from __future__ import annotations

from datetime import date

import pytest

from conftest import assert_slots, find_quantities, over, the_quantity as _the_quantity
from nkcheck.extract import extract_documents
from nkcheck.extract.times import finder as time_finder
from nkcheck.model import Period
from nkcheck.normalize.dates import resolver

LANG = "en"
PUBLISHED = date(2025, 6, 20)  # a Friday


def quantities(text):
    return find_quantities(text, LANG)


def the_quantity(text, anchor):
    return _the_quantity(text, anchor, LANG)


def code_fix(case, reason):
    """A case that fails for want of a code change (not language data)."""
    return pytest.param(*case[1:], id=case[0], marks=pytest.mark.xfail(reason=reason, strict=True))


def params(cases):
    """Plain tuples become ``pytest.param(..., id=...)``; ``code_fix`` cases are passed on."""
    return [c if hasattr(c, "marks") else pytest.param(*c[1:], id=c[0]) for c in cases]


# -- quantities: (id, sentence, anchor, text, low, high, approx, bound, hedge) ----------------
QUANTITIES = [
    # digits, grouping, decimals with scale words
    ("comma-grouping", "Police said 11,000 people marched through the city centre on Sunday.",
     "11,000", "11,000", 11000, 11000, False, "exact", ""),
    code_fix(("space-grouping", "Organisers counted 11 000 protesters outside parliament.",
              "11 000", "11 000", 11000, 11000, False, "exact", ""),
             "a plain space as group separator (numbers.yaml) would also join two numbers: "
             "'3,000 155mm shells', 'June 12 300 people'; needs a code check (one separator "
             "kind per number, not after a date)"),
    ("nbsp-grouping", "The union said 42\u00a0500 members had voted to strike.",
     "42", "42\u00a0500", 42500, 42500, False, "exact", ""),
    ("comma-two-groups", "The flood agency said 1,250,000 homes were at risk.",
     "1,250,000", "1,250,000", 1250000, 1250000, False, "exact", ""),
    ("decimal-million", "The cyclone left 1.4 million households without electricity.",
     "1.4", "1.4 million", 1400000, 1400000, False, "exact", ""),
    ("decimal-bn-glued", "Washington approved a further 2.5bn dollars in military aid for Kyiv.",
     "2.5bn", "2.5bn", 2500000000, 2500000000, False, "exact", ""),
    ("decimal-billion-currency", "Berlin's new aid package for Ukraine is worth $1.3 billion.",
     "1.3", "1.3 billion", 1300000000, 1300000000, False, "exact", ""),
    ("percent-sign", "Turnout in the runoff reached 67.4% according to the electoral commission.",
     "67.4", "67.4%", 67.4, 67.4, False, "exact", ""),
    ("decimal-percent-word", "The ruling party won 31.5 percent of the vote.",
     "31.5", "31.5", 31.5, 31.5, False, "exact", ""),
    # number words
    ("word-eleven-thousand", "Eleven thousand dockworkers walked off the job at dawn.",
     "Eleven", "Eleven thousand", 11000, 11000, False, "exact", ""),
    ("word-twenty-five", "Twenty-five people were killed when the footbridge collapsed.",
     "Twenty-five", "Twenty-five", 25, 25, False, "exact", ""),
    ("word-hundred-and", "The union said one hundred and twenty members joined the picket line.",
     "hundred", "one hundred and twenty", 120, 120, False, "exact", ""),
    ("word-fifty-thousand", "Fifty thousand people filled the square for the vigil.",
     "Fifty", "Fifty thousand", 50000, 50000, False, "exact", ""),
    ("word-small-with-noun", "Three police officers were hurt during the eviction.",
     "Three", "Three", 3, 3, False, "exact", ""),
    ("word-a-dozen", "A dozen police officers were injured in the clashes near the embassy.",
     "dozen", "dozen", 12, 12, False, "exact", ""),
    ("word-half-a-million", "Half a million people were left without drinking water after the quake.",
     "Half", "Half a million", 500000, 500000, False, "exact", ""),
    ("word-quarter-of-a-million", "A quarter of a million people signed the petition against the pension reform.",
     "quarter", "A quarter of a million", 250000, 250000, False, "exact", ""),
    # vague amounts
    ("vague-dozens", "Dozens of protesters were detained overnight in the capital.",
     "Dozens", "Dozens", 24, 119, True, "vague", ""),
    ("vague-thousands", "Thousands of rail passengers were stranded by the walkout.",
     "Thousands", "Thousands", 2000, 9999, True, "vague", ""),
    ("vague-tens-of-thousands", "Tens of thousands rallied against the government in the capital.",
     "Tens", "Tens of thousands", 20000, 99999, True, "vague", ""),
    ("vague-hundreds-of-thousands", "Hundreds of thousands of people took to the streets across the country.",
     "Hundreds", "Hundreds of thousands", 200000, 999999, True, "vague", ""),
    ("vague-several-hundred", "Several hundred farmers blocked the motorway with their tractors.",
     "Several", "Several hundred", 200, 999, True, "vague", ""),
    ("vague-several-dozen", "Several dozen journalists were barred from the count.",
     "Several", "Several dozen", 24, 119, True, "vague", ""),
    # hedges: approximate
    ("about", "About 600 residents were evacuated from the valley.",
     "600", "600", 600, 600, True, "approx", "about"),
    ("around", "Around 2,000 people joined the candlelight vigil.",
     "2,000", "2,000", 2000, 2000, True, "approx", "around"),
    ("roughly", "Roughly 300 firefighters battled the wildfire overnight.",
     "300", "300", 300, 300, True, "approx", "roughly"),
    ("some", "Some 350 people were arrested during the riots.",
     "350", "350", 350, 350, True, "approx", "some"),
    ("an-estimated", "An estimated 3,000 people were displaced by the landslide.",
     "3,000", "3,000", 3000, 3000, True, "approx", "an estimated"),
    ("about-scale", "About 1.2 million people are in need of food aid.",
     "1.2", "1.2 million", 1200000, 1200000, True, "approx", "about"),
    # hedges: just below
    ("nearly", "Nearly 90 people died in the floods.",
     "90", "90", 90, 90, True, "nearly", "nearly"),
    ("almost", "Almost 5,000 nurses went on strike over pay.",
     "5,000", "5,000", 5000, 5000, True, "nearly", "almost"),
    ("just-under", "Just under 3,000 homes were damaged by the storm.",
     "3,000", "3,000", 3000, 3000, True, "nearly", "just under"),
    # hedges: open upwards
    ("more-than", "More than 100,000 people fled the fighting.",
     "100,000", "100,000", 100000, None, True, "more_than", "more than"),
    ("over", "Over 1,000 flights were cancelled because of the air traffic controllers' strike.",
     "1,000", "1,000", 1000, None, True, "more_than", "over"),
    ("upwards-of", "Upwards of 4,000 dockworkers joined the strike.",
     "4,000", "4,000", 4000, None, True, "more_than", "upwards of"),
    ("at-least", "At least 45 people were killed in the airstrike.",
     "45", "45", 45, None, True, "at_least", "at least"),
    ("no-fewer-than", "No fewer than 30 demonstrators were arrested.",
     "30", "30", 30, None, True, "at_least", "no fewer than"),
    ("or-more-suffix", "Organisers expect 12,500 or more marchers on Saturday.",
     "12,500", "12,500", 12500, None, True, "at_least", "or more"),
    ("no-less-than", "No less than 2,000 troops took part in the exercise.",
     "2,000", "2,000", 2000, None, True, "at_least", "no less than"),
    ("and-more-suffix", "The ministry counted 600 and more evacuees in the shelters.",
     "600", "600", 600, None, True, "at_least", "and more"),
    # hedges: open downwards
    ("up-to", "Up to 20,000 people are expected at the march.",
     "20,000", "20,000", None, 20000, False, "up_to", "up to"),
    ("as-many-as", "As many as 500 soldiers were deployed to the border.",
     "500", "500", None, 500, False, "up_to", "as many as"),
    ("fewer-than", "Fewer than 40 percent of voters cast a ballot.",
     "40", "40", None, 40, False, "less_than", "fewer than"),
    ("well-under", "Turnout in the by-election was well under 50 percent.",
     "50", "50", None, 50, False, "less_than", "well under"),
    ("no-more-than", "No more than 200 people may attend the funeral.",
     "200", "200", None, 200, False, "at_most", "no more than"),
    # ranges
    ("between-and", "Between 8,000 and 10,000 people marched, police said.",
     "8,000", "8,000 and 10,000", 8000, 10000, False, "range", ""),
    ("to-range", "Police estimated the crowd at 8,000 to 10,000 people.",
     "8,000", "8,000 to 10,000", 8000, 10000, False, "range", ""),
    ("hyphen-range", "Organisers said 8,000-10,000 people attended.",
     "8,000", "8,000-10,000", 8000, 10000, False, "range", ""),
    ("en-dash-range", "The rescue teams found 30–40 survivors in the rubble.",
     "30", "30–40", 30, 40, False, "range", ""),
    ("scale-shared-range", "The repairs will cost 1 to 2 million dollars.",
     "1 to", "1 to 2 million", 1000000, 2000000, False, "range", ""),
    ("around-range", "Around 300 to 400 people attended the memorial.",
     "300", "300 to 400", 300, 400, True, "range", "around"),
    # a year-like number that is a count
    ("around-2000-people", "Around 2000 people gathered outside the town hall.",
     "2000", "2000", 2000, 2000, True, "approx", "around"),
    ("2000-people-sentence-start", "2000 people were evacuated from the island.",
     "2000", "2000", 2000, 2000, False, "exact", ""),
]


@pytest.mark.parametrize("text,anchor,expected_text,low,high,approx,bound,hedge", params(QUANTITIES))
def test_quantity(text, anchor, expected_text, low, high, approx, bound, hedge):
    q = the_quantity(text, anchor)
    assert q.text == expected_text
    assert (q.low, q.high) == (low, high)
    assert q.approx is approx
    assert q.bound == bound
    assert q.hedge.lower() == hedge


def test_two_quantities_in_one_sentence_keep_their_offsets():
    text = "The army said it had lost 2,500 tanks and 1,200 howitzers since the spring."
    found = quantities(text)
    assert [(q.text, q.low) for q in found] == [("2,500", 2500), ("1,200", 1200)]


# -- non-claims: (id, sentence, substring no quantity may overlap) -----------------------------
NONCLAIMS = [
    # clock times
    ("clock-pm", "The rally began at 3 p.m. outside parliament.", "3"),
    ("clock-colon", "The first explosion was reported at 13:07 local time.", "13:07"),
    ("clock-am-glued", "The strike began at 6am and ended at 10pm.", "6"),
    # years
    ("year-in", "In 2024 the union called twelve strikes.", "2024"),
    ("year-since", "Since 2019 the number of asylum claims has risen sharply.", "2019"),
    ("year-built", "The bridge was built in 1972 and is in poor repair.", "1972"),
    ("year-by", "By 2030 the army wants to recruit more soldiers.", "2030"),
    # ages
    ("age-year-old", "A 34-year-old man was arrested at the scene.", "34"),
    ("age-aged", "The victim, aged 71, died in hospital.", "71"),
    ("age-years-old", "The suspect is 19 years old.", "19"),
    ("age-at-the-age-of", "The actress died at the age of 80.", "80"),
    # ordinals
    ("ordinal-3rd", "Rescuers entered the 3rd day of the search.", "3rd"),
    ("ordinal-2nd", "It was the 2nd general strike this year.", "2nd"),
    # calibres
    ("calibre-mm", "Ukraine urgently needs more 155mm shells.", "155"),
    ("calibre-mm-hyphen", "The howitzers fire 155-mm rounds.", "155"),
    # designators and type names
    ("route", "Traffic on Route 66 was halted by protesters.", "66"),
    ("type-f16", "Denmark will deliver more F-16 jets to Ukraine.", "F-16"),
    ("type-a320", "The Airbus A320 made an emergency landing in Vienna.", "A320"),
    ("label-g7", "Leaders of the G7 met in southern Italy.", "7"),
    ("label-covid19", "The spread of Covid-19 slowed over the summer.", "19"),
    ("article", "Under Article 5 of the NATO treaty, an attack on one ally is an attack on all.", "5"),
    ("category", "The hurricane made landfall as a Category 4 storm.", "4"),
    ("flight", "Flight 370 disappeared over the Indian Ocean.", "370"),
    ("platform", "Platform 9 was closed after the incident.", "9"),
    ("resolution", "The council referred to Resolution 2334.", "2334"),
    ("decade", "The 1990s saw heavy fighting in the region.", "1990"),
    # addresses: English house numbers stand before the street name
    ("address-downing-street", "Protesters gathered outside 10 Downing Street.", "10"),
    ("address-main-street", "The office at 45 Main Street was evacuated after the threat.", "45"),
    # probabilities
    ("probability-percent-sign", "Forecasters gave a 70% chance of further flooding.", "70"),
    ("probability-percent-word", "Meteorologists put the risk of a dam breach at a 30 percent chance.", "30"),
]


@pytest.mark.parametrize("text,substring", params(NONCLAIMS))
def test_not_a_quantity(text, substring):
    hits = over(quantities(text), text, substring)
    assert hits == [], f"{substring!r} was taken for a quantity: {hits}"


# A non-claim next to a real claim: the claim must survive.
# (id, sentence, non-claim substring, claim anchor, low)
MIXED = [
    ("clock-and-count", "Polls open at 7 a.m. and 40,000 volunteers will help.", "7", "40,000", 40000),
    ("age-and-count", "A 34-year-old man and 12 other people were detained.", "34", "12", 12),
    ("year-comma-count", "In 2023, 1,800 strike days were recorded.", "2023", "1,800", 1800),
    ("calibre-and-count", "The US sent 3,000 155mm shells to Ukraine.", "155", "3,000", 3000),
    ("month-then-count", "In December 40 people died in the floods.", "December", "40", 40),
    ("date-comma-count", "On June 12, 300 people were arrested.", "12", "300", 300),
    ("flight-and-count", "Flight 370 was carrying 239 people.", "370", "239", 239),
    ("date-no-comma-count", "On June 12 300 people were arrested.", "12", "300", 300),
]


@pytest.mark.parametrize("text,nonclaim,claim,value", params(MIXED))
def test_claim_survives_next_to_nonclaim(text, nonclaim, claim, value):
    found = quantities(text)
    assert not over(found, text, nonclaim)
    k = text.index(claim)
    hits = [q for q in found if q.start <= k < q.end]
    assert len(hits) == 1 and hits[0].low == value


# -- dates: (id, sentence, published, intended, expected time text, start, end) ----------------
def resolve(text, published=PUBLISHED, intended=False):
    found = time_finder(LANG).find(text)
    assert len(found) == 1, f"expected one time expression, got {found}"
    m = found[0]
    return m, resolver(LANG).resolve(m, Period(published, published, "day"), intended)


DATES = [
    ("last-october", "Last October thousands marched against the hospital closure.",
     PUBLISHED, False, "Last October", date(2024, 10, 1), date(2024, 10, 31)),
    ("last-october-in-october", "Last October nurses held a three-day strike.",
     date(2025, 10, 15), False, "Last October", date(2024, 10, 1), date(2024, 10, 31)),
    ("in-november-2024", "In November 2024 bus drivers struck for three days.",
     PUBLISHED, False, "In November 2024", date(2024, 11, 1), date(2024, 11, 30)),
    ("on-saturday", "On Saturday 20,000 people marched through Leeds.",
     PUBLISHED, False, "On Saturday", date(2025, 6, 14), date(2025, 6, 14)),
    ("on-saturday-published-saturday", "On Saturday 20,000 people marched through Leeds.",
     date(2025, 6, 21), False, "On Saturday", date(2025, 6, 21), date(2025, 6, 21)),
    ("mid-june", "Floods hit the Danube basin in mid-June.",
     PUBLISHED, False, "in mid-June", date(2025, 6, 11), date(2025, 6, 20)),
    ("mid-june-year-before", "Floods hit the Danube basin in mid-June.",
     date(2025, 1, 10), False, "in mid-June", date(2024, 6, 11), date(2024, 6, 20)),
    ("two-weeks-ago", "Two weeks ago the union called a strike at the port.",
     PUBLISHED, False, "Two weeks ago", date(2025, 6, 2), date(2025, 6, 8)),
    ("three-days-ago", "Three days ago an earthquake struck the border region.",
     PUBLISHED, False, "Three days ago", date(2025, 6, 17), date(2025, 6, 17)),
    ("since-january-runs-to-the-article", "Since January more than 200 people have been arrested.",
     PUBLISHED, False, "Since January", date(2025, 1, 1), PUBLISHED),
    ("last-year", "Last year more than 200,000 people fled the region.",
     PUBLISHED, False, "Last year", date(2024, 1, 1), date(2024, 12, 31)),
    ("last-week", "Last week 3,000 people marched on the town hall.",
     PUBLISHED, False, "Last week", date(2025, 6, 9), date(2025, 6, 15)),
    ("end-of-may", "At the end of May the river burst its banks.",
     PUBLISHED, False, "At the end of May", date(2025, 5, 21), date(2025, 5, 31)),
    ("day-month-us", "On March 4 farmers blocked the motorway with tractors.",
     PUBLISHED, False, "On March 4", date(2025, 3, 4), date(2025, 3, 4)),
    ("day-month-uk", "On 4 March farmers blocked the motorway with tractors.",
     PUBLISHED, False, "On 4 March", date(2025, 3, 4), date(2025, 3, 4)),
    ("month-day-year", "The election took place on February 23, 2025.",
     PUBLISHED, False, "on February 23, 2025", date(2025, 2, 23), date(2025, 2, 23)),
    ("in-december-then-count", "In December 40 people died in the floods.",
     PUBLISHED, False, "In December", date(2024, 12, 1), date(2024, 12, 31)),
    ("in-december-intended", "In December the budget will be put to a vote.",
     PUBLISHED, True, "In December", date(2025, 12, 1), date(2025, 12, 31)),
    ("last-summer", "Last summer 500 hectares of forest burned.",
     PUBLISHED, False, "Last summer", date(2024, 6, 1), date(2024, 8, 31)),
    ("yesterday", "Police arrested 12 people yesterday.",
     PUBLISHED, False, "yesterday", date(2025, 6, 19), date(2025, 6, 19)),
    ("next-week-intended", "Next week the talks will resume in Geneva.",
     PUBLISHED, True, "Next week", date(2025, 6, 23), date(2025, 6, 29)),
    ("earlier-this-month", "Earlier this month 3,000 people marched through the city.",
     PUBLISHED, False, "Earlier this month", date(2025, 6, 1), date(2025, 6, 20)),
]


@pytest.mark.parametrize("text,published,intended,span,start,end", params(DATES))
def test_resolve_date(text, published, intended, span, start, end):
    m, p = resolve(text, published, intended)
    assert m.text == span
    assert p is not None
    assert (p.start, p.end) == (start, end)


def test_month_year_stays_a_month():
    _, p = resolve("In November 2024 bus drivers struck for three days.")
    assert p.granularity == "month"


NO_TIME = [
    ("count-2000", "The 4000 soldiers arrived by train."),
    ("more-than-2000", "More than 2000 people protested outside the assembly."),
    ("plain-count", "Police detained 12 people."),
    ("may-verb", "Officials said the toll may rise to 300."),
    ("march-verb", "Thousands march against the reform."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_TIME])
def test_no_time_expression(text):
    assert time_finder(LANG).find(text) == []


# -- end to end: an English article on disk -> claims with value and time ---------------------
FRONT = "---\ntitle: Test report\noutlet: Test Paper\npublished: 2025-06-20\nlang: en\n---\n\n"


def claim_at(tmp_path, body, number_text):
    p = tmp_path / "article.md"
    p.write_text(FRONT + body + "\n", encoding="utf-8")
    res = extract_documents([str(p)])
    assert res.problems == []
    hits = [c for c in res.claims if c.text == number_text]
    assert len(hits) == 1, f"expected one claim {number_text!r}, got {[c.text for c in res.claims]}"
    return hits[0]


# (id, body, number as written, expected slots)
CLAIMS = [
    ("saturday-march-police",
     "On Saturday about 20,000 people marched through the city, police said.",
     "20,000", dict(low=20000, high=20000, approx=True, bound="approx", source="police",
                    time_start="2025-06-14", time_end="2025-06-14")),
    ("last-october-strike",
     "Last October more than 1,200 nurses went on strike.",
     "1,200", dict(low=1200, high=None, bound="more_than",
                   time_start="2024-10-01", time_end="2024-10-31")),
    ("airstrike-killed",
     "At least 45 people were killed in the airstrike, officials said.",
     "45", dict(low=45, high=None, bound="at_least", event="killed")),
    ("december-floods",
     "In December 40 people died in the floods.",
     "40", dict(low=40, high=40, event="killed", time_start="2024-12-01", time_end="2024-12-31")),
    ("military-aid-pledged",
     "The United States pledged 2.5bn dollars in military aid.",
     "2.5bn", dict(low=2500000000, object="aid", event="pay_pledged", unit="USD")),
]


@pytest.mark.parametrize("body,number,expected", params(CLAIMS))
def test_english_claim(tmp_path, body, number, expected):
    c = claim_at(tmp_path, body, number)
    assert_slots(c, expected)
