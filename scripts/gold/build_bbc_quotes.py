"""Build ``gold/quotes_bbc/gold.<annotator>.jsonl`` from the annotators' string files.

Checks every ``annotations/<annotator>/*.json`` against ``articles.tsv`` and the corpus text,
turns the strings into character offsets (``detente.eval.quotes_gold.build_article``) and
fails loudly, naming the file and the quote, on anything it cannot find or accept. Prints
warnings (reported quotes whose cue has no speech word) and counts per split.

    .venv/bin/python scripts/gold/build_bbc_quotes.py [--annotator A] [--corpus PATH]
    .venv/bin/python scripts/gold/build_bbc_quotes.py --agreement A B
    .venv/bin/python scripts/gold/build_bbc_quotes.py --export A [--force]

Annotator ``A`` must cover every sampled article; any other annotator the double ones.
The annotator files repeat about half of each article's text, so they are not committed:
``--export`` writes them back from the committed ``gold.<annotator>.jsonl`` (exactly: a
build of the export gives the same gold).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from detente.errors import InputError
from detente.eval.quotes_gold import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD_DIR,
    DOUBLE_MARKS,
    SINGLE_MARKS,
    ArticleGold,
    annotator_agreement,
    build_article,
    crosses_sentence,
    gold_path,
    read_articles,
    read_corpus_texts,
    read_gold_file,
    record_file_name,
    review_warnings,
    to_annotation,
)

PRIMARY_ANNOTATOR = "A"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which"})


def build_annotator(
    gold_dir: Path, annotator: str, texts: dict[str, str], required: set[str]
) -> tuple[list[ArticleGold], list[str]]:
    directory = gold_dir / "annotations" / annotator
    if not directory.is_dir():
        raise InputError(str(directory), "no-gold", f"no annotations for annotator {annotator}")
    articles, warnings = [], []
    seen = set()
    for path in sorted(directory.glob("*.json")):
        try:
            annotation = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as e:
            raise InputError(str(path), "bad-gold", f"not valid JSON: {e}") from e
        record_id = annotation.get("record_id") if isinstance(annotation, dict) else None
        if record_id not in texts:
            raise InputError(str(path), "bad-gold", f"record {record_id!r} is not in the sample")
        if path.stem != record_file_name(record_id):
            raise InputError(
                str(path),
                "bad-gold",
                f"record {record_id} belongs in {record_file_name(record_id)}.json",
            )
        article = build_article(annotation, texts[record_id], annotator=annotator, ref=str(path))
        articles.append(article)
        warnings += review_warnings(article, texts[record_id])
        review_dir = gold_dir / "work" / "review"
        review_dir.mkdir(parents=True, exist_ok=True)
        (review_dir / f"{path.stem}.{annotator}.txt").write_text(
            review(article, texts[record_id]), encoding="utf-8"
        )
        seen.add(record_id)
    missing = sorted(required - seen)
    if missing:
        raise InputError(
            str(directory),
            "bad-gold",
            f"{len(missing)} sampled article(s) not annotated: {', '.join(missing[:8])}",
        )
    return articles, warnings


def annotation_json(annotation: dict) -> str:
    """One quote a line: diffs between annotators and edits stay readable."""
    quotes = ",\n".join(" " + json.dumps(q, ensure_ascii=False) for q in annotation["quotes"])
    head = json.dumps({k: v for k, v in annotation.items() if k != "quotes"}, ensure_ascii=False)
    return head[:-1] + ', "quotes": [\n' + quotes + ("\n" if quotes else "") + "]}\n"


def export_annotator(gold_dir: Path, annotator: str, texts: dict[str, str], *, force: bool) -> int:
    directory = gold_dir / "annotations" / annotator
    directory.mkdir(parents=True, exist_ok=True)
    articles = read_gold_file(gold_path(gold_dir, annotator))
    for article in articles:
        path = directory / f"{record_file_name(article.record_id)}.json"
        if path.exists() and not force:
            raise InputError(str(path), "exists", "already there (use --force to overwrite)")
        path.write_text(
            annotation_json(to_annotation(article, texts[article.record_id])), encoding="utf-8"
        )
    return len(articles)


def _in_context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def review(article: ArticleGold, text: str) -> str:
    """The built offsets shown in context, for the annotator to check (a work file)."""
    lines = [f"# {article.record_id} annotator {article.annotator}: {len(article.quotes)} quotes"]
    for number, quote in enumerate(article.quotes, 1):
        lines.append(
            f"\nQ{number} P{quote.paragraph} {quote.kind}{' (continued)' if quote.continued else ''}: "
            f"«{text[quote.start : quote.end]}»"
        )
        if quote.cue_start is not None:
            lines.append(f"   cue     {_in_context(text, quote.cue_start, quote.cue_end)}")
        if quote.speaker_start is not None:
            where = f" (P{quote.speaker_paragraph})" if quote.speaker_paragraph else ""
            lines.append(
                f"   speaker {_in_context(text, quote.speaker_start, quote.speaker_end)}{where}"
            )
        lines.append(f"   -> {quote.speaker_name} / {quote.speaker_code}  {quote.note}")
    return "\n".join(lines) + "\n"


def _outside_sentence(quote, text: str) -> bool:
    """The speaker mention is in another paragraph or across a sentence end from the quote."""
    if quote.speaker_start is None:
        return False
    if quote.speaker_paragraph not in (None, quote.paragraph):
        return True
    return crosses_sentence(
        text, (quote.speaker_start, quote.speaker_end), (quote.start, quote.end)
    )


def statistics(articles: list[ArticleGold], texts: dict[str, str], splits: dict[str, str]) -> str:
    rows: dict[str, Counter] = {}
    for article in articles:
        text = texts[article.record_id]
        count = rows.setdefault(splits[article.record_id], Counter())
        count["articles"] += 1
        count["articles without quotes"] += not any(q.kind != "excluded" for q in article.quotes)
        for number, quote in enumerate(article.quotes):
            count[quote.kind] += 1
            if quote.kind in ("direct", "mixed"):
                content = text[quote.start : quote.end]
                single = (
                    text[quote.start - 1] in SINGLE_MARKS
                    if quote.kind == "direct"
                    else any(c in SINGLE_MARKS for c in content)
                    and not any(c in DOUBLE_MARKS for c in content)
                )
                count["single-mark quotes"] += single
            after = text[quote.end : quote.end + 3]
            if quote.kind == "direct" and after[:1].isspace() and after.lstrip()[:1] in '"\u201c':
                count["quotes run into the next (lost paragraph break)"] += 1
            previous = article.quotes[number - 1] if number else None
            if quote.continued and not (previous and previous.continued):
                count["multi-paragraph quotes"] += 1
            if quote.continued or (previous and previous.continued):
                count["paragraphs in multi-paragraph quotes"] += 1
            if quote.kind == "excluded":
                continue
            count["scored quotes"] += 1
            count["cue-less quotes"] += quote.cue_start is None
            count["no speaker span"] += quote.speaker_start is None
            if quote.speaker_start is not None:
                speaker = text[quote.speaker_start : quote.speaker_end].lower()
                count["pronoun speaker"] += speaker in PRONOUNS
                count["speaker in another paragraph"] += quote.speaker_paragraph not in (
                    None,
                    quote.paragraph,
                )
                count["speaker outside the quote's sentence"] += _outside_sentence(quote, text)
            count["speaker code given"] += quote.speaker_code is not None
    names = [
        "articles",
        "articles without quotes",
        "direct",
        "mixed",
        "reported",
        "excluded",
        "scored quotes",
        "single-mark quotes",
        "multi-paragraph quotes",
        "paragraphs in multi-paragraph quotes",
        "quotes run into the next (lost paragraph break)",
        "cue-less quotes",
        "no speaker span",
        "pronoun speaker",
        "speaker in another paragraph",
        "speaker outside the quote's sentence",
        "speaker code given",
    ]
    order = [split for split in ("dev", "test") if split in rows]
    total = sum((rows[split] for split in order), Counter())
    lines = ["| count | " + " | ".join(order) + " | all |", "|---|" + "---|" * (len(order) + 1)]
    for name in names:
        lines.append(
            f"| {name} | " + " | ".join(str(rows[s][name]) for s in order) + f" | {total[name]} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotator", action="append", help="default: every annotations/ dir")
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--agreement", nargs=2, metavar=("REFERENCE", "OTHER"))
    parser.add_argument("--export", metavar="ANNOTATOR", help="gold.ANNOTATOR.jsonl -> strings")
    parser.add_argument("--force", action="store_true", help="--export may overwrite files")
    args = parser.parse_args(argv)
    try:
        if args.agreement:
            agreement = annotator_agreement(
                args.gold_dir,
                reference=args.agreement[0],
                other=args.agreement[1],
                corpus=args.corpus,
            )
            print(agreement.to_markdown())
            for line in agreement.disagreements:
                print(f"  speaker differs: {line}")
            return 0
        sampled = read_articles(args.gold_dir)
        texts = read_corpus_texts(args.corpus, (a.record_id for a in sampled))
        splits = {a.record_id: a.split for a in sampled}
        if args.export:
            count = export_annotator(args.gold_dir, args.export, texts, force=args.force)
            print(f"wrote {count} annotation files for annotator {args.export}")
            return 0
        annotators = args.annotator or sorted(
            path.name for path in (args.gold_dir / "annotations").iterdir() if path.is_dir()
        )
        for annotator in annotators:
            required = {a.record_id for a in sampled if annotator == PRIMARY_ANNOTATOR or a.double}
            articles, warnings = build_annotator(args.gold_dir, annotator, texts, required)
            path = gold_path(args.gold_dir, annotator)
            path.write_text(
                "".join(
                    json.dumps(article.to_json(), ensure_ascii=False) + "\n"
                    for article in sorted(articles, key=lambda a: a.record_id)
                ),
                encoding="utf-8",
            )
            print(f"wrote {path}: {len(articles)} articles")
            for warning in warnings:
                print(f"  warning: {warning}")
            print(statistics(articles, texts, splits))
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
