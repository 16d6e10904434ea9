"""Small policies: token bucket, refresh schedule, secret documents, the expiry predicate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiosdm.credentials import (
    RotationHints,
    SecretFormatError,
    TokenBucket,
    is_unauthenticated,
)
from aiosdm.credentials._schedule import ROTATION_GRACE, next_refresh_delay, retry_delay
from aiosdm.credentials._secret_document import load_json_object, parse_interval, parse_time
from aiosdm.errors import AuthenticationError, NotFoundError

NOW = datetime(2026, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_token_bucket_refills(monotonic: Any) -> None:
    bucket = TokenBucket(2, 10.0, monotonic=monotonic)
    assert bucket.try_take() and bucket.try_take()
    assert not bucket.try_take()
    monotonic.now += 5
    assert not bucket.try_take()
    monotonic.now += 5
    assert bucket.try_take()
    monotonic.now += 1000
    assert bucket.tokens == 2
    with pytest.raises(ValueError):
        TokenBucket(0)


def test_schedule_rules() -> None:
    plain = next_refresh_delay(
        now=NOW,
        interval=HOUR,
        jitter=timedelta(minutes=10),
        hints=RotationHints(),
        rand=lambda: 0.5,
    )
    assert plain == HOUR + timedelta(minutes=5)
    hinted = RotationHints(refresh_interval=timedelta(minutes=2))
    assert next_refresh_delay(now=NOW, interval=HOUR, jitter=timedelta(0), hints=hinted) == (
        timedelta(minutes=2)
    )
    rotation = RotationHints(next_rotation=NOW + timedelta(minutes=20))
    assert next_refresh_delay(now=NOW, interval=HOUR, jitter=timedelta(0), hints=rotation) == (
        timedelta(minutes=20) + ROTATION_GRACE
    )
    past = RotationHints(expires_at=NOW - HOUR, next_rotation=NOW - HOUR)
    assert next_refresh_delay(now=NOW, interval=HOUR, jitter=timedelta(0), hints=past) == HOUR
    far = RotationHints(next_rotation=NOW + timedelta(days=3))
    assert next_refresh_delay(now=NOW, interval=HOUR, jitter=timedelta(0), hints=far) == HOUR
    assert retry_delay(1, HOUR) == timedelta(seconds=30)
    assert retry_delay(3, HOUR) == timedelta(seconds=120)
    assert retry_delay(50, HOUR) == HOUR


@given(
    interval=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=1)),
    jitter=st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=1)),
    rand=st.floats(min_value=0, max_value=1),
    rotation=st.none() | st.timedeltas(min_value=-HOUR, max_value=timedelta(days=2)),
    expiry=st.none() | st.timedeltas(min_value=-HOUR, max_value=timedelta(days=2)),
)
def test_schedule_never_sleeps_past_expiry(
    interval: timedelta,
    jitter: timedelta,
    rand: float,
    rotation: timedelta | None,
    expiry: timedelta | None,
) -> None:
    hints = RotationHints(
        next_rotation=None if rotation is None else NOW + rotation,
        expires_at=None if expiry is None else NOW + expiry,
    )
    delay = next_refresh_delay(
        now=NOW, interval=interval, jitter=jitter, hints=hints, rand=lambda: rand
    )
    assert delay >= timedelta(0)
    if expiry is not None and expiry > timedelta(0):
        assert delay < expiry
    if expiry is None:
        assert delay <= max(interval + jitter, (rotation or timedelta(0)) + ROTATION_GRACE)


def test_hints_are_read_leniently() -> None:
    managed = RotationHints.from_document(
        {
            "refreshInterval": "21600s",
            "scheduleRotateTimestamp": 1767225600,
            "ExpireTimestamp": "2026-01-02T00:00:00Z",
        }
    )
    assert managed == RotationHints(timedelta(hours=6), NOW, datetime(2026, 1, 2, tzinfo=UTC))
    plain = RotationHints.from_document({"refresh_interval": 60, "next_rotation": "2026-01-01"})
    assert plain == RotationHints(timedelta(minutes=1), NOW, None)
    assert RotationHints.from_document({"refreshInterval": "soon", "expires_at": True}) == (
        RotationHints()
    )
    assert parse_interval("-5") is None and parse_interval(0) is None
    assert parse_time("1767225600") == NOW
    assert parse_time([]) is None


def test_json_errors_do_not_echo() -> None:
    with pytest.raises(SecretFormatError) as caught:
        load_json_object('{"secret_key": "hunter2"', source="src")
    assert "hunter2" not in str(caught.value)
    assert caught.value.__suppress_context__  # the JSONDecodeError (holding the text) is gone
    with pytest.raises(SecretFormatError):
        load_json_object("[1, 2]", source="src")


def test_expired_predicate_understands_both_error_kinds() -> None:
    assert is_unauthenticated(AuthenticationError("bad key"))
    assert not is_unauthenticated(NotFoundError("gone"))
    assert not is_unauthenticated(ValueError("x"))

    class RawRpcError(Exception):
        def __init__(self, code: grpc.StatusCode) -> None:
            self._code = code

        def code(self) -> grpc.StatusCode:
            return self._code

    assert is_unauthenticated(RawRpcError(grpc.StatusCode.UNAUTHENTICATED))
    assert not is_unauthenticated(RawRpcError(grpc.StatusCode.UNAVAILABLE))
