"""The knowledge base: shipped data, dated codes, lookups, user PETRARCH dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.errors import DictionaryError
from detente.kb import build_kb, load_kb, normalize_name
from detente.kb.petrarch import parse_actor_file, parse_agent_file
from detente.knowledge import files
from detente.knowledge.tables import data_dir, read_values

DATA_DIR = data_dir() / "kb"

FEB_2017 = date(2017, 2, 10)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def petrarch_dir(shared_dir) -> Path:
    return shared_dir / "data" / "dictionaries" / "petrarch2"


@pytest.fixture(scope="module")
def validate_kb(petrarch_dir):
    return load_kb(
        [petrarch_dir / "PETR.Validate.actors.txt", petrarch_dir / "PETR.Validate.agents.txt"],
        shipped=False,
    )


def person(kb, name: str):
    found = [a for a in kb.actors_by_name(name) if a.kind == "person"]
    assert found, f"no person named {name!r}"
    return found[0]


# -- normalization ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Kremlin", "kremlin"),
        ("Abe\u2019s", "abe"),
        ("  Shinzo   ABE ", "shinzo abe"),
        ("the Philippines'", "philippines"),
        ("U.S.", "u.s."),
        ("Kim Jong-un", "kim jong un"),
    ],
)
def test_normalize_name(text, key):
    assert normalize_name(text) == key


# -- conversion sanity ----------------------------------------------------------------------------
def test_shinzo_abe_has_dated_jpngov_roles(kb):
    abe = person(kb, "Shinzo Abe")
    assert abe.actor_id == "person:shinzo-abe"
    assert abe.country == "JPN"
    assert any(r.code == "JPNGOV" and r.start and r.end for r in abe.roles)
    assert kb.code_at(abe, FEB_2017) == ("JPNGOV", False)
    assert kb.code_at(abe, date(2021, 6, 1)) == ("JPNELI", False)
    assert kb.actors_by_name("Abe")[0] is abe  # leaders aliases merged into the Phoenix person


def test_obama_is_government_until_2017_then_elite(kb):
    obama = person(kb, "Barack Obama")
    assert kb.code_at(obama, date(2016, 6, 1)) == ("USAGOV", False)
    assert kb.code_at(obama, date(2017, 1, 19)) == ("USAGOV", False)
    assert kb.code_at(obama, date(2017, 1, 20)) == ("USAELI", False)
    assert kb.code_at(obama, FEB_2017) == ("USAELI", False)
    assert len(kb.actors_by_name("President Barack Obama")) == 1


def test_code_without_date_is_latest_role_and_undated(kb):
    trump = person(kb, "Donald Trump")
    assert kb.code_at(trump, None) == ("USAGOV", True)
    assert kb.code_at(trump, date(2022, 1, 1)) == ("USAELI", False)
    assert kb.code_at(trump, date(2025, 3, 1)) == ("USAGOV", False)
    japan = kb.state("JPN")
    assert kb.code_at(japan, None) == ("JPN", True)
    assert kb.code_at(japan, FEB_2017) == ("JPN", False)


def test_phoenix_people_organizations_and_groups(kb):
    putin = person(kb, "Vladimir Putin")
    assert kb.code_at(putin, FEB_2017)[0] == "RUSGOV"
    nato = kb.actors_by_name("NATO")
    assert [a.actor_id for a in nato] == ["org:north-atlantic-treaty-organization"]
    assert kb.code_at(nato[0], FEB_2017)[0].startswith("IGO")
    assert nato[0].country is None
    un = kb.actors_by_name("U.N.")[0]
    assert kb.actors_by_name("United Nations")[0] is un  # one actor for every form
    assert kb.code_at(kb.actors_by_name("IAEA")[0], None)[0] == "IGOUNOIAE"
    hamas = kb.actors_by_name("Hamas")
    assert hamas and all(a.kind == "organization" for a in hamas)
    assert kb.code_at(kb.actors_by_name("Brookings Institution")[0], None)[0] == "USAEDU"


def test_people_by_surname(kb):
    assert "person:robert-mugabe" in [a.actor_id for a in kb.people_by_surname("Mugabe")]
    assert "person:xi-jinping" in [a.actor_id for a in kb.people_by_surname("Xi")]  # family first
    assert kb.people_by_surname("President") == []
    assert kb.actors_by_name("Omar al-Bashir") == kb.actors_by_name("Omar al Bashir") != []


def test_load_is_cached_and_a_build_is_new(kb):
    """(The load's time, < 2 s, is measured by benchmarks/timings.py.)"""
    assert load_kb() is kb
    fresh = build_kb()
    assert fresh is not kb and fresh.actors.keys() == kb.actors.keys()


# -- states, demonyms, seats -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Japanese", "JPN"),
        ("American", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("DPRK", "PRK"),
        ("British", "GBR"),
        ("Britain", "GBR"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Taiwan", "TWN"),
        ("Ivory Coast", "CIV"),
        ("Vatican", "VAT"),
        ("Tokyo", "JPN"),
        ("Washington", "USA"),
        ("the White House", "USA"),
        ("Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("Pyongyang", "PRK"),
        ("Elysee", "FRA"),
        ("Tehran", "IRN"),
        ("Berlin", "DEU"),
    ],
)
def test_state_for_word(kb, word, iso3):
    assert kb.state_for_word(word) == iso3


def test_state_for_word_unknown(kb):
    assert kb.state_for_word("Mordor") is None
    assert kb.state_for_word("officials") is None


def test_common_words_are_no_names(kb):
    # Phoenix lists "CHAMPAGNE" under France and "MORON" under Argentina (name_stoplist.txt)
    assert kb.actors_by_name("Champagne") == [] and kb.state_for_word("Champagne") is None
    assert kb.actors_by_name("Moron") == []
    assert kb.state_for_word("Brussels") is None  # the EU, not Belgium
    assert kb.actors_by_name("Brussels")[0].actor_id == "org:european-union"


def test_seat_carries_sector(kb):
    assert kb.seat("Pentagon") == ("USA", "MIL")
    assert kb.seat("White House") == ("USA", "GOV")


def test_state_actor(kb):
    japan = kb.state("jpn")
    assert japan.actor_id == "state:JPN" and japan.kind == "state" and japan.name == "Japan"
    assert kb.actors_by_name("Japan") == [japan]


# -- agents -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "code", "is_person"),
    [
        ("officials", "GOV", False),
        ("Official", "GOV", True),
        ("the president", "GOV", True),
        ("foreign minister", "GOV", True),
        ("foreign ministers", "GOV", False),
        ("police", "COP", False),
        ("rebels", "REB", False),
        ("troops", "MIL", False),
        ("opposition", "OPP", False),
    ],
)
def test_agents(kb, phrase, code, is_person):
    agent = kb.agent(phrase)
    assert agent is not None, phrase
    assert agent.code.startswith(code)
    assert agent.person is is_person


def test_agent_unknown(kb):
    assert kb.agent("zebra") is None


# -- places ----------------------------------------------------------------------------------------------
def test_senkaku_and_diaoyu_are_one_place_with_claimants(kb):
    senkaku = kb.places_by_name("Senkaku")[0]
    assert kb.places_by_name("Diaoyu")[0] == senkaku
    assert kb.places_by_name("the Senkaku Islands")[0] == senkaku
    assert senkaku.kind == "disputed"
    assert {"JPN", "CHN"} <= set(senkaku.claimants)


def test_kurils_and_northern_territories_are_one_place(kb):
    kurils = kb.places_by_name("Northern Territories")[0]
    for name in ("southern Kurile Islands", "the Kurils", "Southern Kurils"):
        assert kb.places_by_name(name)[0] == kurils
    assert set(kurils.claimants) == {"JPN", "RUS"}


@pytest.mark.parametrize(
    ("name", "claimants"),
    [
        ("Takeshima", {"KOR", "JPN"}),
        ("Nansha Islands", {"CHN", "TWN", "VNM", "PHL", "MYS", "BRN"}),
        ("Xisha", {"CHN", "TWN", "VNM"}),
        ("Crimea", {"UKR", "RUS"}),
        ("Jammu and Kashmir", {"IND", "PAK", "CHN"}),
        ("Malvinas", {"GBR", "ARG"}),
        ("Golan Heights", {"SYR", "ISR"}),
        ("Artsakh", {"AZE", "ARM"}),
    ],
)
def test_disputed_territories(kb, name, claimants):
    place = kb.places_by_name(name)[0]
    assert set(place.claimants) == claimants


def test_cities_countries_regions(kb):
    tokyo = kb.places_by_name("Tokyo")[0]
    assert (
        tokyo.kind == "city"
        and tokyo.country == "JPN"
        and tokyo.place_id.startswith("place:geonames:")
    )
    assert abs(tokyo.lat - 35.7) < 0.5 and abs(tokyo.lon - 139.7) < 0.5
    japan = kb.places_by_name("Japan")[0]
    assert japan.place_id == "place:country:JPN" and japan.lat is not None
    assert kb.places_by_name("East China Sea")[0].kind == "sea"
    assert kb.places_by_name("Asia-Pacific")[0].kind == "region"
    assert kb.places_by_name("Washington")[0].country == "USA"


def test_ambiguous_names_keep_every_candidate(kb):
    assert [a.actor_id for a in kb.actors_by_name("Georgia")] == ["state:GEO"]
    places = kb.places_by_name("Georgia")
    assert places[0].place_id == "place:country:GEO"
    assert any(p.kind == "admin1" and p.country == "USA" for p in places)
    jordan = kb.actors_by_name("Jordan")
    assert jordan[0].actor_id == "state:JOR"


def test_surface_forms_cover_every_tag(kb):
    tags: dict[str, set[str]] = {}
    for text, tag in kb.surface_forms():
        tags.setdefault(tag, set()).add(normalize_name(text))
    assert set(tags) == {"actor", "place", "seat", "demonym", "agent", "state"}
    assert "shinzo abe" in tags["actor"]
    assert "japanese" in tags["demonym"]
    assert "kremlin" in tags["seat"]
    assert "diaoyu" in tags["place"]
    assert "officials" in tags["agent"]
    assert "japan" in tags["state"]


# -- user dictionaries ---------------------------------------------------------------------------------
def test_petrarch_validation_dictionaries_alone(validate_kb):
    arnor = validate_kb.actors_by_name("Arnor")
    assert [a.kind for a in arnor] == ["state"]
    assert validate_kb.code_at(arnor[0], None) == ("ARN", True)
    assert validate_kb.state_for_word("Minas Tirith") == "GON"
    assert validate_kb.state("ARN") is arnor[0]
    assert arnor[0].source == "user:PETR.Validate.actors.txt"
    assert validate_kb.actors_by_name("Shinzo Abe") == []  # shipped=False: nothing else
    assert validate_kb.places_by_name("Tokyo") == []
    # Gollum: [HOB < 950601] [HOBGOV 19950601 - 19990815] [HOBREB > 990816]
    gollum = validate_kb.actors_by_name("Smeagol")[0]
    assert validate_kb.code_at(gollum, date(1990, 1, 1))[0] == "HOB"
    assert validate_kb.code_at(gollum, date(1997, 1, 1))[0] == "HOBGOV"
    assert validate_kb.code_at(gollum, date(2001, 1, 1))[0] == "HOBREB"
    assert validate_kb.actors_by_name("Boromir")[0].roles == ()  # [---]: known, not coded


def test_validation_agents(validate_kb):
    assert validate_kb.agent("foreign minister").code == "GOVFRM"
    assert validate_kb.agent("troops").code == "MIL"
    rights = validate_kb.agent("human rights organizations")
    assert rights.code == "NGO" and rights.prefix and not rights.person
    # !MINST! macro expansion
    assert validate_kb.agent("ministry of silly walks").code == "GOV"


def test_user_entry_overrides_shipped(tmp_path, kb):
    user = tmp_path / "mine.actors.txt"
    user.write_text(
        "# my dictionary\nSHINZO_ABE_ [JPNELI]\n+ABE_SAN\nGONDOR [GON]\n+MINAS_TIRITH\n",
        encoding="utf-8",
    )
    merged = load_kb([user])
    found = merged.actors_by_name("Shinzo Abe")
    assert [a.source for a in found] == ["user:mine.actors.txt"]
    assert merged.code_at(found[0], FEB_2017) == ("JPNELI", False)
    assert merged.actors_by_name("Abe San") == found
    assert merged.state_for_word("Gondor") == "GON"
    assert merged.actors_by_name("Japan") == kb.actors_by_name("Japan")  # the rest is shipped


def test_user_agent_file_overrides_shipped(tmp_path):
    user = tmp_path / "custom_agents.txt"
    user.write_text("POLICE {} [~MIL]\nSPIN_DOCTOR [~MED]\n", encoding="utf-8")
    merged = load_kb([user])
    assert merged.agent("police").code == "MIL"
    assert merged.agent("spin doctors").code == "MED"
    assert merged.agent("officials").code == "GOV"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("JAPAN_ [JPN]\nABE [JPNGOV 0609-070926]\n", 2, "invalid date"),
        ("JAPAN_ [JPN]\n\nTRUMP [USAGOV\n+DONALD_TRUMP\n[USAGOV]\n", 3, "unbalanced"),
        ("JAPAN_ [JPN]\nABE [JPNGOV 9008223-911221]\n", 2, "invalid date"),
        ("JAPAN_ [JPN]\nABE [ 950601-990815]\n", 2, "malformed code"),
    ],
)
def test_malformed_user_lines_are_skipped_with_a_warning(tmp_path, content, line, message):
    # PETRARCH users bring dictionaries with a few bad lines: keep the rest, say what was skipped
    user = tmp_path / "bad.actors.txt"
    user.write_text(content, encoding="utf-8")
    merged = load_kb([user], shipped=False)
    (warning,) = merged.warnings
    assert warning.startswith(f"{user}:{line}: ") and message in warning
    assert [a.country for a in merged.actors_by_name("Japan")] == ["JPN"]
    assert not merged.actors_by_name("Donald Trump")  # a broken entry takes its synonyms along


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("+SYNONYM_FIRST\n", "before any actor"),
        ("ABE [JPNGOV 061399-070926]\n", "invalid date"),
        ("ABE [ 950601-990815]\n", "malformed code"),
    ],
)
def test_user_file_without_valid_entries_is_an_error(tmp_path, content, message):
    user = tmp_path / "bad.actors.txt"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        load_kb([user])
    assert str(caught.value).startswith(f"{user}: no valid dictionary entries")
    assert f"{user}:1: " in str(caught.value) and message in str(caught.value)


