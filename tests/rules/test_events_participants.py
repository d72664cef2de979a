"""Who does an act and to whom (``events/participants.py``), on parses built by hand with
the actors stage's mentions put on them by hand."""

from __future__ import annotations

import pytest
from parses import mention, parse, with_mentions

from detente.events.participants import (
    DocActors,
    Participants,
    actor_key,
    own_country,
    same_actor,
    same_side,
)
from detente.records import EventActor, Quote


@pytest.fixture(scope="module")
def participants(words):
    return Participants(words)


def actors_on(doc, codes: dict[str, str], *, places: dict[str, str] | None = None) -> DocActors:
    """The document's actors: ``codes`` (words -> code) and ``places`` (words -> country)."""
    with_mentions(doc, codes)
    for words, country in (places or {}).items():
        doc._.mentions.append(mention(doc, words, None, kind="place", country=country))
    return DocActors.build(doc)


def codes(found: list[EventActor]) -> list[str | None]:
    return [actor.code for actor in found]


def state(code: str, text: str = "x") -> EventActor:
    return EventActor(text, 0, 1, f"state:{code}", None, code, code[:3], code[3:] or None)


# ---------------------------------------------------------------- the document's actors


def test_only_codable_mentions_are_actors_and_uncoded_places_are_where():
    doc = parse(
        """
        Abe      nsubj  met   PROPN
        met      ROOT   -     VERB   VBD  lemma=meet
        Bree     dobj   met   PROPN
        in       prep   met   ADP
        Seoul    pobj   in    PROPN
        """
    )
    with_mentions(doc, {"Abe": "JPNGOV"})
    doc._.mentions += [
        mention(doc, "Bree", None, kind="person"),  # nobody knows whose Bree is
        mention(doc, "Seoul", None, kind="place", country="KOR"),
    ]
    actors = DocActors.build(doc)
    assert [m.text for m in actors.mentions] == ["Abe"]
    assert actors.by_token == [0, -1, -1, -1, -1]
    assert actors.place_by_token[4].country == "KOR"


