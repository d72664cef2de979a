"""Events: verb lexicon, PETRARCH dictionaries, ontology, dates, coding constructions, the seed."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from detente.errors import DictionaryError
from detente.events import dates
from detente.events.coder import EventCoder
from detente.events.lexicon import CodeSpec, parse_petrarch_verbs, read_shipped_lexicon
from detente.knowledge import load_knowledge
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


def facts(events: list[Event]) -> set[tuple[str | None, str | None, str, str]]:
    """(source, target, code, factuality) of each event; a negated event's factuality is
    "negated" and a symmetric one's ends in "symmetric"."""
    return {
        (
            e.source.code,
            e.target.code if e.target else None,
            e.cameo,
            ("negated" if e.negated else e.modality) + (" symmetric" if e.symmetric else ""),
        )
        for e in events
    }


# ---------------------------------------------------------------- lexicon


def test_shipped_lexicon_is_built_and_loads():
    lexicon = read_shipped_lexicon()  # its load time is measured by benchmarks/startup.py
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
    knowledge = load_knowledge(verb_files=[path], shipped=False)
    assert set(knowledge.verbs.verbs) == {"scold"}
    coder = EventCoder(knowledge)
    doc = nlp(make_doc(nlp, Article(ref="t", text="Gondor scolded Mordor. Gondor met Mordor.")))
    doc._.mentions = hand_mentions(doc.text, doc._.doc_id, ACTORS)
    events = coder.code_doc(doc)
    assert triples(events) == {("GON", "MOR", "999")}


# ---------------------------------------------------------------- ontology


def test_cameo_lookups():
    lookup = load_knowledge().cameo.lookup
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
    ("word", "future", "present", "day", "expected"),
    [
        (dates.DateWord("weekday", 4), False, False, None, "2017-02-10"),  # article is a Friday
        (dates.DateWord("weekday", 5), True, False, None, "2017-02-11"),
        (dates.DateWord("weekday", 5), False, False, None, "2017-02-04"),
        # a month without a day is no full date: unknown, never "2016-05"
        (dates.DateWord("month", 5), False, False, None, None),
        (dates.DateWord("month", 5), True, False, None, None),
        (dates.DateWord("month", 5), False, False, 3, "2016-05-03"),
        (dates.DateWord("month", 5), True, False, 3, "2017-05-03"),
        (dates.DateWord("month", 3), False, True, 1, "2017-03-01"),  # nearest
        (dates.DateWord("month", 12), False, True, 1, "2016-12-01"),  # nearest
        (dates.DateWord("offset", -1), False, False, None, "2017-02-09"),
        (dates.DateWord("year", -1), False, False, None, None),
    ],
)
def test_resolve_relative_dates(word, future, present, day, expected):
    base = dt.date(2017, 2, 10)
    assert dates.resolve(word, base, future=future, present=present, day=day) == expected


def test_event_dates_follow_the_sentence(coded):
    assert {e.date for e in coded("Trump and Abe met on Friday.")} == {"2017-02-10"}
    assert {e.date for e in coded("Abe will meet Trump on Saturday.")} == {"2017-02-11"}
    assert {e.date for e in coded("Abe met Putin in May.")} == {None}
    assert {e.date for e in coded("Abe met Putin on May 3.")} == {"2016-05-03"}
    assert {e.date for e in coded("Abe met Putin on 3 May 2015.")} == {"2015-05-03"}
    assert {e.date for e in coded("Abe visited Russia last year.")} == {None}
    assert {e.date for e in coded("Abe met Putin.", date=None)} == {None}


def test_present_tense_dates_are_the_nearest(coded):
    # an article of 2016-05-27: "votes on June 23" is next month, not last year's June
    events = coded("Abe meets Putin in Tokyo on June 23.", date="2016-05-27")
    assert events and {e.date for e in events} == {"2016-06-23"}


def test_event_dates_are_full_iso_dates_or_none(coded):
    for text in ("Abe met Putin in May.", "Abe will visit Russia next year.", "Abe met Putin."):
        events = coded(text)
        assert events, text
        for event in events:
            assert event.date is None or dt.date.fromisoformat(event.date).isoformat() == event.date


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
    # a stated wish to cooperate is an expression of intent: asserted (guideline §7)
    assert event.modality == "asserted" and "(FOR TIES)" in event.rule


def test_negation_is_kept_and_flagged(coded):
    (event,) = coded("Abe did not invite Putin to the summit.")
    assert event.negated and event.cameo == "040"
    assert not coded("Russia did not come up at the news conference.")


def test_intention_is_asserted_and_the_act_is_wanted(coded):
    # two layers (guideline §7): the expression of intent happened; the act it names did not
    (event,) = coded("Trump wants to improve relations with Russia.")
    assert (event.source.code, event.target.code, event.cameo) == ("USAGOV", "RUS", "030")
    assert event.modality == "asserted" and event.trigger.text == "wants"
    assert facts(coded("Abe has sought to engage Putin.")) == {
        ("JPNGOV", "RUSGOV", "036", "asserted"),
        ("JPNGOV", "RUSGOV", "040", "wanted"),
    }


def test_hope_for_ties(coded):
    # "hopes" (lemmatized "hop") is still the governing word
    events = coded("Japan hopes to meet Russia soon.")
    assert facts(events) == {("JPN", "RUS", "036", "asserted"), ("JPN", "RUS", "040", "wanted")}
    assert {e.trigger.text for e in events} == {"hopes", "meet"}


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
    assert events[0].modality == "asserted"  # the demand is made
    assert events[0].source.text == "Abe"


def test_a_demand_and_the_demanded_act(coded):
    events = coded("Japan demanded that North Korea attack China.")
    assert facts(events) == {("JPN", "PRK", "100", "asserted"), ("PRK", "CHN", "190", "demanded")}


def test_compound_actors_act_on_each_other_once(coded):
    # a mutual act is one symmetric event a pair, not two mirrored ones
    assert facts(coded("Trump and Abe met on Friday.")) == {
        ("USAGOV", "JPNGOV", "040", "asserted symmetric"),
    }
    assert facts(coded("Trump and Abe showered each other with compliments.")) == {
        ("USAGOV", "JPNGOV", "051", "asserted symmetric"),
    }
    # a compound target: one event per target
    assert triples(coded("Abe praised Russia and China.")) == {
        ("JPNGOV", "RUS", "051"),
        ("JPNGOV", "CHN", "051"),
    }


def test_passive_voice(coded):
    # hosting is the host's act; the guest's visit is the same act from the other side
    assert triples(coded("Abe was hosted by Trump at the White House.")) == {
        ("USAGOV", "JPNGOV", "043"),
    }
    assert triples(coded("Mordor was attacked by Gondor.")) >= {("GON", "MOR", "190")}


def test_a_visit_is_not_mirrored_by_hosting(coded):
    assert facts(coded("Abe visited Russia.")) == {("JPNGOV", "RUS", "042", "asserted")}


def test_nominal_events(coded):
    events = coded("Abe's Friday visit to Russia was short.")
    assert triples(events) == {("JPNGOV", "RUS", "042")}
    assert {e.date for e in events} == {"2017-02-10"}
    assert all(e.rule.startswith("nominal") for e in events)
    # a meeting with one side only says nothing
    assert not coded("The Japan summit meeting was short.")


def test_attribution_tail_is_not_the_source(coded):
    table = {**ACTORS, "officials": "USAGOV"}
    events = coded("Japan and China signed a trade agreement, officials said.", table=table)
    # what officials report as fact is asserted; the signing is mutual: one symmetric event
    assert facts(events) == {("JPN", "CHN", "0311", "asserted symmetric")}


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
    # two layers: announcing the act is an asserted intent; the act itself is intended
    events = coded("Japan will give China economic aid.")
    assert facts(events) == {("JPN", "CHN", "0331", "asserted"), ("JPN", "CHN", "071", "intended")}
    assert {e.trigger.text for e in events} == {"will", "give"}
    events = coded("Russia is willing to withdraw its troops from Japan.")
    assert facts(events) == {
        ("RUS", "JPN", "0356", "asserted"),
        ("RUS", "JPN", "0874", "intended"),
    }


