"""``aiosdm serve`` as a real subprocess: readiness, credentials file, signals, restarts."""

from __future__ import annotations

import asyncio
import signal
import socket
import stat
from pathlib import Path

import grpc
import grpc.aio
import pytest

from aiosdm._generated.v1 import roles_pb2

from .._serve import serving, spawn, wire_client


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_ready_line_credentials_and_clean_stop(tmp_path: Path, signum: int) -> None:
    async with serving(tmp_path) as (proc, creds):
        mode = stat.S_IMODE((tmp_path / "creds.json").stat().st_mode)
        assert mode == 0o600
        assert set(creds) == {"host", "access_key", "secret_key"}
        assert creds["host"].startswith("127.0.0.1:")
        async with wire_client(creds) as wire:
            await wire.call("Roles.List", roles_pb2.RoleListRequest())
        proc.send_signal(signum)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
        assert proc.stdout is not None
        rest = await proc.stdout.read()
        assert creds["secret_key"].encode() not in rest  # printed only with --show-secret
    leftovers = await asyncio.to_thread(lambda: list(tmp_path.glob(".creds.json.*")))
    assert not leftovers  # no temporary file left behind


async def test_restart_on_the_same_db_keeps_keys_and_state(tmp_path: Path) -> None:
    db = str(tmp_path / "state.db")
    async with serving(tmp_path, "--db", db) as (proc, creds):
        async with wire_client(creds) as wire:
            create = roles_pb2.RoleCreateRequest()
            create.role.name = "kept"
            await wire.call("Roles.Create", create)
        proc.send_signal(signal.SIGTERM)
        assert await proc.wait() == 0
    async with serving(tmp_path, "--db", db) as (proc, again):
        assert (again["access_key"], again["secret_key"]) == (
            creds["access_key"],
            creds["secret_key"],
        )
        async with wire_client(again) as wire:
            reply = await wire.call("Roles.List", roles_pb2.RoleListRequest())
        assert [r.name for r in reply.roles] == ["kept"]


async def test_faults_and_rate_limits_from_the_command_line(tmp_path: Path) -> None:
    args = ("--fault", "Roles.Get:UNAVAILABLE:1", "--rate-limit", "3", "--rate-limit-period", "60")
    async with serving(tmp_path, *args) as (_, creds), wire_client(creds) as wire:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await wire.call("Roles.Get", roles_pb2.RoleGetRequest(id="r-x"))
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        for _ in range(2):
            await wire.call("Roles.List", roles_pb2.RoleListRequest())
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await wire.call("Roles.List", roles_pb2.RoleListRequest())
        assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED


async def test_bad_arguments_and_busy_ports_fail_fast(tmp_path: Path) -> None:
    proc = await spawn("--fault", "nonsense")
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2 and b"METHOD:CODE:RATE" in err
    proc = await spawn("--read-budget", "0")
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2 and b"--read-budget 0: want seconds above 0" in err

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        proc = await spawn("--port", str(busy.getsockname()[1]))
        _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 1 and b"cannot listen" in err
