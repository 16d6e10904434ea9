"""Temporary access for whoever is on call: PagerDuty schedules -> strongDM account grants.

An async rewrite of the classic cron script: one PagerDuty query per page (emails included, no
call per user), rate limits honoured, users matched by email case-insensitively, grants clipped
to the window, and nothing created twice however often it runs.

    SDM_API_ACCESS_KEY=... SDM_API_SECRET_KEY=... PAGERDUTY_TOKEN=... \\
        python examples/oncall_grants.py --schedule PABC123 --resource prod-db --hours 24

With ``--local`` it runs against aiosdm's local control plane and a PagerDuty stand-in instead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from datetime import UTC, datetime, timedelta

import aiosdm
from aiosdm.integrations.pagerduty import PagerDutyClient, SyncReport, sync_oncall_grants


async def grant_oncall_access(
    client: aiosdm.Client,
    pagerduty: PagerDutyClient,
    schedules: list[str],
    resources: list[str],
    hours: float,
) -> SyncReport:
    now = datetime.now(UTC).replace(microsecond=0)
    report = await sync_oncall_grants(
        client,
        pagerduty,
        schedule_ids=schedules,
        resources=resources,
        since=now,
        until=now + timedelta(hours=hours),
    )
    for plan in report.created:
        print(f"granted {plan.email} {plan.resource_name} from {plan.start} to {plan.end}")
    for plan in report.skipped:
        print(f"already granted: {plan.email} {plan.resource_name} from {plan.start}")
    for email in report.unmatched_users:
        print(f"on call but not a strongDM user: {email}")
    for error in report.errors:
        print(f"error: {error}")
    return report


async def main(args: argparse.Namespace) -> int:
    async with (
        aiosdm.Client.from_env() as client,
        PagerDutyClient(os.environ["PAGERDUTY_TOKEN"]) as pagerduty,
    ):
        report = await grant_oncall_access(
            client, pagerduty, args.schedule, args.resource, args.hours
        )
    return 0 if report.ok else 1


async def local() -> int:
    """The same job against local stand-ins, so it runs anywhere."""
    from aiosdm.testing import LocalServer
    from aiosdm.testing.pagerduty import PagerDutyStandIn

    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    async with LocalServer() as server, server.client() as client, PagerDutyStandIn() as pd:
        await client.resources.create(
            aiosdm.Postgres(
                name="prod-db", hostname="db", username="app", password="pw", database="app"
            )
        )
        for name in ("alice", "bob"):
            await client.accounts.create(
                aiosdm.User(email=f"{name}@example.com", first_name=name, last_name="Example")
            )
        pd.add_shift("PSCHED", "P1", "Alice@Example.com", now, now + timedelta(hours=12))
        pd.add_shift(
            "PSCHED", "P2", "bob@example.com", now + timedelta(hours=12), now + timedelta(hours=24)
        )
        pd.add_shift("PSCHED", "P3", "carol@example.com", now, now + timedelta(hours=24))
        async with PagerDutyClient(pd.token, base_url=pd.url) as pagerduty:
            first = await grant_oncall_access(client, pagerduty, ["PSCHED"], ["prod-db"], 24)
            again = await grant_oncall_access(client, pagerduty, ["PSCHED"], ["prod-db"], 24)
        print(f"first run created {len(first.created)}, second run created {len(again.created)}")
        return 0 if first.ok and not again.created else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schedule", action="append", default=[], help="PagerDuty schedule id")
    parser.add_argument("--resource", action="append", default=[], help="strongDM resource name")
    parser.add_argument("--hours", type=float, default=24, help="window length (default 24)")
    parser.add_argument("--local", action="store_true", help="use local stand-ins")
    arguments = parser.parse_args()
    if not arguments.local and not (arguments.schedule and arguments.resource):
        parser.error("give --schedule and --resource (or --local)")
    raise SystemExit(asyncio.run(local() if arguments.local else main(arguments)))
