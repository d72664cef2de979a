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
    find_kickers,
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


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("Story highlights The two leaders met at the White House", "Story highlights "),
        ("CLOSE A gunman opened fire during services, leaving one dead.", "CLOSE "),
        ("UPDATE: The president explained why the envoy should not testify.", "UPDATE: "),
        (
            "Update at 7:12 p.m. ET. All victims at the hospital will survive.",
            "Update at 7:12 p.m. ET. ",
        ),
        ("Breaking news: Rebels seized the airport.", "Breaking news: "),
        ("<noinclude> Leaders announced a deal.", "<noinclude> "),
        ("publish A new poll predicts a minority government.", "publish "),
        ("'April 8, 2005' More than 500 activists were arrested.", "'April 8, 2005' "),
        ("<br><br> A court found her guilty.", "<br><br> "),
        ("__NOTOC__ The protests went on.", "__NOTOC__ "),
        ("'May 14, 2005 ' The minister resigned.", "'May 14, 2005 ' "),
        ("Climate change infobox The Green party has ranked first.", "Climate change infobox "),
    ],
)
def test_furniture_run_into_the_story_is_cut_off(rules, line, prefix):
    assert kinds(line, rules) == [("furniture", prefix)]


def test_stamps_and_players_alone_on_their_line(rules):
    assert kinds("Updated at 10:30 a.m. ET", rules) == [("furniture", "Updated at 10:30 a.m. ET")]
    line = "LISTEN TO ARTICLE 3:56 SHARE THIS ARTICLE Share Tweet Post Email"
    assert kinds(line, rules) == [("furniture", line)]


def test_prose_that_opens_like_furniture_is_kept(rules):
    for line in (
        "Breaking with the president, the senator backed the deal.",
        "Updated figures show the economy grew.",
        "Close allies of the minister resigned.",
        "Story highlights were never written.",
    ):
        assert kinds(line, rules) == [], line


def test_the_headline_run_into_the_story(rules):
    title = "Mattis breaks with Trump on Iran"
    text = "Mattis breaks  with Trump on Iran The defense secretary said the deal must stand."
    assert kinds(text, rules, title=title) == [("headline", "Mattis breaks  with Trump on Iran ")]
    # the headline that is the start of the story's own sentence is no furniture
    assert kinds("Mattis breaks with Trump on Iran in a speech.", rules, title=title) == []
    assert kinds("Mattis breaks with Trump on Iran.", rules, title=title) == []
    assert kinds("Iran talks The talks failed.", rules, title="Iran talks") == []  # too short


OPENERS = frozenset({"the", "a", "after", "according", "on", "in", "he", "several"})
DETERMINERS = frozenset({"the", "a", "an", "this"})


def tagged(vocab, pairs: str) -> Doc:
    """A Doc from "word/TAG word/TAG ..." (one space between words)."""
    words, tags = zip(*(item.rsplit("/", 1) for item in pairs.split()), strict=True)
    return Doc(vocab, words=list(words), tags=list(tags))


def kickers(doc: Doc, furniture=()) -> list[str]:
    found = find_kickers(doc, list(furniture), openers=OPENERS, determiners=DETERMINERS)
    assert all(f.kind == "kicker" for f in found)
    return [doc.text[f.start : f.end] for f in found]


def test_a_label_before_the_story(nlp):
    doc = tagged(
        nlp.vocab,
        "Zimbabwe/NNP The/DT opposition/NN party/NN has/VBZ announced/VBN a/DT boycott/NN ./.",
    )
    assert kickers(doc) == ["Zimbabwe "]
    doc = tagged(
        nlp.vocab,
        "Iraq/NNP war/NN According/VBG to/IN officials/NNS ,/, troops/NNS will/MD leave/VB ./.",
    )
    assert kickers(doc) == ["Iraq war "]
    doc = tagged(nlp.vocab, "Kenya/NNP Kenya/NNP 's/POS parliament/NN met/VBD today/NN ./.")
    assert kickers(doc) == ["Kenya "]


def test_a_label_after_the_furniture_that_opens_the_line(nlp):
    doc = tagged(
        nlp.vocab, "<noinclude>/NFP Iraq/NNP Several/JJ bombs/NNS killed/VBD 190/CD people/NNS ./."
    )
    prefix = Furniture(0, doc[1].idx, "furniture")
    assert kickers(doc, [prefix]) == ["Iraq "]
    caption = Furniture(0, len(doc.text), "caption")  # a whole line of furniture: no label in it
    assert kickers(doc, [caption]) == []


def test_no_label_in_a_sentence(nlp):
    for pairs in (
        # a sentence with its verb before the capitalised word
        "Obama/NNP met/VBD The/DT Elders/NNPS in/IN Washington/NNP ./.",
        # a title that opens with "The" after its description
        "Finnish/JJ film/NN The/DT Three/CD Rooms/NNPS looks/VBZ at/IN the/DT war/NN ./.",
        "Comedy/NNP Meet/NNP The/DT Fockers/NNPS topped/VBD the/DT box/NN office/NN ./.",
        # a wh-word is no label
        "Why/WRB We/PRP Fight/VBP won/VBD the/DT prize/NN ./.",
        # a title-case headline: its clause is not in sentence case
        "Dozens/NNS After/IN Talks/NNS Call/VBP For/IN Military/NNP Pressure/NNP On/IN Syria/NNP",
        # a drop cap in capitals is the story's first word
        "M/NNP EN/NNP WITH/IN guns/NNS fill/VBP the/DT town/NN ./.",
        # no finite verb after the capitalised word
        "Talks/NNS In/IN Geneva/NNP and/CC the/DT outcome/NN of/IN the/DT vote/NN",
    ):
        assert kickers(tagged(nlp.vocab, pairs)) == [], pairs


def test_no_label_on_a_line_with_furniture_or_without_tags(nlp):
    doc = tagged(
        nlp.vocab,
        "Zimbabwe/NNP The/DT opposition/NN party/NN has/VBZ announced/VBN a/DT boycott/NN",
    )
    assert kickers(doc, [Furniture(0, 8, "dateline")]) == []
    untagged = Doc(nlp.vocab, words=[t.text for t in doc])
    assert kickers(untagged) == []


def test_the_label_is_its_own_sentence_and_codes_nothing(nlp):
    text = "Zimbabwe The opposition party of Zimbabwe has announced that it will boycott the vote."
    doc = nlp(make_doc(nlp, Article(ref="t", text=text)))
    assert [(f.kind, text[f.start : f.end]) for f in doc._.furniture] == [("kicker", "Zimbabwe ")]
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Zimbabwe" and sents[1].startswith("The opposition party")
    assert all(e.sentence_start >= text.index("The") for e in doc._.events)
