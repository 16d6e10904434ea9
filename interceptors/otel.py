"""OpenTelemetry tracing of calls and of their attempts (the ``otel`` extra).

Give the client an :class:`OpenTelemetryInterceptor`::

    client = aiosdm.Client(key, secret, interceptors=[OpenTelemetryInterceptor()])

* Each call is a CLIENT span named after the wire path, ``v1.Accounts/Get``, with the
  ``rpc.*`` attributes (``rpc.system``, ``rpc.service``, ``rpc.method`` and the final
  ``rpc.grpc.status_code``), ``aiosdm.attempts``, and an error status when it fails.
* Each attempt sent is a child span, ``v1.Accounts/Get attempt``, with the same ``rpc.*``
  attributes, its own status code and ``aiosdm.attempt`` (0 for the first).
* What happened between attempts becomes events of the call span, at the time it
  happened: ``aiosdm.retry`` (``code``, ``attempt``, ``delay``), ``aiosdm.rate_limit_wait``
  (``bucket``, ``wait``) and ``aiosdm.credentials_refresh``; an attempt rejected by the
  rate limit has an ``aiosdm.rate_limited`` event (``bucket``, ``limit``, ``reset_at``).

Nothing is added to the requests: the bytes on the wire stay the official SDK's.
Attributes never hold request contents, so no secret reaches a trace.
"""

from __future__ import annotations

from typing import Any

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from aiosdm import errors
from aiosdm._version import __version__
from aiosdm.interceptors._chain import Call, Handler, Interceptor, Outbound

__all__ = ["OpenTelemetryInterceptor"]


class OpenTelemetryInterceptor(Interceptor):
    """Traces calls and attempts; see the module docstring.

    Args:
        tracer_provider: where spans go; the global provider when None.
    """

    def __init__(self, tracer_provider: trace.TracerProvider | None = None) -> None:
        self._tracer = trace.get_tracer("aiosdm", __version__, tracer_provider=tracer_provider)

    def intercept(self, next: Handler) -> Handler:
        return _CallSpans(next, self._tracer)

    def intercept_attempt(self, next: Handler) -> Handler:
        return _AttemptSpans(next, self._tracer)


def _rpc(call: Call) -> tuple[str, dict[str, Any]]:
    """The span name and ``rpc.*`` attributes of a call: ``/v1.Accounts/Get`` -> ..."""
    _, service, method = call.method.path.split("/")
    return f"{service}/{method}", {
        "rpc.system": "grpc",
        "rpc.service": service,
        "rpc.method": method,
    }


def _failed(span: trace.Span, error: BaseException) -> None:
    if isinstance(error, errors.RPCError):
        span.set_attribute("rpc.grpc.status_code", int(error.code))
        description = f"{type(error).__name__}: {error.msg}"
    else:  # cancelled, or a client-side failure such as a closed client
        description = type(error).__name__
    span.set_attribute("error.type", type(error).__name__)
    span.set_status(Status(StatusCode.ERROR, description))


class _CallSpans(Outbound):
    def __init__(self, next: Handler, tracer: trace.Tracer) -> None:
        super().__init__(next)
        self._tracer = tracer

    async def unary(self, call: Call) -> Any:
        name, attributes = _rpc(call)
        with self._tracer.start_as_current_span(
            name,
            kind=SpanKind.CLIENT,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                response = await self.next.unary(call)
            except BaseException as error:
                attempts = getattr(error, "attempts", None)
                if attempts is not None:
                    span.set_attribute("aiosdm.attempts", attempts)
                _failed(span, error)
                raise
            else:
                span.set_attribute("rpc.grpc.status_code", 0)
                again = sum(e.name in ("retry", "credentials_refresh") for e in call.events)
                span.set_attribute("aiosdm.attempts", 1 + again)
                return response
            finally:
                # The chain noted them as they happened; they keep that time.
                for event in call.events:
                    span.add_event(
                        f"aiosdm.{event.name}", dict(event.attributes), timestamp=event.time_ns
                    )


class _AttemptSpans(Outbound):
    def __init__(self, next: Handler, tracer: trace.Tracer) -> None:
        super().__init__(next)
        self._tracer = tracer

    async def unary(self, call: Call) -> Any:
        name, attributes = _rpc(call)
        attributes["aiosdm.attempt"] = call.attempt
        with self._tracer.start_as_current_span(
            f"{name} attempt",
            kind=SpanKind.INTERNAL,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                response = await self.next.unary(call)
            except BaseException as error:
                if isinstance(error, errors.RateLimitError):
                    limit = error.rate_limit
                    span.add_event(
                        "aiosdm.rate_limited",
                        {
                            "bucket": limit.bucket,
                            "limit": limit.limit,
                            "reset_at": limit.reset_at.isoformat() if limit.reset_at else "",
                        },
                    )
                _failed(span, error)
                raise
            span.set_attribute("rpc.grpc.status_code", 0)
            return response
