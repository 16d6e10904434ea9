"""``aiosdm list SERVICE``: stream a list from the API, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from aiosdm.cli._common import EXIT_USAGE, add_connection_args, connected, parse_time, run
from aiosdm.cli._jsonable import jsonable
from aiosdm.cli._output import Console, plural

__all__ = ["register"]

_LABELS = ("name", "email", "address", "path")
_LINKS = ("account_id", "role_id", "resource_id", "group_id")


def register(subparsers: Any) -> None:
    """Add the ``list`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "list",
        help="list a service's items (accounts, resources, roles, account-grants, ...)",
        description="List items of one service, e.g. `aiosdm list accounts --filter type:user`.",
    )
    parser.add_argument("service", help="service name as on the client: accounts, roles, ...")
    parser.add_argument("--filter", default="", help="filter, e.g. 'email:*@example.com'")
    parser.add_argument(
        "--snapshot-at",
        help="read the past: an ISO time with a zone (2026-01-01T00:00:00Z) or how long ago "
        "(e.g. '1d ago', '90m', '1d12h')",
    )
    parser.add_argument("--page-limit", type=int, default=0, help="items per page (0: default)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_connection_args(parser)
    parser.set_defaults(handler=lambda args: run("list", args, _list))


def _row(item: Any) -> tuple[str, str, str, str]:
    ident = getattr(item, "id", "") or getattr(item, "activity_id", "")
    label = next((str(getattr(item, f)) for f in _LABELS if getattr(item, f, "")), "")
    if not label:
        label = " ".join(f"{f}={getattr(item, f)}" for f in _LINKS if getattr(item, f, ""))
    tags = getattr(item, "tags", None) or {}
    return str(ident), type(item).__name__, label, ",".join(f"{k}={v}" for k, v in tags.items())


async def _list(args: argparse.Namespace) -> int:
    name = args.service.replace("-", "_")
    async with connected(args, page_limit=args.page_limit) as client:
        source: Any = (
            client.snapshot_at(parse_time(args.snapshot_at)) if args.snapshot_at else client
        )
        service = getattr(source, name, None)
        if service is None or not hasattr(service, "list"):
            where = "at a snapshot" if args.snapshot_at else "on this client"
            print(f"aiosdm list: no listable service {args.service!r} {where}", file=sys.stderr)
            return EXIT_USAGE
        out = Console(stream=sys.stdout)
        progress_to = Console(stream=sys.stderr)
        rows: list[tuple[str, str, str, str]] = []
        first = True
        with progress_to.progress(f"{args.service} listed") as progress:
            if args.json:
                sys.stdout.write("[")
            async for item in service.list(args.filter):
                progress.advance()
                if args.json:
                    sys.stdout.write(("\n" if first else ",\n") + json.dumps(jsonable(item)))
                    first = False
                else:
                    rows.append(_row(item))
            if args.json:
                sys.stdout.write("\n]\n" if not first else "]\n")
        if not args.json:
            title = f"{args.service}: {plural(len(rows), 'item')}"
            out.table(title, ["id", "type", "name", "tags"], rows)
        return 0
