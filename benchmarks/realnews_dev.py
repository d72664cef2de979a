"""Develop the event coder on the real-news gold: scores, error causes, and actor-free scores.

    .venv/bin/python benchmarks/realnews_dev.py train [dev] [--causes] [--mentions] [-v N]

Never give it ``test``: the lead scores the test split once, at the end.

spaCy's parse of a split is made once and kept (``--cache``, a DocBin per split keyed by the
texts); every run then applies détente's own stages (actors, quotes, events) to fresh copies,
so a change to the coder is measured in seconds.

* the strict/lenient table of :func:`detente.eval.realnews.score_realnews`;
* ``--causes``: why each gold asserted PLOVER event was missed, and why each asserted
  prediction was wrong (the first cause that applies, in the order printed);
* ``--mentions``: strict PLOVER scored with the actors *as given*: a predicted actor counts
  as right when its mention overlaps the gold actor's mention (or, for a gold actor outside
  the sentence or implicit, when their countries agree), so the coder's part (trigger,
  category, which mention is source or target) is measured apart from the actor coding;
* ``-v N``: the first N sentences with misses or false positives, with their text;
* ``--halves``: strict PLOVER on the two halves of the split by article (doc ids sorted,
  even and odd positions), to check that a change gains on both and is not fitted to a few
  articles.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import warnings
from collections import Counter, defaultdict
from pathlib import Path

from detente.eval.realnews import DEVELOPMENT_SPLITS

ROOT = Path(__file__).resolve().parent.parent


def parsed_split(gold, split: str, cache: Path):
    """(articles, bare parses) of a split, parsed once and kept in ``cache``."""
    from spacy.tokens import DocBin

    from detente.nlp import _load_spacy, model_name

    articles = gold.documents(split)
    digest = hashlib.sha1("".join(a.text for a in articles).encode()).hexdigest()[:10]
    path = cache / f"realnews-{split}-{digest}.spacy"
    if not path.exists():
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            bare = _load_spacy(model_name())
        from detente.nlp import split_glued_quote_marks

        split_glued_quote_marks(bare)
        docs = DocBin(store_user_data=False)
        for doc in bare.pipe((a.text for a in articles), batch_size=16):
            docs.add(doc)
        docs.to_disk(path)
    return articles, DocBin().from_disk(path)


def split_setup(description: str, configure=None):
    """``(arguments, gold, nlp)`` of a benchmark run on the cached parses of some splits
    (``splits`` ... ``[--cache DIR]``): the arguments, the gold (annotator A) and the
    pipeline, loaded once. ``configure(parser)`` adds a script's own arguments."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("splits", nargs="+", choices=DEVELOPMENT_SPLITS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    if configure is not None:
        configure(parser)
    args = parser.parse_args()

    from detente.eval.realnews import load_gold
    from detente.nlp import load

    return args, load_gold("A"), load()


def code_split(nlp, gold, split: str, cache: Path, *, oracle: bool = False):
    """Run détente's stages on the cached parses: (events, docs). ``oracle``: after the
    actors stage, the gold's actor mentions replace (or join) the predicted ones."""
    from detente.nlp import parse_date

    articles, parsed = parsed_split(gold, split, cache)
    stages = [(name, pipe) for name, pipe in nlp.pipeline if name.startswith("detente_")]
    gold_actors = gold_actors_by_doc(gold, split) if oracle else {}
    events, docs = [], []
    for doc, article in zip(parsed.get_docs(nlp.vocab), articles, strict=True):
        doc._.article, doc._.doc_id = article, article.doc_id
        doc._.date = parse_date(article.date)
        for name, pipe in stages:
            doc = pipe(doc)
            if oracle and name == "detente_actors":
                doc._.mentions = with_gold_actors(doc, gold_actors.get(article.doc_id, []))
        events.extend(doc._.events or [])
        docs.append(doc)
    return events, docs


def gold_actors_by_doc(gold, split: str):
    out = defaultdict(dict)
    for ev in gold.gold.events:
        if ev.article not in set(gold.article_keys(split)):
            continue
        for actor in (ev.source, ev.target):
            if actor is not None and actor.start is not None and actor.code and actor.text:
                out[gold.doc_ids[ev.article]][(actor.start, actor.end)] = actor
    return {k: list(v.values()) for k, v in out.items()}


