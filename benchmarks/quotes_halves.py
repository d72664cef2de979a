"""Quote scores on PolNeAR dev, its two halves and the BBC gold's dev split, from parses kept
once (issue 15's guard against dev-fitting: a rule is kept when it gains on both halves).

    .venv/bin/python benchmarks/quotes_halves.py [--split dev] [--errors FILE] [--clauses-only] [--causes]
    .venv/bin/python benchmarks/quotes_halves.py --split train --half A [--errors FILE] [--causes]

The pipeline up to the actors stage runs once per text and is kept in ``tmp/quotes-cache``
inside the worktree (delete it after changing anything before the quotes stage); each run
re-runs only the quotes stage, so the numbers are those of ``detente eval quotes`` (with
``--half A|B``) and ``detente eval quotes --gold gold/quotes_bbc --split dev``.
``--errors`` writes every miss and false alarm (annotator-weighted) as TSV for reading.
``--causes`` prints the reported-speech errors (annotator-weighted) grouped by cause: a miss
that no kept prediction overlaps is a missed cue (its gold Content a clause or a noun phrase,
by ``eval.quotes.is_clause``), one that a prediction overlaps below the 30 % match is a span
boundary (or kind) error; a false alarm that overlaps no gold Content is a false cue, else it
is named by the kinds of the gold it overlaps (reported: span boundary; direct: a report
inside or around a quote; excluded: overlapping a set-aside attribution too little to be set
aside).
PolNeAR train half A is open for error analysis beside dev (``--split train --half A``: only its
texts are parsed and scored); train half B and the BBC test split are held back: never score
them while tuning (``--half B`` of train is refused).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from detente.eval.common import HALVES
from detente.eval.quotes import (
    PREDICTED_KINDS,
    _distinct_texts,
    _match,
    doc_predictions,
    exclude_noun_contents,
    is_clause,
    load_gold,
    score_predictions,
)
from detente.eval.quotes_gold import load_bbc_gold

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "tmp" / "quotes-cache"


def parsed(tag: str, texts: list[str]):
    """Docs of ``texts`` through the actors stage, parsed once and kept in the cache."""
    from spacy.tokens import DocBin

    from detente.nlp import load, make_doc
    from detente.records import Article

    nlp = load(stages=["actors", "quotes"])
    docs_path, data_path = CACHE / f"{tag}.spacy", CACHE / f"{tag}.pickle"
    if not docs_path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        user_data = []
        docs = (make_doc(nlp, Article(ref=f"polnear:{i}", text=t)) for i, t in enumerate(texts))
        for doc in nlp.pipe(docs, batch_size=8, disable=["detente_quotes"]):
            bin_.add(doc)
            user_data.append(dict(doc.user_data))
        bin_.to_disk(docs_path)
        data_path.write_bytes(pickle.dumps(user_data))
    user_data = pickle.loads(data_path.read_bytes())
    docs = list(DocBin().from_disk(docs_path).get_docs(nlp.vocab))
    for doc, data in zip(docs, user_data, strict=True):
        doc.user_data.update(data)
    return nlp.get_pipe("detente_quotes"), docs


def predictions(tag: str, texts: list[str], *, by_part: bool, polnear_kinds: bool):
    """The quotes stage's predictions for ``texts`` and their parses."""
    quotes, docs = parsed(tag, texts)
    return [
        doc_predictions(quotes(doc), by_part=by_part, polnear_kinds=polnear_kinds) for doc in docs
    ], docs


def errors(documents, predicted_by_name, docs_by_name=None) -> list[str]:
    """Every miss and false alarm per kind, one TSV row each with its weight."""
    rows = []
    for document in documents:
        if docs_by_name is not None:
            document = exclude_noun_contents(document, docs_by_name[document.name])
        predicted = predicted_by_name[document.name]
        scored = [a for a in document.attributions if a.kind != "excluded"]
        excluded = [a for a in document.attributions if a.kind == "excluded"]
        excluded_hits = {p for p, _ in _match(predicted, excluded)}
        matched = {p for p, _ in _match(predicted, scored)}
        kept = [i for i in range(len(predicted)) if i in matched or i not in excluded_hits]
        text = document.text
        for kind, pred_kinds in PREDICTED_KINDS.items():
            preds = [i for i in kept if predicted[i][2] in pred_kinds]
            gold = [a for a in scored if a.kind == kind]
            pairs = _match([predicted[i] for i in preds], gold)
            hit_p, hit_g = {p for p, _ in pairs}, {g for _, g in pairs}
            for g, a in enumerate(gold):
                if g not in hit_g:
                    near = [
                        text[predicted[i][0] : predicted[i][1]]
                        for i in kept
                        if predicted[i][0] < a.end and a.start < predicted[i][1]
                    ]
                    rows.append(
                        f"{kind}\tmiss\t{document.weight:.2f}\t{document.name}\t{a.start}"
                        f"\t{a.cue!r}\t{a.source_text!r}\t{' | '.join(text[s:e] for s, e in a.content)!r}"
                        f"\t{near!r}"
                    )
            for p, i in enumerate(preds):
                if p not in hit_p:
                    s, e = predicted[i][0], predicted[i][1]
                    near = [
                        " | ".join(text[x:y] for x, y in a.content) + f" ({a.kind})"
                        for a in document.attributions
                        if a.start < e and s < a.end
                    ]
                    rows.append(
                        f"{kind}\tfp\t{document.weight:.2f}\t{document.name}\t{s}"
                        f"\t{predicted[i][2]}\t{text[predicted[i][3] or 0 : predicted[i][4] or 0]!r}"
                        f"\t{text[s:e]!r}\t{near!r}"
                    )
    return rows


