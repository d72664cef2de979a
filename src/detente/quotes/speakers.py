"""Speaker spans found in the parse, and their canonical identity from the actor layer."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.nlp.syntax import PREDICATE_DEPS, SPEAKER_PHRASE_DEPS, SPEAKER_POS, is_copula
from detente.records import Mention


@dataclass(frozen=True, slots=True)
class Speaker:
    """The speaker's mention nearest the cue, and who it stands for when the sentence says
    ("Livingstone, who says …": the mention is "who", its referent "Livingstone")."""

    span: Span
    head: Token
    description: str | None
    referent: Span | None = None


def speaker_noun_phrase(head: Token) -> Span:
    """The noun phrase of a speaker: left modifiers + head (+ coordinated speakers)."""
    doc = head.doc
    start = head.i
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.lefts:
            if child.dep_ in SPEAKER_PHRASE_DEPS:
                start = min(start, child.left_edge.i if child.dep_ == "poss" else child.i)
                stack.append(child)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in SPEAKER_POS:
            end = max(end, child.i + 1)
        elif child.dep_ == "case":  # possessive 's
            end = max(end, child.i + 1)
    # A quote mark inside the phrase belongs to a quoted nickname or title, not to the
    # speaker ('"Mad Dog" Mattis'): keep the part around the head, between the marks. A
    # line break ends a dateline or a heading, not part of the name ("Moscow\n\nRussian
    # President Vladimir Putin").
    for token in doc[start : head.i]:
        if token.is_quote or "\n" in token.text_with_ws:
            start = token.i + 1
    for token in doc[head.i + 1 : end]:
        if token.is_quote:
            end = token.i
            break
    return doc[start:end]


def speaker_description(
    head: Token, relative_pronouns: frozenset[str], *, skip: Token | None = None
) -> str | None:
    """The appositive after a speaker, or the predicate of its relative clause (not the
    clause ``skip``, which holds the cue: "Livingstone, who says he is …")."""
    for child in head.rights:
        if child == skip:
            continue
        if child.dep_ == "appos":
            end = child.right_edge.i + 1
            # an appositive nested inside describes a word of the description, not
            # the speaker ("… head of the Mansfield Foundation, a Washington think tank")
            for token in child.subtree:
                if token.dep_ == "appos" and token.i > child.i:
                    end = min(end, token.left_edge.i)
            span = _clean_edges(child.doc[child.left_edge.i : end])
            return span.text if span is not None else None
        if child.dep_ == "relcl":
            return _relative_clause_predicate(child, relative_pronouns)
    return None


def _relative_clause_predicate(verb: Token, relative_pronouns: frozenset[str]) -> str | None:
    doc = verb.doc
    if is_copula(verb):
        for child in verb.rights:
            if child.dep_ in PREDICATE_DEPS:
                span = _clean_edges(doc[child.left_edge.i : verb.right_edge.i + 1])
                return span.text if span is not None else None
    start = verb.left_edge.i
    while start <= verb.i and doc[start].lower_ in relative_pronouns:
        start += 1
    span = _clean_edges(doc[start : verb.right_edge.i + 1])
    return span.text if span is not None else None


def _clean_edges(span: Span) -> Span | None:
    """Drop punctuation at both edges of a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None


class MentionIndex:
    """The actor layer's mentions of one document, searchable by character range."""

    def __init__(self, mentions: Sequence[Mention] | None) -> None:
        self.mentions = sorted(mentions or (), key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def best(self, start: int, end: int, head_start: int, head_end: int) -> Mention | None:
        """The mention overlapping [start, end), preferring one that covers the head word."""
        if not self.mentions:
            return None
        best: Mention | None = None
        best_key: tuple[int, int] = (-1, -1)
        low = bisect_right(self.starts, start - self.longest - 1)
        high = bisect_right(self.starts, end - 1)
        for mention in self.mentions[low:high]:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            covers_head = mention.start <= head_start and mention.end >= head_end
            key = (
                int(covers_head and mention.actor_id is not None) * 2 + int(covers_head),
                overlap,
            )
            if key > best_key:
                best, best_key = mention, key
        return best


def antecedent(token: Token, relative_pronouns: frozenset[str]) -> Token:
    """The noun a relative pronoun stands for ("Livingstone, who says …"), else ``token``."""
    clause = token.head
    if (
        token.lower_ in relative_pronouns
        and clause.dep_ == "relcl"
        and clause.head.pos_ in SPEAKER_POS
        and clause.head.i < token.i
    ):
        return clause.head
    return token


def past_dateline(head: Token) -> Token:
    """The speaker behind a dateline the parser took for the subject: "WASHINGTON --
    President Obama … said", "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov
    said" (an appositive after a dash, the dateline opening its line)."""
    start = head.left_edge.i
    if start > 0 and "\n" not in head.doc[start - 1].text_with_ws:
        return head
    dash = next(
        (
            c
            for c in head.rights
            if c.is_punct and c.text and set(c.text) <= set("-\u2013\u2014\u2015")
        ),
        None,
    )
    if dash is None:
        return head
    behind = [c for c in head.rights if c.dep_ == "appos" and c.i > dash.i]
    # or a second subject of the same verb ("MOSCOW - … Lavrov said")
    behind += [c for c in head.head.children if c.dep_ == head.dep_ and c.i > dash.i]
    return min(behind, key=lambda c: c.i) if behind else head


def locate_speaker(head: Token, relative_pronouns: frozenset[str]) -> Speaker:
    head = past_dateline(head)
    named = antecedent(head, relative_pronouns)
    if named is head:
        return Speaker(
            span=speaker_noun_phrase(head),
            head=head,
            description=speaker_description(head, relative_pronouns),
        )
    return Speaker(
        span=head.doc[head.i : head.i + 1],
        head=head,
        description=speaker_description(named, relative_pronouns, skip=head.head),
        referent=_with_of_phrase(speaker_noun_phrase(named), named),
    )


def _with_of_phrase(phrase: Span, head: Token) -> Span:
    """The antecedent's name goes on through an "of" phrase right after its head ('the
    Act of Settlement, which …', 'the Protestants of 1642, who …')."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            end = max(phrase.end, child.right_edge.i + 1)
            return head.doc[phrase.start : end]
    return phrase
