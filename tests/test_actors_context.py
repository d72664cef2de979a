"""Issue 10: the reader's country for unattached actors, pronouns and definite descriptions
that point back, first person inside quotes, and the real-news actor scorer.

The rules first on hand-built parses and records (no model), then on the real pipeline."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from detente.actors.coding import Resolution
from detente.actors.context import attach_countries, sector_of_code
from detente.actors.descriptions import (
    antecedent,
    describes_name,
    find_descriptions,
    kind_words,
    kinds_named,
    typed_antecedent,
)
from detente.actors.focus import Focus, dateline_span, focus_country, outlet_country
from detente.actors.quoted import QUOTE_RULE, first_person_references
from detente.nlp.syntax import sentence_numbers
from detente.quotes.marks import QuotedPassage

VOCAB = spacy.blank("en").vocab
SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "REB", "BUS", "MED", "OPP"})
DESCRIPTIONS = {"country": "state", "group": "body", "company": "body"}
DEFINITE = frozenset({"the", "this", "that"})


def parse(words: str, heads: list[int], deps: str, pos: str, **kw) -> Doc:
    return Doc(VOCAB, words=words.split(), heads=heads, deps=deps.split(), pos=pos.split(), **kw)


def res(kind, code=None, country=None, sector=None, by="kb", actor_id=None) -> Resolution:
    return Resolution(kind, actor_id, None, code, country, sector, by)


# -- the document's focus ----------------------------------------------------------------------


def test_focus_is_the_country_that_stands_out_with_the_lead_weighing_more():
    assert focus_country([(0, "NPL"), (1, "NPL"), (5, "IND")]) == "NPL"
    # two late mentions each: no country stands out
    assert focus_country([(9, "NPL"), (9, "NPL"), (9, "IND"), (9, "IND")]) is None
    # the same counts, but one of them in the headline and lead: it stands out
    assert focus_country([(0, "IND"), (1, "IND"), (9, "NPL"), (9, "NPL")]) == "IND"
    assert focus_country([]) is None
    # a dateline outweighs a scattering of other mentions
    assert focus_country([(3, "USA"), (4, "GBR")], dateline="VEN") == "VEN"


def test_outlet_country_by_domain_or_parent_domain():
    outlets = {"cnn.com": "USA", "bbc.co.uk": "GBR"}
    assert outlet_country("https://edition.cnn.com/2019/01/x.html", outlets) == "USA"
    assert outlet_country("www.bbc.co.uk/news/1", outlets) == "GBR"
    assert outlet_country("https://example.org/a", outlets) is None
    assert outlet_country(None, outlets) is None


def test_dateline_in_capitals_or_before_a_credit_and_never_mid_line():
    doc = Doc(VOCAB, words="CARACAS ( Reuters ) - The government said".split())
    assert dateline_span(doc) == (0, 1)
    doc = Doc(VOCAB, words="TEHRAN , Iran — Officials said".split())
    assert dateline_span(doc) == (0, 3)
    doc = Doc(VOCAB, words="Paris ( CNN ) France said".split())
    assert dateline_span(doc) == (0, 1)
    doc = Doc(VOCAB, words="The NATO - led force said".split())
    assert dateline_span(doc) is None


# -- countries from context ---------------------------------------------------------------------


NO_FOCUS = Focus(None, None)


def attach(items, sentence_of, focus=NO_FOCUS, domestic=frozenset({"LEG"})):
    return attach_countries(
        items, sentence_of=sentence_of, focus=focus, sectors=SECTORS, domestic_sectors=domestic
    )


def test_sector_codes_are_attachable_country_codes_are_not():
    assert sector_of_code("GOVBUS", SECTORS) == "GOVBUS"
    assert sector_of_code("USAGOV", SECTORS) is None
    assert sector_of_code("IGOUNO", SECTORS) is None


def test_an_unattached_agent_takes_its_antecedent_of_the_same_sector():
    items = [
        (0, 2, res("group", "NPLGOV", "NPL", "GOV"), None),
        (5, 6, res("group", "GOV", None, "GOV", by="role"), None),
        (8, 9, res("group", "MIL", None, "MIL", by="role"), None),
    ]
    out = attach(items, [0] * 10)
    assert (out[1][2].code, out[1][2].resolved_by) == ("NPLGOV", "role+antecedent")
    # no military named before and no focus: the army stays without a country
    assert out[2][2].country is None and out[2][2].resolved_by == "role"


def test_an_antecedent_too_far_back_yields_to_the_focus():
    items = [
        (0, 2, res("group", "NPLGOV", "NPL", "GOV"), None),
        (9, 10, res("group", "GOV", None, "GOV", by="role"), None),
    ]
    out = attach(items, [0] * 5 + [4] * 5, focus=Focus("IND", None))
    assert (out[1][2].code, out[1][2].resolved_by) == ("INDGOV", "role+focus")


def test_the_outlet_is_a_last_resort_for_domestic_institutions_only():
    congress = (0, 1, res("organization", "LEG", None, "LEG", by="kb"), None)
    army = (2, 3, res("group", "MIL", None, "MIL", by="role"), None)
    out = attach([congress, army], [0] * 4, focus=Focus(None, "USA"))
    assert (out[0][2].code, out[0][2].resolved_by) == ("USALEG", "kb+outlet")
    assert out[1][2].country is None


def test_a_named_body_of_no_known_sector_needs_a_well_backed_focus():
    firm = (0, 2, res("organization", None, None, None, by="ner", actor_id="org:x"), None)
    out = attach([firm], [0, 0, 0], focus=Focus("JPN", None, mentions=1))
    assert out[0][2].country is None  # "Ernst & Young and Japan signed"
    out = attach([firm], [0, 0, 0], focus=Focus("JPN", None, mentions=3))
    assert (out[0][2].country, out[0][2].resolved_by) == ("JPN", "ner+focus")
    # a body the story keeps naming is one of its own, even where the focus is thin
    again = (5, 7, res("organization", None, None, None, by="ner", actor_id="org:x"), None)
    out = attach([firm, again], [0] * 8, focus=Focus("JPN", None, mentions=1))
    assert [item[2].country for item in out] == ["JPN", "JPN"]
    # a pronoun pointing back at it does not name it again ("... trashed its embassy")
    its = (7, 8, res("organization", None, None, None, by="pronoun", actor_id="org:x"), None)
    out = attach([firm, its], [0] * 9, focus=Focus("JPN", None, mentions=1))
    assert [item[2].country for item in out] == [None, None]
    rebels = (0, 1, res("group", "REB", None, "REB", by="role"), None)
    out = attach([rebels], [0, 0], focus=Focus("MLI", None, mentions=1))
    assert out[0][2].code == "MLIREB"  # an agent takes even a thin focus


def test_one_decision_per_actor_and_persons_never_take_a_sector_antecedent():
    unknown = res("person", None, None, None, by="ner", actor_id="person:jackson")
    items = [
        (0, 1, res("group", "GBRGOV", "GBR", "GOV"), None),
        (2, 3, unknown, None),
        (6, 7, res("group", "IRLGOV", "IRL", "GOV"), None),
        (8, 9, unknown.via("alias"), None),
    ]
    out = attach(items, [0] * 5 + [1] * 5, focus=Focus("GBR", None))
    assert out[1][2].country == "GBR" and out[1][2].resolved_by == "ner+focus"
    assert out[3][2].country == "GBR" and out[3][2].resolved_by == "alias+focus"
    assert out[2][2].code == "IRLGOV"  # coded actors are never touched


def test_a_region_or_foreign_word_in_the_actor_s_own_phrase_overrides_the_context():
    regions = {"european": "EUR", "western": "WST", "foreign": None}
    words = "iran said european powers and western diplomats met foreign firms".split()
    items = [
        (0, 1, res("state", "IRN", "IRN"), None),
        (2, 4, res("group", "GOV", None, "GOV", by="role"), None),
        (5, 7, res("group", None, None, None, by="ner"), None),
        (8, 10, res("group", "BUS", None, "BUS", by="role"), None),
    ]
    out = attach_countries(
        items,
        sentence_of=[0] * len(words),
        focus=Focus("IRN", None, mentions=4),
        sectors=SECTORS,
        domestic_sectors=frozenset(),
        words=words,
        region_words=regions,
    )
    assert (out[1][2].code, out[1][2].country, out[1][2].resolved_by) == (
        "EURGOV",
        None,
        "role+region",
    )
    assert out[2][2].code == "WST" and out[2][2].country is None
    assert out[3][2].code == "BUS" and out[3][2].country is None  # not the focus's firms
    # without the region words the same actors take the focus
    plain = attach(items, [0] * len(words), focus=Focus("IRN", None, mentions=4))
    assert [item[2].country for item in plain[1:]] == ["IRN", "IRN", "IRN"]


def test_an_unknown_person_serves_the_body_named_in_their_own_phrase():
    # "The State Department senior adviser Marie Harf said . Harf met Iran 's envoy"
    department = (1, 3, res("state", "USAGOV", "USA", "GOV"), None)
    harf = res("person", None, None, None, by="ner", actor_id="person:marie-harf")
    later = (8, 9, harf.via("alias"), None)
    items = [department, (5, 7, harf, None), later]

    def attach_phrases(phrase):
        return attach_countries(
            items,
            sentence_of=[0] * 8 + [1] * 6,
            focus=Focus("IRN", None, mentions=5),
            sectors=SECTORS,
            domestic_sectors=frozenset(),
            phrase_start=lambda start, end: phrase[(start, end)],
        )

    out = attach_phrases({(5, 7): 0, (8, 9): 8})  # the first name's phrase starts at "The"
    assert (out[1][2].code, out[1][2].resolved_by) == ("USAGOV", "ner+phrase")
    assert (out[2][2].code, out[2][2].resolved_by) == ("USAGOV", "alias+phrase")
    # a body outside the person's phrase does not make them its member: the focus does
    out = attach_phrases({(5, 7): 5, (8, 9): 8})
    assert (out[1][2].code, out[1][2].resolved_by) == ("IRN", "ner+focus")


# -- definite descriptions ------------------------------------------------------------------------


def test_definite_descriptions_need_a_determiner_and_no_owner():
    # "Iran tested missiles . The country said . Nepal 's country ... a group"
    doc = parse(
        "Iran tested missiles . The country said . Nepal 's group left a group",
        [1, 1, 1, 1, 5, 6, 6, 6, 10, 8, 11, 11, 13, 11],
        "nsubj ROOT dobj punct det nsubj ROOT punct poss case nsubj ROOT det dobj",
        "PROPN VERB NOUN PUNCT DET NOUN VERB PUNCT PROPN PART NOUN VERB DET NOUN",
    )
    lowers = [t.lower_ for t in doc]
    found = find_descriptions(doc, lowers, DESCRIPTIONS, DEFINITE, [False] * len(doc))
    assert [(d.start, d.end, d.refers_to) for d in found] == [(4, 6, "state")]
    taken = [False] * len(doc)
    taken[5] = True  # inside a name ("The Country Party")
    assert find_descriptions(doc, lowers, DESCRIPTIONS, DEFINITE, taken) == []


def test_a_description_points_to_the_latest_actor_of_its_kind_never_to_a_pronoun():
    iran = res("state", "IRN", "IRN")
    hamas = res("organization", "PSEREBHMS", "PSE", "REB")
    items = [
        (0, 1, iran, None),
        (3, 4, hamas, None),
        (5, 6, iran.via("pronoun"), None),
        (7, 8, res("person", "USAGOV", "USA", "GOV"), None),
    ]
    assert antecedent(items, 9, "state") is iran
    assert antecedent(items, 9, "body") is hamas
    assert antecedent(items, 3, "body") is None
    place = Resolution("place", None, None, None, "MLI", None, "kb", place=None)
    assert antecedent([(0, 1, place, None)], 3, "state") is None  # not a country place


ARMED = frozenset({"REB", "UAF", "IMG"})
KINDS = {"extremist": ARMED, "militants": ARMED}


def test_a_description_that_names_a_kind_points_to_the_latest_actor_of_that_kind():
    # "Al-Shabaab attacked a base . US troops said the extremist group fled"
    doc = parse(
        "Al-Shabaab attacked a base . US troops said the extremist group fled",
        [1, 1, 3, 1, 1, 6, 7, 7, 10, 10, 11, 7],
        "nsubj ROOT det dobj punct compound nsubj ROOT det amod nsubj ccomp",
        "PROPN VERB DET NOUN PUNCT PROPN NOUN VERB DET ADJ NOUN VERB",
    )
    shabaab = res("organization", "SOMREB", "SOM", "REB", actor_id="org:al-shabaab")
    troops = res("group", "USAMIL", "USA", "MIL", by="kb")
    items = [(0, 1, shabaab, None), (5, 7, troops, None)]
    (found,) = find_descriptions(
        doc, [t.lower_ for t in doc], DESCRIPTIONS, DEFINITE, [False] * len(doc)
    )
    kinds = kinds_named([t.lower_ for t in doc[found.start : found.end]], KINDS)
    assert kinds == ARMED
    assert antecedent(items, found.start, found.refers_to) is troops  # any body: wrong
    assert typed_antecedent(items, found.start, kinds) is shabaab  # an armed group: right
    assert kinds_named(["the", "group"], KINDS) == frozenset()  # "the group": any body
    assert kind_words(doc, found.head, KINDS) == ["group", "extremist"]


def test_a_kind_s_antecedent_is_identified_the_nearest_and_never_a_pronoun():
    shabaab = res("organization", "SOMREB", "SOM", "REB")
    isis = res("organization", "IMGMUSISI", None, None)
    militants = res("group", "MUSUAF", None, "UAF", by="role")  # "Islamist militants"
    army = res("group", "SOMMIL", "SOM", "MIL")
    items = [(0, 1, shabaab, None), (3, 4, isis, None), (6, 7, army, None)]
    assert typed_antecedent(items, 9, ARMED) is isis  # never crosses the nearer one
    assert typed_antecedent(items, 3, ARMED) is shabaab
    # "Islamist militants": no country, but the code names who (MUS beyond the type)
    assert typed_antecedent([(0, 1, militants, None)], 3, ARMED) is militants
    bare = res("group", "UAF", None, "UAF", by="role")  # "militants": no one identified
    assert typed_antecedent([(0, 1, bare, None)], 3, ARMED) is None
    assert typed_antecedent([(0, 1, shabaab, None), (3, 4, militants, None)], 6, ARMED) is militants
    # "Al-Shabaab ... rebels battling Assad ... the rebels": never past the unidentified ones
    rebels = res("group", None, None, "REB", by="role")
    assert typed_antecedent([(0, 1, shabaab, None), (3, 4, rebels, None)], 6, ARMED) is None
    assert typed_antecedent([(0, 1, rebels, None), (3, 4, shabaab, None)], 6, ARMED) is shabaab
    assert typed_antecedent([(0, 1, army, None)], 3, ARMED) is None  # an army is no armed group
    assert typed_antecedent([(0, 1, isis.via("pronoun"), None)], 3, ARMED) is None
    person = res("person", "SOMREB", "SOM", "REB")  # a rebel leader: not "the rebels"
    assert typed_antecedent([(0, 1, person, None)], 3, ARMED) is None


def test_a_description_beside_a_name_describes_that_name():
    # "Israel struck the militant group Hamas" / "the extremist ISIS struck"
    doc = parse(
        "Israel struck the militant group Hamas",
        [1, 1, 4, 4, 1, 4],
        "nsubj ROOT det amod dobj appos",
        "PROPN VERB DET ADJ NOUN PROPN",
    )
    assert describes_name(doc[3]) and describes_name(doc[4])
    doc = parse(
        "the extremist ISIS struck", [2, 2, 3, 3], "det amod nsubj ROOT", "DET ADJ PROPN VERB"
    )
    assert describes_name(doc[1])
    doc = parse(
        "Israel struck the militant group", [1, 1, 4, 4, 1], "nsubj ROOT det amod dobj",
        "PROPN VERB DET ADJ NOUN",
    )  # fmt: skip
    assert not describes_name(doc[3]) and not describes_name(doc[4])


# -- I and we inside quotes -----------------------------------------------------------------------


def test_we_in_a_quote_is_the_speaker_s_side_and_i_the_speaker():
    # " We will win , " Abe said .   ... " I agree , " Kim said .
    words = '" We will win , " Abe said . " I agree , " he added .'.split()
    spaces = [False, True, True, False, False, True, True, False, True] + [
        False,
        True,
        False,
        False,
        True,
        True,
        False,
        False,
    ]
    doc = Doc(
        VOCAB, words=words, spaces=spaces,
        heads=[3, 3, 3, 7, 3, 3, 7, 7, 7, 11, 11, 15, 11, 11, 15, 15, 15],
        deps=("punct nsubj aux ccomp punct punct nsubj ROOT punct "
              "punct nsubj ccomp punct punct nsubj ROOT punct").split(),
        pos=("PUNCT PRON AUX VERB PUNCT PUNCT PROPN VERB PUNCT "
             "PUNCT PRON VERB PUNCT PUNCT PRON VERB PUNCT").split(),
        lemmas=("\" we will win , \" Abe say . \" I agree , \" he add .").split(),
        morphs=[""] + ["Number=Plur|Person=1|PronType=Prs"] + [""] * 15,
        sent_starts=[True] + [False] * 8 + [True] + [False] * 7,
    )  # fmt: skip
    text = doc.text
    first = QuotedPassage(((text.index("We"), text.index(",")),), 0, text.index('" Abe'))
    second_open = text.index('"I')
    second = QuotedPassage(
        ((second_open + 1, text.index(",", second_open)),), second_open, text.index('" he')
    )
    abe = res("person", "JPNGOV", "JPN", "GOV", actor_id="person:shinzo-abe")
    starts, sentence_of = sentence_numbers(doc)
    found = first_person_references(
        doc, [first, second],
        first_person=frozenset({"i", "we"}),
        speech_verbs=frozenset({"say", "add"}),
        sentence_of=sentence_of, sentence_starts=starts,
        actor_at={6: abe}.get,
    )  # fmt: skip
    # "he" (token 14) is no resolved mention here: the second quote's "I" stays open
    assert [token for token, _ in found] == [1]
    we = found[0][1]
    assert (we.kind, we.code, we.country, we.resolved_by) == ("group", "JPNGOV", "JPN", QUOTE_RULE)


# -- on the real pipeline ------------------------------------------------------------------------


def mention(doc, text: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    covering = [m for m in doc._.mentions if m.start <= start and start + len(text) <= m.end]
    return min(covering, key=lambda m: m.end - m.start) if covering else None


def test_the_government_after_the_nepalese_government(code):
    doc = code(
        "The Nepalese government imposed a curfew in Kathmandu. Later the government lifted it.",
        date="2006-04-20",
    )
    later = mention(doc, "government", nth=1)
    assert later.code == "NPLGOV" and later.resolved_by.endswith("+antecedent")


def test_rebels_and_the_military_take_the_country_the_story_is_about(code):
    doc = code(
        "Rebels attacked a base in northern Mali on Sunday. The government said it would "
        "respond. The military sent more troops to Mali.",
        date="2013-01-10",
    )
    assert mention(doc, "Rebels").country == "MLI"
    military = mention(doc, "military")
    assert military.code == "MLIMIL" and military.resolved_by.endswith("+focus")


def test_the_country_and_the_group_point_back(code):
    doc = code(
        "Iran tested a missile on Monday. The country said the test was routine.",
        date="2018-05-01",
    )
    described = mention(doc, "The country")
    assert (described.code, described.resolved_by) == ("IRN", "description")
    doc = code("Hamas fired rockets at Israel. The group said it acted.", date="2018-05-01")
    assert mention(doc, "The group").code == mention(doc, "Hamas").code


def test_the_militants_and_the_extremist_group_are_the_armed_group_named_before(code):
    doc = code(
        "Al-Shabaab attacked a base in Mogadishu. The US military said the extremist group "
        "killed ten soldiers.",
        date="2019-01-10",
    )
    described = mention(doc, "the extremist group")
    assert (described.code, described.resolved_by) == ("SOMREB", "description+antecedent")
    doc = code(
        "Syrian rebels took the town. The Syrian army said the rebels fired first.",
        date="2014-01-10",
    )
    assert mention(doc, "rebels", nth=1).code == "SYRREB"
    # an indefinite description, a person of the kind, and one with its own country do not
    doc = code(
        "Al-Shabaab attacked a base. Militants also attacked Kenya. The rebel leader said "
        "Kenyan militants fled.",
        date="2019-01-10",
    )
    assert not mention(doc, "Militants").resolved_by.startswith("description")
    assert not mention(doc, "rebel leader").resolved_by.startswith("description")
    assert mention(doc, "Kenyan militants").code == "KENUAF"


def test_they_is_the_latest_group(code):
    doc = code(
        "Palestinian protesters clashed with Israeli police. They threw stones.",
        date="2018-05-01",
    )
    they = mention(doc, "They")
    assert they.code == mention(doc, "Palestinian protesters").code
    assert they.resolved_by == "pronoun"


def test_we_in_a_quote_is_the_speakers_side(code):
    doc = code('"We will not give up," Abe said on Friday.', date="2017-02-10")
    we = mention(doc, "We")
    assert (we.code, we.resolved_by) == ("JPNGOV", QUOTE_RULE)


# -- the real-news actor scorer ------------------------------------------------------------------


def test_realnews_actor_scorer_counts_by_class_and_lists_misses():
    from detente.eval.actors import score_realnews_actors
    from detente.eval.realnews import (
        AnnotatorGold,
        GoldActor,
        GoldArticle,
        GoldEvent,
        GoldSentence,
        RealnewsGold,
    )
    from detente.records import Mention

    key = "allsides:a1"
    text = "Nepal's army attacked rebels. They fled to India."
    sentences = {key: (GoldSentence(key, 0, 0, 29, "-"), GoldSentence(key, 1, 30, 49, "-"))}

    def event(n, source, target):
        return GoldEvent(
            article=key, annotator="A1", n=n, sentence_start=0, sentence_end=49, trigger="x",
            start=0, end=1, source=source, target=target, cameo="190", plover="ASSAULT",
            factuality="asserted", symmetric=False,
        )  # fmt: skip

    events = (
        event(0, GoldActor("Nepal's army", 0, 12, "NPLMIL"), GoldActor("rebels", 22, 28, "NPLREB")),
        event(1, GoldActor("They", 30, 34, "NPLREB"), GoldActor("", None, None, "IND", implicit=True)),
    )  # fmt: skip
    gold = RealnewsGold(
        (GoldArticle("allsides", "a1", "2006-01-01", "dev", False, 2),),
        sentences, {key: "d1"}, AnnotatorGold("A1", frozenset({key}), events),
        {key: {"text": text}},
    )  # fmt: skip

    def m(start, end, code, country):
        return Mention("d1", start, end, text[start:end], "group", None, None, code, country,
                       None, "kb")  # fmt: skip

    mentions = {"d1": [m(0, 12, "NPLMIL", "NPL"), m(22, 28, "REB", None), m(30, 34, "NPL", "NPL")]}
    scores = score_realnews_actors(gold, mentions, pronouns=frozenset({"they"}), resamples=50)
    assert (scores.counts["mention"].correct, scores.counts["mention"].gold) == (1, 2)
    assert (scores.counts["pronoun"].correct, scores.counts["pronoun"].gold) == (1, 1)
    assert scores.implicit == 1 and scores.accuracy() == 2 / 3
    assert [miss.actor.text for miss in scores.misses] == ["rebels"]
    assert "rebels=REB/None" in scores.to_markdown()


def test_a_western_given_name_before_a_family_first_name(code):
    doc = code(
        "Hong Kong Chief Executive Carrie Lam announced on Wednesday that the bill was "
        "withdrawn. Lam said the council would debate it.",
        date="2019-09-04",
    )
    lam = mention(doc, "Lam", nth=1)
    assert (lam.code, lam.resolved_by) == ("HKGGOV", "alias")


def test_cli_eval_actors_realnews_refuses_an_unknown_split():
    from typer.testing import CliRunner

    from detente.cli.main import app

    result = CliRunner().invoke(app, ["eval", "actors", "--gold", "realnews", "--split", "x"])
    assert result.exit_code != 0 and "split must be one of" in result.output


def test_people_of_one_name_in_office_on_the_date_then_the_curated_table(code):
    doc = code("Queen Elizabeth II met President Bush in Washington.", date="2007-05-08")
    queen, bush = mention(doc, "Queen Elizabeth II"), mention(doc, "President Bush")
    assert queen.code == "GBRGOV"  # not a Phoenix record of her under KNA
    assert (bush.actor_id, bush.code) == ("person:george-w-bush", "USAGOV")
    doc = code("President Bush met Mikhail Gorbachev in Malta.", date="1989-12-02")
    assert mention(doc, "President Bush").actor_id == "person:george-bush"


def test_an_agent_extends_a_bare_type_code_never_a_full_one():
    from detente.actors.coding import resolve_agent

    isis = res("organization", "IMGMUSISI", None, None)
    assert resolve_agent(isis, "UAF", person=False, name="x", resolved_by="kb").code == "IMGMUSISI"
    ngm = res("organization", "NGM", None, None)
    assert resolve_agent(ngm, "OPP", person=False, name="x", resolved_by="kb").code == "NGMOPP"
    assert resolve_agent(ngm, "GOV", person=False, name="x", resolved_by="kb").code == "NGM"


def test_issue_examples_outer_demonym_swapped_name_and_one_sector(code):
    doc = code("Syrian Turkmen rebels shot down a Russian jet near the border.", date="2015-11-24")
    assert mention(doc, "Turkmen rebels").code == "SYRREB"
    doc = code(
        "President Trump Donald said on Friday that China must act. Trump spoke to reporters.",
        date="2018-06-10",
    )
    assert mention(doc, "President Trump Donald").code == "USAGOV"
    assert mention(doc, "Trump", nth=1).code == "USAGOV"
    doc = code("Islamic State militants attacked the town.", date="2016-01-10")
    assert mention(doc, "Islamic State militants").code == "IMGMUSISI"


def test_an_object_it_is_a_thing_and_a_subject_it_the_state(code):
    doc = code(
        "Russia came up in the talks. Abe and Trump will discuss it. Iran said it would "
        "respond. It’s unclear when.",
        date="2017-02-10",
    )
    assert mention(doc, "it") is None  # "discuss it": the topic, not Russia
    assert mention(doc, "it", nth=1).code == "IRN"
    assert mention(doc, "It’s") is None


# -- a bare title, a surname after an honorific, an acronym with full stops -------------------


def _person(name: str, code: str) -> Resolution:
    country = code[:3]
    return Resolution("person", f"person:{name}", name, code, country, code[3:], "kb")


def test_a_bare_title_prefers_the_person_the_text_gave_it_over_a_kb_namesake():
    from detente.actors.coref import DocMemory

    memory = DocMemory()
    # "President Obama ... Assad ... the president": the KB knows both as presidents, the
    # text titled only Obama; Assad is the latest mention
    memory.remember_person(
        _person("obama", "USAGOV"), token=3, subject=True, titles=("president",),
        said=("president",),
    )  # fmt: skip
    memory.remember_person(
        _person("assad", "SYRGOV"), token=20, subject=False, titles=("president",)
    )
    found = memory.person_for_role("president", None, {"president"}, generic=False)
    assert found is not None and found.actor_id == "person:obama"
    # with no one titled by the text, the KB's titles still point back
    memory = DocMemory()
    memory.remember_person(
        _person("assad", "SYRGOV"), token=20, subject=False, titles=("president",)
    )
    found = memory.person_for_role("president", None, {"president"}, generic=False)
    assert found is not None and found.actor_id == "person:assad"


def test_acronyms_with_full_stops_lose_them_other_text_keeps_them():
    from detente.actors.component import undotted

    assert undotted("C.I.A.") == "CIA"
    assert undotted("U.N.") == "UN"
    assert undotted("St. Louis") == "St. Louis"
    assert undotted("J.") == "J."


def test_an_elites_standing_is_no_office_read_by_three_letter_blocks():
    from datetime import date

    from detente.actors.component import _in_office
    from detente.kb.base import KBActor, Role

    def person(code: str) -> KBActor:
        role = Role(code, date(2000, 1, 1), date(2010, 1, 1))
        return KBActor("person:x", "X", "person", (role,), code[:3], (), "phoenix")

    when = date(2005, 6, 1)
    elite, cleric = person("USAELI"), person("AFGRELINS")  # "RELINS" holds "ELI" across blocks
    assert _in_office(elite, when) and not _in_office(elite, when, offices_only=True)
    assert _in_office(cleric, when, offices_only=True)
    assert not _in_office(cleric, date(2012, 1, 1)) and not _in_office(cleric, None)
