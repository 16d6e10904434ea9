"""``aiosdm access-request`` as a real process against ``aiosdm serve`` as another: file by
names, approve by email, read the grant back; failures are one line with a status."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import timedelta
from pathlib import Path

import aiosdm
from aiosdm.client import Client

from .._serve import CREDENTIALS, serving


async def command(creds: Path, *args: str) -> tuple[int, str, str]:
    """Run ``aiosdm access-request ARGS`` connected to the server; (status, stdout, stderr)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "aiosdm.cli.main",
        "access-request",
        *args,
        "--credentials-file",
        str(creds),
        "--insecure",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def _world(client: Client) -> dict[str, str]:
    ids = {}
    for name in ("alice", "bob"):
        user = aiosdm.User(email=f"{name}@example.com", first_name=name, last_name="X")
        ids[name] = (await client.accounts.create(user)).account.id
    db = aiosdm.RawTCP(name="prod-db", hostname="db", port=1, tags={"env": "prod"})
    ids["db"] = (await client.resources.create(db)).resource.id
    flow = aiosdm.Workflow(
        name="prod access",
        access_rules=[{"tags": {"env": "prod"}}],
        enabled=True,
        access_request_max_duration=timedelta(hours=4),
    )
    ids["flow"] = (await client.workflows.create(flow)).workflow.id
    await client.workflow_approvers.create(
        aiosdm.WorkflowApprover(workflow_id=ids["flow"], account_id=ids["bob"])
    )
    return ids


def _connect(saved: dict[str, str]) -> Client:
    return Client(saved["access_key"], saved["secret_key"], host=saved["host"], insecure=True)


async def test_file_by_names_approve_by_email_and_see_the_grant(tmp_path: Path) -> None:
    creds = tmp_path / CREDENTIALS  # what the commands read
    async with serving(tmp_path) as (_, saved), _connect(saved) as client:
        ids = await _world(client)
        status, out, err = await command(
            creds,
            "file",
            "--workflow",
            "prod access",
            "--resource",
            "prod-db",
            "--account",
            "alice@example.com",
            "--reason",
            "incident 7",
            "--duration",
            "90m",
            "--json",
        )
        assert status == 0, err
        filed = json.loads(out)
        assert filed["type"] == "AccessRequest" and filed["status"] == "pending"
        assert (filed["account_id"], filed["workflow_id"], filed["resource_id"]) == (
            ids["alice"],
            ids["flow"],
            ids["db"],
        )
        assert filed["requestedduration"] == 5400 and filed["reason"] == "incident 7"

        status, out, err = await command(
            creds, "approve", filed["id"], "--approver", "bob@example.com", "--comment", "ok"
        )
        assert status == 0, err
        assert out.startswith(f"{filed['id']} approved: grant ag-") and " until " in out

        [reach] = [r async for r in client.account_resources.list("account_id:?", ids["alice"])]
        assert reach.resource_id == ids["db"] and reach.expires_at is not None
        events = client.access_request_events_history.list("request_id:?", filed["id"])
        kinds = [e.access_request_event.type async for e in events]
        assert kinds == ["requested", "approved", "granted"]

        # Refusals: one line on stderr, no traceback, status 3 (server) or 2 (arguments).
        status, out, err = await command(creds, "deny", filed["id"], "--approver", ids["bob"])
        assert (status, out) == (3, "")
        assert err == (
            f"aiosdm access-request: BadRequestError: access request {filed['id']} is "
            "approved, not pending\n"
        )
        status, out, err = await command(
            creds, "file", "--workflow", "nope", "--resource", "prod-db", "--account", "x@y.z"
        )
        assert (status, out) == (2, "")
        assert err == ("aiosdm access-request: no workflow has name 'nope': give its id (aw-...)\n")
        status, _, err = await command(
            creds,
            "file",
            "--workflow",
            ids["flow"],
            "--resource",
            ids["db"],
            "--account",
            ids["alice"],
            "--duration",
            "5h",
        )
        assert status == 3 and err.count("\n") == 1 and "at most 4h, not 5h" in err
        assert "Traceback" not in err


async def test_cancel_as_the_requester(tmp_path: Path) -> None:
    creds = tmp_path / CREDENTIALS  # what the commands read
    async with serving(tmp_path) as (_, saved), _connect(saved) as client:
        ids = await _world(client)
        status, out, err = await command(
            creds,
            "file",
            "--workflow",
            ids["flow"],
            "--resource",
            ids["db"],
            "--account",
            ids["alice"],
            "--duration",
            "1h",
        )
        assert status == 0, err
        request_id, state = out.split()
        assert state == "pending"
        status, out, err = await command(creds, "cancel", request_id, "--comment", "done")
        assert (status, out) == (0, f"{request_id} canceled\n"), err
        [request] = [r async for r in client.access_requests.list("id:?", request_id)]
        assert request.status == "canceled" and not request.grant_id
