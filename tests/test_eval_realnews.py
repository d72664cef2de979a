"""The real-news event gold: scorer on hand-made gold (numbers computed by hand), the
builder and sampler scripts on small real files, and the committed index against the corpora."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.eval.realnews import (
    AnnotatorGold,
    Counts,
    GoldActor,
    GoldArticle,
    GoldEvent,
    GoldSentence,
    Prediction,
    RealnewsGold,
    agreement,
    bootstrap_ci,
    cohen_kappa,
    load_gold,
    load_texts,
    read_articles,
    read_sentences,
    score_realnews,
    to_prediction,
)
from detente.records import Event, EventActor, TextSpan, make_doc_id

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts" / "gold"
GOLD_DIR = ROOT / "gold" / "realnews"

# ---------------------------------------------------------------- hand-made gold

KEY = "allsides:a1"
SENTENCES = {KEY: (GoldSentence(KEY, 0, 0, 50, "-"), GoldSentence(KEY, 1, 50, 100, "-"))}


def actor(code: str | GoldActor | None) -> GoldActor | None:
    if code is None or isinstance(code, GoldActor):
        return code
    return GoldActor(code.lower(), 0, 1, code)


def gold_event(n, start, cameo, plover, source, target, factuality="asserted", symmetric=False):
    return GoldEvent(
        article=KEY, annotator="A1", n=n, sentence_start=50 * n, sentence_end=50 * n + 50,
        trigger="x", start=start, end=start + 1, source=actor(source), target=actor(target),
        cameo=cameo, plover=plover, factuality=factuality, symmetric=symmetric,
    )  # fmt: skip


GOLD_EVENTS = (
    gold_event(0, 3, "190", "ASSAULT", "USAMIL", "IRQ"),  # g1
    gold_event(0, 8, "040", "CONSULT", "JPNGOV", "USAGOV", symmetric=True),  # g2
    gold_event(1, 60, "042", "CONSULT", "RUSGOV", "CHN", factuality="intended"),  # g3
    gold_event(1, 55, "010", None, "RUSGOV", None),  # g4
)


def pred(start, cameo, plover, source, target, factuality="asserted", doc="d1"):
    return Prediction(doc, start, plover, cameo, source, target, factuality)


PREDICTIONS = [
    pred(5, "190", "ASSAULT", "USA", "IRQ"),  # p1 = g1
    pred(10, "040", "CONSULT", "USA", "JPN"),  # p2 = g2, other direction
    pred(12, "043", "CONSULT", "USA", "JPN"),  # p3 duplicate of g2
    pred(60, "042", "CONSULT", "RUS", "CHN", factuality="intended"),  # p4 = g3, not asserted
    pred(70, "051", "SUPPORT", "RUS", "CHN"),  # p5 false
    pred(55, "010", None, "RUS", None),  # p6 = g4 (no PLOVER category)
    pred(150, "190", "ASSAULT", "USA", "IRQ"),  # outside the gold sentences: ignored
    pred(5, "190", "ASSAULT", "USA", "IRQ", doc="other"),  # another document: ignored
]


def hand_gold(events=GOLD_EVENTS) -> RealnewsGold:
    article = GoldArticle("allsides", "a1", "2020-01-01", "dev", False, 2)
    return RealnewsGold(
        (article,), SENTENCES, {KEY: "d1"}, AnnotatorGold("A1", frozenset({KEY}), tuple(events))
    )


def test_strict_plover_pairs_one_to_one_and_ignores_unasserted():
    scores = score_realnews(hand_gold(), PREDICTIONS, resamples=0)
    # gold in scope g1, g2; predictions p1, p2, p3, p5; p2 matches g2 by symmetry, p3 is extra
    strict = scores.strict
    assert (strict.correct, strict.predicted, strict.gold) == (2, 4, 2)
    assert (strict.precision, strict.recall) == (0.5, 1.0)
    assert strict.f1 == pytest.approx(2 / 3)
    assert (scores.articles, scores.sentences) == (1, 2)


def test_lenient_and_cameo_variants():
    v = score_realnews(hand_gold(), PREDICTIONS, resamples=0).variants
    assert (v["lenient-plover"].correct, v["lenient-plover"].predicted, v["lenient-plover"].gold) == (3, 5, 3)  # fmt: skip
    assert v["lenient-plover"].f1 == pytest.approx(0.75)
    # roots keep the root-01 statement (g4 = p6); 040 and 043 share root 04
    assert (v["strict-root"].correct, v["strict-root"].predicted, v["strict-root"].gold) == (
        3,
        5,
        3,
    )
    assert (v["strict-code"].correct, v["strict-code"].predicted) == (3, 5)
    assert (v["lenient-root"].correct, v["lenient-root"].predicted, v["lenient-root"].gold) == (4, 6, 4)  # fmt: skip
    assert v["lenient-code"].correct == 4


def test_per_category_and_errors():
    scores = score_realnews(hand_gold(), PREDICTIONS, resamples=0)
    cats = scores.by_category
    assert (cats["ASSAULT"].correct, cats["ASSAULT"].predicted, cats["ASSAULT"].gold) == (1, 1, 1)
    assert (cats["CONSULT"].precision, cats["CONSULT"].recall) == (0.5, 1.0)
    assert (cats["SUPPORT"].predicted, cats["SUPPORT"].correct, cats["SUPPORT"].gold) == (1, 0, 0)
    spurious = {(e.n, p.cameo) for e in scores.errors for p in e.spurious}
    assert spurious == {(0, "043"), (1, "051")}
    assert not any(e.missed for e in scores.errors)


def test_target_must_agree_and_null_target_matches_only_null():
    events = (gold_event(0, 3, "111", "ACCUSE", "USAGOV", None),)
    for target, correct in ((None, 1), ("IRN", 0)):
        scores = score_realnews(hand_gold(events), [pred(3, "111", "ACCUSE", "USA", target)], resamples=0)  # fmt: skip
        assert scores.strict.correct == correct
    # an undirected gold event is not symmetric: the reverse dyad does not match
    events = (gold_event(0, 3, "111", "ACCUSE", "USAGOV", "IRN"),)
    scores = score_realnews(
        hand_gold(events), [pred(3, "111", "ACCUSE", "IRN", "USA")], resamples=0
    )
    assert scores.strict.correct == 0


def test_unknown_actor_codes_are_not_scored():
    events = (gold_event(0, 3, "170", "COERCE", "SYR", None), gold_event(0, 4, "170", "COERCE", GoldActor("hackers", 0, 1, None), "USAMED"))  # fmt: skip
    scores = score_realnews(hand_gold(events), [], resamples=0)
    assert scores.skipped_gold == 1 and scores.strict.gold == 1
    # agreement leaves them out of the event scores too, but still pairs their triggers
    both = AnnotatorGold("A1", frozenset({KEY}), events)
    result = agreement(both, both, SENTENCES)
    assert result.events["strict-plover"].gold == 1 and result.triggers.correct == 2


def test_predictions_from_events_and_dicts():
    def event_actor(code, country):
        return EventActor("x", 0, 1, None, None, code, country, None)

    event = Event(
        doc_id="d1", start=5, end=9, sentence_start=0, sentence_end=50,
        trigger=TextSpan("bomb", 5, 9), date=None,
        source=event_actor("USAMIL", "USA"), target=event_actor("IGOUNO", None),
        cameo="190", cameo_root="19", plover="ASSAULT", quad_class=4, goldstein=-10.0,
    )  # fmt: skip
    p = to_prediction(event)
    assert (p.doc_id, p.start, p.source, p.target, p.factuality) == ("d1", 5, "USA", "IGO", "asserted")  # fmt: skip
    negated = {"doc_id": "d1", "trigger": {"start": 7}, "source": {"code": "RUSGOV", "country": None},
               "target": None, "cameo": "040", "plover": "CONSULT", "negated": True, "modality": "asserted"}  # fmt: skip
    p = to_prediction(negated)
    assert (p.start, p.source, p.target, p.factuality) == (7, "RUS", None, "negated")
    reported = dict(negated, negated=False, modality="reported")
    assert to_prediction(reported).factuality == "reported"
    assert to_prediction(reported, asserted_modalities=("asserted", "reported")).asserted


def test_bootstrap_intervals():
    same = [Counts(1, 2, 2)] * 5  # every article P = R = 0.5: no spread
    ci = bootstrap_ci(same, resamples=200)
    assert ci["precision"] == (0.5, 0.5) and ci["f1"] == (0.5, 0.5)
    mixed = [Counts(1, 1, 1), Counts(0, 1, 1), Counts(2, 2, 3), Counts(0, 0, 1)]
    first, again = bootstrap_ci(mixed), bootstrap_ci(mixed)
    assert first == again  # seeded
    low, high = first["recall"]
    assert 0.0 <= low < 3 / 6 < high <= 1.0


def test_cohen_kappa_by_hand():
    # observed 3/4; marginals a: 3 vs 2, b: 1 vs 2 -> expected (6 + 2) / 16 = 0.5 -> kappa 0.5
    pairs = [("asserted", "asserted"), ("asserted", "asserted"), ("asserted", "possible"), ("possible", "possible")]  # fmt: skip
    assert cohen_kappa(pairs) == pytest.approx(0.5)
    assert cohen_kappa([("asserted", "asserted")] * 3) is None
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_agreement_between_annotators():
    a = AnnotatorGold("A1", frozenset({KEY}), GOLD_EVENTS)
    b_events = (
        gold_event(0, 3, "190", "ASSAULT", "USAMIL", "IRQ"),  # same as g1
        gold_event(
            0, 8, "042", "CONSULT", "USAGOV", "JPNGOV", factuality="possible"
        ),  # g2, other code
        gold_event(1, 80, "112", "ACCUSE", "RUSGOV", "USA"),  # B only
    )
    b = AnnotatorGold("B", frozenset({KEY}), tuple(replace(e, annotator="B") for e in b_events))
    result = agreement(a, b, SENTENCES)
    assert (result.articles, result.sentences, result.events_a, result.events_b) == (1, 2, 4, 3)
    # triggers: g1-b1 and g2-b2 overlap -> 2 pairs; P = 2/3, R = 2/4
    assert (result.triggers.correct, result.triggers.precision, result.triggers.recall) == (2, 2 / 3, 0.5)  # fmt: skip
    assert result.fields["plover"] == 1.0 and result.fields["cameo"] == 0.5
    assert result.fields["source"] == 0.5  # g2 is JPN->USA, B wrote USA->JPN
    assert result.fields["factuality"] == 0.5
    # factuality pairs (asserted, asserted), (asserted, possible): p_o = 0.5, p_e = 0.5 -> 0
    assert result.factuality_kappa == pytest.approx(0.0)
    # B's events as predictions: strict PLOVER counts g1 only (b2 is not asserted)
    strict = result.events["strict-plover"]
    assert (strict.correct, strict.predicted, strict.gold) == (1, 2, 2)


# ---------------------------------------------------------------- scripts on small files


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


TEXT = "Japan protested to China on Monday.\n\nHe met Xi. Russia said nothing."


@pytest.fixture
def mini_gold(tmp_path):
    """A one-article gold directory and corpus: sentences at 0-35, 37-47, 48-68."""
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    for name in (
        "allsides_international_politics",
        "bbc_news_2004_2005",
        "wikinews_politics_2004_2009",
    ):
        (corpora / f"{name}.jsonl").write_text("", encoding="utf-8")
    record = {"ID": "x1", "date": "2019-05-01", "title": "t", "text": TEXT}
    (corpora / "allsides_international_politics.jsonl").write_text(json.dumps(record) + "\n")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "articles.tsv").write_text(
        "corpus\trecord_id\tdate\tsplit\tdouble\tn_sentences\nallsides\tx1\t2019-05-01\tdev\tno\t3\n"
    )
    from detente.eval.realnews import sentence_hash

    rows = ["corpus\trecord_id\tn\tstart\tend\tsha1_8"]
    for n, (start, end) in enumerate(((0, 35), (37, 47), (48, 68))):
        rows.append(f"allsides\tx1\t{n}\t{start}\t{end}\t{sentence_hash(TEXT[start:end])}")
    (gold / "sentences.tsv").write_text("\n".join(rows) + "\n")
    return gold, corpora


def run_builder(gold: Path, corpora: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "build_realnews.py"), "--gold-dir", str(gold), "--corpora", str(corpora), *args],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip


def annotation(sentences):
    return {
        "article": "allsides:x1",
        "annotator": "A1",
        "date": "2019-05-01",
        "sentences": sentences,
    }


GOOD = [
    {"n": 0, "events": [
        {"trigger": "protested", "source": {"text": "Japan", "code": "JPN"},
         "target": {"text": "China", "code": "CHN"},
         "cameo": "111", "plover": "ACCUSE", "factuality": "asserted"}]},
    {"n": 1, "events": [
        {"trigger": "met", "source": {"text": "He", "code": "JPNGOV"},
         "target": {"text": "Xi", "code": "CHNGOV"},
         "cameo": "040", "plover": "CONSULT", "factuality": "asserted", "symmetric": True}]},
    {"n": 2, "events": [
        {"trigger": "said", "source": {"text": "Russia", "code": "RUS"}, "target": None,
         "cameo": "010", "plover": None, "factuality": "negated"}]},
]  # fmt: skip


def write_annotation(gold: Path, data: dict, annotator: str = "A1") -> Path:
    folder = gold / "annotations" / annotator
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "allsides__x1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_builder_writes_offsets_and_scores_end_to_end(mini_gold):
    gold, corpora = mini_gold
    write_annotation(gold, annotation(GOOD))
    result = run_builder(gold, corpora)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in (gold / "gold.A1.jsonl").read_text().splitlines()]
    assert lines[0] == {"type": "article", "article": "allsides:x1", "annotator": "A1"}
    met = lines[2]
    assert (met["start"], met["end"], met["source"]["start"], met["target"]["start"]) == (40, 43, 37, 44)  # fmt: skip
    merged = [json.loads(line) for line in (gold / "gold.A.jsonl").read_text().splitlines()]
    assert merged[0]["annotator"] == "A" and merged[1:] == lines[1:]

    loaded = load_gold("A", gold_dir=gold, corpora_dir=corpora)
    doc_id = make_doc_id(TEXT)
    assert loaded.doc_ids == {"allsides:x1": doc_id}
    predictions = [
        {"doc_id": doc_id, "start": 6, "cameo": "111", "plover": "ACCUSE", "source": {"country": "JPN"}, "target": {"country": "CHN"}},
        {"doc_id": doc_id, "start": 40, "cameo": "042", "plover": "CONSULT", "source": {"country": "CHN"}, "target": {"country": "JPN"}},
    ]  # fmt: skip
    (document,) = loaded.documents("dev")
    assert (document.doc_id, document.date, document.ref) == (doc_id, "2019-05-01", "x1")
    assert loaded.documents("test") == []
    scores = score_realnews(loaded, predictions, split="dev", resamples=50)
    assert (scores.strict.correct, scores.strict.predicted, scores.strict.gold) == (2, 2, 2)
    assert "strict-plover" in scores.to_markdown()
    assert score_realnews(loaded, predictions, split="test").articles == 0


def test_builder_reports_every_error_with_file_and_sentence(mini_gold):
    gold, corpora = mini_gold
    bad = json.loads(json.dumps(GOOD))
    bad[0]["events"][0]["plover"] = "REQUEST"  # wrong PLOVER category for 111
    bad[0]["events"][0]["source"]["text"] = "japan"  # wrong case
    bad[1]["events"][0]["target"] = {"text": "He", "code": "CHNGOV"}  # self-targeting
    bad[2]["events"][0]["source"]["code"] = "RUSXXX"  # unknown sector
    bad[2]["events"][0]["factuality"] = "maybe"
    path = write_annotation(gold, annotation(bad))
    result = run_builder(gold, corpora)
    assert result.returncode == 1 and not (gold / "gold.A1.jsonl").exists()
    err = result.stderr
    assert f"{path}: sentence 0: event 1: PLOVER category of 111 is 'ACCUSE', not 'REQUEST'" in err
    assert (
        "source 'japan' #1 not found in the sentence (it is there with other capitalisation)" in err
    )
    assert f"{path}: sentence 1: event 1: source and target are the same mention" in err
    assert "'XXX' is not a CAMEO sector code" in err
    assert "factuality 'maybe' is not one of" in err

    unfinished = annotation([{"n": 0, "events": None}, GOOD[1], GOOD[2]])
    write_annotation(gold, unfinished)
    assert "sentence 0: not annotated yet" in run_builder(gold, corpora).stderr
    write_annotation(gold, annotation(GOOD[:2]))
    assert (
        "sentences must be a list of {n, events} for n = 0..2" in run_builder(gold, corpora).stderr
    )


def test_builder_outside_and_implicit_actors(mini_gold):
    gold, corpora = mini_gold
    sentences = json.loads(json.dumps(GOOD))
    sentences[1]["events"][0]["source"] = {"text": "Japan", "code": "JPNGOV"}  # not in sentence 1
    path = write_annotation(gold, annotation(sentences))
    err = run_builder(gold, corpora).stderr
    assert f"{path}: sentence 1: event 1: source 'Japan' #1 not found in the sentence (it is elsewhere in the article" in err  # fmt: skip
    sentences[1]["events"][0]["source"]["outside"] = True
    sentences[2]["events"][0]["target"] = {"text": "", "code": "RUS", "implicit": True}
    write_annotation(gold, annotation(sentences))
    result = run_builder(gold, corpora)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in (gold / "gold.A1.jsonl").read_text().splitlines()][1:]
    assert events[1]["source"] == {"text": "Japan", "start": 0, "end": 5, "code": "JPNGOV", "outside": True, "implicit": False}  # fmt: skip
    assert events[2]["target"]["implicit"] and events[2]["target"]["start"] is None


def test_builder_agreement_and_two_primaries(mini_gold):
    gold, corpora = mini_gold
    write_annotation(gold, annotation(GOOD))
    other = annotation(GOOD[:2] + [{"n": 2, "events": []}])
    write_annotation(gold, dict(other, annotator="B"), annotator="B")
    assert run_builder(gold, corpora).returncode == 0
    report = run_builder(gold, corpora, "agree", "A", "B").stdout
    assert "Agreement B vs A: 1 articles, 3 sentences, 3 / 2 events" in report
    write_annotation(gold, dict(annotation(GOOD), annotator="A2"), annotator="A2")
    assert "allsides:x1 has two primary annotators: A1 and A2" in run_builder(gold, corpora).stderr


def test_find_span_counts_whole_words():
    build = load_script("build_realnews")
    text = "The theft: he said he met them."
    assert build.find_span(text, "he") == 11
    assert build.find_span(text, "he", 2) == 19
    assert build.find_span(text, "he", 3) is None
    assert build.find_span(text, "The theft:") == 0


@pytest.mark.model
def test_lead_sentences_never_cross_a_line_break():
    sample = load_script("sample_realnews")
    nlp = sample.load_splitter()
    text = "  WASHINGTON (CNN)\nThe talks ended. Both sides left\n\nNo deal was signed.  \n"
    spans = sample.lead_sentences(nlp, text)
    assert [text[s:e] for s, e in spans][:2] == ["WASHINGTON (CNN)", "The talks ended."]
    assert all("\n" not in text[s:e] and text[s:e] == text[s:e].strip() for s, e in spans)
    assert text[spans[-1][0] : spans[-1][1]] == "No deal was signed."
    assert sample.split_counts(50) == {"train": 25, "dev": 12, "test": 13}
    assert sample.split_counts(5) == {"train": 2, "dev": 1, "test": 2}


def test_a_lead_key_skips_bylines_and_normalizes_whitespace():
    sample = load_script("sample_realnews")
    lead = ["(CNN)", "ISIS  claimed responsibility\tfor the attack on Friday.", "It said more."]
    assert sample.lead_key(lead) == "ISIS claimed responsibility for the attack on Friday."
    assert sample.lead_key(["ANALYSIS/OPINION:", "Short one."]) == "ANALYSIS/OPINION: Short one."


def test_a_batch_with_distinct_leads_skips_a_story_printed_twice():
    import random

    sample = load_script("sample_realnews")
    leads = {
        "a": ["(CNN)", "The minister denied there will be a Budget giveaway."],
        "b": ["(CNN)", "The minister  denied there will be a Budget giveaway."],  # a's story again
        "c": ["(CNN)", "Rebels shelled the port city on Monday night."],
        "d": ["(CNN)", "Talks between the two sides resumed in Geneva."],  # indexed already
        "e": ["(CNN)", "Parliament passed the bill by a wide margin."],
    }
    pool = [{"_id": key} for key in leads]
    seen = {"Talks between the two sides resumed in Geneva."}
    for seed in range(20):
        rng = random.Random(seed)
        picked = sample.pick_distinct_leads(rng, pool, 3, lambda r: leads[r["_id"]], set(seen))
        ids = {r["_id"] for r in picked}
        assert len(ids) == 3 and "d" not in ids and not {"a", "b"} <= ids
    # a pool without enough distinct leads is refused, not silently short
    with pytest.raises(SystemExit, match="only 3 records with distinct leads left, 4 wanted"):
        sample.pick_distinct_leads(random.Random(1), pool, 4, lambda r: leads[r["_id"]], set(seen))


# ---------------------------------------------------------------- the committed gold


def test_committed_index_matches_the_corpora(shared_dir):
    every = read_articles(GOLD_DIR)
    sentences = read_sentences(GOLD_DIR)
    assert {a.key for a in every} == set(sentences) and len(set(sentences)) == len(every)
    # the main draw (90 rows), then the extra batches in table order (sample_realnews.py 7-9)
    batches = load_script("sample_realnews").EXTRA_BATCHES
    articles, extra = every[:90], every[90:]
    by_key = {a.key: a for a in every}
    assert len(articles) == 90
    corpora = ("allsides", "bbc", "wikinews")
    by_corpus = {c: sum(a.corpus == c for a in articles) for c in corpora}
    assert by_corpus == {"allsides": 50, "bbc": 20, "wikinews": 20}
    start = 0
    for batch in batches:
        rows = extra[start : start + batch.size]
        if not rows:
            break
        assert len(rows) == batch.size
        expected = {"allsides": batch.strata[0][3], "bbc": batch.strata[1][3] + batch.strata[2][3], "wikinews": batch.strata[3][3]}  # fmt: skip
        assert {c: sum(a.corpus == c for a in rows) for c in corpora} == expected
        assert all(a.split == batch.split and not a.double for a in rows)
        start += batch.size
    assert start == len(extra)
    # batches drawn with distinct leads (step 7a) repeat no lead key of the rows before them;
    # the earlier batches did: dev's politics/005 is dev2's politics/359
    sample = load_script("sample_realnews")
    texts = load_texts([a.key for a in every], shared_dir / "data" / "corpora")

    def key(article):
        text = texts[article.key]["text"]
        return sample.lead_key([text[s.start : s.end] for s in sentences[article.key]])

    assert key(by_key["bbc:politics/005"]) == key(by_key["bbc:politics/359"])
    start = 0
    for batch in batches:
        rows = extra[start : start + batch.size]
        if batch.distinct_leads:
            before = {key(a) for a in every[: 90 + start]}
            keys = [key(a) for a in rows]
            assert len(set(keys)) == len(keys) and not before & set(keys)
        start += batch.size
    assert len({a.key for a in every}) == len(every)  # no article drawn twice
    assert all(len(sentences[a.key]) == a.n_sentences <= 8 for a in extra)
    double = [a for a in articles if a.double]
    assert len(double) == 12 and sum(a.n_sentences for a in double) >= 80
    assert {a.split for a in double} == {"train", "dev", "test"}
    assert all(len(sentences[a.key]) == a.n_sentences <= 8 for a in articles)
    gold = load_gold("A", gold_dir=GOLD_DIR)  # checks every sentence hash against the corpora
    assert gold.gold.events
    for event in gold.gold.events:
        assert event.sentence_start <= event.start < event.sentence_end


def test_committed_gold_files_are_rebuilt_from_the_annotations(shared_dir, tmp_path):
    import shutil

    for name in ("articles.tsv", "sentences.tsv"):
        shutil.copy(GOLD_DIR / name, tmp_path / name)
    shutil.copytree(GOLD_DIR / "annotations", tmp_path / "annotations")
    result = run_builder(tmp_path, shared_dir / "data" / "corpora")
    assert result.returncode == 0, result.stderr
    built_files = sorted(tmp_path.glob("gold.*.jsonl"))
    assert [f.name for f in built_files] == sorted(f.name for f in GOLD_DIR.glob("gold.*.jsonl"))
    assert built_files
    for built in built_files:
        committed = GOLD_DIR / built.name
        assert committed.exists() and committed.read_text() == built.read_text(), (
            f"{committed.name} is stale: run scripts/gold/build_realnews.py"
        )


def test_evaluate_realnews_codes_the_dev_split_and_lists_its_errors(shared_dir, nlp):
    from detente.eval.realnews import evaluate_realnews, load_gold

    gold = load_gold("A", gold_dir=GOLD_DIR)
    scores = evaluate_realnews(split="dev", gold_dir=GOLD_DIR, nlp=nlp, errors=True)
    dev = set(gold.article_keys("dev"))
    asserted = [
        e for e in gold.gold.events
        if e.article in dev and e.factuality == "asserted" and e.plover
        and e.source.code and (e.target is None or e.target.code)
    ]  # fmt: skip
    assert scores.articles == len(dev) and scores.strict.gold == len(asserted)
    assert scores.strict.predicted > 0
    assert scores.details.startswith("### ") and "## Misses" in scores.to_markdown()


def test_cli_eval_realnews_refuses_an_unknown_split():
    from typer.testing import CliRunner

    from detente.cli.main import app

    result = CliRunner().invoke(app, ["eval", "realnews", "--split", "holdout"])
    assert result.exit_code != 0 and "split must be one of" in result.output


@pytest.mark.parametrize("held_out", ["dev2", "test2", "test3", "test4", "test5", "test6"])
def test_a_later_batch_is_a_split_of_its_own(tmp_path, held_out):
    # two articles, one in dev and one in a later batch: each split scores only its own article
    key2 = "wikinews:a2"
    articles = (
        GoldArticle("allsides", "a1", "2020-01-01", "dev", False, 2),
        GoldArticle("wikinews", "a2", "2008-01-01", held_out, False, 1),
    )
    sentences = {**SENTENCES, key2: (GoldSentence(key2, 0, 0, 40, "-"),)}
    later_event = replace(
        gold_event(0, 4, "112", "ACCUSE", "IRNGOV", "USAGOV"), article=key2, sentence_end=40
    )
    gold = RealnewsGold(
        articles,
        sentences,
        {KEY: "d1", key2: "d2"},
        AnnotatorGold("A5", frozenset({KEY, key2}), (*GOLD_EVENTS, later_event)),
    )
    preds = [*PREDICTIONS, pred(4, "112", "ACCUSE", "IRN", "USA", doc="d2")]
    later = score_realnews(gold, preds, split=held_out, resamples=0)
    assert (later.articles, later.sentences) == (1, 1)
    assert (later.strict.correct, later.strict.predicted, later.strict.gold) == (1, 1, 1)
    dev = score_realnews(gold, preds, split="dev", resamples=0)
    assert (dev.strict.correct, dev.strict.predicted, dev.strict.gold) == (2, 4, 2)
    # the index accepts the batch's rows and refuses an unknown split
    header = "corpus\trecord_id\tdate\tsplit\tdouble\tn_sentences\n"
    for split, ok in ((held_out, True), ("dev3", False), ("test7", False)):
        (tmp_path / "articles.tsv").write_text(header + f"bbc\tpolitics/1\t2005-01-15\t{split}\tno\t8\n")  # fmt: skip
        if ok:
            assert read_articles(tmp_path)[0].split == held_out
        else:
            with pytest.raises(InputError, match="unknown corpus or split"):
                read_articles(tmp_path)


def test_actor_eval_accepts_the_realnews_splits_only():
    from detente.eval.actors import evaluate_realnews_actors

    with pytest.raises(
        InputError, match="split must be one of train, dev, test, dev2, test2, test3, test4, test5, test6$"
    ):
        evaluate_realnews_actors(split="dev3")
