"""A PagerDuty stand-in (aiohttp, loopback) serving ``GET /oncalls`` and ``GET /users/{id}``.

Used by ``aiosdm demo`` and by tests of the on-call sync: it paginates like PagerDuty (``limit``,
``offset``, ``more``), honours ``include[]=users``, checks the API token, records every request,
and can answer 429 on demand, with or without a ``ratelimit-reset`` header.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

__all__ = ["PagerDutyStandIn", "Shift"]


@dataclass(frozen=True)
class Shift:
    schedule_id: str
    user_id: str
    name: str
    email: str
    start: datetime | None
    end: datetime | None


@dataclass
class _Recorded:
    path: str
    query: list[tuple[str, str]]
    status: int


@dataclass
class PagerDutyStandIn:
    """``async with PagerDutyStandIn(token="t") as pd:`` then point a client at ``pd.url``."""

    token: str = "pd-test-token"
    shifts: list[Shift] = field(default_factory=list)
    requests: list[_Recorded] = field(default_factory=list)
    _throttle: deque[str | None] = field(default_factory=deque)
    _runner: web.AppRunner | None = None
    url: str = ""

    def add_shift(
        self,
        schedule_id: str,
        user_id: str,
        email: str,
        start: datetime | None,
        end: datetime | None,
        name: str = "",
    ) -> None:
        """Put ``email`` (PagerDuty user ``user_id``) on call on ``schedule_id`` from ``start``
        to ``end``."""
        self.shifts.append(Shift(schedule_id, user_id, name or user_id, email, start, end))

    def throttle(self, *resets: str | None) -> None:
        """Answer the next requests with 429; each item is a ``ratelimit-reset`` value or None
        for a 429 without the header."""
        self._throttle.extend(resets)

    def count(self, path: str) -> int:
        """How many requests reached ``path``."""
        return sum(1 for r in self.requests if r.path == path)

    async def __aenter__(self) -> PagerDutyStandIn:
        app = web.Application()
        app.router.add_get("/oncalls", self._oncalls)
        app.router.add_get("/users/{user_id}", self._user)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def _gate(self, request: web.Request) -> web.Response | None:
        status = 200
        response: web.Response | None = None
        if request.headers.get("Authorization") != f"Token token={self.token}":
            status = 401
            response = web.json_response({"error": {"message": "Unauthorized"}}, status=401)
        elif self._throttle:
            reset = self._throttle.popleft()
            status = 429
            headers = {"ratelimit-limit": "960", "ratelimit-remaining": "0"}
            if reset is not None:
                headers["ratelimit-reset"] = reset
            body = {"error": {"message": "Rate Limit Exceeded", "code": 2020}}
            response = web.json_response(body, status=429, headers=headers)
        self.requests.append(_Recorded(request.path, list(request.query.items()), status))
        return response

    async def _oncalls(self, request: web.Request) -> web.Response:
        refused = self._gate(request)
        if refused is not None:
            return refused
        q = request.query
        schedules = set(q.getall("schedule_ids[]", []))
        since = _parse(q.get("since")) or datetime.now(UTC)
        until = _parse(q.get("until")) or since
        limit = min(int(q.get("limit", "25")), 100)
        offset = int(q.get("offset", "0"))
        if offset + limit > 10_000:
            return web.json_response({"error": {"message": "Invalid offset"}}, status=400)
        with_users = "users" in q.getall("include[]", [])
        matching = [
            s
            for s in self.shifts
            if (not schedules or s.schedule_id in schedules)
            and (s.start is None or s.start < until)
            and (s.end is None or s.end > since)
        ]
        page = matching[offset : offset + limit]
        body = {
            "oncalls": [self._entry(s, with_users) for s in page],
            "limit": limit,
            "offset": offset,
            "more": offset + limit < len(matching),
            "total": None,
        }
        return web.json_response(body)

    async def _user(self, request: web.Request) -> web.Response:
        refused = self._gate(request)
        if refused is not None:
            return refused
        uid = request.match_info["user_id"]
        for s in self.shifts:
            if s.user_id == uid:
                return web.json_response({"user": self._user_body(s, full=True)})
        return web.json_response({"error": {"message": "Not Found"}}, status=404)

    def _user_body(self, s: Shift, *, full: bool) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": s.user_id,
            "type": "user" if full else "user_reference",
            "summary": s.name,
            "self": f"{self.url}/users/{s.user_id}",
        }
        if full:
            body.update(name=s.name, email=s.email, time_zone="UTC")
        return body

    def _entry(self, s: Shift, with_users: bool) -> dict[str, Any]:
        return {
            "user": self._user_body(s, full=with_users),
            "schedule": {"id": s.schedule_id, "type": "schedule_reference"},
            "escalation_level": 1,
            "start": _format(s.start),
            "end": _format(s.end),
        }


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


def _format(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None
