"""What the events stage knows besides the verb lexicon: the CAMEO table and its root
policies, the clause words and code tables, event nouns and date words (``data/events/``
and the shared English words), each as one typed object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.errors import DictionaryError
from detente.events.lexicon import CodeSpec, parse_code
from detente.knowledge import files
from detente.knowledge.tables import read_rows, read_values, read_words
from detente.knowledge.words import FunctionWords, load_speech_verbs

ANY_OTHER = "*"  # act_prefix of a code table's default row


# ---------------------------------------------------------------- CAMEO codes and roots


# CAMEO quad classes of material acts (2 material cooperation, 4 material conflict); 1 and 3
# are verbal cooperation and verbal conflict
MATERIAL_QUADS = frozenset({2, 4})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # keeps leading zero, e.g. "042"
    root: str  # "04"
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def material(self) -> bool:
        """A material act (quad class 2 or 4), not a verbal one (1 or 3)."""
        return self.quad_class in MATERIAL_QUADS


@dataclass(frozen=True, slots=True)
class RootPolicy:
    """What the coder does with an act of one CAMEO root (``events/cameo_roots.tsv``)."""

    needs_target: str = "no"  # always | default | commitment | no
    place_target: bool = False
    domestic: str = "no"  # no | agents | people
    mutual: bool = False
    coded_alone: bool = False
    thing_object: str = "owner"  # owner | sense: an actor inside a thing object is the target
    unnamed_doer: str | None = None  # the sector of an agentless passive act's doer
    public: bool = True  # a population ("voters", "Americans") does this act politically
    # an office or electoral contest as the object: the verb competes for it, no event
    contest_object: bool = False


NO_POLICY = RootPolicy()  # codes outside the table (a user dictionary's "999")


@dataclass(frozen=True, slots=True)
class Cameo:
    """The CAMEO event codes (names, Goldstein, quad class, PLOVER) and root policies."""

    codes: dict[str, CameoCode]
    roots: dict[str, RootPolicy]
    # paired codes whose reverse is the forward act seen from the other side (visit/host)
    one_sided: frozenset[tuple[str, str]] = frozenset()

    def lookup(self, code: str) -> CameoCode | None:
        """The entry of ``code``, falling back to its parent (``0421`` -> ``042`` -> ``04``)."""
        for prefix in (code, code[:3], code[:2]):
            entry = self.codes.get(prefix)
            if entry is not None:
                return entry
        return None

    def quad_class(self, code: str | None) -> int | None:
        """The quad class of ``code`` (1 verbal cooperation ... 4 material conflict)."""
        entry = self.lookup(code) if code else None
        return None if entry is None else entry.quad_class

    def material(self, code: str | None) -> bool | None:
        """Is ``code`` a material act rather than a verbal one? None: no such code."""
        entry = self.lookup(code) if code else None
        return None if entry is None else entry.material

    def mirrors(self, forward: str | None, reverse: str | None) -> bool:
        """A paired code's reverse is an event of its own (not the same act from the other
        side, nor the same code: a mutual act is one symmetric event)."""
        if not reverse or reverse == forward:
            return False
        return (forward, reverse) not in self.one_sided

    def policy(self, code: str | None) -> RootPolicy:
        """The policy of a code's root (or of its longest prefix listed apart: "0831"
        resignations); every flag off for an unknown root or no code."""
        code = code or ""
        for size in range(min(len(code), 4), 2, -1):
            found = self.roots.get(code[:size])
            if found is not None:
                return found
        return self.roots.get(code[:2], NO_POLICY)


def load_cameo(folder: Path | None = None) -> Cameo:
    """``folder``: a copy of ``data/events/`` to read instead of the shipped one."""
    codes = {
        code: CameoCode(
            code=code,
            root=root,
            name=name,
            goldstein=float(goldstein) if goldstein else None,
            quad_class=int(quad_class),
            plover=plover or None,
            plover_mode=mode or None,
            plover_context=context or None,
        )
        for _n, (code, root, name, goldstein, quad_class, plover, mode, context) in read_rows(
            files.CAMEO, folder=folder
        )
    }
    roots: dict[str, RootPolicy] = {}
    for _n, values in read_rows(files.CAMEO_ROOTS, folder=folder):
        (
            root,
            needs_target,
            place_target,
            domestic,
            mutual,
            coded_alone,
            thing_object,
            unnamed,
            public,
            contest_object,
        ) = values
        roots[root] = RootPolicy(
            needs_target=needs_target,
            place_target=place_target == "1",
            domestic=domestic,
            mutual=mutual == "1",
            coded_alone=coded_alone == "1",
            thing_object=thing_object,
            unnamed_doer=None if unnamed == "-" else unnamed,
            public=public == "1",
            contest_object=contest_object == "1",
        )
    one_sided = frozenset(
        (forward, reverse)
        for _n, (forward, reverse) in read_rows(files.ONE_SIDED_PAIRS, folder=folder)
    )
    return Cameo(codes, roots, one_sided)


# ---------------------------------------------------------------- clause words


@dataclass(frozen=True, slots=True)
class NominalEntry:
    """One sense of an event noun. A sense with ``modifiers`` applies only when the noun
    has one of them as a modifier ("air strikes"), one with ``prepositions`` only when it
    has a phrase opened by one of them ("strikes on Raqqa"); the noun's other senses
    apply otherwise ("a strike by dock workers")."""

    lemma: str
    code: CodeSpec
    modality: str
    target_preps: tuple[str, ...]
    modifiers: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    # the sense applies only when a prepositional object of the noun is one of these
    # ("attacks on media websites": a cyber attack)
    objects: frozenset[str] = frozenset()
    # "his arrest", "the Floyd killing": without an "of" phrase of its own, the possessor
    # (or a modifying actor) is the one acted on ("Iran's detention of the sailors": the doer)
    patient_possessor: bool = False

    @property
    def conditional(self) -> bool:
        return bool(self.modifiers or self.prepositions or self.objects)


@dataclass(frozen=True, slots=True)
class JudgingWord:
    """A word that judges an actor (``events/evaluations.tsv``)."""

    polarity: str  # negative | accusation | positive
    kind: str  # quality | act | person: only a quality or an act judges its owner

    @property
    def judges_owner(self) -> bool:
        return self.kind != "person"


@dataclass(frozen=True, slots=True)
class ClauseWords:
    """The words that change how a clause is coded, the code tables that say how, the event
    nouns, and the function words the coder's rules test for."""

    roles: dict[str, str]  # lemma -> the verbal act it is (clause_words.tsv: intent, demand ...)
    governed: dict[str, str]  # lemma -> the factuality it gives the act it governs
    intent_codes: dict[str, str]  # act code prefix -> intent code
    demand_codes: dict[str, str]  # act code prefix -> demand code ("*": any other)
    refuse_codes: dict[str, str]  # act code prefix -> refusal code ("*": any other)
    nominals: dict[str, tuple[NominalEntry, ...]]  # lemma -> senses, conditional ones first
    unarmed_senses: dict[str, str]  # verb of violence -> its code when nobody can fight
    # lemma -> (root, argument): the sense of the root needs an actor or place there
    argument_senses: dict[str, tuple[str, str]]
    # lemma -> ((complement kind, code), ...): the verb's sense with that complement
    complement_senses: dict[str, tuple[tuple[str, str], ...]]
    armed_sectors: frozenset[str]  # actors of these sectors can fight
    instrument_synsets: frozenset[str]  # &WEAPON ...: a pattern's instruments, never targets
    force_synsets: frozenset[str]  # &MILITARY: a pattern's forces, not targets of their own side
    # taking into custody: a participle on an actor reports the act ("the detained activists")
    custody_codes: frozenset[str]
    silent_sectors: frozenset[str]  # speakers of these sectors make no statement (media)
    public_sectors: frozenset[str]  # the population: civilians, a people, refugees
    # a state's authorities: their announcement of an agentless act is their state's intent
    authority_sectors: frozenset[str]
    light_verbs: frozenset[str]  # "launched attacks": their doer does the noun's act
    economic_measures: dict[str, str]  # "imposed tariffs": noun -> the act (163), not coercion
    imposing_verbs: frozenset[str]  # "imposed", "slapped": verbs that impose an economic measure
    abstract_nouns: frozenset[str]  # "an attack on the cost": force at them is another sense
    information_nouns: frozenset[str]  # "released the report": published, not returned (084)
    partitive_nouns: frozenset[str]  # "hundreds of troops": their "of" object is the phrase's
    electoral_nouns: frozenset[str]  # "seeks the nomination": an office or electoral contest
    electoral_verbs: frozenset[str]  # campaign, vote: the contest itself unless for a cause
    promise_verbs: frozenset[
        str
    ]  # "promised to democratize": an intent even if the act isn't coded
    receiving_verbs: frozenset[str]  # "received support from X": their doer is acted on
    genitive_doers: frozenset[str]  # "a demonstration of 100 workers": "of" names the doer
    # "claimed responsibility for the attack", "was behind it": their clause's subject did it
    responsibility_words: frozenset[str]
    first_person: frozenset[str]  # inside quoted words: the speaker
    # he, him, they, us ...: pronouns for people and groups, not things ("it", "this")
    personal_pronouns: frozenset[str]
    possessives: frozenset[str]
    negators: frozenset[str]
    obligation_modals: frozenset[str]
    possible_modals: frozenset[str]
    conditional_modals: frozenset[str]
    possible_adverbs: frozenset[str]
    claimed_adverbs: frozenset[str]
    # "potential airstrikes", "the alleged attack", "the planned visit": an event noun's
    # adjective that gives its act a factuality (word -> possible | claimed | intended)
    factuality_adjectives: dict[str, str]
    focus_adverbs: frozenset[str]  # "not only": a negator before these denies nothing
    condition_marks: frozenset[str]
    question_marks: frozenset[str]
    anaphors: frozenset[str]
    relatives: frozenset[str]
    background_marks: frozenset[str]
    long_past_units: frozenset[str]  # "five years after ...": a clause of time that only dates
    target_prepositions: tuple[str, ...]  # most likely first
    place_prepositions: frozenset[str]
    modifier_prepositions: frozenset[str]
    circumstance_prepositions: frozenset[str]  # "over the deal": not the verb's argument
    # "pulled the United States out of the TPP": what the verb moves its object out of
    origin_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]  # "warned of the threat": what the act is about
    doer_prepositions: frozenset[str]  # "airstrikes by Russia"
    example_prepositions: frozenset[str]  # "nations including India": the examples act
    judged_prepositions: frozenset[str]  # "was irresponsible in accusing Beijing"
    stance_prepositions: frozenset[str]  # "is on the right path": judges the subject
    stance_nouns: frozenset[str]  # path, side, track
    reciprocals: frozenset[tuple[str, ...]]  # ("each", "other")
    evaluations: dict[tuple[str, str], JudgingWord]  # by (lemma, coarse POS)
    naming_verbs: frozenset[str]  # "called them liars"
    doing_verbs: frozenset[str]  # "did a great disservice", "committed fraud"
    blaming_verbs: frozenset[str]  # "was blamed on the Taliban": the one named did it
    specific_determiners: frozenset[str]  # "the attack": one act the text reports
    generic_determiners: frozenset[str]  # "any attempt": no specific act
    attempting_verbs: frozenset[str]  # "continued its efforts to": carries the attempt on
    blame_prepositions: frozenset[str]  # "blamed Israel for the bombing"
    means_prepositions: frozenset[str]  # "killed in an air strike": the verb's means
    dating_prepositions: frozenset[str]  # "since the 2003 invasion": the act only dates
    member_prepositions: frozenset[str]  # "among those arrested was X": X is one of them
    degree_adverbs: frozenset[str]  # "more effective": a comparison
    denying_prefixes: frozenset[str]  # "no-nonsense"
    feeling_words: frozenset[str]  # "disillusioned with X": the feeling judges X
    # english/speech_verbs.tsv: "mentioned that troops would leave" reports the clause
    speech_verbs: frozenset[str]

    def intent_code(self, code: str) -> str | None:
        return _longest_prefix(self.intent_codes, code)

    def demand_code(self, code: str) -> str:
        return _longest_prefix(self.demand_codes, code) or self.demand_codes[ANY_OTHER]

    def refuse_code(self, code: str) -> str:
        return _longest_prefix(self.refuse_codes, code) or self.refuse_codes[ANY_OTHER]


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


