"""An article's text cut into segments, each knowing which facts cover it, so that every
mention, quote and event can be highlighted even where they overlap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from detente.knowledge import load_knowledge

ACTOR_KINDS = frozenset({"person", "organization", "state", "group"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    fact: str  # "m3", "q12", "e40"
    role: str  # css class: actor, place, quote, cue, speaker, trigger, source, target


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    facts: tuple[str, ...]
    roles: tuple[str, ...]


def article_spans(article: dict[str, Any]) -> list[Span]:
    spans = []
    for number, mention in enumerate(article["mentions"]):
        role = "place" if mention["kind"] not in ACTOR_KINDS else "actor"
        spans.append(Span(mention["start_char"], mention["end_char"], f"m{number}", role))
    for quote in article["quotes"]:
        fact = f"q{quote['quote_id']}"
        spans.append(Span(quote["start_char"], quote["end_char"], fact, "quote"))
        for part in ("cue", "speaker"):
            if quote[f"{part}_start"] is not None:
                spans.append(Span(quote[f"{part}_start"], quote[f"{part}_end"], fact, part))
    for event in article["events"]:
        fact = f"e{event['event_id']}"
        for part in ("trigger", "source", "target"):
            if event[f"{part}_start"] is not None:
                spans.append(Span(event[f"{part}_start"], event[f"{part}_end"], fact, part))
    return spans


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """Cut ``text`` at every span edge; each piece lists the facts and roles over it."""
    size = len(text)
    opening: dict[int, list[Span]] = {}
    closing: dict[int, list[Span]] = {}
    for span in spans:
        start, end = max(0, span.start), min(size, span.end)
        if start < end:
            opening.setdefault(start, []).append(span)
            closing.setdefault(end, []).append(span)
    edges = sorted({0, size, *opening, *closing})
    active: dict[Span, None] = {}  # insertion-ordered set
    pieces = []
    for left, right in zip(edges, edges[1:], strict=False):
        for span in closing.get(left, ()):
            active.pop(span, None)
        for span in opening.get(left, ()):
            active[span] = None
        facts = tuple(dict.fromkeys(span.fact for span in active))
        roles = tuple(sorted({span.role for span in active}))
        pieces.append(Segment(text[left:right], facts, roles))
    return pieces


def segments_html(pieces: list[Segment]) -> Markup:
    """The text as HTML, every piece escaped, those under facts in a focusable ``<mark>``
    (built once per article rather than by the template on every request)."""
    out = []
    for piece in pieces:
        if piece.facts:
            out.append(
                f'<mark class="{escape(" ".join(piece.roles))}" '
                f'data-facts="{escape(" ".join(piece.facts))}" tabindex="0">'
                f"{escape(piece.text)}</mark>"
            )
        else:
            out.append(str(escape(piece.text)))
    return Markup("".join(out))


def fact_details(article: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What the fact panel shows for each fact id: a title and (field, value) rows."""
    facts: dict[str, dict[str, Any]] = {}
    for number, m in enumerate(article["mentions"]):
        facts[f"m{number}"] = {
            "type": "place" if m["kind"] not in ACTOR_KINDS else "actor",
            "title": m["text"],
            "rows": _rows(
                ("kind", m["kind"]),
                ("name", m["name"]),
                ("code", m["code"]),
                ("country", m["country"]),
                ("actor id", m["actor_id"]),
                ("place id", m["place_id"]),
                ("claimants", ", ".join(m["claimants"] or ())),
                ("resolved by", m["resolved_by"]),
                ("undated code", "yes" if m["undated"] else None),
                ("spaCy label", m["ner_label"]),
            ),
            "link": f"/actor/{m['actor_id']}" if m["actor_id"] else None,
        }
    for q in article["quotes"]:
        facts[f"q{q['quote_id']}"] = {
            "type": "quote",
            "title": f"{q['speaker'] or 'unknown speaker'} → “{_short(q['text'])}”",
            "rows": _rows(
                ("kind", q["kind"]),
                ("speaker", q["speaker"]),
                ("speaker name", q["speaker_name"]),
                ("speaker code", q["speaker_actor"]),
                ("speaker description", q["speaker_description"]),
                ("cue", q["cue"]),
                ("rule", q["rule"]),
            ),
            "link": f"/actor/{q['speaker_id']}" if q["speaker_id"] else None,
        }
    for e in article["events"]:
        facts[f"e{e['event_id']}"] = {"type": "event", **event_summary(e)}
    return facts


def event_summary(e: dict[str, Any]) -> dict[str, Any]:
    entry = load_knowledge().cameo.lookup(e["cameo"]) if e["cameo"] else None
    source = e["source_code"] or e["source_text"] or "?"
    target = e["target_code"] or e["target_text"] or "—"
    return {
        "title": f"{source} → {e['trigger_text']} → {target}",
        "rows": _rows(
            ("event id", e["event_id"]),
            ("CAMEO", f"{e['cameo']} {entry.name}" if entry else e["cameo"]),
            ("PLOVER", e["plover"]),
            ("quad class", e["quad_class"]),
            ("Goldstein", e["goldstein"]),
            ("source", _actor(e, "source")),
            ("target", _actor(e, "target")),
            ("date", e["date"]),
            ("modality", e["modality"]),
            ("negated", "yes" if e["negated"] else "no"),
            ("confidence", e["confidence"]),
            ("rule", e["rule"]),
        ),
        "link": None,
    }


def _actor(e: dict[str, Any], side: str) -> str | None:
    text, code, name = e[f"{side}_text"], e[f"{side}_code"], e[f"{side}_name"]
    if text is None:
        return None
    described = ", ".join(part for part in (name, code) if part)
    return f"{text} ({described})" if described else text


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(*pairs: tuple[str, Any]) -> list[list[str]]:
    return [[name, str(value)] for name, value in pairs if value not in (None, "")]
