"""Per-access-key token buckets, reported the way the service reports them.

Each key gets ``limit`` tokens that refill evenly over ``period``; a call takes one.
``reset_at`` is when the bucket would be full again, so a client that sleeps until
then is certain to get through.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import grpc

from aiosdm._generated.v1 import spec_pb2
from aiosdm.testing._errors import ServiceError
from aiosdm.testing._fields import us_timestamp

__all__ = ["RateLimit", "RateLimiter"]


@dataclass(frozen=True)
class RateLimit:
    """``limit`` calls per ``period`` seconds for each access key."""

    limit: int
    period: float = 1.0

    def __post_init__(self) -> None:
        if self.limit < 1 or self.period <= 0:
            raise ValueError("rate limit needs limit >= 1 and period > 0")


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets by access key; with no limit set every call passes."""

    def __init__(self, limit: RateLimit | None = None) -> None:
        self._limit = limit
        self._buckets: dict[str, _Bucket] = {}

    @property
    def limit(self) -> RateLimit | None:
        return self._limit

    @limit.setter
    def limit(self, value: RateLimit | None) -> None:
        self._limit = value
        self._buckets.clear()

    def take(self, access_key: str) -> spec_pb2.RateLimitMetadata:
        """Spend one token of ``access_key``'s bucket.

        Returns:
            The bucket's state after the call, for the response's ``rate_limit``.

        Raises:
            ServiceError: RESOURCE_EXHAUSTED with the bucket's state as a detail.
        """
        bucket_name = f"api-key:{access_key}"
        wall_us = time.time_ns() // 1000
        if self._limit is None:
            meta = spec_pb2.RateLimitMetadata(bucket=bucket_name)
            us_timestamp(wall_us, meta.reset_at)
            return meta
        limit = self._limit
        rate = limit.limit / limit.period
        now = time.monotonic()
        bucket = self._buckets.get(access_key)
        if bucket is None:
            bucket = self._buckets[access_key] = _Bucket(float(limit.limit), now)
        bucket.tokens = min(float(limit.limit), bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        allowed = bucket.tokens >= 1.0
        if allowed:
            bucket.tokens -= 1.0
        full_in = (limit.limit - bucket.tokens) / rate
        meta = spec_pb2.RateLimitMetadata(
            limit=limit.limit, remaining=int(bucket.tokens), bucket=bucket_name
        )
        us_timestamp(wall_us + int(full_in * 1_000_000) + 1, meta.reset_at)
        if not allowed:
            raise ServiceError(
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                f"rate limit exceeded: {limit.limit} calls per {limit.period:g}s",
                rate_limit=meta,
            )
        return meta
