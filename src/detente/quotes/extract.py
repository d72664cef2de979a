"""Extract direct quotes and reported speech from a parsed ``Doc``.

Three passes, each linear in the document:

1. quoted passages by their marks (:mod:`detente.quotes.marks`);
2. reported speech: clausal complements of speech verbs outside the marks (also a
   tag after or inside the clause: "…, Jannuzi said."), infinitives of commitment
   verbs, noun-phrase objects of announcing verbs, ``according to X``; a reported
   clause holding a quoted fragment is ``mixed`` and takes that fragment over;
3. direct quotes: each remaining passage looks for its cue in the words right after
   its closing mark or right before its opening mark (``X said: “…”``). A passage
   split by its tag ("“A,” he said, “b.”") is one quote; so is a statement that goes
   on in later cue-less passages ("“A,” she said. “B.”"), as PolNeAR annotates it.
   A quoted sentence with no cue and no quote before it takes the subject of the
   sentence before it; a fragment is someone's words when a speech or naming verb
   (or any verb whose subject names someone) governs it, otherwise a scare quote or
   a title.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from detente.knowledge.quotes import QuoteLexicon
from detente.nlp.extensions import doc_id_of, doc_text, get_list
from detente.nlp.syntax import (
    INVERTED_SPEAKER_DEPS,
    SPEAKER_POS,
    SUBJECT_DEPS,
    VERBAL_POS,
    has_own_subject,
    inherited_subject,
    is_passive,
    is_to_infinitive,
    object_of_preposition,
    preposition_complement,
    sentence_numbers,
    subject_of,
)
from detente.quotes.marks import QuotedPassage, find_all_passages
from detente.quotes.speakers import MentionIndex, Speaker, locate_speaker
from detente.records import Problem, Quote

SENTENCE_END = frozenset({".", "?", "!"})
# words that say something of their own (not a conjunction or adverb leading a sentence in)
CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"})
# Dependents of a naming or speech verb that are not what it says of its object: clauses
# of their own after it ('…, saying …', 'when …').
FRAGMENT_STOP_DEPS = frozenset({"advcl", "parataxis", "ccomp", "xcomp", "dep"})
# marks that set a clause off from what follows, unlike the comma before a tail tag
SET_OFF_MARKS = frozenset({"-", "--", "\u2013", "\u2014", ":", ";"})
# Punctuation that ends quoted words when the speaker tag follows ("…,” he said).
TAG_FOLLOWS = frozenset({",", "?", "!", "—", "–", "-", "…"})
FRAME_LIMIT = 40  # tokens searched for a cue on each side of a passage
SHORT_TAG = 6  # tokens from a closing mark to the verb of a tag of its own ('“….” he said.')
MARKUP = ('="', '">')
# a speaker after its verb: an inverted one the parser made an object, or a second subject
SPEAKER_AFTER_VERB_DEPS = INVERTED_SPEAKER_DEPS | SUBJECT_DEPS


@dataclass(slots=True)
class _Draft:
    """A quote before it becomes a frozen record."""

    start: int
    end: int
    kind: str
    cue: Span | None
    speaker: Speaker | None
    rule: str
    cue_token: int | None = None  # index of the cue's head token (for merging)
    sentence_open: bool = False  # the quoted words stop mid-sentence ('“A,” he said, “b.”')
    parts: list[tuple[int, int]] | None = None  # content pieces, one per pair of marks

    def go_on(self, passage: QuotedPassage) -> None:
        """The statement goes on in a later passage ('“A,” he said, “b.”')."""
        if self.parts is None:
            self.parts = [(self.start, self.end)]  # the part before, as it ends now
        self.end = passage.end
        self.parts.extend(passage.pieces)


def _passage_draft(passage: QuotedPassage, cue: Span, speaker: Speaker, rule: str) -> _Draft:
    """A direct quote of one whole passage, cued by ``cue``."""
    return _Draft(
        passage.start,
        passage.end,
        "direct",
        cue,
        speaker,
        rule,
        cue.start,
        parts=list(passage.pieces),
    )


class _DocView:
    """Per-document lookups built once from token arrays (no per-token Python objects)."""

    def __init__(
        self, doc: Doc, text: str, passages: list[QuotedPassage], lexicon: QuoteLexicon
    ) -> None:
        self.doc = doc
        self.passages = passages
        self.text = text  # Doc.text rebuilds the string on every access
        self.double_marks = lexicon.marks
        n = len(doc)
        columns = doc.to_array([IDX, LEMMA, LOWER, IS_SPACE])
        self.token_starts = columns[:, 0].tolist()
        # candidate cue tokens: a speech lemma, or the first word of "according to"
        speech, first_words = lexicon.speech_lemma_hashes, lexicon.prepositional_first_hashes
        self.cue_candidates = [
            i
            for i, (lemma, lower) in enumerate(
                zip(columns[:, 1].tolist(), columns[:, 2].tolist(), strict=True)
            )
            if lemma in speech or lower in first_words
        ]
        self.passage_of = [-1] * n  # passage index of tokens inside marks
        self.bounds: list[tuple[int, int, int, int | None]] = []  # first, last, open, close
        self.mark_tokens: set[int] = set()  # the marks that delimit passages
        for index, passage in enumerate(passages):
            self.mark_tokens.update(self.token_at(offset) for offset in passage.marks)
            first = self.token_at(passage.start)
            last = self.token_at(passage.end - 1)
            open_token = self.token_at(passage.open_mark)
            close_token = (
                self.token_at(passage.close_mark) if passage.close_mark is not None else None
            )
            self.bounds.append((first, last, open_token, close_token))
            for piece_start, piece_end in passage.pieces:
                for i in range(self.token_at(piece_start), self.token_at(piece_end - 1) + 1):
                    if i != open_token and i != close_token:
                        self.passage_of[i] = index
        # paragraph of each token: a space token holding a line break ends one
        self.paragraph_start = [0] * n
        self.paragraph_end = [n] * n
        start = 0
        for i in numpy.flatnonzero(columns[:, 3]).tolist():
            if "\n" in doc[i].text:
                self.paragraph_start[start : i + 1] = [start] * (i + 1 - start)
                self.paragraph_end[start : i + 1] = [i] * (i + 1 - start)
                start = i + 1
        self.paragraph_start[start:n] = [start] * (n - start)
        self.sent_starts, self.sent_index = sentence_numbers(doc)
        self.mentions = MentionIndex(getattr(doc._, "mentions", None))

    def sentence(self, i: int) -> Span:
        """The parser's sentence holding token ``i`` (``Token.sent`` scans the whole doc)."""
        number = self.sent_index[i]
        return self.doc[self.sent_starts[number] : self.sent_starts[number + 1]]

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.token_starts, char) - 1)

    def inside(self, i: int) -> bool:
        return self.passage_of[i] >= 0

    def is_mark(self, i: int) -> bool:
        """A quotation mark: any double mark, a single mark only where it delimits a passage."""
        return i in self.mark_tokens or self.doc[i].text in self.double_marks


def extract_quotes(doc: Doc, lexicon: QuoteLexicon) -> list[Quote]:
    """All quotes of ``doc``, sorted by start; unbalanced marks become warnings."""
    text = doc_text(doc)
    passages, nested, mark_warnings = find_all_passages(
        text, lexicon, possessive=_possessive_reader(doc)
    )
    if mark_warnings:
        article = getattr(doc._, "article", None)
        problems = get_list(doc, "problems")
        for warning in mark_warnings:
            problems.append(
                Problem(
                    ref=article.ref if article is not None else "-",
                    reason="unbalanced-quotes",
                    detail=warning.detail,
                    severity="warning",
                    doc_id=doc_id_of(doc),
                )
            )
    if len(doc) == 0:
        return []
    view = _DocView(doc, text, passages, lexicon)
    claimed: set[int] = set()
    drafts = _reported_speech(view, lexicon, claimed)
    reported_cues = sorted(d.cue.start_char for d in drafts if d.cue is not None)
    reports = sorted(drafts, key=lambda d: d.end)
    drafts.extend(_direct_quotes(view, passages, lexicon, claimed, reported_cues, reports))
    drafts = _merge_fragments(_outermost(drafts))
    drafts.extend(_nested_quotes(view, nested, lexicon))
    mentions = view.mentions
    doc_id = doc_id_of(doc)
    # Two quoted fragments of one clause ('a “rant” full of “recriminations”') each lead
    # to the same mixed quote: keep one of each identical record.
    quotes = list(dict.fromkeys(_to_record(draft, text, doc_id, mentions) for draft in drafts))
    quotes.sort(key=lambda quote: (quote.start, quote.end))
    return quotes


def _possessive_reader(doc: Doc):
    """``possessive(offset)``: the parse reads the mark at ``offset`` as a possessive ending
    ("the Greens' policy"), so it does not close a single-mark quote."""
    starts: list[int] = []

    def possessive(offset: int) -> bool:
        if not starts:
            starts.extend(doc.to_array([IDX]).tolist())
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return False
        token = doc[i]
        return token.idx == offset and (token.tag_ == "POS" or token.dep_ == "case")

    return possessive


# --- reported speech -------------------------------------------------------------------


def _outermost(drafts: list[_Draft]) -> list[_Draft]:
    """Drop statements whose cue lies inside another statement's content.

    'He said the actions would not have helped when Obama announced the steps':
    the nested report is part of what he said, as "when Obama said it" is part of a
    direct quote (issue 3: a quote inside a quote is not a new quote). Quoted words
    whose tag sits inside a paraphrase stay, though: the paraphrase does not hold
    them ('Costs, she added, were “far below the estimate.”'). Two reports that hold each
    other's cue ('About 40 rabbis have said that they plan to protest, according to an
    organizer': the parser hangs the trailing phrase on the inner clause) keep the one that
    starts first, the outer one.
    """
    spans = sorted((d.start, d.end, d.kind == "indirect", n) for n, d in enumerate(drafts))
    starts = [start for start, _, _, _ in spans]
    kept = []
    for draft in drafts:
        if draft.cue is None:
            kept.append(draft)
            continue
        cue_char = draft.cue.start_char
        nested = False
        # spans starting at or before the cue; contents are few, so a short scan is cheap
        quoted = draft.kind != "indirect"
        for start, end, paraphrase, other in spans[: bisect_right(starts, cue_char)]:
            if quoted and paraphrase:
                continue
            if (
                start <= cue_char < end
                and (start, end) != (draft.start, draft.end)
                and _holds_cue(drafts[other], draft, cue_char)
                and not (draft.start < start and _holds_each_other(drafts[other], draft))
            ):
                nested = True
                break
        if not nested:
            kept.append(draft)
    return kept