def with_gold_actors(doc, actors):
    """The doc's mentions with each gold actor's code forced on the mentions it overlaps
    (or added as a mention of its own)."""
    import dataclasses

    from detente.records import Mention

    mentions = list(doc._.mentions or [])
    for actor in actors:
        code = actor.code
        fields = dict(
            code=code,
            country=code[:3],
            sector=code[3:6] or None,
            actor_id=f"state:{code[:3]}" if len(code) == 3 else f"gold:{code}:{actor.text.lower()}",
        )
        hit = False
        for i, m in enumerate(mentions):
            if m.start < actor.end and actor.start < m.end:
                kind = (
                    "state"
                    if len(code) == 3
                    else ("person" if m.kind == "person" else "organization")
                )
                mentions[i] = dataclasses.replace(m, kind=kind, **fields)
                hit = True
        if not hit:
            kind = "state" if len(code) == 3 else "organization"
            mentions.append(
                Mention(
                    doc_id=doc._.doc_id,
                    start=actor.start,
                    end=actor.end,
                    text=actor.text,
                    kind=kind,
                    name=actor.text,
                    resolved_by="gold",
                    **fields,
                )
            )
    mentions.sort(key=lambda m: m.start)
    return mentions


# ---------------------------------------------------------------- helpers


def country(actor) -> str | None:
    if actor is None:
        return None
    return actor.country or (actor.code or "")[:3] or None


def claims_fact(event) -> bool:
    return not event.negated and event.modality == "asserted"


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def gold_by_sentence(gold, split: str):
    keys = set(gold.article_keys(split))
    out = defaultdict(list)
    for ev in gold.gold.events:
        if ev.article in keys:
            out[(ev.article, ev.n)].append(ev)
    return out


def sentence_of(gold, split: str):
    """doc_id -> [(n, start, end)] and doc_id -> article key."""
    ranges, keys = {}, {}
    for key in gold.article_keys(split):
        did = gold.doc_ids[key]
        keys[did] = key
        ranges[did] = [(s.n, s.start, s.end) for s in gold.sentences[key]]
    return ranges, keys


def locate(event, ranges, keys):
    for n, start, end in ranges.get(event.doc_id, ()):
        if start <= event.start < end:
            return keys[event.doc_id], n
    return None


def predictions_by_sentence(gold, split: str, events) -> dict:
    """(article key, sentence number) -> the events whose trigger is in that gold sentence."""
    ranges, keys = sentence_of(gold, split)
    preds = defaultdict(list)
    for e in events:
        where = locate(e, ranges, keys)
        if where is not None:
            preds[where].append(e)
    return preds


def actor_fits(gold_actor, actor, *, by_mention: bool) -> bool:
    """Does a predicted actor match a gold one (by country; or by mention, see module doc)?"""
    if gold_actor is None or actor is None:
        return gold_actor is None and actor is None
    if country(actor) == gold_actor.key:
        return True
    if not by_mention or gold_actor.start is None or gold_actor.outside:
        return False
    return overlaps(actor.start, actor.end, gold_actor.start, gold_actor.end)


def pair_fits(gold_event, event, *, by_mention: bool) -> bool:
    s, t = gold_event.source, gold_event.target
    if actor_fits(s, event.source, by_mention=by_mention) and actor_fits(
        t, event.target, by_mention=by_mention
    ):
        return True
    return (
        gold_event.symmetric
        and t is not None
        and actor_fits(t, event.source, by_mention=by_mention)
        and actor_fits(s, event.target, by_mention=by_mention)
    )


def scorable(ev) -> bool:
    return ev.source.code is not None and (ev.target is None or ev.target.code is not None)


# ---------------------------------------------------------------- mention-level score


def mention_score(gold, split, events):
    """Strict PLOVER P/R with actors matched by mention (one-to-one per sentence)."""
    from detente.eval.realnews import _max_matching

    ranges, keys = sentence_of(gold, split)
    golds = gold_by_sentence(gold, split)
    preds = defaultdict(list)
    for e in events:
        where = locate(e, ranges, keys)
        if where is not None and e.plover and claims_fact(e):
            preds[where].append(e)
    correct = n_pred = n_gold = 0
    for where in set(golds) | set(preds):
        gs = [
            g
            for g in golds.get(where, ())
            if g.plover and g.factuality == "asserted" and scorable(g)
        ]
        ps = preds.get(where, [])
        edges = [
            [
                j
                for j, p in enumerate(ps)
                if p.plover == g.plover and pair_fits(g, p, by_mention=True)
            ]
            for g in gs
        ]
        owner = _max_matching(edges, len(ps))
        correct += sum(1 for o in owner if o != -1)
        n_pred += len(ps)
        n_gold += len(gs)
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"mention-level strict PLOVER {split}: gold {n_gold} pred {n_pred} correct {correct} P {p:.3f} R {r:.3f} F1 {f:.3f}"


