"""Give whoever is on call temporary access for exactly their shift (PagerDuty -> AccountGrants).

Idempotent: nothing already granted is granted again (an existing grant that covers a shift,
even one made by an earlier run with an earlier window, means the shift is skipped; only the
uncovered part of a shift is granted), so the sync can run from cron as often as you like.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
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
    skipped: list[GrantPlan] = field(default_factory=list)  # already covered by a grant
    unmatched_users: list[str] = field(default_factory=list)  # on call, unknown to strongDM
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the run ended without errors."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (times as ISO 8601 text), e.g. for ``json.dumps``."""

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
    time_zone: str = "UTC",
) -> SyncReport:
    """Grant every on-call user of ``schedule_ids`` the ``resources`` (by name) for their shifts,
    clipped to [since, until].

    PagerDuty is asked once per page of on-calls (emails included), with ``time_zone`` (an
    IANA name such as ``Europe/Berlin``) passed through; users are matched by email,
    case-insensitively. Calls to strongDM run at most ``concurrency`` at a time.

    Raises:
        PagerDutyAuthError: PagerDuty refused the token.
        PagerDutyUnavailableError: PagerDuty could not be reached.
        PagerDutyError: PagerDuty refused the query (an unknown schedule, time zone, ...).
    """
    if since.tzinfo is None or until.tzinfo is None:
        raise ValueError("since/until must be timezone-aware datetimes")
    if until <= since:
        raise ValueError("until must be after since")
    report = SyncReport(dry_run=dry_run)
    gate = asyncio.Semaphore(concurrency)

    shifts = await pagerduty.oncalls(schedule_ids, since=since, until=until, time_zone=time_zone)
    resource_ids = await _resolve_resources(client, resources, gate, report)
    emails = sorted({s.email.lower() for s in shifts if s.email})
    accounts = await _resolve_users(client, emails, gate)
    report.unmatched_users = [e for e in emails if e not in accounts]
    if any(not s.email for s in shifts):
        report.errors.append("some on-call entries carry no email (was include[]=users dropped?)")

    # Plans grouped by (account, resource): each group is checked against the grants that
    # exist once, and handled in order so two shifts of one person never race each other.
    groups: dict[tuple[str, str], dict[tuple[datetime, datetime], GrantPlan]] = {}
    for shift in shifts:
        account_id = accounts.get(shift.email.lower())
        window = _clip(shift, since, until)
        if account_id is None or window is None:
            continue
        for name, resource_id in resource_ids.items():
            plan = GrantPlan(shift.email, account_id, resource_id, name, *window)
            groups.setdefault((account_id, resource_id), {}).setdefault(window, plan)

    async def apply(plans: list[GrantPlan]) -> None:
        async with gate:
            try:
                covered = await _existing_windows(client, plans[0].account_id, plans[0].resource_id)
            except Exception as exc:
                report.errors.append(f"listing grants of {plans[0].email}: {exc}")
                return
            for plan in sorted(plans, key=lambda p: p.start):
                gaps = _uncovered((plan.start, plan.end), covered)
                if not gaps:
                    report.skipped.append(plan)
                    continue
                for start, end in gaps:
                    part = replace(plan, start=start, end=end)
                    try:
                        if not dry_run:
                            await client.account_grants.create(
                                AccountGrant(
                                    account_id=part.account_id,
                                    resource_id=part.resource_id,
                                    start_from=part.start,
                                    valid_until=part.end,
                                )
                            )
                        covered.append((start, end))
                        report.created.append(part)
                    except Exception as exc:  # one bad grant must not stop the others
                        report.errors.append(
                            f"grant for {part.email} on {part.resource_name}: {exc}"
                        )

    async with asyncio.TaskGroup() as tasks:
        for plans in groups.values():
            tasks.create_task(apply(list(plans.values())))
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


_Window = tuple[datetime | None, datetime | None]  # None: open-ended on that side


async def _existing_windows(client: Client, account_id: str, resource_id: str) -> list[_Window]:
    return [
        (grant.start_from, grant.valid_until)
        async for grant in client.account_grants.list(
            "account_id:?,resource_id:?", account_id, resource_id
        )
    ]


def _uncovered(
    window: tuple[datetime, datetime], covered: list[_Window]
) -> list[tuple[datetime, datetime]]:
    """The parts of ``window`` no existing grant covers.

    An earlier run with an earlier window clipped shifts differently, so "identical" alone
    is not enough: a later run must neither repeat nor overlap what is already granted.
    """
    gaps = [window]
    for c_start, c_end in covered:
        next_gaps = []
        for start, end in gaps:
            lo = start if c_start is None else max(start, c_start)
            hi = end if c_end is None else min(end, c_end)
            if lo >= hi:  # no overlap
                next_gaps.append((start, end))
                continue
            if start < lo:
                next_gaps.append((start, lo))
            if hi < end:
                next_gaps.append((hi, end))
        gaps = next_gaps
    return gaps
