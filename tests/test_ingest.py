"""The readers: every format, the seed layout, bad inputs, streaming, stdin, languages.

No spaCy model is needed: these tests exercise ``detente.ingest`` alone on
files written to ``tmp_path``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import UsageError
from detente.ingest import FieldMap, detect_language, read_inputs, split_layout
from detente.ingest.dates import normalize_date
from detente.records import Article, Problem

KNOWN_REASONS = {
    "not-found",
    "unreadable",
    "not-a-file",
    "empty-file",
    "empty-directory",
    "binary-file",
    "unsupported-extension",
    "decode-replaced",
    "not-utf8",
    "too-large",
    "malformed-json",
    "no-text",
    "bad-date",
    "csv-error",
    "html-no-text",
    "html-error",
}

BODY = (
    "Japanese Prime Minister Shinzo Abe met President Donald Trump at the White House "
    "on Friday. The two leaders discussed trade, security and relations with Russia."
)
FRENCH = (
    "Le président de la République a reçu mardi à l'Élysée le chancelier allemand. "
    "Les deux dirigeants ont parlé de la guerre en Ukraine et des sanctions contre la "
    "Russie, selon un communiqué publié dans la soirée par la présidence."
)
GERMAN = (
    "Der Bundeskanzler hat am Dienstag in Berlin den französischen Präsidenten empfangen. "
    "Die beiden Politiker sprachen über den Krieg in der Ukraine und über neue Sanktionen "
    "gegen Russland, wie ein Sprecher der Regierung mitteilte."
)
SPANISH = (
    "El presidente del Gobierno se reunió el martes en Madrid con el canciller alemán. "
    "Los dos líderes hablaron de la guerra en Ucrania y de las sanciones contra Rusia, "
    "según un comunicado difundido por la oficina de la presidencia."
)


def read_all(paths, **kwargs) -> list[Article | Problem]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def reasons(items) -> list[str]:
    return [p.reason for p in problems(items)]


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# --- plain text and the seed layout -------------------------------------------------------


def test_seed_layout_sets_section_title_and_body_start(shared_dir):
    seed = shared_dir / "seed" / "000_bcaaf4654188c388.txt"
    (article,) = read_all([seed])
    original = seed.read_bytes().decode("utf-8")
    assert article.text == original  # offsets refer to the file's own text
    assert article.ref == str(seed)
    assert article.section == "White House"
    assert article.title == (
        "Japan\u2019s Abe has one thing in common with Trump: hope for warmer Russia ties"
    )
    assert article.text[article.body_start :].startswith("While trade and security")
    title_start = article.text.index(article.title)
    assert article.text[title_start : title_start + len(article.title)] == article.title
    assert article.lang == "en"
    assert article.date is None  # no metadata and no --date: unknown, never today


def test_date_argument_dates_text_files(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = read_all([path], date="2017-02-10")
    assert article.date == "2017-02-10"


def test_headline_without_desk_line(tmp_path):
    text = f"Abe and Trump meet in Washington\n\n{BODY}\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_all([path])
    assert article.section is None
    assert article.title == "Abe and Trump meet in Washington"
    assert article.text[article.body_start :].startswith("Japanese Prime Minister")


def test_text_without_layout_is_all_body(tmp_path):
    text = f"{BODY}\n\n{BODY}\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_all([path])
    assert (article.title, article.section, article.body_start) == (None, None, 0)
    assert article.text == text


def test_crlf_and_bom_keep_offsets_in_the_decoded_text(tmp_path):
    text = f"World\r\n\r\nAbe visits Trump\r\n\r\n{BODY}\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (article,) = read_all([path])
    assert article.text == text  # BOM dropped, line ends kept
    assert (article.section, article.title) == ("World", "Abe visits Trump")
    assert article.text[article.body_start :].startswith("Japanese Prime Minister")


def test_split_layout_rejects_sentences_as_headlines():
    assert split_layout(f"It was a quiet day.\n\n{BODY}").title is None
    assert split_layout("Only a headline").title is None  # one paragraph is body
    layout = split_layout(f"  Asia  \n\nLeaders meet\n\n{BODY}")
    assert (layout.section, layout.title) == ("Asia", "Leaders meet")


def test_utf16_text_with_bom_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(BODY.encode("utf-16"))
    items = read_all([path])
    (article,) = articles(items)
    assert article.text == BODY
    (warning,) = problems(items)  # the encoding used is recorded
    assert (warning.reason, warning.severity, warning.doc_id) == (
        "not-utf8",
        "warning",
        article.doc_id,
    )
    assert "utf-16-le (from its byte-order mark)" in warning.detail


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(BODY, encoding="utf-8")
    (article,) = read_all([path])
    assert article.text == BODY


# --- bad inputs ------------------------------------------------------------------------------


def test_each_bad_input_has_its_reason_and_other_inputs_survive(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\n ")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03" * 100)
    items = read_all(
        [tmp_path / "missing.txt", empty, blank, binary, pdf, good],
    )
    assert reasons(items) == [
        "not-found",
        "empty-file",
        "empty-file",
        "binary-file",
        "unsupported-extension",
    ]
    assert all(p.severity == "error" for p in problems(items))
    assert [a.ref for a in articles(items)] == [str(good)]
    assert problems(items)[0].ref == str(tmp_path / "missing.txt")


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Der Außenminister traf Abe in Tōkyō. ".encode() + b"caf\xe9 \xff ok")
    items = read_all([path])
    (warning,) = problems(items)
    (article,) = articles(items)
    assert warning.reason == "decode-replaced"
    assert warning.severity == "warning"
    assert warning.doc_id == article.doc_id
    assert "2 undecodable" in warning.detail
    assert article.text.endswith("caf\ufffd \ufffd ok")


def test_too_large_names_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(BODY * 10, encoding="utf-8")
    (problem,) = read_all([path], max_chars=500)
    assert problem.reason == "too-large"
    assert "over the limit of 500 characters per document" in problem.detail
    rows = tmp_path / "long.jsonl"
    write_jsonl(rows, [{"id": "big", "text": BODY * 10}, {"id": "ok", "text": BODY}])
    items = read_all([rows], max_chars=500)
    assert reasons(items) == ["too-large"]
    assert [a.ref for a in articles(items)] == ["ok"]


def test_reading_is_lazy_and_in_input_order(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(BODY, encoding="utf-8")
    later = tmp_path / "later.txt"
    stream = read_inputs([str(first), str(later), str(first)])
    assert next(stream).ref == str(first)  # yielded before "later.txt" is even looked at
    later.write_text(BODY + " Later.", encoding="utf-8")
    assert [item.ref for item in stream] == [str(later), str(first)]


def test_usage_errors_are_raised_before_reading():
    with pytest.raises(UsageError, match="date must be a real date"):
        read_inputs(["-"], date="10/02/2017")
    with pytest.raises(UsageError, match="date must be a real date"):
        read_inputs(["-"], date="2017-02-30")
    with pytest.raises(UsageError):
        read_inputs(["-"], max_chars=0)


# --- JSON Lines, JSON, CSV -----------------------------------------------------------------


def test_jsonl_records_fields_refs_and_dates(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "a1",
                        "text": BODY,
                        "title": "Abe meets Trump",
                        "date": "2017-02-10T15:00:00-05:00",
                        "section": "World",
                        "url": "https://example.org/a1",
                        "source": "Example Wire",
                    }
                ),
                "",  # blank lines are skipped but still counted
                json.dumps({"text": BODY, "date": "February 11, 2017"}),
                "{not json",
                json.dumps({"id": "a4", "title": "no text here"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": 5, "text": BODY, "date": "sometime soon"}),
                json.dumps({"id": "a6", "text": BODY, "date": "None"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = read_all([path], date="2001-01-01")
    found = articles(items)
    assert [a.ref for a in found] == ["a1", f"{path}:3", "5", "a6"]
    assert [a.record for a in found] == ["1", "3", "7", "8"]
    first = found[0]
    assert (first.title, first.section, first.url, first.source) == (
        "Abe meets Trump",
        "World",
        "https://example.org/a1",
        "Example Wire",
    )
    assert first.text == BODY and first.body_start == 0
    # the record's own date wins; unreadable -> warning and --date; "None" -> --date silently
    assert [a.date for a in found] == ["2017-02-10", "2017-02-11", "2001-01-01", "2001-01-01"]
    # a record without the text field is reported once per file, after the others
    assert [(p.reason, p.record, p.severity) for p in problems(items)] == [
        ("malformed-json", "4", "error"),
        ("malformed-json", "6", "error"),
        ("bad-date", "7", "warning"),
        ("no-text", "5", "error"),
    ]
    assert all(p.ref == str(path) for p in problems(items))


def test_bad_date_without_fallback_is_unknown(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": BODY, "date": "yesterday"}])
    items = read_all([path])
    assert reasons(items) == ["bad-date"]
    assert articles(items)[0].date is None


def test_field_map_and_case_insensitive_names(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [{"ID": "x1", "body": BODY, "headline": "H", "published": "10 February 2017"}],
    )
    fields = FieldMap(text="body", title="headline", date="published")
    (article,) = read_all([path], fields=fields)
    assert (article.ref, article.title, article.date) == ("x1", "H", "2017-02-10")
    (problem,) = read_all([path])  # default "text" field is absent
    assert problem.reason == "no-text" and "'text'" in problem.detail


def test_json_array_single_object_and_concatenated_values(tmp_path):
    array = tmp_path / "array.json"
    array.write_text(
        json.dumps([{"id": "a", "text": BODY}, {"id": "b", "text": BODY + " More."}], indent=2),
        encoding="utf-8",
    )
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"text": BODY, "title": "T"}), encoding="utf-8")
    concatenated = tmp_path / "lines.json"
    concatenated.write_text(
        json.dumps({"id": "c", "text": BODY}) + "\n" + json.dumps({"id": "d", "text": BODY}),
        encoding="utf-8",
    )
    items = read_all([array, single, concatenated])
    assert problems(items) == []
    assert [a.ref for a in articles(items)] == ["a", "b", f"{single}:1", "c", "d"]
    assert [a.record for a in articles(items)] == ["1", "2", "1", "1", "2"]


def test_malformed_json_array_keeps_the_records_before_the_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(
        '[{"id": "a", "text": "' + BODY + '"}, {"id": "b", "text": oops}, {"id": "c"}]',
        encoding="utf-8",
    )
    items = read_all([path])
    assert [a.ref for a in articles(items)] == ["a"]
    (problem,) = problems(items)
    assert (problem.reason, problem.record) == ("malformed-json", "2")
    assert "rest of the file" in problem.detail
    empty = tmp_path / "empty.json"
    empty.write_text("[ ]", encoding="utf-8")
    assert reasons(read_all([empty])) == ["empty-file"]


def test_json_array_streams_values_larger_than_a_read_chunk(tmp_path):
    long_text = (BODY + " ") * 1500  # ~250 kB, several read chunks
    path = tmp_path / "long.json"
    path.write_text(json.dumps([{"text": long_text}, {"text": BODY}]), encoding="utf-8")
    found = articles(read_all([path], max_chars=len(long_text)))
    assert [a.text for a in found] == [long_text, BODY]


def test_csv_records_with_quotes_newlines_and_line_numbers(tmp_path):
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text", "date"])
        writer.writerow(["r1", "One", 'He said, "yes".\nSecond line of the body.', "2017-02-10"])
        writer.writerow(["r2", "Two", "", "2017-02-11"])
        writer.writerow(["", "Three", BODY, ""])
    items = read_all([path])
    found = articles(items)
    assert [a.ref for a in found] == ["r1", f"{path}:5"]
    assert found[0].text == 'He said, "yes".\nSecond line of the body.'
    assert found[0].date == "2017-02-10" and found[1].date is None
    assert [(p.reason, p.record) for p in problems(items)] == [("no-text", "4")]


def test_csv_delimiters_missing_column_and_bad_bytes(tmp_path):
    semicolon = tmp_path / "semi.csv"
    semicolon.write_text(f"id;text\ns1;{BODY}\n", encoding="utf-8")
    tsv = tmp_path / "tabs.tsv"
    tsv.write_text(f"id\ttext\nt1\t{BODY}\n", encoding="utf-8")
    no_text = tmp_path / "nocol.csv"
    no_text.write_text("id,body\n1,hello\n", encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"id,text\nb1,caf\xe9 society meets in Paris\n")
    bad_bytes = tmp_path / "bytes.csv"
    bad_bytes.write_bytes("id,text\nb2,Tōkyō caf".encode() + b"\xe9 society meets\n")
    items = read_all([semicolon, tsv, no_text, latin, bad_bytes])
    assert [a.ref for a in articles(items)] == ["s1", "t1", "b1", "b2"]
    assert [(p.ref, p.reason) for p in problems(items)] == [
        (str(no_text), "no-text"),
        (str(latin), "not-utf8"),  # no UTF-8 in it: a legacy encoding, read as cp1252
        (str(bad_bytes), "decode-replaced"),  # UTF-8 with a bad byte
    ]
    assert articles(items)[2].text == "café society meets in Paris"
    assert articles(items)[3].text == "Tōkyō caf\ufffd society meets"


# --- HTML --------------------------------------------------------------------------------------


def test_html_text_and_metadata_via_trafilatura(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<html lang="en"><head><title>Abe meets Trump | Example News</title>
        <meta property="og:title" content="Abe meets Trump at the White House">
        <meta name="date" content="2017-02-10">
        <link rel="canonical" href="https://example.com/abe-trump"></head>
        <body><nav>Home | World | Sport</nav><article><h1>Abe meets Trump</h1>
        <p>"""
        + BODY
        + """</p><p>Officials said the talks went well.</p></article>
        <footer>Copyright 2020 Example News</footer></body></html>""",
        encoding="utf-8",
    )
    empty_page = tmp_path / "empty.htm"
    empty_page.write_text("<html><body><script>var x = 1;</script></body></html>")
    items = read_all([page, empty_page])
    (article,) = articles(items)
    assert BODY in article.text
    assert "Home | World" not in article.text
    assert article.title == "Abe meets Trump at the White House"
    assert article.date == "2017-02-10"
    assert article.url == "https://example.com/abe-trump"
    assert article.lang == "en"
    assert reasons(items) == ["html-no-text"]


