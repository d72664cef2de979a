"""The ``Doc`` extensions our components read and write.

Each component reads what earlier ones wrote and adds its own; none re-parses.
List-valued extensions default to ``None``; read them through :func:`get_list`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from detente.records import make_doc_id

DOC_EXTENSIONS = (
    "article",  # records.Article or None
    "doc_id",  # str
    "date",  # datetime.date or None: the article's date
    "furniture",  # list[nlp.segments.Furniture]  datelines, captions ... (segments component)
    "mentions",  # list[records.Mention]  (actors component)
    "actors",  # list[records.Actor]
    "places",  # list[records.Place]
    "quotes",  # list[records.Quote]      (quotes component)
    "events",  # list[records.Event]      (events component)
    "problems",  # list[records.Problem]  warnings raised while processing
    "text_cache",  # str: the Doc's text, kept once read (see doc_text)
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """The Doc's text. ``Doc.text`` rebuilds it token by token (a ``Token`` object per
    token, every call); this returns the article's text when the Doc was made from it,
    else ``Doc.text`` read once and kept on the Doc (tokens never change the text)."""
    text = doc._.text_cache
    if text is not None:
        return text
    article = doc._.article
    text = None
    if article is not None and len(doc):
        last = doc[-1]
        if len(article.text) == last.idx + len(last.text_with_ws):
            text = article.text
    if text is None:
        text = doc.text
    doc._.text_cache = text
    return text


def doc_id_of(doc: Doc) -> str:
    """The document's id, by one rule for every stage: the article's (``make_doc`` sets
    it), else the hash of the text (``nlp(text)``), kept on the ``Doc`` once made."""
    doc_id = doc._.doc_id
    if not doc_id:
        doc_id = doc._.doc_id = make_doc_id(doc_text(doc))
    return doc_id


def get_list(doc: Doc, name: str) -> list:
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register_extensions()
