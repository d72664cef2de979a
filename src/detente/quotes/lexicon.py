"""The word lists behind quote extraction, read once per process from ``data/quotes/``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from spacy.strings import hash_string

from detente.errors import DictionaryError

PACKAGE = "detente"
SPEECH_VERBS_FILE = "quotes/speech_verbs.tsv"
CUES_FILE = "quotes/cues.json"


@dataclass(frozen=True, eq=False)
class QuoteLexicon:
    """Speech verbs and quote-mark characters (see ``data/quotes/``)."""

    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]  # every word form of a speech verb, lower case
    open_marks: frozenset[str]
    close_marks: frozenset[str]
    ambiguous_marks: frozenset[str]
    prepositional_cues: tuple[tuple[str, ...], ...]  # e.g. ("according", "to")
    relative_pronouns: frozenset[str]
    object_speech_lemmas: frozenset[str]  # report a noun phrase: "announced a plan"
    topic_prepositions: frozenset[str]  # "accused X of …", "joked about …"
    question_marks: frozenset[str]  # "asked whether …"
    personal_pronouns: frozenset[str]  # subjects that name a speaker: he, she, they, …
    phrasal_speech: dict[str, frozenset[str]]  # lemma -> particles: go on, point out
    commitment_lemmas: frozenset[str]  # report an infinitive: "vowed to fight"
    naming_lemmas: frozenset[str]  # verbs that quote a word: 'called the plan “a disaster”'
    # subordinators of a clause that follows the reported words with the reporter's own
    # circumstances ('“excited where we stand” as he faces a test')
    trailing_clause_marks: frozenset[str]
    continuation_max_gap_sentences: int

    @cached_property
    def speech_lemma_hashes(self) -> frozenset[int]:
        """spaCy string hashes of speech lemmas (plain and phrasal), to scan token arrays."""
        return frozenset(
            hash_string(word) for word in self.speech_lemmas | set(self.phrasal_speech)
        )

    @cached_property
    def prepositional_first_hashes(self) -> frozenset[int]:
        return frozenset(hash_string(words[0]) for words in self.prepositional_cues)

    @cached_property
    def mark_pattern(self) -> re.Pattern[str]:
        """Any quote mark or line break: the only characters the mark scanner visits."""
        return re.compile("[\n" + re.escape("".join(sorted(self.marks))) + "]")

    @cached_property
    def marks(self) -> frozenset[str]:
        return self.open_marks | self.close_marks | self.ambiguous_marks


def _read_data(name: str) -> str:
    try:
        return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise DictionaryError(f"quote lexicon file {name!r} is missing from the package") from e


def parse_speech_verbs(content: str) -> tuple[frozenset[str], frozenset[str]]:
    """Parse ``speech_verbs.tsv``: ``lemma<TAB>forms`` per line, ``#`` comments."""
    lemmas: set[str] = set()
    forms: set[str] = set()
    for number, line in enumerate(content.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lemma, _, rest = line.partition("\t")
        if not lemma or " " in lemma:
            raise DictionaryError(f"{SPEECH_VERBS_FILE} line {number}: bad lemma {lemma!r}")
        lemmas.add(lemma.lower())
        forms.add(lemma.lower())
        forms.update(word.lower() for word in rest.split())
    return frozenset(lemmas), frozenset(forms)


@lru_cache(maxsize=1)
def load_quote_lexicon() -> QuoteLexicon:
    """The shipped quote lexicon (cached: built once per process)."""
    lemmas, forms = parse_speech_verbs(_read_data(SPEECH_VERBS_FILE))
    try:
        cues = json.loads(_read_data(CUES_FILE))
        return QuoteLexicon(
            speech_lemmas=lemmas,
            speech_forms=forms,
            open_marks=frozenset(cues["open_marks"]),
            close_marks=frozenset(cues["close_marks"]),
            ambiguous_marks=frozenset(cues["ambiguous_marks"]),
            prepositional_cues=tuple(tuple(words) for words in cues["prepositional_cues"]),
            relative_pronouns=frozenset(cues["relative_pronouns"]),
            naming_lemmas=frozenset(cues["naming_verbs"]),
            commitment_lemmas=frozenset(cues["commitment_verbs"]),
            phrasal_speech={
                verb: frozenset(particles)
                for verb, particles in cues["phrasal_speech_verbs"].items()
            },
            personal_pronouns=frozenset(cues["personal_pronouns"]),
            object_speech_lemmas=frozenset(cues["object_speech_verbs"]),
            topic_prepositions=frozenset(cues["topic_prepositions"]),
            question_marks=frozenset(cues["question_complementizers"]),
            trailing_clause_marks=frozenset(cues["trailing_clause_marks"]),
            continuation_max_gap_sentences=int(cues["continuation_max_gap_sentences"]),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
        raise DictionaryError(f"{CUES_FILE} is malformed: {e}") from e
