"""An act's factuality (``events/modality.py``): negation, clauses that report no act,
obligations, intentions and the modality of a coded act, on parses built by hand."""

from __future__ import annotations

import pytest
from parses import parse, with_mentions

from detente.events.modality import (
    act_factuality,
    is_negated,
    is_obliged,
    is_unasserted_infinitive,
    obliged_through_adjective,
    speaker_is_subject,
)
from detente.events.participants import DocActors
from detente.records import Quote


def actors_of(doc, codes=None) -> DocActors:
    return DocActors.build(with_mentions(doc, codes or {}))


@pytest.fixture(scope="module")
def factuality(knowledge):
    """``act_factuality`` with the shipped words: (value, cue word, negated, coded)."""

    def run(verb):
        found = act_factuality(
            verb, knowledge.clause_words, knowledge.date_words.future_auxiliaries
        )
        return found.value, found.cue.text if found.cue else None, found.negated, found.coded

    return run


# ---------------------------------------------------------------- negation


def test_a_negation_on_the_verb(words):
    doc = parse(
        """
        Abe     nsubj  invite  PROPN
        did     aux    invite  AUX    VBD  lemma=do
        not     neg    invite  PART
        invite  ROOT   -       VERB   VB
        Putin   dobj   invite  PROPN
        """
    )
    assert is_negated(doc[3], words.negators)
    assert not is_negated(doc[0], words.negators)


def test_a_negating_adverb_counts_as_negation(words):
    doc = parse("Abe nsubj met PROPN\nnever advmod met ADV\nmet ROOT - VERB VBD lemma=meet")
    assert is_negated(doc[2], words.negators)
    doc = parse("Abe nsubj met PROPN\nsoon advmod met ADV\nmet ROOT - VERB VBD lemma=meet")
    assert not is_negated(doc[2], words.negators)


def test_neither_nor_negate_their_conjuncts(words):
    # "Russia neither confirmed nor denied the attack, and Iran protested"
    doc = parse(
        """
        Russia     nsubj    confirmed  PROPN
        neither    preconj  confirmed  CCONJ  CC
        confirmed  ROOT     -          VERB   VBD  lemma=confirm
        nor        cc       confirmed  CCONJ  CC
        denied     conj     confirmed  VERB   VBD  lemma=deny
        the        det      attack     DET    DT
        attack     dobj     denied     NOUN   NN
        ,          punct    confirmed  PUNCT  ,
        and        cc       confirmed  CCONJ  CC
        Iran       nsubj    protested  PROPN
        protested  conj     confirmed  VERB   VBD  lemma=protest
        """
    )
    assert is_negated(doc[2], words.negators)
    assert is_negated(doc[4], words.negators)
    assert not is_negated(doc[10], words.negators)


def test_an_infinitive_is_negated_with_the_verb_it_depends_on(words):
    doc = parse(
        """
        Abe    nsubj  want   PROPN
        did    aux    want   AUX    VBD  lemma=do
        not    neg    want   PART
        want   ROOT   -      VERB   VB
        to     aux    meet   PART
        meet   xcomp  want   VERB   VB
        Putin  dobj   meet   PROPN
        """
    )
    assert is_negated(doc[5], words.negators)


# ---------------------------------------------------------------- clauses that report no act


def test_an_infinitive_on_a_noun_is_no_act_unless_the_noun_is_an_actor(words):
    # "an offer to host a summit" / "the first leader to visit Trump"
    offer = parse(
        """
        an     det    offer  DET
        offer  ROOT   -      NOUN
        to     aux    host   PART
        host   acl    offer  VERB  VB
        Japan  dobj   host   PROPN
        """
    )
    assert is_unasserted_infinitive(offer[3], actors_of(offer, {"Japan": "JPN"}), words)
    leader = parse(
        """
        Abe    ROOT   -      PROPN
        to     aux    visit  PART
        visit  acl    Abe    VERB  VB
        Trump  dobj   visit  PROPN
        """
    )
    actors = actors_of(leader, {"Abe": "JPNGOV", "Trump": "USAGOV"})
    assert not is_unasserted_infinitive(leader[2], actors, words)


