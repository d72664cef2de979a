"""Statements that judge an actor (``events/evaluation.py``): criticism 111 and praise 051,
on parses built by hand."""

from __future__ import annotations

import dataclasses

import pytest
from parses import mention, parse, with_mentions

from detente.events.coder import EventCoder
from detente.records import Quote


@pytest.fixture(scope="module")
def coder(knowledge):
    return EventCoder(knowledge)


def _said(
    coder,
    table: str,
    codes: dict[str, str],
    content_from: str,
    text: str | None = None,
    *,
    persons: dict[str, str] | None = None,
    groups: dict[str, str] | None = None,
    corefer: dict[str, str] | None = None,
):
    """Code a 'SPEAKER said CONTENT.' parse whose reported content starts at ``content_from``;
    ``persons`` (words -> code) are mentions of individuals, whatever their code; ``groups``
    mentions of groups the actors stage gave a code but no actor id; ``corefer`` (words ->
    a key of ``persons``) mentions of the same individual ("he" for "Jackson")."""
    doc = parse(table, text=text)
    text = doc.text
    cue = text.index(" said") + 1
    speaker = text[: cue - 1]
    quote = Quote(
        doc_id="d", start=text.index(content_from), end=len(text) - 1,
        text=text[text.index(content_from) : -1], kind="indirect",
        cue="said", cue_start=cue, cue_end=cue + 4,
        speaker=speaker, speaker_start=0, speaker_end=len(speaker),
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    doc = with_mentions(doc, codes, quotes=[quote])
    for words, code in (persons or {}).items():
        person = mention(doc, words, code, kind="person", actor_id=f"person:{words.lower()}")
        doc._.mentions = sorted([*doc._.mentions, person], key=lambda m: m.start)
    for words, same in (corefer or {}).items():
        person = mention(
            doc, words, persons[same], kind="person", actor_id=f"person:{same.lower()}"
        )
        doc._.mentions = sorted([*doc._.mentions, person], key=lambda m: m.start)
    for words, code in (groups or {}).items():
        group = dataclasses.replace(mention(doc, words, code, kind="group"), actor_id=None)
        doc._.mentions = sorted([*doc._.mentions, group], key=lambda m: m.start)
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo) for e in coder.code_doc(doc)
    ]


IRRESPONSIBLE = """
    Wang            nsubj  said   PROPN
    said            ROOT   -      VERB  VBD  lemma=say
    America         nsubj  was    PROPN
    was             ccomp  said   AUX   VBD  lemma=be
    irresponsible   acomp  was    ADJ   JJ
    .               punct  said   PUNCT .
"""


def test_a_speaker_who_calls_an_actor_irresponsible_criticizes_it(coder):
    codes = {"Wang": "CHNGOV", "America": "USA"}
    assert _said(coder, IRRESPONSIBLE, codes, "America") == [("CHNGOV", "USA", "111")]


def test_a_judgement_of_no_coded_actor_stays_a_statement(coder):
    assert _said(coder, IRRESPONSIBLE, {"Wang": "CHNGOV"}, "America") == [("CHNGOV", None, "010")]


def test_the_speaker_judging_their_own_side_stays_a_statement(coder):
    codes = {"Wang": "CHNGOV", "America": "CHNGOV"}
    assert _said(coder, IRRESPONSIBLE, codes, "America") == [("CHNGOV", None, "010")]


HOWARD = IRRESPONSIBLE.replace("Wang  ", "Howard").replace("America", "Jackson")


def test_two_named_actors_placed_only_in_one_state_are_two_sides(coder):
    # a bare-country code only places a person: Jackson is not Howard's side
    persons = {"Howard": "GBR", "Jackson": "GBR"}
    assert _said(coder, HOWARD, {}, "Jackson", persons=persons) == [("GBR", "GBR", "111")]
    # the speaker's bare state is still the speaker's side
    codes = {"Jackson": "GBR"}
    assert _said(coder, HOWARD, codes, "Jackson", persons={"Howard": "GBR"}) == [
        ("GBR", None, "010")
    ]


WOULD_SAY = """
    Azmat   nsubj  said   PROPN
    said    ROOT   -      VERB  VBD  lemma=say
    he      nsubj  say    PRON  PRP
    {aux}   aux    say    AUX   MD   lemma={aux}
    say     ccomp  said   VERB  VB   lemma=say
    Begg    nsubj  was    PROPN
    was     ccomp  say    AUX   VBD  lemma=be
    a       det    hero   DET   DT
    hero    attr   was    NOUN  NN
    .       punct  said   PUNCT .
"""


