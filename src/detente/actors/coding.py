"""CAMEO codes of resolved references: dated codes of known actors, states joined with agents."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from detente.kb import KBActor, KBPlace, KnowledgeBase


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one reference resolves to (offsets live with the reference, not here)."""

    kind: str  # person | organization | state | place | group
    actor_id: str | None
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    resolved_by: str
    undated: bool = False
    place: KBPlace | None = None

    def via(self, resolved_by: str) -> Resolution:
        """The same actor reached by another rule (alias, role, pronoun...). A state's land
        was read from the words that named it ("UK-based"), not from these ("it")."""
        place = None if self.kind == "state" else self.place
        return replace(self, resolved_by=resolved_by, place=place)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def split_code(code: str | None, country: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: "JPNGOV" -> ("JPN", "GOV"); "IGOUNO" -> (None, None)."""
    if not code:
        return country, None
    if country and code.startswith(country):
        return country, code[len(country) :][:3] or None
    return country, None


def resolve_known(
    kb: KnowledgeBase, actor: KBActor, when: date | None, resolved_by: str
) -> Resolution:
    """A KB actor coded as of ``when`` (None: its latest role, marked undated)."""
    code, undated = kb.code_at(actor, when)
    if code is None and actor.kind == "state" and actor.country:
        code = actor.country
    country = actor.country if actor.country and kb.state(actor.country) is not None else None
    if country is not None and code and not code.startswith(country):
        country = None  # "IGOUNO" for the UN's Secretary-General: he acts for the organization
    if country is None and code and kb.state(code[:3]) is not None:
        country = code[:3]
    country, sector = split_code(code, country)
    if actor.source.startswith("user:") and resolved_by == "kb":
        resolved_by = "user-dictionary"
    return Resolution(
        kind=actor.kind,
        actor_id=actor.actor_id,
        name=actor.name,
        code=code,
        country=country,
        sector=sector,
        resolved_by=resolved_by,
        undated=undated,
    )


def resolve_place(
    place: KBPlace, resolved_by: str = "kb", *, country: str | None = None
) -> Resolution:
    """A place; ``country``: the one it lies in on the article's date, if not its own."""
    return Resolution(
        kind="place",
        actor_id=None,
        name=place.name,
        code=None,
        country=country or place.country,
        sector=None,
        resolved_by=resolved_by,
        place=place,
    )


def resolve_state(
    kb: KnowledgeBase, iso3: str, *, sector: str | None = None, resolved_by: str = "kb"
) -> Resolution:
    """A state acting as such ("Japan"), or its government through a seat ("the Kremlin")."""
    state = kb.state(iso3)
    name = state.name if state is not None else iso3
    return Resolution(
        kind="state",
        actor_id=state.actor_id if state is not None else f"state:{iso3}",
        name=name,
        code=join_code(iso3, sector),
        country=iso3,
        sector=sector,
        resolved_by=resolved_by,
    )


SECTOR_LENGTH = 3  # CAMEO codes are blocks of three letters


def code_blocks(code: str) -> list[str]:
    """ "AFGRELINS" -> ["AFG", "REL", "INS"]: a code's three-letter blocks."""
    return [code[i : i + SECTOR_LENGTH] for i in range(0, len(code), SECTOR_LENGTH)]


def join_code(base: str, sector: str | None) -> str:
    """ "JPN" + "GOV" -> "JPNGOV", without doubling a sector the base already ends with."""
    if not sector or base.endswith(sector):
        return base
    return base + sector


def resolve_agent(
    owner: Resolution | None,
    sector: str,
    *,
    person: bool,
    name: str,
    resolved_by: str,
    prefix: bool = False,
) -> Resolution:
    """An agent word joined with whom it belongs to, the way PETRARCH composes codes:
    "Japanese officials" -> group JPNGOV; a prefix agent ("[NGO~]") goes before the
    country: "Gondor human rights body" -> NGOGON; an organization's agents other than its
    officials extend its code: "activists of Amnesty International" -> NGM + OPP = NGMOPP."""
    kind = "person" if person else "group"
    if owner is None or (owner.code is None and owner.country is None):
        return Resolution(kind, None, name, None, None, sector, resolved_by)
    if owner.kind in ("organization", "group") and owner.code and owner.country is None:
        # its officials and spokesmen are the organization itself ("U.N. official" ->
        # IGOUNO, as Phoenix codes them); other agents extend a bare type code (NGM + OPP),
        # never a code that names the body already: "Islamic State militants" are
        # IMGMUSISI, not IMGMUSISIUAF (one sector per code)
        extend = sector != "GOV" and len(owner.code) <= SECTOR_LENGTH
        code = join_code(owner.code, sector) if extend else owner.code
        return Resolution(
            kind, f"{kind}:{code}" if not person else None, name, code, None, None, resolved_by
        )
    country = owner.country
    if prefix and not country.startswith(sector):
        code = sector + country
    else:
        code = join_code(country, sector)
    return Resolution(
        kind,
        f"{kind}:{code}" if not person else None,
        name,
        code,
        country,
        sector,
        resolved_by,
        owner.undated,
    )
