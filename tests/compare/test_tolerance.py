"""How far a figure reaches (nkcheck.compare.tolerance): hedges as estimates near their figure."""
from __future__ import annotations

import pytest

from nkcheck.compare.tolerance import DEFAULT, agree, interval
from nkcheck.model import Claim


def _c(low, high, bound="exact", approx=False, modality="actual") -> Claim:
    return Claim(id="x", doc="d", start=0, end=1, text="", low=low, high=high, approx=approx, bound=bound,
                 object=None, event=None, actor=None, place=None, time_start=None, time_end=None,
                 source=None, sentence="", modality=modality)


AGREE = [  # (id, a, b, agree?)
    ("exact-figures-that-touch-differ", _c(7.7, 7.7), _c(7.8, 7.8), False),
    ("whole-figures-that-touch-differ", _c(215, 215), _c(216, 216), False),
    ("same-figure", _c(215, 215), _c(215, 215), True),
    ("etwa-11000-reaches-11400", _c(11000, 11000, "approx", True), _c(11400, 11400), True),
    ("etwa-11000-not-12000", _c(11000, 11000, "approx", True), _c(12000, 12000), False),
    ("more-than-1100-not-more-than-3000", _c(1100, None, "more_than", True), _c(3000, None, "more_than", True), False),
    ("more-than-1000-not-up-to-1000", _c(1000, None, "more_than", True), _c(None, 1000, "up_to"), False),
    ("ranges-that-meet-agree", _c(10, 20, "range"), _c(20, 30, "range"), True),
    ("range-holds-its-figure", _c(25000, 30000, "range"), _c(30000, 30000), True),
]


@pytest.mark.parametrize("a,b,expected", [pytest.param(*c[1:], id=c[0]) for c in AGREE])
def test_agree(a, b, expected):
    assert agree(a, b) is expected and agree(b, a) is expected


def test_up_to_is_a_ceiling_for_a_plan_and_an_estimate_for_what_happened():
    assert interval(_c(None, 30000, "up_to", modality="intended")) == (0.0, 30000.0)
    assert interval(_c(None, 30000, "up_to")) == pytest.approx((30000 * (1 - DEFAULT.up_to), 30000.0))