ATTEMPT = """
    Clinton    nsubj  {verb}     PROPN
    {verb}     ROOT   -          VERB   VBD  lemma={lemma}
    {det}      {dd}   efforts    {dpos}
    efforts    {nd}   {verb}     NOUN   NNS  lemma=effort
    to         aux    broker     PART
    broker     acl    efforts    VERB   VB
    truce      dobj   broker     NOUN
"""


def attempt(verb="continued", lemma="continue", det="her", dd="poss", dpos="PRON", nd="dobj"):
    return parse(ATTEMPT.format(verb=verb, lemma=lemma, det=det, dd=dd, dpos=dpos, nd=nd))


def test_an_infinitive_on_a_noun_of_trying_that_a_verb_takes_is_an_act(words, factuality):
    # "Clinton continued her efforts to broker a truce": the act is being attempted
    doc = attempt()
    actors = actors_of(doc, {"Clinton": "USAGOV"})
    assert not is_unasserted_infinitive(doc[5], actors, words)
    assert factuality(doc[5])[0] == "asserted"


def test_a_generic_or_named_attempt_is_no_act(words):
    # "rejected any attempt to broker a truce", "called it an attempt to broker a truce"
    for doc in (
        attempt(verb="rejected", lemma="reject", det="any", dd="det", dpos="DET"),
        attempt(verb="called", lemma="call"),
    ):
        assert is_unasserted_infinitive(doc[5], actors_of(doc, {"Clinton": "USAGOV"}), words)


def test_an_attempt_judged_or_stopped_is_not_the_subjects_act(words, factuality):
    # "Clinton condemned her efforts to broker a truce", "... foiled her efforts ...": the
    # subject speaks of or stops someone's attempt; only a verb carrying it on makes it hers
    for verb, lemma in (("condemned", "condemn"), ("foiled", "foil"), ("blocked", "block")):
        doc = attempt(verb=verb, lemma=lemma)
        assert is_unasserted_infinitive(doc[5], actors_of(doc, {"Clinton": "USAGOV"}), words)
    doc = attempt(verb="stepped", lemma="step")
    assert not is_unasserted_infinitive(doc[5], actors_of(doc, {"Clinton": "USAGOV"}), words)
    assert factuality(doc[5])[0] == "asserted"


def test_a_purpose_phrase_of_trying_is_no_act(words):
    # "Clinton flew in in an effort to broker a truce": the truce is the aim
    doc = parse(
        """
        Clinton  nsubj  flew    PROPN
        flew     ROOT   -       VERB   VBD  lemma=fly
        in       prep   flew    ADP
        an       det    effort  DET
        effort   pobj   in      NOUN   NN   lemma=effort
        to       aux    broker  PART
        broker   acl    effort  VERB   VB
        truce    dobj   broker  NOUN
        """
    )
    assert is_unasserted_infinitive(doc[6], actors_of(doc, {"Clinton": "USAGOV"}), words)


def test_a_participle_describing_a_noun_is_no_act(words):
    doc = parse(
        """
        militiamen  ROOT   -           NOUN  NNS
        armed       acl    militiamen  VERB  VBN  lemma=arm
        with        prep   armed       ADP
        machetes    pobj   with        NOUN  NNS
        """
    )
    assert is_unasserted_infinitive(doc[1], actors_of(doc), words)


def test_a_purpose_infinitive_and_a_background_clause_are_no_acts(words):
    doc = parse(
        """
        Japan   nsubj  sent    PROPN
        sent    ROOT   -       VERB   VBD  lemma=send
        troops  dobj   sent    NOUN   NNS
        to      aux    help    PART
        help    advcl  sent    VERB   VB
        unless  mark   attack  SCONJ
        Russia  nsubj  attack  PROPN
        attack  advcl  sent    VERB   VBZ
        """
    )
    actors = actors_of(doc, {"Japan": "JPN", "Russia": "RUS"})
    assert is_unasserted_infinitive(doc[4], actors, words)
    assert is_unasserted_infinitive(doc[7], actors, words)
    assert not is_unasserted_infinitive(doc[1], actors, words)


