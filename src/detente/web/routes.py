"""Every route of the web app. A view serves HTML at its path and the same data as JSON
under /api (``/dyad/JPN/RUS`` and ``/api/dyad/JPN/RUS``); only the /api routes are in the
OpenAPI schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from detente.errors import UsageError
from detente.web import highlight, validation
from detente.web.app import BadRequest, DataJSON, wants_json
from detente.web.queries import MAX_PAGE, PERIODS, EventFilter, Explorer, truncate
from detente.web.search import SearchIndex, snippet

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page (1–{MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Key = Annotated[str, Query(min_length=1, max_length=100)]


def explorer(request: Request) -> Explorer:
    return request.app.state.explorer


def search_index(request: Request) -> SearchIndex:
    return request.app.state.search


def parse_date(value: str | None, name: str) -> dt.date | None:
    if value is None or not value.strip():
        return None  # an empty form field
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(f"{name}={value!r} is not a date (use YYYY-MM-DD)") from None


def event_filter(
    date_from: Annotated[
        str | None, Query(alias="from", max_length=10, description="first date, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", max_length=10, description="last date, YYYY-MM-DD")
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=100, description="either side: ISO3, code prefix or actor id"),
    ] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER category")] = None,
    cameo: Annotated[
        str | None, Query(max_length=4, pattern=r"^\d{0,4}$", description="CAMEO code prefix")
    ] = None,
    quad: Annotated[str | None, Query(max_length=1, pattern=r"^[1-4]?$")] = None,
    asserted: Annotated[bool, Query(description="count only asserted, non-negated events")] = True,
) -> EventFilter:
    try:
        return EventFilter(
            date_from=parse_date(date_from, "from"),
            date_to=parse_date(date_to, "to"),
            actor=(actor or "").strip() or None,
            plover=(plover or "").strip() or None,
            cameo=cameo or None,
            quad_class=int(quad) if quad else None,
            asserted=asserted,
        )
    except UsageError as e:
        raise BadRequest(str(e)) from None


Filter = Annotated[EventFilter, Depends(event_filter)]
Ex = Annotated[Explorer, Depends(explorer)]


def respond(
    request: Request,
    template: str,
    data: dict[str, Any],
    html: Callable[[], dict[str, Any]] | None = None,
) -> Response:
    """JSON of ``data`` under /api; else the page, with ``html()`` added to its context."""
    if wants_json(request):
        return DataJSON(data)
    context = {**data, **(html() if html else {})}
    return request.app.state.templates.TemplateResponse(request, template, context)


def view(html_path: str, api_path: str, summary: str) -> Callable:
    """Register ``endpoint`` at ``html_path`` (a page) and ``api_path`` (JSON, documented)."""

    def register(endpoint: Callable) -> Callable:
        router.add_api_route(
            html_path,
            endpoint,
            methods=["GET"],
            include_in_schema=False,
            response_class=HTMLResponse,
        )
        router.add_api_route(
            api_path,
            endpoint,
            methods=["GET"],
            summary=summary,
            description=(endpoint.__doc__ or "").strip(),
            response_class=DataJSON,
        )
        return endpoint

    return register


# -- overview ------------------------------------------------------------------------------


@view("/", "/api/overview", "What the store holds")
def overview(request: Request, ex: Ex, filt: Filter) -> Response:
    """Counts, events per week (or month) by quad class, top actors and dyads, recent runs
    and errors."""
    return respond(request, "overview.html", {"filter": filt.query(), **ex.overview(filt)})


# -- dyads ---------------------------------------------------------------------------------

Freq = Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$", description="period")]


@router.get("/dyad", include_in_schema=False)
def dyad_form(
    a: Annotated[str | None, Query(max_length=100)] = None,
    b: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    """The dyad chooser form submits here; send it on to the dyad's own address."""
    if not a or not b or not a.strip() or not b.strip():
        raise BadRequest("choose two actors: a=JPN&b=RUS (ISO3, code or actor id)")
    return RedirectResponse(f"/dyad/{_path(a)}/{_path(b)}", status_code=303)


def _path(key: str) -> str:
    from urllib.parse import quote

    return quote(key.strip(), safe="")


@view("/dyad/{a}/{b}", "/api/dyad/{a}/{b}", "Events between two actors over time")
def dyad(
    request: Request,
    ex: Ex,
    filt: Filter,
    a: str,
    b: str,
    freq: Freq = "month",
    directed: Annotated[bool, Query(description="only a → b")] = False,
) -> Response:
    """Deduplicated events per period, from the store's dyad query: counts by quad class
    and direction, mean Goldstein score, articles. ``a`` and ``b`` are ISO3
    countries or code prefixes in capitals, actor ids, or names as stored."""
    data = ex.dyad(a, b, freq=freq, directed=directed, filt=filt)
    return respond(
        request,
        "dyad.html",
        {**data, "filter": filt.query()},
        lambda: {"periods": PERIODS},
    )


