"""The code a verb gets: its lexicon entry, and the most specific pattern of its block that
matches the words of its clause (pattern index and matching)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.events.clauses import clause_tokens
from detente.events.lexicon import VERB_MARK, CodeSpec, Pattern, Slot, VerbEntry, VerbLexicon
from detente.knowledge.events import MATERIAL_QUADS
from detente.nlp.syntax import (
    CLAUSAL_SUBJECT_DEPS,
    CLAUSE_DEPS,
    COMPLEMENT_DEPS,
    child_with,
    finite_complement,
    has_modal,
    infinitive_complement,
    is_subjunctive,
)


@dataclass(slots=True)
class _BlockIndex:
    """A block's patterns by one word they require, so a verb checks only plausible ones."""

    by_word: dict[str, list[int]] = field(default_factory=dict)
    always: list[int] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # every word any pattern names
    # pattern number -> the words it names (to see which circumstance phrases it may enter)
    words: list[frozenset[str]] = field(default_factory=list)
    # patterns written for one verb that the block's other verbs may borrow (see best())
    shareable: set[int] = field(default_factory=set)


def _first_words(slot: Slot) -> set[str]:
    return {alt[0] for alt in slot}


def _material(code: str | None, quad_class: Callable[[str], int | None]) -> bool | None:
    """Is the act material (quad classes 2, 4) rather than verbal (1, 3)? None: unknown."""
    quad = quad_class(code) if code else None
    return None if quad is None else quad in MATERIAL_QUADS


class PatternMatcher:
    def __init__(
        self,
        lexicon: VerbLexicon,
        quad_class: Callable[[str], int | None] = lambda code: None,
    ) -> None:
        self.lexicon = lexicon
        self.indexes: dict[str, _BlockIndex] = {}
        for name, block in lexicon.blocks.items():
            index = _BlockIndex()
            block_kind = _material(block.code.forward if block.code else None, quad_class)
            for number, pattern in enumerate(block.patterns):
                kind = _material(pattern.code.forward, quad_class)
                if block_kind is None or kind is None or kind == block_kind:
                    index.shareable.add(number)
                named: set[str] = set()
                for slot in (*pattern.pre, *pattern.post):
                    for alt in slot:
                        named.update(alt)
                index.vocabulary.update(named)
                index.words.append(frozenset(named))
                slots = pattern.post or pattern.pre
                if not slots:
                    index.always.append(number)
                    continue
                # Index on the slot with the fewest alternatives: the rarest requirement.
                key_slot = min(slots, key=len)
                for word in _first_words(key_slot):
                    index.by_word.setdefault(word, []).append(number)
            self.indexes[name] = index

    def best(
        self,
        block_name: str,
        pre: list[Token],
        post: list[Token],
        verb: str = "",
        *,
        siblings: bool = True,
        circumstances: dict[int, str] | None = None,
        at: Token | None = None,
        modifiers: dict[int, tuple[str, str, str]] | None = None,
    ) -> Pattern | None:
        """The most specific pattern of the block matching the clause's words.

        ``circumstances`` maps the position in ``post`` of each word inside a phrase of
        reason, topic or time ("attacked Trump [over the deal]") to the preposition that
        opens it: such words are seen only by patterns that name that preposition
        ("- * (OVER RESTRICTION)"), so "- * DEAL [057]" does not code the attack.

        A pattern written for one verb of the block ("- * TO [030] # HEAD") is first
        tried for that verb (``verb``: the entry's main phrase) only; the patterns of the
        block's other verbs win over those only when more specific, and only for
        ``siblings`` (verbs sharing the block's sense — a verb with a code of its own,
        like ORDER [100] under OVERSEE, does not). A pattern that turns the block's kind of
        act (verbal or material) into the other is its own verb's alone: "- * ATTACK [190]
        # REPORT" says that a report of an attack codes the attack, which "described the
        attack as reprehensible" does not.

        ``at``: the verb token, for patterns that join a word to the verb ("RECENTLY_*").

        ``modifiers`` maps the position in ``post`` of each word inside a prepositional
        phrase of a noun of the clause (see :func:`noun_modifiers`) to that noun's (form,
        lemma) and the phrase's preposition: such a word is seen only by patterns that also
        name the noun or the preposition ("- * SUPPORT FOR" sees "for" and "plans" in
        "reiterated its support for the plans", "- * PLANS" does not; "- * OF ATTACK" sees
        "attacks" in "accused the government of attacks", whose "of" the parser hangs on
        the object)."""
        block = self.lexicon.blocks.get(block_name)
        index = self.indexes.get(block_name)
        if block is None or index is None or not block.patterns:
            return None
        pre_words = _with_verb(_pattern_words(pre, index.vocabulary), pre, at, before=True)
        post_by_view: dict[tuple[frozenset[str], frozenset[int]], list[tuple[str, ...]]] = {}
        openers = frozenset((circumstances or {}).values())
        nouns = modifiers or {}

        def post_view(number: int) -> list[tuple[str, ...]]:
            """The object-side words pattern ``number`` may match."""
            words = index.words[number]
            named = openers & words
            shown = frozenset(n for n, noun in nouns.items() if not words.isdisjoint(noun))
            found = post_by_view.get((named, shown))
            if found is None:
                hidden = circumstances or {}
                seen = [
                    t
                    for n, t in enumerate(post)
                    if (hidden.get(n, "") in named or n not in hidden)
                    and (n not in nouns or n in shown)
                ]
                found = post_by_view[named, shown] = _with_verb(
                    _pattern_words(seen, index.vocabulary), seen, at, before=False
                )
            return found

        post_words = _with_verb(_pattern_words(post, index.vocabulary), post, at, before=False)
        candidates: set[int] = set(index.always)
        for pair in (*pre_words, *post_words):
            for word in pair:
                hits = index.by_word.get(word)
                if hits:
                    candidates.update(hits)
        own: Pattern | None = None  # the verb's own (or the block's general) patterns
        other: Pattern | None = None  # those written for the block's other verbs
        for number in sorted(candidates):
            pattern = block.patterns[number]
            mine = not pattern.verbs or not verb or verb in pattern.verbs
            if not mine and not (siblings and number in index.shareable):
                continue
            best = own if mine else other
            if best is not None and pattern.size <= best.size:
                continue
            if not mine and own is not None and pattern.size <= own.size:
                continue
            if _match_slots(pattern.post, post_view(number)) and _match_slots(
                pattern.pre, pre_words
            ):
                if mine:
                    own = pattern
                else:
                    other = pattern
        if other is not None and (own is None or other.size > own.size):
            return other
        return own