def test_a_judgement_under_a_hedged_clause_judges_nobody(coder):
    # "Azmat said he would say Begg was a hero": a saying not done, no praise
    codes, persons = {"Begg": "GBRREB"}, {"Azmat": "GBR"}
    hedged = WOULD_SAY.format(aux="would")
    assert _said(coder, hedged, codes, "he", persons=persons) == [("GBR", None, "010")]
    # "he did say": the praise is reported as said
    done = WOULD_SAY.format(aux="did").replace("MD   lemma=did", "VBD  lemma=do")
    assert _said(coder, done, codes, "he", persons=persons) == [("GBR", "GBRREB", "051")]


@pytest.mark.parametrize(
    ("subject", "aux", "verb"), [("he", "must", "say"), ("everyone", "must", "know")]
)
def test_an_obligation_above_the_judging_clause_hedges_nothing(coder, subject, aux, verb):
    # "Azmat said he must say Begg was a hero" ('I must say that ...'), "everyone must know
    # Begg was a hero": only "would", "if" above hedge, and the climb stops at the verb of
    # saying that says the clause (the quote's own cue "said" above is none of its hedges)
    codes, persons = {"Begg": "GBRREB"}, {"Azmat": "GBR"}
    table = (
        WOULD_SAY.format(aux=aux)
        .replace("he      nsubj  say", f"{subject}  nsubj  say")
        .replace(
            "say     ccomp  said   VERB  VB   lemma=say",
            f"{verb}  ccomp  said  VERB  VB  lemma={verb}",
        )
        .replace("nsubj  say", f"nsubj  {verb}")
        .replace("aux    say", f"aux    {verb}")
        .replace("ccomp  say", f"ccomp  {verb}")
    )
    assert ("GBR", "GBRREB", "051") in _said(coder, table, codes, subject, persons=persons)


RIGHT_PATH = """
    Kudlow  nsubj  said   PROPN
    said    ROOT   -      VERB  VBD  lemma=say
    Trump   nsubj  {verb}  PROPN
    {verb}  ccomp  said   {pos}  VBZ  lemma={lemma}
    on      prep   {verb}  ADP   IN
    the     det    path   DET   DT
    right   amod   path   ADJ   JJ
    path    pobj   on     NOUN  NN
    .       punct  said   PUNCT .
"""


def test_a_judging_phrase_predicated_by_a_copula_judges_its_subject(coder):
    # "Trump is on the right path": the prepositional predicate is said of Trump
    codes, persons = {"Trump": "USAGOV"}, {"Kudlow": "USA"}
    copula = RIGHT_PATH.format(verb="is", pos="AUX", lemma="be")
    assert _said(coder, copula, codes, "Trump", persons=persons) == [("USA", "USAGOV", "051")]
    # "Trump walks on the right path" places him, and judges nobody
    walks = RIGHT_PATH.format(verb="walks", pos="VERB", lemma="walk")
    assert ("USA", "USAGOV", "051") not in _said(coder, walks, codes, "Trump", persons=persons)


@pytest.mark.parametrize(
    ("prep", "noun"), [("in", "situation"), ("on", "situation"), ("in", "path")]
)
def test_a_copula_phrase_judges_only_on_a_stance_noun(coder, prep, noun):
    # "Trump is in a dangerous situation" says where he is, not what he is: only "on" with
    # a stance noun (function_words.tsv: path, side, track) judges the subject
    codes, persons = {"Trump": "USAGOV"}, {"Kudlow": "USA"}
    table = (
        RIGHT_PATH.format(verb="is", pos="AUX", lemma="be")
        .replace("right   amod   path   ADJ", "dangerous  amod  path  ADJ")
        .replace("on      prep", f"{prep}  prep")
        .replace("path", noun)
        .replace("pobj   on", f"pobj  {prep}")
    )
    assert _said(coder, table, codes, "Trump", persons=persons) == [("USA", None, "010")]
    side = RIGHT_PATH.format(verb="is", pos="AUX", lemma="be").replace("path", "side")
    assert _said(coder, side, codes, "Trump", persons=persons) == [("USA", "USAGOV", "051")]


