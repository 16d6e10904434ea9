"""A small async PagerDuty REST v2 client: just what on-call syncing needs, done carefully.

One ``GET /oncalls`` query per page with ``include[]=users`` (so emails come along and no call is
made per user), classic offset pagination to the end, and 429 handling that honours
``ratelimit-reset`` and falls back to jittered exponential backoff when the header is missing.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp

from aiosdm._async import ClosesOnExit

__all__ = [
    "OnCall",
    "PagerDutyAuthError",
    "PagerDutyClient",
    "PagerDutyError",
    "PagerDutyUnavailableError",
]

log = logging.getLogger("aiosdm.integrations.pagerduty")

DEFAULT_BASE_URL = "https://api.pagerduty.com"
PAGE_LIMIT = 100  # PagerDuty's maximum page size
MAX_OFFSET = 10_000  # offset + limit beyond this is refused by PagerDuty


class PagerDutyError(Exception):
    """PagerDuty answered with an error. The API token never appears in it.

    The hierarchy::

        PagerDutyError              PagerDuty refused a request (bad schedule id, ...)
        ├── PagerDutyAuthError      PagerDuty refused the token itself (401, 403)
        └── PagerDutyUnavailableError
                                    PagerDuty could not be reached, failed (5xx) or kept
                                    rate limiting past our retries

    Attributes:
        status: the HTTP status, when PagerDuty answered at all.
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class PagerDutyAuthError(PagerDutyError):
    """PagerDuty refused the API token (HTTP 401) or its rights (HTTP 403)."""


class PagerDutyUnavailableError(PagerDutyError):
    """PagerDuty could not be reached, timed out, failed (5xx) or kept rate limiting."""


