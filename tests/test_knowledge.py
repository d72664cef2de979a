"""The knowledge layer: one reader, the data contract of every shipped file, and a clear
error naming the file and the line for a malformed line in each kind of knowledge file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.errors import DictionaryError
from detente.events.lexicon import VerbLexicon, parse_petrarch_verbs
from detente.kb.classify import load_kb_vocabulary
from detente.kb.load import build_kb
from detente.kb.petrarch import parse_agent_file
from detente.knowledge import Knowledge, files, load_knowledge
from detente.knowledge.actors import load_actor_lexicon
from detente.knowledge.events import load_cameo, load_clause_words, load_date_words, load_plover_gsr
from detente.knowledge.quotes import load_quote_lexicon
from detente.knowledge.tables import (
    CAMEO_EVENT,
    Column,
    JsonFile,
    PetrarchFile,
    Table,
    data_dir,
    read_json,
    read_rows,
    read_values,
    read_words,
)
from detente.knowledge.words import (
    load_char_folds,
    load_function_words,
    load_news_furniture,
    load_speech_verbs,
)

DATA = data_dir()


# ---------------------------------------------------------------- the reader


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


PAIRS = Table(
    "x/pairs.tsv",
    (Column("word"), Column("code", CAMEO_EVENT), Column("note", optional=True)),
    header=True,
)


def test_reader_header_comments_blank_lines_and_optional_columns(tmp_path):
    write(
        tmp_path,
        "pairs.tsv",
        "# about\n\nword\tcode\tnote\n  # indented comment\nmeet\t040\nvisit \t 042\tkeep # this\n",
    )
    assert read_rows(PAIRS, folder=tmp_path) == [
        (5, ["meet", "040", ""]),  # a left-out optional column reads as ""
        (6, ["visit", "042", "keep # this"]),  # trimmed; "#" inside a row is data
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "word\tcode\tnote\nmeet\t040\textra\tmore\n",
            2,
            "expected 2 to 3 tab-separated fields, found 4",
        ),
        ("word\tcode\tnote\nmeet\n", 2, "expected 2 to 3 tab-separated fields, found 1"),
        ("word\tcode\tnote\n\t040\n", 2, "column 'word' is empty"),
        ("word\tcode\tnote\nmeet\t4O\n", 2, "column 'code': '4O' is not a CAMEO event code"),
        ("word\tkode\nmeet\t040\n", 1, "header should be word TAB code TAB note"),
        ("meet\t040\n", 1, "header should be word TAB code TAB note"),
    ],
)
def test_reader_names_file_and_line(tmp_path, text, line, message):
    write(tmp_path, "pairs.tsv", text)
    with pytest.raises(DictionaryError, match=message) as raised:
        read_rows(PAIRS, folder=tmp_path)
    assert raised.value.path == str(tmp_path / "pairs.tsv") and raised.value.line == line


def test_a_file_without_header_keeps_its_first_line(tmp_path):
    """surname_first.txt has no header: its first line is data even when no comment
    precedes it (the old reader dropped line 1 of every file, and with it China)."""
    write(tmp_path, "surname_first.txt", "CHN\nKOR\n")
    assert read_words(files.SURNAME_FIRST, folder=tmp_path) == ["CHN", "KOR"]


def test_a_word_list_with_its_column_name_as_a_line_is_an_error(tmp_path):
    """abstract_nouns.txt and promise_verbs.txt began with a "lemma" line, read as a
    word: a word list is read without a header, so its column's name is an error."""
    write(tmp_path, "promise_verbs.txt", "# verbs\nlemma\nagree\n")
    with pytest.raises(DictionaryError, match="promise_verbs.txt:2: a header line") as raised:
        read_words(files.PROMISE_VERBS, folder=tmp_path)
    assert raised.value.line == 2
    write(tmp_path, "promise_verbs.txt", "agree\npromise\n")
    assert read_words(files.PROMISE_VERBS, folder=tmp_path) == ["agree", "promise"]


