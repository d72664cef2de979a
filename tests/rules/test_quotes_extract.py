"""Direct quotes and reported speech (``quotes/extract.py``): cue finding, reported-content
spans and speaker rules, each on a parse built by hand (the same sentences through the model
are test_quotes.py's)."""

from __future__ import annotations

import pytest
from parses import parse

from detente.quotes.extract import extract_quotes


@pytest.fixture(scope="module")
def quotes(knowledge):
    """``quotes(table, text=...)`` -> the quotes of the hand-built parse."""

    def run(table: str, *, text: str | None = None):
        return extract_quotes(parse(table, text=text), knowledge.quote_lexicon)

    return run


def summary(quote) -> tuple:
    return quote.kind, quote.text, quote.cue, quote.speaker, quote.rule


# ---------------------------------------------------------------- direct quotes


def test_a_cue_after_the_closing_mark_gives_the_speaker(quotes):
    (quote,) = quotes(
        """
        “       punct  said   PUNCT  ``
        We      nsubj  build  PRON   PRP
        will    aux    build  AUX    MD
        build   ccomp  said   VERB   VB
        it      dobj   build  PRON   PRP
        ,       punct  said   PUNCT  ,
        ”       punct  said   PUNCT  ''
        Mayor   compound Petrov PROPN NNP
        Petrov  nsubj  said   PROPN  NNP
        said    ROOT   -      VERB   VBD  lemma=say
        .       punct  said   PUNCT  .
        """
    )
    assert summary(quote) == (
        "direct",
        "We will build it",
        "said",
        "Mayor Petrov",
        "direct:cue-after",
    )


def test_a_cue_before_a_colon_introduces_the_quote(quotes):
    (quote,) = quotes(
        """
        The      det    minister  DET    DT
        minister nsubj  said      NOUN   NN
        said     ROOT   -         VERB   VBD  lemma=say
        :        punct  said      PUNCT  :
        “        punct  wait      PUNCT  ``
        Farmers  nsubj  wait      NOUN   NNS
        cannot   aux    wait      AUX    MD
        wait     ccomp  said      VERB   VB
        .        punct  wait      PUNCT  .
        ”        punct  wait      PUNCT  ''
        """,
        text="The minister said: “Farmers cannot wait.”",
    )
    assert summary(quote) == (
        "direct", "Farmers cannot wait.", "said", "The minister", "direct:cue-before",
    )  # fmt: skip


def test_a_speaker_tag_in_the_middle_joins_the_two_passages(quotes):
    (quote,) = quotes(
        """
        “      punct  said   PUNCT  ``
        Talks  nsubj  went   NOUN   NNS  lemma=talk
        went   ccomp  said   VERB   VBD  lemma=go
        well   advmod went   ADV
        ,      punct  said   PUNCT  ,
        ”      punct  said   PUNCT  ''
        she    nsubj  said   PRON   PRP
        said   ROOT   -      VERB   VBD  lemma=say
        ,      punct  said   PUNCT  ,
        “      punct  meet   PUNCT  ``
        we     nsubj  meet   PRON   PRP
        meet   conj   said   VERB   VBP
        again  advmod meet   ADV
        .      punct  meet   PUNCT  .
        ”      punct  meet   PUNCT  ''
        """,
        text="“Talks went well,” she said, “we meet again.”",
    )
    assert summary(quote) == (
        "direct", "Talks went well,” she said, “we meet again.", "said", "she", "direct:split",
    )  # fmt: skip


