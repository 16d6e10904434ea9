"""``aiosdm demo``: a tour of the SDK against the embedded local control plane.

It starts a local control plane, then does with real calls what teams do with strongDM: creates
1,000 users concurrently, resources and roles, attachments and a temporary grant; takes an
access request through a workflow to its grant; lists with filters and pages; reads the past
through a snapshot and a role's history; round-trips a managed secret (encrypted both ways);
bursts into a rate limit that retries absorb; and syncs on-call access from a small PagerDuty
stand-in. It ends with a summary table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiosdm._generated.models import (
    SSH,
    AccountAttachment,
    AccountGrant,
    KeyValueEngine,
    ManagedSecret,
    Postgres,
    Redis,
    Role,
    StrongVaultStore,
    User,
    Workflow,
    WorkflowApprover,
    WorkflowRole,
)
from aiosdm.cli._output import Console
from aiosdm.client import Client
from aiosdm.integrations.pagerduty import PagerDutyClient, sync_oncall_grants
from aiosdm.testing import LocalServer, RateLimit
from aiosdm.testing.pagerduty import PagerDutyStandIn

__all__ = ["register", "run_demo"]


class DemoError(Exception):
    """A step saw something other than what the SDK promises."""


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise DemoError(what)


@dataclass
class Step:
    name: str
    headline: str  # the step's result in a few words, for the summary table
    result: str
    seconds: float


@dataclass
class DemoReport:
    steps: list[Step] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"steps": [s.__dict__ for s in self.steps], "ok": True}


class _Tour:
    def __init__(self, client: Client, server: LocalServer, out: Console, users: int) -> None:
        self.client, self.server, self.out, self.users = client, server, out, users
        self.report = DemoReport()

    async def step(self, name: str, body: Callable[[], Awaitable[tuple[str, str]]]) -> None:
        self.out.print(f"[bold]▶ {name}[/bold]")
        started = time.perf_counter()
        headline, result = await body()
        seconds = time.perf_counter() - started
        self.report.steps.append(Step(name, headline, result, round(seconds, 3)))
        self.out.print(f"  {result}  [dim]({seconds:.2f}s)[/dim]")

    # -- the steps -------------------------------------------------------------------------

    async def create_users(self) -> tuple[str, str]:
        gate = asyncio.Semaphore(64)
        ids: dict[int, str] = {}
        with self.out.progress("users created", self.users) as bar:

            async def one(i: int) -> None:
                async with gate:
                    resp = await self.client.accounts.create(
                        User(
                            email=f"user{i:04d}@example.com",
                            first_name="User",
                            last_name=f"{i:04d}",
                        )
                    )
                    assert resp.account is not None
                    ids[i] = resp.account.id
                    bar.advance()

            async with asyncio.TaskGroup() as tasks:
                for i in range(self.users):
                    tasks.create_task(one(i))
        # In user-number order: ids come back in whatever order the concurrent creates finish.
        self.user_ids = [ids[i] for i in range(self.users)]
        return (
            f"{len(ids)} users",
            f"{len(ids)} users created concurrently (at most 64 calls in flight)",
        )

    async def resources_and_roles(self) -> tuple[str, str]:
        created = []
        for resource in (
            Postgres(
                name="prod-db",
                hostname="db.prod.internal",
                username="app",
                password="s3cret",
                database="app",
                port=5432,
                tags={"env": "prod"},
            ),
            Redis(
                name="prod-cache", hostname="cache.prod.internal", port=6379, tags={"env": "prod"}
            ),
            SSH(
                name="dev-bastion",
                hostname="bastion.dev.internal",
                username="ops",
                port=22,
                tags={"env": "dev"},
            ),
        ):
            resp = await self.client.resources.create(resource)
            assert resp.resource is not None
            created.append(resp.resource)
        self.prod_db, self.prod_cache = created[0], created[1]
        role = await self.client.roles.create(
            Role(name="engineers", access_rules=[{"tags": {"env": "dev"}}])
        )
        self.role = role.role
        return (
            f"{len(created)} resources, 1 role",
            f"{len(created)} resources; role 'engineers' reaches tag env=dev",
        )

    async def attachments_and_grant(self) -> tuple[str, str]:
        for account_id in self.user_ids[:10]:
            await self.client.account_attachments.create(
                AccountAttachment(account_id=account_id, role_id=self.role.id)
            )
        now = datetime.now(UTC).replace(microsecond=0)
        await self.client.account_grants.create(
            AccountGrant(
                account_id=self.user_ids[0],
                resource_id=self.prod_db.id,
                start_from=now,
                valid_until=now + timedelta(hours=1),
            )
        )
        reach = [
            r async for r in self.client.account_resources.list("account_id:?", self.user_ids[0])
        ]
        return (
            "10 attachments, 1 grant",
            "10 users attached to 'engineers'; user0000 granted prod-db for 1h; "
            f"it reaches {len(reach)} resources",
        )

    async def access_request(self) -> tuple[str, str]:
        # user0002 (an engineer) asks for a prod resource; user0001 approves.
        approver, requester = self.user_ids[1], self.user_ids[2]
        cache = self.prod_cache
        flow = (
            await self.client.workflows.create(
                Workflow(
                    name="prod access",
                    access_rules=[{"tags": {"env": "prod"}}],
                    enabled=True,
                    access_request_max_duration=timedelta(hours=4),
                )
            )
        ).workflow
        await self.client.workflow_roles.create(
            WorkflowRole(workflow_id=flow.id, role_id=self.role.id)
        )
        await self.client.workflow_approvers.create(
            WorkflowApprover(workflow_id=flow.id, account_id=approver)
        )

        async def reach() -> set[str]:
            rows = self.client.account_resources.list("account_id:?", requester)
            return {r.resource_id async for r in rows}

        # Users file requests outside the API: the local control plane's test API stands in.
        filed = await self.server.file_access_request(
            account_id=requester,
            workflow_id=flow.id,
            resource_id=cache.id,
            reason="cache eviction",
            duration=timedelta(hours=1),
        )
        before = await reach()
        await self.server.approve_access_request(filed.id, approver_id=approver)
        after = await reach()
        [listed] = [r async for r in self.client.access_requests.list("id:?", filed.id)]
        events = self.client.access_request_events_history.list("request_id:?", filed.id)
        kinds = [e.access_request_event.type async for e in events]
        _expect(
            listed.status == "approved" and cache.id in after - before,
            f"access request {listed.status}; prod-cache reachable before={cache.id in before} "
            f"after={cache.id in after}",
        )
        return (
            f"{listed.status}, 1 grant",
            f"user0002 asked for prod-cache via 'prod access' ({filed.status}); user0001 "
            f"{listed.status}: 1h grant, reach {len(before)} -> {len(after)}; "
            f"events {', '.join(kinds)}",
        )

    async def lists(self) -> tuple[str, str]:
        pages = sizes = 0
        async for page in self.client.accounts.list("email:?", "user00*@example.com").pages():
            pages += 1
            sizes += len(page)
        everyone = 0
        with self.out.progress("accounts listed", None) as bar:
            async for _ in self.client.accounts.list("type:user"):
                everyone += 1
                bar.advance()
        return (
            f"{sizes} filtered, {everyone} listed",
            f"filter email:user00* -> {sizes} users in {pages} pages; type:user -> {everyone}",
        )

    async def snapshot_and_history(self) -> tuple[str, str]:
        before = datetime.now(UTC)
        await asyncio.sleep(0.01)  # let the clock move past `before`
        role = self.role
        role.access_rules = [{"tags": {"env": "dev"}}, {"tags": {"env": "prod"}}]
        await self.client.roles.update(role)
        past = (await self.client.snapshot_at(before).roles.get(role.id)).role
        now = (await self.client.roles.get(role.id)).role
        versions = [h async for h in self.client.roles_history.list("id:?", role.id)]
        _expect(
            past.access_rules == [{"tags": {"env": "dev"}}],
            f"the snapshot shows {past.access_rules}, not the rules before the update",
        )
        _expect(len(versions) == 2, f"the role's history has {len(versions)} versions, not 2")
        return (
            f"past rules read, {len(versions)} versions",
            f"role rules then: {json.dumps(past.access_rules)}; "
            f"now: {json.dumps(now.access_rules)}; history has {len(versions)} versions",
        )

    async def managed_secret(self) -> tuple[str, str]:
        store = (
            await self.client.secret_stores.create(StrongVaultStore(name="vault"))
        ).secret_store
        assert store is not None
        engine = (
            await self.client.secret_engines.create(
                KeyValueEngine(name="kv", secret_store_id=store.id, secret_store_root_path="demo")
            )
        ).secret_engine
        assert engine is not None
        value = b"correct horse battery staple"
        created = await self.client.managed_secrets.create(
            ManagedSecret(name="db-password", secret_engine_id=engine.id, value=value)
        )
        back = await self.client.managed_secrets.retrieve(created.managed_secret.id)
        same = back.managed_secret.value == value
        _expect(same, "the retrieved secret differs from the one stored")
        return (
            "plaintext matches" if same else "MISMATCH",
            "stored encrypted to the engine key, retrieved encrypted to ours: "
            f"plaintext matches={same}",
        )

    async def rate_limit_burst(self) -> tuple[str, str]:
        before = sum(self.server.calls.values())
        self.server.rate_limit = RateLimit(limit=100, period=1.0)
        started = time.perf_counter()
        try:
            await asyncio.gather(*(self.client.roles.get(self.role.id) for _ in range(300)))
        finally:
            self.server.rate_limit = None
        attempts = sum(self.server.calls.values()) - before
        return (
            f"300 ok, {attempts} attempts",
            f"300 calls at a 100/s limit: all succeeded in {time.perf_counter() - started:.1f}s "
            f"with {attempts} attempts ({attempts - 300} rejected and retried)",
        )

    async def oncall_sync(self) -> tuple[str, str]:
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        async with PagerDutyStandIn(token="demo-token") as pd:
            pd.add_shift("PDEMO", "U1", "User0001@example.com", now, now + timedelta(hours=8))
            pd.add_shift(
                "PDEMO",
                "U2",
                "user0002@example.com",
                now + timedelta(hours=8),
                now + timedelta(hours=16),
            )
            pd.add_shift("PDEMO", "U3", "stranger@example.com", now, now + timedelta(hours=8))
            async with PagerDutyClient("demo-token", base_url=pd.url) as pagerduty:
                # Run twice, as cron would: the second run must find everything granted.
                first, again = [
                    await sync_oncall_grants(
                        self.client,
                        pagerduty,
                        schedule_ids=["PDEMO"],
                        resources=["prod-db"],
                        since=now,
                        until=now + timedelta(days=1),
                    )
                    for _ in range(2)
                ]
            pages = pd.count("/oncalls")
        _expect(
            len(first.created) == 2 and not again.created,
            f"on-call sync: {len(first.created)} grants, then {len(again.created)} more "
            f"(errors: {first.errors + again.errors})",
        )
        return (
            f"{len(first.created)} grants, {len(again.created)} on rerun",
            f"{len(first.created)} grants for the shifts, unmatched {first.unmatched_users}; "
            f"second run created {len(again.created)}, skipped {len(again.skipped)}; "
            f"{pages} PagerDuty requests",
        )


async def run_demo(out: Console, *, users: int = 1000) -> DemoReport:
    """Run the whole tour (``users`` >= 10); returns what each step did."""
    if users < 10:
        raise ValueError("the tour needs at least 10 users")
    async with LocalServer() as server, server.client() as client:
        tour = _Tour(client, server, out, users)
        out.print(f"[bold]aiosdm demo[/bold]: local control plane on {server.host}")
        await tour.step("Create users", tour.create_users)
        await tour.step("Resources and roles", tour.resources_and_roles)
        await tour.step("Attachments and a temporary grant", tour.attachments_and_grant)
        await tour.step("Access request through a workflow", tour.access_request)
        await tour.step("Filtered, paginated lists", tour.lists)
        await tour.step("The past: snapshot and history", tour.snapshot_and_history)
        await tour.step("Managed secret round trip", tour.managed_secret)
        await tour.step("Burst into a rate limit", tour.rate_limit_burst)
        await tour.step("On-call sync from PagerDuty", tour.oncall_sync)
        steps = tour.report.steps
        out.table(
            "Summary",
            ["step", "result", "seconds"],
            [(s.name, s.headline, f"{s.seconds:.2f}") for s in steps]
            + [("total", "", f"{sum(s.seconds for s in steps):.2f}")],
        )
        return tour.report


def _at_least_ten(text: str) -> int:
    value = int(text)
    if value < 10:
        raise argparse.ArgumentTypeError("the tour needs at least 10 users")
    return value


def register(subparsers: Any) -> None:
    """Add the ``demo`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo", help="tour the SDK against an embedded local control plane"
    )
    parser.add_argument(
        "--users", type=_at_least_ten, default=1000, help="users to create (default 1000, min 10)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    out = Console(quiet=args.json)
    try:
        report = asyncio.run(run_demo(out, users=args.users))
    except DemoError as err:
        print(f"aiosdm demo: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    return 0
