"""The rotation engine (schedule, single flight, rate limit), driven through the KMS source."""

from __future__ import annotations

import asyncio
import base64
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from aiosdm.credentials import (
    AliyunAccessKey,
    AliyunClient,
    AliyunSecretsManager,
    CredentialsRefreshError,
    RefreshPolicy,
    TokenBucket,
)


def sdm(n: int) -> str:
    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


def key(n: int, **hints: object) -> dict[str, object]:
    return {"AccessKeyId": f"auth-{n}", "AccessKeySecret": sdm(n), **hints}


@pytest.fixture
async def client(kms: Any) -> Any:
    api = AliyunClient(
        endpoint=kms.url,
        api_version="2016-01-20",
        credentials=AliyunAccessKey("LTAIbootstrap0000001", "bootstrap-secret-not-real"),
    )
    yield api
    await api.close()


async def test_scheduled_refresh_picks_up_rotation(kms: Any, client: Any) -> None:
    kms.put("s", key(1))
    source = AliyunSecretsManager(
        "s", kms=client, refresh_interval=timedelta(milliseconds=20), jitter=timedelta(0)
    )
    assert (await source.get()).access_key == "auth-1"
    kms.put("s", key(2))
    await kms.wait_for(lambda: kms.calls["GetSecretValue"] >= 3)
    assert (await source.get()).access_key == "auth-2"
    await source.close()


async def test_refresh_interval_hint_in_the_secret_wins(kms: Any, client: Any) -> None:
    kms.put("s", key(1, refreshInterval="0.02s"))
    source = AliyunSecretsManager("s", kms=client, jitter=timedelta(0))  # default: 6 hours
    await source.start()
    await kms.wait_for(lambda: kms.calls["GetSecretValue"] >= 3)
    await source.close()


class _Records(logging.Handler):
    """Collects log lines and wakes a waiting test when one matches."""

    def __init__(self, wanted: str) -> None:
        super().__init__(logging.DEBUG)
        self.wanted = wanted
        self.lines: list[str] = []
        self.seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        if self.wanted in self.lines[-1]:
            self.seen.set()


async def test_failed_scheduled_refresh_keeps_current_and_logs(kms: Any, client: Any) -> None:
    kms.put("s", key(1))
    source = AliyunSecretsManager(
        "s", kms=client, refresh_interval=timedelta(milliseconds=20), jitter=timedelta(0)
    )
    records = _Records("scheduled refresh failed")
    logger = logging.getLogger("aiosdm.credentials")
    logger.addHandler(records)
    try:
        first = await source.get()
        kms.fail_next = 10**6
        await records.seen.wait()
    finally:
        logger.removeHandler(records)
    assert await source.get() is first
    assert not any(sdm(1) in line for line in records.lines)
    await source.close()


async def test_concurrent_first_gets_share_one_fetch(kms: Any, client: Any) -> None:
    kms.put("s", key(1))
    async with AliyunSecretsManager("s", kms=client) as source:
        await source.close()  # stop the schedule; get() still works
        results = await asyncio.gather(*(source.get() for _ in range(50)))
    assert {r.access_key for r in results} == {"auth-1"}
    assert kms.calls["GetSecretValue"] == 1


async def test_concurrent_refreshes_share_one_fetch(kms: Any, client: Any) -> None:
    kms.put("s", key(1))
    async with AliyunSecretsManager("s", kms=client) as source:
        kms.put("s", key(2))
        results = await asyncio.gather(*(source.refresh() for _ in range(50)))
        assert {r.access_key for r in results} == {"auth-2"}
        # Rejections arriving right after the change reuse it instead of fetching again.
        assert (await source.refresh()).access_key == "auth-2"
    assert kms.calls["GetSecretValue"] == 2
    assert source.fetch_count == 2


