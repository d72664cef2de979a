"""What a document remembers about its people (``actors/coref.py``): the antecedents of
surnames, role descriptions and pronouns. Plain data, no parse needed."""

from __future__ import annotations

from detente.actors.coding import Resolution
from detente.actors.coref import DocMemory

LEADERS = frozenset({"leader", "president", "premier", "prime"})


def person(actor_id: str, code: str | None, *, by: str = "kb") -> Resolution:
    country = code[:3] if code else None
    sector = code[3:] if code else None
    return Resolution("person", actor_id, actor_id.split(":")[1], code, country, sector, by)


ABE = person("person:shinzo-abe", "JPNGOV")
AKIE = person("person:akie-abe", None, by="ner")
PUTIN = person("person:vladimir-putin", "RUSGOV")
ENVOY = person("person:kenji-envoy", "JPNGOV")


def test_a_surname_points_back_to_the_first_full_name():
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True, surname="Abe")
    memory.remember_person(AKIE, token=9, subject=False, surname="Abe")  # "his wife, Akie Abe"
    assert memory.person_for_surname("Abe") is ABE
    assert memory.person_for_surname("abe") is ABE  # any case
    assert memory.person_for_surname("Putin") is None


def test_a_coded_person_takes_a_surname_from_an_uncoded_namesake():
    memory = DocMemory()
    memory.remember_person(AKIE, token=1, subject=False, surname="Abe")
    memory.remember_person(ABE, token=5, subject=True, surname="Abe")
    assert memory.person_for_surname("Abe") is ABE


def test_a_role_goes_to_the_latest_person_of_its_country_with_that_title():
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True, titles=("Prime Minister",))
    memory.remember_person(ENVOY, token=5, subject=True, titles=("envoy",))
    memory.remember_person(PUTIN, token=9, subject=True, titles=("President",))
    found = memory.person_for_role("minister", "JPN", {"minister"}, generic=False)
    assert found is ABE  # "the Japanese minister": the one titled so, not the latest Japanese
    assert memory.person_for_role("president", None, {"president"}, generic=False) is PUTIN


def test_a_specific_office_without_a_titled_antecedent_is_nobody_known():
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True, titles=("Prime Minister",))
    assert memory.person_for_role("ambassador", "JPN", {"ambassador"}, generic=False) is None


def test_a_head_of_government_word_falls_back_to_the_governing_person():
    # "the Japanese premier" with nobody titled "premier" before: the governing Japanese
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True, titles=("Prime Minister",))
    found = memory.person_for_role(
        "premier", "JPN", {"premier"}, generic=False, leader=True, leader_words=LEADERS
    )
    assert found is ABE


def test_a_generic_head_prefers_a_head_of_government_then_a_named_official():
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True, titles=("Prime Minister",))
    memory.remember_person(ENVOY, token=5, subject=True, titles=("envoy",))
    found = memory.person_for_role("leader", "JPN", {"leader"}, generic=True, leader_words=LEADERS)
    assert found is ABE  # "the Japanese leader" is Abe though the envoy came later
    memory = DocMemory()
    memory.remember_person(ENVOY, token=5, subject=True, titles=("envoy",))
    assert memory.person_for_role("leader", "JPN", {"leader"}, generic=True) is ENVOY
    assert memory.person_for_role("leader", "RUS", {"leader"}, generic=True) is None


def test_a_pronoun_is_the_latest_subject_of_the_window():
    memory = DocMemory()
    memory.remember_person(ABE, token=1, subject=True)
    memory.remember_person(PUTIN, token=4, subject=False)  # "Abe met Putin."
    assert memory.person_for_pronoun(8, window_start=0) is ABE  # "He said ..."
    assert memory.person_for_pronoun(8, window_start=0, exclude="person:shinzo-abe") is PUTIN


def test_without_a_subject_a_pronoun_is_the_first_person_met_in_the_window():
    memory = DocMemory()
    memory.remember_person(PUTIN, token=2, subject=False)
    memory.remember_person(ABE, token=4, subject=False)
    assert memory.person_for_pronoun(9, window_start=0) is PUTIN
    assert memory.person_for_pronoun(9, window_start=5) is None  # both before the window


def test_each_unnamed_person_is_someone_new():
    memory = DocMemory()
    official = Resolution("person", None, "a senior official", "USAGOV", "USA", "GOV", "role")
    first = memory.new_unnamed(official, "official")
    second = memory.new_unnamed(official, "official")
    assert (first.actor_id, second.actor_id) == ("unnamed:official-1", "unnamed:official-2")
    assert memory.unnamed["official"] is second and first.code == "USAGOV"
    assert DocMemory.key(first) == "unnamed:official-1"
    assert DocMemory.key(Resolution("person", None, "Kim", None, None, None, "ner")) == "name:Kim"


TRUMP = person("person:donald-trump", "USAGOV")
ERDOGAN = person("person:recep-tayyip-erdogan", "TURGOV")


def test_of_two_persons_the_text_titled_alike_a_role_goes_to_the_one_named_most():
    # "President Donald Trump ... Trump ally ... President Erdogan ... the president's
    # support": the story's president, not the latest one titled
    memory = DocMemory()
    memory.remember_person(
        TRUMP, token=3, subject=False, titles=("president",), said=("president",)
    )
    memory.remember_person(TRUMP, token=20, subject=False)
    memory.remember_person(
        ERDOGAN, token=30, subject=False, titles=("president",), said=("president",)
    )
    assert memory.person_for_role("president", None, {"president"}, generic=False) is TRUMP
    # named as often: the latest
    memory.remember_person(ERDOGAN, token=40, subject=False)
    assert memory.person_for_role("president", None, {"president"}, generic=False) is ERDOGAN


def test_a_namesake_with_no_country_never_outweighs_a_placed_office_holder():
    king = person("person:king", None, by="ner")
    abdullah = person("person:abdullah", "SAUGOV")
    memory = DocMemory()
    memory.remember_person(abdullah, token=2, subject=True, titles=("king",), said=("king",))
    for token in (10, 20, 30):
        memory.remember_person(king, token=token, subject=True, titles=("king",), said=("king",))
    assert memory.person_for_role("king", None, {"king"}, generic=False) is abdullah
