"""Long fuzzing run of the robustness properties (hypothesis, many examples).

    .venv/bin/python tests/fuzz/run_fuzz.py --minutes 10

Runs the properties of tests/test_properties.py with a large example budget until the time is
up, prints the number of examples per property and the first failure (with its shrunk input),
and exits 1 if any property failed.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ for fuzz.strategies

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz.strategies import (article_bytes, article_text, check_article_bytes,  # noqa: E402
                             check_quantities, check_report, report_inputs)
from nkcheck.report import markdown  # noqa: E402

COUNTS: dict[str, int] = {}


def counted(name):
    def wrap(fn):
        def inner(*args, **kwargs):
            COUNTS[name] = COUNTS.get(name, 0) + 1
            return fn(*args, **kwargs)
        return inner
    return wrap


@counted("quantities")
def quantities(text, lang):
    check_quantities(text, lang)


@counted("whole chain")
def chain(raws):
    check_article_bytes(raws)


@counted("report structure")
def report(inputs):
    docs, claims, findings, facts, problems = inputs
    check_report(markdown.render(docs, claims, findings, problems, facts), docs, claims, findings, facts, problems)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--batch", type=int, default=500, help="examples per property and round")
    args = ap.parse_args()
    cfg = settings(max_examples=args.batch, deadline=None, database=None, derandomize=False,
                   suppress_health_check=list(HealthCheck))
    props = [  # a fresh hypothesis test per round: new random examples each time
        ("quantities", lambda: given(text=article_text(80), lang=st.sampled_from(["de", "en"]))(quantities)),
        ("whole chain", lambda: given(raws=st.lists(article_bytes(), min_size=1, max_size=3))(chain)),
        ("report structure", lambda: given(inputs=report_inputs())(report)),
    ]
    deadline = time.monotonic() + args.minutes * 60
    failures, rounds = [], 0
    while time.monotonic() < deadline and not failures:
        rounds += 1
        for name, prop in props:
            if time.monotonic() >= deadline:
                break
            try:
                cfg(prop())()
            except Exception:
                failures.append(name)
                traceback.print_exc()
        print(f"round {rounds}: " + ", ".join(f"{k} {v}" for k, v in COUNTS.items()), flush=True)
    total = sum(COUNTS.values())
    print(f"fuzz: {total} examples in {args.minutes:g} min ({', '.join(f'{k} {v}' for k, v in COUNTS.items())}); "
          f"failures: {', '.join(failures) or 'none'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
