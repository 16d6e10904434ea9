"""Hosts that cannot be reached fail fast and say why: refused, not resolved, no answer, or a
TLS client at a plaintext server (with the hint to pass insecure=True); gRPC's C core prints
nothing about it; a host that comes back is waited for."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from aiosdm import errors
from aiosdm.cli.main import main
from aiosdm.client import DEFAULT_CONNECT_TIMEOUT, Client

from ._servers import ACCESS_KEY, SECRET, ScriptedServer, plain_answer

pytestmark = pytest.mark.timeout(60)


def free_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def silent_host() -> Iterator[str]:
    """A host that accepts connections (the kernel does) and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"127.0.0.1:{listener.getsockname()[1]}"


async def fail(host: str, *, insecure: bool, **kw: Any) -> errors.ConnectError:
    async with Client(ACCESS_KEY, SECRET, host=host, insecure=insecure, **kw) as client:
        with pytest.raises(errors.ConnectError) as caught:
            await asyncio.wait_for(client.accounts.get("a-1"), 30)
    error = caught.value
    assert isinstance(error, errors.RPCError) and error.code == 14 and error.host == host
    assert error.attempts == 1 or error.attempts == 0
    return error


@pytest.mark.parametrize("insecure", [True, False], ids=["plaintext", "tls"])
async def test_a_refused_connection_says_so(insecure: bool, capfd: pytest.CaptureFixture) -> None:
    host = f"127.0.0.1:{free_port()}"
    error = await fail(host, insecure=insecure)
    assert str(error) == f"cannot connect to {host}: connection refused"
    assert "handshake" not in capfd.readouterr().err.lower()


@pytest.mark.parametrize("insecure", [True, False], ids=["plaintext", "tls"])
async def test_a_name_that_does_not_resolve_says_so(insecure: bool) -> None:
    error = await fail("no-such-host.invalid:443", insecure=insecure)
    assert str(error) == "cannot connect to no-such-host.invalid:443: name not resolved"


@pytest.mark.parametrize("insecure", [True, False], ids=["plaintext", "tls"])
async def test_a_host_that_never_answers_fails_at_the_connect_timeout(
    insecure: bool, silent_host: str
) -> None:
    error = await fail(silent_host, insecure=insecure, connect_timeout=0.5)
    assert str(error) == (
        f"cannot connect to {silent_host}: no answer within 0.5s (connect_timeout)"
    )
    assert DEFAULT_CONNECT_TIMEOUT == 5


async def test_tls_at_a_plaintext_server_suggests_insecure(capfd: pytest.CaptureFixture) -> None:
    async with ScriptedServer(plain_answer) as server:
        error = await fail(server.target, insecure=False)
        assert server.received == []
    assert str(error).startswith(f"cannot connect to {server.target}: TLS handshake failed (")
    assert str(error).endswith("pass insecure=True")
    # gRPC never tried its own handshake, so its C core had nothing to print.
    assert "handshake" not in capfd.readouterr().err.lower()


async def test_the_deadline_still_bounds_the_wait_for_a_connection(silent_host: str) -> None:
    async with Client(ACCESS_KEY, SECRET, host=silent_host, insecure=True) as client:
        with pytest.raises(errors.TimeoutError):
            await asyncio.wait_for(client.accounts.get("a-1", timeout=0.2), 30)


async def test_the_cli_prints_the_reason_in_one_line(
    capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDM_API_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("SDM_API_SECRET_KEY", SECRET)
    host = f"127.0.0.1:{free_port()}"
    status = await asyncio.to_thread(main, ["list", "roles", "--host", host, "--insecure"])
    assert status == 3
    assert capsys.readouterr().err == (
        f"aiosdm list: ConnectError: cannot connect to {host}: connection refused\n"
    )
    async with ScriptedServer(plain_answer) as server:
        argv = ["list", "roles", "--host", server.target]
        status = await asyncio.to_thread(main, argv)
    err = capsys.readouterr().err
    assert status == 3 and err.count("\n") == 1
    assert "TLS handshake failed" in err and err.endswith("pass --insecure\n")