def test_a_second_speech_act_in_the_tag_gives_the_next_passage(quotes):
    # '“A,” Sanders said, suggesting questions, “b?”': not one quote split by its tag; the
    # parser hangs the participle in the second passage, whose subject is inside the marks
    found = quotes(
        """
        “           punct  said        PUNCT  ``
        Talks       nsubj  failed      NOUN   NNS  lemma=talk
        failed      ccomp  said        VERB   VBD  lemma=fail
        ,           punct  said        PUNCT  ,
        ”           punct  said        PUNCT  ''
        Sanders     nsubj  said        PROPN  NNP
        said        parataxis care     VERB   VBD  lemma=say
        ,           punct  said        PUNCT  ,
        suggesting  advcl  care        VERB   VBG  lemma=suggest
        questions   dobj   suggesting  NOUN   NNS  lemma=question
        ,           punct  suggesting  PUNCT  ,
        “           punct  care        PUNCT  ``
        do          aux    care        AUX    VBP
        you         nsubj  care        PRON   PRP
        care        ROOT   -           VERB   VB
        ?           punct  care        PUNCT  .
        ”           punct  care        PUNCT  ''
        """,
        text="“Talks failed,” Sanders said, suggesting questions, “do you care?”",
    )
    assert [(q.text, q.cue, q.speaker) for q in found] == [
        ("Talks failed", "said", "Sanders"),
        ("do you care?", "suggesting", "Sanders"),
    ]


def test_an_inverted_speaker_hung_as_an_object_is_still_the_speaker(quotes):
    (quote,) = quotes(
        """
        “         punct  said      PUNCT  ``
        We        nsubj  ready     PRON   PRP
        are       cop    ready     AUX    VBP  lemma=be
        ready     ccomp  said      ADJ    JJ
        ,         punct  said      PUNCT  ,
        ”         punct  said      PUNCT  ''
        said      ROOT   -         VERB   VBD  lemma=say
        the       det    general   DET    DT
        general   dobj   said      NOUN   NN
        .         punct  said      PUNCT  .
        """,
        text="“We are ready,” said the general.",
    )
    assert (quote.speaker, quote.rule) == ("the general", "direct:cue-after")


def test_a_quoted_sentence_without_a_cue_continues_the_previous_speaker(quotes):
    quotes_found = quotes(
        """
        “      punct  said   PUNCT  ``
        We     nsubj  won    PRON   PRP
        won    ccomp  said   VERB   VBD  lemma=win
        ,      punct  said   PUNCT  ,
        ”      punct  said   PUNCT  ''
        she    nsubj  said   PRON   PRP
        said   ROOT   -      VERB   VBD  lemma=say
        .      punct  said   PUNCT  .
        “      punct  is     PUNCT  ``
        It     nsubj  is     PRON   PRP
        is     ROOT   -      AUX    VBZ  lemma=be
        over   advmod is     ADV
        .      punct  is     PUNCT  .
        ”      punct  is     PUNCT  ''
        """,
        text="“We won,” she said. “It is over.”",
    )
    (quote,) = quotes_found
    assert quote.text == "We won,” she said. “It is over."
    assert (quote.speaker, quote.rule) == ("she", "direct:cue-after+continued")


def test_a_quote_without_a_cue_takes_the_subject_of_the_sentence_before(quotes):
    (quote,) = quotes(
        """
        Abe    nsubj  spoke  PROPN  NNP
        spoke  ROOT   -      VERB   VBD  lemma=speak
        .      punct  spoke  PUNCT  .
        “      punct  is     PUNCT  ``
        It     nsubj  is     PRON   PRP
        is     ROOT   -      AUX    VBZ  lemma=be
        over   advmod is     ADV
        .      punct  is     PUNCT  .
        ”      punct  is     PUNCT  ''
        """,
        text="Abe spoke. “It is over.”",
    )
    assert (quote.speaker, quote.cue, quote.rule) == ("Abe", None, "direct:previous-sentence")


def test_a_title_in_quotes_is_no_quote(quotes):
    found = quotes(
        """
        She      nsubj  watched  PRON   PRP
        watched  ROOT   -        VERB   VBD  lemma=watch
        “        punct  Crown    PUNCT  ``
        The      det    Crown    DET    DT
        Crown    dobj   watched  PROPN  NNP
        ”        punct  Crown    PUNCT  ''
        .        punct  watched  PUNCT  .
        """,
        text="She watched “The Crown”.",
    )
    assert found == []