NOT_HELPFUL = """
    Schumer   nsubj  said   PROPN
    said      ROOT   -      VERB  VBD  lemma=say
    China     nsubj  is     PROPN
    is        ccomp  said   AUX   VBZ  lemma=be
    not       neg    is     PART  RB
    helpful   acomp  is     ADJ   JJ
    .         punct  said   PUNCT .
"""

NOT_ILLEGAL = NOT_HELPFUL.replace("helpful", "illegal")


def test_a_negated_praise_is_criticism_and_a_negated_criticism_nothing(coder):
    codes = {"Schumer": "USALEG", "China": "CHN"}
    assert _said(coder, NOT_HELPFUL, codes, "China") == [("USALEG", "CHN", "111")]
    assert _said(coder, NOT_ILLEGAL, codes, "China") == [("USALEG", None, "010")]


DECENT = """
    Blair       nsubj     said      PROPN
    said        ROOT      -         VERB  VBD  lemma=say
    Jackson     nsubj     was       PROPN
    was         ccomp     said      AUX   VBD  lemma=be
    a           det       servant   DET   DT
    decent      amod      servant   ADJ   JJ
    and         cc        decent    CCONJ CC
    dedicated   conj      decent    ADJ   JJ
    public      amod      servant   ADJ   JJ
    servant     attr      was       NOUN  NN
    .           punct     said      PUNCT .
"""


def test_an_actor_called_a_decent_public_servant_is_praised(coder):
    codes = {"Blair": "GBRGOV", "Jackson": "GBRLEG"}
    assert _said(coder, DECENT, codes, "Jackson") == [("GBRGOV", "GBRLEG", "051")]


DISASTER = """
    Putin      nsubj  said   PROPN
    said       ROOT   -      VERB  VBD  lemma=say
    the        det    talks  DET   DT
    talks      nsubj  were   NOUN  NNS  lemma=talk
    were       ccomp  said   AUX   VBD  lemma=be
    a          det    disaster DET DT
    disaster   attr   were   NOUN  NN
    .          punct  said   PUNCT .
"""


def test_a_judging_word_said_of_a_thing_judges_no_actor(coder):
    assert _said(coder, DISASTER, {"Putin": "RUSGOV"}, "the") == [("RUSGOV", None, "010")]


BETRAYED = """
    Kudlow     nsubj  said      PROPN
    said       ROOT   -         VERB  VBD  lemma=say
    Trudeau    nsubj  betrayed  PROPN
    betrayed   ccomp  said      VERB  VBD  lemma=betray
    us         dobj   betrayed  PRON  PRP
    .          punct  said      PUNCT .
"""


def test_a_verb_of_wronging_criticizes_its_doer(coder):
    codes = {"Kudlow": "USAGOV", "Trudeau": "CANGOV"}
    # (the lexicon codes the reported betrayal itself too: 160 by Trudeau against "us")
    assert ("USAGOV", "CANGOV", "111") in _said(coder, BETRAYED, codes, "Trudeau")


RECKLESS_IF = """
    Abe        nsubj  said     PROPN
    said       ROOT   -        VERB  VBD  lemma=say
    if         mark   is       SCONJ IN
    Kim        nsubj  is       PROPN
    is         advcl  respond  AUX   VBZ  lemma=be
    reckless   acomp  is       ADJ   JJ
    Japan      nsubj  respond  PROPN
    will       aux    respond  AUX   MD
    respond    ccomp  said     VERB  VB
    .          punct  said     PUNCT .
"""


def test_a_conditional_judgement_judges_nobody(coder):
    codes = {"Abe": "JPNGOV", "Kim": "PRKGOV", "Japan": "JPN"}
    found = _said(coder, RECKLESS_IF, codes, "if")
    assert ("JPNGOV", "PRKGOV", "111") not in found


DANGEROUS_VIEWS = """
    Jackson     nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    he          nsubj  was        PRON  PRP
    was         ccomp  said       AUX   VBD  lemma=be
    tired       acomp  was        ADJ   JJ
    of          prep   tired      ADP   IN
    its         poss   views      PRON  PRP$
    dangerous   amod   views      ADJ   JJ
    views       pobj   of         NOUN  NNS  lemma=view
    .           punct  said       PUNCT .
"""


def test_a_judging_word_on_what_an_actor_owns_judges_the_owner(coder):
    codes = {"Jackson": "GBRLEG", "its": "GBROPP"}
    assert _said(coder, DANGEROUS_VIEWS, codes, "he") == [("GBRLEG", "GBROPP", "111")]