def test_a_time_clause_reports_an_act_a_condition_does_not(words):
    """ "... flooded the station after police lifted the blockade": a clause of time
    (after, before, while, when) reports an act that happened, which is coded (guideline
    section 2: an act mentioned in passing); a condition ("unless", "if") or a clause that
    only dates a state ("since") reports none."""
    for mark, reported in (
        ("after", True),
        ("before", True),
        ("while", True),
        ("when", True),
        ("unless", False),
        ("if", False),
        ("since", False),
    ):
        doc = parse(
            f"""
            migrants  nsubj  flooded  NOUN   NNS
            flooded   ROOT   -        VERB   VBD  lemma=flood
            {mark}    mark   lifted   SCONJ
            police    nsubj  lifted   NOUN   NNS
            lifted    advcl  flooded  VERB   VBD  lemma=lift
            blockade  dobj   lifted   NOUN
            """
        )
        actors = actors_of(doc, {"police": "HUNCOP"})
        assert is_unasserted_infinitive(doc[4], actors, words) is not reported, mark


def test_a_time_clause_years_away_only_dates_the_news(words):
    """ "almost five years after crowds burned down its embassy" recalls a long-past act
    to date the news (as "since the 2003 invasion" does): not coded; "days after crowds
    burned down its embassy" reports one."""
    for unit, reported in (("years", False), ("decades", False), ("days", True)):
        lemma = unit.rstrip("s")
        doc = parse(
            f"""
            Arnor    nsubj     restore  PROPN
            restore  ROOT      -        VERB   VBD  lemma=restore
            ties     dobj      restore  NOUN   NNS
            five     nummod    {unit}   NUM
            {unit}   npadvmod  burned   NOUN   NNS  lemma={lemma}
            after    mark      burned   SCONJ
            crowds   nsubj     burned   NOUN   NNS
            burned   advcl     restore  VERB   VBD  lemma=burn
            embassy  dobj      burned   NOUN
            """
        )
        actors = actors_of(doc, {"Arnor": "ARN", "crowds": "CALCVL"})
        assert is_unasserted_infinitive(doc[7], actors, words) is not reported, unit


def test_a_measure_of_years_on_the_subordinator_also_dates_the_news(words):
    # the parser may hang "years" on "after" rather than on the clause's verb (long_before
    # reads both); a measure on the main clause's verb says nothing of the time clause
    for head, reported in (("after", False), ("restore", True)):
        doc = parse(
            f"""
            Arnor    nsubj     restore  PROPN
            restore  ROOT      -        VERB   VBD  lemma=restore
            ties     dobj      restore  NOUN   NNS
            five     nummod    years    NUM
            years    npadvmod  {head}   NOUN   NNS  lemma=year
            after    mark      burned   SCONJ
            crowds   nsubj     burned   NOUN   NNS
            burned   advcl     restore  VERB   VBD  lemma=burn
            embassy  dobj      burned   NOUN
            """
        )
        actors = actors_of(doc, {"Arnor": "ARN", "crowds": "CALCVL"})
        assert is_unasserted_infinitive(doc[7], actors, words) is not reported, head


def test_a_relative_clause_with_a_relative_subject_is_background(words):
    doc = parse(
        """
        Hamas      ROOT   -          PROPN
        ,          punct  Hamas      PUNCT
        which      nsubj  advocates  PRON   WDT
        advocates  relcl  Hamas      VERB   VBZ  lemma=advocate
        war        dobj   advocates  NOUN
        """
    )
    assert is_unasserted_infinitive(doc[3], actors_of(doc, {"Hamas": "PSE"}), words)


# ---------------------------------------------------------------- reports and obligations

SAID_MUST = """
    Russia  nsubj  said    PROPN
    said    ROOT   -       VERB   VBD  lemma=say
    Japan   nsubj  return  PROPN
    must    aux    return  AUX    MD
    return  ccomp  said    VERB   VB
    it      dobj   return  PRON
"""