def test_threat_of_a_conflict_act(coded):
    events = coded("Japan threatened to impose sanctions against Russia.")
    assert facts(events) == {("JPN", "RUS", "1312", "asserted"), ("JPN", "RUS", "163", "intended")}


def test_refusal_codes_the_refusal_not_the_act(coded):
    refusal, lifting = coded("Japan refused to lift sanctions against Russia.")
    assert refusal.cameo.startswith("12") and refusal.target.code == "RUS"
    assert not refusal.negated and refusal.modality == "asserted"
    assert lifting.trigger.text == "lift" and lifting.negated  # the refused act did not happen


def test_obligation_under_speech_is_a_demand(coded):
    (event,) = coded("Russia said Japan must return the islands.")
    assert (event.source.code, event.target.code, event.cameo) == ("RUS", "JPN", "100")
    assert event.modality == "asserted"


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


def test_coordinated_verb_words_are_not_the_first_verbs_pattern(coded):
    # "pledged to" is the second verb's: "praised" must not match "- * (TO) [043:042]"
    events = coded("Trump praised Japan and pledged to defend its ally.")
    assert ("USAGOV", "JPN", "051") in triples(events)
    assert not any(e.cameo_root == "04" for e in events)


def test_patterns_written_for_one_verb_of_a_block():
    text = """\
--- LEAD_GROUP [060] ---
HEAD
ORDER [100]
- * TO [030]  # HEAD
- * (FOR CRISIS) [012]  # jw 9/23/91
- * REFORMS [034]  # ORDER , HEAD
"""
    lexicon = parse_petrarch_verbs("<sample>", text=text)
    first, second, third = lexicon.blocks["LEAD_GROUP"].patterns
    assert first.verbs == ("head",)
    assert second.verbs == ()  # a coder's initials name no verb of the block
    assert set(third.verbs) == {"order", "head"}
    assert lexicon.entries("head")[0].base == "head"


def test_a_verb_with_its_own_code_ignores_its_block_mates_patterns(coded):
    # CAMEO's "- * TO [030] # HEAD" is HEAD's; ORDER [100] orders
    assert ("JPN", "CHN", "100") in triples(coded("Japan ordered China to appear in court."))


def test_withdrawing_inspectors_and_administrative_sanctions(coded):
    events = coded("Russia will withdraw its inspectors from Japan.")
    # a future 166 is announced as a threat; the withdrawal itself is intended
    assert facts(events) == {("RUS", "JPN", "136", "asserted"), ("RUS", "JPN", "1662", "intended")}
    assert {e.plover for e in events if e.modality == "asserted"} == {"THREATEN"}
    assert ("JPNGOV", "JPN", "1723") in triples(coded("Abe extended the curfew."))
    assert ("RUSGOV", "RUS", "1724") in triples(coded("Putin declared a state of emergency."))


def test_a_pronoun_object_keeps_the_verbs_sense(coded):
    events = coded("Trump and Abe will discuss it on Saturday.")
    assert facts(events) == {
        ("USAGOV", "JPNGOV", "036", "asserted symmetric"),
        ("USAGOV", "JPNGOV", "040", "intended symmetric"),
    }
    assert all(e.date == "2017-02-11" for e in events)


def test_event_nouns_of_light_verbs(coded):
    # "issued" (GRANT's default 060) yields to the noun it carries
    events = coded("Abe issued a stern reminder on Friday to Putin that Russia must return it.")
    assert {e.cameo_root for e in events} == {"10"}
    assert ("RUS", "GON", "192") in triples(coded("Russia launched its invasion of Gondor."))
    # a domestic act named by a noun is coded against the source's own country
    assert ("JPNGOV", "JPN", "143") in triples(coded("Abe organized a general strike."))
    # a verb pattern about the act the noun names wins: calling off a strike is no strike
    events = coded("Putin called off the strike.")
    assert events and not any(e.cameo == "143" for e in events)


def test_obligation_through_ready_to(coded):
    events = coded("Putin said Japan must be ready to meet China.")
    assert [(e.source.code, e.target.code, e.cameo_root, e.modality) for e in events] == [
        ("RUSGOV", "JPN", "10", "asserted"),
        ("JPN", "CHN", "04", "demanded"),
    ]


def test_active_verb_joined_to_a_passive_one_shares_its_subject(coded):
    events = coded("Abe has been criticized by Putin and will resign.")
    assert ("RUSGOV", "JPNGOV", "111") in triples(events)
    resign = [e for e in events if e.trigger.text == "resign"]
    assert resign and all(e.source.code == "JPNGOV" for e in resign)


def test_rejections_and_vows(coded):
    assert ("JPN", "CHN", "120") in triples(coded("Japan dismissed an appeal from China to leave."))
    assert ("RUS", "JPN", "120") in triples(coded("Russia was refusing entry to Japan."))
    # "sworn to fight": a vow of force is a threat (13x), not an allegation (110)
    events = coded("Russia has sworn to fight Japan.")
    assert {e.cameo_root for e in events if e.modality == "asserted"} == {"13"}
    assert {e.cameo_root for e in events if e.modality == "intended"} == {"19"}


PETRARCH_MARKERS = """\
--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]  # the target follows ABOUT

--- DELAY [---] ---
DELAY
- % HAVE * [191]  # a compound subject acts on each other
"""


def test_petrarch_target_and_compound_markers(nlp, tmp_path):
    lexicon = parse_petrarch_verbs("<sample>", text=PETRARCH_MARKERS)
    (warn,) = lexicon.blocks["WARN"].patterns
    (delay,) = lexicon.blocks["DELAY"].patterns
    assert (warn.target_after, warn.compound) == ("about", False)
    assert (delay.target_after, delay.compound) == ("", True)
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_MARKERS, encoding="utf-8")
    coder = EventCoder(load_knowledge(verb_files=[path], shipped=False))
    text = "Gondor warned their Russia populations about Mordor. Gondor and Mordor have delayed it."
    doc = nlp(make_doc(nlp, Article(ref="t", text=text)))
    doc._.mentions = hand_mentions(doc.text, doc._.doc_id, ACTORS)
    assert facts(coder.code_doc(doc)) == {
        ("GON", "MOR", "162", "asserted"),  # not Russia, which only modifies the object
        ("GON", "MOR", "191", "asserted symmetric"),
    }


def test_sending_arms_is_aid_deploying_them_a_show_of_force(coded):
    assert ("RUS", "CHN", "072") in triples(coded("Russia continued to send arms to China."))
    events = coded("Russia deployed arms along the border with China.")
    assert {e.cameo for e in events} == {"154"}


def test_a_threatened_act_is_not_coded_as_done(coded):
    events = coded("Russia threatened to deliver devastating blows to Japan.")
    assert {e.cameo_root for e in events if e.modality == "asserted"} == {"13"}
    assert all(e.modality == "intended" for e in events if e.cameo_root != "13")


def test_source_and_target_markers_swap_the_roles(nlp, tmp_path):
    # PETRARCH's "$" (source) after the verb and "+" (target) before it: the subject is
    # acted upon, the object of the marked word acts ("- + * FROM $", "- + * MONEY $").
    path = tmp_path / "markers.verbs.txt"
    path.write_text(
        "--- RELEASE [060] ---\nFREE\n- + * FROM $ [066]\n\n"
        "--- RECEIVE [020] ---\nRECEIVE\n- + * MONEY $ [071]\n",
        encoding="utf-8",
    )
    lexicon = parse_petrarch_verbs(path)
    (freed,) = lexicon.blocks["RELEASE"].patterns
    assert freed.target_subject and freed.source_after == "from" and not freed.target_after
    coder = EventCoder(load_knowledge(verb_files=[path], shipped=False))
    text = (
        "Gondor's envoy was freed from Mordor on Friday. "
        "Japan received money from China. "
        "Russia received a letter from China."
    )
    doc = nlp(make_doc(nlp, Article(ref="t", text=text, date="2017-02-10")))
    doc._.mentions = hand_mentions(doc.text, doc._.doc_id, ACTORS)
    found = triples(coder.code_doc(doc))
    assert ("MOR", "GON", "066") in found  # a passive subject is the target
    assert ("CHN", "JPN", "071") in found
    # without the marked word the block's default keeps the subject as the source
    assert ("CHN", "RUS", "020") not in found and ("CHN", "RUS", "071") not in found


