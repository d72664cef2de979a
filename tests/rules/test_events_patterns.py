"""The verb lexicon's patterns on word tuples, and the code a verb gets from them
(``events/patterns.py``), on small dictionaries and parses built by hand."""

from __future__ import annotations

import pytest
from parses import parse, tokens

from detente.events.lexicon import CodeSpec, parse_petrarch_verbs
from detente.events.patterns import (
    _GAP,
    PatternMatcher,
    VerbCodes,
    _match_slots,
    _pattern_words,
    multiword_matches,
    spec_text,
    verb_keys,
)

# ---------------------------------------------------------------- slots on word tuples

MILITARY_RELATIONS = ((("military",), ("economic",)), (("relations",),))


def test_slots_match_in_order_with_any_words_between():
    words = [("military", "military"), _GAP, ("relations", "relation")]
    assert _match_slots(MILITARY_RELATIONS, words)
    assert _match_slots(MILITARY_RELATIONS, [("economic", "economic"), ("relations", "relation")])
    assert not _match_slots(MILITARY_RELATIONS, [("relations",), ("military",)])  # order counts
    assert not _match_slots(MILITARY_RELATIONS, [("military",)])  # every slot must match


def test_a_pattern_word_matches_the_form_or_the_lemma():
    slot = ((("relation",),),)
    assert _match_slots(slot, [("relations", "relation")])
    assert not _match_slots(slot, [("relations", "relations")])


def test_a_multiword_alternative_needs_its_words_adjacent():
    slot = ((("prime", "minister"),),)
    assert _match_slots(slot, [("prime",), ("minister",)])
    assert not _match_slots(slot, [("prime",), _GAP, ("minister",)])


def test_no_slots_match_anything():
    assert _match_slots((), [])


def test_words_no_pattern_names_collapse_into_one_gap():
    words = tokens("the very old military and economic relations", relations="relation")
    assert _pattern_words(words, {"military", "economic", "relation"}) == [
        _GAP,
        ("military", "military"),
        _GAP,
        ("economic", "economic"),
        ("relations", "relation"),
    ]


# ---------------------------------------------------------------- the best pattern of a block

BLOCKS = """\
&TIES
+MILITARY
+ECONOMIC

--- CONFER [040] ---
CONFER
DISCUSS
- * &TIES RELATIONS [0311]
- * (FOR &TIES RELATIONS) TALKS [046]
- * (WITH) [043]  # DISCUSS
- GOVERNMENT * [020]

--- LEAD_GROUP [060] ---
HEAD
ORDER [100]
- * TO [030]  # HEAD
"""


@pytest.fixture(scope="module")
def lexicon():
    return parse_petrarch_verbs("<blocks>", text=BLOCKS)


@pytest.fixture(scope="module")
def matcher(lexicon):
    return PatternMatcher(lexicon)


def test_the_most_specific_matching_pattern_wins(matcher):
    best = matcher.best("CONFER", [], tokens("for military relations talks"), "confer")
    assert best.code == CodeSpec("046")  # three slots beat the two of "&TIES RELATIONS"
    best = matcher.best("CONFER", [], tokens("economic relations"), "confer")
    assert best.code == CodeSpec("0311")


def test_no_pattern_matches_without_its_words(matcher):
    assert matcher.best("CONFER", [], tokens("the weather"), "confer") is None
    assert matcher.best("NO_SUCH_BLOCK", [], tokens("relations"), "confer") is None


def test_words_before_the_verb_match_only_the_subject_side(matcher):
    assert matcher.best("CONFER", tokens("the government"), [], "confer").code == CodeSpec("020")
    assert matcher.best("CONFER", [], tokens("the government"), "confer") is None


def test_a_pattern_written_for_one_verb_is_that_verbs_first(matcher):
    # "- * (WITH) [043]  # DISCUSS": DISCUSS's own; CONFER takes it as a sibling only
    assert matcher.best("CONFER", [], tokens("with Japan"), "discuss").code == CodeSpec("043")
    assert matcher.best("CONFER", [], tokens("with Japan"), "confer").code == CodeSpec("043")
    assert matcher.best("CONFER", [], tokens("with Japan"), "confer", siblings=False) is None


