"""Exports that conform: GDELT 2.0, PLOVER JSON (validated by its schema), POLECAT, Parquet;
formats from file names, no silent overwrite, standard output, provenance."""

from __future__ import annotations

import io
import json
import re

import duckdb
import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest
from builders import ABE, PUTIN, TRUMP, UN, XI, coded, fill, story

from detente.errors import UsageError
from detente.store import Store
from detente.store.exports import gdelt, plover, polecat

PROVENANCE = {
    "detente_version": "9.9.9",
    "model": "en_core_web_md",
    "model_version": "3.7.1",
    "knowledge_hash": "0123456789abcdef",
    "dictionaries_hash": None,
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "exports.duckdb"
    with Store(path) as opened:
        fill(
            opened,
            [
                story("a", "2017-02-10", [coded(ABE, TRUMP, "040", both_ways=True)], in_lead=True),
                story(
                    "b", "2017-02-10", [coded(ABE, TRUMP, "040", both_ways=True)], outlet="Paper"
                ),
                story("c", "2017-03-01", [coded(XI, UN, "057"), coded(TRUMP, XI, "163")], url=None),
                story(
                    "d",
                    "2017-03-02",
                    [coded(PUTIN, XI, "042", both_ways=True, reverse_cameo="043")],
                ),
                story("e", "2017-03-03", [coded(XI, TRUMP, "111", modality="intended")]),
                story("f", None, [coded(ABE, XI, "051")]),
            ],
            provenance=PROVENANCE,
        )
        yield opened


def shared_list(shared_dir, *parts) -> list[str]:
    path = shared_dir.joinpath("data", "ontology", *parts)
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# -- GDELT -------------------------------------------------------------------------------------


def test_gdelt_has_the_61_columns_in_order(shared_dir):
    assert list(gdelt.COLUMNS) == shared_list(shared_dir, "gdelt", "gdelt2_event_columns.txt")


def test_gdelt_rows_are_deduplicated_events_without_a_header(store, tmp_path):
    path = tmp_path / "events.export.CSV"  # GDELT's own file name
    assert store.export("events", path) == 6  # 2 meetings (2 ways), agree, sanction, visit, host
    lines = path.read_text(encoding="utf-8").splitlines()
    assert not lines[0].startswith("GLOBALEVENTID")
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True)) for line in lines]
    meeting = rows[0]
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (
        "2",
        "2",
        "2",
    )
    assert meeting["IsRootEvent"] == "1" and meeting["EventCode"] == "040"
    assert meeting["FractionDate"] == str(round(2017 + (30 + 10) / 365, 4))
    assert (meeting["Actor1Type1Code"], meeting["Actor1CountryCode"]) == ("GOV", "JPN")
    assert meeting["SOURCEURL"] == "https://news.example/a"
    agree = next(r for r in rows if r["EventCode"] == "057")
    assert (agree["Actor2Code"], agree["Actor2Type1Code"], agree["Actor2KnownGroupCode"]) == (
        "IGOUNO",
        "IGO",
        "UNO",
    )
    assert agree["SOURCEURL"] == ""  # no url: empty, never a record id
    assert {r["ActionGeo_Type"] for r in rows} == {"0"}  # no event locations yet


def test_gdelt_loads_with_a_column_list_in_pandas_and_duckdb(store, tmp_path, shared_dir):
    path = tmp_path / "events.gdelt.tsv"
    store.export("events", path)
    names = shared_list(shared_dir, "gdelt", "gdelt2_event_columns.txt")
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=names,
        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str},
    )
    assert len(frame) == 6 and frame["EventCode"].iloc[0] == "040"
    assert frame["NumArticles"].iloc[0] == 2
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    con = duckdb.connect()
    loaded = con.execute(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', columns={columns})"
    ).df()
    assert list(loaded.columns) == names and loaded["EventRootCode"].iloc[0] == "04"


def test_gdelt_header_on_request(store, tmp_path):
    path = tmp_path / "with-header.gdelt.tsv"
    store.export("events", path, header=True)
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(gdelt.COLUMNS)


def test_actor_codes_split_into_gdelt_attributes():
    assert gdelt.parse_actor_code("USAGOVMIL") == {
        "country": "USA", "known_group": None, "ethnic": None, "religion1": None,
        "religion2": None, "type1": "GOV", "type2": "MIL", "type3": None,
    }  # fmt: skip
    parsed = gdelt.parse_actor_code("IGOWSTNAT")
    assert (parsed["country"], parsed["type1"], parsed["known_group"]) == ("WST", "IGO", "NAT")
    parsed = gdelt.parse_actor_code("IRQREBSHI")
    assert (parsed["country"], parsed["type1"], parsed["religion1"]) == ("IRQ", "REB", "SHI")
    parsed = gdelt.parse_actor_code("IGOG7")
    assert (parsed["type1"], parsed["known_group"]) == ("IGO", "G7")


