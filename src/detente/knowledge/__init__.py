"""One knowledge layer: everything détente knows, read by one reader into one object.

Every file under ``src/detente/data/`` is declared in :mod:`detente.knowledge.files` and
read by :mod:`detente.knowledge.tables`; typed loaders turn the rows into lexicons and
tables. A :class:`Knowledge` holds them all for one configuration (user dictionaries,
shipped data on or off) and builds each part the first time a stage asks for it, so a
pipeline that codes only actors never reads the verb lexicon. Every part is built once
per process, whichever ``Knowledge`` asks for it first::

    knowledge = load_knowledge(actor_files=["my.actors.txt"])
    knowledge.kb.actors_by_name("Shinzo Abe")
    knowledge.cameo.lookup("042").plover          # "CONSULT"
    knowledge.function_words.of("negator")        # {"not", "n't", "never", "no"}

The spaCy stages get it at construction (``load_knowledge`` with their config), so every
stage of a pipeline shares one object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from detente.events.lexicon import VerbLexicon
    from detente.kb.base import KnowledgeBase
    from detente.knowledge.actors import ActorLexicon
    from detente.knowledge.events import Cameo, ClauseWords, DateWords, PloverGsr
    from detente.knowledge.quotes import QuoteLexicon
    from detente.knowledge.words import FunctionWords, NewsFurniture, SpeechVerbs

T = TypeVar("T")

# The configuration every détente stage is built with (spaCy factory config): it names the
# one Knowledge the stages of a pipeline share.
STAGE_CONFIG = {"actor_files": [], "verb_files": [], "shipped": True}

# The one cache of the knowledge layer: each part, by what it is built from.
_BUILT: dict[tuple, Any] = {}


def _once(key: tuple, build: Callable[[], T]) -> T:
    if key not in _BUILT:
        _BUILT[key] = build()
    return _BUILT[key]


class Knowledge:
    """The knowledge of one configuration: ``actor_files`` and ``verb_files`` are user
    dictionaries in PETRARCH format (they extend and override the shipped data);
    ``shipped=False`` leaves out the shipped actors and verbs (the word lists and code
    tables stay: they are the rules' vocabulary, not dictionary entries)."""

    def __init__(
        self,
        *,
        actor_files: Sequence[str] = (),
        verb_files: Sequence[str] = (),
        shipped: bool = True,
    ) -> None:
        # paths as given, so errors name the file the way the user wrote it
        self.actor_files = tuple(str(f) for f in actor_files)
        self.verb_files = tuple(str(f) for f in verb_files)
        self.shipped = shipped

    def __repr__(self) -> str:
        return (
            f"Knowledge(actor_files={self.actor_files!r}, verb_files={self.verb_files!r}, "
            f"shipped={self.shipped!r})"
        )

    # -- shared by every configuration ---------------------------------------------------------
    @cached_property
    def function_words(self) -> FunctionWords:
        from detente.knowledge.words import load_function_words

        return _once(("function words",), load_function_words)

    @cached_property
    def speech_verbs(self) -> SpeechVerbs:
        from detente.knowledge.words import load_speech_verbs

        return _once(("speech verbs",), load_speech_verbs)

    @cached_property
    def news_furniture(self) -> NewsFurniture:
        from detente.knowledge.words import load_news_furniture

        return _once(("news furniture",), load_news_furniture)

    @cached_property
    def actor_lexicon(self) -> ActorLexicon:
        from detente.knowledge.actors import load_actor_lexicon

        return _once(
            ("actor lexicon",),
            lambda: load_actor_lexicon(self.function_words, self.speech_verbs),
        )

    @cached_property
    def quote_lexicon(self) -> QuoteLexicon:
        from detente.knowledge.quotes import load_quote_lexicon

        return _once(
            ("quote lexicon",),
            lambda: load_quote_lexicon(self.function_words, self.speech_verbs),
        )

    @cached_property
    def clause_words(self) -> ClauseWords:
        from detente.knowledge.events import load_clause_words

        return _once(("clause words",), lambda: load_clause_words(self.function_words))

    @cached_property
    def cameo(self) -> Cameo:
        from detente.knowledge.events import load_cameo

        return _once(("cameo",), load_cameo)

    @cached_property
    def date_words(self) -> DateWords:
        from detente.knowledge.events import load_date_words

        return _once(("date words",), lambda: load_date_words(self.function_words))

    @cached_property
    def plover_gsr(self) -> PloverGsr:
        from detente.knowledge.events import load_plover_gsr

        return _once(("plover gsr",), load_plover_gsr)

    # -- by configuration ----------------------------------------------------------------------
    @cached_property
    def kb(self) -> KnowledgeBase:
        """Actors, places, agents: the shipped base plus the user actor/agent files."""
        from detente.kb.load import build_kb

        return _once(
            ("kb", self.actor_files, self.shipped),
            lambda: build_kb(self.actor_files, shipped=self.shipped),
        )

    @cached_property
    def verbs(self) -> VerbLexicon:
        """The verb lexicon: the shipped one plus the user verb files (which win)."""
        from detente.events.lexicon import VerbLexicon, parse_petrarch_verbs, read_shipped_lexicon

        def build() -> VerbLexicon:
            lexicon = VerbLexicon()
            if self.shipped:
                lexicon.merge(_once(("shipped verbs",), read_shipped_lexicon))
            for path in self.verb_files:
                lexicon.merge(_once(("user verbs", path), lambda p=path: parse_petrarch_verbs(p)))
            return lexicon

        return _once(("verbs", self.verb_files, self.shipped), build)


def load_knowledge(
    *, actor_files: Sequence[str] = (), verb_files: Sequence[str] = (), shipped: bool = True
) -> Knowledge:
    """The knowledge of one configuration; the same object for the same arguments."""
    key = (tuple(str(f) for f in actor_files), tuple(str(f) for f in verb_files), shipped)
    return _once(
        ("knowledge", *key),
        lambda: Knowledge(actor_files=key[0], verb_files=key[1], shipped=shipped),
    )


__all__ = ["STAGE_CONFIG", "Knowledge", "load_knowledge"]