def test_an_act_said_is_asserted_as_said_and_one_not_said_is_not_coded(factuality):
    doc = parse(SAID_MUST)
    assert factuality(doc[4]) == ("asserted", None, False, True)  # the obligation codes it
    doc = parse(
        """
        Japan     nsubj  say       PROPN
        did       aux    say       AUX    VBD  lemma=do
        not       neg    say       PART
        say       ROOT   -         VERB   VB
        Russia    nsubj  attacked  PROPN
        attacked  ccomp  say       VERB   VBD  lemma=attack
        """
    )
    assert factuality(doc[5])[3] is False  # "did not say that ...": nothing is reported


def test_must_is_an_obligation_on_the_verb(words):
    doc = parse(SAID_MUST)
    assert is_obliged(doc[4], words.obligation_modals)
    assert not is_obliged(doc[1], words.obligation_modals)


def test_an_obligation_on_be_ready_to_reaches_the_infinitive(words):
    # "the US must be ready to mediate"
    doc = parse(
        """
        US       nsubj  be       PROPN
        must     aux    be       AUX    MD
        be       ROOT   -        AUX    VB
        ready    acomp  be       ADJ
        to       aux    mediate  PART
        mediate  xcomp  ready    VERB   VB
        """
    )
    assert obliged_through_adjective(doc[5], words.obligation_modals)
    assert is_obliged(doc[5], words.obligation_modals)


def test_we_in_a_speakers_own_quote_is_the_speakers_act(words):
    text = "“We demand it,” Abe said."
    doc = parse(
        """
        “       punct  said    PUNCT
        We      nsubj  demand  PRON   PRP
        demand  ccomp  said    VERB   VBP
        it      dobj   demand  PRON
        ,       punct  said    PUNCT
        ”       punct  said    PUNCT
        Abe     nsubj  said    PROPN
        said    ROOT   -       VERB   VBD  lemma=say
        .       punct  said    PUNCT
        """,
        text=text,
    )
    quote = Quote(
        doc_id="d", start=1, end=13, text=text[1:13], kind="direct",
        cue="said", cue_start=20, cue_end=24, speaker="Abe", speaker_start=16, speaker_end=19,
        speaker_name=None, speaker_actor="JPNGOV",
    )  # fmt: skip
    actors = DocActors.build(with_mentions(doc, {"Abe": "JPNGOV"}, quotes=[quote]))
    assert speaker_is_subject(doc[2], actors, words.first_person)
    assert not speaker_is_subject(doc[7], actors, words.first_person)


# ---------------------------------------------------------------- intentions and modality


def test_a_future_act_and_a_willingness_are_intended(factuality):
    doc = parse("Japan nsubj meet PROPN\nwill aux meet AUX MD\nmeet ROOT - VERB VB")
    assert factuality(doc[2]) == ("intended", "will", False, True)
    doc = parse(
        """
        Russia    nsubj  is        PROPN
        is        ROOT   -         AUX    VBZ  lemma=be
        willing   acomp  is        ADJ
        to        aux    withdraw  PART
        withdraw  xcomp  willing   VERB   VB
        """
    )
    assert factuality(doc[4]) == ("intended", "willing", False, True)
    doc = parse("Japan nsubj met PROPN\nmet ROOT - VERB VBD lemma=meet")
    assert factuality(doc[1]) == ("asserted", None, False, True)


def test_a_modal_makes_an_act_possible(factuality):
    doc = parse("Japan nsubj meet PROPN\nmay aux meet AUX MD\nmeet ROOT - VERB VB")
    assert factuality(doc[2]) == ("possible", "may", False, True)


REPORTED_WOULD = """
    Smith      nsubj  {verb}     PROPN
    {verb}     ROOT   -          VERB   {tag}  lemma={lemma}
    troops     nsubj  leave      NOUN   NNS
    would      aux    leave      AUX    MD
    leave      ccomp  {verb}     VERB   VB
    Iraq       dobj   leave      PROPN
"""
IF_ATTACKED = """
    if         mark   attacked   SCONJ  IN
    attacked   advcl  leave      VERB   VBN  lemma=attack
"""


