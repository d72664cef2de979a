"""First-person pronouns inside quoted words stand for whoever speaks them.

In '"We did discuss it," he said' the "we" is the speaker's side and the "I" of a quote is
the speaker. The passages come from the quote marks (:func:`detente.quotes.marks.
find_quoted_passages`, a scan of the marks alone); the speaker is the subject of a speech
verb outside the passage in the sentence that closes it, or else in the one that opens it
('Trump said: "They told me ..."'), as far as that subject is a resolved mention. "I",
"me", "my" take the speaker; "we", "us", "our" the speaker's side, a group of the
speaker's code. The rule is kept in ``resolved_by`` ("pronoun+quote").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from detente.actors.coding import Resolution
from detente.nlp.syntax import INVERTED_SPEAKER_DEPS, SPEAKER_POS, SUBJECT_DEPS
from detente.quotes.marks import QuotedPassage

QUOTE_RULE = "pronoun+quote"


def first_person_references(
    doc: Doc,
    passages: list[QuotedPassage],
    *,
    first_person: frozenset[str],
    speech_verbs: frozenset[str],
    sentence_of: list[int],
    sentence_starts: list[int],
    actor_at: Callable[[int], Resolution | None],
) -> list[tuple[int, Resolution]]:
    """(token, resolution) of every first-person pronoun inside a quoted passage whose
    speaker is a resolved mention; ``actor_at(token)``: the resolution of the mention that
    covers a token, if any."""
    found: list[tuple[int, Resolution]] = []
    for passage in passages:
        inside = doc.char_span(passage.start, passage.end, alignment_mode="expand")
        if inside is None:
            continue
        pronouns = [t for t in inside if t.lower_ in first_person]
        if not pronouns:
            continue
        speaker = _speaker(
            doc, inside.start, inside.end, speech_verbs, sentence_of, sentence_starts
        )
        resolution = actor_at(speaker.i) if speaker is not None else None
        if resolution is None or not (resolution.code or resolution.country or resolution.sector):
            continue
        for token in pronouns:
            found.append((token.i, _as_spoken_by(token, resolution)))
    return found


def _speaker(
    doc: Doc,
    start: int,
    end: int,
    speech_verbs: frozenset[str],
    sentence_of: list[int],
    sentence_starts: list[int],
) -> Token | None:
    """The subject of a speech verb outside tokens ``start:end``, in the sentence of the
    passage's end, else in the sentence of its start."""
    for number in dict.fromkeys((sentence_of[end - 1], sentence_of[start])):
        for token in doc[sentence_starts[number] : sentence_starts[number + 1]]:
            if start <= token.i < end or token.lemma_.lower() not in speech_verbs:
                continue
            for child in token.children:
                if start <= child.i < end:
                    continue
                if child.dep_ in SUBJECT_DEPS or (
                    # '"...," said the official': the parser may make him an object
                    child.i > token.i
                    and child.dep_ in INVERTED_SPEAKER_DEPS
                    and child.pos_ in SPEAKER_POS
                ):
                    return child
    return None


def _as_spoken_by(token: Token, speaker: Resolution) -> Resolution:
    """The speaker ("I", "me", "my"), or the speaker's side ("we", "us", "our")."""
    if "Plur" in token.morph.get("Number") and speaker.kind == "person":
        code = speaker.code
        return Resolution(
            "group",
            f"group:{code}" if code else None,
            speaker.name,
            code,
            speaker.country,
            speaker.sector,
            QUOTE_RULE,
            speaker.undated,
        )
    return speaker.via(QUOTE_RULE)
