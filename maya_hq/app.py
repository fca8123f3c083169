"""The ASGI application: ingest (``POST /v1/events``), staff sign-in and the dashboard.

Stateless: clinics, events, staff and sessions live in the database, so instances can be added behind a
load balancer (only the per-clinic rate bucket is per instance; see :class:`maya_hq.ingest.RateLimiter`).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from maya_desktop.core.sync.contract import SERVICES
from maya_desktop.resources_path import resource
from maya_hq import charts, ingest, schema
from maya_hq.db import default_database_url, make_engine, sessions, staff, utcnow
from maya_hq.i18n import LANGUAGES, number, translator
from maya_hq.secrets_store import dummy_verify, same, token_hash, verify_password
from maya_hq.stats import ClinicRecord, privacy_record, service_totals, weeks_shown

SESSION_COOKIE, LOGIN_CSRF_COOKIE, LANG_COOKIE = "mhq_session", "mhq_login_csrf", "mhq_lang"
SESSION_HOURS = 8
MAX_FORM_BYTES = 4096
DISCARD_LIMIT = 8 << 20
FONTS = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Strict-Transport-Security": "max-age=31536000",
}
LOGIN_ATTEMPTS_PER_MINUTE = 10  # per user name, per instance: slows password guessing to a crawl


@dataclass
class HqSettings:
    database_url: str = field(default_factory=default_database_url)
    rate_per_second: float = 2000.0  # events per clinic per second (per instance)
    burst: float = 10000.0  # events a clinic may send at once (20 full batches)
    body_limit: int = ingest.MAX_BODY_BYTES
    request_timeout: float = 15.0  # seconds to receive a whole request body (slow clients are cut off)
    migrate: bool = True
    today: Callable[[], dt.date] = field(default_factory=lambda: lambda: utcnow().date())

    @classmethod
    def from_env(cls) -> HqSettings:
        """What ``maya-hq serve`` hands its workers (uvicorn starts them by import string)."""
        env = os.environ
        return cls(
            database_url=default_database_url(),
            rate_per_second=float(env.get("MAYA_HQ_RATE", cls.rate_per_second)),
            burst=float(env.get("MAYA_HQ_BURST", cls.burst)),
            request_timeout=float(env.get("MAYA_HQ_REQUEST_TIMEOUT", cls.request_timeout)),
            migrate=env.get("MAYA_HQ_MIGRATE", "1") == "1",
        )


def _json(status: int, body: dict[str, Any], **headers: str) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers or None)


class _TooLarge(Exception):
    pass


def _bad_token() -> JSONResponse:
    return _json(401, {"error": "bad token"}, **{"WWW-Authenticate": 'Bearer realm="maya-sync"', "Connection": "close"})


async def _read_body(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def _discard_body(request: Request) -> None:
    """Read and drop a refused body (up to a limit) so the client can read our answer before we close."""
    seen = 0
    try:
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > DISCARD_LIMIT:
                return
    except Exception:  # noqa: S110  # nosec B110 - the client went away; we answer anyway
        pass


class HqApp:
    """Holds the engine, the rate limiter and the templates; its methods are the routes."""

    def __init__(self, settings: HqSettings) -> None:
        self.settings = settings
        self.engine: Engine = make_engine(settings.database_url)
        if settings.migrate:
            schema.upgrade(self.engine)
        self.limiter = ingest.RateLimiter(settings.rate_per_second, settings.burst)
        self.login_limiter = ingest.RateLimiter(LOGIN_ATTEMPTS_PER_MINUTE / 60, LOGIN_ATTEMPTS_PER_MINUTE)
        folder = resources.files("maya_hq")
        self.templates = Environment(
            loader=FileSystemLoader(str(folder.joinpath("templates"))), autoescape=select_autoescape(["html"])
        )
        self.static_dir = str(folder.joinpath("static"))

    # --- ingest -------------------------------------------------------------------------------
    async def _caller_of(self, request: Request) -> ingest.Caller | None:
        """The clinic (or enrolled workstation) whose live bearer token the request carries, else None."""
        auth_scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if auth_scheme.lower() != "bearer":
            return None
        caller: ingest.Caller | None = await run_in_threadpool(ingest.caller_for_token, self.engine, token.strip())
        return caller

    async def events(self, request: Request) -> Response:
        timeout = self.settings.request_timeout
        caller = await self._caller_of(request)
        if caller is None:
            await _with_timeout(_discard_body(request), timeout)
            return _bad_token()
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.settings.body_limit):
            await _with_timeout(_discard_body(request), timeout)
            return _json(413, {"error": "batch too large"}, Connection="close")
        try:
            raw = await asyncio.wait_for(_read_body(request, self.settings.body_limit), timeout)
        except _TooLarge:
            return _json(413, {"error": "batch too large"}, Connection="close")
        except TimeoutError:
            return _json(408, {"error": "request body too slow"}, Connection="close")
        try:
            batch = ingest.parse_batch(raw)
        except ingest.MalformedBatch as exc:
            return _json(exc.status, {"error": exc.reason})
        wait = self.limiter.take(caller.clinic_id, len(batch))
        if wait:
            return _json(429, {"error": "rate limit"}, **{"Retry-After": str(max(1, round(wait)))})
        body = await run_in_threadpool(ingest.store_batch, self.engine, caller, batch)
        return _json(200, body)

    async def anchor(self, request: Request) -> Response:
        """The clinic's own newest audit anchor, so its desktop can see whether its log went back (issue 12)."""
        caller = await self._caller_of(request)
        if caller is None:
            return _bad_token()
        clinic_id = caller.clinic_id
        if self.limiter.take(clinic_id, 1):
            return _json(429, {"error": "rate limit"}, **{"Retry-After": "1"})
        found = await run_in_threadpool(ingest.newest_anchor, self.engine, clinic_id)
        if found is None:
            return _json(404, {"error": "no anchor yet"})
        return _json(200, found)

    # --- pages -------------------------------------------------------------------------------
    def _lang(self, request: Request) -> str:
        lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "fa"
        return lang if lang in LANGUAGES else "fa"

    def _page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = self._lang(request)
        context.setdefault("csrf", None)
        html = self.templates.get_template(name).render(
            lang=lang, t=translator(lang), n=lambda v: number(v, lang), **context
        )
        response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, secure=True, httponly=True, samesite="strict")
        return response

    def _session(self, request: Request) -> dict[str, Any] | None:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(sessions.c.staff_id, sessions.c.csrf_token, sessions.c.expires_at, staff.c.username)
                .join(staff, staff.c.id == sessions.c.staff_id)
                .where(sessions.c.token_hash == token_hash(cookie))
            ).mappings().first()
        if row is None or _aware(row["expires_at"]) <= utcnow():
            return None
        return dict(row)

    async def login_form(self, request: Request) -> Response:
        return self._login_page(request)

    def _login_page(self, request: Request, error: str | None = None, status: int = 200) -> Response:
        login_csrf = secrets.token_urlsafe(32)
        response = self._page(request, "login.html", status, login_csrf=login_csrf, error=error)
        response.set_cookie(LOGIN_CSRF_COOKIE, login_csrf, max_age=3600, secure=True, httponly=True,
                            samesite="strict", path="/login")
        return response

    async def login(self, request: Request) -> Response:
        form = await _form(request)
        if form is None or not same(form.get("csrf", ""), request.cookies.get(LOGIN_CSRF_COOKIE, "-")):
            return self._login_page(request, "bad_form", 403)
        username = form.get("username", "")[:64]
        if self.login_limiter.take(username, 1):
            return self._login_page(request, "too_many", 429)
        cookie = await run_in_threadpool(self._sign_in, username, form.get("password", ""))
        if cookie is None:
            return self._login_page(request, "bad_login", 401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, cookie, max_age=SESSION_HOURS * 3600, secure=True, httponly=True,
                            samesite="strict")
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
        return response

    def _sign_in(self, username: str, password: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(staff.c.id, staff.c.password_hash).where(staff.c.username == username)).first()
        if row is None:
            dummy_verify(password)
            return None
        if not verify_password(password, row.password_hash):
            return None
        cookie, now = secrets.token_urlsafe(32), utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.expires_at < now))
            conn.execute(insert(sessions).values(
                token_hash=token_hash(cookie), staff_id=row.id, csrf_token=secrets.token_urlsafe(32),
                created_at=now, expires_at=now + dt.timedelta(hours=SESSION_HOURS),
            ))
        return cookie

    async def logout(self, request: Request) -> Response:
        session = await run_in_threadpool(self._session, request)
        form = await _form(request)
        if session is None or form is None or not same(form.get("csrf", ""), session["csrf_token"]):
            return Response("forbidden", status_code=403, headers=SECURITY_HEADERS)
        await run_in_threadpool(self._end_session, request.cookies.get(SESSION_COOKIE, ""))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    def _end_session(self, cookie: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash(cookie)))

    async def dashboard(self, request: Request) -> Response:
        session = await run_in_threadpool(self._session, request)
        if session is None:
            return RedirectResponse("/login", status_code=303)
        today = self.settings.today()
        records = await run_in_threadpool(privacy_record, self.engine, today)
        lang = self._lang(request)
        return self._page(request, "dashboard.html", records=records, csrf=session["csrf_token"],
                          pct=lambda v: "—" if v is None else number(f"{v:.0%}", lang),
                          **_charts(records, today, lang))

    async def export(self, request: Request) -> Response:
        session = await run_in_threadpool(self._session, request)
        if session is None:
            return Response("sign in first", status_code=401, headers=SECURITY_HEADERS)
        report = request.path_params["report"]
        if report not in ("privacy", "orders"):
            return Response("not found", status_code=404)
        today = self.settings.today()
        records = await run_in_threadpool(privacy_record, self.engine, today)
        text = _privacy_csv(records) if report == "privacy" else _orders_csv(records)
        headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="maya-hq-{report}-{today}.csv"'}
        return Response(text, media_type="text/csv; charset=utf-8", headers=headers)

    async def font(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FONTS:
            return Response("not found", status_code=404)
        return FileResponse(resource("fonts", name), media_type="font/ttf")

    async def health(self, request: Request) -> Response:
        return _json(200, {"ok": True})


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


async def _with_timeout(awaitable: Any, seconds: float) -> None:
    try:
        await asyncio.wait_for(awaitable, seconds)
    except TimeoutError:
        pass


async def _form(request: Request) -> dict[str, str] | None:
    """A small url-encoded form (no multipart, no file uploads on this site)."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    try:
        raw = await asyncio.wait_for(_read_body(request, MAX_FORM_BYTES), 10)
        fields = parse_qs(raw.decode("utf-8"), max_num_fields=10, strict_parsing=False)
    except (_TooLarge, TimeoutError, UnicodeDecodeError, ValueError):
        return None
    return {k: v[0] for k, v in fields.items()}


def _charts(records: list[ClinicRecord], today: dt.date, lang: str) -> dict[str, Any]:
    t, rtl = translator(lang), lang == "fa"
    names = [r.name for r in records]
    share_chart = charts.horizontal_bars(
        list(zip(names, [r.destroyed_share for r in records], strict=True)), maximum=1.0, title=t("share"),
        fmt=lambda v: number(f"{v:.0%}", lang), colour=lambda v: charts.GOOD if v >= 0.999 else charts.BAD, rtl=rtl,
    )
    conversion_chart = charts.horizontal_bars(
        list(zip(names, [r.conversion for r in records], strict=True)), maximum=1.0, title=t("conversion"),
        fmt=lambda v: number(f"{v:.0%}", lang), rtl=rtl,
    )
    medians = [r.turnaround_median for r in records]
    turnaround_chart = charts.horizontal_bars(
        list(zip(names, medians, strict=True)), maximum=max([1.0, *(m for m in medians if m is not None)]),
        title=t("turnaround"), fmt=lambda v: number(f"{v:g}", lang), colour=lambda _v: charts.NEUTRAL, rtl=rtl,
    )
    weeks = weeks_shown(today)
    labels = [number(w.strftime("%m-%d"), lang) for w in weeks]
    service_names = {s: t(s) for s in SERVICES}
    week_charts = [
        charts.weekly_columns(labels, service_totals(r, weeks), names=service_names,
                              title=f"{r.name} — {t('orders_week')}", rtl=rtl)
        for r in records
    ]
    return {"share_chart": share_chart, "conversion_chart": conversion_chart,
            "turnaround_chart": turnaround_chart, "week_charts": week_charts}


def _cell(value: object) -> str:
    """Spreadsheet-safe text: a cell that starts like a formula is quoted (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def _privacy_csv(records: list[ClinicRecord]) -> str:
    header = ["clinic_id", "clinic_name", "retention_days", "delivered", "destroyed_in_time", "destroyed_late",
              "held", "overdue", "within_retention", "destroyed_share", "overdue_order_refs", "last_sync",
              "workstations", "quietest_workstation_last_seen", "anchor_seq", "anchor_day", "audit_rollback_suspected"]
    rows = [[
        r.clinic_id, r.name, r.retention_days, r.delivered, r.destroyed_in_time, r.destroyed_late, r.held,
        len(r.overdue), r.within_retention, "" if r.destroyed_share is None else f"{r.destroyed_share:.4f}",
        " ".join(o.order_ref for o in r.overdue), _stamp(r.last_sync), r.workstations,
        _stamp(r.quietest_workstation), r.anchor_seq, r.anchor_day, "yes" if r.anchor_rollback else "no",
    ] for r in records]
    return _csv(header, rows)


def _stamp(value: dt.datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""


def _orders_csv(records: list[ClinicRecord]) -> str:
    rows: list[list[object]] = []
    for r in records:
        for week in sorted(r.orders_by_week):
            for service, count in r.orders_by_week[week].items():
                if count:
                    rows.append([r.clinic_id, r.name, week.isoformat(), service, count])
    return _csv(["clinic_id", "clinic_name", "week_start", "service", "orders"], rows)


def create_app(settings: HqSettings | None = None) -> Starlette:
    hq = HqApp(settings or HqSettings())
    routes = [
        Route("/v1/events", hq.events, methods=["POST"]),
        Route("/v1/anchor", hq.anchor, methods=["GET"]),
        Route("/login", hq.login_form, methods=["GET"]),
        Route("/login", hq.login, methods=["POST"]),
        Route("/logout", hq.logout, methods=["POST"]),
        Route("/", hq.dashboard, methods=["GET"]),
        Route("/export/{report}.csv", hq.export, methods=["GET"]),
        Route("/fonts/{name}", hq.font, methods=["GET"]),
        Route("/healthz", hq.health, methods=["GET"]),
        Mount("/static", StaticFiles(directory=hq.static_dir), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.hq = hq
    return app


def app_from_env() -> Starlette:
    """uvicorn factory for ``maya-hq serve`` (settings come from the environment it sets)."""
    return create_app(HqSettings.from_env())
