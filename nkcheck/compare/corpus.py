"""What only the whole corpus tells, worked out before it is split into comparison blocks: the day a
disaster struck across its articles and when its undated reports were written (``occasions``),
then when undated retellings were stated (``dating``). A run on a few changed articles, a run in
worker processes and a distributed run all see the same claims."""
from __future__ import annotations

from typing import Iterable

from nkcheck.compare import dating, occasions
from nkcheck.model import Claim, Document

FIELDS = ("time_start", "time_end", "settled", "as_of", "as_of_source")


def _slots(c: Claim) -> tuple:
    return tuple(list(v) if isinstance(v, list) else v for v in (getattr(c, f) for f in FIELDS))


def prepare(documents: Iterable[Document], claims: list[Claim]) -> dict[str, dict]:
    """Apply the corpus-wide passes to ``claims`` (and the documents' settings); returns what
    changed, claim id -> {field: value}, for claims read again elsewhere (``restore``)."""
    before = {c.id: _slots(c) for c in claims}
    occasions.apply(documents, claims)
    dating.apply(claims, dating.estimates(claims))
    return {c.id: dict(zip(FIELDS, _slots(c))) for c in claims if _slots(c) != before[c.id]}


def restore(claims: Iterable[Claim], changes: dict[str, dict]) -> None:
    """Give claims read again from a ledger what ``prepare`` found for them."""
    for c in claims:
        for f, v in changes.get(c.id, {}).items():
            setattr(c, f, list(v) if isinstance(v, list) else v)
