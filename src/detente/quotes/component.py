"""The ``detente_quotes`` spaCy stage: writes ``doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.knowledge import STAGE_CONFIG, Knowledge, load_knowledge
from detente.nlp.extensions import register_extensions
from detente.quotes.extract import extract_quotes


class QuoteExtractor:
    """Finds direct quotes and reported speech and attributes them to speakers.

    Reads the parse and ``doc._.mentions`` (actors stage, optional); writes
    ``doc._.quotes`` (list of :class:`detente.records.Quote`, sorted by start) and
    appends ``unbalanced-quotes`` warnings to ``doc._.problems``.
    """

    def __init__(
        self, nlp: Language, name: str = "detente_quotes", *, knowledge: Knowledge
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon = knowledge.quote_lexicon  # built once, shared by every doc

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon)
        return doc


@Language.factory(
    "detente_quotes",
    default_config=STAGE_CONFIG,
    requires=["token.dep", "doc._.mentions", "doc._.doc_id"],
    assigns=["doc._.quotes", "doc._.problems"],
)
def make_quote_extractor(
    nlp: Language, name: str, actor_files: list[str], verb_files: list[str], shipped: bool
) -> QuoteExtractor:
    knowledge = load_knowledge(actor_files=actor_files, verb_files=verb_files, shipped=shipped)
    return QuoteExtractor(nlp, name, knowledge=knowledge)