def _holds_each_other(outer: _Draft, draft: _Draft) -> bool:
    """Two reports whose contents each hold the other's cue."""
    if outer.kind != "indirect" or draft.kind != "indirect" or outer.cue is None:
        return False
    return draft.start <= outer.cue.start_char < draft.end


def _holds_cue(outer: _Draft, draft: _Draft, cue_char: int) -> bool:
    """A direct quote going on over its tag holds only its pieces: a report in the tag
    between them ('“A,” she said, adding that … “B.”') is the speaker's next statement,
    unless the tag's own verb makes it (the parser's misreading of 'said after …')."""
    if outer.kind != "direct" or not outer.parts:
        return True
    return draft.cue_token == outer.cue_token or any(
        start <= cue_char < end for start, end in outer.parts
    )


def _merge_fragments(drafts: list[_Draft]) -> list[_Draft]:
    """One mixed quote per cue: two quoted fragments under one verb ('sort the
    “work-related” emails from her “personal messages.”') each give a clause that ends
    in a different place; the quote is the clause holding both."""
    kept: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    for draft in drafts:
        if draft.kind != "mixed" or draft.cue_token is None:
            kept.append(draft)
            continue
        same = by_cue.get(draft.cue_token)
        if same is not None and same.start < draft.end and draft.start < same.end:
            same.start, same.end = min(same.start, draft.start), max(same.end, draft.end)
            continue
        by_cue[draft.cue_token] = draft
        kept.append(draft)
    return kept


def _is_speech_verb(token: Token, lexicon: QuoteLexicon) -> bool:
    if token.pos_ not in VERBAL_POS:
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.speech_lemmas:
        return True
    particles = lexicon.phrasal_speech.get(lemma)  # "went on", "pointed out", "shot back"
    if particles is not None and any(
        child.dep_ == "prt" and child.lower_ in particles for child in token.children
    ):
        return True
    return _prepositional_content(token, lexicon) is not None