# -- PLOVER ------------------------------------------------------------------------------------


def plover_records(store, tmp_path, **kw) -> list[dict]:
    path = tmp_path / "events.plover.jsonl"
    store.export("events", path, force=True, **kw)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_plover_records_validate_against_the_schema(store, tmp_path):
    schema = plover.plover_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    records = plover_records(store, tmp_path, asserted_only=False)
    assert records
    for record in records:
        jsonschema.validate(record, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**records[0], "event": ["MEET"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({k: v for k, v in records[0].items() if k != "actor"}, schema)


def test_the_schema_names_every_field_of_the_manuals_data_fields(shared_dir):
    tex = shared_dir.joinpath("data", "ontology", "plover", "PLOVER_MANUAL.tex").read_text(
        encoding="utf-8"
    )
    chapter = tex.split(r"\chapter{Data Fields}")[1].split(r"\section{Adding to PLOVER")[0]
    schema = plover.plover_schema()

    def rows_of(caption: str) -> set[str]:
        table = chapter.split(caption)[1].split(r"\end{tabular}")[0]
        names = {m.replace("\\_", "_") for m in re.findall(r"^([a-z][a-z\\_]*) &", table, re.M)}
        return names - {"name"}

    record_fields = rows_of(r"\caption{PLOVER JSON }")
    assert record_fields and record_fields <= set(schema["properties"])
    required = {
        n.replace("\\_", "_") for n in re.findall(r"^([a-z\\_]+) &.*&\s*Y\s*\\\\", chapter, re.M)
    }
    assert set(schema["required"]) == required
    assert rows_of(r"\caption{Information object for entities }") <= set(
        schema["$defs"]["entity"]["properties"]
    )
    assert rows_of(r"\caption{Information object for citations }") <= set(
        schema["properties"]["cite_info"]["properties"]
    )
    assert rows_of(r"\caption{Information object for text }") <= set(
        schema["properties"]["text_info"]["properties"]
    )
    location = chapter.split(r"\caption{Location object")[1].split(r"\end{tabular}")[0]
    location_fields = {m.replace("\\_", "_") for m in re.findall(r"^([a-z\\_]+) &", location, re.M)}
    assert location_fields <= set(schema["$defs"]["location"]["properties"])


def test_plover_fields_follow_the_manual(store, tmp_path):
    records = plover_records(store, tmp_path)
    meeting = records[0]
    # "Abe met Trump" coded both ways: one record, both entities as actors, no recipient
    assert [a["code"] for a in meeting["actor"]] == ["JPN", "USA"] and "recipient" not in meeting
    assert meeting["event"] == ["CONSULT"] and meeting["quad_code"] == 1
    assert meeting["event_scale"] == 2.5 and meeting["mode"] == []
    assert meeting["cite_info"]["url"] == "https://news.example/a"
    assert meeting["cite_info"]["publication"] == "Wire" and meeting["coder"].startswith(
        "detente 9.9.9"
    )
    assert meeting["link"] == records[1]["link"]  # the same happening, reported by two stories
    # a visit (042) and its hosting (043) are both CONSULT: one record, as for a meeting
    visit = next(r for r in records if r["cameo"] == "042")
    assert visit["mode"] == ["visit"] and visit["event_scale"] == 4
    assert [a["code"] for a in visit["actor"]] == ["RUS", "CHN"] and "recipient" not in visit
    assert not any(r["cameo"] == "043" for r in records)
    sanction = next(r for r in records if r["event"] == ["SANCTION"])
    assert sanction["recipient"][0]["code"] == "CHN" and len(sanction["actor"]) == 1
    agree = next(r for r in records if r["event"] == ["AGREE"])
    assert agree["recipient"][0] == {
        "entity_text": "Nations",
        "code": "IGO",
        "identifier_id": "org:united-nations",
        "identifier_text": "United Nations",
        "cameo_code": "IGOUNO",
    }
    assert all(r["date"] for r in records)  # PLOVER requires a date: undated events are out
    assert {r["modality"] for r in records} == {"asserted"}
    assert records[0]["provenance"] == PROVENANCE


def test_non_occurred_events_carry_plovers_auxiliary_modes(store, tmp_path):
    records = plover_records(store, tmp_path, asserted_only=False)
    intended = next(r for r in records if r["modality"] == "intended")
    assert "future" in intended["context"]


# -- POLECAT -----------------------------------------------------------------------------------


def test_polecat_columns_and_rows(store, tmp_path, shared_dir):
    assert list(polecat.COLUMNS) == shared_list(shared_dir, "polecat", "polecat_columns.txt")
    path = tmp_path / "events.polecat.tsv"
    written = store.export("events", path)
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(polecat.COLUMNS) and len(frame) == written
    meeting = frame.iloc[0]
    assert (meeting["Event Type"], meeting["Actor Name"], meeting["Recipient Name"]) == (
        "consult",
        "Shinzo Abe;Donald Trump",
        "",
    )
    assert meeting["Actor COW"] == "740;2" and meeting["Event Intensity"] == "2.5"
    assert meeting["Story People"] == "Donald Trump;Shinzo Abe"
    assert (
        meeting["Version"].startswith("detente 9.9.9") and "0123456789abcdef" in meeting["Version"]
    )


# -- tables, formats, targets -------------------------------------------------------------------


def test_parquet_events_carry_documents_codes_and_provenance(store, tmp_path):
    path = tmp_path / "events.parquet"
    rows = store.export("events", path)
    table = pq.read_table(path)
    assert table.num_rows == rows == 10
    assert {
        "doc_date",
        "url",
        "title",
        "outlet",
        "cluster_id",
        "story_id",
        "knowledge_hash",
    } <= set(table.column_names)
    assert str(table.schema.field("cameo").type) == "string"
    assert table.column("cameo").to_pylist()[0] == "040"
    metadata = json.loads(pq.read_metadata(path).metadata[b"detente"])
    assert metadata["runs"][0]["knowledge_hash"] == "0123456789abcdef"


def test_csv_and_jsonl_keep_codes_with_the_documented_recipes(store, tmp_path):
    store.export("events", tmp_path / "events.csv")
    frame = pd.read_csv(tmp_path / "events.csv", dtype={"cameo": str, "cameo_root": str})
    assert frame["cameo"].iloc[0] == "040" and frame["outlet"].iloc[0] == "Wire"
    store.export("events", tmp_path / "events.jsonl")
    records = pd.read_json(
        tmp_path / "events.jsonl", lines=True, dtype={"cameo": str, "cameo_root": str}
    )
    assert records["cameo"].iloc[0] == "040"


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("e.csv", None, "csv"),
        ("e.parquet", None, "parquet"),
        ("e.jsonl", None, "jsonl"),
        ("e.gdelt.tsv", None, "gdelt"),
        ("20170210.export.CSV", None, "gdelt"),
        ("e.plover.jsonl", None, "plover"),
        ("e.polecat.tsv", None, "polecat"),
        ("e.tsv", "gdelt", "gdelt"),
        ("e.jsonl", "plover", "plover"),
        ("e.dat", "csv", "csv"),
    ],
)
def test_the_format_comes_from_the_file_name(tmp_path, name, fmt, expected):
    from detente.store.exports import ExportRequest

    request = ExportRequest.build("events", tmp_path / name, fmt=fmt, force=False, header=None)
    assert request.fmt == expected


