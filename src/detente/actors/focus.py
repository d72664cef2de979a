"""The country a document is about, the way a reader takes it from the text.

A reader of "the government said" or "guerrillas attacked" supplies the country the story is
about. That *focus* is read off what the document has already been resolved to: every
mention with a country (states, demonyms, places, people and bodies with a known country)
votes for it, mentions near the top more (a headline and lead say what the story is about),
and a dateline ("CARACAS (Reuters) -") votes most. A country is the focus only when it
stands out: it holds a clear share of the votes and leads the next one by a margin;
otherwise there is no focus and nothing is guessed.

The outlet's home country (``cnn.com`` -> USA, from ``data/actors/outlets.tsv``) is a weak
prior, kept apart: only domestic institutions ("Congress", "the special counsel") in a
story without a focus take it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from spacy.tokens import Doc

# How the votes are weighed (fit on the real-news train split only).
LEAD_BONUS = 2.0  # a mention in the first sentence counts 1 + LEAD_BONUS
LEAD_DECAY = 4.0  # ... and the bonus halves roughly every LEAD_DECAY * 0.7 sentences
DATELINE_VOTES = 6.0
MIN_SHARE = 0.3  # the focus holds at least this share of all votes
MIN_LEAD = 1.5  # ... and this many times the votes of the runner-up

DASHES = frozenset({"-", "--", "—", "–"})
DATELINE_TOKENS = 12  # a dateline ends within this many tokens of the start of a line
DATELINE_LINES = 40  # and starts within this many tokens of the document's start


@dataclass(frozen=True, slots=True)
class Focus:
    country: str | None  # the country the document is about (None: none stands out)
    outlet: str | None  # the outlet's home country, a weak prior
    mentions: int = 0  # how many mentions name the focus country (a dateline counts two)


def document_focus(
    votes: list[tuple[int, str]], *, dateline: str | None, outlet: str | None
) -> Focus:
    """The :class:`Focus` of a document from its votes (see :func:`focus_country`)."""
    country = focus_country(votes, dateline=dateline)
    mentions = sum(1 for _, voted in votes if voted == country) + 2 * (dateline == country)
    return Focus(country, outlet, mentions if country is not None else 0)


def focus_country(votes: Iterable[tuple[int, str]], *, dateline: str | None = None) -> str | None:
    """The focus from ``(sentence number, ISO3)`` votes, one per mention with a country."""
    scores: Counter[str] = Counter()
    for sentence, country in votes:
        scores[country] += 1.0 + LEAD_BONUS * math.exp(-sentence / LEAD_DECAY)
    if dateline is not None:
        scores[dateline] += DATELINE_VOTES
    if not scores:
        return None
    ranked = scores.most_common(2)
    top, top_votes = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if top_votes >= MIN_SHARE * sum(scores.values()) and top_votes >= MIN_LEAD * runner_up:
        return top
    return None


def dateline_span(doc: Doc) -> tuple[int, int] | None:
    """The place of a dateline at the start of a line near the top: "CARACAS (Reuters) -",
    "TEHRAN, Iran —", "Paris (CNN)". The place is written in capitals before a dash, or
    is any name right before a parenthesised credit. (start, end) of the place's tokens."""
    limit = min(len(doc), DATELINE_LINES)
    for start in range(limit):
        if start > 0 and "\n" not in doc[start - 1].text_with_ws:
            continue
        found = _dateline_at(doc, start)
        if found is not None:
            return found
    return None


def _dateline_at(doc: Doc, start: int) -> tuple[int, int] | None:
    end = start
    stop = min(len(doc), start + DATELINE_TOKENS)
    while end < stop and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if end == start:
        return None
    capitals = all(t.is_upper for t in doc[start:end])
    after = end
    if after + 2 < stop and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "(Reuters)", "(CNN)": the credit says it is a dateline
        return (start, end) if after < len(doc) else None
    if not capitals:
        return None
    # "TEHRAN, Iran —": the country after the city belongs to the dateline's place
    place_end = end
    if after + 1 < stop and doc[after].text == "," and doc[after + 1].text[:1].isupper():
        after += 2
        while after < stop and doc[after].is_alpha and doc[after].text[:1].isupper():
            after += 1
        place_end = after
    if after < stop and doc[after].text in DASHES:
        return start, place_end
    return None


def outlet_country(url: str | None, outlets: dict[str, str]) -> str | None:
    """The home country of the outlet whose web address is ``url`` ("www.cnn.com/..." ->
    USA), by its domain or a parent domain in ``outlets``."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    parts = host.lower().split(".")
    for cut in range(len(parts) - 1):
        found = outlets.get(".".join(parts[cut:]))
        if found is not None:
            return found
    return None
