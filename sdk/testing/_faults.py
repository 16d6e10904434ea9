"""Fault injection: make chosen methods fail or slow down, reproducibly.

Faults are drawn from a seeded RNG. By default a fault strikes *after* the call
did its work (a write is committed, then the client sees the error), which is
what a client that blindly retries writes must survive.
"""

from __future__ import annotations

import fnmatch
import random
import threading
from collections import Counter
from dataclasses import dataclass, field

import grpc

from aiosdm._generated.v1 import spec_pb2
from aiosdm.testing._errors import ServiceError
from aiosdm.testing._fields import us_timestamp
from aiosdm.testing._store import now_us

__all__ = ["Fault", "Faults"]


@dataclass
class Fault:
    """One injected failure.

    Attributes:
        method: signing name (``"Accounts.Create"``) or a glob (``"Accounts.*"``, ``"*"``).
        code: the gRPC status the call ends with.
        rate: probability that a matching call fails.
        count: how many more times it may strike (None: no limit).
        after_commit: strike after the call took effect (True) or before (False).
        message: the status message.
    """

    method: str
    code: grpc.StatusCode
    rate: float = 1.0
    count: int | None = None
    after_commit: bool = True
    message: str = "injected fault"
    struck: int = field(default=0, init=False)

    def error(self) -> ServiceError:
        """The error a call hit by this fault is answered with."""
        rate_limit = None
        if self.code == grpc.StatusCode.RESOURCE_EXHAUSTED:
            rate_limit = spec_pb2.RateLimitMetadata(bucket="injected")
            us_timestamp(now_us() + 100_000, rate_limit.reset_at)
        return ServiceError(self.code, self.message, rate_limit=rate_limit)


class Faults:
    """The faults and latencies a server applies. Thread-safe."""

    def __init__(self, seed: int | None = None) -> None:
        self._rng = random.Random(seed)
        self._faults: list[Fault] = []
        self._latency: dict[str, float] = {}
        self._lock = threading.Lock()
        #: How often each (method, code) fault struck.
        self.injected: Counter[tuple[str, str]] = Counter()

    def add(
        self,
        method: str,
        code: grpc.StatusCode,
        *,
        rate: float = 1.0,
        count: int | None = None,
        after_commit: bool = True,
        message: str = "injected fault",
    ) -> Fault:
        """Make calls matching ``method`` fail with ``code`` (see :class:`Fault`)."""
        if code == grpc.StatusCode.OK:
            raise ValueError("a fault needs a non-OK status code")
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be within [0, 1]")
        fault = Fault(method, code, rate, count, after_commit, message)
        with self._lock:
            self._faults.append(fault)
        return fault

    def set_latency(self, method: str, seconds: float) -> None:
        """Delay every call matching ``method`` (a glob) by ``seconds``; 0 removes it."""
        with self._lock:
            if seconds > 0:
                self._latency[method] = seconds
            else:
                self._latency.pop(method, None)

    def seed(self, seed: int) -> None:
        """Reseed the random choices of rate-based faults, for repeatable runs."""
        with self._lock:
            self._rng.seed(seed)

    def clear(self) -> None:
        """Remove every fault and latency."""
        with self._lock:
            self._faults.clear()
            self._latency.clear()

    def latency(self, method: str) -> float:
        """The delay, in seconds, added to a call of ``method`` (the sum of matching globs)."""
        with self._lock:
            return sum(
                s for pattern, s in self._latency.items() if fnmatch.fnmatchcase(method, pattern)
            )

    def draw(self, method: str) -> Fault | None:
        """The fault that strikes this call of ``method``, if any (first match wins)."""
        with self._lock:
            for fault in self._faults:
                if fault.count is not None and fault.count <= 0:
                    continue
                if not fnmatch.fnmatchcase(method, fault.method):
                    continue
                if fault.rate < 1.0 and self._rng.random() >= fault.rate:
                    continue
                if fault.count is not None:
                    fault.count -= 1
                fault.struck += 1
                self.injected[(method, fault.code.name)] += 1
                return fault
        return None