_GAP: tuple[str, ...] = ()  # stands for a run of words no pattern of the block names
_MARK: tuple[str, ...] = (VERB_MARK,)  # the verb itself, for "RECENTLY_*", "*_OUT"


def _pattern_words(tokens: list[Token], vocabulary: set[str]) -> list[tuple[str, ...]]:
    """(lowercase form, lemma) per token, with each run of words that no pattern of the
    block names collapsed into one gap: the match is the same (a gap matches no pattern
    word and still separates words a multiword alternative needs adjacent), the list
    is much shorter."""
    out: list[tuple[str, ...]] = []
    last = None
    for tok in tokens:
        if last is not None and tok.i != last + 1 and out and out[-1] is not _GAP:
            out.append(_GAP)  # words apart in the text are not consecutive ("DEATH_TOTAL")
        last = tok.i
        lower = tok.lower_
        lemma = tok.lemma_.lower()
        if lower in vocabulary or lemma in vocabulary:
            out.append((lower, lemma))
        elif not out or out[-1] is not _GAP:
            out.append(_GAP)
    return out


def _with_verb(
    words: list[tuple[str, ...]], tokens: list[Token], verb: Token | None, *, before: bool
):
    """The words with the verb mark where the verb stands: right after the words before it
    when the last of them is next to it ("recently allowed"; a gap when not), or right
    before the words after it."""
    if verb is None:
        return words
    if before:
        near = bool(tokens) and tokens[-1].i == verb.i - 1
        return [*words, *(() if near else (_GAP,)), _MARK]
    near = bool(tokens) and tokens[0].i == verb.i + 1
    return [_MARK, *(() if near else (_GAP,)), *words]


def _match_slots(slots: tuple[Slot, ...], words: list[tuple[str, ...]]) -> bool:
    """Every slot matches, in order, with any words between them. ``words`` are
    (lowercase form, lemma) pairs; a pattern word matches either."""
    pos = 0
    size = len(words)
    for slot in slots:
        found = False
        while pos < size and not found:
            for alt in slot:
                end = pos + len(alt)
                if end <= size and all(w in words[pos + k] for k, w in enumerate(alt)):
                    pos = end
                    found = True
                    break
            else:
                pos += 1
        if not found:
            return False
    return True