# --- directories and stdin -----------------------------------------------------------------


def test_directories_are_read_recursively_in_sorted_order(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(BODY, encoding="utf-8")
    (root / "b" / "deeper" / "x.txt").write_text(BODY + " X", encoding="utf-8")
    (root / "b" / "one.jsonl").write_text(json.dumps({"id": "j1", "text": BODY}) + "\n")
    (root / "a" / "y.TXT").write_text(BODY + " Y", encoding="utf-8")
    (root / "a" / "notes.md").write_text("ignored in directories")
    (root / "a" / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (root / ".hidden" / "secret.txt").write_text("hidden files are skipped")
    items = read_all([root])
    assert problems(items) == []
    assert [a.ref for a in articles(items)] == [
        str(root / "a" / "y.TXT"),
        str(root / "b" / "deeper" / "x.txt"),
        "j1",
        str(root / "z.txt"),
    ]
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert reasons(read_all([empty])) == ["empty-directory"]


def test_stdin_json_lines(tmp_path):
    stdin = io.StringIO(
        json.dumps({"id": "s1", "text": BODY}) + "\n\n" + json.dumps({"text": FRENCH}) + "\n"
    )
    items = list(read_inputs(["-"], stdin=stdin))
    assert [(a.ref, a.lang) for a in articles(items)] == [("s1", "en"), ("-:3", "fr")]


def test_stdin_text_and_undecodable_bytes():
    text = f"World\n\nAbe visits Trump\n\n{BODY}\n{{not json}}\n"
    (article,) = read_inputs(["-"], stdin=io.StringIO(text), date="2017-02-10")
    assert (article.ref, article.text, article.title, article.date) == (
        "-",
        text,
        "Abe visits Trump",
        "2017-02-10",
    )
    raw = io.TextIOWrapper(io.BytesIO("Abe met Trump in Tōkyō \xff".encode() + b"\xff on Friday."))
    items = list(read_inputs(["-"], stdin=raw))
    assert reasons(items) == ["decode-replaced"]
    assert articles(items)[0].text == "Abe met Trump in Tōkyō \xff\ufffd on Friday."
    cp1252 = io.TextIOWrapper(io.BytesIO("Abe said \u201cyes\u201d on Friday.".encode("cp1252")))
    items = list(read_inputs(["-"], stdin=cp1252))
    assert reasons(items) == ["not-utf8"]
    assert articles(items)[0].text == "Abe said \u201cyes\u201d on Friday."
    assert reasons(read_inputs(["-"], stdin=io.StringIO(" \n"))) == ["empty-file"]


# --- streaming, robustness ----------------------------------------------------------------


@pytest.mark.slow
def test_fifty_megabyte_jsonl_streams_with_flat_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    paragraph = (BODY + " ") * 300  # ~48 kB of text per record
    line = json.dumps({"text": paragraph, "date": "2017-02-10"}) + "\n"
    copies = 50 * 1024 * 1024 // len(line) + 1
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(line)
    size = path.stat().st_size
    assert size >= 50 * 1024 * 1024
    count = 0
    tracemalloc.start()
    try:
        for item in read_inputs([str(path)]):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == copies
    assert peak < size / 20, f"peak {peak:,} bytes while reading {size:,}"


EXTENSIONS = [".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".md"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_never_raise(tmp_path, data, extension):
    path = tmp_path / f"fuzz{extension}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], max_chars=2000))
    assert items  # every input yields at least an Article or a Problem
    for item in items:
        assert isinstance(item, Article | Problem)
        if isinstance(item, Problem):
            assert item.reason in KNOWN_REASONS
            assert item.severity in {"error", "warning"}
        else:
            assert item.text.strip() and len(item.text) <= 2000
            assert 0 <= item.body_start <= len(item.text)
            assert not any("\ud800" <= ch <= "\udfff" for ch in item.text)


@given(
    text=st.text(min_size=1, max_size=400).filter(lambda t: t.strip()),
    date=st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats()),
)
@settings(max_examples=100, deadline=None)
def test_arbitrary_records_never_raise(text, date):
    stdin = io.StringIO(json.dumps({"text": text, "date": date}) + "\n")
    items = list(read_inputs(["-"], stdin=stdin))
    assert items  # the record is an article or a problem, never lost
    for item in items:
        assert isinstance(item, Article | Problem)
        if isinstance(item, Article):
            assert item.date is None or len(item.date) == 10


def test_unreadable_file_is_a_problem(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.txt"
    path.write_text(BODY)
    path.chmod(0)
    assert reasons(read_all([path])) == ["unreadable"]


# --- dates and languages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-02-10", "2017-02-10"),
        ("2017-02-10T23:30:00-05:00", "2017-02-10"),
        ("20170210", "2017-02-10"),
        ("Fri, 10 Feb 2017 12:00:00 GMT", "2017-02-10"),
        ("February 10, 2017", "2017-02-10"),
        ("10 February 2017", "2017-02-10"),
        (1486684800, "2017-02-10"),
        (1486684800000, "2017-02-10"),
        ("yesterday", None),  # relative: would be computed from today
        ("March 5", None),  # no year: would be filled from today
        ("2017", None),
        ("2017-02-30", None),
        ("0001-01-01", None),
        ("not a date", None),
        (True, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (BODY, "en"),
        (FRENCH, "fr"),
        (GERMAN, "de"),
        (SPANISH, "es"),
        ("Президент России Владимир Путин встретился во вторник с премьер-министром Японии.", "ru"),
        ("安倍晋三首相は金曜日、ワシントンでトランプ大統領と会談した。", "ja"),
        ("习近平主席周二在北京会见了俄罗斯总统普京。", "zh"),
        ("12 345 -- 678", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "headline",
    [
        "Japan\u2019s Abe has one thing in common with Trump: hope for warmer Russia ties",
        "Macron meets Merkel in Paris",
        "Le Pen wins in La Paz",
        "Abe",
        "Die Hard diplomacy: Trump and Putin in Helsinki",
    ],
)
def test_short_english_texts_are_not_flagged(headline):
    assert detect_language(headline) == "en"


def test_english_article_quoting_another_language_stays_english():
    text = f'{BODY} The French minister said: "C\'est une très bonne nouvelle." {BODY}'
    assert detect_language(text) == "en"


def test_read_inputs_sets_the_language(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [{"id": "en", "text": BODY}, {"id": "fr", "text": FRENCH}, {"id": "de", "text": GERMAN}],
    )
    assert [(a.ref, a.lang) for a in articles(read_all([path]))] == [
        ("en", "en"),
        ("fr", "fr"),
        ("de", "de"),
    ]