def test_patterns_name_the_block_verbs_they_were_written_for(lexicon):
    (head_to,) = lexicon.blocks["LEAD_GROUP"].patterns
    assert head_to.verbs == ("head",)
    assert [p.verbs for p in lexicon.blocks["CONFER"].patterns] == [(), (), ("discuss",), ()]


# ---------------------------------------------------------------- the lexicon's word for a verb


@pytest.mark.parametrize(
    ("word", "lemma", "tag", "first"),
    [
        ("hopes", "hop", "VBZ", "hope"),  # the lemmatizer's "hop": the form's stem first
        ("met", "meet", "VBD", "meet"),
    ],
)
def test_verb_keys_try_the_stem_before_the_lemma_for_a_third_person_form(word, lemma, tag, first):
    doc = parse(f"{word} ROOT - VERB {tag} lemma={lemma}")
    assert verb_keys(doc[0])[0] == first


def test_verb_keys_cover_regular_endings():
    keys = verb_keys(parse("studied ROOT - VERB VBD lemma=studied")[0])
    assert {"studie", "studi"} <= set(keys)
    assert {"meet", "meete"} <= set(verb_keys(parse("meeting ROOT - VERB VBG")[0]))
    assert "country" in verb_keys(parse("countries ROOT - NOUN NNS")[0])


MULTIWORD = """\
--- WALK_OUT [140] ---
+WALK_OUT
WALK [---]
CARRY_+OUT [043]
"""


def test_a_multiword_verb_needs_its_particle_after_it_or_on_it():
    lexicon = parse_petrarch_verbs("<multiword>", text=MULTIWORD)
    walk_out, walk = lexicon.entries("walk")
    assert (walk_out.after, walk.after) == (("out",), ())
    doc = parse(
        """
        Gondor  nsubj  walked  PROPN
        walked  ROOT   -       VERB   VBD  lemma=walk
        out     prt    walked  ADP
        """
    )
    assert multiword_matches(walk_out, doc[1]) and multiword_matches(walk, doc[1])
    alone = parse("Gondor nsubj walked PROPN\nwalked ROOT - VERB VBD lemma=walk")
    assert not multiword_matches(walk_out, alone[1])


def test_a_multiword_verb_needs_its_words_before_it():
    lexicon = parse_petrarch_verbs("<multiword>", text=MULTIWORD)
    (out,) = lexicon.entries("out")
    assert out.before == ("carry",)
    doc = parse("carry ROOT - VERB\nout prt carry ADP")
    assert multiword_matches(out, doc[1])
    assert not multiword_matches(out, parse("out ROOT - ADP")[0])


def test_the_entry_of_a_verb_is_its_most_specific_one():
    lexicon = parse_petrarch_verbs("<multiword>", text=MULTIWORD)
    codes = VerbCodes(lexicon, {})
    doc = parse("Gondor nsubj walked PROPN\nwalked ROOT - VERB VBD lemma=walk\nout prt walked ADP")
    assert codes.entry(doc[1]).after == ("out",)
    alone = parse("Gondor nsubj walked PROPN\nwalked ROOT - VERB VBD lemma=walk")
    assert codes.entry(alone[1]).after == ()
    assert codes.knows(alone[1]) and not codes.knows(parse("ran ROOT - VERB VBD lemma=run")[0])


FORMS = """\
--- LEAVE [012] ---
LEAVE

--- DEPART [032:033] ---
LEFT
"""


def test_a_form_listed_apart_from_its_lemma_means_that_form():
    codes = VerbCodes(parse_petrarch_verbs("<forms>", text=FORMS), {})
    left = parse("left ROOT - VERB VBD lemma=leave")[0]
    assert codes.entry(left).block == "DEPART"
    assert codes.entry(parse("leaves ROOT - VERB VBZ lemma=leave")[0]).block == "LEAVE"


