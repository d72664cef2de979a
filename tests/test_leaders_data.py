"""Checks on the hand-curated roles file ``src/detente/data/kb/leaders_2014_2026.tsv``.

The file is reviewable data (one dated role per line); these tests keep it well-formed and
consistent, and pin a few facts the rest of the system relies on. No spaCy model is needed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest

LEADERS_FILE = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "detente"
    / "data"
    / "kb"
    / "leaders_2014_2026.tsv"
)
HEADER = ["name", "code", "start", "end", "title", "aliases"]
# CAMEO sectors a person's role may carry in this file.
ROLE_SECTORS = {"GOV", "MIL", "OPP", "LEG", "JUD", "PTY", "COP", "SPY"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Role:
    line_no: int
    name: str
    code: str
    start: date | None
    end: date | None
    title: str
    aliases: tuple[str, ...]

    def holds_on(self, day: date) -> bool:
        # Half-open, as detente.kb.base.Role: the end is the first day out of office.
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _parse_date(text: str, line_no: int) -> date | None:
    if not text:
        return None
    assert ISO_DATE.match(text), f"line {line_no}: date {text!r} is not YYYY-MM-DD"
    return date.fromisoformat(text)


def _read_roles() -> list[Role]:
    lines = LEADERS_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADER, "first line must be the header"
    roles = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == len(HEADER), f"line {line_no}: {len(fields)} fields, want 6: {line!r}"
        name, code, start, end, title, aliases = fields
        assert name.strip() == name and name, f"line {line_no}: empty or padded name"
        assert title.strip() == title and title, f"line {line_no}: empty or padded title"
        alias_list = tuple(aliases.split("|")) if aliases else ()
        assert all(a.strip() == a and a for a in alias_list), f"line {line_no}: empty alias"
        roles.append(
            Role(
                line_no=line_no,
                name=name,
                code=code,
                start=_parse_date(start, line_no),
                end=_parse_date(end, line_no),
                title=title,
                aliases=alias_list,
            )
        )
    return roles


@pytest.fixture(scope="module")
def roles() -> list[Role]:
    return _read_roles()


@pytest.fixture(scope="module")
def phoenix_igo_codes(shared_dir: Path) -> set[str]:
    """Every bracketed IGO code (without dates) used in the Phoenix International dictionary."""
    text = (
        shared_dir / "data" / "dictionaries" / "petrarch2" / "Phoenix.International.actors.txt"
    ).read_text(encoding="utf-8", errors="replace")
    return set(re.findall(r"\[(IGO[A-Z]*)[\] ]", text))


def _roles_of(roles: list[Role], name: str, day: date) -> set[tuple[str, str]]:
    return {(r.code, r.title) for r in roles if r.name == name and r.holds_on(day)}


def _codes_of(roles: list[Role], name: str, day: date) -> set[str]:
    return {code for code, _ in _roles_of(roles, name, day)}


def test_file_is_a_reviewable_size(roles):
    assert 400 <= len(roles) <= 1000


def test_country_codes_are_iso3_plus_a_sector(roles):
    for role in roles:
        if role.code.startswith("IGO"):
            continue
        iso3, sector = role.code[:3], role.code[3:]
        assert pycountry.countries.get(alpha_3=iso3), f"line {role.line_no}: {iso3} is not ISO3"
        assert sector in ROLE_SECTORS, f"line {role.line_no}: unknown sector {sector!r}"


def test_igo_codes_are_the_ones_phoenix_uses(roles, phoenix_igo_codes):
    igo_codes = {role.code for role in roles if role.code.startswith("IGO")}
    assert igo_codes, "the international organizations' leaders are missing"
    assert igo_codes <= phoenix_igo_codes, sorted(igo_codes - phoenix_igo_codes)


def test_dates_are_ordered_and_plausible(roles):
    for role in roles:
        assert role.start is not None or role.end is not None, f"line {role.line_no}: no dates"
        if role.start and role.end:
            assert role.start < role.end, f"line {role.line_no}: start is not before end"
        for day in (role.start, role.end):
            assert day is None or date(1950, 1, 1) <= day <= date(2026, 11, 30), role


def test_every_person_is_active_after_2014(roles):
    # Earlier terms (Abe 2006-07, Putin as prime minister) are kept only as context.
    latest_end: dict[str, date] = {}
    for role in roles:
        end = role.end or date.max
        latest_end[role.name] = max(end, latest_end.get(role.name, date.min))
    stale = sorted(name for name, end in latest_end.items() if end < date(2014, 1, 1))
    assert not stale, stale


def test_no_person_holds_the_same_role_twice_at_once(roles):
    by_role = defaultdict(list)
    for role in roles:
        by_role[(role.name, role.code, role.title)].append(role)
    for key, spans in by_role.items():
        spans.sort(key=lambda r: r.start or date.min)
        for earlier, later in pairwise(spans):
            assert earlier.end is not None and later.start is not None, key
            assert earlier.end < later.start, f"overlapping or split rows for {key}"


def test_no_exact_duplicate_rows(roles):
    keys = [(r.name, r.code, r.start, r.end, r.title) for r in roles]
    assert len(keys) == len(set(keys))


def test_names_are_ascii_so_they_meet_their_phoenix_entries(roles):
    # Phoenix spells names in ASCII; accented spellings ("António Guterres") are aliases.
    for role in roles:
        assert role.name.isascii(), f"line {role.line_no}: {role.name!r} is not ASCII"


def test_aliases_do_not_repeat_the_name_or_each_other(roles):
    # Case variants add nothing: matching case is the matcher's job, not the data's.
    for role in roles:
        surfaces = [s.casefold() for s in (role.name, *role.aliases)]
        assert len(surfaces) == len(set(surfaces)), f"line {role.line_no}: repeated alias"


def test_an_alias_names_one_person_only(roles):
    owner: dict[str, str] = {}
    for role in roles:
        for surface in (role.name, *role.aliases):
            key = surface.casefold()
            assert owner.setdefault(key, role.name) == role.name, (
                f"line {role.line_no}: {surface!r} names both {owner[key]} and {role.name}"
            )


def test_a_person_keeps_the_same_aliases_across_rows_of_one_code(roles):
    # The loader merges a person's rows; diverging alias lists would be a curation slip.
    aliases_by_person = defaultdict(set)
    for role in roles:
        aliases_by_person[(role.name, role.code)].add(role.aliases)
    for key, variants in aliases_by_person.items():
        assert len(variants) == 1, f"{key} has different alias lists: {variants}"


# Offices held by one person at a time: (code, titles counted as the office, first day covered).
SUCCESSIONS = [
    ("USAGOV", {"President"}, date(2009, 1, 20)),
    ("USAGOV", {"Vice President"}, date(2009, 1, 20)),
    ("USAGOV", {"Secretary of State"}, date(2013, 2, 1)),
    ("USAGOV", {"Secretary of Defense", "Acting Secretary of Defense"}, date(2013, 2, 27)),
    ("JPNGOV", {"Prime Minister"}, date(2006, 9, 26)),
    ("JPNGOV", {"Foreign Minister"}, date(2012, 12, 26)),
    ("CHNGOV", {"President"}, date(2013, 3, 14)),
    ("CHNGOV", {"Premier"}, date(2013, 3, 15)),
    ("RUSGOV", {"President"}, date(2008, 5, 7)),
    ("RUSGOV", {"Prime Minister"}, date(2008, 5, 8)),
    ("GBRGOV", {"Prime Minister"}, date(2010, 5, 11)),
    ("GBRGOV", {"Foreign Secretary"}, date(2010, 5, 12)),
    ("FRAGOV", {"President"}, date(2012, 5, 15)),
    ("FRAGOV", {"Prime Minister"}, date(2012, 5, 16)),
    ("DEUGOV", {"Chancellor"}, date(2005, 11, 22)),
    ("DEUGOV", {"Foreign Minister"}, date(2013, 12, 17)),
    ("ITAGOV", {"Prime Minister"}, date(2013, 4, 28)),
    ("CANGOV", {"Prime Minister"}, date(2006, 2, 6)),
    ("AUSGOV", {"Prime Minister"}, date(2013, 9, 18)),
    ("INDGOV", {"Prime Minister"}, date(2004, 5, 22)),
    ("IRNGOV", {"President", "Acting President"}, date(2013, 8, 3)),
    ("IRNGOV", {"Foreign Minister", "Acting Foreign Minister"}, date(2013, 8, 15)),
    ("ISRGOV", {"Prime Minister"}, date(2009, 3, 31)),
    ("UKRGOV", {"President", "Acting President"}, date(2010, 2, 25)),
    ("TURGOV", {"President"}, date(2007, 8, 28)),
    ("SAUGOV", {"King"}, date(2005, 8, 1)),
    ("IGOUNO", {"Secretary-General"}, date(2007, 1, 1)),
    ("IGOWSTNAT", {"Secretary General of NATO"}, date(2009, 8, 1)),
    ("IGOEUREEC", {"President of the European Commission"}, date(2004, 11, 22)),
    ("IGOEUREEC", {"President of the European Council"}, date(2009, 12, 1)),
]
# An office may stand empty briefly (an acting holder not listed, a confirmation vote).
MAX_VACANCY = timedelta(days=60)


@pytest.mark.parametrize(("code", "titles", "first_day"), SUCCESSIONS)
def test_office_has_one_holder_at_a_time_without_long_gaps(roles, code, titles, first_day):
    holders = sorted(
        (r for r in roles if r.code == code and r.title in titles), key=lambda r: r.start
    )
    assert holders[0].start == first_day
    # Abe's two terms are 5 years apart; other offices are filled within MAX_VACANCY.
    long_breaks = {("JPNGOV", "Shinzo Abe")}
    for earlier, later in pairwise(holders):
        assert earlier.end is not None, f"{earlier.name} never leaves before {later.name}"
        assert earlier.end <= later.start, f"{earlier.name} overlaps {later.name}"
        if (code, earlier.name) not in long_breaks:
            assert later.start - earlier.end <= MAX_VACANCY, f"gap after {earlier.name}"
    assert holders[-1].end is None, f"{code} {titles} has no current holder"


def test_abe_is_prime_minister_in_2017_but_not_in_2021(roles):
    assert _roles_of(roles, "Shinzo Abe", date(2017, 2, 10)) == {("JPNGOV", "Prime Minister")}
    assert _codes_of(roles, "Shinzo Abe", date(2021, 1, 1)) == set()


def test_trump_first_and_second_terms(roles):
    assert _codes_of(roles, "Donald Trump", date(2017, 2, 10)) == {"USAGOV"}
    assert _codes_of(roles, "Donald Trump", date(2022, 1, 1)) == set()
    assert _codes_of(roles, "Donald Trump", date(2025, 6, 1)) == {"USAGOV"}
    assert _codes_of(roles, "Donald Trump", date(2021, 1, 20)) == set()  # Biden's first day


def test_who_led_on_the_seed_article_date(roles):
    day = date(2017, 2, 10)
    assert _codes_of(roles, "Vladimir Putin", day) == {"RUSGOV"}
    assert _roles_of(roles, "Jim Mattis", day) == {("USAGOV", "Secretary of Defense")}
    # Obama and Kerry had left office: the loader derives USAELI from that.
    assert _codes_of(roles, "Barack Obama", day) == set()
    assert _codes_of(roles, "John Kerry", day) == set()
    assert any(r.name == "Barack Obama" and r.end == date(2017, 1, 20) for r in roles)


def test_un_secretaries_general(roles):
    assert _codes_of(roles, "Ban Ki-moon", date(2016, 12, 31)) == {"IGOUNO"}
    assert _codes_of(roles, "Ban Ki-moon", date(2017, 1, 1)) == set()
    assert _codes_of(roles, "Antonio Guterres", date(2016, 12, 31)) == set()
    assert _codes_of(roles, "Antonio Guterres", date(2017, 1, 1)) == {"IGOUNO"}


def test_japanese_prime_ministers_after_abe(roles):
    def prime_minister_on(day: date) -> set[str]:
        return {
            r.name
            for r in roles
            if r.code == "JPNGOV" and r.title == "Prime Minister" and r.holds_on(day)
        }

    assert prime_minister_on(date(2021, 1, 1)) == {"Yoshihide Suga"}
    assert prime_minister_on(date(2022, 6, 1)) == {"Fumio Kishida"}
    assert prime_minister_on(date(2025, 1, 1)) == {"Shigeru Ishiba"}
    assert prime_minister_on(date(2026, 1, 1)) == {"Sanae Takaichi"}


def test_people_with_roles_in_two_codes(roles):
    # Von der Leyen: German defence minister, then Commission president.
    assert _codes_of(roles, "Ursula von der Leyen", date(2018, 1, 1)) == {"DEUGOV"}
    assert _codes_of(roles, "Ursula von der Leyen", date(2020, 1, 1)) == {"IGOEUREEC"}
    # Stoltenberg: NATO until October 2024, Norway's finance minister from February 2025.
    assert _codes_of(roles, "Jens Stoltenberg", date(2024, 9, 30)) == {"IGOWSTNAT"}
    assert _codes_of(roles, "Jens Stoltenberg", date(2024, 12, 1)) == set()
    assert _codes_of(roles, "Jens Stoltenberg", date(2025, 3, 1)) == {"NORGOV"}


def test_name_variants_from_the_brief_are_present(roles):
    aliases = {a for r in roles for a in (r.name, *r.aliases)}
    for surface in (
        "Zelensky",
        "Zelenskyy",
        "Volodymyr Zelenskiy",
        "Xi Jinping",
        "Xi",
        "Kim Jong Un",
        "Kim Jong-un",
        "Moon Jae-in",
        "Yoon Suk Yeol",
        "Yoon Suk-yeol",
        "MBS",
        "Khamenei",
    ):
        assert surface in aliases, surface


def test_the_knowledge_base_codes_these_people_by_date():
    """The loader (detente.kb) reads this file and merges it with the Phoenix people."""
    from detente.kb.load import load_kb

    kb = load_kb()

    def code_on(name: str, day: date) -> set[str]:
        return {kb.code_at(actor, day)[0] for actor in kb.actors_by_name(name)}

    assert code_on("Shinzo Abe", date(2017, 2, 10)) == {"JPNGOV"}
    assert code_on("Shinzo Abe", date(2021, 1, 1)) == {"JPNELI"}
    assert code_on("Barack Obama", date(2017, 2, 10)) == {"USAELI"}
    assert code_on("Donald Trump", date(2022, 1, 1)) == {"USAELI"}
    assert code_on("Donald Trump", date(2025, 6, 1)) == {"USAGOV"}
    # Phoenix's Guterres (Portugal's former prime minister) and ours are one person.
    assert code_on("Antonio Guterres", date(2017, 1, 1)) == {"IGOUNO"}
    assert code_on("António Guterres", date(2017, 1, 1)) == {"IGOUNO"}
    assert code_on("Zelenskyy", date(2023, 1, 1)) == {"UKRGOV"}
