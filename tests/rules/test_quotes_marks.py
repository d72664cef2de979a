"""Quoted passages found by their marks (``quotes/marks.py``): plain text in, passages and
warnings out, with the shipped quote marks."""

from __future__ import annotations

import pytest

from detente.quotes.marks import find_quoted_passages


@pytest.fixture(scope="module")
def passages(knowledge):
    """``passages(text)`` -> (contents of the passages, warning details)."""

    def run(text: str):
        found, warnings = find_quoted_passages(text, knowledge.quote_lexicon)
        return [text[p.start : p.end] for p in found], [w.detail for w in warnings]

    return run


def test_a_passage_is_the_content_between_its_marks(knowledge):
    text = "Abe said: “We are ready.” Then he left."
    (passage,), warnings = find_quoted_passages(text, knowledge.quote_lexicon)
    assert text[passage.start : passage.end] == "We are ready."
    assert (passage.open_mark, passage.close_mark) == (text.index("“"), text.index("”"))
    assert warnings == []


def test_straight_marks_open_or_close_by_the_characters_around_them(passages):
    assert passages('He said "no" and "yes," then left.') == (["no", "yes,"], [])


def test_a_quote_inside_a_quote_is_part_of_it(passages):
    assert passages("“He told me “no” twice,” she said.") == (["He told me “no” twice,"], [])


def test_a_quote_reopened_at_each_paragraph_is_one_passage(knowledge):
    text = "“The first year was hard.\n\n“The second was better,” said Lena."
    (passage,), warnings = find_quoted_passages(text, knowledge.quote_lexicon)
    assert [text[a:b] for a, b in passage.pieces] == [
        "The first year was hard.",
        "The second was better,",
    ]
    assert warnings == []


def test_a_quote_not_closed_by_the_end_of_its_paragraph_warns(passages):
    found, warnings = passages("“We will win, he said.\n\nThe vote is on Monday.")
    assert found == ["We will win, he said."]
    assert warnings == ["quote opened at offset 0 is not closed by the end of its paragraph"]


def test_a_quote_never_closed_warns(passages):
    assert passages("She said “never") == (
        ["never"],
        ["quote opened at offset 9 is never closed"],
    )


def test_a_closing_mark_without_an_opening_one_warns(passages):
    assert passages("He left.” Then") == (
        [],
        ["closing quote mark at offset 8 has no opening mark"],
    )


def test_apostrophes_are_no_marks_and_a_pair_of_single_marks_quotes(passages):
    assert passages("Japan’s leader said ’92 was a bad year.") == ([], [])
    assert passages("Japan’s leader said ‘maybe’ in ’92.") == (["maybe"], [])


def test_an_opening_mark_glued_to_a_word_closes_german_quotes(passages):
    assert passages("Merkel sagte: „Wir schaffen das.“ Dann ging sie.") == (
        ["Wir schaffen das."],
        [],
    )


def test_empty_marks_make_no_passage(passages):
    assert passages("He said “” and left.") == ([], [])
