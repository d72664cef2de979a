"""Validate the real-news event annotations and build the gold files (issue 9).

  build_realnews.py [build]                  check every annotation file, write the gold
  build_realnews.py init ANNOTATOR KEY...    write skeleton annotation files ("events": null)
  build_realnews.py agree A B                print B's agreement with A on their common articles

``build`` reads gold/realnews/annotations/<annotator>/<corpus>__<id>.json (format in
docs/gold/events-guideline.md, section 9), checks that every lead sentence is present, that
CAMEO codes exist in src/detente/data/events/cameo.tsv and PLOVER categories equal the
table's, that actor codes are well formed and that every span is found (in its sentence, or
anywhere in the article with ``"outside": true``), and converts the spans to character
offsets. It writes gold/realnews/gold.<annotator>.jsonl per annotator and gold.A.jsonl, the
union of the primary annotators (A1, A2, ...). Every error names the file and the sentence;
nothing is written when there is one.

Options: --gold-dir DIR (default gold/realnews), --corpora DIR (default ../shared/data/corpora).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.eval.realnews import (
    DEFAULT_CORPORA_DIR,
    FACTUALITIES,
    GoldActor,
    GoldArticle,
    GoldEvent,
    GoldSentence,
    agreement,
    check_sentences,
    event_record,
    load_texts,
    read_articles,
    read_gold,
    read_sentences,
)
from detente.knowledge import files as knowledge_files
from detente.knowledge import load_knowledge
from detente.knowledge.tables import read_values

# The gold next to this script (not the one of whichever checkout the venv installed).
DEFAULT_GOLD_DIR = Path(__file__).resolve().parents[2] / "gold" / "realnews"

PRIMARY = re.compile(r"A\d+$")
ANNOTATOR = re.compile(r"(A\d+|B\d*)$")
# First block of an actor code that is not a state: organizations and CAMEO regions.
NONSTATE_FIRST = frozenset(
    "IGO NGO IMG MNC AFR ASA BAL BLK CAS CAU EUR LAM MEA NAF NMR SAF SAS SEA WAF WST".split()
)
EVENT_KEYS = {"trigger", "source", "target", "cameo", "plover", "factuality"}
EVENT_OPTIONAL = {"trigger_occurrence", "symmetric", "note"}
ACTOR_KEYS = {"text", "code"}
ACTOR_OPTIONAL = {"occurrence", "outside", "implicit"}
FILE_KEYS = {"article", "annotator", "date", "sentences"}
FILE_OPTIONAL = {"minutes", "note"}


def _blocks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def code_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(ISO3 state codes, sector/type blocks) from the shipped knowledge base."""
    states = {row[0] for row in read_values(knowledge_files.STATES)}
    sectors = {row[0] for row in read_values(knowledge_files.NON_STATE_CODES)}
    for row in read_values(knowledge_files.AGENTS):
        if re.fullmatch(r"(?:[A-Z]{3})+", row[1]):
            sectors.update(_blocks(row[1]))
    return frozenset(states), frozenset(sectors)


def code_problem(code: str, states: frozenset[str], sectors: frozenset[str]) -> str | None:
    """Why an actor code is malformed, or None."""
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return f"actor code {code!r} is not upper-case letters in blocks of three"
    blocks = _blocks(code)
    if blocks[0] in NONSTATE_FIRST:
        return None
    if blocks[0] not in states:
        return f"actor code {code!r}: {blocks[0]!r} is neither an ISO3 country nor IGO/NGO/IMG/MNC/a region"
    if len(blocks) > 1 and blocks[1] not in sectors:
        return f"actor code {code!r}: {blocks[1]!r} is not a CAMEO sector code"
    return None


