"""The ``detente_events`` spaCy component: writes ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.events.coder import EventCoder
from detente.events.location import locate_events, located_places
from detente.knowledge import STAGE_CONFIG, Knowledge, load_knowledge
from detente.nlp.extensions import register_extensions


class EventsComponent:
    """Codes the events of each document from its parse, mentions, quotes and date."""

    def __init__(
        self, nlp: Language, name: str = "detente_events", *, knowledge: Knowledge
    ) -> None:
        register_extensions()
        self.name = name
        self.coder = EventCoder(knowledge)
        self.gazetteer = knowledge.kb.gazetteer

    def __call__(self, doc: Doc) -> Doc:
        events = locate_events(doc, self.coder.code_doc(doc), self.gazetteer)
        doc._.events = events
        if any(event.location is not None for event in events):
            doc._.places = located_places(events, doc._.places or [], self.gazetteer)
        return doc


@Language.factory(
    "detente_events",
    default_config=STAGE_CONFIG,
    requires=["token.dep", "doc._.mentions", "doc._.quotes", "doc._.date", "doc._.doc_id"],
    assigns=["doc._.events", "doc._.places"],
)
def make_events_component(
    nlp: Language, name: str, actor_files: list[str], verb_files: list[str], shipped: bool
) -> EventsComponent:
    knowledge = load_knowledge(actor_files=actor_files, verb_files=verb_files, shipped=shipped)
    return EventsComponent(nlp, name, knowledge=knowledge)
