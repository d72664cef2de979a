"""Events: verb lexicon, PETRARCH dictionaries, ontology, dates, coding constructions, the seed."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from detente.errors import DictionaryError
from detente.events import dates
from detente.events.coder import EventCoder
from detente.events.component import get_coder
from detente.events.lexicon import (
    CodeSpec,
    build_lexicon,
    load_shipped_lexicon,
    parse_petrarch_verbs,
)
from detente.events.ontology import lookup
from detente.nlp import make_doc
from detente.records import Article, Event, Mention, Quote

# Hand-built actor table for construction tests: surface -> code.
ACTORS = {
    "Trump": "USAGOV",
    "Abe": "JPNGOV",
    "Putin": "RUSGOV",
    "Japan": "JPN",
    "Russia": "RUS",
    "China": "CHN",
    "North Korea": "PRK",
    "the United States": "USA",
    "Gondor": "GON",
    "Mordor": "MOR",
}


def hand_mentions(text: str, doc_id: str, table: dict[str, str]) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    mentions = []
    for name in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            code = table[name]
            mentions.append(
                Mention(
                    doc_id,
                    m.start(),
                    m.end(),
                    name,
                    "state",
                    name.lower(),
                    name,
                    code,
                    code[:3],
                    code[3:] or None,
                    "kb",
                )  # fmt: skip
            )
    return sorted(mentions, key=lambda m: m.start)


@pytest.fixture
def coded(nlp):
    """Parse ``text`` with the real pipeline, put hand-built actors (and quotes) on it,
    and run the real events component: the actors stage is not what these tests test."""
    component = nlp.get_pipe("detente_events")

    def run(text: str, *, date: str | None = "2017-02-10", quotes=(), table=ACTORS) -> list[Event]:
        doc = nlp(make_doc(nlp, Article(ref="<test>", text=text, date=date)))
        doc._.mentions = hand_mentions(text, doc._.doc_id, table)
        doc._.quotes = list(quotes)
        return component(doc)._.events

    return run


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


# ---------------------------------------------------------------- lexicon


def test_shipped_lexicon_is_built_and_loads_fast():
    load_shipped_lexicon.cache_clear()
    started = time.perf_counter()
    lexicon = load_shipped_lexicon()
    assert time.perf_counter() - started < 2.0
    assert sum(len(v) for v in lexicon.verbs.values()) > 2000
    assert sum(len(b.patterns) for b in lexicon.blocks.values()) > 4000
    assert lexicon.blocks["VISIT"].code == CodeSpec("042", "043")
    assert lexicon.blocks["HOST"].code == CodeSpec("043", "042")
    # our extensions are merged and tried first
    assert lexicon.entries("engage")[0].code == CodeSpec("040")
    assert lexicon.blocks["EMPHASIZE"].patterns[0].origin.startswith("extensions.verbs.txt")
    assert len(lexicon.synsets["&CURRENCY"]) > 50  # comment lines do not end a synonym set


PETRARCH_SAMPLE = """\
<!-- a comment -->
&TIES
# a comment inside a set
+MILITARY
+ECONOMIC

--- GREET  [051]  ---
GREET {GREETS GREETED }
HAIL [052]
+WALK_OUT [:140]
- * &TIES RELATIONS [0311]   # two slots
- * (WITH FLOWERS) [017]
- * DOG [---]
- * (TO &UNDEFINED) [999]