@view("/dyad/{a}/{b}/events", "/api/dyad/{a}/{b}/events", "The events behind one dyad point")
def dyad_events(
    request: Request,
    ex: Ex,
    filt: Filter,
    a: str,
    b: str,
    period: Annotated[str, Query(max_length=10, description="a date in the period")],
    freq: Freq = "month",
    directed: bool = False,
    limit: Limit = 100,
) -> Response:
    """The deduplicated events of one period (those the chart counts there), each with its
    first mention's sentence and article and its number of mentions."""
    day = parse_date(period, "period")
    if day is None:
        raise BadRequest("period is required (YYYY-MM-DD)")
    events = ex.dyad_events(a, b, period=day, freq=freq, directed=directed, filt=filt, limit=limit)
    data = {
        "a": a,
        "b": b,
        "a_label": ex.label(a),
        "b_label": ex.label(b),
        "period": truncate(day, freq),
        "freq": freq,
        "events": events,
    }
    return respond(request, "dyad_events.html", data)


# -- map -----------------------------------------------------------------------------------


@view("/map", "/api/map", "Events by place, and where conflict jumps")
def event_map(
    request: Request,
    ex: Ex,
    filt: Filter,
    mode: Annotated[str, Query(pattern="^(counts|change)$")] = "counts",
    end: Annotated[str | None, Query(max_length=10, description="change: last day")] = None,
    window: Annotated[int, Query(ge=1, le=366, description="change: days per period")] = 30,
    periods: Annotated[int, Query(ge=1, le=24, description="change: periods in the norm")] = 6,
) -> Response:
    """``mode=counts``: events per country and place. ``mode=change``: conflict events
    (quad classes 3–4) of the last ``window`` days against the mean of the ``periods``
    windows before."""
    data: dict[str, Any] = {"mode": mode, "filter": filt.query()}
    if mode == "change":
        data["change"] = ex.map_change(
            filt, end=parse_date(end, "end"), window=window, periods=periods
        )
    else:
        data["counts"] = ex.map_counts(filt)
    return respond(request, "map.html", data, lambda: {"plover_categories": ex.plover_categories()})


# -- network -------------------------------------------------------------------------------


@view("/network", "/api/network", "Who deals with whom")
def network(
    request: Request,
    ex: Ex,
    filt: Filter,
    level: Annotated[str, Query(pattern="^(country|code|actor)$")] = "country",
    min_events: Annotated[int, Query(ge=1, le=10_000)] = 2,
    limit: Limit = 120,
) -> Response:
    """Actors (countries, codes or actor ids) as nodes; undirected edges with event counts
    and mean Goldstein score."""
    data = ex.network(filt, level=level, min_events=min_events, limit=limit)
    return respond(
        request,
        "network.html",
        {**data, "min_events": min_events, "limit": limit, "filter": filt.query()},
        lambda: {"plover_categories": ex.plover_categories()},
    )


# -- one deduplicated event ----------------------------------------------------------------


@view("/event/{cluster_id}", "/api/event/{cluster_id}", "One deduplicated event and its mentions")
def event(
    request: Request, ex: Ex, cluster_id: Annotated[int, Path(ge=1, le=2**63 - 1)]
) -> Response:
    """A deduplicated event (``event_clusters``) with NumMentions, NumArticles, NumSources and
    every mention: its sentence, rule and article."""
    return respond(request, "event.html", ex.event(cluster_id))


# -- actors and articles -------------------------------------------------------------------


@view("/actor/{key}", "/api/actor/{key}", "One actor: codes, quotes, events, partners")
def actor(request: Request, ex: Ex, filt: Filter, key: str, limit: Limit = 20) -> Response:
    """``key`` is an actor id (``shinzo-abe``) or a code (``JPNGOV``, ``JPN``)."""
    data = ex.actor(key, filt, limit=limit)
    return respond(request, "actor.html", {**data, "filter": filt.query()})


@view("/article/{doc_id}", "/api/article/{doc_id}", "One article with everything coded in it")
def article(request: Request, ex: Ex, doc_id: str) -> Response:
    """The text with its mentions, quotes and events and their character offsets."""
    data = ex.article(doc_id)

    def page() -> dict[str, Any]:
        spans = highlight.article_spans(data)
        pieces = highlight.segments(data["document"]["text"], spans)
        return {"text_html": highlight.segments_html(pieces), "facts": highlight.fact_details(data)}

    return respond(request, "article.html", data, lambda: ex.cached("article page", doc_id, page))


# -- search --------------------------------------------------------------------------------


