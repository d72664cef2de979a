"""The catalogue of the shipped knowledge files: every file under ``src/detente/data/`` and
its layout, declared once. The loaders read these layouts through
:mod:`detente.knowledge.tables`; the data-contract test reads every file listed here and
checks that nothing under ``data/`` is missing from the list.

``.tsv`` files have a header line naming their columns; ``.txt`` files are word lists
(one entry a line, no header); ``.json`` files are read whole; ``*.verbs.txt`` and
``agents_extra.txt`` are dictionaries in PETRARCH's format.
"""

from __future__ import annotations

from detente.knowledge.tables import (
    ACTOR_CODE,
    CAMEO_EVENT,
    DATE,
    FLAG,
    INTEGER,
    ISO3,
    NUMBER,
    SECTOR,
    WORD,
    Column,
    JsonFile,
    PetrarchFile,
    Table,
    one_of,
    pattern,
)
from detente.records import MODALITIES


def _table(
    name: str,
    *columns: Column | str,
    header: bool = True,
    required: bool = True,
    generated: bool = False,
) -> Table:
    return Table(
        name,
        tuple(c if isinstance(c, Column) else Column(c) for c in columns),
        header=header,
        required=required,
        generated=generated,
    )


def _words(name: str, column: Column | str = "word", *, required: bool = True) -> Table:
    return _table(name, column, header=False, required=required)


def _optional(name: str, check=None) -> Column:
    return Column(name, check, optional=True)


ISO3_OR_DASH = pattern(r"[A-Z]{3}|-", "an ISO 3166 alpha-3 code or -")
CAMEO_ROOT = pattern(r"\d{2}", "a CAMEO root (2 digits)")
CAMEO_PREFIX_OR_ANY = pattern(r"\d{2,4}|\*", "a CAMEO event code prefix, or * for any other")
CODE_PAIR = pattern(r"\d{2,4}(:\d{2,4})?|:\d{2,4}", "forward[:reverse] CAMEO codes")
CODE_POINT = pattern(r"U\+[0-9A-F]{4,6}", "a code point as U+XXXX")
# An event's factuality (docs/gold/events-guideline.md §7; "negated" is the ``negated`` flag).
FACTUALITY = one_of(*MODALITIES)
GOVERNED_FACTUALITY = one_of(
    "asserted", "intended", "wanted", "demanded", "possible", "claimed", "negated"
)