def test_a_fragment_governed_by_a_naming_verb_is_the_subjects_words(quotes):
    (quote,) = quotes(
        """
        Abe       nsubj  called   PROPN  NNP
        called    ROOT   -        VERB   VBD  lemma=call
        the       det    deal     DET    DT
        deal      dobj   called   NOUN   NN
        “         punct  step     PUNCT  ``
        a         det    step     DET    DT
        historic  amod   step     ADJ    JJ
        step      oprd   called   NOUN   NN
        ”         punct  step     PUNCT  ''
        .         punct  called   PUNCT  .
        """,
        text="Abe called the deal “a historic step”.",
    )
    assert (quote.kind, quote.text, quote.speaker, quote.rule) == (
        "mixed", "the deal “a historic step", "Abe", "direct:fragment",
    )  # fmt: skip


def test_a_gerund_under_a_preposition_leaves_the_fragment_to_the_verb_above(quotes):
    # 'being' neither speaks nor names: the two quoted words would be a scare quote if the
    # walk up stopped there; the naming verb above it gives them to its subject
    (quote,) = quotes(
        """
        Abe      nsubj  blasted  PROPN  NNP
        blasted  ROOT   -        VERB   VBD  lemma=blast
        the      det    media    DET    DT
        media    dobj   blasted  NOUN   NNS
        for      prep   blasted  ADP    IN
        being    pcomp  for      AUX    VBG  lemma=be
        “        punct  dishonest  PUNCT  ``
        very     advmod dishonest  ADV  RB
        dishonest  acomp  being  ADJ    JJ
        ”        punct  dishonest  PUNCT  ''
        .        punct  blasted  PUNCT  .
        """,
        text="Abe blasted the media for being “very dishonest”.",
    )
    assert (quote.kind, quote.text, quote.cue, quote.speaker, quote.rule) == (
        "mixed", "the media for being “very dishonest", "blasted", "Abe", "direct:fragment",
    )  # fmt: skip


# ---------------------------------------------------------------- reported speech


def test_the_clausal_complement_of_a_speech_verb_is_reported(quotes):
    (quote,) = quotes(
        """
        Abe    nsubj  said   PROPN  NNP
        said   ROOT   -      VERB   VBD  lemma=say
        that   mark   went   SCONJ  IN
        the    det    talks  DET    DT
        talks  nsubj  went   NOUN   NNS  lemma=talk
        went   ccomp  said   VERB   VBD  lemma=go
        well   advmod went   ADV
        .      punct  said   PUNCT  .
        """
    )
    assert summary(quote) == ("indirect", "the talks went well", "said", "Abe", "reported:ccomp")


def test_a_clause_hung_as_an_adverbial_without_a_subordinator_is_reported(quotes):
    # the parser makes what Trump said an advcl of "said" ("after" is the clause's own)
    (quote,) = quotes(
        """
        Trump    nsubj  said     PROPN  NNP
        said     ROOT   -        VERB   VBD  lemma=say
        after    prep   accept   ADP    IN
        the      det    vote     DET    DT
        vote     pobj   after    NOUN   NN
        he       nsubj  accept   PRON   PRP
        would    aux    accept   AUX    MD
        not      neg    accept   PART   RB
        accept   advcl  said     VERB   VB
        it       dobj   accept   PRON   PRP
        .        punct  said     PUNCT  .
        """
    )
    assert summary(quote) == (
        "indirect", "after the vote he would not accept it", "said", "Trump", "reported:ccomp",
    )  # fmt: skip