@view("/search", "/api/search", "Full-text search over articles and quotes; event filters")
def search(
    request: Request,
    ex: Ex,
    index: Annotated[SearchIndex, Depends(search_index)],
    filt: Filter,
    q: Annotated[str, Query(max_length=200, description="words to find")] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Articles and quotes ranked by BM25 (those with the most query words first), and the
    events matching the filters."""
    articles = index.search(q, kind="article", limit=limit, offset=offset)
    quotes = index.search(q, kind="quote", limit=limit, offset=offset)
    _add_articles(ex, articles, quotes)
    events, total = ([], 0)
    if not q.strip() or filt.narrows_events():
        events, total = ex.events(filt, limit=limit, offset=offset)
    data = {
        "q": q,
        "filter": filt.query(),
        "limit": limit,
        "offset": offset,
        "articles": articles,
        "quotes": quotes,
        "events": {"total": total, "events": events},
    }
    return respond(
        request, "search.html", data, lambda: {"plover_categories": ex.plover_categories()}
    )


def _add_articles(ex: Explorer, articles: dict[str, Any], quotes: dict[str, Any]) -> None:
    """Titles, dates and snippets for the hits (one query for all of them)."""
    doc_ids = sorted({hit["doc_id"] for hit in articles["hits"] + quotes["hits"]})
    quote_ids = [hit["quote_id"] for hit in quotes["hits"]]
    docs = {
        row["doc_id"]: row
        for row in ex.rows(
            "SELECT doc_id, title, date, source FROM documents WHERE list_contains(?, doc_id)",
            [doc_ids],
        )
    }
    texts = ex.texts(doc_ids)
    said = {
        row["quote_id"]: row
        for row in ex.rows(
            "SELECT quote_id, text, speaker, speaker_id FROM quotes "
            "WHERE list_contains(?, quote_id)",
            [quote_ids],
        )
    }
    for hit in articles["hits"]:
        doc = docs.get(hit["doc_id"], {})
        hit.update(title=doc.get("title"), date=doc.get("date"), source=doc.get("source"))
        hit["snippet"] = snippet(texts.get(hit["doc_id"], ""), articles["terms"])
    for hit in quotes["hits"]:
        doc, quote = docs.get(hit["doc_id"], {}), said.get(hit["quote_id"], {})
        hit.update(title=doc.get("title"), date=doc.get("date"))
        hit.update(speaker=quote.get("speaker"), speaker_id=quote.get("speaker_id"))
        hit["snippet"] = snippet(quote.get("text", ""), quotes["terms"], width=160)


# -- validation ----------------------------------------------------------------------------


@view("/validate", "/api/validate", "A random sample of events to judge")
def validate(
    request: Request,
    ex: Ex,
    filt: Filter,
    n: Annotated[int, Query(ge=1, le=MAX_PAGE, description="sample size")] = 50,
    seed: Annotated[int, Query(ge=0, le=2**31 - 1)] = 1,
) -> Response:
    """The same ``seed`` and filters always give the same sample."""
    events = ex.sample(filt, size=n, seed=seed)
    return respond(
        request,
        "validate.html",
        {"n": n, "seed": seed, "filter": filt.query(), "events": events},
        lambda: {"plover_categories": ex.plover_categories()},
    )


Ids = Annotated[str | None, Query(max_length=20_000, description="event ids, comma-separated")]


def _judged(ex: Explorer, right: str | None, wrong: str | None) -> dict[str, Any]:
    try:
        right_ids = validation.parse_ids(right, "right")
        wrong_ids = validation.parse_ids(wrong, "wrong")
        validation.check_judgements(right_ids, wrong_ids)
    except UsageError as e:
        raise BadRequest(str(e)) from None
    events = ex.events_by_id(right_ids + wrong_ids)
    return validation.report(events, right_ids, wrong_ids)


@view("/judgements", "/api/judgements", "Precision from right/wrong judgements")
def judgements(request: Request, ex: Ex, right: Ids = None, wrong: Ids = None) -> Response:
    """Precision with its 95 % Wilson interval, overall and per PLOVER category."""
    data = _judged(ex, right, wrong)
    return respond(request, "judgements.html", {**data, "right": right or "", "wrong": wrong or ""})


@router.get(
    "/judgements.csv",
    summary="The judgements as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def judgements_csv(ex: Ex, right: Ids = None, wrong: Ids = None) -> Response:
    """One row per judged event with its codes, rule, confidence and sentence."""
    data = _judged(ex, right, wrong)
    return Response(
        validation.to_csv(data["events"]),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="judgements.csv"'},
    )


# -- the API itself ------------------------------------------------------------------------


@router.get("/api", include_in_schema=False)
def api_index(request: Request) -> Response:
    """The JSON routes, read from the OpenAPI schema (FastAPI's docs pages need a CDN)."""
    schema = request.app.openapi()
    routes = [
        {
            "path": path,
            "summary": spec.get("summary", ""),
            "description": spec.get("description", ""),
            "parameters": [p["name"] for p in spec.get("parameters", ())],
        }
        for path, methods in schema["paths"].items()
        for spec in methods.values()
    ]
    return request.app.state.templates.TemplateResponse(request, "api.html", {"routes": routes})