# The kinds of the function-word table; a word may have several (one row each).
FUNCTION_WORD_KINDS = (
    "personal-subject",  # he, she: subject pronouns that point back to a named person
    "personal-object",  # him, her
    "personal-possessive",  # his, her
    "group-pronoun",  # they, them, their: a group, an organization or a state
    "thing-pronoun",  # it, its: an organization or a state
    "pair-quantifier",  # "the two countries", "both leaders": two actors named just before
    "speaker-subject",  # subjects that name a speaker of quoted words
    "first-person",  # we, our, I ...: inside quoted words, the speaker
    "possessive",  # their, his ...: "their demand" is the doer's
    "anaphor",  # subject pronouns of a reported clause that stand for the reporter
    "relative",  # who, which, that ...
    "determiner-definite",
    "determiner-indefinite",
    "negator",
    "modal-obligation",  # must, should: "Sudan must return ..." is a demand
    "auxiliary-future",  # will, would ...: "will give aid" is an intention
    "modal-possible",  # may, might, could: the act is possible
    "modal-conditional",  # would (outside reported speech): the act is conditional
    "adverb-possible",  # possibly, perhaps ...
    "adverb-claimed",  # allegedly, reportedly ...
    "adjective-possible",  # "potential airstrikes": the act an event noun names is possible
    "adjective-claimed",  # "the alleged attack": the act an event noun names is claimed
    "adjective-intended",  # "the planned visit": the act an event noun names is intended
    "adverb-focus",  # only, just: "not only ... but also" adds, it does not deny
    "subordinator-condition",  # if, unless: the main clause's act is conditional
    "subordinator-background",  # if, since ...: a clause that sets a condition, not the news
    "unit-long-past",  # year, decade: "five years after crowds burned ...": the act only dates
    "subordinator-trailing",  # as, before ...: the reporter's circumstances after a quote
    "subordinator-question",  # if, whether: "asked whether ..."
    "subordinator-concessive",  # although, though: "X, he said, was Y, although ..."
    "coordinator",  # words that join two names in one entity
    "preposition-locative",  # "in Washington": a place, not an actor
    "preposition-acting",  # "talks with Washington": a seat of government that acts
    "preposition-owner",  # "the president of Armenia"
    "preposition-employer",  # "a spokeswoman for the National Security Council"
    "preposition-name",  # "Bank of Japan": a state word inside a name after these
    "preposition-topic",  # "accused X of ...", "joked about ..."
    "preposition-target",  # objects of these are an event's targets, most likely first
    "preposition-place",  # "fired shells at Seoul": where an act lands
    "preposition-modifier",  # "soldiers from Gondor": whose the noun is
    "preposition-circumstance",  # "over the deal": reason, topic, time; not an argument
    "preposition-doer",  # "airstrikes by Russia": who does an event noun's act
    "preposition-judged",  # "was irresponsible in accusing": the act a predicate judges
    "preposition-movement",  # "a trip to Japan": after a word of going, a state is the land
    "preposition-example",  # "countries such as Lebanon": the names stand in for the noun
    "preposition-between",  # "the border between Turkey and Syria": a site's land
    "preposition-span",  # "towns between Beirut and Sidon": the land, unless a relation's parties
    "preposition-surface",  # "on Capitol Hill": a name ending in a street or hill word
    "preposition-opponent",  # "a draw with Everton": in a sports story, a club
    "preposition-origin",  # "they are from India", "flown out of Iraq": where one comes from
    "preposition-struck",  # "the air war on Yemen": after a word of war, a state is the land
    "list-separator",  # ",", "and", "or": between the names of a written list
    "sentence-opener",  # "Zimbabwe The opposition ...": opens the story after a run-in kicker
    "reciprocal",  # each other, one another (two words)
    "determiner-generic",  # any, no: "any attempt" names no specific act
    "verb-naming",  # "called them liars", "branded it tasteless": the object is what is named
    "verb-doing",  # "did a great disservice", "committed fraud": the subject does the judged thing
    "verb-blaming",  # "the attack was blamed on the Taliban": the one named did the act
    "verb-attempting",  # "continued its efforts to": the subject carries the attempt on
    "determiner-specific",  # "the attack", "this bombing": one act the text reports
    "preposition-blame",  # "blamed Israel for the bombing": the blamed one did the act
    "preposition-means",  # "killed in an air strike", "destroyed by a car bomb": the verb's means
    "preposition-dating",  # "since the 2003 invasion": the event noun only dates something
    "preposition-member",  # "among those arrested was X": X is one of those the phrase names
    "preposition-stance",  # "is on the right path": a copula's phrase that judges its subject
    "noun-stance",  # path, side, track: "on the wrong side of history"
    "adverb-degree",  # "more effective", "less dangerous": a comparison, not a judgement
    "prefix-denying",  # "no-nonsense", "non-violent": the word after it is denied
    "adjective-feeling",  # "disillusioned with X": the speaker's feeling judges X
    "honorific-male",  # Mr, Herr: "Mr Blair" is a man known by the surname alone
    "honorific-female",  # Mrs, Ms: "Mrs Blair" may be an office holder's wife
)

# -- words shared by every stage ----------------------------------------------------------------
FUNCTION_WORDS = _table(
    "english/function_words.tsv", Column("word"), Column("kind", one_of(*FUNCTION_WORD_KINDS))
)
SPEECH_VERBS = _table("english/speech_verbs.tsv", Column("lemma", WORD), _optional("forms"))
FURNITURE_SCOPES = ("start", "line", "opens", "closes")
NEWS_FURNITURE = _table(
    "english/news_furniture.tsv",
    Column("kind", one_of("dateline", "byline", "caption", "credit", "furniture")),
    Column("scope", one_of(*FURNITURE_SCOPES)),
    Column("pattern"),
)

