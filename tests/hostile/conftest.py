"""Fixtures of the hostile suite (helpers are in ``hostile.py``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    """The CLI's own pipeline (default options), built once and shared by CliRunner runs."""
    from detente.pipeline import PipelineOptions

    return PipelineOptions().build()