@pytest.mark.parametrize(
    ("verb", "tag", "lemma"),
    [("said", "VBD", "say"), ("mentioned", "VBD", "mention"), ("suggested", "VBD", "suggest")],
)
def test_would_reported_by_a_past_speech_verb_is_the_future_unless_a_condition(
    factuality, verb, tag, lemma
):
    """ "Smith mentioned that troops would leave Iraq": the backshifted "will" of reported
    speech, whether or not the speech verb has a role of its own in the clause-word table
    (``mention`` and ``suggest`` do not); "... would leave Iraq if attacked": conditional."""
    doc = parse(REPORTED_WOULD.format(verb=verb, tag=tag, lemma=lemma))
    assert factuality(doc[4]) == ("intended", "would", False, True)
    doc = parse(REPORTED_WOULD.format(verb=verb, tag=tag, lemma=lemma) + IF_ATTACKED)
    assert factuality(doc[4]) == ("conditional", "if", False, True)


def test_would_under_a_present_speech_verb_or_a_non_speech_verb_is_conditional(factuality):
    """ "Smith says troops would leave Iraq": the speaker's own conditional (a future would be
    "will"); "Smith regretted that troops would leave": no report, a conditional."""
    doc = parse(REPORTED_WOULD.format(verb="says", tag="VBZ", lemma="say"))
    assert factuality(doc[4]) == ("conditional", "would", False, True)
    doc = parse(REPORTED_WOULD.format(verb="regretted", tag="VBD", lemma="regret"))
    assert factuality(doc[4]) == ("conditional", "would", False, True)


def test_a_modal_before_its_subject_is_a_condition_or_a_question(factuality):
    """ "Should Iran attack Israel, the US must respond": not an act done nor a demand on
    Iran; "Should Iran attack Israel?" asks."""
    table = """
        Should   aux    attack   AUX    MD   lemma=should
        Iran     nsubj  attack   PROPN
        attack   {dep}  {head}   VERB   VB
        Israel   dobj   attack   PROPN
    """
    condition = (
        table.format(dep="advcl", head="respond")
        + """
        ,        punct  respond  PUNCT  ,
        the      det    US       DET
        US       nsubj  respond  PROPN
        must     aux    respond  AUX    MD
        respond  ROOT   -        VERB   VB
        .        punct  respond  PUNCT  .
    """
    )
    assert factuality(parse(condition)[2]) == ("conditional", "Should", False, True)
    question = table.format(dep="ROOT", head="-") + "? punct attack PUNCT ."
    assert factuality(parse(question)[2]) == ("question", "?", False, True)
    # the modal after its subject: an act the clause asserts as demanded, not a condition
    assert factuality(parse(condition)[9])[0] != "conditional"


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("wants", ("wanted", "wants", False, True)),
        ("refused", ("asserted", "refused", True, True)),  # the act refused is denied
    ],
)
def test_the_governing_word_decides_the_act_it_governs(factuality, verb, expected):
    doc = parse(
        f"""
        Japan  nsubj  {verb}  PROPN
        {verb}  ROOT   -       VERB   VBD  lemma={verb.removesuffix("s").removesuffix("d")}
        to     aux    lift    PART
        lift   xcomp  {verb}  VERB   VB
        """
    )
    assert factuality(doc[3]) == expected


def test_an_act_prevented_does_not_take_place(factuality):
    # "Russia stopped Ukraine from attacking Crimea": the attack is negated
    doc = parse(
        """
        Russia     nsubj  stopped    PROPN
        stopped    ROOT   -          VERB   VBD  lemma=stop
        Ukraine    dobj   stopped    PROPN
        from       prep   stopped    ADP    IN
        attacking  pcomp  from       VERB   VBG  lemma=attack
        Crimea     dobj   attacking  PROPN
        """
    )
    assert factuality(doc[4]) == ("asserted", "stopped", True, True)


