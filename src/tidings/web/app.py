"""The web app: JSON API under /api, server-rendered pages, static files.

Everything shown comes from untrusted articles, so the guards sit here, in front of every
route: a strict Content-Security-Policy (no inline script, nothing from other origins),
bounded request bodies (refused before parsing), cross-origin writes refused, and a Host
check against DNS rebinding when serving on loopback (Starlette's TrustedHostMiddleware).
Writes need the API token when one is configured (web/api.py, with FastAPI's HTTPBearer).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from tidings.config import DEFAULT, Config
from tidings.store import Store, StoreBusy, StoreError, open_store

HERE = Path(__file__).resolve().parent
log = logging.getLogger("tidings.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def create_app(
    store_or_path: Store | str | Path,
    config: Config = DEFAULT,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The FastAPI app over a store (or the path of one).

    `token`: when set, writes (POST) need `Authorization: Bearer <token>`; None reads
    $TIDINGS_API_TOKEN; "" means no token. `allowed_hosts`: Host header values accepted (None: any).
    """
    from tidings.web import api, pages

    store = open_store(store_or_path) if isinstance(store_or_path, (str, Path)) else store_or_path
    if token is None:
        token = os.environ.get("TIDINGS_API_TOKEN")
    token = token or None  # "" says explicitly: no token, whatever the environment
    app = FastAPI(
        title="Tidings",
        description="Multilingual news events: which articles report the same happening, "
        "across languages and scripts, and a brief for each.",
        version="1",
        # Swagger UI loads its scripts from a CDN, which our CSP (rightly) forbids;
        # /docs is our own page rendered from the same OpenAPI schema.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.config = config
    app.state.token = token
    app.state.ingest_lock = threading.Lock()
    app.state.pipeline = None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    # Outermost: refuses what must not reach the app at all and stamps every response.
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=sorted({h.lower() for h in allowed_hosts}),
                           www_redirect=False)
    app.add_middleware(Guard, max_body=config.web_max_request_bytes)
    return app


class Guard:
    """ASGI middleware: security headers on every response; for writes, the same-origin
    check and the body size limit, both before the body is parsed."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_secured(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if scope["method"] == "HEAD":
            # FastAPI routes answer GET only; link checkers and `curl -I` ask with HEAD.
            async def send_head(message):
                if message["type"] == "http.response.body":
                    message = {**message, "body": b"", "more_body": False}
                    if sent_body:
                        return
                    sent_body.append(True)
                await send_secured(message)

            sent_body: list[bool] = []
            return await self.app({**scope, "method": "GET"}, receive, send_head)
        if scope["method"] not in BODY_METHODS:
            return await self.app(scope, receive, send_secured)

        origin = headers.get("origin")
        if origin and origin != "null" and origin.split("://", 1)[-1] != host:
            return await _refuse(send_secured, 403, f"cross-origin write from {origin[:100]!r} refused")
        if origin == "null":
            return await _refuse(send_secured, 403, "cross-origin write from an opaque origin refused")

        too_big = (f"request body larger than {self.max_body:,} bytes; "
                   "send fewer or shorter articles per request")
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return await _refuse(send_secured, 400, "invalid Content-Length header")
            if int(length) > self.max_body:
                return await _refuse(send_secured, 413, too_big)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body:
                return await _refuse(send_secured, 413, too_big)
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send_secured)


async def _refuse(send, status: int, message: str, headers: list | None = None) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()), *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI) -> None:
    from tidings.web.pages import error_page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if wants_json(request):
            return JSONResponse({"error": message, "status": exc.status_code},
                                status_code=exc.status_code, headers=exc.headers)
        return error_page(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette answers unhandled errors outside every middleware, so this response
        # would otherwise go out without the security headers (and as bare text).
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        message = ("something went wrong on the server while answering this request; "
                   "it was logged. Try again, and report it if it keeps happening")
        headers = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}
        if wants_json(request):
            return JSONResponse({"error": message, "status": 500}, status_code=500, headers=headers)
        try:
            response = error_page(request, 500, message)
        except Exception:  # the page itself may be what fails
            return JSONResponse({"error": message, "status": 500}, status_code=500, headers=headers)
        response.headers.update(headers)
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        # Handled here once for every route. Busy: another writer held the database too
        # long; batches already stored are kept and a repeated POST skips them, so sending
        # the same request again is safe.
        if isinstance(exc, StoreBusy):
            status, message = 503, ("the database is busy (another program is writing to it); "
                                    "nothing was lost: send the same request again in a few "
                                    "seconds (articles already stored are not stored twice)")
        else:
            log.error("store error on %s %s: %s", request.method, request.url.path, exc)
            status, message = 503, f"the database cannot answer: {exc}"
        headers = {"Retry-After": "5"}
        if wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status,
                                headers=headers)
        response = error_page(request, status, message)
        response.headers.update(headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [_problem(e) for e in exc.errors()][:50]
        message = "invalid request: " + "; ".join(f"{p['where']}: {p['problem']}" for p in problems[:5])
        if wants_json(request):
            return JSONResponse({"error": message, "status": 422, "problems": problems}, status_code=422)
        return error_page(request, 422, message)


def _problem(e: dict[str, Any]) -> dict[str, str]:
    loc = [str(x) for x in e.get("loc", ())]
    where = ""
    for part in loc:
        where += f"[{part}]" if part.isdigit() else (f".{part}" if where else part)
    msg = str(e.get("msg", "invalid"))
    if e.get("type") == "model_type":
        msg = "an article must be a JSON object with a 'text' or 'html' field"
    return {"where": where or "request", "problem": msg.removeprefix("Value error, ")}


def _is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, config: Config = DEFAULT, log_level: str = "warning",
          access_log: bool = False) -> int:
    """Serve the app with uvicorn; refuses (exit code 2) to listen beyond loopback without
    an API token (--token or $TIDINGS_API_TOKEN), since anyone who can reach it could write."""
    import uvicorn

    token = token or os.environ.get("TIDINGS_API_TOKEN") or None
    loopback = _is_loopback(host)
    if not loopback and not token:
        print(
            f"tidings serve: refusing to listen on {host}, which is reachable from other "
            "machines, without an API token. Pass --token TOKEN or set TIDINGS_API_TOKEN "
            "(POST /api/articles will then need 'Authorization: Bearer TOKEN'), "
            "or listen on 127.0.0.1.",
            file=sys.stderr,
        )
        return 2
    hosts = sorted(LOOPBACK_NAMES | {host}) if loopback else None
    app = create_app(db_path, config=config, token=token, allowed_hosts=hosts)
    print(f"Tidings on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
          f"(API reference at /docs){' - writes need the API token' if token else ''}",
          file=sys.stderr)
    server_config = uvicorn.Config(app, host=host, port=port, log_level=log_level,
                                   access_log=access_log)
    if access_log:
        # uvicorn logs requests at INFO on their own logger: shown when asked for, whatever
        # the level of the rest.
        import logging

        logging.getLogger("uvicorn.access").setLevel(logging.INFO)
    uvicorn.Server(server_config).run()
    return 0
