"""The evaluation's shared pieces: where the gold data is, and clear errors when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import GoldDataError, InputError
from detente.eval.common import DEFAULT_SHARED_DIR, shared_path
from detente.eval.quotes import load_gold


def test_the_default_shared_folder_is_beside_the_checkout():
    checkout = Path(__file__).resolve().parents[1]
    assert DEFAULT_SHARED_DIR == checkout.parent / "shared"


def test_missing_gold_data_is_a_clear_error(tmp_path):
    with pytest.raises(GoldDataError, match="no gold data at .*plover.json: the development gold"):
        shared_path("data", "gold", "plover.json", shared_dir=tmp_path)


def test_a_missing_polnear_split_names_the_folder(tmp_path):
    with pytest.raises(InputError, match="no PolNeAR split 'dev' under") as raised:
        load_gold(tmp_path, "dev")
    assert raised.value.ref == str(tmp_path)
