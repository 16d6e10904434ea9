"""The PagerDuty client against a local stand-in: pagination, include[]=users, 429 handling."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from aiosdm.integrations.pagerduty import (
    PagerDutyAuthError,
    PagerDutyClient,
    PagerDutyError,
    PagerDutyUnavailableError,
)
from aiosdm.testing.pagerduty import PagerDutyStandIn

T0 = datetime(2026, 11, 21, tzinfo=UTC)


class RecordingSleep:
    """Stands in for asyncio.sleep so backoff waits are observed, not spent."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
async def pd() -> PagerDutyStandIn:
    async with PagerDutyStandIn(token="tok") as server:
        for i in range(250):  # three pages at limit=100
            start = T0 + timedelta(hours=i)
            server.add_shift(
                "PSCHED", f"U{i}", f"user{i}@example.com", start, start + timedelta(hours=1)
            )
        yield server


async def test_all_pages_in_one_query_per_page_with_emails(pd: PagerDutyStandIn) -> None:
    async with PagerDutyClient("tok", base_url=pd.url) as client:
        shifts = await client.oncalls(["PSCHED"], since=T0, until=T0 + timedelta(days=30))
    assert len(shifts) == 250
    assert shifts[7].email == "user7@example.com"
    assert shifts[7].start == T0 + timedelta(hours=7)
    assert pd.count("/oncalls") == 3
    assert pd.count("/users/U7") == 0
    first = dict(pd.requests[0].query)
    assert first["include[]"] == "users" and first["limit"] == "100"


async def test_429_honours_reset_and_backs_off_without_it(pd: PagerDutyStandIn) -> None:
    pd.throttle("3", None, "0")
    sleep = RecordingSleep()
    async with PagerDutyClient("tok", base_url=pd.url, sleep=sleep) as client:
        shifts = await client.oncalls(["PSCHED"], since=T0, until=T0 + timedelta(days=30))
    assert len(shifts) == 250
    assert client.requests_made == 3 + 3  # pages plus one retry per 429
    assert 3 <= sleep.delays[0] <= 3.25  # the server's reset hint, lightly jittered
    assert 0 < sleep.delays[1] <= 60  # no hint: exponential backoff
    assert sleep.delays[2] <= 0.25


async def test_gives_up_after_max_retries(pd: PagerDutyStandIn) -> None:
    pd.throttle(*["1"] * 10)
    async with PagerDutyClient("tok", base_url=pd.url, max_retries=2, sleep=RecordingSleep()) as c:
        with pytest.raises(PagerDutyUnavailableError, match="rate limiting"):
            await c.oncalls(["PSCHED"], since=T0, until=T0 + timedelta(days=1))
    assert pd.count("/oncalls") == 3


async def test_bad_token_is_a_clear_error_without_the_token(pd: PagerDutyStandIn) -> None:
    async with PagerDutyClient("wrong-secret-token", base_url=pd.url) as client:
        with pytest.raises(PagerDutyAuthError) as err:
            await client.oncalls(["PSCHED"], since=T0, until=T0 + timedelta(days=1))
    assert err.value.status == 401
    assert isinstance(err.value, PagerDutyError)
    assert "wrong-secret-token" not in str(err.value)
    assert "wrong-secret-token" not in repr(client)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_unreachable_pagerduty_is_its_own_error() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    async with PagerDutyClient("pd-secret-token", base_url=url) as client:
        with pytest.raises(PagerDutyUnavailableError, match="could not be reached") as err:
            await client.oncalls(["PSCHED"], since=T0, until=T0 + timedelta(days=1))
    assert err.value.status is None and "pd-secret-token" not in str(err.value)


async def test_time_zone_is_passed_through(pd: PagerDutyStandIn) -> None:
    async with PagerDutyClient("tok", base_url=pd.url) as client:
        await client.oncalls(
            ["PSCHED"], since=T0, until=T0 + timedelta(days=1), time_zone="Asia/Tokyo"
        )
    assert dict(pd.requests[0].query)["time_zone"] == "Asia/Tokyo"