RUSSIA_WHICH = """
    Russia   ROOT   -         PROPN
    ,        punct  Russia    PUNCT
    which    nsubj  {verb}    PRON   WDT
    {aux}
    {verb}   relcl  Russia    VERB   {tag}  lemma={lemma}
    Ukraine  dobj   {verb}    PROPN
"""


def test_a_past_relative_clause_on_an_actor_reports_its_act(words):
    """ "Russia, which annexed Crimea", "militants who had killed a soldier", "the men, who
    were arrested": in the past, a relative clause on an actor reports an act in passing,
    coded (guideline §2); in the present it describes a standing state, in the present
    perfect the actor's record ("which has attacked Ukraine"): background."""
    codes = {"Russia": "RUS", "Ukraine": "UKR"}
    past = parse(RUSSIA_WHICH.format(verb="invaded", aux="", tag="VBD", lemma="invade"))
    assert not is_unasserted_infinitive(past[3], actors_of(past, codes), words)
    pluperfect = parse(
        RUSSIA_WHICH.format(
            verb="attacked", aux="had aux attacked AUX VBD lemma=have", tag="VBN", lemma="attack"
        )
    )
    assert not is_unasserted_infinitive(pluperfect[4], actors_of(pluperfect, codes), words)
    perfect = parse(
        RUSSIA_WHICH.format(
            verb="attacked", aux="has aux attacked AUX VBZ lemma=have", tag="VBN", lemma="attack"
        )
    )
    assert is_unasserted_infinitive(perfect[4], actors_of(perfect, codes), words)
    present = parse(RUSSIA_WHICH.format(verb="supports", aux="", tag="VBZ", lemma="support"))
    assert is_unasserted_infinitive(present[3], actors_of(present, codes), words)
    modal = parse(
        RUSSIA_WHICH.format(
            verb="attack", aux="could aux attack AUX MD lemma=could", tag="VB", lemma="attack"
        )
    )
    assert is_unasserted_infinitive(modal[4], actors_of(modal, codes), words)


def test_a_relative_clause_with_its_own_subject_in_the_present_perfect_is_background(words):
    # "the sanctions Obama has imposed on Russia": the actor's record, not news; in the
    # past ("the sanctions Obama imposed on Russia") an act mentioned in passing
    table = """
        sanctions  ROOT   -          NOUN   NNS
        Obama      nsubj  imposed    PROPN  NNP
        {aux}
        imposed    relcl  sanctions  VERB   VBN  lemma=impose
        on         prep   imposed    ADP    IN
        Russia     pobj   on         PROPN  NNP
    """
    codes = {"Obama": "USAGOV", "Russia": "RUS"}
    perfect = parse(table.format(aux="has aux imposed AUX VBZ lemma=have"))
    assert is_unasserted_infinitive(perfect[3], actors_of(perfect, codes), words)
    past = parse(table.format(aux="").replace("VBN  lemma=impose", "VBD  lemma=impose"))
    assert not is_unasserted_infinitive(past[2], actors_of(past, codes), words)


def test_a_past_relative_clause_on_a_thing_stays_background(words):
    doc = parse(
        """
        helicopter  ROOT      -           NOUN
        that        nsubjpass captured    PRON   WDT
        was         auxpass   captured    AUX    VBD  lemma=be
        captured    relcl     helicopter  VERB   VBN  lemma=capture
        by          agent     captured    ADP
        Sudan       pobj      by          PROPN
        """
    )
    actors = actors_of(doc, {"Sudan": "SDN"})
    assert is_unasserted_infinitive(doc[3], actors, words)
    officer = parse(
        """
        officers  ROOT      -         NOUN   NNS
        who       nsubjpass arrested  PRON   WP
        were      auxpass   arrested  AUX    VBD  lemma=be
        arrested  relcl     officers  VERB   VBN  lemma=arrest
        """
    )
    officers = actors_of(officer, {"officers": "SDNCOP"})
    assert not is_unasserted_infinitive(officer[3], officers, words)