def test_an_adverbial_clause_with_a_subordinator_is_not_reported(quotes):
    found = quotes(
        """
        Trump    nsubj  said     PROPN  NNP
        said     ROOT   -        VERB   VBD  lemma=say
        nothing  dobj   said     PRON   NN
        when     advmod arrived  SCONJ  WRB
        he       nsubj  arrived  PRON   PRP
        arrived  advcl  said     VERB   VBD  lemma=arrive
        .        punct  said     PUNCT  .
        """
    )
    assert found == []
    found = quotes(
        """
        Trump    nsubj  said     PROPN  NNP
        said     ROOT   -        VERB   VBD  lemma=say
        as       mark   left     SCONJ  IN
        he       nsubj  left     PRON   PRP
        left     advcl  said     VERB   VBD  lemma=leave
        .        punct  said     PUNCT  .
        """
    )
    assert found == []


def test_a_tag_after_the_clause_reports_the_clause_before_it(quotes):
    (quote,) = quotes(
        """
        The      det    talks    DET    DT
        talks    nsubj  failed   NOUN   NNS  lemma=talk
        failed   ccomp  said     VERB   VBD  lemma=fail
        badly    advmod failed   ADV
        ,        punct  said     PUNCT  ,
        Jannuzi  nsubj  said     PROPN  NNP
        said     ROOT   -        VERB   VBD  lemma=say
        .        punct  said     PUNCT  .
        """
    )
    assert summary(quote) == (
        "indirect",
        "The talks failed badly",
        "said",
        "Jannuzi",
        "reported:ccomp",
    )


def test_a_participle_of_speech_deep_in_the_clause_is_the_reporters_next_act(quotes):
    # 'Perdue said he doubted ads hurt Romney, arguing that divisions were worse': the
    # parser hangs "arguing" on "hurt"; its words are not the first report's, and its
    # speaker is Perdue
    found = quotes(
        """
        Perdue     nsubj  said     PROPN  NNP
        said       ROOT   -        VERB   VBD  lemma=say
        he         nsubj  doubted  PRON   PRP
        doubted    ccomp  said     VERB   VBD  lemma=doubt
        ads        nsubj  hurt     NOUN   NNS  lemma=ad
        hurt       ccomp  doubted  VERB   VBD  lemma=hurt
        Romney     dobj   hurt     PROPN  NNP
        ,          punct  hurt     PUNCT  ,
        arguing    advcl  hurt     VERB   VBG  lemma=argue
        that       mark   were     SCONJ  IN
        divisions  nsubj  were     NOUN   NNS  lemma=division
        were       ccomp  arguing  AUX    VBD  lemma=be
        worse      acomp  were     ADJ    JJR
        .          punct  said     PUNCT  .
        """
    )
    assert [(q.text, q.cue, q.speaker) for q in found] == [
        ("he doubted ads hurt Romney", "said", "Perdue"),
        ("divisions were worse", "arguing", "Perdue"),
    ]


def test_a_commitment_verb_reports_its_infinitive(quotes):
    (quote,) = quotes(
        """
        Russia     nsubj  vowed    PROPN  NNP
        vowed      ROOT   -        VERB   VBD  lemma=vow
        to         aux    protect  PART   TO
        protect    xcomp  vowed    VERB   VB
        its        poss   interests PRON  PRP$
        interests  dobj   protect  NOUN   NNS  lemma=interest
        .          punct  vowed    PUNCT  .
        """
    )
    assert summary(quote) == (
        "indirect",
        "to protect its interests",
        "vowed",
        "Russia",
        "reported:ccomp",
    )


