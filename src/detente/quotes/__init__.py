"""Quotes: direct and reported statements with their speakers (issue 3).

The spaCy stage is :mod:`detente.quotes.component` (factory ``detente_quotes``);
the rules live in :mod:`detente.quotes.extract`, the quote-mark scanner in
:mod:`detente.quotes.marks`, speaker spans and their canonical identity in
:mod:`detente.quotes.speakers`; the words and marks are the knowledge layer's
(:class:`detente.knowledge.quotes.QuoteLexicon`, from ``data/quotes/`` and ``data/english/``).
"""

from detente.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