# -- actors -------------------------------------------------------------------------------------
ROLE_NOUNS = _table(
    "actors/role_nouns.tsv", Column("word"), Column("sector", SECTOR), Column("person", FLAG)
)
AMBIGUOUS_NAMES = _table(
    "actors/ambiguous_names.tsv",
    Column("name"),
    Column("reading", one_of("place", "person")),
    Column("country", ISO3_OR_DASH),
    Column("cues"),
)
NEW_STATES = _table(
    "actors/new_states.tsv",
    Column("iso3", ISO3),
    Column("first_day", DATE),
    Column("state_before", ISO3),
)
GENERIC_ROLE_HEADS = _words("actors/generic_role_heads.txt")
LEADER_WORDS = _words("actors/leader_words.txt")
OPAQUE_ENTITY_LABELS = _words("actors/opaque_entity_labels.txt", "label")
DESCRIPTIONS = _table(
    "actors/descriptions.tsv", Column("word", WORD), Column("refers_to", one_of("state", "body"))
)
DESCRIPTION_TYPES = _table(
    "actors/description_types.tsv",
    Column("word", WORD),
    Column(
        "types",
        pattern(
            r"-|[A-Z]{3}( [A-Z]{3})*",
            "CAMEO type codes separated by spaces, or - (a prefix that undoes)",
        ),
    ),
)
OUTLETS = _table("actors/outlets.tsv", Column("domain", WORD), Column("iso3", ISO3))
DOMESTIC_SECTORS = _words("actors/domestic_sectors.txt", Column("sector", SECTOR))
REGION_WORDS = _table(
    "actors/region_words.tsv",
    Column("word", WORD),
    Column("region", pattern(r"[A-Z]{3}|-", "a CAMEO region code or -")),
)
PARTY_TAGS = _table("actors/party_tags.tsv", Column("pattern"), Column("code", ACTOR_CODE))
BLOC_NOUNS = _words("actors/bloc_nouns.txt", Column("lemma", WORD))
PAIR_NOUNS = _table(
    "actors/pair_nouns.tsv",
    Column("word", WORD),
    Column("antecedents", one_of("person", "state", "any")),
    Column("alone", one_of("0", "1")),
)
REGION_CODES = _table(
    "actors/region_codes.tsv",
    Column("place_id", pattern(r"place:[a-z0-9-]+", "a gazetteer place id")),
    Column("region", pattern(r"[A-Z]{3}", "a CAMEO region code")),
)

