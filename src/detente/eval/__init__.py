"""Evaluation against the development gold sets (``detente eval``)."""