def test_a_clause_word_role_makes_a_verb_known():
    codes = VerbCodes(parse_petrarch_verbs("<forms>", text=FORMS), {"vow": "intent"})
    vowed = parse("vowed ROOT - VERB VBD lemma=vow")[0]
    assert codes.knows(vowed) and codes.word(vowed) == "vow" and codes.entry(vowed) is None


# ---------------------------------------------------------------- the code of a verb


CODES = """\
--- CONSULT [040] ---
CONSULT
PHONE [041:041]
SIGN [---]
- * (WITH) [046]
- * (ON) [020]
"""


@pytest.fixture(scope="module")
def consult():
    return VerbCodes(parse_petrarch_verbs("<codes>", text=CODES), {})


def code_of(codes: VerbCodes, doc, verb: int):
    entry = codes.entry(doc[verb])
    subject = next((t for t in doc[verb].children if t.dep_ == "nsubj"), None)
    return codes.code_of(doc[verb], entry, subject)


def test_a_matching_pattern_gives_the_code_with_the_pattern_as_rule(consult):
    doc = parse(
        """
        Japan      nsubj  consulted  PROPN
        consulted  ROOT   -          VERB   VBD  lemma=consult
        with       prep   consulted  ADP
        Russia     pobj   with       PROPN
        """
    )
    code, rule, confidence, pattern = code_of(consult, doc, 1)
    assert code == CodeSpec("046") and confidence == 0.9 and pattern is not None
    assert rule == "- * (WITH) [046] (<codes>:5)"


def test_without_a_pattern_the_verbs_own_code_then_the_blocks(consult):
    phoned = parse("Japan nsubj phoned PROPN\nphoned ROOT - VERB VBD lemma=phone")
    code, rule, confidence, pattern = code_of(consult, phoned, 1)
    assert (code, confidence, pattern) == (CodeSpec("041", "041"), 0.75, None)
    assert rule == "phone [041:041] (<codes>:3)"
    consulted = parse("Japan nsubj consulted PROPN\nconsulted ROOT - VERB VBD lemma=consult")
    code, rule, confidence, _ = code_of(consult, consulted, 1)
    assert (code, confidence) == (CodeSpec("040"), 0.7)
    assert rule == "--- CONSULT [040] --- (<codes>:2)"


def test_a_null_code_codes_nothing(consult):
    signed = parse("Japan nsubj signed PROPN\nsigned ROOT - VERB VBD lemma=sign")
    code, _rule, _confidence, _ = code_of(consult, signed, 1)
    assert code.is_null and spec_text(code) == "---"


def test_a_time_phrase_does_not_match_a_pattern(consult):
    # "- * (ON) [020]": "on Tuesday" is a time, not what the verb is about
    doc = parse(
        """
        Japan      nsubj  consulted  PROPN
        consulted  ROOT   -          VERB   VBD  lemma=consult
        on         prep   consulted  ADP
        Tuesday    pobj   on         PROPN  NNP  ent=DATE
        """
    )
    assert code_of(consult, doc, 1)[0] == CodeSpec("040")
    doc = parse(
        """
        Japan      nsubj  consulted  PROPN
        consulted  ROOT   -          VERB   VBD  lemma=consult
        on         prep   consulted  ADP
        trade      pobj   on         NOUN
        """
    )
    assert code_of(consult, doc, 1)[0] == CodeSpec("020")


def test_a_coordinated_verbs_words_are_not_the_first_verbs(consult):
    # "consulted Japan and sided with Russia": "with" is the second verb's
    doc = parse(
        """
        Gondor     nsubj  consulted  PROPN
        consulted  ROOT   -          VERB   VBD  lemma=consult
        Japan      dobj   consulted  PROPN
        and        cc     consulted  CCONJ
        sided      conj   consulted  VERB   VBD  lemma=side
        with       prep   sided      ADP
        Russia     pobj   with       PROPN
        """
    )
    assert code_of(consult, doc, 1)[0] == CodeSpec("040")