class VerbCodes:
    """Looks verbs up in the lexicon and codes them with their block's patterns. Build once
    per lexicon (it indexes the patterns and remembers the words of verb forms)."""

    def __init__(
        self,
        lexicon: VerbLexicon,
        roles: dict[str, str],
        circumstance_prepositions: frozenset[str] = frozenset(),
        quad_class: Callable[[str], int | None] = lambda code: None,
        complement_senses: dict[str, tuple[tuple[str, str], ...]] | None = None,
        obligation_modals: frozenset[str] = frozenset(),
        partitive_nouns: frozenset[str] = frozenset(),
    ) -> None:
        self.lexicon = lexicon
        self.partitive_nouns = partitive_nouns
        self.complement_senses = complement_senses or {}
        self.obligation_modals = obligation_modals
        self.roles = roles  # clause words: a verb the lexicon lacks may still have a role
        self.circumstance_prepositions = circumstance_prepositions
        self.matcher = PatternMatcher(lexicon, quad_class)
        # (form, lemma, tag) -> the lexicon's word: the same few thousand verb forms recur
        self._word_cache: dict[tuple[str, str, str], str] = {}

    def knows(self, verb: Token) -> bool:
        """The lexicon lists the verb, or it has a clause-word role."""
        word = self.word(verb)
        return word in self.lexicon.verbs or word in self.roles or verb.lower_ in self.lexicon.verbs

    def word(self, verb: Token) -> str:
        """The lexicon's word for ``verb``: its lemma, its form, or a stem of its form
        (the lemmatizer makes "hopes" into "hop")."""
        key = (verb.lower_, verb.lemma_, verb.tag_)
        found = self._word_cache.get(key)
        if found is None:
            found = next(
                (w for w in verb_keys(verb) if w in self.lexicon.verbs or w in self.roles),
                verb.lemma_.lower(),
            )
            self._word_cache[key] = found
        return found

    def entry(self, verb: Token) -> VerbEntry | None:
        """The verb's most specific lexicon entry (multi-word verbs must match around it)."""
        best: VerbEntry | None = None
        # The written form first: a dictionary that lists a form apart from its lemma
        # ("LEFT [032:033]" vs "LEAVE [012]") means that form; ties keep the first found.
        lemma_word = self.word(verb)
        for word in (verb.lower_,) if lemma_word == verb.lower_ else (verb.lower_, lemma_word):
            for entry in self.lexicon.entries(word):
                if not multiword_matches(entry, verb):
                    continue
                # the most specific entry; on a tie, one with a code of its own
                size = (len(entry.before) + len(entry.after), entry.code is not None)
                if best is None or size > (
                    len(best.before) + len(best.after),
                    best.code is not None,
                ):
                    best = entry
        return best

    def codes_itself(self, entry: VerbEntry) -> bool:
        """Does the dictionary give the verb an event code of its own: on its line, or
        on a block it heads (``--- BELIEVE [023] ---``), not a class of verbs it is filed
        under (CAMEO's ``--- EXPLAIN_VERBAL [010] ---`` for "say")?"""
        if entry.code is not None:
            return not entry.code.is_null
        block = self.lexicon.blocks.get(entry.block)
        return (
            block is not None
            and block.code is not None
            and not block.code.is_null
            and block.name.lower() == entry.base
        )

    def code_of(
        self, verb: Token, entry: VerbEntry, subject: Token | None
    ) -> tuple[CodeSpec, str, float, Pattern | None]:
        """The verb's code, the rule that gave it, its confidence and the pattern matched."""
        pre = subject_side_words(verb, subject)
        post = [t for t in clause_tokens(verb, include_xcomp=True, skip_dates=True) if t.i > verb.i]
        if self.roles.get(self.word(verb)) is None:
            # a verb of speech, opinion, demand ... codes its content as an act of its own
            # ("demanded that North Korea attack China" is a demand, not an attack)
            post = sorted(post + content_words(verb), key=lambda t: t.i)
        pattern = self.matcher.best(
            entry.block,
            pre,
            post,
            entry.base,
            siblings=entry.code is None,
            circumstances=circumstance_words(verb, post, self.circumstance_prepositions),
            at=verb,
            modifiers=noun_modifiers(verb, post, self.partitive_nouns),
        )
        if pattern is not None:
            return pattern.code, f"{pattern.text} ({pattern.origin})", 0.9, pattern
        sense = self.complement_sense(verb)
        if sense is not None:
            kind, code = sense
            return (
                CodeSpec(code),
                f"{entry.word} + {kind} [{code}] (complement_senses.tsv)",
                0.75,
                None,
            )
        block = self.lexicon.blocks.get(entry.block)
        if entry.code is not None:
            return (
                entry.code,
                f"{entry.word} [{spec_text(entry.code)}] ({entry.origin})",
                0.75,
                None,
            )
        if block is not None and block.code is not None:
            return (
                block.code,
                f"--- {block.name} [{spec_text(block.code)}] --- ({entry.origin})",
                0.7,
                None,
            )
        return CodeSpec(None), "", 0.0, None

    def complement_sense(self, verb: Token) -> tuple[str, str] | None:
        """(complement kind, code) of the verb's sense decided by its complement
        (complement_senses.tsv): "encouraged Iran to release" appeals, "argued that ..."
        states; None when the verb has no such sense or not that complement."""
        senses = self.complement_senses.get(verb.lemma_.lower()) or self.complement_senses.get(
            self.word(verb)
        )
        for kind, code in senses or ():
            if has_complement(verb, kind, self.obligation_modals):
                return kind, code
        return None


