"""``detente brief``: one article on one screen."""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from detente.cli.output import plain
from detente.records import DocResult

MAX_ROWS = 12


def actor_table(result: DocResult) -> Table:
    counts: Counter[str] = Counter()
    first: dict[str, object] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    for mention in result.mentions:
        if mention.kind == "place":
            continue
        key = mention.actor_id or f"?{mention.text}"
        counts[key] += 1
        first.setdefault(key, mention)
        forms[key].add(mention.text)
    table = Table(
        "actor",
        "code",
        "kind",
        "n",
        "as",
        title="Actors",
        title_justify="left",
        header_style="bold",
    )
    for key, n in counts.most_common(MAX_ROWS):
        m = first[key]
        also = ", ".join(sorted(forms[key] - {m.name or ""}, key=len)[:3])
        table.add_row(*map(plain, (m.name or m.text, m.code, m.kind, n, also)))
    return table


def place_table(result: DocResult) -> Table:
    table = Table(
        "place",
        "names in text",
        "claimants",
        "lat, lon",
        title="Places",
        title_justify="left",
        header_style="bold",
    )
    seen: dict[str, set[str]] = defaultdict(set)
    info = {}
    for mention in result.mentions:
        if mention.place_id:
            seen[mention.place_id].add(mention.text)
            info.setdefault(mention.place_id, mention)
    for place_id, texts in list(seen.items())[:MAX_ROWS]:
        m = info[place_id]
        where = f"{m.lat:.2f}, {m.lon:.2f}" if m.lat is not None and m.lon is not None else ""
        table.add_row(
            *map(plain, (m.name or m.text, " / ".join(sorted(texts)), " ".join(m.claimants), where))
        )
    return table


def quote_table(result: DocResult) -> Table:
    table = Table(
        "speaker", "code", "kind", "said", title="Quotes", title_justify="left", header_style="bold"
    )
    for quote in result.quotes[:MAX_ROWS]:
        said = quote.text if len(quote.text) <= 110 else quote.text[:107] + "..."
        speaker = quote.speaker_name or quote.speaker or "?"
        table.add_row(*map(plain, (speaker, quote.speaker_actor, quote.kind, said)))
    return table


def event_table(result: DocResult) -> Table:
    table = Table(title="Events", title_justify="left", header_style="bold")
    # one line per event: long actor phrases are cut, the codes stay whole
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("event", no_wrap=True)
    table.add_column("target", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("where", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", min_width=10)
    for event in result.events[: MAX_ROWS + 4]:
        target = f"{event.target.code or '?'} {event.target.text}" if event.target else ""
        evidence = event.trigger.text + (" (negated)" if event.negated else "")
        if event.modality != "asserted":
            evidence += f" [{event.modality}]"
        score = f" {event.goldstein:+.1f}" if event.goldstein is not None else ""
        source = f"{event.source.code or '?'} {event.source.text}"
        code = f"{event.cameo} {event.plover or ''}{score}"
        where = _where(event)
        table.add_row(*map(plain, (event.date, source, code, target, where, evidence)))
    return table


def _where(event) -> str:
    """ "Aleppo SYR" (and how it was chosen when not from the event's clause)."""
    location = event.location
    if location is None:
        return ""
    where = f"{location.name} {location.country or ''}".strip()
    return where if location.method == "clause" else f"{where} ({location.method})"


def render_brief(console: Console, result: DocResult) -> None:
    article = result.article
    head = Text()
    head.append(article.title or article.ref, style="bold")
    meta = " · ".join(
        x for x in (article.section, article.date or "undated", article.source, article.doc_id) if x
    )
    head.append("\n" + meta, style="dim")
    parts = [head]
    if result.skipped:
        parts.append(Text(f"not coded: {result.skipped}", style="yellow"))
    else:
        parts += [
            actor_table(result),
            place_table(result),
            quote_table(result),
            event_table(result),
        ]
    counts = (
        f"{len(result.mentions)} mentions · {len(result.quotes)} quotes · {len(result.events)} events"
        f" · {result.sentences} sentences"
    )
    console.print(Panel(Group(*parts), title="détente brief", subtitle=plain(counts), expand=True))
