"""Quotes: direct and reported statements with their speakers (issue 3).

The spaCy stage is :mod:`detente.quotes.component` (factory ``detente_quotes``);
the rules live in :mod:`detente.quotes.extract`, the quote-mark scanner in
:mod:`detente.quotes.marks`, speaker spans and their canonical identity in
:mod:`detente.quotes.speakers`, and the word lists in ``data/quotes/``.
"""

from detente.quotes.extract import extract_quotes
from detente.quotes.lexicon import QuoteLexicon, load_quote_lexicon

__all__ = ["extract_quotes", "QuoteLexicon", "load_quote_lexicon"]