WOULD_BE_MORE_EFFECTIVE = """
    Trump       nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    G7          nsubj  be         PROPN
    would       aux    be         AUX   MD
    be          ccomp  said       AUX   VB
    effective   acomp  be         ADJ   JJ
    .           punct  said       PUNCT .
"""


def test_a_modal_or_comparative_judgement_judges_nobody(coder):
    codes = {"Trump": "USAGOV", "G7": "IGOG7"}
    assert _said(coder, WOULD_BE_MORE_EFFECTIVE, codes, "G7") == [("USAGOV", None, "010")]
    unmodal = WOULD_BE_MORE_EFFECTIVE.replace("would       aux    be         AUX   MD\n", "")
    assert _said(coder, unmodal, codes, "G7") == [("USAGOV", "IGOG7", "051")]
    graded = unmodal.replace(
        "effective   acomp  be         ADJ   JJ", "effective   acomp  be  ADJ JJR"
    )
    assert _said(coder, graded, codes, "G7") == [("USAGOV", None, "010")]


CRIMINAL_GANGS = """
    Muscat      nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    Libya       nsubj  must       PROPN
    must        ccomp  said       AUX   MD
    fight       xcomp  must       VERB  VB
    criminal    amod   gangs      ADJ   JJ
    gangs       dobj   fight      NOUN  NNS  lemma=gang
    .           punct  said       PUNCT .
"""


def test_a_word_that_classifies_an_actor_phrase_is_no_judgement(coder):
    codes = {"Muscat": "MLTGOV", "criminal gangs": "LBYCRM"}
    found = _said(coder, CRIMINAL_GANGS, codes, "Libya")
    assert not any(code == "111" for _s, _t, code in found)


ARREST_UNFAIR = """
    Christian   nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    the         det    men        DET   DT
    men         poss   arrest     NOUN  NNS  lemma=man
    's          case   men        PART  POS
    arrest      nsubj  was        NOUN  NN
    was         ccomp  said       AUX   VBD  lemma=be
    unfair      acomp  was        ADJ   JJ
    .           punct  said       PUNCT .
"""


def test_a_judgement_of_an_actors_treatment_does_not_judge_the_actor(coder):
    codes = {"Christian": "GBRLEG", "the men": "GBRCVL"}
    assert _said(coder, ARREST_UNFAIR, codes, "the") == [("GBRLEG", None, "010")]


CALLED_LIARS = """
    Castro      nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    Cuba        nsubj  called     PROPN
    called      ccomp  said       VERB  VBD  lemma=call
    officials   dobj   called     NOUN  NNS  lemma=official
    liars       oprd   called     NOUN  NNS  lemma=liar
    .           punct  said       PUNCT .
"""


def test_a_verb_of_naming_judges_its_object(coder):
    codes = {"Castro": "CUBGOV", "officials": "USAGOV"}
    found = _said(coder, CALLED_LIARS, codes, "Cuba")
    assert ("CUBGOV", "USAGOV", "111") in found
    as_two_objects = CALLED_LIARS.replace("liars       oprd", "liars       dobj")
    assert ("CUBGOV", "USAGOV", "111") in _said(coder, as_two_objects, codes, "Cuba")


RIGHTLY = """
    Mattis       nsubj  said       PROPN
    said         ROOT   -          VERB  VBD  lemma=say
    protesters   nsubj  demanding  NOUN  NNS  lemma=protester
    are          aux    demanding  AUX   VBP  lemma=be
    rightly      advmod demanding  ADV   RB
    demanding    ccomp  said       VERB  VBG  lemma=demand
    justice      dobj   demanding  NOUN
    .            punct  said       PUNCT .
"""


def test_an_adverb_of_judgement_judges_the_doer_of_the_act(coder):
    codes = {"Mattis": "USAELI", "protesters": "USACVL"}
    assert ("USAELI", "USACVL", "051") in _said(coder, RIGHTLY, codes, "protesters")


OUR_GOVERNMENT = """
    Wang         nsubj  said       PROPN
    said         ROOT   -          VERB  VBD  lemma=say
    our          poss   government PRON  PRP$
    government   nsubj  was        NOUN
    was          ccomp  said       AUX   VBD  lemma=be
    wrong        acomp  was        ADJ   JJ
    .            punct  said       PUNCT .
"""