# ---------------------------------------------------------------- error causes


def mention_of(actor, docs_mentions):
    """Was the gold actor's mention coded with the right country by the actors stage?"""
    if actor is None:
        return True
    if actor.start is None or actor.code is None:
        return True  # implicit: the coder's business
    return any(
        overlaps(m.start, m.end, actor.start, actor.end)
        and (m.country or (m.code or "")[:3]) == actor.code[:3]
        for m in docs_mentions
    )


def causes(gold, split, events, docs):
    golds = gold_by_sentence(gold, split)
    mentions = {d._.doc_id: list(d._.mentions or []) for d in docs}
    preds = predictions_by_sentence(gold, split, events)
    miss = Counter()
    for where, gs in golds.items():
        did = gold.doc_ids[where[0]]
        for g in gs:
            if g.plover and g.factuality == "asserted" and scorable(g):
                miss[miss_cause(g, preds.get(where, []), mentions[did])] += 1
    fp = Counter(cause for _, _, cause in asserted_predictions(gold, split, events))
    lines = [f"RECALL CAUSES {split} (gold asserted PLOVER events: {sum(miss.values())})"]
    lines += [f"  {k}: {v}" for k, v in miss.most_common()]
    lines.append(f"PRECISION CAUSES {split} (asserted predictions: {sum(fp.values())})")
    lines += [f"  {k}: {v}" for k, v in fp.most_common()]
    return "\n".join(lines)


def asserted_predictions(gold, split: str, events, *, in_order: bool = False):
    """``(sentence, prediction, cause)`` for each prediction with a PLOVER category that
    claims a fact, its cause by :func:`false_positive_cause` against the sentence's scorable
    gold (``"TP"`` if right); ``in_order``: sentences sorted by ``(article key, n)``."""
    golds = gold_by_sentence(gold, split)
    preds = predictions_by_sentence(gold, split, events).items()
    for where, ps in sorted(preds) if in_order else preds:
        gs = [g for g in golds.get(where, ()) if scorable(g)]
        for p in ps:
            if p.plover and claims_fact(p):
                yield where, p, false_positive_cause(p, gs)


def miss_cause(g, ps, doc_mentions) -> str:
    """Why gold event ``g`` was missed (or HIT) by the sentence's predictions ``ps``."""
    trig = [p for p in ps if overlaps(p.start, p.end, g.start, g.end)]
    same = [p for p in ps if p.plover == g.plover]
    if any(pair_fits(g, p, by_mention=False) and claims_fact(p) for p in same):
        return "HIT"
    if any(pair_fits(g, p, by_mention=False) for p in same):
        return "right event, factuality/negation"
    if any(pair_fits(g, p, by_mention=True) and claims_fact(p) for p in same):
        return "right event and mentions, actor coded wrong"
    if any(pair_fits(g, p, by_mention=True) for p in same):
        return "right mentions, factuality and actor code"
    if same:
        return "right category, wrong mentions"
    if trig:
        return "trigger found, wrong category"
    if not (mention_of(g.source, doc_mentions) and mention_of(g.target, doc_mentions)):
        return "no prediction; an actor not coded"
    return "no prediction; actors coded"


def false_positive_cause(p, gs) -> str:
    """Why asserted prediction ``p`` is wrong (or TP) against the sentence's gold ``gs``."""
    same = [g for g in gs if g.plover == p.plover]
    trig = [g for g in gs if overlaps(p.start, p.end, g.start, g.end)]
    if any(pair_fits(g, p, by_mention=False) and g.factuality == "asserted" for g in same):
        return "TP"
    if any(pair_fits(g, p, by_mention=False) for g in same):
        return "gold not asserted"
    if any(pair_fits(g, p, by_mention=True) for g in same):
        return "right mentions, actor coded wrong"
    if [g for g in trig if g.plover == p.plover]:
        return "same trigger+category, wrong mentions"
    if trig:
        return "same trigger, wrong category"
    if same:
        return "other trigger, same category"
    return "no gold event at the trigger"