@dataclass(frozen=True)
class OnCall:
    """One on-call shift. ``start``/``end`` are None for open-ended (permanent) on-call."""

    user_id: str
    email: str
    name: str
    schedule_id: str
    start: datetime | None
    end: datetime | None


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:  # PagerDuty always sends an offset; be strict if it does not
        raise PagerDutyError(f"on-call time without a time zone: {value!r}")
    return parsed.astimezone(UTC)


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: attach a timezone")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PagerDutyClient(ClosesOnExit):
    """Async PagerDuty client. Use as ``async with PagerDutyClient(token) as pd:``.

    Args:
        token: a REST API key (sent as ``Token token=...``) or, with ``oauth=True``, a bearer
            token. It never appears in reprs, logs or errors.
        base_url: API root; tests point it at a local stand-in.
        max_retries: how many 429 answers in a row are absorbed before giving up.
        max_backoff: upper bound in seconds for one wait, whatever the server says.
        session: an existing aiohttp session to reuse (not closed by us).
    """

    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        oauth: bool = False,
        max_retries: int = 6,
        max_backoff: float = 60.0,
        session: aiohttp.ClientSession | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not token:
            raise ValueError("a PagerDuty API token is required")
        self._auth = f"Bearer {token}" if oauth else f"Token token={token}"
        self._base_url = base_url.rstrip("/")
        self._max_retries = max_retries
        self._max_backoff = max_backoff
        self._session = session
        self._owns_session = session is None
        self._sleep = sleep
        self.requests_made = 0  # every HTTP request sent, retries included

    def __repr__(self) -> str:
        return f"PagerDutyClient(base_url={self._base_url!r})"

    async def close(self) -> None:
        """Close the HTTP session it made. Safe to call more than once."""
        if self._owns_session and self._session is not None:
            await self._session.close()
        self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
            self._owns_session = True
        return self._session

    async def _get(self, path: str, params: list[tuple[str, str]]) -> dict[str, Any]:
        headers = {
            "Authorization": self._auth,
            "Accept": "application/vnd.pagerduty+json;version=2",
            "Content-Type": "application/json",
        }
        url = self._base_url + path
        for attempt in range(self._max_retries + 1):
            self.requests_made += 1
            try:
                async with self._http().get(url, params=params, headers=headers) as resp:
                    if resp.status == 429:
                        if attempt == self._max_retries:
                            break
                        delay = self._backoff(resp.headers.get("ratelimit-reset"), attempt)
                        log.info("PagerDuty rate limit hit; waiting %.2fs", delay)
                        await self._sleep(delay)
                        continue
                    if resp.status >= 400:
                        raise _refusal(path, resp.status, await _error_text(resp))
                    body: dict[str, Any] = await resp.json()
                    return body
            except aiohttp.ContentTypeError:
                raise PagerDutyError(
                    f"PagerDuty GET {path} answered with something not JSON"
                ) from None
            except (aiohttp.ClientError, TimeoutError) as exc:
                # The message names the failure, not the URL's query or any header.
                raise PagerDutyUnavailableError(
                    f"PagerDuty could not be reached ({self._base_url}): "
                    f"{type(exc).__name__}{': ' + str(exc) if isinstance(exc, OSError) else ''}"
                ) from exc
        raise PagerDutyUnavailableError(
            f"PagerDuty kept rate limiting GET {path} after {self._max_retries} retries", 429
        )

    def _backoff(self, reset: str | None, attempt: int) -> float:
        """Seconds to wait after a 429: the server's reset hint when given, else backoff."""
        try:
            hinted = float(reset) if reset is not None else None
        except ValueError:
            hinted = None
        if hinted is not None and hinted >= 0:
            # A little jitter so several workers hitting the same limit do not return together.
            return min(hinted + random.uniform(0, 0.25), self._max_backoff)
        return min(2.0**attempt * random.uniform(0.5, 1.0), self._max_backoff)

    async def oncalls(
        self,
        schedule_ids: Sequence[str],
        *,
        since: datetime,
        until: datetime,
        time_zone: str = "UTC",
    ) -> list[OnCall]:
        """Every on-call shift overlapping [since, until] for the given schedules, all pages."""
        if not schedule_ids:
            raise ValueError("at least one schedule id is required")
        base = [("schedule_ids[]", s) for s in schedule_ids]
        base += [
            ("since", _iso(since)),
            ("until", _iso(until)),
            ("time_zone", time_zone),
            ("include[]", "users"),
            ("limit", str(PAGE_LIMIT)),
        ]
        found: list[OnCall] = []
        offset = 0
        while True:
            if offset + PAGE_LIMIT > MAX_OFFSET:
                raise PagerDutyError(
                    f"more than {MAX_OFFSET} on-call entries: narrow the window or the schedules"
                )
            page = await self._get("/oncalls", [*base, ("offset", str(offset))])
            entries = page.get("oncalls") or []
            found += [_oncall(e) for e in entries]
            if not page.get("more") or not entries:
                return found
            offset += len(entries)


def _oncall(entry: dict[str, Any]) -> OnCall:
    user = entry.get("user") or {}
    schedule = entry.get("schedule") or {}
    return OnCall(
        user_id=str(user.get("id", "")),
        email=str(user.get("email", "")),
        name=str(user.get("name") or user.get("summary") or ""),
        schedule_id=str(schedule.get("id", "")),
        start=_parse_time(entry.get("start")),
        end=_parse_time(entry.get("end")),
    )


def _refusal(path: str, status: int, reason: str) -> PagerDutyError:
    if status in (401, 403):
        return PagerDutyAuthError(
            f"PagerDuty refused the API token (HTTP {status} {reason}): check PAGERDUTY_TOKEN "
            "or the token file, and that the key may read on-calls",
            status,
        )
    if status >= 500:
        return PagerDutyUnavailableError(f"PagerDuty GET {path} failed: {status} {reason}", status)
    return PagerDutyError(f"PagerDuty GET {path} failed: {status} {reason}", status)


async def _error_text(resp: aiohttp.ClientResponse) -> str:
    try:
        body = await resp.json()
        return str(body.get("error", {}).get("message", "")) or resp.reason or ""
    except (aiohttp.ContentTypeError, ValueError):
        return resp.reason or ""