# -- events -------------------------------------------------------------------------------------
CAMEO = _table(
    "events/cameo.tsv",
    Column("code", CAMEO_EVENT),
    Column("root", CAMEO_ROOT),
    Column("name"),
    _optional("goldstein", NUMBER),
    Column("quad_class", one_of("1", "2", "3", "4")),
    _optional("plover"),
    _optional("plover_mode"),
    _optional("plover_context"),
)
CAMEO_ROOTS = _table(
    "events/cameo_roots.tsv",
    Column("root", pattern(r"\d{2,4}", "a CAMEO root, or a longer code for its own policy")),
    Column("needs_target", one_of("always", "default", "commitment", "no")),
    Column("place_target", FLAG),
    Column("domestic", one_of("no", "agents", "people")),
    Column("mutual", FLAG),
    Column("coded_alone", FLAG),
    Column("thing_object", one_of("owner", "sense")),
    Column("unnamed_doer", one_of("-", "UAF", "GOV", "JUD")),
    Column("public", FLAG),
    Column("contest_object", FLAG),
)
ONE_SIDED_PAIRS = _table(
    "events/one_sided_pairs.tsv", Column("forward", CAMEO_EVENT), Column("reverse", CAMEO_EVENT)
)
CLAUSE_ROLES = ("intent", "demand", "refuse", "accuse", "consider", "speech", "opinion", "none")
CLAUSE_WORDS = _table(
    "events/clause_words.tsv",
    Column("lemma", WORD),
    Column("role", one_of(*CLAUSE_ROLES)),
    Column("factuality", GOVERNED_FACTUALITY),
)
INTENT_CODES = _table(
    "events/intent_codes.tsv", Column("act_prefix", CAMEO_EVENT), Column("intent_code", CAMEO_EVENT)
)
DEMAND_CODES = _table(
    "events/demand_codes.tsv",
    Column("act_prefix", CAMEO_PREFIX_OR_ANY),
    Column("demand_code", CAMEO_EVENT),
)
REFUSE_CODES = _table(
    "events/refuse_codes.tsv",
    Column("act_prefix", CAMEO_PREFIX_OR_ANY),
    Column("refusal_code", CAMEO_EVENT),
)
NOMINALS = _table(
    "events/nominals.tsv",
    Column("lemma", WORD),
    Column("codes", CODE_PAIR),
    Column("modality", FACTUALITY),
    Column("target_prepositions"),
    _optional(
        "when",
        pattern(r"(with|prep|object):[a-z.,-]+", "with:WORDS, prep:WORDS or object:WORDS"),
    ),
)
UNARMED_SENSES = _table(
    "events/unarmed_senses.tsv", Column("lemma", WORD), Column("code", CAMEO_EVENT)
)
ARGUMENT_SENSES = _table(
    "events/argument_senses.tsv",
    Column("lemma", WORD),
    Column("root", CAMEO_ROOT),
    Column("argument", pattern(r"[a-z]+(,[a-z]+)*", "object and/or prepositions: a,b,...")),
)
COMPLEMENT_SENSES = _table(
    "events/complement_senses.tsv",
    Column("lemma", WORD),
    Column("complement", one_of("infinitive", "clause", "assertion", "predicate")),
    Column("code", CAMEO_EVENT),
)
LIGHT_VERBS = _words("events/light_verbs.txt", Column("lemma", WORD))
ECONOMIC_MEASURES = _table(
    "events/economic_measures.tsv", Column("lemma", WORD), Column("code", CAMEO_EVENT)
)
IMPOSING_VERBS = _words("events/imposing_verbs.txt", Column("lemma", WORD))
ABSTRACT_NOUNS = _words("events/abstract_nouns.txt", Column("lemma", WORD))
INFORMATION_NOUNS = _words("events/information_nouns.txt", Column("lemma", WORD))
PARTITIVE_NOUNS = _words("events/partitive_nouns.txt", Column("lemma", WORD))
ELECTORAL_WORDS = _table(
    "events/electoral_words.tsv", Column("lemma", WORD), Column("pos", one_of("NOUN", "VERB"))
)
PROMISE_VERBS = _words("events/promise_verbs.txt", Column("lemma", WORD))
RECEIVING_VERBS = _words("events/receiving_verbs.txt", Column("lemma", WORD))
GENITIVE_DOERS = _words("events/genitive_doers.txt", Column("lemma", WORD))
RESPONSIBILITY_WORDS = _words("events/responsibility_words.txt", Column("lemma", WORD))
EVALUATIONS = _table(
    "events/evaluations.tsv",
    Column("lemma", WORD),
    Column("pos", one_of("ADJ", "NOUN", "VERB", "ADV")),
    Column("polarity", one_of("negative", "accusation", "positive")),
    Column("kind", one_of("quality", "act", "person")),
)
ARMED_SECTORS = _words("events/armed_sectors.txt", Column("sector", SECTOR))
INSTRUMENT_SYNSETS = _words(
    "events/instrument_synsets.txt",
    Column("synset", pattern(r"&[A-Z_]+", "a synset name: &WEAPON")),
)
FORCE_SYNSETS = _words(
    "events/force_synsets.txt",
    Column("synset", pattern(r"&[A-Z_]+", "a synset name: &MILITARY")),
)
CUSTODY_CODES = _words("events/custody_codes.txt", Column("code", CAMEO_EVENT))
SILENT_SECTORS = _words("events/silent_sectors.txt", Column("sector", SECTOR))
PUBLIC_SECTORS = _words("events/public_sectors.txt", Column("sector", SECTOR))
AUTHORITY_SECTORS = _words("events/authority_sectors.txt", Column("sector", SECTOR))
RELATIVE_DATES = _table(
    "events/relative_dates.tsv",
    Column("word"),
    Column("kind", one_of("weekday", "month", "offset", "year")),
    Column("value", INTEGER),
    Column("proper_noun_only", FLAG),
)
PLOVER_ADDITIONS = _table(
    "events/plover_additions.tsv",
    Column("code", CAMEO_EVENT),
    Column("plover"),
    _optional("mode"),
    _optional("context"),
)
PLOVER_GSR = _table("events/plover_gsr.tsv", Column("prefix", CAMEO_EVENT), Column("category"))
PLOVER_GSR_ACTORS = _table(
    "events/plover_gsr_actors.tsv", Column("code", ACTOR_CODE), Column("iso3", ISO3)
)
VERBS = JsonFile("events/verbs.json")
# the event acceptor's weights (scripts/train_acceptor.py), read by detente.events.acceptor
ACCEPTOR = JsonFile("events/acceptor.json")
VERB_EXTENSIONS = PetrarchFile("events/extensions.verbs.txt", "verbs")