def test_the_speakers_own_side_is_never_judged(coder):
    # "our government": first person; "China": the speaker's bare state
    assert _said(coder, OUR_GOVERNMENT, {"Wang": "CHNGOV", "government": "JPNGOV"}, "our") == [
        ("CHNGOV", None, "010")
    ]
    codes = {"Wang": "CHNGOV", "America": "CHN"}
    assert _said(coder, IRRESPONSIBLE, codes, "America") == [("CHNGOV", None, "010")]


def test_a_question_or_a_hyphenated_word_judges_nobody(coder):
    codes = {"Wang": "CHNGOV", "America": "USA"}
    question = IRRESPONSIBLE.replace(
        ".               punct  said   PUNCT .", "?  punct  said  PUNCT ."
    )
    assert _said(coder, question, codes, "America") == [("CHNGOV", None, "010")]
    hyphen = IRRESPONSIBLE.replace(
        "irresponsible   acomp  was    ADJ   JJ",
        "right   acomp  was    ADJ   JJ\n    -   punct  right  PUNCT  HYPH\n    wing  npadvmod  right  NOUN",
    )
    text = "Wang said America was right-wing."
    assert _said(coder, hyphen, codes, "America", text) == [("CHNGOV", None, "010")]


def test_a_person_placed_only_in_the_speakers_country_is_not_the_speakers_state(coder):
    # the actors stage knows Jackson only as British (GBR, no sector): he is still another
    # actor than the speaker's state, and Blair's praise of him is praise
    found = _said(coder, DECENT, {"Blair": "GBRGOV"}, "Jackson", persons={"Jackson": "GBR"})
    assert found == [("GBRGOV", "GBR", "051")]
    # the state itself ("Wang said China was ...") stays the speaker's side
    codes = {"Wang": "CHNGOV", "America": "CHN"}
    assert _said(coder, IRRESPONSIBLE, codes, "America") == [("CHNGOV", None, "010")]


VIOLATED = """
    Ahmadinejad  nsubj  said      PROPN
    said         ROOT   -         VERB  VBD  lemma=say
    soldiers     nsubj  violated  NOUN  NNS  lemma=soldier
    had          aux    violated  AUX   VBD  lemma=have
    violated     ccomp  said      VERB  VBN  lemma=violate
    territory    dobj   violated  NOUN  NN
    .            punct  said      PUNCT .
"""


def test_a_wrongdoing_charged_to_an_actor_is_an_accusation(coder):
    codes = {"Ahmadinejad": "IRNGOV", "soldiers": "GBRMIL"}
    assert _said(coder, VIOLATED, codes, "soldiers") == [("IRNGOV", "GBRMIL", "112")]
    # denied, it is no charge we code
    denied = VIOLATED.replace(
        "had          aux    violated  AUX   VBD  lemma=have",
        "had          aux    violated  AUX   VBD  lemma=have\n    not  neg  violated  PART  RB",
    )
    assert _said(coder, denied, codes, "soldiers") == [("IRNGOV", None, "010")]


DISSERVICE = """
    Kudlow      nsubj  said   PROPN
    said        ROOT   -      VERB  VBD  lemma=say
    Trudeau     nsubj  {verb}   PROPN
    {verb}      ccomp  said   VERB  VBD  lemma={lemma}
    a           det    disservice  DET  DT
    great       amod   disservice  ADJ  JJ
    disservice  dobj   {verb}   NOUN  NN
    .           punct  said   PUNCT .
"""


def test_a_judging_noun_an_actor_does_judges_the_actor(coder):
    codes = {"Kudlow": "USAGOV", "Trudeau": "CANGOV"}
    did = DISSERVICE.format(verb="did", lemma="do")
    assert _said(coder, did, codes, "Trudeau") == [("USAGOV", "CANGOV", "111")]
    # what befalls an actor does not judge it ("suffered a disservice")
    suffered = DISSERVICE.format(verb="suffered", lemma="suffer")
    assert ("USAGOV", "CANGOV", "111") not in _said(coder, suffered, codes, "Trudeau")


DISILLUSIONED = """
    Jackson         nsubj      said           PROPN
    said            ROOT       -              VERB  VBD  lemma=say
    he              nsubjpass  disillusioned  PRON  PRP
    was             auxpass    disillusioned  AUX   VBD  lemma=be
    disillusioned   ccomp      said           VERB  VBN  lemma=disillusion
    with            prep       disillusioned  ADP   IN
    the             det        leadership     DET   DT
    leadership      pobj       with           NOUN  NN
    .               punct      said           PUNCT .
"""