def _electoral(folder: Path | None, pos: str) -> frozenset[str]:
    """The words of ``electoral_words.tsv`` of one part of speech (NOUN, VERB)."""
    return frozenset(
        lemma
        for _n, (lemma, kind) in read_rows(files.ELECTORAL_WORDS, folder=folder)
        if kind == pos
    )


def _complement_senses(folder: Path | None) -> dict[str, tuple[tuple[str, str], ...]]:
    senses: dict[str, list[tuple[str, str]]] = {}
    for _n, (lemma, complement, code) in read_rows(files.COMPLEMENT_SENSES, folder=folder):
        senses.setdefault(lemma, []).append((complement, code))
    return {lemma: tuple(found) for lemma, found in senses.items()}


def _code_table(table, folder: Path | None, *, default: bool) -> dict[str, str]:
    codes = {prefix: code for _n, (prefix, code) in read_rows(table, folder=folder)}
    if default and ANY_OTHER not in codes:
        raise DictionaryError(str(table.path(folder)), None, "no default row (act_prefix *)")
    return codes


# In nominals.tsv's target prepositions: the possessor is the one acted on ("his arrest")
_POSSESSOR = "'s"


def load_clause_words(function_words: FunctionWords, folder: Path | None = None) -> ClauseWords:
    """``folder``: a copy of ``data/events/`` to read instead of the shipped one."""
    senses: dict[str, list[NominalEntry]] = {}
    path = str(files.NOMINALS.path(folder))
    for number, (lemma, codes, modality, preps, *rest) in read_rows(files.NOMINALS, folder=folder):
        code = parse_code(codes, path=path, line=number)
        kind, _, when = (rest[0] if rest else "").partition(":")
        condition = frozenset(w for w in when.split(",") if w)
        target_preps = [p for p in preps.split(",") if p]
        senses.setdefault(lemma, []).append(
            NominalEntry(
                lemma,
                code,
                modality,
                tuple(p for p in target_preps if p != _POSSESSOR),
                modifiers=condition if kind == "with" else frozenset(),
                prepositions=condition if kind == "prep" else frozenset(),
                objects=condition if kind == "object" else frozenset(),
                patient_possessor=_POSSESSOR in target_preps,
            )
        )
    nominals = {
        lemma: tuple(sorted(entries, key=lambda e: not e.conditional))
        for lemma, entries in senses.items()
    }
    words = function_words.of
    clause_rows = list(read_rows(files.CLAUSE_WORDS, folder=folder))
    return ClauseWords(
        roles={lemma: role for _n, (lemma, role, _f) in clause_rows},
        governed={lemma: factuality for _n, (lemma, _r, factuality) in clause_rows},
        intent_codes=_code_table(files.INTENT_CODES, folder, default=False),
        demand_codes=_code_table(files.DEMAND_CODES, folder, default=True),
        refuse_codes=_code_table(files.REFUSE_CODES, folder, default=True),
        nominals=nominals,
        unarmed_senses={
            lemma: code for _n, (lemma, code) in read_rows(files.UNARMED_SENSES, folder=folder)
        },
        argument_senses={
            lemma: (root, argument)
            for _n, (lemma, root, argument) in read_rows(files.ARGUMENT_SENSES, folder=folder)
        },
        complement_senses=_complement_senses(folder),
        armed_sectors=frozenset(read_words(files.ARMED_SECTORS, folder=folder)),
        instrument_synsets=frozenset(read_words(files.INSTRUMENT_SYNSETS, folder=folder)),
        force_synsets=frozenset(read_words(files.FORCE_SYNSETS, folder=folder)),
        custody_codes=frozenset(read_words(files.CUSTODY_CODES, folder=folder)),
        silent_sectors=frozenset(read_words(files.SILENT_SECTORS, folder=folder)),
        public_sectors=frozenset(read_words(files.PUBLIC_SECTORS, folder=folder)),
        authority_sectors=frozenset(read_words(files.AUTHORITY_SECTORS, folder=folder)),
        light_verbs=frozenset(read_words(files.LIGHT_VERBS, folder=folder)),
        economic_measures={
            lemma: code for _n, (lemma, code) in read_rows(files.ECONOMIC_MEASURES, folder=folder)
        },
        imposing_verbs=frozenset(read_words(files.IMPOSING_VERBS, folder=folder)),
        abstract_nouns=frozenset(read_words(files.ABSTRACT_NOUNS, folder=folder)),
        information_nouns=frozenset(read_words(files.INFORMATION_NOUNS, folder=folder)),
        partitive_nouns=frozenset(read_words(files.PARTITIVE_NOUNS, folder=folder)),
        electoral_nouns=_electoral(folder, "NOUN"),
        electoral_verbs=_electoral(folder, "VERB"),
        promise_verbs=frozenset(read_words(files.PROMISE_VERBS, folder=folder)),
        receiving_verbs=frozenset(read_words(files.RECEIVING_VERBS, folder=folder)),
        genitive_doers=frozenset(read_words(files.GENITIVE_DOERS, folder=folder)),
        responsibility_words=frozenset(read_words(files.RESPONSIBILITY_WORDS, folder=folder)),
        first_person=words("first-person"),
        personal_pronouns=(
            words("personal-subject")
            | words("personal-object")
            | words("group-pronoun")
            | words("first-person")
        ),
        possessives=words("possessive"),
        negators=words("negator"),
        obligation_modals=words("modal-obligation"),
        possible_modals=words("modal-possible"),
        conditional_modals=words("modal-conditional"),
        possible_adverbs=words("adverb-possible"),
        claimed_adverbs=words("adverb-claimed"),
        factuality_adjectives={
            word: value
            for value in ("possible", "claimed", "intended")
            for word in words(f"adjective-{value}")
        },
        focus_adverbs=words("adverb-focus"),
        condition_marks=words("subordinator-condition"),
        question_marks=words("subordinator-question"),
        anaphors=words("anaphor"),
        relatives=words("relative"),
        background_marks=words("subordinator-background"),
        long_past_units=words("unit-long-past"),
        target_prepositions=function_words.ranked("preposition-target"),
        place_prepositions=words("preposition-place"),
        modifier_prepositions=words("preposition-modifier"),
        circumstance_prepositions=words("preposition-circumstance"),
        origin_prepositions=words("preposition-origin"),
        topic_prepositions=words("preposition-topic"),
        doer_prepositions=words("preposition-doer"),
        example_prepositions=words("preposition-example"),
        judged_prepositions=words("preposition-judged"),
        stance_prepositions=words("preposition-stance"),
        stance_nouns=words("noun-stance"),
        reciprocals=frozenset(tuple(pair.split()) for pair in words("reciprocal")),
        evaluations={
            (lemma, pos): JudgingWord(polarity, kind)
            for _n, (lemma, pos, polarity, kind) in read_rows(files.EVALUATIONS, folder=folder)
        },
        naming_verbs=words("verb-naming"),
        doing_verbs=words("verb-doing"),
        blaming_verbs=words("verb-blaming"),
        specific_determiners=words("determiner-specific"),
        generic_determiners=words("determiner-generic"),
        attempting_verbs=words("verb-attempting"),
        blame_prepositions=words("preposition-blame"),
        means_prepositions=words("preposition-means"),
        dating_prepositions=words("preposition-dating"),
        member_prepositions=words("preposition-member"),
        degree_adverbs=words("adverb-degree"),
        denying_prefixes=words("prefix-denying"),
        feeling_words=words("adjective-feeling"),
        speech_verbs=load_speech_verbs(folder).lemmas,
    )


