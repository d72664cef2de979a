"""Event dates (``events/dates.py``): tense, the date word of a trigger's own clause, and
the article date it moves, on parses built by hand (``resolve`` itself: test_events.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from detente.events.dates import event_date, find_date_word, is_future, is_past

FRIDAY = dt.date(2017, 2, 10)


@pytest.fixture(scope="module")
def date_words(knowledge):
    return knowledge.date_words


@pytest.mark.parametrize(
    ("table", "verb", "past"),
    [
        ("Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet", 1, True),
        (
            "Abe nsubj met PROPN\nhas aux met AUX VBZ lemma=have\nmet ROOT - VERB VBN lemma=meet",
            2,
            True,
        ),
        ("Abe nsubj meet PROPN\ndid aux meet AUX VBD lemma=do\nmeet ROOT - VERB VB", 2, True),
        ("Abe nsubj meets PROPN\nmeets ROOT - VERB VBZ lemma=meet", 1, False),
        # an infinitive takes its governor's tense: "agreed to meet"
        (
            "Abe nsubj agreed PROPN\nagreed ROOT - VERB VBD lemma=agree\nto aux meet PART\nmeet xcomp agreed VERB VB",
            3,
            True,
        ),
    ],
)
def test_past_tense(table, verb, past):
    assert is_past(parse(table)[verb]) is past


def test_future_tense_by_auxiliary_or_going_to(date_words):
    future = date_words.future_auxiliaries
    assert is_future(
        parse("Abe nsubj meet PROPN\nwill aux meet AUX MD\nmeet ROOT - VERB VB")[2], future
    )
    going = parse(
        """
        Abe    nsubj  going  PROPN
        is     aux    going  AUX    VBZ  lemma=be
        going  ROOT   -      VERB   VBG  lemma=go
        to     aux    meet   PART
        meet   xcomp  going  VERB   VB
        """
    )
    assert is_future(going[2], future) and is_future(going[4], future)
    assert not is_future(parse("Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet")[1], future)


MET_ON = """
    Abe     nsubj  met     PROPN
    met     ROOT   -       VERB   VBD  lemma=meet
    Putin   dobj   met     PROPN
    on      prep   met     ADP
    {when}  pobj   on      PROPN  NNP  ent=DATE
"""


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("Friday", "2017-02-10"),  # the article's own weekday, in the past
        ("Tuesday", "2017-02-07"),
        ("Saturday", "2017-02-04"),
    ],
)
def test_a_weekday_in_the_past_is_the_latest_on_or_before_the_article(date_words, when, expected):
    doc = parse(MET_ON.format(when=when))
    assert event_date(doc[1], doc[1], FRIDAY, date_words) == expected


def test_a_weekday_in_the_future_is_the_first_on_or_after_the_article(date_words):
    doc = parse(
        """
        Abe       nsubj  meet  PROPN
        will      aux    meet  AUX    MD
        meet      ROOT   -     VERB   VB
        Putin     dobj   meet  PROPN
        on        prep   meet  ADP
        Saturday  pobj   on    PROPN  NNP  ent=DATE
        """
    )
    assert event_date(doc[2], doc[2], FRIDAY, date_words) == "2017-02-11"


def test_a_month_takes_its_day_and_year_from_the_numbers_on_it(date_words):
    doc = parse(
        """
        Abe   nsubj   met  PROPN
        met   ROOT    -    VERB   VBD  lemma=meet
        on    prep    met  ADP
        June  pobj    on   PROPN  NNP  ent=DATE
        3     nummod  June NUM    CD   ent=DATE
        ,     punct   June PUNCT  ,    ent=DATE
        2015  nummod  June NUM    CD   ent=DATE
        """
    )
    assert event_date(doc[1], doc[1], FRIDAY, date_words) == "2015-06-03"
    no_day = parse(
        "Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet\nin prep met ADP\nJune pobj in PROPN NNP"
    )
    assert event_date(no_day[1], no_day[1], FRIDAY, date_words) is None  # no day: unknown


def test_may_is_a_month_only_as_a_proper_noun(date_words):
    modal = parse("Abe nsubj meet PROPN\nmay aux meet AUX MD\nmeet ROOT - VERB VB")
    assert find_date_word(modal[2], modal[2], date_words) is None
    month = parse(
        "Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet\nin prep met ADP\nMay pobj in PROPN NNP"
    )
    assert find_date_word(month[1], month[1], date_words)[0].kind == "month"


def test_a_sub_clauses_date_is_its_own(date_words):
    # "Abe said Putin met him on Tuesday": "said" is dated by the article, "met" by Tuesday
    doc = parse(
        """
        Abe      nsubj  said  PROPN
        said     ROOT   -     VERB   VBD  lemma=say
        Putin    nsubj  met   PROPN
        met      ccomp  said  VERB   VBD  lemma=meet
        him      dobj   met   PRON
        on       prep   met   ADP
        Tuesday  pobj   on    PROPN  NNP  ent=DATE
        """
    )
    assert event_date(doc[1], doc[1], FRIDAY, date_words) == "2017-02-10"
    assert event_date(doc[3], doc[3], FRIDAY, date_words) == "2017-02-07"


def test_a_trigger_noun_is_dated_by_its_own_phrase_then_its_verbs_clause(date_words):
    doc = parse(
        """
        Abe     nsubj     announced  PROPN
        announced ROOT    -          VERB   VBD  lemma=announce
        his     poss      visit      PRON   PRP$
        Friday  compound  visit      PROPN  NNP  ent=DATE
        visit   dobj      announced  NOUN
        """
    )
    word, token = find_date_word(doc[4], doc[1], date_words)
    assert (word.kind, token.text) == ("weekday", "Friday")


def test_no_article_date_no_event_date(date_words):
    doc = parse(MET_ON.format(when="Tuesday"))
    assert event_date(doc[1], doc[1], None, date_words) is None
    plain = parse("Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet")
    assert event_date(plain[1], plain[1], FRIDAY, date_words) == "2017-02-10"


def test_relative_offsets(date_words):
    doc = parse(
        "Abe nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet\nyesterday npadvmod met NOUN NN ent=DATE"
    )
    assert event_date(doc[1], doc[1], FRIDAY, date_words) == "2017-02-09"
