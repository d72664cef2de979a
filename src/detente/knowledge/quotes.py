"""The words and marks behind quote extraction (``data/quotes/cues.json`` and the shared
English words), as one typed lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.strings import hash_string

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import read_json
from detente.knowledge.words import FunctionWords, SpeechVerbs


@dataclass(frozen=True, eq=False)
class QuoteLexicon:
    """Speech verbs, cue words and quote-mark characters."""

    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]  # every word form of a speech verb, lower case
    open_marks: frozenset[str]
    close_marks: frozenset[str]
    ambiguous_marks: frozenset[str]
    single_open_marks: frozenset[str]  # ‘ : opens a single-mark quote (or is a typo)
    single_ambiguous_marks: frozenset[str]  # ’ and ': closes a single-mark quote, or an apostrophe
    elisions: frozenset[str]  # words after an apostrophe that stands for left-out letters ('em)
    # what a speech verb reports when it only points back: "said so", "said as much"
    anaphoric_objects: frozenset[str]
    passive_report_lemmas: frozenset[str]  # report their subject: "was reported by the Post"
    predicating_report_lemmas: frozenset[str]  # subject + predicate: "was declared the winner"
    raising_report_lemmas: frozenset[str]  # report subject + infinitive: "is said to be ill"
    sign_off_marks: frozenset[str]  # dashes before a name that signs a quote ('“…” ― Ana Ruiz')
    prepositional_cues: tuple[tuple[str, ...], ...]  # e.g. ("according", "to")
    relative_pronouns: frozenset[str]
    # the only speech verbs that report their noun object or gerund: "declared bankruptcy",
    # "proposed dropping the tax"
    object_speech_lemmas: frozenset[str]
    # speech verbs whose object is not what is said: "told reporters", "maintains a program"
    object_not_said_lemmas: frozenset[str]
    addressee_object_lemmas: frozenset[
        str
    ]  # the object decides: "urged Congress" / "urges retaliation"
    topic_prepositions: frozenset[str]  # "accused X of …", "joked about …"
    question_marks: frozenset[str]  # "asked whether …"
    question_lemmas: frozenset[str]  # "asked about …": the quoted words after answer it
    first_person: frozenset[str]  # I, me, us …: inside quoted words, the speaker
    personal_pronouns: frozenset[str]  # subjects that name a speaker: he, she, they, …
    phrasal_speech: dict[str, frozenset[str]]  # lemma -> particles: go on, point out
    # lemma -> prepositions whose object is what is said: comment on, call for
    prepositional_speech: dict[str, frozenset[str]]
    # nouns of time and duration, never what a preposition reports ("called for hours")
    time_nouns: frozenset[str]
    commitment_lemmas: frozenset[str]  # report an infinitive: "vowed to fight"
    naming_lemmas: frozenset[str]  # verbs that quote a word: 'called the plan “a disaster”'
    speech_noun_lemmas: frozenset[str]  # report their that-clause: "Trump's claim that …"
    # subordinators of a clause that follows the reported words with the reporter's own
    # circumstances ('“excited where we stand” as he faces a test')
    trailing_clause_marks: frozenset[str]
    concessive_marks: frozenset[str]  # "…, although …" after a middle tag
    continuation_max_gap_sentences: int
    # quoted words this short under a verb that neither speaks nor names are scare quotes
    scare_quote_max_words: int
    # a speech verb's infinitive under these is required or allowed, not said ('requires
    # candidates to disclose', 'is free to disclose')
    unasserting_governors: frozenset[str]
    # a gerund of speech under these with an expletive 'it' is the writer's remark ('It is
    # worth noting that', 'It goes without saying that')
    aside_words: frozenset[str]

    @cached_property
    def speech_lemma_hashes(self) -> frozenset[int]:
        """spaCy string hashes of speech lemmas (plain and phrasal verbs, and nouns), to
        scan token arrays."""
        words = (
            self.speech_lemmas
            | set(self.phrasal_speech)
            | set(self.prepositional_speech)
            | self.speech_noun_lemmas
        )
        return frozenset(hash_string(word) for word in words)

    @cached_property
    def prepositional_first_hashes(self) -> frozenset[int]:
        return frozenset(hash_string(words[0]) for words in self.prepositional_cues)

    @cached_property
    def mark_pattern(self) -> re.Pattern[str]:
        """Any double quote mark or line break: all the mark scanner visits (a two-character
        mark such as '' is tried before a one-character one)."""
        marks = sorted(self.marks, key=lambda mark: (-len(mark), mark))
        return re.compile("|".join(["\n", *map(re.escape, marks)]))

    @cached_property
    def single_mark_pattern(self) -> re.Pattern[str]:
        """Any single quote mark or line break: what the single-mark pairing visits."""
        marks = "".join(sorted(self.single_open_marks | self.single_ambiguous_marks))
        return re.compile("[\n" + re.escape(marks) + "]")

    @cached_property
    def marks(self) -> frozenset[str]:
        return self.open_marks | self.close_marks | self.ambiguous_marks


def load_quote_lexicon(
    function_words: FunctionWords, speech_verbs: SpeechVerbs, folder: Path | None = None
) -> QuoteLexicon:
    """``folder``: a copy of ``data/quotes/`` to read instead of the shipped one."""
    path = Path(folder) / "cues.json" if folder is not None else files.QUOTE_CUES.path()
    cues = read_json(path)
    words = function_words.of
    try:
        return QuoteLexicon(
            speech_lemmas=speech_verbs.lemmas,
            speech_forms=speech_verbs.forms,
            open_marks=_strings(cues["open_marks"]),
            close_marks=_strings(cues["close_marks"]),
            ambiguous_marks=_strings(cues["ambiguous_marks"]),
            single_open_marks=_strings(cues["single_open_marks"]),
            single_ambiguous_marks=_strings(cues["single_ambiguous_marks"]),
            elisions=_strings(cues["elisions"]),
            sign_off_marks=_strings(cues["sign_off_marks"]),
            anaphoric_objects=_strings(cues["anaphoric_objects"]),
            passive_report_lemmas=_strings(cues["passive_report_verbs"]),
            predicating_report_lemmas=_strings(cues["predicating_report_verbs"]),
            raising_report_lemmas=_strings(cues["raising_report_verbs"]),
            prepositional_cues=tuple(
                tuple(_strings(w, ordered=True)) for w in cues["prepositional_cues"]
            ),
            relative_pronouns=words("relative"),
            naming_lemmas=_strings(cues["naming_verbs"]),
            speech_noun_lemmas=_strings(cues["speech_nouns"]),
            commitment_lemmas=_strings(cues["commitment_verbs"]),
            phrasal_speech={
                verb: _strings(particles)
                for verb, particles in cues["phrasal_speech_verbs"].items()
            },
            prepositional_speech={
                verb: _strings(prepositions)
                for verb, prepositions in cues["prepositional_speech_verbs"].items()
            },
            time_nouns=_strings(cues["time_nouns"]),
            personal_pronouns=words("speaker-subject"),
            object_speech_lemmas=_strings(cues["object_speech_verbs"]),
            object_not_said_lemmas=_strings(cues["object_not_said_verbs"]),
            addressee_object_lemmas=_strings(cues["addressee_object_verbs"]),
            topic_prepositions=words("preposition-topic"),
            question_marks=words("subordinator-question"),
            question_lemmas=_strings(cues["question_verbs"]),
            first_person=words("first-person"),
            trailing_clause_marks=words("subordinator-trailing"),
            concessive_marks=words("subordinator-concessive"),
            continuation_max_gap_sentences=int(cues["continuation_max_gap_sentences"]),
            scare_quote_max_words=int(cues["scare_quote_max_words"]),
            unasserting_governors=_strings(cues["unasserting_governors"]),
            aside_words=_strings(cues["aside_words"]),
        )
    except KeyError as e:
        raise DictionaryError(str(path), None, f"missing key {e}") from e
    except (TypeError, ValueError, AttributeError) as e:
        raise DictionaryError(str(path), None, f"malformed value: {e}") from e


def _strings(value: object, *, ordered: bool = False):
    """A JSON list of strings (a string alone is not one)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a list of strings, found {value!r}")
    return tuple(value) if ordered else frozenset(value)