def test_a_format_that_contradicts_the_file_name_is_refused(store, tmp_path):
    with pytest.raises(UsageError, match="--format parquet does not match the file name 'e.csv'"):
        store.export("events", tmp_path / "e.csv", fmt="parquet")
    with pytest.raises(UsageError, match="cannot tell the export format from 'e.tsv'"):
        store.export("events", tmp_path / "e.tsv")
    assert not (tmp_path / "e.csv").exists()


def test_existing_files_are_kept_unless_forced_and_stores_never(store, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n", encoding="utf-8")
    with pytest.raises(UsageError, match="exists; pass --force"):
        store.export("events", target)
    assert target.read_text(encoding="utf-8") == "precious\n"
    store.export("events", target, force=True)
    assert target.read_text(encoding="utf-8").startswith("event_id,")
    other = tmp_path / "other.csv"  # a DuckDB file, whatever its name
    with Store(tmp_path / "other.duckdb"):
        pass
    other.write_bytes((tmp_path / "other.duckdb").read_bytes())
    with pytest.raises(UsageError, match="DuckDB database; détente never overwrites one"):
        store.export("events", other, force=True)
    with pytest.raises(UsageError, match="is the store being exported"):
        store.export("events", store.path, fmt="csv", force=True)


def test_export_to_a_stream(store):
    buffer = io.BytesIO()
    rows = store.export("events", buffer, fmt="gdelt")
    assert rows == 6 and buffer.getvalue().decode("utf-8").count("\n") == 6
    with pytest.raises(UsageError, match="name the format for standard output"):
        store.export("events", io.BytesIO())


def test_every_table_exports(store, tmp_path):
    for table in ("documents", "mentions", "actors", "runs", "event_clusters", "event_dedup"):
        assert store.export(table, tmp_path / f"{table}.parquet") == store.stats()[table]
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert documents["meta"].isna().all()
