"""``aiosdm serve``: run the local control plane until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import grpc

from aiosdm.testing import LocalServer, RateLimit, StoreError

__all__ = ["register", "run"]

# What --fault accepts: every status but OK (a fault that succeeds is --latency's business).
_FAULT_CODES = ", ".join(c.name for c in grpc.StatusCode if c is not grpc.StatusCode.OK)


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="run a local strongDM-compatible control plane",
        description=(
            "Serve the strongDM v1 API on a local port, with state in SQLite. "
            "Once listening, writes {host, access_key, secret_key} to --credentials-out "
            "and prints one line 'aiosdm serve: listening on HOST' to stdout. What users do "
            "outside the API, filing and deciding access requests, goes through "
            "`aiosdm access-request` with those credentials."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=50051, help="port; 0 picks a free one")
    parser.add_argument("--db", type=Path, help="SQLite file to keep state in (default: memory)")
    parser.add_argument(
        "--credentials-out",
        type=Path,
        help="write the admin credentials here as JSON (mode 0600), atomically",
    )
    parser.add_argument(
        "--show-secret",
        action="store_true",
        help="also print the admin secret key to stdout",
    )
    parser.add_argument("--rate-limit", type=int, help="calls per period per access key")
    parser.add_argument("--rate-limit-period", type=float, default=1.0, help="seconds (default 1)")
    parser.add_argument("--page-size", type=int, default=50, help="default list page size")
    parser.add_argument("--max-page-size", type=int, default=1000, help="largest list page")
    parser.add_argument(
        "--read-budget",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="longest one read (a list page, a get) may run before it ends in "
        "DEADLINE_EXCEEDED (default 10)",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="METHOD:CODE:RATE",
        help="inject errors, e.g. 'Accounts.Create:UNAVAILABLE:0.1' or '*:INTERNAL:0.05' "
        f"(repeatable); CODE is one of {_FAULT_CODES}; RATE is 0..1 (default 1)",
    )
    parser.add_argument(
        "--latency",
        action="append",
        default=[],
        metavar="METHOD:SECONDS",
        help="delay matching calls, e.g. '*:0.01' (repeatable)",
    )
    parser.add_argument("--seed", type=int, help="seed of the fault RNG")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the server; returns the exit status."""
    try:
        faults = [_parse_fault(spec) for spec in args.fault]
        latencies = [_parse_latency(spec) for spec in args.latency]
        rate_limit = RateLimit(args.rate_limit, args.rate_limit_period) if args.rate_limit else None
        if not args.read_budget > 0:
            raise ValueError(f"--read-budget {args.read_budget:g}: want seconds above 0")
        if args.credentials_out is not None:
            _check_writable_dir(args.credentials_out)
    except ValueError as err:
        print(f"aiosdm serve: {err}", file=sys.stderr)
        return 2
    return asyncio.run(_serve(args, rate_limit, faults, latencies))


def _check_writable_dir(path: Path) -> None:
    """Refuse a --credentials-out whose folder cannot take the file, before listening: a
    caller waiting for the file would otherwise wait for nothing."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ValueError(f"--credentials-out {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"--credentials-out {path}: folder {folder} is not writable")
    if path.is_dir():
        raise ValueError(f"--credentials-out {path} is a folder")


def _parse_fault(spec: str) -> tuple[str, grpc.StatusCode, float]:
    method, _, rest = spec.partition(":")
    code_name, _, rate = rest.partition(":")
    code = grpc.StatusCode.__members__.get(code_name.strip().upper())
    if code is None or code is grpc.StatusCode.OK:
        raise ValueError(f"bad --fault {spec!r}: want METHOD:CODE:RATE, CODE one of {_FAULT_CODES}")
    try:
        probability = float(rate or 1.0)
    except ValueError:
        probability = -1.0
    if not method.strip() or not 0.0 <= probability <= 1.0:
        raise ValueError(f"bad --fault {spec!r}: want METHOD:CODE:RATE with RATE in 0..1")
    return method.strip(), code, probability


def _parse_latency(spec: str) -> tuple[str, float]:
    method, _, seconds = spec.rpartition(":")
    try:
        return method or "*", float(seconds)
    except ValueError:
        raise ValueError(f"bad --latency {spec!r}: want METHOD:SECONDS") from None


def _write_credentials(path: Path, server: LocalServer) -> None:
    data = {"host": server.host, "access_key": server.access_key, "secret_key": server.secret_key}
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w") as out:  # mkstemp makes it 0600
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)  # readers see the whole file or none
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


async def _serve(
    args: argparse.Namespace,
    rate_limit: RateLimit | None,
    faults: list[tuple[str, grpc.StatusCode, float]],
    latencies: list[tuple[str, float]],
) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    server = LocalServer(
        db=args.db,
        bind_host=args.host,
        port=args.port,
        rate_limit=rate_limit,
        page_size=args.page_size,
        max_page_size=args.max_page_size,
        seed=args.seed,
        read_budget=args.read_budget,
    )
    try:
        await server.start()
    except StoreError as err:  # damaged, foreign or in use: nothing to retry blindly
        print(f"aiosdm serve: {err}", file=sys.stderr)
        return 2
    except RuntimeError:  # grpc raises it when the port cannot be bound
        print(
            f"aiosdm serve: cannot listen on {args.host}:{args.port}: port in use or address "
            "not available (GRPC_VERBOSITY=debug shows gRPC's reason)",
            file=sys.stderr,
        )
        return 1
    try:
        for method, code, rate in faults:
            server.faults.add(method, code, rate=rate)
        for method, seconds in latencies:
            server.faults.set_latency(method, seconds)
        if args.credentials_out is not None:
            try:
                await asyncio.to_thread(_write_credentials, args.credentials_out, server)
            except OSError as err:  # checked before listening; this is a race or a full disk
                print(f"aiosdm serve: cannot write {args.credentials_out}: {err}", file=sys.stderr)
                return 2
        print(f"aiosdm serve: listening on {server.host}", flush=True)
        print(f"SDM_API_ACCESS_KEY={server.access_key}", flush=True)
        if args.show_secret:
            print(f"SDM_API_SECRET_KEY={server.secret_key}", flush=True)
        await stop.wait()
    finally:
        await server.stop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    return 0
