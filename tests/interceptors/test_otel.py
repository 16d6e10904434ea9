"""OpenTelemetry: a span per call, a child span per attempt, retries and rate-limit waits as
events, the final status; seen through the OpenTelemetry SDK's in-memory exporter."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.v1 import spec_pb2
from aiosdm.client import Client
from aiosdm.interceptors import RetryPolicy
from aiosdm.interceptors.otel import OpenTelemetryInterceptor

from ..client._servers import (
    ACCESS_KEY,
    SECRET,
    Abort,
    Received,
    ScriptedServer,
    plain_answer,
    timestamp,
)


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    yield exporter
    exporter.shutdown()


def traced(server: ScriptedServer, exporter: InMemorySpanExporter) -> Client:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return Client(
        ACCESS_KEY,
        SECRET,
        host=server.target,
        insecure=True,
        retry_policy=RetryPolicy(base_delay=0.001, max_delay=0.01),
        interceptors=[OpenTelemetryInterceptor(tracer_provider=provider)],
    )


def split(spans: tuple[ReadableSpan, ...]) -> tuple[list[ReadableSpan], list[ReadableSpan]]:
    calls = [s for s in spans if s.kind is SpanKind.CLIENT]
    attempts = [s for s in spans if s.name.endswith(" attempt")]
    return calls, sorted(attempts, key=lambda s: s.attributes["aiosdm.attempt"])  # type: ignore[index]


async def test_a_call_and_each_of_its_attempts_are_spans(exporter: InMemorySpanExporter) -> None:
    async def flaky(received: Received) -> Any:
        if len(server.received) <= 2:
            raise Abort(grpc.StatusCode.UNAVAILABLE, "blip")
        return await plain_answer(received)

    async with ScriptedServer(flaky) as server, traced(server, exporter) as client:
        await client.accounts.get("a-1")
    calls, attempts = split(exporter.get_finished_spans())
    [call] = calls
    assert call.name == "v1.Accounts/Get"
    assert dict(call.attributes or {}) == {
        "rpc.system": "grpc",
        "rpc.service": "v1.Accounts",
        "rpc.method": "Get",
        "rpc.grpc.status_code": 0,
        "aiosdm.attempts": 3,
    }
    assert call.status.status_code is StatusCode.UNSET
    retries = [e for e in call.events if e.name == "aiosdm.retry"]
    assert [(e.attributes or {}).get("attempt") for e in retries] == [1, 2]
    assert all((e.attributes or {}).get("code") == "UNAVAILABLE" for e in retries)
    assert [a.name for a in attempts] == ["v1.Accounts/Get attempt"] * 3
    assert [(a.attributes or {}).get("rpc.grpc.status_code") for a in attempts] == [14, 14, 0]
    assert [a.status.status_code for a in attempts] == [StatusCode.ERROR] * 2 + [StatusCode.UNSET]
    for attempt in attempts:
        assert attempt.parent is not None and attempt.parent.span_id == call.context.span_id
        assert (attempt.attributes or {}).get("rpc.method") == "Get"


async def test_a_failed_call_has_the_final_status(exporter: InMemorySpanExporter) -> None:
    async def missing(received: Received) -> Any:
        raise Abort(grpc.StatusCode.NOT_FOUND, "cannot find role 'r-1'")

    async with ScriptedServer(missing) as server, traced(server, exporter) as client:
        with pytest.raises(errors.NotFoundError):
            await client.roles.get("r-1")
    calls, attempts = split(exporter.get_finished_spans())
    [call] = calls
    assert call.status.status_code is StatusCode.ERROR
    assert call.status.description == "NotFoundError: cannot find role 'r-1'"
    assert (call.attributes or {})["rpc.grpc.status_code"] == 5
    assert (call.attributes or {})["aiosdm.attempts"] == 1
    assert (call.attributes or {})["error.type"] == "NotFoundError"
    assert len(attempts) == 1 and not call.events


async def test_a_rate_limit_wait_is_an_event(exporter: InMemorySpanExporter) -> None:
    async def limited(received: Received) -> Any:
        if len(server.received) == 1:
            reset = timestamp(time.time() + 0.2)
            limit = spec_pb2.RateLimitMetadata(limit=5, remaining=0, reset_at=reset, bucket="k")
            raise Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down", rate_limit=limit)
        return await plain_answer(received)

    async with ScriptedServer(limited) as server, traced(server, exporter) as client:
        await client.roles.create(M.Role(name="ops"))
    calls, attempts = split(exporter.get_finished_spans())
    [call] = calls
    names = [e.name for e in call.events]
    assert names == ["aiosdm.retry", "aiosdm.rate_limit_wait"]
    wait = call.events[1].attributes or {}
    assert wait["bucket"] == "k" and 0 < float(wait["wait"]) < 5  # type: ignore[arg-type]
    rejected = [e for e in attempts[0].events if e.name == "aiosdm.rate_limited"]
    assert (rejected[0].attributes or {})["bucket"] == "k"
    assert [(a.attributes or {}).get("rpc.grpc.status_code") for a in attempts] == [8, 0]