async def test_forced_refreshes_are_rate_limited(kms: Any, client: Any, monotonic: Any) -> None:
    kms.put("s", key(1))
    bucket = TokenBucket(2, 600.0, monotonic=monotonic)
    async with AliyunSecretsManager("s", kms=client, forced_refresh_limit=bucket) as source:
        await source.refresh()
        await source.refresh()
        assert kms.calls["GetSecretValue"] == 3
        assert (await source.refresh()).access_key == "auth-1"  # no token: current kept
        assert kms.calls["GetSecretValue"] == 3
        monotonic.now += 600
        await source.refresh()
        assert kms.calls["GetSecretValue"] == 4


async def test_failed_forced_refresh_raises(kms: Any, client: Any) -> None:
    kms.put("s", key(1))
    async with AliyunSecretsManager("s", kms=client) as source:
        kms.fail_next = 1
        with pytest.raises(CredentialsRefreshError, match="InternalFailure"):
            await source.refresh()
        assert (await source.get()).access_key == "auth-1"


async def test_expired_value_is_fetched_again(kms: Any, client: Any) -> None:
    clock = FakeClock(datetime(2030, 1, 1, tzinfo=UTC))
    kms.put("s", key(1, ExpireTimestamp="2030-01-01T01:00:00Z"))
    async with AliyunSecretsManager("s", kms=client, clock=clock) as source:
        kms.put("s", key(2, ExpireTimestamp="2030-01-02T00:00:00Z"))
        assert (await source.get()).access_key == "auth-1"
        clock.now += timedelta(hours=1)
        assert (await source.get()).access_key == "auth-2"
        assert (await source.get()).access_key == "auth-2"
    assert kms.calls["GetSecretValue"] == 2


async def test_refresh_policy_moments_drive_get(kms: Any, client: Any) -> None:
    """awsrun's rule, half the lifetime, in advisory then mandatory form."""
    clock = FakeClock(datetime(2030, 1, 1, tzinfo=UTC))
    kms.put("s", key(1, ExpireTimestamp="2030-01-01T01:00:00Z"))
    policy = RefreshPolicy(advisory=0.5, mandatory=0.75)
    async with AliyunSecretsManager("s", kms=client, clock=clock, refresh_policy=policy) as source:
        kms.put("s", key(2, ExpireTimestamp="2030-01-01T02:00:00Z"))
        clock.now += timedelta(minutes=29)
        assert (await source.get()).access_key == "auth-1"
        assert kms.calls["GetSecretValue"] == 1
        clock.now += timedelta(minutes=2)  # advisory: answered at once, fetched behind
        assert (await source.get()).access_key == "auth-1"
        # A demand now joins the background fetch (or, once it landed, reuses its value).
        assert (await source.refresh()).access_key == "auth-2"
        assert (await source.get()).access_key == "auth-2"
        assert kms.calls["GetSecretValue"] == 2

        # auth-2 was fetched at 00:31 and expires at 02:00: mandatory at 01:37:45.
        kms.put("s", key(3, ExpireTimestamp="2030-01-01T03:00:00Z"))
        kms.fail_next = 1
        clock.now = datetime(2030, 1, 1, 1, 38, tzinfo=UTC)
        with pytest.raises(CredentialsRefreshError):
            await source.get()  # mandatory: the failure is the caller's
        assert (await source.get()).access_key == "auth-3"


async def test_value_expired_at_fetch_is_served_not_refetched(kms: Any, client: Any) -> None:
    kms.put("s", key(1, ExpireTimestamp="2000-01-01T00:00:00Z"))
    async with AliyunSecretsManager("s", kms=client) as source:
        assert (await source.get()).access_key == "auth-1"
        assert (await source.get()).access_key == "auth-1"
    assert kms.calls["GetSecretValue"] == 1


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_first_fetch_failure_is_raised(kms: Any, client: Any) -> None:
    source = AliyunSecretsManager("missing", kms=client)
    with pytest.raises(CredentialsRefreshError, match=r"Forbidden\.ResourceNotFound"):
        await source.get()
    await source.close()
    await source.close()  # idempotent
    assert repr(source) == "AliyunSecretsManager(name='aliyun-kms:missing')"