def test_an_infinitive_before_a_misread_clause_is_what_was_asked(quotes):
    """'asked the candidates to discuss their plans, a request not always honored': the
    parser makes the appositive a clause of 'asked'; the infinitive before it is the
    request (PolNeAR dev)."""
    (quote,) = quotes(
        """
        Lauer      nsubj  asked    PROPN  NNP
        asked      ROOT   -        VERB   VBD  lemma=ask
        the        det    candidates DET  DT
        candidates dobj   asked    NOUN   NNS  lemma=candidate
        to         aux    discuss  PART   TO
        discuss    xcomp  asked    VERB   VB
        their      poss   plans    PRON   PRP$
        plans      dobj   discuss  NOUN   NNS  lemma=plan
        ,          punct  asked    PUNCT  ,
        a          det    request  DET    DT
        request    nsubj  honored  NOUN   NN
        not        neg    honored  PART   RB
        always     advmod honored  ADV    RB
        honored    ccomp  asked    VERB   VBN  lemma=honor
        .          punct  asked    PUNCT  .
        """
    )
    assert summary(quote) == (
        "indirect",
        "the candidates to discuss their plans",  # the addressee with it, as both golds
        "asked",
        "Lauer",
        "reported:ccomp",
    )


def test_an_adverbial_clause_hung_on_the_verb_right_after_its_topic_is_reported(quotes):
    """'accused her of sleeping when the calls came in': the parser hangs the when-clause
    on 'accused'; it goes on what she was accused of (PolNeAR dev)."""
    (quote,) = quotes(
        """
        Trump      nsubj  accused  PROPN  NNP
        accused    ROOT   -        VERB   VBD  lemma=accuse
        her        dobj   accused  PRON   PRP
        of         prep   accused  ADP    IN
        sleeping   pcomp  of       VERB   VBG  lemma=sleep
        when       advmod came     SCONJ  WRB
        the        det    calls    DET    DT
        calls      nsubj  came     NOUN   NNS  lemma=call
        came       advcl  accused  VERB   VBD  lemma=come
        in         prt    came     ADP    RP
        .          punct  accused  PUNCT  .
        """
    )
    assert summary(quote)[:4] == (
        "indirect",
        "sleeping when the calls came in",
        "accused",
        "Trump",
    )


def test_a_clause_set_off_by_a_dash_before_the_speech_verb_is_not_its_report(quotes):
    # the parser hangs the clause before the dash on "vowed", as a tail tag's clause
    (quote,) = quotes(
        """
        Coal     nsubj  is       NOUN   NN
        is       ccomp  vowed    AUX    VBZ  lemma=be
        back     advmod is       ADV    RB
        -        punct  vowed    PUNCT  :
        Trump    nsubj  vowed    PROPN  NNP
        vowed    ROOT   -        VERB   VBD  lemma=vow
        to       aux    save     PART   TO
        save     xcomp  vowed    VERB   VB
        mining   compound jobs   NOUN   NN
        jobs     dobj   save     NOUN   NNS  lemma=job
        .        punct  vowed    PUNCT  .
        """
    )
    assert summary(quote) == ("indirect", "to save mining jobs", "vowed", "Trump", "reported:ccomp")


def test_a_second_infinitive_hung_on_the_commitment_verb_is_part_of_the_promise(quotes):
    (quote,) = quotes(
        """
        Clinton    nsubj  promised  PROPN  NNP
        promised   ROOT   -         VERB   VBD  lemma=promise
        to         aux    meet      PART   TO
        meet       xcomp  promised  VERB   VB
        and        cc     promised  CCONJ  CC
        exceed     conj   promised  VERB   VBP
        his        poss   goals     PRON   PRP$
        goals      dobj   exceed    NOUN   NNS  lemma=goal
        .          punct  promised  PUNCT  .
        """
    )
    assert summary(quote)[:4] == (
        "indirect", "to meet and exceed his goals", "promised", "Clinton",
    )  # fmt: skip


def test_a_misread_gerund_made_a_small_clause_is_still_reported(quotes):
    # "dropping" tagged a noun, the subject of "carried" read as a past tense
    (quote,) = quotes(
        """
        He        nsubj  proposed  PRON   PRP
        proposed  ROOT   -         VERB   VBD  lemma=propose
        dropping  nsubj  carried   NOUN   NN
        carried   xcomp  proposed  VERB   VBD  lemma=carry
        interest  dobj   carried   NOUN   NN
        .         punct  proposed  PUNCT  .
        """
    )
    assert summary(quote)[:4] == ("indirect", "dropping carried interest", "proposed", "He")