--- DELAY [120] [031:031] ---
POSTPONE
"""


def test_petrarch_verb_dictionary_parsing(tmp_path):
    path = tmp_path / "user.verbs.txt"
    path.write_text(PETRARCH_SAMPLE, encoding="utf-8")
    lexicon = parse_petrarch_verbs(path)
    assert lexicon.synsets["&TIES"] == [("military",), ("economic",)]
    greet = lexicon.blocks["GREET"]
    assert greet.code == CodeSpec("051")
    assert {e.word for e in lexicon.entries("greeted")} == {"greeted"}
    assert lexicon.entries("hail")[0].code == CodeSpec("052")
    walk = lexicon.entries("walk")[0]
    assert walk.after == ("out",) and walk.code == CodeSpec(None, "140")
    codes = [p.code for p in greet.patterns]
    assert codes == [CodeSpec("0311"), CodeSpec("017"), CodeSpec(None)]
    assert greet.patterns[0].post == ((("military",), ("economic",)), (("relations",),))
    assert len(lexicon.dropped) == 1 and "&UNDEFINED" in lexicon.dropped[0]
    assert lexicon.blocks["DELAY"].code == CodeSpec("120")


def test_petrarch_dictionary_errors_name_file_and_line(tmp_path):
    path = tmp_path / "bad.verbs.txt"
    path.write_text("--- MEET [040] ---\nMEET\n- * (WITH) [04 0]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.verbs\.txt:3"):
        parse_petrarch_verbs(path)
    with pytest.raises(DictionaryError, match="cannot read"):
        parse_petrarch_verbs(tmp_path / "missing.txt")


def test_petrarch_validation_dictionary_parses(shared_dir):
    path = shared_dir / "data/dictionaries/petrarch2/PETR.Validate.verbs.txt"
    lexicon = parse_petrarch_verbs(path)
    assert lexicon.blocks["MEET"].code == CodeSpec("031", "031")
    assert lexicon.entries("rst")[0].before == ("klm", "nop")


def test_user_verbs_alone_replace_the_shipped_lexicon(tmp_path, nlp):
    path = tmp_path / "mine.verbs.txt"
    path.write_text("--- SCOLD [999] ---\nSCOLD\n", encoding="utf-8")
    lexicon = build_lexicon(user_verbs=(str(path),), shipped_kb=False)
    assert set(lexicon.verbs) == {"scold"}
    coder = get_coder((str(path),), False)
    assert isinstance(coder, EventCoder)
    doc = nlp(make_doc(nlp, Article(ref="t", text="Gondor scolded Mordor. Gondor met Mordor.")))
    doc._.mentions = hand_mentions(doc.text, doc._.doc_id, ACTORS)
    events = coder.code_doc(doc)
    assert triples(events) == {("GON", "MOR", "999")}


# ---------------------------------------------------------------- ontology


def test_cameo_lookups():
    visit = lookup("042")
    assert (visit.plover, visit.quad_class, visit.goldstein) == ("CONSULT", 1, 1.9)
    force = lookup("190")
    assert (force.plover, force.quad_class, force.goldstein) == ("ASSAULT", 4, -10.0)
    assert lookup("0234").plover == "REQUEST"  # our addition: CAMEO 02 -> PLOVER REQUEST
    assert lookup("051").quad_class == 1 and lookup("061").quad_class == 2
    assert lookup("1123").plover == "ACCUSE" and lookup("112").quad_class == 3
    assert lookup("010").plover is None  # statements have no PLOVER category
    assert lookup("0429").code == "042"  # unknown leaf falls back to its parent
    assert lookup("99") is None


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("word", "future", "expected"),
    [
        (dates.DateWord("weekday", 4), False, "2017-02-10"),  # Friday, article is a Friday
        (dates.DateWord("weekday", 5), True, "2017-02-11"),
        (dates.DateWord("weekday", 5), False, "2017-02-04"),
        (dates.DateWord("month", 5), False, "2016-05"),
        (dates.DateWord("month", 5), True, "2017-05"),
        (dates.DateWord("offset", -1), False, "2017-02-09"),
        (dates.DateWord("year", -1), False, "2016"),
    ],
)
def test_resolve_relative_dates(word, future, expected):
    assert dates.resolve(word, dt.date(2017, 2, 10), future=future) == expected


def test_event_dates_follow_the_sentence(coded):
    assert {e.date for e in coded("Trump and Abe met on Friday.")} == {"2017-02-10"}
    assert {e.date for e in coded("Abe will meet Trump on Saturday.")} == {"2017-02-11"}
    assert {e.date for e in coded("Abe met Putin in May.")} == {"2016-05"}
    assert {e.date for e in coded("Abe visited Russia last year.")} == {"2016"}
    assert {e.date for e in coded("Abe met Putin.", date=None)} == {None}


# ---------------------------------------------------------------- constructions


def test_subject_verb_object(coded):
    events = coded("Abe congratulated Trump.")
    assert triples(events) == {("JPNGOV", "USAGOV", "051")}
    (event,) = events
    assert (event.plover, event.quad_class, event.goldstein) == ("SUPPORT", 1, 3.4)
    assert event.trigger.text == "congratulated" and event.rule
    assert event.cameo_root == "05" and event.modality == "asserted" and not event.negated


def test_pattern_refines_the_verb_code(coded):
    # "- * (FOR &NEGOTIATION)"-style patterns: HOPE + (FOR TIES) -> 030 (our extension)
    (event,) = coded("China hopes for warmer ties with Russia.")
    assert (event.source.code, event.target.code, event.cameo) == ("CHN", "RUS", "030")
    assert event.modality == "hoped" and "(FOR TIES)" in event.rule


def test_negation_is_kept_and_flagged(coded):
    (event,) = coded("Abe did not invite Putin to the summit.")
    assert event.negated and event.cameo == "040"
    assert not coded("Russia did not come up at the news conference.")


def test_intention_codes_the_intent_not_the_act(coded):
    (event,) = coded("Trump wants to improve relations with Russia.")
    assert (event.source.code, event.target.code, event.cameo) == ("USAGOV", "RUS", "030")
    assert event.modality == "intended" and event.trigger.text == "wants"
    (event,) = coded("Abe has sought to engage Putin.")
    assert (event.cameo, event.target.code, event.modality) == ("036", "RUSGOV", "intended")


def test_hope_for_ties(coded):
    (event,) = coded("Japan hopes to meet Russia soon.")
    assert (event.cameo, event.modality) == ("036", "hoped")


def test_we_inside_a_quote_is_the_speaker(coded):
    text = "“We strongly demand North Korea abandon its missile programs,” Abe said."
    start = text.index("We")
    end = text.index("programs") + len("programs")
    quote = Quote(
        doc_id="x", start=start, end=end, text=text[start:end], kind="direct", cue="said",
        cue_start=text.index("said"), cue_end=text.index("said") + 4, speaker="Abe",
        speaker_start=text.index("Abe"), speaker_end=text.index("Abe") + 3,
        speaker_name="Shinzo Abe", speaker_actor="JPNGOV", speaker_id="abe",
    )  # fmt: skip
    events = coded(text, quotes=[quote])
    assert triples(events) == {("JPNGOV", "PRK", "100")}
    assert events[0].modality == "demanded"
    assert events[0].source.text == "Abe"


def test_demand_does_not_code_the_demanded_act(coded):
    events = coded("Japan demanded that North Korea attack China.")
    assert triples(events) == {("JPN", "PRK", "100")}


def test_compound_actors_both_directions(coded):
    assert triples(coded("Trump and Abe met on Friday.")) == {
        ("USAGOV", "JPNGOV", "040"),
        ("JPNGOV", "USAGOV", "040"),
    }
    assert triples(coded("Trump and Abe showered each other with compliments.")) == {
        ("USAGOV", "JPNGOV", "051"),
        ("JPNGOV", "USAGOV", "051"),
    }
    # a compound target: one event per target
    assert triples(coded("Abe praised Russia and China.")) == {
        ("JPNGOV", "RUS", "051"),
        ("JPNGOV", "CHN", "051"),
    }


def test_passive_voice(coded):
    assert triples(coded("Abe was hosted by Trump at the White House.")) == {
        ("USAGOV", "JPNGOV", "043"),
        ("JPNGOV", "USAGOV", "042"),
    }
    assert triples(coded("Mordor was attacked by Gondor.")) >= {("GON", "MOR", "190")}


def test_paired_events(coded):
    assert triples(coded("Abe visited Russia.")) == {
        ("JPNGOV", "RUS", "042"),
        ("RUS", "JPNGOV", "043"),
    }


def test_nominal_events(coded):
    events = coded("Abe's Friday visit to Russia was short.")
    assert triples(events) == {("JPNGOV", "RUS", "042"), ("RUS", "JPNGOV", "043")}
    assert {e.date for e in events} == {"2017-02-10"}
    assert all(e.rule.startswith("nominal") for e in events)
    # a meeting with one side only says nothing
    assert not coded("The Japan summit meeting was short.")


def test_attribution_tail_is_not_the_source(coded):
    table = {**ACTORS, "officials": "USAGOV"}
    events = coded("Japan and China signed a trade agreement, officials said.", table=table)
    assert {e.source.code for e in events} == {"JPN", "CHN"}
    assert {e.modality for e in events} == {"reported"}


def test_events_of_a_sentence_are_not_duplicated(coded):
    events = coded("Abe met Putin and Abe met Putin.")
    assert triples(events) == {("JPNGOV", "RUSGOV", "040")}
    assert len(events) == 1


def test_relative_clause_claim(coded):
    # the parser hangs "claims" on the main verb; it still shares the relative clause's object
    events = coded(
        "The United States will defend two islands that Japan controls but China claims."
    )
    assert ("CHN", "JPN", "110") in triples(events)


def test_future_and_willingness_are_intents(coded):
    (event,) = coded("Japan will give China economic aid.")
    assert (event.source.code, event.target.code, event.cameo) == ("JPN", "CHN", "0331")
    assert event.modality == "intended"
    (event,) = coded("Russia is willing to withdraw its troops from Japan.")
    assert event.cameo.startswith("03") and event.target.code == "JPN"


def test_threat_of_a_conflict_act(coded):
    (event,) = coded("Japan threatened to impose sanctions against Russia.")
    assert (event.source.code, event.target.code, event.cameo) == ("JPN", "RUS", "1312")


def test_refusal_codes_the_refusal_not_the_act(coded):
    (event,) = coded("Japan refused to lift sanctions against Russia.")
    assert event.cameo.startswith("12") and event.target.code == "RUS"


def test_obligation_under_speech_is_a_demand(coded):
    (event,) = coded("Russia said Japan must return the islands.")
    assert (event.source.code, event.target.code, event.cameo) == ("RUS", "JPN", "100")
    assert event.modality == "demanded"


def test_nominal_demand_with_a_clause(coded):
    events = coded("Japan reiterated its demand that China ease restrictions on trade.")
    assert triples(events) == {("JPN", "CHN", "100")}  # the demanded easing is not coded


def test_infinitive_on_a_noun_is_not_an_act(coded):
    events = coded("Japan rejected an offer from China to host Russia.")
    assert {e.cameo[:2] for e in events} == {"12"}


def test_time_phrases_do_not_match_patterns(coded):
    # CALL has "- * (ON) [020]"; "on Tuesday" is a time, not an appeal
    events = coded("Trump telephoned Abe on Tuesday.")
    assert {e.cameo for e in events} == {"041"}
    assert {e.date for e in events} == {"2017-02-07"}


def test_no_mentions_codes_nothing(nlp):
    doc = nlp(make_doc(nlp, Article(ref="t", text="Abe met Trump.")))
    doc._.mentions = []
    doc._.quotes = []
    assert nlp.get_pipe("detente_events")(doc)._.events == []


def test_component_is_in_the_pipeline(nlp):
    assert nlp.pipe_names[-1] == "detente_events"


# ---------------------------------------------------------------- the user's example


def _has(events, source_country, target_country, root_or_code, *, date=None):
    for e in events:
        if e.negated:
            continue
        if e.source.country != source_country:
            continue
        if target_country is not None and (e.target is None or e.target.country != target_country):
            continue
        if not e.cameo.startswith(root_or_code):
            continue
        if date is not None and e.date != date:
            continue
        return True
    return False


def test_seed_article_done_when(seed_doc):
    events = seed_doc._.events
    assert all(isinstance(e, Event) for e in events)
    # Japan-United States meetings and visits on Friday 2017-02-10
    assert _has(events, "JPN", "USA", "04", date="2017-02-10")
    assert _has(events, "USA", "JPN", "04", date="2017-02-10")
    assert _has(events, "JPN", "USA", "042", date="2017-02-10")
    # mutual praise
    assert _has(events, "USA", "JPN", "051") and _has(events, "JPN", "USA", "051")
    # the U.S. commitment to Japan's security
    assert _has(events, "USA", "JPN", "03")
    # Japan demands that North Korea abandon its programs
    assert _has(events, "JPN", "PRK", "10")
    # Abe's intent to engage Russia; Trump's intent to improve relations with Russia
    assert _has(events, "JPN", "RUS", "03")
    assert _has(events, "USA", "RUS", "03")
    # Russia-China cooperation
    assert _has(events, "RUS", "CHN", "06") or _has(events, "RUS", "CHN", "03")
    # China's claim to the islands Japan controls
    assert any(e.source.country == "CHN" and e.target and e.target.country == "JPN" for e in events)
    # nothing for "Russia did not come up"
    come_up = seed_doc.text.index("Russia did not come up")
    assert not any(
        e.start <= come_up + 20 and e.trigger.start >= come_up
        for e in events
        if e.trigger.start < come_up + 40
    )


def test_seed_article_golf_on_saturday(seed_doc):
    events = seed_doc._.events
    assert any(
        e.date == "2017-02-11"
        and {e.source.country, e.target and e.target.country} == {"JPN", "USA"}
        for e in events
    )