def test_a_quote_speaker_is_found_by_the_speakers_offsets(participants):
    text = "“We will attack Mordor,” Abe said."
    doc = parse(
        """
        “       punct  said    PUNCT
        We      nsubj  attack  PRON   PRP
        will    aux    attack  AUX    MD
        attack  ccomp  said    VERB   VB
        Mordor  dobj   attack  PROPN
        ,       punct  said    PUNCT
        ”       punct  said    PUNCT
        Abe     nsubj  said    PROPN
        said    ROOT   -       VERB   VBD  lemma=say
        .       punct  said    PUNCT
        """,
        text=text,
    )
    abe = text.index("Abe")
    quote = Quote(
        doc_id="d", start=1, end=22, text=text[1:22], kind="direct",
        cue="said", cue_start=abe + 4, cue_end=abe + 8,
        speaker="Abe", speaker_start=abe, speaker_end=abe + 3,
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    with_mentions(doc, {"Abe": "JPNGOV", "Mordor": "MOR"}, quotes=[quote])
    actors = DocActors.build(doc)
    assert actors.quote_speaker(doc[1]).code == "JPNGOV"  # "We" is inside the quote
    assert actors.quote_speaker(doc[7]) is None  # "Abe" is not
    # inside a quote, the first person is its speaker
    assert participants.actor_at(doc[1], actors).code == "JPNGOV"


# ---------------------------------------------------------------- noun phrases


def test_a_phrase_names_its_head_and_its_conjuncts(participants):
    doc = parse(
        """
        Abe     nsubj  praised  PROPN
        praised ROOT   -        VERB   VBD  lemma=praise
        Russia  dobj   praised  PROPN
        and     cc     Russia   CCONJ
        China   conj   Russia   PROPN
        """
    )
    actors = actors_on(doc, {"Abe": "JPNGOV", "Russia": "RUS", "China": "CHN"})
    assert codes(participants.actors_of(doc[2], actors)) == ["RUS", "CHN"]


def test_a_phrase_without_an_actor_head_names_its_modifiers_actor(participants):
    doc = parse(
        """
        Japan  poss   navy  PROPN
        's     case   Japan PART   POS
        navy   ROOT   -     NOUN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN"})
    assert codes(participants.actors_of(doc[2], actors)) == ["JPN"]
    assert participants.actors_of(doc[2], actors, modifiers=False) == []


def test_people_from_somewhere_act_for_it(participants):
    doc = parse(
        """
        soldiers  ROOT  -         NOUN   NNS
        from      prep  soldiers  ADP
        Gondor    pobj  from      PROPN
        """
    )
    assert codes(participants.actors_of(doc[0], actors_on(doc, {"Gondor": "GON"}))) == ["GON"]


def test_people_in_a_place_act_for_its_country_only_where_places_count(participants):
    doc = parse(
        """
        groups    ROOT  -       NOUN   NNS
        in        prep  groups  ADP
        Zimbabwe  pobj  in      PROPN
        """
    )
    actors = actors_on(doc, {}, places={"Zimbabwe": "ZWE"})
    assert codes(participants.actors_of(doc[0], actors, places=True)) == ["ZWE"]
    assert participants.actors_of(doc[0], actors) == []


def test_a_plural_noun_stands_for_the_examples_it_lists(participants):
    doc = parse(
        """
        nations    nsubj  suspended  NOUN   NNS
        including  prep   nations    VERB   VBG
        India      pobj   including  PROPN
        and        cc     India      CCONJ
        Britain    conj   India      PROPN
        have       aux    suspended  AUX    VBP
        suspended  ROOT   -          VERB   VBN  lemma=suspend
        aid        dobj   suspended  NOUN
        """
    )
    actors = actors_on(doc, {"India": "IND", "Britain": "GBR"})
    assert codes(participants.actors_of(doc[0], actors)) == ["IND", "GBR"]
    found, _ = participants.sources(doc[6], actors)
    assert codes(found) == ["IND", "GBR"]


def test_a_singular_noun_is_not_the_examples_it_lists(participants):
    doc = parse(
        """
        army       ROOT   -          NOUN   NN
        including  prep   army       VERB   VBG
        reservists pobj   including  NOUN   NNS
        from       prep   reservists ADP
        Gondor     pobj   from       PROPN
        """
    )
    # "the army, including reservists from Gondor": the reservists are part of the army
    assert participants.actors_of(doc[0], actors_on(doc, {"Gondor": "GON"})) == []


def test_deep_adds_every_actor_inside_the_phrase_in_text_order(participants):
    doc = parse(
        """
        security  ROOT  -         NOUN
        of        prep  security  ADP
        Japan     pobj  of        PROPN
        and       cc    Japan     CCONJ
        Korea     conj  Japan     PROPN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Korea": "KOR"})
    assert codes(participants.actors_of(doc[0], actors, deep=True)) == ["JPN", "KOR"]


# ---------------------------------------------------------------- sources


def test_the_subject_does_the_act(participants):
    doc = parse(
        """
        Japan       nsubj  criticized  PROPN
        criticized  ROOT   -           VERB   VBD  lemma=criticize
        Russia      dobj   criticized  PROPN
        """
    )
    found, inherited = participants.sources(
        doc[1], actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    )
    assert (codes(found), inherited) == (["JPN"], False)


def test_of_two_subjects_the_nearer_naming_an_actor_does_the_act(participants):
    # a headline run into the sentence: its noun hangs on the verb as a second subject
    doc = parse(
        """
        Fox       compound  reporter  PROPN
        reporter  nsubj     offered   NOUN
        Abe       nsubj     offered   PROPN
        offered   ROOT      -         VERB   VBD  lemma=offer
        thanks    dobj      offered   NOUN
        """
    )
    actors = actors_on(doc, {"Fox": "USAMED", "Abe": "JPNGOV"})
    assert codes(participants.sources(doc[3], actors)[0]) == ["JPNGOV"]
    # a word split in two: the nearer half names no actor, the farther one's possessor does
    doc = parse(
        """
        Campbell   poss   e          PROPN
        e          nsubj  suggested  NOUN
        mail       nsubj  suggested  NOUN
        suggested  ROOT   -          VERB   VBD  lemma=suggest
        """
    )
    found = participants.sources(doc[3], actors_on(doc, {"Campbell": "GBR"}))
    assert (codes(found[0]), found[1]) == (["GBR"], False)


def test_a_passive_verbs_agent_does_the_act_and_without_one_nobody_does(participants):
    doc = parse(
        """
        Russia    nsubjpass  attacked  PROPN
        was       auxpass    attacked  AUX
        attacked  ROOT       -         VERB   VBN  lemma=attack
        by        agent      attacked  ADP
        Japan     pobj       by        PROPN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    assert codes(participants.sources(doc[2], actors)[0]) == ["JPN"]
    doc = parse(
        """
        Russia    nsubjpass  attacked  PROPN
        was       auxpass    attacked  AUX
        attacked  ROOT       -         VERB   VBN  lemma=attack
        """
    )
    assert participants.sources(doc[2], actors_on(doc, {"Russia": "RUS"})) == ([], False)


def test_an_infinitive_inherits_its_governors_subject(participants):
    doc = parse(
        """
        Japan  nsubj  wants  PROPN
        wants  ROOT   -      VERB   VBZ  lemma=want
        to     aux    meet   PART
        meet   xcomp  wants  VERB   VB
        Russia dobj   meet   PROPN
        """
    )
    found, inherited = participants.sources(
        doc[3], actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    )
    assert (codes(found), inherited) == (["JPN"], True)


def test_an_infinitive_under_a_passive_is_done_by_the_passives_subject(participants):
    # "Gollum was seen to break in", "Iran was asked by Japan to release": the subject is
    # the active's object ("saw Gollum break in"), who does the act; not the agent
    doc = parse(
        """
        Iran     nsubjpass  asked    PROPN
        was      auxpass    asked    AUX
        asked    ROOT       -        VERB   VBN  lemma=ask
        by       agent      asked    ADP
        Japan    pobj       by       PROPN
        to       aux        release  PART
        release  xcomp      asked    VERB   VB
        """
    )
    found, inherited = participants.sources(doc[6], actors_on(doc, {"Iran": "IRN", "Japan": "JPN"}))
    assert (codes(found), inherited) == (["IRN"], True)


def test_who_makes_the_effort_does_the_act_tried(participants):
    # "Rohan continued its efforts to help Gondor": Rohan helps
    doc = parse(
        """
        Rohan      nsubj  continued  PROPN
        continued  ROOT   -          VERB   VBD  lemma=continue
        its        poss   efforts    PRON
        efforts    dobj   continued  NOUN   NNS  lemma=effort
        to         aux    help       PART
        help       acl    efforts    VERB   VB
        Gondor     dobj   help       PROPN
        """
    )
    found, inherited = participants.sources(
        doc[5], actors_on(doc, {"Rohan": "ROH", "Gondor": "GON"})
    )
    assert (codes(found), inherited) == (["ROH"], True)


def test_the_efforts_own_doer_does_the_act_tried(participants):
    # "Rohan continued efforts by Gondor to help Arnor": Gondor helps, not Rohan
    doc = parse(
        """
        Rohan      nsubj  continued  PROPN
        continued  ROOT   -          VERB   VBD  lemma=continue
        efforts    dobj   continued  NOUN   NNS  lemma=effort
        by         prep   efforts    ADP
        Gondor     pobj   by         PROPN
        to         aux    help       PART
        help       acl    efforts    VERB   VB
        Arnor      dobj   help       PROPN
        """
    )
    found, inherited = participants.sources(
        doc[6], actors_on(doc, {"Rohan": "ROH", "Gondor": "GON", "Arnor": "ARN"})
    )
    assert (codes(found), inherited) == (["GON"], True)


def test_a_relative_pronoun_subject_is_the_clauses_antecedent(participants):
    doc = parse(
        """
        Hamas     ROOT   -         PROPN
        ,         punct  Hamas     PUNCT
        which     nsubj  attacked  PRON   WDT
        attacked  relcl  Hamas     VERB   VBD  lemma=attack
        Israel    dobj   attacked  PROPN
        """
    )
    found, inherited = participants.sources(
        doc[3], actors_on(doc, {"Hamas": "PSEREB", "Israel": "ISR"})
    )
    assert (codes(found), inherited) == (["PSEREB"], True)


def test_a_pronoun_subject_of_a_reported_clause_is_the_speaker(participants):
    # "Syria says it will attack Israel": "it" is Syria
    doc = parse(
        """
        Syria   nsubj  says    PROPN
        says    ROOT   -       VERB   VBZ  lemma=say
        it      nsubj  attack  PRON   PRP
        will    aux    attack  AUX    MD
        attack  ccomp  says    VERB   VB
        Israel  dobj   attack  PROPN
        """
    )
    found, inherited = participants.sources(
        doc[4], actors_on(doc, {"Syria": "SYR", "Israel": "ISR"})
    )
    assert (codes(found), inherited) == (["SYR"], True)


def test_an_active_verb_joined_to_a_passive_one_shares_its_subject(participants):
    doc = parse(
        """
        Abe         nsubjpass  criticized  PROPN
        was         auxpass    criticized  AUX
        criticized  ROOT       -           VERB   VBN  lemma=criticize
        by          agent      criticized  ADP
        Putin       pobj       by          PROPN
        and         cc         criticized  CCONJ
        resigned    conj       criticized  VERB   VBD  lemma=resign
        """
    )
    actors = actors_on(doc, {"Abe": "JPNGOV", "Putin": "RUSGOV"})
    found, inherited = participants.sources(doc[6], actors)
    assert (codes(found), inherited) == (["JPNGOV"], True)


def test_a_bare_participle_joined_to_a_passive_verb_is_passive_too(participants):
    # "civilians were injured or killed": nobody named did either; the civilians did not kill
    doc = parse(
        """
        civilians  nsubjpass  injured  NOUN   NNS
        were       auxpass    injured  AUX
        injured    ROOT       -        VERB   VBN  lemma=injure
        or         cc         injured  CCONJ
        killed     conj       injured  VERB   VBN  lemma=kill
        """
    )
    actors = actors_on(doc, {"civilians": "IRQCVL"})
    assert participants.sources(doc[4], actors) == ([], False)


def test_the_subject_of_a_predicate_adjective_did_the_act_it_judges(participants):
    # "Japan was wrong in accusing Russia": Japan accused; "Japan is capable of attacking
    # Russia" speaks of an act not done, whose doer the adjective's subject is not made
    table = """
        Japan     nsubj  was       PROPN
        was       ROOT   -         AUX    VBD  lemma=be
        wrong     acomp  was       ADJ
        {prep}    prep   wrong     ADP
        accusing  pcomp  {prep}    VERB   VBG  lemma=accuse
        Russia    dobj   accusing  PROPN
    """
    doc = parse(table.format(prep="in"))
    found, inherited = participants.sources(
        doc[4], actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    )
    assert (codes(found), inherited) == (["JPN"], True)
    doc = parse(table.format(prep="of"))
    assert participants.sources(doc[4], actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})) == (
        [],
        False,
    )


# ---------------------------------------------------------------- targets

CRITICIZED = """
    Japan       nsubj  criticized  PROPN
    criticized  ROOT   -           VERB   VBD  lemma=criticize
    Russia      dobj   criticized  PROPN
"""


def test_the_object_is_the_target(participants):
    doc = parse(CRITICIZED)
    actors = actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    sources = participants.sources(doc[1], actors)[0]
    targets, reciprocal, deep = participants.targets(doc[1], actors, sources)
    assert (codes(targets), reciprocal, deep) == (["RUS"], False, False)


def test_the_likeliest_preposition_names_the_target_whatever_the_text_order(participants):
    # "Japan signed an accord in Beijing with Russia": "with" ranks before "in"
    doc = parse(
        """
        Japan    nsubj  signed  PROPN
        signed   ROOT   -       VERB   VBD  lemma=sign
        an       det    accord  DET
        accord   dobj   signed  NOUN
        in       prep   signed  ADP
        Beijing  pobj   in      PROPN
        with     prep   signed  ADP
        Russia   pobj   with    PROPN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Beijing": "CHN", "Russia": "RUS"})
    targets, _, deep = participants.targets(doc[1], actors, participants.sources(doc[1], actors)[0])
    assert (codes(targets), deep) == (["RUS"], False)


def test_a_passive_subject_is_the_target_of_its_agent(participants):
    doc = parse(
        """
        Russia    nsubjpass  attacked  PROPN
        was       auxpass    attacked  AUX
        attacked  ROOT       -         VERB   VBN  lemma=attack
        by        agent      attacked  ADP
        Japan     pobj       by        PROPN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    targets, _, _ = participants.targets(doc[2], actors, participants.sources(doc[2], actors)[0])
    assert codes(targets) == ["RUS"]


def test_the_subject_of_a_complement_clause_is_a_target(participants):
    doc = parse(
        """
        Japan     nsubj  demanded  PROPN
        demanded  ROOT   -         VERB   VBD  lemma=demand
        that      mark   leave     SCONJ
        Russia    nsubj  leave     PROPN
        leave     ccomp  demanded  VERB   VB
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    targets, _, _ = participants.targets(doc[1], actors, participants.sources(doc[1], actors)[0])
    assert codes(targets) == ["RUS"]


def test_each_other_is_reciprocal_and_no_target(participants):
    doc = parse(
        """
        Trump    nsubj  praised  PROPN
        and      cc     Trump    CCONJ
        Abe      conj   Trump    PROPN
        praised  ROOT   -        VERB   VBD  lemma=praise
        each     det    other    DET
        other    dobj   praised  ADJ
        """
    )
    actors = actors_on(doc, {"Trump": "USAGOV", "Abe": "JPNGOV"})
    sources = participants.sources(doc[3], actors)[0]
    assert codes(sources) == ["USAGOV", "JPNGOV"]
    assert participants.targets(doc[3], actors, sources) == ([], True, False)


def test_the_bare_state_of_the_sources_country_is_no_target_but_a_deeper_actor_is(participants):
    # "Trump emphasized the U.S. commitment to Japan"
    doc = parse(
        """
        Trump       nsubj     emphasized  PROPN
        emphasized  ROOT      -           VERB   VBD  lemma=emphasize
        the         det       commitment  DET
        U.S.        compound  commitment  PROPN
        commitment  dobj      emphasized  NOUN
        to          prep      commitment  ADP
        Japan       pobj      to          PROPN
        """
    )
    actors = actors_on(doc, {"Trump": "USAGOV", "U.S.": "USA", "Japan": "JPN"})
    targets, _, deep = participants.targets(doc[1], actors, participants.sources(doc[1], actors)[0])
    assert (codes(targets), deep) == (["JPN"], True)


def test_an_infinitives_target_is_its_governors_after_the_governors_own(participants):
    doc = parse(
        """
        Japan   nsubj  agreed  PROPN
        agreed  ROOT   -       VERB   VBD  lemma=agree
        to      aux    help    PART
        help    xcomp  agreed  VERB   VB
        Russia  dobj   help    PROPN
        """
    )
    actors = actors_on(doc, {"Japan": "JPN", "Russia": "RUS"})
    targets, _, deep = participants.targets(doc[1], actors, participants.sources(doc[1], actors)[0])
    assert (codes(targets), deep) == (["RUS"], True)


def test_a_relative_clause_without_an_object_acts_on_its_antecedent(participants):
    doc = parse(
        """
        Gondor    ROOT   -         PROPN
        ,         punct  Gondor    PUNCT
        which     dobj   attacked  PRON   WDT
        Mordor    nsubj  attacked  PROPN
        attacked  relcl  Gondor    VERB   VBD  lemma=attack
        """
    )
    actors = actors_on(doc, {"Gondor": "GON", "Mordor": "MOR"})
    targets, _, _ = participants.targets(doc[4], actors, participants.sources(doc[4], actors)[0])
    assert codes(targets) == ["GON"]


FIRED_AT = """
    Russia  nsubj  fired   PROPN
    fired   ROOT   -       VERB   VBD  lemma=fire
    shells  dobj   fired   NOUN   NNS
    at      prep   fired   ADP
    {place} pobj   at      PROPN
"""


WITHDREW = """
    Japan     nsubj     withdrew  PROPN
    withdrew  ROOT      -         VERB   VBD  lemma=withdraw
    {adj}     amod      troops    ADJ
    troops    dobj      withdrew  NOUN   NNS
    from      prep      withdrew  ADP
    Iraq      pobj      from      PROPN
"""


def test_the_sources_own_forces_a_pattern_names_are_no_target(participants):
    # "- * &MILITARY [0874]": its own troops are what Japan withdraws, Iraq what from
    doc = parse(WITHDREW.format(adj="Japanese"))
    actors = actors_on(doc, {"Japan": "JPNGOV", "Japanese troops": "JPNMIL", "Iraq": "IRQ"})
    sources = participants.sources(doc[1], actors)[0]
    assert codes(participants.targets(doc[1], actors, sources)[0]) == ["JPNMIL"]
    forces = frozenset({"troops"})
    targets = participants.targets(doc[1], actors, sources, forces=forces)[0]
    assert codes(targets) == ["IRQ"]
    # another country's forces stay the target
    doc = parse(WITHDREW.format(adj="Syrian"))
    actors = actors_on(doc, {"Japan": "JPNGOV", "Syrian troops": "SYRMIL", "Iraq": "IRQ"})
    targets = participants.targets(doc[1], actors, sources, forces=forces)[0]
    assert codes(targets) == ["SYRMIL"]


PULLED_OUT = """
    Trump     nsubj  pulled   PROPN  NNP
    pulled    ROOT   -        VERB   VBD  lemma=pull
    the       det    States   DET    DT
    United    compound States PROPN  NNP
    States    dobj   pulled   PROPN  NNP
    out       prep   pulled   ADP    IN
    of        prep   out      ADP    IN
    the       det    {last}   DET    DT
    {last}    pobj   of       {pos}  NN
    .         punct  pulled   PUNCT  .
"""


def test_the_own_state_a_verb_moves_out_of_somewhere_is_no_target(participants):
    # "Trump pulled the United States out of the TPP": the US is what Trump takes out
    doc = parse(PULLED_OUT.format(last="TPP", pos="PROPN"))
    actors = actors_on(doc, {"Trump": "USAGOV", "United States": "USA"})
    sources = participants.sources(doc[1], actors)[0]
    assert codes(participants.targets(doc[1], actors, sources)[0]) == []
    # the body left is the target when it is an actor: "... out of the coalition"
    doc = parse(PULLED_OUT.format(last="EU", pos="PROPN"))
    actors = actors_on(doc, {"Trump": "USAGOV", "United States": "USA", "EU": "IGOEU"})
    assert codes(participants.targets(doc[1], actors, sources)[0]) == ["IGOEU"]
    # another state moved is acted on: "Trump pulled Mexico out of the TPP"
    doc = parse(PULLED_OUT.format(last="TPP", pos="PROPN"))
    actors = actors_on(doc, {"Trump": "USAGOV", "United States": "MEX"})
    assert codes(participants.targets(doc[1], actors, sources)[0]) == ["MEX"]
    # a time is no place left: "... out of the morning" keeps the object (and a clause,
    # "banned Muslims from entering", is an act kept from happening)
    doc = parse(PULLED_OUT.format(last="morning", pos="NOUN"))
    doc[8].ent_type_ = "TIME"
    actors = actors_on(doc, {"Trump": "USAGOV", "United States": "USA"})
    assert codes(participants.targets(doc[1], actors, sources)[0]) == ["USA"]


def test_a_place_stands_for_its_country_as_a_last_resort(participants):
    doc = parse(FIRED_AT.format(place="Seoul"))
    actors = actors_on(doc, {"Russia": "RUS"}, places={"Seoul": "KOR"})
    sources = participants.sources(doc[1], actors)[0]
    assert participants.targets(doc[1], actors, sources) == ([], False, False)
    targets, _, deep = participants.targets(doc[1], actors, sources, place_targets=True)
    assert (codes(targets), deep) == (["KOR"], True)


def test_a_place_of_the_sources_own_country_is_no_target_unless_the_act_is_domestic(participants):
    doc = parse(FIRED_AT.format(place="Moscow"))
    actors = actors_on(doc, {"Russia": "RUS"}, places={"Moscow": "RUS"})
    sources = participants.sources(doc[1], actors)[0]
    assert participants.targets(doc[1], actors, sources, place_targets=True)[0] == []
    found = participants.targets(doc[1], actors, sources, place_targets=True, domestic=True)[0]
    assert codes(found) == ["RUS"]


def test_a_marked_word_names_the_actor_after_it(participants):
    # PETRARCH's "- + * MONEY $": the source is whoever the money is from
    doc = parse(
        """
        Eriador    nsubj  received  PROPN
        received   ROOT   -         VERB   VBD  lemma=receive
        money      dobj   received  NOUN
        from       prep   money     ADP
        Osgiliath  pobj   from      PROPN
        """
    )
    actors = actors_on(doc, {"Eriador": "ERI", "Osgiliath": "OSG"})
    assert codes(participants.marked(doc[1], "from", actors, [])) == ["OSG"]
    assert participants.marked(doc[1], "about", actors, []) == []


# ---------------------------------------------------------------- actors compared


def test_same_actor_by_id_else_by_code():
    assert same_actor(state("JPN"), state("JPN"))
    assert not same_actor(state("JPN"), state("JPNGOV"))
    plain = EventActor("Japan", 0, 5, None, None, "JPN", "JPN", None)
    assert actor_key(plain) == "JPN" and actor_key(None) is None


def test_same_side_is_the_source_or_the_bare_state_of_its_country():
    abe = EventActor("Abe", 0, 3, "person:abe", "Abe", "JPNGOV", "JPN", "GOV")
    assert same_side(state("JPN"), abe)  # "Abe ... the Japanese commitment"
    assert not same_side(state("JPNMIL"), abe)  # two agents of one state are two sides
    assert not same_side(state("RUS"), abe)


def test_a_person_coded_only_by_country_is_not_the_bare_state():
    blair = EventActor("Blair", 0, 5, "person:blair", "Blair", "GBRGOV", "GBR", "GOV")
    jackson = EventActor("Jackson", 9, 16, "person:jackson", "Jackson", "GBR", "GBR", None)
    assert not same_side(jackson, blair)  # "Blair praised Jackson": two people of Britain
    assert not same_side(blair, jackson)  # "Jackson criticised Blair"
    assert same_side(state("GBR"), jackson)  # "Jackson ... the British commitment"
    assert same_side(jackson, state("GBR"))  # "Britain said" is the state itself


def test_a_verb_targets_a_person_of_the_sources_country_coded_only_by_it(participants):
    # "Blair praised Jackson's record" (Jackson placed in Britain by the story's focus, no
    # sector): the actor the object's phrase names
    doc = parse(
        """
        Blair    nsubj  praised  PROPN
        praised  ROOT   -        VERB   VBD  lemma=praise
        Jackson  poss   record   PROPN
        's       case   Jackson  PART
        record   dobj   praised  NOUN
        """
    )
    with_mentions(doc, {"Blair": "GBRGOV"})
    doc._.mentions = [*doc._.mentions, mention(doc, "Jackson", "GBR", kind="person")]
    actors = DocActors.build(doc)
    targets, _, _ = participants.targets(doc[1], actors, participants.sources(doc[1], actors)[0])
    assert codes(targets) == ["GBR"]


def test_own_country_of_agents_of_one_state():
    officials = EventActor("officials", 0, 9, None, None, "JPNGOV", "JPN", "GOV")
    (home,) = own_country([officials])
    assert (home.code, home.actor_id) == ("JPN", "state:JPN")
    assert own_country([state("JPN")]) == []  # a state acting at home
    assert codes(own_country([state("JPN")], people=True)) == ["JPN"]
    assert own_country([officials, state("RUSGOV")]) == []  # two countries


def test_a_domestic_acts_target_is_never_another_mention_of_its_doer(participants):
    # "Russia withdrew its troops from Syria": "its" is Russia itself, not a target at home
    doc = parse(
        """
        Russia    nsubj  withdrew  PROPN
        withdrew  ROOT   -         VERB   VBD  lemma=withdraw
        its       poss   troops    PRON   PRP$
        troops    dobj   withdrew  NOUN   NNS
        from      prep   withdrew  ADP
        Syria     pobj   from      PROPN
        """
    )
    with_mentions(doc, {"Russia": "RUS", "Syria": "SYR"})
    doc._.mentions.append(mention(doc, "its", "RUS"))  # the same state's actor id
    doc._.mentions.sort(key=lambda m: m.start)
    actors = DocActors.build(doc)
    sources = participants.sources(doc[1], actors)[0]
    found = participants.targets(doc[1], actors, sources, domestic=True)[0]
    assert codes(found) == ["SYR"]


def test_a_predicate_adjectives_phrase_names_the_verbs_target(participants):
    # "Trump let loose on Mexico": the parser hangs "on Mexico" on the adjective completing
    # the predicate; the phrase is still the verb's
    doc = parse(
        """
        Trump   nsubj  let    PROPN
        let     ROOT   -      VERB   VBD  lemma=let
        loose   ccomp  let    ADJ
        on      prep   loose  ADP
        Mexico  pobj   on     PROPN
        """
    )
    actors = actors_on(doc, {"Trump": "USAGOV", "Mexico": "MEX"})
    sources = participants.sources(doc[1], actors)[0]
    assert codes(participants.targets(doc[1], actors, sources)[0]) == ["MEX"]


def test_an_adjective_with_its_own_subject_is_a_clause_not_the_verbs_predicate(participants):
    # "Trump made Mexico angry at Canada": "angry" has its own subject (a small clause):
    # "at Canada" is Mexico's anger, not Trump's act (Mexico, the object, is the target)
    doc = parse(
        """
        Trump   nsubj  made   PROPN
        made    ROOT   -      VERB   VBD  lemma=make
        Mexico  nsubj  angry  PROPN
        angry   ccomp  made   ADJ
        at      prep   angry  ADP
        Canada  pobj   at     PROPN
        """
    )
    actors = actors_on(doc, {"Trump": "USAGOV", "Mexico": "MEX", "Canada": "CAN"})
    sources = participants.sources(doc[1], actors)[0]
    assert "CAN" not in codes(participants.targets(doc[1], actors, sources)[0])


def test_a_pair_phrase_names_both_actors_it_points_back_to(participants):
    """ "the pair" after "Rice and Straw": the actors stage gives the phrase one mention per
    actor, and the phrase names both."""
    doc = parse(
        """
        The      det    pair     DET   DT
        pair     nsubj  visited  NOUN  NN
        visited  ROOT   -        VERB  VBD  lemma=visit
        Iraq     dobj   visited  PROPN NNP
        """
    )
    doc._.mentions = [
        mention(doc, "The pair", "USAGOV", actor_id="person:condoleezza-rice"),
        mention(doc, "The pair", "GBRGOV", actor_id="person:jack-straw"),
        mention(doc, "Iraq", "IRQ"),
    ]
    doc._.quotes = []
    actors = DocActors.build(doc)
    assert codes(participants.actors_of(doc[1], actors)) == ["USAGOV", "GBRGOV"]
    assert codes(participants.actors_of(doc[3], actors)) == ["IRQ"]