def has_complement(verb: Token, kind: str, obligation_modals: frozenset[str]) -> bool:
    """Does ``verb`` take a complement of ``kind`` (see complement_senses.tsv)?"""
    if kind == "infinitive":
        return infinitive_complement(verb) is not None
    if kind == "predicate":
        return child_with(verb, ("oprd",)) is not None
    clause = finite_complement(verb)
    if clause is None:
        return False
    if kind == "clause":
        return True
    return not has_modal(clause, obligation_modals) and not is_subjunctive(clause)


# the governing verb's words that a pattern's words before the verb may name with it
# ("- INDICATED WOULD * NOW", "- BEGUN *", "- FAILED_TO_*"): its auxiliaries and adverbs
GOVERNOR_WORD_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
GOVERNOR_LEVELS = 2  # "said it had begun to question": two complements up at most


def subject_side_words(verb: Token, subject: Token | None) -> list[Token]:
    """The words a pattern's part before the verb (``- PRE * ...``) matches, in text order:
    the subject's phrase, the verb's own modifiers before it with their whole phrases
    ("most certainly did not ever clash", "heavily and unjustly criticized"), and, for a
    verb that is the complement of another ("indicated it would act", "has begun to
    question"), the governing verbs before it with their auxiliaries and adverbs — the
    words before the verb in the sentence, which dictionary patterns were written for."""
    found = {t.i: t for t in clause_tokens(subject)} if subject is not None else {}
    for left in verb.lefts:
        if left.dep_ not in CLAUSAL_SUBJECT_DEPS and left.dep_ not in CLAUSE_DEPS:
            found.update((t.i, t) for t in clause_tokens(left))
    node = verb
    for _ in range(GOVERNOR_LEVELS):
        governor = node.head
        if node.dep_ not in COMPLEMENT_DEPS or governor.i >= verb.i:
            break
        found[governor.i] = governor
        found.update((c.i, c) for c in governor.lefts if c.dep_ in GOVERNOR_WORD_DEPS)
        node = governor
    return [found[i] for i in sorted(found)]


def content_words(verb: Token) -> list[Token]:
    """The words of a "that" clause the verb governs ("allowed that Mordor isn't a really
    pleasant place"): PETRARCH's patterns read the verb phrase with its complement clause
    ("- * REALLY_PLEASANT"). Only for verbs without a clause-word role: a verb of speech,
    opinion or demand codes its content as an act of its own."""
    return [
        t
        for c in verb.children
        if c.dep_ == "ccomp" and c.i > verb.i
        for t in clause_tokens(c, skip_dates=True)
    ]


def circumstance_words(
    verb: Token, post: list[Token], prepositions: frozenset[str]
) -> dict[int, str]:
    """Position in ``post`` -> the preposition of the phrase of reason, topic or time
    ("over the deal", "after the talks") the word is inside, for the words below such a
    preposition between them and the verb (the preposition itself stays visible)."""
    if not prepositions:
        return {}
    found: dict[int, str] = {}
    for number, tok in enumerate(post):
        node = tok
        while node.i != verb.i and node.head.i != node.i:
            head = node.head
            if head.dep_ == "prep" and head.lower_ in prepositions:
                found[number] = head.lower_
                break
            node = head
    return found


