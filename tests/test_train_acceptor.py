"""The trainer's leave-one-split-out measure (scripts/train_acceptor.py --loso): every
event scored by a fit that never saw its split, and the yardstick for a small split's
reliability table (how many groups a calibrated acceptor gets within 0.1)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def trainer():
    folder = str(ROOT / "scripts")
    sys.path.insert(0, folder)
    try:
        yield importlib.import_module("train_acceptor")
    finally:
        sys.path.remove(folder)


def test_certain_confidences_put_every_group_within(trainer):
    assert trainer.expected_within([0.0] * 10 + [1.0] * 10, 2) == pytest.approx(2.0)


def test_the_yardstick_is_the_binomial_chance_of_landing_within(trainer):
    # 10 events at 0.5: within 0.1 when 4, 5 or 6 are right, (210 + 252 + 210) / 1024
    assert trainer.expected_within([0.5] * 10, 1) == pytest.approx(672 / 1024)
    # mixed confidences in one group: the Poisson-binomial, checked by enumeration
    values = [0.1, 0.4, 0.7]
    chance = 0.0
    for outcome in range(8):
        rights = [(outcome >> i) & 1 for i in range(3)]
        p = 1.0
        for v, r in zip(values, rights, strict=True):
            p *= v if r else 1 - v
        if abs(sum(rights) / 3 - 0.4) <= 0.1:
            chance += p
    assert trainer.expected_within(values, 1) == pytest.approx(chance)
    # two groups: the sum of each group's chance
    assert trainer.expected_within([0.5] * 10 + [0.0] * 10, 2) == pytest.approx(1 + 672 / 1024)


class _Stub:
    def __init__(self, splits: set[str]) -> None:
        self.splits = splits

    def probability(self, found: dict) -> float:
        return found["x"]


def test_each_split_is_scored_by_a_fit_that_never_saw_it(trainer, monkeypatch):
    fits: list[set[str]] = []

    def fake_fit(found, correct, articles, k, seed):
        fits.append({trainer.split_of(a) for a in articles})
        return _Stub(fits[-1]), 1.0, 0.0

    monkeypatch.setattr(trainer, "fit", fake_fit)
    articles = [f"{s}:{n}" for s in ("train", "dev", "test5") for n in range(4)]
    found = [{"x": i / 20} for i in range(len(articles))]
    values = trainer.leave_one_split_out(found, [True] * len(articles), articles, 5, 9)
    assert values == [f["x"] for f in found]
    assert fits == [{"dev", "test5"}, {"train", "test5"}, {"train", "dev"}]


def test_the_split_table_counts_groups_within(trainer):
    articles = ["dev:a"] * 4 + ["test:b"] * 4
    values = [0.1, 0.1, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5]
    correct = [False, False, True, True, True, True, True, True]
    rows = trainer.split_table(values, correct, articles, 2)
    dev, test = rows
    assert dev[:2] == ("dev", 4) and dev[2] == 0.5 and dev[3] == pytest.approx(0.5)
    assert dev[4] == pytest.approx(0.01) and dev[5] == 2  # 0.1 → 0/2 right, 0.9 → 2/2
    assert test[4] == pytest.approx(0.25) and test[5] == 0  # 0.5 against all right
    assert (dev[7], dev[8]) == (2, 2)


def test_leave_one_split_out_needs_two_splits(trainer, capsys):
    with pytest.raises(SystemExit):
        trainer.parse_args(["--fit", "train", "--loso"])
    assert "--loso needs at least two --fit splits" in capsys.readouterr().err
    assert trainer.parse_args(["--fit", "train", "dev", "--loso"]).loso
