"""The call chain: signing, retry, encryption and credential refresh.

Every call goes, outermost first, through the user's interceptors and then
Retry → CredentialRefresh → (the user's per-attempt links) → Encryption → Signing →
the transport. Write your own by subclassing :class:`Interceptor` and :class:`Outbound`::

    class Timing(Interceptor):
        def intercept(self, next: Handler) -> Handler:
            return _TimingOutbound(next)

    class _TimingOutbound(Outbound):
        async def unary(self, call: Call) -> Any:
            started = time.monotonic()
            try:
                return await self.next.unary(call)
            finally:
                log.info("%s took %.3fs", call.method.signing_name, time.monotonic() - started)

``intercept`` links see each call once; override :meth:`Interceptor.intercept_attempt`
as well to see every attempt (``call.attempt`` counts them). What the chain did
between attempts (retries, rate-limit waits, credential refreshes) is in
``call.events`` (:class:`CallEvent`). :mod:`aiosdm.interceptors.otel` traces calls
and attempts with OpenTelemetry.
"""

from aiosdm.interceptors._chain import (
    Call,
    CallEvent,
    Handler,
    Interceptor,
    Outbound,
    build_chain,
)
from aiosdm.interceptors.budget import RetryBudget
from aiosdm.interceptors.encryption import EncryptionInterceptor, generate_client_key
from aiosdm.interceptors.pacing import RateLimitPacer
from aiosdm.interceptors.refresh import CredentialRefreshInterceptor, is_expired
from aiosdm.interceptors.retry import (
    RetryInterceptor,
    RetryPolicy,
    never_sent,
)
from aiosdm.interceptors.signing import SigningInterceptor

__all__ = [
    "Call",
    "CallEvent",
    "CredentialRefreshInterceptor",
    "EncryptionInterceptor",
    "Handler",
    "Interceptor",
    "Outbound",
    "RateLimitPacer",
    "RetryBudget",
    "RetryInterceptor",
    "RetryPolicy",
    "SigningInterceptor",
    "build_chain",
    "generate_client_key",
    "is_expired",
    "never_sent",
]