def test_a_header_where_none_is_declared_is_an_error_not_a_word(tmp_path):
    shutil.copytree(DATA / "actors", tmp_path / "actors")
    roles = tmp_path / "actors" / "role_nouns.tsv"
    roles.write_text(
        "word\tsector\tperson\nword\tsector\tperson\nleader\tGOV\t1\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError, match="role_nouns.tsv:2: column 'sector'"):
        load_actor_lexicon(load_function_words(), load_speech_verbs(), tmp_path / "actors")


def test_missing_required_and_optional_files(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read: no such file"):
        read_rows(PAIRS, folder=tmp_path)
    assert read_rows(files.LEADERS, folder=tmp_path) == []  # an optional file reads as no rows


def test_malformed_json_names_its_line(tmp_path):
    path = write(tmp_path, "cues.json", '{\n  "open_marks": ["x"],\n  oops\n}\n')
    with pytest.raises(DictionaryError) as raised:
        read_json(path)
    assert raised.value.path == str(path) and raised.value.line == 3


# ---------------------------------------------------------------- the data contract


def test_every_data_file_is_declared_and_loads_through_the_reader():
    declared = {entry.name for entry in files.SHIPPED}
    present = {
        str(path.relative_to(DATA))
        for path in DATA.rglob("*")
        if path.is_file() and path.name != "README.md"
    }
    assert present == declared
    for entry in files.SHIPPED:
        if isinstance(entry, Table):
            assert read_rows(entry, check_all=True), entry.name  # values checked, not empty
        elif isinstance(entry, JsonFile):
            assert read_json(entry.path())
        else:
            assert isinstance(entry, PetrarchFile)
            parse = parse_petrarch_verbs if entry.kind == "verbs" else parse_agent_file
            assert parse(entry.path())  # strict: no malformed line


@pytest.fixture(scope="module")
def states() -> set[str]:
    return {row[0] for row in read_values(files.STATES)}


@pytest.fixture(scope="module")
def non_state() -> set[str]:
    return {row[0] for row in read_values(files.NON_STATE_CODES)}


def test_iso3_columns_name_known_states(states):
    columns = {
        files.ACTORS: [3],
        files.GAZETTEER: [4],
        files.ORGS: [2],
        files.NEW_STATES: [0, 2],
        files.STATE_VARIANTS: [0],
        files.REGIONS: [4],
        files.DISPUTED: [3],
        files.PLOVER_GSR_ACTORS: [1],
    }
    unknown = [
        (table.name, row[i])
        for table, indexes in columns.items()
        for row in read_values(table)
        for i in indexes
        if row[i] and row[i] not in states
    ]
    unknown += [
        ("disputed claimants", code)
        for row in read_values(files.DISPUTED)
        for code in row[4].split("|")
        if code not in states
    ]
    unknown += [
        (files.SURNAME_FIRST.name, c) for c in read_words(files.SURNAME_FIRST) if c not in states
    ]
    unknown += [
        (files.SEATS.name, row[1])
        for row in read_values(files.SEATS)
        if row[1] not in states | {"-"}
    ]
    unknown += [
        (files.AMBIGUOUS_NAMES.name, row[2])
        for row in read_values(files.AMBIGUOUS_NAMES)
        if row[2] not in states | {"-"}
    ]
    assert unknown == []


def test_actor_code_columns(states, non_state):
    """Hand-written codes start with a state or a CAMEO non-state code (JPNGOV, IGOUNO) and
    sectors are non-state codes; codes taken from Phoenix keep its own regional codes
    (ANGREB, BUDEDU), so only their form is checked (by the reader's column check)."""
    known = states | non_state
    hand_codes = [
        row[1]
        for table in (files.LEADERS, files.NOTABLE_PEOPLE, files.ORGS)
        for row in read_values(table)
    ]
    assert [code for code in hand_codes if code[:3] not in known] == []
    sectors = [row[1] for row in read_values(files.ROLE_NOUNS)]
    sectors += [row[2] for row in read_values(files.SEATS) if row[2]]
    sectors += [entry.code[:3] for entry in parse_agent_file(files.AGENTS_EXTRA.path())]
    sectors += [
        t for row in read_values(files.DESCRIPTION_TYPES) for t in row[1].split() if t != "-"
    ]  # "-": a blocking prefix ("anti")
    assert [code for code in sectors if code not in non_state] == []


def test_event_code_columns_are_cameo_codes():
    """Our tables use codes of the CAMEO table (a four-digit code may extend a listed
    three-digit one by analogy: 1214 refuses intelligence cooperation, as 064 shares it);
    every code of the verb lexicon has a CAMEO root."""
    cameo = load_knowledge().cameo

    def known(code: str) -> bool:
        return code in cameo.codes or (len(code) == 4 and code[:3] in cameo.codes)

    used = [
        c
        for table in (files.INTENT_CODES, files.DEMAND_CODES, files.REFUSE_CODES)
        for row in read_values(table)
        for c in row
    ]
    used += [c for row in read_values(files.NOMINALS) for c in row[1].split(":") if c]
    used += [
        row[0]
        for table in (files.PLOVER_ADDITIONS, files.PLOVER_GSR, files.CAMEO_ROOTS)
        for row in read_values(table)
    ]
    assert [code for code in used if code != "*" and not known(code)] == []
    # every root has a policy; a longer code listed apart (0831) extends a root's
    assert {r for r in cameo.roots if len(r) == 2} == {row[1] for row in read_values(files.CAMEO)}
    verbs = load_knowledge().verbs
    codes = {
        c
        for entries in verbs.verbs.values()
        for e in entries
        if e.code
        for c in (e.code.forward, e.code.reverse)
    }
    for block in verbs.blocks.values():
        codes |= {
            c
            for spec in [block.code, *(p.code for p in block.patterns)]
            if spec
            for c in (spec.forward, spec.reverse)
        }
    assert {code[:2] for code in codes if code} <= set(cameo.roots)


def test_function_words_have_every_kind():
    words = load_function_words()
    assert set(words.by_kind) == set(files.FUNCTION_WORD_KINDS)
    assert words.ranked("preposition-target")[:3] == ("with", "to", "against")
    assert {"not", "n't", "never", "no", "neither", "nor"} == words.of("negator")


# ---------------------------------------------------------------- one malformed line per loader


def shipped_copy(tmp_path: Path, folder: str) -> Path:
    copy = tmp_path / folder
    shutil.copytree(DATA / folder, copy)
    return copy


def spoil(folder: Path, name: str, line: str) -> int:
    """Append a malformed line to a copied file; its line number."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return len(lines) + 1


def assert_names(raised, folder: Path, name: str, line: int | None) -> None:
    assert raised.value.path == str(folder / name) and raised.value.line == line
    assert str(raised.value).startswith(f"{folder / name}:{line}" if line else str(folder / name))


LOADER_CASES = [
    ("english", "function_words.tsv", "hence\tadverb", lambda f: load_function_words(f)),
    # the quote lexicon's old reader built DictionaryError with one argument: a TypeError
    ("english", "speech_verbs.tsv", "speak out\tspeaks out", lambda f: load_speech_verbs(f)),
    (
        "actors",
        "new_states.tsv",
        "SSD\t2011-13-09\tSDN",
        lambda f: load_actor_lexicon(load_function_words(), load_speech_verbs(), f),
    ),
    (
        "actors",
        "ambiguous_names.tsv",
        "Jordan\triver\t-\tbank",
        lambda f: load_actor_lexicon(load_function_words(), load_speech_verbs(), f),
    ),
    ("events", "cameo.tsv", "999\t99\tNothing\t\t5\t\t\t", lambda f: load_cameo(f)),
    ("events", "one_sided_pairs.tsv", "042\thost", lambda f: load_cameo(f)),
    (
        "english",
        "news_furniture.tsv",
        "caption\topens\t(PHOTO",  # a regular expression that does not compile
        lambda f: load_news_furniture(f),
    ),
    (
        "events",
        "cameo_roots.tsv",
        "21\tno\t1\tno\t0\tmaybe",
        lambda f: load_cameo(f),
    ),
    (
        "events",
        "clause_words.tsv",
        "ponder\tthink\tpossible",
        lambda f: load_clause_words(load_function_words(), f),
    ),
    (
        "events",
        "refuse_codes.tsv",
        "04\t12x5",
        lambda f: load_clause_words(load_function_words(), f),
    ),
    (
        "events",
        "nominals.tsv",
        "parley\t04O\tasserted\twith",
        lambda f: load_clause_words(load_function_words(), f),
    ),
    (
        "events",
        "relative_dates.tsv",
        "fortnight\toffset\tfourteen\t0",
        lambda f: load_date_words(load_function_words(), f),
    ),
    ("events", "plover_gsr_actors.tsv", "ITL\tItaly", lambda f: load_plover_gsr(f)),
    ("kb", "cameo_nonstate.tsv", "igo\t1\t0", lambda f: load_kb_vocabulary(f)),
    ("kb", "char_folds.tsv", "’\t'\tquote", lambda f: load_char_folds(f)),
    ("kb", "seats.tsv", "Quai d'Orsay\tFrance\tGOV", lambda f: build_kb(shipped=True, data_dir=f)),
    (
        "kb",
        "leaders_2014_2026.tsv",
        "Ada Newleader\tJPNGOV\t2030-02-30\t\t\t",
        lambda f: build_kb(data_dir=f),
    ),
]


@pytest.mark.parametrize(
    ("folder", "name", "line", "load"), LOADER_CASES, ids=[c[1] for c in LOADER_CASES]
)
def test_a_malformed_line_names_file_and_line(tmp_path, folder, name, line, load):
    copy = shipped_copy(tmp_path, folder)
    number = spoil(copy, name, line)
    with pytest.raises(DictionaryError) as raised:
        load(copy)
    assert_names(raised, copy, name, number)


def test_quote_cues_errors_name_the_file(tmp_path):
    copy = shipped_copy(tmp_path, "quotes")
    cues = copy / "cues.json"
    cues.write_text(cues.read_text(encoding="utf-8").replace('"naming_verbs"', '"naming_verb"'))
    with pytest.raises(DictionaryError, match="missing key 'naming_verbs'") as raised:
        load_quote_lexicon(load_function_words(), load_speech_verbs(), copy)
    assert_names(raised, copy, "cues.json", None)
    cues.write_text('{"open_marks": "\u201c"}')
    with pytest.raises(DictionaryError, match="expected a list of strings"):
        load_quote_lexicon(load_function_words(), load_speech_verbs(), copy)


def test_verb_lexicon_json_errors_name_the_file(tmp_path):
    path = write(tmp_path, "verbs.json", '{"format": "something else"}')
    with pytest.raises(DictionaryError, match="not a détente verb lexicon") as raised:
        VerbLexicon.from_json(read_json(path), path=str(path))
    assert raised.value.path == str(path)


def test_language_data_and_missing_values_load():
    from detente.ingest.dates import missing_values
    from detente.ingest.language import detect_language

    assert "n/a" in missing_values()
    assert (
        detect_language(
            "Der Bundestag hat heute das Gesetz beschlossen, und die Regierung ist sehr froh darüber, dass es so ist."
        )
        == "de"
    )


# ---------------------------------------------------------------- one knowledge object


def test_one_knowledge_per_configuration_and_parts_built_once(tmp_path):
    shipped = load_knowledge()
    assert load_knowledge() is shipped
    assert load_knowledge(actor_files=(), verb_files=[], shipped=True) is shipped
    verbs = write(tmp_path, "mine.verbs.txt", "--- BLORF [111] ---\nBLORF\n")
    mine = load_knowledge(verb_files=[verbs])
    assert mine is not shipped and mine.function_words is shipped.function_words
    assert "blorf" in mine.verbs.verbs and "blorf" not in shipped.verbs.verbs
    assert mine.kb is shipped.kb  # same actor files: one knowledge base
    # a fresh object for the same configuration shares the parts already built
    assert Knowledge(verb_files=[verbs]).verbs is mine.verbs


def test_stages_share_one_knowledge(nlp):
    knowledge = load_knowledge()
    assert nlp.get_pipe("detente_actors").kb is knowledge.kb
    assert nlp.get_pipe("detente_quotes").lexicon is knowledge.quote_lexicon
    assert nlp.get_pipe("detente_events").coder.words is knowledge.clause_words


def test_region_codes_name_gazetteer_regions_and_cameo_region_codes(non_state):
    regions = {row[0] for row in read_values(files.REGIONS) if row[1] == "region"}
    rows = list(read_values(files.REGION_CODES))
    assert rows
    assert [row[0] for row in rows if row[0] not in regions] == []
    assert [row[1] for row in rows if row[1] not in non_state] == []
