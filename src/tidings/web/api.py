"""The JSON API under /api (schema at /openapi.json, reference at /docs)."""

from __future__ import annotations

import hmac
import json
import logging
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError, field_validator, model_validator

from tidings.records import RawArticle
from tidings.store import Store
from tidings.web import data

log = logging.getLogger("tidings.web")
router = APIRouter(prefix="/api", tags=["api"])

Id = Annotated[str, Path(min_length=1, max_length=300)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _bad_query(name: str, problem: str):
    return RequestValidationError([{"loc": ("query", name), "msg": problem, "type": "value_error"}])


def _when(name: str, value: str | None, end_of_day: bool = False) -> str | None:
    if not value:
        return None
    try:
        return data.parse_when(value, end_of_day=end_of_day)
    except ValueError as e:
        raise _bad_query(name, str(e)) from None


@router.get("/health", summary="Is the service up; schema version and counts")
def health(request: Request) -> dict[str, Any]:
    store = _store(request)
    return {
        "ok": True,
        "schema_version": store.schema_version,
        "articles": store.count_articles(),
        "events": store.count_events(),
        "writes_need_token": request.app.state.token is not None,
        "feeds": feed_states(store),
    }


def feed_states(store: Any) -> list[dict[str, Any]]:
    """Each feed with its last poll, its error and its pages by state (for /api/health and
    the /feeds page)."""
    if not hasattr(store, "feeds"):
        return []
    counts = store.page_fetch_counts()
    return [{
        "url": f.url, "name": f.name, "last_poll": f.last_poll, "last_ok": f.last_ok,
        "last_status": f.last_status, "last_error": f.last_error, "polls": f.polls,
        "not_modified": f.not_modified, "errors": f.errors, "entries": f.entries,
        "pages": counts.get(f.id, {}),
    } for f in store.feeds()]


@router.get("/events", summary="Events, most recent first, filtered and paginated")
def list_events(
    request: Request,
    since: Annotated[str | None, Query(max_length=40, description="ISO date or date-time: events still covered at or after it")] = None,
    until: Annotated[str | None, Query(max_length=40, description="ISO date or date-time: events first reported at or before it")] = None,
    lang: Annotated[str | None, Query(pattern=data.LANG_RE.pattern, description="a language code, e.g. hi")] = None,
    entity: Annotated[str | None, Query(min_length=1, max_length=200, description="an entity key or a name in any script, e.g. Зеленский")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="text to search for, any script")] = None,
    changed_since: Annotated[str | None, Query(max_length=40, description="only events updated at or after this stamp (see `stamp` in the answer)")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    limit: Annotated[int | None, Query(ge=1, description="events per page")] = None,
) -> dict[str, Any]:
    store, config = _store(request), request.app.state.config
    limit = limit or config.web_page_size
    if limit > config.web_max_page_size:
        raise _bad_query("limit", f"at most {config.web_max_page_size} events per page")
    for name, value in (("q", q), ("entity", entity)):
        if value is not None and not value.strip():
            raise _bad_query(name, f"{name} is blank; leave it out to list every event")
    lower, upper = _when("since", since), _when("until", until, end_of_day=True)
    if data.after(since, until):
        raise _bad_query("since", f"since ({since}) is after until ({until}): no event can match; "
                         "swap them?")
    ids = None
    if entity:
        ids = store.events_with_names(data.entity_keys(store, entity))
    if q:
        _, found = data.search_event_ids(store, q)
        ids = found if ids is None else [i for i in ids if i in set(found)]
    changed = _when("changed_since", changed_since)
    rows, total = store.list_events(
        since=lower,
        until=upper,
        # Stored as cleaning stores a given language: "EN", "en-GB" and "en_US" are "en".
        lang=lang.lower().replace("_", "-").split("-")[0] if lang else None,
        ids=ids,
        changed_since=changed,
        limit=limit,
        offset=(page - 1) * limit,
    )
    return {
        "events": [data.event_summary(r) for r in rows],
        # Merged into another event since the stamp: a live page drops these rows.
        "removed": store.removed_events_since(changed) if changed else [],
        "total": total,
        "page": page,
        "limit": limit,
        "pages": (total + limit - 1) // limit,
        # Read after the rows: an event changed meanwhile carries this stamp, so the
        # next poll (changed_since=stamp, inclusive) still sees it.
        "stamp": store.events_stamp() or data.now_stamp(),
    }


@router.get("/stories", summary="Stories (developing chains of events), most recent first, paginated")
def list_stories(
    request: Request,
    min_events: Annotated[int, Query(ge=1, le=1000, description="only stories of at least this many events")] = 1,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    limit: Annotated[int | None, Query(ge=1, description="stories per page")] = None,
) -> dict[str, Any]:
    store, config = _store(request), request.app.state.config
    limit = limit or config.web_page_size
    if limit > config.web_max_page_size:
        raise _bad_query("limit", f"at most {config.web_max_page_size} stories per page")
    rows, total = store.list_stories(min_events=min_events, limit=limit, offset=(page - 1) * limit)
    return {
        "stories": [data.story_view(store, r, max_events=config.web_max_page_size) for r in rows],
        "total": total,
        "page": page,
        "limit": limit,
        "pages": (total + limit - 1) // limit,
    }


@router.get("/stories/{story_id}", summary="One story with its events, earliest first")
def get_story(request: Request, story_id: Id) -> dict[str, Any]:
    store = _store(request)
    found, _ = store.list_stories(limit=1, story_id=story_id)
    if not found:
        raise HTTPException(404, f"no story with id {story_id!r}; list stories at /api/stories")
    return data.story_view(store, found[0], max_events=request.app.state.config.web_max_page_size)


@router.get("/events/{event_id}", summary="One event with its articles and its brief")
def get_event(
    request: Request,
    event_id: Id,
    lang: Annotated[str | None, Query(pattern=data.BRIEF_LANG_RE, description="reader's language of the brief, e.g. en")] = None,
) -> dict[str, Any]:
    store, config = _store(request), request.app.state.config
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}; list events at /api/events")
    problem = data.reader_lang_problem(event, lang, config)
    if problem:
        raise _bad_query("lang", problem)
    articles = store.get_articles(event.article_ids)
    return {
        **event.to_dict(),
        "article_ids": event.article_ids,
        "articles_detail": [data.article_summary(a) for a in articles],
        "brief": data.get_brief(store, event_id, lang or config.web_brief_lang, config),
    }


