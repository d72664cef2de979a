"""The ``Doc`` extensions our components read and write.

Each component reads what earlier ones wrote and adds its own; none re-parses.
List-valued extensions default to ``None``; read them through :func:`get_list`.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "article",  # records.Article or None
    "doc_id",  # str
    "date",  # datetime.date or None: the article's date
    "mentions",  # list[records.Mention]  (actors component)
    "actors",  # list[records.Actor]
    "places",  # list[records.Place]
    "quotes",  # list[records.Quote]      (quotes component)
    "events",  # list[records.Event]      (events component)
    "problems",  # list[records.Problem]  warnings raised while processing
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register_extensions()
