"""The web app (``detente serve``): a read-only view of a store, HTML and JSON from the
same routes. ``create_app(db)`` builds it; ``detente.web.queries.Explorer`` holds its
queries."""

from __future__ import annotations


def create_app(db):
    """The FastAPI app over the store ``db`` (see ``detente.web.app.create_app``)."""
    from detente.web.app import create_app as build

    return build(db)
