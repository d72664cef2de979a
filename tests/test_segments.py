"""Sentence boundaries at line breaks and datelines, and the news furniture no stage reads
(``detente.nlp.segments``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from detente.knowledge import load_knowledge
from detente.nlp import make_doc
from detente.nlp.segments import (
    Furniture,
    find_furniture,
    in_furniture,
    is_furniture_sentence,
    set_boundaries,
)
from detente.records import Article


@pytest.fixture(scope="module")
def rules():
    return load_knowledge().news_furniture


def kinds(text: str, rules, title: str | None = None) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_furniture(text, rules, title=title)]


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("LONDON (Reuters) - Iran seized a tanker.", "LONDON (Reuters) - "),
        ("Washington (CNN) Iran seized a tanker.", "Washington (CNN) "),
        ("(CNN) - Iran seized a tanker.", "(CNN) - "),
        ("HANOI, Vietnam — Trump met Kim.", "HANOI, Vietnam — "),
        ("WASHINGTON — The Senate voted.", "WASHINGTON — "),
    ],
)
def test_datelines_are_cut_off_their_line(rules, line, dateline):
    assert kinds(line, rules) == [("dateline", dateline)]


def test_a_sentence_opening_with_a_capital_is_no_dateline(rules):
    assert kinds("Iran seized a tanker - the second this month.", rules) == []
    assert kinds("NATO allies met in Brussels.", rules) == []


def test_whole_lines_of_furniture(rules):
    text = (
        "Trump hosts Abe\n"
        "By John Smith and Jane Doe, Associated Press\n"
        "Advertisement\n"
        "FILE PHOTO: Abe speaks in Tokyo, Japan, May 5, 2017.\n"
        "Abe waves to reporters. (AP Photo/Eugene Hoshiko)\n"
        "Story Continued Below\n"
        "Trump hosts Abe\n"
        "Trump hosted Abe on Friday.\n"
    )
    found = kinds(text, rules, title="Trump hosts  Abe")
    assert [kind for kind, _ in found] == [
        "headline",
        "byline",
        "furniture",
        "caption",
        "credit",
        "furniture",
        "headline",
    ]
    assert "Trump hosted Abe on Friday." not in {span for _, span in found}


def test_spans_inside_furniture():
    furniture = [Furniture(0, 10, "dateline")]
    assert in_furniture(furniture, 0, 6) and in_furniture(furniture, 2, 10)
    assert not in_furniture(furniture, 8, 12) and not in_furniture([], 0, 1)


def test_boundaries_on_a_hand_built_doc(nlp):
    # LONDON ( Reuters ) - Iran seized \n\n Abe met Putin
    words = ["LONDON", "(", "Reuters", ")", "-", "Iran", "seized", "\n\n", "Abe", "met", "Putin"]
    spaces = [True, False, False, True, True, True, False, False, True, True, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    set_boundaries(doc, [Furniture(0, doc[5].idx, "dateline")])
    starts = [t.i for t in doc[1:] if t.is_sent_start]
    assert starts == [5, 8]  # the story after the dateline; the line after the break
    assert all(doc[i].is_sent_start is False for i in (1, 2, 3, 4))  # the dateline is one piece


def test_the_parser_keeps_the_boundaries(nlp):
    text = "LONDON (Reuters) - Iran seized a British tanker\nThe crew was unhurt, officials said."
    doc = nlp(make_doc(nlp, Article(ref="t", text=text)))
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "LONDON (Reuters) -"
    assert sents[1] == "Iran seized a British tanker"
    assert not any("\n" in s for s in sents)
    assert is_furniture_sentence(doc._.furniture, next(iter(doc.sents)))
    assert not is_furniture_sentence(doc._.furniture, list(doc.sents)[1])


def test_no_actor_in_furniture(nlp):
    text = "MOSCOW (Reuters) - Putin met Abe on Friday.\nPhoto: Putin in Moscow. REUTERS/Maxim Shemetov"
    doc = nlp(make_doc(nlp, Article(ref="t", text=text)))
    assert [f.kind for f in doc._.furniture] == ["dateline", "caption"]
    events = doc._.events
    assert events and all(e.sentence_start >= text.index("Putin") for e in events)
    assert all(e.sentence_end <= doc._.furniture[1].start for e in events)