def test_malformed_agent_line_is_skipped(tmp_path):
    user = tmp_path / "bad_agents.txt"
    user.write_text(
        "OFFICIAL [~GOV]\nPOLICE [COP]\nDEPARMENT_OF_ENVIRONMENT [~ENV}\n", encoding="utf-8"
    )
    merged = load_kb([user], shipped=False)
    assert merged.agent("officials").code == "GOV"
    assert merged.agent("police") is None
    assert [w.split(": ", 1)[0] for w in merged.warnings] == [f"{user}:2", f"{user}:3"]
    empty = tmp_path / "empty_agents.txt"
    empty.write_text("POLICE [COP]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"empty_agents.txt: no valid .*'~'"):
        load_kb([empty])


def test_phoenix_dictionaries_load_as_user_files(shared_dir):
    folder = shared_dir / "data" / "dictionaries" / "petrarch2"
    files = [folder / "Phoenix.International.actors.txt", folder / "Phoenix.agents.txt"]
    merged = load_kb(files, shipped=False)
    assert any(w.startswith(f"{files[0]}:40: invalid date") for w in merged.warnings)
    assert any(w.startswith(f"{files[1]}:544: unbalanced") for w in merged.warnings)
    assert merged.actors_by_name("Kofi Annan") and merged.agent("police").code == "COP"


def test_missing_user_file(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_kb([tmp_path / "nope.txt"])


# -- parser details ------------------------------------------------------------------------------------
def test_parser_date_forms(tmp_path):
    path = tmp_path / "dates.txt"
    path.write_text(
        "<!-- a comment\nover lines -->\nX_ # note\n+Y\n\t[AAAGOV 19950601 - 19990815]\n"
        "\t[AAAELI > 990816]\n\t[AAA <950601]\n\t[AAAMIL]\n",
        encoding="utf-8",
    )
    (entry,) = parse_actor_file(path)
    assert entry.names == ("X", "Y")
    assert entry.comment == "note"
    spans = [(r.code, r.start, r.end) for r in entry.roles]
    assert spans == [
        ("AAAGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("AAAELI", date(1999, 8, 16), None),
        ("AAA", None, date(1995, 6, 1)),
        ("AAAMIL", None, None),
    ]


def test_parser_agent_plurals_and_macros(tmp_path):
    path = tmp_path / "a_agents.txt"
    path.write_text(
        "!PERSON! = MAN, WOMAN\nTHIEF {THIEVES} [~CRM]\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\n"
    )
    entries = parse_agent_file(path)
    assert [(e.phrase, e.plurals, e.code) for e in entries] == [
        ("THIEF", ("THIEVES",), "CRM"),
        ("POLICE", (), "COP"),
        ("CONGRESSMAN", None, "LEG"),
        ("CONGRESSWOMAN", None, "LEG"),
    ]


# -- leaders merge ------------------------------------------------------------------------------------
def test_leaders_roles_merge_into_phoenix_person(tmp_path):
    """A curated leaders row joins the Phoenix person of the same name, and supersedes the
    open-ended Phoenix role that the 2014 data could not close."""
    data = tmp_path / "kb"
    data.mkdir()
    for path in DATA_DIR.iterdir():
        if path.name != "leaders_2014_2026.tsv":
            (data / path.name).symlink_to(path)
    (data / "leaders_2014_2026.tsv").write_text(
        "name\tcode\tstart\tend\ttitle\taliases\n"
        "# test rows\n"
        "Barack Obama\tUSAGOV\t2009-01-20\t2017-01-20\tPresident\tObama\n"
        "Ada Newleader\tJPNGOV\t2030-01-01\t\tPrime Minister\tNewleader\n"
        "Ban Ki-moon\tIGOUNO\t2007-01-01\t2017-01-01\tSecretary-General\tBan Ki moon\n",
        encoding="utf-8",
    )
    merged = build_kb(data_dir=data)
    obama = [a for a in merged.actors_by_name("Barack Obama") if a.kind == "person"]
    assert len(obama) == 1 and obama[0].actor_id == "person:barack-obama"
    assert obama[0].source == "phoenix+leaders"
    assert merged.code_at(obama[0], FEB_2017) == ("USAELI", False)
    assert any(r.title == "President" for r in obama[0].roles)
    ban = merged.actors_by_name("Ban Ki-moon")
    assert len(ban) == 1 and ban[0].name == "Ban Ki-moon" and ban[0].country == "KOR"
    assert merged.code_at(ban[0], date(2010, 1, 1)) == ("IGOUNO", False)
    assert merged.code_at(ban[0], FEB_2017) == ("KORELI", False)  # a former IGO chief
    new = merged.actors_by_name("Newleader")[0]
    assert new.source == "leaders" and new.country == "JPN"
    assert merged.code_at(new, date(2031, 1, 1)) == ("JPNGOV", False)
    assert merged.code_at(new, date(2020, 1, 1)) == ("JPN", False)  # before any role


def test_missing_leaders_file_is_tolerated(tmp_path):
    data = tmp_path / "kb"
    data.mkdir()
    for path in DATA_DIR.iterdir():
        if path.name != "leaders_2014_2026.tsv":
            (data / path.name).symlink_to(path)
    bare = build_kb(data_dir=data)
    abe = [a for a in bare.actors_by_name("Shinzo Abe") if a.kind == "person"][0]
    assert abe.source == "phoenix"


# -- hand-written data integrity -----------------------------------------------------------------
def test_hand_files_name_known_states(kb):
    """Every ISO3 in the hand files is a state of the KB (no typo like "JAP")."""
    codes: list[tuple[str, str]] = []
    for row in read_values(files.SEATS):
        if row[1] != "-":
            codes.append(("seats.tsv", row[1]))
    for row in read_values(files.STATE_VARIANTS):
        codes.append(("state_variants.tsv", row[0]))
    for row in read_values(files.DISPUTED):
        codes.extend(("disputed.tsv", c) for c in [row[3], *row[4].split("|")] if c)
    for row in read_values(files.REGIONS):
        if row[4]:
            codes.append(("regions.tsv", row[4]))
    unknown = [(file, code) for file, code in codes if kb.state(code) is None]
    assert unknown == []
    for row in read_values(files.DISPUTED):
        assert row[4], f"{row[0]} has no claimants"


def test_religion_code_is_no_country(kb):
    # CAMEO's MUS ("Muslim") in IMGMUSALQ is not Mauritius' ISO code
    for name in ("Osama bin Laden", "Islamic State"):
        (actor,) = kb.actors_by_name(name)[:1]
        assert actor.country is None and kb.code_at(actor, FEB_2017)[0].startswith("IMGMUS")
    (red_army,) = kb.actors_by_name("Japanese Red Army")[:1]
    assert red_army.country == "JPN"  # IMGJPN: a state after the prefix is still a state


def test_given_and_family_name_without_the_middle_name(kb):
    (menem,) = kb.actors_by_name("Carlos Menem")
    assert menem.country == "ARG" and kb.code_at(menem, date(1995, 1, 1))[0] == "ARGGOV"
    assert not kb.actors_by_name("Foreign Ghani")  # no title words turned into names
    assert not kb.actors_by_name("Kim Un")  # family-first names keep their order


def test_notable_people_phoenix_lacks(kb):
    (tutu,) = kb.actors_by_name("Desmond Tutu")
    assert tutu.country == "ZAF" and kb.code_at(tutu, date(1990, 1, 1))[0] == "ZAFREL"


def test_underscores_are_spaces_in_lookups(kb):
    assert normalize_name("Dol_Amroth") == normalize_name("Dol Amroth") == "dol amroth"
    assert kb.actors_by_name("Shinzo_Abe") == kb.actors_by_name("Shinzo Abe")
