"""Shared CLI plumbing: connecting, parsing times, and turning failures into one clear line."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiosdm import errors
from aiosdm._extras import MissingExtraError
from aiosdm.client import DEFAULT_HOST, Client
from aiosdm.credentials import CredentialsError, FileCredentials

__all__ = [
    "EXIT_API",
    "EXIT_PARTIAL",
    "EXIT_SERVICE",
    "EXIT_USAGE",
    "ServiceError",
    "add_connection_args",
    "connected",
    "parse_duration",
    "parse_time",
    "resolve_host",
    "run",
]

EXIT_PARTIAL = 1  # the command ran but some of its work failed
EXIT_USAGE = 2  # bad arguments or configuration (argparse uses 2 as well)
EXIT_API = 3  # the API refused or could not be reached
EXIT_SERVICE = 4  # another service (PagerDuty) refused or could not be reached


class ServiceError(Exception):
    """Another service than strongDM's failed or could not be reached (exit status 4): not the
    user's arguments (2) and not the strongDM API (3)."""


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    """``"90m"``, ``"8h"``, ``"1d"``, ``"2w"`` (or combined: ``"1d12h"``) as a timedelta."""
    parts = re.findall(r"(\d+(?:\.\d+)?)([smhdw])", text.strip().lower())
    if not parts or "".join(n + u for n, u in parts) != text.strip().lower():
        raise ValueError(f"bad duration {text!r}: use e.g. 30m, 8h, 1d, 2w")
    return timedelta(seconds=sum(float(n) * _UNITS[u] for n, u in parts))


def parse_time(text: str, *, now: datetime | None = None) -> datetime:
    """An ISO 8601 instant with a zone (``2026-01-01T00:00:00Z``), or how long ago (``1d ago``,
    ``1d``, ``90m``)."""
    now = now or datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        ago = re.sub(r"\s+ago$", "", text.strip(), flags=re.IGNORECASE)
        try:
            return now - parse_duration(ago)
        except ValueError:
            raise ValueError(
                f"bad time {text!r}: use an ISO time with a zone (2026-01-01T00:00:00Z) "
                "or how long ago (1d ago, 90m, 1d12h)"
            ) from None
    if parsed.tzinfo is None:
        raise ValueError(f"time {text!r} has no zone: add Z or +HH:MM")
    return parsed


def add_connection_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--credentials-file",
        type=Path,
        help="JSON with access_key and secret_key (and host), as written by "
        "`aiosdm serve --credentials-out`; default: SDM_API_ACCESS_KEY/SDM_API_SECRET_KEY",
    )
    group.add_argument(
        "--aws-secret",
        metavar="SECRET_ID",
        help="read the keys from this AWS Secrets Manager secret (JSON with access_key and "
        "secret_key), using the default AWS credential chain",
    )
    group.add_argument("--aws-region", help="region of --aws-secret")
    group.add_argument("--aws-endpoint-url", help="Secrets Manager endpoint (VPC endpoints, tests)")
    group.add_argument("--host", help=f"API host:port (default: SDM_API_HOST or {DEFAULT_HOST})")
    group.add_argument(
        "--insecure", action="store_true", help="plaintext instead of TLS (local control plane)"
    )


def resolve_host(args: argparse.Namespace) -> None:
    """Fill ``args.host`` from ``--credentials-file`` when not given (before the event loop
    starts, so this small read blocks nothing)."""
    if args.host or args.credentials_file is None:
        return
    try:
        saved = json.loads(Path(args.credentials_file).read_text())
    except (OSError, ValueError) as err:
        raise ValueError(f"cannot read {args.credentials_file}: {type(err).__name__}") from None
    args.host = saved.get("host") if isinstance(saved, dict) else None


@asynccontextmanager
async def connected(args: argparse.Namespace, **kwargs: Any) -> AsyncIterator[Client]:
    """A client with keys from ``--credentials-file``, ``--aws-secret`` or the environment
    (call :func:`resolve_host` first); closes the client and its credential source after."""
    provider: Any = None
    if args.credentials_file is not None and args.aws_secret is not None:
        raise ValueError("give --credentials-file or --aws-secret, not both")
    if args.credentials_file is not None:
        provider = FileCredentials(args.credentials_file)
    elif args.aws_secret is not None:
        from aiosdm.credentials import AwsSecretsManager  # needs the aws extra

        provider = AwsSecretsManager(
            args.aws_secret, region_name=args.aws_region, endpoint_url=args.aws_endpoint_url
        )
    if provider is None:
        if args.host:
            kwargs["host"] = args.host
        client = Client.from_env(insecure=args.insecure, **kwargs)
    else:
        host = args.host or os.environ.get("SDM_API_HOST") or DEFAULT_HOST
        client = Client(credentials=provider, host=host, insecure=args.insecure, **kwargs)
    try:
        async with client:
            yield client
    finally:
        if provider is not None:
            await provider.close()


def run(
    name: str,
    args: argparse.Namespace,
    work: Callable[[argparse.Namespace], Coroutine[Any, Any, int]],
) -> int:
    """Run ``work(args)``; report a failure as one line on stderr with a meaningful status."""
    try:
        resolve_host(args)
        return asyncio.run(work(args))
    except KeyboardInterrupt:
        print(f"aiosdm {name}: interrupted", file=sys.stderr)
        return 130
    except errors.RPCError as err:
        message = str(err)
        if isinstance(err, errors.ConnectError):  # the library's hint, in this tool's terms
            message = message.replace("pass insecure=True", "pass --insecure")
        print(f"aiosdm {name}: {type(err).__name__}: {message}", file=sys.stderr)
        return EXIT_API
    except ServiceError as err:
        print(f"aiosdm {name}: {err}", file=sys.stderr)
        return EXIT_SERVICE
    except MissingExtraError as err:
        print(f"aiosdm {name}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except (ValueError, OSError, CredentialsError) as err:
        # Configuration problems: bad arguments, unreadable files, keys that cannot be had.
        print(f"aiosdm {name}: {err}", file=sys.stderr)
        return EXIT_USAGE
