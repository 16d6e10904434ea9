"""AWS on loopback: one moto server per module, and a counting proxy in front of it.

The proxy is how tests count STS calls at the server side (and refuse chosen roles), so
nothing in aiosdm is patched or mocked.
"""

from __future__ import annotations

import asyncio
import base64
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import aiohttp
import pytest
from aiobotocore.session import AioSession
from aiohttp import web

BASE_ACCOUNT = "123456789012"  # moto's default account
_HOP_BY_HOP = {"host", "content-length", "transfer-encoding", "connection"}


@dataclass
class StsProxy:
    """What the proxy saw, and which roles it refuses."""

    url: str
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    denied_roles: set[str] = field(default_factory=set)
    first_call: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event | None = None  # when set by a test: hold AssumeRole until released

    def count(self, action: str) -> int:
        return Counter(name for name, _ in self.calls)[action]

    def params(self, action: str) -> list[dict[str, str]]:
        return [params for name, params in self.calls if name == action]


@pytest.fixture
async def sts(fresh_moto: str) -> AsyncIterator[StsProxy]:
    proxy = StsProxy(url="")
    client = aiohttp.ClientSession()

    async def forward(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        target = request.headers.get("X-Amz-Target", "")
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        action = form.get("Action") or target.rpartition(".")[2] or request.method
        proxy.calls.append((action, form))
        proxy.first_call.set()
        if action.startswith("AssumeRole") and proxy.release is not None:
            await proxy.release.wait()
        role = form.get("RoleArn", "")
        if action == "AssumeRole" and role.rpartition("/")[2] in proxy.denied_roles:
            return web.Response(status=403, text=_ACCESS_DENIED, content_type="text/xml")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        async with client.request(
            request.method, f"{fresh_moto}{request.path_qs}", data=body, headers=headers
        ) as answer:
            payload = await answer.read()
            kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
            return web.Response(status=answer.status, body=payload, headers=kept)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    proxy.url = f"http://127.0.0.1:{port}"
    try:
        yield proxy
    finally:
        await runner.cleanup()
        await client.close()


_ACCESS_DENIED = """<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code>
  <Message>not authorized to perform sts:AssumeRole</Message></Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>"""


@pytest.fixture
def base_session() -> AioSession:
    """A session with fixed (moto-acceptable) keys in the base account."""
    session = AioSession()
    session.set_credentials("AKIABASEEXAMPLE00001", "base-secret-not-real")
    session.set_config_variable("region", "us-east-1")
    return session


@pytest.fixture
def aws_files(tmp_path: Path) -> tuple[Path, Path]:
    """A config and a credentials file with a profile for the base account."""
    config = tmp_path / "config"
    config.write_text("[default]\nregion = us-east-1\n")
    credentials = tmp_path / "credentials"
    credentials.write_text(
        f"[{BASE_ACCOUNT}]\n"
        "aws_access_key_id = AKIAPROFILEEXAMPLE01\n"
        "aws_secret_access_key = profile-secret-not-real\n"
        "[default]\n"
        "aws_access_key_id = AKIADEFAULTEXAMPLE01\n"
        "aws_secret_access_key = default-secret-not-real\n"
    )
    return config, credentials


class FakeClock:
    """A wall clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clock_type() -> type[FakeClock]:
    """The class itself, for tests that need several clocks (test modules cannot import
    conftest under --import-mode=importlib)."""
    return FakeClock


SAML_PROVIDER = f"arn:aws:iam::{BASE_ACCOUNT}:saml-provider/local-idp"
IDP_USER, IDP_PASSWORD = "alice", "wonderland"


def saml_assertion(role_values: list[str], session_name: str = "alice") -> str:
    """A base64 SAML response granting ``role_values`` ("role_arn,principal_arn" each)."""
    values = "".join(f"<saml:AttributeValue>{v}</saml:AttributeValue>" for v in role_values)
    xml = (
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r1">'
        '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="a1">'
        "<saml:Subject><saml:NameID>alice@example.com</saml:NameID></saml:Subject>"
        "<saml:AttributeStatement>"
        '<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">'
        f"<saml:AttributeValue>{session_name}</saml:AttributeValue></saml:Attribute>"
        f'<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">{values}'
        "</saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>"
    )
    return base64.b64encode(xml.encode()).decode()


NTLM_DOMAIN = "CORP"


@dataclass
class LocalIdp:
    """A loopback identity provider answering with an ADFS-like SAML form.

    ``/sso`` takes HTTP Basic (GET) or the ADFS form (POST); ``/ntlm`` and ``/negotiate``
    take Windows-integrated logins, checked by pyspnego's own NTLM acceptor against a user
    file, one handshake per TCP connection (as IIS does).
    """

    url: str
    roles: list[str] = field(default_factory=list)
    hits: int = 0
    served: list[str] = field(default_factory=list)
    seen_forms: list[dict[str, str]] = field(default_factory=list)
    handshakes: list[tuple[str, int]] = field(default_factory=list)  # (scheme, connection)
    authenticated: list[str] = field(default_factory=list)


@pytest.fixture
async def idp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[LocalIdp]:
    import spnego

    users = tmp_path / "ntlm-users"
    users.write_text(f"{NTLM_DOMAIN}:{IDP_USER}:{IDP_PASSWORD}\n")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    state = LocalIdp(url="")
    acceptors: dict[tuple[str, int], object] = {}  # one NTLM context per connection

    def page() -> web.Response:
        state.served.append(saml_assertion(state.roles))
        form = (
            '<html><body><form method="post" action="https://signin.aws.amazon.com/saml">'
            f'<input type="hidden" name="SAMLResponse" value="{state.served[-1]}"/>'
            "</form></body></html>"
        )
        return web.Response(text=form, content_type="text/html")

    async def basic_login(request: web.Request) -> web.Response:
        state.hits += 1
        expected = "Basic " + base64.b64encode(f"{IDP_USER}:{IDP_PASSWORD}".encode()).decode()
        if request.headers.get("Authorization") != expected:
            return web.Response(status=401, headers={"WWW-Authenticate": 'Basic realm="idp"'})
        return page()

    async def form_login(request: web.Request) -> web.Response:
        state.hits += 1
        form = {k: str(v) for k, v in (await request.post()).items()}
        state.seen_forms.append(form)
        if (form.get("UserName"), form.get("Password")) != (IDP_USER, IDP_PASSWORD):
            return web.Response(status=401)
        return page()

    async def no_saml(request: web.Request) -> web.Response:
        state.hits += 1
        return web.Response(text="<html><body>Welcome!</body></html>", content_type="text/html")

    async def broken(request: web.Request) -> web.Response:
        state.hits += 1
        return web.Response(status=500, text="oops")

    async def two_forms(request: web.Request) -> web.Response:
        state.hits += 1
        one = page().text or ""
        return web.Response(text=one + one, content_type="text/html")

    def windows_login(scheme: str, protocol: str) -> object:
        async def login(request: web.Request) -> web.Response:
            state.hits += 1
            peer = request.transport.get_extra_info("peername") if request.transport else None
            connection = (str(peer[0]), int(peer[1])) if peer else ("?", 0)
            offered = request.headers.get("Authorization", "")
            name, _, token = offered.partition(" ")
            if name.lower() != scheme.lower() or not token:
                return web.Response(status=401, headers={"WWW-Authenticate": scheme})
            acceptor = acceptors.get(connection)
            if acceptor is None:  # a handshake starts on this connection
                acceptor = acceptors[connection] = spnego.server(
                    hostname="127.0.0.1", service="HTTP", protocol=protocol
                )
                state.handshakes.append((scheme, connection[1]))
            try:
                answer = acceptor.step(base64.b64decode(token))  # type: ignore[attr-defined]
            except spnego.exceptions.SpnegoError:
                acceptors.pop(connection, None)
                return web.Response(status=401, headers={"WWW-Authenticate": scheme})
            if not acceptor.complete:  # type: ignore[attr-defined]
                challenge = f"{scheme} {base64.b64encode(answer or b'').decode()}"
                return web.Response(status=401, headers={"WWW-Authenticate": challenge})
            acceptors.pop(connection, None)
            state.authenticated.append(str(acceptor.client_principal))  # type: ignore[attr-defined]
            return page()

        return login

    async def token_login(request: web.Request) -> web.Response:
        state.hits += 1
        if request.headers.get("X-Idp-Token") != "let-me-in":
            return web.Response(status=401)
        return page()

    app = web.Application()
    app.router.add_get("/twice", two_forms)
    app.router.add_get("/ntlm", windows_login("NTLM", "ntlm"))  # type: ignore[arg-type]
    app.router.add_get("/negotiate", windows_login("Negotiate", "negotiate"))  # type: ignore[arg-type]
    app.router.add_get("/token", token_login)
    app.router.add_get("/sso", basic_login)
    app.router.add_post("/sso", form_login)
    app.router.add_get("/welcome", no_saml)
    app.router.add_get("/broken", broken)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    state.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield state
    finally:
        await runner.cleanup()