def test_words_inside_a_phrase_of_reason_or_time_are_marked():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.patterns import circumstance_words

    words = ["Abe", "attacked", "Trump", "over", "the", "deal", "after", "talks", "."]
    heads = [1, 1, 1, 1, 5, 3, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps)
    verb = doc[1]
    post = list(doc[2:8])
    found = circumstance_words(verb, post, frozenset({"over", "after"}))
    # the prepositions themselves stay visible; the words below them are hidden
    assert found == {2: "over", 3: "over", 5: "after"}
    assert circumstance_words(verb, post, frozenset()) == {}


def test_patterns_do_not_match_inside_a_phrase_of_reason(coded):
    # PHYSICAL_CONFLICT has "- * DEAL [057]": the deal is what the attack is about
    assert not any(e.cameo == "057" for e in coded("Abe attacked Trump over the trade deal."))
    # a pattern that names the preposition still matches inside its phrase
    events = coded("Japan protested against Russia over the attack.")
    assert ("JPN", "RUS", "111") in triples(events)


def test_a_verbal_verb_does_not_borrow_a_material_pattern_of_its_block():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.patterns import PatternMatcher

    text = """\
--- EXPLAIN [010] ---
REPORT
DESCRIBE
- * ATTACK [190]  # REPORT
- * PLAN [013]
"""
    lexicon = parse_petrarch_verbs("<sample>", text=text)
    quads = {"010": 1, "013": 1, "190": 4}
    matcher = PatternMatcher(lexicon, quads.get)
    post = list(Doc(English().vocab, words=["the", "attack", "plan"]))
    # REPORT's own pattern codes the reported attack; DESCRIBE (verbal) may not borrow it
    assert matcher.best("EXPLAIN", [], post[:2], "report").code.forward == "190"
    assert matcher.best("EXPLAIN", [], post[:2], "describe") is None
    # a pattern of the same kind of act is still shared by the block's verbs
    assert matcher.best("EXPLAIN", [], post, "describe").code.forward == "013"
    # with no quad classes known, patterns are shared as before
    assert PatternMatcher(lexicon).best("EXPLAIN", [], post[:2], "describe") is not None


def test_describing_an_attack_is_not_the_attack(coded):
    events = coded("Trump described the chemical attack by Russia as reprehensible.")
    assert not any(e.cameo_root in ("18", "19", "20") for e in events)


def test_an_event_nouns_sense_follows_its_own_words(coded):
    # "strike": an attack when air/missile modifies it or it lands "on" someone, else a
    # labour strike (nominals.tsv's "when" column)
    assert ("CHN", "JPN", "195") in triples(coded("China's air strikes on Japan continued."))
    assert ("RUS", "JPN", "190") in triples(coded("Russia launched strikes on Japan."))
    events = coded("Unions in Japan began a strike against Abe.")
    assert {e.cameo for e in events if e.trigger.text == "strike"} <= {"143"}


def test_the_doer_of_an_event_noun_after_by(coded):
    events = coded("The airstrikes by Russia on China continued.")
    assert ("RUS", "CHN", "195") in triples(events)


def test_a_material_event_nouns_doer_is_not_who_talks_of_it(coded):
    # condemning an attack is not making it; nor is acting "after" one
    events = coded("Japan condemned the attack on China.")
    assert ("JPN", "CHN", "111") in triples(events)
    assert not any(e.cameo_root in ("18", "19") and e.source.code == "JPN" for e in events)
    events = coded("After the attacks on China, Japan met Russia.")
    force = [e for e in events if e.cameo_root in ("18", "19")]
    # the attacks are done by no one the sentence names: unknown armed men, not Japan
    assert force and all(e.source.text == "" and e.source.sector == "UAF" for e in force)
    # a verbal act's doer still comes from its light verb
    assert ("JPN", "RUS", "111") in triples(coded("Japan voiced criticism of Russia."))


def test_an_attack_noun_that_refers_back_takes_the_earlier_doer(code):
    # the whole pipeline (the actors stage codes Boko Haram and the Taliban): "the attack"
    # gave a second event with an unknown doer; reported again in a later sentence, it is
    # that sentence's event by the doer reported before (the guideline, section 2)
    text = "Boko Haram attacked the village of Baga on Monday. The attack on the village killed 20."
    force = [e for e in code(text, date="2015-01-05")._.events if e.cameo_root == "19"]
    assert [e.trigger.text for e in force] == ["attacked", "attack"]
    assert force[0].source.code and force[1].source.code == force[0].source.code
    text = "Police said the attack on the mosque in Kabul was carried out by the Taliban."
    force = [e for e in code(text, date="2015-01-05")._.events if e.cameo_root == "19"]
    assert force and not any(e.source.sector == "UAF" for e in force)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas denied that it was behind the attack on the Israeli embassy.",
        "The United States accused Iran of being behind the attack on the Saudi embassy.",
        "Israel may have been behind the attack on the Iranian embassy.",
        "Police are investigating whether Hamas was behind the attack on the Israeli embassy.",
    ],
)
def test_who_is_only_said_to_be_behind_an_attack_is_not_its_asserted_doer(code, text):
    # the whole pipeline: "X was behind the attack" names the attack's doer only when that
    # clause is asserted; denied, alleged, possible or asked, it names no doer, and the
    # attack is not given to unknown men either (a doer is named, if not asserted)
    events = code(text, date="2015-01-05")._.events
    assert not [e for e in events if e.cameo_root == "19" and e.modality == "asserted"]
    asserted = code("Hamas was behind the attack on the Israeli embassy.", date="2015-01-05")
    assert [(e.source.code, e.cameo_root) for e in asserted._.events] == [("PSEREBHMS", "19")]


def test_talks_a_mediator_reports_are_not_its_own(code):
    # the whole pipeline: the UN (an IGO, no country) reports talks it mediates, and is
    # no side to them; a state reporting talks "with" someone is one
    text = "The UN envoy said talks with the Taliban had collapsed."
    assert not [e for e in code(text)._.events if e.cameo_root == "04"]
    text = "Pakistan said talks with the Taliban had collapsed."
    talks = [e for e in code(text)._.events if e.cameo_root == "04"]
    assert [e.source.code for e in talks] == ["PAK"]


def test_violence_between_actors_who_cannot_fight_is_the_verbs_other_sense(coded):
    # unarmed_senses.tsv: a politician who attacks a politician criticizes
    assert ("USAGOV", "JPNGOV", "111") in triples(coded("Trump attacked Abe over the deal."))
    assert ("USAGOV", "RUSGOV", "111") in triples(coded("Trump tore into Putin."))
    assert ("JPNGOV", "RUSGOV", "172") in triples(coded("Abe fired Putin."))
    # a state can fight: the material sense stays
    assert ("RUS", "JPN", "190") in triples(coded("Russia attacked Japan."))


def test_who_can_fight():
    from detente.events.participants import can_fight, is_armed
    from detente.records import EventActor

    def actor(code, actor_id="person:x"):
        return EventActor("x", 0, 1, actor_id, "x", code, code[:3], code[3:6] or None)

    armed = frozenset({"MIL", "REB"})
    assert not can_fight(actor("USAGOV"), armed)
    assert not can_fight(actor("GBRLEG"), armed)
    assert can_fight(actor("USAMIL"), armed)
    assert can_fight(actor("SYRGOVMIL"), armed)  # an armed sector after the first
    assert can_fight(actor("IMGMUSISI", "org:isis"), armed)
    assert can_fight(actor("JPN", "state:JPN"), armed)  # a state, or a place for one
    # an armed force (whose force at an abstract thing stays force) is not any who can fight
    assert is_armed(actor("SYRGOVMIL"), armed) and is_armed(actor("IMGMUSISI", "org:isis"), armed)
    assert not is_armed(actor("JPN", "state:JPN"), armed) and not is_armed(actor("USAGOV"), armed)