def test_spec_text_writes_codes_as_petrarch_does():
    assert spec_text(CodeSpec("042", "043")) == "042:043"
    assert spec_text(CodeSpec("190")) == "190"
    assert spec_text(CodeSpec(None, "140")) == ":140"


def test_the_shipped_extensions_code_verbs_cameo_lacks(knowledge):
    # "sacked his foreign secretary" (172), "sealed off streets" (191), "sat down with"
    # (040; "sat down on the floor" codes nothing), "turned down the petitions" (120)
    codes = VerbCodes(knowledge.verbs, {})
    sacked = parse(
        "Corbyn nsubj sacked PROPN\nsacked ROOT - VERB VBD lemma=sack\nBenn dobj sacked PROPN"
    )
    assert code_of(codes, sacked, 1)[0] == CodeSpec("172")
    sealed = parse(
        """
        police   nsubj  sealed  NOUN
        sealed   ROOT   -       VERB  VBD  lemma=seal
        off      prt    sealed  ADP
        streets  dobj   sealed  NOUN  NNS  lemma=street
        """
    )
    assert code_of(codes, sealed, 1)[0] == CodeSpec("191")
    sat = """
        Abe    nsubj  sat   PROPN
        sat    ROOT   -     VERB  VBD  lemma=sit
        down   prt    sat   ADP
        {prep} prep   sat   ADP
        Putin  pobj   {prep}  PROPN
    """
    assert code_of(codes, parse(sat.format(prep="with")), 1)[0] == CodeSpec("040", "040")
    assert code_of(codes, parse(sat.format(prep="on")), 1)[0].is_null
    turned = parse(
        """
        Congress   nsubj  turned  PROPN
        turned     ROOT   -       VERB  VBD  lemma=turn
        down       prt    turned  ADP
        petitions  dobj   turned  NOUN  NNS  lemma=petition
        """
    )
    assert code_of(codes, turned, 1)[0] == CodeSpec("120")


def test_taking_issue_with_someone_criticizes_them(knowledge):
    # "took issue with Trudeau's comments", "took exception to the remarks": 111, not the
    # seizure of TAKE's block; "took the town" is no criticism
    codes = VerbCodes(knowledge.verbs, {})
    took = """
        Kudlow    nsubj  took      PROPN
        took      ROOT   -         VERB  VBD  lemma=take
        {noun}    dobj   took      NOUN
        {prep}    prep   took      ADP
        comments  pobj   {prep}    NOUN  NNS  lemma=comment
    """
    issue = parse(took.format(noun="issue", prep="with"))
    assert code_of(codes, issue, 1)[0] == CodeSpec("111")
    exception = parse(took.format(noun="exception", prep="to"))
    assert code_of(codes, exception, 1)[0] == CodeSpec("111")
    town = parse("Rebels nsubj took PROPN\ntook ROOT - VERB VBD lemma=take\ntown dobj took NOUN")
    assert code_of(codes, town, 1)[0].forward != "111"


def test_taking_part_is_no_intent_to_cooperate(knowledge):
    # CAMEO codes a bare "took part" 030; what was taken part in is the act ("a discussion",
    # "the bombing"), while "took part in the summit" keeps its longer pattern (046)
    codes = VerbCodes(knowledge.verbs, {})
    took = """
        Kenya    nsubj  took  PROPN
        took     ROOT   -     VERB  VBD  lemma=take
        part     dobj   took  NOUN
        in       prep   took  ADP
        the      det    {noun}  DET
        {noun}   pobj   in    NOUN
    """
    assert code_of(codes, parse(took.format(noun="discussion")), 1)[0].is_null
    assert code_of(codes, parse(took.format(noun="summit")), 1)[0] == CodeSpec("046")


def test_echoing_an_actor_is_no_mockery(knowledge):
    # CAMEO's REPEAT block shares MOCK's "- * + [111]"; ECHO has its own code (010), and
    # its own pattern "- * + CALLS [051]" stays
    codes = VerbCodes(knowledge.verbs, {})
    echoed = parse(
        "Brennan nsubj echoed PROPN\nechoed ROOT - VERB VBD lemma=echo\nTrump dobj echoed PROPN"
    )
    assert code_of(codes, echoed, 1)[0] == CodeSpec("010")
    mocked = parse(
        "Brennan nsubj mocked PROPN\nmocked ROOT - VERB VBD lemma=mock\nTrump dobj mocked PROPN"
    )
    assert code_of(codes, mocked, 1)[0] == CodeSpec("111")


