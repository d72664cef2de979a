"""The ``detente_doc`` stage, first of ours: every document has its id (and a date slot)
before the actors, quotes and events stages read them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.extensions import doc_id_of, register_extensions


@Language.component("detente_doc", assigns=["doc._.doc_id", "doc._.date"])
def document_metadata(doc: Doc) -> Doc:
    """The id by the one rule (:func:`~detente.nlp.extensions.doc_id_of`); the date is the
    article's (``make_doc``), or None for ``nlp(text)``."""
    register_extensions()
    doc_id_of(doc)
    return doc