# ---------------------------------------------------------------- PLOVER-GSR names


@dataclass(frozen=True, slots=True)
class PloverGsr:
    """The PLOVER gold standard's older category names, and the CAMEO country codes its
    actors use (``events/plover_gsr*.tsv``): what the evaluation compares our events with."""

    categories: dict[str, str]  # CAMEO code prefix -> GSR category
    actor_iso3: dict[str, str]  # gold actor code -> ISO3

    def category(self, cameo: str) -> str | None:
        """The category of a CAMEO code (its longest listed prefix)."""
        return _longest_prefix(self.categories, cameo)


def load_plover_gsr(folder: Path | None = None) -> PloverGsr:
    return PloverGsr(
        categories=dict(read_values(files.PLOVER_GSR, folder=folder)),
        actor_iso3=dict(read_values(files.PLOVER_GSR_ACTORS, folder=folder)),
    )


# ---------------------------------------------------------------- date words


@dataclass(frozen=True, slots=True)
class DateWord:
    kind: str  # weekday | month | offset | year
    value: int


@dataclass(frozen=True, slots=True)
class DateWords:
    """Words that move an event's date from the article's (``events/relative_dates.tsv``)."""

    words: dict[tuple[str, ...], DateWord]  # lowercase words -> meaning
    first_words: frozenset[str]  # first words of the entries: most tokens start none
    proper_noun_only: frozenset[str]  # "may", "march": only when tagged as a proper noun
    future_auxiliaries: frozenset[str]  # will, would ...: the future tense


def load_date_words(function_words: FunctionWords, folder: Path | None = None) -> DateWords:
    words: dict[tuple[str, ...], DateWord] = {}
    proper: set[str] = set()
    for _n, (word, kind, value, proper_only) in read_rows(files.RELATIVE_DATES, folder=folder):
        key = tuple(word.lower().split())
        words[key] = DateWord(kind, int(value))
        if proper_only == "1":
            proper.add(word.lower())
    return DateWords(
        words=words,
        first_words=frozenset(key[0] for key in words),
        proper_noun_only=frozenset(proper),
        future_auxiliaries=function_words.of("auxiliary-future"),
    )