def test_the_speakers_feeling_about_an_actor_judges_that_actor(coder):
    # "he" is the speaker (the same actor): his disillusion judges whom it is with
    persons, he = {"Jackson": "GBR"}, {"he": "Jackson"}
    found = _said(coder, DISILLUSIONED, {"leadership": "GBROPP"}, "he", persons=persons, corefer=he)
    assert found == [("GBR", "GBROPP", "111")]
    # someone else's feeling is not the speaker's judgement of the actor it is about
    found = _said(coder, DISILLUSIONED, {"leadership": "GBROPP", "he": "USA"}, "he",
                  persons={"Jackson": "GBR"})  # fmt: skip
    assert found == [("GBR", None, "010")]
    # a quality of the speaker's side is no feeling about its complement: "he was right
    # about Russia" judges nobody
    right = DISILLUSIONED.replace(
        "disillusioned   ccomp      said           VERB  VBN  lemma=disillusion",
        "right           acomp      was            ADJ   JJ",
    ).replace(
        "was             auxpass    disillusioned  AUX   VBD  lemma=be",
        "was             ccomp      said           AUX   VBD  lemma=be",
    )
    right = right.replace("nsubjpass  disillusioned", "nsubj      was").replace(
        "prep       disillusioned", "prep       right"
    )
    found = _said(coder, right, {"leadership": "GBROPP"}, "he", persons=persons)
    assert found == [("GBR", None, "010")]


HOSTILITY = """
    Jackson     nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    the         det    party      DET   DT
    party       poss   hostility  NOUN  NN
    's          case   party      PART  POS
    hostility   nsubj  grew       NOUN  NN
    grew        ccomp  said       VERB  VBD  lemma=grow
    .           punct  said       PUNCT .
"""


def test_a_judging_noun_an_actor_owns_judges_the_owner(coder):
    persons = {"Jackson": "GBR", "party": "GBROPP"}
    assert _said(coder, HOSTILITY, {}, "the", persons=persons) == [("GBR", "GBROPP", "111")]
    # a judging noun with no owner judges nobody
    unowned = HOSTILITY.replace(
        "party       poss   hostility  NOUN  NN", "party  compound  hostility  NOUN  NN"
    )
    assert _said(coder, unowned, {}, "the", persons=persons) == [("GBR", None, "010")]


def test_a_group_the_actors_stage_coded_without_an_id_is_not_the_speakers_state(coder):
    # "the party's leadership" coded GBRGOV with no actor id: a group, not Britain itself
    persons, he, groups = {"Jackson": "GBR"}, {"he": "Jackson"}, {"leadership": "GBRGOV"}
    found = _said(coder, DISILLUSIONED, {}, "he", persons=persons, corefer=he, groups=groups)
    assert found == [("GBR", "GBRGOV", "111")]


OWNED = """
    Merkel      nsubj  said       PROPN
    said        ROOT   -          VERB  VBD  lemma=say
    Putin       poss   {noun}     PROPN NNP
    's          case   Putin      PART  POS
    {noun}      nsubj  blocked    NOUN  NNS  lemma={lemma}
    in          prep   {noun}     ADP   IN
    Europe      pobj   in         PROPN NNP
    had         aux    blocked    AUX   VBD  lemma=have
    blocked     ccomp  said       VERB  VBN  lemma=block
    the         det    sanctions  DET   DT
    sanctions   dobj   blocked    NOUN  NNS  lemma=sanction
    .           punct  said       PUNCT .
"""


@pytest.mark.parametrize(
    ("noun", "lemma", "judged"),
    [
        # evaluations.tsv: friend and puppet are persons; the friends and the puppets are
        # someone else, not Putin
        ("friends", "friend", [("DEUGOV", None, "010")]),
        ("puppets", "puppet", [("DEUGOV", None, "010")]),
        # a quality he owns judges him
        ("incompetence", "incompetence", [("DEUGOV", "RUSGOV", "111")]),
    ],
)
def test_a_person_an_actor_owns_is_no_judgement_of_the_owner(coder, noun, lemma, judged):
    # "Merkel said Putin's friends in Europe had blocked the sanctions"
    table = OWNED.format(noun=noun, lemma=lemma)
    persons = {"Putin": "RUSGOV"}
    assert _said(coder, table, {"Merkel": "DEUGOV"}, "Putin", persons=persons) == judged
