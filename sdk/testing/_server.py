"""``LocalServer``: the local control plane as an ``async with`` block."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

import grpc
import grpc.aio
from google.protobuf.message import DecodeError

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.services import SERVICES
from aiosdm._specs import MethodSpec
from aiosdm.testing._auth import ApiKey, KeyRing
from aiosdm.testing._authority import Authority, mint_jwt
from aiosdm.testing._control import CONTROL_SERVICE, control_handlers
from aiosdm.testing._derived import update_derived
from aiosdm.testing._engine import Env, ServerCall, ServerHandler
from aiosdm.testing._errors import ServiceError, bad_request
from aiosdm.testing._faults import Faults
from aiosdm.testing._fields import invalid_value
from aiosdm.testing._handlers import build_handlers
from aiosdm.testing._organization import addresses, organization
from aiosdm.testing._permissions import KNOWN
from aiosdm.testing._ratelimit import RateLimit, RateLimiter
from aiosdm.testing._seed import seed
from aiosdm.testing._store import Actor, Store, Tx
from aiosdm.testing.rules import load_rules
from aiosdm.testing.rules.access_requests import (
    APPROVE,
    CANCEL,
    DENY,
    decide_request,
    file_request,
    request_message,
)

if TYPE_CHECKING:
    from aiosdm._client_options import ConnectedClientOptions
    from aiosdm._generated.models import AccessRequest
    from aiosdm.client import Client  # type: ignore[import-not-found,unused-ignore]

__all__ = ["LocalServer"]

log = logging.getLogger("aiosdm.testing")

_USER_AGENT = "x-sdm-user-agent"
_MAX_MESSAGE = 64 * 1024 * 1024


def _peer_ip(peer: str) -> str:
    # grpc peers look like "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000".
    _, _, address = peer.partition(":")
    host, _, _ = address.rpartition(":")
    return host.strip("[]")


class LocalServer:
    """A strongDM-compatible control plane on loopback, for demos and tests.

    It serves every method aiosdm knows on the wire paths ``/v1.<Service>/<Method>``,
    checks every request signature and the permission each method needs (see
    ``aiosdm.testing._permissions``; :attr:`access_key` holds every permission), keeps
    versioned state in SQLite (so snapshots and history work), and can be told to
    rate-limit or fail calls.

    Example::

        async with LocalServer() as server:
            async with server.client() as client:
                ...

    Args:
        db: SQLite file to keep state in (reused across restarts), or None for a private
            one that is deleted on stop.
        bind_host: interface to listen on.
        port: TCP port; 0 picks a free one.
        rate_limit: per-access-key limit; None (the default) never limits.
        page_size: list page size when a request sets no ``meta.limit``.
        max_page_size: the largest page a request may ask for.
        seed: seed of the fault-injection RNG.
        engine_key_bits: RSA key size of secret engines.
        read_budget: seconds one read (a list page, a get) may take; longer ones end in
            DEADLINE_EXCEEDED instead of holding the server.
    """

    def __init__(
        self,
        *,
        db: str | os.PathLike[str] | None = None,
        bind_host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: RateLimit | None = None,
        page_size: int = 50,
        max_page_size: int = 1000,
        seed: int | None = None,
        engine_key_bits: int = 2048,
        read_budget: float = 10.0,
    ) -> None:
        if not 1 <= page_size <= max_page_size:
            raise ValueError("need 1 <= page_size <= max_page_size")
        self._bind_host = bind_host
        self._port = port
        self._keyring = KeyRing()
        self._store = Store(db, before_commit=update_derived, read_budget=read_budget)
        self._limiter = RateLimiter(rate_limit)
        self._env = Env(
            store=self._store,
            keyring=self._keyring,
            rules=load_rules(),
            page_size=page_size,
            max_page_size=max_page_size,
            engine_key_bits=engine_key_bits,
            host=lambda: self.host,
        )
        self._server: grpc.aio.Server | None = None
        self._admin: ApiKey | None = None
        #: Fault injection controls (see :class:`Faults`).
        self.faults = Faults(seed)
        #: Calls served, by signing name (``"Accounts.Create"``), errors included.
        self.calls: Counter[str] = Counter()

    def __repr__(self) -> str:
        state = f"host={self.host!r}" if self._server is not None else "stopped"
        return f"LocalServer({state})"

    # -- lifecycle ---------------------------------------------------------------

    async def start(self) -> None:
        """Open the store and start listening."""
        if self._server is not None:
            raise RuntimeError("server already started")
        await self._store.open()
        try:
            self._admin = await self._store.write(self._load)
            server = grpc.aio.server(
                options=[
                    ("grpc.so_reuseport", 0),
                    ("grpc.max_receive_message_length", _MAX_MESSAGE),
                    ("grpc.max_send_message_length", _MAX_MESSAGE),
                ]
            )
            handlers = build_handlers(self._env)
            controls = control_handlers(self._env)
            for service, methods in SERVICES.items():
                server.add_generic_rpc_handlers(
                    (
                        grpc.method_handlers_generic_handler(
                            f"v1.{service}",
                            {
                                method: grpc.unary_unary_rpc_method_handler(
                                    self._rpc(spec, handlers[service][method])
                                )
                                for method, spec in methods.items()
                            },
                        ),
                    )
                )
            # Test controls (filing access requests, ...): outside v1, see _control.
            server.add_generic_rpc_handlers(
                (
                    grpc.method_handlers_generic_handler(
                        CONTROL_SERVICE,
                        {
                            spec.method: grpc.unary_unary_rpc_method_handler(
                                self._rpc(spec, handler)
                            )
                            for spec, handler in controls
                        },
                    ),
                )
            )
            self._port = server.add_insecure_port(f"{self._bind_host}:{self._port}")
            await server.start()
        except BaseException:
            await self._store.close()
            raise
        self._server = server
        log.info("aiosdm local control plane listening on %s", self.host)

    async def stop(self, grace: float | None = 1.0) -> None:
        """Stop listening (letting calls in flight finish within ``grace``) and close."""
        server, self._server = self._server, None
        if server is not None:
            await server.stop(grace)
        await self._store.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _load(self, tx: Tx) -> ApiKey:
        admin = self._keyring.load(tx)
        for account in tx.iterate(KINDS["account"]):
            self._keyring.note_account(account)
        return admin

    # -- what tests use ----------------------------------------------------------

    @property
    def host(self) -> str:
        """``"127.0.0.1:PORT"``: what clients connect to."""
        return f"{self._bind_host}:{self._port}"

    @property
    def port(self) -> int:
        """The port it listens on (chosen by the system when 0 was asked)."""
        return self._port

    @property
    def access_key(self) -> str:
        """The admin access key (created with a fresh store, kept in it)."""
        return self._admin_key().access_key

    @property
    def secret_key(self) -> str:
        """The admin secret key (base64)."""
        return self._admin_key().secret_key

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate limit in force, if any."""
        return self._limiter.limit

    @rate_limit.setter
    def rate_limit(self, value: RateLimit | None) -> None:
        """Change the per-key limit at once (buckets start full)."""
        self._limiter.limit = value

    def client(self, **kwargs: Unpack[ConnectedClientOptions]) -> Client:
        """An ``aiosdm.Client`` for this server with the admin key (plaintext channel)."""
        from aiosdm.client import Client

        return Client(self.access_key, self.secret_key, host=self.host, insecure=True, **kwargs)

    async def create_api_key(
        self,
        *,
        name: str = "test-key",
        admin: bool = True,
        permissions: Iterable[str] = (),
    ) -> ApiKey:
        """Issue another API key of no account, usable at once.

        Args:
            name: recorded as the actor of what the key does.
            admin: the key holds every permission, as the server's own key does.
            permissions: what a key that is not ``admin`` holds (strongDM permission
                strings, ``aiosdm.Permission.ROLE_LIST``); none by default, so every
                call it makes is PERMISSION_DENIED.

        Raises:
            ValueError: ``permissions`` with ``admin``, or a string that is no strongDM
                permission.
        """
        wanted = frozenset(permissions)
        if admin and wanted:
            raise ValueError("an admin key holds every permission: give admin=False")
        unknown = sorted(wanted - KNOWN)
        if unknown:
            raise ValueError(f"not strongDM permissions: {', '.join(unknown)}")
        return await self._store.write(
            lambda tx: self._keyring.issue(
                tx, account_id="", name=name, admin=admin, permissions=wanted
            )
        )

    async def revoke_api_key(self, access_key: str) -> None:
        """Revoke a key: calls signed with it fail with UNAUTHENTICATED from now on.

        Raises:
            KeyError: no such live key.
        """
        if not await self._store.write(lambda tx: self._keyring.revoke(tx, access_key)):
            raise KeyError(access_key)

    async def rotate_api_key(self, access_key: str) -> ApiKey:
        """Replace a key by a new one for the same owner (the old one is revoked).

        Raises:
            KeyError: no such live key.
        """
        old = self._keyring.get(access_key)
        if old is None or old.revoked:
            raise KeyError(access_key)

        def job(tx: Tx) -> ApiKey:
            self._keyring.revoke(tx, access_key)
            return self._keyring.issue(
                tx,
                account_id=old.account_id,
                name=old.name,
                admin=old.admin,
                permissions=old.permissions,
            )

        new = await self._store.write(job)
        if old.access_key == self._admin_key().access_key:
            self._admin = new
        return new

    async def seed(self, entities: Iterable[Any]) -> list[str]:
        """Create many entities in one transaction, as their Create calls would.

        Fast setup for tests and benchmarks: validation, uniqueness, ids, derived
        access and history behave as over the wire, with one activity for the lot.
        Takes aiosdm models (``User(...)``, ``Postgres(...)``) or protobuf messages;
        secret engines and managed secrets must go through the API.

        Returns:
            The new ids, in order.

        Raises:
            ValueError: an entity of a kind that cannot be seeded.
            ServiceError: the first entity that its Create call would refuse.
        """
        job = seed(self._env, self._admin_key(), entities)
        return await self._store.write(job, Actor(first_name=self._admin_key().name))

    # -- access requests: what users do outside the API -----------------------------

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
        """File an access request as ``account_id`` would, outside the API.

        The workflow must be enabled, match the resource with its access rules, take
        requests from the account (its WorkflowRoles) and allow the duration (it may be
        left out when the workflow fixes one); it may require a reason. A workflow that
        grants automatically approves at once and creates the grant; otherwise the
        request is ``pending`` until :meth:`approve_access_request`,
        :meth:`deny_access_request` or :meth:`cancel_access_request`. The rules are
        spelled out in ``aiosdm.testing.rules.access_requests``.

        Returns:
            The request as stored (``status`` ``pending`` or ``approved``).

        Raises:
            ValueError: ``start_from`` is naive.
            ServiceError: NOT_FOUND, INVALID_ARGUMENT or PERMISSION_DENIED, saying why.
        """
        wanted = request_message(
            account_id=account_id,
            workflow_id=workflow_id,
            resource_id=resource_id,
            reason=reason,
            duration=duration,
            start_from=start_from,
        )
        stored = await self._store.write(file_request(self._env, self._admin_key(), wanted))
        return _request_model(stored)

    async def approve_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """Approve a pending request as ``approver_id`` (a workflow approver, or an
        approver of the current step of its approval flow). The last approval needed
        creates the AccountGrant and marks the request ``approved``.

        Raises:
            ServiceError: NOT_FOUND, INVALID_ARGUMENT (not pending), PERMISSION_DENIED
                (not an approver now, or the requester), ALREADY_EXISTS (the grant
                would overlap another of the account's grants to the resource).
        """
        job = decide_request(
            self._env, self._admin_key(), request_id, approver_id, APPROVE, comment
        )
        return _request_model(await self._store.write(job))

    async def deny_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """Deny a pending request as ``approver_id``: it ends ``denied``, nothing granted."""
        job = decide_request(self._env, self._admin_key(), request_id, approver_id, DENY, comment)
        return _request_model(await self._store.write(job))

    async def cancel_access_request(self, request_id: str, *, comment: str = "") -> AccessRequest:
        """Withdraw a pending request, as its requester: it ends ``canceled``."""
        job = decide_request(self._env, self._admin_key(), request_id, "", CANCEL, comment)
        return _request_model(await self._store.write(job))

    async def mint_jwt(
        self,
        subject: str = "",
        *,
        expires_in: timedelta = timedelta(minutes=5),
        claims: Mapping[str, Any] | None = None,
    ) -> str:
        """A JWT signed by the organization, as strongDM issues them to the apps behind it:
        ``ControlPanel.VerifyJWT`` accepts it until it expires.

        Args:
            subject: the ``sub`` claim (left out when empty).
            expires_in: its lifetime; negative for one that has already expired.
            claims: more claims, added last (they may replace ``iss``, ``exp``, ...).
        """
        org = await organization(self._env)
        key = await self._env.shared(Authority).signer(self._store)
        issuer = addresses(self._env, org)["oidc_issuer_url"]
        # RSA signing is quick, but still no work of that kind on the loop.
        return await asyncio.to_thread(
            mint_jwt,
            key,
            issuer=issuer,
            subject=subject,
            lifetime_s=expires_in.total_seconds(),
            claims=dict(claims or {}),
        )

    def _admin_key(self) -> ApiKey:
        if self._admin is None:
            raise RuntimeError("server not started")
        return self._admin

    # -- the wire ----------------------------------------------------------------

    def _rpc(
        self, spec: MethodSpec[Any, Any], handler: ServerHandler
    ) -> Callable[[bytes, grpc.aio.ServicerContext], Awaitable[bytes]]:
        async def rpc(body: bytes, context: grpc.aio.ServicerContext) -> bytes:
            started = time.perf_counter()
            self.calls[spec.signing_name] += 1
            try:
                response = await self._serve(spec, handler, body, context)
            except ServiceError as err:
                log.debug(
                    "%s -> %s (%.1f ms)",
                    spec.signing_name,
                    err.code.name,
                    (time.perf_counter() - started) * 1000,
                )
                await context.abort(err.code, err.message, trailing_metadata=err.trailers())
            except Exception:
                log.exception("%s failed", spec.signing_name)
                internal = ServiceError(grpc.StatusCode.INTERNAL, "internal error")
                await context.abort(
                    internal.code, internal.message, trailing_metadata=internal.trailers()
                )
            log.debug(
                "%s -> OK (%.1f ms)", spec.signing_name, (time.perf_counter() - started) * 1000
            )
            return response

        return rpc

    async def _serve(
        self,
        spec: MethodSpec[Any, Any],
        handler: ServerHandler,
        body: bytes,
        context: grpc.aio.ServicerContext,
    ) -> bytes:
        metadata = context.invocation_metadata() or ()
        key = self._keyring.verify(metadata, spec.signing_name, body)
        rate = self._limiter.take(key.access_key)
        self._keyring.authorize(key, spec)  # before anything is read or written
        delay = self.faults.latency(spec.signing_name)
        if delay > 0:
            await asyncio.sleep(delay)
        fault = self.faults.draw(spec.signing_name)
        if fault is not None and not fault.after_commit:
            raise fault.error()
        try:
            request = spec.request.FromString(body)
        except DecodeError:
            raise bad_request(f"malformed {spec.request.DESCRIPTOR.name}") from None
        problem = invalid_value(request)
        if problem is not None:  # refused before anything is stored: state stays readable
            raise bad_request(problem)
        agent = next((str(v) for k, v in metadata if k == _USER_AGENT), "")
        actor = Actor(
            account_id=key.account_id,
            first_name=key.name,
            ip_address=_peer_ip(context.peer() or ""),
            user_agent=agent,
        )
        # A fault strikes after the work, whatever its outcome, as a lost reply would.
        try:
            response = await handler(ServerCall(spec, key, actor), request)
        except ServiceError:
            if fault is None:
                raise
            raise fault.error() from None
        if fault is not None:
            raise fault.error()
        if "rate_limit" in response.DESCRIPTOR.fields_by_name:  # test controls have none
            response.rate_limit.CopyFrom(rate)  # type: ignore[attr-defined]
        return response.SerializeToString()


def _request_model(message: Any) -> AccessRequest:
    from aiosdm._generated.models import AccessRequest, from_message

    return from_message(AccessRequest, message)  # type: ignore[no-any-return]