@router.get("/articles/{article_id:path}", summary="One article as cleaned and stored")
def get_article(request: Request, article_id: Id) -> dict[str, Any]:
    store = _store(request)
    a = store.get_article(article_id)
    if a is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    out = a.to_dict()
    out.pop("raw", None)  # the input as received can be large; the cleaned text is here
    out["event"] = store.event_of(a.id)
    feats = store.get_features([a.id]).get(a.id)
    out["names"] = [vars(m) for m in feats.names] if feats else []
    out["figures"] = [vars(f) for f in feats.figures] if feats else []
    return out


@router.get("/entities/{entity_id:path}", summary="An entity (person, place, organisation): its spellings and events over time")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    store = _store(request)
    if not entity_id or len(entity_id) > 300:
        raise HTTPException(404, "entity ids are 1 to 300 characters")
    info = data.entity_info(store, entity_id)
    if info is None:
        keys = data.entity_keys(store, entity_id)
        hint = f"; did you mean {keys[0]!r}?" if keys else "; search names at /api/events?entity=NAME"
        raise HTTPException(404, f"no entity with id {entity_id!r}{hint}")
    return info


class ArticleIn(BaseModel):
    """One article, with the same fields as a line of JSONL input."""

    model_config = ConfigDict(extra="ignore", str_max_length=2_000_000)

    text: StrictStr | None = Field(None, description="plain text of the article (or give html)")
    html: StrictStr | None = Field(None, description="the article's HTML page (or give text)")
    id: StrictStr | None = Field(None, max_length=200)
    url: StrictStr | None = Field(None, max_length=2000)
    title: StrictStr | None = Field(None, max_length=2000)
    date: StrictStr | None = Field(None, max_length=100, description="publication date, ISO 8601 preferred")
    lang: StrictStr | None = Field(None, max_length=20)
    source: StrictStr | None = Field(None, max_length=300)
    author: StrictStr | None = Field(None, max_length=300)

    @field_validator("lang")
    @classmethod
    def _lang_code(cls, v: str | None) -> str | None:
        # Cleaning trusts a given language, and it is shown on every page as one.
        if v is None or not v.strip():
            return None
        if not data.LANG_RE.match(v.strip()):
            raise ValueError(f"{v[:40]!r} is not a language code; use e.g. 'en', 'hi' or 'pt-BR', "
                             "or leave lang out to have it detected")
        return v.strip()

    @field_validator("id")
    @classmethod
    def _linkable_id(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not v.strip():
            return None  # as in JSONL input: no id given, so one is made from the content
        if v.strip() in (".", ".."):
            raise ValueError(f"{v!r} cannot be an article id (it could not be linked to); "
                             "give another id or leave it out")
        if re.search(r"[\x00-\x1f\x7f]", v):
            raise ValueError("an article id cannot contain control characters (newlines, tabs, NUL)")
        return v

    @model_validator(mode="after")
    def _needs_body(self):
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("an article needs a non-empty 'text' or 'html' field")
        return self


_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
JSON_TYPES = ("application/json",)


async def _json_body(request: Request) -> Any:
    """The request body as JSON, read here rather than by FastAPI, whose answers to a wrong
    Content-Type ("send a JSON object" to someone who did), bad UTF-8 or too deep nesting
    ("There was an error parsing the body") do not say what to change."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind and kind not in JSON_TYPES and not (kind.startswith("application/") and kind.endswith("+json")):
        raise HTTPException(415, f"the body was sent as {kind!r}; send JSON with the header "
                            "'Content-Type: application/json' (with curl: --json @articles.json)")
    raw = await request.body()
    if not raw.strip():
        raise _body_error("the body is empty; send a JSON object (one article) or a list of them, "
                          "each with a 'text' or 'html' field")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _body_error(f"the body is not valid UTF-8 (bad byte at offset {e.start}); "
                          "send the JSON encoded as UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise _body_error(f"the body is not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise _body_error("the JSON is nested too deeply; send an article as a flat object "
                          "of strings, or a list of them") from None


_bearer = HTTPBearer(auto_error=False, description="the server's API token (`tidings serve --token`)")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need `Authorization: Bearer <token>` when the server has a token."""
    token = request.app.state.token
    if token is None:
        return
    # Header values arrive as bytes read as Latin-1: back to those bytes, compared with the
    # token's UTF-8, so a token with non-ASCII letters works as typed (curl sends UTF-8).
    given = credentials.credentials.encode("latin-1", "replace") if credentials else b""
    if not hmac.compare_digest(given, token.encode("utf-8")):
        raise HTTPException(401, "this server requires an API token for writes: send the header "
                            "'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"})