def test_an_infinitive_under_an_expletive_it_takes_the_speaker_above(quotes):
    (quote,) = quotes(
        """
        Trump      nsubj  find       PROPN  NNP
        will       aux    find       AUX    MD
        find       ROOT   -          VERB   VB
        it         nsubj  difficult  PRON   PRP
        difficult  ccomp  find       ADJ    JJ
        to         aux    repeat     PART   TO
        repeat     advcl  difficult  VERB   VB
        his        poss   attacks    PRON   PRP$
        attacks    dobj   repeat     NOUN   NNS  lemma=attack
        .          punct  find       PUNCT  .
        """
    )
    assert summary(quote)[:4] == ("indirect", "his attacks", "repeat", "Trump")


def test_according_to_names_the_source_of_the_rest_of_the_sentence(quotes):
    (quote,) = quotes(
        """
        According  prep   holding    VERB   VBG  lemma=accord
        to         prep   According  ADP    IN
        the        det    spokesman  DET    DT
        spokesman  pobj   to         NOUN   NN
        ,          punct  holding    PUNCT  ,
        the        det    ceasefire  DET    DT
        ceasefire  nsubj  holding    NOUN   NN
        is         aux    holding    AUX    VBZ  lemma=be
        holding    ROOT   -          VERB   VBG  lemma=hold
        .          punct  holding    PUNCT  .
        """
    )
    assert summary(quote) == (
        "indirect", "the ceasefire is holding", "According to", "the spokesman",
        "reported:according-to",
    )  # fmt: skip


def test_a_paragraph_introduced_by_a_speech_verb_and_a_colon_is_reported(quotes):
    found = quotes(
        """
        The      det    governor  DET    DT
        governor nsubj  added     NOUN   NN
        added    ROOT   -         VERB   VBD  lemma=add
        :        punct  added     PUNCT  :
        It       nsubj  is        PRON   PRP
        is       ROOT   -         AUX    VBZ  lemma=be
        typical  acomp  is        ADJ    JJ
        of       prep   typical   ADP    IN
        her      pobj   of        PRON   PRP
        .        punct  is        PUNCT  .
        """,
        text="The governor added:\n\nIt is typical of her.",
    )
    assert [summary(q) for q in found] == [
        ("indirect", "It is typical of her", "added", "The governor", "reported:colon"),
    ]


def test_a_colon_inside_the_paragraph_introduces_no_block(quotes):
    found = quotes(
        """
        The      det    governor  DET    DT
        governor nsubj  added     NOUN   NN
        added    ROOT   -         VERB   VBD  lemma=add
        :        punct  added     PUNCT  :
        It       nsubj  is        PRON   PRP
        is       ROOT   -         AUX    VBZ  lemma=be
        typical  acomp  is        ADJ    JJ
        .        punct  is        PUNCT  .
        """,
        text="The governor added: It is typical.",
    )
    assert found == []


def test_what_a_speech_verb_warns_against_is_reported(quotes):
    (quote,) = quotes(
        """
        Abe      nsubj  warned   PROPN  NNP
        warned   ROOT   -        VERB   VBD  lemma=warn
        against  prep   warned   ADP    IN
        new      amod   tariffs  ADJ    JJ
        tariffs  pobj   against  NOUN   NNS  lemma=tariff
        .        punct  warned   PUNCT  .
        """
    )
    assert summary(quote) == ("indirect", "new tariffs", "warned", "Abe", "reported:ccomp")