def find_span(haystack: str, needle: str, occurrence: int = 1) -> int | None:
    """Start of the ``occurrence``-th whole-word match of ``needle`` in ``haystack``."""
    if not needle:
        return None
    pattern = re.escape(needle)
    if needle[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if needle[-1].isalnum():
        pattern += r"(?!\w)"
    matches = list(re.finditer(pattern, haystack))
    if occurrence < 1 or occurrence > len(matches):
        return None
    return matches[occurrence - 1].start()


def _hint(haystack: str, needle: str) -> str:
    folded = needle.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    plain = haystack.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if find_span(plain, folded) is not None:
        return " (it is there with other quotation marks or apostrophes: copy them exactly)"
    if find_span(haystack.lower(), needle.lower()) is not None:
        return " (it is there with other capitalisation)"
    if needle in haystack:
        return " (only inside a longer word)"
    return ""


@dataclass
class Context:
    articles: dict[str, GoldArticle]
    sentences: Mapping[str, tuple[GoldSentence, ...]]
    texts: Mapping[str, dict[str, str]]
    states: frozenset[str]
    sectors: frozenset[str]
    cameo: Mapping


@dataclass
class FileResult:
    article: str | None = None
    annotator: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    minutes: float | None = None


def load_context(gold_dir: Path, corpora_dir: Path) -> Context:
    articles = {a.key: a for a in read_articles(gold_dir)}
    sentences = read_sentences(gold_dir)
    texts = load_texts(articles, corpora_dir)
    check_sentences(sentences, texts)
    states, sectors = code_vocabulary()
    return Context(articles, sentences, texts, states, sectors, load_knowledge().cameo.codes)


class _Errors:
    def __init__(self, result: FileResult, where: str):
        self.result = result
        self.where = where

    def add(self, message: str) -> None:
        self.result.errors.append(f"{self.where}: {message}")


def _unknown_keys(value: Mapping, required: set[str], optional: set[str]) -> list[str]:
    problems = [f"missing {key!r}" for key in sorted(required - set(value))]
    problems += [f"unknown field {key!r}" for key in sorted(set(value) - required - optional)]
    return problems


def _actor(
    value, role: str, sentence: GoldSentence, text: str, ctx: Context, errors: _Errors
) -> GoldActor | None:
    if not isinstance(value, dict):
        errors.add(f"{role} must be an object with text and code")
        return None
    for problem in _unknown_keys(value, ACTOR_KEYS, ACTOR_OPTIONAL):
        errors.add(f"{role}: {problem}")
    mention, code = value.get("text"), value.get("code")
    outside, implicit = bool(value.get("outside", False)), bool(value.get("implicit", False))
    occurrence = value.get("occurrence", 1)
    if code is not None:
        problem = (
            code_problem(code, ctx.states, ctx.sectors) if isinstance(code, str) else "bad code"
        )
        if problem:
            errors.add(f"{role}: {problem}")
    if not isinstance(mention, str) or not isinstance(occurrence, int):
        errors.add(f"{role}: text must be a string and occurrence an integer")
        return None
    if implicit:
        if mention or outside:
            errors.add(f'{role}: an implicit actor has "text": "" and no "outside"')
        return GoldActor("", None, None, code, implicit=True)
    if outside:
        start = find_span(text, mention, occurrence)
        if start is None:
            errors.add(
                f"{role} {mention!r} (outside) not found in the article{_hint(text, mention)}"
            )
            return None
        if sentence.start <= start < sentence.end:
            errors.add(f'{role} {mention!r} is in the sentence: drop "outside"')
    else:
        local = text[sentence.start : sentence.end]
        found = find_span(local, mention, occurrence)
        if found is None:
            hint = _hint(local, mention)
            if not hint and find_span(text, mention) is not None:
                hint = ' (it is elsewhere in the article: add "outside": true)'
            errors.add(f"{role} {mention!r} #{occurrence} not found in the sentence{hint}")
            return None
        start = sentence.start + found
    return GoldActor(mention, start, start + len(mention), code, outside=outside)


def _event(
    value, key: str, annotator: str, sentence: GoldSentence, ctx: Context, errors: _Errors
) -> GoldEvent | None:
    if not isinstance(value, dict):
        errors.add("an event must be an object")
        return None
    problems = _unknown_keys(value, EVENT_KEYS, EVENT_OPTIONAL)
    for problem in problems:
        errors.add(problem)
    if problems:
        return None
    text = ctx.texts[key]["text"]
    local = text[sentence.start : sentence.end]
    trigger, occurrence = value["trigger"], value.get("trigger_occurrence", 1)
    found = find_span(local, trigger, occurrence) if isinstance(trigger, str) else None
    if found is None:
        hint = _hint(local, trigger) if isinstance(trigger, str) else ""
        errors.add(f"trigger {trigger!r} #{occurrence} not found in the sentence{hint}")
    source = _actor(value["source"], "source", sentence, text, ctx, errors)
    target = None
    if value["target"] is not None:
        target = _actor(value["target"], "target", sentence, text, ctx, errors)
    cameo, plover = value["cameo"], value["plover"]
    entry = ctx.cameo.get(cameo) if isinstance(cameo, str) else None
    if entry is None:
        errors.add(f"CAMEO code {cameo!r} is not in src/detente/data/events/cameo.tsv")
    elif plover != entry.plover:
        errors.add(f"PLOVER category of {cameo} is {entry.plover!r}, not {plover!r}")
    if value["factuality"] not in FACTUALITIES:
        errors.add(f"factuality {value['factuality']!r} is not one of {', '.join(FACTUALITIES)}")
    symmetric = value.get("symmetric", False)
    if not isinstance(symmetric, bool) or (symmetric and value["target"] is None):
        errors.add("symmetric must be true or false, and a symmetric event needs a target")
    same_span = source and target and source.start is not None
    if same_span and (source.start, source.end) == (target.start, target.end):
        errors.add("source and target are the same mention (self-targeting)")
    if found is None or source is None or entry is None or (value["target"] and target is None):
        return None
    start = sentence.start + found
    return GoldEvent(
        article=key,
        annotator=annotator,
        n=sentence.n,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        trigger=trigger,
        start=start,
        end=start + len(trigger),
        source=source,
        target=target,
        cameo=cameo,
        plover=plover,
        factuality=value["factuality"],
        symmetric=symmetric,
        note=value.get("note", ""),
    )


def validate_file(path: Path, ctx: Context) -> FileResult:
    result = FileResult()
    errors = _Errors(result, str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        errors.add(f"cannot read JSON: {e}")
        return result
    if not isinstance(data, dict):
        errors.add("the file must hold one JSON object")
        return result
    for problem in _unknown_keys(data, FILE_KEYS, FILE_OPTIONAL):
        errors.add(problem)
    key, annotator = data.get("article"), data.get("annotator")
    article = ctx.articles.get(key)
    if article is None:
        errors.add(f"article {key!r} is not in gold/realnews/articles.tsv")
        return result
    result.article, result.annotator, result.minutes = key, annotator, data.get("minutes")
    if path.stem != article.stem:
        errors.add(f"file name should be {article.stem}.json")
    if annotator != path.parent.name or not ANNOTATOR.fullmatch(str(annotator)):
        errors.add(
            f"annotator {annotator!r} must be the folder name ({path.parent.name}), A1.. or B"
        )
    if data.get("date") != article.date:
        errors.add(f"date {data.get('date')!r} should be the article date {article.date}")
    sentences = ctx.sentences[key]
    given = data.get("sentences")
    if not isinstance(given, list) or [s.get("n") for s in given if isinstance(s, dict)] != [
        s.n for s in sentences
    ]:
        errors.add(f"sentences must be a list of {{n, events}} for n = 0..{len(sentences) - 1}")
        return result
    for sentence, entry in zip(sentences, given, strict=True):
        where = _Errors(result, f"{path}: sentence {sentence.n}")
        for problem in _unknown_keys(entry, {"n", "events"}, {"note"}):
            where.add(problem)
        events = entry.get("events")
        if events is None:
            where.add("not annotated yet (events is null; use [] for no event)")
            continue
        if not isinstance(events, list):
            where.add("events must be a list")
            continue
        for i, value in enumerate(events, start=1):
            event_errors = _Errors(result, f"{path}: sentence {sentence.n}: event {i}")
            event = _event(value, key, annotator, sentence, ctx, event_errors)
            if event is not None:
                result.events.append(event)
    return result


def write_gold(path: Path, annotator: str, articles: list[str], events: list[GoldEvent]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for key in articles:
            f.write(json.dumps({"type": "article", "article": key, "annotator": annotator}) + "\n")
        for event in events:
            f.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")


def build(gold_dir: Path, corpora_dir: Path) -> int:
    ctx = load_context(gold_dir, corpora_dir)
    order = {key: i for i, key in enumerate(ctx.articles)}
    results: dict[str, list[FileResult]] = {}
    errors: list[str] = []
    for folder in sorted((gold_dir / "annotations").glob("*")):
        if folder.is_dir():
            results[folder.name] = [validate_file(p, ctx) for p in sorted(folder.glob("*.json"))]
            errors += [e for r in results[folder.name] for e in r.errors]
    primary_of: dict[str, str] = {}
    for annotator, files in results.items():
        if PRIMARY.fullmatch(annotator):
            for r in files:
                if r.article in primary_of:
                    errors.append(
                        f"{r.article} has two primary annotators: {primary_of[r.article]} and {annotator}"
                    )
                primary_of[r.article] = annotator
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} errors; nothing written", file=sys.stderr)
        return 1
    merged: list[FileResult] = []
    for annotator, files in results.items():
        files.sort(key=lambda r: order[r.article])
        events = [e for r in files for e in r.events]
        write_gold(
            gold_dir / f"gold.{annotator}.jsonl", annotator, [r.article for r in files], events
        )
        if PRIMARY.fullmatch(annotator):
            merged += files
        _summary(annotator, files, ctx)
    merged.sort(key=lambda r: order[r.article])
    write_gold(
        gold_dir / "gold.A.jsonl",
        "A",
        [r.article for r in merged],
        [e for r in merged for e in r.events],
    )
    _summary("A", merged, ctx)
    return 0


def _summary(annotator: str, files: list[FileResult], ctx: Context) -> None:
    events = [e for r in files for e in r.events]
    n_sentences = sum(len(ctx.sentences[r.article]) for r in files)
    splits = Counter(ctx.articles[r.article].split for r in files)
    factuality = Counter(e.factuality for e in events)
    minutes = [r.minutes for r in files if isinstance(r.minutes, int | float)]
    print(
        f"{annotator}: {len(files)} articles ({dict(splits)}), {n_sentences} sentences, "
        f"{len(events)} events {dict(factuality.most_common())}"
        + (f", {sum(minutes) / len(minutes):.0f} min/article" if minutes else ""),
        file=sys.stderr,
    )


def init(gold_dir: Path, annotator: str, keys: list[str]) -> int:
    if not ANNOTATOR.fullmatch(annotator):
        print(f"annotator must be A1, A2, ... or B, not {annotator!r}", file=sys.stderr)
        return 2
    articles = {a.key: a for a in read_articles(gold_dir)}
    sentences = read_sentences(gold_dir)
    folder = gold_dir / "annotations" / annotator
    folder.mkdir(parents=True, exist_ok=True)
    for key in keys:
        article = articles.get(key)
        if article is None:
            print(f"{key}: not in articles.tsv", file=sys.stderr)
            return 2
        path = folder / f"{article.stem}.json"
        if path.exists():
            print(f"{path} exists; left alone", file=sys.stderr)
            continue
        lines = [f'    {{"n": {s.n}, "events": null}}' for s in sentences[key]]
        head = {"article": key, "annotator": annotator, "date": article.date, "minutes": None}
        text = json.dumps(head, indent=2)[:-2] + ',\n  "sentences": [\n'
        path.write_text(text + ",\n".join(lines) + "\n  ]\n}\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


def agree(gold_dir: Path, corpora_dir: Path, first: str, second: str) -> int:
    gold_a = read_gold(gold_dir / f"gold.{first}.jsonl")
    gold_b = read_gold(gold_dir / f"gold.{second}.jsonl")
    sentences = read_sentences(gold_dir)
    print(agreement(gold_a, gold_b, sentences).to_markdown())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA_DIR)
    parser.add_argument("command", nargs="?", default="build", choices=("build", "init", "agree"))
    parser.add_argument("args", nargs="*")
    args = parser.parse_args(argv)
    try:
        if args.command == "init":
            if len(args.args) < 2:
                parser.error("init needs ANNOTATOR and at least one article key")
            return init(args.gold_dir, args.args[0], args.args[1:])
        if args.command == "agree":
            if len(args.args) != 2:
                parser.error("agree needs two annotators, e.g. A B")
            return agree(args.gold_dir, args.corpora, *args.args)
        return build(args.gold_dir, args.corpora)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
