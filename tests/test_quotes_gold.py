"""The BBC quote gold (issue 15): building strings into offsets, reading it into the
PolNeAR scorer's records, scoring and annotator agreement, on hand-made gold."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.eval.quotes import QuoteScores, score_predictions
from detente.eval.quotes_gold import (
    ArticleGold,
    annotator_agreement,
    build_article,
    compare_annotators,
    crosses_sentence,
    find_spans,
    load_bbc_gold,
    nearest,
    paragraph_spans,
    read_articles,
    read_gold_file,
    short_hash,
    to_annotation,
    to_attribution,
)

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Ministers met on Monday.\n\n"
    '"We will win," said Jane Smith, the party leader. "And we will govern."\n\n'
    'Mr Jones said the plan was "a disaster" and warned it would fail. '
    'He said: "It will not work.\n\n'
    '"Nobody believes it."\n\n'
    "Analysts think rates will rise. Prices fell, according to the bank."
)
OTHER_TEXT = "The council met.\n\nIt said the road would close."

A_QUOTES = [
    {"paragraph": 2, "kind": "direct", "content": "We will win,", "cue": "said",
     "speaker": "Jane Smith", "speaker_name": "Jane Smith", "speaker_code": "GBROPP"},
    {"paragraph": 2, "kind": "direct", "content": "And we will govern.", "cue": None,
     "speaker": "Jane Smith", "speaker_name": "Jane Smith", "speaker_code": "GBROPP"},
    {"paragraph": 3, "kind": "mixed", "content": 'the plan was "a disaster"', "cue": "said",
     "speaker": "Mr Jones", "speaker_name": "Tom Jones", "speaker_code": "GBRGOV"},
    {"paragraph": 3, "kind": "reported", "content": "it would fail", "cue": "warned",
     "speaker": "Mr Jones", "speaker_name": "Tom Jones", "speaker_code": "GBRGOV"},
    {"paragraph": 3, "kind": "direct", "content": "It will not work.", "continued": True,
     "cue": "said", "speaker": "He", "speaker_name": "Tom Jones", "speaker_code": "GBRGOV"},
    {"paragraph": 4, "kind": "direct", "content": "Nobody believes it.", "cue": None,
     "speaker": "He", "speaker_paragraph": 3, "speaker_name": "Tom Jones",
     "speaker_code": "GBRGOV", "note": "continued quote"},
    {"paragraph": 5, "kind": "excluded", "content": "rates will rise", "cue": "think",
     "speaker": "Analysts", "speaker_name": "analysts", "speaker_code": None},
    {"paragraph": 5, "kind": "reported", "content": "Prices fell",
     "cue": "according to", "speaker": "the bank", "speaker_name": "the bank",
     "speaker_code": None},
]  # fmt: skip


def annotation(quotes=None, record_id="politics/001"):
    return {"record_id": record_id, "annotator": "A", "quotes": copy.deepcopy(quotes or A_QUOTES)}


def built(quotes=None) -> ArticleGold:
    return build_article(annotation(quotes), TEXT, annotator="A", ref="a.json")


def span(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


# --- paragraphs and string search ---------------------------------------------------------


def test_paragraphs_are_blocks_between_blank_lines_without_outer_space():
    text = "  One.\nStill one.\n\n\n Two. \n \nThree"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["One.\nStill one.", "Two.", "Three"]


def test_whole_words_only_and_every_match():
    assert find_spans("the heir, he said, then he left", "he", 100) == [(110, 112), (124, 126)]
    assert find_spans('he said: "no"', '"no"', 0) == [(9, 13)]


def test_nearest_prefers_the_same_sentence_over_a_closer_match_across_a_full_stop():
    text = 'Smith said in a statement. "We will win," Jones said.'
    quote = (text.index("We"), text.index(",") + 1)
    saids = find_spans(text, "said", 0)
    assert nearest(text, saids, quote) == saids[1]
    assert crosses_sentence(text, saids[0], quote)


def test_a_speaker_is_not_found_inside_the_quote_it_speaks():
    text = 'He spoke. "He was a great man," she said.'
    content = (text.index("He was"), text.index("man,") + 4)
    hes = find_spans(text, "He", 0)
    # no cue: the speaker comes from before the quote, never from its own words
    assert nearest(text, hes, content, content=content) == hes[0]


# --- building -----------------------------------------------------------------------------


def test_strings_become_offsets():
    article = built()
    assert article.sha1_8 == short_hash(TEXT)
    direct, _, mixed, reported, continued, rest, excluded, according = article.quotes
    assert span(TEXT, direct.start, direct.end) == "We will win,"
    assert span(TEXT, direct.speaker_start, direct.speaker_end) == "Jane Smith"
    assert span(TEXT, mixed.cue_start, mixed.cue_end) == "said"
    assert mixed.cue_start < TEXT.index("the plan")  # the cue next to its content
    assert span(TEXT, reported.cue_start, reported.cue_end) == "warned"
    assert continued.continued and continued.end == paragraph_spans(TEXT)[2][1]
    assert rest.speaker_paragraph == 3
    assert span(TEXT, rest.speaker_start, rest.speaker_end) == "He"
    assert rest.speaker_start < paragraph_spans(TEXT)[2][1]
    assert excluded.kind == "excluded" and according.cue_start > excluded.end
    assert continued.paragraph_sha1_8 == short_hash(TEXT[slice(*paragraph_spans(TEXT)[2])])


def test_an_interrupted_quote_is_two_quotes_with_one_speaker():
    first, second = built().quotes[:2]
    assert first.speaker_start == second.speaker_start
    assert second.cue_start is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "quote"}, "kind 'quote' is not one of"),
        ({"colour": "red"}, "unknown field(s) colour"),
        ({"paragraph": True}, "field 'paragraph' has the wrong type"),
        ({"paragraph": 9}, "content paragraph 9 does not exist (1..5)"),
        ({"content": "We will lose,"}, "content 'We will lose,' is not in paragraph 2"),
        ({"content": "will win"}, "direct content must start right after a quotation mark"),
        ({"content": '"We will win'}, "direct content must start right after a quotation mark"),
        ({"speaker_code": "Tory"}, "speaker_code 'Tory' is not a CAMEO actor code"),
        ({"speaker": None, "speaker_paragraph": 2}, "speaker_paragraph is set but speaker"),
        ({"cue": "shouted"}, "cue 'shouted' is not in paragraph 2"),
        ({"speaker_occurrence": 3}, "speaker 'Jane Smith' occurs 1 time(s) in paragraph 2"),
    ],
)
def test_a_bad_quote_names_the_file_the_quote_and_the_fault(change, message):
    quotes = copy.deepcopy(A_QUOTES)
    quotes[0].update(change)
    with pytest.raises(InputError) as error:
        built(quotes)
    assert "a.json" in str(error.value) and "quote 1: " in str(error.value)
    assert message in str(error.value)


def test_reported_speech_needs_its_cue_and_only_direct_quotes_continue():
    quotes = copy.deepcopy(A_QUOTES)
    quotes[3]["cue"] = None
    with pytest.raises(InputError, match="quote 4: a reported quote needs its cue"):
        built(quotes)
    quotes = copy.deepcopy(A_QUOTES)
    quotes[3]["continued"] = True
    with pytest.raises(InputError, match="only direct quotes can be continued"):
        built(quotes)


def test_a_direct_quote_without_its_closing_mark_must_say_it_continues():
    quotes = copy.deepcopy(A_QUOTES)
    del quotes[4]["continued"]
    with pytest.raises(InputError, match="quote 5: direct content must end right before"):
        built(quotes)


def test_a_repeated_content_string_needs_its_occurrence():
    text = '"Yes," he said. Later: "Yes," she said.'
    quote = {"paragraph": 1, "kind": "direct", "content": "Yes,", "cue": "said", "speaker": "she"}
    with pytest.raises(InputError, match="occurs 2 times in paragraph 1"):
        build_article(annotation([quote]), text, annotator="A", ref="b.json")
    quote["content_occurrence"] = 2
    article = build_article(annotation([quote]), text, annotator="A", ref="b.json")
    (only,) = article.quotes
    assert only.start == text.rindex("Yes")
    assert span(text, only.cue_start, only.cue_end) == "said"
    assert only.cue_start == text.rindex("said")


def test_a_file_must_be_one_object_of_the_right_annotator_with_a_quote_list():
    with pytest.raises(InputError, match="must hold one JSON object"):
        build_article([], TEXT, annotator="A", ref="c.json")
    with pytest.raises(InputError, match="annotator 'A' is not 'B'"):
        build_article(annotation(), TEXT, annotator="B", ref="c.json")
    with pytest.raises(InputError, match="quotes must be a list"):
        build_article({"record_id": "x", "quotes": None}, TEXT, annotator="A", ref="c.json")


def test_export_gives_back_strings_that_build_to_the_same_gold():
    article = built()
    exported = to_annotation(article, TEXT)
    assert exported["quotes"][4]["continued"] is True
    assert exported["quotes"][5]["speaker_paragraph"] == 3
    assert build_article(exported, TEXT, annotator="A", ref="export") == article


def test_gold_records_survive_json():
    article = built()
    assert ArticleGold.from_json(json.loads(json.dumps(article.to_json()))) == article


# --- reading into the PolNeAR scorer ------------------------------------------------------


def test_mixed_quotes_are_direct_and_the_source_head_is_the_resolved_name():
    article = built()
    attributions = [to_attribution(quote, TEXT) for quote in article.quotes]
    assert [a.kind for a in attributions] == [
        "direct", "direct", "direct", "reported", "direct", "direct", "excluded", "reported"
    ]  # fmt: skip
    continued = attributions[5]
    assert continued.source_text == "Tom Jones"
    assert span(TEXT, *continued.sources[0]) == "He"
    assert attributions[1].cue == ""


@pytest.fixture
def gold_dir(tmp_path):
    """A gold directory with two articles (one per split), A on both and B on the first."""
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "politics/001", "category": "politics", "text": TEXT},
        {"id": "business/002", "category": "business", "text": OTHER_TEXT},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "articles.tsv").write_text(
        "record_id\tcategory\tsplit\tdouble\tsha1_8\n"
        f"politics/001\tpolitics\tdev\tyes\t{short_hash(TEXT)}\n"
        f"business/002\tbusiness\ttest\tno\t{short_hash(OTHER_TEXT)}\n",
        encoding="utf-8",
    )
    other = build_article(
        {
            "record_id": "business/002",
            "quotes": [
                {
                    "paragraph": 2,
                    "kind": "reported",
                    "content": "the road would close",
                    "cue": "said",
                    "speaker": "It",
                    "speaker_name": "the council",
                    "speaker_code": "GBRGOV",
                }
            ],
        },  # fmt: skip
        OTHER_TEXT,
        annotator="A",
        ref="b.json",
    )
    b_quotes = copy.deepcopy(A_QUOTES[:4])  # B misses the continued quote and the bank
    b_quotes[2]["speaker_name"] = "Jones"
    b = build_article(
        {"record_id": "politics/001", "annotator": "B", "quotes": b_quotes},
        TEXT,
        annotator="B",
        ref="b.json",
    )
    for name, articles in {"A": [built(), other], "B": [b]}.items():
        (gold / f"gold.{name}.jsonl").write_text(
            "".join(json.dumps(a.to_json()) + "\n" for a in articles), encoding="utf-8"
        )
    return gold, corpus


def test_a_split_gives_one_document_per_annotator_weighted_to_count_once(gold_dir):
    gold, corpus = gold_dir
    dev = load_bbc_gold(gold, "dev", corpus=corpus)
    assert [(d.name, d.annotator, d.weight) for d in dev] == [
        ("politics/001", "A", 0.5),
        ("politics/001", "B", 0.5),
    ]
    assert len(dev[0].attributions) == 8 and dev[0].text == TEXT
    test = load_bbc_gold(gold, "test", corpus=corpus, annotators=["A"])
    assert [(d.name, d.weight) for d in test] == [("business/002", 1.0)]
    assert [a.split for a in read_articles(gold)] == ["dev", "test"]


def test_changed_corpus_text_is_drift(gold_dir):
    gold, corpus = gold_dir
    corpus.write_text(
        corpus.read_text(encoding="utf-8").replace("Ministers met", "Ministers sat"),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="politics/001: the corpus text has changed"):
        load_bbc_gold(gold, "dev", corpus=corpus)


def test_bad_split_missing_gold_and_unannotated_articles_are_clear_errors(gold_dir, tmp_path):
    gold, corpus = gold_dir
    with pytest.raises(InputError, match="split 'train' is not one of dev, test"):
        load_bbc_gold(gold, "train", corpus=corpus)
    with pytest.raises(InputError, match="annotator 'C' has no built gold"):
        load_bbc_gold(gold, "dev", corpus=corpus, annotators=["C"])
    with pytest.raises(InputError, match="article business/002 has no annotation"):
        load_bbc_gold(gold, "test", corpus=corpus, annotators=["B"])
    with pytest.raises(InputError, match="no articles.tsv"):
        load_bbc_gold(tmp_path / "nowhere", "dev", corpus=corpus)


def test_predictions_are_scored_by_the_polnear_rules(gold_dir):
    gold, corpus = gold_dir
    documents = load_bbc_gold(gold, "dev", corpus=corpus, annotators=["A"])
    said = TEXT.index("Mr Jones")
    predicted = [
        # the mixed quote found as direct, speaker span right
        (TEXT.index("the plan"), TEXT.index("disaster") + 9, "direct", said, said + 8, "Jones"),
        # the reported clause, speaker left unresolved: the head word of the name decides
        (TEXT.index("it would"), TEXT.index("fail") + 4, "indirect", None, None, "Tom Jones"),
        # the belief: matches only an excluded item, so neither right nor wrong
        (TEXT.index("rates"), TEXT.index("rise") + 4, "indirect", None, None, None),
        # nothing there
        (0, 9, "direct", None, None, None),
    ]
    scores = score_predictions(documents, [predicted])
    direct, reported = scores.kinds["direct"], scores.kinds["reported"]
    assert (direct.tp, direct.fp, direct.fn) == (1, 1, 4)
    assert (reported.tp, reported.fp, reported.fn) == (1, 0, 1)
    assert (scores.speaker_right, scores.speaker_total) == (2, 2)


@pytest.mark.slow
@pytest.mark.model
def test_the_pipeline_is_scored_on_a_gold_split(gold_dir):
    from detente.eval.quotes_gold import evaluate_bbc_quotes

    gold, corpus = gold_dir
    scores = evaluate_bbc_quotes(gold_dir=gold, split="dev", corpus=corpus)
    assert (scores.documents, scores.annotations) == (1, 2)
    assert scores.split == "dev" and "BBC News" in scores.corpus
    # A's 5 direct-class quotes and B's 3, each annotator weighing one half
    assert scores.gold_counts["direct"] == pytest.approx(4.0)
    assert scores.kinds["direct"].tp + scores.kinds["direct"].fn == pytest.approx(4.0)


def test_scores_name_their_corpus():
    assert "Quotes on BBC News dev" in QuoteScores(split="dev", corpus="BBC News").to_markdown()
    assert "Quotes on PolNeAR dev" in QuoteScores(split="dev").to_markdown()


# --- agreement ----------------------------------------------------------------------------


def test_agreement_scores_one_annotator_against_the_other(gold_dir):
    gold, corpus = gold_dir
    agreement = annotator_agreement(gold, corpus=corpus)
    assert agreement.articles == 1 and (agreement.reference, agreement.other) == ("A", "B")
    kinds = agreement.scores.kinds
    # A has 5 direct (mixed counts as direct) and 2 reported; B found 3 and 1 of them
    assert (kinds["direct"].tp, kinds["direct"].fn, kinds["direct"].fp) == (3, 2, 0)
    assert (kinds["reported"].tp, kinds["reported"].fn) == (1, 1)
    assert agreement.scores.speaker_accuracy == 1.0
    assert (agreement.same_name, agreement.named_pairs) == (3, 4)
    assert agreement.code_agreement == 1.0
    assert "Jones" in agreement.disagreements[0]
    assert "Annotator B against annotator A on 1 BBC articles" in agreement.to_markdown()


def test_agreement_needs_shared_articles():
    with pytest.raises(InputError, match="share no article"):
        compare_annotators([built()], [], {"politics/001": TEXT})


# --- the builder script -------------------------------------------------------------------


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "gold" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_builder_writes_offsets_exports_strings_and_stops_on_a_bad_file(gold_dir, capsys):
    gold, corpus = gold_dir
    builder = load_script("build_bbc_quotes")
    built_a = sorted(read_gold_file(gold / "gold.A.jsonl"), key=lambda a: a.record_id)
    assert builder.main(["--gold-dir", str(gold), "--corpus", str(corpus), "--export", "A"]) == 0
    assert builder.main(["--gold-dir", str(gold), "--corpus", str(corpus), "--annotator", "A"]) == 0
    assert read_gold_file(gold / "gold.A.jsonl") == built_a
    out = capsys.readouterr().out
    assert "| direct | 4 | 0 | 4 |" in out and "| multi-paragraph quotes | 1 | 0 | 1 |" in out
    path = gold / "annotations" / "A" / "politics_001.json"
    broken = json.loads(path.read_text(encoding="utf-8"))
    broken["quotes"][2]["content"] = "the plan was a disaster"
    path.write_text(json.dumps(broken), encoding="utf-8")
    assert builder.main(["--gold-dir", str(gold), "--corpus", str(corpus), "--annotator", "A"]) == 1
    err = capsys.readouterr().err
    assert "politics_001.json: quote 3: content 'the plan was a disaster' is not in" in err
    assert builder.main(["--gold-dir", str(gold), "--corpus", str(corpus), "--export", "A"]) == 1
    assert "use --force" in capsys.readouterr().err


# --- the committed gold -------------------------------------------------------------------


def test_the_committed_gold_matches_the_corpus_and_covers_every_sampled_article(shared_dir):
    articles = read_articles()
    assert len(articles) == 70
    assert {a.split for a in articles} == {"dev", "test"}
    assert sum(a.double for a in articles) == 12
    for split in ("dev", "test"):
        documents = load_bbc_gold(split=split, annotators=["A"])
        assert len(documents) == 35
    annotated = {a.record_id for a in read_gold_file(ROOT / "gold" / "quotes_bbc" / "gold.A.jsonl")}
    assert annotated == {a.record_id for a in articles}
