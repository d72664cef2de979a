"""Hand-built coded articles for the store's dedup, panel and export tests.

``story(ref, date, [coded(...), ...])`` writes one sentence per event ("Abe met Trump.")
after a lead paragraph, so offsets, sentences and the lead are all real.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from detente.records import Actor, Article, DocResult, Event, EventActor, Mention, TextSpan

# (actor_id, name, code, country, sector)
ABE = ("person:shinzo-abe", "Shinzo Abe", "JPNGOV", "JPN", "GOV")
TRUMP = ("person:donald-trump", "Donald Trump", "USAGOV", "USA", "GOV")
XI = ("person:xi-jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
PUTIN = ("person:vladimir-putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
UN = ("org:united-nations", "United Nations", "IGOUNO", None, None)

CAMEO = {  # code: (plover, quad class, goldstein, verb)
    "040": ("CONSULT", 1, 1.0, "met"),
    "042": ("CONSULT", 1, 1.9, "visited"),
    "043": ("CONSULT", 1, 2.8, "hosted"),
    "051": ("SUPPORT", 1, 3.4, "praised"),
    "057": ("AGREE", 1, 8.0, "signed with"),
    "111": ("ACCUSE", 3, -2.0, "criticized"),
    "163": ("SANCTION", 4, -8.0, "sanctioned"),
    "190": ("ASSAULT", 4, -10.0, "attacked"),
}


@dataclass(frozen=True)
class Coded:
    source: tuple
    target: tuple | None
    cameo: str
    modality: str = "asserted"
    negated: bool = False
    date: str | None = "same"  # "same" = the article's date
    both_ways: bool = False  # also the reverse event from the same words (symmetric)
    reverse_cameo: str | None = None  # the reverse event's code (043 for a 042 visit)
    symmetric: bool = False  # one event of a mutual act (Event.symmetric)


def coded(source, target, cameo, **kw) -> Coded:
    return Coded(source, target, cameo, **kw)


def _surname(who: tuple) -> str:
    return who[1].split()[-1]


def _coded(code: str) -> dict:
    plover, quad, goldstein, _verb = CAMEO[code]
    return {
        "cameo": code,
        "cameo_root": code[:2],
        "plover": plover,
        "quad_class": quad,
        "goldstein": goldstein,
    }


def _actor_at(text, doc_id, who: tuple, after: int, mentions: list, actors: dict) -> EventActor:
    word = _surname(who)
    at = text.index(word, after)
    mentions.append(Mention(doc_id, at, at + len(word), word, "person", *who, "kb"))
    actors[who[0]] = Actor(who[0], who[1], "person", *who[2:])
    return EventActor(word, at, at + len(word), *who)


def story(
    ref: str,
    date: str | None,
    events: list[Coded],
    *,
    outlet: str | None = "Wire",
    url: str | None = "default",
    lead: str = "A lead paragraph about diplomacy.",
    in_lead: bool = False,
) -> DocResult:
    """An article: the lead paragraph (holding the events when ``in_lead``), then one
    paragraph per event sentence."""
    sentences = [
        f"{_surname(c.source)} {CAMEO[c.cameo][3]} {_surname(c.target) if c.target else 'reporters'}."
        for c in events
    ]
    if in_lead:
        text = f"Title {ref}\n\n" + " ".join(sentences) + "\n" + lead
    else:
        text = f"Title {ref}\n\n{lead}\n" + "\n".join(sentences)
    body_start = len(f"Title {ref}\n\n")
    article = Article(
        ref=ref,
        text=text,
        title=f"Title {ref}",
        date=date,
        source=outlet,
        url=f"https://news.example/{ref}" if url == "default" else url,
        body_start=body_start,
        lang="en",
    )
    doc_id = article.doc_id
    out_events: list[Event] = []
    mentions: list[Mention] = []
    actors: dict[str, Actor] = {}
    position = body_start
    for c, sentence in zip(events, sentences, strict=True):
        start = text.index(sentence, position)
        position = start + len(sentence)
        verb = CAMEO[c.cameo][3]
        trigger_start = text.index(verb, start)
        trigger = TextSpan(verb, trigger_start, trigger_start + len(verb))
        source = _actor_at(text, doc_id, c.source, start, mentions, actors)
        target = (
            _actor_at(text, doc_id, c.target, trigger.end, mentions, actors) if c.target else None
        )
        forward = Event(
            doc_id=doc_id,
            start=trigger.start,
            end=trigger.end,
            sentence_start=start,
            sentence_end=start + len(sentence),
            trigger=trigger,
            date=date if c.date == "same" else c.date,
            source=source,
            target=target,
            negated=c.negated,
            modality=c.modality,
            rule=f"{verb}-rule",
            symmetric=c.symmetric,
            **_coded(c.cameo),
        )
        out_events.append(forward)
        if c.both_ways and target is not None:
            reverse = replace(
                forward, source=target, target=source, **_coded(c.reverse_cameo or c.cameo)
            )
            out_events.append(reverse)
    return DocResult(
        article,
        sentences=len(sentences) + 1,
        mentions=mentions,
        actors=list(actors.values()),
        events=out_events,
    )


def fill(store, results: list[DocResult], *, provenance: dict | None = None) -> int:
    """Write ``results`` as one finished run (which also deduplicates); returns the run id."""
    extra = {"provenance": provenance} if provenance else {}
    run_id = store.begin_run(command="run", args={"paths": ["x"]}, **extra)
    store.write_results(results, run_id=run_id)
    store.finish_run(run_id, status="finished", summary={"documents": len(results)})
    return run_id