# -- ingest -------------------------------------------------------------------------------------
LANGUAGES = JsonFile("ingest/languages.json")
MISSING_VALUES = _words("ingest/missing_values.txt", "value")

# -- quotes -------------------------------------------------------------------------------------
QUOTE_CUES = JsonFile("quotes/cues.json")

# -- crosswalk (panels join other data sets by these codes) ----------------------------------
_CROSSWALK_CODES = (
    Column("iso3", ISO3),
    _optional("iso2", pattern(r"[A-Z]{2}", "an ISO 3166 alpha-2 code")),
    _optional("fips", pattern(r"[A-Z]{2}", "a FIPS 10-4 code")),
    _optional("cow_code", INTEGER),
    _optional("cow_alpha", pattern(r"[A-Z]{3}", "a Correlates of War abbreviation")),
    _optional("gw_code", INTEGER),
    _optional("gw_alpha", pattern(r"[A-Z]{3}", "a Gleditsch-Ward abbreviation")),
)
# built by scripts/build_crosswalk.py
COUNTRY_CODES = _table("crosswalk/country_codes.tsv", *_CROSSWALK_CODES, Column("name"))
# written by hand: today's codes where the build source has a historical state
CURRENT_CODES = _table("crosswalk/current_codes.tsv", *_CROSSWALK_CODES, _optional("note"))

# -- exports ------------------------------------------------------------------------------------
CAMEO_ACTOR_PARTS = _table(
    "exports/cameo_actor_parts.tsv",
    Column("part", SECTOR),
    Column("kind", one_of("type", "religion", "region", "ethnic")),
    Column("name"),
)
PLOVER_SCORES = _table(
    "exports/plover_scores.tsv", Column("category"), _optional("mode"), Column("score", NUMBER)
)
PLOVER_EVENT_SCHEMA = JsonFile("exports/plover_event.schema.json")

# -- web: built by scripts/build_web_assets.py -------------------------------------------------
WEB_COUNTRIES = _table(
    "web/countries.tsv",
    Column("iso3", ISO3),
    Column("numeric", pattern(r"\d{3}", "an ISO 3166 numeric code")),
    Column("name"),
    Column("lat", NUMBER),
    Column("lon", NUMBER),
    Column("from"),
)

# -- places (places/): the gazetteer, generated by scripts/build_gazetteer.py ------------------
PLACE_KIND = one_of("country", "admin1", "admin2", "city", "region", "sea", "disputed")
GAZETTEER = _table(
    "places/gazetteer.tsv",
    Column("place_id"),
    Column("kind", one_of("city", "admin1", "admin2")),
    Column("name"),
    _optional("names"),
    Column("country", ISO3),
    _optional("admin1"),
    _optional("lat", NUMBER),
    _optional("lon", NUMBER),
    _optional("population", INTEGER),
    _optional("alternates", INTEGER),
    _optional("keys"),
    generated=True,
)

