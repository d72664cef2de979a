"""Countries for the actors a text leaves unattached, the way a reader supplies them.

"The government", "guerrillas", "the special counsel", "Mr Jackson", "the SEC": the text
names an actor's kind but not its country. A reader takes the country from, in order:

1. an explicit owner ("Nepal's army", "Japanese officials") -- the role phrases do that
   before this pass, so those arrive here with a country;
2. an **antecedent** of the same kind: the latest mention of the same sector with a
   country, a few sentences back at most ("the Nepalese government ... the government");
3. the document's **focus** (:mod:`detente.actors.focus`): the country the story is about.
   A named body the knowledge base does not know ("Ernst & Young" -- no sector, no
   country) is often foreign to the story, named for its own sake: it takes the focus only
   when more than one mention makes it ("Ernst & Young and Japan signed" is not about a
   Japanese firm), or when the story keeps naming the body itself: a body named again and
   again is one of the story's own ("the Labour Party" in a British story that names
   Britain once);
4. the **outlet**'s home country, only for domestic institutions (``domestic_sectors``:
   "Congress" in a CNN story without a focus).

Before 2-4, the actor's own phrase. A person the knowledge base does not know, named after
the body they serve inside their own noun phrase ("State Department senior adviser Marie
Harf", "Rear Admiral Gregory Smith"), is an actor of that body: its code, for every later
mention of the person too ("+phrase"). And the actor's own words: a region or bloc word ("European powers", "Western
diplomats", "Arab partners": ``region_words``) makes it an actor of that CAMEO region, not
of the story's country; a word saying it is not from here ("foreign firms") leaves it
without a country rather than give it the focus or an antecedent's.

One decision per actor: every mention of the same actor (an unnamed official's later
"the official", an unknown person's surname, a pronoun) gets the same country. The rule
that decided is appended to ``resolved_by`` ("role+antecedent", "ner+focus",
"role+outlet").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from detente.actors.coding import Resolution, code_blocks, join_code
from detente.actors.focus import Focus

ANTECEDENT_SENTENCES = 2  # an antecedent of the same kind is at most this many sentences back
NAMED_BODY_FOCUS_MENTIONS = 2  # a named body of no known sector needs a focus this well backed
NAMED_BODY_OWN_MENTIONS = 2  # ... or to be named this often itself
ATTACHABLE_KINDS = frozenset({"person", "group", "organization"})
BODY_KINDS = frozenset({"state", "group", "organization"})  # what a person may serve
# rules whose resolutions speak for the text itself, not for what it points back to
NOT_VOTING = frozenset({"pronoun"})
# the rules that lend a mention a country from the context, not its own words (appended to
# its ``resolved_by``: "role+antecedent", "ner+focus")
CONTEXT_RULES = frozenset({"antecedent", "focus", "outlet"})

Item = tuple[int, int, Resolution, str | None]  # token start, end, resolution, NER label


def sector_of_code(code: str | None, sectors: frozenset[str]) -> str | None:
    """A code made of sectors alone ("MED", "GOVBUS") -- an actor whose country the text
    must supply; None for a code with a country or of a body that has none (IGOUNO)."""
    if not code:
        return None
    return code if all(block in sectors for block in code_blocks(code)) else None


def attachable(resolution: Resolution, sectors: frozenset[str]) -> bool:
    """An actor with no country whose code, if any, is sectors alone."""
    return (
        resolution.country is None
        and resolution.kind in ATTACHABLE_KINDS
        and (resolution.code is None or sector_of_code(resolution.code, sectors) is not None)
    )


def focus_votes(items: list[Item], sentence_of: list[int]) -> list[tuple[int, str]]:
    """(sentence number, country) of every mention that names a country on its own."""
    return [
        (sentence_of[start], resolution.country)
        for start, _end, resolution, _label in items
        if resolution.country and resolution.resolved_by not in NOT_VOTING
    ]


def attach_countries(
    items: list[Item],
    *,
    sentence_of: list[int],
    focus: Focus,
    sectors: frozenset[str],
    domestic_sectors: frozenset[str],
    words: Sequence[str] = (),
    region_words: Mapping[str, str | None] | None = None,
    phrase_start: Callable[[int, int], int] | None = None,
) -> list[Item]:
    """``items`` in text order, with a country for every attachable actor the context
    gives one (see the module doc). ``words``: the document's lower-cased tokens, read for
    ``region_words``; ``phrase_start(start, end)``: where the noun phrase of the mention at
    those tokens starts (its premodifiers)."""
    regions = region_words or {}
    bodies: list[Item] = []  # coded bodies so far: a later person's phrase may hold one
    served: dict[str, Resolution] = {}  # person actor_id -> the body they serve
    named = Counter(  # how often each actor is named (a pronoun names nobody)
        r.actor_id for _s, _e, r, _l in items if r.actor_id and r.resolved_by not in NOT_VOTING
    )
    recent: dict[str, tuple[int, str]] = {}  # sector -> (sentence, country) of its latest mention
    decided: dict[str, tuple[str, str] | None] = {}  # actor_id -> (country, how) or None
    attached: list[Item] = []
    for start, end, resolution, label in items:
        sentence = sentence_of[start]
        sector = _sector(resolution, sectors)
        body = _served_body(resolution, start, end, bodies, served, phrase_start)
        if body is not None and attachable(resolution, sectors):
            resolution = serving(resolution, body)
        elif attachable(resolution, sectors):
            own = [regions[w] for w in words[start:end] if w in regions]
            if own:  # "European powers", "foreign firms": not the story's country
                resolution = with_region(resolution, own[0]) if own[0] else resolution
            else:
                times = named[resolution.actor_id] if resolution.actor_id else 1
                choice = _decide(
                    resolution, sector, sentence, recent, decided, focus, domestic_sectors, times
                )
                if choice is not None:
                    resolution = with_country(resolution, *choice)
        if resolution.country and sector:
            recent[sector] = (sentence, resolution.country)
        if resolution.country and resolution.kind in BODY_KINDS and resolution.sector:
            bodies.append((start, end, resolution, label))
        attached.append((start, end, resolution, label))
    return attached


def _served_body(
    resolution: Resolution,
    start: int,
    end: int,
    bodies: list[Item],
    served: dict[str, Resolution],
    phrase_start: Callable[[int, int], int] | None,
) -> Resolution | None:
    """The coded body an unknown person's own noun phrase names before the name (the
    nearest), or the one an earlier mention of the same person served."""
    if resolution.kind != "person" or resolution.actor_id is None:
        return None
    if resolution.actor_id in served:
        return served[resolution.actor_id]
    if phrase_start is None:
        return None
    left = phrase_start(start, end)
    inside = [item for item in bodies if left <= item[0] and item[1] <= start]
    if not inside:
        return None
    body = inside[-1][2]
    served[resolution.actor_id] = body
    return body


def serving(resolution: Resolution, body: Resolution) -> Resolution:
    """An unknown person as a member of ``body`` (its code, country and sector)."""
    return replace(
        resolution,
        code=body.code,
        country=body.country,
        sector=body.sector,
        resolved_by=f"{resolution.resolved_by}+phrase",
    )


def _decide(
    resolution: Resolution,
    sector: str | None,
    sentence: int,
    recent: dict[str, tuple[int, str]],
    decided: dict[str, tuple[str, str] | None],
    focus: Focus,
    domestic_sectors: frozenset[str],
    times_named: int = 1,
) -> tuple[str, str] | None:
    """The context's (country, rule) for an attachable actor named ``times_named`` times in
    the document, once per actor."""
    key = resolution.actor_id
    if key is not None and key in decided:
        return decided[key]
    # a person's office is matched by its title (the role phrases did that), never
    # by a sector: "the queen" is not whoever of the same sector came last
    of_kind = sector if resolution.kind != "person" else None
    weak = (
        resolution.kind == "organization"
        and sector is None
        and focus.mentions < NAMED_BODY_FOCUS_MENTIONS
        and times_named < NAMED_BODY_OWN_MENTIONS
    )
    usable = replace(focus, country=None) if weak else focus
    choice = _choose(of_kind, sector, sentence, recent, usable, domestic_sectors)
    if key is not None:
        decided[key] = choice
    return choice


def _sector(resolution: Resolution, sectors: frozenset[str]) -> str | None:
    sector = resolution.sector or sector_of_code(resolution.code, sectors)
    return sector[:3] if sector else None


def _choose(
    of_kind: str | None,
    sector: str | None,
    sentence: int,
    recent: dict[str, tuple[int, str]],
    focus: Focus,
    domestic_sectors: frozenset[str],
) -> tuple[str, str] | None:
    """(country, which rule gave it) for an actor of ``sector`` met in ``sentence``;
    ``of_kind``: the sector whose latest body is its antecedent (None: no antecedent)."""
    antecedent = recent.get(of_kind) if of_kind else None
    if antecedent is not None and sentence - antecedent[0] <= ANTECEDENT_SENTENCES:
        return antecedent[1], "antecedent"
    if focus.country is not None:
        return focus.country, "focus"
    if focus.outlet is not None and sector in domestic_sectors:
        return focus.outlet, "outlet"
    return None


def with_region(resolution: Resolution, region: str) -> Resolution:
    """The actor as an actor of a CAMEO region ("EUR"): no country, the region leads its code."""
    base = resolution.code or resolution.sector
    return replace(
        resolution,
        code=join_code(region, base) if base else region,
        sector=base,
        resolved_by=f"{resolution.resolved_by}+region",
    )


def with_country(resolution: Resolution, country: str, how: str) -> Resolution:
    """The actor as an actor of ``country``: its sectors (if any) after the country."""
    base = resolution.code or resolution.sector
    return replace(
        resolution,
        code=join_code(country, base) if base else country,
        country=country,
        sector=base,
        resolved_by=f"{resolution.resolved_by}+{how}",
    )
