"""Retry: the official SDK's backoff, made safe for writes and for busy services.

* Reads (idempotent methods) retry transient failures (UNAVAILABLE, INTERNAL, and
  CANCELLED from gRPC: a caller's own cancellation is never an RPC error) until
  their deadline, with exponential backoff (1 s * 1.6**n, at most 120 s, +-20 %
  jitter). A read without a deadline retries at most ``max_retries`` times.
* Writes are sent again only when the request certainly never reached the service
  (the connection could not be made), at most ``max_retries`` times. A write that
  may have been processed is never sent twice.
* RESOURCE_EXHAUSTED is retried while ``retry_rate_limit_errors`` is on (the
  service rejected the request before doing anything). With a ``reset_at`` the
  call waits in the shared :class:`~aiosdm.interceptors.pacing.RateLimitPacer`
  until the quota is back; without one it backs off.
* A shared :class:`~aiosdm.interceptors.budget.RetryBudget` turns transient
  retries off while most attempts fail, so an outage never becomes a storm.
* The call's deadline covers every attempt and every wait: no wait is started
  that would end past it, and no attempt is sent once it has passed.
* A :class:`~aiosdm.errors.ConnectError` is final: the transport already waited
  for the connection.

Each retry is logged at DEBUG on ``aiosdm.retry`` and noted in ``call.events``;
the error finally raised carries ``attempts``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiosdm import errors
from aiosdm._public import publish
from aiosdm._status import StatusCode
from aiosdm.interceptors._chain import (
    Call,
    CallEvent,
    Handler,
    Interceptor,
    Outbound,
    next_attempt,
)
from aiosdm.interceptors.budget import RetryBudget
from aiosdm.interceptors.pacing import (
    Permit,
    Quota,
    QuotaExhausted,
    RateLimitPacer,
    random_fraction,
)

__all__ = ["RetryInterceptor", "RetryPolicy", "never_sent"]

log = logging.getLogger("aiosdm.retry")

# A pacing wait shorter than this is just the queue moving on: not worth an event.
_NOTABLE_WAIT = 0.001


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to wait before trying a call again.

    The backoff defaults are the official SDK's. Change them with ``dataclasses.replace``.

    Attributes:
        base_delay: seconds; the n-th retry waits ``base_delay * factor**n``...
        factor: ...growth per retry...
        max_delay: ...at most this many seconds...
        jitter: ...then ± this fraction, at random.
        max_retries: retries of a transient failure for a write that never left and for
            a read without a deadline (a read with one retries until it).
        retry_rate_limit_errors: retry RESOURCE_EXHAUSTED (without a count limit;
            the deadline bounds it).
        retryable_codes: the transient gRPC codes (CANCELLED, INTERNAL, UNAVAILABLE).
    """

    base_delay: float = 1.0
    factor: float = 1.6
    max_delay: float = 120.0
    jitter: float = 0.2
    max_retries: int = 4
    retry_rate_limit_errors: bool = True
    retryable_codes: frozenset[int] = frozenset(
        {StatusCode.CANCELLED, StatusCode.INTERNAL, StatusCode.UNAVAILABLE}
    )

    def backoff(self, retry: int, rng: Callable[[], float] = random_fraction) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first)."""
        delay = min(self.base_delay * self.factor**retry, self.max_delay)
        return max(0.0, delay * (1 + self.jitter * (rng() * 2 - 1)))


def never_sent(error: errors.RPCError) -> bool:
    """True when the request certainly did not reach the service.

    gRPC reports a connection that could not be made with this text before any
    byte of the request is written; anything else may have been processed.
    """
    return error.code == StatusCode.UNAVAILABLE and error.details.startswith(
        "failed to connect to all addresses"
    )


def _quota_error(exhausted: QuotaExhausted) -> errors.RateLimitError:
    """The RateLimitError for a call held back because its quota returns too late."""
    from aiosdm._generated.models.spec import RateLimitMetadata  # rarely needed: see errors

    reset_at = datetime.fromtimestamp(exhausted.reset_at, UTC)
    rate_limit = RateLimitMetadata(
        limit=exhausted.limit, remaining=0, reset_at=reset_at, bucket=exhausted.bucket
    )
    return errors.RateLimitError(
        "rate limit reached; the quota returns after the call's deadline", rate_limit
    )


def _code_name(code: int) -> str:
    known = StatusCode.of(code)
    return known.name if known is not None else str(code)


class RetryInterceptor(Interceptor):
    """Retries failed attempts per ``policy``; see the module docstring.

    Args:
        policy: backoff and limits.
        budget: shared retry budget (one per client).
        pacer: shared rate-limit pacing (one per client).
        sleep: how to wait (``asyncio.sleep``); tests may pass a faster one.
        rng: jitter source.
        safe_to_resend: decides whether a failed write may be sent again.
    """

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        budget: RetryBudget | None = None,
        pacer: RateLimitPacer | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        rng: Callable[[], float] = random_fraction,
        safe_to_resend: Callable[[errors.RPCError], bool] = never_sent,
    ) -> None:
        self.policy = policy or RetryPolicy()
        self.budget = budget or RetryBudget()
        self.pacer = pacer or RateLimitPacer()
        self.sleep = sleep
        self.rng = rng
        self.safe_to_resend = safe_to_resend

    def intercept(self, next: Handler) -> Handler:
        return _RetryOutbound(next, self)


class _RetryOutbound(Outbound):
    def __init__(self, next: Handler, config: RetryInterceptor) -> None:
        super().__init__(next)
        self._config = config

    async def unary(self, call: Call) -> Any:
        config = self._config
        pacer = config.pacer
        path = call.method.path
        transient = limited = 0
        # Without rate-limit retries the caller wants the rejection, not a wait.
        paced = config.policy.retry_rate_limit_errors
        last: errors.RPCError | None = None
        attempt = 0
        while True:
            try:
                # No detour through the pacer while none of its buckets holds this path.
                permit = await self._permit(call) if paced and pacer.paces(path) else None
            except QuotaExhausted as exhausted:
                raise last or _counted(_quota_error(exhausted), attempt) from None
            except TimeoutError:
                raise last or _counted(errors.TimeoutError(), attempt) from None
            try:
                response = await self.next.unary(next_attempt(call, attempt))
            except errors.RPCError as error:
                last = _counted(error, attempt + 1)
                if error.code == StatusCode.RESOURCE_EXHAUSTED:
                    quota = Quota.from_model(getattr(error, "rate_limit", None))
                    wait = pacer.rejected(permit, path, quota)
                    limited += 1
                    delay = self._after_rate_limit(call, error, limited, wait)
                else:
                    pacer.failed(permit)
                    transient += 1
                    delay = self._after_failure(call, error, transient)
            except BaseException:
                pacer.failed(permit)
                raise
            else:
                pacer.answered(
                    permit, path, Quota.from_message(getattr(response, "rate_limit", None))
                )
                config.budget.on_success()
                return response
            left = call.time_left()
            if left is not None and delay >= left:
                raise last  # the next attempt could only start past the deadline
            self._note_retry(call, last, attempt + 1, delay)
            if delay > 0:
                await config.sleep(delay)
                left = call.time_left()
                if left is not None and left <= 0:
                    raise last  # the wait overran the deadline: send nothing more
            attempt += 1

    async def _permit(self, call: Call) -> Permit | None:
        """Leave from the pacer to send; a notable wait becomes an event of the call."""
        started = time.monotonic()
        permit = await self._config.pacer.acquire(call.method.path, call.deadline)
        waited = time.monotonic() - started
        if permit is not None and waited >= _NOTABLE_WAIT:
            call.events.append(
                CallEvent("rate_limit_wait", {"bucket": permit.bucket.name, "wait": waited})
            )
        return permit

    def _note_retry(self, call: Call, error: errors.RPCError, attempts: int, delay: float) -> None:
        code = _code_name(error.code)
        log.debug(
            "retrying %s after %s (attempt %d failed; next in %.3fs)",
            call.method.signing_name,
            code,
            attempts,
            delay,
        )
        call.events.append(CallEvent("retry", {"code": code, "attempt": attempts, "delay": delay}))

    def _after_rate_limit(
        self, call: Call, error: errors.RPCError, retry: int, wait: float | None
    ) -> float:
        """Seconds to sleep before retrying a rate-limited call, or raise ``error``.

        ``wait`` is how long the pacer will hold the call (None: not paced).
        """
        config = self._config
        if not config.policy.retry_rate_limit_errors:
            raise error
        if wait is None:
            rate_limit = error.rate_limit if isinstance(error, errors.RateLimitError) else None
            reset_at = rate_limit.reset_at if rate_limit is not None else None
            if reset_at is None or reset_at.timestamp() <= time.time():
                return config.policy.backoff(retry, config.rng)
            # No quota to pace by, but a time: sleep until then (bounded, a little later).
            until_reset = min(config.policy.max_delay, reset_at.timestamp() - time.time())
            return until_reset * (1 + config.policy.jitter * config.rng())
        left = call.time_left()
        if left is not None and wait >= left:
            raise error  # the quota comes back after the deadline
        return 0.0  # acquire() holds the call until its turn

    def _after_failure(self, call: Call, error: errors.RPCError, retry: int) -> float:
        """Seconds to wait before retrying a transient failure, or raise ``error``."""
        config = self._config
        policy = config.policy
        if isinstance(error, errors.ConnectError) or error.code not in policy.retryable_codes:
            raise error
        if not (call.idempotent or config.safe_to_resend(error)):
            raise error  # the service may have done it: never do a write twice
        config.budget.on_failure()
        if not config.budget.allows_retry():
            raise error
        # A read with a deadline retries until it; anything else counts its retries.
        counted = not call.idempotent or call.deadline is None
        if counted and retry > policy.max_retries:
            raise error
        return policy.backoff(retry, config.rng)


def _counted(error: errors.RPCError, attempts: int) -> errors.RPCError:
    error.attempts = attempts
    return error


# Shown as aiosdm.<Name>, where users import them from.
publish(RetryPolicy)
