"""On-call sync end to end: PagerDuty stand-in -> sync -> local control plane."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from aiosdm._generated.models import AccountGrant, Postgres, User
from aiosdm.client import Client
from aiosdm.integrations.pagerduty import PagerDutyClient, sync_oncall_grants
from aiosdm.testing import LocalServer
from aiosdm.testing.pagerduty import PagerDutyStandIn

T0 = datetime(2030, 1, 1, tzinfo=UTC)
SINCE, UNTIL = T0, T0 + timedelta(days=3)
KNOWN = 12  # users known to both systems; each holds several shifts


class NoWait:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
async def world() -> AsyncIterator[tuple[LocalServer, Client, PagerDutyStandIn]]:
    async with LocalServer() as server, server.client() as client, PagerDutyStandIn() as pd:
        for i in range(KNOWN):
            await client.accounts.create(
                User(email=f"oncall{i}@example.com", first_name="On", last_name=str(i))
            )
        await client.resources.create(
            Postgres(name="prod-db", hostname="h", username="u", password="p", database="d")
        )
        # 250 shifts -> three pages of 100; some users unknown to strongDM; emails in mixed case;
        # one shift open-ended, one starting before the window (both clipped to it).
        for n in range(250):
            start = T0 - timedelta(hours=6) + timedelta(minutes=17 * n)
            who = n % (KNOWN + 3)
            email = f"OnCall{who}@Example.com" if who < KNOWN else f"stranger{who}@example.com"
            end = None if n == 249 else start + timedelta(hours=2)
            pd.add_shift("PSCHED", f"U{who}", email, start, end)
        yield server, client, pd


def expected_windows(pd: PagerDutyStandIn) -> set[tuple[str, datetime, datetime]]:
    out = set()
    for s in pd.shifts:
        if s.email.lower().startswith("stranger"):
            continue
        start, end = max(s.start or SINCE, SINCE), min(s.end or UNTIL, UNTIL)
        if start < end:
            out.add((s.email.lower(), start, end))
    return out


async def grants_by_email(client: Client) -> set[tuple[str, datetime, datetime]]:
    emails = {}
    async for account in client.accounts.list("type:user"):
        assert isinstance(account, User)
        emails[account.id] = account.email
    found = set()
    async for grant in client.account_grants.list(""):
        assert isinstance(grant, AccountGrant)
        assert grant.start_from is not None and grant.valid_until is not None
        found.add((emails[grant.account_id], grant.start_from, grant.valid_until))
    return found


async def test_grants_match_shifts_once_and_pagerduty_is_asked_per_page(world) -> None:  # type: ignore[no-untyped-def]
    server, client, pd = world
    pd.throttle("1", None)  # a 429 with a reset hint, then one without
    sleep = NoWait()
    async with PagerDutyClient(pd.token, base_url=pd.url, sleep=sleep) as pagerduty:
        report = await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["prod-db"],
            since=SINCE,
            until=UNTIL,
        )
        assert report.ok, report.errors
        assert pd.count("/oncalls") == 3 + 2  # one request per page, plus the two retries
        assert not [r for r in pd.requests if r.path.startswith("/users/")]
        assert len(sleep.delays) == 2
        assert sorted(report.unmatched_users) == [f"stranger{i}@example.com" for i in (12, 13, 14)]
        assert await grants_by_email(client) == expected_windows(pd)
        assert len(report.created) == len(expected_windows(pd))

        creates = server.calls["AccountGrants.Create"]
        again = await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["prod-db"],
            since=SINCE,
            until=UNTIL,
        )
    assert again.created == [] and len(again.skipped) == len(report.created)
    assert server.calls["AccountGrants.Create"] == creates


async def test_dry_run_writes_nothing(world) -> None:  # type: ignore[no-untyped-def]
    server, client, pd = world
    async with PagerDutyClient(pd.token, base_url=pd.url) as pagerduty:
        report = await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["prod-db"],
            since=SINCE,
            until=UNTIL,
            dry_run=True,
        )
    assert report.dry_run and len(report.created) == len(expected_windows(pd))
    assert server.calls["AccountGrants.Create"] == 0
    assert await grants_by_email(client) == set()


async def test_unknown_resource_is_reported(world) -> None:  # type: ignore[no-untyped-def]
    _, client, pd = world
    async with PagerDutyClient(pd.token, base_url=pd.url) as pagerduty:
        report = await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["nope"],
            since=SINCE,
            until=UNTIL,
        )
    assert not report.ok and "no resource named 'nope'" in report.errors[0]
    assert report.created == []


async def test_a_later_window_grants_only_what_is_not_yet_covered(world) -> None:  # type: ignore[no-untyped-def]
    """Cron runs move the window: an hour later, shifts in progress are not granted again,
    and only the part of a shift beyond the first window's end is added."""
    _, client, pd = world
    async with PagerDutyClient(pd.token, base_url=pd.url) as pagerduty:
        await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["prod-db"],
            since=SINCE,
            until=T0 + timedelta(hours=10),
        )
        later = await sync_oncall_grants(
            client,
            pagerduty,
            schedule_ids=["PSCHED"],
            resources=["prod-db"],
            since=SINCE + timedelta(hours=1),
            until=T0 + timedelta(hours=11),
        )
    # Shifts are 2 h long and start every 17 min: the ones crossing the old end (10 h) get
    # their remainder; those starting in (10 h, 11 h) are new; nothing else is created.
    assert later.created and later.skipped
    for plan in later.created:
        assert plan.start >= T0 + timedelta(hours=10)
    by_account: dict[str, list[tuple[datetime, datetime]]] = {}
    async for grant in client.account_grants.list(""):
        by_account.setdefault(grant.account_id, []).append((grant.start_from, grant.valid_until))
    for windows in by_account.values():
        windows.sort()
        for (_, end), (start, _) in itertools.pairwise(windows):
            assert end <= start, "grants of one person overlap"
