"""User CSV dictionaries of people and roles (issue 10): parsing with line-numbered
errors, the merge with the shipped knowledge by date, `detente kb check`, and the pipeline
coding a person by the CSV from its start date."""

from __future__ import annotations

from datetime import date

import pytest

from detente.errors import DictionaryError
from detente.kb.usercsv import parse_csv_roles

HEADER = "name,aliases,country,sector,role,start,end\n"
ROWS = (
    "Mark Carney,Carney|Prime Minister Carney,CAN,GOV,Prime Minister,2025-03-14,\n"
    "Shinzo Abe,,JPN,ELI,former prime minister,2020-09-16,\n"
    "Anna Ruritz,Ruritz,AUT,,activist,,\n"
)
BAD = (
    "Bad Country,,XX,GOV,,2020-01-01,\n"  # line 5
    "Bad Date,,USA,GOV,,2020-13-01,\n"  # line 6
    "Too,few,columns\n"  # line 7
    "Backwards,,USA,GOV,,2021-01-01,2020-01-01\n"  # line 8
    "Bad Sector,,USA,XYZ,,,\n"  # line 9
)


@pytest.fixture
def roles_csv(tmp_path):
    path = tmp_path / "leaders.csv"
    path.write_text(HEADER + ROWS + BAD, encoding="utf-8")
    return path


def test_rows_parse_and_malformed_rows_are_reported_by_line(roles_csv):
    errors: list[str] = []
    rows = parse_csv_roles(roles_csv, sectors=frozenset({"GOV", "ELI"}), errors=errors)
    assert [r.name for r in rows] == ["Mark Carney", "Shinzo Abe", "Anna Ruritz"]
    carney = rows[0]
    assert (carney.code, carney.start, carney.end) == ("CANGOV", date(2025, 3, 14), None)
    assert carney.aliases == ("Carney", "Prime Minister Carney") and carney.line == 2
    assert rows[2].code == "AUT" and rows[2].sector is None
    assert [e.split(": ", 1)[0].rsplit(":", 1)[1] for e in errors] == ["5", "6", "7", "8", "9"]
    assert "invalid start date '2020-13-01'" in errors[1]


def test_a_csv_needs_its_header(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(ROWS, encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"x.csv:1: the first line must be the header"):
        parse_csv_roles(path)


def test_csv_roles_override_the_shipped_codes_from_their_start_date(roles_csv):
    from detente.kb import build_kb

    kb = build_kb([roles_csv])
    assert len(kb.warnings) == 5  # the malformed rows, the rest loaded
    abe = kb.actors_by_name("Shinzo Abe")[0]
    assert abe.source.startswith("user:leaders.csv")
    assert kb.code_at(abe, date(2017, 2, 10))[0] == "JPNGOV"  # the shipped role, before
    assert kb.code_at(abe, date(2021, 1, 1))[0] == "JPNELI"  # the CSV's, from 2020-09-16
    carney = kb.actors_by_name("Prime Minister Carney")[0]
    assert kb.code_at(carney, date(2025, 6, 1))[0] == "CANGOV"
    ruritz = kb.actors_by_name("Ruritz")[0]
    assert ruritz.actor_id == "user:leaders:anna-ruritz" and ruritz.country == "AUT"


def test_the_pipeline_codes_a_person_by_the_csv_from_its_start_date(roles_csv):
    from detente.nlp import load, make_doc
    from detente.records import Article

    nlp = load(actor_files=[str(roles_csv)], stages=["actors"])

    def abe_on(day: str):
        doc = nlp(make_doc(nlp, Article(ref="<t>", text="Shinzo Abe met Carney.", date=day)))
        return {m.text: (m.code, m.resolved_by) for m in doc._.mentions}

    assert abe_on("2017-02-10")["Shinzo Abe"] == ("JPNGOV", "user-dictionary")
    later = abe_on("2025-06-01")
    assert later["Shinzo Abe"] == ("JPNELI", "user-dictionary")
    assert later["Carney"] == ("CANGOV", "user-dictionary")


def test_kb_check_lists_every_problem_with_its_line(roles_csv, tmp_path):
    from typer.testing import CliRunner

    from detente.cli.main import app

    result = CliRunner().invoke(app, ["kb", "check", str(roles_csv)])
    assert result.exit_code == 1
    assert "3 valid entries, 5 problems" in result.output
    assert f"{roles_csv}:6: invalid start date" in result.output
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "check", str(good)])
    assert result.exit_code == 0 and "0 problems" in result.output


def test_a_one_word_alias_does_not_merge_with_a_namesake(tmp_path):
    from detente.kb import build_kb

    path = tmp_path / "rur.csv"
    path.write_text(HEADER + "Elspeth Vance,Vance,RUR,GOV,President,2026-02-01,\n", "utf-8")
    kb = build_kb([path])
    vance = kb.actors_by_name("Vance")[0]
    assert vance.actor_id == "user:rur:elspeth-vance"
    jd = kb.actors_by_name("JD Vance")[0]
    assert not jd.source.startswith("user:") and kb.code_at(jd, date(2026, 3, 1))[0] != "RURGOV"