def test_laying_or_putting_the_blame_on_an_actor_is_an_accusation(knowledge):
    # CAMEO codes "pinned the blame" 112; "laid/put the blame on" is the same act, while
    # "laid a wreath" and "put forward" stay uncoded by these rows
    codes = VerbCodes(knowledge.verbs, {})
    blame = """
        China   nsubj  {verb}  PROPN
        {verb}  ROOT   -       VERB  VBD  lemma={lemma}
        the     det    {obj}   DET
        {obj}   dobj   {verb}  NOUN  NN
        on      prep   {verb}  ADP
        US      pobj   on      PROPN
    """
    for verb, lemma in (("laid", "lay"), ("put", "put")):
        doc = parse(blame.format(verb=verb, lemma=lemma, obj="blame"))
        assert code_of(codes, doc, 1)[0] == CodeSpec("112")
    wreath = parse(blame.format(verb="laid", lemma="lay", obj="wreath"))
    assert code_of(codes, wreath, 1)[0].is_null


# ---------------------------------------------------------------- connected words, the verb's left


CONNECTED = """\
&TIES
+MILITARY
+ECONOMIC

--- ABANDON [345] ---
ABANDON
- * NEW_&TIES_RELATIONS [903]
- RECENTLY_* [025]
- KNOWN_ * [076]
- &TIES EVER * [905]
- MOST_CERTAINLY_&TIES_EVER * [907]
- INDICATED WOULD * [1010]
- HEAVILY UNJUSTLY * [123]
"""


@pytest.fixture(scope="module")
def connected():
    return VerbCodes(parse_petrarch_verbs("<connected>", text=CONNECTED), {})


def test_underscored_words_are_one_slot_of_consecutive_words(connected):
    new, recently, known, *_ = connected.lexicon.blocks["ABANDON"].patterns
    assert new.post == ((("new", "military", "relations"), ("new", "economic", "relations")),)
    assert recently.pre == ((("recently", "*"),),)  # joined to the verb
    assert known.pre == ((("known",),),)  # "KNOWN_ *": a trailing "_" alone joins nothing


def test_a_connected_phrase_does_not_match_with_a_word_inside(connected):
    best = connected.matcher.best
    assert best("ABANDON", [], tokens("new economic relations")).code == CodeSpec("903")
    assert best("ABANDON", [], tokens("new global economic relations")) is None


def test_a_longer_connected_phrase_is_more_specific():
    patterns = parse_petrarch_verbs("<c>", text=CONNECTED).blocks["ABANDON"].patterns
    assert patterns[4].size == 4 > patterns[3].size == 2  # most certainly military ever


def test_a_word_joined_to_the_verb_must_stand_next_to_it(connected):
    next_to = parse(
        """
        Gollum    nsubj   allowed  PROPN
        recently  advmod  allowed  ADV
        allowed   ROOT    -        VERB  VBD  lemma=abandon
        """
    )
    assert code_of(connected, next_to, 2)[0] == CodeSpec("025")
    apart = parse(
        """
        Gollum    nsubj   allow  PROPN
        recently  advmod  allow  ADV
        did       aux     allow  AUX
        allow     ROOT    -      VERB  VB  lemma=abandon
        """
    )
    assert code_of(connected, apart, 3)[0] == CodeSpec("345")  # the block's code


def test_the_verbs_modifiers_before_it_are_read_with_their_phrases(connected):
    # "heavily and unjustly": "unjustly" hangs on "heavily", not on the verb
    doc = parse(
        """
        Gondor    nsubjpass  criticized  PROPN
        was       auxpass    criticized  AUX
        heavily   advmod     criticized  ADV
        and       cc         heavily     CCONJ
        unjustly  conj       heavily     ADV
        criticized ROOT      -           VERB  VBN  lemma=abandon
        """
    )
    subject = doc[0]
    assert connected.code_of(doc[5], connected.entry(doc[5]), subject)[0] == CodeSpec("123")


