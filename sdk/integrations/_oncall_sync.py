"""Give whoever is on call temporary access for exactly their shift (PagerDuty -> AccountGrants).

Idempotent: a grant identical to one that exists (same account, resource, start and end) is not
created again, so the sync can run from cron as often as you like.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from aiosdm._generated.models import AccountGrant, User
from aiosdm.integrations._pagerduty_api import OnCall, PagerDutyClient

if TYPE_CHECKING:
    from aiosdm.client import Client

__all__ = ["GrantPlan", "SyncReport", "sync_oncall_grants"]


@dataclass(frozen=True)
class GrantPlan:
    """One grant the sync wants: ``email`` may reach ``resource_name`` from start to end."""

    email: str
    account_id: str
    resource_id: str
    resource_name: str
    start: datetime
    end: datetime


@dataclass
class SyncReport:
    """What a sync did (or, with ``dry_run``, would do)."""

    dry_run: bool
    created: list[GrantPlan] = field(default_factory=list)
    skipped: list[GrantPlan] = field(default_factory=list)  # an identical grant exists
    unmatched_users: list[str] = field(default_factory=list)  # on call, unknown to strongDM
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        def plan(p: GrantPlan) -> dict[str, Any]:
            d = asdict(p)
            d["start"], d["end"] = p.start.isoformat(), p.end.isoformat()
            return d

        return {
            "dry_run": self.dry_run,
            "created": [plan(p) for p in self.created],
            "skipped": [plan(p) for p in self.skipped],
            "unmatched_users": self.unmatched_users,
            "errors": self.errors,
        }


def _clip(shift: OnCall, since: datetime, until: datetime) -> tuple[datetime, datetime] | None:
    start = max(shift.start or since, since)
    end = min(shift.end or until, until)
    return (start, end) if start < end else None


async def sync_oncall_grants(
    client: Client,
    pagerduty: PagerDutyClient,
    *,
    schedule_ids: Sequence[str],
    resources: Sequence[str],
    since: datetime,
    until: datetime,
    dry_run: bool = False,
    concurrency: int = 8,
) -> SyncReport:
    """Grant every on-call user of ``schedule_ids`` the ``resources`` (by name) for their shifts,
    clipped to [since, until].

    PagerDuty is asked once per page of on-calls (emails included); users are matched by email,
    case-insensitively. Calls to strongDM run at most ``concurrency`` at a time.
    """
    if since.tzinfo is None or until.tzinfo is None:
        raise ValueError("since/until must be timezone-aware datetimes")
    if until <= since:
        raise ValueError("until must be after since")
    report = SyncReport(dry_run=dry_run)
    gate = asyncio.Semaphore(concurrency)

    shifts = await pagerduty.oncalls(schedule_ids, since=since, until=until)
    resource_ids = await _resolve_resources(client, resources, gate, report)
    emails = sorted({s.email.lower() for s in shifts if s.email})
    accounts = await _resolve_users(client, emails, gate)
    report.unmatched_users = [e for e in emails if e not in accounts]
    if any(not s.email for s in shifts):
        report.errors.append("some on-call entries carry no email (was include[]=users dropped?)")

    wanted: dict[tuple[str, str, datetime, datetime], GrantPlan] = {}
    for shift in shifts:
        account_id = accounts.get(shift.email.lower())
        window = _clip(shift, since, until)
        if account_id is None or window is None:
            continue
        for name, resource_id in resource_ids.items():
            key = (account_id, resource_id, *window)
            wanted.setdefault(key, GrantPlan(shift.email, account_id, resource_id, name, *window))

    async def apply(plan: GrantPlan) -> None:
        async with gate:
            try:
                if await _grant_exists(client, plan):
                    report.skipped.append(plan)
                    return
                if not dry_run:
                    await client.account_grants.create(
                        AccountGrant(
                            account_id=plan.account_id,
                            resource_id=plan.resource_id,
                            start_from=plan.start,
                            valid_until=plan.end,
                        )
                    )
                report.created.append(plan)
            except Exception as exc:  # one bad grant must not stop the others
                report.errors.append(f"grant for {plan.email} on {plan.resource_name}: {exc}")

    async with asyncio.TaskGroup() as tasks:
        for plan in wanted.values():
            tasks.create_task(apply(plan))
    report.created.sort(key=lambda p: (p.start, p.email, p.resource_name))
    report.skipped.sort(key=lambda p: (p.start, p.email, p.resource_name))
    return report


async def _resolve_resources(
    client: Client, names: Sequence[str], gate: asyncio.Semaphore, report: SyncReport
) -> dict[str, str]:
    async def one(name: str) -> tuple[str, str | None]:
        async with gate:
            async for resource in client.resources.list("name:?", name):
                if resource.name == name:
                    return name, resource.id
        return name, None

    found = await asyncio.gather(*(one(n) for n in dict.fromkeys(names)))
    for name, rid in found:
        if rid is None:
            report.errors.append(f"no resource named {name!r}")
    return {name: rid for name, rid in found if rid is not None}


async def _resolve_users(
    client: Client, emails: Sequence[str], gate: asyncio.Semaphore
) -> dict[str, str]:
    async def one(email: str) -> tuple[str, str | None]:
        async with gate:
            async for account in client.accounts.list("email:?", email):
                if isinstance(account, User) and account.email.lower() == email:
                    return email, account.id
        return email, None

    found = await asyncio.gather(*(one(e) for e in emails))
    return {email: aid for email, aid in found if aid is not None}


async def _grant_exists(client: Client, plan: GrantPlan) -> bool:
    async for grant in client.account_grants.list(
        "account_id:?,resource_id:?", plan.account_id, plan.resource_id
    ):
        if grant.start_from == plan.start and grant.valid_until == plan.end:
            return True
    return False
