"""Claims as a pandas DataFrame, printed as a table or CSV."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["doc", "line", "text", "low", "high", "approx", "object", "event", "actor", "place",
           "time_start", "time_end", "source"]


def claims_frame(claims) -> pd.DataFrame:
    rows = [c.to_json() for c in claims]
    df = pd.DataFrame(rows, columns=list(rows[0].keys()) if rows else COLUMNS)
    return df


def to_table(claims) -> str:
    df = claims_frame(claims)
    if df.empty:
        return "no claims found\n"
    view = df[COLUMNS].astype(object).where(df[COLUMNS].notna(), "")
    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 40):
        return view.to_string(index=False) + "\n"


def to_csv(claims) -> str:
    df = claims_frame(claims)
    return df.to_csv(index=False, lineterminator="\n")