def test_a_complement_verb_reads_the_words_of_the_verb_governing_it(connected):
    # "- INDICATED WOULD *": the governing verb stands before the verb it governs
    doc = parse(
        """
        Ethiopia   nsubj  indicated  PROPN
        indicated  ROOT   -          VERB  VBD
        it         nsubj  act        PRON
        would      aux    act        AUX
        act        ccomp  indicated  VERB  VB  lemma=abandon
        """
    )
    assert code_of(connected, doc, 4)[0] == CodeSpec("1010")
    alone = parse("it nsubj act PRON\nwould aux act AUX\nact ROOT - VERB VB lemma=abandon")
    assert code_of(connected, alone, 2)[0] == CodeSpec("345")


def test_a_verbs_that_clause_is_read_by_its_patterns():
    codes = VerbCodes(
        parse_petrarch_verbs(
            "<allow>", text="--- ALLOW [080] ---\nALLOW\n- * REALLY_PLEASANT [024]\n"
        ),
        {},
    )
    doc = parse(
        """
        Gollum    nsubj   allowed  PROPN
        allowed   ROOT    -        VERB   VBD  lemma=allow
        that      mark    is       SCONJ
        Mordor    nsubj   is       PROPN
        is        ccomp   allowed  AUX
        a         det     place    DET
        really    advmod  pleasant ADV
        pleasant  amod    place    ADJ
        place     attr    is       NOUN
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("024")


def test_a_demand_verb_does_not_read_its_content_clause():
    # "demanded that North Korea attack China" is a demand: the attack is coded on its own
    lexicon = parse_petrarch_verbs("<d>", text="--- DEMAND [100] ---\nDEMAND\n- * ATTACK [138]\n")
    doc = parse(
        """
        Japan     nsubj  demanded  PROPN
        demanded  ROOT   -         VERB   VBD  lemma=demand
        that      mark   attack    SCONJ
        Korea     nsubj  attack    PROPN
        attack    ccomp  demanded  VERB   VB
        China     dobj   attack    PROPN
        """
    )
    assert code_of(VerbCodes(lexicon, {}), doc, 1)[0] == CodeSpec("138")  # no role: read
    assert code_of(VerbCodes(lexicon, {"demand": "demand"}), doc, 1)[0] == CodeSpec("100")


# ---------------------------------------------------------------- a pattern's noun is the object's

GIVE = """\
&TROOPS
+SOLDIER
+TROOPS
+ARMY

--- GIVE [070] ---
GIVE
REVOKE [---]
- * &TROOPS [150]
- * MILITARY [138]
- * MILITARY_AID [074]
- * PARENTS [020]
- * CRITICISM OF &TROOPS [111]
"""


@pytest.fixture(scope="module")
def give():
    return VerbCodes(
        parse_petrarch_verbs("<give>", text=GIVE), {}, partitive_nouns=frozenset({"hundred"})
    )


def test_a_pattern_noun_does_not_match_a_word_of_an_of_phrase(give):
    # "gave the parents of Army Sgt Bergdahl ...": the parents are no army
    doc = parse(
        """
        Gondor     nsubj     gave     PROPN
        gave       ROOT      -        VERB   VBD  lemma=give
        the        det       parents  DET
        parents    dobj      gave     NOUN   NNS  lemma=parent
        of         prep      parents  ADP
        Army       compound  Sgt      PROPN
        Sgt        pobj      of       PROPN
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("020")  # the head still matches its pattern


def test_a_pattern_noun_matches_a_partitive_nouns_of_object(give):
    # "gave hundreds of troops": the troops are given
    doc = parse(
        """
        Gondor     nsubj     gave      PROPN
        gave       ROOT      -         VERB   VBD  lemma=give
        hundreds   dobj      gave      NOUN   NNS  lemma=hundred
        of         prep      hundreds  ADP
        troops     pobj      of        NOUN   NNS
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("150")
    two = parse(
        """
        Gondor     nsubj     gave      PROPN
        gave       ROOT      -         VERB   VBD  lemma=give
        two        dobj      gave      NUM    CD
        of         prep      two       ADP
        soldiers   pobj      of        NOUN   NNS  lemma=soldier
        """
    )
    assert code_of(give, two, 1)[0] == CodeSpec("150")


def test_a_nouns_own_adjective_and_possessor_match_as_petrarch_reads_them(give):
    # PETRARCH's patterns name them: "- * DIPLOMATIC" for "renewed diplomatic ties",
    # "- * THEIR ^ ABOUT +" for "warned their populations about"
    doc = parse(
        """
        Gondor    nsubj  revoked  PROPN
        revoked   ROOT   -        VERB   VBD  lemma=revoke
        its       poss   support  PRON
        military  amod   support  ADJ
        support   dobj   revoked  NOUN
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("138")
    doc = parse(
        """
        Gondor    nsubj  gave     PROPN
        gave      ROOT   -        VERB   VBD  lemma=give
        the       det    army     DET
        army      poss   plans    NOUN
        's        case   army     PART
        plans     dobj   gave     NOUN   NNS  lemma=plan
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("150")


def test_an_of_phrase_is_seen_only_by_patterns_naming_its_noun(give):
    # "- * MILITARY_AID" does not name the parents: "- * PARENTS" codes the clause
    doc = parse(
        """
        Gondor    nsubj     gave     PROPN
        gave      ROOT      -        VERB   VBD  lemma=give
        the       det       parents  DET
        parents   dobj      gave     NOUN   NNS  lemma=parent
        of        prep      parents  ADP
        military  amod      aid      ADJ
        aid       pobj      of       NOUN
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("020")
    doc = parse(
        "Gondor nsubj gave PROPN\ngave ROOT - VERB VBD lemma=give\nsoldiers dobj gave NOUN NNS lemma=soldier"
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("150")
    doc = parse(
        """
        Gondor     nsubj  gave       PROPN
        gave       ROOT   -          VERB   VBD  lemma=give
        criticism  dobj   gave       NOUN
        of         prep   criticism  ADP
        the        det    army       DET
        army       pobj   of         NOUN
        """
    )
    assert code_of(give, doc, 1)[0] == CodeSpec("111")


def test_a_nouns_prepositional_phrase_is_not_the_verbs_object():
    # "reiterated its support for the government's plans" supports; it plans nothing
    codes = VerbCodes(
        parse_petrarch_verbs(
            "<say>", text="--- SAY [010] ---\nREITERATE\n- * PLANS [030]\n- * SUPPORT [051]\n"
        ),
        {},
    )
    doc = parse(
        """
        BAA         nsubj  reiterated  PROPN
        reiterated  ROOT   -           VERB   VBD  lemma=reiterate
        its         poss   support     PRON
        support     dobj   reiterated  NOUN
        for         prep   support     ADP
        plans       pobj   for         NOUN   NNS  lemma=plan
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("051")
    # the plans as the verb's own object do match
    doc = parse(
        """
        BAA         nsubj  reiterated  PROPN
        reiterated  ROOT   -           VERB   VBD  lemma=reiterate
        its         poss   plans       PRON
        plans       dobj   reiterated  NOUN   NNS  lemma=plan
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("030")


ACCUSE = """\
--- ACCUSE [112] ---
ACCUSE
CHARGE
- * OF ATTACK [1123]
- * WITH MURDER [1124]
- * ATTACK [190]
"""


def test_a_verbs_phrase_the_parser_hangs_on_its_object_is_seen_by_its_preposition():
    # "Germany accused the Russian government of cyber attacks": "of" belongs to the
    # verb; the parser hangs it on "government"
    codes = VerbCodes(parse_petrarch_verbs("<accuse>", text=ACCUSE), {})
    doc = parse(
        """
        Germany     nsubj  accused     PROPN
        accused     ROOT   -           VERB   VBD  lemma=accuse
        the         det    government  DET
        government  dobj   accused     NOUN
        of          prep   government  ADP
        attacks     pobj   of          NOUN   NNS  lemma=attack
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("1123")
    doc = parse(
        """
        Gondor   nsubj  charged  PROPN
        charged  ROOT   -        VERB   VBD  lemma=charge
        the      det    general  DET
        general  dobj   charged  NOUN
        with     prep   general  ADP
        murder   pobj   with     NOUN
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("1124")
    # a pattern naming the phrase's noun but not its preposition still does not see it
    doc = parse(
        """
        Gondor      nsubj  accused     PROPN
        accused     ROOT   -           VERB   VBD  lemma=accuse
        the         det    government  DET
        government  dobj   accused     NOUN
        for         prep   government  ADP
        attacks     pobj   for         NOUN   NNS  lemma=attack
        """
    )
    assert code_of(codes, doc, 1)[0] == CodeSpec("112")


STEP = """\
--- STEP [---] ---
STEP
+STEP_IN [042]
"""


def test_a_preposition_is_no_particle_of_a_verb_with_its_own():
    lexicon = parse_petrarch_verbs("<step>", text=STEP)
    step_in = next(e for e in lexicon.entries("step") if e.after == ("in",))
    # "stepped out in front of the crowd": "in" is not STEP_IN's
    doc = parse(
        """
        Gondor   nsubj  stepped  PROPN
        stepped  ROOT   -        VERB   VBD  lemma=step
        out      prt    stepped  ADP
        in       prep   stepped  ADP
        front    pobj   in       NOUN
        """
    )
    assert not multiword_matches(step_in, doc[1])
    # the parser may make the particle an adverb: "out" advmod ADP
    doc = parse(
        """
        Gondor   nsubj   stepped  PROPN
        stepped  ROOT    -        VERB   VBD  lemma=step
        out      advmod  stepped  ADP
        in       prep    stepped  ADP
        front    pobj    in       NOUN
        """
    )
    assert not multiword_matches(step_in, doc[1])
    # "In Syria, Gondor stepped into the war": the preposition before the verb is not its
    doc = parse(
        """
        In       prep   stepped  ADP
        Syria    pobj   In       PROPN
        Gondor   nsubj  stepped  PROPN
        stepped  ROOT   -        VERB   VBD  lemma=step
        into     prep   stepped  ADP
        war      pobj   into     NOUN
        """
    )
    assert not multiword_matches(step_in, doc[3])
    # "stepped back from the fight in the dispute": "back", an adverb right after the verb,
    # is its particle; "in" heads a phrase of its own
    doc = parse(
        """
        Gondor   nsubj   stepped  PROPN
        stepped  ROOT    -        VERB   VBD  lemma=step
        back     advmod  stepped  ADV
        from     prep    back     ADP
        fight    pobj    from     NOUN
        in       prep    stepped  ADP
        dispute  pobj    in       NOUN
        """
    )
    assert not multiword_matches(step_in, doc[1])
    # "stepped in to mediate": its own particle
    doc = parse(
        "Gondor nsubj stepped PROPN\nstepped ROOT - VERB VBD lemma=step\nin prt stepped ADP"
    )
    assert multiword_matches(step_in, doc[1])


def test_carets_before_a_marker_count_the_phrases_skipped_after_its_word():
    lexicon = parse_petrarch_verbs(
        "<carets>",
        text="--- CELEBRATE [---] ---\nCELEBRATE\n- * IFTAR AT ^ ^ + [044]\n"
        "- + HOSTING * TABASKI ^ $ [042]\n- * THEIR ^ ABOUT + [162]\n",
    )
    iftar, tabaski, about = lexicon.blocks["CELEBRATE"].patterns
    assert (iftar.target_after, iftar.target_skips) == ("at", 2)
    assert (tabaski.source_after, tabaski.source_skips) == ("tabaski", 1)
    assert (about.target_after, about.target_skips) == ("about", 0)