# -- places (places/): written by hand ---------------------------------------------------------
REGIONS = _table(
    "places/regions.tsv",
    Column("place_id"),
    Column("kind", one_of("region", "sea")),
    Column("name"),
    _optional("names"),
    _optional("country", ISO3),
    _optional("lat", NUMBER),
    _optional("lon", NUMBER),
    required=False,
)
DISPUTED = _table(
    "places/disputed.tsv",
    Column("place_id"),
    Column("name"),
    _optional("names"),
    _optional("country", ISO3),
    _optional("claimants"),
    _optional("lat", NUMBER),
    _optional("lon", NUMBER),
    _optional("before", ISO3),
    _optional("changed", DATE),
    required=False,
)
PLACE_KINDS = _words("places/place_kinds.txt", Column("kind", PLACE_KIND))
PLACE_WORD_KINDS = (
    "movement",
    "locating",
    "event",
    "happening",
    "armed",
    "unarmed",
    "facility",
    "settlement",
    "institution",
    "site",
    "venue",
    "surface",
    "sport",
    "hosting",
    "representative",
    "compass",
    "document",
    "street",
    "party",
)
PLACE_WORDS = _table(
    "places/place_words.tsv", Column("word"), Column("kind", one_of(*PLACE_WORD_KINDS))
)
EVIDENCE_WEIGHTS = _table(
    "places/evidence_weights.tsv", Column("feature"), Column("weight", NUMBER), Column("note")
)
DIRECTIONAL_NAMES = _table(
    "places/directional_names.tsv", Column("name"), Column("country", ISO3), Column("cues")
)
OFFICE_SECTORS = _words("places/office_sectors.txt", Column("sector", SECTOR))
FRAME_PREPOSITIONS = _words("places/frame_prepositions.txt", Column("preposition", WORD))
ADMIN1_ABBREVIATIONS = _table(
    "places/admin1_abbreviations.tsv",
    Column("country", ISO3),
    Column("admin1"),
    Column("abbreviations"),
)
# read by scripts/build_gazetteer.py only (the counties it writes are in gazetteer.tsv)
UK_COUNTIES = _table(
    "places/uk_counties.tsv", Column("county"), _optional("parts"), _optional("aliases")
)

# -- knowledge base (kb/): generated by scripts/build_kb.py ------------------------------------
STATES = _table(
    "kb/states.tsv",
    Column("iso3", ISO3),
    Column("name"),
    _optional("names"),
    _optional("phoenix"),
    _optional("lat", NUMBER),
    _optional("lon", NUMBER),
    _optional("capital"),
    generated=True,
)
ACTORS = _table(
    "kb/actors.tsv",
    Column("actor_id"),
    Column("kind", one_of("person", "organization", "state", "group")),
    Column("name"),
    _optional("country", ISO3),
    Column("source"),
    Column("aliases"),
    _optional("keys"),
    generated=True,
)
ROLES = _table(
    "kb/roles.tsv",
    Column("actor_id"),
    Column("code", ACTOR_CODE),
    _optional("start", DATE),
    _optional("end", DATE),
    _optional("title"),
    generated=True,
)
AGENTS = _table(
    "kb/agents.tsv",
    Column("phrase"),
    Column("code", ACTOR_CODE),
    Column("prefix", FLAG),
    _optional("plurals"),
    generated=True,
)