def reported_causes(documents, predicted_by_name, docs_by_name) -> dict[str, float]:
    """Reported-speech misses and false alarms, annotator-weighted, by cause (module doc)."""
    causes: dict[str, float] = {}

    def add(cause: str, weight: float) -> None:
        causes[cause] = causes.get(cause, 0.0) + weight

    for document in documents:
        predicted = predicted_by_name[document.name]
        doc = docs_by_name[document.name]
        scored = [a for a in document.attributions if a.kind != "excluded"]
        excluded_hits = {
            p
            for p, _ in _match(
                predicted, [a for a in document.attributions if a.kind == "excluded"]
            )
        }
        matched = {p for p, _ in _match(predicted, scored)}
        kept = [i for i in range(len(predicted)) if i in matched or i not in excluded_hits]
        preds = [i for i in kept if predicted[i][2] in PREDICTED_KINDS["reported"]]
        gold = [a for a in scored if a.kind == "reported"]
        pairs = _match([predicted[i] for i in preds], gold)
        hit_p, hit_g = {p for p, _ in pairs}, {g for _, g in pairs}
        for g, a in enumerate(gold):
            if g in hit_g:
                continue
            if any(predicted[i][0] < a.end and a.start < predicted[i][1] for i in kept):
                add("miss: span boundary or kind", document.weight)
            else:
                content = "clause" if is_clause(doc, a.content) else "noun phrase"
                add(f"miss: missed cue, {content} content", document.weight)
        for p, i in enumerate(preds):
            if p in hit_p:
                continue
            s, e = predicted[i][0], predicted[i][1]
            kinds = sorted({a.kind for a in document.attributions if a.start < e and s < a.end})
            label = "false cue" if not kinds else "overlaps " + "+".join(kinds)
            add(f"false alarm: {label}", document.weight)
    return causes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--half", choices=HALVES, help="only this half (train: A only)")
    parser.add_argument("--no-bbc", action="store_true")
    parser.add_argument(
        "--clauses-only",
        action="store_true",
        help="reported gold only where its content is a clause (eval/quotes.py module doc)",
    )
    parser.add_argument("--causes", action="store_true", help="reported-speech errors by cause")
    args = parser.parse_args()
    if args.split == "train" and args.half != "A":
        parser.error("PolNeAR train is scored on its half A only (half B is held back)")

    documents = load_gold(split=args.split, half=args.half)
    texts = _distinct_texts(documents)
    names = [name for name, _ in texts]
    tag = f"polnear-{args.split}" + (f"-{args.half}" if args.half else "")
    predicted, docs = predictions(
        tag, [g[0].text for _, g in texts], by_part=False, polnear_kinds=True
    )
    by_name = dict(zip(names, predicted, strict=True))
    docs_by_name = dict(zip(names, docs, strict=True))
    print("| part | direct | reported | overall | speaker |\n|---|---|---|---|---|")
    for half in (args.half,) if args.half else (None, *HALVES):
        part = load_gold(split=args.split, half=half)
        keep = sorted({d.name for d in part})
        scores = score_predictions(
            part,
            [by_name[n] for n in keep],
            split=args.split,
            docs=[docs_by_name[n] for n in keep] if args.clauses_only else None,
        )
        k = scores.kinds
        print(
            f"| {args.split} {half or 'all'} | {k['direct'].f1:.4f} | {k['reported'].f1:.4f} "
            f"| {k['overall'].f1:.4f} | {scores.speaker_accuracy:.4f} |"
        )
    if args.errors:
        args.errors.write_text(
            "\n".join(errors(documents, by_name, docs_by_name if args.clauses_only else None))
            + "\n"
        )
    if args.causes:
        causes = reported_causes(documents, by_name, docs_by_name)
        print("\n| reported-speech error | weight |\n|---|---|")
        for cause, weight in sorted(causes.items(), key=lambda item: -item[1]):
            print(f"| {cause} | {weight:.1f} |")
    if args.no_bbc or args.split != "dev":
        return
    bbc = load_bbc_gold(split="dev")
    bbc_texts = _distinct_texts(bbc)
    bbc_predicted, _ = predictions(
        "bbc-dev", [g[0].text for _, g in bbc_texts], by_part=True, polnear_kinds=False
    )
    scores = score_predictions(bbc, bbc_predicted, split="dev")
    k = scores.kinds
    print(
        f"| BBC dev | {k['direct'].f1:.4f} | {k['reported'].f1:.4f} | {k['overall'].f1:.4f} "
        f"| {scores.speaker_accuracy:.4f} |"
    )
    if args.errors:
        by_bbc = dict(zip([n for n, _ in bbc_texts], bbc_predicted, strict=True))
        path = args.errors.with_suffix(".bbc.tsv")
        path.write_text("\n".join(errors(bbc, by_bbc)) + "\n")


if __name__ == "__main__":
    main()
