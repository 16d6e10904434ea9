"""The bottom of the call chain: a ``grpc.aio`` channel moving raw bytes.

Multicallables are made without serializers, so the bytes that signing produced
are exactly the bytes on the wire, and gRPC failures become typed errors here.

Connecting. An attempt is sent once the channel is connected; one watcher per
channel waits for that, at most ``connect_timeout`` (and never past the call's
deadline). A host that cannot be reached fails with a
:class:`~aiosdm.errors.ConnectError` naming the host and the reason: connection
refused, name not resolved, TLS handshake failed, or no answer in time. Until the
channel has connected once, it fails as soon as gRPC gives up on the host (a wrong
host or port should fail fast); after that, a host that went away gets
``connect_timeout`` to come back.

TLS. Before gRPC's first handshake, a plain TLS handshake with the host (no
certificate checks: gRPC makes those) tells a plaintext server apart, so the error
can suggest ``insecure=True`` and gRPC's C core does not print its own handshake
failure to stderr. It is skipped when a proxy is configured, which gRPC would use
and the probe would not.

Start-up. ``grpc`` is imported when the first channel opens, not with the client:
building a client stays cheap, and a script that never calls pays nothing for it.

Event loops. A channel belongs to the event loop that made it. Used from a new
loop (a second ``asyncio.run()``) once the old one has finished, the transport
makes a new channel there.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import ssl
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError

from aiosdm import _handoff, errors
from aiosdm._status import StatusCode
from aiosdm.interceptors._chain import Call

if TYPE_CHECKING:
    import grpc

__all__ = ["Transport"]

log = logging.getLogger("aiosdm.transport")

_PLAINTEXT_HINT = (
    "if the server speaks plaintext (such as a local control plane), pass insecure=True"
)
_PROXY_VARIABLES = ("grpc_proxy", "https_proxy", "http_proxy")


class _Channel:
    """A channel and what goes with it, for one event loop."""

    __slots__ = ("callables", "channel", "connected_once", "connecting", "loop", "probed")

    def __init__(self, loop: asyncio.AbstractEventLoop, channel: grpc.aio.Channel) -> None:
        self.loop = loop
        self.channel = channel
        self.callables: dict[str, Any] = {}
        self.connected_once = False
        self.probed = False
        self.connecting: asyncio.Task[bool] | None = None


class Transport:
    """Sends calls over a channel to ``host`` (TLS unless ``insecure``).

    The channel is opened on the first call, so a client can be built outside a
    running event loop.
    """

    def __init__(
        self,
        host: str,
        *,
        insecure: bool = False,
        options: Sequence[tuple[str, Any]] = (),
        root_certificates: bytes | None = None,
        connect_timeout: float = 5.0,
    ) -> None:
        if not connect_timeout > 0:
            raise ValueError("connect_timeout must be a positive number of seconds")
        self.host = host
        self.insecure = insecure
        self.connect_timeout = connect_timeout
        self._options = tuple(options)
        self._root_certificates = root_certificates
        self._current: _Channel | None = None
        self._closed = False

    def __repr__(self) -> str:
        return f"Transport(host={self.host!r}, insecure={self.insecure})"

    def _open(self) -> _Channel:
        if self._closed:
            raise RuntimeError("the client is closed")
        loop = asyncio.get_running_loop()
        current = self._current
        if current is not None and current.loop is not loop:
            if current.loop.is_running():
                raise RuntimeError(
                    "this client is in use by another running event loop (another thread?); "
                    "make one Client per event loop"
                )
            # The loop that made the channel has finished, and took the channel with it.
            log.debug("event loop changed: opening a new channel to %s", self.host)
            current = None
        if current is None:
            import grpc  # first channel: see "Start-up" above

            if self.insecure:
                channel = grpc.aio.insecure_channel(self.host, options=self._options)
            else:
                tls = grpc.ssl_channel_credentials(root_certificates=self._root_certificates)
                channel = grpc.aio.secure_channel(self.host, tls, options=self._options)
            current = self._current = _Channel(loop, channel)
        return current

    async def unary(self, call: Call) -> Any:
        """Send ``call.body`` (or the serialized request) and parse the response."""
        import grpc  # loaded by _open(); named here for the except clause

        current = self._open()
        # A connected channel (nearly every call) needs no wait, nor the coroutine for one.
        connected = (
            current.channel.get_state() is grpc.ChannelConnectivity.READY
            or await self._ready(current, call)
        )
        path = call.method.path
        multicallable = current.callables.get(path)
        if multicallable is None:
            # No serializers: requests go out as the signed bytes, responses come as bytes.
            multicallable = current.callables[path] = current.channel.unary_unary(path)
        body = call.body if call.body is not None else call.request.SerializeToString()
        timeout = call.time_left()
        if timeout is not None and timeout <= 0:
            raise errors.TimeoutError()
        try:
            rpc = multicallable(body, metadata=call.metadata, timeout=timeout)
            _handoff.handed_over()
            raw = await rpc
        except grpc.aio.AioRpcError as exc:
            code = StatusCode.of(exc.code())
            details = exc.details() or ""
            if not connected and code == StatusCode.UNAVAILABLE:
                # gRPC had given up on the host, so this failed before leaving: say why.
                reason = _reason(details) or f"unavailable ({details})"
                raise errors.ConnectError(self.host, reason, details=details) from None
            raise errors.error_from_status(
                StatusCode.UNKNOWN if code is None else code, details, exc.trailing_metadata()
            ) from exc
        try:
            return call.method.response.FromString(raw)
        except DecodeError as exc:
            raise errors.UnknownError(f"unreadable {call.method.signing_name} response") from exc

    async def _ready(self, current: _Channel, call: Call) -> bool:
        """Wait for the channel to connect; False when gRPC has given up on the host."""
        import grpc

        # Not asked to connect here: the first connection waits for the TLS probe.
        if current.channel.get_state() is grpc.ChannelConnectivity.READY:
            return True
        task = current.connecting
        if task is None or task.done():
            task = current.connecting = current.loop.create_task(self._connect(current))
            task.add_done_callback(_consume_outcome)
        left = call.time_left()
        try:
            # Shielded: a caller that gives up leaves the watch running for the others.
            async with asyncio.timeout(left):
                return await asyncio.shield(task)
        except TimeoutError:
            raise errors.TimeoutError() from None

    async def _connect(self, current: _Channel) -> bool:
        import grpc

        ready, failing = grpc.ChannelConnectivity.READY, grpc.ChannelConnectivity.TRANSIENT_FAILURE
        channel = current.channel
        if not current.probed and not self.insecure:
            await self._probe_tls()
            current.probed = True
        try:
            async with asyncio.timeout(self.connect_timeout):
                state = channel.get_state(try_to_connect=True)
                while state is not ready:
                    if state is failing and not current.connected_once:
                        return False
                    await channel.wait_for_state_change(state)
                    state = channel.get_state(try_to_connect=True)
        except TimeoutError:
            if channel.get_state() is failing:
                return False  # the attempt fails at once, with gRPC's reason
            raise errors.ConnectError(
                self.host, f"no answer within {self.connect_timeout:g}s (connect_timeout)"
            ) from None
        current.connected_once = True
        return True

    async def _probe_tls(self) -> None:
        """One TLS handshake with the host, to fail clearly before gRPC tries (see module)."""
        target = _host_port(self.host)
        if target is None or _proxied(self._options):
            return
        host, port = target
        name = dict(self._options).get("grpc.ssl_target_name_override") or host
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # gRPC checks the certificate; this only listens
        context.set_alpn_protocols(["h2"])
        writer = None
        try:
            async with asyncio.timeout(self.connect_timeout):
                try:
                    _, writer = await asyncio.open_connection(host, port)
                except socket.gaierror:
                    raise errors.ConnectError(self.host, "name not resolved") from None
                except ConnectionRefusedError:
                    raise errors.ConnectError(self.host, "connection refused") from None
                except OSError as exc:
                    reason = (exc.strerror or type(exc).__name__).lower()
                    raise errors.ConnectError(self.host, reason) from None
                try:
                    await writer.start_tls(context, server_hostname=str(name))
                except (ssl.SSLError, OSError) as exc:
                    why = getattr(exc, "reason", None) or exc.strerror or type(exc).__name__
                    raise errors.ConnectError(
                        self.host, f"TLS handshake failed ({why}); {_PLAINTEXT_HINT}"
                    ) from None
        except TimeoutError:
            raise errors.ConnectError(
                self.host, f"no answer within {self.connect_timeout:g}s (connect_timeout)"
            ) from None
        finally:
            if writer is not None:
                # At once: a polite TLS close would wait for a peer that may never answer.
                writer.transport.abort()

    async def close(self) -> None:
        """Close the channel, ending calls in flight. Safe to call more than once."""
        self._closed = True
        current, self._current = self._current, None
        if current is None:
            return
        if current.connecting is not None:
            current.connecting.cancel()
        with contextlib.suppress(RuntimeError):
            if current.loop is asyncio.get_running_loop():
                await current.channel.close()
            # Otherwise its loop has finished, and the channel with it.


def _consume_outcome(task: asyncio.Task[bool]) -> None:
    # When every waiter gave up, the watch's outcome must not be reported as unseen.
    if not task.cancelled():
        task.exception()


def _reason(details: str) -> str | None:
    """What gRPC's status text says went wrong with the connection, in a few words."""
    lowered = details.lower()
    if "connection refused" in lowered:
        return "connection refused"
    if any(s in lowered for s in ("errors resolving", "dns resolution failed", "name not found")):
        return "name not resolved"
    if "handshake failed" in lowered:
        return f"TLS handshake failed; {_PLAINTEXT_HINT}"
    if details.startswith("failed to connect to all addresses"):
        last = details.partition("last error: ")[2]
        return f"connection failed ({last or details})"
    return None


def _host_port(host: str) -> tuple[str, int] | None:
    """``("example.com", 443)`` from ``"example.com:443"``; None for targets with a scheme."""
    if "/" in host or host.startswith(("unix:", "dns:", "ipv4:", "ipv6:")):
        return None
    name, sep, port = host.rpartition(":")
    if not sep or "]" in port:
        name, port = host, "443"
    try:
        return name.strip("[]"), int(port)
    except ValueError:
        return None


def _proxied(options: Sequence[tuple[str, Any]]) -> bool:
    settings = dict(options)
    if settings.get("grpc.enable_http_proxy", 1) == 0:
        return False
    if settings.get("grpc.http_proxy"):
        return True
    return any(os.environ.get(n) or os.environ.get(n.upper()) for n in _PROXY_VARIABLES)
