"""``aiosdm pagerduty-sync``: give whoever is on call temporary access for their shift."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

from aiosdm import errors
from aiosdm.cli._common import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    ServiceError,
    add_connection_args,
    connected,
    parse_duration,
    parse_time,
    run,
)
from aiosdm.cli._output import Console, plural
from aiosdm.integrations._pagerduty_api import DEFAULT_BASE_URL
from aiosdm.integrations.pagerduty import PagerDutyClient, PagerDutyError, sync_oncall_grants

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``pagerduty-sync`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "pagerduty-sync",
        help="grant on-call users temporary access for their shifts",
        description=(
            "Look up who is on call (PagerDuty) and create strongDM account grants for exactly "
            "their shifts. Idempotent: run it from cron. The PagerDuty token comes from "
            "PAGERDUTY_TOKEN or --pagerduty-token-file; strongDM keys from the environment "
            "or --credentials-file. Exit status: 0 done, 1 some grants failed, 2 bad arguments, "
            "3 strongDM refused or unreachable, 4 PagerDuty refused or unreachable."
        ),
    )
    parser.add_argument(
        "--schedule",
        nargs="+",
        action="extend",
        required=True,
        metavar="ID",
        help="PagerDuty schedule id(s)",
    )
    parser.add_argument(
        "--resource",
        nargs="+",
        action="extend",
        required=True,
        metavar="NAME",
        help="strongDM resource name(s) to grant",
    )
    parser.add_argument("--until", default="1d", help="window length from --since (default 1d)")
    parser.add_argument(
        "--since",
        help="window start: ISO time with zone, or how long ago, e.g. 2h ago (default: now)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would be granted")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--concurrency", type=int, default=8, help="strongDM calls in flight")
    parser.add_argument(
        "--pagerduty-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"PagerDuty REST API base URL (default {DEFAULT_BASE_URL}; e.g. a proxy, or a "
        "local stand-in in tests)",
    )
    parser.add_argument("--pagerduty-token-file", type=Path, help="file holding the API token")
    add_connection_args(parser)
    parser.set_defaults(handler=lambda args: _handle(args))


def _handle(args: argparse.Namespace) -> int:
    try:
        args.pagerduty_token = _token(args)  # read before the event loop starts
    except (OSError, ValueError) as err:
        print(f"aiosdm pagerduty-sync: {err}", file=sys.stderr)
        return EXIT_USAGE
    return run("pagerduty-sync", args, _sync)


def _token(args: argparse.Namespace) -> str:
    if args.pagerduty_token_file is not None:
        return str(Path(args.pagerduty_token_file).read_text()).strip()
    token = os.environ.get("PAGERDUTY_TOKEN", "")
    if not token:
        raise ValueError("set PAGERDUTY_TOKEN or pass --pagerduty-token-file")
    return token


async def _sync(args: argparse.Namespace) -> int:
    since = parse_time(args.since) if args.since else datetime.now(UTC).replace(microsecond=0)
    until = since + parse_duration(args.until)
    try:
        async with (
            connected(args) as client,
            PagerDutyClient(args.pagerduty_token, base_url=args.pagerduty_url) as pd,
        ):
            report = await sync_oncall_grants(
                client,
                pd,
                schedule_ids=args.schedule,
                resources=args.resource,
                since=since,
                until=until,
                dry_run=args.dry_run,
                concurrency=args.concurrency,
            )
    except errors.RPCError:
        raise  # strongDM's own status
    except (PagerDutyError, aiohttp.ClientError, TimeoutError) as err:
        # aiohttp's connection errors are OSErrors too; they are not the user's arguments.
        detail = str(err) or type(err).__name__
        raise ServiceError(f"PagerDuty ({args.pagerduty_url}): {detail}") from None
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        out = Console()
        verb = "would create" if report.dry_run else "created"
        out.print(f"window {since.isoformat()} .. {until.isoformat()}")
        out.table(
            f"{verb} {plural(len(report.created), 'grant')}, {len(report.skipped)} already present",
            ["email", "resource", "start", "end"],
            [
                (p.email, p.resource_name, p.start.isoformat(), p.end.isoformat())
                for p in report.created
            ],
        )
        if report.unmatched_users:
            out.print("on call but unknown to strongDM: " + ", ".join(report.unmatched_users))
        for error in report.errors:
            print(f"aiosdm pagerduty-sync: {error}", file=sys.stderr)
    return 0 if report.ok else EXIT_PARTIAL
