"""Test controls on the wire: what users do outside the API, driven from another process.

Users file access requests, and approvers decide them, in strongDM's web UI or CLI,
not through the API. ``LocalServer`` offers that as Python methods; so that a shell (the
``aiosdm access-request`` command) or a test in another process can do it against a
running ``aiosdm serve``, the server also answers two calls of its own, outside the
``v1`` package so they can never clash with the service's:

- ``/aiosdm.testing.Control/FileAccessRequest``: an ``AccessRequest`` naming the
  account, workflow and resource (and reason, ``requestedDuration``, ``start_from``);
  answers the stored request.
- ``/aiosdm.testing.Control/DecideAccessRequest``: an ``AccessRequestEvent`` saying who
  (``actor_id``) does what (``type``: approved, denied or canceled) to which request,
  with an optional comment in ``metadata``; answers the request as it now stands.

They are signed like every call and need an admin key (one holding every permission:
their ``MethodSpec.permission`` is ``aiosdm.testing._permissions.ALL``). The real
service does not serve them: a :class:`ControlClient` pointed at it fails with a clear
error.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from google.protobuf.message import Message

from aiosdm import errors
from aiosdm._async import ClosesOnExit
from aiosdm._generated.v1 import access_requests_pb2
from aiosdm._specs import MethodSpec, Shape
from aiosdm._status import StatusCode
from aiosdm._transport import Transport
from aiosdm.credentials import CredentialsProvider
from aiosdm.interceptors._chain import Call, Handler, build_chain
from aiosdm.interceptors.signing import SigningInterceptor
from aiosdm.testing._engine import Env, ServerCall, ServerHandler
from aiosdm.testing._errors import bad_request
from aiosdm.testing._permissions import ALL
from aiosdm.testing.rules.access_requests import (
    APPROVE,
    CANCEL,
    DENY,
    decide_request,
    file_request,
    request_message,
)

if TYPE_CHECKING:
    from aiosdm._generated.models import AccessRequest

__all__ = ["CONTROL_SERVICE", "ControlClient", "control_handlers"]

#: The gRPC service name of the test controls (never ``v1.*``).
CONTROL_SERVICE = "aiosdm.testing.Control"

_AccessRequest = access_requests_pb2.AccessRequest
_Event = access_requests_pb2.AccessRequestEvent


def _spec(method: str, request: type[Message], python_name: str) -> MethodSpec[Any, Any]:
    return MethodSpec(
        service="Control",
        method=method,
        path=f"/{CONTROL_SERVICE}/{method}",
        signing_name=f"Control.{method}",
        request=request,
        response=_AccessRequest,
        python_name=python_name,
        shape=Shape.CUSTOM,
        idempotent=False,  # each call is an action: never sent twice
        permission=ALL,  # they act for the web UI's admin: the server checks it
    )


FILE = _spec("FileAccessRequest", _AccessRequest, "file_access_request")
DECIDE = _spec("DecideAccessRequest", _Event, "decide_access_request")

#: The event type a decision call carries, and the action it stands for.
_ACTIONS = {"approved": APPROVE, "denied": DENY, "canceled": CANCEL}


def control_handlers(env: Env) -> list[tuple[MethodSpec[Any, Any], ServerHandler]]:
    """The test-control methods and their handlers, for the server to mount."""

    async def file(call: ServerCall, request: Any) -> Message:
        return await env.store.write(file_request(env, call.key, request))

    async def decide(call: ServerCall, request: Any) -> Message:
        action = _ACTIONS.get(request.type)
        if action is None:
            raise bad_request(f"type must be approved, denied or canceled, not {request.type!r}")
        job = decide_request(
            env, call.key, request.request_id, request.actor_id, action, request.metadata
        )
        return await env.store.write(job)

    return [(FILE, file), (DECIDE, decide)]


class ControlClient(ClosesOnExit):
    """Files and decides access requests on a running local control plane from another
    process (``aiosdm serve``), as :class:`LocalServer`'s methods do in-process.

    Example::

        async with ControlClient(host, StaticCredentials(key, secret), insecure=True) as ctl:
            request = await ctl.file_access_request(
                account_id=alice, workflow_id=flow, resource_id=db, duration=timedelta(hours=1)
            )
            await ctl.approve_access_request(request.id, approver_id=bob)

    Failures are the usual typed errors (``aiosdm.errors.NotFoundError``, ...); a server
    without test controls (the real service) gives an ``RPCError`` saying so.

    Args:
        host: ``host:port`` of the server.
        credentials: an admin key's provider (e.g. ``StaticCredentials``).
        insecure: plaintext, as ``aiosdm serve`` listens.
        timeout: seconds each call may take.
    """

    def __init__(
        self,
        host: str,
        credentials: CredentialsProvider,
        *,
        insecure: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self.host = host
        self._timeout = timeout
        self._transport = Transport(host, insecure=insecure)
        self._chain: Handler = build_chain([SigningInterceptor(credentials)], self._transport)

    def __repr__(self) -> str:
        return f"ControlClient(host={self.host!r})"

    async def file_access_request(
        self,
        *,
        account_id: str,
        workflow_id: str,
        resource_id: str,
        reason: str = "",
        duration: timedelta | None = None,
        start_from: datetime | None = None,
    ) -> AccessRequest:
        """File a request as ``account_id`` would (see ``LocalServer.file_access_request``)."""
        wanted = request_message(
            account_id=account_id,
            workflow_id=workflow_id,
            resource_id=resource_id,
            reason=reason,
            duration=duration,
            start_from=start_from,
        )
        return await self._send(FILE, wanted)

    async def approve_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """Approve as ``approver_id``; the last approval needed grants the access."""
        return await self._decide(request_id, approver_id, "approved", comment)

    async def deny_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """Deny as ``approver_id``: the request ends, nothing is granted."""
        return await self._decide(request_id, approver_id, "denied", comment)

    async def cancel_access_request(self, request_id: str, *, comment: str = "") -> AccessRequest:
        """Withdraw a pending request, as its requester."""
        return await self._decide(request_id, "", "canceled", comment)

    async def _decide(
        self, request_id: str, actor_id: str, kind: str, comment: str
    ) -> AccessRequest:
        event = _Event(request_id=request_id, actor_id=actor_id, type=kind, metadata=comment)
        return await self._send(DECIDE, event)

    async def _send(self, spec: MethodSpec[Any, Any], message: Message) -> AccessRequest:
        from aiosdm._generated.models import AccessRequest, from_message

        call = Call(
            method=spec,
            request=message,
            deadline=time.monotonic() + self._timeout,
            idempotent=False,
        )
        try:
            reply = await self._chain.unary(call)
        except errors.RPCError as err:
            if err.code == StatusCode.UNIMPLEMENTED:
                raise errors.RPCError(
                    f"{self.host} has no test controls: only the local control plane "
                    "(aiosdm serve) takes access requests this way",
                    err.code,
                ) from None
            raise
        model: AccessRequest = from_message(AccessRequest, reply)
        return model

    async def close(self) -> None:
        """Close the connection. Safe to call more than once."""
        await self._transport.close()
