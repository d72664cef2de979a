"""The ``detente_quotes`` spaCy stage: writes ``doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.extensions import register_extensions
from detente.quotes.extract import extract_quotes
from detente.quotes.lexicon import load_quote_lexicon


class QuoteExtractor:
    """Finds direct quotes and reported speech and attributes them to speakers.

    Reads the parse and ``doc._.mentions`` (actors stage, optional); writes
    ``doc._.quotes`` (list of :class:`detente.records.Quote`, sorted by start) and
    appends ``unbalanced-quotes`` warnings to ``doc._.problems``.
    """

    def __init__(self, nlp: Language, name: str = "detente_quotes") -> None:
        register_extensions()
        self.name = name
        self.lexicon = load_quote_lexicon()  # built once, shared by every doc

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon)
        return doc


@Language.factory(
    "detente_quotes",
    requires=["token.dep", "doc._.mentions"],
    assigns=["doc._.quotes"],
)
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