def verbose(gold, split, events, limit: int) -> str:
    golds = gold_by_sentence(gold, split)
    preds = predictions_by_sentence(gold, split, events)
    out = []
    for key in gold.article_keys(split):
        text = gold.texts[key]["text"]
        for s in gold.sentences[key]:
            gs = [g for g in golds.get((key, s.n), ()) if g.plover]
            ps = [p for p in preds.get((key, s.n), ()) if p.plover]
            hit_g = {
                id(g)
                for g in gs
                for p in ps
                if p.plover == g.plover and pair_fits(g, p, by_mention=False)
            }
            if all(id(g) in hit_g for g in gs) and all(
                any(p.plover == g.plover and pair_fits(g, p, by_mention=False) for g in gs)
                for p in ps
            ):
                continue
            out.append(f"\n### {key} {s.n}: {text[s.start : s.end][:400]!r}")
            for g in gs:
                mark = "ok  " if id(g) in hit_g else "MISS"
                t = f"{g.target.text}/{g.target.code}" if g.target else "-"
                out.append(
                    f"  {mark} {g.plover} {g.cameo} {g.factuality} [{g.trigger}] "
                    f"{g.source.text}/{g.source.code} -> {t}"
                )
            for p in ps:
                t = f"{p.target.text}/{p.target.code}" if p.target else "-"
                fact = "negated" if p.negated else p.modality
                out.append(
                    f"  pred {p.plover} {p.cameo} {fact} [{p.trigger.text}] "
                    f"{p.source.text}/{p.source.code} -> {t}  ({p.rule[:70]})"
                )
            if len(out) > limit * 8:
                return "\n".join(out)
    return "\n".join(out)


def dump(gold, split, events) -> list[str]:
    """One line per predicted event in a gold sentence: whether it is right (strict
    PLOVER, countries), where, what; for diffing two runs."""
    ranges, keys = sentence_of(gold, split)
    golds = gold_by_sentence(gold, split)
    lines = []
    for e in events:
        where = locate(e, ranges, keys)
        if where is None:
            continue
        gs = [g for g in golds.get(where, ()) if scorable(g) and g.factuality == "asserted"]
        ok = (
            e.plover is not None
            and claims_fact(e)
            and any(g.plover == e.plover and pair_fits(g, e, by_mention=False) for g in gs)
        )
        fact = "negated" if e.negated else e.modality
        target = f"{e.target.text}/{e.target.code}" if e.target else "-"
        lines.append(
            f"{'OK ' if ok else '   '}{split} {where[0]} {where[1]} [{e.trigger.text}] {e.cameo} "
            f"{e.plover} {fact} {e.source.text}/{e.source.code} -> {target} | {e.rule[:60]}"
        )
    return lines


def halves(gold, split: str, events) -> str:
    """Strict PLOVER (correct/predicted/gold, P, R) on each half of ``split`` by article."""
    import dataclasses

    from detente.eval.realnews import score_realnews

    keys = sorted(gold.article_keys(split), key=lambda k: gold.doc_ids[k])
    lines = []
    for parity in (0, 1):
        half = set(keys[parity::2])
        subset = dataclasses.replace(
            gold, articles=tuple(a for a in gold.articles if a.key in half)
        )
        strict = score_realnews(subset, events, split=split, resamples=0).strict
        lines.append(
            f"{split} half {parity}: {len(half)} articles, correct {strict.correct} of "
            f"{strict.predicted} predicted, {strict.gold} gold: P {strict.precision:.3f} "
            f"R {strict.recall:.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=DEVELOPMENT_SPLITS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--causes", action="store_true")
    parser.add_argument("--mentions", action="store_true")
    parser.add_argument("--full", action="store_true", help="the per-category tables too")
    parser.add_argument("--oracle", action="store_true", help="gold actor mentions as given")
    parser.add_argument("-v", type=int, default=0, metavar="N")
    parser.add_argument("--halves", action="store_true", help="scores on the two halves")
    parser.add_argument("--dump", type=Path, help="write the predicted events, one a line")
    args = parser.parse_args()

    from detente.eval.realnews import load_gold, score_realnews
    from detente.nlp import load

    gold = load_gold("A")
    nlp = load()
    dumped: list[str] = []
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache, oracle=args.oracle)
        report = score_realnews(gold, events, split=split).to_markdown()
        if not args.full:
            report = report.split("| PLOVER category")[0]
        print(report.rstrip())
        if args.mentions:
            print(mention_score(gold, split, events))
        if args.halves:
            print(halves(gold, split, events))
        if args.causes:
            print(causes(gold, split, events, docs))
        if args.v:
            print(verbose(gold, split, events, args.v))
        if args.dump:
            dumped += dump(gold, split, events)
        sys.stdout.flush()
    if args.dump:
        args.dump.write_text("\n".join(sorted(dumped)) + "\n")


if __name__ == "__main__":
    main()