@router.post(
    "/articles",
    dependencies=[Depends(require_token)],
    summary="Ingest one article or a list (cleaned, de-duplicated and clustered as `tidings ingest` does)",
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "anyOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA}]}}}}},
)
def post_articles(request: Request, body: Annotated[Any, Depends(_json_body)]) -> dict[str, Any]:
    config = request.app.state.config
    # Validated here rather than by a Union type: pydantic would report each error once
    # per union branch, which reads as nonsense to the person who sent the article.
    if isinstance(body, dict):
        body = [body]
    elif not isinstance(body, list):
        raise _body_error("send a JSON object (one article) or a list of them, "
                          "each with a 'text' or 'html' field")
    if not body:
        raise _body_error("the list is empty; send at least one article")
    if len(body) > config.web_max_post_articles:
        raise _body_error(f"{len(body)} articles in one request; at most {config.web_max_post_articles}")
    items, errors = [], []
    for i, obj in enumerate(body):
        try:
            items.append(ArticleIn.model_validate(obj))
        except ValidationError as e:
            errors += [{**err, "loc": ("body", i, *err["loc"])} for err in e.errors()]
    if errors:
        raise RequestValidationError(errors)
    raws = [
        RawArticle(origin=f"POST /api/articles[{i}]" + (f" id={a.id}" if a.id else ""),
                   **a.model_dump())
        for i, a in enumerate(items)
    ]
    report = _ingest(request, raws)
    return {
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "already_stored": getattr(report, "already_stored", 0),
        "articles": [
            {"id": i, "event": report.events.get(i)} for i in dict.fromkeys(report.article_ids)
        ],
        "events": report.events,
        "skipped": [{"origin": p.origin, "reason": p.reason} for p in report.skipped],
        "warnings": [{"origin": p.origin, "reason": p.reason} for p in getattr(report, "warnings", [])],
    }


def _body_error(problem: str):
    return RequestValidationError([{"loc": ("body",), "msg": problem, "type": "value_error"}])


def _ingest(request: Request, raws: list[RawArticle]):
    """Through the shared pipeline: built once (the embedding model is costly to load) and
    used by one request at a time (the clusterer's index is not thread-safe)."""
    state = request.app.state
    with state.ingest_lock:
        if state.pipeline is None:
            try:
                from tidings.pipeline import Pipeline
                state.pipeline = Pipeline(_writer(state.store), state.config)
            except ImportError as e:
                raise HTTPException(503, f"ingest is not available in this installation ({e}); "
                                    "use `tidings ingest` or try again later") from None
        from tidings.pipeline import ingest_raw

        # A busy database raises StoreBusy, answered by the app's handler (503, retry).
        return ingest_raw(raws, state.pipeline.store, state.config, pipeline=state.pipeline)


def _writer(store: Store) -> Store:
    """A connection of its own for ingest: pages and API reads on the server's connection
    go on while a batch is written, and see it once committed."""
    return store.reopen()
