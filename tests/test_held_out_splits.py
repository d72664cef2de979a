"""The scripts that fit or measure on the real-news gold never fit on the fresh test split (the
latest drawn), never measure it by accident, and write no weights after looking at it. The
earlier test splits, each scored once and read since, are development data."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from detente.eval.realnews import DEVELOPMENT_SPLITS, FRESH_SPLIT, SPLITS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scripts():
    folders = [str(ROOT / "scripts"), str(ROOT / "benchmarks")]
    sys.path[:0] = folders
    try:
        yield {
            name: importlib.import_module(name) for name in ("train_acceptor", "realnews_fp_table")
        }
    finally:
        for folder in folders:
            sys.path.remove(folder)


def refused(parse, argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        parse(argv)
    assert exit_.value.code == 2
    return capsys.readouterr().err


def test_only_the_latest_test_split_is_fresh():
    tests = [split for split in SPLITS if split.startswith("test")]
    assert FRESH_SPLIT == tests[-1] and FRESH_SPLIT not in DEVELOPMENT_SPLITS
    assert set(DEVELOPMENT_SPLITS) == set(SPLITS) - {FRESH_SPLIT}


@pytest.mark.parametrize("split", [FRESH_SPLIT])
def test_the_acceptor_is_never_fitted_on_a_test_split(scripts, split, capsys):
    error = refused(scripts["train_acceptor"].parse_args, ["--fit", split], capsys)
    assert f"argument --fit: invalid choice: '{split}'" in error


@pytest.mark.parametrize("split", [FRESH_SPLIT])
def test_measuring_a_test_split_writes_no_weights(scripts, split, capsys):
    parse = scripts["train_acceptor"].parse_args
    error = refused(parse, ["--fit", "train", "--measure", "dev", split], capsys)
    assert f"--measure names the test split {split}: add --no-write" in error
    args = parse(["--measure", split, "--no-write"])
    assert (args.fit, args.measure, args.no_write) == (list(DEVELOPMENT_SPLITS), [split], True)


def test_the_acceptor_fits_and_measures_the_development_splits(scripts):
    args = scripts["train_acceptor"].parse_args(["--fit", "train", "dev", "--measure", "dev2"])
    assert (args.fit, args.measure, args.no_write) == (["train", "dev"], ["dev2"], False)


@pytest.mark.parametrize("split", [FRESH_SPLIT])
def test_the_false_positive_tables_never_read_a_test_split(scripts, split, capsys):
    parser = scripts["realnews_fp_table"].cached_runs_parser("tables")
    error = refused(parser.parse_args, ["--tag", "t", "--splits", "dev", split], capsys)
    assert f"argument --splits: invalid choice: '{split}'" in error
    assert parser.parse_args(["--tag", "t"]).splits == list(DEVELOPMENT_SPLITS)


def test_the_acceptor_fits_every_development_split_and_no_test_split_by_default(scripts):
    args = scripts["train_acceptor"].parse_args([])
    assert args.fit == list(DEVELOPMENT_SPLITS) and args.measure == []
    assert FRESH_SPLIT not in args.fit


def test_the_acceptors_folds_keep_each_article_whole_and_are_seeded(scripts):
    folds_by_article = scripts["train_acceptor"].folds_by_article
    articles = [f"train:{n % 23}" for n in range(200)]
    folds = folds_by_article(articles, 5, seed=9)
    assert folds == folds_by_article(articles, 5, seed=9)  # deterministic
    assert folds != folds_by_article(articles, 5, seed=10)
    assert set(folds) == set(range(5))
    by_article: dict[str, set[int]] = {}
    for article, fold in zip(articles, folds, strict=True):
        by_article.setdefault(article, set()).add(fold)
    assert all(len(numbers) == 1 for numbers in by_article.values())
