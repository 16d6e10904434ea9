"""``aiosdm access-request``: file and decide access requests on a local control plane.

Users file access requests outside the API (strongDM's web UI or CLI), so the API cannot
make one. ``aiosdm serve`` takes them through its test controls instead; this command
drives those from a shell, naming workflows, resources and accounts by name, email or
id. Reading them back is ``aiosdm list access-requests`` (and ``access-requests-history``,
``access-request-events-history``, ``account-grants``).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import Any

from aiosdm.cli._common import add_connection_args, connected, parse_duration, run
from aiosdm.cli._jsonable import jsonable
from aiosdm.client import Client
from aiosdm.testing import ControlClient

__all__ = ["register"]

_NAME = "access-request"


def register(subparsers: Any) -> None:
    """Add the ``access-request`` subcommand and its actions."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        _NAME,
        help="file, approve, deny or cancel an access request (local control plane only)",
        description=(
            "Do what users do outside the API on a running `aiosdm serve`: file an access "
            "request against a workflow, then approve, deny or cancel it. The workflow's "
            "rules apply (access rules, linked roles, durations, reason, approvers); the last "
            "approval creates a time-bound account grant. Connect as for `aiosdm list` "
            "(e.g. --credentials-file creds.json --insecure, with the admin key `aiosdm "
            "serve` wrote). Exit status: 0 done, 2 bad arguments, 3 refused by the server."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    file = actions.add_parser(
        "file",
        help="file a request as an account",
        description="File an access request; prints its id and status (pending, or "
        "approved when the workflow grants automatically).",
    )
    file.add_argument("--workflow", required=True, help="workflow name or id (aw-...)")
    file.add_argument("--resource", required=True, help="resource name or id (rs-...)")
    file.add_argument("--account", required=True, help="requester's email, name or id (a-...)")
    file.add_argument("--reason", default="", help="why access is needed")
    file.add_argument(
        "--duration",
        type=_duration,
        help="how long, e.g. 30m, 2h, 1d (may be left out when the workflow fixes one)",
    )
    file.add_argument("--start", type=_aware_time, help="ISO time with zone (default: now)")
    _common(file, _file)

    for action, verb in (("approve", "approve"), ("deny", "deny")):
        decide = actions.add_parser(
            action,
            help=f"{verb} a pending request as an approver",
            description=f"{verb.capitalize()} a pending access request as one of its "
            "approvers"
            + ("; the last approval needed creates the grant." if action == "approve" else "."),
        )
        decide.add_argument("request_id", metavar="REQUEST_ID", help="the request (aq-...)")
        decide.add_argument(
            "--approver", required=True, help="approver's email, name or id (a-...)"
        )
        decide.add_argument("--comment", default="", help="recorded with the decision")
        _common(decide, _decide)

    cancel = actions.add_parser(
        "cancel",
        help="withdraw a pending request (as its requester)",
        description="Withdraw a pending access request, as its requester.",
    )
    cancel.add_argument("request_id", metavar="REQUEST_ID", help="the request (aq-...)")
    cancel.add_argument("--comment", default="", help="recorded with the cancellation")
    _common(cancel, _decide)


def _common(parser: argparse.ArgumentParser, work: Any) -> None:
    parser.add_argument("--json", action="store_true", help="print the request as JSON")
    add_connection_args(parser)
    parser.set_defaults(handler=lambda args: run(_NAME, args, work))


def _duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _aware_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO time: {text!r}") from None
    if when.tzinfo is None:
        raise argparse.ArgumentTypeError(f"time {text!r} has no zone: add Z or +HH:MM")
    return when


async def _lookup(service: Any, noun: str, prefix: str, value: str, field: str) -> str:
    """The id of the one entity ``value`` names: an id (by its prefix) as is, else the
    entity whose ``field`` equals it."""
    if value.startswith(prefix):
        return value
    found = [item.id async for item in service.list(f"{field}:?", value)]
    if len(found) != 1:
        many = f"{len(found)} {noun}s have" if found else f"no {noun} has"
        raise ValueError(f"{many} {field} {value!r}: give its id ({prefix}...)")
    return str(found[0])


async def _account(client: Client, value: str) -> str:
    # Users go by email; service and token accounts by name.
    field = "email" if "@" in value else "name"
    return await _lookup(client.accounts, "account", "a-", value, field)


def _print(request: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(jsonable(request)))
        return
    line = f"{request.id} {request.status}"
    if request.grant_id and request.valid_until is not None:
        line += f": grant {request.grant_id} until {request.valid_until.isoformat()}"
    print(line)


async def _file(args: argparse.Namespace) -> int:
    async with connected(args) as client:
        workflow = await _lookup(client.workflows, "workflow", "aw-", args.workflow, "name")
        resource = await _lookup(client.resources, "resource", "rs-", args.resource, "name")
        account = await _account(client, args.account)
        async with ControlClient(client.host, client.credentials, insecure=args.insecure) as ctl:
            request = await ctl.file_access_request(
                account_id=account,
                workflow_id=workflow,
                resource_id=resource,
                reason=args.reason,
                duration=args.duration,
                start_from=args.start,
            )
    _print(request, args.json)
    return 0


async def _decide(args: argparse.Namespace) -> int:
    async with (
        connected(args) as client,
        ControlClient(client.host, client.credentials, insecure=args.insecure) as ctl,
    ):
        if args.action == "cancel":
            request = await ctl.cancel_access_request(args.request_id, comment=args.comment)
        else:
            approver = await _account(client, args.approver)
            decide = (
                ctl.approve_access_request if args.action == "approve" else ctl.deny_access_request
            )
            request = await decide(args.request_id, approver_id=approver, comment=args.comment)
    _print(request, args.json)
    return 0