@pytest.mark.parametrize(("governor", "lemma", "reported"), [("requires", "require", False), ("declines", "decline", False), ("helps", "help", True)])  # fmt: skip
def test_a_speech_act_only_required_is_not_reported(quotes, governor, lemma, reported):
    found = quotes(
        f"""
        The         det    law         DET    DT
        law         nsubj  {governor}  NOUN   NN
        {governor}  ROOT   -           VERB   VBZ  lemma={lemma}
        Abe         dobj   {governor}  PROPN  NNP
        to          aux    disclose    PART   TO
        disclose    xcomp  {governor}  VERB   VB   lemma=disclose
        his         poss   assets      PRON   PRP$
        assets      dobj   disclose    NOUN   NNS  lemma=asset
        .           punct  {governor}  PUNCT  .
        """
    )
    assert [q.text for q in found] == (["his assets"] if reported else [])


@pytest.mark.parametrize(("aside", "reported"), [("worth", False), ("time", True)])
def test_a_gerund_of_speech_under_an_expletive_it_and_worth_is_the_writers_remark(
    quotes, aside, reported
):
    # 'It is worth noting that the tax rose.' is the writer's aside; 'It is time noting …'
    # (no aside word) still reports, so the test fails without the rule
    found = quotes(
        f"""
        It       nsubj   is      PRON   PRP
        is       ROOT    -       AUX    VBZ  lemma=be
        {aside}  acomp   is      ADJ    JJ
        noting   advcl   is      VERB   VBG  lemma=note
        that     mark    rose    SCONJ  IN
        the      det     tax     DET    DT
        tax      nsubj   rose    NOUN   NN
        rose     ccomp   noting  VERB   VBD  lemma=rise
        .        punct   is      PUNCT  .
        """
    )
    assert [q.text for q in found] == (["the tax rose"] if reported else [])


def test_a_gerund_of_speech_without_saying_is_the_writers_remark(quotes):
    found = quotes(
        """
        It       nsubj   goes     PRON   PRP
        goes     ROOT    -        VERB   VBZ  lemma=go
        without  prep    goes     ADP    IN
        saying   pcomp   without  VERB   VBG  lemma=say
        that     mark    rose     SCONJ  IN
        the      det     tax      DET    DT
        tax      nsubj   rose     NOUN   NN
        rose     ccomp   saying   VERB   VBD  lemma=rise
        .        punct   goes     PUNCT  .
        """
    )
    assert found == []


def test_a_gerund_of_speech_whose_subject_is_a_speaker_is_still_reported(quotes):
    # a referential subject: 'The firm went on, saying that the tax rose.'
    (quote,) = quotes(
        """
        The      det     firm     DET    DT
        firm     nsubj   went     NOUN   NN
        went     ROOT    -        VERB   VBD  lemma=go
        on       prt     went     ADP    RP
        ,        punct   went     PUNCT  ,
        saying   advcl   went     VERB   VBG  lemma=say
        that     mark    rose     SCONJ  IN
        the      det     tax      DET    DT
        tax      nsubj   rose     NOUN   NN
        rose     ccomp   saying   VERB   VBD  lemma=rise
        .        punct   went     PUNCT  .
        """
    )
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", "the tax rose", "The firm")


def test_a_reported_clause_holding_quoted_words_is_mixed(quotes):
    (quote,) = quotes(
        """
        Abe       nsubj  said      PROPN  NNP
        said      ROOT   -         VERB   VBD  lemma=say
        the       det    alliance  DET    DT
        alliance  nsubj  was       NOUN   NN
        was       ccomp  said      AUX    VBD  lemma=be
        “         punct  firm      PUNCT  ``
        very      advmod firm      ADV
        firm      acomp  was       ADJ    JJ
        ”         punct  was       PUNCT  ''
        .         punct  said      PUNCT  .
        """,
        text="Abe said the alliance was “very firm”.",
    )
    assert summary(quote) == ("mixed", "the alliance was “very firm", "said", "Abe", "mixed:ccomp")


