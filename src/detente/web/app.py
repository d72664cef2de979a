"""The web app factory: one read-only store, routes, templates, static files, and the one
place where errors become HTTP responses."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import math
import os
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from detente import __version__
from detente.api import open as open_store
from detente.errors import DetenteError, NotFoundError, UsageError
from detente.web.queries import Explorer
from detente.web.search import SearchIndex

HERE = Path(__file__).resolve().parent
log = logging.getLogger("detente.web")

# Scripts only from our own origin; Vega compiles its expressions with Function(), hence
# 'unsafe-eval'. No inline script runs: page data travels as JSON in <script type=...json>.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class HTTPError(Exception):
    """An error with the HTTP status it is shown with (rendered by ``error_response``)."""

    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadRequest(HTTPError):
    status = 400


class NotFound(HTTPError):
    status = 404


STATUS_OF = {UsageError: BadRequest, NotFoundError: NotFound}
TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 500: "Server error"}


def as_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "__float__"):  # Decimal
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _clean_floats(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_floats(v) for v in value]
    return value


class DataJSON(JSONResponse):
    """JSON with dates as ISO strings and NaN as null."""

    def render(self, content: Any) -> bytes:
        try:
            text = json.dumps(content, default=as_json, ensure_ascii=False, allow_nan=False)
        except ValueError:
            text = json.dumps(_clean_floats(content), default=as_json, ensure_ascii=False)
        return text.encode("utf-8")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None (never a ``javascript:`` href)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def number(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # |tojson (page data for the scripts) writes dates as ISO strings; it escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"default": as_json, "sort_keys": False}
    env.filters["safe_url"] = safe_url
    env.filters["number"] = number
    env.globals["version"] = __version__
    return Jinja2Templates(env=env, context_processors=[_page_globals])


def _page_globals(request: Request) -> dict[str, Any]:
    return {"db_name": request.app.state.db_name}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path.endswith(".json")


def error_response(request: Request, status: int, message: str) -> Response:
    """The one place an error becomes a response: JSON under /api, else an HTML page."""
    if wants_json(request):
        return DataJSON({"error": {"status": status, "message": message}}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": TITLES.get(status, "Error"), "message": message},
        status_code=status,
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPError)
    async def http_error(request: Request, exc: HTTPError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> Response:
        kind = next((v for k, v in STATUS_OF.items() if isinstance(exc, k)), None)
        if kind is None:  # the store failed: say so, without its internals
            log.error("store error on %s: %s", request.url.path, exc)
            return error_response(request, 500, "the store could not answer this request")
        return error_response(request, kind.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if exc.status_code != 404 else f"no page at {request.url.path}"
        return error_response(request, exc.status_code, str(message))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "something went wrong on the server")


def _warm(search: SearchIndex) -> None:
    try:
        search.warm()
    except Exception:  # the first search will raise it again, as a response
        log.exception("could not build the search index")


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# ``detente serve --workers N``: each server process builds its app from the store named here.
DB_VARIABLE = "DETENTE_SERVE_DB"


def check_store(db: str | Path) -> None:
    """Raise what ``create_app(db)`` would (a missing, foreign or out-of-date store) without
    keeping the store open: the check before starting several server processes."""
    with open_store(db, read_only=True) as store:
        store.dedup_summary()


def app_from_environment() -> FastAPI:
    """The app of one of several server processes: the store named by ``DETENTE_SERVE_DB``."""
    db = os.environ.get(DB_VARIABLE)
    if not db:
        raise UsageError(f"{DB_VARIABLE} names no store")
    return create_app(db)


def create_app(db: str | Path) -> FastAPI:
    """The app over the store ``db``, opened read-only (a missing or foreign file raises
    ``StoreError`` here, before anything is served)."""
    from detente.web.routes import router

    store = open_store(db, read_only=True)
    explorer = Explorer(store)

    search = SearchIndex(store.cursor)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # Index for search in the background: pages are served meanwhile, and a search
        # arriving before the index is ready waits for it.
        threading.Thread(target=_warm, args=(search,), name="search-index", daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        title="détente",
        version=__version__,
        description="Read-only JSON API over a détente store. Every page of the web app has "
        "its data at the same path under /api.",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; /api lists the routes
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.explorer = explorer
    app.state.search = search
    app.state.templates = make_templates()
    app.state.db_name = Path(db).name
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    return app