def _prepositional_content(verb: Token, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """Token range of what an active verb reports through its preposition ("has also
    commented on Crutcher's death", "called for more information", "called for drivers
    to refuse overtime"), if it has one of its own."""
    prepositions = lexicon.prepositional_speech.get(verb.lemma_.lower())
    if prepositions is None or is_passive(verb):  # 'was called a charlatan … for …'
        return None
    # 'called early elections for March': the verb's own object is no addressee, so the
    # verb is not speech (charge and ask, whose object is the addressee, keep it)
    if verb.lemma_.lower() not in lexicon.object_not_said_lemmas and any(
        child.dep_ == "dobj" for child in verb.children
    ):
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            complement = preposition_complement(child)
            if complement is None or _time_or_name(complement, lexicon):
                continue
            # 'called for female contestants to wear …': the parser may hang the
            # infinitive on the verb; it belongs to what was called for
            end = max(
                [complement.right_edge.i]
                + [
                    other.right_edge.i
                    for other in verb.rights
                    if other.i > complement.i and other.dep_ in ("xcomp", "ccomp")
                ]
            )
            return complement.left_edge.i, end + 1
        # '… for drivers to refuse overtime' parsed as a clause with "for" its mark
        if child.dep_ == "advcl" and any(
            grand.dep_ == "mark" and grand.lower_ in prepositions and grand.i < child.i
            for grand in child.lefts
        ):
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _time_or_name(head: Token, lexicon: QuoteLexicon) -> bool:
    """A preposition's object that says when or how long ('agreed on Tuesday', 'called for
    hours') or is one proper noun ('commented on Friday'), not what was said."""
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in lexicon.time_nouns:
        return True
    return head.pos_ == "PROPN" and head.left_edge.i == head.right_edge.i


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop complementisers, punctuation and spaces at the edges of a token range."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].dep_ == "mark"
        and start == doc[start].head.left_edge.i
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _last_word(doc: Doc, first: int, last: int) -> int:
    """``last`` moved back over trailing punctuation and spaces, never before ``first``."""
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last


def _clause_end(head: Token, verb: Token, view: _DocView, lexicon: QuoteLexicon) -> int:
    """End (exclusive token index) of the clause a speech verb reports.

    The clause stops before what is the reporter's, not the report:
    * a verb coordinated without a subject of its own, in the speech verb's form, when
      no "that" opens the clause ('says he respects Clinton and calls her …'; but 'said
      that any president would keep the country safe, make “changes” and unite it');
    * a further speech act of the reporter ('…, adding that …', '…, saying …',
      '“down the line” he warned: …');
    * a trailing circumstance after the quoted words ('“excited where we stand” as he
      faces a test', '“doesn’t treat me properly” before floating the idea').
    """
    doc = head.doc
    has_that = any(child.dep_ == "mark" and child.lower_ == "that" for child in head.lefts)
    for child in head.rights:
        before = range(head.left_edge.i, child.left_edge.i)
        last_quoted = max((i for i in before if view.inside(i)), default=-1)
        cut = False
        if child.pos_ == "VERB" and child.dep_ in ("conj", "advcl", "parataxis"):
            own_subject = has_own_subject(child)
            if _is_speech_verb(child, lexicon):
                cut = True
            elif (
                child.dep_ == "conj"
                and child.tag_ == _finite_tag(verb)
                and not own_subject
                and not has_that
            ):
                cut = True
        if (
            not cut
            and child.dep_ == "advcl"
            and last_quoted >= 0
            and not any(view.inside(i) for i in range(child.left_edge.i, child.right_edge.i + 1))
            and any(
                g.dep_ == "mark" and g.lower_ in lexicon.trailing_clause_marks for g in child.lefts
            )
        ):
            cut = True
        if not cut and child.dep_ == "advcl" and _reporter_acts_again(child, verb):
            cut = True  # 'claimed that …, although he again refused to release …'
        if cut:
            end = child.left_edge.i
            while end > head.i + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
                end -= 1
            # the closing mark of a fragment right before the cut stays with it
            return max(end, last_quoted + 1)
    return _other_speaker_cut(head, lexicon)


def _reporter_acts_again(clause: Token, verb: Token) -> bool:
    """The clause's subject is the reporter again, named by the same word."""
    own = subject_of(clause)
    reporter = inherited_subject(verb)
    return own is not None and reporter is not None and own.lower_ == reporter.lower_


def _other_speaker_cut(head: Token, lexicon: QuoteLexicon) -> int:
    """End of the clause before a speech act of someone else coordinated deeper in it
    ('said they were convinced the department erred and Democrats accused the GOP …'), or
    before the reporter's next act in a participle the parser hung deeper in it ('said he
    didn't believe those characterizations did Romney in, arguing that …')."""
    for token in head.subtree:
        if (
            token.i > head.i
            and _is_speech_verb(token, lexicon)
            and (
                token.dep_ == "conj"
                and has_own_subject(token)
                or token.dep_ == "advcl"
                and token.tag_ == "VBG"
                and not has_own_subject(token)
                and token.nbor(-1).text == ","
            )
        ):
            end = token.left_edge.i
            while end > head.i + 1 and (
                token.doc[end - 1].dep_ == "cc" or token.doc[end - 1].is_punct
            ):
                end -= 1
            return end
    return head.right_edge.i + 1


def _finite_tag(verb: Token) -> str:
    """The verb's tense tag, carried by "do" when there is one ('did say' → VBD)."""
    for child in verb.lefts:
        if child.dep_ == "aux" and child.lemma_ == "do":
            return child.tag_
    return verb.tag_


def _reported_content(
    verb: Token, paragraph: tuple[int, int], view: _DocView, lexicon: QuoteLexicon
) -> tuple[int, int, bool] | None:
    """Token range of what a speech verb reports, and whether it is a clause."""
    # the parser's sentences may run over a paragraph break; the verb's may not
    complements = [
        child
        for child in verb.children
        if child.dep_ == "ccomp" and paragraph[0] <= child.i < paragraph[1]
    ] or (_complement_as_adverbial(verb, paragraph) or _complement_in_adjunct(verb, paragraph))
    right = [child for child in complements if child.i > verb.i]
    verb_phrase = _reported_verb_phrase(verb, lexicon)
    if right and verb_phrase is not None and verb_phrase.i < right[0].i:
        # 'asked the candidates to discuss their ideas …, a request not always honored':
        # the infinitive comes first; a clause after it is the parser's misreading
        right = []
        complements = []
    if right:
        # the verb may sit inside its complement's subtree ("which he said … pay for")
        return (
            max(right[0].left_edge.i, verb.i + 1),
            _clause_end(right[-1], verb, view, lexicon),
            True,
        )
    if complements and not _set_off_by_a_dash(complements[-1]):
        # a tail "…, Jannuzi said": the clauses before the tag, up to its subject (not a
        # clause a dash or colon sets off: 'The debate is predictable - Trump has vowed to …')
        subject = _reporter(view, verb, lexicon)
        tag_start = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
        end = min(max(c.right_edge.i for c in complements) + 1, tag_start)
        return complements[0].left_edge.i, end, True
    passive = (
        _raised_report(verb, lexicon)
        or _predicated_report(verb, lexicon)
        or _passive_report(verb, lexicon)
    )
    if passive is not None:
        return passive
    if verb_phrase is not None:
        # 'promising to meet and in some cases exceed his goals': the parser hangs the
        # second infinitive on the speech verb; it is part of the promise
        end = max(
            [_verb_phrase_end(verb_phrase, lexicon) - 1]
            + [
                child.right_edge.i
                for child in verb.rights
                if child.dep_ == "conj"
                and child.i > verb_phrase.i
                and child.tag_ in ("VB", "VBP")
                and not has_own_subject(child)
            ]
        )
        # object control: the addressee is part of what is reported ('urged members to
        # reject the offer'), as both golds mark it; not 'me' or 'us', which inside the
        # quote would read as the speaker (events resolve first-person words so)
        objects = [
            child.left_edge.i
            for child in verb.rights
            if child.dep_ in ("dobj", "dative")
            and child.i < verb_phrase.i
            and child.lower_ not in lexicon.first_person
        ]
        return min([verb_phrase.left_edge.i, *objects]), end + 1, True
    # A tag the parser hung off the main clause: "The talks failed, Jannuzi said." or,
    # in the middle, "This campaign, he says, is different."
    if verb.dep_ == "parataxis" and paragraph[0] <= verb.head.i < paragraph[1]:
        head = verb.head
        if verb.i > head.right_edge.i or verb.right_edge.i >= head.right_edge.i:
            return head.left_edge.i, verb.left_edge.i, True
        return head.left_edge.i, _middle_tag_end(head, verb, lexicon), True
    lemma = verb.lemma_.lower()
    for child in verb.rights:
        # "said so", "said as much", "has said the same thing": words pointing back
        words = _anaphoric(child, lexicon) if child.dep_ in ("dobj", "advmod") else 0
        if words:
            return child.left_edge.i, child.left_edge.i + words, False
        # "asked if they planned to attend", "asked whether"
        if child.dep_ == "advcl" and any(
            grand.dep_ == "mark"
            and grand.lower_ in lexicon.question_marks
            and not (grand.i > 0 and grand.nbor(-1).lower_ == "as")  # 'went on, as if …'
            for grand in child.lefts
        ):
            return child.left_edge.i, child.right_edge.i + 1, True
        # "announced a series of steps", "declared bankruptcy", "has not mentioned
        # Machado": only some speech verbs report their noun object; others' object is
        # the addressee or target ("told reporters", "accused Trump") or not speech at
        # all ("wrote a letter", "reported a loss"); urge/ask/warn/advise: it decides
        if (
            child.dep_ == "dobj"
            and child.pos_ in ("NOUN", "PROPN")
            and (
                lemma in lexicon.object_speech_lemmas
                or (
                    lemma in lexicon.addressee_object_lemmas
                    and not _addressee(child, verb, view, lexicon)
                )
            )
        ):
            return child.left_edge.i, _object_report_end(verb, child), False
        # "accused Republicans of placing …", "joked about moving to New Zealand"
        if child.dep_ == "prep" and child.lower_ in lexicon.topic_prepositions:
            complement = preposition_complement(child)
            if complement is not None:
                return complement.left_edge.i, _topic_end(verb, child, complement), False
    found = _prepositional_content(verb, lexicon)
    if found is not None:
        return found[0], found[1], False
    return None


def _addressee(obj: Token, verb: Token, view: _DocView, lexicon: QuoteLexicon) -> bool:
    """The object of a verb that may take the addressee or what is said ("urged Congress
    to act" / "urges retaliation") is the addressee when it names someone (a name, an
    entity, an actor mention) or the verb has content of its own after it."""
    if _names_someone(obj, lexicon):
        return True
    if view.mentions.best(obj.idx, obj.idx + len(obj), obj.idx, obj.idx + len(obj)) is not None:
        return True
    return any(
        other.i > obj.i and other.dep_ in ("xcomp", "ccomp", "advcl", "prep", "dative", "dobj")
        for other in verb.rights
    )


def _middle_tag_end(head: Token, verb: Token, lexicon: QuoteLexicon) -> int:
    """End (exclusive) of a clause reported around a tag in its middle ('The latest test,
    North Korea said, was its biggest yet, although it may take days to …'): before a
    concession set off by a comma after the tag, the writer's hedge."""
    doc = head.doc
    for child in head.rights:
        if (
            child.i > verb.i
            and child.dep_ == "advcl"
            and child.left_edge.i > 0
            and doc[child.left_edge.i - 1].text == ","
            and any(g.dep_ == "mark" and g.lower_ in lexicon.concessive_marks for g in child.lefts)
        ):
            return child.left_edge.i - 1
    return head.right_edge.i + 1


def _topic_end(verb: Token, preposition: Token, topic: Token) -> int:
    """End (exclusive) of what a speech verb's topic preposition reports, with an
    adverbial clause right after it that the parser hung on the verb ('accusing her of
    being asleep when late-night calls came in')."""
    end = _noun_phrase_end(topic)
    for other in verb.rights:
        if other.dep_ == "advcl" and other.left_edge.i == end == preposition.right_edge.i + 1:
            end = other.right_edge.i + 1
    return end


def _object_report_end(verb: Token, obj: Token) -> int:
    """End (exclusive) of a reported noun object, with what the verb says of it in an "as"
    phrase right after it ('had mentioned China as a possible suspect')."""
    end = _noun_phrase_end(obj)
    for child in verb.rights:
        if child.i == end and child.dep_ == "prep" and child.lower_ == "as":
            end = _noun_phrase_end(child)
    return end


def _noun_phrase_end(head: Token) -> int:
    """End (exclusive) of a reported noun phrase: before a comment set off by a comma
    ('acknowledged the reality of climate change, which makes him an outlier'), the
    writer's and not the speaker's."""
    doc = head.doc
    commas = [
        token.left_edge.i - 1
        for token in head.subtree
        if token.dep_ == "relcl"
        and token.left_edge.i - 1 > head.i
        and doc[token.left_edge.i - 1].text == ","
    ]
    return min(commas, default=head.right_edge.i + 1)


def _set_off_by_a_dash(clause: Token) -> bool:
    """The clause ends on a dash, colon or semicolon, not on the comma of a tail tag."""
    after = clause.right_edge.i + 1
    return after < len(clause.doc) and clause.doc[after].text in SET_OFF_MARKS


def _complement_as_adverbial(verb: Token, paragraph: tuple[int, int]) -> list[Token]:
    """A reported clause the parser hung as an adverbial clause: one with a subject of its
    own and no subordinator, after a speech verb with no object ('Trump said after the
    convention he would not accept …', 'Lawmakers have not said when they would …')."""
    if any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return []
    return [
        child
        for child in verb.rights
        if child.dep_ == "advcl"
        and child.i < paragraph[1]
        and has_own_subject(child)
        and not any(grand.dep_ == "mark" for grand in child.lefts)
    ][:1]


def _adjunct_of_speech(noun: Token, lexicon: QuoteLexicon) -> bool:
    """'said in a statement that …': the clause is the verb's report, with its subject the
    speaker (:func:`_complement_in_adjunct`), not the noun's."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.i < head.i
        and _is_speech_verb(head.head, lexicon)
    )


def _complement_in_adjunct(verb: Token, paragraph: tuple[int, int]) -> list[Token]:
    """A reported clause the parser hung on the noun of an adjunct after the speech verb
    ('He said during his victory speech Tuesday that his revolution will …', 'said on
    Friday during a news conference that he may wait …'): a clause opened by the
    complementiser "that" with a subject of its own is no relative clause (a relative
    "that" is the clause's subject or object, not its marker). As for
    :func:`_complement_as_adverbial`, only after a verb with no object ('predicted victory
    in states that Republicans have not captured': a relative "that" the parser marked)."""
    if any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return []
    for child in verb.rights:
        if child.dep_ not in ("prep", "npadvmod") or child.i >= paragraph[1]:
            continue
        for token in child.subtree:
            if (
                token.dep_ in ("acl", "relcl")
                and token.i < paragraph[1]
                and has_own_subject(token)
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in token.lefts)
            ):
                return [token]
    return []


def _reported_verb_phrase(verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """The open complement a speech verb reports, if any: object control ("urged
    Congress to act", "asked him to resign"), commitments ("vowed to protect"), and the
    gerund of a verb that reports a noun phrase ("proposed dropping the tax", "admitted
    breaking the rules")."""
    lemma = verb.lemma_.lower()
    has_object = any(child.dep_ in ("dobj", "dative") for child in verb.children)
    any_complement = has_object or lemma in lexicon.commitment_lemmas
    gerund = lemma in lexicon.object_speech_lemmas
    if not (any_complement or gerund):
        return None
    for child in verb.rights:
        # a gerund, or a small clause the parser made of a misread one ('proposed
        # [dropping] carried interest': "dropping" the subject of "carried")
        if child.dep_ == "xcomp" and (
            any_complement or child.tag_ == "VBG" or has_own_subject(child)
        ):
            return child
    return None


def _verb_phrase_end(phrase: Token, lexicon: QuoteLexicon) -> int:
    """End (exclusive) of a reported verb phrase: before a speech verb coordinated with it
    but not in its form, the reporter's next speech act ('urges her husband to come out of
    the car and repeatedly says, “…”'), which the parser may hang on the phrase, and
    before a trailing circumstance ('warned the FBI to boost their election security
    after hackers targeted …')."""
    doc = phrase.doc
    for child in phrase.rights:
        if (
            child.dep_ == "conj"
            and child.tag_ != phrase.tag_
            and not has_own_subject(child)
            and _is_speech_verb(child, lexicon)
        ) or (
            child.dep_ == "advcl"
            and any(
                g.dep_ == "mark" and g.lower_ in lexicon.trailing_clause_marks for g in child.lefts
            )
        ):
            end = child.left_edge.i
            while end > phrase.i + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
                end -= 1
            return end
    return phrase.right_edge.i + 1


def _anaphoric(token: Token, lexicon: QuoteLexicon) -> int:
    """How many words of the phrase ``token`` heads only point back ("so", "as much",
    "the same thing"), the longest match; 0 when it does not start so."""
    start = token.left_edge.i
    words = [t.lower_ for t in token.doc[start : min(token.right_edge.i + 1, start + 3)]]
    return max(
        (n for n in range(1, len(words) + 1) if " ".join(words[:n]) in lexicon.anaphoric_objects),
        default=0,
    )


@dataclass(slots=True)
class _Report:
    """What a cue outside the marks reports, before its edges are trimmed: the token range
    of its content, whether that is a clause, the reporter's head token and the cue."""

    start: int
    end: int
    clausal: bool
    subject: Token | None
    cue: Span
    rule: str


def _reported_speech(view: _DocView, lexicon: QuoteLexicon, claimed: set[int]) -> list[_Draft]:
    """Reports cued outside the marks: speech verbs, speech nouns, ``according to``."""
    drafts: list[_Draft] = []
    for i in view.cue_candidates:
        if view.inside(i):
            continue
        # a reported clause never crosses a paragraph break (the parser's sentences may)
        paragraph = (view.paragraph_start[i], view.paragraph_end[i])
        report = _report_at(view, view.doc[i], paragraph, lexicon)
        if report is None:
            continue
        draft = _report_draft(view, report, paragraph, lexicon, claimed)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _report_at(
    view: _DocView, token: Token, paragraph: tuple[int, int], lexicon: QuoteLexicon
) -> _Report | None:
    """The report a candidate cue token makes, if it makes one."""
    doc = view.doc
    cue = doc[token.i : token.i + 1]
    if _is_speech_verb(token, lexicon):
        return _verb_report(view, token, paragraph, lexicon)
    if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.speech_noun_lemmas:
        clause = _noun_clause(token)
        if clause is None or _adjunct_of_speech(token, lexicon):
            return None
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        return _Report(start, end, True, _noun_speaker(token), cue, "reported:noun")
    if length := _prepositional_cue_length(doc, token.i, lexicon):
        found = _according_to(view, token, length)
        if found is None:
            return None
        (start, end), subject, cue = found
        return _Report(start, end, True, subject, cue, "reported:according-to")
    return None


def _verb_report(
    view: _DocView, verb: Token, paragraph: tuple[int, int], lexicon: QuoteLexicon
) -> _Report | None:
    """What a speech verb reports: its complement, or the paragraph its colon sets off."""
    found_content = _reported_content(verb, paragraph, view, lexicon)
    rule = "reported:ccomp"
    if found_content is None:
        # 'The governor added:' and his words set off as the next paragraph
        block = _paragraph_after_colon(view, verb) or paragraph
        found_content = (*block, True) if block[0] > verb.i else None
        rule = "reported:colon"
    if found_content is None:
        return None
    start, end, clausal = found_content
    reporter = _reporter(view, verb, lexicon)
    if _object_as_reporter(verb, reporter, start):
        return None
    cue = view.doc[verb.i : verb.i + 1]
    return _Report(start, end, clausal, reporter, cue, rule)


def _object_as_reporter(verb: Token, reporter: Token | None, start: int) -> bool:
    """The only reporter found is the verb's object while what it reports follows the verb:
    an object after the verb is a speaker only in an inverted tag after the words ('…,
    said the official'); before them it is what is done ('would need a majority to confirm
    Supreme Court justices', 'reporting different numbers to obfuscate …'), no report."""
    return (
        reporter is not None
        and reporter.head.i == verb.i
        and reporter.dep_ in INVERTED_SPEAKER_DEPS
        and reporter.i > verb.i
        and start > verb.i
    )


def _report_draft(
    view: _DocView,
    report: _Report,
    paragraph: tuple[int, int],
    lexicon: QuoteLexicon,
    claimed: set[int],
) -> _Draft | None:
    """The report trimmed to its paragraph and words, as a draft (None when what is left
    is too little to be a statement, unasserted, or a direct quote found by its marks)."""
    doc = view.doc
    cue = report.cue
    # the colon rule's content is the next paragraph, which is its own bound
    if report.rule == "reported:colon":
        paragraph = (report.start, report.end)
    start = max(report.start, paragraph[0])
    end = min(report.end, paragraph[1])
    if report.rule != "reported:according-to":
        end = _trailing_attribution(doc, start, end, lexicon)
    start, end = _trim(doc, start, end)
    if not _enough_content(doc, start, end, report.clausal, lexicon):
        return None
    if _unasserted(doc[cue.start], lexicon) or _writers_aside(
        doc[cue.start], report.subject, lexicon
    ):
        return None
    kind, start, end = _classify_reported(view, start, end, cue.start, claimed)
    if kind is None:
        return None
    return _Draft(
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1]),
        kind=kind,
        cue=cue,
        speaker=_report_speaker(view, report.subject, start, end, cue, lexicon),
        rule=report.rule if kind == "indirect" else report.rule.replace("reported", "mixed"),
        cue_token=cue.start,
    )


def _enough_content(doc: Doc, start: int, end: int, clausal: bool, lexicon: QuoteLexicon) -> bool:
    """A clause of at least three words with a verb; a phrase with a noun ("declared
    bankruptcy") or of two words, or one that points back ("said so")."""
    if clausal:
        return end - start >= 3 and any(t.pos_ in VERBAL_POS for t in doc[start:end])
    return (
        end - start >= 2
        or doc[start].pos_ in ("NOUN", "PROPN")
        or doc[start].lower_ in lexicon.anaphoric_objects
    )


def _report_speaker(
    view: _DocView,
    subject: Token | None,
    start: int,
    end: int,
    cue: Span,
    lexicon: QuoteLexicon,
) -> Speaker | None:
    """The reporter's speaker span: not a subject inside the marks, nor one inside the
    content — unless it is the tag's own ("This campaign, he says, is different")."""
    if (
        subject is None
        or view.inside(subject.i)
        or (start <= subject.i < end and subject.head.i != cue.start)
    ):
        return None
    return locate_speaker(subject, lexicon.relative_pronouns)


def _unasserted(verb: Token, lexicon: QuoteLexicon) -> bool:
    """A speech act only required or allowed, not made: the infinitive under a word of
    obligation or freedom ('federal law requires candidates to disclose their assets', 'is
    free to disclose his returns', 'queries seeking to confirm their address')."""
    return (
        verb.tag_ == "VB"
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
        and verb.head.lemma_.lower() in lexicon.unasserting_governors
    )


def _writers_aside(verb: Token, subject: Token | None, lexicon: QuoteLexicon) -> bool:
    """The writer's own remark, not a report: a gerund of speech under an aside word whose
    only subject is an expletive 'it' ('It is worth noting that …', 'It goes without saying
    that …')."""
    if verb.tag_ != "VBG" or subject is None or subject.lower_ != "it" or subject.head == verb:
        return False
    governor = verb.head
    return governor.lower_ in lexicon.aside_words or any(
        child.lower_ in lexicon.aside_words for child in governor.children if child != verb
    )


def _paragraph_after_colon(view: _DocView, verb: Token) -> tuple[int, int] | None:
    """The next paragraph, when the verb and a colon end their paragraph ('The governor
    added:'): the words it introduces, set off as a block (marks make it direct)."""
    doc = view.doc
    colon = verb.i + 1
    end = view.paragraph_end[verb.i]
    if colon >= len(doc) or doc[colon].text != ":" or end > colon + 1 or end >= len(doc) - 1:
        return None
    start = end + 1
    return start, view.paragraph_end[start]


def _classify_reported(
    view: _DocView, start: int, end: int, cue_index: int, claimed: set[int]
) -> tuple[str | None, int, int]:
    """indirect, mixed (holding a quoted fragment) or None (it is a direct quote)."""
    quoted = sum(1 for i in range(start, end) if view.inside(i))
    if quoted == 0:
        return "indirect", start, end
    if (
        start <= cue_index < end
        and not _words_before_tag(view, start, cue_index)
        or quoted >= 0.8 * (end - start)
        and not any(view.doc[i].is_alpha for i in range(start, end) if not view.inside(i))
    ):
        # the cue is a tag between quoted passages, or the clause is the quoted words
        # alone: a direct quote, found by its marks
        return None, start, end
    for index in {view.passage_of[i] for i in range(start, end) if view.inside(i)}:
        first, last, open_token, close_token = view.bounds[index]
        claimed.add(index)
        end = max(end, last + 1)  # a fragment running past the clause ends with it
    return "mixed", start, end


def _words_before_tag(view: _DocView, start: int, cue_index: int) -> bool:
    """Unquoted words of the report before the tag inside it ('African-Americans, he said,
    can “rock like Jimi”' is one mixed quote); not so when quoted words come first ('“A,”
    he said, “b.”') or only the tag's own words do ('To which she said, “…”')."""
    tag_start = view.doc[cue_index].left_edge.i
    if any(view.inside(i) or view.is_mark(i) for i in range(start, cue_index)):
        return False
    # a content word, not just a conjunction or an adverb leading in ('But, the mayor added, …')
    return any(view.doc[i].pos_ in CONTENT_POS for i in range(start, min(tag_start, cue_index)))


def _noun_clause(noun: Token) -> Token | None:
    """The that-clause a speech noun governs ('the claim that there were thousands'),
    not a relative clause ('the claim that he made')."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(
            grand.dep_ == "mark" and grand.lower_ == "that" for grand in child.lefts
        ):
            return child
    return None


def _noun_speaker(noun: Token) -> Token | None:
    """Whose claim, warning or report: the possessor ('Trump’s claim'), the one it comes
    from ('warnings from his attorney'), or a name before it ('a New York Times report')."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            found = object_of_preposition(child)
            if found is not None and found.pos_ in SPEAKER_POS:
                return found
    names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def _prepositional_cue_length(doc: Doc, i: int, lexicon: QuoteLexicon) -> int:
    """How many words of a prepositional cue ('according to') start at ``i`` (the longest
    that matches; 0: none). Its last word is the preposition whose object is the source."""
    found = 0
    for words in lexicon.prepositional_cues:
        if i + len(words) <= len(doc) and all(
            doc[i + k].lower_ == word for k, word in enumerate(words)
        ):
            found = max(found, len(words))
    return found


def _cue_phrase_end(doc: Doc, i: int, length: int) -> int:
    """End (exclusive) of the phrase a prepositional cue of ``length`` words at ``i`` opens:
    past the right edge of any of its words (the parser may hang each on something else)."""
    return max(doc[k].right_edge.i for k in range(i, i + length)) + 1


def _according_to(
    view: _DocView, token: Token, length: int
) -> tuple[tuple[int, int], Token | None, Span] | None:
    """``according to X``: X the speaker, the content what the phrase attributes: the
    relative clause set off by commas right before it ('the gap in delegates, which stood
    at 263, according to the AP'), else the side its neighbours tell (the clause a clause
    opener before it opens, the words before a coordinator or a dash after it), else the
    longer side of its sentence. ``length``: the cue's words."""
    doc = view.doc
    cue = doc[token.i : token.i + length]
    source = object_of_preposition(cue[-1])
    phrase_start = token.i
    phrase_end = _cue_phrase_end(doc, token.i, length)
    sent = view.sentence(token.i)
    clause = _attributed_clause(doc, sent, phrase_start)
    if clause is not None:
        return (clause.left_edge.i, phrase_start), source, cue
    content = _attributed_side(doc, sent, phrase_start, phrase_end)
    if content is None:
        before = phrase_start - sent.start >= sent.end - phrase_end
        content = (sent.start, phrase_start) if before else (phrase_end, sent.end)
    return content, source, cue


def _attributed_side(
    doc: Doc, sent: Span, phrase_start: int, phrase_end: int
) -> tuple[int, int] | None:
    """What a mid-sentence ``according to`` phrase attributes, when the words around it
    tell: after a clause opener ('because, according to Trump, the media would …'), the
    clause the opener opens, up to that clause's right edge ('Because, according to the
    minister, the army had left, the town fell': not the main clause after it; the rest of
    the sentence when the parser hung the opener on no clause after the phrase); before a
    coordinator or a dash ('leads in Indiana, according to the poll, and has a lead in
    Ohio', '…, according to the average - despite …'), the sentence before the phrase.
    None: the words do not tell (the caller takes the longer side)."""
    before = phrase_start - 1
    while before > sent.start and doc[before].is_punct:
        before -= 1
    after = phrase_end
    while after < sent.end - 1 and doc[after].text == ",":
        after += 1
    if before >= sent.start and (doc[before].dep_ == "mark" or doc[before].pos_ == "SCONJ"):
        clause = doc[before].head
        if clause.i >= phrase_end and clause.right_edge.i < sent.end:
            return phrase_end, clause.right_edge.i + 1
        return phrase_end, sent.end
    if after < sent.end and phrase_start - sent.start >= 3:
        if doc[after].dep_ == "cc" or doc[after].text in SET_OFF_MARKS:
            return sent.start, phrase_start
    return None


def _attributed_clause(doc: Doc, sent: Span, phrase_start: int) -> Token | None:
    """The relative clause opened by a relative pronoun ('which', 'who') and set off by
    commas right before an ``according to`` phrase (None: the phrase attributes its
    sentence; ', when 42% voted, according to …' is the writer's time, not the clause)."""
    comma = phrase_start - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    found = None
    for t in doc[sent.start : comma]:
        if (
            t.dep_ == "relcl"
            and doc[t.left_edge.i].tag_ in ("WDT", "WP", "WP$")
            and _last_word(doc, t.i, t.right_edge.i) == comma - 1
            and t.left_edge.i > sent.start
            and doc[t.left_edge.i - 1].text == ","
            and comma - t.left_edge.i >= 3
            and (found is None or t.left_edge.i < found.left_edge.i)
        ):
            found = t
    return found


def _trailing_attribution(doc: Doc, start: int, end: int, lexicon: QuoteLexicon) -> int:
    """``end`` moved before ', according to X' when that phrase closes the content: the
    writer's attribution is not the reporter's words ('have said that they plan to
    protest, according to an organizer')."""
    for i in range(start + 3, end):
        if doc[i - 1].text == "," and (length := _prepositional_cue_length(doc, i, lexicon)):
            if _cue_phrase_end(doc, i, length) >= end:
                return i - 1
    return end


# --- direct quotes -------------------------------------------------------------------------


def _valid_cue(view: _DocView, verb: Token, lexicon: QuoteLexicon) -> bool:
    """A speech verb cues a passage unless it reports a clause of its own outside marks."""
    if view.inside(verb.i) or not _is_speech_verb(verb, lexicon):
        return False
    # 'the “experts” argued': the quoted words are the subject — unless the parser gave
    # the verb a second subject outside them ('“… One of the brightest,” Cummings said')
    own = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    subjects = own or [s for s in (inherited_subject(verb),) if s is not None]
    if subjects and all(view.inside(subject.i) for subject in subjects):
        return False
    paragraph = (view.paragraph_start[verb.i], view.paragraph_end[verb.i])
    for child in verb.children:
        if (
            child.dep_ == "ccomp"
            and not view.inside(child.i)
            and paragraph[0] <= child.i < paragraph[1]
        ):
            # the complement may be a mark token of the passage itself
            if not child.is_punct:
                return False
    return True


def _frame_after(view: _DocView, index: int) -> range:
    doc = view.doc
    close_token = view.bounds[index][3]
    if close_token is None:
        return range(0)
    stop = min(len(doc), close_token + 1 + FRAME_LIMIT)
    for i in range(close_token + 1, stop):
        token = doc[i]
        if view.inside(i) or view.is_mark(i) or "\n" in token.text:
            return range(close_token + 1, i)
        if token.text in SENTENCE_END:
            return range(close_token + 1, i)
    return range(close_token + 1, stop)


def _frame_before(view: _DocView, index: int) -> range:
    doc = view.doc
    open_token = view.bounds[index][2]
    stop = max(0, open_token - FRAME_LIMIT)
    i = open_token - 1
    while i >= stop:
        token = doc[i]
        if view.inside(i) or view.is_mark(i):
            break
        if "\n" in token.text:
            # a colon before the line break still introduces the quote
            previous = i - 1
            if previous >= 0 and doc[previous].text == ":" and i - 1 >= stop:
                i -= 1
                continue
            break
        if token.text in SENTENCE_END:
            break
        i -= 1
    return range(i + 1, open_token)


def _colon_introduction(
    view: _DocView, frame: range, lexicon: QuoteLexicon
) -> tuple[Span, Token | None] | None:
    """'Trump leaned in and boomed: “…”' — the verb before a colon, when its subject names someone."""
    doc = view.doc
    for i in reversed(frame):
        token = doc[i]
        if token.pos_ != "VERB" or view.inside(i):
            continue
        subject = inherited_subject(token)
        if subject is not None and not view.inside(subject.i) and _names_someone(subject, lexicon):
            return doc[i : i + 1], subject
    return None


def _find_cue(
    view: _DocView, frame: range, lexicon: QuoteLexicon, *, backwards: bool
) -> tuple[Span, Token | None] | None:
    """The first speech verb (or ``according to``) in a frame, with its speaker head."""
    doc = view.doc
    order = reversed(frame) if backwards else iter(frame)
    for i in order:
        token = doc[i]
        length = _prepositional_cue_length(doc, i, lexicon)
        if length and i + length - 1 in frame:
            return doc[i : i + length], object_of_preposition(doc[i + length - 1])
        if _valid_cue(view, token, lexicon):
            return doc[i : i + 1], _reporter(view, token, lexicon)
    return None


def _reporter(view: _DocView, verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """Whose words a speech verb gives: its subject (or the one it shares), else a speaker
    the parser hung elsewhere in the tag."""
    if is_passive(verb):
        # "was first reported by The Washington Post"; "it was announced that …" has none
        agent = _passive_agent(verb)
        return agent if agent is not None and not view.inside(agent.i) else None
    subject = _coordinated_reporter(verb, lexicon) or _past_expletive(verb, inherited_subject(verb))
    if subject is not None and not view.inside(subject.i):
        return subject
    # "…,” said the official — the parser sometimes makes the speaker an object, or a
    # second subject after one it found inside the quoted words.
    for child in verb.rights:
        if (
            child.dep_ in SPEAKER_AFTER_VERB_DEPS
            and child.pos_ in SPEAKER_POS
            and not view.inside(child.i)
        ):
            return child
    return _tag_speaker(view, verb)


def _past_expletive(verb: Token, subject: Token | None) -> Token | None:
    """The speaker of an infinitive under an expletive 'it' it inherited: the subject of
    the clause above ('Trump will find it difficult to repeat his attacks')."""
    if subject is None or subject.lower_ != "it" or subject.head.i == verb.i:
        return subject
    owner = subject.head
    if owner.head.i == owner.i:
        return subject
    above = inherited_subject(owner.head)
    return above if above is not None and above.lower_ != "it" else subject


def _passive_report(verb: Token, lexicon: QuoteLexicon) -> tuple[int, int, bool] | None:
    """What a passive report reports, its reporter named after "by": "The issue was first
    reported by The Washington Post" reports the issue (not "was explained by a rise")."""
    if verb.lemma_.lower() not in lexicon.passive_report_lemmas or _passive_agent(verb) is None:
        return None
    subject = next((child for child in verb.lefts if child.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject.left_edge.i, subject.right_edge.i + 1, False


def _raised_report(verb: Token, lexicon: QuoteLexicon) -> tuple[int, int, bool] | None:
    """What an evidential passive reports: its subject and the infinitive it was said to do
    or be ("Some advisers are said to be urging the governor …", "she is reported to be
    …"); the passive subject is the infinitive's own, so the two are one statement."""
    if verb.lemma_.lower() not in lexicon.raising_report_lemmas or not is_passive(verb):
        return None
    subject = next((child for child in verb.lefts if child.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ == "it":  # 'it is said to …' is no one's statement
        return None
    for child in verb.rights:
        if child.dep_ == "xcomp" and is_to_infinitive(child):
            return subject.left_edge.i, child.right_edge.i + 1, True
    return None


def _predicated_report(verb: Token, lexicon: QuoteLexicon) -> tuple[int, int, bool] | None:
    """What a passive report says of its subject ("Clinton was declared the winner in
    Maryland", "Mr. Effron … has been mentioned as a potential Treasury secretary"): the
    subject with its predicate is a statement ('Clinton is the winner'), with or without an
    agent; a bare subject ('the deal was announced') is a noun phrase, left alone. A subject
    shared with a verb before ('is a donor and has been mentioned as …') stays out."""
    if not is_passive(verb) or verb.lemma_.lower() not in lexicon.predicating_report_lemmas:
        return None
    subject = inherited_subject(verb)
    if subject is None or subject.lower_ == "it":
        return None
    for child in verb.rights:
        if child.dep_ == "oprd" or child.dep_ == "prep" and child.lower_ == "as":
            if subject.head.i == verb.i:
                return subject.left_edge.i, _noun_phrase_end(child), True
            # the predicate alone, a phrase ('a potential Treasury secretary')
            return child.left_edge.i + (child.dep_ == "prep"), _noun_phrase_end(child), False
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by" ("was reported by the Post" -> "Post"). Unlike
    :func:`detente.nlp.syntax.passive_agent`, only a "by" after the verb, and only the first
    one: a reporter is named after "was reported"; kept apart so quotes keep their answers."""
    for child in verb.rights:
        if child.dep_ == "agent":
            return object_of_preposition(child)
    return None


def _coordinated_reporter(verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """'Analysts said it was difficult … and warned that …': the parser hangs the second
    speech verb inside the first one's clause; in the same tense, it shares its subject. So
    does a participle hung there ('said he didn't believe …, arguing that …')."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if not (verb.dep_ == "conj" or participle) or subject_of(verb) is not None:
        return None
    token = verb.head
    for _ in range(6):  # bounded walk up to the clause's speech verb
        head = token.head
        if head.i == token.i:
            return None
        if (
            token.dep_ == "ccomp"
            and _is_speech_verb(head, lexicon)
            # in the same tense, or the same verb ("has said …, and said he would not")
            and (participle or _finite_tag(head) == _finite_tag(verb) or head.lemma_ == verb.lemma_)
        ):
            return inherited_subject(head)
        token = head
    return None


def _tag_speaker(view: _DocView, verb: Token) -> Token | None:
    """The speaker the parser hung elsewhere: '“…,” Andrew Pendleton, Christian Aid's head
    of trade policy, said' (inside the quoted clause), 'Tory leader Michael Howard, asked
    about the remark, said' (subject of the participle): the first noun phrase of the tag
    between the sentence start (or a closing mark) and the verb."""
    doc = view.doc
    low = max(
        view.sent_starts[view.sent_index[verb.i]],
        view.paragraph_start[verb.i],
        verb.i - FRAME_LIMIT,
    )
    i = verb.i - 1
    while i >= low and not view.is_mark(i) and not view.inside(i):
        if doc[i].text in SENTENCE_END:
            break
        i -= 1
    tag = range(i + 1, verb.i)
    for j in tag:
        token = doc[j]
        if token.pos_ in SPEAKER_POS and (token.head.i not in tag or token.dep_ in SUBJECT_DEPS):
            return token
    return None


def _is_whole_sentence(view: _DocView, passage: QuotedPassage, text: str) -> bool:
    """The passage is a sentence (or several) of its own, not a fragment in one."""
    before = text[: passage.open_mark].rstrip()
    if before and before[-1] not in ".?!:\n" and before[-1] not in "”\"'’)":
        if "\n" not in text[len(before) : passage.open_mark]:
            return False
    # a nested quotation or an aside may close the sentence: '… ourselves.’', '… (sic).'
    content = text[passage.start : passage.end].rstrip().rstrip("’'\")]").rstrip()
    if not content or content[-1] not in ".?!…":
        return False
    return len(content.split()) >= 2


def _direct_quotes(
    view: _DocView,
    passages: list[QuotedPassage],
    lexicon: QuoteLexicon,
    claimed: set[int],
    reported_cues: list[int],
    reports: list[_Draft],
) -> list[_Draft]:
    text = view.text
    report_ends = [draft.end for draft in reports]
    drafts: list[_Draft] = []
    for index, passage in enumerate(passages):
        if index in claimed:
            continue
        content = text[passage.start : passage.end]
        if text[passage.open_mark - 1 : passage.open_mark] == "=" or any(
            markup in content for markup in MARKUP
        ):
            continue  # quote marks of markup attributes (<tweet id="…">), not speech
        whole_sentence = _is_whole_sentence(view, passage, text)
        if (
            not whole_sentence
            and _is_title(view, index)
            and (content.rstrip()[-1:] not in ",!?.…" or _names_a_work(view, index))
        ):
            continue  # a name or title ('the “Never Trump” movement', 'ABC’s “This Week”')
        signed = _sign_off(view, passage, lexicon)
        if signed is not None:
            drafts.append(_passage_draft(passage, *signed, "direct:sign-off"))
            continue
        found = _passage_cue(view, index, passage, whole_sentence, lexicon)
        previous = drafts[-1] if drafts else None
        if found is not None:
            draft = _cued_quote(view, index, passage, whole_sentence, found, previous, lexicon)
            if draft is not None:
                drafts.append(draft)
            continue
        if not whole_sentence:
            draft = _fragment_quote(view, index, passage, lexicon)
            if draft is not None:
                drafts.append(draft)
            continue  # otherwise a scare quote or a title
        if _is_title(view, index) and _alone_on_its_line(text, passage):
            continue  # a subheading in marks ('‘Legend in the Coal Fields.’')
        if previous is not None and previous.rule == "direct:sign-off":
            previous = None  # a signature ends the statement
        previous = _statement_going_on(view, passage, previous, reports, report_ends, lexicon)
        if previous is not None and _continues(
            view, index, passage, previous, reported_cues, lexicon
        ):
            # '“A,” she said. “B.”' — one statement told in several passages, also
            # over paragraphs: PolNeAR annotates it as one attribution, and so do we
            previous.go_on(passage)
            if previous.kind == "indirect":
                previous.kind = "mixed"  # a report going on in quoted words
            if not previous.rule.endswith("+continued"):
                previous.rule += "+continued"
            continue
        head = _previous_sentence_subject(view, view.bounds[index][2], lexicon)
        speaker = locate_speaker(head, lexicon.relative_pronouns) if head is not None else None
        drafts.append(
            _Draft(
                passage.start,
                passage.end,
                "direct",
                None,
                speaker,
                "direct:previous-sentence" if speaker else "direct:uncued",
                parts=list(passage.pieces),
            )
        )
    return drafts


# a name of one to five capitalised words ending its line: the signature after a dash
_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:[^\S\n]+[A-ZÀ-Þ][\w.'’-]*){0,4})"
    r"[^\S\n]*[.,]?[^\S\n]*(?:\n|$)"
)


def _sign_off(
    view: _DocView, passage: QuotedPassage, lexicon: QuoteLexicon
) -> tuple[Span, Speaker] | None:
    """A quote signed by its speaker after a dash, the name ending the line ('“… for
    president.” ― Francisco Herrero'): readers' comments, epigraphs, social-media
    round-ups."""
    if passage.close_mark is None:
        return None
    text = view.text
    dash = passage.close_mark + 1
    while dash < len(text) and text[dash] in " \t\u00a0":
        dash += 1
    if dash >= len(text) or text[dash] not in lexicon.sign_off_marks:
        return None
    match = _SIGNATURE.match(text, dash + 1)
    if match is None:
        return None
    doc = view.doc
    name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
    cue = doc.char_span(dash, dash + 1, alignment_mode="expand")
    if name is None or cue is None or len(name) == 0:
        return None
    while len(name) > 1 and name[-1].is_punct:
        name = name[:-1]
    return cue, Speaker(span=name, head=name[-1], description=None)


def _passage_cue(
    view: _DocView,
    index: int,
    passage: QuotedPassage,
    whole_sentence: bool,
    lexicon: QuoteLexicon,
) -> tuple[Span, Token | None] | None:
    """The cue of a quoted passage and its speaker head: in the words after its closing
    mark or before its opening one, or a verb before a colon that introduces it."""
    doc, text = view.doc, view.text
    content = _last_words(text, passage)
    close = passage.close_mark
    next_char = text[close + 1 : close + 2] if close is not None else ""
    tag_follows = bool(content) and (
        content[-1] in TAG_FOLLOWS or next_char == "," or next_char.islower()
    )
    after = (_frame_after(view, index), False)
    before = (_frame_before(view, index), True)
    if not tag_follows and after[0] and after[0].stop < len(doc) and view.is_mark(after[0].stop):
        # '“A.” He added: “B.”' — a tag between two quoted sentences introduces the second
        after = (range(0), False)
    # a fragment with no tag after it is not introduced by a verb further on
    # ('called immigrants “rapists” (although he allowed that …)')
    frames = (
        (after, before) if tag_follows else (before,) if not whole_sentence else (before, after)
    )
    # '“…?” The commission said …': a question or exclamation followed by a capital ends
    # its sentence; only a tag of its own gives its speaker ('“Why?” Smith asked.')
    after_mark = text[close + 1 : close + 3].lstrip() if close is not None else ""
    sentence_ends = content[-1:] in ("?", "!") and after_mark[:1].isupper()
    for frame, backwards in frames:
        found = _find_cue(view, frame, lexicon, backwards=backwards)
        if found is None:
            continue
        if (tag_follows and not sentence_ends) or backwards or _short_tag(view, index, found[0]):
            return found
    if text[: passage.open_mark].rstrip().endswith(":"):
        return _colon_introduction(view, before[0], lexicon) or _inverted_tag(
            view, before[0], lexicon
        )
    return None


def _inverted_tag(view: _DocView, frame: range, lexicon: QuoteLexicon) -> tuple[Span, Token] | None:
    """'Said Ellis: “…”' — a speech verb opening the sentence, then the speaker's name (the
    parser reads the capitalised verb as part of the name)."""
    doc = view.doc
    words = [doc[i] for i in frame if not (doc[i].is_punct or doc[i].is_space)]
    if not 2 <= len(words) <= SHORT_TAG or words[0].lower_ not in lexicon.speech_forms:
        return None
    if words[0].i != view.sent_starts[view.sent_index[words[0].i]]:
        return None
    if not all(w.pos_ in SPEAKER_POS or w.pos_ in ("DET", "ADJ") for w in words[1:]):
        return None
    return doc[words[0].i : words[0].i + 1], words[-1]


def _second_speech_act(
    view: _DocView, cue: int, open_token: int, lexicon: QuoteLexicon
) -> int | None:
    """A participle of speech after a quote's cue, in its sentence and before the next
    passage opens ('said, adding', 'said, suggesting a few questions', 'said, going on
    to contrast'): the speaker's next act, whose words the next passage gives."""
    doc = view.doc
    if open_token <= cue or view.sent_index[open_token - 1] != view.sent_index[cue]:
        return None
    for i in range(cue + 1, open_token):
        token = doc[i]
        if view.inside(i) or "\n" in token.text:
            return None
        if token.tag_ == "VBG" and _is_speech_verb(token, lexicon):
            return i
    return None


def _last_words(text: str, passage: QuotedPassage) -> str:
    """The passage's words up to its end, before the closing mark of a quote nested at its
    end ('… he said, ‘we want to work with you,’” Mitchell recalled': it ends on a comma)."""
    return text[passage.start : passage.end].rstrip().rstrip("\u2019'").rstrip()


def _short_tag(view: _DocView, index: int, cue: Span) -> bool:
    """After a quoted sentence that ends with its full stop, only a tag of its own ('“….”
    he said.') gives the speaker, not the next sentence ('“….” He pointed out that …')."""
    close_token = view.bounds[index][3]
    token = cue.root
    return (
        close_token is not None
        and token.dep_ == "ROOT"
        and token.i - close_token <= SHORT_TAG
        and not any(child.dep_ in ("ccomp", "xcomp") for child in token.children)
    )


def _cued_quote(
    view: _DocView,
    index: int,
    passage: QuotedPassage,
    whole_sentence: bool,
    found: tuple[Span, Token | None],
    previous: _Draft | None,
    lexicon: QuoteLexicon,
) -> _Draft | None:
    """The quote a cue introduces; None when the passage goes on the previous quote (its
    speaker tag in the middle: '“A,” he said, “b.”')."""
    doc, text = view.doc, view.text
    cue, head = found
    # '“A,” Sanders said, suggesting: “B.”' — the tag goes on with a second speech act of
    # the same speaker, which gives the words after it
    second = _second_speech_act(view, cue.start, view.bounds[index][2], lexicon)
    if second is not None:
        cue = doc[second : second + 1]
    elif (
        previous is not None
        and previous.cue_token == cue.start
        and previous.sentence_open
        and not _is_title(view, index)  # '“A,” he said on ABC’s “This Week.”'
    ):
        previous.go_on(passage)  # speaker in the middle: one quote
        previous.rule = "direct:split"
        return None
    speaker = locate_speaker(head, lexicon.relative_pronouns) if head else None
    if speaker is not None and speaker.span.start <= cue.start < speaker.span.end:
        # the parser read the verb as part of the name ('Said Ellis:')
        speaker = replace(speaker, span=doc[cue.end : speaker.span.end])
    start, end, kind = passage.start, _strip_tag_comma(text, passage.start, passage.end), "direct"
    if cue.start < view.bounds[index][0] and not whole_sentence:
        # 'vowed to “take our fight” to the 35 states': the fragment is part of
        # what the verb reports; the quote is that whole phrase
        clause = _phrase_under(view, index, doc[cue.start]) or _clause_around(view, index, cue.end)
        if clause is not None:
            start = min(start, doc[clause[0]].idx)
            end = max(end, doc[clause[1]].idx + len(doc[clause[1]]))
            kind = "mixed" if (start, end) != (passage.start, passage.end) else "direct"
    return _Draft(
        start=start,
        end=end,
        kind=kind,
        cue=cue,
        speaker=speaker,
        rule="direct:cue-after" if cue.start > view.bounds[index][1] else "direct:cue-before",
        cue_token=cue.start,
        sentence_open=_last_words(text, passage)[-1:] in tuple(",—–-…"),
        parts=list(passage.pieces) if kind == "direct" else None,
    )


def _fragment_quote(
    view: _DocView, index: int, passage: QuotedPassage, lexicon: QuoteLexicon
) -> _Draft | None:
    """Quoted words inside a sentence, when a verb with a subject governs them."""
    fragment = _attributed_fragment(view, index, lexicon)
    if fragment is None or _is_title(view, index):  # 'called it “unhinged”'
        return None
    doc = view.doc
    verb, head, first_token, last_token = fragment
    start = min(passage.start, doc[first_token].idx)
    end = max(passage.end, doc[last_token].idx + len(doc[last_token]))
    direct = (start, end) == (passage.start, passage.end)
    return _Draft(
        start,
        end,
        "direct" if direct else "mixed",
        doc[verb.i : verb.i + 1],
        locate_speaker(head, lexicon.relative_pronouns),
        "direct:fragment",
        verb.i,
        parts=list(passage.pieces) if direct else None,
    )


def _statement_going_on(
    view: _DocView,
    passage: QuotedPassage,
    previous: _Draft | None,
    reports: list[_Draft],
    report_ends: list[int],
    lexicon: QuoteLexicon,
) -> _Draft | None:
    """The statement a cue-less quoted sentence may go on: the previous direct quote with
    a speaker, or a report (sorted by ``report_ends``) whose words end right before it."""
    last = previous  # the quote before, whatever its kind: a report in its tag stays there
    if previous is not None and not (
        previous.kind == "direct"
        and (previous.speaker is not None or previous.rule.startswith("direct:uncued"))
    ):
        previous = None
    # 'he’s “made a lot of money in down markets.” “Frankly, …”': a report that ends
    # right before the next quoted sentence goes on in it (one without quoted words of
    # its own only as :func:`_indirect_goes_on` allows)
    latest = bisect_right(report_ends, passage.open_mark) - 1
    if latest >= 0:
        report = reports[latest]
        between = view.text[_tag_end(view, report) : passage.open_mark]
        if (
            report.speaker is not None
            and (previous is None or report.end > previous.end)
            and (report.kind == "mixed" or _indirect_goes_on(view, report, last, lexicon))
            # nothing but marks and punctuation between the two (after the report's own
            # tag, '“…” of the plan, Mr. Holtz-Eakin said. “…”'): the next quoted sentence
            # follows the report's last quoted words at once
            and not any(char.isalnum() for char in between)
            and "\n" not in between
        ):
            previous = report
    return previous


def _indirect_goes_on(
    view: _DocView, report: _Draft, previous: _Draft | None, lexicon: QuoteLexicon
) -> bool:
    """A report without quoted words goes on in the quoted sentence right after it ('said
    he would not vote for Mr. Cruz. “I'm not sure …”'), as PolNeAR annotates it; not a
    report in the tag of the quote before ('“A,” she said, adding that … “B.”': the
    quoted sentence goes on that quote), not a question (the quoted words answer it)
    and not what someone did not say."""
    if report.cue_token is None:
        return False
    if previous is not None:
        tag = {view.sent_index[view.token_at(previous.end - 1)]}
        if previous.cue_token is not None:
            tag.add(view.sent_index[previous.cue_token])
        if view.sent_index[view.token_at(report.start)] in tag:
            return False
    verb = view.doc[report.cue_token]
    # the "whether" or "if" opening the reported clause, trimmed off before its first
    # word (not the "if" of a condition inside it: 'said if the bill passes, …')
    first = view.token_at(report.start)
    before = view.doc[first - 1] if first > 0 else None  # a report at the start has none
    opened_as_question = (
        before is not None
        and before.lower_ in lexicon.question_marks
        and before.head.dep_ == "ccomp"
    )
    return not (
        verb.lemma_.lower() in lexicon.question_lemmas
        or opened_as_question
        or any(child.dep_ == "neg" for child in verb.children)
    )


def _tag_end(view: _DocView, report: _Draft) -> int:
    """Where a report's words end: after its tag when the tag follows them ('…, Mr.
    Holtz-Eakin said.'), else at its content's end."""
    if report.cue is None or report.cue.start_char < report.end:
        return report.end
    return view.sentence(report.cue.start).end_char


def _continues(
    view: _DocView,
    index: int,
    passage: QuotedPassage,
    previous: _Draft,
    reported_cues: list[int],
    lexicon: QuoteLexicon,
) -> bool:
    """The quoted sentence goes on ``previous``: close enough, and no other statement and
    no sentence about someone else in between."""
    first = view.bounds[index][0]
    previous_sentence = view.sent_index[view.token_at(previous.end - 1)]
    gap = view.sent_index[first] - previous_sentence
    # a report in between is another statement — unless it sits in the previous
    # quote's own tag ('“A,” he told Reuters when asked if he had met Trump. “B.”')
    tag_sentence = view.sent_index[previous.cue_token] if previous.cue_token is not None else -1
    between = sum(
        1
        for char in reported_cues[
            bisect_right(reported_cues, previous.end) : bisect_right(
                reported_cues, passage.open_mark
            )
        ]
        if view.sent_index[view.token_at(char)] != tag_sentence
    )
    # 'Betsy Ebeling shook her head. “Tom’s much better …”': a sentence in between
    # about someone else hands the next quote to them
    other = _previous_sentence_subject(view, view.bounds[index][2], lexicon)
    if (
        other is not None
        and other.pos_ != "PRON"
        and previous.speaker is not None
        and view.sent_index[other.i] != tag_sentence
        and view.sent_index[other.i] > previous_sentence
        and view.doc[other.left_edge.i : other.i + 1].text not in previous.speaker.span.text
    ):
        between += 1
    return gap <= lexicon.continuation_max_gap_sentences and not between


def _attributed_fragment(
    view: _DocView, index: int, lexicon: QuoteLexicon
) -> tuple[Token, Token, int, int] | None:
    """A quoted fragment governed by a speech or naming verb with a subject.

    Returns (verb, subject, first, last token of what the verb says about its
    object: 'the agreement “an historic step forward”').
    """
    doc = view.doc
    token = doc[view.bounds[index][0]]
    paragraph = (view.paragraph_start[token.i], view.paragraph_end[token.i])
    below = token
    for _ in range(6):  # bounded walk up from the fragment to its governing verb
        if token.head.i == token.i or not paragraph[0] <= token.head.i < paragraph[1]:
            break
        below, token = token, token.head
        if view.inside(token.i):
            continue
        if token.pos_ in VERBAL_POS:
            lemma = token.lemma_.lower()
            subject = inherited_subject(token)
            if token.dep_ == "pcomp" and token.tag_ == "VBG" and not has_own_subject(token):
                continue  # 'blasted the media for being “dishonest”': the verb above says it
            if subject is None or view.inside(subject.i) or subject.pos_ not in SPEAKER_POS:
                return None
            if below.i == subject.i:
                return None  # 'the company’s “green” bonds rose': the words name the subject
            if lemma not in lexicon.speech_lemmas and lemma not in lexicon.naming_lemmas:
                # Another verb: the words are still the subject's when it names someone
                # ('Trump mocked Rubio for “having a tough night”') or something that speaks
                # ('the ad targets a “corrupt political system”') — unless the words are
                # a title ('She watched “The Crown”').
                if not (_names_someone(subject, lexicon) or subject.pos_ == "NOUN"):
                    return None
                if _is_scare_quote(view, index, lexicon):
                    return None  # 'has bought a “philanthropub”', 'will be “fair” to him'
            said = [c for c in token.rights if c.dep_ not in ("punct", "cc", "conj")]
            first = min((c.left_edge.i for c in said), default=below.left_edge.i)
            # what the verb says runs over its dependents after it, not only the one holding
            # the words: 'likened the refugees to a “vicious snake” in a song about …'
            end = max((c.right_edge.i for c in said if c.dep_ not in FRAGMENT_STOP_DEPS), default=0)
            last = _last_word(doc, first, max(below.right_edge.i, end))
            return token, subject, max(first, token.i + 1), last
    return None


def _is_scare_quote(view: _DocView, index: int, lexicon: QuoteLexicon) -> bool:
    """A few quoted words under a verb that neither speaks nor names: the writer's
    distance from a word, not somebody's statement."""
    passage = view.passages[index]
    words = view.text[passage.start : passage.end].split()
    return len(words) <= lexicon.scare_quote_max_words


def _phrase_under(view: _DocView, index: int, verb: Token) -> tuple[int, int] | None:
    """First and last token of the verb's dependent that holds the passage."""
    doc = view.doc
    token = doc[view.bounds[index][0]]
    for _ in range(12):  # bounded walk up to the verb
        if token.head.i == token.i:
            return None
        if token.head.i == verb.i:
            if token.dep_ in ("nsubj", "nsubjpass", "punct"):
                return None
            first = max(token.left_edge.i, verb.i + 1)
            last = _last_word(doc, first, token.right_edge.i)
            paragraph_end = view.paragraph_end[verb.i]
            return first, min(last, paragraph_end - 1)
        token = token.head
    return None


def _clause_around(view: _DocView, index: int, after: int) -> tuple[int, int] | None:
    """First and last token of the clause holding the passage, from token ``after`` on.

    'But, Carson added, he did not support issuing quarantines “willy-nilly.”': the
    tag is not the clause's head, yet the fragment is part of what it reports.
    """
    doc = view.doc
    token = doc[view.bounds[index][0]]
    paragraph = (view.paragraph_start[token.i], view.paragraph_end[token.i])
    clause_head = None
    for _ in range(8):  # bounded walk up to the nearest clause outside the marks
        if token.head.i == token.i or not paragraph[0] <= token.head.i < paragraph[1]:
            break
        token = token.head
        if token.i < after:
            break
        if token.pos_ in VERBAL_POS and not view.inside(token.i):
            clause_head = token
            if has_own_subject(token):
                break  # a clause of its own, not a verb phrase inside one
    if clause_head is None:
        return None
    first = max(clause_head.left_edge.i, after)
    last = _last_word(doc, first, max(clause_head.right_edge.i, view.bounds[index][1]))
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return first, min(last, paragraph[1] - 1)


def _names_someone(token: Token, lexicon: QuoteLexicon) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in lexicon.personal_pronouns
    return token.ent_type_ in ("PERSON", "ORG", "NORP") or token.pos_ == "PROPN"


def _is_title(view: _DocView, index: int) -> bool:
    """Every word capitalised: a title or a name, not someone's words."""
    first, last = view.bounds[index][0], view.bounds[index][1]
    words = [t for t in view.doc[first : last + 1] if t.is_alpha]
    return (
        bool(words)
        and all(t.text[0].isupper() or t.is_stop for t in words)
        and words[0].text[0].isupper()
    )


def _alone_on_its_line(text: str, passage: QuotedPassage) -> bool:
    """Nothing but the passage, its marks and its full stop on its line."""
    line_start = text.rfind("\n", 0, passage.open_mark) + 1
    line_end = text.find("\n", passage.end)
    after = text[passage.end : line_end if line_end >= 0 else len(text)]
    return not text[line_start : passage.open_mark].strip() and not after.strip(
        " \t.\"'\u2019\u201d"
    )


def _names_a_work(view: _DocView, index: int) -> bool:
    """Capitalised words after a possessive or a preposition name a show, a book or a
    film even when the sentence's full stop sits inside the marks ('said on CNN’s
    “State of the Union.”')."""
    first, last, open_token, _close = view.bounds[index]
    before = open_token - 1
    if before < 0 or last - first < 2:  # two words and the full stop at least
        return False
    token = view.doc[before]
    return token.tag_ == "POS" or token.pos_ == "ADP"


def _strip_tag_comma(text: str, start: int, end: int) -> int:
    """The comma before a closing mark belongs to the speaker tag, not the quote."""
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def _previous_sentence_subject(
    view: _DocView, open_token: int, lexicon: QuoteLexicon
) -> Token | None:
    """The subject of the sentence right before a quote, when it names someone."""
    doc = view.doc
    index = view.sent_index[open_token]
    i = open_token - 1
    while i >= 0 and (doc[i].is_space or view.sent_index[i] == index):
        i -= 1
    if i < 0:
        return None
    sent = view.sentence(i)
    root = sent.root
    subject = inherited_subject(root)
    if subject is None or view.inside(subject.i) or not _names_someone(subject, lexicon):
        return None
    return subject


# --- quotes inside quotes -------------------------------------------------------------------


def _nested_quotes(
    view: _DocView, nested: list[QuotedPassage], lexicon: QuoteLexicon
) -> list[_Draft]:
    """Somebody quoted inside a quote, with a cue of their own inside it: '“… he says,
    ‘I regret that I have caused offence’.”' (a title or scare word has no cue)."""
    drafts = []
    for passage in nested:
        if not _opens_words(view, passage, lexicon):
            continue  # 'the feel of a ‘work in progress’': a scare quote inside a quote
        found = _nested_cue(view, passage, lexicon)
        if found is None:
            continue
        cue, head = found
        speaker = locate_speaker(head, lexicon.relative_pronouns)
        drafts.append(_passage_draft(passage, cue, speaker, "direct:nested"))
    return drafts


def _opens_words(view: _DocView, passage: QuotedPassage, lexicon: QuoteLexicon) -> bool:
    """The passage gives somebody's words, not a phrase of the sentence: it starts with a
    capital, or follows a colon, a comma or the speech verb itself ('say ‘melons’')."""
    text = view.text
    if text[passage.start : passage.start + 1].isupper():
        return True
    before = text[: passage.open_mark].rstrip()
    if before[-1:] in (":", ","):
        return True
    previous = view.token_at(len(before) - 1) if before else None
    return previous is not None and _is_speech_verb(view.doc[previous], lexicon)


def _nested_cue(
    view: _DocView, passage: QuotedPassage, lexicon: QuoteLexicon
) -> tuple[Span, Token] | None:
    """A speech verb with a subject in the nested passage's sentence, before its opening
    mark or right after its closing one, inside the outer quote."""
    doc = view.doc
    first, last = view.token_at(passage.start), view.token_at(passage.end - 1)
    open_token = view.token_at(passage.open_mark)
    sent = view.sentence(open_token)
    before = range(max(sent.start, open_token - FRAME_LIMIT), open_token)
    after: range = range(0)
    if passage.close_mark is not None:
        close_token = view.token_at(passage.close_mark)
        after = range(close_token + 1, min(sent.end, close_token + 1 + FRAME_LIMIT))
    for frame in (reversed(before), iter(after)):
        for i in frame:
            token = doc[i]
            if token.text in view.double_marks or token.text in SENTENCE_END:
                break
            if not _is_speech_verb(token, lexicon):
                continue
            subject = inherited_subject(token)
            if (
                subject is None
                or first <= subject.i <= last
                or subject.pos_ not in SPEAKER_POS
                or subject.lower_ == "it"  # 'it was vital', 'it is like saying'
            ):
                break
            return doc[i : i + 1], subject
    return None


# --- records -----------------------------------------------------------------------------


def _to_record(draft: _Draft, text: str, doc_id: str, mentions: MentionIndex) -> Quote:
    speaker = draft.speaker
    speaker_text = speaker_start = speaker_end = None
    name = actor = actor_id = description = None
    if speaker is not None:
        span = speaker.span
        speaker_text = span.text
        speaker_start = span.start_char
        speaker_end = span.end_char
        description = speaker.description
        named = speaker.referent or span  # who a relative pronoun stands for
        head = named.root
        mention = mentions.best(named.start_char, named.end_char, head.idx, head.idx + len(head))
        if mention is not None:
            name, actor, actor_id = mention.name, mention.code, mention.actor_id
        elif speaker.referent is not None:
            name = speaker.referent.text
    cue = draft.cue
    # the parts within the content (a comma before the closing mark is the tag's)
    parts = tuple(
        (max(a, draft.start), min(b, draft.end))
        for a, b in (draft.parts or [(draft.start, draft.end)])
        if min(b, draft.end) > max(a, draft.start)
    )
    return Quote(
        doc_id=doc_id,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        kind=draft.kind,
        cue=cue.text if cue is not None else None,
        cue_start=cue.start_char if cue is not None else None,
        cue_end=cue.end_char if cue is not None else None,
        speaker=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker_name=name,
        speaker_actor=actor,
        speaker_description=description,
        speaker_id=actor_id,
        rule=draft.rule,
        parts=parts,
    )
