"""The verb lexicon's error paths (``events/lexicon.py``): every malformed line of a
PETRARCH verb dictionary, and a malformed shipped build, is a ``DictionaryError`` naming
the file (and the line where there is one); what PETRARCH itself tolerates is kept."""

from __future__ import annotations

import json
import shutil

import pytest

from detente.errors import DictionaryError
from detente.events.lexicon import CodeSpec, parse_code, parse_petrarch_verbs, read_shipped_lexicon
from detente.knowledge.tables import data_dir


def dictionary(tmp_path, text: str):
    path = tmp_path / "mine.verbs.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("--- MEET [040] ---\nMEET\n- * (WITH) [04 0]\n", 3, r"bad event code \[04 0\]"),
        ("--- MEET [04:0 4] ---\nMEET\n", 1, r"bad event code \[04:0 4\]"),
        ("--- MEET [040] ---\nMEET\n- * (WITH)\n", 3, "pattern without a \\[code\\]"),
        ("--- MEET [040] ---\nMEET\n- WITH JAPAN [046]\n", 3, "pattern without the verb marker"),
        ("--- MEET [040] ---\nMEET_+ [041]\n", 2, "bad verb 'MEET_\\+ \\[041\\]'"),
    ],
    ids=["pattern-code", "block-code", "no-code", "no-verb-marker", "empty-verb-word"],
)
def test_a_malformed_line_names_file_and_line(tmp_path, text, line, message):
    path = dictionary(tmp_path, text)
    with pytest.raises(DictionaryError, match=message) as raised:
        parse_petrarch_verbs(path)
    assert (raised.value.path, raised.value.line) == (str(path), line)
    assert str(raised.value).startswith(f"{path}:{line}")


def test_a_missing_dictionary_is_named(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read") as raised:
        parse_petrarch_verbs(tmp_path / "none.verbs.txt")
    assert raised.value.path == str(tmp_path / "none.verbs.txt")


def test_a_pattern_with_an_undefined_synonym_set_is_dropped_and_said(tmp_path):
    # PETRARCH cannot match it either: not an error, a note in ``dropped``
    path = dictionary(tmp_path, "--- MEET [040] ---\nMEET\n- * &NOWHERE [046]\n- * (WITH) [046]\n")
    lexicon = parse_petrarch_verbs(path)
    assert len(lexicon.blocks["MEET"].patterns) == 1
    assert lexicon.dropped == ["mine.verbs.txt:3: undefined synonym set in '- * &NOWHERE [046]'"]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("042", CodeSpec("042")),
        ("042:043", CodeSpec("042", "043")),
        (":190", CodeSpec(None, "190")),
        ("---", CodeSpec(None)),
        ("", CodeSpec(None)),
        ("0874!", CodeSpec("0874")),  # a coder's flag, not part of the code
        ("---:043", CodeSpec(None, "043")),
    ],
)
def test_codes_as_petrarch_writes_them(raw, code):
    assert parse_code(raw, path="x", line=1) == code


@pytest.fixture
def events_copy(tmp_path):
    copy = tmp_path / "events"
    shutil.copytree(data_dir() / "events", copy)
    return copy


def test_the_shipped_build_reads_from_a_copy(events_copy):
    assert read_shipped_lexicon(events_copy).blocks.keys() == read_shipped_lexicon().blocks.keys()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"format": "detente-verbs/0"}, "not a détente verb lexicon"),
        ({"format": "detente-verbs/1", "synsets": {}}, "malformed verb lexicon: KeyError"),
        (
            {"format": "detente-verbs/1", "synsets": {}, "blocks": [{"name": "X"}], "verbs": []},
            "malformed verb lexicon",
        ),
    ],
    ids=["format", "missing-key", "malformed-block"],
)
def test_a_malformed_shipped_build_names_its_file(events_copy, content, message):
    path = events_copy / "verbs.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as raised:
        read_shipped_lexicon(events_copy)
    assert raised.value.path == str(path)


def test_a_malformed_extension_line_names_the_extensions_file(events_copy):
    path = events_copy / "extensions.verbs.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "- * (WITH) [04 0]"]) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as raised:
        read_shipped_lexicon(events_copy)
    assert (raised.value.path, raised.value.line) == (str(path), len(lines) + 1)