# the words that head a phrase a preposition can modify (wider than nlp.syntax.NOMINAL_POS:
# "two of the soldiers", "some of them")
PHRASE_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def noun_modifiers(
    verb: Token, post: list[Token], partitive_nouns: frozenset[str]
) -> dict[int, tuple[str, str, str]]:
    """Position in ``post`` -> (form, lemma) of the noun whose prepositional phrase the
    word is in, and the phrase's preposition ("gave the parents [of Army Sgt X]",
    "reiterated its support [for the government's plans]"): the phrase says whose, which
    or for what the noun is, not what the verb acts on. A pattern that names the
    preposition still sees the phrase: the parser hangs a verb's own phrase on its object
    too ("accused the government [of attacks]", "charged him [with murder]", "- * OF
    ATTACK"). A partitive noun's phrase ("hundreds of troops", "a unit of police",
    "two of the soldiers", "millions in aid"; ``partitive_nouns``, and numerals) is what
    its phrase names and stays visible; so do the preposition itself, and the noun's own adjectives,
    compounds and possessor, which PETRARCH's patterns read ("renewed diplomatic ties",
    "fired artillery shells", "warned their populations")."""
    # the nearest such phrase at or above each token, up to the verb: a token's answer is
    # its head's, so each step of the tree is walked once per call, not once per word below it
    above: dict[int, tuple[str, str, str] | None] = {}

    def phrase_at(node: Token) -> tuple[str, str, str] | None:
        path = []
        while node.i not in above and node.i != verb.i and node.head.i != node.i:
            path.append(node)
            node = node.head
        found = above.get(node.i)
        for step in reversed(path):
            head = step.head
            if (
                step.dep_ == "prep"
                and head.pos_ in PHRASE_HEAD_POS
                and not _partitive(head, partitive_nouns)
            ):
                found = (head.lower_, head.lemma_.lower(), step.lower_)
            above[step.i] = found
        return found

    found: dict[int, tuple[str, str, str]] = {}
    for number, tok in enumerate(post):
        if tok.i == verb.i or tok.head.i == tok.i:
            continue
        phrase = phrase_at(tok.head)
        if phrase is not None:
            found[number] = phrase
    return found


def _partitive(noun: Token, partitive_nouns: frozenset[str]) -> bool:
    return (
        noun.pos_ == "NUM"
        or noun.lemma_.lower() in partitive_nouns
        or noun.lower_ in partitive_nouns
    )


def spec_text(code: CodeSpec) -> str:
    forward = code.forward or ""
    return f"{forward}:{code.reverse}" if code.reverse else forward or "---"


def multiword_matches(entry: VerbEntry, verb: Token) -> bool:
    doc = verb.doc
    if entry.after:
        # the verb's own particle (a "prt", an adposition the parser made its adverb, or an
        # adverb right after it: "stepped back"); a preposition after it only for a verb
        # without one ("stepped out in front of", "In Syria, he stepped into" and "stepped
        # back from confrontation in a tense dispute" are no STEP_IN)
        own = [c.lower_ for c in verb.children if _particle(c)]
        particles = own or [c.lower_ for c in verb.rights if c.dep_ == "prep"]
        following = [t.lower_ for t in doc[verb.i + 1 : verb.i + 1 + len(entry.after)]]
        if following != list(entry.after) and not set(entry.after) <= set(particles):
            return False
    if entry.before:
        preceding = [t.lower_ for t in doc[max(0, verb.i - len(entry.before)) : verb.i]]
        if preceding != list(entry.before):
            return False
    return True


def _particle(child: Token) -> bool:
    return child.dep_ == "prt" or (
        child.dep_ == "advmod" and (child.pos_ == "ADP" or child.i == child.head.i + 1)
    )


def verb_keys(verb: Token) -> list[str]:
    lower = verb.lower_
    keys = [verb.lemma_.lower(), lower]
    if verb.tag_ == "VBZ" and lower.endswith("s"):
        keys.insert(0, lower[:-1])  # "hopes" -> "hope", where the lemmatizer says "hop"
    if lower.endswith("ies"):
        keys.append(lower[:-3] + "y")
    if lower.endswith("es"):
        keys.append(lower[:-2])
    if lower.endswith("s"):
        keys.append(lower[:-1])
    if lower.endswith("ed"):
        keys += [lower[:-2], lower[:-1]]
    if lower.endswith("ing"):
        keys += [lower[:-3], lower[:-3] + "e"]
    return keys