# -- knowledge base (kb/): written by hand --------------------------------------------------------
_PEOPLE_COLUMNS = (
    Column("name"),
    Column("code", ACTOR_CODE),
    _optional("start", DATE),
    _optional("end", DATE),
    _optional("title"),
    _optional("aliases"),
)
LEADERS = _table("kb/leaders_2014_2026.tsv", *_PEOPLE_COLUMNS, required=False)
NOTABLE_PEOPLE = _table("kb/notable_people.tsv", *_PEOPLE_COLUMNS, required=False)
STATE_VARIANTS = _table(
    "kb/state_variants.tsv",
    Column("iso3", ISO3),
    _optional("names"),
    _optional("adjectives"),
    required=False,
)
SEATS = _table(
    "kb/seats.tsv",
    Column("name"),
    Column("iso3", ISO3_OR_DASH),
    _optional("sector", SECTOR),
    _optional("note"),
    required=False,
)
ORGS = _table(
    "kb/orgs.tsv",
    Column("name"),
    Column("code", ACTOR_CODE),
    _optional("country", ISO3),
    _optional("aliases"),
    required=False,
)
NON_STATE_CODES = _table(
    "kb/cameo_nonstate.tsv",
    Column("code", SECTOR),
    Column("no_country", FLAG),
    Column("organization", FLAG),
    Column("sector", FLAG),
)
CHAR_FOLDS = _table(
    "kb/char_folds.tsv", Column("char", CODE_POINT), Column("plain", CODE_POINT), Column("name")
)
ORG_WORDS = _words("kb/org_words.txt")
PERSON_HEADS = _words("kb/agent_person_heads.txt")
NAME_STOPLIST = _words("kb/name_stoplist.txt", required=False)
SURNAME_FIRST = _words("kb/surname_first.txt", Column("iso3", ISO3), required=False)
AGENTS_EXTRA = PetrarchFile("kb/agents_extra.txt", "agents")

# Every shipped knowledge file (READMEs aside), for the data-contract test.
SHIPPED = (
    FUNCTION_WORDS,
    SPEECH_VERBS,
    NEWS_FURNITURE,
    ROLE_NOUNS,
    AMBIGUOUS_NAMES,
    NEW_STATES,
    GENERIC_ROLE_HEADS,
    LEADER_WORDS,
    OPAQUE_ENTITY_LABELS,
    DESCRIPTIONS,
    DESCRIPTION_TYPES,
    OUTLETS,
    DOMESTIC_SECTORS,
    REGION_WORDS,
    BLOC_NOUNS,
    PAIR_NOUNS,
    PARTY_TAGS,
    REGION_CODES,
    CAMEO,
    CAMEO_ROOTS,
    ONE_SIDED_PAIRS,
    CLAUSE_WORDS,
    INTENT_CODES,
    DEMAND_CODES,
    REFUSE_CODES,
    NOMINALS,
    UNARMED_SENSES,
    ARGUMENT_SENSES,
    COMPLEMENT_SENSES,
    LIGHT_VERBS,
    ECONOMIC_MEASURES,
    IMPOSING_VERBS,
    ABSTRACT_NOUNS,
    INFORMATION_NOUNS,
    PARTITIVE_NOUNS,
    ELECTORAL_WORDS,
    PROMISE_VERBS,
    RECEIVING_VERBS,
    GENITIVE_DOERS,
    RESPONSIBILITY_WORDS,
    EVALUATIONS,
    ARMED_SECTORS,
    INSTRUMENT_SYNSETS,
    FORCE_SYNSETS,
    CUSTODY_CODES,
    SILENT_SECTORS,
    PUBLIC_SECTORS,
    AUTHORITY_SECTORS,
    RELATIVE_DATES,
    PLOVER_ADDITIONS,
    PLOVER_GSR,
    PLOVER_GSR_ACTORS,
    VERBS,
    ACCEPTOR,
    VERB_EXTENSIONS,
    LANGUAGES,
    MISSING_VALUES,
    QUOTE_CUES,
    COUNTRY_CODES,
    CURRENT_CODES,
    CAMEO_ACTOR_PARTS,
    PLOVER_SCORES,
    PLOVER_EVENT_SCHEMA,
    WEB_COUNTRIES,
    STATES,
    ACTORS,
    ROLES,
    AGENTS,
    GAZETTEER,
    LEADERS,
    NOTABLE_PEOPLE,
    STATE_VARIANTS,
    SEATS,
    REGIONS,
    DISPUTED,
    PLACE_KINDS,
    PLACE_WORDS,
    EVIDENCE_WEIGHTS,
    DIRECTIONAL_NAMES,
    OFFICE_SECTORS,
    FRAME_PREPOSITIONS,
    ADMIN1_ABBREVIATIONS,
    UK_COUNTIES,
    ORGS,
    NON_STATE_CODES,
    CHAR_FOLDS,
    ORG_WORDS,
    PERSON_HEADS,
    NAME_STOPLIST,
    SURNAME_FIRST,
    AGENTS_EXTRA,
)
