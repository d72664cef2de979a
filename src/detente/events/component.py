"""The ``detente_events`` spaCy component: writes ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.events.coder import EventCoder
from detente.events.lexicon import build_lexicon
from detente.nlp.extensions import register_extensions

_CODERS: dict[tuple[tuple[str, ...], bool], EventCoder] = {}


def get_coder(user_verbs: tuple[str, ...] = (), shipped_kb: bool = True) -> EventCoder:
    """One coder per lexicon configuration per process (the lexicon loads once)."""
    key = (tuple(str(p) for p in user_verbs), shipped_kb)
    coder = _CODERS.get(key)
    if coder is None:
        coder = EventCoder(build_lexicon(user_verbs=key[0], shipped_kb=shipped_kb))
        _CODERS[key] = coder
    return coder


class EventsComponent:
    def __init__(
        self, nlp: Language, name: str, *, user_verbs: list[str], shipped_kb: bool
    ) -> None:
        register_extensions()
        self.name = name
        self.coder = get_coder(tuple(user_verbs), shipped_kb)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder.code_doc(doc)
        return doc


@Language.factory(
    "detente_events",
    default_config={"user_verbs": [], "shipped_kb": True},
    requires=["token.dep", "doc._.mentions"],
    assigns=["doc._.events"],
)
def make_events_component(
    nlp: Language, name: str, user_verbs: list[str], shipped_kb: bool
) -> EventsComponent:
    return EventsComponent(nlp, name, user_verbs=user_verbs, shipped_kb=shipped_kb)
