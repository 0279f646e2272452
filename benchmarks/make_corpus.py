"""Generate a synthetic corpus of German and English news reports for the benchmark.

Every article is composed from the templates and vocabulary in ``vocab.yaml`` (protest
turnout, disaster tolls, military aid, farmers' protests): a headline, a lead, body sentences
and background sentences drawn at random, with random figures, hedges, sources, outlets,
cities and dates. The random generator has a fixed seed, so the corpus is the same on every
run. Files are ``.md`` with YAML front matter (title, outlet, published, lang).

    python benchmarks/make_corpus.py OUT_DIR --articles 10000 [--seed 6] [--en-share 0.4]
"""
from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import yaml

VOCAB = Path(__file__).with_name("vocab.yaml")
SLOT = re.compile(r"\{(\w+)\}")
# Slots filled by a random entry of a vocabulary list.
LISTS = {"city": "cities", "country": "countries", "weekday": "weekdays", "source": "sources",
         "source_gen": "sources_gen", "actor": "actors", "actor_adj": "actor_adj"}


def figure(rng: random.Random) -> int:
    """A figure as news gives them: log-uniform from 3 to 500 000, rounded when large."""
    n = int(10 ** rng.uniform(0.5, 5.7))
    for limit, step in ((100000, 5000), (10000, 500), (1000, 50), (100, 5)):
        if n >= limit and rng.random() < 0.8:
            return max(step, round(n / step) * step)
    return n


def fmt_number(n: int, lang: str, rng: random.Random) -> str:
    if n < 1000:
        return str(n)
    if lang == "en":
        return f"{n:,}"
    sep = rng.choice([".", ".", ".", " "])
    return f"{n:,}".replace(",", sep)


def fmt_date(d: date, lang: str, voc: dict, rng: random.Random) -> str:
    month = voc["months"][d.month - 1]
    if lang == "de":
        return f"{d.day}. {month} {d.year}" if rng.random() < 0.7 else f"{d.day}. {month}"
    return rng.choice([f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}", f"{month} {d.day}"])


class Composer:
    def __init__(self, seed: int = 6, en_share: float = 0.4):
        self.vocab = yaml.safe_load(VOCAB.read_text(encoding="utf-8"))
        self.rng = random.Random(seed)
        self.en_share = en_share

    def fill(self, template: str, lang: str, ctx: dict) -> str:
        voc, rng = self.vocab[lang], self.rng

        def slot(m: re.Match) -> str:
            name = m.group(1)
            cap = name.endswith("_cap")
            base = name[:-4] if cap else name
            if base in ctx:
                value = ctx[base]
            elif base == "n":
                value = fmt_number(ctx["_n"], lang, rng)
            elif base == "n2":
                value = fmt_number(ctx["_n"] + figure(rng), lang, rng)
            elif base == "hedged":
                n = figure(rng)
                value = rng.choice(voc["hedges"]).format(
                    n=fmt_number(n, lang, rng), n2=fmt_number(n + figure(rng), lang, rng))
            elif base == "date":
                value = fmt_date(ctx["_event"] - timedelta(days=rng.randint(0, 3)), lang, voc, rng)
            elif base == "month":
                value = rng.choice(voc["months"])
            elif base == "year":
                value = str(ctx["_event"].year - rng.randint(0, 1))
            elif base in LISTS:
                value = rng.choice(voc[LISTS[base]])
            else:
                raise KeyError(f"unknown slot {name!r} in {template!r}")
            return value[:1].upper() + value[1:] if cap else value

        ctx["_n"] = figure(rng)
        text = SLOT.sub(slot, template)
        return text[:1].upper() + text[1:]

    def article(self, i: int) -> tuple[str, str]:
        rng = self.rng
        lang = "en" if rng.random() < self.en_share else "de"
        voc = self.vocab[lang]
        topic = voc["topics"][rng.choice(sorted(voc["topics"]))]
        event = date(2023, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
        published = event + timedelta(days=rng.randint(0, 2))
        # One city and one source per article (realistic): slots reuse them.
        ctx = {"city": rng.choice(voc["cities"]), "_event": event}
        title = self.fill(rng.choice(topic["headlines"]), lang, ctx)
        sentences = [self.fill(rng.choice(topic["leads"]), lang, ctx)]
        body = rng.sample(topic["body"], k=rng.randint(2, min(6, len(topic["body"]))))
        fillers = rng.sample(voc["fillers"], k=rng.randint(1, 4))
        mixed = [self.fill(t, lang, ctx) for t in body] + fillers
        rng.shuffle(mixed)
        sentences += mixed
        paragraphs, k = [], 0
        while k < len(sentences):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[k:k + step]))
            k += step
        outlet = rng.choice(self.vocab["outlets"][lang])
        head = yaml.safe_dump({"title": title, "outlet": outlet, "published": published.isoformat(),
                               "lang": lang}, allow_unicode=True, sort_keys=False)
        text = f"---\n{head}---\n\n# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
        return f"{i:06d}_{lang}.md", text

    def articles(self, n: int) -> Iterator[tuple[str, str]]:
        for i in range(n):
            yield self.article(i)


def write_corpus(out: Path, n: int, seed: int = 6, en_share: float = 0.4) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in Composer(seed, en_share).articles(n):
        p = out / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--en-share", type=float, default=0.4)
    a = ap.parse_args()
    paths = write_corpus(a.out, a.articles, a.seed, a.en_share)
    print(f"wrote {len(paths)} articles to {a.out}")


if __name__ == "__main__":
    main()