def test_a_tag_inside_a_sentence_with_quoted_words_makes_one_mixed_quote(quotes):
    (quote,) = quotes(
        """
        Talks     nsubj     were      NOUN   NNS  lemma=talk
        ,         punct     said      PUNCT  ,
        he        nsubj     said      PRON   PRP
        said      parataxis were      VERB   VBD  lemma=say
        ,         punct     said      PUNCT  ,
        were      ROOT      -         AUX    VBD  lemma=be
        “         punct     disaster  PUNCT  ``
        a         det       disaster  DET    DT
        disaster  attr      were      NOUN   NN
        ”         punct     disaster  PUNCT  ''
        .         punct     were      PUNCT  .
        """,
        text="Talks, he said, were “a disaster”.",
    )
    assert summary(quote) == (
        "mixed", "Talks, he said, were “a disaster", "said", "he", "mixed:ccomp",
    )  # fmt: skip


def test_a_tag_before_the_quoted_words_keeps_them_direct(quotes):
    (quote,) = quotes(
        """
        To        prep      said      ADP    IN
        which     pobj      To        PRON   WDT
        she       nsubj     said      PRON   PRP
        said      parataxis Thank     VERB   VBD  lemma=say
        ,         punct     said      PUNCT  ,
        “         punct     Thank     PUNCT  ``
        Thank     ROOT      -         VERB   VB   lemma=thank
        God       dobj      Thank     PROPN  NNP
        .         punct     Thank     PUNCT  .
        ”         punct     Thank     PUNCT  ''
        """,
        text="To which she said, “Thank God.”",
    )
    assert summary(quote)[:4] == ("direct", "Thank God.", "said", "she")


def test_a_report_inside_a_report_is_not_a_new_quote(quotes):
    # "Abe said Trump said it was over": what Trump said is part of what Abe said
    (quote,) = quotes(
        """
        Abe    nsubj  said#1  PROPN  NNP
        said   ROOT   -       VERB   VBD  lemma=say
        Trump  nsubj  said#2  PROPN  NNP
        said   ccomp  said#1  VERB   VBD  lemma=say
        it     nsubj  was     PRON   PRP
        was    ccomp  said#2  AUX    VBD  lemma=be
        over   advmod was     ADV
        .      punct  said#1  PUNCT  .
        """
    )
    assert (quote.speaker, quote.text) == ("Abe", "Trump said it was over")


def test_a_belief_verb_reports_no_speech(quotes):
    found = quotes(
        """
        Abe      nsubj  hoped  PROPN  NNP
        hoped    ROOT   -      VERB   VBD  lemma=hope
        that     mark   went   SCONJ  IN
        talks    nsubj  went   NOUN   NNS  lemma=talk
        went     ccomp  hoped  VERB   VBD  lemma=go
        well     advmod went   ADV
        .        punct  hoped  PUNCT  .
        """
    )
    assert found == []


def test_a_reported_clause_needs_a_verb_and_three_words(quotes):
    found = quotes(
        """
        Abe    nsubj  said   PROPN  NNP
        said   ROOT   -      VERB   VBD  lemma=say
        so     ccomp  said   ADV    RB
        .      punct  said   PUNCT  .
        """
    )
    assert found == []


def test_quote_offsets_point_into_the_text(quotes):
    text = "“We will build it,” Mayor Petrov said."
    (quote,) = quotes(
        """
        “       punct  said   PUNCT  ``
        We      nsubj  build  PRON   PRP
        will    aux    build  AUX    MD
        build   ccomp  said   VERB   VB
        it      dobj   build  PRON   PRP
        ,       punct  said   PUNCT  ,
        ”       punct  said   PUNCT  ''
        Mayor   compound Petrov PROPN NNP
        Petrov  nsubj  said   PROPN  NNP
        said    ROOT   -      VERB   VBD  lemma=say
        .       punct  said   PUNCT  .
        """,
        text=text,
    )
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.cue_start : quote.cue_end] == "said"
    assert text[quote.speaker_start : quote.speaker_end] == "Mayor Petrov"
