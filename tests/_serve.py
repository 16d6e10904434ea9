"""``aiosdm serve`` as a real subprocess for tests: started on a free loopback port, stopped
whatever happens.

:func:`serving` (asyncio) and :func:`serving_sync` (threads, fixtures) run
``python -m aiosdm.cli.main serve --port 0 --credentials-out FOLDER/creds.json EXTRA...``,
wait (at most ``start_timeout`` seconds) for the line that says it listens, and yield the
process and the credentials it wrote. On the way out the process gets SIGTERM, then SIGKILL
if it has not stopped within ``stop_timeout``, and its stdout is closed; a test that stops it
first (to check the exit status, or with ``kill -9``) does so with the yielded process.

Its stderr goes to ``log`` when given (the test reads it afterwards), else to the test's own
stderr, where pytest captures it and shows it when the test fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import select
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, Any

from aiosdm.testing import WireClient

#: The first line ``aiosdm serve`` prints, once it accepts calls.
READY = b"aiosdm serve: listening on "
#: Starting (an interpreter, imports, a listening socket) and stopping: far beyond what either
#: takes, and never forever.
START_TIMEOUT, STOP_TIMEOUT = 60.0, 30.0
CREDENTIALS = "creds.json"
#: What :func:`serving` yields: the process and the admin credentials it wrote.
Served = tuple[asyncio.subprocess.Process, dict[str, str]]


def command(*args: str) -> list[str]:
    """The command line of ``aiosdm serve ARGS`` in this interpreter."""
    return [sys.executable, "-m", "aiosdm.cli.main", "serve", *args]


async def spawn(*args: str) -> asyncio.subprocess.Process:
    """``aiosdm serve ARGS`` with stdout and stderr piped, for runs that fail or are read whole."""
    return await asyncio.create_subprocess_exec(
        *command(*args), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


def wire_client(creds: dict[str, str]) -> WireClient:
    """A wire-level client signed with the server's admin credentials."""
    return WireClient(creds["host"], creds["access_key"], creds["secret_key"])


def _started(line: bytes, folder: Path, log: Path | None) -> dict[str, str]:
    """The credentials the server wrote, once ``line`` says it listens (with its log if not)."""
    assert line.startswith(READY), (line, log.read_text()[-2000:] if log else "")
    creds: dict[str, str] = json.loads((folder / CREDENTIALS).read_text())
    assert line.strip().endswith(creds["host"].encode()), line
    return creds


def _args(folder: Path, extra: tuple[str, ...]) -> list[str]:
    return command("--port", "0", "--credentials-out", str(folder / CREDENTIALS), *extra)


def _log(log: Path | None) -> IO[bytes] | None:
    # The child keeps its own copy of the descriptor; ours is closed right after the start.
    return log.open("wb") if log else None


@contextlib.asynccontextmanager
async def serving(
    folder: Path,
    *extra: str,
    log: Path | None = None,
    start_timeout: float = START_TIMEOUT,
    stop_timeout: float = STOP_TIMEOUT,
) -> AsyncIterator[Served]:
    """A running ``aiosdm serve EXTRA`` (asyncio process) and the credentials it wrote."""
    out = _log(log)
    try:
        proc = await asyncio.create_subprocess_exec(
            *_args(folder, extra), stdout=asyncio.subprocess.PIPE, stderr=out
        )
    finally:
        if out:
            out.close()
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), start_timeout)
        yield proc, await asyncio.to_thread(_started, line, folder, log)
    finally:
        await stop(proc, stop_timeout)


async def stop(proc: asyncio.subprocess.Process, grace: float = STOP_TIMEOUT) -> int:
    """SIGTERM, then SIGKILL if it has not stopped within ``grace`` seconds; its exit status."""
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), grace)
        except TimeoutError:
            proc.kill()
    status = await asyncio.wait_for(proc.wait(), grace)
    if proc.stdout is not None:  # read to its end, which closes the pipe
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.stdout.read(), grace)
    return status


@contextlib.contextmanager
def serving_sync(
    folder: Path,
    *extra: str,
    log: Path | None = None,
    start_timeout: float = START_TIMEOUT,
    stop_timeout: float = STOP_TIMEOUT,
) -> Iterator[tuple[subprocess.Popen[bytes], dict[str, str]]]:
    """A running ``aiosdm serve EXTRA`` (``Popen``) and the credentials it wrote."""
    out = _log(log)
    try:
        proc = subprocess.Popen(_args(folder, extra), stdout=subprocess.PIPE, stderr=out)
    finally:
        if out:
            out.close()
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], start_timeout)
        line = proc.stdout.readline() if ready else b""  # one write: the whole line is there
        yield proc, _started(line, folder, log)
    finally:
        stop_sync(proc, stop_timeout)


def stop_sync(proc: subprocess.Popen[Any], grace: float = STOP_TIMEOUT) -> int:
    """SIGTERM, then SIGKILL if it has not stopped within ``grace`` seconds; its exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
    status = proc.wait(grace)
    if proc.stdout is not None:
        proc.stdout.close()
    return status