def test_conditions_belong_to_the_act_they_govern(coded):
    # the threat is made; the ban is intended; the condition's own act is only a condition
    events = coded("Japan threatened to impose sanctions against Russia if China attacked it.")
    assert ("JPN", "RUS", "1312", "asserted") in facts(events)
    assert all(e.modality != "asserted" for e in events if e.trigger.text == "attacked")
    # a future act under a condition is announced all the same: an asserted threat/intent
    events = coded("Russia will withdraw its inspectors from Japan unless China agrees.")
    assert ("RUS", "JPN", "136", "asserted") in facts(events)
    assert ("RUS", "JPN", "1662", "conditional") in facts(events)


def test_the_future_of_an_intention_is_one_intention(coded):
    events = coded("Putin said he would be ready to meet Abe.")
    assert ("RUSGOV", "JPNGOV", "040", "intended") in facts(events)
    assert {e.trigger.text for e in events if e.modality == "asserted"} <= {"ready", "said"}


def test_a_states_other_mention_is_another_actor(coded):
    table = {**ACTORS, "Japanese voters": "JPN"}
    assert ("JPN", "JPN", "051") in triples(coded("Japan praised Japanese voters.", table=table))


def test_a_thing_object_and_the_phrase_it_heads():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.clauses import inside_phrase, thing_object

    # "Russia increased tensions between Japan and China ."
    words = ["Russia", "increased", "tensions", "between", "Japan", "and", "China", "."]
    heads = [1, 1, 1, 2, 3, 4, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    actor_tokens = {0, 4, 6}
    thing = thing_object(doc[1], lambda tok: tok.i in actor_tokens)
    assert thing is not None and thing.text == "tensions"
    japan, china, russia = doc[4], doc[6], doc[0]
    assert inside_phrase(thing, japan.idx, japan.idx + len(japan))
    assert inside_phrase(thing, china.idx, china.idx + len(china))
    assert not inside_phrase(thing, russia.idx, russia.idx + len(russia))
    # an object that is an actor is no thing: "Russia increased Japan ..." acts on Japan
    assert thing_object(doc[1], lambda tok: tok.i in actor_tokens | {2}) is None
    # a pronoun object is no thing either ("increased it")
    pos_pron = ["PROPN", "VERB", "PRON", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos_pron)
    assert thing_object(doc[1], lambda tok: tok.i in actor_tokens) is None


def test_a_default_code_of_giving_does_not_reach_into_a_thing_object(coded):
    # BOOST [060] names no pattern for "tensions": the actors inside the object are not
    # counterparts of a cooperation (cameo_roots.tsv thing_object = sense)
    events = coded("Russia increased tensions between Japan and China.")
    assert not any(e.cameo.startswith("06") for e in events)
    # force on someone's things keeps its target (thing_object = owner)
    assert ("RUS", "JPN", "190") in triples(coded("Russia pounded Japan's outposts."))


def test_an_intention_without_counterpart_or_act_needs_a_commitment():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.records import EventActor

    coder = EventCoder(load_knowledge())
    policy = coder.cameo.policy("030")
    assert policy.needs_target == "commitment"
    japan = EventActor("Japan", 0, 5, "state:JPN", "Japan", "JPN", "JPN", None)

    def head_verb(words, lemmas):
        heads = [1, 1, 3, 1, 3, 1]
        deps = ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"]
        pos = ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT"]
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        return doc[1]

    aims = head_verb(
        ["Japan", "aims", "to", "consolidate", "operations", "."],
        ["Japan", "aim", "to", "consolidate", "operation", "."],
    )
    promised = head_verb(
        ["Japan", "promised", "to", "democratize", "Serbia", "."],
        ["Japan", "promise", "to", "democratize", "Serbia", "."],
    )
    # a verb's default code (confidence below a pattern's), one doer, no target
    assert coder._needs_target(0.7, [japan], policy, aims)  # a wish or aim names nothing
    assert not coder._needs_target(0.7, [japan], policy, promised)  # a promise commits
    assert not coder._needs_target(0.9, [japan], policy, aims)  # a pattern names the act
    # an appeal's default code still needs its counterpart, commitment or not
    assert coder._needs_target(0.7, [japan], coder.cameo.policy("020"), promised)


def test_an_aim_alone_is_no_event_a_promise_is(coded):
    assert not any(
        e.cameo_root == "03" for e in coded("Japan is aiming to consolidate operations.")
    )
    events = coded("Russia promised to democratize Japan.")
    assert any(e.cameo_root == "03" and e.modality == "asserted" for e in events)


def test_a_mutual_event_noun_takes_its_sides_from_between():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    # "Clashes between Russia and Japan ended ." - a hand-built parse, hand-built actors
    words = ["Clashes", "between", "Russia", "and", "Japan", "ended", "."]
    heads = [5, 0, 1, 2, 2, 5, 5]
    deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    lemmas = ["clash", "between", "Russia", "and", "Japan", "end", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
    coder = EventCoder(load_knowledge())
    act = coder.nominals.code(doc[0], DocActors.build(doc), set())
    assert act is not None and act.code.forward == "190" and act.reciprocal
    assert [a.code for a in act.sources] == ["RUS"] and [a.code for a in act.targets] == ["JPN"]
    # one side named is no mutual act: no doer of its own, and no domestic fallback
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.mentions = hand_mentions(doc.text, "d", {"Russia": "RUS"})
    assert coder.nominals.code(doc[0], DocActors.build(doc), set()) is None


def test_a_violent_event_noun_between_actors_who_cannot_fight_is_words_or_nothing():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def noun_act(noun, lemma):
        # "<Noun> between Trump and Putin ended ." - a hand-built parse, hand-built actors
        words = [noun, "between", "Trump", "and", "Putin", "ended", "."]
        heads = [5, 0, 1, 2, 2, 5, 5]
        deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
        pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
        lemmas = [lemma, "between", "Trump", "and", "Putin", "end", "."]
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[0], DocActors.build(doc), set())

    # two politicians clash in words (unarmed_senses.tsv: clash 111), as the verb does
    clash = noun_act("Clashes", "clash")
    assert clash is not None and clash.code.forward == "111" and not clash.reciprocal
    assert "unarmed sense" in clash.rule
    # a battle between them has no other sense: no fight is coded
    assert noun_act("Battles", "battle") is None


def test_a_verbal_event_noun_a_verb_is_about_is_not_the_verbs_doers_act(coded):
    # "spoke about the threat": Japan speaks, the threat is not Japan's
    for text in (
        "Japan spoke about the threat to China.",
        "Japan was worried about the threat to China.",
    ):
        events = coded(text)
        assert not any(e.rule.startswith("nominal: threat") for e in events), text
    # a light verb's object is still its doer's act
    assert ("JPN", "CHN", "130") in triples(coded("Japan issued a threat to China."))


def test_several_doers_of_an_act_done_to_someone_still_need_its_target(coded):
    events = coded("Russia and China saw the protests as a threat to stability.")
    assert not any(e.cameo_root == "13" for e in events)
    assert ("JPN", "RUS", "111") in triples(coded("Japan delivered a sharp critique of Russia."))


def test_a_verbs_sense_needs_an_actor_or_place_in_its_argument():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.clauses import argument_heads
    from detente.events.coder import _Coding
    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    vocab = English().vocab

    def parse(words, lemmas, heads, deps, pos, actor_tokens):
        doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        by_token = [0 if i in actor_tokens else -1 for i in range(len(doc))]
        return doc, DocActors(by_token, [], {}, [], [])

    def sense(doc, actors, code, pattern=None):
        coding = _Coding(CodeSpec(code), "", 0.9 if pattern else 0.7, pattern)
        return coder._argument_sense(doc[1], coding, actors)

    # "Japan took issue with China ." / "Japan took Gondor ."
    took = dict(
        lemmas=["Japan", "take", "issue", "with", "China", "."],
        heads=[1, 1, 1, 1, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    doc, actors = parse(
        ["Japan", "took", "issue", "with", "China", "."], **took, actor_tokens={0, 4}
    )
    assert [t.text for t in argument_heads(doc[1], "object")] == ["issue"]
    assert not sense(doc, actors, "171")  # a thing taken: not a seizure
    assert sense(doc, actors, "030")  # another root: the table says nothing
    doc, actors = parse(
        ["Japan", "took", "Gondor", "with", "China", "."], **took, actor_tokens={0, 2, 4}
    )
    assert sense(doc, actors, "171")  # an actor taken

    # "Gondor was taken by Japan ." (the passive subject is the object) / "Gondor was given
    # a tour by Japan ." (the recipient, as in "gave Gondor a tour": the object is the tour)
    doc, actors = parse(
        ["Gondor", "was", "taken", "by", "Japan", "."],
        lemmas=["Gondor", "be", "take", "by", "Japan", "."],
        heads=[2, 2, 2, 2, 3, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        actor_tokens={0, 4},
    )
    assert [t.text for t in argument_heads(doc[2], "object")] == ["Gondor"]
    given = dict(
        lemmas=["Gondor", "be", "give", "a", "tour", "by", "Japan", "."],
        heads=[2, 2, 2, 4, 2, 2, 5, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "det", "dobj", "agent", "pobj", "punct"],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    words = ["Gondor", "was", "given", "a", "tour", "by", "Japan", "."]
    doc, actors = parse(words, **given, actor_tokens={0, 6})
    assert [t.text for t in argument_heads(doc[2], "object")] == ["tour"]
    coding = _Coding(CodeSpec("060"), "", 0.7, None)
    assert not coder._argument_sense(doc[2], coding, actors)  # a tour granted: nothing

    # "Japan went back to Gondor ." ("to" under the adverb) / "... back on Gondor ."
    went = dict(
        lemmas=["Japan", "go", "back", "to", "Gondor", "."],
        heads=[1, 1, 1, 2, 3, 1],
        deps=["nsubj", "ROOT", "advmod", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "ADV", "ADP", "PROPN", "PUNCT"],
    )
    doc, actors = parse(["Japan", "went", "back", "to", "Gondor", "."], **went, actor_tokens={0, 4})
    assert [t.text for t in argument_heads(doc[1], "to,in")] == ["Gondor"]
    assert sense(doc, actors, "040")
    doc, actors = parse(["Japan", "went", "back", "on", "Gondor", "."], **went, actor_tokens={0, 4})
    assert not sense(doc, actors, "040")  # no destination: another sense
    doc, actors = parse(["Japan", "went", "back", "to", "earth", "."], **went, actor_tokens={0})
    assert not sense(doc, actors, "040")  # a destination that is no actor or place

    # patterns: one of prepositions and particles is checked, one naming a noun is not
    by_pattern = {p.text: p for p in coder.verb_codes.lexicon.blocks["ARRIVE"].patterns}
    back, summit = by_pattern["- * BACK [042:043]"], by_pattern["- * SUMMIT [046]"]
    assert not sense(doc, actors, "042", back)
    assert sense(doc, actors, "046", summit)

    # "Rebels struggled to replenish fighters ." / "Rebels struggled against Gondor ."
    struggled = dict(
        lemmas=["rebel", "struggle", "to", "replenish", "fighter", "."],
        heads=[1, 1, 3, 1, 3, 1],
        deps=["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        pos=["NOUN", "VERB", "PART", "VERB", "NOUN", "PUNCT"],
    )
    words = ["Rebels", "struggled", "to", "replenish", "fighters", "."]
    doc, actors = parse(words, **struggled, actor_tokens={0, 4})
    assert not sense(doc, actors, "190")  # an actor in a clause below is no opponent
    coding = _Coding(CodeSpec("190"), "", 0.7, None)
    assert coder._argument_sense(doc[1], coding, actors, mutual=True)  # "X and Y struggled"
    struggled["deps"] = ["nsubj", "ROOT", "prep", "pobj", "punct", "punct"]
    struggled["heads"] = [1, 1, 1, 2, 1, 1]
    struggled["lemmas"] = ["rebel", "struggle", "against", "Gondor", ".", "."]
    struggled["pos"] = ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PUNCT"]
    doc, actors = parse(
        ["Rebels", "struggled", "against", "Gondor", ".", "."], **struggled, actor_tokens={0, 3}
    )
    assert sense(doc, actors, "190")


def test_took_issue_and_went_back_on_a_pledge_code_no_seizure_or_visit(coded):
    assert not any(e.cameo_root == "17" for e in coded("Japan took issue with China."))
    assert not any(e.cameo_root == "04" for e in coded("Japan went back on a pledge to China."))
    # the same verbs with an actor or place where their sense needs one
    assert ("JPN", "CHN", "040") in triples(coded("Japan went to China."))
    assert ("JPN", "CHN", "042") in triples(coded("Japan returned from China."))


def test_a_death_is_a_killing_only_when_an_act_of_force_is_named():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.coder import _Coding
    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    died = _Coding(CodeSpec("190"), "", 0.7, None)  # DIE [190]: the verb's default code

    def sense(words, lemmas, pos):
        # "<subject> died <prep> <noun> ." / "<subject> died after <verb>ing ."
        heads = [1, 1, 1, 2, 1]
        deps = ["nsubj", "ROOT", "prep", "pobj" if pos[3] == "NOUN" else "pcomp", "punct"]
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        actors = DocActors([0, -1, -1, -1, -1], [], {}, [], [])
        return coder._argument_sense(doc[1], died, actors)

    noun = ["PROPN", "VERB", "ADP", "NOUN", "PUNCT"]
    verb = ["PROPN", "VERB", "ADP", "VERB", "PUNCT"]
    assert sense(
        ["Ali", "died", "in", "airstrikes", "."], ["Ali", "die", "in", "airstrike", "."], noun
    )
    assert sense(
        ["Ali", "died", "after", "shooting", "."], ["Ali", "die", "after", "shoot", "."], verb
    )
    assert not sense(
        ["Ali", "died", "of", "leukemia", "."], ["Ali", "die", "of", "leukemia", "."], noun
    )
    assert not sense(
        ["Ali", "died", "after", "resting", "."], ["Ali", "die", "after", "rest", "."], verb
    )


def test_a_natural_death_codes_no_killing(coded):
    assert not any(e.cameo_root == "19" for e in coded("Japan's king died of leukemia in China."))
    table = {**ACTORS, "Japanese soldier": "JPNMIL", "Chinese troops": "CHNMIL"}
    events = coded("A Japanese soldier died after being shot by Chinese troops.", table=table)
    assert any(e.trigger.text == "died" and e.cameo_root == "19" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel bombed Syria's air defence system.", ("ISR", "SYR", "19")),
        ("Israeli air strikes on Hamas's tunnel system killed 12 people.", ("ISR", None, "19")),
        (
            "A Russian missile attack on Ukraine's energy system left millions without power.",
            ("RUS", "UKR", "19"),
        ),
        ("Russian troops attacked the Ukrainian army's supply system.", ("RUSMIL", "UKRMIL", "19")),
        (
            "Opposition leader Peter Dutton launched an attack on the cost of the asylum system.",
            ("AUSELI", "AUS", "11"),
        ),
    ],
)
def test_force_at_a_physical_thing_stays_force(code, text, expected):
    """abstract_nouns.txt names only what no force can strike: a bombed "air defence
    system" or "energy system" is an attack (19x), not criticism or nothing; "an attack on
    the cost of the asylum system" is still words (11x)."""
    source, target, root = expected
    events = code(text, date="2020-01-01")._.events
    assert any(
        e.source.code == source
        and (target is None or (e.target and e.target.code == target))
        and e.cameo_root == root
        for e in events
    ), [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]


def test_an_obligation_on_the_demanders_own_side_is_no_demand():
    """ "Abe said China must act" demands of China; "we must act" and "Japan must act"
    said by Japan's prime minister lay the duty on his own side: no demand (10x)."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    vocab = English().vocab

    def obligation(obliged: str, kind: str, actor_id: str, code: str, pos: str):
        words = ["Abe", "said", obliged, "must", "act", "."]
        doc = Doc(
            vocab,
            words=words,
            heads=[1, 1, 4, 4, 1, 1],
            deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
            pos=["PROPN", "VERB", pos, "AUX", "VERB", "PUNCT"],
            lemmas=["Abe", "say", obliged.lower(), "must", "act", "."],
        )
        start = len("Abe said ")
        doc._.mentions = [
            Mention("t", 0, 3, "Abe", "person", "shinzo-abe", "Abe", "JPNGOV", "JPN", "GOV", "kb"),
            Mention(
                "t",
                start,
                start + len(obliged),
                obliged,
                kind,
                actor_id,
                obliged,
                code,
                code[:3],
                code[3:] or None,
                "kb",
            ),  # fmt: skip
        ]
        actors = DocActors.build(doc)
        verb = doc[4]
        return coder._code_obligation(verb, coder.verb_codes.entry(verb), actors)

    demand = obligation("China", "state", "state:CHN", "CHN", "PROPN")
    assert demand is not None and demand.targets[0].code == "CHN"
    assert demand.code.forward.startswith("10")
    # the speaker's own state, and a first-person pronoun (resolved to his government)
    assert obligation("Japan", "state", "state:JPN", "JPN", "PROPN") is None
    assert obligation("we", "organization", "org:japan-government", "JPNGOV", "PRON") is None
    # "US" is a name, not the pronoun "us"
    assert obligation("US", "state", "state:USA", "USA", "PROPN") is not None


def test_a_cooperative_default_needs_an_actor_acted_on():
    """give, lead, serve, increase cooperate (06, their block's default) only when what they
    act on is an actor or place: "Japan led Gondor", not "Japan gave Gondor a book"."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.coder import _Coding
    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    vocab = English().vocab

    def sense(words, lemmas, heads, deps, pos, actor_tokens, code="060"):
        doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        actors = DocActors(
            [0 if i in actor_tokens else -1 for i in range(len(doc))], [], {}, [], []
        )
        return coder._argument_sense(doc[1], _Coding(CodeSpec(code), "", 0.7, None), actors)

    gave = dict(
        lemmas=["Japan", "give", "Gondor", "a", "book", "."],
        heads=[1, 1, 1, 4, 1, 1],
        deps=["nsubj", "ROOT", "dative", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"],
    )
    assert not sense(["Japan", "gave", "Gondor", "a", "book", "."], **gave, actor_tokens={0, 2})
    assert sense(["Japan", "gave", "Gondor", "a", "Mordor", "."], **gave, actor_tokens={0, 2, 4})
    led = dict(
        lemmas=["Japan", "lead", "Gondor", "."],
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PUNCT"],
    )
    assert sense(["Japan", "led", "Gondor", "."], **led, actor_tokens={0, 2})
    assert not sense(["Japan", "led", "talks", "."], **led, actor_tokens={0})
    # another root than the table's: the table says nothing
    assert sense(["Japan", "led", "talks", "."], **led, actor_tokens={0}, code="040")


def test_a_consultation_needs_a_counterpart_even_by_pattern():
    """ "Abe sent a letter to Putin" consults Putin (04x); "Abe sent a letter" names no
    counterpart, and a consultation with no one is no event, even by a pattern
    ("- * LETTER [040]")."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    vocab = English().vocab

    def code(words, heads, deps, pos, lemmas):
        doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        mentions = []
        for name, code in (("Abe", "JPNGOV"), ("Putin", "RUSGOV")):
            if name in words:
                start = doc[words.index(name)].idx
                mentions.append(
                    Mention(
                        "t",
                        start,
                        start + len(name),
                        name,
                        "person",
                        name.lower(),
                        name,
                        code,
                        code[:3],
                        code[3:],
                        "kb",
                    )  # fmt: skip
                )
        doc._.mentions = mentions
        acts = coder._code_verb(doc[1], DocActors.build(doc), set())
        return [(a.code.forward, [t.code for t in a.targets]) for a in acts]

    to_putin = code(
        ["Abe", "sent", "a", "letter", "to", "Putin", "."],
        heads=[1, 1, 3, 1, 1, 4, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Abe", "send", "a", "letter", "to", "Putin", "."],
    )
    assert any(c.startswith("04") and t == ["RUSGOV"] for c, t in to_putin), to_putin
    alone = code(
        ["Abe", "sent", "a", "letter", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Abe", "send", "a", "letter", "."],
    )
    assert not any(c and c.startswith("04") for c, _ in alone), alone


def test_an_event_noun_takes_its_doer_from_a_participle_that_carries_it_out():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def noun_act(verb, lemma):
        # "Accusations <verb> by Japan against Russia grew ." - hand-built parse and actors
        words = ["Accusations", verb, "by", "Japan", "against", "Russia", "grew", "."]
        heads = [6, 0, 1, 2, 1, 4, 6, 6]
        deps = ["nsubj", "acl", "agent", "pobj", "prep", "pobj", "ROOT", "punct"]
        pos = ["NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
        tags = ["NNS", "VBN", "IN", "NNP", "IN", "NNP", "VBD", "."]
        lemmas = ["accusation", lemma, "by", "Japan", "against", "Russia", "grow", "."]
        doc = Doc(
            English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
        )
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[0], DocActors.build(doc), set())

    # a light verb's participle: its agent does the act, its phrase names the one accused
    act = noun_act("leveled", "level")
    assert act is not None and act.code.forward == "112"
    assert [a.code for a in act.sources] == ["JPN"] and [a.code for a in act.targets] == ["RUS"]
    # a verb that only speaks of the act lends it no doer ("accusations denied by Japan")
    assert noun_act("denied", "deny") is None


def test_an_actor_facing_an_act_from_another_receives_it():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def noun_act(verb, lemma):
        # "Trump <verb> criticism from Japan ." - a hand-built parse, hand-built actors
        words = ["Trump", verb, "criticism", "from", "Japan", "."]
        heads = [1, 1, 1, 2, 3, 1]
        deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
        pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
        tags = ["NNP", "VBD", "NN", "IN", "NNP", "."]
        lemmas = ["Trump", lemma, "criticism", "from", "Japan", "."]
        doc = Doc(
            English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
        )
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[2], DocActors.build(doc), set())

    # the one facing criticism is criticized by the "from" phrase's actor, as "drew" it
    for verb, lemma in (("faced", "face"), ("drew", "draw")):
        act = noun_act(verb, lemma)
        assert act is not None and act.code.forward == "111", verb
        assert [a.code for a in act.sources] == ["JPN"] and [a.code for a in act.targets] == [
            "USAGOV"
        ], verb


def test_a_mutual_event_noun_takes_its_sides_from_between_on_its_verb():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def noun_act(dep):
        # "Clashes erupted between Russia and Japan ." - "between" on the verb
        words = ["Clashes", "erupted", "between", "Russia", "and", "Japan", "."]
        heads = [1, 1, 1, 2, 3, 3, 1]
        deps = [dep, "ROOT", "prep", "pobj", "cc", "conj", "punct"]
        pos = ["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"]
        lemmas = ["clash", "erupt", "between", "Russia", "and", "Japan", "."]
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[0], DocActors.build(doc), set())

    act = noun_act("nsubj")
    assert act is not None and act.code.forward == "190" and act.reciprocal
    assert [a.code for a in act.sources] == ["RUS"] and [a.code for a in act.targets] == ["JPN"]
    # the noun is not the verb's subject: the verb's phrase is not about it
    assert noun_act("npadvmod") is None


def _state(doc, name: str, code: str) -> Mention:
    """The state mention ``name`` (coded ``code``) of a hand-built parse."""
    start = next(t.idx for t in doc if t.text == name)
    fields = ("state", f"state:{code}", name, code, code, None, "kb")
    return Mention("t", start, start + len(name), name, *fields)


def test_a_past_act_recalled_only_to_date_is_no_new_event():
    """The guideline's "since the 2003 invasion": an event noun after a dating preposition,
    or dated to a year before the article's, recalls a past act; "after the invasion", or
    the 2003 invasion in a 2003 story, reports one."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    vocab = English().vocab

    def code(prep, year, today):
        words = ["Troops", "stayed", prep, "the", year, "US", "invasion", "of", "Iraq", "."]
        doc = Doc(
            vocab,
            words=words,
            heads=[1, 1, 1, 6, 6, 6, 2, 6, 7, 1],
            deps=["nsubj", "ROOT", "prep", "det", "nummod", "compound", "pobj", "prep", "pobj"]
            + ["punct"],
            pos=["NOUN", "VERB", "ADP", "DET", "NUM", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["troop", "stay", prep, "the", year, "US", "invasion", "of", "Iraq", "."],
            ents=["O", "O", "O", "O", "B-DATE", "B-GPE", "O", "O", "B-GPE", "O"],
        )
        doc._.date = dt.date(today, 6, 1)
        doc._.mentions = [_state(doc, "US", "USA"), _state(doc, "Iraq", "IRQ")]
        act = coder.nominals.code(doc[6], DocActors.build(doc), set())
        return None if act is None else [t.code for t in act.targets]

    assert code("after", "2003", 2003) == ["IRQ"]
    assert code("since", "2003", 2003) is None  # only dates the troops' stay
    assert code("after", "2003", 2015) is None  # a long-past act recalled
    assert code("after", "2015", 2015) == ["IRQ"]


def test_a_definite_noun_naming_a_past_act_recalled_is_no_new_event():
    """ "The 2009 attack killed soldiers. The attack shocked Texas." in a 2014 story: "the
    attack", with no doer named, is the act of its kind mentioned last, recalled from
    2009; in a 2009 story both report the news."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    words = ["The", "2009", "attack", "killed", "soldiers", ".", "The", "attack", "shocked"]
    words += ["Texas", "."]

    def code(today):
        doc = Doc(
            English().vocab,
            words=words,
            heads=[2, 2, 3, 3, 3, 3, 7, 8, 8, 8, 8],
            deps=["det", "nummod", "nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT"]
            + ["dobj", "punct"],
            pos=["DET", "NUM", "NOUN", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PROPN"]
            + ["PUNCT"],
            lemmas=["the", "2009", "attack", "kill", "soldier", ".", "the", "attack", "shock"]
            + ["Texas", "."],
            ents=["O", "B-DATE", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O"],
        )
        doc._.date = dt.date(today, 6, 1)
        doc._.mentions = [_state(doc, "Texas", "USA")]
        act = coder.nominals.code(doc[7], DocActors.build(doc), set())
        return None if act is None else [s.code for s in act.sources]

    assert code(2009)  # the news: done by unknown armed men
    assert code(2014) is None


def test_an_act_with_no_doer_in_another_nouns_phrase_is_that_nouns_topic():
    """ "The attack shocked Texas" reports an attack by unknown men; in "the nature of the
    attack shocked Texas" the attack is what "nature" is about, not an act reported."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def code(words, heads, deps, pos):
        lemmas = [w.lower() for w in words]
        ents = ["B-GPE" if w == "Texas" else "O" for w in words]
        doc = Doc(
            English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
            ents=ents,
        )  # fmt: skip
        doc._.date = dt.date(2014, 6, 1)
        doc._.mentions = [_state(doc, "Texas", "USA")]
        noun = doc[words.index("attack")]
        return coder.nominals.code(noun, DocActors.build(doc), set())

    assert code(
        ["The", "attack", "shocked", "Texas", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
    )
    assert not code(
        ["The", "nature", "of", "the", "attack", "shocked", "Texas", "."],
        [1, 5, 1, 4, 2, 5, 5, 5],
        ["det", "nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
    )


def _hand_doc(words, heads, deps, pos, lemmas, ents, today):
    from spacy.lang.en import English
    from spacy.tokens import Doc

    doc = Doc(
        English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents
    )
    doc._.date = today
    return doc


def test_a_recently_dated_act_after_a_dating_preposition_is_news():
    """ "since the US invasion of Iraq on Monday", "after the December 2015 US invasion" in a
    2016-01-05 story: dated recently, the act is news; "since" dates only an undated or old
    act, and a month compares by days, not only the year ("the June 2015 invasion" is old)."""
    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def since_on(day):
        words = ["Troops", "stayed", "since", "the", "US", "invasion", "of", "Iraq", "on", day]
        words += ["."]
        doc = _hand_doc(
            words,
            [1, 1, 1, 5, 5, 2, 5, 6, 5, 8, 1],
            ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "prep", "pobj"]
            + ["punct"],
            ["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "ADP", "PROPN", "ADP", "PROPN"]
            + ["PUNCT"],
            ["troop", "stay", "since", "the", "US", "invasion", "of", "Iraq", "on", day, "."],
            ["O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O", "B-DATE", "O"],
            dt.date(2016, 1, 5),
        )
        doc._.mentions = [_state(doc, "US", "USA"), _state(doc, "Iraq", "IRQ")]
        act = coder.nominals.code(doc[5], DocActors.build(doc), set())
        return None if act is None else [t.code for t in act.targets]

    def after_month(month, year):
        words = ["Troops", "stayed", "after", "the", month, year, "US", "invasion", "of", "Iraq"]
        words += ["."]
        doc = _hand_doc(
            words,
            [1, 1, 1, 7, 7, 4, 7, 2, 7, 8, 1],
            ["nsubj", "ROOT", "prep", "det", "compound", "nummod", "compound", "pobj", "prep"]
            + ["pobj", "punct"],
            ["NOUN", "VERB", "ADP", "DET", "PROPN", "NUM", "PROPN", "NOUN", "ADP", "PROPN"]
            + ["PUNCT"],
            ["troop", "stay", "after", "the", month, year, "US", "invasion", "of", "Iraq", "."],
            ["O", "O", "O", "O", "B-DATE", "I-DATE", "B-GPE", "O", "O", "B-GPE", "O"],
            dt.date(2016, 1, 5),
        )
        doc._.mentions = [_state(doc, "US", "USA"), _state(doc, "Iraq", "IRQ")]
        act = coder.nominals.code(doc[7], DocActors.build(doc), set())
        return None if act is None else [t.code for t in act.targets]

    assert since_on("Monday") == ["IRQ"]
    assert after_month("December", "2015") == ["IRQ"]
    assert after_month("June", "2015") is None


def test_a_partitive_head_does_not_make_an_event_noun_its_topic():
    """ "A wave of bombings killed 20 in Iraq": the partitive head only counts the acts (done
    by unknown armed men); "the nature of the bombings" is about a known act."""
    from detente.events.nominal import _topic_of_noun

    coder = EventCoder(load_knowledge())
    words = coder.nominals.words

    def topic(head):
        doc = _hand_doc(
            ["A", head, "of", "bombings", "killed", "20", "."],
            [1, 4, 1, 2, 4, 4, 4],
            ["det", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
            ["DET", "NOUN", "ADP", "NOUN", "VERB", "NUM", "PUNCT"],
            ["a", head, "of", "bombing", "kill", "20", "."],
            ["O"] * 7,
            dt.date(2016, 1, 5),
        )
        return _topic_of_noun(doc[3], words)

    assert topic("nature")
    assert not topic("wave")
    assert not topic("series")


def test_a_definite_noun_after_a_verb_reporting_its_act_is_not_a_recalled_one():
    """ "Gunmen attacked a hotel closed since the 2015 attack. The attack killed
    12." in a 2016 story: the sentence's verb reports the act "the attack" names again, not
    the dated noun recalled beside it."""
    from detente.events.nominal import NominalCoder

    coder = EventCoder(load_knowledge())
    nominals: NominalCoder = coder.nominals
    words = ["Gunmen", "attacked", "a", "hotel", "closed", "since", "the", "2015", "attack", "."]
    words += ["The", "attack", "killed", "12", "."]
    doc = _hand_doc(
        words,
        [1, 1, 3, 1, 3, 4, 8, 8, 5, 1, 11, 12, 12, 12, 12],
        ["nsubj", "ROOT", "det", "dobj", "acl", "prep", "det", "nummod", "pobj", "punct", "det"]
        + ["nsubj", "ROOT", "dobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "DET", "NUM", "NOUN", "PUNCT", "DET"]
        + ["NOUN", "VERB", "NUM", "PUNCT"],
        ["gunman", "attack", "a", "hotel", "close", "since", "the", "2015", "attack", ".", "the"]
        + ["attack", "kill", "12", "."],
        ["O"] * 7 + ["B-DATE"] + ["O"] * 7,
        dt.date(2016, 1, 5),
    )
    entry = nominals.sense(doc[11])
    assert entry is not None
    assert not nominals._recalls_past(doc[11], entry)
    # without the verb's act, the dated noun is the one named again
    doc2 = _hand_doc(
        ["The", "2015", "attack", "killed", "12", ".", "The", "attack", "shocked", "Kabul", "."],
        [2, 2, 3, 3, 3, 3, 7, 8, 8, 8, 8],
        ["det", "nummod", "nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT", "dobj"]
        + ["punct"],
        ["DET", "NUM", "NOUN", "VERB", "NUM", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        ["the", "2015", "attack", "kill", "12", ".", "the", "attack", "shock", "Kabul", "."],
        ["O", "B-DATE"] + ["O"] * 9,
        dt.date(2016, 1, 5),
    )
    assert nominals._recalls_past(doc2[7], nominals.sense(doc2[7]))
    # "Those killed in the 2009 attack": the verb tells the dated noun's toll, not an act
    doc3 = _hand_doc(
        ["Those", "killed", "in", "the", "2009", "attack", "mourned", ".", "The", "attack"]
        + ["shocked", "Texas", "."],
        [6, 0, 1, 5, 5, 2, 6, 6, 9, 10, 10, 10, 10],
        ["nsubj", "acl", "prep", "det", "nummod", "pobj", "ROOT", "punct", "det", "nsubj"]
        + ["ROOT", "dobj", "punct"],
        ["PRON", "VERB", "ADP", "DET", "NUM", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB"]
        + ["PROPN", "PUNCT"],
        ["those", "kill", "in", "the", "2009", "attack", "mourn", ".", "the", "attack", "shock"]
        + ["Texas", "."],
        ["O"] * 4 + ["B-DATE"] + ["O"] * 8,
        dt.date(2014, 1, 5),
    )
    assert nominals._recalls_past(doc3[9], nominals.sense(doc3[9]))


def test_the_of_phrase_of_an_intransitive_event_noun_names_its_doer():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())

    def noun_act(noun, lemma, doer="Abe", place="Russia"):
        # "The <noun> of Abe to Russia ended ." - a hand-built parse, hand-built actors
        words = ["The", noun, "of", doer, "to", place, "ended", "."]
        heads = [1, 6, 1, 2, 1, 4, 6, 6]
        deps = ["det", "nsubj", "prep", "pobj", "prep", "pobj", "ROOT", "punct"]
        pos = ["DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
        lemmas = ["the", lemma, "of", doer, "to", place, "end", "."]
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[1], DocActors.build(doc), set())

    # "the visit of Abe to Russia": Abe visits (genitive_doers.txt), as "Abe visited Russia"
    visit = noun_act("visit", "visit")
    assert visit is not None and visit.code.forward == "042"
    assert [a.code for a in visit.sources] == ["JPNGOV"]
    assert [a.code for a in visit.targets] == ["RUS"]
    # "the arrest of Abe": "of" names the one arrested (a target preposition), never the doer
    arrest = noun_act("arrest", "arrest")
    assert arrest is None or "JPNGOV" not in [a.code for a in arrest.sources]
    # "the embargo of Japan": what is done to Japan; the noun is not on the list
    embargo = noun_act("embargo", "embargo", doer="Japan", place="Russia")
    assert embargo is None or "JPN" not in [a.code for a in embargo.sources]


def test_an_actor_inside_the_of_phrase_is_not_the_doer_only_its_head():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.participants import DocActors

    coder = EventCoder(load_knowledge())
    # "The talk of Japan 's plan with Russia ended ." - a hand-built parse: the "of" phrase
    # is what the talk is about (Japan's plan), not who talks
    words = ["The", "talk", "of", "Japan", "'s", "plan", "with", "Russia", "ended", "."]
    heads = [1, 8, 1, 5, 3, 2, 1, 6, 8, 8]
    deps = ["det", "nsubj", "prep", "poss", "case", "pobj", "prep", "pobj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PART", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    lemmas = ["the", "talk", "of", "Japan", "'s", "plan", "with", "Russia", "end", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
    act = coder.nominals.code(doc[1], DocActors.build(doc), set())
    assert act is None or "JPN" not in [a.code for a in act.sources]


def test_a_definite_event_noun_with_no_doer_names_again_the_act_reported_before():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from detente.events.nominal import ReportedAct
    from detente.events.participants import DocActors
    from detente.records import EventActor

    coder = EventCoder(load_knowledge())
    abe = EventActor("Abe", 0, 3, None, "Abe", "JPNGOV", "JPN", "GOV")
    russia = EventActor("Russia", 12, 18, None, "Russia", "RUS", "RUS", None)
    # "Abe visited Russia." reported in the sentence before
    visited = ReportedAct("04", frozenset({"RUS"}), frozenset({"JPNGOV"}), (abe,), (russia,))

    def noun_act(words, heads, deps, pos, lemmas, earlier, noun=1):
        doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        doc._.mentions = hand_mentions(doc.text, "d", ACTORS)
        return coder.nominals.code(doc[noun], DocActors.build(doc), set(), earlier=earlier)

    # "The visit ended ." - a hand-built parse: the visit reported before, named again
    plain = (
        ["The", "visit", "ended", "."],
        [1, 2, 2, 2],
        ["det", "nsubj", "ROOT", "punct"],
        ["DET", "NOUN", "VERB", "PUNCT"],
        ["the", "visit", "end", "."],
    )
    act = noun_act(*plain, [visited])
    assert act is not None and act.code.forward[:2] == "04" and "named again" in act.rule
    assert [a.code for a in act.sources] == ["JPNGOV"] and [a.code for a in act.targets] == ["RUS"]
    # no act of its root before it, or only one of its own sentence: nothing to name again
    assert noun_act(*plain, []) is None
    here = ReportedAct("04", frozenset({"RUS"}), frozenset({"JPNGOV"}), (abe,), (russia,), True)
    assert noun_act(*plain, [here]) is None
    # "A visit ended .": an indefinite noun is another act
    indefinite = (["A", *plain[0][1:]], *plain[1:4], ["a", *plain[4][1:]])
    assert noun_act(*indefinite, [visited]) is None
    # "The visit to China ended .": it names ones acted on the earlier act was not done to
    words = ["The", "visit", "to", "China", "ended", "."]
    heads = [1, 4, 1, 2, 4, 4]
    deps = ["det", "nsubj", "prep", "pobj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    lemmas = ["the", "visit", "to", "China", "end", "."]
    assert noun_act(words, heads, deps, pos, lemmas, [visited]) is None
    # "The visit planned by China ended .": a clause on the noun names its own doer
    words = ["The", "visit", "planned", "by", "China", "ended", "."]
    heads = [1, 5, 1, 2, 3, 5, 5]
    deps = ["det", "nsubj", "acl", "agent", "pobj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "VERB", "PUNCT"]
    lemmas = ["the", "visit", "plan", "by", "China", "end", "."]
    assert noun_act(words, heads, deps, pos, lemmas, [visited]) is None


def test_pulling_ones_own_state_out_of_a_pact_does_nothing_to_it(coded):
    # the user's seed: "Trump pulled the United States out of the TPP" was 040 USAGOV -> USA
    events = coded("Trump pulled the United States out of the TPP.")
    assert not any(e.target is not None and e.target.country == "USA" for e in events)
    # the body left is what the withdrawal is done to
    events = coded("Trump withdrew the United States from the coalition with Russia.")
    assert ("USAGOV", "RUS", "161") in triples(events)
    assert not any(e.target is not None and e.target.country == "USA" for e in events)
