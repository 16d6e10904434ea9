"""``aiosdm pagerduty-sync``: give whoever is on call temporary access for their shift."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiosdm.cli._common import (
    EXIT_API,
    EXIT_PARTIAL,
    EXIT_USAGE,
    add_connection_args,
    connected,
    parse_duration,
    parse_time,
    run,
)
from aiosdm.cli._output import Console, plural
from aiosdm.integrations._pagerduty_api import DEFAULT_BASE_URL
from aiosdm.integrations.pagerduty import (
    PagerDutyAuthError,
    PagerDutyClient,
    PagerDutyError,
    PagerDutyUnavailableError,
    sync_oncall_grants,
)

__all__ = ["EXIT_PAGERDUTY_AUTH", "EXIT_PAGERDUTY_UNAVAILABLE", "register"]

EXIT_PAGERDUTY_AUTH = 4  # PagerDuty refused the API token
EXIT_PAGERDUTY_UNAVAILABLE = 5  # PagerDuty could not be reached (or failed, or kept throttling)

_EXIT_STATUSES = """exit status:
  0  every grant in place
  1  some grants failed (each failure is a line on stderr)
  2  bad arguments or configuration, or strongDM keys that cannot be had
  3  strongDM or PagerDuty refused a request (unknown schedule, bad time zone, ...)
  4  PagerDuty refused the API token
  5  PagerDuty could not be reached"""


def register(subparsers: Any) -> None:
    """Add the ``pagerduty-sync`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "pagerduty-sync",
        help="grant on-call users temporary access for their shifts",
        # Written out in lines: the exit statuses below keep their layout.
        description=(
            "Look up who is on call (PagerDuty) and create strongDM account grants for\n"
            "exactly their shifts. Idempotent: run it from cron. The PagerDuty token comes\n"
            "from PAGERDUTY_TOKEN or --pagerduty-token-file; strongDM keys from the\n"
            "environment or --credentials-file."
        ),
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    parser.add_argument(
        "--time-zone",
        default="UTC",
        metavar="ZONE",
        help="time zone PagerDuty answers in, an IANA name such as Europe/Berlin (default UTC)",
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
    """Sync, and turn a PagerDuty failure into one line and its own exit status."""
    try:
        return await _sync_once(args)
    except PagerDutyError as err:
        print(f"aiosdm pagerduty-sync: {err}", file=sys.stderr)
        if isinstance(err, PagerDutyAuthError):
            return EXIT_PAGERDUTY_AUTH
        if isinstance(err, PagerDutyUnavailableError):
            return EXIT_PAGERDUTY_UNAVAILABLE
        return EXIT_API


async def _sync_once(args: argparse.Namespace) -> int:
    since = parse_time(args.since) if args.since else datetime.now(UTC).replace(microsecond=0)
    until = since + parse_duration(args.until)
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
            time_zone=args.time_zone,
        )
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
