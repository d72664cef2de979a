"""Why a gold place is missed: one row per missed or wrong place of the place gold (issue 10).

    .venv/bin/python benchmarks/place_misses.py [--splits dev,test,test2] [--all]

Runs the actors stage on the articles of the chosen splits and scores them as ``detente eval
places`` does (same scorer, same numbers), then shows, for every gold place that is missed or
put in the wrong country, what détente emitted on it and why it is no place:

* ``actor reading``: a mention on the name that is not a place (a state that acts, an
  organisation) -- the name was read as an actor;
* ``inside <kind>``: the name lies inside a longer mention ("Ukraine Women");
* ``NER <LABEL>`` / ``NER none``: nothing emitted; the parser's label on the name;
* ``wrong country``: a place was emitted with another country.

Each row gives the name's place in its sentence (dependency, head word, the head's head):
the mechanism that should read it as a place. ``--all`` also lists every gold mention with
its role and détente's output (to check what an actor-role name becomes).

The parse of the articles (everything before détente's own stages) is kept in
``tmp/place-misses/`` (git-ignored) so that a second run only reruns our stages. Only the
worn splits may be run (dev to test6): any later held-out split is scored once, by the lead.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "tmp" / "place-misses"
ALLOWED = (
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
)  # worn or seen; later held-out splits (test10) are the lead's


def worn_splits(text: str) -> list[str]:
    """The comma-separated splits asked for; exits if one is not in ``ALLOWED`` (the fresh
    held-out split is the lead's, scored once)."""
    splits = text.split(",")
    if bad := [s for s in splits if s not in ALLOWED]:
        sys.exit(f"refused: {', '.join(bad)} (only {', '.join(ALLOWED)} may be read)")
    return splits


def actors_pipeline():
    """The pipeline up to the actors stage (places are decided there), loaded once."""
    from detente.nlp import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load(stages=["actors"])


def parsed(nlp, split: str, articles: dict, cache: Path):
    """The docs of ``articles`` parsed by every pipe before détente's stages, cached."""
    from spacy.tokens import DocBin

    from detente.nlp import make_doc

    path = cache / f"{split}.spacy"
    keys = sorted(articles)
    if path.exists():
        meta = json.loads((cache / f"{split}.json").read_text())
        if meta == [list(k) for k in keys]:
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            return keys, docs
    ours = [name for name in nlp.pipe_names if name in ("detente_doc", "detente_actors")]
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe((make_doc(nlp, articles[k]) for k in keys), batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin(store_user_data=False)
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(path)
    (cache / f"{split}.json").write_text(json.dumps([list(k) for k in keys]))
    return keys, list(DocBin().from_disk(path).get_docs(nlp.vocab))


def run_stages(nlp, doc, article) -> None:
    from detente.nlp import parse_date
    from detente.nlp.segments import find_furniture

    doc._.article, doc._.doc_id = article, article.doc_id
    doc._.date = parse_date(article.date)
    segments = nlp.get_pipe("detente_segments")
    doc._.furniture = find_furniture(doc.text, segments.rules, title=article.title)
    for name in ("detente_doc", "detente_actors"):
        nlp.get_pipe(name)(doc)


def where(doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "?"
    root = span.root
    head = root.head
    text = f"{root.dep_} <- {head.lower_}/{head.dep_}"
    if head.head.i != head.i:
        text += f" <- {head.head.lower_}/{head.head.dep_}"
    return text


def ner_of(doc, start: int, end: int) -> str:
    ents = [e for e in doc.ents if e.start_char < end and start < e.end_char]
    return ", ".join(f"{e.text!r}:{e.label_}" for e in ents) or "none"


def show(m) -> str:
    place = f" place={m.place_id}" if m.place_id else ""
    return f"{m.kind} {m.text!r} {m.code or ''} {m.country or ''} by={m.resolved_by}{place}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(ALLOWED))
    parser.add_argument("--all", action="store_true", help="list every gold mention")
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    splits = worn_splits(args.splits)

    from detente.eval.places import gold_articles, read_gold, score_places, to_markdown
    from detente.places import is_place_mention

    nlp = actors_pipeline()
    for split in splits:
        gold = [s for s in read_gold() if s.split == split]
        articles = gold_articles(gold)
        keys, docs = parsed(nlp, split, articles, args.cache)
        predictions, by_key = {}, {}
        for key, doc in zip(keys, docs, strict=True):
            run_stages(nlp, doc, articles[key])
            predictions[key] = list(doc._.mentions or [])
            by_key[key] = doc
        scores = score_places(gold, predictions, resamples=0)
        print(to_markdown({split: scores[split]}, limit=0).split("### ")[0])
        print("| id | gold | type | cause | détente on it | where | NER | sentence |")
        print("|---|---|---|---|---|---|---|---|")
        for sentence in gold:
            doc = by_key[sentence.article]
            mentions = predictions[sentence.article]
            for g in sentence.mentions:
                over = [m for m in mentions if m.start < g.end and g.start < m.end]
                places = [m for m in over if is_place_mention(m)]
                if g.scored:
                    if places and any(m.country == g.country for m in places):
                        if not args.all:
                            continue
                        cause = "right"
                    elif places:
                        cause = "wrong country"
                    elif any(m.start >= g.start and m.end <= g.end for m in over):
                        cause = "actor reading"
                    elif over:
                        cause = f"inside {over[0].kind}"
                    else:
                        cause = f"NER {ner_of(doc, g.start, g.end)}"
                elif args.all:
                    cause = f"role {g.role}" + (" (place emitted)" if places else "")
                else:
                    continue
                text = doc.text[sentence.start : sentence.end].replace("\n", " ")
                mark = g.start - sentence.start, g.end - sentence.start
                shown = text[: mark[0]] + "[" + text[mark[0] : mark[1]] + "]" + text[mark[1] :]
                print(
                    f"| {sentence.id} | {g.text} {g.country or ''} | {g.type} | {cause} "
                    f"| {'; '.join(show(m) for m in over) or '-'} "
                    f"| {where(doc, g.start, g.end)} | {ner_of(doc, g.start, g.end)} "
                    f"| {shown[:300]} |"
                )
        false_places(gold, by_key, predictions)
        print()


def false_places(gold, by_key, predictions) -> None:
    """Every place détente emitted in a gold sentence where the gold has no place: on a
    mention of another role (``on actor``, ``on other``) or on no mention at all."""
    from detente.places import is_place_mention

    print("\n| id | false place | cause | by | where | NER | sentence |")
    print("|---|---|---|---|---|---|---|")
    for sentence in gold:
        doc = by_key[sentence.article]
        for m in predictions[sentence.article]:
            if not is_place_mention(m) or not (sentence.start <= m.start < sentence.end):
                continue
            touched = [g for g in sentence.mentions if g.start < m.end and m.start < g.end]
            if any(g.role == "place" for g in touched):
                continue
            cause = f"on {touched[0].role}" if touched else "no gold mention"
            text = doc.text[sentence.start : sentence.end].replace("\n", " ")
            a, b = m.start - sentence.start, m.end - sentence.start
            shown = text[:a] + "[" + text[a:b] + "]" + text[b:]
            print(
                f"| {sentence.id} | {m.text} {m.country or ''} | {cause} | {m.resolved_by} "
                f"| {where(doc, m.start, m.end)} | {ner_of(doc, m.start, m.end)} | {shown[:300]} |"
            )


if __name__ == "__main__":
    main()
